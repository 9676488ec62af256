"""Tests for timeline.export: the registry, golden files for each file format, and each format's rules.

The golden files under tests/golden/ are compared byte for byte. After a deliberate change to a format,
regenerate them with `UPDATE_GOLDEN=1 pytest tests/test_export.py`, then read the diff before committing.
"""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from timeline.dates import Resolution
from timeline.errors import InputError
from timeline.export import FORMATS, Options, render
from timeline.export.ical import escape, fold
from timeline.model import Citation, Event, Source

GOLDEN = Path(__file__).parent / "golden"

SOURCES = {
    s.id: s
    for s in (
        Source(
            "enab-2021-11-27", "Enab Baladi", "Settlement in Deir Ezzor",
            "https://english.enabbaladi.net/archives/2021/11/settlement",
        ),
        Source(
            "newarab-2024-12-09", "The New Arab", "HTS-led coalition announces amnesty",
            "https://www.newarab.com/news/hts-amnesty",
        ),
        Source("field-notes", "Field notes"),
    )
}

EVENTS = (
    Event(
        id="settlement-centre-opens",
        when=Resolution.span(date(2021, 11, 22), date(2021, 11, 26)),
        title="Settlement centre opens | phase one",
        place="Deir ez-Zor",
        actors=("Syrian government",),
        tags=("settlement", "deir-ez-zor"),
        origin="parsed",
        citations=(
            Citation(
                "enab-2021-11-27", "On November 22", "The centre opened on November 22.\nHundreds queued."
            ),
        ),
    ),
    Event(
        id="settlement-extended-to-raqqa",
        when=Resolution.month(2022, 1),
        title="=HYPERLINK(\"http://example.com\") settlement extended",
        place="Raqqa",
        actors=("@SyriaGovt",),
        tags=("settlement",),
        citations=(Citation("field-notes", "", "+300 men registered, officials said"),),
        notes="-figures vary; see the governor's statement",
    ),
    Event(
        id="sdf-takes-deir-ez-zor",
        when=Resolution.day(date(2024, 12, 6), approximate=True),
        title=(
            "SDF takes control of Deir ez-Zor after regime forces withdraw from the city"
            " and its western countryside"
        ),
        place="Deir ez-Zor",
        actors=("SDF", "Syrian government forces"),
        tags=("deir-ez-zor", "sdf"),
        origin="parsed",
        citations=(
            Citation(
                "newarab-2024-12-09", "a few days ago",
                "The SDF took control of Deir az-Zour; residents said so, too",
            ),
            Citation("field-notes", "", "Confirmed by a resident of دير الزور"),
        ),
    ),
    Event(
        id="amnesty-announced",
        when=Resolution.day(date(2024, 12, 9)),
        title="HTS-led coalition announces general amnesty",
        place="Damascus",
        actors=("HTS",),
        tags=("amnesty",),
        status="candidate",
        origin="parsed",
        citations=(Citation("newarab-2024-12-09", "", "A general amnesty for conscripts"),),
    ),
)

GOLDEN_FILES = [
    ("md", "timeline.md"), ("csv", "timeline.csv"), ("json", "timeline.json"), ("ics", "timeline.ics"),
]


def event(title: str = "Title", when: Resolution | None = None, **fields) -> Event:
    return Event(id="e", when=when or Resolution.day(date(2024, 12, 6)), title=title, **fields)


@pytest.mark.parametrize(("name", "filename"), GOLDEN_FILES)
def test_format_matches_golden_file(name, filename):
    """Each file format renders the fixed dataset exactly as its reviewed golden file."""
    rendered = render(name, EVENTS, SOURCES).encode("utf-8")
    path = GOLDEN / filename
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_bytes(rendered)
    assert rendered == path.read_bytes()


def test_registry_lists_formats_in_order():
    """The registry offers the formats in the documented order."""
    assert list(FORMATS) == [
        "table", "md", "csv", "json", "ics", "timelinejs", "mermaid", "timesketch", "html", "svg"]


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_renders_text_ending_in_a_newline(name):
    """Every registered format turns the events into text that ends with a line break."""
    assert render(name, EVENTS, SOURCES).endswith("\n")


