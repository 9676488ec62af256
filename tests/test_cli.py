"""Tests for the `timeline` command line, through typer's CliRunner (and real processes where it matters)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline import store
from timeline.cli import app
from timeline.dates import Resolution
from timeline.model import Citation, Dataset, Event, Place, Source

ROOT = Path(__file__).resolve().parent.parent
D = date.fromisoformat

NEWARAB = Source("newarab-2024-12-09", "The New Arab", "HTS-led coalition announces general amnesty",
                 "https://www.newarab.com/", D("2024-12-09"))
ARTICLE = (
    "The Military Operations Administration granted amnesty to all conscripts on Monday.\n"
    "The SDF took control of Deir az-Zour last Friday, after regime forces withdrew.\n"
    "Thousands of soldiers fled during the past week from battles in Damascus and Homs.\n"
    "Two civilians were killed and six injured on Monday during protests in Deir az-Zour.\n"
)


@pytest.fixture
def runner():
    return CliRunner()


@pytest.fixture
def store_file(tmp_path, monkeypatch) -> Path:
    """A small store of its own for each test; TIMELINE_FILE cleared so --file decides."""
    monkeypatch.delenv("TIMELINE_FILE", raising=False)
    path = tmp_path / "events.yaml"
    dataset = Dataset(
        sources=(NEWARAB,),
        places=(Place("Deir ez-Zor", ("Deir az-Zour", "Deir Ezzor")), Place("Damascus")),
        events=(
            Event("assad-flees", Resolution.day(D("2024-12-08")), "Bashar al-Assad flees Damascus",
                  place="Damascus", actors=("HTS",), tags=("collapse",)),
            Event("sdf-takes-deir-ez-zor", Resolution.day(D("2024-12-06")), "SDF takes Deir ez-Zor",
                  place="Deir ez-Zor", tags=("sdf",), origin="parsed",
                  citations=(Citation(NEWARAB.id, "last Friday", "The SDF took control of Deir az-Zour last Friday"),)),
            Event("amnesty", Resolution.day(D("2024-12-09")), "HTS grants amnesty to conscripts",
                  after="assad-flees", origin="parsed",
                  citations=(Citation(NEWARAB.id, "a day after", "In a statement issued a day after the toppling"),)),
        ),
    )
    store.save(dataset, path)
    return path


def invoke(runner, *args, input=None):
    return runner.invoke(app, [str(a) for a in args], input=input)


def assert_one_line_error(result, *fragments):
    assert result.exit_code == 1, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.output
    for fragment in fragments:
        assert fragment in lines[0]


COMMANDS = ["show", "export", "add", "add-source", "add-place", "check", "sources", "resolve", "tag", "ingest",
            "review", "accept", "reject", "rename", "merge", "edit"]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(runner, command):
    """Every command answers --help with its usage and a description."""
    result = invoke(runner, command, "--help")
    assert result.exit_code == 0
    assert "Usage:" in result.output and len(result.output.splitlines()) > 4


def test_show_prints_the_timeline_in_order(runner, store_file):
    """show prints a table of date, title, place and sources, earliest first."""
    result = invoke(runner, "show", "--file", store_file)
    assert result.exit_code == 0
    lines = result.output.splitlines()
    assert lines[0].split() == ["date", "title", "place", "sources"]
    order = [line.split()[0] for line in lines[2:]]
    assert order == ["2024-12-06", "2024-12-08", "2024-12-09"]


def test_show_reads_the_store_from_the_environment(runner, store_file, monkeypatch):
    """Without --file, $TIMELINE_FILE names the store."""
    monkeypatch.setenv("TIMELINE_FILE", str(store_file))
    result = invoke(runner, "show")
    assert result.exit_code == 0 and "SDF takes Deir ez-Zor" in result.output


@pytest.mark.parametrize(
    "options, expected",
    [
        (["--from", "2024-12-07"], ["assad-flees", "amnesty"]),
        (["--to", "2024-12-08"], ["sdf-takes-deir-ez-zor", "assad-flees"]),
        (["--place", "Deir Ezzor"], ["sdf-takes-deir-ez-zor"]),
        (["--actor", "hts"], ["assad-flees"]),
        (["--tag", "sdf"], ["sdf-takes-deir-ez-zor"]),
        (["--source", "newarab-2024-12-09"], ["sdf-takes-deir-ez-zor", "amnesty"]),
        (["--grep", "toppling"], ["amnesty"]),
        (["--status", "rejected"], []),
    ],
)
def test_show_filters(runner, store_file, options, expected):
    """Each filter of show keeps exactly the events it names, in date order."""
    result = invoke(runner, "show", "--file", store_file, "--format", "json", *options)
    assert result.exit_code == 0
    assert [e["id"] for e in json.loads(result.output)["events"]] == expected


def test_show_missing_store_says_where_and_how_to_start(runner, tmp_path):
    """A missing store is one error line naming the path looked for and `timeline add`."""
    missing = tmp_path / "nowhere.yaml"
    result = invoke(runner, "show", "--file", missing)
    assert_one_line_error(result, str(missing), "timeline add")


@pytest.mark.parametrize(
    "content, fragments",
    [
        (b"version: 1\nevents:\n  - id: a\n    when: 2024\n    title: [unclosed\n", [":6:", "invalid YAML"]),
        (b"version: 1\nevents:\n  - id: a\n    when: 2024\n    title: x\n    titel: y\n", [":6", "titel"]),
        (b"version: 1\nevents:\n  - id: a\n    title: x\n", [":3", "when"]),
        (b"version: 1\nevents:\n  - id: a\n    when: 2024\n    title: x\n    actors: SDF\n", [":6", "actors"]),
        (b"version: 1\nevents:\n  - {id: a, when: 2024, title: x}\n  - {id: a, when: 2024, title: y}\n", [":4", "'a'"]),
        (b"version: 1\nevents:\n  - id: a\n    when: 2024\n    title: x\n    citations:\n      - source: nope\n",
         [":7", "nope"]),
        (b"version: 1\nevents:\n  - id: a\n    when: last Friday\n    title: x\n", [":4", "last Friday"]),
        (b"version: 1\nevents:\n  - id: Bad_Id\n    when: 2024\n    title: x\n", [":3", "Bad_Id"]),
        (b"version: 1\nevents: !!python/object/apply:os.system [echo pwned]\n", [":2"]),
        ("version: 1\nevents: []\n# caf\xe9\n".encode("latin-1"), ["UTF-8"]),
        (b"\x00\x01\x02binary", ["UTF-8"]),
    ],
    ids=["malformed", "unknown-key", "missing-field", "wrong-type", "duplicate-id", "unknown-source",
         "bad-when", "bad-id", "python-tag", "not-utf8", "binary"],
)
@pytest.mark.parametrize("command", [["show"], ["check"], ["add", "New event", "--date", "2024-12-01"]])
def test_bad_store_is_one_error_line_and_untouched(runner, tmp_path, content, fragments, command):
    """Every bad store gives one `error:` line naming file and line, exit 1, and the file is left as it was."""
    path = tmp_path / "events.yaml"
    path.write_bytes(content)
    result = invoke(runner, *command, "--file", path)
    assert_one_line_error(result, str(path), *fragments)
    assert path.read_bytes() == content


def test_add_creates_the_store_and_makes_an_id(runner, tmp_path):
    """add starts a store when there is none and makes the event's id from its title."""
    path = tmp_path / "new.yaml"
    result = invoke(runner, "add", "Opposition forces capture Hama", "--date", "2024-12-05",
                    "--place", "Hama", "--tag", "offensive", "--file", path)
    assert result.exit_code == 0, result.output
    event = store.load(path).event("opposition-forces-capture-hama")
    assert event.when.edtf == "2024-12-05" and event.place == "Hama" and event.tags == ("offensive",)


