"""Lists in the table cells of OpenDocument text: every item, with the number or bullet
LibreOffice shows for it, in the shape the Word reader gives a list in a cell.

The fixtures are files LibreOffice saved (`tests/fixtures/documents/make_odf_lists_in_cells.py`):
`odt_lists_in_cells` from a Word document, its list styles in styles.xml;
`odt_lists_in_cells_automatic_styles` Writer's own lists, their styles content.xml's automatic
styles; `odt_lists_in_cells_numbering_attributes` from flat OpenDocument. The numbers below
are those LibreOffice shows when it opens each file.
"""

from __future__ import annotations

import datetime as dt
from functools import cache
from pathlib import Path

import pytest

from pipeline.documents import Document, read_document
from pipeline.documents.layout import Table, render, render_cell
from pipeline.documents.odf import read_odt
from pipeline.documents.word import read_docx
from pipeline.parse import parse_text

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
WORD = "odt_lists_in_cells"
WRITER = "odt_lists_in_cells_automatic_styles"
ATTRIBUTES = "odt_lists_in_cells_numbering_attributes"
REPORT = "odt_bilingual_labels_results_list_continued"


@cache
def _rows(stem: str) -> dict[str, list[str]]:
    """Each row of the document's table by its first cell: its other cells as the document
    text writes them."""
    blocks = read_odt((FIXTURES / f"{stem}.odt").read_bytes())
    out: dict[str, list[str]] = {}
    for block in blocks:
        if not isinstance(block, Table):
            continue
        for row in block.rows:
            out[render_cell(row[0])] = [render_cell(cell) for cell in row[1:]]
    return out


