"""What an activity's text mentions: quantities (indicators) and dates (minorities and
places named: `pipeline.parse.named`).

A number counts the head of the noun phrase after it (`pipeline.parse.activity_heads`: the
last nominative of the known kinds, a genitive plural only when no nominative is there,
never a genitive that is another noun's attribute, "2 jauniešu nometnes"). A number alone
in parentheses counts the noun right before it ("Konsultācijas (88)") or restates the
number written in words before it ("divpadsmit (12) konsultācijas"); a number after a dash
that ends its phrase counts the noun before the dash ("semināri – 6, dalībnieki – 140;").
A range ("20–25 dalībnieki") is at least its lower end, unless it is per event ("katrā");
a breakdown in brackets after a count ("45 dalībnieki (30 sievietes, 15 vīrieši)") or after
"t. sk." is that count's parts, as are people named by who they are alone in brackets after
a count of people ("45 dalībnieki (30 bērni)"; see `pipeline.parse.activity_parts`). A house
number ("Jūrmalas gatvē 76") is no count, nor are a website's visitors. The kinds are in
`pipeline.parse.indicators`.
"""

from __future__ import annotations

import re

from pipeline.model import DateMention, Indicator, Qualifier
from pipeline.parse.activity_heads import PIECES, noun_after
from pipeline.parse.activity_numbers import digit_numbers, in_ranges, masked_ranges
from pipeline.parse.activity_parts import (
    bracketed_parts,
    bracketed_people,
    included_parts,
    mark_parts,
)
from pipeline.parse.activity_place_parts import place_parts
from pipeline.parse.activity_words import (
    agrees,
    ends_entry,
    fronted,
    named_before,
    plan_then_achieved,
    planned,
    word_numbers,
)
from pipeline.parse.indicators import (
    COMPOUNDS,
    head_like,
    kind_of,
    site_visitors,
)
from pipeline.parse.indicators import INDICATOR_KINDS as INDICATOR_KINDS
from pipeline.parse.latvian import find_dates, number_in_words
from pipeline.parse.text import SourcedText, SourceFile

# None: an upper bound ("līdz 30", "ne vairāk kā 30"), which no qualifier says; the number
# stays in the activity's text only, as reading it as exact would claim more than the text.
_QUALIFIERS: tuple[tuple[re.Pattern[str], Qualifier | None], ...] = (
    (re.compile(r"ne\s+mazāk\s+(?:nekā|kā)\s*$", re.I), Qualifier.AT_LEAST),
    (
        re.compile(
            r"(?:ne\s+vairāk\s+(?:nekā|kā)|mazāk\s+(?:nekā|kā)|līdz(?:\s+pat)?|maksimāli)\s*$",
            re.I,
        ),
        None,
    ),
    (re.compile(r"vairāk\s+(?:nekā|kā)\s*$", re.I), Qualifier.MORE_THAN),
    (re.compile(r"vismaz\s*$", re.I), Qualifier.AT_LEAST),
    (re.compile(r"(?:aptuveni|ap)\s*$", re.I), Qualifier.ABOUT),
)
# The upper end of a range ("10–30 dalībnieki", "20 - 25 dalībnieki") is not an exact count
# either. Its lower end is a bound the text states: at least that many took part ("piedalījās
# 20–25 dalībnieki"). A range per event ("katrā 20–25 dalībnieki", "20–25 dalībnieki katrā",
# "vidēji") is no figure of the activity at all, as a count per event is not its total.
_RANGE_BEFORE = re.compile(r"(\d)\s*[-–—]\s*$")
_RANGE_AFTER = re.compile(r"[ \u00a0]*[-–—][ \u00a0]*(\d{1,6})(?![\d:%]|[.,]\d)")
_PER_EVENT = re.compile(r"(?<![^\W\d_])(?:katr\w*|vidēji|vienā|vienam|vienai)(?![^\W\d_])", re.I)
_CLAUSE_MARK = re.compile(r"[,;:.()\n\t\x0b\ue000]")


def counted_kind(name: str) -> str | None:
    """The kind a count counts when it stands apart from the words naming it (a table's
    "Skaits" column): read as if the number were written before them ("2" of "Reģionālie
    NVO forumi"). The name's capital is its first word's, not a proper noun's."""
    lowered = name[:1].lower() + name[1:]
    noun = noun_after(lowered, 0)
    if noun is None or site_visitors(lowered, 0, noun[1], noun[0]):
        return None
    return noun[0]


