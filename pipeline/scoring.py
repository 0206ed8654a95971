"""Exact-span NER scores, counted the way conlleval counts them."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

Span = tuple[int, int, str]


@dataclass(frozen=True)
class PRF:
    """Precision, recall and F1 with the counts behind them."""

    tp: int
    fp: int
    fn: int

    @property
    def p(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def r(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f(self) -> float:
        return 2 * self.p * self.r / (self.p + self.r) if self.p + self.r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"p": round(self.p, 4), "r": round(self.r, 4), "f": round(self.f, 4),
                "tp": self.tp, "fp": self.fp, "fn": self.fn}


def score_spans(gold: list[list[Span]], predicted: list[list[Span]]) -> tuple[PRF, dict[str, PRF]]:
    """Overall and per-label scores: a prediction counts only when start, end and label all match."""
    if len(gold) != len(predicted):
        raise ValueError(f"{len(gold)} gold sentences but {len(predicted)} predicted")
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for gold_spans, predicted_spans in zip(gold, predicted):
        gold_set, predicted_set = set(gold_spans), set(predicted_spans)
        for _, _, label in gold_set & predicted_set:
            tp[label] += 1
        for _, _, label in predicted_set - gold_set:
            fp[label] += 1
        for _, _, label in gold_set - predicted_set:
            fn[label] += 1
    labels = sorted(set(tp) | set(fp) | set(fn))
    per_label = {label: PRF(tp[label], fp[label], fn[label]) for label in labels}
    overall = PRF(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return overall, per_label
