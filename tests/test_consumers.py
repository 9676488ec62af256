"""Each export opened in the software its users open it with, for the shipped store and a hostile one.

iCalendar in Python's icalendar and vobject and in ical.js (node); TimelineJS 3.9 and Mermaid 11 in headless
Chromium, from small harness pages in tests/consumers/; Markdown in markdown-it-py and marked (node); CSV in
pandas; JSON in json and jq; Timesketch JSONL in json. The JavaScript consumers are pinned in
tests/consumers/package.json and installed by `npm ci --prefix tests/consumers` (.ci/run does it); without
them, or without Chromium, these tests fail, so a missing consumer is never mistaken for a passing export.
The HTML export has its own browser test (tests/test_browser.py).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass
from datetime import datetime, timedelta
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote

import pytest

import chromium

from timeline import query
from timeline import store as stores
from timeline.export.common import display_title, safe_url, source_ids
from timeline.export.csvfmt import COLUMNS, FORMULA_STARTS
from timeline.model import Event, Source

ROOT = Path(__file__).resolve().parent.parent
CONSUMERS = Path(__file__).resolve().parent / "consumers"
NODE_MODULES = CONSUMERS / "node_modules"
NPM_CI = "npm ci --prefix tests/consumers --no-audit --no-fund"
# The npm packages and the major.minor (or major) version each must have: what users load.
NPM_PACKAGES = {"@knight-lab/timelinejs": "3.9.", "mermaid": "11.", "marked": "", "ical.js": "2."}

HOSTILE_STORE = """\
version: 2
sources:
  - id: evil
    outlet: "<img src=x onerror=alert(1)>"
    url: "https://example.org/evil?q=\\"><img/src=x/onerror=alert(5)>&r='x'"
  - id: parens
    outlet: "Parens & Co (Beirut)"
    url: "https://example.org/news/a(b)?x=1&y=2"
  - id: plain
    outlet: "Plain *outlet*"
    url: "https://example.org/plain"
events:
  - id: script-title
    when: 2024-12-06
    title: "<script>alert(1)</script>"
    place: Deir ez-Zor
    status: accepted
    origin: curated
    citations:
      - source: evil
        quote: "<b>bold</b> and [x](javascript:alert(2))"
      - source: parens
  - id: img-title
    when: 2024-12-06
    title: "<img src=x onerror=alert(1)>"
    place: Raqqa
    status: accepted
    origin: curated
    citations:
      - source: plain
  - id: md-link-title
    when: 2024-12-07~
    title: "[x](javascript:alert(1))"
    place: "<script>alert(3)</script>"
    status: accepted
    origin: curated
    citations:
      - source: parens
        quote: "Said: it happened; #3"
  - id: entity-place
    when: 2024-12-08
    title: "Place written as entities"
    place: "&lt;img src=x onerror=alert(41)&gt;"
    status: accepted
    origin: curated
    citations:
      - source: plain
  - id: bold-place
    when: 2024-12-09
    title: "Place with markup and an ampersand"
    place: "<b>x</b> & y"
    status: accepted
    origin: curated
    citations:
      - source: plain
  - id: emphasis-title
    when: 2022-04-19?
    title: "*word* and _other_ word"
    status: candidate
    origin: parsed
    citations:
      - source: plain
  - id: formula-title
    when: 2021-11-22~/2021-11-25~
    title: "=cmd|'/C calc'!A0"
    place: Raqqa
    status: accepted
    origin: curated
    citations:
      - source: evil
    notes: "-3.5"
  - id: separators-title
    when: 2024-11
    title: "Talks: round #2; day, night \\\\ end"
    place: Geneva
    status: accepted
    origin: curated
    citations:
      - source: plain
        quote: "a, b; c"
