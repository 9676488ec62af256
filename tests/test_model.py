"""Tests for timeline.model: frozen values, ids made from titles, lookups."""

import dataclasses
from datetime import date

import pytest

from timeline.dates import Resolution
from timeline.model import ID_PATTERN, Dataset, Event, Place, Source, slugify


def event(event_id, day="2024-12-06", **kw):
    return Event(id=event_id, when=Resolution.day(date.fromisoformat(day)), title=kw.pop("title", event_id), **kw)


@pytest.mark.parametrize(
    "title, slug",
    [
        ("SDF takes control of Deir ez-Zor", "sdf-takes-control-of-deir-ez-zor"),
        ("  Opposition forces capture Hama!  ", "opposition-forces-capture-hama"),
        ("Ärzte – 45,000 pardoned", "arzte-45-000-pardoned"),
        ("!!!", "event"),
        ("word " * 40, "-".join(["word"] * 12)),
    ],
)
def test_slugify(title, slug):
    """An id made from a title is lower-case words joined by hyphens, at most 60 characters, never empty."""
    made = slugify(title)
    assert made == slug
    assert ID_PATTERN.fullmatch(made) and len(made) <= 60


def test_new_id_never_collides():
    """new_id appends a counter until the id is free."""
    data = Dataset(events=(event("hama-falls"), event("hama-falls-2")))
    assert data.new_id("Hama falls") == "hama-falls-3"
    assert data.new_id("Homs falls") == "homs-falls"


def test_models_are_frozen():
    """Events, sources and datasets cannot be changed in place; a change makes a new value."""
    e = event("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        e.title = "b"
    assert dataclasses.replace(e, title="b").title == "b" and e.title == "a"


def test_lookups_and_ordering_key():
    """Dataset finds events and sources by id; an event sorts by its dates, then its id."""
    data = Dataset(sources=(Source("s1", "Outlet"),), events=(event("b"), event("a")))
    assert data.event("a").id == "a" and data.event("zz") is None
    assert data.source("s1").outlet == "Outlet" and data.source("s2") is None
    assert sorted(e.id for e in data.events) == [e.id for e in sorted(data.events, key=lambda e: e.sort_key)]


def test_place_spellings():
    """A place's spellings are its name followed by its aliases."""
    assert Place("Raqqa", ("Raqa",)).spellings == ("Raqqa", "Raqa")
