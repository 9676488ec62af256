"""Tests for timeline.resolve: the dev table row by row, a table per rule class, properties, lazy import."""

from __future__ import annotations

import csv
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import NamedTuple

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import SEASONS, Resolution, add_months, month_end, parse_edtf
from timeline.errors import UnresolvedDate
from timeline.resolve import needs_reference, resolve, tense

DEV_TABLE = Path(__file__).parent / "data" / "resolver-dev.tsv"
# Our own sentences for the readings of news usage beyond the dev table (business schedules, earnings
# reports, holidays, spelled-out years, compounds), one row per behaviour, with the reason in `note`.
NEWS_TABLE = Path(__file__).parent / "data" / "resolver-news.tsv"
REPO_ROOT = Path(__file__).parents[1]


def _table_rows(table: Path) -> list:
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return [pytest.param(row, id=f"{table.stem}-{number}-{row['expression']}")
            for number, row in enumerate(rows, start=1)]


@pytest.mark.parametrize("row", _table_rows(DEV_TABLE) + _table_rows(NEWS_TABLE))
def test_table_row(row: dict) -> None:
    """Each row of the dev and news tables resolves to its timex, bounds, precision, mod and approximate flag."""
    found = resolve(row["expression"], date.fromisoformat(row["anchor"]), row["context"])
    assert (found.timex, found.earliest.isoformat(), found.latest.isoformat(), found.precision, found.mod or "") == (
        row["timex"], row["earliest"], row["latest"], row["precision"], row["mod"])
    assert found.approximate == (row["mod"] == "APPROX")


class Case(NamedTuple):
    phrase: str
    anchor: str
    context: str | None
    after: str | None
    timex: str
    earliest: str
    latest: str
    approximate: bool = False
    mod: str | None = None


