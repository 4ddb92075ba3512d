"""The words of the funding section: how an amount, a statement ("Plānots", "Faktiski",
"Atlikums"), a purpose and a row key are written. One table per concept; `funding.py` reads
the statements with them. A word typed without its diacritics ("Planotais finansejums",
"parcelts uz nakamo periodu") is the same word (`diacritics.either_form`), its text kept as
written; a year's word is not folded, as "gadā" (in the year) and "gada" (of the year) differ.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.model import AmountRole, Purpose
from pipeline.parse.diacritics import either_form, fold
from pipeline.parse.funding_money import AMOUNT_IN_WORDS as AMOUNT_IN_WORDS
from pipeline.parse.funding_money import thousands_value
from pipeline.parse.headings import FOOTNOTE_MARK, ORDINAL_WORDS
from pipeline.parse.latvian import AMOUNT, CURRENCY, LETTER, PERIOD_TEXT, is_money, parse_amount

# An implementation year's numeral as a row key: Roman, Arabic or an ordinal word
# ("PIRMAIS", "otrais"), the word whole.
_NUMERAL = r"[IVX]{1,4}|[1-8]|(?:" + "|".join(ORDINAL_WORDS) + rf")(?![{LETTER}])"
NUMERAL = _NUMERAL
# Whole euros written with a dash for the cents ("EUR 24 000,-"): the dash is part of the
# amount as written, so that it is not left to start the words after it.
_WHOLE = r"(?:,-(?![\d-]))?"
# Money with its currency word first ("EUR 12.50", "EUR 100") is money too: the word says
# so, as it does after the amount. A short decimal-point amount ("12.50") is money only
# after such a word, as it is only before one in AMOUNT. The word and its amount share a
# cell: across a tab ("…, EUR<TAB>2023") the number is the next cell's, not this word's,
# and a word after a tab ("2015<TAB>EUR 18 000") is the next cell's, not this number's.
# A footnote's mark right after an amount ("30 000,00⁴ euro", "30 000,00* euro"): no part
# of the amount, nor does it end the amount's words.
_FOOTNOTE_MARK = r"(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]{1,3}|\*{1,3})(?=[\s.,;:)]|$)"
# Lati, the money before 2014 ("12 000,00 latu", "8 000,00 LVL", "Ls 150,00"), are written
# where euro are: their word ends or opens an amount as the euro's does (which money each
# amount is, `currencies.py` tells).
LATS_WORD = rf"(?:Ls|LVL|lat(?:i|u|os|iem|s))(?![{LETTER}])"
MONEY_WORD = rf"(?:{CURRENCY})|{LATS_WORD}"
MONEY_IN_TEXT = re.compile(
    rf"(?:(?<![{LETTER}])(?P<prefix>{MONEY_WORD})[ \u00a0]*)?(?(prefix)-?[ \u00a0]*|-?\s*)"
    rf"(?P<amount>{AMOUNT}{_WHOLE}|(?(prefix)(?<![\d,.])\d{{1,2}}\.\d{{2}}(?![\d.])|(?!)))"
    rf"(?:{_FOOTNOTE_MARK})?(?:[^\S\t]*(?P<currency>{MONEY_WORD}))?",
    re.I,
)


@dataclass(frozen=True, slots=True)
class PlanSum:
    """A planned total written as its parts: "7 500,00 EUR + 350,00 EUR atlikums (kopā
    7 850,00 EUR)", "45 000,00 EUR + 587,60 EUR pārceltais atlikums no 2022. gada"."""

    carried: re.Match[str]  # the amount added to the year's own, money carried in
    words: tuple[int, int]  # the words naming it ("pārceltais atlikums no 2022. gada")
    total: re.Match[str] | None  # the sum written after them, if it is ("kopā 7 850,00")
    end: int  # where the form ends


