"""The funding section: planned and actual amounts per year, their lines and remainders.

Tables give a planned and an actual column per year row (a row whose first cell does not
start a new year continues the previous one); PDF text gives the same statements one after
another, introduced by "Plānots" / "Faktiski" and a date range, with the two columns
sometimes interleaved. This module cuts a table into each year's texts (PDF text is cut in
`funding_text.py`); the statement reader (`funding_statements.py`) reads them amount by
amount. A section with pieces of numbers in it (a table whose wrapped cells a converter
mixed up) is read not at all: its amounts are reported unread. A table set out with spaces
is cut into cells first (`funding_aligned.py`), and a row into the rows it stands for
(`funding_table_rows.py`); the funding over the whole contract is no year's
(`funding_contract.py`, `funding_totals.py`).
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.model import AmountRole
from pipeline.parse.funding_aligned import Aligned, aligned_table
from pipeline.parse.funding_blocks import Block, FundingRead
from pipeline.parse.funding_broken import with_broken_unread
from pipeline.parse.funding_cells import (
    has_columns,
    has_money,
    money_cells,
    money_of,
    named_only,
    next_statement,
)
from pipeline.parse.funding_clauses import (
    Columns,
    is_header_row,
    ordinal_number,
    purpose_columns,
    split_text,
)
from pipeline.parse.funding_contract import ContractAmount, without_contract_total
from pipeline.parse.funding_grid import Column, role_cell, role_purpose_columns
from pipeline.parse.funding_keys import CALENDAR_COLON, calendar_rows
from pipeline.parse.funding_lines import (
    purpose_lines,
    unused_lines,
)
from pipeline.parse.funding_notes import cross_reference, names_columns
from pipeline.parse.funding_row_labels import (
    broken_header,
    line_purpose,
    names_year,
    part_row,
    unit_note,
)
from pipeline.parse.funding_rows import (
    PendingTotal,
    PurposeTable,
    Slots,
    purpose_table,
)
from pipeline.parse.funding_table_rows import TableRowReader
from pipeline.parse.funding_tables import (
    YearHeader,
    header_roles,
    is_markdown_table,
    period_in,
    same_period,
    table_rows,
    under_header,
    year_header,
    year_key,
)
from pipeline.parse.funding_tabs import held_amounts
from pipeline.parse.funding_totals import without_contract_totals
from pipeline.parse.funding_under import place_under, take_under
from pipeline.parse.funding_whole import adding_up, summed_year
from pipeline.parse.funding_words import (
    CALENDAR_YEAR,
    MONEY_IN_TEXT,
    ORDINAL_ROW,
    PERIOD_RANGE,
    TOTAL_ROW,
    counts_as_money,
)
from pipeline.parse.latvian import BROKEN_NUMBER
from pipeline.parse.text import SourcedText, SourceFile

_ADDING_UP = (AmountRole.PLANNED, AmountRole.ACTUAL, AmountRole.REMAINDER)


def read_funding(section: SourcedText, source: SourceFile) -> FundingRead:
    return with_broken_unread(_read_funding(section, source), section, source)


def _read_funding(whole: SourcedText, source: SourceFile) -> FundingRead:
    spent, over_contract = without_contract_total(whole)
    section, totals, total_lines = without_contract_totals(spent)
    read = _read_years(section, source, [*over_contract, *totals])
    # the contract's total is no year's: its line is kept as written, outside the years
    return replace(read, unused=(*read.unused, *total_lines)) if total_lines else read


def _read_years(
    section: SourcedText, source: SourceFile, over_contract: list[ContractAmount]
) -> FundingRead:
    reader = _Reader(source)
    reader.unread.extend(over_contract)
    if BROKEN_NUMBER.search(section.text):
        # The tail of a broken number ("– 000,00 520,00"): a table whose narrow cells'
        # lines a converter mixed up. Which amount is which cannot be told, nor whether
        # an amount is whole: nothing is read, every amount reported unread.
        found = MONEY_IN_TEXT.finditer(section.text)
        unread = tuple(section[m.start() : m.end()] for m in found if counts_as_money(m))
        return FundingRead((), (), (*over_contract, *unread))
    aligned = aligned_table(section) if not has_columns(section.text) else None
    if aligned is not None:
        return reader.read_aligned(aligned)
    keyed = calendar_rows(section) if not has_columns(section.text) else None
    if keyed is not None:
        reader.read_table(keyed.rows)
        # the words over the first year, a unit note ("(euro)") aside, kept as written
        head = [line for line in unused_lines(keyed.head, set()) if not unit_note(line.text)]
        return replace(reader.result(), unused=(*head, *reader.notes))
    if has_columns(section.text) or is_markdown_table(section.text):
        reader.read_table(section)
        return replace(reader.result(), unused=tuple(reader.notes))
    reader.purpose_lines = purpose_lines(section)
    reader.read_text(section.collapse(), None)
    return replace(reader.result(), unused=unused_lines(section, reader.used))


class _Reader(TableRowReader):
    """The layouts: a table's rows and cells, or PDF text, cut into each year's texts."""

    # -- layouts ----------------------------------------------------------------------------
    def read_aligned(self, aligned: Aligned) -> FundingRead:
        """A table set out with spaces, read as a table. Money in the text around it (prose
        under it: "I gadā faktiski: 29 100,00 euro …") may change any year's sums, which
        year's is not told: it is unread, and no year is compared; its lines are kept.
        A header whose columns' roles are not read ("GADS  PLANOTS  FAKTISKI"), or a row
        keyed by no year, leaves the table's amounts unread: by their place alone they are
        no year's for sure."""
        around = [*money_of(aligned.before), *money_of(aligned.after)]
        header, *rows = split_text(aligned.table, "\n")
        keys = [split_text(row, "\t")[0].text for row in rows]
        if header_roles(split_text(header, "\t")) is None or not all(
            TOTAL_ROW.match(key) or year_key(key, bare_year=True) or CALENDAR_YEAR.match(key)
            for key in keys
        ):
            return FundingRead((), (), (*self.unread, *money_of(aligned.table), *around))
        self.read_table(aligned.table)
        if around:
            self.unread.extend(around)
            for block in self.blocks:
                block.uncertain = True
        notes = (*unused_lines(aligned.before, set()), *unused_lines(aligned.after, set()))
        return replace(self.result(), unused=(*self.notes, *notes))

    def read_table(self, section: SourcedText) -> None:
        """Rows of `label<TAB>planned<TAB>actual` (or `<TAB>2020.gads<TAB>amount`). A row
        that does not open a year continues the one before. Cells are gathered per year and
        read at the end; text in unexpected cells is read too, by its keywords only. A
        header row naming the columns' roles places each cell by its column; a header
        naming a year per column makes the table one read a column at a time. A row whose
        label names a purpose ("t.sk. pilsoniskās sabiedrības …") is a line of the year
        above; a header with a purpose column hands its rows to `purpose_row`."""
        columns = self.columns
        lines: list[SourcedText] = []
        under: list[SourcedText] = []  # paragraphs under a nested table: no row of it
        for line in split_text(held_amounts(section), "\n"):
            nested = table_rows(line)
            lines.extend(nested.rows)
            under.extend(nested.under)
            # "Kopā piešķirti 98 000,00 EUR:" before a nested table: money of no year's
            # row, whose role is not written.
            self.unread.extend(money_of(nested.intro) if nested.intro is not None else [])
        rows = [part for line in lines for part in self._year_paragraphs(line)]
        purposes: Columns | None = None
        roles: list[AmountRole | None] | None = None
        table: PurposeTable | None = None  # a header naming a purpose column too
        grid: list[Column] | None = None  # a header of roles over purposes
        header_cells: list[SourcedText] = []
        pending: list[PendingTotal] = []
        by_year: YearHeader | None = None
        transposed: list[list[SourcedText]] = []
        columned = False  # a table with a column per year was read
        wrapped = False  # the row before was a paragraph under the table, maybe wrapped
        for row, raw_cells, unsure in rows:
            self.row_number += 1
            cells = [c.collapse() for c in raw_cells]
            if not any(c.text for c in cells):
                wrapped = False  # a blank line ends a paragraph under the table
                continue
            if by_year is not None:
                body = under_header(cells, by_year)
                if body is not None and not unsure:
                    transposed.append(body)
                    continue
                self._year_columns(by_year.cells, by_year.keys, transposed)
                by_year, transposed = None, []
            by_year = year_header(cells)
            if by_year is not None:
                columned = True
                continue
            lead, values = cells[0], cells[1:]
            if not self.blocks and unit_note(row.text):
                continue  # "(euro)": the currency of the table below, no year
            if not has_money(row.text) and cross_reference(row.text):
                self.notes.append(row.collapse())  # "Skatīt tabulu zemāk": kept, no year
                continue
            if roles is not None and grid is None and not self.blocks:
                grid = role_purpose_columns(roles, header_cells, cells)
                if grid is not None:
                    continue  # the purposes under the roles of the row above
                if not re.search(r"\d", row.text) and not any(names_year(c.text) for c in cells):
                    continue  # a header's second row whose columns cannot be told: no year
            named = header_roles(cells) if not re.search(r"\d", row.text) else None
            if named is None and not self.blocks:
                named = broken_header(cells)
            if named is not None or is_header_row(row.text):
                # A header row names the columns ("Periods | Piešķirts | Izlietots", or
                # in words of its own): it is no year with no amount.
                roles, header_cells = named, cells
                table = purpose_table(cells, named) if named is not None else None
                continue
            if names_columns(row.text):
                continue  # "Periods | Finansējums, EUR" over the roles' row: no year
            if table is not None:
                self.purpose_row(row, cells, unsure, table, pending)
                continue
            if grid is not None:
                self.grid_row(row, cells, unsure, grid)
                continue
            # A row is keyed by its first cell or, under the section label, its second.
            key, rest = (
                (lead, values)
                if lead.text
                else (values[0], values[1:])
                if values
                else (lead, values)
            )
            colon = CALENDAR_COLON.match(key.text)
            if colon is not None:
                # "2019. gads: plānots 20 000,00 euro, …": the year keys its row as a cell of
                # its own would ("2019. gads<TAB>plānots …"), the colon ending the key.
                key, rest = key[: colon.end("key")], [key[colon.end() :], *rest]
            header = purpose_columns(rest) if not re.search(r"\d", row.text) else None
            if header is not None:
                purposes = header
                continue
            if self.blocks and TOTAL_ROW.match(key.text):
                # "Kopā faktiski": the sum over the years above, no year of its own, for
                # which the model has no place: kept as written
                self.notes.append(row.collapse())
                continue
            role_lead = role_cell(key, rest, purposes)
            if role_lead is not None:
                self._role_row(*role_lead, rest, purposes, row)
                continue
            mapped = roles if roles is not None and len(roles) == len(cells) else None
            calendar = CALENDAR_YEAR.match(key.text) or summed_year(key.text, rest, roles)
            ordinal = ORDINAL_ROW.match(key.text)
            keyed = year_key(key.text, bare_year=mapped is not None) if not calendar else None
            if ordinal and keyed is not None and keyed.range is not None:
                # "I gads (01.03.2023.–29.02.2024.)": the whole cell names the year and its
                # dates, the row's amounts in the cells after it.
                ordinal = None
            elif ordinal:
                keyed = None
            line_of = (
                line_purpose(key.text, bare=mapped is not None)
                if self.blocks and not (calendar or ordinal or keyed)
                else None
            )
            if line_of is not None:
                self._line_row(line_of, key, rest, cells, mapped, row, unsure)
                continue
            if self.blocks and part_row(key.text):
                # "t.sk. atlīdzībai | 20 000,00": a part of the year above whose purpose is
                # neither of the two, no year of its own: its amounts are unread
                self._row_pieces(self.blocks[-1], row, unsure)
                self.unread_cells(self.blocks[-1], rest)
                continue
            tail, opened_before = _EMPTY, len(self.blocks)
            if calendar:
                year, part = int(calendar.group(1)), calendar.span("range")
                period = self._period(key[part[0] : part[1]], year) if part[0] >= 0 else None
                n = calendar.group("n")
                self.blocks.append(
                    Block(
                        period=period,
                        ordinal=ordinal_number(n) if n else None,
                        calendar_year=year,
                    )
                )
                columns.append(Slots(headed=mapped is not None))
                values, lead = rest, _EMPTY
            elif ordinal:
                self.blocks.append(Block(ordinal=ordinal_number(ordinal.group("n"))))
                columns.append(Slots())
                tail = key[ordinal.end() :]
                if has_money(tail.text):  # "I. gads 40 000,00 EUR": the first column's
                    values, lead = [tail, *rest], _EMPTY
                else:  # "I gads – 2023": words of the key, no column of their own
                    values, lead = rest, tail
            elif keyed is not None:
                # "I (01.03.2023.–29.02.2024.)", "01.03.2023.–29.02.2024.", under a header
                # "2020": the cell names the row's year and nothing else.
                dates = period_in(key, keyed)
                period = self._period(dates, keyed.calendar_year) if dates else None
                if not self.blocks or not same_period(self.blocks[-1].period, period):
                    self.blocks.append(
                        Block(
                            period=period,
                            ordinal=keyed.ordinal,
                            calendar_year=keyed.calendar_year,
                        )
                    )
                    columns.append(Slots(headed=mapped is not None))
            elif not self.blocks or (
                ((values and self._starts_year(values[0].text)) or PERIOD_RANGE.match(lead.text))
                and not named_only(self.blocks[-1], columns[-1])
                and not (values and next_statement(self.blocks[-1], values[0].text))
            ):
                # A row opening with its dates ("01.08.2023.–31.07.2024. - Plānots: …", a
                # paragraph of its own after a blank line) names its year's period.
                opening = PERIOD_RANGE.match(lead.text)
                dates = lead[: opening.end()] if opening else None
                self.blocks.append(Block(period=self._period(dates) if dates else None))
                columns.append(Slots())
            opened = calendar or ordinal or keyed is not None
            role_lead = role_cell(rest[0], rest[1:], purposes) if opened and rest else None
            if role_lead is not None and role_lead[1] is None and not tail.text.strip():
                # "2023. gads | Plānots | 40 000,00 | 24 000,00 | …": the year's cell, then
                # a row of one role's amounts, the rows under it (their year cell spanned)
                # its other roles
                self._role_row(role_lead[0], None, rest[1:], purposes, row)
                continue
            if columned and len(self.blocks) == opened_before:
                # Under a table with a column per year, a row naming no year ("Neizlietotie
                # līdzekļi 1 713,54 euro apmērā atmaksāti") speaks of the years together:
                # kept as written, its money no one year's.
                self.notes.append(row.collapse())
                self.unread.extend(money_of(row))
                continue
            # "I. gada atlikums … atgriezts" (its wrapped lines too): maybe no last row's
            wrapped = len(self.blocks) == opened_before and take_under(under, cells, wrapped)
            if wrapped:
                continue
            block, slots = self.blocks[-1], columns[-1]
            block.pieces.append(row.collapse())
            for piece in unsure:
                for found in MONEY_IN_TEXT.finditer(piece.text):
                    if counts_as_money(found):
                        self._unread(block, piece[found.start() : found.end()])
            if mapped is not None:
                slots.place_by_header(cells, mapped, key, tail)
                continue
            if roles is not None and money_cells(cells, key) > sum(r is not None for r in roles):
                # more amounts than the header names roles: its cells span columns this
                # row's do not, and which amount is whose cannot be told by its place
                self.unread_cells(block, [c for c in cells if c is not key])
                continue
            for i, value in enumerate(values):
                column = 0 if block.calendar_year is not None else min(i, 2)
                slots.add(column, value)
            if lead.text:
                slots.add(2, lead)
        if by_year is not None:
            self._year_columns(by_year.cells, by_year.keys, transposed)
        place_under(under, self.blocks, columns, self.notes, self.unread)
        self.settle_totals(pending, self.blocks)
        for block, slots in zip(self.blocks, columns, strict=True):
            headed = slots.headed
            added = (
                None
                if headed or slots.cells[3].text
                else adding_up(
                    [part for cell in slots.cells[:3] for part in split_text(cell, "\t")]
                )
            )
            if added is not None:
                # "2023,8000,7950,50" with no header: whole numbers whose sum says which
                # is which, as the header would
                for cell, role in zip(added, _ADDING_UP, strict=True):
                    self._statements(block, cell, role, headed=True)
                continue
            if block.calendar_year is not None and not headed:
                self._statements(block, slots.cells[0], AmountRole.REPORTED)
            else:
                self._statements(block, slots.cells[0], AmountRole.PLANNED, headed=headed)
                self._statements(block, slots.cells[1], AmountRole.ACTUAL, headed=headed)
            self._statements(block, slots.cells[2], None)
            self._statements(block, slots.cells[3], AmountRole.REMAINDER, headed=headed)


_EMPTY = SourcedText.of("")
