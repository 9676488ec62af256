"""Tests for timeline.store: strict loading, canonical writing, atomic saves, locking, front matter."""

from __future__ import annotations

import multiprocessing
import os
import re
import stat
import time
from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline import store
from timeline.dates import MODS, SEASONS, Resolution, parse_edtf
from timeline.errors import StoreError, StoreLocked, StoreNotFound
from timeline.model import ORIGINS, STATUSES, Citation, Dataset, Event, Place, Source

REALISTIC = """\
version: 2
sources:
  - id: sohr-2021-11-27
    outlet: Syrian Observatory for Human Rights (SOHR)
    title: West Euphrates region | New reconciliation deals with ISIS former fighters
    url: https://www.syriahr.com/en/
    copy: pages/3f2a9c1d0b7e4a56.html
    published: 2021-11-27
    published_from: page
    language: en
    notes: 'Inferred: uncertain by a day (2021-11-26 to 2021-11-28).'

  - id: newarab-2024-12-09
    outlet: The New Arab (English edition of Al-Araby Al-Jadeed)
    title: HTS-led coalition announces general amnesty for Assad soldiers
    url: https://www.newarab.com/
    published: 2024-12-09
    language: en

  - id: sana-undated
    outlet: SANA
    language: ar
places:
  - name: Deir ez-Zor
    aliases: [Deir Ezzor, Deir az-Zour, Dayr az-Zawr, Deir al-Zor, دير الزور]

  - name: al-Mayadeen
events:
  - id: settlements-move-to-al-mayadeen
    when: 2021-11-22/2021-11-26
    title: Settlement committees move on to al-Mayadeen
    place: al-Mayadeen
    actors: [settlement committees]
    tags: [reconciliation]
    status: candidate
    origin: parsed
    citations:
      - source: sohr-2021-11-27
        said: last week
        quote: "The committees moved to al-Mayadeen \\"last week\\", SOHR sources said: \\n more to follow"

  - id: assad-toppled
    when: 2024-12-08
    title: 'Assad''s rule collapses: HTS-led forces enter Damascus'
    place: Damascus
    actors:
      - Hayat Tahrir al-Sham
      - Syrian government forces
      - Syrian Democratic Forces
      - Free Syrian Army factions
    status: accepted
    origin: curated
    citations: []

  - id: amnesty-announced
    when: 2024-12-09
    title: HTS-led coalition announces a general amnesty for conscripts
    tags: [amnesty, 'yes', '2024', 'a, b']
    status: accepted
    origin: parsed
    after: assad-toppled
    citations:
      - source: newarab-2024-12-09
        said: a day after the toppling
        quote: '# On Monday, a day after the toppling, the coalition announced an amnesty'
      - source: sana-undated
    notes: 'null'

  - id: settlement-drive-2022
    when: 2022~
    title: Settlement drives continue in Raqqa and Aleppo
    status: rejected
    origin: curated
    citations: []
"""


def _write(tmp_path, text: str | bytes, name: str = "events.yaml"):
    path = tmp_path / name
    if isinstance(text, str):
        text = text.encode("utf-8")
    path.write_bytes(text)
    return path


def _event(event_id: str, **fields) -> Event:
    return Event(event_id, Resolution.day(date(2024, 12, 6)), f"Event {event_id}", **fields)


# -- round trips -------------------------------------------------------------------------------------


def test_loading_then_saving_a_realistic_file_changes_no_byte(tmp_path):
    """A canonical store with every kind of field survives load + save byte for byte."""
    path = _write(tmp_path, REALISTIC)
    store.save(store.load(path), path)
    assert path.read_text(encoding="utf-8") == REALISTIC


def test_realistic_file_loads_into_the_model():
    """Values come back typed: dates, EDTF Resolutions, tuples, nested citations and defaults."""
    dataset = store.loads(REALISTIC)
    assert dataset.sources[0].published == date(2021, 11, 27)
    assert dataset.sources[2] == Source("sana-undated", "SANA", language="ar")
    assert dataset.places[1] == Place("al-Mayadeen")
    moved = dataset.event("settlements-move-to-al-mayadeen")
    assert (moved.when.earliest, moved.when.latest) == (date(2021, 11, 22), date(2021, 11, 26))
    assert moved.citations[0].quote.startswith('The committees moved to al-Mayadeen "last week"')
    amnesty = dataset.event("amnesty-announced")
    assert amnesty.tags == ("amnesty", "yes", "2024", "a, b")
    assert amnesty.citations[1] == Citation("sana-undated")
    assert amnesty.notes == "null"
    assert dataset.event("settlement-drive-2022").when.approximate


