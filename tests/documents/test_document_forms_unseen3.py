"""Document forms found by the third round of unseen reports: soft line breaks in Word,
OpenDocument and HTML; a Chromium PDF with a header row repeated on every page, list items
wrapped over lines and a row split between paragraphs at a page break; a file named as a
document whose bytes are text."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path
from typing import Any

import docx
import pytest

from pipeline.documents import Document, DocumentError, ErrorCode, read_document_bytes
from pipeline.documents.pdf_lines import Paragraph, lines_of, paragraphs
from pipeline.model import ActivityGroup
from pipeline.parse import parse_text
from tests.documents.odt import odt

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "documents"
# Printed by `chromium --headless --no-pdf-header-footer --print-to-pdf` from the .html beside
# it on 120 mm pages: the header row "Sadaļa | Informācija" is on both pages, the funding row
# breaks after "Latgales reģionā." with its label done on the first page, and the list items
# wrap at a hanging indent after a "1." set off by a space, not a tab.
SPLIT = FIXTURES / "unseen3_chromium_split.pdf"

LABELS = {
    "task": "Valsts pārvaldes uzdevums",
    "implementer": "Valsts pārvaldes uzdevuma veicējs",
    "period": "Valsts pārvaldes uzdevuma deleģēšanas periods",
    "description": "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros "
    "sasniegtajiem rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma "
    "atbilstību līgumā paredzētajiem mērķiem",
    "funding": "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem",
}
YEAR_LINES = [
    "I. ĪSTENOŠANAS GADS (2022. gada 15. jūlijs līdz 2023. gada 14. jūlijs)",
    "1) organizēti 4 semināri NVO vadītājiem, kuros kopā piedalījās 96 dalībnieki;",
    "2) sniegtas 58 konsultācijas;",
    "3) izdotas 24 ziņu lapas „NVO Rīgā”;",
    "Rīgas reģiona mazākumtautību kapacitātes celšanai:",
    "1) izstrādātas 3 darbības attīstības stratēģijas;",
    "2) īstenoti 5 mazākumtautību kultūras pasākumi.",
]


def _read(data: bytes, name: str) -> Document:
    document = read_document_bytes(data, name)
    assert isinstance(document, Document), document
    return document


def _soft(paragraph: Any, lines: list[str]) -> None:
    """Lines in one Word paragraph, each after the first after a soft return (Shift+Enter)."""
    for i, line in enumerate(lines):
        run = paragraph.add_run(line)
        if i < len(lines) - 1:
            run.add_break()


def _riga_docx() -> bytes:
    document = docx.Document()
    title = document.add_paragraph()
    _soft(title, ["Kopsavilkums", "par atsevišķu valsts pārvaldes uzdevumu veikšanu (2022-2025)"])
    rows = [
        (["Valsts pārvaldes uzdevums"], ["Par atsevišķu valsts pārvaldes uzdevumu veikšanu"]),
        (["Valsts pārvaldes", "uzdevuma veicējs"], ["Biedrība «Rīgas NVO nams»"]),
        (["Valsts pārvaldes", "uzdevuma deleģēšanas", "periods"], ["15.07.2022.–14.07.2025."]),
        ([LABELS["description"]], YEAR_LINES),
        ([LABELS["funding"]], ["15.07.2022.–14.07.2023.", "Plānots: 53 994,00 euro"]),
    ]
    table = document.add_table(rows=len(rows), cols=2)
    for i, (label, value) in enumerate(rows):
        _soft(table.cell(i, 0).paragraphs[0], label)
        _soft(table.cell(i, 1).paragraphs[0], value)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# --- 1. soft line breaks --------------------------------------------------------------------


def test_word_soft_returns_in_a_cell_are_line_breaks() -> None:
    text = _read(_riga_docx(), "riga.docx").text
    lines = text.splitlines()
    assert "<br>".join(YEAR_LINES) in text
    # Outside the table a soft return is a line of its own: the title's two lines.
    assert lines[:2] == [
        "Kopsavilkums",
        "par atsevišķu valsts pārvaldes uzdevumu veikšanu (2022-2025)",
    ]
    # A label broken by soft returns is still one cell, its words on lines.
    assert "Valsts pārvaldes<br>uzdevuma deleģēšanas<br>periods\t15.07.2022.–14.07.2025." in lines


def test_word_soft_returns_keep_the_activities_and_the_minority_heading_apart() -> None:
    document = _read(_riga_docx(), "riga.docx")
    report = parse_text(document.text, "riga.docx").report
    assert report is not None
    [year] = report.years
    assert [(a.group, a.number) for a in year.activities] == [
        (ActivityGroup.CIVIL_SOCIETY, "1)"),
        (ActivityGroup.CIVIL_SOCIETY, "2)"),
        (ActivityGroup.CIVIL_SOCIETY, "3)"),
        (ActivityGroup.MINORITY_CAPACITY, "1)"),
        (ActivityGroup.MINORITY_CAPACITY, "2)"),
    ]
    assert year.activities[0].text.value.startswith("organizēti 4 semināri")
    assert year.activities[2].text.value.startswith("izdotas 24 ziņu lapas")


def test_word_soft_return_in_a_table_inside_a_cell_is_a_space() -> None:
    """The inner table's row is one line: "I. gads" and its period, broken by a soft return
    in the header cell, stay one cell's words."""
    document = docx.Document()
    document.add_paragraph("Kopsavilkums")
    outer = document.add_table(rows=1, cols=2)
    outer.cell(0, 0).text = LABELS["funding"]
    inner = outer.cell(0, 1).add_table(rows=2, cols=2)
    _soft(inner.cell(0, 1).paragraphs[0], ["I. gads", "15.07.2022.–14.07.2023."])
    inner.cell(1, 0).text = "Plānots, kopā"
    inner.cell(1, 1).text = "EUR 49000.00"
    out = io.BytesIO()
    document.save(out)
    text = _read(out.getvalue(), "nested.docx").text
    assert (
        "<p>|  | I. gads 15.07.2022.–14.07.2023. |</p><p>| Plānots, kopā | EUR 49000.00 |</p>"
        in text
    )
    assert "<br>" not in text


