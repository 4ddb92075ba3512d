"""The funding over the whole contract, stated in a line of its own beside the years:
"Kopējais līguma finansējums: plānots 100 000,00 euro; faktiski izlietoti 99 880,00 euro;
atgriezti 120,00 euro.", "Kopā par visu līguma periodu: plānots …, faktiski izlietoti …",
"Kopā 2022–2025 | Plānots … | Faktiski …; atgriezts …", "Kopā: plānots …; faktiski …".

It is no year's row: the funding reader blanks the line out of the section, keeps it as
written (the model has no place for a contract's total) and hands its amounts on as
`ContractAmount`s, each with the role its words give it, to be compared with the years'
sums (`checks_contract`). Only a line whose every amount follows its role's word, with
nothing else in it, is such a total; any other is read as before. A paragraph telling how
the contract's funding was amended ("… sākotnēji paredzētais finansējums – …; ar … grozījumiem
… palielināts līdz 162 000,00 euro …") is taken out the same way, its amended total the
contract's plan (`funding_contract_amendment`).
"""

from __future__ import annotations

import itertools
import re

from pipeline.model import AmountRole
from pipeline.parse.funding_clauses import split_text
from pipeline.parse.funding_contract import ContractAmount, opens_paragraph
from pipeline.parse.funding_contract_amendment import amended_contract_at
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
# Words that name the whole contract: its total is no year's, wherever it stands.
_CONTRACT_KEY = (
    rf"kopēj[{_L}]*\s+(?:līguma\s+)?finansējums(?:\s+kopā)?"
    rf"|(?:pavisam\s+)?kopā\s+par\s+(?:vis[{_L}]*\s+)?(?:līgum[{_L}]*\s+)?"
    rf"(?:period[{_L}]*|laik[{_L}]*|līgum[{_L}]*)"
    rf"|līguma\s+finansējums\s+kopā"
)
# "Kopā", "Kopā:", "Kopā 2022–2025", "Pavisam kopā": a sum, of the years only where it
# stands after them (see `_after_years`).
_SUM_KEY = rf"(?:pavisam\s+)?kopā(?:\s*\(?\d{{4}}\.?\s*[–—-]\s*\d{{4}}\.?\)?(?:\s*gad[{_L}]*)?)?"
_KEY = re.compile(
    rf"[\t \u00a0*_]*(?:(?P<contract>{_CONTRACT_KEY})|(?P<sum>{_SUM_KEY}))(?![{_L}])[\s:.*_–—-]*",
    re.I,
)
# A role's word right before its amount: "plānots", "faktiski izlietoti", "atgriezti".
_ROLE_WORDS = (
    (AmountRole.PLANNED, rf"plānot[{_L}]*(?:\s+finansējums)?|piešķirt[{_L}]*"),
    (AmountRole.ACTUAL, rf"faktiski(?:\s+izlietot[{_L}]*)?(?:\s+finansējums)?|izlietot[{_L}]*"),
    (
        AmountRole.RETURNED,
        rf"(?:(?:neizlietot|neizmantot)[{_L}]*\s+(?:(?:finansējums|līdzekļi|atlikums)\s+)?)?"
        rf"(?:atgriezt|atmaksāt)[{_L}]*",
    ),
)
# Lats after an amount ("14 000,00 LVL"), where the currency words read no such word: the
# words of a total whose amounts are all lats still say their roles.
_LATS_AFTER = r"(?:[ \u00a0]*(?:LVL|Ls)(?!\w))?"
_LEAD = re.compile(
    _LATS_AFTER
    + r"[\s;,.\t]*(?:"
    + "|".join(f"(?P<r{n}>{words})" for n, (_, words) in enumerate(_ROLE_WORDS))
    + r")[\s:–-]*",
    re.I,
)
# Most lines a statement of the contract's total is wrapped over.
_WRAPPED = 3
_TAIL = re.compile(_LATS_AFTER + r"[\s.;*_]*")
# A currency other than the euro: a total of lats beside euro amounts sums two currencies.
_LATS = re.compile(rf"(?<![{_L}])(?:LVL|Ls|lat(?:i|u|os|s))(?![{_L}])")
_EURO = re.compile(rf"(?<![{_L}])(?:euro|eur|eiro)(?![{_L}])|€", re.I)


