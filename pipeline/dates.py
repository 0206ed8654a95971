"""Dates: find Dutch date expressions in a Doc and normalize them against the document date.

Detection is by pattern (``timex.find_date_expressions``) plus bare years (the same rule the figure
component uses to leave them alone); normalization is the pure ``timex.normalize_date``. Whether a
sentence speaks of the past or the future comes from the verbs' morphology when the pipeline has a
morphologizer, and from auxiliary verbs otherwise.
"""

from __future__ import annotations

import bisect
import re

import numpy
from spacy.attrs import IS_DIGIT, LENGTH, SENT_START
from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup, Token

from .lexicon import (
    ANAPHORIC_DAYS,
    CLAUSE_OPENERS,
    CONDITIONAL_AUX,
    FUTURE_AUX,
    FUTURE_WORDS,
    IPP_VERBS,
    MODAL_AUX,
    MONTHS,
    PASSIVE_AUX,
    PAST_WORDS,
    PERFECT_AUX,
    REPORTING_VERBS,
    SCHEDULING_PARTICIPLES,
)
from .numbers import looks_like_year
from .timex import DateValue, RefDate, find_date_expressions, is_story_time, normalize_date
from .tokens import doc_text, feature, token_features, token_lowers, token_pos
from .units import MAX_UNIT_TOKENS, unit_for, unit_opening

__all__ = ["DateTagger", "DateValue", "SPAN_KEY", "sentence_direction"]

SPAN_KEY = "dates"

if not Doc.has_extension("doc_date"):
    Doc.set_extension("doc_date", default=None)
if not Span.has_extension("date"):
    Span.set_extension("date", default=None)

FREQUENCY_ADJECTIVES = frozenset({"dagelijks", "wekelijks", "maandelijks", "jaarlijks"})
RELATIVE_TO_PREVIOUS = ("later", "eerder")
PARTICIPLE_SHAPE = re.compile(r"(?:aan|af|bij|door|in|mee|na|om|onder|op|over|terug|toe|uit|vast|weg)?ge[a-zë]{2,}(?:d|t|en)")
STORY_SENTENCES = 4  # how many sentences on a date named in the story still anchors "die dag", "een week later"


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
    doc = sent.doc
    lowers = token_lowers(doc)
    words = set(lowers[sent.start : sent.end])
    if words & {"zal", "zullen", "zult"}:
        return "future"
    if doc.has_annotation("MORPH"):
        pos, features = token_pos(doc), token_features(doc)
        tokens = range(sent.start, sent.end)
        past = any("Past" in features[i].get("Tense", ()) for i in tokens)
        # the tagger often takes "heeft" for a main verb: any verbal "heeft/is/zijn" with a participle is a
        # perfect ("Het kabinet heeft dinsdag een wetsvoorstel ingediend"), a possessive "zijn vrouw" is not
        auxiliary = any(lowers[i] in PERFECT_AUX and pos[i] in ("AUX", "VERB") for i in tokens)
        perfect = auxiliary and any("Part" in features[i].get("VerbForm", ()) and pos[i] == "VERB" for i in tokens)
        if past or perfect:
            return "past"
        forms = [features[i].get("VerbForm", ()) for i in tokens]
        present = any("Pres" in features[i].get("Tense", ()) and "Fin" in form for i, form in zip(tokens, forms)) or (
            # a plural present ("Van Gaal en Truus openen ...") may be tagged as an infinitive
            not any("Fin" in form for form in forms)
            and any(pos[i] == "VERB" and "Inf" in form for i, form in zip(tokens, forms))
        )
        return "future" if present else "past"
    if words & PAST_WORDS:
        return "past"
    return "future" if words & FUTURE_WORDS else "past"


def is_finite(token: Token) -> bool:
    return token.pos_ in ("VERB", "AUX") and "Fin" in feature(token, "VerbForm")


def is_participle(token: Token) -> bool:
    return token.pos_ == "VERB" and "Part" in feature(token, "VerbForm")


def date_clause(span: Span, sent: Span) -> Span:
    """The clause ``span`` stands in: the words between the punctuation marks or clause openers around it
    ("dat", "die" only when no noun follows them: "die dag" is a date, not a relative clause)."""
    doc = span.doc

    def boundary(token: Token) -> bool:
        if token.is_space:
            return True  # a title runs into the text without a full stop
        if token.is_punct:
            return token.text in ",;:()\"“”„" or token.text == ",,"
        if token.lower_ not in CLAUSE_OPENERS:
            return False
        following = doc[token.i + 1] if token.i + 1 < sent.end else None
        previous = doc[token.i - 1] if token.i > sent.start else None
        if token.lower_ == "die" and previous is not None and previous.pos_ == "NOUN" \
                and feature(previous, "Gender") == ("Neut",) and feature(previous, "Number") == ("Sing",):
            return False  # "het parlement die ... goedkeurt": a relative "die" needs a de-word
        return token.lower_ not in ("die", "dat") or following is None or following.pos_ not in ("NOUN", "ADJ")

    start = span.start
    while start > sent.start and not boundary(doc[start - 1]):
        start -= 1
    end = span.end
    while end < sent.end and not boundary(doc[end]):
        end += 1
    return doc[start:end]


