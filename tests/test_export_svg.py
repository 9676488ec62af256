"""Tests for timeline.export.svg: a well-formed, inert, deterministic picture on a broken time axis."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest

from timeline.dates import Resolution
from timeline.export import Options
from timeline.export.svg import DATE_GAP, LABEL_SIZE, LINE, WIDTH, render, text_width
from timeline.model import Citation, Event, Source

ROOT = Path(__file__).parent.parent
NS = {"svg": "http://www.w3.org/2000/svg"}
SVG = "{http://www.w3.org/2000/svg}"

SOURCES = {
    "wire": Source("wire", "Wire", url="https://example.org/wire?a=1&b=2"),
    "evil": Source("evil", "Evil", url="javascript:alert(1)"),
    "notes": Source("notes", "Field notes"),
}


def event(event_id: str, when: Resolution, title: str = "", **fields) -> Event:
    return Event(id=event_id, when=when, title=title or f"Title of {event_id}", **fields)


def day(y: int, m: int, d: int, **kw) -> Resolution:
    return Resolution.day(date(y, m, d), **kw)


def parse(events, sources=SOURCES, options=Options()) -> ET.Element:
    return ET.fromstring(render(events, sources, options))


def marks(root: ET.Element) -> list[ET.Element]:
    return [e for e in root.iter() if "mark" in e.get("class", "").split()]


def label_title(root: ET.Element, event_id: str) -> str:
    """The title an event's label shows, its lines joined by spaces."""
    label = next(t for t in root.iter(f"{SVG}text") if t.get("data-event") == event_id)
    return " ".join(span.text or "" for span in label.iter(f"{SVG}tspan") if span.get("class") == "title")


def label_date(root: ET.Element, event_id: str) -> str:
    label = next(t for t in root.iter(f"{SVG}text") if t.get("data-event") == event_id)
    return next(span.text for span in label.iter(f"{SVG}tspan") if span.get("class") == "date")


def shown_whole_or_cut(shown: str, title: str) -> bool:
    if shown == title:
        return True
    # A cut keeps the words it shows in order; a line break may stand where a space was.
    return shown.endswith("\u2026") and " ".join(title.split()).startswith(shown[:-1].rstrip())


def shipped_export() -> str:
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_FILE"}
    result = subprocess.run([sys.executable, "-m", "timeline", "export", "--format", "svg"], cwd=ROOT, env=env,
                            capture_output=True, text=True, check=True, encoding="utf-8")
    return result.stdout


@pytest.fixture(scope="module")
def shipped() -> str:
    return shipped_export()


def test_output_is_a_well_formed_svg_document_of_page_width():
    """The picture parses as XML, its root is an SVG element, and it is as wide as a GitHub page."""
    root = parse([event("a", day(2024, 12, 6)), event("b", Resolution.month(2024, 12))])
    assert root.tag == f"{SVG}svg"
    assert root.get("width") == str(WIDTH) and 900 <= WIDTH <= 1000
    assert root.get("viewBox") == f"0 0 {WIDTH} {root.get('height')}"


def test_every_title_is_shown_whole_or_cut_with_an_ellipsis():
    """Each event's label carries its title, whole, across two lines, or cut with "…" past the room."""
    events = [
        event("short", day(2024, 12, 1), "Short title"),
        event("long", day(2024, 12, 2), "A long title " * 8),
        event("huge", day(2024, 12, 3), "word " * 200),
        event("unbroken", day(2024, 12, 4), "x" * 400),
    ]
    root = parse(events)
    assert label_title(root, "short") == "Short title"
    for e in events:
        assert shown_whole_or_cut(label_title(root, e.id), e.title.strip()), e.id
    assert label_title(root, "huge").endswith("\u2026")
    assert label_title(root, "unbroken").endswith("\u2026")


def test_a_range_is_a_bar_as_wide_as_its_days_on_one_scale():
    """A range is drawn as a bar from its first day to the end of its last, on the stretch's one scale."""
    events = [
        event("three", Resolution.span(date(2024, 3, 1), date(2024, 3, 3))),
        event("nine", Resolution.span(date(2024, 3, 20), date(2024, 3, 28))),
        event("day", day(2024, 4, 10)),
    ]
    bars = {e.get("x"): e for e in marks(parse(events)) if "range" in e.get("class").split()}
    assert len(bars) == 2
    three, nine = sorted(bars.values(), key=lambda e: float(e.get("x")))
    per_day = float(three.get("width")) / 3
    # Coordinates are written to a tenth of a pixel.
    assert float(nine.get("width")) == pytest.approx(9 * per_day, rel=0.002)
    assert float(nine.get("x")) - float(three.get("x")) == pytest.approx(19 * per_day, rel=0.002)


