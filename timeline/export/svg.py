"""A static SVG picture of the timeline: a time axis broken at long quiet stretches, one row per date.

The picture is meant for documents and READMEs, so it is inert: no script, no style sheet or font from
elsewhere, every text escaped, links only to http(s) addresses. The axis is proportional within each
stretch of activity; an empty stretch longer than about six months is cut out and drawn as a break, so
that events years apart still share one page. Each row holds one date (same-day events share a row and
one mark), in date order, with its label beside the mark, so no two labels can ever overlap.

Text widths are estimated from DejaVu Sans, the widest of the common sans-serif fonts, so a label cut to
fit here fits in whichever font the reader's viewer picks from the generic stack.
"""

from __future__ import annotations

import math
import unicodedata
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from xml.sax.saxutils import escape, quoteattr

from ..dates import Resolution, add_months
from ..model import Event, Source
from . import Options
from .common import date_words, display_title, safe_url

WIDTH = 960
MARGIN = 16  # between the picture's edge and any text
PLOT_LEFT, PLOT_RIGHT = 40, WIDTH - 40  # where the time axis runs
BREAK_WIDTH = 48  # the room a cut-out stretch takes on the axis
QUIET_DAYS = 183  # an empty stretch longer than this (about six months) is cut out of the axis
MOST_BREAKS = 6
LINE = 19  # the distance between two lines of a row's label
ROW_GAP = 6
LEADER = 14  # from a mark to its label
DATE_GAP = 7  # between a label's date and its title
FONT = ("-apple-system, BlinkMacSystemFont, 'Segoe UI', 'Noto Sans', Helvetica, Arial, 'Liberation Sans', "
        "'DejaVu Sans', sans-serif")
LABEL_SIZE = 12.5
TICK_SIZE = 11

INK, MUTED, FAINT, ACCENT, PALE = "#1f2328", "#59636e", "#d1d9e0", "#0969da", "#ddf4ff"

# Advance widths of DejaVu Sans for the printable ASCII characters, in thousandths of an em.
_ASCII_WIDTHS = (
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632, 575, 775,
    752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685, 611, 685, 390,
    337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612,
    635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
)
_BOLD = 1.13  # DejaVu Sans Bold is about this much wider than the regular weight
_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def render(events: Sequence[Event], sources: Mapping[str, Source], options: Options = Options()) -> str:
    """The SVG document for `events`, drawn in date order whatever order they come in."""
    rows = _rows(events)
    segments = _segments(rows)
    canvas = _Canvas()
    y = _header(canvas, options.title, rows, segments)
    if not rows:
        canvas.text(MARGIN, y + 24, "No events.", size=LABEL_SIZE, fill=MUTED)
        return canvas.document(options.title, "An empty timeline: no events.", y + 48)
    top_axis = y + 52
    rows_top = top_axis + (26 if len(segments) > 1 else 12)
    placed = [_place(row, _segment_of(segments, row.when)) for row in rows]
    heights = [p.height for p in placed]
    rows_bottom = rows_top + sum(heights)
    bottom_axis = rows_bottom + 8
    row_top = rows_top
    for index, height in enumerate(heights):
        if index % 2:
            canvas.add(f'<rect x="0" y="{_n(row_top)}" width="{WIDTH}" height="{_n(height)}" fill="#f6f8fa"/>')
        row_top += height
    _breaks(canvas, segments, top_axis, bottom_axis)
    _axis(canvas, segments, top_axis, rows_top, rows_bottom, above=True)
    _axis(canvas, segments, bottom_axis, rows_top, rows_bottom, above=False)
    row_top = rows_top
    for place in placed:
        _row(canvas, place, row_top, sources)
        row_top += place.height
    return canvas.document(options.title, _description(rows, segments), bottom_axis + 44)


# -- what is drawn -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Row:
    """The events of one date: the same first and last day and the same doubts, so one mark fits all."""

    when: Resolution
    events: tuple[Event, ...]


def _rows(events: Sequence[Event]) -> list[_Row]:
    grouped: dict[tuple, list[Event]] = {}
    for event in sorted(events, key=lambda e: e.sort_key):
        w = event.when
        grouped.setdefault((w.earliest, w.latest, w.approximate, w.uncertain), []).append(event)
    return [_Row(group[0].when, tuple(group)) for group in grouped.values()]


