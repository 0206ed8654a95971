"""Figures: numbers in Dutch news with their unit, qualifier and what they count.

``figure_at`` reads one figure starting at a number token: qualifier ("ruim", "zo'n"), sign,
currency, the number itself (digits, words, scale words, ranges), the unit, and the noun it counts.
The component runs after the date component and leaves tokens inside date spans alone, but for
durations, which are figures too.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc, Span, SpanGroup, Token
from spacy.vocab import Vocab

from .lemmas import head_noun_lemma, noun_rules
from .lexicon import MONTHS as MONTH_NUMBERS
from .lexicon import is_title_word
from .numbers import FRACTIONS, TENS, UNITS, parse_digits, parse_number, parse_number_word, scale_of, vague_count
from .numbers import VAGUE as VAGUE_WORDS
from .units import CURRENCY_SIGNS, MAX_UNIT_TOKENS, registry, to_si, unit_for

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


QUALIFIERS: dict[tuple[str, ...], str] = {}
for _qualifier, _phrases in {
    "approx": ["ongeveer", "circa", "ca.", "ca", "zo'n", "zo’n", "rond", "rond de", "rondom", "naar schatting",
               "pakweg", "een stuk of", "zowat", "ruwweg", "bij benadering", "omstreeks", "grofweg", "om en nabij",
               "ongeveer een", "zo’n beetje", "plusminus", "+/-", "±"],
    "more_than": ["ruim", "meer dan", "ruim over", "boven de", "dik", "ruimschoots", "méér dan", "boven",
                  "ruim meer dan", "bijna ruim", "over de", "na ruim"],
    "less_than": ["bijna", "minder dan", "nog geen", "krap", "onder de", "net geen", "amper", "nauwelijks",
                  "ruim minder dan", "ternauwernood", "nog niet"],
    "at_least": ["minstens", "ten minste", "tenminste", "minimaal", "zeker", "op zijn minst", "minimum"],
    "at_most": ["hooguit", "maximaal", "tot", "niet meer dan", "ten hoogste", "hoogstens", "tot wel", "maximum",
                "tot maximaal", "tot zo'n", "tot zo’n"],
}.items():
    for _phrase in _phrases:
        QUALIFIERS[tuple(_phrase.split())] = _qualifier
QUALIFIER_WORDS = frozenset(word for phrase in QUALIFIERS for word in phrase)

MONTHS = frozenset([*MONTH_NUMBERS, *(f"{name}." for name in MONTH_NUMBERS if len(name) <= 4 and name not in ("mei", "juni", "juli"))])
YEAR_CONTEXT = frozenset(
    "in sinds van tot uit rond begin eind medio voor na vanaf jaar jaren seizoen eeuw najaar voorjaar zomer "
    "winter herfst lente anno circa sedert t/m tot-en-met vóór".split()
)
SCALE_PLURALS = {"duizenden": 1e3, "miljoenen": 1e6, "miljarden": 1e9}
YEAR_ONLY_CONTEXT = frozenset("in sinds sedert vanaf anno begin eind medio najaar voorjaar zomer winter herfst lente".split())
CLOCK_RE = re.compile(r"^\d{1,2}[.:]\d{2}$")
PHONE_RE = re.compile(r"^(?:0\d{1,3}-\d{6,8}|\+?\d{9,}|0\d{2,3}-\d{3}-?\d{3,4})$")
HYPHEN_PAIR_RE = re.compile(r"^(\d+(?:[.,]\d+)?)[-–](\d+(?:[.,]\d+)?)$")
POSTCODE_LETTERS_RE = re.compile(r"^[A-Z]{2}$")
RANGE_WORDS = frozenset({"à", "a", "á", "tot", "-", "–", "of"})
TEMPERATURE_WORDS = frozenset(
    "temperatuur temperaturen warm warmer warmste koud kouder koudste vriest vriezen vorst hitte graden celsius "
    "kwik thermometer dooi weer weerbericht tropisch zomers ijskoud hittegolf nachtvorst".split()
)
SUBJECT_LINKS = frozenset({"aan", "van"})
PARTITIVE_DETERMINERS = frozenset("de het zijn haar hun deze die onze mijn uw jullie".split())
TIME_UNITS = frozenset("seconde seconden minuut minuten uur uren dag dagen week weken maand maanden jaar jaren".split())
FUNCTION_WORDS = frozenset(
    "de het een en of in op aan van voor met bij uit tot naar over door om te als dan dat die dit deze er "
    "is was zijn waren wordt werd worden hebben heeft had niet nog al ook wel maar want dus per jaar "
    "keer maal procent uur".split()
)
SUBJECT_SKIP_POS = frozenset({"ADJ", "ADV", "NUM", "DET"})


def is_number_token(token: Token) -> bool:
    """Whether a token on its own reads as a number (digits or a Dutch number word, not ``een``)."""
    lower = token.lower_
    if lower in ("een", "eén"):
        return False
    if parse_digits(token.text) is not None:
        return True
    return parse_number_word(lower) is not None and lower not in ("half", "halve", "kwart")


def qualifier_before(doc: Doc, start: int) -> tuple[str, int]:
    """The qualifier phrase ending just before ``start``, and where it begins.

    "tot" after a verb states a result, not a ceiling: "veroordeeld tot zes jaar", "gestegen tot 13,5
    procent" are exact; "boetes tot 10.000 euro" is at most.
    """
    for length in (4, 3, 2, 1):
        if start - length < 0:
            continue
        phrase = tuple(t.lower_ for t in doc[start - length : start])
        if phrase in QUALIFIERS:
            if phrase == ("tot",) and start >= 2 and "Part" in doc[start - 2].morph.get("VerbForm"):
                return "exact", start  # a participle states the result ("riskeert tot 30 jaar" is a ceiling)
            return QUALIFIERS[phrase], start - length
    return "exact", start


def read_number(doc: Doc, i: int, end_limit: int) -> tuple[float | None, int]:
    """Parse the number starting at token ``i``: digits or words, "en een half", scale words."""
    j = i + 1
    words = [doc[i].text]
    if doc[i].lower_ in ("een", "eén") and j < end_limit and doc[j].lower_ in FRACTIONS:
        words.append(doc[j].lower_)
        j += 1
    while j < end_limit:
        lower = doc[j].lower_
        if scale_of(lower) is not None or lower in ("duizend", "honderd"):
            words.append(lower)
            j += 1
        elif lower == "en" and j + 2 < end_limit and doc[j + 1].lower_ == "een" and doc[j + 2].lower_ in FRACTIONS:
            words += ["en", "een", doc[j + 2].lower_]
            j += 3
        elif parse_number_word(lower) is not None and lower not in ("een", "half", "kwart") and words and \
                (parse_number_word(words[-1].lower()) or 0) >= 1000:
            words.append(lower)  # "tweeduizend zeventien"
            j += 1
        else:
            break
    return parse_number(" ".join(words)), j


def unit_after(doc: Doc, j: int, end_limit: int, negative: bool = False) -> tuple[str, str, int]:
    """The unit starting at ``j`` (longest form first): (symbol, quantity, end), or ("", "", j)."""
    for length in range(MAX_UNIT_TOKENS, 0, -1):
        if j + length > end_limit:
            continue
        found = unit_for(" ".join(t.text for t in doc[j : j + length]))
        if found:
            return found[0], found[1], j + length
    if j < end_limit and doc[j].lower_ in ("graad", "graden"):
        sentence = {t.lower_ for t in doc[j].sent} if doc.has_annotation("SENT_START") else {t.lower_ for t in doc}
        if negative or sentence & (TEMPERATURE_WORDS - {"graden"}) or (j + 1 < end_limit and doc[j + 1].lower_ == "celsius"):
            end = j + 2 if j + 1 < end_limit and doc[j + 1].lower_ == "celsius" else j + 1
            return "°C", "temperature", end
        return "°", "other", j + 1
    return "", "", j


def subject_after(doc: Doc, j: int, has_unit: bool, quantity: str = "") -> str:
    """The lemma of the noun a figure counts or measures, looking a few tokens past ``j``.

    With a unit the noun follows directly ("3 procent groei", "zes jaar cel") or after "van"/"aan"
    ("5 miljoen euro aan subsidie"; not for time: "20 jaar aan de macht"); a count's noun may follow a
    partitive "van" ("drie van zijn patiënten")."""
    has_pos = doc.has_annotation("POS")
    if has_unit:
        if j < len(doc) and doc[j].lower_ in SUBJECT_LINKS and quantity not in ("duration", "age"):
            j += 1
        elif has_pos and j < len(doc) and doc[j].pos_ == "NOUN" and doc[j].is_lower and doc[j].is_alpha \
                and doc[j].lower_ not in FUNCTION_WORDS and not (quantity == "duration" and (
                    doc[j].lower_ == "tijd" or is_title_word(doc[j].text))):  # "al tien jaar premier"
            return head_noun_lemma(doc[j].text, doc.vocab)
        else:
            return ""
    partitive = not has_unit and j + 1 < len(doc) and doc[j].lower_ == "van" and \
        doc[j + 1].lower_ in PARTITIVE_DETERMINERS
    if partitive:
        j += 2
    for k in range(j, min(j + 4, len(doc))):
        token = doc[k]
        if partitive and (token.like_num or token.lower_ in QUALIFIER_WORDS):
            continue  # "2.750 van de ruim 525.000 stemmen"
        if token.is_punct or token.is_space or token.like_num:
            return ""
        if has_pos:
            following = doc[k + 1].pos_ if k + 1 < len(doc) else ""
            verb_form = token.morph.get("VerbForm")
            if token.pos_ in ("NOUN", "PROPN"):
                if quantity == "age" and token.ent_type_ == "PER":
                    return ""  # "de 24-jarige Laurence": an age before a name
                return head_noun_lemma(token.text, doc.vocab)
            # taggers take plural nouns after a number for adjectives or infinitives ("doden", "toeristen")
            if token.is_lower and token.is_alpha and token.lower_ not in FUNCTION_WORDS and (
                (token.pos_ == "ADJ" and following not in ("NOUN", "PROPN", "ADJ"))
                or (token.pos_ == "VERB" and k == j and not {"Fin", "Part"} & set(verb_form))
            ):
                return head_noun_lemma(token.text, doc.vocab)
            participle = token.pos_ == "VERB" and "Part" in verb_form and following in ("NOUN", "ADJ")
            if token.pos_ not in SUBJECT_SKIP_POS and not participle:  # "van de uitgebrachte stemmen"
                return ""
        else:
            if token.is_alpha and token.lower_ not in FUNCTION_WORDS:
                return (token.lemma_ or token.text).lower()
            return ""
    return ""


def subject_before(doc: Doc, start: int) -> str:
    """The lemma of the noun an amount belongs to when it comes first: "een boete van 5000 euro",
    "een snelheid van ongeveer 50 kilometer per uur", "een dochter van 12 jaar"."""
    if start < 2 or doc[start - 1].lower_ != "van" or not doc.has_annotation("POS"):
        return ""
    noun = doc[start - 2]
    return head_noun_lemma(noun.text, doc.vocab) if noun.pos_ == "NOUN" and noun.is_lower else ""


def looks_like_year(doc: Doc, i: int, end: int, value: float | None) -> bool:
    """A bare four-digit number between 1000 and 2100 used as a year."""
    token = doc[i]
    if value is None or not token.is_digit or len(token.text) != 4 or not 1000 <= value <= 2100 or end != i + 1:
        return False
    previous = doc[i - 1].lower_ if i else ""
    following = doc[end] if end < len(doc) else None
    if following is not None and following.is_lower and following.pos_ == "NOUN" and previous not in YEAR_ONLY_CONTEXT:
        return False  # "voor 1700 gezinnen": what is counted follows ("in 1995 opgehangen" stays a year)
    return previous in YEAR_CONTEXT or previous in MONTHS or following is None or following.is_punct or \
        not following.is_lower


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
    """A bare number right after a name or noun: "Radio 1", "Boeing 737", "stap 3", "Rijnstraat 8"."""
    if start == 0 or (end < len(doc) and (doc[end].text == ")" or doc[end].pos_ == "NOUN" and doc[end].is_lower)):
        return False
    previous = doc[start - 1]
    if previous.is_sent_start if doc.has_annotation("SENT_START") else start - 1 == 0:
        return previous.pos_ == "PROPN"
    return previous.is_alpha and (previous.is_title or previous.pos_ in ("NOUN", "PROPN")) and \
        previous.lower_ not in FUNCTION_WORDS


def is_age_in_parentheses(doc: Doc, start: int, end: int) -> bool:
    """"Maryam (18)", "Söner (38)": a bracketed number after a name is an age."""
    return (
        start >= 2 and end < len(doc) and doc[start - 1].text == "(" and doc[end].text == ")"
        and doc[start - 2].is_title and doc[start].is_digit and end == start + 1 and 0 < int(doc[start].text) < 125
    )


def is_not_a_figure(doc: Doc, i: int) -> bool:
    """Numbers that belong elsewhere: clock times, day-month dates, phone numbers, postcodes, scores."""
    token = doc[i]
    nxt = doc[i + 1] if i + 1 < len(doc) else None
    previous = doc[i - 1].lower_ if i else ""
    if CLOCK_RE.match(token.text) and ((nxt is not None and nxt.lower_ in ("uur", "u", "u.")) or previous in ("om", "van", "tot", "vanaf", "rond")):
        return True
    if token.like_num and nxt is not None and nxt.lower_ in MONTHS:
        return True
    if (token.is_digit or parse_number_word(token.lower_)) and nxt is not None and nxt.lower_ in ("uur", "u.") \
            and previous in ("om", "rond", "tot", "vanaf", "voor", "na", "tegen"):
        return True  # "om 8 uur", "tegen vier uur": a clock time
    if PHONE_RE.match(token.text):
        return True
    if CLOCK_RE.match(token.text) and nxt is not None and nxt.lower_ in ("tot", "-", "–") and i + 2 < len(doc) \
            and CLOCK_RE.match(doc[i + 2].text):
        return True  # "16.30 tot 19.00 uur"
    if token.lower_ in ("één", "eén") and not (nxt is not None and (scale_of(nxt.lower_) or nxt.lower_ in ("op", "of", "tot"))):
        return True  # "één van de daders", "de één": one, which nobody aggregates (docs/annotation.md)
    if token.like_num and not token.whitespace_ and nxt is not None and nxt.is_alpha and nxt.is_upper and len(nxt.text) <= 2:
        return True  # "5G", "4K": a name
    if digit_run(doc, i) >= 3:
        return True  # "06 23 84 58 86": a phone number written in pairs
    if nxt is not None and nxt.is_alpha and nxt.lower_[:4] in {m[:4] for m in MONTHS if len(m) > 4} and \
            any(nxt.lower_.startswith(m) for m in MONTHS if len(m) > 4):
        return True  # "24 Oktoberplein", "5 meiviering": a name, not a figure
    if token.is_digit and len(token.text) == 4 and nxt is not None and POSTCODE_LETTERS_RE.match(nxt.text):
        return True
    pair = HYPHEN_PAIR_RE.match(token.text)
    if pair:
        low, high = parse_digits(pair[1]), parse_digits(pair[2])
        if low is None or high is None or high <= low:
            return True  # a score (3-1) or a code, not a range
    return False


NUMBER_PREFIXES = frozenset(
    word[:3] for word in [*UNITS, *TENS, "honderd", "duizend", "anderhalf", "half", "kwart", "helft", "driekwart", "derde",
                          *VAGUE_WORDS]
)


def could_start_a_figure(token: Token) -> bool:
    """A cheap test that rules out most tokens before the real parsers run."""
    text = token.lower_
    return any(c.isdigit() for c in text) or text[:3] in NUMBER_PREFIXES


def one_of_a_unit(doc: Doc, j: int, end_limit: int) -> bool:
    """Whether a unit of measure, money or percent (not of time) follows "een" at ``j``."""
    unit, quantity, _ = unit_after(doc, j, end_limit)
    return bool(unit) and quantity != "duration"


def share_at(doc: Doc, i: int) -> tuple[int, float] | None:
    """(start, percent) of a share word at token ``i``: "de helft" 50, "driekwart" 75, "een derde" 33.3,
    "twee derde" 66.7 ("de derde keer" is an ordinal: a noun follows)."""
    lower, previous = doc[i].lower_, doc[i - 1].lower_ if i else ""
    if lower == "helft" and previous == "de":
        return i - 1, 50.0
    if lower == "driekwart":
        return i, 75.0
    if lower == "derde" and previous in ("een", "één", "twee") and (i + 1 >= len(doc) or doc[i + 1].pos_ != "NOUN"):
        return i - 1, 100 / 3 * (2 if previous == "twee" else 1)
    return None


AGE_RE = re.compile(r"^(?P<n>\d{1,3}|[a-zë]+?)-?jarig(?:e|en)?$")


def age_of(text: str) -> float | None:
    """The age a word like "23-jarige", "12-jarig" or "vijftigjarige" gives, or None."""
    match = AGE_RE.match(text.lower())
    if not match:
        return None
    number = parse_digits(match["n"]) if match["n"].isdigit() else parse_number_word(match["n"])
    return number if number is not None and 0 < number < 130 else None


def ratio_after(doc: Doc, j: int, end_limit: int) -> tuple[float, int] | None:
    """The whole of a share written as "X op de Y" or "X van de Y" after the number X ending at ``j``:
    (Y, the token after it), or None."""
    if j + 2 >= end_limit or [t.lower_ for t in doc[j : j + 2]] not in (["op", "de"], ["van", "de"]):
        return None
    if not is_number_token(doc[j + 2]):
        return None
    whole, k = read_number(doc, j + 2, end_limit)
    if whole is None or whole <= 0 or doc[j].lower_ == "van" and (k >= len(doc) or doc[k].pos_ not in ("NOUN", "ADJ", "VERB")):
        return None  # "van de 20" needs what is counted after it; "op de tien" is a share on its own
    return whole, k


def share_figure(doc: Doc, i: int, end: int, value: float) -> tuple[Span, Figure]:
    """A share ("vier op de tien weggebruikers", "de helft van de leden") as a percentage, with its
    qualifier and subject."""
    qualifier, start = qualifier_before(doc, i)
    value_si, unit_si = to_si(value, "%")
    figure = Figure(value=value, unit="%", quantity="percentage", qualifier=qualifier,
                    subject=subject_after(doc, end, has_unit=True) or subject_after(doc, end, has_unit=False),
                    value_si=value_si, unit_si=unit_si)
    return Span(doc, start, end, label="FIGURE"), figure


def figure_at(doc: Doc, i: int, blocked: set[int], end_limit: int | None = None) -> tuple[Span, Figure] | None:
    """The figure whose number starts at token ``i`` (and ends before ``end_limit``), or None."""
    n = len(doc)
    token = doc[i]
    lower = token.lower_
    if end_limit is None:
        end_limit = next((k for k in range(i, n) if k in blocked), n)
    share = share_at(doc, i)
    if share is not None:  # "de helft", "driekwart", "een derde": a share of a group, in percent
        return share_figure(doc, share[0], i + 1, share[1])
    vague = vague_count(lower)
    age = age_of(token.text)
    if age is not None:  # "de 23-jarige student": an age, of the noun after it
        value_si, unit_si = to_si(age, "a")
        figure = Figure(value=age, unit="a", quantity="age", subject=subject_after(doc, i + 1, False, "age"),
                        value_si=value_si, unit_si=unit_si)
        return Span(doc, i, i + 1, label="FIGURE"), figure
    if vague is not None:
        value, value_max, j = vague, None, i + 1
        while j < end_limit and (multiplier := scale_of(doc[j].lower_) or SCALE_PLURALS.get(doc[j].lower_)):
            value, j = value * multiplier, j + 1  # "tientallen miljarden", "honderden miljoenen": one figure
    elif lower in ("een", "eén") and i + 1 < n and (
        scale_of(doc[i + 1].lower_) is not None or doc[i + 1].lower_ in FRACTIONS
    ):
        value, j = read_number(doc, i, end_limit)
        value_max = None
    elif lower in ("een", "één", "eén") and ratio_after(doc, i + 1, end_limit) is not None:
        value, value_max, j = 1.0, None, i + 1
    elif lower in ("een", "één", "eén") and one_of_a_unit(doc, i + 1, end_limit):
        value, value_max, j = 1.0, None, i + 1  # "een kilometer", "één procent"; not "een jaar", "een man"
    elif is_number_token(token) or HYPHEN_PAIR_RE.match(token.text):
        if is_not_a_figure(doc, i):
            return None
        pair = HYPHEN_PAIR_RE.match(token.text)
        if pair:
            value, value_max, j = parse_digits(pair[1]), parse_digits(pair[2]), i + 1
        else:
            value, j = read_number(doc, i, end_limit)
            value_max = None
    else:
        return None
    if value is None:
        return None
    start = i
    qualifier = "exact"
    ratio = ratio_after(doc, j, end_limit) if value_max is None else None
    if ratio is not None and ratio[0] >= value:  # "vier op de tien", "14 van de 20": one figure, a share
        value, j = value / ratio[0] * 100, ratio[1]
        return share_figure(doc, i, j, value)
    # ranges: "20 à 30", "tussen 24 en 65", "van 10 tot 20"
    previous = doc[i - 1].lower_ if i else ""
    range_starter = previous == "tussen" or (i >= 2 and doc[i - 2].lower_ == "tussen" and previous == "de")
    link = 3 if [t.lower_ for t in doc[j : j + 3]] == ["tot", "en", "met"] else 1
    if value_max is None and j + link < end_limit and (
        doc[j].lower_ in RANGE_WORDS - {"of"} or (range_starter and doc[j].lower_ == "en")
    ) and is_number_token(doc[j + link]):
        second, k = read_number(doc, j + link, end_limit)
        if second is not None and second > value:
            if scale_of(doc[k - 1].lower_) and not scale_of(doc[j - 1].lower_):
                scale = second / (parse_number(doc[j + link].text) or second)
                value *= scale if scale > 1 else 1
            value_max, j = second, k
    if looks_like_year(doc, i, j, value) and value_max is None:
        return None
    negative = value < 0 or (i > 0 and doc[i - 1].lower_ == "min")
    unit, quantity, end = unit_after(doc, j, end_limit, negative)
    # currency sign before the number: "€ 45 mln."
    if i and doc[i - 1].text.lower() in CURRENCY_SIGNS and (i - 1) not in blocked:
        unit, quantity, start = CURRENCY_SIGNS[doc[i - 1].text.lower()], "money", i - 1
    if start and doc[start - 1].lower_ == "min" and (start - 1) not in blocked:
        value, start = -value, start - 1
        value_max = -value_max if value_max is not None else None
    if range_starter:
        start = i - 1 if previous == "tussen" else i - 2
    else:
        qualifier, start = qualifier_before(doc, start)
        if any(k in blocked for k in range(start, i)):
            qualifier, start = "exact", i if not (i and doc[i - 1].text.lower() in CURRENCY_SIGNS) else i - 1
    if not unit and value_max is None and vague is None and start == i and end == j:
        if is_age_in_parentheses(doc, i, j):
            unit, quantity = "a", "age"
        elif is_identifier(doc, i, j):
            return None
    if unit == "a" and (end < n and doc[end].lower_ in ("oud", "jong") or
                        (i >= 2 and doc[i - 2].lower_ == "leeftijd")):
        quantity = "age"
    if vague is not None:
        qualifier = "approx"
    if not unit and value < 1 and (end >= n or doc[end].pos_ != "NOUN") and all(
            doc[k].lower_ in FRACTIONS or doc[k].lower_ in ("een", "eén", "één") for k in range(i, j)):
        # a share of a group ("een kwart van de Nederlanders": 25 %), not part of a thing ("een half brood")
        value, unit, quantity = value * 100, "%", "percentage"
    subject = subject_after(doc, end, bool(unit), quantity) or subject_before(doc, start)
    value_si, unit_si = to_si(value, unit)
    figure = Figure(
        value=value,
        value_max=value_max,
        unit=unit,
        quantity=quantity or "count",
        qualifier=qualifier,
        subject=subject,
        vague=vague is not None,
        value_si=value_si,
        unit_si=unit_si,
    )
    return Span(doc, start, end, label="FIGURE"), figure


def counts_time(span: Span) -> bool:
    """Whether a date span holds an amount of time, which is a figure too: a duration ("acht jaar") or
    a date counted from another ("twee jaar later", "drie weken geleden")."""
    return span._.date.granularity == "duration" or (
        (span[0].like_num or span[0].lower_ in ("anderhalf", "anderhalve"))
        and any(t.lower_ in TIME_UNITS for t in span[1:])
    )


def find_figures(doc: Doc) -> list[tuple[Span, Figure]]:
    """Every figure in ``doc``, left to right, skipping tokens inside date spans (but for durations:
    "acht jaar" is a date and a figure)."""
    blocked = {t for span in doc.spans.get(DATES_KEY, []) if not counts_time(span)
               for t in range(span.start, span.end)}
    next_blocked = [len(doc)] * (len(doc) + 1)
    for k in range(len(doc) - 1, -1, -1):
        next_blocked[k] = k if k in blocked else next_blocked[k + 1]
    found = []
    i = 0
    while i < len(doc):
        if i in blocked or not could_start_a_figure(doc[i]):
            i += 1
            continue
        match = figure_at(doc, i, blocked, next_blocked[i])
        if match is None:
            i += 1
            continue
        span, figure = match
        if found and span.start < found[-1][0].end:
            span = Span(doc, found[-1][0].end, span.end, label="FIGURE")
        found.append((span, figure))
        i = max(span.end, i + 1)
    return found


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
