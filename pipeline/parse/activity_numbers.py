"""The numbers written in digits in an activity's text, as counts may be: grouped in
thousands by a space only where that is certain ("2 300", never "1 20" or a number wrapped
onto the next line), and never a date, a time, a URL, an address or a factor ("6 vietas x 4").
What each number counts is `pipeline.parse.mentions`'s to tell.
"""

from __future__ import annotations

import itertools
import re

from pipeline.parse.latvian import find_dates
from pipeline.parse.text import SourcedText, SourceFile

# Not a decimal or a time ("6,5", "10:00"), nor an ordinal or a date ("2. īstenošanas gads",
# "2022. gada"); a comma or a full stop that ends a phrase may follow ("dalībnieki – 140.").
_NUMBER = re.compile(
    r"(?<![\w.,:/=&#%+-])(\d{1,6})"
    r"(?![\d:%]|[.,]\d|\.(?!\s*$|\s+[^\sa-zāčēģīķļņšūž]))"
)
_URL = re.compile(r"(?:https?://|www\.)\S+|\S+\.(?:lv|com|eu|org)\S*", re.I)


def in_ranges(position: int, ranges: list[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in ranges)


_GAP = re.compile(r"[ \t\n\x0b\u00a0\u202f\u2009\ue000]+")
_THOUSANDS_GAPS = {" ", "\u00a0", "\u202f", "\u2009"}
# A cell or list boundary between two numbers: they are two numbers, not one.
_BREAK_GAP = re.compile(r"[\t\x0b\ue000|]")


def digit_numbers(
    text: SourcedText, source: SourceFile, masked: list[tuple[int, int]]
) -> list[tuple[int, int, int]]:
    """The numbers in `text` as (start, stop, value), with thousands grouped by a space
    ("2 300"). Digit groups next to each other are one number only when the groups are those
    of thousands and one space-like character parts each in the source; when that cannot be
    told ("1 20", "2021 300", a number wrapped onto the next line), none of them is read."""
    s = text.text
    runs = [m for m in _NUMBER.finditer(s) if not in_ranges(m.start(), masked)]
    chains: list[list[re.Match[str]]] = []
    for m in runs:
        last = chains[-1][-1] if chains else None
        if last is not None and _GAP.fullmatch(s, last.end(), m.start()):
            chains[-1].append(m)
        else:
            chains.append([m])
    numbers: list[tuple[int, int, int]] = []
    for chain in chains:
        segment = [chain[0]]
        clear = True
        for left, right in itertools.pairwise(chain):
            gap = _source_between(text, source, left.end() - 1, right.start())
            if gap is not None and _BREAK_GAP.search(gap):
                numbers += _segment_number(
                    segment, clear, _led_by(text, source, segment[0].start())
                )
                segment, clear = [right], True
                continue
            head = len(segment) == 1
            grouped = (len(left.group(1)) <= 3 if head else len(left.group(1)) == 3) and len(
                right.group(1)
            ) == 3
            clear = clear and grouped and gap in _THOUSANDS_GAPS
            segment.append(right)
        numbers += _segment_number(segment, clear, _led_by(text, source, segment[0].start()))
    return [(a, _past_mark(s, b), value) for a, b, value in numbers]


# A footnote's mark after a count ("146¹ dalībnieki", "146 ¹", "146*", "146¹⁾") is no digit of
# it: the count ends after the mark, so that the words after it are what it counts. The mark
# stays in the text as written.
_FOOTNOTE_MARK = re.compile(r"(?:[ \u00a0]?[¹²³⁴⁵⁶⁷⁸⁹⁰]+⁾?|\*{1,3})(?=[\s,.;:)]|$)")


def _past_mark(s: str, stop: int) -> int:
    mark = _FOOTNOTE_MARK.match(s, stop)
    return mark.end() if mark else stop


# A number right after one of these is what it numbers ("pasākumā Nr. 2 120 dalībnieki": event
# 2, and 120 taking part), not the first group of a larger number. "no" alone is "from".
_NUMBERING_WORD = re.compile(r"(?i:nr\.?|no\.|§|punkt\w*|p\.)")
_TOKEN_BEFORE = re.compile(r"(\S+)(\s*)$")


def _led_by(text: SourcedText, source: SourceFile, start: int) -> str | None:
    """What the word before a number at `start` makes of it: "numbering" after "Nr." or the
    like, "number" after a token with a digit (a date, "2.", "2)"), None otherwise."""
    tm = _TOKEN_BEFORE.search(text.text, max(0, start - 60), start)
    if tm is None:
        return None
    gap = _source_between(text, source, tm.end(1) - 1, start) if tm.group(2) else ""
    if _BREAK_GAP.search(gap if gap is not None else tm.group(2)):
        return None  # the word is in another cell or list entry
    token = tm.group(1).lstrip("([„“\"'")
    if _NUMBERING_WORD.fullmatch(token) or token.endswith("§"):
        return "numbering"
    return "number" if any(c.isdigit() for c in token) else None


def _segment_number(
    segment: list[re.Match[str]], clear: bool, led_by: str | None
) -> list[tuple[int, int, int]]:
    if len(segment) > 1 and led_by == "numbering":
        # The first group is what the word numbers; a single group after it is a number of
        # its own, more groups start right after a digit group and so cannot be told apart.
        rest = segment[1:]
        return [(rest[0].start(), rest[0].end(), int(rest[0].group(1)))] if len(rest) == 1 else []
    if len(segment) > 1 and led_by == "number":
        return []  # "2) 1 200", "12.10.2022. 1 200": where the number starts is not clear
    if not clear:
        return []
    value = int("".join(m.group(1) for m in segment))
    return [(segment[0].start(), segment[-1].end(), value)]


def _source_between(text: SourcedText, source: SourceFile, last: int, first: int) -> str | None:
    """The source's characters between the character at `last` and the one at `first`."""
    if not (0 <= last < first <= len(text.offsets) - 1):
        return None
    a, b = text.offsets[last] + 1, text.offsets[first]
    return source.text[a:b] if a <= b else None


# A house number after its street ("Jūrmalas gatvē 76", "Brīvības ielā 85a") is an address,
# not a count. ("Nr. 5" is left to the numbering rule: "Nr. 5 – 3" may be one number.)
_ADDRESS = re.compile(
    r"(?<!\w)(?:iel(?:a|ā|as)|gatv(?:e|ē|es)|prospekt(?:s|ā|a)|bulvār(?:is|ī|a)"
    r"|laukum(?:s|ā|a)|šosej(?:a|ā|as)|alej(?:a|ā|as)|krastmal(?:a|ā|as))"
    r"\s*(?P<number>\d+(?:[ ]?[a-zA-Z](?!\w))?(?:[/-]\d+)?)",
    re.I,
)


def masked_ranges(s: str) -> list[tuple[int, int]]:
    """Dates, times, URLs, addresses and multipliers ("6 vietas x 4") are not counts."""
    ranges = [(d.begin, d.stop) for d in find_dates(s)]
    ranges += [(m.start("number"), m.end("number")) for m in _ADDRESS.finditer(s)]
    ranges += [(m.start(), m.end()) for m in _URL.finditer(s)]
    ranges += [(m.start(), m.end()) for m in re.finditer(r"\d+\s*x\s*\d+", s)]
    ranges += [(m.start(), m.end()) for m in re.finditer(r"\d+:\d+", s)]
    return ranges
