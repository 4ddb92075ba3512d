"""The lists of a Word 97–2003 document ([MS-DOC] 2.9.147 LSTF, 2.9.150 LVL, 2.9.131 LFO),
read into the numbering the .docx reader counts with, so a .doc's list shows the numbers and
bullets its .docx shows.

As in .docx, a list's numbers are not in the text: a numbered paragraph names a list override
(LFO, the .docx `w:num`) and a level, the override names a list (LSTF, the `w:abstractNum`)
whose levels say how a number is shown, and Word counts. A level's number text holds, where a
level's number goes, a character whose code is that level (0–8); written here as "%1"–"%9",
as in .docx. An override may start a level anew or replace its form.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

from pipeline.documents.numbering import Level, Numbering, _List

# Number formats (MSONFC, [MS-OSHARED] 2.2.1.3) by the names .docx gives them.
_FORMATS = {
    0: "decimal",
    1: "upperRoman",
    2: "lowerRoman",
    3: "upperLetter",
    4: "lowerLetter",
    5: "ordinal",
    22: "decimalZero",
    23: "bullet",
    255: "none",
}
_LSTF = 28
_LVLF = 28
_LFO = 16


@dataclass(frozen=True, slots=True)
class _Read:
    level: Level
    end: int  # where the next structure begins


def read_numbering(table: bytes, lists: tuple[int, int], overrides: tuple[int, int]) -> Numbering:
    """The document's lists, by the 1-based index of their override (what a paragraph's
    sprmPIlfo names). A list table that does not read whole gives no numbers at all: a
    number read wrong would say more than none."""
    try:
        defined = _lists(table, *lists)
        return _overrides(table, *overrides, defined)
    except (struct.error, IndexError, ValueError):
        return Numbering()


def _lists(table: bytes, fc: int, lcb: int) -> dict[int, dict[int, Level]]:
    if lcb < 2 or fc + lcb > len(table):
        return {}
    (count,) = struct.unpack_from("<h", table, fc)
    heads = []
    for i in range(max(count, 0)):
        at = fc + 2 + _LSTF * i
        (lsid,) = struct.unpack_from("<i", table, at)
        simple = table[at + 26] & 1
        heads.append((lsid, 1 if simple else 9))
    at = fc + 2 + _LSTF * len(heads)
    out: dict[int, dict[int, Level]] = {}
    for lsid, level_count in heads:
        levels: dict[int, Level] = {}
        for ilvl in range(level_count):
            read = _level(table, at)
            levels[ilvl] = read.level
            at = read.end
        out[lsid] = levels
    return out


def _level(table: bytes, at: int) -> _Read:
    start, nfc, flags = struct.unpack_from("<iBB", table, at)
    positions = table[at + 6 : at + 15]  # 1-based places of the level numbers in the text
    chpx_size, papx_size, restart_limit = table[at + 24], table[at + 25], table[at + 26]
    at += _LVLF + papx_size + chpx_size
    (length,) = struct.unpack_from("<H", table, at)
    raw = table[at + 2 : at + 2 + 2 * length]
    if len(raw) != 2 * length:
        raise ValueError("a list level's number text is cut short")
    chars = list(raw.decode("utf-16-le"))
    for place in positions:
        if place == 0 or place > len(chars):
            break
        code = ord(chars[place - 1])
        if code < 9:
            chars[place - 1] = f"%{code + 1}"
    fmt = _FORMATS.get(nfc, "decimal")
    # fNoRestart: the level restarts only after levels above `restart_limit`; else after any.
    restart = restart_limit if flags & 0x08 else None
    return _Read(Level(fmt, "".join(chars), start, restart), at + 2 + 2 * length)


def _overrides(table: bytes, fc: int, lcb: int, defined: dict[int, dict[int, Level]]) -> Numbering:
    out = Numbering()
    if lcb < 4 or fc + lcb > len(table):
        return out
    (count,) = struct.unpack_from("<I", table, fc)
    heads = []
    for i in range(count):
        at = fc + 4 + _LFO * i
        (lsid,) = struct.unpack_from("<i", table, at)
        heads.append((lsid, table[at + 12]))
    at = fc + 4 + _LFO * count
    for i, (lsid, level_count) in enumerate(heads):
        levels = dict(defined.get(lsid, {}))
        starts: dict[int, int] = {}
        at += 4  # the LFOData's cp, unused
        for _ in range(level_count):
            start, flags = struct.unpack_from("<iI", table, at)
            at += 8
            ilvl = flags & 0xF
            if flags & 0x20:  # fFormatting: the level's whole form follows
                read = _level(table, at)
                levels[ilvl] = read.level
                starts[ilvl] = read.level.start
                at = read.end
            if flags & 0x10:  # fStartAt
                starts[ilvl] = start
        out.lists[str(i + 1)] = _List(str(lsid), starts, levels)
    return out
