"""The machinery of resolving: the language's rules compiled against their handlers, the words
normalised, the rules tried in order and the fallback last; and the tense reader that sets direction.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache, cached_property, lru_cache
from datetime import date, datetime
from typing import Callable, Iterator

from ..dates import Resolution
from ..errors import UnresolvedDate
from ..patterns import ByFirstCharacter, Lazy
from . import en
from .fallback import fallback
from .rules import HANDLERS, Handler

# Longer inputs are sentences, not date expressions; refusing them early keeps the fallback fast.
_MAX_LENGTH = 200

# -- reading the sentence: which way does it look? ---------------------------------------------------

# Read in lower case (a case-blind pattern is several times slower); an infinitive's verb is then checked
# against the sentence as written, so that a name ("agreed to Cuba's terms") is no verb.
# A cue, and a past verb, opens on a word's first letter or on an apostrophe after a word ("'ll"): the
# patterns of them are tried only there, each cut to the words that begin with that character (see
# ByFirstCharacter), not at every character.
_WORD_STARTS = r"\b[\w'’]"
_CUES = ByFirstCharacter(
    rf"\b(?:(?P<firm>{en.FIRM_FUTURE_CUE})|(?P<until>{en.UP_TO})|(?P<future>{en.FUTURE_CUE})|(?P<plan>{en.PLAN_CUE})"
    rf"|(?P<open>{en.INFINITIVE})|(?P<would>{en.WOULD_CUE})|(?P<past>{en.PAST_CUE}))\b", starts=_WORD_STARTS)
_NOT_PAST = frozenset(en.NOT_PAST)
# A determiner, then the first part of a hyphenated word, up to its hyphen: "the worst-", "a long-".
_DETERMINED_COMPOUND = Lazy(rf"\b(?:{en.DETERMINERS})\s+[a-z]+-$")
_DATE_WORD_CUES = ("next", "tomorrow", "upcoming", "forthcoming")
_GOVERNED_BY_PAST = ByFirstCharacter(en.GOVERNED_BY_PAST % (en.PAST_CUE, en.PAST_CUE), starts=_WORD_STARTS)
_GOVERNED_AT_A_DISTANCE = ByFirstCharacter(en.GOVERNED_AT_A_DISTANCE % en.PAST_CUE, starts=_WORD_STARTS)
# A reporting verb, then the subject of the reported clause up to the date ("said the recovery in"), and
# that clause's verb right after the date's phrase ("will be").
_REPORTED_SUBJECT = Lazy(r"\b(?:said|says|told|added|noted|predicted|warned|forecast)\s+(?:that\s+)?"
                         r"(?:the|its|their|a|an)\s+[a-z-]+(?:\s+[a-z-]+)?\s+(?:in|for|during|of)\s+$")
# ... or a clause opening on such a subject after a quotation mark, "but" or "and" ('said an economist,
# "but the recovery in the second half will be sluggish."').
_CLAUSE_SUBJECT = Lazy(r"(?:[\"“]\s*(?:but\s+|and\s+)?|\bbut\s+|\band\s+)(?:the|its|their)\s+[a-z-]+(?:\s+[a-z-]+)?"
                       r"\s+(?:in|for|during|of)\s+$")
_FUTURE_RIGHT_AFTER = Lazy(r"\s+(?:will|would|should|could|may|might|is expected to|are expected to|is likely to)\b")
_DECLARING = ("declared ", "proclaimed ", "designated ", "named ", "made ", "declares ", "proclaims ")
_HAD_DECLARING = tuple(f"had {word}" for word in _DECLARING)
_MADE_SOMETHING = Lazy(r"\s+(?:and\s+\w+\s+)?(?:a|an|as|the|public|national|official)\s")
_CONDITION_BEFORE = Lazy(r"\b(?:if|unless|once)\s+$")
_CONDITIONS = ("if ", "unless ", "once ")
_STATE_VERBS = (" remain ", " remains ", " stay ", " stays ", " will be ", " to be ")
# ... not "that": "the quarter that ended in March" is a relative clause, its verb past.
_ADJECTIVE_BEFORE = Lazy(rf"\b(?:{en.DETERMINERS.replace('|that|', '|')})\s+(?:\w+ly\s+|still\s+|yet\s+)?$")
_OPENING = Lazy(en.OPENING)
_NOUN_BEFORE = Lazy(en.NOUN_BEFORE)
_UNTIL_IN_THE_PAST = Lazy(en.UNTIL_IN_THE_PAST)
_DETERMINER_NEAR = Lazy(rf"\b(?:{en.DETERMINERS})\s+(?:[a-z-]+\s+)?$")
# "Through" after a past verb is the verb's time: "the festival ran through Sunday".
_THROUGH = Lazy(r"\b(?:through|thru)\s+$")
_PAST_PLAN = Lazy(r"\b(?:(?:was|were|had been) (?:due|set|scheduled|slated|expected|poised|about|planned)"
                  r"|(?:vowed|promised|pledged|swore|threatened) to)\b")
_HEADLINE_TO = Lazy(r"\b[A-Z][\w'’-]* [Tt]o [A-Z][a-z]+ ")
_LONG_WORD = Lazy(r"\b[A-Za-z][a-z'’]{3,}")


# The present perfect ("has warned", "have scheduled"): its participle, perhaps after an adverb.
_PERFECT_AUXILIARIES = frozenset({"has", "have", "'ve"})
_PARTICIPLE_AFTER = Lazy(
    r"(?:\s+(?:already|also|now|just|repeatedly|long|not|never|yet|still|recently|previously|twice|once))*"
    rf"\s+(?!(?:was|were|did|has|have|ago|yesterday|last)\b)(?P<participle>{en.PAST_CUE})\b")
# A participle after a comma that a "by" follows is a clause on a noun ("the truce, proposed by the envoy,
# is meant to run from Friday"), not the sentence's verb.
_BY_AFTER = Lazy(r" by\b")
_POSSESSIVE_BEFORE = Lazy(r"\b(?:a|an|the|its|their|his|her|our|my|your)\s+$")
# What an infinitive "to be ..." arranges for a date ("to be discussed Monday", "to be sentenced in May").
_ARRANGED = frozenset(
    "held discussed debated voted signed released published announced unveiled launched opened completed "
    "decided considered heard tried sentenced inaugurated sworn buried reviewed presented delivered".split())
_COMMODITIES = (r"crude|oil|brent|wti|gas|gasoline|diesel|heating oil|natural gas|wheat|corn|soybeans?|soyoil|sugar"
                r"|coffee|cocoa|cotton|gold|silver|copper|aluminium|aluminum|nickel|cattle|hogs")
_CONTRACT_AFTER = Lazy(rf"\s+(?:delivery|contracts?|futures|(?:{_COMMODITIES})(?:\s+futures)?)\b")
_CONTRACT_BEFORE = Lazy(rf"\b(?:{_COMMODITIES})\s+(?:futures\s+)?for\s+$")
_COMES_AFTER = Lazy(r"\s+(?:approaches|nears|looms|sets in|draws (?:near|closer)|is (?:coming|approaching|near))\b")
_CLOSED_AS_ADJECTIVE = Lazy(r"(?:-door\b|\s+(?:door|consultations|session|sessions|meeting|meetings|talks"
                            r"|hearing|hearings|briefing|briefings)\b)")
_NUMBER_WORDS = frozenset("one two three four five six seven eight nine ten".split())
_AUXILIARY_AFTER = Lazy(r" (?:were|was|are|is|have|has|had)\b")
_PLAN_WORDS = frozenset({"planned", "scheduled", "expected", "slated"})
_NEGATION_BEFORE = Lazy(r"\b(?:not|never|neither|nor|no one|nobody|nothing)\b|n't\b")


def title_case(text: str, start: int = 0, end: int | None = None) -> bool:
    """True when text[start:end] is in a headline's title case: most of its longer words capitalised."""
    words = _LONG_WORD.findall(text, start, len(text) if end is None else end)
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


