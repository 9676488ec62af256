"""Date accuracy on a folder of TimeML news documents (TimeBank, AQUAINT, ...), through the public API only.

    python benchmarks/timeml.py DIR [--peers FILE] [--min-resolve P] [--min-value-f1 F] [-v]

Two measures, for DATE expressions:

- `resolve` on each gold DATE span that names a concrete date (a day, month, year, quarter, ISO week,
  season or decade, with or without a time of day), given the document creation time (DCT) as the
  anchor and its sentence as context: the share whose TIMEX3 value equals the gold value. A time-of-day
  suffix ("1998-02-19TNI") is compared at the day.
- `tag` on the full text: relaxed precision, recall and F1 (a DATE mention found counts when it overlaps
  a gold expression; a gold DATE counts when a DATE mention overlaps it), and value F1 (the same, but a
  match counts only when the values agree).

With `--peers`, a JSON file of another tagger's answers on the same documents (file name -> mentions
with `span`, `type`, `value`, offsets into the TEXT element without its leading newlines) is scored the
same way, side by side: its "resolve" figure is the share of those gold spans overlapped by one of its
mentions with the gold value. With `-v`, the misses are listed grouped by the rule that fired. With
`--min-resolve` / `--min-value-f1`, the exit code is 1 when timeline scores below them, so CI can hold
a line. The corpus is read from DIR and never copied: its texts belong to their publishers.
"""

from __future__ import annotations

import argparse
import bisect
import html
import json
import re
import sys
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO_ROOT))

from tabulate import tabulate  # noqa: E402

import timeline  # noqa: E402  (after the path is set, so the checkout is measured)
from timeline.extract import split_sentences  # noqa: E402

# The gold values that name one calendar unit; "XXXX-..." and PRESENT_REF name none.
CONCRETE = re.compile(r"(?:\d{4}(?:-(?:\d\d(?:-\d\d(?:T.*)?)?|Q[1-4]|W\d\d|SP|SU|FA|WI))?|\d{3})")
_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTRIBUTE = re.compile(r'(\w+)="([^"]*)"')
_DIGITS = re.compile(r"\d")
_WEEKDAY = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)\b")


@dataclass(frozen=True)
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass(frozen=True)
class Document:
    name: str
    dct: date
    text: str
    gold: tuple[Timex, ...]


def read_timeml(path: Path) -> Document:
    """The DCT, the TEXT element as plain text (tags dropped, entities decoded, leading newlines cut)
    and its TIMEX3 elements with offsets into that text."""
    source = path.read_text(encoding="utf-8")
    dct_tag = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", source)
    if dct_tag is None:
        raise SystemExit(f"error: {path}: no DCT")
    dct = date.fromisoformat(dict(_ATTRIBUTE.findall(dct_tag[1]))["value"][:10])
    if "<TEXT>" not in source or "</TEXT>" not in source:
        raise SystemExit(f"error: {path}: no TEXT element")
    body = source[source.index("<TEXT>") + len("<TEXT>"):source.index("</TEXT>")]
    pieces, length, position, gold, opened = [], 0, 0, [], None
    for tag in _TAG.finditer(body):
        piece = html.unescape(body[position:tag.start()])
        pieces.append(piece)
        length += len(piece)
        position = tag.end()
        if tag[2] != "TIMEX3":
            continue
        if tag[1]:
            gold.append((opened, length))
        else:
            opened = (dict(_ATTRIBUTE.findall(tag[3])), length)
    pieces.append(html.unescape(body[position:]))
    text = "".join(pieces)
    lead = len(text) - len(text.lstrip("\n"))
    text = text[lead:]
    timexes = tuple(
        Timex(start - lead, end - lead, attributes.get("type", ""), attributes.get("value", ""),
              text[start - lead:end - lead])
        for (attributes, start), end in gold)
    return Document(path.name, dct, text, timexes)


_ONE_DIGIT_WEEK = re.compile(r"^(\d{4}-W)(\d)\b")


def at_day(value: str | None) -> str | None:
    """A value as it is compared: with a time of day, at its day ("1998-02-19TNI" -> "1998-02-19"); an ISO
    week with the two digits ISO 8601 writes it with, as some gold values do not ("2000-W6" is "2000-W06",
    the same week)."""
    if value and re.match(r"\d{4}-\d\d-\d\dT", value):
        return value[:10]
    return _ONE_DIGIT_WEEK.sub(r"\g<1>0\2", value) if value else value


def overlaps(a, b) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def rule_class(rule: str) -> str:
    """A resolution's rule line without its expression, dates and weekdays: the class of rule that fired."""
    how = rule.split(": ", 1)[-1].rsplit(" -> ", 1)[0]
    return _WEEKDAY.sub("Day", _DIGITS.sub("9", how))


