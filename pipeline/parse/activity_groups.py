"""The markers of a description's lists that are not Arabic numbers or bullets: an item
numbered with a Roman numeral ("I.", "II.", … as the years' headings are), and the heading
of the minority group's activities written with other words than "… kapacitātes celšanai:"
("Mazākumtautību līdzdalības veicināšanai:").

A Roman numeral numbers an item only at a line's start, with a full stop and a word after it:
"I. ĪSTENOŠANAS GADS" is a year's heading, which the description's grammar tries first.
A minority group's heading is a line of its own that names the minorities ("mazākumtautību
…") and ends with the purpose in the dative and a colon ("… veicināšanai:", "… atbalstam:"),
as the civil-society group's heading does ("Pilsoniskās sabiedrības attīstībai:"), read the
same way in whichever order the groups come. A line that names both is the task's name for
both, no group's heading; a list's
lead-in ("Mazākumtautību kultūras pasākumi:") names no purpose, and one that says what was
done ("… organizēti pasākumi … dienai:") is a sentence, not a heading.
"""

from __future__ import annotations

import re

_LINE_START = r"(?:^|(?<=[\n\t\x0b\ue000]))[ \u00a0]*"
#: Bullets a line may open with besides "•" and "-": squares, circles, arrows, ticks, a middle
#: dot, and Word's Symbol-font bullets as private-use code points. Like "-", only at a line's
#: start ("•" is a bullet anywhere).
BULLETS = "▪▫◦‣∙○●■□➢➤►▶✓✔·\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8"
#: The hollow bullets of a nested list's entries ("◦" under "•").
NESTED_BULLETS = ("◦", "‣", "○")
#: The Roman numerals of 1 to 39, upper case.
ROMAN = r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})"
_ROMAN_VALUES = {"I": 1, "V": 5, "X": 10}


def _own_heading(names: str, not_named: str, wraps: bool) -> str:
    """A group's heading on a line of its own that names its part (`names`, not
    `not_named`) and ends with the purpose in the dative and a colon, or with the place after
    it ("… attīstībai Latgales reģionā:", "… atbalstam Rīgā:"). One that `wraps` may run
    over two lines, its first one capitalised: only its colon ends it, so what it must not
    name is looked for up to there."""
    line = r"[^\n\t\x0b\ue000:;.]"
    if wraps:
        span = r"[^\t\x0b\ue000:;.]"  # up to the heading's colon, over its one wrap
        opening = rf"(?=[*_]*[A-ZĀČĒĢĪĶĻŅŠŪŽ])(?={line}*(?:\n[ \u00a0]*{line}*)?:)"
        ahead, space = span + "*?", r"[ \u00a0\n]"
    else:
        span, opening, ahead, space = line, "", r"[^\n\t\x0b\ue000]*", r"[ \u00a0]"
    return (
        _LINE_START
        # a line a list's number or bullet opens is that list's item, whatever it ends with
        + rf"(?![-–•*{BULLETS}][ \t\u00a0]|\(?(?:\d{{1,2}}|[a-zA-Z]|[IVX]{{1,4}})[.)][ \t\u00a0])"
        + opening
        + rf"(?!{ahead}(?i:{not_named}))"
        # a sentence saying what was done is a list's lead-in, however it ends ("Sadarbībā
        # ar mazākumtautību NVO organizēti pasākumi Ukrainas neatkarības dienai:")
        + rf"(?!{ahead}(?i:organizē|noorganizē|sniegt|sniedz|īstenot|notik|notiek|"
        r"izstrādāt|sagatavot|rīkot|rīkoj|nodrošināt|piedalīj|veikt|izdot|atbalstīt))"
        + rf"[*_]*{span}{{0,60}}?(?i:{names}){span}{{0,80}}?[^\W\d_](?i:ai|am)"
        + rf"(?:{space}+(?:[^\W\d_]+{space}+){{0,3}}?[^\W\d_]+(?:[āēī]s?|os))?"
        r"[*_]*[ \u00a0]*:[*_]*"
        r"(?=[ \u00a0]*(?:[\n\t\x0b\ue000]|$))"
    )


#: A minority group's heading, on a line of its own.
MINORITY_HEADING = _own_heading("mazākumtautīb", "pilsonisk", wraps=False)
_MINORITY_ROW = re.compile(MINORITY_HEADING)
#: The civil-society group's heading, on a line of its own, or wrapped once ("Pilsoniskās
#: sabiedrības attīstībai Latgales reģionā:"): wherever it stands, after the minority
#: group's list too, the items after it are that group's. A line that also names the
#: minorities is the task's name for both.
CIVIL_HEADING = _own_heading("pilsonisk", "mazākumtautīb", wraps=True)
_CIVIL_ROW = re.compile(CIVIL_HEADING)


