"""Tests for timeline.extract: the tagger's spans, kinds and dates, sentences, candidate events, ingest."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from timeline.dates import Resolution
from timeline.errors import InputError
from timeline.extract import ingest, ingest_many, propose, split_sentences, tag
from timeline.model import Citation, Dataset, Event, Place, Source

PUBLISHED = date(2024, 12, 9)  # a Monday

# Excerpts of the three seed articles, as published.
SOHR = (
    "Deir Ezzor province: The Syrian Observatory for Human Rights have monitored new details about the "
    "“settlements and reconciliations” deals initiated by the security system, in the city of Deir Ezzor "
    "and in the squares in the eastern countryside, a few days ag.\n"
    "On Thursday, SOHR activists reported that the director of the regime General Intelligence, Major "
    "General “Hossam Luqa” and leaders of the security services, arrived, to al-Mayadeen city which is "
    "under the control of Iran- backed militias and regime forces as a figurehead, to strike new "
    "reconciliations deals for wanted individuals and military deserters\n"
    "On November 22, SOHR activists reported that only few civilians have participated in reconciliation "
    "deals, in Deir Ezzor province’s sports center, while the majority of whom strike reconciliations are "
    "of ISIS former fighters and deserters. In addition, pro-regime tribals from Raqqah province and east "
    "of Euphrates.\n"
    "On November 14, Syrian Observatory for Human Rights, reported that the regimes almost complete "
    "failure to strike settlements under Russian blessings in Deir Ezzor city.\n"
    "SOHR sources have also confirmed that “Hisbah” former members who made “reconciliations” in al- "
    "Mayadeen city have made reconciliation deals.\n"
)
SOHR_PUBLISHED = date(2021, 11, 27)
PRESSENZA = (
    "The Levantine news agency reported today that on a road near the village of Musheirfa in the "
    "north-east of the country, there was a clash between residents of the village and members of the "
    "Syrian army against a US military convoy.\n\n"
    "In Al Aamel, the office in Deir Ezzor has been operating for six months now, and similarly in Raqa, "
    "in the villages of Sabkha and Debsi Afnan, where people continue to join the reconciliation process.\n"
)
PRESSENZA_PUBLISHED = date(2022, 4, 19)
NEW_ARAB = (
    "Syrians celebrate the collapse of 61 years of Baath Party rule after armed opposition groups took "
    "control in Damascus, Syria on December 9, 2024 [Murat Sengul/Anadolu via Getty]\n"
    "The Military Operations Administration of the Syrian opposition forces – led by Hayat Tahrir Al-Sham "
    "(HTS) – granted amnesty to all military personnel conscripted into service in the Syrian armed forces "
    "under the Assad regime on Monday.\n"
    "In a statement issued a day after the toppling of Syrian President Bashar al-Assad, the body declared "
    "the amnesty and said that the lives of soldiers would be safe and that soldiers must not be attacked.\n"
    "Thousands of soldiers fled during the past week from battles in Damascus, Homs, Aleppo, and Hama, amid "
    "fears that soldiers who fought in the regime’s army could face persecution.\n"
    "Two killed in Deir az-Zour\n"
    "He added that Deir az-Zour had witnessed protests today in Al-Joura, Al-Moddafen, and Al Qusour "
    "neighbourhoods.\n"
    "The SDF took control of Deir az-Zour last Friday, as well as parts of its western countryside, after "
    "regime forces withdrew, leaving a power vacuum.\n"
)
GAZETTEER = (
    Place("Deir ez-Zor", ("Deir Ezzor", "Deir az-Zour", "Deir al-Zor")),
    Place("al-Mayadeen", ("Mayadin", "al- Mayadeen")),
    Place("Raqqa", ("Raqa",)),
)
ASSAD_FLEES = Event("bashar-al-assad-flees-damascus", Resolution.day(date(2024, 12, 8)),
                    "Bashar al-Assad flees Damascus")


def source(source_id: str = "newarab-2024-12-09", published: date = PUBLISHED, **kw) -> Source:
    return Source(source_id, "The New Arab", published=published, **kw)


def spans(text: str, published: date = PUBLISHED) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in tag(text, published)]


def mention(text: str, said: str, published: date = PUBLISHED):
    return next(m for m in tag(text, published) if m.text == said)


# -- extents and kinds -------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("The talks ended on Monday.", [("Monday", "date")]),
    ("On November 22, activists reported new deals.", [("November 22", "date")]),
    ("Soldiers fled during the past week from battles.", [("the past week", "duration")]),
    # A length reaching back, whatever its count; a part of a named month is a date.
    ("In the last decade rents doubled, and in the past year they fell.",
     [("the last decade", "duration"), ("the past year", "duration")]),
    ("Talks stalled in the last week of June.", [("the last week of June", "date")]),
    ("Net rose in the year ended March 31.", [("the year", "duration"), ("March 31", "date")]),
    ("The SDF took the city last Friday, sources said.", [("last Friday", "date")]),
    ("It began a few days ago in the east.", [("a few days ago", "date")]),
    ("Growth will pick up in early 2025.", [("early 2025", "date")]),
    ("Profit fell in the third quarter of 2022.", [("the third quarter of 2022", "date")]),
    ("Profit fell in Q3 2022.", [("Q3 2022", "date")]),
    ("MONDAY, DECEMBER 9, 2024: TALKS OPEN TODAY", [("MONDAY, DECEMBER 9, 2024", "date"), ("TODAY", "date")]),
    ("He was sworn in on Monday, December 16, 2024, in Damascus.", [("Monday, December 16, 2024", "date")]),
    ("The strike hit on Friday morning.", [("Friday morning", "date")]),
    ("Prices have risen since 1998.", [("1998", "date")]),
    ("Fighting raged in the 1990s.", [("the 1990s", "date")]),
    ("The plan runs until the end of the year.", [("the end of the year", "date")]),
    ("Talks resumed in mid-December.", [("mid-December", "date")]),
    ("Debt reached a record at end-2012.", [("end-2012", "date")]),
    # Spoken forms: a day in words, "this past", decades in words with a part, "from today".
    ("The law took effect on the first of January.", [("the first of January", "date")]),
    ("This past Sunday, he spoke; by the mid-nineties it was over.",
     [("This past Sunday", "date"), ("the mid-nineties", "date")]),
    ("The deadline is a week from today.", [("a week from today", "date")]),
    # A day of the month alone after "on"; a length written "decade-long".
    ("The report, released on the 20th, was late.", [("the 20th", "date")]),
    ("He lived on the 20th floor.", []),
    ("The shop opens on the 5th of next month.", [("the 5th of next month", "date")]),
    ("The decade-long war ended.", [("decade-long", "duration")]),
    ("Unemployment rose in recent years.", [("recent years", "date")]),
    ("He is currently abroad.", [("currently", "date")]),
    ("Few people read newspapers these days.", [("these days", "date")]),
    ("At present 40 are held; at the moment talks are stalled.", [("present", "date"), ("the moment", "date")]),
    ("The present government fell.", []),
    ("Holders may buy at the then-current price.", [("then-current", "date")]),
    ("Things were different in the past.", [("the past", "date")]),
    ("Sales rose in the latest quarter.", [("the latest quarter", "date")]),
    ("Sales rose a year ago.", [("a year ago", "date")]),
    ("Sales will recover by year-end.", [("year-end", "date")]),
    ("Revenue fell in the September quarter.", [("the September quarter", "date")]),
    ("The 1988 fourth quarter was strong.", [("The 1988 fourth quarter", "date")]),
    ("Trading was heavy during the week of Oct. 16.", [("the week of Oct. 16", "date")]),
    ("I saw him the other day.", [("the other day", "date")]),
    ("The bridge fell last Christmas.", [("last Christmas", "date")]),
    ("The market crashed on Oct. 19, '87, and recovered.", [("Oct. 19, '87", "date")]),
    ("The office has been operating for six months now.", [("six months", "duration"), ("now", "date")]),
    ("They celebrate the end of 61 years of Baath Party rule.", [("61 years", "duration")]),
    ("Inflation eased over the past two years.", [("the past two years", "duration")]),
    ("The council meets every Monday.", [("every Monday", "set")]),
    ("The paper appears weekly.", [("weekly", "set")]),
    ("Committees meet each year.", [("each year", "set")]),
    ("The curfew starts at 5 p.m. on Sunday.", [("5 p.m.", "time"), ("Sunday", "date")]),
    ("Two days later, the convoy returned.", [("Two days later", "date")]),
    ("It rained this morning and will rain tonight.", [("this morning", "date"), ("tonight", "date")]),
    ("Elections are due in May 2026.", [("May 2026", "date")]),
    ("Sales peaked in the late 1990s.", [("the late 1990s", "date")]),
    ("Profit beat the year-earlier period.", [("the year-earlier period", "date")]),
    ("Shops close during Ramadan and on Christmas Day.", [("Ramadan", "date"), ("Christmas Day", "date")]),
    # "Recent weeks" and its mirror "the coming weeks" are the past and the future near the report;
    # a counted span ("the next two weeks") is a length.
    ("Talks will continue in the coming weeks.", [("the coming weeks", "date")]),
    ("Talks will continue over the next two weeks.", [("the next two weeks", "duration")]),
    ("Prices rose over the past fortnight.", [("the past fortnight", "duration")]),
    ("The council met in Sept.; Jan. said so.", [("Sept.", "date")]),
    ("Prices rose from Sept. to Nov., and Bob and Jan. left.", [("Sept.", "date"), ("Nov.", "date")]),
    ("He was born in '85 and scored in 12 minutes.", [("'85", "date"), ("12 minutes", "duration")]),
    # A weekday of a month; a unit two steps away; "following" as a preposition.
    ("The match is on the last Saturday of June.", [("the last Saturday of June", "date")]),
    ("The shop opens on the first Monday of next month.", [("the first Monday of next month", "date")]),
    ("The team plays the week after next; he left the week before last.",
     [("the week after next", "date"), ("the week before last", "date")]),
    ("They met the day after next week's vote.", [("the day after", "date"), ("next week", "date")]),
    ("Following Tuesday's vote, protests erupted.", [("Tuesday", "date")]),
    # Fractions and centuries of a count; a count from a named day.
    ("He left two and a half years ago; half a century ago it was built.",
     [("two and a half years ago", "date"), ("half a century ago", "date")]),
    ("A quarter-century ago the wall fell.", [("A quarter-century ago", "date")]),
    ("He will leave two weeks from Friday.", [("two weeks from Friday", "date")]),
    ("The deal was signed a day later than planned.", [("a day", "duration")]),
    ("Growth will slow in future quarters, and the rest is set for a later date.",
     [("future quarters", "date"), ("a later date", "date")]),
    ("Families have waited for years.", [("years", "duration")]),
    ("Trading opened at 10:30 a.m. EST on Tuesday.", [("10:30 a.m. EST", "time"), ("Tuesday", "date")]),
    ("The party won in 2019 and 2020.", [("2019", "date"), ("2020", "date")]),
    ("The war ended some time ago.", [("some time ago", "date")]),
    ("The town fell a while ago.", [("a while ago", "date")]),
    # A bare year is a year unless it counts or measures something.
    ("A 1996 law tightened the embargo.", [("1996", "date")]),
    ("The company's 1989 results were flat.", [("1989", "date")]),
    ("Cuba won independence from Spain in 1898.", [("1898", "date")]),
    ("About 2000 troops and 1500 police were deployed.", []),
    ("The deal cost $1990 in fees.", []),
    # Years and decades in words, as broadcasts say them.
    ("The bomb went off in nineteen ninety-six.", [("nineteen ninety-six", "date")]),
    ("Banks readied their systems for the year two thousand.", [("the year two thousand", "date")]),
    ("Rents soared through the nineties.", [("the nineties", "date")]),
    ("Some twelve hundred people fled.", []),
    # Holidays the resolver knows, movable and Islamic ones included.
    ("Voters go to the polls on Election Day.", [("Election Day", "date")]),
    ("Fighting paused for Eid al-Fitr and resumed after Easter.", [("Eid al-Fitr", "date"), ("Easter", "date")]),
    # Company results and open-ended years.
    ("Net rose from year-earlier profit of $3 million.", [("year-earlier", "date")]),
    ("Sales fell from the corresponding period last year.", [("the corresponding period last year", "date")]),
    ("Margins improved in the 1989 quarter.", [("the 1989 quarter", "date")]),
    ("The post-1959 politics split families.", [("post-1959", "date")]),
    ("The firm is confident about 1990 and beyond.", [("1990 and beyond", "date")]),
    # Spans: a day range, a month of a spelled-out year, halves, compounds.
    ("The summit runs March 5-7 in Brussels.", [("March 5-7", "date")]),
    ("Output rose in the last half of 1989.", [("the last half of 1989", "date")]),
    ("The day before last Tuesday's hearing, he met the lawyers.", [("The day before last Tuesday", "date")]),
    ("Earlier Friday, police fired tear gas.", [("Earlier Friday", "date")]),
    # A time of day with its day is one time; the present and the past as TimeML marks them.
    ("The vote closes at 10 p.m. Wednesday.", [("10 p.m. Wednesday", "time")]),
    ("He leaves at 4 a.m. PDT Thursday.", [("4 a.m. PDT Thursday", "time")]),
    ("Current prices are high; at the time, they were low.", [("Current", "date"), ("the time", "date")]),
    ("Talks may resume in the near future.", [("the near future", "date")]),
    # A month or a quarter of a year named from the anchor is one expression, as is an open span's start.
    ("The plant opened in June last year and shut in March of this year.",
     [("June last year", "date"), ("March of this year", "date")]),
    ("Sales in this year's third quarter beat last year's fourth quarter.",
     [("this year's third quarter", "date"), ("last year's fourth quarter", "date")]),
    ("Staff hired in October 1984 and later lost out.", [("October 1984 and later", "date")]),
    # What recurs is a set, however it names its time.
    ("The race is held every October.", [("every October", "set")]),
    ("The council meets every second Tuesday of the month.", [("every second Tuesday of the month", "set")]),
    ("They gather each Christmas.", [("each Christmas", "set")]),
    # After "for", a count of days is a length, whatever follows it.
    ("The jury deliberated for three days before returning its verdict.", [("three days", "duration")]),
    # A half of the year alone, where results are told; a half of a game is no date.
    ("In the first half, sales fell 4 percent.", [("the first half", "date")]),
    ("First-half profit rose 5%.", [("First-half", "date")]),
    ("He scored twice in the second half.", []),
    # An anniversary is one date; a season of a year named from the anchor is one expression.
    ("Fifty years ago today, the first crew landed.", [("Fifty years ago today", "date")]),
    ("A decade ago this week, the bank collapsed.", [("A decade ago this week", "date")]),
    ("The device arrives in the fall of next year.", [("the fall of next year", "date")]),
    # A count of quarters after "the past" is a length; "in 13 years" before "after" a clause is one too.
    ("It lost money in the past two quarters.", [("the past two quarters", "duration")]),
    ("It defaulted for the second time in 13 years after talks collapsed.", [("13 years", "duration")]),
    # "Overnight" and "at dawn" are times; "an overnight stay" and "overnight rates" name kinds.
    ("Jets struck targets overnight, and troops moved in at dawn.", [("overnight", "time"), ("dawn", "time")]),
    ("He booked an overnight stay as overnight rates rose.", []),
    ("Crowds came to dawn services, and police staged a dawn raid.", []),
    # A weekday part or a working day after "every" or "each" recurs; a count "straight" is a length; a
    # feast's weekend is one span; "year to date" is a date.
    ("Classes meet every Tuesday evening and the office opens each weekday.",
     [("every Tuesday evening", "set"), ("each weekday", "set")]),
    ("Claims fell for 10 straight weeks and five consecutive months.",
     [("10 straight weeks", "duration"), ("five consecutive months", "duration")]),
    ("Traffic will be heavy over the Labor Day weekend.", [("Labor Day weekend", "date")]),
    # A count of units of a year is a part of it, a date: not the length "the last three months".
    ("Growth slowed in the last three months of 2016 and the final week of the year.",
     [("the last three months of 2016", "date"), ("the final week of the year", "date")]),
    ("Year to date, the index is down 25 percent.", [("Year to date", "date")]),
    ("Dry weather returns through midweek.", [("midweek", "date")]),
    # A half of the year alone where results are told; "year-end 2022" is one date.
    ("Sales strengthened after a weak first half, with savings due by year-end 2022.",
     [("first half", "date"), ("year-end 2022", "date")]),
    # "May" before its figures, after a word in lower case, is the month ("Theresa May" is a name).
    ("The bank will publish May inflation data; Theresa May data leaked.", [("May", "date")]),
    ("The first buses leave by mid-month; a mid-year review follows.", [("mid-month", "date")]),
    # A rate is no length: "barrels a day", "$300 a day" (only "12 hours" is one here).
    ("Output rose by 1.2 million barrels a day; guards paid $300 a day work 12 hours a day.",
     [("12 hours", "duration")]),
])
def test_tag_finds_timeml_extents_and_kinds(text, expected):
    """Each expression is found with its TimeML extent (preposition outside) and its kind."""
    assert spans(text) == expected


def test_tag_offsets_point_into_the_article():
    """Offsets are positions in the whole article: the span after "On" in its second line."""
    text = "Talks stall\nOn Thursday, envoys left.\nThey return next week."
    assert [(m.start, m.end, m.text) for m in tag(text, PUBLISHED)] == [
        (15, 23, "Thursday"), (50, 59, "next week")]
    assert [m.sentence for m in tag(text, PUBLISHED)] == [1, 2]


def test_tag_offsets_survive_letters_whose_lower_case_is_longer():
    """"İ" lower-cases to two characters; offsets still point at the mention in the original text."""
    text = "İstanbul talks ended on Monday, İzmir officials said."
    (found,) = tag(text, PUBLISHED)
    assert text[found.start:found.end] == found.text == "Monday"


@pytest.mark.parametrize("text", [
    "45,000 deserters and former fighters have been pardoned.",
    # Names and numbers that hold a year's digits or a weekday: not dates.
    "The Sunday Times reported the story.",
    "The March on Washington drew crowds.",
    "Flight 2012 landed safely after Windows 2000 crashed.",
    "For tickets, call 1-800-555-2013.",
    "A convoy of five armoured vehicles tried to enter the village.",
    "They may return to a normal legal status.",
    "Thousands joined a march through the capital.",
    "The Sun reported that 2024 people signed the petition.",
    "Theresa May spoke to reporters.",
    "Celebrations marked the fall of Assad and the Arab Spring.",
    "A quarter of the population fled.",
    "Growth was 3.5 percent and 1,000 people lost 12,500 dollars.",
    "Fighters seized 12 vehicles and 300 rifles in Homs.",
    "Two thousand people marched through the city.",
    "The craft has been handed down for two thousand years.",
    # Programmes named by the present: a title after a broadcaster or a possessive.
    "Baker spoke on ABC News' \"This Week.\"",
    "This is VOA Today.",
    "He told NBC's Today show he would run.",
    # Names made with a month, a season, a holiday or a weekday.
    "Police arrested June Jones.",
    "The Summer Olympics open in Rio.",
    "The Easter Rising was crushed.",
    "Super Tuesday decided the race.",
    # One weekday or another, no day in particular; an award of the month.
    "The opener was played on a Thursday night, as always.",
    "It happened one Friday, as it turned out.",
    "He was named player of the month.",
    "It was billed as the trial of the century.",
    "The restaurant's signature dish, the Monday Night Special, costs $14.",
    "Britain's May said no.",
    "Theresa May's government fell.",
    # Titles of works and names, written with capitals news does not give to date words.
    "The Day After Tomorrow depicted a sudden ice age.",
    "Friday Night Lights was filmed in Austin.",
    "He wrote The Year of Magical Thinking.",
    "She appeared on This Morning to promote the book.",
    "Residents of Winter Park lost power.",
    "Orwell's Nineteen Eighty-Four topped the charts again.",
    # Weekdays in names: a paper, a company, a person, an agreement.
    "Sunday Times reporter Christina Lamb filed from Kyiv.",
    "Monday.com shares rose 5 percent.",
    "Lt. Col. Friday Okoro briefed reporters.",
    "The Good Friday Agreement holds.",
    # Numbers that label, code or count; a game's quarter; a shooting stat; a length after a colon.
    "His badge number 2019 was read out.",
    "Call police on 101, quoting incident 1542.",
    "The code 2022-0142 was used.",
    "The vote was 2024 to 1.",
    "A total of 1999 ballots were cast.",
    "The Lakers trailed by 10 points in the fourth quarter.",
    "Curry shot 9/11 from the field.",
    "Rinse after 2:30 of scrubbing.",
    "The serial number 12-05-2021 was engraved.",
    # A UN resolution's number: the UN passed none before 1946.
    "The 1701 resolution ended the war.",
    # A season that names a kind of thing, not a time.
    "The winter storm dumped a foot of snow on the city.",
    "Farmers planted spring wheat.",
    # ... and so does a feast ("a Christmas market"); "the past" of a count of things is "the previous".
    "A truck plowed into a crowded Christmas market.",
    "It was warmer than the past two races, with four wins in the past eight seasons.",
    # "The future of" someone is a fate; "after-hours" trading is a session, not a length.
    "Talks stalled over the future of the president.",
    "Shares fell 3 percent in after-hours trading.",
    # "A fiscal year" is a kind of year.
    "The firm left a fiscal year for a calendar one.",
    # A half of a game, told with no results.
    "Arsenal dominated the first half.",
    # Blocs and movements named after a day.
    "Leaders of the March 14 coalition met the April 6 Youth Movement.",
    # Every year, none in particular; a common noun; another calendar's new year.
    "It was warmer than in any previous year.",
    "Churches will hold special thanksgiving services.",
    "Kurds lit fires for the Kurdish New Year.",
    # Who people are, not the present.
    "The cuts halve the salaries of current and former officials.",
    # A family name, and a feast naming a kind of thing.
    "Coach Ahmed Eid said his players were tired.",
    "Families visited cemeteries, an Eid tradition.",
    # The titles of songs and films, quoted in title case.
    'The crowd sang "Yesterday," and the band played its single "Saturday Girl."',
    'The original "Friday the 13th" was remade, as was "Seven Days in May."',
])
def test_tag_ignores_words_that_are_not_dates(text):
    """Numbers (also in words: "two thousand people"), the modal "may", the noun "march" and names
    (also of programmes: ABC's "This Week") are not temporal expressions."""
    assert tag(text, PUBLISHED) == []


@pytest.mark.parametrize("text, said", [
    ("Troops withdrew from the city in May.", "May"),
    ("Troops withdrew in March and returned.", "March"),
    ("Voters went to the polls in 2019 and 2020.", "2020"),
    ("The 2024 election was disputed.", "2024"),
    ("Talks Resume Today", "Today"),  # a headline in title case
    ("TALKS RESUME TODAY", "TODAY"),
    ("He said \"Today we won.\"", "Today"),
    ("In May Britain voted.", "May"),  # after a preposition a month is a date, whatever follows
    ("Shops opened early on Black Friday.", "Black Friday"),
    ("Ash Wednesday falls early.", "Ash Wednesday"),
])
def test_tag_accepts_ambiguous_words_where_the_context_makes_them_dates(text, said):
    """A bare month or year is a date after a preposition, a determiner or another year; "Today" in a
    headline or a quotation is a date, not a title."""
    assert said in [m.text for m in tag(text, PUBLISHED)]


TEXT_PIECES = [*"abcMaydFrion 0129,.:-\n", "Friday ", "May ", "2024 ", "ago ", "days ", "last ", "the past ",
               "in ", "every ", "p.m. ", "two ", "later ", "after the ", "few ", "several ", "couple of ", "hours ",
               "hour ", "until ", "from ", "to ", "that ", "spring ", "the following ", "/", "FY", "H1 "]


@given(st.lists(st.sampled_from(TEXT_PIECES), max_size=30).map("".join))
@settings(max_examples=300, deadline=None)
def test_tag_offsets_always_slice_the_mention_text(text):
    """Whatever the text, mentions are ordered, never overlap, and their offsets give back their text."""
    mentions = tag(text, PUBLISHED)
    assert all(text[m.start:m.end] == m.text for m in mentions)
    assert all(a.end <= b.start for a, b in zip(mentions, mentions[1:]))


def test_tag_reports_the_sentence_each_mention_is_in():
    """`sentence` indexes split_sentences(text), so the mention lies inside that sentence."""
    sentences = split_sentences(NEW_ARAB)
    for m in tag(NEW_ARAB, PUBLISHED):
        start, end = sentences[m.sentence]
        assert start <= m.start and m.end <= end


# -- the seed articles' relative dates ------------------------------------------------------------------


@pytest.mark.parametrize("text, published, said, earliest, latest, approximate", [
    (SOHR, SOHR_PUBLISHED, "a few days ag", date(2021, 11, 22), date(2021, 11, 25), True),
    (SOHR, SOHR_PUBLISHED, "Thursday", date(2021, 11, 25), date(2021, 11, 25), False),
    (SOHR, SOHR_PUBLISHED, "November 22", date(2021, 11, 22), date(2021, 11, 22), False),
    (SOHR, SOHR_PUBLISHED, "November 14", date(2021, 11, 14), date(2021, 11, 14), False),
    (PRESSENZA, PRESSENZA_PUBLISHED, "today", date(2022, 4, 19), date(2022, 4, 19), False),
    (PRESSENZA, PRESSENZA_PUBLISHED, "six months", date(2021, 10, 1), date(2021, 10, 31), True),
    (NEW_ARAB, PUBLISHED, "December 9, 2024", date(2024, 12, 9), date(2024, 12, 9), False),
    (NEW_ARAB, PUBLISHED, "Monday", date(2024, 12, 9), date(2024, 12, 9), False),
    (NEW_ARAB, PUBLISHED, "the past week", date(2024, 12, 2), date(2024, 12, 8), False),
    (NEW_ARAB, PUBLISHED, "today", date(2024, 12, 9), date(2024, 12, 9), False),
    (NEW_ARAB, PUBLISHED, "last Friday", date(2024, 12, 6), date(2024, 12, 6), False),
])
def test_tag_resolves_the_seed_articles(text, published, said, earliest, latest, approximate):
    """The relative dates of the three seed articles resolve against each one's publication date."""
    found = mention(text, said, published).resolution
    assert (found.earliest, found.latest, found.approximate) == (earliest, latest, approximate)


def test_tag_leaves_a_named_event_offset_for_propose():
    """"a day after the toppling of ..." names an event tag() cannot look up, so it stays unresolved."""
    found = mention(NEW_ARAB, "a day after")
    assert (found.kind, found.resolution) == ("date", None)


def test_tag_leaves_a_duration_that_does_not_reach_back_unanchored():
    """"61 years of Baath Party rule" is a length of time, not a date."""
    assert mention(NEW_ARAB, "61 years").resolution is None


@pytest.mark.parametrize("text, said, expected", [
    ("The army will withdraw in two weeks.", "two weeks", date(2021, 12, 6)),
    ("Elections will be held in six months.", "six months", date(2022, 5, 1)),
    ("It is the first visit in a decade.", "a decade", None),
    ("The army withdrew in two weeks.", "two weeks", None),
])
def test_tag_dates_a_length_after_in_only_when_it_reaches_ahead(text, said, expected):
    """"Will withdraw in two weeks" names the week two weeks on; after a superlative ("the first visit in
    a decade") or in the past tense, "in" a length names no date."""
    found = mention(text, said, SOHR_PUBLISHED).resolution
    assert (found.earliest if found else None) == expected


@pytest.mark.parametrize("text, said, expected", [
    ("The convoy entered Raqqa on November 20. Two days later, it left.", "Two days later", date(2021, 11, 22)),
    ("Talks opened on November 20. The previous day, troops had massed.", "The previous day", date(2021, 11, 19)),
    ("Talks opened on November 20. The next day the deal was signed.", "The next day", date(2021, 11, 21)),
    ("Talks opened on November 20. That same day, troops withdrew.", "That same day", date(2021, 11, 20)),
    # "That year" names the year the reference lies in, not the reference's month; "March of that year"
    # is one expression, a month of that year.
    ("In March 2011, protests began. That same year, war broke out.", "That same year", date(2011, 1, 1)),
    ("The 2011 uprising began in March of that year.", "March of that year", date(2011, 3, 1)),
    ("Talks opened in 2018. In May the same year, they failed.", "May the same year", date(2018, 5, 1)),
    # Days count from a day told within the latest year mentioned, not from the whole year.
    ("In 2021 talks dragged on. They opened on November 20, 2021, in 2021's worst week. The next day they "
     "broke down.", "The next day", date(2021, 11, 21)),
])
def test_tag_dates_an_unnamed_offset_from_the_previous_date(text, said, expected):
    """Without a named event, an offset counts from the latest date mentioned before it."""
    assert mention(text, said, SOHR_PUBLISHED).resolution.earliest == expected


@pytest.mark.parametrize("text, said, expected", [
    ("He was last seen Nov. 3, the day before the warrant was issued.", "the day before", date(2021, 11, 3)),
    ("The prisoners were freed on Monday, two days after the vote.", "two days after", date(2021, 11, 22)),
    ("In 2019, a year before the war, prices rose.", "a year before", date(2019, 1, 1)),
])
def test_tag_dates_an_offset_in_apposition_as_the_date_it_restates(text, said, expected):
    """"Nov. 3, the day before the warrant was issued": an offset set off by a comma right after a date
    of its own unit names that same date."""
    found = mention(text, said, SOHR_PUBLISHED).resolution
    assert found.earliest == expected and "restates" in found.rule


def test_tag_does_not_restate_a_date_of_another_unit():
    """"In March, a week after the vote": a week after an event is not all of March."""
    assert mention("In March, a week after the vote, prices rose.", "a week after", SOHR_PUBLISHED).resolution is None


@pytest.mark.parametrize("text, joined", [
    ("The summit will be held on April 24 and 25.", {"25": date(2022, 4, 25)}),
    ("Polls will open on May 3, 5 and 7.", {"5": date(2022, 5, 5), "7": date(2022, 5, 7)}),
    ("The talks ran on March 3rd and 4th, officials said.", {"4th": date(2021, 3, 4)}),
    ("The council met from June 3 to 7.", {"7": date(2021, 6, 7)}),
    # ... and before it, when the day comes first: "3, 5 and 7 May".
    ("Polls will open on 3, 5 and 7 May.", {"3": date(2022, 5, 3), "5": date(2022, 5, 5)}),
])
def test_tag_dates_the_days_joined_to_a_month_day(text, joined):
    """In "April 24 and 25" the joined day is a date of its own, in the same month and year."""
    found = {m.text: m.resolution.earliest for m in tag(text, SOHR_PUBLISHED) if m.text in joined}
    assert found == joined


@pytest.mark.parametrize("text", [
    "On April 24 and 25 people marched.",  # a count of people, not a day
    "Talks on March 3, 5 and 7, 1998, failed.",  # the year after the last day is for all of them
    "Votes were cast on Feb. 27 and 30.",  # February has no 30th
    "Prices rose from June 3 to 7 percent.",
])
def test_tag_leaves_numbers_after_a_month_day_that_are_no_day_of_it(text):
    """Only a day that ends its phrase and exists in the month is joined to a month's day."""
    assert [m.text for m in tag(text, SOHR_PUBLISHED) if m.text.isdigit() or m.text[:-2].isdigit()] == (
        ["1998"] if "1998" in text else [])


@pytest.mark.parametrize("text, second", [
    ("The 1995-96 season was his best.", ("96", "1996")),
    ("The budget for fiscal 2012-13 was approved.", ("13", "2013")),
    ("Sales in 2012/13 rose.", ("13", "2013")),
    ("The 1999-00 season ended badly.", ("00", "2000")),
])
def test_tag_dates_the_short_second_year_of_a_pair(text, second):
    """In "the 1995-96 season" the short "96" is a year of its own: the first after 1995 ending in 96."""
    assert [(m.text, m.resolution.edtf) for m in tag(text, date(2013, 6, 20))][-1] == second


@pytest.mark.parametrize("text", ["He paid $2012-13 in fees.", "Flight 2012-13 landed.", "The score was 3-1."])
def test_tag_finds_no_second_year_where_there_is_no_first(text):
    """Digits after a hyphen are a year only after a year: not after a sum or a flight number."""
    assert tag(text, date(2013, 6, 20)) == []


@pytest.mark.parametrize("text, published, ends", [
    # A past report: September would be last year's alone, but the range runs on from this June.
    ("The survey was carried out from June to September.", date(2013, 6, 20), ("September", "2013-09")),
    ("The programme ran from February to October.", date(2013, 6, 20), ("October", "2013-10")),
    ("Between April and October, the river was closed to shipping.", date(2013, 6, 20), ("October", "2013-10")),
    ("Talks were held from May 28 to Sept. 3.", date(2013, 6, 20), ("Sept. 3", "2013-09-03")),
    ("The event was held June-September.", date(2013, 6, 20), ("September", "2013-09")),
])
def test_tag_dates_the_end_of_a_range_at_or_after_its_start(text, published, ends):
    """A yearless month or day that ends a range ("from June to September") is the first at or after the
    range's start, whatever its own tense would say alone."""
    found = mention(text, ends[0], published)
    assert found.resolution.edtf == ends[1]
    assert "the end of a range" in found.resolution.rule


def test_tag_dates_a_yearless_range_that_holds_the_anchor_as_that_one():
    """ "Runs from June 1 to Nov. 30" said in September is this year's season, not next year's, though a
    simple present alone would put June 1 ahead."""
    text = "The hurricane season, which runs from June 1 to Nov. 30, has been unusually quiet so far."
    found = {m.text: m.resolution.edtf for m in tag(text, date(2013, 9, 4))}
    assert found == {"June 1": "2013-06-01", "Nov. 30": "2013-11-30"}
    # A range that does not hold the anchor keeps the tense's reading.
    found = {m.text: m.resolution.edtf for m in tag("The rainy season runs from November to March.", date(2013, 6, 20))}
    assert found == {"November": "2013-11", "March": "2014-03"}


def test_tag_dates_a_length_reaching_ahead_from_the_publication():
    """ "The next two weeks" is the length of two weeks from the day after the publication, as "the past
    two weeks" reaches back; "the next few days" is the near future (FUTURE_REF)."""
    found = mention("Over the next two weeks, talks continue.", "the next two weeks", date(2022, 5, 1))
    assert (found.kind, found.resolution.timex, str(found.resolution.earliest)) == ("duration", "P2W", "2022-05-02")
    found = mention("Releases will begin within the next few days.", "the next few days", date(2022, 5, 1))
    assert found.resolution.timex == "FUTURE_REF"


def test_tag_reads_the_year_to_a_month_as_a_length():
    """ "In the year to November" is the twelve months up to November, not the calendar year."""
    found = {m.text: m for m in tag("Prices rose 1.2 percent in the year to November.", date(2013, 12, 31))}
    assert found["the year"].kind == "duration" and found["the year"].resolution is None
    assert found["November"].resolution.edtf == "2013-11"


@pytest.mark.parametrize("text, said, value", [
    # "to" joins a range only after "from": here it is a revision to December's figure, last year's.
    ("After a small downward revision Friday to December's figure, growth slowed.", "December", "1997-12"),
    # Two months joined by "and" without "between" are two dates, each read alone.
    ("He was in Paris in June and September.", "September", "1997-09"),
])
def test_tag_reads_joined_dates_that_are_no_range_alone(text, said, value):
    """Only "from ... to", "between ... and" or a dash join a range's two ends."""
    assert mention(text, said, date(1998, 2, 6)).resolution.edtf == value


@pytest.mark.parametrize("text, published, said, value", [
    ("Mr. Alvarez was born on Christmas Day 1940 in Havana.", date(2013, 1, 28), "Christmas Day 1940", "1940-12-25"),
    ("He was born on Christmas Day, 1940, in Havana.", date(2013, 1, 28), "Christmas Day, 1940", "1940-12-25"),
    ("The family first served dinner there on Thanksgiving 1985.", date(2012, 11, 20), "Thanksgiving 1985",
     "1985-11-28"),
])
def test_tag_dates_a_holiday_in_the_year_after_it(text, published, said, value):
    """A holiday followed by a year is that year's: one expression, not the nearest holiday and a year."""
    assert mention(text, said, published).resolution.edtf == value


@pytest.mark.parametrize("text, said, value", [
    ("The economy grew at an annual rate of 2.5 percent in the January-March quarter.",
     "the January-March quarter", "2013-Q1"),
    ("Japan's economy shrank in the October-December quarter.", "the October-December quarter", "2012-Q4"),
])
def test_tag_reads_a_quarter_named_by_its_months_as_one_expression(text, said, value):
    """ "The January-March quarter" is one quarter, not January and an unknown "March quarter"."""
    assert mention(text, said, date(2013, 5, 7)).resolution.timex == value


def test_tag_dates_a_weekday_that_an_article_makes_a_modifier():
    """ "A Sunday night memorial service" is the service's Sunday, not any Sunday."""
    assert mention("About 500 people attended a Sunday night memorial service.", "Sunday night",
                   date(1999, 10, 24)).resolution.edtf == "1999-10-24"


def test_tag_dates_a_time_of_day_by_the_day_after_on():
    """ "2 a.m. on Dec. 1": the time of day is dated by the day "on" joins it to."""
    found = {m.text: m for m in tag("The shooting happened shortly after 2 a.m. on Dec. 1, police said.",
                                    date(2013, 12, 20))}
    assert found["2 a.m."].kind == "time" and found["2 a.m."].resolution.edtf == "2013-12-01"
    assert found["Dec. 1"].resolution.edtf == "2013-12-01"


def test_tag_leaves_a_unit_named_by_a_clause_undated():
    """ "Born the year the Berlin Wall fell": which year the clause names is not the article's year."""
    found = mention("She was born the year the Berlin Wall fell.", "the year", date(2014, 1, 10))
    assert found.resolution is None
    # Told in January, the year of the results is the one just over.
    assert mention("For the year, net income rose.", "the year", date(2014, 1, 10)).resolution.edtf == "2013"


@pytest.mark.parametrize("text, said, value", [
    ("The company's May sales rose 4 percent.", "May", "2013-05"),
    ("Results for the quarter ending in December will be released in late January.", "the quarter", "2013-Q4"),
    ("The country will hold May's elections as planned.", "May", "2014-05"),
    ("Parliament is to convene on Tuesday following April's elections.", "April", "2013-04"),
])
def test_tag_dates_the_period_figures_are_for(text, said, value):
    """A month that owns figures after a possessive is a date; the quarter ending in a month is that
    month's quarter, not the latest reported."""
    assert mention(text, said, date(2013, 6, 14)).resolution.timex == value


@pytest.mark.parametrize("text, said, value", [
    ("Four years ago, the election was not settled until December.", "December", "2000-12"),
    ("In 1998, the company moved to Boston, and in March it opened a lab.", "March", "1998-03"),
    # A year in a clause of its own sets no scene for the sentence.
    ("Poland, which was invited to join NATO in July 1997, will join on March 12.", "March 12", "2005-03-12"),
])
def test_tag_dates_a_yearless_date_in_the_year_its_sentence_opens_with(text, said, value):
    """ "In 1998, ... in March" is March 1998: a sentence that opens by telling its year sets it for the
    yearless dates after it."""
    assert mention(text, said, date(2004, 11, 6)).resolution.edtf == value


def test_tag_does_not_move_the_story_to_a_date_counted_since():
    """ "For the first time since November 1980" compares; the next offset counts from the story's day."""
    text = ("Engineers fired the thrusters on Nov. 28 for the first time since November 1980. "
            "The results arrived the following day.")
    assert mention(text, "the following day", date(2017, 12, 31)).resolution.edtf == "2017-11-29"


def test_tag_reads_last_after_an_auxiliary_as_a_verb():
    """ "Is set to last four days": "last" is the verb, and "four days" a length ahead, not the past four."""
    assert spans("The truce began on Friday and is set to last four days.") == [
        ("Friday", "date"), ("four days", "duration")]
    assert spans("Fighting in the last four days killed 30.") == [("the last four days", "duration")]


@pytest.mark.parametrize("text, said, value", [
    ("She moved to Detroit in 1967. That spring, the riots had not yet begun.", "That spring", "1967-SP"),
    ("He left the firm in 2001. That summer, he moved to Chicago.", "That summer", "2001-SU"),
    # A winter told from its January is the one begun the December before.
    ("He arrived on Jan. 5, 2001. That winter was harsh.", "That winter", "2000-WI"),
    ("He started work in 1946. That winter was the coldest. The following spring, he married.",
     "The following spring", "1947-SP"),
    ("He was indicted in April 2002 after an investigation that began the previous fall.", "the previous fall",
     "2001-FA"),
    ("In February 2007, he announced his candidacy. He won the Iowa caucuses the following January.",
     "the following January", "2008-01"),
])
def test_tag_dates_a_season_or_month_from_the_story(text, said, value):
    """ "That spring" is the season of the year the story has moved to, not this year's; "the following
    spring", "the previous fall": the first such after (the last before) the date told."""
    assert mention(text, said, date(2014, 4, 24)).resolution.timex == value


@pytest.mark.parametrize("text, said, value", [
    ("The earthquake struck before dawn Saturday. The quake hit at 3:34 a.m. local time.",
     "3:34 a.m. local time", "2010-02-27"),
    ("The closest approach is set for 12:33 a.m. Eastern time on Tuesday.", "12:33 a.m. Eastern time", "2010-03-02"),
    # "At dawn", "before dawn" are times too, dated by the weekday right after them.
    ("The earthquake struck before dawn Friday.", "dawn", "2010-02-26"),
    ("Crowds gathered at the airport at dawn this morning.", "dawn", "2010-02-27"),
    # The story's day holds over a few sentences; ", on" before no date joins the time to none.
    ("Kenyans voted on Friday. Results are expected within a week. Polls closed at 5 p.m.", "5 p.m.",
     "2010-02-26"),
    ("White smoke rose on Friday. It came at 7:06 p.m., on the second day of the conclave.", "7:06 p.m.",
     "2010-02-26"),
])
def test_tag_dates_a_time_of_day_by_the_day_the_story_told(text, said, value):
    """A time of day with no day of its own is on the day told just before it, or the day after "on" (or
    right after it, for a weekday)."""
    found = mention(text, said, date(2010, 2, 27))
    assert (found.kind, found.resolution.edtf) == ("time", value)


def test_tag_dates_a_time_of_day_by_the_publication_day_when_no_day_is_told():
    """With no day told before it ("Updated 14:32 GMT: ..."), a time of day is on the publication day;
    with a day told long before, it stays undated."""
    found = mention("Updated 14:32 GMT: the prime minister has arrived.", "14:32 GMT")
    assert found.resolution.earliest == PUBLISHED and "publication day" in found.resolution.rule
    assert found.resolution.approximate  # it may be the night before: the value says it is not sure
    far = "The raid was on Monday. " + "Nothing else was said. " * 3 + "The meeting starts at 9 a.m."
    assert mention(far, "9 a.m.").resolution is None


@pytest.mark.parametrize("text, published, said, value", [
    ("Airdrops of food continued during the holy month, officials said.", date(2024, 3, 20), "the holy month",
     "2024-03-11"),
    ("Bombers killed 41 people as they marked Ashoura.", date(2013, 11, 14), "Ashoura", "2013-11-13"),
    ("Troops reached the airport on Thursday, the eve of Eid al-Fitr.", date(2018, 6, 15),
     "the eve of Eid al-Fitr", "2018-06-14"),
    ("Iraqi forces pressed into the Old City on the second day of Eid al-Fitr.", date(2017, 6, 26),
     "the second day of Eid al-Fitr", "2017-06-26"),
])
def test_tag_dates_the_islamic_feasts_as_news_names_them(text, published, said, value):
    """ "The holy month" is Ramadan, "Ashoura" is Ashura, and the eve or the second day of a feast is a day
    of its own."""
    assert mention(text, said, published).resolution.earliest.isoformat() == value


@pytest.mark.parametrize("text, published, said, value", [
    ("Syrians marked Eid al-Fitr on Wednesday, 1 Shawwal 1445 AH.", date(2024, 4, 12), "1 Shawwal 1445 AH",
     "2024-04-10"),
    ("On the 27th of Ramadan, the Salvation Government distributed aid.", date(2024, 4, 12),
     "the 27th of Ramadan", "2024-04-06"),
    ("The feast fell on Saturday, 10 Dhu al-Hijjah 1443 AH.", date(2022, 7, 12), "10 Dhu al-Hijjah 1443 AH",
     "2022-07-09"),
    # A Hijri month where a word makes it one, and a day of it.
    ("Fighting eased in Muharram.", date(2023, 9, 1), "Muharram", "2023-07-19/2023-08-16"),
    ("He said Friday would be the first day of Shawwal.", date(2023, 4, 24), "the first day of Shawwal", "2023-04-21"),
    # "The month of Ramadan" is one expression, not "the month" and a feast.
    ("During the month of Ramadan, charities distributed food.", date(2025, 4, 1), "the month of Ramadan",
     "2025-03-01/2025-03-29"),
])
def test_tag_dates_a_day_of_a_hijri_month(text, published, said, value):
    """A day of a Hijri month, with its Hijri year or without, is one expression dated by the Umm al-Qura
    calendar (hijridate)."""
    assert mention(text, said, published).resolution.edtf == value


def test_tag_dates_a_range_of_weekdays_forward_from_its_start():
    """ "From Saturday evening until Tuesday" said on Sunday runs from yesterday evening to Tuesday; a
    range of weekdays never ends before it starts."""
    text = "The curfew will be in force from Saturday evening until Tuesday."
    found = {m.text: m.resolution.edtf for m in tag(text, date(2020, 5, 24))}
    assert found == {"Saturday evening": "2020-05-23", "Tuesday": "2020-05-26"}


@pytest.mark.parametrize("text, said, value", [
    ("HTS launched its offensive on Nov. 27. The army was caught by surprise. A week after the offensive began, "
     "the army's lines had collapsed.", "A week after", "2024-W49"),
    ("The reconciliation centre opened on Nov. 14. Four days after it opened, the committees had processed "
     "3,500 applications.", "Four days after", "2024-11-18"),
])
def test_tag_counts_an_offset_from_the_day_the_article_told_its_event(text, said, value):
    """ "A week after the offensive began" counts from the day an earlier sentence told the offensive on
    ("launched its offensive on Nov. 27"), and says so in its rule."""
    found = mention(text, said)
    assert found.resolution.timex == value
    assert "the event told on" in found.resolution.rule


@pytest.mark.parametrize("text, published, said, value", [
    ("Two weeks after the 6 February earthquakes, aid arrived.", date(2023, 2, 20), "Two weeks after", "2023-W08"),
    ("Results are expected the day after the vote on May 26.", date(2021, 5, 20), "the day after", "2021-05-27"),
])
def test_tag_counts_an_offset_from_the_day_its_clause_names(text, published, said, value):
    """ "Two weeks after the 6 February earthquakes": the clause after "after" names the day to count from."""
    assert mention(text, said, published).resolution.timex == value


@pytest.mark.parametrize("text, said", [
    # The event's word after the day is another event's date: charged Thursday, not murdered.
    ("Kopp was charged Thursday with the murder. A jogger saw his car 10 days before the murder.", "10 days before"),
    # The event in the same sentence is no earlier telling of it.
    ("Inspectors resumed work in Iraq Friday, nearly two months after their team was blocked.",
     "nearly two months after"),
])
def test_tag_leaves_an_offset_from_an_event_told_no_day_undated(text, said):
    """An offset from an event the article gave no day for stays for ingest to look up."""
    assert mention(text, said).resolution is None


@pytest.mark.parametrize("text, published, said, value", [
    ("Man Charged in Christmas Day Attack on Jet", date(2009, 12, 27), "Christmas Day", "2009-12-25"),
    ("Warren Takes First Step Toward 2020 Run", date(2019, 1, 1), "2020", "2020"),
    # A headline drops "is": "to Reopen Monday" is the coming Monday.
    ("Stock Exchange to Reopen Monday", date(2001, 9, 16), "Monday", "2001-09-17"),
])
def test_tag_reads_a_headline_in_title_case(text, published, said, value):
    """In a title-case headline a capital letter names nothing ("Christmas Day Attack" is no name like
    "the Easter Rising"), and "X to Reopen Monday" looks ahead."""
    assert mention(text, said, published).resolution.edtf == value


@pytest.mark.parametrize("text, published, said, value", [
    # Lengths counted in hours, singular or vague, up to the publication date.
    ("Flood warnings have been issued in the past hour.", date(2024, 12, 9), "the past hour", "PT1H"),
    ("Water levels rose in the past few hours.", date(2024, 12, 9), "the past few hours", "PTXH"),
    ("Nothing moved in the past couple of hours.", date(2024, 12, 9), "the past couple of hours", "PTXH"),
    # A day in a year named from the anchor, and days written as numbers.
    ("The accident happened on Dec. 9 last year.", date(2024, 12, 9), "Dec. 9 last year", "2023-12-09"),
    ("The bill was passed on 3 March last year.", date(2024, 12, 9), "3 March last year", "2023-03-03"),
    ("The documents were dated 2024/11/30.", date(2024, 12, 9), "2024/11/30", "2024-11-30"),
    ("The circular is dated 12-Dec-2024.", date(2024, 12, 10), "12-Dec-2024", "2024-12-12"),
    ("The order was passed on 15-08-2023.", date(2024, 12, 10), "15-08-2023", "2023-08-15"),
    ("The order was passed on 15.08.2023.", date(2024, 12, 10), "15.08.2023", "2023-08-15"),
    ("Mon, Dec 9, 2024 - 5 min read", date(2024, 12, 9), "Mon, Dec 9, 2024", "2024-12-09"),
    ("The match kicks off on the 14th at Wembley.", date(2024, 12, 9), "the 14th", "2024-12-14"),
    ("Voting will take place between 12 and 14 December.", date(2024, 12, 9), "12", "2024-12-12"),
    ("Voting will take place between 12 and 14 December.", date(2024, 12, 9), "14 December", "2024-12-14"),
    ("Pre-polling opened on Tuesday last week.", date(2025, 5, 1), "Tuesday last week", "2025-04-22"),
    ("The results are due on Monday week.", date(2024, 12, 11), "Monday week", "2024-12-23"),
    ("The Bank of England will set rates a week tomorrow.", date(2023, 3, 15), "a week tomorrow", "2023-03-23"),
    # Years, decades and halves as business and British news write them.
    ("The bill will be debated in the new year.", date(2024, 12, 9), "the new year", "2025"),
    ("House prices rose sharply in the noughties.", date(2024, 12, 9), "the noughties", "200"),
    ("The music of the 70s is back.", date(2024, 12, 9), "the 70s", "197"),
    ("Sales rose 8% in H1, the company said.", date(2024, 8, 1), "H1", "2024-H1"),
    ("FY24 revenue rose 12%.", date(2024, 12, 9), "FY24", "2024"),
    ("The Nikkei stock average ended the first half today down 24%.", date(1995, 6, 30), "the first half", "1995-H1"),
    ("Poppies were sold ahead of Remembrance Sunday.", date(2024, 11, 4), "Remembrance Sunday", "2024-11-10"),
    ("Crowds gathered on Anzac Day.", date(2024, 12, 9), "Anzac Day", "2024-04-25"),
    # Results: the year reported, and a year before a fiscal year told before.
    ("Fourth-quarter earnings rose 9%. For the year, net income was a record $198 million.", date(1990, 1, 19),
     "the year", "1989"),
    ("It earned $1.15 a share in fiscal 1996, which ended Jan. 31, up from 98 cents in the prior year.",
     date(1997, 2, 28), "the prior year", "1995"),
    ("Net for the third quarter ended Sept. 30 rose to $14 million from $12.7 million a year earlier.",
     date(1989, 10, 25), "a year earlier", "1988-Q3"),
])
def test_tag_reads_dates_as_news_writes_them(text, published, said, value):
    """Dates as wire, business, British and online news write them, each with the value a careful reader
    gives it."""
    assert mention(text, said, published).resolution.timex == value


@pytest.mark.parametrize("text, said, value", [
    # A fiscal quarter named in the lead: the results told after it that name none are its own.
    ("Acme earned $5 million in the fiscal first quarter. It had a loss of $2 million a year ago. "
     "Shipments doubled in the quarter.", "a year ago", "1988-Q1"),
    ("Acme earned $5 million in the fiscal first quarter. It had a loss of $2 million a year ago. "
     "Shipments doubled in the quarter.", "the quarter", "1989-Q1"),
    ("Acme reported a 40% drop in fourth-quarter earnings. Sales in the latest period fell 3%.",
     "the latest period", "1989-Q4"),
    # A quarter its sentence names by the month it ends in comes before the one the story named.
    ("Acme said its fiscal second-quarter earnings fell 31%. For the quarter ended March 31, it earned "
     "$6.1 million, compared with $8.8 million in the year-earlier quarter.", "the year-earlier quarter",
     "1988-Q1"),
    # A month's figures just over, in a story that named no quarter: what "a year ago" compares with.
    ("Sales of existing homes jumped 10.1 percent in September. Sales were up 23.5 percent from a year ago.",
     "a year ago", "1988-09"),
    ("Acme posted a gain in third-quarter net. Sales rose in September. Net income rose from a year ago.",
     "a year ago", "1988-Q3"),
    # The quarter named nearest before a comparison is what it compares with.
    ("Profit rose in the third quarter. Analysts expect fourth-quarter earnings to climb about 9% from the "
     "year-earlier period.", "the year-earlier period", "1988-Q4"),
    # A month's figures with no company results: the month, a year back.
    ("Employers added 68,000 jobs in September. Hourly earnings were flat from a year ago.", "a year ago",
     "1988-09"),
    # A quarter the story compares with is not the one it reports.
    ("Acme posted a gain in third-quarter net. After a flat second quarter, sales recovered. "
     "The latest period also had lower interest costs.", "The latest period", "1989-Q3"),
    # Nor is one ahead.
    ("Acme said fourth-quarter sales will fall. Net income rose 10% from a year ago.", "a year ago", "1988-Q3"),
])
def test_tag_reads_results_naming_no_quarter_as_the_quarter_the_story_reports(text, said, value):
    """Results told with no quarter named ("a year ago", "the latest period") are about the quarter the
    story named as reported, by the number it named it with (a fiscal first quarter may end in
    September); not a quarter it only compares with or looks ahead to."""
    assert mention(text, said, date(1989, 10, 26)).resolution.timex == value


def test_tag_reads_as_recently_as_by_the_date_after_it():
    """ "As recently as 2004" dates nothing but 2004: "recently" is no mention of its own there."""
    said = [(m.text, m.resolution.timex) for m in tag("The corps had warned as recently as 2004.", PUBLISHED)]
    assert said == [("2004", "2004")]


@pytest.mark.parametrize("text, published, said, value", [
    # Two days ahead joined by "or": the second after the first, whatever the tense says of it alone.
    ("Officials said the river was expected to peak on Monday or Tuesday.", date(2010, 12, 31), "Tuesday",
     "2011-01-04"),
    # ... but a pair told of the past may run either way.
    ("Following are statements made Friday and Thursday by the lawyers.", date(1998, 2, 6), "Thursday",
     "1998-02-05"),
    # Counted from an anniversary's day, not from today's.
    ("Fifty years ago today, the rocket lifted off. Four days later, the crew landed.", date(2019, 7, 16),
     "Four days later", "1969-07-20"),
    # A time told in the past is on no day still ahead: the publication day, approximate.
    ("Lawmakers must act by Jan. 1. The candidate conceded shortly before 1 a.m. in Boston.",
     date(2012, 11, 7), "1 a.m.", "2012-11-07"),
    # "Overnight on Saturday": the night from Saturday into Sunday.
    ("The shop was broken into overnight on Saturday, police said.", date(2011, 8, 8), "overnight", "2011-08-06TNI"),
    # A figure compared with "a week earlier", no date told before: a week before the report's day.
    ("The index was little changed from a week earlier.", date(1990, 6, 30), "a week earlier", "1990-W25"),
    # "Into" ends a range as "until" does; "as early as" leaves the direction to the verb.
    ("Forecasters are warning of heavy snow Thursday night into Friday.", date(2018, 1, 18), "Friday",
     "2018-01-19"),
    ("Shoppers lined up as early as 4 p.m. Thursday.", date(2014, 11, 28), "4 p.m. Thursday", "2014-11-27"),
    # A half alone where margins are told; a feast's weekend; Holy Thursday.
    ("Intel expects gross margins of about 50 percent in the second half.", date(2009, 7, 15), "the second half",
     "2009-H2"),
    ("Traffic will be heavy over the Labor Day weekend.", date(2010, 9, 3), "Labor Day weekend", "2010-W35-WE"),
    ("The pope will wash the feet of prisoners on Holy Thursday.", date(2013, 3, 19), "Holy Thursday", "2013-03-28"),
])
def test_tag_dates_pairs_anniversaries_and_times_by_the_story(text, published, said, value):
    """Two weekdays ahead joined by "or" run forward; an offset after an anniversary counts from its
    day; a clock time told in the past is not put on a day the story told as ahead."""
    assert mention(text, said, published).resolution.timex == value


@pytest.mark.parametrize("text", [
    "Highs will be in the 70s on Sunday.",
    "Christmas Eve falls on a Saturday this year.",
    "He scored twice in the first half.",
])
def test_tag_finds_no_date_in_degrees_an_indefinite_weekday_or_a_match_half(text):
    """Degrees "in the 70s", "a Saturday" that is no Saturday in particular and a half of a game are no
    dates (only the other dates of these sentences are)."""
    said = [m.text for m in tag(text, date(2022, 12, 19))]
    assert not any(word in " ".join(said) for word in ("70s", "Saturday", "half"))


@pytest.mark.parametrize("text, said", [
    ("Updated 14:32 GMT: The prime minister has arrived.", "14:32 GMT"),
    ("The last train leaves at 10.45pm.", "10.45pm"),
    ("Troops were placed on alert at 1900 hours.", "1900 hours"),
    ("The raid began at 0435 local time.", "0435 local time"),
])
def test_tag_finds_clock_times_as_news_writes_them(text, said):
    """A 24-hour clock with a zone or after "at", a dotted British time and military hours are times."""
    assert (said, "time") in spans(text)


@pytest.mark.parametrize("text", ["Growth was 3.5 percent.", "The index rose 18.30 points.",
                                  "They worked 1200 hours last year.", "John 3:16 says so."])
def test_tag_finds_no_clock_in_decimals_counts_or_verses(text):
    """Decimals, a count of hours and a verse reference are no times of day."""
    assert not [m for m in tag(text, PUBLISHED) if m.kind == "time"]


@pytest.mark.parametrize("text, published, said, value", [
    # An offset set off by a comma before a day is restated by it; a day before an offset in weeks too.
    ("France holds the first round on Sunday, with a runoff two weeks later, on April 24.", date(2022, 4, 6),
     "two weeks later", "2022-04-24"),
    ("The shooting took place on Feb. 26, 2012. He was not arrested until April 11, 2012, more than six weeks "
     "later.", date(2013, 7, 5), "more than six weeks later", "2012-04-11"),
    # Told in the past, an offset counts from no date still ahead.
    ("She won the caucuses on Monday and heads to New Hampshire, which holds its primary on Tuesday. One rival "
     "dropped out the next day.", date(2024, 1, 19), "the next day", "2024-01-16"),
    ("In August 2014 the probe reached the comet. Its lander touched down that November.", date(2016, 9, 29),
     "that November", "2014-11"),
    ("Briggs was born on Christmas Day in 1922.", date(2007, 12, 20), "Christmas Day in 1922", "1922-12-25"),
    ("The first round was on Sunday. The runoff will take place two weeks after the first round.",
     date(2011, 8, 8), "two weeks after", "2011-W33"),
])
def test_tag_dates_offsets_and_flashbacks_from_the_story(text, published, said, value):
    """Offsets restated by a date beside them, counted from the story's date, and months of a year told before."""
    assert mention(text, said, published).resolution.timex == value


@pytest.mark.parametrize("text, published, said, value", [
    # A day counted from a span of days counts from the latest day told.
    ("The Fed announced its decision on Wednesday. Earlier this month, yields rose. The yield rose to 2.33 "
     "percent from 2.19 percent the previous day.", date(2013, 6, 19), "the previous day", "2013-06-18"),
    # An event named by a day that owns it: "Thursday's attack ... the day before the attack".
    ("Thursday's attack killed nine. He had visited a shooting range the day before the attack.",
     date(2015, 10, 31), "the day before", "2015-10-28"),
    # A date that counts from the story's sets its year for the yearless dates after it.
    ("In June 2008, the inquiry began. Reilly denied any wrongdoing that summer and won a sixth term in November.",
     date(2011, 2, 28), "November", "2008-11"),
    ("Hurricane Ike struck in September 2008. Ike came ashore at Galveston on Sept. 13 of that year.",
     date(2014, 9, 18), "Sept. 13 of that year", "2008-09-13"),
])
def test_tag_dates_from_the_story_across_spans_owners_and_years(text, published, said, value):
    """Offsets and yearless dates read from the story's days and years, not from the publication date."""
    assert mention(text, said, published).resolution.timex == value


def test_tag_reads_a_length_after_for_with_a_hedge_and_no_age_as_years_ago():
    """ "For about 10 days before being moved" is a length; "3.5 billion years ago" is no date from now."""
    assert spans("He was held for about 10 days before being moved.") == [("about 10 days", "duration")]
    assert spans("Jurors deliberated over three days before finding him guilty.") == [("three days", "duration")]
    assert spans("The crater held a lake about 3.5 billion years ago.") == []


def test_tag_leaves_an_offset_with_no_earlier_date_unresolved():
    """"Two days later" at the start of an article has nothing to count from, nor after a whole year."""
    assert mention("Two days later, the convoy returned.", "Two days later").resolution is None
    assert mention("The town fell in 2013. Two days later, the convoy returned.", "Two days later").resolution is None
    # ... nor from a day told before a year the story has moved to.
    moved = "On Monday, rebels took the town. In 2008 they had lost it; the following month they regrouped."
    assert mention(moved, "the following month").resolution is None


def test_tag_keeps_the_story_time_through_comparisons_and_flashbacks():
    """A comparison ("a year earlier") or a look back ("the previous day") does not move the date later
    offsets count from: both comparisons below count from the quarter ended Sept. 30, 1995 (and are that
    quarter a year before), and "the next day" from Nov. 20."""
    results = ("For the quarter ended Sept. 30, 1995, net rose to $5 million from $3 million a year earlier. "
               "Revenue was $40 million, up from $31 million a year earlier.")
    assert [m.resolution.timex for m in tag(results, date(1995, 10, 24)) if m.text == "a year earlier"] == [
        "1994-Q3", "1994-Q3"]
    # Against results over more than a quarter, a year earlier is the year before, not the quarter.
    longer = ("Third-quarter net rose 5% to $8 million. For the nine months, net was $20 million, compared "
              "with $18 million a year earlier.")
    assert [m.resolution.edtf for m in tag(longer, date(1995, 10, 24)) if m.text == "a year earlier"] == ["1994"]
    story = "Talks opened on November 20. The previous day, troops had massed. The next day a deal was signed."
    assert mention(story, "The next day", SOHR_PUBLISHED).resolution.earliest == date(2021, 11, 21)


def test_tag_dates_a_year_of_accounts_by_the_month_it_ended():
    """ "For the year ended March 31" is a twelve-month length (as TimeML types it) whose months are known:
    those up to the end of March, valued by the calendar year most of them lie in (1988, as Japan names
    such a year; "the year ended Sept. 30" is 1989); the day it ended on is dated too."""
    found = {m.text: m for m in tag("For the year ended March 31, net rose 5%.", date(1989, 11, 1))}
    year = found["the year"].resolution
    assert found["the year"].kind == "duration"
    assert (year.earliest, year.latest, year.timex) == (date(1988, 4, 1), date(1989, 3, 31), "1988")
    year = mention("For the year ended Sept. 30, net rose 5%.", "the year", date(1989, 11, 1)).resolution
    assert (year.earliest, year.latest, year.timex) == (date(1988, 10, 1), date(1989, 9, 30), "1989")
    assert found["March 31"].resolution.edtf == "1989-03-31"


@pytest.mark.parametrize("text, published, said, earliest, latest, value", [
    ("Congress must pass the budget before the fiscal year that begins July 1.", date(2003, 10, 8),
     "the fiscal year", date(2004, 7, 1), date(2005, 6, 30), "2005"),
    ("The cost will weigh on the budget for the fiscal year that begins April 1.", date(1995, 1, 18),
     "the fiscal year", date(1995, 4, 1), date(1996, 3, 31), "1995"),
    ("The new fiscal year begins Thursday.", date(1998, 9, 29), "fiscal year", date(1998, 10, 1),
     date(1999, 9, 30), "1999"),
    ("In fiscal 1988, which ended June 30, the company lost money.", date(1989, 11, 2), "fiscal 1988",
     date(1987, 7, 1), date(1988, 6, 30), "1988"),
    ("In fiscal 1988, which ended June 30, the company lost money.", date(1989, 11, 2), "June 30",
     date(1988, 6, 30), date(1988, 6, 30), "1988-06-30"),
])
def test_tag_dates_a_fiscal_year_by_the_day_it_begins_or_the_month_it_ends(text, published, said, earliest,
                                                                           latest, value):
    """A fiscal year told with the day it begins on or the month it ends in covers those twelve months,
    valued by the year most of it lies in, else the one it ends in (a named one by its name); the day it
    ended on is in its last month."""
    found = mention(text, said, published).resolution
    assert (found.earliest, found.latest, found.timex) == (earliest, latest, value)


def test_tag_dates_a_time_of_day_by_the_day_after_its_noun():
    """A time of day joined to a day through the noun it times ("the 11 p.m. curfew Friday night") is on
    that day; through a joining word ("5 p.m. and Monday") it is not."""
    assert mention("Celebrations were halted at the 11 p.m. curfew Friday night.", "11 p.m.",
                   date(2018, 7, 16)).resolution.timex == "2018-07-13"
    assert mention("Fans gathered at 5 p.m. and left on Monday.", "5 p.m.",
                   date(2018, 7, 18)).resolution.rule.startswith("5 p.m.: the publication day")


def test_tag_dates_a_time_of_day_by_its_day():
    """ "10 p.m. Wednesday" is one time mention, dated by the Wednesday: the coming one, as polls that
    close at an hour are a schedule, and last week's in a report told in the past."""
    found = mention("The polls close at 10 p.m. Wednesday.", "10 p.m. Wednesday", date(2024, 12, 9))
    assert (found.kind, found.resolution.edtf) == ("time", "2024-12-11")
    found = mention("The polls closed at 10 p.m. Wednesday.", "10 p.m. Wednesday", date(2024, 12, 9))
    assert (found.kind, found.resolution.edtf) == ("time", "2024-12-04")


def test_propose_never_dates_an_event_by_the_present_the_past_or_an_open_span():
    """ "At the time", "currently" or "post-1959" date no event: only the sentence with a day does."""
    text = ("At the time, the town was quiet. The post-1959 politics split families. "
            "Rebels are currently besieging the town. Rebels attacked the town on Friday.")
    proposals = propose(text, source(), Dataset())
    assert [(p.when.edtf, p.citations[0].said) for p in proposals] == [("2024-12-06", "Friday")]


# -- sentences --------------------------------------------------------------------------------------


@pytest.mark.parametrize("text, expected", [
    ("Maj. Gen. Hossam Luqa arrived. He met Dr. Smith.", ["Maj. Gen. Hossam Luqa arrived.", "He met Dr. Smith."]),
    ("Mr. Jones lives on St. Paul's road. He left.", ["Mr. Jones lives on St. Paul's road.", "He left."]),
    ("The U.S. Army left. The next day they came back.", ["The U.S. Army left.", "The next day they came back."]),
    ("Troops left the U.S. The war went on.", ["Troops left the U.S.", "The war went on."]),
    ("It began in Jan. 2020 and ended in Sept. 2021. Then it stopped.",
     ["It began in Jan. 2020 and ended in Sept. 2021.", "Then it stopped."]),
    ("Then A. B. Smith spoke. Nobody listened.", ["Then A. B. Smith spoke.", "Nobody listened."]),
    ("They met at 5 p.m. Monday. At 6 p.m. The talks ended.",
     ["They met at 5 p.m. Monday.", "At 6 p.m.", "The talks ended."]),
    ("“A convoy tried to enter the village,” local activists told SANA’s correspondent. It failed.",
     ["“A convoy tried to enter the village,” local activists told SANA’s correspondent.", "It failed."]),
    ('He said: "We will win." Then he left.', ['He said: "We will win."', "Then he left."]),
    ("“Are you sure?” she asked. He was.", ["“Are you sure?” she asked.", "He was."]),
    ("Growth was 3.5 percent. It slowed.", ["Growth was 3.5 percent.", "It slowed."]),
    ("Resolution No. 2254 passed. The answer was no. Talks ended.",
     ["Resolution No. 2254 passed.", "The answer was no.", "Talks ended."]),
    ("Wait... What happened? Nothing!", ["Wait...", "What happened?", "Nothing!"]),
    ("Two killed in Deir az-Zour\nTwo civilians were killed.", ["Two killed in Deir az-Zour", "Two civilians were killed."]),
    ("  \n\nA caption without a full stop  \n\n", ["A caption without a full stop"]),
])
def test_split_sentences_edge_cases(text, expected):
    """Abbreviations, initials, quotes, ellipses, decimals and line breaks split as a reader would."""
    assert [text[a:b] for a, b in split_sentences(text)] == expected


@given(st.text(alphabet=st.sampled_from(list("Ab .?!\n“”\"'3")), max_size=60))
def test_split_sentences_gives_ordered_stripped_spans(text):
    """Sentences are ordered, disjoint, non-empty and carry no surrounding whitespace."""
    sentences = split_sentences(text)
    assert all(a < b and text[a:b] == text[a:b].strip() for a, b in sentences)
    assert all(b1 <= a2 for (_, b1), (a2, _) in zip(sentences, sentences[1:]))


# -- candidate events ---------------------------------------------------------------------------------


def new_arab_proposals() -> list[Event]:
    return propose(NEW_ARAB, source(), Dataset(places=GAZETTEER, events=(ASSAD_FLEES,)))


def test_propose_dates_a_named_event_offset_from_the_dataset():
    """"a day after the toppling of ... Bashar al-Assad" counts from the dataset's Assad event."""
    found = next(e for e in new_arab_proposals() if e.citations[0].said == "a day after")
    assert (found.when.earliest, found.when.latest, found.after) == (date(2024, 12, 9), date(2024, 12, 9),
                                                                    ASSAD_FLEES.id)


def test_propose_skips_a_named_event_offset_without_a_match():
    """With no event sharing the named words, the "a day after" sentence yields no candidate."""
    proposals = propose(NEW_ARAB, source(), Dataset(places=GAZETTEER))
    assert "a day after" not in [e.citations[0].said for e in proposals]


def test_propose_skips_a_named_event_offset_with_two_equal_matches():
    """Two events that match the named words equally well leave the sentence out."""
    twin = replace(ASSAD_FLEES, id="bashar-al-assad-leaves-damascus", title="Bashar al-Assad leaves Damascus")
    proposals = propose(NEW_ARAB, source(), Dataset(events=(ASSAD_FLEES, twin)))
    assert "a day after" not in [e.citations[0].said for e in proposals]


def test_propose_makes_one_parsed_candidate_per_dated_sentence():
    """Each dated sentence becomes one candidate, cited with the expression and the sentence."""
    proposals = new_arab_proposals()
    assert [e.citations[0].said for e in proposals] == [
        "December 9, 2024", "Monday", "a day after", "the past week", "today", "last Friday"]
    assert {(e.status, e.origin) for e in proposals} == {("candidate", "parsed")}
    assert all(e.citations[0].quote in NEW_ARAB and e.citations[0].source == "newarab-2024-12-09"
               for e in proposals)


@pytest.mark.parametrize("said, title", [
    ("last Friday", "The SDF took control of Deir az-Zour"),
    ("Monday", "The Military Operations Administration of the Syrian opposition forces granted amnesty"),
    ("a day after", "The body declared the amnesty and said that the lives of soldiers would be safe"),
    ("the past week", "Thousands of soldiers fled from battles in Damascus, Homs, Aleppo, and Hama"),
])
def test_propose_titles_a_candidate_with_the_main_clause(said, title):
    """The title is the sentence's main clause without the date, asides or trailing punctuation."""
    assert next(e.title for e in new_arab_proposals() if e.citations[0].said == said) == title


@pytest.mark.parametrize("text, published, title", [
    (SOHR, SOHR_PUBLISHED, "Only few civilians have participated in reconciliation deals"),
    (PRESSENZA, PRESSENZA_PUBLISHED, "Clash between residents of the village and members of the Syrian army"),
    ("Police said on Monday that gunmen had fled the town.", PUBLISHED, "Gunmen had fled the town"),
    ("Friday's attack killed five people in the market.", PUBLISHED, "Friday's attack killed five people in the market"),
])
def test_propose_titles_the_event_not_who_reported_it(text, published, title):
    """A reporting clause ("SOHR activists reported that", "Police said") and the adverbial that opened
    what was reported are dropped; "there was a clash" reads "Clash"; a date in the possessive stays."""
    titles = [e.title for e in propose(text, source(published=published), Dataset())]
    assert title in titles


def test_propose_titles_are_short_headlines():
    """Titles stay within 90 characters, end on a word and carry no trailing punctuation."""
    titles = [e.title for e in new_arab_proposals() + propose(SOHR, source("sohr", SOHR_PUBLISHED), Dataset())]
    assert all(len(t) <= 90 and t[-1].isalnum() and t[0].isupper() for t in titles)


@pytest.mark.parametrize("said, place", [
    ("last Friday", "Deir ez-Zor"),      # "Deir az-Zour" is an alias
    ("Thursday", "al-Mayadeen"),         # the city, not the province named later
    ("November 14", "Deir ez-Zor"),      # "Deir Ezzor city"
    ("six months", "Deir ez-Zor"),       # "Deir Ezzor", before "Raqa"
    ("a few days ag", "Deir ez-Zor"),
])
def test_propose_names_the_place_through_the_gazetteer(said, place):
    """Places are recognised by any spelling, case-insensitively, and stored under the canonical name."""
    dataset = Dataset(places=GAZETTEER)
    proposals = (propose(NEW_ARAB, source(), dataset) + propose(SOHR, source("sohr", SOHR_PUBLISHED), dataset)
                 + propose(PRESSENZA, source("pressenza", PRESSENZA_PUBLISHED), dataset))
    assert next(e.place for e in proposals if e.citations[0].said == said) == place


def test_propose_matches_a_spelling_split_by_a_space():
    """"al- Mayadeen" (a stray space after the hyphen) is al-Mayadeen."""
    text = "On Thursday, officials arrived in al- Mayadeen city."
    assert propose(text, source(), Dataset(places=GAZETTEER))[0].place == "al-Mayadeen"


def test_propose_gives_ids_unique_among_the_dataset_and_the_proposals():
    """Two reports of the same day and title, and an id already taken, get distinct ids."""
    text = "Talks resumed on Monday. Talks resumed on Monday."
    taken = Event("2024-12-09-talks-resumed", Resolution.day(date(2024, 12, 9)), "Talks resumed")
    ids = [e.id for e in propose(text, source(), Dataset(events=(taken,)))]
    assert ids == ["2024-12-09-talks-resumed-2", "2024-12-09-talks-resumed-3"]


@pytest.mark.parametrize("said, expected", [
    ("last Friday", "2024-12-06-sdf-took-control-deir"),
    ("the past week", "2024-12-02-thousands-soldiers-fled-battles"),
    ("today", "2024-12-09-deir-zour-witnessed-protests"),
])
def test_propose_ids_are_the_date_and_a_few_words(said, expected):
    """A parsed event's id is short and stable: its date (a range by its first day) and the first few
    words of its title that carry meaning."""
    assert next(e.id for e in new_arab_proposals() if e.citations[0].said == said) == expected


def test_propose_links_an_unnamed_offset_to_the_candidate_it_counts_from():
    """"Two days later" counts from the previous sentence's date, so its candidate is after that one."""
    text = "The convoy entered Raqqa on November 20. Two days later, the convoy left the city."
    first, second = propose(text, source("sohr", SOHR_PUBLISHED), Dataset())
    assert (second.when.earliest, second.after) == (date(2021, 11, 22), first.id)


def test_propose_needs_a_publication_date():
    """An article without a publication date cannot anchor its dates."""
    with pytest.raises(InputError, match="undated"):
        propose(NEW_ARAB, Source("undated", "Somewhere"), Dataset())


# -- ingest -------------------------------------------------------------------------------------------


def test_ingest_says_why_a_dated_sentence_became_no_candidate():
    """An offset from an event the store lacks, a date naming only the present, and a report already in
    the store are each listed with the reason."""
    text = NEW_ARAB + "Officials are currently reviewing the files.\n"
    first = ingest(Dataset(), text, source())
    reasons = {k.said: k.reason for k in first.skipped}
    assert "no single event in the store matches" in reasons["a day after"]
    assert "the present, the past or the future" in reasons["currently"]
    again = ingest(first.dataset, text, source())
    assert sum(k.reason.startswith("already in the store as ") for k in again.skipped) == len(first.added)


def test_ingest_adds_the_source_and_the_candidates():
    """An article into an empty dataset adds its source and one candidate per dated sentence."""
    result = ingest(Dataset(places=GAZETTEER), NEW_ARAB, source())
    assert result.dataset.sources == (source(),)
    assert list(result.added) == [e.id for e in result.dataset.events]
    assert (len(result.added), result.cited, result.unchanged) == (5, (), 0)


def test_ingest_cites_an_existing_event_reported_again():
    """A candidate with the same day, place and wording becomes a new citation of the known event."""
    known = Event("sdf-takes-deir-ez-zor", Resolution.day(date(2024, 12, 6)),
                  "SDF takes control of Deir ez-Zor after regime forces withdraw", place="Deir ez-Zor")
    result = ingest(Dataset(places=GAZETTEER, events=(known,)), NEW_ARAB, source())
    merged = result.dataset.event(known.id)
    assert result.cited == (known.id,)
    assert merged.citations == (Citation("newarab-2024-12-09", "last Friday",
                                         "The SDF took control of Deir az-Zour last Friday, as well as parts of "
                                         "its western countryside, after regime forces withdrew, leaving a "
                                         "power vacuum."),)


def test_ingest_keeps_apart_events_in_different_places():
    """The same day and wording in another place is another event."""
    known = Event("sdf-takes-raqqa", Resolution.day(date(2024, 12, 6)),
                  "SDF takes control of Raqqa after regime forces withdraw", place="Raqqa")
    result = ingest(Dataset(places=GAZETTEER, events=(known,)), NEW_ARAB, source())
    assert result.cited == () and result.dataset.event(known.id).citations == ()


def test_ingest_twice_changes_nothing_the_second_time():
    """Re-ingesting an article leaves the dataset equal and reports every candidate as known."""
    first = ingest(Dataset(places=GAZETTEER, events=(ASSAD_FLEES,)), NEW_ARAB, source())
    second = ingest(first.dataset, NEW_ARAB, source())
    assert second.dataset == first.dataset
    assert (second.added, second.cited, second.unchanged) == ((), (), 6)


def test_ingest_knows_a_report_after_review_edits():
    """After a reviewer re-titles, re-places and re-dates candidates, re-ingesting the article adds nothing."""
    first = ingest(Dataset(places=GAZETTEER, events=(ASSAD_FLEES,)), NEW_ARAB, source())
    edited = replace(first.dataset, events=tuple(
        replace(e, title=f"Edited {n}", place="Somewhere else", when=Resolution.year(1999))
        if e.id in first.added else e for n, e in enumerate(first.dataset.events)))
    again = ingest(edited, NEW_ARAB, source())
    assert again.added == () and again.dataset == edited


def test_ingest_never_brings_back_a_rejected_candidate():
    """A rejected candidate absorbs its re-ingested twin and stays rejected."""
    first = ingest(Dataset(), NEW_ARAB, source())
    rejected_id = first.added[0]
    rejected = Dataset(sources=first.dataset.sources, events=tuple(
        replace(e, status="rejected") if e.id == rejected_id else e for e in first.dataset.events))
    again = ingest(rejected, NEW_ARAB, source())
    assert again.added == () and again.dataset.event(rejected_id).status == "rejected"


def test_ingest_keeps_the_stored_source_metadata():
    """A source id already in the dataset keeps its stored outlet, title and date."""
    stored = source(title="Stored title")
    result = ingest(Dataset(sources=(stored,)), NEW_ARAB, source(title="Another title"))
    assert result.dataset.sources == (stored,)


def test_ingest_many_matches_reports_across_articles():
    """The same sentence in two outlets' articles is one event with two citations."""
    text = "The SDF took control of Deir az-Zour last Friday, after regime forces withdrew."
    result = ingest_many(Dataset(places=GAZETTEER), [(text, source("a")), (text, source("b"))])
    (event,) = result.dataset.events
    assert [c.source for c in event.citations] == ["a", "b"]


def test_ingest_counts_a_trimmed_quote_of_the_same_source_as_known():
    """A citation quoting part of the sentence (trimmed by a curator) is the same report, not a new one."""
    known = Event("sdf-takes-deir-ez-zor", Resolution.day(date(2024, 12, 6)), "SDF takes Deir ez-Zor",
                  place="Deir ez-Zor", citations=(Citation("newarab-2024-12-09", "last Friday",
                                                           "The SDF took control of Deir az-Zour last Friday"),))
    result = ingest(Dataset(places=GAZETTEER, events=(known,)), NEW_ARAB, source())
    assert result.dataset.event(known.id) == known and result.unchanged == 1


@pytest.mark.parametrize("text, said, value", [
    ("Security was tightened after the Sept. 11 attacks.", "Sept. 11", "2001-09-11"),
    ("The vote is on Sept. 11.", "Sept. 11", "2023-09-11"),
    ("Last Friday, talks failed.", "Last Friday", "2023-09-08"),
    ("Last Ramadan, prices of basic food items rose.", "Last Ramadan", "2023"),
    ("In the fourth quarter, net income rose.", "the fourth quarter", "2022-Q4"),
])
def test_tag_keeps_the_dates_beside_those_names(text, said, value):
    """"The Sept. 11 attacks" are those of 2001, as "9/11" is; a weekday opening a sentence and a results
    quarter are dates still."""
    assert mention(text, said, date(2023, 9, 9)).resolution.timex == value


@pytest.mark.parametrize("text, published, message", [
    ("On Friday, talks resumed.", None, "publication date"),
    ("On Friday, talks resumed.", "2024-12-09", "publication date"),
    (b"On Friday", date(2024, 12, 9), "text as a string"),
])
def test_tag_refuses_input_it_cannot_read_in_one_line(text, published, message):
    """A publication date that is not a date, or a text that is not a string, is an InputError saying which."""
    with pytest.raises(InputError, match=message) as raised:
        tag(text, published)
    assert "\n" not in str(raised.value)


def test_tag_dates_every_mention_of_a_sentence_with_no_stops():
    """A list of weekdays with no full stop (one "sentence" of 3,500 mentions) is read from a window
    around each mention, and every mention is dated (the tense of each is read near it)."""
    text = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday " * 500
    found = tag(text, PUBLISHED)
    assert len(found) == 3500 and all(m.resolution is not None for m in found)


def test_tag_dates_a_company_quarter_by_the_month_it_ended():
    """A quarter named with the month it ended ("its fiscal first quarter ended Sept. 30") covers the three
    months up to that month, and what the story says of "the quarter" and "a year earlier" after it is
    that quarter and the same one a year back, keeping the number the company gave it."""
    text = ("The airline said it earned $40 million in its fiscal first quarter ended Sept. 30. Revenue rose "
            "12 percent in the quarter. A year earlier, it lost $8 million.")
    found = {m.text: m.resolution for m in tag(text, date(2011, 10, 27)) if m.kind == "date"}
    quarter, later, earlier = found["fiscal first quarter"], found["the quarter"], found["A year earlier"]
    assert (quarter.earliest, quarter.latest, quarter.timex) == (date(2011, 7, 1), date(2011, 9, 30), "2011-Q1")
    assert (later.earliest, later.latest) == (quarter.earliest, quarter.latest)
    assert (earlier.earliest, earlier.latest, earlier.timex) == (date(2010, 7, 1), date(2010, 9, 30), "2010-Q1")


@pytest.mark.parametrize("text, published, said, value", [
    ("Rovers won the league on May 9 and lost the cup final six days later.", date(2004, 5, 20),
     "six days later", "2004-05-15"),
    ("The semifinal is on Oct. 3 and the final is scheduled for two days later.", date(2006, 9, 20),
     "two days later", "2006-10-05"),
    ("The agency issued an appeal on Tuesday covering November to January.", date(2019, 10, 24),
     "January", "2020-01"),
    ("The agency issued an appeal on Tuesday covering October to December.", date(2024, 10, 4),
     "December", "2024-12"),
    ("Prosecutors say the thefts took place between April and September 2019.", date(2021, 2, 1),
     "April", "2019-04"),
    ("The offices were shut from Dec. 27 to Jan. 2, 2022.", date(2022, 3, 1), "Dec. 27", "2021-12-27"),
    ("Shelters will not be ready for winter.", date(2024, 10, 4), "winter", "2024-WI"),
    ('Thousands marched on what activists called "Great Friday".', date(2011, 4, 22), "Friday", "2011-04-22"),
    ("Kim reached out to the South in a New Year's Day speech.", date(2018, 6, 12), "New Year's Day",
     "2018-01-01"),
    ("Four storms struck in August and September 2008.", date(2009, 6, 1), "August", "2008-08"),
    ("Construction could begin as early as May.", date(2005, 3, 10), "May", "2005-05"),
    ("Orientation will be held Aug. 21 and 22 at each school.", date(2006, 8, 10), "22", "2006-08-22"),
    ("Brent for May delivery jumped 8 percent.", date(2022, 5, 2), "May", "2022-05"),
    ("The line was built by Isambard Kingdom Brunel in the 1840s.", date(2016, 7, 1), "the 1840s", "184"),
    ("Last year, the stroll was held the day after Thanksgiving.", date(2015, 11, 1), "the day after Thanksgiving",
     "2014-11-28"),
    ("The president was shot on Nov. 22, 1963. She remembers every second of that Friday.", date(2013, 11, 20),
     "that Friday", "1963-11-22"),
    ("The first phase runs this weekend; the second is planned for the following weekend.", date(2009, 11, 25),
     "the following weekend", "2009-W49-WE"),
    ("Payrolls for February and March were revised up.", date(2010, 5, 7), "March", "2010-03"),
    ("The union called strike days over April, May and June.", date(2018, 3, 9), "May", "2018-05"),
    ("Exams in May, June and July will decide it.", date(2018, 3, 9), "May", "2018-05"),
    ("Action is planned May, June and July.", date(2018, 3, 9), "May", "2018-05"),
    ("The disaster comes seven months after earthquakes in February killed 50,000 people.", date(2023, 9, 8),
     "seven months after", "2023-09"),
    ("The bank stopped in August 2000 and resumed the policy the following year.", date(2006, 7, 14),
     "the following year", "2001"),
    ("Fighters raised their flag yesterday morning, and a ceremony was held later in the day.",
     date(2019, 3, 24), "later in the day", "2019-03-23"),
    ("The judge fixed July 4 for the trial and told the prosecution to call its first witness on that day.",
     date(2005, 7, 1), "that day", "2005-07-04"),
    ("Relief agencies fear hunger once winter sets in.", date(2021, 9, 20), "winter", "2021-WI"),
    ("The team won the cup again, 20 years after its first title in 1998.", date(2018, 7, 16),
     "20 years after", "2018"),
    ("The war entered its 11th year, a decade after protests erupted in March 2011.", date(2021, 3, 15),
     "a decade after", "2021-03"),
    ("He was shot on Dec. 8, 1980, less than a month after the band released its album on Nov. 17.",
     date(2010, 12, 8), "Nov. 17", "1980-11-17"),
])
def test_tag_reads_offsets_after_a_noun_and_ranges_by_their_other_end(text, published, said, value):
    """A count of days with "later" is an offset even after "final" or "for"; the end of a range of
    months runs on from its start; a range's start takes the year its end names; years counted "after"
    an event told with its year or month count from that; a bare season "for" which one gets ready, or
    that "sets in", is the one ahead; "that day" is the day told, even one ahead in a sentence told in
    the past."""
    assert mention(text, said, published).resolution.timex == value


def test_tag_reads_to_the_day_as_no_day_after():
    """ "Fifty years to the day after the landing" is so many years exactly: "the day after" is no date."""
    said = [m.text for m in tag("The flyby came 50 years to the day after the first landing on July 20, 1969.",
                                date(2019, 7, 20)) if m.kind == "date"]
    assert "the day after" not in said and "July 20, 1969" in said


def test_tag_dates_another_countrys_independence_day_as_that_countrys_not_july_4():
    """In a story about another country, "Independence Day" is that country's, not July 4 (the
    Philippines', June 12); in one that names the United States, or no country, it is July 4."""
    found = mention("The vice president will join the Independence Day rites in Kawit, Cavite, in the "
                    "Philippines next month.", "Independence Day", date(2019, 5, 20))
    assert found.resolution.timex == "2019-06-12" and "as PH keeps it" in found.resolution.rule
    found = mention("Stores across the United States will close early on Independence Day.", "Independence Day",
                    date(2019, 6, 20))
    assert found.resolution.timex == "2019-07-04"


def test_tag_counts_from_the_dateline_of_a_story_printed_a_day_later():
    """A wire dateline a day or three before the publication date ("NEW DELHI, March 1.") is the day the
    story tells "today" and "yesterday" from, and the rule says so; a dateline of the publication day or
    of long before changes nothing."""
    text = "NEW DELHI, March 1. The minister today rejected the demand, a day after talks failed yesterday."
    found = {m.text: m.resolution for m in tag(text, date(2001, 3, 2))}
    assert (found["today"].timex, found["yesterday"].timex) == ("2001-03-01", "2001-02-28")
    assert "the dateline" in found["March 1"].rule
    assert mention(text, "today", date(2001, 3, 1)).resolution.timex == "2001-03-01"
    assert mention(text, "today", date(2001, 3, 20)).resolution.timex == "2001-03-20"


def test_tag_counts_from_a_dateline_of_a_named_place_with_the_agencys_mark():
    """ "New Delhi, Apr 14 (PTI)", as the South Asian wires write a dateline, is one as much as "NEW DELHI,
    March 1."; a sentence opening "On Tuesday, May 13 (local time)" is none."""
    text = "Mumbai, Apr 14 (IANS) The state today extended the curfew and said trains resume tomorrow."
    found = {m.text: m.resolution for m in tag(text, date(2020, 4, 15))}
    assert (found["today"].timex, found["tomorrow"].timex) == ("2020-04-14", "2020-04-15")
    text = "On Tuesday, May 13 (local time) the council met, and it meets again today."
    assert mention(text, "today", date(2025, 5, 14)).resolution.timex == "2025-05-14"


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=list("ab Z9_.,-\n\u00e9\u2019'\""), max_size=40), st.integers(min_value=0, max_value=40))
def test_the_word_before_a_mention_is_read_as_its_pattern_reads_it(text, start):
    """The word before an offset, read character by character for speed, is the one the pattern
    `([\\w'’]+)\\W*$` finds in the 24 characters before it, with the same start."""
    from timeline.extract import _PREVIOUS_WORD, _word_before
    start = min(start, len(text))
    found = _PREVIOUS_WORD.search(text, max(0, start - 24), start)
    assert _word_before(text, start) == ((found.start(1), found.group(1)) if found else None)


