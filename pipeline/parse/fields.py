"""The short sections: title, task, region, implementer, delegation period, 'Nav' answers."""

from __future__ import annotations

import re

from pipeline.model import Implementer, Period, RegionMention, Text
from pipeline.parse.latvian import find_period
from pipeline.parse.legal_forms import ABBREVIATIONS, FORMS, legal_form
from pipeline.parse.period_dates import partly_read_period
from pipeline.parse.period_note import with_note
from pipeline.parse.statements import read_statement as read_statement
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
_NOT_LETTER_BEFORE = r"(?<!\w)"
_REGION_WORD = r"(?:plānošanas\s+)?reģion[a-zāēīū]*"
# "Rīgas un Pierīgas reģionā" is how the Rīga area is usually named: Pierīga is no planning
# region of its own, and the mention names Rīga's.
_RIGA_AREA = r"(rīg)(?:as|a|ā)\s+un\s+pierīg(?:as|a|ā)"
_REGION = re.compile(
    _NOT_LETTER_BEFORE
    + rf"(?:{_RIGA_AREA}|("
    + "|".join(REGIONS)
    + r")"
    + _ENDINGS
    + r")\s+"
    + _REGION_WORD,
    re.I,
)
# Several regions before one "reģionā"/"reģionos": "Latgales un Zemgales reģionā",
# "Kurzemes, Latgales un Zemgales plānošanas reģionos"; or each with its own: "Latgales
# reģiona un Zemgales reģiona teritorijā", "Vidzemes reģionā un Rīgas reģionā".
_ONE = r"(?:" + "|".join(REGIONS) + r")" + _ENDINGS
_SEP = r"(?:[ \u00a0]*,[ \u00a0]*|\s+un\s+)"
_REGION_LIST = re.compile(
    _NOT_LETTER_BEFORE
    + rf"{_ONE}(?:\s+{_REGION_WORD})?(?:{_SEP}{_ONE}(?:\s+{_REGION_WORD})?)*"
    + rf"{_SEP}{_ONE}\s+{_REGION_WORD}",
    re.I,
)
_STEM = re.compile(r"(?<!\w)(" + "|".join(REGIONS) + r")" + _ENDINGS + r"(?!\w)", re.I)
# A region named without "reģions" ("jomā Kurzemē"): not Rīga, which is also the city.
_BARE_REGION = re.compile(r"(?<!\w)(kurzem|latgal|vidzem|zemgal)(?:e|es|ē|ei|i)(?!\w)", re.I)
# A mention that names others than the delegation's region: its partners ("…, sadarbojoties
# ar Latgales un Zemgales reģiona NVO", "kopā ar Rīgas reģiona organizācijām") or what it
# leaves out ("(izņemot Rīgas reģionu)").
_OTHERS_BEFORE = re.compile(r"(?:(?:sadarbojoties|sadarbībā|kopā)\s+ar|izņemot)\s+$", re.I)
_OTHERS_AFTER = re.compile(r"\s+(?:NVO|nevalstisk|organizācij|biedrīb)", re.I)


def _others(text: str, start: int, end: int) -> bool:
    return bool(_OTHERS_BEFORE.search(text, 0, start) or _OTHERS_AFTER.match(text, end))


def _key(m: re.Match[str]) -> str:
    return REGIONS[next(g for g in m.groups() if g).lower()]


def _listed(text: str) -> list[re.Match[str]]:
    """The mentions of several regions at once that name the delegation's (two at least)."""
    return [
        m
        for m in _REGION_LIST.finditer(text)
        if not _others(text, m.start(), m.end())
        and len({_key(s) for s in _STEM.finditer(text, m.start(), m.end())}) > 1
    ]


