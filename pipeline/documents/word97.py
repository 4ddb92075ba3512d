"""Word 97–2003 documents (.doc), read into the blocks the .docx reader gives, so a report
saved in the older format reads as the same report saved as .docx.

A .doc is an OLE compound file (read with `olefile`): its WordDocument stream holds the FIB
and the text, its table stream the tables saying what the text is (`word97_fib`).

Structure is in the text as control characters ([MS-DOC] 2.4): a paragraph ends with "\\r",
a table cell's last paragraph with "\\x07" instead, and a row with one more paragraph of its
own (`word97_tables`). "\\x0b" is a line break inside a paragraph, "\\x0c" a page break, or
the end of a section and its last paragraph. A field is "\\x13" code "\\x14" result "\\x15":
the document shows its result. Pictures, drawings, footnote and comment marks are characters
standing for what is elsewhere, no text; a symbol of a symbol font stands as "(".

What the .docx reader reads, this reader reads alike: text deleted with the changes tracked
is left out (its paragraph and cell marks stay, as the .docx reader keeps the paragraphs),
and so is a row whose end is deleted; a run is italic by its own formatting or its character
style; list numbers are counted from the list tables (`word97_lists`); a text box is read
after the paragraph it is anchored in (`word97_shapes`); a footnote shows its number after
its reference and the notes follow the body, and a title written only in the first page's
header comes first (`word97_notes`).
"""

from __future__ import annotations

import bisect
import io
import struct
from collections.abc import Iterator
from dataclasses import dataclass

import olefile

from pipeline.documents.header_title import body_lacks_title, title_paragraphs
from pipeline.documents.layout import BREAK, Block, Para, Run
from pipeline.documents.numbering import Numbering
from pipeline.documents.word97_fib import (
    BOXES,
    FOOTNOTES,
    HEADERS,
    MAIN,
    Fib,
    Piece,
    Word97Encrypted,
    Word97Error,
    Word97TooOld,
    read_fib,
    read_pieces,
)
from pipeline.documents.word97_lists import read_numbering
from pipeline.documents.word97_notes import SUPERSCRIPT, first_page_headers, read_footnotes
from pipeline.documents.word97_props import (
    C_DELETED,
    C_ISTD,
    C_ITALIC,
    C_SYMBOL,
    PropertyError,
    Ranges,
    Sprms,
    Style,
    character_ranges,
    flag,
    paragraph_ranges,
    read_styles,
    style_chain,
)
from pipeline.documents.word97_shapes import anchored_boxes
from pipeline.documents.word97_tables import Paragraph, assemble

__all__ = ["Word97Encrypted", "Word97Error", "Word97TooOld", "read_doc"]

# The tables used here, by their index in the FIB's FibRgFcLcb97.
_STYLES, _FOOTNOTE_REFERENCES, _FOOTNOTE_TEXTS, _SECTIONS = 1, 2, 3, 6
_HEADERS, _CHPX, _PAPX, _CLX = 11, 12, 13, 33
_ANCHORS, _DRAWINGS, _BOXES, _LISTS, _OVERRIDES = 40, 50, 56, 73, 74
_DEFAULT_CHARACTER_STYLE = 10  # "Default Paragraph Font"
_MARKS = "\r\x07"
# What a character shows, where it is not itself. Page and column breaks show nothing in the
# .docx reader's text, nor does a soft hyphen; a non-breaking hyphen is a hyphen.
_SHOWN = {"\x0b": BREAK, "\x0c": "", "\x0e": "", "\x1e": "-", "\x1f": "", "\t": "\t"}
_SYMBOL = "("  # a symbol font's character stands here, as "(" (sprmCSymbol)
_FOOTNOTE_MARK = "\x02"


def read_doc(data: bytes) -> list[Block]:
    try:
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            if not ole.exists("WordDocument"):
                raise Word97Error("the file has no WordDocument stream")
            word = ole.openstream("WordDocument").read()
            fib = read_fib(word)
            if not ole.exists(fib.table_stream):
                raise Word97Error(f"the {fib.table_stream} stream is missing")
            table = ole.openstream(fib.table_stream).read()
            extra = ole.openstream("Data").read() if ole.exists("Data") else b""
        return _Reader(word, table, extra, fib).blocks()
    except (OSError, ValueError, IndexError, KeyError, struct.error, PropertyError) as exc:
        raise Word97Error(str(exc) or exc.__class__.__name__) from exc


