"""Fuzz of store loading: whatever a store file holds, loading it is a Dataset or a StoreError.

The invariant, from the store's contract: `store.loads(text)` and `store.load(path)` either return a
Dataset or raise `timeline.errors.StoreError` (StoreNotFound included) — never anything else: no
RecursionError, TypeError, UnicodeError or a yaml exception leaking out. And what loads also survives a
save: `store.loads(store.dumps(ds)) == ds`.

The inputs:
- arbitrary text and arbitrary bytes, alone and behind a valid store's first lines;
- YAML documents built from recursive strategies: mappings keyed by the store's own schema keys (and
  others), lists and scalars of every kind YAML resolves (null, booleans, huge integers, floats, dates,
  timestamps, text that looks like ids, EDTF dates and addresses), shared and self-referencing nodes
  (anchors and aliases), explicit tags (`!!python/object...`, `!!binary`, `!!set`, `!custom`), duplicate
  and complex keys, nesting deep enough to meet the parser's limit; most shaped like a store, so that
  many load and the round trip is exercised;
- those documents mutated: cut short, bytes flipped, YAML indicators inserted, lines dropped or repeated.

And the command line: `timeline check --file F` on such files exits 0 or 1 and never shows a traceback.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from timeline import store
from timeline.cli import app
from timeline.errors import StoreError
from timeline.model import ORIGINS, PUBLISHED_FROM, STATUSES, Dataset

SCHEMA_KEYS = (
    "version", "sources", "places", "events", "id", "when", "title", "place", "actors", "tags", "status",
    "origin", "after", "citations", "source", "said", "quote", "notes", "outlet", "url", "published",
    "published_from", "language", "copy", "aliases", "name",
)


def fuzz(examples: int) -> settings:
    return settings(deadline=None, max_examples=examples, suppress_health_check=list(HealthCheck))


def _load_or_refuse(text: str) -> Dataset | None:
    """The invariant on text: a Dataset that survives dumps-then-loads, or a StoreError.

    Any other exception propagates as it is, so Hypothesis reports each distinct one with its traceback.
    """
    try:
        dataset = store.loads(text, "fuzz.yaml")
    except StoreError:
        return None
    assert isinstance(dataset, Dataset)
    saved = store.dumps(dataset)
    again = store.loads(saved, "saved.yaml")
    assert again == dataset, f"a save changed what was loaded:\n--- loaded from\n{text}\n--- saved as\n{saved}"
    assert store.dumps(again) == saved
    return dataset


def _load_file_or_refuse(folder: Path, data: bytes) -> Dataset | None:
    """The invariant on a file's bytes, through `store.load`."""
    path = folder / "events.yaml"
    path.write_bytes(data)
    try:
        dataset = store.load(path)
    except StoreError:
        return None
    assert isinstance(dataset, Dataset)
    assert store.loads(store.dumps(dataset)) == dataset
    return dataset


@pytest.fixture(scope="module")
def folder():
    with tempfile.TemporaryDirectory() as name:
        yield Path(name)


# -- (a) arbitrary text and bytes ------------------------------------------------------------------

VALID_START = "version: 2\nsources:\n  - id: s1\n    outlet: Outlet\nevents:\n  - id: e1\n    when: 2024-12-06\n"
YAML_CHARS = st.sampled_from(list(":-?[]{},#&*!|>'\"%@`\\ \t\n~/.0123456789abcdeinorstuvwxy\x85\u2028\ufeff"))
TEXTS = st.one_of(
    st.text(),
    st.text(YAML_CHARS, max_size=200),
    st.text(YAML_CHARS, max_size=120).map(lambda tail: VALID_START + tail),
)


@fuzz(1000)
@given(TEXTS)
@example("")
@example("version: 2\x00")
@example("\ufeffversion: 2\n")
@example("[" * 5000)
@example("a: " + "{a: " * 2000)
def test_any_text_loads_or_is_refused(text):
    """Any text (no lone surrogates): loads() gives a Dataset that survives a save, or a StoreError."""
    _load_or_refuse(text)


