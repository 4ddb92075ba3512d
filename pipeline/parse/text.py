"""Text that remembers where each character came from.

Normalising a report (dropping HTML tags, unwrapping lines, collapsing spaces) must not lose
the link to the source, so every character of a `SourcedText` string carries the offset of the
source character it came from (the type is `pipeline.parse.sourced_text`'s, named here too as
the readers import it). No report structure here.
"""

from __future__ import annotations

import bisect
import html
import re
import unicodedata

from pipeline.model import Span
from pipeline.parse.delimited_tables import delimited_tables
from pipeline.parse.hyphen_breaks import join_hyphen_breaks
from pipeline.parse.pipe_rows import (
    bare_pipe_tables,
    figure_columns,
    is_delimiter,
    lines_of,
    tab_row,
)
from pipeline.parse.sourced_text import SourcedText as SourcedText

#: A line break that an HTML block tag stood for (a table row's physical line break stays "\n").
SOFT_BREAK = "\x0b"
#: Where an HTML list (<ul>, <ol>) opens: a list opened without a bullet still starts an item.
LIST_START = "\ue000"
#: Where the structure reader has read a calendar year as a year heading: whether one is
#: depends on the delegation period, which the heading grammar cannot see. Outside
#: U+E000–U+E0FF, which the PDF reader uses for its page marks.
HEADING_MARK = "\ue100"


class SourceFile:
    """A report's source text with its line index; turns offsets into `Span`s."""

    def __init__(self, file: str, text: str) -> None:
        self.file = file
        self.text = text
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def line_of(self, offset: int) -> int:
        return bisect.bisect_right(self._line_starts, offset)

    def span(self, start: int, end: int) -> Span:
        end = max(end, start)
        last = max(end - 1, start)
        return Span(self.file, self.line_of(start), self.line_of(last), start, end)

    def span_of(self, mapped: SourcedText) -> Span:
        return self.span(*mapped.source_range())


# HTML tags the converters left in table cells. Anything else that looks like a tag
# (<script>, <https://...>) is report text and stays text; the site escapes it.
_BLOCK_TAGS = "p|div|ol|ul|li|br|tr|td|th|table|tbody|h[1-6]"
_INLINE_TAGS = "i|b|em|strong|u|span|sup|sub|a|font"
_TAG = re.compile(rf"</?(?:({_BLOCK_TAGS})|(?:{_INLINE_TAGS}))\b[^<>]*?/?>", re.IGNORECASE)
_AUTOLINK = re.compile(r"<(https?://[^<>\s]+)>")
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);")
_BOLD = re.compile(r"\*\*")
# A Markdown (ATX) heading's "#"s, which a converter writes before a title, a label or a
# year heading: left in, they stand where those are only read at a line start.
_ATX_HEADING = re.compile(r"(?:^|(?<=\n))[ ]{0,3}#{1,6}[ \t]+(?=\S)")
# Markdown emphasis, "*…*" around a group heading or a label, within a paragraph (a
# converter wraps long lines: "*Latgales mazākumtautību\nkapacitātes celšanai:*"); a "*"
# with white space after it (a bullet) or a word before it (a footnote mark) is text.
_EMPHASIS = re.compile(
    r"(?<![\w*])\*(?=[^\s*])(?:[^*\n\t\x0b]|\n(?![ \u00a0]*\n))*?(?<=[^\s*])\*(?![\w*])"
)


# The Latin ligatures of Unicode's compatibility block (ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ): one character for
# two or three letters, which no label, counted noun or month would otherwise match.
_LIGATURES = {chr(c): unicodedata.normalize("NFKC", chr(c)) for c in range(0xFB00, 0xFB07)}
_LIGATURE = "[" + "".join(_LIGATURES) + "]"