@dataclass(frozen=True)
class _Segment:
    """One stretch of activity on the axis: the days `start` to `end` (exclusive), from x0 to x1; its
    events fill `first` to `last` (inclusive), the rest is a margin."""

    start: date
    end: date
    x0: float
    x1: float
    first: date
    last: date

    @property
    def scale(self) -> float:
        """Pixels per day, the same for every day of the stretch."""
        return (self.x1 - self.x0) / (self.end - self.start).days

    def x(self, day: date) -> float:
        """Where `day` begins on the axis."""
        return self.x0 + (day - self.start).days * self.scale


def _segments(rows: Sequence[_Row]) -> list[_Segment]:
    """The stretches of activity, each padded a little, sharing the axis's width.

    The quiet stretches longer than QUIET_DAYS are cut out, the longest MOST_BREAKS of them when there are
    more, so that scattered events do not shred the axis. Within a stretch the scale is one; between
    stretches it differs, each taking room in proportion to the square root of its length, so a busy
    fortnight is not crushed beside a quiet half-year.
    """
    spans: list[list[date]] = []  # [first day, day after the last] of each run of touching dates
    for row in sorted(rows, key=lambda r: r.when.earliest):
        start, end = row.when.earliest, row.when.latest + timedelta(days=1)
        if spans and start <= spans[-1][1]:
            spans[-1][1] = max(spans[-1][1], end)
        else:
            spans.append([start, end])
    quiet = [(spans[i + 1][0] - spans[i][1]).days for i in range(len(spans) - 1)]
    longest = sorted(range(len(quiet)), key=lambda i: (-quiet[i], i))[:MOST_BREAKS]
    cuts = {i for i in longest if quiet[i] > QUIET_DAYS}
    merged: list[list[date]] = []
    for i, (start, end) in enumerate(spans):
        if merged and i - 1 not in cuts:
            merged[-1][1] = end
        else:
            merged.append([start, end])
    pads = [timedelta(days=max(2, round((end - start).days * 0.04))) for start, end in merged]
    room = PLOT_RIGHT - PLOT_LEFT - BREAK_WIDTH * (len(merged) - 1)
    weights = [math.sqrt((end - start + 2 * pad).days) for (start, end), pad in zip(merged, pads)]
    segments, x = [], float(PLOT_LEFT)
    for (start, end), pad, weight in zip(merged, pads, weights):
        width = room * weight / sum(weights)
        segments.append(_Segment(start - pad, end + pad, x, x + width, start, end - timedelta(days=1)))
        x += width + BREAK_WIDTH
    return segments


def _segment_of(segments: Sequence[_Segment], when: Resolution) -> _Segment:
    return next(s for s in segments if s.start <= when.earliest < s.end)


# -- header, axis and breaks ---------------------------------------------------------------------------


def _header(canvas: _Canvas, title: str, rows: Sequence[_Row], segments: Sequence[_Segment]) -> float:
    """The title, a line saying what is shown, and the legend; returns where the legend ends."""
    room = WIDTH - 2 * MARGIN
    canvas.text(MARGIN, 34, fit(_clean(title), room, 20, bold=True), size=20, weight="600")
    count = sum(len(row.events) for row in rows)
    summary = f"{count} event{'s' if count != 1 else ''}"
    if rows:
        first, last = rows[0].when.label, max(r.when.latest for r in rows).isoformat()
        summary += f", {first}" if first == last else f", {first} to {last}"
    if len(segments) > 1:
        summary += "; the axis is cut where nothing happened for more than six months"
    canvas.text(MARGIN, 56, fit(summary, room, 12.5), size=12.5, fill=MUTED)
    _legend(canvas, 80, rows, len(segments) > 1)
    return 80