@fuzz(60)
@given(st.text(st.characters(exclude_categories=()), max_size=50), st.integers(0, 10**6),
       st.characters(categories=["Cs"]))
@example("", 0, "\udcff")  # what a stdin read with surrogateescape makes of the byte 0xff
def test_text_holding_a_lone_surrogate_is_refused_as_a_store_error(text, where, surrogate):
    """A str holding a lone surrogate (what `surrogateescape` makes of a byte that is not UTF-8, as
    Python's stdin does under a C or POSIX locale) is refused with a StoreError, not a UnicodeEncodeError."""
    base = VALID_START + text
    where %= len(base) + 1
    with pytest.raises(StoreError):
        store.loads(base[:where] + surrogate + base[where:])


@fuzz(600)
@given(st.one_of(st.binary(max_size=300),
                 st.binary(max_size=100).map(lambda tail: VALID_START.encode() + tail)))
@example(b"\xff\xfe")
@example(b"version: 2\n\x00")
@example(b"\xef\xbb\xbfversion: 2\n")
@example(b"version: 2\n# \xed\xa0\x80\n")  # an encoded surrogate: not UTF-8
def test_any_bytes_in_a_file_load_or_are_refused(folder, data):
    """Any bytes in the store file: load() gives a Dataset that survives a save, or a StoreError."""
    _load_file_or_refuse(folder, data)


# -- (b) structured YAML documents -----------------------------------------------------------------


class Tagged:
    """A node written with an explicit tag: a scalar for text, else a sequence or a mapping."""

    def __init__(self, tag: str, value: object) -> None:
        self.tag, self.value = tag, value


class Pairs(list):
    """A mapping written from (key, value) pairs: repeated keys and lists as keys are allowed."""


class Opaque:
    """Any Python object: yaml writes it as `!!python/object:...`; the store must never build it."""

    def __init__(self, payload: object) -> None:
        self.payload = payload


class _Dumper(yaml.Dumper):
    pass


def _represent_tagged(dumper: yaml.Dumper, node: Tagged):
    if isinstance(node.value, (list, tuple)):
        return dumper.represent_sequence(node.tag, node.value)
    if isinstance(node.value, dict):
        return dumper.represent_mapping(node.tag, node.value)
    return dumper.represent_scalar(node.tag, str(node.value))


_Dumper.add_representer(Tagged, _represent_tagged)
_Dumper.add_representer(Pairs, lambda dumper, pairs: dumper.represent_mapping("tag:yaml.org,2002:map", list(pairs)))

TAGS = (
    "tag:yaml.org,2002:python/object:os.system", "tag:yaml.org,2002:python/object/apply:os.getcwd",
    "tag:yaml.org,2002:python/name:os.getcwd", "tag:yaml.org,2002:python/tuple", "tag:yaml.org,2002:binary",
    "tag:yaml.org,2002:set", "tag:yaml.org,2002:omap", "tag:yaml.org,2002:merge", "tag:yaml.org,2002:value",
    "tag:yaml.org,2002:str", "tag:yaml.org,2002:int", "tag:yaml.org,2002:float", "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:null", "tag:yaml.org,2002:bool", "tag:yaml.org,2002:seq", "tag:yaml.org,2002:map",
    "!custom", "!", "tag:example.com,2000:thing",
)

IDS = st.one_of(st.sampled_from(["s1", "s2", "e1", "e2", "e3", "a-b", "x"]),
                st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,4}){0,2}", fullmatch=True))
TRICKY = ["Damascus", "  padded  ", "'quoted'", '"double"', "a: b", "- dash", "# hash", "null", "yes", "~", "2024",
          "2024-12-06", "1e3", "0x1f", "!tag", "&anchor", "*alias", "[x]", "{x}", "€ é ß دير 🙂", "\ufeffbom",
          "x" * 300]
# What the store keeps: a line (no control characters or line separators) and free text (line breaks too).
LINE_CHARS = st.characters(exclude_categories=("Cc", "Cs", "Zl", "Zp"))
GOOD_LINE = st.one_of(st.sampled_from(TRICKY), st.text(LINE_CHARS, max_size=40))
GOOD_FREE = st.one_of(GOOD_LINE, st.text(st.one_of(LINE_CHARS, st.just("\n")), max_size=80),
                      st.sampled_from(["line one\nline two\n", "trailing space \n", "\n\nlead", "a\n\n\n"]))
