"""The words naming money carried between years: received from the year before (carried
in: "no iepriekšējā gada pārceltais atlikums", "1 382,62 euro atlikums no II. gada") or
moved on to the next (carried over: "pārcelts uz nākamo gadu", "uz nākamo gadu pārcelto
atlikumu"). The statement reader (`funding_statements.py`) asks them of each amount.
"""

from __future__ import annotations

import re

from pipeline.parse.diacritics import either_form
from pipeline.parse.latvian import AMOUNT, CURRENCY, LETTER

# An implementation year in words: "no pirmā gada", "otrajā īstenošanas gadā".
_ORDINAL_WORD = rf"(?<![{LETTER}])(?:pirm|otr|treš|ceturt|piekt|sest|septīt|astot)[{LETTER}]*"
# Money received from the previous period, named right beside the amount. The previous
# period is the year before ("no iepriekšējā gada", "no I. īstenošanas gada"); "atlikums
# no piešķirtā finansējuma" is the remainder OF the granted money, this year's. A mere
# "iepriekšējā gadā" elsewhere in the text ("iepriekšējā gadā noslēgtajam līgumam",
# "iepriekšējā gadā uzsāktajiem projektiem") says nothing about the amount.
_PREVIOUS = (
    rf"(?:iepriekšēj[{LETTER}]*\s+(?:gad|period)[{LETTER}]*"
    rf"|(?:(?:[IVX]{{1,4}}|[1-8])\.?|{_ORDINAL_WORD})\s*(?:īstenošanas\s+)?gad[{LETTER}]*)"
)
_CARRY_NOUN = rf"(?:pārcelt|saņemt)[{LETTER}]*\s+(?:atlikum|finansējum)[{LETTER}]*"
# Before the amount: "… un no iepriekšējā gada pārceltais atlikums 1 234,57 EUR",
# "atlikums no I. īstenošanas gada: 500,00 euro", "iepriekšējā gada atlikums 500,00 euro".
# "(papildus pārceltie 487,65 EUR)": money carried "in addition" to the plan is received,
# its noun left out.
CARRY_IN_BEFORE = re.compile(
    either_form(
        rf"(?<![{LETTER}])(?:(?:no\s+{_PREVIOUS}\s+)?{_CARRY_NOUN}(?:\s+no\s+{_PREVIOUS})?"
        rf"|atlikum[{LETTER}]*\s+no\s+{_PREVIOUS}|{_PREVIOUS}\s+atlikum[{LETTER}]*"
        rf"|papildus\s+(?:no\s+{_PREVIOUS}\s+)?pārcelt[{LETTER}]*)"
        r"\s*(?:[:–-]\s*)?$"
    ),
    re.I,
)
# After the amount and its currency word: "1 382,62 euro atlikums no II. īstenošanas gada",
# "2 447,00 euro pārceltais finansējums no iepriekšējā gada", "2 447,00 euro pārceltais".
# "1 200 EUR pārcelti no pirmā gada" (moved from year one) is carried in as well; moved
# "uz" (to) a year it is carried over.
CARRY_IN_AFTER = re.compile(
    either_form(
        rf"\s*(?:(?:{CURRENCY})\s*)?(?:(?:no\s+(?:{_PREVIOUS}|\d{{4}}\.?\s*gad[{LETTER}]*)\s+)?{_CARRY_NOUN}"
        rf"|atlikum[{LETTER}]*\s+no\s+(?:{_PREVIOUS}|\d{{4}}\.?\s*gad[{LETTER}]*)"
        rf"|pārcelt(?:ais|ā|o|ie|ās)(?![{LETTER}])"
        rf"|pārcelt[{LETTER}]*\s+no\s+(?:{_PREVIOUS}|\d{{4}}\.?\s*gad[{LETTER}]*))"
    ),
    re.I,
)


def carried_words_end(right: str) -> int:
    """Where the words naming an amount carried in end ("587,60 EUR pārceltais atlikums no
    2022. gada"): their "atlikums" said what that amount is, and must not open a remainder
    for the amounts after it."""
    found = CARRY_IN_AFTER.match(right)
    if found is None:
        return 0
    tail = re.match(
        rf"[{LETTER}]*(?:\s+no\s+(?:{_PREVIOUS}|\d{{4}}\.?\s*gad[{LETTER}]*))?",
        right[found.end() :],
        re.I,
    )
    return found.end() + (tail.end() if tail else 0)


