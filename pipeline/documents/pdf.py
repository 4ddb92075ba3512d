"""PDF with a text layer, read with pdfplumber (on pdfminer.six).

The template's ruled label/value table is found from its rules; every glyph belongs to the
cell its middle is in, and a cell's lines are read back into paragraphs and list items
(`pdf_lines`). A row the office software split over a page break is one row again
(`pdf_split_rows`), and text set in columns goes on in them at the top of the next page
(`pdf_balanced`). The document is then written in the text reports' layout by the same
renderer as Word documents, and where each page's text begins in that rendering is kept as
the page map.
"""

from __future__ import annotations

import io
import itertools
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

import pdfplumber
from pdfminer.pdfdocument import PDFEncryptionError, PDFPasswordIncorrect
from pdfplumber.page import Page
from pdfplumber.utils.exceptions import PdfminerException

from pipeline.documents.layout import Block, Cell, Para, Run, Table, render
from pipeline.documents.pdf_balanced import carried
from pipeline.documents.pdf_columns import Columns, Frame, Grid, text_of
from pipeline.documents.pdf_lines import (
    Line,
    Paragraph,
    centre_in,
    lines_of,
    paragraphs,
    wraps_spaces,
)
from pipeline.documents.pdf_running import furniture, over_rules, running
from pipeline.documents.pdf_split_rows import continues as _continues
from pipeline.documents.pdf_split_rows import joined as _join
from pipeline.documents.pdf_split_rows import same_row as _same
from pipeline.documents.pdf_stacked import in_columns
from pipeline.documents.pdf_tables import RULE as _RULE
from pipeline.documents.pdf_tables import Cell as _Cell
from pipeline.documents.pdf_tables import Grid as _Grid
from pipeline.documents.pdf_tables import Row as _Row
from pipeline.documents.pdf_tables import ruled_tables, without_padding
from pipeline.documents.pdf_turn import Sheet, sheet
from pipeline.documents.referred import follow_pointers


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


# Where a page begins in the rendering: private-use marks the reader removes again.
_MARK = re.compile("\ue000([\ue010-\ue019]+)\ue001")


@dataclass(slots=True)
class _Text:
    lines: list[Line]
    top: float
    # Text set in columns, laid at the first column's place: where the columns stand.
    frame: Frame | None = None


def _read(plumbed: list[Page]) -> PdfText:
    chars = images = 0
    pages = [sheet(page) for page in plumbed]
    grids = [ruled_tables(page) for page in pages]
    runs = [
        over_rules(page.chars, [[c.box for c in row.cells] for g in page_grids for row in g.rows])
        for page, page_grids in zip(pages, grids, strict=True)
    ]
    items: list[list[_Grid | _Text]] = []
    for index, (page, page_grids, drop) in enumerate(zip(pages, grids, running(runs), strict=True)):
        chars += len(page.chars)
        images += len(page.images)
        items.append(_page_items(page, index, page_grids, drop))
    items = _without_furniture(items, [page.bbox[3] - page.bbox[1] for page in pages])
    _carry_columns(items)
    margins = _padding([item for page_items in items for item in page_items])
    spaces = wraps_spaces(
        line for page_items in items for item in page_items for line in _lines(item)
    )
    text, starts = _render(_blocks(items, margins, spaces), len(pages), margins, spaces)
    return PdfText(text, starts, chars, images)


def _without_furniture(
    pages: list[list[_Grid | _Text]], heights: list[float]
) -> list[list[_Grid | _Text]]:
    """The pages without their running headers and footers outside the tables."""
    texts = [[item for item in items if isinstance(item, _Text)] for items in pages]
    cells = [
        [line for item in items if isinstance(item, _Grid) for line in _lines(item)]
        for items in pages
    ]
    drops = furniture([[t.lines[0] for t in page] for page in texts], cells, heights)
    gone = {id(page[i]) for page, drop in zip(texts, drops, strict=True) for i in drop}
    return [[item for item in items if id(item) not in gone] for items in pages]


def _carry_columns(pages: list[list[_Grid | _Text]]) -> None:
    """Each page's first lines read in the columns the page before ended in, where they go on
    in them (`pdf_balanced`): a section's last lines balanced over its columns."""
    for before, items in itertools.pairwise(pages):
        last = before[-1] if before else None
        if not isinstance(last, _Text) or last.frame is None:
            continue
        frame = last.frame
        lead = list(itertools.takewhile(_single, items))
        got = carried(frame, [t.lines[0] for t in lead if isinstance(t, _Text)])
        if got is not None:
            count, lines = got
            items[:count] = [_Text([line], line.top, frame) for line in lines]


