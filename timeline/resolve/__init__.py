"""Turning a date expression from a news report into calendar dates, anchored on the publication date.

`resolve("last Friday", date(2024, 12, 9))` gives the Resolution of 2024-12-06 with a rule saying why.
An own grammar of the usual news spellings (DESIGN.md section 5) does almost all the work, fast and at
the precision the words carry; dateparser, imported only when needed, reads the rare spellings the
grammar does not know, and only the precision it reports is kept. Anything else raises UnresolvedDate:
the resolver never guesses.

Laid out after HeidelTime: one engine, and the words of a language as data, so that another language is
another data module, not a rewrite.
- en.py: the words of English: word tables (shared with the article scanner), regex fragments,
  normalisations, tense cues, and the rules: each rule's name and patterns, in priority order.
- rules.py: what each rule means: one handler per rule name, reading only the named groups of its
  match and the word tables; whether it counts from another event is the handler's.
- calendars.py: which calendar day is X: calendar arithmetic, thirds and halves, weekends, holidays
  fixed, movable (Easter, Thanksgiving) and Islamic (hijridate, imported only for a feast).
- timex.py: the TIMEX3 values the rules spell themselves (PAST_REF, P1W, PT24H, 2024-W49-WE); whole
  calendar units and the store's EDTF are spelled by the Resolution itself (timeline/dates.py).
- fallback.py: dateparser for what no rule reads; the only module importing it, lazily.
- engine.py: the rules compiled against the handlers, normalising, the dispatch loop, `resolve`,
  `needs_reference`, and the tense reader `tense`.
Imports point one way: engine -> rules, fallback -> calendars -> timex, timeline.dates; en and timex
import nothing of ours. A handler resolves a part of its expression ("late <rest>") through the Query
it is handed, so rules never import the engine.

Choices where news usage leaves room (the README's rules list them all, with TimeML's):
- "now", "currently", "current" are the publication day with TIMEX3 value PRESENT_REF; "recently",
  "the past", "at the time" are PAST_REF and "the future", "soon" FUTURE_REF, spans open on one side;
  "recent days/weeks/months/years" read as the past several (3..7) units, PAST_REF, approximate.
- A yearless date goes the way the tense points unless the other occurrence is five times nearer
  (twice, in a noun phrase or after an infinitive of intent); "will" is never turned back.
- In a sentence reporting company results, "the quarter" is the quarter reported (the one named, else
  the latest ended) and "a year earlier" the same period a year before.
- Early / mid / late (and the beginning / middle / end of) narrow to thirds: of a month days 1-10,
  11-20, 21-end; of a year Jan-Apr, May-Aug, Sep-Dec; of a decade years 0-3, 4-6, 7-9; of a week,
  which has no clean thirds, Mon-Wed, Tue-Fri, Thu-Sun. A single day stays that day ("late Friday").
- "the past week/month/year" is the span up to the day before the anchor (P1W, P1M, P1Y); with a
  count of two or more ("the past two years") it dates the start of a duration reaching back.
- Days or weeks are never counted from a whole year, quarter or decade, nor months from a whole year:
  "the next morning" after "the early 1990s" is unresolved. One day or week after a longer span counts
  from where it ends ("the following week" after "the end of October").
- "This weekend" is the anchor week's; a plan's words told in the past tense ("a concert planned for
  Saturday was called off") take the nearer of the two weekdays.
"""

from .engine import clear_caches, needs_reference, resolve, tense

__all__ = ["clear_caches", "needs_reference", "resolve", "tense"]
