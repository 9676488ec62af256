"""The last resort for absolute spellings the rules lack: dateparser, kept only at the precision it reports.

The only module importing dateparser, and only when an expression gets this far, so that importing
timeline stays free of it.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from functools import lru_cache
from typing import Callable

from ..dates import Resolution
from ..errors import UnresolvedDate
from . import en
from .calendars import unit_of

_MONTH_WORD = re.compile(rf"\b(?:{en.FRAGMENTS['month']})\b")
_PERIODS = {"time": "day", "day": "day", "month": "month", "year": "year"}


@lru_cache(maxsize=32)
def _dateparser(anchor: date, future: bool):
    """A DateDataParser for one anchor and direction; building one costs more than a parse."""
    import dateparser

    base = datetime(anchor.year, anchor.month, anchor.day)
    return dateparser.DateDataParser(languages=[en.LANGUAGE], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first",
    })


def _written(day: date, precision: str, text: str, anchor: date) -> bool:
    """Whether each part of `day` down to `precision` is written in the text; the year may be left
    out when the date lies within a year of the anchor. Anything else misreads stray numbers."""
    numbers = {int(n) for n in re.findall(r"\d+", text)}
    years = {int(n) for n in re.findall(r"\b\d{4}\b", text)}
    year_written = day.year in years if years else abs(day - anchor).days <= 366
    if precision == "year":
        return day.year in years
    months = numbers | {en.MONTH_NUMBERS[word] for word in _MONTH_WORD.findall(text)}
    return year_written and day.month in months and (precision == "month" or day.day in numbers)


def fallback(text: str, expression: str, anchor: date, future: Callable[[], bool]) -> tuple[Resolution, str]:
    """`text`, the normalised `expression`, read by dateparser: (resolution, how), or UnresolvedDate.

    `future` tells whether the sentence looks ahead; it is asked only when dateparser is, as it reads the
    sentence, and most texts that get this far ("5 p.m.", left empty once its time is taken out) have no
    date for dateparser to find."""
    unknown = f"cannot resolve {expression!r}: not a date expression the resolver knows"
    if not re.search(r"\d", text) and not _MONTH_WORD.search(text):
        raise UnresolvedDate(unknown)
    try:
        data = _dateparser(anchor, future()).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; all mean "not a date"
        raise UnresolvedDate(unknown) from None
    if data.date_obj is None or data.period not in _PERIODS:
        raise UnresolvedDate(unknown)
    # A day or month dateparser filled in from the anchor is never kept: only the reported precision
    # is, and only when the text writes each part of it.
    precision = _PERIODS[data.period]
    day = data.date_obj.date()
    if not _written(day, precision, text, anchor):
        raise UnresolvedDate(unknown)
    return unit_of(day, precision), f"read by dateparser at {precision} precision"
