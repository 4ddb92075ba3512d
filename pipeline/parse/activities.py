"""The description section: implementation years, activity groups and activities.

One reading for every layout. The cleaned section is scanned for markers (year headings,
group headings, item numbers, bullets); text between markers belongs to the open item.
Which marker starts what, and where a paragraph of its own starts, are the rules of
`pipeline.parse.activity_rules`; this module keeps the state they read.
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
  a level-1 topic "1.1. Forumi:" over "1.1.1.", "1.1.2." … is read the same way;
- a lettered list ("a)", "b)", …) is read as a numbered one where no other item is open;
  under a numbered or bulleted item its entries are that item's parts (they stay in its text),
  and a numbered list right after a lettered entry's lead-in ":" is that entry's parts; their
  counts of a kind the lead-in counts are its parts (see `pipeline.parse.activity_sub_items`);
- a minority group's heading may have no colon where it is a line of its own between two
  lists (a Word heading: "Kurzemes mazākumtautību kapacitātes celšanai");
- a list whose lead-in ends with "uzdevumi:" lists the task's objectives, not activities;
  one led in by a year's goals ("Mērķi:", "Uzdevumi:") under its heading lists what the year
  set out to do: the year's notes, as a plan is (see `pipeline.parse.activity_goals`);
- a list opened with no bullet right after an item's unfinished sentence goes on with that
  item (a PDF's wrapped line: "… atbalsts 7" / "mazākumtautību NVO;");
- a table of activities ("| Nr. | Aktivitāte | Plānots | Faktiski |", or its tab layout) is
  read row by row, each row an activity (see `pipeline.parse.activity_tables`); columns of
  the year and the group, written once in the first of their rows (an Excel export's merged
  cells), head the rows below (see `pipeline.parse.activity_table_reader`);
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
from pipeline.parse.activity_goals import goals_end
from pipeline.parse.activity_groups import (
    heads_civil_group,
    heads_minority_group,
    roman_value,
)
from pipeline.parse.activity_lists import (
    SubNumber,
    TopicNumber,
    group_heading_at_end,
    heads_sub_list,
    sub_number,
    topic_number,
)
from pipeline.parse.activity_markers import (
    LEAD_IN,
    LETTER,
    MARKERS,
    PARAGRAPH_BREAK,
    ROMAN_STYLE,
    SEPARATOR_CELL,
    WS,
    first_line_apart,
)
from pipeline.parse.activity_rules import ReaderRules, is_sub_heading, leads_on
from pipeline.parse.activity_table_reader import TableReader
from pipeline.parse.activity_tables import find_tables
from pipeline.parse.activity_years import Item, Note, Year, YearBuilder, introduction_notes
from pipeline.parse.headings import ordinal_of, unread_headings
from pipeline.parse.latvian import find_period
from pipeline.parse.period_dates import partly_read_period
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


class _Reader(ReaderRules, TableReader):
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
        self.in_goals = False  # the open list is the year's goals: its entries are notes
        self.has_groups = False
        self.read_headings: list[tuple[int, int]] = []
        self.pending = 0  # where the text not yet given to the open item starts
        self.roman = False  # a list numbered "I.", "II.", … was read
        self.sub: SubNumber | None = None  # the next number of a multilevel list's level 1
        self.topic: TopicNumber | None = None  # the next number of its level 2 ("1.1.2.")
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
            kind = self.kind(m)
            if kind is None:
                continue
            self.list_ends = kind in ("year", "group", "civil")
            self._text(self.text[pos : m.start()])
            pos = m.end()
            if kind == "year":
                self._year(m)
            elif kind == "note":
                self._close()
                self._note(self.text[m.start() : m.end()])
            elif kind == "group":
                if (apart := first_line_apart(s, m)) is not None:
                    self._text(self.text[m.start() : apart])  # the line before, as written
                self._group()
            elif kind == "civil":
                self._group(self.text[m.start() : m.end()])
            elif kind == "number":
                self._number(m)
            elif kind == "sub":
                self._sub(m)
            elif kind == "sub2":
                self._topic_entry(m)
            elif kind == "bullet":
                self._bullet(
                    dashed=bool(m.group("dash") or m.group("inline_dash")),
                    bare=bool(m.group("list")),
                )
            written = not (m.group("list") or m.group("para"))  # those have no mark to keep
            if (
                written
                and kind in ("number", "sub", "sub2", "bullet")
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

    # -- events ---------------------------------------------------------------------------
    def _text(self, piece: SourcedText) -> None:
        if not piece.text.strip(WS):
            return
        end = goals_end(piece.text) if self.in_goals and self.item is not None else None
        if self.item is not None and end is not None:
            # the goals list ends with this entry: what follows is no goal
            self.item.pieces.append(piece[:end])
            self._close()
            self.in_goals = False
            self._text(piece[end:])
            return
        before = " ".join(p.text for p in self.item.pieces) if self.item else ""
        group = group_heading_at_end(before, piece.text) if self.item or self.years else None
        if group is not None and (self.item is None or group > 0):
            # a group's heading without its colon, between two lists (a Word heading)
            self._text(piece[:group])
            self._group()
            return
        heading = self.sub_heading_after_item(piece.text)
        if heading is not None:
            self._text(piece[:heading])
            self._close()
            self._note(piece[heading:])
            return
        after = self.paragraph_after_item(piece.text)
        if after is None and self.list_ends:
            after = self.paragraph_after_list(piece.text)
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
            # a period with one date that does not exist keeps the other
            found = find_period(inner.text) or partly_read_period(inner.text)
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
        self.sub = self.topic = None
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
        item = self.item
        from_note = item is None or not item.pieces
        lead = self._take_lead_in() if n == 1 else None
        self._close()
        if lead is not None:
            self.in_goals = self.goals_lead(lead, from_note)
            self.in_objectives = lead.endswith("uzdevumi:") and not self.in_goals
        elif item is not None and item.number is None:
            self.in_goals = False  # a number after bulleted goals: another list
        self.item = Item(number)
        self.expected = n + 1
        self.style = style
        self.numbered_on = None
        self.topic = None

    def _sub(self, m: re.Match[str]) -> None:
        """An item of a multilevel list's level 1. The level-0 item it starts the list of
        ("2. Kurzemes reģiona mazākumtautību kapacitātes celšanai:") is a group's heading:
        the minority group's opens that group, any other stays the year's note. The level-0
        list goes on after ("2." after "1.6.")."""
        number = sub_number(m)
        item = self.item
        if item is not None and heads_sub_list(item.number, number):
            self._heading(item)
        else:
            self._close()
        self.item = Item(number.text)
        self.sub = number.next()
        self.topic = None

    def _topic_entry(self, m: re.Match[str]) -> None:
        """An item of a multilevel list's level 2 ("1.1.1."): the level-1 item it starts the
        list of ("1.1. Forumi un diskusijas:") heads it as a level-0 one does its list."""
        number = topic_number(m)
        item = self.item
        if item is not None and number.n == 1:
            self._heading(item)
        else:
            self._close()
        self.item = Item(number.text)
        self.topic = number.next()

    def _heading(self, item: Item) -> None:
        """The open item heads the list after it: the minority group's heading opens that
        group, any other stays the year's note."""
        self.item = None
        heading = SourcedText.join(item.pieces)
        if heads_minority_group(heading.text.strip(WS)):
            self.has_groups = True
            self.group = ActivityGroup.MINORITY_CAPACITY
        elif heading.text.strip(WS):
            if heads_civil_group(heading.text.strip(WS)):
                self.group = ActivityGroup.CIVIL_SOCIETY
            self._note(heading)

    def _bullet(self, dashed: bool, bare: bool) -> None:
        item = self.item
        if item is not None and item.sub_run and not (self.in_goals and leads_on(item)):
            return  # a sub-item: its text stays in the open item
        # a new list, whose lead-in says whether it is the year's goals
        lead = self._take_lead_in() if (item is None or item.sub_run) and self.years else None
        self._close()
        if lead is not None:
            self.in_goals = self.goals_lead(lead, from_note=item is None)
        elif item is not None and item.number is not None:
            self.in_goals = False  # a bullet after numbered goals: another list
        self.item = Item(None, dashed=dashed, bare=bare)

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

    def _note(self, piece: SourcedText, after_item: bool = False, kept: bool = False) -> None:
        if not piece.text.strip(WS):
            return  # an empty cell or line is no note
        year = self._current_year()
        year.notes.append(Note(piece, self.group, len(year.items) + after_item, kept=kept))

    def _reset_list(self) -> None:
        self.expected, self.style, self.in_objectives, self.in_goals = 1, None, False, False
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
        if item.number is None and item.row is None and is_sub_heading(whole.text.strip(WS)):
            # a paragraph or list entry that only names a part of the year heads the entries
            # after it ("2023. gada janvāris–jūlijs"): the year's note, no activity
            self._note(whole)
            return
        if self.in_goals:
            marked = [item.marker, *item.pieces] if item.marker is not None else item.pieces
            self._note(SourcedText.join(marked), kept=True)
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
