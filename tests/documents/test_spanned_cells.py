"""A cell spanning rows reads the same in every format: the columns it covers in the rows
below are an empty cell each, in their place (as Word writes a vertically merged cell), and a
cell spanning columns is one cell. HTML (`rowspan`) and OpenDocument (`covered-table-cell`)
dropped the covered places, and the amounts of those rows stood a column to the left.

And a PDF's page furniture outside its tables (running header, footer, page number) is no
text of the report: it stood between a table's rows on one page and the next."""

from __future__ import annotations

import io
from decimal import Decimal
from html import escape
from pathlib import Path

import docx

from pipeline.documents import Document, read_document_bytes
from pipeline.documents.layout import render
from pipeline.documents.pdf_lines import Line, Word
from pipeline.documents.pdf_running import furniture
from pipeline.documents.web import read_html
from pipeline.model import Parsed
from pipeline.parse import parse_text
from tests.documents.odt import odt

# A table: rows of cells, each (text, rows spanned, columns spanned); the places a cell
# covers are left out of the rows below and to its right, as HTML writes them.
Spec = list[list[tuple[str, int, int]]]

LABEL_FUNDING = "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"
HEAD: Spec = [
    [("Valsts pārvaldes uzdevums", 1, 1), ("Pilsoniskās sabiedrības attīstība", 1, 1)],
    [
        ("Valsts pārvaldes uzdevuma veicējs", 1, 1),
        ("Biedrība „Zemgales NVO centrs”, reģistrācijas numurs 40008012345", 1, 1),
    ],
    [("Valsts pārvaldes uzdevuma deleģēšanas periods", 1, 1), ("01.03.2023.–28.02.2025.", 1, 1)],
    [
        (
            "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem"
            " rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību"
            " līgumā paredzētajiem mērķiem",
            1,
            1,
        ),
        ("Notika 4 semināri, kuros piedalījās 96 dalībnieki.", 1, 1),
    ],
]
TAIL: Spec = [
    [("Neatbilstoši veiktie izdevumi", 1, 1), ("Nav", 1, 1)],
    [("Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem", 1, 1), ("Nav", 1, 1)],
    [("Cita informācija", 1, 1), ("Nav", 1, 1)],
]
COLUMNS = [("Īstenošanas gads", 1, 1), ("Finansējuma mērķis", 1, 1)] + [
    (f"{word}, EUR", 1, 1) for word in ("Plānots", "Faktiski")
]
CIVIL, MINORITY = "pilsoniskās sabiedrības attīstībai", "mazākumtautību NVO attīstībai"
# The year's cell spans its purposes, its total and a note over three columns.
YEARS: Spec = [
    COLUMNS,
    [("I gads", 4, 1), (CIVIL, 1, 1), ("30 000,00", 1, 1), ("29 850,00", 1, 1)],
    [(MINORITY, 1, 1), ("20 000,00", 1, 1), ("19 700,00", 1, 1)],
    [("Kopā", 1, 1), ("50 000,00", 1, 1), ("49 550,00", 1, 1)],
    [("Atlikums 450,00 EUR pārcelts uz II īstenošanas gadu.", 1, 3)],
    [("II gads", 3, 1), (CIVIL, 1, 1), ("30 150,00", 1, 1), ("30 150,00", 1, 1)],
    [(MINORITY, 1, 1), ("20 300,00", 1, 1), ("20 300,00", 1, 1)],
    [("Kopā", 1, 1), ("50 450,00", 1, 1), ("50 450,00", 1, 1)],
]


