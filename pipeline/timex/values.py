"""The value objects of the date normalizer: a normalized date expression and the document date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date


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
