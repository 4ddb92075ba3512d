"""Splitting a cleaned report into its labelled sections.

Every layout shares the same row labels, whether they stand in a table cell
(`label<TAB>value`), inside HTML, or hard-wrapped over several lines of PDF text, so labels
are matched with any white space between their words, at the start of a line or cell.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from pipeline.parse.text import Mapped


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


# Label patterns, in template order. The description label's wording differs between
# reports ("rezultatīvajiem rādītājiem", "rezultātiem un rādītājiem", a typo), so it is
# matched from its first words to its last.
LABELS: dict[Section, str] = {
    Section.TASK: _words("Valsts", "pārvaldes", "uzdevums") + r"(?![\wāčēģīķļņšūž])",
    Section.IMPLEMENTER: _words("Valsts", "pārvaldes", "uzdevuma", r"(?:veicējs|īstenotājs)"),
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

#: Sections without which a report cannot be published faithfully (an error when missing);
#: the others are a warning.
REQUIRED = (Section.TASK, Section.IMPLEMENTER, Section.PERIOD, Section.DESCRIPTION, Section.FUNDING)

_CELL_START = r"(?:^|(?<=[\n\t\x0b]))[ \u00a0]*"


@dataclass(frozen=True, slots=True)
class Split:
    head: Mapped  # everything before the first label (the title block)
    sections: dict[Section, Mapped]  # the value of each section found
    labels: dict[Section, Mapped]  # the label text as written


def split_sections(cleaned: Mapped) -> Split:
    """Find each label once (its first occurrence at a cell start) and cut between them."""
    found: list[tuple[int, int, Section]] = []
    for section, pattern in LABELS.items():
        m = re.search(_CELL_START + "(" + pattern + ")", cleaned.text)
        if m:
            found.append((m.start(1), m.end(1), section))
    found.sort()
    head_end = found[0][0] if found else len(cleaned)
    sections: dict[Section, Mapped] = {}
    labels: dict[Section, Mapped] = {}
    for i, (start, end, section) in enumerate(found):
        stop = found[i + 1][0] if i + 1 < len(found) else len(cleaned)
        labels[section] = cleaned[start:end]
        sections[section] = cleaned[end:stop]
    return Split(cleaned[:head_end], sections, labels)
