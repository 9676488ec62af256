"""timeline: ordered, sourced timelines from news reports.

The public API. `resolve` is imported here, not on first use: its subpackage shares the function's
name, and importing the subpackage later would rebind `timeline.resolve` to the module; its patterns
compile on the first resolution. `tag` (the scanner), the store (and yaml) load on first use, and
dateparser only when a date needs it, so `import timeline` stays light.
"""

from .dates import Resolution, parse_edtf
from .errors import InputError, NotFound, StoreError, StoreLocked, StoreNotFound, TimelineError, UnresolvedDate
from .model import Citation, Dataset, Event, Place, Source
from .resolve import resolve

__all__ = [
    "Citation", "Dataset", "Event", "InputError", "Mention", "NotFound", "Place", "Resolution",
    "Source", "StoreError", "StoreLocked", "StoreNotFound", "TimelineError", "UnresolvedDate", "load", "parse_edtf",
    "resolve", "save", "tag",
]

# Loaded on first use, so that `timeline show` and `--help` pay neither for yaml nor for the scanner's
# patterns unless they need them. `resolve` cannot wait: the subpackage of that name would take its place.
_LAZY = {
    "load": ("store", "load"),
    "save": ("store", "save"),
    "tag": ("extract", "tag"),
    "Mention": ("extract", "Mention"),
}


def __getattr__(name: str):
    if name in _LAZY:
        module, attr = _LAZY[name]
        from importlib import import_module

        return getattr(import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")
