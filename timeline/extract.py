"""Finding dates and events in articles: the temporal-expression tagger, sentences, candidate events, ingest.

`tag` scans an article with one regular expression built from the shared lexicon, tried only where a
date word or a number occurs, and sends only the spans it finds to `resolve`, so a whole article costs
about as much as a handful of resolutions. Extents follow TimeML (TIMEX3): a leading preposition is
outside the span, determiners and modifiers are inside. `propose` turns each sentence with a
resolvable date into a candidate event and `ingest` merges those candidates into a dataset, citing
the article where an event is already known. Reading an article needs nothing of the dataset but its
places, so `ingest_many` can hand that to worker processes and merge what they read in order.
"""

from __future__ import annotations

import bisect
import os
import re
import signal
import sys
from collections import deque
from contextlib import closing
from dataclasses import dataclass, replace
from functools import lru_cache
from datetime import date, timedelta
from itertools import chain, islice
from typing import Iterable, Iterator

from .dates import TOO_COARSE_TO_COUNT, Resolution
from .errors import InputError, TimelineError, UnresolvedDate
from .gazetteer import Gazetteer
from .model import Citation, Dataset, Event, Place, Source, as_line, as_text, slugify, unique
from .patterns import ByFirstCharacter
from .resolve import needs_reference, resolve, tense
from .resolve.engine import title_case
from .resolve.en import (
    BY_COUNTRY, DECADE_WORDS, HIJRI_MONTHS, HOLIDAYS, QUARTER_NAMED, RESULTS, SPELLED_YEAR,
    APPROXIMATORS, DAY_PARTS, MONTH_ABBREVIATIONS, MONTHS, NUMBER_WORDS, ORDINAL_WORDS, SEASON_WORDS, TIME_ZONES,
    UNITS, VAGUE_COUNTS, WEEKDAY_ABBREVIATIONS, WEEKDAYS,
)


@dataclass(frozen=True)
class Mention:
    """One temporal expression in a text: where it is, what kind, and the dates it names if anchored."""

    start: int
    end: int
    text: str
    kind: str  # date | duration | set | time
    resolution: Resolution | None
    sentence: int


@dataclass(frozen=True)
class Skipped:
    """A dated sentence that did not become a candidate, and why."""

    source: str
    said: str
    quote: str
    reason: str


@dataclass(frozen=True)
class IngestResult:
    """The dataset after an ingest and what changed: new events, events with a new citation, the rest,
    and the dated sentences that became no candidate, with the reason; `unused` names the new sources
    left out of the dataset because nothing in their article landed."""

    dataset: Dataset
    added: tuple[str, ...]
    cited: tuple[str, ...]
    unchanged: int
    skipped: tuple[Skipped, ...] = ()
    unused: tuple[str, ...] = ()


# -- the candidate scan ----------------------------------------------------------------------------


def _alt(words: Iterable[str]) -> str:
    """A regex alternation of literal words as a tree of their shared beginnings ("ma(?:y|rch)"), so that
    the scanner rejects a place by its first letters instead of trying every word in turn; at each point
    a longer word is tried before a shorter one ends, so that a prefix never shadows a word."""
    tree: dict = {}
    for word in set(words):
        node = tree
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _branches(tree)


def _branches(node: dict) -> str:
    options = [re.escape(char) + _branches(child) for char, child in sorted(node.items()) if char]
    if "" in node:
        options.append("")
    if len(options) == 1:
        return options[0]
    return f"(?:{'|'.join(options)})"


_S = r"[^\S\n]+"  # spacing inside one expression: never across a line break
_END = r"(?!\w)"

_MONTH_NAME = rf"(?:{_alt(MONTHS)})"
_MONTH = rf"(?:{_MONTH_NAME}|(?:{_alt(MONTH_ABBREVIATIONS)})\.?)"
_WEEKDAY = rf"(?:{_alt(WEEKDAYS)})"
# Abbreviated, only before a date they name the day of: "Mon, Dec 9, 2024", "Sat 8 June".
_WEEKDAY_SHORT = rf"(?:(?:{_alt(WEEKDAY_ABBREVIATIONS)})\.?)"
_SEASON = rf"(?:{_alt(SEASON_WORDS)})"
_YEAR = r"(?:1[5-9]|20)\d\d(?!\d)"
# A year of the next century, only where a preposition makes it one ("warming by 2100", "not until 2144").
_FAR_YEAR = r"(?:(?<=\bby )|(?<=\buntil )|(?<=\btill )|(?<=\bbefore )|(?<=\bin )|(?<=\bafter ))21\d\d(?![\d,.]\d)(?!\d)"
# Years said in words ("nineteen ninety-six", "two thousand and nine"): the resolver's pattern, with its
# groups unnamed and a hyphen or a space wherever it has a space.
# "Twelve hundred" alone is a count, not a year.
_SPELLED_YEAR = (r"(?:(?!\w+[- ]hundred\b(?![- ](?:and[- ])?\w+ty|[- ](?:and[- ])?\w+teen))"
                 + re.sub(r"\(\?P<\w+>", "(?:", SPELLED_YEAR).replace(" ", "[- ]") + ")")
# After a day or a month, "'87" is a year too.
_DATED_YEAR = rf"(?:{_YEAR}|['’]\d\d(?![\d'’])|{_SPELLED_YEAR})"
_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d)"
_PART_OF_DAY = rf"(?:{_alt([*DAY_PARTS, 'midday'])})"
# Not "quarter": "a quarter of the population" is a share, not a length of time.
_LENGTH_UNITS = [*(u for u in UNITS if not u.startswith("quarter")), "century", "centuries", "hour", "hours",
                 "minute", "minutes"]
_UNIT = rf"(?:{_alt(_LENGTH_UNITS)})"
_CALENDAR_UNIT = r"(?:week|weekend|month|year|quarter|decade|century|(?:fiscal|financial) year)"
_PLURAL_UNIT = r"(?:days|weeks|months|years|decades|centuries|hours)"


def _spelled(phrase: str) -> str:
    """A phrase as text may write it: a hyphen or a space between words, either apostrophe."""
    return re.escape(phrase).replace("\\ ", "[- ]").replace("'", "['’]")


# The months of the Hijri calendar, as the resolver spells them, with a hyphen or a space and either
# apostrophe, as one tree of words.
_HIJRI_MONTH = _alt({v for m in HIJRI_MONTHS for h in (m, m.replace("-", " ")) for v in (h, h.replace("'", "’"))})
# The resolver's holidays.
_HOLIDAY = rf"(?:{'|'.join(_spelled(h) for h in sorted(HOLIDAYS, key=len, reverse=True))})"
_NUMBER_WORD = _alt(w for w in NUMBER_WORDS if w not in ("a", "an"))
_ORDINAL = rf"(?:{_alt(ORDINAL_WORDS)}|\d{{1,2}}(?:st|nd|rd|th))"
_COUNT = (
    rf"(?:\d+(?:\.\d+)?|(?:{_NUMBER_WORD})(?:[- ](?:{_NUMBER_WORD}))?"
    rf"|{_alt(VAGUE_COUNTS)}|many|a|an|dozens{_S}of|hundreds{_S}of)"
)
_HEDGE = rf"(?:{_alt([*APPROXIMATORS, 'some', 'up to', 'just', 'only'])})"
# Words for the present, the past and the future as a whole: dates TimeML marks (PRESENT_REF, ...)
# that name no calendar day, so they never date an event on their own.
_REFERENCE = (
    # "The present" as a noun, not "the present government".
    # "The then-current price": the present of the story's time, before the report (PAST_REF).
    r"then[- ]current|the (?:recent|distant) past|the present time|(?<=\bat )this time(?! (?:of|last|next|a|around)\b)|"
    r"now|currently|current(?! account)|nowadays|recently|lately|these days|the present(?! (?!day\b)[a-z])"
    # Not "the past two races", "four of the past eight seasons": the previous ones, no time.
    r"|the past(?! (?:\d+|few|several|couple|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozen)\b)"
    # Not "the future of President Assad": his fate, not a time.
    r"|the (?:near |foreseeable )?future(?! of\b)|the (?:near|short) term"
    r"|recent (?:days|weeks|months|quarters|years|decades)"
    # ... and their mirror: "in coming months", "the upcoming weeks", "future quarters", "at a later date".
    # Lengths are counted: "the next two months", "the next few weeks".
    r"|(?:the )?(?:coming|upcoming) (?:days|weeks|months|quarters|years|decades)"
    r"|future (?:weeks|months|quarters|years|decades)|a (?:later|future) date"
    # "at the time": the time of the story, before the report (PAST_REF); not "at the time of ...".
    r"|(?<=\bat )the time(?! (?:of|when|that|being|and)\b)"
    # "At present", "at the moment": the present.
    r"|(?<=\bat )present\b|(?<=\bat )the moment(?! (?:of|when|that)\b)"
)
_DETERMINER = (
    r"(?:the|this|that|last|next|past|previous|prior|coming|current|following|latest|same|preceding|upcoming"
    r"|year-ago|year-earlier|fiscal|full|whole|entire)"
)
# Company results: the period a report compares with, or the one it reports ("the year-ago quarter",
# "year-earlier profit", "the corresponding period last year", "the latest period", "the 1988 quarter").
_RESULTS_PERIOD = (
    rf"(?:the{_S})?(?:(?:comparable|corresponding|same){_S})?(?:year[- ](?:ago|earlier)|prior[- ]year(?=[- ](?:quarter|period)))"
    rf"(?:{_S}(?:first|second|third|fourth|fiscal))*(?:[- ](?:quarter|period))?"
    rf"|(?:the{_S})?(?:comparable|corresponding|same){_S}(?:quarter|period)(?:{_S}(?:of|in))?"
    rf"{_S}(?:last{_S}year|a{_S}year{_S}(?:ago|earlier))"
    rf"|last{_S}year['’]s{_S}(?:quarter|period)|the{_S}quarter{_S}a{_S}year{_S}(?:ago|earlier)"
    rf"|the{_S}(?:latest|most{_S}recent){_S}period|the{_S}{_YEAR}{_S}(?:quarter|period)"
)
_RELATIVE_DAY = (
    rf"(?:(?:the )?day before yesterday|(?:the )?day after tomorrow|today|tonight|yesterday|tomorrow)"
    rf"(?:{_S}{_PART_OF_DAY})?|(?:this|last){_S}{_PART_OF_DAY}"
)
# early/mid/late, "the end of", "the first half of": modifiers inside the extent of what follows.
_MODIFIER = (
    # Not "the late May bank holiday" nor "the Mid-Autumn Festival", a holiday's name.
    rf"(?:(?:the{_S})?(?:early|mid|late|earlier|later)(?:{_S}in{_S}|{_S}|-)"
    rf"(?!(?:may|summer){_S}bank{_S}holiday|autumn{_S}festival)|end-"
    rf"|(?:the{_S})?(?:end|beginning|start|middle|close|turn|eve|(?:first|second|last|latter){_S}half"
    rf"|(?:first|last|final){_S}(?:two|three|{_NUMBER_WORD}){_S}(?:quarters|months|weeks|days)"
    rf"|(?:first|second|third|fourth|last|final){_S}(?:day|week|month)){_S}of{_S})"
)

# Just after another month abbreviated and joined to it: "Sept. and Oct.", "Sept. to Nov.".
_AFTER_A_MONTH_ABBREVIATION = "|".join(
    rf"(?<={a}\. {joint} )" for a in MONTH_ABBREVIATIONS for joint in ("and", "or", "to"))

_DATE = (
    rf"\b(?:{_MODIFIER})?(?:"
    rf"{_RESULTS_PERIOD}|"
    # A weekday of a month: "the last Saturday of June", "the second Tuesday in November".
    rf"(?:the{_S})?(?:first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th){_S}{_WEEKDAY}{_S}(?:of|in){_S}"
    rf"(?:(?:(?:this|last|next){_S})?{_MONTH}(?:,?{_S}{_DATED_YEAR})?|(?:this|last|next){_S}month"
    # ... of a Hijri month: "the last Friday of Ramadan".
    rf"|(?:the{_S}(?:holy{_S})?month{_S}of{_S})?(?:{_HIJRI_MONTH})\b)|"
    # Days of one month ("March 5-7", "3-4 Oct."), before the single days they start with.
    rf"{_MONTH}{_S}{_DAY}(?:{_S})?[-–](?:{_S})?{_DAY}(?:,?{_S}{_DATED_YEAR})?"
    rf"|{_DAY}(?:{_S})?[-–](?:{_S})?{_DAY}{_S}{_MONTH}(?:,?{_S}{_DATED_YEAR})?|"
    # Open on one side: "post-1959", "1994 or later", "1990 and beyond".
    rf"(?:post|pre)-{_YEAR}|(?:{_MONTH}{_S})?{_YEAR}{_S}(?:or|and){_S}(?:later|after|beyond|earlier|before)(?!{_S}\d)|"
    rf"(?P<spelled>(?:the{_S}year{_S})?{_SPELLED_YEAR})|the{_S}(?:(?:early|mid|late)[- ]?)?(?:{_alt(DECADE_WORDS)})|"
    rf"(?:the{_S}(?:year-ago|year-earlier){_S}period|(?:early|earlier|late|later){_S}in{_S}the{_S}day)|"
    rf"the{_S}week{_S}of{_S}(?:{_MONTH}{_S}{_DAY}|{_DAY}{_S}{_MONTH})(?:,?{_S}{_YEAR})?|"
    rf"(?:(?:the|this|last|next){_S})?year(?:['’]s)?[- ]end(?:{_S}{_YEAR})?|"
    # A day in a year named from the anchor: "Dec. 9 last year", "3 March last year".
    rf"(?:{_MONTH}{_S}{_DAY}|{_DAY}{_S}(?:of{_S})?{_MONTH}){_S}(?:of{_S})?"
    rf"(?:last|this|next|that(?:{_S}same)?|the{_S}same){_S}year(?![-\w])|"
    rf"(?:(?:{_WEEKDAY}|{_WEEKDAY_SHORT}),?{_S})?(?:the{_S})?{_DAY}(?:{_S}of)?{_S}{_MONTH}(?:,?{_S}{_DATED_YEAR})?"
    rf"|(?:(?:{_WEEKDAY}|{_WEEKDAY_SHORT}),?{_S})?{_MONTH}{_S}{_DAY}(?:,?{_S}{_DATED_YEAR})?"
    # A Hijri month after a word that makes it one ("the first day of Shawwal", "in Muharram").
    rf"|(?=muh|saf|rab|jum|raj|sha|ram|dhu)"  # the month's first letters before the look back, for speed
    rf"(?:(?<=\bof )|(?<=\bin )|(?<=\bduring )|(?<=\buntil )|(?<=\bsince )|(?<=\bbefore )|(?<=\bafter ))"
    rf"{_HIJRI_MONTH}(?:{_S}1[3-5]\d\d(?:{_S}(?:ah|a\.h\.))?)?(?!\w)"
    # A day of a Hijri month: "1 Shawwal 1445 AH", "the 27th of Ramadan".
    rf"|(?:the{_S})?(?:{_DAY}|{_ORDINAL})(?:{_S}day)?(?:{_S}of)?{_S}{_HIJRI_MONTH}(?:{_S}1[3-5]\d\d(?:{_S}(?:ah|a\.h\.))?)?(?!\w)"
    # A day in words: "the first of January", "the twenty-third of May".
    rf"|(?:the{_S})?(?:(?:twenty|thirty)[- ])?(?:{_alt(ORDINAL_WORDS)}){_S}of{_S}{_MONTH}(?:,?{_S}{_DATED_YEAR})?"
    rf"|{_MONTH},?{_S}(?:of{_S})?{_DATED_YEAR}"
    # A month in a year named from the anchor: one expression ("June last year", "March of this year").
    rf"|{_MONTH_NAME}{_S}(?:of{_S})?(?:last|this|next|that(?:{_S}same)?|the{_S}same){_S}year(?!-)"
    rf"|{_YEAR}(?P<ymd>[-/.])[01]?\d(?P=ymd)[0-3]?\d(?!\d)|\d{{1,2}}(?P<dmy>[/.-])\d{{1,2}}(?P=dmy){_YEAR}"
    rf"|(?<![\d/.])9/11(?![\d/.]\d|\d)(?!{_S}from\b)"
    # "12-Dec-2024", "9 Dec 2024" written with dashes or slashes.
    rf"|{_DAY}[-/]{_MONTH}[-/]{_YEAR}"
    rf"|(?:the{_S})?{_SEASON}{_S}(?:of{_S})?(?:{_YEAR}|{_SPELLED_YEAR})"
    # "Through midweek", "by mid-week": the middle of a week.
    rf"|(?=m)(?:(?<=\bby )|(?<=\bthrough )|(?<=\buntil ))midweek\b|\bmid-week\b(?![- ]\w)"
    # "By mid-month", "at midyear": the middle of the month or year (not "a mid-year review").
    rf"|(?=m)(?:(?<=\bby )|(?<=\bat )|(?<=\buntil )|(?<=\bin )|(?<=\baround )|(?<=\bbefore ))"
    rf"mid-?(?:month|year)\b(?![- ]\w)"
    # "Down 25 percent year to date": the year up to the publication.
    rf"|\b(?:the{_S})?year[- ]to[- ]date\b"
    # "The fall of next year", "the spring of last year": one season.
    rf"|the{_S}{_SEASON}{_S}of{_S}(?:next|last|this){_S}year"
    rf"|(?:(?:the{_S})?(?:{_YEAR}{_S}|(?:(?:last|this|next){_S}year|{_YEAR})['’]s{_S})?(?:fiscal[ -])?"
    rf"(?:{_ORDINAL}|final|last|latest|current|previous|past|next|same|coming|fiscal|{_MONTH_NAME})"
    rf"(?:[ -](?:fiscal|calendar))?[ -]quarter)"
    rf"(?:{_S}of{_S}(?:(?:fiscal{_S})?{_YEAR}|(?:this|last|next|the){_S}year))?"
    # "The month of May", "the holy month of Ramadan": one expression, before "the month" alone.
    rf"|the{_S}(?:holy{_S})?month{_S}of{_S}(?:ramadan|ramadhan|{_MONTH_NAME})(?!\w)"
    rf"|q[1-4](?:{_S}{_YEAR})?|h[12](?:{_S}{_YEAR})?(?![\w-])|fy(?:{_S})?(?:{_YEAR}|\d\d)(?![\w-])"
    # "In the new year"; not "the New Year's Day holiday".
    rf"|the{_S}new{_S}year(?!['’]|{_S}(?:day|eve|holiday))"
    # A half of the year alone ("first-half profit", "in the second half"): a date only where results
    # are told (see _no_date); in a match report it is a half of the game.
    rf"|(?P<half>(?:the{_S})?(?:first|second)[- ]half)(?!{_S}of\b|[- ]time)"
    # "The January-March quarter", "the April-June period": one period, not two months.
    rf"|(?:the{_S})?{_MONTH_NAME}(?:[-–]|{_S}(?:to|through){_S}){_MONTH_NAME}{_S}(?:quarter|period)"
    # ... or alone, the first and last months of a quarter joined by a dash: "grew 3.1% in January-March"
    # (other months so joined are a range of two dates, "held June-September").
    rf"|(?:january[-–]march|april[-–]june|july[-–]september|october[-–]december)(?![-\w])"
    rf"|(?:the{_S})?(?:'\d0s|(?:1[5-9]|20)\d0s|{_ORDINAL}{_S}century)|(?P<tens>the{_S}[1-9]0s)"
    rf"|(?:(?:(?:the|this){_S}|that{_S}(?=same{_S}))?{_DETERMINER}{_S}(?:{_CALENDAR_UNIT}|(?:spring|summer|autumn|winter|fall(?!{_S}of\b))))"
    rf"(?:{_S}{_YEAR})?"
    rf"|the{_S}(?:previous|next|following|preceding|prior){_S}(?:{_MONTH_NAME}|spring|summer|autumn|winter|fall)"
    rf"|(?:(?:the{_S})?(?:previous|next|following|same|preceding|other){_S}(?:day|{_PART_OF_DAY})"
    rf"|that{_S}(?:(?:same|very){_S})?(?:day|{_PART_OF_DAY}))"
    # British: "Monday week", "Tuesday fortnight", "a week tomorrow", "a week on Monday".
    rf"|{_WEEKDAY}{_S}(?:week|fortnight)(?![\w-])(?!{_S}of\b)"
    rf"|(?:(?:this{_S}past|last|next|this|coming|past|previous|that"
    # "Following Tuesday's vote": "following" is a preposition before a weekday that owns a noun.
    rf"|following(?={_S}{_WEEKDAY}(?!['’]s\b))){_S})?{_WEEKDAY}(?!s\b)"
    rf"(?:{_S}{_PART_OF_DAY})?(?:{_S}(?:last|this|next){_S}week\b"
    # South Asian English puts "last" after the day: "presented the budget on Saturday last".
    rf"|{_S}last(?=[,.;:)]|{_S}(?:and|when|at|in|to)\b))?"
    rf"|(?:last|next|this|that){_S}{_MONTH_NAME}"
    # "Labor Day weekend", "the Thanksgiving weekend" (the article outside, for speed): one span.
    rf"|(?:(?:last|next|this){_S})?{_HOLIDAY}(?:{_S}weekend\b|,?{_S}(?:(?:of|in){_S})?{_YEAR})?"
    # A day of the month alone, where "on" makes it one ("released on the 20th,"), not "the 20th floor".
    rf"|(?<=\bon )the{_S}(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)"
    rf"(?:{_S}of{_S}(?:this|last|next){_S}month\b|(?=(?:{_S})?[,.;:)]|{_S}(?:and|at|in)\b))"
    rf"|(?:{_RELATIVE_DAY}|{_REFERENCE})"
    rf"|(?:fiscal{_S}(?:year{_S})?|financial{_S}year{_S}|the{_S}year{_S}|calendar{_S}){_YEAR}"
    # A month abbreviated alone, after a preposition or joined to another ("in Sept.", "since Oct.",
    # "in Sept. and Oct."; not "Jan" the name).
    rf"|(?:(?<=\bin )|(?<=\bby )|(?<=\bsince )|(?<=\buntil )|(?<=\btill )|(?<=\bduring )|(?<=\bfrom )"
    rf"|{_AFTER_A_MONTH_ABBREVIATION})"
    rf"(?:{_alt(MONTH_ABBREVIATIONS)})\."
    rf"|(?P<weak>{_MONTH_NAME}|{_YEAR}|{_FAR_YEAR}|(?:spring|summer|autumn|winter))"
    rf"){_END}"
)
# "two days later", "a few days ag[o]" (truncated in a real article), "a day after the toppling".
# Counts with a fraction: "two and a half years ago", "half a century ago", "a quarter-century ago".
_FRACTION_COUNT = rf"(?:(?:\d+|{_NUMBER_WORD}){_S}and{_S}a{_S}half|half{_S}an?|a{_S}quarter(?=[- ]century))"
_OFFSET = (
    rf"(?:\b(?:{_HEDGE}{_S})?(?:{_FRACTION_COUNT}|{_COUNT})(?:{_S}|-)(?:more{_S})?{_UNIT}"
    rf"(?:{_S}and{_S}a{_S}half|{_S}or{_S}so)?{_S}"
    # Not "a day later than planned": a length compared, not a date counted.
    # An anniversary is one date: "fifty years ago today", "a decade ago this week".
    rf"(?:ago(?:{_S}(?:today|this{_S}(?:week|month))\b)?|ag|(?:earlier|later)(?!{_S}than\b)|before|after"
    rf"|previously|back"
    rf"|from{_S}(?:now|today|tomorrow|(?:(?:next|this){_S})?{_WEEKDAY}(?![s'’])))"
    # British: "a week tomorrow", "a fortnight on Friday".
    rf"|\b(?:a|one){_S}(?:week|fortnight){_S}(?:today|tomorrow|on{_S}{_WEEKDAY})(?!\w)"
    rf"|\b(?:{_PLURAL_UNIT}|minutes|(?:some|a{_S}long|a{_S}short){_S}time|long|a{_S}while){_S}"
    rf"(?:ago|(?:earlier|later)(?!{_S}than\b))|\ba{_S}while{_S}back"
    rf"|\bthe{_S}(?:day|week|month|year|night){_S}(?:before|after)(?!{_S}(?:yesterday|tomorrow))"
    # "The week after next", "the year before last": not "the day after next week's vote".
    rf"(?:{_S}(?:next|last)(?!{_S}(?:{_WEEKDAY}|{_MONTH_NAME}|{_SEASON}|{_alt(UNITS)}|time)\b))?"
    # ... and the date it counts from, when words name one ("the day before last Tuesday").
    # ... or a feast ("the day after Christmas").
    rf"(?:{_S}(?:(?:last|next|this){_S})?{_WEEKDAY}(?!s\b)|{_S}{_MONTH}{_S}{_DAY}(?:,?{_S}{_YEAR})?"
    rf"|{_S}{_HOLIDAY})?)(?!\w)"
)
# "Last" the verb: "is set to last four days", "the siege would last five years".
# The word first, so that the look back is made only where it stands.
_LAST = "last" + "".join(rf"(?<!\b{word} last)" for word in (
    "to", "will", "would", "could", "can", "may", "might", "should", "must", "did", "does", "do", "not")) + "(?<!n't last)"