def test_tag_reads_that_quarter_as_the_companys_quarter_told_not_the_calendars():
    """ "The second quarter ended Oct. 31 ... results for that quarter": a company's quarter told with
    the day it ended is what "that quarter" refers to, not the calendar quarter of that day; and a
    quarter that "ended Oct. 31" in a report of Oct. 27 is last year's, over for most of a year."""
    text = ("In the comparable year-ago quarter, the second quarter ended Oct. 31, the chain lost $12 million. "
            "Results for that quarter included a write-down.")
    found = {m.text: m.resolution for m in tag(text, date(1995, 10, 27))}
    assert found["the second quarter"].timex == "1994-Q2"
    assert (found["the second quarter"].earliest, found["the second quarter"].latest) == (
        date(1994, 8, 1), date(1994, 10, 31))
    assert found["Oct. 31"].timex == "1994-10-31"
    assert found["that quarter"].timex == "1994-Q2"


def test_tag_counts_the_next_morning_from_a_look_back_that_names_its_own_date():
    """ "The day before last Tuesday's hearing" is a date told, not a look back from the story's time: "the
    next morning" after it is the Tuesday itself."""
    text = ("The day before last Tuesday's hearing, the uncle went to the house. He was released and "
            "appeared in court the next morning.")
    found = {m.text: m.resolution for m in tag(text, date(2000, 2, 24))}
    assert found["The day before last Tuesday"].timex == "2000-02-21"
    assert found["the next morning"].timex == "2000-02-22"


