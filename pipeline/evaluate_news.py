"""Scoring against the news-gold standard: entities, figures and dates of the same pipeline ``extract`` runs.

- Entities: exact span and label, precision/recall/F1 overall and per label (as conlleval).
- Figures: a prediction is right when its span overlaps a gold figure's and value, value_max and unit
  agree; qualifier and subject accuracy are counted over those right ones.
- Dates: right when the span overlaps and value and value_end agree; mod accuracy over the right ones.

The same functions compare two annotation passes (inter-annotator agreement).
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any, Callable, Sequence, TypeVar

import pandas as pd

from .news_gold import AnnotatedArticle, DateAnnotation, EntityAnnotation, FigureAnnotation
from .scoring import PRF

A = TypeVar("A", FigureAnnotation, DateAnnotation)


@dataclass
class Matches:
    """One-to-one pairs of gold and predicted annotations that count as right, and what is left over."""

    pairs: list[tuple[Any, Any]] = field(default_factory=list)
    missed: list[Any] = field(default_factory=list)
    spurious: list[Any] = field(default_factory=list)
    # pairs that overlap but disagree on the value: reported as errors, counted as a miss and a false alarm
    wrong: list[tuple[Any, Any]] = field(default_factory=list)

    @property
    def prf(self) -> PRF:
        return PRF(len(self.pairs), len(self.spurious) + len(self.wrong), len(self.missed) + len(self.wrong))


def overlaps(a: Any, b: Any) -> bool:
    return a.start < b.end and b.start < a.end


def same_number(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-3, abs_tol=1e-9)  # "een derde": 33.33 and 33.333 agree


def figure_agrees(gold: FigureAnnotation, predicted: FigureAnnotation) -> bool:
    return same_number(gold.value, predicted.value) and same_number(gold.value_max, predicted.value_max) \
        and gold.unit == predicted.unit


def date_agrees(gold: DateAnnotation, predicted: DateAnnotation) -> bool:
    return gold.value == predicted.value and (gold.value_end or "") == (predicted.value_end or "")


def match_overlapping(gold: Sequence[A], predicted: Sequence[A], agrees: Callable[[A, A], bool]) -> Matches:
    """Pair gold and predicted annotations one to one: first overlapping pairs that agree, then the rest."""
    result = Matches()
    free = list(predicted)
    unmatched_gold = []
    for g in gold:
        hit = next((p for p in free if overlaps(g, p) and agrees(g, p)), None)
        if hit is None:
            unmatched_gold.append(g)
        else:
            free.remove(hit)
            result.pairs.append((g, hit))
    for g in unmatched_gold:
        near = next((p for p in free if overlaps(g, p)), None)
        if near is None:
            result.missed.append(g)
        else:
            free.remove(near)
            result.wrong.append((g, near))
    result.spurious = free
    return result


def score_entities(gold: list[AnnotatedArticle], predicted: list[AnnotatedArticle]) -> dict[str, Any]:
    """Exact-span entity scores, overall and per label."""
    tp: dict[str, int] = {}
    fp: dict[str, int] = {}
    fn: dict[str, int] = {}
    for g, p in zip(gold, predicted):
        gold_set = {(e.start, e.end, e.label) for e in g.entities}
        predicted_set = {(e.start, e.end, e.label) for e in p.entities}
        for counter, spans in ((tp, gold_set & predicted_set), (fp, predicted_set - gold_set), (fn, gold_set - predicted_set)):
            for *_, label in spans:
                counter[label] = counter.get(label, 0) + 1
    labels = sorted(set(tp) | set(fp) | set(fn))
    per_label = {label: PRF(tp.get(label, 0), fp.get(label, 0), fn.get(label, 0)) for label in labels}
    overall = PRF(sum(tp.values()), sum(fp.values()), sum(fn.values()))
    return {"overall": overall.as_dict(), "per_label": {label: s.as_dict() for label, s in per_label.items()}}


def accuracy(pairs: list[tuple[Any, Any]], same: Callable[[Any, Any], bool]) -> float:
    return round(sum(same(g, p) for g, p in pairs) / len(pairs), 4) if pairs else 0.0


def score_figures(gold: list[AnnotatedArticle], predicted: list[AnnotatedArticle]) -> dict[str, Any]:
    """Figure P/R/F1 (overlap, value and unit) with qualifier and subject accuracy over the right ones."""
    matches = [match_overlapping(g.figures, p.figures, figure_agrees) for g, p in zip(gold, predicted)]
    pairs = [pair for m in matches for pair in m.pairs]
    return {
        **sum_prf(matches).as_dict(),
        "qualifier_acc": accuracy(pairs, lambda g, p: g.qualifier == p.qualifier),
        "subject_acc": accuracy(pairs, lambda g, p: g.subject == p.subject),
        "span_f": span_prf([g.figures for g in gold], [p.figures for p in predicted]).as_dict()["f"],
    }


def score_dates(gold: list[AnnotatedArticle], predicted: list[AnnotatedArticle]) -> dict[str, Any]:
    """Date P/R/F1 (overlap and value) with mod accuracy over the right ones."""
    matches = [match_overlapping(g.dates, p.dates, date_agrees) for g, p in zip(gold, predicted)]
    pairs = [pair for m in matches for pair in m.pairs]
    return {
        **sum_prf(matches).as_dict(),
        "mod_acc": accuracy(pairs, lambda g, p: (g.mod or "") == (p.mod or "")),
        "span_f": span_prf([g.dates for g in gold], [p.dates for p in predicted]).as_dict()["f"],
    }


def sum_prf(matches: list[Matches]) -> PRF:
    return PRF(*(sum(getattr(m.prf, name) for m in matches) for name in ("tp", "fp", "fn")))


def span_prf(gold: list[list[Any]], predicted: list[list[Any]]) -> PRF:
    """Scores of the spans alone (overlap), whatever their values: how much is found at all."""
    return sum_prf([match_overlapping(g, p, lambda a, b: True) for g, p in zip(gold, predicted)])


def compare(gold: list[AnnotatedArticle], predicted: list[AnnotatedArticle]) -> dict[str, Any]:
    """Scores of ``predicted`` against ``gold`` on all three layers (articles in the same order)."""
    if [a.id for a in gold] != [a.id for a in predicted]:
        raise ValueError("gold and predicted articles differ")
    return {
        "documents": len(gold),
        "entities": score_entities(gold, predicted),
        "figures": score_figures(gold, predicted),
        "dates": score_dates(gold, predicted),
    }


def articles_from_tables(gold: list[AnnotatedArticle], tables: Any) -> list[AnnotatedArticle]:
    """The pipeline's rows, per gold article, as annotations comparable with the gold ones."""
    def by_doc(frame: pd.DataFrame) -> dict[str, list[dict]]:
        grouped: dict[str, list[dict]] = {}
        for row in frame.to_dict("records"):
            grouped.setdefault(row["doc_id"], []).append(row)
        return grouped

    def number(value: Any) -> float | None:
        return None if value is None or pd.isna(value) else float(value)

    def text(value: Any) -> str:
        return "" if value is None or pd.isna(value) else str(value)

    entities, figures, dates = by_doc(tables.entities), by_doc(tables.figures), by_doc(tables.dates)
    out = []
    for article in gold:
        doc_id = article.doc_id
        out.append(AnnotatedArticle(
            article.id, article.split, article.date, article.text,
            entities=[EntityAnnotation(int(r["start_char"]), int(r["end_char"]), r["text"], r["label"])
                      for r in entities.get(doc_id, [])],
            figures=[FigureAnnotation(int(r["start_char"]), int(r["end_char"]), r["text"], number(r["value"]) or 0.0,
                                      number(r["value_max"]), text(r["unit"]), text(r["quantity"]),
                                      text(r["qualifier"]) or "exact", text(r["subject"]))
                     for r in figures.get(doc_id, [])],
            dates=[DateAnnotation(int(r["start_char"]), int(r["end_char"]), r["text"], text(r["value"]),
                                  mod=text(r["mod"]), value_end=text(r["value_end"]))
                   for r in dates.get(doc_id, [])],
        ))
    return out


