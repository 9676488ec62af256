"""A cache of the parsed store, so that a command on a large store does not parse and check it again.

events.yaml stays the single source of truth. The cache holds what a full, checked load of it gave,
together with the digest of the exact bytes it was loaded from: it is used only while the file still has
those bytes (whoever changed it, however), so an edit by hand, a `git pull` or another tool is seen at
once, and it is never trusted over the file. It lives in the user's cache folder, never beside the
store, and can be deleted at any moment: the next command rebuilds it.

Two files per store. The base is the whole dataset, pickled; a change writes only a delta against the
base (for each list of entries, the base positions kept and the entries that are new), so adding one
event to 100,000 costs the new event, not a new base. When the delta grows to a tenth of the store, the
next change writes a new base instead. Each file names the timeline version and cache format it was
written by; another's is ignored.

Both are pickles: only this user's own cache folder is read, and only a file this module wrote (format,
version and digests all match) is used.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import os
import pickle
import secrets
import time
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .model import Dataset

FORMAT = 1
_SECTIONS = ("sources", "places", "events")


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("timeline")
    except PackageNotFoundError:
        return "unknown"


def folder() -> str:
    """Where caches live: $TIMELINE_CACHE_DIR, else the XDG cache folder's `timeline`."""
    given = os.environ.get("TIMELINE_CACHE_DIR")
    if given:
        return given
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "timeline")


def enabled() -> bool:
    """False when $TIMELINE_CACHE is `off`: every command then parses the store."""
    return os.environ.get("TIMELINE_CACHE", "").lower() not in ("off", "0", "no", "false")


def new_digest():
    """A hash to feed a store's bytes to, piece by piece; `digest` of the whole is the same value."""
    return hashlib.blake2b(digest_size=20)


def digest(data: bytes) -> str:
    hashed = new_digest()
    hashed.update(data)
    return hashed.hexdigest()


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """The cyclic collector paused while a store's objects are built. They hold no cycle, so it could
    never free one, but it would walk them again and again as they are made: for a large store, two
    thirds of the load."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()


@dataclass
class Loaded:
    """A dataset as the cache gave it, with what a fast save needs: each list of entries as segments of
    the base (ranges of its positions) and entries that are not in it, and whether the file it came
    from is exactly what `dumps` writes."""

    dataset: Dataset
    base_token: str
    segments: dict[str, list]  # section -> [range(...) of base positions | tuple of entries]
    canonical: bool


def changes(old: tuple, new: tuple) -> list[tuple[str, int, int]]:
    """`new` as runs against `old`: ("old", i, j) where new continues with old[i:j], ("new", i, j) where
    it continues with new[i:j]. The common start and end are found by comparing slices (one C loop each,
    mostly identity checks), so a change of a few entries among 100,000 costs little; an equal-length
    middle is matched position by position."""
    p = _common_length(old, new, lambda n: old[:n] == new[:n])
    q = _common_length(old[p:], new[p:], lambda n: old[len(old) - n:] == new[len(new) - n:])
    runs = [("old", 0, p)] if p else []
    middle_old, middle_new = old[p:len(old) - q], new[p:len(new) - q]
    if len(middle_old) == len(middle_new):
        i = 0
        while i < len(middle_new):
            same, j = middle_new[i] is middle_old[i], i + 1
            while j < len(middle_new) and (middle_new[j] is middle_old[j]) == same:
                j += 1
            runs.append(("old" if same else "new", p + i, p + j))
            i = j
    elif middle_new:
        runs.append(("new", p, p + len(middle_new)))
    if q:
        runs.append(("old", len(old) - q, len(old)))
    return runs


def _common_length(old: tuple, new: tuple, equal) -> int:
    """The largest n with equal(n), by bisection: equal(n) holds for every n up to it."""
    low, high = 0, min(len(old), len(new))
    while low < high:
        middle = (low + high + 1) // 2
        if equal(middle):
            low = middle
        else:
            high = middle - 1
    return low


def _slice(segments: list, start: int, stop: int) -> list:
    """The segments covering positions [start, stop) of the list they describe."""
    out, offset = [], 0
    for segment in segments:
        length = len(segment)
        a, b = max(start - offset, 0), min(stop - offset, length)
        if a < b:
            out.append(segment[a:b])
        offset += length
    return out


def _paths(store_path: str) -> tuple[str, str]:
    key = hashlib.blake2b(os.path.realpath(store_path).encode("utf-8", "surrogateescape"), digest_size=12).hexdigest()
    stem = os.path.join(folder(), key)
    return stem + ".base", stem + ".delta"


def _read(path: str) -> dict | None:
    try:
        with open(path, "rb") as handle:
            value = pickle.load(handle)
    except Exception:  # a missing, partial, foreign or corrupt cache is no cache
        return None
    if not isinstance(value, dict) or value.get("format") != FORMAT or value.get("version") != _version():
        return None
    return value


def _write(path: str, value: dict) -> None:
    """Written atomically, and only if it can be: a cache that cannot be written is no error. Temporary
    files of this cache file that a killed process left (an hour old) go first."""
    temp = f"{path}.{secrets.token_hex(4)}.tmp"
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        prefix = os.path.basename(path) + "."
        for name in os.listdir(os.path.dirname(path)):
            left = os.path.join(os.path.dirname(path), name)
            if name.startswith(prefix) and name.endswith(".tmp") and time.time() - os.path.getmtime(left) > 3600:
                with contextlib.suppress(OSError):
                    os.unlink(left)
        with open(temp, "wb") as handle:
            pickle.dump({"format": FORMAT, "version": _version(), **value}, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temp, path)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(temp)


def read(store_path: str, file_digest: str) -> Loaded | None:
    """The dataset the store's bytes (of digest `file_digest`) hold, if a cache of exactly them exists."""
    if not enabled():
        return None
    with paused_gc():
        return _read_both(store_path, file_digest)


