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
# after such a word, as it is only before one in AMOUNT. The word and its amount share a
# cell: across a tab ("…, EUR<TAB>2023") the number is the next cell's, not this word's.
MONEY_IN_TEXT = re.compile(
    rf"(?:(?<![{_LETTER}])(?P<prefix>{CURRENCY})[ \u00a0]*)?(?(prefix)-?[ \u00a0]*|-?\s*)"
    rf"(?P<amount>{AMOUNT}|(?(prefix)(?<![\d,.])\d{{1,2}}\.\d{{2}}(?![\d.])|(?!)))"
    rf"(?:\s*(?P<currency>{CURRENCY}))?",
    re.I,
)
# The number words, each with its value: a unit ("divi", "piecas", "trīs"), a teen
# ("piecpadsmit"), a ten ("piecdesmit"), and the multipliers. Only whole words count: "vien"
# starts "vienošanās", "div" starts "divpusējs".
_UNIT_STEMS = (
    ("vien", 1), ("div", 2), ("trīs", 3), ("četr", 4), ("piec", 5), ("seš", 6),
    ("septiņ", 7), ("astoņ", 8), ("deviņ", 9),
)  # fmt: skip
_UNIT_ENDINGS = r"(?:s|a|u|i|as|am|ai|iem|ām|ās|os)"
_UNIT = (
    "|".join(rf"{stem}{_UNIT_ENDINGS}" for stem, _ in _UNIT_STEMS if stem != "trīs")
    + r"|trīs|triju|trijiem|trim"
)
_STEMS = "|".join(stem for stem, _ in _UNIT_STEMS)
_NUMBER_WORD = (
    rf"(?:nulle|(?:{_STEMS})padsmit|(?:{_STEMS})desmit|desmit|{_UNIT}"
    rf"|simt(?:s|a|u|i|iem|os)?|tūksto(?:tis|ša|šu|ši|šiem|šos|š)|miljon(?:s|a|u|i|iem|os))"
    rf"(?![{_LETTER}])"
)
# An amount in words before a currency word ("simts eiro", "piecdesmit tūkstoši euro"): not
# in the number grammar, so it is reported rather than read (a statement read as no amount
# would compare as 0), unless it only restates an amount written in digits.
AMOUNT_IN_WORDS = re.compile(
    rf"(?<![{_LETTER}])(?:{_NUMBER_WORD}\s+)*{_NUMBER_WORD}\s+(?:{CURRENCY})", re.I
)


def words_value(words: str) -> int | None:
    """The value of an amount in words ("piecdesmit tūkstoši" 50 000, "divi simti" 200);
    None when a word is not a number word."""
    total = current = 0
    for word in re.findall(rf"[{_LETTER}]+", words.lower()):
        if re.fullmatch(r"euro|eur|eiro", word):
            continue
        if not re.fullmatch(_NUMBER_WORD, word):
            return None
        if word.startswith("simt"):
            current = (current or 1) * 100
        elif word.startswith("tūksto"):
            total, current = total + (current or 1) * 1000, 0
        elif word.startswith("miljon"):
            total, current = total + (current or 1) * 1_000_000, 0
        elif word == "nulle":
            continue
        elif word == "desmit":
            current += 10
        else:
            n = (
                3
                if word.startswith("tri")
                else next(n for st, n in _UNIT_STEMS if word.startswith(st))
            )
            if word.endswith("padsmit"):
                current += 10 + n
            elif word.endswith("desmit"):
                current += 10 * n
            else:
                current += n
    return total + current


# Money received from the previous period, named right beside the amount. The previous
# period is the year before ("no iepriekšējā gada", "no I. īstenošanas gada"); "atlikums
# no piešķirtā finansējuma" is the remainder OF the granted money, this year's. A mere
# "iepriekšējā gadā" elsewhere in the text ("iepriekšējā gadā noslēgtajam līgumam",
# "iepriekšējā gadā uzsāktajiem projektiem") says nothing about the amount.
_PREVIOUS = (
    rf"(?:iepriekšēj[{_LETTER}]*\s+(?:gad|period)[{_LETTER}]*"
    rf"|(?:[IVX]{{1,4}}|[1-8])\.?\s*(?:īstenošanas\s+)?gad[{_LETTER}]*)"
)
_CARRY_NOUN = rf"(?:pārcelt|saņemt)[{_LETTER}]*\s+(?:atlikum|finansējum)[{_LETTER}]*"
# Before the amount: "… un no iepriekšējā gada pārceltais atlikums 1 234,57 EUR",
# "atlikums no I. īstenošanas gada: 500,00 euro", "iepriekšējā gada atlikums 500,00 euro".
CARRY_IN_BEFORE = re.compile(
    rf"(?<![{_LETTER}])(?:(?:no\s+{_PREVIOUS}\s+)?{_CARRY_NOUN}(?:\s+no\s+{_PREVIOUS})?"
    rf"|atlikum[{_LETTER}]*\s+no\s+{_PREVIOUS}|{_PREVIOUS}\s+atlikum[{_LETTER}]*)"
    r"\s*(?:[:–-]\s*)?$",
    re.I,
)
# After the amount and its currency word: "1 382,62 euro atlikums no II. īstenošanas gada",
# "2 447,00 euro pārceltais finansējums no iepriekšējā gada", "2 447,00 euro pārceltais".
CARRY_IN_AFTER = re.compile(
    rf"\s*(?:(?:{CURRENCY})\s*)?(?:(?:no\s+{_PREVIOUS}\s+)?{_CARRY_NOUN}"
    rf"|atlikum[{_LETTER}]*\s+no\s+{_PREVIOUS}|pārcelt(?:ais|ā|o|ie|ās)(?![{_LETTER}]))",
    re.I,
)
# A statement word right after an amount: "(100,00 euro atlikums atgriezts KM)".
REMAINDER_AFTER = re.compile(
    rf"\s*(?:(?:{CURRENCY})\s*)?(?:atlikum|neizmantot)[{_LETTER}]*(?![{_LETTER}])", re.I
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
    """What became of a remainder: the first of "returned" and "carried over" its words say,
    a denied one ("netika …", "ne…") saying neither.
    "pārcelts uz nākamo periodu, lai atmaksātu …" moves the money to repay something later;
    "netika atmaksāts, bet novirzīts uz …" says it was not returned."""
    context = NEW_STATEMENT.split(right, maxsplit=1)[0][:300].lower()
    returned = next(
        (m for m in re.finditer(r"atgriez|atmaksā", context) if not _negated(context, m.start())),
        None,
    )
    moved = next(
        (m for m in re.finditer(r"pārcel|novirzīt", context) if not _negated(context, m.start())),
        None,
    )
    if moved and (returned is None or moved.start() < returned.start()):
        return AmountRole.CARRIED_OVER
    if returned:
        return AmountRole.RETURNED
    return AmountRole.REMAINDER


def _negated(text: str, start: int) -> bool:
    """Whether the verb at `start` is denied: "netika atmaksāts", "nav atgriezts",
    "neatgriezts"."""
    before = text[:start]
    return bool(re.search(rf"(?<![{_LETTER}])(?:ne|(?:netika|nav|netiek|nebija)\s+)$", before))


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
