"""A count's parts by place, listed after its colon: "organizēti 6 semināri: 3 Valmierā un 2
Cēsīs". Each part is a number and a town or municipality in the locative, which the
gazetteer knows (`pipeline.parse.named_places`); the parts are parted by "," and the last
joined by "un", and the list ends its clause: ";", "." or the item's end follows it, or a
comma and a clause that counts something else ("…, kopā 170 dalībnieki"). Such a list says
where the events of the count were held, each of them: its parts name the whole (see
`unequal_breakdowns` in `pipeline.parse.activity_parts`), and a list that does not add up to
the count is a contradiction the report states. A list that is left open ("3 Valmierā, 2
Cēsīs u.c."), that may go on after its "un" part ("3 Valmierā un 2 Cēsīs, 1 tiešsaistē",
"…, kā arī 1 tiešsaistē"), that says more than the places ("3 Valmierā, kuros …"), or whose
numbers count a kind of their own ("3 semināri Valmierā") is no such list: it is not read
here.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.model import Indicator, Qualifier
from pipeline.parse.latvian import number_in_words
from pipeline.parse.named import find_places
from pipeline.parse.text import SourcedText, SourceFile

_COUNT = r"(?<![\d.,])\d{1,5}(?![\d]|[.,]\d)"
_PLACE = r"[A-ZĀČĒĢĪĶĻŅŠŪŽ][^\W\d_]*(?:[ \u00a0]+(?:novadā|pilsētā|pagastā))?"
_PART = rf"{_COUNT}[ \u00a0]+{_PLACE}"
# The colon right after the count's phrase, the parts, and the end of the clause after them.
_LIST = re.compile(
    rf":[ \u00a0]*(?P<parts>{_PART}(?:[ \u00a0]*,[ \u00a0]*{_PART})*[ \u00a0]+un[ \u00a0]+{_PART})"
    r"(?=[ \u00a0]*(?:[,;.]|$))"
)
# After a comma, the rest of the clause; a clause that adds to the list opens with one of
# these words ("…, kā arī 1 tiešsaistē").
_CLAUSE = re.compile(r"[ \u00a0]*,(?P<rest>[^;]*?)(?:;|\.(?=\s|$)|$)")
_ADDS = re.compile(
    r"[ \u00a0]*(?:kā[ \u00a0]+arī|un|turklāt|bez[ \u00a0]+tam|vēl|t\.[ \u00a0]*sk\.|tai[ \u00a0]+skaitā)"
    r"(?![^\W\d_])",
    re.I,
)
_NUMBER = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+")
_ONE = re.compile(rf"(?P<n>{_COUNT})[ \u00a0]+(?P<place>{_PLACE})")
#: What the phrase of a count whose parts by place follow its colon ends with: the colon,
#: as written, which states that the parts are the count's whole.
LISTED_AFTER = ":"


def _names_place(place: SourcedText, source: SourceFile) -> bool:
    """Whether the words name a town or municipality the gazetteer knows: the first is its
    name ("Valmierā", "Ogres" of "Ogres novadā")."""
    return any(m.text == place.text.split()[0] for m in find_places(place, source))


def _closed(
    s: str, end: int, kind: str, found: list[Indicator], places: list[tuple[int, int]]
) -> bool:
    """Whether the list that ends at `end` ends its clause: nothing but white space before
    ";", "." or the item's end, or a comma and a clause with a count of another kind and no
    number that is no such count. Any other words after it may be more parts of the count."""
    clause = _CLAUSE.match(s, end)
    if clause is None:
        return re.match(r"[ \u00a0]*(?:[;.]|$)", s[end:]) is not None
    rest, at = clause.group("rest"), clause.start("rest")
    if _ADDS.match(rest):
        return False
    others = [
        (a, b)
        for (a, b), f in zip(places, found, strict=True)
        if at <= a and b <= at + len(rest) and f.kind != kind
    ]
    if not others:
        return False
    bare = list(rest)
    for a, b in others:
        bare[a - at : b - at] = " " * (b - a)
    left = "".join(bare)
    words = _WORD.findall(left)
    return not _NUMBER.search(left) and not any(number_in_words(w) is not None for w in words)


def place_parts(
    text: SourcedText,
    source: SourceFile,
    found: list[Indicator],
    places: list[tuple[int, int]],
) -> tuple[list[Indicator], list[tuple[int, int]]]:
    """`found` and `places` with the parts by place after a count's colon added after it,
    `part_of` it, whether or not they add up; the count's phrase then takes in its colon."""
    s = text.text
    added: dict[int, list[tuple[Indicator, tuple[int, int]]]] = {}
    for m in _LIST.finditer(s):
        before = [t for t, (_, end) in enumerate(places) if end <= m.start()]
        if not before or any(m.start() <= a < m.end() for a, _ in places):
            continue  # no count before it, or a number in it counts a kind of its own
        t = before[-1]
        total = found[t]
        if (
            places[t][1] != m.start()
            or total.qualifier is not Qualifier.EXACT
            or total.part_of is not None
        ):
            continue  # the colon ends another phrase, the count is a guess, or a part itself
        if not _closed(s, m.end(), total.kind, found, places):
            continue  # the list may go on after its last part
        parts: list[tuple[Indicator, tuple[int, int]]] = []
        for p in _ONE.finditer(s, m.start("parts"), m.end("parts")):
            town = text[p.start("place") : p.end("place")]
            value = int(p.group("n"))
            if not _names_place(town, source) or value > total.value:
                parts = []  # a word that is no town's name, or more than the whole
                break
            piece = text[p.start() : p.end()]
            part = Indicator(value, Qualifier.EXACT, total.kind, piece.text, source.span_of(piece))
            parts.append((part, (p.start(), p.end())))
        if parts:
            added[t] = parts
    if not added:
        return found, places
    result: list[Indicator] = []
    where: list[tuple[int, int]] = []
    for t, (indicator, (begin, end)) in enumerate(zip(found, places, strict=True)):
        if t in added:
            piece = text[begin : end + len(LISTED_AFTER)]
            indicator = replace(indicator, phrase=piece.text, span=source.span_of(piece))
            end += len(LISTED_AFTER)
        result.append(indicator)
        where.append((begin, end))
        position = len(result)
        for part, place in added.get(t, []):
            result.append(replace(part, part_of=position))
            where.append(place)
    return result, where
