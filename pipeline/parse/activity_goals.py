"""A list led in by the year's goals ("Mērķi:", "2023. gada mērķi:", "Uzdevumi:", "Gadā tika
izvirzīti šādi mērķi:") says what the year set out to do, not what was done: its entries are
the year's notes, as a plan is, and their numbers no counts (see `pipeline.parse.activities`).
Only a lead-in that names the goals themselves is one: "Lai sasniegtu gada mērķi:" (to reach
the goal) leads in what was done, and so does any other lead-in. The list ends where its
entries do: at a blank line, at a line after an entry's finished sentence that is no entry
("Uzdevumi izpildīti pilnībā."), or at an entry of another mark (bullets after numbered
goals); what follows is no goal (see `goals_end`).
"""

from __future__ import annotations

import re

_GOAL_NOUN = r"(?:mērķi|mērķis|uzdevumi)(?:\s+un\s+(?:mērķi|uzdevumi))?"
# The words a goals heading may have before its noun: the year or its part it is of, and
# an adjective of goals set ("Galvenie", "Izvirzītie"). A verb or any other word is no
# heading's ("Lai sasniegtu gada mērķi:").
_OF = (
    r"\d{4}\.?\s*(?:gada|g\.)|[IVX]{1,4}\.|[1-8]\.|gada|īstenošanas|pārskata|perioda|šī|šā"
    r"|galvenie|galvenais|izvirzītie|izvirzītais|noteiktie|noteiktais|darba"
)
_HEADING = re.compile(rf"(?:(?:{_OF})\s+){{0,4}}{_GOAL_NOUN}\s*:", re.I)
# A sentence that says the goals were set: "Gadā tika izvirzīti šādi mērķi:".
_SET = re.compile(
    r"(?<![^\W\d_])(?:izvirzīti|noteikti)\s+(?:šādi|sekojoši)\s+(?:[^\W\d_]+\s+){0,3}?"
    rf"{_GOAL_NOUN}\s*:$",
    re.I,
)
# The last line or sentence of a lead-in, where what leads in the list is said.
_CLAUSE_BREAK = re.compile(r"[\n\t\x0b\ue000]|(?<=[^\d\s][.!?;])[ \u00a0]+")
_MARKUP = re.compile(r"[*_]+")


def names_goals(lead: str) -> bool:
    """Whether the lead-in of a list (its text up to the list's first entry) names the goals
    the entries are."""
    body = _MARKUP.sub("", lead).rstrip(" \n\t\x0b\u00a0\ue000")
    clause = _CLAUSE_BREAK.split(body)[-1].strip(" \u00a0")
    return bool(_HEADING.fullmatch(clause) or _SET.search(clause))


# A blank line, or a line break after a finished sentence with more words on the next line.
_LINE = "[\\n\\x0b\\ue000]"
_ENDS = re.compile(
    rf"{_LINE}[ \t\u00a0]*{_LINE}|(?<=[.;!?])[ \t\u00a0]*{_LINE}(?=[ \t\u00a0]*[^\s\ue000])"
)


def goals_end(text: str) -> int | None:
    """Where the list of goals ends in the text after a goal's mark, up to the next mark: the
    entry ends there, and the text after it (a blank line, a sentence of its own) is none of
    the list's; None where the entry may go on."""
    m = _ENDS.search(text)
    return None if m is None else m.start()
