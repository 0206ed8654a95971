"""Dutch date expressions → TIMEX3-style values, resolved against the document date (pure functions).

``normalize_date(text, ref, direction)`` reads one expression ("eind vorig jaar", "26 mei",
"zondagochtend", "het derde kwartaal van 2023") and returns its value, mod, granularity and whether
the document date was needed. ``direction`` says whether the sentence speaks of the past (the default)
or the future; it decides which "26 mei" or "dinsdag" is meant.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from dateutil.easter import easter
from dateutil.relativedelta import relativedelta
from hijridate import Hijri, Gregorian

from .numbers import parse_number


@dataclass(frozen=True)
class DateValue:
    """The normalized value of a date expression (columns of ``dates.csv`` after the span columns)."""

    value: str
    value_end: str = ""
    mod: str = ""
    granularity: str = ""
    anchored: bool = False


@dataclass(frozen=True)
class RefDate:
    """The document date, as precise as its header: year, year-month or a full day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, value: "str | RefDate | None") -> "RefDate | None":
        """``"2017"``, ``"2017-06"`` or ``"2017-06-14"`` (or None) as a RefDate."""
        if value is None or isinstance(value, RefDate):
            return value
        match = re.fullmatch(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?", str(value).strip())
        if not match:
            return None
        year, month, day = int(match[1]), match[2], match[3]
        try:
            date(year, int(month or 1), int(day or 1))
        except ValueError:
            return None
        return cls(year, int(month) if month else None, int(day) if day else None)

    @property
    def as_date(self) -> date | None:
        """The day, when the reference is day-precise."""
        return date(self.year, self.month, self.day) if self.month and self.day else None


MONTHS = {
    "januari": 1, "februari": 2, "maart": 3, "april": 4, "mei": 5, "juni": 6, "juli": 7, "augustus": 8,
    "september": 9, "oktober": 10, "november": 11, "december": 12, "jan": 1, "feb": 2, "mrt": 3, "apr": 4,
    "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9, "okt": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {"maandag": 0, "dinsdag": 1, "woensdag": 2, "donderdag": 3, "vrijdag": 4, "zaterdag": 5, "zondag": 6}
DAYPARTS = {"ochtend": "MO", "morgen": "MO", "middag": "AF", "avond": "EV", "nacht": "NI"}
ORDINALS = {"eerste": 1, "tweede": 2, "derde": 3, "vierde": 4, "1e": 1, "2e": 2, "3e": 3, "4e": 4, "1ste": 1, "2de": 2, "3de": 3, "4de": 4}
DECADES = {"twintig": 2, "dertig": 3, "veertig": 4, "vijftig": 5, "zestig": 6, "zeventig": 7, "tachtig": 8, "negentig": 9}
CENTURY_WORDS = {
    "elfde": 11, "twaalfde": 12, "dertiende": 13, "veertiende": 14, "vijftiende": 15, "zestiende": 16,
    "zeventiende": 17, "achttiende": 18, "negentiende": 19, "twintigste": 20, "eenentwintigste": 21,
}
MODS = {
    "begin": "START", "begin van": "START", "het begin van": "START", "aan het begin van": "START", "vroeg in": "START",
    "eind": "END", "einde": "END", "eind van": "END", "einde van": "END", "het eind van": "END", "het einde van": "END",
    "aan het eind van": "END", "aan het einde van": "END", "laat in": "END", "eind van het": "END",
    "half": "MID", "medio": "MID", "midden": "MID", "halverwege": "MID", "midden van": "MID",
    "rond": "APPROX", "omstreeks": "APPROX", "rondom": "APPROX",
    "voor": "BEFORE", "vóór": "BEFORE", "na": "AFTER",
}
# a preposition before a date bounds it; it decides the mod even before a part word ("tot eind mei")
PREPOSITION_MODS = {
    "sinds": "ON_OR_AFTER", "sedert": "ON_OR_AFTER", "vanaf": "ON_OR_AFTER", "met ingang van": "ON_OR_AFTER",
    "per": "ON_OR_AFTER", "op zijn vroegst": "ON_OR_AFTER", "op zijn vroegst op": "ON_OR_AFTER",
    "tot en met": "ON_OR_BEFORE", "t/m": "ON_OR_BEFORE", "tot": "ON_OR_BEFORE", "uiterlijk": "ON_OR_BEFORE",
    "tegen": "ON_OR_BEFORE", "niet later dan": "ON_OR_BEFORE", "op zijn laatst": "ON_OR_BEFORE",
    "voor": "BEFORE", "vóór": "BEFORE", "na": "AFTER",
}
UNIT_DELTAS = {
    "dag": ("days", "day"), "dagen": ("days", "day"), "week": ("weeks", "week"), "weken": ("weeks", "week"),
    "maand": ("months", "month"), "maanden": ("months", "month"), "jaar": ("years", "year"), "jaren": ("years", "year"),
}
OTHER_DIRECTION_WEIGHT, OTHER_DIRECTION_DAYS = 3, 30  # how much farther a date against the tense counts
DURATION_CODES = {"days": "D", "weeks": "W", "months": "M", "years": "Y", "hours": "H"}
REFS = {
    "onlangs": "PAST_REF", "recentelijk": "PAST_REF", "kort geleden": "PAST_REF",
    "vroeger": "PAST_REF", "destijds": "PAST_REF", "eertijds": "PAST_REF", "lang geleden": "PAST_REF",
    "momenteel": "PRESENT_REF", "op dit moment": "PRESENT_REF", "tegenwoordig": "PRESENT_REF", "thans": "PRESENT_REF",
    "vandaag de dag": "PRESENT_REF", "op het moment": "PRESENT_REF",
    "binnenkort": "FUTURE_REF", "straks": "FUTURE_REF", "in de toekomst": "FUTURE_REF", "spoedig": "FUTURE_REF",
    "op termijn": "FUTURE_REF", "in de nabije toekomst": "FUTURE_REF", "op korte termijn": "FUTURE_REF",
    "op lange termijn": "FUTURE_REF", "op middellange termijn": "FUTURE_REF",
    "voorheen": "PAST_REF", "toendertijd": "PAST_REF", "in het verleden": "PAST_REF", "jaren geleden": "PAST_REF",
    "de afgelopen periode": "PAST_REF", "de afgelopen tijd": "PAST_REF", "de laatste tijd": "PAST_REF",
    "in deze tijd": "PRESENT_REF", "in onze tijd": "PRESENT_REF",
    "de komende jaren": "FUTURE_REF", "de komende maanden": "FUTURE_REF", "de komende weken": "FUTURE_REF",
    "de komende dagen": "FUTURE_REF", "de komende tijd": "FUTURE_REF", "de komende periode": "FUTURE_REF",
    "de korte termijn": "FUTURE_REF", "de lange termijn": "FUTURE_REF", "afgelopen tijd": "PAST_REF",
    "de vorige periode": "PAST_REF", "eerdere periodes": "PAST_REF",
}
# references with a bound: (value, mod)
BOUNDED_REFS = {
    "voortaan": ("PRESENT_REF", "ON_OR_AFTER"), "vanaf nu": ("PRESENT_REF", "ON_OR_AFTER"),
    "tot nu toe": ("PRESENT_REF", "ON_OR_BEFORE"), "tot nog toe": ("PRESENT_REF", "ON_OR_BEFORE"),
    "tot dusver": ("PRESENT_REF", "ON_OR_BEFORE"), "tot op heden": ("PRESENT_REF", "ON_OR_BEFORE"),
    "tot heden": ("PRESENT_REF", "ON_OR_BEFORE"), "sinds kort": ("PAST_REF", "ON_OR_AFTER"),
}
DURATION_UNITS = {
    "seconde": "S", "seconden": "S", "minuut": "MIN", "minuten": "MIN", "kwartier": "Q", "uur": "H", "uren": "H",
    "dag": "D", "dagen": "D", "etmaal": "D", "etmalen": "D", "week": "W", "weken": "W", "maand": "M", "maanden": "M",
    "jaar": "Y", "jaren": "Y", "jaartje": "Y", "decennium": "DE", "decennia": "DE", "eeuw": "CE", "eeuwen": "CE",
    "kwarteeuw": "QC", "halfjaar": "HY",
}
VAGUE_DURATIONS = {
    "jarenlang": "Y", "maandenlang": "M", "wekenlang": "W", "dagenlang": "D", "urenlang": "H",
    "decennialang": "DE", "eeuwenlang": "CE", "decennia": "DE", "eeuwen": "CE",
}
DURATION_MODS = {
    "ruim": "MORE_THAN", "meer dan": "MORE_THAN", "langer dan": "MORE_THAN", "bijna": "LESS_THAN", "krap": "LESS_THAN",
    "minder dan": "LESS_THAN", "nog geen": "LESS_THAN", "korter dan": "LESS_THAN", "minstens": "EQUAL_OR_MORE",
    "minimaal": "EQUAL_OR_MORE", "ten minste": "EQUAL_OR_MORE", "zeker": "EQUAL_OR_MORE",
    "hooguit": "EQUAL_OR_LESS", "maximaal": "EQUAL_OR_LESS", "ten hoogste": "EQUAL_OR_LESS", "binnen": "EQUAL_OR_LESS",
    "ongeveer": "APPROX", "circa": "APPROX", "zo'n": "APPROX", "zo’n": "APPROX", "pakweg": "APPROX", "rond de": "APPROX",
}
SET_UNITS = {"seconde": "PT1S", "minuut": "PT1M", "uur": "PT1H", "dag": "P1D", "nacht": "P1D", "week": "P1W",
             "maand": "P1M", "kwartaal": "P3M", "jaar": "P1Y", "seizoen": "P1Y"}
SEASONS = {"lente": ("SP", 4), "voorjaar": ("SP", 4), "zomer": ("SU", 7), "herfst": ("FA", 10), "najaar": ("FA", 10),
           "winter": ("WI", 13)}  # the month in the middle; a winter is named after the year it starts in
DEICTIC_DAYS = {
    "eergisteren": (-2, ""), "gisteren": (-1, ""), "vandaag": (0, ""), "morgen": (1, ""), "overmorgen": (2, ""),
    "vannacht": (0, "NI"), "vanochtend": (0, "MO"), "vanmorgen": (0, "MO"), "vanmiddag": (0, "AF"),
    "vanavond": (0, "EV"), "gisteravond": (-1, "EV"), "gisterochtend": (-1, "MO"), "gistermorgen": (-1, "MO"),
    "gistermiddag": (-1, "AF"), "gisternacht": (-1, "NI"), "morgenochtend": (1, "MO"), "morgenmiddag": (1, "AF"),
    "morgenavond": (1, "EV"), "morgenvroeg": (1, "MO"),
}
FIXED_HOLIDAYS = {
    "kerstmis": (12, 25), "kerst": (12, 25), "eerste kerstdag": (12, 25), "tweede kerstdag": (12, 26),
    "kerstavond": (12, 24), "oudejaarsavond": (12, 31), "oudjaarsavond": (12, 31), "oudejaarsdag": (12, 31),
    "nieuwjaarsdag": (1, 1), "nieuwjaar": (1, 1), "bevrijdingsdag": (5, 5), "dodenherdenking": (5, 4),
    "valentijnsdag": (2, 14), "pakjesavond": (12, 5), "sinterklaas": (12, 5), "sinterklaasavond": (12, 5),
    "koninginnedag": (4, 30), "halloween": (10, 31), "jaarwisseling": (12, 31), "oudjaar": (12, 31),
    "sinterklaasfeest": (12, 5),
}
EASTER_HOLIDAYS = {
    "pasen": 0, "eerste paasdag": 0, "paaszondag": 0, "tweede paasdag": 1, "paasmaandag": 1, "goede vrijdag": -2,
    "hemelvaart": 39, "hemelvaartsdag": 39, "pinksteren": 49, "eerste pinksterdag": 49, "tweede pinksterdag": 50,
}

MONTH_FULL = r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
MONTH_ANY = MONTH_FULL + r"|jan\.?|feb\.?|mrt\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|okt\.?|nov\.?|dec\.?"
WEEKDAY = r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
DAYPART = r"ochtend|morgen|middag|avond|nacht"
YEAR = r"1[0-9]\d\d|20\d\d"
DAY = r"[0-3]?\d"
SMALL_NUMBER = (
    r"\d+|een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|dertien|veertien|vijftien|"
    r"zestien|zeventien|achttien|negentien|twintig|dertig|veertig|vijftig|zestig|anderhalf|anderhalve|"
    r"enkele|een paar|een aantal|ruim een|bijna een|een half|een halve"
)
PART_MOD = (
    r"aan het begin van|aan het eind van|aan het einde van|het begin van|het eind van|het einde van|"
    r"begin van|eind van|einde van|midden van|vroeg in|laat in|begin|eind|einde|half|medio|midden|"
    r"halverwege|rond|omstreeks"
)
PREPOSITION = (
    r"op zijn vroegst op|op zijn vroegst|op zijn laatst|met ingang van|niet later dan|tot en met|t/m|"
    r"sinds|sedert|vanaf|per|tot|uiterlijk|tegen|vóór|voor|na"
)
MOD = rf"(?:{PREPOSITION})(?: (?:{PART_MOD}))?|{PART_MOD}"
UNIT = r"dag|dagen|week|weken|maand|maanden|jaar|jaren"
# a count before a unit of time: digits ("2,5") or number words ("tweeënhalf", "twintig", "een")
COUNT = (
    r"\d+(?:,\d+)?|(?:een|één|eén) half|een halve|anderhalf|anderhalve|(?:twee|drie|vier|vijf)ënhalf|"
    r"[a-zë]*(?:een|één|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|tien|tig|honderd)"
)
RELATIVE = r"vorige|vorig|afgelopen|verleden|komende|komend|volgende|volgend|deze|dit|aanstaande"
HOLIDAY = "|".join(sorted([*FIXED_HOLIDAYS, *EASTER_HOLIDAYS, "koningsdag", "oud en nieuw", "prinsjesdag"], key=len, reverse=True))
TILL = r"tot en met|t/m|tot|-|–"


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
    even in the present tense."""
    anchor = date(ref.year, ref.month or 6, ref.day or 15)

    def cost(year: int) -> float:
        days = (day_in(year) - anchor).days
        with_tense = days >= 0 if direction == "future" else days <= 0
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


# ---- handlers: (match, ref, direction) → DateValue | None -------------------------------------------


def _mod(match: re.Match) -> str:
    value = match.groupdict().get("mod")
    if not value:
        return ""
    value = " ".join(value.lower().split())
    preposition = next((p for p in sorted(PREPOSITION_MODS, key=len, reverse=True)
                        if value == p or value.startswith(p + " ")), None)
    return PREPOSITION_MODS[preposition] if preposition else MODS.get(value, "")


def h_numeric(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    year = int(m["y"])
    year = year + (2000 if year < 50 else 1900) if year < 100 else year
    return DateValue(iso_day(year, int(m["m"]), int(m["d"])), granularity="day")


def h_iso(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    return DateValue(iso_day(int(m["y"]), int(m["m"]), int(m["d"])), granularity="day")


def h_day_month(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    month, day = month_of(m["month"]), int(m["day"])
    anchored = False
    weekday = WEEKDAYS.get((m.groupdict().get("wd") or "").lower())
    if m["year"]:
        year = int(m["year"])
    elif relative_year(m, ref) is not None:
        year, anchored = relative_year(m, ref), True
    elif weekday is not None and ref is not None:
        # "zondag 22 september": the year in which that day is a Sunday, nearest the document date
        year, anchored = resolve_day_month(day, month, ref, direction)
        matching = [y for y in (year, year - 1, year + 1) if date(y, month, day).weekday() == weekday]
        year = matching[0] if matching else year
    else:
        year, anchored = resolve_day_month(day, month, ref, direction)
    return DateValue(iso_day(year, month, day), mod=_mod(m), granularity="day", anchored=anchored)


def h_day_range(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    month_end = month_of(m["month"])
    month_start = month_of(m["month1"]) if m.groupdict().get("month1") else month_end
    if m["year"]:
        year, anchored = int(m["year"]), False
    else:
        year, anchored = resolve_day_month(int(m["day1"]), month_start, ref, direction)
    start = iso_day(year, month_start, int(m["day1"]))
    end_year = year + 1 if year and month_start > month_end else year
    return DateValue(start, iso_day(end_year, month_end, int(m["day2"])), granularity="day", anchored=anchored)


def h_weekday_range(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    first = weekday_date(WEEKDAYS[m["wd1"].lower()], ref, direction)
    if ref is None or ref.as_date is None:
        return first
    start = date.fromisoformat(first.value)
    end = start + timedelta(days=(WEEKDAYS[m["wd2"].lower()] - start.weekday()) % 7)
    return DateValue(first.value, end.isoformat(), granularity="day", anchored=True)


def relative_year(m: re.Match, ref: RefDate | None) -> int | None:
    """The year named by "vorig jaar", "dit jaar" or "volgend jaar" next to a month, if any."""
    word = (m.groupdict().get("yrel") or m.groupdict().get("yrel2") or "").lower()
    if not word or ref is None:
        return None
    return ref.year + {"vorig": -1, "afgelopen": -1, "verleden": -1, "dit": 0, "volgend": 1, "komend": 1}[word]


def h_month_year(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    month = month_of(m["month"])
    if m["year"]:
        return DateValue(f"{int(m['year']):04d}-{month:02d}", mod=_mod(m), granularity="month")
    year = relative_year(m, ref)
    if year is not None:
        return DateValue(f"{year:04d}-{month:02d}", mod=_mod(m), granularity="month", anchored=True)
    year, anchored = resolve_month(month, ref, direction)
    value = f"{year:04d}-{month:02d}" if year else f"XXXX-{month:02d}"
    return DateValue(value, mod=_mod(m), granularity="month", anchored=anchored)


def h_year(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    return DateValue(f"{int(m['year']):04d}", mod=_mod(m), granularity="year")


def _year_or_ref(m: re.Match, ref: RefDate | None) -> tuple[int | None, bool]:
    if m["year"]:
        return int(m["year"]), False
    return (ref.year, True) if ref else (None, False)


def h_quarter(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    year, anchored = (int(m["year2"]), False) if m["year2"] else _year_or_ref(m, ref)
    quarter = ORDINALS.get((m["ord"] or "").lower()) or int(m["q"])
    return DateValue(f"{year:04d}-Q{quarter}" if year else f"XXXX-Q{quarter}", mod=_mod(m), granularity="quarter", anchored=anchored)


def h_half(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    year, anchored = _year_or_ref(m, ref)
    half = ORDINALS[m["ord"].lower()]
    return DateValue(f"{year:04d}-H{half}" if year else f"XXXX-H{half}", granularity="half", anchored=anchored)


def h_decade(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    word = m["dec"].lower().lstrip("'’")
    if word in DECADES:
        century = 19 if not m["cent"] else int(m["cent"]) // 100
        return DateValue(f"{century}{DECADES[word]}X", mod=_mod(m), granularity="decade")
    digits = int(word)
    if digits >= 1000:
        return DateValue(f"{digits // 10:03d}X", mod=_mod(m), granularity="decade")
    return DateValue(f"{19 if digits >= 20 else 20}{digits // 10}X", mod=_mod(m), granularity="decade")


def h_century(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    number = CENTURY_WORDS.get((m["cw"] or "").lower()) or int(m["cn"])
    return DateValue(f"{number - 1:02d}", mod=_mod(m), granularity="century")


def h_week_number(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    year, anchored = _year_or_ref(m, ref)
    week = int(m["w"])
    if not 1 <= week <= 53:
        raise ValueError("not a week number")
    return DateValue(f"{year:04d}-W{week:02d}" if year else f"XXXX-W{week:02d}", granularity="week", anchored=anchored)


def h_relative(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    return relative_unit(m["rel"].lower(), m["unit"].lower(), ref, _mod(m))


def h_weekday(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    rel = (m["rel"] or "").lower()
    if rel in ("afgelopen", "vorige"):
        direction = "past"
    elif rel in ("komende", "volgende", "aanstaande"):
        direction = "future"
    weeks = {"vorige week": -1, "volgende week": 1, "komende week": 1}.get((m["weekrel"] or "").lower(), 0)
    part = DAYPARTS.get((m["part"] or "").lower(), "")
    return weekday_date(WEEKDAYS[m["wd"].lower()], ref, direction, part, weeks)


def h_deictic(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    days, part = DEICTIC_DAYS[m["word"].lower()]
    return shift_day(ref, days, part)


def h_ago(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    count = small_number(m["n"])
    attr, granularity = UNIT_DELTAS[m["unit"].lower()]
    sign = -1 if m["dir"].lower() in ("geleden", "eerder", "terug") else 1
    if m.groupdict().get("over"):
        sign = 1
    if ref is None or count is None or count != int(count):
        return DateValue("PAST_REF" if sign < 0 else "FUTURE_REF", granularity=granularity)
    if granularity == "year":
        return DateValue(f"{ref.year + sign * int(count):04d}", granularity="year", anchored=True)
    if granularity == "month" and ref.month:
        month = date(ref.year, ref.month, 1) + relativedelta(months=sign * int(count))
        return DateValue(f"{month.year:04d}-{month.month:02d}", granularity="month", anchored=True)
    if ref.as_date is None:
        return coarse(ref)
    day = ref.as_date + relativedelta(**{attr: sign * int(count)})
    if granularity == "week":
        iso = day.isocalendar()
        return DateValue(f"{iso[0]:04d}-W{iso[1]:02d}", granularity="week", anchored=True)
    return DateValue(day.isoformat(), granularity="day", anchored=True)


def h_duration(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    count = small_number(m["n"])
    attr, _ = UNIT_DELTAS[m["unit"].lower()]
    if count is None:
        return DateValue(f"PX{DURATION_CODES[attr]}", granularity="duration")
    if count != int(count):
        if attr == "years":
            return DateValue(f"P{int(count * 12)}M", granularity="duration")
        if attr == "days":
            return DateValue(f"PT{int(count * 24)}H", granularity="duration")
    return DateValue(f"P{int(count)}{DURATION_CODES[attr]}", granularity="duration")


def h_past_period(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    attr, _ = UNIT_DELTAS[m["unit"].lower()]
    return DateValue(f"PX{DURATION_CODES[attr]}", mod="BEFORE" if ref is None else "", granularity="duration")


def h_ref(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    return DateValue(REFS[" ".join(m["word"].lower().split())], granularity="")


def h_holiday(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    name = " ".join(m["hol"].lower().split())
    if m["year"]:
        year, anchored = int(m["year"]), False
    elif ref is None:
        return DateValue("", granularity="day")
    else:
        year, anchored = ref.year, True
        if ref.month:
            ref_day = date(ref.year, ref.month, ref.day or 15)
            candidate = holiday_date(name if name != "oud en nieuw" else "oudejaarsavond", year)
            if direction == "past" and candidate > ref_day:
                year -= 1
            elif direction == "future" and candidate < ref_day:
                year += 1
    if name == "oud en nieuw":
        return DateValue(f"{year:04d}-12-31", f"{year + 1:04d}-01-01", granularity="day", anchored=anchored)
    return DateValue(holiday_date(name, year).isoformat(), mod=_mod(m), granularity="day", anchored=anchored)


def h_ramadan(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    year, anchored = _year_or_ref(m, ref)
    mod = _mod(m)
    if year is None:
        return DateValue("", mod=mod, granularity="month")
    start, end = ramadan(year)
    return DateValue(start.isoformat(), end.isoformat(), mod=mod or "APPROX", granularity="day", anchored=anchored)


def h_set(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    word = m["what"].lower()
    if word in WEEKDAYS:
        return DateValue(f"XXXX-WXX-{WEEKDAYS[word] + 1}", granularity="set")
    code = {"dag": "P1D", "dagelijks": "P1D", "week": "P1W", "wekelijks": "P1W", "maand": "P1M", "maandelijks": "P1M",
            "jaar": "P1Y", "jaarlijks": "P1Y"}[word]
    return DateValue(code, granularity="set")


def h_bounded_ref(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    value, mod = BOUNDED_REFS[" ".join(m["word"].lower().split())]
    return DateValue(value, mod=mod, granularity="")


def duration_value(count: float, code: str) -> str:
    """TIMEX3 value of ``count`` units: ``P3Y``, ``PT20M``; fractions in the next smaller unit (2,5 jaar: ``P30M``)."""
    if code == "Q":
        count, code = count * 15, "MIN"
    elif code == "QC":
        count, code = count * 25, "Y"
    elif code == "HY":
        count, code = count * 6, "M"
    if count != int(count):
        smaller = {"Y": (12, "M"), "M": (30, "D"), "W": (7, "D"), "D": (24, "H"), "H": (60, "MIN"), "DE": (10, "Y"), "CE": (100, "Y")}
        if code in smaller:
            factor, code = smaller[code]
            count *= factor
    number = int(round(count))
    if code in ("H", "MIN", "S"):
        return f"PT{number}{'M' if code == 'MIN' else code}"
    return f"P{number}{code}"


def h_counted_duration(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    code = DURATION_UNITS[m["unit"].lower()]
    mod = DURATION_MODS.get(" ".join((m["dmod"] or "").lower().split()), "")
    count = parse_number(m["n"].lower().replace("anderhalve", "anderhalf"))
    if count is None or count <= 0:
        raise ValueError("not a count")
    return DateValue(duration_value(count, code), mod=mod, granularity="duration")


def h_vague_duration(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    word = (m["vague"] or m["unit"]).lower()
    code = VAGUE_DURATIONS.get(word) or DURATION_UNITS[word]
    if code in ("H", "MIN", "S"):
        return DateValue(f"PTX{'M' if code == 'MIN' else code}", granularity="duration")
    return DateValue(f"PX{code}", granularity="duration")


def h_half_year(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    return DateValue("P6M", granularity="duration")


def h_yearly(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    return DateValue("P1Y", granularity="set")


def h_per(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    return DateValue(SET_UNITS[m["per"].lower()], granularity="set")


def h_part_set(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    return DateValue("XXXX-XX-XXT" + DAYPARTS[m["part"].lower().rstrip("s")], granularity="set")


def h_every(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    count = small_number(m["n"]) if m["n"] else None
    code = DURATION_UNITS[m["unit"].lower()]
    return DateValue(f"PX{code}" if count is None else duration_value(count, code), granularity="set")


def h_season(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    code, middle = SEASONS[m["season"].lower()]
    rel = (m["srel"] or "").lower()
    if m["year"] or m["year2"]:
        year, anchored = int(m["year"] or m["year2"]), False
    elif ref is None:
        return DateValue(f"XXXX-{code}", mod=_mod(m), granularity="season")
    else:
        anchored = True
        if rel in ("vorige", "vorig", "afgelopen", "verleden"):
            direction = "past"
        elif rel in ("komende", "komend", "volgende", "volgend", "aanstaande"):
            direction = "future"
        if rel in ("deze", "dit") or ref.month is None:
            year = ref.year - (1 if code == "WI" and (ref.month or 12) < 3 else 0)
        else:
            year = nearest_year(lambda y: date(y + (middle - 1) // 12, (middle - 1) % 12 + 1, 15), ref, direction)
            if rel and direction == "past" and date(year + (middle - 1) // 12, (middle - 1) % 12 + 1, 15) > date(ref.year, ref.month, ref.day or 15):
                year -= 1
            elif rel and direction == "future" and date(year + (middle - 1) // 12, (middle - 1) % 12 + 1, 15) < date(ref.year, ref.month, ref.day or 15):
                year += 1
    return DateValue(f"{year:04d}-{code}", mod=_mod(m), granularity="season", anchored=anchored)


def h_weekend(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    rel = (m["wrel"] or "").lower()
    if rel in ("afgelopen", "vorig", "vorige", "verleden"):
        direction = "past"
    elif rel in ("komend", "komende", "volgend", "volgende", "aanstaande"):
        direction = "future"
    saturday = weekday_date(5, ref, direction)
    if ref is None or ref.as_date is None:
        return saturday
    iso = date.fromisoformat(saturday.value).isocalendar()
    return DateValue(f"{iso[0]:04d}-W{iso[1]:02d}-WE", mod=_mod(m), granularity="week", anchored=True)


def h_year_range(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    start, end = int(m["y1"]), int(m["y2"])
    if end < 100:
        end += start // 100 * 100
    if end <= start:
        raise ValueError("not a range")
    return DateValue(f"{start:04d}", f"{end:04d}", granularity="year")


def _p(pattern: str) -> str:
    pattern = pattern.replace("DURMODS", "|".join(sorted(DURATION_MODS, key=len, reverse=True))) \
        .replace("DURUNIT", "|".join(sorted(DURATION_UNITS, key=len, reverse=True))).replace("COUNT", COUNT) \
        .replace("CENTURYWORDS", "|".join(sorted(CENTURY_WORDS, key=len, reverse=True))) \
        .replace("YEARREL", "vorig|afgelopen|verleden|dit|volgend|komend")
    return pattern.replace("MONTH_ANY", MONTH_ANY).replace("MONTH_FULL", MONTH_FULL).replace("WEEKDAY", WEEKDAY) \
        .replace("DAYPART", DAYPART).replace("YEAR", YEAR).replace("SMALL", SMALL_NUMBER).replace("MODS", MOD) \
        .replace("UNIT", UNIT).replace("RELATIVE", RELATIVE).replace("HOLIDAY", HOLIDAY).replace("TILL", TILL)


PATTERNS: list[tuple[str, Callable[[re.Match, RefDate | None, str], DateValue]]] = [
    (r"(?P<d>[0-3]?\d)[-/.](?P<m>[01]?\d)[-/.](?P<y>\d{4}|\d{2})", h_numeric),
    (r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)", h_iso),
    (_p(r"(?:tussen|van) (?P<day1>[0-3]?\d)(?: (?P<month1>MONTH_ANY))? (?:en|TILL) (?P<day2>[0-3]?\d) (?P<month>MONTH_ANY)(?: (?P<year>YEAR))?"), h_day_range),
    (_p(r"(?P<day1>[0-3]?\d)(?: (?P<month1>MONTH_ANY))? ?(?:TILL) ?(?P<day2>[0-3]?\d) (?P<month>MONTH_ANY)(?: (?P<year>YEAR))?"), h_day_range),
    (_p(r"van (?P<wd1>WEEKDAY) (?:TILL) (?P<wd2>WEEKDAY)"), h_weekday_range),
    (_p(r"(?:(?P<mod>MODS) )?(?:(?P<wd>WEEKDAY),? )?(?P<day>[0-3]?\d) (?P<month>MONTH_ANY)(?: (?P<year>YEAR)| (?P<yrel>YEARREL) jaar)?"), h_day_month),
    (_p(r"(?:(?P<mod>MODS) )?(?:(?P<yrel2>YEARREL) jaar )?(?:de maand )?(?P<month>MONTH_FULL)(?: (?P<year>YEAR)| (?P<yrel>YEARREL) jaar)?"), h_month_year),
    (_p(r"(?:(?P<mod>MODS) )?(?:het |de )?(?:(?P<ord>eerste|tweede|derde|vierde|[1-4]e|1ste|2de|3de|4de) kwartaal|(?:Q|K)(?P<q>[1-4]))(?: van(?: het jaar)?(?: (?P<year>YEAR))?| (?P<year2>YEAR))?"), h_quarter),
    (_p(r"(?:de )?(?P<ord>eerste|tweede) (?:helft|jaarhelft)(?: van(?: het jaar)?(?: (?P<year>YEAR))?)?"), h_half),
    (_p(r"(?:(?P<mod>MODS) )?(?:de )?jaren (?P<dec>twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|['’]?[0-9]0|1[0-9][0-9]0|20[0-9]0)(?: van de (?P<cent>\d{2})e eeuw)?"), h_decade),
    (_p(r"(?:(?P<mod>MODS) )?(?:de )?(?:(?P<cw>CENTURYWORDS)|(?P<cn>1[0-9]|2[0-2])(?:e|ste|de)) eeuw"), h_century),
    (_p(r"week (?P<w>[1-5]?\d)(?: (?:van )?(?P<year>YEAR))?"), h_week_number),
    (_p(r"(?:(?P<mod>MODS) )?(?:het |de )?(?P<rel>RELATIVE) (?P<unit>week|maand|jaar)"), h_relative),
    (_p(r"(?:(?P<weekrel>vorige week|volgende week|komende week) )?(?:(?P<rel>afgelopen|vorige|komende|volgende|aanstaande) )?(?P<wd>WEEKDAY)(?: ?(?P<part>DAYPART))?"), h_weekday),
    (_p(r"(?P<word>" + "|".join(sorted(DEICTIC_DAYS, key=len, reverse=True)) + r")"), h_deictic),
    (_p(r"(?:(?P<over>over) )?(?P<n>SMALL) (?P<unit>UNIT) (?P<dir>geleden|eerder|later|terug)"), h_ago),
    (_p(r"(?P<over>over) (?P<n>SMALL) (?P<unit>UNIT)(?P<dir>)"), h_ago),
    (_p(r"(?:(?P<n>SMALL) (?P<unit>UNIT) lang|(?:gedurende|een periode van|al) (?P<n2>SMALL) (?P<unit2>UNIT))"), None),
    (_p(r"(?:de|het) (?:afgelopen|voorbije|laatste) (?P<unit>dagen|weken|maanden|jaren)"), h_past_period),
    (r"(?:het|dat|dit) (?:afgelopen |voorbije |laatste |komende )?(?:half jaar|halve jaar|halfjaar)", h_half_year),
    (r"(?:jaar na jaar|met het jaar)", h_yearly),
    (r"(?P<word>" + "|".join(sorted(REFS, key=len, reverse=True)) + r")", h_ref),
    (_p(r"(?:(?P<mod>MODS) )?(?:de |het )?(?P<hol>HOLIDAY)(?: (?P<year>YEAR))?"), h_holiday),
    (r"(?P<word>" + "|".join(sorted(BOUNDED_REFS, key=len, reverse=True)) + r")", h_bounded_ref),
    # a counted duration, not a clock time ("om vijf uur") nor an age ("41 jaar oud")
    (_p(r"(?<!om )(?<!rond )(?<!tegen )(?:(?P<dmod>DURMODS) )?(?P<n>COUNT) (?P<unit>DURUNIT)(?! oude?\b)"), h_counted_duration),
    (_p(r"(?:al )?(?P<vague>jarenlang|maandenlang|wekenlang|dagenlang|urenlang|decennialang|eeuwenlang|decennia|eeuwen)"
        r"|(?:al )?(?:vele|enkele|een paar|tientallen|honderden|al|afgelopen|door de) "
        r"(?P<unit>jaren|maanden|weken|dagen|uren|minuten|seconden|decennia|eeuwen)(?: heen)?"),
     h_vague_duration),
    (_p(r"per (?P<per>seconde|minuut|uur|dag|nacht|week|maand|kwartaal|jaar|seizoen)"), h_per),
    (r"['’]s[ -](?P<part>ochtends|morgens|middags|avonds|nachts)", h_part_set),
    (_p(r"om de (?:(?P<n>SMALL|paar|zoveel) )?(?P<unit>dag|dagen|week|weken|maand|maanden|jaar|jaren)"), h_every),
    (_p(r"(?:(?P<mod>MODS) )?(?:(?:het|de) )?(?:(?P<srel>RELATIVE|deze) )?(?P<season>lente|voorjaar|zomer|herfst|najaar|winter)"
        r"(?: van (?P<year>YEAR)| (?P<year2>YEAR))?"), h_season),
    (_p(r"(?:(?P<mod>MODS) )?(?:het |dit |(?P<wrel>afgelopen|vorig|komend|volgend|aanstaande) )weekend|(?:(?P<mod2>MODS) )?(?:het |dit |(?P<wrel2>afgelopen|vorig|komend|volgend|aanstaande) )weekeinde"), h_weekend),
    (_p(r"(?:(?:tussen|van) )?(?P<y1>YEAR) ?(?:-|–|/|en|tot(?: en met)?) ?(?P<y2>YEAR)"), h_year_range),
    (_p(r"(?:school|seizoen|studie)jaar (?P<y1>YEAR)(?:-|–|/)(?P<y2>YEAR|\d\d)"), h_year_range),
    (_p(r"(?:(?P<mod>MODS) )?(?:de )?ramadan(?: (?:van )?(?P<year>YEAR))?"), h_ramadan),
    (_p(r"(?:elke?|iedere?) (?P<what>WEEKDAY|dag|week|maand|jaar)|(?P<what2>dagelijks|wekelijks|maandelijks|jaarlijks)e?"), None),
    (_p(r"(?P<mod>MODS) (?P<year>YEAR)"), h_year),
]


def _duration_or_set(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    groups = m.groupdict()
    if "what" in groups:
        what = groups["what"] or groups["what2"]
        fake = re.match(r"(?P<what>.+)", what)
        return h_set(fake, ref, direction)
    n, unit = groups["n"] or groups["n2"], groups["unit"] or groups["unit2"]
    fake = re.match(r"(?P<n>.+)\x00(?P<unit>.+)", f"{n}\x00{unit}")
    return h_duration(fake, ref, direction)


PATTERNS = [(p, h or _duration_or_set) for p, h in PATTERNS]
BOUNDED = [
    (re.compile(rf"(?<![\w'’]){pattern}(?![\w]|[.,]\d)", re.IGNORECASE), handler) for pattern, handler in PATTERNS
]
FULL = [(re.compile(pattern, re.IGNORECASE), handler) for pattern, handler in PATTERNS]
FULL.append((re.compile(_p(r"(?P<year>YEAR)")), h_year))  # bare years are found by the component, not by regex


def normalize_date(text: str, ref: "str | RefDate | None" = None, direction: str = "past") -> DateValue | None:
    """The normalized value of one whole date expression, or None when ``text`` is not one."""
    ref_date = RefDate.parse(ref)
    text = " ".join(text.split())
    for pattern, handler in FULL:
        match = pattern.fullmatch(text)
        if match:
            try:
                return handler(match, ref_date, direction)
            except (ValueError, KeyError, OverflowError):
                return None
    return None


def find_date_expressions(text: str) -> list[tuple[int, int]]:
    """Character spans of the date expressions in ``text``: longest first, never overlapping."""
    candidates = []
    for pattern, _ in BOUNDED:
        for match in pattern.finditer(text):
            if match.end() > match.start():
                candidates.append((match.start(), match.end()))
    return choose_longest(candidates)


def choose_longest(candidates: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The longest spans first (the earlier of two equally long), none overlapping one chosen before; sorted."""
    chosen: list[tuple[int, int]] = []  # sorted and never overlapping: only the two neighbours can clash
    for start, end in sorted(candidates, key=lambda span: (-(span[1] - span[0]), span[0])):
        k = bisect.bisect_left(chosen, (start, end))
        if (k == 0 or chosen[k - 1][1] <= start) and (k == len(chosen) or chosen[k][0] >= end):
            chosen.insert(k, (start, end))
    return chosen