def test_approximate_and_uncertain_dates_are_drawn_and_labelled_apart():
    """An approximate date is hollow, an uncertain one dashed, and their labels carry "~" and "?"."""
    events = [
        event("sure", day(2024, 1, 5)),
        event("about", day(2024, 1, 10, approximate=True)),
        event("maybe", day(2024, 1, 15, uncertain=True)),
        event("span", Resolution.span(date(2024, 1, 18), date(2024, 1, 20), approximate=True)),
    ]
    root = parse(events)
    by_class = {tuple(m.get("class").split()[1:]): m for m in marks(root)}
    sure, about = by_class[("day",)], by_class[("day", "approximate")]
    maybe, span = by_class[("day", "uncertain")], by_class[("range", "approximate")]
    assert sure.get("fill") != "#ffffff" and sure.get("stroke-dasharray") is None
    assert about.get("fill") == "#ffffff" and span.get("fill") == "#ffffff"
    assert maybe.get("stroke-dasharray")
    assert label_date(root, "sure") == "2024-01-05"
    assert label_date(root, "about") == "2024-01-10~"
    assert label_date(root, "maybe") == "2024-01-15?"
    assert label_date(root, "span") == "2024-01-18..20~"


def test_events_of_one_date_share_one_mark_and_list_every_title():
    """Three events of the same day get one mark saying 3, and each title is listed beside it."""
    events = [event(f"same-{n}", day(2024, 12, 9), f"Same day {n}") for n in range(3)]
    events.append(event("other", day(2024, 12, 12)))
    root = parse(events)
    found = marks(root)
    assert len(found) == 2
    group = next(m for m in found if "group" in m.get("class").split())
    assert group.get("data-count") == "3"
    assert "".join(group.itertext()).strip() == "3"
    for n in range(3):
        assert label_title(root, f"same-{n}") == f"Same day {n}"


def test_a_long_quiet_stretch_is_cut_out_of_the_axis_and_marked():
    """Two years without events become one marked break with its length, not two years of empty axis."""
    events = [event("early", day(2022, 1, 10)), event("early-2", day(2022, 2, 20)), event("late", day(2024, 12, 6))]
    root = parse(events)
    breaks = [e for e in root.iter(f"{SVG}rect") if e.get("class") == "break"]
    assert len(breaks) == 1
    assert len([e for e in root.iter(f"{SVG}line") if e.get("class") == "axis"]) == 4  # two stretches, two axes
    assert "2 yr 9 mo" in [t.text for t in root.iter(f"{SVG}text")]
    xs = sorted(float(m.get("cx")) for m in marks(root))
    # Proportional, the 41 days between the first two would be a sliver beside the thousand days of quiet.
    assert xs[1] - xs[0] > (xs[2] - xs[1]) / 3
    assert "cut between 2022-02-20 and 2024-12-06" in root.find("svg:desc", NS).text


def test_a_short_quiet_stretch_stays_on_the_axis():
    """Three months without events is not cut: one stretch, no break."""
    root = parse([event("a", day(2024, 1, 10)), event("b", day(2024, 4, 20))])
    assert not [e for e in root.iter(f"{SVG}rect") if e.get("class") == "break"]


def test_hostile_text_stays_inert_and_the_document_well_formed():
    """Markup, a CDATA end, ampersands and control characters in a title, place or the timeline's title
    are shown as text: the SVG still parses and holds no element they tried to make."""
    hostile = "<script>alert(1)</script> ]]> &amp; & \x00\x07\x1b \ud800 <svg onload=alert(2)>"
    events = [
        event("bad", day(2024, 1, 1), hostile, place="<b>here</b>", citations=(Citation("evil"),)),
        event("bad-2", day(2024, 1, 1), "Also <i>this</i>", citations=(Citation("wire"),)),
    ]
    text = render(events, SOURCES, Options(title="</title><script>x</script>\x07"))
    root = ET.fromstring(text)
    assert "<script" not in text and "<svg onload" not in text and "]]>" not in text
    assert {e.tag for e in root.iter()} <= {f"{SVG}{name}" for name in (
        "svg", "title", "desc", "rect", "g", "text", "tspan", "line", "circle", "polyline", "path", "a")}
    assert label_title(root, "bad").startswith("<script>alert(1)</script> ]]> &amp; & \ufffd\ufffd\ufffd")
    assert root.find("svg:title", NS).text == "</title><script>x</script>\ufffd"


def test_only_http_sources_become_links():
    """A source with an http(s) address links its event; a javascript: address or none gives no link."""
    events = [
        event("linked", day(2024, 1, 1), citations=(Citation("wire"),)),
        event("evil", day(2024, 1, 2), citations=(Citation("evil"),)),
        event("plain", day(2024, 1, 3), citations=(Citation("notes"), Citation("unknown"))),
    ]
    root = parse(events)
    links = list(root.iter(f"{SVG}a"))
    assert [a.get("href") for a in links] == ["https://example.org/wire?a=1&b=2"]
    assert links[0].find("svg:text", NS).get("data-event") == "linked"


