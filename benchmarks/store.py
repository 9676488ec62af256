"""How `timeline` keeps up with large stores: each command's time as a ratio to a bare parse of the file.

Run from the repository root:  python benchmarks/store.py [--sizes 10000,100000] [--runs 3]

For each size it generates a store made like real ones (seeded: 300 sources, 200 places with other
spellings, events of mixed precision with 1-3 citations whose `said` resolves to the event's date, tags,
actors, some notes), then times, as separate processes as a user runs them, in one run:

- the bare parse: `yaml.load(text, Loader=yaml.CSafeLoader)` of the same file, the unit of every ratio;
- the first command after the file changed: a title edited in place, then `show` filtered to a month;
- `show` filtered to a month, the store unchanged since the last command;
- `add` one event (after a first change, which rewrites a file last edited by hand in full);
- `export --format csv` of everything, the store unchanged;
- `check` (every citation's date resolved again);
- the peak memory of the filtered `show` and of `add`, and (for the record) of the first command after a
  change, which parses the whole file;
- `timeline --help` next to `python -c "import yaml"`.

Times are medians over --runs runs (the machines are shared and noisy: compare ratios from one run).
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tabulate import tabulate  # noqa: E402

from timeline import store  # noqa: E402
from timeline.dates import Resolution  # noqa: E402
from timeline.model import Citation, Dataset, Event, Place, Source  # noqa: E402

SEED = 20241209
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
ACTORS = ["SDF", "HTS", "Syrian army", "Residents", "UN", "Tribal leaders", "Local council"]
TAGS = ["clash", "amnesty", "reconciliation", "protest", "displacement", "aid"]
VERBS = ["took control of", "withdrew from", "opened a settlement centre in", "shelled", "entered",
         "held talks in", "reopened the road to", "arrested dozens in"]
# Targets at 100,000 events, as ratios to the bare parse (memory in MB, start-up as a ratio to import yaml).
TARGETS = {"first command after a change": 1.0, "show, one month": 0.05, "add one event": 0.05,
           "export csv, everything": 0.5, "check": 1.0, "peak memory, show (MB)": 500, "peak memory, add (MB)": 500,
           "--help (x import yaml)": 4.0, "peak memory, first command after a change (MB)": None}


def generate(n: int) -> Dataset:
    rnd = random.Random(SEED + n)
    places = tuple(Place(f"Town {i}", tuple(f"Town {i}-{j}" for j in range(rnd.randint(0, 3)))) for i in range(200))
    sources = tuple(
        Source(f"outlet-{i % 60}-{i:03d}", f"Outlet {i % 60}", f"Report {i} on the situation in the east",
               f"https://example.org/news/{i}", published=date(2025, 1, 1) + timedelta(days=rnd.randrange(300)),
               published_from="page") for i in range(300))
    events = []
    for i in range(n):
        day = date(2015, 1, 1) + timedelta(days=rnd.randrange(3600))
        kind = rnd.random()
        if kind < 0.65:
            when, said = Resolution.day(day, approximate=rnd.random() < 0.05), f"{MONTHS[day.month - 1]} {day.day}, {day.year}"
        elif kind < 0.85:
            when, said = Resolution.month(day.year, day.month), f"{MONTHS[day.month - 1]} {day.year}"
        elif kind < 0.95:
            when, said = Resolution.year(day.year), f"in {day.year}"
        else:
            when, said = Resolution.span(day, day + timedelta(days=rnd.randint(1, 5))), ""
        place = rnd.choice(places).name if rnd.random() < 0.85 else ""
        actor = rnd.choice(ACTORS)
        title = f"{actor} {rnd.choice(VERBS)} {place or 'the area'} (report {i})"
        citations = tuple(
            Citation(rnd.choice(sources).id, said,
                     f"{actor} {rnd.choice(VERBS)} {place or 'the area'} {said or 'that week'}, "
                     f"according to local monitors, who said {rnd.randint(2, 400)} people were affected.")
            for _ in range(rnd.choice((1, 1, 2, 3))))
        events.append(Event(
            f"{day.isoformat()}-report-{i}", when, title, place=place,
            actors=tuple(rnd.sample(ACTORS, rnd.randint(0, 2))), tags=tuple(rnd.sample(TAGS, rnd.randint(0, 2))),
            status=rnd.choice(("accepted",) * 6 + ("candidate",) * 3 + ("rejected",)),
            origin=rnd.choice(("parsed", "curated")), citations=citations,
            notes="Sources disagree by a day on this." if rnd.random() < 0.1 else ""))
    return Dataset(sources, places, tuple(events))


def timed(command: list[str], env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    return time.perf_counter() - started


def peak_mb(command: list[str], env: dict) -> float:
    """The command's peak resident memory, from a wrapper that runs it as its only child."""
    wrapper = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, "
               "stderr=subprocess.DEVNULL); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", wrapper, *command], env=env, capture_output=True, text=True, check=True)
    return int(out.stdout) / 1024


