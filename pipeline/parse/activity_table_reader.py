"""How the description's reader (`pipeline.parse.activities`) takes a table of activities:
each row an activity, a row with no activity in it a year's or a group's heading, or a
total, which stays a note.

An Excel export writes a merged cell once, in the first of its rows, and leaves it empty in
the rows below. A table whose columns give the year and the group of its rows ("Īstenošanas
gads | Virziens | Aktivitāte | Skaits | Dalībnieki") is read so: a year's heading in the
year's column ("I. ĪSTENOŠANAS GADS (15.07.2022.–14.07.2023.)") opens that year, the group's
name in the group's column opens that group, and each row is under the last year and group
above it. A group's name is read by the part of the task it names: the minorities
("Mazākumtautību NVO kapacitātes celšana") or civil society ("Pilsoniskās sabiedrības
attīstība"); a name that says neither is kept as the year's note, its rows in the report's
default group. A year's cell that is no heading is kept as a note too. A row of empty cells
says nothing. A table whose cells are filled down instead (the same heading in every row of
its year) is read the same: a cell that repeats the open year's heading, or the open group's
name, exactly goes on with that year or group.
"""

from __future__ import annotations

import re

from pipeline.model import ActivityGroup
from pipeline.parse.activity_groups import heads_civil_group, heads_minority_group
from pipeline.parse.activity_markers import MARKERS, WS
from pipeline.parse.activity_table_headers import Role
from pipeline.parse.activity_tables import Row, Table, is_group_heading, row_text
from pipeline.parse.activity_years import Item
from pipeline.parse.text import SourcedText


class TableReader:
    """The reader's handling of a table, over the state `pipeline.parse.activities` keeps."""

    text: SourcedText
    item: Item | None
    group: ActivityGroup
    default_group: ActivityGroup
    read_headings: list[tuple[int, int]]

    # the reader's events, which `pipeline.parse.activities` gives
    def _close(self) -> None: ...
    def _reset_list(self) -> None: ...
    def _note(self, piece: SourcedText, after_item: bool = False, kept: bool = False) -> None: ...
    def _year(self, m: re.Match[str]) -> None: ...
    def _group(self, civil: SourcedText | None = None) -> None: ...

    def _table(self, table: Table) -> None:
        self._close()
        self._reset_list()
        if not table.of_activities:
            self._note(table.header)
        by_columns = table.headed_by_columns
        if by_columns:
            # the header names the year's column ("Īstenošanas gads"): no year's heading
            self.read_headings.append((table.start, table.start + len(table.header.text)))
        held: Row | None = None  # a year's heading broken over two lines of its cell
        opened: dict[Role, str] = {}  # the cells that opened the open year and group
        for k, row in enumerate(table.rows):
            if not row.line.text.strip(WS):
                continue  # a row of empty cells
            after = table.rows[k + 1] if k + 1 < len(table.rows) else None
            if (
                by_columns
                and not row.cells
                and after is not None
                and self._year_heading(after, row) is not None
            ):
                held = row
                continue
            if by_columns and row.cells:
                self._column_headings(row, held, opened)
                held = None
                if not row.is_activity:
                    rest = row_text(row)
                    if rest.text.strip(WS):
                        self._note(rest)
                    continue
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

    def _year_heading(self, row: Row, held: Row | None) -> re.Match[str] | None:
        """The year's heading in the row's year column, as the description's grammar reads
        it; with `held`, the line of its cell before the row's ("I. ĪSTENOŠANAS GADS" over
        "(15.07.2022.–14.07.2023.)")."""
        year = row.first(Role.YEAR)
        if year is None:
            return None
        start = row.start if held is None else held.start
        wanted = " ".join((held.line.text if held else "").split() + year.text.split())
        return next(
            (
                m
                for m in MARKERS.finditer(self.text.text, start, row.end)
                if m.group("year") and " ".join(m.group(0).split()) == wanted
            ),
            None,
        )

    def _column_headings(
        self, row: Row, held: Row | None = None, opened: dict[Role, str] | None = None
    ) -> None:
        """The year and the group a row's own cells open, where it names them; a cell that
        repeats the one that opened the open year or group (`opened`) goes on with it."""
        opened = {} if opened is None else opened
        year = row.first(Role.YEAR)
        if year is not None:
            heading = self._year_heading(row, held)
            written = " ".join(heading.group(0).split()) if heading is not None else None
            if heading is not None and written == opened.get(Role.YEAR):
                self.read_headings.append((heading.start(), heading.end()))
            elif heading is not None and written is not None:
                self._year(heading)
                opened.clear()
                opened[Role.YEAR] = written
            else:
                self._close()
                self._note(year)
                opened.clear()
        group = row.first(Role.GROUP)
        if group is None:
            return
        name = " ".join(group.text.split())
        if name == opened.get(Role.GROUP):
            return
        opened[Role.GROUP] = name
        named = group_named(group.text)
        if named is ActivityGroup.MINORITY_CAPACITY:
            self._group()
        elif named is ActivityGroup.CIVIL_SOCIETY:
            self._group(group)
        else:
            self._close()
            self._reset_list()
            self.group = self.default_group
            self._note(group)


def group_named(name: str) -> ActivityGroup | None:
    """The group a group column's cell names, by the part of the task it names."""
    lowered = name.lower()
    minorities = "mazākumtautīb" in lowered or "kapacitātes celšan" in lowered
    civil = "pilsonisk" in lowered
    if heads_minority_group(name) or (minorities and not civil):
        return ActivityGroup.MINORITY_CAPACITY
    if heads_civil_group(name) or (civil and not minorities):
        return ActivityGroup.CIVIL_SOCIETY
    return None


# A table's row of totals ("| | Kopā | | 420 |") sums the rows above it: no activity of its own.
_TOTAL_ROW = re.compile(r"\s*(?:kopā|kopumā|pavisam)\b", re.I)
