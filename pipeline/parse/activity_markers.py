"""The markers the description's reader scans for (see `pipeline.parse.activities`): year and
group headings (either group's), item numbers (Arabic, lettered, Roman), bullets, a list's
entries and an HTML paragraph; and the patterns that tell how text between them goes on.
"""

from __future__ import annotations

import re

from pipeline.parse.activity_groups import BULLETS, CIVIL_HEADING, MINORITY_HEADING, ROMAN
from pipeline.parse.headings import EXTENSION_HEADING, FOOTNOTE_MARK, YEAR_HEADING
from pipeline.parse.indicators import kind_of

_LINE_START = r"(?:^|(?<=[\n\t\x0b\ue000]))[ \u00a0]*"
_ANY_BULLET = rf"[•\-–*{BULLETS}]"
MARKERS = re.compile(
    YEAR_HEADING
    + rf"|{EXTENSION_HEADING}"
    # a group heading may be wrapped once, also over a page break (blank lines, a lone space):
    # its first line then starts with a capital (after Markdown's emphasis, "*Latgales
    # mazākumtautību⏎kapacitātes celšanai:*")
    + rf"|(?P<group>{_LINE_START}(?:[*_]*[A-ZĀČĒĢĪĶĻŅŠŪŽ][^\n\t\x0b:;.]{{0,60}}"
    + r"\n(?:[ \u00a0]*\n)*[ \u00a0]*)?"
    # who carries it out may follow in parentheses: "… celšanai** (īsteno partneris):"
    + r"[^\n\t\x0b:;.]{0,80}?(?i:kapacitātes\s+celšanai)[*_]*"
    + r"(?:[ \u00a0]*\([^()\n\t\x0b:;]{1,60}\)[*_]*)?\s*:(?:[*_]+(?=[ \u00a0]*(?:\n|$)))?)"
    + rf"|(?P<minority>{MINORITY_HEADING})"
    + rf"|(?P<civil>{CIVIL_HEADING})"
    # run into a paragraph after a finished entry, the minority part's heading and its list:
    # "…; mazākumtautību NVO kapacitātes celšanai: 1) …" (never the task's "pilsoniskās …")
    + r"|(?P<inline_group>(?<=[;.])[ \u00a0]+(?![^\n\t\x0b:;.]*(?i:pilsonisk))"
    + r"[^\n\t\x0b:;.]{0,60}?(?i:mazākumtautīb)[^\n\t\x0b:;.]{0,60}?"
    + r"(?i:kapacitātes\s+celšanai)(?:[ \u00a0]*\([^()\n\t\x0b:;]{1,60}\))?[ \u00a0]*:"
    + r"(?=[ \u00a0]*1[.)]\s))"
    rf"|(?P<dash>{_LINE_START}[-–*](?=\s))"
    r"|(?P<dot>•)"
    rf"|(?P<mark>{_LINE_START}[{BULLETS}](?=\s))"
    # a third level's, "1.1.1." (or "1.1.1" before a word), at a line's start: an entry under
    # the topic "1.1. Forumi:" (see `pipeline.parse.activity_lists.TopicNumber`)
    rf"|(?P<sub2>{_LINE_START}(?!0\d)(?P<tn>\d{{1,2}})\.(?!0\d)(?P<tm>\d{{1,2}})"
    r"\.(?!0\d)(?P<tk>\d{1,2})"
    r"(?P<tdot>\.(?=[ \t\u00a0]+\S)|(?=[ \t\u00a0]+[^\W\d_])))"
    # a multilevel list's number, "1.1." (or "1.1" before a word), at a line's start; a
    # number with a leading zero is a date's ("01.03. notika …")
    rf"|(?P<sub>{_LINE_START}(?!0\d)(?P<sn>\d{{1,2}})\.(?P<sm>\d{{1,2}})"
    r"(?P<sdot>\.(?=[ \t\u00a0]+\S)|(?=[ \t\u00a0]+[^\W\d_])))"
    r"|(?P<num>(?<![\w.,/(–-])(?P<n>\d{1,2})(?P<style>[.)])(?=\s))"
    rf"|(?P<roman>{_LINE_START}(?P<r>{ROMAN})\.(?=[ \t\u00a0]+[^\W\d_]))"
    r"|(?P<letter>(?<![\w.,/(–-])(?P<l>[a-z])\)(?=\s))"
    r"|(?P<inline_dash>(?<=[.;])[ ]+-(?=[ ]\S))"
    rf"|(?P<list>\ue000(?![\s\x0b]*(?:{_ANY_BULLET}\s|\d{{1,2}}[.)]\s)))"
    rf"|(?P<para>(?<=[;.])[ \t\n]*+\x0b[ \t\n\x0b]*+(?!{_ANY_BULLET}\s|\d{{1,2}}[.)]\s|\ue000))"
)
#: What a line's text may start after, at the start of a list's entry.
LINE_OPENERS = "\n\t\x0b\ue000•-–*" + BULLETS
LETTER = "a)"  # the style of a lettered list: "a)", "b)", …
ROMAN_STYLE = "I."  # the style of a list numbered "I.", "II.", … (see `activity_groups`)
# What goes on with an unfinished sentence: a lower-case word or a number that starts no list
# item ("7 mazākumtautību NVO", not "2. Semināri"), or any word after a joining one.
CONTINUATION = re.compile(
    r"[\s\ue000]*(?:(?P<lower>[a-zāčēģīķļņšūž«„\"]|\d+(?![.)]\s|\d))|[A-ZĀČĒĢĪĶĻŅŠŪŽ])"
)
JOINS_ON = re.compile(r"(?:,|[\s(](?:un|ar|par|no|uz|gan|vai|kā|–|-))$")
SEPARATOR_CELL = re.compile(r"(?<=[\n\t])[ ]*-{2,}[ ]*(?=[\n\t])")
WS = " \n\t\x0b\u00a0\ue000"
LEAD_IN = re.compile(r":[ \t]*(?:[\n\x0b\ue000]|$)")
# A blank line before a lower-case word is a page break inside a sentence, not a paragraph.
PARAGRAPH_BREAK = re.compile(r"\n[ \t\x0b]*\n\s*(?![a-zāčēģīķļņšūž])\S")
# A blank line, then a capitalised line at the margin: a paragraph of its own, no item's
# (see `pipeline.parse.activities`).
OWN_PARAGRAPH = re.compile(r"\n[ \t]*\n(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ])")

