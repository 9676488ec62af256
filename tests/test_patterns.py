"""timeline.patterns: a large pattern cut down by the first character of where it is tried."""

from __future__ import annotations

import re

import pytest

from timeline.extract import _SCAN, _lower, _starts
from timeline.patterns import ByFirstCharacter

# Groups, an optional part at the front, look-arounds, alternatives that begin alike and that do not, a
# back-reference and a part that may match nothing.
SMALL = r"(?:the )?(?P<a>(?<=on )monday|march \d+|may)|(?P<b>\d+(?P<sep>[-/])\d+(?P=sep)\d+)|(?P<c>x*y)"
TEXTS = ["on monday the march 3 rally", "may 5, 12-05-2021, 3/4/5 and xxy y", "the may day", "", "on"]


def same(a: re.Match | None, b: re.Match | None) -> bool:
    return (a and (a.span(), a.lastgroup, a.groupdict())) == (b and (b.span(), b.lastgroup, b.groupdict()))


@pytest.mark.parametrize("worth_cutting", [0, 1])
def test_a_cut_pattern_matches_as_the_whole_one_at_every_offset(worth_cutting):
    """Cut for each character (at once, or after one try), the pattern finds at every offset what the
    whole one finds, with the same groups."""
    cut, whole = ByFirstCharacter(SMALL, worth_cutting=worth_cutting), re.compile(SMALL)
    for text in TEXTS:
        for pos in range(len(text) + 1):
            for _ in range(2):  # before and after the cut is made
                assert same(cut.match(text, pos), whole.match(text, pos)), (text, pos)


SENTENCES = [
    "Rebels seized the town on Sunday, two days after the offensive began on Nov. 27, 2024.",
    "The fiscal first quarter ended Sept. 30; net rose 5% from a year earlier, the company said Tuesday.",
    "Talks resume next week in Geneva, and a vote is set for mid-March or early April 2025.",
    "In '85 the 1990s seemed far off; 12-05-2021 and 15.08.2023 are dates, 45,000 and 3.5 are not.",
    "He arrived at 10 p.m. Wednesday, overnight on Saturday, and left at dawn the following day.",
    "The holy month of Ramadan, Eid al-Fitr and 1 Shawwal 1445 AH; Christmas Eve and Labor Day weekend.",
    "Every Tuesday evening for the past two years, weekly, each October; since 2011, the 20th century.",
]


def test_the_taggers_cut_pattern_matches_as_its_whole_one():
    """The tagger's own pattern, cut for each character, finds at every offset where a date may begin
    what the whole pattern finds there."""
    cut, whole = ByFirstCharacter(_SCAN.pattern, worth_cutting=0), re.compile(_SCAN.pattern)
    for sentence in SENTENCES:
        lowered = _lower(sentence)
        for pos in _starts(sentence):
            assert same(cut.match(lowered, pos), whole.match(lowered, pos)), (sentence, pos)


def test_a_cut_pattern_searches_as_the_whole_one_between_any_two_offsets():
    """search() tries a cut pattern only where `starts` finds a word may begin, and finds between any two
    offsets what the whole pattern's search finds there, with the same groups: the resolver's cue and
    past-verb patterns, which open on a word boundary, read at the end of a window as at its end."""
    from timeline.resolve import engine

    for name in ("_CUES", "_GOVERNED_BY_PAST", "_GOVERNED_AT_A_DISTANCE", "_AFTER_A_PAST_VERB"):
        pattern = getattr(engine, name).pattern
        cut = ByFirstCharacter(pattern, worth_cutting=0, starts=engine._WORD_STARTS)
        whole = re.compile(pattern)
        for sentence in [*SENTENCES, "They'll meet; it’ll be said he'd gone", "elections were held in"]:
            lowered = _lower(sentence)
            for pos in range(0, len(lowered) + 1, 3):
                for endpos in range(pos, len(lowered) + 1, 2):
                    assert same(cut.search(lowered, pos, endpos), whole.search(lowered, pos, endpos)), (
                        name, lowered[pos:endpos])


def _starts_by_regex(text: str) -> list[int]:
    """_starts as its docstring defines it, written plainly with a regular expression for the words."""
    from timeline.extract import _LEAD_WORDS, _OPENING_WORDS, _TRIGGERS, _WORDS_BEFORE_TRIGGER, _in_a_number

    words = [(m.start(), m.group()) for m in re.finditer(r"[A-Za-z]+|[0-9]+", text)]
    starts = set()
    for i, (at, word) in enumerate(words):
        if not (word in _TRIGGERS or word[0].isdigit()) or word[0].isdigit() and _in_a_number(text, at, len(word)):
            continue
        starts.add(at)
        if at and text[at - 1] in "'’":
            starts.add(at - 1)
        for j in range(i - 1, max(-1, i - 1 - _WORDS_BEFORE_TRIGGER), -1):
            if words[j][1].lower() not in _LEAD_WORDS:
                break
            if words[j][1].lower() in _OPENING_WORDS:
                starts.add(words[j][0])
    return sorted(starts)


@pytest.mark.parametrize("text", [
    *SENTENCES, "Q3 FY2020 W25 1990s 2nd the 21st century", "café’s Monday—the “end of the year” in '85",
    "  the\tlast\n\nthree   days", "Monday", "", "x" * 60 + " " * 70 + "the year", "May mayor today's 5pm",
])
def test_the_starts_are_those_of_the_words_read_by_a_regular_expression(text):
    """_starts, which reads words with bytes.translate and str.split, gives the offsets the plain reading
    of its definition gives (runs of ASCII letters or digits, the lead words before a trigger word)."""
    assert _starts(text) == _starts_by_regex(text)
