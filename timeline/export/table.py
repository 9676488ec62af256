"""The terminal table: date, title, place and source ids, one event a row. The home of tabulate."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from tabulate import tabulate

from ..model import Event, Source
from . import Options
from .common import display_title, source_ids

HEADERS = ("date", "title", "place", "sources")


def table(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> str:
    """Any rows as a plain-text table; the one place tabulate is called from."""
    # Without disable_numparse a year label such as "2024" would be read as a number and right-aligned.
    return tabulate(rows, headers=list(headers), tablefmt="simple", disable_numparse=True) + "\n"


def render(events: Sequence[Event], sources: Mapping[str, Source], options: Options = Options()) -> str:
    """A plain-text table of `events` in the order given."""
    return table(HEADERS, [(e.when.label, display_title(e), e.place, ", ".join(source_ids(e))) for e in events])
