"""The text a structured document is rendered to: the layout of the text reports.

The text parser already reads the table exports of reports 000–003, so a Word, OpenDocument
or HTML document is written in that layout rather than taught to the parser a second time:
one line per table row with its cells joined by tabs, a cell's paragraphs as `<p>…</p>`, its
list items inside `<ul>` as `<li>` with the bullet or number they show, italics as `<i>`.
Paragraphs outside the table (the title block) are lines of their own. A cell never holds a
line break or a tab of its own: those are the table's structure.

A tab a typist typed (Word's and OpenDocument's tab, in a run's text as `TAB`) is written as
a tab in a paragraph outside the table, as a text export writes it: a table set with tab stops
("2021.<TAB><TAB>15 000,00<TAB>14 820,35<TAB>179,65"), a label with its value at a stop, is
read by the parser as the text exports' rows are. Written as a space, such a row's cells ran
together ("Gads Plānots,EUR …", "2021. 15 000,00 14 820,35 179,65") and their amounts were
read by the wrong column or not at all. Inside a cell a tab is a space: the tabs there are
the table's. A paragraph's tabs at its end separate nothing and are dropped.

A soft line break inside a paragraph (Word's Shift+Enter, OpenDocument's line break, HTML's
`<br>`) is in a run's text as `BREAK`. The typist broke the line there, as between a year
heading and its first activity, so it is written as `<br>` in a cell and as a line of its own
outside the table; only a table inside a cell, whose row is one line, reads it as a space.

A table inside a cell ("Rādītājs | Vērtība") cannot use tabs and lines, which are the outer
table's. Each of its rows is a paragraph of the cell written as a Markdown table row,
`<p>| Publicētas ziņas | 36 |</p>`: its cells stay together as one statement, and the pipe
closing the row keeps a number from being read with the next row's label, as it would be if
the rows ran on into each other ("… ziņas 36 Fokusgrupu diskusijas 2 …"). The pipes are the
only characters added, and they stand where the document has the table's rules. A table of
one column has no rows to keep apart from their values: its paragraphs are the cell's.

The Latin ligatures U+FB00–U+FB06 ("ﬁ" in "ﬁnansējums") are written as their letters. PDF
printers (Chromium, Word, LibreOffice) put them in the text layer where the font draws one
glyph for two letters, and text pasted from such a PDF carries them on; the document says the
letters, and the parser's labels and words are spelt with them.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from pipeline.parse.structure_labels import label_alone

#: A soft line break inside a paragraph, as the readers put it in a run's text.
BREAK = "\n"
#: A tab the typist typed, as the readers put it in a run's text (HTML's tabs are spaces).
TAB = "\t"
_SPACE = re.compile(r"[\r\x0b\x0c]+")
_TABS = re.compile(r"\t+")
_BREAKS = re.compile(r"[ ]*\n[\n ]*")
# ff fi fl ffi ffl ſt st: their compatibility decompositions, two or three letters each.
_LIGATURES = {code: unicodedata.normalize("NFKC", chr(code)) for code in range(0xFB00, 0xFB07)}


def letters(text: str) -> str:
    """`text` with its Latin ligatures written as the letters they join."""
    return text.translate(_LIGATURES)


@dataclass(frozen=True, slots=True)
class Run:
    text: str
    italic: bool = False


@dataclass(frozen=True, slots=True)
class Para:
    runs: tuple[Run, ...]
    marker: str | None = None  # a list item's bullet or number as shown ("" when none shows)

    @property
    def text(self) -> str:
        return "".join(r.text for r in self.runs)


Cell = tuple[Para, ...]
Row = tuple[Cell, ...]


@dataclass(frozen=True, slots=True)
class Table:
    rows: tuple[Row, ...]


Block = Para | Table


def bullet_marker(fmt: str, number: int, template: str = "%1.") -> str:
    """The marker a list level shows: text exports write a bullet as "- ", a list without
    markers as nothing, a number as its level text ("%1)" → "3) ")."""
    if fmt == "bullet":
        return "- "
    if fmt in ("none", ""):
        return ""
    shown = number_text(fmt, number)
    return re.sub(r"%\d", shown, template or "%1.") + " "


def number_text(fmt: str, n: int) -> str:
    """A list number as a level of format `fmt` shows it (3 → "c", "iii", "III", "3")."""
    if fmt in ("lowerLetter", "a"):
        return chr(ord("a") + (n - 1) % 26)
    if fmt in ("upperLetter", "A"):
        return chr(ord("A") + (n - 1) % 26)
    if fmt in ("lowerRoman", "i"):
        return _roman(n).lower()
    if fmt in ("upperRoman", "I"):
        return _roman(n)
    return str(n)


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def inline(para: Para, br: str = " ", tab: bool = False) -> str:
    """A paragraph's text with its italics as `<i>`, a soft line break written as `br`, its
    tabs kept with `tab` (a paragraph outside the table), else each run of them a space."""
    out: list[str] = []
    italic = False
    for run in para.runs:
        text = letters(_SPACE.sub(" ", run.text if tab else _TABS.sub(" ", run.text)))
        if not text:
            continue
        if run.italic and text.strip() and not italic:
            out.append("<i>")
            italic = True
        elif italic and not run.italic and text.strip():
            out.append("</i>")
            italic = False
        out.append(text)
    if italic:
        out.append("</i>")
    text = _BREAKS.sub(br, "".join(out).strip(" \n")).strip(" ")
    return "\n".join(line.rstrip(" \t") for line in text.split("\n")) if tab else text


def table_in_cell(table: Table) -> list[Para]:
    """A table inside a cell as the cell's paragraphs: a row each, `| cell | cell |`, its
    cells' paragraphs (and list items, with their markers) joined by a space; a table of one
    column as the paragraphs of its cells."""
    if all(sum(1 for c in row if _shows(c)) <= 1 for row in table.rows):
        return [p for row in table.rows for cell in row for p in cell]
    out: list[Para] = []
    for row in table.rows:
        if not any(_shows(c) for c in row):
            continue
        runs: list[Run] = [Run("| ")]
        for i, cell in enumerate(row):
            if i:
                runs.append(Run(" | "))
            for j, para in enumerate(p for p in cell if p.text.strip()):
                runs.append(Run((" " if j else "") + (para.marker or "")))
                # The row is one line: a break inside a cell of it is a space.
                runs.extend(
                    _trimmed(tuple(Run(r.text.replace(BREAK, " "), r.italic) for r in para.runs))
                )
        runs.append(Run(" |"))
        out.append(Para(tuple(runs)))
    return out


def _trimmed(runs: tuple[Run, ...]) -> list[Run]:
    """A paragraph's runs without the spaces at its ends, which the row's own spaces replace."""
    text = "".join(r.text for r in runs)
    lead, end = len(text) - len(text.lstrip()), len(text.rstrip())
    out: list[Run] = []
    at = 0
    for run in runs:
        piece = run.text[max(lead - at, 0) : max(end - at, 0)]
        at += len(run.text)
        if piece:
            out.append(Run(piece, run.italic))
    return out


def _shows(cell: Cell) -> bool:
    return any(p.text.strip() for p in cell)


def render_cell(cell: Cell, last: bool = False) -> str:
    """One cell's text. In a row's last cell, a paragraph after a list goes on after a blank
    line, as in the text exports: the parser takes that, not a tag, as the end of the list's
    sub-items. Other cells stay on their row's line."""
    paras = [p for p in cell if p.text.strip()]
    if len(paras) == 1 and paras[0].marker is None:
        return inline(paras[0], "<br>")
    out: list[str] = []
    in_list = False
    for para in paras:
        if para.marker is not None:
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{para.marker}{inline(para, '<br>')}</li>")
        else:
            if in_list:
                out.append("</ul>\n\n" if last else "</ul>")
                in_list = False
            out.append(f"<p>{inline(para, '<br>')}</p>")
    if in_list:
        out.append("</ul>")
    return "".join(out)