def clean(source_text: str) -> SourcedText:
    """Source text to plain text: tags dropped (block tags become `SOFT_BREAK`), entities and
    Markdown autolinks decoded, Markdown bold and emphasis markers and heading "#"s (and any
    `HEADING_MARK`, which only the reader sets) removed, and words a PDF hyphenated at a
    line's end joined (`hyphen_breaks`). Tabs and other line breaks stay as they are: they
    are the table's structure."""
    text, base = unquote(source_text)
    parts: list[str] = []
    offs: list[int] = []
    pos = 0
    pattern = re.compile(
        f"{_TAG.pattern}|{_AUTOLINK.pattern}|{_ENTITY.pattern}|{_BOLD.pattern}|{HEADING_MARK}"
        f"|{_ATX_HEADING.pattern}|{_LIGATURE}",
        re.I,
    )
    # An emphasis's two asterisks; what is between them is cleaned as any other text.
    dropped = [i for m in _EMPHASIS.finditer(text) for i in (m.start(), m.end() - 1)]

    def keep(start: int, end: int) -> None:
        first = bisect.bisect_left(dropped, start)
        for i in dropped[first : bisect.bisect_left(dropped, end)]:
            parts.append(text[start:i])
            offs.extend(range(start, i))
            start = i + 1
        parts.append(text[start:end])
        offs.extend(range(start, end))

    for m in pattern.finditer(text):
        keep(pos, m.start())
        token = m.group(0)
        if token in _LIGATURES:  # "ﬁnansējums", as text copied from a typeset PDF has it
            letters = _LIGATURES[token]
            parts.append(letters)
            offs.extend([m.start()] * len(letters))
        elif m.group(2):  # autolink: keep the address
            parts.append(m.group(2))
            offs.extend(range(m.start(2), m.end(2)))
        elif token.startswith("&"):
            decoded = html.unescape(token)
            parts.append(decoded)
            offs.extend([m.start()] * len(decoded))
        elif m.group(1):  # block tag
            opens_list = m.group(1).lower() in ("ul", "ol") and not token.startswith("</")
            parts.append(SOFT_BREAK + LIST_START if opens_list else SOFT_BREAK)
            offs.extend([m.start()] * (2 if opens_list else 1))
        pos = m.end()
    keep(pos, len(text))
    return join_hyphen_breaks(
        pipe_tables(SourcedText("".join(parts), tuple(base[o] for o in offs)))
    )


# A report pasted into an e-mail and quoted in the reply: each line opens with "> " (">> "
# quoted twice; a quoted blank line is ">" alone). The marks are the mail's, not the report's:
# left in, no label, heading or list item would stand at its line's start.
_QUOTE = re.compile(r"(?:>[ \u00a0]?)+")
_QUOTE_DEPTH = re.compile(r">")
# The share of the text's lines the quoted block must hold: a few lines around it are the
# mail's own (its header, a greeting, "-----Original Message-----"), a line or two in the
# middle of a report that open with ">" ("> 50 dalībnieki") are its text.
_QUOTED_SHARE = 0.75


def unquote(text: str) -> tuple[str, list[int]]:
    """The text without the quote marks of the run of lines quoted to the same depth that
    holds (nearly) all of it, and for each character kept the offset it had; the text as it
    is where no such run is."""
    lines = text.splitlines(keepends=True)
    depths = [_depth(line) for line in lines]
    written = sum(1 for line in lines if line.strip())
    best: tuple[int, int, int] = (0, 0, 0)  # first line, end line, depth
    i = 0
    while i < len(lines):
        if not depths[i]:
            i += 1
            continue
        j, depth = i, depths[i]
        while j < len(lines) and (depths[j] >= depth or not lines[j].strip()):
            depth = min(depth, depths[j]) if depths[j] else depth
            j += 1
        while j > i and not depths[j - 1]:
            j -= 1  # blank lines after the run are no part of it
        if j - i > best[1] - best[0]:
            best = (i, j, depth)
        i = max(j, i + 1)
    first, end, depth = best
    quoted = sum(1 for line in lines[first:end] if line.strip())
    if not depth or quoted < 3 or quoted < _QUOTED_SHARE * written:
        return text, list(range(len(text) + 1))
    kept: list[str] = []
    base: list[int] = []
    pos = 0
    for k, line in enumerate(lines):
        cut = _cut(line, depth) if first <= k < end else 0
        kept.append(line[cut:])
        base.extend(range(pos + cut, pos + len(line)))
        pos += len(line)
    base.append(len(text))
    return "".join(kept), base


