"""A report's table as `pdftotext -layout` writes it: two columns of text side by side.

The label column is narrow, so each label is wrapped over several lines, and those lines
are the same lines as the value column's first ones:

     Valsts pārvaldes             Nodibinājums „Kurzemes kopienu fonds”, reģistrācijas
     uzdevuma veicējs             Nr. 40008234561

Read line by line the label's words and the value's run into each other, and no label is
found. Read by column it is the table the other exports write, a row a line
(`label<TAB>value`, the value's lines parted by soft breaks), and read the same way.

Only where the evidence of two columns is strong: a gutter (two spaces or more) opening the
value column at the same place on several lines, nothing written across it, a label wrapped
over lines beside its value, the left column's lines of at least two rows read together as
the template's labels, and of every other row as a label's words (no figures, no sentence).
Indented text of one column (a list, a centred title, a quote) never has that, and is left
as written. What follows the table in the left column alone (a signature, a date) stays as
written after it.

A value line indented deeper than the one above it, and opening with no bullet or number,
is that line wrapped ("1) Organizēti 2 forumi …, kopā 85" / "   dalībnieki …"): it goes on
in it, as the retyped report writes it on one line. A label broken by a page's end goes on
after it in lower case ("Valsts pārvaldes" / "" / "uzdevums"); words in the left column
that no label has (a date, a figure) inside the table are the value's, set out to the left.

A value laid out in two columns of its own, planned beside actual under the funding label,
is two cells (`label<TAB>planned<TAB>actual`), their lines a line each as a tab export
writes a cell's paragraphs; where both columns begin again after a blank line ("2024. gads"
beside "2024. gads") a row of its own begins, its label cell empty. Only where a gap ends
at the same column on several of the value's lines and no line is written across it. Such
a column may be more common than the labels' gutter: the next likeliest gutter is tried
where the likeliest gives no table.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from pipeline.parse.layout_pages import line_ranges
from pipeline.parse.text import SOFT_BREAK, SourcedText

# Where the value column starts after the label's words: two spaces or more between them.
_GAP = re.compile(r"\S[ \u00a0]{2,}(?=\S)")
# How far a value's own indentation (a wrapped item, a sub-list's dash) goes past the gutter.
_INDENT = 8
# Fewest lines whose value column starts right at the gutter, fewest lines holding both
# columns, fewest rows whose left column is a template's label.
_MIN_AT_GUTTER = 3
_MIN_SPLIT_LINES = 4
_MIN_LABELS = 2
# A label column narrower than this is no column of labels.
_MIN_GUTTER = 10
_MARKER = re.compile(r"(?:[-–—•*▪◦·]|\d{1,2}[.)]|[IVXivx]{1,4}\.|[a-zāčēģīķļņšūž]\))(?=[ \u00a0])")
# A label's number as typists write it ("4.", "5)"), before its words.
_NUMBERED = re.compile(r"[1-9]\d?[.)]?[ \u00a0]+")
# A label's words: letters, no figures and no sentence's stops after them.
_LABEL_LIKE = re.compile(r"(?:[1-9]\d?[.)]?[ \u00a0]+)?[^\W\d_][^\d;!?]*")


@dataclass(frozen=True, slots=True)
class _Line:
    left: SourcedText | None  # the label column's text on this line
    right: SourcedText | None  # the value column's text on this line
    indent: int  # the value's column less the gutter's


@dataclass(slots=True)
class _Row:
    first: int  # its first line's index
    last: int  # its last line's index with text
    labels: list[SourcedText]
    lines: list[_Line | None]  # the value column's lines, None for a blank one


def unfold_columns(text: SourcedText, is_label: Callable[[str], bool]) -> SourcedText:
    """`text` with its two-column table written as `label<TAB>value` rows (see the
    module); as it is where the evidence of two columns is not strong. `is_label` tells
    whether a row's left column, its words joined, opens with a template's label."""
    s = text.text
    if "\t" in s or SOFT_BREAK in s:
        return text  # a table's cells are already parted
    ranges = line_ranges(s)
    # The most common gutter first; where a table's value column is itself in two columns
    # (planned beside actual), the second one may be more common than the labels' gutter.
    for gutter in _gutters(s, ranges):
        unfolded = _unfold(text, ranges, gutter, is_label)
        if unfolded is not None:
            return unfolded
    return text


def _unfold(
    text: SourcedText,
    ranges: list[tuple[int, int]],
    gutter: int,
    is_label: Callable[[str], bool],
) -> SourcedText | None:
    """The text's table read with its value column at `gutter`; None where the evidence of
    two columns there is not strong."""
    lines: list[_Line | None] = []
    for start, end in ranges:
        line = _split(text[start:end], gutter)
        if line is False:
            if any(seen is not None and seen.left and seen.right for seen in lines):
                break  # a line across the gutter: the table has ended
            line = None
        lines.append(line)
    rows = _rows(lines, is_label)
    # What follows the table in the left column alone is no row of it.
    while (
        rows
        and not _value(rows[-1].lines).text
        and not _LABEL_LIKE.fullmatch(_label(rows[-1]).text)
    ):
        rows.pop()
    if not _certain(rows, lines, is_label):
        return None
    out = [text[: ranges[rows[0].first][0]]]
    for k, row in enumerate(rows):
        written = _row(row, gutter)
        if k:
            out.append(SourcedText("\n", (written.offsets[0] if written.offsets else 0,)))
        out.append(written)
    out.append(text[ranges[rows[-1].last][1] :])
    return SourcedText.join(out, "")


def _certain(rows: list[_Row], lines: list[_Line | None], is_label: Callable[[str], bool]) -> bool:
    """Whether the rows are certainly a two-column table's (see the module)."""
    both = sum(1 for line in lines if line is not None and line.left and line.right)
    labels = [" ".join(_label(row).text.split()) for row in rows]
    return (
        both >= _MIN_SPLIT_LINES
        and any(len(row.labels) > 1 for row in rows)
        and sum(1 for label in labels if is_label(_unnumbered(label))) >= _MIN_LABELS
        and all(_LABEL_LIKE.fullmatch(label) for label in labels)
    )


