"""A paragraph of the funding section telling how the contract's funding was amended:
"Līgumā sākotnēji paredzētais finansējums – 147 000,00 euro (49 000,00 euro gadā). Ar 2023.
gada 10. maija grozījumiem līgumā finansējums palielināts līdz 162 000,00 euro, palielinot
II. un III. īstenošanas gada finansējumu … no 19 000,00 euro līdz 26 500,00 euro gadā."

It is no year's: the amended total is the contract's planned total (a `ContractAmount`,
compared with the years' plans in `checks_contract`), and the rest (the original total, the
amounts of a year) is kept as written. Only a paragraph of its own that opens with the
original total and whose every other amount is either the amended total or said to be a
year's ("… euro gadā") is such a statement; any other is read as before.
"""

from __future__ import annotations

import re

from pipeline.model import AmountRole
from pipeline.parse.funding_contract import ContractAmount
from pipeline.parse.funding_words import (
    CALENDAR_KEY,
    MONEY_IN_TEXT,
    ORDINAL_ROW,
    PERIOD_RANGE,
    amount_value,
    counts_as_money,
)
from pipeline.parse.latvian import LETTER
from pipeline.parse.text import SourcedText

_L = LETTER
# The original total opens the paragraph: "Līgumā sākotnēji paredzētais finansējums –",
# "Līguma sākotnējais finansējums bija".
_ORIGINAL = re.compile(
    rf"[\t \u00a0*_]*(?:līgum[{_L}]*\s+)?sākotnēj[{_L}]*\s+"
    rf"(?:(?:paredzēt|plānot|piešķirt)[{_L}]*\s+)?(?:kopēj[{_L}]*\s+)?(?:līguma\s+)?"
    rf"finansējum[{_L}]*(?:\s+(?:bija|ir))?[\s:–—-]*$",
    re.I,
)
# A year's amount, not the contract's: "(49 000,00 euro gadā)", "no 19 000,00 euro līdz
# 26 500,00 euro gadā" (both of a year).
_A_YEAR = rf"\s*(?:gadā|katrā\s+gadā|katru\s+gadu|ik\s+gad[uā])(?![{_L}])"
_TO_A_YEARS = re.compile(rf"\s+līdz\s+(?:{MONEY_IN_TEXT.pattern}){_A_YEAR}", re.I)
# The amended total: the contract's funding, its subject, changed to it ("finansējums
# palielināts līdz 162 000,00 euro").
_AMENDED = re.compile(
    rf"(?<![{_L}])(?:finansējums|kopsumma|kopējā\s+summa)\s+(?:(?:tika|ir)\s+)?"
    rf"(?:palielināts|palielināta|samazināts|samazināta|grozīts|grozīta|mainīts|mainīta)"
    rf"\s+(?:līdz|uz)[\s:–—-]*$",
    re.I,
)
# Most lines such a paragraph is wrapped over.
_WRAPPED = 3


def amended_contract_at(
    section: SourcedText, lines: list[SourcedText], bounds: list[int], n: int
) -> tuple[int, ContractAmount] | None:
    """The amended planned total of the contract stated in the paragraph that opens on line
    `n`, and the paragraph's last line; None where the lines from `n` are no such
    paragraph. The paragraph stands on its own: a blank line or the section's start above
    it, a blank line, the section's end or a year's row below it."""
    if n > 0 and lines[n - 1].text.strip(" \t\u00a0*_"):
        return None
    last = n
    while (
        last + 1 < len(lines)
        and last + 1 - n < _WRAPPED
        and lines[last + 1].text.strip()
        and not _opens_year(lines[last + 1].text)
    ):
        last += 1
    if (
        last + 1 < len(lines)
        and lines[last + 1].text.strip()
        and not _opens_year(lines[last + 1].text)
    ):
        return None
    paragraph = section[bounds[n] : bounds[last + 1] - 1]
    amended = _amended(paragraph)
    return (last, amended) if amended is not None else None


def _amended(paragraph: SourcedText) -> ContractAmount | None:
    s = paragraph.text
    money = [m for m in MONEY_IN_TEXT.finditer(s) if counts_as_money(m)]
    if len(money) < 2 or not _ORIGINAL.match(s[: money[0].start()]):
        return None
    found: list[ContractAmount] = []
    yearly_to = -1  # where the second amount of "no X līdz Y euro gadā" ends
    for m in money[1:]:
        if m.end() <= yearly_to or re.match(_A_YEAR, s[m.end() :], re.I):
            continue
        to = _TO_A_YEARS.match(s, m.end())
        if to is not None:
            yearly_to = to.end()
            continue
        if not _AMENDED.search(s, 0, m.start()):
            return None
        piece = paragraph[m.start() : m.end()]
        found.append(ContractAmount.at(piece, AmountRole.PLANNED, amount_value(m.group("amount"))))
    return found[0] if len(found) == 1 else None


def _opens_year(text: str) -> bool:
    head = text.lstrip("\t \u00a0*_")
    return bool(ORDINAL_ROW.match(head) or CALENDAR_KEY.match(head) or PERIOD_RANGE.match(head))