SEED_2021, SEED_2022, SEED_2024 = "2021-11-27", "2022-04-19", "2024-12-09"
CASES = [
    # The seed articles' own expressions.
    Case("On Thursday", SEED_2021, "On Thursday, SOHR activists reported that the director arrived", None,
         "2021-11-25", "2021-11-25", "2021-11-25"),
    Case("a few days ago", SEED_2021, None, None, "PAST_REF", "2021-11-22", "2021-11-25", True, "APPROX"),
    Case("a few days ag", SEED_2021, "in the eastern countryside, a few days ag.", None,
         "PAST_REF", "2021-11-22", "2021-11-25", True, "APPROX"),
    Case("On November 22", SEED_2021, "On November 22, SOHR activists reported that", None,
         "2021-11-22", "2021-11-22", "2021-11-22"),
    Case("On November 14", SEED_2021, None, None, "2021-11-14", "2021-11-14", "2021-11-14"),
    Case("last Friday", SEED_2024, "The SDF took control of Deir az-Zour last Friday", None,
         "2024-12-06", "2024-12-06", "2024-12-06"),
    Case("on Monday", SEED_2024, "Two civilians were killed and six injured on Monday during protests", None,
         "2024-12-09", "2024-12-09", "2024-12-09"),
    Case("today", SEED_2024, "Deir az-Zour had witnessed protests today", None,
         "2024-12-09", "2024-12-09", "2024-12-09"),
    Case("during the past week", SEED_2024, "Thousands of soldiers fled during the past week from battles", None,
         "P1W", "2024-12-02", "2024-12-08"),
    Case("a day after", SEED_2024, None, "2024-12-08", "2024-12-09", "2024-12-09", "2024-12-09"),
    Case("a day after the toppling", SEED_2024, "In a statement issued a day after the toppling of Assad", "2024-12-08",
         "2024-12-09", "2024-12-09", "2024-12-09"),
    Case("today", SEED_2022, "The Levantine news agency reported today that", None,
         "2022-04-19", "2022-04-19", "2022-04-19"),
    Case("six months", SEED_2022, "the office in Deir Ezzor has been operating for six months now", None,
         "2021-10", "2021-10-01", "2021-10-31", True, "APPROX"),
    # Absolute dates in the usual news spellings.
    Case("Sept. 30", SEED_2024, None, None, "2024-09-30", "2024-09-30", "2024-09-30"),
    Case("Oct. 19, 1987", SEED_2024, None, None, "1987-10-19", "1987-10-19", "1987-10-19"),
    Case("March 3rd", SEED_2024, None, None, "2024-03-03", "2024-03-03", "2024-03-03"),
    Case("the 3rd of March", SEED_2024, None, None, "2024-03-03", "2024-03-03", "2024-03-03"),
    Case("the first of March 2023", SEED_2024, None, None, "2023-03-01", "2023-03-01", "2023-03-01"),
    Case("9th of December 2024", SEED_2024, None, None, "2024-12-09", "2024-12-09", "2024-12-09"),
    Case("Monday, Dec. 16", "2024-12-12", "It reopened on Monday, Dec. 16", None,
         "2024-12-16", "2024-12-16", "2024-12-16"),
    Case("Tuesday, December 16, 2024", SEED_2024, None, None, "2024-12-16", "2024-12-16", "2024-12-16"),
    Case("25/12/2023", SEED_2024, None, None, "2023-12-25", "2023-12-25", "2023-12-25"),
    Case("Dec 9 2024 at 10:00", SEED_2024, None, None, "2024-12-09", "2024-12-09", "2024-12-09"),
    # Sixteen days ahead is far nearer than a year back: the coming Christmas.
    Case("Christmas Day", SEED_2024, None, None, "2024-12-25", "2024-12-25", "2024-12-25"),
    Case("mid-1990s", SEED_2024, None, None, "199", "1994-01-01", "1996-12-31", mod="MID"),
    Case("the '90s", SEED_2024, None, None, "199", "1990-01-01", "1999-12-31"),
    Case("the 20th century", SEED_2024, None, None, "19", "1900-01-01", "1999-12-31"),
    Case("Q3 2022", SEED_2024, None, None, "2022-Q3", "2022-07-01", "2022-09-30"),
    Case("fiscal 2022", SEED_2024, None, None, "2022", "2021-02-01", "2022-12-31"),
    Case("fiscal 1998", SEED_2024, None, None, "1998", "1997-02-01", "1998-12-31"),
    Case("the first half of 2023", SEED_2024, None, None, "2023-H1", "2023-01-01", "2023-06-30"),
    Case("the second half", SEED_2024, "Sales fell in the second half", None, "2024-H2", "2024-07-01", "2024-12-31"),
    Case("the first nine months of the year", SEED_2024, None, None, "2024", "2024-01-01", "2024-09-30"),
    Case("the third quarter of last year", SEED_2024, None, None, "2023-Q3", "2023-07-01", "2023-09-30"),
    Case("June of last year", SEED_2024, None, None, "2023-06", "2023-06-01", "2023-06-30"),
    Case("2024, December", SEED_2024, None, None, "2024-12", "2024-12-01", "2024-12-31"),
    Case("the 1990's", SEED_2024, None, None, "199", "1990-01-01", "1999-12-31"),
    Case("over 2024", SEED_2024, None, None, "2024", "2024-01-01", "2024-12-31"),
    Case("1998 first quarter", SEED_2024, None, None, "1998-Q1", "1998-01-01", "1998-03-31"),
    Case("last year's fourth quarter", SEED_2024, None, None, "2023-Q4", "2023-10-01", "2023-12-31"),
    Case("the first week of March", SEED_2024, None, None, "2024-03", "2024-03-01", "2024-03-07"),
    Case("the last week of November", SEED_2024, None, None, "2024-11", "2024-11-24", "2024-11-30"),
    # Day words, weekdays and weekends.
    Case("the day after tomorrow", SEED_2024, None, None, "2024-12-11", "2024-12-11", "2024-12-11"),
    Case("Sunday night", SEED_2024, None, None, "2024-12-08", "2024-12-08", "2024-12-08"),
    Case("Friday morning", SEED_2024, None, None, "2024-12-06", "2024-12-06", "2024-12-06"),
    Case("late Friday", SEED_2024, None, None, "2024-12-06", "2024-12-06", "2024-12-06"),
    Case("Monday at 3 pm", "2024-12-12", None, None, "2024-12-09", "2024-12-09", "2024-12-09"),
    Case("on Monday", "2024-12-12", "The ministry said on Monday that the border would reopen", None,
         "2024-12-09", "2024-12-09", "2024-12-09"),
    Case("Friday", "2024-12-12", "The two sides will meet on Friday, a spokesman said", None,
         "2024-12-13", "2024-12-13", "2024-12-13"),
    Case("Wednesday last week", SEED_2024, None, None, "2024-12-04", "2024-12-04", "2024-12-04"),
    Case("this past weekend", SEED_2024, None, None, "2024-W49-WE", "2024-12-07", "2024-12-08"),
    Case("last weekend", SEED_2024, None, None, "2024-W49-WE", "2024-12-07", "2024-12-08"),
    Case("the weekend", SEED_2024, "Protesters gathered over the weekend", None,
         "2024-W49-WE", "2024-12-07", "2024-12-08"),
    Case("over the weekend", SEED_2024, "Talks will continue over the weekend", None,
         "2024-W50-WE", "2024-12-14", "2024-12-15"),
    Case("the weekend", "2024-12-08", None, None, "2024-W49-WE", "2024-12-07", "2024-12-08"),
    # Parts of units.
    Case("the end of the year", SEED_2024, None, None, "2024", "2024-09-01", "2024-12-31", mod="END"),
    Case("end of March", SEED_2024, None, None, "2024-03", "2024-03-21", "2024-03-31", mod="END"),
    Case("the beginning of the month", SEED_2024, None, None, "2024-12", "2024-12-01", "2024-12-10", mod="START"),
    Case("late last week", SEED_2024, None, None, "2024-W49", "2024-12-05", "2024-12-08", mod="END"),
    Case("early next week", SEED_2024, None, None, "2024-W51", "2024-12-16", "2024-12-18", mod="START"),
    Case("by late 2021", SEED_2024, None, None, "2021", "2021-09-01", "2021-12-31", mod="END"),
    Case("earlier this week", "2024-12-12", None, None, "2024-W50", "2024-12-09", "2024-12-11"),
    Case("later this month", SEED_2024, None, None, "2024-12", "2024-12-10", "2024-12-31"),
    Case("the week before last", SEED_2024, None, None, "2024-W48", "2024-11-25", "2024-12-01"),
    Case("so far this year", SEED_2024, None, None, "2024", "2024-01-01", "2024-12-31"),
    # Seasons.
    Case("last fall", SEED_2024, None, None, "2024-FA", "2024-09-01", "2024-11-30"),
    Case("this winter", SEED_2024, None, None, "2024-WI", "2024-12-01", "2025-02-28"),
    # Spans and durations.
    Case("the past few days", SEED_2024, None, None, "PAST_REF", "2024-12-04", "2024-12-08", True, "APPROX"),
    Case("the last three months", SEED_2024, "Prices have doubled in the last three months", None,
         "2024-09", "2024-09-01", "2024-09-30", True, "APPROX"),
    Case("the past decade", SEED_2024, None, None, "P10Y", "2014-12-09", "2024-12-08"),
    Case("the coming days", SEED_2024, None, None, "FUTURE_REF", "2024-12-10", "2024-12-16", True, "APPROX"),
    Case("the coming weeks", SEED_2024, None, None, "FUTURE_REF", "2024-12-10", "2025-01-27", True, "APPROX"),
    Case("the next two weeks", SEED_2024, None, None, "P2W", "2024-12-10", "2024-12-23"),
    Case("recent years", SEED_2024, None, None, "PAST_REF", "2017-12-09", "2024-12-08", True, "APPROX"),
    Case("now", SEED_2024, None, None, "PRESENT_REF", "2024-12-09", "2024-12-09"),
    Case("currently", SEED_2024, None, None, "PRESENT_REF", "2024-12-09", "2024-12-09"),
    Case("this time last year", SEED_2024, None, None, "2023-12-09", "2023-12-09", "2023-12-09", True, "APPROX"),
    # Counts back and forward from the anchor.
    Case("twenty-five days ago", SEED_2024, None, None, "2024-11-14", "2024-11-14", "2024-11-14"),
    Case("a dozen years ago", SEED_2024, None, None, "2012", "2012-01-01", "2012-12-31"),
    Case("a fortnight ago", SEED_2024, None, None, "2024-W48", "2024-11-25", "2024-12-01"),
    Case("a decade ago", SEED_2024, None, None, "2014", "2014-01-01", "2014-12-31"),
    Case("at least two weeks ago", SEED_2024, None, None, "2024-W48", "2024-11-25", "2024-12-01", True, "APPROX"),
    Case("some three years ago", SEED_2024, None, None, "2021", "2021-01-01", "2021-12-31", True, "APPROX"),
    Case("a week or so ago", SEED_2024, None, None, "2024-W49", "2024-12-02", "2024-12-08", True, "APPROX"),
    Case("two weeks from now", SEED_2024, None, None, "2024-W52", "2024-12-23", "2024-12-29"),
    Case("in two weeks", SEED_2024, None, None, "2024-W52", "2024-12-23", "2024-12-29"),
    Case("in two weeks", SEED_2024, "The plant will reopen in two weeks", None, "2024-W52", "2024-12-23", "2024-12-29"),
    Case("for ten days", SEED_2024, "Families have been sheltering in the school for ten days", None,
         "2024-11-29", "2024-11-29", "2024-11-29", True, "APPROX"),
    # Offsets from a reference event.
    Case("the previous day", SEED_2024, None, "2024-12-08", "2024-12-07", "2024-12-07", "2024-12-07"),
    Case("the day before", SEED_2024, None, "2024-12-08", "2024-12-07", "2024-12-07", "2024-12-07"),
    Case("the next day", SEED_2024, None, "2024-12-08", "2024-12-09", "2024-12-09", "2024-12-09"),
    Case("the following day", SEED_2024, None, "2024-12-08", "2024-12-09", "2024-12-09", "2024-12-09"),
    Case("the following week", SEED_2024, None, "2024-12-08", "2024-W50", "2024-12-09", "2024-12-15"),
    Case("the following month", SEED_2024, None, "2024-12-08", "2025-01", "2025-01-01", "2025-01-31"),
    Case("the following year", SEED_2024, None, "2024-12-08", "2025", "2025-01-01", "2025-12-31"),
    Case("a year earlier", SEED_2024, None, "2024-12-08", "2023", "2023-01-01", "2023-12-31"),
    Case("two years earlier", SEED_2024, None, "2024-12-08", "2022", "2022-01-01", "2022-12-31"),
    Case("two years later", SEED_2024, None, "2024-12-08", "2026", "2026-01-01", "2026-12-31"),
    Case("the year before", SEED_2024, None, "2024-12-08", "2023", "2023-01-01", "2023-12-31"),
    Case("the same day", SEED_2024, None, "2024-12-08", "2024-12-08", "2024-12-08", "2024-12-08"),
    Case("that day", SEED_2024, None, "2024-12-08", "2024-12-08", "2024-12-08", "2024-12-08"),
    Case("two days later", SEED_2024, None, "2024-12-08", "2024-12-10", "2024-12-10", "2024-12-10"),
    Case("a few days later", SEED_2024, None, "2024-12-01", "2024-W49", "2024-12-03", "2024-12-06", True, "APPROX"),
    # "this <season or month>" is the one of the anchor's year, whatever the tense.
    Case("this summer", "1998-03-05", "Sales fell this summer.", None, "1998-SU", "1998-06-01", "1998-08-31"),
    Case("this June", "1998-03-05", None, None, "1998-06", "1998-06-01", "1998-06-30"),
    # Moving a quarter, month or season by whole years back (a comparison) keeps its precision; moving
    # the story on by years is to a year, unless it lands on the report's own month (an anniversary).
    Case("a year earlier", "1998-02-24", None, "1997-07/1997-09", "1996-Q3", "1996-07-01", "1996-09-30"),
    Case("two years later", "1998-02-24", None, "1997-03", "1999", "1999-01-01", "1999-12-31"),
    Case("a year later", "1998-03-24", None, "1997-03", "1998-03", "1998-03-01", "1998-03-31"),
    # Fiscal years counted from the anchor, year-end, quarters named by their last month or with the year first.
    Case("last fiscal year", "1989-11-02", None, None, "1988", "1987-02-01", "1988-12-31"),
    Case("by year-end", "1989-11-02", None, None, "1989-12-31", "1989-12-31", "1989-12-31"),
    Case("the September quarter", "1989-11-02", None, None, "1989-Q3", "1989-07-01", "1989-09-30"),
    Case("the 1988 fourth quarter", "1989-11-02", None, None, "1988-Q4", "1988-10-01", "1988-12-31"),
    Case("the week of Oct. 16", "1989-11-02", None, None, "1989-W42", "1989-10-16", "1989-10-22"),
    # Unnumbered "years ago" is "some years ago"; "the other day" is "a few days ago".
    Case("years ago", "1989-11-02", None, None, "PAST_REF", "1980-01-01", "1987-12-31", True, "APPROX"),
    Case("the other day", "1989-11-02", None, None, "PAST_REF", "1989-10-28", "1989-10-31", True, "APPROX"),
    Case("last Christmas", "1989-11-02", None, None, "1988-12-25", "1988-12-25", "1988-12-25"),
    # A two-digit year is the one with that ending nearest the anchor (at most ten years ahead).
    Case("Oct. 19, '87", "1989-11-02", None, None, "1987-10-19", "1987-10-19", "1987-10-19"),
    Case("March '05", "1998-03-05", None, None, "2005-03", "2005-03-01", "2005-03-31"),
    Case("spring '09", "1998-03-05", None, None, "1909-SP", "1909-03-01", "1909-05-31"),
    Case("next Christmas", "1989-11-02", None, None, "1989-12-25", "1989-12-25", "1989-12-25"),
    # An expectation in the present looks forward.
    Case("the fourth quarter", "1998-02-24", "The company said it expects sales to grow in the fourth quarter.",
         None, "1998-Q4", "1998-10-01", "1998-12-31"),
    # A schedule in the simple present looks forward.
    Case("Nov. 15", "1989-11-02", "The offer expires Nov. 15.", None, "1989-11-15", "1989-11-15", "1989-11-15"),
    Case("Jan. 5", "1998-02-24", "The trial resumes Jan. 5 in Boston.", None, "1999-01-05", "1999-01-05", "1999-01-05"),
    Case("Monday", "2024-12-11", "Wall Street closes higher Monday", None, "2024-12-09", "2024-12-09", "2024-12-09"),
    # A plan in the present ("is planned for") looks forward.
    Case("March 20", "2024-03-10", "The strike is planned for March 20.", None,
         "2024-03-20", "2024-03-20", "2024-03-20"),
    Case("Friday", "2024-12-09", "The vote is set for Friday.", None, "2024-12-13", "2024-12-13", "2024-12-13"),
    # A bare "the year" / "the quarter" is the one the report is written in; "the latest" the one before.
    Case("the year", "1998-03-05", "Profits rose 5% in the year.", None, "1998", "1998-01-01", "1998-12-31"),
    Case("the quarter", "1998-03-05", None, None, "1998-Q1", "1998-01-01", "1998-03-31"),
    Case("the latest quarter", "1998-03-05", None, None, "1997-Q4", "1997-10-01", "1997-12-31"),
    Case("the most recent month", "1998-03-05", None, None, "1998-02", "1998-02-01", "1998-02-28"),
]