@pytest.mark.parametrize("text, published, said, value", [
    ("She was arrested in May 1944 but escaped from a prison train on June 6, as the landings began.",
     date(2001, 7, 14), "June 6", "1944-06-06"),
    ("He went back in the spring of 1945 and was in Hamburg when the war ended on May 8.",
     date(2004, 6, 4), "May 8", "1945-05-08"),
    # Not news a few years old: a sentence runs on from it to the present.
    ("The worst fighting came in April 2016, and border clashes in July killed 16 soldiers.",
     date(2020, 9, 28), "July", "2020-07"),
    # Nor a bare year, which tells of one thing, not of a time the sentence goes on in.
    ("Founded in 1968, the firm said on March 3 that it had been sold.", date(2001, 3, 20), "March 3",
     "2001-03-03"),
])
def test_tag_keeps_a_sentence_telling_history_in_its_year(text, published, said, value):
    """A yearless day or month told in the past after a month or day of a year a decade or more back, in
    the same sentence, is in that year; not after a recent one, nor after a bare year."""
    assert mention(text, said, published).resolution.edtf == value


def test_tag_leaves_a_war_named_after_a_feast_undated():
    """ "The Yom Kippur war" is a war's name, not the feast's day; the feast alone is dated."""
    assert [m.text for m in tag("The Yom Kippur war of 1973 changed the region.", date(1998, 10, 1))] == ["1973"]
    assert mention("Offices will close for Yom Kippur next week.", "Yom Kippur", date(2019, 10, 1)).resolution.edtf == (
        "2019-10-09")