def test_render_rejects_unknown_format_listing_known_ones():
    """An unknown format name raises InputError naming it and listing the known formats."""
    with pytest.raises(InputError) as raised:
        render("docx", EVENTS, SOURCES)
    message = str(raised.value)
    assert "'docx'" in message
    assert all(name in message for name in FORMATS)


def test_importing_the_registry_does_not_import_tabulate():
    """The registry loads a format's module only when rendering, so tabulate stays unloaded until then."""
    code = "import sys, timeline.export; print('tabulate' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "False"


# -- table ---------------------------------------------------------------------------------------


def test_table_marks_unaccepted_events_and_lists_source_ids():
    """The table prefixes candidate and rejected titles and joins source ids with ", "."""
    events = [
        event("Seen", status="candidate", citations=(Citation("a"), Citation("b"), Citation("a"))),
        event("Dropped", status="rejected"),
        event("Settled"),
    ]
    lines = render("table", events, {}).splitlines()
    assert lines[0].split() == ["date", "title", "place", "sources"]
    assert "[candidate] Seen" in lines[2] and lines[2].rstrip().endswith("a, b")
    assert "[rejected] Dropped" in lines[3]
    assert "Settled" in lines[4] and "[" not in lines[4]


def test_table_keeps_a_year_label_left_aligned_as_text():
    """A year label is shown as written, not re-read as a number."""
    lines = render("table", [event(when=Resolution.year(2024))], {}).splitlines()
    assert lines[2].startswith("2024 ")


# -- markdown ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value", "cell"),
    [
        ("title", "A | B", "A \\| B"),
        ("title", "first\nsecond", "first second"),
        ("place", "Raqqa|Tabqa\r\nroad", "Raqqa\\|Tabqa road"),
    ],
)
def test_markdown_escapes_pipes_and_newlines_in_cells(field, value, cell):
    """A `|` in a cell becomes `\\|` and a line break a space, so each event stays one table row."""
    text = render("md", [event(**{"title": "Title", field: value})], {})
    row = text.splitlines()[-1]
    assert len(text.splitlines()) == 5
    assert f"| {cell} |" in row


def test_markdown_links_sources_with_a_url_and_names_the_rest_by_id():
    """A source with a url becomes [outlet](url); one without a url, or unknown, is shown by its id."""
    citations = (Citation("newarab-2024-12-09"), Citation("field-notes"), Citation("not-in-store"))
    row = render("md", [event(citations=citations)], SOURCES).splitlines()[-1]
    expected = "[The New Arab](https://www.newarab.com/news/hts-amnesty), field-notes, not-in-store"
    assert row.endswith(f"| {expected} |")


# -- csv -----------------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_neutralises_cells_a_spreadsheet_would_run(prefix):
    """A cell starting with =, +, -, @, tab or carriage return gets a leading single quote."""
    text = render("csv", [event(f"{prefix}cmd|' /C calc'!A0", notes=f"{prefix}1+1")], {})
    row = dict(zip(*csv.reader(io.StringIO(text))))
    assert row["title"] == f"'{prefix}cmd|' /C calc'!A0"
    assert row["notes"] == f"'{prefix}1+1"


@pytest.mark.parametrize("value", ["-3.5", "+1", "-1,000", "-12%", "+2.5e3"])
def test_csv_leaves_plain_numbers_alone(value):
    """A cell that is a plain number, sign and all, is what a spreadsheet should read: no quote added."""
    text = render("csv", [event(value)], {})
    assert dict(zip(*csv.reader(io.StringIO(text))))["title"] == value


@pytest.mark.parametrize("value", ["safe", "a=b", " =x", "2024-12-06", ""])
def test_csv_leaves_other_cells_alone(value):
    """Cells that do not start with a formula character are written unchanged."""
    text = render("csv", [event(value)], {})
    row = dict(zip(*csv.reader(io.StringIO(text))))
    assert row["title"] == value


