"""Timesketch JSONL: one JSON object a line with `message`, `datetime` and `timestamp_desc`, the fields
Timesketch requires to import a timeline, and the event's own fields beside them."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence

from ..model import Event, Source
from . import Options
from .common import display_title, quotes, safe_url, source_ids


def render(events: Sequence[Event], sources: Mapping[str, Source], options: Options = Options()) -> str:
    """One line per event, in the order given; the datetime is the event's first day at midnight UTC."""
    return "".join(json.dumps(_line(e, sources), ensure_ascii=False) + "\n" for e in events)


def _line(event: Event, sources: Mapping[str, Source]) -> dict:
    when = event.when
    cited = source_ids(event)
    return {
        "message": display_title(event),
        "datetime": f"{when.earliest.isoformat()}T00:00:00+00:00",
        "timestamp_desc": "Event date (earliest)" if when.earliest != when.latest else "Event date",
        "event_id": event.id,
        "when": when.edtf,
        "earliest": when.earliest.isoformat(),
        "latest": when.latest.isoformat(),
        "precision": when.precision,
        "approximate": when.approximate,
        "uncertain": when.uncertain,
        "place": event.place,
        "actors": list(event.actors),
        "tags": list(event.tags),
        "status": event.status,
        "sources": cited,
        "source_urls": [u for i in cited if i in sources and (u := safe_url(sources[i].url))],
        "quotes": quotes(event),
        "notes": event.notes,
    }
