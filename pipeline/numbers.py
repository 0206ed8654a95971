"""Dutch numbers: digit formats and number words, as pure functions (text in, float out); and whether a
number in a Doc is a year."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import TYPE_CHECKING

from .lexicon import (
    DENOMINATORS,
    FRACTION_WORDS,
    HUNDRED_WORDS,
    NUMBER_WORDS,
    ONE_SPELLINGS,
    SCALE_WORDS,
    TENS_WORDS,
    VAGUE_COUNTS,
    YEAR_APPROX_WORDS,
    YEAR_CONTEXT,
    YEAR_ONLY_CONTEXT,
)
from .lexicon import MONTHS as MONTH_NUMBERS
from .tokens import feature
from .units import unit_for

if TYPE_CHECKING:
    from spacy.tokens import Doc

THOUSANDS_RE = re.compile(r"^[-−–+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
DECIMAL_COMMA_RE = re.compile(r"^[-−–+]?\d*,\d+$|^[-−–+]?\d+$")
DECIMAL_POINT_RE = re.compile(r"^[-−–+]?\d+\.\d{1,2}$|^[-−–+]?\d+\.\d{4,}$")
SPACE_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:,\d+)?$")
ROUND_AMOUNT_RE = re.compile(r"^(\d{1,3}(?:\.\d{3})*|\d+),[-–]{1,2}$")  # "€ 15,-", "1.250,--"
EXPONENT_RE = re.compile(r"^(\d+(?:[.,]\d+)?)(?:e|E|[x×*]10\^)([-+]?\d{1,2})$")  # "2,5e6", "3x10^8"
POWER_RE = re.compile(r"^(\d{1,3})\^([-+]?\d{1,2})$")  # "10^9"
THOUSAND_SUFFIX_RE = re.compile(r"^(\d+(?:[.,]\d+)?)([kK])$")  # "40k"
SLASH_FRACTION_RE = re.compile(r"^(\d{1,2})/(\d{1,2})$")  # "2/3"
VULGAR_FRACTIONS = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅓": 1 / 3, "⅔": 2 / 3, "⅕": 0.2, "⅛": 0.125}
MINUS = "-−–"


def strip_accents(word: str) -> str:
    """``drieëntwintig`` → ``drieentwintig`` (diaeresis and acute accents only matter for spelling)."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def slash_fraction(text: str) -> float | None:
    """A proper fraction written with a slash or one glyph: ``2/3`` → 0.667, ``¼`` → 0.25, ``1½`` → 1.5."""
    match = SLASH_FRACTION_RE.match(text)
    if match:
        top, bottom = int(match[1]), int(match[2])
        return top / bottom if 0 < top < bottom <= 12 else None
    if text and text[-1] in VULGAR_FRACTIONS and (len(text) == 1 or text[:-1].isascii() and text[:-1].isdigit()):
        return (int(text[:-1]) if len(text) > 1 else 0) + VULGAR_FRACTIONS[text[-1]]
    return None


@lru_cache(maxsize=1 << 16)
def parse_digits(text: str) -> float | None:
    """A number written with digits, Dutch style: ``100.000``, ``1.234,56``, ``12,5``, ``-3``, ``,07``,
    ``15,-``, ``2,5e6``, ``40k``, ``2 345 678``."""
    text = text.strip()
    if not text or not any(c.isdigit() for c in text):
        return None
    sign = -1.0 if text[0] in MINUS else 1.0
    if (match := ROUND_AMOUNT_RE.match(text)) is not None:
        return float(match[1].replace(".", ""))
    if (match := POWER_RE.match(text)) is not None:
        return float(int(match[1])) ** int(match[2])
    if (match := EXPONENT_RE.match(text)) is not None:
        base = parse_digits(match[1])
        return None if base is None else base * 10.0 ** int(match[2])
    if (match := THOUSAND_SUFFIX_RE.match(text)) is not None:
        base = parse_digits(match[1])
        return None if base is None else base * 1000
    if THOUSANDS_RE.match(text) or SPACE_THOUSANDS_RE.match(text):
        body = re.sub(r"[.\u00a0\u202f ]", "", text.lstrip(MINUS + "+")).replace(",", ".")
    elif DECIMAL_COMMA_RE.match(text):
        body = text.lstrip(MINUS + "+").replace(",", ".")
    elif DECIMAL_POINT_RE.match(text):
        body = text.lstrip(MINUS + "+")
    else:
        return None
    try:
        return sign * float(body)
    except ValueError:
        return None


def _below_hundred(word: str) -> float | None:
    if word.startswith("en") and word[2:] in NUMBER_WORDS:
        word = word[2:]  # "honderdenelf", "duizendeneen"
    if word in NUMBER_WORDS:
        return float(NUMBER_WORDS[word])
    if word in TENS_WORDS:
        return float(TENS_WORDS[word])
    for tens_word, tens in TENS_WORDS.items():
        if word.endswith(tens_word):
            head = word[: -len(tens_word)]
            for joint in ("en", "ën"):
                unit = head[: -len(joint)]
                if head.endswith(joint) and unit in NUMBER_WORDS and 0 < NUMBER_WORDS[unit] < 10:
                    return float(tens + NUMBER_WORDS[unit])
    return None


def _compound(word: str) -> float | None:
    """Number words written as one word: ``drieëntwintig``, ``tweehonderdvijftig``, ``honderdduizend``."""
    if not word:
        return None
    # "duizend" splits what is left into compounds, "honderd" into numbers below a hundred
    for scale_word, part in (("duizend", _compound), ("honderd", _below_hundred)):
        if scale_word in word:
            head, _, tail = word.partition(scale_word)
            high = part(head) if head else 1.0
            low = part(tail) if tail else 0.0
            return None if high is None or low is None else high * HUNDRED_WORDS[scale_word] + low
    return _below_hundred(word)


