"""Word documents (.docx) read with python-docx: the body in order, tables cell by cell.

The text is read as the document reads with all tracked changes accepted: what was
inserted (`w:ins`, `w:moveTo`) is the report's text, what was deleted (`w:del`,
`w:moveFrom`, a deleted table row) is not. python-docx's runs are only those straight
under a paragraph, so a corrected count ("sniegtas ~~58~~ 64 konsultācijas") lost its 64;
the paragraph's runs are walked here instead.

A text box (`w:txbxContent`) holds paragraphs of its own, drawn where it is anchored: they
are read after the paragraph anchoring them. A box saved twice, as a drawing and as the
older VML picture for programs that cannot show it (`mc:AlternateContent`), is read once.

List numbers are counted as Word counts them (`numbering`).

A footnote's reference shows its number as a superscript ("centrs”¹", "689,75¹"), and the
footnotes are written after the body, each a paragraph opening with its mark, as a printed
page shows them at its foot (`footnotes`): the parser keeps such closing notes apart from
every section's value. One referred to right after an amount is kept too: left out with its
mark, what a note on a funding cell said (a remainder carried over, the day it was returned)
was lost; one glued to a count ("146¹ dalībnieki") is still left out (`footnotes`). The title
written only in the first page's header, where the body has none before its first label, is
read first, as the page shows it above the body.

A tab (`w:tab`) is the typist's, kept: a row set with tab stops is a table's (`layout`).
"""

from __future__ import annotations

import io
import zipfile
from collections.abc import Iterator
from typing import Any

import docx
from docx.document import Document as WordDocument
from docx.opc.exceptions import OpcError
from docx.oxml import parse_xml
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.table import Table as WordTable
from docx.table import _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run as WordRun

from pipeline.documents.footnotes import Footnote, mark_shown, note_blocks, shown_after
from pipeline.documents.header_title import body_lacks_title, title_paragraphs
from pipeline.documents.layout import (
    Block,
    Cell,
    Para,
    Run,
    Table,
    table_in_cell,
)
from pipeline.documents.numbering import numbering_of

# Deleted text, and what only describes an element: no text of the document as it reads.
_LEFT_OUT = {
    qn(tag)
    for tag in ("w:del", "w:moveFrom", "w:pPr", "w:rPr", "w:sdtPr", "w:customXmlPr", "w:smartTagPr")
}
_MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
_FALLBACK = f"{{{_MC}}}Fallback"
_CHOICE = f"{{{_MC}}}Choice"


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


_FOOTNOTES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes"


