"""Tests for timeline.resolve.en: the English date vocabulary stays consistent."""

from timeline.resolve.en import MONTH_ABBREVIATIONS, MONTHS, SEASON_WORDS, VAGUE_COUNTS, WEEKDAY_ABBREVIATIONS, WEEKDAYS


def test_abbreviations_name_the_months_they_shorten():
    """Every month abbreviation is the start of the month it maps to."""
    for short, number in MONTH_ABBREVIATIONS.items():
        assert [name for name, n in MONTHS.items() if n == number][0].startswith(short[:3])


def test_weekdays_and_abbreviations_agree():
    """Every weekday abbreviation is the start of its weekday, numbered Monday 0 to Sunday 6."""
    assert sorted(WEEKDAYS.values()) == list(range(7))
    for short, number in WEEKDAY_ABBREVIATIONS.items():
        assert [name for name, n in WEEKDAYS.items() if n == number][0].startswith(short)


def test_vague_counts_are_ranges_and_seasons_are_timex_codes():
    """Vague counts are ordered (low, high) spans; season words map to TIMEX3 season codes."""
    assert all(1 <= low <= high for low, high in VAGUE_COUNTS.values())
    assert set(SEASON_WORDS.values()) == {"SP", "SU", "FA", "WI"}
