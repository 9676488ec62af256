"""The words of English for dates, as data: the tables, patterns and rules the resolver reads them with.

The article scanner reads the same tables, so that what it finds in an article is exactly what the
resolver understands. Everything here is a value; the meaning of each rule is in rules.py, which
reads the named groups of the patterns below and the tables they name. Another language is another
module shaped like this one.
"""

from __future__ import annotations

import re

# The language as dateparser names it, for the fallback.
LANGUAGE = "en"

# -- the vocabulary -------------------------------------------------------------------------------------

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
# Words between the numbers of one count that add nothing ("two hundred and fifty").
NUMBER_JOINERS = frozenset({"and"})
ORDINAL_WORDS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "thirtieth": 30,
}
# What follows the digits of an ordinal ("22nd").
ORDINAL_SUFFIX = r"(?:st|nd|rd|th)"
# Ordinals that count from the end ("the last two weeks of", "the final quarter").
LAST_ORDINALS = frozenset({"last", "final"})
# Vague counts as the span of counts a careful reader takes them to mean.
VAGUE_COUNTS = {
    "a couple of": (2, 2), "a couple": (2, 2), "couple of": (2, 2), "a few": (2, 5), "few": (2, 5),
    "several": (3, 7), "some": (2, 9),
}
# The vague count a phrase implies without writing one: a plural alone ("recent days", "the coming
# weeks"), a unit alone before "ago" ("years ago"), and "the other day".
PLURAL_COUNT = "several"
AGO_COUNT = "some"
OTHER_DAY_COUNT = "a few"
# Parts of a day that leave the day itself as the date ("Friday night", "yesterday morning").
DAY_PARTS = ("morning", "afternoon", "evening", "night", "overnight")
# Parts of a day, counted from another event ("the next morning", "that night"), move by days.
DAY_PART_UNITS = {"night": "day", "morning": "day", "afternoon": "day", "evening": "day"}
# Words that make the date after them approximate ("about a month ago", "some three years ago").
APPROXIMATORS = (
    "about", "around", "approximately", "roughly", "nearly", "almost", "circa", "more than", "less than",
    "at least", "at most", "just over", "just under", "on or about", "on or around",
)
# Holidays by name, as the codes calendars.py dates them by.
HOLIDAYS = {
    "new year's day": "new-years-day", "new year": "new-years-day", "valentine's day": "valentines-day", "halloween": "halloween",
    "christmas eve": "christmas-eve", "christmas": "christmas", "christmas day": "christmas",
    "boxing day": "boxing-day", "new year's eve": "new-years-eve", "may day": "may-day",
    "nowruz": "nowruz", "newroz": "nowruz", "norooz": "nowruz",
    # ... as Central Asia and the Caucasus write it.
    "navruz": "nowruz", "novruz": "nowruz", "nauryz": "nowruz", "nooruz": "nowruz",
    "persian new year": "nowruz", "the persian new year": "nowruz", "iranian new year": "nowruz",
    "the iranian new year": "nowruz",
    # Iran's fire festival on the eve of the last Wednesday before Nowruz, and Sizdah Bedar, its 13th day;
    # Thailand's New Year.
    "chaharshanbe suri": "chaharshanbe-suri", "chaharshanbeh suri": "chaharshanbe-suri",
    "sizdah bedar": "sizdah-bedar", "sizdah be-dar": "sizdah-bedar", "songkran": "songkran",
    "easter": "easter", "easter sunday": "easter", "good friday": "good-friday",
    "easter monday": "easter-monday", "easter week": "easter-week", "holy week": "easter-week",
    "thanksgiving": "thanksgiving", "thanksgiving day": "thanksgiving", "election day": "election-day",
    "canadian thanksgiving": "thanksgiving-ca",
    # The bank holidays by their names in the UK and Ireland ("the August bank holiday" is the UK's last
    # Monday of August; in a story filed from Ireland, extract.py reads it as Ireland's first Monday).
    "may day bank holiday": "bank-holiday-early-may", "early may bank holiday": "bank-holiday-early-may",
    "spring bank holiday": "bank-holiday-spring", "late may bank holiday": "bank-holiday-spring",
    "august bank holiday": "bank-holiday-summer", "summer bank holiday": "bank-holiday-summer",
    "late summer bank holiday": "bank-holiday-summer", "june bank holiday": "bank-holiday-june-ie",
    "october bank holiday": "bank-holiday-october-ie", "irish august bank holiday": "bank-holiday-august-ie",
    "waitangi day": "waitangi-day", "melbourne cup day": "melbourne-cup",
    "memorial day": "memorial-day", "labor day": "labor-day",
    "armistice day": "armistice-day", "remembrance day": "armistice-day", "veterans day": "armistice-day",
    "remembrance sunday": "remembrance-sunday", "anzac day": "anzac-day", "australia day": "australia-day",
    "bonfire night": "bonfire-night", "guy fawkes night": "bonfire-night", "hogmanay": "new-years-eve",
    "st. patrick's day": "st-patricks-day", "st patrick's day": "st-patricks-day", "bastille day": "bastille-day",
    "canada day": "canada-day", "martin luther king day": "mlk-day", "martin luther king jr. day": "mlk-day", "martin luther king jr day": "mlk-day",
    "presidents day": "presidents-day", "presidents' day": "presidents-day", "columbus day": "columbus-day",
    "father's day": "fathers-day", "mother's day": "mothers-day-us", "independence day": "independence-day-us",
    "black friday": "black-friday", "cyber monday": "cyber-monday", "ash wednesday": "ash-wednesday",
    "palm sunday": "palm-sunday", "maundy thursday": "maundy-thursday", "holy thursday": "maundy-thursday",
    "shrove tuesday": "shrove-tuesday",
    "pentecost": "pentecost", "whit sunday": "pentecost", "whitsunday": "pentecost", "whitsun": "pentecost",
    "pentecost monday": "whit-monday", "whit monday": "whit-monday",
    "mardi gras": "shrove-tuesday",
    # The Orthodox feasts by the Julian calendar, and days the world's news marks on a fixed date.
    "orthodox christmas": "orthodox-christmas", "orthodox easter": "orthodox-easter",
    "assumption day": "assumption", "the feast of the assumption": "assumption",
    "all saints' day": "all-saints", "all souls' day": "all-souls", "all saints day": "all-saints",
    "all souls day": "all-souls", "the day of the dead": "all-souls",
    "day of the dead": "all-souls",
    "international women's day": "womens-day", "earth day": "earth-day", "juneteenth": "juneteenth",
    "cinco de mayo": "cinco-de-mayo",
    # The Chinese calendar's New Year (through lunardate), and national days fixed in the Gregorian one.
    "lunar new year": "lunar-new-year", "chinese new year": "lunar-new-year",
    "lunar new year's eve": "lunar-new-years-eve", "chinese new year's eve": "lunar-new-years-eve",
    "lantern festival": "lantern-festival",
    # ... and by the names the region's press gives them: the Spring Festival, Vietnam's Tet and Korea's
    # Seollal are the New Year; Chap Goh Mei the Lantern Festival; Tuen Ng and Duanwu the Dragon Boat
    # Festival; Chuseok and the Mooncake Festival the Mid-Autumn one.
    "spring festival": "lunar-new-year", "tet": "lunar-new-year", "seollal": "lunar-new-year",
    "chap goh mei": "lantern-festival", "yuanxiao festival": "lantern-festival",
    "dragon boat festival": "dragon-boat-festival", "tuen ng festival": "dragon-boat-festival",
    "tuen ng": "dragon-boat-festival", "duanwu festival": "dragon-boat-festival",
    "qixi festival": "qixi", "mid-autumn festival": "mid-autumn-festival",
    "mid autumn festival": "mid-autumn-festival", "mooncake festival": "mid-autumn-festival",
    "chuseok": "mid-autumn-festival", "double ninth festival": "double-ninth", "chung yeung festival": "double-ninth",
    "jamhuri day": "jamhuri-day", "madaraka day": "madaraka-day", "mashujaa day": "mashujaa-day",
    "pakistan day": "pakistan-day", "sinai liberation day": "sinai-liberation-day", "africa day": "africa-day",
    "ramadan": "ramadan", "ramadhan": "ramadan", "ramazan": "ramadan",
    **{f"eid {joint} fitr": "eid-al-fitr" for joint in ("al", "el", "ul")},
    **{f"eid {joint} {name}": "eid-al-adha" for joint in ("al", "el", "ul") for name in ("adha", "azha", "zuha")},
    # As Indonesia and Malaysia write them, which keep the Umm al-Qura day more often than not.
    "idul fitri": "eid-al-fitr", "idul fitr": "eid-al-fitr", "lebaran": "eid-al-fitr", "idul adha": "eid-al-adha",
    # ... and as Turkey, the Caucasus and Central Asia name them (Bayram, Hayit), which date them by
    # calculation, as the Umm al-Qura calendar does.
    **{f"{name} {feast}": "eid-al-adha" for name in ("kurban", "gurban", "qurban")
       for feast in ("bayram", "bayrami", "hayit", "ait")},
    **{f"{name} {feast}": "eid-al-fitr" for name in ("ramazan", "ramadan") for feast in ("bayram", "bayrami", "hayit")},
    "seker bayram": "eid-al-fitr", "seker bayrami": "eid-al-fitr",
    # "Eid" alone: whichever of the two feasts the words point to ("a truce through the Eid").
    "eid": "eid",
    # ... and Nigeria's "Sallah", either feast as "Eid" is; Ethiopia's Genna (its Christmas, the Orthodox
    # one) and Meskel (the Finding of the True Cross), through python-holidays.
    "sallah": "eid", "genna": "orthodox-christmas", "meskel": "country:Finding of True Cross:ET",
    "the islamic new year": "islamic-new-year", "ashura": "ashura", "ashoura": "ashura", "ashurah": "ashura",
    "mawlid": "mawlid", "the holy month": "ramadan",
    "the prophet's birthday": "mawlid", "the prophet mohammed's birthday": "mawlid",
    "the prophet muhammad's birthday": "mawlid",
    # The Day of Arafat (9 Dhu al-Hijjah), Arbaeen (20 Safar), the Hijri New Year by its other names.
    "the day of arafat": "arafat-day", "arafat day": "arafat-day", "arbaeen": "arbaeen", "arbain": "arbaeen",
    "the hijri new year": "islamic-new-year", "hijri new year": "islamic-new-year",
    "orthodox christmas eve": "orthodox-christmas-eve",
    # Jewish feasts (through pyluach's Hebrew calendar).
    "passover": "passover", "pesach": "passover", "shavuot": "shavuot", "rosh hashanah": "rosh-hashanah",
    "rosh hashana": "rosh-hashanah", "yom kippur": "yom-kippur", "sukkot": "sukkot", "simchat torah": "simchat-torah",
    "simhat torah": "simchat-torah", "hanukkah": "hanukkah", "chanukah": "hanukkah", "hanukah": "hanukkah",
    "jewish new year": "rosh-hashanah", "the jewish new year": "rosh-hashanah",
    "day of atonement": "yom-kippur", "the day of atonement": "yom-kippur",
    "purim": "purim", "jerusalem day": "jerusalem-day", "tisha b'av": "tisha-bav", "tisha b’av": "tisha-bav",
    # The Eids by their Malay names, Quds Day (the last Friday of Ramadan), Egypt's Sham el-Nessim.
    "hari raya puasa": "eid-al-fitr", "hari raya aidilfitri": "eid-al-fitr", "hari raya haji": "eid-al-adha",
    "hari raya aidiladha": "eid-al-adha", "hari raya aidil adha": "eid-al-adha",
    "quds day": "quds-day", "al-quds day": "quds-day", "sham el-nessim": "sham-el-nessim",
    "sham el nessim": "sham-el-nessim", "sham al-nessim": "sham-el-nessim",
    **{name: f"country:{holiday}" for name, holiday in {
        # A country's own day, which each country keeps on its own date: the story's country's, through
        # python-holidays ("National Day" in a story from Doha is Qatar's, December 18); none without one.
        "national day": "National Day", "republic day": "Republic Day", "children's day": "Children's Day",
        "constitution day": "Constitution Day", "victory day": "Victory Day", "liberation day": "Liberation Day",
        "revolution day": "Revolution Day", "heritage day": "Heritage Day", "freedom day": "Freedom Day",
        "unity day": "Unity Day", "reunification day": "Reunification Day",
    }.items()},
    # India's festivals, on the days India keeps them (python-holidays, 2001-2035), by the names its press
    # and the world's give them.
    **{name: f"country:{holiday}:IN" for name, holiday in {
        "diwali": "Diwali", "deepavali": "Diwali", "holi": "Holi", "dussehra": "Dussehra", "dasara": "Dussehra",
        "vijayadashami": "Dussehra", "ram navami": "Ram Navami", "janmashtami": "Janmashtami",
        "maha shivaratri": "Maha Shivaratri", "mahashivratri": "Maha Shivaratri", "maha shivratri": "Maha Shivaratri",
        "guru nanak jayanti": "Guru Nanak's Birthday", "buddha purnima": "Buddha Purnima",
        "mahavir jayanti": "Mahavira's Birthday", "ambedkar jayanti": "Dr. B. R. Ambedkar's Birthday",
        "gandhi jayanti": "Mahatma Gandhi's Birthday",
        # The feast of the sacrifice by its Indian name, on the day India keeps it (the subcontinent
        # sights the moon a day after the Umm al-Qura date more often than not).
        "bakrid": "Eid al-Adha", "bakri eid": "Eid al-Adha", "bakra eid": "Eid al-Adha",
    }.items()},
    # Days only one country keeps, named as its press names them: Japan's equinox days (python-holidays),
    # Samoa's White Sunday (the second Sunday of October).
    "vernal equinox day": "country:Vernal Equinox Day:JP", "autumnal equinox day": "country:Autumnal Equinox Day:JP",
    "white sunday": "white-sunday",
}
# The holidays whose day depends on the story's country: "Independence Day" is July 4 only in the US.
BY_COUNTRY = (r"(?i)\b(?:independence|national|republic|children['’]?s|constitution|victory|liberation"
              r"|revolution|heritage|freedom|unity|reunification)\s+day\b")

