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
