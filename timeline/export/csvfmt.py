"""CSV for spreadsheets and analysis: one event a row, bounds and precision in their own columns.

The columns follow ACLED's `time_precision` and UCDP's `date_start`/`date_end` so the file joins with
conflict data; cells a spreadsheet would run as a formula are neutralised (OWASP, "CSV Injection").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Mapping, Sequence

from ..model import Event, Source
from . import Options
from .common import quotes, source_ids

COLUMNS = (
    "id", "when", "earliest", "latest", "precision", "title", "place", "actors", "tags", "status",
    "origin", "sources", "quotes", "notes",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def render(events: Sequence[Event], sources: Mapping[str, Source], options: Options = Options()) -> str:
    """A header row and one row per event, in the order given."""
    out = io.StringIO()
    # Python before 3.12 leaves a field holding a lone carriage return unquoted, which splits the row
    # in every reader; quoting every field keeps such text intact on all supported versions.
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(COLUMNS)
    for event in events:
        writer.writerow(neutralise(cell) for cell in _row(event))
    return out.getvalue()


def neutralise(cell: str) -> str:
    """`cell` with a leading single quote when a spreadsheet would otherwise read it as a formula."""
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _row(event: Event) -> tuple[str, ...]:
    when = event.when
    return (
        event.id, when.edtf, when.earliest.isoformat(), when.latest.isoformat(), when.precision,
        event.title, event.place, "; ".join(event.actors), "; ".join(event.tags), event.status,
        event.origin, "; ".join(source_ids(event)), "; ".join(quotes(event)), event.notes,
    )