# "reģistrācijas Nr.", "reģ. Nr.", "Reģ.Nr.", "vienotais reģistrācijas numurs", over lines;
# typed without diacritics too ("registracijas Nr.", "REG. NR."), where "reg" begins a word.
_REG_START = r"(?:reģ|(?<![^\W\d_])reg)"
#: A registration number after its words (group "number"), as any organisation's is written.
# The number may carry the country's prefix, as a VAT number does ("Reģ. Nr. LV40103982164"):
# the prefix is no part of the register's 11 digits.
REG_NO = re.compile(
    _REG_START + r"(?:istr[āa]cijas|\.)?\s*(?:Nr\.?|numurs)\s*"
    # a bilingual form's English after it: "Vienotais reģistrācijas Nr. / Unified
    # registration No."
    r"(?:/\s*[A-Za-z][A-Za-z ]{0,40}?(?:No\.?|number)\s*)?"
    r":?\s*(?:LV[ \u00a0-]?)?(?P<number>\d[\d ]*\d)",
    re.I,
)
_SUPERSCRIPTS = "¹²³⁴⁵⁶⁷⁸⁹⁰"
# A name in quotes ends where what follows it begins: a comma, a parenthesis, the
# registration number or its legal form.
# The registration number written bare right after the name ("Biedrība „X” 40008012345"):
# the register's 11 digits, nothing else a name is followed by.
_BARE_REG_NO = re.compile(r"[\s,]*(?:LV[ \u00a0-]?)?(?P<number>\d{11})(?![\d,.]\d|\d)")
# Where the registration number's words or a row of them ("Vienotais reģistrācijas Nr.")
# begin after the name: no part of it.
_REG_WORDS = r"(?:vienot[^\W\d_]*\s+)?" + _REG_START + r"(?:istr[āa]cijas|\.)"
_QUOTED = re.compile(
    # a footnote's mark may follow the name ("„Kurzemes … centrs”¹ (turpmāk – …)")
    rf"[„“\"«]\s*(?P<name>.+?)\s*[”“\"»][{_SUPERSCRIPTS}]*(?=\s*(?:,|\(|$|\d{{11}}(?!\d)|(?i:"
    + _REG_WORDS
    + r")|"
    + FORMS
    + r"(?!\w)))"
)
_NAME_ENDS = re.compile(r"\s+(?=(?i:" + _REG_WORDS + r")|(?:LV[ \u00a0-]?)?\d{11}(?!\d))")
#: The legal forms of the Latvian registers (`legal_forms`), as a cell begins with them or as
#: they follow the name ("„Sēlijas novadu NVO tīkls“, biedrība, reģ. Nr. …", "„X” (SIA)").
_LEGAL_FORM = re.compile(r"^(?P<form>" + FORMS + r")(?!\w)", re.I)
# The form's words right before the quoted name, anywhere in the cell, in any case: "…
# vadošais partneris biedrība „X”" says X's form as "Biedrība „X”" does.
_FORM_BEFORE_NAME = re.compile(r"(?<!\w)(?P<form>" + FORMS + r")[ \u00a0]*$", re.I)
# Right after the name, before any other words, or in parentheses ("„X” (SIA), reģ. Nr."):
# a form further on ("…, reģistrēta kā biedrība") is not said of this name the same way,
# and is left unread.
_FORM_AFTER_NAME = re.compile(r"\s*,?\s*(?:\(\s*)?(?P<form>" + FORMS + r")(?!\w)", re.I)
# An abbreviation ending a name written without quotes ("Kopienu birojs SIA, reģ. Nr. …"):
# words of a form there may be the name's own ("Cēsu evaņģēliski luteriskā draudze").
_ABBREVIATION_ENDS_NAME = re.compile(r"\s+(?P<form>" + ABBREVIATIONS + r")$")


def text_of(mapped: SourcedText, source: SourceFile) -> Text | None:
    collapsed = mapped.collapse()
    if not collapsed.text:
        return None
    return Text(collapsed.text, source.span_of(collapsed))


def find_region(mapped: SourcedText | None, source: SourceFile, last: bool) -> RegionMention | None:
    """The planning region named in a title (its last mention) or a task (its first). A
    mention of several regions at once ("Latgales un Zemgales reģionā") names none of
    them alone: see `find_regions_listed`."""
    if mapped is None:
        return None
    text = mapped.text
    # A mention of several regions at once names none of them alone; nor does a mention of
    # partners name the delegation's region.
    listed = [m.span() for m in _REGION_LIST.finditer(text)]
    matches = [
        m
        for m in (list(_REGION.finditer(text)) or list(_BARE_REGION.finditer(text)))
        if not any(start <= m.start() < end for start, end in listed)
        and not _others(text, m.start(), m.end())
    ]
    if not matches:
        return None
    m = matches[-1] if last else matches[0]
    piece = mapped[m.start() : m.end()]
    return RegionMention(_key(m), piece.text, source.span_of(piece))


def find_regions_listed(
    mapped: SourcedText | None, source: SourceFile
) -> tuple[RegionMention, ...]:
    """Each region of the first mention of several at once ("Latgales un Zemgales
    reģionā"), in the order written; none when no such mention is made. The model files a
    report under one region, and which one of these is not guessed."""
    if mapped is None:
        return ()
    listed = _listed(mapped.text)
    if not listed:
        return ()
    out = []
    for m in _STEM.finditer(mapped.text, listed[0].start(), listed[0].end()):
        piece = mapped[m.start() : m.end()]
        out.append(RegionMention(_key(m), piece.text, source.span_of(piece)))
    return tuple(out)


