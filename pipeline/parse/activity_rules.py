"""The rules by which the description's reader (`pipeline.parse.activities`) takes what it
scans: which markers start an item, a year or a group and which are the open item's text
(`ReaderRules.kind`), and where a paragraph of its own starts after an item. They read the
reader's state; they change none of it, but for the note that a list numbered "I.", "II.",
… was read.
"""

from __future__ import annotations

import re

from pipeline.model import ActivityGroup
from pipeline.parse.activity_goals import names_goals
from pipeline.parse.activity_groups import (
    continues_numbering,
    may_head_after,
    opens_roman_item,
    roman_value,
)
from pipeline.parse.activity_lists import (
    SubNumber,
    TopicNumber,
    heads_sub_list,
    heads_topic_list,
    is_nested,
    paragraph_after_list,
    sub_number,
    topic_number,
)
from pipeline.parse.activity_markers import (
    CONTINUATION,
    JOINS_ON,
    LETTER,
    LINE_OPENERS,
    OWN_PARAGRAPH,
    ROMAN_STYLE,
    SUB_HEADING,
    WS,
    goes_on,
)
from pipeline.parse.activity_years import Item, Year
from pipeline.parse.latvian import find_period
from pipeline.parse.mentions import find_indicators
from pipeline.parse.text import SourcedText, SourceFile