MONTH_NUMBERS = {**MONTHS, **MONTH_ABBREVIATIONS}
WEEKDAY_NUMBERS = {**WEEKDAYS, **WEEKDAY_ABBREVIATIONS}
DECADE_WORDS = {word[:-1] + "ies": value for word, value in NUMBER_WORDS.items() if value in range(20, 100, 10)}
DECADE_WORDS["noughties"] = 0  # the 2000s, as British English names them
# Keyed as the text reads once normalised, which drops the possessive ("new year day").
NORMALISED_HOLIDAYS = {name.replace("'s", ""): code for name, code in HOLIDAYS.items()}
# The months of the Hijri calendar as English-language outlets spell them ("1 Shawwal 1445 AH", "the 27th
# of Ramadan"), with their numbers.
HIJRI_MONTHS = {
    "muharram": 1, "safar": 2, "rabi al-awwal": 3, "rabi' al-awwal": 3, "rabi al-awal": 3, "rabi i": 3,
    "rabi al-thani": 4, "rabi' al-thani": 4, "rabi al-akhir": 4, "rabi' al-akhir": 4, "rabi ii": 4,
    "jumada al-awwal": 5, "jumada al-ula": 5, "jumada i": 5, "jumada al-thani": 6, "jumada al-akhirah": 6,
    "jumada al-akhira": 6, "jumada ii": 6, "rajab": 7, "shaban": 8, "sha'ban": 8, "ramadan": 9, "ramadhan": 9,
    "shawwal": 10, "dhu al-qadah": 11, "dhu al-qa'dah": 11, "dhul qadah": 11, "dhul-qadah": 11,
    "dhu al-qidah": 11, "dhu al-qi'dah": 11, "dhu al-hijjah": 12, "dhu al-hijja": 12, "dhul hijjah": 12,
    "dhul-hijjah": 12,
}
# ... as the normaliser leaves them (a hyphen between letters becomes a space).
NORMALISED_HIJRI_MONTHS = {name.replace("-", " "): number for name, number in HIJRI_MONTHS.items()}

# Days named from the anchor, as the days they lie from it.
DEICTIC_DAYS = {"today": 0, "tonight": 0, "this morning": 0, "this afternoon": 0, "this evening": 0,
                "earlier today": 0, "later today": 0, "yesterday": -1, "last night": -1, "last evening": -1,
                "tomorrow": 1, "the day before yesterday": -2, "the day after tomorrow": 2,
                # South Asian English drops the article: "day after tomorrow".
                "day before yesterday": -2, "day after tomorrow": 2}
# Parts named by "early/mid/late" and "the beginning/middle/end of": which third, and the TimeML mod.
PARTS = {"early": (0, "START"), "beginning": (0, "START"), "start": (0, "START"), "mid": (1, "MID"),
         "middle": (1, "MID"), "late": (2, "END"), "end": (2, "END"), "close": (2, "END")}
