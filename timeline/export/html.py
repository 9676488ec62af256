"""One self-contained HTML page of the timeline: a time axis that shows its gaps, a filterable list, no network.

Everything is inline (style, script, the axis as SVG) and the page asks for nothing: a Content-Security-
Policy allows no fetch of any kind and only the one script whose hash it names. The list is rendered
here, so the page reads (and prints) without its script; the script only filters. Data for the script
travels in a `<script type="application/json">` block with `<`, `>`, `&`, U+2028 and U+2029 escaped, and
the script builds no markup from it: it toggles `hidden`, sets attributes and `textContent`.

The axis: days are proportional within each stretch of the timeline; a stretch with no event longer
than a tenth of the whole (and at least two months) is cut out and drawn as a labelled break, so a gap
looks like one without squeezing the rest to nothing. For the same reason a stretch's width goes half
by its days and half by its dates, and its own ticks say its scale. Above the axis a strip counts the
events starting in each day, week, month, quarter or year (the finest wide enough to see); below it
each date is a mark (a point for one day, a bar for a span, dashed when approximate, hollow with a `?`
when uncertain) while there are few enough to draw one by one. The list groups events by year, month
and date, and notes each cut-out gap where it falls.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from html import escape

from ..dates import Resolution
from ..model import Event, Source, unique
from . import Options
from .common import date_words, display_title, safe_url, source_ids

WIDTH = 1000  # the axis's viewBox width; the SVG scales to the page
MARGIN = 10
BREAK_W = 64  # a cut-out gap, whatever its length
PAD = 8  # inside each stretch, so a mark on its first or last day stays clear of a break
GAP_MIN_DAYS = 60
GAP_SHARE = 10  # a gap is cut out when longer than 1/GAP_SHARE of the whole span
MIN_SHARE = 0.1  # the least share of the width a stretch gets
DENSITY_TOP, DENSITY_H = 4, 40
AXIS_Y = DENSITY_TOP + DENSITY_H + 4
LANES_TOP, LANE_H = AXIS_Y + 38, 16
MAX_MARKS, MAX_LANES = 300, 10  # beyond these the strip alone is the overview
LONG_DAYS = 31  # a date wider than this is listed under its year, not a month

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

# Calendar units for ticks and density bins: name, "d" (n days) or "m" (n months), n, least spacing in px.
UNITS = (
    ("day", "d", 1), ("week", "d", 7), ("month", "m", 1), ("quarter", "m", 3), ("year", "m", 12),
    ("five years", "m", 60), ("decade", "m", 120), ("half-century", "m", 600), ("century", "m", 1200),
    ("millennium", "m", 12000),
)
TICK_SPACING = {"day": 38, "week": 38, "month": 26, "quarter": 24}  # years: 32
BIN_SPACING = 6


def render(events: Sequence[Event], sources: Mapping[str, Source], options: Options = Options()) -> str:
    """The page: header, overview (axis, density, marks, years), filters and the list by year and month.

    The events are shown in timeline order, whatever the order given, and the same events give the
    same bytes.
    """
    ordered = sorted(events, key=lambda e: e.sort_key)
    page = _Page(ordered, sources, options)
    return page.html()


# -- the page ------------------------------------------------------------------------------------


@dataclass
class _Group:
    """Events with the same dates: one entry in the list, one mark on the axis."""

    index: int
    earliest: date
    latest: date
    anchor: str
    events: list[Event] = field(default_factory=list)

    @property
    def long(self) -> bool:
        return (self.latest - self.earliest).days >= LONG_DAYS


@dataclass
class _Section:
    """A month of a year, or (month None) the dates of a year wider than a month."""

    index: int
    year: int
    month: int | None
    groups: list[_Group] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"m-{self.year:04d}-{self.month:02d}" if self.month else f"s-{self.year:04d}"


class _Page:
    def __init__(self, events: list[Event], sources: Mapping[str, Source], options: Options):
        self.events, self.sources, self.options = events, sources, options
        self.groups = _groups(events)  # in timeline order
        self.years = _sections(self.groups)  # numbers the groups in page order
        self.axis = _Axis.of(self.groups) if self.groups else None
        self.lanes = self.axis.lanes(self.groups) if self.axis else {}
        taken: set[str] = set()
        self.anchors: dict[int, str] = {}
        for event in events:
            anchor = unique(f"e-{event.id}", taken)
            taken.add(anchor)
            self.anchors[id(event)] = anchor

    def html(self) -> str:
        title = _e(self.options.title)
        data = _script_json(self.data())
        return (
            "<!DOCTYPE html>\n"
            '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
            f'<meta http-equiv="Content-Security-Policy" content="{CSP}">\n'
            '<meta name="referrer" content="no-referrer">\n'
            '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
            '<meta name="color-scheme" content="light">\n'
            f"<title>{title}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n"
            '<a class="skip" href="#events">Skip to the events</a>\n'
            f"<header>\n<h1>{title}</h1>\n{self.summary()}</header>\n"
            '<main>\n'
            f"{self.overview()}"
            f"{self.filters()}"
            f'<div id="events">\n{self.listing()}</div>\n'
            "</main>\n"
            f'<script type="application/json" id="tl-data">{data}</script>\n'
            f"<script>{SCRIPT}</script>\n"
            "</body>\n</html>\n"
        )

    # -- header and overview ---------------------------------------------------------------------

    def summary(self) -> str:
        if not self.events:
            return "<p>No events.</p>\n"
        first = self.events[0].when
        last = max(self.events, key=lambda e: (e.when.latest, e.when.earliest)).when
        cited = {s for e in self.events for s in source_ids(e)}
        return (
            f"<p>{_count(len(self.events))}, from {_when(first, badge=False)} to {_when(last, badge=False)}, "
            f"cited from {len(cited)} source{'s' if len(cited) != 1 else ''}.</p>\n"
        )

    def overview(self) -> str:
        if self.axis is None:
            return ""
        years = "".join(
            f'<li><a href="#y-{y:04d}">{y:04d}</a> <span class="yc">{n}</span></li>'
            for y, n in self.year_counts()
        )
        return (
            '<section class="ov" aria-labelledby="ov-h">\n<h2 id="ov-h">Overview</h2>\n'
            f'<figure>\n<div class="chart">{self.axis.svg(self.groups, self.lanes, self.titles)}</div>\n'
            f"<figcaption>{self.axis.caption(len(self.events), bool(self.lanes))}</figcaption>\n</figure>\n"
            f'<nav aria-label="Years"><ul class="years">{years}</ul></nav>\n</section>\n'
        )

    def year_counts(self) -> list[tuple[int, int]]:
        return [(year, sum(len(g.events) for s in sections for g in s.groups)) for year, sections in self.years]

    def titles(self, group: _Group) -> str:
        """A mark's tooltip: the date in words, how many events, and the first few titles."""
        shown = [_clip(display_title(e), 90) for e in group.events[:3]]
        more = len(group.events) - len(shown)
        rest = f"; and {more} more" if more else ""
        when = date_words(Resolution(group.earliest, group.latest, "range"))
        return f"{when}: {_count(len(group.events))}. " + "; ".join(shown) + rest

    # -- filters ---------------------------------------------------------------------------------

    def filters(self) -> str:
        if not self.events:
            return ""

        def select(name: str, label: str, everything: str, options: list[tuple[str, str, int]]) -> str:
            items = "".join(
                f'<option value="{_e(value)}">{_e(text)} ({n})</option>' for value, text, n in options
            )
            return (
                f'<label for="f-{name}">{label}</label>'
                f'<select id="f-{name}" name="{name}"><option value="">{everything}</option>{items}</select>'
            )

        places = _tally(e.place for e in self.events if e.place)
        tags = _tally(t for e in self.events for t in dict.fromkeys(e.tags))
        cited = _tally(s for e in self.events for s in source_ids(e))
        statuses = _tally(e.status for e in self.events)
        source_options = sorted(
            ((sid, self.outlet(sid) + (f" ({sid})" if self.outlet(sid) != sid else ""), n) for sid, n in cited.items()),
            key=lambda o: (o[1].casefold(), o[0]),
        )
        fields = [
            select("place", "Place", "All places", [(p, p, n) for p, n in _by_name(places)]),
            select("tag", "Tag", "All tags", [(t, t, n) for t, n in _by_name(tags)]),
            select("source", "Source", "All sources", source_options),
            select("status", "Status", "All statuses",
                   [(s, s, statuses[s]) for s in ("accepted", "candidate", "rejected") if s in statuses]
                   + [(s, s, n) for s, n in _by_name(statuses) if s not in ("accepted", "candidate", "rejected")]),
        ]
        controls = "".join(f'<div class="f">{f}</div>' for f in fields)
        return (
            '<section class="bar" aria-label="Filters">\n'
            '<form id="filters" role="search" hidden>'
            f"{controls}"
            '<div class="f"><label for="f-q">Search</label>'
            '<input id="f-q" name="q" type="search" autocomplete="off" spellcheck="false"></div>'
            '<div class="f"><button type="button" id="f-clear">Clear filters</button></div>'
            "</form>\n"
            f'<p id="count" role="status" aria-live="polite">{_count(len(self.events))}</p>\n'
            "</section>\n"
        )

    def outlet(self, source_id: str) -> str:
        source = self.sources.get(source_id)
        return source.outlet if source and source.outlet else source_id

    # -- the list --------------------------------------------------------------------------------

    def listing(self) -> str:
        if not self.events:
            return ""
        breaks = list(self.axis.breaks) if self.axis else []
        out: list[str] = []
        for year, sections in self.years:
            # A break goes before the year when the whole year follows it, else between its months.
            starts = min(g.earliest for s in sections for g in s.groups)
            before = ""
            while breaks and breaks[0].last < starts:
                before += breaks.pop(0).marker()
            year_out: list[str] = []
            for section in sections:
                first = section.groups[0].earliest
                while breaks and breaks[0].last < first and section.month is not None:
                    year_out.append(breaks.pop(0).marker())
                year_out.append(self.section(section))
            out.append(
                f'{before}<section class="yr" id="y-{year:04d}" aria-labelledby="yh-{year:04d}">'
                f'<h2 id="yh-{year:04d}">{year:04d}</h2>\n{"".join(year_out)}</section>\n'
            )
        return "".join(out)

    def section(self, section: _Section) -> str:
        if section.month is None:
            heading = f"Dates longer than a month, from {section.year:04d}"
        else:
            heading = (f'<time datetime="{section.year:04d}-{section.month:02d}">'
                       f"{MONTHS[section.month - 1]} {section.year:04d}</time>")
        groups = "".join(self.group(g) for g in section.groups)
        return (
            f'<section class="mo" id="{section.anchor}" aria-labelledby="h-{section.anchor}">'
            f'<h3 id="h-{section.anchor}">{heading}</h3>\n<ol class="days">\n{groups}</ol></section>\n'
        )

    def group(self, group: _Group) -> str:
        n = len(group.events)
        many = f' <span class="n">{n} events</span>' if n > 1 else ""
        bare = Resolution(group.earliest, group.latest, "range")
        events = "".join(self.event(e) for e in group.events)
        return (
            f'<li class="day" id="{group.anchor}"><h4 class="dh">{_times(bare)}{many}</h4>'
            f'<ol class="evs">{events}</ol></li>\n'
        )

    def event(self, event: Event) -> str:
        status = (f'<span class="st st-{_e(event.status)}">{_e(event.status)}</span>'
                  if event.status != "accepted" else "")
        meta = [_when(event.when)]
        if event.place:
            meta.append(f'<span class="pl">{_e(event.place)}</span>')
        meta.append(_e(event.status) if event.status == "accepted" else status)
        parts = [
            f"<h5>{status + ' ' if status else ''}{_e(event.title)}</h5>",
            f'<p class="meta">{" · ".join(meta)}</p>',
        ]
        if event.actors:
            parts.append(f'<p class="who">Actors: {", ".join(_e(a) for a in event.actors)}</p>')
        if event.tags:
            parts.append('<ul class="tags" aria-label="Tags">'
                         + "".join(f"<li>{_e(t)}</li>" for t in event.tags) + "</ul>")
        for citation in event.citations:
            if citation.quote:
                said = f' <span class="said">(dated “{_e(citation.said)}”)</span>' if citation.said else ""
                parts.append(f"<blockquote><p>{_e(citation.quote)}</p>"
                             f"<footer>— <cite>{_e(self.outlet(citation.source))}</cite>{said}</footer></blockquote>")
        if event.notes:
            parts.append(f'<p class="notes">{_e(event.notes)}</p>')
        links = [self.link(sid) for sid in source_ids(event)]
        if links:
            parts.append(f'<p class="src">Source{"s" if len(links) > 1 else ""}: {", ".join(links)}</p>')
        return f'<li class="ev" id="{_e(self.anchors[id(event)])}"><article>{"".join(parts)}</article></li>'

    def link(self, source_id: str) -> str:
        """The outlet, linked to the source's address when that is http(s); its date when known."""
        source = self.sources.get(source_id)
        if source is None:
            return _e(source_id)
        name = _e(source.outlet or source_id)
        url = safe_url(source.url)
        title = f' title="{_e(source.title)}"' if source.title else ""
        text = f'<a href="{_e(url)}"{title}>{name}</a>' if url else name
        if source.published:
            text += f' (<time datetime="{source.published.isoformat()}">{source.published.isoformat()}</time>)'
        return text

    # -- the script's data -----------------------------------------------------------------------

    def data(self) -> dict:
        """For the script: tables of places, tags, sources and statuses, and for each event in page order
        `[group, section, year, density bin, place, [tags], [sources], status]`, values as table indexes
        (-1 for no place, no bin)."""
        tables: dict[str, dict[str, int]] = {"places": {}, "tags": {}, "sources": {}, "statuses": {}}

        def index(table: str, value: str) -> int:
            return tables[table].setdefault(value, len(tables[table]))

        bins = self.axis.bin_of if self.axis else {}
        records = []
        for year_index, (_, sections) in enumerate(self.years):
            for section in sections:
                for group in section.groups:
                    for event in group.events:
                        records.append([
                            group.index, section.index, year_index, bins.get(id(event), -1),
                            index("places", event.place) if event.place else -1,
                            [index("tags", t) for t in dict.fromkeys(event.tags)],
                            [index("sources", s) for s in source_ids(event)],
                            index("statuses", event.status),
                        ])
        density = self.axis.density if self.axis else {"base": 0, "height": 0, "max": 1}
        return {**{name: list(values) for name, values in tables.items()}, "events": records, "density": density}