def _legend(canvas: _Canvas, y: float, rows: Sequence[_Row], breaks: bool) -> None:
    """A key to the marks this picture uses, and only those."""
    singles = [row.when for row in rows if len(row.events) == 1]
    present = {
        "day": any(w.earliest == w.latest for w in singles),
        "range": any(w.earliest != w.latest for w in singles),
        "approximate": any(row.when.approximate for row in rows),
        "uncertain": any(row.when.uncertain for row in rows),
        "group": any(len(row.events) > 1 for row in rows),
        "break": breaks,
    }
    words = {
        "day": "a day", "range": "a range of days", "approximate": "approximate (~)", "uncertain": "uncertain (?)",
        "group": "events of one date", "break": "quiet stretch cut out",
    }
    canvas.add('<g class="legend">')
    x = float(MARGIN)
    for kind in (kind for kind, shown in present.items() if shown):
        if kind == "range":
            canvas.add(f'<rect x="{_n(x)}" y="{_n(y - 5)}" width="26" height="10" fill="{ACCENT}"/>')
            tx = x + 32
        else:
            if kind == "group":
                _badge(canvas, x + 8, y, max(len(row.events) for row in rows), hollow=False)
            elif kind == "break":
                _zigzag(canvas, x + 8, y)
            else:
                canvas.add(_circle(x + 8, y, 5.5, approximate=kind == "approximate", uncertain=kind == "uncertain"))
            tx = x + 22
        canvas.text(tx, y + 4, words[kind], size=11.5, fill=MUTED)
        x = tx + text_width(words[kind], 11.5) + 22
    canvas.add("</g>")


def _breaks(canvas: _Canvas, segments: Sequence[_Segment], top: float, bottom: float) -> None:
    """A shaded band where a quiet stretch is cut out, zigzags on both axes, and how long it was."""
    for before, after in zip(segments, segments[1:]):
        x0, x1 = before.x1 + 6, after.x0 - 6
        middle = (x0 + x1) / 2
        canvas.add(
            f'<rect class="break" x="{_n(x0)}" y="{_n(top)}" width="{_n(x1 - x0)}" height="{_n(bottom - top)}" '
            f'fill="#eef1f4" fill-opacity="0.7"/>'
        )
        _zigzag(canvas, middle, top)
        _zigzag(canvas, middle, bottom)
        quiet = _duration(before.last, after.first)
        canvas.text(middle, top + 16, quiet, size=10, fill=MUTED, anchor="middle", halo=True)


def _zigzag(canvas: _Canvas, x: float, y: float) -> None:
    points = f"{_n(x - 6)},{_n(y + 6)} {_n(x - 2)},{_n(y - 6)} {_n(x + 2)},{_n(y + 6)} {_n(x + 6)},{_n(y - 6)}"
    canvas.add(f'<polyline class="break-mark" points="{points}" fill="none" stroke="{MUTED}" stroke-width="1.5"/>')


def _axis(canvas: _Canvas, segments: Sequence[_Segment], y: float, grid_top: float, grid_bottom: float,
          above: bool) -> None:
    """An axis line per stretch with its ticks; the top one also draws the faint grid through the rows.

    A label that would run into the one before it, across a break too, is left out; its tick stays.
    """
    sign = -1 if above else 1
    tick_end = context_end = -math.inf
    for segment in segments:
        canvas.add(f'<line class="axis" x1="{_n(segment.x0)}" y1="{_n(y)}" x2="{_n(segment.x1)}" y2="{_n(y)}" '
                   f'stroke="{MUTED}" stroke-width="1"/>')
        ticks, context = _ticks(segment)
        for x, label, anchor in ticks:
            if above:
                canvas.add(f'<line class="grid" x1="{_n(x)}" y1="{_n(grid_top)}" x2="{_n(x)}" y2="{_n(grid_bottom)}" '
                           f'stroke="#eef1f4" stroke-width="1"/>')
            canvas.add(f'<line x1="{_n(x)}" y1="{_n(y)}" x2="{_n(x)}" y2="{_n(y + sign * 4)}" stroke="{MUTED}"/>')
            width = text_width(label, TICK_SIZE)
            tx = x + 3 if anchor == "start" else x
            left = tx if anchor == "start" else tx - width / 2
            if left >= tick_end + 6:
                canvas.text(tx, y - 7 if above else y + 15, label, size=TICK_SIZE, fill=MUTED, anchor=anchor)
                tick_end = left + width
        for x, label in context:
            if x >= context_end + 10:
                canvas.text(x, y - 22 if above else y + 30, label, size=TICK_SIZE, weight="600", fill=INK)
                context_end = x + text_width(label, TICK_SIZE, bold=True)


