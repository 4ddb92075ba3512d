"""A PDF's characters as words and lines, and the paragraphs and list items those lines were.

A PDF keeps where each glyph was drawn, not the paragraphs it came from, so they are told
from how the office software laid them out:

- a line breaks inside a paragraph only where the next word did not fit: when the first word
  of a line would have fitted at the end of the line before it, that line ended its paragraph;
- a list item's bullet or number stands at the margin and its text at the hanging indent (a
  tab stop after the marker, or where the item's wrapped lines begin); a list whose items
  show no marker is indented text; a line back at the margin after a list is a paragraph
  again;
- a vertical gap larger than the line spacing separates paragraphs;
- some printers (Chromium) draw no space glyph where a line wrapped: there, a line's missing
  space is no sign that its paragraph ended, and a line spaced further from the one before
  than the wrapped lines are is a new paragraph (a paragraph's margin);
- italics are in the glyphs' font name ("…-Italic", "…-Oblique").
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.documents.layout import letters

# Symbol-font bullets come out as private-use code points.
_SYMBOL_BULLETS = re.compile("[\uf0b7\uf0a7\uf076\uf0d8\uf0fc\uf0a8]")
_BULLET = re.compile(r"[-•◦▪▫‣∙·●○■□➢➤✓✔–—o]")
_NUMBER = re.compile(r"(?:\d{1,3}|[a-zA-Z]|[ivxIVX]{1,5})[.)]")
_PAGE_MARKS = re.compile("[\ue000-\ue0ff]")
_ITALIC = re.compile(r"italic|oblique", re.IGNORECASE)
# A line ends inside a word only after one of these (LibreOffice and Word break there), or
# anywhere in an address too long for the line.
_BREAKS_AFTER = ("-", "/", "–", "—")
_SLACK = 0.3  # points
_ALIGNED = 1.0  # points: lines starting this close start at the same indent
# A date cut inside its year: "28.01.202", "09.20".
_CUT_DATE = re.compile(r"(?<![\d.])(?:\d{1,2}\.){1,2}\d{1,3}$")
_CUT_ROOM = 1.5  # spaces: the room a line cut inside a word leaves, at least
_ADDRESS = re.compile(r"://|www\.|\w\.[a-z]{2,}/", re.IGNORECASE)


@dataclass(slots=True)
class Word:
    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    page: int
    italic: bool
    space_before: bool = True
    lead: float = 0.0  # the width of its first glyph
    spaced: bool = False  # a space glyph stands before it


@dataclass(slots=True)
class Line:
    words: list[Word]
    ends_with_space: bool = False
    space: float = 0.0  # the width of a space in this line's font

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def page(self) -> int:
        return self.words[0].page

    @property
    def size(self) -> float:
        return max(w.size for w in self.words)


@dataclass(slots=True)
class Paragraph:
    marker: str | None  # a list item's marker as the text layout writes it, "" when none shows
    words: list[Word] = field(default_factory=list)


def centre_in(obj: dict[str, Any], box: tuple[float, float, float, float]) -> bool:
    """Whether a glyph belongs to a box: by its middle, so a glyph whose ascender pokes above
    a row's rule still belongs to its own row, not the one above."""
    x0, top, x1, bottom = box
    x = (float(obj["x0"]) + float(obj["x1"])) / 2
    y = (float(obj["top"]) + float(obj["bottom"])) / 2
    return x0 <= x <= x1 and top <= y <= bottom


def lines_of(chars: Iterable[dict[str, Any]], page: int) -> list[Line]:
    """Glyphs into lines (top to bottom) of words (left to right). A space glyph or a gap
    wider than a quarter of the font size separates words; a change between upright and
    italic starts a new word without a space, so runs keep their spacing."""
    rows: list[list[dict[str, Any]]] = []
    for char in sorted(chars, key=lambda c: (float(c["top"]), float(c["x0"]))):
        size = float(char.get("size") or 10.0)
        if rows and abs(float(char["top"]) - float(rows[-1][0]["top"])) < size * 0.4:
            rows[-1].append(char)
        else:
            rows.append([char])
    lines = []
    for row in rows:
        line = _line(sorted(row, key=lambda c: float(c["x0"])), page)
        if line is not None:
            lines.append(line)
    return lines


def _line(chars: list[dict[str, Any]], page: int) -> Line | None:
    words: list[Word] = []
    pending_space = False
    spaces: list[float] = []
    for char in chars:
        # A ligature glyph is its letters already here, so that words are measured and
        # compared (addresses, markers) as they are written out.
        text = letters(_SYMBOL_BULLETS.sub("•", str(char["text"])))
        # Private-use code points below the symbol fonts' range mark pages in the rendering.
        text = _PAGE_MARKS.sub("", text)
        if not text or text.isspace():
            pending_space = bool(words) or pending_space
            if text == " ":
                spaces.append(float(char["x1"]) - float(char["x0"]))
            continue
        size = float(char.get("size") or 10.0)
        italic = bool(_ITALIC.search(str(char.get("fontname", ""))))
        x0, x1 = float(char["x0"]), float(char["x1"])
        last = words[-1] if words else None
        gap = x0 - last.x1 if last is not None else 0.0
        if last is not None and not pending_space and gap < size * 0.25:
            if italic == last.italic:
                last.text += text
                last.x1 = max(last.x1, x1)
                last.top = min(last.top, float(char["top"]))
                last.bottom = max(last.bottom, float(char["bottom"]))
                continue
            words.append(_word(char, text, page, italic, space_before=False))
            continue
        words.append(_word(char, text, page, italic, space_before=bool(words)))
        words[-1].spaced = pending_space
        pending_space = False
    if not words:
        return None
    # DejaVu and Liberation spaces are about a third of the font size.
    space = sorted(spaces)[len(spaces) // 2] if spaces else words[0].size * 0.318
    return Line(words, ends_with_space=pending_space, space=space)


def _word(char: dict[str, Any], text: str, page: int, italic: bool, space_before: bool) -> Word:
    return Word(
        text,
        float(char["x0"]),
        float(char["x1"]),
        float(char["top"]),
        float(char["bottom"]),
        float(char.get("size") or 10.0),
        page,
        italic,
        space_before,
        float(char["x1"]) - float(char["x0"]),
    )


def _marker(
    line: Line, margin: float, hanging: Sequence[float] = ()
) -> tuple[str | None, list[Word]]:
    """A bullet or number at the margin with the text at a tab stop after it, or where the
    cell's indented lines begin (a hanging indent set off by a space): a list item."""
    words = line.words
    first = words[0]
    if len(words) < 2 or first.x0 > margin + first.size * 0.5:
        return None, words
    gap = words[1].x0 - first.x1
    # Justified text spreads every space of a line alike: a tab stands out from them.
    spread = max(
        (b.x0 - a.x1 for a, b in itertools.pairwise(words[1:]) if b.space_before), default=0.0
    )
    tab = gap > first.size * 0.6 and gap > spread + _ALIGNED
    if not tab and not any(abs(words[1].x0 - x) <= _ALIGNED for x in hanging):
        return None, words
    if _BULLET.fullmatch(first.text):
        return "- ", words[1:]
    if _NUMBER.fullmatch(first.text):
        return first.text + " ", words[1:]
    return None, words


def _ended(
    previous: Line,
    line: Line,
    margin: float,
    right: float,
    centred: bool,
    tail: str,
    wrap_spaces: bool = True,
) -> bool:
    """Whether `previous` ended its paragraph.

    It did when the first word of `line` (up to its first space) would have fitted at its
    end, after a space or straight on after a hyphen or slash the line broke at. It did not
    when it ends with a space glyph: the office software draws the space a line wrapped at
    when it fits inside the margin, and a paragraph's last line has none (where the printer
    draws no such spaces, `wrap_spaces` is false and only the fit tells). Centred text has
    its room on both sides. `tail` is the paragraph's last word so far, for addresses broken
    over lines.
    """
    room = right - previous.x1
    if centred:
        room += previous.x0 - margin
    words = line.words
    end = 1
    while end < len(words) and not words[end].space_before:
        end += 1
    width = words[end - 1].x1 - words[0].x0
    broke_in_word = _broke_in_word(previous, tail, line, room) or (
        wrap_spaces and _cut(previous, line, right - previous.x1)
    )
    # The office software wraps where the next word would overrun the margin; it measures in
    # its own units, so a word that would have fitted to within a fraction of a point is not
    # taken as proof that the paragraph ended.
    if width + (0.0 if broke_in_word else previous.space) <= room - _SLACK:
        return True
    if not wrap_spaces or previous.ends_with_space or broke_in_word:
        return False
    return previous.space <= room - _SLACK


def _broke_in_word(previous: Line, tail: str, line: Line, room: float) -> bool:
    """Whether `previous` broke inside a word: after a hyphen or slash, or inside an address.
    An address does not go on with a capital letter (that is the next sentence), unless a
    full line broke it amid capitals."""
    if previous.ends_with_space:
        return False
    if tail.endswith(_BREAKS_AFTER) and len(tail) > 1:  # a dash of its own is a word
        return True
    if not _ADDRESS.search(tail):
        return False
    first = line.words[0]
    full = room < (first.x1 - first.x0) / max(len(first.text), 1) + _SLACK
    return not first.text[:1].isupper() or (full and tail[-1:].isupper())


def _cut(previous: Line, line: Line, room: float) -> bool:
    """Whether the office software cut a word too long for the line where the line was full
    (a date or a header word in a narrow column: "28.01.202" / "3.", "Dalībnie" / "ki").

    The line ends with no space, closer to its edge than the next line's first glyph is
    wide, and the next line goes on in lower case or digits. A date cut inside its year
    shows it by itself. A word's letters only where the word began the line (it was too long
    for any) and the line ends clearly further from the edge than a space is wide: a line
    wrapped at a space that did not fit there shows no space either ("Norises" / "laiks"),
    and the office software's measure differs from the PDF's by about a point.
    """
    if previous.ends_with_space or not line.words:
        return False
    tail, head = previous.words[-1].text, line.words[0].text
    if room >= line.words[0].lead + _SLACK or not head[:1].isalnum() or head[:1].isupper():
        return False
    if _CUT_DATE.search(tail) and head[:1].isdigit():
        return True
    whole = not any(w.space_before for w in previous.words[1:])
    return whole and tail[-1:].isalpha() and room >= _CUT_ROOM * previous.space


def _tail(words: Sequence[Word]) -> str:
    """The last word as written: the run of words with no space between them."""
    start = len(words) - 1
    while start > 0 and not words[start].space_before:
        start -= 1
    return "".join(w.text for w in words[start:])


def wraps_spaces(lines: Iterable[Line]) -> bool:
    """Whether the printer drew the space a line wrapped at (LibreOffice, Word), as some
    line of the document shows; Chromium draws none."""
    return any(line.ends_with_space for line in lines)


def _pitch(lines: Sequence[Line]) -> float | None:
    """The distance from one line's top to the next within a paragraph: the smallest that
    recurs (a line raised by a superscript is once closer), else the smallest there is."""
    pitches = [
        round((b.top - a.top) * 2) / 2
        for a, b in itertools.pairwise(lines)
        if a.page == b.page and b.top > a.top
    ]
    recurring = [p for p in pitches if pitches.count(p) > 1]
    return min(recurring or pitches, default=None)


def _set_off(lines: Sequence[Line], margin: float, right: float) -> bool:
    """Whether a cell's lines are centred (a header's) or set flush right (an amount's), some
    of them away from the margin: their room is on the left, none of them is indented.
    A line filling the width is centred as much as any."""
    if not any(ln.x0 - margin > ln.size * 0.5 for ln in lines):
        return False
    middle = all(abs((ln.x0 - margin) - (right - ln.x1)) <= 2 * _ALIGNED for ln in lines)
    return middle or all(abs(right - ln.x1) <= 2 * _ALIGNED for ln in lines)


def _middle(line: Line, margin: float, right: float) -> bool:
    left = line.x0 - margin
    return left > line.size * 0.5 and abs(left - (right - line.x1)) <= 2 * _ALIGNED


def paragraphs(
    lines: Sequence[Line],
    margin: float,
    right: float,
    centred: bool = False,
    wrap_spaces: bool = True,
) -> list[Paragraph]:
    """A cell's (or the page body's) lines, from `margin` to `right`, as its paragraphs.
    `wrap_spaces`: whether the printer draws the space a line wrapped at (`wraps_spaces`)."""
    out: list[Paragraph] = []
    previous: Line | None = None
    # A cell whose every line stands in its middle (a header's) or at its right (an amount's)
    # is centred or set right, not indented.
    middle = not centred and _set_off(lines, margin, right)
    centred = centred or middle
    hanging = [ln.x0 for ln in lines if ln.x0 > margin + ln.size * 0.5 and not middle]
    # A larger font (a title's) is spaced wider than the text under it: each size its own.
    sizes = {round(ln.size, 1) for ln in lines}
    pitches = {
        size: None if wrap_spaces else _pitch([ln for ln in lines if round(ln.size, 1) == size])
        for size in sizes
    }
    for line in lines:
        marker, words = _marker(line, margin, hanging)
        # Outside a table, a centred line (a title's) is off the margin but not indented.
        indented = (
            line.x0 > margin + line.size * 0.5
            and not middle
            and not (centred and _middle(line, margin, right))
        )
        gap = (
            previous is not None
            and line.page == previous.page
            and line.top - previous.bottom > line.size * 0.6
        )
        pitch = pitches[round(line.size, 1)]
        loose = (
            pitch is not None
            and previous is not None
            and line.page == previous.page
            and line.top - previous.top > pitch + line.size * 0.1
        )
        if marker is not None:
            out.append(Paragraph(marker, list(words)))
        elif (
            previous is None
            or gap
            or loose
            or _ended(previous, line, margin, right, centred, _tail(out[-1].words), wrap_spaces)
            or (out[-1].marker is None and indented)
            or (out[-1].marker is not None and not indented)
        ):
            out.append(Paragraph("" if indented else None, list(words)))
        else:
            # A word broken over the lines goes on without a space.
            room = right - previous.x1
            words[0].space_before = not (
                _broke_in_word(previous, _tail(out[-1].words), line, room)
                or (wrap_spaces and _cut(previous, line, room))
            )
            out[-1].words.extend(words)
        previous = line
    for para in out:
        if para.words:
            para.words[0].space_before = False
    return out
