"""Round 8 of the document readers, on documents made with python-docx and saved by
LibreOffice (`tests/fixtures/documents/round8/make_round8.py`), their facts read by hand.

- Text pasted from a Mac or a web page into a Word document keeps a letter and its combining
  mark apart ("I" + U+0304 for "Ī") and zero-width spaces ("1​05 konsultācijas"). The .txt
  reader composes the letters and drops the zero-width characters; the Word, OpenDocument,
  Word 97 and PDF readers did not, and a label, a year heading and a count were lost. Their
  text is now the same as the .txt reader's, and the spans index it.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from pipeline.documents import Document, as_source_text, read_document, read_document_bytes
from pipeline.documents.layout import Para, Run, answer_in_label_cell
from pipeline.model import Parsed
from pipeline.parse import parse_text
from pipeline.parse.decode import decode
from pipeline.read import read_report
from tests.conftest import FIXTURES
from tests.documents.odt import odt

ROUND8 = FIXTURES / "documents" / "round8"
DECOMPOSED = "decomposed_letters_zero_width"


def _document(path: Path) -> Document:
    document = read_document(path, path.name)
    assert isinstance(document, Document), document
    return document


def _parsed(path: Path) -> Parsed:
    parsed = read_report(path, path.name)
    assert parsed.report is not None, parsed.findings
    return parsed


# --- composed letters, no zero-width characters ----------------------------------------------


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".doc", ".pdf"])
def test_document_text_is_composed_without_zero_width_characters(suffix: str) -> None:
    text = _document(ROUND8 / f"{DECOMPOSED}{suffix}").text
    assert unicodedata.is_normalized("NFC", text)
    assert "\u200b" not in text
    assert "Valsts pārvaldes uzdevuma veicējs" in text
    assert "II. ĪSTENOŠANAS GADS (01.03.2024.–28.02.2025.)" in text
    assert "2) sniegtas 105 konsultācijas." in text


@pytest.mark.parametrize("suffix", [".docx", ".odt", ".doc", ".pdf"])
def test_the_heading_the_label_and_the_count_are_read(suffix: str) -> None:
    parsed = _parsed(ROUND8 / f"{DECOMPOSED}{suffix}")
    report = parsed.report
    assert report is not None
    # the document: two years, 01.03.2023.–29.02.2024. and 01.03.2024.–28.02.2025.
    assert [y.ordinal for y in report.years] == [1, 2]
    assert report.implementer is not None
    assert report.implementer.name.value == "Zemgales NVO centrs"
    counts = [i.value for a in report.activities for i in a.indicators]
    assert counts == [6, 94, 87, 7, 112, 105]
    assert "structure.missing-section" not in {f.code for f in parsed.findings}


@pytest.mark.parametrize("suffix", [".docx", ".pdf"])
def test_spans_index_the_published_text(suffix: str) -> None:
    path = ROUND8 / f"{DECOMPOSED}{suffix}"
    text = _document(path).text
    report = _parsed(path).report
    assert report is not None
    for activity in report.activities:
        span = activity.text.span
        assert text[span.start : span.end] == activity.text.value
    heading = report.years[1].heading
    assert heading is not None
    assert text[heading.span.start : heading.span.end].startswith("II. ĪSTENOŠANAS GADS")


def test_zero_width_joiners_are_dropped_as_the_zero_width_space_is() -> None:
    text = "2) sniegtas 1\u200c05 konsultācijas, I\u200dSTENOŠANAS GADS\n"
    decoded = decode(text.encode("utf-8"), "r.txt")
    assert decoded.text == "2) sniegtas 105 konsultācijas, ISTENOŠANAS GADS\n"


def test_an_odt_with_a_zero_width_joiner_in_a_count_gives_the_count() -> None:
    body = (
        "<text:p>Kopsavilkums</text:p><text:p>2) sniegtas 1\u200d05 konsulta\u0304cijas.</text:p>"
    )
    read = read_document_bytes(odt(body), "r.odt")
    assert isinstance(read, Document), read
    assert read.text == "Kopsavilkums\n2) sniegtas 105 konsultācijas.\n"


def test_the_page_map_moves_with_the_normalised_text() -> None:
    # page 2 begins after "a" + U+0304 and a zero-width space: two characters earlier
    text, starts = as_source_text("Ka\u0304rta\u200b 1\fLapa 2\n", (0, 10))
    assert text == "Kārta 1\fLapa 2\n"
    assert starts == (0, 8)
    assert text[starts[1] - 1] == "\f"


# --- the preparer's line after a funding table set with tab stops ----------------------------

PREPARED = "tab_stops_funding_last_prepared_by"


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_the_preparers_line_after_the_funding_table_is_kept(suffix: str) -> None:
    path = ROUND8 / f"{PREPARED}{suffix}"
    text = _document(path).text
    parsed = _parsed(path)
    report = parsed.report
    assert report is not None
    assert report.after_end is not None
    assert report.after_end.value == "Sagatavoja: J. Bērziņa, 05.08.2025."
    span = report.after_end.span
    assert text[span.start : span.end] == "Sagatavoja: J. Bērziņa, 05.08.2025."
    after = [f for f in parsed.findings if f.code == "structure.text-after-end"]
    assert [f.severity.value for f in after] == ["info"]
    # the table: I gads 30 000,00 / 30 000,00 / 0,00; II gads 30 000,00 / 29 874,60 / 125,40
    assert [
        sorted((a.role.value, str(a.value)) for a in row.amounts) for row in report.funding
    ] == [
        [("actual", "30000.00"), ("planned", "30000.00"), ("remainder", "0.00")],
        [("actual", "29874.60"), ("planned", "30000.00"), ("remainder", "125.40")],
    ]
    assert report.other_information is not None
    assert report.other_information.none


def test_a_preparers_line_under_a_none_answer_leaves_it_none() -> None:
    # the labels on lines of their own, as Word's heading styles set them: "Cita
    # informācija", "Nav", then the preparer's line
    path = ROUND8 / f"{PREPARED}.docx"
    text = _document(path).text
    moved = text.replace("Cita informācija:\tNav\n", "").replace(
        "\nSagatavoja:", "\nCita informācija\nNav\nSagatavoja:"
    )
    parsed = parse_text(moved, "r.txt", "0" * 64)
    report = parsed.report
    assert report is not None
    assert report.other_information is not None
    assert report.other_information.text.value == "Nav"
    assert report.other_information.none
    assert report.after_end is not None
    assert report.after_end.value == "Sagatavoja: J. Bērziņa, 05.08.2025."


# --- the funding table in the label's cell ---------------------------------------------------

IN_LABEL = "funding_table_in_label_cell"


@pytest.mark.parametrize("suffix", [".docx", ".odt"])
def test_a_funding_table_in_the_label_cell_is_the_sections_answer(suffix: str) -> None:
    path = ROUND8 / f"{IN_LABEL}{suffix}"
    lines = _document(path).text.splitlines()
    assert (
        "5. Valsts pārvaldes uzdevuma finansējums\t"
        "<p>| Gads | Plānots, euro | Faktiski, euro | Atlikums, euro |</p>"
        "<p>| I gads | 30 000,00 | 30 000,00 | 0,00 |</p>"
        "<p>| II gads | 30 000,00 | 29 874,60 | 125,40 |</p>"
    ) in lines
    parsed = _parsed(path)
    report = parsed.report
    assert report is not None
    assert [
        sorted((a.role.value, str(a.value)) for a in row.amounts) for row in report.funding
    ] == [
        [("actual", "30000.00"), ("planned", "30000.00"), ("remainder", "0.00")],
        [("actual", "29874.60"), ("planned", "30000.00"), ("remainder", "125.40")],
    ]
    codes = {f.code for f in parsed.findings}
    assert not codes & {"structure.missing-section", "funding.unread-amount"}


def test_a_label_cell_with_text_after_its_label_stays_as_written() -> None:
    label = Para((Run("5. Valsts pārvaldes uzdevuma finansējums"),))
    row_para = Para((Run("| I gads | 30 000,00 |"),))
    sentence = Para((Run("Finansējums izlietots pilnībā."),))
    empty: tuple[Para, ...] = ()
    # a sentence between the label and the table, or an answer in its own cell: as written
    assert answer_in_label_cell(((label, sentence, row_para), empty)) == (
        (label, sentence, row_para),
        empty,
    )
    answer = (Para((Run("Nav"),)),)
    assert answer_in_label_cell(((label, row_para), answer)) == ((label, row_para), answer)
    assert answer_in_label_cell(((label, row_para), empty)) == ((label,), (row_para,))
