"""What several export formats say the same way: an event's display title, sources, quotes, evidence, JSON."""

from __future__ import annotations

import json
from collections.abc import Mapping

from ..dates import Resolution
from ..model import Citation, Event, Source, url_fault


def json_document(document: dict) -> str:
    """The JSON text shared by the JSON formats: indented, non-ASCII kept as written, a final newline."""
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def display_title(event: Event) -> str:
    """The title, marked when the event is not accepted so a reader never takes it for settled."""
    if event.status == "accepted":
        return event.title
    return f"[{event.status}] {event.title}"


def source_ids(event: Event) -> list[str]:
    """The ids of the sources an event cites, each once, in citation order."""
    return list(dict.fromkeys(c.source for c in event.citations))


def quotes(event: Event) -> list[str]:
    """The non-empty quotes of an event's citations, in citation order."""
    return [c.quote for c in event.citations if c.quote]


def one_line(text: str) -> str:
    """`text` with its line breaks turned into spaces, for formats where a newline ends a record."""
    return " ".join(text.splitlines())


def evidence(event: Event, sources: Mapping[str, Source]) -> list[str]:
    """An event's notes and then each citation, one paragraph each, for a reader of its details."""
    notes = [event.notes] if event.notes else []
    return notes + [_citation_text(c, sources) for c in event.citations]


def _citation_text(citation: Citation, sources: Mapping[str, Source]) -> str:
    """Outlet, url and quote, falling back to the source id when the source is not known."""
    source = sources.get(citation.source)
    name = source.outlet if source else citation.source
    url = f" <{safe_url(source.url)}>" if source and safe_url(source.url) else ""
    quote = f': "{citation.quote}"' if citation.quote else ""
    return f"{name}{url}{quote}"


def safe_url(url: str) -> str:
    """`url` when it is an http(s) address with a host, else "": only those become links, so that a
    `javascript:` or `data:` address stays inert in every format. The store refuses such addresses;
    this holds for datasets made in code too."""
    url = url.strip()
    return url if url and url_fault(url) is None else ""


def date_words(when: Resolution) -> str:
    """The date label in words a screen reader says: "2022-04-19, uncertain", "2021-11-22..25, approximate"."""
    label = when.label.rstrip("~?")
    doubts = [word for word, flag in (("approximate", when.approximate), ("uncertain", when.uncertain)) if flag]
    return ", ".join([label, *doubts])
