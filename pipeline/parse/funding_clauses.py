"""The clauses of the funding section around an amount: which statement word leads it,
where its parts and its clause end, what label and purpose follow it, and the shapes of
table header rows. The words themselves are in `funding_words.py`.
"""

from __future__ import annotations

import re
from decimal import Decimal
from typing import NamedTuple

from pipeline.model import AmountRole, Purpose
from pipeline.parse.diacritics import either_form, fold
from pipeline.parse.funding_carry import carried_in
from pipeline.parse.funding_money import words_value
from pipeline.parse.funding_words import (
    AMOUNT_IN_WORDS,
    HEADER_WORD,
    MONEY_IN_TEXT,
    MONEY_WORD,
    NEW_STATEMENT,
    STATEMENT_VERB,
    TOTAL_ROW,
    amount_value,
    counts_as_money,
    purpose_of,
)
from pipeline.parse.headings import ordinal_of
from pipeline.parse.latvian import AMOUNT, CURRENCY, LETTER
from pipeline.parse.text import SourcedText


def ordinal_number(numeral: str) -> int | None:
    return int(numeral) if numeral.isdigit() else ordinal_of(numeral)


def last_keyword(lead: str) -> str | None:
    """The latest statement word before an amount; every form of "unused" / "unspent"
    ("neizlietotie līdzekļi", "neizmantotā summa") is the one remainder word
    "neizmantotais". A verb in a sentence ("piešķirti 45 000 EUR", "izlietoti …",
    "Plānoti …") is a statement word too, unless denied ("netika izlietoti")."""
    found = last_keyword_match(lead)
    return statement_word(found.group(0)) if found is not None else None


def last_keyword_match(lead: str) -> re.Match[str] | None:
    """Where `last_keyword` found the statement word in `lead`."""
    found = [*NEW_STATEMENT.finditer(lead)]
    found += [m for m in STATEMENT_VERB.finditer(lead) if not _negated(lead, m.start())]
    return max(found, key=lambda m: m.start()) if found else None


def statement_word(word: str) -> str:
    """A statement word as NEW_STATEMENT found it, in the one form each has: "plānots" for
    "Plānotais finansējums", "neizmantotais" for every form of unused or unspent."""
    word = word.lower()
    plain = fold(word)  # "Planotais", as typed without diacritics, is "Plānotais"
    if plain.startswith("planot"):
        return "plānots"
    if plain.startswith("pieskirt"):
        return "piešķirts"
    if plain.startswith("izlietot"):
        return "izlietots"
    return "neizmantotais" if plain.startswith(("neizmant", "neizliet")) else word


def remainder_role(right: str) -> AmountRole:
    """What became of a remainder: the first of "returned" and "carried over" its words say,
    a denied one ("netika …", "ne…") saying neither.
    "pārcelts uz nākamo periodu, lai atmaksātu …" moves the money to repay something later;
    "netika atmaksāts, bet novirzīts uz …" says it was not returned."""
    verb = remainder_verb(right)
    if verb is None:
        return AmountRole.REMAINDER
    return AmountRole.RETURNED if verb.group(0).startswith("at") else AmountRole.CARRIED_OVER


def remainder_verb(right: str) -> re.Match[str] | None:
    """The first verb not denied saying what became of a remainder, in the words after it
    up to the next statement: "atgriezts", "atmaksāts" (returned), "pārcelts", "novirzīts"
    (carried over); its place is its place in `right`."""
    context = NEW_STATEMENT.split(right, maxsplit=1)[0][:300].lower()
    return next(
        (m for m in re.finditer(_REMAINDER_VERB, context) if not _negated(context, m.start())),
        None,
    )


_REMAINDER_VERB = re.compile(either_form(r"atgriez|atmaksā|pārcel|novirzīt"))


def _negated(text: str, start: int) -> bool:
    """Whether the verb at `start` is denied: "netika atmaksāts", "nav atgriezts",
    "neatgriezts"."""
    before = text[:start]
    return bool(re.search(rf"(?<![{LETTER}])(?:ne|(?:netika|nav|netiek|nebija)\s+)$", before))


