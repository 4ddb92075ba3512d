"""A year's remainder said twice: a table's "Atlikums" cell ("179,65") and a sentence under
the row saying what became of it ("Neizlietotais finansējums 179,65 EUR apmērā atgriezts
ministrijas budžetā"), or one cell and a note restating it in the same words. It is one
sum of money, so it is kept once: counted twice it would make planned minus actual differ
from what the report leaves, a contradiction the report does not hold.

Only the same value for the same purpose is the same money. A remainder that does not say
what became of it, beside one that does (returned, or carried over) for the same value,
is that one; two remainders of one role and one value are one. Two different values stay
as they are, as do equal values whose roles disagree (one returned, one carried over):
which is the report's is not for the reader to choose.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.model import Amount, AmountRole, Purpose

_SAID = (AmountRole.CARRIED_OVER, AmountRole.RETURNED)
_REMAINDERS = (*_SAID, AmountRole.REMAINDER)


def without_restated(amounts: list[Amount]) -> list[Amount]:
    """`amounts` with each remainder said a second time left out (see the module)."""
    by_money: dict[tuple[Purpose | None, Decimal], list[Amount]] = {}
    for a in amounts:
        if a.role in _REMAINDERS and a.value is not None:
            by_money.setdefault((a.purpose, a.value), []).append(a)
    dropped: set[int] = set()
    for same in by_money.values():
        if len(same) < 2:
            continue
        said = {a.role for a in same if a.role in _SAID}
        if len(said) > 1:
            continue  # returned and carried over: the report's words disagree
        role = said.pop() if said else AmountRole.REMAINDER
        kept = next(a for a in same if a.role is role)
        dropped.update(id(a) for a in same if a is not kept)
    return [a for a in amounts if id(a) not in dropped]
