"""The heading grammar: how an implementation year is announced in the description.

"I. ĪSTENOŠANAS GADS (2022.gada 15.jūlijs līdz 2023.gada 14.jūlijs)" in all the ways a
person reads as the same heading: the Roman numeral with or without its dot, an Arabic one
with its dot at the start of a line or cell ("1. īstenošanas gads"), an ordinal word there
("PIRMAIS ĪSTENOŠANAS GADS"), any letter case, the period in parentheses, after a dash or
colon, on the next line, or not given at all.
A line that names "īstenošanas gads" but cannot be read as a heading is reported by
`unread_headings`, never guessed. A typist who drops the diacritics ("I ISTENOSANAS GADS",
"II istenosanas gads") writes the same heading (see `pipeline.parse.diacritics`). A heading
without its numeral ("ĪSTENOŠANAS GADS (01.03.2014. – 31.12.2014.)") is read where it is
certainly a year's (see `mark_calendar_years`).

Some reports give their years of implementation by calendar year instead, the first and
the last partial: "2022. GADS (1.03.2022.–31.12.2022.)"; or by contract year, named by the
two calendar years it spans: "2022./2023. gads (01.03.2022.–28.02.2023.)". Such a line is a
year heading only when `mark_calendar_years` marks it (see there): "2022. gads" alone is
also how a report heads a part of a longer year, or starts a sentence. Other ministries'
forms count "līguma gads" (contract year) as the template counts "īstenošanas gads".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TypeGuard

from pipeline.model import Period
from pipeline.parse.diacritics import either_form, fold
from pipeline.parse.latvian import DASHES, PERIOD_TEXT, find_period
from pipeline.parse.text import HEADING_MARK, SourcedText
from pipeline.parse.year_prose import (
    PROSE_NUMERAL,
    dated_in_turn,
    prose_ordinal_of,
    prose_year_starts,
)

_LETTER = r"\w"
_NOT_LETTER = rf"(?![{_LETTER}])"
#: A footnote's mark after "gads" ("2021. gads¹", "I. ĪSTENOŠANAS GADS*"): the heading's, kept
#: in its text as written, and no letter of the word (a superscript digit is a word character).
FOOTNOTE_MARK = r"(?:[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾?|\*{1,3})?"
_GADS_END = FOOTNOTE_MARK + _NOT_LETTER
_LINE_START = r"(?:^|(?<=[\n\t\x0b\ue000]))[ \u00a0]*"
#: Nothing but spaces to the end of the line, paragraph or cell.
_LINE_END = r"(?=[ \t\u00a0]*(?:[\n\t\x0b\r\ue000]|$))"
# An ordinal word's heading ends its line before more text (the text's end alone, as in
# "Pirmais īstenošanas gads", is a sentence's start as well).
_WORD_END = r"(?=[ \t\u00a0]*[\n\t\x0b\r\ue000])"
#: After a dash, what the year brings in a plan's list ("1. īstenošanas gads – tīkla
#: izveide, 2 forumi;", "2. īstenošanas gads – 3 semināri;"): a lower-case word (other than
#: a period's "no"/"līdz") or a count of something. A heading's dash brings its period.
_DESCRIBED = either_form(
    rf"[ \t\u00a0]*[{DASHES}][ \t\u00a0]*(?-i:(?!(?:no|līdz)\b)[a-zāčēģīķļņšūž]"
    r"|\d{1,3}[ \u00a0]+[a-zāčēģīķļņšūž])"
)
_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4, "V": 5, "VI": 6, "VII": 7, "VIII": 8}
#: The ordinal words as a heading writes them, in the nominative ("PIRMAIS ĪSTENOŠANAS
#: GADS"): other cases ("pirmajā īstenošanas gadā") are a sentence's words.
ORDINAL_WORDS = {
    "PIRMAIS": 1,
    "OTRAIS": 2,
    "TREŠAIS": 3,
    "CETURTAIS": 4,
    "PIEKTAIS": 5,
    "SESTAIS": 6,
    "SEPTĪTAIS": 7,
    "ASTOTAIS": 8,
}
#: One of `ORDINAL_WORDS`, in any letter case.
ORDINAL_WORD = "(?i:" + "|".join(either_form(w) for w in ORDINAL_WORDS) + ")" + _NOT_LETTER
_ORDINALS_FOLDED = {fold(word): n for word, n in ORDINAL_WORDS.items()}

# The two calendar years an implementation year spans, in parentheses after its heading
# ("1. gads (2018./2019.)", "2. īstenošanas gads (2019/2020)"): they name the year, not its
# dates, which are then unknown unless written after them ("– no 2018.g. 1.jūnija līdz …").
_CALENDAR_PAIR = (
    r"[ \t\u00a0]*\((?:19|20)\d\d\.?[ \u00a0]*(?:g\.|gads)?[ \u00a0]*[/–—-][ \u00a0]*"
    r"(?:19|20)\d\d\.?[ \u00a0]*(?:g\.|gads)?[ \u00a0]*\)"
)

# The year of implementation a calendar year is, in parentheses after its heading ("2023.
# gads (I īstenošanas gads)", "(1. īstenošanas gads)"): its place, not its dates.
_PLACE = (
    r"\([ \u00a0]*(?P<place_numeral>(?i:[IVX]{1,4})\.?|[1-8]\.)[ \u00a0]*"
    + either_form(r"(?i:īstenošanas)")
    + r"[ \u00a0]+(?i:gads)[ \u00a0]*\)"
)

# What a year is of: "īstenošanas gads" (of implementation) in the template, "līguma gads"
# (of the contract) in other ministries' forms ("### 1. līguma gads (01.09.2021.–…)").
_YEAR_OF = either_form(r"(?i:ĪSTENOŠANAS|LĪGUMA)")
# A calendar year's heading names one year ("2024. gads") or, for a contract year that
# spans two, both ("2022./2023. gads"); a bilingual form adds it in English ("2023. gads /
# Year 2023"). Read only where `mark_calendar_years` marks it.
_CALENDAR_NUMERAL = r"\d{4}(?:\.?[ \u00a0]*/[ \u00a0]*\d{4})?"
_IN_ENGLISH = r"/[ \u00a0]*(?i:year)[ \u00a0]+\d{4}"

# "1. gads (01.06.2016.–31.05.2017.)", "1.gads (2018./2019.)", "I gads (…)", "Pirmais gads
# (…)": a numeral (Arabic with its dot, Roman, or an ordinal word) and "gads" alone, as older
# and other forms head their years, at a line start with the calendar years or the dates it
# names on its line (a sentence "1. gads bija …" names none).
_PLAIN_NUMERAL = rf"(?:[1-8]|{ORDINAL_WORD}|(?i:[IVX]{{1,4}}))"
_PLAIN_AHEAD = (
    rf"(?=(?:[1-8]\.|{ORDINAL_WORD}|(?i:[IVX]{{1,4}})\.?(?=[ \u00a0]))"
    r"[ \u00a0]*(?i:gads)[^\n\t\x0b]*?\d{4})"
)
# A contract year named by the two calendar years it spans as well as its place in words:
# "2023./2024. īstenošanas gads (01.04.2023.–31.03.2024.)"; alone on its line.
_CONTRACT_NUMERAL = r"\d{4}\.?[ \u00a0]*/[ \u00a0]*\d{4}"

#: The heading, to be embedded in the description's marker scanner. Groups: `year` (the
#: whole heading, with a dot or colon ending it), `numeral`, `range` (the period in
#: parentheses) or `bare` (the period written after a dash or colon or on the next line).
#: An Arabic numeral or an ordinal word heads a year only at a line start: inside a sentence
#: ("… kas bija 2. īstenošanas gads, …") it is the sentence's own word. An ordinal word
#: without a period must also stand alone on its line: "Pirmais īstenošanas gads bija …"
#: opens a paragraph the same way, and is no heading. A heading without its numeral
#: (`unnumbered`, its `numeral` empty) is one only where `mark_calendar_years` marks it.
YEAR_HEADING = (
    rf"(?P<year>(?:(?P<prose>{HEADING_MARK}(?={PROSE_NUMERAL}))"
    rf"|(?P<unnumbered>{HEADING_MARK}(?={_YEAR_OF}))|(?P<calendar>{HEADING_MARK})"
    rf"|(?P<arabic>{_LINE_START})|(?P<word>{_LINE_START})"
    rf"|(?<![{_LETTER}.])|(?P<paired>{_LINE_START}{_PLAIN_AHEAD})"
    rf"|(?P<contract>{_LINE_START}))"
    rf"(?P<numeral>(?(prose){PROSE_NUMERAL}|(?(unnumbered)|(?(calendar){_CALENDAR_NUMERAL}"
    rf"|(?(arabic)[1-8]|(?(paired){_PLAIN_NUMERAL}|(?(contract){_CONTRACT_NUMERAL}"
    rf"|(?(word){ORDINAL_WORD}|(?i:[IVX]{{1,4}})))))))))"
    r"(?(unnumbered)|(?(word)(?=\s)|(?(calendar)\.|(?(arabic)\.|(?(paired)\.?"
    r"|(?(contract)\.|\.?))))))\s*"
    rf"(?(calendar)|(?(paired)|{_YEAR_OF}\s+))"
    rf"(?(prose)(?i:gad[aā])(?![{_LETTER}])|(?i:GADS){_GADS_END})[ \t\u00a0]*"
    rf"(?(calendar)(?:{_IN_ENGLISH}[ \t\u00a0]*)?)"
    rf"(?:(?P<years>{_CALENDAR_PAIR}))?"
    rf"(?(calendar)(?:[ \t\u00a0]*(?P<place>{_PLACE}))?)"
    r"(?:\s*\((?P<range>[^()]*)\)"
    rf"|[ \t\u00a0]*[{DASHES}:]?\s*(?i:no\s+)?(?P<bare>(?i:{PERIOD_TEXT})))?"
    # a plain "1. gads" heads a year only with the years or dates it names
    r"(?(paired)(?(years)|(?(range)|(?(bare)|(?!)))))"
    # a paragraph's opening words head a year only with its period
    r"(?(prose)(?(range)|(?(bare)|(?!))))"
    r"(?:[ \t\u00a0]*[.:])?"
    rf"(?(arabic){_LINE_END}|(?(paired){_LINE_END}|(?(contract){_LINE_END}|(?(word){_WORD_END}"
    rf"|(?(range)|(?(bare)|(?!{_DESCRIBED}))))))))"
)
_HEADING = re.compile(YEAR_HEADING)

#: The period a delegation was extended by, after its last year, headed as a year is and
#: with its dates: "PAGARINĀJUMA PERIODS (2026.gada 1.janvāris līdz 2026.gada 31.marts)".
#: Its activities are its own, no year's before it (see `pipeline.parse.activities`).
#: Groups: `extension` (the heading), `ext_range` (its period in parentheses) or `ext_bare`
#: (after a dash or colon).
EXTENSION_HEADING = (
    rf"(?P<extension>{_LINE_START}"
    + either_form(r"(?i:(?:līguma[ \u00a0]+)?pagarinājuma[ \u00a0]+periods)")
    + r"(?:[ \t\u00a0]*\((?P<ext_range>[^()\n\t\x0b]*)\)"
    rf"|[ \t\u00a0]*[{DASHES}:][ \t\u00a0]*(?i:no\s+)?(?P<ext_bare>(?i:{PERIOD_TEXT})))"
    rf"(?:[ \t\u00a0]*[.:])?{_LINE_END})"
)

# Anything else that names a year of implementation as a heading would (at a line start),
# ending there or going on as a heading does (its period, a colon, a dash, "no" a date). A
# sentence goes on with a comma or a lower-case word ("Pirmais īstenošanas gads bija …",
# "… gads, kurā …"): no heading, nothing to report.
_LOOSE = re.compile(
    either_form(
        r"(?:^|(?<=[\n\t\x0b]))[ \u00a0]*(?P<head>[^\n\t\x0b]{0,30}?(?:īstenošanas|līguma)\s+gads"
        + _GADS_END
        + r"(?![ \u00a0]*(?:[,;]|(?!(?:no|līdz)\b)(?-i:[a-zāčēģīķļņšūž])))"
    )
    + rf"(?!{_DESCRIBED})[^\n\t\x0b]{{0,80}})",
    re.I,
)

# "2022. gads" standing alone as a line, a paragraph or a cell's first words, alone or with
# its period in parentheses: "2022. gadā notika …", "2022. gads bija …" and dates are not.
_CALENDAR = re.compile(
    _LINE_START
    + rf"(?P<head>{_CALENDAR_NUMERAL}\.[ \u00a0]*(?i:gads)"
    + _GADS_END
    + rf"(?:[ \u00a0]*{_IN_ENGLISH})?(?:[ \u00a0]*\("
    r"[^()\n\t\x0b]*\))?)(?=[ \u00a0]*[.:]?[ \u00a0]*(?:[\n\t\x0b\r]|$))"
)


_PLACE_IN_HEADING = re.compile(
    _LINE_START
    + rf"(\d{{4}}\.[ \u00a0]*(?i:gads){FOOTNOTE_MARK}[ \u00a0]*)("
    + _PLACE.replace("?P<place_numeral>", "")
    + ")"
)


def ordinal_of(numeral: str) -> int | None:
    """'ii' -> 2, '2' -> 2, 'Otrais' -> 2; None for a numeral past the template's eight
    years, or a calendar year (its ordinal is its place among the headings)."""
    if numeral.isdigit():
        return int(numeral) if 1 <= int(numeral) <= len(_ROMAN) else None
    return (
        _ROMAN.get(numeral.upper())
        or _ORDINALS_FOLDED.get(fold(numeral.upper()))
        or prose_ordinal_of(numeral)  # "Otrajā", a paragraph's opening (see `year_prose`)
    )


def is_roman(numeral: str | None) -> TypeGuard[str]:
    """Whether a year heading's numeral is a Roman numeral ("II", "iv")."""
    return numeral is not None and re.fullmatch(r"[IVX]{1,4}", numeral, re.I) is not None


