"""Line breaks a description's paragraph has lost: a year heading, its numbered items and
the minority group's heading run on in one paragraph ("I. ĪSTENOŠANAS GADS (…) 1) …; 2) …;
Rīgas reģiona mazākumtautību kapacitātes celšanai: 1) …"), as a reader that writes a soft
line break as a space leaves them. A typist reads each as starting its line; the description
reader reads headings and a list's first item only there. A break is put back only where
what follows is certainly such a start: an item "1" right after a heading's period, a group
heading after a finished sentence and before its own list's first item (on its line or
opening the next).

The opposite loss too: a group heading wrapped by a soft break ("…; Vidzemes
mazākumtautību<br>kapacitātes celšanai:") is one heading, its first words standing after a
finished item or on a line of their own. Its wrap becomes a space, and a break goes before
its first words where they run on after the item.
"""

from __future__ import annotations

import re

from pipeline.parse.headings import YEAR_HEADING
from pipeline.parse.latvian import MONTH
from pipeline.parse.text import SOFT_BREAK, SourcedText

_UPPER = "A-ZĀČĒĢĪĶĻŅŠŪŽ"
# The first item of a list: "1)" or "1." and a word. "1. martā" is a date, not an item.
_FIRST_ITEM = r"1(?:\)|\.(?![ \u00a0]+" + MONTH + r"(?!\w)))[ \u00a0]+(?=\S)"
_HEADING_THEN_ITEM = re.compile(
    r"(?:" + YEAR_HEADING + r")(?<=[).])[ \u00a0]+(?P<item>" + _FIRST_ITEM + ")"
)
# Only the minority group's heading names "mazākumtautību" ("Vidzemes mazākumtautību
# kapacitātes celšanai:"); "Vidzemes NVO kapacitātes celšanai:" is a sentence's words, and a
# break before it would read the civil-society items after it as the minority group's.
_MINORITY = r"(?i:mazākumtautīb|mazakumtautib)"
_GROUP_RUN_IN = re.compile(
    r"(?<=[;.])[ \u00a0]+(?P<group>["
    + _UPPER
    + r"](?=[^\n\t\x0b:;.]{0,80}?"
    + _MINORITY
    + r")[^\n\t\x0b:;.]{0,80}?(?i:kapacitātes\s+celšanai)[ \u00a0]*:)"
    # its list's first item on the same line, or opening the next paragraph (a paragraph of
    # a PDF or a Word document that the heading ends)
    + r"[ \u00a0]*(?:[\n\x0b\ue000][ \u00a0\n\x0b\ue000]*)?"
    + _FIRST_ITEM
)
# A group heading wrapped once by a soft break (or a hard-wrapped line): its first line
# words only, starting with a capital, on a line of its own or after a finished item; its
# second line lower-case words ending the heading, and the line. Groups: `runs_on` (the
# spaces between the finished item and the heading), `first`, `wrap`.
_WRAPPED_GROUP = re.compile(
    r"(?:(?<=[;.])(?P<runs_on>[ \u00a0]+)|(?:^|(?<=[\n\x0b\ue000]))[ \u00a0]*)"
    r"(?P<first>[" + _UPPER + r"][^\W\d_]*(?:[ \u00a0]+[^\W\d_]+){0,5})[ \u00a0]*"
    r"(?P<wrap>[\x0b\n])[ \u00a0]*"
    r"(?P<second>[a-zāčēģīķļņšūž][^\W\d_]*(?:[ \u00a0]+[^\W\d_]+){0,5}?"
    r"[ \u00a0]+(?i:kapacitātes[ \u00a0]+celšanai)"
    r"|(?i:kapacitātes[ \u00a0]+celšanai))[ \u00a0]*:(?=[ \u00a0]*(?:[\n\x0b\ue000]|$|"
    + _FIRST_ITEM
    + "))"
)


def restore_breaks(description: SourcedText) -> SourcedText:
    """The description with a soft break before each start that ran on, and each wrapped
    group heading on one line (see the module)."""
    text = description.text
    breaks = {
        *(m.start("item") for m in _HEADING_THEN_ITEM.finditer(text) if _has_period(m)),
        *(m.start("group") for m in _GROUP_RUN_IN.finditer(text)),
    }
    joins: set[int] = set()
    for m in _WRAPPED_GROUP.finditer(text):
        if re.search(_MINORITY, m.group("first") + " " + m.group("second")):
            joins.add(m.start("wrap"))
            if m.group("runs_on") is not None:
                breaks.add(m.start("first"))
    if not breaks and not joins:
        return description
    pieces: list[SourcedText] = []
    pos = 0
    for at in sorted(breaks | joins):
        pieces.append(description[pos:at])
        if at in joins:  # the wrap's break is a space between the heading's words
            pieces.append(SourcedText(" ", (description.offsets[at],)))
            pos = at + 1
        else:
            pieces.append(SourcedText(SOFT_BREAK, (description.offsets[at],)))
            pos = at
    pieces.append(description[pos:])
    return SourcedText.join(pieces, sep="")


def _has_period(m: re.Match[str]) -> bool:
    # A heading without its period ("I. īstenošanas gads 1. …") may be a sentence's words.
    return m.group("range") is not None or m.group("bare") is not None
