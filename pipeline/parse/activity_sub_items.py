"""An activity's lettered sub-items and their counts: "… 8 nodarbības, kurās kopā piedalījās
96 dalībnieki: a) 4 nodarbības Liepājā (52 dalībnieki); b) 4 nodarbības Ventspilī (44
dalībnieki);". The sub-items stay in their activity's text (see `pipeline.parse.activities`);
their counts of a kind the lead-in counts are its parts, so that sums do not count them twice.
"""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.model import Indicator, Qualifier
from pipeline.parse.text import SourcedText

# A lead-in's colon and the first lettered sub-item after it ("…: a) ", "…: (a) ").
_SUB_LIST = re.compile(r":[ \u00a0]*(?=\(?a\)[ \u00a0])")
# Where the lead-in's clause starts: after the sentence or entry before it.
_CLAUSE_END = re.compile(r"[.;!?](?=[ \u00a0])")
# "papildus", "vēl", "kā arī", "turklāt", "bez tam": what follows is added to the total.
_ADDITION = re.compile(r"(?<!\w)(?:papildus|vēl|kā\s+arī|turklāt|bez\s+tam)(?!\w)", re.I)


def sub_item_parts(indicators: tuple[Indicator, ...], text: SourcedText) -> tuple[Indicator, ...]:
    """Mark, as parts of the lead-in's count of their kind, the counts in the lettered
    sub-items after it. The report lists them as that count's parts, so they may add up to
    less (the list names the main ones), never to more: then which is the whole cannot be
    told, and they are left as they are. A kind the lead-in counts twice, a total that is
    not exact, and a value after a word meaning "in addition" are left too."""
    places = _places(indicators, text)
    if places is None:
        return indicators
    s = text.text
    marked = list(indicators)
    colons = list(_SUB_LIST.finditer(s))
    for k, colon in enumerate(colons):
        start = max((m.end() for m in _CLAUSE_END.finditer(s, 0, colon.start())), default=0)
        stop = colons[k + 1].start() if k + 1 < len(colons) else len(s)
        addition = _ADDITION.search(s, colon.end(), stop)
        if addition is not None:
            stop = addition.start()
        totals = [i for i, (a, _) in enumerate(places) if start <= a < colon.start()]
        listed = [i for i, (a, _) in enumerate(places) if colon.end() <= a < stop]
        for t in totals:
            total = marked[t]
            same = [i for i in totals if marked[i].kind == total.kind]
            parts = [
                i
                for i in listed
                if marked[i].kind == total.kind
                and marked[i].part_of is None
                and marked[i].qualifier is Qualifier.EXACT
            ]
            if total.qualifier is not Qualifier.EXACT or total.part_of is not None:
                continue
            if len(same) > 1 or not parts:
                continue
            if sum(marked[i].value for i in parts) <= total.value:
                for i in parts:
                    marked[i] = replace(marked[i], part_of=t + 1)
    return tuple(marked)


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