IDS = st.lists(st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=5), min_size=1, max_size=3).map(
    "-".join
)
TRICKY = st.sampled_from(
    ["yes", "No", "null", "~", "2024", "0777", "2024-12-09", "1e3", ".inf", "- x", "-x", "a: b", "x:", "# c",
     "x #y", "'q'", '"dq"', "it's", "[x]", "{y}", "a, b", "*a", "&b", "!tag", "%x", "@x", "`x", "? x", "|", ">",
     " lead", "trail ", "", "\ufeffbom", "\u200fmark", "دير الزور", "x" * 300]
)
# Text the store keeps: a line has no control characters or line separators; free text may break lines.
LINE = st.one_of(st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=30), TRICKY)
TEXT = st.one_of(LINE, st.sampled_from(["multi\nline", "\n", "\n\nlead", "trail\n"]))
REQUIRED_LINE = LINE.filter(bool)
LINES = st.lists(LINE, max_size=5).map(tuple)
URLS = st.sampled_from(["", "https://example.org/a?b=1&c=(2)#x", "http://sana.sy/en/?p=260728", "HTTPS://X.ORG"])
DAYS = st.dates(min_value=date(1000, 1, 1), max_value=date(9998, 12, 31))
YEARS = st.integers(1000, 9998)


def _resolutions():
    """Every Resolution constructor, with qualifiers and modifiers."""
    extras = {"approximate": st.booleans(), "uncertain": st.booleans(), "mod": st.none() | st.sampled_from(MODS)}
    spans = st.lists(DAYS, min_size=2, max_size=2).map(sorted)
    return st.one_of(
        st.builds(Resolution.day, DAYS, **extras),
        st.builds(Resolution.week, DAYS, **extras),
        st.builds(Resolution.month, YEARS, st.integers(1, 12), **extras),
        st.builds(Resolution.quarter, YEARS, st.integers(1, 4), **extras),
        st.builds(Resolution.season, YEARS, st.sampled_from(sorted(SEASONS)), **extras),
        st.builds(Resolution.year, YEARS, **extras),
        st.builds(Resolution.decade, YEARS, **extras),
        spans.flatmap(lambda ends: st.builds(Resolution.span, st.just(ends[0]), st.just(ends[1]), **extras)),
    )


@st.composite
def datasets(draw) -> Dataset:
    source_ids = draw(st.lists(IDS, max_size=3, unique=True))
    sources = tuple(
        Source(sid, draw(REQUIRED_LINE), draw(LINE), draw(URLS), draw(st.none() | DAYS), draw(LINE), draw(TEXT))
        for sid in source_ids
    )
    places = tuple(Place(name, draw(LINES)) for name in draw(st.lists(REQUIRED_LINE, max_size=3, unique=True)))
    citations = (
        st.lists(st.builds(Citation, st.sampled_from(source_ids), LINE, TEXT), max_size=3).map(tuple)
        if source_ids
        else st.just(())
    )
    event_ids = draw(st.lists(IDS, max_size=4, unique=True))
    events = tuple(
        Event(
            eid,
            draw(_resolutions()),
            draw(REQUIRED_LINE),
            place=draw(LINE),
            actors=draw(LINES),
            tags=draw(LINES),
            status=draw(st.sampled_from(STATUSES)),
            origin=draw(st.sampled_from(ORIGINS)),
            # Only to an earlier event, so the links never go round in a circle.
            after=draw(st.none() | st.sampled_from(event_ids[:event_ids.index(eid)] or [None])),
            citations=draw(citations),
            notes=draw(TEXT),
        )
        for eid in event_ids
    )
    return Dataset(sources, places, events)


def _as_stored(dataset: Dataset) -> Dataset:
    """The dataset as EDTF can carry it: `when` keeps its bounds and qualifiers, not its rule or modifier."""
    return replace(dataset, events=tuple(replace(e, when=parse_edtf(e.when.edtf)) for e in dataset.events))


@settings(max_examples=150, deadline=None)
@given(datasets())
def test_any_dataset_survives_dumps_then_loads(dataset):
    """loads(dumps(ds)) gives back the dataset, whatever the text in it; dumps is then stable."""
    text = store.dumps(dataset)
    loaded = store.loads(text)
    assert loaded == _as_stored(dataset)
    assert store.dumps(loaded) == text


