"""`read_report`: any report file in, the parser's model out, and the original document
remembered for provenance (what it is, its checksum, where and when it was fetched)."""

from __future__ import annotations

import hashlib
from pathlib import Path

from rdflib import Literal, URIRef

from pipeline.model import Severity
from pipeline.parse import parse_report
from pipeline.rdf import to_graph
from pipeline.rdf.namespaces import DCAT, PROV, RDF, SPDX, XSD
from pipeline.read import read_report
from pipeline.settings import Settings
from pipeline.validate import load_shapes, validate_graph
from tests.conftest import FIXTURES, REPORTS

DOCX = FIXTURES / "documents" / "003.docx"
BASE = "https://example.org/lp/"


def test_a_text_report_reads_as_the_parser_reads_it() -> None:
    path = REPORTS / "003_d7bd70bcc2ec91a0.txt"
    assert read_report(path, "reports/003.txt") == parse_report(path, "reports/003.txt")


def test_a_word_report_remembers_its_original() -> None:
    parsed = read_report(DOCX, "docs/003.docx")
    assert parsed.report is not None
    document = parsed.report.document
    assert document is not None
    assert document.media_type == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert document.extension == ".docx"
    assert document.sha256 == hashlib.sha256(DOCX.read_bytes()).hexdigest()
    assert document.size == DOCX.stat().st_size
    assert document.url is None


def test_the_original_and_its_download_are_in_prov_and_conform() -> None:
    url = "https://www.km.gov.lv/uploads/kopsavilkums-zemgale.docx"
    parsed = read_report(DOCX, "docs/003.docx", url=url, retrieved="2026-11-30T08:15:00Z")
    assert parsed.report is not None
    mapped = to_graph(parsed.report, Settings(base_iri=BASE))
    graph = mapped.graph
    source = URIRef(f"{BASE}source/003")
    original = URIRef(f"{BASE}source/003.docx")
    assert (source, PROV.wasDerivedFrom, original) in graph
    assert (original, RDF.type, PROV.Entity) in graph
    assert (original, PROV.hadPrimarySource, URIRef(url)) in graph
    checksum = graph.value(original, SPDX.checksum)
    assert graph.value(checksum, SPDX.checksumValue) == Literal(
        hashlib.sha256(DOCX.read_bytes()).hexdigest(), datatype=XSD.hexBinary
    )
    media = graph.value(original, DCAT.mediaType)
    assert str(media).endswith("wordprocessingml.document")
    retrieval = graph.value(original, PROV.wasGeneratedBy)
    assert (retrieval, PROV.used, URIRef(url)) in graph
    assert graph.value(retrieval, PROV.endedAtTime) == Literal(
        "2026-11-30T08:15:00Z", datatype=XSD.dateTime
    )
    validation = validate_graph(mapped, Settings(base_iri=BASE), load_shapes())
    assert [p for p in validation.problems if p.severity is Severity.ERROR] == []


def test_a_bad_document_is_one_load_error_naming_it(tmp_path: Path) -> None:
    truncated = tmp_path / "cut.docx"
    truncated.write_bytes(DOCX.read_bytes()[:2000])
    parsed = read_report(truncated)
    assert parsed.report is None
    (problem,) = parsed.findings
    assert problem.severity is Severity.ERROR and problem.file == truncated.as_posix()
    assert problem.code.startswith("input.")
