"""The template's section labels and the forms typists write them in: in full, shortened,
reworded, numbered or bulleted, ending in a colon, a dash or a full stop, with an English
translation after a slash ("Īstenotājs / Implementer"), with or without the letters'
diacritics ("Valsts parvaldes uzdevuma veicejs", see `pipeline.parse.diacritics`).
`pipeline.parse.sections` cuts the report at the labels these find.
"""

from __future__ import annotations

import re
from enum import StrEnum

from pipeline.parse.diacritics import either_form


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
    Section.TASK: _words("Valsts", "pārvaldes", "uzdevums") + r"(?!\w)",
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
# A typist without the Latvian keyboard writes each label's letters without their diacritics
# ("Valsts parvaldes uzdevuma delegesanas periods", "CITA INFORMACIJA"): the same label.
LABELS: dict[Section, str] = {s: _any_case(either_form(p)) for s, p in _LABELS_AS_WRITTEN.items()}

# The short forms typists write for the first three labels ("Uzdevuma veicējs",
# "Deleģēšanas periods", "Uzdevums"). Their words also open sentences ("Uzdevuma veicējs
# organizēja …"), so a short form is a label only where the full one is not found, standing
# alone in its cell or line or ending in a colon, at the start of a row (its label cell), and
# before the description's label (in the template's order these come first).
SHORT_LABELS: dict[Section, str] = {
    Section.TASK: _any_case(r"Uzdevums"),
    Section.IMPLEMENTER: _any_case(
        either_form(r"Uzdevuma\s+(?:veicējs|īstenotājs|izpildītājs)|Īstenotājs|Veicējs")
    ),
    Section.PERIOD: _any_case(either_form(r"(?:Uzdevuma\s+deleģēšanas|Deleģēšanas)\s+periods")),
}
_SHORT_END = r"(?=[ \u00a0]*(?::|[\t\n\x0b]|$))"

#: The title's first word as the template writes it, or in capitals as a heading style sets
#: it. Not any letter case: "kopsavilkums" in running text is a word, not a title.
TITLE_WORD = r"(?:Kopsavilkums|KOPSAVILKUMS)"

#: Sections without which a report cannot be published faithfully (an error when missing);
#: the others are a warning.
REQUIRED = (Section.TASK, Section.IMPLEMENTER, Section.PERIOD, Section.DESCRIPTION, Section.FUNDING)

CELL_START = r"(?:^|(?<=[\n\t\x0b]))[ \u00a0]*"
# Many typists number the labels as the template's rows ("1. VALSTS PĀRVALDES UZDEVUMS:",
# "2) …", "3 …", or a number cell "4.<TAB>…"). The number belongs to the label: left in the
# section before, it would end that section's value. Only right at a line's or cell's start,
# where a sentence's number ("… organizēti 2 Valsts …") never stands. A list's bullet stands
# where the number does ("- **Valsts pārvaldes uzdevums:** …", a Markdown list of the header's
# fields): it belongs to the label the same way, and the label must end as a label does.
_NUMBER = r"(?:(?:[1-9]\d?[.)]?|[-–*+•▪])[ \u00a0\t]+)?"


