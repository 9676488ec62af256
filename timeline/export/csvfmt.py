"""CSV for spreadsheets and analysis: one event a row, bounds and precision in their own columns.

The date columns are those conflict-data users know: UCDP GED's `date_start`, `date_end` and `date_prec`
(1 the exact day; 2 a span of 2-6 days; 3 a week; 4 a span of 8-30 days or a month; 5 longer, up to a
year or more) and ACLED's `time_precision` (1 the day; 2 a span within about a week; 3 a month or
longer). Cells a spreadsheet would run as a formula are neutralised (OWASP, "CSV Injection"); a cell that
is a plain number ("-3.5") is left as it is.
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping, Sequence

from ..dates import Resolution
from ..model import Event, Source
from . import Options
from .common import quotes, source_ids

COLUMNS = (
    "id", "when", "date_start", "date_end", "date_prec", "time_precision", "precision", "approximate",
    "uncertain", "title", "place", "actors", "tags", "status", "origin", "sources", "quotes", "notes",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_NUMBER = re.compile(r"[+-]?(?:\d+(?:[.,]\d+)*|\.\d+)(?:[eE][+-]?\d+)?%?")


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
    """`cell` with a leading single quote when a spreadsheet would otherwise read it as a formula; a
    plain number, which a spreadsheet reads as the number it is, is left alone."""
    if cell.startswith(FORMULA_STARTS) and not _NUMBER.fullmatch(cell):
        return "'" + cell
    return cell


def date_prec(when: Resolution) -> int:
    """UCDP GED's code for how precisely the dates are known."""
    days = (when.latest - when.earliest).days + 1
    if days == 1:
        return 1
    if days <= 6:
        return 2
    if when.precision == "week":
        return 3
    return 4 if days <= 31 else 5


def time_precision(when: Resolution) -> int:
    """ACLED's code: 1 the day is known, 2 a span within about a week, 3 a month or longer."""
    days = (when.latest - when.earliest).days + 1
    return 1 if days == 1 else 2 if days <= 7 else 3


def _row(event: Event) -> tuple[str, ...]:
    when = event.when
    return (
        event.id, when.edtf, when.earliest.isoformat(), when.latest.isoformat(), str(date_prec(when)),
        str(time_precision(when)), when.precision, _yes(when.approximate), _yes(when.uncertain),
        event.title, event.place, "; ".join(event.actors), "; ".join(event.tags), event.status,
        event.origin, "; ".join(source_ids(event)), "; ".join(quotes(event)), event.notes,
    )


def _yes(flag: bool) -> str:
    return "true" if flag else "false"
