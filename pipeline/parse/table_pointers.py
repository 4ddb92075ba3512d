"""A cell that points to a table elsewhere instead of holding it: "Skatīt tabulu zemāk (euro)."
(see the table below) or "Skatīt 1. pielikumu" (see annex 1).

The document readers follow such a pointer to its table (`pipeline.documents.referred`); the
checks tell the user when a funding section held only a pointer whose table was not found,
its funding then read from nowhere. Both know a pointer by the same words, so what one follows
the other does not call lost.
"""

from __future__ import annotations

import re

_LETTER = r"a-zA-ZāčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ"
_TABLE = re.compile(rf"(?<![{_LETTER}])tabul[{_LETTER}]*", re.I)
_BELOW = re.compile(
    rf"(?<![{_LETTER}])(?:zemāk|zem\s+šī|turpmāk|tālāk|lejāk|lejā|nākam)[{_LETTER}]*", re.I
)
ANNEX = re.compile(rf"(?<![{_LETTER}])pielikum[{_LETTER}]*", re.I)
# An annex named by its number: "1. pielikums", "1.pielikumu", "Pielikums Nr. 1", "pielikumā Nr.1".
_NUMBERED = re.compile(
    rf"(?<![\d.])(?P<before>\d{{1,2}})\.?[ \u00a0]*pielikum[{_LETTER}]*"
    rf"|(?<![{_LETTER}])pielikum[{_LETTER}]*[ \u00a0]+(?:nr\.?[ \u00a0]*)?(?P<after>\d{{1,2}})(?![\d,])",
    re.I,
)
_AMOUNT = re.compile(r"\d[\d\s.,]*\d|\d{2,}")
_POINTER_LENGTH = 120


def _pointer(text: str) -> bool:
    return 0 < len(text) <= _POINTER_LENGTH and _AMOUNT.search(text) is None


def points_below(text: str) -> bool:
    """A cell pointing to a table below: words for "table" and "below", and no amount."""
    return _pointer(text) and _TABLE.search(text) is not None and _BELOW.search(text) is not None


def points_to_annex(text: str) -> bool:
    """A cell pointing to an annex ("Skatīt 1. pielikumu"), and no amount."""
    return _pointer(text) and ANNEX.search(text) is not None


def annex_numbers(text: str) -> set[int]:
    """The numbers of the annexes `text` names ("1. pielikums" → {1})."""
    return {int(m.group("before") or m.group("after")) for m in _NUMBERED.finditer(text)}


def is_pointer(text: str) -> bool:
    """A cell that is a pointer to a table below or to an annex, and nothing else."""
    text = " ".join(text.split())
    return points_below(text) or points_to_annex(text)