"""


@dataclass(frozen=True)
class Store:
    """A store as the tests export it: its file, its title, and what `timeline export` exports of it."""

    name: str
    path: Path
    title: str
    events: list[Event]
    sources: dict[str, Source]

    def by_id(self) -> dict[str, Event]:
        return {e.id: e for e in self.events}


# -- fixtures ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def npm_packages() -> dict[str, str]:
    """The installed JavaScript consumers and their versions; fails, naming the npm command, when missing."""
    if shutil.which("node") is None:
        pytest.fail(f"the consumer tests need node and npm, then: {NPM_CI}")
    versions = {}
    for package, prefix in NPM_PACKAGES.items():
        manifest = NODE_MODULES / package / "package.json"
        if not manifest.exists():
            pytest.fail(f"the consumer tests need {package} in {NODE_MODULES}; install them with: {NPM_CI}")
        versions[package] = json.loads(manifest.read_text(encoding="utf-8"))["version"]
        if not versions[package].startswith(prefix):
            pytest.fail(f"{package} is {versions[package]}, not {prefix}x; reinstall with: {NPM_CI}")
    return versions


@pytest.fixture(scope="module")
def shipped() -> Store:
    path = ROOT / "events.yaml"
    dataset = stores.load(path)
    return Store("shipped", path, "Deir ez-Zor & Syria, 2021-2024", query.select(dataset),
                 {s.id: s for s in dataset.sources})


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Store:
    path = tmp_path_factory.mktemp("hostile") / "hostile.yaml"
    path.write_text(HOSTILE_STORE, encoding="utf-8")
    dataset = stores.load(path)
    return Store("hostile", path, "<b>Hostile</b> & \"quoted\"", query.select(dataset),
                 {s.id: s for s in dataset.sources})


@pytest.fixture(params=["shipped", "hostile"])
def store(request) -> Store:
    """Each test that takes `store` runs once on the shipped store and once on the hostile one."""
    return request.getfixturevalue(request.param)


@pytest.fixture(scope="module")
def export(tmp_path_factory):
    """`export(store, fmt, *args)`: the file `timeline export --format fmt --title ... -o FILE` writes, as a
    user would make it (each export made once per module)."""
    folder = tmp_path_factory.mktemp("exports")
    made: dict[tuple, Path] = {}
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_FILE"}

    def run(store: Store, fmt: str, *args: str) -> Path:
        key = (store.name, fmt, args)
        if key not in made:
            out = folder / f"{store.name}{''.join(args).replace('-', '_')}.{fmt}"
            subprocess.run([sys.executable, "-m", "timeline", "export", "--format", fmt, "-o", str(out),
                            "--file", str(store.path), "--title", store.title, *args],
                           check=True, capture_output=True, text=True, env=env, cwd=folder)
            made[key] = out
        return made[key]

    return run


@pytest.fixture(scope="module")
def browser(tmp_path_factory, npm_packages):
    """One headless Chromium for the module (tests/chromium.py)."""
    driver = chromium.start(tmp_path_factory.mktemp("chromium-profile"), "the consumer tests")
    yield driver
    driver.quit()


# -- helpers -------------------------------------------------------------------------------------


def in_page(driver, page: str, function: str, *args):
    """Open the harness `page` from its file and await `window[function](*args)`; its value, or the
    error the consumer raised (as an AssertionError)."""
    driver.get_log("browser")  # drop what an earlier page logged
    driver.get((CONSUMERS / page).as_uri())
    result = driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        var args = Array.prototype.slice.call(arguments, 1, arguments.length - 1);
        window[arguments[0]].apply(null, args).then(
            function (value) { done({value: value}); },
            function (error) { done({error: String(error && error.stack || error)}); });""", function, *args)
    assert "error" not in result, f"{page}: {result['error']}"
    return result["value"]


