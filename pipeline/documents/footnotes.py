"""Footnotes as the text reports carry them, shared by the .docx and .odt readers (the .doc
reader writes its own the same way, `word97_notes`).

A footnote's reference shows its number as a superscript after what it marks ("centrs”¹",
"689,75¹"), and the notes follow the body after a blank line, each a paragraph opening with
its mark, as a printed page shows them at its foot: the parser keeps such closing notes
apart from every section's value, and reads an amount with a mark after it ("30 000,00⁴")
as the amount.

A footnote referred to right after a whole number ("146¹ dalībnieki") is left out with its
mark, as before: the parser does not yet read such a count (146 participants) with the mark
glued to it, and a count lost weighs more than a note's words. After an amount with its
decimals ("689,75¹", where a note on a funding cell says the remainder was carried over or
when it was returned) the note is kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.documents.layout import Block, Para, Run

_SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")
_SPLITS = re.compile(r"[\t\n\r\x0b\x0c]+")
_MARKS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_AMOUNT_END = re.compile(r"\d[,.]\d\d$")


@dataclass(frozen=True, slots=True)
class Footnote:
    mark: str  # as shown where it is referred to ("¹", "*")
    texts: tuple[str, ...]  # its paragraphs


def mark_shown(citation: str) -> str:
    """A note's number as its reference shows it, a superscript; a mark of the typist's own
    ("*") as typed."""
    return citation.translate(_SUPERSCRIPT) if citation.isdecimal() else citation


def shown_after(before: str) -> bool:
    """Whether a footnote referred to after `before` (the paragraph's text up to it) is
    read: not when its mark would be glued to a whole number."""
    end = before.rstrip().rstrip(_MARKS)  # after another note's mark: what that one marks
    return not end[-1:].isdecimal() or _AMOUNT_END.search(end) is not None


def note_blocks(notes: list[Footnote]) -> list[Block]:
    """The notes after the body: a blank line, then a paragraph each, on one line (a tab or
    a line break inside a note would split it into cells or lines of its own)."""
    out: list[Block] = []
    for note in notes:
        texts = (_SPLITS.sub(" ", t).strip() for t in note.texts)
        out.append(Para((Run(" ".join([note.mark, *(t for t in texts if t)])),)))
    return [Para(()), *out] if out else []
