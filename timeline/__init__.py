"""timeline: ordered, sourced timelines from news reports.

The public API. `resolve` and `tag` are imported on first use so that `import timeline` (and
`timeline show`) never pays for dateparser.
"""

from .dates import Resolution, parse_edtf
from .errors import InputError, NotFound, StoreError, StoreNotFound, TimelineError, UnresolvedDate
from .model import Citation, Dataset, Event, Place, Source

__all__ = [
    "Citation", "Dataset", "Event", "InputError", "Mention", "NotFound", "Place", "Resolution",
    "Source", "StoreError", "StoreNotFound", "TimelineError", "UnresolvedDate", "load", "parse_edtf",
    "resolve", "save", "tag",
]

_LAZY = {
    "resolve": ("resolve", "resolve"),
    "tag": ("extract", "tag"),
    "Mention": ("extract", "Mention"),
    "load": ("store", "load"),
    "save": ("store", "save"),
}


def __getattr__(name: str):
    if name in _LAZY:
        module, attr = _LAZY[name]
        from importlib import import_module

        return getattr(import_module(f".{module}", __name__), attr)
    raise AttributeError(f"module 'timeline' has no attribute {name!r}")
