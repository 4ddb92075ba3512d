"""The words of the funding section: how an amount, a statement ("Plānots", "Faktiski",
"Atlikums"), a purpose and a row key are written. One table per concept; `funding.py` reads
the statements with them.
"""

from __future__ import annotations

import re

from pipeline.model import AmountRole, Purpose
from pipeline.parse.headings import ordinal_of
from pipeline.parse.latvian import AMOUNT, CURRENCY, MONEY, PERIOD_TEXT

MONEY_IN_TEXT = re.compile(rf"-?\s*{MONEY}", re.I)
CALENDAR_YEAR = re.compile(r"^\s*(\d{4})\.\s?gad[sā]\s*$", re.I)
# A row keyed by its implementation year: "I. īstenošanas gads", "2. gads", "III gads".
ORDINAL_ROW = re.compile(
    r"^\s*(?P<n>[IVX]{1,4}|[1-8])\.?\s*(?:īstenošanas\s+)?gads(?![\wāčēģīķļņšūž])[\s:.]*", re.I
)
PERIOD_RANGE = re.compile(PERIOD_TEXT, re.I)
# The words that open a statement. "Izlietots" (spent) is the actual column's other name.
NEW_STATEMENT = re.compile(
    r"(?<![\wāčēģīķļņšūž])(?:Plānots|Faktiski|Izlietots|Atlikums|neizmantotais)", re.I
)
TEXT_KEY = re.compile(
    rf"{PERIOD_TEXT}|(?<![\wāčēģīķļņšūž.])(?:[IVX]{{1,4}}|[1-8])\.?\s*(?:īstenošanas\s+)?gads"
    r"(?![\wāčēģīķļņšūž])",
    re.I,
)
# Amounts in thousands or millions ("50 tūkst. euro") are not read: they are reported.
ABBREVIATED = re.compile(
    rf"(?<![\d,.])\d+(?:[.,]\d+)?\s*(?:tūkst|milj)\w*\.?\s*(?:{CURRENCY})", re.I
)
# "t.sk." (including) opens a total's lines: after a comma, a colon or inside a parenthesis.
INCLUDING = re.compile(rf"\s*(?:{CURRENCY})?[\s,:(]*(?:t\.\s?sk|tai\s+skaitā)", re.I)
STATEMENT_ROLE = {
    "plānots": AmountRole.PLANNED,
    "faktiski": AmountRole.ACTUAL,
    "izlietots": AmountRole.ACTUAL,
}


def purpose_of(text: str) -> Purpose | None:
    """The purpose a funding line names, in any of its wordings ("pilsoniskās sabiedrības
    attīstībai ...", "pils.sab.", "mazākumtautību NVO ...", "MT NVO"); None when it names
    neither (then the line is reported, not guessed)."""
    lowered = text.lower()
    civil = re.search(r"pilsonisk\w*\s+sabiedr|pils\.\s*sab", lowered)
    minority = re.search(r"mazākumtautīb|(?<!\w)mt\s*nvo", lowered)
    if civil and (not minority or civil.start() < minority.start()):
        return Purpose.CIVIL_SOCIETY
    return Purpose.MINORITY_NGOS if minority else None


def ordinal_number(numeral: str) -> int | None:
    return int(numeral) if numeral.isdigit() else ordinal_of(numeral)


def last_keyword(lead: str) -> str | None:
    found = list(NEW_STATEMENT.finditer(lead))
    return found[-1].group(0).lower() if found else None


def remainder_role(right: str) -> AmountRole:
    context = NEW_STATEMENT.split(right, maxsplit=1)[0][:300].lower()
    if re.search(r"atgriez", context):
        return AmountRole.RETURNED
    if re.search(r"pārcel|novirzīt", context):
        return AmountRole.CARRIED_OVER
    return AmountRole.REMAINDER


def skip_parenthesis(text: str) -> str:
    """Text after a parenthesis that opens at once ('(21 553 + 2 447 ...) mazākumtautību')."""
    if not text.lstrip().startswith("("):
        return text
    depth = 0
    for i, ch in enumerate(text):
        depth += ch == "("
        depth -= ch == ")"
        if depth == 0 and ch == ")":
            return text[i + 1 :]
    return ""


CLAUSE_END = re.compile(
    rf";|\s-\s*(?={AMOUNT})|(?<=\s)-(?=\d)|\(-|{AMOUNT}|{NEW_STATEMENT.pattern}"
    r"|\d{1,2}\.\d{1,2}\.\d{4}",
    re.I,
)


def clause(right: str) -> str:
    """The words after an amount up to the next line, amount or statement."""
    rest = re.sub(rf"^\s*(?:{CURRENCY})[\s,.]*", "", right, flags=re.I)
    rest = skip_parenthesis(rest)
    end = CLAUSE_END.search(rest)
    return rest[: end.start()] if end else rest


def purpose_after(right: str) -> Purpose | None:
    """The purpose right after an amount, looking past a parenthesis that follows at once."""
    return purpose_of(clause(right))


def label_after(right: str) -> tuple[str, str]:
    """The words after an amount up to the end of its clause: (normalised, raw)."""
    rest = re.sub(rf"^\s*(?:{CURRENCY})", "", right, flags=re.I)
    end = CLAUSE_END.search(skip_parenthesis(rest))
    cut = (
        len(rest)
        - len(skip_parenthesis(rest))
        + (end.start() if end else len(skip_parenthesis(rest)))
    )
    raw = right[: len(right) - len(rest) + cut]
    label = re.sub(rf"^\s*(?:{CURRENCY})", "", raw, flags=re.I).strip(" ,.;()")
    label = re.sub(r"\s+(?:un|t\.\s?sk)$", "", label)
    return label.strip(" ,.;()"), raw.rstrip()