@lru_cache(maxsize=1 << 16)
def parse_number_word(word: str) -> float | None:
    """One Dutch number word: ``drie``, ``achttien``, ``eenentwintig``, ``anderhalf``, ``tweeënhalf``."""
    word = word.strip().lower()
    if word in FRACTION_WORDS:
        return FRACTION_WORDS[word]
    plain = strip_accents(word)
    if plain in ONE_SPELLINGS:
        return 1.0
    for suffix in ("enhalf", "enhalve"):
        if plain.endswith(suffix) and plain != suffix:
            whole = _compound(plain[: -len(suffix)])
            return whole + 0.5 if whole is not None else None
    return _compound(plain)


def scale_of(word: str) -> float | None:
    """The multiplier of a scale word: ``miljoen`` → 1e6, ``mld.`` → 1e9, ``duizend`` → 1e3."""
    return SCALE_WORDS.get(word.lower())


def vague_count(word: str) -> float | None:
    """The lower bound of a vague count: ``tientallen`` → 10, ``duizenden`` → 1000."""
    return VAGUE_COUNTS.get(word.lower())


def _number_value(word: str) -> float | None:
    value = parse_digits(word)
    return parse_number_word(word) if value is None else value


def parse_number(text: str) -> float | None:
    """A whole Dutch number expression: ``3,2 miljard``, ``twee en een half miljoen``, ``tweeduizend zeventien``,
    ``drie miljard vierhonderd miljoen``, ``zesduizend en vijf``, ``drie vijfde``.

    Returns None when ``text`` is not a number expression.
    """
    words = [w for w in re.split(r"\s+", text.strip().lower()) if w]
    if not words:
        return None
    sign = 1.0
    if words[0] == "min" and len(words) > 1:
        sign, words = -1.0, words[1:]
    total = chunk = 0.0
    current: float | None = None
    i = 0
    while i < len(words):
        word = words[i]
        scale = scale_of(word)
        value = None if scale is not None else _number_value(word)
        following = words[i + 1 : i + 3]
        if scale is not None:
            previous_scale = scale_of(words[i - 1]) if i else None
            if current is None and previous_scale is not None and previous_scale < scale:
                total += chunk * (scale - 1)  # "duizend miljard": a thousand billions, not a thousand and a billion
                chunk *= scale
            else:
                chunk = (current if current is not None else 1.0) * scale
                total += chunk
            current = None
        elif word == "en" and current is not None and len(following) == 2 and following[0] in ONE_SPELLINGS \
                and FRACTION_WORDS.get(following[1], 1.0) < 1:
            current += FRACTION_WORDS[following[1]]  # "twee en een half", "drie en een kwart"
            i += 2
        elif word == "en" and (current or total) and following and (low := _number_value(following[0])) is not None \
                and low < max(current or 0.0, total) and max(current or 0.0, total) >= 100:
            current = (current or 0.0) + low  # "zesduizend en vijf", "drie miljoen en twintig"
            i += 1
        elif value is not None and word in ONE_SPELLINGS and i + 1 < len(words) and words[i + 1] in FRACTION_WORDS:
            current = (current or 0.0) + FRACTION_WORDS[words[i + 1]]
            i += 1
        elif value is not None and current is not None and word in DENOMINATORS and current < DENOMINATORS[word]:
            current /= DENOMINATORS[word]  # "drie vijfde", "een zesde": a fraction
        elif value is None and current is not None and word in DENOMINATORS and current < DENOMINATORS[word]:
            current /= DENOMINATORS[word]
        elif value is not None:
            if current is not None and current >= 1000 and value < 1000:
                current += value  # "tweeduizend zeventien"
            elif current is not None:
                return None
            else:
                current = value
        else:
            return None
        i += 1
    if current is not None:
        total += current
    elif total == 0.0 and not any(parse_digits(w) == 0 or w == "nul" for w in words):
        return None
    return sign * total


# month names and their short forms with a full stop ("jan."): what a year follows
MONTHS = frozenset([*MONTH_NUMBERS, *(f"{name}." for name in MONTH_NUMBERS if len(name) <= 4 and name not in ("mei", "juni", "juli"))])


def looks_like_year(doc: Doc, i: int, end: int, value: float | None) -> bool:
    """A bare four-digit number between 1000 and 2100 used as a year."""
    token = doc[i]
    if value is None or not token.is_digit or len(token.text) != 4 or not 1000 <= value <= 2100 or end != i + 1:
        return False
    previous = doc[i - 1].lower_ if i else ""
    following = doc[end] if end < len(doc) else None
    approximate = i >= 2 and previous in YEAR_APPROX_WORDS
    if approximate:
        previous = doc[i - 2].lower_  # "sinds grofweg 2000 een beweging": the year's preposition
    if approximate and following is not None and following.is_lower and \
            (following.pos_ not in ("DET", "AUX", "ADP", "ADV", "PRON") or "Part" in feature(following, "VerbForm")):
        return False  # "in ongeveer 2000 gevallen": a count, whatever the tag of its noun
    if following is not None and following.is_lower and following.pos_ == "NOUN" and \
            previous not in YEAR_ONLY_CONTEXT and previous not in MONTHS:  # "op 27 december 2013 doelwit"
        return False  # "voor 1700 gezinnen": what is counted follows ("in 1995 opgehangen" stays a year)
    if following is not None and not following.is_lower and unit_for(following.text) is not None:
        return False  # "1200 MW"
    return previous in YEAR_CONTEXT or previous.endswith("jaar") or previous in MONTHS or following is None or following.is_punct or \
        not following.is_lower
