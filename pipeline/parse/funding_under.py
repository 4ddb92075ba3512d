"""Paragraphs written under a funding table's rows: "I. īstenošanas gada atlikums € 360,00
atgriezts Kultūras ministrijai." Under a table nested in a cell they are no row of the
table, so the table is read as a table without them (read as a row, a sentence made its
cells one line of text and every amount in it unread). Under a table of the section's own
rows, a paragraph naming no year goes on the row above it, as a line of that row would;
one opening with its year is that year's, which need not be the row above.

A paragraph opening with the year it speaks of, the only year it names, is that year's
statement: its words are read as a row under that year's would be ("atlikums … atgriezts":
the remainder returned). Said beside the year's "Atlikums" cell of the same sum, it is the
same money said twice (`funding_restated.py`). A paragraph of clauses each opening with
one year of the table and giving one amount ("II. īstenošanas gada atlikums 250,00 euro un
III. īstenošanas gada atlikums 97,65 euro atgriezti …", joined by "un", ";" or ",") is
each clause its year's statement, as if each were a paragraph of its own; the words after
the last amount ("atgriezti Kultūras ministrijai", a plural: said of them all) go to each
clause that ends with its amount. A paragraph naming no year, or several otherwise, or
a year the table does not hold, is no year's for sure: it is kept as written and its money
is unread; as that money may change any year's sums (which year's, is not told), no year
of the table is compared. So is one naming a point in time by its year ("II. īstenošanas
gada beigās kopējais neizlietotais atlikums € 360,00 atgriezts": at the end of year II,
money of any year) or saying its sum is a total ("kopējais", "kopā", "kopsumma"): no
year's own money. A paragraph with no amount is only kept as written.
"""

from __future__ import annotations

import re

from pipeline.parse.diacritics import either_form
from pipeline.parse.funding_blocks import Block
from pipeline.parse.funding_cells import has_money, money_of
from pipeline.parse.funding_clauses import ordinal_number
from pipeline.parse.funding_rows import Slots
from pipeline.parse.funding_words import MONEY_IN_TEXT, counts_as_money
from pipeline.parse.latvian import CURRENCY, LETTER
from pipeline.parse.text import SourcedText

# "I. īstenošanas gada", "II gadā", "2. īstenošanas gada": the year by its numeral, in the
# case a sentence names it in (of, in the year). An Arabic numeral only with "īstenošanas":
# "1 gada laikā" is a length of time, not a year of the delegation.
_YEAR = (
    r"(?:(?P<roman>[IVX]{1,4})\.?[ \u00a0]*(?i:" + either_form(r"īstenošanas") + r"[ \u00a0]+)?"
    r"|(?P<digit>[1-8])\.[ \u00a0]*(?i:" + either_form(r"īstenošanas") + r")[ \u00a0]+)"
    r"(?i:" + either_form(r"gad[aā]") + rf")(?![{LETTER}])"
)
_OPENING = re.compile(r"^[\s\u00a0]*" + _YEAR)
_ANY_YEAR = re.compile(rf"(?<![{LETTER}\d])" + _YEAR)
# a year named as a point in time ("II. īstenošanas gada beigās", "… sākumā"), or a sum
# said to be a total: no one year's own money (see the module)
_NO_YEARS_OWN = re.compile(
    rf"(?<![{LETTER}\d])"
    + _YEAR
    + r"[\s\u00a0]+(?i:"
    + either_form(r"beig|sākum")
    + rf")[{LETTER}]*"
    + rf"|(?<![{LETTER}])(?i:"
    + either_form(r"kopēj|kopsumm")
    + "|"
    + either_form(r"kopā")
    + rf"(?![{LETTER}]))"
)


def year_named(paragraph: SourcedText) -> tuple[int, SourcedText] | None:
    """The implementation year a paragraph opens with, and its words after it; None where
    it opens with none or names another year after it."""
    found = _OPENING.match(paragraph.text)
    if found is None:
        return None
    ordinal = ordinal_number(found.group("roman") or found.group("digit"))
    rest = paragraph[found.end() :]
    if ordinal is None or _ANY_YEAR.search(rest.text):
        return None
    return ordinal, rest


