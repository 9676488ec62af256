"""Speed and accuracy of `resolve` against `dateparser.parse` on the resolver dev table.

Run from the repository root: `python benchmarks/resolve.py [--repeats N]`. Both are timed on the same
expressions in the same run, per call, and the median per-call time is reported with each one's accuracy.
"""

from __future__ import annotations

import argparse
import csv
import statistics
import sys
import time
from datetime import date, datetime
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

import dateparser  # noqa: E402  (after the path is set, so the checkout is benchmarked)
from tabulate import tabulate  # noqa: E402

from timeline.errors import UnresolvedDate  # noqa: E402
from timeline.resolve import clear_caches, resolve  # noqa: E402

DEV_TABLE = REPO_ROOT / "tests" / "data" / "resolver-dev.tsv"
SCORING = (
    "resolve: correct when timex, earliest, latest, precision and mod all equal the row's. "
    "dateparser.parse: correct when its date equals `earliest` on day-precision rows, "
    "or lies within [earliest, latest] on the others (it has no notion of ranges or precision)."
)


def load_rows() -> list[dict]:
    with DEV_TABLE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def resolve_row(row: dict):
    return resolve(row["expression"], date.fromisoformat(row["anchor"]), row["context"])


def dateparser_row(row: dict):
    base = datetime.fromisoformat(row["anchor"])
    return dateparser.parse(row["expression"], languages=["en"], settings={"RELATIVE_BASE": base})


def resolve_correct(row: dict) -> bool:
    try:
        found = resolve_row(row)
    except UnresolvedDate:
        return False
    got = (found.timex, found.earliest.isoformat(), found.latest.isoformat(), found.precision, found.mod or "")
    return got == (row["timex"], row["earliest"], row["latest"], row["precision"], row["mod"])


def dateparser_correct(row: dict) -> bool:
    parsed = dateparser_row(row)
    if parsed is None:
        return False
    day = parsed.date().isoformat()
    if row["precision"] == "day":
        return day == row["earliest"]
    return row["earliest"] <= day <= row["latest"]


def median_microseconds(call, rows: list[dict], repeats: int, reset=lambda: None) -> float:
    """The median of per-call wall times over `repeats` passes through the rows; `reset` runs before each
    call, outside the time."""
    times = []
    for _ in range(repeats):
        for row in rows:
            reset()
            start = time.perf_counter_ns()
            try:
                call(row)
            except UnresolvedDate:
                pass
            times.append(time.perf_counter_ns() - start)
    return statistics.median(times) / 1000


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=5, help="passes through the table per library")
    repeats = parser.parse_args().repeats
    rows = load_rows()
    # One untimed pass each, so imports and caches are not counted as per-call time.
    resolve_accuracy = sum(resolve_correct(row) for row in rows) / len(rows)
    dateparser_accuracy = sum(dateparser_correct(row) for row in rows) / len(rows)
    # Cold: the resolver's per-wording caches are emptied before each call, so a repeat times the work
    # again rather than a cache hit.
    ours = median_microseconds(resolve_row, rows, repeats, reset=clear_caches)
    theirs = median_microseconds(dateparser_row, rows, repeats)
    table = [
        ["timeline.resolve", f"{ours:.1f}", f"{resolve_accuracy:.1%}"],
        ["dateparser.parse", f"{theirs:.1f}", f"{dateparser_accuracy:.1%}"],
    ]
    print(f"Resolver dev table: {len(rows)} expressions, {repeats} repeats, median of per-call times.\n")
    print(tabulate(table, headers=["library", "median µs per call", "accuracy"], tablefmt="github"))
    print(f"\nresolve is {theirs / ours:.1f}x faster than dateparser.parse.")
    print(f"\nScoring: {SCORING}")


if __name__ == "__main__":
    main()
