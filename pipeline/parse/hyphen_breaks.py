"""Words a typeset PDF hyphenated at a line's end, joined again ("organizē-" / "ti 3
semināri" is "organizēti 3 semināri"): broken, a count's kind ("dalīb-" / "nieki"), a
label's word ("finansē-" / "jums") or a month is no word the readers know.

Only a break that is certainly inside a word is joined: a lower-case letter and a hyphen
ending a line (spaces after it allowed), the next line opening with a lower-case letter
straight away, or after the blank lines and form feed of a page's end. A hyphen with a
space before it is a dash, one after a figure or before a capital is a hyphen of its own
("2022.-" / "2023.", "Rīgas-" / "Jūrmalas"), and a line opening with "- " is a list's
item, so none of these is a break. Where the hyphen is certainly the word's own, only the
line break goes: after one letter ("e-" / "pasts"), in an address ("www.nvo-" /
"centrs.lv"), or where the text writes the word with the hyphen elsewhere and never
without it. Before "un" or "vai" the hyphen stands for a word's shortened second half
("pirms-" / "un pēcskolas"), and the break stays.

A soft hyphen (U+00AD) is only ever shown where a line breaks at it: between two letters it
goes, and at a line's end it joins the line to the next as a hyphen does.

Characters are only dropped, so every character left keeps its source (a value's span
covers the hyphen and the break it read across). A text laid out in two columns
(`pdftotext -layout`) is left as it is: joining its lines would move one column's words
into the other's.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.parse.text import SourcedText

_LETTER = r"[^\W\d_]"
# A hyphen ending its line, the spaces after it and the break: where a word may be broken.
# A page may end there: blank lines (a lone space in one) and a form feed.
_LINE_END = re.compile(r"[-\u2010\u00ad][ \u00a0]*\n(?:[ \u00a0\x0c]*\n)*\x0c?")
_LETTERS = re.compile(rf"{_LETTER}+")
_SOFT_IN_WORD = re.compile(rf"(?<={_LETTER})\u00ad(?={_LETTER})")
# A compound's first half whose second is left out ("pirms- un pēcskolas").
_SHORTENED = frozenset({"un", "vai", "ir", "kā", "nevis", "līdz"})
# The token a hyphen stands in that is a web or e-mail address, not a word ("semināri/
# vebinā-" is words).
_ADDRESS = re.compile(r"@|://|www\.|\.(?:lv|eu|com|org|net|info)\b", re.I)
_TOKEN = re.compile(r"\S+")
_HYPHENATED = re.compile(rf"{_LETTER}+(?:-{_LETTER}+)+")


@dataclass(frozen=True, slots=True)
class _Break:
    head: str  # the word's letters before the hyphen
    mark: int  # where the hyphen stands
    gap: int  # where the line's break ends: the next line's first letter
    tail: str  # the letters opening the next line


def join_hyphen_breaks(text: SourcedText) -> SourcedText:
    """`text` with its words hyphenated over a line break joined (see the module)."""
    s = text.text
    drop: list[int] = [m.start() for m in _SOFT_IN_WORD.finditer(s)] if "\u00ad" in s else []
    breaks = [b for m in _LINE_END.finditer(s) if (b := _break(s, m)) is not None]
    if (not drop and not breaks) or _in_columns(text):
        return text
    hyphenated = {w.lower() for w in _HYPHENATED.findall(s)}
    words = set(_LETTERS.findall(s.lower()))
    for b in breaks:
        first = b.mark + 1 if _keeps_hyphen(s, b, hyphenated, words) else b.mark
        drop.extend(range(first, b.gap))
    gone = set(drop)
    kept = [k for k in range(len(s)) if k not in gone]
    return SourcedText("".join(s[k] for k in kept), tuple(text.offsets[k] for k in kept))


def _break(s: str, m: re.Match[str]) -> _Break | None:
    """The word broken over two lines of one paragraph at the line end `m`; None where
    there is none."""
    start = m.start()
    while start > 0 and s[start - 1].isalpha():
        start -= 1
    head = s[start : m.start()]
    tail_match = _LETTERS.match(s, m.end())
    if not head or tail_match is None or not _LETTERS.fullmatch(head):
        return None
    tail = tail_match.group()
    if not (head[-1].islower() and tail[0].islower()):
        return None
    if s[m.start()] != "\u00ad" and tail in _SHORTENED:
        return None
    # the next line a table's row: joined, its cells would be this line's
    line_end = s.find("\n", m.end())
    if "\t" in s[m.end() : line_end if line_end >= 0 else len(s)]:
        return None
    return _Break(head, m.start(), m.end(), tail)


def _keeps_hyphen(s: str, b: _Break, hyphenated: set[str], words: set[str]) -> bool:
    """Whether the hyphen is the word's own, so that only the line break goes."""
    if s[b.mark] == "\u00ad":
        return False
    if len(b.head) == 1:
        return True
    start = b.mark
    while start > 0 and not s[start - 1].isspace():
        start -= 1
    after = _TOKEN.match(s, b.gap)
    if _ADDRESS.search(s[start : b.mark]) or (after and _ADDRESS.search(after.group())):
        return True
    joined = (b.head + b.tail).lower()
    return joined not in words and f"{b.head}-{b.tail}".lower() in hyphenated


def _in_columns(text: SourcedText) -> bool:
    """Whether the text is a table laid out in two columns, as the section reader reads it."""
    # imported here: the section reader builds on this module's callers
    from pipeline.parse.layout_columns import unfold_columns
    from pipeline.parse.layout_pages import drop_page_furniture
    from pipeline.parse.sections import opens_with_label

    plain = drop_page_furniture(text)
    return unfold_columns(plain, opens_with_label).text != plain.text
