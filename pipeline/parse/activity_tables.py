"""Activities written as a table whose rows are `| cell | cell |` lines: a Markdown table, or
the rows of a table inside a Word cell (see `pipeline.documents.layout`).

    | Nr. | Aktivitāte | Plānots | Faktiski |          | Nr.p.k. | Aktivitāte | Skaits |
    |---|---|---|---|                                  | 1. | Reģionālie NVO forumi | 2 |
    | 1. | Mācību semināri | 6 | 7 semināri |

The header row names what each column holds; a table is one of activities only when it has a
column naming the activity and one giving what was done ("Faktiski", "Sasniegts", "Skaits").
A row of one cell merged across the table ("I ĪSTENOŠANAS GADS (…)", "Latgales
mazākumtautību kapacitātes celšanai") is a year's or a group's heading inside it: a Word,
OpenDocument or HTML table gives it as a line with no tab between its rows.
A column of the year or the group ("Īstenošanas gads", "Virziens"), an Excel export's merged
cells, heads the rows below its cell (see `pipeline.parse.activity_table_reader`): it is no
part of any row's activity.
A row is then an activity: its number as written in the "Nr." column, its text the activity's
name and what was done. A planned value ("Plānots") is a target, not an achievement: it is no
part of the activity. A count alone in its cell counts what the activity's name names, read
as if the number were written before the name ("2" of "Reģionālie NVO forumi": 2 forums),
unless the name or the header names a unit or another count ("(stundas)", "dalībnieku
skaits"); a name that says in parentheses what its count counts ("Materiāltehniskais atbalsts
(MT NVO skaits)") counts that. A total the name gives in parentheses, all the parentheses hold ("Konsultācijas
NVO pārstāvjiem (kopā 96 konsultācijas)"), is read too. A column of money, a share or a time
("Faktiski, EUR", "Izpilde, %", "Izpildes termiņš") is never counted; a table with no other
column of what was done stays a note.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from pipeline.model import DateMention, Indicator, Period, Qualifier
from pipeline.parse.activity_dates import activity_dates
from pipeline.parse.activity_groups import is_minority_heading
from pipeline.parse.activity_table_headers import Role, header_roles, spelled_out
from pipeline.parse.latvian import number_in_words
from pipeline.parse.mentions import counted_kind, find_indicators, qualifier_before
from pipeline.parse.text import SourcedText, SourceFile

# A row: `| … |` with nothing else on its line (a table inside a Word cell), or a line of
# cells parted by tabs (the layout of a Word, OpenDocument or Markdown table).
_PIPE_ROW = re.compile(
    r"(?:^|(?<=[\n\x0b\ue000]))[ \t\u00a0]*\|(?P<body>[^\n\x0b]*)\|[ \t\u00a0]*(?=[\n\x0b\ue000]|$)"
)
_TAB_ROW = re.compile(r"(?:^|(?<=\n))(?P<body>[^\n|]*\t[^\n|]*)(?=\n|$)")
_BETWEEN = {"|": re.compile(r"[\s\ue000]*"), "\t": re.compile(r"\n")}
_RULE_CELL = re.compile(r"\s*:?-{2,}:?\s*")
_NUMBER_CELL = re.compile(r"(\d{1,2})[.)]?|[a-z]\)")


@dataclass(frozen=True, slots=True)
class Cell:
    role: Role
    header: str  # the column's header as written
    text: SourcedText


@dataclass(frozen=True, slots=True)
class Row:
    """A row of a table of activities: the row as written and its cells."""

    line: SourcedText
    start: int
    end: int
    cells: tuple[Cell, ...]

    def first(self, role: Role) -> SourcedText | None:
        return next((c.text for c in self.cells if c.role is role and c.text.text), None)

    @property
    def number(self) -> SourcedText | None:
        cell = self.first(Role.NUMBER)
        return cell if cell is not None and _NUMBER_CELL.fullmatch(cell.text) else None

    @property
    def is_activity(self) -> bool:
        """A row with a number or with what was done; a row with only a heading in it
        ("| | Mazākumtautību kapacitātes celšanai: | |") is no activity, nor is any row of a
        table that says nothing of what was done ("| Aktivitāte | Plānots, EUR |")."""
        if not any(c.role is Role.DONE for c in self.cells):
            return False
        return self.number is not None or self.first(Role.DONE) is not None


# A row that is only a group's heading, a cell merged across the table or one cell of a row:
# "Latgales mazākumtautību kapacitātes celšanai", with or without the ":" a paragraph has.
_GROUP_ROW = re.compile(r"[^:;.\t]{0,80}?kapacitātes\s+celšanai\s*:?", re.I)


def is_group_heading(row: Row) -> bool:
    """Whether the row is the heading of the minority group's activities, and nothing else."""
    line = re.sub(r"[|\s\ue000]+", " ", row.line.text).strip()
    return bool(_GROUP_ROW.fullmatch(line)) or is_minority_heading(line)


