"""OpenDocument text (.odt, LibreOffice's own format), read from its content.xml with the
standard library: the format is plain, documented XML, so no further dependency is needed.

A list's numbers are not in the text: each `text:list` names a list style, which gives every
level its format, prefix and suffix, how many levels its number shows ("1.2.") and where it
starts; LibreOffice counts. They are counted here as LibreOffice counts them, so a list reads
as the same list saved from Word does (`numbering`):

- a list restarts its numbers unless it continues another: the list just before it, when
  that one has the same style (`text:continue-numbering`), or the one it names
  (`text:continue-list`); a list inside an item is a level of its item's list;
- an item's number at its level restarts every lower level; an item may set its number
  (`text:start-value`);
- only an item's first paragraph shows the number; its other paragraphs, and those of a
  list's header (`text:list-header`), show none, as a paragraph without a number in Word.

A footnote (`text:note` of class footnote) is read as the Word readers read one: its
citation as a superscript after the word it marks ("apmeklētāju¹"), its text after the
body, a paragraph opening with the mark (`footnotes`). Left out, what the note said (an
estimate, a remainder carried over) was lost. An endnote is still left out. A tab is the
typist's tab (`layout.TAB`).
"""

from __future__ import annotations

import io
import zipfile
from dataclasses import dataclass, field
from xml.etree import ElementTree as ET

from pipeline.documents.footnotes import Footnote, mark_shown, note_blocks, shown_after
from pipeline.documents.layout import (
    BREAK,
    TAB,
    Block,
    Cell,
    Para,
    Run,
    Table,
    bullet_marker,
    number_text,
    table_in_cell,
)
from pipeline.documents.spans import RowSpans, span_count

_NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "xml": "http://www.w3.org/XML/1998/namespace",
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
    reader = _Reader(content, styles)
    return [*reader.blocks(body), *note_blocks(reader.notes)]


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


@dataclass(frozen=True, slots=True)
class _Level:
    fmt: str = "bullet"  # style:num-format ("1", "a", "i", …; "" shows none), or a bullet
    prefix: str = ""
    suffix: str = ""  # none where the style gives none: "1", not "1."
    shown: int = 1  # text:display-levels: this level's number and those above it
    start: int = 1


_BULLET = _Level()
_LEVEL_STYLES = {
    _q("text:list-level-style-number"),
    _q("text:list-level-style-bullet"),
    _q("text:list-level-style-image"),
}


def _list_style(node: ET.Element) -> dict[int, _Level]:
    levels: dict[int, _Level] = {}
    for level in node:
        if level.tag not in _LEVEL_STYLES:
            continue
        at = _number(level.get(_q("text:level")), 1)
        if level.tag != _q("text:list-level-style-number"):
            levels[at] = _BULLET
            continue
        levels[at] = _Level(
            level.get(_q("style:num-format"), ""),
            level.get(_q("style:num-prefix"), ""),
            level.get(_q("style:num-suffix"), ""),
            _number(level.get(_q("text:display-levels")), 1),
            _number(level.get(_q("text:start-value")), 1),
        )
    return levels


def _number(text: str | None, default: int) -> int:
    return int(text) if text is not None and text.isdigit() and int(text) > 0 else default


@dataclass(slots=True)
class _Count:
    """One list's numbers so far, level by level; lists continuing it share it."""

    style: str | None
    counts: dict[int, int] = field(default_factory=dict)