def test_tag_counts_from_the_date_an_offsets_own_clause_names_before_an_earlier_event():
    """ "20 years after its first title in 1998" counts from 1998, the clause's own date, not from the day
    an earlier sentence told a "title" on ("won his fourth title on Sunday")."""
    text = ("Djokovic won his fourth Wimbledon title on Sunday. France won the World Cup for the second time, "
            "20 years after its first title in 1998.")
    assert mention(text, "20 years after", date(2018, 7, 16)).resolution.timex == "2018"


@pytest.mark.parametrize("text", [
    "If I were choosing the people of tomorrow, I would have chosen the people now on the board.",
    "The case is for today's youth what the blockade was for earlier generations.",
    "Mothers in today's world can prove paternity easily.",
])
def test_tag_leaves_today_and_tomorrow_as_an_age_undated(text):
    """ "The people of tomorrow", "today's youth", "today's world" name an age, not a day: no mention."""
    assert not [m for m in tag(text, date(2000, 1, 7)) if m.text.lower() in ("today", "tomorrow")]


@pytest.mark.parametrize("text, said, value", [
    ("The results of today's vote will be known tonight.", "today", "2000-01-07"),
    ("He will speak on the morning of tomorrow.", "tomorrow", "2000-01-08"),
])
def test_tag_dates_today_and_tomorrow_owned_by_an_event(text, said, value):
    """ "Of today's vote" and "the morning of tomorrow" are days."""
    assert mention(text, said, date(2000, 1, 7)).resolution.edtf == value