def _depth(line: str) -> int:
    """How many times a line is quoted: the ">"s opening it (0 for none)."""
    m = _QUOTE.match(line)
    return len(_QUOTE_DEPTH.findall(m.group())) if m and m.group() else 0


def _cut(line: str, depth: int) -> int:
    """Where a line quoted `depth` times (or more) begins after its first `depth` marks."""
    pos = 0
    for _ in range(depth):
        if not line.startswith(">", pos):
            return pos
        pos += 1
        if line.startswith((" ", "\u00a0"), pos):
            pos += 1
    return pos


# A Markdown (GFM) table: rows "| a | b |" on lines of their own, the second its delimiter
# row "|---|---|", or typed without it where its first two rows have as many cells
# (`_same_columns`). A line of its own between pipes is text as written. A row's own line
# break or tab is none (a converter's "<br>" in a cell is already a soft break).
_PIPE_LINE = re.compile(r"[ \u00a0]{0,3}\|[^\n\t]*\|[ \u00a0]*")
_CELL_SPACE = " \u00a0\x0b"


def pipe_tables(text: SourcedText) -> SourcedText:
    """Each Markdown table, each ASCII grid table (`grid_tables`) and each table pasted from a
    spreadsheet with semicolons or commas (`delimited_tables`), as the tab layout of
    the other exports: a row a line, its cells joined by tabs. The delimiter row and a
    header row of empty cells carry no text and go; a header naming the columns is a row as
    a Word table's is."""
    # imported here: the grid reader builds on this module's `SOFT_BREAK`
    from pipeline.parse.grid_tables import grid_tables

    text = delimited_tables(text)
    if "|" not in text.text:
        return text
    text = bare_pipe_tables(grid_tables(text))
    lines = lines_of(text)
    out: list[SourcedText] = []
    i = 0
    while i < len(lines):
        j = i
        while j < len(lines) and _PIPE_LINE.fullmatch(lines[j].text.rstrip("\n")):
            j += 1
        if j - i < 2 or not (is_delimiter(_cells(lines[i + 1])) or _same_columns(lines[i:j])):
            out.append(lines[i])
            i += 1
            continue
        for line in lines[i:j]:
            cells = _cells(line)
            if not is_delimiter(cells) and any(c.text for _, c in cells):
                out.append(tab_row(cells, line))
        i = j
    return SourcedText.join(out, "")


def _cells(line: SourcedText) -> list[tuple[int, SourcedText]]:
    """A row's cells, each stripped, with the source offset of the pipe before it; a pipe
    escaped as "\\|" is a cell's own."""
    body = line.strip(" \u00a0\n")
    cells: list[tuple[int, SourcedText]] = []
    start = 1
    for m in re.finditer(r"(?<!\\)\|", body.text[1:-1]):
        cells.append((body.offsets[start - 1], body[start : m.start() + 1].strip(_CELL_SPACE)))
        start = m.end() + 1
    cells.append((body.offsets[start - 1], body[start : len(body) - 1].strip(_CELL_SPACE)))
    return cells


def _same_columns(block: list[SourcedText]) -> bool:
    """Whether a block of pipe lines is a table typed without the delimiter row: its first
    two rows of as many cells (two or more), the second with two written, and figures in
    the same columns of its rows (`pipe_rows.figure_columns`: "| Gads | Plānots | Faktiski |"
    over "| 2023 | 10 000,00 | 9 800,00 |"). A line of its own between pipes, lines of
    other shapes, or a text parted by pipes (an address over a phone number) stay text."""
    first, second = _cells(block[0]), _cells(block[1])
    return (
        len(first) == len(second) >= 2
        and sum(1 for _, c in second if c.text) >= 2
        and figure_columns([[c.text for _, c in _cells(line)] for line in block])
    )