def _ticks(segment: _Segment) -> tuple[list[tuple[float, str, str]], list[tuple[float, str]]]:
    """The ticks of the finest unit whose labels do not collide, and the labels that name their context:
    the month and year above day numbers, the year above month names."""
    for unit, step in (("day", 1), ("day", 2), ("day", 5), ("day", 10), ("month", 1), ("month", 2),
                       ("month", 3), ("month", 6), ("year", 1), ("year", 2), ("year", 5), ("year", 10),
                       ("year", 50), ("year", 100)):
        days = list(_tick_days(segment, unit, step))
        if not days:
            continue
        if unit == "day":
            ticks = [(segment.x(d) + segment.scale / 2, str(d.day), "middle") for d in days]
        elif unit == "month":
            ticks = [(segment.x(d), _MONTHS[d.month - 1], "start") for d in days]
        else:
            ticks = [(segment.x(d), f"{d.year:04d}", "start") for d in days]
        widths = [text_width(label, TICK_SIZE) for _, label, _ in ticks]
        gaps = [b[0] - a[0] for a, b in zip(ticks, ticks[1:])]
        if all(gap >= max(width + 8, 40) for gap, width in zip(gaps, widths)) and ticks[-1][0] + (
                widths[-1] / 2 if unit == "day" else widths[-1]) <= segment.x1 + 16:
            return ticks, _context(segment, unit)
    return [], _context(segment, "year")


def _tick_days(segment: _Segment, unit: str, step: int) -> Iterator[date]:
    day = segment.start
    while day < segment.end:
        if unit == "day":
            if (day.day - 1) % step == 0 and not (step > 1 and day.day == 31):
                yield day
            day += timedelta(days=1)
            continue
        if day.day == 1 and (unit == "month" and (day.month - 1) % step == 0
                             or unit == "year" and day.month == 1 and day.year % step == 0):
            yield day
        year, month = add_months(day.year, day.month, 1)
        day = date(year, month, 1)


def _context(segment: _Segment, unit: str) -> list[tuple[float, str]]:
    """Month and year for day ticks, the year for month ticks: at the stretch's start and where it changes,
    skipping one that would run into the one before."""
    if unit == "year":
        return []
    labels: list[tuple[float, str]] = []
    first = segment.start
    marks = [(segment.x0, first)]
    for day in _tick_days(segment, "month" if unit == "day" else "year", 1):
        if day != first:
            marks.append((segment.x(day), day))
    for x, day in marks:
        text = f"{_MONTHS[day.month - 1]} {day.year:04d}" if unit == "day" else f"{day.year:04d}"
        if labels and x < labels[-1][0] + text_width(labels[-1][1], TICK_SIZE, bold=True) + 10:
            if len(labels) == 1 and labels[0][0] == segment.x0:
                labels[0] = (x, text)  # the stretch's own start gives way to the change it runs into
            continue
        labels.append((x, text))
    return labels


# -- rows ----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Placed:
    """A row laid out: its mark's reach on the axis, the side its label takes and each title's lines."""

    row: _Row
    segment: _Segment
    left: float
    right: float
    on_right: bool
    date_text: str
    lines: tuple[tuple[str, ...], ...]  # per event, one or two lines

    @property
    def height(self) -> float:
        return sum(len(lines) for lines in self.lines) * LINE + ROW_GAP


def _place(row: _Row, segment: _Segment) -> _Placed:
    """Put the label where its titles need the fewest lines, the right side when both sides do as well.

    On the right every title starts in one column after the date; on the left every line ends beside the
    mark and only the first carries the date.
    """
    when, group = row.when, len(row.events) > 1
    if when.earliest == when.latest:
        cx = segment.x(when.earliest) + segment.scale / 2
        half = 9 if group else 6.5
        left, right = cx - half, cx + half
    else:
        left, right = segment.x(when.earliest) - 1, segment.x(when.latest + timedelta(days=1)) + 1
        right += 20 if group else 0  # the count's disc sits after the bar
    date_text = when.label
    date_width = _date_width(date_text)
    titles = [_clean(display_title(e)) for e in row.events]
    room_right = WIDTH - MARGIN - (right + LEADER) - date_width
    room_left = left - LEADER - MARGIN
    on_right = tuple(_wrap(t, room_right, room_right) for t in titles)
    on_left = tuple(_wrap(t, room_left - (date_width if n == 0 else 0), room_left) for n, t in enumerate(titles))

    def cost(side: tuple[tuple[str, ...], ...]) -> tuple[int, int]:
        return sum(len(lines) for lines in side), sum(lines[-1].endswith("\u2026") for lines in side)

    right_side = cost(on_right) <= cost(on_left)
    return _Placed(row, segment, left, right, right_side, date_text, on_right if right_side else on_left)


