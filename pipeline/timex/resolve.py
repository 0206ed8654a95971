"""Resolution against the document date: which year, day or week a year-less or relative expression means."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta
from hijridate import Gregorian, Hijri

from ..lexicon import EASTER_HOLIDAYS, FIXED_HOLIDAYS, MONTHS, UNIT_DELTAS
from ..numbers import parse_number
from .values import DateValue, RefDate

OTHER_DIRECTION_WEIGHT, OTHER_DIRECTION_DAYS = 3, 30  # how much farther a date against the tense counts


def month_of(word: str) -> int:
    """Month number of a Dutch month name or abbreviation."""
    return MONTHS[word.lower().rstrip(".")]


def small_number(text: str) -> float | None:
    """A small count in words or digits ("drie", "een paar" ≈ 2, "enkele" ≈ 3)."""
    text = text.lower().strip()
    if text in ("een paar", "enkele", "een aantal"):
        return None
    if text in ("een half", "een halve"):
        return 0.5
    text = re.sub(r"^(ruim|bijna) ", "", text)
    return parse_number(text.replace("anderhalve", "anderhalf"))


def resolve_month(month: int, ref: RefDate | None, direction: str) -> tuple[int | None, bool]:
    """The year of a year-less month (see :func:`nearest_year`)."""
    if ref is None:
        return None, False
    if ref.month is None:
        return ref.year, True
    return nearest_year(lambda year: date(year, month, 15), ref, direction), True


def resolve_day_month(day: int, month: int, ref: RefDate | None, direction: str) -> tuple[int | None, bool]:
    """The year of a year-less day and month (see :func:`nearest_year`)."""
    if ref is None:
        return None, False
    if ref.month is None:
        return ref.year, True
    return nearest_year(lambda year: date(year, month, min(day, 28 if month == 2 else day)), ref, direction), True


def nearest_year(day_in: Callable[[int], date], ref: RefDate, direction: str) -> int:
    """The year that puts a year-less date nearest the document date, a date in the tense's direction
    counting as three times closer: news speaks of the near past and the near future, so "half juni"
    in April is this June even in a past-tense sentence, and "13 maart" said on 25 March is this March
    even in the present tense. The direction ``near`` (a date that names an event: "de crash op 29
    oktober") takes the nearest year, whichever side it is on."""
    anchor = date(ref.year, ref.month or 6, ref.day or 15)

    def cost(year: int) -> float:
        days = (day_in(year) - anchor).days
        with_tense = direction == "near" or (days >= 0 if direction == "future" else days <= 0)
        return abs(days) if with_tense else OTHER_DIRECTION_WEIGHT * abs(days) + OTHER_DIRECTION_DAYS

    return min((ref.year - 1, ref.year, ref.year + 1), key=cost)


def iso_day(year: int | None, month: int, day: int) -> str:
    """``YYYY-MM-DD``, or ``XXXX-MM-DD`` when the year is unknown; raises on impossible days."""
    date(year or 2000, month, day)
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"XXXX-{month:02d}-{day:02d}"


def shift_day(ref: RefDate | None, days: int, part: str = "") -> DateValue:
    """A day relative to the document date ("gisteren", "overmorgen"), as precise as the reference."""
    direction = "PAST_REF" if days < 0 else "FUTURE_REF" if days > 0 else "PRESENT_REF"
    if ref is None:
        return DateValue(direction, granularity="day")
    if ref.as_date is None:
        return coarse(ref)
    day = ref.as_date + timedelta(days=days)
    return DateValue(day.isoformat() + (f"T{part}" if part else ""), granularity="time" if part else "day", anchored=True)


def coarse(ref: RefDate) -> DateValue:
    """The reference itself, when a day-level expression cannot be resolved further."""
    if ref.month is None:
        return DateValue(f"{ref.year:04d}", granularity="year", anchored=True)
    return DateValue(f"{ref.year:04d}-{ref.month:02d}", granularity="month", anchored=True)


def weekday_date(weekday: int, ref: RefDate | None, direction: str, part: str = "", weeks: int = 0) -> DateValue:
    """The weekday nearest the document date in ``direction`` ("zondagochtend", "komende dinsdag")."""
    if ref is None:
        return DateValue("PAST_REF" if direction == "past" else "FUTURE_REF", granularity="day")
    if ref.as_date is None:
        return coarse(ref)
    base = ref.as_date + timedelta(weeks=weeks)
    if weeks:
        day = base + timedelta(days=weekday - base.weekday())
    elif direction == "future":
        day = base + timedelta(days=(weekday - base.weekday()) % 7)
    else:
        day = base - timedelta(days=(base.weekday() - weekday) % 7)
    return DateValue(day.isoformat() + (f"T{part}" if part else ""), granularity="time" if part else "day", anchored=True)


def relative_unit(word: str, unit: str, ref: RefDate | None, mod: str = "") -> DateValue:
    """"vorige maand", "volgend jaar", "deze week" relative to the document date."""
    offset = -1 if word in ("vorige", "vorig", "afgelopen", "verleden") else 1 if word in (
        "komende", "komend", "volgende", "volgend", "aanstaande") else 0
    if ref is None:
        value = "PAST_REF" if offset < 0 else "FUTURE_REF" if offset > 0 else "PRESENT_REF"
        return DateValue(value, mod=mod, granularity=UNIT_DELTAS[unit][1])
    if unit in ("jaar", "jaren"):
        return DateValue(f"{ref.year + offset:04d}", mod=mod, granularity="year", anchored=True)
    if unit in ("maand", "maanden"):
        if ref.month is None:
            return DateValue(f"{ref.year:04d}", mod=mod, granularity="year", anchored=True)
        month = date(ref.year, ref.month, 1) + relativedelta(months=offset)
        return DateValue(f"{month.year:04d}-{month.month:02d}", mod=mod, granularity="month", anchored=True)
    if ref.as_date is None:
        value = coarse(ref)
        return DateValue(value.value, mod=mod, granularity=value.granularity, anchored=True)
    week = (ref.as_date + timedelta(weeks=offset)).isocalendar()
    return DateValue(f"{week[0]:04d}-W{week[1]:02d}", mod=mod, granularity="week", anchored=True)


def ramadan(year: int) -> tuple[date, date]:
    """First and last day of the ramadan that begins in Gregorian ``year`` (tabular Umm al-Qura calendar)."""
    hijri_year = Gregorian(year, 7, 1).to_hijri().year
    for candidate in (hijri_year - 1, hijri_year, hijri_year + 1):
        start = Hijri(candidate, 9, 1).to_gregorian()
        if start.year == year:
            end = Hijri(candidate, 10, 1).to_gregorian() - timedelta(days=1)
            return date(start.year, start.month, start.day), date(end.year, end.month, end.day)
    raise ValueError(f"no ramadan starts in {year}")


def holiday_date(name: str, year: int) -> date:
    """The date of a Dutch holiday in ``year``."""
    name = name.lower()
    if name in FIXED_HOLIDAYS:
        month, day = FIXED_HOLIDAYS[name]
        return date(year, month, day)
    if name in EASTER_HOLIDAYS:
        return easter(year) + timedelta(days=EASTER_HOLIDAYS[name])
    if name == "koningsdag":
        day = date(year, 4, 27)
        return day - timedelta(days=1) if day.weekday() == 6 else day
    if name == "prinsjesdag":
        first = date(year, 9, 1)
        return first + timedelta(days=(1 - first.weekday()) % 7 + 14)
    raise KeyError(name)