def _is_table_row(para: Para) -> bool:
    """A row of a table inside a cell, as `table_in_cell` writes it."""
    text = para.text
    return para.marker is None and text.startswith("| ") and text.endswith(" |")


def answer_in_label_cell(row: Row) -> Row:
    """A row whose answer a conversion (from PDF, or a pasted table) put into the label's
    cell: the label, then a table under it in the same cell, every other cell empty. The
    table is the answer, and the row is read as the template's (`label | table`); left in
    the label's cell, the funding table after its label was no section's answer and its
    amounts were not read. Only a cell of a label alone and then a table's rows (a note may
    follow them) is so read; any other row is as written."""
    if len(row) < 2 or any(_shows(c) for c in row[1:]):
        return row
    paras = [p for p in row[0] if p.text.strip()]
    if len(paras) < 2 or paras[0].marker is not None or not _is_table_row(paras[1]):
        return row
    if not label_alone(paras[0].text):
        return row
    return (tuple(paras[:1]), tuple(paras[1:]), *row[2:])


def render(blocks: list[Block]) -> str:
    lines: list[str] = []
    for block in blocks:
        if isinstance(block, Table):
            for row in map(answer_in_label_cell, block.rows):
                last = len(row) - 1 if len(row) <= 2 else -1
                lines.append("\t".join(render_cell(c, i == last) for i, c in enumerate(row)))
        else:
            lines.append((block.marker or "") + inline(block, "\n", tab=True))
    return "\n".join(lines).strip("\n") + "\n"
