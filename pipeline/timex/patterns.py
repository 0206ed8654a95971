"""The patterns of Dutch date expressions and their handlers: (match, document date, direction) → DateValue."""

from __future__ import annotations

import re
from datetime import date, timedelta
from typing import Callable

from dateutil.relativedelta import relativedelta

from ..lexicon import (
    AFTER_WORDS,
    ANAPHORIC_DAYS,
    APPROX_WORDS,
    BOUNDED_REFS,
    CENTURY_WORDS,
    COMMON_ONE_SPELLINGS,
    DAYPARTS,
    DECADES,
    DEICTIC_DAYS,
    DURATION_CODES,
    DURATION_MODS,
    DURATION_UNITS,
    EASTER_HOLIDAYS,
    FIXED_HOLIDAYS,
    FREQUENCY_UNITS,
    MODS,
    NUMBER_WORDS,
    ONE_SPELLINGS,
    ORDINALS,
    PREPOSITION_MODS,
    PRESENT_PERIODS,
    REFS,
    SEASONS,
    SET_UNITS,
    STORY_TIMES,
    TENS_WORDS,
    UNIT_DELTAS,
    VAGUE_DURATIONS,
    WEEKDAYS,
    WHOLE_UNITS,
)
from ..numbers import parse_number
from .resolve import (
    coarse,
    holiday_date,
    iso_day,
    month_of,
    nearest_year,
    ramadan,
    relative_unit,
    resolve_day_month,
    resolve_month,
    shift_day,
    small_number,
    weekday_date,
)
from .values import DateValue, RefDate

MONTH_FULL = r"januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december"
MONTH_ANY = MONTH_FULL + r"|jan\.?|feb\.?|mrt\.?|apr\.?|jun\.?|jul\.?|aug\.?|sept?\.?|okt\.?|nov\.?|dec\.?"
WEEKDAY = r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag"
DAYPART = r"ochtend|morgen|middag|avond|nacht"
YEAR = r"1[0-9]\d\d|20\d\d"
SMALL_NUMBER = "|".join([
    r"\d+", *COMMON_ONE_SPELLINGS, *(word for word, value in NUMBER_WORDS.items() if value >= 2),
    *(word for word, value in TENS_WORDS.items() if value <= 60),
    "anderhalf", "anderhalve", "enkele", "een paar", "een aantal", "ruim een", "bijna een", "een half", "een halve",
])
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
    rf"\d+(?:,\d+)?|(?:{'|'.join(ONE_SPELLINGS[:3])}) half|een halve|anderhalf|anderhalve|"
    rf"(?:{'|'.join(word for word, value in NUMBER_WORDS.items() if 2 <= value <= 5)})ënhalf|"
    rf"[a-zë]*(?:{'|'.join([*COMMON_ONE_SPELLINGS, *(word for word, value in NUMBER_WORDS.items() if 2 <= value <= 12)])}"
    r"|tig|honderd)"
)
RELATIVE = r"vorige|vorig|afgelopen|verleden|komende|komend|volgende|volgend|deze|dit|aanstaande"
def alternation(words) -> str:
    """A regex alternative of ``words``, longest first so that the longest phrase wins."""
    return "|".join(sorted(words, key=len, reverse=True))


HOLIDAY = alternation([*FIXED_HOLIDAYS, *EASTER_HOLIDAYS, "koningsdag", "oud en nieuw", "prinsjesdag"])
PREPOSITIONS_LONGEST_FIRST = sorted(PREPOSITION_MODS, key=len, reverse=True)
TILL = r"tot en met|t/m|tot|-|–"


# ---- handlers: (match, ref, direction) → DateValue | None -------------------------------------------


