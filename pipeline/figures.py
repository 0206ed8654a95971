"""Figures: numbers in Dutch news with their unit, qualifier and what they count.

``figure_at`` reads one figure starting at a number token in four decisions, each its own function:
the value (digits, words, scale words, ranges, shares, ages: ``read_value``), the unit after it or the
currency sign before it (``unit_of``), the qualifier around it ("ruim", "zo'n", "of meer":
``qualifier_of``) and the noun it counts (``subject_of``). The component runs after the date component
and leaves tokens inside date spans alone, but for amounts of time, which are figures too.
Dutch words come from :mod:`pipeline.lexicon`.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup, Token
from spacy.vocab import Vocab

from .aliases import demonym_country
from .lemmas import (
    comparative_of,
    head_noun_lemma,
    is_adjective,
    is_inflected_adjective,
    is_known_noun,
    is_noun_lemma,
    is_verb_form,
    noun_rules,
)
from .lexicon import (
    AGE_COMPARATIVES,
    AGE_RANGE_STARTS,
    AGE_VERBS,
    AGE_WORDS,
    ALTERNATIVE_WORDS,
    ATTRIBUTIVE_AGE_WORDS,
    BELOW_ZERO,
    CALL_WORDS,
    CENT_WORDS,
    CHANGE_WORDS,
    CHILD_NOUNS,
    CLOCK_PREPOSITIONS,
    CLOCK_UNITS,
    CLOCK_WORDS,
    COMPARISON_WORDS,
    COMPOUND_PREPOSITIONS,
    CONTAINER_NOUNS,
    COUNTER_NOUNS,
    DEFINITE_ARTICLES,
    DENOMINATORS,
    DRIVE_VERBS,
    DURATION_NON_SUBJECTS,
    FIGURE_FUNCTION_WORDS,
    FIGURE_QUALIFIERS,
    FIGURE_QUALIFIERS_AFTER,
    FOCUS_WORDS,
    FRACTION_WORDS,
    GRADE_LINKS,
    HEED_WORDS,
    HUNDRED_WORDS,
    IDENTIFIER_NOUNS,
    INHABITANT_SUFFIXES,
    LEAD_VERBS,
    MEASURE_LINKS,
    MEASURE_VERBS,
    MODAL_VERBS,
    MONEY_NOUNS,
    MONEY_SCALE_PLURALS,
    MONEY_WORDS,
    MULTIPLE_SUFFIXES,
    NON_SUBJECTS,
    NUMBER_WORDS,
    OBJECT_PRONOUNS,
    ONE_SPELLINGS,
    ORGANISATION_HEADS,
    PARTITIVE_DETERMINERS,
    PER_HOUR,
    PERSON_NOUNS,
    PERSONAL_PRONOUNS,
    PLACE_PREPOSITIONS,
    PLUS_WORDS,
    RANGE_WORDS,
    RANK_VERBS,
    RATIO_LINKS,
    REFERENCE_MARKS,
    RELATIVE_PRONOUNS,
    SCALE_PLURALS,
    SEPARABLE_PARTICLES,
    SHARED_UNIT_LINKS,
    SINGULAR_COPULAS,
    SPEED_HEADS,
    SPEED_WORDS,
    STERLING_WORDS,
    SUBJECT_LINKS,
    SUBJECT_SHARE_LINKS,
    TEMPERATURE_WORDS,
    TENS_WORDS,
    TIME_UNIT_WORDS,
    TIMES_WORDS,
    TOO_FAST,
    UNIT_THINGS,
    VAGUE_COUNTS,
    VAGUE_PAIR_LINKS,
    VAN_PARTICLE_VERBS,
    WEIGHT_WORDS,
    YEAR_LEAD_WORDS,
    is_title_word,
)
from .names import INITIAL_RE
from .numbers import (
    MONTHS,
    looks_like_year,
    parse_digits,
    parse_number,
    parse_number_word,
    scale_of,
    slash_fraction,
    vague_count,
)
from .tokens import feature, token_lowers
from .units import MAX_UNIT_TOKENS, SIGN_UNITS, UNITS, Unit, registry, to_si, unit_for, unit_opening

SPAN_KEY = "figures"
DATES_KEY = "dates"

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


@dataclass(frozen=True)
class Reading:
    """What ``read_value`` found at a number: the value (or range), the tokens it covers, and what the
    number word itself already says about the unit, qualifier or subject ("23-jarige", "tientallen",
    "30-kilometerzone")."""

    value: float
    start: int
    end: int
    value_max: float | None = None
    kind: str = "number"  # number, share, age, vague, one, multiple
    unit: Unit | None = None
    qualifier: str = ""
    subject: str | None = None
    range_start: int | None = None  # "tussen 24 en 65": the span starts at "tussen"


@dataclass(frozen=True)
class UnitReading:
    """The unit ``unit_of`` found: the unit (or None), where the figure now starts and ends, and the
    value after cents were added ("7 euro 25")."""

    unit: Unit | None
    start: int
    end: int
    value: float


QUALIFIERS: dict[tuple[str, ...], str] = {
    tuple(phrase.split()): qualifier for qualifier, phrases in FIGURE_QUALIFIERS.items() for phrase in phrases
}
QUALIFIER_WORDS = frozenset(word for phrase in QUALIFIERS for word in phrase)
QUALIFIERS_AFTER = {tuple(phrase.split()): qualifier for phrase, qualifier in FIGURE_QUALIFIERS_AFTER.items()}
LONG_MONTHS = tuple(m for m in MONTHS if len(m) > 4)
LONG_IDENTIFIER_NOUNS = tuple(word for word in IDENTIFIER_NOUNS if len(word) >= 6)  # heads of compounds
CLOCK_RE = re.compile(r"^\d{1,2}[.:]\d{2}$")
PHONE_RE = re.compile(r"^(?:0\d{1,3}-\d{6,8}|\+?\d{9,}|0\d{2,3}-\d{3}-?\d{3,4})$")
HYPHEN_PAIR_RE = re.compile(r"^(\d+(?:[.,]\d+)?)[-–](\d+(?:[.,]\d+)?)$")
POSTCODE_LETTERS_RE = re.compile(r"^[A-Z]{2}$")
SENTENCE_OPENING_POS = frozenset({"PRON", "ADV", "SCONJ", "CCONJ", "VERB", "AUX", "DET", "ADP"})  # "? 1 Waarom ..."
AGE_RE = re.compile(r"^(?P<n>\d{1,3}|[a-zë]+?)-?jarig(?:e|en)?$")
OPEN_AGE_RE = re.compile(r"^(?P<n>\d{1,3})-$")  # "18-" in "18- tot 25-jarigen"
GLUED_DIGITS_RE = re.compile(r"^(?P<n>\d+(?:[.,]\d+)?)-?(?P<rest>[^\W\d]+[²³]?)$")
ASIDE_REACH = 15  # tokens an aside between brackets or commas may take
LIST_REACH = 60  # tokens either side in which a list's next or previous number is looked for
SUBJECT_SKIP_POS = frozenset({"ADJ", "ADV", "NUM", "DET"})
SMALL_NUMBER_WORDS = frozenset([*NUMBER_WORDS, *TENS_WORDS, *HUNDRED_WORDS])
NUMBER_PREFIXES = frozenset(
    word[:3] for word in [*SMALL_NUMBER_WORDS, *FRACTION_WORDS, "helft", *VAGUE_COUNTS, "tientje", "kwarteeuw", "tonnen"]
)

ARTICLE_SPELLINGS = frozenset(ONE_SPELLINGS) - {"één"}  # "een" is an article unless a unit or scale follows
PARTS = frozenset(word for word, value in FRACTION_WORDS.items() if value < 1)  # "half", "kwart": no count alone


def is_number_token(token: Token) -> bool:
    """Whether a token on its own reads as a number (digits or a Dutch number word, not ``een``)."""
    lower = token.lower_
    if lower in ARTICLE_SPELLINGS:
        return False
    if parse_digits(token.text) is not None or slash_fraction(token.text) is not None:
        return True
    return parse_number_word(lower) is not None and lower not in PARTS


def qualifier_before(doc: Doc, start: int, end: int | None = None) -> tuple[str, int]:
    """The qualifier phrase ending just before ``start``, and where it begins.

    "tot" after a verb states a result, not a ceiling: "veroordeeld tot zes jaar", "gestegen tot 13,5
    procent", "terug te brengen tot twee" are exact, and so is "tot anderhalf jaar geleden" (a date);
    "boetes tot 10.000 euro" is at most.
    """
    for length in (4, 3, 2, 1):
        if start - length < 0:
            continue
        phrase = tuple(token_lowers(doc)[start - length : start])
        if phrase in QUALIFIERS:
            if phrase == ("tot",) and tot_states_a_result(doc, start, end):
                return "exact", start
            if phrase[0] in AGE_COMPARATIVES and end is not None and end < len(doc) and doc[end].lower_ == "geleden":
                return "exact", start  # "ouder zijn dan tien jaar geleden": compared with a time, not an age
            return QUALIFIERS[phrase], start - length
    return "exact", start


def tot_states_a_result(doc: Doc, start: int, end: int | None) -> bool:
    """Whether "tot" before ``start`` reads as a result or a date, not a ceiling."""
    if end is not None and end < len(doc) and doc[end].lower_ == "geleden":
        return True
    if any(doc[k].lower_ in LEAD_VERBS for k in range(max(0, start - 5), start - 1)):
        return True  # "leidde afgelopen week tot tientallen klachten": what it led to
    if any(doc[k].lower_ == "van" and doc[k + 1].like_num for k in range(max(0, start - 8), start - 2)):
        return True  # "van 209 miljoen hectare tot 255 miljoen hectare": the end of a change, not a ceiling
    if start < 2:
        return False
    verb_form = feature(doc[start - 2], "VerbForm")
    if doc[start - 2].lower_.endswith("en") and modal_before(doc, start - 2):
        return False  # "kan oplopen tot 2500 euro", "kan in arme landen oplopen tot 15 procent": an infinitive, a ceiling
    return "Part" in verb_form or is_participle_form(doc[start - 2]) or \
        ("Inf" in verb_form and start >= 3 and doc[start - 3].lower_ == "te")


def is_participle_form(token: Token) -> bool:
    """Whether a verb the tagger read otherwise is written as a participle: "ge-" after any separable particle
    ("is teruggelopen tot 20.509 stemmen")."""
    word = token.lower_
    stem = next((word[len(p):] for p in SEPARABLE_PARTICLES if word.startswith(p + "ge")), word)
    return token.pos_ in ("VERB", "AUX") and stem.startswith("ge") and stem.endswith(("en", "d", "t")) and len(stem) > 5


def modal_before(doc: Doc, k: int) -> int | None:
    """Where the modal verb of the infinitive at ``k`` is, a short phrase before it in its clause ("kan in
    ontwikkelingslanden oplopen"), or None."""
    for m in range(k - 1, max(-1, k - 8), -1):
        if doc[m].lower_ in MODAL_VERBS:
            return m
        if doc[m].is_punct or doc[m].pos_ in ("VERB", "AUX", "SCONJ", "CCONJ"):
            return None
    return None


def qualifier_after(doc: Doc, end: int) -> tuple[str, int]:
    """A qualifier after the figure or range ("65 jaar of ouder", "40 of meer", "twee à drie jaar maximaal")
    and the figure's new end; not one that opens the next figure ("2 jaar maximaal 5 keer")."""
    for length in (3, 2, 1):
        phrase = tuple(token_lowers(doc)[end : end + length])
        following = doc[end + length] if end + length < len(doc) else None
        if len(phrase) == length and phrase in QUALIFIERS_AFTER and \
                (following is None or not (could_start_a_figure(following) or following.lower_ in ONE_SPELLINGS)):
            return QUALIFIERS_AFTER[phrase], end + length
    return "", end


def read_number(doc: Doc, i: int, end_limit: int) -> tuple[float | None, int]:
    """Parse the number starting at token ``i``: digits or words, "en een half", scale words, "en vijf"."""
    j = i + 1
    words = [doc[i].text]
    if doc[i].lower_ in ONE_SPELLINGS and j < end_limit and doc[j].lower_ in FRACTION_WORDS:
        words.append(doc[j].lower_)
        j += 1
    j, words = _space_groups(doc, i, j, end_limit, words)
    while j < end_limit:
        lower = doc[j].lower_
        last = parse_number_word(words[-1].lower()) or 0
        if scale_of(lower) is not None or lower in HUNDRED_WORDS:
            words.append(lower)
            j += 1
            if j + 1 < end_limit and doc[j].text == "." and not doc[j - 1].whitespace_ and scale_of(lower + ".") \
                    and doc[j + 1].is_lower:
                j += 1  # "3 mld. euro": the abbreviation's full stop, not the sentence's
        elif lower == "en" and j + 2 < end_limit and doc[j + 1].lower_ in ONE_SPELLINGS and \
                doc[j + 2].lower_ in FRACTION_WORDS:
            words += ["en", "een", doc[j + 2].lower_]
            j += 3
        elif lower == "en" and j + 1 < end_limit and doc[j + 1].lower_ in SMALL_NUMBER_WORDS and \
                (last >= 1000 or scale_of(words[-1].lower())) and \
                not _scale_at(doc, j + 2, end_limit):
            words += ["en", doc[j + 1].lower_]  # "zesduizend en vijf"
            j += 2
        elif parse_number_word(lower) is not None and lower not in ARTICLE_SPELLINGS | PARTS and \
                (last >= 1000 or (scale_of(words[-1].lower()) and parse_number_word(lower) >= 1)):
            words.append(lower)  # "tweeduizend zeventien", "drie miljard vierhonderd miljoen"
            j += 1
        else:
            break
    return parse_number(" ".join(words)), j


def _scale_at(doc: Doc, k: int, end_limit: int) -> bool:
    """Whether a scale word follows at ``k`` ("en vijf miljoen" starts a second amount)."""
    return k < end_limit and scale_of(doc[k].lower_) is not None


def _space_groups(doc: Doc, i: int, j: int, end_limit: int, words: list[str]) -> tuple[int, list[str]]:
    """Digit groups written apart, "2 345 678": one number when every group after the first has three digits."""
    first = doc[i].text
    if not (first.isdigit() and len(first) <= 3 and first[0] != "0" and doc[i].whitespace_):
        return j, words
    k = j
    while k < end_limit and doc[k].is_digit and len(doc[k].text) == 3 and doc[k - 1].whitespace_:
        k += 1
    if k - j >= 2 or (k - j == 1 and (k >= len(doc) or not doc[k].is_digit)):
        return k, ["".join(t.text for t in doc[i:k])]
    return j, words


def one_of_a_unit(doc: Doc, j: int, end_limit: int) -> bool:
    """Whether a unit of measure, money or percent (not of time, but for "een kwarteeuw") follows "een"."""
    unit, _ = unit_after(doc, j, end_limit)
    return unit is not None and (unit.quantity != "duration" or unit.factor != 1.0)


def unit_after(doc: Doc, j: int, end_limit: int, negative: bool = False) -> tuple[Unit | None, int]:
    """The unit starting at ``j`` (longest form first) and where it ends, or (None, j)."""
    opening = unit_opening([t.text for t in doc[j : min(end_limit, j + MAX_UNIT_TOKENS)]])
    if opening is not None:
        found, length = opening
        if found is UNITS["pond"] and not weighs(doc, j + length):
            found = UNITS["GBP"]  # "7 pond", "5 miljoen pond" in a British story; "een pond gehakt" weighs
        return found, j + length
    head, dash, rest = doc[j].text.partition("-") if j < end_limit else ("", "", "")
    if dash and rest.lower().startswith(SPEED_HEADS) and (found := unit_for(head)) is not None and found.symbol == "km":
        return UNITS["km/h"], j + 1  # "een 30 kilometer-zone"
    if j < end_limit and doc[j].lower_ in ("graad", "graden"):
        celsius = j + 1 < end_limit and doc[j + 1].lower_ == "celsius"
        if negative or celsius or sentence_words(doc, j) & (TEMPERATURE_WORDS - {"graden"}):
            return UNITS["°C"], j + 2 if celsius else j + 1
        return UNITS["deg"], j + 1
    return None, j


def weighs(doc: Doc, k: int) -> bool:
    """Whether "pond" before token ``k`` is a weight: a thing follows it and the story is not of money."""
    words = sentence_words(doc, k - 1)
    if words & STERLING_WORDS:
        return False
    following = doc[k] if k < len(doc) else None
    thing = following is not None and following.is_lower and following.is_alpha and \
        following.lower_ not in FIGURE_FUNCTION_WORDS and \
        (following.pos_ == "NOUN" or is_known_noun(following.text, doc.vocab))
    return thing or bool(words & WEIGHT_WORDS)


def sentence_words(doc: Doc, j: int) -> set[str]:
    """The lower-case words of the sentence of token ``j`` (the whole text when there are no sentences)."""
    tokens = doc[j].sent if doc.has_annotation("SENT_START") else doc
    return {t.lower_ for t in tokens}


def subject_after(doc: Doc, j: int, has_unit: bool, quantity: str = "") -> str:
    """The lemma of the noun a figure counts or measures, looking a few tokens past ``j``.

    With a unit the noun follows directly ("3 procent groei", "zes jaar cel") or after "van"/"aan"
    ("5 miljoen euro aan subsidie"; not for time: "20 jaar aan de macht"); a count's noun may follow a
    partitive "van" ("drie van zijn patiënten")."""
    has_pos = doc.has_annotation("POS")
    if has_unit:
        if j + 1 < len(doc) and doc[j].text == ")" and doc[j + 1].lower_ in SUBJECT_LINKS:
            j += 1  # "een derde (34 procent) van de ouders"
        elif j < len(doc) and doc[j].text == "(":
            close = next((k for k in range(j + 1, min(j + 8, len(doc))) if doc[k].text == ")"), None)
            j = close + 1 if close is not None and close + 1 < len(doc) and doc[close + 1].lower_ in SUBJECT_LINKS else j
        if has_pos and quantity != "age":
            k = j
            while quantity != "duration" and k < min(j + 2, len(doc) - 1) and doc[k].lower_ in COMPARISON_WORDS:
                k += 1  # "32 procent méér sollicitanten", "15,8 procent te zware kinderen"
            if k + 1 < len(doc) and doc[k].pos_ == "ADJ" and doc[k + 1].pos_ == "NOUN" and \
                    (is_adjective(doc[k].text, doc.vocab) or not is_known_noun(doc[k].text, doc.vocab)
                     or is_inflected_adjective(doc[k].text, doc.vocab)) and \
                    (quantity != "duration" or doc[k].lower_.endswith("e")):
                # "13 procent matig overgewicht", "47 meter lange jacht", "acht jaar onvoorwaardelijke celstraf"; not
                # "16 procent uitstoot schelen", nor "35 jaar lang onderzoek deed": how long, not of what
                k += 1
            if k > j and k < len(doc) and doc[k].pos_ == "NOUN" and doc[k].is_lower:
                j = k
        if j < len(doc) and doc[j].lower_ in SUBJECT_LINKS and quantity not in ("duration", "age"):
            j += 1
            if has_pos and j < len(doc) and is_attributive(doc[j]):
                return head_noun_lemma(doc[j + 1].text, doc.vocab)  # "100 procent van circulaire pet"
        elif has_pos and j < len(doc) and noun_after_unit(doc[j]) and not (quantity == "duration" and (
                doc[j].lower_ in DURATION_NON_SUBJECTS or is_title_word(doc[j].text)
                or doc[j].lower_.endswith("en") and is_verb_form(doc[j].text, doc.vocab))):
            # "al tien jaar premier"; "op 9 minuten fietsen van het stadion": an activity, not a noun
            return head_noun_lemma(doc[j].text, doc.vocab)
        else:
            return ""
    partitive = not has_unit and j + 1 < len(doc) and doc[j].lower_ == "van" and \
        doc[j + 1].lower_ in PARTITIVE_DETERMINERS
    if partitive:
        j += 2
    elif quantity == "percentage" and 1 <= j < len(doc) and doc[j - 1].lower_ == "van" and \
            doc[j].lower_ in PARTITIVE_DETERMINERS:
        partitive = True  # "67 procent van de ruim 50.000 stemmers": a share of a group
    for k in range(j, min(j + (5 if partitive else 4), len(doc))):
        token = doc[k]
        if partitive and (token.like_num or scale_of(token.lower_) or token.lower_ in QUALIFIER_WORDS and
                          any(is_number_token(t) for t in doc[k + 1 : k + 3])):
            continue  # "2.750 van de ruim 525.000 stemmen", "van de 2,5 miljoen kiezers"
        if partitive and k > j and unit_for(token.text) is not None:
            return ""  # "de helft van de 31,7 miljoen euro": a share of an amount, not of a group
        if has_pos and k == j and token.is_quote and k + 3 < len(doc) and doc[k + 2].is_quote and doc[k + 1].is_alpha \
                and doc[k + 3].pos_ == "NOUN" and doc[k + 3].is_lower:
            return head_noun_lemma(doc[k + 3].text, doc.vocab)  # "drie 'getunede' auto's": an adjective in quotes
        if token.is_punct or token.is_space or token.like_num:
            return ""
        if has_pos:
            following = doc[k + 1].pos_ if k + 1 < len(doc) else ""
            verb_form = feature(token, "VerbForm")
            if token.pos_ in ("NOUN", "PROPN"):
                if is_comparison(token):
                    return ""  # "twee keer groter dan": a comparison, not what is counted
                if quantity == "age" and token.ent_type_ == "PER" or quantity == "length" and token.ent_type_ == "LOC":
                    return ""  # "de 24-jarige Laurence": an age before a name; "2000 kilometer van Hongarije"
                if token.lower_ in MEASURE_VERBS or token.is_lower and is_verb_form(token.text, doc.vocab) and \
                        not is_known_noun(token.text, doc.vocab):
                    return ""  # "80 of 100 blijven", "vijftig overleefden": a verb the tagger took for a noun
                if is_participle(token):
                    return ""  # "met de helft zijn teruggebracht"
                if k == j and second_in_clause(doc, j) and token.is_lower and is_verb_form(token.text, doc.vocab) \
                        and k + 1 < len(doc) and doc[k + 1].lower_ in PARTITIVE_DETERMINERS | ARTICLE_SPELLINGS:
                    return ""  # ", twee zepen de kaakjes in": the verb of a clause the figure opens
                if k + 1 < len(doc) and token.is_lower and doc[k + 1].is_lower and is_known_noun(doc[k + 1].text, doc.vocab) \
                        and is_adjective(token.text, doc.vocab) and (not is_known_noun(token.text, doc.vocab) or following == "NOUN"):
                    return head_noun_lemma(doc[k + 1].text, doc.vocab)  # "1 volwassen dochter", "Twee dronken supporters"
                if token.lower_ in COUNTER_NOUNS and k + 1 < len(doc) and doc[k + 1].pos_ in ("NOUN", "ADJ") and \
                        doc[k + 1].is_lower and doc[k + 1].is_alpha:
                    return head_noun_lemma(doc[k + 1].text, doc.vocab)  # "honderd stuks melkvee"
                head = noun_after_adjectives(doc, k)
                if head is not None:
                    return head_noun_lemma(doc[head].text, doc.vocab)  # "90 procent van het bruto nationaal product"
                return head_noun_lemma(token.text, doc.vocab)
            # taggers take plural nouns after a number for adjectives or infinitives ("doden", "toeristen")
            if token.is_lower and token.is_alpha and token.lower_ not in FIGURE_FUNCTION_WORDS and (
                (token.pos_ == "ADJ" and following not in ("NOUN", "PROPN", "ADJ") and is_known_noun(token.text, doc.vocab)
                 and not is_adjective(token.text, doc.vocab))
                or (token.pos_ == "VERB" and k == j and not is_verb_form(token.text, doc.vocab)
                    and (not {"Fin", "Part"} & set(verb_form) or is_known_noun(token.text, doc.vocab)))
            ):
                return head_noun_lemma(token.text, doc.vocab)
            if partitive and k > j and doc[k - 1].pos_ == "DET" and token.pos_ in ("VERB", "AUX") and token.is_lower \
                    and is_known_noun(token.text, doc.vocab) and not (token.lower_.endswith("e") and following in ("NOUN", "PROPN")):
                # "21 procent van de gevallen": after an article, a noun; not "de ondervraagde Roemenen"
                return head_noun_lemma(token.text, doc.vocab)
            participle = token.pos_ == "VERB" and "Part" in verb_form and following in ("NOUN", "ADJ")
            clause_end = k + 1 >= len(doc) or doc[k + 1].is_punct
            if k == j and token.pos_ in ("VERB", "AUX") and ("Part" in verb_form and not participle or clause_end) \
                    and token.is_lower and token.lower_.endswith("en") and is_known_noun(token.text, doc.vocab) \
                    and token.lower_ not in MEASURE_VERBS | MODAL_VERBS:
                return head_noun_lemma(token.text, doc.vocab)  # "vijf quaestoren", "1500 belangstellenden", "221 gevallen."
            if token.pos_ == "ADP" and (k == j or doc[k - 1].pos_ in ("DET", "NUM")) and \
                    (noun := noun_after_participle_phrase(doc, k)) is not None:
                return head_noun_lemma(doc[noun].text, doc.vocab)  # "de twee aan dit gebied verbonden ziekenhuizen"
            infinitive = token.lower_ == "te" and following == "VERB"  # "twee te publiceren peilingen"
            if token.pos_ not in SUBJECT_SKIP_POS and not participle and not infinitive and \
                    not (token.pos_ == "VERB" and k > j and doc[k - 1].lower_ == "te"):
                return ""
        else:
            if token.is_alpha and token.lower_ not in FIGURE_FUNCTION_WORDS:
                return (token.lemma_ or token.text).lower()
            return ""
    return ""


def noun_after_participle_phrase(doc: Doc, k: int) -> int | None:
    """The noun after a phrase with the preposition at ``k`` and an attributive participle, between a count and
    what it counts ("twee aan dit gebied verbonden ziekenhuizen", "van de naar een mens vernoemde straten"), or
    None."""
    for m in range(k + 1, min(k + 6, len(doc) - 1)):
        token = doc[m]
        participle = "Part" in feature(token, "VerbForm") or (
            token.lower_.endswith(("de", "te")) or token.lower_.endswith("en") and "ge" in token.lower_[:-2]
        ) and is_verb_form(token.text, doc.vocab) and not is_ordinal(token.lower_)
        # "gebouwde", "aangesloten" (the tagger errs); not "gaat", "steunen", "vierde"
        if not participle and token.pos_ not in ("DET", "ADJ", "NOUN", "PROPN", "ADV", "VERB"):
            return None
        if m > k + 1 and token.is_lower and participle:
            noun = doc[m + 1]
            known = noun.pos_ == "NOUN" or is_known_noun(noun.text, doc.vocab)
            return m + 1 if noun.is_lower and is_word(noun) and known and noun.lower_ not in MEASURE_VERBS else None
        if token.pos_ == "VERB":
            return None
    return None


def is_ordinal(word: str) -> bool:
    """Whether a lower-case word is an ordinal number ("vierde", "achtste", "twintigste")."""
    for suffix in ("ste", "de"):
        if word.endswith(suffix) and parse_number_word(word[: -len(suffix)]) is not None:
            return True
    return False


def is_participle(token: Token) -> bool:
    """Whether a word the tagger took for a noun is a verb's participle: its lemma is an infinitive the
    lexicon knows and the word ends as a participle does ("teruggebracht" -> terugbrengen; not "jongetje")."""
    lemma = token.lemma_
    return token.is_lower and lemma != token.lower_ and lemma.endswith("en") and \
        token.lower_.endswith(("t", "d")) and is_verb_form(lemma, token.vocab)


def second_in_clause(doc: Doc, j: int) -> bool:
    """Whether token ``j`` follows a one-word figure that opens its clause (where a main clause has its verb)."""
    return j >= 1 and (j == 1 or doc[j - 2].is_punct or doc[j - 1].is_sent_start)


def noun_after_adjectives(doc: Doc, k: int) -> int | None:
    """The noun after an adjective the tagger took for a noun at ``k`` and the adjectives after it ("bruto
    nationaal product"), or None."""
    if not (doc[k].is_lower and is_adjective(doc[k].text, doc.vocab)):
        return None
    m = k + 1
    while m < min(k + 3, len(doc)) and doc[m].pos_ == "ADJ":
        m += 1
    noun = m < len(doc) and doc[m].is_lower and (doc[m].pos_ == "NOUN" or is_known_noun(doc[m].text, doc.vocab))
    return m if m > k + 1 and noun else None


def noun_after_unit(token: Token) -> bool:
    """Whether the word after a unit is the noun it measures ("3 procent groei", "22 meter diepte"), also
    when the tagger took it for a verb or adjective but the lexicon knows it as a noun and not as a verb, or
    it ends the clause and the lexicon lists it as a noun and not as an adjective."""
    if is_acronym_noun(token):
        return True  # "zes maanden WW"
    if is_name_and_noun(token):
        return True  # "49 procent CO2-reductie", "3 procent NS-reizigers"
    if not (token.is_lower and is_word(token)) or token.lower_ in FIGURE_FUNCTION_WORDS | COMPARISON_WORDS:
        return False  # "een cent extra": no noun
    if token.lower_ in MEASURE_VERBS or is_verb_form(token.text, token.vocab) and not is_known_noun(token.text, token.vocab):
        return False  # "gaat ons 60.000 euro kosten", "Met 30 kilometer per uur creëer je": a verb
    if is_comparison(token):
        return False  # "5 procent groener geworden", "10 kilometer harder dan toegestaan"
    if token.pos_ == "NOUN":
        return is_known_noun(token.text, token.vocab) or not is_adjective(token.text, token.vocab)
    if token.pos_ == "ADJ" and feature(token, "Degree") != ("Pos",) or token.lower_ in MODAL_VERBS:
        return False  # "11 procent lager", "tussen 8 en 18 jaar moet"
    doc, k = token.doc, token.i + 1
    if k < len(doc) and doc[k].is_punct and is_noun_lemma(token.text, token.vocab) and \
            not is_adjective(token.text, token.vocab) and token.lower_ not in MEASURE_VERBS | COMPARISON_WORDS:
        return True  # "op 22 meter diepte.", "3 procent obesitas.": a noun ending the clause, whatever its tag
    return token.pos_ in ("VERB", "ADJ") and is_known_noun(token.text, token.vocab) and \
        not is_verb_form(token.text, token.vocab) and (k >= len(doc) or doc[k].pos_ != "NOUN")


def is_attributive(token: Token) -> bool:
    """Whether a word is an inflected adjective before the noun it qualifies ("circulaire pet"), also where the
    lexicon knows it as a noun too."""
    doc, k = token.doc, token.i + 1
    return token.is_lower and token.pos_ in ("ADJ", "NOUN") and is_inflected_adjective(token.text, token.vocab) and \
        k < len(doc) and doc[k].is_lower and doc[k].is_alpha and is_known_noun(doc[k].text, doc.vocab) and \
        doc[k].pos_ not in ("VERB", "AUX") and doc[k].lower_ not in FIGURE_FUNCTION_WORDS


def is_comparison(token: Token) -> bool:
    """Whether a word is a comparative adjective where it stands: made of an adjective with "-er" and followed
    by "dan", a verb or the end of the clause ("5 procent groener geworden"), not by a noun ("één ouder")."""
    doc, k = token.doc, token.i + 1
    return token.is_lower and comparative_of(token.text, token.vocab) is not None and (
        k >= len(doc) or doc[k].lower_ == "dan" or doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX"))


def is_word(token: Token) -> bool:
    """Whether a token is a word of letters, also a compound with hyphens or a plural in apostrophe-s
    ("thc-gehalte", "auto's", "voorschotnota's")."""
    text = token.text
    if text.endswith(("'s", "’s")):
        text = text[:-2]
    return bool(text) and all(part.isalpha() for part in text.split("-"))


def is_name_and_noun(token: Token) -> bool:
    """Whether a word is a compound of a name or acronym and a noun the lexicon knows ("CO2-reductie",
    "WW-budget"): a noun, though written with capitals."""
    head = token.text.rpartition("-")[2]
    return head != token.text and head.isalpha() and head.islower() and not token.is_lower and \
        is_known_noun(head, token.vocab)


def is_acronym_noun(token: Token) -> bool:
    """Whether an acronym is used as a common noun ("zes maanden WW", "een IQ van 137"): two to four capitals
    that no entity tag calls a name and that no capitalised word continues ("IC Direct", "ING")."""
    doc, k = token.doc, token.i + 1
    return token.is_upper and token.is_alpha and 2 <= len(token.text) <= 4 and \
        token.ent_type_ not in ("ORG", "PER", "LOC") and not (k < len(doc) and doc[k].text[:1].isupper())


def subject_before(doc: Doc, start: int) -> str:
    """The lemma of the noun an amount belongs to when it comes first: "een boete van 5000 euro",
    "een snelheid van ongeveer 50 kilometer per uur", "een dochter van 12 jaar", "een bedrag tussen 6 en 12
    miljoen euro"."""
    if start < 2 or not doc.has_annotation("POS"):
        return ""
    while start > 2 and doc[start - 1].lower_ in FOCUS_WORDS:
        start -= 1  # "een winkelleegstand van nog maar 5,8 procent"
    if doc[start].lower_ == "tussen" and start >= 2 and doc[start - 2].pos_ == "DET" and \
            not is_verb_form(doc[start - 1].text, doc.vocab):  # "een bedrag tussen 6 en 12"; not "Het kost tussen"
        k = start - 1
    elif doc[start - 1].lower_ == "van":
        k = first_conjunct(doc, start - 3 if doc[start - 2].text == "," and start >= 3 else start - 2)  # "twee tarieven, van 20"
        if k == start - 2 and k >= 2 and "Part" in feature(doc[k], "VerbForm") and doc[k - 1].pos_ == "NOUN":
            k -= 1  # "een opkomst verwacht van ongeveer 60 procent": the phrase with "van" after the participle
        elif k == start - 2 and k >= 2 and doc[k].lower_ in SEPARABLE_PARTICLES and doc[k - 1].pos_ == "NOUN" and \
                not governs_van(doc, k):
            k -= 1  # "draagt de commissie af van ruim 3 ton": the particle of the clause's verb
        if (in_phrase(doc, k) or doc[k - 1].lower_ == "als") and \
                any(opens_a_change(doc, m) for m in range(start + 1, min(start + 8, len(doc)))):
            return ""  # "groeide in die periode van 7 naar 19 procent", "als geheel van 209 tot 255": a change
    else:
        return ""
    if k >= 1 and (doc[k - 1].lower_, doc[k].lower_) in COMPOUND_PREPOSITIONS:
        return ""  # "zes in plaats van drie maanden", "ten opzichte van 30 procent": a preposition, not a noun
    if is_acronym_noun(doc[k]) and doc[k - 1].pos_ == "DET":
        return doc[k].lower_  # "een IQ van 137"
    if doc[k].pos_ == "NOUN" and is_name_and_noun(doc[k]):
        return head_noun_lemma(doc[k].text, doc.vocab)  # "een totaal WW-budget van 3,6 miljard"
    return noun_lemma_at(doc, k) if doc[k].pos_ == "NOUN" and doc[k].is_lower else ""  # not "het getal van 261"


def governs_van(doc: Doc, k: int) -> bool:
    """Whether the particle at ``k`` makes with its clause's verb a verb whose complement is "van" ("ging de bank
    uit van": uitgaan)."""
    first = doc[k].sent.start if doc.has_annotation("SENT_START") else 0
    return any(doc[k].lower_ + doc[m].lemma_.lower() in VAN_PARTICLE_VERBS
               for m in range(max(first, k - 8), k) if doc[m].pos_ in ("VERB", "AUX"))


def in_phrase(doc: Doc, k: int) -> bool:
    """Whether the noun at ``k`` follows a preposition ("in die periode")."""
    m = k - 1
    while m >= 0 and doc[m].pos_ in ("DET", "ADJ"):
        m -= 1
    return m >= 0 and doc[m].pos_ == "ADP"


def first_conjunct(doc: Doc, k: int) -> int:
    """The first of two nouns joined by "en" whose second is at ``k``: the head of "mannen en vrouwen"."""
    if k >= 2 and doc[k - 1].lower_ == "en" and doc[k - 2].pos_ == "NOUN" and doc[k - 2].is_lower and doc[k].is_lower:
        return k - 2
    return k


def digit_run(doc: Doc, i: int) -> int:
    """How many short digit groups in a row (separated by spaces only) include token ``i``."""
    def short(k: int) -> bool:
        return 0 <= k < len(doc) and doc[k].is_digit and len(doc[k].text) <= 3

    if not short(i):
        return 0
    start = i
    while short(start - 1) and doc[start - 1].whitespace_:
        start -= 1
    end = i
    while short(end + 1) and doc[end].whitespace_:
        end += 1
    return end - start + 1


def is_identifier(doc: Doc, start: int, end: int) -> bool:
    """A bare number right after a name or noun: "Radio 1", "Boeing 737", "stap 3", "Rijnstraat 8", "Deel 4"."""
    if start == 0:
        return False
    previous = doc[start - 1]
    if previous.lower_ in IDENTIFIER_NOUNS or previous.lower_.endswith(LONG_IDENTIFIER_NOUNS):
        return True  # "artikel 5", "wetsartikel 44"
    if previous.lower_ in ("en", ",") and start >= 3 and doc[start - 2].is_digit and \
            (doc[start - 3].lower_ in IDENTIFIER_NOUNS or doc[start - 3].is_title and doc[start - 3].pos_ != "NUM"):
        return True  # "de nummers 63 en 81", "cirkel 3 en 4", "aan de Kruisstraat 63 en 81"
    if end < len(doc) and (doc[end].text == ")" or doc[end].pos_ == "NOUN" and doc[end].is_lower):
        return False
    if previous.is_sent_start if doc.has_annotation("SENT_START") else start - 1 == 0:
        return previous.pos_ == "PROPN"
    return previous.is_alpha and (previous.is_title or previous.pos_ == "PROPN") and \
        previous.lower_ not in FIGURE_FUNCTION_WORDS


def is_bare_age(doc: Doc, start: int, end: int, value: float) -> bool:
    """A bare number said of a person is an age: "je zoon van 7", "toen hij nog maar 17 was", "Ik ben 65.",
    "Dertig was hij toen"."""
    if value != int(value) or not 0 < value < 120 or not doc[start].like_num:
        return False
    following = doc[end] if end < len(doc) else None
    if start >= 2 and doc[start - 1].lower_ == "van" and doc[start - 2].lower_ in CHILD_NOUNS:
        return following is None or not (following.like_num or following.pos_ == "NOUN" and following.is_lower)
    if following is not None and following.lower_ in SINGULAR_COPULAS:
        after = doc[end + 1].lower_ if end + 1 < len(doc) else ""
        return after in PERSONAL_PRONOUNS or any(t.lower_ in PERSONAL_PRONOUNS for t in doc[max(0, start - 4) : start])
    return said_of_a_person(doc, start, end) or becomes_of_a_person(doc, start, end)


def said_of_a_person(doc: Doc, start: int, end: int, verbs: frozenset[str] = SINGULAR_COPULAS) -> bool:
    """Whether a figure ending a clause is given to a person by a copula: "Ik ben 65.", "Mijn zoon was 1 jaar.";
    with ``verbs`` the verbs of becoming too ("Hij werd 95 jaar.")."""
    following = doc[end] if end < len(doc) else None
    k = start - 1
    while k > 0 and doc[k].pos_ == "ADV":
        k -= 1
    return k >= 1 and doc[k].lower_ in verbs and doc[k - 1].lower_ in PERSONAL_PRONOUNS | CHILD_NOUNS | PERSON_NOUNS \
        and (following is None or following.is_punct and following.text != "%")


def becomes_of_a_person(doc: Doc, start: int, end: int) -> bool:
    """Whether a subordinate clause gives the figure to a person by a copula or a verb of becoming at its end:
    "Als je 95 jaar wordt,", "toen hij pas 17 was", "als ze 21 worden"."""
    k = start - 1
    while k > 0 and doc[k].pos_ == "ADV":
        k -= 1
    m = end
    while m < len(doc) and doc[m].pos_ == "ADV":
        m += 1
    return k >= 0 and doc[k].lower_ in PERSONAL_PRONOUNS and m < len(doc) and doc[m].lower_ in AGE_VERBS and \
        (m + 1 == len(doc) or doc[m + 1].is_punct or doc[m + 1].pos_ == "CCONJ")


def age_comparison(doc: Doc, start: int, end: int) -> bool:
    """Whether the figure is compared as an age: "ouder dan veertien maanden", "jonger dan 30", "65 jaar of ouder"."""
    return doc[start].lower_ in AGE_COMPARATIVES or doc[end - 1].lower_ in AGE_COMPARATIVES


def speed_context(doc: Doc, j: int, distance: bool = False) -> bool:
    """Whether the sentence of token ``j`` is about speed ("snelheid", "bebouwde kom"); with ``distance``, a
    distance anywhere in it counts too ("50 kilometer per uur rijden ... dan 30 per uur")."""
    tokens = doc[j].sent if doc.has_annotation("SENT_START") else doc
    return any(t.lower_.endswith(SPEED_WORDS) or distance and getattr(unit_for(t.text), "symbol", "") == "km" for t in tokens)


def is_first_name(token: Token) -> bool:
    """Whether a capitalised word after an age is a name ("de 8-jarige Diya"), not an inhabitant ("de
    61-jarige Duitser", "de 45-jarige Amsterdammer", "de 36-jarige Almelose") or an adjective ("het 9-jarige
    Iraakse jongetje")."""
    following = token.nbor(1) if token.i + 1 < len(token.doc) else None
    return token.is_title and token.is_alpha and not token.is_sent_start and demonym_country(token.text) is None \
        and not token.lower_.endswith(INHABITANT_SUFFIXES) and \
        not (following is not None and following.is_lower and following.pos_ in ("NOUN", "ADJ"))  # "Iraakse jongetje"


def is_age_in_parentheses(doc: Doc, start: int, end: int) -> bool:
    """"Maryam (18)", "Xaviera S. (24)", "een man (50)", "het vermiste meisje (16)", "Suzan Stortelder (26,
    Zieuwent)", "Nena Sanchez (23):", "(Kim Jansen, 24)", "Aad de Mos (voetbal, 72)": a bracketed number after
    a person, or after a name and a comma inside the brackets, is an age; not "PvdA (4)", the seats of a party."""
    if not (start >= 2 and end == start + 1 and doc[start].is_digit and 0 < int(doc[start].text) < 125):
        return False
    closed = end < len(doc) and doc[end].text.startswith(")") or \
        end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].is_title and doc[end + 2].text.startswith(")")
    if not closed:
        return False
    if doc[start - 1].text == "(":
        return names_a_person(doc[start - 2])
    if doc[start - 1].text != ",":
        return False
    opening = next((k for k in range(start - 2, max(0, start - 6), -1) if doc[k].text == "("), None)
    if opening is None or any(t.is_punct and t.text != "." for t in doc[opening + 1 : start - 1]):
        return False
    return is_name_word(doc[start - 2]) or opening >= 1 and is_name_word(doc[opening - 1])


def names_a_person(token: Token) -> bool:
    """Whether a word before a bracketed number names a person: a name, an initial ("S."), a person noun
    ("man", "verdachte", "meisje") or a pronoun ("mij")."""
    lower = token.lower_
    return is_name_word(token) or lower in CHILD_NOUNS | PERSON_NOUNS | OBJECT_PRONOUNS or is_title_word(lower)


def is_name_word(token: Token) -> bool:
    """Whether a word is (the end of) a person's name: capitalised, an initial ("S.") or a double name
    ("Cohn-Bendit"), and not the name of an organisation (an acronym or an organisation's head word)."""
    text = token.text
    written = text[:1].isupper() and (token.is_alpha or INITIAL_RE.match(text) is not None or
                                      all(part.isalpha() for part in text.split("-")))
    organisation = token.ent_type_ == "ORG" and (not token.is_title or token.text in ORGANISATION_HEADS)
    return written and not organisation  # "PvdA (4)", "VVD (10)", "Haga Lyceum (2)"; "Lion Siek (18)" though tagged ORG


def is_not_a_figure(doc: Doc, i: int) -> bool:
    """Numbers that belong elsewhere: clock times, day-month dates, phone numbers, postcodes, scores,
    years written "'73", list items, names of races ("Acht van Chaam")."""
    token = doc[i]
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    previous = doc[i - 1].lower_ if i else ""
    if CLOCK_RE.match(token.text) and ((nxt is not None and nxt.lower_ in CLOCK_UNITS) or previous in CLOCK_PREPOSITIONS):
        return True
    if token.like_num and nxt is not None and (nxt.lower_ in MONTHS or nxt.lower_.split("-")[0] in MONTHS and "-" in nxt.text):
        return True  # "4 mei", "4 mei-herdenking"
    if (token.is_digit or parse_number_word(token.lower_)) and nxt is not None and nxt.lower_ in CLOCK_UNITS - {"u"} \
            and previous in CLOCK_PREPOSITIONS - {"van"}:
        return True  # "om 8 uur", "tegen vier uur": a clock time
    if token.lower_ == "acht" and previous == "in" and (nxt is None or nxt.is_punct or nxt.lower_ in HEED_WORDS):
        return True  # "in acht genomen": to heed
    if previous == "half" and token.is_alpha and (parse_number_word(token.lower_) or 13) <= 12:
        return True  # "half drie": a clock time
    if i >= 2 and previous in ("over", "voor") and doc[i - 2].lower_ in CLOCK_WORDS and token.is_alpha:
        return True  # "kwart over vier"
    if PHONE_RE.match(token.text) or token.is_digit and not CALL_WORDS.isdisjoint(token_lowers(doc)[max(0, i - 3) : i]):
        return True  # "bel direct 112": a number to call
    if i >= 2 and previous == "(" and nxt is not None and nxt.text == ")" and i + 2 < len(doc) and \
            doc[i + 2].is_title and doc[i + 2].pos_ in SENTENCE_OPENING_POS and doc[i - 2].is_title:
        return True  # "Henny Iseger Breda (2) Hoe is het mogelijk": the number of a letter
    if previous in ONE_SPELLINGS and token.text.isdecimal() and 1 <= int(token.text) <= 10 and nxt is not None and \
            (nxt.lower_ in GRADE_LINKS or nxt.text in (".", "!", "?")):
        return True  # "gaf het college een 6 als eindcijfer": a mark
    if CLOCK_RE.match(token.text) and nxt is not None and nxt.lower_ in ("tot", "-", "–") and i + 2 < len(doc) \
            and CLOCK_RE.match(doc[i + 2].text):
        return True  # "16.30 tot 19.00 uur"
    if token.lower_ in ONE_SPELLINGS and token.lower_ != "een" and not (
            nxt is not None and (scale_of(nxt.lower_) or nxt.lower_ in ("of", "tot") and i + 2 < len(doc) and
                                 is_number_token(doc[i + 2]) or
                                 nxt.lower_ == "op" and ratio_after(doc, i + 1, len(doc)) is not None)):
        return True  # "één van de daders", "de één": one, which nobody aggregates (docs/annotation.md)
    if token.like_num and not token.whitespace_ and nxt is not None and nxt.is_alpha and nxt.is_upper and len(nxt.text) <= 2:
        return True  # "5G", "4K": a name
    if digit_run(doc, i) >= 3 and not _space_grouped_number(doc, i):
        return True  # "06 23 84 58 86": a phone number written in pairs
    if nxt is not None and nxt.is_alpha and nxt.lower_.startswith(LONG_MONTHS):
        return True  # "24 Oktoberplein", "5 meiviering": a name, not a figure
    if token.is_digit and len(token.text) == 4 and nxt is not None and POSTCODE_LETTERS_RE.match(nxt.text):
        return True
    if i and doc[i - 1].text in ("'", "’") and not doc[i - 1].whitespace_ and token.is_digit and len(token.text) == 2:
        return True  # "'73": a year
    if token.is_digit and len(token.text) <= 2 and nxt is not None and nxt.text == "." and not token.whitespace_ \
            and (i == 0 or doc[i - 1].text in (":", ",", ";", ")") or doc[i - 1].is_sent_start) \
            and (i + 2 < len(doc) and (doc[i + 2].is_lower or doc[i - 1].text == ")") or
                 doc[i - 1].text == ":" and token.text == "1"):
        return True  # "1. ingebouwd navigatiesysteem, 2. radio", "De dilemma's op een rij: 1. ...": a list item
    if i and token.is_digit and doc[i - 1].is_title and not doc[i - 1].is_sent_start and unit_for(doc[i - 1].text) \
            is not None:
        return True  # "klasse Euro 4": a unit's name written as a name, a class or a product
    if token.is_digit and len(token.text) <= 2 and (i == 0 or doc[i - 1].text in (".", "?", "!") or doc[i - 1].is_space) \
            and nxt is not None and nxt.is_title and nxt.pos_ in SENTENCE_OPENING_POS | {"NOUN"}:
        return True  # "? 1 Waarom ...": a numbered question or heading
    if token.is_title and token.is_alpha and i and nxt is not None and nxt.lower_ == "van" and i + 2 < len(doc) \
            and doc[i + 2].is_title and doc[i + 2].pos_ in ("PROPN", "NOUN", "X", ""):
        return True  # "de Acht van Chaam": a race
    if i >= 2 and previous == "(" and is_score(doc[i - 2].text):
        return True  # "7-6 (4)": the points of a tiebreak
    if HYPHEN_PAIR_RE.match(token.text) and any(is_score(t.text) for t in doc[max(0, i - 2) : i + 3] if t.i != i):
        return True  # "3-6 6-2 7-5", "kwam terug van 0-2 naar 2-2": a score beside others, not a range
    if previous in REFERENCE_MARKS and token.is_digit:
        return True  # "→ 12": a page reference
    if previous == "op" and token.is_alpha and (nxt is None or nxt.is_punct or nxt.pos_ == "CCONJ") and \
            any(t.lower_ in RANK_VERBS for t in doc[max(0, i - 15) : i - 1]):
        return True  # "staat de ooglift op één en het weghalen van borstvorming op twee": a place in a ranking
    if token.is_digit and doc.has_annotation("SENT_START") and \
            sum(not (t.is_punct or t.is_space) for t in token.sent) == 1:
        return True  # "1." alone: a list number or a page
    if is_list_number(doc, i):
        return True  # "13. Frank Boeijen, zanger 12. Hubert Bruls, burgemeester": the numbers of a list
    return is_score(token.text)


def is_list_number(doc: Doc, i: int) -> bool:
    """Whether the number at ``i`` numbers an item of a list run into the text ("11. Perry Ubeda, oud
    wereldkampioen 13. Frank Boeijen, zanger 12. Hubert Bruls"): written as "12." before a capital, after a
    word or a mark, with the number one lower or higher written the same way nearby."""
    if not numbers_an_item(doc, i):
        return False
    n = int(doc[i].text)
    return any(abs(int(doc[k].text) - n) == 1 and numbers_an_item(doc, k)
               for k in range(max(0, i - LIST_REACH), min(len(doc), i + LIST_REACH)) if k != i and doc[k].is_digit)


def numbers_an_item(doc: Doc, k: int) -> bool:
    """Whether token ``k`` is a short number glued to a full stop before a capitalised word, after a word or a
    mark ("zanger 12. Hubert"; not "steeg naar 12. Daarna", "een IQ van 137. Bill": counts ending a sentence)."""
    token = doc[k]
    return token.is_digit and len(token.text) <= 3 and not token.whitespace_ and k + 2 < len(doc) and \
        doc[k + 1].text == "." and doc[k + 2].text[:1].isupper() and \
        (k == 0 or doc[k - 1].pos_ not in ("ADP", "ADV", "AUX", "VERB", "DET", "NUM", "SCONJ", "CCONJ"))


def is_score(text: str) -> bool:
    """Whether a token like "3-1" or "7-6" is a score (or a code), not a range."""
    pair = HYPHEN_PAIR_RE.match(text)
    if not pair:
        return False
    low, high = parse_digits(pair[1]), parse_digits(pair[2])
    return low is None or high is None or high <= low


def _space_grouped_number(doc: Doc, i: int) -> bool:
    """Whether token ``i`` is inside a number written in groups of three: "2 345 678"."""
    start = i
    while start > 0 and doc[start - 1].is_digit and doc[start - 1].whitespace_ and len(doc[start].text) == 3:
        start -= 1
    end, words = _space_groups(doc, start, start + 1, len(doc), [doc[start].text])
    return end > i and len(words) == 1 and end - start > 1


def could_start_a_figure(token: Token) -> bool:
    """A cheap test that rules out most tokens before the real parsers run."""
    return could_start_a_figure_text(token.lower_)


@lru_cache(maxsize=100_000)
def could_start_a_figure_text(text: str) -> bool:
    """:func:`could_start_a_figure` on a lower-case word (letters alone hold no digit: most words end there)."""
    return (not text.isalpha() and any(c.isdigit() for c in text)) or text[:3] in NUMBER_PREFIXES or \
        text[-1:] in "¼½¾⅓⅔"


def share_at(doc: Doc, i: int) -> tuple[int, float] | None:
    """(start, percent) of a share word at token ``i``: "de helft" 50, "driekwart" 75, "een derde" 33.3,
    "drie vijfde" 60, "(ruim een) kwart" 25 ("de derde keer" is an ordinal: a noun follows)."""
    lower, previous = doc[i].lower_, doc[i - 1].lower_ if i else ""
    if lower == "helft" and previous == "de":
        return i - 1, 50.0
    if lower == "driekwart" and not (i + 1 < len(doc) and doc[i + 1].lower_ in TIME_UNIT_WORDS):
        return i, 75.0  # not "afgelopen driekwart jaar": an amount of time
    if i + 1 < len(doc) and scale_of(doc[i + 1].lower_) is not None:
        return None  # "De kwart miljoen klanten": a number, not a share
    if lower == "kwart" and previous in QUALIFIER_WORDS and previous not in ONE_SPELLINGS:
        return i, 25.0  # "Ruim kwart meisjes ...": a headline without its article
    if lower in DENOMINATORS and (i + 1 >= len(doc) or doc[i + 1].pos_ != "NOUN" or doc[i + 1].lower_ == "deel"):
        count = parse_number_word(previous) if previous not in PARTS else None
        if count is not None and count == int(count) and 0 < count < DENOMINATORS[lower]:
            return i - 1, count / DENOMINATORS[lower] * 100
    return None


def age_of(text: str) -> float | None:
    """The age a word like "23-jarige", "12-jarig" or "vijftigjarige" gives, or None."""
    match = AGE_RE.match(text.lower())
    if not match:
        return None
    number = parse_digits(match["n"]) if match["n"].isdigit() else parse_number_word(match["n"])
    return number if number is not None and 0 < number < 130 else None


def glued_at(token: Token) -> Reading | None:
    """A number glued to its unit: "33cl", "5-liter", "30-kilometerzone" (a speed), "65-plussers" (an age
    from 65 on), "vijftigplussers"."""
    text = token.text
    match = GLUED_DIGITS_RE.match(text)
    if match:
        number, rest = match["n"], match["rest"]
    elif "-" in text:
        number, _, rest = text.partition("-")  # "vijf-liter"
    else:
        plus = next((word for word in PLUS_WORDS if text.lower().endswith(word)), "")
        number, rest = (text[: -len(plus)], plus) if plus else ("", "")
    value = parse_digits(number) if number[:1].isdigit() else parse_number_word(number) if number else None
    if value is None or value <= 0 or number.lower() in ONE_SPELLINGS or not rest.isalpha() and rest[:1] not in "°%":
        return None
    if len(rest) > 2:
        rest = rest.lower()  # "5G" is a name, "5 g" five grams
    if rest.startswith(PLUS_WORDS):
        return Reading(value=value, start=token.i, end=token.i + 1, kind="age", unit=UNITS["a"], qualifier="at_least",
                       subject="")  # the age is the whole word: "65-plussers"
    for cut in range(len(rest), 0, -1):
        unit = unit_for(rest[:cut])
        if unit is None or unit.quantity == "duration" or (cut < len(rest) and cut < 3):
            continue
        head = rest[cut:]
        if unit.symbol == "km" and head.startswith(SPEED_HEADS):
            unit = UNITS["km/h"]  # "30-kilometerzone", "50-kilometerweg"
        subject = head_noun_lemma(head, token.vocab) if len(head) > 2 else None  # "munten van 50-eurocent": found around it
        return Reading(value=value, start=token.i, end=token.i + 1, unit=unit, subject=subject)
    return None


def names_a_thing(doc: Doc, i: int) -> bool:
    """Whether "een" and the unit word after it name a thing in a place ("als haringen in een ton")."""
    return 0 < i and i + 1 < len(doc) and doc[i - 1].lower_ in PLACE_PREPOSITIONS and doc[i + 1].lower_ in UNIT_THINGS


def multiple_of(text: str) -> float | None:
    """The multiple a word like "tweemaal", "driedubbel" or "vijfvoud" gives (two and up), or None."""
    lower = text.lower()
    for suffix in MULTIPLE_SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix):
            number = parse_number_word(lower[: -len(suffix)])
            return number if number is not None and number >= 2 and number == int(number) else None
    return None


