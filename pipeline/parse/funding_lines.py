"""Forms of the funding section read before its text is collapsed into one line, or around
the amounts themselves: a purpose line with its amount after the purpose ("pilsoniskās
sabiedrības attīstībai Kurzemes reģionā: EUR 30 000"), amounts in thousands, and prose
paragraphs opened by their calendar year ("2023. gadā piešķirti 45 000 EUR, …").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Purpose
from pipeline.parse.funding_money import THOUSANDS
from pipeline.parse.funding_words import (
    CALENDAR_KEY,
    MONEY_IN_TEXT,
    NEW_STATEMENT,
    ORDINAL_ROW,
    STATEMENT_VERB,
    TEXT_KEY,
    counts_as_money,
    is_header_row,
    names_both_purposes,
    purpose_of,
    split_text,
)
from pipeline.parse.text import SourcedText

_LETTER = r"\wāčēģīķļņšūž"


def money_matches(s: str) -> list[re.Match[str]]:
    """The amounts of a text in order: those in thousands ("54 tūkst. EUR") whole, and every
    other amount MONEY_IN_TEXT finds outside them (not the "54" of "54 tūkst.")."""
    rounded = list(THOUSANDS.finditer(s))
    plain = [
        m
        for m in MONEY_IN_TEXT.finditer(s)
        if not any(m.start() < r.end() and r.start() < m.end() for r in rounded)
    ]
    return sorted([*rounded, *plain], key=lambda m: m.start())


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
    for line in split_text(section, "\n"):
        s = line.text
        if not s.strip() or _has_money(s) or NEW_STATEMENT.search(s):
            for first in range(len(before) + 1):
                # the fewest lines of words before it that make it a purpose line
                lead = before[len(before) - first :] if first else []
                found = purpose_line(s, " ".join(p.text.strip() for p in lead))
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
    if before and not (opened and opened.group(0).strip()):
        return None  # wrapped words open with their bullet, or the line is no list's
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
# after a sentence's end.
CALENDAR_SENTENCE = re.compile(
    rf"(?:^|(?<=[.;!?]\s)|(?<=[.;!?]\s\s))\s*(?P<year>\d{{4}})\.\s?gadā(?![{_LETTER}])"
)


def calendar_sentences(text: str) -> list[re.Match[str]]:
    """The sentences opening a paragraph of a calendar year's money, when each names a later
    year than the one before (one paragraph per year); otherwise none (the years' money
    cannot be told apart)."""
    found = list(CALENDAR_SENTENCE.finditer(text))
    years = [int(m.group("year")) for m in found]
    if not found or years != sorted(set(years)):
        return []
    return found


# A year's money not yet known: "Gads nav noslēdzies", "atlikums tiks norādīts gala
# kopsavilkumā", "Faktiski izlietots līdz 30.09.2025.": what is left is not a remainder yet.
UNFINISHED = re.compile(
    rf"(?<![{_LETTER}])(?:gads|periods)\s+(?:vēl\s+)?nav\s+(?:noslēdzies|noslēgts|beidzies)"
    rf"|atlikums\s+tiks\s+norādīts"
    rf"|(?:faktiski|izlietot[{_LETTER}]*)[\s:]+(?:izlietot[{_LETTER}]*\s+)?līdz\s+\d{{1,2}}\.\d{{1,2}}\.",
    re.I,
)


def unused_lines(section: SourcedText) -> tuple[SourcedText, ...]:
    """The section's lines that hold no money, name no year and open no statement: an
    explanation ("5.1. Skaidrojums", "Atlikums radās ietaupījuma dēļ …"), kept as written
    rather than lost. A line ending in a colon heads the lines under it; one of column
    names heads a table."""
    kept = []
    for line in split_text(section, "\n"):
        s = line.text.strip(" \t\u00a0\ue000")
        if not s or _has_money(s) or s.endswith(":") or is_header_row(s):
            continue
        if TEXT_KEY.search(s) or CALENDAR_KEY.match(s) or ORDINAL_ROW.match(s):
            continue
        if re.fullmatch(r"[\W\d_]*(?:nav|n/a)?[\W\d_]*", s, re.I):
            continue  # a rule, a number, "Nav"
        kept.append(line.strip())
    return tuple(kept)