def test_csv_has_the_documented_columns_and_one_row_per_event():
    """The header names the documented columns in order and every event is one record."""
    records = list(csv.reader(io.StringIO(render("csv", EVENTS, SOURCES))))
    assert records[0] == [
        "id", "when", "date_start", "date_end", "date_prec", "time_precision", "precision", "approximate",
        "uncertain", "title", "place", "actors", "tags", "status", "origin", "sources", "quotes", "notes",
    ]
    assert [r[0] for r in records[1:]] == [e.id for e in EVENTS]


@pytest.mark.parametrize(("when", "date_prec", "time_precision"), [
    (Resolution.day(date(2024, 12, 6)), "1", "1"),
    (Resolution.span(date(2021, 11, 22), date(2021, 11, 26)), "2", "2"),
    (Resolution.week(date(2024, 12, 4)), "3", "2"),
    (Resolution.month(2024, 12), "4", "3"),
    (Resolution.year(2024), "5", "3"),
])
def test_csv_codes_precision_as_ucdp_and_acled_do(when, date_prec, time_precision):
    """date_prec follows UCDP GED's codebook (1 day ... 5 longer than a month), time_precision ACLED's
    (1 day, 2 about a week, 3 a month or longer)."""
    row = dict(zip(*csv.reader(io.StringIO(render("csv", [event(when=when)], {})))))
    assert (row["date_prec"], row["time_precision"]) == (date_prec, time_precision)


# -- json ----------------------------------------------------------------------------------------


def test_json_spells_out_the_date_and_keeps_citations():
    """Each JSON event carries its EDTF, bounds and precision next to its citations, in the given order."""
    document = json.loads(render("json", EVENTS, SOURCES))
    first = document["events"][0]
    assert [e["id"] for e in document["events"]] == [e.id for e in EVENTS]
    assert (first["when"], first["earliest"], first["latest"], first["precision"]) == (
        "2021-11-22/2021-11-26", "2021-11-22", "2021-11-26", "range",
    )
    assert first["citations"][0]["said"] == "On November 22"


# -- ics -----------------------------------------------------------------------------------------


def test_ics_lines_end_in_crlf_and_fit_75_octets():
    """Every iCalendar line ends in CRLF and no line, continuation included, exceeds 75 octets."""
    text = render("ics", EVENTS, SOURCES)
    assert text.endswith("\r\n")
    lines = text.split("\r\n")[:-1]
    assert all("\n" not in line and "\r" not in line for line in lines)
    assert max(len(line.encode("utf-8")) for line in lines) <= 75


def test_ics_folding_round_trips_and_keeps_characters_whole():
    """Unfolding a folded line gives the original, and no multi-byte character is split."""
    line = "DESCRIPTION:" + "دير الزور " * 20
    folded = fold(line)
    assert folded.replace("\r\n ", "") == line
    assert all(len(part.encode("utf-8")) <= 75 for part in folded.split("\r\n"))


@pytest.mark.parametrize(
    ("text", "escaped"),
    [("a;b", "a\\;b"), ("a,b", "a\\,b"), ("a\\b", "a\\\\b"), ("a\nb", "a\\nb"), ("a\r\nb", "a\\nb")],
)
def test_ics_escapes_text_values(text, escaped):
    """RFC 5545 TEXT escaping covers semicolon, comma, backslash and line breaks."""
    assert escape(text) == escaped


def test_ics_all_day_end_is_the_day_after_the_last_day():
    """DTEND of an all-day event is exclusive: the day after the interval's last day."""
    text = render("ics", [event(when=Resolution.month(2024, 2))], {})
    assert "DTSTART;VALUE=DATE:20240201\r\n" in text
    assert "DTEND;VALUE=DATE:20240301\r\n" in text


