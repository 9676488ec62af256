"""A Markdown table that renders on GitHub: date, event, place and linked sources."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Event, Source
from . import Options
from .common import display_title, one_line, source_ids


def render(events: Sequence[Event], sources: Mapping[str, Source], options: Options = Options()) -> str:
    """A "# Timeline" heading and one table row per event, in the order given."""
    lines = ["# Timeline", "", "| Date | Event | Place | Sources |", "| --- | --- | --- | --- |"]
    for event in events:
        cells = (event.when.label, display_title(event), event.place, _links(event, sources))
        lines.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"


def _links(event: Event, sources: Mapping[str, Source]) -> str:
    return ", ".join(_link(source_id, sources.get(source_id)) for source_id in source_ids(event))


def _link(source_id: str, source: Source | None) -> str:
    if source is None or not source.url:
        return source_id
    return f"[{source.outlet}]({source.url})"


def _cell(text: str) -> str:
    """A table cell: a bare `|` would end the cell and a newline the row."""
    return one_line(text).replace("|", "\\|")
