"""The terminal table: date, title, place and source ids, one event a row. The home of tabulate."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tabulate import tabulate

from ..model import Event, Source
from . import Options
from .common import display_title, one_line, source_ids

HEADERS = ("date", "title", "place", "sources")
_GAPS = 2 * (len(HEADERS) - 1)  # tabulate's "simple" format puts two spaces between columns
_NARROWEST_TITLE = 20


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Any rows as a plain-text table; the one place tabulate is called from."""
    # Without disable_numparse a year label such as "2024" would be read as a number and right-aligned.
    return tabulate(rows, headers=list(headers), tablefmt="simple", disable_numparse=True) + "\n"


def render(events: Sequence[Event], sources: Mapping[str, Source], options: Options = Options()) -> str:
    """A plain-text table of `events` in the order given; on a terminal (`options.width`) long titles are
    cut with "..." so that a row keeps to one line, unless `options.wide`."""
    rows = [[e.when.label, one_line(display_title(e)), one_line(e.place), ", ".join(source_ids(e))] for e in events]
    if options.width and not options.wide and rows:
        others = sum(max(len(h), *(len(r[i]) for r in rows)) for i, h in enumerate(HEADERS) if i != 1)
        room = max(options.width - others - _GAPS, _NARROWEST_TITLE)
        for row in rows:
            row[1] = cut(row[1], room)
    return table(HEADERS, rows)


def cut(text: str, width: int) -> str:
    """`text`, or as much of it as fits in `width` with "..." after it."""
    if len(text) <= width:
        return text
    return text[:width - 3].rstrip() + "..."