def measure(n: int, runs: int, folder: Path) -> dict[str, float]:
    path = folder / f"events-{n}.yaml"
    store.save(generate(n), path)
    env = {**os.environ, "TIMELINE_FILE": str(path), "TIMELINE_CACHE_DIR": str(folder / "cache")}
    env.pop("TIMELINE_CACHE", None)
    tl = [sys.executable, "-m", "timeline"]
    month = ["show", "--from", "2020-03", "--to", "2020-03"]
    bare = [sys.executable, "-c", "import sys, yaml; yaml.load(open(sys.argv[1], encoding='utf-8').read(), "
                                  "Loader=yaml.CSafeLoader)", str(path)]
    results = {"size (MB)": path.stat().st_size / 1e6, "bare parse (s)": statistics.median(
        timed(bare, env) for _ in range(runs))}
    firsts = []
    for run in range(runs):
        text = path.read_text(encoding="utf-8")
        path.write_text(text.replace(f"(report {run})", f"(report {run}, edited)", 1), encoding="utf-8")
        firsts.append(timed([*tl, *month], env))
    results["first command after a change"] = statistics.median(firsts)
    path.write_text(path.read_text(encoding="utf-8").replace("(report 0, edited)", "(report 0)", 1), encoding="utf-8")
    results["peak memory, first command after a change (MB)"] = peak_mb([*tl, *month], env)
    results["show, one month"] = statistics.median(timed([*tl, *month], env) for _ in range(runs))
    # The first change after an edit by hand rewrites the whole file (it cannot know the file is laid out
    # as timeline writes it); the adds timed are the ones after it.
    timed([*tl, "add", "Benchmark warm-up", "-d", "2024-12-09"], env)
    results["add one event"] = statistics.median(
        timed([*tl, "add", f"Benchmark event {run}", "-d", "2024-12-09"], env) for run in range(runs))
    results["export csv, everything"] = statistics.median(
        timed([*tl, "export", "--format", "csv", "-o", os.devnull], env) for _ in range(runs))
    results["check"] = statistics.median(timed([*tl, "check"], env) for _ in range(runs))
    results["peak memory, show (MB)"] = max(peak_mb([*tl, *month], env) for _ in range(runs))
    results["peak memory, add (MB)"] = max(peak_mb([*tl, "add", f"Memory event {run}", "-d", "2024-12-09"], env)
                                           for run in range(runs))
    return results


def startup(runs: int) -> float:
    env = dict(os.environ)
    repeats = max(21, runs * 7)
    help_ = statistics.median(timed([sys.executable, "-m", "timeline", "--help"], env) for _ in range(repeats))
    yaml_ = statistics.median(timed([sys.executable, "-c", "import yaml"], env) for _ in range(repeats))
    return help_ / yaml_


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", default="10000,100000", help="store sizes in events, comma-separated")
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (medians)")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        measured = {n: measure(n, args.runs, Path(folder)) for n in sizes}
    ratio_help = startup(args.runs)
    rows = []
    for key in ("size (MB)", "bare parse (s)"):
        rows.append([key, *(f"{measured[n][key]:.1f}" for n in sizes), "", ""])
    for key, target in TARGETS.items():
        cells = []
        for n in sizes:
            if key.startswith("--help"):
                cells.append(f"{ratio_help:.1f}x")
            elif key.startswith("peak"):
                cells.append(f"{measured[n][key]:.0f}")
            else:
                cells.append(f"{measured[n][key]:.2f} s = {measured[n][key] / measured[n]['bare parse (s)']:.3f}x")
        largest = measured[sizes[-1]]
        value = (ratio_help if key.startswith("--help") else largest[key] if key.startswith("peak")
                 else largest[key] / largest["bare parse (s)"])
        if target is None:  # measured for the record: the full parse's node tree, once per change
            rows.append([key, *cells, "", ""])
            continue
        rows.append([key, *cells, f"<= {target:g}{'' if key.startswith('peak') else 'x'}",
                     "yes" if value <= target else "NO"])
    print(tabulate(rows, headers=["", *(f"{n:,} events" for n in sizes), "target", f"met at {sizes[-1]:,}"]))


if __name__ == "__main__":
    main()