# A dash set off by spaces after a label, as a colon is ("Neatbilstoši veiktie izdevumi –
# nav", "Valsts pārvaldes uzdevuma veicējs – Biedrība …"), or closing the label's line or
# cell with its value below ("Valsts pārvaldes uzdevums –" over the task), with or without
# spaces typed after it.
_LABEL_DASH = r"[ \u00a0]+[–—-](?=[ \u00a0\t\r\n\x0b]|$)"
# A dash closing its line with the next label or the report's end on the next line written
# ("Neatbilstoši veiktie izdevumi –" over "Cita informācija –") has no value below to set
# off: it is the answer, a form's struck-through "none", as a dash after a colon is.
_NEXT_LABEL = "|".join(LABELS.values())
_NOTHING_BELOW = (
    rf"[ \u00a0\t]*(?:$|(?:\r?[\n\x0b][ \u00a0\t\x0b]*)+(?:{_NUMBER}(?:{_NEXT_LABEL})|$))"
)
_OWN_DASH = rf"{_LABEL_DASH}(?!{_NOTHING_BELOW})"
# After a colon, a dash with nothing but spaces after it in its cell is the answer as well
# ("…izdevumiem: - " over "8. Cita informācija: …"): the colon already ended the label, and
# spaces typed after the dash must not make the answer the label's. With the value on a
# line below ("Valsts pārvaldes uzdevums: –" over the task) it is the label's, as without
# the colon.
_DASH_AFTER_COLON = rf"{_OWN_DASH}(?![ \u00a0]*(?:[\t\x0b]|$))"
# A full stop closing a label that stands alone on its line or in its cell, as a numbered
# form's rows end ("4. Apraksts un vērtējums par sasniegtajiem rezultatīvajiem rādītājiem."):
# the label's, as a colon is (or with one after it, "….:"). Left in the value, it would stand
# before the value's first word.
_STOP = r"[ \u00a0]*\.(?:[ \u00a0]*:)?(?=[ \u00a0]*(?:[\t\n\x0b]|$))"


def numbered(pattern: str) -> str:
    """The label, or its number and the label ending where a label does (a colon or dash,
    the cell's or line's end): a numbered list item of the description opening with a
    label's words ("3) Cita informācija par projektu ir …") goes on as a sentence."""
    ends = f"(?:{_SHORT_END}|(?={_LABEL_DASH})|(?={_STOP}))"
    return f"(?:{_NUMBER[:-1]}(?:{pattern}){ends}|(?:{pattern}))"


# A row's first cell, its label cell: a short label's words inside a value ("<TAB>Īstenotājs:
# biedrība sadarbībā ar pašvaldību" in the task's cell) are that value's text.
_ROW_START = r"(?:^|(?<=\n))[ \u00a0\x0b\ue000]*"
# Many typists end a label with a colon ("…veicējs:", "…mērķiem :", doubled "…veicējs::"
# where a form's label already had one), or a dash. It belongs to the label: left in the
# value it would stand before the cell's first word, where a year heading, a legal form, a
# funding row's key or a "Nav" is only read at the start.
# a colon, a spaced dash, or both ("Neatbilstoši veiktie izdevumi: – nav"), or the full stop
# of a label alone on its line
LABEL_COLON = rf"(?:(?:[ \u00a0]*:)+(?:{_DASH_AFTER_COLON})?|{_OWN_DASH}|{_STOP})?"


# A bilingual form writes each label twice, "Latvian / English" ("Īstenotājs / Implementer",
# "Neatbilstoši veiktie izdevumi / Irregular expenditure"). The English half is part of the
# label: left in the value it would stand before a "Nav", which is then no answer of "none".
# English only, running to the label's end (its cell's, its line's or a colon): Latvian
# letters, digits or an answer ("/ Nav") after the slash are the value's own.
_ENGLISH = (
    r"(?!(?:Nav|NAV|Nē|NĒ|Ne|NE)(?![A-Za-z]))[A-Z][A-Za-z'’-]*"
    r"(?:[ \u00a0]+[A-Za-z][A-Za-z'’-]*){0,11}\.?"
)
TRANSLATION = rf"(?:[ \u00a0]*/[ \u00a0]*{_ENGLISH}{_SHORT_END})?"
_TRANSLATED = re.compile(rf"\s*/\s*{_ENGLISH}")


def latvian_half(words: str) -> str:
    """A label's words without the English translation after them."""
    m = _TRANSLATED.search(words)
    return words[: m.start()] if m is not None and m.end() == len(words) else words


