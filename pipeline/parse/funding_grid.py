"""Tables read down a column or along a row of roles: a column per year, its rows the
statements ("Plānots, kopā", "t.sk. …", "Neizlietotais atlikums"), and a row whose first
cell names its role ("15.07.2023–14.07.2024 plānots", or a year's cell and then "Plānots")
with an amount per purpose column; and a header of two rows, the roles over the purposes.
"""

from __future__ import annotations

import re

from pipeline.model import AmountRole, Period, Purpose
from pipeline.parse.diacritics import either_form
from pipeline.parse.funding_blocks import Block, Total
from pipeline.parse.funding_carry import CARRY_IN_BEFORE, carried_in
from pipeline.parse.funding_clauses import Columns, remainder_role
from pipeline.parse.funding_row_labels import EMPTY
from pipeline.parse.funding_rows import SLOT_OF_ROLE, RowReader, Slots
from pipeline.parse.funding_tables import YearKey, period_in, row_role
from pipeline.parse.funding_words import (
    MONEY_IN_TEXT,
    ROLE_LEAD,
    STATEMENT_ROLE,
    TOTAL_ROW,
    amount_value,
    counts_as_money,
    names_both_purposes,
    purpose_of,
)
from pipeline.parse.text import SourcedText


class GridReader(RowReader):
    """The year-per-column and role-per-row layouts of a funding table."""

    def _year_columns(
        self,
        header: list[SourcedText],
        keys: list[YearKey | None],
        rows: list[list[SourcedText]],
    ) -> None:
        """A table with a column per year, its rows the statements: "Plānots, kopā" (a
        total), "t.sk. pilsoniskās sabiedrības …" (a line of the total above it),
        "Neizlietotais atlikums, atgriezts KM budžetā" (a remainder). Each year is read down
        its column; a cell of two amounts, or under a label that names no statement nor a
        line of one, is unread, and its year compared with nothing."""
        if not rows:
            return  # years named over no row: no year of the report's, nor amounts missing
        for j, key in enumerate(keys, start=1):
            if key is None:
                continue  # "Kopā": the sum over the years, no year of its own
            dates = period_in(header[j], key)
            block = Block(
                period=self._period(dates, key.calendar_year) if dates else None,
                ordinal=key.ordinal,
                calendar_year=key.calendar_year,
            )
            self.blocks.append(block)
            self.columns.append(Slots())
            block.pieces.append(header[j])
            total: Total | None = None
            for cells in rows:
                label, cell = cells[0], cells[j]
                block.pieces.append(cell)
                money = [m for m in MONEY_IN_TEXT.finditer(cell.text) if counts_as_money(m)]
                role = row_role(label.text)
                purpose = purpose_of(label.text)
                # "Pārceltais atlikums no iepriekšējā gada": money received from the year
                # before, on top of the plan, not a remainder of this one. "t.sk. pārceltais
                # …" is a part of the amount above it, inside it: not read.
                carried = (
                    role is None
                    and not _INSIDE.match(label.text)
                    and CARRY_IN_BEFORE.search(label.text.strip(" :"))
                )
                if role is not None or carried:
                    total = None
                if not money:
                    if re.search(r"\d", cell.text):
                        self._unread(block, cell)  # a number that is no money for sure
                    continue
                if carried and len(money) == 1 and block.total_of(AmountRole.CARRIED_IN) is None:
                    m = money[0]
                    value = amount_value(m.group("amount"))
                    self._add(
                        block, m, cell, AmountRole.CARRIED_IN, None, value, "", parts=label.text
                    )
                    self._carried_in_beside(block)
                    continue
                sure = len(money) == 1 and (
                    (role is not None and purpose is None and block.total_of(role) is None)
                    or (role is None and purpose is not None and total is not None)
                )
                if not sure:
                    for m in money:
                        self._unread(block, cell[m.start() : m.end()])
                    continue
                m = money[0]
                value = amount_value(m.group("amount"))
                if role is not None:
                    self._add(
                        block, m, cell, role, None, value, "", itemised=True, parts=label.text
                    )
                    total = block.totals[-1]
                elif total is not None:
                    total.lines += value
                    self._add(
                        block,
                        m,
                        cell,
                        total.role,
                        purpose,
                        value,
                        "",
                        count=False,
                        parts=label.text,
                    )

    def _role_row(
        self,
        role: AmountRole,
        dates: SourcedText | None,
        values: list[SourcedText],
        purposes: Columns | None,
        row: SourcedText,
    ) -> None:
        """A row whose first cell names its role and perhaps its year ("15.07.2023–14.07.2024
        plānots"), its other cells one amount per column. The planned and the actual row of
        a year share its dates: the second continues the first's year. Under a header naming
        each column's purpose and the total's column, the cells are the total and its lines;
        without one, a single amount is the total, and several are unread (which of them is
        the total is not written)."""
        period = self._period(dates) if dates is not None else None
        if not self.blocks or (period is not None and not _same(self.blocks[-1].period, period)):
            self.blocks.append(Block(period=period))
            self.columns.append(Slots())
        block = self.blocks[-1]
        block.pieces.append(row.collapse())
        money = [[m for m in MONEY_IN_TEXT.finditer(v.text) if counts_as_money(m)] for v in values]
        filled = [i for i, found_money in enumerate(money) if found_money]
        if purposes is None or len(purposes.purposes) != len(values):
            if len(filled) == 1:
                self._statements(block, values[filled[0]], role)
            else:
                for i in filled:
                    for m in money[i]:
                        self._unread(block, values[i][m.start() : m.end()])
            return
        total_cell, total_money = values[purposes.total], money[purposes.total]
        if len(total_money) != 1:
            for m in total_money:
                self._unread(block, total_cell[m.start() : m.end()])
            total = None
        else:
            m = total_money[0]
            value = amount_value(m.group("amount"))
            self._add(block, m, total_cell, role, None, value, "", itemised=True)
            total = block.totals[-1]
        for i, purpose in enumerate(purposes.purposes):
            if i == purposes.total or not money[i]:
                continue
            cell, first, extra = values[i], money[i][0], money[i][1:]
            if total is None or purpose is None:
                for m in money[i]:
                    self._unread(block, cell[m.start() : m.end()])
                continue
            value = amount_value(first.group("amount"))
            total.lines += value
            self._add(block, first, cell, role, purpose, value, "", count=False)
            last = first.end()
            for m in extra:
                lead_words, right = cell.text[last : m.start()], cell.text[m.end() :]
                last = m.end()
                if re.search(r"t\.\s?sk\.?\s*$", lead_words) and carried_in(lead_words, right):
                    # a part of the line, inside it: carried in for its purpose
                    self._add_carried_in(
                        block, m, cell, purpose, amount_value(m.group("amount")), right
                    )
                else:
                    self._unread(block, cell[m.start() : m.end()])

    def grid_row(
        self,
        row: SourcedText,
        cells: list[SourcedText],
        unsure: tuple[SourcedText, ...],
        columns: list[Column],
    ) -> None:
        """A row under a header of roles over purposes (see `role_purpose_columns`): its
        first cell opens its year or, empty (a rowspan's place), goes on with the one above;
        a cell under a role's total is that role's statement, a cell under a purpose that
        role's line of it. Money a cell says was carried in from the year before ("+ 543,22
        € pārcelts no II gada") is that purpose's carried-in money, beside the plan. A row
        of another number of cells is read by its words only: its columns cannot be told."""
        if len(cells) != len(columns):
            self._words_row(row, cells, unsure)
            return
        first = next(i for i, (role, _) in enumerate(columns) if role is not None)
        key = next((c for c in cells[:first] if c.text), cells[0])  # under "Periods"
        if key.text and TOTAL_ROW.match(key.text) and self.blocks:
            self.notes.append(row.collapse())  # "Kopā": the sum over the years, kept as written
            return
        block, slots = self._keyed_block(key)
        self._row_pieces(block, row, unsure)
        lines: dict[Purpose, list[tuple[AmountRole, SourcedText]]] = {}
        for n, (cell, (role, purpose)) in enumerate(zip(cells, columns, strict=True)):
            if role is None:
                remainder = n and columns[n - 1] == (AmountRole.REMAINDER, None)
                if remainder and not _money(cell.text):
                    # a notes column after the remainder's ("pārcelts uz nākamo periodu")
                    # says what became of it
                    slots.add(SLOT_OF_ROLE[AmountRole.REMAINDER], cell)
                elif cell is not key:
                    slots.add(2, cell)
            elif purpose is None:
                slots.add(SLOT_OF_ROLE.get(role, 2), cell)
            elif not self._carried_cell(block, cell, purpose):
                lines.setdefault(purpose, []).append((role, cell))
        for purpose, placed in lines.items():
            self.line_cells(block, purpose, EMPTY, placed)

    def _carried_cell(self, block: Block, cell: SourcedText, purpose: Purpose) -> bool:
        money = [m for m in MONEY_IN_TEXT.finditer(cell.text) if counts_as_money(m)]
        if len(money) != 1:
            return False
        m = money[0]
        right = cell.text[m.end() :]
        if not carried_in(cell.text[: m.start()], right):
            return False
        self._add_carried_in(block, m, cell, purpose, amount_value(m.group("amount")), right)
        block.plan_incomplete = True
        return True


