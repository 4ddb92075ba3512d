"""An activity's sub-items and their counts: "… 8 nodarbības, kurās kopā piedalījās
96 dalībnieki: a) 4 nodarbības Liepājā (52 dalībnieki); b) 4 nodarbības Ventspilī (44
dalībnieki);". The sub-items stay in their activity's text (see `pipeline.parse.activities`);
their counts of a kind the lead-in counts are its parts, so that sums do not count them twice.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.model import Indicator, Qualifier
from pipeline.parse.text import SourcedText

# A lead-in's colon and the first lettered sub-item after it ("…: a) ", "…: (a) "), or the
# first entry of a multilevel list's level under it ("…: 1.1. ").
_SUB_LIST = re.compile(r":[ \u00a0]*(?=\(?a\)[ \u00a0]|\d{1,2}\.1\.?[ \u00a0])")
# A nested list's first hollow bullet, with or without a colon before it ("… (143
# dalībnieki) ◦ Liepājā 80 dalībnieki ◦ …"): the item's text is its lead-in.
_NESTED = re.compile(r":?[ \u00a0]*(?=[◦‣○][ \u00a0])")
# Who took part: a lead-in counts them beside the one thing they took part in.
_PEOPLE = ("participants", "volunteers")
# Where the lead-in's clause starts: after the sentence or entry before it.
_CLAUSE_END = re.compile(r"[.;!?](?=[ \u00a0])")
# "papildus", "vēl", "kā arī", "turklāt", "bez tam": what follows is added to the total.
_ADDITION = re.compile(r"(?<!\w)(?:papildus|vēl|kā\s+arī|turklāt|bez\s+tam)(?!\w)", re.I)


def sub_item_parts(indicators: tuple[Indicator, ...], text: SourcedText) -> tuple[Indicator, ...]:
    """Mark, as parts of the lead-in's count of their kind, the counts in the sub-items
    after it (lettered, a multilevel list's level, a nested list's hollow bullets). The
    report lists them as that count's parts, so they may add up to less (the list names the
    main ones), never to more: then which is the whole cannot be told, and they are left as
    they are. A lead-in that counts a kind twice or two things (see `_one_of_each`), a total
    that is not exact, and a value after a word meaning "in addition" are left too."""
    places = _places(indicators, text)
    if places is None:
        return indicators
    s = text.text
    marked = list(indicators)
    colons = [(m.start(), m.end()) for m in _SUB_LIST.finditer(s)]
    nested = _NESTED.search(s)
    if nested is not None and not any(a <= nested.start() < b for a, b in colons):
        colons = sorted([*colons, (nested.start(), nested.end())])
    for k, (lead_end, list_start) in enumerate(colons):
        start = max((m.end() for m in _CLAUSE_END.finditer(s, 0, lead_end)), default=0)
        stop = colons[k + 1][0] if k + 1 < len(colons) else len(s)
        addition = _ADDITION.search(s, list_start, stop)
        if addition is not None:
            stop = addition.start()
        totals = [i for i, (a, _) in enumerate(places) if start <= a < lead_end]
        listed = [i for i, (a, _) in enumerate(places) if list_start <= a < stop]
        if not _one_of_each(marked, totals):
            continue
        for t in totals:
            total = marked[t]
            parts = [
                i
                for i in listed
                if marked[i].kind == total.kind
                and marked[i].part_of is None
                and marked[i].qualifier is Qualifier.EXACT
            ]
            if total.qualifier is not Qualifier.EXACT or total.part_of is not None:
                continue
            if not parts:
                continue
            if sum(marked[i].value for i in parts) <= total.value:
                for i in parts:
                    marked[i] = replace(marked[i], part_of=t + 1)
    return tuple(marked)


def _one_of_each(indicators: list[Indicator], totals: list[int]) -> bool:
    """Whether a lead-in counts each kind once, and one thing besides who took part in it:
    in "4 semināri (60 dalībnieki) un 2 forumi: a) forums … (30 dalībnieki)" the
    participants are the seminars', and the sub-items list the forums; which count the
    sub-items are parts of cannot be told, so none is marked."""
    kinds = [indicators[t].kind for t in totals]
    things = [kind for kind in kinds if kind not in _PEOPLE]
    return len(set(kinds)) == len(kinds) and len(things) <= 1


def _places(indicators: tuple[Indicator, ...], text: SourcedText) -> list[tuple[int, int]] | None:
    """Where each value's phrase is in `text`, found by its source offset (None when one is
    not found: nothing is marked then)."""
    where: dict[int, int] = {}
    for i, offset in enumerate(text.offsets):
        where.setdefault(offset, i)
    places: list[tuple[int, int]] = []
    for indicator in indicators:
        at = where.get(indicator.span.start)
        if at is None or not text.text.startswith(indicator.phrase, at):
            return None
        places.append((at, at + len(indicator.phrase)))
    return places
