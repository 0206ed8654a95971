"""Evaluation of the extraction pipeline's entities on CoNLL-style files, scored like conlleval."""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .conll import read_conll
from .scoring import score_spans


def predict_spans(nlp: Language, words_per_sentence: list[list[str]], batch_size: int = 256) -> list[list[tuple[int, int, str]]]:
    """Entity spans the full pipeline predicts for each pre-tokenized sentence."""
    docs = (Doc(nlp.vocab, words=words) for words in words_per_sentence)
    return [[(e.start, e.end, e.label_) for e in doc.ents] for doc in nlp.pipe(docs, batch_size=batch_size)]


def evaluate_file(path: str | Path, nlp: Language) -> dict[str, Any]:
    """Exact-span precision, recall and F1 (overall and per label) and words/second on ``path``."""
    sentences = list(read_conll(path))
    words = [s.words for s in sentences]
    started = time.perf_counter()
    predicted = predict_spans(nlp, words)
    seconds = time.perf_counter() - started
    overall, per_label = score_spans([s.spans for s in sentences], predicted)
    n_words = sum(len(w) for w in words)
    return {
        "overall": overall.as_dict(),
        "per_label": {label: prf.as_dict() for label, prf in per_label.items()},
        "sentences": len(sentences),
        "words": n_words,
        "words_per_second": round(n_words / seconds, 1) if seconds else None,
    }


def format_report(result: dict[str, Any]) -> str:
    """A conlleval-like text table of an evaluation result."""
    lines = [f"{'label':<8}{'precision':>10}{'recall':>10}{'F1':>10}{'gold':>8}{'pred':>8}"]
    rows = [*result["per_label"].items(), ("overall", result["overall"])]
    for label, s in rows:
        lines.append(
            f"{label:<8}{s['p'] * 100:>10.2f}{s['r'] * 100:>10.2f}{s['f'] * 100:>10.2f}"
            f"{s['tp'] + s['fn']:>8}{s['tp'] + s['fp']:>8}"
        )
    lines.append(f"{result['sentences']} sentences, {result['words']} words, {result['words_per_second']:,.0f} words/second")
    return "\n".join(lines)