def is_header_row(text: str) -> bool:
    """A row with no number whose every word is a column's name."""
    words = re.findall(r"[^\W\d_]+", text)
    return (
        bool(words)
        and not re.search(r"\d", text)
        and all(HEADER_WORD.fullmatch(w) for w in words)
        and bool(NEW_STATEMENT.search(text))
    )


def parts_end(right: str) -> int | None:
    """Where a parenthesis opened at once after an amount ("apmērā", in the amount of, aside)
    ends, when it gives that amount's parts ("11 000,00 euro (10 000,00 euro un 1 000,00
    euro atlikums no I. gada)"): it starts
    with an amount and names no purpose (a purpose makes its amounts lines, read as such)."""
    opening = re.match(
        rf"\s*(?:(?:{CURRENCY})\s*)?(?:apmēr[āa]\s*)?\(\s*(?:(?:{CURRENCY})\s*)?(?={AMOUNT})",
        right,
        re.I,
    )
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


def lines_end(right: str, total: Decimal) -> int | None:
    """Where a parenthesis opened at once after a total ends, when it gives the total's
    lines one after another: "54 000 EUR (30 000 EUR pilsoniskās sabiedrības …, 24 000 EUR
    mazākumtautību …)". Every amount in it names its purpose and they add up to the total;
    only a part of a line said to be carried in may stand among them ("…, t.sk. 1 200 EUR
    pārcelti no pirmā gada"). Otherwise (None) its amounts are not taken for lines."""
    opening = re.match(rf"\s*(?:(?:{CURRENCY})\s*)?\(", right, re.I)
    if opening is None:
        return None
    depth = 0
    for i in range(opening.end() - 1, len(right)):
        depth += right[i] == "("
        depth -= right[i] == ")"
        if depth == 0:
            break
    else:
        return None
    inside = right[opening.end() : i]
    found = [m for m in MONEY_IN_TEXT.finditer(inside) if counts_as_money(m)]
    lines, last = Decimal(0), 0
    for m in found:
        lead, after = inside[last : m.start()], inside[m.end() :]
        last = m.end()
        if purpose_after(after) is not None and not carried_in(lead, after):
            lines += amount_value(m.group("amount"))
        elif not (re.search(r"t\.\s?sk\.?\s*$", lead) and carried_in(lead, after)):
            return None
    return i + 1 if found and lines == total else None


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


def past_parenthesis(text: str) -> str:
    """The text after a parenthesis opened at once, a currency word before it passed over:
    ", t.sk." for " EUR (ieskaitot … 785,70 EUR), t.sk."."""
    rest = re.sub(rf"^\s*(?:{CURRENCY})", "", text, flags=re.I)
    return skip_parenthesis(rest) if rest.lstrip().startswith("(") else text