def test_add_twice_never_collides(runner, store_file):
    """Two events with the same title get different ids."""
    for _ in range(2):
        assert invoke(runner, "add", "Protest in Deir ez-Zor", "--date", "2024-12-09", "--file", store_file).exit_code == 0
    ids = [e.id for e in store.load(store_file).events]
    assert "protest-in-deir-ez-zor" in ids and "protest-in-deir-ez-zor-2" in ids


def test_add_resolves_an_expression_against_the_source(runner, store_file):
    """add --date EXPR --source resolves the expression on the source's publication date and keeps it as said."""
    result = invoke(runner, "add", "Protesters shot in al-Joura", "--date", "on Monday", "--source",
                    "newarab-2024-12-09", "--quote", "Two civilians were killed on Monday", "--file", store_file)
    assert result.exit_code == 0, result.output
    event = store.load(store_file).event("protesters-shot-in-al-joura")
    assert event.when.edtf == "2024-12-09"
    assert event.citations == (Citation("newarab-2024-12-09", "on Monday", "Two civilians were killed on Monday"),)


def test_add_after_an_event(runner, store_file):
    """add --after EVENT dates the expression from that event and records the link."""
    result = invoke(runner, "add", "Caretaker government formed", "--date", "two days after", "--after",
                    "assad-flees", "--file", store_file)
    assert result.exit_code == 0, result.output
    event = store.load(store_file).event("caretaker-government-formed")
    assert event.when.edtf == "2024-12-10" and event.after == "assad-flees"