def _mod(match: re.Match) -> str:
    value = match.groupdict().get("mod")
    if not value:
        return ""
    value = " ".join(value.lower().split())
    preposition = next((p for p in PREPOSITIONS_LONGEST_FIRST if value == p or value.startswith(p + " ")), None)
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
        # the weekday fixes the year within eleven years either way ("zondag 3 juli" in 2019 is 2016)
        candidates = sorted(range(year - 11, year + 12), key=lambda y: (abs(y - year), y > year))
        matching = [y for y in candidates if date(y, month, day).weekday() == weekday]
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
    word = (m.groupdict().get("yrel") or m.groupdict().get("yrel2") or m.groupdict().get("yrel3") or "").lower()
    if not word or ref is None:
        return None
    # "van dat jaar": the year the story is at (the date component passes it as ``ref``)
    return ref.year + {"vorig": -1, "afgelopen": -1, "verleden": -1, "dit": 0, "volgend": 1, "komend": 1, "dat": 0,
                       "datzelfde": 0, "hetzelfde": 0}[word]


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


def h_anaphoric_day(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    if ref is None or ref.as_date is None:
        # only a day the story is at can anchor it (the date component passes it as ``ref``)
        return DateValue("FUTURE_REF" if direction == "future" else "PAST_REF", granularity="day")
    return shift_day(ref, ANAPHORIC_DAYS[" ".join(m["word"].lower().split())])


def h_story_time(m: re.Match, ref: RefDate | None, direction: str) -> DateValue | None:
    """"tot die tijd", "sindsdien": the time the story is at (passed as ``ref``), bounded by the preposition."""
    if ref is None:
        return None
    mod = _mod(m) or STORY_TIMES[" ".join(m["word"].lower().split())]
    value = DateValue(ref.as_date.isoformat(), granularity="day") if ref.as_date else coarse(ref)
    return DateValue(value.value, mod=mod, granularity=value.granularity, anchored=True)


def h_present_period(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    return DateValue("PRESENT_REF")


def h_vague_after(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    return DateValue(f"PX{DURATION_UNITS[m['unit'].lower()]}", granularity="duration")


def h_short_year(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    """"'73": the year of that century nearest before the document date (or in the coming ten years)."""
    digits = int(m["yy"])
    now = ref.year if ref else 2000
    year = now // 100 * 100 + digits
    return DateValue(f"{year if year <= now + 10 else year - 100:04d}", granularity="year", anchored=ref is not None)


def h_deictic(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    days, part = DEICTIC_DAYS[m["word"].lower()]
    return shift_day(ref, days, part)


def h_ago(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    count = small_number(m["n"])
    attr, granularity = UNIT_DELTAS[m["unit"].lower()]
    sign = -1 if m["dir"].lower() in ("geleden", "eerder", "terug") else 1
    if m.groupdict().get("over"):
        sign = 1
    mod = _mod(m) or ("APPROX" if m.groupdict().get("approx") else "")
    if count is not None and count != int(count) and granularity == "year" and count * 12 == int(count * 12):
        count, attr, granularity = count * 12, "months", "month"  # "anderhalf jaar geleden": 18 months
    if ref is None:
        return DateValue("PAST_REF" if sign < 0 else "FUTURE_REF", mod=mod, granularity=granularity)
    if count is None or count != int(count):
        if granularity != "year" and ref.month is None:
            # "een paar weken later" after "in 1993": within the story's year
            value = coarse(ref)
            return DateValue(value.value, mod=mod, granularity=value.granularity, anchored=True)
        return DateValue("PAST_REF" if sign < 0 else "FUTURE_REF", mod=mod, granularity=granularity)
    if granularity == "year":
        return DateValue(f"{ref.year + sign * int(count):04d}", mod=mod, granularity="year", anchored=True)
    if granularity == "month" and ref.month:
        month = date(ref.year, ref.month, 1) + relativedelta(months=sign * int(count))
        return DateValue(f"{month.year:04d}-{month.month:02d}", mod=mod, granularity="month", anchored=True)
    if ref.as_date is None:
        value = coarse(ref)
        return DateValue(value.value, mod=mod, granularity=value.granularity, anchored=True)
    day = ref.as_date + relativedelta(**{attr: sign * int(count)})
    if granularity == "week":
        iso = day.isocalendar()
        return DateValue(f"{iso[0]:04d}-W{iso[1]:02d}", mod=mod, granularity="week", anchored=True)
    return DateValue(day.isoformat(), mod=mod, granularity="day", anchored=True)


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


def holiday_year(name: str, m: re.Match, ref: RefDate | None, direction: str) -> tuple[int | None, bool]:
    """The year of a holiday: written, else the last one before the document date in a past sentence and
    the next one in a future sentence."""
    if m.groupdict().get("year"):
        return int(m["year"]), False
    if ref is None:
        return None, False
    if ref.month is None:
        return ref.year, True
    name = name if name != "oud en nieuw" else "oudejaarsavond"
    if direction == "near":
        return nearest_year(lambda year: holiday_date(name, year), ref, direction), True
    # a holiday comes back every year: the tense alone decides ("met kerst" in March: the coming one)
    ref_day, year = date(ref.year, ref.month, ref.day or 15), ref.year
    if direction == "past" and holiday_date(name, year) > ref_day:
        return year - 1, True
    if direction == "future" and holiday_date(name, year) < ref_day:
        return year + 1, True
    return year, True


def h_holiday(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    name = " ".join(m["hol"].lower().split())
    year, anchored = holiday_year(name, m, ref, direction)
    if year is None:
        return DateValue("", granularity="day")
    if name == "oud en nieuw":
        return DateValue(f"{year:04d}-12-31", f"{year + 1:04d}-01-01", granularity="day", anchored=anchored)
    return DateValue(holiday_date(name, year).isoformat(), mod=_mod(m), granularity="day", anchored=anchored)


def h_holiday_offset(m: re.Match, ref: RefDate | None, direction: str) -> DateValue | None:
    """"drie dagen voor Pasen", "een week na kerst": the day (or week, month, year) the offset points at."""
    name = " ".join(m["hol"].lower().split())
    count = small_number(m["n"])
    attr, granularity = UNIT_DELTAS[m["unit"].lower()]
    year, anchored = holiday_year(name, m, ref, direction)
    if year is None or count is None or count != int(count) or name == "oud en nieuw":
        return None
    sign = -1 if m["dir"].lower() in ("voor", "vóór") else 1
    day = holiday_date(name, year) + relativedelta(**{attr: sign * int(count)})
    if granularity == "year":
        return DateValue(f"{day.year:04d}", granularity="year", anchored=anchored)
    if granularity == "month":
        return DateValue(f"{day.year:04d}-{day.month:02d}", granularity="month", anchored=anchored)
    return DateValue(day.isoformat(), granularity="day", anchored=anchored)


def h_range(m: re.Match, ref: RefDate | None, direction: str) -> DateValue | None:
    """"van oktober tot december", "tussen 2007 en begin 2018": one row from the first date to the second;
    a first date without a year is the last one up to the second ("van oktober tot maart", "van maart
    tot mei 2018")."""
    end = read_simple(m["b"], ref, direction)
    if end is None:
        return None
    end_day = RefDate.parse(end.value[:10])
    from_end = end_day is not None and not re.search(r"\d{4}", m["a"])
    start = read_simple(m["a"], end_day if from_end else ref, "past" if from_end else direction)
    if start is None or start.value >= end.value:
        return None
    granularity = end.granularity if end.granularity == start.granularity else "day"
    return DateValue(start.value, end.value, granularity=granularity, anchored=end.anchored or not from_end and start.anchored)


def read_simple(text: str, ref: RefDate | None, direction: str) -> DateValue | None:
    """A month, day or year on one side of a range (its part word dropped: the range is closed)."""
    text = re.sub(r"^(?:begin|eind|einde|half|medio|midden) ", "", text.strip(), flags=re.IGNORECASE)
    for pattern, handler in SIMPLE:
        match = pattern.fullmatch(text)
        if match:
            try:
                return handler(match, ref, direction)
            except (ValueError, KeyError):
                return None
    return None


def h_half_code(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    return DateValue(f"{int(m['year']):04d}-H{m['h']}", granularity="half")


def h_relative_quarter(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    """"het vorige kwartaal", "dit kwartaal", "komend kwartaal" relative to the document date."""
    rel = m["rel"].lower()
    offset = -1 if rel in ("vorige", "vorig", "afgelopen", "verleden") else 1 if rel in (
        "komende", "komend", "volgende", "volgend", "aanstaande") else 0
    if ref is None or ref.month is None:
        return DateValue("PAST_REF" if offset < 0 else "FUTURE_REF" if offset > 0 else "PRESENT_REF", mod=_mod(m), granularity="quarter")
    index = ref.year * 4 + (ref.month - 1) // 3 + offset
    return DateValue(f"{index // 4:04d}-Q{index % 4 + 1}", mod=_mod(m), granularity="quarter", anchored=True)


def h_earlier_later(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    """"eerder dit jaar", "later deze maand": the period named (relative to the document date)."""
    return relative_unit(m["rel"].lower(), m["unit"].lower(), ref)


def h_whole(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    return DateValue(WHOLE_UNITS[m["unit"].lower()], granularity="duration")


def h_duration_range(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    """"twintig, dertig jaar", "drie à vier weken": a duration between two counts."""
    code = DURATION_UNITS[m["unit"].lower()]
    low, high = (parse_number(m[g].lower().replace("anderhalve", "anderhalf")) for g in ("n1", "n"))
    if low is None or high is None or not 0 < low < high:
        raise ValueError("not a range of counts")
    return DateValue(duration_value(low, code), duration_value(high, code), granularity="duration")


def h_frequency(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    """"tweewekelijks" P2W, "halfjaarlijks" P6M, "driemaandelijkse" P3M: a set."""
    code = FREQUENCY_UNITS[m["what"].lower()]
    count = parse_number(m["n"].lower()) if m["n"] else 1
    if count is None or count <= 0:
        raise ValueError("not a count")
    return DateValue(duration_value(count, code), granularity="set")


def h_every_weekend(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    return DateValue("XXXX-WXX-WE", granularity="set")


def h_day_month_words(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    """"7e maart", "28ste juni", "achtentwintig juni": a day number written as an ordinal or in words."""
    day = int(m["dd"]) if m["dd"] else parse_number(m["dw"].lower())
    if day is None or day != int(day) or not 1 <= day <= 31:
        raise ValueError("not a day")
    month = month_of(m["month"])
    if m["year"]:
        year, anchored = int(m["year"]), False
    else:
        year, anchored = resolve_day_month(int(day), month, ref, direction)
    return DateValue(iso_day(year, month, int(day)), mod=_mod(m), granularity="day", anchored=anchored)


def h_day_slash_month(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    """"13/09": a year-less day and month."""
    day, month = int(m["d"]), int(m["m"])
    year, anchored = resolve_day_month(day, month, ref, direction)
    return DateValue(iso_day(year, month, day), granularity="day", anchored=anchored)


def h_ramadan(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    year, anchored = _year_or_ref(m, ref)
    mod = _mod(m)
    if year is None:
        return DateValue("", mod=mod, granularity="month")
    start, end = ramadan(year)
    return DateValue(start.isoformat(), end.isoformat(), mod=mod or "APPROX", granularity="day", anchored=anchored)


def h_set(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    word = m["what"].lower()
    if word in WEEKDAYS:  # with its part of the day: "elke vrijdagavond" XXXX-WXX-5TEV
        part = DAYPARTS.get((m.groupdict().get("part") or "").lower())
        return DateValue(f"XXXX-WXX-{WEEKDAYS[word] + 1}" + (f"T{part}" if part else ""), granularity="set")
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
    rel = (m["wrel"] or m["wrel2"] or "").lower()
    if rel in ("afgelopen", "vorig", "vorige", "verleden"):
        direction = "past"
    elif rel in ("komend", "komende", "volgend", "volgende", "aanstaande"):
        direction = "future"
    saturday = weekday_date(5, ref, direction)
    if ref is None or ref.as_date is None:
        return saturday
    iso = date.fromisoformat(saturday.value).isocalendar()
    return DateValue(f"{iso[0]:04d}-W{iso[1]:02d}-WE", mod=_mod(m) or MODS.get((m["mod2"] or "").lower(), ""), granularity="week", anchored=True)


def h_year_range(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    start, end = int(m["y1"]), int(m["y2"])
    if end < 100:
        end += start // 100 * 100
    if end <= start:
        raise ValueError("not a range")
    return DateValue(f"{start:04d}", f"{end:04d}", granularity="year")


RANGE_SIDE = r"(?:(?:begin|eind|einde|half|medio|midden) )?(?:[0-3]?\d (?:MONTH_ANY)(?: (?:YEAR))?|(?:MONTH_FULL)(?: (?:YEAR))?|(?:YEAR))"


def _p(pattern: str) -> str:
    pattern = pattern.replace("RANGESIDE", RANGE_SIDE).replace("DURMODS", alternation(DURATION_MODS)) \
        .replace("DURUNIT", alternation(DURATION_UNITS)).replace("COUNT", COUNT) \
        .replace("CENTURYWORDS", alternation(CENTURY_WORDS)) \
        .replace("YEARREL", "vorig|afgelopen|verleden|dit|volgend|komend").replace("APPROXWORDS", alternation(APPROX_WORDS)) \
        .replace("STORYYEAR", "datzelfde|hetzelfde|dat")
    return pattern.replace("MONTH_ANY", MONTH_ANY).replace("MONTH_FULL", MONTH_FULL).replace("WEEKDAY", WEEKDAY) \
        .replace("DAYPART", DAYPART).replace("YEAR", YEAR).replace("SMALL", SMALL_NUMBER).replace("MODS", MOD) \
        .replace("UNIT", UNIT).replace("RELATIVE", RELATIVE).replace("HOLIDAY", HOLIDAY).replace("TILL", TILL)


Handler = Callable[[re.Match, RefDate | None, str], DateValue | None]
PATTERNS: list[tuple[str, Handler]] = [
    (r"(?P<d>[0-3]?\d)[-/.](?P<m>[01]?\d)[-/.](?P<y>\d{4}|\d{2})", h_numeric),
    (r"(?P<y>\d{4})-(?P<m>[01]\d)-(?P<d>[0-3]\d)", h_iso),
    (_p(r"(?:tussen|van) (?P<day1>[0-3]?\d)(?: (?P<month1>MONTH_ANY))? (?:en|TILL) (?P<day2>[0-3]?\d) (?P<month>MONTH_ANY)(?: (?P<year>YEAR))?"), h_day_range),
    (_p(r"(?P<day1>[0-3]?\d)(?: (?P<month1>MONTH_ANY))? ?(?:TILL) ?(?P<day2>[0-3]?\d) (?P<month>MONTH_ANY)(?: (?P<year>YEAR))?"), h_day_range),
    (_p(r"van (?P<wd1>WEEKDAY) (?:TILL) (?P<wd2>WEEKDAY)"), h_weekday_range),
    (_p(r"(?:van|tussen) (?P<a>RANGESIDE) (?:tot en met|t/m|tot|en) (?P<b>RANGESIDE)"), h_range),
    (_p(r"(?P<n>SMALL) (?P<unit>UNIT) (?P<dir>voor|vóór|na) (?:de |het )?(?P<hol>HOLIDAY)(?: (?P<year>YEAR))?"), h_holiday_offset),
    (_p(r"(?:(?P<mod>MODS) )?(?:(?P<wd>WEEKDAY),? )?(?P<day>[0-3]?\d) (?P<month>MONTH_ANY)(?: (?P<year>YEAR)| (?P<yrel>YEARREL) jaar| van (?P<yrel3>STORYYEAR) jaar)?"), h_day_month),
    (_p(r"(?:(?P<mod>MODS) )?(?:(?P<yrel2>YEARREL) jaar )?(?:de maand )?(?P<month>MONTH_FULL)(?: (?P<year>YEAR)| (?P<yrel>YEARREL) jaar| van (?P<yrel3>STORYYEAR) jaar)?"), h_month_year),
    (_p(r"(?:(?P<mod>MODS) )?(?:het |de )?(?:(?P<ord>eerste|tweede|derde|vierde|[1-4]e|1ste|2de|3de|4de) kwartaal|(?:Q|K)(?P<q>[1-4]))(?: van(?: het jaar)?(?: (?P<year>YEAR))?| (?P<year2>YEAR))?"), h_quarter),
    (_p(r"(?:de |het )?(?P<ord>eerste|tweede) (?:helft|jaarhelft|halfjaar|half jaar)(?: van(?: het jaar)?(?: (?P<year>YEAR))?)?"), h_half),
    (_p(r"H(?P<h>[12]) (?P<year>YEAR)"), h_half_code),
    (_p(r"(?:(?P<mod>MODS) )?(?:het |de )?(?P<rel>RELATIVE) kwartaal"), h_relative_quarter),
    (_p(r"(?:eerder|later) (?P<rel>dit|deze|vorig|vorige|volgend|volgende) (?P<unit>jaar|maand|week)"), h_earlier_later),
    (r"(?:de|het) hele (?P<unit>" + alternation(WHOLE_UNITS) + r")", h_whole),
    (_p(r"(?P<month>jan|feb|mrt|apr|jun|jul|aug|sept?|okt|nov|dec)\.? (?P<year>YEAR)"), h_month_year),
    # "1/10 van de kiezers" is a share, not the first of October
    (r"(?P<d>[0-3]?\d)/(?P<m>[01]\d)(?![/\d])(?! van\b)", h_day_slash_month),
    (_p(r"(?:(?P<mod>MODS) )?(?:de )?jaren (?P<dec>twintig|dertig|veertig|vijftig|zestig|zeventig|tachtig|negentig|['’]?[0-9]0|1[0-9][0-9]0|20[0-9]0)(?: van de (?P<cent>\d{2})e eeuw)?"), h_decade),
    (_p(r"(?:(?P<mod>MODS) )?(?:de )?(?:(?P<cw>CENTURYWORDS)|(?P<cn>1[0-9]|2[0-2])(?:e|ste|de)) eeuw"), h_century),
    (_p(r"week (?P<w>[1-5]?\d)(?: (?:van )?(?P<year>YEAR))?"), h_week_number),
    (_p(r"(?:(?P<mod>MODS) )?(?:het |de )?(?P<rel>RELATIVE) (?P<unit>week|maand|jaar)"), h_relative),
    (_p(r"(?:(?P<weekrel>vorige week|volgende week|komende week) )?(?:(?P<rel>afgelopen|vorige|komende|volgende|aanstaande) )?(?P<wd>WEEKDAY)(?: ?(?P<part>DAYPART))?"), h_weekday),
    (_p(r"(?P<word>" + alternation(DEICTIC_DAYS) + r")"), h_deictic),
    (r"(?P<word>" + alternation(ANAPHORIC_DAYS) + r")", h_anaphoric_day),
    (_p(r"(?<!al )(?:(?P<mod>MODS) )?(?P<word>" + alternation(STORY_TIMES) + r")"), h_story_time),  # not "al die tijd"
    (r"(?:deze|onze) (?:[a-zë]+e )?(?:" + alternation(PRESENT_PERIODS) + r")", h_present_period),
    (r"(?:in )?de (?P<unit>dagen|weken|maanden|jaren) (?:" + alternation(AFTER_WORDS) + r")", h_vague_after),
    (r"['’](?P<yy>\d\d)(?! ?(?:%|procent|euro|cent|keer|jaar))", h_short_year),
    (_p(r"(?:(?P<mod>MODS) )?(?:(?P<over>over) )?(?:(?P<approx>APPROXWORDS) )?(?P<n>SMALL) (?P<unit>UNIT) (?P<dir>geleden|eerder|later|terug)"), h_ago),
    (_p(r"(?P<over>over) (?:(?P<approx>APPROXWORDS) )?(?P<n>SMALL) (?P<unit>UNIT)(?P<dir>)"), h_ago),
    (_p(r"(?:(?P<n>SMALL) (?P<unit>UNIT) lang|(?:gedurende|een periode van|al) (?P<n2>SMALL) (?P<unit2>UNIT))"), None),
    (_p(r"(?:de|het) (?:afgelopen|voorbije|laatste) (?P<unit>dagen|weken|maanden|jaren)"), h_past_period),
    (r"(?:het|dat|dit) (?:afgelopen |voorbije |laatste |komende )?(?:half jaar|halve jaar|halfjaar)", h_half_year),
    (r"(?:jaar na jaar|met het jaar)", h_yearly),
    (r"(?P<word>" + alternation(REFS) + r")", h_ref),
    (_p(r"(?:(?P<mod>MODS) )?(?:de |het )?(?P<hol>HOLIDAY)(?: (?P<year>YEAR))?"), h_holiday),
    (r"(?P<word>" + alternation(BOUNDED_REFS) + r")", h_bounded_ref),
    # a counted duration, not a clock time ("om vijf uur") nor an age ("41 jaar oud")
    (_p(r"(?:(?<!om )(?<!rond )(?<!tegen )|(?!\S+ uur\b))(?:(?P<dmod>DURMODS) )?(?P<n>COUNT) (?P<unit>DURUNIT)(?! oude?\b)"), h_counted_duration),
    (_p(r"(?:al )?(?P<vague>jarenlang|maandenlang|wekenlang|dagenlang|urenlang|decennialang|eeuwenlang|decennia|eeuwen)"
        r"|(?:al |sinds )?(?:vele|enkele|een paar|tientallen|honderden|al|afgelopen|door de) "
        r"(?P<unit>jaren|jaar|maanden|weken|dagen|uren|minuten|seconden|decennia|eeuwen)(?: heen)?"),
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
    (_p(r"(?:elke?|iedere?) (?P<what>WEEKDAY|dag|week|maand|jaar)(?P<part>DAYPART)?|(?P<what2>dagelijks|wekelijks|maandelijks|jaarlijks)e?"), None),
    (_p(r"(?P<mod>MODS) (?P<year>YEAR)"), h_year),
    (_p(r"(?P<n1>COUNT)(?:, | à | a | tot | of |-|–)(?P<n>COUNT) (?P<unit>DURUNIT)(?! oude?\b)"), h_duration_range),
    (r"(?P<n>[a-zë]+?)?(?P<what>" + alternation(FREQUENCY_UNITS) + r")e?", h_frequency),
    (r"(?:elke?|iedere?) (?:weekend|weekeinde)", h_every_weekend),
    (_p(r"(?:elke?|iedere?) (?P<n>SMALL) (?P<unit>dagen|weken|maanden|jaren)"), h_every),
    (_p(r"(?:(?P<mod>MODS) )?(?:(?P<dd>[0-3]?\d)(?:e|ste|de)|(?P<dw>(?!een\b)[a-zë]+(?:een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|tig))) "
        r"(?P<month>MONTH_FULL)(?: (?P<year>YEAR))?"), h_day_month_words),
]


def match_of(**groups: str) -> re.Match:
    """A match whose named groups hold ``groups``: for a handler read from another pattern's groups."""
    pattern = "\x00".join(f"(?P<{name}>.*)" for name in groups)
    return re.match(pattern, "\x00".join(groups.values()), re.DOTALL)


def _duration_or_set(m: re.Match, ref: RefDate | None, direction: str) -> DateValue:
    groups = m.groupdict()
    if "what" in groups:
        return h_set(match_of(what=groups["what"] or groups["what2"], part=groups["part"] or ""), ref, direction)
    n, unit = groups["n"] or groups["n2"], groups["unit"] or groups["unit2"]
    return h_duration(match_of(n=n, unit=unit), ref, direction)


PATTERNS = [(p, h or _duration_or_set) for p, h in PATTERNS]
SIMPLE = [
    (re.compile(_p(r"(?P<day>[0-3]?\d) (?P<month>MONTH_ANY)(?: (?P<year>YEAR))?"), re.IGNORECASE), h_day_month),
    (re.compile(_p(r"(?P<month>MONTH_FULL)(?: (?P<year>YEAR))?"), re.IGNORECASE), h_month_year),
    (re.compile(_p(r"(?P<year>YEAR)")), h_year),
]
STORY_TIME = re.compile(_p(r"(?:(?:MODS) )?(?:" + alternation(STORY_TIMES) + r")"), re.IGNORECASE)
BOUNDED = [
    (re.compile(rf"(?<![\w'’])(?:{pattern})(?![\w]|[.,]\d)", re.IGNORECASE), handler) for pattern, handler in PATTERNS
]
FULL = [(re.compile(pattern, re.IGNORECASE), handler) for pattern, handler in PATTERNS]
FULL.append((re.compile(_p(r"(?P<year>YEAR)")), h_year))  # bare years are found by the component, not by regex
