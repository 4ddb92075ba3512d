"""The labels of table rows that are no year of their own: a unit note above a table
("(euro)"), a header whose cells a running footer broke into ("Faktiski, EUR 26"), a purpose
line under its year ("t.sk. pilsoniskās sabiedrības attīstībai …"), a part of the year above
("t.sk. atlīdzībai"), and a short row whose year cell a rowspan covers. `funding_rows.py`
reads the amounts of such rows.
"""

from __future__ import annotations

import re

from pipeline.model import AmountRole, Purpose
from pipeline.parse.diacritics import either_form
from pipeline.parse.funding_base import REMAINDERS
from pipeline.parse.funding_clauses import remainder_verb, statement_word
from pipeline.parse.funding_tables import header_roles, year_key
from pipeline.parse.funding_words import (
    CALENDAR_YEAR,
    MONEY_IN_TEXT,
    NEW_STATEMENT,
    ORDINAL_ROW,
    PERIOD_RANGE,
    STATEMENT_ROLE,
    STATEMENT_VERB,
    TOTAL_ROW,
    counts_as_money,
    names_both_purposes,
    purpose_of,
)
from pipeline.parse.latvian import CURRENCY, LETTER
from pipeline.parse.text import SourcedText

EMPTY = SourcedText.of("")
_DASH = re.compile(r"\s*(?:[–—-]+|x|nav|-)?\s*", re.I)


# -- rows above a table that are none -----------------------------------------------------------
_UNIT_WORD = re.compile(
    rf"(?:{CURRENCY})|"
    + either_form(
        rf"summ[{LETTER}]*|norādīt[{LETTER}]*|izteikt[{LETTER}]*|vis[{LETTER}]*"
        rf"|ir|valūt[{LETTER}]*"
    ),
    re.I,
)


def unit_note(text: str) -> bool:
    """A line saying only the table's currency ("(euro)", "Summas norādītas EUR"), as the
    section label's tail or above the table: no year with no amount."""
    words = re.findall(r"[^\W\d_]+|€", text)
    return (
        bool(words)
        and not re.search(r"\d", text)
        and all(_UNIT_WORD.fullmatch(w) for w in words)
        and any(re.fullmatch(CURRENCY, w, re.I) for w in words)
    )


# A bare whole number, as a page footer's "· 2026" (or its pieces) leaves in header cells.
_STRAY_NUMBER = re.compile(r"(?<![\d,.])\d{1,4}(?![\d,.])")


def broken_header(cells: list[SourcedText]) -> list[AmountRole | None] | None:
    """The table's first row naming the columns' roles ("Īstenošanas gads | Finansējuma mērķis
    | Plānots, EUR | Faktiski, EUR") with the pieces of a running footer printed into its
    cells ("Faktiski, EUR 26"): its numbers are the footer's, no amount. It is a header only
    when its first cell names no year and holds no number, and every number in it is a
    bare whole number of at most four digits (a page number, a year), never an amount."""
    first = cells[0].text.strip() if cells else ""
    if not re.search(rf"[{LETTER}]", first) or re.search(r"\d", first) or names_year(first):
        return None
    joined = "\t".join(c.text for c in cells)
    numbers = [m for m in MONEY_IN_TEXT.finditer(joined) if re.search(r"\d", m.group(0))]
    if not numbers or not all(_STRAY_NUMBER.fullmatch(m.group("amount").strip()) for m in numbers):
        return None
    stripped = re.sub(r"\d", "", joined)
    if re.search(r"[.,]\s*[.,]", stripped):
        return None
    return header_roles(cells)


def names_year(text: str) -> bool:
    return bool(
        ORDINAL_ROW.match(text)
        or CALENDAR_YEAR.match(text)
        or year_key(text, bare_year=True) is not None
        or PERIOD_RANGE.search(text)
    )


