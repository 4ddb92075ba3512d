"""Splitting a cleaned report into its labelled sections.

Every layout shares the same row labels, whether they stand in a table cell
(`label<TAB>value`), inside HTML, or hard-wrapped over several lines of PDF text, so labels
are matched with any white space between their words, at the start of a line or cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.parse.diacritics import fold
from pipeline.parse.layout_columns import unfold_columns
from pipeline.parse.layout_pages import drop_page_furniture, footer_start
from pipeline.parse.signatures import notes_start, prepared_start, signature_start, value_end
from pipeline.parse.structure_labels import (
    CELL_START,
    LABEL_COLON,
    LABELS,
    REQUIRED,
    REWORDED,
    SHORT_LABELS,
    TITLE_WORD,
    TRANSLATION,
    Section,
    numbered,
    reworded_labels,
    short_labels,
)
from pipeline.parse.text import SourcedText

__all__ = [
    "LABELS",
    "REQUIRED",
    "REWORDED",
    "SHORT_LABELS",
    "TITLE_WORD",
    "Section",
    "Split",
    "drop_header_rows",
    "opens_with_label",
    "split_sections",
]


@dataclass(frozen=True, slots=True)
class Split:
    head: SourcedText  # everything before the first label (the title block)
    sections: dict[Section, SourcedText]  # the value of each section found
    labels: dict[Section, SourcedText]  # the label text as written
    tail: SourcedText | None = None  # text after the table's end, in no section
    signature: SourcedText | None = None  # the signature block closing the report
    # footnotes closing a section's value (a page's foot before the next label) or the
    # report, or a translation closing it, and a web page's footer after it, in document order
    notes: tuple[SourcedText, ...] = ()


# After the last section, where the table has ended: a second title or a label again (a
# report pasted twice, or two reports in one file).
# Only at the start of a line: a cell's own text may begin with "Kopsavilkums" ("Kopsavilkums
# sagatavots …" under other information) and is then still that cell.
_ANOTHER_REPORT = re.compile(
    r"(?:^|(?<=\n))[ \u00a0]*(?:\**"
    + TITLE_WORD
    + r"\b|"
    + "|".join(numbered(p) for p in LABELS.values())
    + ")"
)


def split_sections(cleaned: SourcedText) -> Split:
    """Find each label once (its first occurrence at a cell start) and cut between them."""
    # Plain text as a printed page or a PDF converter lays it out: its page furniture and
    # underlines go, and a two-column table is read by its columns.
    cleaned = unfold_columns(drop_page_furniture(cleaned), opens_with_label)
    cleaned = drop_header_rows(cleaned)
    found: list[tuple[int, int, Section]] = []
    for section, pattern in LABELS.items():
        label = numbered(pattern + TRANSLATION) + LABEL_COLON
        m = re.search(CELL_START + "(" + label + ")", cleaned.text)
        if m:
            found.append((m.start(1), m.end(1), section))
    found += short_labels(cleaned.text, found)
    found += reworded_labels(cleaned.text, found)
    found.sort()
    head_end = found[0][0] if found else len(cleaned)
    sections: dict[Section, SourcedText] = {}
    labels: dict[Section, SourcedText] = {}
    tail, tail_start = None, 0
    for i, (start, end, section) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) else _end_of_table(cleaned.text, end)
        labels[section] = cleaned[start:end]
        sections[section] = cleaned[end:stop]
        if i + 1 == len(found) and cleaned[stop:].text.strip():
            tail, tail_start = cleaned[stop:], stop
    # A web page's footer closes the report, after its signature: cut first, kept last.
    footer, tail = _cut_footer(sections, found[-1][2] if found else None, tail)
    signature = _cut_signature(sections, found[-1][2]) if found else None
    cut = [_cut_notes(sections, section, cleaned.text[:end]) for _, end, section in found]
    notes = [n for n in cut if n is not None]
    # After the closing notes are cut: the preparer's lines may stand before them.
    if found and tail is None and signature is None and footer is None:
        tail, tail_start = _cut_prepared(sections, found[-1][2], found[-1][1])
    if tail is not None and signature is None:
        at = signature_start(tail, whole=True)
        if at is not None:
            signature, tail = tail[at:], None
    if tail is not None:
        after, tail, signature = _notes_after_table(tail, cleaned.text[:tail_start], signature)
        notes += [after] if after is not None else []
    notes += [footer] if footer is not None else []
    return Split(cleaned[:head_end], sections, labels, tail, signature, tuple(notes))


def _cut_footer(
    sections: dict[Section, SourcedText], last: Section | None, tail: SourcedText | None
) -> tuple[SourcedText | None, SourcedText | None]:
    """A web page's footer closing the report (see `layout_pages.footer_start`), cut off the
    text after the table, or else off the last section's value: (footer, tail)."""
    if tail is not None:
        at = footer_start(tail, whole=True)
        if at is not None:
            return tail[at:].strip(), None
        at = footer_start(tail, whole=False)
        if at is not None:
            return tail[at:].strip(), tail[: value_end(tail, at)]
        return None, tail
    if last is None:
        return None, None
    value = sections[last]
    at = footer_start(value, whole=False)
    if at is None:
        return None, None
    sections[last] = value[: value_end(value, at)]
    return value[at:].strip(), None


_OPENING_LABELS = [re.compile(p) for p in (*LABELS.values(), *SHORT_LABELS.values())]


def opens_with_label(words: str) -> bool:
    """Whether `words` (a label cell's lines joined) open with a template's label, in full
    or short."""
    return any(p.match(words) for p in _OPENING_LABELS)


