"""Text set in two columns going on at the top of the next page, too short there to show its
gutter.

Where a section set in columns ends, LibreOffice and Word balance its last lines over the
columns: the report's last two fields stood side by side on the last page, "Neatgūto līdzekļu
apmērs no neatbilstoši veiktajiem izdevumiem / Nav" on the left and "Cita informācija / Nav"
on the right, two or three lines each. So few lines show no gutter of their own
(`pdf_columns` asks for three with text on both sides of it), and read across the page
they ran the two fields into one ("… no neatbilstoši Cita informācija veiktajiem …"). The
page before ended in the same columns, and the lines at the top of this page keep clear of
its gutter and begin where its columns begin: they are the same columns going on.
"""

from __future__ import annotations

from collections.abc import Sequence

from pipeline.documents.pdf_columns import Frame
from pipeline.documents.pdf_lines import Line, Word

_ALIGNED = 1.0  # points: lines starting this close start at the same place
_SLACK = 1.0  # points: a justified line's end, measured apart from the gutter


def carried(frame: Frame, lines: Sequence[Line]) -> tuple[int, list[Line]] | None:
    """Whether a page's first lines (outside the tables, without the page's furniture) go on
    in the columns `frame` of the page before, where that page's text ended: how many of them
    do, and those lines in reading order, the left column's and then the right one's, laid
    at the left column's place as `pdf_columns` lays them."""
    a, b = frame.gutter
    left, right = frame.margins[0], frame.margins[0] + frame.shift
    count = 0
    for line in lines:
        if any(w.x1 > a + _SLACK and w.x0 < b - _SLACK for w in line.words):
            break  # a line across the gutter: the page goes on in one column
        count += 1
    taken = lines[:count]
    starts = [w.x0 for line in taken for w in line.words if w.x0 >= b - _SLACK]
    firsts = [line.x0 for line in taken if line.x0 <= a + _SLACK]
    if not any(abs(x - right) <= _ALIGNED for x in starts):
        return None
    if not any(abs(x - left) <= _ALIGNED for x in firsts):
        return None
    lefts: list[Line] = []
    rights: list[Line] = []
    for line in taken:
        here = [w for w in line.words if w.x0 < b - _SLACK]
        there = [w for w in line.words if w.x0 >= b - _SLACK]
        if here:
            # The left part ends with a space where one stood before the right part.
            end = line.ends_with_space if not there else there[0].spaced
            lefts.append(Line(here, ends_with_space=end, space=line.space))
        if there:
            rights.append(Line(_moved(there, frame.shift), line.ends_with_space, line.space))
    return count, lefts + rights


def _moved(words: list[Word], shift: float) -> list[Word]:
    for word in words:
        word.x0 -= shift
        word.x1 -= shift
        word.space_before = word is not words[0] and word.space_before
    return words