#: How a run says it is italic: its own sprmCFItalic operand (-1: none) and its character style.
_Italic = tuple[int, int]
_UPRIGHT: _Italic = (0, _DEFAULT_CHARACTER_STYLE)


@dataclass(frozen=True, slots=True)
class _Char:
    cp: int
    char: str
    italic: _Italic
    deleted: bool
    symbol: bool


class _Reader:
    def __init__(self, word: bytes, table: bytes, extra: bytes, fib: Fib) -> None:
        self.word, self.table, self.fib = word, table, fib
        self.pieces = sorted(read_pieces(table, fib.place(_CLX)), key=lambda p: p.start)
        self.piece_starts = [p.start for p in self.pieces]
        self.paragraphs: Ranges = paragraph_ranges(word, table, fib.place(_PAPX), extra)
        self.characters: Ranges = character_ranges(word, table, fib.place(_CHPX))
        self.styles: dict[int, Style] = read_styles(table, fib.place(_STYLES))
        self.numbering: Numbering = read_numbering(table, fib.place(_LISTS), fib.place(_OVERRIDES))
        self.section_ends = _section_ends(table, fib.place(_SECTIONS))
        self.footnotes = read_footnotes(
            table,
            fib.place(_FOOTNOTE_REFERENCES),
            fib.place(_FOOTNOTE_TEXTS),
            fib.story(FOOTNOTES)[0],
        )
        self.referred: list[tuple[str, int]] = []  # (mark shown, footnote), in order

    def blocks(self) -> list[Block]:
        boxes = anchored_boxes(
            self.table,
            self.fib.place(_BOXES),
            self.fib.story(BOXES)[0],
            self.fib.place(_ANCHORS),
            self.fib.place(_DRAWINGS),
        )
        body = self.assemble(self.paras(*self.fib.story(MAIN), boxes))
        notes: list[Block] = []
        for mark, note in self.referred:
            texts = [_plain(p) for p in self.paras(*self.footnotes.texts[note], {})]
            notes.append(Para((Run(" ".join([mark, *(t for t in texts if t)])),)))
        return [*self.header_title(body), *body, *([Para(())] if notes else []), *notes]

    def assemble(self, paras: list[Paragraph]) -> list[Block]:
        return assemble(paras, self.styles, self.numbering)

    def header_title(self, body: list[Block]) -> list[Block]:
        """The first page's header paragraphs that hold the title, where the body before its
        first label has none."""
        if not body_lacks_title(body):
            return []
        stories = first_page_headers(
            self.word,
            self.table,
            self.fib.place(_HEADERS),
            self.fib.place(_SECTIONS),
            self.fib.story(HEADERS)[0],
        )
        return title_paragraphs(
            [_plain(p) for p in self.assemble(self.paras(start, end, {})) if isinstance(p, Para)]
            for start, end in stories
        )

    def paras(
        self, start: int, end: int, anchored: dict[int, list[tuple[int, int]]]
    ) -> list[Paragraph]:
        """The paragraphs of the text from `start` to `end`, each with what it shows and its
        properties, and after each the paragraphs of the text boxes anchored in it."""
        out: list[Paragraph] = []
        runs: list[tuple[str, _Italic]] = []
        boxes: list[Paragraph] = []
        fields: list[bool] = []  # per open field: still in its code
        for c in self.chars(start, end):
            for box_start, box_end in anchored.get(c.cp, ()):
                boxes.extend(self.paras(box_start, box_end, {}))
            if c.char == "\x13":
                fields.append(True)
            elif c.char == "\x14" and fields:
                fields[-1] = False
            elif c.char == "\x15" and fields:
                fields.pop()
            elif c.char in _MARKS or (c.char == "\x0c" and c.cp + 1 in self.section_ends):
                style, props = self.paragraph_props(c.cp)
                shown = self.runs(runs, style)
                out.append(Paragraph(shown, c.char, c.deleted, style, props, tuple(boxes)))
                runs, boxes = [], []
            elif not (c.deleted or any(fields)):
                runs.append((_shown(c), c.italic))
                if c.char == _FOOTNOTE_MARK and c.cp in self.footnotes.references:
                    # Word numbers footnotes in the order they are referred to
                    mark = str(len(self.referred) + 1).translate(SUPERSCRIPT)
                    self.referred.append((mark, self.footnotes.references[c.cp]))
                    runs.append((mark, _UPRIGHT))
        if runs or boxes:  # text after the last mark: a document cut short
            out.append(Paragraph(self.runs(runs, 0), "\r", False, 0, {}, tuple(boxes)))
        return out

    def runs(self, chars: list[tuple[str, _Italic]], paragraph_style: int) -> tuple[Run, ...]:
        out: list[Run] = []
        for text, how in chars:
            if not text:
                continue
            italic = self.italic(how, paragraph_style)
            if out and out[-1].italic == italic:
                out[-1] = Run(out[-1].text + text, italic)
            else:
                out.append(Run(text, italic))
        return tuple(out)

    def italic(self, how: _Italic, paragraph_style: int) -> bool:
        """Whether a run is italic as the .docx reader reads it: by its own formatting, else
        its character style's; a paragraph style's italics are not the run's. Its own
        formatting may say "the opposite of the style's" (0x81): Word saves that as .docx as
        the run's own italic or not, the paragraph style's counted."""
        own, character_style = how
        character = style_chain(self.styles, character_style)
        if own in (0, 1):
            return own == 1
        if own == 0x81:
            paragraph = _styled(style_chain(self.styles, paragraph_style), False)
            return not _styled(character, paragraph)
        return _styled(character, False)

    def chars(self, start: int, end: int) -> Iterator[_Char]:
        """The characters from CP `start` to `end`, each with its run's properties."""
        for piece in self.pieces:
            if piece.end <= start or piece.start >= end:
                continue
            first, last = max(piece.start, start), min(piece.end, end)
            text = piece.text(self.word, first, last)
            cp = first
            while cp < last:
                fc = piece.fc_of(cp)
                _, props = self.characters.at(fc)
                run_end = _run_end(self.characters, fc, piece, last)
                italic, deleted, symbol = _character({**props, **piece.changes})
                for i in range(cp, run_end):
                    yield _Char(i, text[i - first], italic, deleted, symbol)
                cp = run_end

    def paragraph_props(self, cp: int) -> tuple[int, Sprms]:
        """The style and own changes of the paragraph whose mark is at `cp`."""
        at = bisect.bisect_right(self.piece_starts, cp) - 1
        if at < 0 or cp >= self.pieces[at].end:
            return 0, {}
        piece = self.pieces[at]
        style, props = self.paragraphs.at(piece.fc_of(cp))
        return style, {**props, **piece.changes}