def roman_value(numeral: str) -> int:
    """'IV' -> 4, 'XII' -> 12 (a numeral `ROMAN` matched)."""
    values = [_ROMAN_VALUES[c] for c in numeral.upper()]
    return sum(-v if v < w else v for v, w in zip(values, [*values[1:], 0], strict=True))


def is_minority_heading(line: str) -> bool:
    """Whether a line, all of it, is a minority group's heading (a table's row of one cell,
    with or without the colon a paragraph has)."""
    text = line.strip()
    return bool(_MINORITY_ROW.fullmatch(text) or _MINORITY_ROW.fullmatch(text + ":"))


# The task's words for the minority part, as a heading names it ("Kurzemes reģiona NVO
# kapacitātes celšanai:"), never with the civil-society part's.
_CAPACITY_HEADING = re.compile(
    r"[*_]*[^\n\t\x0b\ue000:;.]{0,80}?(?i:kapacitātes\s+celšanai)[*_]*[ \u00a0]*:?[*_]*"
)


def heads_civil_group(line: str) -> bool:
    """Whether a line, all of it, heads the civil-society group's activities (see
    `CIVIL_HEADING`): a paragraph, or a table's row of one cell, with or without its colon
    there (the table's row says nothing else)."""
    text = re.sub(r"[|\s\ue000]+", " ", line).strip()
    return bool(_CIVIL_ROW.fullmatch(text) or _CIVIL_ROW.fullmatch(text + ":"))


def heads_minority_group(line: str) -> bool:
    """Whether a line, all of it, heads the minority group's activities, with or without its
    colon: a minority heading (see `MINORITY_HEADING`), or one that names the task's purpose
    "… kapacitātes celšanai" without civil society."""
    text = line.strip()
    if "pilsonisk" in text.lower():
        return False
    return is_minority_heading(text) or bool(_CAPACITY_HEADING.fullmatch(text))


# A paragraph of prose that lists the year's work goes on to the minority group's part inside
# it: "…; mazākumtautību kapacitātes celšanai izstrādātas 2 stratēģijas …" (with or without a
# colon). Only an entry that opens with the purpose, naming no civil society with it.
_INLINE_MINORITY = re.compile(
    r"[\s*_]*(?:[^\W\d_]+[ \u00a0]+){0,3}?(?i:mazākumtautīb)[^\W\d_]*[ \u00a0]+"
    r"(?:[^\W\d_]+[ \u00a0]+){0,3}?(?i:kapacitātes[ \u00a0]+celšanai)(?![^\W\d_])"
)


def opens_minority_part(clause: str) -> bool:
    """Whether an entry of a paragraph opens with the minority group's purpose."""
    m = _INLINE_MINORITY.match(clause)
    return m is not None and "pilsonisk" not in m.group(0).lower()


# The next Roman item after "I.": "II." at a line's start with a word after it, not a year's
# heading ("II. ĪSTENOŠANAS GADS").
_SECOND_ROMAN = re.compile(
    _LINE_START + r"II\.[ \t\u00a0]+(?!(?i:īstenošanas[ \t\u00a0]+gads))[^\W\d_]"
)


def opens_roman_item(text: str, end: int, numeral: str, before: str, in_list: bool) -> bool:
    """Whether a Roman numeral at a line's start ("I." or the next one of a Roman list,
    ending at `end` in `text`) numbers an item. `before` is the open item's text so far (or
    the text since the last marker). A person's initial at a line's start looks the same
    ("…vadīja lektore" / "I. Bērziņa, kopā 60 dalībnieki;"), so an item is numbered only
    where the text before it is finished (a sentence's end, or a lead-in's ":"), and "I."
    only where it starts a list: no other item is open (right after a heading), the report
    numbers its lists so already (`in_list`), or "II." follows at a line's start."""
    before = before.rstrip(" \n\t\x0b\u00a0\ue000")
    if before and before[-1] not in ".;:!?":
        return False
    return (
        roman_value(numeral) > 1
        or in_list
        or not before
        or _SECOND_ROMAN.search(text, end) is not None
    )


def continues_numbering(
    numbered_on: tuple[int, str] | None, n: int, style: str, item: object | None
) -> bool:
    """Whether item number `n` (of `style`, "." or ")") at a line's start, after a group's
    heading, goes on with the list the heading closed: a report may number its groups' items
    on ("1."–"8.", the heading, "9."–"12."). `numbered_on` is that list's next number and
    style; only while no entry of the new group is open (`item`)."""
    return item is None and numbered_on == (n, style)


def may_head_after(before: str) -> bool:
    """Whether a group's heading may stand after `before`, the open item's text up to it: a
    finished sentence, or any text and a blank line (a bullet's entry often ends with no
    mark). A line after an unfinished sentence is that sentence's, wrapped ("… sadarbībā ar"
    / "Pilsoniskās sabiedrības attīstībai veltītu …:")."""
    body = before.rstrip(" \n\t\x0b\u00a0\ue000")
    return not body or body[-1] in ".;:!?" or before[len(body) :].count("\n") > 1