def ratio_after(doc: Doc, j: int, end_limit: int) -> tuple[float, int] | None:
    """The whole of a share written as "X op de Y" or "X van de Y" after the number X ending at ``j``:
    (Y, the token after it), or None."""
    link = next((len(words) for words in RATIO_LINKS if tuple(token_lowers(doc)[j : j + len(words)]) == words), 0)
    if not link or j + link >= end_limit or not is_number_token(doc[j + link]):
        return None
    whole, k = read_number(doc, j + link, end_limit)
    if link == 1 and (k >= len(doc) or doc[k].pos_ not in ("NOUN", "PROPN")) and not doc[j - 1].is_alpha:
        return None  # "zes op tien Gelderlanders", "(een op vijf)"; "3 op 10" alone is a score
    if whole is None or whole <= 0 or doc[j].lower_ == "van" and (k >= len(doc) or doc[k].pos_ not in ("NOUN", "ADJ", "VERB")):
        return None  # "van de 20" needs what is counted after it; "op de tien" is a share on its own
    return whole, k


def range_after(doc: Doc, i: int, j: int, value: float, end_limit: int) -> tuple[float, int] | None:
    """The upper end of a range after the number ``value`` ending at ``j`` ("20 à 30", "tussen 24 en 65",
    "van 10 tot 20", "tussen de 50 en de 90", "één of twee", "twintig, dertig jaar") and its end, or None."""
    previous = doc[i - 1].lower_ if i else ""
    range_starter = previous == "tussen" or (i >= 2 and doc[i - 2].lower_ == "tussen" and previous == "de")
    link = 3 if [t.lower_ for t in doc[j : j + 3]] == ["tot", "en", "met"] else 1
    if range_starter and j + 1 < end_limit and doc[j].lower_ == "en" and doc[j + 1].lower_ in DEFINITE_ARTICLES:
        link = 2  # "tussen de 50 en de 90 procent"
    if j + link >= end_limit or not is_number_token(doc[j + link]):
        return None
    word = doc[j].lower_
    alternative = word in ALTERNATIVE_WORDS or (word == "," and doc[i].is_alpha and doc[j + 1].is_alpha)
    if not (word in RANGE_WORDS or (range_starter and word == "en") or alternative):
        return None
    second, k = read_number(doc, j + link, end_limit)
    if second is None or second <= value:
        return None
    if alternative and not (second == value + 1 or (doc[i].lower_ in TENS_WORDS and second == value + 10)):
        return None  # "50 of 70" are two figures; "één of twee", "twintig, dertig jaar" a range
    return second, k