def contract_statement(line: SourcedText) -> tuple[bool, list[ContractAmount]] | None:
    """The amounts of a line stating the contract's total, and whether its words name the
    contract (not only "Kopā"); None for any other line."""
    s = line.text
    key = _KEY.match(s)
    if key is None or not key.group(0).strip(" \t\u00a0*_"):
        return None
    found: list[ContractAmount] = []
    last = key.end()
    for m in MONEY_IN_TEXT.finditer(s, key.end()):
        lead = _LEAD.fullmatch(s, last, m.start())
        if lead is None or not counts_as_money(m):
            return None
        role = next(r for n, (r, _) in enumerate(_ROLE_WORDS) if lead.group(f"r{n}"))
        if any(a.role is role for a in found):
            return None
        piece = line[m.start() : m.end()]
        value = amount_value(m.group("amount"))
        found.append(ContractAmount.at(piece, role, value))
        last = m.end()
    if not found or not _TAIL.fullmatch(s, last):
        return None
    return key.group("contract") is not None, found


def without_contract_totals(
    section: SourcedText,
) -> tuple[SourcedText, list[ContractAmount], list[SourcedText]]:
    """The section with each line stating the contract's total blanked (its characters
    spaces, still mapped to the source), the amounts those lines state, and the lines as
    written. A line naming the contract may stand anywhere; a mere "Kopā" only after every
    year's money, as a row beside the years' rows or a paragraph of its own. Not where the
    section writes lats beside euro: their sum is no one amount."""
    if _LATS.search(section.text) and _EURO.search(section.text):
        return section, [], []
    lines = split_text(section, "\n")
    bounds = list(itertools.accumulate((len(x) + 1 for x in lines), initial=0))
    chars = list(section.text)
    amounts: list[ContractAmount] = []
    kept: list[SourcedText] = []
    n = 0
    while n < len(lines):
        found = _statement_at(section, lines, bounds, n)
        amended = amended_contract_at(section, lines, bounds, n) if found is None else None
        if amended is not None:
            # how the contract's funding was amended: its new total names the contract
            found = amended[0], (True, [amended[1]])
        if found is None:
            n += 1
            continue
        last, read = found
        if read[0] or _after_years(lines, n, last):
            amounts.extend(read[1])
            kept.append(section[bounds[n] : bounds[last + 1] - 1].strip())
            chars[bounds[n] : bounds[last + 1] - 1] = [
                c if c == "\n" else " " for c in chars[bounds[n] : bounds[last + 1] - 1]
            ]
        n = last + 1
    if not amounts:
        return section, [], []
    return SourcedText("".join(chars), section.offsets), amounts, kept


def _statement_at(
    section: SourcedText, lines: list[SourcedText], bounds: list[int], n: int
) -> tuple[int, tuple[bool, list[ContractAmount]]] | None:
    """The contract's total stated from line `n` on, and the last line it takes: it may be
    wrapped over the lines after it ("… faktiski" / "izlietoti 160 500,00 euro, …"), up to
    a blank line."""
    if _KEY.match(lines[n].text) is None:
        return None
    for last in range(n, min(n + _WRAPPED, len(lines))):
        if last > n and not lines[last].text.strip():
            return None
        read = contract_statement(section[bounds[n] : bounds[last + 1] - 1])
        if read is not None:
            return last, read
    return None


def _after_years(lines: list[SourcedText], n: int, last: int) -> bool:
    """Whether lines `n` to `last` stand after every year's money: no money on a line after
    them, some before them, and they are a row beside the years' rows (the line above opens
    with a year's name) or a paragraph of their own."""
    if any(_has_money(line.text) for line in lines[last + 1 :]):
        return False
    if not any(_has_money(line.text) for line in lines[:n]):
        return False
    above = next((line.text for line in reversed(lines[:n]) if line.text.strip()), "")
    head = above.lstrip("\t \u00a0*_")
    names_year = bool(
        ORDINAL_ROW.match(head) or CALENDAR_KEY.match(head) or PERIOD_RANGE.match(head)
    )
    return names_year or opens_paragraph([line.text for line in lines[:n]])


def _has_money(text: str) -> bool:
    return any(counts_as_money(m) for m in MONEY_IN_TEXT.finditer(text))