# Relative words as the units they move from the anchor's: "last week" one back, "this week" none.
# A bare "the year" or "the quarter" in a news report is the one it is written in (TimeML's reading);
# "the latest quarter" is the last one reported, the one before the anchor's.
STEPS = {"last": -1, "past": -1, "this past": -1, "recent": -1, "the latest": -1, "the most recent": -1,
         "before last": -2, "next": 1, "coming": 1, "upcoming": 1, "this coming": 1, "after next": 2,
         "this": 0, "current": 0, "the current": 0, "the": 0, "previous": -1, "prior": -1}
RELATIVE_YEARS = {"last year": -1, "this year": 0, "next year": 1}
# Which way from another event ("the day after", "two weeks earlier"), from the anchor ("two weeks
# ago", "a year from now"), or within the anchor's unit ("earlier this month").
DIRECTIONS = {"next": 1, "following": 1, "after": 1, "later": 1, "afterwards": 1, "afterward": 1, "on": 1,
              "from now": 1, "from today": 1, "from": 1, "hence": 1,
              "previous": -1, "preceding": -1, "prior": -1, "before": -1, "earlier": -1, "ago": -1, "back": -1}
# Prepositions before a duration that point it forward from the anchor ("in two weeks").
FORWARD_PREPOSITIONS = frozenset({"in"})
YEAR_PARTS = {"quarter": "quarter", "half": "half", "q": "quarter", "h": "half"}


def _alternation(words) -> str:
    """A regex alternation, longest first so that a prefix never shadows a longer word."""
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


_NUMBER_WORD = _alternation(w for w in NUMBER_WORDS if w not in ("a", "an"))
_ORDINAL_WORD = rf"(?:(?:twenty|thirty) )?(?:{_alternation(ORDINAL_WORDS)})"
# The pieces the rule patterns name as %(month)s, %(count)s, ...
FRAGMENTS = {
    "month": _alternation(MONTH_NUMBERS),
    "weekday": _alternation(WEEKDAY_NUMBERS),
    "season": _alternation(SEASON_WORDS),
    "unit": _alternation(UNITS),
    "count": rf"{_alternation(VAGUE_COUNTS)}|\d+|(?:an? )?(?:{_NUMBER_WORD})(?: (?:and )?(?:{_NUMBER_WORD}))*|an?",
    "day": rf"(?:\d{{1,2}}{ORDINAL_SUFFIX}?|{_ORDINAL_WORD})",
    "year": r"\d{4}|'\d\d|last year|this year|next year",
    "daypart": rf"(?:{_alternation(DAY_PARTS)})",
    "deictic": _alternation(DEICTIC_DAYS),
    "rel": "last|next|this past|this coming|this|past|coming",
    "decades": _alternation(DECADE_WORDS),
    "ordinal": _ORDINAL_WORD,
    "holiday": _alternation(NORMALISED_HOLIDAYS),
    "hmonth": _alternation(NORMALISED_HIJRI_MONTHS),
}

# -- reading the sentence: which way does it look? ---------------------------------------------------

# A future auxiliary takes the verb group after it, so "will be carried out" is one future cue and its
# participle is not read as a past tense.
# A linking verb takes the word after it too: "will remain shut", "will stay closed".
_VERB_GROUP = (r"(?: (?:not|be|been|have|also|still|then|soon|only|now|never|\w+ly))*"
               r"(?: (?:remain|stay|become|get|keep|seem) \w+| \w+)?")
# How a market moves at its opening or close: "closes higher", "opens at a record", "closed at $41".
MARKET_MOVE = (
    r"(?:higher|lower|up|down|flat|mixed|unchanged|firmer|weaker|steady|stronger|above|below|near"
    r"|at (?:a|an|its|their|record)\b|at \$|at \d+(?:[.,]\d+)?(?![:\d]| ?(?:a\.m|p\.m|am\b|pm\b|o'clock)))"
)
# The future for certain: an auxiliary, or a schedule in the simple present ("the offer expires Nov.
# 15", "the trial resumes Jan. 5"); not "opens" or "closes", which headlines use for what has just
# happened ("Wall Street closes higher Monday").
FIRM_FUTURE_CUE = (
    r"(?:will|won't|shall|'ll|going to|(?:is|are|am) (?:still |yet |also |now )?to|expires|takes? (?:full )?effect|resumes|convenes|reconvenes"
    # What is expected or intended now is still ahead ("the deal should close by Dec. 31", "the company
    # expects to complete the sale in January"); "should have" and "must have" are left to FUTURE_CUE.
    r"|should(?! have)|must(?! have)|(?:is|are|am) (?:due|set|scheduled|slated|expected|poised|about|meant|supposed) to"
    r"|(?:expects|anticipates|plans|intends|aims|hopes) to|(?:expects|anticipates) (?:[\w-]+ ){1,3}to (?=[a-z]))"
    rf"{_VERB_GROUP}"
)
# Looking forward, but not so firmly that a date a tenth as far back is ruled out.
FUTURE_CUE = (
    r"(?:(?:is|are) (?:due|planned|set for)|plans? to|planning to|expects?|expecting|anticipates?|"
    r"forecasts?|predicts?|expected to|intends? to|aims? to|hopes? to|upcoming|forthcoming|"
    # ... and a hope or an aim told as it is held ("camped outside the station, hoping to get home by Thursday").
    r"(?:hoping|aiming|intending) to|"
    # "Next", not after a possessive ("showed its next console"); the word first, so that the look back
    # is made only where it stands.
    r"next(?<!\bits next)(?<!\bhis next)(?<!\bher next)(?<!\btheir next)(?<!\bour next)(?<!\bmy next)"
    r"(?<!\byour next)(?! to)|"
    r"tomorrow|must|(?:have|has) to|should|can|cannot|can't|might|payable|effective|"
    # "Three days of mourning, starting Wednesday": what starts at the date lies ahead.
    r"(?:starting|beginning)(?= (?:on |from )?$)|"
    # A schedule in the simple present ("the festival runs from Friday", "talks resume Monday", "the
    # minister travels to Paris on Sunday"), and what is expected ("a ruling is expected Friday").
    r"runs|starts|begins|ends|lasts|goes|heads|travels|meets|sits|visits|returns|votes|reopens|kicks off|plays|leaves"
    # ... and an announcement or a release on a day set ("which the Nobel committee announces on Friday").
    r"|announces|unveils|releases|publishes|hosts|launches"
    # ... a fixture, a release, a deadline: "now face Chile on Wednesday", "premieres on Sunday", "the
    # model arrives in the spring", "spring training wraps up on Saturday", "the deadline falls on Feb. 9".
    r"|faces|premieres|debuts|arrives|wraps up|falls on|screens|airs|moves (?:from|to)|shifts (?:from|to)|"
    # A season or a day that comes ("as winter approaches", "once winter sets in"): the one ahead.
    r"approaches|approaching|nears|looms|sets in|draws (?:near|closer)|face(?<!\bto face)(?<!\bdid face)(?<!\bnot face)(?<!n't face)"
    # "Holds" an event, not a stake or a lead: "France holds the first round of its election on Sunday".
    r"|holds (?:(?:its|their|the|a|an) )?(?:[\w-]+ ){0,2}(?:elections?|vote|primary|primaries|runoff|referendum"
    r"|polls?|talks|meeting|summit|hearing|conference|ceremony|rally|parade|round|caucus(?:es)?|congress|session)"
    r"|takes place|(?<!\bwas )(?<!\bwere )heading (?:into|to|for)|heads (?:into|to|for)|(?<!\bto )head (?:into|to|for)"
    # "Plans a rally on Monday", "who turns 92 on Sunday", "may be done as early as Friday", "is unlikely
    # to resume before November".
    r"|plans? (?:a|an)|turns \d+|may (?:be|not|well|also|soon)|(?:is|are) (?:un)?likely to"
    # What is called for is still to happen ("youth groups called for a 'victory march' on Friday").
    r"|(?:call|calls|called|calling) for(?: [\w\"'“”‘’-]+){1,8}(?= $)"
    # ... and a day declared or called for something ("declared a day of national mourning for Tuesday",
    # "called another day of protests for Tuesday"): set ahead of it.
    r"|(?:declared|proclaimed|called|announced) (?:[\w-]+ ){0,5}for(?= $)"
    # ... and so does a gathering people are called to ("called his supporters to a mass rally in the
    # capital on Saturday").
    r"|(?:calls|called|calling|summoned|summons) (?:[\w'’-]+ ){1,3}to (?:a|an) (?:[\w-]+ ){0,2}"
    r"(?:rally|rallies|march|marches|protest|protests|demonstration|demonstrations|strike|vigil|sit-in|meeting)"
    r"(?: [\w'’-]+){0,6}(?= $)"
    # ... or summoned to meet ("summoned the House to meet at 1 pm on Friday", "has been summoned for
    # Tuesday"): the sitting is ahead of the summons.
    r"|(?:summoned|summons|convened|convenes|recalled) (?:[\w'’-]+ ){1,3}to (?:meet|sit|convene|reconvene|attend"
    r"|appear|testify|vote)(?: [\w'’-]+){0,6}(?= $)|(?:summoned|convened|recalled) for(?= $)"
    # ... and so is the day a people or a country marks, celebrates or observes, told in the present
    # ("Pakistan marks the 50th anniversary of its independence on Thursday").
    r"|(?:marks|celebrates|commemorates|observes)"
    # An arrangement in the present progressive: "South Africa is hosting a summit in August".
    r"|(?:is|are) (?:hosting|holding|staging|organi[sz]ing|convening|launching|releasing|visiting|travell?ing)"
    r"|on (?:track|course) (?:to|for)"
    r"|(?:takes|leaves) office|(?<!\bto )(?:take|leave) office|could(?! not| have|n't)(?<!\bnor could)|"
    r"takes (?:its|their|his|her) seats?|"
    # A wish or a preference is for what is still to happen ("wants the overhaul passed in September",
    # "we'd like this settled by Canada Day").
    r"(?:wants|want)(?= (?:the|a|an|its|their|his|her|this|that|it|them|held|done|passed|settled|finished) )|(?:'d|’d|would) (?:like|love|prefer)|"
    r"(?<!\bto )(?<!\bdid )(?<!\bnot )(?<!n't )"
    r"(?:resume|reconvene|convene|begin|start|go|meet|reopen|kick off|vote|play|take place|return|leave)|"
    # ... but not a market's move, which headlines tell in the present ("Wall Street closes higher Monday").
    rf"(?:(?<!\bto )(?<!\bdid )(?<!\bnot )(?<!n't )(?:open|close)|opens|closes)(?! {MARKET_MOVE})|"
    # A date put off goes later ("pushed back to the autumn", "postponed to Tuesday").
    r"(?:postpone|delay|push|put off|move|reschedule|extend|adjourn|deferr?|post)(?:s|d|ed|es|ing)?(?: back)?"
    r"(?: (?:the|a|an|its|his|her|their) [\w-]+)? (?:back )?(?:to|until|till)(?= (?:\w+ )?$)|"
    # The present of "to be" right before a date: a fixture ("the meeting is at 3 p.m. Tuesday").
    r"(?:is|are)(?: [a-z]+ed| at (?:\d{1,2}(?:[:.]\d\d)?(?: ?[ap]\.?m\.?)?|noon|midnight)(?: [a-z]+ time)?)?"
    r"(?: (?:at|on|for))?(?= $)|"
    r"(?:is|are) expected|"
    # An earliest time or a deadline is ahead ("as soon as Tuesday", "no later than Friday").
    r"as soon as|no later than)"
    rf"{_VERB_GROUP}"
)
# "Until" opening a sentence tells of the time up to the date, not of the date ahead. Elsewhere the time
# it ends is ahead ("the offer runs until Monday", "until Monday"), unless a verb before it tells of a
# past ("did not return until Oct. 5", "the snow did not stop until Sunday"): see engine._cue.
UP_TO = r"until|till|(?:through|thru)(?= (?:the )?$)"
# What makes the time "until" ends a past one: a negation or a verb of lasting before it ("did not return
# until Oct. 5", "the rain lasted until Tuesday"); "gave the company until Monday" sets a deadline ahead.
UNTIL_IN_THE_PAST = (r"\b(?:not|n't|never|lasted|continued|remained|stayed|waited|persisted|went on|dragged on"
                     r"|led|ruled|governed|served|lived|worked|trailed"
                     r"|held out|kept on|kept \w+ing)\b[^,;]*\b(?:until|till)\s+$")