_DURATION = (
    rf"(?:\b(?:the{_S})?(?:past|{_LAST}|next|previous|following){_S}{_PLURAL_UNIT}"
    # "The past year" is the length of a year reaching back, as "the past two years" is; not "last year",
    # nor "the last week of June".
    rf"|\bthe{_S}(?:past|last){_S}(?:hour|day|week|fortnight|month|year|decade|century)(?!{_S}of\b)"
    rf"|\bthe{_S}(?:next|coming){_S}(?:hour|fortnight)(?!{_S}of\b)"
    # Quarters are counted only after such a word ("the past two quarters"): "a quarter" alone is a fourth.
    rf"|\b(?:the{_S})?(?:past|{_LAST}|next|coming|previous){_S}{_COUNT}{_S}quarters(?!{_S}of\b)"
    # "The year ended March 31" is the twelve months up to that day, not a calendar year: a length (as
    # TimeML types it) whose twelve months _resolution dates, and the day after it is a date of its own.
    # So is "the year to November": the twelve months up to it.
    rf"|\bthe{_S}(?:fiscal{_S})?year(?={_S}(?:end(?:ed|ing)\b|to{_S}{_MONTH}))"
    rf"|\b(?:(?:the{_S})?(?:past|{_LAST}|next|coming|previous|first|final){_S}|{_HEDGE}{_S})?"
    rf"{_COUNT}{_S}(?:(?:more|straight|consecutive|successive){_S})?{_UNIT}(?:{_S}and{_S}a{_S}half)?"
    # Not "(the FA Cup) final six days later", "scheduled for three days later": an offset, a date.
    rf"(?!{_S}(?:(?:later|earlier)\b(?!{_S}than\b)|ago\b))"
    # Not "the last three months of 2016", a part of a year (a date), nor "the last ten days of Ramadan".
    rf"(?!{_S}of{_S}(?:{_YEAR}|(?:this|last|next|the){_S}year\b|{_MONTH_NAME}|{_HIJRI_MONTH}\b))"
    rf"|\b(?:{_NUMBER_WORD}|\d+)-(?:{_alt(u for u in UNITS if not u.endswith('s'))}|hour|minute)(?![\w-])"
    # "A decade-long war", "a week-long strike": a length, whatever "the" stands before it.
    rf"|\b(?:day|week|month|year|decade|century)[- ]long)(?!\w)"
    rf"|(?P<bare>{_PLURAL_UNIT})(?!\w)"
)
_SET = (
    rf"(?:\b(?:every|each){_S}(?:other{_S})?(?:{_COUNT}{_S})?(?:{_UNIT}|{_PART_OF_DAY}|weekend|{_SEASON})"
    # "Every October", "each Christmas", "every second Tuesday of the month".
    rf"|\b(?:every|each){_S}(?:{_MONTH_NAME}|{_HOLIDAY}|(?:{_ORDINAL}|last|other){_S}{_WEEKDAY}"
    rf"(?:{_S}(?:of|in){_S}(?:the|each|every){_S}month)?)"
    rf"|\b(?:once|twice|{_COUNT}{_S}times){_S}(?:a|an|per|each|every){_S}{_UNIT}"
    rf"|\b(?:daily|weekly|monthly|quarterly|annually|yearly|hourly|nightly|annual))(?!\w)"
    rf"|\b(?:every|each){_S}(?:{_WEEKDAY}(?:{_S}{_PART_OF_DAY})?|weekday|weeknight|working{_S}day)\b|\b{_WEEKDAY}s\b"
)
# A time of day, with the day it is on when one follows ("10 p.m. Wednesday", "noon Thursday"): TimeML
# types these TIME; they are still dated by their day.
_ZONE = _alt(TIME_ZONES).replace("\\ ", _S)  # "local time" spaced as text spaces it
_TIME = (
    rf"(?:\b\d{{1,2}}(?:[:.][0-5]\d)?(?:{_S})?(?:a\.m\.|p\.m\.|am\b|pm\b)"
    rf"(?:{_S}(?:{_ZONE}))?(?!\w)|\b(?:noon|midnight|midday)\b"
    # A clock in 24 hours, with a zone ("14:32 GMT", "18.30 BST", "1700 GMT", "0600 local time") or, with a
    # colon, after a word that introduces a time ("at 14:30", "until 22:45"); "1900 hours" too.
    rf"|\b(?:[01]?\d|2[0-3])[:.]?[0-5]\d{_S}(?:{_ZONE})(?!\w)|\b(?:[01]\d|2[0-3])[0-5]\d{_S}hours\b"
    rf"|(?=\d)(?:(?<=\bat )|(?<=\bby )|(?<=\buntil )|(?<=\bfrom )|(?<=\bafter )|(?<=\bbefore )|(?<=\baround ))"
    rf"(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])(?!{_S}of\b))"
    rf"(?:,?{_S}(?:(?:{_WEEKDAY}|today|tonight|yesterday|tomorrow)(?!\w)"
    rf"|(?:{_WEEKDAY},?{_S})?{_MONTH}{_S}{_DAY}))?"
    # "Struck targets overnight", "fighting overnight in Homs": the night before, as a time of its own;
    # not "an overnight stay" or "overnight rates", which name a kind.
    rf"|(?=o)(?<!\ban )(?<!\bthe )\bovernight(?=[^\S\n]*(?:[.,;:!?)'\"”’—–]|$)|{_S}(?:in|on|and|as|after|before"
    rf"|while|when|from|near|at|into|to|by|with|across|along|against|amid|but|or|that|which|the|a|an|local"
    rf"|{_WEEKDAY})\b)"
    # "At dawn", "before daybreak": a time of the day the story tells (a day after it is a date of its own).
    # Not "dawn services" or "a dawn raid", which name a kind.
    rf"|(?=[dn])(?:(?<=\bat )|(?<=\bbefore )|(?<=\bafter )|(?<=\bby )|(?<=\buntil ))(?:dawn|dusk|daybreak|nightfall)\b"
    rf"(?=[^\S\n]*(?:[.,;:!?)'\"”’—–]|$)|{_S}(?:in|on|and|as|after|before|while|when|from|near|at|into|to|by"
    rf"|with|across|along|against|amid|but|or|that|which|the|a|an|local|today|yesterday|tomorrow|this|last"
    rf"|{_WEEKDAY})\b)"
)

# One pattern, so that each place an expression may start costs one match. It reads the text in lower
# case (case-insensitive alternations are several times slower), and names that must be capitalised
# are checked afterwards. The first alternative that matches wins, so each comes before any that could
# match a shorter span at the same place:
# "two days later" before "two days", "the past two years" before "the past", "every Monday" before
# "Monday". The kind of an offset ("two days later") is date.
# A year in two digits after a preposition: "born in '85", "since '98" (it starts at no word boundary).
_SHORT_YEAR = r"(?:(?<=\bin )|(?<=\bsince )|(?<=\bby )|(?<=\buntil ))['’]\d\d(?![\d'’])(?!s\b)"
# Tried at every offset a date may begin at, so cut down by the character there (see ByFirstCharacter).
_SCAN = ByFirstCharacter("|".join(f"(?P<{name}>{pattern})" for name, pattern in (
    ("offset", _OFFSET), ("duration", _DURATION), ("set", _SET), ("time", _TIME), ("date", _DATE),
    ("short_year", _SHORT_YEAR))))
# A weekday alone, with a part of the day or not ("Monday", "Monday evening").
_WEEKDAY_ALONE = re.compile(rf"(?i:({_alt(WEEKDAYS)})(?:{_S}(?:{_PART_OF_DAY}))?)")
# An offset in hours or minutes from an event, not from now ("two hours ago" is a day's date).
_CLOCK_OFFSET = re.compile(r"\b(?:hours?|minutes?|seconds?)\b(?!.*\bago\b)")
# After "for", a count of units is a length, whatever follows ("deliberated for three days before
# returning a verdict", "held for a day after the vote"): not an offset.
_LENGTH_ONLY = re.compile(_DURATION)
_KINDS = {"offset": "date", "duration": "duration", "set": "set", "time": "time", "date": "date",
          "short_year": "date"}
# Every expression the patterns match holds a number or one of these words, at most a few words in:
# "the end of the year", "about a couple of days ago", "some time ago".
# A holiday named "<words> Day" with no possessive ("Labor Day", "Sinai Liberation Day").
_FOUND_FROM_DAY = re.compile(r"[a-z ]+ day")
_HOLIDAY_WORDS = re.compile(r"[ ']")
_TRIGGER_WORDS = frozenset([
    *MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS, *(f"{w}s" for w in WEEKDAYS), *SEASON_WORDS, *UNITS,
    *DAY_PARTS, "weekend", "century", "centuries", "hour", "hours", "minute", "minutes", "midday", "noon",
    "midnight", "today", "tonight", "yesterday", "tomorrow", "now", "currently", "nowadays", "recently",
    "lately", "present", "moment", "past", "future", "ago", "ag", "daily", "weekly", "monthly", "quarterly",
    "annually", "yearly", "hourly", "nightly", "annual", "current", "term", "period", "time", "while", "date",
    "half", "dawn", "dusk", "daybreak", "nightfall", "weekday", "weeknight", "midweek", "midmonth", "midyear",
    # The words a holiday, a spelled-out year or a decade in words can be found by (a name "<words> Day"
    # is found from "day", walking back over its words: "Pakistan" need not start a scan every time; and
    # one that opens on "day" from there: "dead", in every other war report, need not either).
    *(w for h in HOLIDAYS if not _FOUND_FROM_DAY.fullmatch(h) and not h.removeprefix("the ").startswith("day ")
      for w in _HOLIDAY_WORDS.split(h) if len(w) > 3 and w not in ("the", "year")),
    "eid", "tet", *(m.split()[0].split("-")[0].split("'")[0] for m in HIJRI_MONTHS),
    "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thousand", *DECADE_WORDS,
])
# The words that can open an expression before its trigger word, and those that can sit between.
_OPENING_WORDS = frozenset([
    *(phrase.split()[0] for phrase in [*APPROXIMATORS, *VAGUE_COUNTS] if not phrase.startswith("on ")),
    *NUMBER_WORDS, *ORDINAL_WORDS, *"the this that last next past previous coming current following latest "
    "these same preceding prior upcoming recent early mid late earlier later end beginning start middle close turn eve "
    "half latter every each once twice other fiscal financial calendar many dozens hundreds more up just only "
    "long new independence q h fy post pre comparable corresponding year full whole entire near short "
    "foreseeable then final".split(),
    *WEEKDAY_ABBREVIATIONS,
    # The first words of holidays that are too short, or too common, to find them by ("Ash Wednesday").
    *(h.split()[0] for h in HOLIDAYS if " " in h),
])
_LEAD_WORDS = _OPENING_WORDS | {w for phrase in [*APPROXIMATORS, *VAGUE_COUNTS] for w in phrase.split()} | {
    w for h in HOLIDAYS if _FOUND_FROM_DAY.fullmatch(h) for w in h.split()[:-1]} | {
    "of", "in", "and", "times", "per", "time", "st", "nd", "rd", "th", "straight", "consecutive", "successive"}
# As written in text: lower case, capitalised, or in capitals.
_TRIGGERS = frozenset(v for w in _TRIGGER_WORDS for v in (w, w.capitalize(), w.upper()))
# What _starts reads words with: a table for bytes.translate keeping ASCII letters (or digits, or both), the
# rest made spaces.
_LETTERS_ONLY = bytes(c if chr(c).isascii() and chr(c).isalpha() else 32 for c in range(256))
_DIGITS_ONLY = bytes(c if 48 <= c <= 57 else 32 for c in range(256))
_WORDS_ONLY = bytes(c if chr(c).isascii() and chr(c).isalnum() else 32 for c in range(256))
_DIGITS = frozenset("0123456789")
_WORDS_BEFORE_TRIGGER = 5

# The words that make a bare month ("May"), season or year a date: "in May", not "they may".
_SEASON_ARRIVES = re.compile(r"\s+(?:approach(?:es|ed|ing)|nears|neared|looms|loomed|sets\s+in|set\s+in"
                             r"|arrives|arrived|draws\s+(?:near|closer)|is\s+coming|comes)\b")
_CONTRACT_MONTH = re.compile(r"(?i:\s+(?:delivery|contracts?|futures)\b)")
_AS_EARLY_AS = re.compile(r"(?i:\bas\s+(?:early|late|soon)\s+as\s+)$")
# A month's name after a bare month and a comma: "May, June and July".
_MONTH_IN_A_LIST_AFTER = re.compile(rf"(?i:,[^\S\n]+(?:{_MONTH_NAME})\b)")
_MONTH_BEFORE_JOINT = re.compile(rf"(?i:\b(?:{_MONTH_NAME})\s+(?:and|or|to)\s+)$")
_DATE_CONTEXT = frozenset(
    "in on of since by until till from during before after through throughout to between around circa "
    "early late mid end the its their his her our this".split()
)
_PREVIOUS_WORD = re.compile(r"([\w'’]+)\W*$")
_WINDOW_BEFORE = 24  # characters looked back over for the word before a mention
_NEXT_WORD = re.compile(r"\s*([%\w]+\.?)")
_MONEY = frozenset("$£€¥#")
# What a number counts or measures when these follow it: then it is no year.
_COUNTED = frozenset(
    "% percent per people persons men women children soldiers troops police policemen officers members "
    "workers employees residents refugees civilians prisoners students votes seats cases deaths dead "
    "injured wounded homes houses buildings cars vehicles tons tonnes barrels meters metres feet foot "
    "miles kilometers kilometres km acres hectares dollars euros pounds yen shares units copies pages "
    "words points times degrees mm cm kg lb hours hrs minutes seconds gmt utc local".split()
)
# What a number in words counts when these follow it ("two thousand years"): then it is no year.
_COUNTED_AFTER_A_NUMBER = _COUNTED | {u for u in [*UNITS, "centuries", "hours", "minutes"] if u.endswith("s")}
# Words of the present that name programmes and columns ("This Week", "VOA Today"), and what comes
# before such a title: an acronym or a possessive name, and perhaps a quotation mark.
_TITLE_BEFORE = re.compile(
    r"\b(?:[A-Z]{2,}(?:-[A-Z]{2,})?(?:['’]s?)?|[A-Z][\w-]*(?:['’]s|s['’]))[^\S\n]+[\"“]?$")
_PRESENT_TITLES = frozenset({"this week", "today", "tonight", "this morning", "this year"})
# Words that name a day with a weekday ("Super Tuesday", "Bloody Sunday", "Black Monday"): an event, not
# the nearest such weekday. (Black Friday and Cyber Monday are holidays with dates of their own.)
_DAY_NAMING_WORDS = frozenset({"super", "bloody", "black", "blue", "manic"})
_HOLIDAY_NAMES = frozenset(HOLIDAYS)
# What a movement, a bloc or an uprising named after its day is called: "the March 8 alliance", "the
# 25 January revolution".
_NAMED_BY_A_DAY = frozenset("coalition alliance movement bloc camp brigade brigades youth revolution "
                            "uprising group forces front".split())
