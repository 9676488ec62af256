"""The English words for dates that both the resolver and the article scanner read.

One vocabulary, so that what the scanner finds in an article is exactly what the resolver understands.
"""

from __future__ import annotations

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
}
# Abbreviations as newsrooms write them (AP style "Sept."), with or without the full stop.
MONTH_ABBREVIATIONS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8,
    "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}
WEEKDAY_ABBREVIATIONS = {"mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
                         "fri": 4, "sat": 5, "sun": 6}
SEASON_WORDS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
UNITS = {
    "day": "day", "days": "day", "week": "week", "weeks": "week", "fortnight": "fortnight",
    "fortnights": "fortnight", "month": "month", "months": "month", "quarter": "quarter",
    "quarters": "quarter", "year": "year", "years": "year", "decade": "decade", "decades": "decade",
}
NUMBER_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20,
    "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
    "hundred": 100, "dozen": 12,
}
# Words that multiply the count before them ("a dozen", "two hundred") rather than add to it.
MULTIPLIER_WORDS = frozenset({"hundred", "dozen"})
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
# Vague counts as the span of counts a careful reader takes them to mean.
VAGUE_COUNTS = {
    "a couple of": (2, 2), "a couple": (2, 2), "a few": (2, 5), "few": (2, 5),
    "several": (3, 7), "some": (2, 9),
}
# Parts of a day that leave the day itself as the date ("Friday night", "yesterday morning").
DAY_PARTS = ("morning", "afternoon", "evening", "night", "overnight")
# Words that make the date after them approximate ("about a month ago", "some three years ago").
APPROXIMATORS = (
    "about", "around", "approximately", "roughly", "nearly", "almost", "circa", "more than", "less than",
    "at least", "at most", "just over", "just under", "on or about", "on or around",
)
# Holidays on a fixed calendar day, as (month, day); movable feasts need a calendar of their own.
FIXED_HOLIDAYS = {
    "new year's day": (1, 1), "valentine's day": (2, 14), "halloween": (10, 31), "christmas eve": (12, 24),
    "christmas": (12, 25), "christmas day": (12, 25), "boxing day": (12, 26), "new year's eve": (12, 31),
}
