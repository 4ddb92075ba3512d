"""Forms of the funding section read before its text is collapsed into one line, or around
the amounts themselves: a purpose line with its amount after the purpose ("pilsoniskās
sabiedrības attīstībai Kurzemes reģionā: EUR 30 000"), amounts in thousands, and prose
paragraphs opened by their calendar year ("2023. gadā piešķirti 45 000 EUR, …"). And the
section's text the reader took nothing from: the words it reads around each amount
(`words_read`), and the lines of no sentence it read (`unused_lines`), kept as written.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from pipeline.model import Purpose
from pipeline.parse.diacritics import either_form
from pipeline.parse.funding_clauses import (
    CLAUSE_END,
    is_header_row,
    last_keyword_match,
    remainder_verb,
    skip_parenthesis,
    split_text,
    statement_word,
)
from pipeline.parse.funding_money import THOUSANDS
from pipeline.parse.funding_words import (
    MONEY_IN_TEXT,
    NEW_STATEMENT,
    STATEMENT_VERB,
    counts_as_money,
    names_both_purposes,
    purpose_of,
    purpose_words,
)
from pipeline.parse.headings import ordinal_of
from pipeline.parse.latvian import AMOUNT, CURRENCY, LETTER, LOWER
from pipeline.parse.text import SourcedText


def money_matches(s: str) -> list[re.Match[str]]:
    """The amounts of a text in order: those in thousands ("54 tūkst. EUR") whole, and every
    other amount MONEY_IN_TEXT finds outside them (not the "54" of "54 tūkst.")."""
    struck = [m.span() for m in _STRUCK.finditer(s)]
    rounded = [m for m in THOUSANDS.finditer(s) if not _inside(m, struck)]
    plain = [
        m
        for m in MONEY_IN_TEXT.finditer(s)
        if not any(m.start() < r.end() and r.start() < m.end() for r in rounded)
        and not _inside(m, struck)
    ]
    return sorted([*rounded, *plain], key=lambda m: m.start())


# Markdown's strikethrough ("~~31 000,00~~ 30 000,00"), or an amount corrected in the
# parenthesis after it ("31 000,00 (labots uz 30 000,00)"): the struck amount is no amount
# of the report's; the one that replaced it is.
_STRUCK = re.compile(
    rf"~~(?=\S)[^~\n]*?~~|(?:{AMOUNT})(?=\s*(?:(?:{CURRENCY})\s*)?\(\s*"
    + either_form(rf"(?:labot|koriģēt|precizēt|mainīt)[{LETTER}]*\s+uz\s)"),
    re.I,
)


def _inside(m: re.Match[str], spans: list[tuple[int, int]]) -> bool:
    return any(a <= m.start("amount") < b for a, b in spans)


@dataclass(frozen=True, slots=True)
class PurposeLines:
    """The lines of a section that give one purpose's amount after its words, keyed by the
    source offset of the amount's first character; and where each such line starts."""

    amounts: dict[int, tuple[Purpose, str]]  # offset -> (purpose, the words naming it)
    starts: frozenset[int]


# A line's bullet or number before its words: "- ", "• ", "1) ", "a) ", "t. sk. ".
_BULLET = re.compile(
    r"^[\s\-–—•*·]*(?:(?:\d{1,2}|[a-z])\)\s*)?(?:t\.\s?sk\.?|tai\s+skaitā)?[\s:,]*", re.I
)
# The words end in a colon or a dash before the amount ("…reģionā: EUR 30 000",
# "…veicināšanai – EUR 5 000").
_SEPARATOR = re.compile(r"\s*[:–—-]\s*$")