def _character(props: Sprms) -> tuple[_Italic, bool, bool]:
    """How a run says it is italic; whether it is deleted; whether it is a symbol, a character
    of a symbol font (sprmCSymbol) standing in the text as "("."""
    istd = props.get(C_ISTD)
    character_style = (
        int.from_bytes(istd, "little") if istd is not None else _DEFAULT_CHARACTER_STYLE
    )
    own = props.get(C_ITALIC, b"")[:1]
    symbol = C_SYMBOL in props  # Word writes no fSpec beside it
    return (own[0] if own else -1, character_style), flag(props, C_DELETED), symbol


def _styled(chain: list[Style], base: bool) -> bool:
    """The italic a style gives on top of `base`: each style from the first base on sets it,
    or keeps it (0x80), or turns it over (0x81)."""
    value = base
    for style in reversed(chain):
        own = style.character.get(C_ITALIC, b"")[:1]
        if own in (b"\x00", b"\x01"):
            value = own == b"\x01"
        elif own == b"\x81":
            value = not value
    return value


def _run_end(ranges: Ranges, fc: int, piece: Piece, last: int) -> int:
    """The CP after the last character of the piece sharing the run properties at `fc`."""
    cut = ranges.next_cut(fc)
    if cut is None:
        return last
    cp = piece.start + (cut - piece.fc + piece.size - 1) // piece.size
    return min(last, max(cp, piece.start + (fc - piece.fc) // piece.size + 1))


def _plain(paragraph: Para | Paragraph) -> str:
    """A paragraph's text as it reads, its ends stripped."""
    return "".join(r.text for r in paragraph.runs).strip()


def _shown(c: _Char) -> str:
    if c.char in _SHOWN:
        return _SHOWN[c.char]
    if c.char < " " or (c.symbol and c.char == _SYMBOL):
        return ""
    return c.char


def _section_ends(table: bytes, place: tuple[int, int]) -> set[int]:
    """The CPs ending each section (PlcfSed): a section's last mark ends its last paragraph."""
    fc, lcb = place
    if lcb < 4 or fc + lcb > len(table):
        return set()
    n = (lcb - 4) // 16  # n + 1 CPs, then n SED of 12 bytes
    return set(struct.unpack_from(f"<{n + 1}I", table, fc))
