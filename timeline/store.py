"""The store: events.yaml read into a Dataset with strict, line-numbered checks, written back canonically.

The only module importing yaml. Reading composes YAML nodes (safe loader, no Python objects are ever
built) and turns them into model values by hand, so every error can name the file, the line and the
entry. Writing is a small emitter for the fixed schema: keys in the documented order, empty optional
fields left out, and yaml used only to quote scalars, so loading then saving a file changes no byte.
Saving replaces the file atomically under an exclusive lock on a sidecar `<name>.lock` file.
"""

from __future__ import annotations

import contextlib
import dataclasses
import fcntl
import functools
import os
import re
import secrets
import stat
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from . import cache
from .dates import Resolution, parse_edtf
from .errors import StoreError, StoreLocked, StoreNotFound
from .model import (
    ID_PATTERN, ORIGINS, PUBLISHED_FROM, STATUSES, Citation, Dataset, Event, Place, Source, after_cycle, line_fault,
    text_fault, url_fault,
)

# Version 2 adds `copy` and `published_from` to sources; version 1 stores are read as they are and
# written as version 2.
VERSION = 2
_READABLE_VERSIONS = (1, 2)

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_TAG_PREFIX = "tag:yaml.org,2002:"
_STR, _INT, _NULL, _TIMESTAMP = (_TAG_PREFIX + t for t in ("str", "int", "null", "timestamp"))
_PLAIN_DATA_TAGS = {
    _TAG_PREFIX + t for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}
_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
# Lists longer than this on one line are easier to read and to diff one item a line.
_FLOW_LIST_WIDTH = 80
# Fields written even when empty: the ones a reader expects to see in every entry.
_ALWAYS_WRITTEN = {
    Source: {"id", "outlet", "language"},
    Place: {"name"},
    Event: {"id", "when", "title", "status", "origin", "citations"},
    Citation: {"source"},
}

Converter = Callable[[Node, str, str], object]


# -- reading ----------------------------------------------------------------------------------------


def load(path: str | os.PathLike) -> Dataset:
    """Read and check the store at `path` (from the cache when it holds exactly the file's bytes)."""
    return _load(path)[0]


def _load(path: str | os.PathLike) -> tuple[Dataset, cache.Loaded | None, bytes]:
    """The dataset, how the cache gave it (None after a full parse) and the file's bytes."""
    name = os.fspath(path)
    try:
        with open(name, "rb") as handle:
            data = handle.read()
    except FileNotFoundError:
        raise StoreNotFound(f"no store at {name}; start one with `timeline add`") from None
    except IsADirectoryError:
        raise StoreError(f"{name}: is a folder, not a store file") from None
    except OSError as exc:
        raise StoreError(f"{name}: cannot read: {exc.strerror}") from None
    if not cache.enabled():
        with cache.paused_gc():
            return loads(_decode(data, name), name), None, data
    file_digest = cache.digest(data)
    loaded = cache.read(name, file_digest)
    if loaded is not None:
        return loaded.dataset, loaded, data
    with cache.paused_gc():
        dataset = loads(_decode(data, name), name)
    return dataset, cache.write_base(name, file_digest, dataset, canonical=False), data


def loads(text: str, name: str = "<string>") -> Dataset:
    """Read and check store text; `name` is the file named in error messages."""
    reader = _Reader(name)
    root = reader.compose(text)
    if root is None:
        raise StoreError(f"{name}: empty file; a store starts with `version: {VERSION}`")
    return reader.dataset(root)


def read_front_matter(text: str, name: str = "<string>") -> tuple[dict, str, int]:
    """Split an article into its YAML front matter (between `---` lines), its body and the body's line offset.

    Without front matter: `({}, text, 0)`.
    """
    lines = text.split("\n")
    if lines[0].rstrip() != "---":
        return {}, text, 0
    closing = next((i for i, line in enumerate(lines[1:], 1) if line.rstrip() == "---"), None)
    if closing is None:
        raise StoreError(f"{name}:1: front matter opened with '---' is never closed")
    reader = _Reader(name, line_offset=1)
    root = reader.compose("\n".join(lines[1:closing]))
    body = "\n".join(lines[closing + 1 :])
    if root is None:
        return {}, body, closing + 1
    schema = {
        "id": reader.ident,
        "published": reader.day,
        "outlet": reader.line,
        "title": reader.line,
        "url": reader.url,
        "language": reader.line,
    }
    return reader.entry(root, "front matter", schema, required=()).values, body, closing + 1


