"""Which calendar day is X: dates moved by calendar units, the unit holding a day, parts of a period,
weekends, and the days of holidays, fixed, movable and Islamic.

No words and no reading of tense here: only the calendar. The Hijri calendar comes from hijridate (the
Umm al-Qura calendar, 1924-2077), imported only when an Islamic feast is resolved; the Chinese calendar
from lunardate (1900-2099), imported only when one of its feasts is; the Hebrew calendar from pyluach,
imported only when a Jewish feast is; a country's own holidays (its national day, India's festivals on
the dates India keeps them, 2001-2035) from python-holidays, imported only when one of them is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, timedelta

from ..dates import Resolution, add_months, month_end
from . import timex

DAY = timedelta(days=1)
_MONTHS_PER_UNIT = {"month": 1, "quarter": 3, "year": 12, "decade": 120}
# Holidays on a fixed calendar day, as (month, day), by the codes the language modules name them by.
_FIXED_HOLIDAYS = {
    "new-years-day": (1, 1), "valentines-day": (2, 14), "halloween": (10, 31), "christmas-eve": (12, 24),
    "christmas": (12, 25), "boxing-day": (12, 26), "new-years-eve": (12, 31), "may-day": (5, 1),
    "nowruz": (3, 21), "armistice-day": (11, 11), "anzac-day": (4, 25), "australia-day": (1, 26),
    "bonfire-night": (11, 5), "independence-day-us": (7, 4), "st-patricks-day": (3, 17), "bastille-day": (7, 14), "canada-day": (7, 1),
    "waitangi-day": (2, 6), "assumption": (8, 15), "all-saints": (11, 1), "all-souls": (11, 2), "womens-day": (3, 8), "earth-day": (4, 22), "juneteenth": (6, 19), "cinco-de-mayo": (5, 5),
    # Kenya's Jamhuri, Madaraka and Mashujaa days, Pakistan Day, Egypt's Sinai Liberation Day, Africa Day.
    "jamhuri-day": (12, 12), "madaraka-day": (6, 1), "mashujaa-day": (10, 20), "pakistan-day": (3, 23),
    "sinai-liberation-day": (4, 25), "africa-day": (5, 25),
    # Iran's Sizdah Bedar, the 13th day of the year that Nowruz (March 21) begins; Thailand's Songkran.
    "sizdah-bedar": (4, 2), "songkran": (4, 13),
}


def shift(d: date, unit: str, n: int) -> date:
    """`d` moved by n units; calendar units keep the day of the month where it exists, else clamp it."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    year, month = add_months(d.year, d.month, n * _MONTHS_PER_UNIT[unit])
    return date(year, month, min(d.day, month_end(year, month).day))


def unit_of(d: date, unit: str) -> Resolution:
    """The calendar unit (ISO week for weeks) that contains `d`."""
    if unit == "day":
        return Resolution.day(d)
    if unit == "week":
        return Resolution.week(d)
    if unit == "month":
        return Resolution.month(d.year, d.month)
    if unit == "quarter":
        return Resolution.quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "year":
        return Resolution.year(d.year)
    return Resolution.decade(d.year)


def cover(first: date, last: date, unit: str) -> Resolution:
    """The units from the one holding `first` to the one holding `last`: one unit, or a range of them."""
    start, end = unit_of(first, unit), unit_of(last, unit)
    return start if start == end else Resolution.span(start.earliest, end.latest)


def canonical(unit: str, low: int, high: int) -> tuple[str, int, int]:
    """Fortnights count as two weeks and decades of a count as ten years ("a decade ago" is a year)."""
    if unit == "fortnight":
        return "week", 2 * low, 2 * high
    if unit == "decade":
        return "year", 10 * low, 10 * high
    return unit, low, high


def offset(base: Resolution, unit: str, low: int, high: int) -> Resolution:
    """The units `low`..`high` away from `base` (negative: before it), at the unit's precision."""
    return cover(shift(base.earliest, unit, low), shift(base.latest, unit, high), unit)


_NAMED_VALUE = re.compile(r"\d{4}(?:-Q[1-4])?")


