"""A Mermaid `timeline` diagram: a section per year, one line per date with every event of that date."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import groupby

from ..model import Event, Source
from . import Options
from .common import display_title, one_line

# Mermaid reads ':' as the period/event separator, ';' as a statement end and '#' as the start of an
# entity code; its own entity codes stand in for them. '<', '>' and '&' too: the title is drawn as HTML,
# where they would show as entities or markup. One translate pass, so '#' is never re-escaped.
_MERMAID_SAFE = str.maketrans({":": "#58;", ";": "#59;", "#": "#35;", "<": "#lt;", ">": "#gt;", "&": "#amp;"})


def render(events: Sequence[Event], sources: Mapping[str, Source], options: Options = Options()) -> str:
    """The diagram source for `events`: a new section whenever the year of the first day changes, and
    the events of one date on one line, as Mermaid draws several events of one period."""
    lines = ["timeline", f"    title {_text(options.title)}"]
    year = None
    for label, same_date in groupby(events, key=lambda e: e.when.label):
        same_date = list(same_date)
        if same_date[0].when.earliest.year != year:
            year = same_date[0].when.earliest.year
            lines.append(f"    section {year}")
        titles = " : ".join(_text(display_title(e)) for e in same_date)
        lines.append(f"        {_text(label)} : {titles}")
    return "\n".join(lines) + "\n"


def _text(text: str) -> str:
    return one_line(text).translate(_MERMAID_SAFE)