def _decode(data: bytes, name: str) -> str:
    # NUL is valid UTF-8 but never occurs in text: it marks a binary file. Report whichever comes first.
    nul = data.find(b"\0")
    try:
        text = (data if nul < 0 else data[:nul]).decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = exc.start
    else:
        if nul < 0:
            return text
        bad = nul
    line = data.count(b"\n", 0, bad) + 1
    raise StoreError(f"{name}:{line}: not a UTF-8 text file (byte {bad})")


@dataclass
class _Entry:
    """One checked mapping from the file: its values by key and the nodes they came from (for lines)."""

    label: str
    values: dict[str, object]
    nodes: dict[str, Node]


class _Reader:
    """Turns composed YAML nodes into model values; every error names file, line and entry."""

    def __init__(self, name: str, line_offset: int = 0) -> None:
        self.name = name
        self.line_offset = line_offset
        self.source_ids: set[str] = set()

    def error(self, node: Node, message: str, label: str = "") -> StoreError:
        line = node.start_mark.line + 1 + self.line_offset
        return StoreError(f"{self.name}:{line}: {label + ': ' if label else ''}{message}")

    def compose(self, text: str) -> Node | None:
        try:
            root = yaml.compose(text, Loader=_LOADER)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = ", ".join(part for part in (exc.context, exc.problem) if part)
            line = mark.line + 1 + self.line_offset
            raise StoreError(f"{self.name}:{line}:{mark.column + 1}: invalid YAML: {problem}") from None
        except UnicodeEncodeError as exc:  # a lone surrogate: text decoded with surrogateescape
            line = text.count("\n", 0, exc.start) + 1 + self.line_offset
            raise StoreError(f"{self.name}:{line}: not UTF-8 text") from None
        except yaml.reader.ReaderError as exc:
            line = text.count("\n", 0, exc.position) + 1 + self.line_offset
            column = exc.position - (text.rfind("\n", 0, exc.position) + 1) + 1
            raise StoreError(
                f"{self.name}:{line}:{column}: invalid YAML: character {exc.character!r} is not allowed"
            ) from None
        if root is not None:
            self.refuse_foreign_tags(root)
        return root

    def refuse_foreign_tags(self, root: Node) -> None:
        """Refuse `!!python/...` and every other tag beyond plain data, before any value is built."""
        stack, seen = [root], set()
        while stack:
            node = stack.pop()
            if id(node) in seen:  # an alias can point back at its own anchor
                continue
            seen.add(id(node))
            if node.tag not in _PLAIN_DATA_TAGS:
                tag = node.tag.replace(_TAG_PREFIX, "!!")
                raise self.error(node, f"YAML tag {tag!r} is not allowed; the store holds plain data only")
            if isinstance(node, SequenceNode):
                stack.extend(node.value)
            elif isinstance(node, MappingNode):
                stack.extend(n for pair in node.value for n in pair)

    # -- the document ------------------------------------------------------------------------------

    def dataset(self, root: Node) -> Dataset:
        def keep(node: Node, key: str, label: str) -> Node:
            return node

        top = self.entry(
            root,
            "",
            {"version": self.version, "sources": keep, "places": keep, "events": keep},
            required=("version",),
            what=f"a store must be a mapping with `version: {VERSION}`",
        )
        # Sources first, whatever the order in the file: citations are checked against them.
        sources = self.entries(top, "sources", "id", self.source_schema(top.values["version"]), ("id", "outlet"))
        self.source_ids = {e.values["id"] for e in sources}
        places = self.entries(top, "places", "name", self.place_schema(), ("name",))
        events = self.entries(top, "events", "id", self.event_schema(), ("id", "when", "title"))
        self.unique(sources, "id")
        self.unique(places, "name")
        self.unique(events, "id")
        self.check_after(events)
        return Dataset(
            sources=tuple(Source(**e.values) for e in sources),
            places=tuple(Place(**e.values) for e in places),
            events=tuple(Event(**e.values) for e in events),
            version=VERSION,
        )

    def source_schema(self, version: int = VERSION) -> dict[str, Converter]:
        schema = {
            "id": self.ident,
            "outlet": self.line,
            "title": self.line,
            "url": self.url,
            "copy": self.line,
            "published": self.day,
            "published_from": functools.partial(self.choice, options=PUBLISHED_FROM),
            "language": self.shared_line,
            "notes": self.free,
        }
        if version < 2:
            del schema["copy"], schema["published_from"]
        return schema

    def place_schema(self) -> dict[str, Converter]:
        return {"name": self.line, "aliases": self.lines}

    def event_schema(self) -> dict[str, Converter]:
        return {
            "id": self.ident,
            "when": self.when,
            "title": self.line,
            "place": self.shared_line,
            "actors": self.shared_lines,
            "tags": self.shared_lines,
            "status": functools.partial(self.choice, options=STATUSES),
            "origin": functools.partial(self.choice, options=ORIGINS),
            "after": self.ident,
            "citations": self.citations,
            "notes": self.free,
        }

    def entries(
        self, top: _Entry, key: str, name_key: str, schema: dict[str, Converter], required: tuple[str, ...]
    ) -> list[_Entry]:
        """The entries of one top-level list (`sources`, `places`, `events`), each checked."""
        node, kind = top.values.get(key), key[:-1]
        if node is None:
            return []
        if not isinstance(node, SequenceNode):
            raise self.error(node, f"'{key}' must be a list of {kind} entries, got {_describe(node)}")
        return [
            self.entry(item, _label(item, kind, index, name_key), schema, required)
            for index, item in enumerate(node.value, 1)
        ]

    def entry(
        self,
        node: Node,
        label: str,
        schema: dict[str, Converter],
        required: tuple[str, ...],
        what: str = "",
    ) -> _Entry:
        """Check one mapping: no unknown or repeated keys, required keys present; convert each value."""
        if not isinstance(node, MappingNode):
            what = what or f"must be a mapping of keys to values, got {_describe(node)}"
            raise self.error(node, what, label)
        values: dict[str, object] = {}
        nodes: dict[str, Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if _is_text(key_node) else None
            if key not in schema:
                raise self.error(key_node, f"unknown key {_show(key_node)}", label)
            if key in nodes:
                raise self.error(key_node, f"key '{key}' given twice", label)
            nodes[key] = value_node
            # An explicit null (`after: null`) means the same as leaving the key out.
            if value_node.tag != _NULL:
                values[key] = schema[key](value_node, key, label)
        for key in required:
            if key not in values:
                raise self.error(node, f"missing required key '{key}'", label)
            if values[key] == "":
                raise self.error(nodes[key], f"'{key}' must not be empty", label)
        return _Entry(label, values, nodes)

    def unique(self, entries: list[_Entry], key: str) -> None:
        first_line: dict[object, int] = {}
        for entry in entries:
            value, node = entry.values[key], entry.nodes[key]
            if value in first_line:
                message = f"duplicate {key} {value!r} (first at line {first_line[value]})"
                raise self.error(node, message, entry.label)
            first_line[value] = node.start_mark.line + 1 + self.line_offset

    def check_after(self, events: list[_Entry]) -> None:
        ids = {e.values["id"] for e in events}
        for entry in events:
            after = entry.values.get("after")
            if after == entry.values["id"]:
                raise self.error(entry.nodes["after"], "'after' names the event itself", entry.label)
            if after is not None and after not in ids:
                raise self.error(entry.nodes["after"], f"'after' names unknown event {after!r}", entry.label)
        cycle = after_cycle({e.values["id"]: e.values.get("after") for e in events})
        if cycle:
            entry = next(e for e in events if e.values["id"] == cycle[0])
            raise self.error(entry.nodes["after"], f"'after' goes round in a circle: {' -> '.join(cycle)}; "
                             "one of them must be dated on its own", entry.label)

    # -- values: each takes (node, key, entry label) ----------------------------------------------

    def version(self, node: Node, key: str, label: str) -> int:
        if isinstance(node, ScalarNode) and node.tag == _INT and node.value in {str(v) for v in _READABLE_VERSIONS}:
            return int(node.value)
        readable = " and ".join(map(str, _READABLE_VERSIONS))
        message = f"unsupported version {_show(node)}; this timeline reads versions {readable}"
        raise self.error(node, message, label)

    def text(self, node: Node, key: str, label: str) -> str:
        if _is_text(node):
            return node.value
        raise self.error(node, f"'{key}' must be text, got {_describe(node)}", label)

    def line(self, node: Node, key: str, label: str) -> str:
        return self.checked(node, key, label, self.text(node, key, label), line_fault)

    # The values many entries repeat (a place, a tag, a source id, "last Friday") are one string each
    # (sys.intern): a large store then takes less memory, and its cache pickles each of them once.
    def shared_line(self, node: Node, key: str, label: str) -> str:
        return sys.intern(self.line(node, key, label))

    def shared_lines(self, node: Node, key: str, label: str) -> tuple[str, ...]:
        return tuple(map(sys.intern, self.lines(node, key, label)))

    def free(self, node: Node, key: str, label: str) -> str:
        return self.checked(node, key, label, self.text(node, key, label), text_fault)

    def url(self, node: Node, key: str, label: str) -> str:
        return self.checked(node, key, label, self.text(node, key, label), url_fault)

    def lines(self, node: Node, key: str, label: str) -> tuple[str, ...]:
        values = self.texts(node, key, label)
        for item, value in zip(node.value, values):
            self.checked(item, key, label, value, line_fault)
        return values

    def checked(self, node: Node, key: str, label: str, value: str, fault: Callable[[str], str | None]) -> str:
        problem = fault(value)
        if problem:
            raise self.error(node, f"'{key}': {problem}", label)
        return value

    def texts(self, node: Node, key: str, label: str) -> tuple[str, ...]:
        if not isinstance(node, SequenceNode):
            raise self.error(node, f"'{key}' must be a list of text, got {_describe(node)}", label)
        for item in node.value:
            if not _is_text(item):
                message = f"'{key}' must be a list of text, got an item {_describe(item)}"
                raise self.error(item, message, label)
        return tuple(item.value for item in node.value)

    def ident(self, node: Node, key: str, label: str) -> str:
        value = self.text(node, key, label)
        if not ID_PATTERN.fullmatch(value):
            raise self.error(
                node, f"'{key}' {value!r} is not an id (lower-case letters and digits, single hyphens)", label
            )
        return value

    def day(self, node: Node, key: str, label: str) -> date:
        is_date_text = isinstance(node, ScalarNode) and node.tag in (_TIMESTAMP, _STR)
        if is_date_text and _ISO_DATE.fullmatch(node.value):
            with contextlib.suppress(ValueError):
                return date.fromisoformat(node.value)
        raise self.error(node, f"'{key}' must be a date like 2024-12-09, got {_describe(node)}", label)

    def when(self, node: Node, key: str, label: str) -> Resolution:
        # The scalar's own text is the EDTF: YAML's reading of `2024` as an int or of `2024-12-06`
        # as a date is ignored, so quoting never matters.
        if isinstance(node, ScalarNode):
            try:
                return parse_edtf(node.value)
            except ValueError as exc:
                raise self.error(node, f"'{key}' is not an EDTF date: {exc}", label) from None
        raise self.error(node, f"'{key}' must be an EDTF date like 2024-12-06, got {_describe(node)}", label)

    def choice(self, node: Node, key: str, label: str, options: tuple[str, ...]) -> str:
        value = self.text(node, key, label)
        if value not in options:
            raise self.error(node, f"'{key}' must be one of {', '.join(options)}; got {value!r}", label)
        return options[options.index(value)]  # the one string of that name

    def citations(self, node: Node, key: str, label: str) -> tuple[Citation, ...]:
        if not isinstance(node, SequenceNode):
            raise self.error(node, f"'{key}' must be a list of citations, got {_describe(node)}", label)
        schema = {"source": self.shared_line, "said": self.shared_line, "quote": self.free}
        citations = []
        for index, item in enumerate(node.value, 1):
            entry = self.entry(item, f"{label} citation {index}", schema, required=("source",))
            source = entry.values["source"]
            if source not in self.source_ids:
                raise self.error(entry.nodes["source"], f"unknown source {source!r}", entry.label)
            citations.append(Citation(**entry.values))
        return tuple(citations)


def _is_text(node: Node) -> bool:
    return isinstance(node, ScalarNode) and node.tag == _STR


def _show(node: Node) -> str:
    return repr(node.value) if isinstance(node, ScalarNode) else _describe(node)


def _describe(node: Node) -> str:
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a mapping"
    return f"{node.value!r} (read as {node.tag.replace(_TAG_PREFIX, '')})"


def _label(node: Node, kind: str, index: int, name_key: str) -> str:
    """How errors name an entry: by its id or name when it has a usable one, else by position."""
    if isinstance(node, MappingNode):
        for key_node, value_node in node.value:
            if _is_text(key_node) and key_node.value == name_key and _is_text(value_node):
                return f"{kind} {value_node.value!r}"
    return f"{kind} #{index}"


# -- writing ----------------------------------------------------------------------------------------


def dumps(dataset: Dataset) -> str:
    """The canonical text of a dataset: the same dataset always gives the same bytes."""
    lines = [f"version: {dataset.version}"]
    lines += _section("sources", dataset.sources)
    if dataset.places:
        lines += _section("places", dataset.places)
    lines += _section("events", dataset.events)
    return "\n".join(lines) + "\n"


def _section(key: str, entries: tuple) -> list[str]:
    if not entries:
        return [f"{key}: []"]
    # A blank line between entries, for the eye.
    return [f"{key}:", "\n\n".join(_entry_text(entry) for entry in entries)]


def _entry_text(entry: Source | Place | Event) -> str:
    """One entry of a section as `dumps` writes it, without the line end after it."""
    return "\n".join(_list_item(_fields(entry), "  "))


def _list_item(field_lines: list[str], indent: str) -> list[str]:
    first, *rest = field_lines
    return [f"{indent}- {first}", *(f"{indent}  {line}" if line else "" for line in rest)]


def _fields(value: Source | Place | Event | Citation) -> list[str]:
    """The lines of one entry in the order of its dataclass fields, which is the documented order."""
    always = _ALWAYS_WRITTEN[type(value)]
    lines: list[str] = []
    for field in dataclasses.fields(value):
        item = getattr(value, field.name)
        if field.name in always or item not in ("", (), None):
            lines += _field(field.name, item)
    return lines


def _field(key: str, value: object) -> list[str]:
    if isinstance(value, Resolution):
        # EDTF is digits and -/~?% only, always a plain scalar; the loader reads its raw text.
        return [f"{key}: {value.edtf}"]
    if isinstance(value, date):
        return [f"{key}: {value.isoformat()}"]
    if isinstance(value, str):
        return [f"{key}: {_scalar(value)}"]
    if not value:
        return [f"{key}: []"]
    if isinstance(value[0], Citation):
        return [f"{key}:", *(line for c in value for line in _list_item(_fields(c), "  "))]
    flow = "[" + ", ".join(_scalar(item, flow=True) for item in value) + "]"
    if len(flow) <= _FLOW_LIST_WIDTH:
        return [f"{key}: {flow}"]
    return [f"{key}:", *(f"  - {_scalar(item)}" for item in value)]


# Text PyYAML writes plain for certain, in a list item of either style: words of letters and digits with
# inner spaces and a few punctuation marks no YAML indicator uses. Checking it here (and that no implicit
# type such as a number, a date or `yes` would read it) skips yaml.dump for most scalars, which was most of
# a save; tests/test_store.py checks the two ways agree.
_SURELY_PLAIN = re.compile(r"[^\W_](?:[^\S\n\r\x85\u2028\u2029]?[\w.'()/-])*")
_RESOLVER = yaml.resolver.Resolver()


def _scalar(text: str, flow: bool = False) -> str:
    """`text` as one line of YAML that reads back as the same string: plain when that is safe, else quoted."""
    if _SURELY_PLAIN.fullmatch(text) and text.isprintable() and \
            _RESOLVER.resolve(ScalarNode, text, (True, False)) == _STR:
        return text
    return _quoted(text, flow)


@functools.lru_cache(maxsize=16384)
def _quoted(text: str, flow: bool) -> str:
    rendered = _dump_list_item(text, flow, style=None)
    if len(rendered.splitlines()) > 1:
        # Single quotes would carry a line break as a folded new line; double quotes escape it.
        rendered = _dump_list_item(text, flow, style='"')
    return rendered


def _dump_list_item(text: str, flow: bool, style: str | None) -> str:
    dumped = yaml.dump(
        [text],
        Dumper=yaml.SafeDumper,
        default_flow_style=flow,
        default_style=style,
        allow_unicode=True,
        width=float("inf"),
    )
    return dumped[1:-2] if flow else dumped[2:-1]  # strip "[...]\n" or "- ...\n"


# -- files ------------------------------------------------------------------------------------------


# How long a writer waits for the lock by default before giving up, and when it first says it waits.
DEFAULT_WAIT = 10.0
_SAY_AFTER = 1.0


def save(dataset: Dataset, path: str | os.PathLike, *, wait: float = DEFAULT_WAIT,
         on_wait: Callable[[str], None] | None = None) -> None:
    """Write the dataset to `path` atomically, under the store's lock (see `lock` for `wait`, `on_wait`)."""
    _refuse_read_only(path)
    with lock(path, wait=wait, on_wait=on_wait):
        _write(dataset, path)


def modify(path: str | os.PathLike, change: Callable[[Dataset], Dataset], *, create: bool = False,
           wait: float = DEFAULT_WAIT, on_wait: Callable[[str], None] | None = None) -> Dataset:
    """Load, apply `change` and save, all under the lock, so concurrent changes never overwrite each other.

    A missing store is StoreNotFound unless `create`, when `change` starts from an empty Dataset. A
    read-only store is refused before `change` runs. The file is written only when the result differs.
    Returns the result.
    """
    _refuse_read_only(path)
    with lock(path, wait=wait, on_wait=on_wait):
        try:
            current, loaded, data = _load(path)
        except StoreNotFound:
            if not create:
                raise
            current, loaded, data = Dataset(), None, b""
        result = change(current)
        if result != current:
            _write(result, path, current, loaded, data)
    return result


@contextlib.contextmanager
def lock(path: str | os.PathLike, *, wait: float = DEFAULT_WAIT,
         on_wait: Callable[[str], None] | None = None) -> Iterator[None]:
    """Hold an exclusive lock on the store for a read-modify-write.

    The lock is on a sidecar `<name>.lock` file: the store itself is replaced by rename on every save,
    so a lock on it would be lost. The sidecar is never deleted, since deleting it would race with a
    waiting process; the holder writes its process id into it, so that a waiter can say who holds it.
    A waiter calls `on_wait(holder)` once after a second (`holder` is "process 1234", or "another
    process" when unknown) and raises StoreLocked after `wait` seconds. Not reentrant.
    """
    lock_path = os.path.realpath(path) + ".lock"
    try:
        descriptor = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o666)
    except OSError as exc:
        raise StoreError(f"cannot lock {os.fspath(path)}: {exc.strerror}") from None
    try:
        _acquire(descriptor, os.fspath(path), wait, on_wait)
        with contextlib.suppress(OSError):  # naming the holder is a courtesy, never a reason to fail
            os.ftruncate(descriptor, 0)
            os.pwrite(descriptor, f"{os.getpid()}\n".encode(), 0)
        yield
    finally:
        os.close(descriptor)  # closing releases the lock


