"""timeline: ordered, sourced timelines from news reports.

The public API. `resolve` and `tag` are imported here, not on first use: their modules share the
functions' names, and importing a submodule later would rebind `timeline.resolve` to the module. They
load dateparser only when a date needs it, so `import timeline` stays free of it; the store (and yaml)
is imported on first use.
"""

from .dates import Resolution, parse_edtf
from .errors import InputError, NotFound, StoreError, StoreLocked, StoreNotFound, TimelineError, UnresolvedDate
from .extract import Mention, tag
from .model import Citation, Dataset, Event, Place, Source
from .resolve import resolve

__all__ = [
    "Citation", "Dataset", "Event", "InputError", "Mention", "NotFound", "Place", "Resolution",
    "Source", "StoreError", "StoreLocked", "StoreNotFound", "TimelineError", "UnresolvedDate", "load", "parse_edtf",
    "resolve", "save", "tag",
]

_LAZY = {
    "load": ("store", "load"),
    "save": ("store", "save"),
}


def __getattr__(name: str):
    if name in _LAZY:
        module, attr = _LAZY[name]
        from importlib import import_module

        return getattr(import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")
