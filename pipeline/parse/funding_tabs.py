"""A tab inside an amount: "€ 53<TAB>948,50", "28<TAB>000 EUR". A typist's tab between the
digit groups is no cell border; cut there, the amount would read as a smaller one ("53",
"28"). In a table the tab is one only where the currency word before the amount holds the
groups together ("€ 53<TAB>948,50": "€ 53" is no cell a table would have); a currency
word after them holds nothing: in "12<TAB>387,70 EUR" the 12 may be a count column's
cell, and which it is cannot be told, so the tab parts cells. In prose (a section with no
other tab) it is white space like any other.
"""

from __future__ import annotations

import re

from pipeline.parse.latvian import CURRENCY
from pipeline.parse.text import SourcedText

_GROUP_AFTER = r"\d{3}(?:[ \u00a0]\d{3})*(?:,\d{2})?(?![\d.,]\d)"
# The digits before the tab start a number: no digit, comma or point before them.
_GROUP_BEFORE = r"(?<![\d,.])\d{1,3}"
#: A tab between a number's first digits and a group of three.
_INNER_TAB = re.compile(rf"{_GROUP_BEFORE}(?P<tab>\t)(?={_GROUP_AFTER})")
# ... held together by the currency word right before its first digits
_HELD_TAB = re.compile(
    rf"(?<!\w)(?:{CURRENCY})[ \u00a0]?{_GROUP_BEFORE}(?P<tab>\t)(?={_GROUP_AFTER})",
    re.I,
)


def without_inner_tabs(line: str) -> str:
    """The line with its tabs between digit groups taken out: what is left of the tabs
    parts cells."""
    return _INNER_TAB.sub(lambda m: m.group(0).replace("\t", ""), line)


def held_amounts(text: SourcedText) -> SourcedText:
    """The text with each tab inside an amount its currency word holds together ("€ 53<TAB>
    948,50") turned into a space, each character still mapped to its source."""
    chars = list(text.text)
    for m in _HELD_TAB.finditer(text.text):
        chars[m.start("tab")] = " "
    return SourcedText("".join(chars), text.offsets)