@cache
def _ending_here(pattern: str) -> re.Pattern:
    return re.compile(f"(?:{pattern})$")


@cache
def _starting_here(pattern: str) -> re.Pattern:
    return re.compile(pattern)


# What opens a clause whose subject may be a date ("said that Monday would be a holiday", "had not been
# sighted, so Wednesday would be the 30th day of Ramadan").
_CLAUSE_OPENERS = ("that ", "so ", "and ", "but ", "while ", "because ", ", ", "; ")
_WOULD_AFTER = Lazy(r"\s+(?:would|will)\b(?! have\b)")
_AFTER_A_PAST_VERB = ByFirstCharacter(en.AFTER_A_PAST_VERB % en.PAST_CUE, starts=_WORD_STARTS)
# A count before a verb in -s makes it a noun, an adjective between or not: "won 370 electoral votes";
# not a year, which is the verb's subject ("fiscal 2015 begins Oct. 1").
# Not across a plural: in "a series between the two sides starts on Thursday" the count is the plural's.
_COUNT_BEFORE = Lazy(r"\b(?:(?!(?:1[5-9]|20)\d\d\b)\d[\d,.]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds)"
                     r"\s+(?:(?![a-z-]*[^s'\s]s\s)[a-z-]+\s+)?$")
_UNTIL_FIRST = Lazy(rf"\W*(?:{en.UP_TO})\b", re.IGNORECASE)


