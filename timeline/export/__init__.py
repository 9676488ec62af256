"""The export formats, one pure function `(events, sources, options) -> str` each, registered by name.

Each format lives in its own module, imported only when that format is rendered, so that importing
the registry (and `timeline` itself) never pays for a format's third-party library.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from importlib import import_module

from ..errors import InputError
from ..model import Event, Source


@dataclass(frozen=True)
class Options:
    """What some formats need besides the events: a title for the whole timeline, the store's name (for
    identifiers that must not clash between stores), a grouping, and the width of a terminal."""

    title: str = "Timeline"
    store: str = "events.yaml"
    group: str | None = None  # TimelineJS rows: None, or "place"
    wide: bool = False  # the table keeps every title whole
    width: int | None = None  # the terminal's columns, when the table is printed to one


Renderer = Callable[[Sequence[Event], Mapping[str, Source], Options], str]


def _lazy(module: str) -> Renderer:
    def render_format(events: Sequence[Event], sources: Mapping[str, Source], options: Options) -> str:
        return import_module(f".{module}", __name__).render(events, sources, options)

    render_format.__name__ = f"render_{module}"
    return render_format


FORMATS: dict[str, Renderer] = {
    "table": _lazy("table"),
    "md": _lazy("markdown"),
    "csv": _lazy("csvfmt"),
    "json": _lazy("jsonfmt"),
    "ics": _lazy("ical"),
    "timelinejs": _lazy("timelinejs"),
    "mermaid": _lazy("mermaid"),
    "timesketch": _lazy("timesketch"),
    "html": _lazy("html"),
    "svg": _lazy("svg"),
}


def render(name: str, events: Sequence[Event], sources: Mapping[str, Source], options: Options | None = None) -> str:
    """`events`, in the order given, in the format called `name`."""
    renderer = FORMATS.get(name)
    if renderer is None:
        raise InputError(f"unknown export format {name!r}; known formats: {', '.join(FORMATS)}")
    return renderer(events, sources, options or Options())
