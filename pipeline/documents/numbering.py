"""Word's list numbers, counted as Word counts them.

A list's numbers are not in a Word document's text: each numbered paragraph names a list
(`w:numId`) and a level, and Word counts. Counted per list and level alone, a two-level
list (years at the first level, activities at the second) went on 6) … 15) under the later
years where Word shows 1) … 5) again, and their activities were lost. Word counts thus:

- lists (`w:num`) made from one definition (`w:abstractNum`) share its counters, so a list
  continued under another number goes on counting;
- an item of a level restarts every lower level under it, unless that level's
  `w:lvlRestart` names a higher level to restart after (0: never);
- a list with a `w:startOverride` for a level starts that level anew, at that number, where
  its first paragraph stands ("restart numbering" in Word);
- a list that only redefines a level (`w:lvlOverride` holding a `w:lvl`) shows that level
  its own way but counts on with the lists of its definition: LibreOffice writes a sub-list
  ("a)", "b)") so, one list a sub-item, and Word numbers the items after it 3., 4., … where
  a restart read 1., 2. again (its `w:start` is where the level begins when first used);
- a level's text shows its own number and those of the levels above it ("%1.%2.").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from docx.document import Document as WordDocument
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement

from pipeline.documents.layout import bullet_marker, number_text


@dataclass(frozen=True, slots=True)
class Level:
    fmt: str = "decimal"
    text: str = "%1."
    start: int = 1
    restart: int | None = None  # w:lvlRestart: restart after this (1-based) level; None: any


@dataclass(frozen=True, slots=True)
class _List:
    abstract: str
    starts: dict[int, int]  # level → number it starts at again, from w:startOverride
    levels: dict[int, Level]


@dataclass(slots=True)
class Numbering:
    lists: dict[str, _List] = field(default_factory=dict)
    counts: dict[str, dict[int, int]] = field(default_factory=dict)  # per definition
    begun: set[str] = field(default_factory=set)  # lists whose overrides were applied

    def marker(self, num_id: str, level_text: str) -> str:
        """The marker the next paragraph of list `num_id` at level `level_text` shows."""
        level = int(level_text) if level_text.isdigit() else 0
        found = self.lists.get(num_id)
        if found is None:
            found = _List(num_id, {}, {})
            self.lists[num_id] = found
        counts = self.counts.setdefault(found.abstract, {})
        if num_id not in self.begun:
            self.begun.add(num_id)
            for at, start in found.starts.items():
                counts[at] = start - 1
        own = found.levels.get(level, Level(text=f"%{level + 1}."))
        counts[level] = counts[level] + 1 if level in counts else own.start
        for lower in [k for k in counts if k > level]:
            rule = found.levels.get(lower, Level()).restart
            if rule is None or (rule > 0 and level < rule):
                del counts[lower]
        if own.fmt == "bullet" or own.fmt in ("none", ""):
            return bullet_marker(own.fmt, counts[level], own.text)
        return _shown(own.text, counts, found.levels) + " "


def _shown(text: str, counts: dict[int, int], levels: dict[int, Level]) -> str:
    def number(match: re.Match[str]) -> str:
        at = int(match.group(1)) - 1
        fmt = levels.get(at, Level()).fmt
        return number_text(fmt, counts.get(at, levels.get(at, Level()).start))

    return re.sub(r"%(\d)", number, text or "%1.")


def numbering_of(document: WordDocument) -> Numbering:
    """The lists of the document's numbering part, and their levels."""
    try:
        part = document.part.numbering_part.element
    except (KeyError, NotImplementedError):
        return Numbering()
    abstract: dict[str, dict[int, Level]] = {}
    for node in part.iterchildren(qn("w:abstractNum")):
        abstract[node.get(qn("w:abstractNumId"), "")] = _levels(node)
    out = Numbering()
    for num in part.iterchildren(qn("w:num")):
        ref = num.find(qn("w:abstractNumId"))
        if ref is None:
            continue
        key = ref.get(qn("w:val"), "")
        levels = dict(abstract.get(key, {}))
        starts: dict[int, int] = {}
        for override in num.iterchildren(qn("w:lvlOverride")):
            at = _int(override.get(qn("w:ilvl")), 0)
            lvl = override.find(qn("w:lvl"))
            if lvl is not None:
                levels[at] = _level(lvl)
            start = override.find(qn("w:startOverride"))
            if start is not None:
                starts[at] = _int(start.get(qn("w:val")), 1)
        out.lists[num.get(qn("w:numId"), "")] = _List(key, starts, levels)
    return out


def _levels(node: BaseOxmlElement) -> dict[int, Level]:
    return {_int(lvl.get(qn("w:ilvl")), 0): _level(lvl) for lvl in node.iterchildren(qn("w:lvl"))}


def _level(lvl: BaseOxmlElement) -> Level:
    def value(tag: str) -> str | None:
        found = lvl.find(qn(tag))
        return found.get(qn("w:val")) if found is not None else None

    restart = value("w:lvlRestart")
    return Level(
        value("w:numFmt") or "decimal",
        value("w:lvlText") or "",
        _int(value("w:start"), 1),
        None if restart is None else _int(restart, 0),
    )


def _int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