_RATE_UNITS = frozenset({"a day", "a week", "a month", "a year", "an hour", "a night"})
# An amount of something right before "a day": "1.2 million barrels", "$300", "five times", "twice".
_AMOUNT_BEFORE = re.compile(
    r"(?i:(?:[$£€]?\d[\d,.]*(?:\s+(?:million|billion|thousand|hundred|percent|%))?"
    r"|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundred|thousand|million|billion"
    r"|dozens?|hundreds|thousands|millions)"
    r"|\btwice|\bonce)(?:\s+[a-z-]+){0,2}\s+$)")
_BARE_PLURAL_UNITS = frozenset({"days", "weeks", "months", "years", "decades", "centuries", "hours", "minutes"})
# What a month's figures are called: "the company's May sales", "China's March exports" (and, for
# _FIGURES_AFTER, right after the month: "May inflation data").
_FIGURES = frozenset(
    "sales figures data report results earnings payrolls exports imports output production index numbers "
    "statistics survey reading inflation deliveries orders shipments revenue traffic".split())
# ... or an event of that month ("the Bank of England's March policy meeting").
_EVENTS_OWNED = frozenset("meeting policy elections election conference summit session vote referendum budget".split())
_FIGURES_AFTER = re.compile(rf"[^\S\n]+(?:(?:[a-z]+|[A-Z]{{2,5}})[^\S\n]+)?(?:{'|'.join(sorted(_FIGURES))})\b")
# Titles "of the year" (of the month, of the century) that are awards or superlatives, not dates: "player
# of the month", "the trial of the century".
_TITLED = re.compile(
    r"\b(?:player|players|coach|manager|rookie|person|man|woman|athlete|sportsman|sportswoman|employee|teacher"
    r"|goal|save|song|album|book|film|movie|car|word|team|pitcher|trial|deal|storm|fight|game|match|event"
    r"|discovery|story|crime|wedding|party|bargain|performer|artist|entrepreneur|company|dish|tip)"
    r"\s+of\s+$", re.IGNORECASE)
# The words of a report on a company's or an economy's results, for a half of the year alone.
_RESULTS_TOLD = re.compile(
    r"(?i:\b(?:net|income|earnings|profits?|revenues?|sales|per share|a share|results|growth|output|economy|margins?"
    r"|price|percent|per cent"
    r"|gdp|exports|imports|inflation|deficit|surplus|operating|fiscal|stocks?|shares|index|average|markets?"
    r"|trading|prices|payrolls|jobs|employment|unemployment|jobless|spending|orders|recovery|backlog|demand"
    r"|business|economic)\b)")
# A company's results, and a quarter named by its number (the resolver's words for them).
_RESULTS = re.compile(RESULTS)
_QUARTER_NAMED = re.compile(QUARTER_NAMED)
# How a story names the quarter it reports: "third-quarter net", "for the fiscal first quarter", "in its
# fourth quarter"; not one it compares with ("after a flat second quarter").
_RESULTS_NOUN_AFTER = re.compile(r"(?i: (?:net|income|earnings|profits?|loss(?:es)?|revenues?|sales|results)\b)")
_FOR_THE_PERIOD = re.compile(r"(?i:\b(?:for|in) (?:(?:the|its) )?$)")
_TITLED_UNITS = frozenset({"the week", "the month", "the year", "the decade", "the century"})
# Nouns a season names a kind of, not a time of ("the winter storm", "summer clothes", "spring wheat").
_SEASON_KINDS = frozenset(
    "storm storms blizzard weather coat coats clothes clothing wear tires tyres wheat crop crops squash "
    "olympics olympic games sports solstice equinox".split())
# Nouns a feast names a kind of thing by, not a time ("a crowded Christmas market", "the Christmas tree").
# After an offset, what makes it a rate: "11 days earlier each year", "a day later every week".
_EACH_UNIT_AFTER = re.compile(r"(?i:[^\S\n]+(?:each|every|per|a)[^\S\n]+(?:year|month|week|day|season)\b)")
# What makes "today's" or "tomorrow's" an age, not a day: "today's youth", "tomorrow's world".
_FIGURATIVE_AFTER = re.compile(r"(?i:['’]s\s+(?:youth|world|generations?|society|children|kids|young|teenagers)\b)")
_HOLIDAY_KINDS = frozenset(
    "market markets tree trees card cards carol carols lights decorations ornaments pudding cake cakes "
    "jumper jumpers sweater sweaters stocking stockings song songs album movie film special lunch dinner "
    "menu bonus bonuses truce war wars offensive".split())
# Capitalised words that continue a date rather than a name ("June 2012", "Easter Monday").
_DATE_NAMES = frozenset([*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS, "day", "eve", "week", "weekend", "holiday",
                         "holidays", "morning", "afternoon", "evening", "night"])
_PREPOSITIONS = frozenset(
    "in on of since by until till from during before after through throughout to between around circa".split())
_SEASONS_AND_MONTHS = frozenset([*SEASON_WORDS, *MONTHS])
_AMBIGUOUS_MONTHS = ("may", "march")
_WEEKDAY_WORDS = frozenset(WEEKDAYS)
# After "the", "march" is the noun when these follow: "the March on Washington".
_MARCH_NOUN = frozenset({"on", "to", "against", "through", "across", "from", "for", "of"})
# A capitalised word right before a number ("Flight 2012"), and the capitalised words that name a time.
_CAPITALISED_BEFORE = re.compile(r"\b([A-Z][A-Za-z]*) $")
_NAMES_OF_TIMES = frozenset([*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS, *SEASON_WORDS, "fiscal", "calendar",
                             "christmas", "easter", "ramadan", "eid", *_DATE_CONTEXT, "and", "but", "or",
                             "circa", "around", "about", "at", "for", "as", "so", "then", "while", "when", "a", "an",
                             "that", "these", "those", "every", "each", "last", "next", "no", "some"])
# Months are months only capitalised: "May", not "they may"; "March 3", not "a march"; "Dec 5".
# Words that name a date only capitalised: months, and a feast whose word is also a common noun ("special
# thanksgiving services").
# ... and "Festival": "the spring festival of the city theatre" is no Spring Festival (the Lunar New Year);
# nor is "a national day of mourning" National Day, nor "the Catalan national day" Spain's.
_PROPER_WORDS = frozenset([*MONTHS, *MONTH_ABBREVIATIONS, "thanksgiving", "festival", "independence", "national",
                           "republic", "constitution", "victory", "liberation", "revolution", "heritage", "freedom",
                           "unity", "reunification"])
_NAME = re.compile(r"[A-Za-z]+")
_OWNS_A_NOUN = re.compile(r"['’]s[^\S\n]+[a-z]")
# The words after which a count of units is a length, whatever follows: "deliberated for three days before
# returning a verdict", "the first time in 13 years after talks collapsed" (a length, then a clause).
_LENGTH_WORD_BEFORE = re.compile(rf"(?i:\b(?:for|over|in){_S}(?:(?:{_HEDGE}){_S})?)$")
_MAGNITUDES = frozenset({"thousand", "thousands", "million", "millions", "billion", "billions", "hundred"})
_BEFORE_A_CLOCK = frozenset({"at", "by", "until", "till", "from", "after", "before", "around"})
_MILITARY_TIME = re.compile(r"(?:[01]\d|2[0-3])[0-5]\d[^\S\n]+hours")
# Words a number after them labels, not dates: "badge number 2019", "pages 1998-2003", "room 2001".
_LABELS = frozenset(
    "number numbers no code codes plate page pages room rooms flight flights badge route model version article "
    "section rule chapter verse exit gate apartment suite unit account serial id ext extension box incident ref "
    "reference ticket docket lot batch claim item".split())
# After a year's digits, what makes them a code or a count: "2022-0142", "a vote of 2024 to 1".
# A count's range ("1500 to 200"), not a year's rate ("its forecast for 2019 to 0.6%").
_NOT_A_YEAR_AFTER = re.compile(r"[-/]\d{3,}|[^\S\n]+to[^\S\n]+\d{1,3}(?![\d,]|\.\d|%|[^\S\n]+per[^\S\n]?cent)")
_TOTAL_OF = re.compile(r"(?i:\b(?:total|sum|tally|count)\s+of\s+)$")
# A newspaper's or a programme's name after a weekday: "Sunday Times reporter", "the Monday Edition".
_NEWSPAPER_WORDS = frozenset(
    "times telegraph express mirror post herald mail tribune star independent edition sport observer "
    "magazine night-lights".split())
_YEAR_DIGITS = re.compile(r"\d{4}")
_MANY_WORD_HOLIDAYS = tuple(h for h in HOLIDAYS if " " in h)
_CAPITAL_AFTER = re.compile(r",?[^\S\n]+[A-Z][a-z]")
# Words written with a capital whatever they stand in: days, months and feasts named in one word
# ("Ramadan", "Christmas"; "Eid al-Fitr"). The other words of feasts ("Day", "Night") are common words.
_PROPER_DATE_WORDS = frozenset([*MONTHS, *MONTH_ABBREVIATIONS, *WEEKDAYS, *WEEKDAY_ABBREVIATIONS,
                                *(h for h in HOLIDAYS if " " not in h), "eid", "al", "fitr", "adha", "ah"])
_ORDINAL_QUARTER = re.compile(r"(?i:(?:the\s+)?(?:first|second|third|fourth|final|1st|2nd|3rd|4th)\s+quarter)")
_GAME_TOLD = re.compile(
    r"(?i:\b(?:points?|scored|scores|trailed|trailing|led|touchdowns?|baskets?|goals?|yards|rebounds|innings?"
    r"|quarterback|field goals?|free throws?|overtime|halftime|buzzer|the game|the match|season opener)\b)")
# Titles before a person's name, which may open a sentence ("Actress Tuesday Weld", "Lt. Col. Friday Okoro").
_PERSON_TITLES = frozenset(
    "mr mrs ms dr col gen lt sgt capt maj cpl adm cmdr gov sen rep prof rev actress actor singer rapper "
    "president minister senator judge coach striker officer chief".split())
# What ends a sentence before a word, so that the word opens one.
_SENTENCE_MARKS = frozenset(".!?:;\"“”'‘’`([\n—–-")
_TEMPERATURE = re.compile(r"(?i:temperature|\bhighs?\b|\blows?\b|degree|fahrenheit|celsius|mercury|thermometer)")
# What joins a period to the day it ended on: "fiscal 1988, which ended Sept. 30", "the year ending June 30".
_PERIOD_ENDED_BY = re.compile(r"(?i:,?\s+(?:(?:which|that)\s+)?end(?:ed|ing|s)\s+(?:on\s+|in\s+)?)")
_ENDS_THE_PERIOD = re.compile(
    r"(?i:(?:quarter|year|period|months|half|\d{4}),\s+(?:which|that)\s+end(?:ed|s)\s+(?:on\s+|in\s+)?)$")
_DOTTED_DATE_OR_TIME = re.compile(
    rf"\d{{1,2}}\.\d{{1,2}}\.(?:1[5-9]|20)\d\d(?!\d)|\d{{1,2}}\.[0-5]\d(?:{_S})?(?i:a\.?m\b|p\.?m\b)"
    rf"|(?:[01]?\d|2[0-3])\.[0-5]\d{_S}(?i:{_ZONE})\b")
_NUMERIC_DATE = re.compile(r"\d{1,4}[-/.]\d{1,2}[-/.]\d{1,4}")
_HEADLINE_LENGTH = 200
_REFERENCE_ONLY = re.compile(rf"(?i:{_REFERENCE})")
_NAMED_AFTER = re.compile(r"(?i:after|before)$")
# "The year" (day, week, month, night) and the clause that names it by an event.
_CLAUSE_AFTER = re.compile(r".*\b(?i:the (?:day|night|week|month|year))")
_UNITS_NAMED_BY_A_CLAUSE = frozenset({"the day", "the night", "the week", "the month", "the year"})
_CLAUSE_OPENERS = frozenset("the a an he she they we i it his her their its our my your when".split())
# Only these words make an expression count from another date; needs_reference() has the last word.
_MAY_COUNT_FROM_ANOTHER = re.compile(
    r"(?i:\b(?:after|before|later|earlier|previous|next|following|same|preceding|prior|that|then)\b)"
)
_REACHES_BACK = re.compile(r"(?i:(?:the\s+)?(?:past|last)\s)")
# ... and the lengths that reach ahead from it: "the next few days", "the coming two weeks".
_REACHES_AHEAD = re.compile(r"(?i:the\s+(?:next|coming)\s)")
# The unit an offset counts, as TOO_COARSE_TO_COUNT names it ("the next morning" counts days).
_COUNTED_UNIT = re.compile(r"(?i:\b(day|week|month)s?\b|\b(?:night|morning|afternoon|evening)s?\b)")
# A relative clause on a noun that holds the date ("a fare increase that took effect on Oct. 6").
_IN_A_RELATIVE_CLAUSE = re.compile(r"(?i:\b(?:that|which)\s+(?:[a-z'’-]+\s+){1,4}(?:on|in)\s+$)")
# A verb of telling right before a day: the day a source told of an event, not the event's.
_TELLING_BEFORE = re.compile(r"(?i:\b(?:said|says|told|announced|reported|released|showed|confirmed|added)"
                             r"\s+(?:on\s+)?$)")
_FORWARD = re.compile(r"(?i:\b(?:later|next|following|after|subsequent)\b)")
_BACKWARD = re.compile(r"(?i:\b(?:before|earlier|previous|preceding|prior)\b)")
_COMPARED_WITH = re.compile(r"(?i:\b(?:from|than|compared\s+(?:with|to)|versus|against)\s+)$")
_COMPARISON = re.compile(r"(?i:\byear[- ](?:ago|earlier)\b|\b(?:a|one)\s+year\s+(?:ago|earlier)\b)")
_BACK_PREPOSITIONS = frozenset({"for", "over"})
# A month's day and the days of the same month joined to it ("on April 24 and 25", "May 3, 5 and 7",
# "from June 3 to 7"): each joined day is a date of its own, in the first one's month and year, when
# it ends its phrase and no year follows that would be all of theirs.
_MONTH_DAY = re.compile(rf"(?i:{_MONTH}{_S}{_DAY})")
_JOINED_DAYS = re.compile(
    rf"(?:,(?:{_S})?{_DAY})*,?{_S}(?:and|or|&|to|through|until|till){_S}{_DAY}"
    # ... then a mark, the end, or a word that cannot count the number ("held Aug. 21 and 22 at the
    # school"; not "May 3 and 4 people").
    rf"(?=(?:{_S})?[,.;:)]|(?:{_S})?$|{_S}(?:at|in|on|for|from|after|before|during|when|with|and|or|but)\b)"
    rf"(?!,?{_S}{_DATED_YEAR})", re.IGNORECASE)
_JOINED_DAY = re.compile(r"(\d+)(?:st|nd|rd|th)?", re.IGNORECASE)
# ... and the days joined before a day of a month: "between 12 and 14 December", "3, 5 and 7 May".
_LEADING_DAYS = re.compile(rf"(?<![\d,.$£€])\b{_DAY}(?:,(?:{_S})?{_DAY})*,?{_S}(?:and|or|&|to){_S}$", re.IGNORECASE)
# The second year of a pair written short ("the 1995-96 season", "fiscal 2012-13"): a year of its own,
# the first after the year before it that ends in those digits.
_SHORT_SECOND_YEAR = re.compile(r"[-–/](\d\d)(?![\d\w%-]|[/.]\d)")
# The words that join the two ends of a range: "from June to September", "between Dec. 20 and Jan. 5",
# "June-September", "Thursday night into Friday". Its end is never before its start, whatever the tense
# says of each alone.
_RANGE_JOINT = re.compile(rf"(?:{_S})?(?:[-–]|to|through|thru|until|till|into|and)(?:{_S})?", re.IGNORECASE)
_MONTH_ALONE = re.compile(rf"(?i:{_MONTH_NAME})")
_WEEKDAY_SAID = re.compile(rf"(?i:{_WEEKDAY}(?:{_S}{_PART_OF_DAY})?)")
_YEARLESS = re.compile(rf"(?i:(?:{_MONTH})(?:{_S}{_DAY})?|{_DAY}{_S}(?:{_MONTH}))")
# An offset set off by a comma right after a date of its unit restates that date: "he was last seen
# Nov. 3, the day before the warrant was issued", "on Monday, two days after the vote".
_APPOSITION = re.compile(r",[^\S\n]+")
_CONTEXT_REACH = 400  # characters either side: several lines of news, far more than a clause
_WEEKDAY_PAIR = re.compile(rf"{_S}or{_S}", re.IGNORECASE)
_FIGURES_WITHIN = 100  # days: a month's figures come out within weeks of it
_MONTH_NAME_SAID = re.compile(rf"(?i:{_MONTH_NAME})")
_STORY_DAY_REACH = 3  # sentences: a story's day holds over a paragraph, not over the background after it
_JOINT_LENGTH = 12  # ", through ", " until ", ", on ": longer gaps join nothing
# Where the clause an offset names its event in ends, and a day written in it.
_CLAUSE_END = re.compile(r"[,;:()\[\]]|\s[–—-]\s")
_DAY_IN_CLAUSE = re.compile(
    rf"(?i:\b(?P<when>{_MONTH}{_S}{_DAY}(?:,?{_S}{_YEAR})?|{_DAY}{_S}{_MONTH}(?:{_S}{_YEAR})?)(?!\w))")
_YEAR_ENDED = re.compile(rf"(?i:the{_S}(?:fiscal{_S})?year{_S}end(?:ed|ing)\b)")
# A quotation short enough to be a title, on one line: '"Friday the 13th,"', '“Seven Days in May”'.
_QUOTED = re.compile(r'["“]([^"“”\n]{1,60})["”]')
_TITLE_REACH, _TITLE_WORDS = 60, 6
_NAMING_BEFORE = re.compile(r"(?i:\b(?:called|dubbed|named|billed\s+as|branded|known\s+as|declared)\s*)$")
_TITLE_WORD = re.compile(r"[A-Za-z0-9]+")
_TITLE_SMALL_WORDS = frozenset("a an the of in on at to for and or but by with from as".split())
_UNIT_STEPS = frozenset({"previous", "last", "next", "past", "following", "preceding", "prior", "coming"})
_OTHER_NEW_YEARS = frozenset({"lunar", "chinese", "vietnamese", "korean", "jewish", "persian", "iranian", "kurdish",
                              "islamic", "hijri", "orthodox", "coptic", "ethiopian", "tamil", "sinhala", "thai",
                              "khmer", "nepali", "tibetan", "balinese"})
_AND_FORMER = re.compile(r"(?i:\s+(?:and|or)\s+(?:former|past|future|retired)\b)")
_FORMER_AND = re.compile(r"(?i:\b(?:former|past|retired)\s+(?:and|or)\s+)$")
_IN_THE_DAY = re.compile(r"(?i:(?:early|earlier|late|later)\s+in\s+the\s+day)")
# A dateline at the head of a story: a place, perhaps a region, then the day. The place in capitals
# ("NEW DELHI, March 1."), or as a name with the agency's mark after the day, as the South Asian wires
# write it ("New Delhi, Apr 14 (PTI)"): not a sentence opening "On Tuesday, May 13, ...".
_DATELINE_DATE = rf"(?i:{_MONTH}){_S}\d{{1,2}}|\d{{1,2}}{_S}(?i:{_MONTH})"
_DATELINE_DAY = re.compile(
    rf"\s*(?:[A-Z][A-Z .'’-]{{1,40}},(?:\s+[A-Z][a-z]+,)?\s+(?P<day>{_DATELINE_DATE})\b"
    rf"|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,3}},(?:\s+[A-Z][a-z]+,)?\s+(?P<named_day>{_DATELINE_DATE})"
    rf"\s+\([A-Z][A-Za-z]+\))")