@pytest.mark.parametrize("case", [pytest.param(c, id=f"{c.phrase}@{c.anchor}") for c in CASES])
def test_rule_table(case: Case) -> None:
    """Each phrase resolves, with its anchor, context and reference, to the expected dates and timex."""
    after = parse_edtf(case.after) if case.after else None
    found = resolve(case.phrase, date.fromisoformat(case.anchor), case.context, after=after)
    assert (found.timex, found.earliest.isoformat(), found.latest.isoformat()) == (
        case.timex, case.earliest, case.latest)
    assert (found.approximate, found.mod) == (case.approximate, case.mod)


def test_rule_says_how() -> None:
    """The rule is one line naming the phrase, the reasoning and the result."""
    found = resolve("last Friday", date(2024, 12, 9))
    assert found.rule == "last Friday: the Friday before Mon 2024-12-09 -> 2024-12-06"


@pytest.mark.parametrize("phrase", ["the next morning", "two days later", "the following week"])
def test_days_are_not_counted_from_a_whole_year(phrase: str) -> None:
    """Days or weeks counted from a reference of a whole year name no day: unresolved, not a year or decade."""
    with pytest.raises(UnresolvedDate, match="whole year"):
        resolve(phrase, date(1999, 3, 12), after=resolve("1995", date(1999, 3, 12)))