def moved(base: Resolution, unit: str, steps: int) -> Resolution:
    """`base`, a run of whole months, moved by whole units and kept at its precision."""
    months = steps * _MONTHS_PER_UNIT[unit]
    first, last = add_months(base.earliest.year, base.earliest.month, months), add_months(
        base.latest.year, base.latest.month, months)
    moved_timex = ""
    if base.precision in ("quarter", "year") and months % 12 == 0 and _NAMED_VALUE.fullmatch(base.timex):
        # A company's quarter or year a year back keeps its name: the fiscal first quarter ended in
        # September 1989 (1989-Q1) was a year earlier 1988-Q1, not the calendar's third quarter.
        moved_timex = f"{int(base.timex[:4]) + months // 12:04d}{base.timex[4:]}"
    return Resolution(date(*first, 1), month_end(*last), base.precision, timex=moved_timex)


def narrow(res: Resolution, third: int, mod: str) -> Resolution:
    """The first, middle or last third of `res` (see the package docstring), keeping its precision."""
    a, b = res.earliest, res.latest
    if a == b:
        return res
    if res.precision == "decade":
        first, last = ((0, 3), (4, 6), (7, 9))[third]
        return replace(res, earliest=date(a.year + first, 1, 1), latest=date(a.year + last, 12, 31), mod=mod)
    if (b - a).days == 6 and a.weekday() == 0:
        first, last = ((0, 2), (1, 4), (3, 6))[third]
        return replace(res, earliest=a + timedelta(first), latest=a + timedelta(last), mod=mod)
    months = (b.year - a.year) * 12 + b.month - a.month + 1
    whole_months = a.day == 1 and b == month_end(b.year, b.month)
    if whole_months and months % 3 == 0:
        size = months // 3
        start = add_months(a.year, a.month, third * size)
        end = add_months(*start, size - 1)
        return replace(res, earliest=date(*start, 1), latest=month_end(*end), mod=mod)
    if whole_months and months == 1:
        first, last = ((1, 10), (11, 20), (21, b.day))[third]
        return replace(res, earliest=a.replace(day=first), latest=a.replace(day=last), mod=mod)
    days = (b - a).days + 1
    cuts = (0, round(days / 3), round(2 * days / 3), days)
    return replace(res, earliest=a + timedelta(cuts[third]), latest=a + timedelta(cuts[third + 1] - 1), mod=mod)


def half(year: int, n: int) -> Resolution:
    first = 1 if n == 1 else 7
    return Resolution.span(date(year, first, 1), month_end(year, first + 5))


def weekend(saturday: date) -> Resolution:
    return Resolution.span(saturday, saturday + DAY, timex=timex.weekend(saturday))


def calendar_day(year: int, month: int, day: int) -> Resolution | None:
    """The day, or None where the year lacks it (February 29)."""
    return Resolution.day(date(year, month, day)) if day <= month_end(year, month).day else None


