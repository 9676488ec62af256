"""Turning a date expression from a news report into calendar dates, anchored on the publication date.

`resolve("last Friday", date(2024, 12, 9))` gives the Resolution of 2024-12-06 with a rule saying why.
An own grammar of the usual news spellings (DESIGN.md section 5) does almost all the work, fast and at
the precision the words carry; dateparser, imported only when needed, reads the rare spellings the
grammar does not know, and only the precision it reports is kept. Anything else raises UnresolvedDate:
the resolver never guesses.

Choices where news usage leaves room:
- "now", "currently", "at present" are the publication day with TIMEX3 value PRESENT_REF;
  "recently", "lately", "in the past" name no bound at all and raise UnresolvedDate;
  "recent days/weeks/months/years" read as the past several (3..7) units, PAST_REF, approximate.
- Early / mid / late (and the beginning / middle / end of) narrow to thirds: of a month days 1-10,
  11-20, 21-end; of a year Jan-Apr, May-Aug, Sep-Dec; of a decade years 0-3, 4-6, 7-9; of a week,
  which has no clean thirds, Mon-Wed, Tue-Fri, Thu-Sun. A single day stays that day ("late Friday").
- "the past week/month/year" is the span up to the day before the anchor (P1W, P1M, P1Y); with a
  count of two or more ("the past two years") it dates the start of a duration reaching back.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable

from .dates import Resolution, add_months, month_end
from .errors import UnresolvedDate
from .lexicon import (
    APPROXIMATORS, DAY_PARTS, FIXED_HOLIDAYS, MONTH_ABBREVIATIONS, MONTHS, MULTIPLIER_WORDS, NUMBER_WORDS,
    ORDINAL_WORDS, SEASON_WORDS, UNITS, VAGUE_COUNTS, WEEKDAY_ABBREVIATIONS, WEEKDAYS,
)

__all__ = ["needs_reference", "resolve", "tense"]

# Longer inputs are sentences, not date expressions; refusing them early keeps the fallback fast.
_MAX_LENGTH = 200
_DAY = timedelta(days=1)
_MONTH_NUMBERS = {**MONTHS, **MONTH_ABBREVIATIONS}
_WEEKDAY_NUMBERS = {**WEEKDAYS, **WEEKDAY_ABBREVIATIONS}
_WEEKDAY_TITLES = {number: name.capitalize() for name, number in WEEKDAYS.items()}
_DECADE_WORDS = {word[:-1] + "ies": value for word, value in NUMBER_WORDS.items() if value in range(20, 100, 10)}
# Keyed as the text reads once normalised, which drops the possessive ("new year day").
_HOLIDAYS = {name.replace("'s", ""): month_day for name, month_day in FIXED_HOLIDAYS.items()}
_DURATION_CODES = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y"}
_MONTHS_PER_UNIT = {"month": 1, "quarter": 3, "year": 12, "decade": 120}
# Parts named by "early/mid/late" and "the beginning/middle/end of": which third, and the TimeML mod.
_PARTS = {"early": (0, "START"), "beginning": (0, "START"), "start": (0, "START"), "mid": (1, "MID"),
          "middle": (1, "MID"), "late": (2, "END"), "end": (2, "END")}
_DEICTIC_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                 "earlier today": 0, "later today": 0, "yesterday": -1, "last night": -1, "tomorrow": 1,
                 "the day before yesterday": -2, "the day after tomorrow": 2}


def _alternation(words) -> str:
    """A regex alternation, longest first so that a prefix never shadows a longer word."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_NUMBER_WORD = _alternation(w for w in NUMBER_WORDS if w not in ("a", "an"))
_ORDINAL_WORD = rf"(?:(?:twenty|thirty) )?(?:{_alternation(ORDINAL_WORDS)})"
_FRAGMENTS = {
    "month": _alternation(_MONTH_NUMBERS),
    "weekday": _alternation(_WEEKDAY_NUMBERS),
    "season": _alternation(SEASON_WORDS),
    "unit": _alternation(UNITS),
    "count": rf"{_alternation(VAGUE_COUNTS)}|\d+|(?:an? )?(?:{_NUMBER_WORD})(?: (?:and )?(?:{_NUMBER_WORD}))*|an?",
    "day": rf"(?:\d{{1,2}}(?:st|nd|rd|th)?|{_ORDINAL_WORD})",
    "year": r"\d{4}|'\d\d|last year|this year|next year",
    "daypart": rf"(?:{_alternation(DAY_PARTS)})",
    "deictic": _alternation(_DEICTIC_DAYS),
    "rel": "last|next|this past|this coming|this|past|coming",
    "decades": _alternation(_DECADE_WORDS),
    "ordinal": _ORDINAL_WORD,
    "holiday": _alternation(_HOLIDAYS),
}

# -- reading the sentence: which way does it look? ---------------------------------------------------

# A future auxiliary takes the verb group after it, so "will be carried out" is one future cue and its
# participle is not read as a past tense.
_VERB_GROUP = r"(?: (?:not|be|been|have|also|still|then|soon|only|now|never|\w+ly))*(?: \w+)?"
_FUTURE_CUE = (
    r"(?:will|won't|shall|'ll|going to|(?:is|are|am|was|were) (?:due|set|scheduled|slated|"
    r"expected|poised|about) to|(?:is|are|am) to|(?:is|are) (?:due|planned|set for)|plans? to|"
    r"planned to|planning to|expects?|expecting|anticipates?|forecasts?|predicts?|expected to|"
    r"intends? to|aims? to|hopes? to|scheduled|slated|upcoming|forthcoming|next|tomorrow|"
    # A schedule in the simple present looks forward ("the offer expires Nov. 15"); not "opens" or
    # "closes", which headlines use for what has just happened ("Wall Street closes higher Monday").
    r"expires|takes effect|resumes|convenes|reconvenes)"
    rf"{_VERB_GROUP}"
)
# "would" is future only from where it is said: after "said" it may be a past plan ("said that the
# lives of soldiers would be safe"), so it decides only when it is the verb nearest the date.
_WOULD_CUE = rf"would(?! have){_VERB_GROUP}"
_PAST_CUE = (
    r"was|were|had|did|has|have|'ve|said|told|went|came|took|met|began|left|made|gave|saw|fell|rose|won|"
    r"lost|held|led|fled|fought|broke|brought|built|bought|caught|chose|drove|found|got|grew|heard|hit|"
    r"kept|knew|laid|paid|ran|sent|shot|shut|sold|spoke|spent|stood|struck|thought|threw|wrote|became|"
    r"sought|ago|yesterday|last|\w{2,}ed"
)
_CUES = re.compile(rf"\b(?:(?P<future>{_FUTURE_CUE})|(?P<would>{_WOULD_CUE})|(?P<past>{_PAST_CUE}))\b")
# Words ending in -ed that are not past tenses.
_NOT_PAST = frozenset({"hundred", "need", "indeed", "speed", "proceed", "exceed", "succeed", "united",
                       "limited", "naked", "sacred", "wicked", "kindred", "breed", "creed", "greed"})