@pytest.mark.parametrize("phrase, reference, expected", [
    ("the following week", "the end of October", (date(2013, 11, 4), date(2013, 11, 10))),
    ("the next day", "last week", (date(2013, 10, 14), date(2013, 10, 14))),
    ("the day before", "last week", (date(2013, 10, 6), date(2013, 10, 6))),
])
def test_one_day_or_week_counts_from_the_edge_of_a_longer_reference(phrase, reference, expected) -> None:
    """A single day or week after a longer span starts where the span ends, one before it where it starts."""
    anchor = date(2013, 10, 16)
    found = resolve(phrase, anchor, after=resolve(reference, anchor))
    assert (found.earliest, found.latest) == expected


def test_reference_may_be_a_resolution() -> None:
    """An offset counts from a coarser reference event unit by unit ("the following month" of a month)."""
    found = resolve("the following month", date(2024, 12, 9), after=Resolution.month(2024, 11))
    assert (found.earliest, found.latest, found.precision) == (date(2024, 12, 1), date(2024, 12, 31), "month")


@pytest.mark.parametrize("phrase, expected", [
    ("a day after the toppling", True),
    ("two days later", True),
    ("the previous day", True),
    ("the next day", True),
    ("a week earlier", True),
    ("that day", True),
    ("last Friday", False),
    ("the day after tomorrow", False),
    ("next week", False),
    ("a few days ago", False),
])
def test_needs_reference(phrase: str, expected: bool) -> None:
    """Offsets from another event need a reference; expressions anchored on publication do not."""
    assert needs_reference(phrase) is expected