def easter(year: int) -> date:
    """Easter Sunday by the Gregorian computus (the anonymous algorithm of 1876)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 (the algorithm's own letters)
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _julian_to_gregorian(year: int, month: int, day: int) -> date:
    """A day of the Julian calendar (which the Orthodox churches keep) as the Gregorian calendar writes it:
    the two differ by the Gregorian leap days the Julian keeps (13 days from 1900 to 2099)."""
    gap = year // 100 - year // 400 - 2
    return date(year, month, day) + timedelta(days=gap)


def orthodox_easter(year: int) -> date:
    """Orthodox Easter Sunday: the Julian computus (Meeus), in the Gregorian calendar."""
    a, b, c = year % 4, year % 7, year % 19
    d = (19 * c + 15) % 30
    e = (2 * a + 4 * b - d + 34) % 7
    month, day = divmod(d + e + 114, 31)
    return _julian_to_gregorian(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> date:
    """The n-th `weekday` (0 = Monday) of a month; n = -1 for the last."""
    if n < 0:
        last = month_end(year, month)
        return last - timedelta((last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta((weekday - first.weekday()) % 7 + 7 * (n - 1))


# Holidays fixed by a rule of the Gregorian calendar: Easter's by the computus, the US federal ones by
# their weekday (Thanksgiving the fourth Thursday of November, Election Day the Tuesday after the first
# Monday of November).
_MOVABLE_HOLIDAYS = {
    "easter": lambda y: Resolution.day(easter(y)),
    # Chaharshanbe Suri: the evening before the last Wednesday before Nowruz (March 21), a Tuesday.
    "chaharshanbe-suri": lambda y: Resolution.day(date(y, 3, 20) - timedelta((date(y, 3, 20).weekday() - 2) % 7)
                                                  - DAY),
    "good-friday": lambda y: Resolution.day(easter(y) - 2 * DAY),
    "easter-monday": lambda y: Resolution.day(easter(y) + DAY),
    "pentecost": lambda y: Resolution.day(easter(y) + 49 * DAY),
    "whit-monday": lambda y: Resolution.day(easter(y) + 50 * DAY),
    # The ISO week that ends on Easter Sunday (Holy Week), as TimeML values "Easter week".
    "easter-week": lambda y: Resolution.week(easter(y)),
    "thanksgiving": lambda y: Resolution.day(nth_weekday(y, 11, 3, 4)),
    "thanksgiving-ca": lambda y: Resolution.day(nth_weekday(y, 10, 0, 2)),
    # The bank holidays of the UK (early May, spring, summer) and of Ireland (June, August, October), on
    # their Mondays; Melbourne Cup day, the first Tuesday of November.
    "bank-holiday-early-may": lambda y: Resolution.day(nth_weekday(y, 5, 0, 1)),
    "bank-holiday-spring": lambda y: Resolution.day(nth_weekday(y, 5, 0, -1)),
    "bank-holiday-summer": lambda y: Resolution.day(nth_weekday(y, 8, 0, -1)),
    "bank-holiday-june-ie": lambda y: Resolution.day(nth_weekday(y, 6, 0, 1)),
    "bank-holiday-august-ie": lambda y: Resolution.day(nth_weekday(y, 8, 0, 1)),
    "bank-holiday-october-ie": lambda y: Resolution.day(nth_weekday(y, 10, 0, -1)),
    "melbourne-cup": lambda y: Resolution.day(nth_weekday(y, 11, 1, 1)),
    "white-sunday": lambda y: Resolution.day(nth_weekday(y, 10, 6, 2)),
    "election-day": lambda y: Resolution.day(nth_weekday(y, 11, 0, 1) + DAY),
    "memorial-day": lambda y: Resolution.day(nth_weekday(y, 5, 0, -1)),
    "labor-day": lambda y: Resolution.day(nth_weekday(y, 9, 0, 1)),
    "mlk-day": lambda y: Resolution.day(nth_weekday(y, 1, 0, 3)),
    "presidents-day": lambda y: Resolution.day(nth_weekday(y, 2, 0, 3)),
    "columbus-day": lambda y: Resolution.day(nth_weekday(y, 10, 0, 2)),
    "mothers-day-us": lambda y: Resolution.day(nth_weekday(y, 5, 6, 2)),
    "fathers-day": lambda y: Resolution.day(nth_weekday(y, 6, 6, 3)),
    # Remembrance Sunday (UK): the second Sunday of November.
    "remembrance-sunday": lambda y: Resolution.day(nth_weekday(y, 11, 6, 2)),
    # The shopping days after Thanksgiving, and the days of Lent and Holy Week counted from Easter.
    "black-friday": lambda y: Resolution.day(nth_weekday(y, 11, 3, 4) + DAY),
    "cyber-monday": lambda y: Resolution.day(nth_weekday(y, 11, 3, 4) + 4 * DAY),
    "shrove-tuesday": lambda y: Resolution.day(easter(y) - 47 * DAY),
    "ash-wednesday": lambda y: Resolution.day(easter(y) - 46 * DAY),
    "palm-sunday": lambda y: Resolution.day(easter(y) - 7 * DAY),
    "maundy-thursday": lambda y: Resolution.day(easter(y) - 3 * DAY),
    "orthodox-easter": lambda y: Resolution.day(orthodox_easter(y)),
    # Egypt's spring feast, Sham el-Nessim: the Monday after the Coptic (Orthodox) Easter.
    "sham-el-nessim": lambda y: Resolution.day(orthodox_easter(y) + DAY),
    # Christmas by the Julian calendar: December 25 of the year before, January 7 from 1901 to 2099.
    "orthodox-christmas": lambda y: Resolution.day(_julian_to_gregorian(y - 1, 12, 25)),
    "orthodox-christmas-eve": lambda y: Resolution.day(_julian_to_gregorian(y - 1, 12, 24)),
}
# Islamic feasts as (Hijri month, day); a day of None is the whole month.
_HIJRI_HOLIDAYS = {
    "ramadan": (9, None), "eid-al-fitr": (10, 1), "eid-al-adha": (12, 10), "islamic-new-year": (1, 1),
    "ashura": (1, 10), "mawlid": (3, 12), "arafat-day": (12, 9), "arbaeen": (2, 20),
}
_YEARS_AROUND = 10
# Jewish feasts as (Hebrew month, day), Nisan numbered 1 as the Hebrew calendar counts its months (Adar of a
# leap year is its 13th month, Adar II). Simchat Torah is the 22nd of Tishrei, as in Israel.
_HEBREW_HOLIDAYS = {
    "passover": (1, 15), "passover-eve": (1, 14), "shavuot": (3, 6), "rosh-hashanah": (7, 1),
    "yom-kippur": (7, 10), "sukkot": (7, 15), "simchat-torah": (7, 22), "hanukkah": (9, 25), "purim": (12, 14),
    "jerusalem-day": (2, 28), "tisha-bav": (5, 9),
}
# Feasts of the Chinese calendar as (lunar month, day, days from it): New Year, its eve, the Lantern Festival,
# the Dragon Boat Festival, the Qixi festival, the Mid-Autumn Festival (Korea's Chuseok), the Double Ninth.
_LUNAR_HOLIDAYS = {"lunar-new-year": (1, 1, 0), "lunar-new-years-eve": (1, 1, -1), "lantern-festival": (1, 15, 0),
                   "dragon-boat-festival": (5, 5, 0), "qixi": (7, 7, 0), "mid-autumn-festival": (8, 15, 0),
                   "double-ninth": (9, 9, 0)}


def _lunar_day(year: int, month: int, day: int, shift_days: int) -> Resolution | None:
    """A day of the Chinese calendar's year that begins in Gregorian `year`, or None outside 1900-2099."""
    from lunardate import LunarDate

    try:
        return Resolution.day(LunarDate(year, month, day).to_solar_date() + timedelta(days=shift_days))
    except ValueError:
        return None


