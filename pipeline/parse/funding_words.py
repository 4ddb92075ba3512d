"""The words of the funding section: how an amount, a statement ("Plānots", "Faktiski",
"Atlikums"), a purpose and a row key are written. One table per concept; `funding.py` reads
the statements with them.
"""

from __future__ import annotations

import re

from pipeline.model import AmountRole, Purpose
from pipeline.parse.headings import ordinal_of
from pipeline.parse.latvian import AMOUNT, CURRENCY, PERIOD_TEXT

_LETTER = r"\wāčēģīķļņšūž"
# Money with its currency word first ("EUR 12.50", "EUR 100") is money too: the word says
# so, as it does after the amount. A short decimal-point amount ("12.50") is money only
# after such a word, as it is only before one in AMOUNT.
MONEY_IN_TEXT = re.compile(
    rf"(?:(?<![{_LETTER}])(?P<prefix>{CURRENCY})[ \t\u00a0]*)?-?\s*"
    rf"(?P<amount>{AMOUNT}|(?(prefix)(?<![\d,.])\d{{1,2}}\.\d{{2}}(?![\d.])|(?!)))"
    rf"(?:\s*(?P<currency>{CURRENCY}))?",
    re.I,
)
# An amount in words before a currency word ("simts eiro"): not in the number grammar, so it
# is reported rather than read (a statement read as no amount would compare as 0).
AMOUNT_IN_WORDS = re.compile(
    rf"(?<![{_LETTER}])(?:nulle|vien|div|trīs|četr|piec|seš|septiņ|astoņ|deviņ|desmit|simt"
    rf"|tūksto|miljon)[{_LETTER}]*\s+(?:{CURRENCY})",
    re.I,
)
# Words saying an amount was received from the previous period: "no iepriekšējā gada
# pārceltais atlikums", "1 382,62 euro atlikums no II. īstenošanas gada". In the planned
# statement they make a carried-in amount; elsewhere "atlikums no II. gada ... novirzīts uz
# III. gadu" is this year's remainder carried over, so the role decides, not the words alone.
CARRY_IN = re.compile(
    rf"iepriekšēj|pārcelt(?:ais|ā|o|ie|ās)(?![{_LETTER}])|atlikum[{_LETTER}]*\s+no(?![{_LETTER}])"
    rf"|saņemt[{_LETTER}]*\s+atlikum",
    re.I,
)
# Where the money goes: "pārcelts uz nākamo gadu" is carried over, never carried in.
CARRY_OUT = re.compile(r"(?:pārcelt|novirzīt)\w*\s+uz(?![\wāčēģīķļņšūž])", re.I)
# A table's header row names only its columns ("Periods | Plānots | Faktiski | Atlikums").
HEADER_WORD = re.compile(
    r"period\w*|gad\w*|īstenošan\w*|laik\w*|posm\w*|plānot\w*|faktisk\w*|izlietot\w*"
    r"|atlikum\w*|neizmantot\w*|finansējum\w*|summ\w*|mērķ\w*|piezīm\w*|valst\w*|budžet\w*"
    r"|kopā|un|pa|eur|euro|eiro|nr",
    re.I,
)
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
    if re.search(r"atgriez|atmaksā", context):
        return AmountRole.RETURNED
    if re.search(r"pārcel|novirzīt", context):
        return AmountRole.CARRIED_OVER
    return AmountRole.REMAINDER


def is_header_row(text: str) -> bool:
    """A row with no number whose every word is a column's name."""
    words = re.findall(r"[^\W\d_]+", text)
    return (
        bool(words)
        and not re.search(r"\d", text)
        and all(HEADER_WORD.fullmatch(w) for w in words)
        and bool(NEW_STATEMENT.search(text))
    )


def words_after(right: str) -> str:
    """The words after an amount up to the next amount or the end of its parenthesis."""
    rest = re.sub(rf"^\s*(?:{CURRENCY})", "", right, flags=re.I)
    end = re.search(rf"[();]|{AMOUNT}", rest)
    return rest[: end.start()] if end else rest


def parts_end(right: str) -> int | None:
    """Where a parenthesis opened at once after an amount ends, when it gives that amount's
    parts ("11 000,00 euro (10 000,00 euro un 1 000,00 euro atlikums no I. gada)"): it starts
    with an amount and names no purpose (a purpose makes its amounts lines, read as such)."""
    opening = re.match(rf"\s*(?:(?:{CURRENCY})\s*)?\(\s*(?={AMOUNT})", right, re.I)
    if opening is None:
        return None
    start = right.index("(")
    depth = 0
    for i in range(start, len(right)):
        depth += right[i] == "("
        depth -= right[i] == ")"
        if depth == 0:
            if purpose_of(right[start:i]) is not None:
                return None
            return i + 1
    return None


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


# The next amount's currency word, when written first ("…, t.sk. EUR 25000.00"), is its own.
CLAUSE_END = re.compile(
    rf";|\s-\s*(?={AMOUNT})|(?<=\s)-(?=\d)|\(-|(?<![{_LETTER}])(?:{CURRENCY})\s*(?={AMOUNT})"
    rf"|{AMOUNT}|{NEW_STATEMENT.pattern}"
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