def role_cell(
    cell: SourcedText, values: list[SourcedText], purposes: Columns | None
) -> tuple[AmountRole, SourcedText | None] | None:
    """The role a row's label cell names, and the dates before it ("15.07.2023–14.07.2024
    plānots", "Faktiski"), when the cells after it are that role's amounts. A remainder
    ("Atlikums", "Neizlietotais atlikums (atgriezts)") is such a label only under a header
    naming each of those cells' purpose: without one its amounts may be anything."""
    found = ROLE_LEAD.fullmatch(cell.text) if values else None
    if found is not None:
        dates = cell[found.start("period") : found.end("period")] if found.group("period") else None
        return STATEMENT_ROLE[found.group("role").lower()], dates
    left = _REMAINDER_CELL.fullmatch(cell.text)
    if left is None or purposes is None or len(purposes.purposes) != len(values):
        return None
    return remainder_role(left.group("what")), None


# "Atlikums", "Neizlietotais atlikums", "Atlikums (atgriezts valsts budžetā)": a remainder
# row's label, the words after it saying what became of it, no number among them.
_REMAINDER_CELL = re.compile(
    r"\s*(?:neizlietot\w*\s+|neizmantot\w*\s+)?atlikums(?!\w)(?P<what>[^\d]*)",
    re.I,
)


