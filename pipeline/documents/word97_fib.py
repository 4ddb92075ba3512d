"""Where a Word 97–2003 document's text is: the FIB and the piece table ([MS-DOC] 2.5, 2.9.38).

The WordDocument stream starts with the FIB (File Information Block), which says which
table stream holds the document's tables, how long each story is, and where in the table
stream each table lies (an offset and a size, "fc" and "lcb"). The text itself is in pieces:
each a run of characters somewhere in the WordDocument stream, one byte a character (cp1252,
"compressed") or two (UTF-16). The stories follow one another in the character positions
(CPs) the pieces cover: the main text, the footnotes, the headers, the comments, the
endnotes, the text boxes.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from pipeline.documents.word97_props import Sprms, changes

_WORD_IDENT = 0xA5EC
_WORD6_IDENT = 0xA5DC  # Word 6.0 and 95
_FIRST_WORD97 = 0xC0  # nFib of Word 97; Word 6.0 and 95 wrote 101–105
_ENCRYPTED = 0x0100
_TABLE_1 = 0x0200
# The stories' lengths in FibRgLw97, in the order they follow one another: ccpText, ccpFtn,
# ccpHdd, ccpAtn, ccpEdn, ccpTxbx.
_STORY_LENGTHS = (3, 4, 5, 7, 8, 9)
MAIN, FOOTNOTES, HEADERS, COMMENTS, ENDNOTES, BOXES = range(6)


class Word97Error(Exception):
    """The file is not a readable Word 97–2003 document."""


class Word97Encrypted(Exception):
    """The document is encrypted (saved with a password to open it)."""


class Word97TooOld(Exception):
    """A Word 6.0/95 document: another format than Word 97's, not read here."""


@dataclass(frozen=True, slots=True)
class Fib:
    flags: int
    counts: tuple[int, ...]  # FibRgLw97
    places: tuple[tuple[int, int], ...]  # FibRgFcLcb: (fc, lcb) pairs

    @property
    def table_stream(self) -> str:
        return "1Table" if self.flags & _TABLE_1 else "0Table"

    def place(self, index: int) -> tuple[int, int]:
        """Where a table lies in the table stream, by its index in FibRgFcLcb97."""
        return self.places[index] if index < len(self.places) else (0, 0)

    def story(self, which: int) -> tuple[int, int]:
        """The first CP of a story and its end."""
        lengths = [max(self.counts[i], 0) for i in _STORY_LENGTHS]
        start = sum(lengths[:which])
        return start, start + lengths[which]


def read_fib(word: bytes) -> Fib:
    """The File Information Block ([MS-DOC] 2.5.1)."""
    ident, version = struct.unpack_from("<HH", word)
    if ident == _WORD6_IDENT or (ident == _WORD_IDENT and version < _FIRST_WORD97):
        raise Word97TooOld()
    if ident != _WORD_IDENT:
        raise Word97Error("the WordDocument stream does not start as a Word document does")
    (flags,) = struct.unpack_from("<H", word, 0x0A)
    if flags & _ENCRYPTED:
        raise Word97Encrypted()
    at = 0x20
    (csw,) = struct.unpack_from("<H", word, at)
    at += 2 + 2 * csw
    (cslw,) = struct.unpack_from("<H", word, at)
    counts = struct.unpack_from(f"<{cslw}i", word, at + 2)
    at += 2 + 4 * cslw
    (pairs,) = struct.unpack_from("<H", word, at)
    flat = struct.unpack_from(f"<{2 * pairs}I", word, at + 2)
    if len(counts) < max(_STORY_LENGTHS) + 1:
        raise Word97Error("the document's FIB is cut short")
    return Fib(flags, counts, tuple(zip(flat[::2], flat[1::2], strict=True)))


@dataclass(frozen=True, slots=True)
class Piece:
    start: int  # first CP
    end: int
    fc: int  # byte offset of its first character in the WordDocument stream
    wide: bool  # UTF-16; else one byte a character
    changes: Sprms  # what the piece's Prm changes of all its text

    @property
    def size(self) -> int:
        return 2 if self.wide else 1

    def fc_of(self, cp: int) -> int:
        return self.fc + (cp - self.start) * self.size

    def text(self, word: bytes, start: int, end: int) -> str:
        """The piece's characters from CP `start` to `end`."""
        raw = word[self.fc_of(start) : self.fc_of(end)]
        if len(raw) != (end - start) * self.size:
            raise Word97Error("a piece of the text lies outside the document")
        return raw.decode("utf-16-le", "replace") if self.wide else _cp1252(raw)


def read_pieces(table: bytes, place: tuple[int, int]) -> list[Piece]:
    """The piece table (CLX, [MS-DOC] 2.9.38): property lists (Prc), then the pieces."""
    fc, lcb = place
    clx = table[fc : fc + lcb]
    if lcb == 0 or len(clx) != lcb:
        raise Word97Error("the document's piece table is missing")
    lists: list[Sprms] = []
    at = 0
    while at < len(clx) and clx[at] == 1:
        (size,) = struct.unpack_from("<h", clx, at + 1)
        lists.append(changes(clx[at + 3 : at + 3 + size]))
        at += 3 + max(size, 0)
    if at >= len(clx) or clx[at] != 2:
        raise Word97Error("the document's piece table does not read")
    (size,) = struct.unpack_from("<I", clx, at + 1)
    plc = clx[at + 5 : at + 5 + size]
    n = (size - 4) // 12  # n + 1 CPs, then n PCD of 8 bytes
    if n < 1 or len(plc) < 4 * (n + 1) + 8 * n:
        raise Word97Error("the document's piece table is cut short")
    cps = struct.unpack_from(f"<{n + 1}I", plc)
    out = []
    for i in range(n):
        _, raw_fc, prm = struct.unpack_from("<HIH", plc, 4 * (n + 1) + 8 * i)
        compressed = bool(raw_fc & 0x40000000)
        offset = (raw_fc & 0x3FFFFFFF) // 2 if compressed else raw_fc & 0x3FFFFFFF
        own = lists[prm >> 1] if prm & 1 and prm >> 1 < len(lists) else _single(prm)
        out.append(Piece(cps[i], cps[i + 1], offset, not compressed, own))
    return out


# Prm0 ([MS-DOC] 2.9.215): one change of a piece's text, named by a 7-bit index into a table
# of sprms; here those the reader reads (list level, in a table, row end, deleted, italic).
_PRM0 = {0x0C: 0x260A, 0x18: 0x2416, 0x19: 0x2417, 0x41: 0x0800, 0x56: 0x0836}


def _single(prm: int) -> Sprms:
    sprm = _PRM0.get((prm >> 1) & 0x7F)
    return {sprm: bytes([prm >> 8])} if sprm is not None else {}


# A compressed piece's bytes are cp1252; those cp1252 leaves undefined are their own code
# points ([MS-DOC] 2.4.1).
_CP1252 = "".join(
    chr(b) if c == "\ufffd" else c
    for b, c in enumerate(bytes(range(256)).decode("cp1252", "replace"))
)


def _cp1252(raw: bytes) -> str:
    return "".join(_CP1252[b] for b in raw)
