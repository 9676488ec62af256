"""A stable JSON document of the events with their dates spelled out and their citations."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict

from ..model import Event, Source
from . import Options
from .common import json_document


def render(events: Sequence[Event], sources: Mapping[str, Source], options: Options = Options()) -> str:
    """`{"events": [...]}` in the order given, indented, non-ASCII kept as written."""
    return json_document({"events": [_event(e) for e in events]})


def _event(event: Event) -> dict:
    return {
        "id": event.id,
        "when": event.when.edtf,
        **event.when.to_dict(),
        "title": event.title,
        "place": event.place,
        "actors": list(event.actors),
        "tags": list(event.tags),
        "status": event.status,
        "origin": event.origin,
        "after": event.after,
        "citations": [asdict(c) for c in event.citations],
        "notes": event.notes,
    }