def carried_words(right: str) -> str:
    """The words naming an amount carried in, as written after it, its currency word blanked
    out: "   atlikums no 2024. gada" for " EUR atlikums no 2024. gada)"."""
    words = right[: carried_words_end(right)]
    return re.sub(rf"^\s*(?:{CURRENCY})", lambda c: " " * len(c.group(0)), words, flags=re.I)


# Where the money goes: "pārcelts uz nākamo gadu" is carried over, never carried in.
CARRY_OUT = re.compile(either_form(r"(?:pārcelt|novirzīt)\w*\s+uz(?!\w)"), re.I)
# Carried over named before the amount, its destination first: "(ieskaitot uz nākamo gadu
# pārcelto atlikumu 1 000,00 EUR)", "uz II. īstenošanas gadu pārceltais atlikums: 500 EUR".
# The carried noun here is what goes out, never money received.
CARRY_OUT_BEFORE = re.compile(
    either_form(
        rf"(?<![{LETTER}])uz\s+(?:[{LETTER}]+\.?\s+|(?:[IVX]{{1,4}}|[1-8]|\d{{4}})\.?\s*)?"
        rf"(?:īstenošanas\s+)?(?:gad|period|posm)[{LETTER}]*\s+(?:pārcelt|novirzīt)[{LETTER}]*"
        rf"(?:\s+(?:atlikum|finansējum|līdzekļ|summ)[{LETTER}]*)?\s*(?:[:–-]\s*)?$"
    ),
    re.I,
)


def words_after(right: str) -> str:
    """The words after an amount up to the next amount or the end of its parenthesis."""
    rest = re.sub(rf"^\s*(?:{CURRENCY})", "", right, flags=re.I)
    end = re.search(rf"[();]|{AMOUNT}", rest)
    return rest[: end.start()] if end else rest


def carried_in(lead: str, right: str) -> bool:
    """Whether the amount is named money received from the previous period by the words
    right before it or right after it (not by the year before named anywhere else)."""
    if carried_out(lead, right):
        return False  # "atlikums no I. gada … pārcelts uz III. gadu" goes out
    return bool(CARRY_IN_BEFORE.search(lead) or CARRY_IN_AFTER.match(right))


def carried_out(lead: str, right: str) -> bool:
    """Whether the words right before or right after the amount send it on to a later year:
    "uz nākamo gadu pārcelto atlikumu 1 000,00 EUR", "atlikumu 1 000,00 EUR, kas pārcelts
    uz nākamo gadu"."""
    return bool(CARRY_OUT_BEFORE.search(lead) or CARRY_OUT.search(words_after(right)))


# "including" opening a parenthesis right after an amount: "Faktiski 48 600,00 euro (t.sk.
# 600,00 euro no 2023. gada pārceltais atlikums)". Money carried in named there is counted in
# the amount, as after "ieskaitot".
COUNTED_IN = re.compile(
    either_form(rf"^\s*(?:{CURRENCY})?\s*\(\s*(?:t\.\s?sk\.?|tai\s+skaitā)[\s:,]*$"), re.I
)


# "including", right before the words naming what is included: "ieskaitot", "iekļaujot",
# "t.sk.", "tai skaitā".
_INCLUDED_WORD = re.compile(
    either_form(rf"(?<![{LETTER}])(?:ieskaitot|iekļaujot|t\.\s?sk\.?|tai\s+skaitā)[\s,:(]*$"), re.I
)


def counted_carried_out(lead: str, right: str, *, stated: bool) -> bool:
    """Whether the amount is money sent on to a later year, said to be counted in an amount
    before it: "(ieskaitot uz nākamo gadu pārcelto atlikumu 1 000,00 EUR)", ", t.sk. uz
    nākamo gadu pārceltais atlikums 1 000,00 EUR", "(ieskaitot atlikumu 1 000,00 EUR, kas
    pārcelts uz nākamo gadu)". After "t.sk." (the lines of a total) or a statement word
    only the destination written first says so: "t.sk. 600 EUR pārcelts uz …" is a line."""
    out_before = CARRY_OUT_BEFORE.search(lead)
    if out_before is not None:
        return bool(_INCLUDED_WORD.search(lead[: out_before.start()]))
    return (
        not stated
        and bool(re.search(either_form(rf"(?<![{LETTER}])(?:ieskaitot|iekļaujot)\s"), lead, re.I))
        and bool(CARRY_OUT.search(words_after(right)))
    )