def _money(text: str) -> bool:
    return any(counts_as_money(m) for m in MONEY_IN_TEXT.finditer(text))


# A row label naming a part of the amount above: "t.sk.", "tai skaitā", "ieskaitot".
_INSIDE = re.compile(
    either_form(r"\s*(?:t\.\s?sk|tai\s+skaitā|ieskaitot|iekļaujot|no\s+t[ie]e?m)"), re.I
)


def _same(a: Period | None, b: Period) -> bool:
    return a is not None and (a.start, a.end) == (b.start, b.end)


# -- a header of two rows: roles over purposes -------------------------------------------------
#: A column of a two-row header: the role its upper cell names and the purpose its lower
#: cell names (None: the role's total, or the key column when the role is None too).
Column = tuple[AmountRole | None, Purpose | None]


def role_purpose_columns(
    roles: list[AmountRole | None], header: list[SourcedText], cells: list[SourcedText]
) -> list[Column] | None:
    """The columns of a header whose first row (`header`, its `roles`) names the roles
    ("Periods | Plānots | Faktiski | Atlikums | Piezīmes", a role's cell spanning its
    purposes' columns) and whose second row, `cells`, names what is under them ("Kopā |
    pilsoniskās … | mazākumtautību …" per role; empty where a cell of the first row spans
    both rows). The key columns come first (empty in the second row). Each column of the
    first row after them takes, in order, either one empty cell (a role's total, or a
    column of no role such as notes) or a run of a role's total and purposes. The header is
    read only when every run names the same things in the same order and the cells are
    used up exactly; otherwise None: which column is whose cannot be told."""
    named_cells = [i for i, c in enumerate(header) if c.text.strip()]
    first_role = next((i for i, r in enumerate(roles) if r is not None), None)
    if first_role is None or not named_cells or len(cells) <= named_cells[-1] + 1:
        return None
    if any(c.text.strip() for c in cells[:first_role]):
        return None
    items: list[Purpose | str] = []  # a purpose, "total", or "" for an empty cell
    for cell in cells[first_role:]:
        text = cell.text.strip(" :\u00a0")
        if re.search(r"\d", text) or (text and names_both_purposes(text)):
            return None
        purpose = purpose_of(text) if text else None
        if purpose is None and text and not TOTAL_ROW.fullmatch(text):
            return None
        items.append(purpose if purpose is not None else "total" if text else "")
    columns: list[Column] = [(None, None)] * first_role
    runs: list[list[Purpose | str]] = []
    j = 0
    for role in roles[first_role : named_cells[-1] + 1]:
        if j >= len(items):
            return None
        if items[j] == "":
            columns.append((role, None))
            j += 1
            continue
        if role is None:
            return None  # a column of no role over purposes
        run: list[Purpose | str] = []
        while j < len(items) and (item := items[j]) != "" and item not in run:
            run.append(item)
            j += 1
        runs.append(run)
        columns.extend((role, item if isinstance(item, Purpose) else None) for item in run)
    if any(items[j:]) or not runs or any(run != runs[0] for run in runs):
        return None
    if not any(isinstance(item, Purpose) for item in runs[0]):
        return None
    return columns + [(None, None)] * (len(items) - j)