# Perfect tenses and "now" say a duration reaches back from the anchor ("has been closed for ten days").
_REACHES_BACK = re.compile(r"\b(?:has|have|now)\b|'ve\b|'s been\b")


def _cues(text: str, start: int = 0, end: int | None = None) -> list[str]:
    span = _CUES.finditer(text, start, len(text) if end is None else end)
    return [m.lastgroup for m in span if not (m.lastgroup == "past" and m.group() in _NOT_PAST)]


def _cue(context: str | None, expression: str | None) -> str | None:
    """"future" or "past" from the verb nearest before the expression (else after it), or None.

    The nearest verb governs the date: in "said the strike will begin on Monday" it is "will", in
    "said on Monday that the border would reopen" it is "said". Without the expression's place, any
    future cue decides, and "would" only when no past verb comes before it.
    """
    if not context:
        return None
    text = context.lower()
    at = text.find(expression.strip().lower()) if expression else -1
    if at >= 0:
        nearest = _cues(text, 0, at)[-1:] or _cues(text, at + len(expression.strip()))[:1]
        return ("future" if nearest[0] == "would" else nearest[0]) if nearest else None
    found = _cues(text)
    first_past = found.index("past") if "past" in found else len(found)
    if "future" in found or "would" in found[:first_past]:
        return "future"
    return "past" if found else None


def tense(context: str | None, expression: str | None = None) -> str:
    """"future" when the sentence looks forward, else "past" (news reports look back by default).

    With `expression`, the verb nearest before it (else after it) decides; without, any future cue.
    """
    return _cue(context, expression) or "past"


# -- normalising the words ----------------------------------------------------------------------------

_TIME_OF_DAY = re.compile(
    r"\b(?:at )?(?:\d{1,2}(?:[:.]\d{2})? ?(?:a\.?m\.?|p\.?m\.?)(?![a-z])|\d{1,2}:\d{2}(?::\d{2})?|noon|midnight)"
    r"(?: (?:local time|gmt|utc))?"
)
_NORMALISE = (
    (re.compile(r"[\u2018\u2019\u02bc`]"), "'"),
    (re.compile(r"[\u2010-\u2015]"), "-"),
    (re.compile(r"[\"()\[\]{}\u201c\u201d]"), " "),
    (re.compile(r"(?<=[a-z])\."), ""),
    (re.compile(r"[,;:!?]"), " "),
    # "the 1990's" is a decade; any other "'s" is a possessive ("Friday's", "1987's").
    (re.compile(r"(?<=0)'s\b"), "s"),
    (re.compile(r"(?<=[a-z1-9])'s\b"), ""),
    (re.compile(r"(?<=s)'(?= |$)"), ""),
    (re.compile(r"(?<=[a-z])-|-(?=[a-z])"), " "),
    (re.compile(r"\s+"), " "),
    # An article cut "ago" to "ag" ("a few days ag"); after a unit nothing else is meant.
    (re.compile(rf"\b({_FRAGMENTS['unit']}) ag$"), r"\1 ago"),
)
# Approximators are tried first: "at least" is not "at", and "over" before a count ("over a year ago")
# is an approximator but a preposition elsewhere ("over the weekend", "over 2024").
_LEADING = re.compile(
    rf"(?:(?P<approximator>{_alternation(APPROXIMATORS)}|(?:over|some)(?= (?:an?|\d{{1,3}}|{_NUMBER_WORD})\b))"
    r"|(?P<preposition>as early as|as late as|as of|on|in|at|during|by|since|from|until|till|through|"
    r"throughout|for|toward|towards|so far|sometime|over|the (?:morning|afternoon|evening|night) of)) "
)
_OR_SO = " or so"


def _normalise(expression: str) -> str:
    text = _TIME_OF_DAY.sub(" ", expression.lower())
    for pattern, replacement in _NORMALISE:
        text = pattern.sub(replacement, text)
    return text.strip(" .'-")


def _strip(text: str) -> tuple[str, str, bool]:
    """The expression without leading prepositions and approximators: (text, preposition, approximate)."""
    preposition, approximate = "", False
    if _OR_SO in text:
        text, approximate = text.replace(_OR_SO, ""), True
    while m := _LEADING.match(text):
        text = text[m.end():]
        if m["approximator"]:
            approximate = True
        else:
            preposition = m["preposition"]
    return text, preposition, approximate


# -- calendar arithmetic ------------------------------------------------------------------------------


def _day(d: date) -> str:
    return f"{_WEEKDAY_TITLES[d.weekday()][:3]} {d.isoformat()}"


def _counted(unit: str, steps: int, anchor: date) -> str:
    """How a unit counted from the anchor's reads: "the week before that of Mon 2024-12-09"."""
    if steps == 0:
        return f"the {unit} of {_day(anchor)}"
    side = "before" if steps < 0 else "after"
    count = f"{abs(steps)} {unit}s" if abs(steps) > 1 else f"the {unit}"
    return f"{count} {side} that of {_day(anchor)}"


