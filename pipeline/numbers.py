"""Dutch numbers: digit formats and number words, as pure functions (text in, float out)."""

from __future__ import annotations

import re
import unicodedata

UNITS = {
    "nul": 0, "een": 1, "één": 1, "eén": 1, "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6,
    "zeven": 7, "acht": 8, "negen": 9, "tien": 10, "elf": 11, "twaalf": 12, "dertien": 13,
    "veertien": 14, "vijftien": 15, "zestien": 16, "zeventien": 17, "achttien": 18, "negentien": 19,
}
TENS = {
    "twintig": 20, "dertig": 30, "veertig": 40, "vijftig": 50, "zestig": 60, "zeventig": 70,
    "tachtig": 80, "negentig": 90,
}
FRACTIONS = {"half": 0.5, "halve": 0.5, "kwart": 0.25, "anderhalf": 1.5, "anderhalve": 1.5}
SCALES = {
    "duizend": 1e3, "miljoen": 1e6, "miljoenen": 1e6, "mln": 1e6, "mln.": 1e6, "mio": 1e6, "mio.": 1e6,
    "miljard": 1e9, "mld": 1e9, "mld.": 1e9, "mrd": 1e9, "mrd.": 1e9, "biljoen": 1e12, "bln": 1e12,
    "bln.": 1e12,
}
VAGUE = {
    "tientallen": 10, "honderden": 100, "duizenden": 1e3, "tienduizenden": 1e4,
    "honderdduizenden": 1e5, "miljoenen": 1e6, "miljarden": 1e9,
}
ORDINAL_WORDS = frozenset(
    "eerste tweede derde vierde vijfde zesde zevende achtste negende tiende elfde twaalfde".split()
)

THOUSANDS_RE = re.compile(r"^[-−–+]?\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
DECIMAL_COMMA_RE = re.compile(r"^[-−–+]?\d+(?:,\d+)?$")
DECIMAL_POINT_RE = re.compile(r"^[-−–+]?\d+\.\d{1,2}$|^[-−–+]?\d+\.\d{4,}$")
SPACE_THOUSANDS_RE = re.compile(r"^\d{1,3}(?:[\u00a0\u202f ]\d{3})+(?:,\d+)?$")
MINUS = "-−–"


def strip_accents(word: str) -> str:
    """``drieëntwintig`` → ``drieentwintig`` (diaeresis and acute accents only matter for spelling)."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def parse_digits(text: str) -> float | None:
    """A number written with digits, Dutch style: ``100.000``, ``1.234,56``, ``12,5``, ``-3``."""
    text = text.strip()
    if not text or not any(c.isdigit() for c in text):
        return None
    sign = -1.0 if text[0] in MINUS else 1.0
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
    if word in UNITS:
        return float(UNITS[word])
    if word in TENS:
        return float(TENS[word])
    for tens_word, tens in TENS.items():
        if word.endswith(tens_word):
            head = word[: -len(tens_word)]
            for joint in ("en", "ën"):
                if head.endswith(joint) and head[: -len(joint)] in UNITS and 0 < UNITS[head[: -len(joint)]] < 10:
                    return float(tens + UNITS[head[: -len(joint)]])
    return None


def _compound(word: str) -> float | None:
    """Number words written as one word: ``drieëntwintig``, ``tweehonderdvijftig``, ``honderdduizend``."""
    if not word:
        return None
    # "duizend" splits what is left into compounds, "honderd" into numbers below a hundred
    for scale_word, factor, part in (("duizend", 1000, _compound), ("honderd", 100, _below_hundred)):
        if scale_word in word:
            head, _, tail = word.partition(scale_word)
            high = part(head) if head else 1.0
            low = part(tail) if tail else 0.0
            return None if high is None or low is None else high * factor + low
    return _below_hundred(word)


def parse_number_word(word: str) -> float | None:
    """One Dutch number word: ``drie``, ``achttien``, ``eenentwintig``, ``anderhalf``, ``tweeënhalf``."""
    word = word.strip().lower()
    if word in FRACTIONS:
        return FRACTIONS[word]
    plain = strip_accents(word)
    if plain in ("een", "eén"):
        return 1.0
    for suffix in ("enhalf", "enhalve"):
        if plain.endswith(suffix) and plain != suffix:
            whole = _compound(plain[: -len(suffix)])
            return whole + 0.5 if whole is not None else None
    return _compound(plain)


def scale_of(word: str) -> float | None:
    """The multiplier of a scale word: ``miljoen`` → 1e6, ``mld.`` → 1e9, ``duizend`` → 1e3."""
    return SCALES.get(word.lower())


def vague_count(word: str) -> float | None:
    """The lower bound of a vague count: ``tientallen`` → 10, ``duizenden`` → 1000."""
    return VAGUE.get(word.lower())


def parse_number(text: str) -> float | None:
    """A whole Dutch number expression: ``3,2 miljard``, ``twee en een half miljoen``, ``tweeduizend zeventien``.

    Returns None when ``text`` is not a number expression.
    """
    words = [w for w in re.split(r"\s+", text.strip().lower()) if w]
    if not words:
        return None
    sign = 1.0
    if words[0] == "min" and len(words) > 1:
        sign, words = -1.0, words[1:]
    total = 0.0
    current: float | None = None
    i = 0
    while i < len(words):
        word = words[i]
        scale = scale_of(word)
        value = parse_digits(word)
        if value is None and scale is None:
            value = parse_number_word(word)
        if scale is not None:
            total += (current if current is not None else 1.0) * scale
            current = None
        elif word == "en" and current is not None and words[i + 1 : i + 3] in (["een", "half"], ["een", "halve"]):
            current += 0.5
            i += 2
        elif word == "en" and current is not None and words[i + 1 : i + 3] == ["een", "kwart"]:
            current += 0.25
            i += 2
        elif value is not None and word in ("een", "één") and i + 1 < len(words) and words[i + 1] in FRACTIONS:
            current = (current or 0.0) + FRACTIONS[words[i + 1]]
            i += 1
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
