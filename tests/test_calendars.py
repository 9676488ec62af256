"""Tests for timeline.resolve.calendars: movable and Islamic holidays, calendar arithmetic."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.resolve.calendars import easter, holidays, shift


@pytest.mark.parametrize("year, expected", [
    (1998, date(1998, 4, 12)), (2000, date(2000, 4, 23)), (2019, date(2019, 4, 21)),
    (2024, date(2024, 3, 31)), (2025, date(2025, 4, 20)), (2038, date(2038, 4, 25)),
])
def test_easter_by_the_gregorian_computus(year: int, expected: date) -> None:
    """Easter Sunday falls on the published dates, the earliest and latest possible included."""
    assert easter(year) == expected


def test_easter_is_always_a_sunday_between_march_22_and_april_25() -> None:
    """For four centuries of years the computus gives a Sunday within Easter's bounds."""
    for year in range(1900, 2300):
        day = easter(year)
        assert day.weekday() == 6 and date(year, 3, 22) <= day <= date(year, 4, 25)


@pytest.mark.parametrize("code, year, expected", [
    ("thanksgiving", 2024, date(2024, 11, 28)), ("thanksgiving", 1999, date(1999, 11, 25)),
    ("election-day", 2024, date(2024, 11, 5)), ("election-day", 1998, date(1998, 11, 3)),
    ("memorial-day", 2024, date(2024, 5, 27)), ("labor-day", 2024, date(2024, 9, 2)),
    ("good-friday", 2024, date(2024, 3, 29)), ("christmas", 2024, date(2024, 12, 25)),
])
def test_holidays_by_rule(code: str, year: int, expected: date) -> None:
    """US federal holidays by their weekday rule, Good Friday from Easter, fixed ones by date."""
    found = [r for r in holidays(code, date(year, 7, 1)) if r.earliest.year == year]
    assert [r.earliest for r in found] == [expected]


@pytest.mark.parametrize("code, year, expected", [
    ("passover", 2011, date(2011, 4, 19)), ("passover", 2022, date(2022, 4, 16)),
    ("passover-eve", 2022, date(2022, 4, 15)), ("yom-kippur", 1973, date(1973, 10, 6)),
    ("rosh-hashanah", 2023, date(2023, 9, 16)), ("simchat-torah", 2023, date(2023, 10, 7)),
    ("hanukkah", 2015, date(2015, 12, 7)), ("shavuot", 2023, date(2023, 5, 26)),
    # Purim is in Adar, in a leap year in Adar II.
    ("purim", 2023, date(2023, 3, 7)), ("purim", 2024, date(2024, 3, 24)),
    ("jerusalem-day", 2021, date(2021, 5, 10)),
])
def test_jewish_feasts_by_the_hebrew_calendar(code: str, year: int, expected: date) -> None:
    """Jewish feasts fall on their Hebrew date, one a Gregorian year: Passover on 15 Nisan, Yom Kippur on
    10 Tishrei, Simchat Torah on 22 Tishrei (as in Israel), Purim on 14 Adar (Adar II in a leap year)."""
    found = [r for r in holidays(code, date(year, 7, 1)) if r.earliest.year == year]
    assert [r.earliest for r in found] == [expected]


@pytest.mark.parametrize("code, around, first, last", [
    ("ramadan", date(2024, 6, 1), date(2024, 3, 11), date(2024, 4, 9)),
    ("eid-al-fitr", date(2023, 6, 1), date(2023, 4, 21), date(2023, 4, 21)),
    ("eid-al-adha", date(2024, 12, 9), date(2024, 6, 16), date(2024, 6, 16)),
])
def test_islamic_feasts_by_the_umm_al_qura_calendar(code: str, around: date, first: date, last: date) -> None:
    """Ramadan is its whole month, the Eids their first day, as the Umm al-Qura calendar dates them."""
    found = [r for r in holidays(code, around) if r.earliest == first]
    assert [(r.earliest, r.latest) for r in found] == [(first, last)]


def test_a_gregorian_year_may_hold_two_eids() -> None:
    """The Hijri year is eleven days shorter: Eid al-Fitr fell twice in 2000, and both are offered."""
    in_2000 = [r.earliest for r in holidays("eid-al-fitr", date(2000, 6, 1)) if r.earliest.year == 2000]
    assert in_2000 == [date(2000, 1, 8), date(2000, 12, 27)]


def test_feasts_outside_the_tables_are_left_out() -> None:
    """Around a date the Umm al-Qura tables do not cover, there is no feast to offer."""
    assert holidays("ramadan", date(1800, 1, 1)) == []


def test_shift_clamps_to_the_end_of_a_shorter_month() -> None:
    """A month after January 31 is the last day of February."""
    assert shift(date(2024, 1, 31), "month", 1) == date(2024, 2, 29)


@pytest.mark.parametrize("code, year, expected", [
    ("quds-day", 2018, date(2018, 6, 8)), ("quds-day", 2024, date(2024, 4, 5)),
    ("sham-el-nessim", 2017, date(2017, 4, 17)), ("sham-el-nessim", 2023, date(2023, 4, 17)),
])
def test_feasts_counted_from_another(code: str, year: int, expected: date) -> None:
    """Quds Day is the last Friday of Ramadan; Sham el-Nessim the Monday after the Orthodox Easter."""
    found = [r for r in holidays(code, date(year, 7, 1)) if r.earliest.year == year]
    assert [r.earliest for r in found] == [expected]
