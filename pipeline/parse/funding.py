"""The funding section: planned and actual amounts per year, their lines and remainders.

Tables give a planned and an actual column per year row (a row whose first cell does not
start a new year continues the previous one); PDF text gives the same statements one after
another, introduced by "Plānots" / "Faktiski" and a date range, with the two columns
sometimes interleaved. Both are read by one statement reader: each amount is classified by
the words around it, and a purpose line goes to the latest total still missing lines.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from pipeline.model import Amount, AmountRole, FundingYear, Period, Purpose
from pipeline.parse.funding_words import (
    ABBREVIATED,
    AMOUNT_IN_WORDS,
    CALENDAR_YEAR,
    CARRY_IN,
    CARRY_OUT,
    INCLUDING,
    MONEY_IN_TEXT,
    ORDINAL_ROW,
    PERIOD_RANGE,
    STATEMENT_ROLE,
    TEXT_KEY,
    is_header_row,
    label_after,
    last_keyword,
    ordinal_number,
    parts_end,
    purpose_after,
    purpose_of,
    remainder_role,
    words_after,
)
from pipeline.parse.latvian import AMOUNT, CURRENCY, find_period, is_money, parse_amount
from pipeline.parse.text import SourcedText, SourceFile

_WS = " \n\t\x0b\u00a0"


@dataclass(slots=True)
class _Total:
    role: AmountRole
    value: Decimal
    itemised: bool  # followed by "t.sk." (including): lines will follow
    lines: Decimal = Decimal(0)


@dataclass(slots=True)
class _Block:
    """One year's statements while they are read."""

    period: Period | None = None
    ordinal: int | None = None  # the implementation year the row names, if it names one
    calendar_year: int | None = None
    uncertain: bool = False  # an amount in it could not be read: compare nothing
    amounts: list[Amount] = field(default_factory=list)
    totals: list[_Total] = field(default_factory=list)
    pieces: list[SourcedText] = field(default_factory=list)
    missing: list[SourcedText] = field(default_factory=list)  # rows naming a year with no amount


@dataclass(frozen=True, slots=True)
class FundingRead:
    years: tuple[FundingYear, ...]
    missing_amounts: tuple[tuple[int, SourcedText], ...]  # (index into years, the row)
    unread: tuple[SourcedText, ...]  # amounts whose role could not be told
    uncertain: frozenset[int] = frozenset()  # indices of years with an unread amount


def read_funding(section: SourcedText, source: SourceFile) -> FundingRead:
    reader = _Reader(source)
    if "\t" in section.text:
        reader.read_table(section)
    else:
        reader.read_text(section.collapse(), None)
    return reader.result()