def console_errors(driver) -> list[dict]:
    return [entry for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def assert_nothing_ran(driver) -> None:
    """No alert is open: nothing the store holds ran as script."""
    from selenium.common.exceptions import NoAlertPresentException

    with pytest.raises(NoAlertPresentException):
        driver.switch_to.alert.text  # noqa: B018 - reading it is the check


def node(script: str, *args: str, module: bool = False) -> str:
    """Run `script` in node from tests/consumers (so it finds node_modules); its standard output."""
    command = ["node", *(["--input-type=module"] if module else []), "-e", script, *args]
    done = subprocess.run(command, check=False, cwd=CONSUMERS, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout


def squeeze(text: str) -> str:
    """`text` without any whitespace: SVG text is broken into lines where the consumer likes."""
    return re.sub(r"\s+", "", text)


def doubtful(event: Event) -> bool:
    return event.when.approximate or event.when.uncertain


def linked_urls(store: Store, event: Event, per_citation: bool) -> list[str]:
    """The http(s) addresses an event's sources link to: one per citation, or one per source cited."""
    cited = [c.source for c in event.citations] if per_citation else source_ids(event)
    return [safe_url(store.sources[i].url) for i in cited if i in store.sources and safe_url(store.sources[i].url)]


class HTMLDocument(HTMLParser):
    """The tags, links and table rows of a rendered Markdown document (text and attributes unescaped)."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: Counter[str] = Counter()
        self.hrefs: list[str] = []
        self.heading = ""
        self.rows: list[list[dict]] = []
        self._cell: dict | None = None
        self._in_heading = False
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags[tag] += 1
        attrs = dict(attrs)
        if tag == "h1":
            self._in_heading = True
        elif tag == "tr":
            self.rows.append([])
        elif tag in ("td", "th"):
            self._cell = {"tag": tag, "text": "", "links": []}
            self.rows[-1].append(self._cell)
        elif tag == "a":
            self.hrefs.append(attrs.get("href", ""))
            if self._cell is not None:
                self._cell["links"].append(attrs.get("href", ""))

    def handle_endtag(self, tag):
        if tag == "h1":
            self._in_heading = False
        elif tag in ("td", "th"):
            self._cell = None

    def handle_data(self, data):
        if self._in_heading:
            self.heading += data
        if self._cell is not None:
            self._cell["text"] += data


# -- iCalendar: icalendar, vobject, ical.js --------------------------------------------------------


def test_ics_parses_in_icalendar_and_vobject(store, export):
    """Python's icalendar and vobject read one all-day VEVENT per event with the title, place and dates as
    written; doubtful dates (and candidates) are TENTATIVE; UIDs are unique and name the store."""
    import icalendar
    import vobject

    text = export(store, "ics").read_bytes()
    assert text.endswith(b"\r\n")
    calendar = icalendar.Calendar.from_ical(text)
    vevents = calendar.walk("VEVENT")
    assert len(vevents) == len(store.events)
    uids = [str(v["UID"]) for v in vevents]
    assert len(set(uids)) == len(uids)
    assert all(uid.endswith(f"@{store.path.stem}.timeline") for uid in uids)
    by_id = store.by_id()
    for vevent, uid in zip(vevents, uids):
        event = by_id[uid.rsplit("@", 1)[0]]
        assert str(vevent["SUMMARY"]).startswith(display_title(event))
        assert str(vevent.get("LOCATION", "")) == event.place
        assert vevent.decoded("DTSTART") == event.when.earliest
        assert vevent.decoded("DTEND") == event.when.latest + timedelta(days=1)
        tentative = str(vevent.get("STATUS", "")) == "TENTATIVE"
        assert tentative == (doubtful(event) or event.status != "accepted"), event.id
        description = str(vevent.get("DESCRIPTION", ""))
        assert all(url in description for url in linked_urls(store, event, per_citation=False))
    assert any(doubtful(e) for e in store.events)

    parsed = vobject.readOne(text.decode("utf-8"))
    # The calendar's name is checked here only: icalendar and ical.js give an X- property's value as written,
    # so a comma in the title reads "\," there (RFC 5545 3.8.8.2 makes it TEXT, as vobject reads it).
    assert parsed.contents["x-wr-calname"][0].value == store.title
    assert [v.uid.value for v in parsed.vevent_list] == uids
    assert [v.summary.value for v in parsed.vevent_list] == [str(v["SUMMARY"]) for v in vevents]
    assert [v.dtstart.value for v in parsed.vevent_list] == [v.decoded("DTSTART") for v in vevents]


ICAL_JS = """
const ICAL = require('ical.js');
const text = require('fs').readFileSync(process.argv[1], 'utf8');
const calendar = new ICAL.Component(ICAL.parse(text));
console.log(JSON.stringify({
  events: calendar.getAllSubcomponents('vevent').map(function (vevent) {
    const event = new ICAL.Event(vevent);
    return {uid: event.uid, summary: event.summary, location: event.location || '',
            status: vevent.getFirstPropertyValue('status'), allDay: event.startDate.isDate,
            start: event.startDate.toString(), end: event.endDate.toString()};
  }),
}));
"""


def test_ics_parses_in_ical_js(store, export, npm_packages):
    """ical.js (the parser of Thunderbird's calendar) reads every VEVENT: all-day, the same UIDs, titles and
    places, TENTATIVE exactly where the date is doubtful or the event a candidate."""
    parsed = json.loads(node(ICAL_JS, str(export(store, "ics"))))
    assert len(parsed["events"]) == len(store.events)
    by_id = store.by_id()
    assert sorted(e["uid"].rsplit("@", 1)[0] for e in parsed["events"]) == sorted(by_id)
    for item in parsed["events"]:
        event = by_id[item["uid"].rsplit("@", 1)[0]]
        assert item["uid"].endswith(f"@{store.path.stem}.timeline")
        assert item["summary"].startswith(display_title(event)) and item["location"] == event.place
        assert item["allDay"] is True
        assert (item["start"], item["end"]) == (event.when.earliest.isoformat(),
                                                (event.when.latest + timedelta(days=1)).isoformat())
        assert (item["status"] == "TENTATIVE") == (doubtful(event) or event.status != "accepted")


# -- TimelineJS 3.9 in Chromium ---------------------------------------------------------------------

TIMELINE_STATE = """
    var slides = Array.prototype.slice.call(document.querySelectorAll('.tl-storyslider .tl-slide'));
    var events = slides.filter(function (s) { return !s.classList.contains('tl-slide-titleslide'); });
    function texts(list, selector) {
        return list.map(function (s) { var e = s.querySelector(selector); return e ? e.textContent : null; });
    }
    var embed = document.getElementById('timeline-embed').getBoundingClientRect().width;
    return {
        slides: slides.length,
        title: texts(slides.filter(function (s) { return s.classList.contains('tl-slide-titleslide'); }),
                     '.tl-headline'),
        headlines: texts(events, '.tl-headline'),
        dates: texts(events, '.tl-headline-date'),
        markers: texts(Array.prototype.slice.call(document.querySelectorAll('.tl-timemarker')), '.tl-headline'),
        links: Array.prototype.map.call(document.querySelectorAll('.tl-storyslider a'),
                                        function (a) { return a.getAttribute('href'); }),
        hrefs: Array.prototype.map.call(document.querySelectorAll('#timeline-embed [href], #timeline-embed [src]'),
                                        function (e) { return e.getAttribute('href') || e.getAttribute('src'); }),
        injected: document.querySelectorAll('.tl-timeline img, .tl-timeline script, .tl-timeline iframe, '
                                            + '.tl-timeline b, [onerror]').length,
        groups: Array.prototype.map.call(document.querySelectorAll('.tl-timegroup'),
                                         function (g) { return g.textContent; }),
        narrowest: Math.min.apply(null, Array.prototype.map.call(document.querySelectorAll('.tl-slide-content'),
            function (c) { return c.getBoundingClientRect().width; })) / embed,
    };
"""


def show_timeline(browser, data: dict) -> dict:
    errors = in_page(browser, "timelinejs.html", "showTimeline", data)
    assert errors == [], f"TimelineJS dropped events: {errors}"
    return browser.execute_script(TIMELINE_STATE)


def test_timelinejs_shows_every_event_with_its_links(store, export, browser):
    """TimelineJS 3.9 lays out a title slide and one slide per event with no console error; headlines and
    dates show as written (markup as text); each source is an <a> to exactly its http(s) address and
    nothing else is a link; without --group there is one row of markers and the slides are full width."""
    data = json.loads(export(store, "timelinejs").read_text(encoding="utf-8"))
    state = show_timeline(browser, data)
    assert console_errors(browser) == []
    assert_nothing_ran(browser)

    assert state["slides"] == len(store.events) + 1
    assert state["title"] == [store.title]
    titles = sorted(display_title(e) for e in store.events)
    assert sorted(state["headlines"]) == titles
    assert sorted(state["markers"]) == titles
    assert sorted(state["dates"]) == sorted(e.when.label for e in store.events)

    expected = [url for e in store.events for url in linked_urls(store, e, per_citation=True)]
    assert len(state["links"]) == len(expected) > 0
    assert Counter(state["links"]) == Counter(expected)
    assert all(href.startswith(("http://", "https://")) for href in state["hrefs"]), state["hrefs"]
    assert state["injected"] == 0

    assert state["groups"] == []
    assert state["narrowest"] > 0.95


def test_timelinejs_groups_by_place_when_asked(store, export, browser):
    """With --group place, TimelineJS draws one row per place the events name, and still every slide."""
    data = json.loads(export(store, "timelinejs", "--group", "place").read_text(encoding="utf-8"))
    state = show_timeline(browser, data)
    assert console_errors(browser) == []
    assert_nothing_ran(browser)
    assert state["slides"] == len(store.events) + 1
    # TimelineJS puts the events that have no place in one unnamed row of their own; every place has its
    # own row named exactly as written, markup and entities included.
    places = {e.place for e in store.events if e.place}
    assert len(state["groups"]) == len(set(state["groups"])) > 1
    assert {g for g in state["groups"] if g} == places


# -- Mermaid 11 in Chromium -------------------------------------------------------------------------


def test_mermaid_renders_one_period_per_date(store, export, browser):
    """Mermaid 11 parses our diagram and renders it to SVG with no error: one period per date in order,
    holding every event of that date, each title shown as written; nothing in a title becomes an element."""
    text = export(store, "mermaid").read_text(encoding="utf-8")
    rendered = in_page(browser, "mermaid.html", "renderMermaid", text)
    assert console_errors(browser) == []
    assert_nothing_ran(browser)
    assert rendered["type"] == "timeline" and rendered["svg"].startswith("<svg")

    labels = list(dict.fromkeys(e.when.label for e in store.events))
    assert [task["period"].strip() for task in rendered["tasks"]] == labels
    per_label = Counter(e.when.label for e in store.events)
    assert [len(task["events"]) for task in rendered["tasks"]] == [per_label[label] for label in labels]
    assert max(per_label.values()) >= 2  # the store has events that share a date

    state = browser.execute_script("""
        var svg = document.querySelector('#out svg');
        return {text: svg.textContent,
                injected: svg.querySelectorAll('img, script, iframe, [onerror], [onload], a').length};""")
    assert state["injected"] == 0
    shown = squeeze(state["text"])
    for event in store.events:
        assert squeeze(display_title(event)) in shown, event.id
    assert squeeze(store.title) in shown  # the title too: Mermaid draws it as HTML


# -- Markdown: markdown-it-py and marked ----------------------------------------------------------

MARKED = """
import { marked } from 'marked';
import { readFileSync } from 'node:fs';
process.stdout.write(marked.parse(readFileSync(process.argv[1], 'utf8')));
"""


def markdown_renderings(path: Path) -> dict[str, str]:
    """The HTML of the Markdown file in markdown-it-py (CommonMark with raw HTML on, and GFM tables) and in
    marked (GitHub Flavored Markdown, its default)."""
    from markdown_it import MarkdownIt

    text = path.read_text(encoding="utf-8")
    return {
        "markdown-it-py": MarkdownIt("commonmark", {"html": True}).enable("table").render(text),
        "marked": node(MARKED, str(path), module=True),
    }


def test_markdown_renders_a_table_of_text_and_http_links(store, export, npm_packages):
    """In markdown-it-py and marked the export is a heading and a table, one row per event: the date, title
    and place show exactly as written (no <script>, <img>, <em> or javascript: link comes out of them) and
    the sources cell links each http(s) source and nothing else."""
    for renderer, html in markdown_renderings(export(store, "md")).items():
        document = HTMLDocument(html)
        assert set(document.tags) <= {"h1", "table", "thead", "tbody", "tr", "th", "td", "a"}, (renderer, html)
        assert "<script" not in html and "<img" not in html and "<em>" not in html
        assert not re.search(r"href=\"\s*javascript:", html, re.IGNORECASE)
        assert document.heading == store.title
        header, *rows = document.rows
        assert [c["text"] for c in header] == ["Date", "Event", "Place", "Sources"]
        assert len(rows) == len(store.events), renderer
        for row, event in zip(rows, store.events):
            assert [c["text"] for c in row[:3]] == [event.when.label, display_title(event), event.place], renderer
            expected = linked_urls(store, event, per_citation=False)
            # The same addresses; renderers percent-encode what a link may not hold raw ("<>() and spaces).
            assert [unquote(u) for u in row[3]["links"]] == [unquote(u) for u in expected], renderer
            assert not any(c in u for u in row[3]["links"] for c in '<>"'), renderer
        assert len(document.hrefs) == sum(len(linked_urls(store, e, per_citation=False)) for e in store.events)


# -- CSV: pandas ------------------------------------------------------------------------------------


def number(text: str) -> bool:
    try:
        float(text.replace(",", "").rstrip("%"))
    except ValueError:
        return False
    return True


def test_csv_reads_in_pandas_with_text_as_written(store, export):
    """pandas reads the documented columns and one row per event; a title a spreadsheet would run as a
    formula starts with ', a plain number is left a number, and no cell starts a formula."""
    import pandas

    path = export(store, "csv")
    frame = pandas.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    assert list(frame.columns) == list(COLUMNS)
    assert list(frame["id"]) == [e.id for e in store.events]
    assert list(frame["date_start"]) == [e.when.earliest.isoformat() for e in store.events]
    assert list(frame["date_end"]) == [e.when.latest.isoformat() for e in store.events]
    assert pandas.to_datetime(frame["date_start"], format="%Y-%m-%d").notna().all()
    for row, event in zip(frame.itertuples(index=False), store.events):
        if event.title.startswith(FORMULA_STARTS):
            assert row.title == "'" + event.title
        else:
            assert row.title == event.title
        assert row.approximate == str(event.when.approximate).lower()
        assert row.uncertain == str(event.when.uncertain).lower()
    cells = [cell for column in frame.columns for cell in frame[column]]
    assert all(not cell.startswith(FORMULA_STARTS) or number(cell) for cell in cells)

    if store.name == "hostile":
        row = frame.set_index("id").loc["formula-title"]
        assert row["title"] == "'=cmd|'/C calc'!A0"
        assert row["notes"] == "-3.5" and float(row["notes"]) == -3.5
        assert frame.set_index("id").loc["script-title", "title"] == "<script>alert(1)</script>"


# -- JSON: json and jq ------------------------------------------------------------------------------


def test_json_answers_jq_queries(store, export):
    """json reads the document, and jq answers the queries a script would ask: the version, each event's
    uncertain flag, the cited sources' addresses as stored."""
    import jq

    text = export(store, "json").read_text(encoding="utf-8")
    document = json.loads(text)
    assert document["title"] == store.title
    assert jq.compile(".version").input_text(text).first() == 1
    assert jq.compile("[.events[].uncertain]").input_text(text).first() == [e.when.uncertain for e in store.events]
    assert jq.compile("[.events[] | select(.approximate or .uncertain) | .id]").input_text(text).first() == [
        e.id for e in store.events if doubtful(e)]
    cited = list(dict.fromkeys(i for e in store.events for i in source_ids(e) if i in store.sources))
    assert jq.compile(".sources[].url").input_text(text).all() == [store.sources[i].url for i in cited]


# -- Timesketch JSONL --------------------------------------------------------------------------------


def test_timesketch_lines_parse_with_the_fields_timesketch_requires(store, export):
    """Every line is one JSON object with a message, an ISO 8601 datetime with a time zone (the first day,
    at midnight UTC) and a timestamp_desc."""
    lines = export(store, "timesketch").read_text(encoding="utf-8").splitlines()
    assert len(lines) == len(store.events)
    for line, event in zip(lines, store.events):
        record = json.loads(line)
        assert record["message"] == display_title(event)
        moment = datetime.fromisoformat(record["datetime"])
        assert moment.tzinfo is not None and moment.utcoffset() == timedelta(0)
        assert moment.date() == event.when.earliest
        assert isinstance(record["timestamp_desc"], str) and record["timestamp_desc"]
        # Timesketch shows these as links: only http(s) addresses are carried.
        assert record["source_urls"] == [u for u in linked_urls(store, event, per_citation=False)]
