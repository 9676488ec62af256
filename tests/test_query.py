"""Tests for timeline.query: each filter of select, timeline order, and parse_bound."""

from __future__ import annotations

from datetime import date

import pytest

from timeline.dates import Resolution
from timeline.errors import InputError
from timeline.model import Citation, Dataset, Event, Place
from timeline.query import Filter, parse_bound, select

EVENTS = (
    Event(
        id="sdf-takes-deir-ez-zor",
        when=Resolution.day(date(2024, 12, 6)),
        title="SDF takes control of Deir ez-Zor",
        place="Deir ez-Zor city",
        actors=("SDF", "Syrian government forces"),
        tags=("deir-ez-zor", "sdf"),
        citations=(Citation("newarab-2024-12-09", "last Friday", "The SDF took control of Deir az-Zour"),),
    ),
    Event(
        id="raqqa-settlement-opens",
        when=Resolution.span(date(2021, 11, 22), date(2021, 11, 26)),
        title="Settlement centre opens",
        place="Raqqa",
        actors=("Syrian government",),
        tags=("settlement",),
        citations=(Citation("enab-2021-11-27", "On November 22", "Hundreds queued at the stadium"),),
        notes="Figures from the governor's office",
    ),
    Event(
        id="amnesty-announced",
        when=Resolution.month(2024, 12),
        title="General amnesty announced",
        place="Damascus",
        actors=("HTS",),
        tags=("amnesty",),
        status="candidate",
        citations=(Citation("newarab-2024-12-09"), Citation("enab-2024-12-10")),
    ),
    Event(
        id="rumoured-withdrawal",
        when=Resolution.day(date(2024, 12, 1)),
        title="Rumoured withdrawal",
        place="Dayr az-Zawr",
        status="rejected",
    ),
)
PLACES = (Place("Deir ez-Zor", ("Deir Ezzor", "Dayr az-Zawr")), Place("Raqqa", ("Ar-Raqqah",)))
DATASET = Dataset(places=PLACES, events=EVENTS)
ALL_STATUSES = ("accepted", "candidate", "rejected")


def ids(flt: Filter) -> list[str]:
    return [e.id for e in select(DATASET, flt)]


def test_default_filter_keeps_accepted_and_candidates_in_order():
    """With no options, rejected events are left out and the rest come in timeline order."""
    assert ids(Filter()) == ["raqqa-settlement-opens", "amnesty-announced", "sdf-takes-deir-ez-zor"]


def test_status_filter_keeps_only_the_listed_statuses():
    """status keeps exactly the events whose status is listed."""
    assert ids(Filter(status=("rejected",))) == ["rumoured-withdrawal"]


@pytest.mark.parametrize(
    ("since", "until", "expected"),
    [
        (date(2024, 12, 6), None, ["amnesty-announced", "sdf-takes-deir-ez-zor"]),
        (date(2024, 12, 7), None, ["amnesty-announced"]),
        (None, date(2021, 11, 22), ["raqqa-settlement-opens"]),
        (None, date(2021, 11, 21), []),
        (date(2021, 11, 26), date(2024, 11, 30), ["raqqa-settlement-opens"]),
        (date(2024, 12, 31), date(2024, 12, 31), ["amnesty-announced"]),
    ],
)
def test_date_bounds_keep_events_overlapping_the_interval(since, until, expected):
    """since/until keep every event whose interval overlaps [since, until], touching ends included."""
    assert ids(Filter(since=since, until=until)) == expected


@pytest.mark.parametrize(
    ("place", "expected"),
    [
        ("raqqa", ["raqqa-settlement-opens"]),
        ("Ar-Raqqah", ["raqqa-settlement-opens"]),
        ("Deir ez-Zor", ["rumoured-withdrawal", "sdf-takes-deir-ez-zor"]),
        ("Deir Ezzor", ["rumoured-withdrawal", "sdf-takes-deir-ez-zor"]),
        ("dayr az-zawr", ["rumoured-withdrawal", "sdf-takes-deir-ez-zor"]),
        ("Aleppo", []),
        ("Raq", []),
    ],
)
def test_place_matches_any_spelling_from_the_gazetteer(place, expected):
    """place matches case-insensitively, through gazetteer aliases, and as whole words inside a place."""
    assert ids(Filter(place=place, status=ALL_STATUSES)) == expected


