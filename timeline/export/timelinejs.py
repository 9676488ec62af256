"""TimelineJS3 JSON, for the Knight Lab slider: dates only as fine as the source gave them."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from html import escape

from ..dates import Resolution, month_end
from ..model import Event, Source
from . import Options
from .common import display_title, evidence, json_document


def render(events: Sequence[Event], sources: Mapping[str, Source], options: Options = Options()) -> str:
    """`{"events": [...]}` in TimelineJS3's shape, in the order given."""
    return json_document({"events": [_slide(e, sources) for e in events]})


def _slide(event: Event, sources: Mapping[str, Source]) -> dict:
    unit = granularity(event.when)
    slide = {"start_date": date_parts(event.when.earliest, unit)}
    if not _single_unit(event.when, unit):
        slide["end_date"] = date_parts(event.when.latest, unit)
    slide["text"] = {
        "headline": escape(display_title(event)),
        "text": "".join(f"<p>{escape(p)}</p>" for p in evidence(event, sources)),
    }
    if event.place:
        slide["group"] = event.place
    slide["unique_id"] = event.id
    return slide


def granularity(when: Resolution) -> str:
    """"year", "month" or "day": the finest unit both bounds are given in, so no day is invented."""
    a, b = when.earliest, when.latest
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return "year"
    if a.day == 1 and b == month_end(b.year, b.month):
        return "month"
    return "day"


def date_parts(day: date, unit: str) -> dict[str, str]:
    """A TimelineJS date object; TimelineJS reads its numbers from strings."""
    parts = {"year": str(day.year)}
    if unit in ("month", "day"):
        parts["month"] = str(day.month)
    if unit == "day":
        parts["day"] = str(day.day)
    return parts


def _single_unit(when: Resolution, unit: str) -> bool:
    a, b = when.earliest, when.latest
    if unit == "year":
        return a.year == b.year
    if unit == "month":
        return (a.year, a.month) == (b.year, b.month)
    return a == b
