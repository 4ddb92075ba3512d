"""Forms of documents the golden fixtures do not have: ligatures in a PDF's text layer, a
table inside a table's cell, a row a page break split without a rule."""

from __future__ import annotations

import io
from pathlib import Path

import docx
import pdfplumber

from pipeline.documents import Document, read_document, read_document_bytes
from pipeline.documents.layout import letters
from pipeline.documents.pdf_lines import lines_of
from tests.documents.odt import odt

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
# Printed by `chromium --headless --no-pdf-header-footer --print-to-pdf` from the .html beside
# it: its text layer has "ﬁ" (U+FB01) for "fi", and its rows split over pages without a rule.
CHROMIUM = FIXTURES / "chromium_ligatures.pdf"

LABEL = "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildi"
ROWS = [("Rādītājs", "Vērtība"), ("Publicētas ziņas", "36"), ("Fokusgrupu diskusijas", "2")]
NESTED = [f"<p>| {a} | {b} |</p>" for a, b in ROWS]


def _read(data: bytes, name: str) -> Document:
    document = read_document_bytes(data, name)
    assert isinstance(document, Document), document
    return document


def test_ligatures_are_their_letters() -> None:
    assert letters("\ufb01nansējums \ufb00 \ufb02 \ufb03 \ufb04 \ufb05 \ufb06") == (
        "finansējums ff fl ffi ffl st st"
    )


def test_a_ligature_glyph_is_read_as_its_letters() -> None:
    glyphs = [
        {"text": t, "x0": x, "x1": x + 5, "top": 10.0, "bottom": 19.0, "size": 9.0}
        for x, t in zip(range(0, 50, 5), ["\ufb01", *"nansējums"], strict=True)
    ]
    [line] = lines_of(glyphs, 0)
    assert [w.text for w in line.words] == ["finansējums"]


def test_a_chromium_pdf_with_ligatures_reads_its_labels_and_keeps_its_page_map() -> None:
    with pdfplumber.open(CHROMIUM) as pdf:
        layer = "".join(c["text"] for page in pdf.pages for c in page.chars)
        firsts = [page.extract_words()[0]["text"] for page in pdf.pages]
    assert "\ufb01" in layer  # the fixture still shows what it is for
    document = read_document(CHROMIUM)
    assert isinstance(document, Document)
    text = document.text
    assert not any("\ufb00" <= c <= "\ufb06" for c in text)
    # Chromium draws no space where a line wrapped: the wrapped label is one paragraph.
    assert "valsts budžeta finansējums sadalījumā pa gadiem\t" in text
    # Every page begins where its first drawn word is: the page map counts the letters.
    assert len(document.page_starts) == len(firsts) == 3
    for start, first in zip(document.page_starts, firsts, strict=True):
        assert text[start:].startswith(letters(first)), (start, first)


def test_a_row_split_over_pages_without_a_rule_stays_in_the_table() -> None:
    document = read_document(CHROMIUM)
    assert isinstance(document, Document)
    lines = document.text.splitlines()
    # The description row runs over all three pages; no line of it is left outside the table,
    # and, no rule closing it at the foot of a page, its parts are one row.
    assert all(line.count("\t") == 1 for line in lines[1:]), lines
    assert lines[2].startswith("Apraksts un vērtējums") and "<li>40) Sniegtas" in lines[2]
    assert lines[-2].startswith("Plānotais un faktiski izlietotais valsts budžeta finansējums")


def test_word_table_in_a_cell_is_a_paragraph_per_row(tmp_path: Path) -> None:
    document = docx.Document()
    document.add_paragraph("Kopsavilkums")
    table = document.add_table(rows=1, cols=2)
    table.cell(0, 0).text = LABEL
    cell = table.cell(0, 1)
    cell.text = "4. Citi rezultatīvie rādītāji:"
    inner = cell.add_table(rows=len(ROWS), cols=2)
    for i, (a, b) in enumerate(ROWS):
        inner.cell(i, 0).text = a
        inner.cell(i, 1).text = b
    cell.add_paragraph("Pēc tabulas.")
    out = io.BytesIO()
    document.save(out)
    text = _read(out.getvalue(), "nested.docx").text
    expected = "<p>4. Citi rezultatīvie rādītāji:</p>" + "".join(NESTED) + "<p>Pēc tabulas.</p>"
    assert f"{LABEL}\t{expected}" in text, text
    assert len(text.splitlines()) == 2


def _cell(inner: str) -> str:
    return f"<table:table-cell>{inner}</table:table-cell>"


def test_odt_table_in_a_cell_is_a_paragraph_per_row_and_no_row_of_the_outer_table() -> None:
    nested = "".join(
        f"<table:table-row>{_cell(f'<text:p>{a}</text:p>')}{_cell(f'<text:p>{b}</text:p>')}"
        "</table:table-row>"
        for a, b in ROWS
    )
    body = (
        "<text:p>Kopsavilkums</text:p><table:table><table:table-column/>"
        f"<table:table-header-rows><table:table-row>{_cell('<text:p>Sadaļa</text:p>')}"
        f"{_cell('<text:p>Saturs</text:p>')}</table:table-row></table:table-header-rows>"
        f"<table:table-row>{_cell(f'<text:p>{LABEL}</text:p>')}"
        + _cell(f"<text:p>4. Citi:</text:p><table:table>{nested}</table:table>")
        + "</table:table-row></table:table>"
    )
    text = _read(odt(body), "nested.odt").text
    assert text.splitlines() == [
        "Kopsavilkums",
        "Sadaļa\tSaturs",
        f"{LABEL}\t<p>4. Citi:</p>" + "".join(NESTED),
    ]


def test_html_table_in_a_cell_is_a_paragraph_per_row_and_the_outer_table_goes_on() -> None:
    nested = "".join(f"<tr><td>{a}</td><td><i>{b}</i></td></tr>" for a, b in ROWS)
    page = (
        "<html><body><p>Kopsavilkums</p><table>"
        f"<tr><td>{LABEL}</td><td><p>4. Citi:</p><table>{nested}</table></td></tr>"
        "<tr><td>Cita informācija</td><td>Nav</td></tr></table></body></html>"
    )
    text = _read(page.encode(), "nested.html").text
    rows = "".join(f"<p>| {a} | <i>{b}</i> |</p>" for a, b in ROWS)
    assert text.splitlines() == [
        "Kopsavilkums",
        f"{LABEL}\t<p>4. Citi:</p>{rows}",
        "Cita informācija\tNav",
    ]