def read_value(doc: Doc, i: int, end_limit: int) -> Reading | None:
    """The number starting at token ``i``: its value (or range) and the tokens it covers."""
    token = doc[i]
    lower = token.lower_
    share = share_at(doc, i)
    if share is not None:  # "de helft", "driekwart", "een derde": a share of a group, in percent
        return Reading(value=share[1], start=share[0], end=i + 1, kind="share", unit=UNITS["%"])
    age = age_of(token.text)
    if age is not None:  # "de 23-jarige student": an age, of the noun after it
        opening = OPEN_AGE_RE.match(doc[i - 2].text) if i >= 2 and doc[i - 1].lower_ in RANGE_WORDS else None
        if opening and 0 < int(opening["n"]) < age:  # "18- tot 25-jarigen"
            return Reading(value=float(opening["n"]), value_max=age, start=i - 2, end=i + 1, kind="age", unit=UNITS["a"])
        return Reading(value=age, start=i, end=i + 1, kind="age", unit=UNITS["a"])
    vague = vague_count(lower)
    if vague is not None:
        j = i + 1
        while j < end_limit and (multiplier := scale_of(doc[j].lower_) or SCALE_PLURALS.get(doc[j].lower_)):
            vague, j = vague * multiplier, j + 1  # "tientallen miljarden", "honderden miljoenen": one figure
        return Reading(value=vague, start=i, end=j, kind="vague")
    glued = glued_at(token) if not token.is_digit else None
    if glued is not None:
        return glued
    multiple = multiple_of(lower)
    if multiple is not None:  # "tweemaal", "driedubbel"
        return Reading(value=multiple, start=i, end=i + 1, kind="multiple", subject="keer")
    if lower in PARTS and i + 1 < end_limit and scale_of(doc[i + 1].lower_) is not None:
        value, j = read_number(doc, i, end_limit)  # "de kwart miljoen klanten"
        return None if value is None else Reading(value=value, start=i, end=j)
    if lower in ONE_SPELLINGS and i + 1 < len(doc) and (
            scale_of(doc[i + 1].lower_) is not None or doc[i + 1].lower_ in FRACTION_WORDS) and \
            (unit_after(doc, i + 1, end_limit)[0] or UNITS["%"]).factor == 1.0:  # "een kwart eeuw" is 25 years
        value, j = read_number(doc, i, end_limit)
        return None if value is None else Reading(value=value, start=i, end=j, kind="one")
    if lower in ARTICLE_SPELLINGS and (about := about_reading(doc, i, end_limit)) is not None:
        return about  # "een jaar of zestig", "een man of twintig": about sixty years, about twenty men
    if lower in ARTICLE_SPELLINGS and i + 2 < end_limit and doc[i + 1].lower_ in ALTERNATIVE_WORDS | RANGE_WORDS and \
            parse_number_word(doc[i + 2].lower_) == 2:
        return Reading(value=1.0, value_max=2.0, start=i, end=i + 3)  # "een of twee maanden"
    if lower in ONE_SPELLINGS and (ratio := ratio_after(doc, i + 1, end_limit)) is not None:
        return Reading(value=100 / ratio[0], start=i, end=ratio[1], kind="share", unit=UNITS["%"])  # "één op de vier"
    if lower in ONE_SPELLINGS and one_of_a_unit(doc, i + 1, end_limit) and not names_a_thing(doc, i):
        return Reading(value=1.0, start=i, end=i + 1, kind="one")  # "een kilometer", "één procent"; not "een jaar"
    if FRACTION_WORDS.get(lower) in (0.5, 0.75) and i + 1 < end_limit and doc[i + 1].lower_ in TIME_UNIT_WORDS and \
            (not i or doc[i - 1].lower_ not in ONE_SPELLINGS):
        return Reading(value=FRACTION_WORDS[lower], start=i, end=i + 1)  # "het afgelopen half jaar", "driekwart jaar"
    if (unit := unit_for(token.text)) is not None and unit.factor != 1.0 and unit.quantity == "duration" and \
            (not i or not is_number_token(doc[i - 1]) and doc[i - 1].lower_ not in ONE_SPELLINGS):
        return Reading(value=1.0, start=i, end=i)  # "het afgelopen halfjaar": the amount is the word itself
    if not (is_number_token(token) or HYPHEN_PAIR_RE.match(token.text)) or is_not_a_figure(doc, i):
        return None
    pair = HYPHEN_PAIR_RE.match(token.text)
    if pair:
        low, high = parse_digits(pair[1]), parse_digits(pair[2])
        return None if low is None else Reading(value=low, value_max=high, start=i, end=i + 1)
    fraction = slash_fraction(token.text)
    if fraction is not None and fraction < 1:  # "2/3", "¼": a share of a group
        return Reading(value=fraction * 100, start=i, end=i + 1, kind="share", unit=UNITS["%"])
    if i >= 1 and doc[i - 1].text == "," and not doc[i - 1].whitespace_ and token.is_digit and \
            (i < 2 or doc[i - 2].whitespace_):  # ",07": a decimal without its zero
        value = parse_digits("," + token.text)
        return None if value is None else Reading(value=value, start=i - 1, end=i + 1)
    value, j = read_number(doc, i, end_limit)
    if value is None:
        value = fraction
    if value is None:
        return None
    ratio = ratio_after(doc, j, end_limit)
    if ratio is not None and ratio[0] >= value:  # "vier op de tien", "14 van de 20": one figure, a share
        return Reading(value=value / ratio[0] * 100, start=i, end=ratio[1], kind="share", unit=UNITS["%"])
    if j < end_limit and doc[j].lower_ in DENOMINATORS and value == int(value) and 0 < value < DENOMINATORS[doc[j].lower_] \
            and token.is_alpha:  # "drie vijfde van de leden"
        return Reading(value=value / DENOMINATORS[doc[j].lower_] * 100, start=i, end=j + 1, kind="share", unit=UNITS["%"])
    previous = doc[i - 1].lower_ if i else ""
    range_start = None
    if previous == "tussen" or (i >= 2 and doc[i - 2].lower_ == "tussen" and previous == "de"):
        range_start = i - 1 if previous == "tussen" else i - 2
    upper = range_after(doc, i, j, value, end_limit)
    value_max = None
    if upper is not None:
        second, k = upper
        link = 3 if doc[j].lower_ == "tot" and k - j > 2 and doc[j + 1].lower_ == "en" else 1
        if scale_of(doc[k - 1].lower_) and not scale_of(doc[j - 1].lower_):
            scale = second / (parse_number(doc[j + link].text) or second)
            value *= scale if scale > 1 else 1  # "2 tot 3 miljoen": both ends in millions
        value_max, j = second, k
    year_between = range_start is not None and token.is_digit and len(token.text) == 4 and 1000 <= value <= 2100
    if value_max is None and (year_between or looks_like_year(doc, i, j, value) or in_a_year_position(doc, i, j, value)):
        return None  # "in 1995"; "tussen 2007 en begin 2018" is a date
    if year_between and value_max is not None and value_max <= 2100 and not counted_after(doc, j, end_limit) \
            or ends_a_year_range(doc, i, j, end_limit):
        return None  # "tussen 2013 en 2018": two years; not "tussen 1500 en 2000 mensen"
    # "het verschil tussen de twee kandidaten": "tussen" without a second number is no range
    return Reading(value=value, start=i, end=j, value_max=value_max, range_start=range_start if upper else None)


