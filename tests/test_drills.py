"""Fault drills: the store's guarantees checked through real processes, the way they fail in use.

- Many writers at once: twenty `timeline add` processes started together (two rounds) all land.
- Writers killed: SIGKILL at random moments during saves of a store of about a megabyte never leaves a
  partial store (it loads and is the content before or after a whole save); `check` notes a temporary
  file a killed save left, and the next write removes it.
- A stalled writer: a process stopped (SIGSTOP) while it holds the lock makes the next writer say who
  holds it, give up after `--wait` with one `error:` line naming it, and leave the store alone; once the
  stalled one goes on or is killed, writers succeed again.

The kill drill draws its delays from a seeded random generator; the seed is in every failure message,
and TIMELINE_DRILL_SEED=<seed> replays the same delays (the kills still land where the timing puts them).
"""

from __future__ import annotations

import json
import multiprocessing
import os
import random
import re
import select
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from timeline import store
from timeline.dates import Resolution, parse_edtf
from timeline.model import Citation, Dataset, Event, Source

pytestmark = pytest.mark.skipif(sys.platform != "linux", reason="drills use fork, SIGSTOP and SIGKILL on Linux")

TIMEOUT = 60  # seconds any one process may take before the drill counts it as hung


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "TIMELINE_FILE"}
    env["PYTHONUNBUFFERED"] = "1"
    return env


def _timeline(*args: str) -> list[str]:
    return [sys.executable, "-m", "timeline", *args]