# And text it may refuse: any characters, tabs, carriage returns, lines too long.
LINES = st.one_of(GOOD_LINE, st.text(max_size=40), st.sampled_from(["tab\tin", "cr\rin", "x" * 301, "nel\x85"]))
FREE = st.one_of(LINES, GOOD_FREE)
GOOD_URLS = st.one_of(st.sampled_from(["https://example.org/a?b=c#d", "http://x.y", "HTTPS://X.Y/", ""]),
                      st.builds(lambda host, path: f"https://{host}/{path}",
                                st.from_regex(r"[a-z]{1,8}\.[a-z]{2,3}", fullmatch=True),
                                st.from_regex(r"[a-zA-Z0-9/%?=&#._-]{0,15}", fullmatch=True)))
URLS = st.one_of(GOOD_URLS, st.sampled_from(["javascript:alert(1)", "ftp://x.y", "https://", "http://exa mple.org",
                                             "data:text/html,x"]), st.text(max_size=15))


@st.composite
def edtf(draw, valid: bool = False) -> str:
    """Text that is, or (unless `valid`) is close to, an EDTF date the store keeps: days, months, years,
    qualifiers, intervals (including ones that are exactly a day, a month or a year), and near misses."""

    def value() -> str:
        if valid:
            year, month, day = draw(st.integers(1, 9999)), draw(st.integers(1, 12)), draw(st.integers(1, 28))
        else:
            year = draw(st.integers(0, 9999) | st.sampled_from([2024, 2021, 1, 10000, 99999]))
            month, day = draw(st.integers(0, 13)), draw(st.integers(0, 32))
        form = draw(st.sampled_from(["y", "ym", "ymd", "ymd"]))
        text = f"{year:04d}" + (f"-{month:02d}" if "m" in form else "") + (f"-{day:02d}" if "d" in form else "")
        return text + draw(st.sampled_from(["", "", "~", "?", "%"] + ([] if valid else ["~?"])))

    def aligned() -> str:
        start = draw(st.dates(dt.date(1, 1, 1), dt.date(9989, 12, 1)))
        ends = [start, start + dt.timedelta(days=draw(st.integers(0, 400))),
                dt.date(start.year, 12, 31), dt.date(start.year + 9, 12, 31)]
        if start.month < 12:
            ends.append(dt.date(start.year, start.month + 1, 1) - dt.timedelta(days=1))
        first = start.replace(day=1) if draw(st.booleans()) else start
        first = first.replace(month=1) if draw(st.booleans()) else first
        return f"{first.isoformat()}/{draw(st.sampled_from(ends)).isoformat()}"

    kind = draw(st.sampled_from(["value", "value", "interval", "aligned"] + ([] if valid else ["junk"])))
    if kind == "value":
        return value()
    if kind == "interval":
        first, second = sorted([value(), value()]) if valid else [value(), value()]
        return f"{first}/{second}"
    if kind == "aligned":
        return aligned()
    return draw(st.sampled_from([" 2024 ", "2024-12-06T10:00", "２０２４", "٢٠٢٤-١٢-٠٦", "2024/", "/2024",
                                 "2024//2025", "-2024", "2024-W49", "2024-21", "XXXX", "2024-12-06 ~"]))


SCALARS = st.one_of(
    st.none(), st.booleans(),
    st.integers(), st.integers(min_value=-(10**400), max_value=10**400), st.just(2**64), st.just(-(2**63) - 1),
    st.floats(), st.dates(), st.datetimes(),
    st.text(max_size=30), IDS, LINES, URLS, edtf(),
    st.sampled_from([*STATUSES, *ORIGINS, *PUBLISHED_FROM, "1", "2", "~", "null", "<<", "=", "0x2", "2.0"]),
    st.builds(Tagged, st.sampled_from(TAGS), st.text(max_size=10)),
    st.builds(Opaque, st.text(max_size=5)),
)
KEYS = st.one_of(st.sampled_from(SCHEMA_KEYS), st.sampled_from(SCHEMA_KEYS), st.text(max_size=8),
                 st.none(), st.integers(-3, 3), st.booleans(), st.dates())


