"""Tables read down a column or along a row of roles: a column per year, its rows the
statements ("Plānots, kopā", "t.sk. …", "Neizlietotais atlikums"), and a row whose first
cell names its role ("15.07.2023–14.07.2024 plānots") with an amount per purpose column.
"""

from __future__ import annotations

import re

from pipeline.model import AmountRole, Period
from pipeline.parse.funding_blocks import Block, Total
from pipeline.parse.funding_carry import CARRY_IN_BEFORE, carried_in
from pipeline.parse.funding_rows import RowReader, Slots
from pipeline.parse.funding_tables import YearKey, period_in, row_role
from pipeline.parse.funding_words import (
    MONEY_IN_TEXT,
    STATEMENT_ROLE,
    Columns,
    amount_value,
    counts_as_money,
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
        found: re.Match[str],
        lead: SourcedText,
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
        role = STATEMENT_ROLE[found.group("role").lower()]
        period = (
            self._period(lead[found.start("period") : found.end("period")])
            if found.group("period")
            else None
        )
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


# A row label naming a part of the amount above: "t.sk.", "tai skaitā", "ieskaitot".
_INSIDE = re.compile(r"\s*(?:t\.\s?sk|tai\s+skaitā|ieskaitot|iekļaujot|no\s+t[ie]e?m)", re.I)


def _same(a: Period | None, b: Period) -> bool:
    return a is not None and (a.start, a.end) == (b.start, b.end)
