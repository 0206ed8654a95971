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
from .lexicon import ANAPHORIC_DAYS
from .timex import DateValue, RefDate, find_date_expressions, normalize_date
from .units import unit_for

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
# nouns a length of time belongs to: "een straf van zes jaar" is a duration, "een dochter van 12 jaar" an age
DURATION_NOUNS = frozenset(
    "periode straf celstraf gevangenisstraf werkstraf taakstraf duur looptijd termijn contract verbod "
    "huurcontract tijd pauze onderbreking verblijf dienstverband loopbaan carrière ambtstermijn".split()
)


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
        # the tagger often takes "heeft" for a main verb: any verbal "heeft/is/zijn" with a participle is a
        # perfect ("Het kabinet heeft dinsdag een wetsvoorstel ingediend"), a possessive "zijn vrouw" is not
        auxiliary = any(t.lower_ in PERFECT_AUX and t.pos_ in ("AUX", "VERB") for t in sent)
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
    """Date words in other roles: "het dagelijks leven", "op het moment dat", "kilometer per uur"."""
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    if span.text.lower().rstrip("e") in FREQUENCY_ADJECTIVES and following is not None \
            and following.lower_ in ("leven", "bestuur", "gebruik"):
        return True  # "het dagelijks leven", "het dagelijks bestuur"; "de jaarlijkse optocht" is a set
    if span.text.lower() in ("op het moment", "het moment") and following is not None and following.lower_ == "dat":
        return True
    previous = doc[span.start - 1] if span.start else None
    if span[0].lower_ == "per" and previous is not None:
        # "kilometer per uur", "30 per uur": a rate, not a set of hours
        unit = unit_for(previous.text)
        if previous.like_num or unit is not None and unit.quantity in ("length", "volume", "mass", "area"):
            return True
    if len(span) > 1 and span[-1].is_digit and len(span[-1]) == 4 and following is not None \
            and following.is_lower and following.pos_ == "NOUN":
        return True  # "voor 1700 gezinnen": a count after a preposition, not a year
    return is_age(span)


def is_age(span: Span) -> bool:
    """Whether a number of years is someone's age: "een dochter van 12 jaar", "kinderen tot 12 jaar",
    "jongeren tussen 8 en 18 jaar" (a figure, not a date), unlike "een straf van zes jaar" or
    "veroordeeld tot zes jaar"."""
    doc = span.doc
    if not span.text.lower().endswith(("jaar", "jaren")) or not span[0].like_num or span.start == 0:
        return False
    previous = doc[span.start - 1]
    before = doc[span.start - 2] if span.start > 1 else None
    if previous.lower_ in ("tot", "t/m", "en", "tussen") or previous.text == "(":
        return before is None or before.pos_ not in ("VERB", "AUX")
    if previous.lower_ == "van":
        return before is not None and before.pos_ == "NOUN" and before.lemma_.lower() not in DURATION_NOUNS
    return False


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
            directions[k] = sentence_direction(sent)
        direction = directions[k]
        if span[0].lower_ in PAST_PREPOSITIONS or span.start and doc[span.start - 1].lower_ in PAST_PREPOSITIONS:
            direction = "past"
        anchor = ref
        story_date = found[-1][1] if found and found[-1][1].value[:4].isdigit() else None
        if story_date is not None and story_date.granularity in ("day", "month", "year") \
                and span[-1].lower_ in RELATIVE_TO_PREVIOUS:
            # the time the story is at: "in 2014 ... Drie jaar later", "13 juni vorig jaar ... Een week later"
            anchor = RefDate.parse(story_date.value[:10]) or ref
        elif " ".join(span.text.lower().split()) in ANAPHORIC_DAYS:
            # "De volgende dag", "die dag": only from a day the story is at; none, none
            anchor = RefDate.parse(story_date.value[:10]) if story_date and story_date.granularity == "day" else None
        value = normalize_date(span.text, anchor, direction)
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