# A plan's words point ahead to the date after them ("a vote scheduled for Friday", "planned a march
# on Tuesday") but, after a date, say when the planning happened ("On Friday, the ministry planned to").
PLAN_CUE = (
    r"planned|scheduled|slated|set (?:for|to)|due|ahead of|(?:in the )?run-up to|(?:in )?preparations? for"
    r"|(?:preparing|prepare|prepares|getting ready|gearing up) for"
    # What is foretold or awaited points ahead from when it was said ("forecasters predicted rain on
    # Thursday", "warned of an aftershock by Wednesday", "signalling a hike in December", "awaiting
    # Thursday's report").
    # ... not "Cuba predicted Wednesday", the day of the telling.
    r"|(?:predicted|forecast|forecasted|signall?(?:ed|ing))(?! (?:on )?$)|warned of|await(?:s|ed|ing)?"
    # What is closed or called off up to a date ("cancelled classes through Wednesday").
    r"|(?:cancell?ed|closed|suspended|shut|extended|called off) (?:[\w-]+ ){0,3}(?:through|until|till)(?= $)"
    # ... and a period declared or ordered up to a day ("declared three days of mourning, through Monday").
    r"|(?:declared|ordered|imposed|proclaimed) (?:[\w-]+ ){1,5}?(?:[\w-]+, )?(?:through|until|till)(?= $)"
    r"|bracing for|expected|(?:clear|pav)(?:s|ed|ing|e)? the way for|deadline(?: of| for)?(?= $)"
    # A date set for something ("set the trial for May 15", "set Oct. 5 as the trial date").
    r"|set(?: (?:the|a|an|its|his|her|their))?(?: [\w-]+){0,2} (?:for|as)(?= (?:\w+ )?$)"
    # ... or a date set as it stands ("set Monday as", "set a Sept. 8 trial date").
    r"|set(?: (?:a|an|the))?(?= $)"
    # A day something is moved to ("the holiday has been moved from 28 May to Monday", "postponed the vote
    # to Thursday"): set when it was moved, either side of the report: the nearer.
    r"|(?:moved|postponed|rescheduled|pushed back|brought forward|shifted|delayed) (?:[\w'’-]+ ){0,5}to(?= $)"
    # A period said to end on a day ("with the fiscal year ending Wednesday", "the week ending Friday"):
    # the nearer of the two, either side.
    r"|ending(?= (?:on )?$)"
    # What leads up to a date lies before it ("celebrations leading up to the anniversary on Oct. 2").
    r"|leading up to|(?:in the )?lead-up to|counting down to"
    # A date a hearing or a vote is put down for ("adjourned the case for a directions hearing on 23
    # September", "remanded him in custody until a hearing on Friday").
    r"|(?:for|until) (?:a|an|the|its|his|her|their) (?:[\w-]+ ){0,4}(?:hearing|trial|sentencing|vote|ballot"
    r"|meeting|session|summit|conference|debate)(?: (?:on|in|at))?(?= $)"
    # What something is cancelled, booked or closed for: "canceled classes for Friday".
    r"|(?:cancell?ed|called off|booked|reserved|closed) (?:[\w-]+ ){0,3}for(?= $)"
    # ... a day declared or called for something ("declared a day of national mourning for Thursday",
    # "called a general strike for Monday"), and the event of a day called off ("cancelled Sunday's rally").
    r"|(?:declared|proclaimed|called|announced) (?:[\w-]+ ){1,5}from(?= $)"
    r"|(?:cancell?ed|called off|scrapped|postponed)(?: (?:the|a|an|its|his|her|their))?(?= $)"
    # A plan told in the past ("he was due to be released on Friday"): the nearer of the two days.
    r"|(?:was|were) (?:(?:due|set|scheduled|slated|expected|poised|about|(?:un)?likely) )?to(?= [a-z])"
    # ... and a promise or a threat ("vowed to repeal the law in November").
    r"|(?:vowed|promised|pledged|swore|threatened) to"
)
# An infinitive of intent nearest before the date makes it the date of an action not yet done ("agreed
# to sell the unit in March", "an agreement to acquire the bank in January"): the tense of the verb
# before it says nothing of the date's direction.
INFINITIVE = (
    # ... and one of purpose after a comma ("announced a review, to report in the spring").
    # A verb that says the action happened ("forced it to shut down on Friday") makes no intent of it.
    r"(?:(?<=, )|(?:\b(?!(?:forc|caus|prompt|compell|oblig|help|manag|enabl|start|continu|fail)ed\b)\w+ed"
    r"(?: (?:him|her|them|it|us|me))?|agreement|plan|decision|proposal|offer|bid|deal|move"
    r"|effort|attempt|program|programme|promise|pledge|vow|commitment|threat) )to (?!(?:the|a|an|his|her|its|their|our|my|your|this|that|these|those|him|them|us|me|it"
    # ... nor a plural after "to" ("flocked to churches over the weekend"; "to discuss", "to focus" are verbs).
    r"|date)\b)(?![a-z]*[^su\W]s\b)[a-z]{3,}"
)
# "would" is future only from where it is said: after "said" it may be a past plan ("said that the
# lives of soldiers would be safe"), so it decides only when it is the verb nearest the date.
# "Would have" before a participle is a past that did not happen ("would have been"); before a noun it is
# the future in the past ("said he would have surgery on Tuesday").
WOULD_CUE = rf"would(?! have (?:been|had|done|gone|got|seen|made|taken|given|\w+ed|\w+en)\b){_VERB_GROUP}"
PAST_CUE = (
    r"was|were|had|did|has|have|'ve|said|told|went|came|took|met|began|left|made|gave|saw|fell|rose|won|"
    r"lost|held|led|fled|fought|broke|brought|built|bought|caught|chose|drove|found|got|grew|heard|hit|"
    r"kept|knew|laid|paid|ran|sent|shot|shut|sold|spoke|spent|stood|struck|thought|threw|wrote|became|"
    r"sought|ago|yesterday|last|\w{2,}ed|"
    r"withdrew|drew|overtook|undertook|forgot|hid|rode|rang|sang|sank|swam|shook|stole|swore|tore|wore|woke"
    r"|dealt|meant|felt|sped|slid|spun|stuck|hung|swung|dug|sprang|shrank|arose|awoke|flew"
    r"|froze|forbade|foresaw|overthrew|underwent|withheld|upheld|oversaw|mistook|"
    r"swept|slept|wept|crept|leapt|knelt|bled|sat|ate|blew|bore|forgave|shone|taught|understood|overcame"
    r"|stung|clung|flung|strode|strove|slung|spat|wove|"
    # Participles that do not end in -ed ("had fallen by March", "has risen since").
    r"been|done|gone|seen|taken|given|fallen|risen|grown|shown|known|written|spoken|broken|chosen|driven"
    r"|begun|stolen|sworn|thrown|flown|drawn|withdrawn"
)
# A past verb right before the date, through "in", "on" or "during" ("appealed in March", "were
# introduced in April", "took effect on May 3"), tells of what happened on it: not a date ahead, however
# near. Not a participle after "is", "to be" or "will" ("the case is heard in May", "to be published in
# November"). Without the preposition, as wire style writes it ("the quarter ended Oct. 31", "the strike
# began March 3"), only a verb of doing: "announced Dec. 15" may tell of a date ahead. `%s` is PAST_CUE.
_TELLING_OR_ARRANGING = (
    r"told|said|announced|invited|asked|urged|called|scheduled|extended|agreed|approved|ordered"
    r"|postponed|delayed|moved|rescheduled|planned|expected|proposed|offered|promised|pledged|vowed|warned"
    r"|threatened|predicted|notified|informed|reported|decided|voted|signed|filed|submitted|requested"
    r"|demanded|suggested|recommended|summoned|subpoenaed|given|set"
    # ... and the verbs whose object may be the date itself ("fixed July 4 for the start of the trial").
    r"|fixed|chose|chosen|picked|named|designated|declared|earmarked|targeted|slated|reserved|booked"
    r"|pencil(?:l)?ed|selected|preferred|favou?red"
)
GOVERNED_BY_PAST = (
    r"(?<!\bis )(?<!\bare )(?<!\bam )(?<!\bbe )(?<!\bbeing )(?<!\bto )(?<!\bwill )(?<!\bwould )"
    r"\b(?:%s)\s+(?:(?:effect|place|office|power|force)\s+)?"
    r"(?:in|on|during|at|by)\s+(?:the\s+(?:end|beginning|start|middle|close|night|morning|afternoon|evening|eve)"
    r"\s+of\s+)?(?:early\s+|mid-?|late\s+)?$"
    r"|(?<!\bis )(?<!\bare )(?<!\bam )(?<!\bbe )(?<!\bbeing )(?<!\bto )(?<!\bwill )(?<!\bwould )"
    r"\b(?!(?:" + _TELLING_OR_ARRANGING + r")\b)(?:%s)\s+$"
)
# A past verb of doing a few words before "on"/"in" and the date ("joined the EU on July 1", "held the
# hearing on May 3"), with nothing between that could own the date (an infinitive, a clause, "for"):
# the date is that verb's. Not a verb of telling or arranging ("told them of a cutback in September",
# "set the vote for May 3", "extended the offer to Nov. 20"), whose date may be a later event's.
GOVERNED_AT_A_DISTANCE = (
    r"(?<!\bis )(?<!\bare )(?<!\bbe )(?<!\bbeing )(?<!\bto )(?<!\bwill )(?<!\bwould )(?<!\bhad )(?<!\bhas )"
    r"\b(?!(?:" + _TELLING_OR_ARRANGING + r")\b)(?:%s)"
    # "To" before a determiner is a preposition ("flocked to the sales on Boxing Day"), not an infinitive.
    # Up to eight words ("changed from a fiscal year to a calendar year in December"), none of them a
    # verb of telling or arranging ("were invited to a signing ceremony on March 4": the ceremony's date).
    r"(?:\s+(?!(?:to(?!\s+(?:the|a|an|his|her|its|their|our)\b)|that|for|and|but|or|which|who|when|until|till"
    r"|before|after|by|" + _TELLING_OR_ARRANGING + r")\b)[a-z'’-]+){1,8}"
    r"\s+(?:in|on|during)\s+(?:early\s+|mid-?|late\s+)?$"
)
# What has lasted "since" a date began before the anchor, however near the next one is ("has lived
# there since March", "since the end of May").
# A date that "since then" or "ever since" counts from, after it: "opened a front on Oct. 8, and 600
# people have been killed since then".
SINCE_THEN = r"[^.;]*\b(?:since\s+then|ever\s+since|since\s+that\s+(?:day|date|time))\b"
SINCE = (r"\bsince\s+(?:early\s+|mid-?|late\s+|the\s+(?:end|beginning|start|middle|close)\s+of\s+)?$"
         # ... and in the clause "since" opens, the time of what it counts from ("since giving birth in
         # September", "since the uprising began in March").
         r"|\bsince\s+(?:(?!\b(?:and|but|while|whereas)\b)[^,;:.]){1,60}?\s(?:in|on|during)\s+(?:early\s+|mid-?|late\s+)?$")
