"""A Mermaid `timeline` diagram: a section per year, one "date : title" line per event."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from ..model import Event, Source
from . import Options
from .common import display_title, one_line

# Mermaid reads ':' as the period/event separator, ';' as a statement end and '#' as the start of an
# entity code; its own entity codes stand in for them. One translate pass, so '#' is never re-escaped.
_MERMAID_SAFE = str.maketrans({":": "#58;", ";": "#59;", "#": "#35;"})


def render(events: Sequence[Event], sources: Mapping[str, Source], options: Options = Options()) -> str:
    """The diagram source for `events`, a new section whenever the year of the first day changes."""
    lines = ["timeline", "    title Timeline"]
    year = None
    for event in events:
        if event.when.earliest.year != year:
            year = event.when.earliest.year
            lines.append(f"    section {year}")
        lines.append(f"        {_text(event.when.label)} : {_text(display_title(event))}")
    return "\n".join(lines) + "\n"


def _text(text: str) -> str:
    return one_line(text).translate(_MERMAID_SAFE)