def _hebrew_day(year: int, month: int, day: int) -> Resolution:
    """A day of the Hebrew year that begins in the autumn of Gregorian `year` - 1 (Nisan to Elul fall in
    `year`), or of the one that begins in the autumn of `year` for Tishrei to Adar; Purim in a leap
    year is in Adar II."""
    from pyluach import dates, hebrewcal

    hebrew_year = year + 3760 + (month >= 7)
    if month == 12 and hebrewcal.Year(hebrew_year).leap:
        month = 13
    return Resolution.day(dates.HebrewDate(hebrew_year, month, day).to_pydate())


# A country's holiday (the "country:" codes of en.HOLIDAYS): "country:" and the name python-holidays gives
# it ("country:Diwali"), with the country ("country:Diwali:IN") when the name is one country's.
_COUNTRY = "country:"
# Days a country's table adds beside the holiday itself: not the day the name is for.
_NOT_THE_DAY = re.compile(r"(?i)\b(?:observed|alternative|substitute|estimated|holiday for|day off|bridge|eve)\b")


def country_holidays(name: str, country: str, around: date) -> list[Resolution]:
    """The days `country` (an ISO 3166 code) keeps a holiday called `name` (as python-holidays names it in
    English, matched by its words: "National Day" is Qatar's "Qatar National Day") in the year of `around`
    and the years either side, the first day of each year's, in order; [] where the library has no such
    holiday, no such country or not those years."""
    import warnings

    import holidays as library

    # The year around and the ones either side only: where the library's table stops (India's lunar
    # festivals before 2001), the nearest year it has is no answer for a story of 1999.
    years = range(around.year - 1, around.year + 2)
    wanted = re.compile(rf"(?i)(?<![\w'’]){re.escape(name)}(?![\w'’])")
    with warnings.catch_warnings():  # "available only from 2001 to 2035": the years outside have no day
        warnings.simplefilter("ignore")
        try:
            table = library.country_holidays(country, years=years, language="en_US")
        except NotImplementedError:  # a country the library has no table for
            return []
        except (ValueError, KeyError):  # a table with no English names
            table = library.country_holidays(country, years=years)
        found: dict[int, date] = {}
        for day, names in sorted(table.items()):
            if any(wanted.search(part) and not _NOT_THE_DAY.search(part) for part in names.split("; ")):
                found.setdefault(day.year, day)
    return [Resolution.day(day) for day in found.values()]