# -- validation ------------------------------------------------------------------------------------

HEAD = "version: 1\nsources:\n  - id: s1\n    outlet: Outlet\n"  # lines 1-4
EVENT = "events:\n  - id: e1\n    when: 2024-12-06\n    title: T\n"  # lines 5-8
E2 = "\n  - id: e2\n    when: 2024-12-07\n    title: U\n"  # lines 9-12 after EVENT


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("- a\n", "events.yaml:1: a store must be a mapping with `version: 2`"),
        ("sources: []\n", "events.yaml:1: missing required key 'version'"),
        ("version: 3\n", "events.yaml:1: unsupported version '3'; this timeline reads versions 1 and 2"),
        ("version: '1'\n", "events.yaml:1: unsupported version '1'; this timeline reads versions 1 and 2"),
        ("version: 1\nsources:\n  - id: s1\n    outlet: X\n    published_from: page\n",
         "events.yaml:5: source 's1': unknown key 'published_from'"),
        ("version: 2\nsources:\n  - id: s1\n    outlet: X\n    published_from: guess\n",
         "events.yaml:5: source 's1': 'published_from' must be one of user, front-matter, page, url, dateline; got 'guess'"),
        ("version: 1\nevent: []\n", "events.yaml:2: unknown key 'event'"),
        ("version: 1\nversion: 1\n", "events.yaml:2: key 'version' given twice"),
        ("version: 1\nsources: {}\n", "events.yaml:2: 'sources' must be a list of source entries, got a mapping"),
        ("version: 1\nsources:\n  - s1\n", "events.yaml:3: source #1: must be a mapping of keys to values, got 's1' (read as str)"),
        (HEAD + "    outlett: X\n", "events.yaml:5: source 's1': unknown key 'outlett'"),
        ("version: 1\nplaces:\n  - name: Raqqa\n    alias: [x]\n", "events.yaml:4: place 'Raqqa': unknown key 'alias'"),
        (HEAD + EVENT + "    titel: X\n", "events.yaml:9: event 'e1': unknown key 'titel'"),
        (HEAD + "events:\n  - titel: X\n    id: e1\n", "events.yaml:6: event 'e1': unknown key 'titel'"),
        (HEAD + EVENT + "    citations:\n      - source: s1\n        sayd: x\n",
         "events.yaml:11: event 'e1' citation 1: unknown key 'sayd'"),
        ("version: 1\nsources:\n  - outlet: X\n", "events.yaml:3: source #1: missing required key 'id'"),
        ("version: 1\nsources:\n  - id: s1\n", "events.yaml:3: source 's1': missing required key 'outlet'"),
        ("version: 1\nplaces:\n  - aliases: [x]\n", "events.yaml:3: place #1: missing required key 'name'"),
        (HEAD + "events:\n  - id: e1\n    title: T\n", "events.yaml:6: event 'e1': missing required key 'when'"),
        (HEAD + "events:\n  - id: e1\n    when: 2024\n", "events.yaml:6: event 'e1': missing required key 'title'"),
        (HEAD + "events:\n  - when: 2024\n    title: T\n", "events.yaml:6: event #1: missing required key 'id'"),
        (HEAD + EVENT + "    citations:\n      - said: x\n",
         "events.yaml:10: event 'e1' citation 1: missing required key 'source'"),
        (HEAD + "events:\n  - id: e1\n    when: 2024\n    title: ''\n", "events.yaml:8: event 'e1': 'title' must not be empty"),
        (HEAD + "events:\n  - id: e1\n    when: 2024\n    title: 1984\n",
         "events.yaml:8: event 'e1': 'title' must be text, got '1984' (read as int)"),
        (HEAD + "events:\n  - id: e1\n    when: 2024\n    title: [a]\n", "events.yaml:8: event 'e1': 'title' must be text, got a list"),
        (HEAD + EVENT + "    actors: SDF\n", "events.yaml:9: event 'e1': 'actors' must be a list of text, got 'SDF' (read as str)"),
        (HEAD + EVENT + "    actors: [SDF, 12]\n",
         "events.yaml:9: event 'e1': 'actors' must be a list of text, got an item '12' (read as int)"),
        (HEAD + EVENT + "    tags: [yes]\n", "events.yaml:9: event 'e1': 'tags' must be a list of text, got an item 'yes' (read as bool)"),
        (HEAD + "    published: yesterday\n",
         "events.yaml:5: source 's1': 'published' must be a date like 2024-12-09, got 'yesterday' (read as str)"),
        (HEAD + "    published: 2024-13-45\n",
         "events.yaml:5: source 's1': 'published' must be a date like 2024-12-09, got '2024-13-45' (read as timestamp)"),
        (HEAD + "    published: 2024-12-09 10:00:00\n",
         "events.yaml:5: source 's1': 'published' must be a date like 2024-12-09, got '2024-12-09 10:00:00' (read as timestamp)"),
        (HEAD + "  - id: s1\n    outlet: Again\n", "events.yaml:5: source 's1': duplicate id 's1' (first at line 3)"),
        ("version: 1\nplaces:\n  - name: Raqqa\n  - name: Raqqa\n", "events.yaml:4: place 'Raqqa': duplicate name 'Raqqa' (first at line 3)"),
        (HEAD + EVENT + "  - id: e1\n    when: 2024\n    title: T\n", "events.yaml:9: event 'e1': duplicate id 'e1' (first at line 6)"),
        (HEAD + EVENT + "    citations:\n      - source: s2\n", "events.yaml:10: event 'e1' citation 1: unknown source 's2'"),
        (HEAD + EVENT + "    after: e9\n", "events.yaml:9: event 'e1': 'after' names unknown event 'e9'"),
        (HEAD + EVENT + "    after: e1\n", "events.yaml:9: event 'e1': 'after' names the event itself"),
        (HEAD + EVENT + E2 + "    after: E1\n",
         "events.yaml:13: event 'e2': 'after' 'E1' is not an id (lower-case letters and digits, single hyphens)"),
        (HEAD + "events:\n  - id: e1\n    when: next week\n    title: T\n",
         "events.yaml:7: event 'e1': 'when' is not an EDTF date: not an EDTF date: 'next week'"),
        (HEAD + "events:\n  - id: e1\n    when: 2024-13\n    title: T\n",
         "events.yaml:7: event 'e1': 'when' is not an EDTF date: not a calendar date: '2024-13'"),
        (HEAD + "events:\n  - id: e1\n    when: [2024]\n    title: T\n",
         "events.yaml:7: event 'e1': 'when' must be an EDTF date like 2024-12-06, got a list"),
        (HEAD + "events:\n  - id: SDF_Takes\n    when: 2024\n    title: T\n",
         "events.yaml:6: event 'SDF_Takes': 'id' 'SDF_Takes' is not an id (lower-case letters and digits, single hyphens)"),
        (HEAD + "events:\n  - id: a--b\n    when: 2024\n    title: T\n",
         "events.yaml:6: event 'a--b': 'id' 'a--b' is not an id (lower-case letters and digits, single hyphens)"),
        (HEAD + EVENT + "    status: maybe\n",
         "events.yaml:9: event 'e1': 'status' must be one of accepted, candidate, rejected; got 'maybe'"),
        (HEAD + EVENT + "    origin: scraped\n", "events.yaml:9: event 'e1': 'origin' must be one of curated, parsed; got 'scraped'"),
        (HEAD + EVENT + "    title: again\n", "events.yaml:9: event 'e1': key 'title' given twice"),
        (HEAD + EVENT + "    citations: s1\n", "events.yaml:9: event 'e1': 'citations' must be a list of citations, got 's1' (read as str)"),
        (HEAD + "events:\n  - id: e1\n    when: 2024\n    title: \"two\\nlines\"\n",
         "events.yaml:8: event 'e1': 'title': it holds a line break (U+000A); it must be one line"),
        (HEAD + "events:\n  - id: e1\n    when: 2024\n    title: \"bell\\a\"\n",
         "events.yaml:8: event 'e1': 'title': it holds the control character (U+0007); it must be one line"),
        (HEAD + "events:\n  - id: e1\n    when: 2024\n    title: \"\\e[31mred\"\n",
         "events.yaml:8: event 'e1': 'title': it holds the control character (U+001B); it must be one line"),
        (HEAD + "events:\n  - id: e1\n    when: 2024\n    title: \"del\\x7f\"\n",
         "events.yaml:8: event 'e1': 'title': it holds the control character (U+007F); it must be one line"),
        (HEAD + "events:\n  - id: e1\n    when: 2024\n    title: " + "x" * 10000 + "\n",
         "events.yaml:8: event 'e1': 'title': it is 10000 characters long; the limit is 300"),
        (HEAD + EVENT + "    tags: [ok, \"a\\u2028b\"]\n",
         "events.yaml:9: event 'e1': 'tags': it holds a line separator (U+2028); it must be one line"),
        (HEAD + EVENT + "    notes: \"tab\\there\"\n",
         "events.yaml:9: event 'e1': 'notes': it holds a tab (U+0009); only line breaks are kept"),
        ("version: 2\nsources:\n  - id: s1\n    outlet: X\n    url: \"javascript:alert(1)\"\n",
         "events.yaml:5: source 's1': 'url': it must be an http:// or https:// address"),
        ("version: 2\nsources:\n  - id: s1\n    outlet: X\n    url: \"https://x.org/a b\"\n",
         "events.yaml:5: source 's1': 'url': an address holds no spaces or control characters"),
        (HEAD + EVENT + "    after: e2\n" + E2[:-1] + "\n    after: e1\n",
         "events.yaml:9: event 'e1': 'after' goes round in a circle: e1 -> e2 -> e1; one of them must be dated on its own"),
    ],
)
def test_invalid_store_is_refused_naming_file_line_and_entry(text, message):
    """Each kind of invalid content raises StoreError with one line naming file, line and entry."""
    with pytest.raises(StoreError) as caught:
        store.loads(text, "events.yaml")
    assert str(caught.value) == message