def _extend(children):
    return st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(KEYS, children, max_size=5),
        st.lists(st.tuples(st.one_of(KEYS, st.lists(children, max_size=2)), children), max_size=4).map(Pairs),
        st.builds(Tagged, st.sampled_from(TAGS),
                  st.lists(children, max_size=2) | st.dictionaries(KEYS, children, max_size=2)),
    )


VALUES = st.recursive(SCALARS, _extend, max_leaves=25)


@st.composite
def store_shaped(draw) -> dict:
    """A mapping shaped like a store: values the store keeps, sometimes spoiled by values it may refuse
    or by any value at all, with keys now and then dropped, repeated or unknown."""
    spoil = draw(st.sampled_from([0, 0, 0, 1, 3, 8]))  # in twenty: how often a field gets any value

    def field(good, bad=VALUES):
        if spoil and draw(st.integers(0, 19)) < spoil:
            return draw(st.one_of(bad, VALUES))
        return draw(good)

    def entry(schema: dict, required: tuple[str, ...]) -> dict:
        keys = [k for k in schema if k in required or draw(st.booleans())]
        if spoil and draw(st.integers(0, 19)) < spoil:
            keys = draw(st.permutations(keys))
            keys += draw(st.lists(st.sampled_from(SCHEMA_KEYS), max_size=1))
            keys = keys[: draw(st.integers(0, len(keys)))]
        return {key: field(*schema.get(key, (VALUES,))) for key in keys}

    version = field(st.sampled_from([2, 2, 2, 1]), st.sampled_from([1.0, 3, 0, "2", -1, 2**70]))
    source_ids = draw(st.lists(st.sampled_from(["s1", "s2", "s3"]) | IDS, max_size=3, unique=True))
    event_ids = draw(st.lists(st.sampled_from(["e1", "e2", "e3", "e4"]) | IDS, max_size=4, unique=True))
    cited = st.sampled_from(source_ids) if source_ids else IDS
    citation = {"source": (cited, IDS), "said": (GOOD_LINE, LINES), "quote": (GOOD_FREE, FREE)}
    source = {
        "id": (IDS,), "outlet": (GOOD_LINE.filter(bool), LINES), "title": (GOOD_LINE, LINES),
        "url": (GOOD_URLS, URLS), "copy": (GOOD_LINE, LINES),
        "published": (st.dates() | st.dates().map(str), edtf()),
        "published_from": (st.sampled_from(PUBLISHED_FROM), LINES),
        "language": (st.sampled_from(["en", "ar", ""]) | GOOD_LINE, LINES), "notes": (GOOD_FREE, FREE),
    }
    if version == 1 and not spoil:
        del source["copy"], source["published_from"]
    place = {"name": (GOOD_LINE.filter(bool), LINES), "aliases": (st.lists(GOOD_LINE, max_size=3), st.lists(LINES))}
    sources = [{**entry(source, ("id", "outlet")), "id": i} for i in source_ids]
    events = []
    for index, event_id in enumerate(event_ids):
        earlier = event_ids[:index] if not spoil else event_ids  # with spoiling, cycles too
        event = {
            "id": (IDS,), "when": (edtf(valid=True), edtf() | st.dates() | st.integers(0, 3000)),
            "title": (GOOD_LINE.filter(bool), LINES), "place": (GOOD_LINE, LINES),
            "actors": (st.lists(GOOD_LINE, max_size=3), st.lists(LINES)),
            "tags": (st.lists(GOOD_LINE, max_size=3), st.lists(LINES)),
            "status": (st.sampled_from(STATUSES), LINES), "origin": (st.sampled_from(ORIGINS), LINES),
            "after": (st.sampled_from(earlier) if earlier else st.none(), IDS),
            "citations": (st.lists(st.builds(lambda: entry(citation, ("source",))), max_size=3),),
            "notes": (GOOD_FREE, FREE),
        }
        events.append({**entry(event, ("id", "when", "title")), "id": event_id})
    places = [entry(place, ("name",)) for _ in range(draw(st.integers(0, 2)))]
    if spoil:  # now and then the spoiling reaches the id too
        for item in sources + events:
            if draw(st.integers(0, 19)) < spoil:
                item["id"] = draw(VALUES)
    top = {"version": version, "sources": sources, "events": events}
    if places or draw(st.booleans()):
        top["places"] = places
    return entry({k: (st.just(v),) for k, v in top.items()}, ("version",)) if spoil else top