def _iter_cues(text: str, start: int = 0, end: int | None = None, verbs_only: bool = False) -> Iterator[str]:
    """The cues of text[start:end] in order, one by one (a reader that needs one stops there). `verbs_only` reads them as the verbs of a date before them:
    the date words among them ("next year", "tomorrow") are left out, as they tell of their own date,
    and a past verb before an infinitive ("continued to call") is the past verb it is."""
    lowered = text.lower()
    same_offsets = len(lowered) == len(text)
    last = None  # the cue given before this one
    future_end = -1  # where the last future cue given ended
    end = len(text) if end is None else end
    while m := _CUES.search(lowered, start, end):
        start, kind = m.end(), m.lastgroup
        if verbs_only and m.group().startswith(_DATE_WORD_CUES):
            continue
        if kind == "past" and m.group().endswith("ed") and same_offsets and m.start() and text[m.start()].isupper() and (
                text[:m.start()].rstrip()[-1:] not in ".!?:\"“'‘(" and not title_case(text)):
            continue  # "the Prophet Mohammed's birthday", "Ahmed": a name mid-sentence, no verb
        if kind == "past" and m.group().endswith("ed") and m.start() == future_end + 1:
            continue  # "plans to let vaccinated tourists back in": an adjective of the verb's object
        if kind == "past" and (m.group() in _NOT_PAST or m.group().endswith("ed") and _ADJECTIVE_BEFORE.search(
                lowered, max(0, m.start() - 30), m.start())):
            continue  # not a past verb: "hundred", or an adjective ("a still unspecified date"); "that began" is one
        if (kind == "future" and same_offsets and text[m.start()].isupper() and m.start()
                and text[:m.start()].rstrip()[-1:] not in ".!?:" and not title_case(text)):
            # "Said on NBC's 'Meet the Press' Sunday": a capital mid-sentence names a title, not a verb,
            # unless the whole line is a headline's title case ("Talks Resume Monday"). The words after
            # the name are read again ("Judge Helen Marks set the trial for May 15").
            start = m.start() + len(m.group().split(" ", 1)[0])
            continue
        if kind == "past" and m.group() == "closed" and _CLOSED_AS_ADJECTIVE.match(lowered, m.end()):
            continue  # "will hold closed-door consultations on Tuesday": an adjective, no past verb
        if kind == "past" and _POSSESSIVE_BEFORE.search(lowered, max(0, m.start() - 8), m.start()):
            continue  # "surgery on his left knee", "a broken arm": after an article or a possessive, no verb
        if kind == "past" and m.group() in _PERFECT_AUXILIARIES and (
                perfect := _PARTICIPLE_AFTER.match(lowered, m.end(), end)) is not None:
            # The present perfect tells of now ("has warned that ...", "has promised a year of ..."): it
            # can name no past day of its own, so it leaves the date to the words around it (see _cue).
            # A plan's participle is the plan ("has scheduled a hearing for Monday").
            participle = _CUES.match(lowered, perfect.start("participle"), end)
            if participle is None or participle.lastgroup == "past":
                last = "perfect"
                yield last
                start = perfect.end()
            continue
        if (kind == "past" and m.group().endswith("ed") and lowered.endswith(", ", 0, m.start())
                and _BY_AFTER.match(lowered, m.end()) and "," in lowered[m.end():end]):
            # "The truce, proposed by the envoy, is meant to run from Friday": a clause on a noun, closed
            # before the date; within it ("approved by both boards over the weekend") it tells the date.
            continue
        if kind == "plan" and m.group() in _PLAN_WORDS and last == "past" and _ADJECTIVE_BEFORE.search(
                lowered, max(0, m.start() - 30), m.start()):
            continue  # "shelved a planned reboot in February": an adjective, after the verb that tells the date
        if kind == "past" and lowered.endswith(_CONDITIONS, 0, m.start()) and _CONDITION_BEFORE.search(
                lowered, max(0, m.start() - 8), m.start()):
            continue  # "if elected in November": a condition, not a past event
        if kind == "past" and lowered.endswith(" to be ", 0, m.start()) and m.group() in _ARRANGED:
            last = "plan"  # "a motion to be discussed Monday": what is arranged for the date
            yield last
            continue
        if kind == "past" and lowered.endswith(_STATE_VERBS, 0, m.start()):
            continue  # "will close early and remain shut on Wednesday": a state the verb before it keeps
        if kind == "future" and m.group().startswith("could") and _NEGATION_BEFORE.search(lowered, 0, m.start()):
            continue  # "Neither he nor his family could be located Wednesday": a past inability
        noun = m.group().split(" ", 1)[0]
        if kind == "future" and (noun.endswith("s") or noun in en.SCHEDULE_NOUNS) and _AUXILIARY_AFTER.match(
                lowered, m.start() + len(noun)):
            start = m.start() + len(noun)  # "special votes were cast", "whose face was": a verb's subject, a noun
            continue
        if kind == "future" and noun in ("plan", "plans") and _DETERMINER_NEAR.search(
                lowered, max(0, m.start() - 30), m.start()):
            last = "open"  # "presented his plan to freeze the fighting in November": an intent, a noun's
            yield last
            continue
        if kind == "future" and noun in ("forecast", "forecasts", "predicts") and _DETERMINER_NEAR.search(
                lowered, max(0, m.start() - 40), m.start()):
            continue  # "cut its growth forecast": a noun
        if kind == "future" and (noun in en.SCHEDULE_NOUNS and (
                (before_noun := _NOUN_BEFORE.search(lowered, max(0, m.start() - 30), m.start()))
                # "Ministers of the Group of Seven meet on Friday": a capitalised number is a name's.
                and not (same_offsets and before_noun.start() and text[before_noun.start()].isupper()
                         and before_noun.group().strip() in _NUMBER_WORDS)
                # "The fiscal year that begins April 1": "that" before a verb in -s is a relative pronoun.
                and not (noun.endswith("s") and lowered.endswith(("that ", "which "), 0, m.start()))
                or noun.endswith("s") and _COUNT_BEFORE.search(lowered, max(0, m.start() - 30), m.start()))
                or noun in en.BARE_SCHEDULE and _AFTER_A_PAST_VERB.search(lowered, max(0, m.start() - 40), m.start())):
            start = m.start() + len(noun)  # the words after the noun may hold the verb ("the vote is on")
            continue  # a noun, not a schedule: "by eight votes", "the close of trading"; or "threw open"
        if kind == "past" and m.start() and lowered[m.start() - 1] == "-" and _DETERMINED_COMPOUND.search(
                lowered, max(0, m.start() - 30), m.start()):
            continue  # "the worst-hit areas", "a long-awaited report": an adjective ("Iran test-fired" is a verb)
        if (kind == "past" and m.group() == "followed" and lowered[max(0, m.start() - 2):m.start()] == ", "
                and lowered.startswith(" by ", m.end())):
            continue  # ", followed by ... on Thursday": a participle of what comes next
        if kind == "open" and verbs_only and m.group().split(" ", 1)[0].endswith("ed"):
            last = "past"
            yield last
            continue
        if kind == "open" and same_offsets and not text[m.start() + m.group().rfind(" ") + 1].islower():
            # no infinitive after all: what is left is the verb before "to", if it is a past one
            if m.group().split(" ", 1)[0].endswith("ed"):
                last = "past"
                yield last
            continue
        last = kind
        if kind in ("firm", "future"):
            future_end = m.end()
        yield last


