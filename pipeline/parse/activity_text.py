"""How an item's or a note's text is cut: into sentences (a year written as prose), and a
list written without bullets into its entries ("…; …; …"); and the words that make a
sentence of prose state no achievement of its year (see `pipeline.parse.activities`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import DatePrecision, Period
from pipeline.parse.latvian import find_dates
from pipeline.parse.text import SourcedText

_WS = " \n\t\x0b\u00a0\ue000"


# A sentence ends at a line or paragraph break, or at ". " before a capital letter, unless
# the word before the full stop is an abbreviation, a single letter or a number ("2022. Gadā").
_SENTENCE_BREAK = re.compile(
    r"[ \u00a0]*[\n\t\x0b\ue000][\s\ue000]*"
    r"|(?P<stop>(?<=[.!?])[ \u00a0]+(?=[„\"(]?[A-ZĀČĒĢĪĶĻŅŠŪŽ]))"
)
_ABBREVIATIONS = {"nr", "sk", "t.sk", "u.c", "utt", "u.tml", "piem", "reģ", "tel", "plkst", "t.i"}


def sentences(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    start = 0
    for m in _SENTENCE_BREAK.finditer(text):
        if m.group("stop"):
            word = text[: m.start()].rsplit(None, 1)[-1].rstrip(".!?").lstrip('(„"').lower()
            if word in _ABBREVIATIONS or len(word) < 2 or word.isdigit():
                continue
        elif _wrapped(text, m.start(), m.end()):
            continue
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip(_WS)]


# A plain text's paragraph hard-wrapped at a fixed width: its lines break anywhere, even
# between a number and what it counts ("sniegtas 88" / "konsultācijas"). A single line break
# after an unfinished sentence, before a lower-case word or a number, or after a word that
# joins ("Ogrē … un" / "Siguldā …"), goes on with the sentence.
_LINE_BREAK = re.compile(r"[ \u00a0]*\n[ \u00a0]*")
_GOES_ON = re.compile(r"[a-zāčēģīķļņšūž(„\"]|\d+(?![.)]\s|\d)")
_JOINS_ON = re.compile(r"(?:,|(?<![^\W\d_])(?:un|ar|par|no|uz|gan|vai|kā|–|-))$")


_LOWER_START = re.compile(r"[a-zāčēģīķļņšūž]")


def _wrapped(text: str, start: int, end: int) -> bool:
    before = text[:start].rstrip(_WS)
    if not before:
        return False
    if not text[start:end].strip(_WS) and (
        before.count("(") > before.count(")")
        or (before[-1] not in ".;:!?" and _LOWER_START.match(text, end))
    ):
        return True  # a page break inside a parenthesis or a sentence: it goes on after it
    if not _LINE_BREAK.fullmatch(text, start, end):
        return False
    if before[-1] == "." and _LOWER_START.match(text, end):
        # an abbreviation ends the line ("15 gab." / "saliekamo galdu"): no sentence starts
        # in lower case
        return True
    if before[-1] in ".;:!?":
        return False
    return bool(_GOES_ON.match(text, end) or _JOINS_ON.search(before))


@dataclass(frozen=True, slots=True)
class Clause:
    start: int
    stop: int
    listed: bool  # an entry of a list written without bullets, its entries ending in ";"


def clauses(text: str) -> list[Clause]:
    """The sentences of a year's prose, each cut at its semicolons: a paragraph that lists
    what was done ("organizēti 3 forumi …, kopā 276 dalībnieki; novadīti 10 semināri …;
    sniegtas 88 konsultācijas …") is a list written without bullets, each clause an entry.
    A semicolon inside parentheses ("(Jūrmalā …; Ogrē …)") parts no entries."""
    found: list[Clause] = []
    for a, b in sentences(text):
        cuts = _semicolons(text, a, b)
        listed = bool(cuts)
        start = a
        for cut in cuts:
            if text[start:cut].strip(_WS):
                found.append(Clause(start, cut, listed))
            start = cut
        if text[start:b].strip(_WS):
            found.append(Clause(start, b, listed))
    return found


def _semicolons(text: str, start: int, stop: int) -> list[int]:
    """Where the entries after each top-level ";" of text[start:stop] start (the ";" stays
    with the entry it ends, as `split_entries` keeps it)."""
    depth = 0
    cuts: list[int] = []
    for i in range(start, stop):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            depth = max(0, depth - 1)
        elif c == ";" and depth == 0:
            cuts.append(i + 1)
    return cuts


_COUNT_FRAGMENT = re.compile(r"^[^;:]{0,60}?[-–]\s*\d+\s*;?$")
_ENTRY_END = re.compile(r";\s+(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ0-9])")
# A link the converter left without its punctuation also ends an entry when a capitalised
# word follows it ("… pieejams: https://… Īstenoti 4 pasākumi …").
_LINK_THEN_CAPITAL = re.compile(
    r"(?:https?://|www\.)\S+(?P<gap>\s+)(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ][a-zāčēģīķļņšūž]+\s)"
)


def split_entries(text: SourcedText) -> list[SourcedText]:
    """Entries of a list written without bullets, one after another, each ending in '; '."""
    cuts = sorted(
        [(m.start() + 1, m.end()) for m in _ENTRY_END.finditer(text.text)]
        + [(m.start("gap"), m.end("gap")) for m in _LINK_THEN_CAPITAL.finditer(text.text)]
    )
    pieces, start = [], 0
    for stop, resume in cuts:
        pieces.append(text[start:stop].strip())
        start = resume
    pieces.append(text[start:].strip())
    entries: list[SourcedText] = []
    for piece in (p for p in pieces if p.text):
        if entries and _COUNT_FRAGMENT.match(piece.text):
            # "Instagram – 81;" continues the entry before it, it is not an entry itself
            begin = entries[-1].offsets and entries[-1]
            entries[-1] = SourcedText.join([begin, piece]) if begin else piece
        else:
            entries.append(piece)
    return entries


# Words that make a sentence's count something other than this year's achievement: not done
# ("nenotika", "neieradās", "neīstenoti"), cancelled or postponed, planned or to come
# ("notiks", "organizēsim", "iecerēti"), before ("pagājušajā gadā", "iepriekš", "kopš"),
# compared or changed ("pieauga par"), the whole delegation period's, what the organisation
# is ("apvieno", "45 biedri") or what was applied for ("pieteikumi").
NOT_ACHIEVED = re.compile(
    r"(?<!\w)(?:ne(?:tik|notik|bij|tiek|tiks|notiks|izdev|varēj|ierad|īsteno"
    r"|piedal|organizē|organizēt|sniedz|sniegt|sasniedz|sasniegt|izpild|realizē|notiek|apmeklē"
    r"|izveido|izdot|rīko|rīkot|vadīt|darboj)\w*|nav"
    r"|atcel\w*|atcēl\w*|pārcel\w*|pārcēl\w*|atlikt\w*|atlik(?:a|ts|ti|tas|ta)"
    r"|plānot\w*|plāno(?!šan)\w*|plān(?:s|a|u|ā|i|os)|paredz\w*|iecer\w*|tiks|notiks|būs|organizēs|rīkos|sniegs|īstenos|turpinās"
    r"|\w+sim|\w+siet|nākam\w*|turpmāk\w*"
    r"|salīdzin\w*|iepriekš\w*|pagājuš\w*|kopš|agrāk\w*"
    r"|pieaug\w*|pieauga|samazin\w*|palielin\w*|kritās|krities|pieaudz\w*"
    r"|deleģēšanas\s+period\w*|vis(?:ā|u)\s+period\w*|gadu\s+laikā|gados"
    # membership ("biedru skaits", "45 biedri", "uzņemti 3 jauni biedri"), not the members'
    # own activity ("biedru aptauja")
    r"|apvieno\w*|biedru\s+skait\w*|(?:\d+|jaun\w*)\s+biedr(?:i|us|iem|u|s)"
    r"|uzņemt\w*\s+(?:\S+\s+){0,2}?biedr(?:i|us|s)"
    r"|pieteikum\w*|pieteic\w*|pieteicās)"
    r"(?!\w)",
    re.I,
)
# A number governed by a word before it is not what the sentence achieved: a part of it ("No
# 10 semināriem notika 8"), a time or a partner ("Pēc 3 semināriem", "ar 3 biedrībām"), a
# change ("par 20"), an average ("Katrā no 4", "katram"), a purpose ("dalībai 1 forumā").
GOVERNED_NUMBER = re.compile(
    r"(?<!\w)(?:no|pēc|par|ar|uz|pie|līdz|kopš|starp|pirms|katr\w*|dalībai|Nr\.?)"
    r"\s+(?:\S+\s+){0,1}?\d",
    re.I,
)
_CALENDAR_YEAR = re.compile(r"(?<![\d.,])(?:19|20)\d\d(?=\.(?!\d)|\)|\s*[-–/])")


def years_inside(period: Period | None, sentence: str, dated: bool = False) -> bool:
    """Whether every calendar year the sentence names is in the implementation year: "2021.
    gadā notika 7 semināri" in a year from July 2022 counts another year's seminars. With
    `dated`, the years of whole dates are left out: an entry's own dates, which the date
    check compares with its year (a finding, not a lost entry)."""
    if dated:
        for d in find_dates(sentence):
            if d.precision is DatePrecision.DAY:
                sentence = sentence[: d.begin] + " " * (d.stop - d.begin) + sentence[d.stop :]
    named = [int(m.group(0)) for m in _CALENDAR_YEAR.finditer(sentence)]
    if not named:
        return True
    if period is None or period.start is None or period.end is None:
        return False
    return all(period.start.year <= y <= period.end.year for y in named)