def qualifier_before(s: str, start: int) -> Qualifier | None:
    """What the words before a number at `start` say of it (None: an upper bound)."""
    return _qualified(s, start)[1]


def find_indicators(text: SourcedText, source: SourceFile) -> tuple[Indicator, ...]:
    """Every number in `text` followed by a known kind of thing counted."""
    s = text.text
    masked = masked_ranges(s)
    found: list[Indicator] = []
    places: list[tuple[int, int]] = []
    for start, stop, value, in_words in _all_numbers(text, source, masked):
        if re.search(r"\bx\s*$", s[:start]) or planned(s, start, stop) or _EACH.search(s, 0, start):
            continue  # a factor ("6 vietas x 4"), a plan ("plānots 4 NVO"), "pa 4" each
        rm = _RANGE_BEFORE.search(s, 0, start)
        if rm and not in_ranges(rm.start(1), masked):
            continue
        upper = None if in_words else _RANGE_AFTER.match(s, stop)
        closing = _CLOSING.match(s, stop)
        opening = _OPENING.search(s, 0, start)
        if in_words and (in_ranges(start, places) or (closing and opening)):
            continue  # "2 (divas) stratēģijas": the digits say it
        if upper is not None and not in_ranges(upper.start(1), masked):
            reading = _range(s, start, value, upper)
        elif in_words:
            noun = noun_after(s, stop, value)
            if noun is not None and not agrees(s[start:stop], _last_word(s, noun[1])):
                continue  # "viena biedrības pārstāve": one member, not one association
            front = fronted(s, start, stop) if noun is None else None
            if noun is not None:
                reading = (noun[0], *_qualified(s, start), noun[1])
            elif front is not None:  # "Seminārus novadījām piecus"
                reading = (front[0], front[1], Qualifier.EXACT, stop)
            else:
                reading = _after_dash(s, start, stop, value, places)
        elif closing and opening:
            reading = _in_parentheses(s, opening.start(), closing.end(), value, places)
        elif _words_disagree(s, stop, value):
            continue  # "2 (trīs) stratēģijas": which of the two is meant cannot be told
        else:
            noun = noun_after(s, stop, value)
            if noun is not None:
                reading = (noun[0], *_qualified(s, start), noun[1])
            else:
                reading = _after_dash(s, start, stop, value, places)
        if reading is None:
            continue
        kind, begin, qualifier, end = reading
        if qualifier is None:
            continue  # an upper bound ("līdz 30"), which no qualifier says
        if (
            site_visitors(s, begin, end, kind)
            or _singular_after_plural(s, end, value)
            or _funded(s, start, end)
            or _owner_of_instrumental(s, start, end)
        ):
            continue
        piece = text[begin:end]
        found.append(Indicator(value, qualifier, kind, piece.text, source.span_of(piece)))
        places.append((begin, end))
    found, places = bracketed_parts(text, source, found, places, masked)
    found, places = place_parts(text, source, found, places)
    marked = bracketed_people(mark_parts(tuple(found), places, s), places, s)
    return included_parts(marked, places, s)


def _range(
    s: str, start: int, value: int, upper: re.Match[str]
) -> tuple[str, int, Qualifier | None, int] | None:
    """A range "20–25 dalībnieki" as its lower end's reading, at least that many: (kind,
    begin, qualifier, end). Not read when a word before qualifies it ("ap 20–25": about
    which end?), when it is no range (years "2022–2025", "25–20"), when it counts no known
    kind, or per event."""
    if value in _YEARS or int(upper.group(1)) in _YEARS or int(upper.group(1)) <= value:
        return None
    begin, qualifier = _qualified(s, start)
    noun = noun_after(s, upper.end(), int(upper.group(1)))
    if qualifier is not Qualifier.EXACT or noun is None:
        return None
    marks = [m.end() for m in _CLAUSE_MARK.finditer(s, 0, begin)]
    after = _CLAUSE_MARK.search(s, noun[1])
    if _PER_EVENT.search(s, marks[-1] if marks else 0, after.start() if after else len(s)):
        return None  # "katrā 20–25 dalībnieki": per event, not the activity's figure
    return noun[0], begin, Qualifier.AT_LEAST, noun[1]


def _all_numbers(
    text: SourcedText, source: SourceFile, masked: list[tuple[int, int]]
) -> list[tuple[int, int, int, bool]]:
    """The numbers in digits and in words, in order, as (start, stop, value, in words)."""
    digits = [(a, b, v, False) for a, b, v in digit_numbers(text, source, masked)]
    words = [(a, b, v, True) for a, b, v in word_numbers(text.text) if not in_ranges(a, masked)]
    return sorted(digits + words)