def test_tag_counts_a_move_forward_told_in_the_past_from_no_date_on_the_publication_day():
    """ "Was handed to the FBI the following week", told after a ceremony "Friday" (the publication day),
    counts from the day the story told before it, fifty years back: in the past it cannot land after
    the report."""
    text = ("Fifty years ago today, she stood in the plaza and filmed the motorcade. She will attend a ceremony "
            "in the plaza Friday. Her film was handed to the FBI the following week.")
    assert mention(text, "the following week", date(2013, 11, 22)).resolution.timex == "1963-W48"


@pytest.mark.parametrize("text, published, said, value", [
    ("Fewer cars have used the bridge since it opened last Wednesday, figures released on Tuesday showed. "
     "It was inaugurated by the president the day before.", date(2018, 10, 30), "the day before", "2018-10-23"),
    ("Journey times will fall when the timetable takes effect on Dec. 12, the railway said on Friday. "
     "Fares will rise by 3.4 percent from the same day.", date(2004, 10, 22), "the same day", "2004-12-12"),
    # The telling day does count when no day of an event came before it in its sentence.
    ("The monsoon will set in by the end of the month, the centre said on Thursday. Heavy rain had lashed "
     "the city the previous day.", date(2022, 10, 22), "the previous day", "2022-10-19"),
])
def test_tag_counts_offsets_from_the_event_not_the_day_it_was_told(text, published, said, value):
    """A day a source told of an event on, after the event's own day in the same sentence ("since it
    opened last Wednesday, figures released on Tuesday showed"), is not what the next offset counts from."""
    assert mention(text, said, published).resolution.edtf == value


