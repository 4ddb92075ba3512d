"""The statement reader's ground: the years read so far, the amounts left unread, and how
one amount is added to a year (as a total, a line, or unread when it would be a second
total). `funding_statements.py` decides what each amount is.
"""

from __future__ import annotations

import re
from dataclasses import replace
from decimal import Decimal

from pipeline.model import Amount, AmountRole, Period, Purpose
from pipeline.parse.funding_blocks import Block, FundingRead, Total, funding_result
from pipeline.parse.funding_clauses import label_after
from pipeline.parse.funding_lines import NO_LINES, PurposeLines
from pipeline.parse.funding_money import is_rounded
from pipeline.parse.funding_restated import cell_alone, settled_restated
from pipeline.parse.funding_words import short_range
from pipeline.parse.latvian import find_period, signed_negative
from pipeline.parse.text import SourcedText, SourceFile


class ReaderBase:
    def __init__(self, source: SourceFile) -> None:
        self.source = source
        self.blocks: list[Block] = []
        self.unread: list[SourcedText] = []
        self.purpose_lines: PurposeLines = NO_LINES
        # the source offsets of what the reader took: amounts, the words saying what each
        # is, the words naming a year; the section's other text it used for nothing
        self.used: set[int] = set()
        # each read amount's text, by the amount's identity, to leave it unread later
        self.amount_texts: dict[int, SourcedText] = {}
        # rows of a table that are no year's and are kept as written: a cross-reference,
        # the total over the years
        self.notes: list[SourcedText] = []

    # -- statements -------------------------------------------------------------------------

    def _unread(self, block: Block, piece: SourcedText) -> None:
        self.unread.append(piece)
        self.used.update(piece.offsets)
        block.uncertain = True

    def _use(self, text: SourcedText, start: int = 0, end: int | None = None) -> None:
        self.used.update(text.offsets[start:end])

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
        if role in REMAINDERS and signed_negative(text.text, m.start("amount")):
            # "Atlikums: -340,00 euro (pārtēriņš …)", an overspend: no role holds money
            # below zero, and its digits alone would be money left over
            self._unread(block, text[m.start() : m.end()])
            return
        begin = m.start("amount")
        piece = text[begin : m.end() + len(label[1])]
        amount_text = m.group("amount")
        if is_rounded(amount_text):
            # "54 tūkst. EUR" is rounded: the true figure (24 347,60 for "24,3 tūkst.") is
            # not written, so it is no amount to publish; its text is kept. Still a total
            # was stated: its lines in full euros ("45,0 tūkst. EUR, t.sk. 27 000,00 EUR
            # …") are its lines, read as written, not money of no total.
            self._unread(block, text[m.start() : m.end()])
            if purpose is None and count and role in (AmountRole.PLANNED, AmountRole.ACTUAL):
                block.totals.append(Total(role, value, itemised))
            return
        amount = Amount(role, purpose, value, amount_text, label[0], self.source.span_of(piece))
        block.amounts.append(amount)
        self.amount_texts[id(amount)] = text[m.start() : m.end()]
        self.used.update(piece.offsets)
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
        for block in self.blocks:
            block.amounts, sure = settled_restated(
                remainder_lines(block.amounts), cell_alone(self.source.text)
            )
            block.uncertain = block.uncertain or not sure
            for line in partial_lines(block) if not block.uncertain else ():
                # "EUR 50 000, t. sk. mazākumtautību …: EUR 20 000" and no other line: the
                # lines are some of the total's ("t.sk.", including), not all of it, so
                # they are compared with nothing; which part they are is kept as written
                block.amounts = [a for a in block.amounts if a is not line]
                self.unread.append(self.amount_texts.get(id(line), SourcedText.of(line.text)))
        return funding_result(self.blocks, self.source, self.unread)


def remainder_lines(amounts: list[Amount]) -> list[Amount]:
    """A remainder total whose words do not say what became of it ("350,00" in a "Kopā"
    row) over lines that do ("350,00 (pārcelts uz 2. gadu)"): the lines are its parts, not
    more money. The total takes the role its lines that say one share ("0,00" says
    none); lines of roles that differ take the total's, so that no money is counted twice.
    Lines that say nothing under a total that does take its role."""
    totals = [a for a in amounts if a.role in REMAINDERS and a.purpose is None]
    lines = [a for a in amounts if a.role in REMAINDERS and a.purpose is not None]
    if len(totals) == 1 and totals[0].role is not AmountRole.REMAINDER:
        # "480,00 (pārcelts uz nākamo periodu)" over lines "0,00", "480,00" that say
        # nothing of their own: they are its parts, and went where it went
        said = totals[0].role
        return [
            replace(a, role=said) if a in lines and a.role is AmountRole.REMAINDER else a
            for a in amounts
        ]
    total = next((a for a in amounts if a.role is AmountRole.REMAINDER and a.purpose is None), None)
    if total is None or any(
        a.role is not AmountRole.REMAINDER
        for a in amounts
        if a.purpose is None and a.role in REMAINDERS
    ):
        return amounts
    roles = {a.role for a in lines} - {AmountRole.REMAINDER}
    if not roles:
        return amounts
    if len(roles) == 1:
        role = roles.pop()
        return [replace(a, role=role) if a is total else a for a in amounts]
    return [replace(a, role=AmountRole.REMAINDER) if a in lines else a for a in amounts]


def partial_lines(block: Block) -> list[Amount]:
    """The lines of a total that name fewer purposes than the year uses and do not add up
    to it. The lines cover the total when they name both purposes, or every purpose named by
    another role's lines that add up to that role's total; only then is a gap between them
    and their total a contradiction."""
    lines_of: dict[AmountRole, list[Amount]] = {}
    totals: dict[AmountRole, Decimal | None] = {}
    for a in block.amounts:
        if a.role is AmountRole.CARRIED_IN:
            continue
        if a.purpose is None:
            totals.setdefault(a.role, a.value)
        else:
            lines_of.setdefault(a.role, []).append(a)

    def adds_up(role: AmountRole) -> bool:
        summed = sum((a.value or Decimal(0) for a in lines_of[role]), Decimal(0))
        return totals.get(role) == summed

    whole = [{a.purpose for a in lines} for role, lines in lines_of.items() if adds_up(role)]
    out: list[Amount] = []
    for role, lines in lines_of.items():
        named = {a.purpose for a in lines}
        if role not in totals or named >= set(Purpose) or adds_up(role):
            continue
        if not any(other and named >= other for other in whole):
            out.extend(lines)
    return out


REMAINDERS = (AmountRole.CARRIED_OVER, AmountRole.RETURNED, AmountRole.REMAINDER)