# The next amount's currency word, when written first ("…, t.sk. EUR 25000.00", "un
# Ls 18 000,00"), is its own.
CLAUSE_END = re.compile(
    rf";|\s-\s*(?={AMOUNT})|(?<=\s)-(?=\d)|\(-|(?<![{LETTER}])(?:{MONEY_WORD})\s*(?={AMOUNT})"
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


# A sentence's end: a full stop before a capital. Its words are no longer the amount's
# ("… pārcelts uz otro gadu. OTRAIS GADS (…)").
SENTENCE_END = re.compile(r"\.(?=\s+[A-ZĀČĒĢĪĶĻŅŠŪŽ])")
_SENTENCE_END = SENTENCE_END
# ... or a numbered heading after it ("… atgriezts budžetā. 5.1. Skaidrojums").
_HEADING_NEXT = re.compile(r"\.(?=\s+\d+(?:\.\d+)+\.?\s+[A-ZĀČĒĢĪĶĻŅŠŪŽ])")


def label_after(right: str) -> tuple[str, str]:
    """The words after an amount up to the end of its clause or sentence: (normalised,
    raw)."""
    rest = re.sub(rf"^\s*(?:{CURRENCY})", "", right, flags=re.I)
    tail = skip_parenthesis(rest)
    ends = [
        e
        for e in (CLAUSE_END.search(tail), _SENTENCE_END.search(tail), _HEADING_NEXT.search(tail))
        if e is not None
    ]
    end = min(ends, key=lambda e: e.start()) if ends else None
    cut = len(rest) - len(tail) + (end.start() if end else len(tail))
    raw = right[: len(right) - len(rest) + cut]
    label = re.sub(rf"^\s*(?:{CURRENCY})", "", raw, flags=re.I).strip(" ,.;()")
    label = re.sub(r"\s+(?:un|t\.\s?sk)$", "", label)
    return label.strip(" ,.;()"), raw.rstrip()


def gives_parts(parenthesis: str, total: Decimal) -> bool:
    """Whether a parenthesis after a planned total gives its parts, one of them carried in:
    "(45 000,00 euro un 1 382,62 euro atlikums no II. īstenošanas gada)" after 46 382,62,
    "(21 553,00 euro + 2 447,00 euro pārceltais)" after 24 000,00. The parts must add up
    to the total; otherwise its amounts are read one by one."""
    found = [m for m in MONEY_IN_TEXT.finditer(parenthesis) if counts_as_money(m)]
    if not found or sum((amount_value(m.group("amount")) for m in found), Decimal(0)) != total:
        return False
    last = 0
    for m in found:
        lead, right = parenthesis[last : m.start()], parenthesis[m.end() :]
        last = m.end()
        if carried_in(lead, right) or ("+" in lead and re.match(r"\s*p[āa]rcelt", right, re.I)):
            return True
    return False


def restates(s: str, m: re.Match[str]) -> bool:
    """Whether an amount in words only restates one in digits before it in the same text:
    "50 000,00 euro (piecdesmit tūkstoši euro)", or the same words after the total's lines.
    Money already read, not an amount left unread."""
    if not (re.search(r"\(\s*$", s[: m.start()]) and re.match(r"\s*\)", s[m.end() :])):
        return False
    value = words_value(m.group(0))
    if value is None:
        return False
    return any(
        counts_as_money(d) and amount_value(d.group("amount")) == value
        for d in MONEY_IN_TEXT.finditer(s[: m.start()])
    )


def past_restatement(right: str, value: Decimal) -> str:
    """The text after an amount's restatement in words ("50 000,00 euro (piecdesmit
    tūkstoši euro), t.sk."), so that what follows it follows the amount."""
    found = re.match(
        rf"\s*(?:(?:{CURRENCY})\s*)?\(\s*({AMOUNT_IN_WORDS.pattern})\s*\)", right, re.I
    )
    if found is None or words_value(found.group(1)) != value:
        return right
    return right[found.end() :]


# -- table shapes ------------------------------------------------------------------------------
_WS = " \n\t\x0b\u00a0"


class Columns(NamedTuple):
    """A header row's columns after the first: the purpose each names, and the total's."""

    purposes: list[Purpose | None]
    total: int


def purpose_columns(cells: list[SourcedText]) -> Columns | None:
    """The columns of a header row naming a purpose per column and a "Kopā" (total)
    column, every other cell empty; None for any other row."""
    purposes: list[Purpose | None] = []
    totals = []
    for i, cell in enumerate(cells):
        purpose = purpose_of(cell.text)
        if purpose is None and TOTAL_ROW.fullmatch(cell.text.strip(" :")):
            totals.append(i)
        elif purpose is None and cell.text.strip():
            return None
        purposes.append(purpose)
    named = [p for p in purposes if p is not None]
    if len(totals) != 1 or not named or len(set(named)) != len(named):
        return None
    return Columns(purposes, totals[0])


def split_text(text: SourcedText, sep: str) -> list[SourcedText]:
    parts, start = [], 0
    for i, ch in enumerate(text.text):
        if ch == sep:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts
