"""What a printed page adds to a report's plain text and says nothing of the report: the
page breaks and page numbers a PDF converter writes (`pdftotext` ends each page with a form
feed, "\\f", after its footer "2" or "Lapa 2 no 3"), and the lines of "-----" or "=====" a
typist underlines a title or a label with (a Setext heading).

Left in, they are read as the text they stand in: "Cita informācija  Nav" over a footer
"2" and a form feed is the answer "Nav 2", no longer "none"; a label's underline stands
before its value's first word, where a legal form or a "Nav" is only read at the start.
Each such line is emptied (it stays a blank line, which parts paragraphs as it did), and a
form feed is dropped.

A line of a figure alone may be a value's own ("Faktiski:\\n52 000,00"): it is a page number
only where a page ends or begins beside it (a form feed, or the text's end after a blank
line) and it is that page's number, or where it says so ("Lapa 2 no 3", "2. lpp.").
"""

from __future__ import annotations

import re

from pipeline.parse.text import SourcedText

_FORM_FEED = "\x0c"
_SP = r"[ \u00a0\t]*"
# A page number alone: "2", "- 2 -", "2/3", "2 (3)".
_BARE_NUMBER = re.compile(
    _SP
    + r"(?:[-–—][ \u00a0]*)?\d{1,3}(?:[ \u00a0]*[-–—])?(?:[ \u00a0]*[/(][ \u00a0]*\d{1,3}\)?)?"
    + _SP
)
# A page number that names itself: "Lapa 2 no 3", "2. lapa no 3", "2. lpp.", "lpp. 2",
# "Page 2 of 3".
_NAMED_NUMBER = re.compile(
    _SP
    + r"(?i:(?:lapa|lappuse|lpp\.?|page)[ \u00a0]*\d{1,3}(?:[ \u00a0]*(?:no|of|/)[ \u00a0]*\d{1,3})?"
    r"|\d{1,3}\.?[ \u00a0]*(?:lapa|lappuse|lpp\.?)(?:[ \u00a0]*(?:no|/)[ \u00a0]*\d{1,3})?)"
    + r"\.?"
    + _SP
)
# An underline: three or more of one rule character, nothing else on the line.
_UNDERLINE = re.compile(_SP + r"(?:-{3,}|={3,})" + _SP)


def drop_page_furniture(text: SourcedText) -> SourcedText:
    """`text` without its page breaks, page numbers and underlines (see the module)."""
    s = text.text
    if _FORM_FEED not in s and not re.search(r"[-=\d]", s):
        return text
    lines = line_ranges(s)
    drop: list[tuple[int, int]] = []
    for k, (start, end) in enumerate(lines):
        line = s[start:end].replace(_FORM_FEED, "")
        if not line.strip():
            continue
        numbered = (
            _BARE_NUMBER.fullmatch(line)
            and _beside_page_break(s, lines, k)
            and _numbers_its_page(s, start, line)
        )
        if numbered or _UNDERLINE.fullmatch(line) or _NAMED_NUMBER.fullmatch(line):
            drop.append((start, end))
    drop += [(m.start(), m.end()) for m in re.finditer(_FORM_FEED, s)]
    if not drop:
        return text
    return _without(text, drop)


def _numbers_its_page(s: str, start: int, line: str) -> bool:
    """Whether the figure alone on the line at `start` is the number of the page it stands
    on (counted by the form feeds before it; one off, for an unnumbered cover page or a
    footer read after its page's form feed): "kopskaits:⏎40⏎\f" on the first page is a
    value, not a page number."""
    page = s.count(_FORM_FEED, 0, start) + 1
    figure = re.search(r"\d+", line)
    return figure is not None and abs(int(figure.group(0)) - page) <= 1


def _beside_page_break(s: str, lines: list[tuple[int, int]], k: int) -> bool:
    """Whether a page ends or begins at line `k`: a form feed on it, on the nearest line
    with text before or after it, or the text's end after a blank line."""

    def near(step: int) -> tuple[int, int] | None:
        j = k + step
        while 0 <= j < len(lines):
            start, end = lines[j]
            if s[start:end].strip(" \u00a0\t") or _FORM_FEED in s[start:end]:
                return lines[j]
            j += step
        return None

    start, end = lines[k]
    if _FORM_FEED in s[start:end]:
        return True
    before, after = near(-1), near(1)
    # a form feed opens the line of the page after the footer; or closes the header's page
    if after is not None and s[after[0] : after[1]].lstrip(" \u00a0\t").startswith(_FORM_FEED):
        return True
    if (
        before is not None
        and _FORM_FEED in s[before[0] : before[1]]
        and not s[before[0] : before[1]].replace(_FORM_FEED, "").strip()
    ):
        return True
    if after is None and before is not None:
        return k > 0 and not s[lines[k - 1][0] : lines[k - 1][1]].strip()
    return False


def _without(text: SourcedText, ranges: list[tuple[int, int]]) -> SourcedText:
    pieces: list[SourcedText] = []
    pos = 0
    for start, end in sorted(ranges):
        if start < pos:
            start = pos
        pieces.append(text[pos:start])
        pos = max(pos, end)
    pieces.append(text[pos:])
    return SourcedText.join(pieces, "")


def line_ranges(s: str) -> list[tuple[int, int]]:
    """Each line's (start, end) in `s`, without its break (a line or a soft break)."""
    out, start = [], 0
    for m in re.finditer(r"[\n\x0b]", s):
        out.append((start, m.start()))
        start = m.end()
    out.append((start, len(s)))
    return out


# -- a page's footer -----------------------------------------------------------------------
# A report copied from a web page, or printed from one, ends with the page's footer: its
# copyright line ("© Kultūras ministrija, 2025 | Sīkdatņu politika | Piekļūstamības
# paziņojums", "Copyright 2024 …", "(c) 2024 …") and the site's links around it ("Sīkdatņu
# politika | Lapas karte"). Left in the last section's value it is read as its answer (a
# "Nav" with the footer after it is no longer "none"). Unlike a page number it says
# something (whose page it was), so it is not dropped: it is cut off the value and kept as
# the report's own text, in no section. Known only by the copyright line: links alone may be
# a value's own words.
_COPYRIGHT = re.compile(
    _SP + r"(?:©|\([cC]\)(?=[ \u00a0]*(?:\d|[A-ZĀČĒĢĪĶĻŅŠŪŽ]))|(?i:copyright\b))[^\n\x0b]*"
)
# A line of the site's links: two or more short names parted by "|" (or "·", "•").
_LINKS = re.compile(
    _SP + r"[^\W\d_][^|·•\n\x0b\d]{0,40}(?:[ \u00a0]+[|·•][ \u00a0]+[^\W\d_][^|·•\n\x0b\d]{0,40})+"
)


def footer_start(text: SourcedText, whole: bool) -> int | None:
    """Where the page footer closing `text` begins (see above): its last lines, each a
    copyright line or a line of links, one a copyright line. With `whole` the footer must be
    all of `text`; else other text must stand before it. None when there is no footer."""
    s = text.text
    first: int | None = None
    copyright_seen = False
    other_before = False
    for start, end in reversed(line_ranges(s)):
        line = s[start:end]
        if not line.strip(" \u00a0\t\x0c"):
            continue
        if _COPYRIGHT.fullmatch(line):
            copyright_seen = True
        elif not _LINKS.fullmatch(line):
            other_before = True
            break
        first = start
    if first is None or not copyright_seen or other_before is whole:
        return None
    return first