def is_calendar(numeral: str | None) -> TypeGuard[str]:
    """Whether a year heading's numeral is a calendar year ("2022")."""
    return numeral is not None and len(numeral) == 4 and numeral.isdigit()


def unread_headings(text: str, read: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Ranges of `text` that look like year headings but were not read as one (`read` are
    the ranges that were)."""
    out = []
    for m in _LOOSE.finditer(text):
        if not any(
            start <= m.start("head") < end or m.start("head") <= start < m.end("head")
            for start, end in read
        ):
            out.append((m.start("head"), m.end("head")))
    return out


@dataclass(frozen=True, slots=True)
class CalendarYears:
    text: SourcedText  # the description, its calendar-year headings marked when they are read
    unread: tuple[SourcedText, ...]  # calendar-year headings that could not be read as years


def mark_calendar_years(description: SourcedText, delegation: Period | None) -> CalendarYears:
    """Mark each "YYYY. gads" heading of the description with `HEADING_MARK` where together
    they are certainly its years of implementation: the description announces no year by
    "īstenošanas gads" (there they head parts of a year), and the headings name the calendar
    years from the delegation period's first on, one after another, none past its last, each
    period they give lying in its year (or, for contract years "2022./2023. gads", see
    `_in_order`). Then a heading's place is its ordinal. Headings that fail this in a
    description without other year headings are returned as unread.
    Headings of "īstenošanas gads" without a numeral are marked where they certainly are its
    years (see `_unnumbered`)."""
    unnumbered = _unnumbered(description)
    if unnumbered is not None:
        return CalendarYears(unnumbered, ())
    text = description.text
    prose = _prose_years(description)
    if prose is not None:
        return CalendarYears(prose, ())
    found = list(_CALENDAR.finditer(text))
    # A heading's place in parentheses names "īstenošanas gads" as no heading of its own does.
    bare = _PLACE_IN_HEADING.sub(lambda m: m.group(1) + " " * len(m.group(2)), text)
    if not found or _HEADING.search(bare) or _LOOSE.search(bare):
        return CalendarYears(description, ())
    marked = _marked(description, [m.start("head") for m in found])
    headings = [
        _HEADING.match(marked.text, i) for i, c in enumerate(marked.text) if c == HEADING_MARK
    ]
    if _in_order(headings, delegation):
        return CalendarYears(marked, ())
    unread = tuple(description[m.start("head") : m.end("head")] for m in found)
    return CalendarYears(description, unread)


def _prose_years(description: SourcedText) -> SourcedText | None:
    """The description with the paragraphs' opening words that name its years ("Pirmajā
    īstenošanas gadā (…) …", see `pipeline.parse.year_prose`) marked as their headings,
    where it has no year heading or calendar year's heading of its own. None otherwise."""
    text = description.text
    if _HEADING.search(text) or _LOOSE.search(text) or _CALENDAR.search(text):
        return None
    if _UNNUMBERED.search(text):
        return None
    starts = prose_year_starts(text)
    return _marked(description, starts) if starts is not None else None


def _marked(description: SourcedText, starts: list[int]) -> SourcedText:
    """The description with `HEADING_MARK` before each heading starting at `starts`."""
    pieces: list[SourcedText] = []
    pos = 0
    for start in starts:
        pieces += [description[pos:start], SourcedText(HEADING_MARK, (description.offsets[start],))]
        pos = start
    return SourcedText.join([*pieces, description[pos:]], sep="")


# "ĪSTENOŠANAS GADS (01.03.2014. – 31.12.2014.)", "Īstenošanas gads – no 2012. gada 1.
# jūlija …": a year heading without its numeral, at a line start, with its period as
# `YEAR_HEADING` reads a heading's (in parentheses, after a dash or colon, on the next line)
# and nothing after it on its line.
_UNNUMBERED = re.compile(
    _LINE_START + rf"(?P<head>{_YEAR_OF}[ \u00a0]+(?i:gads){_GADS_END}"
    r"(?:\s*\((?P<range>[^()]{0,120})\)"
    rf"|[ \t\u00a0]*[{DASHES}:]?\s*(?i:no\s+)?(?P<bare>(?i:{PERIOD_TEXT})))"
    r"(?:[ \t\u00a0]*[.:])?)" + _LINE_END
)


def _unnumbered(description: SourcedText) -> SourcedText | None:
    """The description with its year headings that have no numeral marked, where they are
    certainly its years: no heading with a numeral among them (the place of one without is
    then unsure), and one alone (the report's one year, "ĪSTENOŠANAS GADS (01.03.2014. –
    31.12.2014.)"), or several each giving both its dates, each after the one before: then
    a heading's place is its ordinal. None where there are none, or not certainly years."""
    found = list(_UNNUMBERED.finditer(description.text))
    if not found or _HEADING.search(description.text):
        return None
    if len(found) > 1 and not dated_in_turn(found):
        return None
    return _marked(description, [m.start("head") for m in found])


def _years_named(numeral: str) -> tuple[int, int]:
    """The calendar years a heading's numeral names: (2024, 2024), or (2022, 2023) for a
    contract year written "2022./2023."."""
    years = [int(y) for y in re.findall(r"\d{4}", numeral)]
    return years[0], years[-1]


def _in_order(headings: list[re.Match[str] | None], delegation: Period | None) -> bool:
    """Calendar years: each the delegation's next, from its first year, the dates they give
    within them. Contract years written by the two calendar years they span ("2022./2023.
    gads", the last perhaps one, "2024. gads") are the same in their first year, and each
    gives its dates (a contract year is no calendar year: without them its dates are not
    known), or the pair says which two years it spans."""
    if delegation is None or delegation.start is None or delegation.end is None:
        return False
    if any(m is None for m in headings):
        return False
    matches = [m for m in headings if m is not None]
    named = [_years_named(m.group("numeral")) for m in matches]
    contract = any(first != last for first, last in named)
    for place, (m, (first, last)) in enumerate(zip(matches, named, strict=True)):
        if first != delegation.start.year + place or last > delegation.end.year:
            return False
        if last not in (first, first + 1):
            return False
        stated = m.group("place_numeral")
        if stated is not None and ordinal_of(stated.rstrip(".")) != place + 1:
            return False  # "2024. gads (I īstenošanas gads)" second: which is meant is unsure
        written = m.group("range") if m.group("range") is not None else m.group("bare")
        found = find_period(written) if written else None
        if contract and first == last and (found is None or None in (found.start, found.end)):
            return False  # a contract year of one calendar year's name, without its dates
        # An unreadable period is still this year's, and reported as such; a date in another
        # year contradicts the heading, and which of the two is meant is not guessed.
        if found is not None:
            if found.start is not None and found.start.year != first:
                return False
            if found.end is not None and found.end.year != last:
                return False
    return True
