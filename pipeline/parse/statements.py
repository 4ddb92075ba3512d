"""The short answers: irregular expenditure, unrecovered amount, other information."""

from __future__ import annotations

import re

from pipeline.model import Statement, Text
from pipeline.parse.diacritics import either_form
from pipeline.parse.latvian import DASHES, MONEY, is_money, parse_amount
from pipeline.parse.text import SourcedText, SourceFile

# "Nav", or "Nav konstatēti" (none found) agreeing with whatever the label names: the
# expenditure (-i), the amount (-s), a feminine noun (-a, -as); or a dash alone in the cell,
# as a form's empty answer is struck through; or "N/A", "Nav attiecināms" (not applicable):
# there was nothing to report. As the whole answer only: "N/A, jo …" explains something. A
# dash before "nav" is the one that sets a label's answer off ("… – nav"). An explanation in
# brackets after the "Nav" is the answer's own ("Nav (summa atmaksāta 2024. gada 12.
# septembrī)"): it says why there is none, and the answer is still none, kept with it.
_NONE = re.compile(
    either_form(
        rf"^\s*(?:(?:[{DASHES}]\s*)?nav(?:\s+(?:konstatēt|attiecinām)(?:s|i|a|as))?"
        r"(?:\s*\([^()]*\))?\s*\.?"
        rf"|n\s*/\s*a\.?|[{DASHES}])\s*$"
    ),
    re.I,
)


_STATED_AMOUNT = re.compile(MONEY, re.I)


# The part of an amount said in parentheses right after it, "1 250,00 euro (t.sk. PVN 216,94
# euro)": the amount's own detail, no second amount of the answer.
_PART_OF_AMOUNT = re.compile(
    r"\s*\(\s*(?:t\.\s*sk\.|tai\s+skaitā|tajā\s+skaitā|ieskaitot)\s+PVN\b[^()]*\)", re.I
)


# An amount in thousands or millions ("1,25 tūkst. euro", "0,5 milj. EUR") is rounded: its
# digits alone are not the money, and the true figure is not written. As the funding reader
# does (`funding_money.is_rounded`), it is an amount of the answer left unread.
_IN_THOUSANDS = re.compile(r"[ \u00a0]*(?:tūkst|milj)", re.I)
_ROUNDED = re.compile(r"\d[ \u00a0]*(?:tūkst|milj)", re.I)


def names_rounded(text: str) -> bool:
    """Whether an answer writes an amount in thousands or millions anywhere."""
    return _ROUNDED.search(text) is not None


def read_statement(
    value: SourcedText, source: SourceFile, asks_amount: bool = True
) -> Statement | None:
    """A short answer: 'Nav' (none), or text that may state one amount, kept with its line.
    Two amounts are kept only as text: which one is the answer is not guessed. Where the
    question asks for no amount (`asks_amount` False: other information), the money a sentence
    names ("tam paredzētais finansējums 45 000,00 euro netika pārskaitīts") is its words,
    no amount of the answer."""
    collapsed = value.collapse()
    text = _text_of(value, source)
    if text is None:
        return None
    if not asks_amount or _NONE.match(text.value):
        # an amount in a "Nav"'s explanation is no amount of the answer: there is none
        return Statement(text, bool(_NONE.match(text.value)))
    found = [m for m in _STATED_AMOUNT.finditer(collapsed.text) if is_money(m)]
    parts = [
        (m.start(), m.end())
        for money in found
        if (m := _PART_OF_AMOUNT.match(collapsed.text, money.end())) is not None
    ]
    found = [m for m in found if not any(start <= m.start() < end for start, end in parts)]
    if len(found) != 1 or _IN_THOUSANDS.match(collapsed.text, found[0].end("amount")):
        return Statement(text, bool(_NONE.match(text.value)))
    piece = collapsed[found[0].start("amount") : found[0].end("amount")]
    amount = Text(piece.text, source.span_of(piece))
    return Statement(text, False, amount, parse_amount(piece.text))


def _text_of(mapped: SourcedText, source: SourceFile) -> Text | None:
    collapsed = mapped.collapse()
    return Text(collapsed.text, source.span_of(collapsed)) if collapsed.text else None