# -- timelinejs ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("when", "start", "end"),
    [
        (Resolution.day(date(2024, 12, 6)), {"year": "2024", "month": "12", "day": "6"}, None),
        (Resolution.month(2024, 12), {"year": "2024", "month": "12"}, None),
        (Resolution.year(2024), {"year": "2024"}, None),
        (
            Resolution.span(date(2021, 11, 22), date(2021, 11, 26)),
            {"year": "2021", "month": "11", "day": "22"},
            {"year": "2021", "month": "11", "day": "26"},
        ),
        (Resolution.quarter(2024, 4), {"year": "2024", "month": "10"}, {"year": "2024", "month": "12"}),
        (Resolution.decade(2020), {"year": "2020"}, {"year": "2029"}),
    ],
)
def test_timelinejs_gives_only_the_date_parts_the_precision_has(when, start, end):
    """Month and day appear only when the date has them; end_date only when it spans several units."""
    slide = json.loads(render("timelinejs", [event(when=when)], {}))["events"][0]
    assert slide["start_date"] == start
    assert slide.get("end_date") == end


def test_timelinejs_slide_carries_headline_date_and_id():
    """A slide has the escaped, status-marked headline, the date as the store shows it, and the event id;
    no group unless asked."""
    when = Resolution.day(date(2022, 4, 19), uncertain=True)
    text = render("timelinejs", [event("A <b> & c", when=when, status="candidate", place="Raqqa")], {})
    slide = json.loads(text)["events"][0]
    assert slide["text"]["headline"] == "[candidate] A &lt;b&gt; &amp; c"
    assert slide["display_date"] == "2022-04-19?"
    assert "group" not in slide and slide["unique_id"] == "e"
    grouped = json.loads(render("timelinejs", [event(place="Raqqa")], {}, Options(group="place")))
    assert grouped["events"][0]["group"] == "Raqqa"


def test_timelinejs_links_sources_and_names_the_timeline():
    """Each source is an <a href> to its http(s) address (a javascript: one stays text), and the title
    slide carries the timeline's title."""
    sources = {"s": Source("s", "Out<let>", url="https://example.org/a?b=1&c=(2)"),
               "bad": Source("bad", "Bad", url="javascript:alert(1)")}
    citations = (Citation("s", quote="said <this>"), Citation("bad"))
    document = json.loads(render("timelinejs", [event(citations=citations)], sources, Options(title="Syria")))
    text = document["events"][0]["text"]["text"]
    assert '<a href="https://example.org/a?b=1&amp;c=(2)" target="_blank" rel="noopener">Out&lt;let&gt;</a>' in text
    assert "javascript:" not in text and "<p>Bad</p>" in text and "said &lt;this&gt;" in text
    assert document["title"]["text"]["headline"] == "Syria"


# -- mermaid -------------------------------------------------------------------------------------


def test_mermaid_groups_events_into_year_sections():
    """The diagram opens a section each time the year changes, events as "label : title" lines."""
    lines = render("mermaid", EVENTS, SOURCES).splitlines()
    assert lines[:2] == ["timeline", "    title Timeline"]
    assert [line.strip() for line in lines if "section" in line] == [
        "section 2021", "section 2022", "section 2024",
    ]
    assert "        2024-12-06~ : SDF takes control" in "\n".join(lines)


def test_mermaid_replaces_characters_it_would_misread():
    """':' ';' '#' in a title become Mermaid entity codes and a newline becomes a space."""
    line = render("mermaid", [event("Talks: round #2; day\nend")], {}).splitlines()[-1]
    assert line == "        2024-12-06 : Talks#58; round #35;2#59; day end"


# -- hostile text, and what each consumer needs ---------------------------------------------------------

HOSTILE = Event(
    id="hostile", when=Resolution.day(date(2024, 12, 6)),
    title='<script>alert(1)</script> <img src=x onerror=alert(2)> [x](javascript:alert(3)) *word*',
    citations=(Citation("evil", "", "<b>bold</b>"),),
)
EVIL_SOURCE = {"evil": Source("evil", "Evil <i>outlet</i>", url="javascript:alert(4)")}


def test_markdown_escapes_html_and_markdown_and_links_only_http():
    """In Markdown a title's <script>, <img onerror>, [x](javascript:) and *word* show as written (escaped),
    and a javascript: source address is never a link."""
    row = render("md", [HOSTILE], EVIL_SOURCE).splitlines()[-1]
    assert "<script>" not in row and "<img" not in row and "](javascript" not in row
    assert "&lt;script&gt;" in row and "\\*word\\*" in row and "\\[x\\]\\(javascript:alert\\(3\\)\\)" in row
    assert row.endswith("| evil |")