# A line that only names a part of the year ("2023. gada janvāris–jūlijs", "III ceturksnis",
# "2024. gada I–II ceturksnis", "2. pusgads", "2023. gads"), perhaps with dates or words in
# brackets: a sub-heading that groups the entries after it. After an entry it is no part of that entry, nor its date. Months are in
# the nominative: "… notika 2023. gada martā" is a sentence's end, wrapped.
_NOMINATIVE_MONTH = (
    r"(?:janvāris|februāris|marts|aprīlis|maijs|jūnijs|jūlijs|augusts|septembris"
    r"|oktobris|novembris|decembris)"
)
_OF_YEAR = r"(?:\d{4}\.?[ \u00a0]*(?:gada|g\.)[ \u00a0]*)"
_PART_NUMBER = rf"(?:{ROMAN}|[1-4]\.)"
_RANGE_DASH = r"[ \u00a0]*[-–—][ \u00a0]*"
SUB_HEADING = re.compile(
    r"(?:^|(?<=[\n\t\x0b\ue000]))[ \u00a0]*(?i:"
    rf"{_OF_YEAR}?{_NOMINATIVE_MONTH}(?:{_RANGE_DASH}{_OF_YEAR}?{_NOMINATIVE_MONTH})?"
    rf"|{_OF_YEAR}?(?-i:{_PART_NUMBER}(?:{_RANGE_DASH}{_PART_NUMBER})?)[ \u00a0]*"
    r"(?:ceturksn(?:is|ī)|ceturkšņi|pusgad(?:s|ā|i))"
    rf"|\d{{4}}\.?[ \u00a0]*gads{FOOTNOTE_MARK})"
    # a bracket of dates or words, not of counts ("Marts (12 konsultācijas)" is an entry)
    r"[ \u00a0]*(?:\((?![^()\n]*\d[ \u00a0]+[^\W\d_])[^()\n\t\x0b\ue000]{1,40}\))?[ \u00a0]*:?"
    r"(?=[ \t\u00a0]*(?:[\n\x0b\ue000]|$))"
)


# A paragraph that opens by referring back to the item before it goes on with that item:
# the event named in a locative ("Forumā piedalījās 173 dalībnieki", "Semināros …") or a
# demonstrative ("Tajā", "Šajos", "Tie", "No tiem").
_REFERS_BACK = re.compile(r"[„\"(]?(?:(?:No|Kopā\s+no)\s+)?(?P<word>[^\W\d_]+)(?![^\W\d_])", re.I)
_DEMONSTRATIVE = re.compile(
    r"(?:t|š)(?:ajā|ajos|ajās|ur|ie|ās|ā|o|is|ī|iem|ām|ai|am)|tur|tai|tiem|tām|tās|tos",
    re.I,
)
_LOCATIVE = ("ā", "ās", "os", "ē", "ēs", "ī", "īs")


def goes_on(before: str, paragraph: str, numbered: bool) -> bool:
    """Whether a paragraph after a blank line goes on with the open item whose text so far
    is `before`: a blank line inside an unfinished sentence (a PDF's page break: "sadarbībā
    ar" / "" / "Valmieras novada pašvaldību, …") never ends the item, nor does a paragraph
    that refers back to it. A numbered item's sentence is finished by "." or ";", a
    bullet's also by ")" or no mark at all after its last word (bullets often have none),
    unless a comma or a joining word ends it."""
    before = before.rstrip(WS)
    if numbered and not before.endswith((".", ";")):
        return True
    if JOINS_ON.search(before):
        return True
    m = _REFERS_BACK.match(paragraph)
    if m is None:
        return False
    word = m.group("word")
    return bool(
        _DEMONSTRATIVE.fullmatch(word) or (word.lower().endswith(_LOCATIVE) and kind_of(word))
    )


# The line after a group heading's first line, when it starts with a capital itself.
_OWN_LINE = re.compile(r"\n(?:[ \u00a0]*\n)*[ \u00a0]*[*_]*(?=[A-ZĀČĒĢĪĶĻŅŠŪŽ])")


def first_line_apart(text: str, group: re.Match[str]) -> int | None:
    """Where the line before a group heading matched over two lines ends, when that line is
    no part of it: the heading's second line starts with a capital, a heading of its own
    ("Zemgales reģiona mazākumtautību kapacitātes celšanai:" under "Zemgales NVO forums
    Jelgavā | 1 | 152"). A wrapped heading goes on in lower case ("Latgales mazākumtautību" /
    "kapacitātes celšanai:"). None where the match is one line or one heading."""
    found = _OWN_LINE.search(text, group.start(), group.end())
    return found.start() if found is not None else None