# After these (and an adverb, perhaps) a word in -ed is an adjective: "a still unspecified date".
DETERMINERS = r"a|an|the|its|their|his|her|our|this|that|these|those"
# A schedule's bare verb after a past verb and its object is no present tense: "threw open the gates",
# "let the prisoners go". `%s` is PAST_CUE.
BARE_SCHEDULE = frozenset(
    "resume reconvene convene begin start go meet reopen kick vote play take open close return leave".split())
AFTER_A_PAST_VERB = r"\b(?:%s|let|made|helped|watched|saw)\s+(?:[a-z'’-]+\s+){0,2}$"
# Schedule verbs that are nouns too, and what makes them one before them: "by eight votes", "tax returns",
# "the close of trading", "an open letter".
SCHEDULE_NOUNS = frozenset(
    "runs starts begins ends lasts heads visits returns votes opens closes plays meets kicks faces premieres debuts "
    "marks leaves leave releases launches hosts "
    "face "
    "start begin vote open close play meet kick return visit".split())
NOUN_BEFORE = (
    rf"\b(?:{DETERMINERS}|(?!(?:1[5-9]|20)\d\d\b)\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|many|few|several|more|no"
    r"|all|most|some|both|tax|home|[a-z]+['’]s)\s+$"
)
# What may stand before a date that opens its sentence ("In early March, ...", "On Oct. 31, ...").
OPENING = r"\W*(?:(?:in|on|during|by|at|since|from|through|throughout)\s+)?(?:early\s+|mid-?|late\s+)?"
# Words ending in -ed that are not past tenses.
NOT_PAST = frozenset({"hundred", "need", "indeed", "speed", "proceed", "exceed", "succeed", "united",
                      "limited", "naked", "sacred", "wicked", "kindred", "breed", "creed", "greed"})
# A date between a determiner and a noun ("the Dec. 7 meeting", "the Aug. 7 blasts", "a Jan. 14
# deadline") is the noun's: the verb of the sentence says little of its direction. `%s` is the date.
# These are read around the date: each is a list of (what must come right before it, right after it).
_PAST_EVENT_NOUN = (r"(?:earthquakes?|quakes?|tsunami|attacks?|bombings?|massacres?|shootings?|slayings?|killings?"
                    r"|crash|coup|explosions?|blasts?|assassination|riots?|ambush|murders?|hijacking|derailment"
                    r"|landslide|mudslide|stampede|shipwreck|sinking)\b")
PREMODIFIER = [(r"(?:\bthe|\ban?|\bits|\btheir|\bhis|\bher|'s) ", r" [a-z]"),
               # ... and one after "of" that an event's plural owns ("the earthquakes of Feb. 6").
               (r"\bthe [a-z]+s of ", r"")]