def test_markdown_link_destination_stays_one_link():
    """A parenthesis in a source's address is percent-encoded so the link is not cut short; an address
    with a space is no address (the store refuses it) and stays text."""
    sources = {"s": Source("s", "Outlet", url="https://example.org/a_(b)"),
               "t": Source("t", "Spaced", url="https://example.org/a (b)")}
    row = render("md", [event(citations=(Citation("s"), Citation("t")))], sources).splitlines()[-1]
    assert "[Outlet](https://example.org/a_%28b%29)" in row
    assert row.endswith(", t |") and "a (b)" not in row and "a%20" not in row


def test_ics_marks_doubtful_dates_tentative_and_names_the_store_in_uids():
    """An approximate or uncertain date carries its mark in the summary and STATUS:TENTATIVE; UIDs name
    the store, so two stores' events never clash in one calendar."""
    doubtful = event("Clash", when=Resolution.day(date(2022, 4, 19), uncertain=True))
    text = render("ics", [doubtful], {}, Options(store="syria.yaml", title="Syria"))
    assert "SUMMARY:Clash (?)\r\n" in text and "STATUS:TENTATIVE\r\n" in text
    assert "UID:e@syria.timeline\r\n" in text and "X-WR-CALNAME:Syria\r\n" in text
    assert "STATUS:TENTATIVE" not in render("ics", [event()], {})


def test_mermaid_merges_events_of_one_date_and_takes_a_title():
    """Events of the same date share one line; the diagram is titled as asked."""
    same_day = [event("First"), event("Second"), event("Later", when=Resolution.day(date(2024, 12, 9)))]
    lines = render("mermaid", same_day, {}, Options(title="Fall of Damascus")).splitlines()
    assert lines[1] == "    title Fall of Damascus"
    assert "        2024-12-06 : First : Second" in lines and "        2024-12-09 : Later" in lines


def test_json_is_versioned_and_carries_uncertainty_and_sources():
    """The document has a version, each event its approximate and uncertain flags, and the cited sources
    with outlet, url and publication date."""
    document = json.loads(render("json", EVENTS, SOURCES))
    assert document["version"] == 1
    assert {"approximate", "uncertain"} <= set(document["events"][0])
    assert document["events"][2]["approximate"] is True
    by_id = {s["id"]: s for s in document["sources"]}
    assert by_id["newarab-2024-12-09"]["url"] == "https://www.newarab.com/news/hts-amnesty"
    assert set(by_id) == {"enab-2021-11-27", "field-notes", "newarab-2024-12-09"}


def test_timesketch_lines_have_the_fields_timesketch_requires():
    """Each line is one JSON object with message, datetime (ISO 8601 with a zone) and timestamp_desc,
    and the event's own fields beside them."""
    lines = render("timesketch", EVENTS, SOURCES).splitlines()
    assert len(lines) == len(EVENTS)
    first = json.loads(lines[0])
    assert first["message"] == "Settlement centre opens | phase one"
    assert first["datetime"] == "2021-11-22T00:00:00+00:00"
    assert first["timestamp_desc"] and first["event_id"] == "settlement-centre-opens"
    assert first["latest"] == "2021-11-26" and first["sources"] == ["enab-2021-11-27"]


def test_table_cuts_long_titles_to_the_terminal_width_unless_wide():
    """Printed to a terminal of 80 columns, each row fits (a long title cut with "..."); --wide keeps it."""
    long = event("A very long headline " * 8, place="Deir ez-Zor", citations=(Citation("source-one"),))
    narrow = render("table", [long], {}, Options(width=80)).splitlines()
    assert max(map(len, narrow)) <= 80 and narrow[2].split("  ")[1].strip().endswith("...")
    wide = render("table", [long], {}, Options(width=80, wide=True)).splitlines()
    assert "A very long headline " * 7 in wide[2]