_DATELINE_LAG = 3  # days: a dated dateline further back is a story held over, told from its printing
_THAT_UNIT = re.compile(r"(?i:(?:that|the\s+same)\s+(quarter|month|year|week))")
_THAT_SAME = re.compile(r"(?i:(?:that|the\s+same)\s+(?:(?:same|very)\s+)?(?:day|night|morning|afternoon|evening)\b)")
_TO_THE_DAY = re.compile(r"(?i:\b(?:years?|months?|weeks?|decades?|centur(?:y|ies))\s+to\s+)$")
_YEARLESS_IN_CLAUSE = re.compile(rf"(?i:\b(?:{_MONTH}){_S}{_DAY}\b(?!,?{_S}\d{{4}}))")
_AFTER_WORD = re.compile(r"(?i:\bafter\b)")
_FEAST_SAID = re.compile(rf"(?i:{_HOLIDAY})")
_YEAR_IN_CLAUSE = re.compile(
    rf"(?i:\b(?:in|of)\s+(?P<when>(?:{_MONTH}{_S})?(?:1[5-9]|20)\d\d(?![,.-]?\d)|(?:{_MONTH_NAME})\b))")
_APPOSITION_ON = re.compile(r",[^\S\n]+(?:on[^\S\n]+)?")
_OFFSET_UNIT = re.compile(r"(?i:\b(day|week|month|quarter|year)s?\b)")
# Where a bare "years" is a length of time: "for years", "within days", "after decades of war".
_BARE_CONTEXT = frozenset({"for", "in", "over", "within", "after"})


def _word_before(text: str, start: int) -> tuple[int, str] | None:
    """The last word in the 24 characters before `start`, and where it begins, as `_PREVIOUS_WORD` finds it
    there; else None. Written out, as the search tries the pattern at every offset of the window and this
    runs for most mentions: the word is the run of word characters and apostrophes holding the window's last
    letter, digit or underscore, with the apostrophes right after it."""
    low = max(0, start - _WINDOW_BEFORE)
    last = start - 1
    while last >= low and not (text[last].isalnum() or text[last] == "_"):
        last -= 1
    if last < low:  # no letter or digit: leave the rare case to the pattern itself
        found = _PREVIOUS_WORD.search(text, low, start)
        return (found.start(1), found.group(1)) if found else None
    begin = last
    while begin > low and (text[begin - 1].isalnum() or text[begin - 1] in "_'’"):
        begin -= 1
    end = last + 1
    while end < start and text[end] in "'’":
        end += 1
    return begin, text[begin:end]


def _previous_word(text: str, start: int) -> str:
    found = _word_before(text, start)
    return found[1].lower() if found else ""


def _an_age_of(text: str, start: int) -> bool:
    """True for "today" or "tomorrow" after "of" and a noun ("the people of tomorrow", "the world of
    today"), not after a part of a day ("the morning of tomorrow") or "the end" / "the rest"."""
    of = _word_before(text, start)
    if of is None or of[1].lower() != "of":
        return False
    noun = _word_before(text, of[0])
    return noun is not None and noun[1].lower() not in ("morning", "evening", "afternoon", "night", "end", "rest", "as")


def _capitalised(text: str, start: int, end: int) -> bool:
    """True unless a month name in text[start:end] is written in lower case."""
    said = text[start:end]
    if said.isalpha():  # one word, the most common match ("Monday", "week"): no need to split it
        return said[0].isupper() or said.lower() not in _PROPER_WORDS
    if said.isdigit():
        return True
    return all(w[0].isupper() for w in _NAME.findall(text, start, end) if w.lower() in _PROPER_WORDS)


def _weak_is_date(text: str, match: re.Match) -> bool:
    """A bare month or season is a date only where the words before it make it one; a bare number of
    the years 1500-2099 is a year unless it counts or measures something ("2000 troops", "$1990")."""
    word, start = match.group("weak"), match.start("weak")
    if word[0].isdigit():
        following = _NEXT_WORD.match(text, match.end("weak"))
        after = following.group(1).lower().rstrip(".") if following else ""
        # "The 1701 resolution" is the UN's resolution 1701: the UN passed none before 1946.
        numbered = after in ("resolution", "resolutions") and int(word) < 1946
        return not (text[start - 1:start] in _MONEY or after in _COUNTED or numbered or _in_a_name(text, start)
                    or _previous_word(text, start) in _LABELS or _NOT_A_YEAR_AFTER.match(text, match.end("weak"))
                    or _TOTAL_OF.search(text, max(0, start - 20), start))
    previous = _previous_word(text, start)
    if word == "march" and previous == "the" and _following_word(text, match.end("weak")) in _MARCH_NOUN:
        return False  # "the March on Washington"
    if previous not in _PREPOSITIONS and _names_with_next(text, start, match.end("weak")):
        return False  # "June Jones", "the Summer Olympics"
    if previous in _DATE_CONTEXT:
        return True
    if previous == "for" and word in MONTHS and text[match.end("weak"):match.end("weak") + 1] not in "'’":
        return True  # "bookings for May were down", "a second hearing for May" (not "support for May's deal")
    if _CONTRACT_MONTH.match(text, match.end("weak")):
        return True  # "Brent for May delivery", "the March contract": a contract's month
    if _AS_EARLY_AS.search(text, max(0, start - 16), start):
        return True  # "could begin as early as May": a date, not the modal
    if previous in ("and", "or", "to") and _MONTH_BEFORE_JOINT.search(text, max(0, start - 20), start):
        return True  # "payrolls for February and March": a month joined to the month before it
    if word in MONTHS and (previous in MONTHS and text[start - 2:start] == ", "
                           or _MONTH_IN_A_LIST_AFTER.match(text, match.end("weak"))
                           and not _capitalised_word_before(text, start)):
        # "Strike days over April, May and June", "planned May, June and July": a list of months ("Theresa
        # May, June Smith" are names).
        return True
    # "The company's May sales": a month that owns figures, after a possessive ("Britain's May said" is
    # the prime minister).
    if previous.endswith(("'s", "’s")) and _following_word(text, match.end("weak")) in _FIGURES | _EVENTS_OWNED:
        return True
    # "Will publish May inflation data": a month before its figures, one word between at most, after a
    # word in lower case ("Theresa May data" follows a name).
    if previous and not _capitalised_word_before(text, start) and _FIGURES_AFTER.match(text, match.end("weak")):
        return True
    # "Will hold May's elections": a month that owns a noun, after a word in lower case ("Theresa May's
    # government" follows a name).
    if _OWNS_A_NOUN.match(text, match.end("weak")) and previous and not _capitalised_word_before(text, start):
        return True
    # "Ready for winter", "as winter approaches", "once winter sets in": the season that comes.
    if word in SEASON_WORDS and (previous == "for" or _SEASON_ARRIVES.match(text, match.end("weak"))):
        return True
    return word not in _AMBIGUOUS_MONTHS and word not in SEASON_WORDS


def _after_a_length_word(text: str, start: int) -> bool:
    """True when "for" (or "over", "in") stands before `start`, perhaps with a hedge between ("for about
    10 days")."""
    return _LENGTH_WORD_BEFORE.search(text, max(0, start - 30), start) is not None


def _capitalised_word_before(text: str, start: int) -> bool:
    found = _word_before(text, start)
    return found is not None and found[1][0].isupper()


def _opens_sentence(text: str, at: int) -> bool:
    """True when the word at `at` opens a sentence or a line: only spaces and a stop, a quotation mark,
    a bracket or a dash stand before it, or nothing."""
    i = at
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    return i == 0 or text[i - 1] in _SENTENCE_MARKS


def _between_capitals(text: str, start: int, end: int) -> bool:
    """True for a weekday set between a capitalised word that is no date word and another capitalised
    word, in running text: a name ("Lt. Col. Friday Okoro", "Actress Tuesday Weld")."""
    following = _NEXT_WORD.match(text, end)
    if following is None or not following.group(1)[0].isupper():
        return False
    before = _word_before(text, start)
    if before is None or not before[1][0].isupper():
        return False
    (word_start, word), next_word = before, following.group(1)
    if next_word.lower().rstrip(".") in _DATE_NAMES or _in_a_headline(text, start):
        return False
    return word.lower() in _PERSON_TITLES or (
        word.lower() not in _NAMES_OF_TIMES and not _opens_sentence(text, word_start))


def _a_title(text: str, start: int, end: int) -> bool:
    """True for "This Week" in 'ABC News' "This Week"' or "Today" in "This is VOA Today": words of the
    present written capitalised (not in capitals, as headlines are) right after a broadcaster's acronym or
    a possessive name, perhaps in quotation marks, are a programme's title."""
    said = text[start:end]
    if said.isupper() or not all(w[0].isupper() for w in said.split()):
        return False
    return _TITLE_BEFORE.search(text, max(0, start - 40), start) is not None


def _in_a_headline(text: str, at: int) -> bool:
    """True when the line around `at` is written in title case ("Man Charged in Christmas Day Attack on
    Jet"): there a capital letter names nothing. A line of more than a few hundred characters is a
    paragraph, not a headline (and is not read word by word for each mention in it)."""
    first, last = text.rfind("\n", max(0, at - _HEADLINE_LENGTH), at) + 1, text.find("\n", at, at + _HEADLINE_LENGTH)
    if last < 0 and at + _HEADLINE_LENGTH < len(text) or first == 0 and at > _HEADLINE_LENGTH:
        return False
    last = len(text) if last < 0 else last
    if text[first:last].rstrip().endswith("."):
        return False  # a headline has no full stop: "Friday Night Lights was filmed in Austin." is a sentence
    return title_case(text, first, last)


def _names_with_next(text: str, start: int, end: int) -> bool:
    """True when the capitalised words at text[start:end] run on into a capitalised word that is no
    date word: "June Jones", "the Summer Olympics", "the Easter Rising" are names."""
    following = _NEXT_WORD.match(text, end)
    if not text[start].isupper() or following is None or not following.group(1)[0].isupper():
        return False
    if _in_a_headline(text, start):
        return False
    return following.group(1).lower().rstrip(".") not in _DATE_NAMES


def _last_word_names(text: str, start: int, end: int) -> bool:
    """True for "the Summer Olympics" or "the Winter Games": the season or month at text[start:end], last
    in a match, runs on into a name (not after a preposition: "in May Britain voted")."""
    return _previous_word(text, start) not in _PREPOSITIONS and _names_with_next(text, start, end)


def _titles_a_name(text: str, start: int, end: int) -> bool:
    """True for "the Sunday Times" or "the Monday Club": a weekday between "the" and a capitalised word
    is part of a name ("on Sunday Netanyahu said" has no "the")."""
    following = _NEXT_WORD.match(text, end)
    return _previous_word(text, start) == "the" and following is not None and following.group(1)[0].isupper()


def _following_word(text: str, end: int) -> str:
    found = _NEXT_WORD.match(text, end)
    return found.group(1).lower() if found else ""


def _in_a_name(text: str, start: int) -> bool:
    """True for the number in "Flight 2012" or "Windows 2000": part of a name, not a year. A capitalised
    word that opens a sentence ("In 2012") or names a time does not make one."""
    named = _CAPITALISED_BEFORE.search(text, max(0, start - 30), start)
    return named is not None and named.group(1).lower() not in _NAMES_OF_TIMES and not _in_a_headline(text, start)


def _no_date(text: str, start: int, m: re.Match) -> bool:
    """True when the words the patterns matched at `start` are no date where they stand."""
    said, end = m.group(), m.end()
    weak, bare, spelled, half, tens = m.group("weak", "bare", "spelled", "half", "tens")
    if (weak and not _weak_is_date(text, m)
            or bare and _previous_word(text, start) not in _BARE_CONTEXT
            # "two thousand years", "two thousand people": a count, not the year 2000.
            or spelled and _following_word(text, end).rstrip(".") in _COUNTED_AFTER_A_NUMBER
            or half and not _RESULTS_TOLD.search(_sentence_around(text, start, end))
            # "Highs in the 70s": degrees, not a decade.
            or tens and _TEMPERATURE.search(text, max(0, start - 60), start) is not None):
        return True
    first, last = said.partition(" ")[0], said.rpartition(" ")[2]
    if start and text[start - 1] == "-" and said in _BARE_PLURAL_UNITS:
        return True  # "after-hours trading", "man-hours": a compound, no length of time
    if (said[-1].isdigit() and not said[-4:].isdigit() or said[0].isdigit() and not said[:4].isdigit()) and (
            _following_word(text, end) in _NAMED_BY_A_DAY and _YEARLESS.fullmatch(said)):
        return True  # "the March 14 coalition", "the April 6 Youth Movement": named after a day
    if (said == "fiscal year" and _previous_word(text, start) in ("a", "an")
            or said == "recently" and _previous_word(text, start) == "as"):
        return True  # "changed from a fiscal year to a calendar year"; "as recently as 2004" (the date is 2004)
    if said.startswith("the day ") and _TO_THE_DAY.search(text, max(0, start - 30), start):
        return True  # "50 years to the day after the first pictures": so many years exactly, no day after
    if said.endswith(("earlier", "later")) and _EACH_UNIT_AFTER.match(text, end):
        return True  # "the hajj moves about 11 days earlier each year": a rate, no date
    if said in _RATE_UNITS and _AMOUNT_BEFORE.search(text, max(0, start - 40), start):
        return True  # "1.2 million barrels a day", "300 euros a day", "twice a week": a rate, no length
    if said[:1].isdigit() and _NUMERIC_DATE.fullmatch(said) and _previous_word(text, start) in _LABELS:
        return True  # "serial number 12-05-2021"
    if first in _WEEKDAY_WORDS and _weekday_names_nothing(text, start, end, said):
        return True
    if said in _HOLIDAY_NAMES and (_names_with_next(text, start, end)
                                   or _following_word(text, end).rstrip(".,;:") in _HOLIDAY_KINDS
                                   or said == "independence day" and (
            # "The Algerian Independence Day", "Tom's Independence Day": another country's, not July 4, and
            # not one a country's name tells ("Syria's Independence Day" is Syria's: see _named_country);
            # and so is the one of a story about other countries ("talks between Delhi and Islamabad"),
            # none of them the story's own (whose day it is, then: see _story_country).
            (_previous_word(text, start).endswith(("'s", "’s"))
             or _capitalised_word_before(text, start) and _previous_word(text, start) != "on")
            and _named_country(text, start) is None
            or _about_another_country(text) and _story_country(text) is None)):
        return True
    if said == "election day" and _about_another_country(text):
        return True  # "on election day the army will guard polling stations", in Mexico: not the US's in November
    if first in _UNIT_STEPS and _previous_word(text, start) in ("any", "every", "each", "no"):
        return True  # "warmer than in any previous year": every one of them, none in particular
    if said.startswith("new year") and _previous_word(text, start) in _OTHER_NEW_YEARS:
        return True  # "Lunar New Year's Eve", "the Persian New Year": not January 1
    if said.endswith("new year") and not said.startswith("the ") and text[end - 8] == "n":
        return True  # "a new year", "his last new year message": in lower case, no New Year (January 1)
    if said in ("today", "tomorrow") and (_FIGURATIVE_AFTER.match(text, end) or (
            text[end:end + 1] not in "'’" and _an_age_of(text, start))):
        return True  # "the people of tomorrow", "today's youth": an age, not a day
    if said == "current" and (_AND_FORMER.match(text, end) or _FORMER_AND.search(text, max(0, start - 14), start)):
        return True  # "current and former officials": who they are, not the present
    if said in ("eid", "sallah") and _in_a_name(text, start):
        return True  # "Coach Ahmed Eid said", "Ibrahim Sallah": a family name, not the feast
    if (said in _HOLIDAY_NAMES and " " not in said and _previous_word(text, start) in ("a", "an")
            and not _heads_its_phrase(text, end)):
        # "An Eid tradition", "an Easter egg hunt": a feast naming a kind of thing ("a New Year's Day
        # speech" is that day's, and so is "a Thanksgiving that many spent apart").
        return True
    if not text[start:end].islower() and _in_a_quoted_title(text, start, end):
        return True  # 'the song "Yesterday,"', 'a single, "Saturday Girl,"', 'the film "Friday the 13th"'
    if (not text[start:end].islower() and _a_capitalised_title(text, start, end)
            or said.endswith("quarter") and _a_game_period(text, start, end, said)):
        return True
    return bool(
        # "3.5 billion years ago": a geological age, not "years ago" from now.
        said.startswith(("years ago", "decades ago", "centuries ago")) and _previous_word(text, start) in _MAGNITUDES
        # "The holy month of Ramadan": the feast is named after it, and tagged there.
        or said.endswith("the holy month") and _following_word(text, end) == "of"
        or last in _SEASONS_AND_MONTHS and _last_word_names(text, end - len(last), end)
        or last in SEASON_WORDS and _following_word(text, end) in _SEASON_KINDS
        or said in _PRESENT_TITLES and _a_title(text, start, end)
        or said in _TITLED_UNITS and _TITLED.search(text, max(0, start - 30), start) is not None
    )


_US_NAMED = re.compile(r"\b(?:Americans?|America|U\.S\.|US|United States|Fourth of July|July 4)\b")


@lru_cache(maxsize=1)
def _world_places() -> Gazetteer:
    return Gazetteer.of((), default=True)


def _about_another_country(text: str) -> bool:
    """True when the article names countries (or their great cities), none of them the United States: its
    "Independence Day" is not July 4. The world's places load only when the question comes up."""
    if _US_NAMED.search(text):
        return False  # "some American scientists noted that it came on Independence Day"
    countries = _world_places().countries(text)
    return bool(countries) and "US" not in countries


# The place a wire story is filed from: "TORONTO (CP) -", "OTTAWA, Oct. 2 (Reuters) -", "HALIFAX, Nova Scotia —".
_CITY_DATELINE = re.compile(r"\s*([A-Z][A-Z .'-]{1,30}?)(?=,|\s*\(|\s+[-–—])")
# ... or a named place with the agency's mark after the day ("New Delhi, Apr 14 (PTI)"; see _DATELINE_DAY).
_NAMED_DATELINE = re.compile(
    rf"\s*([A-Z][a-z]+(?:[ -][A-Z][a-z]+){{0,3}}),(?:\s+[A-Z][a-z]+,)?\s+(?:{_DATELINE_DATE})\s+\([A-Z][A-Za-z]+\)")


_AUGUST_BANK_HOLIDAY = re.compile(r"(?i:\baugust bank holiday)")
_BY_COUNTRY = re.compile(BY_COUNTRY)


def _filed_from(text: str, country: str) -> bool:
    """True when the story is filed from a place in `country` (its dateline), or, with no dateline, names
    that country alone."""
    dateline = _CITY_DATELINE.match(text)
    where = dateline.group(1).title() if dateline else text
    return _world_places().countries(where) == {country}


def _story_country(text: str) -> str | None:
    """The country a story is filed from (its dateline's place), or, with no dateline or one of a place
    too small to know ("KASPIISK, Russia, May 10 (AFP)"), the one country it names (or whose great cities
    it names); None when it names several, or none."""
    dateline = _CITY_DATELINE.match(text) or _NAMED_DATELINE.match(text)
    countries = _world_places().countries(dateline.group(1).title()) if dateline else frozenset()
    if not countries:
        countries = _world_places().countries(text)
    return next(iter(countries)) if len(countries) == 1 else None


def _named_country(text: str, start: int) -> str | None:
    """The country named just before a holiday that each country keeps on its own day: "Qatar's National
    Day", "Qatar National Day"; else None."""
    before = _word_before(text, start)
    if before is None or not before[1][:1].isupper():
        return None
    countries = _world_places().countries(re.sub(r"['’]s?$", "", before[1]))
    return next(iter(countries)) if len(countries) == 1 else None


def _about_canada(text: str) -> bool:
    """True when the story is Canadian: its dateline is a Canadian place ("TORONTO (CP) -"), or, with no
    dateline, the only country it names (or whose great cities it names) is Canada. Its Thanksgiving is
    the second Monday of October."""
    return not _US_NAMED.search(text) and _filed_from(text, "CA")