def _groups(events: list[Event]) -> list[_Group]:
    groups: list[_Group] = []
    for event in events:
        key = (event.when.earliest, event.when.latest)
        if groups and (groups[-1].earliest, groups[-1].latest) == key:
            groups[-1].events.append(event)
            continue
        a, b = key
        anchor = f"d-{a.isoformat()}" if a == b else f"d-{a.isoformat()}-{b.isoformat()}"
        groups.append(_Group(len(groups), a, b, anchor, [event]))
    return groups


def _sections(groups: list[_Group]) -> list[tuple[int, list[_Section]]]:
    """Years in order, each with its long dates first, then its months, each group in exactly one."""
    years: dict[int, dict[int | None, list[_Group]]] = {}
    for group in groups:
        month = None if group.long else group.earliest.month
        years.setdefault(group.earliest.year, {}).setdefault(month, []).append(group)
    result, index = [], 0
    for year in sorted(years):
        sections = []
        for month in sorted(years[year], key=lambda m: -1 if m is None else m):
            sections.append(_Section(index, year, month, years[year][month]))
            index += 1
        result.append((year, sections))
    # Page order must be group order for the script: renumber the groups as the page lists them.
    n = 0
    for _, sections in result:
        for section in sections:
            for group in section.groups:
                group.index = n
                n += 1
    return result


