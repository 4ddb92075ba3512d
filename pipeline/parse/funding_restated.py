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

A cell is told from a sentence by its amount standing alone between a table's borders (a
tab, a pipe, a line's ends), its currency word aside. An amount with no words after it in
running text ("… atlikums 200,00 EUR; neizmantotais finansējums 200,00 EUR apmērā
atgriezts") may be the same money said twice or a second sum: which, is not for the reader
to guess, so both are kept and the year's sums are compared with nothing.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from decimal import Decimal

from pipeline.model import Amount, AmountRole, Purpose
from pipeline.parse.funding_words import MONEY_WORD

_SAID = (AmountRole.CARRIED_OVER, AmountRole.RETURNED)
_REMAINDERS = (*_SAID, AmountRole.REMAINDER)


def without_restated(amounts: list[Amount]) -> list[Amount]:
    """`amounts` with each remainder said a second time left out (see the module), every
    amount with no words of its own taken for a cell."""
    return settled_restated(amounts, lambda _: True)[0]


def settled_restated(
    amounts: list[Amount], in_cell: Callable[[Amount], bool]
) -> tuple[list[Amount], bool]:
    """`amounts` with each remainder said a second time left out, and whether every pair
    was told for sure: False where an amount with no words stands in running text rather
    than in a cell (`in_cell`), its pair then kept (see the module)."""
    by_money: dict[tuple[Purpose | None, Decimal, str], list[Amount]] = {}
    for a in amounts:
        if a.role in _REMAINDERS and a.value is not None:
            by_money.setdefault((a.purpose, a.value, a.currency), []).append(a)
    dropped: set[int] = set()
    sure = True
    for same in by_money.values():
        pair = _restated(same, in_cell)
        if pair is None:
            continue
        cell, restated = pair
        if in_cell(cell):
            dropped.add(id(restated))
        else:
            sure = False
    return [a for a in amounts if id(a) not in dropped], sure


def cell_alone(text: str) -> Callable[[Amount], bool]:
    """Whether an amount of the source `text` stands alone between a table's borders."""

    def alone(amount: Amount) -> bool:
        span = amount.span
        spaced = r"[ \u00a0\u202f]".join(re.escape(p) for p in amount.text.split(" "))
        found = re.compile(spaced).search(text, span.start, span.end) if amount.text else None
        if found is None:
            return False
        before = text[: found.start()]
        start = max(before.rfind(c) for c in "\t|\n") + 1
        after = re.search(r"[\t|\n]|$", text[found.end() :])
        assert after is not None
        left, right = before[start:], text[found.end() : found.end() + after.start()]
        return bool(_BESIDE.fullmatch(left) and _BESIDE.fullmatch(right))

    return alone


# what may stand beside an amount alone in its cell: spaces and its currency word
_BESIDE = re.compile(rf"[\s\u00a0]*(?:(?:{MONEY_WORD})[\s\u00a0]*)?", re.I)


def _restated(
    same: list[Amount], in_cell: Callable[[Amount], bool]
) -> tuple[Amount, Amount] | None:
    """Of one cell and one sentence stating the same money, the cell and the one to leave
    out; None where the amounts are not that pair (see the module)."""
    if len(same) != 2:
        return None
    bare = [a for a in same if not a.label.strip()]
    if len(bare) == 2:
        # A sentence naming the sum with no words after it ("I. īstenošanas gada atlikums
        # € 360,00 un II. …") is told from the cell by where it stands: in running text.
        bare = [a for a in same if in_cell(a)]
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
        return cell, sentence
    return cell, cell
