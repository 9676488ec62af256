"""Resolution: the answer to "when?" as an interval of days, spelled in EDTF, TIMEX3 and for display.

A Resolution is one value with three spellings: `edtf` (what the store keeps), `timex` (the TimeML
TIMEX3 value, for interchange and evaluation) and `label` (what a person reads in a table). The bounds
are always inclusive calendar days, so ordering and overlap never depend on the spelling.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta

PRECISIONS = ("day", "week", "month", "quarter", "season", "year", "decade", "range")
# For each unit, the precisions too coarse to count it from: "the next morning" after "the 1990s" or "the
# following month" after "2008" names no day or month, since the words give none to start from.
TOO_COARSE_TO_COUNT = {
    "day": frozenset({"quarter", "season", "year", "decade"}),
    "week": frozenset({"quarter", "season", "year", "decade"}),
    "month": frozenset({"year", "decade"}),
}
MODS = ("START", "MID", "END", "APPROX", "BEFORE", "AFTER", "ON_OR_BEFORE", "ON_OR_AFTER")
# Meteorological seasons, labelled by the year they start in (winter 2023 runs Dec 2023 - Feb 2024).
SEASONS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    return date(year, month, calendar.monthrange(year, month)[1])


def add_months(year: int, month: int, delta: int) -> tuple[int, int]:
    """The (year, month) `delta` months away; calendar months, no day arithmetic."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