def read_implementer(
    value: SourcedText, source: SourceFile, notes: tuple[SourcedText, ...] = ()
) -> Implementer | None:
    """The implementer's cell: legal form, name, registration number. Where the cell gives
    no number but marks the name with a footnote ("„…centrs”¹") and that footnote, among the
    report's closing `notes`, gives one ("¹ Reģistrācijas Nr. 40008213578, …"), the number
    is the footnote's: it says what the cell does not."""
    collapsed = value.collapse().strip(" ,;")
    if not collapsed.text:
        return None
    s = collapsed.text
    form = _LEGAL_FORM.match(s)
    quoted = _QUOTED.search(s)
    first_number = REG_NO.search(s)
    # a name and its number come before the quoted one ("SIA Kopienu birojs, reģ. Nr. …,
    # sadarbībā ar biedrību „X”"): that is another organisation's
    if (
        quoted
        and first_number
        and first_number.start() < quoted.start()
        and re.search(r"[^\W\d_]", s[: first_number.start()])
    ):
        quoted = None
    if quoted:
        name_piece = collapsed[quoted.start("name") : quoted.end("name")]
        name_end = quoted.end()
    else:
        skip = len(form.group("form")) + 1 if form else 0
        # A comma or parenthesis ends the name only after its first character: one right
        # after the legal form ("Biedrība(") would leave no name at all.
        reg_words = _NAME_ENDS.search(s, skip)
        ends = (s.find(",", skip), s.find("(", skip), reg_words.start() if reg_words else -1)
        name_end = min((i for i in ends if i > skip), default=len(s))
        name_piece = collapsed[skip:name_end].strip(" ,")
        if form is None and (last := _ABBREVIATION_ENDS_NAME.search(name_piece.text)):
            form, name_piece = last, name_piece[: last.start()]
    if not re.search(r"\w", name_piece.text):
        # Marks alone ("„(Zemgales …", "„:"(…") name no one: the cell's text as written is
        # the name then, not a name read from it.
        name_piece = collapsed
    if form is None and quoted:
        form = _FORM_BEFORE_NAME.search(s, 0, quoted.start())
    if form is None:
        form = _FORM_AFTER_NAME.match(s, name_end)
    legal_text = form.group("form") if form else None
    reg = REG_NO.search(s) or _BARE_REG_NO.match(s, name_end)
    number = None
    if reg:
        piece = collapsed[reg.start("number") : reg.end("number")]
        number = Text(piece.text.replace(" ", ""), source.span_of(piece))
    else:
        number = _number_in_footnote(collapsed.text[:name_end], name_piece.text, notes, source)
    return Implementer(
        legal_form=legal_form(legal_text) if legal_text else None,
        legal_form_text=legal_text,
        name=Text(name_piece.text, source.span_of(name_piece)),
        registration_number=number,
        text=Text(collapsed.text, source.span_of(collapsed)),
    )


_MARKED = re.compile(rf"(?<=[^\s{_SUPERSCRIPTS}])[{_SUPERSCRIPTS}]+(?![{_SUPERSCRIPTS}])")
# Words that set another organisation beside the implementer in its footnote: a partner, a
# predecessor, a founder, one it acts with or for ("sadarbībā ar partneri biedrību „…”",
# "Līdz 2023. gada 1. martam – biedrība „…”; reorganizēta"). Such a footnote's number may be
# theirs.
_OTHER_PARTY = re.compile(
    r"partner|sadarb|iepriekš|agrāk|bijuš|bijus|dibinātāj|reorganiz|pievieno|apvieno|pēcte"
    r"|priekšte|kopā\s+ar|vārdā|pilnvar|filiāl|līdz\s+\d",
    re.I,
)
#: An organisation named by its form, in any case ("biedrību", "SIA", "nodibinājuma").
ORGANISATION = re.compile(
    r"(?<![^\W\d_])(?:(?i:[^\W\d_]*biedr|nodibināj|sabiedrīb|organizācij|draudz|partij"
    r"|komersant|uzņēmum|fond|asociācij|apvienīb)[^\W\d_]*|SIA|AS)(?![^\W\d_])"
)
#: A name in quotes (group "name").
QUOTE = re.compile(r"[„“\"«]\s*(?P<name>[^„“”\"«»]+?)\s*[”“\"»]")
_ELEVEN = re.compile(r"(?<!\d)\d{11}(?!\d)")


def _name_key(name: str) -> str:
    return " ".join(name.strip(_SUPERSCRIPTS + '„“”"«» ').split()).casefold()