@pytest.mark.parametrize(
    ("when", "edtf"),
    [("2024-12-06", "2024-12-06"), ("'2024-12-06'", "2024-12-06"), ("2024", "2024"), ('"2024"', "2024"),
     ("2024-12", "2024-12"), ("2021-11-22/2021-11-26", "2021-11-22/2021-11-26"), ("2024-12-06~", "2024-12-06~")],
)
def test_when_accepts_unquoted_dates_years_and_quoted_text(when, edtf):
    """`when` is read from the scalar's text whether YAML would call it a date, an int or a string."""
    text = HEAD + f"events:\n  - id: e1\n    when: {when}\n    title: T\n"
    assert store.loads(text).events[0].when.edtf == edtf


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("version: 1\nevents: [a\n", "events.yaml:3:1: invalid YAML: "),
        ("version: 1\nsources: x: y\n", "events.yaml:2:11: invalid YAML: "),
        ("version: 1\n---\nversion: 1\n", "events.yaml:2:1: invalid YAML: "),
        ("version: 1\nnotes: \x01\n", "events.yaml:2:8: invalid YAML: "),
    ],
)
def test_malformed_yaml_names_line_and_column(text, where):
    """YAML that does not parse is a StoreError starting FILE:LINE:COL: invalid YAML."""
    with pytest.raises(StoreError, match="^" + where):
        store.loads(text, "events.yaml")


