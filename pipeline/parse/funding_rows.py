"""Table rows that are not a year of their own: a purpose line under its year ("t.sk.
pilsoniskās sabiedrības attīstībai … | 29 000,00 | 29 000,00"), a row whose year cell a
rowspan covers, and a table with a purpose column ("Īstenošanas gads | Finansējuma mērķis |
Plānots | Faktiski"), its "Kopā" row the year's total. Such rows are told by their labels
(`funding_row_labels.py`); `funding.py` cuts the section into rows; the amounts are added
by the statement reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from pipeline.model import Amount, AmountRole, Purpose
from pipeline.parse.diacritics import either_form, fold
from pipeline.parse.funding_blocks import Block
from pipeline.parse.funding_clauses import (
    ordinal_number,
    remainder_role,
    remainder_verb,
)
from pipeline.parse.funding_row_labels import (
    EMPTY,
    line_purpose,
    names_year,
    right_aligned,
    words_beside,
)
from pipeline.parse.funding_statements import StatementReader
from pipeline.parse.funding_tables import (
    period_in,
    same_period,
    year_key,
)
from pipeline.parse.funding_words import (
    MONEY_IN_TEXT,
    ORDINAL_ROW,
    TOTAL_ROW,
    amount_value,
    counts_as_money,
)
from pipeline.parse.latvian import LETTER
from pipeline.parse.text import SourcedText, SourceFile

SLOT_OF_ROLE = {AmountRole.PLANNED: 0, AmountRole.ACTUAL: 1, AmountRole.REMAINDER: 3}


@dataclass(slots=True)
class Slots:
    """One year's cells gathered per column: planned, actual, other, remainder."""

    cells: list[SourcedText] = field(default_factory=lambda: [EMPTY] * 4)
    headed: bool = False  # placed by a header naming the columns: a calendar year's too

    def add(self, column: int, value: SourcedText) -> None:
        if not value.text:
            return
        # A tab between cells, so that a currency word ending one cell is not read as the
        # next cell's amount's ("…, EUR<TAB>2023").
        old = self.cells[column]
        self.cells[column] = SourcedText.join([old, value], "\t") if old.text else value

    def place_by_header(
        self,
        cells: list[SourcedText],
        roles: list[AmountRole | None],
        key: SourcedText,
        tail: SourcedText,
    ) -> None:
        """Each cell in its column's slot; the key's cell is the row's year, what follows
        the year in it ("I. gads (01.03.2023.–…)") read by its words only. A notes cell
        right after the remainder's that says what became of it ("atlikums atgriezts KM")
        is read with the remainder, as the same words after it in a sentence are."""
        before: AmountRole | None = None
        for cell, role in zip(cells, roles, strict=True):
            if cell is not key:
                column = SLOT_OF_ROLE.get(role, 2) if role is not None else 2
                fate = _fate_of(cell) if role is None and before is AmountRole.REMAINDER else None
                if fate is not None:
                    self.add(SLOT_OF_ROLE[AmountRole.REMAINDER], fate)
                else:
                    self.add(column, cell)
            before = role
        self.add(2, tail)


def _fate_of(cell: SourcedText) -> SourcedText | None:
    """The words of a cell with no money that say the remainder was returned, or None. The remainder's own name opening them ("atlikums atgriezts KM") names
    the amount beside it, no new statement: read after it."""
    if _money(cell.text):
        return None
    named = _REMAINDER_NAMED.match(cell.text)
    words = cell[named.end() :] if named else cell
    verb = remainder_verb(words.text)
    # returned only: a remainder carried over to the next year is read by the carried-money
    # readers, which take the note beside the row themselves (read here too, it was twice)
    return words if verb is not None and fold(verb.group(0)).startswith(_RETURNED) else None


_RETURNED = ("atgriez", "atmaksa")


_REMAINDER_NAMED = re.compile(
    either_form(r"\s*(?:(?:neizlietot|neizmantot)\w*\s+)?(?:atlikum\w*|līdzekļ\w*)(?!\w)"),
    re.I,
)


@dataclass(frozen=True, slots=True)
class _LineRow:
    """The purpose line read last: its table row, its year, its amounts read per column
    (each with its amount as written)."""

    row: int
    block: Block
    amounts: dict[AmountRole, list[tuple[Amount, SourcedText]]]


def _money(text: str) -> bool:
    return any(counts_as_money(m) for m in MONEY_IN_TEXT.finditer(text))


# -- the amounts of such rows -------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class PurposeTable:
    """A header naming each column's role, and which column names the purpose."""

    roles: tuple[AmountRole | None, ...]
    purpose: int
    key: int = 0  # the year's column: empty columns before it are a layout's, no year's


