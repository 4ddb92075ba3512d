"""Word 97–2003 documents (.doc): a report saved in the older format reads as the report it
was saved from, and a .doc that cannot be read is one error naming what is wrong.

The .doc fixtures are other fixtures saved as .doc by LibreOffice
(`tests/fixtures/documents/make_word97_documents.py`).
"""

from __future__ import annotations

import random
import shutil
import struct
from pathlib import Path
from typing import Any

import olefile
import pytest

from pipeline.documents import (
    Document,
    DocumentError,
    ErrorCode,
    MediaType,
    read_document,
    read_document_bytes,
)
from pipeline.model import Parsed
from pipeline.read import read_report
from tests.documents.facts import finding_facts, report_facts

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
UNSEEN = FIXTURES.parent / "reports" / "unseen"

# Each .doc, and the document LibreOffice saved it from.
SAVED_FROM = [
    ("word97_table_report.doc", FIXTURES / "000.docx"),
    ("word97_nested_funding_table.doc", UNSEEN / "vidzeme_one_table_nested_funding.docx"),
    ("word97_soft_line_breaks.doc", UNSEEN / "riga_word_soft_breaks_planted_early_year.docx"),
    ("bad/old.doc", FIXTURES / "003.docx"),
]
SAVED_FROM_ODT = [
    (
        "word97_paragraphs_bullets.doc",
        UNSEEN / "riga_odt_contract_years_hotline_brochures_planted.odt",
    ),
]


def _document(name: str) -> Document:
    document = read_document(FIXTURES / name)
    assert isinstance(document, Document), str(document)
    return document


def _facts(parsed: Parsed) -> Any:
    facts = report_facts(parsed)
    facts.pop("document")  # the original's media type, size and checksum differ by design
    return facts


@pytest.mark.parametrize(("name", "original"), SAVED_FROM + SAVED_FROM_ODT)
def test_a_doc_reads_as_the_report_it_was_saved_from(name: str, original: Path) -> None:
    doc = read_report(FIXTURES / name, name="report")
    saved_from = read_report(original, name="report")
    assert _facts(doc) == _facts(saved_from)
    assert finding_facts(doc) == finding_facts(saved_from)
    assert doc.report is not None and doc.report.document is not None
    assert (doc.report.document.media_type, doc.report.document.extension) == (
        "application/msword",
        ".doc",
    )


@pytest.mark.parametrize(("name", "original"), SAVED_FROM)
def test_a_doc_gives_the_text_of_the_word_document_it_was_saved_from(
    name: str, original: Path
) -> None:
    """Paragraphs, table rows, cells, lists and italics in the .docx reader's layout."""
    doc = _document(name)
    docx = read_document(original)
    assert isinstance(docx, Document)
    assert doc.media_type is MediaType.DOC
    assert doc.text == docx.text


def test_table_rows_list_bullets_and_italics_of_a_table_report() -> None:
    lines = _document("word97_table_report.doc").text.splitlines()
    # A row of the template's table: its two cells, the typist's own quotes kept.
    assert (
        "Valsts pārvaldes uzdevuma veicējs\tBiedrība „Dienvidlatgales NVO atbalsta centrs”, "
        "reģistrācijas Nr.40008055327 (turpmāk – īstenotājs)"
    ) in lines
    text = "\n".join(lines)
    # The bullet is the list's, not the text's: it is read from the list tables.
    assert "<li>- 6) organizēta pašvaldības un NVO sektora tikšanās" in text
    assert "(21 553,00 euro + 2 447,00 euro <i>pārceltais</i>)" in text


def test_soft_line_breaks_stay_in_their_cell() -> None:
    lines = _document("word97_soft_line_breaks.doc").text.splitlines()
    assert (
        "Valsts pārvaldes<br>uzdevuma veicējs\tBiedrība «Rīgas NVO nams», "
        "reģistrācijas Nr. 40008234567"
    ) in lines


def test_a_table_in_a_cell_is_the_cells_rows() -> None:
    text = _document("word97_nested_funding_table.doc").text
    assert (
        "<p>| pilsoniskās sabiedrības attīstībai Vidzemes reģionā | 30\xa0000,00 | 30\xa0000,00 "
        "| 30\xa0000,00 | 30\xa0000,00 | 30\xa0000,00 | 29\xa0986,12 |</p>"
    ) in text


def test_paragraphs_and_bullets_of_a_report_without_a_table() -> None:
    lines = _document("word97_paragraphs_bullets.doc").text.splitlines()
    at = lines.index("2022./2023. gads (01.04.2022.–31.03.2023.)")
    assert lines[at + 1 : at + 3] == [
        "- sniegtas 520 konsultācijas krīzes situācijā nonākušām personām;",
        "- diennakts uzticības tālrunī pieņemti 2 140 zvani;",
    ]