# -- resolve on the gold spans ---------------------------------------------------------------------


def concrete_dates(doc: Document) -> list[Timex]:
    return [t for t in doc.gold if t.type == "DATE" and CONCRETE.fullmatch(t.value)]


def sentence_of(doc: Document, sentences: list[tuple[int, int]], starts: list[int], timex: Timex) -> str:
    index = max(bisect.bisect_right(starts, timex.start) - 1, 0)
    start, end = sentences[index]
    return doc.text[min(start, timex.start):max(end, timex.end)]


def score_resolve(docs: list[Document], misses: dict) -> tuple[int, int]:
    right = total = 0
    for doc in docs:
        sentences = split_sentences(doc.text)
        starts = [s for s, _ in sentences]
        for timex in concrete_dates(doc):
            total += 1
            context = sentence_of(doc, sentences, starts, timex)
            try:
                found = timeline.resolve(timex.text, doc.dct, context)
            except timeline.UnresolvedDate as exc:
                misses["unresolved: " + rule_class(str(exc).split(": ", 1)[-1])].append(
                    (doc.name, timex.text, timex.value, None, context))
                continue
            if at_day(found.timex) == at_day(timex.value):
                right += 1
            else:
                misses[rule_class(found.rule)].append((doc.name, timex.text, timex.value, found.timex, context))
    return right, total


def score_peer_resolve(docs: list[Document], peers: dict) -> tuple[int, int]:
    right = total = 0
    for doc in docs:
        theirs = peers.get(doc.name, [])
        for timex in concrete_dates(doc):
            total += 1
            span = (timex.start, timex.end)
            right += any(overlaps(m["span"], span) and at_day(m["value"]) == at_day(timex.value) for m in theirs)
    return right, total


# -- tag on the full text --------------------------------------------------------------------------


@dataclass
class Counts:
    found: int = 0
    found_overlapping: int = 0
    found_valued: int = 0
    gold: int = 0
    gold_overlapped: int = 0
    gold_valued: int = 0

    def add(self, found: list[tuple[int, int, str | None]], doc: Document) -> None:
        """`found`: the DATE mentions of one document as (start, end, value)."""
        every_gold = [(t.start, t.end, at_day(t.value)) for t in doc.gold]
        dates = [(t.start, t.end, at_day(t.value)) for t in doc.gold if t.type == "DATE"]
        self.found += len(found)
        self.gold += len(dates)
        for mention in found:
            hit = [g for g in every_gold if overlaps(mention, g)]
            self.found_overlapping += bool(hit)
            self.found_valued += any(g[2] == mention[2] for g in hit if g in dates)
        for gold in dates:
            hit = [m for m in found if overlaps(m, gold)]
            self.gold_overlapped += bool(hit)
            self.gold_valued += any(m[2] == gold[2] for m in hit)

    @staticmethod
    def _f1(right_found: int, found: int, right_gold: int, gold: int) -> tuple[float, float, float]:
        p = right_found / found if found else 0.0
        r = right_gold / gold if gold else 0.0
        return p, r, (2 * p * r / (p + r) if p + r else 0.0)

    @property
    def relaxed(self) -> tuple[float, float, float]:
        return self._f1(self.found_overlapping, self.found, self.gold_overlapped, self.gold)

    @property
    def value(self) -> tuple[float, float, float]:
        return self._f1(self.found_valued, self.found, self.gold_valued, self.gold)


def score_tag(docs: list[Document], misses: dict) -> Counts:
    counts = Counts()
    for doc in docs:
        mentions = [m for m in timeline.tag(doc.text, doc.dct) if m.kind == "date"]
        found = [(m.start, m.end, at_day(m.resolution.timex) if m.resolution else None) for m in mentions]
        counts.add(found, doc)
        for timex in doc.gold:
            if timex.type != "DATE":
                continue
            span = (timex.start, timex.end)
            hit = [m for m in mentions if overlaps((m.start, m.end), span)]
            if not hit:
                misses["not found"].append((doc.name, timex.text, timex.value, None, ""))
            elif not any(m.resolution and at_day(m.resolution.timex) == at_day(timex.value) for m in hit):
                m = hit[0]
                key = rule_class(m.resolution.rule) if m.resolution else "no value"
                misses[key].append((doc.name, timex.text, timex.value,
                                    (m.text, m.resolution.timex if m.resolution else None), ""))
        for m in mentions:
            if not any(overlaps((m.start, m.end), (t.start, t.end)) for t in doc.gold):
                misses["spurious"].append((doc.name, m.text, None, m.resolution.timex if m.resolution else None, ""))
    return counts


