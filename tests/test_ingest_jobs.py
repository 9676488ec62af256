"""Tests for ingest with several processes (`ingest_many(..., jobs=N)`, `timeline ingest --jobs N`): the
result is the one of a single process, small batches start no process, and workers never outlive it."""

from __future__ import annotations

import multiprocessing.context
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from typer.testing import CliRunner

from timeline import extract, store
from timeline.articles import read_article
from timeline.cli import app
from timeline.dates import Resolution
from timeline.errors import InputError, StoreLocked, TimelineError
from timeline.extract import ingest_many
from timeline.model import Citation, Dataset, Event, Place, Source

ROOT = Path(__file__).resolve().parent.parent
PAGES = ROOT / "tests" / "data" / "pages"
D = date.fromisoformat

# Events that later articles date themselves from ("two days after the capture of ..."): the worker
# reading such an article cannot know them, the merge must look them up in order.
HAMA = "Rebels captured the military airport of Hama on Thursday, December 5, 2024.\nThe army said it redeployed."
AFTER_HAMA = ("Two days after the capture of the Hama military airport, the army withdrew from Homs.\n"
              "Residents reported heavy shelling on Saturday, witnesses said.")
WEEK_AFTER_HAMA = "A week after the capture of the Hama military airport, rebels entered the outskirts of Homs."
TOPPLING = ("Opposition forces toppled Bashar al-Assad in Damascus on December 8, 2024, after a lightning "
            "offensive.\nCrowds gathered in Umayyad Square on Sunday.")
QUIET = "The council met to discuss the budget.\nNo decision was taken."
PLACES = (Place("Deir ez-Zor", ("Deir Ezzor", "Deir az-Zour", "Deir al-Zor")),
          Place("al-Mayadeen", ("Mayadin", "al- Mayadeen")), Place("Raqqa", ("Raqa",)), Place("Damascus"))
STORED = Source("stored-outlet", "Stored", published=D("2024-12-01"))
# A stored event the New Arab's sentence about Deir az-Zour is another report of, so it gains a citation.
SDF = Event("sdf-takes-deir-ez-zor", Resolution.day(D("2024-12-06")),
            "SDF takes control of Deir ez-Zor after regime forces withdraw", place="Deir ez-Zor",
            citations=(Citation("stored-outlet", "Friday", "The SDF took control of Deir ez-Zor after regime "
                                                           "forces withdrew on Friday."),))
ASSAD = Event("bashar-al-assad-flees", Resolution.day(D("2024-12-08")), "Bashar al-Assad flees Damascus",
              place="Damascus")
START = Dataset(sources=(STORED,), places=PLACES, events=(ASSAD, SDF))


def page(name: str, published: date | None = None) -> tuple[str, Source]:
    article = read_article(str(PAGES / name), {"published": published},
                           read_text=lambda n: Path(n).read_text(encoding="utf-8"), pages=PAGES, store_folder=ROOT)
    return article.text, article.source


def text(source_id: str, body: str, published: str) -> tuple[str, Source]:
    return body, Source(source_id, "Handwritten", published=D(published))


