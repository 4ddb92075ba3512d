"""Splitting a cleaned report into its labelled sections.

Every layout shares the same row labels, whether they stand in a table cell
(`label<TAB>value`), inside HTML, or hard-wrapped over several lines of PDF text, so labels
are matched with any white space between their words, at the start of a line or cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from pipeline.parse.layout_columns import unfold_columns
from pipeline.parse.layout_pages import drop_page_furniture
from pipeline.parse.signatures import notes_start, signature_start, value_end
from pipeline.parse.text import SourcedText


class Section(StrEnum):
    TASK = "task"
    IMPLEMENTER = "implementer"
    PERIOD = "delegation-period"
    DESCRIPTION = "description"
    FUNDING = "funding"
    IRREGULAR = "irregular-expenditure"
    UNRECOVERED = "unrecovered-amount"
    OTHER = "other-information"


def _words(*words: str) -> str:
    return r"[\s*]+".join(words)


def _any_case(pattern: str) -> str:
    """A label in any letter case ("VALSTS PĀRVALDES UZDEVUMS", "Valsts Pārvaldes
    Uzdevums") but opening with a capital: at a line start a lower-case word is a
    hard-wrapped sentence going on ("… un\ncita informācija par …"), no label."""
    return r"(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ])(?i:" + pattern + ")"


# Label patterns, in template order. The description label's wording differs between
# reports ("rezultatīvajiem rādītājiem", "rezultātiem un rādītājiem", a typo), so it is
# matched from its first words to its last.
_LABELS_AS_WRITTEN: dict[Section, str] = {
    Section.TASK: _words("Valsts", "pārvaldes", "uzdevums") + r"(?![\wāčēģīķļņšūž])",
    Section.IMPLEMENTER: _words(
        "Valsts", "pārvaldes", "uzdevuma", r"(?:veicējs|īstenotājs|izpildītājs)"
    ),
    Section.PERIOD: _words("Valsts", "pārvaldes", "uzdevuma", "deleģēšanas", "periods"),
    Section.DESCRIPTION: _words("Apraksts", "un", "vērtējums") + r"[^\t]{0,400}?mērķiem",
    Section.FUNDING: _words(
        "Plānotais",
        "un",
        "faktiski",
        "izlietotais",
        "valsts",
        "budžeta",
        "finansējums",
        "sadalījumā",
        "pa",
        "gadiem",
    ),
    Section.IRREGULAR: _words("Neatbilstoši", "veiktie", "izdevumi"),
    Section.UNRECOVERED: _words(
        "Neatgūto", "līdzekļu", "apmērs", "no", "neatbilstoši", "veiktajiem", "izdevumiem"
    ),
    Section.OTHER: _words("Cita", "informācija"),
}
LABELS: dict[Section, str] = {s: _any_case(p) for s, p in _LABELS_AS_WRITTEN.items()}

# The short forms typists write for the first three labels ("Uzdevuma veicējs",
# "Deleģēšanas periods", "Uzdevums"). Their words also open sentences ("Uzdevuma veicējs
# organizēja …"), so a short form is a label only where the full one is not found, standing
# alone in its cell or line or ending in a colon, at the start of a row (its label cell), and
# before the description's label (in the template's order these come first).
SHORT_LABELS: dict[Section, str] = {
    Section.TASK: _any_case(r"Uzdevums"),
    Section.IMPLEMENTER: _any_case(
        r"Uzdevuma\s+(?:veicējs|īstenotājs|izpildītājs)|Īstenotājs|Veicējs"
    ),
    Section.PERIOD: _any_case(r"(?:Uzdevuma\s+deleģēšanas|Deleģēšanas)\s+periods"),
}
_SHORT_END = r"(?=[ \u00a0]*(?::|[\t\n\x0b]|$))"

#: The title's first word as the template writes it, or in capitals as a heading style sets
#: it. Not any letter case: "kopsavilkums" in running text is a word, not a title.
TITLE_WORD = r"(?:Kopsavilkums|KOPSAVILKUMS)"

#: Sections without which a report cannot be published faithfully (an error when missing);
#: the others are a warning.
REQUIRED = (Section.TASK, Section.IMPLEMENTER, Section.PERIOD, Section.DESCRIPTION, Section.FUNDING)

_CELL_START = r"(?:^|(?<=[\n\t\x0b]))[ \u00a0]*"
# Many typists number the labels as the template's rows ("1. VALSTS PĀRVALDES UZDEVUMS:",
# "2) …", "3 …", or a number cell "4.<TAB>…"). The number belongs to the label: left in the
# section before, it would end that section's value. Only right at a line's or cell's start,
# where a sentence's number ("… organizēti 2 Valsts …") never stands.
_NUMBER = r"(?:[1-9]\d?[.)]?[ \u00a0\t]+)?"


# A dash set off by spaces after a label, as a colon is ("Neatbilstoši veiktie izdevumi –
# nav", "Valsts pārvaldes uzdevuma veicējs – Biedrība …").
_LABEL_DASH = r"[ \u00a0]+[–—-](?=[ \u00a0])"


def _numbered(pattern: str) -> str:
    """The label, or its number and the label ending where a label does (a colon or dash,
    the cell's or line's end): a numbered list item of the description opening with a
    label's words ("3) Cita informācija par projektu ir …") goes on as a sentence."""
    return f"(?:{_NUMBER[:-1]}(?:{pattern})(?:{_SHORT_END}|(?={_LABEL_DASH}))|(?:{pattern}))"


# A row's first cell, its label cell: a short label's words inside a value ("<TAB>Īstenotājs:
# biedrība sadarbībā ar pašvaldību" in the task's cell) are that value's text.
_ROW_START = r"(?:^|(?<=\n))[ \u00a0\x0b\ue000]*"
# Many typists end a label with a colon ("…veicējs:", "…mērķiem :", doubled "…veicējs::"
# where a form's label already had one), or a dash. It belongs to the label: left in the
# value it would stand before the cell's first word, where a year heading, a legal form, a
# funding row's key or a "Nav" is only read at the start.
# a colon, a spaced dash, or both ("Neatbilstoši veiktie izdevumi: – nav")
_LABEL_COLON = rf"(?:(?:[ \u00a0]*:)+(?:{_LABEL_DASH})?|{_LABEL_DASH})?"


@dataclass(frozen=True, slots=True)
class Split:
    head: SourcedText  # everything before the first label (the title block)
    sections: dict[Section, SourcedText]  # the value of each section found
    labels: dict[Section, SourcedText]  # the label text as written
    tail: SourcedText | None = None  # text after the table's end, in no section
    signature: SourcedText | None = None  # the signature block closing the report
    # footnotes closing a section's value (a page's foot before the next label) or the
    # report, or a translation closing it, in document order
    notes: tuple[SourcedText, ...] = ()


# After the last section, where the table has ended: a second title or a label again (a
# report pasted twice, or two reports in one file).
# Only at the start of a line: a cell's own text may begin with "Kopsavilkums" ("Kopsavilkums
# sagatavots …" under other information) and is then still that cell.
_ANOTHER_REPORT = re.compile(
    r"(?:^|(?<=\n))[ \u00a0]*(?:\**"
    + TITLE_WORD
    + r"\b|"
    + "|".join(_numbered(p) for p in LABELS.values())
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
        m = re.search(_CELL_START + "(" + _numbered(pattern) + _LABEL_COLON + ")", cleaned.text)
        if m:
            found.append((m.start(1), m.end(1), section))
    found += _short_labels(cleaned.text, found)
    found += _reworded_labels(cleaned.text, found)
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
    signature = _cut_signature(sections, found[-1][2]) if found else None
    cut = [_cut_notes(sections, section, cleaned.text[:end]) for _, end, section in found]
    notes = [n for n in cut if n is not None]
    if tail is not None and signature is None:
        at = signature_start(tail, whole=True)
        if at is not None:
            signature, tail = tail[at:], None
    if tail is not None:
        after, tail, signature = _notes_after_table(tail, cleaned.text[:tail_start], signature)
        notes += [after] if after is not None else []
    return Split(cleaned[:head_end], sections, labels, tail, signature, tuple(notes))


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


def _cut_signature(sections: dict[Section, SourcedText], last: Section) -> SourcedText | None:
    """The signature block closing the last section's value, cut off that value (where
    the last label is on its own line, its value runs to the text's end)."""
    value = sections[last]
    at = signature_start(value, whole=False)
    if at is None:
        return None
    sections[last] = value[: value_end(value, at)]
    return value[at:]


_ANY_LABEL = re.compile(_CELL_START + "(?:" + "|".join(_numbered(p) for p in LABELS.values()) + ")")
# A column's name: a few words, no number (a row's value has its dates and amounts).
_COLUMN_NAME = re.compile(r"[^\W\d_]+(?:[ \u00a0]+[^\W\d_]+){0,3}\.?")
# The words a table's header names its columns with. A row of other words before the first
# label ("Reģions | Vidzemes reģions") may be the report's own text: it is kept (and reported
# as text outside any section), and only where the table repeats it (a PDF repeats its header
# on each page) are the repetitions dropped.
_COLUMN_WORDS = frozenset(
    [
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
    if not all(w.lower() in _COLUMN_WORDS for c in header for w in c.split()):
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


def _short_labels(
    text: str, found: list[tuple[int, int, Section]]
) -> list[tuple[int, int, Section]]:
    """The short forms of the labels not found in full, before the description's label (or
    the funding's, or anywhere when neither is found)."""
    later = [start for start, _, s in found if s in (Section.DESCRIPTION, Section.FUNDING)]
    limit = min(later, default=len(text))
    have = {s for _, _, s in found}
    out: list[tuple[int, int, Section]] = []
    for section, pattern in SHORT_LABELS.items():
        if section in have:
            continue
        label = _ROW_START + f"({_NUMBER}(?:{pattern}){_SHORT_END}{_LABEL_COLON})"
        m = re.search(label, text)
        taken = [(start, end) for start, end, _ in found + out]
        if m and m.start(1) < limit and not any(start <= m.start(1) < end for start, end in taken):
            out.append((m.start(1), m.end(1), section))
    return out


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


# -- labels as typists reword them ------------------------------------------------------------
# Typists shorten the template's labels ("4. Apraksts un vērtējums par sasniegtajiem
# rezultatīvajiem rādītājiem"), put a word before them ("Deleģētais valsts pārvaldes
# uzdevums") or use another word of the same meaning ("Neatbilstoši izlietotie līdzekļi").
# Such a label is known by its distinctive words, and is one only where it looks like a
# label: alone in its row's first cell or line, or ending in a colon; words only (a
# sentence has its commas, numbers and full stops), opening with a capital; and between the
# labels found of the sections before and after it in the template's order, the first
# there. A sentence of a section's value is then never read as the next section's label
# unless that section's own label is written in words no reader would place.
# A long label hard-wrapped once (PDF text): its second line lower-case words ending in the
# label's colon ("… sasniegtajiem rezultatīvajiem\nrādītājiem:"). Without the colon a
# lower-case line after a label's words may be its value's first.
_WRAP = r"[ \u00a0]*\n[ \u00a0]*(?=[a-zāčēģīķļņšūž][^\W\d_]*(?:[ \u00a0]+[^\W\d_]+)*[ \u00a0]*:)"
_LABEL_WORDS = (
    r"(?P<words>[A-ZĀČĒĢĪĶĻŅŠŪŽ][^\W\d_]*"
    rf"(?:(?:[ \u00a0]+|[ \u00a0]*/[ \u00a0]*|{_WRAP})[^\W\d_]+){{0,29}})"
    # a remark in parentheses after it: "(euro)", "(nosaukums)"
    r"(?:[ \u00a0]*\([^()\d\n\t\x0b]{1,40}\))?"
)
_REWORDED = re.compile(
    _ROW_START
    + f"(?P<label>{_NUMBER}{_LABEL_WORDS}"
    + rf"(?:(?:[ \u00a0]*:)+(?:{_LABEL_DASH})?|{_LABEL_DASH}|(?=[ \u00a0]*(?:[\t\n\x0b]|$))))",
)
_AS = re.IGNORECASE
#: What the words of each section's label say, in the forms typists write (the template's
#: own label among them), as the whole label: a sentence opening with them goes on in
#: other words ("Neatbilstoši izdevumi netika konstatēti", "Neatgūto līdzekļu nav").
REWORDED: dict[Section, re.Pattern[str]] = {
    Section.TASK: re.compile(
        r"(?:deleģēt(?:ais|ā)\s+)?(?:valsts\s+pārvaldes\s+)?uzdevum(?:s|a\s+nosaukums)", _AS
    ),
    Section.IMPLEMENTER: re.compile(
        r"(?:\S+\s+){0,4}(?:veicēj|īstenotāj|izpildītāj)(?:s|a|i)"
        r"(?:\s+(?:nosaukums|rekvizīti|un\s+\S+\s+rekvizīti))?",
        _AS,
    ),
    Section.PERIOD: re.compile(
        r"(?:\S+\s+){0,4}(?:deleģēšanas|deleģējuma|līguma\s+darbības|uzdevuma\s+izpildes)"
        r"\s+(?:periods|termiņš|laiks|laikposms)",
        _AS,
    ),
    Section.DESCRIPTION: re.compile(
        r"(?:\S+\s+){0,4}(?:apraksts|vērtējums)(?:\s+(?:un|par)\s+.*)?", _AS
    ),
    Section.FUNDING: re.compile(
        r"(?:plānotais|piešķirtais)\s+un\s+(?:faktiski\s+)?(?:izlietotais|faktiskais)"
        r"(?:\s+\S+){0,2}\s+finansējums(?:\s+.*)?"
        r"|(?:valsts\s+budžeta\s+)?finansējum(?:s|a\s+sadalījums)\s+(?:sadalījumā\s+)?pa\s+gadiem",
        _AS,
    ),
    Section.IRREGULAR: re.compile(
        r"neatbilstoš[^\W\d_]*\s+(?:\S+\s+)?(?:izdevumi|līdzekļi|izlietojums)", _AS
    ),
    Section.UNRECOVERED: re.compile(
        r"(?:\S+\s+){0,2}neatgūt[^\W\d_]*\s+(?:līdzekļ|summ|izdevum)[^\W\d_]*"
        r"(?:\s+apmērs)?(?:\s+no\s+.*)?",
        _AS,
    ),
    Section.OTHER: re.compile(
        # no "par …" after it: "Papildu informācija par pasākumiem pieejama …" is a sentence
        r"(?:cita|citas|papildu|papildus)\s+(?:[^\W\d_]+\s+)?(?:informācija|ziņas)",
        _AS,
    ),
}


def _reworded_labels(
    text: str, found: list[tuple[int, int, Section]]
) -> list[tuple[int, int, Section]]:
    """The labels of the sections still missing, reworded (see `REWORDED`), each searched
    between the labels of the sections before and after it in the template's order."""
    order = list(Section)
    out: list[tuple[int, int, Section]] = []
    for section in order:
        have = found + out
        if any(s is section for _, _, s in have):
            continue
        place = order.index(section)
        low = max((end for _, end, s in have if order.index(s) < place), default=0)
        high = min((start for start, _, s in have if order.index(s) > place), default=len(text))
        for m in _REWORDED.finditer(text, low, high):
            words = " ".join(m.group("words").split())
            if m.end("label") <= high and REWORDED[section].fullmatch(words):
                out.append((m.start("label"), m.end("label"), section))
                break
    return out