# The words after an amount added to the plan end at a clause's end, at a statement word,
# or at the next amount (a year, "no 2022. gada", is no amount).
_ADDED_WORDS_END = re.compile(
    either_form(
        rf"[(),;+=]|t\.\s?sk|(?<![{LETTER}])kopā|(?<![{LETTER}])(?:Plānots|Faktiski|Izlietots)"
    )
    + rf"|(?:{AMOUNT})(?!\.?\s*g(?:ad|\.))",
    re.I,
)


def plan_sum(s: str, pos: int) -> PlanSum | None:
    """The form at `pos`, right after the planned total's first part, if it is there: a
    "+", an amount with words naming money carried or left over ("atlikums", "pārceltais")
    after it or before it ("+ pārceltie 2 000,00 euro"), and perhaps the sum "(kopā …)",
    ", kopā …" or "= …"."""
    plus = re.compile(r"\s*\+\s*").match(s, pos)
    before = _CARRIED_WORDS_BEFORE.match(s, plus.end()) if plus else None
    carried = MONEY_IN_TEXT.match(s, before.end() if before else plus.end()) if plus else None
    if carried is None:
        return None
    if before is not None and counts_as_money(carried):
        # its words name it, as a currency word would
        words_end = carried.end()
        return _plan_total(s, carried, (before.start(), before.end()), words_end)
    if before is not None or not (carried.group("prefix") or carried.group("currency")):
        return None
    stop = _ADDED_WORDS_END.search(s, carried.end())
    words_end = stop.start() if stop else len(s)
    words = s[carried.end() : words_end]
    if not re.search(either_form(r"atlikum|pārcelt|saņemt"), words, re.I):
        return None
    words_end = carried.end() + len(words.rstrip())
    return _plan_total(s, carried, (carried.end(), words_end), words_end)


# The words naming the added amount written before it: "+ pārceltie 2 000,00 euro",
# "+ atlikums no I. gada 500,00 EUR".
_CARRIED_WORDS_BEFORE = re.compile(
    either_form(
        rf"(?:pārcelt[{LETTER}]*(?:\s+(?:atlikum|finansējum|līdzekļ)[{LETTER}]*)?|atlikum[{LETTER}]*)"
        rf"(?:\s+no\s+(?:[IVX]{{1,4}}\.?\s*|\d{{4}}\.?\s*|[{LETTER}]+\s+)(?:īstenošanas\s+)?"
        rf"(?:gad|period)[{LETTER}]*)?[ \u00a0:]*"
    ),
    re.I,
)


def _plan_total(s: str, carried: re.Match[str], words: tuple[int, int], words_end: int) -> PlanSum:
    """The form with the sum written after it, if it is."""
    opening = re.compile(either_form(r"\s*\(\s*kopā:?\s*|\s*,?\s*(?:kopā:?|=)\s*"), re.I).match(
        s, words_end
    )
    total = MONEY_IN_TEXT.match(s, opening.end()) if opening else None
    if opening is None or total is None:
        return PlanSum(carried, words, None, words_end)
    end = total.end()
    if "(" in opening.group(0):
        closing = re.compile(r"\s*\)").match(s, end)
        if closing is None:
            return PlanSum(carried, words, None, words_end)
        end = closing.end()
    return PlanSum(carried, words, total, end)


# The words that deny a grant: "Finansējums netika piešķirts un izlietots (0,00 euro)".
NOT_GRANTED = re.compile(
    either_form(
        rf"(?<![{LETTER}])(?:netika|nav|netiek)\s+piešķirt[{LETTER}]*"
        rf"(?P<spent>\s+(?:un|,)\s+(?:(?:netika|nav)\s+)?izlietot[{LETTER}]*)?\s*[:(]?\s*$"
    ),
    re.I,
)


def amount_value(text: str) -> Decimal:
    """The value of an amount as MONEY_IN_TEXT or THOUSANDS reads it: "24 000,-" is
    24 000,00, "24,3 tūkst." 24 300."""
    thousands = thousands_value(text)
    return thousands if thousands is not None else parse_amount(text.removesuffix(",-"))