@pytest.mark.parametrize("phrase", ["the next day", "two days later", "a day after the toppling", "the year before"])
def test_offset_without_reference_is_unresolved(phrase: str) -> None:
    """Without `after`, an offset from an event raises UnresolvedDate saying a reference event is needed."""
    with pytest.raises(UnresolvedDate, match="reference event is needed"):
        resolve(phrase, date(2024, 12, 9))


@pytest.mark.parametrize("context, expression, expected", [
    ("The two delegations will meet in Geneva on Thursday, a spokesperson said.", "Thursday", "future"),
    ("Union leaders said the strike will begin on Monday unless talks resume.", "Monday", "future"),
    ("The national census will be carried out in February.", "February", "future"),
    ("The plant is expected to open in March.", "March", "future"),
    ("They'll meet Friday.", "Friday", "future"),
    ("The ministry said on Monday that the border would reopen.", "Monday", "past"),
    ("On December 28, the authorities closed the main crossing.", "December 28", "past"),
    ("Sales rose in March.", "March", "past"),
    ("In a statement issued a day after the toppling, the body said that the lives of soldiers would be safe.",
     None, "past"),
    ("Talks would resume on Monday.", None, "future"),
    ("The strike will go ahead.", None, "future"),
    (None, None, "past"),
    # A plan's words point ahead to the date after them, but a date before them is when they were made.
    ("Unions planned a protest march on Tuesday.", "Tuesday", "future"),
    ("On Friday, the ministry planned to reopen the schools.", "Friday", "past"),
    ("The hearing was scheduled for Friday.", "Friday", "future"),
    # Deadlines and earliest times look ahead, except "until" opening a sentence about the time before.
    ("The court gave the company until Monday to respond.", "Monday", "future"),
    ("A deal could come as soon as Tuesday.", "Tuesday", "future"),
    ("Until Thursday, the police had not named a suspect.", "Thursday", "past"),
    # "next to" is a place; an infinitive of intent leaves the direction to nearness (past by default).
    ("Rescuers searched the rubble next to the market on Friday.", "Friday", "past"),
    ("The council agreed to build the bridge in January.", "January", "past"),
])
def test_tense(context: str | None, expression: str | None, expected: str) -> None:
    """The verb nearest the expression (or, without one, the sentence's cues) sets the direction."""
    assert tense(context, expression) == expected


