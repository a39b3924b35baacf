"""Did-you-mean, in one place: the nearest allowed value to a mistyped one, for every error message that offers it."""
from __future__ import annotations

import difflib
from collections.abc import Iterable

CUTOFF = 0.5  # how alike two words must be (difflib's ratio) to be offered


def nearest(value: object, choices: Iterable[str]) -> str | None:
    found = difflib.get_close_matches(str(value), sorted(choices), n=1, cutoff=CUTOFF)
    return found[0] if found else None


def did_you_mean(value: object, choices: Iterable[str], otherwise: str = "") -> str:
    """"did you mean 'x'?" when one choice is close, else otherwise (for example "12 known")."""
    choices = list(choices)
    close = nearest(value, choices)
    return f"did you mean '{close}'?" if close else otherwise
