"""Choosing and ordering the events to show: the filters behind `timeline show` and `timeline export`."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .dates import parse_edtf
from .errors import InputError
from .model import Dataset, Event

# Only plain EDTF level 0 years, months and days make sense as one end of a date filter.
_BOUND = re.compile(r"\d{4}(?:-\d{2}(?:-\d{2})?)?")


@dataclass(frozen=True)
class Filter:
    """What to keep; a field left as None does not filter."""

    since: date | None = None
    until: date | None = None
    place: str | None = None
    actor: str | None = None
    tag: str | None = None
    source: str | None = None
    status: tuple[str, ...] = ("accepted", "candidate")
    grep: str | None = None


def parse_bound(text: str, end: bool) -> date:
    """The first day (or, with `end`, the last day) of "2024", "2024-12" or "2024-12-09"."""
    cleaned = text.strip()
    if _BOUND.fullmatch(cleaned):
        try:
            when = parse_edtf(cleaned)
        except ValueError:
            pass
        else:
            return when.latest if end else when.earliest
    raise InputError(f"not a date (expected YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")


def select(dataset: Dataset, flt: Filter = Filter()) -> list[Event]:
    """The events of `dataset` that pass every part of `flt`, in timeline order."""
    place_pattern = _place_pattern(dataset, flt.place) if flt.place else None
    kept = [e for e in dataset.events if _passes(e, flt, place_pattern)]
    return sorted(kept, key=lambda e: e.sort_key)


def _passes(event: Event, flt: Filter, place_pattern: re.Pattern[str] | None) -> bool:
    if event.status not in flt.status:
        return False
    if flt.since is not None and event.when.latest < flt.since:
        return False
    if flt.until is not None and event.when.earliest > flt.until:
        return False
    if place_pattern is not None and not place_pattern.search(event.place.casefold()):
        return False
    if flt.actor is not None and not _has(event.actors, flt.actor):
        return False
    if flt.tag is not None and not _has(event.tags, flt.tag):
        return False
    if flt.source is not None and all(c.source != flt.source for c in event.citations):
        return False
    return flt.grep is None or _mentions(event, flt.grep)


def _has(values: tuple[str, ...], wanted: str) -> bool:
    folded = wanted.casefold()
    return any(v.casefold() == folded for v in values)


def _mentions(event: Event, word: str) -> bool:
    folded = word.casefold()
    texts = (event.title, event.notes, event.place, *(c.quote for c in event.citations))
    return any(folded in t.casefold() for t in texts)


def _place_pattern(dataset: Dataset, wanted: str) -> re.Pattern[str]:
    """Matches a case-folded place named `wanted` or any other spelling of the same gazetteer entry.

    Matching whole words inside the event's place lets "Deir ez-Zor" find "Deir ez-Zor city" while
    "Raqqa" does not find a different place that merely starts with the same letters.
    """
    folded = wanted.strip().casefold()
    spellings = {folded}
    for place in dataset.places:
        if folded in (s.casefold() for s in place.spellings):
            spellings.update(s.casefold() for s in place.spellings)
    alternatives = "|".join(re.escape(s) for s in sorted(spellings))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")
