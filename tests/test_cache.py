"""The cache of parsed stores: used only while the file holds exactly the bytes it was made from, rebuilt
whenever it does not, safe to delete, and never a reason for a save to differ from the full writer."""

from __future__ import annotations

import os
import pickle
import random
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline import cache, store
from timeline.cli import app
from timeline.dates import Resolution
from timeline.model import Citation, Dataset, Event, Place, Source


@pytest.fixture(autouse=True)
def own_cache(tmp_path, monkeypatch) -> Path:
    """Each test with a cache folder of its own, and the cache on."""
    folder = tmp_path / "cache"
    monkeypatch.setenv("TIMELINE_CACHE_DIR", str(folder))
    monkeypatch.delenv("TIMELINE_CACHE", raising=False)
    monkeypatch.delenv("TIMELINE_FILE", raising=False)
    return folder


def dataset(n: int, seed: int = 7) -> Dataset:
    rnd = random.Random(seed)
    sources = tuple(Source(f"s{i}", f"Outlet {i}", url=f"https://example.org/{i}", published=date(2024, 1, 1))
                    for i in range(5))
    events = tuple(
        Event(f"e{i}", Resolution.day(date(2020, 1, 1) + timedelta(days=rnd.randrange(1500))), f"Event {i}",
              place=rnd.choice(["", "Raqqa", "Homs"]), tags=tuple(rnd.sample(["a", "b", "c"], rnd.randint(0, 2))),
              citations=(Citation(f"s{rnd.randrange(5)}", "last Friday", f"Quote {i}, said: it happened."),))
        for i in range(n))
    return Dataset(sources, (Place("Raqqa", ("Raqa",)),), events)


def uncached(path: Path, monkeypatch) -> Dataset:
    with monkeypatch.context() as patch:
        patch.setenv("TIMELINE_CACHE", "off")
        return store.load(path)


def test_a_load_is_cached_and_then_served_from_the_cache(tmp_path, own_cache):
    """The first load writes a cache; the next load of the same bytes comes from it, equal to a parse."""
    path = tmp_path / "events.yaml"
    store.save(dataset(50), path)
    first = store.load(path)
    assert list(own_cache.iterdir())
    loaded = cache.read(str(path), cache.digest(path.read_bytes()))
    assert loaded is not None and loaded.dataset == first == store.loads(path.read_text(encoding="utf-8"))


def test_an_added_event_is_shown_at_once(tmp_path):
    """`add` then `show`: the new event is there, through the cache."""
    path = tmp_path / "events.yaml"
    store.save(dataset(30), path)
    runner = CliRunner()
    assert runner.invoke(app, ["show", "--file", str(path)]).exit_code == 0
    assert runner.invoke(app, ["add", "Brand new event", "-d", "2030-01-02", "--file", str(path)]).exit_code == 0
    shown = runner.invoke(app, ["show", "--from", "2030", "--file", str(path)])
    assert "Brand new event" in shown.stdout


def test_a_hand_edit_of_the_yaml_is_seen_at_once(tmp_path, monkeypatch):
    """After the file is changed by another hand (same size, same modification time even), the next load
    reads the new text, not the cache."""
    path = tmp_path / "events.yaml"
    store.save(dataset(30), path)
    store.load(path)
    text = path.read_text(encoding="utf-8")
    stat = path.stat()
    edited = text.replace("title: Event 7\n", "title: Event X\n")
    assert len(edited) == len(text) and edited != text
    path.write_text(edited, encoding="utf-8")
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))
    assert store.load(path).event("e7").title == "Event X"
    assert store.load(path) == uncached(path, monkeypatch)


def test_a_deleted_cache_is_rebuilt(tmp_path, own_cache):
    """Deleting the cache folder at any moment costs only a parse: the next load rebuilds it."""
    path = tmp_path / "events.yaml"
    store.save(dataset(30), path)
    before = store.load(path)
    for item in own_cache.iterdir():
        item.unlink()
    assert store.load(path) == before
    assert list(own_cache.iterdir())


def test_a_cache_from_another_version_is_ignored(tmp_path, own_cache, monkeypatch):
    """A cache written by another timeline version (or cache format) is not used, even for the same bytes."""
    path = tmp_path / "events.yaml"
    store.save(dataset(30), path)
    store.load(path)
    (base,) = [p for p in own_cache.iterdir() if p.suffix == ".base"]
    value = pickle.loads(base.read_bytes())
    forged = replace(value["dataset"], events=value["dataset"].events[:1])
    base.write_bytes(pickle.dumps({**value, "version": "0.0.0-other", "dataset": forged}))
    assert len(store.load(path).events) == 30
    base.write_bytes(pickle.dumps({**value, "format": cache.FORMAT + 1, "dataset": forged}))
    assert len(store.load(path).events) == 30


def test_a_corrupt_or_partial_cache_is_no_cache(tmp_path, own_cache):
    """Garbage or a truncated file where the cache should be is ignored, and replaced."""
    path = tmp_path / "events.yaml"
    store.save(dataset(30), path)
    store.load(path)
    (base,) = [p for p in own_cache.iterdir() if p.suffix == ".base"]
    base.write_bytes(base.read_bytes()[:100])
    assert len(store.load(path).events) == 30
    base.write_bytes(b"not a pickle")
    assert len(store.load(path).events) == 30