@pytest.mark.parametrize("phrase, context, message", [
    ("", None, "empty"),
    ("   ", None, "empty"),
    ("xyzzy", None, "not a date expression"),
    ("whenever", None, "not a date expression"),
    ("12 apples", None, "not a date expression"),
    ("29", None, "not a date expression"),
    ("22 00 years", None, "not a date expression"),
    ("ten days", "The talks lasted ten days.", "duration alone"),
    ("in two years", "It was the first time in two years that they met.", "superlative"),
    ("in a decade", "It is the first visit in a decade.", "superlative"),
    ("in five years", "Prices are at their highest level in five years.", "superlative"),
    ("in two weeks", "Argentina names fifth president in two weeks", "ordinal"),
    # A length after a modal that follows the perfect is the modal's, not one reaching back to now.
    ("several weeks", "Miners have declared force majeure, and shipments could be disrupted for several weeks.",
     "duration alone"),
    # The digits of an index level or a sum are no year to count from.
    ("the previous Friday", "The index closed at 2082.1, down 4.5% from the previous Friday.", "reference event"),
    ("the year before", "The plan cost $1,990 more than the year before.", "reference event"),
    ("12/09/2024", None, "either way round"),
    ("February 29, 2023", None, "out of range"),
    ("the 31st of last month", None, "has no day 31"),
    ("3000000 days ago", None, "out of range"),
    ("the first quarter of fiscal 2022", None, "not a calendar year"),
    ("x" * 300, None, "too long"),
])
def test_unresolvable(phrase: str, context: str | None, message: str) -> None:
    """What cannot be resolved raises UnresolvedDate with a one-line message saying why."""
    with pytest.raises(UnresolvedDate, match=message) as raised:
        resolve(phrase, date(2024, 12, 9), context)
    assert "\n" not in str(raised.value)


# -- properties ----------------------------------------------------------------------------------------

SAMPLE_EXPRESSIONS = [
    "today", "yesterday", "tomorrow", "Monday", "last Friday", "next Tuesday", "this Sunday", "the weekend",
    "November 22", "February 29", "22 November", "June", "last June", "next March", "early December",
    "mid-March 2023", "late last year", "this week", "last week", "next week", "this month", "last month",
    "this quarter", "last quarter", "this year", "the past week", "the past month", "the past year",
    "earlier this month", "earlier this year", "later this week", "two days ago", "three weeks ago",
    "eighteen months ago", "four years ago", "a few days ago", "several months ago", "some years ago",
    "a couple of weeks ago", "the past two years", "last summer", "last winter", "next spring",
    "the third quarter", "the first half", "the 1990s", "the mid-1990s", "the end of the year", "2019",
    "December 2024", "two weeks from now", "the coming days", "recent months", "the 22nd", "the fourth quarter",
]
ANCHORS = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))


def _timex_bounds(timex: str) -> tuple[date, date] | None:
    """The bounds a calendar-unit TIMEX3 value names, or None for values that are not one unit."""
    parts = timex.split("-")
    if not parts[0].isdigit():
        return None
    year = int(parts[0])
    if len(parts[0]) == 3:
        return date(year * 10, 1, 1), date(year * 10 + 9, 12, 31)
    if len(parts) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    unit = parts[1]
    if unit in SEASONS:
        end = add_months(year, SEASONS[unit], 2)
        return date(year, SEASONS[unit], 1), month_end(*end)
    if unit.startswith("W"):
        monday = date.fromisocalendar(year, int(unit[1:]), 1)
        first = monday + timedelta(5) if parts[2:] == ["WE"] else monday
        return first, monday + timedelta(6)
    if unit.startswith("Q"):
        first = 3 * int(unit[1:]) - 2
        return date(year, first, 1), month_end(year, first + 2)
    if unit.startswith("H"):
        first = 6 * int(unit[1:]) - 5
        return date(year, first, 1), month_end(year, first + 5)
    if len(parts) == 2:
        return date(year, int(unit), 1), month_end(year, int(unit))
    day = date(year, int(unit), int(parts[2]))
    return day, day


@settings(max_examples=300, deadline=None)
@given(anchor=ANCHORS, expression=st.sampled_from(SAMPLE_EXPRESSIONS), future=st.booleans())
def test_bounds_agree_with_timex(anchor: date, expression: str, future: bool) -> None:
    """For any anchor, earliest <= latest and the bounds lie in the calendar unit the timex names,
    filling it exactly unless the result is a part of that unit (a mod or a range within it)."""
    context = "It will happen." if future else "It happened."
    try:
        found = resolve(expression, anchor, context)
    except UnresolvedDate as exc:
        assert "nothing of that" in str(exc)  # "earlier this month" on the 1st names no day at all
        return
    assert found.earliest <= found.latest
    unit = _timex_bounds(found.timex)
    if unit is not None:
        assert unit[0] <= found.earliest and found.latest <= unit[1]
        if found.precision != "range" and found.mod not in ("START", "MID", "END"):
            assert (found.earliest, found.latest) == unit


DATE_WORDS = ["last", "next", "this", "the", "of", "ago", "in", "on", "a", "few", "days", "weeks", "week", "month",
              "year", "quarter", "early", "late", "mid", "Monday", "December", "Dec.", "summer", "2024", "22",
              "3rd", "1990s", "past", "coming", "after", "before", "later", "earlier", ",", "-", "/", "99999",
              "hours", "hour", "several", "couple", "eve", "FY24", "H1", "fiscal", "following", "spring", "that",
              "new", "noughties", "minutes"]