# The genitive singular of the masculine kinds ("foruma", "semināra"): never what a number
# counts, only whose ("– 1 000 reģionālā NVO foruma norisei": money whose currency is not
# written, for the forum). A feminine "-a" is a nominative ("86 konsultācija", mistyped).
_MASCULINE_GENITIVE = re.compile(
    r"(?:dalībniek|jaunieš|apmeklētāj|pasākum|festivāl|seminār|vebinār|kurs|forum|ierakst"
    r"|buklet|kalendār|izdevum|materiāl|apkopojum|rakst|projekt|pētījum|lietotāj|sekotāj"
    r"|pārstāvj|zvan|ceļvež)a",
    re.I,
)


# A number right after a verb of giving or spending money, before a noun that is not its
# object, is money, written or not with its currency ("pašvaldības līdzfinansēja 3 500
# diskusiju ciklam": euro for the cycle, not 3,500 discussions); "finansēja 2 pasākumus"
# counts the events it funded.
_FUNDED = re.compile(
    r"(?<![^\W\d_])(?:līdzfinansēj|finansēj|piešķīr|ziedoj|samaksāj|izlietoj|iztērēj)[^\W\d_]*"
    r"(?:[ \u00a0]+(?:ar|kopā|vēl|papildus))?[ \u00a0]+$",
    re.I,
)


def _funded(s: str, start: int, end: int) -> bool:
    return bool(_FUNDED.search(s, 0, start)) and not re.search(
        r"(?:us|as|es|is|i)$", _last_word(s, end), re.I
    )


# "2 mācību cikli pa 4 nodarbībām": four sessions each, no figure of the activity.
_EACH = re.compile(r"(?<![^\W\d_])pa[ \u00a0]+$", re.I)
# After "ar" (with) the phrase is in the instrumental, the dative's form in the plural: a
# genitive plural before a noun of no known kind in it is that noun's attribute ("1 NVO
# datubāze ar 312 organizāciju datiem": the data of 312 organisations, records).
_WITH = re.compile(r"(?<![^\W\d_])ar[ \u00a0]+$", re.I)
_INSTRUMENTAL_AFTER = re.compile(r"[ \u00a0]+([^\W\d_]+(?:iem|ām|ēm))(?![^\W\d_])")


def _owner_of_instrumental(s: str, start: int, end: int) -> bool:
    after = _INSTRUMENTAL_AFTER.match(s, end)
    return (
        bool(_WITH.search(s, 0, start))
        and after is not None
        and kind_of(after.group(1)) is None
        and _last_word(s, end).lower().endswith("u")
    )


def _singular_after_plural(s: str, end: int, value: int) -> bool:
    """Whether the counted phrase ending at `end` ends in a masculine genitive singular
    after a number that takes a plural: the number counts something else."""
    if value % 10 == 1 and value % 100 != 11:
        return False
    return end > 0 and bool(_MASCULINE_GENITIVE.fullmatch(_last_word(s, end)))


def _last_word(s: str, end: int) -> str:
    m = re.search(r"[^\W\d_]+$", s[:end])
    return m.group(0) if m else ""


def _qualified(s: str, start: int) -> tuple[int, Qualifier | None]:
    """Where the phrase of a number at `start` begins, and what the words before it say."""
    for pattern, qualifier in _QUALIFIERS:
        qm = pattern.search(s, 0, start)
        if qm and (qm.start() == 0 or not s[qm.start() - 1].isalpha()):
            return qm.start(), qualifier
    return start, Qualifier.EXACT


_OPENING = re.compile(r"\(\s*$")
_CLOSING = re.compile(r"\s*\)")
_WORDS_BEFORE = re.compile(r"(?:(?<![^\W\d_])[^\W\d_]+(?:\s+[^\W\d_]+){0,2}\s*)?$")
_LAST_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_]+\s*$")
# A number in parentheses that could be a year is not read as a count: "Semināri (2023)".
_YEARS = range(1900, 2101)