def about_reading(doc: Doc, i: int, end_limit: int) -> Reading | None:
    """"een X of N" at ``i``, with X a unit or a noun and N a number with nothing counted after it: about N of X
    ("een jaar of zestig", "een euro of vijf", "een man of twintig"); not a clock time ("om een uur of acht")."""
    if i + 3 >= end_limit or doc[i + 2].lower_ != "of" or not is_number_token(doc[i + 3]) or \
            i and doc[i - 1].lower_ in CLOCK_PREPOSITIONS and doc[i + 1].lower_ in CLOCK_UNITS:
        return None
    value, end = read_number(doc, i + 3, end_limit)
    if value is None or value <= 1 or end < len(doc) and counted_after(doc, end, end_limit) and \
            not is_verb_form(doc[end].text, doc.vocab):
        return None  # "een kwartier of 20 minuten": an alternative; not "een maand of drie duren"
    unit, unit_end = unit_after(doc, i + 1, end_limit)
    if unit is not None and unit_end == i + 2:
        return Reading(value=value, start=i, end=end, unit=unit, qualifier="approx")
    noun = doc[i + 1]
    if noun.pos_ == "NOUN" and noun.is_lower and is_word(noun):
        return Reading(value=value, start=i, end=end, qualifier="approx", subject=head_noun_lemma(noun.text, doc.vocab))
    return None