@settings(max_examples=200, deadline=None)
@given(text=st.one_of(st.text(max_size=40), st.lists(st.sampled_from(DATE_WORDS), max_size=6).map(" ".join)),
       anchor=ANCHORS)
def test_arbitrary_text_raises_only_unresolved(text: str, anchor: date) -> None:
    """Any text either resolves to a Resolution or raises UnresolvedDate, never another error."""
    try:
        found = resolve(text, anchor, after=anchor)
    except UnresolvedDate:
        return
    assert found.earliest <= found.latest


@settings(max_examples=100, deadline=None)
@given(count=st.integers(min_value=10**7, max_value=10**40),
       unit=st.sampled_from(["days", "weeks", "months", "quarters", "years", "decades"]),
       form=st.sampled_from(["{} {} ago", "{} {} from now", "the past {} {}", "the next {} {}", "{} {} later"]))
def test_huge_counts_are_unresolved(count: int, unit: str, form: str) -> None:
    """Counts that leave the calendar raise UnresolvedDate, not OverflowError."""
    with pytest.raises(UnresolvedDate):
        resolve(form.format(count, unit), date(2024, 12, 9), after=date(2024, 12, 8))


@settings(max_examples=300, deadline=None)
@given(anchor=ANCHORS, month=st.integers(1, 12), day=st.integers(1, 28),
       context=st.sampled_from([None, "It happened on {}.", "It will happen on {}.", "Its {} meeting was quiet."]))
def test_yearless_date_is_the_nearer_unless_the_tense_decides(anchor: date, month: int, day: int,
                                                               context: str | None) -> None:
    """A month and day without a year lands within a year of the anchor, on the occurrence the tense points
    to unless the other is at least twice as near (five times, outside a noun phrase)."""
    expression = f"{date(2001, month, day):%B} {day}"
    found = resolve(expression, anchor, context.format(expression) if context else None).earliest
    assert (found.month, found.day) == (month, day)
    assert abs((found - anchor).days) <= 366
    if found > anchor:
        behind = anchor - found.replace(year=found.year - 1)
        assert (context and "will" in context) or (found - anchor) * 2 <= behind
    elif found < anchor:
        ahead = found.replace(year=found.year + 1) - anchor
        assert not (context and "will" in context) or (anchor - found) * 2 <= ahead


def test_rule_table_and_handlers_must_agree() -> None:
    """A rule without a handler (or a handler without a rule) stops the engine from loading its tables."""
    from timeline.resolve import en, engine, rules

    assert engine._compile(en.RULES, rules.HANDLERS)
    with pytest.raises(RuntimeError, match="without a handler"):
        engine._compile((*en.RULES, ("no_such_rule", (r"xyzzy",))), rules.HANDLERS)
    with pytest.raises(RuntimeError, match="handlers without a rule"):
        engine._compile(en.RULES[1:], rules.HANDLERS)