# A statement word right after an amount: "(100,00 euro atlikums atgriezts KM)".
REMAINDER_AFTER = re.compile(
    rf"\s*(?:(?:{CURRENCY})\s*)?(?:atlikum|neizmantot|neizlietot)[{LETTER}]*(?![{LETTER}])",
    re.I,
)
# A table's header row names only its columns ("Periods | Plānots | Faktiski | Atlikums").
HEADER_WORD = re.compile(
    either_form(
        r"period\w*|gad\w*|īstenošan\w*|laik\w*|posm\w*|plānot\w*|faktisk\w*|izlietot\w*"
        r"|piešķirt\w*|atlikum\w*|neizmantot\w*|neizlietot\w*|finansējum\w*|summ\w*|mērķ\w*"
        r"|piezīm\w*|valst\w*|budžet\w*|kopā|un|pa|eur|euro|eiro|nr"
    ),
    re.I,
)
# A calendar year's row, perhaps with the part of the year it covers: "2024. gads",
# "2023. gads¹" (a footnote's mark after it),
# "2025. gads (1.01.–28.02.2025.)".
# "2023. gads (01.01.2023.–31.12.2023.)"; "2023. gads (I. īstenošanas gads)": the calendar
# year with the implementation year it was.
CALENDAR_YEAR = re.compile(
    rf"^\s*(\d{{4}})\.\s?gad[sā]{FOOTNOTE_MARK}\s*(?:\((?:\s*(?P<n>{_NUMERAL})\.?\s*(?:īstenošanas\s+)?"
    rf"gads\s*|(?P<range>[^()]*\d[^()]*))\)\.?\s*)?$",
    re.I,
)
# A calendar year opening a paragraph, as a row's key: "2023. gads", "2023. gads (1.03.–…)".
CALENDAR_KEY = re.compile(
    rf"[\s\ue000]*(?P<key>\d{{4}}\.\s?gad[sā]{FOOTNOTE_MARK}(?!\w)"
    r"(?:\s*\([^()]*\d[^()]*\))?)"
    r"[\s:.]*",
    re.I,
)
# A paragraph of a cell that opens with a year: an ordinal, a calendar year or a range.
_YEAR_PARAGRAPH = re.compile(
    rf"(?<=[\x0b\ue000])[ \u00a0\x0b\ue000]*(?=(?:{_NUMERAL})\.?\s*(?:īstenošanas\s+)?"
    rf"gads(?![{LETTER}])|\d{{4}}\.\s?gad[sā](?![{LETTER}])|{PERIOD_TEXT})",
    re.I,
)


def year_paragraphs(cell: str) -> list[int]:
    """Where paragraphs naming a year start in a cell, each after money of the year before
    it (a range right under "I. īstenošanas gads" names the same year)."""
    starts, last = [], 0
    for m in _YEAR_PARAGRAPH.finditer(cell):
        before = cell[last : m.start()]
        if any(counts_as_money(d) for d in MONEY_IN_TEXT.finditer(before)):
            starts.append(m.start())
            last = m.start()
    return starts


# The range of that part with its year written once, at its end: "1.03.–31.12.2022.".
_SHORT_RANGE = re.compile(
    r"\s*(\d{1,2})\.\s?(\d{1,2})\.?\s*[-–—]\s*(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4})\.?\s*"
)


def short_range(text: str) -> tuple[dt.date, dt.date] | None:
    """The dates of "1.03.–31.12.2022." (the start's year is the end's); None when the
    text is not such a range or names no real day."""
    found = _SHORT_RANGE.fullmatch(text)
    if found is None:
        return None
    d1, m1, d2, m2, year = (int(g) for g in found.groups())
    try:
        start, end = dt.date(year, m1, d1), dt.date(year, m2, d2)
    except ValueError:
        return None
    return (start, end) if start <= end else None