def purpose_lines(section: SourcedText) -> PurposeLines:
    """Lines that are one purpose's amount and nothing more: the purpose's words, a colon
    or a dash, the amount with its currency word, perhaps a closing stop. Such an amount is
    that purpose's, never the next line's; its role is the statement's it stands under. The
    words may have been wrapped over lines with no money before it (PDF text, a narrow
    column): such lines are its words too, from the one that opens with a bullet."""
    amounts: dict[int, tuple[Purpose, str]] = {}
    starts: set[int] = set()
    before: list[SourcedText] = []  # lines of words since the last money or blank line
    lines = split_text(section, "\n")
    for n, line in enumerate(lines):
        s = line.text
        if not s.strip() and before and _page_break(lines, n):
            continue  # a page break inside the purpose's words splits nothing
        if not s.strip() or _has_money(s) or NEW_STATEMENT.search(s):
            for first in range(len(before) + 1):
                # the fewest lines of words before it that make it a purpose line
                lead = before[len(before) - first :] if first else []
                # the first line's indent kept: it may be the list's only bullet
                wrapped = [p.text.strip() if i else p.text.rstrip() for i, p in enumerate(lead)]
                found = purpose_line(s, " ".join(wrapped))
                if found is not None and line.offsets:
                    m, purpose, words = found
                    amounts[line.offsets[m.start("amount")]] = (purpose, words)
                    opening = lead[0] if lead else line
                    # its first word: the white space before it is collapsed
                    text = opening.text
                    starts.add(opening.offsets[len(text) - len(text.lstrip())])
                    break
            before = []
        elif len(before) < 3:
            before.append(line)
        else:
            before = [*before[1:], line]
    return PurposeLines(amounts, frozenset(starts))


def _has_money(s: str) -> bool:
    return any(counts_as_money(m) for m in money_matches(s))


def _page_break(lines: list[SourcedText], n: int) -> bool:
    """Whether the blank line `n` is part of a page break inside a wrapped line: the blank
    lines around it hold a line of white space only (a PDF converter's empty page line,
    " " or a no-break space) or a form feed, or the line after them goes on in lower case.
    A plain blank line before a capitalised or bulleted line ends the words before it."""
    first = n
    while first > 0 and not lines[first - 1].text.strip():
        first -= 1
    last = n
    while last + 1 < len(lines) and not lines[last + 1].text.strip():
        last += 1
    if last + 1 >= len(lines):
        return False
    gap = [line.text for line in lines[first : last + 1]]
    furniture = any((text and not text.strip(" \t\u00a0\f")) or "\f" in text for text in gap)
    return furniture or bool(_GOES_ON.match(lines[last + 1].text))


# A wrapped line's next words: a lower-case word at the margin, no bullet before it.
_GOES_ON = re.compile(r"[ \t\u00a0]*[a-zāčēģīķļņšūž]")


def purpose_line(s: str, before: str = "") -> tuple[re.Match[str], Purpose, str] | None:
    """The amount, purpose and purpose words of a line "…reģionā: EUR 30 000" (its words
    perhaps begun on lines `before` it); None for any other line. A line naming both
    purposes, a statement word, a number in its words or another amount is no such line."""
    money = [m for m in money_matches(s) if counts_as_money(m)]
    if len(money) != 1:
        return None
    m = money[0]
    if not (m.group("prefix") or m.group("currency")):
        return None  # the currency word says the number is money
    if s[m.end() :].strip(" \t\u00a0.;,\ue000"):
        return None
    head = f"{before} {s[: m.start()]}" if before else s[: m.start()]
    opened = _BULLET.match(before)
    indented = before[:1] in (" ", "\t", "\u00a0") and s[:1] not in (" ", "\t", "\u00a0")
    if before and not (opened and opened.group(0).strip()) and not indented:
        # wrapped words open with their bullet, or with an indent the wrapped line's
        # return to the margin ends; else the line is no list's
        return None
    bullet = _BULLET.match(head)
    words = head[bullet.end() if bullet else 0 :]
    separator = _SEPARATOR.search(words)
    if separator is None:
        return None
    words = words[: separator.start()]
    purpose = purpose_of(words)
    if (
        purpose is None
        or names_both_purposes(words)
        or re.search(r"\d", words)
        or NEW_STATEMENT.search(words)
        or STATEMENT_VERB.search(words)
    ):
        return None
    return m, purpose, words.strip()


NO_LINES = PurposeLines({}, frozenset())