def clause_direction(clause: Span, span: Span) -> str | None:
    """``past`` or ``future`` from the verbs of ``clause`` (one with a finite verb), else None.

    A perfect is past ("Het kabinet heeft dinsdag een wetsvoorstel ingediend", also "heeft maandag laten
    weten"), unless the date follows a participle of planning ("heeft het gepland op 9 juni") or is the noun's
    ("is de datum 21 juni gekozen"); a present modal with a perfect infinitive is future ("moet het voor juli
    hebben goedgekeurd"); "zou" with
    a plain infinitive is the future seen from the past ("De wet zou op 1 juli ingaan"); a passive
    present ("wordt gereserveerd") is a present, and a present speaks of what is to come.
    """
    if not clause.doc.has_annotation("MORPH"):
        return None
    tokens = [t for t in clause if not span.start <= t.i < span.end]  # the tagger takes "vrijdag" for a verb at times
    finite = [t for t in tokens if is_finite(t) or t.lower_ in FUTURE_AUX | CONDITIONAL_AUX | PERFECT_AUX and t.pos_ in ("AUX", "VERB")]
    if not finite:
        return None
    participles = [t for t in tokens if is_participle(t)]
    if not participles and {t.lower_ for t in finite} & PERFECT_AUX:
        # the tagger takes some participles for infinitives ("is in vlammen opgegaan")
        participles = [t for t in tokens if t.pos_ == "VERB" and PARTICIPLE_SHAPE.fullmatch(t.lower_)]
    if len(finite) == 2 and finite[0].lower_ in PERFECT_AUX | PASSIVE_AUX and finite[1].pos_ == "VERB":
        # a clause has one finite verb: a second one after an auxiliary is a participle ("is ontsnapt")
        participles.append(finite.pop())
    words = {t.lower_ for t in finite}
    # the date's finite verb: the nearest before it (a main clause has it second), else the nearest after it
    # (a subordinate clause has it last); "zijn huis" is no verb
    verbs = [t for t in finite if not possessive(t)] or finite
    before = [t for t in verbs if t.i < span.start]
    verb = before[-1] if before else min(verbs, key=lambda t: t.i)
    if words & FUTURE_AUX:
        return "future"
    conditional = next((t for t in finite if t.lower_ in CONDITIONAL_AUX), None)
    if conditional is not None:
        perfect_infinitive = participles and any(t.lower_ in ("hebben", "zijn") and t.i > conditional.i for t in tokens)
        return "past" if perfect_infinitive else "future"
    modal = next((t for t in finite if t.lower_ in MODAL_AUX), None)
    if modal is not None and participles and any(t.lower_ in ("hebben", "zijn") and t.i > modal.i for t in tokens):
        return "future"
    auxiliaries = [t for t in finite if t.lower_ in PERFECT_AUX | PASSIVE_AUX]

    def governs(participle: Token) -> Token | None:
        before = [t for t in auxiliaries if t.i < participle.i]
        return before[-1] if before else next((t for t in auxiliaries if t.i > participle.i), None)

    perfect = [p for p in participles if (aux := governs(p)) is not None and aux.lower_ in PERFECT_AUX]
    infinitives = [t for t in tokens if "Inf" in feature(t, "VerbForm")]
    double_infinitive = any(t.lower_ in IPP_VERBS for t in infinitives[:-1]) and len(infinitives) > 1
    if perfect or words & PERFECT_AUX and double_infinitive:
        if any(p.lower_ in SCHEDULING_PARTICIPLES and (p.i < span.start or names_event(span)) for p in perfect):
            return "future"
        return "past"
    if "Past" in feature(verb, "Tense") or verb.lower_ in PAST_WORDS or is_weak_past(verb):
        return "past"
    if verb.lower_ in REPORTING_VERBS:
        return "past"
    if "Plur" in feature(verb, "Number") and verb.lower_.endswith(("tten", "dden")):
        return "near"  # "zetten", "redden": a present and a past plural alike
    return "future"