class ReaderRules:
    """The reader's rules, over the state `pipeline.parse.activities` keeps."""

    text: SourcedText
    source: SourceFile
    years: list[Year]
    group: ActivityGroup
    item: Item | None
    expected: int
    style: str | None
    pending: int
    roman: bool
    sub: SubNumber | None
    topic: TopicNumber | None
    numbered_on: tuple[int, str] | None

    def kind(self, m: re.Match[str]) -> str | None:
        if m.group("year"):
            return "year"
        if m.group("extension"):
            if self._numbered_on(m.end()):
                return "note"  # a line of the open list, which it names no activity of
            return "year" if self._extends(m) else None
        if m.group("group") or m.group("minority") or m.group("inline_group"):
            return "group"
        if m.group("civil"):
            item, s = self.item, self.text.text
            before = " ".join([*(p.text for p in item.pieces)] if item else [])
            return "civil" if may_head_after(before + " " + s[self.pending : m.start()]) else None
        if m.group("dash") and self._soft_broken_dash(m.start(), m.end()):
            return None
        if m.group("mark") and self.item is not None and is_nested(m.group(0), self.item):
            return None  # a nested list's entry, which stays in the open item's text
        if m.group("dash") or m.group("dot") or m.group("mark"):
            return "bullet"
        if m.group("inline_dash"):
            # " - " after a finished sentence, in a list whose entries are dash bullets
            item = self.item
            return "bullet" if item is not None and item.dashed and not item.sub_run else None
        if m.group("list"):
            # A list opened with no bullet or number: its first entry is an item of its own,
            # unless it goes on with the open item's unfinished sentence (see _continues).
            if self._continues(m.start(), m.end()):
                return None
            return "bullet" if self.years else None
        if m.group("para"):
            # In a bulleted list, an HTML paragraph after a finished entry is the next entry.
            item = self.item
            if item is not None and item.number is None and not item.sub_run:
                return "bullet"
            return None
        if m.group("sub2"):
            return "sub2" if self._accepts_topic_entry(topic_number(m), m.start()) else None
        if m.group("sub"):
            return "sub" if self._accepts_sub(sub_number(m), m.start()) else None
        if m.group("num"):
            return "number" if self._accepts_number(m) else None
        if m.group("letter"):
            return "number" if self._accepts_letter(m) else None
        if m.group("roman"):
            n = roman_value(m.group("r"))
            listed = n == 1 or (self.style == ROMAN_STYLE and n == self.expected)
            s, item = self.text.text, self.item
            before = " ".join([*(p.text for p in item.pieces)] if item else [])
            before += " " + s[self.pending : m.start()]
            opens = opens_roman_item(s, m.end(), m.group("r"), before, self.roman)
            self.roman |= listed and opens
            return "number" if listed and opens else None
        return None

    def _continues(self, start: int, at: int) -> bool:
        """Whether the text at `at` goes on with the open item's sentence: the item's text
        so far is unfinished (no ".", ";", ":", "!" or "?" ends it) and the text goes on
        with a lower-case word or a number ("… atbalsts 7" / "mazākumtautību NVO;"), or
        after a comma or a word that joins ("… Rēzeknē," / "Daugavpilī un Balvos"). A PDF's
        wrapped line of a numbered item comes as such a list start."""
        item = self.item
        if item is None:
            return False
        before = " ".join([*(p.text for p in item.pieces), self.text.text[self.pending : start]])
        before = before.rstrip(WS)
        if not before or before[-1] in ".;:!?" or is_sub_heading(LAST_LINE.split(before)[-1]):
            return False  # a finished sentence, or a sub-heading, which nothing goes on with
        after = CONTINUATION.match(self.text.text, at)
        if after is None:
            return False
        return after.group("lower") is not None or bool(JOINS_ON.search(before))

    def _soft_broken_dash(self, start: int, end: int) -> bool:
        """Whether a "- " line goes on with the numbered item before it: a line break inside
        the same paragraph (a Word soft break, one "\x0b"), then "- " and a lower-case word
        ("1. Organizēti 3 semināri Valmierā" / "- piedalījās 40 dalībnieki;") adds to the
        item, it starts no unnumbered one. A paragraph's break ("\x0b\x0b") or a list's
        entry ("\ue000") would start one."""
        item = self.item
        if item is None or item.number is None or item.sub_run:
            return False
        s = self.text.text
        before = s[:start].rstrip(" \u00a0")
        if not before.endswith("\x0b") or before[:-1].rstrip(" \u00a0").endswith(
            ("\x0b", "\n", "\ue000")
        ):
            return False
        return bool(re.match(r"\s*[a-zāčēģīķļņšūž]", s[end:]))

    def _accepts_number(self, m: re.Match[str]) -> bool:
        n, style = int(m.group("n")), m.group("style")
        before = self.text.text[: m.start()].rstrip(" \u00a0")
        at_line_start = not before or before[-1] in LINE_OPENERS
        after_break = at_line_start or before.endswith((";", ".", ":", ")"))
        item = self.item
        if (
            item is not None
            and item.number is not None
            and item.number[0].isalpha()
            and before.rstrip(WS).endswith(":")
        ):
            return False  # "a) … 3 semināri:" then "1) Rīgā …": the entry's own sub-items
        if n == 1 and at_line_start:
            return True
        if at_line_start and continues_numbering(self.numbered_on, n, style, self.item):
            return True  # a group's list numbered on from the group before it ("9." after "8.")
        if self.style is not None and style != self.style:
            return False
        if n == self.expected and after_break:
            return n > 1 or at_line_start or before.endswith(":")
        return False

    def _accepts_sub(self, number: SubNumber, start: int) -> bool:
        """A multilevel list's number ("1.1.") starts an item when it is the next of its level,
        or starts it ("N.1.") under its level-0 item "N." or right after a heading (a year's
        "1. gads", a group's). Anywhere else it is a wrapped line's number ("… līguma
        pielikuma" / "1.1. apakšpunktā", "kopā" / "1.1 tūkst. stundu"). Under a
        level-0 item that counts something ("1. Organizēti 2 forumi (143 dalībnieki):" /
        "1.1. …") the entries are that item's parts and stay in its text, as lettered ones do:
        read as activities, their counts would be counted twice."""
        if number.n != 1:
            return number == self.sub
        before = self.text.text[:start].rstrip(WS)
        if JOINS_ON.search(before):
            return False  # a sentence wrapped before a reference ("… saskaņā ar" / "2.1. …")
        item = self.item
        if item is None:
            return True
        if not heads_sub_list(item.number, number):
            return False
        # the level-0 item's text is not yet given to it: it runs up to this number
        lead = SourcedText.join([*item.pieces, self.text[self.pending : start]])
        return not find_indicators(lead, self.source)

    def _accepts_topic_entry(self, number: TopicNumber, start: int) -> bool:
        """A third level's number ("1.1.1.") starts an item when it is the next of its level,
        or starts it ("N.M.1.") under its topic "N.M. Forumi un diskusijas:", an item whose
        words only name what the entries under it are: a line ending in ":" that counts
        nothing. Under a topic that counts something the entries are its parts and stay in
        its text, as under a level-0 item (see `_accepts_sub`); anywhere else the number is
        a wrapped line's reference ("… noteikumu" / "1.1.1. punktā")."""
        if number.n != 1:
            return number == self.topic
        item = self.item
        if item is None or not heads_topic_list(item.number, number):
            return False
        lead = SourcedText.join([*item.pieces, self.text[self.pending : start]])
        return lead.text.rstrip(WS).endswith(":") and not find_indicators(lead, self.source)

    def _accepts_letter(self, m: re.Match[str]) -> bool:
        """A lettered list is a list of activities only where no other list is open: under a
        numbered or bulleted item, "a) b) c)" are that item's parts and stay in its text."""
        item = self.item
        in_letters = item is not None and item.number is not None and item.number[0].isalpha()
        if item is not None and (item.pieces or item.number is not None) and not in_letters:
            return False  # an empty item is a bullet just opened: "• a) …" starts the list
        n = ord(m.group("l")) - ord("a") + 1
        before = self.text.text[: m.start()].rstrip(" \u00a0")
        at_line_start = not before or before[-1] in LINE_OPENERS
        if n == 1:
            return at_line_start or before.endswith(":")
        after_break = at_line_start or before.endswith((";", ".", ":", ")"))
        return self.style == LETTER and n == self.expected and after_break

    def sub_heading_after_item(self, text: str) -> int | None:
        """Where a line that only names a part of the year ("2023. gada janvāris–jūlijs",
        "III ceturksnis") starts after the open item's text: a sub-heading grouping the
        entries after it, so the year's note, not the item's words or date. A line after a
        word that joins ("… sadarbībā ar") or before a lower-case word goes on with the
        item's sentence."""
        item = self.item
        if item is None or item.row is not None:
            return None
        for m in SUB_HEADING.finditer(text):
            before = " ".join([*(p.text for p in item.pieces), text[: m.start()]]).rstrip(WS)
            if before and not JOINS_ON.search(before) and not _LOWER_NEXT.match(text, m.end()):
                return m.start()
        return None

    def paragraph_after_item(self, text: str) -> int | None:
        """Where a paragraph of its own starts after the open item's text, if one does: after
        a blank line, a capitalised line that no bullet or number opens ("- … (iepirkums
        izsludināts)" / "" / "Līdz gada beigām plānots …") is no part of the item, and adds
        nothing to it. A bulleted entry is one paragraph; a numbered one may have more, so
        only a finished sentence (".", ";") before the break ends it."""
        item = self.item
        if item is None or item.sub_run or item.row is not None or item.bare:
            return None
        m = OWN_PARAGRAPH.search(text)
        if m is None or not text[: m.start()].strip(WS):
            return None
        before = " ".join([*(p.text for p in item.pieces), text[: m.start()]])
        return None if goes_on(before, text[m.end() :], item.number is not None) else m.end() - 1

    def paragraph_after_list(self, text: str) -> int | None:
        """Where a paragraph of its own starts after the last entry of a list that a heading
        or the section's end closes (see `paragraph_after_list`)."""
        item = self.item
        if item is None or item.sub_run or item.row is not None or item.bare:
            return None
        before = " ".join(p.text for p in item.pieces)
        return paragraph_after_list(before, text, item.number is not None)

    def goals_lead(self, lead: str, from_note: bool) -> bool:
        """Whether a list's lead-in names the goals of the year under whose heading it is
        (see `pipeline.parse.activity_goals`). A lead-in that is the year's last note leads
        in only where nothing came after it: no item, no group's heading."""
        if not (self.years and self.years[-1].stated and names_goals(lead)):
            return False
        year = self.years[-1]
        note = year.notes[-1] if year.notes else None
        return not from_note or (
            note is not None and note.group is self.group and note.at == len(year.items)
        )

    def _extends(self, m: re.Match[str]) -> bool:
        """An extension period's heading heads a year of its own after the stated years,
        where both its dates are read; else it stays the text it is in."""
        found = find_period(m.group("ext_range") or m.group("ext_bare") or "")
        dated = found is not None and None not in (found.start, found.end)
        return dated and any(y.stated for y in self.years)

    def _numbered_on(self, at: int) -> bool:
        """Whether the line after `at` is the open list's next number ("3)" after "2)"): an
        extension period's line before it ("2) Līgums tika pagarināts." / "Pagarinājuma
        periods: no … līdz …" / "3) …") stands inside that list, and heads no year. It is
        the year's note, as no activity's words: its dates are the extension's."""
        nxt = _NEXT_NUMBER.match(self.text.text, at)
        return (
            nxt is not None
            and self.style is not None
            and self.expected > 1
            and int(nxt.group("n")) == self.expected
            and nxt.group("style") == self.style
        )


LAST_LINE = re.compile(r"[\n\t\x0b\ue000]")


def leads_on(item: Item) -> bool:
    """Whether the open item's text ends with a line of its own ending in ":", which leads in
    the list after it (not the item's own lead-in to its sub-items: "… t.sk.:")."""
    body = item.pieces[-1].text.rstrip(WS) if item.pieces else ""
    cut = max(body.rfind(c) for c in "\n\t\x0b")
    return body.endswith(":") and cut > 0 and bool(body[:cut].strip(WS))


def is_sub_heading(line: str) -> bool:
    heading = SUB_HEADING.match(line)
    return heading is not None and not line[heading.end() :].strip(WS)


# The number that opens the next line ("3) …").
_NEXT_NUMBER = re.compile(r"[ \t\u00a0]*[\n\x0b\ue000][\s\ue000]*(?P<n>\d{1,2})(?P<style>[.)])\s")
# A lower-case word on the next line goes on with a sentence; a list's next entry does not.
_LOWER_NEXT = re.compile(r"\s*[a-zāčēģīķļņšūž]")
