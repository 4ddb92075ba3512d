"""OpenDocument text (.odt, LibreOffice's own format), read from its content.xml with the
standard library: the format is plain, documented XML, so no further dependency is needed."""

from __future__ import annotations

import io
import zipfile
from collections import defaultdict
from xml.etree import ElementTree as ET

from pipeline.documents.layout import (
    BREAK,
    Block,
    Cell,
    Para,
    Run,
    Table,
    bullet_marker,
    table_in_cell,
)
from pipeline.documents.spans import RowSpans, span_count

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
}


def _q(name: str) -> str:
    prefix, local = name.split(":")
    return f"{{{_NS[prefix]}}}{local}"


class OdfError(Exception):
    """The package is not a readable OpenDocument text."""


def read_odt(data: bytes) -> list[Block]:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            content = ET.fromstring(archive.read("content.xml"))
            styles = (
                ET.fromstring(archive.read("styles.xml"))
                if "styles.xml" in archive.namelist()
                else None
            )
    except (zipfile.BadZipFile, KeyError, ET.ParseError, EOFError, OSError) as exc:
        raise OdfError(str(exc) or exc.__class__.__name__) from exc
    body = content.find("office:body/office:text", _NS)
    if body is None:
        raise OdfError("no text body")
    return _Reader(content, styles).blocks(body)


_ROW_GROUPS = {
    _q("table:table-header-rows"),
    _q("table:table-rows"),
    _q("table:table-row-group"),
}


def _rows(table: ET.Element) -> list[ET.Element]:
    """The table's own rows, also those in header and row groups; not the rows of a table
    inside one of its cells, which belong to that cell."""
    out: list[ET.Element] = []
    for child in table:
        if child.tag == _q("table:table-row"):
            out.append(child)
        elif child.tag in _ROW_GROUPS:
            out.extend(_rows(child))
    return out


class _Reader:
    def __init__(self, content: ET.Element, styles: ET.Element | None) -> None:
        self.italic: set[str] = set()
        self.lists: dict[str, tuple[str, str, str]] = {}  # list style → (format, prefix, suffix)
        self.counters: dict[int, int] = defaultdict(int)
        for root in (styles, content):
            if root is None:
                continue
            for style in root.iter(_q("style:style")):
                props = style.find("style:text-properties", _NS)
                if props is not None and props.get(_q("fo:font-style")) == "italic":
                    self.italic.add(style.get(_q("style:name"), ""))
            for list_style in root.iter(_q("text:list-style")):
                name = list_style.get(_q("style:name"), "")
                level = next(iter(list_style), None)
                if level is None:
                    continue
                if level.tag == _q("text:list-level-style-bullet"):
                    self.lists[name] = ("bullet", "", "")
                else:
                    fmt = level.get(_q("style:num-format"), "")
                    self.lists[name] = (
                        fmt,
                        level.get(_q("style:num-prefix"), ""),
                        level.get(_q("style:num-suffix"), "."),
                    )

    def blocks(self, parent: ET.Element) -> list[Block]:
        out: list[Block] = []
        for child in parent:
            if child.tag in (_q("text:p"), _q("text:h")):
                out.append(self.para(child, None))
            elif child.tag == _q("text:list"):
                out.extend(self.list_items(child, None))
            elif child.tag == _q("table:table"):
                out.append(self.table(child))
            elif child.tag == _q("text:section"):
                out.extend(self.blocks(child))
        return out

    def table(self, table: ET.Element) -> Table:
        rows = []
        spans = RowSpans()
        for row in _rows(table):
            cells: list[Cell] = []
            column = 0
            for cell in row:
                repeated = span_count(cell.get(_q("table:number-columns-repeated")))
                if cell.tag == _q("table:covered-table-cell"):
                    # A place a spanning cell covers: from above, an empty cell (as Word
                    # writes it); from the left, part of that cell.
                    for k in range(repeated):
                        if spans.covered(column + k):
                            cells.append(())
                    column += repeated
                    continue
                if cell.tag != _q("table:table-cell"):
                    continue
                paras: list[Para] = []
                for block in self.blocks(cell):
                    if isinstance(block, Para):
                        paras.append(block)
                    else:
                        paras.extend(table_in_cell(block))
                cells.append(tuple(paras))
                spans.add(
                    column,
                    span_count(cell.get(_q("table:number-columns-spanned"))),
                    span_count(cell.get(_q("table:number-rows-spanned"))),
                )
                # The columns it spans follow as covered cells; repeats of an empty cell
                # (LibreOffice's shorthand) stay one cell, as before.
                column += repeated
            spans.next_row()
            rows.append(tuple(cells))
        return Table(tuple(rows))

    def list_items(self, node: ET.Element, style: str | None) -> list[Para]:
        style = node.get(_q("text:style-name")) or style
        fmt, prefix, suffix = self.lists.get(style or "", ("bullet", "", ""))
        key = id(node)
        out: list[Para] = []
        for item in node.findall("text:list-item", _NS):
            self.counters[key] += 1
            first = True
            for child in item:
                if child.tag == _q("text:list"):
                    out.extend(self.list_items(child, style))
                elif child.tag in (_q("text:p"), _q("text:h")):
                    marker = bullet_marker(fmt, self.counters[key], f"{prefix}%1{suffix}")
                    out.append(self.para(child, marker if first else ""))
                    first = False
        return out

    def para(self, node: ET.Element, marker: str | None) -> Para:
        runs: list[Run] = []
        self._runs(node, node.get(_q("text:style-name"), "") in self.italic, runs)
        return Para(tuple(runs), marker)

    def _runs(self, node: ET.Element, italic: bool, out: list[Run]) -> None:
        if node.text:
            out.append(Run(node.text, italic))
        for child in node:
            if child.tag == _q("text:s"):
                out.append(Run(" " * int(child.get(_q("text:c"), "1")), italic))
            elif child.tag == _q("text:tab"):
                out.append(Run(" ", italic))
            elif child.tag == _q("text:line-break"):
                out.append(Run(BREAK, italic))
            elif child.tag in (_q("text:span"), _q("text:a")):
                own = child.get(_q("text:style-name"), "")
                self._runs(child, italic or own in self.italic, out)
            elif child.tag not in (_q("text:note"), _q("office:annotation")):
                self._runs(child, italic, out)
            if child.tail:
                out.append(Run(child.tail, italic))