def _cues(text: str, start: int = 0, end: int | None = None, verbs_only: bool = False) -> list[str]:
    """The cues of text[start:end] in order (see _iter_cues)."""
    return list(_iter_cues(text, start, end, verbs_only))


# What a cue says of a date after it, and of a date before it: a plan's words point ahead to the date
# they govern, but a date before them is when the planning happened; an infinitive leaves it open.
_BEFORE = {"firm": "firm", "future": "future", "would": "would", "plan": "plan", "open": "open", "past": "past",
           "until": "future", "perfect": "past"}
# "Would" after a date is a report's future in the past ("on Monday, saying a vote would be held"):
# it says nothing of the date, so the cue after it decides.
_AFTER = {"firm": "firm", "future": "future", "would": None, "plan": "past", "open": None, "past": "past",
          "until": None, "perfect": "past"}


def _cue(context: str | None, expression: str | None) -> str | None:
    """"firm" (the future for certain), "future" or "past" from the verb nearest before the expression
    (else after it), "plan" after a plan's words ("scheduled for"), "would" after a future told from the
    past, "open" after an infinitive of intent, or None.

    The nearest verb governs the date: in "said the strike will begin on Monday" it is "will", in
    "said on Monday that the border would reopen" it is "said". Without the expression's place, any
    future cue decides, and "would" only when no past verb comes before it.
    """
    if not context:
        return None
    at = context.lower().find(expression.strip().lower()) if expression else -1
    if at >= 0:
        # "Announced that Monday would be a holiday": a date that is the subject of a clause of its own
        # is told by that clause's verb.
        if context.lower().endswith(_CLAUSE_OPENERS, 0, at) and _WOULD_AFTER.match(context, at + len(expression.strip())):
            return "would"
        # "Declared Wednesday a national day of mourning": a day a verb makes something of is declared
        # ahead of it: today, else the one to come, however near the last.
        if context.lower().endswith(_DECLARING, 0, at) and _MADE_SOMETHING.match(
                context.lower(), at + len(expression.strip())):
            # ... unless it was declared before a past time ("had declared Thursday and Friday public
            # holidays", in a Saturday's story): the nearer, either side.
            return "plan" if context.lower().endswith(_HAD_DECLARING, 0, at) else "future"
        # "As winter approaches", "once winter sets in": a date that comes, told in the present, is ahead
        # whatever the verb before it ("warned of disease as winter approaches").
        if _COMES_AFTER.match(context.lower(), at + len(expression.strip())):
            return "future"
        # "Brent for January delivery rose", "U.S. crude for April", "September wheat": a contract's month
        # is one still to come, whatever the market did today.
        if (_CONTRACT_AFTER.match(context.lower(), at + len(expression.strip()))
                or _CONTRACT_BEFORE.search(context.lower(), max(0, at - 40), at)):
            return "firm"
        # A headline drops "is": "Stock Exchange to Reopen Monday" is "is to reopen".
        if _HEADLINE_TO.search(context, 0, at) and title_case(context):
            return "firm"
        cues_before = _cues(context, 0, at)
        before = cues_before[-1:]
        # "Did not return until Oct. 5": the time "until" ends is the verb's, before it, if there is one
        # ("might not surface until Monday" still looks ahead).
        if before == ["until"] and (
                "past" in cues_before and cues_before[-2:-1] not in (["future"], ["firm"], ["would"], ["plan"])
                and _UNTIL_IN_THE_PAST.search(context.lower(), 0, at)
                or cues_before[-2:-1] == ["past"] and _THROUGH.search(context.lower(), 0, at)):
            # "Was not allowed to call her family until Oct. 9"; "stocks rose through Friday" (the verb
            # right before "through"; "will run through June" looks ahead).
            before = ["past"]
        # "Clearing the way for the deal to close on Monday": an infinitive after a plan's words is the plan.
        if before == ["open"] and len(cues_before) > 1 and cues_before[-2] == "plan":
            before = ["plan"]
        # "Until Thursday, they had not ..." opens a sentence about the time before the date: the
        # verb after it decides.
        # "Economists said the recovery in the second half will be sluggish": a date in the subject of a
        # clause reported after "said" is told by that clause's own verb, right after its phrase.
        if (before == ["past"] and (_REPORTED_SUBJECT.search(context.lower(), max(0, at - 60), at)
                                    or _CLAUSE_SUBJECT.search(context.lower(), max(0, at - 60), at))
                and _FUTURE_RIGHT_AFTER.match(context.lower(), at + len(expression.strip()))):
            return "future"
        if before == ["perfect"]:
            # "Has announced on Tuesday" (a past day the perfect's verb governs, as some news writes it) is
            # past; otherwise the perfect leaves the date to the cues before it, else after it.
            governed = _GOVERNED_BY_PAST.search(context.lower(), max(0, at - 60), at) is not None
            before = ["past"] if governed else [c for c in cues_before if c != "perfect"][-1:]
        if before and not _UNTIL_FIRST.match(context):
            return _BEFORE[before[0]]
        after = next((cue for cue in _iter_cues(context, at + len(expression.strip()), verbs_only=True)
                      if _AFTER[cue] is not None), None)
        return _AFTER[after] if after else None
    found = ["future" if cue == "until" else cue for cue in _cues(context) if cue not in ("open", "perfect")]
    first_past = found.index("past") if "past" in found else len(found)
    if "firm" in found:
        return "firm"
    if "future" in found or "plan" in found or "would" in found[:first_past]:
        return "future"
    return "past" if found else None


