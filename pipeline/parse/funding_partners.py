"""A consortium's spending split by its partners: "Faktiski 49 612,40 euro, t.sk. … (no tiem
vadošais partneris izlietoja 33 100,00 euro, sadarbības partneris – 16 512,40 euro)". Such a
parenthesis says who spent the money, not what for: its amounts are no amounts of the year's
sums. Where they add up exactly to the total before them, or to the planned or actual line
read right before them ("- 30 000,00 euro pilsoniskās … (vadošais partneris 20 000,00 euro,
sadarbības partneris 10 000,00 euro)"), they are that sum again, kept as written; otherwise which sum they break down is unsure, and they stay unread (the year
compared with nothing). `funding_statements.py` asks this of each amount it reads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.model import AmountRole
from pipeline.parse.diacritics import either_form
from pipeline.parse.funding_blocks import Block
from pipeline.parse.funding_lines import money_matches
from pipeline.parse.funding_words import amount_value
from pipeline.parse.latvian import CURRENCY, LETTER

_WORD = rf"[{LETTER}]+"
# The words before one partner's amount: "(t.sk. vadošais partneris ", "no tiem vadošais
# partneris izlietoja ", ", sadarbības partneris – ", "un partnerim ".
_PARTNER_LEAD = re.compile(
    rf"^(?:\s*(?:{CURRENCY}))?[\s,;]*(?:un\s+)?"
    + either_form(r"(?:(?:t\.\s?sk\.?|tai\s+skaitā|no\s+tiem|no\s+tā)[\s:,]*)?")
    + rf"(?:{_WORD}\s+){{0,2}}partner[{LETTER}]*(?:\s+{_WORD}){{0,2}}\s*[:–-]?\s*$",
    re.I,
)
_TAIL = re.compile(rf"^\s*(?:{CURRENCY})?\s*$", re.I)
_PARENTHESIS = re.compile(r"\(([^()]*)\)")


@dataclass(frozen=True, slots=True)
class PartnerSplit:
    start: int  # the parenthesis, in the text read
    end: int
    total: Decimal  # what its amounts add up to


def partner_splits(s: str) -> list[PartnerSplit]:
    """The parentheses of `s` that hold nothing but two or more partners' amounts."""
    found: list[PartnerSplit] = []
    for paren in _PARENTHESIS.finditer(s):
        inner = paren.group(1)
        money = money_matches(inner)
        if len(money) < 2 or not _TAIL.match(inner[money[-1].end() :]):
            continue
        gaps = [inner[(money[i - 1].end() if i else 0) : m.start()] for i, m in enumerate(money)]
        if all(_PARTNER_LEAD.match(gap) for gap in gaps):
            total = sum((amount_value(m.group("amount")) for m in money), Decimal(0))
            found.append(PartnerSplit(paren.start(), paren.end(), total))
    return found


def split_of(splits: list[PartnerSplit], start: int) -> PartnerSplit | None:
    """The partner split holding the amount that starts at `start`, if any."""
    return next((p for p in splits if p.start <= start < p.end), None)


def gives_again(split: PartnerSplit, block: Block) -> bool:
    """Whether the partners' amounts add up to the latest total, or to the planned or actual
    amount read last (a purpose line): that sum again, said by who spent it."""
    if block.totals and block.totals[-1].value == split.total:
        return True
    last = block.amounts[-1] if block.amounts else None
    spent = (AmountRole.PLANNED, AmountRole.ACTUAL)
    return last is not None and last.role in spent and last.value == split.total
