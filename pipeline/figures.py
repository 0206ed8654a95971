"""Figures: numbers with their unit, qualifier and what they count."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

SPAN_KEY = "figures"

if not Span.has_extension("figure"):
    Span.set_extension("figure", default=None)


@dataclass(frozen=True)
class Figure:
    """The normalized value of a figure span (columns of ``figures.csv`` after the span columns)."""

    value: float | None
    value_max: float | None = None
    unit: str = ""
    quantity: str = "count"
    qualifier: str = "exact"
    subject: str = ""
    vague: bool = False
    value_si: float | None = None
    unit_si: str = ""


class FigureTagger:
    """Find figures and store them in ``doc.spans["figures"]`` with ``span._.figure``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_KEY] = SpanGroup(doc, name=SPAN_KEY, spans=[])
        return doc


@Language.factory("nl_figures", assigns=["doc.spans", "span._.figure"])
def make_figure_tagger(nlp: Language, name: str) -> FigureTagger:
    """Factory for :class:`FigureTagger`."""
    return FigureTagger(name)