def _single(item: _Grid | _Text) -> bool:
    """A line of text outside the tables read across the page, as `_page_items` gives it."""
    return isinstance(item, _Text) and item.frame is None and len(item.lines) == 1


def _page_items(page: Sheet, index: int, grids: list[_Grid], drop: set[int]) -> list[_Grid | _Text]:
    """A page's ruled tables (rows of cells with their lines) and the lines outside them,
    top to bottom; without the glyphs in `drop` (running text laid over a table)."""
    items: list[_Grid | _Text] = list(grids)
    cells = [c for item in grids for r in item.rows for c in r.cells]
    held: list[list[dict[str, Any]]] = [[] for _ in cells]
    outside = []
    for k, char in enumerate(page.chars):
        if k in drop:
            continue
        at = next(
            (i for i, c in enumerate(cells) if not c.placeholder and centre_in(char, c.box)),
            None,
        )
        if at is None:
            outside.append(char)
        else:
            held[at].append(char)
    for cell, cell_chars in zip(cells, held, strict=True):
        cell.lines = lines_of(cell_chars, index)
    for grid in grids:
        without_padding(grid)
    for part in text_of(outside, index):
        if isinstance(part, Columns):
            # One column after the other, where the columns begin on the page.
            items.extend(
                _Text([line], part.top + j * 1e-6, part.frame) for j, line in enumerate(part.lines)
            )
        elif isinstance(part, Grid):
            items.append(_unruled(part))
        else:
            items.append(_Text([part], part.top))
    items.sort(key=lambda item: item.top)
    return items


def _unruled(grid: Grid) -> _Grid:
    rows = [
        _Row([_Cell(box, list(lines)) for box, lines in row], row[0][0][3]) for row in grid.rows
    ]
    return _Grid(rows, grid.top, ruled=False)


def _lines(item: _Grid | _Text) -> list[Line]:
    if isinstance(item, _Text):
        return item.lines
    return [line for row in item.rows for cell in row.cells for line in cell.lines]


def _blocks(
    pages: list[list[_Grid | _Text]], margins: tuple[float, float], spaces: bool = True
) -> list[_Grid | _Text]:
    """The pages' items as one document: a table going on at the top of the next page is the
    same table, and its first row the same row when the office software split it there.
    A first row the same as the table's first (its header, which Chromium and Word repeat
    on every page a table runs onto) is the header again, no row of the report."""
    foot = max(
        (_bottom(item) for items in pages for item in items),
        default=0.0,
    )
    out: list[_Grid | _Text] = []
    for items in pages:
        for k, item in enumerate(items):
            last = out[-1] if out else None
            if (
                isinstance(item, _Grid)
                and isinstance(last, _Grid)
                and k == 0
                and item.ruled == last.ruled
            ):
                rows = list(item.rows)
                if rows and last.rows and not item.ruled:
                    rows = in_columns(rows, last.rows[-1].cells)
                if rows and last.rows and len(last.rows) > 1 and _same(rows[0], last.rows[0]):
                    rows.pop(0)
                if rows and last.rows and _continues(last.rows[-1], rows[0], foot, margins, spaces):
                    last.rows[-1] = _join(last.rows[-1], rows.pop(0))
                last.rows.extend(rows)
            elif isinstance(item, _Text) and isinstance(last, _Text) and _framed(item, last):
                last.lines.extend(item.lines)
            else:
                out.append(item)
    return out


def _framed(item: _Text, last: _Text) -> bool:
    """Whether two stretches of text run between the same margins: the page's, or the same
    columns' (on the next page too), so that a paragraph can go on from one to the other."""
    if item.frame is None or last.frame is None:
        return item.frame is last.frame
    pairs = zip(item.frame.margins, last.frame.margins, strict=True)
    return all(abs(a - b) <= _RULE for a, b in pairs)


def _bottom(item: _Grid | _Text) -> float:
    if isinstance(item, _Grid):
        return item.rows[-1].bottom if item.rows else item.top
    return max(line.bottom for line in item.lines)