# A sentence opened by its calendar year: "2023. gadā piešķirti …" at the text's start or
# after a sentence's end, perhaps as a list's item ("– 2022. gadā plānots: …").
CALENDAR_SENTENCE = re.compile(
    rf"(?:^|(?<=[.;!?]\s)|(?<=[.;!?]\s\s))\s*(?:[–—•*-]\s+)?"
    rf"(?P<year>\d{{4}})\.\s?gadā(?![{LETTER}])"
)

# An implementation year named in any case: "II. īstenošanas gadā", "otrajā gadā", "uz 2.
# gadu". Not a calendar year ("2024. gadā"): its four digits are no numeral of this.
IMPLEMENTATION_YEAR = re.compile(
    rf"(?<![\w.])(?:[IVX]{{1,4}}|[1-8])\.\s*(?:īstenošanas\s+)?gad(?:s|ā|a|u|am)(?![{LETTER}])"
    rf"|(?<![{LETTER}])(?:pirm|otr|treš|ceturt|piekt|sest|septīt|astot)[{LETTER}]*\s+"
    rf"(?:īstenošanas\s+)?gad[{LETTER}]*",
    re.I,
)


def calendar_sentences(text: str) -> list[re.Match[str]]:
    """The sentences opening a paragraph of a calendar year's money, when each names a later
    year than the one before (one paragraph per year); otherwise none (the years' money
    cannot be told apart)."""
    if IMPLEMENTATION_YEAR.search(text):
        # written per implementation year: "2024. gadā papildus piešķirti …" inside one is
        # that year's sentence, and a filler "2023. gadā finansējums netika samazināts" no
        # year of its own
        return []
    found = list(CALENDAR_SENTENCE.finditer(text))
    years = [int(m.group("year")) for m in found]
    if not found or years != sorted(set(years)):
        return []
    return found


# A sentence opened by its implementation year in the locative: "II. īstenošanas gadā
# plānoti …", "Otrajā īstenošanas gadā …" (a heading's "II. īstenošanas gads" is a key).
_ORDINAL_SENTENCE = re.compile(
    rf"(?:^|(?<=[.;:!?]\s)|(?<=[.;:!?]\s\s))\s*(?:(?P<n>[IVX]{{1,4}}|[1-8])\.\s*"
    rf"(?:īstenošanas\s+)?|(?P<word>pirm|otr|treš|ceturt|piekt|sest|septīt|astot)ajā\s+"
    rf"(?:īstenošanas\s+)?)gadā(?![{LETTER}])",
    re.I,
)
_WORD_ORDINALS = ("pirm", "otr", "treš", "ceturt", "piekt", "sest", "septīt", "astot")


def ordinal_sentences(text: str) -> list[tuple[re.Match[str], int]]:
    """The sentences opening a paragraph of an implementation year's money, with the year's
    number, when each names a later year than the one before; otherwise none."""
    found: list[tuple[re.Match[str], int]] = []
    for m in _ORDINAL_SENTENCE.finditer(text):
        word = m.group("word")
        n = _WORD_ORDINALS.index(word.lower()) + 1 if word else ordinal_of(m.group("n"))
        if n is None or (found and n <= found[-1][1]):
            return []
        found.append((m, n))
    return found


# A year's money not yet known: "Gads nav noslēdzies", "atlikums tiks norādīts gala
# kopsavilkumā", "Faktiski izlietots līdz 30.09.2025.": what is left is not a remainder yet.
UNFINISHED = re.compile(
    either_form(
        rf"(?<![{LETTER}])(?:gads|periods)\s+(?:vēl\s+)?nav\s+(?:noslēdzies|noslēgts|beidzies)"
        rf"|atlikums\s+tiks\s+norādīts|(?:faktiski|izlietot[{LETTER}]*)[\s:]+"
        rf"(?:izlietot[{LETTER}]*\s+)?līdz\s+\d{{1,2}}\.\d{{1,2}}\."
    ),
    re.I,
)