def test_the_title_in_the_first_page_header_and_the_footnotes_are_read() -> None:
    """The title written only in the header comes first, each footnote's number after its
    reference and the notes after the body, as the .docx reader reads them."""
    parsed = read_report(FIXTURES / "word97_title_in_header_footnote.doc", name="report")
    report = parsed.report
    assert report is not None and report.title is not None
    assert report.title.value == (
        "Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības "
        "un starpkultūru sadarbības attīstības un mazākumtautību nevalstisko organizāciju "
        "līdzdalības veicināšanas jomā Kurzemes reģionā (2021–2024)"
    )
    text = _document("word97_title_in_header_footnote.doc").text
    assert "Biedrība „Kurzemes pilsoniskās iniciatīvas centrs”¹ (turpmāk – īstenotājs)" in text
    assert text.endswith(
        "\n¹ Reģistrācijas Nr. 40008213578, juridiskā adrese: Lielā iela 12, Liepāja, LV-3401.\n"
    )


def test_a_title_in_a_text_box_is_read_where_the_box_is_anchored() -> None:
    lines = _document("word97_title_in_text_box.doc").text.splitlines()
    assert lines[:3] == [
        "Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu veikšanu",
        "pilsoniskās sabiedrības un starpkultūru sadarbības attīstības un mazākumtautību "
        "nevalstisko organizāciju līdzdalības veicināšanas jomā",
        "Latgales reģionā (2022–2025)",
    ]
    assert lines[3].startswith("Valsts pārvaldes uzdevums\tPar atsevišķu")


def test_a_doc_saved_with_a_password_is_refused_as_one() -> None:
    result = read_document(FIXTURES / "bad" / "password.doc", name="in/password.doc")
    assert isinstance(result, DocumentError)
    assert result.code is ErrorCode.PASSWORD
    assert str(result) == (
        "in/password.doc: the Word document is protected with a password: save it without one first"
    )
    assert result.message_lv


def test_a_truncated_doc_is_corrupt_never_read_in_part() -> None:
    data = (FIXTURES / "word97_paragraphs_bullets.doc").read_bytes()
    whole = read_document_bytes(data, "report.doc")
    assert isinstance(whole, Document)
    half = read_document_bytes(data[: len(data) // 2], "report.doc")
    assert isinstance(half, DocumentError) and half.code is ErrorCode.CORRUPT
    assert "damaged or truncated" in half.message
    for end in range(512, len(data), 131):
        result = read_document_bytes(data[:end], "report.doc")
        if isinstance(result, Document):  # only unused sectors at the end were cut
            assert result.text == whole.text
        else:
            assert result.code is ErrorCode.CORRUPT, (end, str(result))


def test_text_named_doc_is_no_report_typed_as_text() -> None:
    """Word also saves rich text (RTF) under .doc: its markup is no report's text, and the
    error says what it is."""
    rtf = rb"{\rtf1\ansi {\b Kopsavilkums}\par Valsts p\'e2rvaldes uzdevums\par}"
    result = read_document_bytes(rtf, "report.doc")
    assert isinstance(result, DocumentError) and result.code is ErrorCode.UNKNOWN_TYPE
    assert result.message == (
        "this is a Rich Text Format (.rtf) document: save it as .docx or .odt first"
    )


def _with_stream(tmp_path: Path, stream: str, change: Any) -> bytes:
    """The paragraph report's bytes with one stream changed in place (same length)."""
    path = tmp_path / "report.doc"
    shutil.copy(FIXTURES / "word97_paragraphs_bullets.doc", path)
    with olefile.OleFileIO(str(path), write_mode=True) as ole:
        data = ole.openstream(stream).read()
        ole.write_stream(stream, change(data))
    return path.read_bytes()


def test_a_compound_file_whose_word_stream_is_no_word_document_is_corrupt(
    tmp_path: Path,
) -> None:
    data = _with_stream(tmp_path, "WordDocument", lambda d: bytes(len(d)))
    result = read_document_bytes(data, "report.doc")
    assert isinstance(result, DocumentError) and result.code is ErrorCode.CORRUPT
    assert "does not start as a Word document does" in result.message


def test_a_word_95_document_is_named_as_one(tmp_path: Path) -> None:
    # Word 6.0 and 95 mark their stream 0xA5DC (nFib 101-105), a format of its own.
    data = _with_stream(
        tmp_path, "WordDocument", lambda d: struct.pack("<HH", 0xA5DC, 0x65) + d[4:]
    )
    result = read_document_bytes(data, "report.doc")
    assert isinstance(result, DocumentError) and result.code is ErrorCode.OLD_WORD
    assert result.message == "this is a Word 6.0/95 document: save it as .docx first"
    assert result.message_lv


def test_damaged_tables_give_an_error_or_a_reading_never_an_exception(tmp_path: Path) -> None:
    rng = random.Random(1997)
    with olefile.OleFileIO(str(FIXTURES / "word97_paragraphs_bullets.doc")) as ole:
        table = ole.openstream("1Table").read()
    for _ in range(40):
        damaged = bytearray(table)
        for _ in range(rng.choice([1, 4, 16])):
            damaged[rng.randrange(len(damaged))] = rng.randrange(256)
        data = _with_stream(tmp_path, "1Table", lambda _d, b=bytes(damaged): b)
        result = read_document_bytes(data, "report.doc")
        if isinstance(result, DocumentError):
            assert result.code in (ErrorCode.CORRUPT, ErrorCode.NOT_A_REPORT), str(result)
