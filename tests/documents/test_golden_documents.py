"""The same report as text and as a document gives the same facts; spans point into each
document's own text."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path
from typing import Any

import pytest

from pipeline.documents import Document, MediaType, read_document
from pipeline.model import Parsed
from pipeline.parse import parse_report
from pipeline.parse import parse_text as parse_source
from tests.documents.facts import finding_facts, report_facts

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "documents"
REPORTS = {p.name[:3]: p for p in sorted((REPO / "reports").glob("*.txt"))}

# 004 is PDF text: its table was flattened, and its funding columns interleaved, before it
# was bundled, so a document rebuilt from it is not the original; only its header rows and
# pages are compared (see the PDF test).
_FLATTENED_FUNDING: set[str] = set()
_TABLES = ("000", "001", "002", "003")
# LibreOffice's HTML export turns 002's funding row breaks into separate rows.
_HTML = ("000", "001", "003")
# The PDFs LibreOffice prints from the Word documents: rows split over page breaks,
# paragraphs and list items only in the layout.
_PDF = _TABLES


@cache
def _text(stem: str) -> Parsed:
    return parse_report(REPORTS[stem], name=f"reports/{REPORTS[stem].name}")


@cache
def _document(stem: str, suffix: str) -> tuple[Document, Parsed]:
    document = read_document(FIXTURES / f"{stem}{suffix}")
    assert isinstance(document, Document), str(document)
    return document, parse_source(document.text, document.file, document.sha256)


def _without_funding(stem: str, value: Any) -> Any:
    if stem in _FLATTENED_FUNDING and isinstance(value, dict):
        return {k: v for k, v in value.items() if k != "funding"}
    return value


def _findings(stem: str, parsed: Parsed) -> list[tuple[str, str]]:
    found = finding_facts(parsed)
    if stem in _FLATTENED_FUNDING:
        return [f for f in found if not f[0].startswith("funding.")]
    return found


CASES = [(stem, suffix) for stem in _TABLES for suffix in (".docx", ".odt")]
CASES += [(stem, ".html") for stem in _HTML]
CASES += [(stem, ".pdf") for stem in _PDF]


@pytest.mark.parametrize(("stem", "suffix"), CASES)
def test_document_gives_the_facts_of_the_text(stem: str, suffix: str) -> None:
    _, parsed = _document(stem, suffix)
    assert _without_funding(stem, report_facts(parsed)) == _without_funding(
        stem, report_facts(_text(stem))
    )
    assert _findings(stem, parsed) == _findings(stem, _text(stem))


@pytest.mark.parametrize(("stem", "suffix"), CASES)
def test_spans_point_into_the_document_text(stem: str, suffix: str) -> None:
    document, parsed = _document(stem, suffix)
    report = parsed.report
    assert report is not None and report.source_text == document.text
    for year in report.years:
        for activity in year.activities:
            span = activity.text.span
            words = document.text[span.start : span.end]
            assert activity.text.value.split()[:1] == words.split()[:1] or not words
            for indicator in activity.indicators:
                assert str(indicator.value) in document.text[
                    indicator.span.start : indicator.span.end
                ].replace(" ", "")
    for funding in report.funding:
        for amount in funding.amounts:
            written = document.text[amount.span.start : amount.span.end]
            if amount.value is not None:
                assert amount.text.split()[:1] == written.split()[:1]


def test_media_types_and_checksums_are_of_the_original_bytes() -> None:
    import hashlib

    for suffix, media in (
        (".docx", MediaType.DOCX),
        (".odt", MediaType.ODT),
        (".pdf", MediaType.PDF),
        (".html", MediaType.HTML),
    ):
        document = read_document(FIXTURES / f"003{suffix}")
        assert isinstance(document, Document)
        data = (FIXTURES / f"003{suffix}").read_bytes()
        assert document.media_type is media
        assert (document.sha256, document.size) == (hashlib.sha256(data).hexdigest(), len(data))


def test_text_reports_read_as_today() -> None:
    document = read_document(REPORTS["000"])
    assert isinstance(document, Document)
    assert document.media_type is MediaType.TEXT and document.page_of(0) is None
    assert document.text == REPORTS["000"].read_text(encoding="utf-8")


@pytest.mark.parametrize("stem", list(REPORTS))
def test_pdf_pages_and_table_rows(stem: str) -> None:
    """The PDF LibreOffice prints: the table rows read as rows, every page in the page map."""
    document, parsed = _document(stem, ".pdf")
    import pdfplumber

    with pdfplumber.open(FIXTURES / f"{stem}.pdf") as pdf:
        pages = len(pdf.pages)
    assert document.pages == pages and document.page_starts[0] == 0
    assert list(document.page_starts) == sorted(document.page_starts)
    assert document.page_of(len(document.text) - 1) == pages
    assert document.page_of(document.page_starts[-1]) == pages
    if pages > 1:
        assert document.page_of(document.page_starts[1] - 1) == 1
    assert parsed.report is not None
    assert "\t" in document.text  # the ruled table was read as rows of cells


def _cell_texts(stem: str) -> list[str]:
    """Each page's table cells as pdfplumber reads them on its own (a glyph in the cell its
    middle is in), whitespace-normalised: what a value's page is checked against."""
    import pdfplumber

    def inside(box: tuple[float, float, float, float]) -> Any:
        def test(obj: dict[str, Any]) -> bool:
            if obj.get("object_type") != "char":
                return True
            x = (obj["x0"] + obj["x1"]) / 2
            y = (obj["top"] + obj["bottom"]) / 2
            return bool(box[0] <= x <= box[2] and box[1] <= y <= box[3])

        return test

    pages = []
    with pdfplumber.open(FIXTURES / f"{stem}.pdf") as pdf:
        for page in pdf.pages:
            cells = [
                page.filter(inside(box)).extract_text()
                for table in page.find_tables()
                for row in table.rows
                for box in row.cells
                if box is not None
            ]
            pages.append(" ".join(" ".join(cells).split()))
    return pages


@pytest.mark.parametrize("stem", _PDF)
def test_every_pdf_value_is_on_the_page_the_page_map_names(stem: str) -> None:
    document, parsed = _document(stem, ".pdf")
    report = parsed.report
    assert report is not None
    spans = [activity.text.span for year in report.years for activity in year.activities]
    spans += [i.span for y in report.years for a in y.activities for i in a.indicators]
    spans += [amount.span for funding in report.funding for amount in funding.amounts]
    pages = _cell_texts(stem)
    assert len(spans) > 20
    for span in spans:
        page = document.page_of(span.start)
        assert page is not None
        # The part of the value on its first page: a value may go on over the page break.
        end = min([span.end, *(s for s in document.page_starts if s > span.start)])
        words = " ".join(re.sub(r"<[^<>]*>", " ", document.text[span.start : end]).split()[:3])
        assert words and words in pages[page - 1], (span, page)


@pytest.mark.parametrize("stem", _PDF)
def test_pdf_rows_are_the_word_documents_rows(stem: str) -> None:
    """A row split over a page break is one row again, a row starting at the top of a page
    (with an empty label) stays a row of its own, and no cell's text strays into the row
    above or below: the labels, row by row, are the Word document's."""

    def labels(text: str) -> list[str]:
        return [" ".join(line.split("\t")[0].split()) for line in text.split("\n") if "\t" in line]

    pdf, _ = _document(stem, ".pdf")
    word, _ = _document(stem, ".docx")
    assert labels(pdf.text) == labels(word.text)
