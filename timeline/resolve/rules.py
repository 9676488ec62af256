"""What each rule means: one handler per rule name, turning a match into dates and a line saying how.

Handlers read only the named groups of their match and the word tables of the language module, so
another language needs another table of rules, not other handlers. A handler returns (resolution, how
it was reached), or None to let the later rules try; the engine wants exactly one handler per rule.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Callable

from ..dates import TOO_COARSE_TO_COUNT, Resolution, add_months, month_end
from ..errors import UnresolvedDate
from ..patterns import Lazy
from . import en, timex
from .calendars import (
    DAY, calendar_day, canonical, cover, half, hijri_date, hijri_days, hijri_months, holidays, moved, narrow,
    nth_weekday, offset, shift, unit_of, weekend,
)

if TYPE_CHECKING:  # the engine hands each handler its Query; rules never import the engine
    from .engine import Query

_Found = "tuple[Resolution, str] | None"


@dataclass(frozen=True)
class Handler:
    """A rule's meaning: the function reading a match, and whether it counts from another event."""

    read: Callable[[re.Match, Query], _Found]
    reference: bool


HANDLERS: dict[str, Handler] = {}


def handler(name: str, *, reference: bool = False) -> Callable:
    """Register the function below as the meaning of the rule `name` of the language tables."""

    def register(read: Callable[[re.Match, Query], _Found]) -> Callable[[re.Match, Query], _Found]:
        if name in HANDLERS:
            raise ValueError(f"two handlers for the rule {name!r}")
        HANDLERS[name] = Handler(read, reference)
        return read

    return register


# -- reading the words ---------------------------------------------------------------------------------

# Rule lines are written in English whatever the language of the expression.
_WEEKDAY_TITLES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DIGIT_ORDINAL = Lazy(rf"(\d+){en.ORDINAL_SUFFIX}?")
_WHOLE_UNIT = Lazy(en.WHOLE_UNIT[0])
_REACHES_BACK = Lazy(en.REACHES_BACK)
_MODAL = Lazy(r"\b(?:will|would|could|can|may|might|should|must|shall)\b")


def _day(d: date) -> str:
    return f"{_WEEKDAY_TITLES[d.weekday()][:3]} {d.isoformat()}"


def _counted(unit: str, steps: int, anchor: date) -> str:
    """How a unit counted from the anchor's reads: "the week before that of Mon 2024-12-09"."""
    if steps == 0:
        return f"the {unit} of {_day(anchor)}"
    side = "before" if steps < 0 else "after"
    count = f"{abs(steps)} {unit}s" if abs(steps) > 1 else f"the {unit}"
    return f"{count} {side} that of {_day(anchor)}"


def _step(word: str | None) -> int | None:
    """How many units a relative word ("last", "this", "next") moves from the anchor's; None for no word."""
    return None if word is None else en.STEPS[word]


def _unit(word: str) -> str:
    """The calendar unit a word names; a part of a day counts as its day."""
    return en.DAY_PART_UNITS.get(word) or en.UNITS[word]


def _count(text: str) -> int:
    if text.isdigit():
        return int(text)
    total = 0
    for word in text.split():
        if word in en.MULTIPLIER_WORDS:
            total = (total or 1) * en.NUMBER_WORDS[word]
        elif word not in en.NUMBER_JOINERS:
            total += en.NUMBER_WORDS[word]
    return total


def _counts(text: str | None, plural: bool) -> tuple[int, int, bool]:
    """(low, high, vague) for a count; no count means one unit, or several when the unit is plural."""
    if text is None:
        return (*en.VAGUE_COUNTS[en.PLURAL_COUNT], True) if plural else (1, 1, False)
    if text in en.VAGUE_COUNTS:
        return (*en.VAGUE_COUNTS[text], True)
    n = _count(text)
    return n, n, False


def _ordinal(text: str) -> int:
    """The number an ordinal names: "22nd", "3", "third", "twenty first"."""
    if digits := _DIGIT_ORDINAL.fullmatch(text):
        return int(digits[1])
    *tens, last = text.split()
    return sum(en.NUMBER_WORDS[w] for w in tens) + en.ORDINAL_WORDS[last]


def _year_of(text: str, anchor: date) -> int:
    if text in en.RELATIVE_YEARS:
        return anchor.year + en.RELATIVE_YEARS[text]
    if text.startswith("'"):
        # "Oct. 19, '87": the year of that ending nearest the anchor, at most ten years ahead of it.
        start = anchor.year + 10 - 99
        return start + (int(text[1:]) - start) % 100
    return int(text)


def _whole_unit_words(text: str) -> str:
    """Inside "the end of the year" or "the first half of the year", "the year" is the anchor's."""
    return _WHOLE_UNIT.sub(en.WHOLE_UNIT[1], text)


# A yearless date goes the way the tense points unless the other occurrence is this many times nearer:
# a report in the past tense of a plan, a deadline or a payment ("the dividend is payable Dec. 15",
# "agreed to sell the unit in January") names a date weeks ahead, not ten months back, and one that
# "would" bring aid to the victims of "the Aug. 4 floods" means the floods of twelve days ago. A date
# inside a noun phrase ("the Oct. 23 slaying") is the noun's, and one after an infinitive of intent
# ("agreed to sell it in January") the intended action's, so the verb decides less firmly there; the
# future for certain ("will vote on February 2", "the trial resumes Jan. 5") is never turned back.
_NEARER = 5
_NEARER_LOOSELY = 2
_NEARER_EVEN = 1  # an intent ("agreed to resume talks in March") is for the nearer date, either side


def _instance(make: Callable[[int], Resolution | None] | list[Resolution], q: Query,
              step: int | None) -> tuple[Resolution, str]:
    """The occurrence of a yearly thing (a month, a season, "November 22", a feast) that the words point to.

    `make` gives the occurrence in a calendar year, or is the list of occurrences near the anchor in
    order. Back (`last`): the latest one over before the anchor; forward (`next`): the first one begun
    after it; none (`this`): the one containing the anchor, else the one in its year, else as without a
    word; no word: the one containing the anchor, else the latest begun before it (past) or the first
    begun after it (future), unless the other is much nearer (see _NEARER).
    """
    a = q.anchor
    if isinstance(make, list):
        found = make
    else:  # the years around the anchor, and only when they hold none either way, the decade around it
        found = [r for year in range(a.year - 2, a.year + 3) if (r := make(year)) is not None]
        if not found or found[0].earliest > a or found[-1].earliest <= a:
            found = [r for year in range(a.year - 10, a.year + 11) if (r := make(year)) is not None]
    back = [r for r in found if r.earliest <= a]
    forth = [r for r in found if r.earliest > a]
    containing = back[-1] if back and back[-1].latest >= a else None
    if step == 0:
        if containing is not None:
            return containing, f"the one containing {_day(a)}"
        # "this summer" said in March is the summer of the anchor's year, whatever the tense; "this
        # winter" said in March is the one just over, which ran into the anchor's year, not next December's.
        if this_year := [r for r in found if r.earliest.year <= a.year <= r.latest.year]:
            nearest = min(this_year, key=lambda r: (r.earliest - a).days if r.earliest > a else (a - r.latest).days)
            return nearest, f"the nearest one in {a.year}" if len(this_year) > 1 else f"the one in {a.year}"
    if (step or 0) < 0:
        over = [r for r in back if r.latest < a]
        return _found(over[-1] if over else None, q, f"the latest over before {_day(a)}")
    if (step or 0) > 0:
        return _found(forth[0] if forth else None, q, f"the first begun after {_day(a)}")
    if containing is not None:
        return containing, f"the one containing {_day(a)}"
    # What has lasted "since" a date began after it, however near the next one is.
    if back and _since(q):
        return back[-1], f"the latest begun by {_day(a)} (\"since\" looks back)"
    if not back or not forth:
        return _found((back[-1:] or forth[:1] or [None])[0], q, f"the only one within ten years of {_day(a)}")
    behind, ahead = (a - back[-1].latest).days, (forth[0].earliest - a).days
    if q.sentence.names_a_past_event:
        # "The Jan. 12 earthquake", "Friday's bombing": an event no one foretells the day of has happened.
        return back[-1], f"the latest begun by {_day(a)} (the day of an event that has happened)"
    # A report on a month or quarter ("will release February's jobs report") comes after it: the
    # nearer one just over, not next year's, whatever the tense.
    if behind < min(ahead, _REPORTED_WITHIN) and found[0].precision in ("month", "quarter") and q.sentence.reported_on:
        return back[-1], f"the latest begun by {_day(a)}, the nearer (a report on it comes after it)"
    if q.sentence.possessive and q.future and _PREPOSITION_BEFORE.search(q.before):
        # "Is to convene on Tuesday following April's elections": a date that owns a noun is the noun's,
        # which the main verb's future does not move: the nearer one.
        return _nearer(back[-1], behind, forth[0], ahead, f"the nearer to {_day(a)}", "the date of the noun it owns")
    if q.cue == "plan" and q.told_in_past:
        # A plan told in the past tense ("the vote had been planned for June, but was postponed") points
        # ahead from when it was made, which may be either side of the report: the nearer is meant.
        return _nearer(back[-1], behind, forth[0], ahead, f"the nearer to {_day(a)}",
                       "words pointing ahead, told in the past tense")
    if q.sentence.premodifier and q.sentence.owns_a_level:
        # "Down 16 percent from its April high": a level reached is in the past, however near the next.
        return back[-1], f"the latest begun by {_day(a)} (a level it reached)"
    if q.future and found[0].precision != "day" and _CHANGED_FROM.search(q.before):
        # "Profits will fall sharply from the second quarter": what a change is measured from is behind it.
        return back[-1], f"the latest begun by {_day(a)} (the base a change is measured from)"
    if q.cue == "open" and _YEAR_END.search(q.expression) and _DEADLINE_BEFORE.search(q.before):
        # "Expect the rate, which stood at 5.3% in November, to rise to 5.8% by year-end", told on January 2:
        # a year-end deadline of an intent is the coming one, not the one two days back.
        return forth[0], f"the first begun after {_day(a)} (a deadline, words of intent)"
    nearer = _NEARER_EVEN if q.cue == "open" else _NEARER_LOOSELY if q.sentence.premodifier else _NEARER
    if q.future and (q.cue == "firm" and not q.sentence.premodifier or behind * nearer >= ahead):
        return forth[0], f"the first begun after {_day(a)} ({q.direction})"
    if not q.future and q.sentence.subject_of_past:
        return back[-1], f"the latest begun by {_day(a)} (a past verb tells of it)"
    if not q.future and q.sentence.governed_by_past:
        return back[-1], f"the latest begun by {_day(a)} (a past verb governs it)"
    if not q.future and q.sentence.opens_past:
        return back[-1], f"the latest begun by {_day(a)} (it opens a sentence told in the past)"
    if not q.future and ahead * nearer >= behind:
        return back[-1], f"the latest begun by {_day(a)} ({q.direction})"
    if q.future and (found[0].precision != "day" or _YEAR_END.search(q.expression)) and (
            _DEADLINE_BEFORE.search(q.before)):
        # "Could return to normal by the autumn": a deadline told as ahead is ahead, however near the last
        # (a day just past may be the report's own date a day late, "by Jan. 14" on Jan. 15; not year-end).
        return forth[0], f"the first begun after {_day(a)} (a deadline, {q.direction})"
    chosen, side = (back[-1], f"{behind} days back") if q.future else (forth[0], f"{ahead} days ahead")
    if nearer == _NEARER_EVEN:
        return chosen, f"the nearer to {_day(a)}, {side} ({q.direction})"
    return chosen, f"the nearest to {_day(a)}, {side}, more than {nearer} times nearer than the other ({q.direction})"