# what joins one year's clause to the next: "… 250,00 euro un III. …", "…;", "…,"
_JOINER = re.compile(r"[\s\u00a0]*(?:,|;|,?[ \u00a0]+un)[\s\u00a0]*$", re.I)
# a plural participle after the last amount ("atgriezti", "pārcelti"): said of every clause
_PLURAL = re.compile(rf"^[\s\u00a0]*[{LETTER}]+(?:ti|ši)(?![{LETTER}])", re.I)
_AFTER_AMOUNT = re.compile(rf"^[\s\u00a0]*(?:{CURRENCY})?[\s\u00a0.]*$", re.I)


def year_clauses(paragraph: SourcedText) -> list[tuple[int, SourcedText]] | None:
    """A paragraph of clauses each opening with one year and giving one amount: each
    clause's year, and its words after it; None where the paragraph is not so."""
    years = list(_ANY_YEAR.finditer(paragraph.text))
    if len(years) < 2 or _OPENING.match(paragraph.text) is None:
        return None
    if paragraph.text[: years[0].start()].strip(" \t\n\u00a0"):
        return None
    clauses: list[tuple[int, SourcedText]] = []
    for here, after in zip(years, [*years[1:], None], strict=True):
        ordinal = ordinal_number(here.group("roman") or here.group("digit"))
        rest = paragraph[here.end() : after.start() if after is not None else len(paragraph)]
        if after is not None:
            joiner = _JOINER.search(rest.text)
            if joiner is None:
                return None
            rest = rest[: joiner.start()]
        if ordinal is None or len(money_of(rest)) != 1:
            return None
        clauses.append((ordinal, rest))
    if len({ordinal for ordinal, _ in clauses}) != len(clauses):
        return None
    last = clauses[-1][1]
    tail = last[_money_end(last) :]
    if _PLURAL.match(tail.text):
        clauses = [
            (o, SourcedText.join([c, tail]) if _AFTER_AMOUNT.match(c.text[_money_end(c) :]) else c)
            for o, c in clauses
        ]
    return clauses


def _money_end(text: SourcedText) -> int:
    return [m.end() for m in MONEY_IN_TEXT.finditer(text.text) if counts_as_money(m)][-1]


def take_under(under: list[SourcedText], cells: list[SourcedText], wrapped: bool) -> bool:
    """Whether a row under a table's rows is a paragraph opening with a year (that year's,
    which need not be the row above it; or, naming several, the years' it names or no
    one year's), or a line it wraps onto (`wrapped`: the row before was one); such a row
    is added to `under`."""
    if len(cells) != 1:
        return False
    if _OPENING.match(cells[0].text) is not None:
        under.append(cells[0])
        return True
    if wrapped and under:
        under[-1] = SourcedText.join([under[-1], cells[0]], "\n")
        return True
    return False


def place_under(
    under: list[SourcedText],
    blocks: list[Block],
    columns: list[Slots],
    notes: list[SourcedText],
    unread: list[SourcedText],
) -> None:
    """Each paragraph under the table into the year it names, its words to be read by
    their keywords with the year's other cells; else kept as written (see the module)."""
    for paragraph in under:
        if not has_money(paragraph.text):
            notes.append(paragraph.collapse())
            continue
        if _NO_YEARS_OWN.search(paragraph.text):
            _keep_unread(paragraph, blocks, notes, unread)
            continue
        named = year_named(paragraph)
        held = [i for i, b in enumerate(blocks) if named and b.ordinal == named[0]]
        if named is not None and len(held) == 1:
            columns[held[0]].add(2, named[1].collapse())
            continue
        clauses = year_clauses(paragraph)
        places = [[i for i, b in enumerate(blocks) if b.ordinal == o] for o, _ in clauses or []]
        if clauses and all(len(p) == 1 for p in places):
            for (_, words), place in zip(clauses, places, strict=True):
                columns[place[0]].add(2, words.collapse())
            continue
        _keep_unread(paragraph, blocks, notes, unread)


def _keep_unread(
    paragraph: SourcedText,
    blocks: list[Block],
    notes: list[SourcedText],
    unread: list[SourcedText],
) -> None:
    """A paragraph of no one year kept as written, its money unread and no year compared:
    that money may change any year's sums."""
    notes.append(paragraph.collapse())
    unread.extend(money_of(paragraph))
    for block in blocks:
        block.uncertain = True