def _run(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(_timeline(*args), cwd=cwd, env=_env(), capture_output=True, text=True, timeout=TIMEOUT,
                          check=False)


def _temporaries(path: Path) -> list[str]:
    """The temporary files beside the store, as `store` names them (`.<name>.<8 hex>.tmp`)."""
    pattern = re.compile(rf"\.{re.escape(path.name)}\.[0-9a-f]{{8}}\.tmp")
    folder = Path(os.path.realpath(path.parent))
    return sorted(str(folder / name) for name in os.listdir(folder) if pattern.fullmatch(name))


def _stamp(path: Path) -> tuple[int, int, int]:
    info = os.stat(path)
    return info.st_ino, info.st_size, info.st_mtime_ns


def _lock_holder(path: Path) -> str:
    return Path(os.path.realpath(path) + ".lock").read_text().strip()


# -- a. many writers at once -------------------------------------------------------------------------

# A process that imports the command line, says it is ready, and waits at a gate (a pipe every writer
# reads) before running `python -m timeline` with its arguments: closing the pipe opens the gate for all.
GATED = (
    "import os, runpy, sys\n"
    "import timeline.cli\n"
    "print('ready', flush=True)\n"
    "os.read(int(sys.argv[1]), 1)\n"
    "sys.argv = ['timeline', *sys.argv[2:]]\n"
    "runpy.run_module('timeline', run_name='__main__', alter_sys=True)\n"
)


def _check_writers(procs: list[subprocess.Popen], titles: list[str]) -> None:
    # The holder is named when it can be: in the moment between one writer letting go and the next
    # recording its process id, the lock can only be said to be held by "another process".
    waiting = re.compile(r"waiting for .*: (process \d+|another process) holds its lock \(giving up after 60 s\)")
    for proc, title in zip(procs, titles):
        out, err = proc.communicate(timeout=TIMEOUT)
        assert proc.returncode == 0, f"{title}: exit {proc.returncode}\n{err}"
        assert re.fullmatch(rf"added [a-z0-9-]+ \(2024-12-\d\d\): {title}\n", out), out
        assert all(waiting.fullmatch(line) for line in err.splitlines()), err


def test_twenty_writers_started_together_all_land(tmp_path):
    """Twenty `timeline add` processes started at the same moment, in two rounds (the first all started at
    once on a store that does not exist yet, the second released together from a gate once every process
    has started up): every event lands with its date, the store loads, no temporary file is left, and the
    lock file names one of the writers."""
    path = tmp_path / "events.yaml"
    writers, expected = 20, {}
    pids: list[int] = []

    # Round 1: all Popen'd at once on a store that does not exist yet.
    titles = [f"Event {n}" for n in range(1, writers + 1)]
    procs = [subprocess.Popen(_timeline("add", title, "-d", f"2024-12-{n:02d}", "--file", str(path), "--wait", "60"),
                              cwd=tmp_path, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for n, title in enumerate(titles, 1)]
    pids += [p.pid for p in procs]
    _check_writers(procs, titles)
    expected.update({title: f"2024-12-{n:02d}" for n, title in enumerate(titles, 1)})

    # Round 2: released together from a gate.
    for round_ in (2,):
        gate_read, gate_write = os.pipe()
        titles = [f"Round {round_} event {n}" for n in range(1, writers + 1)]
        try:
            procs = [subprocess.Popen(
                [sys.executable, "-c", GATED, str(gate_read), "add", title, "-d", f"2024-12-{n:02d}",
                 "-t", f"round-{round_}", "--file", str(path), "--wait", "60"],
                cwd=tmp_path, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                pass_fds=(gate_read,)) for n, title in enumerate(titles, 1)]
            for proc in procs:
                assert proc.stdout.readline() == "ready\n", proc.stderr.read()
        finally:
            os.close(gate_write)  # the gate opens: every reader of the pipe sees its end at once
            os.close(gate_read)
        pids += [p.pid for p in procs]
        _check_writers(procs, titles)
        expected.update({title: f"2024-12-{n:02d}" for n, title in enumerate(titles, 1)})

    dataset = store.load(path)
    assert {e.title: e.when.edtf for e in dataset.events} == expected
    assert len(dataset.events) == len(expected) == 2 * writers
    assert len({e.id for e in dataset.events}) == len(dataset.events)
    assert path.read_text(encoding="utf-8") == store.dumps(dataset)
    assert _temporaries(path) == [] and store.stale_temporaries(path) == []
    assert int(_lock_holder(path)) in pids
    report = json.loads(_run("check", "--json", "--file", str(path), cwd=tmp_path).stdout)
    assert (report["events"], report["temporary_files"]) == (2 * writers, [])


# -- b. writers killed mid-save ----------------------------------------------------------------------

SEED = int(os.environ.get("TIMELINE_DRILL_SEED") or random.SystemRandom().randrange(2**32))
WORDS = ("the of and to in a that for on with by from forces city talks council army said reported "
         "ceasefire convoy border province officials residents").split()


def _big_dataset(events: int = 460) -> Dataset:
    """About a megabyte of store: events with long notes and quotes."""
    rng = random.Random(0)

    def words(n: int) -> str:
        return " ".join(rng.choice(WORDS) for _ in range(n))

    sources = (Source("src-a", "Outlet A", "A report", "https://example.org/a", published=date(2024, 12, 9)),)
    return Dataset(sources=sources, events=tuple(
        Event(f"event-{i}", Resolution.day(date(2000 + i % 25, 1 + i % 12, 1 + i % 28)), f"Event {i}: {words(6)}",
              place="Damascus", actors=("A", "B"), tags=("drill",), citations=(Citation("src-a", "", words(25)),),
              notes=words(300))
        for i in range(events)))


def _drill_event(kind: str, k: int, i: int = 0) -> Event:
    return Event(f"{kind}-{k}-{i}", parse_edtf("2024-12-06"), f"Kill {k} save {i}")


def _save_in_a_loop(path: str, k: int) -> None:
    """Child process: add one event after another through store.modify until killed."""
    for i in range(10_000):
        store.modify(path, lambda d, i=i: replace(d, events=(*d.events, _drill_event("loop", k, i))))


def _after_kill(path: Path, before: Dataset, new_event: Callable[[int], Event], most: int, why: str) -> Dataset:
    """The store after a kill: whole, canonical, and the content before or after one of the saves the
    killed process made (`before` plus its first j new events, `new_event(0)` ... `new_event(j - 1)`,
    j <= `most`). Temporary files left are exactly what stale_temporaries lists, now that no process
    holds the lock."""
    data = path.read_bytes()
    try:
        loaded = store.loads(data.decode("utf-8"), str(path))
    except Exception as exc:  # noqa: BLE001 - any failure to load is the finding
        pytest.fail(f"{why}: the store does not load after the kill: {exc!r} ({len(data)} bytes)")
    landed = len(loaded.events) - len(before.events)
    assert 0 <= landed <= most, f"{why}: {landed} events more than before"
    assert loaded == replace(before, events=(*before.events, *map(new_event, range(landed)))), \
        f"{why}: the store is neither the old content nor that of a whole save"
    assert data.decode("utf-8") == store.dumps(loaded), f"{why}: the store is not as a whole save writes it"
    assert store.stale_temporaries(path) == _temporaries(path), why
    return loaded


def test_writers_killed_mid_save_never_leave_a_partial_store(tmp_path):
    """SIGKILL at random moments to processes saving a ~1 MB store (forked children looping over
    store.modify, and `timeline add` processes): after each kill the store loads and is the content of
    before or after a whole save, never a mix or a cut; temporary files left by a kill are listed by
    `check` (text and --json), and the next normal write removes them."""
    path = tmp_path / "events.yaml"
    store.save(_big_dataset(), path)  # also warms the writer's quoting cache the forked children share
    assert 900_000 < path.stat().st_size < 2_000_000
    current = store.load(path)
    rng = random.Random(SEED)
    context = multiprocessing.get_context("fork")
    seen_leftover, saves, kills = 0, 0, 0

    def kill_loop(k: int, delay: float, in_write: bool = False) -> None:
        """Kill a looping child after `delay` seconds from its start, or (`in_write`) from the moment its
        first temporary file appears: inside a save's write, fsync, rename or just after."""
        nonlocal current, seen_leftover, saves, kills
        child = context.Process(target=_save_in_a_loop, args=(str(path), k), daemon=True)
        started = time.monotonic()
        child.start()
        if in_write:  # a temporary file appears; or the store itself changes, should a save ever write in place
            stamp = _stamp(path)
            while not _temporaries(path) and _stamp(path) == stamp:
                if time.monotonic() - started > TIMEOUT:
                    child.kill()
                    pytest.fail(f"kill {k}: no save began within {TIMEOUT} s (seed {SEED})")
        time.sleep(delay)
        os.kill(child.pid, signal.SIGKILL)
        child.join(TIMEOUT)
        why = (f"kill {k} {delay * 1000:.1f} ms after {'a save began writing' if in_write else 'start'}, "
               f"{time.monotonic() - started:.3f} s in (seed {SEED}: TIMELINE_DRILL_SEED={SEED} replays it)")
        assert child.exitcode == -signal.SIGKILL, f"{why}: the saver exited {child.exitcode} before the kill"
        before = current
        current = _after_kill(path, before, lambda i: _drill_event("loop", k, i), 10_000, why)
        saves += len(current.events) - len(before.events)
        seen_leftover += bool(_temporaries(path))
        kills += 1

    # Forked savers (a save takes about a tenth of a second) killed at random moments: half anywhere in
    # their life (start, load, checks, write), half within 3 ms of a temporary file appearing (from
    # then a save takes about 2 ms to write, sync and rename it).
    for k in range(26):
        if k % 2:
            kill_loop(k, rng.uniform(0.0, 0.003), in_write=True)
        else:
            kill_loop(k, rng.uniform(0.0, 0.4))

    # `timeline add` processes killed at random moments: start-up, load, write or after the save.
    for k in range(4):
        delay = rng.uniform(0.1, 1.4)
        proc = subprocess.Popen(_timeline("add", f"Kill {k} save 0", "-d", "2024-12-06", "--id", f"cli-{k}-0",
                                          "--file", str(path)),
                                cwd=tmp_path, env=_env(), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        time.sleep(delay)
        proc.kill()
        _, err = proc.communicate(timeout=TIMEOUT)
        why = f"timeline add killed after {delay:.3f} s (seed {SEED}: TIMELINE_DRILL_SEED={SEED} replays it)"
        assert proc.returncode in (0, -signal.SIGKILL), f"{why}: exit {proc.returncode}: {err!r}"
        before = current
        current = _after_kill(path, before, lambda i, k=k: _drill_event("cli", k, i), 1, why)
        saves += len(current.events) - len(before.events)
        seen_leftover += bool(_temporaries(path))
        kills += 1

    # Make sure a killed save's temporary file is there to be reported: kill as soon as one appears.
    for k in range(100, 130):
        if _temporaries(path):
            break
        kill_loop(k, 0.0, in_write=True)
    leftovers = _temporaries(path)
    print(f"\nkill drill (seed {SEED}): {kills} kills, {saves} saves landed, {seen_leftover} kills left a "
          f"temporary file; {len(leftovers)} left before the last write")
    assert saves > 0, f"no save ever finished (seed {SEED})"
    assert leftovers, f"no kill left a temporary file to report (seed {SEED})"

    # `check` reports what is left, in text and in JSON, and changes nothing.
    checked = _run("check", "--file", str(path), cwd=tmp_path)
    assert checked.returncode == 0, checked.stderr
    for leftover in leftovers:
        assert (f"note: {leftover} is left from a save that did not finish; the next change removes it"
                in checked.stderr.splitlines()), checked.stderr
    report = json.loads(_run("check", "--json", "--file", str(path), cwd=tmp_path).stdout)
    assert report["temporary_files"] == leftovers
    assert _temporaries(path) == leftovers

    # One normal write removes them and keeps everything.
    added = _run("add", "After the drill", "-d", "2024-12-07", "--id", "after-the-drill", "--file", str(path),
                 cwd=tmp_path)
    assert added.returncode == 0, added.stderr
    assert _temporaries(path) == [] and store.stale_temporaries(path) == []
    final = store.load(path)
    assert final.events[:-1] == current.events and final.events[-1].id == "after-the-drill"
    report = json.loads(_run("check", "--json", "--file", str(path), cwd=tmp_path).stdout)
    assert report["temporary_files"] == []


# -- c. a stalled writer -----------------------------------------------------------------------------

# Takes the store's lock, says so, and holds it until a line arrives on stdin.
HOLD = (
    "import sys\n"
    "from timeline import store\n"
    "with store.lock(sys.argv[1]):\n"
    "    print('holding', flush=True)\n"
    "    sys.stdin.readline()\n"
)


def _stalled_holder(path: Path) -> subprocess.Popen:
    """A process holding the store's lock, stopped with SIGSTOP."""
    holder = subprocess.Popen([sys.executable, "-c", HOLD, str(path)], env=_env(), text=True,
                              stdin=subprocess.PIPE, stdout=subprocess.PIPE)
    assert holder.stdout.readline() == "holding\n"
    os.kill(holder.pid, signal.SIGSTOP)
    assert _lock_holder(path) == str(holder.pid)
    return holder


def _readline(stream, timeout: float) -> str:
    ready, _, _ = select.select([stream], [], [], timeout)
    assert ready, f"no line within {timeout} s"
    return stream.readline()


def test_a_stalled_lock_holder_makes_writers_wait_name_it_and_give_up(tmp_path):
    """A writer stopped (SIGSTOP) while holding the lock: `timeline add --wait 2` says after a second
    that it waits for that process, gives up after 2 s with exit 1 and one `error:` line naming it, and
    leaves the store and its folder as they were; readers are not held up. Once the stalled process is
    continued (SIGCONT) and lets go, a writer that was waiting succeeds."""
    path = tmp_path / "events.yaml"
    assert _run("add", "First", "-d", "2024-12-01", "--file", str(path), cwd=tmp_path).returncode == 0
    before, files = path.read_bytes(), sorted(os.listdir(tmp_path))
    holder = _stalled_holder(path)
    try:
        started = time.monotonic()
        late = _run("add", "Late", "-d", "2024-12-31", "--wait", "2", "--file", str(path), cwd=tmp_path)
        took = time.monotonic() - started
        assert late.returncode == 1, late.stderr
        assert late.stdout == ""
        assert late.stderr.splitlines() == [
            f"waiting for {path}: process {holder.pid} holds its lock (giving up after 2 s)",
            f"error: {path} is locked by process {holder.pid}; gave up after 2 s (--wait sets how long to wait)",
        ]
        assert 2 <= took < 2 + 15, took
        assert path.read_bytes() == before and sorted(os.listdir(tmp_path)) == files

        # Readers take no lock: a stalled writer holds none of them up.
        shown = _run("check", "--json", "--file", str(path), cwd=tmp_path)
        assert shown.returncode == 0 and json.loads(shown.stdout)["events"] == 1

        # Continued, the holder still holds the lock until it is done; a writer waits, then lands.
        os.kill(holder.pid, signal.SIGCONT)
        waiter = subprocess.Popen(_timeline("add", "Later", "-d", "2024-12-30", "--wait", "30", "--file", str(path)),
                                  cwd=tmp_path, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        time.sleep(0.5)
        assert waiter.poll() is None and path.read_bytes() == before
        holder.communicate("done\n", timeout=TIMEOUT)
        assert holder.returncode == 0
        out, err = waiter.communicate(timeout=TIMEOUT)
        assert waiter.returncode == 0, err
        assert out == "added later (2024-12-30): Later\n"
        assert [e.title for e in store.load(path).events] == ["First", "Later"]
        assert _lock_holder(path) == str(waiter.pid)
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()


def test_a_writer_waiting_for_a_stalled_holder_lands_once_the_holder_is_killed(tmp_path):
    """A writer waiting (`--wait 30`) for a stopped lock holder says within its first seconds that it
    waits for that process; when the holder is killed (SIGKILL, so the kernel drops its lock) the writer
    goes on and lands, the lock file now naming it, and no temporary file is left."""
    path = tmp_path / "events.yaml"
    assert _run("add", "First", "-d", "2024-12-01", "--file", str(path), cwd=tmp_path).returncode == 0
    holder = _stalled_holder(path)
    try:
        started = time.monotonic()
        waiter = subprocess.Popen(_timeline("add", "Second", "-d", "2024-12-02", "--wait", "30", "--file", str(path)),
                                  cwd=tmp_path, env=_env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        line = _readline(waiter.stderr, 20)
        assert line == f"waiting for {path}: process {holder.pid} holds its lock (giving up after 30 s)\n"
        assert time.monotonic() - started >= 1.0
        assert waiter.poll() is None
        holder.kill()
        holder.wait(TIMEOUT)
        out, err = waiter.communicate(timeout=TIMEOUT)
        assert waiter.returncode == 0, err
        assert out == "added second (2024-12-02): Second\n" and err == ""
    finally:
        if holder.poll() is None:
            holder.kill()
            holder.wait()
    assert [e.title for e in store.load(path).events] == ["First", "Second"]
    assert _lock_holder(path) == str(waiter.pid)
    assert _temporaries(path) == []
