"""The funding section's statements: each amount classified by the words around it.

A statement reader holds the years read so far. Each text given to it (a table column of
one year, or a year's PDF text) is read amount by amount: its role comes from the column
or from the words before and after it, a purpose line goes to the latest total still
missing lines, and parts, carried-in money and remainders are told apart (money carried
between years in `funding_carried_reader.py`). The layouts that cut a section into such
texts are in `funding.py`.
"""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.model import AmountRole, Purpose
from pipeline.parse.diacritics import either_form
from pipeline.parse.funding_amended import original_plan
from pipeline.parse.funding_blocks import Block, Cursor, open_line
from pipeline.parse.funding_carried_reader import CarriedReader
from pipeline.parse.funding_carry import (
    CARRY_IN_AFTER,
    CARRY_OUT,
    CARRY_OUT_BEFORE,
    COUNTED_IN,
    carried_in,
    carried_words_end,
    counted_carried_out,
    words_after,
)
from pipeline.parse.funding_clauses import SENTENCE_END as _SENTENCE_END
from pipeline.parse.funding_clauses import (
    gives_parts,
    last_keyword,
    lines_end,
    parts_end,
    past_parenthesis,
    past_restatement,
    purpose_after,
    remainder_role,
    restates,
)
from pipeline.parse.funding_lines import UNFINISHED, money_matches, words_read
from pipeline.parse.funding_partners import gives_again, partner_splits, split_of
from pipeline.parse.funding_quarters import quarter_lines
from pipeline.parse.funding_splits import available_sum, split_after
from pipeline.parse.funding_vat import names_vat
from pipeline.parse.funding_whole import whole_cell
from pipeline.parse.funding_words import (
    ABBREVIATED,
    AMOUNT_IN_WORDS,
    INCLUDED,
    INCLUDING,
    NOT_GRANTED,
    OVER_YEARS,
    PERIOD_RANGE,
    REMAINDER_AFTER,
    STATEMENT_ROLE,
    amount_value,
    bare_whole_euros,
    counts_as_money,
    purpose_of,
    sum_parts,
)
from pipeline.parse.latvian import AMOUNT, CURRENCY
from pipeline.parse.text import SourcedText


