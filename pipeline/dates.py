"""Dates: find Dutch date expressions in a Doc and normalize them against the document date.

Detection is by pattern (``timex.find_date_expressions``) plus bare years (the same rule the figure
component uses to leave them alone); normalization is the pure ``timex.normalize_date``. Whether a
sentence speaks of the past or the future comes from the verbs' morphology when the pipeline has a
morphologizer, and from auxiliary verbs otherwise.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup

from .figures import looks_like_year
from .timex import DateValue, RefDate, find_date_expressions, normalize_date

__all__ = ["DateTagger", "DateValue", "SPAN_KEY", "sentence_direction"]

SPAN_KEY = "dates"

if not Doc.has_extension("doc_date"):
    Doc.set_extension("doc_date", default=None)
if not Span.has_extension("date"):
    Span.set_extension("date", default=None)

FUTURE_WORDS = frozenset(
    "zal zullen zult gaat gaan komende volgende binnenkort straks morgen overmorgen verwacht wil willen gepland".split()
)
FREQUENCY_ADJECTIVES = frozenset({"dagelijks", "wekelijks", "maandelijks", "jaarlijks"})
RELATIVE_TO_PREVIOUS = ("later", "eerder")
PAST_WORDS = frozenset("werd werden was waren had hadden zei zeiden meldde meldden liet lieten kwam kwamen ging gingen".split())
PERFECT_AUX = frozenset("heeft hebben is zijn ben bent hebt".split())


PAST_PREPOSITIONS = frozenset({"sinds", "sedert"})


def explicit_future(sent: Span) -> bool:
    """Whether the sentence has a word that itself points to the future (zal, komende, binnenkort)."""
    return bool({t.lower_ for t in sent} & (FUTURE_WORDS | {"zal", "zullen", "zult"}))


def sentence_direction(sent: Span) -> str:
    """``future`` when the sentence speaks of the future, else ``past`` (the news default).

    A present-tense sentence without a perfect counts as future: in news, "De minister houdt
    dinsdag een persconferentie" announces.
    """
    words = {t.lower_ for t in sent}
    if words & {"zal", "zullen", "zult"}:
        return "future"
    if sent.doc.has_annotation("MORPH"):
        past = any("Past" in t.morph.get("Tense") for t in sent)
        auxiliary = any(t.lower_ in PERFECT_AUX and t.pos_ == "AUX" for t in sent)  # not "zijn vrouw"
        perfect = auxiliary and any("Part" in t.morph.get("VerbForm") and t.pos_ == "VERB" for t in sent)
        if past or perfect:
            return "past"
        present = any("Pres" in t.morph.get("Tense") and "Fin" in t.morph.get("VerbForm") for t in sent) or (
            # a plural present ("Van Gaal en Truus openen ...") may be tagged as an infinitive
            not any("Fin" in t.morph.get("VerbForm") for t in sent)
            and any(t.pos_ == "VERB" and "Inf" in t.morph.get("VerbForm") for t in sent)
        )
        return "future" if present else "past"
    if words & PAST_WORDS:
        return "past"
    return "future" if words & FUTURE_WORDS else "past"


def not_a_date(span: Span) -> bool:
    """Date words in other roles: "het dagelijks leven", "op het moment dat"."""
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    if span.text.lower() in FREQUENCY_ADJECTIVES and (
        (span.start and doc[span.start - 1].lower_ in ("het", "de", "een")) or (following is not None and following.pos_ == "NOUN")
    ):
        return True
    return span.text.lower() in ("op het moment", "het moment") and following is not None and following.lower_ == "dat"


def find_dates(doc: Doc) -> list[tuple[Span, DateValue]]:
    """Every date expression in ``doc`` with its normalized value."""
    ref = RefDate.parse(doc._.doc_date)
    spans: list[Span] = []
    for start, end in find_date_expressions(doc.text):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or (span.text == "Morgen" and span.start and doc[span.start - 1].lower_ == "de"):
            continue  # De Morgen, the newspaper
        spans.append(span)
    covered = {i for span in spans for i in range(span.start, span.end)}
    for token in doc:
        if token.i not in covered and token.is_digit and looks_like_year(doc, token.i, token.i + 1, float(token.text)):
            spans.append(doc[token.i : token.i + 1])
    spans.sort(key=lambda span: span.start)
    found: list[tuple[Span, DateValue]] = []
    sentences = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    sentence_of = [0] * len(doc)  # one pass, not span.sent per date: linear however long the sentence
    for k, sentence in enumerate(sentences):
        sentence_of[sentence.start : sentence.end] = [k] * len(sentence)
    # a sentence's tense is read once, however many dates it holds
    directions: dict[int, tuple[str, bool]] = {}
    for span in spans:
        if not_a_date(span):
            continue
        k = sentence_of[span.start]
        sent = sentences[k]
        if k not in directions:
            directions[k] = (sentence_direction(sent), explicit_future(sent))
        direction, sentence_is_future = directions[k]
        if span.start and doc[span.start - 1].lower_ in PAST_PREPOSITIONS:
            direction = "past"
        anchor = ref
        if span[-1].lower_ in RELATIVE_TO_PREVIOUS and found and found[-1][1].value[:4].isdigit() \
                and not found[-1][1].anchored:
            anchor = RefDate.parse(found[-1][1].value[:10]) or ref  # "in 2014 ... Drie jaar later"
        value = normalize_date(span.text, anchor, direction)
        if value is not None and direction == "future" and value.granularity not in ("day", "time") \
                and not sentence_is_future:
            value = normalize_date(span.text, ref, "past")  # "In maart wonen er ..." is no announcement
        if value is not None:
            found.append((span, value))
    return found


class DateTagger:
    """Find date expressions and store them in ``doc.spans["dates"]`` with ``span._.date``."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for span, value in find_dates(doc):
            span._.date = value
            spans.append(span)
        doc.spans[SPAN_KEY] = SpanGroup(doc, name=SPAN_KEY, spans=spans)
        return doc


@Language.factory("nl_dates", assigns=["doc.spans", "span._.date"])
def make_date_tagger(nlp: Language, name: str) -> DateTagger:
    """Factory for :class:`DateTagger`."""
    return DateTagger(name)