def _grid(spec: Spec) -> tuple[list[tuple[int, int, int, int, str]], int]:
    """Each cell's (row, column, rows, columns, text) on the table's grid, and its width."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(spec):
        c = 0
        for text, rows, columns in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, rows, columns, text))
            taken.update((r + i, c + j) for i in range(rows) for j in range(columns))
            c += columns
    return out, max(c for _, c in taken) + 1


def _html(title: str, tables: list[Spec | str]) -> bytes:
    parts = [f"<p>{escape(title)}</p>"]
    for table in tables:
        if isinstance(table, str):
            parts.append(f"<p>{escape(table)}</p>")
            continue
        rows = []
        for row in table:
            cells = "".join(
                f'<td rowspan="{rows}" colspan="{columns}">{escape(text)}</td>'
                for text, rows, columns in row
            )
            rows.append(f"<tr>{cells}</tr>")
        parts.append(f"<table>{''.join(rows)}</table>")
    return f"<html><body>{''.join(parts)}</body></html>".encode()


def _odt(title: str, tables: list[Spec | str]) -> bytes:
    parts = [f"<text:p>{escape(title)}</text:p>"]
    for table in tables:
        if isinstance(table, str):
            parts.append(f"<text:p>{escape(table)}</text:p>")
            continue
        cells, width = _grid(table)
        at = {(r, c): (rows, columns, text) for r, c, rows, columns, text in cells}
        covered = {
            (r + i, c + j)
            for r, c, rows, columns, _ in cells
            for i in range(rows)
            for j in range(columns)
        } - set(at)
        out = []
        for r in range(len(table)):
            row = []
            for c in range(width):
                if (r, c) in at:
                    rows, columns, text = at[(r, c)]
                    row.append(
                        f'<table:table-cell table:number-rows-spanned="{rows}"'
                        f' table:number-columns-spanned="{columns}">'
                        f"<text:p>{escape(text)}</text:p></table:table-cell>"
                    )
                elif (r, c) in covered:
                    row.append("<table:covered-table-cell/>")
            out.append(f"<table:table-row>{''.join(row)}</table:table-row>")
        parts.append(f"<table:table>{''.join(out)}</table:table>")
    return odt("".join(parts))


def _docx(title: str, tables: list[Spec | str]) -> bytes:
    document = docx.Document()
    document.add_paragraph(title)
    for table in tables:
        if isinstance(table, str):
            document.add_paragraph(table)
            continue
        cells, width = _grid(table)
        word = document.add_table(rows=len(table), cols=width)
        for r, c, rows, columns, text in cells:
            cell = word.cell(r, c)
            if rows > 1 or columns > 1:
                cell = cell.merge(word.cell(r + rows - 1, c + columns - 1))
            cell.text = text
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


TITLE = "Kopsavilkums par deleģētā valsts pārvaldes uzdevuma izpildi Zemgales reģionā"


def _read(tables: list[Spec | str]) -> dict[str, Document]:
    out = {}
    for suffix, build in (("html", _html), ("odt", _odt), ("docx", _docx)):
        document = read_document_bytes(build(TITLE, tables), f"report.{suffix}")
        assert isinstance(document, Document), document
        out[suffix] = document
    return out


def _parsed(document: Document) -> Parsed:
    return parse_text(document.text, document.file, document.sha256)


def _amounts(parsed: Parsed) -> list[tuple[int | None, str, str | None, Decimal | None]]:
    assert parsed.report is not None
    return [
        (year.ordinal, str(a.role), None if a.purpose is None else str(a.purpose), a.value)
        for year in parsed.report.funding
        for a in year.amounts
    ]


def _funding_lines(document: Document, first: str) -> list[str]:
    lines = document.text.splitlines()
    start = lines.index(first)
    return lines[start : start + 8]


def test_a_year_cell_spanning_its_purposes_leaves_an_empty_cell_in_every_format() -> None:
    documents = _read([HEAD, LABEL_FUNDING, YEARS, TAIL])
    header = "Īstenošanas gads\tFinansējuma mērķis\tPlānots, EUR\tFaktiski, EUR"
    expected = [
        header,
        f"I gads\t{CIVIL}\t30 000,00\t29 850,00",
        f"\t{MINORITY}\t20 000,00\t19 700,00",
        "\tKopā\t50 000,00\t49 550,00",
        # The note spanning three columns is one cell, after the year's.
        "\tAtlikums 450,00 EUR pārcelts uz II īstenošanas gadu.",
        f"II gads\t{CIVIL}\t30 150,00\t30 150,00",
        f"\t{MINORITY}\t20 300,00\t20 300,00",
        "\tKopā\t50 450,00\t50 450,00",
    ]
    for suffix, document in documents.items():
        assert _funding_lines(document, header) == expected, suffix
    assert documents["html"].text == documents["odt"].text == documents["docx"].text


def test_the_spanned_funding_table_gives_the_same_amounts_and_roles_in_every_format() -> None:
    documents = _read([HEAD, LABEL_FUNDING, YEARS, TAIL])
    civil, minority = "civil-society", "minority-ngos"
    expected = {
        (1, "planned", civil, Decimal("30000.00")),
        (1, "actual", civil, Decimal("29850.00")),
        (1, "planned", minority, Decimal("20000.00")),
        (1, "actual", minority, Decimal("19700.00")),
        (1, "planned", None, Decimal("50000.00")),
        (1, "actual", None, Decimal("49550.00")),
        (1, "carried-over", None, Decimal("450.00")),
        (2, "planned", civil, Decimal("30150.00")),
        (2, "actual", civil, Decimal("30150.00")),
        (2, "planned", minority, Decimal("20300.00")),
        (2, "actual", minority, Decimal("20300.00")),
        (2, "planned", None, Decimal("50450.00")),
        (2, "actual", None, Decimal("50450.00")),
    }
    for suffix, document in documents.items():
        parsed = _parsed(document)
        assert set(_amounts(parsed)) == expected, suffix
        assert not [f for f in parsed.findings if f.code.startswith("funding.")], suffix


def test_an_amount_after_a_covered_planned_column_stays_under_the_actual_column() -> None:
    # The year's plan is one cell spanning both purposes; the second purpose's row gives
    # only its actual amount, which is no plan.
    plan = [
        COLUMNS,
        [("I gads", 2, 1), (CIVIL, 1, 1), ("50 000,00", 2, 1), ("29 850,00", 1, 1)],
        [(MINORITY, 1, 1), ("19 700,00", 1, 1)],
    ]
    documents = _read([HEAD, LABEL_FUNDING, plan, TAIL])
    for suffix, document in documents.items():
        assert f"\t{MINORITY}\t\t19 700,00" in document.text.splitlines(), suffix
        found = _amounts(_parsed(document))
        assert (1, "actual", "minority-ngos", Decimal("19700.00")) in found, suffix
        assert not [a for a in found if a[3] == Decimal("19700.00") and a[1] != "actual"]


def test_a_cell_spanning_rows_and_columns_is_one_empty_cell_below() -> None:
    table: Spec = [
        [("A", 2, 2), ("B", 1, 1), ("C", 1, 1)],
        [("D", 1, 1), ("E", 1, 1)],
        [("F", 1, 1), ("G", 1, 1), ("H", 1, 1), ("I", 1, 1)],
    ]
    for suffix, document in _read([table]).items():
        assert document.text.splitlines()[1:] == ["A\tB\tC", "\tD\tE", "F\tG\tH\tI"], suffix


def test_a_span_in_the_last_column_leaves_its_empty_cell_at_the_rows_end() -> None:
    table: Spec = [
        [("Gads", 1, 1), ("Piezīme", 1, 1)],
        [("I gads", 1, 1), ("Skatīt pielikumu", 2, 1)],
        [("II gads", 1, 1)],
        [("III gads", 1, 1), ("Nav", 1, 1)],
    ]
    for suffix, document in _read([table]).items():
        rows = document.text.split("\n")[1:-1]
        assert rows == ["Gads\tPiezīme", "I gads\tSkatīt pielikumu", "II gads\t", "III gads\tNav"]
        assert suffix


def test_html_rows_without_end_tags_and_a_table_in_a_spanning_cell_keep_their_spans() -> None:
    # `</tr>` and `</td>` may be left out; the table inside the spanning cell has spans of
    # its own, which end with it.
    page = (
        "<table><tr><td rowspan=2>I gads<table><tr><td rowspan=2>x<td>1<tr><td>2</table>"
        "<td>a<td>1,00<tr><td>b<td>2,00<tr><td>II gads<td>c<td>3,00</table>"
    )
    assert render(read_html(page.encode())).splitlines() == [
        "<p>I gads</p><p>| x | 1 |</p><p>|  | 2 |</p>\ta\t1,00",
        "\tb\t2,00",
        "II gads\tc\t3,00",
    ]


# Page furniture outside the tables: a Chromium PDF of three A5 pages printed from the .html
# beside it, with a running header and "Lapa N no 3" in the page's margin boxes and a footer
# `position: fixed` at the foot of every page; its table of 28 numbered rows runs over all
# three pages with its header repeated.
FURNITURE = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
FURNITURE_PDF = FURNITURE / "chromium_page_furniture.pdf"


def test_running_headers_and_footers_outside_the_table_are_no_text_of_the_report() -> None:
    document = read_document_bytes(FURNITURE_PDF.read_bytes(), "furniture.pdf")
    assert isinstance(document, Document), document
    rows = [f"{n}.\tSeminārs „Tēma {n}”\t{n:02d}.05.2024.\tJelgava\t{20 + n}" for n in range(1, 29)]
    assert document.text.splitlines() == [
        "Kopsavilkums par deleģētā valsts pārvaldes uzdevuma izpildi Zemgales reģionā",
        # The header Chromium repeats on pages 2 and 3 follows the last row of the page
        # before, with no footer between: it is the header again, no row.
        "Nr.\tAktivitāte\tDatums\tVieta\tDalībnieku skaits",
        *rows,
        # Written once, at the foot of the text on the last page: the report's.
        "Pārskata beigas.",
    ]
    # Pages 2 and 3 begin with their first rows of the table.
    text = document.text
    assert [text[start:].split("\t", 1)[0] for start in document.page_starts[1:]] == [
        "13.",
        "27.",
    ]


def _line(text: str, top: float, page: int) -> Line:
    words, x = [], 40.0
    for word in text.split():
        words.append(Word(word, x, x + 6 * len(word), top, top + 9, 9.0, page, False))
        x += 6 * len(word) + 3
    return Line(words)


def _pages(
    outside: list[list[tuple[str, float]]], body: tuple[float, float] = (100.0, 400.0)
) -> list[set[int]]:
    """`furniture` over pages whose table text runs from `body[0]` to `body[1]`."""
    lines = [[_line(t, top, p) for t, top in page] for p, page in enumerate(outside)]
    inside = [[_line("teksts", y, p) for y in body] for p in range(len(outside))]
    return furniture(lines, inside)


def test_a_footer_with_the_page_number_on_every_page_is_furniture() -> None:
    pages = [[("Lapa 1 no 3", 560.0)], [("Lapa 2 no 3", 560.0)], [("Lapa 3 no 3", 560.0)]]
    assert _pages(pages) == [{0}, {0}, {0}]
    # A bare page number too.
    assert _pages([[("2", 20.0)], [("3", 20.0)], [("4", 20.5)]]) == [{0}, {0}, {0}]


def test_a_line_written_once_or_on_a_minority_of_pages_is_kept() -> None:
    once = [[("Pārskata beigas.", 560.0)], [], []]
    assert _pages(once) == [set(), set(), set()]
    half = [[("Paraksts", 560.0)], [("Paraksts", 560.0)], [], []]
    assert _pages(half) == [set(), set(), set(), set()]
    most = [[("Paraksts", 560.0)], [("Paraksts", 560.0)], [("Paraksts", 560.0)], []]
    assert _pages(most) == [{0}, {0}, {0}, set()]


def test_the_same_words_at_another_height_are_kept() -> None:
    pages = [[("Biedrība KM 2025", 560.0)], [("Biedrība KM 2025", 540.0)]]
    assert _pages(pages) == [set(), set()]


def test_a_heading_recurring_at_one_height_within_the_text_is_kept() -> None:
    # "1.2. Aktivitātes" and "2.2. Aktivitātes" at the same height, with the table's text
    # above and below them: no page's head or foot.
    pages = [[("1.2. Aktivitātes", 250.0)], [("2.2. Aktivitātes", 250.0)]]
    assert _pages(pages) == [set(), set()]
    # Above all the text, the same words are the running header.
    assert _pages([[("Kopsavilkums KM", 20.0)], [("Kopsavilkums KM", 20.0)]]) == [{0}, {0}]


def test_an_html_span_ends_with_its_row_group() -> None:
    # The header's cell cannot reach into the body: a browser stops it at `</thead>`.
    page = (
        "<table><thead><tr><th rowspan=3>Gads<th>Plānots</thead>"
        "<tbody><tr><td>I gads<td>1,00</tbody></table>"
    )
    assert render(read_html(page.encode())).splitlines() == ["Gads\tPlānots", "I gads\t1,00"]
