"""The values a timeline is made of: sources, places, citations, events and the whole collection.

Pure frozen values: no I/O, no clock. Changing one means making a new one (`dataclasses.replace`);
the store decides where they live.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container, Mapping
from dataclasses import dataclass, field
from datetime import date
from urllib.parse import urlsplit

from .dates import Resolution

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
STATUSES = ("accepted", "candidate", "rejected")
# Where a source's publication date came from, most trusted first: the user's flag, the article file's
# front matter, the page's own metadata, its address, a dateline in its text.
PUBLISHED_FROM = ("user", "front-matter", "page", "url", "dateline")
ORIGINS = ("curated", "parsed")

# The text a store keeps. A line (a title, a place, a name, an expression) is one line of printable
# text, at most LINE_LIMIT characters: a newline would split a table row, an escape sequence would
# drive the terminal that shows it. Free text (quotes, notes) keeps its line breaks and nothing else
# that is not printable. Both are checked by regular expressions, which keep loading a large store fast.
LINE_LIMIT = 300
# Lone surrogates are bytes that were not UTF-8 (an argument, a file read leniently): never text to keep.
NOT_IN_A_LINE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff]")
_NOT_IN_TEXT = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def line_fault(value: str) -> str | None:
    """Why `value` cannot be a one-line field, or None when it can."""
    bad = NOT_IN_A_LINE.search(value)
    if bad:
        return _control(bad.group(), "it must be one line")
    if len(value) > LINE_LIMIT:
        return f"it is {len(value)} characters long; the limit is {LINE_LIMIT}"
    return None


def text_fault(value: str) -> str | None:
    """Why `value` cannot be free text (a quote, notes), or None when it can: line breaks are kept."""
    bad = _NOT_IN_TEXT.search(value)
    return _control(bad.group(), "only line breaks are kept") if bad else None


def _control(char: str, rule: str) -> str:
    name = {"\n": "a line break", "\r": "a carriage return", "\t": "a tab",
            "\u2028": "a line separator", "\u2029": "a paragraph separator"}.get(char)
    if "\ud800" <= char <= "\udfff":
        return f"it is not UTF-8 text; {rule}"
    return f"it holds {name or 'the control character'} (U+{ord(char):04X}); {rule}"


def as_line(text: str, limit: int = LINE_LIMIT) -> str:
    """`text` made a line the store keeps, for text read from an article or a page: each run of spaces,
    line breaks and control characters one space, and a text over `limit` cut at a word, with "…"."""
    line = " ".join(NOT_IN_A_LINE.sub(" ", text).split())
    if len(line) <= limit:
        return line
    cut = line.rfind(" ", 0, limit)
    return line[:cut if cut > limit // 2 else limit - 1].rstrip() + "…"


def as_text(text: str) -> str:
    """`text` made free text the store keeps: Windows and old Mac line ends a line break, any other
    control character a space."""
    return _NOT_IN_TEXT.sub(" ", text.replace("\r\n", "\n").replace("\r", "\n"))


def url_fault(value: str) -> str | None:
    """Why `value` cannot be a source's address, or None: an http(s) address with a host, or nothing.

    Only such addresses ever become links, in any export; `javascript:` or `data:` never enters the store.
    """
    if not value:
        return None
    if re.search(r"[\x00-\x20\x7f-\x9f\u2028\u2029]", value):
        return "an address holds no spaces or control characters"
    parts = urlsplit(value)
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return "it must be an http:// or https:// address"
    return None


def after_cycle(after: Mapping[str, str | None]) -> list[str] | None:
    """The first cycle of `after` links (event id -> the id it is dated after), as the ids around it
    with the first repeated at the end, or None. An event dated after itself, even through others,
    has no date to start from."""
    state: dict[str, int] = {}  # 1: on the path being followed, 2: known to reach an event with no after
    for start in after:
        path = []
        node: str | None = start
        while node is not None and node in after and state.get(node) != 2:
            if state.get(node) == 1:
                return [*path[path.index(node):], node]
            state[node] = 1
            path.append(node)
            node = after[node]
        for visited in path:
            state[visited] = 2
    return None


def slugify(text: str, limit: int = 60) -> str:
    """An id made from a title: lower-case words joined by hyphens, cut at a word boundary."""
    # Accents folded rather than dropped, so "Ärzte" gives "arzte", not "rzte".
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    ascii_text = re.sub(r"(?<=\w)'(?=\w)", "", ascii_text)  # "Syria's" is one word, not "syria-s"
    words = re.findall(r"[a-z0-9]+", ascii_text.lower())
    slug = ""
    for word in words:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > limit and slug:
            break
        slug = candidate[:limit]
    return slug or "event"


@dataclass(frozen=True)
class Source:
    """A published report: the anchor of the relative dates in it is its publication date."""

    id: str
    outlet: str
    title: str = ""
    url: str = ""
    # Keyword-only, so that the fields of version 1 keep their positions.
    copy: str = field(default="", kw_only=True)  # the saved page that was read, relative to the store
    published: date | None = None
    published_from: str = field(default="", kw_only=True)  # one of PUBLISHED_FROM; "" where unknown
    language: str = "en"
    notes: str = ""


@dataclass(frozen=True)
class Place:
    """A gazetteer entry: the canonical name and the other spellings seen in text."""

    name: str
    aliases: tuple[str, ...] = ()

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@dataclass(frozen=True)
class Citation:
    """Where an event is reported: the source, the date expression as written, and the words."""

    source: str
    said: str = ""
    quote: str = ""


@dataclass(frozen=True)
class Event:
    """One dated happening with its evidence."""

    id: str
    when: Resolution
    title: str
    place: str = ""
    actors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    status: str = "accepted"
    origin: str = "curated"
    after: str | None = None
    citations: tuple[Citation, ...] = ()
    notes: str = ""

    @property
    def sort_key(self) -> tuple:
        return (*self.when.sort_key, self.id)


@dataclass(frozen=True)
class Dataset:
    """Everything one store file holds."""

    sources: tuple[Source, ...] = ()
    places: tuple[Place, ...] = ()
    events: tuple[Event, ...] = ()
    version: int = 2

    def source(self, source_id: str) -> Source | None:
        return self._by_id("sources").get(source_id)

    def event(self, event_id: str) -> Event | None:
        return self._by_id("events").get(event_id)

    def _by_id(self, section: str) -> dict:
        """The entries of a section by id (the first, should two share one), built on first use: looking
        events up one by one in 100,000 would make `check` quadratic. Not a field, and never pickled."""
        indexes = self.__dict__.setdefault("_indexes", {})
        if section not in indexes:
            indexes[section] = {entry.id: entry for entry in reversed(getattr(self, section))}
        return indexes[section]

    def __getstate__(self) -> dict:
        return {key: value for key, value in self.__dict__.items() if key != "_indexes"}

    def new_id(self, title: str) -> str:
        """An id made from `title` that no event in the collection has yet."""
        return unique_id(title, {e.id for e in self.events})


def unique_id(title: str, taken: Container[str]) -> str:
    """An id made from `title`, with a counter appended until it is not in `taken`."""
    return unique(slugify(title), taken)


def unique(base: str, taken: Container[str]) -> str:
    """`base`, or `base` with a counter appended, whichever is first not in `taken`."""
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    return candidate
