"""Tests for timeline.dates: the Resolution value and its EDTF, TIMEX3 and display spellings."""

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from timeline.dates import Resolution, parse_edtf

D = date.fromisoformat


@pytest.mark.parametrize(
    "value, edtf, timex, label",
    [
        (Resolution.day(D("2024-12-06")), "2024-12-06", "2024-12-06", "2024-12-06"),
        (Resolution.month(2024, 2), "2024-02", "2024-02", "2024-02"),
        (Resolution.year(2024), "2024", "2024", "2024"),
        (Resolution.week(D("2024-12-11")), "2024-12-09/2024-12-15", "2024-W50", "2024-12-09..15"),
        (Resolution.week(D("2021-01-01")), "2020-12-28/2021-01-03", "2020-W53", "2020-12-28..2021-01-03"),
        (Resolution.quarter(2024, 4), "2024-10/2024-12", "2024-Q4", "2024-10..12"),
        (Resolution.season(2023, "WI"), "2023-12/2024-02", "2023-WI", "2023-12..2024-02"),
        (Resolution.season(2024, "SU"), "2024-06/2024-08", "2024-SU", "2024-06..08"),
        (Resolution.decade(1995), "1990/1999", "199", "1990..1999"),
        (Resolution.span(D("2021-11-22"), D("2021-11-26")), "2021-11-22/2021-11-26", "2021-W47", "2021-11-22..26"),
        (Resolution.span(D("2024-11-29"), D("2024-12-01")), "2024-11-29/2024-12-01", "2024-W48", "2024-11-29..12-01"),
        (Resolution.day(D("2024-12-06"), approximate=True), "2024-12-06~", "2024-12-06", "2024-12-06~"),
        (Resolution.month(2021, 10, approximate=True), "2021-10~", "2021-10", "2021-10~"),
        (Resolution.day(D("2022-04-19"), uncertain=True), "2022-04-19?", "2022-04-19", "2022-04-19?"),
        (Resolution.day(D("2022-04-19"), uncertain=True, approximate=True), "2022-04-19%", "2022-04-19", "2022-04-19~?"),
        (Resolution.span(D("2024-12-04"), D("2024-12-07"), approximate=True, timex="PAST_REF"),
         "2024-12-04~/2024-12-07~", "PAST_REF", "2024-12-04..07~"),
    ],
)
def test_spellings(value, edtf, timex, label):
    """Each calendar unit has its EDTF, TIMEX3 and display spelling, and never shows an invented day."""
    assert (value.edtf, value.timex, value.label) == (edtf, timex, label)


@pytest.mark.parametrize(
    "text, earliest, latest, precision",
    [
        ("2024-12-06", "2024-12-06", "2024-12-06", "day"),
        ("2024-02", "2024-02-01", "2024-02-29", "month"),
        ("2023-02", "2023-02-01", "2023-02-28", "month"),
        ("2024", "2024-01-01", "2024-12-31", "year"),
        ("2021-11-22/2021-11-26", "2021-11-22", "2021-11-26", "range"),
        ("2023-12/2024-02", "2023-12-01", "2024-02-29", "season"),
        ("2024-10/2024-12", "2024-10-01", "2024-12-31", "quarter"),
        ("2024-12-09/2024-12-15", "2024-12-09", "2024-12-15", "week"),
        ("1990/1999", "1990-01-01", "1999-12-31", "decade"),
        ("2024-11/2024-12", "2024-11-01", "2024-12-31", "range"),
        ("1991/2000", "1991-01-01", "2000-12-31", "range"),
        # An interval that is exactly one unit is that unit, as the store writes it back.
        ("2024-01-01/2024-12-31", "2024-01-01", "2024-12-31", "year"),
        ("2024-12-01/2024-12-31", "2024-12-01", "2024-12-31", "month"),
        ("2024-12-06/2024-12-06", "2024-12-06", "2024-12-06", "day"),
    ],
)
def test_parse_edtf_bounds(text, earliest, latest, precision):
    """EDTF values parse to inclusive day bounds with the precision they were written in."""
    value = parse_edtf(text)
    assert (value.earliest, value.latest, value.precision) == (D(earliest), D(latest), precision)


