"""A total followed by its split in a parenthesis, the amounts with no words: "faktiski
53 100,00 euro (29 600,00 euro un 23 500,00 euro)", "Neizmantotais finansējums 800,00 euro
apmērā (500,00 euro un 300,00 euro) atgriezts". The purposes are not written; they are the
plan's lines', in the plan's order, where that is certain: the parts add up to the total,
there are as many as the plan has lines, and

- for the actual, each part is within its line's plan and no other order of the parts is
  (or any other gives each purpose the same amount);
- for a remainder, each part is its line's plan less its actual.

Otherwise (None) the parts are read as before: unread.

And the sum a year could spend, said after money carried in beside its plan ("(pieejami
kopā 46 579,40 euro)"): no amount of its own where it is the plan and that money.
"""

from __future__ import annotations

import itertools
import re
from decimal import Decimal

from pipeline.model import Amount, AmountRole, Purpose
from pipeline.parse.funding_blocks import Block, Cursor
from pipeline.parse.funding_words import MONEY_IN_TEXT, amount_value, counts_as_money

_REMAINDERS = (AmountRole.CARRIED_OVER, AmountRole.RETURNED, AmountRole.REMAINDER)
# Between the parts: "un", a comma, a semicolon, a plus; around them the parenthesis.
_JOINS = re.compile(r"[\s(]*(?:(?:un|,|;|\+)[\s]*)*[\s)]*", re.I)


def split_after(
    block: Block, at: Cursor, role: AmountRole, value: Decimal, right: str, end: int | None
) -> None:
    """Where a total of `role` just read has its parts in the parenthesis after it (which
    ends at `end` in `right`), the purposes of those parts, in order, on the cursor."""
    at.split, at.split_role = [], None
    if end is None or role is AmountRole.PLANNED:
        return
    split = split_purposes(block.amounts, role, value, right[right.index("(") : end])
    if split is not None:
        at.split, at.split_role = split, role


def available_sum(block: Block, lead: str, value: Decimal) -> bool:
    """Whether an amount after the words `lead` ("(pieejami kopā", "(kopā") is the plan and
    the money carried in beside it, said again: what the year could spend."""
    if not _AVAILABLE.fullmatch(lead):
        return False
    planned = block.total_of(AmountRole.PLANNED)
    carried = [
        a.value
        for a in block.amounts
        if a.role is AmountRole.CARRIED_IN and a.purpose is None and a.value is not None
    ]
    return planned is not None and len(carried) == 1 and planned.value + carried[0] == value


# The words before the sum the year could spend: "(pieejami kopā", "(kopā:".
_AVAILABLE = re.compile(r"\s*\(\s*(?:pieejam\w*\s*(?:kop[āa])?|kop[āa])\s*:?\s*", re.I)


def split_purposes(
    amounts: list[Amount], role: AmountRole, total: Decimal, parenthesis: str
) -> list[Purpose] | None:
    """The purpose of each part in `parenthesis` (its text with the brackets) of a total of
    `role`, in order, given the year's amounts read so far; None where not certain."""
    found = [m for m in MONEY_IN_TEXT.finditer(parenthesis) if counts_as_money(m)]
    words = MONEY_IN_TEXT.sub(" ", parenthesis)
    if len(found) < 2 or not _JOINS.fullmatch(words):
        return None
    parts = [amount_value(m.group("amount")) for m in found]
    planned = _lines(amounts, AmountRole.PLANNED)
    if planned is None or sum(parts, Decimal(0)) != total or len(planned) != len(parts):
        return None
    order = [p for p, _ in planned]
    if role is AmountRole.ACTUAL:
        plan = dict(planned)
        if not _within(order, parts, plan):
            return None
        mine = dict(zip(order, parts, strict=True))
        for other in itertools.permutations(order):
            if _within(list(other), parts, plan) and dict(zip(other, parts, strict=True)) != mine:
                return None
        return order
    if role in _REMAINDERS:
        actual = _lines(amounts, AmountRole.ACTUAL)
        if actual is None or dict(actual).keys() != dict(planned).keys():
            return None
        left = {p: v - dict(actual)[p] for p, v in planned}
        return order if all(left[p] == v for p, v in zip(order, parts, strict=True)) else None
    return None


def _lines(amounts: list[Amount], role: AmountRole) -> list[tuple[Purpose, Decimal]] | None:
    """The year's lines of `role`, in order, each purpose once and every value read."""
    lines = [(a.purpose, a.value) for a in amounts if a.role is role and a.purpose is not None]
    purposes = [p for p, _ in lines]
    if not lines or len(set(purposes)) != len(purposes):
        return None
    out = [(p, v) for p, v in lines if p is not None and v is not None]
    return out if len(out) == len(lines) else None


def _within(order: list[Purpose], parts: list[Decimal], plan: dict[Purpose, Decimal]) -> bool:
    return all(v <= plan[p] for p, v in zip(order, parts, strict=True))