def predict(gold: list[AnnotatedArticle], model: str | None = None) -> list[AnnotatedArticle]:
    """Run the extraction pipeline over the gold articles' texts, as ``extract`` would."""
    from .extract import extract_texts

    tables = extract_texts([a.text for a in gold], ids=[a.doc_id for a in gold], model=model)
    return articles_from_tables(gold, tables)


def errors(gold: list[AnnotatedArticle], predicted: list[AnnotatedArticle]) -> list[str]:
    """One line per disagreement: missed, spurious and wrong annotations with their article and offsets."""
    lines = []
    for g, p in zip(gold, predicted):
        gold_entities = {(e.start, e.end): e for e in g.entities}
        predicted_entities = {(e.start, e.end): e for e in p.entities}
        for key in sorted(set(gold_entities) | set(predicted_entities)):
            ge, pe = gold_entities.get(key), predicted_entities.get(key)
            if ge and pe and ge.label == pe.label:
                continue
            if ge and pe:
                lines.append(f"{g.id} entity  {key[0]}:{key[1]} {ge.text!r} gold {ge.label}, predicted {pe.label}")
            elif ge:
                lines.append(f"{g.id} entity  {key[0]}:{key[1]} {ge.text!r} {ge.label} missed")
            else:
                lines.append(f"{g.id} entity  {key[0]}:{key[1]} {pe.text!r} {pe.label} spurious")
        for layer, agrees, show in (("figure", figure_agrees, show_figure), ("date", date_agrees, show_date)):
            m = match_overlapping(getattr(g, layer + "s"), getattr(p, layer + "s"), agrees)
            for item in m.missed:
                lines.append(f"{g.id} {layer:<7} {item.start}:{item.end} {item.text!r} missed (gold {show(item)})")
            for item in m.spurious:
                lines.append(f"{g.id} {layer:<7} {item.start}:{item.end} {item.text!r} spurious ({show(item)})")
            for gi, pi in m.wrong:
                lines.append(f"{g.id} {layer:<7} {gi.start}:{gi.end} {gi.text!r} gold {show(gi)}, "
                             f"predicted {pi.text!r} {show(pi)}")
            for gi, pi in m.pairs:
                if layer == "figure" and (gi.qualifier, gi.subject) != (pi.qualifier, pi.subject):
                    lines.append(f"{g.id} figure  {gi.start}:{gi.end} {gi.text!r} qualifier/subject gold "
                                 f"{gi.qualifier}/{gi.subject or '-'}, predicted {pi.qualifier}/{pi.subject or '-'}")
                if layer == "date" and (gi.mod or "") != (pi.mod or ""):
                    lines.append(f"{g.id} date    {gi.start}:{gi.end} {gi.text!r} mod gold {gi.mod or '-'}, "
                                 f"predicted {pi.mod or '-'}")
    return lines


