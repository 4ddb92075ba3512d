"""Words a typeset PDF hyphenated at a line's end, joined again ("organizē-" / "ti 3
semināri" is "organizēti 3 semināri"): broken, a count's kind ("dalīb-" / "nieki"), a
label's word ("finansē-" / "jums") or a month is no word the readers know.

Only a break that is certainly inside a word is joined: a lower-case letter and a hyphen
ending a line (spaces after it allowed), the next line opening with a lower-case letter
straight away, or after the blank lines and form feed of a page's end. A hyphen with a
space before it is a dash, one after a figure or before a capital is a hyphen of its own
("2022.-" / "2023.", "Rīgas-" / "Jūrmalas"), and a line opening with "- " is a list's
item, so none of these is a break. Where the hyphen is certainly the word's own, only the
line break goes: after one letter ("e-" / "pasts"), in an address ("www.nvo-" /
"centrs.lv"), or where the text writes the word with the hyphen elsewhere and never
without it. Before "un" or "vai" the hyphen stands for a word's shortened second half
("pirms-" / "un pēcskolas"), and the break stays.

A hyphen at a line's end between two whole words is a dash or a compound's, no break inside
a word. Before a short word of a sentence ("jauniešiem-" / "kopā 60 dalībnieki", a dash)
or a month ("līdz-" / "martam") the break stays. Only the line break goes between two
months ("2013. gada marts-" / "aprīlis", a range), between two words the text writes on
their own elsewhere ("latviešu-" / "krievu vārdnīca" in a text that says "latviešu un
krievu valodā" too), and after a language's or a people's name ("latviešu-", "krievu-") or
an adverb of a compound's ("sociāli-" / "ekonomiskā"). A word broken by hyphenation has a
first half that is no word ("dalīb-", "finansē-"), or a second half that is none
("reģionā-" / "lajos"); the short words a hyphenated word may open with ("pie-" /
"dalījās", "starp-" / "kultūru") are left out of that test, as is a second half of a letter
or two ("organizē-" / "ti").

A soft hyphen (U+00AD) is only ever shown where a line breaks at it: between two letters it
goes, and at a line's end it joins the line to the next as a hyphen does.

Characters are only dropped, so every character left keeps its source (a value's span
covers the hyphen and the break it read across). A text laid out in two columns
(`pdftotext -layout`) is left as it is: joining its lines would move one column's words
into the other's. That is told here from the gutter alone (a label's words, a gap, and text
at the same column on several lines), as `pipeline.parse.layout_columns` begins its stricter
test: this module is a step of `pipeline.parse.text.clean`, below the column reader.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from pipeline.parse.latvian import MONTH
from pipeline.parse.sourced_text import SourcedText

_LETTER = r"[^\W\d_]"
# A hyphen ending its line, the spaces after it and the break: where a word may be broken.
# A page may end there: blank lines (a lone space in one) and a form feed.
_LINE_END = re.compile(r"[-\u2010\u00ad][ \u00a0]*\n(?:[ \u00a0\x0c]*\n)*\x0c?")
_LETTERS = re.compile(rf"{_LETTER}+")
_SOFT_IN_WORD = re.compile(rf"(?<={_LETTER})\u00ad(?={_LETTER})")
_SOFT_WORD = re.compile(rf"{_LETTER}+(?:\u00ad{_LETTER}+)*")
# Words opening the next line that make the hyphen before them no word's break: before a
# conjunction it stands for a compound's second half left out ("pirms- un pēcskolas");
# before the others, which a sentence goes on with after a dash, it is that dash
# ("jauniešiem- kopā 60").
_SENTENCE_WORDS = frozenset(
    {
        "un",
        "vai",
        "ir",
        "kā",
        "nevis",
        "līdz",
        "kopā",
        "arī",
        "gan",
        "tostarp",
        "ieskaitot",
        "proti",
        "taču",
        "tomēr",
        "turklāt",
        "savukārt",
        "bet",
        "jo",
        "kurā",
        "kurās",
        "kuros",
        "kopumā",
        "galvenokārt",
        "piemēram",
    }
)
_MONTH = re.compile(MONTH, re.I)  # a month's name, in any case form
# Words a hyphenated word may open with that are words of their own too (prefixes and
# prepositions: "pie-" / "dalījās", "starp-" / "kultūru"): such a first half is no sign of
# a compound of two words.
_PREFIXES = frozenset({"pret", "starp", "pirms", "virs", "līdz", "caur", "daudz", "pāri", "kopš"})
_MIN_WORD = 4  # letters of a first half told a word by its use elsewhere
_MIN_TAIL = 3  # letters of a second half that may be a word: "ti", "ņas" are endings
# A compound's first word that is one whatever the text: a language's or a people's name
# ("latviešu-krievu vārdnīca", "krievu-latviešu") and an adverb in -iski or -iāli
# ("politiski-tiesiskā", "sociāli-ekonomiskā"); other ones in -āli may be a word's first
# half ("attāli-" / "nāti" is "attālināti").
_NATIONS = frozenset(
    {
        "latviešu",
        "latgaliešu",
        "lībiešu",
        "krievu",
        "baltkrievu",
        "ukraiņu",
        "poļu",
        "lietuviešu",
        "igauņu",
        "vācu",
        "angļu",
        "franču",
        "zviedru",
        "somu",
        "ebreju",
        "romu",
        "tatāru",
        "armēņu",
        "gruzīnu",
    }
)
_ADVERB = re.compile(rf"{_LETTER}{{2,}}(?:iski|iāli)")
# The token a hyphen stands in that is a web or e-mail address, not a word ("semināri/
# vebinā-" is words).
_ADDRESS = re.compile(r"@|://|www\.|\.(?:lv|eu|com|org|net|info)\b", re.I)
_TOKEN = re.compile(r"\S+")
_HYPHENATED = re.compile(rf"{_LETTER}+(?:-{_LETTER}+)+")


@dataclass(frozen=True, slots=True)
class _Break:
    head: str  # the word's letters before the hyphen
    mark: int  # where the hyphen stands
    gap: int  # where the line's break ends: the next line's first letter
    tail: str  # the letters opening the next line


def join_hyphen_breaks(text: SourcedText) -> SourcedText:
    """`text` with its words hyphenated over a line break joined (see the module)."""
    s = text.text
    drop: list[int] = [m.start() for m in _SOFT_IN_WORD.finditer(s)] if "\u00ad" in s else []
    breaks = [b for m in _LINE_END.finditer(s) if (b := _break(s, m)) is not None]
    if (not drop and not breaks) or _in_columns(s):
        return text
    hyphenated = {w.lower() for w in _HYPHENATED.findall(s)}
    whole = _whole_words(s, breaks)
    for b in breaks:
        first = b.mark + 1 if _keeps_hyphen(s, b, hyphenated, whole) else b.mark
        drop.extend(range(first, b.gap))
    gone = set(drop)
    kept = [k for k in range(len(s)) if k not in gone]
    return SourcedText("".join(s[k] for k in kept), tuple(text.offsets[k] for k in kept))


def _break(s: str, m: re.Match[str]) -> _Break | None:
    """The word broken over two lines of one paragraph at the line end `m`; None where
    there is none."""
    start = m.start()
    while start > 0 and s[start - 1].isalpha():
        start -= 1
    head = s[start : m.start()]
    tail_match = _LETTERS.match(s, m.end())
    if not head or tail_match is None or not _LETTERS.fullmatch(head):
        return None
    tail = tail_match.group()
    if not (head[-1].islower() and tail[0].islower()):
        return None
    if s[m.start()] != "\u00ad" and (tail in _SENTENCE_WORDS or _is_month(head) != _is_month(tail)):
        return None
    # the next line a table's row: joined, its cells would be this line's
    line_end = s.find("\n", m.end())
    if "\t" in s[m.end() : line_end if line_end >= 0 else len(s)]:
        return None
    return _Break(head, m.start(), m.end(), tail)


def _whole_words(s: str, breaks: list[_Break]) -> set[str]:
    """The words the text writes whole, in lower case, a soft hyphen in one gone: the
    halves of a word broken at a line's end are none."""
    heads, tails = {b.mark for b in breaks}, {b.gap for b in breaks}
    return {
        m.group().replace("\u00ad", "").lower()
        for m in _SOFT_WORD.finditer(s)
        if m.end() not in heads and m.start() not in tails
    }