def tense(context: str | None, expression: str | None = None) -> str:
    """"future" when the sentence looks forward, else "past" (news reports look back by default).

    With `expression`, the verb nearest before it (else after it) decides; without, any future cue.
    """
    cue = _cue(context, expression)
    return {"firm": "future", "plan": "future", "would": "future", "open": "past", None: "past"}.get(cue, cue)


# -- normalising the words ----------------------------------------------------------------------------

_TIME_OF_DAY = Lazy(en.TIME_OF_DAY)
_NORMALISE = tuple((Lazy(pattern), replacement) for pattern, replacement in en.NORMALISE)
_LEADING = Lazy(en.LEADING)


_SPELLED_YEAR = Lazy(en.SPELLED_YEAR)


def _number(words: str | None) -> int:
    return sum(en.NUMBER_WORDS[w] for w in words.split()) if words else 0


def _year_in_digits(m: re.Match) -> str:
    if m["hundreds"] is None:
        return str(2000 + _number(m["thousand_rest"]))
    return str(100 * en.NUMBER_WORDS[m["hundreds"]] + _number(m["oh"] or m["rest"] or m["after_hundred"]))


_FRACTION = Lazy(en.FRACTION)
_SHORT_YEAR = Lazy(r"'\d\d")


def _whole_units(m: re.Match) -> str:
    """ "Two and a half years" -> "30 months", "half a century" -> "50 years": see en.FRACTION."""
    def count(words: str) -> int:
        return int(words) if words.isdigit() else _number(words)

    if m["units"]:
        per, smaller = en.FRACTION_UNITS[m["units"]]
        return f"{count(m['n']) * per + per // 2} {smaller}"
    if m["unit"]:
        per, smaller = en.FRACTION_UNITS[m["unit"]]
        return f"{per + per // 2} {smaller}"
    if m["half"]:
        per, smaller = en.FRACTION_UNITS[m["half"]]
        return f"{per // 2} {smaller}"
    if m["quarter"]:
        return "25 years"
    return f"{count(m['c']) * 100} years"