def _in_parentheses(
    s: str, opening: int, closing: int, value: int, places: list[tuple[int, int]]
) -> tuple[str, int, Qualifier | None, int] | None:
    """A number alone in parentheses, as (kind, begin, qualifier, end). It restates the
    number written in words before it ("divpadsmit (12) konsultācijas"), or counts the noun
    right before it ("Individuālās konsultācijas (75)"); anything else is not read."""
    words = _WORDS_BEFORE.search(s, 0, opening)
    assert words is not None  # it matches, if only the empty string
    for w in re.finditer(r"[^\W\d_]+", s[words.start() : opening]):
        said = number_in_words(s[words.start() + w.start() : opening])
        if said is not None:
            noun = noun_after(s, closing, value) if said == value else None
            if noun is None:
                return None  # words and digits that disagree are not read with certainty
            return noun[0], *_qualified(s, words.start() + w.start()), noun[1]
    if s.startswith("+", closing):
        return None  # "konsultācijas (88)+": more than 88 or at least 88 cannot be told
    last = _LAST_WORD.search(s, 0, opening)
    if last is None or value in _YEARS or _enumerates(s, opening, closing, value):
        return None
    word = last.group(0).rstrip()
    kind = kind_of(word)
    if kind is None or not head_like(word) or in_ranges(last.start(), places):
        return None  # not a counted noun, or one that a number before it counts already
    kind, begin = _with_compound(s, kind, last.start(), opening)
    return kind, begin, Qualifier.EXACT, closing


def _with_compound(s: str, kind: str, begin: int, end: int) -> tuple[str, int]:
    """The kind and start of a counted noun phrase ending at `end` whose head starts at
    `begin`, where up to three words before `end` name a compound ("Fokusgrupu diskusijas")."""
    words = _WORDS_BEFORE.search(s, 0, end)
    assert words is not None  # it matches, if only the empty string
    for pattern, compound in COMPOUNDS:
        cm = re.compile(rf"(?<![^\W\d_]){pattern}", re.I).search(s, words.start(), end)
        if cm:
            return compound, min(begin, cm.start())
    return kind, begin


# "Ziņas: 3 (janvārī), 5 (februārī)": numbers with nothing named after them, one after the
# other, are parts of the count, none of them the whole.
_MORE_PARTS = re.compile(
    r"(?:\s*\([^()]{0,60}\))?\s*(?:,|\s(?:un|\+))\s*\d{1,6}\s*(?:\(|[,;.+]|un\s|$)"
)


def _after_dash(
    s: str, start: int, stop: int, value: int, places: list[tuple[int, int]]
) -> tuple[str, int, Qualifier | None, int] | None:
    """A count after the phrase that names it ("semināri – 6", "dalībnieku skaits: 88"), as
    (kind, begin, qualifier, end); see `pipeline.parse.activity_words.named_before`."""
    begin, qualifier = _qualified(s, start)
    if PIECES.match(s, stop):
        return None  # "bukleti – 500 gab.": a print run
    if value in _YEARS or not ends_entry(s, stop) or _MORE_PARTS.match(s, stop):
        return None
    plan = plan_then_achieved(s, begin)
    named = named_before(s, plan if plan is not None else begin)
    if named is None or in_ranges(named[1], places):
        return None  # nothing named, or a noun that a number before it counts already
    return named[0], named[1], qualifier, stop


# "konsultācijas (1) klātienē un (2) attālināti": numbers that enumerate, not counts.
_NEXT_IN_PARENTHESES = re.compile(r"[^.;:()]*\(\s*(\d{1,2})\s*\)")
_PREVIOUS_IN_PARENTHESES = re.compile(r"\(\s*(\d{1,2})\s*\)[^.;:()]*$")


def _enumerates(s: str, opening: int, closing: int, value: int) -> bool:
    after = _NEXT_IN_PARENTHESES.match(s, closing)
    before = _PREVIOUS_IN_PARENTHESES.search(s, 0, opening)
    return bool(
        (after and int(after.group(1)) == value + 1)
        or (before and int(before.group(1)) == value - 1)
    )


_IN_WORDS_AFTER = re.compile(r"\s*\(\s*([^\W\d_]+(?:\s+[^\W\d_]+){0,2})\s*\)")


def _words_disagree(s: str, stop: int, value: int) -> bool:
    """'2 (trīs)': the digits and the number in words right after them are not the same."""
    m = _IN_WORDS_AFTER.match(s, stop)
    said = number_in_words(m.group(1)) if m else None
    return said is not None and said != value


def find_activity_dates(text: SourcedText, source: SourceFile) -> tuple[DateMention, ...]:
    mentions = []
    for d in find_dates(text.text):
        piece = text[d.begin : d.stop]
        mentions.append(DateMention(d.start, d.end, d.precision, piece.text, source.span_of(piece)))
    return tuple(mentions)