def possessive(token: Token) -> bool:
    """"zijn" before a noun ("zijn hotelkamer"), which the tagger may take for a verb."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    return token.lower_ == "zijn" and following is not None and following.pos_ in ("NOUN", "ADJ", "PROPN")


def is_weak_past(token: Token) -> bool:
    """A singular finite verb on -de or -te is a past ("beroofde"), whatever the tagger says."""
    return "Sing" in feature(token, "Number") and token.lower_.endswith(("de", "te")) and len(token) > 4


def date_direction(span: Span, sent: Span) -> str | None:
    """The tense of the clause a date stands in, or of the clause before it when its own has no verb
    (the one before "14 augustus" in "gepland op 9 juni, 14 augustus en 9 november")."""
    clause = date_clause(span, sent)
    direction = clause_direction(clause, span)
    for _ in range(2):
        if direction is not None or clause.start - 1 <= sent.start:
            break
        clause = date_clause(span.doc[clause.start - 2 : clause.start - 1], sent)
        direction = clause_direction(clause, span)
    return direction


def names_event(span: Span) -> bool:
    """Whether a year-less date with a month hangs on a noun ("de crash in Indonesië op 29 oktober", "de
    datum 21 juni"), not on the verb: then the tense of the clause does not tell which one it is."""
    doc = span.doc
    if not any(t.lower_.rstrip(".") in MONTHS for t in span) or any(t.like_num and len(t) == 4 for t in span):
        return False
    i = span.start - 1
    if i >= 0 and doc[i].lower_ in ("in", "op"):
        i -= 1
    if i >= 0 and doc[i].text == ",":
        i -= 1
    if i < 0:
        return False
    # an infinitive after an article is a noun: "het oprollen, in september, van de groep"
    return doc[i].pos_ in ("NOUN", "PROPN") or i > 0 and doc[i - 1].lower_ in ("het", "de") and doc[i].pos_ == "VERB"


def not_a_date(span: Span) -> bool:
    """Date words in other roles: "het dagelijks leven", "op het moment dat", "kilometer per uur"."""
    doc = span.doc
    following = doc[span.end] if span.end < len(doc) else None
    if span.text.lower().rstrip("e") in FREQUENCY_ADJECTIVES and following is not None \
            and following.lower_ in ("leven", "bestuur", "gebruik"):
        return True  # "het dagelijks leven", "het dagelijks bestuur"; "de jaarlijkse optocht" is a set
    if span.text.lower() in ("op het moment", "het moment") and following is not None and following.lower_ == "dat":
        return True
    if span.text.lower() == "recent" and following is not None and following.pos_ in ("NOUN", "ADJ"):
        return True  # "een recent rapport"
    previous = doc[span.start - 1] if span.start else None
    if span[0].lower_ == "per" and previous is not None:
        # "kilometer per uur", "30 per uur": a rate, not a set of hours ("261 per jaar" is a set)
        unit = unit_for(previous.text)
        if previous.like_num and span[-1].lower_ in ("uur", "minuut", "seconde") \
                or unit is not None and unit.quantity in ("length", "volume", "mass", "area"):
            return True
    if len(span) > 1 and is_number(span[-1]) and len(span[-1]) == 4 and following is not None \
            and following.is_lower and following.pos_ == "NOUN":
        return True  # "voor 1700 gezinnen": a count after a preposition, not a year
    if is_number(span[-1]) and before_unit(doc, span.end):
        return True  # "sinds 1200 MW": a quantity
    return is_age(span)


def is_number(token: Token) -> bool:
    """Digits 0-9 only ("²" and "٣" pass ``str.isdigit`` but are no number to read)."""
    return token.text.isascii() and token.text.isdigit()


def before_unit(doc: Doc, i: int) -> bool:
    """Whether a unit starts at token ``i`` ("1200 MW", "1200 m²", "1200 vierkante meter")."""
    return unit_opening([t.text for t in doc[i : i + MAX_UNIT_TOKENS]]) is not None


def is_age(span: Span) -> bool:
    """Whether a number of years is someone's age: "een dochter van 12 jaar", "kinderen tot 12 jaar",
    "jongeren tussen 8 en 18 jaar" (a figure, not a date), unlike "een straf van zes jaar" or
    "veroordeeld tot zes jaar"."""
    doc = span.doc
    if not span.text.lower().endswith(("jaar", "jaren")) or not span[0].like_num or span.start == 0:
        return False
    previous = doc[span.start - 1]
    before = doc[span.start - 2] if span.start > 1 else None
    if previous.lower_ == "met" and span.start > 2 and doc[span.start - 3 : span.start - 1].text.lower() == "tot en":
        previous, before = doc[span.start - 3], doc[span.start - 4] if span.start > 3 else None  # "tot en met 75 jaar"
    if previous.lower_ in ("tot", "t/m", "en", "tussen") or previous.text == "(":
        return before is None or before.pos_ not in ("VERB", "AUX")
    if previous.lower_ == "van":
        # "kinderen van 12 jaar", "jongeren van 18 tot 25 jaar" (a plural adjective used as a noun)
        return before is not None and (before.pos_ == "NOUN" and before.lemma_.lower() not in DURATION_NOUNS
                                       or before.pos_ == "ADJ" and before.lower_.endswith("en"))
    return False


def four_digit_tokens(doc: Doc) -> list[int]:
    """The tokens of four digits, the only ones that can be a bare year (read from the token attributes)."""
    if not len(doc):
        return []
    flags = doc.to_array([IS_DIGIT, LENGTH])
    return numpy.flatnonzero((flags[:, 0] == 1) & (flags[:, 1] == 4)).tolist()


def sentence_bounds(doc: Doc) -> list[int]:
    """Where each sentence starts, as ``doc.sents`` splits them (the whole doc when it has none), then the end."""
    if not doc.has_annotation("SENT_START"):
        return [0, len(doc)]
    if "sents" in doc.user_hooks:
        return [sent.start for sent in doc.sents] + [len(doc)]
    starts = numpy.flatnonzero(doc.to_array(SENT_START)[1:] == 1) + 1
    return [0, *starts.tolist(), len(doc)]


def find_dates(doc: Doc) -> list[tuple[Span, DateValue]]:
    """Every date expression in ``doc`` with its normalized value."""
    ref = RefDate.parse(doc._.doc_date)
    spans: list[Span] = []
    for start, end in find_date_expressions(doc_text(doc)):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is None or (span.text == "Morgen" and span.start and doc[span.start - 1].lower_ == "de"):
            continue  # De Morgen, the newspaper
        spans.append(span)
    covered = {i for span in spans for i in range(span.start, span.end)}
    for i in four_digit_tokens(doc):
        token = doc[i]
        if i not in covered and is_number(token) and looks_like_year(doc, i, i + 1, float(token.text)):
            spans.append(doc[i : i + 1])  # not_a_date drops it before a unit ("van 1200 MW")
    spans.sort(key=lambda span: span.start)
    found: list[tuple[Span, DateValue]] = []
    bounds = sentence_bounds(doc)  # not span.sent per date: linear however long the sentence
    # a sentence's tense is read once, however many dates it holds
    directions: dict[int, str] = {}
    story_date: DateValue | None = None  # the last point in time the text named, in sentence story_sentence
    story_sentence = 0
    for span in spans:
        if not_a_date(span):
            continue
        k = bisect.bisect_right(bounds, span.start) - 1
        sent = doc[bounds[k] : bounds[k + 1]]
        if k not in directions:
            directions[k] = sentence_direction(sent)
        direction = date_direction(span, sent) or directions[k]
        if span[0].lower_ in PAST_PREPOSITIONS or span.start and doc[span.start - 1].lower_ in PAST_PREPOSITIONS:
            direction = "past"
        if span.start > 1 and doc[span.start - 1].lower_ == "van" and doc[span.start - 2].pos_ == "NOUN":
            direction = "past"  # "de illustratie van zaterdag", "de aanslag van 7 augustus"
        elif direction == "future" and names_event(span):
            direction = "near"  # "de crash op 29 oktober", "de publicatie in november": the nearest one
        anchor = ref
        text = " ".join(span.text.lower().split())
        if story_date is not None and k - story_sentence > STORY_SENTENCES:
            story_date = None  # the story has moved on
        if story_date is not None and span[-1].lower_ in RELATIVE_TO_PREVIOUS:
            # the time the story is at: "in 2014 ... Drie jaar later", "13 juni vorig jaar ... Een week later"
            anchor = RefDate.parse(story_date.value[:10]) or ref
        elif text in ANAPHORIC_DAYS:
            # "De volgende dag", "die dag": from a day the story is at, else only a direction
            anchor = RefDate.parse(story_date.value[:10]) if story_date and story_date.granularity in ("day", "time") else None
        elif is_story_time(text) or text.endswith(("dat jaar", "datzelfde jaar", "hetzelfde jaar")):
            # "tot die tijd", "sindsdien", "in september van dat jaar": the time the story is at
            anchor = RefDate.parse(story_date.value[:10]) if story_date else None
        value = normalize_date(span.text, anchor, direction)
        if value is None or value.granularity == "duration" and span.end < len(doc) and doc[span.end].lower_ == "per":
            continue  # "twee dagen per week" is a frequency, not a length of time
        found.append((span, value))
        if value.value[:4].isdigit() and value.granularity in ("day", "time", "month", "year"):
            story_date, story_sentence = value, k
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