# ... and so is one that owns a noun ("Wednesday's ruling", "Sunday's vote").
POSSESSIVE = [(r"", r"['’]s [a-z]")]
# An event no one can foretell the day of, named by the date before it ("the Jan. 12 earthquake",
# "Friday's bombing"): it has happened. (Not a storm, which is forecast, nor a meeting, which is set.)
PAST_EVENT = [(r"(?:\bthe|\ban?|\bits|\btheir|\bhis|\bher|'s|’s) ", rf"(?:['’]s)? (?:[a-z-]+ )?{_PAST_EVENT_NOUN}"),
              (r"", rf"['’]s (?:[a-z-]+ )?{_PAST_EVENT_NOUN}")]
# A month or quarter that owns a report on it ("February's jobs report", "the January trade figures"):
# the report comes after the period, so the period has begun by the time it is written of.
# A level a market or a price reached, owned by the date before it: "its April high", "the March low".
LEVEL_REACHED = [(r"", r" (?:[a-z-]+ )?(?:high|highs|low|lows|peak|record|close|level)\b")]
REPORTED_ON = [
    (r"", r"(?:['’]s)? (?:[a-z-]+ ){0,2}(?:report|data|figures|numbers|statistics|results|earnings|index"
          r"|survey|reading)\b"),
    # ... and a month after its figures ("retail sales for February, due Thursday").
    (r"\b(?:sales|data|figures|report|numbers|statistics|payrolls|inflation|output|orders) for ", r"\b"),
    # ... and so does a month a period runs up to ("results for the three months to September").
    (r"\b(?:months|weeks|year|quarter|period|half) (?:to|ended|ending|through)(?: in)? ", r"\b"),
]
# A company's results: a sentence reporting them is about one period, the quarter it names or else the
# latest ended, and its "a year earlier" is the same period a year before (TimeML's reading).
RESULTS = (
    r"\b(?:net|income|earnings|earned|profits?|loss(?:es)?|revenues?|sales|a share|per share|dividends?"
    r"|results|quarter|period)\b"
)
# Results being reported ("will report fourth-quarter earnings", "is due to post its third-quarter
# results"): whatever the tense, the period they are for has begun, and usually ended, by then.
REPORTS_RESULTS = (
    r"^(?=.*\b(?:reports?|reported|reporting|posts?|posted|posting|announce[sd]?|announcing|release[sd]?"
    r"|releasing|publish(?:es|ed|ing)?)\b)"
    r"(?=.*\b(?:results|earnings|net|income|profits?|loss(?:es)?|revenues?|sales|data|figures|gdp|statistics"
    r"|growth|estimates?)\b)"
)
# A quarter named in the sentence ("third-quarter net", "the fiscal first quarter"): its number.
QUARTER_NAMED = r"\b(?:fiscal[- ])?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th)[- ](?:fiscal[- ])?quarter\b"
# A quarter named by the month it ends in ("the quarter ending in December", "the quarter ended Sept. 30").
QUARTER_ENDING = (r"\bthe (?:fiscal )?quarter (?:that )?(?P<verb>end(?:ed|ing|s)?) (?:in |on )?(?P<month>%(month)s)\b"
                  r"(?:\.?\s+(?P<day>\d{1,2})\b)?")
# The same words right after a quarter named by its number: "its fiscal first quarter ended Sept. 30", a
# company's quarter, which need not be the calendar's of that number.
ENDS_IN = (r",? (?:that |which )?(?P<verb>end(?:ed|ing|s)?) (?:in |on )?(?P<month>%(month)s)\b"
           r"(?:\.?\s+(?P<day>\d{1,2})\b)?")
# ... and the day a period begins on, right after it ("the fiscal year that begins July 1", "the new fiscal
# year begins Thursday").
BEGINS_ON = (r",? (?:that |which )?(?:will )?(?:begins?|began|starts?|started|opens|opened|beginning|starting)"
             r" (?:on )?(?P<day>(?:%(month)s)\.? \d{1,2}\b|(?:%(weekday)s)\b)")
# Results over more than a quarter: compared with them, "a year earlier" is the year before.
LONGER_PERIOD = r"\b(?:nine|six) months\b|\b(?:first|second) half\b|\bfull year\b|\bfor the year\b|\bfiscal year\b"
# A date the sentence names before an offset ("On May 22, 1995, he was promoted, and the following year
# ..."): what the offset counts from when no reference event is given.
CONTEXT_DATE = (
    r"(?:%(month)s)\.? \d{1,2}(?:st|nd|rd|th)?,? \d{4}|(?:%(month)s)\.?,? \d{4}"
    # A bare year, not the digits of a larger number or a sum ("closed at 2082.1", "$1,990").
    r"|(?<![$£€,.\d])\b(?:1[5-9]|20)\d\d\b(?![.,]\d)(?![ -]?(?:%(unit)s|percent|%%))"
)
# A superlative or "first" before "in <a length>" ("the first visit in a decade", "its highest level in
# five years", "the worst drought in 50 years"): the length is the span up to now, not a time ahead.
SUPERLATIVE_BEFORE = (
    r"\b(?:first|last|only|most|least|best|worst|highest|lowest|biggest|largest|smallest|longest|shortest"
    r"|strongest|weakest|fastest|slowest|deadliest|heaviest|greatest|sharpest|steepest|hottest|coldest"
    r"|wettest|driest|busiest|fewest|warmest|toughest|closest|tightest|widest|earliest)\b[^,.;]*$"
    # ... and an ordinal counting like things in the span, a noun or two before it: "its fifth president in
    # two weeks", "the third attack in a month"; not "the second round will be held in two weeks".
    r"|\b(?:second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|\d+(?:st|nd|rd|th))\s+(?:[\w-]+\s+){0,2}$"
)
# Perfect tenses and "now" say a duration reaches back from the anchor ("has been closed for ten days").
REACHES_BACK = r"\b(?:has|have|now)\b|'ve\b|'s been\b"

# -- normalising the words ----------------------------------------------------------------------------

# Time zones a clock time may carry ("4 a.m. EDT Thursday"), shared with the article scanner.
TIME_ZONES = ("local time", "eastern time", "central time", "mountain time", "pacific time", "eastern standard time",
              "eastern daylight time", "pacific standard time", "pacific daylight time", "gmt", "utc", "est", "edt", "cst", "cdt", "mst", "mdt", "pst", "pdt", "et", "cet",
              "cest", "bst", "eet", "eest")
