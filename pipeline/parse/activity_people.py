"""Counts `pipeline.parse.mentions` leaves to the activity's reader: a tilde that makes a
count approximate ("~120 ieraksti"), and people counted as "cilvēki" where the sentence
says they took part ("piedalījās ap 200 cilvēku").
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.model import Indicator, Qualifier
from pipeline.parse.indicators import in_site_clause
from pipeline.parse.text import SourcedText, SourceFile

# A tilde or "≈" right before a number: about so many ("~120 ieraksti").
_ABOUT_SIGN = re.compile(r"[~≈∼][ \u00a0]?$")


def approximate_signs(
    indicators: tuple[Indicator, ...], text: SourcedText, source: SourceFile
) -> tuple[Indicator, ...]:
    """Each exact count written after a tilde is about so many, and its phrase starts at
    the sign: an approximate count is never compared with another. A count whose place in
    `text` is not found is left as it is."""
    where = _positions(text)
    marked: list[Indicator] = []
    for indicator in indicators:
        at = where.get(indicator.span.start)
        sign = _ABOUT_SIGN.search(text.text, max(0, (at or 0) - 2), at or 0)
        if indicator.qualifier is not Qualifier.EXACT or at is None or sign is None:
            marked.append(indicator)
            continue
        piece = text[sign.start() : at + len(indicator.phrase)]
        marked.append(
            replace(
                indicator,
                qualifier=Qualifier.ABOUT,
                phrase=piece.text,
                span=source.span_of(piece),
            )
        )
    return tuple(marked)


# Who took part, said by the verb before the count of people: "piedalījās ap 200 cilvēku",
# "pasākumu apmeklēja 150 cilvēki", "forums pulcēja vairāk nekā 300 cilvēkus". "Cilvēki"
# alone count no one who took part: "sasniegti 5000 cilvēki" is a reach, "strādāja 3
# cilvēki" staff, so only this verb, right before the count, makes them participants. An
# upper bound ("līdz 80"), a range ("20–25") or a count per event ("katrā") is not read, nor
# "iesaistījās": the implementer's own team is involved too ("ap 12 cilvēki no komandas").
_TOOK_PART = re.compile(
    r"(?<![^\W\d_])(?:piedalījās|piedalās|piedalījušies|piedalījušās|apmeklēja|apmeklējuši"
    r"|pulcēja|pulcējās|pulcējuši|ieradās)"
    r"[ \u00a0]+(?P<qualifier>(?:aptuveni|ap|vairāk[ \u00a0]+(?:nekā|kā)|vismaz"
    r"|ne[ \u00a0]+mazāk[ \u00a0]+(?:nekā|kā))[ \u00a0]+|[~≈][ \u00a0]?)?"
    r"(?P<n>\d{1,3}(?:[ \u00a0]\d{3})+|\d{1,6})[ \u00a0]+"
    r"(?P<noun>cilvēk(?:i|u|us))(?![^\W\d_])",
    re.I,
)
_QUALIFIER_WORDS = (
    (re.compile(r"(?:aptuveni|ap|[~≈])", re.I), Qualifier.ABOUT),
    (re.compile(r"vairāk", re.I), Qualifier.MORE_THAN),
    (re.compile(r"(?:vismaz|ne)", re.I), Qualifier.AT_LEAST),
)
_PER_EVENT = re.compile(r"(?<![^\W\d_])(?:katr\w*|vidēji)(?![^\W\d_])", re.I)
_PER_TIME = re.compile(r"[ \u00a0]+(?:dienā|diennaktī|nedēļā|mēnesī)(?![^\W\d_])", re.I)
_CLAUSE_START = re.compile(r"[;:.,()\n\t\x0b\ue000](?=[^;:.,()\n\t\x0b\ue000]*$)")


def people_taking_part(
    indicators: tuple[Indicator, ...], text: SourcedText, source: SourceFile
) -> tuple[Indicator, ...]:
    """Add the people the sentence says took part ("piedalījās ap 200 cilvēku") as
    participants, in their place among the counts (the parts' positions move on with them).
    Not where the clause counts participants already, nor a website's visitors."""
    s = text.text
    found = list(indicators)
    where = _positions(text)
    for m in _TOOK_PART.finditer(s):
        clause = _CLAUSE_START.search(s, 0, m.start())
        begin = clause.end() if clause else 0
        if (
            _PER_EVENT.search(s, begin, m.start("n"))
            or _PER_TIME.match(s, m.end())
            or in_site_clause(s, m.start(), m.end())
        ):
            continue
        stop = re.search(r"[;.\n\t\x0b\ue000]", s[m.end() :])
        end = m.end() + stop.start() if stop else len(s)
        if any(
            i.kind == "participants" and begin <= where.get(i.span.start, -1) < end for i in found
        ):
            continue  # the clause's own count of participants says who took part
        start = m.start("qualifier") if m.group("qualifier") else m.start("n")
        piece = text[start : m.end()]
        qualifier = _qualifier(m.group("qualifier"))
        value = int(re.sub(r"\D", "", m.group("n")))
        new = Indicator(value, qualifier, "participants", piece.text, source.span_of(piece))
        k = sum(1 for i in found if where.get(i.span.start, -1) < start)
        found = [
            replace(i, part_of=i.part_of + 1) if i.part_of is not None and i.part_of > k else i
            for i in found
        ]
        found.insert(k, new)
    return tuple(found)


def _qualifier(words: str | None) -> Qualifier:
    if not words:
        return Qualifier.EXACT
    for pattern, qualifier in _QUALIFIER_WORDS:
        if pattern.match(words.strip()):
            return qualifier
    return Qualifier.EXACT


def _positions(text: SourcedText) -> dict[int, int]:
    """Where in `text` each source offset is."""
    where: dict[int, int] = {}
    for i, offset in enumerate(text.offsets):
        where.setdefault(offset, i)
    return where
