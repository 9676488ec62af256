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