@dataclass(frozen=True)
class Resolution:
    """An inclusive interval of calendar days with the precision a source gave it.

    `timex` is worked out from the bounds and precision when not given; a resolver passes it for the
    values that are not one calendar unit (`PAST_REF`, `P1W`, ...). `rule` says how it was reached.
    """

    earliest: date
    latest: date
    precision: str = "day"
    mod: str | None = None
    approximate: bool = False
    uncertain: bool = False
    timex: str = ""
    rule: str = ""

    def __post_init__(self) -> None:
        if self.latest < self.earliest:
            raise ValueError(f"latest {self.latest} is before earliest {self.earliest}")
        if self.precision not in PRECISIONS:
            raise ValueError(f"unknown precision {self.precision!r}")
        if self.mod is not None and self.mod not in MODS:
            raise ValueError(f"unknown modifier {self.mod!r}")
        if not self.timex:
            object.__setattr__(self, "timex", _timex_of(self.earliest, self.latest, self.precision))

    # -- constructors for whole calendar units -------------------------------------------------

    @classmethod
    def day(cls, d: date, **kw) -> Resolution:
        return cls(d, d, "day", **kw)

    @classmethod
    def week(cls, d: date, **kw) -> Resolution:
        """The ISO week (Monday to Sunday) that contains `d`."""
        monday = d - timedelta(days=d.weekday())
        return cls(monday, monday + timedelta(days=6), "week", **kw)

    @classmethod
    def month(cls, year: int, month: int, **kw) -> Resolution:
        return cls(date(year, month, 1), month_end(year, month), "month", **kw)

    @classmethod
    def quarter(cls, year: int, quarter: int, **kw) -> Resolution:
        first = 3 * (quarter - 1) + 1
        return cls(date(year, first, 1), month_end(year, first + 2), "quarter", **kw)

    @classmethod
    def season(cls, year: int, season: str, **kw) -> Resolution:
        start = SEASONS[season]
        end_year, end_month = add_months(year, start, 2)
        return cls(date(year, start, 1), month_end(end_year, end_month), "season", **kw)

    @classmethod
    def year(cls, year: int, **kw) -> Resolution:
        return cls(date(year, 1, 1), date(year, 12, 31), "year", **kw)

    @classmethod
    def decade(cls, year: int, **kw) -> Resolution:
        start = year - year % 10
        return cls(date(start, 1, 1), date(start + 9, 12, 31), "decade", **kw)

    @classmethod
    def span(cls, earliest: date, latest: date, **kw) -> Resolution:
        return cls(earliest, latest, "range", **kw)

    # -- spellings -------------------------------------------------------------------------------

    @property
    def edtf(self) -> str:
        """EDTF level 0 with `~` (approximate), `?` (uncertain), `%` (both) and intervals `A/B`."""
        mark = _qualifier(self.approximate, self.uncertain)
        whole = _whole_unit(self.earliest, self.latest)
        if whole:
            return whole + mark
        return f"{_end_text(self.earliest, self.latest, True)}{mark}/{_end_text(self.earliest, self.latest, False)}{mark}"

    @property
    def label(self) -> str:
        """For people: never a day the source did not give; a range as 2021-11-22..26."""
        mark = "~" if self.approximate else ""
        mark += "?" if self.uncertain else ""
        whole = _whole_unit(self.earliest, self.latest)
        if whole:
            return whole + mark
        a, b = self.earliest, self.latest
        if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
            return f"{a.year:04d}..{b.year:04d}{mark}"
        if _is_month_aligned(a, b):
            start, end = _ym(a), _ym(b)
            end = end[5:] if a.year == b.year else end
            return f"{start}..{end}{mark}"
        if (a.year, a.month) == (b.year, b.month):
            return f"{a.isoformat()}..{b.day:02d}{mark}"
        if a.year == b.year:
            return f"{a.isoformat()}..{b.month:02d}-{b.day:02d}{mark}"
        return f"{a.isoformat()}..{b.isoformat()}{mark}"

    @property
    def sort_key(self) -> tuple[date, int]:
        """Earlier first; of two starting the same day the wider first, so a month precedes its days."""
        return (self.earliest, -self.latest.toordinal())

    def contains(self, other: Resolution) -> bool:
        return self.earliest <= other.earliest and other.latest <= self.latest

    def overlaps(self, other: Resolution) -> bool:
        return self.earliest <= other.latest and other.earliest <= self.latest

    def same_dates(self, other: Resolution) -> bool:
        return (self.earliest, self.latest) == (other.earliest, other.latest)

    def with_rule(self, rule: str) -> Resolution:
        # Only the rule changes, so the bounds need no second check: a copy, not a new instance through
        # __init__ (every tagged date passes here, some twice).
        copied = object.__new__(type(self))
        copied.__dict__.update(self.__dict__)
        object.__setattr__(copied, "rule", rule)
        return copied

    def to_dict(self) -> dict:
        """The stable JSON shape used by `--json` output."""
        return {
            "edtf": self.edtf,
            "timex": self.timex,
            "earliest": self.earliest.isoformat(),
            "latest": self.latest.isoformat(),
            "precision": self.precision,
            "mod": self.mod,
            "approximate": self.approximate,
            "rule": self.rule,
        }

    def __str__(self) -> str:
        return self.edtf


def _ym(d: date) -> str:
    # Not strftime: it drops the zero padding of years below 1000 on some platforms.
    return f"{d.year:04d}-{d.month:02d}"


def _qualifier(approximate: bool, uncertain: bool) -> str:
    if approximate and uncertain:
        return "%"
    return "~" if approximate else "?" if uncertain else ""


def _is_month_aligned(a: date, b: date) -> bool:
    return a.day == 1 and b == month_end(b.year, b.month)


def _whole_unit(a: date, b: date) -> str:
    """The single EDTF value naming exactly [a, b], or "" when it takes an interval."""
    if a == b:
        return a.isoformat()
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year == b.year:
        return f"{a.year:04d}"
    if _is_month_aligned(a, b) and (a.year, a.month) == (b.year, b.month):
        return _ym(a)
    return ""


def _end_text(a: date, b: date, start: bool) -> str:
    """One end of an interval, at the coarsest precision that still names the bounds exactly."""
    d = a if start else b
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return f"{d.year:04d}"
    if _is_month_aligned(a, b):
        return _ym(d)
    return d.isoformat()


