"""Where a description's list ends or changes level (see `pipeline.parse.activities`): a
multilevel list's numbers ("1." heading its "1.1.", "1.2." …), a group's heading written
without its colon as a line of its own between two lists, and a paragraph of its own after
a year's last list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.parse.activity_groups import heads_minority_group
from pipeline.parse.activity_markers import WS, goes_on


@dataclass(frozen=True, slots=True)
class SubNumber:
    """A multilevel list's number as written: "2.3." is (2, 3, ".")."""

    parent: int
    n: int
    dot: str

    @property
    def text(self) -> str:
        return f"{self.parent}.{self.n}{self.dot}"

    def next(self) -> SubNumber:
        return SubNumber(self.parent, self.n + 1, self.dot)


def sub_number(m: re.Match[str]) -> SubNumber:
    """The number a `sub` marker of `MARKERS` matched."""
    return SubNumber(int(m.group("sn")), int(m.group("sm")), m.group("sdot"))


def heads_sub_list(parent_number: str | None, number: SubNumber) -> bool:
    """Whether the open item, numbered `parent_number`, is the level-0 item whose level-1
    list `number` starts ("1. Pilsoniskās sabiedrības attīstībai:" / "1.1. …")."""
    return number.n == 1 and parent_number == f"{number.parent}."


# A line break, and the line after it (up to the next break).
_LINE = re.compile(r"[ \t\u00a0]*[\n\x0b\ue000][\s\ue000]*(?P<line>[^\n\x0b\ue000]*)")
_CAPITAL = re.compile(r"[*_#]*[„\"“«(]?[A-ZĀČĒĢĪĶĻŅŠŪŽ]")
_FINISHED = ".;:!?"


def group_heading_at_end(before: str, text: str) -> int | None:
    """Where a minority group's heading written without its colon starts in `text`, if its
    last line is one: a capitalised line of its own ("Kurzemes mazākumtautību kapacitātes
    celšanai", a Word heading), after a finished sentence (`before` is the open item's text
    so far, "" when none is open) and right before the next marker, which opens its list.
    A line that goes on with an unfinished sentence is no heading."""
    lines = list(_LINE.finditer(text))
    last = next((m for m in reversed(lines) if m.group("line").strip(WS)), None)
    if last is None or text[last.end() :].strip(WS):
        return None
    line = last.group("line")
    if not _CAPITAL.match(line) or not heads_minority_group(line):
        return None
    prior = (before + " " + text[: last.start()]).rstrip(WS)
    return last.start("line") if not prior or prior[-1] in _FINISHED else None


def paragraph_after_list(before: str, text: str, numbered: bool) -> int | None:
    """Where a paragraph of its own starts in `text`, the last text of a year's (or group's)
    last list: after the last entry's finished sentence (`before` is its text so far), a
    line break and a capitalised line that does not refer back to the entry ("… (kopā 388
    dalībnieki)." / "Visas aktivitātes atspoguļotas …") is the year's note, no part of the
    entry; a line that refers back ("Forumā piedalījās …") goes on with it."""
    for m in _LINE.finditer(text):
        prior = (before + " " + text[: m.start()]).rstrip(WS)
        rest = text[m.start("line") :]
        if not prior or prior[-1] not in ".!?" or not _CAPITAL.match(rest):
            continue
        if not goes_on(prior, rest, numbered):
            return m.start("line")
    return None