def _cut_notes(
    sections: dict[Section, SourcedText], last: Section, before: str
) -> SourcedText | None:
    """The footnotes or translation closing a section's value (see
    `signatures.notes_start`), cut off that value: they are no part of its answer."""
    value = sections[last]
    at = notes_start(value, before, whole=False)
    if at is None:
        return None
    sections[last] = value[: value_end(value, at)]
    return value[at:].strip()


def _notes_after_table(
    tail: SourcedText, before: str, signature: SourcedText | None
) -> tuple[SourcedText | None, SourcedText | None, SourcedText | None]:
    """The text after the table's end as the report's closing notes and signature, where it
    is nothing else (else it stays the tail): (notes, tail, signature)."""
    at = signature_start(tail, whole=False) if signature is None else None
    rest = tail[: value_end(tail, at)] if at is not None else tail
    start = notes_start(rest, before, whole=True)
    if start is None:
        return None, tail, signature
    return rest[start:].strip(), None, tail[at:] if at is not None else signature


def _cut_prepared(
    sections: dict[Section, SourcedText], last: Section, value_start: int
) -> tuple[SourcedText | None, int]:
    """The preparer's lines closing the last section's value (see `signatures.prepared_start`),
    which begins at `value_start`, cut off that value, as the text after the table's end they
    are: (tail, where it begins)."""
    value = sections[last]
    at = prepared_start(value)
    if at is None:
        return None, 0
    sections[last] = value[: value_end(value, at)]
    return value[at:], value_start + at


def _cut_signature(sections: dict[Section, SourcedText], last: Section) -> SourcedText | None:
    """The signature block closing the last section's value, cut off that value (where
    the last label is on its own line, its value runs to the text's end)."""
    value = sections[last]
    at = signature_start(value, whole=False)
    if at is None:
        return None
    sections[last] = value[: value_end(value, at)]
    return value[at:]


_ANY_LABEL = re.compile(CELL_START + "(?:" + "|".join(numbered(p) for p in LABELS.values()) + ")")
# A column's name: a few words, no number (a row's value has its dates and amounts).
_COLUMN_NAME = re.compile(r"[^\W\d_]+(?:[ \u00a0]+[^\W\d_]+){0,3}\.?")
# The words a table's header names its columns with. A row of other words before the first
# label ("Reģions | Vidzemes reģions") may be the report's own text: it is kept (and reported
# as text outside any section), and only where the table repeats it (a PDF repeats its header
# on each page) are the repetitions dropped.
_COLUMN_WORDS = frozenset(
    fold(w)
    for w in [
        "sadaļa",
        "sadaļas",
        "sadaļu",
        "informācija",
        "informācijas",
        "nosaukums",
        "nosaukumi",
        "apraksts",
        "apraksti",
        "rādītājs",
        "rādītāji",
        "vērtība",
        "vērtības",
        "saturs",
        "lauks",
        "lauki",
        "dati",
        "joma",
        "teksts",
        "kolonna",
        "aile",
        "piezīmes",
        "skaidrojums",
        "komentāri",
        "un",
        "nr",
        "nr.",
    ]
)
_CELL_WS = " \u00a0\x0b\ue000\ue100"


def drop_header_rows(cleaned: SourcedText) -> SourcedText:
    """The table's header row ("Sadaļa | Informācija") and each repetition of it (a PDF
    repeats it at the top of every page, where it falls between the rows or inside one)
    without it: it names the columns, and read as text it would be a stray line in the
    title block or an activity in the middle of the description. The header is the row
    right before the first label's, of two cells or more, each a name of a few words; of a
    header in other words than columns are named with only the repetitions go."""
    text = cleaned.text
    first = _ANY_LABEL.search(text)
    if first is None or "\t" not in text:
        return cleaned
    line_start = text.rfind("\n", 0, first.start()) + 1
    if text[line_start : first.start()].strip(_CELL_WS + "\t"):
        return cleaned  # the label is not its row's first cell
    before = text[:line_start].rstrip("\n")
    header_start = before.rfind("\n") + 1
    header = _cells(before[header_start:])
    if len(header) < 2 or not all(_COLUMN_NAME.fullmatch(c) for c in header):
        return cleaned
    rows = [
        m
        for m in re.finditer(r"[^\n]*(?:\n|$)", text)
        if m.start() >= header_start and m.group().strip() and _cells(m.group()) == header
    ]
    if not all(fold(w.lower()) in _COLUMN_WORDS for c in header for w in c.split()):
        # Other words: what the table repeats goes, the first time stays the report's text.
        rows = rows[1:]
    keep: list[SourcedText] = []
    pos = 0
    for m in rows:
        keep.append(cleaned[pos : m.start()])
        pos = m.end()
    keep.append(cleaned[pos:])
    return SourcedText.join(keep, "")


def _cells(line: str) -> list[str]:
    return [" ".join(c.strip(_CELL_WS).split()) for c in line.rstrip("\n").split("\t")]


def _end_of_table(text: str, value_start: int) -> int:
    """Where the last section's value ends. In a table (`label<TAB>value` rows) its row ends
    at the end of the line, unless the next rows continue it (an empty first cell); in any
    layout a second title or a label again starts what is no longer this report's table."""
    again = _ANOTHER_REPORT.search(text, value_start)
    end = again.start() if again else len(text)
    if not text.startswith("\t", value_start) and "\t" not in text[value_start : value_start + 2]:
        return end
    line_end = text.find("\n", value_start)
    while 0 <= line_end < end:
        if text.startswith(("\t", "\n"), line_end + 1):
            line_end = text.find("\n", line_end + 1)
            continue
        return line_end + 1 if text[line_end + 1 : end].strip() else end
    return end