def test_odt_line_breaks_in_a_cell_are_line_breaks() -> None:
    value = "<text:line-break/>".join(YEAR_LINES)
    body = (
        "<text:p>Kopsavilkums<text:line-break/>par uzdevumu</text:p><table:table><table:table-row>"
        f"<table:table-cell><text:p>{LABELS['description']}</text:p></table:table-cell>"
        f"<table:table-cell><text:p>{value}</text:p></table:table-cell>"
        "</table:table-row></table:table>"
    )
    text = _read(odt(body), "r.odt").text
    assert text.splitlines() == [
        "Kopsavilkums",
        "par uzdevumu",
        f"{LABELS['description']}\t" + "<br>".join(YEAR_LINES),
    ]


def test_html_br_in_a_list_item_keeps_the_item_whole() -> None:
    page = (
        "<html><body><p>Kopsavilkums</p><table><tr>"
        f"<td>{LABELS['description']}</td>"
        "<td>I. ĪSTENOŠANAS GADS<br>1) sniegtas 58 konsultācijas;<br>2) izdotas 24 ziņu lapas"
        "<ol><li>organizēti 4 semināri,<br>kuros piedalījās 96 dalībnieki;</li>"
        "<li>sniegtas 3 konsultācijas.</li></ol></td></tr></table></body></html>"
    )
    text = _read(page.encode(), "r.html").text
    assert text.splitlines()[1] == (
        f"{LABELS['description']}\t<p>I. ĪSTENOŠANAS GADS<br>1) sniegtas 58 konsultācijas;"
        "<br>2) izdotas 24 ziņu lapas</p><ul><li>1. organizēti 4 semināri,<br>kuros piedalījās"
        " 96 dalībnieki;</li><li>2. sniegtas 3 konsultācijas.</li></ul>"
    )


# --- 2-4. a Chromium PDF ----------------------------------------------------------------------


def test_chromium_pdf_repeated_header_split_row_and_wrapped_items() -> None:
    document = read_document_bytes(SPLIT.read_bytes(), "split.pdf")
    assert isinstance(document, Document), document
    lines = document.text.splitlines()
    # The title wraps over two drawn lines: one paragraph.
    assert lines[0] == "Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu veikšanu (2023–2025)"
    # The header row is there once, where the table begins; its copy on page 2 is dropped.
    assert lines[1] == "Sadaļa\tInformācija"
    assert document.text.count("Sadaļa") == 1
    # Each list item is one item, its wrapped lines joined.
    assert lines[3] == (
        "Apraksts un vērtējums par rezultatīvajiem rādītājiem\t"
        "<p>I. ĪSTENOŠANAS GADS (1.04.2023.–31.03.2024.)</p><ul><li>1. Organizēti 3 reģionālie"
        " NVO forumi Rēzeknē, Daugavpilī un Balvos, kuros kopā piedalījās 212 dalībnieki;</li>"
        "<li>2. Sniegtas 137 konsultācijas.</li></ul>"
    )
    # The funding row goes on over the page break, though the break fell between paragraphs:
    # no row without a label holds "Faktiski €40 785,70".
    assert lines[4] == (
        f"{LABELS['funding']}\t<p>1.04.2024.–31.03.2025.</p><p>Plānots €40 000, t.sk. €25 000"
        " pilsoniskās sabiedrības attīstībai Latgales reģionā.</p><p>Atlikums no I. gada"
        " €785,70.</p><p>Faktiski €39 214,30.</p><p>Atlikums pārcelts uz II. gadu.</p>"
        "<p>Faktiski €40 785,70 (ieskaitot no I. īstenošanas gada pārcelto atlikumu €785,70).</p>"
    )
    assert lines[5] == "Cita informācija\tNav"
    assert len(lines) == 6
    # Page 2 begins with its first drawn text, "Atlikums no I. gada".
    assert document.text[document.page_starts[1] :].startswith("Atlikums no I. gada")


SIZE, GLYPH, SPACE = 10.0, 5.0, 3.0
MARGIN, RIGHT = 100.0, 200.0