@lru_cache(maxsize=4096)
def _normalise(expression: str) -> str:
    text = _TIME_OF_DAY.sub(" ", expression.lower())
    for pattern, replacement in _NORMALISE:
        text = pattern.sub(replacement, text)
    # Years said in words read as the digits the rules know, and fractions as whole smaller units.
    text = _SPELLED_YEAR.sub(_year_in_digits, text)
    if "half" in text or "centur" in text or "quarter" in text:
        text = _FRACTION.sub(_whole_units, text)
    if _SHORT_YEAR.fullmatch(text.strip(" .-")):
        return text.strip(" .-")  # "'85" keeps the apostrophe that makes it a year
    return text.strip(" .'-")


def _strip(text: str) -> tuple[str, str, bool]:
    """The expression without leading prepositions and approximators: (text, preposition, approximate)."""
    preposition, approximate = "", False
    if en.OR_SO in text:
        text, approximate = text.replace(en.OR_SO, ""), True
    while m := _LEADING.match(text):
        text = text[m.end():]
        if m["approximator"]:
            approximate = True
        elif m["preposition"]:
            preposition = m["preposition"]
    return text, preposition, approximate


# -- the rules ---------------------------------------------------------------------------------------


class _Sentence:
    """The sentence around an expression, read only as far as the rules ask: most dates ("March 3,
    2024", "two days ago") never need its tense."""

    def __init__(self, text: str | None, expression: str):
        self.text, self.expression = text or "", expression

    @cached_property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def cue(self) -> str | None:
        return _cue(self.text, self.expression)

    @cached_property
    def told_in_past(self) -> bool:
        # "Was due to", "had been planned", "vowed to": a plan's words in the past tense tell in the past too.
        return "past" in _iter_cues(self.text) or _PAST_PLAN.search(self.lower) is not None

    @cached_property
    def subject_of_past(self) -> bool:
        """True when a past verb follows the expression's phrase closely and none comes before: "sales in
        the first half were hit", "prices in March fell" tell of the date's own time."""
        if self.at < 0 or self.premodifier or next(_iter_cues(self.text, 0, self.at), None) is not None:
            return False  # "the Oct. 7 recall election crisscrossed ...": the verb is the noun's phrase's
        end = self.at + len(self.expression)
        verb = _CUES.search(self.lower, end, min(len(self.lower), end + 12))
        # Not across a comma: "who leaves office on March 11, declared" ends a clause at the date.
        return (verb is not None and verb.lastgroup == "past" and verb.group() not in _PERFECT_AUXILIARIES
                and _cues(self.text, end, verb.end()) == ["past"]
                and not any(mark in self.lower[end:verb.start()] for mark in ",;:"))

    @cached_property
    def at(self) -> int:
        return self.lower.find(self.expression.lower())

    def _around(self, pairs: list[tuple[str, str]]) -> bool:
        """True when, for one of the (before, after) patterns, the words right before the expression match
        the first and those right after it the second."""
        if self.at < 0:
            return False
        end = self.at + len(self.expression)
        return any(_ending_here(before).search(self.lower, max(0, self.at - 80), self.at) is not None
                   and _starting_here(after).match(self.lower, end) is not None for before, after in pairs)

    @cached_property
    def premodifier(self) -> bool:
        """True when the expression sits between a determiner and a noun ("the Dec. 7 meeting")."""
        return self._around(en.PREMODIFIER)

    @cached_property
    def possessive(self) -> bool:
        """True when the expression owns a noun ("Wednesday's ruling"): the date is the noun's."""
        return self._around(en.POSSESSIVE)

    @cached_property
    def names_a_past_event(self) -> bool:
        """True when the expression dates an event no one foretells ("the Jan. 12 earthquake", "Friday's
        bombing"): it has happened."""
        return self._around(en.PAST_EVENT)

    @cached_property
    def owns_a_level(self) -> bool:
        """True when the expression owns a level reached ("its April high"): a level reached is past."""
        return self._around(en.LEVEL_REACHED)

    @cached_property
    def reported_on(self) -> bool:
        """True when the expression owns a report on it ("February's jobs report"): a period begun."""
        return self._around(en.REPORTED_ON)

    @cached_property
    def opens_past(self) -> bool:
        """A date opening its sentence ("In March, prices rose") is the time of the main verb after it."""
        return self.at >= 0 and self.cue == "past" and _OPENING.fullmatch(self.lower, 0, self.at) is not None

    @cached_property
    def governed_by_past(self) -> bool:
        """True when a past verb before the expression governs it ("appealed in March")."""
        if self.at <= 0:
            return False
        found = _GOVERNED_BY_PAST.search(self.lower, max(0, self.at - 60), self.at)
        # At a distance only in a sentence told wholly in the past before the date: in "will redeem
        # preferred shares on Oct. 31" the word in -ed is no verb of the date's.
        if found is None and set(_cues(self.text, 0, self.at)) == {"past"}:
            found = _GOVERNED_AT_A_DISTANCE.search(self.lower, max(0, self.at - 80), self.at)
        return found is not None and found.group().split(None, 1)[0] not in _NOT_PAST


