"""A Word 97–2003 document's footnotes and first page header, where the .docx reader reads
them: a footnote's number after its reference, the notes after the body, and the title a
typist wrote only in the first page's header before the body.

Both are stories of their own after the main text ([MS-DOC] 2.3): the footnotes' text, then
the headers'. PlcffndRef gives the CP of each footnote's reference in the main text and
whether Word numbers it (FRD.nAuto; a reference with a mark of the typist's own shows that
mark in the text, and is no numbered note); PlcffndTxt gives each note's text in its story.
PlcfHdd gives the header stories: six separators, then six a section (even and odd header,
even and odd footer, first page header and footer). A story that is empty is none; the first
page has a header of its own only where the section says so (sprmSFTitlePage).
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from pipeline.documents.word97_props import changes, flag

_TITLE_PAGE = 0x300A
_SEPARATORS = 6
_ODD_HEADER, _FIRST_HEADER = 1, 4
#: How the .docx reader shows a footnote's number after its reference.
SUPERSCRIPT = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


@dataclass(frozen=True, slots=True)
class Footnotes:
    references: dict[int, int]  # the CP of a numbered reference in the main text → its note
    texts: tuple[tuple[int, int], ...]  # each note's text: its first CP and its end


def read_footnotes(
    table: bytes, references: tuple[int, int], texts: tuple[int, int], story: int
) -> Footnotes:
    fc, lcb = references
    if lcb < 4 or fc + lcb > len(table):
        return Footnotes({}, ())
    n = (lcb - 4) // 6  # n + 1 CPs, then n FRD of 2 bytes
    cps = struct.unpack_from(f"<{n + 1}I", table, fc)
    numbered = struct.unpack_from(f"<{n}h", table, fc + 4 * (n + 1))
    note_cps = _cps(table, texts)
    if len(note_cps) < n + 1:
        return Footnotes({}, ())
    notes = tuple((story + note_cps[i], story + note_cps[i + 1]) for i in range(n))
    return Footnotes({cps[i]: i for i in range(n) if numbered[i] > 0}, notes)


def first_page_headers(
    word: bytes, table: bytes, stories: tuple[int, int], sections: tuple[int, int], story: int
) -> list[tuple[int, int]]:
    """The first section's headers the first page may show, as the .docx reader tries them:
    the first page's own (where the section has one), then the odd pages' (the default)."""
    cps = _cps(table, stories)
    kinds = [_FIRST_HEADER] if _title_page(word, table, sections) else []
    out = []
    for kind in (*kinds, _ODD_HEADER):
        at = _SEPARATORS + kind
        if at + 1 < len(cps) and cps[at] < cps[at + 1]:
            out.append((story + cps[at], story + cps[at + 1]))
    return out


def _title_page(word: bytes, table: bytes, sections: tuple[int, int]) -> bool:
    """Whether the first section's first page has a header of its own (its SEPX says so)."""
    fc, lcb = sections
    if lcb < 16 or fc + lcb > len(table):
        return False
    n = (lcb - 4) // 16  # n + 1 CPs, then n SED of 12 bytes
    (sepx,) = struct.unpack_from("<I", table, fc + 4 * (n + 1) + 2)
    if sepx == 0xFFFFFFFF or sepx + 2 > len(word):
        return False
    (size,) = struct.unpack_from("<h", word, sepx)
    return flag(changes(word[sepx + 2 : sepx + 2 + max(size, 0)]), _TITLE_PAGE)


def _cps(table: bytes, place: tuple[int, int]) -> tuple[int, ...]:
    """A PLC of CPs alone (PlcffndTxt, PlcfHdd)."""
    fc, lcb = place
    if lcb < 4 or fc + lcb > len(table):
        return ()
    return struct.unpack_from(f"<{lcb // 4}I", table, fc)