def holidays(code: str, around: date, country: str | None = None) -> list[Resolution]:
    """The occurrences of the holiday `code` within about ten years of `around`, in order; a holiday that
    differs by country is that of `country` (an ISO code), and has none without one."""
    if code.startswith(_COUNTRY):
        name, _, own = code[len(_COUNTRY):].partition(":")
        return country_holidays(name, own or country, around) if own or country else []
    years = range(around.year - _YEARS_AROUND, around.year + _YEARS_AROUND + 1)
    if code in _HEBREW_HOLIDAYS:
        return [_hebrew_day(year, *_HEBREW_HOLIDAYS[code]) for year in years]
    if code in _HIJRI_HOLIDAYS:
        return _hijri_holidays(*_HIJRI_HOLIDAYS[code], around)
    if code in _LUNAR_HOLIDAYS:
        return [found for year in years if (found := _lunar_day(year, *_LUNAR_HOLIDAYS[code])) is not None]
    if code == "quds-day":  # the last Friday of Ramadan
        return [Resolution.day(month.latest - timedelta((month.latest.weekday() - 4) % 7))
                for month in _hijri_holidays(*_HIJRI_HOLIDAYS["ramadan"], around)]
    if code == "eid":  # either feast: the lesser after Ramadan or the greater of the sacrifice
        both = _hijri_holidays(*_HIJRI_HOLIDAYS["eid-al-fitr"], around) + _hijri_holidays(
            *_HIJRI_HOLIDAYS["eid-al-adha"], around)
        return sorted(both, key=lambda found: found.earliest)
    make = _MOVABLE_HOLIDAYS.get(code) or (lambda y: calendar_day(y, *_FIXED_HOLIDAYS[code]))
    return [found for year in years if (found := make(year)) is not None]


def _hijri_holidays(month: int, day: int | None, around: date) -> list[Resolution]:
    """A Hijri date (or month) in the Hijri years around `around`; the Hijri year is eleven days
    shorter than the Gregorian, so a Gregorian year may hold two of them or none. A year whose month
    lacks the day (a 30th in a 29-day month) or that the tables do not cover is left out."""
    from hijridate import Gregorian

    try:
        middle = Gregorian(around.year, around.month, around.day).to_hijri().year
    except OverflowError:
        return []
    years = range(middle - _YEARS_AROUND, middle + _YEARS_AROUND + 1)
    return [found for year in years if (found := hijri_date(year, month, day)) is not None]


def hijri_days(month: int, day: int, around: date) -> list[Resolution]:
    """A day of a Hijri month in the Hijri years around `around`, in order (see _hijri_holidays)."""
    return _hijri_holidays(month, day, around)


def hijri_months(month: int, around: date) -> list[Resolution]:
    """A Hijri month, as the span of its days, in the Hijri years around `around`, in order."""
    return _hijri_holidays(month, None, around)


def hijri_date(year: int, month: int, day: int | None) -> Resolution | None:
    """A day of a Hijri year and month (Umm al-Qura), or with no day the month as the span of its days;
    None where the tables or the month lack it."""
    from hijridate import Hijri

    try:
        if day is not None:
            return Resolution.day(_gregorian(Hijri(year, month, day)))
        first = Hijri(year, month, 1)
        return Resolution.span(_gregorian(first), _gregorian(Hijri(year, month, first.month_length())))
    except (OverflowError, ValueError):
        return None


def _gregorian(hijri) -> date:
    g = hijri.to_gregorian()
    return date(g.year, g.month, g.day)