def short_labels(
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
        label = _ROW_START + f"({_NUMBER}(?:{pattern}){TRANSLATION}{_SHORT_END}{LABEL_COLON})"
        m = re.search(label, text)
        taken = [(start, end) for start, end, _ in found + out]
        if m and m.start(1) < limit and not any(start <= m.start(1) < end for start, end in taken):
            out.append((m.start(1), m.end(1), section))
    return out


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
    + f"(?P<label>(?P<number>{_NUMBER}){_LABEL_WORDS}"
    + rf"(?:(?:[ \u00a0]*:)+(?:{_DASH_AFTER_COLON})?|{_OWN_DASH}|(?P<stop>{_STOP})"
    + r"|(?=[ \u00a0]*(?:[\t\n\x0b]|$))))",
)
_AS = re.IGNORECASE


def _reworded_form(pattern: str) -> re.Pattern[str]:
    """A reworded label's words, with or without the letters' diacritics, in any case."""
    return re.compile(either_form(pattern), _AS)


#: What the words of each section's label say, in the forms typists write (the template's
#: own label among them), as the whole label: a sentence opening with them goes on in
#: other words ("Neatbilstoši izdevumi netika konstatēti", "Neatgūto līdzekļu nav").
REWORDED: dict[Section, re.Pattern[str]] = {
    Section.TASK: _reworded_form(
        r"(?:deleģēt(?:ais|ā)\s+)?(?:valsts\s+pārvaldes\s+)?uzdevum(?:s|a\s+nosaukums)"
    ),
    Section.IMPLEMENTER: _reworded_form(
        r"(?:\S+\s+){0,4}(?:veicēj|īstenotāj|izpildītāj)(?:s|a|i)"
        r"(?:\s+(?:nosaukums|rekvizīti|un\s+\S+\s+rekvizīti))?"
    ),
    Section.PERIOD: _reworded_form(
        # "Deleģēšanas līguma termiņš", "Līguma darbības termiņš"
        r"(?:\S+\s+){0,4}(?:deleģēšanas|deleģējuma|līguma(?:\s+darbības)?|uzdevuma\s+izpildes)"
        r"\s+(?:periods|termiņš|laiks|laikposms)"
    ),
    Section.DESCRIPTION: _reworded_form(
        r"(?:\S+\s+){0,4}(?:apraksts|vērtējums)(?:\s+(?:un|par)\s+.*)?"
        # "Uzdevuma izpildes rezultāti", "Sasniegtie rezultāti un rādītāji"
        r"|(?:\S+\s+){0,3}rezultāti(?:\s+(?:un|par)\s+.*)?"
    ),
    Section.FUNDING: _reworded_form(
        r"(?:plānotais|piešķirtais)\s+un\s+(?:faktiski\s+)?(?:izlietotais|faktiskais)"
        r"(?:\s+\S+){0,2}\s+finansējums(?:\s+.*)?"
        r"|(?:valsts\s+budžeta\s+)?finansējum(?:s|a\s+sadalījums)\s+(?:sadalījumā\s+)?pa"
        r"\s+(?:līguma\s+|īstenošanas\s+)?gadiem"
        # "Finanšu līdzekļu izlietojums [sadalījumā pa līguma gadiem]", "Valsts budžeta
        # līdzekļu izlietojums" (other ministries' forms), "Piešķirtā finansējuma izlietojums"
        r"|(?:finanšu\s+|(?:valsts\s+)?budžeta\s+|piešķirtā\s+)?(?:līdzekļu|finansējuma)"
        r"\s+izlietojums"
        r"(?:\s+sadalījumā\s+pa\s+(?:līguma\s+|īstenošanas\s+)?gadiem)?"
        # "5. Valsts pārvaldes uzdevuma finansējums" (a form numbering its rows)
        r"|(?:valsts\s+pārvaldes\s+)?uzdevuma\s+(?:izpildes\s+)?finansējums"
    ),
    Section.IRREGULAR: _reworded_form(
        r"neatbilstoš[^\W\d_]*\s+(?:\S+\s+)?(?:izdevumi|līdzekļi|izlietojums)"
    ),
    Section.UNRECOVERED: _reworded_form(
        r"(?:\S+\s+){0,2}neatgūt[^\W\d_]*\s+(?:līdzekļ|summ|izdevum)[^\W\d_]*"
        r"(?:\s+apmērs)?(?:\s+no\s+.*)?"
    ),
    Section.OTHER: _reworded_form(
        # no "par …" after it: "Papildu informācija par pasākumiem pieejama …" is a sentence
        r"(?:cita|citas|papildu|papildus)\s+(?:[^\W\d_]+\s+)?(?:informācija|ziņas)"
    ),
}