def _a_capitalised_title(text: str, start: int, end: int) -> bool:
    """True for date words in the title of a work or a name, in running text: "The Day After Tomorrow",
    "Friday Night Lights", "12 Years a Slave", "Seven Days in May", "This Morning", "The Weekend" (a
    paper), "Winter Park": words that news writes in lower case, here capitalised. Names of days, months
    and feasts, which are capitalised anyway, say nothing; nor does the first word of a sentence."""
    said = text[start:end]
    # Cheap tests first: most mentions are in lower case, or a day's or month's name alone.
    if said.islower() or said.isupper() or said.lower() in _PROPER_DATE_WORDS:
        return False
    words = _NAME.findall(said)
    if not any(w[0].isupper() and w.lower() not in _PROPER_DATE_WORDS for w in words):
        return False
    opens = _opens_sentence(text, start)
    common = [w for w in (words[1:] if opens else words) if w.lower() not in _PROPER_DATE_WORDS]
    if not common or not all(w[0].isupper() for w in common) or _YEAR_DIGITS.search(said):
        return False
    lowered = said.lower()
    if lowered in _HOLIDAY_NAMES or any(h in lowered for h in _MANY_WORD_HOLIDAYS) or _in_a_headline(text, start):
        return False
    # One capitalised season or common word mid-sentence is a name only when a capitalised word follows
    # ("Winter Park", "Spring, Texas"); two or more are a title whatever follows.
    # ... or a capitalised word before it that opens no sentence ("The Day After Tomorrow").
    before = _word_before(text, start)
    after_a_capital = before is not None and before[1][0].isupper() and not _opens_sentence(text, before[0])
    return len(words) > 1 or _CAPITAL_AFTER.match(text, end) is not None or after_a_capital


def _in_a_quoted_title(text: str, start: int, end: int) -> bool:
    """True for a date inside a short quotation in title case: the title of a song, a book or a film
    ('"Yesterday,"', '"Saturday Girl,"', '"Friday the 13th"', '"Seven Days in May"'), not a quoted
    sentence ('"Yesterday, we buried our dead"')."""
    opening = max(text.rfind('"', max(0, start - _TITLE_REACH), start + 1),
                  text.rfind("“", max(0, start - _TITLE_REACH), start + 1))
    if opening < 0 or (quoted := _QUOTED.match(text, opening)) is None or quoted.end() < end:
        return False
    inner = quoted.group(1).strip(" ,.;:!?")
    words = _TITLE_WORD.findall(inner)
    if inner.lower() in _HOLIDAY_NAMES or _NAMING_BEFORE.search(text, max(0, opening - 20), opening):
        # 'shoppers flocked to stores on "Black Friday"': a feast set off, still a date; and so is a day
        # given a name ('protests on what activists called "Great Friday"').
        return False
    # Every word capitalised but the small ones titles keep in lower case ('"Today we won"' is a sentence).
    return (bool(inner) and inner[0].isupper() and len(words) <= _TITLE_WORDS
            and all(w[0].isupper() or w[0].isdigit() or w in _TITLE_SMALL_WORDS for w in words))


def _a_game_period(text: str, start: int, end: int, said: str) -> bool:
    """True for "the fourth quarter" of a game: an ordinal quarter with no year in a sentence about a
    game ("trailed by 10 in the fourth quarter") and none about results."""
    if not said.endswith("quarter") or not _ORDINAL_QUARTER.fullmatch(said):
        return False
    sentence = _sentence_around(text, start, end)
    return _GAME_TOLD.search(sentence) is not None and _RESULTS_TOLD.search(sentence) is None


def _weekday_names_nothing(text: str, start: int, end: int, said: str) -> bool:
    """True for a weekday in a name ("the Sunday Times", "Super Tuesday", "the Monday Night Special") or
    one that is no day in particular ("on a Friday in September"; "a Sunday night memorial service" is
    the service's Sunday)."""
    previous = _previous_word(text, start)
    if " " not in said:
        following = _following_word(text, end)
        return (previous in _DAY_NAMING_WORDS
                or previous in ("a", "an", "one") and _heads_its_phrase(text, end)
                # "the Good Friday Agreement": a feast's name run on into a name
                or f"{previous} {said}" in _HOLIDAY_NAMES
                # "Sunday Times reporter", "Monday.com", "Col. Friday Okoro", "actress Tuesday Weld"
                or following.rstrip(".") in _NEWSPAPER_WORDS
                or text[end:end + 1] == "." and text[end + 1:end + 2].isalpha()
                or previous == "the" and _titles_a_name(text, start, end)
                or _between_capitals(text, start, end))
    return (text[start:end].istitle() and _titles_a_name(text, start, end)
            # "Ash Wednesday this week": the feast is the date, tagged from its first word.
            or f"{previous} {said.partition(' ')[0]}" in _HOLIDAY_NAMES
            or previous in ("a", "an", "one") and _heads_its_phrase(text, end))


def _sentence_around(text: str, start: int, end: int) -> str:
    """Roughly the sentence holding text[start:end]: from the last full stop or line break before it to
    the next after it (the scanner runs before the sentences are split)."""
    first = max(text.rfind(". ", 0, start), text.rfind("\n", 0, start)) + 1
    stops = [i for i in (text.find(". ", end), text.find("\n", end)) if i >= 0]
    return text[first:min(stops) if stops else len(text)]


def _heads_its_phrase(text: str, end: int) -> bool:
    """True when no noun follows the words ending at `end`: a preposition, a conjunction or a mark does."""
    following = _following_word(text, end)
    return not following[:1].isalpha() or following in _PREPOSITIONS or following in (
        "and", "or", "when", "that", "this", "next", "last")


def _starts(text: str) -> list[int]:
    """Where an expression may begin: each word that only occurs in one, and the words just before it
    that can open one ("the end of the year", "about a couple of days ago").

    Trying the full pattern at these offsets alone is what keeps a whole article under a millisecond.
    A word is a run of ASCII letters or of ASCII digits ("1990s" is "1990" and "s"). The words are found
    with `bytes.translate` and `str.split`, which run in C, and only the trigger words and numbers are
    then looked up: a regular expression stepping through every character cost an eighth of `tag`.
    """
    raw = text.encode("ascii", "replace")  # one byte for each character, so offsets stay the same
    letters = raw.translate(_LETTERS_ONLY).decode("ascii")
    words = raw.translate(_WORDS_ONLY).decode("ascii")
    found = [(at, word) for word in _TRIGGERS.intersection(letters.split()) for at in _whole(letters, word)]
    digits = raw.translate(_DIGITS_ONLY).decode("ascii")
    found += [(at, number) for number in set(digits.split())
              for at in _whole(digits, number) if not _in_a_number(text, at, len(number))]
    lowered = letters.lower()
    starts: set[int] = set()
    for at, _ in found:
        starts.add(at)
        if at and text[at - 1] in "'’":  # a year in two digits: "in '85"
            starts.add(at - 1)
        for _ in range(_WORDS_BEFORE_TRIGGER):
            # Where the word before ends: most often one space before (this runs for every trigger word).
            end = at - 1 if at > 1 and words[at - 1] == " " and words[at - 2] != " " else _end_of_word_before(words, at)
            if end <= 0 or words[end - 1] in _DIGITS:
                break  # the first word, or a number: none leads into a date
            at = lowered.rfind(" ", 0, end) + 1
            previous = lowered[at:end]
            if previous not in _LEAD_WORDS:
                break
            if previous in _OPENING_WORDS:
                starts.add(at)
    return sorted(starts)


def _whole(words: str, word: str) -> Iterator[int]:
    """Where `word` stands whole in `words` (words, or letters, or digits, and spaces: see _starts)."""
    at, size, length = words.find(word), len(word), len(words)
    while at >= 0:
        end = at + size
        if (at == 0 or words[at - 1] == " ") and (end == length or words[end] == " "):
            yield at
        at = words.find(word, end)


def _end_of_word_before(words: str, at: int) -> int:
    """Where the word before offset `at` ends in `words` (words and spaces: see _starts); 0 if none."""
    window = max(0, at - 48)
    end = window + len(words[window:at].rstrip())
    return len(words[:at].rstrip()) if end == window and window else end


def _in_a_number(text: str, start: int, length: int) -> bool:
    """True for the digits of "45,000", "3.5" or the phone number "555-2013": a part of a larger number is
    never a date ("1990-1991" is two years, "2013-09-16" a date)."""
    before, after = text[start - 2:start], text[start + length:start + length + 2]
    if len(before) == 2 and before[0].isdigit() and before[1] == "-":
        first = start - 1
        while first > 0 and text[first - 1].isdigit():
            first -= 1
        return start - 1 - first != 4
    if len(after) == 2 and after[0] == "." and _DOTTED_DATE_OR_TIME.match(text, start):
        return False  # "15.08.2023" is a date and "10.45pm" a time, not decimals
    return (len(before) == 2 and before[0].isdigit() and before[1] in ",.") or (
        len(after) == 2 and after[0] in ",." and after[1].isdigit())


def _lower(text: str) -> str:
    """`text` in lower case, letter for letter, so that offsets into it are offsets into `text`."""
    lowered = text.lower()
    if len(lowered) == len(text):
        return lowered
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def _candidates(text: str, lowered: str) -> list[tuple[int, int, str, re.Match]]:
    """Every span the patterns find, overlapping ones included, its kind, and the match it came from; not
    yet asked whether it is a date where it stands (see _spans)."""
    found = []
    for start in _starts(text):
        m = _SCAN.match(lowered, start)
        if m is None:
            continue
        kind = _KINDS[m.lastgroup] if m.lastgroup in _KINDS else _KINDS[
            next(name for name in _KINDS if m.group(name) is not None)]
        if (m.group("duration") is not None and _MILITARY_TIME.fullmatch(m.group())
                and _previous_word(text, start) in _BEFORE_A_CLOCK):
            kind = "time"  # "at 1900 hours" is seven in the evening, not a length
        if m.group("offset") is not None and _after_a_length_word(text, start) and (
                length := _LENGTH_ONLY.match(lowered, start)) is not None:
            found.append((start, length.end(), "duration", m))
            continue
        if m.group("offset") is not None and _CLOCK_OFFSET.search(m.group()):
            kind = "time"  # "less than an hour after the quake", "two hours later": a time, told from an event
        found.append((start, m.end(), kind, m))
    return found


def _spans(text: str) -> list[tuple[int, int, str]]:
    """The longest spans the patterns find that do not overlap and are dates where they stand, in text
    order: "the past two years" beats "the past", and "the March 14 coalition" is no date, so "March 14"
    gives way to nothing. Whether a span is a date where it stands is asked last, and only of the spans
    no longer one already chosen overlaps: of all the questions it is the slowest."""
    chosen: list[tuple[int, int, str]] = []
    for start, end, kind, m in sorted(_candidates(text, _lower(text)), key=lambda s: (s[0] - s[1], s[0])):
        if (all(end <= s or start >= e for s, e, _ in chosen)
                and _capitalised(text, start, m.end()) and not _no_date(text, start, m)):
            chosen.append((start, end, kind))
    return sorted(chosen)


# -- sentences -------------------------------------------------------------------------------------

# A full stop after these is not the end of a sentence: titles and months precede a name or a number.
_ABBREVIATIONS = frozenset(
    "mr mrs ms dr st gen maj lt col sgt capt cpl brig adm cmdr gov sen rep prof rev hon pres supt mt vs "
    "jr sr fig".split()
) | frozenset(MONTH_ABBREVIATIONS)
# ...and after these when a number follows: "No. 5", but "The answer was no. The vote failed."
_NUMBER_ABBREVIATIONS = frozenset({"no", "vol", "art", "p", "pp"})
# After "U.S." or "p.m." a capital letter may be a name ("5 p.m. Monday"); these words start sentences.
_STARTERS = frozenset(
    "the a an he she it they we i you this that these those there but and yet so in on at after before "
    "during since however meanwhile his her their its our one two three some many most".split()
)
_BOUNDARY = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
_ACRONYM = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]")
_FIRST_WORD = re.compile(r"\s*[\"'“‘(\[]?(\w+)")
_LINE = re.compile(r"[^\n]+")


def _ends_sentence(line: str, boundary: re.Match) -> bool:
    punctuation = boundary.group()
    if punctuation[0] != ".":
        return True
    if len(punctuation.rstrip("\"'”’)]")) > 1:  # an ellipsis ends a sentence before a capital
        return True
    word = line[line.rfind(" ", 0, boundary.start()) + 1:boundary.start()].lstrip("\"'“‘([")
    lowered = word.lower()
    if lowered in _ABBREVIATIONS or (len(word) == 1 and word.isupper()):
        return False
    if lowered in _NUMBER_ABBREVIATIONS:
        return not line[boundary.end():].lstrip()[:1].isdigit()
    if "." in word and _ACRONYM.fullmatch(word):  # "U.S.", "p.m.": only a word with a stop in it
        following = _FIRST_WORD.match(line, boundary.end())
        return bool(following) and following.group(1).lower() in _STARTERS
    return True


def split_sentences(text: str) -> list[tuple[int, int]]:
    """The sentences of `text` as (start, end) offsets; a line break always ends one."""
    sentences = []
    for line in _LINE.finditer(text):
        start = line.start()
        body = line.group()
        for boundary in _BOUNDARY.finditer(body):
            if _ends_sentence(body, boundary):
                sentences.append((start, line.start() + boundary.end()))
                start = line.start() + boundary.end()
        sentences.append((start, line.end()))
    trimmed = []
    for start, end in sentences:
        piece = text[start:end]
        stripped = piece.strip()
        if stripped:
            offset = start + len(piece) - len(piece.lstrip())
            trimmed.append((offset, offset + len(stripped)))
    return trimmed


# -- tagging ---------------------------------------------------------------------------------------


def _is_reference(mention: Mention) -> bool:
    """True for "now", "recently", "the past", "post-1959": dated, but no calendar day or span an event
    could have (the present, or a span open on one side)."""
    found = mention.resolution
    return bool(_REFERENCE_ONLY.fullmatch(mention.text)) or found is not None and (
        found.timex == "PRESENT_REF" or found.earliest == date.min or found.latest == date.max)


def _names_an_event(text: str, end: int, sentence_end: int) -> bool:
    """True when "a day after" is followed by what it is after ("the toppling ..."), or "the year" by the
    clause that tells which ("born the year the Berlin Wall fell", "the day he died")."""
    if _CLAUSE_AFTER.fullmatch(text, max(0, end - 12), end):
        return _following_word(text, end) in _CLAUSE_OPENERS
    return bool(_NAMED_AFTER.search(text, max(0, end - 6), end) and _FIRST_WORD.match(text, end, sentence_end))


def _resolution(text: str, span: tuple[int, int, str], published: date, context: str,
                after: Resolution | None, named_event: bool, reported: Resolution | None = None) -> Resolution | None:
    """The dates a span names, or None where nothing anchors it: a set, a bare length of time, an offset
    from a named event ("a day after the toppling", for propose() to look up), or "two days later" with
    no date before it in the article or its sentence."""
    start, end, kind = span
    expression = text[start:end]
    if kind == "set" or named_event:
        return None
    # Only a length that reaches back to now ("for six months now", "the past two years") dates a start.
    # "For six months" reaches back; "for the year ended March 31" is a length ending elsewhere.
    if kind == "duration":
        previous, counted = _previous_word(text, start), not expression.lower().startswith("the ")
        if previous == "in" and counted:
            # "Will leave in two weeks": a length reaching forward from now, in a sentence that looks ahead.
            expression = f"in {expression}"
        elif _YEAR_ENDED.match(text, start):
            pass  # "for the year ended Sept. 30": the twelve months up to the end of that month
        elif not (_REACHES_BACK.match(expression) or _REACHES_AHEAD.match(expression)
                  or (previous in _BACK_PREPOSITIONS and counted)):
            return None
    # "Independence Day", "National Day": the day the story's country keeps (see en.BY_COUNTRY).
    country = None
    if _BY_COUNTRY.search(expression):
        # An Independence Day in a story that names the United States is July 4 ("some American scientists
        # noted that it came on Independence Day", in a story from Geneva), as _about_another_country reads it.
        american = "independence" in expression.lower() and _US_NAMED.search(text)
        country = _named_country(text, start) or ("US" if american else _story_country(text))
    if expression.lower().startswith("thanksgiving") and _about_canada(text):
        expression = f"Canadian {expression}"  # the second Monday of October, in a story about Canada
    elif _AUGUST_BANK_HOLIDAY.search(expression) and _filed_from(text, "IE"):
        expression = _AUGUST_BANK_HOLIDAY.sub("Irish August bank holiday", expression)  # the first Monday
    try:
        return resolve(expression, published, context, after=after, reported=reported, country=country)
    except UnresolvedDate:
        return None


def _names_the_quarter_reported(text: str, mention: Mention, context: str, published: date) -> bool:
    """True for a quarter named by its number in a sentence of company results not told as ahead
    ("posted a loss for the fiscal first quarter", "fourth-quarter earnings fell"). The results told
    after it that name no quarter ("a year ago", "the latest period") are that quarter's, whatever
    the calendar says: a fiscal first quarter may end in September."""
    found = mention.resolution
    return (found is not None and found.precision == "quarter" and found.earliest <= published
            and _QUARTER_NAMED.search(mention.text.lower()) is not None
            and _RESULTS.search(context.lower()) is not None and tense(context) == "past"
            and (_RESULTS_NOUN_AFTER.match(text, mention.end) is not None
                 or _FOR_THE_PERIOD.search(text, max(0, mention.start - 10), mention.start) is not None))


def _names_the_month_reported(text: str, mention: Mention, context: str, published: date) -> bool:
    """True for a month just over whose figures a sentence tells in the past ("sales of existing homes
    jumped 10.1 percent in October"): in a story that named no quarter, the figures told after it with
    no period of their own ("up 23.5 percent from a year ago") compare with it."""
    found = mention.resolution
    return (found is not None and found.precision == "month" and found.latest < published
            and (published - found.latest).days <= _FIGURES_WITHIN and _MONTH_NAME_SAID.fullmatch(mention.text)
            and text[max(0, mention.start - 3):mention.start].lower() == "in "
            and _RESULTS_TOLD.search(context) is not None and tense(context) == "past")


def _reference(expression: str, anchors: list[Resolution]) -> int | None:
    """Which of the dates told so far (latest last) an offset counts from: the latest, unless it is too
    coarse for the offset's unit; then a date told within it that is fine enough ("In 2021 ... on
    November 20 ... the next day"), else none: days do not count from a whole year."""
    if not anchors:
        return None
    if (that := _THAT_UNIT.fullmatch(expression)) is not None:
        # "The second quarter ended Oct. 31 ... results for that quarter": the quarter told, not the
        # calendar's quarter of the day told last inside it (a company's quarters are its own).
        unit, latest = that.group(1).lower(), anchors[-1]
        for i in range(len(anchors) - 2, max(len(anchors) - 4, -1), -1):
            told = anchors[i]
            if told.precision == unit and told.earliest <= latest.earliest and latest.latest <= told.latest:
                return i
    counted = _COUNTED_UNIT.search(expression)
    unit = (counted.group(1) or "day").lower() if counted else ""
    coarse = TOO_COARSE_TO_COUNT.get(unit, frozenset())

    def too_coarse(found: Resolution) -> bool:
        # A span of days longer than a week ("earlier this month") names no day to count days from.
        return found.precision in coarse or (
            unit == "day" and found.precision == "range" and (found.latest - found.earliest).days > 7)

    latest = anchors[-1]
    if not too_coarse(latest):
        return len(anchors) - 1
    # Within a whole year, quarter or decade only a day told in it counts ("In 2021 ... on November 20 ...
    # the next day"); after a span of days, the latest day told does ("Wednesday ... Earlier this month,
    # ... the previous day").
    within = latest.precision != "range"
    return next((i for i in range(len(anchors) - 1, -1, -1) if not too_coarse(anchors[i]) and (
        not within or latest.earliest <= anchors[i].earliest and anchors[i].latest <= latest.latest)), None)


def _joined_days(text: str, mention: Mention) -> list[Mention]:
    """The days joined to a month's day (see _JOINED_DAYS), each dated as that day of its month."""
    first = mention.resolution
    if first is None or first.precision != "day" or not _MONTH_DAY.fullmatch(mention.text):
        return []
    joined = _JOINED_DAYS.match(text, mention.end)
    return [] if joined is None else _days_of_its_month(text, joined, mention)