def _render(
    items: list[_Grid | _Text], pages: int, margins: tuple[float, float], spaces: bool = True
) -> tuple[str, tuple[int, ...]]:
    left, right = margins
    marks = _Pages()
    blocks: list[Block] = []
    # The text outside the tables runs between the page's margins, which the tables show
    # where a short title's lines (centred, broken by hand) do not.
    sides = [
        (c.box[0], c.box[2])
        for item in items
        if isinstance(item, _Grid) and item.ruled
        for row in item.rows
        for c in row.cells
    ]
    for item in items:
        if isinstance(item, _Text):
            margin = min([line.x0 for line in item.lines] + [x0 for x0, _ in sides])
            edge = max([line.x1 for line in item.lines] + [x1 for _, x1 in sides])
            if item.frame is not None:
                margin, edge = item.frame.margins
            for para in paragraphs(item.lines, margin, edge, centred=True, wrap_spaces=spaces):
                blocks.append(marks.para(para))
            continue
        rows = []
        for row in item.rows:
            if not any(cell.lines for cell in row.cells):
                continue  # the rules of a row a page break moved on whole: no row of text
            cells: list[Cell] = []
            for cell in row.cells:
                x0, _, x1, _ = cell.box
                pad = (left, right) if item.ruled else (0.0, 0.0)
                paras = paragraphs(cell.lines, x0 + pad[0], x1 - pad[1], wrap_spaces=spaces)
                cells.append(tuple(marks.para(p) for p in paras))
            rows.append(tuple(cells))
        blocks.append(Table(tuple(rows)))
    # A table the report's table points to (an annex on a page of its own) is the content of
    # the cell pointing to it, as in a Word document.
    return _page_map(render(follow_pointers(blocks)), pages)


def _padding(items: list[_Grid | _Text]) -> tuple[float, float]:
    """The cells' inner margins: the text's most common distance from a cell's left rule, and
    on the right the same, unless some line ran closer to its right rule."""
    lefts: Counter[float] = Counter()
    rights: list[float] = []
    for item in items:
        if isinstance(item, _Grid) and item.ruled:
            for row in item.rows:
                for cell in row.cells:
                    if cell.lines:
                        lefts[round(min(line.x0 for line in cell.lines) - cell.box[0], 1)] += 1
                        rights.append(cell.box[2] - max(line.x1 for line in cell.lines))
    left = lefts.most_common(1)[0][0] if lefts else 0.0
    # Cells have the same margin on both sides unless some line ran closer to the right rule.
    return left, min([*rights, left])


class _Pages:
    """Builds runs in the order they are rendered, marking the first run of each page (and
    of each return to a page, as a split row's next cell goes back to the page before)."""

    def __init__(self) -> None:
        self.page = -1

    def para(self, para: Paragraph) -> Para:
        runs: list[Run] = []
        for word in para.words:
            space = " " if word.space_before else ""
            if space and word.italic and not (runs and runs[-1].italic):
                # Italics open after the space before them, as Word's runs have it.
                runs.append(Run(space))
                space = ""
            mark = ""
            if word.page != self.page:
                digits = "".join(chr(0xE010 + int(d)) for d in str(word.page))
                mark = f"\ue000{digits}\ue001"
                self.page = word.page
            runs.append(Run(space + mark + word.text, word.italic))
        return Para(tuple(runs), para.marker)


def _page_map(marked: str, pages: int) -> tuple[str, tuple[int, ...]]:
    """The text without its page marks, and where each page begins.

    Each mark opens a stretch of text from one page. Where rows run over a page break, the
    stretches go back and forth (a split row's next cell starts on the page before again),
    and no page map can be right for all of them: each page begins where the fewest
    characters land on the wrong side, and, where several places do equally well, at the
    last of them, which is the page's first text when the pages do not interleave.
    """
    out: list[str] = []
    stretches: list[tuple[int, int]] = []  # (offset in the text, page)
    length = position = 0
    for match in _MARK.finditer(marked):
        out.append(marked[position : match.start()])
        length += match.start() - position
        page = int("".join(str(ord(c) - 0xE010) for c in match.group(1)))
        stretches.append((length, page))
        position = match.end()
    out.append(marked[position:])
    text = "".join(out)
    ends = [start for start, _ in stretches[1:]] + [len(text)] * bool(stretches)
    sizes = [end - start for (start, _), end in zip(stretches, ends, strict=True)]
    starts = [0] * pages
    for page in range(1, pages):
        # Cutting before stretch j: later pages' text before it and earlier pages' after it
        # are on the wrong side.
        late = [0]
        for (_, on), size in zip(stretches, sizes, strict=True):
            late.append(late[-1] + (size if on >= page else 0))
        early = [0]
        for (_, on), size in zip(reversed(stretches), reversed(sizes), strict=True):
            early.append(early[-1] + (size if on < page else 0))
        early.reverse()
        costs = [a + b for a, b in zip(late, early, strict=True)]
        best = max(j for j, cost in enumerate(costs) if cost == min(costs))
        cut = stretches[best][0] if best < len(stretches) else len(text)
        starts[page] = max(cut, starts[page - 1])
    return text, tuple(starts)
