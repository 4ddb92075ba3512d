"""PDF with a text layer, read with pdfplumber (on pdfminer.six).

Where a page has a table (the template's ruled label/value table), its cells are read as
cells and written as the text reports' `label<TAB>value` rows; a cell's wrapped lines are
joined with spaces. Text outside tables is read in reading order, one line per line. Pages
follow each other with a line break; where each begins is kept as the page map.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.documents.layout import Para, Run, render_cell


class PdfEncrypted(Exception):
    """The PDF needs a password to be opened."""


class PdfUnreadable(Exception):
    """The PDF is damaged or truncated."""


@dataclass(frozen=True, slots=True)
class PdfText:
    text: str
    page_starts: tuple[int, ...]
    chars: int  # characters in the text layer, over all pages
    images: int  # pictures on the pages: a scan has these and no characters


# Symbol-font bullets come out as private-use code points.
_BULLETS = re.compile("[\uf0b7\uf0a7\uf076\uf0d8\uf0fc]")
_SPACE = re.compile(r"[ \t\r\x0b\x0c]+")


def read_pdf(data: bytes) -> PdfText:
    try:
        with pdfplumber.open(io.BytesIO(data)) as pdf:
            return _read(pdf.pages)
    except PdfminerException as exc:
        cause = exc.args[0] if exc.args else exc
        if isinstance(cause, PDFPasswordIncorrect | PDFEncryptionError):
            raise PdfEncrypted(str(cause)) from exc
        raise PdfUnreadable(str(cause) or cause.__class__.__name__) from exc
    except (PDFPasswordIncorrect, PDFEncryptionError) as exc:
        raise PdfEncrypted(str(exc)) from exc
    except (ValueError, KeyError, TypeError, AssertionError, OSError, IndexError) as exc:
        # pdfminer reports broken object streams with whatever error the parse ran into.
        raise PdfUnreadable(str(exc) or exc.__class__.__name__) from exc


def _read(pages: list[Page]) -> PdfText:
    lines: list[str] = []
    starts: list[int] = []
    offset = 0
    chars = images = 0
    for page in pages:
        chars += len(page.chars)
        images += len(page.images)
        starts.append(offset)
        page_lines = _page_lines(page)
        lines.extend(page_lines)
        offset += sum(len(line) + 1 for line in page_lines)
    return PdfText("\n".join(lines) + "\n", tuple(starts), chars, images)


def _page_lines(page: Page) -> list[str]:
    tables = page.find_tables()
    boxes = [t.bbox for t in tables]

    def outside(obj: dict[str, Any]) -> bool:
        x = (obj["x0"] + obj["x1"]) / 2
        y = (obj["top"] + obj["bottom"]) / 2
        return not any(x0 <= x <= x1 and top <= y <= bottom for x0, top, x1, bottom in boxes)

    items: list[tuple[float, list[str]]] = []
    for line in page.filter(outside).extract_text_lines(return_chars=False):
        items.append((float(line["top"]), [_clean(line["text"])]))
    for table in tables:
        rows = []
        for row in table.rows:
            # Columns a merged cell covers come back as None: one cell, not two.
            cells = [_cell(page, box) for box in row.cells if box is not None]
            last = len(cells) - 1 if len(cells) <= 2 else -1
            rows.append("\t".join(render_cell(c, i == last) for i, c in enumerate(cells)))
        items.append((float(table.bbox[1]), rows))
    items.sort(key=lambda item: item[0])
    return [line for _, group in items for line in group]


@dataclass(slots=True)
class _Line:
    x0: float
    x1: float
    top: float
    words: list[tuple[str, bool]]


def _lines(page: Page, box: tuple[float, float, float, float]) -> list[_Line]:
    x0, top, x1, bottom = box
    words = [
        w
        for w in page.crop(box).extract_words(extra_attrs=["fontname"])
        # crop keeps words that only touch the cell; a word belongs where its middle is.
        if x0 <= (w["x0"] + w["x1"]) / 2 <= x1 and top <= (w["top"] + w["bottom"]) / 2 <= bottom
    ]
    lines: list[_Line] = []
    for word in sorted(words, key=lambda w: (round(float(w["top"])), float(w["x0"]))):
        italic = any(s in str(word["fontname"]) for s in ("Italic", "Oblique"))
        text = _clean(str(word["text"]))
        if lines and abs(float(word["top"]) - lines[-1].top) < 2:
            line = lines[-1]
            line.words.append((text, italic))
            line.x1 = max(line.x1, float(word["x1"]))
        else:
            lines.append(
                _Line(float(word["x0"]), float(word["x1"]), float(word["top"]), [(text, italic)])
            )
    return lines


def _cell(page: Page, box: tuple[float, float, float, float]) -> tuple[Para, ...]:
    """A cell's paragraphs, told from the lines' layout: a bullet starts a list item, a line
    indented from the cell's margin an item of a list without markers, a line back at the
    margin or after a short line ending a sentence (a paragraph's last) a new paragraph."""
    lines = _lines(page, box)
    if not lines:
        return ()
    margin = min(line.x0 for line in lines)
    right = max(line.x1 for line in lines)
    paras: list[tuple[str | None, list[tuple[str, bool]]]] = []
    previous: _Line | None = None
    for line in lines:
        words = line.words
        indented = line.x0 > margin + 4
        if words[0][0].startswith("•"):
            first = words[0][0][1:].strip()
            paras.append(("- ", ([(first, words[0][1])] if first else []) + words[1:]))
        elif (
            previous is None
            or (paras[-1][0] is None and indented)
            or (previous.x1 < right - 70 and previous.words[-1][0][-1:] in ".;:)!?")
            or (paras[-1][0] is not None and not indented)
        ):
            paras.append(("" if indented else None, list(words)))
        else:
            paras[-1][1].extend(words)
        previous = line
    out = []
    for marker, para_words in paras:
        runs = []
        for i, (text, italic) in enumerate(para_words):
            runs.append(Run((" " if i else "") + text, italic))
        out.append(Para(tuple(runs), marker))
    return tuple(out)


def _clean(text: str) -> str:
    return _SPACE.sub(" ", _BULLETS.sub("•", text)).strip()
