"""Years of implementation announced by a paragraph's opening words, not by a heading.

"Pirmajā īstenošanas gadā (no 2022. gada 1. jūlija līdz 2023. gada 30. jūnijam) biedrība
īstenoja šādus pasākumus:" and, after its list, "Otrajā īstenošanas gadā (…) …": a typist
who writes the report as prose opens each year's paragraph with its place in the locative
("in the first year of implementation") and its period. Those opening words head the year as
"I. ĪSTENOŠANAS GADS (…)" would; the rest of the paragraph is the year's own text.

The same words inside a sentence ("… kā jau pirmajā īstenošanas gadā …") only refer to a
year, and so does a paragraph opening with them where the report has year headings of its
own. The openings are read as years only where they are certainly the report's years: each
opens a line or paragraph with its period in parentheses or after it, the description has
no other year headings, their places run 1, 2, 3 … in order, and each gives both its dates,
each year starting after the one before ends. Otherwise nothing is read from them, and the
description stays one year as before.
"""

from __future__ import annotations

import itertools
import re

from pipeline.parse.diacritics import either_form, fold
from pipeline.parse.latvian import DASHES, PERIOD_TEXT, find_period

#: The ordinal words in the locative, as a sentence or paragraph opens with them.
LOCATIVE_WORDS = {
    "PIRMAJĀ": 1,
    "OTRAJĀ": 2,
    "TREŠAJĀ": 3,
    "CETURTAJĀ": 4,
    "PIEKTAJĀ": 5,
    "SESTAJĀ": 6,
    "SEPTĪTAJĀ": 7,
    "ASTOTAJĀ": 8,
}
_LOCATIVES_FOLDED = {fold(word): n for word, n in LOCATIVE_WORDS.items()}

#: A year's place as such an opening writes it: a locative ordinal word, or an Arabic
#: numeral with its dot ("1. īstenošanas gadā"). Case is ignored.
PROSE_NUMERAL = (
    "(?i:[1-8](?=\\.)|" + "|".join(either_form(w) for w in LOCATIVE_WORDS) + r")(?![\w])"
)
#: "īstenošanas gadā" (or a contract's "līguma gadā") after the numeral.
PROSE_YEAR_WORDS = either_form(r"(?i:(?:īstenošanas|līguma)\s+gadā)") + r"(?![\w])"

_LINE_START = r"(?:^|(?<=[\n\t\x0b\ue000]))[ \u00a0]*"
# The opening with its period: in parentheses, or written on after a dash, colon or "no".
_OPENING = re.compile(
    _LINE_START
    + rf"(?P<head>(?P<numeral>{PROSE_NUMERAL})\.?[ \u00a0]*{PROSE_YEAR_WORDS}"
    + r"(?:[ \u00a0]*\((?P<range>[^()\n\t\x0b]{0,120})\)"
    + rf"|[ \u00a0]*[{DASHES}:]?[ \u00a0]*(?i:no\s+)?(?P<bare>(?i:{PERIOD_TEXT}))))"
)


def prose_ordinal_of(numeral: str) -> int | None:
    """'Otrajā' -> 2, '2' -> 2; None for anything else."""
    if numeral.isdigit():
        return int(numeral) if 1 <= int(numeral) <= len(LOCATIVE_WORDS) else None
    return _LOCATIVES_FOLDED.get(fold(numeral.upper()))


def prose_year_starts(text: str) -> list[int] | None:
    """Where each year opened by a paragraph's words starts in `text` (a description with no
    year heading of its own), where they certainly are its years: two or more, numbered 1,
    2, 3 … in order, each with both its dates, each after the one before. None otherwise."""
    found = list(_OPENING.finditer(text))
    if len(found) < 2:
        return None
    places = [prose_ordinal_of(m.group("numeral")) for m in found]
    if places != list(range(1, len(found) + 1)):
        return None
    if not dated_in_turn(found):
        return None
    return [m.start("head") for m in found]


def dated_in_turn(found: list[re.Match[str]]) -> bool:
    """Whether each heading found gives both dates of its period (its "range" or "bare"
    group), each period starting after the one before ends."""
    periods = [find_period(m.group("range") or m.group("bare") or "") for m in found]
    dated = [
        (p.start, p.end)
        for p in periods
        if p is not None and p.start is not None and p.end is not None and p.start <= p.end
    ]
    return len(dated) == len(found) and all(b[0] > a[1] for a, b in itertools.pairwise(dated))