def _gutters(s: str, ranges: list[tuple[int, int]]) -> list[int]:
    """The columns the value column may start at, the likeliest first: where lines that
    have text on its left go on after a gap, on enough lines."""
    starts: Counter[int] = Counter()
    for start, end in ranges:
        gap = next(
            (m for m in _GAP.finditer(s, start, end) if m.end() - start >= _MIN_GUTTER), None
        )
        if gap is not None:
            starts[gap.end() - start] += 1
    return [gutter for gutter, count in starts.most_common(3) if count >= _MIN_AT_GUTTER]


def _split(line: SourcedText, gutter: int) -> _Line | Literal[False] | None:
    """The line's two columns; None for a blank line; False for a line written across the
    gutter (no table's line)."""
    s = line.text
    stripped = s.lstrip(" \u00a0")
    if not stripped.strip():
        return None
    indent = len(s) - len(stripped)
    if indent >= gutter - 1:
        return _Line(None, line[indent:].strip(), indent - gutter)
    for m in _GAP.finditer(s):
        # the label's words end before the gutter, the value's start at it or after
        if m.start() + 1 <= gutter - 2 and m.end() >= gutter - 1:
            return _Line(line[: m.start() + 1].strip(), line[m.end() :].strip(), m.end() - gutter)
    if len(s.rstrip()) <= gutter - 2:
        return _Line(line.strip(), None, 0)
    return False


def _rows(lines: list[_Line | None], is_label: Callable[[str], bool]) -> list[_Row]:
    """The table's rows, from the first line holding both columns (with its label's lines
    standing alone above it): a row starts where the label column has text again after a
    line where it had none, unless that text goes on with the label (see `_goes_on`)."""
    first = next((k for k, x in enumerate(lines) if x is not None and x.left and x.right), None)
    if first is None:
        return []
    while first > 0 and (above := lines[first - 1]) is not None and above.right is None:
        first -= 1
    # the table's last line with a value: after it, the left column's text is no row's
    end = max(k for k, x in enumerate(lines) if x is not None and x.right is not None)
    rows: list[_Row] = []
    had_left = False
    for k in range(first, len(lines)):
        line = lines[k]
        # inside the table, words no label has (a date, a sentence) in the left column:
        # the value's, set out to the left ("I. ĪSTENOŠANAS GADS" / "(01.03.2022. – …)")
        left = line.left if line is not None else None
        if line is not None and left is not None and line.right is None and rows and k < end:
            line = line if _LABEL_LIKE.fullmatch(left.text) else _Line(None, left, 0)
        left = line.left if line is not None else None
        if left is not None and (
            not rows or (not had_left and not _goes_on(rows[-1], left, is_label))
        ):
            rows.append(_Row(k, k, [], []))
        had_left = left is not None
        if line is None:
            rows[-1].lines.append(None)
            continue
        rows[-1].last = k
        if left is not None:
            rows[-1].labels.append(left)
        rows[-1].lines.append(line if line.right is not None else None)
    return rows


def _goes_on(row: _Row, left: SourcedText, is_label: Callable[[str], bool]) -> bool:
    """Whether the left column's text after a blank line (a page's end) goes on with the
    row's label: a label opens with a capital or its number, and its wrapped words go on in
    lower case ("Valsts pārvaldes" / "" / "uzdevums")."""
    first = left.text[:1]
    return (
        bool(row.labels)
        and first.isalpha()
        and first.islower()
        and not is_label(_unnumbered(" ".join(_label(row).text.split())))
    )