def _nearer(back: Resolution, behind: int, forth: Resolution, ahead: int, what: str, why: str) -> _Found:
    """Of the latest occurrence `behind` days back and the first `ahead` days ahead, the nearer (the
    one back on a tie), with the rule text saying which side and why."""
    if behind <= ahead:
        return back, f"{what}, {behind} days back ({why})"
    return forth, f"{what}, {ahead} days ahead ({why})"


def _since(q: Query) -> bool:
    """True for a date after "since" ("since March", "prices have risen since the end of May"), or one
    that "since then" counts from ("opened a front on Oct. 8, and 600 have been killed since then")."""
    if q.preposition == "since" or _SINCE.search(q.before) is not None:
        return True
    at = q.sentence.at
    return at >= 0 and _SINCE_THEN.match(q.context, at + len(q.expression)) is not None


def _found(found: Resolution | None, q: Query, how: str) -> tuple[Resolution, str]:
    if found is None:
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: no such date within ten years of {q.anchor}")
    return found, how


# -- days named from the anchor --------------------------------------------------------------------------


@handler("deictic")
def _deictic(m: re.Match, q: Query) -> _Found:
    offset_days = en.DEICTIC_DAYS[m["word"]]
    if offset_days == 0:
        return Resolution.day(q.anchor), f"the anchor {_day(q.anchor)}"
    side = "before" if offset_days < 0 else "after"
    return Resolution.day(q.anchor + timedelta(offset_days)), f"{abs(offset_days)} day(s) {side} {_day(q.anchor)}"


@handler("overnight")
def _overnight(m: re.Match, q: Query) -> _Found:
    """ "Struck overnight": the night before the anchor, from its evening into the anchor's morning
    (TimeML's value names the evening's day with TNI); told as ahead, the anchor's coming night."""
    evening = q.anchor if q.future else q.anchor - DAY
    found = Resolution.span(evening, evening + DAY, timex=f"{evening.isoformat()}TNI")
    return found, f"the night from {_day(evening)} into the next morning ({q.direction})"


@handler("holiday_weekend")
def _holiday_weekend(m: re.Match, q: Query) -> _Found:
    """ "Labor Day weekend": the feast day and the weekend it joins, Saturday to a Monday holiday,
    Thanksgiving to the Sunday after; a feast on a weekend is that weekend."""
    day, how = q.read(m["rest"])
    if day.precision != "day":
        return None
    d = day.earliest
    saturday = d - timedelta(days=(d.weekday() - 5) % 7) if d.weekday() in (0, 1, 5, 6) else (
        d + timedelta(days=5 - d.weekday()))
    first, last = min(d, saturday), max(d, saturday + DAY)
    return Resolution.span(first, last, timex=timex.weekend(saturday)), f"the weekend it joins ({how})"


@handler("midweek")
def _midweek(m: re.Match, q: Query) -> _Found:
    """ "Dry weather through midweek": Tuesday to Thursday of the anchor's week, or of the next week when
    told as ahead after this week's has passed."""
    a = q.anchor
    tuesday = a - timedelta(days=a.weekday() - 1)
    if q.future and a > tuesday + DAY:
        tuesday += 7 * DAY
    found = Resolution.span(tuesday, tuesday + 2 * DAY, timex=unit_of(tuesday, "week").timex, mod="MID")
    return found, f"Tuesday to Thursday of the week of {_day(tuesday)} ({q.direction})"


@handler("year_to_date")
def _year_to_date(m: re.Match, q: Query) -> _Found:
    """ "Down 25 percent year to date": the anchor's year up to the anchor."""
    a = q.anchor
    return Resolution.span(date(a.year, 1, 1), a, timex=str(a.year)), f"the part of {a.year} up to {_day(a)}"


@handler("present")
def _present(m: re.Match, q: Query) -> _Found:
    return Resolution.day(q.anchor, timex=timex.PRESENT_REF), f"the present: the anchor {_day(q.anchor)}"


@handler("past_or_future")
def _past_or_future(m: re.Match, q: Query) -> _Found:
    """ "Recently", "the past", "at the time" / "the future", "soon": some time before / after the anchor,
    with no nearer bound (TimeML's PAST_REF and FUTURE_REF)."""
    a = q.anchor
    if m.groupdict().get("past"):
        return Resolution.span(date.min, a - DAY, timex=timex.PAST_REF), f"some time before {_day(a)}"
    return Resolution.span(a + DAY, date.max, timex=timex.FUTURE_REF), f"some time after {_day(a)}"


# The units of the anchor a part may be of ("the end of the year"): told in the past, a part still ahead
# of the anchor is of the one before. (Weeks are not moved by months: "the end of the week" stays.)
_ANCHOR_UNITS = {"the year": "year", "the month": "month"}


def _whole_told_of(whole: Resolution, rest: str, part: Callable[[Resolution], tuple[date, date]],
                   how: str, q: Query) -> tuple[Resolution, str]:
    """The unit a part of it ("the end of", "the final week of") is told of: `whole`, the anchor's year or
    month, or the one before when the part is still ahead of the anchor, told in the past, and the one
    before's part is nearer (said on January 3, not in August, when "agreed to hold talks before the end
    of the year" is this year's), and not as a deadline ("get it done by the end of the month")."""
    if rest not in _ANCHOR_UNITS or whole.precision != _ANCHOR_UNITS[rest] or q.cue != "past":
        return whole, how
    ahead = part(whole)[0]
    if ahead <= q.anchor or _DEADLINE_BEFORE.search(q.before):
        return whole, how
    before = moved(whole, whole.precision, -1)
    if (q.anchor - part(before)[1]).days < (ahead - q.anchor).days:
        return before, f"{how}; told in the past, the one before"
    return whole, how


def _bounds(found: Resolution) -> tuple[date, date]:
    return found.earliest, found.latest


def _narrowed(whole: Resolution, how: str, third: int, mod: str, name: str) -> tuple[Resolution, str]:
    if whole.earliest == whole.latest:
        return whole, how
    return narrow(whole, third, mod), f"{name} third of {whole.label} ({how})"


@handler("part")
def _part(m: re.Match, q: Query) -> _Found:
    third, mod = en.PARTS[m["part"]]
    try:
        whole, how = q.read(_whole_unit_words(m["rest"]))
    except UnresolvedDate:
        return None  # "the late May bank holiday": no part of "May bank holiday"; a later rule may read it whole
    # "Stocks rallied at the end of the year", said on January 3: the year just over.
    whole, how = _whole_told_of(whole, m["rest"], lambda w: _bounds(_narrowed(w, how, third, mod, "")[0]), how, q)
    return _narrowed(whole, how, third, mod, m["part"])


def _earlier_later(side: str, unit: str, base: date, q: Query) -> _Found:
    whole = unit_of(base, unit)
    first, last = (whole.earliest, base - DAY) if en.DIRECTIONS[side] < 0 else (base + DAY, whole.latest)
    if last < first and unit == "week" and en.DIRECTIONS[side] > 0:
        # "Later this week" said on a Sunday: news counts the week from Sunday, so the coming days.
        return unit_of(base + DAY, "week"), f"the week after {_day(base)}, said on its last day"
    if last < first:  # said on the unit's first (or last) day: the words can only mean that day
        first = last = base
    return Resolution.span(first, last, timex=whole.timex), f"the part of {whole.label} {side} than {_day(base)}"


@handler("earlier_later_this")
def _earlier_later_this(m: re.Match, q: Query) -> _Found:
    return _earlier_later(m["side"], en.UNITS[m["unit"]], q.anchor, q)


@handler("earlier_later_this_season")
def _earlier_later_this_season(m: re.Match, q: Query) -> _Found:
    """ "Earlier this summer": the part of this summer before the anchor (after it for "later"); all of
    it when the anchor lies outside it ("earlier this summer" said in September)."""
    whole, how = q.read(f"this {m['season']}")
    a = q.anchor
    if not whole.earliest < a < whole.latest:
        return whole, how
    first, last = (whole.earliest, a - DAY) if en.DIRECTIONS[m["side"]] < 0 else (a + DAY, whole.latest)
    return Resolution.span(first, last, timex=whole.timex), f"the part of {whole.label} {m['side']} than {_day(a)}"


@handler("part_of_the_day")
def _part_of_the_day(m: re.Match, q: Query) -> _Found:
    """ "Later in the day": the day of the reference event, else the anchor's."""
    if q.after is not None and q.after.precision == "day":
        return q.after, "the day of the reference event"
    return Resolution.day(q.anchor), f"the anchor {_day(q.anchor)}"


@handler("earlier_later_day")
def _earlier_later_day(m: re.Match, q: Query) -> _Found:
    """ "Earlier Sunday", "later yesterday": a part of a day is that day."""
    try:
        whole, how = q.read(m["rest"])
    except UnresolvedDate:
        return None
    return (whole, how) if whole.precision == "day" else None


