"""Rows of a funding section that are no year's amounts: a row of column names ("Periods |
Finansējums, EUR"), a cross-reference to where the amounts are ("Skatīt tabulu zemāk"), a
year whose row says it had none ("Nav"). None of them is a year whose amount is missing;
a cross-reference is kept as written.
"""

from __future__ import annotations

import re

from pipeline.parse.diacritics import either_form
from pipeline.parse.funding_words import HEADER_WORD
from pipeline.parse.latvian import LETTER, PERIOD_TEXT

# What names a year in its row: its dates, a calendar year, an implementation year.
_YEAR_NAME = re.compile(
    rf"{PERIOD_TEXT}|\d{{4}}\.\s?gad[sā]|(?<![\w.])(?:[IVX]{{1,4}}|[1-8])\.?\s*"
    rf"(?:īstenošanas\s+)?gads(?![{LETTER}])",
    re.I,
)
# The row's words, its year's name aside, say only that there was none: "Nav", "Finansējums
# netika piešķirts", "– nav –", "Nav | Nav" (a cell per column).
_NONE_WORDS = either_form(
    r"(?:(?:valsts\s+budžeta\s+)?finansējums\s+)?(?:nav|netika\s+piešķirts)(?:\s+piešķirts)?"
)
_NONE = re.compile(rf"[\W_]*{_NONE_WORDS}(?:[\W_]+{_NONE_WORDS})*[\W_]*", re.I)


def says_none(text: str) -> bool:
    """Whether a year's row with no amount says the year had no funding, in words: not a
    row whose amount is missing, nor one to hold an amount of no value."""
    return _NONE.fullmatch(_YEAR_NAME.sub(" ", text)) is not None


# "Skatīt tabulu zemāk", "Skat. pielikumu", "sk. tabulu pielikumā (nākamajā lapā)",
# "Informācija pievienota pielikumā": the amounts stand elsewhere, this is none of them.
_REFERRING = re.compile(
    either_form(
        rf"(?<![{LETTER}.])(?:skat(?:īt|\.)|sk\.|redz|atrod|pievienot|sniegt|apkopot)"
        rf"[{LETTER}]*"
    ),
    re.I,
)
_ELSEWHERE = re.compile(
    either_form(rf"(?<![{LETTER}])(?:tabul|pielikum|nākam[{LETTER}]*\s+lap|atsevišķ)[{LETTER}]*"),
    re.I,
)


def cross_reference(text: str) -> bool:
    """Whether a row with no amount only points to where the funding is written."""
    return bool(_REFERRING.search(text) and _ELSEWHERE.search(text))


def names_columns(text: str) -> bool:
    """A row naming only the table's columns ("Periods | Finansējums, EUR", "Plānots |
    Faktiski"): no digit, no date, every word a column's name. No year's row."""
    words = re.findall(r"[^\W\d_]+", text)
    return (
        bool(words) and not re.search(r"\d", text) and all(HEADER_WORD.fullmatch(w) for w in words)
    )
