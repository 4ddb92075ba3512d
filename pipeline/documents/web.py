"""A report saved as an HTML page, read with the standard library's HTML parser: paragraphs,
tables cell by cell, list items with the bullet or number a browser shows, italics."""

from __future__ import annotations

from html.parser import HTMLParser

from pipeline.documents.layout import BREAK, Block, Para, Run, Table, table_in_cell
from pipeline.parse.decode import decode

_BLOCKS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "td", "th", "table"}
_SKIP = {"script", "style", "head", "title"}


def read_html(data: bytes) -> list[Block]:
    decoded = decode(data, "")
    text = decoded.text if decoded.text is not None else data.decode("utf-8", "replace")
    parser = _Parser()
    parser.feed(text)
    parser.close()
    return parser.result()


class _Parser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.out: list[Block] = []
        self.runs: list[Run] = []
        self.marker: str | None = None
        self.italic = 0
        self.skip = 0
        self.lists: list[list[int | str]] = []  # per open list: [kind, count]
        self.rows: list[list[list[Para]]] | None = None
        self.cell: list[Para] | None = None
        # The tables (rows and open cell) a table inside a cell's text was opened in.
        self.outer: list[tuple[list[list[list[Para]]], list[Para] | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
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
        elif tag == "table":
            self._flush()
            if self.rows is not None:
                self.outer.append((self.rows, self.cell))
            self.rows, self.cell = [], None
        elif tag == "tr" and self.rows is not None:
            self.rows.append([])
        elif tag in ("td", "th") and self.rows is not None:
            self._flush()
            self.cell = []
            if self.rows:
                self.rows[-1].append(self.cell)
        elif tag in _BLOCKS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP:
            self.skip = max(self.skip - 1, 0)
        elif tag in ("i", "em"):
            self.italic = max(self.italic - 1, 0)
        elif tag in ("ul", "ol"):
            self._flush()
            if self.lists:
                self.lists.pop()
        elif tag in ("td", "th"):
            self._flush()
            self.cell = None
        elif tag == "table" and self.rows is not None:
            self._flush()
            table = Table(tuple(tuple(tuple(c) for c in row) for row in self.rows))
            if self.outer:
                self.rows, self.cell = self.outer.pop()
                if self.cell is not None:
                    self.cell.extend(table_in_cell(table))
                else:  # written between the cells: kept, as a row of its own
                    self.rows.append([table_in_cell(table)])
            else:
                self.out.append(table)
                self.rows = None
        elif tag in _BLOCKS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if self.skip:
            return
        self.runs.append(Run(" ".join(data.split("\n")), self.italic > 0))

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