@dataclass(frozen=True, slots=True)
class Table:
    start: int
    end: int
    rows: tuple[Row, ...]
    header: SourcedText  # the header row as written

    @property
    def headed_by_columns(self) -> bool:
        """Whether a column gives the year or the group each row is under."""
        return any(c.role in (Role.YEAR, Role.GROUP) for row in self.rows for c in row.cells)

    @property
    def of_activities(self) -> bool:
        """Whether the table says what was done; one that does not ("| Aktivitāte |
        Izpildes termiņš |") is kept as written, a note."""
        return any(c.role is Role.DONE for row in self.rows for c in row.cells)


def find_tables(text: SourcedText) -> list[Table]:
    """The tables of activities in `text`, in order, each from its header row to its last row."""
    tables = [t for sep in _BETWEEN for t in _tables(text, sep)]
    return sorted(tables, key=lambda t: t.start)


def _tables(text: SourcedText, sep: str) -> list[Table]:
    s = text.text
    runs: list[list[re.Match[str] | tuple[int, int]]] = []
    for m in (_PIPE_ROW if sep == "|" else _TAB_ROW).finditer(s):
        last = runs[-1][-1] if runs else None
        if isinstance(last, re.Match) and _BETWEEN[sep].fullmatch(s, last.end(), m.start()):
            runs[-1].append(m)
        elif isinstance(last, re.Match) and sep == "\t" and (lines := _spanning(s, last, m)):
            runs[-1] += [*lines, m]
        else:
            runs.append([m])
    tables: list[Table] = []
    for run in runs:
        header: list[tuple[Role, str]] | None = None
        start = 0
        line = text[0:0]
        rows: list[Row] = []
        pending: list[Row] = []  # rows of one cell across the table, kept if a row follows
        for item in run:
            if isinstance(item, tuple):
                pending.append(Row(text[item[0] : item[1]], item[0], item[1], ()))
                continue
            m = item
            cells = _cells(text, m, sep)
            roles = header_roles([c.text for c in cells])
            if roles is not None:
                if header is not None and rows:
                    tables.append(Table(start, rows[-1].end, tuple(rows), line))
                header = [(r, c.text) for r, c in zip(roles, cells, strict=True)]
                start, rows, line, pending = m.start(), [], text[m.start() : m.end()], []
                continue
            if header is None or all(_RULE_CELL.fullmatch(c.text) for c in cells):
                continue
            if len(cells) != len(header):
                shown = [c for c in cells if c.text and not _RULE_CELL.fullmatch(c.text)]
                if len(shown) == 1 and len(header) > 1:
                    # a row of one merged cell ("| I gads |"): a heading, never an activity
                    pending.append(Row(text[m.start() : m.end()], m.start(), m.end(), ()))
                    continue
                break  # another table, or a row whose columns cannot be told
            row = tuple(Cell(r, h, c) for (r, h), c in zip(header, cells, strict=True))
            rows += [*pending, Row(text[m.start() : m.end()], m.start(), m.end(), row)]
            pending = []
        if header is not None and rows:
            tables.append(Table(start, rows[-1].end, tuple(rows), line))
    return tables


# A Word, OpenDocument or HTML row of one cell merged across the table (a year or group
# heading: "I ĪSTENOŠANAS GADS (…)", "Latgales mazākumtautību kapacitātes celšanai") is a
# line with no tab between the table's rows. One or two such lines, none a list's entry,
# belong to the table when a row of it follows; a paragraph after the table has none after it.
_SPANNING_LINE = re.compile(r"[ \u00a0\x0b\ue000]*[^\s\ue000|][^\t\n|]{0,200}")
_LIST_ENTRY = re.compile(r"[ \u00a0\x0b\ue000]*(?:[•\-–*]|\d{1,2}[.)]|[a-z]\))\s")