def _read_both(store_path: str, file_digest: str) -> Loaded | None:
    base_path, delta_path = _paths(store_path)
    delta = _read(delta_path)
    if delta is not None and delta.get("file") != file_digest:
        delta = None
    base = _read(base_path)
    if base is None:
        return None
    dataset = base["dataset"]
    if delta is None:
        if base.get("file") != file_digest:
            return None
        return Loaded(dataset, base["token"], _whole(dataset), base["canonical"])
    if delta.get("base") != base["token"]:
        return None
    sections = {}
    for section in _SECTIONS:
        kept, entries = getattr(dataset, section), []
        for segment in delta["segments"][section]:
            entries.extend(kept[segment.start:segment.stop] if isinstance(segment, range) else segment)
        sections[section] = tuple(entries)
    return Loaded(replace(dataset, **sections), base["token"], delta["segments"], delta["canonical"])


def write_base(store_path: str, file_digest: str, dataset: Dataset, canonical: bool) -> Loaded | None:
    """Cache `dataset` as what the store's bytes of `file_digest` hold, as a new base; the dataset as if
    read from it."""
    if not enabled():
        return None
    base_path, delta_path = _paths(store_path)
    with contextlib.suppress(OSError):
        os.unlink(delta_path)
    token = secrets.token_hex(8)
    _write(base_path, {"file": file_digest, "token": token, "dataset": dataset, "canonical": canonical})
    return Loaded(dataset, token, _whole(dataset), canonical)


def _whole(dataset: Dataset) -> dict[str, list]:
    """Each list of entries as one segment: the whole of the base."""
    return {section: [range(len(getattr(dataset, section)))] for section in _SECTIONS}


def write_change(store_path: str, file_digest: str, dataset: Dataset, loaded: Loaded | None) -> None:
    """Cache `dataset`, just written canonically as the bytes of `file_digest`: as a delta against the base
    it was loaded from while that stays small, else as a new base."""
    if not enabled():
        return
    if loaded is None:
        write_base(store_path, file_digest, dataset, canonical=True)
        return
    segments, new = {}, 0
    for section in _SECTIONS:
        old_entries, new_entries = getattr(loaded.dataset, section), getattr(dataset, section)
        parts: list = []
        for kind, start, stop in changes(old_entries, new_entries):
            if kind == "old":
                parts += _slice(loaded.segments[section], start, stop)
            else:
                parts.append(new_entries[start:stop])
        new += sum(len(part) for part in parts if not isinstance(part, range))
        segments[section] = parts
    total = len(dataset.sources) + len(dataset.places) + len(dataset.events)
    if new > max(1000, total // 10):
        write_base(store_path, file_digest, dataset, canonical=True)
        return
    _, delta_path = _paths(store_path)
    _write(delta_path, {"file": file_digest, "base": loaded.base_token, "segments": segments, "canonical": True})