def _acquire(descriptor: int, name: str, wait: float, on_wait: Callable[[str], None] | None) -> None:
    started = time.monotonic()
    pause, told = 0.005, False
    while True:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            pass
        waited = time.monotonic() - started
        if waited >= wait:
            raise StoreLocked(f"{name} is locked by {_holder(descriptor)}; gave up after {wait:g} s "
                              "(--wait sets how long to wait)")
        if not told and waited >= _SAY_AFTER and on_wait is not None:
            on_wait(_holder(descriptor))
            told = True
        time.sleep(min(pause, max(wait - waited, 0.001)))
        pause = min(pause * 2, 0.1)


def _holder(descriptor: int) -> str:
    """Who holds the lock: the process id its holder wrote, when that process is still running."""
    try:
        pid = int(os.pread(descriptor, 32, 0).split()[0])
    except (OSError, ValueError, IndexError):
        return "another process"
    try:
        os.kill(pid, 0)
    except PermissionError:  # running, but another user's
        pass
    except OSError:
        return "another process"
    return f"process {pid}"


def _refuse_read_only(path: str | os.PathLike) -> None:
    """A store nobody may write is left alone: replacing it by rename would silently ignore its mode."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # missing (a new store) or unreadable: load says which
    if stat.S_ISREG(mode) and (not mode & 0o222 or not os.access(path, os.W_OK)):
        raise StoreError(f"{os.fspath(path)} is read-only; not changed (make it writable to change it)")


def stale_temporaries(path: str | os.PathLike) -> list[str]:
    """The temporary files a save that never finished (a killed writer) left beside the store.

    Only while no writer holds the lock can a temporary file be known to be stale; while one does, the
    answer is an empty list. The next save removes them.
    """
    try:
        descriptor = os.open(os.path.realpath(path) + ".lock", os.O_RDONLY)
    except OSError:
        return _temporaries(path)  # no lock file: nobody has ever written through the lock
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_SH | fcntl.LOCK_NB)
        except BlockingIOError:
            return []
        return _temporaries(path)
    finally:
        os.close(descriptor)


def _temporaries(path: str | os.PathLike) -> list[str]:
    target = os.path.realpath(path)
    folder, base = os.path.split(target)
    pattern = re.compile(rf"\.{re.escape(base)}\.[0-9a-f]{{8}}\.tmp")
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(os.path.join(folder, n) for n in names if pattern.fullmatch(n))


def _check_references(dataset: Dataset, name: str, previous: Dataset | None = None) -> None:
    """The rules that tie entries together and the rules of the store's text, checked on the values
    before anything is written, so a bad change (a duplicate id, a citation of an unknown source, a
    title with a line break) fails here instead of leaving a store that cannot be opened. Checking the
    values, not re-reading the text, keeps a large save's memory flat; entries unchanged since
    `previous` was loaded (the same objects) were checked when it was."""
    where = f"{name} (not saved)"
    sources, events = _unique_ids(dataset.sources, "source", where), _unique_ids(dataset.events, "event", where)
    known = {id(e) for e in (*previous.sources, *previous.places, *previous.events)} if previous else set()
    for source in dataset.sources:
        if id(source) not in known:
            _check_text(source, f"{where}: source '{source.id}'")
    for place in dataset.places:
        if id(place) not in known:
            _check_text(place, f"{where}: place '{place.name}'")
    for event in dataset.events:
        if id(event) in known:
            continue
        if not ID_PATTERN.fullmatch(event.id):
            raise StoreError(f"{where}: event '{event.id}': bad id")
        if event.after is not None and (event.after == event.id or event.after not in events):
            raise StoreError(f"{where}: event '{event.id}': after names no other event: '{event.after}'")
        for citation in event.citations:
            if citation.source not in sources:
                raise StoreError(f"{where}: event '{event.id}': unknown source '{citation.source}'")
        _check_text(event, f"{where}: event '{event.id}'")
    # Only a new or changed link can close a circle: the others were checked when they were written.
    if any(e.after is not None and id(e) not in known for e in dataset.events):
        cycle = after_cycle({e.id: e.after for e in dataset.events})
        if cycle:
            raise StoreError(f"{where}: event '{cycle[0]}': 'after' goes round in a circle: {' -> '.join(cycle)}")


# The fields of each kind of entry by the rule their text follows.
_LINES = {Source: ("outlet", "title", "copy", "language"), Place: ("name",), Event: ("title", "place"),
          Citation: ("said",)}
_LINE_LISTS = {Place: ("aliases",), Event: ("actors", "tags")}
_FREE_TEXT = {Source: ("notes",), Event: ("notes",), Citation: ("quote",)}


def _check_text(entry: Source | Place | Event | Citation, where: str) -> None:
    kind = type(entry)
    checks = [(key, getattr(entry, key), line_fault) for key in _LINES.get(kind, ())]
    checks += [(key, item, line_fault) for key in _LINE_LISTS.get(kind, ()) for item in getattr(entry, key)]
    checks += [(key, getattr(entry, key), text_fault) for key in _FREE_TEXT.get(kind, ())]
    if kind is Source:
        checks.append(("url", entry.url, url_fault))
    for key, value, fault in checks:
        problem = fault(value)
        if problem:
            raise StoreError(f"{where}: '{key}': {problem}")
    if kind is Event:
        for index, citation in enumerate(entry.citations, 1):
            _check_text(citation, f"{where} citation {index}")


def _unique_ids(entries: tuple, kind: str, where: str) -> set[str]:
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise StoreError(f"{where}: {kind} '{entry.id}': duplicate id '{entry.id}'")
        seen.add(entry.id)
    return seen


def _write(dataset: Dataset, path: str | os.PathLike, previous: Dataset | None = None,
           loaded: cache.Loaded | None = None, old: bytes = b"") -> None:
    """Check and write `dataset`; the caller holds the lock, so any temporary file beside the store is
    a killed writer's, and goes. When the old file is known canonical, the entries it already holds are
    copied from it rather than written again: the bytes are the same, at a fraction of the cost."""
    _check_references(dataset, os.fspath(path), previous)
    pieces = _reused(dataset, loaded, old) if loaded is not None and loaded.canonical else None
    if pieces is None:
        pieces = [dumps(dataset).encode("utf-8")]
    try:
        for temporary in _temporaries(path):
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temporary)
        # Through a symbolic link the target is the real file, so the link keeps pointing at the store.
        written = _replace_atomically(os.path.realpath(path), pieces)
    except OSError as exc:
        raise StoreError(f"cannot write {os.fspath(path)}: {exc.strerror or exc}") from None
    cache.write_change(os.fspath(path), written, dataset, loaded)


# In a canonical file a section starts a line with its key, an entry with "  - " (nothing else does:
# every scalar is one line, and a citation is indented further). Literal searches, so the scan of a
# large file costs little.
_ENTRY = re.compile(rb"\n  - ")


def _reused(dataset: Dataset, loaded: cache.Loaded, old: bytes) -> list | None:
    """The pieces of `dumps(dataset)` as bytes: each run of entries that the old canonical file holds in
    the same order is one slice of it (the blank lines between them included), and only new or changed
    entries are written. None when the old file is not laid out as the loaded dataset says."""
    headers = []
    for name in ("sources", "places", "events"):
        entries = getattr(loaded.dataset, name)
        if name == "places" and not entries:
            continue
        line = f"\n{name}:{'' if entries else ' []'}\n".encode()
        at = old.find(line)
        if at < 0:
            return None
        headers.append((name, at + 1, at + len(line)))
    if [h[1] for h in headers] != sorted(h[1] for h in headers):
        return None
    starts: dict[str, list[int]] = {}
    ends: dict[str, int] = {}
    for index, (name, _, body) in enumerate(headers):
        ends[name] = headers[index + 1][1] if index + 1 < len(headers) else len(old)
        # The first entry follows its header's line end; the others, a line end of their own.
        starts[name] = [m.start() + 1 for m in _ENTRY.finditer(old, body - 1, ends[name])]
        if len(starts[name]) != len(getattr(loaded.dataset, name)):
            return None
    view = memoryview(old)

    def copied(name: str, first: int, last: int) -> memoryview:
        """Old entries first..last-1 as they stand in the file, without the line ends after the last."""
        end = starts[name][last] if last < len(starts[name]) else ends[name]
        while end > starts[name][first] and old[end - 1] == 0x0A:
            end -= 1
        return view[starts[name][first]:end]

    pieces: list = [f"version: {dataset.version}\n".encode()]
    for name in ("sources", "places", "events"):
        entries = getattr(dataset, name)
        if name == "places" and not entries:
            continue
        if not entries:
            pieces.append(f"{name}: []\n".encode())
            continue
        pieces.append(f"{name}:\n".encode())
        for number, (kind, first, last) in enumerate(cache.changes(getattr(loaded.dataset, name), entries)):
            if number:
                pieces.append(b"\n\n")
            if kind == "old":
                pieces.append(copied(name, first, last))
            else:
                pieces.append("\n\n".join(_entry_text(e) for e in entries[first:last]).encode("utf-8"))
        pieces.append(b"\n")
    return pieces


def _replace_atomically(target: str, pieces: list) -> str:
    """Write `pieces` (bytes-like) to a temporary file beside `target`, sync it and rename it over
    `target`: all or nothing. Returns the digest of what was written."""
    folder = os.path.dirname(target)
    try:
        mode = stat.S_IMODE(os.stat(target).st_mode)
    except FileNotFoundError:
        mode = None
    temp = os.path.join(folder, f".{os.path.basename(target)}.{secrets.token_hex(4)}.tmp")
    # 0o666 lets the umask decide the mode of a new store, as for any file the user creates.
    descriptor = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        hashed = cache.new_digest()
        with os.fdopen(descriptor, "wb") as handle:
            for piece in pieces:
                handle.write(piece)
                hashed.update(piece)
            handle.flush()
            os.fsync(handle.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temp)
        raise
    # The rename is durable only once the folder's entry is on disk too.
    folder_descriptor = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(folder_descriptor)
    finally:
        os.close(folder_descriptor)
    return hashed.hexdigest()