def _glyphs(text: str, x0: float, top: float) -> list[dict[str, Any]]:
    out, x = [], x0
    for char in text:
        width = SPACE if char == " " else GLYPH
        out.append(
            {"text": char, "x0": x, "x1": x + width, "top": top, "bottom": top + SIZE, "size": SIZE}
        )
        x += width
    return out


def _paras(*drawn: list[dict[str, Any]]) -> list[Paragraph]:
    lines = lines_of([c for line in drawn for c in line], 0)
    return paragraphs(lines, MARGIN, RIGHT, wrap_spaces=False)


def _shown(para: Paragraph) -> tuple[str | None, str]:
    return para.marker, "".join((" " if w.space_before else "") + w.text for w in para.words)


def test_without_spaces_drawn_at_wraps_only_the_fit_and_the_spacing_end_a_paragraph() -> None:
    paras = _paras(
        # Ends at 179: "cccccc" (30) would not have fitted in the 21 left: a wrap.
        _glyphs("aaaaaaa bbbbbbbbbbb", MARGIN, 10),
        _glyphs("cccccc dd", MARGIN, 22),
        # "ee" would have fitted after "dd": a new paragraph.
        _glyphs("ee ffffffffffffffff", MARGIN, 34),
        # Spaced 14 below instead of 12 (a paragraph's margin), though "gggggg" would not fit.
        _glyphs("gggggg", MARGIN, 48),
    )
    assert [_shown(p) for p in paras] == [
        (None, "aaaaaaa bbbbbbbbbbb cccccc dd"),
        (None, "ee ffffffffffffffff"),
        (None, "gggggg"),
    ]


def test_a_number_set_off_by_a_space_at_the_hanging_indent_of_its_lines_is_a_list_item() -> None:
    paras = _paras(
        _glyphs("Intro:", MARGIN, 10),
        # "1." then a space: the text starts at 113, where the item's next lines start.
        _glyphs("1. aaaa bbbbbbbbbbbbb", MARGIN, 22),
        _glyphs("cccccccc dd", MARGIN + 13, 34),
        _glyphs("2. eeee", MARGIN, 46),
        _glyphs("After.", MARGIN, 58),
    )
    assert [_shown(p) for p in paras] == [
        (None, "Intro:"),
        ("1. ", "aaaa bbbbbbbbbbbbb cccccccc dd"),
        ("2. ", "eeee"),
        (None, "After."),
    ]
    # With no line at that indent, a number typed before a space is the paragraph's text.
    paras = _paras(_glyphs("1. aaaa", MARGIN, 10), _glyphs("2. bbbb", MARGIN, 22))
    assert [_shown(p) for p in paras] == [(None, "1. aaaa"), (None, "2. bbbb")]


def test_a_cell_of_centred_lines_is_no_list() -> None:
    # "Sadaļa" in the middle of a header cell: 30 from each side.
    [para] = _paras(_glyphs("aaaaaaaa", MARGIN + 30, 10))
    assert _shown(para) == (None, "aaaaaaaa")


# --- 6. a file whose name promises a document its bytes are not --------------------------------


@pytest.mark.parametrize(
    ("name", "data", "says"),
    [
        ("text_as.docx", "Kopsavilkums\nValsts pārvaldes uzdevums\tX\n".encode(), "Word document"),
        ("random.docx", bytes(range(256)) * 4, "Word document"),
        ("report.pdf", b"Kopsavilkums par uzdevumu\n", "a PDF"),
        ("report.ODT", b"Kopsavilkums par uzdevumu\n", "OpenDocument text"),
    ],
)
def test_a_file_named_as_a_document_that_is_not_one_is_one_clear_error(
    name: str, data: bytes, says: str
) -> None:
    result = read_document_bytes(data, f"in/{name}")
    assert isinstance(result, DocumentError)
    assert result.code is ErrorCode.CORRUPT
    extension = name[name.rindex(".") :].lower()
    assert result.message.startswith(f"the file is named {extension} but is not ")
    assert says in result.message
    assert result.message_lv.startswith(f"fails nosaukts {extension}, bet tas nav ")


def test_a_real_document_under_another_name_and_text_under_a_text_name_are_read() -> None:
    word = _riga_docx()
    for name in ("report.xyz", "report", "report.pdf", "report.txt"):
        assert _read(word, name).media_type.value.endswith("wordprocessingml.document")
    assert _read(b"Kopsavilkums\n", "notes.txt").text == "Kopsavilkums\n"
    # An empty file says it is empty, whatever its name.
    empty = read_document_bytes(b"", "empty.docx")
    assert isinstance(empty, DocumentError) and empty.code is ErrorCode.EMPTY


def test_lodpipe_extract_of_text_named_docx_exits_2_with_one_error(tmp_path: Path) -> None:
    path = tmp_path / "text_as.docx"
    path.write_text("Kopsavilkums\nValsts pārvaldes uzdevums\tX\n", encoding="utf-8")
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", str(path)],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert result.returncode == 2, result.stderr
    [line] = result.stderr.strip().splitlines()
    assert (
        "error input.corrupt-document: the file is named .docx but is not a Word document" in line
    )