# Ministries' forms put the header's three rows in their own order ("Īstenotājs" before
# "Deleģētais uzdevums"), and the funding before the results or after them. Where a label was
# not found in the template's order, it is looked for again with the other sections of its
# block in any order; placed so, it must stand alone in its row's first cell or line (a
# heading), and name its section unmistakably (the results, the money), since the window it
# is looked for in then holds the values of the others.
_BLOCKS = (
    (Section.TASK, Section.IMPLEMENTER, Section.PERIOD),
    (Section.DESCRIPTION, Section.FUNDING),
)
_UNMISTAKABLE = {
    Section.DESCRIPTION: _reworded_form(r"rezultāt|rādītāj|apraksts\s+un\s+vērtējums"),
    Section.FUNDING: _reworded_form(r"finans|finanšu"),
}
_ALONE = re.compile(r"[ \u00a0:]*(?:[\t\n\x0b]|$)")


def reworded_labels(
    text: str, found: list[tuple[int, int, Section]]
) -> list[tuple[int, int, Section]]:
    """The labels of the sections still missing, reworded (see `REWORDED`), each searched
    between the labels of the sections before and after it in the template's order; then,
    of those still missing, in their block's any order (see `_BLOCKS`)."""
    out: list[tuple[int, int, Section]] = []
    for any_order in (False, True):
        for section in Section:
            have = found + out
            if any(s is section for _, _, s in have):
                continue
            label = _reworded(text, section, have, any_order)
            if label is not None:
                out.append((*label, section))
    return out


def label_alone(text: str) -> bool:
    """Whether `text` (a paragraph) is a section's label and nothing more: in the template's
    words or reworded (see `REWORDED`), numbered or not, a colon or full stop after it."""
    words = " ".join(text.split())
    if any(re.fullmatch(numbered(p) + r"[ \u00a0]*[:.]?", words) for p in LABELS.values()):
        return True
    m = _REWORDED.match(words)
    if m is None or words[m.end("label") :].strip(" \u00a0:."):
        return False
    said = latvian_half(" ".join(m.group("words").split()))
    return any(pattern.fullmatch(said) for pattern in REWORDED.values())


def _reworded(
    text: str, section: Section, have: list[tuple[int, int, Section]], any_order: bool
) -> tuple[int, int] | None:
    order = list(Section)
    place = order.index(section)
    peers = next((b for b in _BLOCKS if section in b), ()) if any_order else ()
    bounded = [(start, end, s) for start, end, s in have if s not in peers]
    low = max((end for _, end, s in bounded if order.index(s) < place), default=0)
    high = min((start for start, _, s in bounded if order.index(s) > place), default=len(text))
    for m in _REWORDED.finditer(text, low, high):
        words = latvian_half(" ".join(m.group("words").split()))
        if m.end("label") > high or not REWORDED[section].fullmatch(words):
            continue
        if m.group("stop") and _number_of(m.group("number")) != order.index(section) + 1:
            continue  # "Plānotais un faktiski izlietotais finansējums atbilst līgumam."
        if any_order and not (
            _ALONE.match(text, m.end("label"))
            and _UNMISTAKABLE.get(section, REWORDED[section]).search(words)
        ):
            continue
        if any(start <= m.start("label") < end for start, end, _ in have):
            continue
        return _wrapped(text, m, section)
    if section is Section.DESCRIPTION:
        return _long_description(text, low, high, have)
    return None


