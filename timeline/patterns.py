"""Regular expressions compiled on first use.

The resolver's module-level patterns would cost every command (`--help`, `show`) their compilation at
import; wrapped here they compile when a date is first resolved. After that first use, each method is
the compiled pattern's own, so matching costs what it always did.
"""

from __future__ import annotations

import re

_METHODS = ("match", "fullmatch", "search", "sub", "subn", "finditer", "findall", "split", "pattern", "groupindex")


class Lazy:
    """`re.compile(pattern, flags)`, done when a method is first asked for."""

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._args = (pattern, flags)

    def __getattr__(self, name: str):
        compiled = re.compile(*self._args)
        for method in _METHODS:
            setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)


# -- one large pattern tried at many offsets ---------------------------------------------------------

try:  # the parser and compiler behind `re`, to specialise a pattern (Python 3.11 on; 3.10 names them sre_*)
    from re import _compiler as _sre_compile
    from re import _constants as _sre
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _sre_compile
    import sre_constants as _sre
    import sre_parse as _sre_parse

_ZERO_WIDTH = {_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT}
_ONE_CHARACTER = {_sre.LITERAL, _sre.NOT_LITERAL, _sre.IN, _sre.ANY, _sre.CATEGORY}
_REPEATS = {_sre.MAX_REPEAT, _sre.MIN_REPEAT, getattr(_sre, "POSSESSIVE_REPEAT", _sre.MAX_REPEAT)}
_IMPOSSIBLE = object()
_DIGITS = frozenset("0123456789")