def _timex_of(a: date, b: date, precision: str) -> str:
    """TIMEX3 value of a calendar unit; for other spans the smallest unit that holds them."""
    if precision == "week" or (precision == "range" and a != b and a.isocalendar()[:2] == b.isocalendar()[:2]):
        iso_year, iso_week, _ = a.isocalendar()
        return f"{iso_year:04d}-W{iso_week:02d}"
    if precision == "quarter":
        return f"{a.year:04d}-Q{(a.month - 1) // 3 + 1}"
    if precision == "season":
        code = next(k for k, m in SEASONS.items() if m == a.month)
        return f"{a.year:04d}-{code}"
    if precision == "decade":
        return f"{a.year // 10:03d}"
    if precision == "day" or a == b:
        return a.isoformat()
    if a.year == b.year and (a.month, a.day, b.month, b.day) in ((1, 1, 6, 30), (7, 1, 12, 31)):
        return f"{a.year:04d}-H{1 if a.month == 1 else 2}"
    if (a.year, a.month) == (b.year, b.month):
        return _ym(a)
    if a.year == b.year:
        return f"{a.year:04d}"
    # Whole years within one decade ("the early 1990s") are valued as the decade, as TimeML does; a few
    # months across a new year are no decade.
    if a.year // 10 == b.year // 10 and (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return f"{a.year // 10:03d}"
    return f"{a.isoformat()}/{b.isoformat()}"


_EDTF_VALUE = re.compile(r"(?P<y>[0-9]{4})(?:-(?P<m>[0-9]{2})(?:-(?P<d>[0-9]{2}))?)?(?P<q>[~?%]?)")


def _parse_value(text: str) -> tuple[date, date, str, bool, bool]:
    m = _EDTF_VALUE.fullmatch(text)
    if not m:
        raise ValueError(f"not an EDTF date: {text!r}")
    year, month, day, q = int(m["y"]), m["m"], m["d"], m["q"]
    approx, uncertain = q in ("~", "%"), q in ("?", "%")
    try:
        if day:
            d = date(year, int(month), int(day))
            return d, d, "day", approx, uncertain
        if month:
            first = date(year, int(month), 1)
            return first, month_end(year, int(month)), "month", approx, uncertain
        return date(year, 1, 1), date(year, 12, 31), "year", approx, uncertain
    except ValueError:
        raise ValueError(f"not a calendar date: {text!r}") from None


def _unit_precision(a: date, b: date) -> str:
    """The calendar unit an interval is exactly (an ISO week, a quarter, a season, a decade), else "range".

    EDTF level 0 has no spelling for these, so the store writes them as intervals; reading the unit
    back keeps their TIMEX3 value and lets an event dated "a year after" one keep its precision. An
    interval that is exactly a day, a month or a year is that unit, as the store writes it.
    """
    whole = _whole_unit(a, b)
    if whole:
        return {10: "day", 7: "month", 4: "year"}[len(whole)]
    if (b - a).days == 6 and a.weekday() == 0:
        return "week"
    if _is_month_aligned(a, b) and (b.year * 12 + b.month) - (a.year * 12 + a.month) == 2:
        return "quarter" if a.month in (1, 4, 7, 10) else "season" if a.month in SEASONS.values() else "range"
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31) and a.year % 10 == 0 and b.year == a.year + 9:
        return "decade"
    return "range"


def parse_edtf(text: str) -> Resolution:
    """Read an EDTF value (`2024-12-06`, `2024-12`, `2024`, `2024-12-06~`, `A/B`) as a Resolution."""
    if not isinstance(text, str):
        raise ValueError(f"not an EDTF date: {text!r}")
    text = text.strip()
    if "/" in text:
        left, _, right = text.partition("/")
        a, _, _, approx_a, unc_a = _parse_value(left)
        _, b, _, approx_b, unc_b = _parse_value(right)
        if b < a:
            raise ValueError(f"interval ends before it starts: {text!r}")
        return Resolution(a, b, _unit_precision(a, b), approximate=approx_a or approx_b, uncertain=unc_a or unc_b)
    a, b, precision, approx, uncertain = _parse_value(text)
    return Resolution(a, b, precision, approximate=approx, uncertain=uncertain)
