"""Where a Word 97–2003 document's text boxes stand ([MS-DOC] 2.8.25 PlcfSpa, 2.8.33
PlcftxbxTxt; [MS-ODRAW] for the drawing).

A text box's text is not in the main text: all boxes' text follows it, in a story of its
own, each box's part named by the shape holding it (FTXBXS.lid). The main text has, where a
shape is anchored, a character standing for it, and the table PlcfSpa names the shape
anchored at each such place. A group of shapes (an organisation chart, shapes drawn on a
canvas) is anchored as one shape: which boxes are in it the drawing says, where each group
lists the shapes it holds.
"""

from __future__ import annotations

import struct
from collections.abc import Iterator

_GROUP = 0xF003  # OfficeArtSpgrContainer: a group, its own shape first, then its members
_SHAPE = 0xF004  # OfficeArtSpContainer
_FSP = 0xF00A  # a shape's id and kind
_MAX_DEPTH = 32


def anchored_boxes(
    table: bytes,
    boxes_place: tuple[int, int],
    story: int,
    anchors_place: tuple[int, int],
    drawing_place: tuple[int, int],
) -> dict[int, list[tuple[int, int]]]:
    """By the CP of each shape's anchor in the main text, the CPs of the text boxes in it."""
    boxes = _boxes(table, boxes_place, story)
    if not boxes:
        return {}
    members = _group_members(table, drawing_place)
    fc, lcb = anchors_place
    if lcb < 4 or fc + lcb > len(table):
        return {}
    n = (lcb - 4) // 30  # n + 1 CPs, then n FSPA of 26 bytes
    cps = struct.unpack_from(f"<{n + 1}I", table, fc)
    out: dict[int, list[tuple[int, int]]] = {}
    for i in range(n):
        (spid,) = struct.unpack_from("<i", table, fc + 4 * (n + 1) + 26 * i)
        found = [boxes[s] for s in (spid, *members.get(spid, ())) if s in boxes]
        if found:
            out.setdefault(cps[i], []).extend(found)  # in the order the group holds them
    return out


def _boxes(table: bytes, place: tuple[int, int], story: int) -> dict[int, tuple[int, int]]:
    """The text boxes' text, by the shape holding it: its first CP and its end."""
    fc, lcb = place
    if lcb < 4 or fc + lcb > len(table):
        return {}
    n = (lcb - 4) // 26  # n + 1 CPs, then n FTXBXS of 22 bytes
    cps = struct.unpack_from(f"<{n + 1}I", table, fc)
    out: dict[int, tuple[int, int]] = {}
    for i in range(n - 1):  # the last one is a sentinel
        (lid,) = struct.unpack_from("<i", table, fc + 4 * (n + 1) + 22 * i + 14)
        # A box's text ends with one more paragraph mark, which ends the box, not a paragraph.
        out[lid] = (story + cps[i], story + max(cps[i], cps[i + 1] - 1))
    return out


def _group_members(table: bytes, place: tuple[int, int]) -> dict[int, list[int]]:
    """Each group's id, and the ids of the shapes in it and in the groups in it."""
    fc, lcb = place
    if lcb < 8 or fc + lcb > len(table):
        return {}
    out: dict[int, list[int]] = {}
    end = fc + lcb
    # The drawing group's record, then each drawing: a byte naming its story, its record.
    records = list(_records(table, fc, end))[:1]
    at = records[0][3] if records else end
    while at + 9 <= end:
        records = list(_records(table, at + 1, end))[:1]
        if not records:
            break
        _walk(table, records[0][2], records[0][3], out, 0)
        at = records[0][3]
    return out


def _walk(data: bytes, at: int, end: int, out: dict[int, list[int]], depth: int) -> list[int]:
    """The shape ids in the records from `at` to `end`; each group's noted in `out`."""
    ids: list[int] = []
    for kind, is_container, start, stop in _records(data, at, end):
        if kind == _FSP and stop - start >= 4:
            ids.append(struct.unpack_from("<i", data, start)[0])
        elif is_container and depth < _MAX_DEPTH:
            inner = _walk(data, start, stop, out, depth + 1)
            if kind == _GROUP and inner:
                out[inner[0]] = inner[1:]
            ids.extend(inner)
    return ids


def _records(data: bytes, at: int, end: int) -> Iterator[tuple[int, bool, int, int]]:
    """The records from `at` to `end`: kind, whether it holds records, its body's bounds."""
    while at + 8 <= end:
        version_instance, kind, size = struct.unpack_from("<HHI", data, at)
        start = at + 8
        stop = min(start + size, end)
        yield kind, version_instance & 0xF == 0xF, start, stop
        at = start + size
