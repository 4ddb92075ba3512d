"""The properties of a Word 97–2003 document's text ([MS-DOC] 2.6, 2.9): what the reader needs
of them to see the text as Word shows it, the tables, lists, italics and deletions.

A property is stored as a change to the default (a `Sprm` and its operand). A paragraph's
changes are in PAPX pages (one per paragraph mark), a run's in CHPX pages, both found by the
byte offset (FC) of the text in the WordDocument stream; a style holds the changes its
paragraphs and runs start from, on top of its base style's. Only the changes are read; what
they are changes to (the paragraph and character defaults) carries nothing the reader needs.
"""

from __future__ import annotations

import bisect
import struct
from collections.abc import Iterator
from dataclasses import dataclass

#: A set of property changes, by sprm: a later change of a property replaces an earlier one.
Sprms = dict[int, bytes]

# Paragraph properties.
P_ISTD = 0x4600  # the paragraph's style
P_ILVL = 0x260A  # its list level
P_ILFO = 0x460B  # its list (1-based index into the list overrides; 0: none)
P_IN_TABLE = 0x2416  # in a table
P_TTP = 0x2417  # the mark ending a table row (at depth 1)
P_ITAP = 0x6649  # table depth: 1 a table, 2 a table in a table's cell, ...
P_INNER_CELL = 0x244B  # the paragraph mark ending a cell of a nested table
P_INNER_TTP = 0x244C  # the paragraph mark ending a row of a nested table
_P_HUGE = 0x6646  # the paragraph's changes are too many for its page: in the Data stream
# Character properties.
C_DELETED = 0x0800  # deleted with the changes tracked
C_SYMBOL = 0x6A09  # the symbol font and character a special "(" stands for
C_ITALIC = 0x0836
C_ISTD = 0x4A30  # the run's character style
_T_DEF_TABLE = (0xD606, 0xD608)  # their operand's size is two bytes, the size plus one
_P_CHG_TABS = 0xC615
_OPERAND = {0: 1, 1: 1, 2: 2, 3: 4, 4: 2, 5: 2, 7: 3}  # by spra; 6: variable

_NO_STYLE = 0x0FFF
_PAGE = 512


class PropertyError(Exception):
    """The properties point outside their streams."""


def sprms(grpprl: bytes, data: bytes = b"") -> Iterator[tuple[int, bytes]]:
    """The changes in a list of them, in order; a change in the Data stream (sprmPHugePapx)
    in its place. A list cut short ends where it is cut."""
    at = 0
    while at + 2 <= len(grpprl):
        (sprm,) = struct.unpack_from("<H", grpprl, at)
        at += 2
        spra = sprm >> 13
        if spra != 6:
            size = _OPERAND[spra]
        elif sprm in _T_DEF_TABLE and at + 2 <= len(grpprl):
            size = struct.unpack_from("<H", grpprl, at)[0] - 1
            at += 2
        elif sprm == _P_CHG_TABS and at < len(grpprl) and grpprl[at] == 255:
            size = _tabs_size(grpprl, at + 1)
            at += 1
        elif at < len(grpprl):
            size = grpprl[at]
            at += 1
        else:
            return
        if size < 0 or at + size > len(grpprl):
            return
        operand = grpprl[at : at + size]
        at += size
        if sprm == _P_HUGE and data and len(operand) == 4:
            (offset,) = struct.unpack("<I", operand)
            if offset + 2 <= len(data):
                (cb,) = struct.unpack_from("<H", data, offset)
                yield from sprms(data[offset + 2 : offset + 2 + cb])
            continue
        yield sprm, operand


def _tabs_size(grpprl: bytes, at: int) -> int:
    """sprmPChgTabs's operand when its size byte says 255: tabs deleted, each with a
    distance, then tabs added, each with a kind ([MS-DOC] 2.9.182)."""
    if at >= len(grpprl):
        return -1
    deleted = grpprl[at]
    added_at = at + 1 + 4 * deleted
    if added_at >= len(grpprl):
        return -1
    return 1 + 4 * deleted + 1 + 3 * grpprl[added_at]


def changes(grpprl: bytes, data: bytes = b"") -> Sprms:
    return dict(sprms(grpprl, data))


def flag(props: Sprms, sprm: int) -> bool:
    return bool(props.get(sprm, b"\0")[:1] != b"\0")


def number(props: Sprms, sprm: int) -> int | None:
    """An integer operand (1, 2 or 4 bytes), signed as Word stores these ones."""
    operand = props.get(sprm)
    if operand is None or len(operand) not in (1, 2, 4):
        return None
    return int.from_bytes(operand, "little", signed=len(operand) > 1)


@dataclass(frozen=True, slots=True)
class Ranges:
    """Properties by byte offset of the text they apply to: sorted, not overlapping."""

    starts: tuple[int, ...]
    ends: tuple[int, ...]
    props: tuple[tuple[int, Sprms], ...]  # (style, changes); the style of a run is unused
    cuts: tuple[int, ...]  # every start and end: where the properties may change

    def at(self, fc: int) -> tuple[int, Sprms]:
        i = bisect.bisect_right(self.starts, fc) - 1
        if i >= 0 and fc < self.ends[i]:
            return self.props[i]
        return 0, {}

    def next_cut(self, fc: int) -> int | None:
        """The first offset after `fc` where the properties may change."""
        i = bisect.bisect_right(self.cuts, fc)
        return self.cuts[i] if i < len(self.cuts) else None