def test_the_cache_lives_outside_the_store_folder(tmp_path, own_cache):
    """Nothing but the store and its lock is written beside the store."""
    path = tmp_path / "store" / "events.yaml"
    path.parent.mkdir()
    store.save(dataset(10), path)
    store.modify(path, lambda d: replace(d, events=d.events[1:]))
    store.load(path)
    assert sorted(p.name for p in path.parent.iterdir()) == ["events.yaml", "events.yaml.lock"]


def test_the_cache_can_be_turned_off(tmp_path, own_cache, monkeypatch):
    """TIMELINE_CACHE=off: every load parses, nothing is cached."""
    monkeypatch.setenv("TIMELINE_CACHE", "off")
    path = tmp_path / "events.yaml"
    store.save(dataset(10), path)
    store.load(path)
    store.modify(path, lambda d: replace(d, events=d.events[1:]))
    assert not own_cache.exists()


def _operations(rnd: random.Random):
    """A random change of the kinds the commands make: add, edit, remove, accept in bulk, rename, reorder."""
    def add(d):
        i = rnd.randrange(10**6)
        event = Event(f"n{i}", Resolution.month(2021, rnd.randint(1, 12)), f"New {i}: with a colon",
                      citations=(Citation("s1", "in March", "A new\nquote"),))
        return replace(d, events=(*d.events, event))

    def edit(d):
        k = rnd.randrange(len(d.events))
        changed = replace(d.events[k], title=f"Edited {rnd.random()}", status="candidate")
        return replace(d, events=(*d.events[:k], changed, *d.events[k + 1:]))

    def remove(d):
        k = rnd.randrange(len(d.events))
        return replace(d, events=(*d.events[:k], *d.events[k + 1:]))

    def accept_many(d):
        return replace(d, events=tuple(replace(e, status="accepted") if rnd.random() < 0.3 else e for e in d.events))

    def insert_source(d):
        return replace(d, sources=(Source(f"x{rnd.randrange(10**6)}", "New outlet"), *d.sources))

    def add_place(d):
        return replace(d, places=(*d.places, Place(f"Place {rnd.randrange(10**6)}")))

    def drop_places(d):
        return replace(d, places=())

    def swap(d):
        events = list(d.events)
        a, b = rnd.randrange(len(events)), rnd.randrange(len(events))
        events[a], events[b] = events[b], events[a]
        return replace(d, events=tuple(events))

    return [add, add, edit, remove, accept_many, insert_source, add_place, drop_places, swap]


@pytest.mark.parametrize("seed", range(6))
def test_saves_through_the_cache_are_byte_for_byte_the_full_writer(tmp_path, monkeypatch, seed):
    """Whatever sequence of changes is made through modify (which copies unchanged entries from the old
    file), the file is exactly what dumps writes, and the cached load equals a full parse."""
    rnd = random.Random(seed)
    path = tmp_path / "events.yaml"
    store.save(dataset(40, seed), path)
    operations = _operations(rnd)
    for _ in range(25):
        operation = rnd.choice(operations)
        store.modify(path, operation)
        parsed = uncached(path, monkeypatch)
        assert path.read_text(encoding="utf-8") == store.dumps(parsed), operation.__name__
        assert store.load(path) == parsed, operation.__name__


def test_a_hand_edited_file_is_written_canonically_by_the_next_change(tmp_path, monkeypatch):
    """A file laid out by hand (comments, other quoting) is rewritten whole by the next change, as the full
    writer would, and the change after that goes through the cache again."""
    path = tmp_path / "events.yaml"
    store.save(dataset(20), path)
    path.write_text("# notes of mine\n" + path.read_text(encoding="utf-8").replace("title: Event 3", "title: 'Event 3'"),
                    encoding="utf-8")
    store.modify(path, lambda d: replace(d, events=d.events[:-1]))
    assert path.read_text(encoding="utf-8") == store.dumps(uncached(path, monkeypatch))
    store.modify(path, lambda d: replace(d, events=d.events[:-1]))
    assert path.read_text(encoding="utf-8") == store.dumps(uncached(path, monkeypatch))
    assert len(store.load(path).events) == 18


def test_a_killed_cache_writer_leaves_nothing_for_long(tmp_path, own_cache):
    """A temporary cache file an hour old (its writer was killed) is removed by the next cache write; a
    fresh one (a writer still at work) is left alone."""
    path = tmp_path / "events.yaml"
    store.save(dataset(5), path)
    (base,) = [p for p in own_cache.iterdir() if p.suffix == ".base"]
    old, fresh = Path(f"{base}.0badc0de.tmp"), Path(f"{base}.0000beef.tmp")
    old.write_bytes(b"half")
    fresh.write_bytes(b"half")
    os.utime(old, (0, 0))
    store.save(dataset(6), path)
    assert not old.exists() and fresh.exists()