def _date_width(label: str) -> float:
    """The date with the gap after it, set by `dx` rather than a space some renderers shrink or drop."""
    return text_width(label, LABEL_SIZE) + DATE_GAP


def _wrap(text: str, first_room: float, room: float) -> tuple[str, ...]:
    """`text` on one line, or on two broken between words where the longer line is shortest; what still
    does not fit on the second is cut with "…"."""
    if text_width(text, LABEL_SIZE) <= first_room:
        return (text,)
    words = text.split()
    best: tuple[float, int] | None = None
    for n in range(1, len(words)):
        first, rest = text_width(" ".join(words[:n]), LABEL_SIZE), text_width(" ".join(words[n:]), LABEL_SIZE)
        if first > first_room:
            break
        if rest <= room and (best is None or max(first, rest) < best[0]):
            best = (max(first, rest), n)
    if best is None:  # even the fullest first line leaves too much: fill it and cut the second
        n = 1
        while n < len(words) and text_width(" ".join(words[: n + 1]), LABEL_SIZE) <= first_room:
            n += 1
        if len(words) == 1 or text_width(words[0], LABEL_SIZE) > first_room:
            return (fit(text, first_room, LABEL_SIZE),)
        best = (0.0, n)
    n = best[1]
    return " ".join(words[:n]), fit(" ".join(words[n:]), room, LABEL_SIZE)


def _row(canvas: _Canvas, placed: _Placed, top: float, sources: Mapping[str, Source]) -> None:
    """One date: its mark on the axis, a dotted leader and the label on the side chosen for it."""
    row, segment, when = placed.row, placed.segment, placed.row.when
    y = top + ROW_GAP / 2 + LINE / 2
    group = len(row.events) > 1
    canvas.add('<g class="row">')
    canvas.add(f"<title>{_escape(_row_words(row))}</title>")
    doubt = {"approximate": when.approximate, "uncertain": when.uncertain}
    classes = " ".join(["mark", "day" if when.earliest == when.latest else "range"]
                       + [word for word, flag in doubt.items() if flag] + (["group"] if group else []))
    if when.earliest == when.latest:
        cx = segment.x(when.earliest) + segment.scale / 2
        if group:
            canvas.add(f'<g class="{classes}" data-count="{len(row.events)}">')
            _badge(canvas, cx, y, len(row.events), hollow=when.approximate, dashed=when.uncertain)
            canvas.add("</g>")
        else:
            canvas.add(_circle(cx, y, 5.5, classes=classes, **doubt))
    else:
        x0 = segment.x(when.earliest)
        width = segment.x(when.latest + timedelta(days=1)) - x0
        canvas.add(_bar(x0, y, width, classes=classes, count=len(row.events) if group else 0, **doubt))
        if group:
            _badge(canvas, x0 + width + 11, y, len(row.events), hollow=when.approximate, dashed=when.uncertain)
    _label(canvas, placed, y, sources)
    canvas.add("</g>")