# A time of day is dropped: the resolver's answers are days.
TIME_OF_DAY = (
    r"\b(?:at )?(?:\d{1,2}(?:[:.]\d{2})? ?(?:a\.?m\.?|p\.?m\.?)(?![a-z])|\d{1,2}:\d{2}(?::\d{2})?|noon|midnight|midday"
    # A clock in 24 hours before a zone or "hours": "1930 GMT", "18.30 BST", "0600 hours".
    rf"|(?:[01]?\d|2[0-3])\.?[0-5]\d(?= (?:hours|{'|'.join(TIME_ZONES)})\b))"
    rf"(?: (?:{'|'.join(TIME_ZONES)}|hours))?"
)
# (pattern, replacement) in order, applied to the lower-cased text.
NORMALISE = (
    (r"[\u2018\u2019\u02bc`]", "'"),
    (r"[\u2010-\u2015]", "-"),
    (r"[\"()\[\]{}\u201c\u201d]", " "),
    (r"(?<=[a-z])\.", ""),
    (r"[,;:!?]", " "),
    # "the 1990's" is a decade; any other "'s" is a possessive ("Friday's", "1987's").
    (r"(?<=0)'s\b", "s"),
    (r"(?<=[a-z1-9])'s\b", ""),
    (r"(?<=s)'(?= |$)", ""),
    (r"(?<=[a-z])-|-(?=[a-z])", " "),
    # "Midyear", "midmonth" as "mid-year": the middle of the year or month.
    (r"\bmid(?=(?:month|year)\b)", "mid "),
    (r"\s+", " "),
    # An article cut "ago" to "ag" ("a few days ag"); after a unit nothing else is meant.
    (rf"\b({FRAGMENTS['unit']}) ag$", r"\1 ago"),
    # "Saturday last", as South Asian English writes it, is "last Saturday".
    (rf"^({FRAGMENTS['weekday']}) last$", r"last \1"),
)
# Fractions and centuries of a count read as whole smaller units ("two and a half years ago" is 30
# months ago, "half a century ago" 50 years ago, "a century earlier" 100 years earlier). The function
# in the engine turns the named parts into the count.
FRACTION = (
    rf"\b(?:(?P<n>\d+|{_NUMBER_WORD}(?: {_NUMBER_WORD})?) and a half (?P<units>years|decades|centuries)"
    rf"|an? (?P<unit>year|decade|century) and a half"
    rf"|half an? (?P<half>year|decade|century)"
    rf"|a quarter (?:of an? )?(?P<quarter>century)"
    rf"|(?P<c>an?|\d+|{_NUMBER_WORD}) (?P<centuries>centur(?:y|ies))(?= (?:ago|earlier|later|before|after|back|from|hence)\b))"
)
# How many of the smaller unit a year, decade or century holds, by the word in either number.
FRACTION_UNITS = {word: per for unit, plural, per in (
    ("year", "years", (12, "months")), ("decade", "decades", (10, "years")), ("century", "centuries", (100, "years")),
) for word in (unit, plural)}
# Years said in words, as broadcasts write them: "nineteen ninety-six", "nineteen oh five", "nineteen
# hundred", "two thousand and nine". Hyphens are spaces by now.
_ONES = "one|two|three|four|five|six|seven|eight|nine"
_TEENS = "ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen"
_TENS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety"
SPELLED_YEAR = (
    rf"\b(?P<hundreds>eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty)"
    rf" (?:hundred(?: and)?(?= |$)(?: (?P<after_hundred>(?:{_TENS})(?: (?:{_ONES}))?|{_TEENS}|{_ONES}))?"
    rf"|(?:oh|o) (?P<oh>{_ONES})|(?P<rest>(?:{_TENS})(?: (?:{_ONES}))?|{_TEENS}))\b"
    rf"|\btwo thousand(?: and)?(?: (?P<thousand_rest>(?:{_TENS})(?: (?:{_ONES}))?|{_TEENS}|{_ONES}))?\b"
)
# Leading words dropped before the rules read the rest: approximators, prepositions and determiners.
# Approximators are tried first: "at least" is not "at", and "over" before a count ("over a year ago")
# is an approximator but a preposition elsewhere ("over the weekend", "over 2024").
LEADING = (
    rf"(?:(?P<approximator>{_alternation(APPROXIMATORS)}|(?:over|some)(?= (?:an?|\d{{1,3}}|{_NUMBER_WORD})\b))"
    r"|(?P<preposition>as early as|as late as|as of|on|in|at|during|by|since|from|until|till|through|"
    r"throughout|for|toward|towards|so far|sometime|over|the (?:morning|afternoon|evening|night) of)"
    # Determiners that add nothing to the period after them ("its fourth quarter").
    r"|(?P<determiner>its|their|his|her|our|just|only)) "
)
# Trailing words that make the whole approximate ("a week or so ago").
OR_SO = " or so"
# Inside "the end of the year" or "the first half of the year", "the year" is the anchor's.
WHOLE_UNIT = (r"^(?:the )?(week|month|quarter|year|decade)$", r"this \1")

# -- the rules ----------------------------------------------------------------------------------------