def _shift(d: date, unit: str, n: int) -> date:
    """`d` moved by n units; calendar units keep the day of the month where it exists, else clamp it."""
    if unit == "day":
        return d + timedelta(days=n)
    if unit == "week":
        return d + timedelta(weeks=n)
    year, month = add_months(d.year, d.month, n * _MONTHS_PER_UNIT[unit])
    return date(year, month, min(d.day, month_end(year, month).day))


def _unit_of(d: date, unit: str) -> Resolution:
    """The calendar unit (ISO week for weeks) that contains `d`."""
    if unit == "day":
        return Resolution.day(d)
    if unit == "week":
        return Resolution.week(d)
    if unit == "month":
        return Resolution.month(d.year, d.month)
    if unit == "quarter":
        return Resolution.quarter(d.year, (d.month - 1) // 3 + 1)
    if unit == "year":
        return Resolution.year(d.year)
    return Resolution.decade(d.year)


def _cover(first: date, last: date, unit: str) -> Resolution:
    """The units from the one holding `first` to the one holding `last`: one unit, or a range of them."""
    start, end = _unit_of(first, unit), _unit_of(last, unit)
    return start if start == end else Resolution.span(start.earliest, end.latest)


def _canonical(unit: str, low: int, high: int) -> tuple[str, int, int]:
    """Fortnights count as two weeks and decades of a count as ten years ("a decade ago" is a year)."""
    if unit == "fortnight":
        return "week", 2 * low, 2 * high
    if unit == "decade":
        return "year", 10 * low, 10 * high
    return unit, low, high


def _offset(base: Resolution, unit: str, low: int, high: int) -> Resolution:
    """The units `low`..`high` away from `base` (negative: before it), at the unit's precision."""
    return _cover(_shift(base.earliest, unit, low), _shift(base.latest, unit, high), unit)


def _count(text: str) -> int:
    if text.isdigit():
        return int(text)
    total = 0
    for word in text.split():
        if word in MULTIPLIER_WORDS:
            total = (total or 1) * NUMBER_WORDS[word]
        elif word != "and":
            total += NUMBER_WORDS[word]
    return total


def _counts(text: str | None, plural: bool) -> tuple[int, int, bool]:
    """(low, high, vague) for a count; no count means one unit, or several when the unit is plural."""
    if text is None:
        return (*VAGUE_COUNTS["several"], True) if plural else (1, 1, False)
    if text in VAGUE_COUNTS:
        return (*VAGUE_COUNTS[text], True)
    n = _count(text)
    return n, n, False


def _ordinal(text: str) -> int:
    """The number an ordinal names: "22nd", "3", "third", "twenty first"."""
    if digits := re.fullmatch(r"(\d+)(?:st|nd|rd|th)?", text):
        return int(digits[1])
    *tens, last = text.split()
    return sum(NUMBER_WORDS[w] for w in tens) + ORDINAL_WORDS[last]


def _year_of(text: str, anchor: date) -> int:
    relative = {"last year": -1, "this year": 0, "next year": 1}
    if text in relative:
        return anchor.year + relative[text]
    if text.startswith("'"):
        # "Oct. 19, '87": the year of that ending nearest the anchor, at most ten years ahead of it.
        start = anchor.year + 10 - 99
        return start + (int(text[1:]) - start) % 100
    return int(text)


def _narrow(res: Resolution, third: int, mod: str) -> Resolution:
    """The first, middle or last third of `res` (see the module docstring), keeping its precision."""
    a, b = res.earliest, res.latest
    if a == b:
        return res
    if res.precision == "decade":
        first, last = ((0, 3), (4, 6), (7, 9))[third]
        return replace(res, earliest=date(a.year + first, 1, 1), latest=date(a.year + last, 12, 31), mod=mod)
    if (b - a).days == 6 and a.weekday() == 0:
        first, last = ((0, 2), (1, 4), (3, 6))[third]
        return replace(res, earliest=a + timedelta(first), latest=a + timedelta(last), mod=mod)
    months = (b.year - a.year) * 12 + b.month - a.month + 1
    whole_months = a.day == 1 and b == month_end(b.year, b.month)
    if whole_months and months % 3 == 0:
        size = months // 3
        start = add_months(a.year, a.month, third * size)
        end = add_months(*start, size - 1)
        return replace(res, earliest=date(*start, 1), latest=month_end(*end), mod=mod)
    if whole_months and months == 1:
        first, last = ((1, 10), (11, 20), (21, b.day))[third]
        return replace(res, earliest=a.replace(day=first), latest=a.replace(day=last), mod=mod)
    days = (b - a).days + 1
    cuts = (0, round(days / 3), round(2 * days / 3), days)
    return replace(res, earliest=a + timedelta(cuts[third]), latest=a + timedelta(cuts[third + 1] - 1), mod=mod)


# -- the grammar ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Query:
    """What a rule needs besides the words: the anchor, the tense cue, the sentence, the reference."""

    expression: str
    anchor: date
    cue: str | None
    context: str
    after: Resolution | None
    preposition: str = ""

    @property
    def future(self) -> bool:
        return self.cue == "future"

    @property
    def direction(self) -> str:
        return "future tense" if self.future else "past tense" if self.cue else "no tense cue: past"


_Found = "tuple[Resolution, str] | None"
_Handler = Callable[[re.Match, _Query], _Found]


@dataclass(frozen=True)
class _Rule:
    """A pattern over the normalised words, its handler, and whether it counts from another event."""

    pattern: re.Pattern
    handler: _Handler
    reference: bool


_RULES: list[_Rule] = []


def _rule(*patterns: str, reference: bool = False) -> Callable[[_Handler], _Handler]:
    """Register a handler for expressions matching any of `patterns` in full; order is priority.

    A handler returns (resolution, how it was reached), or None to let the later rules try.
    """

    def register(handler: _Handler) -> _Handler:
        for pattern in patterns:
            _RULES.append(_Rule(re.compile(pattern % _FRAGMENTS), handler, reference))
        return handler

    return register


def _instance(make: Callable[[int], Resolution | None], q: _Query, rel: str | None) -> tuple[Resolution, str]:
    """The occurrence of a yearly thing (a month, a season, "November 22") that the words point to.

    `last`: the latest one over before the anchor; `next`: the first one begun after it; `this`: the
    one containing the anchor, else as without a word; no word: the latest begun by the anchor
    (past), or the first not over before it (future).
    """
    a = q.anchor
    if rel == "this":
        for year in (a.year - 1, a.year):
            found = make(year)
            if found is not None and found.earliest <= a <= found.latest:
                return found, f"the one containing {_day(a)}"
        # "this summer" said in March is the summer of the anchor's year, whatever the tense.
        found = make(a.year)
        if found is not None:
            return found, f"the one in {a.year}"
    back, forth = range(a.year + 1, a.year - 10, -1), range(a.year - 1, a.year + 10)
    if rel in ("last", "past", "this past"):
        years, accept, how = back, lambda r: r.latest < a, f"the latest over before {_day(a)}"
    elif rel in ("next", "coming", "this coming"):
        years, accept, how = forth, lambda r: r.earliest > a, f"the first begun after {_day(a)}"
    elif q.future:
        years, accept, how = forth, lambda r: r.latest >= a, f"the first not over by {_day(a)} ({q.direction})"
    else:
        years, accept, how = back, lambda r: r.earliest <= a, f"the latest begun by {_day(a)} ({q.direction})"
    for year in years:
        found = make(year)
        if found is not None and accept(found):
            return found, how
    raise UnresolvedDate(f"cannot resolve {q.expression!r}: no such date within ten years of {a}")


def _whole_unit_words(text: str) -> str:
    """Inside "the end of the year" or "the first half of the year", "the year" is the anchor's."""
    return re.sub(r"^(?:the )?(week|month|quarter|year|decade)$", r"this \1", text)


@_rule(r"(?P<word>%(deictic)s)(?: %(daypart)s)?")
def _deictic(m: re.Match, q: _Query) -> _Found:
    offset = _DEICTIC_DAYS[m["word"]]
    if offset == 0:
        return Resolution.day(q.anchor), f"the anchor {_day(q.anchor)}"
    side = "before" if offset < 0 else "after"
    return Resolution.day(q.anchor + timedelta(offset)), f"{abs(offset)} day(s) {side} {_day(q.anchor)}"


@_rule(r"(?:right )?now|currently|at present|presently|nowadays|at the moment|these days")
def _present(m: re.Match, q: _Query) -> _Found:
    return Resolution.day(q.anchor, timex="PRESENT_REF"), f"the present: the anchor {_day(q.anchor)}"


@_rule(r"(?:the )?(?P<part>early|mid|late|beginning|start|middle|end)(?: of)? (?P<rest>.+)")
def _part(m: re.Match, q: _Query) -> _Found:
    third, mod = _PARTS[m["part"]]
    whole, how = _resolve_text(_whole_unit_words(m["rest"]), q)
    if whole.earliest == whole.latest:
        return whole, how
    return _narrow(whole, third, mod), f"{m['part']} third of {whole.label} ({how})"


def _earlier_later(side: str, unit: str, base: date, q: _Query) -> _Found:
    whole = _unit_of(base, unit)
    first, last = (whole.earliest, base - _DAY) if side == "earlier" else (base + _DAY, whole.latest)
    if last < first:
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: nothing of that {unit} lies {side} than {base}")
    return Resolution.span(first, last, timex=whole.timex), f"the part of {whole.label} {side} than {_day(base)}"


@_rule(r"(?P<side>earlier|later) (?:this|in the) (?P<unit>week|month|quarter|year)")
def _earlier_later_this(m: re.Match, q: _Query) -> _Found:
    return _earlier_later(m["side"], m["unit"], q.anchor, q)


@_rule(r"(?P<side>earlier|later) (?:that|in the same) (?P<unit>day|week|month|quarter|year)", reference=True)
def _earlier_later_that(m: re.Match, q: _Query) -> _Found:
    if m["unit"] == "day":
        return q.after, "the day of the reference event"
    base = q.after.earliest if m["side"] == "earlier" else q.after.latest
    return _earlier_later(m["side"], m["unit"], base, q)


@_rule(r"(?:(?P<rel>%(rel)s) )?(?P<weekday>%(weekday)s)(?: (?P<week>last|this|next) week)?(?: %(daypart)s)?")
def _weekday(m: re.Match, q: _Query) -> _Found:
    a, weekday, rel = q.anchor, _WEEKDAY_NUMBERS[m["weekday"]], m["rel"]
    name = _WEEKDAY_TITLES[weekday]
    if m["week"] or rel == "this":
        weeks = {"last": -1, "this": 0, "next": 1}[m["week"] or "this"]
        day = a + timedelta(days=weekday - a.weekday(), weeks=weeks)
        return Resolution.day(day), f"the {name} of {_counted('ISO week', weeks, a)}"
    before = a - timedelta((a.weekday() - weekday - 1) % 7 + 1)
    following = a + timedelta((weekday - a.weekday() - 1) % 7 + 1)
    if rel in ("last", "past", "this past"):
        return Resolution.day(before), f"the {name} before {_day(a)}"
    if rel in ("next", "coming", "this coming"):
        return Resolution.day(following), f"the {name} after {_day(a)}"
    if a.weekday() == weekday:
        return Resolution.day(a), f"the anchor {_day(a)} is a {name}"
    nearest, side = (following, "after") if q.future else (before, "before")
    return Resolution.day(nearest), f"the nearest {name} {side} {_day(a)} ({q.direction})"


def _weekend(saturday: date) -> Resolution:
    iso_year, iso_week, _ = saturday.isocalendar()
    return Resolution.span(saturday, saturday + _DAY, timex=f"{iso_year:04d}-W{iso_week:02d}-WE")


@_rule(r"(?:(?P<rel>%(rel)s|the) )?weekend")
def _weekend_rule(m: re.Match, q: _Query) -> _Found:
    a, rel = q.anchor, m["rel"]
    saturday = a + timedelta(5 - a.weekday())
    previous = saturday if saturday + _DAY < a else saturday - timedelta(7)
    upcoming = saturday if saturday > a else saturday + timedelta(7)
    if rel in ("last", "past", "this past"):
        return _weekend(previous), f"the weekend before {_day(a)}"
    if rel in ("next", "coming", "this coming"):
        return _weekend(upcoming), f"the weekend after {_day(a)}"
    if a.weekday() >= 5:
        return _weekend(a - timedelta(a.weekday() - 5)), f"the weekend of {_day(a)}"
    chosen = upcoming if q.future else previous
    return _weekend(chosen), f"the nearest weekend to {_day(a)} ({q.direction})"


_STEPS = {"last": -1, "next": 1, "before last": -2, "after next": 2, "the latest": -1, "the most recent": -1}


# A bare "the year" or "the quarter" in a news report is the one it is written in (TimeML's reading);
# "the latest quarter" is the last one reported, the one before the anchor's.
@_rule(r"(?P<rel>this|last|next|(?:the )?current) (?P<unit>week|month|quarter|year|decade)",
       r"(?:the )?(?P<unit>week|month|quarter|year) (?P<rel>before last|after next)",
       r"(?P<rel>the) (?P<unit>week|month|quarter|year)",
       r"(?P<rel>the latest|the most recent) (?P<unit>quarter|month|week)")
def _calendar_unit(m: re.Match, q: _Query) -> _Found:
    steps = _STEPS.get(m["rel"], 0)
    found = _unit_of(_shift(q.anchor, m["unit"], steps), m["unit"])
    return found, _counted(m["unit"], steps, q.anchor)


@_rule(r"(?:around )?this time (?P<rel>last|next) year")
def _this_time(m: re.Match, q: _Query) -> _Found:
    day = _shift(q.anchor, "year", _STEPS[m["rel"]])
    return Resolution.day(day, mod="APPROX", approximate=True), f"about the same day of the {m['rel']} year"


def _distance(low: int, high: int) -> str:
    near, far = sorted((abs(low), abs(high)))
    return str(near) if near == far else f"{near}..{far}"


_REFERENCE_UNITS = {"night": "day", "morning": "day", "afternoon": "day", "evening": "day"}


# Units a reference of this precision can be moved by whole, keeping its precision: "a year earlier"
# than the third quarter of 1997 is the third quarter of 1996, not all of 1996.
_KEEPS_PRECISION = {"month": ("month", "quarter", "year"), "quarter": ("quarter", "year"), "season": ("year",)}


def _moved(base: Resolution, unit: str, steps: int) -> Resolution:
    months = steps * _MONTHS_PER_UNIT[unit]
    first, last = add_months(base.earliest.year, base.earliest.month, months), add_months(
        base.latest.year, base.latest.month, months)
    return Resolution(date(*first, 1), month_end(*last), base.precision)


def _from_reference(q: _Query, unit: str, low: int, high: int, vague: bool) -> _Found:
    unit, low, high = _canonical(_REFERENCE_UNITS.get(unit, unit), low, high)
    if low == high and unit in _KEEPS_PRECISION.get(q.after.precision, ()):
        found = _moved(q.after, unit, low)
    else:
        found = _offset(q.after, unit, low, high)
    if vague:
        found = replace(found, mod="APPROX", approximate=True)
    side = "after" if high > 0 else "before" if low < 0 else "of"
    return found, f"{_distance(low, high)} {unit}(s) {side} the reference event ({q.after.label})"


_DIRECTIONS = {"next": 1, "following": 1, "after": 1, "later": 1, "afterwards": 1, "afterward": 1, "on": 1,
               "previous": -1, "preceding": -1, "prior": -1, "before": -1, "earlier": -1}


@_rule(r"(?:the )?(?P<dir>next|following|previous|preceding|prior) "
       r"(?P<unit>day|night|morning|afternoon|evening|week|month|quarter|year)",
       r"(?:the )?(?P<unit>day|night|morning|week|month|year) (?P<dir>before|after)(?: .+)?",
       reference=True)
def _next_unit(m: re.Match, q: _Query) -> _Found:
    step = _DIRECTIONS[m["dir"]]
    return _from_reference(q, m["unit"], step, step, False)


@_rule(r"(?:the (?:very )?same|that(?: same| very)?) "
       r"(?P<unit>day|night|morning|afternoon|evening|week|month|quarter|year)", reference=True)
def _same_unit(m: re.Match, q: _Query) -> _Found:
    return _from_reference(q, m["unit"], 0, 0, False)


@_rule(r"(?P<count>%(count)s) (?P<unit>%(unit)s) (?P<dir>later|earlier|after|before|afterwards?|prior|on)(?: .+)?",
       reference=True)
def _count_from_reference(m: re.Match, q: _Query) -> _Found:
    low, high, vague = _counts(m["count"], plural=False)
    sign = _DIRECTIONS[m["dir"]]
    low, high = (low, high) if sign > 0 else (-high, -low)
    return _from_reference(q, UNITS[m["unit"]], low, high, vague)


@_rule(r"(?:the |this )?(?:most )?(?P<rel>past|last|recent|coming|next) (?:(?P<count>%(count)s) )?(?P<unit>%(unit)s)")
def _span(m: re.Match, q: _Query) -> _Found:
    """The span just before or after the anchor; "recent days" and "the coming weeks" are several."""
    a, word = q.anchor, m["unit"]
    back = m["rel"] in ("past", "last", "recent")
    low, high, vague = _counts(m["count"], plural=word != UNITS[word])
    if back and not vague and low >= 2:
        return _reaching_back(word, m["count"], q)
    unit, low, high = _canonical(UNITS[word], low, high)
    if back:
        found = Resolution.span(_shift(a, unit, -high), a - _DAY)
        side = f"the {high} {unit}(s) before {_day(a)}"
    else:
        found = Resolution.span(a + _DAY, _shift(a, unit, high))
        side = f"the {high} {unit}(s) after {_day(a)}"
    if vague:
        ref = "PAST_REF" if back else "FUTURE_REF"
        return replace(found, timex=ref, mod="APPROX", approximate=True), f"up to {side}"
    return replace(found, timex=f"P{high}{_DURATION_CODES[unit]}"), side


def _from_anchor(q: _Query, word: str, count: str, sign: int, approximate: bool = False) -> _Found:
    low, high, vague = _counts(count, plural=False)
    unit, low, high = _canonical(UNITS[word], low, high)
    low, high = (low, high) if sign > 0 else (-high, -low)
    found = _offset(Resolution.day(q.anchor), unit, low, high)
    if vague and low != high:
        found = replace(found, timex="PAST_REF" if sign < 0 else "FUTURE_REF")
    if vague or approximate:
        found = replace(found, mod="APPROX", approximate=True)
    return found, f"{_distance(low, high)} {unit}(s) {'before' if sign < 0 else 'after'} {_day(q.anchor)}"


def _reaching_back(word: str, count: str, q: _Query) -> _Found:
    found, how = _from_anchor(q, word, count, -1, approximate=True)
    return found, f"the start of a duration reaching back: {how}"


@_rule(r"(?P<count>%(count)s) (?P<unit>%(unit)s) (?P<dir>ago|back|from now|from today|hence)")
def _ago(m: re.Match, q: _Query) -> _Found:
    return _from_anchor(q, m["unit"], m["count"], -1 if m["dir"] in ("ago", "back") else 1)


@_rule(r"(?:the )?(?P<ord>first|second|third|fourth|last|final)(?: (?P<count>%(count)s))? "
       r"(?P<unit>days?|weeks?|months?|quarters) of (?P<rest>.+)")
def _units_of(m: re.Match, q: _Query) -> _Found:
    """The first (second, ...) or last N days, weeks or months of a longer unit."""
    whole, how = _resolve_text(_whole_unit_words(m["rest"]), q)
    unit = UNITS[m["unit"]]
    _, n, vague = _counts(m["count"], plural=False)
    if m["ord"] in ("last", "final"):
        first, last = _shift(whole.latest + _DAY, unit, -n), whole.latest
    else:
        start = _shift(whole.earliest, unit, ORDINAL_WORDS[m["ord"]] - 1)
        first, last = start, _shift(start, unit, n) - _DAY
    if first < whole.earliest or last > whole.latest:
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: {whole.label} has no such {unit}s")
    found = replace(_cover(first, last, "day"), mod="APPROX" if vague else None, approximate=vague)
    return found, f"the {m['ord']} {n} {unit}(s) of {whole.label} ({how})"


def _half(year: int, n: int) -> Resolution:
    first = 1 if n == 1 else 7
    return Resolution.span(date(year, first, 1), month_end(year, first + 5), timex=f"{year:04d}-H{n}")


def _part_of_year(kind: str, n: int, year_text: str | None, q: _Query) -> _Found:
    if kind == "half" and n > 2:
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: a year has two halves")
    make = (lambda y: _half(y, n)) if kind == "half" else (lambda y: Resolution.quarter(y, n))
    if year_text is None:
        return _instance(make, q, None)
    whole, how = _resolve_text(_whole_unit_words(year_text), q)
    if whole.precision != "year":
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: {year_text!r} is not a calendar year")
    return make(whole.earliest.year), f"{kind} {n} of {whole.label} ({how})"


@_rule(r"(?:the )?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th) (?P<kind>quarter|half)"
       r"(?: of (?P<rest>.+))?",
       r"(?:the )?(?P<rest>%(year)s) (?:the )?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th) "
       r"(?P<kind>quarter|half)")
def _ordinal_part(m: re.Match, q: _Query) -> _Found:
    if m["ord"] == "last" and m["rest"] is None:
        return None  # "the last quarter" is the span before the anchor, not Q4
    n = 4 if m["ord"] in ("final", "last") else _ordinal(m["ord"])
    return _part_of_year(m["kind"], n, m["rest"], q)


@_rule(r"(?P<kind>q|h)(?P<n>[1-4])(?: (?P<year>\d{4}))?", r"(?P<year>\d{4}) (?P<kind>q|h)(?P<n>[1-4])")
def _short_part(m: re.Match, q: _Query) -> _Found:
    return _part_of_year("quarter" if m["kind"] == "q" else "half", int(m["n"]), m["year"], q)


def _calendar_day(year: int, month: int, day: int) -> Resolution | None:
    """The day, or None where the year lacks it (February 29)."""
    return Resolution.day(date(year, month, day)) if day <= month_end(year, month).day else None


def _dated(year_text: str | None, month: int, day: int, weekday: str | None, q: _Query) -> _Found:
    """A month and day, in the year given, else the year the weekday fits nearest the anchor, else the
    year the tense points to. A weekday that does not fit is ignored, not trusted over the date."""
    a = q.anchor
    wanted = _WEEKDAY_NUMBERS[weekday] if weekday else None
    if year_text is not None:
        found, how = Resolution.day(date(_year_of(year_text, a), month, day)), "a calendar date"
    elif wanted is not None and (fitting := [
            d for y in (a.year - 1, a.year, a.year + 1)
            if (d := _calendar_day(y, month, day)) and d.earliest.weekday() == wanted]):
        found = min(fitting, key=lambda d: abs(d.earliest - a))
        return found, f"the year nearest {_day(a)} in which it falls on a {_WEEKDAY_TITLES[wanted]}"
    else:
        found, how = _instance(lambda y: _calendar_day(y, month, day), q, None)
    if wanted is not None and wanted != found.earliest.weekday():
        how += f"; the weekday given ({weekday}) does not match and is ignored"
    return found, how


@_rule(r"(?:(?P<weekday>%(weekday)s) )?(?:the )?(?P<month>%(month)s) (?:the )?(?P<day>%(day)s)"
       r"(?: (?:of )?(?P<year>%(year)s))?",
       r"(?:(?P<weekday>%(weekday)s) )?(?:the )?(?P<day>%(day)s)(?: of)? (?P<month>%(month)s)"
       r"(?: (?:of )?(?P<year>%(year)s))?")
def _month_day(m: re.Match, q: _Query) -> _Found:
    return _dated(m["year"], _MONTH_NUMBERS[m["month"]], _ordinal(m["day"]), m["weekday"], q)


@_rule(r"(?:(?P<rel>last|next|this) )?(?P<holiday>%(holiday)s)(?: (?:of )?(?P<year>%(year)s))?")
def _holiday(m: re.Match, q: _Query) -> _Found:
    month, day = _HOLIDAYS[m["holiday"]]
    if m["rel"] and not m["year"]:
        return _instance(lambda y: _calendar_day(y, month, day), q, m["rel"])
    return _dated(m["year"], month, day, None, q)


@_rule(r"(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})")
def _iso_day(m: re.Match, q: _Query) -> _Found:
    return _dated(m["year"], int(m["month"]), int(m["day"]), None, q)


@_rule(r"(?P<year>\d{4})-(?P<month>\d{2})")
def _iso_month(m: re.Match, q: _Query) -> _Found:
    return Resolution.month(int(m["year"]), int(m["month"])), "a calendar month"


@_rule(r"(?P<first>\d{1,2})([/.])(?P<second>\d{1,2})\2(?P<year>\d{4})")
def _numeric_day(m: re.Match, q: _Query) -> _Found:
    first, second = int(m["first"]), int(m["second"])
    if first != second and first <= 12 and second <= 12:
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: day and month could be either way round")
    day, month = (first, second) if first > 12 else (second, first)
    return _dated(m["year"], month, day, None, q)


@_rule(r"(?:(?P<rel>%(rel)s) )?(?P<month>%(month)s)(?: (?:of )?(?P<year>%(year)s))?")
def _month(m: re.Match, q: _Query) -> _Found:
    month = _MONTH_NUMBERS[m["month"]]
    if m["year"]:
        return Resolution.month(_year_of(m["year"], q.anchor), month), "a calendar month"
    return _instance(lambda y: Resolution.month(y, month), q, m["rel"])


@_rule(r"(?:(?P<rel>%(rel)s) )?(?:the )?(?P<season>%(season)s)(?: (?:of )?(?P<year>%(year)s))?")
def _season(m: re.Match, q: _Query) -> _Found:
    code = SEASON_WORDS[m["season"]]
    if m["year"]:
        year = _year_of(m["year"], q.anchor)
        return Resolution.season(year, code), "a meteorological season, labelled by the year it starts"
    return _instance(lambda y: Resolution.season(y, code), q, m["rel"])


@_rule(r"(?:the )?(?:year )?(?P<year>\d{4})")
def _year(m: re.Match, q: _Query) -> _Found:
    return Resolution.year(int(m["year"])), "a calendar year"


@_rule(r"(?:the )?(?:fiscal|financial)(?: year)? (?P<year>\d{4})", r"fy ?(?P<year>\d{4})",
       r"(?:the )?(?P<year>\d{4}) (?:fiscal|financial) year")
def _fiscal_year(m: re.Match, q: _Query) -> _Found:
    # A fiscal year is named by the calendar year it ends in (TimeBank's FY values follow US usage);
    # organisations end it in different months, so the bounds hold any twelve months ending in that year.
    year = int(m["year"])
    found = Resolution.span(date(year - 1, 2, 1), date(year, 12, 31), timex=f"FY{year}")
    return found, f"a fiscal year ending in {year}"


@_rule(r"(?P<rel>this|last|next|the current|the) (?:fiscal|financial) year")
def _relative_fiscal_year(m: re.Match, q: _Query) -> _Found:
    year = q.anchor.year + _STEPS.get(m["rel"], 0)
    found, how = _fiscal_year(re.fullmatch(r"(?P<year>\d{4})", str(year)), q)
    return found, f"{how}, counted from {_day(q.anchor)}"


@_rule(r"(?:the )?(?:(?P<rel>this|last|next) )?year end")
def _year_end(m: re.Match, q: _Query) -> _Found:
    return _resolve_text(f"the end of {m['rel'] or 'this'} year", q)


@_rule(r"the (?P<month>%(month)s) quarter")
def _quarter_of_month(m: re.Match, q: _Query) -> _Found:
    """Companies name a quarter by the month it ends in: "the September quarter" is July-September."""
    n = (_MONTH_NUMBERS[m["month"]] - 1) // 3 + 1
    return _instance(lambda y: Resolution.quarter(y, n), q, None)


@_rule(r"the week of (?P<rest>.+)")
def _week_of(m: re.Match, q: _Query) -> _Found:
    day, how = _resolve_text(m["rest"], q)
    if day.precision != "day":
        return None
    return Resolution.week(day.earliest), f"the ISO week of {day.label} ({how})"


@_rule(r"(?P<unit>days|weeks|months|years|decades) ago")
def _unnumbered_ago(m: re.Match, q: _Query) -> _Found:
    """ "Years ago" counts no units, so it reads as "some years ago"."""
    return _from_anchor(q, m["unit"], "some", -1)


@_rule(r"the other day")
def _the_other_day(m: re.Match, q: _Query) -> _Found:
    return _from_anchor(q, "days", "a few", -1)


@_rule(r"(?:the )?(?P<decade>\d{3})0s")
def _decade(m: re.Match, q: _Query) -> _Found:
    return Resolution.decade(int(m["decade"]) * 10), "a decade"


@_rule(r"(?:the )?'?(?P<tens>[1-9])0s", r"(?:the )?(?P<word>%(decades)s)")
def _short_decade(m: re.Match, q: _Query) -> _Found:
    word = m.groupdict().get("word")
    tens = _DECADE_WORDS[word] if word else int(m["tens"]) * 10
    start = q.anchor.year // 100 * 100 + tens
    if start > q.anchor.year:
        start -= 100
    return Resolution.decade(start), f"the latest such decade begun by {q.anchor.year}"


@_rule(r"(?:the )?(?P<ordinal>\d{1,2}(?:st|nd|rd|th)|%(ordinal)s) century")
def _century(m: re.Match, q: _Query) -> _Found:
    hundreds = _ordinal(m["ordinal"]) - 1
    first = date(max(hundreds * 100, 1), 1, 1)
    found = Resolution.span(first, date(hundreds * 100 + 99, 12, 31), timex=f"{hundreds:02d}")
    return found, f"the century of the years {hundreds:02d}00-{hundreds:02d}99"


@_rule(r"(?:the )?(?P<day>\d{1,2}(?:st|nd|rd|th))")
def _ordinal_day(m: re.Match, q: _Query) -> _Found:
    day, a = _ordinal(m["day"]), q.anchor
    step = 1 if q.future else -1
    for months in range(0, 13 * step, step):
        year, month = add_months(a.year, a.month, months)
        found = _calendar_day(year, month, day)
        if found and (found.earliest >= a if q.future else found.earliest <= a):
            return found, f"the nearest {m['day']} of a month ({q.direction})"
    raise UnresolvedDate(f"cannot resolve {q.expression!r}: no month has a day {day}")


@_rule(r"(?P<count>%(count)s) (?P<unit>%(unit)s)(?P<now> now)?(?: time)?")
def _duration(m: re.Match, q: _Query) -> _Found:
    """A bare duration names a date only when it reaches back from now or forward ("in two weeks")."""
    forward = q.preposition == "in"
    if forward and q.future:
        return _from_anchor(q, m["unit"], m["count"], 1)
    if m["now"] or _REACHES_BACK.search(q.context):
        return _reaching_back(m["unit"], m["count"], q)
    if forward and q.cue is None:
        return _from_anchor(q, m["unit"], m["count"], 1)
    raise UnresolvedDate(f"cannot resolve {q.expression!r}: a duration alone names no date "
                         "(the sentence does not say it reaches back from the publication date)")


# -- the fallback ---------------------------------------------------------------------------------------

_MONTH_WORD = re.compile(rf"\b(?:{_FRAGMENTS['month']})\b")
_PERIODS = {"time": "day", "day": "day", "month": "month", "year": "year"}


@lru_cache(maxsize=32)
def _dateparser(anchor: date, future: bool):
    """A DateDataParser for one anchor and direction; building one costs more than a parse."""
    import dateparser

    base = datetime(anchor.year, anchor.month, anchor.day)
    return dateparser.DateDataParser(languages=["en"], settings={
        "RELATIVE_BASE": base, "PREFER_DATES_FROM": "future" if future else "past",
        "RETURN_AS_TIMEZONE_AWARE": False, "PREFER_DAY_OF_MONTH": "first",
    })


def _written(day: date, precision: str, text: str, anchor: date) -> bool:
    """Whether each part of `day` down to `precision` is written in the text; the year may be left
    out when the date lies within a year of the anchor. Anything else misreads stray numbers."""
    numbers = {int(n) for n in re.findall(r"\d+", text)}
    years = {int(n) for n in re.findall(r"\b\d{4}\b", text)}
    year_written = day.year in years if years else abs(day - anchor).days <= 366
    if precision == "year":
        return day.year in years
    months = numbers | {_MONTH_NUMBERS[word] for word in _MONTH_WORD.findall(text)}
    return year_written and day.month in months and (precision == "month" or day.day in numbers)


def _fallback(text: str, q: _Query) -> tuple[Resolution, str]:
    """dateparser for absolute spellings the grammar lacks, kept only at the precision it reports."""
    unknown = f"cannot resolve {q.expression!r}: not a date expression the resolver knows"
    if not re.search(r"\d", text) and not _MONTH_WORD.search(text):
        raise UnresolvedDate(unknown)
    try:
        data = _dateparser(q.anchor, q.future).get_date_data(text)
    except Exception:  # dateparser raises assorted errors on odd input; all mean "not a date"
        raise UnresolvedDate(unknown) from None
    if data.date_obj is None or data.period not in _PERIODS:
        raise UnresolvedDate(unknown)
    # A day or month dateparser filled in from the anchor is never kept: only the reported precision
    # is, and only when the text writes each part of it.
    precision = _PERIODS[data.period]
    day = data.date_obj.date()
    if not _written(day, precision, text, q.anchor):
        raise UnresolvedDate(unknown)
    return _unit_of(day, precision), f"read by dateparser at {precision} precision"


# -- the entry points -----------------------------------------------------------------------------------


def _resolve_text(text: str, q: _Query) -> tuple[Resolution, str]:
    text, preposition, approximate = _strip(text)
    q = replace(q, preposition=preposition)
    for rule in _RULES:
        m = rule.pattern.fullmatch(text)
        if m is None:
            continue
        if rule.reference and q.after is None:
            raise UnresolvedDate(f"cannot resolve {q.expression!r}: it is dated from another event, "
                                 "so a reference event is needed (after=)")
        found = rule.handler(m, q)
        if found is not None:
            break
    else:
        found = _fallback(text, q)
    resolution, how = found
    if approximate:
        resolution = replace(resolution, approximate=True, mod=resolution.mod or "APPROX")
    return resolution, how


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def resolve(expression: str, anchor: date, context: str | None = None, *,
            after: Resolution | date | None = None) -> Resolution:
    """The dates `expression` names, read in an article published on `anchor`.

    `context` is the sentence around the expression; its tense sets the direction where the words do
    not. `after` is the date of the event an offset ("two days later") counts from. Raises
    UnresolvedDate for anything that cannot be resolved.
    """
    if not isinstance(expression, str) or not expression.strip():
        raise UnresolvedDate("cannot resolve an empty date expression")
    if len(expression) > _MAX_LENGTH:
        raise UnresolvedDate(f"cannot resolve {expression[:40]!r}...: too long for a date expression")
    reference = after if isinstance(after, Resolution) or after is None else Resolution.day(_as_date(after))
    q = _Query(expression.strip(), _as_date(anchor), _cue(context, expression), (context or "").lower(), reference)
    try:
        found, how = _resolve_text(_normalise(expression), q)
    except UnresolvedDate:
        raise
    except (OverflowError, ValueError) as exc:
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: {exc}") from None
    return found.with_rule(f"{q.expression}: {how} -> {found.label}")


def needs_reference(expression: str) -> bool:
    """True when the expression counts from another event ("a day after the toppling", "two days later")."""
    text, _, _ = _strip(_normalise(expression))
    rule = next((r for r in _RULES if r.pattern.fullmatch(text)), None)
    return rule is not None and rule.reference