@pytest.mark.parametrize(
    ("value", "line"),
    [
        ('!!python/object/apply:os.system ["touch {marker}"]', 7),
        ('!!python/object/new:os.system ["touch {marker}"]', 7),
        ("!!binary aGVsbG8=", 7),
        ("!local x", 7),
    ],
)
def test_foreign_yaml_tags_are_refused_and_never_run(tmp_path, value, line):
    """`!!python/...` and other non-data tags are refused, naming the line, and nothing is executed."""
    marker = tmp_path / "pwned"
    path = _write(tmp_path, HEAD + f"events:\n  - id: e1\n    title: {value.format(marker=marker)}\n")
    with pytest.raises(StoreError, match=rf"^{path}:{line}: YAML tag '.*' is not allowed"):
        store.load(path)
    assert not marker.exists()


@pytest.mark.parametrize(
    ("data", "line"),
    [
        (b"version: 1\n\xff\xfe bad\n", 2),
        (b"version: 1\nnotes: caf\xe9\n", 2),
        (b"version: 1\nnotes: a\x00b\n", 2),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", 1),
    ],
)
def test_non_utf8_and_binary_files_are_refused(tmp_path, data, line):
    """A file that is not UTF-8 text (bad bytes, or NUL bytes) is a StoreError naming file and line."""
    path = _write(tmp_path, data)
    with pytest.raises(StoreError, match=rf"^{path}:{line}: not a UTF-8 text file"):
        store.load(path)