class ByFirstCharacter:
    """`re.compile(pattern).match(text, pos)`, with the pattern cut down to what may begin with the
    character at `pos`.

    The tagger tries one pattern of some hundred alternatives at each offset where a date may begin; most
    alternatives begin with words that the character there already rules out, and `re` would try each of
    them. Cut down for each character (its alternatives that cannot start with it dropped, at the front of
    the pattern only), the same matches come about a third faster. A cut costs a few milliseconds to
    compile, from one parse of the pattern (so groups keep their names and numbers), so it is made for a
    character only once that character has been tried `worth_cutting` times: tagging one article pays
    nothing more than the whole pattern, tagging thousands pays it back many times. Should the parser's
    structures ever be other than these functions read them, the whole pattern is used, never a wrong one.
    """

    def __init__(self, pattern: str, worth_cutting: int = 256, starts: str | None = None) -> None:
        self.pattern = pattern
        self.worth_cutting = worth_cutting
        # For search(): a pattern finding, in order, every offset where a match may begin ("\\b\\w" for a
        # pattern of words that opens with \\b); at no other offset may one begin.
        self._starts = Lazy(starts) if starts is not None else None
        self._by_character: dict[str, object] = {}  # a cut, or _IMPOSSIBLE where nothing can match
        self._tries: dict[str, int] = {}
        self._tree = None  # the parse of the pattern, made once, read (never changed) by each cut
        self._whole: re.Pattern | None = None

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        """`re.compile(pattern).search(text, pos, endpos)`: the pattern tried, cut down, only at the
        offsets `starts` finds. `re` would try the whole pattern at every offset: for a pattern of some
        hundred words, each word's start costs it every word that does not begin with that letter."""
        endpos = len(text) if endpos is None else endpos
        for start in self._starts.finditer(text, pos, endpos):
            if (found := self.match(text, start.start(), endpos)) is not None:
                return found
        return None

    def match(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match | None:
        endpos = len(text) if endpos is None else endpos
        character = text[pos:pos + 1]
        compiled = self._by_character.get(character)
        if compiled is None:
            key = "0" if character in _DIGITS else character  # the digits share one cut
            tries = self._tries[key] = self._tries.get(key, 0) + 1
            if tries <= self.worth_cutting:
                if self._whole is None:
                    self._whole = re.compile(self.pattern)
                return self._whole.match(text, pos, endpos)
            compiled = self._cut(key)
            for each in (_DIGITS if key == "0" else (character,)):
                self._by_character[each] = compiled
        return None if compiled is _IMPOSSIBLE else compiled.match(text, pos, endpos)

    def _cut(self, key: str):
        """The pattern for texts whose character at the offset is `key` (any digit for "0"), or
        _IMPOSSIBLE where nothing can match there."""
        characters = "0123456789" if key == "0" else key
        try:
            if self._tree is None:
                self._tree = _sre_parse.parse(self.pattern)
            data = _restrict(list(self._tree.data), characters)
            if data is _IMPOSSIBLE:
                return _IMPOSSIBLE
            return _sre_compile.compile(_sre_parse.SubPattern(self._tree.state, data))
        except Exception:  # noqa: BLE001 - a structure these functions do not know: the whole pattern
            return re.compile(self.pattern)


def _can_start(items, characters: str) -> tuple[bool, bool]:
    """(whether `items`, a sequence of the parser's nodes, can match text starting with one of
    `characters`; whether they can match the empty string)."""
    possible = False
    for item in items:
        may, empty = _item_can_start(item, characters)
        possible = possible or may
        if not empty:
            return possible, False
    return possible, True


def _item_can_start(item, characters: str) -> tuple[bool, bool]:
    op, av = item
    if op in _ONE_CHARACTER:
        single = _single(item)
        return any(single.match(c) or single.match(c.upper()) for c in characters), False
    if op in _ZERO_WIDTH:
        return False, True  # a look-around or \b: what follows decides
    if op is _sre.SUBPATTERN:
        return _can_start(av[-1], characters)
    if op is _sre.BRANCH:
        results = [_can_start(alternative, characters) for alternative in av[1]]
        return any(may for may, _ in results), any(empty for _, empty in results)
    if op in _REPEATS:
        may, empty = _can_start(av[2], characters)
        return may, empty or av[0] == 0
    return True, True  # anything else (a back-reference, a conditional): it may


_SINGLES: dict[str, re.Pattern] = {}


def _single(item) -> re.Pattern:
    """A node that reads one character, compiled alone to ask it about a character."""
    key = repr(item)
    if key not in _SINGLES:
        _SINGLES[key] = _sre_compile.compile(_sre_parse.SubPattern(_sre_parse.State(), [item]))
    return _SINGLES[key]


def _restrict(items: list, characters: str):
    """`items` at the start of a match whose first character is one of `characters`: the alternatives at
    the front that cannot begin so dropped, and an optional part at the front that cannot, skipped;
    `_IMPOSSIBLE` when nothing is left. Only the front is cut: a repeat's body or what follows the first
    character is left whole."""
    out = []
    for index, (op, av) in enumerate(items):
        if op in _ZERO_WIDTH:
            out.append((op, av))
            continue
        if op is _sre.SUBPATTERN:
            body = _restrict(list(av[-1]), characters)
            if body is _IMPOSSIBLE:
                return _IMPOSSIBLE
            out.append((op, (*av[:-1], _sre_parse.SubPattern(av[-1].state, body))))
            return out + items[index + 1:]
        if op is _sre.BRANCH:
            kept = []
            for alternative in av[1]:
                may, empty = _can_start(alternative, characters)
                if empty:
                    kept.append(alternative)  # it may match nothing: what follows it decides
                elif may and (cut := _restrict(list(alternative), characters)) is not _IMPOSSIBLE:
                    kept.append(_sre_parse.SubPattern(alternative.state, cut))
            if not kept:
                return _IMPOSSIBLE
            out.append((op, (av[0], kept)))
            return out + items[index + 1:]
        if op is _sre.MAX_REPEAT and av[0] == 0 and av[1] == 1 and _can_start(av[2], characters) == (False, False):
            continue  # an optional part that cannot begin here matches nothing here
        return out + items[index:]
    return out