# A reworded label's words ending in a full stop are a sentence's as well ("Plānotais un
# faktiski izlietotais finansējums atbilst līgumam."). Such a label is one where the typist
# numbers the labels as the template's rows, and its number is its section's place among
# them ("4. Apraksts un vērtējums par sasniegtajiem rezultatīvajiem rādītājiem.").
def _number_of(number: str) -> int | None:
    """The figure of a label's number ("4. " -> 4), None for none or a bullet."""
    figure = re.match(r"\d+", number)
    return int(figure.group()) if figure is not None else None


# The description's label in the template's words reordered, a sentence long, with commas
# no other label has: "Valsts pārvaldes uzdevuma izpildes ietvaros sasniegto rezultatīvo
# rādītāju apraksts un vērtējums, kā arī izlietotā valsts budžeta finansējuma atbilstība
# līgumā paredzētajiem mērķiem". Known by the template's own words for it, "apraksts un
# vērtējums" and the results it is of ("rezultatīvo rādītāju", "rezultātu"), standing alone
# in its row's first cell or on its line (or ending in a colon): a sentence of the
# description names them inside a paragraph, and ends in its full stop.
_LONG_LABEL = re.compile(
    _ROW_START
    + rf"(?P<label>{_NUMBER}[A-ZĀČĒĢĪĶĻŅŠŪŽ][^\W\d_]*(?:,?[ \u00a0]+[^\W\d_]+){{5,59}}"
    + r"(?:[ \u00a0]*:)?)(?=[ \u00a0]*(?:[\t\n\x0b]|$))"
)
_DESCRIBES = _reworded_form(
    r"(?=.*\b(?:apraksts\s+un\s+vērtējums|vērtējums\s+un\s+apraksts)\b)(?=.*(?:rezultāt|rādītāj))"
)


def _long_description(
    text: str, low: int, high: int, have: list[tuple[int, int, Section]]
) -> tuple[int, int] | None:
    """The description's label written as a sentence of the template's words (see
    `_LONG_LABEL`), between `low` and `high`."""
    for m in _LONG_LABEL.finditer(text, low, high):
        if m.end("label") > high or not _DESCRIBES.match(m.group("label")):
            continue
        if any(start <= m.start("label") < end for start, end, _ in have):
            continue
        return m.start("label"), m.end("label")
    return None


# A label's last words hard-wrapped onto the next line ("Finanšu līdzekļu izlietojums" /
# "sadalījumā pa līguma gadiem"): lower-case words only, two at least, alone on that line,
# and the label with them still the section's. A value's first line has its own marks,
# digits or a single word ("nav").
_GOES_ON = re.compile(
    r"[ \u00a0]*\n[ \u00a0]*(?P<words>[a-zāčēģīķļņšūž][^\W\d_]*(?:[ \u00a0]+[^\W\d_]+)+)"
    rf"(?P<stop>{_STOP})?[ \u00a0]*(?=\n|$)"
)


def _wrapped(text: str, m: re.Match[str], section: Section) -> tuple[int, int]:
    """Where the label `m` is, with its words on the next line where they go on there."""
    label = (m.start("label"), m.end("label"))
    if text[m.start("words") : m.end("label")] != m.group("words"):
        return label  # a colon or a remark ends the label where it is
    more = _GOES_ON.match(text, m.end("label"))
    if more is None:
        return label
    if more.group("stop") and _number_of(m.group("number")) != list(Section).index(section) + 1:
        return label  # a full stop ends a sentence as well (see `_number_of`)
    words = latvian_half(" ".join((m.group("words") + " " + more.group("words")).split()))
    return (label[0], more.end()) if REWORDED[section].fullmatch(words) else label