def _label(row: _Row) -> SourcedText:
    return SourcedText.join(row.labels, " ")


def _value(lines: list[_Line | None], brk: str = SOFT_BREAK) -> SourcedText:
    """A row's value: its lines parted by `brk`, a blank line kept as an empty one, a
    wrapped line joined to the one it goes on from."""
    joined: list[list[SourcedText] | None] = []
    above: int | None = None  # the indentation of the line above
    hang: int | None = None  # the indentation a wrapped line goes on at
    for line in lines:
        if line is None or line.right is None or not line.right.text:
            if joined and joined[-1] is not None:
                joined.append(None)
            above = hang = None
            continue
        piece = line.right
        last = joined[-1] if joined else None
        deeper = above is not None and (line.indent > above or line.indent == hang)
        if last is not None and deeper and not _MARKER.match(piece.text):
            last.append(piece)  # the line above, wrapped
            hang = line.indent
        else:
            joined.append([piece])
            hang = None
        above = line.indent
    while joined and joined[-1] is None:
        joined.pop()
    parts = [SourcedText.join(p, " ") if p is not None else SourcedText("", ()) for p in joined]
    return SourcedText.join_lines(parts, brk)


def _row(row: _Row, gutter: int) -> SourcedText:
    """The row as `label<TAB>value`; a value in two columns of its own (planned beside
    actual) as rows of two cells, `label<TAB>planned<TAB>actual`, a row of them where both
    columns begin again after a blank line (see `_subrows`)."""
    out: list[SourcedText] = []
    columns = _subcolumns(row.lines, gutter)
    # Cells side by side have their lines written as a tab export writes a cell's
    # paragraphs, a line each, which its table reader reads row by row.
    brk = SOFT_BREAK if len(columns) < 2 else "\n"
    for k, lines in enumerate(_subrows(columns)):
        values = [_value(column, brk) for column in lines]
        while values and not values[-1].text:
            values.pop()
        if k:
            at = next((v.offsets[0] for v in values if v.offsets), 0)
            out.append(SourcedText("\n", (at,)))
        else:
            out.append(_label(row))
        for n, value in enumerate(values):
            at = next((v.offsets[0] for v in values[n:] if v.offsets), 0)
            out += [SourcedText("\t", (at,)), value]
    return SourcedText.join(out, "")


def _subrows(columns: list[list[_Line | None]]) -> list[list[list[_Line | None]]]:
    """A value's columns parted into rows where every column has text again on the same
    line after a line blank in all of them ("2023. gads" beside "2023. gads"); one value
    column is one row."""
    if len(columns) < 2:
        return [columns]
    rows: list[list[list[_Line | None]]] = [[[] for _ in columns]]
    for k in range(len(columns[0])):
        line = [column[k] for column in columns]
        above = [column[k - 1] for column in columns] if k else None
        if above is not None and all(x is None for x in above) and all(line):
            rows.append([[] for _ in columns])
        for column, x in zip(rows[-1], line, strict=True):
            column.append(x)
    return rows


def _subcolumns(lines: list[_Line | None], gutter: int) -> list[list[_Line | None]]:
    """The value column's lines, parted at a second gutter where the value is certainly in
    two columns: a gap ending at the same column on several lines, no line written across
    it; else the lines as they are."""
    starts: Counter[int] = Counter()
    for line in lines:
        if line is not None and line.right is not None:
            at = gutter + line.indent
            starts.update(at + m.end() for m in _GAP.finditer(line.right.text))
    for column, count in starts.most_common(1):
        parted = [_part(line, gutter, column) for line in lines]
        if count >= _MIN_SPLIT_LINES and all(p is not False for p in parted):
            pairs = [p if p is not None and p is not False else (None, None) for p in parted]
            return [[left for left, _ in pairs], [right for _, right in pairs]]
    return [lines]


def _part(
    line: _Line | None, gutter: int, column: int
) -> tuple[_Line | None, _Line | None] | Literal[False] | None:
    """A value line's two parts, left and right of `column`; None for a blank line, False
    for a line written across the column."""
    if line is None or line.right is None:
        return None
    text, at = line.right, gutter + line.indent
    cut = column - at
    if cut <= 0:
        return None, _Line(None, text, -cut)
    if cut >= len(text):
        return line, None
    head, tail = text[:cut], text[cut:]
    if not head.text.endswith("  ") or tail.text[:1].isspace():
        return False
    return _Line(None, head.strip(), line.indent), _Line(None, tail, 0)


def _unnumbered(words: str) -> str:
    return words[m.end() :] if (m := _NUMBERED.match(words)) else words
