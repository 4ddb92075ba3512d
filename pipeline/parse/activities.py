"""The description section: implementation years, activity groups and activities.

One reading for every layout. The cleaned section is scanned for markers (year headings,
group headings, item numbers, bullets); text between markers belongs to the open item.
Rules that hold across the reports:
- an item number starts an item when it is the next in its list ("1)" after "- ", after a
  line break, or after "; " / ". " / ": " inside a paragraph), or a "1" at a line start;
- a bullet starts an unnumbered item, except right after a lead-in ending in ":", where the
  bullets are that item's sub-items (they stay in its text), until a plain paragraph;
- a lettered list ("a)", "b)", …) is read as a numbered one where no other item is open;
  under a numbered or bulleted item its entries are that item's parts (they stay in its text),
  and a numbered list right after a lettered entry's lead-in ":" is that entry's parts;
- a list whose lead-in ends with "uzdevumi:" lists the task's objectives, not activities;
- a list opened with no bullet right after an item's unfinished sentence goes on with that
  item (a PDF's wrapped line: "… atbalsts 7" / "mazākumtautību NVO;");
- a table of activities ("| Nr. | Aktivitāte | Plānots | Faktiski |", or its tab layout) is
  read row by row, each row an activity (see `pipeline.parse.activity_tables`);
- text outside any list is the year's notes, except a sentence that counts something (a year
  written as prose): that sentence is an activity of its own (see `_Reader._read_prose`);
- text before the first year heading is no year: it stays, as written, the first year's notes
  (it may sum up every year, so nothing of it is read as an activity). Only a report with no
  year heading at all is one year, not stated, over its whole delegation period.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field, replace

from pipeline.model import Activity, ActivityGroup, ImplementationYear, Period, Text
from pipeline.parse.activity_dates import activity_dates
from pipeline.parse.activity_groups import opens_minority_part, opens_roman_item, roman_value
from pipeline.parse.activity_markers import (
    CONTINUATION,
    JOINS_ON,
    LEAD_IN,
    LETTER,
    MARKERS,
    OWN_PARAGRAPH,
    PARAGRAPH_BREAK,
    ROMAN_STYLE,
    SEPARATOR_CELL,
    SUB_HEADING,
    WS,
    goes_on,
)
from pipeline.parse.activity_tables import (
    Row,
    Table,
    find_tables,
    is_group_heading,
    row_dates,
    row_indicators,
    row_text,
)
from pipeline.parse.activity_text import (
    GOVERNED_NUMBER,
    NOT_ACHIEVED,
    Clause,
    clauses,
    split_entries,
    years_inside,
)
from pipeline.parse.headings import ordinal_of, unread_headings
from pipeline.parse.latvian import find_period
from pipeline.parse.mentions import find_indicators
from pipeline.parse.named import find_minorities, find_places
from pipeline.parse.text import SourcedText, SourceFile


@dataclass(slots=True)
class _Item:
    number: str | None
    marker: SourcedText | None = None  # the number or bullet as written
    pieces: list[SourcedText] = field(default_factory=list)
    sub_run: bool = False  # bullets now are sub-items of this item
    dashed: bool = False  # opened by a "- " bullet
    bare: bool = False  # opened by a list with no bullets: entries end with "; "
    row: Row | None = None  # a row of a table of activities


@dataclass(frozen=True, slots=True)
class _Note:
    piece: SourcedText
    group: ActivityGroup
    at: int  # how many of the year's items come before it
    introduction: bool = False  # text before the first year heading: never read as prose


@dataclass(slots=True)
class _Year:
    ordinal: int
    numeral: str | None
    period: Period | None
    heading: Text | None
    stated: bool
    items: list[tuple[ActivityGroup, _Item]] = field(default_factory=list)
    notes: list[_Note] = field(default_factory=list)


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
        self.years: list[_Year] = []
        self.objectives: list[_Item] = []
        self.item: _Item | None = None
        self.expected = 1
        self.style: str | None = None
        self.in_objectives = False
        self.has_groups = False
        self.read_headings: list[tuple[int, int]] = []
        self.pending = 0  # where the text not yet given to the open item starts
        self.minority_prose = False  # a year's prose went on to the minority group's part
        self.roman = False  # a list numbered "I.", "II.", … was read

    # -- scanning -------------------------------------------------------------------------
    def run(self) -> None:
        s = self.text.text
        pos = 0
        tables = find_tables(self.text)
        for m in MARKERS.finditer(s):
            while tables and tables[0].start < m.end():
                table = tables.pop(0)
                self._text(self.text[pos : table.start])
                pos = table.end
                self._table(table)
            if m.start() < pos:
                continue  # inside a table, which its rows have read
            self.pending = pos
            kind = self._kind(m)
            if kind is None:
                continue
            self._text(self.text[pos : m.start()])
            pos = m.end()
            if kind == "year":
                self._year(m)
            elif kind == "group":
                self._group()
            elif kind == "number":
                self._number(m)
            elif kind == "bullet":
                self._bullet(
                    dashed=bool(m.group("dash") or m.group("inline_dash")),
                    bare=bool(m.group("list")),
                )
            written = not (m.group("list") or m.group("para"))  # those have no mark to keep
            if written and kind in ("number", "bullet") and self.item and not self.item.pieces:
                self.item.marker = self.text[m.start() : m.end()]
        for table in tables:
            self._text(self.text[pos : table.start])
            pos = table.end
            self._table(table)
        self._text(self.text[pos:])
        self._close()

    def _kind(self, m: re.Match[str]) -> str | None:
        if m.group("year"):
            return "year"
        if m.group("group") or m.group("minority") or m.group("inline_group"):
            return "group"
        if m.group("dash") and self._soft_broken_dash(m.start(), m.end()):
            return None
        if m.group("dash") or m.group("dot"):
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
        at_line_start = not before or before[-1] in "\n\t\x0b\ue000•-–*"
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
        if self.style is not None and style != self.style:
            return False
        if n == self.expected and after_break:
            return n > 1 or at_line_start or before.endswith(":")
        return False

    def _accepts_letter(self, m: re.Match[str]) -> bool:
        """A lettered list is a list of activities only where no other list is open: under a
        numbered or bulleted item, "a) b) c)" are that item's parts and stay in its text."""
        item = self.item
        in_letters = item is not None and item.number is not None and item.number[0].isalpha()
        if item is not None and (item.pieces or item.number is not None) and not in_letters:
            return False  # an empty item is a bullet just opened: "• a) …" starts the list
        n = ord(m.group("l")) - ord("a") + 1
        before = self.text.text[: m.start()].rstrip(" \u00a0")
        at_line_start = not before or before[-1] in "\n\t\x0b\ue000•-–*"
        if n == 1:
            return at_line_start or before.endswith(":")
        after_break = at_line_start or before.endswith((";", ".", ":", ")"))
        return self.style == LETTER and n == self.expected and after_break

    # -- events ---------------------------------------------------------------------------
    def _text(self, piece: SourcedText) -> None:
        if not piece.text.strip(WS):
            return
        heading = self._sub_heading_after_item(piece.text)
        if heading is not None:
            self._text(piece[:heading])
            self._close()
            self._note(piece[heading:])
            return
        after = self._paragraph_after_item(piece.text)
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

    def _year(self, m: re.Match[str]) -> None:
        self._close()
        numeral = m.group("numeral").upper()
        heading = self.text[m.start() : m.end()].collapse()
        self.read_headings.append((m.start(), m.end()))
        period = None
        written = "range" if m.group("range") is not None else "bare"
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
        ordinal = ordinal_of(numeral) or len(self.years) + 1
        self.years.append(
            _Year(ordinal, numeral, period, Text(heading.text, self.source.span_of(heading)), True)
        )
        if introduction is not None:
            self.years[-1].notes += _introduction_notes(introduction)
        self.group = self.default_group
        self._reset_list()

    def _group(self) -> None:
        self._close()
        self.has_groups = True
        self.group = ActivityGroup.MINORITY_CAPACITY
        self._reset_list()

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
        self.item = _Item(number)
        self.expected = n + 1
        self.style = style

    def _bullet(self, dashed: bool, bare: bool) -> None:
        if self.item is not None and self.item.sub_run:
            return  # a sub-item: its text stays in the open item
        self._close()
        self.item = _Item(None, dashed=dashed, bare=bare)

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
                self.item = _Item(number.text if number else None, number, [row_text(row)], row=row)
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
        year.notes.append(_Note(piece, self.group, len(year.items) + after_item))

    def _reset_list(self) -> None:
        self.expected, self.style, self.in_objectives = 1, None, False

    def _current_year(self) -> _Year:
        if not self.years:
            self.years.append(_Year(1, None, None, None, False))
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
        years = tuple(self._build_year(y) for y in self.years)
        objectives = tuple(self._text_of(SourcedText.join(i.pieces)) for i in self.objectives)
        unread = tuple(
            self.text[a:b].collapse()
            for a, b in unread_headings(self.text.text, self.read_headings)
        )
        return Description(years, objectives, self.has_groups, unread)

    def _text_of(self, mapped: SourcedText) -> Text:
        collapsed = mapped.collapse()
        return Text(collapsed.text, self.source.span_of(collapsed))

    def _build_year(self, year: _Year) -> ImplementationYear:
        activities: list[Activity] = []
        notes: list[Text] = []
        positions: dict[ActivityGroup, int] = {}

        def add(
            group: ActivityGroup,
            number: str | None,
            collapsed: SourcedText,
            prose: bool = False,
            row: Row | None = None,
        ) -> None:
            positions[group] = positions.get(group, 0) + 1
            activity = self._activity(year, group, positions[group], number, collapsed)
            if row is not None:
                activity = replace(
                    activity,
                    indicators=row_indicators(row, self.source),
                    dates=row_dates(row, self.source, year.period),
                )
            # A date in a sentence of prose is context ("Tāpat kā 2021. gada 5. martā, …"),
            # not the activity's own date: it is not read, so no finding comes from it. An
            # entry of a list written with ";" is the list's item, its dates its own.
            activities.append(replace(activity, dates=()) if prose else activity)

        # the notes before the item at the same index come first
        order = sorted(
            [(n.at, 0, k) for k, n in enumerate(year.notes)]
            + [(i, 1, i) for i in range(len(year.items))]
        )
        self.minority_prose = False  # the year's prose went on to the minority group's part
        for _, is_item, k in order:
            if is_item:
                group, item = year.items[k]
                whole = SourcedText.join(item.pieces).collapse()
                for collapsed in split_entries(whole) if item.bare else [whole]:
                    add(group, item.number, collapsed, row=item.row)
                continue
            note = year.notes[k]
            # Prose is read only in a year written wholly as prose: beside a list it is notes.
            as_written = note.introduction or bool(year.items)
            kept, read = ([note.piece], []) if as_written else self._read_prose(year, note.piece)
            notes += [self._text_of(piece) for piece in kept]
            for sentence, clause, minority in read:
                group = ActivityGroup.MINORITY_CAPACITY if minority else note.group
                add(group, None, sentence, prose=not clause.listed)
        return ImplementationYear(
            ordinal=year.ordinal,
            numeral=year.numeral,
            period=year.period,
            heading=year.heading,
            stated=year.stated,
            activities=tuple(activities),
            notes=tuple(notes),
        )

    def _read_prose(
        self, year: _Year, piece: SourcedText
    ) -> tuple[list[SourcedText], list[tuple[SourcedText, Clause, bool]]]:
        """The text of a year with no list, as (notes, activities). A year written as prose
        states its activities in sentences, or in one paragraph whose entries end in ";"
        (see `clauses`): a sentence or entry that counts something the indicator list knows
        is an activity, unless it introduces a list (it ends in ":"), says the count is not
        this year's achievement (not done, planned, compared, another year, the whole period,
        a change), or a word governs the number ("No 10 semināriem notika 8", "Pēc 3
        semināriem", "ar 3 biedrībām"). Every other sentence stays a note, as written. An
        entry that opens with the minority group's purpose starts that group's part, to the
        year's end; each activity comes with whether it is in it."""
        marked: list[tuple[Clause, bool, bool]] = []
        for c in clauses(piece.text):
            sentence = piece[c.start : c.stop].collapse()
            if opens_minority_part(sentence.text):
                self.minority_prose = self.has_groups = True
            is_activity = self._states_activity(year, sentence, c.listed)
            marked.append((c, is_activity, self.minority_prose))
        if not any(is_activity for _, is_activity, _ in marked):
            return [piece], []
        kept: list[SourcedText] = []
        read: list[tuple[SourcedText, Clause, bool]] = []
        for is_activity, run in itertools.groupby(marked, key=lambda m: m[1]):
            spans = list(run)
            if is_activity:
                read += [(piece[c.start : c.stop].collapse(), c, m) for c, _, m in spans]
            else:
                kept.append(piece[spans[0][0].start : spans[-1][0].stop])
        return kept, read

    def _states_activity(self, year: _Year, sentence: SourcedText, listed: bool) -> bool:
        s = sentence.text
        return (
            not s.endswith(":")
            and not NOT_ACHIEVED.search(s)
            and not GOVERNED_NUMBER.search(s)
            and years_inside(year.period, s, dated=listed)
            and bool(find_indicators(sentence, self.source))
        )

    def _activity(
        self,
        year: _Year,
        group: ActivityGroup,
        position: int,
        number: str | None,
        collapsed: SourcedText,
    ) -> Activity:
        return Activity(
            year=year.ordinal,
            group=group,
            position=position,
            number=number,
            text=Text(collapsed.text, self.source.span_of(collapsed)),
            indicators=find_indicators(collapsed, self.source),
            dates=activity_dates(collapsed, self.source, year.period),
            minorities=find_minorities(collapsed, self.source),
            places=find_places(collapsed, self.source),
        )


