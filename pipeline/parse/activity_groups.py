"""The markers of a description's lists that are not Arabic numbers or bullets: an item
numbered with a Roman numeral ("I.", "II.", … as the years' headings are), and the heading
of the minority group's activities written with other words than "… kapacitātes celšanai:"
("Mazākumtautību līdzdalības veicināšanai:").

A Roman numeral numbers an item only at a line's start, with a full stop and a word after it:
"I. ĪSTENOŠANAS GADS" is a year's heading, which the description's grammar tries first.
A minority group's heading is a line of its own that names the minorities ("mazākumtautību
…") and ends with the purpose in the dative and a colon ("… veicināšanai:", "… atbalstam:"),
as the civil-society group's heading does ("Pilsoniskās sabiedrības attīstībai:"). A line
that also names civil society is the task's name for both, no group's heading; a list's
lead-in ("Mazākumtautību kultūras pasākumi:") names no purpose.
"""

from __future__ import annotations

import re

_LINE_START = r"(?:^|(?<=[\n\t\x0b\ue000]))[ \u00a0]*"
#: The Roman numerals of 1 to 39, upper case.
ROMAN = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}

#: A minority group's heading, on a line of its own.
MINORITY_HEADING = (
    _LINE_START
    + r"(?![^\n\t\x0b\ue000]*(?i:pilsonisk))[*_]*[^\n\t\x0b\ue000:;.]{0,60}?(?i:mazākumtautīb)"
    r"[^\n\t\x0b\ue000:;.]{0,80}?[^\W\d_](?i:ai|am)[*_]*[ \u00a0]*:[*_]*"
    r"(?=[ \u00a0]*(?:[\n\t\x0b\ue000]|$))"
)
_MINORITY_ROW = re.compile(MINORITY_HEADING)


def roman_value(numeral: str) -> int:
    """'IV' -> 4, 'XII' -> 12 (a numeral `ROMAN` matched)."""
    values = [_ROMAN_VALUES[c] for c in numeral.upper()]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def is_minority_heading(line: str) -> bool:
    """Whether a line, all of it, is a minority group's heading (a table's row of one cell,
    with or without the colon a paragraph has)."""
    text = line.strip()
    return bool(_MINORITY_ROW.fullmatch(text) or _MINORITY_ROW.fullmatch(text + ":"))