def _keeps_hyphen(s: str, b: _Break, hyphenated: set[str], whole: set[str]) -> bool:
    """Whether the hyphen is the word's own, so that only the line break goes."""
    if s[b.mark] == "\u00ad":
        return False
    if len(b.head) == 1:
        return True
    start = b.mark
    while start > 0 and not s[start - 1].isspace():
        start -= 1
    after = _TOKEN.match(s, b.gap)
    if _ADDRESS.search(s[start : b.mark]) or (after and _ADDRESS.search(after.group())):
        return True
    head, tail = b.head.lower(), b.tail.lower()
    if head + tail in whole:
        return False
    if f"{head}-{tail}" in hyphenated or _is_month(head):  # a month's: a range's hyphen
        return True
    if len(tail) < _MIN_TAIL:
        return False
    if head in _NATIONS or _ADVERB.fullmatch(head):
        return True
    # both halves words of the text's own: a word's first half may be one ("reģionā-" /
    # "lajos", "veikta-" / "jiem"), its second half then none
    return len(head) >= _MIN_WORD and head not in _PREFIXES and head in whole and tail in whole


def _is_month(word: str) -> bool:
    """Whether `word` is a month's name in some case: its stem and an ending ("marts",
    "aprīlī"), so that its last letter off it is still a month's (a stem alone, "februār-",
    may be a hyphenated word's first half)."""
    return _MONTH.fullmatch(word) is not None and _MONTH.fullmatch(word[:-1]) is not None


# Where a column of text may start after a gap: two spaces or more after a word, ending this
# far from the line's start at least (as `pipeline.parse.layout_columns` has it).
_GAP = re.compile(r"\S[ \u00a0]{2,}(?=\S)")
_MIN_GUTTER = 10
_MIN_AT_GUTTER = 3
# A label column's words: letters, no figure (a table's amounts, a list's dash are none).
_LABEL_WORDS = re.compile(rf"[ \u00a0]*{_LETTER}[^\d]*")


def _in_columns(s: str) -> bool:
    """Whether the text may be a table laid out in two columns: on several lines a label's
    words, a gap, and the value's text at the same column. A table's cells already parted
    (a tab, a soft break) are no layout."""
    if "\t" in s or "\x0b" in s:  # "\x0b": `pipeline.parse.text.SOFT_BREAK`
        return False
    gutters: Counter[int] = Counter()
    for line in s.split("\n"):
        gap = next((m for m in _GAP.finditer(line) if m.end() >= _MIN_GUTTER), None)
        if gap is not None and _LABEL_WORDS.fullmatch(line, 0, gap.start() + 1):
            gutters[gap.end()] += 1
    return any(count >= _MIN_AT_GUTTER for count in gutters.values())