def in_a_year_position(doc: Doc, i: int, j: int, value: float) -> bool:
    """Whether a bare four-digit number from 1900 to 2100, with nothing counted after it, stands where Dutch
    writes years: opening a clause ("En 2020 wordt een referendum", "dat 2018 een slecht jaar was"), after
    a preposition of time or comparison ("Vergeleken met 2007", "cijfers over 2018", "in heel 2016") or naming
    an edition ("Sportvrouw 2018", "het jaarverslag 2018"). Counts are written "2.000" or have their noun
    after them ("2098 mensen")."""
    token = doc[i]
    if j != i + 1 or not token.is_digit or len(token.text) != 4 or not 1900 <= value <= 2100:
        return False
    if i >= 2 and doc[i - 1].lower_ == "jaar" and doc[i - 2].lower_ in DEFINITE_ARTICLES:
        return True  # "tot het jaar 2028 concessies"
    following = doc[j] if j < len(doc) else None
    if following is not None and (is_number_token(following) or unit_after(doc, j, len(doc))[0] is not None or
                                  following.is_lower and following.is_alpha and counted_noun_at(doc, j)):
        return False  # "2002 vrouwen", "1200 MW", "2000 nieuwe woningen"
    if i == 0 or doc[i - 1].is_punct:
        return following is not None and following.pos_ in ("VERB", "AUX", "DET", "ADV", "ADJ")  # "2018 kende een verlies"
    previous = doc[i - 1]
    if previous.lower_ in YEAR_LEAD_WORDS or previous.lower_ == "aan" and i >= 2 and doc[i - 2].lower_ == "tot":
        return not (i >= 2 and is_number_token(doc[i - 2]))  # "Tot aan 2030"; not "2450 tegenover 1950"
    if previous.pos_ in ("SCONJ", "CCONJ") or previous.lower_ in RELATIVE_PRONOUNS:
        return following is not None and following.pos_ in ("VERB", "AUX", "DET", "ADV", "ADJ", "ADP")  # "dat 2019 hét jaar"
    return previous.pos_ in ("NOUN", "PROPN") and previous.is_alpha and previous.lower_ not in MEASURE_VERBS \
        and (following is None or following.pos_ not in ("NOUN", "PROPN"))  # "Designprijs 2019 voor Simone Post"