def _list(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def test_numbers_as_the_list_style_gives_them() -> None:
    word, writer, attributes = _rows(WORD), _rows(WRITER), _rows(ATTRIBUTES)
    # styles.xml: "1)", "1.", "a)", and a level starting at 3
    assert word["Skaitļi ar iekavu"][0] == _list("1) pirmais", "2) otrais", "3) trešais")
    assert word["Skaitļi ar punktu"][0] == _list("1. pirmais", "2. otrais")
    assert word["Burti"][0] == _list("a) pirmais", "b) otrais", "c) trešais")
    assert word["No trešā"][0] == _list("3) trešais", "4) ceturtais")
    # content.xml's automatic styles: "a.", a list starting at 5, an item set to 7
    assert writer["Burti"][0] == _list("a. pirmais", "b. otrais")
    assert writer["No piektā"][0] == _list("5. piektais", "6. sestais")
    assert writer["Vērtība"][0] == _list("1. pirmais", "7. septītais", "8. astotais")
    # no suffix in the style: the bare number; a prefix and a suffix around it
    assert attributes["Bez piedēkļa"][0] == _list("1 n1", "2 n2")
    assert attributes["Priekšēklis"][0] == _list("(i) r1", "i.1. r1s", "(ii) r2")


def test_bulleted_list() -> None:
    assert _rows(WORD)["Aizzīmes"][0] == _list("- pirmais", "- otrais")
    # an item's second paragraph shows no bullet: a paragraph between the items
    assert _rows(WRITER)["Aizzīmes"][0] == (
        _list("- pirmais") + "<p>turpinājums</p>" + _list("- otrais")
    )


def test_nested_lists_number_each_level_by_its_own_style() -> None:
    word, writer, attributes = _rows(WORD), _rows(WRITER), _rows(ATTRIBUTES)
    assert word["Ligzdots ar burtiem"][0] == _list(
        "1) semināri", "a) Liepājā", "b) Ventspilī", "2) konsultācijas", "a) klātienē"
    )
    # a level showing the number above it too ("1.1.")
    assert word["Ligzdots ar skaitļiem"][0] == _list(
        "1. semināri", "1.1. Liepājā", "1.2. Ventspilī", "2. konsultācijas"
    )
    assert writer["Ligzdots"][0] == _list(
        "1. semināri", "i. Liepājā", "ii. Ventspilī", "2. konsultācijas"
    )
    # an item holding only a lower list counts as its level's first number
    assert attributes["Tikai apakšsaraksts"][0] == _list("a) sub1", "2) top", "a) sub2", "b) sub3")


def test_numbering_goes_on_across_cells_after_a_paragraph_and_another_list() -> None:
    word = _rows(WORD)
    assert word["Divās šūnās"] == [
        _list("1) pirmais", "2) otrais"),
        _list("3) trešais", "4) ceturtais"),
    ]
    assert word["Pēc rindkopas"][0] == (
        _list("1) pirmais", "2) otrais") + "<p>Starpvirsraksts</p>" + _list("3) trešais")
    )
    # the list it goes on with is named (text:continue-list), past a bulleted one
    assert word["Cits saraksts starpā"][0] == _list(
        "1) pirmais", "2) otrais", "- cits", "3) trešais"
    )
    # items setting their numbers (5, and "c" below it); the lower level goes on after them
    assert _rows(ATTRIBUTES)["Vienumu sākumi"][0] == _list(
        "1) p1", "5) p5", "c) pc", "d) pd", "6) p6"
    )


def test_paragraphs_and_lists_in_one_cell() -> None:
    assert _rows(WORD)["Jaukti"][0] == (
        "<p>2023. gads (01.01.2023.–31.12.2023.)</p>"
        + _list("1) sniegtas 318 konsultācijas;", "2) organizētas 9 apmācības.")
        + "<p>2024. gads (01.01.2024.–31.12.2024.)</p>"
        + _list("1) sniegtas 355 konsultācijas;", "2) organizētas 11 apmācības.")
    )
    writer = _rows(WRITER)
    # a list's header (text:list-header) is its paragraph, without a number
    assert writer["Virsraksts"][0] == "<p>2023. gads</p>" + _list("1. pirmais", "2. otrais")
    assert writer["Divas rindkopas"][0] == (
        _list("1. pirmais") + "<p>turpinājums</p>" + _list("2. otrais")
    )


@pytest.mark.parametrize("stem", [WORD, WRITER, REPORT])
def test_the_odt_reads_as_the_word_document_it_was_saved_from(stem: str) -> None:
    odt = render(read_odt((FIXTURES / f"{stem}.odt").read_bytes()))
    assert odt == render(read_docx((FIXTURES / f"{stem}.docx").read_bytes()))


def test_a_results_cell_holding_the_years_activities_as_one_list() -> None:
    # "2023. gads / Year 2023 (01.01.2023.–31.12.2023.)", items 1)–4); "2024. gads / Year
    # 2024 (01.01.2024.–31.12.2024.)", the same list going on, 5)–9)
    document = read_document(FIXTURES / f"{REPORT}.odt")
    assert isinstance(document, Document)
    for number, words in (("1)", "sniegtas 318"), ("4)", "uzticības"), ("5)", "sniegtas 355")):
        assert f"<li>{number} {words}" in document.text
    assert "<li>9) izdots 1 informatīvais buklets" in document.text
    rep = parse_text(document.text, document.file).report
    assert rep is not None
    assert [(y.ordinal, y.period and (y.period.start, y.period.end)) for y in rep.years] == [
        (1, (dt.date(2023, 1, 1), dt.date(2023, 12, 31))),
        (2, (dt.date(2024, 1, 1), dt.date(2024, 12, 31))),
    ]
    # "sniegtas 318 konsultācijas …", "… 46 ģimenes", "organizētas 9 apmācības …, kurās
    # piedalījās 112 dalībnieki", "… 640 zvani"; then 355, 51, 11 and 137, 702, "izdots 1
    # informatīvais buklets"
    firsts = [[a.indicators[0].value for a in y.activities] for y in rep.years]
    assert firsts == [[318, 46, 9, 640], [355, 51, 11, 702, 1]]
    trainings = [a for a in rep.activities if "apmācības" in a.text.value]
    assert [a.indicators[1].value for a in trainings] == [112, 137]
