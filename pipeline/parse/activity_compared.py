"""Counts compared with another year: "… piedalījās 45 dalībnieki, par 10 vairāk nekā 2022.
gadā", "… 45 dalībnieki (salīdzinot ar iepriekšējo gadu – 30 dalībnieki)".

The comparison's own numbers are another year's count or the difference from it, never this
year's achievement; the count outside it is this year's. So the comparison is cut out, and
only as far as its words certainly reach, since whatever is cut is lost as this year's:
- "salīdzinot ar iepriekšējo gadu" names the other year only: it is cut with a parenthesis
  or a count right after it ("(48 konsultācijas)", "– 48"); the words after it are this
  year's ("salīdzinot ar iepriekšējo gadu sniegtas 55 konsultācijas");
- "par 10 vairāk nekā 2022. gadā" is cut to its clause's end (a comma, a semicolon, the
  sentence's end, or the parenthesis it stands in closing);
- a bare "iepriekšējā gadā" dates the clause it stands in to the other year ("Iepriekšējā
  gadā tika organizēti 5 semināri"), unless it only likens this year to it ("tāpat kā
  iepriekšējā gadā sniegtas 55 konsultācijas") or dates a word after it ("iepriekšējā gadā
  uzsākto darbu", "pagājušajā gadā izveidotajā centrā"). "aizvadītajā gadā" is no other
  year: reports use it for the year they report on;
- a comparison inside a parenthesis is cut to that parenthesis' end or its clause's;
- "…, kad tika sniegtas 48 konsultācijas," after a comparison describes the other year: it is
  cut to its closing comma, or, where no comma certainly closes it, to the end of the
  sentence or entry, so that neither count is read rather than both.

"vairāk nekā 670 dalībnieki" qualifies a count ("more than 670"), no comparison with a
year: a comparison is "vairāk/mazāk nekā" only before a year named ("nekā 2022. gadā",
"nekā iepriekšējā gadā").
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.model import Indicator
from pipeline.parse.text import SourcedText, SourceFile

_S = r"[ \u00a0]+"
# Another year, as a comparison names it: "iepriekšējā gadā", "pagājušo gadu", "2022. gadā",
# "pirmajā īstenošanas gadā", "2022./2023. gadā".
_OTHER_YEAR = (
    r"(?:(?:iepriekšēj|pagājuš|aizvadīt|pirmaj|otraj|trešaj|ceturtaj|piektaj)\w*"
    rf"{_S}(?:īstenošanas{_S}|līguma{_S})?gad\w*"
    r"|(?:19|20)\d\d\.?(?:[ \u00a0]*/[ \u00a0]*(?:19|20)\d\d\.?)?[ \u00a0]*(?:gad\w*|g\.))"
)
_COMPARED = re.compile(
    r"(?<!\w)(?:"
    # "salīdzinot ar iepriekšējo gadu", "salīdzinājumā ar 2022. gadu"
    rf"(?P<with>salīdzin\w*{_S}ar{_S}"
    + _OTHER_YEAR
    + ")"
    # "(par 10 [dalībniekiem]) vairāk nekā 2022. gadā"
    + rf"|(?P<than>(?:par{_S}\d+(?:{_S}[^\W\d_]+)?{_S})?(?:vairāk|mazāk){_S}(?:nekā|kā){_S}"
    + _OTHER_YEAR
    + ")"
    # "iepriekšējā gadā tika organizēti 5 semināri", "(iepriekšējā gadā – 30 dalībnieki)"
    + rf"|(?P<bare>(?:iepriekšēj|pagājuš)\w*{_S}(?:īstenošanas{_S})?gad\w*)"
    r")(?!\w)",
    re.I,
)
# A count right after a comparison's year, or a dash before it: "– 30 dalībnieki", "30".
_COUNT_NEXT = re.compile(r"[ \u00a0]*(?:[–—:-][ \u00a0]*)?\d")
# "tāpat kā", "līdzīgi kā", "kā jau" (, "arī") before another year likens this year to it.
_LIKENED = re.compile(
    rf"(?:(?:tāpat|līdzīgi|tieši|gluži){_S}kā|(?:^|[,;(])[ \u00a0]*kā|kā{_S}jau)"
    rf"(?:{_S}arī)?{_S}$",
    re.I,
)
# A participle the year dates, not the clause: "uzsākto darbu", "izveidotajā centrā",
# "aizsākušos"; a predicate ("sniegtas", "organizēti") dates the clause.
_DATED_WORD = re.compile(
    rf"{_S}(?!(?:martā|augustā)(?!\w))"
    r"(?:\w{2,}t(?:o|os|ā|ās|ām|ais|ie|iem|aj[āaiou]\w*)|\w{2,}uš\w*)(?!\w)",
    re.I,
)
# "…, kad tika sniegtas 48 konsultācijas, …": the other year described.
_WHEN = re.compile(r"[ \u00a0]*,?[ \u00a0]*kad(?!\w)", re.I)
# A comma that goes on with the clause before it ("…, kuros piedalījās …", "…, t.sk. …").
_GOES_ON = re.compile(
    r",[ \u00a0]*(?:kur\w*|kas|ko|kam|kā|jeb|t\.[ \u00a0]*sk\.?|tai[ \u00a0]+skaitā|no[ \u00a0]+t|"
    r"un|bet|ieskaitot|\d)",
    re.I,
)
# Where a sentence ends: a full stop, "!" or "?" before a capital or the text's end ("2022.
# gadā" goes on).
_SENTENCE_END = re.compile(r"[.!?](?=\s+[A-ZĀČĒĢĪĶĻŅŠŪŽ\d]|\s*$)")


def compared_ranges(text: str) -> list[tuple[int, int]]:
    """The comparisons with another year in `text`, each as far as it certainly reaches, as
    (start, stop) ranges."""
    out: list[tuple[int, int]] = []
    for m in _COMPARED.finditer(text):
        if out and m.start() < out[-1][1]:
            continue
        stop = _reach(text, m)
        if stop is None:
            continue
        when = _WHEN.match(text, stop)
        if when is not None:
            stop = _when_end(text, when.end())
        out.append((m.start(), stop))
    return out


def likened_ranges(text: str) -> list[tuple[int, int]]:
    """The mentions of another year in `text` that leave its counts this year's ("tāpat kā
    iepriekšējā gadā", "iepriekšējā gadā uzsākto"), so that they do not mark the sentence as
    about another year."""
    return [
        (m.start(), m.end())
        for m in _COMPARED.finditer(text)
        if m.group("bare") and _reach(text, m) is None
    ]


def _reach(text: str, m: re.Match[str]) -> int | None:
    if text.count("(", 0, m.start()) > text.count(")", 0, m.start()):
        return _clause_end(text, m.end())  # the parenthesis is the comparison's
    if m.group("than"):
        return _clause_end(text, m.end())
    counted = _COUNT_NEXT.match(text, m.end()) is not None
    if m.group("with"):
        if counted:
            return _clause_end(text, m.end())
        paren = re.compile(r"[ \u00a0]*\(").match(text, m.end())
        return _paren_end(text, paren.end()) if paren else m.end()
    if counted:
        return _clause_end(text, m.end())
    if _LIKENED.search(text, 0, m.start()):
        return None
    dated = _DATED_WORD.match(text, m.end())
    if dated is not None and _COUNT_NEXT.match(text, dated.end()) is None:
        return None
    return _clause_end(text, m.end())


def _paren_end(text: str, at: int) -> int:
    depth = 0
    for i in range(at, len(text)):
        if text[i] == "(":
            depth += 1
        elif text[i] == ")":
            if depth == 0:
                return i + 1
            depth -= 1
    return len(text)


def _when_end(text: str, at: int) -> int:
    stop = _clause_end(text, at)
    if stop < len(text) and text[stop] == "," and not _GOES_ON.match(text, stop):
        return stop
    # no comma certainly closes the description: nothing after it is certainly this year's
    while stop < len(text) and text[stop] == ",":
        stop = _clause_end(text, stop + 1)
    return stop


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