def score_peer_tag(docs: list[Document], peers: dict) -> Counts:
    counts = Counts()
    for doc in docs:
        found = [(m["span"][0], m["span"][1], at_day(m["value"])) for m in peers.get(doc.name, [])
                 if m["type"] == "DATE"]
        counts.add(found, doc)
    return counts


# -- the report ------------------------------------------------------------------------------------


def print_misses(title: str, misses: dict) -> None:
    print(f"\n## {title}: {sum(map(len, misses.values()))} misses by rule\n")
    for key, rows in sorted(misses.items(), key=lambda item: -len(item[1])):
        print(f"### {len(rows)}  {key}")
        for name, text, gold, got, context in rows:
            print(f"  {name}  {text!r}  gold={gold}  got={got}")
            if context:
                print(f"      | {' '.join(context.split())[:200]}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path, metavar="DIR", help="a folder of TimeML (.tml) files")
    parser.add_argument("--peers", type=Path, metavar="FILE", help="another tagger's answers (JSON)")
    parser.add_argument("--min-resolve", type=float, metavar="P", help="fail below this resolve accuracy (%%)")
    parser.add_argument("--min-value-f1", type=float, metavar="F", help="fail below this DATE value F1")
    parser.add_argument("-v", "--verbose", action="store_true", help="list the misses grouped by rule")
    args = parser.parse_args()
    paths = sorted(args.folder.glob("*.tml"))
    if not paths:
        print(f"error: no .tml files in {args.folder}", file=sys.stderr)
        return 1
    peers = None
    if args.peers:
        try:
            peers = json.loads(args.peers.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            print(f"error: {args.peers}: cannot read the peer answers ({exc.__class__.__name__}: {exc})",
                  file=sys.stderr)
            return 1
        if not isinstance(peers, dict):
            print(f"error: {args.peers}: expected an object of document name -> mentions", file=sys.stderr)
            return 1
    try:
        docs = [read_timeml(path) for path in paths]
    except (OSError, UnicodeDecodeError, ValueError, KeyError) as exc:  # unreadable, or a DCT with no date
        print(f"error: {args.folder}: a file is not TimeML this reads ({exc.__class__.__name__}: {exc})",
              file=sys.stderr)
        return 1
    resolve_misses: dict = defaultdict(list)
    tag_misses: dict = defaultdict(list)
    right, total = score_resolve(docs, resolve_misses)
    if total == 0:
        print(f"error: {args.folder}: no gold DATE expression names a concrete date, so there is nothing to score",
              file=sys.stderr)
        return 1
    counts = score_tag(docs, tag_misses)
    columns = [("timeline", right / total, counts)]
    if peers is not None:
        peer_right, _ = score_peer_resolve(docs, peers)
        columns.append((args.peers.stem, peer_right / total, score_peer_tag(docs, peers)))

    dates = sum(1 for doc in docs for t in doc.gold if t.type == "DATE")
    print(f"{len(docs)} documents, {dates} gold DATE expressions, {total} of them naming a concrete date.\n")
    rows = [
        [f"`resolve` on the {total} concrete gold DATE values (gold span, DCT, sentence)",
         *(f"{accuracy:.1%}" for _, accuracy, _ in columns)],
        ["`tag`, DATE relaxed precision / recall", *(f"{c.relaxed[0]:.1%} / {c.relaxed[1]:.1%}" for *_, c in columns)],
        ["`tag`, DATE relaxed F1", *(f"{100 * c.relaxed[2]:.1f}" for *_, c in columns)],
        ["`tag`, DATE value precision / recall", *(f"{c.value[0]:.1%} / {c.value[1]:.1%}" for *_, c in columns)],
        ["`tag`, DATE value F1", *(f"{100 * c.value[2]:.1f}" for *_, c in columns)],
    ]
    print(tabulate(rows, headers=["measure", *(name for name, *_ in columns)], tablefmt="github"))
    if args.verbose:
        print_misses("resolve", resolve_misses)
        print_misses("tag", tag_misses)
        print("\nmisses by rule:", dict(Counter({k: len(v) for k, v in resolve_misses.items()}).most_common(10)))

    failed = []
    if args.min_resolve is not None and 100 * right / total < args.min_resolve:
        failed.append(f"resolve {right / total:.1%} < {args.min_resolve}%")
    if args.min_value_f1 is not None and 100 * counts.value[2] < args.min_value_f1:
        failed.append(f"value F1 {100 * counts.value[2]:.1f} < {args.min_value_f1}")
    if failed:
        print("\nbelow the line: " + "; ".join(failed), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