def test_import_does_not_load_dateparser() -> None:
    """Importing timeline and timeline.resolve leaves dateparser unloaded (it is imported on first need)."""
    code = "import timeline, timeline.resolve; import sys; assert 'dateparser' not in sys.modules"
    result = subprocess.run([sys.executable, "-c", code], cwd=REPO_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize("module, code", [
    # hijridate for Ramadan or an Eid.
    ("hijridate", "d = datetime.date(2024, 12, 9); timeline.resolve('Christmas', d); {absent}; "
                  "timeline.resolve('Ramadan', d)"),
    # lunardate for the Lunar New Year.
    ("lunardate", "d = datetime.date(2024, 1, 20); timeline.resolve('Christmas', d); {absent}; "
                  "r = timeline.resolve('the Lunar New Year', d, 'Families will gather for the Lunar New Year.'); "
                  "assert r.timex == '2024-02-10', r"),
    # pyluach for a Jewish feast.
    ("pyluach", "d = datetime.date(2022, 4, 1); timeline.resolve('Easter', d); {absent}; "
                "r = timeline.resolve('Passover', d, 'Jews will mark Passover.'); assert r.timex == '2022-04-16', r"),
    # python-holidays for a country's own day.
    ("holidays", "d = datetime.date(2018, 8, 1); timeline.resolve('Christmas', d); {absent}; "
                 "r = timeline.resolve('Diwali', d, 'Shops prepare for Diwali.'); assert r.timex == '2018-11-07', r"),
])
def test_a_calendar_library_is_loaded_only_for_its_feasts(module: str, code: str) -> None:
    """Each calendar library (hijridate, lunardate, pyluach, holidays) is imported when one of its feasts is resolved,
    not for other feasts or at start-up."""
    absent = f"assert {module!r} not in sys.modules"
    script = f"import sys, datetime, timeline; {code.format(absent=absent)}; assert {module!r} in sys.modules"
    result = subprocess.run([sys.executable, "-c", script], cwd=REPO_ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_feast_outside_the_hijri_tables_is_unresolved() -> None:
    """A feast the Umm al-Qura tables cannot date (before 1924) raises UnresolvedDate, never a guess."""
    with pytest.raises(UnresolvedDate):
        resolve("Ramadan 1900", date(2024, 12, 9))
    with pytest.raises(UnresolvedDate):
        resolve("Eid al-Fitr", date(1800, 6, 1))


def test_thirtieth_of_a_hijri_month_skips_the_years_it_has_29_days() -> None:
    """"30 Ramadan" with no year is the nearest Ramadan that has a 30th (Ramadan 1444 AH had 29 days),
    and the 30th of a 29-day month in a year given is unresolved, never the next month's first."""
    found = resolve("on 30 Ramadan", date(2024, 1, 1))
    assert (found.earliest, found.precision) == (date(2024, 4, 9), "day")
    with pytest.raises(UnresolvedDate):
        resolve("30 Ramadan 1444 AH", date(2024, 1, 1))


def test_public_api_resolve_is_the_function() -> None:
    """`timeline.resolve` is the function, also after the `timeline.resolve` module has been imported."""
    import timeline
    import timeline.resolve  # noqa: F401  (the import that would rebind a lazily exported name)

    assert callable(timeline.resolve)
    assert timeline.resolve("yesterday", date(2024, 12, 9)).edtf == "2024-12-08"


def test_nine_eleven_is_the_day_of_the_attacks_only_after_it():
    """"9/11" with no year is 2001-09-11 in news written after it; before, a day and month alone."""
    assert resolve("9/11", date(2013, 6, 20)).timex == "2001-09-11"
    with pytest.raises(UnresolvedDate, match="no year"):
        resolve("9/11", date(1999, 1, 1))


def test_clear_caches_changes_no_answer() -> None:
    """The per-wording caches only save work: answers are the same before and after they are cleared, and
    the same wording in another sentence is read by that sentence's tense."""
    from timeline.resolve import clear_caches

    past = resolve("Friday", date(2024, 12, 9), "Talks collapsed on Friday.")
    ahead = resolve("Friday", date(2024, 12, 9), "Talks will resume on Friday.")
    clear_caches()
    assert resolve("Friday", date(2024, 12, 9), "Talks collapsed on Friday.") == past
    assert (past.edtf, ahead.edtf) == ("2024-12-06", "2024-12-13")


@pytest.mark.parametrize("expression, country, value", [
    ("National Day", "QA", "2018-12-18"),
    ("National Day", "AE", "2018-12-02"),
    ("Independence Day", "IN", "2018-08-15"),
    ("Independence Day", "PH", "2018-06-12"),
    ("Independence Day", None, "2018-07-04"),
    ("Independence Day", "US", "2018-07-04"),
    ("Heritage Day", "ZA", "2018-09-24"),
    ("Republic Day", "IN", "2018-01-26"),
    ("Children's Day", "JP", "2018-05-05"),
])
def test_a_day_each_country_keeps_on_its_own_date_is_the_story_countrys(expression, country, value):
    """ "National Day", "Independence Day", "Republic Day": the day of the country given (python-holidays),
    July 4 for an Independence Day with no country or the US's; the rule says whose."""
    found = resolve(expression, date(2018, 12, 20), f"Crowds marked {expression}.", country=country)
    assert found.timex == value
    assert (f"as {country} keeps it" in found.rule) == (country not in (None, "US"))


def test_a_day_each_country_keeps_has_none_without_a_country():
    """ "National Day" with no country, or of a country with no such day, is unresolved, never a guess."""
    with pytest.raises(UnresolvedDate):
        resolve("National Day", date(2018, 12, 20), "Crowds marked National Day.")
    with pytest.raises(UnresolvedDate):
        resolve("Heritage Day", date(2018, 12, 20), "Crowds marked Heritage Day.", country="FR")


@pytest.mark.parametrize("expression, value", [
    ("Diwali", "2020-11-14"), ("Deepavali", "2020-11-14"), ("Holi", "2020-03-10"), ("Dussehra", "2020-10-25"),
    ("Ambedkar Jayanti", "2020-04-14"),
])
def test_indias_festivals_are_on_the_days_india_keeps_them(expression, value):
    """India's festivals, whatever the story's country, on India's dates (python-holidays, 2001-2035)."""
    assert resolve(expression, date(2020, 12, 31), f"Families marked {expression}.").timex == value


def test_a_festival_before_the_years_of_the_librarys_table_is_unresolved():
    """Diwali in 1990, before python-holidays' table of India's lunar festivals (2001-2035): no day, never
    a guess."""
    with pytest.raises(UnresolvedDate):
        resolve("Diwali 1990", date(2020, 12, 31))


def test_a_festival_of_a_year_the_librarys_table_does_not_hold_is_unresolved():
    """Diwali told in 1999, when python-holidays' table of India's festivals begins in 2001: no day, not
    the nearest year the table holds."""
    with pytest.raises(UnresolvedDate):
        resolve("Diwali", date(1999, 4, 16), "Elections may be held after Diwali.")