# Each rule's name and the patterns, over the normalised words, that it reads in full; the first rule
# (in this order) whose pattern matches and whose handler answers decides. rules.py holds one handler per
# name; the named groups are what it reads.
RULES = (
    ("deictic", (r"(?P<word>%(deictic)s)(?: %(daypart)s)?",)),
    ("present", (
        r"(?:right )?now|currently|current|(?:at )?present|presently|nowadays|(?:at )?the moment|these days"
        r"|the present(?: time)?|(?:at )?this time",
    )),
    ("past_or_future", (
        r"(?P<past>recently|lately|of late|previously|formerly|the (?:recent |distant )?past|the time|then[- ]current"
        r"|(?:some|a long|a short) time ago|long ago|a while (?:ago|back))",
        r"(?P<future>the (?:near |distant |foreseeable )?future|soon|the (?:near|short|long) term"
        r"|future (?:weeks|months|quarters|years|decades)|a (?:later|future) date)",
    )),
    ("part_of_the_day", (r"(?P<side>earlier|later|early|late) in the day",)),
    ("eve_of", (r"(?:the )?eve of (?P<rest>.+)",)),
    ("month_of", (r"(?:the )?(?:holy )?month of (?P<rest>ramadan|ramadhan|%(month)s)",)),
    ("part", (r"(?:the )?(?P<part>early|mid|late|beginning|start|middle|end|close)(?: of)? (?P<rest>.+)",)),
    ("earlier_later_this", (r"(?P<side>earlier|later) (?:this|in the) (?P<unit>week|month|quarter|year)",)),
    ("earlier_later_this_season", (r"(?P<side>earlier|later) this (?P<season>%(season)s)",)),
    ("earlier_later_that", (
        r"(?P<side>earlier|later) (?:that|in the same) (?P<unit>day|week|month|quarter|year)",
    )),
    ("earlier_later_day", (r"(?P<side>earlier|later)(?: on)? (?P<rest>.+)",)),
    ("weekday_from_reference", (r"(?:the )?(?P<dir>previous|preceding|following) (?P<weekday>%(weekday)s)",)),
    ("weekend_from_reference", (r"the (?P<dir>previous|preceding|following) weekend",)),
    ("weekday_of_reference", (r"that (?P<weekday>%(weekday)s)",)),
    ("weekend_of_reference", (r"(?:that|the same|that same) weekend",)),
    ("after_before", (
        r"(?P<dir>post|pre) (?P<rest>.+)",
        r"(?P<rest>.+) (?:or|and) (?P<dir>later|after|beyond|since|earlier|before|sooner)",
    )),
    ("hours", (
        r"(?:the )?(?P<rel>past|last|previous|next|coming) (?:(?P<count>%(count)s) )?hours?",
        r"(?P<rel>within) (?P<count>%(count)s) hours",
    )),
    ("hours_ago", (r"(?:(?P<count>%(count)s) )?(?P<unit>hours?|minutes?) ago",)),
    ("day_range", (
        r"(?P<month>%(month)s) (?P<first>\d{1,2})(?:st|nd|rd|th)? ?(?:-|to|through|and) ?(?P<last>\d{1,2})"
        r"(?:st|nd|rd|th)?(?: (?P<year>%(year)s))?",
        r"(?P<first>\d{1,2})(?:st|nd|rd|th)? ?(?:-|to|and) ?(?P<last>\d{1,2})(?:st|nd|rd|th)? (?:of )?"
        r"(?P<month>%(month)s)(?: (?P<year>%(year)s))?",
    )),
    # British: "Monday week" (a week after the coming Monday), "Tuesday fortnight", "a week tomorrow",
    # "a week on Monday".
    ("weekday_week", (
        r"(?P<weekday>%(weekday)s) (?P<unit>week|fortnight)",
        r"(?:a|one) (?P<unit>week|fortnight) (?:(?P<deictic>today|tomorrow)|on (?P<weekday>%(weekday)s))",
    )),
    ("weekday", (
        r"(?:(?P<rel>%(rel)s) )?(?P<weekday>%(weekday)s)(?: (?P<week>last|this|next) week)?(?: %(daypart)s)?",
    )),
    ("weekend", (r"(?:(?P<rel>%(rel)s|the) )?weekend",)),
    ("calendar_unit", (
        r"(?P<rel>this|last|next|(?:the )?current) (?P<unit>week|month|quarter|year|decade)",
        r"(?:the )?(?P<unit>week|month|quarter|year) (?P<rel>before last|after next)",
        r"(?P<rel>the)(?: full| whole| entire)? (?P<unit>week|month|quarter|year)",
        r"(?P<rel>the latest|the most recent) (?P<unit>quarter|month|week)",
    )),
    ("this_time", (r"(?:around )?this time (?P<rel>last|next) year",)),
    ("year_ago_period", (
        r"(?:the )?(?:comparable |corresponding |same )?year (?:ago|earlier)(?: (?P<ord>first|second|third|fourth))?"
        r"(?: fiscal)?(?: (?P<kind>quarter|period|results|figures?))?",
        r"(?:the )?(?:comparable |corresponding |same )?(?P<kind>quarter|period) "
        r"(?:of |in )?(?:a year (?:ago|earlier)|last year)",
        r"last year (?P<kind>quarter|period)",
        # "The prior-year period": as "the year-ago period"; "the prior year" alone is the year before.
        r"(?:the )?prior[ -]year (?P<kind>quarter|period|results|figures?)",
    )),
    ("reported_period", (
        r"the (?:latest|most recent) (?P<kind>period)", r"the (?P<year>\d{4}) (?P<kind>quarter|period)",
    )),
    ("next_unit", (
        r"(?:the )?(?P<dir>next|following|previous|preceding|prior) "
        r"(?P<unit>day|night|morning|afternoon|evening|week|month|quarter|year)",
        r"(?:the )?(?P<unit>day|night|morning|week|month|year) (?P<dir>before|after)(?: (?P<rest>.+))?",
    )),
    ("same_unit", (
        r"(?:the (?:very )?same|that(?: same| very)?) "
        r"(?P<unit>day|night|morning|afternoon|evening|week|month|quarter|year)",
    )),
    # "The following spring", "the previous January": the first such after (or last before) the event.
    # "That November": the month in the year of the event told before ("in August 2014 ... that November").
    ("month_of_that", (r"that (?P<month>%(month)s)",)),
    ("named_from_reference", (
        r"the (?P<dir>previous|preceding|prior|following|next) (?:(?P<month>%(month)s)|(?P<season>%(season)s))",
    )),
    ("season_of_reference", (r"(?:the (?:very )?same|that(?: same| very)?) (?P<season>%(season)s)",)),
    ("count_from_reference", (
        r"(?P<count>%(count)s) (?P<unit>%(unit)s) (?P<dir>later|earlier|after|before|afterwards?|prior|on)"
        r"(?: (?:to )?(?P<rest>.+))?",
        # "A week from Monday", "two days from tomorrow": counted from the day named ("from now" is below).
        r"(?P<count>%(count)s) (?P<unit>%(unit)s) (?P<dir>from) (?P<rest>(?!now$|today$).+)",
    )),
    ("span", (
        r"(?:the |this )?(?:most )?(?P<rel>past|last|recent|upcoming|coming|next) "
        r"(?:(?P<count>%(count)s) )?(?P<unit>%(unit)s)",
    )),
    ("ago", (r"(?P<count>%(count)s) (?P<unit>%(unit)s) (?P<dir>ago|back|from now|from today|hence)",)),
    ("weekday_of_month", (
        r"(?:the )?(?P<ord>first|second|third|fourth|fifth|last|final|1st|2nd|3rd|4th|5th) (?P<weekday>%(weekday)s)"
        r" (?:of|in) (?P<rest>.+)",
    )),
    ("units_of", (
        r"(?:the )?(?P<ord>first|second|third|fourth|last|final)(?: (?P<count>%(count)s))? "
        r"(?P<unit>days?|weeks?|months?|quarters) of (?P<rest>.+)",
    )),
    ("ordinal_part", (
        r"(?:the )?(?:fiscal )?(?P<ord>first|second|third|fourth|final|last|1st|2nd|3rd|4th) (?:fiscal )?"
        r"(?P<kind>quarter|half)(?: of (?P<rest>.+))?",
        r"(?:the )?(?P<rest>%(year)s) (?:the )?(?P<ord>first|second|third|fourth|final|1st|2nd|3rd|4th) "
        r"(?P<kind>quarter|half)",
    )),
    ("short_part", (
        r"(?P<kind>q|h)(?P<n>[1-4])(?: (?P<year>\d{4}))?",
        r"(?P<year>\d{4}) (?P<kind>q|h)(?P<n>[1-4])",
    )),
    ("month_day", (
        r"(?:(?:(?:%(rel)s) )?(?P<weekday>%(weekday)s) )?(?:the )?(?P<month>%(month)s) (?:the )?(?P<day>%(day)s)"
        r"(?: (?:of )?(?P<year>%(year)s))?",
        r"(?:(?:(?:%(rel)s) )?(?P<weekday>%(weekday)s) )?(?:the )?(?P<day>%(day)s)(?: of)? (?P<month>%(month)s)"
        r"(?: (?:of )?(?P<year>%(year)s))?",
    )),
    # A day of a Hijri month: "1 Shawwal 1445 AH", "the 27th of Ramadan", "10 Dhu al-Hijjah 1443".
    ("hijri_day", (
        r"(?:the )?(?P<day>%(day)s)(?: day)?(?: of)? (?P<hmonth>%(hmonth)s)(?: (?P<hyear>1[3-5]\d\d)(?: ah| a h)?)?",
    )),
    ("holiday", (r"(?:the )?(?:(?P<rel>last|next|this) )?(?P<holiday>%(holiday)s)(?: (?:of |in )?(?P<year>%(year)s))?",)),
    # A Hijri month: "Shawwal", "Muharram 1446 AH" (Ramadan is a feast above).
    ("hijri_month", (r"(?:(?P<rel>last|next|this) )?(?P<hmonth>%(hmonth)s)(?: (?P<hyear>1[3-5]\d\d)(?: ah| a h)?)?",)),
    ("iso_day", (r"(?P<year>\d{4})([-/.])(?P<month>\d{1,2})\2(?P<day>\d{1,2})",)),
    ("iso_month", (r"(?P<year>\d{4})-(?P<month>\d{2})",)),
    ("numeric_day", (r"(?P<first>\d{1,2})([/.])(?P<second>\d{1,2})\2(?P<year>\d{4})",)),
    # "9/11" with no year is the day of the attacks in the news, as TimeML values it.
    ("nine_eleven", (r"9/11",)),
    # "March of that year", "in May the same year": the month in the year of the event told before.
    ("month_of_that_year", (
        r"(?P<month>%(month)s) (?:(?P<day>%(day)s) )?(?:of )?(?P<year>(?:that|the) (?:same |very )?year|that same year)",
    )),
    ("month", (r"(?:(?P<rel>%(rel)s) )?(?P<month>%(month)s)(?: (?:of )?(?P<year>%(year)s))?",)),
    ("season", (r"(?:(?:the )?(?P<rel>%(rel)s) )?(?:the )?(?P<season>%(season)s)(?: (?:of )?(?P<year>%(year)s))?",)),
    ("year", (r"(?:the )?(?:year )?(?P<year>\d{4})", r"(?P<year>'\d\d)")),
    ("fiscal_year", (
        r"(?:the )?(?:fiscal|financial)(?: year)? (?P<year>\d{4})", r"fy ?(?P<year>\d{4})",
        # "FY24": the fiscal year ending in 2024.
        r"fy ?(?P<short>\d\d)",
        r"(?:the )?(?P<year>\d{4}) (?:fiscal|financial) year",
    )),
    ("relative_fiscal_year", (
        # ... and bare, after a possessive: "the company's fiscal year ends today" is the one running.
        # "The last fiscal year", "the next financial year", "the previous fiscal year": one from the current.
        r"(?:(?P<rel>this|last|next|the current|the latest|the most recent|the) )?(?:fiscal|financial) year",
        r"the (?P<rel>last|next|previous|prior|past|coming|upcoming) (?:fiscal|financial) year",
    )),
    ("year_end", (r"(?:the )?(?:(?P<rel>this|last|next) )?year end(?: (?P<year>\d{4}))?",)),
    ("quarter_of_month", (
        r"the (?P<month>%(month)s) quarter",
        # "The January-March quarter", "the April-June period": the months from one to the other.
        r"(?:the )?(?P<first>%(month)s)(?: to| through)? (?P<month>%(month)s) (?:quarter|period)",
        # ... and a quarter's first and last months joined by a dash alone ("grew 3.1 percent in January-March").
        r"(?P<first>january|april|july|october) (?P<month>march|june|september|december)",
    )),
    ("week_of", (r"the week of (?P<rest>.+)",)),
    ("unnumbered_ago", (r"(?P<unit>days|weeks|months|years|decades) ago",)),
    ("the_other_day", (r"the other (?P<unit>day)",)),
    ("decade", (r"(?:the )?(?P<decade>\d{3})0s",)),
    # "In the new year", said late in a year, is the next one; early in a year, the one begun.
    ("new_year", (r"the new year",)),
    ("short_decade", (r"(?:the )?'?(?P<tens>[1-9])0s", r"(?:the )?(?P<word>%(decades)s)")),
    ("century", (
        r"(?:the )?(?P<ordinal>\d{1,2}(?:st|nd|rd|th)|%(ordinal)s) century",
        r"(?:the )?(?P<rel>this|current|last|previous|next|the) century",
    )),
    ("ordinal_day", (
        r"(?:the )?(?P<day>\d{1,2}(?:st|nd|rd|th))(?: of (?P<rel>this|last|next) month)?",
    )),
    ("duration", (r"(?P<count>%(count)s) (?P<unit>%(unit)s)(?P<now> now)?(?: time)?",)),
    # Rare wordings, last: no rule above reads them, and each rule tried costs every expression after it.
    ("overnight", (r"overnight",)),
    ("year_to_date", (r"(?:the )?year[- ]to[- ]date",)),
    ("midweek", (r"(?:the )?midweek|mid-week",)),
    # "Labor Day weekend", "the Thanksgiving weekend": the weekend a feast day joins.
    ("holiday_weekend", (r"(?:the )?(?P<rest>(?:(?:last|next|this) )?(?:%(holiday)s)) weekend",)),
    # An anniversary: "fifty years ago today", "a decade ago this week".
    ("ago_today", (r"(?P<count>%(count)s) (?P<unit>%(unit)s) ago (?P<on>today|this week|this month)",)),
)