@pytest.mark.parametrize("text, published, said, value", [
    ("Hotel managers said bookings for May were down.", date(2011, 4, 24), "May", "2011-05"),
    ("A pre-trial conference is set for Friday, and a second one for May.", date(2018, 2, 13), "May", "2018-05"),
    ("Minutes of the Bank of England's March policy meeting showed a split.", date(2013, 3, 20), "March",
     "2013-03"),
])
def test_tag_dates_a_bare_month_after_for_or_owning_an_event(text, published, said, value):
    """ "For May" and "the Bank's March policy meeting" are months, as "in May" is."""
    assert mention(text, said, published).resolution.edtf == value


def test_tag_leaves_may_the_name_undated_after_for():
    """ "Support for May's deal" is the prime minister's, no month."""
    assert not tag("Support for May's Brexit deal slipped.", date(2019, 1, 10))


def test_tag_reads_a_weekday_or_days_of_ramadan_as_one_expression():
    """ "The last Friday of Ramadan" and "the last ten days of Ramadan" are one date each, not "last
    Friday" and a month, nor a length of ten days reaching back."""
    text = ("Worshippers will fill the mosque on the last Friday of Ramadan. Many pray through the night in "
            "the last ten days of Ramadan.")
    found = {m.text: m.resolution for m in tag(text, date(2018, 6, 6))}
    assert found["the last Friday of Ramadan"].edtf == "2018-06-08"
    assert (found["the last ten days of Ramadan"].earliest, found["the last ten days of Ramadan"].latest) == (
        date(2018, 6, 5), date(2018, 6, 14))


