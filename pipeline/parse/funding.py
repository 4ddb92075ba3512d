"""The funding section: planned and actual amounts per year, their lines and remainders.

Tables give a planned and an actual column per year row (a row whose first cell does not
start a new year continues the previous one); PDF text gives the same statements one after
another, introduced by "Plānots" / "Faktiski" and a date range, with the two columns
sometimes interleaved. This module cuts a section into each year's texts; the statement
reader (`funding_statements.py`) reads them amount by amount.
"""

from __future__ import annotations

import itertools
import re
from typing import NamedTuple

from pipeline.model import AmountRole, Period
from pipeline.parse.funding_statements import Block, FundingRead, StatementReader
from pipeline.parse.funding_words import (
    CALENDAR_KEY,
    CALENDAR_YEAR,
    MONEY_IN_TEXT,
    ORDINAL_ROW,
    PERIOD_RANGE,
    ROLE_LEAD,
    STATEMENT_ROLE,
    TEXT_KEY,
    TOTAL_ROW,
    Columns,
    amount_value,
    carried_in,
    counts_as_money,
    is_header_row,
    ordinal_number,
    pipe_rows,
    purpose_columns,
    split_text,
    year_paragraphs,
)
from pipeline.parse.latvian import AMOUNT, CURRENCY
from pipeline.parse.text import SourcedText, SourceFile

_WS = " \n\t\x0b\u00a0"


class _Row(NamedTuple):
    """A table row as read: its text, its cells, and the text whose year cannot be told."""

    text: SourcedText
    cells: list[SourcedText]
    unsure: tuple[SourcedText, ...] = ()


def read_funding(section: SourcedText, source: SourceFile) -> FundingRead:
    reader = _Reader(source)
    if "\t" in section.text:
        reader.read_table(section)
    else:
        reader.read_text(section.collapse(), None)
    return reader.result()


