"""A report saved as an HTML page, read with the standard library's HTML parser: paragraphs,
tables cell by cell, list items with the bullet or number a browser shows, italics.

A page can give the template's labels and values as a definition list instead of a table
(`<dl><dt>label</dt><dd>value</dd>…</dl>`): the browser shows each term with its value
indented under it, and a reader takes them as the table's rows. So a `<dl>` is read as that
table: each term with its values one row, "label<TAB>value" (several `<dd>` of one term are
paragraphs of its value, several `<dt>` before a value the paragraphs of its label), the
paragraphs, lists and tables inside a `<dd>` as in a cell. A `<dd>` with no term before it
(a page indenting its text) is a row of that one cell.

A report inside a web page is read without the page's frame around it (menus, breadcrumb,
sidebar, cookie notice, footer): see `web_chrome.py`.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from pipeline.documents.layout import BREAK, Block, Para, Run, Table, table_in_cell
from pipeline.documents.spans import RowSpans, span_count
from pipeline.documents.web_chrome import (
    CONTENT,
    holds_report,
    is_frame,
    is_main,
    marks_main,
    report_holders,
)
from pipeline.parse.decode import decode

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "table"}
_SKIP = {"script", "style", "head", "title"}
_TABS = re.compile(r"[\t\r\x0b\x0c]+")
_GROUPS = {"thead", "tbody", "tfoot"}
# Elements that never begin a frame: no end tag closes them (`<img>`), or a page leaves it out
# (`<p>`, `<li>`, a cell), so a frame begun there would run on over the report; or the page's
# own `<body class="cookie-consent-shown">`.
_NO_FRAME = {
    *("area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"),
    *("track", "wbr", "p", "li", "dt", "dd", "tr", "td", "th", "option", "html", "body"),
    *("thead", "tbody", "tfoot", "colgroup"),
}


def read_html(data: bytes) -> list[Block]:
    decoded = decode(data, "")
    text = decoded.text if decoded.text is not None else data.decode("utf-8", "replace")
    if marks_main(text):
        # The page says where its content is; were the report elsewhere, it is read whole.
        blocks = _parse(text, main_only=True)
        if holds_report(blocks):
            return blocks
    return _parse(text, main_only=False)


def _parse(text: str, *, main_only: bool) -> list[Block]:
    parser = _Parser(main_only, report_holders(text))
    parser.feed(text)
    parser.close()
    return parser.result()


class _Parser(HTMLParser):
    def __init__(
        self, main_only: bool = False, holders: frozenset[tuple[int, int]] = frozenset()
    ) -> None:
        super().__init__(convert_charrefs=True)
        # Where the elements begin that hold the report's text: never frame (`web_chrome.py`).
        self.holders = holders
        # The page's frame being skipped: its element's name and how many of that name are
        # open in it. Outside `<main>` (when `main_only`) everything is frame.
        self.frame: tuple[str, int] | None = None
        self.main: tuple[str, int] | None = None
        self.main_only = main_only
        self.within: list[str] = []  # the open content elements (`<article>`, `<main>`, …)
        self.out: list[Block] = []
        self.runs: list[Run] = []
        self.marker: str | None = None
        self.italic = 0
        self.skip = 0
        self.lists: list[list[int | str]] = []  # per open list: [kind, count]
        self.rows: list[list[list[Para]]] | None = None
        self.cell: list[Para] | None = None
        # The open table's cells spanning rows, and the column of its grid the next cell is in.
        self.spans = RowSpans()
        self.column = 0
        # The tables a table inside a cell's text was opened in: their rows, open cell, spans
        # and column, taken up again where the inner table ends.
        self.outer: list[
            tuple[list[list[list[Para]]], list[Para] | None, RowSpans, int, str | None]
        ] = []
        # In a `<dl>`: the last of its items opened ("dt", "dd"), None at its start (and in a
        # table): which row and cell the next `<dt>` or `<dd>` goes on.
        self.item: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self._framed(tag, dict(attrs)):
            return
        if tag in CONTENT:
            self.within.append(tag)
        if tag in _SKIP:
            self.skip += 1
        elif tag in ("i", "em"):
            self.italic += 1
        elif tag == "br":
            # A line break, not a new paragraph: a list item broken over lines is one item.
            self.runs.append(Run(BREAK, self.italic > 0))
        elif tag in ("ul", "ol"):
            self._flush()
            self.lists.append([tag, 0])
        elif tag == "li":
            self._flush()
            if self.lists:
                kind, count = self.lists[-1]
                self.lists[-1][1] = int(count) + 1
                # LibreOffice and many sites write the number in the item's own text
                # when the list shows none; a browser's number is shown otherwise.
                self.marker = "- " if kind == "ul" else f"{int(count) + 1}. "
        elif tag in ("table", "dl"):
            self._flush()
            if self.rows is not None:
                self.outer.append((self.rows, self.cell, self.spans, self.column, self.item))
            self.rows, self.cell = [], None
            self.spans, self.column, self.item = RowSpans(), 0, None
        elif tag in ("dt", "dd") and self.rows is not None:
            self._flush()
            self._definition(tag)
        elif tag in _GROUPS and self.rows is not None:
            # A cell spans rows of its own group only (`thead`, `tbody`), as a browser shows it.
            self._end_row()
            self.spans = RowSpans()
        elif tag == "tr" and self.rows is not None:
            self._end_row()  # a row whose `</tr>` the page leaves out, as HTML allows
            self.rows.append([])
            self.column = 0
        elif tag in ("td", "th") and self.rows is not None:
            self._flush()
            self.cell = []
            if self.rows:
                self._covered()
                self.rows[-1].append(self.cell)
                found = dict(attrs)
                columns = span_count(found.get("colspan"))
                self.spans.add(self.column, columns, span_count(found.get("rowspan")))
                self.column += columns
        elif tag in _BLOCKS:
            self._flush()

    def _framed(self, tag: str, attrs: dict[str, str | None]) -> bool:
        """Whether the tag opened is of the page's frame: in it, or beginning it."""
        if self.frame is not None:
            if tag == self.frame[0]:
                self.frame = (tag, self.frame[1] + 1)
            return True
        if self.main is not None:
            if tag == self.main[0]:
                self.main = (tag, self.main[1] + 1)
        elif self.main_only:
            if not is_main(tag, attrs):
                return True
            self.main = (tag, 1)
            return False
        # `role="main"` on a `<div>` owns its header as `<main>` does
        within = {*self.within, "main"} if self.main is not None else set(self.within)
        if (
            tag not in _NO_FRAME
            and self.getpos() not in self.holders
            and is_frame(tag, attrs, within)
        ):
            self._flush()
            self.frame = (tag, 1)
            return True
        return False

    def _unframed(self, tag: str) -> bool:
        """Whether the tag closed is of the page's text: not in its frame, nor closing it."""
        if self.frame is not None:
            if tag == self.frame[0]:
                depth = self.frame[1] - 1
                self.frame = (tag, depth) if depth else None
            return False
        if self.main is not None and tag == self.main[0]:
            depth = self.main[1] - 1
            self.main = (tag, depth) if depth else None
            return True
        return self.main is not None or not self.main_only

    def handle_endtag(self, tag: str) -> None:
        if not self._unframed(tag):
            return
        if tag in CONTENT and tag in self.within:
            del self.within[len(self.within) - 1 - self.within[::-1].index(tag)]
        if tag in _SKIP:
            self.skip = max(self.skip - 1, 0)
        elif tag in ("i", "em"):
            self.italic = max(self.italic - 1, 0)
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
        elif tag in ("td", "th", "dt", "dd"):
            self._flush()
            self.cell = None
        elif tag == "tr":
            self._end_row()
        elif tag in ("table", "dl") and self.rows is not None:
            self._flush()
            self._end_row()
            table = Table(tuple(tuple(tuple(c) for c in row) for row in self.rows))
            if self.outer:
                self.rows, self.cell, self.spans, self.column, self.item = self.outer.pop()
                if self.cell is not None:
                    self.cell.extend(table_in_cell(table))
                else:  # written between the cells: kept, as a row of its own
                    self.rows.append([table_in_cell(table)])
            else:
                self.out.append(table)
                self.rows, self.cell = None, None
        elif tag in _BLOCKS:
            self._flush()

    def _definition(self, tag: str) -> None:
        """Open the cell of a `<dl>`'s term or value: a term after a value begins a row."""
        assert self.rows is not None
        row = self.rows[-1] if self.rows and self.item is not None else None
        if row is not None and tag == self.item:  # another term, or another value, of one row
            self.cell = row[-1]
        elif row is not None and tag == "dd":  # the value of the term before
            self.cell = []
            row.append(self.cell)
        else:
            self._end_row()
            self.cell = []
            self.rows.append([self.cell])
            self.column = 0
        self.item = tag

    def _covered(self) -> None:
        """The empty cells of the columns a cell from a row above covers, up to the next cell."""
        assert self.rows
        while width := self.spans.covered(self.column):
            self.rows[-1].append([])
            self.column += width

    def _end_row(self) -> None:
        """The open row is done: the columns after its last cell that a cell from above
        covers are empty cells of it too, as Word writes them."""
        if self.rows is None or not self.rows or self.column < 0:
            return
        self._covered()
        self.rows[-1].extend([] for _ in range(self.spans.rest(self.column)))
        self.spans.next_row()
        self.column = -1  # done: a `</tr>` and the next `<tr>` end it once

    def handle_data(self, data: str) -> None:
        if self.skip or self.frame is not None or (self.main_only and self.main is None):
            return
        # A page's line breaks and tabs are white space, no break or tab a typist typed.
        self.runs.append(Run(_TABS.sub(" ", data.replace("\n", " ")), self.italic > 0))

    def _flush(self) -> None:
        para = Para(tuple(self.runs), self.marker)
        self.runs, self.marker = [], None
        if not para.text.strip():
            return
        if self.marker is None and para.marker and para.marker[0].isdigit():
            first = para.text.lstrip()
            if first[:1].isdigit() and ")" in first[:4]:
                para = Para(para.runs, "")
        if self.cell is not None:
            self.cell.append(para)
        elif self.rows is None:
            self.out.append(para)

    def result(self) -> list[Block]:
        self._flush()
        return self.out
