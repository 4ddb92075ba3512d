"""Where a description's list ends or changes level (see `pipeline.parse.activities`): a
multilevel list's numbers ("1." heading its "1.1.", "1.2." …, a topic "1.1. …:" its
"1.1.1.", "1.1.2." …), a nested list's hollow bullets, a group's heading written without its
colon as a line of its own between two lists, and a paragraph of its own after a year's last
list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.parse.activity_groups import NESTED_BULLETS, is_minority_heading
from pipeline.parse.activity_markers import WS, goes_on
from pipeline.parse.activity_years import Item


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


@dataclass(frozen=True, slots=True)
class TopicNumber:
    """A multilevel list's third level's number as written: "1.2.3." is (1, 2, 3, ".")."""

    parent: int
    topic: int
    n: int
    dot: str

    @property
    def text(self) -> str:
        return f"{self.parent}.{self.topic}.{self.n}{self.dot}"

    def next(self) -> TopicNumber:
        return TopicNumber(self.parent, self.topic, self.n + 1, self.dot)


def topic_number(m: re.Match[str]) -> TopicNumber:
    """The number a `sub2` marker of `MARKERS` matched."""
    return TopicNumber(int(m.group("tn")), int(m.group("tm")), int(m.group("tk")), m.group("tdot"))


def heads_topic_list(topic_number: str | None, number: TopicNumber) -> bool:
    """Whether the open item, numbered `topic_number`, is the level-1 item whose level-2
    list `number` starts ("1.1. Forumi un diskusijas:" / "1.1.1. …")."""
    return number.n == 1 and topic_number in (
        f"{number.parent}.{number.topic}.",
        f"{number.parent}.{number.topic}",
    )


def heads_sub_list(parent_number: str | None, number: SubNumber) -> bool:
    """Whether the open item, numbered `parent_number`, is the level-0 item whose level-1
    list `number` starts ("1. Pilsoniskās sabiedrības attīstībai:" / "1.1. …")."""
    return number.n == 1 and parent_number == f"{number.parent}."


# The bullets of a list's first level, under which a hollow one is a nested list's entry.
_SOLID_BULLETS = ("•", "▪", "●", "■")


def is_nested(mark: str, item: Item) -> bool:
    """Whether a hollow bullet ("◦", "‣", "○") is a sub-item of the open item, which a solid
    one ("•", "▪", "●", "■") opened: a nested list's entry, indented or not, stays in that
    item's text as lettered sub-items do ("• Organizēti 2 forumi (143 dalībnieki)" / "◦
    Liepājā 80 dalībnieki"). Read as activities, their counts would be counted twice."""
    if item.number is not None or item.marker is None:
        return False
    return mark.strip(WS) in NESTED_BULLETS and item.marker.text.strip(WS) in _SOLID_BULLETS


# A line break, and the line after it (up to the next break).
_LINE = re.compile(r"[ \t\u00a0]*[\n\x0b\ue000][\s\ue000]*(?P<line>[^\n\x0b\ue000]*)")
_CAPITAL = re.compile(r"[*_#]*[„\"“«(]?[A-ZĀČĒĢĪĶĻŅŠŪŽ]")
_FINISHED = ".;:!?"


def group_heading_at_end(before: str, text: str) -> int | None:
    """Where a minority group's heading written without its colon starts in `text`, if its
    last line is one: a capitalised line of its own that names the minorities and no verb
    ("Kurzemes mazākumtautību kapacitātes celšanai", a Word heading; see
    `MINORITY_HEADING`), after a finished sentence (`before` is the open item's text so far,
    "" when none is open) and right before the next marker, which opens its list. A line
    that goes on with an unfinished sentence is no heading."""
    lines = list(_LINE.finditer(text))
    last = next((m for m in reversed(lines) if m.group("line").strip(WS)), None)
    if last is None or text[last.end() :].strip(WS):
        return None
    line = last.group("line")
    # a heading names the minorities, with no verb ("Tika veicināta NVO kapacitātes
    # celšanai" is a sentence; "Darbs ar jauniešu NVO …" is not their part)
    if not _CAPITAL.match(line) or not is_minority_heading(line):
        return None
    prior = (before + " " + text[: last.start()]).rstrip(WS)
    return last.start("line") if not prior or prior[-1] in _FINISHED else None


def paragraph_after_list(before: str, text: str, numbered: bool) -> int | None:
    """Where a paragraph of its own starts in `text`, the last text of a year's (or group's)
    last list: after the last entry's finished sentence (`before` is its text so far), a
    line break and a capitalised line that does not refer back to the entry ("… (kopā 388
    dalībnieki)." / "Visas aktivitātes atspoguļotas …") is the year's note, no part of the
    entry; a line that refers back ("Forumā piedalījās …") goes on with it. Without a blank
    line between, a full stop after a date or an abbreviation may end no sentence: a PDF's
    line wraps there ("… forums 14.11.2022." / "Kuldīgā, kurā piedalījās 63 dalībnieki;",
    "… u.c." / "NVO), …"), so the line stays the entry's."""
    for m in _LINE.finditer(text):
        prior = (before + " " + text[: m.start()]).rstrip(WS)
        rest = text[m.start("line") :]
        if not prior or prior[-1] not in ".!?" or not _CAPITAL.match(rest):
            continue
        blank = m.group(0).count("\n") > 1
        if not blank and _MAY_GO_ON.search(prior):
            continue
        if not goes_on(prior, rest, numbered):
            return m.start("line")
    return None


# A full stop that may end no sentence: after a number or a date ("14.11.2022.", "2022."),
# an abbreviation with a full stop inside ("u.c.", "t.sk.") or a short lower-case word
# ("dom.", "k.", "g.").
_MAY_GO_ON = re.compile(r"(?:\d|(?<![^\W\d_])[a-zāčēģīķļņšūž]{1,3}|[^\W\d_]\.[^\W\d_]{1,4})\.$")
