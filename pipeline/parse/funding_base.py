"""The statement reader's ground: the years read so far, the amounts left unread, and how
one amount is added to a year (as a total, a line, or unread when it would be a second
total). `funding_statements.py` decides what each amount is.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.model import Amount, AmountRole, Period, Purpose
from pipeline.parse.funding_blocks import Block, FundingRead, Total, funding_result
from pipeline.parse.funding_lines import NO_LINES, PurposeLines
from pipeline.parse.funding_money import is_rounded
from pipeline.parse.funding_words import label_after, short_range
from pipeline.parse.latvian import find_period
from pipeline.parse.text import SourcedText, SourceFile


class ReaderBase:
    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self.unread: list[SourcedText] = []
        self.purpose_lines: PurposeLines = NO_LINES

    # -- statements -------------------------------------------------------------------------

    def _unread(self, block: Block, piece: SourcedText) -> None:
        self.unread.append(piece)
        block.uncertain = True

    def _line_target(self, block: Block, role: AmountRole | None) -> Total | None:
        """The total a purpose line belongs to: in a column, that column's; in running text,
        the latest itemised total whose lines do not yet add up to it."""
        itemised = [t for t in block.totals if t.itemised and t.role not in REMAINDERS]
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
        block: Block,
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
        parts: str | None = None,
    ) -> None:
        # The words that say what the amount is, when they are not its clause's: a
        # carried-in part's "atlikums no I. gada" is a statement word that ends a clause;
        # a sum's parts ("7 500,00 EUR + 350,00 EUR atlikums (kopā 7 850,00 EUR)") are
        # written before it, outside its span.
        if parts is not None:
            label = (parts.strip(" ,.;()+"), "")
        elif words:
            label = (words.strip(" ,.;()+"), words.rstrip())
        else:
            label = label_after(right)
        # Cells of one column are joined by a tab; the label reads them as one text.
        label = (re.sub(r"\s+", " ", label[0]), label[1])
        if (
            purpose is None
            and count
            and role in (AmountRole.PLANNED, AmountRole.ACTUAL)
            and any(t.role is role for t in block.totals)
        ):
            # A year states one planned and one actual total: a second one without a
            # purpose is some line whose purpose was not read ("- …: 19 000,00 EUR"), not
            # another total. Which it is cannot be told: it is unread.
            self._unread(block, text[m.start() : m.end()])
            return
        begin = m.start("amount")
        piece = text[begin : m.end() + len(label[1])]
        amount_text = m.group("amount")
        if is_rounded(amount_text):
            # "54 tūkst. EUR" is rounded: a sum with it is never exact, so none is compared
            block.uncertain = True
        block.amounts.append(
            Amount(role, purpose, value, amount_text, label[0], self.source.span_of(piece))
        )
        if purpose is None and count:
            block.totals.append(Total(role, value, itemised))

    def _period(self, text: SourcedText, year: int | None = None) -> Period:
        found = find_period(text.text)
        span = self.source.span_of(text)
        if found is None:
            # In a calendar year's row the range may write its year once: "1.03.–31.12.2022."
            dates = short_range(text.text) if year is not None else None
            if dates is not None and dates[1].year == year:
                return Period(dates[0], dates[1], text.text.strip(), span)
            return Period(None, None, text.text, span)
        return Period(found.start, found.end, text.text.strip(), span)

    def result(self) -> FundingRead:
        return funding_result(self.blocks, self.source, self.unread)


REMAINDERS = (AmountRole.CARRIED_OVER, AmountRole.RETURNED, AmountRole.REMAINDER)