@pytest.mark.parametrize("text", ["", "\n\n", "# only a comment\n"])
def test_empty_file_is_refused(tmp_path, text):
    """A store with no content is an error, not an empty timeline."""
    path = _write(tmp_path, text)
    with pytest.raises(StoreError, match=rf"^{path}: empty file"):
        store.load(path)


def test_missing_file_is_store_not_found_with_a_hint(tmp_path):
    """A missing store names the path as given and says how to start one."""
    path = tmp_path / "nope.yaml"
    with pytest.raises(StoreNotFound) as caught:
        store.load(path)
    assert str(caught.value) == f"no store at {path}; start one with `timeline add`"


def test_folder_given_as_store_is_refused(tmp_path):
    """A folder in place of the store file is a StoreError, not an OSError."""
    with pytest.raises(StoreError, match="is a folder"):
        store.load(tmp_path)


# -- writing ---------------------------------------------------------------------------------------


def test_empty_dataset_is_written_as_version_and_empty_lists():
    """The smallest store names its version and the two required lists."""
    assert store.dumps(Dataset()) == "version: 2\nsources: []\nevents: []\n"


def test_version_1_store_is_read_as_before_and_written_as_version_2():
    """A version 1 store loads with the same values, and the next write upgrades it to version 2 and
    changes nothing else."""
    version_1 = REALISTIC.replace("version: 2", "version: 1").replace(
        "    copy: pages/3f2a9c1d0b7e4a56.html\n", "").replace("    published_from: page\n", "")
    dataset = store.loads(version_1)
    assert (dataset.version, dataset.sources[0].copy, dataset.sources[0].published_from) == (2, "", "")
    assert store.dumps(dataset) == version_1.replace("version: 1", "version: 2", 1)


def test_failed_save_leaves_old_file_and_no_temporary_file(tmp_path, monkeypatch):
    """When the final rename fails, the old store is untouched and the temporary file is removed."""
    path = _write(tmp_path, REALISTIC)

    def failing_replace(source, target):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "replace", failing_replace)
    with pytest.raises(StoreError, match="cannot write .*No space left on device"):
        store.save(Dataset(), path)
    assert path.read_text(encoding="utf-8") == REALISTIC
    assert sorted(p.name for p in tmp_path.iterdir()) == ["events.yaml", "events.yaml.lock"]


def test_save_keeps_permission_bits(tmp_path):
    """Replacing the store keeps the mode the user gave the old file."""
    path = _write(tmp_path, REALISTIC)
    path.chmod(0o640)
    store.save(Dataset(), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert store.load(path) == Dataset()


def test_save_refuses_a_dataset_that_would_not_load(tmp_path):
    """A dataset breaking the store's rules (here a duplicate id) is not written at all."""
    path = tmp_path / "events.yaml"
    with pytest.raises(StoreError, match=r"\(not saved\): event 'a': duplicate id 'a'"):
        store.save(Dataset(events=(_event("a"), _event("a"))), path)
    assert not path.exists()


def test_free_text_keeps_its_line_breaks():
    """Quotes and notes may span lines (a quoted paragraph); they load back as written."""
    text = HEAD + EVENT + "    citations:\n      - source: s1\n        quote: \"one\\n\\ntwo\"\n    notes: \"a\\nb\"\n"
    event = store.loads(text).events[0]
    assert (event.citations[0].quote, event.notes) == ("one\n\ntwo", "a\nb")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda e: replace(e, title="a\nb"), "event 'a': 'title': it holds a line break"),
        (lambda e: replace(e, title="x" * 301), "event 'a': 'title': it is 301 characters long"),
        (lambda e: replace(e, actors=("ok", "\x1b]0;pwned\x07")), "event 'a': 'actors': it holds the control"),
        (lambda e: replace(e, citations=(Citation("s", "said\n"),)), "event 'a' citation 1: 'said': it holds a line"),
        (lambda e: replace(e, after="b"), "event 'a': 'after' goes round in a circle: a -> b -> a"),
    ],
)
def test_save_refuses_text_and_links_the_store_would_refuse(tmp_path, change, message):
    """What `load` refuses is never written: bad text or an `after` cycle fails the save, the file untouched."""
    path = tmp_path / "events.yaml"
    good = Dataset(sources=(Source("s", "S"),), events=(_event("a"), replace(_event("b"), after="a")))
    store.save(good, path)
    before = path.read_bytes()
    with pytest.raises(StoreError, match=re.escape(message)):
        store.save(replace(good, events=(change(good.events[0]), good.events[1])), path)
    assert path.read_bytes() == before