@dataclass(frozen=True)
class Query:
    """What a rule needs besides the words: the anchor, the sentence (its tense cue), the reference."""

    expression: str
    anchor: date
    sentence: _Sentence
    after: Resolution | None
    preposition: str = ""
    # The quarter the article reports results for, named in an earlier sentence ("posted a loss for
    # the fiscal first quarter"): what a results sentence naming none ("a year ago", "the latest
    # period") is about, where the calendar alone would guess the latest quarter ended.
    reported: Resolution | None = None
    # The ISO code of the story's country: the day of a holiday each country keeps on its own date
    # ("Independence Day", "National Day") is that country's.
    country: str | None = None

    @property
    def cue(self) -> str | None:
        """ "firm", "future", "plan", "would", "past", "open" or None: see _cue."""
        return self.sentence.cue

    @property
    def told_in_past(self) -> bool:
        """True when a verb of the sentence is in the past tense, wherever it stands."""
        return self.sentence.told_in_past

    @property
    def context(self) -> str:
        """The sentence, lower-cased."""
        return self.sentence.lower

    @property
    def before(self) -> str:
        """The sentence before the expression, lower-cased."""
        return self.sentence.lower[:max(self.sentence.at, 0)]

    @property
    def future(self) -> bool:
        return self.cue in ("future", "firm", "plan", "would")

    @property
    def direction(self) -> str:
        if self.cue == "open":
            return "an infinitive of intent: past by default"
        return "future tense" if self.future else "past tense" if self.cue else "no tense cue: past"

    def read(self, text: str) -> tuple[Resolution, str]:
        """A part of the expression ("late <rest>") resolved as an expression of its own, in this query."""
        return _resolve_text(text, self)


@dataclass(frozen=True)
class _Rule:
    """A pattern over the normalised words, its handler, and whether it counts from another event."""

    pattern: re.Pattern
    handler: Callable[[re.Match, Query], "tuple[Resolution, str] | None"]
    reference: bool