def batch() -> list[tuple[str, Source]]:
    """Nearly forty articles: the saved pages, parts and mixtures of them, later editions, duplicates,
    and handwritten ones naming events of earlier articles, some before those articles come."""
    pages = [page("dateline.html"), page("newarab-2024-12-09.html"), page("pressenza-2022-04-19.html"),
             page("sohr-2021-11-27.html"), page("undated.html", D("2024-01-05"))]
    parts = []
    for body, source in pages:
        lines = body.split("\n")
        half = len(lines) // 2
        parts += [("\n".join(lines[:half]), replace(source, id=f"{source.id}-a")),
                  ("\n".join(lines[half:]), replace(source, id=f"{source.id}-b")),
                  (body, replace(source, id=f"{source.id}-later", published=source.published + timedelta(days=9)))]
    mixtures = [(first + "\n" + second[len(second) // 2:], replace(source, id=f"{source.id}-mix-{n}"))
                for n, ((first, source), (second, _)) in enumerate(zip(pages, pages[1:] + pages[:1]))]
    return [
        text("early-ref", WEEK_AFTER_HAMA, "2024-12-13"),  # before the event it names: not dated
        text("hama-report", HAMA, "2024-12-06"),
        pages[0], pages[1],  # the New Arab's "a day after the toppling" finds only the stored event here
        text("toppling-report", TOPPLING, "2024-12-09"),
        text("after-hama", AFTER_HAMA, "2024-12-08"),
        text("late-ref", WEEK_AFTER_HAMA, "2024-12-13"),  # the same sentence, now that the event is known
        *pages[2:], *parts,
        text("twice", HAMA, "2024-12-06"),
        pages[1], pages[3],  # ingested twice: already known
        *mixtures,
        text("quiet-council", QUIET, "2024-12-09"),  # nothing dated: its source is left out
        # Read against the stored source's date, not the one given.
        text("stored-outlet", TOPPLING, "2024-12-09"),
        # The source "twice" landed above with another date, which anchors this article.
        text("twice", AFTER_HAMA, "2024-12-20"),
        page("newarab-2024-12-09.html", D("2024-12-10")),
        text("toppling-again", TOPPLING + "\nA day after the toppling of Bashar al-Assad, crowds celebrated.",
             "2024-12-09"),
    ]


def test_the_batch_exercises_what_depends_on_order():
    """The batch holds what only the order of articles decides: an event dated from one an earlier
    article gave, a sentence left out because the event it names comes later, reports already known,
    a citation of a stored event, sources left out, and an article anchored on the date its source
    landed with earlier in the batch rather than the date it gives."""
    result = ingest_many(START, batch())
    late = next(e for e in result.dataset.events if any(c.source == "late-ref" for c in e.citations))
    assert late.after is not None and late.after.startswith("2024-12-05-rebels-captured")
    assert any(s.source == "early-ref" and "no single event in the store matches" in s.reason for s in result.skipped)
    assert result.unchanged > 0 and SDF.id in result.cited and {"early-ref", "quiet-council"} <= set(result.unused)
    shelling = [e.when.edtf for e in result.dataset.events for c in e.citations
                if c.source == "twice" and c.said == "Saturday"]
    assert shelling == ["2024-11-30"]  # the Saturday before Friday 2024-12-06, not before 2024-12-20


@pytest.mark.parametrize("jobs", [2, 4])
def test_jobs_give_the_result_of_one_process(jobs):
    """With 2 or 4 worker processes the result is the one of one process: the same events with the same
    ids, order and citations, the same counts, the same skipped sentences and reasons, the same store."""
    items = batch()
    alone = ingest_many(START, items, jobs=1)
    together = ingest_many(START, items, jobs=jobs)
    assert together == alone
    assert store.dumps(together.dataset) == store.dumps(alone.dataset)


@pytest.mark.parametrize("count, jobs, started", [(1, 4, False), (7, 4, False), (8, 4, True), (3, 1, False)])
def test_a_batch_of_fewer_than_two_articles_per_job_starts_no_process(monkeypatch, count, jobs, started):
    """Starting workers costs more than reading a handful of articles: with fewer than two per job the
    articles are read in the calling process, with the same result either way."""
    pools = []
    real = multiprocessing.context.BaseContext.Pool

    def counted(self, *args, **kwargs):
        pools.append(self.get_start_method())
        return real(self, *args, **kwargs)

    items = batch()[:count]
    alone = ingest_many(START, items)
    monkeypatch.setattr(multiprocessing.context.BaseContext, "Pool", counted)
    assert ingest_many(START, items, jobs=jobs) == alone
    assert bool(pools) == started


def test_with_another_thread_running_workers_are_spawned_not_forked(monkeypatch):
    """A fork copies only the calling thread, so while another thread runs (it might hold a lock the
    copy would wait on forever) the workers start as fresh processes; the result is the same."""
    pools = []
    real = multiprocessing.context.BaseContext.Pool

    def counted(self, *args, **kwargs):
        pools.append(self.get_start_method())
        return real(self, *args, **kwargs)

    items = batch()
    alone = ingest_many(START, items)
    monkeypatch.setattr(multiprocessing.context.BaseContext, "Pool", counted)
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert ingest_many(START, items, jobs=2) == alone
    finally:
        stop.set()
        other.join()
    assert pools == ["spawn"]


def _die_on_quiet(chunk):
    """A worker's task that ends its process abruptly, as the kernel's out-of-memory killer would."""
    if any(text == QUIET for text, _ in chunk):
        os._exit(9)
    return [None for _ in chunk]


def test_a_worker_that_dies_gives_an_error_not_a_hang(monkeypatch):
    """A worker process killed mid-ingest (out of memory, a kill) makes ingest fail with an error
    saying so, instead of waiting forever for the articles it was reading."""
    monkeypatch.setattr(extract, "_scan_chunk", _die_on_quiet)  # forked workers inherit the patch
    items = [text(f"article-{n}", QUIET if n == 30 else HAMA, "2024-12-06") for n in range(40)]
    started = time.monotonic()
    with pytest.raises(TimelineError, match="worker process .* ended"):
        ingest_many(START, items, jobs=2)
    assert time.monotonic() - started < 30


def test_jobs_below_one_are_refused():
    """jobs counts processes: 0 or fewer is an input error, not a silent single process."""
    with pytest.raises(InputError, match="jobs"):
        ingest_many(START, batch(), jobs=0)


def test_an_article_without_a_date_fails_as_with_one_process():
    """An article whose stored source has no date fails with the same error with workers as without."""
    items = batch()
    undated = Dataset(sources=(replace(STORED, published=None),), places=PLACES)
    with pytest.raises(InputError) as alone:
        ingest_many(undated, items)
    with pytest.raises(InputError) as together:
        ingest_many(undated, items, jobs=2)
    assert str(together.value) == str(alone.value) and "stored-outlet" in str(alone.value)


# -- the command line --------------------------------------------------------------------------------


def _articles(folder: Path) -> list[str]:
    """The saved pages and the handwritten articles as files, the latter with front matter."""
    names = [str(PAGES / n) for n in ("dateline.html", "newarab-2024-12-09.html", "pressenza-2022-04-19.html",
                                      "sohr-2021-11-27.html")]
    for n, (source_id, body, published) in enumerate([
            ("early-ref", WEEK_AFTER_HAMA, "2024-12-13"), ("hama-report", HAMA, "2024-12-06"),
            ("toppling-report", TOPPLING, "2024-12-09"), ("after-hama", AFTER_HAMA, "2024-12-08"),
            ("late-ref", WEEK_AFTER_HAMA, "2024-12-13"), ("quiet-council", QUIET, "2024-12-09")]):
        path = folder / f"{n:02d}-{source_id}.md"
        path.write_text(f"---\nid: {source_id}\npublished: {published}\n---\n{body}\n", encoding="utf-8")
        names.append(str(path))
    return names


def test_cli_jobs_2_writes_the_bytes_of_jobs_1(tmp_path, monkeypatch):
    """`ingest --jobs 2` writes the store `--jobs 1` writes, byte for byte, and prints the same."""
    monkeypatch.delenv("TIMELINE_FILE", raising=False)
    names = _articles(tmp_path) + [str(PAGES / "newarab-2024-12-09.html")]
    outputs = {}
    for jobs in ("1", "2"):
        path = tmp_path / f"jobs-{jobs}" / "events.yaml"
        path.parent.mkdir()
        store.save(START, path)
        done = CliRunner().invoke(app, ["ingest", *names, "-v", "--jobs", jobs, "--file", str(path)])
        assert done.exit_code == 0, done.output
        outputs[jobs] = (path.read_bytes(), done.stdout, done.stderr)
    assert outputs["2"] == outputs["1"]
    assert b"late-ref" in outputs["1"][0]


def test_cli_jobs_0_is_a_usage_error(tmp_path, monkeypatch):
    """`--jobs 0` is refused as a usage error (exit 2, one error line) and the store is not touched."""
    monkeypatch.delenv("TIMELINE_FILE", raising=False)
    path = tmp_path / "events.yaml"
    store.save(START, path)
    before = path.read_bytes()
    done = CliRunner().invoke(app, ["ingest", str(PAGES / "dateline.html"), "--jobs", "0", "--file", str(path)])
    assert done.exit_code == 2
    assert done.stderr.startswith("error: ") and "--jobs" in done.stderr and done.stderr.count("\n") == 1
    assert path.read_bytes() == before


def _children(pid: int) -> list[int]:
    """The processes whose parent is `pid`, from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def test_a_killed_ingest_leaves_no_worker_holding_the_lock(tmp_path):
    """Workers inherit the store's lock with the parent's memory; when the parent is killed mid-ingest
    (kill -9) they exit, so the store can be locked again at once."""
    path = tmp_path / "events.yaml"
    store.save(START, path)
    body = "\n".join(page(n)[0] for n in ("newarab-2024-12-09.html", "sohr-2021-11-27.html",
                                           "pressenza-2022-04-19.html")) * 4
    names = []
    for n in range(300):
        name = tmp_path / f"article-{n}.md"
        name.write_text(f"---\nid: article-{n}\npublished: 2024-12-09\n---\n{body}\n", encoding="utf-8")
        names.append(str(name))
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    env.pop("TIMELINE_FILE", None)
    ingesting = subprocess.Popen([sys.executable, "-m", "timeline", "ingest", *names, "--jobs", "2",
                                  "--file", str(path)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    workers: list[int] = []
    try:
        deadline = time.monotonic() + 60
        while len(workers) < 2 and ingesting.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
            workers = _children(ingesting.pid)
        assert len(workers) >= 2, "the ingest ended before its workers were seen"
        ingesting.kill()
        ingesting.wait()
        with store.lock(path, wait=10):
            pass
    except StoreLocked:
        pytest.fail("a worker of the killed ingest still holds the store's lock")
    finally:
        if ingesting.poll() is None:
            ingesting.kill()
            ingesting.wait()
        for pid in workers:  # none should be left; one that is, this test's own, is ended, not left running
            try:
                if str(path) in Path(f"/proc/{pid}/cmdline").read_text(errors="replace"):
                    os.kill(pid, signal.SIGKILL)
            except OSError:
                pass