def _own_number(text: str, name: str) -> re.Match[str] | None:
    """The one registration number a footnote states, when it states it of the implementer
    `name` alone: it names no other organisation, by its name in quotes, its form or its
    relation (partner, predecessor…). Where it may be another's, none: the number is then
    missing, as the cell left it."""
    regs = list(REG_NO.finditer(text))
    if len(regs) != 1 or _OTHER_PARTY.search(text):
        return None
    # a second number, bare or not, is someone's too, and which is whose is unsaid
    if any(not regs[0].start() <= m.start() < regs[0].end() for m in _ELEVEN.finditer(text)):
        return None
    quoted = list(QUOTE.finditer(text))
    if any(_name_key(q.group("name")) != _name_key(name) for q in quoted):
        return None
    for form in ORGANISATION.finditer(text):
        if any(q.start() < form.start() < q.end() for q in quoted):
            continue  # a word of its own name
        # its form before its own name ("biedrības „X” reģ. Nr.") or its own number
        # ("Biedrības reģistrācijas Nr.") says the implementer's
        after = " ".join(text[form.end() :].lstrip(' \u00a0„“"«').split())
        if not (after.casefold().startswith(_name_key(name)) or re.match(_REG_WORDS, after, re.I)):
            return None
    return regs[0]


def _number_in_footnote(
    named: str, name: str, notes: tuple[SourcedText, ...], source: SourceFile
) -> Text | None:
    """The registration number of the one footnote the name (and its legal form before it)
    is marked with, when that footnote states the implementer's own (see `read_implementer`
    and `_own_number`)."""
    marks = {m.group() for m in _MARKED.finditer(named)}
    if len(marks) != 1:
        return None
    mark = re.escape(marks.pop())
    # the footnote: its mark at a line's start, up to the next footnote's mark or the end
    footnote = re.compile(
        rf"(?:^|(?<=\n))[ \u00a0\t]*{mark}(?![{_SUPERSCRIPTS}])[ \u00a0]*"
        rf"(?P<text>(?:[^\n]|\n(?![ \u00a0\t]*[{_SUPERSCRIPTS}]))*)"
    )
    found = [(note, m) for note in notes for m in footnote.finditer(note.text)]
    if len(found) != 1:
        return None
    note, m = found[0]
    reg = _own_number(m.group("text"), name)
    if reg is None:
        return None
    start = m.start("text")
    piece = note[start + reg.start("number") : start + reg.end("number")]
    return Text(piece.text.replace(" ", ""), source.span_of(piece))


def read_period(value: SourcedText, source: SourceFile) -> Period | None:
    collapsed = value.collapse()
    if not collapsed.text:
        return None
    # A period one of whose dates does not exist keeps the other: that date is as certain
    # as any, and the impossible one is left unread (`period_dates`).
    found = find_period(collapsed.text) or partly_read_period(collapsed.text)
    if found is None:
        return Period(None, None, collapsed.text, source.span_of(collapsed))
    piece = collapsed[found.begin : found.stop]
    period = Period(found.start, found.end, piece.text, source.span_of(piece))
    return with_note(value, period, source)


def period_remainder(value: SourcedText, period: Period | None, source: SourceFile) -> Text | None:
    """The lines of the delegation period's value that hold no part of the period read from
    it. The period is the value's one fact, and the rest would otherwise be lost: a row or
    paragraph under it whose label no reader places ("4. Darbības pārskats" and the whole
    description after it) runs on in this value until the next label found. Text before the
    period on its line is how it is written ("no … līdz …"), kept in the value's span; a
    remark after it, more than its stop, is kept too, unless in brackets: such a note is
    the period's own (`with_note`)."""
    if period is None or (period.start is None and period.end is None):
        return None  # no period read: the value's whole text is the period's text
    lines = [m.span() for m in re.finditer(r"[^\n\x0b]+", value.text)]
    kept: list[SourcedText] = []
    for start, end in lines:
        line = value[start:end]
        if not _overlaps(line.source_range(), (period.span.start, period.span.end)):
            kept.append(line)
            continue
        # A remark after the period on its line, not in brackets ("…, grozīts ar 2023.
        # gada 5. maija vienošanos") says more than the period: kept, as the lines below are.
        after = next((i for i, o in enumerate(line.offsets) if o >= period.span.end), len(line))
        if not _PERIOD_CLOSE.fullmatch(line.text[after:]):
            lead = re.match(r"[\s.,;:–—-]*", line.text[after:])
            kept.append(line[after + (lead.end() if lead else 0) :])
    rest = [piece.strip() for piece in kept if piece.strip().text]
    return text_of(SourcedText.join(rest, "\n"), source) if rest else None


# What may close a period on its line and says nothing more: its stop, "g." after a date
# in figures, "(ieskaitot)" (inclusive), a footnote's mark ("… 31.maijs¹"; the footnote is
# kept where it stands).
_PERIOD_CLOSE = re.compile(
    r"[\s.,;:]*(?:g\.?|gads|\(?ieskaitot\)?)?[\s.,;:]*(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3})?[\s.,;:]*"
    r"|[\s.,;:–—-]*",
    re.I,
)


def _overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]