def paragraph_ranges(word: bytes, table: bytes, plc: tuple[int, int], data: bytes) -> Ranges:
    """The paragraphs' properties, from the PAPX pages (PlcBtePapx, [MS-DOC] 2.8.5)."""
    out: list[tuple[int, int, tuple[int, Sprms]]] = []
    for page in _pages(word, table, plc):
        crun = page[_PAGE - 1]
        fcs = struct.unpack_from(f"<{crun + 1}I", page)
        for i in range(crun):
            offset = 2 * page[4 * (crun + 1) + 13 * i]
            style, props = 0, {}
            if offset:
                cb = page[offset]
                start, size = (offset + 1, 2 * cb - 1) if cb else (offset + 2, 2 * page[offset + 1])
                body = page[start : start + size]
                if len(body) >= 2:
                    style, props = struct.unpack_from("<H", body)[0], changes(body[2:], data)
            out.append((fcs[i], fcs[i + 1], (style, props)))
    return _ranges(out)


def character_ranges(word: bytes, table: bytes, plc: tuple[int, int]) -> Ranges:
    """The runs' properties, from the CHPX pages (PlcBteChpx, [MS-DOC] 2.8.4)."""
    out: list[tuple[int, int, tuple[int, Sprms]]] = []
    for page in _pages(word, table, plc):
        crun = page[_PAGE - 1]
        fcs = struct.unpack_from(f"<{crun + 1}I", page)
        for i in range(crun):
            offset = 2 * page[4 * (crun + 1) + i]
            props = changes(page[offset + 1 : offset + 1 + page[offset]]) if offset else {}
            out.append((fcs[i], fcs[i + 1], (0, props)))
    return _ranges(out)


def _pages(word: bytes, table: bytes, plc: tuple[int, int]) -> Iterator[bytes]:
    fc, lcb = plc
    if lcb < 4 or fc + lcb > len(table):
        raise PropertyError("the formatting tables lie outside the table stream")
    n = (lcb - 4) // 8
    for (pn,) in struct.iter_unpack("<I", table[fc + 4 * (n + 1) : fc + 4 * (n + 1) + 4 * n]):
        at = (pn & 0x3FFFFF) * _PAGE
        page = word[at : at + _PAGE]
        if len(page) < _PAGE:
            raise PropertyError("a formatting page lies outside the document")
        yield page


def _ranges(found: list[tuple[int, int, tuple[int, Sprms]]]) -> Ranges:
    found.sort(key=lambda r: r[0])
    starts, ends = tuple(r[0] for r in found), tuple(r[1] for r in found)
    return Ranges(starts, ends, tuple(r[2] for r in found), tuple(sorted({*starts, *ends})))


@dataclass(frozen=True, slots=True)
class Style:
    base: int
    paragraph: Sprms  # what the style changes of its paragraphs (its own, not its base's)
    character: Sprms  # and of their runs


def read_styles(table: bytes, plc: tuple[int, int]) -> dict[int, Style]:
    """The stylesheet (STSH, [MS-DOC] 2.9.271): each style's own changes and its base."""
    fc, lcb = plc
    if lcb < 2 or fc + lcb > len(table):
        return {}
    stsh = table[fc : fc + lcb]
    (header,) = struct.unpack_from("<H", stsh)
    if header < 4 or 2 + header > len(stsh):
        return {}
    count, base_size = struct.unpack_from("<HH", stsh, 2)
    at = 2 + header
    out: dict[int, Style] = {}
    for istd in range(count):
        if at + 2 > len(stsh):
            break
        (size,) = struct.unpack_from("<H", stsh, at)
        std = stsh[at + 2 : at + 2 + size]
        at += 2 + size
        if size >= max(base_size, 10):
            out[istd] = _style(std, base_size)
    return out


def _style(std: bytes, base_size: int) -> Style:
    kind_base, upx_next = struct.unpack_from("<HH", std, 2)
    kind, base, upx_count = kind_base & 0xF, kind_base >> 4, upx_next & 0xF
    at = base_size
    name_length = struct.unpack_from("<H", std, at)[0] if at + 2 <= len(std) else 0
    at += 2 + 2 * name_length + 2
    upxs: list[bytes] = []
    for _ in range(upx_count):
        if at + 2 > len(std):
            break
        (cb,) = struct.unpack_from("<H", std, at)
        upxs.append(std[at + 2 : at + 2 + cb])
        at += 2 + cb + cb % 2
    paragraph: Sprms = {}
    character: Sprms = {}
    if kind == 1 and upxs:  # a paragraph style: its paragraphs' changes, then its runs'
        paragraph = changes(upxs[0][2:])
        character = changes(upxs[1]) if len(upxs) > 1 else {}
    elif kind == 2 and upxs:  # a character style
        character = changes(upxs[0])
    return Style(base, paragraph, character)


def style_chain(styles: dict[int, Style], istd: int) -> list[Style]:
    """A style, then its base, its base's base, ...: the first to say a property says it."""
    out: list[Style] = []
    while istd != _NO_STYLE and istd in styles and len(out) < 16:
        out.append(styles[istd])
        istd = styles[istd].base
    return out
