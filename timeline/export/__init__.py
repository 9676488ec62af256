"""The export formats, one pure function `(events, sources) -> str` each, registered by name.

Each format lives in its own module, imported only when that format is rendered, so that importing
the registry (and `timeline` itself) never pays for a format's third-party library.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from importlib import import_module

from ..errors import InputError
from ..model import Event, Source

Renderer = Callable[[Sequence[Event], Mapping[str, Source]], str]


def _lazy(module: str) -> Renderer:
    def render_format(events: Sequence[Event], sources: Mapping[str, Source]) -> str:
        return import_module(f".{module}", __name__).render(events, sources)

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
}


def render(name: str, events: Sequence[Event], sources: Mapping[str, Source]) -> str:
    """`events`, in the order given, in the format called `name`."""
    renderer = FORMATS.get(name)
    if renderer is None:
        raise InputError(f"unknown export format {name!r}; known formats: {', '.join(FORMATS)}")
    return renderer(events, sources)