def _label(canvas: _Canvas, placed: _Placed, y: float, sources: Mapping[str, Source]) -> None:
    date_width = _date_width(placed.date_text)
    if placed.on_right:
        start = placed.right + LEADER
        x1, x2, anchor, column = placed.right + 2, start - 3, "start", start + date_width
    else:
        start = placed.left - LEADER
        x1, x2, anchor, column = start + 3, placed.left - 2, "end", start
    canvas.add(f'<line class="leader" x1="{_n(x1)}" y1="{_n(y)}" x2="{_n(x2)}" y2="{_n(y)}" stroke="#8c959f" '
               f'stroke-width="1.2" stroke-dasharray="1.2 2.4"/>')
    if len(placed.lines) > 1:
        # A bracket joins the titles of a group to its one mark.
        last = y + LINE * sum(len(lines) for lines in placed.lines[:-1])
        bx = start - 5 if placed.on_right else start + 5
        canvas.add(f'<path class="bracket" d="M{_n(bx)},{_n(y - 6)} V{_n(last + 6)}" stroke="{FAINT}" '
                   f'stroke-width="2" fill="none"/>')
    line_y = y + 4.5
    for n, (event, lines) in enumerate(zip(placed.row.events, placed.lines)):
        spans = []
        for k, line in enumerate(lines):
            if n == 0 and k == 0:
                spans.append(f'<tspan class="date" fill="{MUTED}">{_escape(placed.date_text)}</tspan>'
                             f'<tspan class="title" dx="{DATE_GAP}">{_escape(line)}</tspan>')
            else:
                spans.append(f'<tspan class="title" x="{_n(column)}" y="{_n(line_y + k * LINE)}">'
                             f'{_escape(line)}</tspan>')
        x = start if n == 0 else column
        end = ' text-anchor="end"' if anchor == "end" else ""
        text = (f'<text class="label" data-event={quoteattr(_clean(event.id))} x="{_n(x)}" y="{_n(line_y)}" '
                f'font-size="{LABEL_SIZE}" fill="{INK}"{end}>{"".join(spans)}</text>')
        url = _link(event, sources)
        canvas.add(f"<a href={quoteattr(_clean(url))}>{text}</a>" if url else text)
        line_y += len(lines) * LINE


def _link(event: Event, sources: Mapping[str, Source]) -> str:
    """The first cited source's address, when it is one that may be followed."""
    for citation in event.citations:
        source = sources.get(citation.source)
        if source is not None and safe_url(source.url):
            return safe_url(source.url)
    return ""


def _circle(cx: float, cy: float, r: float, approximate: bool, uncertain: bool, classes: str = "") -> str:
    """A day: filled when certain, hollow when approximate, dashed when uncertain."""
    fill = "#ffffff" if approximate else PALE if uncertain else ACCENT
    dash = ' stroke-dasharray="2.5 2"' if uncertain else ""
    cls = f' class="{classes}"' if classes else ""
    return (f'<circle{cls} cx="{_n(cx)}" cy="{_n(cy)}" r="{_n(r)}" fill="{fill}" stroke="{ACCENT}" '
            f'stroke-width="{2 if approximate or uncertain else 1}"{dash}/>')


def _bar(x: float, cy: float, width: float, approximate: bool, uncertain: bool, classes: str, count: int) -> str:
    """A range of days, as wide as the days it spans."""
    fill = "#ffffff" if approximate else PALE if uncertain else ACCENT
    dash = ' stroke-dasharray="3 2"' if uncertain else ""
    data = f' data-count="{count}"' if count else ""
    return (f'<rect class="{classes}"{data} x="{_n(x)}" y="{_n(cy - 5)}" width="{_n(width)}" height="10" '
            f'fill="{fill}" stroke="{ACCENT}" stroke-width="{1.5 if approximate or uncertain else 1}"{dash}/>')


def _badge(canvas: _Canvas, cx: float, cy: float, count: int, hollow: bool, dashed: bool = False) -> None:
    """The one mark of several events of a day: a disc with their number."""
    fill, ink = ("#ffffff", ACCENT) if hollow else (PALE, ACCENT) if dashed else (ACCENT, "#ffffff")
    dash = ' stroke-dasharray="2.5 2"' if dashed else ""
    canvas.add(f'<circle cx="{_n(cx)}" cy="{_n(cy)}" r="8.5" fill="{fill}" stroke="{ACCENT}" '
               f'stroke-width="{2 if hollow or dashed else 1}"{dash}/>')
    canvas.text(cx, cy + 3.5, str(count), size=10, weight="700", fill=ink, anchor="middle")


# -- words ---------------------------------------------------------------------------------------------


def _row_words(row: _Row) -> str:
    """What a row says in full, for a viewer's tooltip: the date in words and every title with its place."""
    titles = [display_title(e) + (f" ({e.place})" if e.place else "") for e in row.events]
    return _clean(date_words(row.when) + ": " + "; ".join(titles))


def _description(rows: Sequence[_Row], segments: Sequence[_Segment]) -> str:
    """The picture in words for a screen reader: its span, its breaks, then every event in order."""
    count = sum(len(row.events) for row in rows)
    words = [f"A timeline of {count} event{'s' if count != 1 else ''} in date order, "
             f"from {rows[0].when.label} to {max(r.when.latest for r in rows).isoformat()}."]
    for before, after in zip(segments, segments[1:]):
        words.append(f"The time axis is cut between {before.last.isoformat()} and {after.first.isoformat()}, "
                     f"{_duration(before.last, after.first)} without events.")
    words.append(" ".join(f"{_row_words(row)}." for row in rows))
    return " ".join(words)