def _share(draw, document: object) -> object:
    """Make a node appear twice (an anchor and an alias): a value reused under the same key elsewhere
    (the store may keep that), or any node put anywhere, even inside itself (a recursive alias)."""
    containers, under, stack = [], [], [document]  # under: (mapping, key) of each container in a mapping
    while stack:
        node = stack.pop()
        if type(node) in (list, dict) and not any(node is c for c in containers):
            containers.append(node)
            if isinstance(node, dict):
                under += [(node, key) for key, value in node.items() if type(value) in (list, dict)]
                stack.extend(node.values())
            else:
                stack.extend(node)
    pick = st.integers  # indices: a repr of the containers themselves could be huge
    for _ in range(draw(st.integers(1, 2))):
        if draw(st.booleans()) and len(under) > 1:
            (one, key), (other, other_key) = under[draw(pick(0, len(under) - 1))], under[draw(pick(0, len(under) - 1))]
            if key == other_key:
                other[key] = one[key]
        elif containers:
            into, what = containers[draw(pick(0, len(containers) - 1))], containers[draw(pick(0, len(containers) - 1))]
            if isinstance(into, dict):
                into[draw(st.sampled_from(SCHEMA_KEYS))] = what
            else:
                into.append(what)
    return document


def _deep(depth: int, kind: str) -> str:
    """A store whose one event's notes nest `depth` levels deep, in flow or block style."""
    if kind == "flow list":
        notes = "[" * depth + "leaf" + "]" * depth
    elif kind == "flow map":
        notes = "{a: " * depth + "leaf" + "}" * depth
    else:
        notes = "".join(f"\n{'  ' * (level + 3)}{'- ' if kind == 'block list' else 'a: '}" for level in range(depth))
        notes = notes.rstrip() + " leaf" if kind == "block list" else notes + "leaf"
    return f"version: 2\nevents:\n  - id: e1\n    when: '2024'\n    title: t\n    notes: {notes}\n"


@st.composite
def documents(draw) -> str:
    """A YAML document: store-shaped or any value, sometimes shared or deep, dumped in a random style."""
    document = draw(st.one_of(store_shaped(), store_shaped(), VALUES))
    # Hypothesis favours small and boundary numbers: an inner one stands for "now and then".
    if draw(st.integers(0, 7)) == 5:
        document = _share(draw, document)
    if draw(st.integers(0, 19)) == 13:
        return _deep(draw(st.sampled_from([10, 200, 1001, 5000]) | st.integers(990, 1000)),
                     draw(st.sampled_from(["flow list", "flow map", "block list", "block map"])))
    try:
        return yaml.dump(
            document, Dumper=_Dumper, sort_keys=False,
            default_flow_style=draw(st.sampled_from([False, True, None])),
            allow_unicode=draw(st.booleans()), width=draw(st.sampled_from([20, 80, 10**6])),
            explicit_start=draw(st.booleans()),
        )
    except RecursionError:  # the *dumper* cannot write a document that deep: write one by hand
        return _deep(5000, "flow list")


@fuzz(600)
@given(documents())
@example("version: 2\nevents:\n  - &e {id: a, when: '2024', title: t, after: *e}\n")
@example("version: 2\nsources: &s [*s]\n")
@example("version: !!int []\n")
@example("version: 2\nevents:\n  - id: a\n    when: 2024\n    title: !!python/object/apply:os.getcwd []\n")
def test_yaml_documents_load_or_are_refused(text):
    """Any YAML document built from the schema's keys and any values: a Dataset that survives a save,
    or a StoreError."""
    _load_or_refuse(text)