class StatementReader(CarriedReader):
    def _statements(
        self, block: Block, text: SourcedText, hint: AmountRole | None, *, headed: bool = False
    ) -> None:
        """The amounts of one year's text, `hint` the role of its column, if it has one.
        `headed`: a header names the column, so a cell of a whole number alone ("8000", as
        a spreadsheet saves it) is that column's money (`whole_cell`)."""
        if block.period is None and hint is not None:
            found = PERIOD_RANGE.search(text.text)
            if found:
                block.period = self._period(text[found.start() : found.end()])
        s = text.text
        for m in ABBREVIATED.finditer(s):  # "50 tūkst. euro": money not in the grammar
            self._unread(block, text[m.start() : m.end()])
        for m in AMOUNT_IN_WORDS.finditer(s):  # "simts eiro": money not in the grammar
            if not restates(s, m):
                self._unread(block, text[m.start() : m.end()])
        at = Cursor(hint)
        if hint is AmountRole.REMAINDER:
            # A column of remainders ("Atlikums"): what became of them its words say
            # ("pārcelts uz nākamo periodu", "atgriezts KM"), for its lines too.
            at.role = at.remainder = remainder_role(s)
        unfinished = list(UNFINISHED.finditer(s))
        for found in unfinished:
            self._use(text, found.start(), found.end())
        if unfinished:
            # a year not over: the plan is not yet all spent or left, so no remainder and
            # no sum against the plan is compared
            block.plan_incomplete = True
        # "piešķirti" (granted) is the plan only where no plan is written beside it.
        granted_is_plan = not re.search(r"pl[āa]not", s, re.I)
        line_starts = [
            i for i, o in enumerate(text.offsets) if o in self.purpose_lines.starts and i
        ]
        partners = partner_splits(s)
        quarters = quarter_lines(s)
        for m in money_matches(s):
            if (quarter := quarters.of(m)) is not None:  # a total's quarter, kept unread
                self.unread.append(text[m.start() : m.end()])
                self._use(text, *quarter)
                at.last_end = quarter[1]
                continue
            if m.start() < at.skip_until:
                self._use(text, m.start(), m.end())  # referred to: its statement's words
                continue
            split = split_of(partners, m.start())
            if split is not None and gives_again(split, block):
                # the total or the line before it again, split by the partners who spent it
                self._use(text, m.start(), m.end())
                at.last_end = m.end()
                continue
            if not counts_as_money(m) and not (headed and hint and whole_cell(s)):
                # "atlikums 350,-": whole euros with no currency word, money after a
                # statement word; elsewhere likely money, left unread rather than dropped.
                sure = bare_whole_euros(m, s[max(at.last_end, at.paren_until) : m.start()])
                if sure is None:
                    continue
                if not sure:
                    self._unread(block, text[m.start() : m.end()])
                    continue
            in_parenthesis = m.start() < at.paren_until
            # The words of a parenthesis belong to its amounts, not to the next one:
            # "(… 1 382,62 euro atlikums no II. gada), t.sk." does not open a remainder list.
            since = at.last_end if in_parenthesis else max(at.last_end, at.paren_until)
            # A purpose line after the amount's own line is no longer its words.
            stop = quarters.words_end(m, next((i for i in line_starts if i > m.end()), len(s)))
            lead, right = s[since : m.start()], s[m.end() : stop]
            at.last_end = m.end()
            self._use_words(text, m, since, at, hint)
            value = amount_value(m.group("amount"))
            if names_vat(lead, since > 0):
                # "(t.sk. PVN 7 726,68 euro)": the tax inside the total, no amount of the
                # year's sums; reported unread, the year still compared
                self.unread.append(text[m.start() : m.end()])
                continue
            if _SENTENCE_END.search(lead) and last_keyword(lead) is None:
                at.remainder = None  # a remainder's words end with their sentence
            if re.search(r"\|[ \u00a0]*$", lead) and _CELL_END.match(right):
                # "| 30 000,00 |": a cell of a table flattened into text (one nested in a
                # cell); its role is its column's, which words before it do not tell, nor
                # does the cell's column hint for the words after the table
                self._unread(block, text[m.start() : m.end()])
                at.role = at.remainder = None
                continue
            line = self.purpose_lines.amounts.get(text.offsets[m.start("amount")])
            if line is not None and not in_parenthesis:
                self._purpose_line(block, m, text, at, line, value)
                continue
            if in_parenthesis and at.parts:
                self._part(block, m, text, at, lead, right, value)
                continue
            over = OVER_YEARS.search(lead) if not in_parenthesis else None
            if over is not None:
                role = STATEMENT_ROLE[over.group("role").lower()]
                if any(t.role is role for t in block.totals):
                    # "Kopā faktiski 97 880,00 EUR" after the year's own actual: the sum
                    # over the years, not a second total of this one.
                    continue
            statement = last_keyword(lead)
            if statement == "piešķirts" and not granted_is_plan:
                # granted beside a written plan: which of them is the plan is not told, and
                # money granted on top of it ("papildus piešķirti") may make the plan more
                at.role, at.remainder, statement = None, None, None
                block.plan_incomplete = True
            if self._original_plan(at, statement, lead, in_parenthesis):
                at.originals.append(text[m.start() : m.end()])
                continue
            if not in_parenthesis and self._plan_sum(block, m, text, at, statement, value):
                continue
            if available_sum(block, lead, value):
                continue
            denied = NOT_GRANTED.search(lead) if value == 0 else None
            if denied is not None:
                # "Finansējums netika piešķirts un izlietots (0,00 euro)": the zero is what
                # was granted, and what was spent when the denial names spending too.
                self._add(block, m, text, AmountRole.PLANNED, None, value, right)
                if denied.group("spent"):
                    self._add(block, m, text, AmountRole.ACTUAL, None, value, right)
                    block.spent_nothing = True
                at.role, at.remainder = None, None  # an amount after it has no sure role
                continue
            if m.start() < at.lines_until and carried_in(lead, right):
                # "(…, 25 200 EUR mazākumtautību …, t.sk. 1 200 EUR pārcelti no pirmā
                # gada)": a part of the line before it, inside the total, not beside it.
                # Its "atlikums" names it and ends with its clause: the next line ("…;
                # 19 000,00 euro mazākumtautību …") is no remainder.
                self._add_carried_in(block, m, text, at.line_purpose, value, right)
                at.last_end, at.remainder = m.end() + carried_words_end(right), None
                continue
            if counted_carried_out(lead, right, stated=statement is not None):
                self._included_carry_out(block, m, text, value)
                continue
            if (
                at.role is AmountRole.ACTUAL
                and statement is None
                and (INCLUDED.search(lead) or COUNTED_IN.match(lead))
                and carried_in(lead, right)
            ):
                self._included_carry_in(block, m, text, at, value, lead, right)
                continue
            planning = at.role is AmountRole.PLANNED and statement not in STATEMENT_ROLE
            if planning and not in_parenthesis and carried_in(lead, right):
                # In the planned statement, money received from the previous period is
                # carried in, never this year's remainder.
                at.remainder = None
                at.last_end = m.end() + carried_words_end(right)
                self._add_carried_in(block, m, text, purpose_after(right), value, right)
                self._carried_in_beside(block)
                continue
            if in_parenthesis and at.split and at.split_role is not None:
                # "(29 600,00 euro un 23 500,00 euro)" after the actual: its lines
                self._add(block, m, text, at.split_role, at.split.pop(0), value, "", count=False)
                continue
            if in_parenthesis and self._in_parenthesis(block, m, text, right, value):
                continue
            self._statement(block, m, text, at, statement, lead, right, value)
        for piece in at.originals:
            # Superseded by the amended plan read beside it, the original is only history;
            # with no plan in force read, which one the year's spending answers to is unsure.
            if block.total_of(AmountRole.PLANNED) is None:
                self._unread(block, piece)

    def _use_words(
        self, text: SourcedText, m: re.Match[str], since: int, at: Cursor, hint: AmountRole | None
    ) -> None:
        """The words around an amount the reader may take what it is from, as used (see
        `words_read`); they may lie on lines of their own or past a sentence's end."""
        s = text.text
        starts = [
            i for i, o in enumerate(text.offsets[: m.start() + 1]) if o in self.purpose_lines.starts
        ]
        first = starts[-1] if starts and starts[-1] >= since else None
        remainder = at.remainder is not None or hint is AmountRole.REMAINDER
        begin, end = words_read(s, since, m, first, remainder)
        self._use(text, begin, end)

    def _purpose_line(
        self,
        block: Block,
        m: re.Match[str],
        text: SourcedText,
        at: Cursor,
        line: tuple[Purpose, str],
        value: Decimal,
    ) -> None:
        """A line "pilsoniskās sabiedrības attīstībai …: EUR 30 000" under a statement
        ("Plānotais finansējums: EUR 50 000", "Izlietots – EUR 12 500:", "Atlikums:"): a line
        of that statement's total, for the purpose its own words name. With no statement
        above it, its role is not told: it is unread."""
        purpose, words = line
        if at.remainder is not None:
            self._add(block, m, text, at.remainder, purpose, value, "", parts=words)
            return
        target = next(
            (t for t in reversed(block.totals) if at.role is not None and t.role is at.role),
            None,
        )
        if target is None:
            self._unread(block, text[m.start() : m.end()])
            return
        target.itemised = True
        target.lines += value
        at.line_purpose = purpose
        self._add(block, m, text, target.role, purpose, value, "", count=False, parts=words)

    @staticmethod
    def _original_plan(at: Cursor, statement: str | None, lead: str, in_parenthesis: bool) -> bool:
        """ "Sākotnēji plānots 45 000,00 euro; pēc grozījumiem … plānots 50 000,00 euro": the
        original plan, which an amendment replaced, is not the year's plan. Its lines, with
        no plan open to take them, stay unread."""
        role = STATEMENT_ROLE.get(statement) if statement is not None else at.role
        if role is not AmountRole.PLANNED or not original_plan(lead):
            return False
        if not in_parenthesis:
            at.role, at.remainder = None, None
        return True

    def _statement(
        self,
        block: Block,
        m: re.Match[str],
        text: SourcedText,
        at: Cursor,
        statement: str | None,
        lead: str,
        right: str,
        value: Decimal,
    ) -> None:
        """An amount outside a parenthesis of parts: a total, a line or a remainder."""
        if statement is not None:
            at.remainder = None
        if statement in STATEMENT_ROLE:
            at.role = STATEMENT_ROLE[statement]
        role = at.role
        end = parts_end(right)
        if end is not None and not at.in_parenthesis(m.start()):
            at.paren_until = m.end() + end
            at.parts = role is AmountRole.PLANNED and gives_parts(right[:end], value)
            at.parts_purpose = purpose_after(right)
        if re.match(r"\s*\+", right):
            if self._line_with_carried_part(block, m, text, at, statement, value):
                return
            if not at.in_parenthesis(m.start()):
                # A sum no known form reads ("Faktiski 7 000,00 euro + 811,25 euro"): its
                # total is not written, and a part is not the whole: none of its parts is read.
                end = max([m.end(), *(p.end() for p in sum_parts(text.text, m.end()))])
                self._unread(block, text[m.start() : end])  # the sum, one unread amount
                at.skip_until = at.last_end = end
            return  # "(21 553,00 euro + 2 447,00 euro pārceltais ...)": a part, kept in the label
        if statement in ("atlikums", "neizmantotais"):
            # "Uz nākamo gadu pārceltais atlikums 700 EUR": its destination written first
            at.remainder = (
                AmountRole.CARRIED_OVER if CARRY_OUT_BEFORE.search(lead) else remainder_role(right)
            )
            self._add(block, m, text, at.remainder, None, value, right, itemised=True)
            split_after(block, at, at.remainder, value, right, end)
            return
        allocated = re.match(
            either_form(r"\s*no\s+piešķirtā\s+finansējuma\s+") + rf"({AMOUNT})\s*(?:{CURRENCY})?",
            right,
            re.I,
        )
        if allocated:
            at.skip_until = m.end() + allocated.end()
            purpose = purpose_of(right[allocated.end() : allocated.end() + 120])
            self._add(block, m, text, AmountRole.REMAINDER, purpose, value, right)
            return
        if "+" in lead and re.match(r"\s*p[āa]rcelt", right, re.I):
            self._add(block, m, text, AmountRole.CARRIED_IN, at.line_purpose, value, right)
            return
        purpose = purpose_after(right)
        if at.remainder is not None and purpose is not None:
            self._add(block, m, text, at.remainder, purpose, value, right)
            return
        if statement is None and purpose is None and open_line(block, role, lead):
            # a line of an open total whose purpose is named in no known way
            self._unread(block, text[m.start() : m.end()])
            return
        if statement in STATEMENT_ROLE or (purpose is None and role is not None):
            if role is None:
                self._unread(block, text[m.start() : m.end()])
                return
            after = right[end:] if end is not None else past_restatement(right, value)
            # "Faktiski €40 785,70 (ieskaitot … €785,70), t.sk.": the lines follow the
            # parenthesis, and are the total's.
            itemised = bool(INCLUDING.match(after) or INCLUDING.match(past_parenthesis(after)))
            lines = lines_end(right, value) if not itemised and end is None else None
            if lines is not None:
                at.lines_until, itemised = m.end() + lines, True
            if role is AmountRole.ACTUAL and value == 0 and block.spent_nothing:
                return  # "Faktiski 0,00 EUR" restates the denial's nothing spent
            self._add(block, m, text, role, None, value, right, itemised=itemised)
            split_after(block, at, role, value, right, end)
            return
        if purpose is not None:
            target = self._line_target(block, role)
            if target is None:
                self._unread(block, text[m.start() : m.end()])
                return
            target.lines += value
            at.line_purpose = purpose
            self._add(block, m, text, target.role, purpose, value, right, count=False)
            return
        self._unread(block, text[m.start() : m.end()])

    def _in_parenthesis(
        self, block: Block, m: re.Match[str], text: SourcedText, right: str, value: Decimal
    ) -> bool:
        """An amount in a parenthesis opened at once after an amount that is not a planned
        total's parts: "49 900,00 euro (100,00 euro atlikums atgriezts KM)". A remainder
        named right after it is read; one that would be a second total of its column
        ("50 000,00 euro (49 900,00 euro izlietoti …)") is unread, the row compared with
        nothing, as is money carried in outside the plan. A line (one naming its purpose)
        is read as any line. Returns whether the amount was dealt with."""
        after = REMAINDER_AFTER.match(right)
        if CARRY_IN_AFTER.match(right) and not CARRY_OUT.search(words_after(right)):
            self._unread(block, text[m.start() : m.end()])
            return True
        if after is not None:
            role = remainder_role(right[after.end() :])
            words = words_after(right)  # "atlikums" would end its clause at once
            self._add(block, m, text, role, None, value, right, words=words)
            return True
        if purpose_after(right) is None:
            self._unread(block, text[m.start() : m.end()])
            return True
        return False


_CELL_END = re.compile(rf"[ \u00a0]*(?:(?:{CURRENCY})[ \u00a0]*)?\|")