@pytest.mark.parametrize("text, value", [
    ("TORONTO (CP) - A ministry spokesman said the bill will be introduced after Thanksgiving.", "2004-10-11"),
    ("NEW YORK (AP) - Retailers expect strong sales after Thanksgiving, when Toronto fans visit.", "2004-11-25"),
])
def test_tag_dates_thanksgiving_by_the_country_of_the_dateline(text, value):
    """A story filed from a Canadian place keeps Canada's Thanksgiving (the second Monday of October);
    elsewhere it is the US one (the fourth Thursday of November)."""
    assert mention(text, "Thanksgiving", date(2004, 10, 5)).resolution.edtf == value


@pytest.mark.parametrize("text, said, value", [
    ("Temperatures will rise by 1.8 to 4.0 C by 2100, the panel said.", "2100", "2100"),
    ("The next total eclipse there won't come until 2144.", "2144", "2144"),
])
def test_tag_dates_a_year_of_the_next_century_after_a_preposition(text, said, value):
    """ "By 2100", "until 2144": a year of the next century where a preposition makes it one."""
    assert mention(text, said, date(2007, 2, 2)).resolution.edtf == value


def test_tag_leaves_a_number_of_the_next_century_alone():
    """ "Employs 2150 workers", "in 2150 people": counts, no year."""
    assert not tag("The plant employs 2150 workers, and in 2150 people were evacuated.", date(2007, 2, 2))