def test_place_without_gazetteer_entry_matches_its_own_spelling():
    """A place the gazetteer does not know still matches events placed under that name."""
    assert ids(Filter(place="DAMASCUS")) == ["amnesty-announced"]


@pytest.mark.parametrize(
    ("flt", "expected"),
    [
        (Filter(actor="sdf"), ["sdf-takes-deir-ez-zor"]),
        (Filter(actor="Syrian government"), ["raqqa-settlement-opens"]),
        (Filter(actor="Syrian"), []),
        (Filter(tag="SETTLEMENT"), ["raqqa-settlement-opens"]),
        (Filter(tag="settle"), []),
    ],
)
def test_actor_and_tag_need_an_exact_case_insensitive_member(flt, expected):
    """actor and tag keep events listing that exact name, ignoring case, never a part of one."""
    assert ids(flt) == expected


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("newarab-2024-12-09", ["amnesty-announced", "sdf-takes-deir-ez-zor"]),
        ("enab-2024-12-10", ["amnesty-announced"]),
        ("unknown-source", []),
    ],
)
def test_source_keeps_events_with_any_citation_from_it(source, expected):
    """source keeps the events that have at least one citation from that source id."""
    assert ids(Filter(source=source)) == expected


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("AMNESTY", ["amnesty-announced"]),
        ("governor's office", ["raqqa-settlement-opens"]),
        ("deir ez-zor city", ["sdf-takes-deir-ez-zor"]),
        ("hundreds queued", ["raqqa-settlement-opens"]),
        ("nothing like this", []),
    ],
)
def test_grep_searches_title_notes_place_and_quotes(word, expected):
    """grep is a case-insensitive substring search over title, notes, place and every quote."""
    assert ids(Filter(grep=word)) == expected


def test_filters_combine():
    """Several filters given together keep only events passing all of them."""
    assert ids(Filter(source="newarab-2024-12-09", tag="sdf", since=date(2024, 12, 1))) == [
        "sdf-takes-deir-ez-zor"
    ]


def test_month_sorts_before_the_days_inside_it_and_ties_go_by_id():
    """A month comes before the days within it; events with the same dates are ordered by id."""
    events = (
        Event("b-day", Resolution.day(date(2024, 12, 1)), "day one"),
        Event("z-month", Resolution.month(2024, 12), "the month"),
        Event("a-day", Resolution.day(date(2024, 12, 1)), "same day"),
        Event("c-late", Resolution.day(date(2024, 12, 31)), "last day"),
        Event("y-earlier", Resolution.day(date(2024, 11, 30)), "day before"),
    )
    ordered = select(Dataset(events=events))
    assert [e.id for e in ordered] == ["y-earlier", "z-month", "a-day", "b-day", "c-late"]


@pytest.mark.parametrize(
    ("text", "end", "expected"),
    [
        ("2024", False, date(2024, 1, 1)),
        ("2024", True, date(2024, 12, 31)),
        ("2024-02", False, date(2024, 2, 1)),
        ("2024-02", True, date(2024, 2, 29)),
        ("2024-12-09", False, date(2024, 12, 9)),
        ("2024-12-09", True, date(2024, 12, 9)),
        (" 2023-02 ", True, date(2023, 2, 28)),
    ],
)
def test_parse_bound_gives_first_or_last_day(text, end, expected):
    """parse_bound turns a year, month or day into its first day, or its last day with end=True."""
    assert parse_bound(text, end) == expected


@pytest.mark.parametrize("text", ["", "24", "2024-13", "2023-02-29", "Dec 2024", "2024-12-06~", "2024/2025"])
def test_parse_bound_rejects_anything_else_naming_it(text):
    """Text that is not a plain EDTF year, month or day raises InputError quoting the text."""
    with pytest.raises(InputError) as raised:
        parse_bound(text, end=False)
    assert repr(text) in str(raised.value)
