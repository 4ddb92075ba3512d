"""Counts compared with another year: "… piedalījās 45 dalībnieki, par 10 vairāk nekā 2022.
gadā", "… 45 dalībnieki (salīdzinot ar iepriekšējo gadu – 30 dalībnieki)".

The comparison's own numbers are another year's count or the difference from it, never this
year's achievement; the count before it is this year's. So the comparison is cut out as a
clause: from its first word ("salīdzinot ar", "par 10 vairāk nekā <another year>",
"iepriekšējā gadā") to the end of its clause (a comma, a semicolon or a sentence's end
outside its parentheses, or the parenthesis it stands in closing). Nothing in it is read as
this year's count; what stands outside it is read as before.

"vairāk nekā 670 dalībnieki" qualifies a count ("more than 670"), no comparison with a
year: a comparison is "vairāk/mazāk nekā" only before a year named ("nekā 2022. gadā",
"nekā iepriekšējā gadā").
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.model import Indicator
from pipeline.parse.text import SourcedText, SourceFile

# Another year, as a comparison names it: "iepriekšējā gadā", "pagājušo gadu", "2022. gadā",
# "pirmajā īstenošanas gadā", "2022./2023. gadā".
_OTHER_YEAR = (
    r"(?:(?:iepriekšēj|pagājuš|aizvadīt|pirmaj|otraj|trešaj|ceturtaj|piektaj)\w*"
    r"[ \u00a0]+(?:īstenošanas[ \u00a0]+|līguma[ \u00a0]+)?gad\w*"
    r"|(?:19|20)\d\d\.?(?:[ \u00a0]*/[ \u00a0]*(?:19|20)\d\d\.?)?[ \u00a0]*(?:gad\w*|g\.))"
)
_COMPARED = re.compile(
    r"(?<!\w)(?:"
    # "salīdzinot ar iepriekšējo gadu", "salīdzinājumā ar 2022. gadu"
    r"salīdzin\w*[ \u00a0]+ar[ \u00a0]+"
    + _OTHER_YEAR
    # "(par 10 [dalībniekiem]) vairāk nekā 2022. gadā"
    + r"|(?:par[ \u00a0]+\d+(?:[ \u00a0]+[^\W\d_]+)?[ \u00a0]+)?(?:vairāk|mazāk)[ \u00a0]+"
    r"(?:nekā|kā)[ \u00a0]+"
    + _OTHER_YEAR
    # "(iepriekšējā gadā – 30 dalībnieki)": another year's count, in its own clause
    + r"|(?:iepriekšēj|pagājuš|aizvadīt)\w*[ \u00a0]+(?:īstenošanas[ \u00a0]+)?gad\w*"
    r")(?!\w)",
    re.I,
)
# Where a sentence ends: a full stop, "!" or "?" before a capital or the text's end ("2022.
# gadā" goes on).
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZĀČĒĢĪĶĻŅŠŪŽ\d]|\s*$)")


def compared_ranges(text: str) -> list[tuple[int, int]]:
    """The comparisons with another year in `text`, each from its first word to its clause's
    end, as (start, stop) ranges."""
    out: list[tuple[int, int]] = []
    for m in _COMPARED.finditer(text):
        if out and m.start() < out[-1][1]:
            continue
        out.append((m.start(), _clause_end(text, m.end())))
    return out


def _clause_end(text: str, at: int) -> int:
    depth = 0
    for i in range(at, len(text)):
        c = text[i]
        if c == "(":
            depth += 1
        elif c == ")":
            if depth == 0:
                return i  # the parenthesis the comparison stands in closes
            depth -= 1
        elif depth == 0 and (c in ",;" or _SENTENCE_END.match(text, i)):
            return i
    return len(text)


def masked(text: str, ranges: list[tuple[int, int]]) -> str:
    """`text` with each range blanked out (its length kept)."""
    for start, stop in ranges:
        text = text[:start] + " " * (stop - start) + text[stop:]
    return text


def this_years(
    indicators: tuple[Indicator, ...], text: SourcedText, source: SourceFile
) -> tuple[Indicator, ...]:
    """The `indicators` read from `text` that stand outside its comparisons with another
    year."""
    ranges = compared_ranges(text.text)
    if not ranges:
        return indicators
    spans = [source.span_of(text[start:stop]) for start, stop in ranges if stop > start]
    inside = [any(s.start <= i.span.start < s.end for s in spans) for i in indicators]
    # a part of a total in the comparison is another year's part too
    inside = [
        out or (i.part_of is not None and inside[i.part_of - 1])
        for out, i in zip(inside, indicators, strict=True)
    ]
    # a part's total is given by its 1-based place, which changes as counts before it go
    kept = [k for k, out in enumerate(inside) if not out]
    place = {k + 1: n + 1 for n, k in enumerate(kept)}
    return tuple(
        replace(indicators[k], part_of=place.get(indicators[k].part_of or 0)) for k in kept
    )