def test_save_refuses_a_source_address_that_is_not_http(tmp_path):
    """A `javascript:` address never enters the store."""
    with pytest.raises(StoreError, match="source 'evil': 'url': it must be an http:// or https:// address"):
        store.save(Dataset(sources=(Source("evil", "E", url="javascript:alert(1)"),)), tmp_path / "events.yaml")


def test_a_read_only_store_is_refused_not_replaced(tmp_path):
    """modify() and save() leave a store without write permission alone and say so; it still loads."""
    path = _write(tmp_path, REALISTIC)
    path.chmod(0o444)
    for attempt in (lambda: store.modify(path, lambda d: Dataset()), lambda: store.save(Dataset(), path)):
        with pytest.raises(StoreError, match=r"events.yaml is read-only; not changed"):
            attempt()
    assert path.read_text(encoding="utf-8") == REALISTIC
    assert stat.S_IMODE(path.stat().st_mode) == 0o444


def test_the_next_write_removes_what_a_killed_writer_left_and_check_can_see_it(tmp_path):
    """A temporary file of an unfinished save is listed by stale_temporaries and removed by the next
    write; other files beside the store are left alone."""
    path = _write(tmp_path, REALISTIC)
    left = tmp_path / ".events.yaml.0123abcd.tmp"
    left.write_text("half a store")
    other = tmp_path / ".events.yaml.notes.tmp"
    other.write_text("mine")
    assert store.stale_temporaries(path) == [str(left)]
    store.modify(path, lambda d: replace(d, events=d.events[1:]))
    assert not left.exists() and other.exists()
    assert store.stale_temporaries(path) == []


def test_stale_temporaries_says_nothing_while_a_writer_holds_the_lock(tmp_path):
    """While a save may be under way its temporary file is not reported as stale."""
    path = _write(tmp_path, REALISTIC)
    (tmp_path / ".events.yaml.0123abcd.tmp").write_text("in progress")
    with store.lock(path):
        assert store.stale_temporaries(path) == []


def test_a_waiting_writer_says_who_holds_the_lock_then_gives_up(tmp_path):
    """A second writer calls on_wait with the holder's process id after a second, and raises StoreLocked
    naming it when `wait` runs out; the store is untouched."""
    path = _write(tmp_path, REALISTIC)
    told = []
    started = time.monotonic()
    with store.lock(path):
        with pytest.raises(StoreLocked, match=rf"events.yaml is locked by process {os.getpid()}; gave up after 1.5 s"):
            store.modify(path, lambda d: Dataset(), wait=1.5, on_wait=told.append)
    assert 1.5 <= time.monotonic() - started < 5
    assert told == [f"process {os.getpid()}"]
    assert path.read_text(encoding="utf-8") == REALISTIC


def test_a_short_wait_gives_up_before_saying_it_waits(tmp_path):
    """Under a second of waiting nothing is said before the error."""
    path = _write(tmp_path, REALISTIC)
    told = []
    with store.lock(path), pytest.raises(StoreLocked):
        store.save(Dataset(), path, wait=0.2, on_wait=told.append)
    assert told == []


def test_save_through_a_symlink_replaces_the_target(tmp_path):
    """Saving via a symbolic link rewrites the file it points to and keeps the link."""
    target = _write(tmp_path, REALISTIC, "real.yaml")
    link = tmp_path / "events.yaml"
    link.symlink_to(target)
    store.save(Dataset(), link)
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == store.dumps(Dataset())


# -- modify and lock -------------------------------------------------------------------------------


def test_modify_refuses_a_missing_store_unless_asked_to_create(tmp_path):
    """modify() on a missing file is StoreNotFound; with create=True it starts from an empty Dataset."""
    path = tmp_path / "events.yaml"
    with pytest.raises(StoreNotFound):
        store.modify(path, lambda ds: ds)
    result = store.modify(path, lambda ds: replace(ds, events=(_event("a"),)), create=True)
    assert store.load(path) == result == Dataset(events=(_event("a"),))


def test_modify_leaves_the_file_alone_when_nothing_changes(tmp_path):
    """An unchanged result is not written: the file keeps its inode and its (non-canonical) bytes."""
    text = REALISTIC.replace("version: 1\n", "# my notes\nversion: 1\n")
    path = _write(tmp_path, text)
    before = path.stat().st_ino
    store.modify(path, lambda ds: ds)
    assert (path.stat().st_ino, path.read_text(encoding="utf-8")) == (before, text)