@st.composite
def mutated(draw) -> bytes:
    """A document's bytes cut short, with bytes flipped, YAML indicators inserted, lines dropped or doubled."""
    data = bytearray(draw(documents()).encode("utf-8"))
    for _ in range(draw(st.integers(1, 4))):
        how = draw(st.sampled_from(["cut", "flip", "insert", "drop line", "double line", "indent"]))
        at = draw(st.integers(0, len(data)))
        if how == "cut":
            del data[at:]
        elif how == "flip" and data:
            at = min(at, len(data) - 1)
            data[at] ^= draw(st.integers(1, 255))
        elif how == "insert":
            data[at:at] = draw(st.sampled_from([
                b":", b"- ", b"[", b"]", b"{", b"}", b"&a ", b"*a", b"!!python/name:os.getcwd ", b"\n", b"\t", b"#",
                b"'", b'"', b"%", b"\x00", b"\xc3", b"\xef\xbb\xbf",
            ]))
        else:
            lines = bytes(data).split(b"\n")
            index = draw(st.integers(0, len(lines) - 1))
            if how == "drop line":
                del lines[index]
            elif how == "double line":
                lines.insert(index, lines[index])
            else:
                lines[index] = b"  " + lines[index]
            data = bytearray(b"\n".join(lines))
    return bytes(data)


@fuzz(600)
@given(mutated())
def test_mutated_documents_load_or_are_refused(folder, data):
    """A document cut short or with bytes flipped: load() of the file and loads() of the text (when
    it is UTF-8) each give a Dataset that survives a save, or a StoreError; both agree."""
    from_file = _load_file_or_refuse(folder, data)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        return
    assert _load_or_refuse(text) == from_file


@pytest.mark.parametrize("text", [
    "version: 2\nevents:\n  - {id: a, when: 2024-01-01/2024-12-31, title: t}\n",
    "version: 2\nevents:\n  - {id: a, when: 2024-12-01/2024-12-31, title: t}\n",
    "version: 2\nevents:\n  - {id: a, when: 2024-12-06/2024-12-06~, title: t}\n",
])
def test_an_interval_that_is_one_whole_unit_survives_a_save(text):
    """An event dated by an interval that is exactly one year, month or day loads, and reads back the
    same after a save (which writes it as that unit: `2024`, `2024-12`, `2024-12-06`)."""
    _load_or_refuse(text)


# -- the command line ------------------------------------------------------------------------------


@fuzz(50)
@given(st.one_of(documents().map(lambda text: text.encode("utf-8")), mutated()),
       st.sampled_from([[], ["--json"]]))
def test_check_on_any_file_exits_0_or_1_without_a_traceback(folder, data, flags):
    """`timeline check --file F` on any such file exits 0 or 1; an exit of 1 on a file that does not load
    is one `error:` line; nothing ever shows a traceback."""
    path = folder / "check.yaml"
    path.write_bytes(data)
    result = CliRunner().invoke(app, ["check", *flags, "--file", str(path)])
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    assert result.exit_code in (0, 1), (result.exit_code, result.stdout, result.stderr)
    assert "Traceback" not in result.stdout + result.stderr
    try:
        store.load(path)
    except StoreError:
        assert result.exit_code == 1
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr


@pytest.mark.parametrize("data", [b"version: 2\nevents: []\n# \xff\n", b"\xed\xa0\x80", b"version: 2\xc3\n"])
def test_check_of_a_store_on_stdin_that_is_not_utf8_is_one_error_line(data):
    """`timeline check --file -` in a real process (stdin decoded with surrogateescape under the C
    locale) given bytes that are not UTF-8 exits 1 with one `error:` line, no traceback."""
    env = {"PATH": "/usr/bin:/bin", "LC_ALL": "C", "PYTHONPATH": str(Path(__file__).resolve().parent.parent)}
    proc = subprocess.run([sys.executable, "-m", "timeline", "check", "--file", "-"], input=data,
                          capture_output=True, env=env, timeout=60, check=False)
    stderr = proc.stderr.decode("utf-8", "replace")
    assert proc.returncode == 1 and "Traceback" not in stderr, stderr
    lines = stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: "), stderr
