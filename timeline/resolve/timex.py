"""The TIMEX3 values the rules spell themselves: what is not one calendar unit.

A Resolution spells whole calendar units on its own (timeline/dates.py: 2024-12-06, 2024-W49, 2024-Q4,
2024-SU, 2024-H1, 199) and the store's EDTF; these are the rest, in TimeML's notation: the present,
past and future as a whole, lengths of time, weekends, centuries, and the year a fiscal year (or the
number a company's quarter) is valued as.
"""

from __future__ import annotations

from datetime import date

PRESENT_REF = "PRESENT_REF"
PAST_REF = "PAST_REF"
FUTURE_REF = "FUTURE_REF"
_DURATION_CODES = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}


def reference(sign: int) -> str:
    """Some time before (sign < 0) or after the anchor: PAST_REF or FUTURE_REF."""
    return PAST_REF if sign < 0 else FUTURE_REF


def duration(count: int, unit: str) -> str:
    """A length of whole calendar units: P1W, P3M."""
    return f"P{count}{_DURATION_CODES[unit]}"


def hours(count: int | None) -> str:
    """A length of hours: PT24H; PTXH for a vague count ("the past few hours")."""
    return f"PT{'X' if count is None else count}H"


def weekend(saturday: date) -> str:
    """The weekend of an ISO week: 2024-W49-WE."""
    iso_year, iso_week, _ = saturday.isocalendar()
    return f"{iso_year:04d}-W{iso_week:02d}-WE"


def century(hundreds: int) -> str:
    """A century by its hundreds: 19 for 1900-1999."""
    return f"{hundreds:02d}"


def year(value: int) -> str:
    """A year: what TimeML values a fiscal year as ("fiscal 1989" is 1989)."""
    return f"{value:04d}"


def quarter(value: int, number: int) -> str:
    """A quarter by the number it is named with: a company's fourth quarter ended in September is 1989-Q4."""
    return f"{value:04d}-Q{number}"