@pytest.mark.parametrize(
    "text, approximate, uncertain",
    [("2024-12-06~", True, False), ("2024-12-06?", False, True), ("2024-12%", True, True),
     ("2024-12-04~/2024-12-07~", True, False), ("2024-12-04/2024-12-07", False, False)],
)
def test_parse_edtf_qualifiers(text, approximate, uncertain):
    """`~` marks approximate, `?` uncertain and `%` both, on single values and interval ends."""
    value = parse_edtf(text)
    assert (value.approximate, value.uncertain) == (approximate, uncertain)


@pytest.mark.parametrize(
    "text",
    ["", "yesterday", "2024-13", "2024-02-30", "24-12-06", "2024-12-06/2024-12-01", "2024-12-06~~",
     "2024/", "/2024", "2024-1-6", 20241206, "٢٠٢٤-١٢-٠٦"],
)
def test_parse_edtf_rejects(text):
    """Text that is not an EDTF level 0 date (or an interval ending before it starts) is a ValueError."""
    with pytest.raises(ValueError):
        parse_edtf(text)


def test_invalid_values_are_refused():
    """A Resolution cannot end before it starts, nor carry an unknown precision or modifier."""
    with pytest.raises(ValueError):
        Resolution(D("2024-12-06"), D("2024-12-05"))
    with pytest.raises(ValueError):
        Resolution(D("2024-12-06"), D("2024-12-06"), "fortnight")
    with pytest.raises(ValueError):
        Resolution(D("2024-12-06"), D("2024-12-06"), mod="SOON")


def test_month_sorts_before_its_days():
    """Ordering: earlier first, and a month precedes the days inside it (the wider first)."""
    values = [Resolution.day(D("2024-12-01")), Resolution.day(D("2024-12-09")), Resolution.month(2024, 12),
              Resolution.day(D("2024-11-30"))]
    ordered = sorted(values, key=lambda r: r.sort_key)
    assert [r.edtf for r in ordered] == ["2024-11-30", "2024-12", "2024-12-01", "2024-12-09"]


def test_contains_and_overlaps():
    """Containment and overlap compare the day bounds, whatever the precision."""
    month, day = Resolution.month(2024, 12), Resolution.day(D("2024-12-06"))
    assert month.contains(day) and not day.contains(month)
    assert day.overlaps(month) and month.overlaps(day)
    assert not Resolution.month(2024, 11).overlaps(day)


def test_to_dict_is_json_ready():
    """to_dict gives the stable `--json` fields as plain strings and booleans."""
    value = Resolution.day(D("2024-12-06"), rule="last Friday")
    assert value.to_dict() == {
        "edtf": "2024-12-06", "timex": "2024-12-06", "earliest": "2024-12-06", "latest": "2024-12-06",
        "precision": "day", "mod": None, "approximate": False, "rule": "last Friday",
    }


days = st.dates(min_value=date(1000, 1, 1), max_value=date(2999, 12, 31))


@st.composite
def resolutions(draw):
    kind = draw(st.sampled_from(["day", "week", "month", "quarter", "season", "year", "decade", "span"]))
    d = draw(days)
    flags = {"approximate": draw(st.booleans()), "uncertain": draw(st.booleans())}
    if kind == "day":
        return Resolution.day(d, **flags)
    if kind == "week":
        return Resolution.week(d, **flags)
    if kind == "month":
        return Resolution.month(d.year, d.month, **flags)
    if kind == "quarter":
        return Resolution.quarter(d.year, (d.month - 1) // 3 + 1, **flags)
    if kind == "season":
        return Resolution.season(min(d.year, 2998), draw(st.sampled_from(["SP", "SU", "FA", "WI"])), **flags)
    if kind == "year":
        return Resolution.year(d.year, **flags)
    if kind == "decade":
        return Resolution.decade(d.year, **flags)
    other = draw(days)
    return Resolution.span(min(d, other), max(d, other), **flags)


@given(resolutions())
def test_edtf_round_trip_keeps_bounds(value):
    """Any Resolution written as EDTF reads back with the same bounds and qualifiers."""
    back = parse_edtf(value.edtf)
    assert (back.earliest, back.latest, back.approximate, back.uncertain) == (
        value.earliest, value.latest, value.approximate, value.uncertain)
    assert back.edtf == value.edtf
    if value.precision in ("week", "quarter", "season", "decade"):
        assert (back.precision, back.timex) == (value.precision, value.timex)