# A row keyed by its implementation year: "I. īstenošanas gads", "2. gads", "III gads",
# "PIRMAIS GADS", "Otrais īstenošanas gads".
ORDINAL_ROW = re.compile(
    either_form(rf"^\s*(?P<n>{_NUMERAL})\.?\s*(?:īstenošanas\s+)?gads(?![{LETTER}])[\s:.]*"), re.I
)
PERIOD_RANGE = re.compile(PERIOD_TEXT, re.I)
# The words that open a statement. "Izlietots" (spent) is the actual column's other name;
# "neizlietotais" (unspent), like "neizmantotais" (unused), opens a remainder, never the
# actual its letters contain.
# "Plānotais finansējums bija 40 000 EUR" (the planned funding was) is the planned statement
# in a sentence; the adjective alone ("plānotās aktivitātes", "no plānotajiem") opens none.
NEW_STATEMENT = re.compile(
    either_form(
        r"(?<!\w)(?:Plānots|Faktiski|Izlietots|Atlikums"
        r"|plānot(?:ais|ā)\s+(?:finansējums|summa|budžets|apjoms)(?!\w)"
        r"|neizmantot\w*|neizlietot\w*)"
    ),
    re.I,
)
# A statement word and its words before an amount: "atlikums ", "neizmantotais finansējums:".
_STATEMENT_BEFORE = re.compile(rf"(?:{NEW_STATEMENT.pattern})[{LETTER}\s:–-]*$", re.I)


def bare_whole_euros(m: re.Match[str], lead: str) -> bool | None:
    """Whole euros with a dash and no currency word ("atlikums 350,-"): money right after a
    statement word (True); elsewhere in a funding statement likely money, never read for
    sure (False). None for any other amount."""
    if not m.group("amount").endswith(",-") or m.group("prefix") or m.group("currency"):
        return None
    return bool(_STATEMENT_BEFORE.search(lead))


def sum_parts(s: str, pos: int) -> list[re.Match[str]]:
    """The amounts added after `pos`, the end of a sum's first part: "+ 18 000,00 EUR"."""
    parts: list[re.Match[str]] = []
    while (plus := re.compile(r"\s*\+\s*").match(s, parts[-1].end() if parts else pos)) and (
        nxt := MONEY_IN_TEXT.match(s, plus.end())
    ):
        parts.append(nxt)
    return parts


TEXT_KEY = re.compile(
    rf"{PERIOD_TEXT}|"
    + either_form(rf"(?<![\w.])(?:{_NUMERAL})\.?\s*(?:īstenošanas\s+)?gads(?!\w)"),
    re.I,
)
# Amounts in millions ("1,2 milj. euro") are not read: they are reported. Thousands are
# found as money (THOUSANDS), so that they too are reported, not lost.
ABBREVIATED = re.compile(rf"(?<![\d,.])\d+(?:[.,]\d+)?\s*milj\w*\.?\s*(?:{CURRENCY})", re.I)
# "t.sk." (including) opens a total's lines: after a comma, a colon or inside a parenthesis.
# "no tiem 27 000,00 EUR …" (of which) does too, before an amount; "no kuriem izlietoti"
# names the next statement instead.
# A footnote's mark may stand after the currency ("41 236,75 euro¹, t.sk. …"), as a Word
# footnote reference is read.
INCLUDING = re.compile(
    rf"\s*(?:{CURRENCY})?[¹²³⁴⁵⁶⁷⁸⁹⁰]*[\s,:(]*(?:t\.\s?sk|tai\s+skait[āa]"
    rf"|no\s+(?:tiem|tām)(?=\s*(?:(?:{CURRENCY})\s*)?\d))",
    re.I,
)
# "ieskaitot" (including) before an amount, in the actual's parenthesis: "(ieskaitot no I.
# īstenošanas gada pārcelto atlikumu €785,70)".
INCLUDED = re.compile(either_form(rf"(?<![{LETTER}])(?:ieskaitot|iekļaujot)\s"), re.I)
# A table row's first cell naming the row's role, perhaps after its dates: "15.07.2023–
# 14.07.2024 plānots", "Faktiski:".
ROLE_LEAD = re.compile(
    rf"\s*(?P<period>{PERIOD_TEXT})?\s*(?P<role>pl[āa]nots|faktiski|izlietots)\s*:?\s*", re.I
)
# A row or a column of the sum over the years: "Kopā", "Kopā faktiski", "Kopā:".
TOTAL_ROW = re.compile(
    either_form(r"\s*kopā(?!\w)(?:\s+(?:faktiski|plānots|eur|euro))?.*"), re.I | re.S
)
# A total over the years written after them in running text: "Kopā faktiski 97 880,00 EUR".
OVER_YEARS = re.compile(
    either_form(r"(?<!\w)kopā\s*:?\s*(?P<role>plānots|faktiski|izlietots)\s*:?\s*$"),
    re.I,
)
# The statement verbs of a sentence, in the number and gender of their subject: "piešķirti
# 45 000 EUR" (granted, the plan where no plan is written), "izlietoti" (spent), "Plānoti".
# "piešķirtā finansējuma" (of the granted funding) only refers to the plan.
STATEMENT_VERB = re.compile(
    either_form(rf"(?<![{LETTER}])(?:plānot|izlietot|piešķirt)(?:s|i|a|as)(?![{LETTER}])"), re.I
)
_ROLES = {
    "piešķirts": AmountRole.PLANNED,
    "plānots": AmountRole.PLANNED,
    "faktiski": AmountRole.ACTUAL,
    "izlietots": AmountRole.ACTUAL,
}
# each word also as typed without its diacritics ("planots", "pieskirts")
STATEMENT_ROLE = {**_ROLES, **{fold(word): role for word, role in _ROLES.items()}}


