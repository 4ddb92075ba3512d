"""What the columns of a table of activities hold, by the words of its header row (see
`pipeline.parse.activity_tables`): the item's number, the activity's name, a plan, what was
done, a measure (money, a share, a time), the year or the group a row is under (a merged
cell of an Excel export, written in the first of its rows), or anything else, kept in the
text unread.
"""

from __future__ import annotations

import re
from enum import Enum

from pipeline.parse.latvian import find_period
from pipeline.parse.mentions import counted_kind


class Role(Enum):
    NUMBER = "number"
    NAME = "name"
    TARGET = "target"
    DONE = "done"  # what was done, in words or as a count alone
    MEASURE = "measure"  # money, a share or a time: never a count, its dates not the activity's
    YEAR = "year"  # "Īstenošanas gads": the year's heading, in the first of its rows
    GROUP = "group"  # "Virziens": the group's name, in the first of its rows
    OTHER = "other"


# The header words, lower-cased, by what their column holds, checked in this order: "Plānotais
# rezultāts" is a plan, "Pasākumu skaits" a count. Anything else is kept in the text, unread.
# A column of money, a share or a time ("Faktiski, EUR", "Izpilde, %", "Izpildes termiņš")
# holds no count, whatever else its header says: a number in it is kept in the text, unread.
_HEADER_WORDS: tuple[tuple[re.Pattern[str], Role], ...] = (
    (re.compile(r"(?:n\.?\s*)?(?:nr|n)\.?(?:\s*p\.?\s*k\.?)?|npk|#"), Role.NUMBER),
    # before money's "gads": the year of implementation itself, not a sum of one
    (re.compile(r"(?:īstenošanas|līguma)\s+gads"), Role.YEAR),
    (re.compile(r"(?:darbības\s+|aktivitāšu\s+)?virziens"), Role.GROUP),
    (
        re.compile(
            # a footnote's mark may follow the word ("2023. gads¹", "EUR*")
            r".*(?:(?<![^\W\d_])(?:eur|euro|eiro|gads)(?![^\W\d_¹²³⁴⁵⁶⁷⁸⁹⁰])|€|%|procent"
            r"|summ|finansēj|budžet|izmaks|naud|termiņ|datum|laiks|laikā|laikposm|period"
            r"|mēnes|mēneš).*"
        ),
        Role.MEASURE,
    ),
    (re.compile(r".*(?:plān|paredzēt|mērķ|līgum|sākotnēj).*"), Role.TARGET),
    (re.compile(r".*(?:faktisk|sasniegt|izpild|rezultāt|skait|daudzum).*"), Role.DONE),
    (re.compile(r"(?:aktivitāt|pasākum|darbīb|nosaukum).*"), Role.NAME),
)
_MARKUP = re.compile(r"[*_]+")


def header_roles(cells: list[str]) -> tuple[Role, ...] | None:
    """What each column holds, when the cells are a header row of a table of activities.
    A row holding a year's heading with its dates is the year's first row, never a header
    (a sheet filled down repeats it in every row, beside words a header could have)."""
    if any(find_period(c) for c in cells):
        return None
    roles = tuple(_role(c) for c in cells)
    if Role.NAME in roles and (Role.DONE in roles or Role.MEASURE in roles):
        return roles
    return None


def _role(cell: str) -> Role:
    word = spelled_out(_MARKUP.sub("", cell).strip().lower())
    for pattern, role in _HEADER_WORDS:
        if pattern.fullmatch(word):
            return role
    if _COUNTED_HEADER.fullmatch(word) and counted_kind(word) not in (None, *_WHO_KINDS):
        return Role.DONE  # "Dalībnieki", "Apmeklētāji": a column of what it names, counted
    return Role.OTHER


# A header that is only the counted noun, perhaps with an adjective ("Dalībnieki",
# "Unikālie dalībnieki"): its column holds their number. "Organizācija", "Pašvaldība" or
# "Atbildīgā persona" says who, not how many.
_COUNTED_HEADER = re.compile(r"[^\W\d_]+(?:\s+[^\W\d_]+)?")
_WHO_KINDS = ("organisations", "municipalities", "persons", "families")
# A narrow column's header shortened ("Dalībn.", "Dalībn. sk.", "Dal. sk."): the participants
# or their number, as "Dalībnieki" and "Dalībnieku skaits" name them. "Dal." alone may be a
# part ("daļa"), so it is read only with "sk.".
_SHORTENED = (
    (re.compile(r"dal[īi]bn\.?", re.I), "dalībnieki"),
    (re.compile(r"(?:dal[īi]bn|dal)\.?\s*(?:sk\.?|skaits)", re.I), "dalībnieku skaits"),
)


def spelled_out(header: str) -> str:
    """A header as its words are spelled out where it shortens them; else as written."""
    bare = _MARKUP.sub("", header).strip()
    for pattern, words in _SHORTENED:
        if pattern.fullmatch(bare):
            return words
    return header