@handler("weekday_of_month")
def _weekday_of_month(m: re.Match, q: Query) -> _Found:
    """ "The last Saturday of June", "the second Tuesday in November": that weekday of the month."""
    month, how = q.read(m["rest"])
    weekday = en.WEEKDAY_NUMBERS[m["weekday"]]
    n = -1 if m["ord"] in en.LAST_ORDINALS else _ordinal(m["ord"])
    if month.precision == "range" and (month.latest - month.earliest).days < 31:
        # "The last Friday of Ramadan": that weekday of a month of another calendar, by its days.
        first = month.earliest + timedelta((weekday - month.earliest.weekday()) % 7)
        last = month.latest - timedelta((month.latest.weekday() - weekday) % 7)
        day = last if n < 0 else first + timedelta(weeks=n - 1)
        if not month.earliest <= day <= month.latest:
            raise UnresolvedDate(f"cannot resolve {q.expression!r}: {month.label} has no such {_WEEKDAY_TITLES[weekday]}")
        return Resolution.day(day), f"the {m['ord']} {_WEEKDAY_TITLES[weekday]} of {month.label} ({how})"
    if month.precision != "month":
        return None
    day = nth_weekday(month.earliest.year, month.earliest.month, weekday, n)
    if day.month != month.earliest.month:
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: {month.label} has no such {_WEEKDAY_TITLES[weekday]}")
    return Resolution.day(day), f"the {m['ord']} {_WEEKDAY_TITLES[weekday]} of {month.label} ({how})"


@handler("weekday_from_reference", reference=True)
def _weekday_from_reference(m: re.Match, q: Query) -> _Found:
    """ "The previous Friday": the Friday before the reference event; "the following Monday" after it."""
    after, weekday = _reference(q), en.WEEKDAY_NUMBERS[m["weekday"]]
    name = _WEEKDAY_TITLES[weekday]
    if en.DIRECTIONS[m["dir"]] < 0:
        day = after.earliest - timedelta((after.earliest.weekday() - weekday - 1) % 7 + 1)
        return Resolution.day(day), f"the {name} before the reference event ({after.label})"
    day = after.latest + timedelta((weekday - after.latest.weekday() - 1) % 7 + 1)
    return Resolution.day(day), f"the {name} after the reference event ({after.label})"


@handler("weekday_of_reference", reference=True)
def _weekday_of_reference(m: re.Match, q: Query) -> _Found:
    """ "That Friday": the Friday of the week of the day told before ("shot on Nov. 22, 1963 ... every
    second of that Friday" is that day)."""
    if q.after is None:
        return q.read(m["weekday"])  # told with no day before it: the weekday as the sentence reads it
    after, weekday = _reference(q), en.WEEKDAY_NUMBERS[m["weekday"]]
    if after.latest - after.earliest > timedelta(days=6):
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: {after.label} names no week to find it in")
    day = after.earliest + timedelta(weekday - after.earliest.weekday())
    return Resolution.day(day), f"the {_WEEKDAY_TITLES[weekday]} of the week of the reference event ({after.label})"


@handler("weekend_from_reference", reference=True)
def _weekend_from_reference(m: re.Match, q: Query) -> _Found:
    """ "The following weekend": the weekend after the reference event's days; "the previous weekend" the
    one before them."""
    after = _reference(q)
    if en.DIRECTIONS[m["dir"]] < 0:
        saturday = after.earliest - timedelta((after.earliest.weekday() - 5) % 7 or 7)
        return weekend(saturday), f"the weekend before the reference event ({after.label})"
    saturday = after.latest + timedelta((5 - after.latest.weekday()) % 7 or 7)
    return weekend(saturday), f"the weekend after the reference event ({after.label})"


@handler("weekend_of_reference", reference=True)
def _weekend_of_reference(m: re.Match, q: Query) -> _Found:
    """ "That weekend": the weekend of the day told before: that day's, if it is a Saturday or a Sunday;
    the one just before a Monday (the long weekend of a Monday holiday: "over Thanksgiving, and advance
    polls that weekend"); else the one after it, in its week."""
    after = _reference(q)
    if after.latest - after.earliest > timedelta(days=6):
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: {after.label} names no week to find it in")
    day = after.earliest
    saturday = day + timedelta((5 - day.weekday()) % 7) if day.weekday() not in (0, 6) else (
        day - timedelta(2 if day.weekday() == 0 else 1))
    return weekend(saturday), f"the weekend of the reference event ({after.label})"


@handler("after_before")
def _after_before(m: re.Match, q: Query) -> _Found:
    """ "Post-1959", "1994 or later", "1990 and beyond", "1980 or earlier": open on one side, valued
    (TIMEX3) as the date named with the modifier AFTER, ON_OR_AFTER, BEFORE or ON_OR_BEFORE."""
    try:
        whole, how = q.read(m["rest"])
    except UnresolvedDate:
        return None
    word = m["dir"]
    later = word in ("post", "later", "after", "beyond", "since")
    inclusive = word not in ("post", "pre")
    if later:
        first = whole.earliest if inclusive else whole.latest + DAY
        found = Resolution.span(first, date.max, mod="ON_OR_AFTER" if inclusive else "AFTER", timex=whole.timex)
        return found, f"{'from' if inclusive else 'after'} {whole.label} on ({how})"
    last = whole.latest if inclusive else whole.earliest - DAY
    found = Resolution.span(date.min, last, mod="ON_OR_BEFORE" if inclusive else "BEFORE", timex=whole.timex)
    return found, f"{'up to' if inclusive else 'before'} {whole.label} ({how})"


