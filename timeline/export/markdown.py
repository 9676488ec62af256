"""A Markdown table that renders on GitHub: date, event, place and linked sources.

Every cell is text to GitHub's renderer, which also reads inline HTML and Markdown: both are escaped, so
a title holding `<script>` or `*word*` shows as written, and only http(s) addresses become links.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from ..model import Event, Source
from . import Options
from .common import display_title, one_line, safe_url, source_ids

# What GitHub Flavored Markdown would read as markup inside a table cell: emphasis, code, links and
# images, strikethrough, autolinks and raw HTML (entities too), and the cell separator.
_MARKUP = re.compile(r"([\\`*_\[\]{}()#+!|~])")
_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})
# Characters that would end or break a link destination.
_URL_UNSAFE = str.maketrans({"(": "%28", ")": "%29", " ": "%20", "<": "%3C", ">": "%3E"})


def render(events: Sequence[Event], sources: Mapping[str, Source], options: Options = Options()) -> str:
    """A heading with the timeline's title and one table row per event, in the order given."""
    lines = [f"# {text(options.title)}", "", "| Date | Event | Place | Sources |", "| --- | --- | --- | --- |"]
    for event in events:
        cells = (text(event.when.label), text(display_title(event)), text(event.place), _links(event, sources))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def text(value: str) -> str:
    """`value` as literal text in a table cell: one line, HTML and Markdown markup escaped."""
    return _MARKUP.sub(r"\\\1", one_line(value).translate(_HTML))


def _links(event: Event, sources: Mapping[str, Source]) -> str:
    return ", ".join(_link(source_id, sources.get(source_id)) for source_id in source_ids(event))


def _link(source_id: str, source: Source | None) -> str:
    url = safe_url(source.url) if source is not None else ""
    if not url:
        return text(source_id)
    return f"[{text(source.outlet)}]({url.translate(_URL_UNSAFE)})"
