"""Breakdowns among an activity's quantities: which values are the parts of another one
("199 konsultācijas (… 41 …; 80 …; 78 …)", "45 dalībnieki (30 sievietes, 15 vīrieši)"), so
that sums do not count a value twice, and which stated breakdowns do not add up."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import replace

from pipeline.model import Indicator, Qualifier
from pipeline.parse.activity_place_parts import LISTED_AFTER
from pipeline.parse.text import SourcedText, SourceFile


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


def included_parts(
    indicators: tuple[Indicator, ...], places: list[tuple[int, int]], text: str
) -> tuple[Indicator, ...]:
    """Mark the values that "t. sk." (of which) makes parts of the count of their kind just
    before it, in its clause: "1 504 zvani, t.sk. 312 zvani ārpus darba laika", "45
    dalībnieki, tai skaitā 20 jaunieši un 5 seniori". They name only some of it, so they
    may add up to less, never to more (then which is the total cannot be told). A split
    into women and men, or into ways of holding, that adds up to less is left unmarked: it
    reads as the whole, and would be reported as a breakdown that does not add up."""
    marked = list(indicators)
    t = 0
    while t < len(indicators):
        parts = _included_after(indicators, places, text, t)
        total = indicators[t]
        value = sum(indicators[i].value for i in parts)
        if parts and value <= total.value:
            whole = _whole(tuple(indicators[i] for i in parts))
            if value == total.value or not whole or total.qualifier is not Qualifier.EXACT:
                for i in parts:
                    # "45 dalībnieki, t.sk. 30 bērni": children who took part, participants
                    marked[i] = replace(marked[i], part_of=t + 1, kind=total.kind)
        t = parts[-1] + 1 if parts else t + 1
    return tuple(marked)


# "t. sk.", "tai skaitā", "tostarp", "no tiem", "no kuriem" (of which), "ieskaitot" ending
# right where a value's phrase begins
_INCLUDING = re.compile(
    r"(?<![^\W\d_])(?:t\.\s?sk\.?|tai\s+skaitā|tajā\s+skaitā|tostarp|ieskaitot"
    r"|no\s+(?:tiem|tām|kuriem|kurām))[\s:,]*$",
    re.I,
)
# Between a total and "t. sk.": a few words of its clause, at most a comma or a bracket
_TO_INCLUDING = re.compile(r"[^;.\n\t\x0b\ue000]{0,80}")
# Between one part and the next: the rest of its phrase ("klātienē"), then "," or "un"
_AND = re.compile(r"[^\d;.()\n\t\x0b\ue000]{0,40}?(?:,|\sun)\s*", re.I)


def _included_after(
    indicators: tuple[Indicator, ...], places: list[tuple[int, int]], text: str, t: int
) -> list[int]:
    """The values "t. sk." makes parts of the value at `t`: the first of its kind after
    it, when "t. sk." comes right before that, and those joined to it by "," or "un"."""
    total = indicators[t]
    if total.part_of is not None:
        return []
    # the first of its kind after it, or else (of people) the first that names people by
    # who they are ("45 dalībnieki (t.sk. 30 bērni)": children, counted as persons)
    for same in (True, False):
        first = next(
            (
                i
                for i in range(t + 1, len(indicators))
                if indicators[i].kind == total.kind or (not same and _among(total, indicators[i]))
            ),
            None,
        )
        if first is None or indicators[first].part_of is not None:
            continue
        including = _INCLUDING.search(text, places[t][1], places[first][0])
        if including is not None and _TO_INCLUDING.fullmatch(text, places[t][1], including.start()):
            break
    else:
        return []
    assert first is not None  # the loop ends early only on a `first`
    parts = [first]
    for i in range(first + 1, len(indicators)):
        gap = (places[parts[-1]][1], places[i][0])
        joined = _AND.fullmatch(text, *gap) and not _ADDITION.search(text, *gap)
        of_it = indicators[i].kind == total.kind or _among(total, indicators[i])
        if not of_it or indicators[i].part_of is not None or not joined:
            break
        parts.append(i)
    return parts


def _among(total: Indicator, indicator: Indicator) -> bool:
    """Whether `indicator` names people by who they are, who may be among the people
    `total` counts (children among participants)."""
    return total.kind in _PEOPLE_KINDS and _names_people(indicator)


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
        if ind.part_of is not None:
            break  # a part of a breakdown in brackets (see `bracketed_parts`), already marked
        run.append(i)
        i += step
    return run


# A breakdown in brackets right after a count, of parts that name no kind of their own: "45
# dalībnieki (30 sievietes, 15 vīrieši)", "22 konsultācijas (15 klātienē, 7 tiešsaistē)",
# "199 konsultācijas (tiešsaistē 80, klātienē 78, e-pastā 41)". Each part is a number and
# one to three words, either way round; parts are parted by "," ";" or "un". Anything else
# inside ("t. sk.", "ap 20", "no tiem") is no such breakdown and is not read.
_WORD = r"(?<![^\W\d_])(?!un(?![^\W\d_]))[^\W\d_](?:[^\W\d_]|-)*"
_WORDS = rf"{_WORD}(?:[ \u00a0]+{_WORD}){{0,2}}"
_COUNT = r"(?<![\d.,])\d{1,5}(?![\d]|[.,]\d)"
_ITEM = rf"(?:{_COUNT}[ \u00a0]+{_WORDS}|{_WORDS}[ \u00a0]*(?:[:–-][ \u00a0]*)?{_COUNT})"
_SEPARATOR = r"[ \u00a0]*[,;][ \u00a0]*|[ \u00a0]+un[ \u00a0]+"
_BRACKETS = re.compile(rf"\([ \u00a0]*({_ITEM}(?:(?:{_SEPARATOR}){_ITEM})+)[ \u00a0]*\)")
_PART = re.compile(
    rf"(?P<a>{_COUNT})[ \u00a0]+(?P<w>{_WORDS})|(?P<v>{_WORDS})[ \u00a0]*(?:[:–-][ \u00a0]*)?(?P<b>{_COUNT})"
)
# Between the count's phrase and the bracket: a few words, no punctuation and no number
# ("22 konsultācijas NVO pārstāvjiem (15 klātienē, …)").
_GAP = re.compile(r"(?:[ \u00a0]+[^\W\d_](?:[^\W\d_]|-)*){0,3}[ \u00a0]*")
# What a part's words may say of the thing counted: where or how ("Rīgā", "klātienē",
# "e-pastā", "telefoniski", "attālināti"), or, of people, who ("sievietes", "jaunieši").
# Another noun may count something else ("40 dalībnieki (8 komandas, 2 tiesneši)").
_LOCATIVE = re.compile(r"[^\W\d_](?:[^\W\d_]|-)+(?:ā|ē|ī|ū|ās|ēs|īs|os)", re.I)
_MANNER = re.compile(r"[^\W\d_]+(?:ski|ināti|viduāli)|online", re.I)
_WHEN = re.compile(
    r"(?:dien|nedēļ|mēne|gad|stund|minūt|reiz|laik|period|vakar|rīt)[^\W\d_]{0,4}", re.I
)
_PEOPLE = re.compile(
    r"(?:sieviet|vīriet|vīrieš|meiten|zēn|bērn|pieaugu|senior|skolēn|student|pensionār"
    r"|brīvprātīg|jaunieš|dalībniec|vecāk)\w*",
    re.I,
)
_PEOPLE_KINDS = {"participants", "persons"}


def bracketed_parts(
    text: SourcedText,
    source: SourceFile,
    found: list[Indicator],
    places: list[tuple[int, int]],
    masked: list[tuple[int, int]],
) -> tuple[list[Indicator], list[tuple[int, int]]]:
    """`found` and `places` with the parts of each breakdown in brackets after a count (see
    `_BRACKETS`) added after it, as counts of its kind, `part_of` it whether or not they add
    up: the report states them as its parts (`unequal_breakdowns` tells when they do not).
    A bracket none of whose numbers was read otherwise, and whose every part says where,
    how or (of people) who, is read; any other is left as it was."""
    s = text.text
    added: list[tuple[int, Indicator, tuple[int, int]]] = []
    dropped: set[int] = set()  # people counted in a bracket that turns out a breakdown
    for m in _BRACKETS.finditer(s):
        inside = [i for i, (a, _) in enumerate(places) if m.start() <= a < m.end()]
        if any(m.start() <= a < m.end() for a, _ in masked) or not all(
            _names_people(found[i]) for i in inside
        ):
            continue  # a number in it counts a kind of its own, or is a date
        totals = [
            t
            for t, (_, end) in enumerate(places)
            if end <= m.start() and _GAP.fullmatch(s, end, m.start())
        ]
        if not totals:
            continue
        t = totals[-1]
        if inside and found[t].kind not in _PEOPLE_KINDS:
            continue  # "3 semināri (20 jaunieši, 15 bērni)": people, no parts of seminars
        if t > 0 and _GAP.fullmatch(s, places[t - 1][1], places[t][0]):
            # "4 semināri 60 dalībniekiem (2 klātienē un 2 tiešsaistē)": which of the two
            # counts the bracket breaks down cannot be told (here the seminars)
            continue
        total = found[t]
        parts: list[tuple[Indicator, tuple[int, int]]] = []
        for p in _PART.finditer(s, m.start(1), m.end(1)):
            words = (p.group("w") or p.group("v")).split()
            if not _describes(words, total.kind):
                parts = []
                break
            piece = text[p.start() : p.end()]
            value = int(p.group("a") or p.group("b"))
            if value > total.value:
                parts = []  # "3 apmācības (Rīgā 40, …)": participants per town, no parts
                break
            parts.append(
                (
                    Indicator(
                        value, Qualifier.EXACT, total.kind, piece.text, source.span_of(piece)
                    ),
                    (p.start(), p.end()),
                )
            )
        added += [(t, part, place) for part, place in parts]
        if parts:
            dropped.update(inside)
    if not added:
        return found, places
    # each run of parts right after its total, `part_of` its position once they are in
    result: list[Indicator] = []
    where: list[tuple[int, int]] = []
    for t, (indicator, place) in enumerate(zip(found, places, strict=True)):
        if t in dropped:
            continue
        result.append(indicator)
        where.append(place)
        position = len(result)
        for at, part, at_place in added:
            if at == t:
                result.append(replace(part, part_of=position))
                where.append(at_place)
    return result, where


_OPEN = re.compile(r"\([^()]*\)")


def bracketed_people(
    indicators: tuple[Indicator, ...], places: list[tuple[int, int]], text: str
) -> tuple[Indicator, ...]:
    """Counts of people named by who they are in brackets right after a count of people,
    with no other count in them ("45 dalībnieki (30 bērni)", "60 dalībnieki (2022. gadā 30
    bērni, 2023. gadā 30 bērni)"), are some of those people: `part_of` it, of its kind,
    where they add up to no more. Read as counts of their own, they would be counted
    besides it."""
    marked = list(indicators)
    for t, total in enumerate(indicators):
        if total.part_of is not None or total.qualifier is not Qualifier.EXACT:
            continue
        gap = _GAP.match(text, places[t][1])
        bracket = _OPEN.match(text, gap.end()) if gap else None
        if bracket is None:
            continue
        inside = [i for i, (a, b) in enumerate(places) if bracket.start() < a and b < bracket.end()]
        if (
            inside
            and all(marked[i].part_of is None and _among(total, marked[i]) for i in inside)
            and sum(indicators[i].value for i in inside) <= total.value
        ):
            for i in inside:
                marked[i] = replace(marked[i], part_of=t + 1, kind=total.kind)
    return tuple(marked)


def _names_people(indicator: Indicator) -> bool:
    """Whether a count read in a bracket names people by who they are ("30 bērni", "20
    jaunieši"): after a count of people ("45 dalībnieki (30 bērni, 15 pieaugušie)") such a
    bracket is its breakdown, read as such, not a count of its own."""
    words = re.findall(r"[^\W\d_][\w-]*", indicator.phrase)
    return (
        indicator.kind in _PEOPLE_KINDS
        and indicator.qualifier is Qualifier.EXACT
        and bool(words)
        and bool(_PEOPLE.fullmatch(words[-1]))
    )


def _describes(words: list[str], kind: str) -> bool:
    last = words[-1]
    if any(_WHEN.fullmatch(w) for w in words):
        return False  # a time ("2 dienās", "3 vakaros"), not a part of the count
    if _LOCATIVE.fullmatch(last) or _MANNER.fullmatch(last):
        return True
    return kind in _PEOPLE_KINDS and bool(_PEOPLE.fullmatch(last))


def unequal_breakdowns(
    indicators: tuple[Indicator, ...],
) -> Iterator[tuple[Indicator, tuple[Indicator, ...]]]:
    """Each total whose stated parts do not add up to it, with those parts: only an exact
    total whose parts are all exact ("60 dalībnieki (35 sievietes, 20 vīrieši)"), as a
    breakdown of a bound or an estimate may well not add up, and only parts that name the
    whole: women and men, or the places listed after the total's colon ("6 semināri: 3
    Valmierā un 2 Cēsīs", see `pipeline.parse.activity_place_parts`)."""
    for t, total in enumerate(indicators, start=1):
        parts = tuple(i for i in indicators if i.part_of == t)
        if not parts or total.qualifier is not Qualifier.EXACT:
            continue
        if (
            all(p.qualifier is Qualifier.EXACT for p in parts)
            and (_whole(parts) or total.phrase.endswith(LISTED_AFTER))
            and sum(p.value for p in parts) != total.value
        ):
            yield total, parts


# Parts that between them name the whole: women and men. A list of places or of ways an
# activity was held (in person, online, by phone) may name only the main ones ("(5 klātienē,
# 3 telefoniski)" of 10), and its sum proves nothing.
_WHOLES = (re.compile(r"(?:sieviet|vīriet|vīrieš|meiten|zēn)\w*", re.I),)


def _whole(parts: tuple[Indicator, ...]) -> bool:
    for whole in _WHOLES:
        if all(
            any(whole.fullmatch(w) for w in re.findall(r"[^\W\d_][\w-]*", p.phrase)) for p in parts
        ):
            return True
    return False