def _add_event_when_released(path: str, event_id: str, barrier) -> None:
    """Child process: wait for the others, then add one event through modify()."""
    barrier.wait()

    def add(dataset: Dataset) -> Dataset:
        time.sleep(0.05)  # widen the read-modify-write window so a missing lock would lose updates
        return replace(dataset, events=(*dataset.events, _event(event_id)))

    store.modify(path, add, create=True)


def test_concurrent_modify_from_several_processes_loses_no_event(tmp_path):
    """Processes adding different events at the same moment all land in the store."""
    path = tmp_path / "events.yaml"
    context = multiprocessing.get_context("fork")
    ids = [f"event-{n}" for n in range(6)]
    barrier = context.Barrier(len(ids))
    workers = [context.Process(target=_add_event_when_released, args=(str(path), i, barrier)) for i in ids]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join(timeout=30)
    assert [w.exitcode for w in workers] == [0] * len(ids)
    assert sorted(e.id for e in store.load(path).events) == ids


def test_lock_uses_a_sidecar_file_next_to_the_store(tmp_path):
    """lock() works on `<name>.lock` beside the store, leaving the store itself alone."""
    path = tmp_path / "events.yaml"
    with store.lock(path):
        assert (tmp_path / "events.yaml.lock").exists()
        assert not path.exists()


# -- front matter ----------------------------------------------------------------------------------


def test_front_matter_is_split_from_the_body():
    """Metadata between `---` lines is returned typed, with the body and its line offset."""
    text = "---\nid: sohr-2021-11-27\npublished: 2021-11-27\noutlet: SOHR\n---\nFirst line.\nSecond: line.\n"
    meta, body, offset = store.read_front_matter(text, "a.txt")
    assert meta == {"id": "sohr-2021-11-27", "published": date(2021, 11, 27), "outlet": "SOHR"}
    assert (body, offset) == ("First line.\nSecond: line.\n", 5)


@pytest.mark.parametrize("text", ["Plain article text.\n---\nid: x\n---\n", "", "--- not a fence\n"])
def test_text_without_front_matter_is_returned_whole(text):
    """Without a first line of exactly `---` there is no front matter and the offset is 0."""
    assert store.read_front_matter(text) == ({}, text, 0)


def test_empty_front_matter_gives_no_metadata():
    """`---` directly followed by `---` is empty metadata; the body starts after it."""
    assert store.read_front_matter("---\n---\nBody\n") == ({}, "Body\n", 2)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\nid: a\nauthor: Me\n---\nBody\n", "^a.txt:3: front matter: unknown key 'author'$"),
        ("---\npublished: last week\n---\nBody\n", "^a.txt:2: front matter: 'published' must be a date like 2024-12-09"),
        ("---\nid: Not An Id\n---\n", "^a.txt:2: front matter: 'id' 'Not An Id' is not an id"),
        ("---\n- a list\n---\n", "^a.txt:2: front matter: must be a mapping of keys to values, got a list$"),
        ("---\nid: a\ntitle: [unclosed\n---\n", "^a.txt:4:1: invalid YAML: "),
        ("---\nurl: !!python/object/apply:os.system [ls]\n---\n", "^a.txt:2: YAML tag"),
        ("---\nid: a\nBody without a closing fence\n", "^a.txt:1: front matter opened with '---' is never closed$"),
    ],
)
def test_bad_front_matter_names_file_and_line(text, message):
    """Unknown keys, wrong types, malformed YAML and unclosed front matter raise StoreError with file:line."""
    with pytest.raises(StoreError, match=message):
        store.read_front_matter(text, "a.txt")


SCALAR_PIECES = st.sampled_from(
    list("abcXYZ019 .,'()/-_:#&*!%@`|>?[]{}\"\t\n\u00e9\u062f\u0661\u00a0\u2028")
    + ["yes", "No", "null", "~", "1e3", "0x1f", "2024-12-06", ".inf", "<<", "=", "  "])


@settings(max_examples=3000, deadline=None)
@given(st.lists(SCALAR_PIECES, max_size=8).map("".join), st.booleans())
def test_fast_plain_scalars_are_what_yaml_would_write(text, flow):
    """The writer's shortcut for plain text gives exactly the scalar yaml.dump gives, in block and flow lists."""
    assert store._scalar(text, flow) == store._quoted(text, flow)
