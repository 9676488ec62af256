"""Speed of `tag` next to dateparser's search_dates, and the peak memory of a 10,000-article ingest.

Run from the repository root:  python benchmarks/ingest.py [--articles N] [--ingest N]
or, for the time of ingest with one process and with several:  python benchmarks/ingest.py --parallel
[--jobs N] [--runs R] [--ingest N]

The corpus is generated (seeded, so every run reads the same texts): news-like English articles of
about 1,500 characters, each with 5 to 10 temporal expressions of mixed kinds (calendar dates,
relative days, durations, recurrences, times of day, offsets from another date) among undated
sentences with numbers, "may" and "march" in them. Timings are medians per article in one process;
search_dates is slow, so it reads a sample. The ingest (generating the articles, ingest_many from an
empty dataset with one source per article, then store.save to a temporary file) runs in a child
process, so that its peak resident memory (ru_maxrss of that child, from getrusage RUSAGE_CHILDREN) is
the ingest's alone.

`--parallel` times ingest_many of the same articles with jobs=1 and jobs=N (N: os.cpu_count() unless
given), each run in a fresh child process so that each loads the gazetteer and warms its caches alike;
the runs alternate between the two (1, N, 1, N, ...) so that both see the same load on a busy machine,
and the table gives each side's median. Each run hashes its store as a save writes it (store.dumps): the
table says whether all runs gave the same bytes.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from timeline.extract import ingest_many, tag  # noqa: E402
from timeline.resolve import clear_caches  # noqa: E402
from timeline.model import Dataset, Place, Source  # noqa: E402

SEED = 20241209
SEARCH_DATES_SAMPLE = 50
TARGET_SPEEDUP, TARGET_TAG_MS, TARGET_PEAK_MB = 20, 2.0, 300

ACTORS = ["Government forces", "Opposition fighters", "The SDF", "Local activists", "The ministry",
          "Tribal leaders", "A UN convoy", "Security services", "The council", "Residents"]
VERBS = ["took control of", "withdrew from", "opened a settlement centre in", "shelled", "entered",
         "announced an amnesty in", "held talks in", "reopened the road to", "arrested dozens in",
         "protested in"]
PLACES = ["Deir ez-Zor", "al-Mayadeen", "Raqqa", "Aleppo", "Homs", "Hama", "Damascus", "al-Bukamal",
          "Maskanah", "Deir Hafer", "al-Sabkha", "Idlib"]
# Undated sentences, with the words a date scanner must not take for dates: numbers, "may", "march".
FILLER = [
    "The move was welcomed by some residents, while others said they feared reprisals.",
    "Officials did not respond to requests for comment, and the figures could not be verified.",
    "Aid groups warned that 45,000 families remain without shelter or clean water.",
    "Analysts said the decision may reflect a wider shift in the balance of power in the region.",
    "Witnesses described long queues outside the building as people waited to register their names.",
    "The statement did not say how many people had been detained or where they were being held.",
    "Hundreds joined a march through the city centre, carrying flags and chanting slogans.",
    "A convoy of five armoured vehicles was seen near the main checkpoint, residents said.",
    "The committee said more than 3,500 people had settled their legal status so far.",
    "Relatives of the missing gathered outside the court, demanding information about their sons.",
]
MONTH_NAMES = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
               "October", "November", "December"]


def _expressions(rng: random.Random, published: date) -> list[str]:
    """Temporal phrases, preposition included, as reporters write them about `published`."""
    earlier = published - timedelta(days=rng.randint(1, 40))
    weekday = (published - timedelta(days=rng.randint(1, 6))).strftime("%A")
    return [
        f"on {MONTH_NAMES[earlier.month - 1]} {earlier.day}",
        f"on {MONTH_NAMES[earlier.month - 1]} {earlier.day}, {earlier.year}",
        f"on {weekday}", f"last {weekday}", f"on {weekday} morning", "today", "yesterday",
        f"{rng.choice(['two', 'three', 'a few', 'several'])} days ago", "during the past week",
        "earlier this month", "last year", f"in {published.year - rng.randint(2, 12)}",
        f"in early {published.year}", "two days later", "the previous day",
        "every Friday", "at 5 p.m.", "in recent years",
    ]


def _durations(rng: random.Random) -> list[str]:
    return [f"for {rng.choice(['six', 'three', 'nine'])} months now", "for the past two years",
            f"after {rng.randint(3, 60)} years of conflict", "weekly"]


TAILS = ["according to local sources", "a war monitor said", "state media reported", "witnesses said",
         "in an operation that left {n} people dead", "detaining {n} men", "after {n} days of talks",
         "the ministry said in a statement", "despite objections from {n} tribal elders"]


def _dated_sentence(rng: random.Random, when: str) -> str:
    actor, verb, place = rng.choice(ACTORS), rng.choice(VERBS), rng.choice(PLACES)
    tail = rng.choice(TAILS).format(n=rng.randint(2, 400))
    if rng.random() < 0.65:
        return f"{actor} {verb} {place} {when}, {tail}."
    return f"{when[0].upper()}{when[1:]}, {actor[0].lower()}{actor[1:]} {verb} {place}, {tail}."


def article(rng: random.Random) -> tuple[str, date]:
    """One generated article of about 1,500 characters and its publication date."""
    published = date(2015, 1, 1) + timedelta(days=rng.randint(0, 3650))
    phrases = _expressions(rng, published) + _durations(rng)
    sentences = [_dated_sentence(rng, rng.choice(phrases)) for _ in range(rng.randint(5, 8))]
    while sum(map(len, sentences)) < 1400:
        sentences.append(rng.choice(FILLER))
    rng.shuffle(sentences)
    paragraphs = [" ".join(sentences[i:i + 3]) for i in range(0, len(sentences), 3)]
    headline = f"{rng.choice(ACTORS)} {rng.choice(VERBS)} {rng.choice(PLACES)}"
    return "\n".join([headline, *paragraphs]), published


def corpus(count: int) -> list[tuple[str, date]]:
    rng = random.Random(SEED)
    return [article(rng) for _ in range(count)]


def _elapsed_ms(run, *args) -> float:
    start = time.perf_counter()
    run(*args)
    return (time.perf_counter() - start) * 1000


def _side_by_side(articles: list[tuple[str, date]], rounds: int) -> tuple[float, float]:
    """Median ms per article of `tag` and of search_dates over the same articles.

    Each reads the whole sample in turn, for some rounds, so that both see the same load on a busy
    machine while neither runs with caches just emptied by the other. `tag` reads the sample in a
    twentieth of the time search_dates takes, so one burst of another process's load can slow all of
    one round of `tag` and barely one of search_dates: over six rounds such a burst moves the medians
    little, where over two it moved the ratio by a tenth either way.
    """
    tag_ms, search_ms = [], []
    for _ in range(rounds):
        clear_caches()  # each round reads the sample afresh, not from what the last round left cached
        tag_ms += [_elapsed_ms(tag, *a) for a in articles]
        search_ms += [_elapsed_ms(_search_dates, *a) for a in articles]
    return statistics.median(tag_ms), statistics.median(search_ms)


def _search_dates(text: str, published: date) -> None:
    from dateparser.search import search_dates

    base = datetime(published.year, published.month, published.day)
    search_dates(text, languages=["en"], settings={"RELATIVE_BASE": base})


def _ingest_child(count: int) -> None:
    """In the child: ingest `count` articles from empty, save the store, print the timings as JSON."""
    from timeline import store

    items = [(text, Source(f"article-{i}", "Generated", published=published))
             for i, (text, published) in enumerate(corpus(count))]
    start = time.perf_counter()
    result = ingest_many(Dataset(places=tuple(Place(p) for p in PLACES)), items)
    ingested = time.perf_counter() - start
    ingest_peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    with tempfile.TemporaryDirectory() as folder:
        store.save(result.dataset, Path(folder) / "events.yaml")
    print(json.dumps({"ingest_s": ingested, "save_s": time.perf_counter() - start - ingested,
                      "events": len(result.dataset.events), "ingest_peak_mb": ingest_peak_kib / 1024,
                      "citations": sum(len(e.citations) for e in result.dataset.events)}))


def _jobs_child(count: int, jobs: int) -> None:
    """In the child: ingest `count` articles from empty with `jobs` processes, print the time, this
    process's own CPU time (with workers, the merge's), the hash of the store as a save writes it and
    its number of events, as JSON."""
    from timeline import store

    items = [(text, Source(f"article-{i}", "Generated", published=published))
             for i, (text, published) in enumerate(corpus(count))]
    start, cpu = time.perf_counter(), time.process_time()
    result = ingest_many(Dataset(places=tuple(Place(p) for p in PLACES)), items, jobs=jobs)
    ingested, cpu = time.perf_counter() - start, time.process_time() - cpu
    text = store.dumps(result.dataset)
    print(json.dumps({"ingest_s": ingested, "cpu_s": cpu, "sha256": hashlib.sha256(text.encode()).hexdigest(),
                      "events": len(result.dataset.events)}))


def _parallel(count: int, jobs: int, runs: int) -> None:
    """The table of `--parallel`: medians of `runs` alternating runs with one job and with `jobs`."""
    runs_of: dict[int, list[dict]] = {1: [], jobs: []}
    for _ in range(runs):
        for n, done in runs_of.items():
            child = subprocess.run([sys.executable, __file__, "--jobs-child", str(count), str(n)],
                                   check=True, capture_output=True, text=True)
            done.append(json.loads(child.stdout))
    one = statistics.median(run["ingest_s"] for run in runs_of[1])
    hashes = {run["sha256"] for done in runs_of.values() for run in done}
    print(f"Corpus: {count} generated articles (seed {SEED}), ingested from empty into {runs_of[1][0]['events']} "
          f"events; os.cpu_count() = {os.cpu_count()}; {runs} runs of each, alternating, in fresh processes.\n")
    print(f"| jobs | ingest of {count} articles, seconds (median) | the runs | speed-up "
          "| CPU seconds of the merging process (median) |")
    print("|---|---|---|---|---|")
    for n, done in runs_of.items():
        median = statistics.median(run["ingest_s"] for run in done)
        listed = ", ".join(f"{run['ingest_s']:.1f}" for run in done)
        print(f"| {n} | {median:.1f} | {listed} | {one / median:.2f}x "
              f"| {statistics.median(run['cpu_s'] for run in done):.1f} |")
    print(f"\nThe same store, byte for byte, from every run: {'yes' if len(hashes) == 1 else 'NO'}")


def _ingest_in_child(count: int) -> tuple[dict, float]:
    done = subprocess.run([sys.executable, __file__, "--ingest-child", str(count)],
                          check=True, capture_output=True, text=True)
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # KiB on Linux
    return json.loads(done.stdout), peak_kib / 1024


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000, help="articles tagged for the timing")
    parser.add_argument("--rounds", type=int, default=6,
                        help="rounds of the sample read by tag, then by search_dates, for the speed-up")
    parser.add_argument("--ingest", type=int, default=10_000,
                        help="articles ingested for the memory peak, and for --parallel")
    parser.add_argument("--parallel", action="store_true",
                        help="time the ingest with one process and with --jobs, instead of the rest")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1,
                        help="processes for --parallel (default: os.cpu_count())")
    parser.add_argument("--runs", type=int, default=3, help="runs of each for --parallel")
    parser.add_argument("--ingest-child", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--jobs-child", type=int, nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.ingest_child:
        _ingest_child(args.ingest_child)
        return
    if args.jobs_child:
        _jobs_child(*args.jobs_child)
        return
    if args.parallel:
        _parallel(args.ingest, args.jobs, args.runs)
        return

    articles = corpus(args.articles)
    sample = articles[:SEARCH_DATES_SAMPLE]
    for run in (tag, _search_dates):  # first calls pay for imports and caches
        run(*articles[0])
    mentions = [len(tag(*a)) for a in articles]
    tag_ms = statistics.median(_elapsed_ms(tag, *a) for a in articles)
    tag_sample_ms, search_ms = _side_by_side(sample, args.rounds)
    speedup = search_ms / tag_sample_ms
    ingest, peak_mb = _ingest_in_child(args.ingest)

    chars = statistics.median(len(text) for text, _ in articles)
    print(f"Corpus: {len(articles)} generated articles, median {chars:.0f} characters, "
          f"median {statistics.median(mentions):.0f} mentions found per article (seed {SEED}).\n")
    print("| measure | value | target |")
    print("|---|---|---|")
    print(f"| `tag`, median ms per article ({len(articles)} articles) | {tag_ms:.3f} | < {TARGET_TAG_MS} |")
    print(f"| `tag`, median ms per article (a {len(sample)}-article sample, {args.rounds} rounds) "
          f"| {tag_sample_ms:.3f} | |")
    print(f"| `search_dates`, median ms per article (the same sample, {args.rounds} rounds) | {search_ms:.3f} | |")
    print(f"| speed-up of `tag` over `search_dates` | {speedup:.1f}x | >= {TARGET_SPEEDUP}x |")
    print(f"| ingest of {args.ingest} articles, seconds (then save: {ingest['save_s']:.1f} s) "
          f"| {ingest['ingest_s']:.1f} | |")
    print(f"| events after ingest (with {ingest['citations']} citations) | {ingest['events']} | |")
    print(f"| peak memory of the child before the save (ru_maxrss), MB | {ingest['ingest_peak_mb']:.0f} | |")
    print(f"| peak memory of the ingest + save child process (ru_maxrss), MB | {peak_mb:.0f} "
          f"| < {TARGET_PEAK_MB} |")
    print(f"\nRatio search_dates / tag: {speedup:.1f}")


if __name__ == "__main__":
    main()
