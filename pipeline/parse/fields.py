"""The short sections: title, task, region, implementer, delegation period, 'Nav' answers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Implementer, LegalForm, Period, RegionMention, Statement, Text
from pipeline.parse.latvian import find_period
from pipeline.parse.text import Mapped, Source

#: Planning regions by the genitive the reports use ("Latgales reģionā").
REGIONS: dict[str, str] = {
    "Kurzemes": "kurzeme",
    "Latgales": "latgale",
    "Rīgas": "riga",
    "Vidzemes": "vidzeme",
    "Zemgales": "zemgale",
}
_REGION = re.compile(r"(" + "|".join(REGIONS) + r")\s+(?:plānošanas\s+)?reģion[a-zāēīū]*")
_TITLE_SPAN = re.compile(r"\(\s*(\d{4})\s*[-–]\s*(\d{4})\s*\)")
_QUOTED = re.compile(r"[„“\"«]\s*(?P<name>.+?)\s*[”“\"»](?=\s*(?:,|\(|$|reģ))")
_REG_NO = re.compile(r"reģ(?:istrācijas|\.)\s*(?:Nr\.?|numurs)\s*:?\s*(?P<number>\d[\d ]*\d)", re.I)
_LEGAL_FORMS = {"biedrība": LegalForm.ASSOCIATION, "nodibinājums": LegalForm.FOUNDATION}
_NONE = re.compile(r"^\s*nav\s*\.?\s*$", re.I)


def text_of(mapped: Mapped, source: Source) -> Text | None:
    collapsed = mapped.collapse()
    if not collapsed.text:
        return None
    return Text(collapsed.text, source.span_of(collapsed))


@dataclass(frozen=True, slots=True)
class Title:
    mapped: Mapped | None
    title: Text | None
    years: tuple[int, int] | None
    rest: Text | None  # text in the title block after the title (kept, reported)


def read_title(head: Mapped, source: Source) -> Title:
    """The title runs from 'Kopsavilkums' to its '(YYYY-YYYY)' when there is one."""
    collapsed = head.collapse()
    start = collapsed.text.find("Kopsavilkums")
    if start < 0:
        return Title(None, None, None, text_of(collapsed, source))
    span_match = _TITLE_SPAN.search(collapsed.text, start)
    end = span_match.end() if span_match else len(collapsed.text)
    mapped = collapsed[start:end]
    title = text_of(mapped, source)
    before = collapsed[:start].strip()
    after = collapsed[end:].strip()
    rest_parts = [p for p in (before, after) if p.text]
    rest = text_of(Mapped.join(rest_parts), source) if rest_parts else None
    years = (int(span_match.group(1)), int(span_match.group(2))) if span_match else None
    return Title(mapped, title, years, rest)


def find_region(mapped: Mapped | None, source: Source, last: bool) -> RegionMention | None:
    """The planning region named in a title (its last mention) or a task (its first)."""
    if mapped is None:
        return None
    matches = list(_REGION.finditer(mapped.text))
    if not matches:
        return None
    m = matches[-1] if last else matches[0]
    piece = mapped[m.start() : m.end()]
    return RegionMention(REGIONS[m.group(1)], piece.text, source.span_of(piece))


def read_implementer(value: Mapped, source: Source) -> Implementer | None:
    collapsed = value.collapse().strip(" ,;")
    if not collapsed.text:
        return None
    s = collapsed.text
    first = s.split(maxsplit=1)[0].lower() if s.split() else ""
    legal_form = _LEGAL_FORMS.get(first)
    legal_text = s.split(maxsplit=1)[0] if legal_form else None
    quoted = _QUOTED.search(s)
    if quoted:
        name_piece = collapsed[quoted.start("name") : quoted.end("name")]
    else:
        end = min((i for i in (s.find(","), s.find("(")) if i > 0), default=len(s))
        skip = len(legal_text) + 1 if legal_text else 0
        name_piece = collapsed[skip:end].strip(" ,")
    reg = _REG_NO.search(s)
    number = None
    if reg:
        piece = collapsed[reg.start("number") : reg.end("number")]
        number = Text(piece.text.replace(" ", ""), source.span_of(piece))
    return Implementer(
        legal_form=legal_form,
        legal_form_text=legal_text,
        name=Text(name_piece.text, source.span_of(name_piece)),
        registration_number=number,
        text=Text(collapsed.text, source.span_of(collapsed)),
    )


def read_period(value: Mapped, source: Source) -> Period | None:
    collapsed = value.collapse()
    if not collapsed.text:
        return None
    found = find_period(collapsed.text)
    if found is None:
        return Period(None, None, collapsed.text, source.span_of(collapsed))
    piece = collapsed[found.begin : found.stop]
    return Period(found.start, found.end, piece.text, source.span_of(piece))


def read_statement(value: Mapped, source: Source) -> Statement | None:
    text = text_of(value, source)
    if text is None:
        return None
    return Statement(text, bool(_NONE.match(text.value)))