def counted_noun_at(doc: Doc, j: int) -> bool:
    """Whether a noun (after adjectives) starts at ``j``, not a verb the tagger took for one ("uit 1998
    figureerden")."""
    while j + 1 < len(doc) and doc[j].pos_ == "ADJ" and doc[j + 1].pos_ in ("ADJ", "NOUN"):
        j += 1
    token = doc[j]
    return token.pos_ == "NOUN" and not (is_verb_form(token.text, doc.vocab) and not is_known_noun(token.text, doc.vocab))


def ends_a_year_range(doc: Doc, i: int, j: int, end_limit: int) -> bool:
    """Whether the number at ``i`` (ending at ``j``) is the second year of "tussen 2013 en 2018"."""
    def year(token: Token) -> bool:
        return token.is_digit and len(token.text) == 4 and 1000 <= int(token.text) <= 2100
    return i >= 3 and year(doc[i]) and doc[i - 1].lower_ == "en" and year(doc[i - 2]) and \
        doc[i - 3].lower_ == "tussen" and not counted_after(doc, j, end_limit)


def counted_after(doc: Doc, j: int, end_limit: int) -> bool:
    """Whether a unit or a plural noun follows at ``j``: what a number there counts or measures."""
    following = doc[j] if j < len(doc) else None
    return unit_after(doc, j, end_limit)[0] is not None or following is not None and following.pos_ == "NOUN" and \
        "Plur" in feature(following, "Number")


def unit_of(doc: Doc, reading: Reading, end_limit: int, blocked: set[int]) -> UnitReading:
    """The unit after the number (or the currency sign before it) and the figure's start and end; cents
    after an amount of euros count in ("7 euro 25", "2 euro en 95 cent")."""
    if reading.unit is not None:
        return UnitReading(reading.unit, reading.start, reading.end, reading.value)
    negative = reading.value < 0 or (reading.start > 0 and doc[reading.start - 1].lower_ == "min")
    unit, end = unit_after(doc, reading.end, end_limit, negative)
    start, value = reading.start, reading.value
    sign = doc[start - 1].text.lower() if start else ""
    if sign in SIGN_UNITS and (start - 1) not in blocked:  # "€ 45 mln."
        unit, start = SIGN_UNITS[sign], start - 1
    if unit is UNITS["t"] and value <= 20 and sentence_words(doc, start) & MONEY_WORDS:
        unit = UNITS["ton"]  # "ruim een ton planschade betalen": a hundred thousand euros; "12 ton cocaïne" weighs
    if unit is not None and unit.symbol == "°C" and tuple(t.lower_ for t in doc[end : end + 2]) == BELOW_ZERO:
        value, end = -value, end + 2  # "36 graden onder nul"
    if unit is not None and unit.symbol in ("EUR", "NLG") and unit.factor == 1.0 and reading.value_max is None:
        cents = doc[end] if end < end_limit else None
        if cents is not None and cents.is_digit and len(cents.text) == 2 and cents.whitespace_ is not None:
            following = doc[end + 1] if end + 1 < len(doc) else None
            if following is None or not (following.like_num or following.pos_ == "NOUN" and following.is_lower):
                value, end = value + int(cents.text) / 100, end + 1  # "7 euro 25"
        elif end + 2 < end_limit and doc[end].lower_ == "en" and doc[end + 1].is_digit and \
                doc[end + 2].lower_ in CENT_WORDS and len(doc[end + 1].text) <= 2:
            value, end = value + int(doc[end + 1].text) / 100, end + 3  # "2 euro en 95 cent"
    return UnitReading(unit, start, end, value)


def qualifier_of(doc: Doc, reading: Reading, start: int, end: int, blocked: set[int]) -> tuple[str, int, int]:
    """The qualifier of a figure from the words around it, and the figure's new start and end."""
    if reading.range_start is not None:
        after, end = qualifier_after(doc, end)
        return reading.qualifier or after or "exact", reading.range_start, end
    if reading.kind == "age" and not reading.qualifier:
        return "exact", start, end
    qualifier, new_start = qualifier_before(doc, start, end)
    if any(k in blocked for k in range(new_start, reading.start)):
        qualifier, new_start = "exact", start
    after, new_end = qualifier_after(doc, end)
    if after:
        qualifier, end = after, new_end
    if reading.kind == "vague":
        qualifier = "approx"
    return reading.qualifier or qualifier, new_start, end


def subject_of(doc: Doc, reading: Reading, unit: Unit | None, quantity: str, start: int, end: int) -> str:
    """The noun the figure counts or measures (see ``subject_after``, ``subject_before`` and
    ``clause_subject``); a count of times counts "keer"."""
    subject = _subject_of(doc, reading, unit, quantity, start, end)
    if subject in NON_SUBJECTS:
        return ""
    return "keer" if subject in TIMES_WORDS else subject


def _subject_of(doc: Doc, reading: Reading, unit: Unit | None, quantity: str, start: int, end: int) -> str:
    if reading.subject is not None:
        return reading.subject
    glued = doc[end - 1].text
    head = glued.partition("-")[2] if unit is not None and reading.kind == "number" and end - 1 > reading.start and \
        not any(c.isdigit() for c in glued) else ""
    if head.isalpha() and head.islower():
        return head_noun_lemma(head, doc.vocab)  # "een 30 kilometer-zone": the compound's head
    if quantity == "age" and end < len(doc) and doc[end].lower_ in ATTRIBUTIVE_AGE_WORDS:
        thing = aged_thing(doc, start, end)  # "een 800 jaar oude mummie"
        if thing or doc[end].lower_ != "oud":
            return thing  # "de veertig jaar oude Al Fath-moskee": not "oude" itself
    if end < len(doc) and doc[end].lower_ == "geleden":
        return ""  # "de transformatie van drie jaar geleden": a time, not an amount of anything
    if reading.kind == "share":
        return subject_after(doc, end, has_unit=True) or subject_after(doc, end, has_unit=False) \
            or aside_subject(doc, start, end) or partitive_subject(doc, start) or clause_subject(doc, start, end)
    if reading.kind == "age":
        if end < len(doc) and is_first_name(doc[end]):
            return ""  # "de 8-jarige Diya": an age before a name
        return subject_after(doc, end, False, "age")
    if reading.kind == "vague" and end < len(doc) and doc[end].lower_ in SUBJECT_LINKS:
        return subject_after(doc, end, has_unit=True)  # "tonnen aan politie-inzet", "miljarden aan subsidie"
    after = subject_after(doc, end, unit is not None, unit.quantity if unit else "")
    if not after and reading.kind == "number" and start == reading.start >= 2 and \
            (unit is None or unit.quantity not in ("duration", "money")) and \
            doc[start - 1].pos_ == "NOUN" and doc[start - 1].is_lower and doc[start - 2].lower_ in DEFINITE_ARTICLES \
            and not is_verb_form(doc[start - 1].text, doc.vocab) \
            and not (start >= 3 and doc[start - 3].pos_ == "ADP"):  # "het kost 7 euro": a verb; "bij de winkel 30 cent"
        return head_noun_lemma(doc[start - 1].text, doc.vocab)  # "de maximumsnelheid 50 of 70"
    if after:
        return after
    before = (subject_before(doc, start) if unit is not None or not counted_word_after(doc, end) else "") or \
        (group_before(doc, start) if unit is not None and (unit.symbol == "a" or quantity == "age") else "") \
        or (aside_subject(doc, start, end) if unit is not None and not measures_a_person(doc, start, unit) else "")
    if before or quantity == "age":
        return before
    partitive = partitive_subject(doc, start) if quantity in ("count", "percentage") else ""
    if partitive:
        return partitive
    if end < len(doc) and (feature(doc[end], "Degree") == ("Pos",) or doc[end].pos_ in ("NOUN", "PROPN")) \
            and doc[end].lower_ not in MEASURE_VERBS:
        return ""  # "30 meter lang": a dimension; "is al tien jaar premier": the figure is not the predicate
    if quantity == "duration" and end < len(doc) and not (doc[end].is_punct or doc[end].pos_ == "CCONJ") \
            and not ends_with_measure_verb(doc, end):
        return ""  # "is al 20 jaar aan de macht": how long the state lasts, not a measure of the subject
    return clause_subject(doc, start, end)


def counted_word_after(doc: Doc, end: int) -> bool:
    """Whether the word after a bare count may be what it counts, though no subject was read from it ("de komst
    van tachtig ongedocumenteerden"): then the noun before "van" is not its owner."""
    if end >= len(doc) or not (doc[end].is_lower and doc[end].is_alpha) or doc[end].lower_ in FIGURE_FUNCTION_WORDS:
        return False
    return doc[end].pos_ == "NOUN" or not is_verb_form(doc[end].text, doc.vocab)


def aged_thing(doc: Doc, start: int, end: int) -> str:
    """The thing an age before "oud" belongs to: "een dertien jaar oud voorstel", "een 40 jaar oude boom"; "oud"
    without an ending only after "een" ("een pinpas van bijna 500 jaar oud hebt" is said of the pinpas)."""
    if end + 1 >= len(doc) or doc[end].lower_ not in ATTRIBUTIVE_AGE_WORDS:
        return ""
    if doc[end].lower_ == "oud" and not (start and doc[start - 1].lower_ in ONE_SPELLINGS):
        return ""
    noun = doc[end + 1]
    return noun_lemma_at(doc, end + 1) if noun.is_lower and noun.pos_ == "NOUN" else ""


def partitive_subject(doc: Doc, start: int) -> str:
    """The group a share or count is part of when its clause opens with it: "Van de vrouwen stemde 56 procent
    op links", "van de 8 miljoen bezoekers komt een vijfde uit Nederland", "van de mannen 44 procent"; or when
    the clause before ends with it: "was van de ruim 346.000 uitgebrachte stemmen, zo'n 8.700 blanco"."""
    if not doc.has_annotation("POS"):
        return ""
    k = clause_opening(doc, start)
    if k == start and start >= 2 and doc[start - 1].text == ",":
        opening = clause_opening(doc, start - 1)
        for m in range(opening, start - 3):
            if m > opening and doc[m - 1].pos_ not in ("VERB", "AUX", "ADV"):
                continue  # "33 procent van de stemmen, 20 procent meer": the group of the figure before
            group = partitive_group(doc, m, start - 1)
            if group is not None and group[1] == start - 1:
                return group[0]
        return ""
    group = partitive_group(doc, k, start)
    if group is None:
        return ""
    subject, k = group
    if k < start and doc[k].pos_ == "ADP":
        while k < start and not (doc[k].is_punct or doc[k].pos_ in ("VERB", "AUX")):
            k += 1  # "aan het grootste meer van Italië": the rest of a phrase the tagger did not read as one
    if k < start and doc[k].pos_ in ("VERB", "AUX") and "Fin" in feature(doc[k], "VerbForm"):
        k += 1  # the verb of the clause, second after the fronted group
    return subject if k == start or middle_of_clause(doc, k, start) else ""


def partitive_group(doc: Doc, k: int, limit: int) -> tuple[str, int] | None:
    """The noun of a group "van de [ruim 8 miljoen] bezoekers" at ``k`` and where its phrase ends, or None."""
    if limit - k < 3 or doc[k].lower_ != "van" or doc[k + 1].lower_ not in PARTITIVE_DETERMINERS:
        return None
    k += 2
    while k < limit and (doc[k].like_num or scale_of(doc[k].lower_) or doc[k].lower_ in QUALIFIER_WORDS or
                         "Part" in feature(doc[k], "VerbForm") and k + 1 < limit and doc[k + 1].pos_ == "NOUN"):
        k += 1  # "van de ruim 8 miljoen bezoekers", "van de 346.000 uitgebrachte stemmen"
    return noun_phrase(doc, k, limit)


def clause_opening(doc: Doc, start: int) -> int:
    """The first token of the clause of a figure starting at ``start`` (after a punctuation mark, a
    conjunction or a relative pronoun)."""
    first = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
    b = start - 1
    while b >= first and not clause_boundary(doc[b]):
        b -= 1
    return b + 1


def measures_a_person(doc: Doc, start: int, unit: Unit) -> bool:
    """Whether a bracketed amount other than a share follows a noun for people: "vrouwen (450 gram)" is what
    they eat or pay, not what they weigh; "vrouwen (52 procent)" is their share."""
    return unit.symbol != "%" and start >= 2 and doc[start - 1].text == "(" and \
        head_noun_lemma(doc[start - 2].text, doc.vocab) in PERSON_NOUNS


def aside_subject(doc: Doc, start: int, end: int) -> str:
    """The noun a figure in brackets or after a colon is given to: "biologische eieren (17 procent)",
    "Kosten van het vliegreisje: zo'n 1000 euro", "(maximumsnelheid: twintig kilometer per uur)"."""
    if start < 2 or not doc.has_annotation("POS"):
        return ""
    if doc[start - 1].text == "(" and end < len(doc) and doc[end].text == ")":
        restated = any(t.like_num for t in doc[max(0, start - 5) : start - 2])  # "een op de drie meisjes (35 procent)"
        noun = doc[start - 2]
        superlative = doc[start - 3].lower_ == "het" and noun.lower_.endswith("st") and is_adjective(noun.text, doc.vocab)
        return noun_lemma_at(doc, start - 2) if noun.is_lower and noun.pos_ == "NOUN" and not restated and \
            not in_phrase(doc, start - 2) and not superlative else ""
        # not "gedetineerden zonder tbs (ruim twee op drie)", nor the adverb of "het vaakst (32 procent)"
    if doc[start - 1].text != ":":
        return ""
    first = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
    k = start - 2
    while k > first and start - k <= 7 and not doc[k - 1].is_punct:
        k -= 1
    phrase = noun_phrase(doc, k, start - 1)
    return phrase[0] if phrase is not None and phrase[1] == start - 1 else ""