# -- a purpose line under its year ---------------------------------------------------------------
# "t.sk.", "tai skaitā", "ieskaitot", "no tiem" or a dash before a line's purpose.
_LINE_LEAD = re.compile(
    rf"\s*(?:t\.\s?sk\.?|tai\s+skait[āa]|ieskaitot|no\s+tiem|[–—•-])(?![{LETTER}])[\s:,]*", re.I
)


def line_purpose(text: str, *, bare: bool) -> Purpose | None:
    """The purpose a row's label names when the row is a line of the year above ("t.sk.
    pilsoniskās sabiedrības attīstībai Rīgas reģionā"): a label with "t.sk." or a dash before
    it, or (`bare`, under a header naming the columns) the purpose alone. None for any label
    with a number, a statement word or a sum ("Kopā"): those are no line."""
    if not bare and _LINE_LEAD.match(text) is None:
        return None
    if re.search(r"\d", text) or NEW_STATEMENT.search(text) or TOTAL_ROW.match(text):
        return None
    if re.search(r"\bkop[āa]\b", text, re.I):
        return None
    return None if names_both_purposes(text) else purpose_of(text)


def part_row(text: str) -> bool:
    """A row whose label opens with "t.sk." (including): a part of the year above, never a
    year of its own, whatever purpose it names ("t.sk. atlīdzībai")."""
    return (
        re.match(r"\s*(?:t\.\s?sk\.?|tai\s+skait[āa]|ieskaitot|no\s+tiem)(?!\w)", text, re.I)
        is not None
    )


def is_placeholder(text: str) -> bool:
    """An empty amount cell: blank, a dash, "x", "nav"."""
    return _DASH.fullmatch(text) is not None


def right_aligned(
    cells: list[SourcedText], roles: list[AmountRole | None], keep: int
) -> list[SourcedText] | None:
    """A row with fewer cells than the header: the cells a rowspan covers (the year's, on the
    left) are missing from it, as a PDF's or OpenDocument's table leaves them out. Its cells
    stand under the header's last ones when they fill every column from `keep` (the purpose
    column) on, each amount column's cell one amount or empty, and the first of them names
    no year. Any other short row (a note spanning the columns, a cell spanning two amount
    columns) is None: its columns cannot be told."""
    missing = len(roles) - len(cells)
    if missing <= 0 or missing > keep:
        return None
    padded = [EMPTY] * missing + list(cells)
    for cell, role in zip(padded, roles, strict=True):
        money = [m for m in MONEY_IN_TEXT.finditer(cell.text) if counts_as_money(m)]
        one = len(money) == 1 and role is not None and not words_beside(cell.text, money[0], role)
        if role is not None and not one and not is_placeholder(cell.text):
            return None
    lead = padded[missing]
    if names_year(lead.text):
        return None
    return padded


def words_beside(text: str, money: re.Match[str], role: AmountRole) -> bool:
    """Whether a cell's words beside its one amount may make it something else than its
    column's. A note with no other number that names no other statement does not: "350,00
    (pārcelts uz 2. gadu)" under the remainders, "30 000,00 euro" over "izlietots pilnā
    apmērā" under the actual amounts."""
    rest = text[: money.start()] + " " + text[money.end() :]
    if not re.search(rf"[{LETTER}]", rest):
        return False
    rest = _DESTINATION.sub(" ", rest)
    if re.search(r"\d", rest):
        return True
    words = [statement_word(w.group(0)) for w in NEW_STATEMENT.finditer(rest)]
    words += [statement_word(w.group(0)) for w in STATEMENT_VERB.finditer(rest)]
    if role in REMAINDERS:
        return any(w in STATEMENT_ROLE for w in words)
    return any(STATEMENT_ROLE.get(w) is not role for w in words) or (
        remainder_verb(rest) is not None
    )


# Where a remainder went, its year's number in it: "uz 2. gadu", "uz II. īstenošanas gadu".
_DESTINATION = re.compile(
    either_form(
        rf"(?<![{LETTER}])uz\s+(?:[IVX]{{1,4}}|[1-8])\.?\s*(?:īstenošanas\s+)?gad[{LETTER}]*"
    ),
    re.I,
)