def purpose_table(cells: list[SourcedText], roles: list[AmountRole | None]) -> PurposeTable | None:
    """The header of a table with a purpose column, or None. Its empty cells at the end
    are no columns (a converter's trailing cell): rows leave them out."""
    column = purpose_column(cells, roles)
    if column is None:
        return None
    width = len(cells)
    while width > column + 1 and not cells[width - 1].text.strip() and roles[width - 1] is None:
        width -= 1
    key = next((i for i, c in enumerate(cells[:column]) if c.text.strip()), 0)
    return PurposeTable(tuple(roles[:width]), column, key)


def purpose_column(cells: list[SourcedText], roles: list[AmountRole | None]) -> int | None:
    """The column after the first whose header names the purpose ("Finansējuma mērķis",
    "Mērķis"), before the amount columns."""
    first_amount = next((i for i, r in enumerate(roles) if r is not None), len(roles))
    for i in range(1, first_amount):
        if re.search(rf"(?<![{LETTER}])m[ēe]r[ķk]", cells[i].text, re.I):
            return i
    return None


@dataclass(slots=True)
class PendingTotal:
    """A "Kopā" row in a purpose column: the year's total, or the sum over the years when it
    ends the table; which one is decided when the table is read."""

    block: Block
    slots: Slots
    cells: list[tuple[AmountRole, SourcedText]]
    summed: bool = True  # "Kopā"; False: a purpose cell naming no purpose (or both)


