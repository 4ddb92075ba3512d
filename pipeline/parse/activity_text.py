"""How an item's or a note's text is cut: into sentences (a year written as prose), and a
list written without bullets into its entries ("…; …; …").
"""

from __future__ import annotations

import re

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
        spans.append((start, m.start()))
        start = m.end()
    spans.append((start, len(text)))
    return [(a, b) for a, b in spans if text[a:b].strip(_WS)]


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