def show_figure(f: FigureAnnotation) -> str:
    value = f"{f.value:g}" + (f"-{f.value_max:g}" if f.value_max is not None else "")
    return f"{value} {f.unit or '(count)'}"


def show_date(d: DateAnnotation) -> str:
    return d.value + (f"/{d.value_end}" if d.value_end else "") + (f" {d.mod}" if d.mod else "")


def format_report(result: dict[str, Any]) -> str:
    """A text table of a news-gold evaluation."""
    lines = [f"news-gold {result.get('split', '')}: {result['documents']} documents",
             f"{'entities':<10}{'precision':>10}{'recall':>10}{'F1':>10}{'gold':>8}{'pred':>8}"]
    entities = result["entities"]
    for label, s in [*entities["per_label"].items(), ("overall", entities["overall"])]:
        lines.append(f"  {label:<8}{s['p'] * 100:>10.2f}{s['r'] * 100:>10.2f}{s['f'] * 100:>10.2f}"
                     f"{s['tp'] + s['fn']:>8}{s['tp'] + s['fp']:>8}")
    for layer, extra in (("figures", ("qualifier_acc", "subject_acc")), ("dates", ("mod_acc",))):
        s = result[layer]
        accuracies = ", ".join(f"{name} {s[name] * 100:.1f}" for name in extra)
        lines.append(f"{layer:<10}{s['p'] * 100:>10.2f}{s['r'] * 100:>10.2f}{s['f'] * 100:>10.2f}"
                     f"{s['tp'] + s['fn']:>8}{s['tp'] + s['fp']:>8}   span F1 {s['span_f'] * 100:.1f}, {accuracies}")
    return "\n".join(lines)