def clause_subject(doc: Doc, start: int, end: int) -> str:
    """The noun a measure verb of the figure's clause gives the figure to: "de werkloosheid steeg naar 35
    procent", "De prijzen van hun producten liggen gemiddeld 13 procent lager", "nu is het prijsverschil nog
    63 procent", "terwijl de biologische versie 1,02 euro kost", "het schip, dat 30 miljoen euro heeft gekost";
    a count of "het aantal X" counts X ("schat het aantal verkeersslachtoffers op 261")."""
    if not doc.has_annotation("POS"):
        return ""
    first = doc[start].sent.start if doc.has_annotation("SENT_START") else 0
    b = clause_opening(doc, start) - 1
    while b > first and doc[b].text in (",", ":") and (doc[b + 1].lower_ == "van" or opens_a_change(doc, b + 1)):
        # "Het aantal verkeersdoden is gedaald, van zo'n 3000 naar 630", "is gegroeid: van 366 in 2001, naar
        # 1462 nu": a change of the clause before
        b = clause_opening(doc, b) - 1
    if b > first and doc[b].text == "," and doc[b + 1].pos_ in ("VERB", "AUX") and \
            "Fin" in feature(doc[b + 1], "VerbForm") and (noun := relative_clause_before(doc, b)) is not None:
        b = clause_opening(doc, noun) - 1  # "Het aantal X dat ... is, is gegroeid"
    clause_start = b + 1
    counted = counted_in(doc, clause_start, start)
    if counted is not None:
        return counted
    verb_next = doc[b + 1].lower_ in MEASURE_VERBS and middle_of_clause(doc, b + 2, start)
    verb_last = doc[b].text == ")" and measure_verb_after(doc, end) and middle_of_clause(doc, b + 1, start)
    if b > first and doc[b].text in (")", ",") and (verb_next or verb_last) and \
            (aside := aside_start(doc, b, first)) is not None and \
            (verb_next or verb_final_clause(doc, clause_opening(doc, aside), first)):
        # "De werkloosheid (gecorrigeerd) steeg naar 4 procent", "De omzet, inclusief X, bedroeg 300 miljoen
        # euro", "De prijs, die vorig jaar onder de twee euro lag, is gestegen naar 2,20 euro", "dat de
        # belastinginkomsten (dus niet uit btw) met de helft dalen"
        phrase = noun_phrase(doc, clause_opening(doc, aside), aside)
        rest = doc[phrase[1] : aside] if phrase is not None else []  # "van een liter benzine": tagged apart
        return phrase[0] if phrase is not None and not any(t.is_punct or t.pos_ in ("VERB", "AUX") for t in rest) else ""
    if b >= 2 and b >= first and doc[b].lower_ in RELATIVE_PRONOUNS and doc[b - 1].text == "," and \
            measure_verb_after(doc, end) and middle_of_clause(doc, b + 1, start):
        return noun_lemma_at(doc, b - 2)  # "het schip, dat ... heeft gekost"
    phrase = noun_phrase(doc, clause_start, start)
    if phrase is not None:
        subject, k = phrase
        if k < start and doc[k].lower_ in MEASURE_VERBS and middle_of_clause(doc, k + 1, start):
            return subject  # "de rente is bijna nul"
        verb_final = verb_final_clause(doc, clause_start, first)
        if verb_final and measure_verb_after(doc, end) and middle_of_clause(doc, k, start):
            return subject  # "terwijl de biologische versie 1,02 euro kost"
    verb = next((k for k in range(clause_start, start) if doc[k].lower_ in MEASURE_VERBS), None)
    modal = modal_before(doc, verb) if verb is not None and verb == start - 1 else None
    if modal is not None:
        if phrase is not None and phrase[1] == modal:
            return phrase[0]  # "de sterfte kan in ontwikkelingslanden oplopen tot 15 procent"
        inverted = noun_phrase(doc, modal + 1, verb)
        if inverted is not None and middle_of_clause(doc, inverted[1], verb):
            return inverted[0]  # "Bij ouderen kan de sterfte in arme landen oplopen tot 12 procent"
    if verb is None or phrase is not None and phrase[1] <= verb:
        return ""  # "Een gezin met schulden kost de samenleving een ton": a noun opens the clause, after the verb is an object
    if verb == clause_start + 1 and doc[clause_start].pos_ == "PRON" and doc[clause_start].lower_ != "er" and \
            doc[verb].pos_ in ("VERB", "AUX"):
        return ""  # "Dat kostte de staat 744 miljoen euro": a pronoun is the subject, after the verb is an object
    phrase = noun_phrase(doc, verb + 1, start)  # "nu is het prijsverschil nog 63 procent", "bij X lagen de prijzen"
    return phrase[0] if phrase is not None and middle_of_clause(doc, phrase[1], start) else ""


def verb_final_clause(doc: Doc, clause_start: int, first: int) -> bool:
    """Whether the clause starting at ``clause_start`` is subordinate, with its verb last ("terwijl ...", "dat ...")."""
    b = clause_start - 1
    return b >= first and (doc[b].pos_ == "SCONJ" or doc[b].lower_ in RELATIVE_PRONOUNS)


def aside_start(doc: Doc, b: int, first: int) -> int | None:
    """Where an aside ending at the bracket or comma ``b`` opens: a bracketed phrase, or a phrase between commas
    that is a relative clause or has no verb of its own ("inclusief de buitenlandse vestigingen"); or None."""
    closing = doc[b].text
    opening = "(" if closing == ")" else ","
    c = next((k for k in range(b - 1, max(first, b - ASIDE_REACH) - 1, -1) if doc[k].text == opening), None)
    if c is None or c == first or any(t.text in ".;:!?()" for t in doc[c + 1 : b]):
        return None
    inside = doc[c + 1 : b]
    if opening == "," and not (inside[0].lower_ in RELATIVE_PRONOUNS or
                               not any("Fin" in feature(t, "VerbForm") for t in inside)):
        return None
    return c


def opens_a_change(doc: Doc, k: int) -> bool:
    """Whether token ``k`` opens a step of a change to a number: "naar 1462", "tot ruim 300"."""
    if doc[k].lower_ not in CHANGE_WORDS:
        return False
    m = k + 1
    while m < len(doc) and doc[m].lower_ in QUALIFIER_WORDS - DEFINITE_ARTICLES:
        m += 1
    return m < len(doc) and doc[m].like_num


def relative_clause_before(doc: Doc, b: int) -> int | None:
    """The noun a relative clause ending at the comma ``b`` belongs to ("Het aantal buitenlanders dat in
    Nederland tandarts is, is ..."), or None when the clause before the comma is no such clause."""
    k = clause_opening(doc, b)
    first = doc[b].sent.start if doc.has_annotation("SENT_START") else 0
    for m in range(b - 1, max(k, first + 1) - 1, -1):
        if doc[m].lower_ in RELATIVE_PRONOUNS and doc[m - 1].pos_ == "NOUN":
            return m - 1
    return None


def clause_boundary(token: Token) -> bool:
    """Whether a token ends the clause before a figure: a punctuation mark, a conjunction or a relative pronoun."""
    after_comma = token.i > 0 and token.doc[token.i - 1].text == ","
    return token.is_punct or token.pos_ == "SCONJ" or token.pos_ == "CCONJ" and (token.lower_ != "maar" or after_comma) \
        or token.lower_ in RELATIVE_PRONOUNS and after_comma


def noun_phrase(doc: Doc, i: int, limit: int) -> tuple[str, int] | None:
    """The lemma of the noun phrase starting at ``i`` (a determiner, adjectives, the noun and phrases with
    "van", "uit", ... after it) and where it ends; the head is checked against the lemma tables when the
    tagger did not take it for a common noun ("Sinaasappelsap van Appelsientje kost")."""
    k = i
    if k < limit and doc[k].pos_ == "DET":
        k += 1
    while k + 1 < limit and (doc[k].pos_ == "ADJ" or doc[k].pos_ == "ADV" and doc[k + 1].pos_ == "ADJ"):
        k += 1
    if k >= limit or not doc[k].is_alpha or not (doc[k].is_lower or doc[k].is_sent_start):
        return None
    if doc[k].pos_ != "NOUN" and not (doc[k].pos_ in ("PROPN", "X", "ADJ") and is_known_noun(doc[k].text, doc.vocab)) \
            or doc[k].lower_ in TIME_UNIT_WORDS or unit_for(doc[k].text) is not None:
        return None  # "daalde vorig jaar met 2,4 procent": a time, not what is measured
    head = k
    k += 1
    while k < limit and doc[k].pos_ == "NOUN" and doc[k].is_lower and doc[k].lower_ not in MEASURE_VERBS:
        k += 1  # "de totale hoeveelheid akkerbouwgrond", "een jaartje les"
    while k + 1 < limit and doc[k].pos_ == "ADP" and doc[k].lower_ not in MEASURE_LINKS - {"van", "op"}:
        m = k + 1
        while m < limit and doc[m].pos_ in ("DET", "ADJ"):
            m += 1
        if m >= limit or not in_noun_phrase(doc[m]):
            break
        while m < limit and in_noun_phrase(doc[m]):
            m += 1
        k = m
    return noun_lemma_at(doc, head), k


def in_noun_phrase(token: Token) -> bool:
    """Whether a token can be a noun of a phrase after a preposition ("van Bio+", "van hun producten"); not a
    measure verb the tagger took for a name ("van dat merk kost")."""
    return token.pos_ == "NOUN" and token.lower_ not in MEASURE_VERBS or token.pos_ == "PROPN" and not token.is_lower


def noun_lemma_at(doc: Doc, k: int) -> str:
    """The lemma of the noun at ``k``, empty when it is not a noun or only says the figure is a number."""
    token = doc[k]
    if k < 0 or not is_word(token) or token.pos_ not in ("NOUN", "PROPN", "X", "ADJ") or \
            token.pos_ != "NOUN" and not is_known_noun(token.text, doc.vocab):
        return ""
    lemma = head_noun_lemma(token.text, doc.vocab)
    return "" if lemma in CONTAINER_NOUNS else lemma


def counted_in(doc: Doc, i: int, start: int) -> str | None:
    """What "het aantal X" in the clause counts when the figure gives it ("het aantal dikke personen is
    gestegen tot een kwart"): the noun X, or None without such a phrase."""
    for k in range(i, start - 1):
        if doc[k].lower_ in CONTAINER_NOUNS and doc[start - 1].lower_ in MEASURE_LINKS | MEASURE_VERBS:
            m = k + 1
            while m < start and doc[m].pos_ == "ADJ":
                m += 1
            if m < start and doc[m].pos_ == "NOUN" and doc[m].is_lower:
                return noun_lemma_at(doc, m)
    return None


def middle_of_clause(doc: Doc, i: int, start: int) -> bool:
    """Whether the words between a clause's subject or verb and its figure are only adverbs and short
    phrases ("mede daardoor met", "bij Albert Heijn", "in dezelfde winkel"), no other thing measured."""
    if start - i > 6 or start and doc[start - 1].pos_ == "ADP" and doc[start - 1].lower_ not in MEASURE_LINKS:
        return False  # "er is werk voor de helft": a figure in another phrase
    after_preposition = False
    for token in doc[i:start]:
        if token.pos_ == "ADP":
            after_preposition = True
        elif token.pos_ in ("NOUN", "PROPN") and not after_preposition and token.lower_ not in TIME_UNIT_WORDS \
                or token.pos_ in ("VERB", "AUX", "PUNCT") and token.lower_ not in MEASURE_LINKS | MEASURE_VERBS:
            return False
    return True


def measure_verb_after(doc: Doc, end: int) -> bool:
    """Whether a measure verb ends the clause after the figure: "1,02 euro kost", "30 miljoen euro heeft gekost"."""
    return measure_verb_at(doc, end) is not None


def measure_verb_at(doc: Doc, end: int) -> int | None:
    """Where the measure verb after the figure is (see ``measure_verb_after``), or None."""
    k = end
    while k < len(doc) and k - end < 3 and (doc[k].pos_ == "ADV" or doc[k].lower_ in ("heeft", "had", "hebben")):
        k += 1
    return k if k < len(doc) and doc[k].lower_ in MEASURE_VERBS else None


def ends_with_measure_verb(doc: Doc, end: int) -> bool:
    """Whether the clause ends with a measure verb after the figure: "de incubatietijd zo'n tien dagen bedraagt,";
    not "die al 17 jaar ligt weg te rotten"."""
    k = measure_verb_at(doc, end)
    return k is not None and (k + 1 == len(doc) or doc[k + 1].is_punct or doc[k + 1].pos_ == "CCONJ")


def group_before(doc: Doc, start: int) -> str:
    """The people an age range or limit belongs to when they come first: "kinderen tot 12 jaar",
    "patiënten tussen de 40 en 65 jaar", "jongeren van 18 tot 25 jaar", "kinderen (0 tot 4 jaar)"."""
    k = start - 1
    while k >= 0 and doc[k].lower_ in ("(", "van"):
        k -= 1
    if k < 0 or k == start - 1 and doc[start].lower_ not in AGE_RANGE_STARTS:
        return ""
    k = first_conjunct(doc, k)
    noun = doc[k]
    plural = noun.pos_ == "NOUN" and "Plur" in feature(noun, "Number") or noun.pos_ == "ADJ" and \
        noun.lower_.endswith("en") and is_known_noun(noun.text, doc.vocab)
    written = noun.is_alpha and (noun.is_lower or noun.is_sent_start)
    return head_noun_lemma(noun.text, doc.vocab) if plural and written else ""


def figure_at(doc: Doc, i: int, blocked: set[int], end_limit: int | None = None) -> tuple[Span, Figure] | None:
    """The figure whose number starts at token ``i`` (and ends before ``end_limit``), or None."""
    if end_limit is None:
        end_limit = next((k for k in range(i, len(doc)) if k in blocked), len(doc))
    reading = read_value(doc, i, end_limit)
    if reading is None:
        return None
    found = unit_of(doc, reading, end_limit, blocked)
    start, value, value_max = found.start, found.value, reading.value_max
    if start and doc[start - 1].lower_ == "min" and (start - 1) not in blocked and reading.kind == "number":
        value, start = -value, start - 1
        value_max = -value_max if value_max is not None else None
    qualifier, start, end = qualifier_of(doc, reading, start, found.end, blocked)
    measure = measure_of(doc, reading, found.unit, value, value_max, i, start, end)
    if measure is None:
        return None
    end = measure.end
    subject = "" if measure.bracketed_age else subject_of(doc, reading, measure.unit, measure.quantity, start, end)
    if subject == "keer" and measure.unit is None and end < end_limit and doc[end].lower_ in TIMES_WORDS:
        end += 1  # "twee keer zo duur", "bijna dertig keer meer": a multiplier's span takes its word
    unit, quantity, subject = implicit_measure(doc, reading, measure, subject, i, start, end)
    factor = unit.factor if unit is not None else 1.0
    symbol = unit.symbol if unit is not None else ""
    value_si, unit_si = to_si(measure.value * factor, symbol)
    figure = Figure(
        value=measure.value * factor,
        value_max=value_max * factor if value_max is not None else None,
        unit=symbol,
        quantity=quantity,
        qualifier=qualifier,
        subject=subject,
        vague=reading.kind == "vague",
        value_si=value_si,
        unit_si=unit_si,
    )
    return Span(doc, start, end, label="FIGURE"), figure


