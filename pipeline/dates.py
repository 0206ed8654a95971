"""Dates: Dutch date expressions normalized against the document date."""

from __future__ import annotations

from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

SPAN_KEY = "dates"

if not Doc.has_extension("doc_date"):
    Doc.set_extension("doc_date", default=None)
if not Span.has_extension("date"):
    Span.set_extension("date", default=None)


@dataclass(frozen=True)
class DateValue:
    """The normalized value of a date span (columns of ``dates.csv`` after the span columns)."""

    value: str
    value_end: str = ""
    mod: str = ""
    granularity: str = ""
    anchored: bool = False


class DateTagger:
    """Find date expressions and store them in ``doc.spans["dates"]`` with ``span._.date``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc.spans[SPAN_KEY] = SpanGroup(doc, name=SPAN_KEY, spans=[])
        return doc


@Language.factory("nl_dates", assigns=["doc.spans", "span._.date"])
def make_date_tagger(nlp: Language, name: str) -> DateTagger:
    """Factory for :class:`DateTagger`."""
    return DateTagger(name)