def test_tag_dates_a_feast_after_a_when_no_noun_follows():
    """ "After a Thanksgiving that many spent apart" is the feast; "an Easter tradition" names a kind of
    thing and is no date."""
    assert mention("Shoppers returned after a Thanksgiving that many spent apart.", "Thanksgiving",
                   date(2020, 11, 27)).resolution.edtf == "2020-11-26"
    assert not tag("It is an Easter tradition.", date(2020, 11, 27))


@pytest.mark.parametrize("text, said", [
    ("Castro's statement came less than an hour after the lawyer spoke.", "less than an hour after"),
    ("Slepian was declared dead just over an hour later.", "just over an hour later"),
])
def test_tag_gives_an_offset_in_hours_from_an_event_as_a_time(text, said):
    """ "Less than an hour after the lawyer spoke" is a time told from an event, not a calendar date."""
    found = {m.text.lower(): m for m in tag(text, date(2000, 4, 5))}
    assert found[said].kind == "time"


def test_tag_keeps_hours_ago_a_date():
    """ "Two hours ago" is told from now: today's date."""
    assert mention("The blast happened two hours ago.", "two hours ago", date(2013, 6, 20)).kind == "date"


def test_tag_compares_a_half_with_the_same_half_a_year_back():
    """ "Sales of $1.1 billion in the first half, up 9 percent from a year earlier": the first half of the
    year before, as "a year earlier" than a quarter is that quarter."""
    text = "The company reported sales of $1.1 billion in the first half, up 9 percent from a year earlier."
    assert mention(text, "a year earlier", date(2004, 10, 6)).resolution.timex == "2003-H1"


def test_tag_counts_from_the_main_clause_not_a_date_in_a_relative_clause():
    """ "Protests erupted on Friday over a fare increase that took effect on Oct. 6, and a state of
    emergency was declared the next day": the day after Friday, not after Oct. 6."""
    text = ("Protests erupted on Friday over a subway fare increase that took effect on Oct. 6, and the "
            "president declared a state of emergency the next day.")
    assert mention(text, "the next day", date(2019, 10, 23)).resolution.edtf == "2019-10-19"


def test_tag_dates_that_weekend_by_the_day_told_before():
    """ "Over Thanksgiving, and advance polls that weekend": the long weekend before the Monday holiday."""
    text = "OTTAWA (CP) - Volunteers kept knocking on doors over Thanksgiving, and advance polls that weekend drew a record."
    assert mention(text, "that weekend", date(2015, 10, 20)).resolution.timex == "2015-W41-WE"


def test_tag_dates_the_august_bank_holiday_of_a_story_filed_from_ireland_as_irelands():
    """Ireland's August bank holiday is the first Monday of August, the UK's the last."""
    assert mention("DUBLIN (Reuters) - The plan was drawn up over the August bank holiday.", "August bank holiday",
                   date(2008, 10, 15)).resolution.edtf == "2008-08-04"
    assert mention("LONDON (Reuters) - The plan was drawn up over the August bank holiday.", "August bank holiday",
                   date(2008, 10, 15)).resolution.edtf == "2008-08-25"


def test_tag_leaves_an_offset_that_recurs_each_year_undated():
    """ "The hajj moves about 11 days earlier each year" tells a rate, not a date ("each year" is a set)."""
    assert [m.kind for m in tag("The hajj moves about 11 days earlier each year.", date(2023, 6, 26))] == ["set"]


@pytest.mark.parametrize("text, said, value", [
    ("A flotilla will sail down the Thames on Sunday 3 June, organisers said on Friday. A concert will be "
     "held on the Monday evening.", "Monday evening", "2012-06-04"),
    ("Buses will be diverted on Sunday 3 June. The Saturday market will go ahead as normal.", "Saturday", None),
])
def test_tag_reads_the_weekday_after_the_day_the_story_told(text, said, value):
    """ "On the Monday evening" after "Sunday 3 June" is that Monday, as British English writes it; "the
    Saturday market" is a kind of market, left as a weekday's nearest reading."""
    found = {m.text: m.resolution for m in tag(text, date(2012, 5, 25))}
    if value is None:
        assert "on or after the day the story told" not in (found[said].rule if found.get(said) else "")
    else:
        assert found[said].edtf == value


def test_tag_reads_a_festival_in_lower_case_as_no_feast():
    """ "The Spring Festival" is the Lunar New Year and "the Mid-Autumn Festival" the 15th of the eighth
    month; "the spring festival of the city theatre", in lower case, is a festival held in spring, and "in
    mid-autumn" a part of the season."""
    text = "Factories close for the Spring Festival. The spring festival of the city theatre opens in mid-autumn."
    found = {m.text: m.resolution.timex for m in tag(text, date(2019, 1, 30))}
    assert found["Spring Festival"] == "2019-02-05"
    assert "spring festival" not in found and found["mid-autumn"] == "2019-FA"
    assert mention("Families gathered for the Mid-Autumn Festival.", "Mid-Autumn Festival",
                   date(2019, 9, 20)).resolution.timex == "2019-09-13"


@pytest.mark.parametrize("text, said, value", [
    ("DOHA (Reuters) - Qatar celebrated National Day on Wednesday with a parade.", "National Day", "2019-12-18"),
    ("Crowds gathered on the Corniche for Qatar's National Day on Wednesday.", "National Day", "2019-12-18"),
    ("NEW DELHI (AP) - The prime minister spoke from the Red Fort on Independence Day.", "Independence Day",
     "2019-08-15"),
    ("Fireworks lit up Washington on Independence Day.", "Independence Day", "2019-07-04"),
    ("Leicester's shops were busy before Diwali.", "Diwali", "2019-10-27"),
])
def test_tag_dates_a_day_each_country_keeps_by_the_story_or_the_country_named(text, said, value):
    """A National Day or an Independence Day is the country's the words name before it ("Qatar's"), else the
    story's (its dateline, or the one country it names); India's festivals are on India's dates."""
    assert mention(text, said, date(2019, 12, 19)).resolution.timex == value
    assert mention("Damascus marked Syria's Independence Day on Wednesday.", "Independence Day",
                   date(2019, 4, 20)).resolution.timex == "2019-04-17"


def test_tag_leaves_a_national_day_in_lower_case_or_of_no_one_country_alone():
    """ "A national day of mourning" and "the Catalan national day" name no holiday; an Independence Day in a
    story of two countries other than the US is no day rather than a wrong one."""
    text = "Belgium declared a national day of mourning. Marchers filled Barcelona on the Catalan national day."
    assert [m.text for m in tag(text, date(2017, 10, 2))] == []
    text = "Filipinos marked Independence Day on Friday while talks between Manila and Beijing stalled."
    assert [m.text for m in tag(text, date(2015, 6, 13))] == ["Friday"]
    assert [m.text for m in tag("Algiers celebrated the Algerian Independence Day.", date(2019, 7, 6))] == []


def test_tag_reads_the_financial_year_as_the_fiscal_year():
    """ "The current financial year", "the last financial year", "financial year 2015": years of accounts,
    as British, Indian and Australian news name them, one span each (not "current" alone)."""
    text = ("The deficit for the current financial year will overshoot; the last financial year was worse, "
            "and financial year 2015 ends in March.")
    found = {m.text: m.resolution.timex for m in tag(text, date(2014, 7, 11))}
    assert found["the current financial year"] == "2014" and found["the last financial year"] == "2013"
    assert found["financial year 2015"] == "2015" and "current" not in found


def test_tag_reads_the_storys_country_from_its_text_when_the_dateline_is_a_small_place():
    """ "KASPIISK, Russia, May 10 (AFP)": a place too small for the gazetteer, so the country the story names
    tells whose Victory Day it is; an Independence Day in a story that names the United States is July 4."""
    text = "KASPIISK, Russia, May 10 (AFP) - Investigators hunted the organisers of a bomb attack on a Victory Day parade."
    assert mention(text, "Victory Day", date(2002, 5, 10)).resolution.timex == "2002-05-09"
    text = "GENEVA - Physicists in Switzerland said some American scientists noted the find came on Independence Day."
    assert mention(text, "Independence Day", date(2012, 7, 5)).resolution.timex == "2012-07-04"


def test_tag_reads_a_bare_year_before_a_rate_as_a_year():
    """ "Its growth forecast for 2019 to 0.6%": a year, then a rate; "1500 to 200" stays a count's range."""
    found = [m.text for m in tag("The bank lowered its growth forecast for 2019 to 0.6% from 1.0%.", date(2019, 7, 25))]
    assert found == ["2019"]
    assert [m.text for m in tag("Attendance fell from 1500 to 200.", date(2019, 7, 25))] == []
    assert [m.text for m in tag("Striker Ibrahim Sallah scored twice.", date(2010, 9, 11))] == []


def test_tag_reads_new_year_capitalised_as_january_1_and_the_new_year_as_the_year():
    """ "Over Christmas and New Year" is January 1; "in the new year" (or "the New Year") is the year to
    come; "his last new year message", in lower case, names no date."""
    found = {m.text: m.resolution.timex for m in tag(
        "The strike will run over Christmas and New Year. Talks resume in the new year.", date(2013, 12, 18))}
    assert found == {"Christmas": "2013-12-25", "New Year": "2014-01-01", "the new year": "2014"}
    assert [m.text for m in tag("He used his last new year message to praise the army.", date(2013, 3, 21))] == []


def test_tag_reads_a_half_in_a_sentence_of_prices_and_shares():
    """ "The first half" is a date in a sentence of figures: a price, a share in percent ("took 52
    percent of ticket sales in the first half"), as in one of earnings; not "the first half" of a match."""
    found = {m.text: m.resolution.timex for m in tag(
        "Local films took 52 percent of ticket sales in the first half.", date(2015, 10, 2))}
    assert found == {"the first half": "2015-H1"}
    assert [m.text for m in tag("He scored twice in the first half.", date(2015, 10, 2))] == []


def test_tag_dates_a_month_in_the_year_its_sentence_looks_ahead_to():
    """ "Will host APEC next year, with leaders meeting in Santiago in November" is next year's November;
    "will begin planning next year's event in September" is this September (the year names the event)."""
    text = "Chile will host APEC next year, with leaders meeting in Santiago in November."
    assert mention(text, "November", date(2018, 11, 19)).resolution.timex == "2019-11"
    text = "The parade committee will begin planning next year's event in September."
    assert mention(text, "September", date(2013, 7, 1)).resolution.timex == "2013-09"


def test_tag_leaves_another_countrys_election_day_undated():
    """ "Election Day" is the US's, the Tuesday after the first Monday of November; "on election day" in a
    story about Mexico is not, and is left undated rather than dated wrong."""
    text = "Mexicans vote on Sunday, and on election day the army will guard polling stations in Mexico City."
    assert [m.text for m in tag(text, date(2000, 6, 30))] == ["Sunday"]
    text = "Voters in Ohio will head to the polls on Election Day."
    assert mention(text, "Election Day", date(2016, 11, 5)).resolution.timex == "2016-11-08"


def test_tag_reads_may_before_a_name_as_a_name():
    """ "Theresa May, June Smith and others spoke": names, not a list of months."""
    assert [m.text for m in tag("Theresa May, June Smith and others spoke.", date(2018, 3, 9))] == []