def _compile(table: tuple[tuple[str, tuple[str, ...]], ...], handlers: dict[str, Handler]) -> tuple[_Rule, ...]:
    """The rules of a language's table in order, each pattern bound to its rule's handler.

    A rule without a handler, a handler without a rule, or a rule named twice is a mistake in the
    tables that would otherwise show only as dates quietly going unresolved, so it stops the import.
    """
    names = [name for name, _ in table]
    twice = sorted({name for name in names if names.count(name) > 1})
    unhandled = [name for name in names if name not in handlers]
    unused = sorted(set(handlers) - set(names))
    if twice or unhandled or unused:
        raise RuntimeError(f"the rule table and the handlers disagree: named twice {twice}, "
                           f"without a handler {unhandled}, handlers without a rule {unused}")
    return tuple(_Rule(re.compile(pattern % en.FRAGMENTS), handlers[name].read, handlers[name].reference)
                 for name, patterns in table for pattern in patterns)


@cache
def _rules() -> tuple[_Rule, ...]:
    """The rule table compiled, on the first resolution: `import timeline` (and so `timeline show`) never
    pays for its hundred-odd patterns."""
    return _compile(en.RULES, HANDLERS)


@lru_cache(maxsize=8192)
def _match_from(text: str, first: int) -> tuple[int, _Rule, re.Match] | None:
    """The first rule from the `first`-th on whose pattern reads all of `text`: its place, the rule and the
    match; None after the last. Which rules match depends on the words alone, and news repeats its
    expressions ("Monday", "last week"), so this is worked out once per wording, not once per mention."""
    rules = _rules()
    for index in range(first, len(rules)):
        if (m := rules[index].pattern.fullmatch(text)) is not None:
            return index, rules[index], m
    return None


def _resolve_text(text: str, q: Query) -> tuple[Resolution, str]:
    text, preposition, approximate = _strip(text)
    if preposition != q.preposition:
        q = replace(q, preposition=preposition)
    first = 0
    while (hit := _match_from(text, first)) is not None:
        index, rule, m = hit
        found = rule.handler(m, q)
        if found is not None:
            break
        first = index + 1
    else:
        found = fallback(text, q.expression, q.anchor, lambda: q.future)
    resolution, how = found
    if approximate:
        resolution = replace(resolution, approximate=True, mod=resolution.mod or "APPROX")
    return resolution, how


# -- the entry points -----------------------------------------------------------------------------------


def _as_date(value: date) -> date:
    return value.date() if isinstance(value, datetime) else value


def resolve(expression: str, anchor: date, context: str | None = None, *,
            after: Resolution | date | None = None, reported: Resolution | None = None,
            country: str | None = None) -> Resolution:
    """The dates `expression` names, read in an article published on `anchor`.

    `context` is the sentence around the expression; its tense sets the direction where the words do
    not. `after` is the date of the event an offset ("two days later") counts from. `reported` is the
    quarter the article reports company results for, where an earlier sentence named it ("its fiscal
    first quarter"); a results sentence that names no quarter is about that one. `country` is the ISO
    code of the story's country: a holiday each country keeps on its own day ("Independence Day",
    "National Day", "Republic Day") is that country's (July 4 for "Independence Day" without one; none
    for the others). Raises UnresolvedDate for anything that cannot be resolved.
    """
    if not isinstance(expression, str) or not expression.strip():
        raise UnresolvedDate("cannot resolve an empty date expression")
    if len(expression) > _MAX_LENGTH:
        raise UnresolvedDate(f"cannot resolve {expression[:40]!r}...: too long for a date expression")
    reference = after if isinstance(after, Resolution) or after is None else Resolution.day(_as_date(after))
    q = Query(expression.strip(), _as_date(anchor), _Sentence(context, expression.strip()), reference,
              reported=reported, country=country.upper() if country else None)
    try:
        found, how = _resolve_text(_normalise(expression), q)
    except UnresolvedDate:
        raise
    except (OverflowError, ValueError) as exc:
        raise UnresolvedDate(f"cannot resolve {q.expression!r}: {exc}") from None
    return found.with_rule(f"{q.expression}: {how} -> {found.label}")


def clear_caches() -> None:
    """Forget the per-wording caches (`_normalise`, `_match_from`): the benchmarks time the work itself."""
    _normalise.cache_clear()
    _match_from.cache_clear()


def needs_reference(expression: str) -> bool:
    """True when the expression counts from another event ("a day after the toppling", "two days later")."""
    text, _, _ = _strip(_normalise(expression))
    hit = _match_from(text, 0)
    return hit is not None and hit[1].reference
