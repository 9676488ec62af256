"""TimelineJS3 JSON, for the Knight Lab slider: dates only as fine as the source gave them.

Slide text is HTML that TimelineJS shows as it is: every value is escaped, and each source is an
`<a href>` to its http(s) address (a bare address would be cut by TimelineJS's own link finder at the
first `&gt;` or `(`). The display date carries `~`, `?` and ranges as the store gives them. Slides are
grouped (one row per group) only when asked: every group narrows the slide.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from html import escape

from ..dates import Resolution, month_end
from ..model import Event, Source
from . import Options
from .common import display_title, json_document, safe_url


def render(events: Sequence[Event], sources: Mapping[str, Source], options: Options = Options()) -> str:
    """`{"title": ..., "events": [...]}` in TimelineJS3's shape, in the order given."""
    return json_document({
        "title": {"text": {"headline": escape(options.title),
                           "text": f"<p>{len(events)} event{'s' if len(events) != 1 else ''}</p>"}},
        "events": [_slide(e, sources, options) for e in events],
    })


def _slide(event: Event, sources: Mapping[str, Source], options: Options) -> dict:
    unit = granularity(event.when)
    slide = {"start_date": date_parts(event.when.earliest, unit)}
    if not _single_unit(event.when, unit):
        slide["end_date"] = date_parts(event.when.latest, unit)
    slide["display_date"] = event.when.label
    slide["text"] = {"headline": escape(display_title(event)), "text": _text(event, sources)}
    if options.group == "place" and event.place:
        # TimelineJS strips markup from a group name by decoding it, then writes the result as HTML in
        # the row label: escaped twice, the place comes out as text.
        slide["group"] = escape(escape(event.place))
    slide["unique_id"] = event.id
    return slide


def _text(event: Event, sources: Mapping[str, Source]) -> str:
    """The notes and each citation as paragraphs: the outlet linked to its address, then the quote."""
    paragraphs = [escape(event.notes)] if event.notes else []
    for citation in event.citations:
        source = sources.get(citation.source)
        name = escape(source.outlet if source else citation.source)
        url = safe_url(source.url) if source else ""
        link = f'<a href="{escape(url, quote=True)}" target="_blank" rel="noopener">{name}</a>' if url else name
        quote = f": “{escape(citation.quote)}”" if citation.quote else ""
        paragraphs.append(link + quote)
    return "".join(f"<p>{p}</p>" for p in paragraphs)


def granularity(when: Resolution) -> str:
    """"year", "month" or "day": the finest unit both bounds are given in, so no day is invented."""
    a, b = when.earliest, when.latest
    if (a.month, a.day, b.month, b.day) == (1, 1, 12, 31):
        return "year"
    if a.day == 1 and b == month_end(b.year, b.month):
        return "month"
    return "day"


def date_parts(day: date, unit: str) -> dict[str, str]:
    """A TimelineJS date object; TimelineJS reads its numbers from strings."""
    parts = {"year": str(day.year)}
    if unit in ("month", "day"):
        parts["month"] = str(day.month)
    if unit == "day":
        parts["day"] = str(day.day)
    return parts


def _single_unit(when: Resolution, unit: str) -> bool:
    a, b = when.earliest, when.latest
    if unit == "year":
        return a.year == b.year
    if unit == "month":
        return (a.year, a.month) == (b.year, b.month)
    return a == b
