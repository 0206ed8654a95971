"""Dutch date expressions → TIMEX3-style values, resolved against the document date (pure functions).

``normalize_date(text, ref, direction)`` reads one expression ("eind vorig jaar", "26 mei",
"zondagochtend", "het derde kwartaal van 2023") and returns its value, mod, granularity and whether
the document date was needed. ``direction`` says whether the sentence speaks of the past (the default)
or the future (``near``: neither, the nearest); it decides which "26 mei" or "dinsdag" is meant.

The package is split by concern: ``values`` (DateValue, RefDate), ``resolve`` (which year, day or week
an expression means, given the document date), ``patterns`` (the expressions and their handlers); the
Dutch words themselves live in ``pipeline.lexicon``.
"""

from __future__ import annotations

import bisect
import re
from typing import Iterator

from .patterns import BOUNDED, FULL, MONTH_FULL, STORY_TIME, Handler
from .starts import StartIndex
from .values import DateValue, RefDate

__all__ = [
    "MONTH_FULL", "DateValue", "RefDate", "choose_longest", "find_date_expressions", "is_story_time", "normalize_date",
]


PROBE_REF = RefDate(2000, 6, 15)  # any day will do to see whether a match can be read
STARTS = StartIndex([pattern.pattern for pattern, _ in BOUNDED])


def normalize_date(text: str, ref: "str | RefDate | None" = None, direction: str = "past") -> DateValue | None:
    """The normalized value of one whole date expression, or None when ``text`` is not one."""
    ref_date = RefDate.parse(ref)
    text = " ".join(text.split())
    for pattern, handler in FULL:
        match = pattern.fullmatch(text)
        if match:
            try:
                value = handler(match, ref_date, direction)
            except (ValueError, KeyError, OverflowError):
                continue  # another pattern may read it ("achtentwintig juni" is no "<word> juni" of a mod)
            if value is not None:
                return value
    return None


def is_story_time(text: str) -> bool:
    """Whether ``text`` names the time the story is at again ("tot die tijd", "sindsdien")."""
    return bool(STORY_TIME.fullmatch(" ".join(text.split())))


def find_date_expressions(text: str) -> list[tuple[int, int]]:
    """Character spans of the date expressions in ``text``: longest first, never overlapping."""
    candidates = []
    for (pattern, handler), starts in zip(BOUNDED, STARTS.positions(text)):
        for match in pattern.finditer(text) if starts is None else matches_at(pattern, text, starts):
            if match.end() > match.start() and reads(handler, match):
                candidates.append((match.start(), match.end()))
    return choose_longest(candidates)


def matches_at(pattern: re.Pattern, text: str, starts: list[int]) -> Iterator[re.Match]:
    """What ``pattern.finditer(text)`` yields when every match starts at one of ``starts`` (sorted)."""
    end = 0
    for start in starts:
        if start >= end and (match := pattern.match(text, start)):
            end = match.end()
            yield match


def reads(handler: Handler, match: re.Match) -> bool:
    """Whether ``handler`` makes a value of ``match``: "menigeen jaren geleden" is no count of years, so the
    shorter "jaren geleden" must stay a candidate."""
    try:
        return handler(match, PROBE_REF, "past") is not None
    except (ValueError, KeyError, OverflowError):
        return False


def choose_longest(candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest spans first (the earlier of two equally long), none overlapping one chosen before; sorted."""
    chosen: list[tuple[int, int]] = []  # sorted and never overlapping: only the two neighbours can clash
    for start, end in sorted(candidates, key=lambda span: (-(span[1] - span[0]), span[0])):
        k = bisect.bisect_left(chosen, (start, end))
        if (k == 0 or chosen[k - 1][1] <= start) and (k == len(chosen) or chosen[k][0] >= end):
            chosen.insert(k, (start, end))
    return chosen
