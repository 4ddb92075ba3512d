"""A funding year while its statements are read: its amounts and totals so far, and where
the reading of one statement text stands. `funding_statements.py` fills them in;
`funding.py` cuts a section into them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from pipeline.model import Amount, AmountRole, FundingYear, Period, Purpose
from pipeline.parse.funding_notes import says_none
from pipeline.parse.text import SourcedText, SourceFile


@dataclass(slots=True)
class Total:
    role: AmountRole
    value: Decimal
    itemised: bool  # followed by "t.sk." (including): lines will follow
    lines: Decimal = Decimal(0)


@dataclass(slots=True)
class Block:
    """One year's statements while they are read."""

    period: Period | None = None
    ordinal: int | None = None  # the implementation year the row names, if it names one
    calendar_year: int | None = None
    uncertain: bool = False  # an amount in it could not be read: compare nothing
    plan_incomplete: bool = False  # money carried in stands beside the plan
    spent_nothing: bool = False  # a denial read "nothing spent" as the actual
    carried_parts: list[Decimal] = field(default_factory=list)  # of planned lines "a + b"
    amounts: list[Amount] = field(default_factory=list)
    totals: list[Total] = field(default_factory=list)
    pieces: list[SourcedText] = field(default_factory=list)
    missing: list[SourcedText] = field(default_factory=list)  # rows naming a year with no amount

    def total_of(self, role: AmountRole) -> Total | None:
        return next((t for t in self.totals if t.role is role), None)


@dataclass(slots=True)
class Cursor:
    """Where the reading of one statement text stands."""

    role: AmountRole | None  # the column's or the latest statement's role
    remainder: AmountRole | None = None  # an open remainder statement's role, for its lines
    skip_until: int = -1  # the end of an amount only referred to ("no piešķirtā … 24 000")
    last_end: int = 0
    line_purpose: Purpose | None = None
    paren_until: int = -1  # the end of a parenthesis opened at once after an amount
    parts: bool = False  # that parenthesis gives the parts of a planned total
    parts_purpose: Purpose | None = None  # the purpose of the amount it follows
    lines_until: int = -1  # the end of a parenthesis that gives a total's lines
    # the purposes of the parts in that parenthesis, in order, and their total's role,
    # where they are certain (`funding_splits`)
    split: list[Purpose] = field(default_factory=list)
    split_role: AmountRole | None = None
    originals: list[SourcedText] = field(default_factory=list)  # plans an amendment replaced

    def in_parenthesis(self, start: int) -> bool:
        return start < self.paren_until


@dataclass(frozen=True, slots=True)
class FundingRead:
    years: tuple[FundingYear, ...]
    missing_amounts: tuple[tuple[int, SourcedText], ...]  # (index into years, the row)
    unread: tuple[SourcedText, ...]  # amounts whose role could not be told
    # lines of the section the reader used for nothing (an explanation with no amount),
    # to be kept as written
    unused: tuple[SourcedText, ...] = ()


def funding_result(
    blocks: list[Block], source: SourceFile, unread: list[SourcedText]
) -> FundingRead:
    """The years read, each an empty row when no amount was read, and the rows to report."""
    years: list[FundingYear] = []
    missing: list[tuple[int, SourcedText]] = []
    for before, block in zip([None, *blocks], blocks, strict=False):
        if before is not None and _carried_unstated(before, block):
            block.plan_incomplete = True
        if block.carried_parts and sum(block.carried_parts, Decimal(0)) != sum(
            (
                a.value or Decimal(0)
                for a in block.amounts
                if a.role is AmountRole.CARRIED_IN and a.purpose is None
            ),
            Decimal(0),
        ):
            block.uncertain = True  # which part of a line was carried in is in doubt
        joined = (
            SourcedText.join([p for p in block.pieces if p.text])
            if block.pieces
            else SourcedText.of("")
        )
        if not block.amounts and says_none(joined.text):
            pass  # "01.03.2024. – 28.02.2025. | Nav": the report says the year had none
        elif not block.amounts:
            if not block.missing and not block.uncertain:
                # a year whose amounts were all unread states them: they are reported
                # as unread, not as missing
                block.missing.append(joined)
            block.amounts.append(
                Amount(
                    AmountRole.REPORTED if block.calendar_year else AmountRole.PLANNED,
                    None,
                    None,
                    "",
                    "",
                    source.span_of(joined),
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
                span=source.span_of(joined),
                compared=not block.uncertain,
                plan_complete=not block.plan_incomplete,
            )
        )
    return FundingRead(tuple(years), tuple(missing), tuple(unread))


def _carried_unstated(before: Block, block: Block) -> bool:
    """Whether this year, naming no money carried in, spent its plan and the money the year
    before sent on to it: what it left is its plan and that money less its actual, not its
    plan less its actual. What it could spend is then a sum not written (as when money
    carried in stands beside the plan). A year whose remainder is its plan less its actual,
    or neither sum, is read against its plan; so is a plan that is the plan before with
    that money added ("49 387,70" after "49 000,00" and "387,70 … pārcelts uz nākamo
    periodu"): the money is inside it."""
    if any(a.role is AmountRole.CARRIED_IN for a in block.amounts):
        return False
    carried = carried_over(before.amounts)
    plans = [_total(b.amounts, AmountRole.PLANNED) for b in (before, block)]
    actual = _total(block.amounts, AmountRole.ACTUAL)
    if not carried or plans[1] is None or actual is None:
        return False
    if plans[0] is not None and plans[1] == plans[0] + carried:
        return False
    left = sum((_total(block.amounts, role) or Decimal(0) for role in _LEFT), Decimal(0))
    return left == plans[1] + carried - actual


def _total(amounts: list[Amount], role: AmountRole) -> Decimal | None:
    """A role's total, else the sum of its lines; None when the year has neither."""
    found = [a for a in amounts if a.role is role and a.value is not None]
    total = next((a.value for a in found if a.purpose is None and a.value is not None), None)
    if total is not None:
        return total
    return sum((a.value for a in found if a.value is not None), Decimal(0)) if found else None


_LEFT = (AmountRole.CARRIED_OVER, AmountRole.RETURNED, AmountRole.REMAINDER)


def carried_over(amounts: list[Amount] | tuple[Amount, ...]) -> Decimal | None:
    """The money a year sends on to the next: its total, else the sum of its lines."""
    return _total(list(amounts), AmountRole.CARRIED_OVER)


def open_line(block: Block, role: AmountRole | None, lead: str) -> bool:
    """An amount in a list ("- ", "; ", "t.sk.") under a total of its role whose lines do
    not yet add up to it is one of those lines, not a new total."""
    if role is None or not re.search(r"(?:[-–•;]|t\.\s?sk\.?)\s*$", lead):
        return False
    return any(t.itemised and t.role is role and t.lines < t.value for t in block.totals)