def _introduction_notes(introduction: _Year) -> list[_Note]:
    """The notes and items before the first year heading, in their order, as notes that come
    before the first year's items. An item keeps its number or bullet: nothing of it is read
    as this year's, since it may sum up every year."""
    pieces = [(n.at, 0, k, n.piece, n.group) for k, n in enumerate(introduction.notes)]
    for k, (group, item) in enumerate(introduction.items):
        marked = [item.marker, *item.pieces] if item.marker is not None else item.pieces
        pieces.append((k, 1, k, SourcedText.join(marked), group))
    return [
        _Note(piece, group, 0, introduction=True)
        for *_, piece, group in sorted(pieces, key=lambda p: p[:3])
    ]


_LAST_LINE = re.compile(r"[\n\t\x0b\ue000]")


def _is_sub_heading(line: str) -> bool:
    heading = SUB_HEADING.match(line)
    return heading is not None and not line[heading.end() :].strip(WS)


# A lower-case word on the next line goes on with a sentence; a list's next entry does not.
_LOWER_NEXT = re.compile(r"\s*[a-zāčēģīķļņšūž]")

# A table's row of totals ("| | Kopā | | 420 |") sums the rows above it: no activity of its own.
_TOTAL_ROW = re.compile(r"\s*(?:kopā|kopumā|pavisam)\b", re.I)
