"""Date accuracy of `tag` on news of our own: articles written for the purpose and annotated by hand.

    python benchmarks/news.py [SET.json ...] [-v]

Each set in benchmarks/news/ holds 25 articles, each with its publication date, and the TIMEX3 value of
every date expression in them, written by hand before the tagger was ever run on those articles (the
conventions are TimeML's: "last week" is the ISO week before the publication's, a weekday the nearest
one in the direction of its sentence's tense, "recently" PAST_REF; lengths and sets are not annotated).
They are the check that the rules hold on news the TimeML corpora do not hold. A set stops being unseen
once errors found on it are fixed: the README says which figures were first measured on which code.

For DATE expressions (a gold span typed TIME, a day with its part, is left out with the mentions that
overlap only such spans), as benchmarks/timeml.py counts them: relaxed precision, recall and F1 (a DATE
mention counts when it overlaps a gold span, a gold span when a DATE mention overlaps it), and value F1
(the values must agree, compared at the day). With `-v`, each disagreement is listed.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from tabulate import tabulate  # noqa: E402

import timeline  # noqa: E402  (after the path is set, so the checkout is measured)

sys.path.insert(0, str(REPO_ROOT / "benchmarks"))
from timeml import at_day  # noqa: E402  (values compared as benchmarks/timeml.py compares them)

SETS = REPO_ROOT / "benchmarks" / "news"


@dataclass(frozen=True)
class Span:
    article: str  # the set's name and the article's number: "courts/3"
    start: int
    end: int
    text: str
    value: str | None
    rule: str = ""


def overlaps(a: Span, b: Span) -> bool:
    return a.article == b.article and a.start < b.end and b.start < a.end


def read_set(path: Path) -> tuple[str, list[dict], list[Span], list[Span]]:
    """The set's description, its articles, its gold DATE spans and its gold TIME spans."""
    data = json.loads(path.read_text(encoding="utf-8"))
    spans = [(g.get("type", "DATE"), Span(f"{path.stem}/{g['article']}", g["start"], g["end"], g["text"], g["value"]))
             for g in data["gold"]]
    return (data["about"], data["articles"], [span for kind, span in spans if kind == "DATE"],
            [span for kind, span in spans if kind == "TIME"])


def tagged(name: str, articles: list[dict], times: list[Span]) -> list[Span]:
    """The DATE mentions `tag` finds, but those overlapping only a gold TIME span."""
    found = []
    for article in articles:
        for m in timeline.tag(article["text"], date.fromisoformat(article["published"])):
            if m.kind != "date":
                continue
            r = m.resolution
            found.append(Span(f"{name}/{article['article']}", m.start, m.end, m.text, r.timex if r else None,
                              r.rule if r else ""))
    return [m for m in found if not any(overlaps(m, t) for t in times)]


def score(gold: list[Span], found: list[Span]) -> dict[str, float | int]:
    """Relaxed and value precision, recall and F1 of `found` against `gold`."""
    def f1(p: float, r: float) -> float:
        return 2 * p * r / (p + r) if p + r else 0.0

    found_over = sum(any(overlaps(m, g) for g in gold) for m in found)
    found_right = sum(any(overlaps(m, g) and at_day(m.value) == at_day(g.value) for g in gold) for m in found)
    gold_over = sum(any(overlaps(g, m) for m in found) for g in gold)
    gold_right = sum(any(overlaps(g, m) and at_day(m.value) == at_day(g.value) for m in found) for g in gold)
    p, r = found_over / len(found) if found else 0.0, gold_over / len(gold) if gold else 0.0
    vp, vr = found_right / len(found) if found else 0.0, gold_right / len(gold) if gold else 0.0
    return {"gold": len(gold), "found": len(found), "p": p, "r": r, "f1": f1(p, r),
            "vp": vp, "vr": vr, "vf1": f1(vp, vr), "right": gold_right}


def disagreements(gold: list[Span], found: list[Span]) -> list[str]:
    lines = []
    for g in gold:
        hit = [m for m in found if overlaps(g, m)]
        if not hit:
            lines.append(f"  [{g.article}] missed {g.text!r} (gold {g.value})")
        elif not any(at_day(m.value) == at_day(g.value) for m in hit):
            lines.append(f"  [{g.article}] {g.text!r}: gold {g.value}, found "
                         + "; ".join(f"{m.text!r} {m.value} ({m.rule})" for m in hit))
    for m in found:
        if not any(overlaps(m, g) for g in gold):
            lines.append(f"  [{m.article}] no gold for {m.text!r} {m.value} ({m.rule})")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", type=Path, help="set files (default: all in benchmarks/news/)")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every disagreement")
    args = parser.parse_args()
    paths = args.sets or sorted(SETS.glob("*.json"))
    if not paths:
        print(f"error: no set files in {SETS}", file=sys.stderr)
        return 1
    rows, total_gold, total_found, details = [], [], [], []
    for path in paths:
        try:
            about, articles, gold, times = read_set(path)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            print(f"error: {path}: not a set of annotated articles ({exc})", file=sys.stderr)
            return 1
        found = tagged(path.stem, articles, times)
        total_gold += gold
        total_found += found
        s = score(gold, found)
        rows.append([path.stem, about, len(articles), s["gold"], f"{100 * s['f1']:.1f}",
                     f"{100 * s['vp']:.1f} / {100 * s['vr']:.1f}", f"{100 * s['vf1']:.1f}"])
        if args.verbose:
            details.append((path.stem, disagreements(gold, found)))
    s = score(total_gold, total_found)
    rows.append(["all", "", sum(r[2] for r in rows), s["gold"], f"{100 * s['f1']:.1f}",
                 f"{100 * s['vp']:.1f} / {100 * s['vr']:.1f}", f"{100 * s['vf1']:.1f}"])
    print(tabulate(rows, headers=["set", "news", "articles", "gold DATEs", "relaxed F1", "value P / R",
                                  "value F1"], tablefmt="github", disable_numparse=True))
    for name, lines in details:
        print(f"\n## {name}: {len(lines)} disagreements")
        print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