def purpose_of(text: str) -> Purpose | None:
    """The purpose a funding line names, in any of its wordings ("pilsoniskās sabiedrības
    attīstībai ...", "pils.sab.", "mazākumtautību NVO ...", "MT NVO"); None when it names
    neither (then the line is reported, not guessed)."""
    found = purpose_words(text)
    if found is None:
        return None
    return Purpose.MINORITY_NGOS if found.re is _MINORITY else Purpose.CIVIL_SOCIETY


def purpose_words(text: str) -> re.Match[str] | None:
    """The words `purpose_of` tells the purpose by: the first naming either."""
    found = [m for m in (_MINORITY.search(text), _CIVIL.search(text)) if m is not None]
    return min(found, key=lambda m: m.start()) if found else None


def names_both_purposes(text: str) -> bool:
    """Whether a label names both purposes ("pilsoniskās sabiedrības un mazākumtautību NVO
    attīstībai"): their sum, no line of either."""
    return bool(_CIVIL.search(text) and _MINORITY.search(text))


_CIVIL = re.compile(r"pilsonisk\w*\s+sabiedr|pils\.\s*sab", re.I)
_MINORITY = re.compile(either_form(r"mazākumtautīb|(?<!\w)mt\s*nvo"), re.I)


def counts_as_money(m: re.Match[str]) -> bool:
    """A currency word before the amount makes it money as one after it does; a year after
    one ("EUR 2021. gadā", "EUR 2021") stays a year. Whole euros ("24 000,-") need a
    currency word or grouped thousands: the comma of "5,-" says nothing."""
    amount = m.group("amount")
    if amount.endswith(",-") and not (m.group("prefix") or m.group("currency")):
        return bool(re.search(r"\d[ \u00a0]\d", amount))
    if m.group("prefix") and not m.group("currency"):
        if re.fullmatch(r"\d{4}", amount) and 1900 <= int(amount) <= 2100:
            return False  # "EUR 2021": a year, as a whole number of euro it would be a guess
        return not re.match(r"\.?\s*g(?:ad|\.)", m.string[m.end() :], re.I) or bool(
            re.search(r"[,.\s]", amount)
        )
    if re.search(r"t[ūu]kst", amount, re.I):
        return True  # THOUSANDS: the currency word is part of the form
    return is_money(m)