class _Reader:
    def __init__(self, content: ET.Element, styles: ET.Element | None) -> None:
        self.italic: set[str] = set()
        self.lists: dict[str, dict[int, _Level]] = {}  # list style → its levels
        self.named: dict[str, _Count] = {}  # a list's xml:id → its count
        self.last: _Count | None = None  # the count of the last list outside any list
        self.notes: list[Footnote] = []  # the footnotes referred to, in order
        for root in (styles, content):
            if root is None:
                continue
            for style in root.iter(_q("style:style")):
                props = style.find("style:text-properties", _NS)
                if props is not None and props.get(_q("fo:font-style")) == "italic":
                    self.italic.add(style.get(_q("style:name"), ""))
            for list_style in root.iter(_q("text:list-style")):
                self.lists[list_style.get(_q("style:name"), "")] = _list_style(list_style)

    def blocks(self, parent: ET.Element) -> list[Block]:
        out: list[Block] = []
        for child in parent:
            if child.tag in (_q("text:p"), _q("text:h")):
                out.append(self.para(child, None))
            elif child.tag == _q("text:list"):
                out.extend(self.list_items(child, self.count_of(child), 1))
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

    def count_of(self, node: ET.Element) -> _Count:
        """The count a list outside any list goes on with: its own, unless it continues one."""
        style = node.get(_q("text:style-name"))
        named = node.get(_q("text:continue-list"))
        if named is not None and named in self.named:
            count = self.named[named]
        elif (
            named is None
            and node.get(_q("text:continue-numbering")) == "true"
            and self.last is not None
            and self.last.style == style
        ):
            count = self.last
        else:
            count = _Count(style)
        own = node.get(_q("xml:id"))
        if own is not None:
            self.named[own] = count
        self.last = count
        return count

    def list_items(self, node: ET.Element, count: _Count, level: int) -> list[Para]:
        levels = self.lists.get(node.get(_q("text:style-name")) or count.style or "", {})
        out: list[Para] = []
        for item in node:
            header = item.tag == _q("text:list-header")
            if not header and item.tag != _q("text:list-item"):
                continue
            start = item.get(_q("text:start-value"))
            first = not header
            for child in item:
                if child.tag == _q("text:list"):
                    out.extend(self.list_items(child, count, level + 1))
                elif child.tag in (_q("text:p"), _q("text:h")):
                    marker = self.marker(levels, count, level, start) if first else None
                    out.append(self.para(child, marker))
                    first = False
        return out

    def marker(
        self, levels: dict[int, _Level], count: _Count, level: int, start: str | None
    ) -> str:
        """The number (or bullet) an item's first paragraph shows, counted on."""
        counts = count.counts
        for upper in range(1, level):
            # A lower level numbered before any item above it: LibreOffice counts that item
            # as there, so the next one above shows 2.
            counts.setdefault(upper, levels.get(upper, _BULLET).start)
        own = levels.get(level, _BULLET)
        if start is not None:
            counts[level] = _number(start, own.start)
        else:
            counts[level] = counts[level] + 1 if level in counts else own.start
        for lower in [k for k in counts if k > level]:
            del counts[lower]
        if own.fmt == "bullet" or own.fmt == "":
            return bullet_marker(own.fmt, counts[level])
        shown = ".".join(
            number_text(levels.get(at, own).fmt, counts[at])
            for at in range(max(1, level - own.shown + 1), level + 1)
        )
        return f"{own.prefix}{shown}{own.suffix} "

    def footnote(self, note: ET.Element) -> str:
        """The mark a footnote shows where it is referred to; its text kept for after the
        body. An endnote, printed at the document's end, is left out, as before."""
        citation = note.find("text:note-citation", _NS)
        shown = "".join(citation.itertext()).strip() if citation is not None else ""
        mark = mark_shown(shown or str(len(self.notes) + 1))
        texts: list[str] = []
        body = note.find("text:note-body", _NS)
        for node in body.iter() if body is not None else ():
            if node.tag in (_q("text:p"), _q("text:h")):
                runs: list[Run] = []
                self._runs(node, False, runs)
                texts.append("".join(r.text for r in runs))
        self.notes.append(Footnote(mark, tuple(texts)))
        return mark

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
                out.append(Run(TAB, italic))
            elif child.tag == _q("text:line-break"):
                out.append(Run(BREAK, italic))
            elif child.tag in (_q("text:span"), _q("text:a")):
                own = child.get(_q("text:style-name"), "")
                self._runs(child, italic or own in self.italic, out)
            elif child.tag == _q("text:note"):
                if child.get(_q("text:note-class"), "footnote") == "footnote" and shown_after(
                    "".join(r.text for r in out)
                ):
                    out.append(Run(self.footnote(child)))
            elif child.tag != _q("office:annotation"):
                self._runs(child, italic, out)
            if child.tail:
                out.append(Run(child.tail, italic))
