"""A Word 97–2003 document's paragraphs put together into the .docx reader's blocks: its
tables, the tables in their cells, its list items with the numbers Word shows.

A paragraph says by its properties how deep in tables it stands (itap; or only "in a table",
fInTable, for depth 1) and whether its mark ends a cell or a row ([MS-DOC] 2.4.3). At depth 1
a cell ends with the "\\x07" mark and a row with one more "\\x07" paragraph that says so
(fTtp); deeper, a cell's and a row's ends are paragraph marks that say so (fInnerTableCell,
fInnerTtp). A row's own end paragraph holds no text of a cell. A table inside a cell is that
cell's paragraphs as `layout.table_in_cell` writes it, as the .docx reader does.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.documents.layout import Block, Cell, Para, Row, Run, Table, table_in_cell
from pipeline.documents.numbering import Numbering
from pipeline.documents.word97_props import (
    P_ILFO,
    P_ILVL,
    P_IN_TABLE,
    P_INNER_CELL,
    P_INNER_TTP,
    P_ITAP,
    P_TTP,
    Sprms,
    Style,
    flag,
    number,
    style_chain,
)

_MAX_DEPTH = 64


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A paragraph as the text gives it: what it shows, the mark that ends it, its style and
    own property changes, and the text boxes anchored in it."""

    runs: tuple[Run, ...]
    mark: str  # "\r", "\x07" or a section's "\x0c"
    mark_deleted: bool
    style: int
    changes: Sprms
    boxes: tuple[Paragraph, ...] = ()


@dataclass(slots=True)
class _Open:
    """A table being put together: its rows so far, its row's cells, its cell's paragraphs."""

    rows: list[Row] = field(default_factory=list)
    cells: list[Cell] = field(default_factory=list)
    paras: list[Para] = field(default_factory=list)


def assemble(
    paragraphs: list[Paragraph], styles: dict[int, Style], numbering: Numbering
) -> list[Block]:
    return _Assembler(styles, numbering).blocks(paragraphs)


class _Assembler:
    def __init__(self, styles: dict[int, Style], numbering: Numbering) -> None:
        self.styles = styles
        self.numbering = numbering

    def blocks(self, paragraphs: list[Paragraph]) -> list[Block]:
        out: list[Block] = []
        stack: list[_Open] = []

        def place(blocks: list[Block]) -> None:
            for block in blocks:
                if not stack:
                    out.append(block)
                elif isinstance(block, Table):
                    stack[-1].paras.extend(table_in_cell(block))
                else:
                    stack[-1].paras.append(block)

        def close() -> None:
            table = stack.pop()
            _end_row(table)
            place([Table(tuple(table.rows))])

        for paragraph in paragraphs:
            own = self.props(paragraph)
            depth = _depth(own)
            while len(stack) > depth:
                close()
            while len(stack) < depth:
                stack.append(_Open())
            if not stack:
                place(self.paras(paragraph))
                continue
            table = stack[-1]
            if flag(own, P_TTP if depth == 1 else P_INNER_TTP) and (
                depth > 1 or paragraph.mark == "\x07"
            ):
                if paragraph.mark_deleted:  # a row deleted with the changes tracked
                    table.cells, table.paras = [], []
                else:
                    _end_row(table)
                continue
            place(self.paras(paragraph))
            if paragraph.mark == "\x07" if depth == 1 else flag(own, P_INNER_CELL):
                table.cells.append(tuple(table.paras))
                table.paras = []
        while stack:
            close()
        return out

    def props(self, paragraph: Paragraph) -> Sprms:
        """The paragraph's table properties: its own, else its style's."""
        merged: Sprms = {}
        for style in reversed(style_chain(self.styles, paragraph.style)):
            merged.update(style.paragraph)
        merged.update(paragraph.changes)
        return merged

    def paras(self, paragraph: Paragraph) -> list[Block]:
        """The paragraph, then its text boxes' content. The boxes are read first, as the
        .docx reader reads them, so their list items are counted before the paragraph's."""
        boxes = self.blocks(list(paragraph.boxes)) if paragraph.boxes else []
        return [Para(paragraph.runs, self.marker(paragraph)), *boxes]

    def marker(self, paragraph: Paragraph) -> str | None:
        """The list number or bullet the paragraph shows: its own list, else its style's,
        each with the level given beside it. A list the tables do not hold shows none."""
        for changes in (paragraph.changes, *(s.paragraph for s in self._chain(paragraph))):
            if P_ILFO in changes:
                ilfo = number(changes, P_ILFO) or 0
                if ilfo <= 0 or str(ilfo) not in self.numbering.lists:
                    return None
                level = number(changes, P_ILVL) or 0
                return self.numbering.marker(str(ilfo), str(level))
        return None

    def _chain(self, paragraph: Paragraph) -> list[Style]:
        return style_chain(self.styles, paragraph.style)


def _depth(props: Sprms) -> int:
    itap = number(props, P_ITAP)
    if itap is not None:
        return max(0, min(itap, _MAX_DEPTH))
    return 1 if flag(props, P_IN_TABLE) else 0


def _end_row(table: _Open) -> None:
    """Ends the row being read: a cell left open (a document cut short) is its last."""
    if table.paras:
        table.cells.append(tuple(table.paras))
        table.paras = []
    if table.cells:
        table.rows.append(tuple(table.cells))
        table.cells = []
