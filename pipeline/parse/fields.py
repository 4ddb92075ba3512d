"""The short sections: title, task, region, implementer, delegation period, 'Nav' answers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Implementer, LegalForm, Period, RegionMention, Statement, Text
from pipeline.parse.latvian import MONEY, find_period, is_money, parse_amount
from pipeline.parse.sections import TITLE_WORD
from pipeline.parse.text import SourcedText, SourceFile

#: The five planning regions by stem: every case is read ("Latgales reģionā", "Latgale",
#: "Latgalē", "Latgali"), in any letter case, before "(plānošanas) reģions" in any case.
REGIONS: dict[str, str] = {
    "kurzem": "kurzeme",
    "latgal": "latgale",
    "rīg": "riga",
    "vidzem": "vidzeme",
    "zemgal": "zemgale",
}
_REGION = re.compile(
    r"(?<![\wāčēģīķļņšūž])(" + "|".join(REGIONS) + r")(?:e|es|ē|ei|i|a|as|ā|ai|u)"
    r"\s+(?:plānošanas\s+)?reģion[a-zāēīū]*",
    re.I,
)
# A region named without "reģions" ("jomā Kurzemē"): not Rīga, which is also the city.
_BARE_REGION = re.compile(
    r"(?<![\wāčēģīķļņšūž])(kurzem|latgal|vidzem|zemgal)(?:e|es|ē|ei|i)(?![\wāčēģīķļņšūž])", re.I
)
_TITLE_WORD = re.compile(TITLE_WORD)
_TITLE_SPAN = re.compile(r"\(\s*(\d{4})\s*[-–]\s*(\d{4})\s*\)")
_QUOTED = re.compile(r"[„“\"«]\s*(?P<name>.+?)\s*[”“\"»](?=\s*(?:,|\(|$|reģ))")
# "reģistrācijas Nr.", "reģ. Nr.", "Reģ.Nr.", "vienotais reģistrācijas numurs", over lines.
_REG_NO = re.compile(
    r"reģ(?:istrācijas|\.)?\s*(?:Nr\.?|numurs)\s*:?\s*(?P<number>\d[\d ]*\d)", re.I
)
#: The legal forms of the Latvian register, as a cell begins with them. Only associations and
#: foundations have a value in the model; any other form is kept as written (legal_form None).
_LEGAL_FORMS: tuple[tuple[str, LegalForm | None], ...] = (
    ("biedrība", LegalForm.ASSOCIATION),
    ("nodibinājums", LegalForm.FOUNDATION),
    ("reliģiskā organizācija", None),
    ("arodbiedrība", None),
    ("politiskā partija", None),
    ("sabiedrība ar ierobežotu atbildību", None),
    ("SIA", None),
    ("akciju sabiedrība", None),
    ("kooperatīvā sabiedrība", None),
    ("individuālais komersants", None),
)
_LEGAL_FORM = re.compile(
    r"^(?P<form>" + "|".join(re.escape(f) for f, _ in _LEGAL_FORMS) + r")(?![\wāčēģīķļņšūž])",
    re.I,
)
# "Nav", or "Nav konstatēti" (none found) agreeing with whatever the label names: the
# expenditure (-i), the amount (-s), a feminine noun (-a, -as).
_NONE = re.compile(r"^\s*nav(?:\s+konstatēt(?:s|i|a|as))?\s*\.?\s*$", re.I)


def text_of(mapped: SourcedText, source: SourceFile) -> Text | None:
    collapsed = mapped.collapse()
    if not collapsed.text:
        return None
    return Text(collapsed.text, source.span_of(collapsed))


@dataclass(frozen=True, slots=True)
class Title:
    mapped: SourcedText | None
    title: Text | None
    years: tuple[int, int] | None
    rest: Text | None  # text in the title block after the title (kept, reported)


def read_title(head: SourcedText, source: SourceFile) -> Title:
    """The title runs from 'Kopsavilkums' (or 'KOPSAVILKUMS') to its '(YYYY-YYYY)' when
    there is one."""
    collapsed = head.collapse()
    word = _TITLE_WORD.search(collapsed.text)
    if word is None:
        return Title(None, None, None, text_of(collapsed, source))
    start = word.start()
    span_match = _TITLE_SPAN.search(collapsed.text, start)
    end = span_match.end() if span_match else len(collapsed.text)
    mapped = collapsed[start:end]
    title = text_of(mapped, source)
    before = collapsed[:start].strip()
    after = collapsed[end:].strip()
    rest_parts = [p for p in (before, after) if p.text]
    rest = text_of(SourcedText.join(rest_parts), source) if rest_parts else None
    years = (int(span_match.group(1)), int(span_match.group(2))) if span_match else None
    return Title(mapped, title, years, rest)


def find_region(mapped: SourcedText | None, source: SourceFile, last: bool) -> RegionMention | None:
    """The planning region named in a title (its last mention) or a task (its first)."""
    if mapped is None:
        return None
    matches = list(_REGION.finditer(mapped.text)) or list(_BARE_REGION.finditer(mapped.text))
    if not matches:
        return None
    m = matches[-1] if last else matches[0]
    piece = mapped[m.start() : m.end()]
    return RegionMention(REGIONS[m.group(1).lower()], piece.text, source.span_of(piece))


def read_implementer(value: SourcedText, source: SourceFile) -> Implementer | None:
    collapsed = value.collapse().strip(" ,;")
    if not collapsed.text:
        return None
    s = collapsed.text
    form = _LEGAL_FORM.match(s)
    legal_text = form.group("form") if form else None
    legal_form = (
        next(v for f, v in _LEGAL_FORMS if f.lower() == legal_text.lower()) if legal_text else None
    )
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


def read_period(value: SourcedText, source: SourceFile) -> Period | None:
    collapsed = value.collapse()
    if not collapsed.text:
        return None
    found = find_period(collapsed.text)
    if found is None:
        return Period(None, None, collapsed.text, source.span_of(collapsed))
    piece = collapsed[found.begin : found.stop]
    return Period(found.start, found.end, piece.text, source.span_of(piece))


_STATED_AMOUNT = re.compile(MONEY, re.I)


def read_statement(value: SourcedText, source: SourceFile) -> Statement | None:
    """A short answer: 'Nav' (none), or text that may state one amount, kept with its line.
    Two amounts are kept only as text: which one is the answer is not guessed."""
    collapsed = value.collapse()
    text = text_of(value, source)
    if text is None:
        return None
    found = [m for m in _STATED_AMOUNT.finditer(collapsed.text) if is_money(m)]
    if len(found) != 1:
        return Statement(text, bool(_NONE.match(text.value)))
    piece = collapsed[found[0].start("amount") : found[0].end("amount")]
    amount = Text(piece.text, source.span_of(piece))
    return Statement(text, False, amount, parse_amount(piece.text))