class _Reader:
    def __init__(self, document: WordDocument) -> None:
        self.document = document
        self.numbering = numbering_of(document)
        self.footnotes = _footnotes(document)
        self.referred: list[tuple[str, str]] = []  # (mark shown, footnote id), in order
        self.counted = 0  # the footnote references met

    def blocks(self) -> list[Block]:
        body = self.content(self.document.element.body)
        notes = [
            Footnote(mark, tuple(_text(p, self.document) for p in self.footnotes.get(note, ())))
            for mark, note in self.referred
        ]
        return [*self.header_title(body), *body, *note_blocks(notes)]

    def header_title(self, body: list[Block]) -> list[Block]:
        """The first page's header paragraphs that hold the title, where the body before its
        first label has none."""
        if not body_lacks_title(body):
            return []
        section = self.document.sections[0]
        headers = [section.first_page_header] if section.different_first_page_header_footer else []
        headers.append(section.header)
        # the first section links to no header: a linked one is none of this kind
        return title_paragraphs(
            [_text(p._p, header) for p in header.paragraphs]
            for header in headers
            if not header.is_linked_to_previous
        )

    def content(self, parent: BaseOxmlElement) -> list[Block]:
        """Paragraphs and tables in order, also those inside content controls."""
        out: list[Block] = []
        for child in parent.iterchildren():
            if child.tag == qn("w:p"):
                out.extend(self.paras(Paragraph(child, self.document)))
            elif child.tag == qn("w:tbl"):
                out.append(self.table(WordTable(child, self.document)))
            elif child.tag in (qn("w:sdt"), qn("w:sdtContent"), qn("w:customXml")):
                out.extend(self.content(child))
        return out

    def table(self, table: WordTable) -> Table:
        rows = []
        for tr in table._tbl.tr_lst:
            if tr.trPr is not None and tr.trPr.find(qn("w:del")) is not None:
                continue  # a row deleted with the changes tracked
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
        for block in self.content(cell._tc):
            paras.extend(table_in_cell(block) if isinstance(block, Table) else [block])
        return tuple(paras)

    def paras(self, paragraph: Paragraph) -> list[Block]:
        """The paragraph, then the text boxes anchored in it."""
        runs: list[Run] = []
        boxes: list[Block] = []
        for r in _runs(paragraph._p):
            run = WordRun(r, paragraph)
            runs.append(Run(run.text, _italic(run)))
            reference = r.find(qn("w:footnoteReference"))
            if reference is not None and reference.get(qn("w:customMarkFollows")) not in (
                "1",
                "true",
                "on",
            ):
                # Word numbers footnotes in the order they are referred to.
                self.counted += 1
                if shown_after("".join(r.text for r in runs)):
                    mark = mark_shown(str(self.counted))
                    self.referred.append((mark, reference.get(qn("w:id"), "")))
                    runs.append(Run(mark))
            for box in _boxes(r):
                boxes.extend(self.content(box))
        return [Para(tuple(runs), self.marker(paragraph)), *boxes]

    def marker(self, paragraph: Paragraph) -> str | None:
        num_id, level = _numbering_of(paragraph)
        if num_id is None or num_id == "0":
            return None
        return self.numbering.marker(num_id, level)


def _footnotes(document: WordDocument) -> dict[str, list[BaseOxmlElement]]:
    """Each footnote's paragraphs by its id (Word's separators, ids -1 and 0, are none)."""
    for rel in document.part.rels.values():
        if rel.reltype == _FOOTNOTES and not rel.is_external:
            root = parse_xml(rel.target_part.blob)
            return {
                note.get(qn("w:id"), ""): list(note.iter(qn("w:p")))
                for note in root.iterchildren(qn("w:footnote"))
                if note.get(qn("w:type")) in (None, "normal")
            }
    return {}


def _text(paragraph: BaseOxmlElement, parent: Any) -> str:
    """A paragraph's text as it reads, its ends stripped."""
    return "".join(WordRun(r, parent).text for r in _runs(paragraph)).strip()


def _runs(element: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    """A paragraph's runs as it reads with its changes accepted: also those in insertions,
    hyperlinks, fields and content controls; none that were deleted or moved away."""
    for child in element.iterchildren():
        if child.tag == qn("w:r"):
            yield child
        elif child.tag not in _LEFT_OUT and child.tag != _FALLBACK and not isinstance(child, CT_P):
            yield from _runs(child)


def _boxes(run: BaseOxmlElement) -> Iterator[BaseOxmlElement]:
    """The text boxes drawn in a run, each once: a VML copy kept for older programs
    (`mc:Fallback`) is left out when the drawing itself (`mc:Choice`) holds the box."""
    for box in run.iter(qn("w:txbxContent")):
        ancestors = list(box.iterancestors())
        if any(a.tag == qn("w:txbxContent") for a in ancestors[: ancestors.index(run)]):
            continue  # a box inside a box is read with the outer box's content
        fallback = next((a for a in ancestors if a.tag == _FALLBACK), None)
        if fallback is not None:
            alternate = fallback.getparent()
            chosen = [c for c in alternate.iterchildren(_CHOICE)] if alternate is not None else []
            if any(c.find(f".//{qn('w:txbxContent')}") is not None for c in chosen):
                continue
        yield box


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
