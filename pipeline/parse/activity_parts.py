"""Breakdowns among an activity's quantities: which values are the parts of another one
("199 konsultācijas (… 41 …; 80 …; 78 …)"), so that sums do not count a value twice."""

from __future__ import annotations

import re
from dataclasses import replace

from pipeline.model import Indicator, Qualifier


def mark_parts(
    indicators: tuple[Indicator, ...], places: list[tuple[int, int]], text: str
) -> tuple[Indicator, ...]:
    """Mark breakdowns, so that sums do not count a value twice. Exact values of one kind
    are the parts of another value of that kind when they add up to it exactly and the text
    says so: in a parenthesis right after it ("199 konsultācijas (… 41 …; 80 …; 78 …)"), or
    before a total introduced by "kopā" / "kopumā" ("… 63 dalībnieki … Kopumā … 151"), or
    in a list right after the total and its colon ("8 semināri: – 2 …; – 3 …; – 3 …"). A list
    that adds up to less may name some of the total or add to it ("10 semināri: 4 …, bet
    papildus vēl 3 …"), so it is left unmarked; values after a word meaning "in addition"
    are never parts of the total before it."""
    marked = list(indicators)
    for t, total in enumerate(indicators):
        if total.qualifier is not Qualifier.EXACT or marked[t].part_of is not None:
            continue
        after = _before_addition(_run(indicators, t, +1), places[t][1], places, text)
        before = _run(indicators, t, -1)
        listed = _in_sentence(after, places, text)
        if len(after) >= 2 and _inside_parenthesis(text, places[t][1], places[after[-1]][0]):
            run = after
        elif len(listed) >= 2 and _LIST_AFTER_COLON.fullmatch(
            text, places[t][1], places[listed[0]][0]
        ):
            run = listed
        elif len(before) >= 2 and _TOTAL_WORD.search(
            text[max(0, places[t][0] - 60) : places[t][0]]
        ):
            run = before
        else:
            continue
        parts = sum(indicators[i].value for i in run)
        if parts == total.value:
            for i in run:
                marked[i] = replace(marked[i], part_of=t + 1)
    return tuple(marked)


_TOTAL_WORD = re.compile(r"\b(?:kopā|kopumā)\b", re.I)
# From the end of a total to its first part: the rest of its phrase, a colon and perhaps the
# first sub-item's bullet; any other sentence punctuation means the list is something else.
_LIST_AFTER_COLON = re.compile(r"[^.;:()]{0,80}:\s*(?:[-–•*]\s+|[a-z]\)\s+)?")


# "papildus", "vēl", "kā arī", "turklāt", "bez tam": what follows is added to the total.
_ADDITION = re.compile(r"(?<!\w)(?:papildus|vēl|kā\s+arī|turklāt|bez\s+tam)(?!\w)", re.I)


def _before_addition(
    run: list[int], start: int, places: list[tuple[int, int]], text: str
) -> list[int]:
    """The start of `run` up to the first value after a word meaning "in addition". Only
    words inside the breakdown count: one between the total and the breakdown's opening
    parenthesis or colon belongs to the total's sentence ("199 konsultācijas …, kā arī
    gada pārskatu iesniegšanu (… 41 …; 80 …; 78 …)")."""
    if run:
        first = places[run[0]][0]
        start = max(start, text.rfind("(", start, first) + 1, text.rfind(":", start, first) + 1)
    kept: list[int] = []
    for i in run:
        if _ADDITION.search(text, start, places[i][0]):
            break
        kept.append(i)
    return kept


_SENTENCE_END = re.compile(r"[.!?]\s+[A-ZĀČĒĢĪĶĻŅŠŪŽ]")


def _in_sentence(run: list[int], places: list[tuple[int, int]], text: str) -> list[int]:
    """The start of `run` up to the first value in a later sentence: a list after a colon
    ends with its sentence."""
    kept = run[:1]
    for i in run[1:]:
        if _SENTENCE_END.search(text, places[kept[-1]][1], places[i][0]):
            break
        kept.append(i)
    return kept


def _inside_parenthesis(text: str, start: int, stop: int) -> bool:
    between = text[start:stop]
    return between.count("(") > between.count(")")


def _run(indicators: tuple[Indicator, ...], t: int, step: int) -> list[int]:
    """The unbroken run of exact same-kind values next to position `t`, in one direction."""
    run: list[int] = []
    i = t + step
    while 0 <= i < len(indicators):
        ind = indicators[i]
        if ind.kind != indicators[t].kind or ind.qualifier is not Qualifier.EXACT:
            break
        run.append(i)
        i += step
    return run
