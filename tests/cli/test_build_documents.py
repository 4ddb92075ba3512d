"""`lodpipe build` on the documents the Ministry publishes: Word and PDF files read as they
are, the originals published beside their text with their checksum and media type, and a
fetched document's URL and retrieval time in the data."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import DCAT, PROV, XSD

from pipeline.rdf.namespaces import SPDX
from tests.cli.test_safety import lodpipe
from tests.documents.test_fetch import _manifest, server  # noqa: F401  (a fixture)
from tests.sample import dump_text

DOCUMENTS = Path(__file__).parents[1] / "fixtures" / "documents"
BASE = "https://w3id.org/lodpipe/"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("documents")
    inputs = folder / "in"
    inputs.mkdir()
    shutil.copyfile(DOCUMENTS / "003.pdf", inputs / "003.pdf")
    shutil.copyfile(DOCUMENTS / "001.docx", inputs / "001.docx")
    shutil.copyfile(DOCUMENTS / "word97_table_report.doc", inputs / "002.doc")
    out = folder / "site"
    result = lodpipe("build", "--quiet", "--no-cache", "--out", str(out), str(inputs))
    assert result.returncode == 0, result.stderr
    return out


def test_the_originals_are_published_beside_their_text(built: Path) -> None:
    assert (built / "source" / "003.pdf").read_bytes() == (DOCUMENTS / "003.pdf").read_bytes()
    assert (built / "source" / "001.docx").read_bytes() == (DOCUMENTS / "001.docx").read_bytes()
    old_word = (DOCUMENTS / "word97_table_report.doc").read_bytes()
    assert (built / "source" / "002.doc").read_bytes() == old_word
    assert (built / "source" / "003.txt").read_text(encoding="utf-8").startswith("Kopsavilkums")


def test_the_catalogue_lists_each_original_with_checksum_and_media_type(built: Path) -> None:
    catalog = Graph().parse(built / "catalog.ttl")
    for name, media in (
        ("003.pdf", "application/pdf"),
        ("001.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("002.doc", "application/msword"),
    ):
        [distribution] = catalog.subjects(DCAT.downloadURL, URIRef(f"{BASE}source/{name}"))
        assert str(catalog.value(distribution, DCAT.mediaType)).endswith(media)
        checksum = catalog.value(distribution, SPDX.checksum)
        original = DOCUMENTS / ("word97_table_report.doc" if name == "002.doc" else name)
        expected = hashlib.sha256(original.read_bytes()).hexdigest()
        assert catalog.value(checksum, SPDX.checksumValue) == Literal(
            expected, datatype=XSD.hexBinary
        )


def test_the_report_and_source_pages_link_the_original_and_show_pdf_pages(built: Path) -> None:
    report = (built / "id" / "report" / "003.html").read_text(encoding="utf-8")
    assert 'href="../../source/003.pdf"' in report and "(PDF, " in report
    source = (built / "source" / "003.html").read_text(encoding="utf-8")
    assert 'href="003.pdf"' in source
    assert 'id="page-1"' in source and 'id="page-2"' in source
    word = (built / "source" / "001.html").read_text(encoding="utf-8")
    assert 'href="001.docx"' in word and 'id="page-1"' not in word  # Word has no pages
    old_word = (built / "id" / "report" / "002.html").read_text(encoding="utf-8")
    assert 'href="../../source/002.doc"' in old_word and "(Word 97–2003, " in old_word


def test_the_text_is_derived_from_the_original_in_the_data(built: Path) -> None:
    data = Graph().parse(data=dump_text(built), format="nt")
    source, original = URIRef(f"{BASE}source/003"), URIRef(f"{BASE}source/003.pdf")
    assert (source, PROV.wasDerivedFrom, original) in data
    assert str(data.value(original, DCAT.mediaType)).endswith("application/pdf")
    # The original is a file, not a page: its description is in its text's alternates,
    # so every triple of the data is in one page's alternates.
    beside = Graph().parse(built / "source" / "003.ttl")
    described = {t for t in data if t[0] == original}
    assert described and described <= set(beside)


def test_build_sources_fetches_and_records_where_from(
    tmp_path: Path,
    server: tuple[str, object],  # noqa: F811
) -> None:
    base, _ = server
    manifest = _manifest(tmp_path, base, "/etag.pdf")
    out = tmp_path / "site"
    result = lodpipe(
        "build", "--quiet", "--no-cache", "--sources", str(manifest), "--out", str(out),
        cwd=tmp_path,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert (tmp_path / ".lodpipe-cache" / "downloads").is_dir()
    data = Graph().parse(data=dump_text(out), format="nt")
    original = URIRef(f"{BASE}source/etag.pdf")
    url = URIRef(f"{base}/etag.pdf")
    assert (original, PROV.hadPrimarySource, url) in data
    retrieval = data.value(original, PROV.wasGeneratedBy)
    assert (retrieval, PROV.used, url) in data
    assert data.value(retrieval, PROV.endedAtTime) is not None


def test_extract_gives_each_value_of_a_pdf_its_page() -> None:
    import json

    import jsonschema

    from tests.cli.test_extract import SCHEMA

    pdf = lodpipe("extract", str(DOCUMENTS / "003.pdf"))
    assert pdf.returncode == 0, pdf.stderr
    doc = json.loads(pdf.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)
    report = doc["reports"][0]["report"]
    pages = [a["text"]["source"]["page"] for y in report["years"] for a in y["activities"]]
    assert pages[0] == 1 and pages == sorted(pages) and pages[-1] >= 2
    assert report["title"]["source"]["page"] == 1
    word = json.loads(lodpipe("extract", str(DOCUMENTS / "003.docx")).stdout)
    assert "page" not in word["reports"][0]["report"]["title"]["source"]  # Word has no pages