# -- the axis ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Stretch:
    """Days [start, end) (ordinals) drawn proportionally between x0 and x1."""

    start: int
    end: int
    x0: float
    x1: float

    def x(self, ordinal: float) -> float:
        inner = self.x1 - self.x0 - 2 * PAD
        return self.x0 + PAD + (ordinal - self.start) * inner / (self.end - self.start)

    @property
    def px_per_day(self) -> float:
        return (self.x1 - self.x0 - 2 * PAD) / (self.end - self.start)


@dataclass(frozen=True)
class _Break:
    """Days first..last (inclusive) with no event, cut out of the axis between x0 and x1."""

    first: date
    last: date
    x0: float
    x1: float

    def words(self) -> str:
        return _duration(self.first, self.last + timedelta(days=1), short=False)

    def marker(self) -> str:
        return (
            f'<p class="gap" role="note"><span aria-hidden="true">⋯ </span>No events for {self.words()}: '
            f'<time datetime="{self.first.isoformat()}">{self.first.isoformat()}</time> to '
            f'<time datetime="{self.last.isoformat()}">{self.last.isoformat()}</time>'
            '<span aria-hidden="true"> ⋯</span></p>\n'
        )


@dataclass
class _Axis:
    stretches: list[_Stretch]
    breaks: list[_Break]
    bins: list[tuple] = field(default_factory=list)  # ((start, end), stretch, unit, first day, anchor, count)
    bin_of: dict[int, int] = field(default_factory=dict)  # id(event) -> index of its density bin
    density: dict = field(default_factory=dict)

    @classmethod
    def of(cls, groups: list[_Group]) -> _Axis:
        spans = sorted((g.earliest.toordinal(), g.latest.toordinal() + 1) for g in groups)
        lo, hi = spans[0][0], max(end for _, end in spans)
        threshold = max(GAP_MIN_DAYS, (hi - lo) / GAP_SHARE)
        clusters = [list(spans[0])]
        for start, end in spans[1:]:
            if start - clusters[-1][1] >= threshold:
                clusters.append([start, end])
            else:
                clusters[-1][1] = max(clusters[-1][1], end)
        # A stretch's width: half for its days, half for its dates, so a year-long stretch with one
        # event does not squeeze a busy fortnight; never less than MIN_SHARE.
        days = [end - start for start, end in clusters]
        dates = [sum(1 for g in groups if start <= g.earliest.toordinal() < end) for start, end in clusters]
        weights = [max(d / sum(days) / 2 + n / len(groups) / 2, MIN_SHARE) for d, n in zip(days, dates)]
        room = WIDTH - 2 * MARGIN - BREAK_W * (len(clusters) - 1)
        stretches, breaks, x = [], [], float(MARGIN)
        for i, ((start, end), weight) in enumerate(zip(clusters, weights)):
            width = room * weight / sum(weights)
            stretches.append(_Stretch(start, end, x, x + width))
            x += width
            if i + 1 < len(clusters):
                first, last = date.fromordinal(end), date.fromordinal(clusters[i + 1][0] - 1)
                breaks.append(_Break(first, last, x, x + BREAK_W))
                x += BREAK_W
        axis = cls(stretches, breaks)
        axis.count(groups)
        return axis

    @property
    def bin_unit(self) -> tuple[str, str, int]:
        """One unit for the whole strip, wide enough in the most crowded stretch, so heights compare."""
        return _unit_for(min(s.px_per_day for s in self.stretches), lambda name: BIN_SPACING)

    def stretch(self, ordinal: int) -> _Stretch:
        return next(s for s in self.stretches if s.start <= ordinal < s.end)

    # -- drawing ---------------------------------------------------------------------------------

    def svg(self, groups: list[_Group], lanes: dict[int, int], titles) -> str:
        """The axis: breaks, density strip, ticks, and (with `lanes`) a mark per group in page order."""
        height = (LANES_TOP + LANE_H * (max(lanes.values()) + 1) + 4) if lanes else LANES_TOP - 6
        parts = [(
            f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" '
            f'height="{height}" role="group" aria-label="Time axis">'
        )]
        parts += [self.break_svg(b, height) for b in self.breaks]
        parts.append(self.density_svg())
        parts.append(self.ticks_svg())
        if lanes:
            parts.append('<g class="marks">')
            page_order = sorted(groups, key=lambda g: g.index)
            parts += [self.mark_svg(g, lanes[g.index], titles(g)) for g in page_order]
            parts.append("</g>")
        parts.append("</svg>")
        return "".join(parts)

    def break_svg(self, gap: _Break, height: int) -> str:
        mid = (gap.x0 + gap.x1) / 2
        a, b = gap.x0 + 10, gap.x1 - 10
        return (
            f'<g class="brk"><title>No events for {gap.words()}: {gap.first.isoformat()} to '
            f"{gap.last.isoformat()}</title>"
            f'<rect x="{_n(gap.x0 + 3)}" y="0" width="{_n(BREAK_W - 6)}" height="{height}"/>'
            f'<path d="M{_n(a - 4)} {AXIS_Y + 6}l8 -12M{_n(b - 4)} {AXIS_Y + 6}l8 -12'
            f'M{_n(a + 4)} {AXIS_Y}H{_n(b - 4)}"/>'
            f'<text x="{_n(mid)}" y="{AXIS_Y + 16}" text-anchor="middle">'
            f"{_duration(gap.first, gap.last + timedelta(days=1), short=True)}</text></g>"
        )

    def ticks_svg(self) -> str:
        """Each stretch's axis line with ticks at its own unit, and the year where a stretch starts or
        the year changes (when there is room for it)."""
        path, labels = [], []
        last_year_x = -1e9
        for stretch in self.stretches:
            path.append(f"M{_n(stretch.x0 + 2)} {AXIS_Y}H{_n(stretch.x1 - 2)}")
            unit = _unit_for(stretch.px_per_day, lambda name: TICK_SPACING.get(name, 32))
            previous: date | None = None
            for d in _unit_starts(unit, date.fromordinal(stretch.start), date.fromordinal(stretch.end - 1)):
                x = stretch.x(d.toordinal())
                inside = x >= stretch.x0 + PAD - 0.01  # the first unit may begin before the stretch
                label = _minor(unit, d)
                if inside:
                    path.append(f"M{_n(x)} {AXIS_Y}v5")
                    if x + 2 + 6 * len(label) <= stretch.x1:
                        labels.append(f'<text x="{_n(x + 2)}" y="{AXIS_Y + 16}">{label}</text>')
                year = _major(unit, d, previous)
                previous = d
                at = x if inside else stretch.x0 + PAD
                if year and at - last_year_x >= 6 * len(year) + 8:
                    labels.append(f'<text class="mj" x="{_n(at + 2)}" y="{AXIS_Y + 29}">{year}</text>')
                    last_year_x = at
        return f'<g class="ticks"><path class="axis" d="{"".join(path)}"/>' + "".join(labels) + "</g>"

    def count(self, groups: list[_Group]) -> None:
        """Events per bin, by the first day each may have happened; each event's bin for the script."""
        counts: dict[tuple[int, int, int], list] = {}
        unit = self.bin_unit
        for group in groups:
            stretch = self.stretch(group.earliest.toordinal())
            start = _floor(unit, group.earliest)
            # By stretch too: a unit wider than a break has a bar on each side of it.
            key = (stretch.start, start.toordinal(), _next(unit, start).toordinal())
            entry = counts.setdefault(key, [stretch, unit, start, group.anchor, []])
            entry[4].extend(group.events)
        for index, (key, (stretch, unit, first, anchor, events)) in enumerate(sorted(counts.items())):
            self.bins.append((key[1:], stretch, unit, first, anchor, len(events)))
            for event in events:
                self.bin_of[id(event)] = index
        top = max((b[-1] for b in self.bins), default=1)
        self.density = {"base": DENSITY_TOP + DENSITY_H, "height": DENSITY_H, "max": top}

    def density_svg(self) -> str:
        """Events per bin: a pale bar for all of them, a dark one (the script resizes it) for those shown."""
        bars = []
        base, top = self.density["base"], self.density["max"]
        for (start, end), stretch, unit, first, anchor, n in self.bins:
            x0 = max(stretch.x(start), stretch.x0 + 1)
            x1 = min(stretch.x(end), stretch.x1 - 1)
            width = max(x1 - x0 - 1, 1)
            h = max(n / top * DENSITY_H, 2)
            rect = f'x="{_n(x0)}" width="{_n(width)}" y="{_n(base - h)}" height="{_n(h)}"'
            bars.append(
                f'<a href="#{anchor}"><title>{_bin_label(unit, first)}: {_count(n)}</title>'
                f'<rect class="ball" {rect}/><rect class="bon" {rect}/></a>'
            )
        return '<g class="density">' + "".join(bars) + "</g>"

    def lanes(self, groups: list[_Group]) -> dict[int, int]:
        """A lane for each group's mark, the first where it does not touch the one before; {} when too many."""
        if len(groups) > MAX_MARKS:
            return {}
        ends: list[float] = []
        lanes = {}
        for group in groups:
            x0, x1 = self.extent(group)
            lane = next((i for i, end in enumerate(ends) if end + 3 <= x0), len(ends))
            if lane == len(ends):
                ends.append(x1)
            else:
                ends[lane] = x1
            lanes[group.index] = lane
        return lanes if len(ends) <= MAX_LANES else {}

    def extent(self, group: _Group) -> tuple[float, float]:
        x0, x1, point, r = self.shape(group)
        doubt = any(e.when.uncertain for e in group.events)
        if point:
            return x0 - r, x0 + r + (8 if doubt else 0)
        return x0, x1 + (8 if doubt else 0)

    def shape(self, group: _Group) -> tuple[float, float, bool, float]:
        """(x0, x1, is a point, radius): one day is a point; a span a bar at least 4 wide."""
        stretch = self.stretch(group.earliest.toordinal())
        x0 = stretch.x(group.earliest.toordinal())
        x1 = stretch.x(group.latest.toordinal() + 1)
        if group.earliest == group.latest:
            return (x0 + x1) / 2, (x0 + x1) / 2, True, (6.5 if len(group.events) > 1 else 4.5)
        if x1 - x0 < 4:
            mid = (x0 + x1) / 2
            x0, x1 = mid - 2, mid + 2
        return x0, x1, False, 0.0

    def mark_svg(self, group: _Group, lane: int, title: str) -> str:
        x0, x1, point, r = self.shape(group)
        y = LANES_TOP + lane * LANE_H + LANE_H / 2
        approximate = any(e.when.approximate for e in group.events)
        uncertain = any(e.when.uncertain for e in group.events)
        css = "mk" + (" ap" if approximate else "") + (" un" if uncertain else "")
        n = len(group.events)
        if point:
            shape = f'<circle cx="{_n(x0)}" cy="{_n(y)}" r="{r}"/>'
            end = x0 + r
            if n > 1:
                shape += f'<text class="c" x="{_n(x0)}" y="{_n(y + 3)}">{n}</text>'
        else:
            shape = f'<rect x="{_n(x0)}" y="{_n(y - 4.5)}" width="{_n(x1 - x0)}" height="9" rx="2"/>'
            end = x1
            if n > 1 and x1 - x0 >= 14:
                shape += f'<text class="c" x="{_n((x0 + x1) / 2)}" y="{_n(y + 3)}">{n}</text>'
        if uncertain:
            shape += f'<text class="q" x="{_n(end + 1.5)}" y="{_n(y + 3.5)}">?</text>'
        return f'<a class="{css}" href="#{group.anchor}"><title>{_e(title)}</title>{shape}</a>'

    def caption(self, n_events: int, marks: bool) -> str:
        parts = [(
            f"Events over time. Bars above the axis count the events starting in each {self.bin_unit[0]}"
            " (the darker part: those the filters show)."
        )]
        if marks:
            parts.append(
                '<span class="lg"><svg viewBox="0 0 14 10" width="14" height="10" aria-hidden="true">'
                '<circle cx="7" cy="5" r="4"/></svg> one day, '
                '<svg viewBox="0 0 24 10" width="24" height="10" aria-hidden="true"><rect x="1" y="1" width="22" '
                'height="8" rx="2"/></svg> a span of days, '
                '<svg viewBox="0 0 24 10" width="24" height="10" aria-hidden="true" class="ap"><rect x="1" y="1" '
                'width="22" height="8" rx="2"/></svg> approximate (dashed), '
                '<svg viewBox="0 0 22 10" width="22" height="10" aria-hidden="true" class="un"><rect x="1" y="1" '
                'width="12" height="8" rx="2"/><text x="15" y="9">?</text></svg> uncertain (hollow, ?); '
                "a number: events on the same dates.</span>"
            )
        else:
            parts.append(f"{_count(n_events)}: too many to draw one by one; the list below has each.")
        if self.breaks:
            gaps = "; ".join(
                f"{b.words()} ({b.first.isoformat()} to {b.last.isoformat()})" for b in self.breaks
            )
            parts.append(
                "The axis is proportional within each stretch; each shaded break stands for a time with no "
                f"events, cut short: {gaps}."
            )
        return " ".join(parts)