@pytest.mark.parametrize(
    "args, fragment",
    [
        (["--date", "2024-12-40"], "2024-12-40"),
        (["--date", "last Friday"], "--anchor"),
        (["--date", "2024-12-01", "--source", "unknown-source"], "unknown-source"),
        (["--date", "2024-12-01", "--after", "no-such-event"], "no-such-event"),
        (["--date", "sometime", "--anchor", "2024-12-09"], "sometime"),
        (["--date", "2024-12-01", "--id", "assad-flees"], "assad-flees"),
        (["--date", "yesterday", "--anchor", "09/12/2024"], "09/12/2024"),
    ],
)
def test_add_bad_input_changes_nothing(runner, store_file, args, fragment):
    """add with a bad date, source, anchor, event or id is one error line and the store is untouched."""
    before = store_file.read_bytes()
    result = invoke(runner, "add", "Something", *args, "--file", store_file)
    assert_one_line_error(result, fragment)
    assert store_file.read_bytes() == before


def test_two_adds_at_once_both_land(store_file):
    """Two `timeline add` processes started together both land: the store is locked across read-modify-write."""
    env = {**os.environ, "TIMELINE_FILE": str(store_file)}
    procs = [subprocess.Popen([sys.executable, "-m", "timeline", "add", f"Concurrent event {n}", "--date", "2024-12-01"],
                              env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for n in range(4)]
    for proc in procs:
        assert proc.wait(timeout=60) == 0, proc.stderr.read()
    ids = {e.id for e in store.load(store_file).events}
    assert {f"concurrent-event-{n}" for n in range(4)} <= ids


def test_check_passes_on_a_consistent_store(runner, store_file):
    """check exits 0 and counts events, sources and citations when every said resolves to its event."""
    result = invoke(runner, "check", "--file", store_file)
    assert result.exit_code == 0, result.output
    assert "3 events, 1 sources, 2 citations; 0 error(s)" in result.output


def test_check_finds_and_fixes_a_stale_date(runner, store_file):
    """After the event it is dated from moves, check reports the stale citation; --fix re-dates it."""
    assert invoke(runner, "edit", "assad-flees", "--date", "2024-12-07", "--file", store_file).exit_code == 0
    result = invoke(runner, "check", "--file", store_file)
    assert result.exit_code == 1
    assert "amnesty" in result.stderr and "2024-12-08" in result.stderr
    fixed = invoke(runner, "check", "--fix", "--file", store_file)
    assert fixed.exit_code == 0, fixed.output
    assert store.load(store_file).event("amnesty").when.edtf == "2024-12-08"


def test_sources_counts_citing_events(runner, store_file):
    """sources lists each source with the number of events citing it."""
    result = invoke(runner, "sources", "--file", store_file)
    assert result.exit_code == 0
    row = next(line for line in result.output.splitlines() if line.startswith("newarab-2024-12-09"))
    assert row.split()[1:2] == ["2024-12-09"] and " 2 " in row


@pytest.mark.parametrize("fmt, marker", [("md", "| Date |"), ("csv", '"id","when"'), ("json", '"events"'),
                                         ("ics", "BEGIN:VCALENDAR"), ("mermaid", "timeline"),
                                         ("timelinejs", '"start_date"')])
def test_export_formats_to_stdout_and_file(runner, store_file, tmp_path, fmt, marker):
    """export writes each format to stdout, or to the file named by -o."""
    result = invoke(runner, "export", "--format", fmt, "--file", store_file)
    assert result.exit_code == 0 and marker in result.output
    out = tmp_path / f"out.{fmt}"
    assert invoke(runner, "export", "--format", fmt, "-o", out, "--file", store_file).exit_code == 0
    assert marker in out.read_text(encoding="utf-8")


def test_export_passes_title_and_grouping_to_the_format(runner, store_file):
    """export --title names the timeline and --group place groups TimelineJS slides by place."""
    result = invoke(runner, "export", "--format", "timelinejs", "--title", "Fall of Damascus", "--group", "place",
                    "--file", store_file)
    document = json.loads(result.output)
    assert document["title"]["text"]["headline"] == "Fall of Damascus"
    assert {slide.get("group") for slide in document["events"]} >= {"Damascus", "Deir ez-Zor"}


def test_export_unknown_format_is_a_usage_error(runner, store_file):
    """--format is a fixed choice: an unknown one is a usage error (exit 2) naming it and the choices."""
    result = invoke(runner, "export", "--format", "pdf", "--file", store_file)
    assert result.exit_code == 2 and "pdf" in result.stderr and "timesketch" in result.stderr


def test_resolve_prints_every_field(runner):
    """resolve prints the EDTF, TIMEX3 value, bounds, precision, modifier and rule."""
    result = invoke(runner, "resolve", "last Friday", "--anchor", "2024-12-09")
    assert result.exit_code == 0
    fields = dict(line.split(None, 1) for line in result.output.splitlines())
    assert fields["edtf"] == "2024-12-06" and fields["timex"] == "2024-12-06"
    assert fields["dates"] == "2024-12-06..2024-12-06" and fields["precision"] == "day"
    assert "2024-12-06" in fields["rule"]


def test_resolve_json_uses_context(runner):
    """resolve --json prints one object; --context's future tense turns a bare weekday forward."""
    result = invoke(runner, "resolve", "Thursday", "--anchor", "2019-07-07", "--context",
                    "The two delegations will meet in Geneva on Thursday.", "--json")
    assert result.exit_code == 0
    assert json.loads(result.output)["earliest"] == "2019-07-11"


def test_resolve_country_says_whose_national_day(runner):
    """resolve --country QA dates "National Day" as Qatar keeps it and says so; without a country it is one
    error line; a country that is no two-letter code is refused, exit 1."""
    result = invoke(runner, "resolve", "National Day", "--anchor", "2019-12-19", "--context",
                    "Qatar celebrated National Day on Wednesday.", "--country", "qa", "--json")
    assert result.exit_code == 0
    found = json.loads(result.output)
    assert found["timex"] == "2019-12-18" and "as QA keeps it" in found["rule"]
    result = invoke(runner, "resolve", "National Day", "--anchor", "2019-12-19")
    assert_one_line_error(result)
    assert "each country keeps its own day" in result.stderr
    result = invoke(runner, "resolve", "National Day", "--anchor", "2019-12-19", "--country", "Qatar")
    assert_one_line_error(result)
    assert "--country 'Qatar'" in result.stderr


def test_resolve_unresolvable_is_an_error(runner):
    """An expression that cannot be resolved is one error line, exit 1."""
    assert_one_line_error(invoke(runner, "resolve", "the day the music died", "--anchor", "2024-12-09"))


def test_tag_lists_mentions(runner, tmp_path):
    """tag prints each date mention with its offsets and value; --json gives the same as objects."""
    article = tmp_path / "a.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    table = invoke(runner, "tag", article, "--published", "2024-12-09")
    assert table.exit_code == 0 and "last Friday" in table.output and "2024-12-06" in table.output
    mentions = json.loads(invoke(runner, "tag", article, "--published", "2024-12-09", "--json").output)
    friday = next(m for m in mentions if m["text"] == "last Friday")
    assert ARTICLE[friday["start"]:friday["end"]] == "last Friday"
    assert friday["resolution"]["earliest"] == "2024-12-06"


def test_tag_reads_stdin_and_marks(runner):
    """tag - reads the article from stdin; --mark prints it with the mentions marked."""
    result = invoke(runner, "tag", "-", "--published", "2024-12-09", "--mark", input=ARTICLE)
    assert result.exit_code == 0 and "[[last Friday|2024-12-06]]" in result.output


def write_article(tmp_path, name="newarab.txt", front=True) -> Path:
    path = tmp_path / name
    header = ("---\nid: newarab-2024-12-09\npublished: 2024-12-09\noutlet: The New Arab\n"
              "url: https://www.newarab.com/\n---\n") if front else ""
    path.write_text(header + ARTICLE, encoding="utf-8")
    return path


def test_ingest_dry_run_writes_nothing(runner, store_file, tmp_path):
    """ingest --dry-run prints what would land and leaves the store byte for byte as it was."""
    before = store_file.read_bytes()
    result = invoke(runner, "ingest", write_article(tmp_path), "--dry-run", "--file", store_file)
    assert result.exit_code == 0, result.output
    assert "would add" in result.output and "dry run" in result.output
    assert store_file.read_bytes() == before


def test_ingest_twice_adds_nothing_the_second_time(runner, tmp_path, monkeypatch):
    """ingest makes candidates from front matter metadata; the same article again adds nothing."""
    monkeypatch.delenv("TIMELINE_FILE", raising=False)
    path = tmp_path / "events.yaml"
    article = write_article(tmp_path)
    first = invoke(runner, "ingest", article, "--file", path)
    assert first.exit_code == 0, first.output
    dataset = store.load(path)
    assert dataset.source("newarab-2024-12-09").outlet == "The New Arab"
    candidates = [e for e in dataset.events if e.status == "candidate"]
    assert len(candidates) == 4 and all(e.origin == "parsed" for e in candidates)
    assert {e.when.edtf for e in candidates} == {"2024-12-09", "2024-12-06", "2024-12-02/2024-12-08"}
    before = path.read_bytes()
    second = invoke(runner, "ingest", article, "--file", path)
    assert second.exit_code == 0 and "added 0 candidate(s)" in second.output
    assert path.read_bytes() == before


def test_ingest_needs_a_publication_date(runner, store_file, tmp_path):
    """An article without a publication date (no front matter, no --published) is one error line."""
    assert_one_line_error(invoke(runner, "ingest", write_article(tmp_path, front=False), "--file", store_file),
                          "published")


def test_ingest_flags_override_front_matter(runner, store_file, tmp_path):
    """--published and --outlet win over the article's front matter."""
    result = invoke(runner, "ingest", write_article(tmp_path), "--published", "2024-12-10",
                    "--outlet", "Another", "--source-id", "other-2024-12-10", "--file", store_file)
    assert result.exit_code == 0, result.output
    source = store.load(store_file).source("other-2024-12-10")
    assert source.published == D("2024-12-10") and source.outlet == "Another"


PAGES = Path(__file__).parent / "data" / "pages"


def test_ingest_a_saved_page_needs_no_flags(runner, tmp_path):
    """A saved page lands in an empty store with its own date and headline; sources says where the
    date came from."""
    store_path = tmp_path / "events.yaml"
    result = invoke(runner, "ingest", PAGES / "newarab-2024-12-09.html", "--file", store_path)
    assert result.exit_code == 0, result.output
    source = store.load(store_path).sources[0]
    assert (source.published, source.published_from) == (D("2024-12-09"), "page")
    assert source.title.startswith("HTS-led coalition announces general amnesty")
    listing = invoke(runner, "sources", "--file", store_path)
    assert "the page's metadata" in listing.output


def test_ingest_an_undated_page_or_an_unreachable_url_changes_nothing(runner, store_file, monkeypatch):
    """An undated page, or a URL nothing answers at, is one error line, exit 1, and the store as it was."""
    import httpx

    def unreachable(request):
        raise httpx.ConnectError("Name or service not known")

    # No test touches the network: the client ingest makes gets a transport that fails as DNS would.
    real_client = httpx.Client
    monkeypatch.setattr(httpx, "Client", lambda **kw: real_client(transport=httpx.MockTransport(unreachable), **kw))
    before = store_file.read_bytes()
    assert_one_line_error(invoke(runner, "ingest", PAGES / "undated.html", "--file", store_file),
                          "undated.html", "--published")
    assert_one_line_error(invoke(runner, "ingest", "https://news.example/story", "--file", store_file),
                          "https://news.example/story", "unreachable")
    assert store_file.read_bytes() == before
    assert not (store_file.parent / "pages").exists() or not any((store_file.parent / "pages").iterdir())


def test_ingest_verbose_says_why_a_dated_sentence_was_left_out(runner, store_file, tmp_path):
    """ingest -v names each dated sentence that became no candidate and the reason."""
    article = tmp_path / "statement.txt"
    article.write_text("---\npublished: 2024-12-09\noutlet: The New Arab\n---\n" + ARTICLE
                       + "In a statement issued a day after the toppling of Assad, the body declared an amnesty.\n")
    result = invoke(runner, "ingest", article, "-v", "--file", store_file.parent / "new.yaml")
    assert result.exit_code == 0, result.output
    assert 'skipped: statement-2024-12-09: "a day after"' in result.stderr
    assert "no single event in the store matches" in result.stderr


def test_check_notes_a_date_read_off_a_dateline(runner, tmp_path):
    """check names a source whose date came from a dateline or an address, for a second look."""
    store_path = tmp_path / "events.yaml"
    assert invoke(runner, "ingest", PAGES / "dateline.html", "--file", store_path).exit_code == 0
    result = invoke(runner, "check", "--file", store_path)
    assert result.exit_code == 0 and "is dated 2024-12-09 from the dateline" in result.stderr


def test_review_accept_reject_merge(runner, store_file, tmp_path):
    """review lists candidates with evidence; accept, reject and merge change them as named."""
    assert invoke(runner, "ingest", write_article(tmp_path), "--file", store_file).exit_code == 0
    candidates = [e for e in store.load(store_file).events if e.status == "candidate"]
    listing = invoke(runner, "review", "--file", store_file)
    assert listing.exit_code == 0
    for event in candidates:
        assert event.id in listing.output and event.citations[0].quote in listing.output
    first, second, third = (e.id for e in candidates[:3])
    assert invoke(runner, "accept", first, "--file", store_file).exit_code == 0
    assert invoke(runner, "reject", second, "--file", store_file).exit_code == 0
    assert invoke(runner, "merge", first, third, "--file", store_file).exit_code == 0
    dataset = store.load(store_file)
    assert dataset.event(first).status == "accepted" and dataset.event(second).status == "rejected"
    assert dataset.event(third) is None and len(dataset.event(first).citations) == 2


def test_accept_and_review_by_filter(runner, store_file, tmp_path):
    """review --grep narrows the list; reject --all --grep rejects only the candidates the filter keeps,
    and accept --source accepts every remaining candidate of that source."""
    assert invoke(runner, "ingest", write_article(tmp_path), "--file", store_file).exit_code == 0
    candidates = [e for e in store.load(store_file).events if e.status == "candidate"]
    sdf = [e.id for e in candidates if "soldiers" in e.title]
    assert sdf and len(sdf) < len(candidates)
    listing = invoke(runner, "review", "--grep", "soldiers", "--file", store_file)
    assert listing.exit_code == 0 and f"{len(sdf)} candidate(s)" in listing.output
    result = invoke(runner, "reject", "--all", "--grep", "soldiers", "--file", store_file)
    assert result.exit_code == 0, result.output
    assert invoke(runner, "accept", "--source", NEWARAB.id, "--file", store_file).exit_code == 0
    statuses = {e.id: e.status for e in store.load(store_file).events}
    assert {statuses[i] for i in sdf} == {"rejected"}
    assert {statuses[e.id] for e in candidates if e.id not in sdf} == {"accepted"}


def test_accept_needs_ids_or_a_filter(runner, store_file):
    """accept with neither ids nor filters is one error line, and accept with both is refused too."""
    before = store_file.read_bytes()
    assert_one_line_error(invoke(runner, "accept", "--file", store_file), "ids")
    assert_one_line_error(invoke(runner, "accept", "amnesty", "--all", "--file", store_file), "not both")
    assert store_file.read_bytes() == before


def test_ids_are_taken_by_their_unique_start(runner, store_file):
    """An id's unique start names the event; an ambiguous one is refused, listing what it starts."""
    assert invoke(runner, "accept", "sdf", "--file", store_file).exit_code == 0
    assert store.load(store_file).event("sdf-takes-deir-ez-zor").status == "accepted"
    invoke(runner, "add", "Amnesty extended", "--date", "2024-12-20", "--id", "amnesty-extended", "--file", store_file)
    assert_one_line_error(invoke(runner, "reject", "amnesty", "--file", store_file.parent / "none.yaml"), "none.yaml")
    assert_one_line_error(invoke(runner, "edit", "amn", "--title", "X", "--file", store_file), "amnesty, amnesty-extended")


def test_rename_repoints_events_dated_after_it(runner, store_file):
    """rename gives an event a new id and every event dated after it follows; a taken id is refused."""
    result = invoke(runner, "rename", "assad", "2024-12-08-assad-flees", "--file", store_file)
    assert result.exit_code == 0 and "renamed assad-flees to 2024-12-08-assad-flees" in result.output
    dataset = store.load(store_file)
    assert dataset.event("assad-flees") is None and dataset.event("amnesty").after == "2024-12-08-assad-flees"
    before = store_file.read_bytes()
    assert_one_line_error(invoke(runner, "rename", "amnesty", "sdf-takes-deir-ez-zor", "--file", store_file),
                          "already exists")
    assert store_file.read_bytes() == before


def test_reject_unknown_id_changes_nothing(runner, store_file):
    """accept/reject of an unknown id is one error line naming it, and no event changes."""
    before = store_file.read_bytes()
    assert_one_line_error(invoke(runner, "reject", "amnesty", "nope", "--file", store_file), "nope")
    assert store_file.read_bytes() == before


def test_edit_after_redates_from_the_citation(runner, store_file):
    """edit --after links an event to another and re-resolves its citation's date from it."""
    assert invoke(runner, "add", "Ceasefire", "--date", "2024-12-01", "--file", store_file).exit_code == 0
    result = invoke(runner, "edit", "amnesty", "--after", "ceasefire", "--title", "Amnesty declared",
                    "--file", store_file)
    assert result.exit_code == 0, result.output
    event = store.load(store_file).event("amnesty")
    assert (event.after, event.when.edtf, event.title) == ("ceasefire", "2024-12-02", "Amnesty declared")


def test_add_source_and_place(runner, store_file):
    """add-source adds a citable source; add-place adds a gazetteer entry or new spellings to one."""
    assert invoke(runner, "add-source", "sana-1", "--outlet", "SANA", "--published", "2022-01-12",
                  "--file", store_file).exit_code == 0
    assert invoke(runner, "add-place", "Deir ez-Zor", "--alias", "Dayr az-Zawr", "--file", store_file).exit_code == 0
    dataset = store.load(store_file)
    assert dataset.source("sana-1").published == D("2022-01-12")
    assert dataset.places[0].aliases == ("Deir az-Zour", "Deir Ezzor", "Dayr az-Zawr")
    assert_one_line_error(invoke(runner, "add-source", "sana-1", "--outlet", "SANA", "--file", store_file), "sana-1")


def test_show_does_not_import_dateparser(store_file):
    """`import timeline` and `timeline show` never import dateparser: only resolving does."""
    code = ("import sys, timeline\nfrom typer.testing import CliRunner\nfrom timeline.cli import app\n"
            f"r = CliRunner().invoke(app, ['show', '--file', {str(store_file)!r}])\n"
            "assert r.exit_code == 0, r.output\nprint('dateparser' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def test_python_dash_m_runs_the_cli():
    """`python -m timeline --help` runs the same command line."""
    out = subprocess.run([sys.executable, "-m", "timeline", "--help"], capture_output=True, text=True)
    assert out.returncode == 0 and "ingest" in out.stdout


def test_readme_test_line_is_what_ci_runs():
    """The README's quick start test line is exactly the one .ci/run runs."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    quick = readme.split("## Quick start", 1)[1].split("##", 1)[0]
    lines = [line for line in quick.splitlines() if line.startswith("python3 -m venv")]
    assert len(lines) == 2
    assert lines[1] in (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