class _Reader:
    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.blocks: list[_Block] = []
        self.unread: list[SourcedText] = []

    # -- layouts ----------------------------------------------------------------------------
    def read_table(self, section: SourcedText) -> None:
        """Rows of `label<TAB>planned<TAB>actual` (or `<TAB>2020.gads<TAB>amount`). A row
        that does not open a year continues the one before. Cells are gathered per year and
        read at the end; text in unexpected cells is read too, by its keywords only."""
        columns: list[list[SourcedText]] = []  # per block: planned (or amount), actual, other
        for row in _split(section, "\n"):
            cells = [c.collapse() for c in _split(row, "\t")]
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
            calendar = CALENDAR_YEAR.match(key.text)
            ordinal = ORDINAL_ROW.match(key.text)
            if calendar:
                self.blocks.append(_Block(calendar_year=int(calendar.group(1))))
                columns.append([_EMPTY, _EMPTY, _EMPTY])
                values, lead = rest, _EMPTY
            elif ordinal:
                self.blocks.append(_Block(ordinal=ordinal_number(ordinal.group("n"))))
                columns.append([_EMPTY, _EMPTY, _EMPTY])
                tail = key[ordinal.end() :]
                values, lead = ([tail] if tail.text else []) + rest, _EMPTY
            elif (
                not self.blocks
                or (values and self._starts_year(values[0].text))
                or PERIOD_RANGE.match(lead.text)
            ):
                self.blocks.append(_Block())
                columns.append([_EMPTY, _EMPTY, _EMPTY])
            block, slots = self.blocks[-1], columns[-1]
            block.pieces.append(row.collapse())
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
        for period_text, body in segments:
            if period_text is None and is_header_row(body.text):
                continue
            keyed = ORDINAL_ROW.match(period_text.text) if period_text is not None else None
            ordinal = ordinal_number(keyed.group("n")) if keyed else None
            period = self._period(period_text) if period_text is not None and not keyed else None
            current = self.blocks[-1] if self.blocks else None
            if (
                current is None
                or (period is not None and not _same(current.period, period))
                or (ordinal is not None and ordinal != current.ordinal)
            ):
                current = _Block(period=period, ordinal=ordinal)
                self.blocks.append(current)
            elif current.period is None and period is not None:
                current.period = period
            if period_text is not None:
                current.pieces.append(period_text)
            current.pieces.append(body)
            self._statements(current, body, hint)

    # -- statements -------------------------------------------------------------------------
    def _statements(self, block: _Block, text: SourcedText, hint: AmountRole | None) -> None:
        if block.period is None and hint is not None:
            found = PERIOD_RANGE.search(text.text)
            if found:
                block.period = self._period(text[found.start() : found.end()])
        s = text.text
        for m in ABBREVIATED.finditer(s):  # "50 tūkst. euro": money not in the grammar
            self._unread(block, text[m.start() : m.end()])
        for m in AMOUNT_IN_WORDS.finditer(s):  # "simts eiro": money not in the grammar
            self._unread(block, text[m.start() : m.end()])
        role: AmountRole | None = hint
        remainder: AmountRole | None = None
        skip_until = -1
        last_end = 0
        line_purpose: Purpose | None = None
        parts_until = -1  # the end of a parenthesis giving the parts of the amount before it
        parts_purpose: Purpose | None = None
        for m in MONEY_IN_TEXT.finditer(s):
            if m.start() < skip_until or not _is_money(m):
                continue
            in_parts = m.start() < parts_until
            # The words of a parenthesis of parts belong to its amounts, not to the next one:
            # "(… 1 382,62 euro atlikums no II. gada), t.sk." does not open a remainder list.
            lead, right = s[max(last_end, parts_until) : m.start()], s[m.end() :]
            last_end = m.end()
            statement = last_keyword(lead)
            value = parse_amount(m.group("amount"))
            planning = role is AmountRole.PLANNED and statement not in STATEMENT_ROLE
            if (planning or in_parts) and self._carried_in(lead, right, in_parts):
                # In the planned statement, money received from the previous period is
                # carried in, never this year's remainder.
                remainder = None
                purpose = parts_purpose if in_parts else purpose_after(right)
                after = words_after(right)
                self._add(
                    block,
                    m,
                    text,
                    AmountRole.CARRIED_IN,
                    purpose,
                    value,
                    right,
                    words=after if CARRY_IN.search(after) else None,
                )
                if not in_parts:
                    self._carried_in_beside(block, right)
                continue
            if in_parts:
                continue  # a part of the amount before the parenthesis, kept in its label
            if statement is not None:
                remainder = None
            if statement in STATEMENT_ROLE:
                role = STATEMENT_ROLE[statement]
            end = parts_end(right)
            if end is not None:
                parts_until, parts_purpose = m.end() + end, purpose_after(right)
            if re.match(r"\s*\+", right):
                continue  # "(21 553,00 euro + 2 447,00 euro pārceltais ...)": a part, kept in the label
            if statement in ("atlikums", "neizmantotais"):
                remainder = remainder_role(right)
                self._add(block, m, text, remainder, None, value, right, itemised=True)
                continue
            allocated = re.match(
                rf"\s*no\s+piešķirtā\s+finansējuma\s+({AMOUNT})\s*(?:{CURRENCY})?", right, re.I
            )
            if allocated:
                skip_until = m.end() + allocated.end()
                purpose = purpose_of(right[allocated.end() : allocated.end() + 120])
                self._add(block, m, text, AmountRole.REMAINDER, purpose, value, right)
                continue
            if "+" in lead and re.match(r"\s*pārcelt", right, re.I):
                self._add(block, m, text, AmountRole.CARRIED_IN, line_purpose, value, right)
                continue
            purpose = purpose_after(right)
            if remainder is not None and purpose is not None:
                self._add(block, m, text, remainder, purpose, value, right)
                continue
            if statement is None and purpose is None and self._open_line(block, role, lead):
                # a line of an open total whose purpose is named in no known way
                self._unread(block, text[m.start() : m.end()])
                continue
            if statement in STATEMENT_ROLE or (purpose is None and role is not None):
                if role is None:
                    self._unread(block, text[m.start() : m.end()])
                    continue
                itemised = bool(INCLUDING.match(right[end:] if end is not None else right))
                self._add(block, m, text, role, None, value, right, itemised=itemised)
                continue
            if purpose is not None:
                target = self._line_target(block, role)
                if target is None:
                    self._unread(block, text[m.start() : m.end()])
                    continue
                target.lines += value
                line_purpose = purpose
                self._add(block, m, text, target.role, purpose, value, right, count=False)
                continue
            self._unread(block, text[m.start() : m.end()])

    @staticmethod
    def _carried_in(lead: str, right: str, in_parts: bool) -> bool:
        """Whether the words before an amount, or (as one of a total's parts, or after
        "un") the words after it, say it was received from the previous period."""
        after = words_after(right)
        if CARRY_OUT.search(after):
            return False
        if CARRY_IN.search(lead) and not CARRY_OUT.search(lead):
            return True
        joined = in_parts or re.search(r"(?:\bun|\+)\s*$", lead) is not None
        return joined and CARRY_IN.search(after) is not None

    @staticmethod
    def _carried_in_beside(block: _Block, right: str) -> None:
        """A carried-in amount stated beside the planned total ("Plānots 10 000,00 euro un
        no iepriekšējā gada pārceltais atlikums 1 000,00 euro, t.sk. …") is money the year
        had on top of it: the lines after it add up to both, and the actual may spend both.
        The checks compare the planned total alone, so the row is compared with nothing
        rather than accused of a difference the report explains."""
        if INCLUDING.match(right):
            for total in reversed(block.totals):
                if total.role is AmountRole.PLANNED:
                    total.itemised = True
                    total.value += sum(
                        (t.value for t in block.totals if t.role is AmountRole.CARRIED_IN),
                        Decimal(0),
                    )
                    break
        block.uncertain = True

    @staticmethod
    def _open_line(block: _Block, role: AmountRole | None, lead: str) -> bool:
        """An amount in a list ("- ", "; ", "t.sk.") under a total of its role whose lines do
        not yet add up to it is one of those lines, not a new total."""
        if role is None or not re.search(r"(?:[-–•;]|t\.\s?sk\.?)\s*$", lead):
            return False
        return any(t.itemised and t.role is role and t.lines < t.value for t in block.totals)

    def _unread(self, block: _Block, piece: SourcedText) -> None:
        self.unread.append(piece)
        block.uncertain = True

    def _line_target(self, block: _Block, role: AmountRole | None) -> _Total | None:
        """The total a purpose line belongs to: in a column, that column's; in running text,
        the latest itemised total whose lines do not yet add up to it."""
        itemised = [t for t in block.totals if t.itemised and t.role not in _REMAINDERS]
        if role is not None:
            same = [t for t in itemised if t.role is role]
            if same:
                open_same = [t for t in same if t.lines < t.value]
                if open_same or len({t.role for t in itemised}) == 1:
                    return same[-1]
        open_totals = [t for t in itemised if t.lines < t.value]
        if open_totals:
            return open_totals[-1]
        if role is None:
            return None  # outside the columns, a line is not given to a total already complete
        return itemised[-1] if itemised else None

    def _add(
        self,
        block: _Block,
        m: re.Match[str],
        text: SourcedText,
        role: AmountRole,
        purpose: Purpose | None,
        value: Decimal,
        right: str,
        *,
        itemised: bool = False,
        count: bool = True,
        words: str | None = None,
    ) -> None:
        # The words that say what the amount is, when they are not its clause's: a
        # carried-in part's "atlikums no I. gada" is a statement word that ends a clause.
        label = (words.strip(" ,.;()+"), words.rstrip()) if words else label_after(right)
        begin = m.start("amount")
        piece = text[begin : m.end() + len(label[1])]
        amount_text = m.group("amount")
        block.amounts.append(
            Amount(role, purpose, value, amount_text, label[0], self.source.span_of(piece))
        )
        if purpose is None and count:
            block.totals.append(_Total(role, value, itemised))

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

    def _period(self, text: SourcedText) -> Period:
        found = find_period(text.text)
        span = self.source.span_of(text)
        if found is None:
            return Period(None, None, text.text, span)
        return Period(found.start, found.end, text.text.strip(), span)

    def result(self) -> FundingRead:
        years: list[FundingYear] = []
        missing: list[tuple[int, SourcedText]] = []
        for block in self.blocks:
            joined = (
                SourcedText.join([p for p in block.pieces if p.text])
                if block.pieces
                else SourcedText.of("")
            )
            if not block.amounts:
                if not block.missing:
                    block.missing.append(joined)
                block.amounts.append(
                    Amount(
                        AmountRole.REPORTED if block.calendar_year else AmountRole.PLANNED,
                        None,
                        None,
                        "",
                        "",
                        self.source.span_of(joined),
                    )
                )
            for row in block.missing:
                missing.append((len(years), row))
            years.append(
                FundingYear(
                    ordinal=block.ordinal,
                    period=block.period,
                    calendar_year=block.calendar_year,
                    amounts=tuple(block.amounts),
                    span=self.source.span_of(joined),
                )
            )
        uncertain = frozenset(i for i, b in enumerate(self.blocks) if b.uncertain)
        return FundingRead(tuple(years), tuple(missing), tuple(self.unread), uncertain)


_REMAINDERS = (AmountRole.CARRIED_OVER, AmountRole.RETURNED, AmountRole.REMAINDER)


_EMPTY = SourcedText.of("")


def _append(column: SourcedText, value: SourcedText) -> SourcedText:
    if not value.text:
        return column
    return SourcedText.join([column, value]) if column.text else value


def _is_money(m: re.Match[str]) -> bool:
    """A currency word before the amount makes it money as one after it does; a year after
    one ("EUR 2021. gadā") stays a year."""
    if m.group("prefix") and not m.group("currency"):
        return not re.match(r"\.?\s*g(?:ad|\.)", m.string[m.end() :], re.I) or bool(
            re.search(r"[,.\s]", m.group("amount"))
        )
    return is_money(m)


def _split(text: SourcedText, sep: str) -> list[SourcedText]:
    parts, start = [], 0
    for i, ch in enumerate(text.text):
        if ch == sep:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _same(a: Period | None, b: Period) -> bool:
    return a is not None and (a.start, a.end) == (b.start, b.end)