@dataclass(frozen=True)
class Measure:
    """What a figure measures: its unit, quantity and value in that unit, where its span ends, and whether it
    is an age in brackets ("Jan (41)", which has no subject)."""

    unit: Unit | None
    quantity: str
    value: float
    end: int
    bracketed_age: bool = False


def measure_of(doc: Doc, reading: Reading, unit: Unit | None, value: float, value_max: float | None, i: int,
               start: int, end: int) -> Measure | None:
    """The unit and quantity a figure's context gives it beyond the unit written after it: ages ("Tim S. (40)",
    "Als je 95 jaar wordt", "jonger dan 30"), speeds ("30 per uur", "30 km in de bebouwde kom"), shares of a
    group ("een kwart van de Nederlanders"); None for an identifier."""
    quantity = unit.quantity if unit is not None else "count"
    if unit is None and reading.kind == "number" and value_max is None and start == reading.start == i \
            and end == reading.end:
        if is_age_in_parentheses(doc, i, end):
            return Measure(UNITS["a"], "age", value, end, bracketed_age=True)
        if is_bare_age(doc, i, end, value):
            unit, quantity = UNITS["a"], "age"
        elif is_identifier(doc, i, end):
            return None
        elif tuple(t.lower_ for t in doc[end : end + 2]) == PER_HOUR and speed_context(doc, i, distance=True):
            unit, quantity, end = UNITS["km/h"], "speed", end + 2  # "50 kilometer per uur ... dan 30 per uur"
    if unit is not None and unit.symbol == "km" and (speed_context(doc, i) or tuple(t.lower_ for t in doc[end : end + 2]) == TOO_FAST):
        unit, quantity = UNITS["km/h"], "speed"  # "hoger dan die 30 kilometer" of a speed; "30 km in de bebouwde kom"
    if unit is None and reading.kind == "number" and value_max is None and value == int(value) and 0 < value < 125 \
            and age_comparison(doc, start, end):
        unit, quantity = UNITS["a"], "age"  # "mensen jonger dan 30"
    if reading.kind == "age" or unit is not None and unit.quantity == "duration" and (
            end < len(doc) and doc[end].lower_ in AGE_WORDS | ATTRIBUTIVE_AGE_WORDS
            or (i >= 2 and doc[i - 2].lower_.endswith(tuple(AGE_WORDS))) or age_comparison(doc, start, end)
            or unit.symbol == "a" and (said_of_a_person(doc, start, end, AGE_VERBS) or becomes_of_a_person(doc, start, end))):
        quantity = "age"  # "Mijn zoon was 1 jaar.", "Als je 95 jaar wordt", "ouder dan veertien maanden"
    if unit is None and value < 1 and reading.kind == "one" and (end >= len(doc) or doc[end].pos_ != "NOUN"):
        # a share of a group ("een kwart van de Nederlanders": 25 %), not part of a thing ("een half brood")
        value, unit, quantity = value * 100, UNITS["%"], "percentage"
    return Measure(unit, quantity, value, end)


def implicit_measure(doc: Doc, reading: Reading, measure: Measure, subject: str, i: int, start: int,
                     end: int) -> tuple[Unit | None, str, str]:
    """The unit, quantity and subject of a count whose unit the text leaves out: a speed ("waar 50 mag",
    "geen 30 rijden") or money ("wil liever 15 miljard uitgeven", "tonnen aan subsidie")."""
    unit, quantity, value = measure.unit, measure.quantity, measure.value
    if unit is None and quantity == "count" and reading.kind == "number" and \
            (speed_context(doc, i) or end < len(doc) and doc[end].lower_ in DRIVE_VERBS and 5 <= value <= 200) and \
            (not subject or subject.endswith(SPEED_WORDS)):
        quantity = "speed"  # "harder dan 100 kilometer per uur, waar 50 mag": a speed with its unit left implicit
    money = vague_money(doc, reading, start) if unit is None and reading.kind == "vague" else None
    if money is not None:
        unit, subject, quantity = money.unit, money.subject, "money"
    if unit is None and quantity == "count" and value >= 1e6 and \
            any(scale_of(t.lower_) or t.lower_ in SCALE_PLURALS for t in doc[start:end]) and \
            (names_money(subject) or not subject and sentence_words(doc, i) & MONEY_WORDS):
        quantity = "money"  # "wil liever 15 miljard uitgeven", "miljarden verdient", "miljarden aan geld": not named as euro
    return unit, quantity, subject


@dataclass(frozen=True)
class VagueMoney:
    """A vague amount of money: the unit it is in ("tonnen" are hundreds of thousands of euros) and its subject."""

    unit: Unit | None
    subject: str


def vague_money(doc: Doc, reading: Reading, start: int) -> VagueMoney | None:
    """A vague count ending in "miljoenen", "miljarden" or "tonnen" with nothing counted after it is money
    not named as euro: "Honderden miljoenen uit de Troika Laundromat belandden in Nederland", "er zijn al vele
    miljoenen gaan zitten in", "verdient tonnen", "miljoenen aan contanten"; not "miljoenen mensen", nor "tonnen
    aan methaan" (a weight). Its subject is the noun after "aan" or before "van" ("de schuldenlast van honderden
    miljoenen"), never one from another clause."""
    last, end = doc[reading.end - 1].lower_, reading.end
    if last not in MONEY_SCALE_PLURALS:
        return None
    unit = UNITS["EUR"] if last == "tonnen" and end - reading.start == 1 else None  # "een ton" is 100.000 euro
    following = doc[end].lower_ if end < len(doc) else ""
    if following in SUBJECT_LINKS:
        owner = subject_after(doc, end, has_unit=True)
        if following == "aan":
            return VagueMoney(unit, owner) if last != "tonnen" or names_money(owner) else None
        return VagueMoney(unit, "")  # "miljoenen van de overheid krijgt": where the money comes from
    counted = subject_after(doc, end, has_unit=False)
    if counted:
        return VagueMoney(unit, counted) if names_money(counted) else None  # "enkele tonnen subsidie"
    return VagueMoney(unit, subject_before(doc, start))


def names_money(noun: str) -> bool:
    """Whether a noun lemma is a kind of money, also as the head of a compound ("ww-budget", "overheidssubsidie")."""
    head = noun.rpartition("-")[2]
    return bool(head) and head.endswith(tuple(MONEY_NOUNS))


def counts_time(span: Span) -> bool:
    """Whether a date span holds an amount of time, which is a figure too: a duration ("acht jaar"), a
    date counted from another ("twee jaar later", "drie weken geleden", "over twee jaar") or a span of
    time ("het afgelopen half jaar")."""
    if span._.date.granularity == "duration":
        return True
    return any(
        (token.like_num or token.lower_ in FRACTION_WORDS)
        and k + 1 < len(span) and span[k + 1].lower_ in TIME_UNIT_WORDS
        or (unit := unit_for(token.text)) is not None and unit.quantity == "duration" and unit.factor != 1.0
        for k, token in enumerate(span)
    )


def share_unit(found: list[tuple[Span, Figure]]) -> list[tuple[Span, Figure]]:
    """A bare number joined to a figure with a unit takes that unit: "van 20 en 35 procent", "van 19 naar
    7 meter", "30 of 50 km per uur", "(50,9 tegen 47,1 procent)", "De kinderen (11, 13 en 16 jaar oud)"; a vague
    count takes the multiplier and unit of the one after "of" or "zo niet" ("honderden of duizenden miljarden
    euro's", "duizenden, zo niet tienduizenden euro's"); and
    a bare number compared in a clause without a verb takes the unit before it ("het ja-kamp spendeert 1,5
    miljoen pond, het nee-kamp slechts 133.000")."""
    shared = list(found)
    for k in range(len(shared) - 2, -1, -1):
        (span, figure), (after, other) = shared[k], shared[k + 1]
        doc = span.doc
        between = token_lowers(doc)[span.end : after.start]
        if figure.vague and other.vague and tuple(between) in VAGUE_PAIR_LINKS and not figure.unit and len(span) == 1 and \
                (base := vague_count(after[0].lower_)) and (other.value > base or other.unit):
            value = figure.value * other.value / base  # "honderden of duizenden miljarden euro's"
            value_si, unit_si = to_si(value, other.unit)
            shared[k] = (span, replace(other, value=value, value_si=value_si, unit_si=unit_si))
            continue
        if figure.unit or not other.unit or figure.quantity not in ("count", "speed") or figure.vague or \
                len(between) != 1 or between[0] not in SHARED_UNIT_LINKS or other.quantity == "duration" \
                or figure.value_max is not None or not after[0].like_num:
            continue
        value_si, unit_si = to_si(figure.value, other.unit)
        shared[k] = (span, replace(figure, unit=other.unit, quantity=other.quantity, value_si=value_si,
                                   unit_si=unit_si, subject=figure.subject or other.subject))
    for k in range(1, len(shared)):
        (before, figure), (span, other) = shared[k - 1], shared[k]
        if figure.unit and compared_without_verb(before, span) and not other.unit and other.quantity == "count" \
                and not (other.subject or other.vague) and other.value_max is None:
            value_si, unit_si = to_si(other.value, figure.unit)
            shared[k] = (span, replace(other, unit=figure.unit, quantity=figure.quantity, value_si=value_si,
                                       unit_si=unit_si))
    return shared


def compared_without_verb(before: Span, span: Span) -> bool:
    """Whether ``span`` ends a clause that repeats the one of ``before`` without its verb: "het ja-kamp
    spendeert 1,5 miljoen pond, het nee-kamp slechts 133.000"."""
    doc = span.doc
    between = doc[before.end : span.start]
    if between[:1] and between[0].pos_ == "ADP":
        between = between[1:]  # "geeft 2,1 miljoen euro uit, ..."
    return 2 <= len(between) <= 6 and between[0].text == "," and \
        not any(t.pos_ in ("VERB", "AUX") or t.is_punct for t in between[1:]) and \
        (span.end == len(doc) or doc[span.end].text in (".", ";", "!")) and \
        between[1].lower_ in DEFINITE_ARTICLES and span[0].like_num


def share_subject(found: list[tuple[Span, Figure]]) -> list[tuple[Span, Figure]]:
    """A figure joined to the one before it by one word (after a bracketed aside) takes its subject when it
    has none: "de snelheid van 50 naar 30", "de maximumsnelheid 50 of 70", "platen van een meter bij een meter";
    and the one before takes the noun after a change: "van vier naar acht zetels"."""
    shared = list(found)
    for k in range(1, len(shared)):
        (before, figure), (span, other) = shared[k - 1], shared[k]
        doc, m = span.doc, before.end
        between = token_lowers(doc)[m : span.start]
        if between[:1] == ["("] and ")" in between:
            between = between[between.index(")") + 1 :]  # "bedragen van 2000 euro (schenking) en 20.000 euro"
        if len(between) == 3 and doc[m].pos_ == "ADP" and doc[m + 1].like_num:
            between = between[2:]  # "van 25,2 miljard euro in 2007 naar 37,4 miljard euro"
        if other.subject or not figure.subject or len(between) != 1 or between[0] not in SUBJECT_SHARE_LINKS \
                or figure.unit != other.unit or "age" in (figure.quantity, other.quantity):
            continue
        shared[k] = (span, replace(other, subject=figure.subject))
    for k in range(len(shared) - 2, -1, -1):
        (span, figure), (after, other) = shared[k], shared[k + 1]
        doc = span.doc
        between = token_lowers(doc)[span.end : after.start]
        if not figure.subject and other.subject and between in (["naar"], ["tot"], ["of"]) and \
                figure.unit == other.unit and (after.end < len(doc) and doc[after.end].pos_ == "NOUN" or
                                               after[-1].lower_ in TIMES_WORDS):
            shared[k] = (span, replace(figure, subject=other.subject))  # "van vier naar acht zetels"
    return shared


def find_figures(doc: Doc) -> list[tuple[Span, Figure]]:
    """Every figure in ``doc``, left to right, skipping tokens inside date spans (but for amounts of
    time: "acht jaar" is a date and a figure)."""
    blocked = {t for span in doc.spans.get(DATES_KEY, []) if not counts_time(span)
               for t in range(span.start, span.end)}
    stops = sorted(blocked)
    found = []
    end = 0  # the tokens before it belong to the last figure found
    for i in [i for i, lower in enumerate(token_lowers(doc)) if could_start_a_figure_text(lower)]:
        if i < end or i in blocked:
            continue
        k = bisect.bisect_left(stops, i)
        match = figure_at(doc, i, blocked, stops[k] if k < len(stops) else len(doc))
        if match is None:
            continue
        span, figure = match
        if found and span.start < found[-1][0].end:
            span = Span(doc, found[-1][0].end, span.end, label="FIGURE")
        found.append((span, figure))
        end = max(span.end, i + 1)
    return share_subject(share_unit(found))


class FigureTagger:
    """Find figures and store them in ``doc.spans["figures"]`` with ``span._.figure``."""

    def __init__(self, name: str, vocab: Vocab) -> None:
        self.name = name
        # Build the unit registry and the noun lemmatizer with the pipeline, not on the first document.
        registry()
        noun_rules(vocab)

    def __call__(self, doc: Doc) -> Doc:
        spans = []
        for span, figure in find_figures(doc):
            span._.figure = figure
            spans.append(span)
        doc.spans[SPAN_KEY] = SpanGroup(doc, name=SPAN_KEY, spans=spans)
        return doc


@Language.factory("nl_figures", assigns=["doc.spans", "span._.figure"])
def make_figure_tagger(nlp: Language, name: str) -> FigureTagger:
    """Factory for :class:`FigureTagger`."""
    return FigureTagger(name, nlp.vocab)