def _spanning(s: str, before: re.Match[str], after: re.Match[str]) -> list[tuple[int, int]]:
    """The lines between two tab rows, as (start, end), when they are rows of one cell."""
    gap = s[before.end() : after.start()]
    if not (gap.startswith("\n") and gap.endswith("\n")):
        return []
    lines: list[tuple[int, int]] = []
    at = before.end() + 1
    for piece in gap[1:-1].split("\n"):
        if not _SPANNING_LINE.fullmatch(piece) or _LIST_ENTRY.match(piece):
            return []
        lines.append((at, at + len(piece)))
        at += len(piece) + 1
    return lines if len(lines) <= 2 else []


def _cells(text: SourcedText, m: re.Match[str], sep: str) -> list[SourcedText]:
    cells: list[SourcedText] = []
    at = m.start("body")
    for part in m.group("body").split(sep):
        cells.append(text[at : at + len(part)].strip())
        at += len(part) + 1
    return cells


# A count alone in its cell, perhaps qualified ("ap 420", "vairāk nekā 530"), thousands
# grouped by a space; a full stop may end it.
_BARE_COUNT = re.compile(
    r"(?P<words>(?:[^\W\d_]+\s+){0,3}?)(?P<n>\d{1,3}(?:[ \u00a0]\d{3})+|\d{1,6})"
    # a footnote's mark after the count ("146¹") is none of its digits
    r"(?:[ \u00a0]?[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾?|\*{1,3})?"
    r"(?:\s*\(\s*(?P<said>[^\W\d_]+(?:\s+[^\W\d_]+){0,2})\s*\))?\.?"
)


# Columns that are no part of the activity: its number, a plan, and the year's or group's
# heading the row is under (`pipeline.parse.activities` reads those).
_NOT_THE_ACTIVITY = (Role.NUMBER, Role.TARGET, Role.YEAR, Role.GROUP)


def row_text(row: Row) -> SourcedText:
    """The activity's text: its name and what was done (and any column not read), as one."""
    kept = [c.text for c in row.cells if c.role not in _NOT_THE_ACTIVITY and c.text.text]
    return SourcedText.join(kept, " – ")


def row_dates(row: Row, source: SourceFile, period: Period | None) -> tuple[DateMention, ...]:
    """The dates of a row's activity: those in its text but for a plan or a deadline
    ("Izpildes termiņš" is a date set, not when the activity was done; "Norises laiks" is).
    `period` is the implementation year's, which gives a range of months its year."""
    return tuple(
        d
        for c in row.cells
        if c.role not in _NOT_THE_ACTIVITY and not _DEADLINE.search(c.header)
        for d in activity_dates(c.text, source, period)
    )


_DEADLINE = re.compile(r"termiņ", re.I)


def row_indicators(row: Row, source: SourceFile) -> tuple[Indicator, ...]:
    """What a row says was done: the quantities in its "done" cells, and a total the name
    gives in parentheses. Any other number in the name or in a column of unknown meaning is
    not read: the table says where the achievement is."""
    found: list[Indicator] = []
    name = row.first(Role.NAME)
    for cell in row.cells:
        if cell.role is not Role.DONE or not cell.text.text:
            continue
        alone = _BARE_COUNT.fullmatch(cell.text.text)
        if alone is None:
            # a breakdown is marked within its cell: its positions follow the cells before
            shift = len(found)
            found += [
                replace(i, part_of=i.part_of + shift) if i.part_of is not None else i
                for i in find_indicators(cell.text, source)
            ]
            continue
        counted = _column_count(row, name, cell, alone, source)
        if counted is not None:
            found.append(counted)
    if name is not None:
        kinds = {i.kind for i in found}
        found += [i for i in _name_totals(name, source) if i.kind not in kinds]
    return tuple(found)


# A count the name gives in parentheses, all that the parentheses hold: "Konsultācijas NVO
# pārstāvjiem (kopā 96 konsultācijas)". Its words say what it counts, where the count column
# has none ("–"), as a list entry would; a title's number ("Seminārs „5 soļi”") or a measure
# ("(3 dienas)") is no counted phrase alone in parentheses.
_PARENTHESES = re.compile(r"\((?P<inner>[^()]*\d[^()]*)\)")
_TOTAL_WORD = r"(?:(?:kopā|kopskaitā|pavisam|kopumā)\s+)?"