class _Reader(StatementReader):
    """The layouts: a table's rows and cells, or PDF text, cut into each year's texts."""

    def __init__(self, source: SourceFile) -> None:
        super().__init__(source)
        self.columns: list[list[SourcedText]] = []  # per block: planned, actual, other

    # -- layouts ----------------------------------------------------------------------------
    def read_table(self, section: SourcedText) -> None:
        """Rows of `label<TAB>planned<TAB>actual` (or `<TAB>2020.gads<TAB>amount`). A row
        that does not open a year continues the one before. Cells are gathered per year and
        read at the end; text in unexpected cells is read too, by its keywords only."""
        columns = self.columns
        lines = [row for line in split_text(section, "\n") for row in pipe_rows(line)]
        rows = [part for line in lines for part in self._year_paragraphs(line)]
        purposes: Columns | None = None
        for row, raw_cells, unsure in rows:
            cells = [c.collapse() for c in raw_cells]
            lead, values = cells[0], cells[1:]
            if not any(c.text for c in cells) or is_header_row(row.text):
                continue  # a header row names the columns: it is no year with no amount
            # A row is keyed by its first cell or, under the section label, its second.
            key, rest = (
                (lead, values)
                if lead.text
                else (values[0], values[1:])
                if values
                else (lead, values)
            )
            header = purpose_columns(rest) if not re.search(r"\d", row.text) else None
            if header is not None:
                purposes = header
                continue
            if self.blocks and TOTAL_ROW.match(key.text):
                continue  # "Kopā faktiski": the sum over the years above, no year of its own
            role_lead = ROLE_LEAD.fullmatch(key.text) if rest else None
            if role_lead is not None:
                self._role_row(role_lead, key, rest, purposes, row)
                continue
            calendar = CALENDAR_YEAR.match(key.text)
            ordinal = ORDINAL_ROW.match(key.text)
            if calendar:
                year, part = int(calendar.group(1)), calendar.span("range")
                period = self._period(key[part[0] : part[1]], year) if part[0] >= 0 else None
                self.blocks.append(Block(period=period, calendar_year=year))
                columns.append([_EMPTY, _EMPTY, _EMPTY])
                values, lead = rest, _EMPTY
            elif ordinal:
                self.blocks.append(Block(ordinal=ordinal_number(ordinal.group("n"))))
                columns.append([_EMPTY, _EMPTY, _EMPTY])
                tail = key[ordinal.end() :]
                values, lead = ([tail] if tail.text else []) + rest, _EMPTY
            elif (
                not self.blocks
                or (values and self._starts_year(values[0].text))
                or PERIOD_RANGE.match(lead.text)
            ):
                self.blocks.append(Block())
                columns.append([_EMPTY, _EMPTY, _EMPTY])
            block, slots = self.blocks[-1], columns[-1]
            block.pieces.append(row.collapse())
            for piece in unsure:
                for found in MONEY_IN_TEXT.finditer(piece.text):
                    if counts_as_money(found):
                        self._unread(block, piece[found.start() : found.end()])
            for i, value in enumerate(values):
                column = 0 if block.calendar_year is not None else min(i, 2)
                slots[column] = _append(slots[column], value)
            if lead.text:
                slots[2] = _append(slots[2], lead)
        for block, (first, second, other) in zip(self.blocks, columns, strict=True):
            if block.calendar_year is not None:
                self._statements(block, first, AmountRole.REPORTED)
            else:
                self._statements(block, first, AmountRole.PLANNED)
                self._statements(block, second, AmountRole.ACTUAL)
            self._statements(block, other, None)

    def read_text(self, text: SourcedText, hint: AmountRole | None) -> None:
        """PDF text: every date range not repeating the current one starts a year, and so
        does an ordinal ("II. īstenošanas gads") naming another year."""
        pos = 0
        marks = list(TEXT_KEY.finditer(text.text))
        segments: list[tuple[SourcedText | None, SourcedText]] = []
        for i, m in enumerate(marks):
            if i == 0 and m.start() > 0 and text.text[: m.start()].strip():
                segments.append((None, text[: m.start()]))
            stop = marks[i + 1].start() if i + 1 < len(marks) else len(text)
            segments.append((text[m.start() : m.end()], text[m.end() : stop]))
            pos = stop
        if not marks:
            segments.append((None, text[pos:]))
        lead_in: SourcedText | None = None
        for period_text, body in segments:
            if period_text is None and is_header_row(body.text):
                continue
            if period_text is None and marks and not _has_money(body.text):
                # Words before the first year's dates ("PIRMAIS GADS (01.01.2023.–…)")
                # name that year: they are no year of their own with no amount.
                lead_in = body
                continue
            keyed = ORDINAL_ROW.match(period_text.text) if period_text is not None else None
            ordinal = ordinal_number(keyed.group("n")) if keyed else None
            period = self._period(period_text) if period_text is not None and not keyed else None
            current = self.blocks[-1] if self.blocks else None
            # "I. gads (01.01.2023.–31.12.2023.)": dates right after a year's key, before any
            # of its money, are that year's.
            dated = current is not None and current.period is None and not current.amounts
            if (
                current is None
                or (period is not None and not dated and not _same(current.period, period))
                or (ordinal is not None and ordinal != current.ordinal)
            ):
                current = Block(period=period, ordinal=ordinal)
                self.blocks.append(current)
            elif dated and period is not None:
                current.period = period
            if lead_in is not None:
                current.pieces.append(lead_in)
                lead_in = None
            if period_text is not None:
                current.pieces.append(period_text)
            current.pieces.append(body)
            self._statements(current, body, hint)

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
            self.columns.append([_EMPTY, _EMPTY, _EMPTY])
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

    def _year_paragraphs(self, row: SourcedText) -> list[_Row]:
        """The row as the rows it stands for: a paragraph of its last cell that names a
        year ("I. īstenošanas gads", "2023. gads", a date range) after another year's money
        starts a new row, as a new table row would. Such a paragraph in an earlier cell
        leaves the cells after it to no year that can be told: the row is kept whole and
        its amounts from that paragraph on are unread."""
        cells = split_text(row, "\t")
        filled = [i for i, c in enumerate(cells) if c.text.strip(_WS + "\ue000")]
        if not filled:
            return [_Row(row, cells)]
        last = filled[-1]
        for i in filled[:-1]:
            starts = year_paragraphs(cells[i].text)
            if starts:
                unsure = (cells[i][starts[0] :], *cells[i + 1 :])
                return [_Row(row, cells, unsure)]
        starts = year_paragraphs(cells[last].text)
        if not starts:
            return [_Row(row, cells)]
        cell, out = cells[last], []
        bounds = [0, *starts, len(cell)]
        for n, (begin, end) in enumerate(itertools.pairwise(bounds)):
            part = cell[begin:end]
            if n == 0:
                out.append(
                    _Row(SourcedText.join([*cells[:last], part], "\t"), [*cells[:last], part])
                )
                continue
            key = CALENDAR_KEY.match(part.text)
            if key is not None:
                # "2023. gads" reads as a calendar year only as a cell of its own.
                out.append(_Row(part, [_EMPTY, part[: key.end("key")], part[key.end() :]]))
            else:
                out.append(_Row(part, [_EMPTY, part]))
        return out

    # -- helpers ----------------------------------------------------------------------------
    def _starts_year(self, text: str) -> bool:
        head = text.lstrip(_WS)
        return bool(
            re.match(
                rf"(?:{AMOUNT})\s*(?:{CURRENCY}|,?\s*t\.\s?sk|\(|$)|Plānots|Faktiski|Izlietots"
                rf"|{PERIOD_RANGE.pattern}",
                head,
                re.I,
            )
        )


_EMPTY = SourcedText.of("")


def _append(column: SourcedText, value: SourcedText) -> SourcedText:
    if not value.text:
        return column
    # A tab between cells, so that a currency word ending one cell is not read as the
    # next cell's amount's ("…, EUR<TAB>2023").
    return SourcedText.join([column, value], "\t") if column.text else value


def _has_money(text: str) -> bool:
    return any(counts_as_money(m) for m in MONEY_IN_TEXT.finditer(text))


def _same(a: Period | None, b: Period) -> bool:
    return a is not None and (a.start, a.end) == (b.start, b.end)