def words_read(
    s: str, since: int, m: re.Match[str], line_start: int | None, remainder: bool
) -> tuple[int, int]:
    """The part of `s` around the amount `m` whose words the reader may take what the amount
    is from: from the statement word before it (after the amount before, at `since`) or
    its purpose line's first word (`line_start`), to the end of the purpose words after it
    and, for a remainder, of the verb saying what became of it. Such words may stand past a
    sentence's end or on lines of their own ("Plānots:" over its amount, "Atlikums 128,28
    euro." over "Atgriezts ministrijas budžetā.")."""
    begin, end = m.start(), m.end()
    keyword = last_keyword_match(s[since : m.start()])
    if keyword is not None:
        begin = since + keyword.start()
        remainder = remainder or statement_word(keyword.group(0)) in ("atlikums", "neizmantotais")
    if line_start is not None:
        begin = min(begin, line_start)
    right = s[m.end() :]
    words_start = len(right) - len(skip_parenthesis(_CURRENCY_LEAD.sub("", right, count=1)))
    words = right[words_start:]
    stop = CLAUSE_END.search(words)
    named = purpose_words(words[: stop.start()] if stop else words)
    if named is not None:
        end = m.end() + words_start + named.end()
    verb = remainder_verb(right) if remainder else None
    if verb is not None:
        end = max(end, m.end() + verb.end())
    return begin, end


_CURRENCY_LEAD = re.compile(rf"^\s*(?:{CURRENCY})[\s,.]*", re.I)
# A sentence's or a paragraph's end: a stop before a capital or a number ("… tiešsaistē.
# 5.1. Skaidrojums"), a stop after an abbreviation ("t.sk.", "Nr.") being none; or a blank
# line before a line that does not go on in small letters (a wrapped line that does is a
# page's break inside a statement).
_UNIT_END = re.compile(
    rf"(?<![{LETTER}]\.sk)(?<!\.\ssk)(?<!\bNr)(?<!\bnr)(?<!\bu\.c)(?<!\butt)"
    rf"[.!?](?=(?:[ \t\u00a0\ue000]+\n?|\n)[ \t\u00a0\ue000]*[A-ZĀČĒĢĪĶĻŅŠŪŽ\d])"
    rf"|\n[ \t\u00a0\ue000]*\n(?=\s*[^\sa-zāčēģīķļņšūž])"
    rf"|\n(?=[ \t\u00a0\ue000]*[A-ZĀČĒĢĪĶĻŅŠŪŽ\d])"
)


def unused_lines(section: SourcedText, used: set[int]) -> tuple[SourcedText, ...]:
    """The section's lines the reader used nothing of: an explanation ("5.1. Skaidrojums",
    "Atlikums radās ietaupījuma dēļ …"), kept as written rather than lost. `used` holds the
    source offsets of what the reader took (amounts, the words saying what each is, the
    words naming a year); a sentence with any of them was read, its wrapped lines too
    ("t.sk.", "reģionā;"). A line ending in a colon heads the lines under it, one of column
    names heads a table; a rule, a lone number or "Nav" says nothing: none is kept. A line
    going on in small letters with the sentence of the kept line before, a page's blank
    lines between them or not, is one text."""
    text = section.text
    read = [False] * len(text)
    bounds = [0, *(u.end() for u in _UNIT_END.finditer(text)), len(text)]
    for begin, end in itertools.pairwise(bounds):
        if any(o in used for o in section.offsets[begin:end]):
            read[begin:end] = [True] * (end - begin)
    kept: list[list[SourcedText]] = []
    begin, joins = 0, False
    for line in text.split("\n"):
        end = begin + len(line)
        s = line.strip(" \t\u00a0\ue000")
        if s and not any(read[begin:end]) and not _no_note(s):
            if joins and re.match(rf"[{LOWER}]", s):
                kept[-1].append(section[begin:end].strip())
            else:
                kept.append([section[begin:end].strip()])
            joins = not re.search(r"[.!?:;]$", s)
        elif s:
            joins = False
        # a blank line (a page's break) leaves a sentence going on after it in small letters
        begin = end + 1
    return tuple(SourcedText.join(lines, " ") for lines in kept)


def _no_note(s: str) -> bool:
    """A line that says nothing of its own: a heading over lines (its colon), a table's
    column names, a rule, a number, "Nav"."""
    return (
        s.endswith(":")
        or is_header_row(s)
        or re.fullmatch(r"[\W\d_]*(?:nav|n/a)?[\W\d_]*", s, re.I) is not None
    )
