"""The statement reader's money carried between years: a plan written as its parts ("7 500,00
EUR + 350,00 EUR atlikums (kopā 7 850,00 EUR)"), money carried in from the year before named
beside the plan, inside the actual ("ieskaitot no I. gada pārcelto atlikumu …") or inside a
planned line ("30 000,00 euro + 457,95 euro …"), and money sent on to the next year counted
in an amount before it. `funding_statements.py` asks these of each amount it reads.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.model import AmountRole, Purpose
from pipeline.parse.funding_base import ReaderBase
from pipeline.parse.funding_blocks import Block, Cursor
from pipeline.parse.funding_carry import (
    CARRY_IN_AFTER,
    CARRY_IN_BEFORE,
    carried_in,
    carried_words,
    carried_words_end,
)
from pipeline.parse.funding_clauses import label_after, purpose_after
from pipeline.parse.funding_words import (
    INCLUDING,
    STATEMENT_ROLE,
    amount_value,
    counts_as_money,
    plan_sum,
    sum_parts,
)
from pipeline.parse.text import SourcedText


class CarriedReader(ReaderBase):
    """The reader's ways with money carried in and sent on (see the module)."""

    def _plan_sum(
        self,
        block: Block,
        m: re.Match[str],
        text: SourcedText,
        at: Cursor,
        statement: str | None,
        value: Decimal,
    ) -> bool:
        """The year's first planned total written as its parts: "7 500,00 EUR + 350,00 EUR
        atlikums (kopā 7 850,00 EUR), t.sk. …". The added amount is carried in (a remainder
        of this year is never added to its plan). With its sum written and adding up, the
        sum is the planned total, as "7 850,00 euro (7 500,00 euro un 350,00 euro atlikums
        no I. gada)" would be, and its lines are the plan's; the year's own part is kept in
        its label. Without a sum (or with one that does not add up, left unread) the year's
        own part is the planned total, the carried-in money standing beside it. Returns
        whether the amount was such a form."""
        role = STATEMENT_ROLE.get(statement) if statement is not None else at.role
        if role is not AmountRole.PLANNED or any(t.role is role for t in block.totals):
            return False
        form = plan_sum(text.text, m.end())
        if form is None:
            return False
        s = text.text
        at.role, at.remainder = role, None
        at.skip_until = at.last_end = form.end
        itemised = bool(INCLUDING.match(s[form.end :]))
        carried, total = form.carried, form.total
        carried_value = amount_value(carried.group("amount"))
        if total is not None and value + carried_value == amount_value(total.group("amount")):
            parts = s[m.start() : max(form.words[1], carried.end())]
            planned = amount_value(total.group("amount"))
            self._add(block, total, text, role, None, planned, "", itemised=itemised, parts=parts)
        else:
            self._add(block, m, text, role, None, value, "", itemised=itemised)
            block.plan_incomplete = True
            if total is not None:
                self._unread(block, text[total.start() : total.end()])
        words = s[form.words[0] : form.words[1]]
        self._add(
            block, carried, text, AmountRole.CARRIED_IN, None, carried_value, words, words=words
        )
        return True

    def _part(
        self,
        block: Block,
        m: re.Match[str],
        text: SourcedText,
        at: Cursor,
        lead: str,
        right: str,
        value: Decimal,
    ) -> None:
        """An amount in a planned total's parenthesis of parts ("46 382,62 euro (45 000,00
        euro un 1 382,62 euro atlikums no II. īstenošanas gada)"), the parts adding up to
        the total: the carried-in part is carried in, for the total's purpose; the others are
        parts of the total, kept in its label."""
        if carried_in(lead, right) or ("+" in lead and re.match(r"\s*p[āa]rcelt", right, re.I)):
            self._add_carried_in(block, m, text, at.parts_purpose, value, right)

    def _add_carried_in(
        self,
        block: Block,
        m: re.Match[str],
        text: SourcedText,
        purpose: Purpose | None,
        value: Decimal,
        right: str,
    ) -> None:
        # A carried-in part's "atlikums no I. gada" is a statement word that would end its
        # clause: the words after the amount are its label.
        words = carried_words(right) if CARRY_IN_AFTER.match(right) else None
        self._add(block, m, text, AmountRole.CARRIED_IN, purpose, value, right, words=words)

    def _included_carry_in(
        self,
        block: Block,
        m: re.Match[str],
        text: SourcedText,
        at: Cursor,
        value: Decimal,
        lead: str,
        right: str,
    ) -> None:
        """ "Faktiski €40 785,70 (ieskaitot no I. īstenošanas gada pārcelto atlikumu
        €785,70)": money carried in from the year before, spent and counted in the actual
        total, not a second actual. Money carried in already read beside the plan is the
        same money, said again; otherwise it stands beside the plan, which then is not all
        that could be spent (the plan is marked incomplete, as for money carried in named
        in the planned statement)."""
        at.last_end = m.end() + carried_words_end(right)
        if any(a.role is AmountRole.CARRIED_IN and a.value == value for a in block.amounts):
            return
        before = CARRY_IN_BEFORE.search(lead)
        if before is not None:  # the words naming it are written before it
            self._add(block, m, text, AmountRole.CARRIED_IN, None, value, "", parts=before[0])
        else:
            self._add_carried_in(block, m, text, None, value, right)
        block.plan_incomplete = True

    def _included_carry_out(
        self, block: Block, m: re.Match[str], text: SourcedText, value: Decimal
    ) -> None:
        """ "neizlietotais atlikums 1 000,00 EUR (ieskaitot uz nākamo gadu pārcelto atlikumu
        1 000,00 EUR)": money sent on to the next year, counted in an amount before it, is
        no money of this year's received nor a second total. The remainder it restates is
        read already; any other such amount (a part, or "ieskaitot atlikumu 1 000,00 EUR,
        kas pārcelts uz nākamo gadu" in the actual, which may or may not count it) is
        unread, the year compared with nothing."""
        if any(
            a.role in (AmountRole.CARRIED_OVER, AmountRole.REMAINDER)
            and a.purpose is None
            and a.value == value
            for a in block.amounts
        ):
            return
        self._unread(block, text[m.start() : m.end()])

    def _line_with_carried_part(
        self,
        block: Block,
        m: re.Match[str],
        text: SourcedText,
        at: Cursor,
        statement: str | None,
        value: Decimal,
    ) -> bool:
        """A planned line written as the year's part and the part carried in: "- 30 000,00
        euro + 457,95 euro pilsoniskās sabiedrības attīstībai", under "Plānots: 53 994,00
        euro un no II. īstenošanas gada pārceltais atlikums 1 177,33 euro, t.sk.". Only there
        (money carried in named beside the planned total) is the added part the carried-in
        part of the purpose's line: the first part is the planned line, the second carried in
        for the purpose. The carried-in parts must add up to the money carried in (checked
        when the year is read; otherwise the year is compared with nothing). Returns whether
        the amount was such a line."""
        if (
            statement is not None
            or at.role is not AmountRole.PLANNED
            or not block.plan_incomplete
            or at.in_parenthesis(m.start())
        ):
            return False
        parts = sum_parts(text.text, m.end())
        if len(parts) != 1 or not counts_as_money(parts[0]):
            return False
        part = parts[0]
        purpose = purpose_after(text.text[part.end() :])
        target = self._line_target(block, AmountRole.PLANNED)
        if purpose is None or target is None or target.role is not AmountRole.PLANNED:
            return False
        carried = amount_value(part.group("amount"))
        target.lines += value
        at.line_purpose = purpose
        at.skip_until = at.last_end = part.end()
        words = text.text[part.end() :]
        label = label_after(words)[0]
        self._add(block, m, text, AmountRole.PLANNED, purpose, value, "", count=False, parts=label)
        self._add(block, part, text, AmountRole.CARRIED_IN, purpose, carried, words, count=False)
        block.carried_parts.append(carried)
        return True

    @staticmethod
    def _carried_in_beside(block: Block) -> None:
        """A carried-in amount stated beside the planned total ("Plānots 10 000,00 euro un
        no iepriekšējā gada pārceltais atlikums 1 000,00 euro, t.sk. …") is money the year
        had on top of it: the lines after it may spread both, and the actual may spend both.
        What could be spent is not written, so the plan is marked incomplete (its lines, the
        overspend and the remainder are not compared); the other sums still are."""
        for total in reversed(block.totals):
            if total.role is AmountRole.PLANNED:
                total.itemised = True
                break
        block.plan_incomplete = True
