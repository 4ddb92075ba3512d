"""A funding year while its statements are read: its amounts and totals so far, and where
the reading of one statement text stands. `funding_statements.py` fills them in;
`funding.py` cuts a section into them.
"""

from __future__ import annotations

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
    for block in blocks:
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
