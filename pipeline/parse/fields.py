"""The short sections: title, task, region, implementer, delegation period, 'Nav' answers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Implementer, LegalForm, Period, RegionMention, Statement, Text
from pipeline.parse.latvian import DASHES, MONEY, find_period, is_money, parse_amount
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
_ENDINGS = r"(?:e|es|ē|ei|i|a|as|ā|ai|u)"
_REGION = re.compile(
    r"(?<![\wāčēģīķļņšūž])(" + "|".join(REGIONS) + r")" + _ENDINGS + r"\s+"
    r"(?:plānošanas\s+)?reģion[a-zāēīū]*",
    re.I,
)
# Several regions before one "reģionā"/"reģionos": "Latgales un Zemgales reģionā",
# "Kurzemes, Latgales un Zemgales plānošanas reģionos".
_ONE = r"(?:" + "|".join(REGIONS) + r")" + _ENDINGS
_REGION_LIST = re.compile(
    r"(?<![\wāčēģīķļņšūž])" + _ONE + r"(?:(?:[ \u00a0]*,[ \u00a0]*|\s+un\s+)" + _ONE + r")+"
    r"\s+(?:plānošanas\s+)?reģion[a-zāēīū]*",
    re.I,
)
_STEM = re.compile(
    r"(?<![\wāčēģīķļņšūž])(" + "|".join(REGIONS) + r")" + _ENDINGS + r"(?![\wāčēģīķļņšūž])", re.I
)
# A region named without "reģions" ("jomā Kurzemē"): not Rīga, which is also the city.
_BARE_REGION = re.compile(
    r"(?<![\wāčēģīķļņšūž])(kurzem|latgal|vidzem|zemgal)(?:e|es|ē|ei|i)(?![\wāčēģīķļņšūž])", re.I
)
_TITLE_WORD = re.compile(TITLE_WORD)
_TITLE_SPAN = re.compile(r"\(\s*(\d{4})\s*[-–]\s*(\d{4})\s*\)")
# "reģistrācijas Nr.", "reģ. Nr.", "Reģ.Nr.", "vienotais reģistrācijas numurs", over lines.
_REG_NO = re.compile(
    r"reģ(?:istrācijas|\.)?\s*(?:Nr\.?|numurs)\s*:?\s*(?P<number>\d[\d ]*\d)", re.I
)
#: The legal forms of the Latvian register, as a cell begins with them or as they follow the
#: name ("„Sēlijas novadu NVO tīkls“, biedrība, reģ. Nr. …"). Only associations and
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
_FORMS = "|".join(re.escape(f) for f, _ in _LEGAL_FORMS)
# A name in quotes ends where what follows it begins: a comma, a parenthesis, the
# registration number or its legal form.
_QUOTED = re.compile(
    r"[„“\"«]\s*(?P<name>.+?)\s*[”“\"»](?=\s*(?:,|\(|$|reģ|(?i:"
    + _FORMS
    + r")(?![\wāčēģīķļņšūž])))"
)
_LEGAL_FORM = re.compile(r"^(?P<form>" + _FORMS + r")(?![\wāčēģīķļņšūž])", re.I)
# Right after the name, before any other words: a form further on ("…, reģistrēta kā
# biedrība") is not said of this name the same way, and is left unread.
_FORM_AFTER_NAME = re.compile(r"\s*,?\s*(?P<form>" + _FORMS + r")(?![\wāčēģīķļņšūž])", re.I)
# "Nav", or "Nav konstatēti" (none found) agreeing with whatever the label names: the
# expenditure (-i), the amount (-s), a feminine noun (-a, -as); or a dash alone in the cell,
# as a form's empty answer is struck through.
_NONE = re.compile(
    rf"^\s*(?:nav(?:\s+konstatēt(?:s|i|a|as))?\s*\.?|[{DASHES}])\s*$",
    re.I,
)


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
    """The planning region named in a title (its last mention) or a task (its first). A
    mention of several regions at once ("Latgales un Zemgales reģionā") names none of
    them alone: see `find_regions_listed`."""
    if mapped is None:
        return None
    listed = [m.span() for m in _REGION_LIST.finditer(mapped.text)]
    matches = [
        m
        for m in (list(_REGION.finditer(mapped.text)) or list(_BARE_REGION.finditer(mapped.text)))
        if not any(start <= m.start() < end for start, end in listed)
    ]
    if not matches:
        return None
    m = matches[-1] if last else matches[0]
    piece = mapped[m.start() : m.end()]
    return RegionMention(REGIONS[m.group(1).lower()], piece.text, source.span_of(piece))


def find_regions_listed(
    mapped: SourcedText | None, source: SourceFile
) -> tuple[RegionMention, ...]:
    """Each region of the first mention of several at once ("Latgales un Zemgales
    reģionā"), in the order written; none when no such mention is made. The model files a
    report under one region, and which one of these is not guessed."""
    if mapped is None:
        return ()
    listed = _REGION_LIST.search(mapped.text)
    if listed is None:
        return ()
    out = []
    for m in _STEM.finditer(mapped.text, listed.start(), listed.end()):
        piece = mapped[m.start() : m.end()]
        out.append(RegionMention(REGIONS[m.group(1).lower()], piece.text, source.span_of(piece)))
    return tuple(out)


def read_implementer(value: SourcedText, source: SourceFile) -> Implementer | None:
    collapsed = value.collapse().strip(" ,;")
    if not collapsed.text:
        return None
    s = collapsed.text
    form = _LEGAL_FORM.match(s)
    quoted = _QUOTED.search(s)
    if quoted:
        name_piece = collapsed[quoted.start("name") : quoted.end("name")]
        name_end = quoted.end()
    else:
        name_end = min((i for i in (s.find(","), s.find("(")) if i > 0), default=len(s))
        skip = len(form.group("form")) + 1 if form else 0
        name_piece = collapsed[skip:name_end].strip(" ,")
    if form is None:
        form = _FORM_AFTER_NAME.match(s, name_end)
    legal_text = form.group("form") if form else None
    legal_form = (
        next(v for f, v in _LEGAL_FORMS if f.lower() == legal_text.lower()) if legal_text else None
    )
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
