"""The description section: implementation years, activity groups and activities.

One reading for every layout. The cleaned section is scanned for markers (year headings,
group headings, item numbers, bullets); text between markers belongs to the open item.
Rules that hold across the reports:
- an item number starts an item when it is the next in its list ("1)" after "- ", after a
  line break, or after "; " / ". " / ": " inside a paragraph), or a "1" at a line start;
- a bullet ("•", or at a line start "-", "▪", "◦", "■", "➢", "✓", …: see `BULLETS` in
  `pipeline.parse.activity_groups`) starts an unnumbered item, except right after a lead-in
  ending in ":", where the bullets are that item's sub-items (they stay in its text), until a
  plain paragraph;
- a multilevel list's "1.1.", "1.2." … are items; the level-0 item "1. …:" over them is a
  group's heading (the minority group's opens it, any other is a note), unless it counts
  something: then they are its parts and stay in its text (see `pipeline.parse.activity_lists`);
- a lettered list ("a)", "b)", …) is read as a numbered one where no other item is open;
  under a numbered or bulleted item its entries are that item's parts (they stay in its text),
  and a numbered list right after a lettered entry's lead-in ":" is that entry's parts; their
  counts of a kind the lead-in counts are its parts (see `pipeline.parse.activity_sub_items`);
- a minority group's heading may have no colon where it is a line of its own between two
  lists (a Word heading: "Kurzemes mazākumtautību kapacitātes celšanai");
- a list whose lead-in ends with "uzdevumi:" lists the task's objectives, not activities;
- a list opened with no bullet right after an item's unfinished sentence goes on with that
  item (a PDF's wrapped line: "… atbalsts 7" / "mazākumtautību NVO;");
- a table of activities ("| Nr. | Aktivitāte | Plānots | Faktiski |", or its tab layout) is
  read row by row, each row an activity (see `pipeline.parse.activity_tables`);
- text outside any list is the year's notes, except a sentence that counts something (a year
  written as prose): that sentence is an activity of its own (see
  `pipeline.parse.activity_years`); a paragraph after a list's last entry, before a heading
  or the section's end, is a note too, unless it refers back to that entry;
- an extension period after the last year, headed as a year is with its dates
  ("PAGARINĀJUMA PERIODS (2026.gada 1.janvāris līdz 2026.gada 31.marts)"), is a year of its
  own, numbered on from the last, with no numeral: its activities are no earlier year's;
- text before the first year heading is no year: it stays, as written, the first year's notes
  (it may sum up every year, so nothing of it is read as an activity). Only a report with no
  year heading at all is one year, not stated, over its whole delegation period.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import ActivityGroup, ImplementationYear, Period, Text
from pipeline.parse.activity_groups import (
    continues_numbering,
    heads_civil_group,
    heads_minority_group,
    may_head_after,
    opens_roman_item,
    roman_value,
)
from pipeline.parse.activity_lists import (
    SubNumber,
    group_heading_at_end,
    heads_sub_list,
    is_nested,
    paragraph_after_list,
    sub_number,
)
from pipeline.parse.activity_markers import (
    CONTINUATION,
    JOINS_ON,
    LEAD_IN,
    LETTER,
    LINE_OPENERS,
    MARKERS,
    OWN_PARAGRAPH,
    PARAGRAPH_BREAK,
    ROMAN_STYLE,
    SEPARATOR_CELL,
    SUB_HEADING,
    WS,
    goes_on,
)
from pipeline.parse.activity_tables import Table, find_tables, is_group_heading, row_text
from pipeline.parse.activity_years import Item, Note, Year, YearBuilder, introduction_notes
from pipeline.parse.headings import ordinal_of, unread_headings
from pipeline.parse.latvian import find_period
from pipeline.parse.mentions import find_indicators
from pipeline.parse.text import SourcedText, SourceFile


@dataclass(frozen=True, slots=True)
class Description:
    years: tuple[ImplementationYear, ...]
    objectives: tuple[Text, ...]
    has_group_headings: bool
    unread_headings: tuple[SourcedText, ...] = ()  # lines that look like year headings, unread


def read_description(
    section: SourcedText, source: SourceFile, default_group: ActivityGroup
) -> Description:
    text = section.replace(SEPARATOR_CELL, "")
    reader = _Reader(text, source, default_group)
    reader.run()
    return reader.result()


class _Reader:
    def __init__(self, text: SourcedText, source: SourceFile, default_group: ActivityGroup) -> None:
        self.text = text
        self.source = source
        self.default_group = default_group
        self.group = default_group
        self.years: list[Year] = []
        self.objectives: list[Item] = []
        self.item: Item | None = None
        self.expected = 1
        self.style: str | None = None
        self.in_objectives = False
        self.has_groups = False
        self.read_headings: list[tuple[int, int]] = []
        self.pending = 0  # where the text not yet given to the open item starts
        self.roman = False  # a list numbered "I.", "II.", … was read
        self.sub: SubNumber | None = None  # the next number of a multilevel list's level 1
        self.list_ends = False  # the text now given ends a list: a heading or the end follows
        self.numbered_on: tuple[int, str] | None = None  # the number a group's list may go on at

    # -- scanning -------------------------------------------------------------------------
    def run(self) -> None:
        s = self.text.text
        pos = 0
        tables = find_tables(self.text)
        for m in MARKERS.finditer(s):
            while tables and tables[0].start < m.end():
                table = tables.pop(0)
                self.list_ends = True
                self._text(self.text[pos : table.start])
                pos = table.end
                self._table(table)
            if m.start() < pos:
                continue  # inside a table, which its rows have read
            self.pending = pos
            kind = self._kind(m)
            if kind is None:
                continue
            self.list_ends = kind in ("year", "group", "civil")
            self._text(self.text[pos : m.start()])
            pos = m.end()
            if kind == "year":
                self._year(m)
            elif kind == "group":
                self._group()
            elif kind == "civil":
                self._group(self.text[m.start() : m.end()])
            elif kind == "number":
                self._number(m)
            elif kind == "sub":
                self._sub(m)
            elif kind == "bullet":
                self._bullet(
                    dashed=bool(m.group("dash") or m.group("inline_dash")),
                    bare=bool(m.group("list")),
                )
            written = not (m.group("list") or m.group("para"))  # those have no mark to keep
            if (
                written
                and kind in ("number", "sub", "bullet")
                and self.item
                and not self.item.pieces
            ):
                self.item.marker = self.text[m.start() : m.end()]
        self.list_ends = True
        for table in tables:
            self._text(self.text[pos : table.start])
            pos = table.end
            self._table(table)
        self._text(self.text[pos:])
        self._close()

    def _kind(self, m: re.Match[str]) -> str | None:
        if m.group("year"):
            return "year"
        if m.group("extension"):
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
        if not before or before[-1] in ".;:!?" or _is_sub_heading(_LAST_LINE.split(before)[-1]):
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

    # -- events ---------------------------------------------------------------------------
    def _text(self, piece: SourcedText) -> None:
        if not piece.text.strip(WS):
            return
        before = " ".join(p.text for p in self.item.pieces) if self.item else ""
        group = group_heading_at_end(before, piece.text) if self.item or self.years else None
        if group is not None and (self.item is None or group > 0):
            # a group's heading without its colon, between two lists (a Word heading)
            self._text(piece[:group])
            self._group()
            return
        heading = self._sub_heading_after_item(piece.text)
        if heading is not None:
            self._text(piece[:heading])
            self._close()
            self._note(piece[heading:])
            return
        after = self._paragraph_after_item(piece.text)
        if after is None and self.list_ends:
            after = self._paragraph_after_list(piece.text)
        if after is not None:
            self._text(piece[:after])
            self._close()
            self._note(piece[after:])
            return
        if self.item is not None:
            self.item.pieces.append(piece)
            lead_ins = list(LEAD_IN.finditer(piece.text))
            breaks = list(PARAGRAPH_BREAK.finditer(piece.text))
            if lead_ins and (not breaks or breaks[-1].start() < lead_ins[-1].start()):
                self.item.sub_run = True
            elif breaks:
                self.item.sub_run = False  # a plain paragraph after the sub-items ends them
        else:
            self._note(piece)

    def _sub_heading_after_item(self, text: str) -> int | None:
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

    def _paragraph_after_item(self, text: str) -> int | None:
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

    def _paragraph_after_list(self, text: str) -> int | None:
        """Where a paragraph of its own starts after the last entry of a list that a heading
        or the section's end closes (see `paragraph_after_list`)."""
        item = self.item
        if item is None or item.sub_run or item.row is not None or item.bare:
            return None
        before = " ".join(p.text for p in item.pieces)
        return paragraph_after_list(before, text, item.number is not None)

    def _extends(self, m: re.Match[str]) -> bool:
        """An extension period's heading heads a year of its own after the stated years,
        where both its dates are read; else it stays the text it is in."""
        found = find_period(m.group("ext_range") or m.group("ext_bare") or "")
        dated = found is not None and None not in (found.start, found.end)
        return dated and any(y.stated for y in self.years)

    def _year(self, m: re.Match[str]) -> None:
        self._close()
        extension = m.group("extension") is not None
        numeral = None if extension else m.group("numeral").upper()
        heading = self.text[m.start() : m.end()].collapse()
        self.read_headings.append((m.start(), m.end()))
        period = None
        written = "range" if m.group("range") is not None else "bare"
        if extension:
            written = "ext_range" if m.group("ext_range") is not None else "ext_bare"
        if m.group(written) is not None:
            inner = self.text[m.start(written) : m.end(written)].collapse()
            found = find_period(inner.text)
            if found:
                period = Period(found.start, found.end, inner.text, self.source.span_of(inner))
            else:
                period = Period(None, None, inner.text, self.source.span_of(inner))
        # Text before the first heading is no year of its own: it introduces the report's
        # years (or sums them up), so it stays, as written, a note of the first one.
        introduction = (
            self.years.pop() if len(self.years) == 1 and not self.years[0].stated else None
        )
        ordinal = (ordinal_of(numeral) if numeral else None) or len(self.years) + 1
        if extension:  # after the last year, numbered on from it
            ordinal = max((y.ordinal for y in self.years), default=0) + 1
        self.years.append(
            Year(ordinal, numeral, period, Text(heading.text, self.source.span_of(heading)), True)
        )
        if introduction is not None:
            self.years[-1].notes += introduction_notes(introduction)
        self.group = self.default_group
        self.sub = None
        self._reset_list()

    def _group(self, civil: SourcedText | None = None) -> None:
        """A group's heading: the minority group's, or the civil-society group's (`civil`, its
        heading's text, which stays the year's note as a list's lead-in does)."""
        self._close()
        numbered_on = (self.expected, self.style) if self.style is not None else None
        if civil is None:
            self.has_groups = True
            self.group = ActivityGroup.MINORITY_CAPACITY
        else:
            self.group = ActivityGroup.CIVIL_SOCIETY
            self._note(civil)
        self._reset_list()
        self.numbered_on = numbered_on

    def _number(self, m: re.Match[str]) -> None:
        if m.group("letter"):
            n, style, number = ord(m.group("l")) - ord("a") + 1, LETTER, m.group("letter")
        elif m.group("roman"):
            n, style, number = roman_value(m.group("r")), ROMAN_STYLE, m.group("r") + "."
        else:
            n, style = int(m.group("n")), m.group("style")
            number = f"{n}{style}"
        lead = self._take_lead_in() if n == 1 else None
        self._close()
        if lead is not None:
            self.in_objectives = lead.endswith("uzdevumi:")
        self.item = Item(number)
        self.expected = n + 1
        self.style = style
        self.numbered_on = None

    def _sub(self, m: re.Match[str]) -> None:
        """An item of a multilevel list's level 1. The level-0 item it starts the list of
        ("2. Kurzemes reģiona mazākumtautību kapacitātes celšanai:") is a group's heading:
        the minority group's opens that group, any other stays the year's note. The level-0
        list goes on after ("2." after "1.6.")."""
        number = sub_number(m)
        item = self.item
        if item is not None and heads_sub_list(item.number, number):
            self.item = None
            heading = SourcedText.join(item.pieces)
            if heads_minority_group(heading.text.strip(WS)):
                self.has_groups = True
                self.group = ActivityGroup.MINORITY_CAPACITY
            elif heading.text.strip(WS):
                if heads_civil_group(heading.text.strip(WS)):
                    self.group = ActivityGroup.CIVIL_SOCIETY
                self._note(heading)
        else:
            self._close()
        self.item = Item(number.text)
        self.sub = number.next()

    def _bullet(self, dashed: bool, bare: bool) -> None:
        if self.item is not None and self.item.sub_run:
            return  # a sub-item: its text stays in the open item
        self._close()
        self.item = Item(None, dashed=dashed, bare=bare)

    def _table(self, table: Table) -> None:
        """A table of activities: each row is an activity; a row with no activity in it may
        be a year or group heading, or a total, which stays a note."""
        self._close()
        self._reset_list()
        if not table.of_activities:
            self._note(table.header)
        for row in table.rows:
            if row.is_activity and not _TOTAL_ROW.match(row_text(row).text):
                number = row.number
                self.item = Item(number.text if number else None, number, [row_text(row)], row=row)
                self._close()
                continue
            headings = [
                m
                for m in MARKERS.finditer(self.text.text, row.start, row.end)
                if m.group("year") or m.group("group") or m.group("minority")
            ]
            for m in headings:
                if m.group("year"):
                    self._year(m)
                else:
                    self._group()
            if not headings and is_group_heading(row):
                self._group()
            elif not headings and heads_civil_group(row.line.text):
                self._group(row.line)
            elif not headings:
                self._note(row.line)

    # -- state ----------------------------------------------------------------------------
    def _take_lead_in(self) -> str:
        """The paragraph introducing a new list. When it trails the open item after a line
        break and ends in ':', it is moved to the year's notes: it is not part of that item."""
        item = self.item
        if item is None or not item.pieces:
            year = self._current_year()
            note = year.notes[-1] if year.notes else None
            # the introduction before a year's heading leads in no list of that year
            return note.piece.text.strip(WS) if note and not note.introduction else ""
        last = item.pieces[-1]
        body = last.text.rstrip(WS)
        if body.endswith(":"):
            cut = max(body.rfind(c) for c in "\n\t\x0b")
            if cut > 0 and body[:cut].strip(WS):
                item.pieces[-1] = last[:cut]
                self._note(last[cut:], after_item=True)
        return body.strip(WS)

    def _note(self, piece: SourcedText, after_item: bool = False) -> None:
        year = self._current_year()
        year.notes.append(Note(piece, self.group, len(year.items) + after_item))

    def _reset_list(self) -> None:
        self.expected, self.style, self.in_objectives = 1, None, False
        self.numbered_on = None

    def _current_year(self) -> Year:
        if not self.years:
            self.years.append(Year(1, None, None, None, False))
        return self.years[-1]

    def _close(self) -> None:
        item, self.item = self.item, None
        if item is None or not any(p.text.strip() for p in item.pieces):
            return
        whole = SourcedText.join(item.pieces)
        if item.number is None and item.row is None and _is_sub_heading(whole.text.strip(WS)):
            # a paragraph or list entry that only names a part of the year heads the entries
            # after it ("2023. gada janvāris–jūlijs"): the year's note, no activity
            self._note(whole)
            return
        if self.in_objectives:
            self.objectives.append(item)
        else:
            self._current_year().items.append((self.group, item))

    # -- result ---------------------------------------------------------------------------
    def result(self) -> Description:
        builder = YearBuilder(self.source, self.has_groups)
        years = tuple(builder.build(y) for y in self.years)
        objectives = tuple(builder.text_of(SourcedText.join(i.pieces)) for i in self.objectives)
        unread = tuple(
            self.text[a:b].collapse()
            for a, b in unread_headings(self.text.text, self.read_headings)
        )
        return Description(years, objectives, builder.has_groups, unread)


_LAST_LINE = re.compile(r"[\n\t\x0b\ue000]")


def _is_sub_heading(line: str) -> bool:
    heading = SUB_HEADING.match(line)
    return heading is not None and not line[heading.end() :].strip(WS)


# A lower-case word on the next line goes on with a sentence; a list's next entry does not.
_LOWER_NEXT = re.compile(r"\s*[a-zāčēģīķļņšūž]")

# A table's row of totals ("| | Kopā | | 420 |") sums the rows above it: no activity of its own.
_TOTAL_ROW = re.compile(r"\s*(?:kopā|kopumā|pavisam)\b", re.I)
