"""The values a timeline is made of: sources, places, citations, events and the whole collection.

Pure frozen values: no I/O, no clock. Changing one means making a new one (`dataclasses.replace`);
the store decides where they live.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Container
from dataclasses import dataclass, field
from datetime import date

from .dates import Resolution

ID_PATTERN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
STATUSES = ("accepted", "candidate", "rejected")
# Where a source's publication date came from, most trusted first: the user's flag, the article file's
# front matter, the page's own metadata, its address, a dateline in its text.
PUBLISHED_FROM = ("user", "front-matter", "page", "url", "dateline")
ORIGINS = ("curated", "parsed")


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
        return next((s for s in self.sources if s.id == source_id), None)

    def event(self, event_id: str) -> Event | None:
        return next((e for e in self.events if e.id == event_id), None)

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