def _leading_days(text: str, mention: Mention) -> list[Mention]:
    """The days joined before a day of a month ("between 12 and 14 December", "on 3, 5 and 7 May"), each
    dated as that day of its month."""
    found = mention.resolution
    if found is None or found.precision != "day" or not mention.text[:1].isdigit():
        return []
    joined = _LEADING_DAYS.search(text, max(0, mention.start - 40), mention.start)
    return [] if joined is None else _days_of_its_month(text, joined, mention)


def _days_of_its_month(text: str, joined: re.Match, mention: Mention) -> list[Mention]:
    """The day numbers in `joined`, each a mention dated as that day of the month and year of `mention`."""
    days = []
    for number in _JOINED_DAY.finditer(text, joined.start(), joined.end()):
        try:
            day = mention.resolution.earliest.replace(day=int(number.group(1)))
        except ValueError:  # "Feb. 28 and 30": no such day
            continue
        said = number.group()
        found = Resolution.day(day).with_rule(f"{said}: in the month of {mention.text!r} -> {day.isoformat()}")
        days.append(Mention(number.start(), number.end(), said, "date", found, mention.sentence))
    return days


def _joined_year(text: str, mention: Mention) -> Mention | None:
    """The short second year of a pair joined to a year (see _SHORT_SECOND_YEAR), dated as a year."""
    if mention.resolution is None or not mention.text[-4:].isdigit():
        return None
    joined = _SHORT_SECOND_YEAR.match(text, mention.end)
    if joined is None:
        return None
    first = int(mention.text[-4:])
    year = first + (int(joined.group(1)) - first % 100) % 100
    if not first < year <= first + 10:
        return None  # "1996-96" is no pair, nor "2024-11" a year a century on
    said = joined.group(1)
    found = Resolution.year(year).with_rule(f"{said}: the year after {mention.text!r} that ends in {said} -> {year}")
    return Mention(joined.start(1), joined.end(1), said, "date", found, mention.sentence)


def _in_year(found: Resolution, year: int) -> Resolution | None:
    """A month or a day moved to `year`; None for February 29 in a common year."""
    try:
        if found.precision == "month":
            return Resolution.month(year, found.earliest.month)
        return Resolution.day(found.earliest.replace(year=year))
    except ValueError:
        return None


