"""Latvian numbers, amounts and dates in the forms the reports write them.

Pure functions over strings: "54 000,00", "53 948, 50", "30 000.00", "2022.gada 15.jūlijs",
"2022. gada 28. februārī", "2022. g. 15. jūl.", "15.07.2022.", "20.10.2020. – 20.01.2021.",
"2019-07-01", "07/03/2020", "5. V 2022", "2020. gada martā – jūnijā".
No report structure.
"""

from __future__ import annotations

import datetime as dt
import functools
import itertools
import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.model import DatePrecision

#: A letter in a pattern: Python's `\w` is Unicode, so it holds "ā", "č", "ž"... (a digit and
#: "_" too: where they matter a pattern says so). One name for it, so that no pattern spells
#: out the Latvian letters again.
LETTER = r"\w"
#: Latvian's capital and small letters, for character classes where case matters.
UPPER = "A-ZĀČĒĢĪĶĻŅŠŪŽ"
LOWER = "a-zāčēģīķļņšūž"

# Month stems; the endings vary with case ("jūlijs", "jūlijā", "jūlija", "jūlijam").
_MONTH_STEMS = (
    "janvār",
    "februār",
    "mart",
    "aprīl",
    "maij",
    "jūnij",
    "jūlij",
    "august",
    "septembr",
    "oktobr",
    "novembr",
    "decembr",
)
MONTH = r"(?:janvār|februār|mart|aprīl|maij|jūnij|jūlij|august|septembr|oktobr|novembr|decembr)[a-zāēīū]{0,3}"
# The abbreviated names ("15. jūl.", "1. sept"), each with its month. An abbreviation is a
# month only after a year and a day ("2022. g. 15. jūl.", see _DAY_MONTH): alone, "dec" or
# "aug" may be anything. Another letter after one makes it a word of its own ("augstskola").
_MONTH_ABBREVIATIONS = {
    "jan": 1,
    "janv": 1,
    "feb": 2,
    "febr": 2,
    "mar": 3,
    "apr": 4,
    "jūn": 6,
    "jūl": 7,
    "aug": 8,
    "sep": 9,
    "sept": 9,
    "okt": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_ABBREVIATION = (
    "(?:" + "|".join(sorted(_MONTH_ABBREVIATIONS, key=len, reverse=True)) + r")(?:\.|(?!\w))"
)
#: A month after a day of a dated year: written out, or abbreviated.
_DAY_MONTH = f"(?:{MONTH}|{_MONTH_ABBREVIATION})"

# -- the number grammar ----------------------------------------------------------------------
# One table of the ways an amount is written; every reader of money uses AMOUNT and
# parse_amount, never a pattern of its own.
#: Characters that separate thousands by a space: a space, a no-break space, a narrow one, a
#: thin space and a figure space (typesetting tools and Word's "Insert symbol" write these two).
THOUSANDS_SPACES = " \u00a0\u202f\u2009\u2007"
# A soft hyphen between the groups ("24\u00ad000", a hint where a line may break) shows as
# no character at all: the digits on both sides are one number.
_SP = "[ \u00a0\u202f\u2009\u2007\u00ad]"
# After a digit, a space of these kinds glues one number: what follows it is a part of that
# number ("49\u2009000,00" whose thousands a reader failed to join), never an amount of its own.
# An ordinary space is left out: "5 000,00 4 950,00" are two amounts side by side.
_GLUED = "[\u00a0\u202f\u2009\u2007]"
AMOUNT_FORMS: tuple[tuple[str, str], ...] = (
    # "30 000.00": a decimal point after spaced thousands takes exactly two digits and no
    # space, so that "2022. 15" (a year, then a day) or "1 000.07.2023" stays out of it
    ("spaced thousands, decimal point", rf"\d{{1,3}}(?:{_SP}\d{{3}})+\.\d{{2}}(?!\.?\d)"),
    # "54 000,00", "54 000", "53 948, 50", "48 215 ,60" (a stray space on one side of the
    # comma, as a copied table leaves it)
    ("spaced thousands", rf"\d{{1,3}}(?:{_SP}\d{{3}})+(?:,[ ]?\d{{2}}|[ ],\d{{2}})?"),
    # "30.000,00": dots between thousands need the decimal comma, or it is a date
    ("dotted thousands", r"\d{1,3}(?:\.\d{3})+,\d{2}"),
    # "12500.00": a decimal point; a short one ("51.50") only before a currency word
    ("decimal point", r"\d{3,}\.\d{2}(?!\.?\d)|\d{1,2}\.\d{2}(?=\s*(?:euro|eur|eiro|€))"),
    # "1040,13", "1342,50", "12500"
    ("plain", r"\d+(?:,[ ]?\d{2}|[ ],\d{2}(?!\d))?(?!\.\d)"),
)
# Spaced thousands with a point decimal of other than two digits ("30 000.5", "2 015.07.2022")
# are no amount, and no part of them is one either: not "30 000", not "30".
_NOT_AN_AMOUNT = rf"\d{{1,3}}(?:{_SP}\d{{3}})+\.(?=\d)(?!\d{{2}}(?!\.?\d))"
# Pieces of numbers a converter broke or glued (narrow table cells wrapped: "45 / 000,00"
# and "44 / 520,00" read as "45 44 480,00" / "– 000,00 520,00"): digits after a short bare
# number and one space ("44 480,00" after "45 ") may be another cell's, and a group opening
# with a zero ("000,00") is the tail of one. Neither is an amount the report states.
# A number glued to a word is a footnote mark ("izlietots¹" as "izlietots1"), and one after
# "Nr." names an agreement or a row: neither is a piece of the amount after it. "00,00" is
# a zero as typed, no tail.
_NUMBERED = "".join(
    rf"(?<!{word}{digits} )"
    for word in (r"[Nn][Rr]\. ", r"[Nn][Rr]\.\u00a0", r"[Nn][Rr] ")
    for digits in (r"\d", r"\d\d")
)
_AFTER_SHORT_NUMBER = r"(?:(?<=[^\w,.]\d )|(?<=[^\w,.]\d\d )|(?<=^\d )|(?<=^\d\d ))" + _NUMBERED
_BROKEN_BEFORE = rf"(?!{_AFTER_SHORT_NUMBER})"
_BROKEN_TAIL = r"0(?!0,\d\d(?!\d))\d"
#: Where a text holds the tail of a broken number ("– 000,00 520,00"): decimals after a
#: leading zero that no digit stands before (not "1 \n040,13", an amount wrapped). A table
#: with one in it was read with its cells' lines mixed up.
BROKEN_NUMBER = re.compile(r"(?<![\w,.])(?<!\d\s)(?<!\d\s\s)0\d\d+,\d{2}(?!\d)")


def _amount(before: str) -> str:
    return (
        rf"(?<![\d,.])(?<!\d{_GLUED})(?<!\d\u00ad){before}(?!{_BROKEN_TAIL})(?!{_NOT_AN_AMOUNT})(?:"
        + "|".join(f"(?:{p})" for _, p in AMOUNT_FORMS)
        + r")(?![\d])(?!\u00ad\d)"
    )


AMOUNT = _amount(_BROKEN_BEFORE)
#: The currency words, any letter case: "euro", "EUR", "eiro", "€" (or none at all).
# A footnote's mark may follow the word ("euro¹"): Word's footnote references are read so.
CURRENCY = r"(?:euro|eur|eiro)(?!(?![¹²³⁴⁵⁶⁷⁸⁹⁰])\w)|€"
_AMOUNT_RE = re.compile(AMOUNT, re.I)
#: Money: an amount with its currency word, if it has one (groups `amount`, `currency`).
MONEY = rf"(?P<amount>{AMOUNT})(?:\s*(?P<currency>{CURRENCY}))?"


def is_money(m: re.Match[str]) -> bool:
    """Without a currency word, only an amount that cannot be anything else is money: one
    with decimals or grouped thousands ("2 447,00"), never a bare "2020" or "3"."""
    if m.group("currency"):
        return True
    if _percent_cell(m):
        return False  # "97,83 %" alone in a cell: a share (an "Izpilde, %" column), no money
    return bool(re.search(rf"[,.{THOUSANDS_SPACES}]", m.group("amount")))


def _percent_cell(m: re.Match[str]) -> bool:
    """Whether the amount is a percentage standing alone in a table cell (between tabs,
    pipes or line ends). In running text ("33 948,70 euro jeb 99,85 % no plānotā, t.sk.
    …") a share is left as it was, unread: the sentence around it is not read with
    certainty, so its year stays uncompared rather than compared on a guessed reading."""
    after = _PERCENT_AFTER.match(m.string, m.end())
    if after is None or not _CELL_END.match(m.string, after.end()):
        return False
    return bool(_CELL_START.search(m.string[: m.start()]))


_PERCENT_AFTER = re.compile(r"[ \u00a0\u202f]*%")
_CELL_END = re.compile(r"[ \u00a0\u202f]*(?:$|[\t|\n])")
_CELL_START = re.compile(r"(?:^|[\t|\n])[ \u00a0\u202f]*$")


# AMOUNT as it would be without the short number before it
_ANY_MONEY = re.compile(rf"(?P<amount>{_amount('')})(?:\s*(?P<currency>{CURRENCY}))?", re.I)


def maybe_broken_amounts(text: str) -> list[re.Match[str]]:
    """The money AMOUNT leaves unread for the short bare number before it: "1 50 000,00
    euro" is row 1's 50 000,00 to a reader, or 150 000,00 whose cells a converter broke
    ("45 44 480,00"). Which it is cannot be told, so a reader reports these unread."""
    return [
        m
        for m in _ANY_MONEY.finditer(text)
        if is_money(m) and not _AMOUNT_RE.match(text, m.start())
    ]


def signed_negative(text: str, amount_start: int) -> bool:
    """Whether the amount starting at `amount_start` in `text` is written negative: an
    overspend stated as a remainder below zero ("Atlikums: -340,00 euro"). AMOUNT has no
    sign, so a reader that took its digits alone would turn it into money left over.
    The minus sign itself ("− 340,00") says so; a hyphen does when it touches the digit and
    follows a word, a colon, "=", a bracket, or opens the text or a cell ("Atlikums: -340",
    "EUR -340", a cell "-340"). A hyphen with a space after it, or after a list's stop or
    semicolon ("t.sk. -36 785,82 euro …"), is a bullet; one after a digit joins a range.
    A cell holding only the amount in brackets or after a dash and a space is negative too
    (`_signed_cell`)."""
    head = text[:amount_start]
    if head.rstrip(" \u00a0").endswith("\u2212"):
        return True
    if _signed_cell(text, amount_start):
        return True
    if not head.endswith("-"):
        return False
    before = head[:-1].rstrip(" \u00a0")
    return not before or before[-1] in "\t:=(€" or before[-1].isalpha()


def _signed_cell(text: str, amount_start: int) -> bool:
    """Whether the amount is a cell of its own written negative the accountant's way:
    "(1 240,50)" in brackets, or "– 1 240,50" with a dash and a space. Only a cell that
    holds nothing else says so: in running text "(310,40 EUR)" is an aside and "– 310,40"
    a bullet; a cell starts the text or follows a tab, and ends it or a tab."""
    head = text[:amount_start].rstrip(" \u00a0")
    if not head:
        return False
    mark, before = head[-1], head[:-1].rstrip(" \u00a0")
    if mark not in "(" + DASHES or (before and before[-1] != "\t"):
        return False
    found = _AMOUNT_RE.match(text, amount_start)
    if found is None:
        return False
    close = r"[ \u00a0]*\)" if mark == "(" else ""
    tail = rf"(?:[ \u00a0]*(?:{CURRENCY}))?{close}[ \u00a0]*(?:\t|$)"
    return re.match(tail, text[found.end() :], re.I) is not None


# An amount as AMOUNT finds it, whole: spaces only between groups of three or after a
# decimal comma, so that "2022. 15" is never 2022.15.
_WHOLE_AMOUNT = re.compile(
    rf"\d{{1,3}}(?:{_SP}\d{{3}})+(?:,[ ]?\d{{2}}|[ ],\d{{2}}|\.\d{{2}})?"
    r"|\d{1,3}(?:\.\d{3})+,\d{2}|\d+\.\d{2}|\d+(?:,[ ]?\d{2}|[ ],\d{2})?"
)


def parse_amount(text: str) -> Decimal:
    """'54 000,00' -> 54000.00; '53 948, 50' -> 53948.50; '48 215 ,60' -> 48215.60;
    '30.000,00' -> 30000.00;
    '12500.00' -> 12500.00; '30 000.00' -> 30000.00; '12 500' -> 12500."""
    stripped = text.strip()
    if not _WHOLE_AMOUNT.fullmatch(stripped):
        raise ValueError(f"not an amount: {text!r}")
    compact = re.sub(_SP, "", stripped)
    if "," in compact:
        # the comma is the decimal sign, so any point groups thousands
        compact = compact.replace(".", "").replace(",", ".")
    return Decimal(compact)


def month_number(word: str) -> int:
    """'jūlijā' -> 7, 'Jūl.' -> 7, 'marts' -> 3, 'sept' -> 9."""
    lowered = word.lower()
    abbreviated = _MONTH_ABBREVIATIONS.get(lowered.removesuffix("."))
    if abbreviated is not None:
        return abbreviated
    for number, stem in enumerate(_MONTH_STEMS, start=1):
        if lowered.startswith(stem):
            return number
    raise ValueError(f"not a month: {word!r}")


def _year(text: str) -> int:
    value = int(text)
    return value + 2000 if len(text) == 2 else value


# -- the date grammar ------------------------------------------------------------------------
#: Every dash a report writes between two dates or days: hyphen, non-breaking hyphen, en, em.
DASHES = "-\u2011\u2013\u2014"
_DASH = f"[{DASHES}]"
# "2022.gada 15.jūlijs", "2022. gada 28. februārī", "2019. g. 1. jūlijā", "2022. g. 15. jūl."
_LONG = r"(?P<ly>\d{4})\.\s?(?:gada|g\.)\s*(?P<ld>\d{1,2})\.\s?(?P<lm>" + _DAY_MONTH + r")"
# "2019. gada 6.–10. decembrī": a day range with its month and year written out
_LONG_RANGE = (
    r"(?P<gy>\d{4})\.\s?(?:gada|g\.)\s*(?P<gd1>\d{1,2})\.\s?"
    + _DASH
    + r"\s?(?P<gd2>\d{1,2})\.\s?(?P<gm>"
    + _DAY_MONTH
    + ")"
)
# "15.07.2022.", "1.7.2019", "10.01.21." (two-digit years are this century's)
_NUMERIC = r"(?<![\d.])(?P<nd>\d{1,2})\.(?P<nm>\d{1,2})\.(?P<ny>\d{4}|\d{2})(?!\d)\.?"
# "19.-23.12.20.", "20.–22.08.2021." (a range's first day lacks its month)
_DAY_RANGE = (
    rf"(?<![\d.])(?P<rd1>\d{{1,2}})\.\s?{_DASH}\s?(?P<rd2>\d{{1,2}})\.(?P<rm>\d{{1,2}})\."
    r"(?P<ry>\d{4}|\d{2})(?!\d)\.?"
)
# "2019-07-01" (ISO 8601), as a form or a spreadsheet writes it: four digits of a year of
# 1900-2099, two of a month and two of a day, nothing else of digits or points around it,
# so that no amount, telephone or registration number is one.
_ISO = (
    r"(?<![\w.,/])(?<![^\W\d_]-)(?P<iy>(?:19|20)\d\d)-(?P<im>[01]\d)-(?P<id>[0-3]\d)"
    r"(?![\w]|[.,/]\d|-\d{1,3}(?!\d))"
)
# After a word that numbers what follows ("līgums Nr. 2022-11-03", "reģ. Nr.", "tālr."), a
# number of that form is the document's or the line's number, no date; so is one inside a
# longer code ("LV-2022-11-03", "2022-11-03-1"), which the pattern above leaves out.
_ISO_NUMBERED = re.compile(
    r"(?<![^\W\d_])(?:(?:nr|reģ|reg|tālr|tel|kods|id|līgum\w*|lēmum\w*|rīkojum\w*)\.?|no\.)"
    r"(?:\s*nr\.?)?\s*$",
    re.I,
)
# "07/03/2020": a day, a month and a year parted by slashes, as Latvian typists write them:
# always the day first (never the American month first), so "12/03/2020" is 12 March and
# "03/25/2020" no date at all. Only with all three parts and a year of four digits: "1/2",
# "2/3 dalībnieku" and "Nr. 12/2021" are a fraction, a share and a document's number.
_SLASHED = (
    r"(?<![\w./,-])(?P<sd>\d{1,2})/(?P<sm>\d{1,2})/(?P<sy>(?:19|20)\d\d)"
    r"(?![\w/]|[.,]\d)\.?"
)
# "5. V 2022", "12. XI 2021.", "5.V.2022": the month as an upper-case Roman numeral between
# the day and the year. The numeral alone is never a month ("I daļa", "V gads"); only a day
# before it and a year of four digits after it make it one.
_ROMAN_MONTHS = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII")
_ROMAN_MONTH = "(?-i:" + "|".join(sorted(_ROMAN_MONTHS, key=len, reverse=True)) + ")"
_ROMAN_DATE = (
    rf"(?<![\w.,/])(?P<rmd>\d{{1,2}})\.[ \u00a0]?(?P<rmm>{_ROMAN_MONTH})(?:\.[ \u00a0]?|[ \u00a0])"
    r"(?P<rmy>(?:19|20)\d\d)(?![\w/]|[.,]\d)\.?"
)
# "2023. gada martā", "2024. g. martā"; "2020. gada martā – jūnijā", a range of months of
# one year (a later month: "novembrī – februārī" would be the next year, which is not said)
_MONTH_ONLY = r"(?P<my>\d{4})\.\s?(?:gada|g\.)\s+(?P<mm>" + MONTH + r")(?![\w])"
_TO_MONTH = re.compile(rf"\s*(?:{_DASH}|līdz)\s*(?P<to>{MONTH})(?![\w])", re.I)
# Dates written without a year ("6.–10. decembrī", "16. un 23.10") are left as text: the
# year is never guessed.

DATE = re.compile(
    f"{_LONG}|{_LONG_RANGE}|{_DAY_RANGE}|{_NUMERIC}|{_ISO}|{_SLASHED}|{_ROMAN_DATE}|{_MONTH_ONLY}",
    re.I,
)


@dataclass(frozen=True, slots=True)
class FoundDate:
    start: dt.date
    end: dt.date | None
    precision: DatePrecision
    begin: int  # match position in the searched string
    stop: int


def _valid(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _from_match(m: re.Match[str]) -> FoundDate | None:
    g = m.groupdict()
    if g["ly"]:
        date = _valid(int(g["ly"]), month_number(g["lm"]), int(g["ld"]))
        return FoundDate(date, None, DatePrecision.DAY, m.start(), m.end()) if date else None
    if g["gy"]:
        year, month = int(g["gy"]), month_number(g["gm"])
        first, last = _valid(year, month, int(g["gd1"])), _valid(year, month, int(g["gd2"]))
        return (
            FoundDate(first, last, DatePrecision.DAY, m.start(), m.end())
            if first and last
            else None
        )
    if g["rd1"]:
        year, month = _year(g["ry"]), int(g["rm"])
        first, last = _valid(year, month, int(g["rd1"])), _valid(year, month, int(g["rd2"]))
        if first and last:
            return FoundDate(first, last, DatePrecision.DAY, m.start(), m.end())
        return None
    if g["nd"]:
        date = _valid(_year(g["ny"]), int(g["nm"]), int(g["nd"]))
        return FoundDate(date, None, DatePrecision.DAY, m.start(), m.end()) if date else None
    if g["iy"]:
        if _ISO_NUMBERED.search(m.string, max(0, m.start() - 30), m.start()):
            return None
        date = _valid(int(g["iy"]), int(g["im"]), int(g["id"]))
        return FoundDate(date, None, DatePrecision.DAY, m.start(), m.end()) if date else None
    if g["sd"] or g["rmd"]:
        # a slashed number after "Nr." or the like is the document's number, no date
        if g["sd"] and _ISO_NUMBERED.search(m.string, max(0, m.start() - 30), m.start()):
            return None
        written: tuple[str, int, str] = (
            (g["sd"], int(g["sm"]), g["sy"])
            if g["sd"]
            else (g["rmd"], _ROMAN_MONTHS.index(g["rmm"]) + 1, g["rmy"])
        )
        date = _valid(int(written[2]), written[1], int(written[0]))
        return FoundDate(date, None, DatePrecision.DAY, m.start(), m.end()) if date else None
    month_start = _valid(int(g["my"]), month_number(g["mm"]), 1)
    if month_start is None:
        return None
    to = _TO_MONTH.match(m.string, m.end())
    if to is not None and month_number(to.group("to")) > month_start.month:
        last = month_start.replace(month=month_number(to.group("to")))
        return FoundDate(month_start, last, DatePrecision.MONTH, m.start(), to.end())
    return FoundDate(month_start, None, DatePrecision.MONTH, m.start(), m.end())


def find_dates(text: str) -> list[FoundDate]:
    """Every full date, day range or month written in `text`, in order."""
    found = (_from_match(m) for m in DATE.finditer(text))
    return [f for f in found if f is not None]


def parse_date(text: str) -> dt.date:
    """One whole date, any of the day-precision forms."""
    found = find_dates(text)
    if len(found) != 1 or found[0].precision is not DatePrecision.DAY or found[0].end:
        raise ValueError(f"not a date: {text!r}")
    return found[0].start


_PERIOD_SEP = re.compile(rf"^\s*(?:{_DASH}|līdz)\s*$", re.I)


@dataclass(frozen=True, slots=True)
class FoundPeriod:
    start: dt.date | None
    end: dt.date | None
    begin: int
    stop: int


def find_period(text: str) -> FoundPeriod | None:
    """The first 'DATE – DATE' or 'DATE līdz DATE' in `text`."""
    days = [d for d in find_dates(text) if d.precision is DatePrecision.DAY and d.end is None]
    for first, second in itertools.pairwise(days):
        if _PERIOD_SEP.match(text[first.stop : second.begin]):
            return FoundPeriod(first.start, second.start, first.begin, second.stop)
    return None


def _unnamed(pattern: str) -> str:
    return re.sub(r"\(\?P<\w+>", "(?:", pattern)


#: A day-precision date as a pattern without groups, to be embedded in other grammars.
DATE_TEXT = (
    "(?:"
    + "|".join(_unnamed(p) for p in (_LONG, _DAY_RANGE, _NUMERIC, _ISO, _SLASHED, _ROMAN_DATE))
    + ")"
)
#: A date range as a pattern: "DATE – DATE", "DATE līdz DATE", any dash, spaced or not.
PERIOD_TEXT = rf"{DATE_TEXT}\s*(?:{_DASH}|līdz)\s*{DATE_TEXT}"


# -- numbers written in words ----------------------------------------------------------------
# The stems of 1-9 as they head a compound ("divpadsmit", "trīsdesmit", "piecsimt"); alone,
# a unit takes a case ending ("divas", "divām", "četri"), and 3 is "trīs" or "trij-".
_UNIT_STEMS = ("vien", "div", "trīs", "četr", "piec", "seš", "septiņ", "astoņ", "deviņ")
_UNIT_ENDING = r"(?:s|a|i|as|u|us|am|ai|ā|iem|ām|os|ās)"  # "divus", "piecus": accusative
_THREE = re.compile(r"trīs|trij(?:u|iem|ām|os|ās)")
# A number is its words largest first: hundreds, then tens and a unit, or a teen.
_ORDER = re.compile(r"H?(?:T?U?|E)")


def _unit(word: str) -> int | None:
    if _THREE.fullmatch(word):
        return 3
    for value, stem in enumerate(_UNIT_STEMS, start=1):
        if value != 3 and re.fullmatch(stem + _UNIT_ENDING, word):
            return value
    return None


@functools.lru_cache(maxsize=4096)  # a report's words repeat; each was tried on every pattern
def _word_value(word: str) -> tuple[int, str] | None:
    """One number word as its value and its place: H hundreds, T tens, E teens, U units."""
    for suffix, place in (("simt(?:s|u|i)?", "H"), ("desmit", "T"), ("padsmit", "E")):
        m = re.fullmatch(rf"(\w*?){suffix}", word)
        if m is None:
            continue
        head = m.group(1)
        if not head:
            return ({"H": 100, "T": 10}[place], place) if place != "E" else None
        if head not in _UNIT_STEMS or (place == "T" and head == "vien"):
            return None
        n = _UNIT_STEMS.index(head) + 1
        return {"H": n * 100, "T": n * 10, "E": 10 + n}[place], place
    unit = _unit(word)
    return (unit, "U") if unit is not None else None


def number_in_words(text: str) -> int | None:
    """'divpadsmit' -> 12, 'divdesmit pieci' -> 25, 'simt divdesmit' -> 120, 'divas' -> 2;
    None unless all of `text` is one number in words."""
    found = [_word_value(w) for w in text.lower().split()]
    if not found or any(f is None for f in found):
        return None
    values = [f for f in found if f is not None]
    places = "".join(place for _, place in values)
    if not _ORDER.fullmatch(places) or ((10, "T") in values and places.endswith("TU")):
        return None  # eleven is "vienpadsmit", never "desmit viens"
    return sum(v for v, _ in values)
