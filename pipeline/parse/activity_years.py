"""The description's years as the reader collected them (see `pipeline.parse.activities`):
their items and notes, and how each is built into the model's year: an item into an
activity with its counts, dates and names, a note kept as written, or, in a year written
wholly as prose, read sentence by sentence.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass, field, replace

from pipeline.model import Activity, ActivityGroup, ImplementationYear, Indicator, Period, Text
from pipeline.parse.activity_compared import (
    compared_ranges,
    likened_ranges,
    masked,
    this_years,
)
from pipeline.parse.activity_dates import activity_dates
from pipeline.parse.activity_groups import opens_minority_part
from pipeline.parse.activity_people import approximate_signs, people_taking_part
from pipeline.parse.activity_sub_items import sub_item_parts
from pipeline.parse.activity_tables import Row, row_dates, row_indicators
from pipeline.parse.activity_text import (
    GOVERNED_NUMBER,
    NOT_ACHIEVED,
    Clause,
    clauses,
    split_entries,
    years_inside,
)
from pipeline.parse.mentions import find_indicators
from pipeline.parse.named import find_minorities, find_places
from pipeline.parse.text import SourcedText, SourceFile


@dataclass(slots=True)
class Item:
    """A list's entry (or a table's row) as the reader collects it."""

    number: str | None
    marker: SourcedText | None = None  # the number or bullet as written
    pieces: list[SourcedText] = field(default_factory=list)
    sub_run: bool = False  # bullets now are sub-items of this item
    dashed: bool = False  # opened by a "- " bullet
    bare: bool = False  # opened by a list with no bullets: entries end with "; "
    row: Row | None = None  # a row of a table of activities


@dataclass(frozen=True, slots=True)
class Note:
    """Text of a year outside its lists, kept where it stands among the items."""

    piece: SourcedText
    group: ActivityGroup
    at: int  # how many of the year's items come before it
    introduction: bool = False  # text before the first year heading: never read as prose
    kept: bool = False  # an entry of the year's goals: kept as written, never read as prose


@dataclass(slots=True)
class Year:
    """An implementation year as the reader collects it, before it is built."""

    ordinal: int
    numeral: str | None
    period: Period | None
    heading: Text | None
    stated: bool
    items: list[tuple[ActivityGroup, Item]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)


class YearBuilder:
    """Builds the model's years of one description, in their order: a year's prose may go
    on to the minority group's part (`has_groups` then turns true)."""

    def __init__(self, source: SourceFile, has_groups: bool) -> None:
        self.source = source
        self.has_groups = has_groups
        self.minority_prose = False  # a year's prose went on to the minority group's part

    def text_of(self, mapped: SourcedText) -> Text:
        collapsed = mapped.collapse()
        return Text(collapsed.text, self.source.span_of(collapsed))

    def build(self, year: Year) -> ImplementationYear:
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
            as_written = note.introduction or note.kept or bool(year.items)
            kept, read = ([note.piece], []) if as_written else self._read_prose(year, note.piece)
            # an empty cell or line is no note: a Text always holds words
            notes += [self.text_of(piece) for piece in kept if piece.text.strip()]
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
        self, year: Year, piece: SourcedText
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

    def _states_activity(self, year: Year, sentence: SourcedText, listed: bool) -> bool:
        # A comparison with another year ("…, par 10 vairāk nekā 2022. gadā") is that year's
        # count: the sentence is read by what stands outside it. "Tāpat kā iepriekšējā gadā"
        # likens this year to another and leaves its counts this year's.
        s = masked(sentence.text, compared_ranges(sentence.text))
        s = masked(s, likened_ranges(s))
        return (
            not s.endswith(":")
            and not NOT_ACHIEVED.search(s)
            and not GOVERNED_NUMBER.search(s)
            and years_inside(year.period, s, dated=listed)
            and bool(this_years(find_indicators(sentence, self.source), sentence, self.source))
        )

    def _activity(
        self,
        year: Year,
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
            indicators=sub_item_parts(
                this_years(self._counts(collapsed), collapsed, self.source), collapsed
            ),
            dates=activity_dates(collapsed, self.source, year.period),
            minorities=find_minorities(collapsed, self.source),
            places=find_places(collapsed, self.source),
        )

    def _counts(self, text: SourcedText) -> tuple[Indicator, ...]:
        """The counts in an activity's text, with those `pipeline.parse.mentions` leaves: a
        tilde's approximate count, people who took part (see `pipeline.parse.activity_people`)."""
        found = approximate_signs(find_indicators(text, self.source), text, self.source)
        return people_taking_part(found, text, self.source)


def introduction_notes(introduction: Year) -> list[Note]:
    """The notes and items before the first year heading, in their order, as notes that come
    before the first year's items. An item keeps its number or bullet: nothing of it is read
    as this year's, since it may sum up every year."""
    pieces = [(n.at, 0, k, n.piece, n.group) for k, n in enumerate(introduction.notes)]
    for k, (group, item) in enumerate(introduction.items):
        marked = [item.marker, *item.pieces] if item.marker is not None else item.pieces
        pieces.append((k, 1, k, SourcedText.join(marked), group))
    return [
        Note(piece, group, 0, introduction=True)
        for *_, piece, group in sorted(pieces, key=lambda p: p[:3])
    ]