@handler("hours")
def _hours(m: re.Match, q: Query) -> _Found:
    """ "The past 24 hours", "within 48 hours", "the past hour", "the last few hours": the days the hours
    cover, the anchor's included (a vague count, at its most)."""
    low, hours, vague = _counts(m["count"], plural=True) if m["count"] else (1, 1, False)
    a, days = q.anchor, -(-hours // 24)
    if en.STEPS.get(m["rel"], en.DIRECTIONS.get(m["rel"], 1)) < 0:
        found, side = Resolution.span(a - timedelta(days), a), "up to"
    else:
        found, side = Resolution.span(a, a + timedelta(days)), "from"
    said = f"{low}..{hours}" if vague else str(hours)
    return replace(found, timex=timex.hours(None if vague else hours), approximate=vague), (
        f"the {said} hour(s) {side} {_day(a)}")


@handler("hours_ago")
def _hours_ago(m: re.Match, q: Query) -> _Found:
    """ "Two hours ago", "minutes ago", "48 hours ago": the day of the anchor's that many whole days back;
    the hour of writing is unknown, so hours short of a day stay on the anchor's day."""
    hours = _counts(m["count"], plural=m["unit"].endswith("s"))[1] if m["unit"].startswith("hour") else 0
    how = f"{m['count'] or 'some'} {m['unit']} before {_day(q.anchor)}: {hours // 24} whole day(s) back"
    return Resolution.day(q.anchor - timedelta(hours // 24)), how


@handler("day_range")
def _day_range(m: re.Match, q: Query) -> _Found:
    """ "March 5-7", "3-4 Oct.": the days of one month, the year chosen as for the first day."""
    month, first, last = en.MONTH_NUMBERS[m["month"]], int(m["first"]), int(m["last"])
    if not first < last:
        return None
    start, how = _dated(m["year"], month, first, None, q)
    end = calendar_day(start.earliest.year, month, last)
    if end is None:
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: that month has no day {last}")
    return Resolution.span(start.earliest, end.latest), f"days {first}-{last}: {how}"


@handler("earlier_later_that", reference=True)
def _earlier_later_that(m: re.Match, q: Query) -> _Found:
    unit, after = en.UNITS[m["unit"]], _reference(q)
    if unit == "day":
        return after, "the day of the reference event"
    base = after.earliest if en.DIRECTIONS[m["side"]] < 0 else after.latest
    return _earlier_later(m["side"], unit, base, q)


@handler("weekday")
def _weekday(m: re.Match, q: Query) -> _Found:
    a, weekday, step = q.anchor, en.WEEKDAY_NUMBERS[m["weekday"]], _step(m["rel"])
    name = _WEEKDAY_TITLES[weekday]
    if m["week"] or step == 0:
        weeks = en.STEPS[m["week"]] if m["week"] else 0
        day = a + timedelta(days=weekday - a.weekday(), weeks=weeks)
        return Resolution.day(day), f"the {name} of {_counted('ISO week', weeks, a)}"
    before = a - timedelta((a.weekday() - weekday - 1) % 7 + 1)
    following = a + timedelta((weekday - a.weekday() - 1) % 7 + 1)
    if (step or 0) < 0:
        return Resolution.day(before), f"the {name} before {_day(a)}"
    if (step or 0) > 0:
        return Resolution.day(following), f"the {name} after {_day(a)}"
    if a.weekday() == weekday:
        return Resolution.day(a), f"the anchor {_day(a)} is a {name}"
    nearer, side = (before, "before") if (a - before) < (following - a) else (following, "after")
    if q.sentence.names_a_past_event:
        # "Will investigate Friday's bombing": an event no one foretells the day of has happened.
        return Resolution.day(before), f"the {name} before {_day(a)} (the day of an event that has happened)"
    if q.cue == "plan" and q.told_in_past:
        # A plan told in the past tense ("a service planned for Saturday was cancelled") points ahead
        # from when it was made, which may be either side of the report: the nearer day is meant.
        how = f"the nearer {name}, {side} {_day(a)} (words pointing ahead, told in the past tense)"
        return Resolution.day(nearer), how
    if q.cue == "open":
        # "Agreed to resume talks on Friday", "prepared to cancel a trip on Sunday": an intent, made
        # before the report and carried out either side of it: the nearer day.
        return Resolution.day(nearer), f"the nearer {name}, {side} {_day(a)} (an infinitive of intent)"
    if q.cue == "would" and q.told_in_past and _TELLING_DAY.search(q.before):
        # "Had said Monday night that troops would reach the town by Tuesday": a future told on a past
        # day the sentence names, which may be either side of the report's: the nearer. (Told on no day
        # named, "said results would be announced on Monday" looks ahead from the report.)
        return Resolution.day(nearer), f"the nearer {name}, {side} {_day(a)} (a future told in the past)"
    if q.cue == "would" and q.sentence.possessive:
        # "Would look for ways around Wednesday's ruling": the day is the ruling's, and only a firm
        # future ("will") says it is still ahead.
        return Resolution.day(nearer), f"the nearer {name}, {side} {_day(a)} (the day of the noun it owns)"
    nearest, side = (following, "after") if q.future else (before, "before")
    return Resolution.day(nearest), f"the nearest {name} {side} {_day(a)} ({q.direction})"


@handler("weekday_week")
def _weekday_week(m: re.Match, q: Query) -> _Found:
    """ "Monday week", "a week on Monday": a week (a fortnight) after the coming Monday; "a week
    tomorrow" after tomorrow."""
    a, days = q.anchor, 7 if m["unit"] == "week" else 14
    if m.groupdict().get("deictic"):
        start, what = a + timedelta(en.DEICTIC_DAYS[m["deictic"]]), m["deictic"]
    else:
        weekday = en.WEEKDAY_NUMBERS[m["weekday"]]
        start = a + timedelta((weekday - a.weekday()) % 7)  # "Tuesday fortnight" said on a Tuesday: from today
        what = f"the coming {_WEEKDAY_TITLES[weekday]}"
    return Resolution.day(start + timedelta(days)), f"a {m['unit']} after {what} ({_day(start)})"


@handler("weekend")
def _weekend(m: re.Match, q: Query) -> _Found:
    a, step = q.anchor, _step(m["rel"])
    saturday = a + timedelta(5 - a.weekday())
    previous = saturday if saturday + DAY < a else saturday - timedelta(7)
    upcoming = saturday if saturday > a else saturday + timedelta(7)
    if (step or 0) < 0:
        return weekend(previous), f"the weekend before {_day(a)}"
    if (step or 0) > 0:
        return weekend(upcoming), f"the weekend after {_day(a)}"
    if a.weekday() >= 5:
        return weekend(a - timedelta(a.weekday() - 5)), f"the weekend of {_day(a)}"
    if step == 0 and m["rel"] == "the" and q.cue == "past":
        # "Talks stalled over the weekend", told in the past: the weekend just over.
        return weekend(previous), f"the weekend before {_day(a)} (past tense)"
    if step == 0 and not (a.weekday() == 0 and q.cue == "past"):
        # "This weekend" is the one of the anchor's week, ahead; only on a Monday may a past verb mean
        # the one just over ("the storms this weekend flooded ...").
        return weekend(upcoming), f"the weekend of the week of {_day(a)}"
    chosen = upcoming if q.future else previous
    return weekend(chosen), f"the nearest weekend to {_day(a)} ({q.direction})"


# -- units counted from the anchor -----------------------------------------------------------------------


def _anchor_unit(unit: str, steps: int, anchor: date) -> tuple[Resolution, str]:
    return unit_of(shift(anchor, unit, steps), unit), _counted(unit, steps, anchor)


@handler("calendar_unit")
def _calendar_unit(m: re.Match, q: Query) -> _Found:
    unit = en.UNITS[m["unit"]]
    # "The quarter" of a sentence reporting results, or telling of the quarter in the past tense, is the
    # quarter reported, the latest ended; not the anchor's, which has barely begun to be told.
    if unit == "week" and m["rel"] == "the" and (ended := _WEEK_ENDED.search(q.context)) is not None:
        try:
            day, how = q.read(ended["day"].replace(".", ""))
        except UnresolvedDate:
            day = None
        if day is not None and day.precision == "day":
            return unit_of(day.earliest, "week"), f"the week ending on {day.label} ({how})"
    if unit == "quarter" and m["rel"] == "the" and (ending := _QUARTER_ENDING.search(q.context)) is not None:
        return _quarter_ending(ending, None, q)
    if unit == "quarter" and m["rel"] == "the" and (reported := _report(q)) is not None:
        return reported
    if unit == "quarter" and m["rel"] == "the" and q.cue == "past":
        return _latest_quarter(q)
    if unit == "year" and m["rel"] == "the" and (told := _year_told_by_its_ends(q)) is not None:
        return told
    if unit == "year" and m["rel"] == "the" and _FOR_THE_YEAR.search(q.context) and _RESULTS.search(q.context):
        # "For the year, net income was a record": the year of the results reported, which in January is
        # the one just over (its last quarter the latest ended).
        latest, how = _latest_quarter(q)
        return Resolution.year(latest.earliest.year), f"the year of the results reported ({how})"
    if unit == "week" and m["rel"] == "this" and q.anchor.weekday() == 6 and q.future:
        # Said on a Sunday, the week ahead is "this week" ("votes scheduled for this week"): the ISO week
        # ends that day, the working week starts the next.
        return unit_of(q.anchor + DAY, "week"), f"the week starting the day after {_day(q.anchor)} ({q.direction})"
    return _anchor_unit(unit, en.STEPS[m["rel"]], q.anchor)


@handler("this_time")
def _this_time(m: re.Match, q: Query) -> _Found:
    day = shift(q.anchor, "year", en.STEPS[m["rel"]])
    return Resolution.day(day, mod="APPROX", approximate=True), f"about the same day of the {m['rel']} year"


# -- offsets from another event ----------------------------------------------------------------------


def _distance(low: int, high: int) -> str:
    near, far = sorted((abs(low), abs(high)))
    return str(near) if near == far else f"{near}..{far}"


# Units a reference of this precision can be moved by whole, keeping its precision: "a year earlier"
# than the third quarter of 1997 is the third quarter of 1996, not all of 1996.
_KEEPS_PRECISION = {"month": ("month", "quarter", "year"), "quarter": ("quarter", "year"), "season": ("year",),
                   "year": ("year",)}


_CONTEXT_DATE = Lazy(en.CONTEXT_DATE % en.FRAGMENTS)
# A preposition right before a date that owns a noun ("following April's elections", "after Sunday's
# vote"): the noun's event is told from the side, not by the main verb.
_CHANGED_FROM = Lazy(r"\b(?:ris|rose|fall|fell|climb|drop|declin|increas|grow|grew|gain|jump|slip|surg|plung|sink|sank"
                     r"|improv|recover|rebound)\w*\b[^.;]{0,80}?\bfrom\s+$")
_YEAR_END = Lazy(r"(?i)\byear(?:['’]s)?[- ]end\b")
_DEADLINE_BEFORE = Lazy(r"\b(?:by|until|till)\s+(?:(?:early|late)\s+|mid-?)?$")
_PREPOSITION_BEFORE = Lazy(r"\b(?:following|after|since|despite|amid|over|from|of|in|before)\s+$")
# Days after its end within which a period's results or figures are still being reported.
_REPORTED_WITHIN = 100
# A quarter over for longer than this is no longer the one a results story reports.
_YEAR_AGO_ALREADY = 270
_FOR_THE_YEAR = Lazy(r"\bfor the (?:full )?year\b(?! (?:to|end|ended|ending)\b)")
_WEEK_ENDED = Lazy(r"\bthe week (?:(?:that |which )?end(?:ed|ing|s) (?:on )?|to )(?P<day>[a-z]+\.? \d{1,2})\b")
_ATTACKS = date(2001, 9, 11)
_ATTACKS_AFTER = Lazy(r"\W*(?:attacks?|terror(?:ist)? attacks?|hijackings?|commission|anniversary)\b")
_QUARTER_ENDING = Lazy(en.QUARTER_ENDING % en.FRAGMENTS)


def _reference(q: Query) -> Resolution:
    """The date an offset counts from: see _reference_and_what."""
    return _reference_and_what(q)[0]


def _reference_and_what(q: Query) -> tuple[Resolution, str]:
    """The date an offset counts from, and what it is: the reference event's, else the latest date the
    sentence names before the offset ("On May 22, 1995, ... the following year")."""
    if q.after is not None:
        return q.after, "the reference event"
    for named in reversed(list(_CONTEXT_DATE.finditer(q.before))):
        try:
            as_written = q.sentence.text[named.start():named.end()] or named.group()
            return q.read(re.sub(r"[.,]", "", named.group()))[0], f"{as_written!r}, named before it"
        except UnresolvedDate:
            continue
    raise UnresolvedDate(f"cannot resolve {q.expression!r}: it is dated from another event, "
                         "so a reference event is needed (after=)")


def _from_reference(q: Query, unit: str, low: int, high: int, vague: bool, named: str = "") -> _Found:
    unit, low, high = canonical(unit, low, high)
    if q.after is None and not vague and low == high and (year_back := _year_back(q, unit, low)) is not None:
        return year_back
    # Against results over more than a quarter ("for the nine months ... a year earlier") the story's
    # quarter is no measure: it is the year before, as without a reference.
    if (q.after is not None and not vague and not named and unit == "year" and low == high == -1
            and q.after.precision in ("quarter", "month", "day") and _longer_period_compared(q)
            and _RESULTS.search(q.context)):
        year = q.after.earliest.year - 1
        return Resolution.year(year), f"the year before that of the results reported ({q.after.label})"
    # "Net for the third quarter ended Sept. 30 rose ... from $12.7 million a year earlier": against the
    # day a quarter reported ends on, a year earlier is that quarter a year before.
    if (q.after is not None and not vague and not named and unit == "year" and low == high == -1
            and q.after.precision == "day" and (report := _report(q)) is not None
            and (report[0].latest == q.after.latest or report[0] == q.reported)):
        reported, how = report
        return moved(reported, "year", -1), f"a year before {reported.label}, {how}, which ends on {q.after.label}"
    # A fiscal year told before ("fiscal 1996 ... the previous year") counts as the year it is named by.
    if q.after is not None and q.after.precision == "range" and re.fullmatch(r"\d{4}", q.after.timex):
        q = replace(q, after=Resolution.year(int(q.after.timex)))
    after, what = (q.after, named) if named else _reference_and_what(q)
    if after.precision in TOO_COARSE_TO_COUNT.get(unit, ()):
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: it counts {unit}s from {after.label}, "
                             f"a whole {after.precision}, which names no {unit} to count from")
    if low == high < 0 and unit == "year" and re.fullmatch(r"\d{4}-H[12]", after.timex or ""):
        # "Sales of $1.1 billion in the first half, up 9 percent from a year earlier": that half, a year back.
        found = half(after.earliest.year + low, int(after.timex[-1]))
    elif low == high and unit in _KEEPS_PRECISION.get(after.precision, ()) and not (
            # "In the spring of 1940 ... two years later": the story moves on by years, to a year. A
            # comparison ("a year earlier" than the third quarter) is the same part of another year, and
            # so is an anniversary, the move that lands on the report's own month ("a decade after
            # protests erupted in March 2011", told in March 2021).
            unit == "year" and low > 0 and after.precision != "year"
            and not moved(after, unit, low).earliest <= q.anchor <= moved(after, unit, low).latest):
        found = moved(after, unit, low)
    elif low == high != 0 and unit in ("day", "week") and after.earliest != after.latest:
        # Counted from a span's edge: "the following week" after "the end of October" is the week after
        # the one October ends in, "the day before" a week the Sunday before it.
        found = unit_of(shift(after.latest if low > 0 else after.earliest, unit, low), unit)
    else:
        found = offset(after, unit, low, high)
    if vague:
        found = replace(found, mod="APPROX", approximate=True)
    side = "after" if high > 0 else "before" if low < 0 else "of"
    return found, f"{_distance(low, high)} {unit}(s) {side} {what} ({after.label})"


# -- company results ----------------------------------------------------------------------------------

_RESULTS = Lazy(en.RESULTS)
_SINCE = Lazy(en.SINCE)
_SINCE_THEN = Lazy(en.SINCE_THEN)
_SUPERLATIVE_BEFORE = Lazy(en.SUPERLATIVE_BEFORE)
_REPORTS_RESULTS = Lazy(en.REPORTS_RESULTS)
_QUARTER_NAMED = Lazy(en.QUARTER_NAMED)
_ENDS_IN = Lazy(en.ENDS_IN % en.FRAGMENTS)
_BEGINS_ON = Lazy(en.BEGINS_ON % en.FRAGMENTS)
_LONGER_PERIOD = Lazy(en.LONGER_PERIOD)


def _report(q: Query, ordinal: str | None = None) -> tuple[Resolution, str] | None:
    """The quarter a sentence reporting company results is about: the one it names (or `ordinal`), else
    the latest ended by the anchor, since results are published after their period; None elsewhere."""
    fiscal, named = False, None
    if ordinal is None:
        if not _RESULTS.search(q.context):
            return None
        # The quarter named nearest before the expression, else the first after it ("expect fourth-quarter
        # earnings to climb from the year-earlier period", after a clause on the third quarter).
        named_before = list(_QUARTER_NAMED.finditer(q.before))
        named = named_before[-1] if named_before else _QUARTER_NAMED.search(q.context)
        ordinal, fiscal = (named["ord"], "fiscal" in named.group()) if named else (None, False)
    if ordinal is not None:
        n = _ordinal(ordinal)
        if named is not None and (ends := _ENDS_IN.match(q.context, named.end())) is not None:
            found, how = _quarter_ending(ends, n, q)
        else:
            found, how = _fiscal_quarter(n, q) if fiscal else _quarter_instance(n, q)
        return found, f"the quarter reported, Q{n}: {how}"
    if (ending := _QUARTER_ENDING.search(q.context)) is not None:
        # "For the quarter ended March 31 ... in the year-earlier quarter": the quarter its sentence names
        # by the month it ends in, before the one the story named.
        return _quarter_ending(ending, None, q)
    return _latest_quarter(q)


def _ends_in(q: Query) -> re.Match | None:
    """The month the sentence says the expression's period ends in, right after it ("... quarter ended
    Sept. 30"), else None."""
    at = q.sentence.at
    return None if at < 0 else _ENDS_IN.match(q.context, at + len(q.expression))


def _quarter_ending(ending: re.Match, n: int | None, q: Query) -> tuple[Resolution, str]:
    """The quarter its sentence says ends in a month (`ending`, a match of QUARTER_ENDING or ENDS_IN: "the
    quarter ended July 31", "its fourth quarter ended Sept. 30"): the three months up to the end of that
    month, which is read as any month of the sentence is. A company's quarters need not be the calendar's,
    so the bounds come from the month it ends in. One named by a number the calendar would not give it
    keeps that number, in the year it is reported, as any fiscal quarter (TimeML writes a fiscal first
    quarter ended in September 1989 as 1989-Q1); one named by its month alone is the calendar quarter that
    holds most of its months, the one of its middle month (May to July is Q2, August to October Q3)."""
    month_name = ending["month"]
    month = en.MONTH_NUMBERS[month_name]
    if ending["verb"] == "ended":
        # "Will report results for the quarter that ended in March": a quarter said to have ended is over
        # by the report, whatever the main verb's tense; one that "ended Oct. 31" in a report of Oct. 27
        # is last year's.
        a = q.anchor
        day = int(ending["day"]) if ending["day"] else 1
        year = a.year if (month, day) <= (a.month, a.day if ending["day"] else 1) else a.year - 1
        how = f"the latest begun by {_day(a)} (said to have ended)"
    else:
        last, how = _instance(lambda y: Resolution.month(y, month), q, None)
        year = last.earliest.year
    first = add_months(year, month, -2)
    middle_year, middle = add_months(year, month, -1)
    calendar_number = (middle - 1) // 3 + 1
    end = month_end(year, month)
    # A company's quarter named by a number is written in the year it is reported (see above); one over
    # for most of a year is no longer reported, and keeps its own year.
    reported = n not in (None, calendar_number) and (q.anchor - end).days <= _YEAR_AGO_ALREADY
    number, named_year = (calendar_number, middle_year) if n is None else (n, year)
    found = Resolution(date(*first, 1), end, "quarter",
                       timex=timex.quarter(q.anchor.year if reported else named_year, number))
    return found, f"the quarter ending in {month_name.capitalize()} {year}, Q{number} ({how})"


def _fiscal_quarter(n: int, q: Query) -> tuple[Resolution, str]:
    """A fiscal quarter in a results sentence: its number is the company's, not the calendar's, so the
    calendar cannot say which has just ended; it is written in the anchor's year, as TimeML writes it
    ("fiscal third quarter" results in April are 2016-Q3, not last July's quarter). Its months are those
    of the latest calendar quarter ended by the anchor (results come after their period), or of the one
    running when the sentence looks ahead; approximate, since a company's quarters may fall a month or two
    off the calendar's."""
    a = q.anchor
    running = unit_of(a, "quarter")
    months = running if q.future else unit_of(running.earliest - DAY, "quarter")
    found = Resolution(months.earliest, months.latest, "quarter", mod="APPROX", approximate=True,
                       timex=timex.quarter(a.year, n))
    which = "running" if q.future else "latest ended"
    return found, f"fiscal quarter {n}, numbered in the year of {_day(a)}; the months of the quarter {which}"


def _quarter_instance(n: int, q: Query) -> tuple[Resolution, str]:
    """Quarter `n` with no year: as any yearly thing, unless the sentence tells of its results being
    reported; then the latest begun by the anchor, as results come after their period."""
    if _REPORTS_RESULTS.search(q.context):
        a = q.anchor
        found = next(r for r in (Resolution.quarter(a.year, n), Resolution.quarter(a.year - 1, n)) if r.earliest <= a)
        # Results come within weeks of their period: one over for months is not the one being reported.
        if (a - found.latest).days <= _REPORTED_WITHIN:
            return found, f"the latest begun by {_day(a)} (results are reported after their period)"
    return _instance(lambda y: Resolution.quarter(y, n), q, None)


def _latest_quarter(q: Query) -> tuple[Resolution, str]:
    """The quarter results are about where their sentence names none: the one the story named as
    reported, else the latest ended by the anchor, since results are published after their period."""
    if q.reported is not None and q.reported.precision == "quarter":
        return q.reported, f"the quarter the story reports ({q.reported.label})"
    a = q.anchor
    found = unit_of(date(a.year, (a.month - 1) // 3 * 3 + 1, 1) - DAY, "quarter")
    return found, f"the quarter reported: the latest ended by {_day(a)}"


def _longer_period_compared(q: Query) -> re.Match | None:
    """Results over more than a quarter named before the comparison ("for the nine months ... a year
    earlier"), unless a quarter is named after them, nearer it ("which fell in the fourth quarter from a
    year earlier", before "in the first half" looks ahead); else None."""
    at = q.sentence.at
    if at >= 0 and (own := _LONGER_PERIOD.match(q.context, at + len(q.expression) + 1)) is not None:
        return own  # "the year-earlier nine months": the period is the expression's own
    longer = _LONGER_PERIOD.search(q.before)
    named = list(_QUARTER_NAMED.finditer(q.before))
    return None if longer is None or named and named[-1].start() > longer.start() else longer


def _year_back(q: Query, unit: str, steps: int, ordinal: str | None = None) -> _Found:
    """A year before the period a results sentence reports, or None where the sentence reports none.

    Against results over more than a quarter ("for the nine months ... a year earlier") it is the year
    before; against a quarter, that quarter a year before.
    """
    if unit != "year" or steps != -1:
        return None
    if (ordinal is None and q.reported is not None and q.reported.precision == "month" and _RESULTS.search(q.context)
            and not _QUARTER_NAMED.search(q.context) and not _QUARTER_ENDING.search(q.context)
            and not _LONGER_PERIOD.search(q.context)):
        # "Home sales jumped in October ... up 23.5 percent from a year ago": the month reported, a year back.
        return moved(q.reported, "year", -1), f"a year before {q.reported.label}, the month the story reports"
    if (report := _report(q, ordinal)) is None:
        return None
    reported, how = report
    if (q.anchor - reported.latest).days > _YEAR_AGO_ALREADY:
        # "In the year-ago quarter, the second quarter ended Oct. 31" in a report of Oct. 27: the quarter
        # the sentence names is over by most of a year, so it is the year-ago one itself, not one reported.
        return reported, f"{how}, itself a year back: over too long to be the quarter reported"
    if ordinal is None and (longer := _longer_period_compared(q)) is not None:
        if (side := longer.group().split()[0]) in ("first", "second"):
            # "Its surplus for the first half tripled from the same period last year": that half a year back.
            n = 1 if side == "first" else 2
            return half(reported.earliest.year - 1, n), f"half {n} of the year before that of the results ({how})"
        return Resolution.year(reported.earliest.year - 1), f"the year before that of the results reported ({how})"
    return moved(reported, "year", -1), f"a year before {reported.label}, {how}"


@handler("year_ago_period")
def _year_ago_period(m: re.Match, q: Query) -> _Found:
    """ "The year-ago quarter": the period reported (the quarter named, else the latest ended), a year back."""
    found = _year_back(q, "year", -1, m.groupdict().get("ord"))
    if found is None:  # no results in the sentence: the latest quarter reported by the anchor
        latest, how = _latest_quarter(q)
        return moved(latest, "year", -1), f"a year before {latest.label}, {how}"
    return found


@handler("reported_period")
def _reported_period(m: re.Match, q: Query) -> _Found:
    """ "The latest period", "the 1988 quarter": the quarter reported, in the year named if any."""
    reported, how = _report(q) or _latest_quarter(q)
    if m.groupdict().get("year"):
        year = int(m["year"])
        if _LONGER_PERIOD.search(q.context) and m["kind"] == "period":
            return Resolution.year(year), f"the period of the results reported, in {year}"
        return moved(reported, "year", year - reported.earliest.year), f"{how}, in {year}"
    return reported, how


def _named_reference(m: re.Match, q: Query) -> tuple[Query, str]:
    """The query with the date its words name as the reference, and those words: "the day before last
    Tuesday" counts from last Tuesday; "a day after the toppling" names an event, not a date, and keeps
    the query's reference."""
    rest = m.groupdict().get("rest")
    if not rest:
        return q, ""
    try:
        named, _ = q.read(rest)
    except UnresolvedDate:
        return q, ""
    return replace(q, after=named), rest


_TELLING_DAY = Lazy(rf"\b(?:{en.FRAGMENTS['weekday']}|yesterday|last night)\b.*\bwould\b")
_FINER = ("day", "week", "month", "quarter", "year")


@handler("next_unit", reference=True)
def _next_unit(m: re.Match, q: Query) -> _Found:
    step = en.DIRECTIONS[m["dir"]]
    q, named = _named_reference(m, q)
    unit = _unit(m["unit"])
    if not named and m["dir"] not in ("before", "after") and unit in _FINER[1:]:
        after, what = _reference_and_what(q)
        if after.precision in _FINER[:_FINER.index(unit)]:
            # "Abandoned them in August 2000 and returned the following year": the calendar year after
            # that of the event, a whole year (as "the previous month" after a day is a whole month).
            found = unit_of(shift(after.latest if step > 0 else after.earliest, unit, step), unit)
            return found, f"the {unit} {'after' if step > 0 else 'before'} that of {what} ({after.label})"
    return _from_reference(q, unit, step, step, False, named)


@handler("same_unit", reference=True)
def _same_unit(m: re.Match, q: Query) -> _Found:
    """ "That year", "the same month": the unit the reference lies in ("In March 2011 ... that year" is
    2011), or the reference itself where it is no finer ("that same day" after "in October")."""
    unit = _unit(m["unit"])
    after, what = _reference_and_what(q)
    whole = unit_of(after.earliest, unit)
    if whole.earliest <= after.earliest and after.latest <= whole.latest and whole.precision != after.precision:
        return whole, f"the {unit} of {what} ({after.label})"
    return _from_reference(q, unit, 0, 0, False)


@handler("month_of_that", reference=True)
def _month_of_that(m: re.Match, q: Query) -> _Found:
    """ "That November": the month in the year of the event told before."""
    after, what = _reference_and_what(q)
    found = Resolution.month(after.earliest.year, en.MONTH_NUMBERS[m["month"]])
    return found, f"{m['month'].capitalize()} of the year of {what} ({after.label})"


@handler("named_from_reference", reference=True)
def _named_from_reference(m: re.Match, q: Query) -> _Found:
    """ "The following spring", "the previous January": the first such month or season begun after the
    reference event (the last over before it), counted from the event, not from the anchor."""
    after, what = _reference_and_what(q)
    if m["month"]:
        make, name = (lambda y: Resolution.month(y, en.MONTH_NUMBERS[m["month"]])), m["month"].capitalize()
    else:
        make, name = (lambda y: Resolution.season(y, en.SEASON_WORDS[m["season"]])), m["season"]
    found = [make(y) for y in range(after.earliest.year - 2, after.latest.year + 3)]
    if en.DIRECTIONS[m["dir"]] > 0:
        return next(r for r in found if r.earliest > after.latest), f"the first {name} after {what} ({after.label})"
    return [r for r in found if r.latest < after.earliest][-1], f"the last {name} before {what} ({after.label})"


@handler("season_of_reference", reference=True)
def _season_of_reference(m: re.Match, q: Query) -> _Found:
    """ "That spring", "that same winter": the season of the reference's year ("In 1967 ... that spring"
    is spring 1967); a winter told from its January or February is the one begun the December before."""
    code = en.SEASON_WORDS[m["season"]]
    after, what = _reference_and_what(q)
    year = after.earliest.year
    if code == "WI" and after.precision in ("day", "week", "month") and after.earliest.month <= 2:
        year -= 1
    return Resolution.season(year, code), f"the {m['season']} of {what} ({after.label})"


@handler("count_from_reference", reference=True)
def _count_from_reference(m: re.Match, q: Query) -> _Found:
    low, high, vague = _counts(m["count"], plural=False)
    sign = en.DIRECTIONS[m["dir"]]
    low, high = (low, high) if sign > 0 else (-high, -low)
    if m["dir"] == "from" and m["rest"] in en.WEEKDAY_NUMBERS:
        # "A week from Monday" counts from the coming Monday (today, on a Monday), whatever the tense.
        weekday = en.WEEKDAY_NUMBERS[m["rest"]]
        day = q.anchor + timedelta((weekday - q.anchor.weekday()) % 7)
        q = replace(q, after=Resolution.day(day))
        named = f"the coming {_WEEKDAY_TITLES[weekday]}"
    else:
        q, named = _named_reference(m, q)
    unit, low, high = canonical(_unit(m["unit"]), low, high)
    if m["dir"] == "from" and named and unit == "week" and not vague and q.after.precision == "day":
        return _weeks_on(q.after.earliest, low, f"{named} ({q.after.label})")
    return _from_reference(q, unit, low, high, vague, named)


def _weeks_on(day: date, weeks: int, what: str) -> tuple[Resolution, str]:
    """ "A week from Monday", "a week from today": a day, that day's weekday `weeks` on."""
    return Resolution.day(day + timedelta(weeks=weeks)), f"{weeks} week(s) after {what}, on its weekday"


# -- spans and offsets from the anchor -------------------------------------------------------------------


@handler("span")
def _span(m: re.Match, q: Query) -> _Found:
    """The span just before or after the anchor; "recent days" and "the coming weeks" are several."""
    a, word = q.anchor, m["unit"]
    back = en.STEPS[m["rel"]] < 0
    low, high, vague = _counts(m["count"], plural=word != en.UNITS[word])
    if back and not vague and low >= 2:
        return _reaching_back(word, m["count"], q)
    unit, low, high = canonical(en.UNITS[word], low, high)
    if back:
        found = Resolution.span(shift(a, unit, -high), a - DAY)
        side = f"the {high} {unit}(s) before {_day(a)}"
    else:
        found = Resolution.span(a + DAY, shift(a, unit, high))
        side = f"the {high} {unit}(s) after {_day(a)}"
    if vague:
        ref = timex.reference(-1 if back else 1)
        return replace(found, timex=ref, mod="APPROX", approximate=True), f"up to {side}"
    return replace(found, timex=timex.duration(high, unit)), side


def _from_anchor(q: Query, word: str, count: str, sign: int, approximate: bool = False) -> _Found:
    low, high, vague = _counts(count, plural=False)
    unit, low, high = canonical(en.UNITS[word], low, high)
    low, high = (low, high) if sign > 0 else (-high, -low)
    found = offset(Resolution.day(q.anchor), unit, low, high)
    if vague and low != high:
        found = replace(found, timex=timex.reference(sign))
    if vague or approximate:
        found = replace(found, mod="APPROX", approximate=True)
    return found, f"{_distance(low, high)} {unit}(s) {'before' if sign < 0 else 'after'} {_day(q.anchor)}"


def _reaching_back(word: str, count: str, q: Query) -> _Found:
    found, how = _from_anchor(q, word, count, -1, approximate=True)
    return found, f"the start of a duration reaching back: {how}"


@handler("ago_today")
def _ago_today(m: re.Match, q: Query) -> _Found:
    """ "Fifty years ago today": the day, week or month that many units before the anchor's."""
    low, high, vague = _counts(m["count"], plural=False)
    if vague or low != high:
        return q.read(f"{m['count']} {m['unit']} ago")
    unit, low, _ = canonical(en.UNITS[m["unit"]], low, high)
    day = shift(q.anchor, unit, -low)
    precision = {"today": "day", "this week": "week", "this month": "month"}[m["on"]]
    return unit_of(day, precision), f"{_distance(low, low)} {unit}(s) before {m['on']}, {_day(q.anchor)}"


@handler("ago")
def _ago(m: re.Match, q: Query) -> _Found:
    sign = en.DIRECTIONS[m["dir"]]
    low, high, vague = _counts(m["count"], plural=False)
    if not vague and low == 1 and (year_back := _year_back(q, en.UNITS[m["unit"]], -low * (sign < 0))):
        return year_back
    unit, low, high = canonical(en.UNITS[m["unit"]], low, high)
    if m["dir"] == "from today" and unit == "week" and not vague:  # "a week from now" is the week
        return _weeks_on(q.anchor, low, _day(q.anchor))
    return _from_anchor(q, m["unit"], m["count"], sign)


# -- parts of a period -----------------------------------------------------------------------------------


@handler("month_of")
def _month_of(m: re.Match, q: Query) -> _Found:
    """ "The holy month of Ramadan", "the month of Ramadan": the month it names."""
    return q.read(m["rest"])


@handler("eve_of")
def _eve_of(m: re.Match, q: Query) -> _Found:
    """ "The eve of Eid al-Fitr", "the eve of the Jan. 20 inauguration": the day before it begins."""
    if (weekday := en.WEEKDAYS.get(m["rest"].strip())) is not None:
        # "A commanding lead on the eve of Tuesday's primary": the eve is the day the sentence tells of,
        # read with its tense (said on a Monday, that Monday), and the weekday is the one after it.
        eve = next(name for name, number in en.WEEKDAYS.items() if number == (weekday - 1) % 7)
        found, how = q.read(eve)
        return found, f"the {eve.capitalize()} before a {m['rest'].strip().capitalize()} ({how})"
    whole, how = q.read(m["rest"])
    if whole.precision not in ("day", "range") or whole.earliest == date.min:
        return None
    return Resolution.day(whole.earliest - DAY), f"the day before {whole.label} ({how})"


@handler("units_of")
def _units_of(m: re.Match, q: Query) -> _Found:
    """The first (second, ...) or last N days, weeks or months of a longer unit."""
    whole, how = q.read(_whole_unit_words(m["rest"]))
    unit = en.UNITS[m["unit"]]
    _, n, vague = _counts(m["count"], plural=False)

    def part(whole: Resolution) -> tuple[date, date]:
        if m["ord"] in en.LAST_ORDINALS:
            return shift(whole.latest + DAY, unit, -n), whole.latest
        start = shift(whole.earliest, unit, en.ORDINAL_WORDS[m["ord"]] - 1)
        return start, shift(start, unit, n) - DAY

    # "Hurt by bad weather in the final week of the year", said on January 3: the year just over.
    whole, how = _whole_told_of(whole, m["rest"], part, how, q)
    first, last = part(whole)
    if whole.precision == "day" and unit == "day" and m["ord"] not in en.LAST_ORDINALS and m["count"] is None:
        # "The second day of Eid al-Fitr": a feast named by its first day lasts on after it.
        return Resolution.day(first), f"the {m['ord']} day of what begins on {whole.label} ({how})"
    if first < whole.earliest or last > whole.latest:
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: {whole.label} has no such {unit}s")
    found = replace(cover(first, last, "day"), mod="APPROX" if vague else None, approximate=vague)
    if unit == "month" and n == 3 and not vague and first.day == 1 and first.month % 3 == 1:
        found = Resolution.quarter(first.year, first.month // 3 + 1)  # "the final three months of 2016": Q4
    return found, f"the {m['ord']} {n} {unit}(s) of {whole.label} ({how})"


def _part_of_year(kind: str, n: int, year_text: str | None, q: Query) -> _Found:
    if kind == "half" and n > 2:
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: a year has two halves")
    make = (lambda y: half(y, n)) if kind == "half" else (lambda y: Resolution.quarter(y, n))
    if year_text is None and kind == "quarter" and (ends := _ends_in(q)) is not None:
        return _quarter_ending(ends, n, q)
    if year_text is None and kind == "quarter" and "fiscal" in q.expression.lower() and _RESULTS.search(q.context):
        return _fiscal_quarter(n, q)
    if year_text is None:
        return _quarter_instance(n, q) if kind == "quarter" else _instance(make, q, None)
    whole, how = q.read(_whole_unit_words(year_text))
    if kind == "half" and whole.precision == "decade":
        first = whole.earliest.year + (5 if n == 2 else 0)
        found = replace(whole, earliest=date(first, 1, 1), latest=date(first + 4, 12, 31), mod=("START", "END")[n - 1])
        return found, f"half {n} of {whole.label} ({how})"
    if kind == "half" and whole.precision == "month":
        # "The second half of November": days 16 to the end, the month's value marked as its end.
        first, last = (whole.earliest, whole.earliest.replace(day=15)) if n == 1 else (
            whole.earliest.replace(day=16), whole.latest)
        found = replace(whole, earliest=first, latest=last, mod=("START", "END")[n - 1])
        return found, f"half {n} of {whole.label} ({how})"
    if whole.precision != "year":
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: {year_text!r} is not a calendar year")
    return make(whole.earliest.year), f"{kind} {n} of {whole.label} ({how})"


@handler("ordinal_part")
def _ordinal_part(m: re.Match, q: Query) -> _Found:
    # An ordinal that is also a relative word ("the last quarter") is the span before the anchor, not Q4.
    if m["rest"] is None and m["ord"] in en.STEPS:
        return None
    kind = en.YEAR_PARTS[m["kind"]]
    n = (4 if kind == "quarter" else 2) if m["ord"] in en.LAST_ORDINALS else _ordinal(m["ord"])
    return _part_of_year(kind, n, m["rest"], q)


@handler("short_part")
def _short_part(m: re.Match, q: Query) -> _Found:
    return _part_of_year(en.YEAR_PARTS[m["kind"]], int(m["n"]), m["year"], q)


# -- calendar dates ------------------------------------------------------------------------------------


def _dated(year_text: str | None, month: int, day: int, weekday: str | None, q: Query) -> _Found:
    """A month and day, in the year given, else the year the weekday fits nearest the anchor, else the
    year the tense points to. A weekday that does not fit is ignored, not trusted over the date."""
    a = q.anchor
    wanted = en.WEEKDAY_NUMBERS[weekday] if weekday else None
    if year_text is not None:
        found, how = Resolution.day(date(_year_of(year_text, a), month, day)), "a calendar date"
    elif wanted is not None and (fitting := [
            d for y in (a.year - 1, a.year, a.year + 1)
            if (d := calendar_day(y, month, day)) and d.earliest.weekday() == wanted]):
        found = min(fitting, key=lambda d: abs(d.earliest - a))
        return found, f"the year nearest {_day(a)} in which it falls on a {_WEEKDAY_TITLES[wanted]}"
    else:
        found, how = _instance(lambda y: calendar_day(y, month, day), q, None)
    if wanted is not None and wanted != found.earliest.weekday():
        how += f"; the weekday given ({weekday}) does not match and is ignored"
    return found, how


@handler("month_day")
def _month_day(m: re.Match, q: Query) -> _Found:
    month, day = en.MONTH_NUMBERS[m["month"]], _ordinal(m["day"])
    if (month, day) == (9, 11) and not m["year"] and q.anchor > _ATTACKS and q.sentence.at >= 0 and (
            _ATTACKS_AFTER.match(q.context, q.sentence.at + len(q.expression))):
        return _the_attacks()  # "The Sept. 11 attacks", as "9/11": not this year's September 11
    return _dated(m["year"], month, day, m["weekday"], q)


@handler("hijri_day")
def _hijri_day(m: re.Match, q: Query) -> _Found:
    """A day of a Hijri month: of the Hijri year given ("1 Shawwal 1445 AH"), else the occurrence the
    tense points to, as for any yearly date (Umm al-Qura, through hijridate)."""
    month, day = en.NORMALISED_HIJRI_MONTHS[m["hmonth"]], _ordinal(m["day"])
    if not 1 <= day <= 30:
        return None
    if m["hyear"]:
        found = hijri_date(int(m["hyear"]), month, day)
        return _found(found, q, f"day {day} of Hijri month {month} of {m['hyear']} AH (Umm al-Qura)")
    return _instance(hijri_days(month, day, q.anchor), q, None)


@handler("hijri_month")
def _hijri_month(m: re.Match, q: Query) -> _Found:
    """A Hijri month as the span of its days: of the Hijri year given, else as any yearly thing."""
    month = en.NORMALISED_HIJRI_MONTHS[m["hmonth"]]
    if m["hyear"]:
        found = hijri_date(int(m["hyear"]), month, None)
        return _found(found, q, f"Hijri month {month} of {m['hyear']} AH (Umm al-Qura)")
    return _instance(hijri_months(month, q.anchor), q, _step(m["rel"]))


_EASTERN_FEASTS = {"christmas": "orthodox-christmas", "christmas-eve": "orthodox-christmas-eve",
                   "easter": "orthodox-easter"}
_EASTERN_CHURCH = Lazy(r"\b(?:orthodox|coptic|copts|eastern church(?:es)?)\b")


@handler("holiday")
def _holiday(m: re.Match, q: Query) -> _Found:
    code = en.NORMALISED_HOLIDAYS[m["holiday"]]
    if m["holiday"] == "new year" and (q.expression.lower().startswith("the ") or not q.expression[:1].isupper()):
        return None  # "the new year", "the New Year": the year to come (the rules after this one), not January 1
    if code in _EASTERN_FEASTS and _EASTERN_CHURCH.search(q.context):
        # "Coptic Christians celebrated Christmas on Saturday": the Eastern churches' feast, by the Julian
        # calendar.
        code = _EASTERN_FEASTS[code]
    if code == "independence-day-us" and q.country not in (None, "US"):
        code = "country:Independence Day"  # the story's country's, not July 4
    if code.startswith("country:") and code.count(":") == 1 and q.country is None:
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: each country keeps its own day, and no country "
                             "was given")
    # Say whose day it is, where it is one country's: "(as IN keeps it)".
    keeper = code.rpartition(":")[2] if code.count(":") == 2 else q.country
    whose = f" (as {keeper} keeps it)" if code.startswith("country:") else ""
    if m["year"]:
        year = _year_of(m["year"], q.anchor)
        found = [r for r in holidays(code, date(year, 7, 1), q.country) if r.earliest.year == year]
        return _found(found[0] if found else None, q, f"{m['holiday']} in {year}{whose}")
    found, how = _instance(holidays(code, q.anchor, q.country), q, _step(m["rel"]))
    return found, how + whose


@handler("iso_day")
def _iso_day(m: re.Match, q: Query) -> _Found:
    return _dated(m["year"], int(m["month"]), int(m["day"]), None, q)


@handler("iso_month")
def _iso_month(m: re.Match, q: Query) -> _Found:
    return Resolution.month(int(m["year"]), int(m["month"])), "a calendar month"


@handler("nine_eleven")
def _nine_eleven(m: re.Match, q: Query) -> _Found:
    if q.anchor < _ATTACKS:
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: a day and month with no year")
    return _the_attacks()


def _the_attacks() -> _Found:
    """The day the news means by "9/11" and "the Sept. 11 attacks"."""
    return Resolution.day(_ATTACKS), "the September 11, 2001 attacks, as the news names them"


@handler("numeric_day")
def _numeric_day(m: re.Match, q: Query) -> _Found:
    first, second = int(m["first"]), int(m["second"])
    if first != second and first <= 12 and second <= 12:
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: day and month could be either way round")
    day, month = (first, second) if first > 12 else (second, first)
    return _dated(m["year"], month, day, None, q)


@handler("month")
def _month(m: re.Match, q: Query) -> _Found:
    month = en.MONTH_NUMBERS[m["month"]]
    if m["year"]:
        return Resolution.month(_year_of(m["year"], q.anchor), month), "a calendar month"
    return _instance(lambda y: Resolution.month(y, month), q, _step(m["rel"]))


@handler("month_of_that_year", reference=True)
def _month_of_that_year(m: re.Match, q: Query) -> _Found:
    year, how = q.read(m["year"])
    month = en.MONTH_NUMBERS[m["month"]]
    if m["day"]:  # "Sept. 13 of that year"
        day = calendar_day(year.earliest.year, month, _ordinal(m["day"]))
        if day is None:
            return None
        return day, f"a day of {year.label} ({how})"
    return Resolution.month(year.earliest.year, month), f"a month of {year.label} ({how})"


@handler("season")
def _season(m: re.Match, q: Query) -> _Found:
    code = en.SEASON_WORDS[m["season"]]
    if m["year"]:
        year = _year_of(m["year"], q.anchor)
        return Resolution.season(year, code), "a meteorological season, labelled by the year it starts"
    return _instance(lambda y: Resolution.season(y, code), q, _step(m["rel"]))


# -- years, quarters, decades, centuries ---------------------------------------------------------------


@handler("year")
def _year(m: re.Match, q: Query) -> _Found:
    if m["year"].startswith("'"):  # "born in '85": the year of that ending nearest the anchor
        return Resolution.year(_year_of(m["year"], q.anchor)), "a calendar year written with two digits"
    return Resolution.year(int(m["year"])), "a calendar year"


def _fiscal(year: int) -> tuple[Resolution, str]:
    # A fiscal year is named by the calendar year it ends in, and TimeML values it as that year ("fiscal
    # 1989" is 1989); organisations end it in different months, so the bounds hold any twelve months
    # ending in that year.
    found = Resolution.span(date(year - 1, 2, 1), date(year, 12, 31), timex=timex.year(year))
    return found, f"a fiscal year ending in {year}"


@handler("fiscal_year")
def _fiscal_year(m: re.Match, q: Query) -> _Found:
    if m.groupdict().get("short"):  # "FY24": the century of the anchor's, as "'85" is read
        year = _year_of(f"'{m['short']}", q.anchor)
    else:
        year = int(m["year"])
    if (ends := _ends_in(q)) is not None:
        # "Fiscal 1989, which ended June 30": the twelve months up to the end of that month of 1989.
        month = en.MONTH_NUMBERS[ends["month"]]
        first = add_months(year, month, -11)
        found = Resolution(date(*first, 1), month_end(year, month), "year", timex=timex.year(year))
        return found, f"a fiscal year ending in {ends['month'].capitalize()} {year}"
    return _fiscal(year)


@handler("new_year")
def _new_year(m: re.Match, q: Query) -> _Found:
    """ "The new year": the next one when said from October on, else the one the anchor is in."""
    a = q.anchor
    if a.month >= 10:
        return Resolution.year(a.year + 1), f"the year after {a.year}, said in its last quarter"
    return Resolution.year(a.year), f"the year {_day(a)} is in, said early in it"


@handler("relative_fiscal_year")
def _relative_fiscal_year(m: re.Match, q: Query) -> _Found:
    if m["rel"] in (None, "the") and (told := _year_told_by_its_ends(q)) is not None:
        return told
    found, how = _fiscal(q.anchor.year + (en.STEPS[m["rel"]] if m["rel"] else 0))
    return found, f"{how}, counted from {_day(q.anchor)}"


def _year_told_by_its_ends(q: Query) -> _Found:
    """A year of accounts the sentence dates by the month it ends in or the day it begins on, right after
    it ("for the fiscal year ended Sept. 30", "the fiscal year that begins July 1"): the twelve months
    up to that month's end, or from that day; valued by the calendar year most of it lies in, else the
    year it ends in, as those who keep such years name them (the United States' federal October to
    September by its end, Japan's April to March by its start, a July to June year by its end)."""
    at = q.sentence.at
    if at < 0:
        return None
    end = at + len(q.expression)
    if (ends := _ENDS_IN.match(q.context, end)) is not None:
        month = en.MONTH_NUMBERS[ends["month"]]
        last, how = _instance(lambda y: Resolution.month(y, month), q, None)
        first = date(*add_months(last.earliest.year, month, -11), 1)
        found = Resolution(first, last.latest, "year", timex=timex.year(_named_year(first, last.latest)))
        return found, f"the twelve months ending in {ends['month'].capitalize()} {last.latest.year} ({how})"
    if (begins := _BEGINS_ON.match(q.context, end)) is not None:
        try:
            day, how = q.read(begins["day"].replace(".", ""))
        except UnresolvedDate:
            return None
        if day.precision != "day":
            return None
        last = shift(day.earliest, "year", 1) - DAY
        found = Resolution(day.earliest, last, "year", timex=timex.year(_named_year(day.earliest, last)))
        return found, f"the twelve months from {day.label} ({how})"
    return None


def _named_year(first: date, last: date) -> int:
    """The calendar year most of a twelve-month year of accounts lies in; the year it ends in on a tie."""
    return first.year if first.year != last.year and first.month <= 6 else last.year


@handler("year_end")
def _year_end(m: re.Match, q: Query) -> _Found:
    """ "Year-end" is December 31, the day books close ("by year-end", "since year-end"); "the end of
    the year" is the part of a year."""
    if m.groupdict().get("year"):  # "by year-end 2022"
        year = int(m["year"])
        return Resolution.day(date(year, 12, 31)), f"December 31 of {year}"
    step = _step(m["rel"])
    if step is not None:
        year = q.anchor.year + step
        return Resolution.day(date(year, 12, 31)), f"December 31 of {year}"
    return _instance(lambda y: Resolution.day(date(y, 12, 31)), q, None)


@handler("quarter_of_month")
def _quarter_of_month(m: re.Match, q: Query) -> _Found:
    """Companies name a quarter by the month it ends in: "the September quarter" is July-September, and
    "the July-September quarter" too; months that are no calendar quarter are the span they name."""
    last = en.MONTH_NUMBERS[m["month"]]
    first = en.MONTH_NUMBERS[m["first"]] if m.groupdict().get("first") else last - 2
    if first == last - 2 and last % 3 == 0:
        return _quarter_instance(last // 3, q)
    return _instance(lambda y: Resolution.span(date(y - (first > last), first, 1), month_end(y, last)), q, None)


@handler("week_of")
def _week_of(m: re.Match, q: Query) -> _Found:
    day, how = q.read(m["rest"])
    if day.precision != "day":
        return None
    return Resolution.week(day.earliest), f"the ISO week of {day.label} ({how})"


@handler("unnumbered_ago")
def _unnumbered_ago(m: re.Match, q: Query) -> _Found:
    """ "Years ago" counts no units, so it reads as "some years ago"."""
    return _from_anchor(q, m["unit"], en.AGO_COUNT, -1)


@handler("the_other_day")
def _the_other_day(m: re.Match, q: Query) -> _Found:
    return _from_anchor(q, m["unit"], en.OTHER_DAY_COUNT, -1)


@handler("decade")
def _decade(m: re.Match, q: Query) -> _Found:
    return Resolution.decade(int(m["decade"]) * 10), "a decade"


@handler("short_decade")
def _short_decade(m: re.Match, q: Query) -> _Found:
    word = m.groupdict().get("word")
    tens = en.DECADE_WORDS[word] if word else int(m["tens"]) * 10
    start = q.anchor.year // 100 * 100 + tens
    if start > q.anchor.year:
        start -= 100
    return Resolution.decade(start), f"the latest such decade begun by {q.anchor.year}"


@handler("century")
def _century(m: re.Match, q: Query) -> _Found:
    """ "The 20th century" (the years 1900-1999, as news counts them); "this century" the anchor's."""
    if m.groupdict().get("rel"):
        hundreds = q.anchor.year // 100 + en.STEPS.get(m["rel"], -1)  # "previous": the one before
    else:
        hundreds = _ordinal(m["ordinal"]) - 1
    first = date(max(hundreds * 100, 1), 1, 1)
    found = Resolution.span(first, date(hundreds * 100 + 99, 12, 31), timex=timex.century(hundreds))
    return found, f"the century of the years {hundreds:02d}00-{hundreds:02d}99"


@handler("ordinal_day")
def _ordinal_day(m: re.Match, q: Query) -> _Found:
    """ "The 20th": the nearest such day the tense points to; "the 5th of next month" that month's."""
    day, a = _ordinal(m["day"]), q.anchor
    if m["rel"]:
        steps = en.STEPS[m["rel"]]
        month, how = _anchor_unit("month", steps, a)
        found = calendar_day(month.earliest.year, month.earliest.month, day)
        if found is None:
            raise UnresolvedDate(f"cannot resolve {q.expression!r}: {month.label} has no day {day}")
        return found, f"day {day} of {month.label} ({how})"
    step = 1 if q.future else -1
    for months in range(0, 13 * step, step):
        year, month = add_months(a.year, a.month, months)
        found = calendar_day(year, month, day)
        if found and (found.earliest >= a if q.future else found.earliest <= a):
            return found, f"the nearest {m['day']} of a month ({q.direction})"
    raise UnresolvedDate(f"cannot resolve {q.expression!r}: no month has a day {day}")


def _modal_after_the_perfect(q: Query) -> bool:
    """True when a modal stands between the last "has"/"have" before a length and the length ("have
    declared force majeure, and shipments could be disrupted for several weeks"): it is the modal's length,
    ahead, not one reaching back to now."""
    perfects = list(_REACHES_BACK.finditer(q.before))
    return bool(perfects) and _MODAL.search(q.before, perfects[-1].end()) is not None


@handler("duration")
def _duration(m: re.Match, q: Query) -> _Found:
    """A bare duration names a date only when it reaches back from now or forward ("in two weeks")."""
    forward = q.preposition in en.FORWARD_PREPOSITIONS
    if forward and _SUPERLATIVE_BEFORE.search(q.before):
        # "The first visit in a decade", "the highest level in five years": the span up to now in which
        # nothing matched it, not a date ahead.
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: after a superlative or an ordinal it is the "
                             "span up to now in which it is counted, not a date")
    if forward and q.future:
        return _from_anchor(q, m["unit"], m["count"], 1)
    if m["now"] or _REACHES_BACK.search(q.context) and not _modal_after_the_perfect(q):
        return _reaching_back(m["unit"], m["count"], q)
    if forward and q.cue is None:
        return _from_anchor(q, m["unit"], m["count"], 1)
    raise UnresolvedDate(f"cannot resolve {q.expression!r}: a duration alone names no date "
                         "(the sentence does not say it reaches back from the publication date)")