class RowReader(StatementReader):
    """The rows of a table that add lines to a year, or its total, rather than open one."""

    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.columns: list[Slots] = []  # per block: its cells per column
        self.row_number = 0  # of the table row being read, counted by the layout reader
        self._line_above: _LineRow | None = None

    def purpose_row(
        self,
        row: SourcedText,
        cells: list[SourcedText],
        unsure: tuple[SourcedText, ...],
        table: PurposeTable,
        pending: list[PendingTotal],
    ) -> None:
        """A row of a table with a purpose column. Its first cell, when it names a year,
        opens that year (a rowspan leaves it out of the year's next rows); its purpose cell
        says what its amounts are: a line of that purpose, the year's total ("Kopā", or no
        purpose written), or, naming neither, amounts whose role is not told (unread)."""
        roles = list(table.roles)
        if len(cells) > len(roles) and not any(c.text.strip() for c in cells[len(roles) :]):
            cells = cells[: len(roles)]  # empty cells after the last column: none of its
        if len(cells) != len(roles):
            padded = right_aligned(cells, roles, table.purpose) if self.blocks else None
            if padded is None:
                self._words_row(row, cells, unsure)
                return
            cells = padded
        key = cells[table.key]
        if key.text and TOTAL_ROW.match(key.text) and self.blocks:
            return  # "Kopā" in the year's column: the sum over the years, no year of its own
        block, slots = self._keyed_block(key)
        self._row_pieces(block, row, unsure)
        amounts = [(r, c) for c, r in zip(cells, roles, strict=True) if r is not None]
        for i, (cell, role) in enumerate(zip(cells, roles, strict=True)):
            if role is None and i not in (table.key, table.purpose):
                slots.add(2, cell)
        purpose_cell = cells[table.purpose]
        if TOTAL_ROW.match(purpose_cell.text):
            slots.add(2, purpose_cell)  # its words ("Kopā (t.sk. 31 000,00 EUR …)") only
            pending.append(PendingTotal(block, slots, amounts))
        elif not purpose_cell.text.strip():
            for role, cell in amounts:  # a year in one row: its amounts are its totals
                slots.add(SLOT_OF_ROLE[role], cell)
        elif (purpose := line_purpose(purpose_cell.text, bare=True)) is not None:
            self.line_cells(block, purpose, purpose_cell, amounts)
        else:
            # "Valsts pārvaldes uzdevuma izpildei", or both purposes in one cell: the year's
            # total when it is the year's only row, else some line whose purpose is not told.
            slots.add(2, purpose_cell)
            pending.append(PendingTotal(block, slots, amounts, summed=False))

    def _words_row(
        self, row: SourcedText, cells: list[SourcedText], unsure: tuple[SourcedText, ...]
    ) -> None:
        """A row whose cells cannot be placed under the header's columns (a note spanning
        them, "Atlikums 785,40 EUR pārcelts uz …"): read by its words only."""
        key = cells[0] if cells and names_year(cells[0].text) else EMPTY
        block, slots = self._keyed_block(key)
        self._row_pieces(block, row, unsure)
        for cell in cells:
            if cell is not key:
                slots.add(2, cell)

    def _keyed_block(self, key: SourcedText) -> tuple[Block, Slots]:
        """The year a row's first cell opens, or the year it goes on with."""
        found = year_key(key.text, bare_year=True) if key.text else None
        ordinal = ORDINAL_ROW.match(key.text) if key.text and found is None else None
        if found is not None:
            dates = period_in(key, found)
            period = self._period(dates, found.calendar_year) if dates else None
            if not self.blocks or not same_period(self.blocks[-1].period, period):
                block = Block(
                    period=period, ordinal=found.ordinal, calendar_year=found.calendar_year
                )
                self.blocks.append(block)
                self.columns.append(Slots(headed=True))
        elif ordinal is not None:
            self.blocks.append(Block(ordinal=ordinal_number(ordinal.group("n"))))
            self.columns.append(Slots(headed=True))
            self.columns[-1].add(2, key[ordinal.end() :])
        elif not self.blocks:
            self.blocks.append(Block())
            self.columns.append(Slots(headed=True))
        if found is None and ordinal is None:
            self.columns[-1].add(2, key)
        return self.blocks[-1], self.columns[-1]

    def _row_pieces(self, block: Block, row: SourcedText, unsure: tuple[SourcedText, ...]) -> None:
        block.pieces.append(row.collapse())
        for piece in unsure:
            for found in MONEY_IN_TEXT.finditer(piece.text):
                if counts_as_money(found):
                    self._unread(block, piece[found.start() : found.end()])

    def line_cells(
        self,
        block: Block,
        purpose: Purpose,
        label: SourcedText,
        cells: list[tuple[AmountRole, SourcedText]],
    ) -> None:
        """A purpose line's amounts, one per column: a cell of two amounts is unread. An
        empty cell under the purpose line just above, which has an amount in that column,
        makes that amount unread (see `_spanned_above`)."""
        self._spanned_above(block, cells)
        read: dict[AmountRole, list[tuple[Amount, SourcedText]]] = {}
        for role, cell in cells:
            money = [m for m in MONEY_IN_TEXT.finditer(cell.text) if counts_as_money(m)]
            if len(money) != 1 or words_beside(cell.text, money[0], role):
                for m in money:
                    self._unread(block, cell[m.start() : m.end()])
                continue
            m = money[0]
            line_role = remainder_role(cell.text) if role is AmountRole.REMAINDER else role
            value = amount_value(m.group("amount"))
            before = len(block.amounts)
            self._add(block, m, cell, line_role, purpose, value, "", count=False, parts=label.text)
            if len(block.amounts) > before:
                read.setdefault(role, []).append((block.amounts[-1], cell[m.start() : m.end()]))
        self._line_above = _LineRow(self.row_number, block, read)

    def _spanned_above(self, block: Block, cells: list[tuple[AmountRole, SourcedText]]) -> None:
        """A purpose line whose cell in a money column is empty while its other money cells
        are filled, right under a purpose line of the same year with an amount in that
        column: the amount above may be one cell spanning both rows (a document reader
        writes the place a merged cell covers as an empty cell), the sum of both purposes,
        or that purpose's alone with this one's missing. Which, the text cannot tell: the
        amount above is unread, and the year compared with nothing."""
        above = self._line_above
        if above is None or above.row != self.row_number - 1 or above.block is not block:
            return
        filled = {role for role, cell in cells if _money(cell.text)}
        for role, cell in cells:
            if cell.text.strip() or not filled - {role}:
                continue
            for amount, piece in above.amounts.pop(role, []):
                block.amounts = [a for a in block.amounts if a is not amount]
                self._unread(block, piece)

    def unread_cells(self, block: Block, cells: list[SourcedText]) -> None:
        for cell in cells:
            for m in MONEY_IN_TEXT.finditer(cell.text):
                if counts_as_money(m):
                    self._unread(block, cell[m.start() : m.end()])

    def settle_totals(self, pending: list[PendingTotal], blocks: list[Block]) -> None:
        """Each "Kopā" row of a purpose column: the year's total when another year follows
        it, when every year before it in the table had one, or when it is the sum of its
        year's lines; otherwise it may be the sum over the years, and its amounts are
        unread."""
        with_total = {id(p.block) for p in pending if p.summed}
        for p in pending:
            at = next(i for i, b in enumerate(blocks) if b is p.block)
            earlier = blocks[:at]
            if not p.summed:
                alone = sum(q.block is p.block for q in pending) == 1 and not any(
                    a.purpose is not None and a.role in (AmountRole.PLANNED, AmountRole.ACTUAL)
                    for a in p.block.amounts
                )
                sure = alone
            else:
                sure = (
                    at + 1 < len(blocks)
                    or bool(earlier and all(id(b) in with_total for b in earlier))
                    or self._sums_lines(p)
                )
            if sure:
                for role, cell in p.cells:
                    p.slots.add(SLOT_OF_ROLE[role], cell)
            else:
                self.unread_cells(p.block, [cell for _, cell in p.cells])

    @staticmethod
    def _sums_lines(p: PendingTotal) -> bool:
        compared = False
        for role, cell in p.cells:
            money = [m for m in MONEY_IN_TEXT.finditer(cell.text) if counts_as_money(m)]
            if not money:
                continue
            if len(money) != 1 or role is AmountRole.REMAINDER:
                return False
            lines = [a.value for a in p.block.amounts if a.role is role and a.purpose]
            if not lines:
                continue  # none read in its column (a spanning cell left unread): no sum
            summed = sum((v for v in lines if v is not None), Decimal(0))
            if summed != amount_value(money[0].group("amount")):
                return False
            compared = True
        return compared