def test_the_shipped_picture_has_no_script_and_no_external_reference(shipped):
    """No script, event handler, style sheet, image, font or other resource from elsewhere: only links."""
    root = ET.fromstring(shipped)
    for element in root.iter():
        assert element.tag not in {f"{SVG}{n}" for n in ("script", "image", "use", "foreignObject", "style")}
        for name, value in element.attrib.items():
            assert not name.lower().startswith("on")
            assert "url(" not in value and "@import" not in value
            if name == "href":
                assert element.tag == f"{SVG}a" and re.match(r"https?://", value)
    assert "xlink" not in shipped and "<!" not in shipped


def test_title_and_description_are_there_for_screen_readers():
    """The picture is an image labelled by its title and description; the description names every event."""
    events = [event("a", day(2024, 12, 6), "SDF takes Deir ez-Zor"), event("b", day(2024, 12, 8), "Assad flees")]
    root = parse(events, options=Options(title="Syria, December 2024"))
    assert root.get("role") == "img"
    title, desc = root.find("svg:title", NS), root.find("svg:desc", NS)
    assert root.get("aria-labelledby").split() == [title.get("id"), desc.get("id")]
    assert title.text == "Syria, December 2024"
    assert "SDF takes Deir ez-Zor" in desc.text and "2024-12-08: Assad flees" in desc.text


def test_rendering_is_deterministic_whatever_the_order_of_events():
    """The same events give the same bytes, in any order they are passed."""
    events = [event(f"e{n}", day(2024, 1 + n % 12, 1 + n % 27), f"Event {n}") for n in range(20)]
    first = render(events, SOURCES, Options())
    assert render(events, SOURCES, Options()) == first
    assert render(list(reversed(events)), SOURCES, Options()) == first


def test_an_empty_timeline_is_still_a_picture():
    """No events give a small, well-formed picture that says so."""
    root = parse([])
    assert "No events." in [t.text for t in root.iter(f"{SVG}text")]


def test_labels_of_the_shipped_timeline_stay_inside_and_never_overlap(shipped):
    """Every line of every label, measured in the widest common font, lies inside the picture and clear of
    every other line, and every one of the 30 titles is shown."""
    root = ET.fromstring(shipped)
    boxes = []
    for label in root.iter(f"{SVG}text"):
        if label.get("class") != "label":
            continue
        x, y, anchor = float(label.get("x")), float(label.get("y")), label.get("text-anchor", "start")
        chunks: list[list] = [[x, y, 0.0]]
        for span in label.iter(f"{SVG}tspan"):
            if span.get("x") is not None:
                chunks.append([float(span.get("x")), float(span.get("y")), 0.0])
            chunks[-1][2] += text_width(span.text or "", LABEL_SIZE) + float(span.get("dx", 0))
        for cx, cy, width in chunks:
            left = cx - width if anchor == "end" else cx
            boxes.append((left, left + width, cy))
    assert len([t for t in root.iter(f"{SVG}text") if t.get("class") == "label"]) == 30
    for left, right, _ in boxes:
        assert 0 <= left and right <= WIDTH
    for n, (l1, r1, y1) in enumerate(boxes):
        for l2, r2, y2 in boxes[n + 1:]:
            assert abs(y1 - y2) >= LINE or r1 <= l2 or r2 <= l1


def test_committed_picture_is_the_current_export_of_the_shipped_store(shipped):
    """docs/timeline.svg is byte for byte what `timeline export --format svg` makes of events.yaml now
    (CI checks the same); after changing either, run `timeline export --format svg -o docs/timeline.svg`."""
    assert (ROOT / "docs" / "timeline.svg").read_text(encoding="utf-8") == shipped


def test_date_gap_is_counted_in_the_column_of_titles():
    """The second title of a group starts where the first title does, after the date and its gap."""
    events = [event("g1", day(2024, 1, 1), "First"), event("g2", day(2024, 1, 1), "Second")]
    root = parse(events)
    first = next(t for t in root.iter(f"{SVG}text") if t.get("data-event") == "g1")
    second = next(t for t in root.iter(f"{SVG}text") if t.get("data-event") == "g2")
    if first.get("text-anchor") == "end":
        assert first.get("x") == second.get("x")
    else:
        expected = float(first.get("x")) + text_width("2024-01-01", LABEL_SIZE) + DATE_GAP
        assert float(second.get("x")) == pytest.approx(expected, abs=0.1)