def _unit_for(px_per_day: float, spacing) -> tuple[str, str, int]:
    """The finest calendar unit at least `spacing(name)` pixels wide."""
    for unit in UNITS:
        name, kind, n = unit
        days = n if kind == "d" else n * 30.44
        if days * px_per_day >= spacing(name):
            return unit
    return UNITS[-1]


def _floor(unit: tuple[str, str, int], d: date) -> date:
    _, kind, n = unit
    if kind == "d":
        return d - timedelta(days=d.weekday()) if n == 7 else d
    index = d.year * 12 + d.month - 1
    index -= index % n
    return date(max(index // 12, 1), index % 12 + 1, 1)


def _next(unit: tuple[str, str, int], d: date) -> date:
    _, kind, n = unit
    if kind == "d":
        return d + timedelta(days=n)
    index = d.year * 12 + d.month - 1 + n
    if index // 12 > 9999:
        return date.max
    return date(index // 12, index % 12 + 1, 1)


def _unit_starts(unit: tuple[str, str, int], first: date, last: date) -> list[date]:
    """The unit's boundaries from the one containing `first` through `last`."""
    out, d = [], _floor(unit, first)
    while d <= last:
        out.append(d)
        if d == date.max:
            break
        d = _next(unit, d)
    return out


def _minor(unit: tuple[str, str, int], d: date) -> str:
    name = unit[0]
    if name in ("day", "week"):
        return f"{MONTHS[d.month - 1][:3]} {d.day}"
    if name == "month":
        return MONTHS[d.month - 1][:3]
    if name == "quarter":
        return f"Q{(d.month - 1) // 3 + 1}"
    return f"{d.year:04d}"


def _major(unit: tuple[str, str, int], d: date, previous: date | None) -> str:
    """The year above the ticks, where a stretch begins and where the year changes."""
    if unit[0] in ("day", "week", "month", "quarter") and (previous is None or previous.year != d.year):
        return f"{d.year:04d}"
    return ""


def _bin_label(unit: tuple[str, str, int], d: date) -> str:
    name, _, n = unit
    if name == "day":
        return d.isoformat()
    if name == "week":
        return f"week of {d.isoformat()}"
    if name == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if name == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if name == "year":
        return f"{d.year:04d}"
    return f"{d.year:04d}–{d.year + n // 12 - 1:04d}"


def _duration(start: date, end: date, short: bool) -> str:
    """The time from `start` to `end` (exclusive) in years and months, or days when under a month."""
    months = (end.year - start.year) * 12 + end.month - start.month - (1 if end.day < start.day else 0)
    years, months = divmod(months, 12)
    if not years and not months:
        days = (end - start).days
        return f"{days} d" if short else f"{days} day{'s' if days != 1 else ''}"
    if short:
        return " ".join(p for p in (f"{years} yr" if years else "", f"{months} mo" if months else "") if p)
    words = [f"{years} year{'s' if years != 1 else ''}" if years else "",
             f"{months} month{'s' if months != 1 else ''}" if months else ""]
    return " and ".join(w for w in words if w)


# -- small helpers -------------------------------------------------------------------------------


def _e(text: str) -> str:
    """Text for HTML (and the SVG in it): markup characters and both quotes escaped, and the two line
    separators too, which a script would take for line ends."""
    return escape(text, quote=True).replace("\u2028", "&#8232;").replace("\u2029", "&#8233;")


def _script_json(document: dict) -> str:
    """JSON for a `<script type="application/json">`: no `<`, `>` or `&` that could end the block."""
    text = json.dumps(document, ensure_ascii=False, separators=(",", ":"))
    for char, code in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"),
                       ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, code)
    return text


def _n(x: float) -> str:
    """A coordinate: two decimals at most, no trailing zeros."""
    text = f"{x:.2f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _count(n: int) -> str:
    return f"{n:,} event{'s' if n != 1 else ''}"


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _tally(values) -> dict[str, int]:
    counts: dict[str, int] = {}
    for value in values:
        counts[value] = counts.get(value, 0) + 1
    return counts


def _by_name(counts: dict[str, int]) -> list[tuple[str, int]]:
    return sorted(counts.items(), key=lambda item: (item[0].casefold(), item[0]))


def _times(bare: Resolution) -> str:
    """A date label as `<time>` elements: one for a unit, two (start and end) for a range."""
    label = bare.label
    if ".." not in label:
        return f'<time datetime="{label}">{label}</time>'
    start, end = label.split("..", 1)
    latest = bare.latest
    # The end in the start's precision: a day, a month or a year.
    end_value = {10: latest.isoformat(), 7: f"{latest.year:04d}-{latest.month:02d}"}.get(
        len(start), f"{latest.year:04d}")
    return f'<time datetime="{start}">{start}</time>..<time datetime="{end_value}">{end}</time>'


def _when(when: Resolution, badge: bool = True) -> str:
    """The date label as written (`~`, `?`), and for a doubtful date the same in words for a screen
    reader, plus a visible word."""
    bare = Resolution(when.earliest, when.latest, "range")
    mark = when.label[len(bare.label):]
    if not mark:
        return _times(bare)
    doubts = [w for w, flag in (("approximate", when.approximate), ("uncertain", when.uncertain)) if flag]
    words = "".join(f' <span class="doubt">{w}</span>' for w in doubts) if badge else ""
    return (
        f'<span class="dt" aria-hidden="true">{_times(bare)}{mark}{words}</span>'
        f'<span class="sr">{_e(date_words(when))}</span>'
    )


# -- the inline style and script -----------------------------------------------------------------

STYLE = """
:root{--fg:#1b1b1b;--muted:#4a4a4a;--line:#cfcfcf;--accent:#174ea6;--pale:#b9cbe8;--soft:#eef1f6;--bg:#fff}
*{box-sizing:border-box}
[hidden]{display:none!important}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;color:var(--fg);background:var(--bg)}
header,main{max-width:74rem;margin:0 auto;padding:0 1rem}
h1{font-size:1.6rem;margin:1rem 0 .2rem}
h2{font-size:1.3rem;margin:1.4rem 0 .4rem}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,select:focus-visible,input:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.skip{position:absolute;left:-100vw}.skip:focus{left:1rem;top:.5rem;background:#fff;padding:.3rem .6rem;z-index:3}
.sr{position:absolute;width:1px;height:1px;padding:0;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
figure{margin:0}
.chart{overflow-x:auto}
.chart svg{display:block;width:100%;min-width:680px;height:auto}
svg text{font:10px system-ui,sans-serif;fill:#333}
svg text.mj{font-weight:600;fill:#1b1b1b}
.axis{stroke:#555;fill:none}
.ticks path{stroke:#555}
.ball{fill:var(--pale)}.bon{fill:var(--accent)}
.density a:hover .ball{fill:#8fa9d6}
.brk rect{fill:#f1f1f1}.brk path{stroke:#777;fill:none}
.brk text{fill:#4a4a4a;font-style:italic}
.mk circle,.mk rect,.lg circle,.lg rect{fill:var(--accent);stroke:var(--accent);stroke-width:1.5}
.mk.ap circle,.mk.ap rect,.lg .ap rect{fill:var(--pale);stroke-dasharray:3 2}
.mk.un circle,.mk.un rect,.lg .un rect{fill:#fff}
.mk text.c{fill:#fff;font-size:8px;font-weight:700;text-anchor:middle}
.mk.un text.c,.mk.ap text.c{fill:#1b1b1b}
.mk text.q,.lg text{font-weight:700;fill:#1b1b1b}
.mk.off{opacity:.15}
.mk:hover circle,.mk:hover rect,.mk:focus circle,.mk:focus rect{stroke:#000}
figcaption{font-size:.85rem;color:var(--muted);margin:.3rem 0}
.lg svg{vertical-align:middle}
.years{list-style:none;margin:.4rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.2rem .9rem}
.yc{color:var(--muted);font-size:.85em}
.bar{position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:1px solid var(--line);padding:.5rem 0 .1rem;margin-top:1rem}
#filters{display:flex;flex-wrap:wrap;gap:.4rem .9rem;align-items:flex-end}
.f{display:flex;flex-direction:column}
.f label{font-size:.8rem;color:var(--muted)}
select,input,button{font:inherit;font-size:.9rem;padding:.2rem .35rem;border:1px solid #6b6b6b;border-radius:3px;background:#fff;color:var(--fg);max-width:15rem}
button{cursor:pointer;background:var(--soft)}
#count{font-weight:600;margin:.4rem 0}
.yr>h2{border-bottom:2px solid var(--fg);padding-bottom:.1rem}
.mo>h3{font-size:1.05rem;margin:1rem 0 .3rem;color:var(--muted)}
ol.days,ol.evs{list-style:none;margin:0;padding:0}
li.day{display:grid;grid-template-columns:10rem 1fr;gap:.8rem;border-top:1px solid var(--line);padding:.55rem 0}
.dh{margin:0;font-size:.95rem;font-variant-numeric:tabular-nums}
.dh .n{display:block;font-weight:400;font-size:.8rem;color:var(--muted)}
li.ev+li.ev{margin-top:.8rem}
li.ev h5{margin:0;font-size:1rem}
article p{margin:.15rem 0}
.meta{color:var(--muted);font-size:.88rem}
.doubt{font-style:italic}
.st{display:inline-block;font-size:.75rem;font-weight:700;padding:0 .35rem;border:1px solid;border-radius:3px;vertical-align:.1em}
.st-candidate{color:#7a3e00;background:#fff0d4}
.st-rejected{color:#8c1d18;background:#fde7e7}
.who{font-size:.9rem}
ul.tags{list-style:none;margin:.2rem 0;padding:0;display:flex;flex-wrap:wrap;gap:.25rem}
ul.tags li{background:var(--soft);border-radius:3px;padding:0 .4rem;font-size:.8rem}
blockquote{margin:.35rem 0;padding:.05rem .8rem;border-left:3px solid var(--line)}
blockquote p{white-space:pre-line}
blockquote footer{font-size:.85rem;color:var(--muted)}
.notes{white-space:pre-line;font-size:.9rem}
.src{font-size:.9rem}
.gap{margin:1rem 0;padding:.5rem;border:1px dashed #8a8a8a;text-align:center;color:var(--muted);font-style:italic;background:#f7f7f7}
@media (max-width:40rem){li.day{grid-template-columns:1fr;gap:.2rem}.bar{position:static}}
@media print{
:root{--fg:#000;--muted:#000;--accent:#000;--pale:#bbb;--soft:#fff;--line:#999}
body{font-size:10pt;background:#fff;color:#000}
.skip,#filters,nav{display:none!important}
.bar{position:static;border:0;padding:0;margin:0}
.chart{overflow:visible}.chart svg{min-width:0}
a{color:#000;text-decoration:none}
.src a[href]::after{content:" <" attr(href) ">";font-size:.85em;word-break:break-all}
.mk.off{opacity:.15}
.st,ul.tags li{background:#fff;color:#000;border:1px solid #000}
.gap{background:#fff}
li.ev,blockquote{break-inside:avoid}
h2,h3,h4{break-after:avoid}
}
""".strip()

SCRIPT = """
(function () {
  "use strict";
  var doc = document;
  var form = doc.getElementById("filters");
  if (!form) { return; }
  var data = JSON.parse(doc.getElementById("tl-data").textContent);
  var records = data.events, total = records.length;
  var evEls = doc.querySelectorAll("li.ev"), dayEls = doc.querySelectorAll("li.day");
  var moEls = doc.querySelectorAll("section.mo"), yrEls = doc.querySelectorAll("section.yr");
  var gapEls = doc.querySelectorAll(".gap"), markEls = doc.querySelectorAll("a.mk");
  var binEls = doc.querySelectorAll("rect.bon"), count = doc.getElementById("count");
  var fields = form.elements, texts = [];
  function fold(s) { return s.normalize("NFKD").replace(/[\\u0300-\\u036f]/g, "").toLowerCase(); }
  function number(n) { return String(n).replace(/\\B(?=([0-9]{3})+$)/g, ","); }
  function zeros(n) { var a = []; for (var i = 0; i < n; i++) { a.push(0); } return a; }
  function chosen(select) {
    return select.value ? select.options[select.selectedIndex].text.replace(/ \\([0-9,]+\\)$/, "") : "";
  }
  function code(select, table) {
    if (!select.value) { return -2; }
    var i = data[table].indexOf(select.value);
    return i === -1 ? -3 : i;
  }
  function apply() {
    var place = code(fields.place, "places"), tag = code(fields.tag, "tags");
    var source = code(fields.source, "sources"), status = code(fields.status, "statuses");
    var terms = fold(fields.q.value).split(/\\s+/).filter(function (t) { return t; });
    var days = zeros(dayEls.length), months = zeros(moEls.length), years = zeros(yrEls.length);
    var bins = zeros(binEls.length), shown = 0, i, k, r, ok;
    for (i = 0; i < total; i++) {
      r = records[i];
      ok = (place === -2 || r[4] === place) && (tag === -2 || r[5].indexOf(tag) !== -1) &&
        (source === -2 || r[6].indexOf(source) !== -1) && (status === -2 || r[7] === status);
      if (ok && terms.length && texts[i] === undefined) { texts[i] = fold(evEls[i].textContent); }
      for (k = 0; ok && k < terms.length; k++) { ok = texts[i].indexOf(terms[k]) !== -1; }
      evEls[i].hidden = !ok;
      if (ok) { shown++; days[r[0]]++; months[r[1]]++; years[r[2]]++; if (r[3] >= 0) { bins[r[3]]++; } }
    }
    for (i = 0; i < dayEls.length; i++) {
      dayEls[i].hidden = !days[i];
      if (markEls.length === dayEls.length) { markEls[i].classList.toggle("off", !days[i]); }
    }
    for (i = 0; i < moEls.length; i++) { moEls[i].hidden = !months[i]; }
    for (i = 0; i < yrEls.length; i++) { yrEls[i].hidden = !years[i]; }
    for (i = 0; i < gapEls.length; i++) { gapEls[i].hidden = shown !== total; }
    var d = data.density;
    for (i = 0; i < binEls.length; i++) {
      var h = bins[i] ? Math.max(2, bins[i] / d.max * d.height) : 0;
      binEls[i].setAttribute("y", (d.base - h).toFixed(2));
      binEls[i].setAttribute("height", h.toFixed(2));
    }
    var active = [];
    [["place", "place"], ["tag", "tag"], ["source", "source"], ["status", "status"]].forEach(function (f) {
      var text = chosen(fields[f[0]]);
      if (text) { active.push(f[1] + ": " + text); }
    });
    if (terms.length) { active.push("search: \\u201c" + fields.q.value.trim() + "\\u201d"); }
    var noun = total === 1 ? " event" : " events";
    count.textContent = shown === total && !active.length ? number(total) + noun :
      number(shown) + " of " + number(total) + noun + " shown" + (active.length ? " (" + active.join("; ") + ")" : "");
  }
  form.addEventListener("input", apply);
  form.addEventListener("change", apply);
  form.addEventListener("submit", function (e) { e.preventDefault(); });
  doc.getElementById("f-clear").addEventListener("click", function () { form.reset(); apply(); });
  form.hidden = false;
  apply();
}());
""".strip()

CSP = (
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    f"script-src 'sha256-{base64.b64encode(hashlib.sha256(SCRIPT.encode()).digest()).decode()}'; "
    "base-uri 'none'; form-action 'none'"
)
