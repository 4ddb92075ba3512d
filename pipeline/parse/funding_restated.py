"""A year's remainder said twice: a table's "Atlikums" cell ("179,65") and a sentence under
the row saying what became of it ("Neizlietotais finansējums 179,65 EUR apmērā atgriezts
ministrijas budžetā"). It is one sum of money, so it is kept once: counted twice it would
make planned minus actual differ from what the report leaves, a contradiction the report
does not hold.

Only a cell beside a sentence is taken for one statement: an amount with no words of its
own (the cell, its role given by its column) and one with words saying what it is (the
sentence), of the same purpose and value. Two sentences each returning 100,00 EUR are two
returns, as two cells are two cells: they stay two. So do equal values whose roles
disagree (one returned, one carried over): which is the report's is not for the reader to
choose.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.model import Amount, AmountRole, Purpose

_SAID = (AmountRole.CARRIED_OVER, AmountRole.RETURNED)
_REMAINDERS = (*_SAID, AmountRole.REMAINDER)


def without_restated(amounts: list[Amount]) -> list[Amount]:
    """`amounts` with each remainder said a second time left out (see the module)."""
    by_money: dict[tuple[Purpose | None, Decimal, str], list[Amount]] = {}
    for a in amounts:
        if a.role in _REMAINDERS and a.value is not None:
            by_money.setdefault((a.purpose, a.value, a.currency), []).append(a)
    dropped: set[int] = set()
    for same in by_money.values():
        restated = _restated(same)
        if restated is not None:
            dropped.add(id(restated))
    return [a for a in amounts if id(a) not in dropped]


def _restated(same: list[Amount]) -> Amount | None:
    """Of one cell and one sentence stating the same money, the one to leave out; None
    where the amounts are not that pair (see the module)."""
    if len(same) != 2:
        return None
    bare = [a for a in same if not a.label.strip()]
    if len(bare) != 1:
        return None  # two sentences, or two cells: two statements
    cell = bare[0]
    sentence = same[1] if same[0] is cell else same[0]
    said = {a.role for a in same if a.role in _SAID}
    if len(said) > 1:
        return None  # returned and carried over: the report's words disagree
    # The one saying what became of the money is kept: a cell under "Atgriezts" says it
    # where the sentence beside it only says "atlikums".
    if sentence.role is AmountRole.REMAINDER and cell.role in _SAID:
        return sentence
    return cell
