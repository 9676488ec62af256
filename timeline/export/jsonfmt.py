"""A stable, versioned JSON document for scripts: the events with their dates spelled out and their
citations, and the sources they cite.

Schema version 1 (documented in the README): `{"version": 1, "title", "events": [...], "sources": [...]}`;
each event has `id`, `when` (EDTF), `edtf`, `timex`, `earliest`, `latest`, `precision`, `mod`,
`approximate`, `uncertain`, `rule`, `title`, `place`, `actors`, `tags`, `status`, `origin`, `after`,
`citations` (`source`, `said`, `quote`) and `notes`; each source `id`, `outlet`, `title`, `url`,
`published`, `published_from`, `language`, `copy`, `notes`. Fields are only ever added, never renamed or removed,
without a new version.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict

from ..model import Event, Source
from . import Options
from .common import json_document, source_ids

VERSION = 1


def render(events: Sequence[Event], sources: Mapping[str, Source], options: Options = Options()) -> str:
    """The document for `events` in the order given, with the sources they cite."""
    cited = list(dict.fromkeys(i for e in events for i in source_ids(e)))
    return json_document({
        "version": VERSION,
        "title": options.title,
        "events": [event_dict(e) for e in events],
        "sources": [source_dict(sources[i]) for i in cited if i in sources],
    })


def event_dict(event: Event) -> dict:
    """An event as the JSON documents carry it (`export --format json`, `review --json`)."""
    return {
        "id": event.id,
        "when": event.when.edtf,
        **event.when.to_dict(),
        "uncertain": event.when.uncertain,
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


def source_dict(source: Source) -> dict:
    """A source as the JSON documents carry it (`export --format json`, `sources --json`)."""
    return {
        "id": source.id, "outlet": source.outlet, "title": source.title, "url": source.url,
        "published": source.published.isoformat() if source.published else None,
        "published_from": source.published_from, "language": source.language, "copy": source.copy,
        "notes": source.notes,
    }