def _duration(start: date, end: date) -> str:
    """Whole months between two days, as "2 yr 7 mo" (the label of a break)."""
    months = (end.year - start.year) * 12 + end.month - start.month - (end.day < start.day)
    years, months = divmod(max(months, 0), 12)
    parts = ([f"{years} yr"] if years else []) + ([f"{months} mo"] if months or not years else [])
    return " ".join(parts)


def text_width(text: str, size: float, bold: bool = False) -> float:
    """How wide `text` is at `size` pixels in DejaVu Sans, the widest font the stack is likely to meet."""
    total = 0
    for char in text:
        code = ord(char)
        if 32 <= code < 127:
            total += _ASCII_WIDTHS[code - 32]
        elif unicodedata.combining(char):
            continue
        elif unicodedata.east_asian_width(char) in "WF":
            total += 1000
        else:
            base = unicodedata.normalize("NFD", char)[0]
            total += _ASCII_WIDTHS[ord(base) - 32] if 32 <= ord(base) < 127 else 800
    return total * size / 1000 * (_BOLD if bold else 1)


def fit(text: str, room: float, size: float, bold: bool = False) -> str:
    """`text`, or as much of it as fits in `room` pixels followed by "…", cut at a word where one is near."""
    if text_width(text, size, bold) <= room:
        return text
    ellipsis = text_width("\u2026", size, bold)
    kept, width = 0, 0.0
    for char in text:
        step = text_width(char, size, bold)
        if width + step + ellipsis > room:
            break
        kept, width = kept + 1, width + step
    cut = text[:kept]
    space = cut.rfind(" ")
    if space > 0 and kept - space <= 12:
        cut = cut[:space]
    return cut.rstrip(" ,;:-\u2013\u2014") + "\u2026"


def _clean(text: str) -> str:
    """One line of text XML may hold: breaks and tabs become spaces, characters XML forbids (and other
    control characters) become U+FFFD, so that what the store holds can never break the document."""
    out = []
    for char in text:
        code = ord(char)
        if char in "\t\n\r\x0b\x0c\x85\u2028\u2029":
            out.append(" ")
        elif unicodedata.category(char) in ("Cc", "Cs") or code in (0xFFFE, 0xFFFF):
            out.append("\ufffd")
        else:
            out.append(char)
    return "".join(out)


def _escape(text: str) -> str:
    return escape(_clean(text))


def _n(value: float) -> str:
    """A coordinate with at most one decimal, the same text for the same value on every platform."""
    text = f"{value:.1f}"
    text = text[:-2] if text.endswith(".0") else text
    return "0" if text == "-0" else text


class _Canvas:
    """The elements of the picture, in drawing order, and the document around them."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def add(self, element: str) -> None:
        self.parts.append(element)

    def text(self, x: float, y: float, text: str, size: float, fill: str = INK, weight: str = "",
             anchor: str = "start", halo: bool = False) -> None:
        attrs = f'x="{_n(x)}" y="{_n(y)}" font-size="{_n(size) if size == int(size) else size}" fill="{fill}"'
        if weight:
            attrs += f' font-weight="{weight}"'
        if anchor != "start":
            attrs += f' text-anchor="{anchor}"'
        if halo:
            attrs += ' stroke="#ffffff" stroke-width="3" paint-order="stroke"'
        self.parts.append(f"<text {attrs}>{_escape(text)}</text>")

    def document(self, title: str, description: str, height: float) -> str:
        height = math.ceil(height)
        head = [
            f'<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" '
            f'viewBox="0 0 {WIDTH} {height}" role="img" aria-labelledby="timeline-title timeline-desc" '
            f'font-family={quoteattr(FONT)}>',
            f'<title id="timeline-title">{_escape(title)}</title>',
            f'<desc id="timeline-desc">{_escape(description)}</desc>',
            f'<rect width="{WIDTH}" height="{height}" rx="6" fill="#ffffff"/>',
        ]
        return "\n".join(head + self.parts + ["</svg>"]) + "\n"
