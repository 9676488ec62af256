"""iCalendar (RFC 5545): each event an all-day VEVENT, for calendar applications.

An approximate or uncertain date, or a candidate not yet reviewed, is STATUS:TENTATIVE with its mark
(`~`, `?`) in the summary; UIDs name the store, so two stores' events never replace each other in a
calendar that imports both.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import timedelta

from pathlib import Path

from ..model import Event, Source, slugify
from . import Options
from .common import display_title, evidence

LINE_OCTETS = 75


def render(events: Sequence[Event], sources: Mapping[str, Source], options: Options = Options()) -> str:
    """A VCALENDAR holding one VEVENT per event, in the order given, with CRLF line ends."""
    lines = [
        "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//timeline//timeline export//EN", "CALSCALE:GREGORIAN",
        f"X-WR-CALNAME:{escape(options.title)}",
    ]
    domain = slugify(Path(options.store).stem, 40) or "timeline"
    for event in events:
        lines.extend(_vevent(event, sources, domain))
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def _vevent(event: Event, sources: Mapping[str, Source], domain: str) -> list[str]:
    first, last = event.when.earliest, event.when.latest
    doubt = "~" if event.when.approximate else ""
    doubt += "?" if event.when.uncertain else ""
    lines = [
        "BEGIN:VEVENT",
        f"UID:{event.id}@{domain}.timeline",
        # RFC 5545 requires DTSTAMP (when the entry was created), but the library never reads the clock
        # so that an export is reproducible; the event's own first day is a stable stand-in.
        f"DTSTAMP:{first:%Y%m%d}T000000Z",
        f"DTSTART;VALUE=DATE:{first:%Y%m%d}",
        # An all-day DTEND is exclusive: the day after the last day.
        f"DTEND;VALUE=DATE:{last + timedelta(days=1):%Y%m%d}",
        f"SUMMARY:{escape(display_title(event) + (f' ({doubt})' if doubt else ''))}",
    ]
    if doubt or event.status != "accepted":
        lines.append("STATUS:TENTATIVE")
    if event.place:
        lines.append(f"LOCATION:{escape(event.place)}")
    description = "\n".join(evidence(event, sources))
    if description:
        lines.append(f"DESCRIPTION:{escape(description)}")
    lines.append("END:VEVENT")
    return lines


def escape(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon and comma escaped, line breaks written as \\n."""
    text = text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
    return "\\n".join(text.splitlines())


def fold(line: str) -> str:
    """`line` split into lines of at most 75 octets, each continuation starting with one space.

    Splits fall between characters, never inside a multi-byte UTF-8 sequence.
    """
    pieces, current, size = [], "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        if size + width > LINE_OCTETS:
            pieces.append(current)
            # The leading space of a continuation line counts towards its 75 octets.
            current, size = " ", 1
        current += char
        size += width
    pieces.append(current)
    return "\r\n".join(pieces)
