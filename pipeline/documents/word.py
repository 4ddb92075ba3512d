"""Word documents (.docx) read with python-docx: the body in order, tables cell by cell."""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict

import docx
from docx.document import Document as WordDocument
from docx.opc.exceptions import OpcError
from docx.oxml.ns import qn
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.hyperlink import Hyperlink
from docx.text.paragraph import Paragraph
from docx.text.run import Run as WordRun

from pipeline.documents.layout import (
    Block,
    Cell,
    Para,
    Run,
    Table,
    bullet_marker,
    table_in_cell,
)


class WordError(Exception):
    """The package is not a readable Word document."""


def read_docx(data: bytes) -> list[Block]:
    try:
        document = docx.Document(io.BytesIO(data))
        return _Reader(document).blocks()
    except (
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        OpcError,
        SyntaxError,
        EOFError,
    ) as exc:
        raise WordError(str(exc) or exc.__class__.__name__) from exc


class _Reader:
    def __init__(self, document: WordDocument) -> None:
        self.document = document
        self.counters: dict[tuple[str, str], int] = defaultdict(int)
        self.formats = _numbering_formats(document)

    def blocks(self) -> list[Block]:
        out: list[Block] = []
        body = self.document.element.body
        for child in body.iterchildren():
            if child.tag == qn("w:p"):
                out.append(self.para(Paragraph(child, self.document)))
            elif child.tag == qn("w:tbl"):
                out.append(self.table(WordTable(child, self.document)))
        return out

    def table(self, table: WordTable) -> Table:
        rows = []
        for tr in table._tbl.tr_lst:
            cells: list[Cell] = []
            # Physical cells, not the grid: a cell spanning two columns is one cell, and a
            # cell continuing a vertical merge holds nothing of its own.
            for tc in tr.tc_lst:
                if tc.vMerge == "continue":
                    cells.append(())
                    continue
                cells.append(self.cell(_Cell(tc, table)))
            rows.append(tuple(cells))
        return Table(tuple(rows))

    def cell(self, cell: _Cell) -> Cell:
        paras: list[Para] = []
        for item in cell.iter_inner_content():
            if isinstance(item, Paragraph):
                paras.append(self.para(item))
            else:
                paras.extend(table_in_cell(self.table(item)))
        return tuple(paras)

    def para(self, paragraph: Paragraph) -> Para:
        runs: list[Run] = []
        for item in paragraph.iter_inner_content():
            parts = item.runs if isinstance(item, Hyperlink) else [item]
            runs.extend(Run(r.text, _italic(r)) for r in parts)
        return Para(tuple(runs), self.marker(paragraph))

    def marker(self, paragraph: Paragraph) -> str | None:
        num_id, level = _numbering_of(paragraph)
        if num_id is None or num_id == "0":
            return None
        fmt, template = self.formats.get((num_id, level), ("decimal", "%1."))
        self.counters[(num_id, level)] += 1
        return bullet_marker(fmt, self.counters[(num_id, level)], template)


def _italic(run: WordRun) -> bool:
    if run.italic is not None:
        return bool(run.italic)
    style = run.style
    while style is not None:
        if style.font.italic is not None:
            return bool(style.font.italic)
        style = style.base_style
    return False


def _numbering_of(paragraph: Paragraph) -> tuple[str | None, str]:
    """The list a paragraph belongs to: its own numbering, else its style's."""
    candidates = [paragraph._p.pPr]
    style = paragraph.style
    while style is not None:
        candidates.append(style.element.pPr)
        style = style.base_style
    for ppr in candidates:
        num_pr = ppr.find(qn("w:numPr")) if ppr is not None else None
        num_id = num_pr.find(qn("w:numId")) if num_pr is not None else None
        if num_pr is not None and num_id is not None:
            level = num_pr.find(qn("w:ilvl"))
            return num_id.get(qn("w:val")), level.get(
                qn("w:val"), "0"
            ) if level is not None else "0"
    return None, "0"


def _numbering_formats(document: WordDocument) -> dict[tuple[str, str], tuple[str, str]]:
    """(numId, level) → (number format, level text) from the numbering part."""
    try:
        numbering = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return {}
    abstract: dict[str, dict[str, tuple[str, str]]] = {}
    for node in numbering.iterchildren(qn("w:abstractNum")):
        levels = {}
        for lvl in node.iterchildren(qn("w:lvl")):
            fmt = lvl.find(qn("w:numFmt"))
            text = lvl.find(qn("w:lvlText"))
            levels[lvl.get(qn("w:ilvl"), "0")] = (
                fmt.get(qn("w:val"), "decimal") if fmt is not None else "decimal",
                text.get(qn("w:val"), "") if text is not None else "",
            )
        abstract[node.get(qn("w:abstractNumId"), "")] = levels
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for num in numbering.iterchildren(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        if ref is None:
            continue
        for level, value in abstract.get(ref.get(qn("w:val"), ""), {}).items():
            out[(num.get(qn("w:numId"), ""), level)] = value
    return out
