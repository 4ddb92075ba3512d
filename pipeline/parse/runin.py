"""Line breaks a description's paragraph has lost: a year heading, its numbered items and
the minority group's heading run on in one paragraph ("I. ĪSTENOŠANAS GADS (…) 1) …; 2) …;
Rīgas reģiona mazākumtautību kapacitātes celšanai: 1) …"), as a reader that writes a soft
line break as a space leaves them. A typist reads each as starting its line; the description
reader reads headings and a list's first item only there. A break is put back only where
what follows is certainly such a start: an item "1" right after a heading's period, a group
heading after a finished sentence and before its own list's first item.
"""

from __future__ import annotations

import re

from pipeline.parse.headings import YEAR_HEADING
from pipeline.parse.text import SOFT_BREAK, SourcedText

_UPPER = "A-ZĀČĒĢĪĶĻŅŠŪŽ"
# The first item of a list: "1)" or "1." and a word.
_FIRST_ITEM = r"1[.)][ \u00a0]+(?=\S)"
_HEADING_THEN_ITEM = re.compile(
    r"(?:" + YEAR_HEADING + r")(?<=[).])[ \u00a0]+(?P<item>" + _FIRST_ITEM + ")"
)
_GROUP_RUN_IN = re.compile(
    r"(?<=[;.])[ \u00a0]+(?P<group>["
    + _UPPER
    + r"][^\n\t\x0b:;.]{0,80}?(?i:kapacitātes\s+celšanai)[ \u00a0]*:)[ \u00a0]*"
    + _FIRST_ITEM
)


def restore_breaks(description: SourcedText) -> SourcedText:
    """The description with a soft break before each start that ran on (see the module)."""
    text = description.text
    starts = sorted(
        {
            *(m.start("item") for m in _HEADING_THEN_ITEM.finditer(text) if _has_period(m)),
            *(m.start("group") for m in _GROUP_RUN_IN.finditer(text)),
        }
    )
    if not starts:
        return description
    pieces: list[SourcedText] = []
    pos = 0
    for start in starts:
        pieces += [description[pos:start], SourcedText(SOFT_BREAK, (description.offsets[start],))]
        pos = start
    pieces.append(description[pos:])
    return SourcedText.join(pieces, sep="")


def _has_period(m: re.Match[str]) -> bool:
    # A heading without its period ("I. īstenošanas gads 1. …") may be a sentence's words.
    return m.group("range") is not None or m.group("bare") is not None