def _weekday_range_end(text: str, start: int, expression: str, found: Resolution,
                       tagged: list[tuple[Mention, int | None]], published: date) -> Resolution | None:
    """The end of a range of weekdays ("from Saturday evening until Tuesday") is never before its start:
    the start a week earlier when that range holds the anchor (tagged[-1] is re-dated in place), else the
    end a week later."""
    before, reference = tagged[-1]
    opened = before.resolution
    joint = _RANGE_JOINT.fullmatch(text, before.end, start) or _WEEKDAY_PAIR.fullmatch(text, before.end, start)
    if (opened is None or before.kind != "date" or opened.precision != "day" or joint is None
            or not _WEEKDAY_SAID.fullmatch(before.text) or found.earliest >= opened.earliest):
        return None
    word = joint.group().strip().lower()
    # "Expected to peak on Monday or Tuesday": two days ahead, the second after the first; only a range
    # ("from ... to", "between ... and") may hold the anchor.
    pair = word in ("or", "and") and _previous_word(text, before.start) != "between"
    if pair and opened.earliest <= published:
        return None  # a pair told of the past may run either way: "statements made Friday and Thursday"
    opening = {"to": "from"}.get(word)
    if opening is not None and _previous_word(text, before.start) != opening:
        return None
    week = timedelta(days=7)
    if not pair and opened.earliest - week <= published <= found.latest:
        earlier = Resolution.day(opened.earliest - week)
        rule = f"{before.text}: the start of a range that holds {published.isoformat()} -> {earlier.label}"
        tagged[-1] = (replace(before, resolution=earlier.with_rule(rule)), reference)
        return found.with_rule(f"{expression}: the end of a range from {before.text!r} that holds "
                               f"{published.isoformat()} -> {found.label}")
    later = Resolution.day(found.earliest + week * ((opened.earliest - found.earliest).days // 7 + 1))
    what = f"the second of a pair with {before.text!r}" if pair else f"the end of a range from {before.text!r}"
    return later.with_rule(f"{expression}: {what} ({opened.label}), the first at or after it -> {later.label}")


def _range_end(text: str, start: int, expression: str, found: Resolution | None,
               tagged: list[tuple[Mention, int | None]], published: date) -> Resolution | None:
    """A yearless month or day that ends a range ("from June to September") is the first one at or after
    the date the range starts from; None when it is no such end or is already there.

    A yearless range put ahead that holds the anchor a year earlier is that one, its start with it: "the
    hurricane season, which runs from June 1 to Nov. 30", said in September, is this year's (tagged[-1],
    the start, is re-dated in place)."""
    if found is None or found.precision not in ("month", "day") or not tagged:
        return None
    if _WEEKDAY_SAID.fullmatch(expression):
        return _weekday_range_end(text, start, expression, found, tagged, published)
    if not _YEARLESS.fullmatch(expression):
        return _range_start(text, start, found, tagged)
    before, reference = tagged[-1]
    opened = before.resolution
    joint = _RANGE_JOINT.fullmatch(text, before.end, start)
    if opened is None or before.kind != "date" or opened.precision != found.precision or joint is None:
        return None
    # "from Friday to December's figure": "to" and "and" join a range only after "from" and "between";
    # "to" joins two months alone ("an appeal covering October to December").
    opening = {"to": "from", "and": "between"}.get(joint.group().strip().lower())
    if opening is not None and _previous_word(text, before.start) != opening and not (
            opening == "from" and found.precision == "month" and _MONTH_ALONE.fullmatch(before.text)
            and _MONTH_ALONE.fullmatch(expression)):
        return None
    month, day = found.earliest.month, found.earliest.day
    year = opened.earliest.year + ((month, day) < (opened.earliest.month, opened.earliest.day))
    moved = _in_year(found, year)
    if moved is None:
        return None
    if opened.earliest > published and _YEARLESS.fullmatch(before.text):
        earlier_start, earlier_end = _in_year(opened, opened.earliest.year - 1), _in_year(moved, year - 1)
        if earlier_start and earlier_end and earlier_start.earliest <= published <= earlier_end.latest:
            rule = f"the start of a range that holds {published.isoformat()} -> {earlier_start.label}"
            tagged[-1] = (replace(before, resolution=earlier_start.with_rule(f"{before.text}: {rule}")), reference)
            return earlier_end.with_rule(f"{expression}: the end of a range from {before.text!r} that holds "
                                         f"{published.isoformat()} -> {earlier_end.label}")
    if moved.same_dates(found):
        return None
    return moved.with_rule(f"{expression}: the end of a range from {before.text!r} ({opened.label}), the first "
                           f"at or after it -> {moved.label}")


def _period_end(text: str, start: int, expression: str, found: Resolution | None,
                tagged: list[tuple[Mention, int | None]]) -> Resolution | None:
    """A yearless day or month told as the end of the period just before it ("fiscal 1988, which ended
    Sept. 30", "the year ended March 31") is in that period's last month: None where it is no such end
    or is there already."""
    before = tagged[-1][0]
    period = before.resolution
    if (found is None or period is None or found.precision not in ("month", "day")
            or period.precision not in ("year", "quarter", "range") or not _YEARLESS.fullmatch(expression)
            or not _PERIOD_ENDED_BY.fullmatch(text, before.end, start)
            or found.earliest.month != period.latest.month or found.earliest.year == period.latest.year):
        return None
    moved = _in_year(found, period.latest.year)
    if moved is None:
        return None
    return moved.with_rule(f"{expression}: the end of {before.text!r} ({period.label}) -> {moved.label}")


def _range_start(text: str, start: int, found: Resolution, tagged: list[tuple[Mention, int | None]]) -> None:
    """A yearless month or day that starts a range whose end names its year ("between March and November
    2020", "from Dec. 28 to Jan. 3, 2021") is in that year, or the one before when it comes later in the
    year than the end: re-dated in place (tagged[-1]). Returns None: the end keeps its own date."""
    before, reference = tagged[-1]
    opened = before.resolution
    joint = _RANGE_JOINT.fullmatch(text, before.end, start)
    if (opened is None or before.kind != "date" or opened.precision != found.precision or joint is None
            or not _YEARLESS.fullmatch(before.text)):
        return None
    opening = {"to": "from", "and": "between"}.get(joint.group().strip().lower())
    if opening is not None and _previous_word(text, before.start) != opening:
        return None
    year = found.earliest.year - ((opened.earliest.month, opened.earliest.day) > (found.earliest.month, found.earliest.day))
    moved = _in_year(opened, year)
    if moved is not None and not moved.same_dates(opened):
        rule = f"the start of a range to {found.label} -> {moved.label}"
        tagged[-1] = (replace(before, resolution=moved.with_rule(f"{before.text}: {rule}")), reference)
    return None


# ... a noun between them ("the 11 p.m. curfew Friday night", "a 6 a.m. deadline Monday"), no joint word.
_EVENT_NOUN = r"(?!(?:and|or|to|until|till|on|in|at|by|from|the|a|an|of|for|but|than)\b)[a-z]{3,}"
# What joins a time of day to the day it is on, after it: "on" ("shortly after 2 a.m. on Dec. 1", "at
# midnight on Sunday"), or nothing before a weekday or a day named from today ("before dawn Saturday",
# "at dawn this morning").
_TIME_ON = re.compile(rf"(?i:,?{_S}(?:on{_S}|(?:{_EVENT_NOUN}{_S})?(?=(?:{_WEEKDAY}|today|tonight|yesterday|tomorrow|this|last)\b)))")


def _time_on(text: str, mention: Mention, tagged: list[tuple[Mention, int | None]]) -> None:
    """Dates the undated time of day just before `mention` by its day, when "on" joins them (or nothing,
    before a weekday)."""
    if not tagged or mention.resolution is None or mention.resolution.precision != "day":
        return
    before, reference = tagged[-1]
    joint = _TIME_ON.match(text, before.end)
    if before.kind != "time" or joint is None or joint.end() != mention.start:
        return
    day = mention.resolution
    if before.text.lower() == "overnight" and day.earliest < date.max:
        # "Overnight on Saturday", "overnight Saturday": the night from that day into the next morning.
        found = Resolution.span(day.earliest, day.earliest + timedelta(days=1), timex=f"{day.timex}TNI")
        rule = f"{before.text}: the night from {mention.text!r} into the next morning -> {found.label}"
        tagged[-1] = (replace(before, resolution=found.with_rule(rule)), reference)
    elif before.resolution is None:
        found = day.with_rule(f"{before.text}: on {mention.text!r} -> {day.label}")
        tagged[-1] = (replace(before, resolution=found), reference)


# What a sentence may open with before the year that sets its scene ("In 1998, ...", "Back in early 2001,
# ...", "Four years ago, ..."), and the words that name a year.
_SCENE_OPENING = re.compile(r"\W*(?:(?:back\s+)?(?:in|during|by|throughout|since)\s+)?(?:(?:early|late|mid)[-\s]+)?",
                            re.IGNORECASE)
_NAMES_A_YEAR = re.compile(r"\d{4}|(?i:\byears?\s+(?:ago|earlier|later|before)|\b(?:last|next|that)\s+year)")


def _in_story_year(text: str, expression: str, found: Resolution | None, told: Mention,
                   sentence: tuple[int, int], index: int, published: date) -> Resolution | None:
    """A yearless month or day in a sentence that opens by telling its year ("Four years ago, the
    election was not settled until December"; "In 1998, ... in March") is in that year, not the one the
    publication date and the tense alone would give; None where the sentence opened with no such year
    (a year in a clause of its own, "invited in July 1997, will join on March 12", sets no scene)."""
    if found is None or found.precision not in ("month", "day") or told.sentence != index or told.resolution is None:
        return None
    # Only then the feast's names, a long pattern to try: most mentions are in no such sentence.
    feast = _FEAST_SAID.search(expression) is not None and not _YEAR_DIGITS.search(expression)
    if not (_YEARLESS.fullmatch(expression) or feast):
        return None
    # The year set by the sentence's opening ("In 1998, ..."), or by a date in it that counts from the
    # story's ("denied any wrongdoing that summer and won a sixth term in November").
    if not (_NAMES_A_YEAR.search(told.text) and _SCENE_OPENING.fullmatch(text, sentence[0], told.start)
            or needs_reference(told.text)):
        return None
    year = told.resolution.earliest.year
    if told.resolution.latest.year != year or year == found.earliest.year or year == published.year:
        return None
    if feast:
        # A feast moves with its year ("Last year, the stroll was held the day after Thanksgiving"): read
        # again in the year told.
        try:
            moved = resolve(f"{expression} {year}", published)
        except UnresolvedDate:
            return None
        if moved.precision != found.precision or moved.earliest.year != year:
            return None
    else:
        moved = _in_year(found, year)
    if moved is None:
        return None
    return moved.with_rule(f"{expression}: in {year}, the year its sentence told before it ({told.text!r}) "
                           f"-> {moved.label}")


# Years back from the report beyond which a story tells history, not news: its sentences stay in their year.
# Nearer, a sentence runs on from a past date to the present ("the worst flare-up came in April 2016, and
# border clashes in July killed 16", told in 2020).
_HISTORY = 10


def _in_sentence_year(expression: str, found: Resolution | None, tagged: list[tuple[Mention, int | None]],
                      anchors: list[int], index: int, context: str, published: date) -> Resolution | None:
    """A yearless month or day told in the past in a sentence that has already put its story in another
    year by a month or a day of it ("arrested by the Gestapo in May 1944 but escaped on June 6", "returned
    in the spring of 1945 and was in Hamburg when the war ended on May 8") is in that year, when that year
    is history (see _HISTORY); None where the sentence named no such date before it. A bare year ("founded in 1998, the company said on March 3")
    sets no scene: it tells of one thing, not of a time the sentence goes on in."""
    if (found is None or found.precision not in ("month", "day") or not anchors
            or not _YEARLESS.fullmatch(expression)):
        return None
    told = tagged[anchors[-1]][0]
    if told.sentence != index or told.resolution is None or not _YEAR_DIGITS.search(told.text):
        return None
    scene = told.resolution
    year = scene.earliest.year
    if (scene.precision not in ("day", "month", "season") or scene.latest.year != year
            or year > published.year - _HISTORY or year == found.earliest.year or tense(context, expression) != "past"):
        return None
    moved = _in_year(found, year)
    if moved is None:
        return None
    return moved.with_rule(f"{expression}: in {year}, the year its sentence told before it ({told.text!r}) "
                           f"-> {moved.label}")


def _in_next_year(text: str, expression: str, found: Resolution | None, tagged: list[tuple[Mention, int | None]],
                  index: int, context: str) -> Resolution | None:
    """A yearless month or season in a sentence that looks ahead to "next year" before it ("Chile will host
    APEC next year, with leaders meeting in Santiago in November") is in that year; None otherwise. Not
    "next year's event", which only names the event ("will begin planning next year's event in September"),
    nor "last year": "sales rose last year, and in March they fell" may well be this March."""
    if (found is None or found.precision not in ("month", "season") or not tagged
            or not _YEARLESS.fullmatch(expression)):
        return None
    told = tagged[-1][0]
    if (told.sentence != index or told.resolution is None or told.text.lower() != "next year"
            or text.startswith(("'", "’"), told.end) or found.earliest.year == told.resolution.earliest.year
            or tense(context, expression) != "future"):
        return None
    year = told.resolution.earliest.year
    moved = _in_year(found, year)
    if moved is None:
        return None
    return moved.with_rule(f"{expression}: in {year}, the year its sentence looks ahead to ({told.text!r}) "
                           f"-> {moved.label}")


# The words before what names an event ("after the fall of", "after it opened"): not its head.
_OWNED = re.compile(r"['’]s\s+([A-Za-z-]+)(?:\s+([A-Za-z-]+))?")
_EVENT_LEAD = frozenset("the a an his her its their our this that these those he she it they we i you "
                        "was were had has have been being".split())
_EVENT_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
_SUFFIX = re.compile(r"(?:ing|ed|es|s)$")


def _stem(word: str) -> str:
    """A word cut to what its forms share: "opened", "opening" and "opens" are "open"."""
    word = word.lower()
    return (_SUFFIX.sub("", word) if len(word) > 5 else word)[:6]


def _event_head(text: str, end: int, sentence_end: int) -> str | None:
    """The word that names the event an offset is counted from: "offensive" in "a week after the
    offensive began", "opened" in "four days after it opened"; None when it is no word of content."""
    for word in _EVENT_WORD.findall(text, end, sentence_end)[:4]:
        lowered = word.lower()
        if lowered in _EVENT_LEAD or lowered in _STOP_WORDS:
            continue  # "two weeks after the first round": the event is the round
        return None if len(lowered) < 4 else _stem(lowered)
    return None


def _event_told(text: str, head: str, tagged: list[tuple[Mention, int | None]], anchors: list[int],
                sentences: list[tuple[int, int]], index: int) -> Mention | None:
    """The day the article told the event `head` names on: in the latest of the ten sentences before
    `index`, a day told right after the event's word ("launched its offensive on Nov. 27", "the centre
    opened on Nov. 14"); None without one. A day before the word ("charged Thursday with the murder") is
    another event's."""
    for i in reversed(anchors):
        told = tagged[i][0]
        if told.sentence >= index:
            continue
        if told.sentence < index - 10:
            break
        if told.resolution is None or told.resolution.precision != "day":
            continue
        lead = _EVENT_WORD.findall(text, max(sentences[told.sentence][0], told.start - 60), told.start)[-6:]
        owned = _OWNED.match(text, told.end)  # "Thursday's attack": the day owns the event's word
        if head in {_stem(w) for w in lead} or owned is not None and head in {_stem(w) for w in owned.groups() if w}:
            return told
    return None


def _date_in_clause(text: str, end: int, sentence_end: int, published: date, context: str) -> Resolution | None:
    """The day the clause after an offset's "after" or "before" names, when it names one ("after the 6
    February earthquakes", "after the first demonstrations erupted on March 18"); None otherwise."""
    clause = _CLAUSE_END.split(text[end:sentence_end], maxsplit=1)[0]
    found = _DAY_IN_CLAUSE.search(clause)
    # ... or the month or year it names ("20 years after its first title in 1998"), which counts years
    # and months, not days (the resolver refuses days counted from a year).
    whole = None if found is not None else _YEAR_IN_CLAUSE.search(clause)
    if found is None and whole is None:
        return None
    try:
        day = resolve((found or whole).group("when").replace("the ", "", 1), published, context)
    except UnresolvedDate:
        return None
    return day if day.precision in ("day", "month", "year") else None


def _before_the_day_restated(text: str, start: int, expression: str, dated: Resolution,
                             tagged: list[tuple[Mention, int | None]]) -> Resolution:
    """The yearless day an offset's clause names, put in the year that sets it before (for "after") or
    after (for "before") the dated day the offset is set off from by a comma: "shot on Dec. 8, 1980, less
    than a month after they released the album on Nov. 17" is November 17, 1980."""
    clause_day = _YEARLESS_IN_CLAUSE.search(text, start + len(expression), start + len(expression) + 200)
    if not tagged or clause_day is None or dated.precision != "day":
        return dated
    told = tagged[-1][0].resolution
    if (told is None or told.precision != "day" or not _APPOSITION_ON.fullmatch(text, tagged[-1][0].end, start)
            or told.earliest.year == dated.earliest.year):
        return dated
    later = _AFTER_WORD.search(expression) is not None
    for year in (told.earliest.year, told.earliest.year - 1 if later else told.earliest.year + 1):
        moved = _in_year(dated, year)
        if moved is not None and (moved.earliest < told.earliest if later else moved.earliest > told.earliest):
            return moved
    return dated


def _on_the_story_day(expression: str, told: Mention, sentence: int) -> Resolution | None:
    """A time of day with no day of its own ("The quake hit at 3:34 a.m. local time.") is on the day the
    story told last, in its sentence or the few before; None when that is no day, or is further back."""
    found = told.resolution
    if found is None or found.precision != "day" or sentence - told.sentence > _STORY_DAY_REACH:
        return None
    return found.with_rule(f"{expression}: on the day the story last told, {told.text!r} -> {found.label}")


def _the_weekday_of_the_story(text: str, start: int, expression: str, told: Mention, sentence: int,
                              found: Resolution | None) -> Resolution | None:
    """ "On the Monday" (a weekday after "the"), after a day the story told in its sentence or the two
    before ("the flotilla sails on Sunday 3 June ... a concert on the Monday evening"): that weekday on or
    after the day told, as British English writes it; None elsewhere."""
    if (found is None or found.precision != "day" or text[max(0, start - 4):start].lower() != "the "
            or (weekday := _WEEKDAY_ALONE.fullmatch(expression)) is None
            or not _heads_its_phrase(text, start + len(expression))):
        return None  # not "the Saturday market", a kind of market
    day = told.resolution
    if day is None or day.precision != "day" or not 0 <= sentence - told.sentence <= 2 or day.earliest == found.earliest:
        return None
    number = WEEKDAYS[weekday.group(1).lower()]
    chosen = day.earliest + timedelta((number - day.earliest.weekday()) % 7)
    return Resolution.day(chosen).with_rule(
        f"{expression}: the {weekday.group(1)} on or after the day the story told, {told.text!r} -> {chosen.isoformat()}")


def _restates(precision: str, unit: str) -> bool:
    """Whether a date of `precision` can be restated by an offset counted in `unit`: its own unit, or a
    day by weeks ("on Monday, two weeks after the vote"; "April 11, more than six weeks later")."""
    return precision == unit or (precision, unit) == ("day", "week")


def _restated_after(text: str, mention: Mention, tagged: list[tuple[Mention, int | None]]) -> None:
    """An offset right before a day set off by a comma is restated by it: "a runoff two weeks later, on
    April 24" is April 24 (tagged[-1], the offset, is re-dated in place)."""
    if not tagged or mention.resolution is None or mention.resolution.precision != "day":
        return
    before, reference = tagged[-1]
    unit = _OFFSET_UNIT.search(before.text)
    if (before.kind != "date" or unit is None or not _restates("day", unit.group(1).lower())
            or not needs_reference(before.text) or not _APPOSITION_ON.fullmatch(text, before.end, mention.start)):
        return
    found = mention.resolution.with_rule(f"{before.text}: the date that restates it, {mention.text!r} -> "
                                         f"{mention.resolution.label}")
    tagged[-1] = (replace(before, resolution=found), reference)


def _restated(text: str, start: int, expression: str, tagged: list[tuple[Mention, int | None]]) -> Resolution | None:
    """The date an offset restates when it stands in apposition to it (see _APPOSITION), else None."""
    if not tagged:
        return None
    before = tagged[-1][0]
    unit = _OFFSET_UNIT.search(expression)
    if (before.resolution is None or before.kind != "date" or unit is None
            or not _restates(before.resolution.precision, unit.group(1).lower())
            or not _APPOSITION.fullmatch(text, before.end, start)):
        return None
    found = before.resolution
    return found.with_rule(f"{expression}: the date it restates, {before.text!r} -> {found.label}")


def _dateline_day(text: str, published: date) -> date | None:
    """The day a wire dateline gives the story ("NEW DELHI, March 1.", "WASHINGTON, Aug. 13 (Xinhua) --"),
    when it is a day or three before the publication date, else None: the story's "today" and "Tuesday"
    are told from the day it was written, which a paper may print the next morning."""
    found = _DATELINE_DAY.match(text)
    if found is None:
        return None
    try:
        day = resolve(found.group("day") or found.group("named_day"), published)
    except UnresolvedDate:
        return None
    if day.precision != "day" or not 1 <= (published - day.earliest).days <= _DATELINE_LAG:
        return None
    return day.earliest


def _tag(text: str, sentences: list[tuple[int, int]], published: date) -> list[tuple[Mention, int | None]]:
    """The mentions of `text`, each with the index of the earlier mention it was dated from, if any."""
    told_from = _dateline_day(text, published)
    published = told_from or published
    starts = [start for start, _ in sentences]
    tagged: list[tuple[Mention, int | None]] = []
    # The mentions naming calendar dates, latest last: what "two days later" counts from.
    anchors: list[int] = []
    # The quarter the story reports company results for, as it named it (see _names_the_quarter_reported).
    reported: Resolution | None = None
    spans = _spans(text)
    span_starts = {start for start, _, _ in spans}
    for span in spans:
        start, end, kind = span
        index = max(bisect.bisect_right(starts, start) - 1, 0)
        sentence_start, sentence_end = sentences[index]
        expression = text[start:end]
        # The words around it that tell its tense: its sentence, cut to a window around it, so that a
        # "sentence" of thousands of words (a list with no stops) costs no more per mention than a real one.
        context = text[max(sentence_start, start - _CONTEXT_REACH):min(sentence_end, end + _CONTEXT_REACH)]
        referential = (kind == "date" and bool(_MAY_COUNT_FROM_ANOTHER.search(expression))
                       and needs_reference(expression))
        # A named event ("a day after the toppling") is for propose() to look up: tag() has no events.
        named_event = (referential or kind == "date" and expression.lower() in _UNITS_NAMED_BY_A_CLAUSE) and (
            _names_an_event(text, end, sentence_end))
        reference = None
        if referential and not named_event:
            # Told in the past ("one rival dropped out the next day"), an offset counts from no date still
            # ahead of the publication.
            candidates = anchors
            # ... but "that day" is the day told, ahead or not ("fixed July 4 for the trial and directed
            # the prosecution to produce its witnesses on that day").
            # A move forward told in the past ("was handed to the FBI the following week") counts from no
            # date on the publication day either: it would land after it.
            forward = _FORWARD.search(expression) is not None and not _BACKWARD.search(expression)
            if any(tagged[i][0].resolution.earliest >= published if forward else tagged[i][0].resolution.earliest
                   > published for i in anchors) and (
                    not _THAT_SAME.match(expression)) and tense(context, expression) == "past":
                candidates = [i for i in anchors if tagged[i][0].resolution.latest < published] if forward else [
                    i for i in anchors if tagged[i][0].resolution.earliest <= published]
            chosen = _reference(expression, [tagged[i][0].resolution for i in candidates])
            reference = candidates[chosen] if chosen is not None else None
        after = tagged[reference][0].resolution if reference is not None else None
        if (referential and not named_event and after is None and _BACKWARD.search(expression)
                and _COMPARED_WITH.search(text, max(0, start - 16), start)):
            # "Wages were 3.8 percent higher than a year earlier", with no date told to count from: a
            # figure compared with its own value back from the report's day.
            after = Resolution.day(published)
        # "A week after the offensive began": counted from the day the article told the offensive on.
        told = None
        # "Two weeks after the 6 February earthquakes", "a week after protests erupted on March 18": the
        # clause's own date, before any day an earlier sentence told the event's word on ("20 years after
        # its first title in 1998", after "his fourth Wimbledon title on Sunday").
        dated = _date_in_clause(text, end, sentence_end, published, context) if (
            named_event and referential) else None
        if dated is None and named_event and referential and (
                head := _event_head(text, end, sentence_end)) is not None:
            told = _event_told(text, head, tagged, anchors, sentences, index)
        if told is not None:
            named_event, after, reference = False, told.resolution, next(
                i for i, (m, _) in enumerate(tagged) if m is told)
        elif dated is not None:
            named_event, after = False, _before_the_day_restated(text, start, expression, dated, tagged)
        resolution = _resolution(text, span, published, context, after, named_event, reported)
        if told is not None and resolution is not None:
            resolution = resolution.with_rule(f"{resolution.rule} (the event told on {told.text!r})")
        # What joins a mention to the one just before it (a range, an apposition, "on") is a few characters.
        joined_to_last = bool(tagged) and start - tagged[-1][0].end <= _JOINT_LENGTH
        if referential and joined_to_last and (restated := _restated(text, start, expression, tagged)) is not None:
            resolution = restated
        elif kind == "date" and anchors and (told := _in_story_year(
                text, expression, resolution, tagged[anchors[-1]][0], sentences[index], index, published)) is not None:
            resolution = told
        elif kind == "date" and (told := _in_sentence_year(
                expression, resolution, tagged, anchors, index, context, published)) is not None:
            resolution = told
        elif kind == "date" and (told := _in_next_year(
                text, expression, resolution, tagged, index, context)) is not None:
            resolution = told
        if kind == "date" and joined_to_last and (
                ended := _range_end(text, start, expression, resolution, tagged, published)) is not None:
            resolution = ended
        if kind == "date" and tagged and (closing := _period_end(text, start, expression, resolution, tagged)):
            resolution = closing
        if kind == "date" and anchors and (the_weekday := _the_weekday_of_the_story(
                text, start, expression, tagged[anchors[-1]][0], index, resolution)) is not None:
            resolution = the_weekday
        if kind == "date" and anchors and _IN_THE_DAY.fullmatch(expression) and (
                told := _on_the_story_day(expression, tagged[anchors[-1]][0], index)) is not None:
            # "Raised their flag on Saturday morning ... a ceremony was held later in the day": that day.
            resolution = told
        # A time joined to the date right after it ("2 a.m. on Dec. 1") is dated by it below (_time_on).
        if kind == "time" and resolution is None and not (
                (joint := _TIME_ON.match(text, end)) is not None and joint.end() in span_starts):
            if anchors:
                resolution = _on_the_story_day(expression, tagged[anchors[-1]][0], index)
            # "Romney conceded shortly before 1 a.m.": a time told in the past is on no day still ahead.
            ahead = resolution is not None and resolution.earliest > published and tense(context, expression) == "past"
            if not anchors or ahead:
                # "Updated 14:32 GMT": with no day told (or none it can be on), a clock time is most likely
                # on the publication day, though it may be the night before: approximate, and said so.
                why = "the day told before it is ahead" if ahead else "no day told before it"
                resolution = Resolution.day(published, mod="APPROX", approximate=True).with_rule(
                    f"{expression}: the publication day, {why} -> {published.isoformat()}~")
        mention = Mention(start, end, expression, kind, resolution, index)
        if kind == "date" and (_names_the_quarter_reported(text, mention, context, published) or reported is None
                               and _names_the_month_reported(text, mention, context, published)):
            reported = resolution
        if kind == "date" and (leading := _leading_days(text, mention)):
            anchors.extend(range(len(tagged), len(tagged) + len(leading)))
            tagged.extend((day, None) for day in leading)
        if kind == "date" and joined_to_last:
            _time_on(text, mention, tagged)
            if not referential:
                _restated_after(text, mention, tagged)
        tagged.append((mention, reference))
        joined = _joined_days(text, mention)
        if (second := _joined_year(text, mention)) is not None:
            joined.append(second)
        anchors.extend(range(len(tagged), len(tagged) + len(joined)))
        tagged.extend((day, None) for day in joined)
        # The story's time moves with the dates it tells, not with what it compares them with ("a year
        # earlier", "the year-ago quarter") or looks back to from them ("the day before"); a look back
        # from a date its own words name ("the day before last Tuesday's hearing") is a date told.
        # Nor with a date it counts "since" ("for the first time since November 1980").
        # Nor with the day a period told before it ends on ("fiscal 1996, which ended Jan. 31"): the
        # story is still the period's. Nor with the day of the telling after the day of an event in its
        # sentence ("since it opened last Wednesday, figures released on Tuesday showed. It was
        # inaugurated the day before": before the opening; "the monsoon will set in by the end of the
        # month, the centre said on Thursday. Rain had lashed the city the previous day" is no such day);
        # nor with a date in a relative clause after it ("protests erupted on Friday over a fare increase
        # that took effect on Oct. 6, and a state of emergency was declared the next day": Saturday).
        if resolution is not None and kind == "date" and not _is_reference(mention) and not (
                _COMPARISON.search(expression) or (referential and _BACKWARD.search(expression) and after is not None)
                or text[max(0, start - 6):start].lower() == "since "
                # (the pattern, tried at every offset of the window, only where "end" is in it)
                or "end" in text[max(0, start - 40):start].lower()
                and _ENDS_THE_PERIOD.search(text, max(0, start - 40), start) is not None
                or anchors and tagged[anchors[-1]][0].sentence == index
                and tagged[anchors[-1]][0].resolution.precision == "day"
                and (_TELLING_BEFORE.search(text, max(0, start - 24), start) is not None
                     or _IN_A_RELATIVE_CLAUSE.search(text, max(tagged[anchors[-1]][0].end, start - 60), start))):
            anchors.append(len(tagged) - 1)
    if told_from is not None and tagged and tagged[0][0].resolution is not None:
        # Say where the day everything was counted from came from: the dateline, not the printing.
        first, reference = tagged[0]
        rule = f"{first.resolution.rule} (the dateline: the day the story is told from)"
        tagged[0] = (replace(first, resolution=first.resolution.with_rule(rule)), reference)
    return tagged


def tag(text: str, published: date) -> list[Mention]:
    """Every temporal expression in `text`, resolved against the publication date where it can be.

    Raises InputError, saying which, for a text that is not a string or a publication date that is not
    a date: everything relative is read from it, so there is nothing to fall back on."""
    if not isinstance(text, str):
        raise InputError(f"tag needs the article's text as a string, not {type(text).__name__}")
    if not isinstance(published, date):
        raise InputError(f"tag needs the publication date as a date, not {published!r}")
    return [mention for mention, _ in _tag(text, split_sentences(text), published)]


# -- candidate events ------------------------------------------------------------------------------

_STOP_WORDS = frozenset(
    "the and for with from that this these those into onto over under after before during since until "
    "about against between among amid while which who whom whose what when where why how than then "
    "there their they them his her its our your has have had was were are been being will would could "
    "should may might must can also not but all any some such only more most other one two three "
    "said says say told according".split()
) | frozenset(_TRIGGER_WORDS) | _OPENING_WORDS | frozenset(  # the date is compared as dates, not as words
    # ... a holiday's too, whether it starts a scan or not ("the Day of the Dead").
    w for h in HOLIDAYS if not _FOUND_FROM_DAY.fullmatch(h) for w in _HOLIDAY_WORDS.split(h) if len(w) > 3)
_WORD = re.compile(r"[a-z0-9]+")
_HEADLINE_LIMIT = 90
_CONNECTIVE = re.compile(
    r"(?i:(?:meanwhile|however|finally|moreover|furthermore|additionally|also|in addition|in fact"
    r"|according to [^,]{1,60})\s*,\s*)"
)
# An opening adverbial that holds the date: "On Thursday, ...", "In a statement issued a day after ..., ".
_LEADING_PHRASE = re.compile(
    r"(?:\0|(?i:in|on|during|after|before|since|following|amid|despite|as|when|while|by|at|over|within"
    r"|until|throughout|from|last|earlier|later)\s)[^,]{0,120},\s*"
)
_DATELINE = re.compile(
    r"[^:\n]{1,40}:\s+(?=[“\"A-Z])"
    # A wire dateline, its date already cut out: "DAMASCUS, (Reuters) - ", "BEIRUT, Lebanon (AP) — ".
    r"|[A-Z][A-Z .'-]{1,30},(?:\s*[A-Z][a-z]+,?)?[\s\0,]*(?:\([^)\n]{1,30}\)\s*)?[-–—]+\s+"
)
# Who reported it, when the sentence opens with that rather than with what happened: "SOHR activists
# reported that ...", "The Levantine news agency reported today that ...", "Police said ...".
# The reporter is a few words with no verb of its own ("The body declared the amnesty and said ..." is
# an event, not a reporter), and what it reported follows "that": "said they would" is a statement.
_REPORTING = re.compile(
    r"(?:(?!\b(?i:and|but)\b)[^,;:\0\s]+,?\s+){0,8}?(?i:reported|reports|said|says|announced|stated"
    r"|confirmed|claimed|added|noted|revealed|disclosed|told\s[^,;:\0]{1,40}?)(?:\s*\0)?\s+(?i:that)\s+(?=\S)"
)
# Words that make an opening phrase a clause of its own ("on Monday they would not ..."), kept whole.
_FINITE = re.compile(r"(?i:\b(?:i|we|you|he|she|it|they|would|will|had|has|have|was|were|is|are)\b)")
# "There was a clash between ..." reads as "Clash between ...".
_EXISTENTIAL = re.compile(r"(?i:there\s+(?:was|were|has\s+been|have\s+been)\s+(?:an?\s+)?)")
_PREPOSITION_BEFORE = re.compile(
    r"(?i:\b(?:on|in|during|since|by|at|from|until|till|over|throughout|as of)\s+)$"
)
# Asides: "(SDF)", "[photo credit]", " – led by Hayat Tahrir al-Sham (HTS) – ".
_ASIDES = re.compile(r"\s*(?:\([^()]*\)|\[[^\[\]]*\]|\s[–—][^–—]{1,80}\s[–—](?=\s))")
_CLAUSE_BREAK = re.compile(
    r";|\s[–—-]\s|,\s(?=(?:which|who|whose|while|as well as|leaving|resulting|according|amid|after|before"
    r"|although|though|but|where|with|including|saying|adding|despite)\b)"
)
# Where a long headline may be cut: before a comma or a word that starts a phrase.
_CUT_BEFORE = re.compile(
    r",|\s(?=(?:in|on|at|during|with|for|to|and|that|which|from|after|amid|as|by|of|while|near|about"
    r"|against|into|towards?|under|over|across|through|following|despite|without|around|since)\s)"
)
# A headline does not end on these words or marks.
_DANGLING = frozenset(["", *"and or of the a an to in on at for with by from that".split()])
_TRAILING = " ,;:.!?…–—-\"'”’"


def _content_words(text: str) -> frozenset[str]:
    """The words that carry meaning, cut to five letters so that "forces" meets "force"."""
    return frozenset(sys.intern(w[:5]) for w in _WORD.findall(text.lower())
                     if len(w) > 2 and not w[0].isdigit() and w not in _STOP_WORDS)


def _headline(sentence: str, mention: tuple[int, int], drop: bool) -> str:
    """A sentence's main clause as a headline: no dateline, no leading adverbial, no brackets, short.

    `mention` is where the event's date is said; with `drop` it goes from the headline together with
    its preposition ("on Monday"), since the event's `when` says it.
    """
    start, end = mention
    # "Friday's attack killed five people": a date in the possessive is part of the subject, kept whole.
    drop = drop and sentence[end:end + 2] not in ("'s", "’s")
    if drop:
        before = _PREPOSITION_BEFORE.search(sentence, 0, start)
        text = sentence[:before.start() if before else start] + "\0" + sentence[end:]
    else:
        text = sentence[:start] + "\0" + sentence[start:]
    dateline = _DATELINE.match(text)
    if dateline:
        text = text[dateline.end():]
    connective = _CONNECTIVE.match(text)
    if connective:
        text = text[connective.end():]
    leading = _LEADING_PHRASE.match(text)
    if leading and "\0" in leading.group():
        text = text[leading.end():]
    # The event, not who reported it: drop a reporting clause, then an adverbial that opened what it
    # reported ("that on a road near the village, there was a clash ...").
    reporting = _REPORTING.match(text)
    if reporting and len(text) - reporting.end() > 12:
        text = text[reporting.end():]
        leading = _LEADING_PHRASE.match(text.lstrip("\0 "))
        if leading and not _FINITE.search(leading.group()):
            text = text.lstrip("\0 ")[leading.end():]
    existential = _EXISTENTIAL.match(text.lstrip("\0 "))
    if existential:
        text = text.lstrip("\0 ")[existential.end():]
    text = _ASIDES.sub("", text.replace("\0", " "))
    text = re.sub(r"\s+([,.;:])", r"\1", re.sub(r"\s{2,}", " ", text)).strip(" ,;:\"'“”‘’")
    clause = _CLAUSE_BREAK.search(text, 25)
    if clause:
        text = text[:clause.start()]
    if len(text) > _HEADLINE_LIMIT:
        cuts = [m.start() for m in _CUT_BEFORE.finditer(text, 45, _HEADLINE_LIMIT + 1)]
        text = text[:cuts[-1] if cuts else text.rfind(" ", 0, _HEADLINE_LIMIT + 1)]
    words = text.split(" ")
    while len(words) > 1 and words[-1].strip(_TRAILING).lower() in _DANGLING:
        words.pop()
    text = " ".join(words).rstrip(_TRAILING)
    if text.count("“") != text.count("”") or text.count('"') % 2:
        text = re.sub(r'[“”"]', "", text)  # a quotation cut in half reads better without its marks
    return text[:1].upper() + text[1:]


@dataclass(frozen=True)
class _Either:
    """Membership in either of two sets, without copying them."""

    first: set[str]
    second: set[str]

    def __contains__(self, item: object) -> bool:
        return item in self.first or item in self.second


class _Catalogue:
    """A dataset's events indexed for ingest: by month for date overlap and by title word for lookups,
    so that matching a candidate costs the same with ten events or a hundred thousand."""

    # Events longer than this many months are filed by year, so a decade takes ten entries, not 120.
    _WIDE = 24

    def __init__(self, dataset: Dataset):
        self.events: list[Event] = []
        self.ids: set[str] = set()
        self._wordings: list[list[tuple[str, ...]]] = []  # per event, the words of each report of it
        # (year, month, place), with month 0 for a long event and place "*" for every place
        self._filed: dict[tuple[int, int, str], list[int]] = {}
        self._by_title_word: dict[str, list[int]] = {}
        # (source, quote) -> event: the same sentence of the same source is the same report, however
        # the reviewer has since retitled, re-placed or re-dated the event.
        self._reports: dict[tuple[str, str], int] = {}
        self.gazetteer = Gazetteer.of(dataset.places)
        for event in dataset.events:
            self.add(event)

    @staticmethod
    def _months(when: Resolution) -> list[tuple[int, int]]:
        first = when.earliest.year * 12 + when.earliest.month - 1
        last = when.latest.year * 12 + when.latest.month - 1
        return [(m // 12, m % 12 + 1) for m in range(first, last + 1)]

    def _periods(self, when: Resolution) -> list[tuple[int, int]]:
        """Where an event of these dates is filed."""
        months = self._months(when)
        if len(months) <= self._WIDE:
            return months
        return [(year, 0) for year in range(when.earliest.year, when.latest.year + 1)]

    def add(self, event: Event) -> None:
        position = len(self.events)
        self.events.append(event)
        self.ids.add(event.id)
        self._wordings.append([tuple(_wording(event.title, c.quote)) for c in event.citations]
                              or [tuple(_wording(event.title, ""))])
        for year, month in self._periods(event.when):
            for place in {event.place, "*"}:
                self._filed.setdefault((year, month, place), []).append(position)
        for word in _content_words(event.title):
            self._by_title_word.setdefault(word, []).append(position)
        for citation in event.citations:
            self._reports.setdefault((citation.source, citation.quote), position)

    def cite(self, position: int, citation: Citation) -> None:
        event = self.events[position]
        self.events[position] = replace(event, citations=(*event.citations, citation))
        self._wordings[position].append(tuple(_wording(event.title, citation.quote)))
        self._reports.setdefault((citation.source, citation.quote), position)

    def new_id(self, base: str, reserved: set[str]) -> str:
        """`base` (see `_id_base`), or it with a counter, unique among the dataset's ids and `reserved`."""
        return unique(base, _Either(self.ids, reserved))

    def named(self, phrase: str, published: date) -> Event | None:
        """The one event, dated no later than `published`, whose title shares the most (two or more)
        significant words with `phrase`; None when there is no such event or two are as good."""
        counts: dict[int, int] = {}
        for word in _content_words(phrase):
            for position in self._by_title_word.get(word, ()):
                counts[position] = counts.get(position, 0) + 1
        ranked = sorted(((n, p) for p, n in counts.items()
                         if n >= 2 and self.events[p].when.earliest <= published), reverse=True)
        if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
            return None
        return self.events[ranked[0][1]]

    def match(self, candidate: Event) -> tuple[int, bool] | None:
        """The event a candidate is another report of, and whether it already has the candidate's citation."""
        citation = candidate.citations[0]
        if (citation.source, citation.quote) in self._reports:
            return self._reports[citation.source, citation.quote], True
        words = _wording(candidate.title, citation.quote)
        periods = self._months(candidate.when)
        periods += [(y, 0) for y in range(candidate.when.earliest.year, candidate.when.latest.year + 1)]
        # A candidate with a place matches events there or without one; one without, any event.
        places = {candidate.place, ""} if candidate.place else {"*"}
        positions = {p for year, month in periods for place in places
                     for p in self._filed.get((year, month, place), ())}
        best: tuple[float, int] | None = None
        for position in sorted(positions):
            event = self.events[position]
            if not event.when.overlaps(candidate.when):
                continue
            if any(_same_report(c, citation) for c in event.citations):
                return position, True
            same_quote = any(c.quote == citation.quote for c in event.citations)
            score = 1.0 if same_quote else max(_overlap(words, w) for w in self._wordings[position])
            if score >= _SAME_WORDING and (best is None or score > best[0]):
                best = (score, position)
        return (best[1], False) if best else None


# Two reports are of one event when they share this share of the shorter one's content words
# (and at least two words): "SDF takes control of Deir ez-Zor after regime forces withdraw" and "The SDF
# took control of Deir az-Zour last Friday, ... after regime forces withdrew" share six of eight.
_SAME_WORDING = 0.6


_ID_WORDS = 4


def _id_base(when: Resolution, title: str) -> str:
    """A short id that reads where the event sits in the timeline ("2024-12-06-sdf-took-control-deir"):
    the date at its precision (a day, a month or a year; a range by its first day) and the first few
    words of the title that carry meaning."""
    whole = when.edtf.rstrip("~?%")
    day = whole if re.fullmatch(r"\d{4}(?:-\d{2}){0,2}", whole) else when.earliest.isoformat()
    words = [w for w in slugify(title, 200).split("-") if len(w) > 2 and w not in _STOP_WORDS]
    return "-".join([day, *words[:_ID_WORDS]])


def _wording(title: str, quote: str) -> frozenset[str]:
    """One report's words; each citation is compared on its own so that a much-cited event does
    not come to match everything."""
    return _content_words(f"{title} {quote}")


def _same_report(known: Citation, new: Citation) -> bool:
    """The same source quoted in the same words, or in part of them (a curator may have trimmed it)."""
    return known.source == new.source and bool(known.quote) and (known.quote in new.quote
                                                                  or new.quote in known.quote)


def _overlap(words: frozenset[str], other: tuple[str, ...]) -> float:
    shared = sum(1 for w in other if w in words)
    return shared / min(len(words), len(other)) if shared >= 2 else 0.0


def _named_phrase(text: str, end: int, sentence_end: int) -> str:
    """What "a day after" is after: the words up to the end of the clause."""
    return re.split(r"[,;:.()\[\]]|\s[–—-]\s", text[end:sentence_end], maxsplit=1)[0]


# Why a mention of the present or the past as a whole dates no event.
_AS_A_WHOLE = "it names the present, the past or the future as a whole, not a date an event could have"


@dataclass(frozen=True)
class _Step:
    """A mention that may give its sentence a candidate, with all the work on it that needs no catalogue.

    `when` is None when the mention dates nothing by itself: then either `named` is the phrase naming
    the event it counts from ("the toppling" of "a day after the toppling"), for the catalogue to look
    up, or `reason` says why it dates nothing. Where it may give a candidate, `title`, `place` and
    `base` (its id before it is made unique; made once `named` is dated for a named event) are set.
    """

    mention: int  # its index among the article's mentions, which `reference` names
    sentence: int
    said: str
    quote: tuple[int, int]  # its sentence, as offsets into the article: the text is not sent back
    when: Resolution | None
    reference: int | None = None  # the mention whose candidate its date counts from
    reason: str = ""
    named: str | None = None
    title: str = ""
    place: str = ""
    base: str = ""


@dataclass(frozen=True)
class _Scan:
    """An article read against its publication date: its steps, in text order.

    This is where ingest spends its time (tagging, sentences, titles, places) and none of it depends on
    the other articles, so worker processes can read many articles at once; what does depend on them
    (the events an article names, the ids taken, the events it matches) is `_proposals` and the merge.
    """

    published: date
    steps: tuple[_Step, ...]


def _scan(text: str, published: date, gazetteer: Gazetteer) -> _Scan:
    """The steps of `text`: each mention other than a set, unless an earlier mention of its sentence is
    sure to give the sentence its candidate. A mention counting from a named event gives one only if
    the catalogue knows the event, so the mentions after it in its sentence stay."""
    sentences = split_sentences(text)
    steps: list[_Step] = []
    dated: set[int] = set()  # sentences with a candidate whatever the catalogue holds
    countries: frozenset[str] | None = None  # read on first need: an article of undated sentences has none
    for index, (mention, reference) in enumerate(_tag(text, sentences, published)):
        if mention.sentence in dated or mention.kind == "set":
            continue
        quote = sentences[mention.sentence]
        sentence_start, sentence_end = quote
        if _is_reference(mention):
            steps.append(_Step(index, mention.sentence, mention.text, quote, None, reason=_AS_A_WHOLE))
            continue
        when = mention.resolution
        names_an_event = needs_reference(mention.text) and _names_an_event(text, mention.end, sentence_end)
        named = _named_phrase(text, mention.end, sentence_end) if when is None and names_an_event else None
        if when is None and named is None:
            steps.append(_Step(index, mention.sentence, mention.text, quote, None, reason=_unanchored(mention)))
            continue
        sentence = text[sentence_start:sentence_end]
        local = (mention.start - sentence_start, mention.end - sentence_start)
        # The date's words leave the title, as do those of a length reaching back ("during the past week").
        drop = (mention.kind == "date" or mention.kind == "duration" and bool(_REACHES_BACK.match(mention.text))
                ) and not names_an_event
        title = as_line(_headline(sentence, local, drop=drop) or sentence)
        if countries is None:
            countries = gazetteer.countries(text)
        steps.append(_Step(index, mention.sentence, mention.text, quote, when, reference, named=named, title=title,
                           place=gazetteer.place(sentence, countries),
                           base=_id_base(when, title) if when is not None else ""))
        if when is not None:
            dated.add(mention.sentence)
    return _Scan(published, tuple(steps))


def _proposals(text: str, source: Source, scan: _Scan, catalogue: _Catalogue) -> tuple[list[Event], list[Skipped]]:
    """One candidate per sentence, dated by its first mention that resolves (or whose named event does),
    and the dated sentences that gave none, each with the reason its first date could not be used.

    This is the part of reading an article that depends on the catalogue (`scan` is the rest), so it
    runs in the merging process, article after article.
    """
    published = scan.published
    proposals: list[Event] = []
    reserved: set[str] = set()
    proposal_of_mention: dict[int, str] = {}  # mention index -> id of the candidate it dated
    done: set[int] = set()
    why: dict[int, tuple[_Step, str]] = {}  # sentence -> its first unusable date and the reason
    for step in scan.steps:
        if step.sentence in done:
            continue
        when, reason, base = step.when, step.reason, step.base
        after = proposal_of_mention.get(step.reference) if step.reference is not None else None
        if step.named is not None:
            earlier = catalogue.named(step.named, published)
            reason = (f"it counts from an event no single event in the store matches (\"{step.named.strip()}\"); "
                      "add that event, then ingest again")
            if earlier is not None:
                try:
                    when = resolve(step.said, published, text[slice(*step.quote)], after=earlier.when)
                    after, base = earlier.id, _id_base(when, step.title)
                except UnresolvedDate as exc:
                    when, reason = None, str(exc)
        if when is None:
            why.setdefault(step.sentence, (step, reason))
            continue
        event = Event(
            id=catalogue.new_id(base, reserved), when=when, title=step.title, place=step.place,
            status="candidate", origin="parsed", after=after,
            citations=(Citation(source.id, as_line(step.said), as_text(text[slice(*step.quote)])),),
        )
        reserved.add(event.id)
        proposal_of_mention[step.mention] = event.id
        done.add(step.sentence)
        proposals.append(event)
    skipped = [Skipped(source.id, step.said, text[slice(*step.quote)], reason)
               for sentence, (step, reason) in sorted(why.items()) if sentence not in done]
    return proposals, skipped


def _unanchored(mention: Mention) -> str:
    """Why a mention with no date could not be dated."""
    if mention.kind == "duration":
        return "a length of time that does not reach back from the publication date"
    if mention.kind == "time":
        return "a time of day with no day"
    if needs_reference(mention.text):
        return "it counts from a date the article has not given before it"
    return "its date cannot be worked out from the publication date"


def _anchor(source: Source) -> date:
    if source.published is None:
        raise InputError(f"source '{source.id}' has no publication date to anchor its relative dates")
    return source.published


def propose(text: str, source: Source, dataset: Dataset) -> list[Event]:
    """Candidate events for an article: one per sentence with a resolvable date, cited to `source`."""
    published = _anchor(source)
    catalogue = _Catalogue(dataset)
    return _proposals(text, source, _scan(text, published, catalogue.gazetteer), catalogue)[0]


def ingest_many(dataset: Dataset, items: Iterable[tuple[str, Source]], *, jobs: int = 1) -> IngestResult:
    """Ingest articles in one pass: each candidate becomes a new event or a citation of a known one.

    A known event is any event, rejected ones included, so that a rejected candidate never comes back;
    an article already ingested adds nothing. A source already in the dataset keeps its stored metadata;
    a new one is added only when its article gave an event or a citation, so an empty article, or one
    with no date in it, leaves the dataset as it was.

    With `jobs` above 1, that many worker processes read the articles (tag them, split their sentences,
    title and place their candidates) while this process merges them in their order, so the result is
    the one of `jobs=1`, byte for byte. A batch of fewer than two articles per job is read here: starting
    workers would cost more than it saves. `items` is read a few dozen articles ahead of the merge.
    """
    if jobs < 1:
        raise InputError(f"jobs: {jobs} is not a number of processes; give 1 or more")
    catalogue = _Catalogue(dataset)
    sources = {s.id: s for s in dataset.sources}
    # The date each article would be read against if no earlier article of the batch changed it.
    stored = {s.id: s.published for s in dataset.sources}
    existing = len(catalogue.events)
    added: list[str] = []
    cited: dict[str, None] = {}
    unchanged = 0
    skipped: list[Skipped] = []
    idle: list[str] = []
    with closing(_scanned(items, stored, dataset.places, catalogue.gazetteer, jobs)) as scanned:
        for text, given, scan in scanned:
            source = sources.get(given.id, given)
            published = _anchor(source)
            if scan is None or scan.published != published:
                # Not read ahead, or read against another date: an earlier article of the batch with
                # the same source id landed first, and its date is the source's.
                scan = _scan(text, published, catalogue.gazetteer)
            landed = False
            merged: dict[str, str] = {}  # candidate id -> the known event it turned out to be
            candidates, unused = _proposals(text, source, scan, catalogue)
            skipped += unused
            for candidate in candidates:
                if candidate.after in merged:
                    candidate = replace(candidate, after=merged[candidate.after])
                found = catalogue.match(candidate)
                if found is None:
                    catalogue.add(candidate)
                    added.append(candidate.id)
                    landed = True
                    continue
                position, known = found
                merged[candidate.id] = catalogue.events[position].id
                if known:
                    unchanged += 1
                    citation = candidate.citations[0]
                    skipped.append(Skipped(source.id, citation.said, citation.quote,
                                           f"already in the store as {catalogue.events[position].id}"))
                    continue
                catalogue.cite(position, candidate.citations[0])
                landed = True
                if position < existing:
                    cited[catalogue.events[position].id] = None
            if landed:
                sources.setdefault(source.id, source)
            elif source.id not in sources:
                idle.append(source.id)
    result = replace(dataset, sources=tuple(sources.values()), events=tuple(catalogue.events))
    return IngestResult(result, tuple(added), tuple(cited), unchanged, tuple(skipped),
                        tuple(dict.fromkeys(idle)))


def ingest(dataset: Dataset, text: str, source: Source) -> IngestResult:
    """Ingest one article: see `ingest_many`."""
    return ingest_many(dataset, [(text, source)])


# -- reading articles in worker processes ----------------------------------------------------------

# Articles a worker reads at a time: sending them and their scans costs little next to reading them
# (a millisecond or two each), and a small batch still gives every worker some.
_CHUNK = 16
# Chunks waiting or being read, per worker: enough that no worker idles while the merge catches up,
# few enough that the items are not read far ahead of the merge (nor their texts held).
_AHEAD = 3
# How often a wait for a worker checks that the workers are still alive, in seconds.
_POLL = 1.0
# How much lower the workers' priority is than the merging process's (see _start_worker).
_NICE = 10

_gazetteer: Gazetteer | None = None  # in a worker process: the places of the dataset being ingested


def _scanned(items: Iterable[tuple[str, Source]], stored: dict[str, date | None], places: tuple[Place, ...],
             gazetteer: Gazetteer, jobs: int) -> Iterator[tuple[str, Source, _Scan | None]]:
    """Each article with its scan, in their order; the scan is None where the merge is to read it."""
    items = iter(items)
    if jobs > 1:
        head = list(islice(items, _CHUNK * jobs))
        if len(head) >= 2 * jobs:
            size = min(_CHUNK, -(-len(head) // jobs))
            yield from _scanned_by_workers(chain(head, items), stored, places, gazetteer, jobs, size)
            return
        items = iter(head)
    for text, source in items:
        yield text, source, None


def _scanned_by_workers(items: Iterator[tuple[str, Source]], stored: dict[str, date | None],
                        places: tuple[Place, ...], gazetteer: Gazetteer, jobs: int,
                        size: int) -> Iterator[tuple[str, Source, _Scan | None]]:
    """`_scanned` with `jobs` worker processes reading chunks of `size` articles, handed back in order.

    Each article is read against the date of its source as stored, else as given (None, and read by
    the merge, when there is none). Workers are forked where that is safe: they start at once and
    share this process's loaded gazetteer. They inherit the store's lock if the caller holds it, which
    is harmless: they never write, and they are gone before this returns, so before the lock is let go;
    if this process is killed, they see their task pipe close and exit.
    """
    import multiprocessing

    context = multiprocessing.get_context("fork" if _can_fork() else "spawn")
    if context.get_start_method() == "fork":
        gazetteer.load()
    chunks = iter(lambda: list(islice(items, size)), [])
    before = {p.pid for p in multiprocessing.active_children()}
    with context.Pool(jobs, _start_worker, (places,)) as pool:
        workers = {p.pid for p in multiprocessing.active_children()} - before
        pending: deque = deque()

        def send() -> None:
            chunk = next(chunks, None)
            if chunk is not None:
                work = [(text, stored.get(source.id, source.published)) for text, source in chunk]
                pending.append((chunk, pool.apply_async(_scan_chunk, (work,))))

        for _ in range(jobs * _AHEAD):
            send()
        while pending:
            chunk, result = pending.popleft()
            send()  # before waiting, so that the workers read on while this process merges
            while not result.ready():
                result.wait(_POLL)
                if not workers <= {p.pid for p in multiprocessing.active_children()}:
                    raise TimelineError("a worker process reading articles ended before it was done (killed, "
                                        "or out of memory?); ingest again, with fewer jobs")
            for (text, source), scan in zip(chunk, result.get()):
                yield text, source, scan
        pool.close()
        pool.join()


def _can_fork() -> bool:
    """Fork copies only the calling thread: with other threads running, one may hold a lock that the
    copy then waits on forever; and macOS's system libraries do not survive it (its default is spawn)."""
    import threading

    return sys.platform.startswith("linux") and threading.active_count() == 1


def _start_worker(places: tuple[Place, ...]) -> None:
    global _gazetteer
    # Ctrl-C reaches every process of the terminal's group: the parent handles it, and ends the workers.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(os, "nice"):
        # The merge is the one part no worker can share, and with as many workers as cores it would
        # get a third less of its core; at a lower priority the workers take what it leaves instead.
        os.nice(_NICE)
    _gazetteer = Gazetteer.of(places)


def _scan_chunk(chunk: list[tuple[str, date | None]]) -> list[_Scan | None]:
    return [_scan(text, published, _gazetteer) if published is not None else None for text, published in chunk]