def _name_totals(name: SourcedText, source: SourceFile) -> list[Indicator]:
    found: list[Indicator] = []
    for m in _PARENTHESES.finditer(name.text):
        inner = name[m.start("inner") : m.end("inner")].strip()
        counted = find_indicators(inner, source)
        if len(counted) != 1 or counted[0].part_of is not None:
            continue
        if re.fullmatch(_TOTAL_WORD + re.escape(counted[0].phrase), inner.text, re.I):
            found.append(counted[0])
    return found


def _column_count(
    row: Row, name: SourcedText | None, cell: Cell, alone: re.Match[str], source: SourceFile
) -> Indicator | None:
    """A count alone in its cell counts what its column's header names ("Dalībnieku
    skaits"), or else what the activity's name names."""
    qualifier = qualifier_before(cell.text.text, alone.start("n"))
    if qualifier is None or (alone.group("words") and qualifier is Qualifier.EXACT):
        return None  # an upper bound, or words that are no qualifier
    value = int(re.sub(r"\D", "", alone.group("n")))
    if alone.group("said") and number_in_words(alone.group("said")) != value:
        return None  # "2 (trīs)": which of the two is meant cannot be told
    header = spelled_out(cell.header)
    if value in _YEARS and not _COUNT_HEADER.search(header):
        return None  # "2023" under "Izpilde": a year as likely as a count
    kind = counted_kind(header)
    if _measures_other(header, kind):
        return None
    if kind is None and name is not None:
        said = _COUNT_SAID.search(name.text)
        kind = counted_kind(said.group("what") if said else name.text)
        if _measures_other(name.text, kind):
            return None
    if kind is None:
        return None
    # The phrase runs from the name (if it names the kind) to the count, as written.
    first = name if name is not None and counted_kind(header) is None else cell.text
    a = row.line.offsets.index(first.offsets[0])
    b = row.line.offsets.index(cell.text.offsets[-1]) + 1
    piece = row.line[a:b]
    return Indicator(value, qualifier, kind, piece.text, source.span_of(piece))


# A name that says in parentheses what the count beside it counts: "Materiāltehniskais
# atbalsts (MT NVO skaits)" counts the organisations supported, not the support.
_COUNT_SAID = re.compile(r"\((?P<what>[^()]+?)\s+skaits\)\s*$", re.I)
# A number alone that could be a year is read only under a header that says it is a count.
_YEARS = range(1900, 2101)
_COUNT_HEADER = re.compile(r"skait|daudzum", re.I)
# A unit in the words naming the count makes it a measure, not a number of things: "Konsultācijas
# NVO (stundas) | 120" are hours, "Stundu skaits" too.
_UNIT = re.compile(
    r"(?<![^\W\d_])(?:stund\w*|h|st\.|minūt\w*|dien(?:a|as|u|ās)|nedēļ\w*|mēne(?:si|šu|šos)"
    r"|eur|euro|eiro|lpp|km|reiz(?:e|es|u|ēm)|cilvēk(?:stund|dien)\w*|procent\w*)(?![^\W\d_])|€|%",
    re.I,
)
# A unit after a number measures the thing named, not the count: "forums (divu dienu) | 1"
# is one forum of two days.
_NUMBER_BEFORE = re.compile(r"(?:\d+|(?<![^\W\d_])(?P<word>[^\W\d_]+))[ \u00a0-]*$")


def _after_number(words: str, at: int) -> bool:
    m = _NUMBER_BEFORE.search(words, 0, at)
    return m is not None and (
        m.group("word") is None or number_in_words(m.group("word")) is not None
    )


# "dalībnieku skaits": a count of what the genitive plural before "skaits" names.
_COUNT_OF = re.compile(r"(?<![^\W\d_])(?P<noun>[^\W\d_]+u)\s+skait", re.I)


def _measures_other(words: str, kind: str | None) -> bool:
    """Whether the words naming a count say it counts something other than `kind`: a unit
    ("stundas"), or a count of another thing ("Semināri, dalībnieku skaits | 45": 45 are the
    participants, not the seminars; which the number counts is not read from the name)."""
    if any(not _after_number(words, m.start()) for m in _UNIT.finditer(words)):
        return True
    return any(counted_kind(m.group("noun")) != kind for m in _COUNT_OF.finditer(words))
