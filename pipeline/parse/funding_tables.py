"""The shapes of funding tables: a table nested in a cell or written in Markdown (its rows as
"| a | b |" lines), a header row naming each column's role, the key cell that names a row's
year, and a table with one column per year. The statements in the cells are read by
`funding_statements.py`; the rows are cut into years in `funding.py`.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from pipeline.model import AmountRole, Period
from pipeline.parse.diacritics import either_form
from pipeline.parse.funding_carry import CARRY_IN_BEFORE
from pipeline.parse.funding_clauses import (
    ordinal_number,
    remainder_role,
    split_text,
    statement_word,
)
from pipeline.parse.funding_words import (
    CALENDAR_YEAR,
    NEW_STATEMENT,
    NUMERAL,
    ORDINAL_ROW,
    PERIOD_RANGE,
    STATEMENT_ROLE,
    TOTAL_ROW,
)
from pipeline.parse.headings import FOOTNOTE_MARK
from pipeline.parse.latvian import PERIOD_TEXT
from pipeline.parse.text import SourcedText

_WS = " \n\t\x0b\u00a0"
_BREAKS = re.compile(r"[\x0b\ue000]+")
_PIPE_ROW = re.compile(r"[\s\ue000]*\|.*\|[\s\ue000]*", re.S)
# Markdown's line under a table's header: "|---|:---:|".
_DELIMITER_ROW = re.compile(r"[\s\ue000]*\|(?:\s*:?-{3,}:?\s*\|)+[\s\ue000]*")


class NestedRows(NamedTuple):
    rows: list[SourcedText]
    intro: SourcedText | None  # paragraphs over the table naming a number
    under: list[SourcedText]  # paragraphs under the table: `funding_under.py` reads them


def table_rows(line: SourcedText) -> NestedRows:
    """A table nested in a cell, its rows written as paragraphs "| a | b |", or a Markdown
    table's row standing as a line of its own: its rows, their cells tab-separated like the
    section's own. Any other line as it is. Paragraphs before the nested table introduce it
    ("Finansējums pa īstenošanas gadiem:", "Summas norādītas EUR."): they are no row (a row
    of no year and no amount); when they name a number (a sum over the years, "Kopā
    piešķirti 98 000,00 EUR:") they are returned too, as money of no row, not dropped.
    Paragraphs after it ("I. īstenošanas gada atlikums € 360,00 atgriezts …") are no row
    of the table either: they are returned apart, so that the table is read as a table.
    Markdown's delimiter row ("|---|---|") is no row either."""
    cells = split_text(line, "\t")
    if len(cells) == 1 and _PIPE_ROW.fullmatch(line.text) and "\x0b" not in line.text:
        return NestedRows(
            [] if _DELIMITER_ROW.fullmatch(line.text) else [_cells_of(line)], None, []
        )
    paragraphs = [
        p for p in split_text(cells[-1].replace(_BREAKS, "\x0b"), "\x0b") if p.text.strip(_WS)
    ]
    piped = [i for i, p in enumerate(paragraphs) if _PIPE_ROW.fullmatch(p.text)]
    first, last = (piped[0], piped[-1] + 1) if piped else (0, 0)
    intro, under = paragraphs[:first], paragraphs[last:]
    paragraphs = paragraphs[first:last]
    if len(paragraphs) < 2 or not all(_PIPE_ROW.fullmatch(p.text) for p in paragraphs):
        return NestedRows([line], None, [])
    rows = [SourcedText.join(cells[:-1], "\t")] if any(c.text.strip() for c in cells[:-1]) else []
    rows.extend(_cells_of(p) for p in paragraphs if not _DELIMITER_ROW.fullmatch(p.text))
    if under and any(_years_across(row) for row in rows):
        # A table with a column per year ("1. gads (2022./2023.)" with "plānots | faktiski"
        # under each), words under it: such columns are not read for sure yet (the role
        # row has more cells than the years' row), so none of it is read.
        return NestedRows([line], None, [])
    numbered = any(re.search(r"\d", p.text) for p in intro)
    return NestedRows(rows, SourcedText.join(intro, "\x0b") if numbered else None, under)


def _years_across(row: SourcedText) -> bool:
    """Whether a row names a year in more than one cell: a header of years across."""
    cells = split_text(row, "\t")
    return (
        year_header(cells) is not None
        or sum(bool(ORDINAL_ROW.match(c.text) or CALENDAR_YEAR.match(c.text)) for c in cells) > 1
    )


def is_markdown_table(text: str) -> bool:
    """Whether the text holds a Markdown table: a row "| a | b |" and its delimiter row
    "|---|---|" on lines of their own."""
    lines = text.split("\n")
    return any(_DELIMITER_ROW.fullmatch(line) for line in lines) and any(
        _PIPE_ROW.fullmatch(line) and not _DELIMITER_ROW.fullmatch(line) for line in lines
    )


def _cells_of(paragraph: SourcedText) -> SourcedText:
    inner = paragraph.strip(_WS + "\ue000")
    parts = split_text(inner[1:-1], "|")
    return SourcedText.join([c.strip(_WS) for c in parts], "\t")


# -- a header row naming each column's role ----------------------------------------------------
_PLANNED_WORD = re.compile(either_form(r"plānot"), re.I)
# "Piešķirts" (granted) is what the contract allotted the year, the plan, in a header that
# names no "Plānots" column; beside one, its column's role is not told.
_GRANTED_WORD = re.compile(either_form(r"(?<!\w)piešķirt"), re.I)
_ACTUAL_WORD = re.compile(either_form(r"faktisk|(?<!\w)izlietot"), re.I)
_REMAINDER_WORD = re.compile(r"atlikum|neizmantot|neizlietot", re.I)


def header_roles(cells: list[SourcedText]) -> list[AmountRole | None] | None:
    """The role of each column a header row names ("Periods | Plānots | Faktiski izlietots |
    Atlikums"): PLANNED, ACTUAL, REMAINDER (any remainder: what became of it its cells say)
    or None (the key's column). None when the header does not name one planned and one
    actual column, each cell at most one role: then the columns are read by their place.
    "Piešķirts" names the planned column where no cell says "Plānots"."""
    granted = not any(_PLANNED_WORD.search(c.text) for c in cells)
    roles: list[AmountRole | None] = []
    for cell in cells:
        named = [
            role
            for role, word in (
                (AmountRole.PLANNED, _PLANNED_WORD),
                (AmountRole.ACTUAL, _ACTUAL_WORD),
                (AmountRole.REMAINDER, _REMAINDER_WORD),
            )
            if word.search(cell.text)
        ]
        if not named and granted and _GRANTED_WORD.search(cell.text):
            named = [AmountRole.PLANNED]  # "Faktiski izlietots no piešķirtā" is the actual
        if len(named) > 1:
            return None
        roles.append(named[0] if named else None)
    if any(roles.count(role) != 1 for role in (AmountRole.PLANNED, AmountRole.ACTUAL)):
        return None
    return None if roles.count(AmountRole.REMAINDER) > 1 else roles


# -- the key cell naming a row's (or a column's) year --------------------------------------------
class YearKey(NamedTuple):
    """What a key cell says of its year: its ordinal, its calendar year, its dates (the
    range's place in the cell)."""

    ordinal: int | None
    calendar_year: int | None
    range: tuple[int, int] | None


# "I (01.03.2023.–29.02.2024.)", "II. gads 15.07.2023.–14.07.2024.", "01.03.2023.–29.02.2024."
_RANGE_KEY = re.compile(
    rf"\s*(?:(?P<n>{NUMERAL})\.?\s*(?:(?:īstenošanas\s+)?gads{FOOTNOTE_MARK}(?!\w))?"
    rf"[\s:–-]*)?\(?\s*(?P<range>{PERIOD_TEXT})\s*\)?[\s.:]*",
    re.I,
)
# A calendar year alone in a key cell ("2020"): a year only where the header has named the
# columns, never as money (it has no currency word) and never in running text.
_BARE_YEAR = re.compile(r"\s*((?:19|20)\d{2})\.?\s*")


def year_key(text: str, *, bare_year: bool) -> YearKey | None:
    """The year a whole key cell names, or None when the cell is anything else."""
    ranged = _RANGE_KEY.fullmatch(text)
    if ranged is not None:
        n = ranged.group("n")
        return YearKey(ordinal_number(n) if n else None, None, ranged.span("range"))
    ordinal = ORDINAL_ROW.match(text)
    if ordinal is not None and not text[ordinal.end() :].strip():
        return YearKey(ordinal_number(ordinal.group("n")), None, None)
    calendar = CALENDAR_YEAR.match(text)
    if calendar is not None:
        span, n = calendar.span("range"), calendar.group("n")
        number = ordinal_number(n) if n else None
        return YearKey(number, int(calendar.group(1)), span if span[0] >= 0 else None)
    bare = _BARE_YEAR.fullmatch(text) if bare_year else None
    return YearKey(None, int(bare.group(1)), None) if bare is not None else None


# -- a table with one column per year ----------------------------------------------------------
def year_columns(cells: list[SourcedText]) -> list[YearKey | None] | None:
    """A header row naming a year in each column after the first ("| | I. gads
    15.07.2022.–14.07.2023. | II. gads … |"), perhaps with a column of the sum over the years
    ("Kopā", None): the key of each column after the first. None for any other row."""
    if len(cells) < 3 or PERIOD_RANGE.search(cells[0].text):
        return None
    keys = [year_key(c.text, bare_year=True) for c in cells[1:]]
    years = [k for k in keys if k is not None]
    if len(years) < 2 or any(
        k is None and not TOTAL_ROW.fullmatch(c.text.strip(" :"))
        for k, c in zip(keys, cells[1:], strict=True)
    ):
        return None
    return keys


class YearHeader(NamedTuple):
    """A header row with a column per year: its cells from the label column on, each
    column's key after the label's (`year_columns`), and the empty cells before the label
    column."""

    cells: list[SourcedText]
    keys: list[YearKey | None]
    indent: int


def year_header(cells: list[SourcedText]) -> YearHeader | None:
    """A header row with a column per year. Set in the second column of a two-column
    layout ("Label<TAB><TAB>2021<TAB>2022<TAB>Kopā", its rows "<TAB>Plānots, euro<TAB>…"),
    the table's first column is empty in every row: it is read from the second."""
    for indent in (0, 1):
        if any(c.text.strip(_WS) for c in cells[:indent]):
            break
        keys = year_columns(cells[indent:])
        if keys is not None:
            return YearHeader(cells[indent:], keys, indent)
    return None


def under_header(cells: list[SourcedText], header: YearHeader) -> list[SourcedText] | None:
    """A row of the table `header` opens, from its label column on; None for a row of
    other columns, or with text where the header's rows have none."""
    if len(cells) != header.indent + len(header.keys) + 1:
        return None
    if any(c.text.strip(_WS) for c in cells[: header.indent]):
        return None
    return cells[header.indent :]


def row_role(label: str) -> AmountRole | None:
    """A row's label in a table with a column per year: "Plānots, kopā" (the planned total),
    "Faktiski izlietots" (the actual), "Neizlietotais atlikums, atgriezts KM budžetā" (a
    remainder, returned). None for a label that opens no statement (a line of the total
    above, "t.sk. pilsoniskās sabiedrības …", or words whose amounts are not read)."""
    statement = NEW_STATEMENT.search(label)
    if statement is None or CARRY_IN_BEFORE.search(label.strip(" :")):
        return None  # "t.sk. pārceltais atlikums no I. gada": carried in, no remainder
    word = statement_word(statement.group(0))
    if word in STATEMENT_ROLE:
        return STATEMENT_ROLE[word]
    return remainder_role(NEW_STATEMENT.sub(" ", label))


def period_in(text: SourcedText, key: YearKey) -> SourcedText | None:
    """The dates a key names, as written."""
    return text[key.range[0] : key.range[1]] if key.range is not None else None


def same_period(a: Period | None, b: Period | None) -> bool:
    return a is not None and b is not None and (a.start, a.end) == (b.start, b.end)
