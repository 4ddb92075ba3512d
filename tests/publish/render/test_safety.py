"""Report text is data: markup in a report renders inert, and no file is named after
anything but a minted key. Same input, same bytes."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef

from pipeline.parse import parse_bytes
from pipeline.publish.render import SiteInput, UnsafeIRI, render_site
from pipeline.rdf import MappedGraph
from pipeline.rdf.namespaces import DCTERMS, SKOS
from pipeline.rdf.provenance import SourceIndex
from tests.conftest import MINIMAL
from tests.publish.render.conftest import REPO, assemble
from tests.publish.render.htmlscan import scan

ATTACK = '<script>alert("x")</script><img src=x onerror=alert(1)> </script>'
FRAME = '<iframe src="javascript:alert(2)"></iframe>'


@pytest.fixture(scope="module")
def hostile(tmp_path_factory: pytest.TempPathFactory) -> tuple[SiteInput, Path]:
    text = MINIMAL.read_text(encoding="utf-8")
    text = text.replace(
        "sniegtas vairāk nekā 40 konsultācijas", f"sniegtas 40 konsultācijas {ATTACK}"
    )
    text = text.replace("organizēti ap 5 pasākumi", f"organizēti ap 5 pasākumi {FRAME}")
    parsed = parse_bytes(text.encode("utf-8"), "reports/900_<script>.txt")
    assert parsed.report is not None
    site_input = assemble((parsed,))
    out = tmp_path_factory.mktemp("hostile")
    render_site(site_input, out)
    return site_input, out


def test_markup_in_a_report_renders_inert(hostile: tuple[SiteInput, Path]) -> None:
    _, out = hostile
    pages = list(out.rglob("*.html"))
    assert pages
    for page in pages:
        html = page.read_text(encoding="utf-8")
        assert "<script>alert" not in html, page
        assert "<img src=x" not in html, page
        assert "<iframe" not in html, page
        found = scan(page)
        # Only our own scripts: the JSON-LD block, search.js, copy.js, and the 404 page's
        # inline copy.
        assert all(src.endswith(("static/search.js", "static/copy.js")) for src in found.sources), (
            page
        )
    report = next((out / "id" / "report").glob("*.html")).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in report
    assert "&lt;iframe src=&#34;javascript:alert(2)&#34;&gt;" in report


def test_markup_in_a_report_stays_in_the_data(hostile: tuple[SiteInput, Path]) -> None:
    """Escaping is for HTML only: the page's JSON-LD alternate still says what the report
    says, and the summary embedded in the page cannot close its script element."""
    _, out = hostile
    page = next((out / "id" / "report").glob("*.html"))
    found = scan(page)
    assert "</script>" not in found.jsonld[0]  # cannot close the script element
    summary = json.loads(found.jsonld[0])
    assert summary["@id"].endswith(page.stem) and summary["@type"] == "Report"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        graph = Graph().parse(page.with_suffix(".jsonld"), format="json-ld")
    assert any(ATTACK in str(o) for o in graph.objects(None, DCTERMS.description))


def test_file_names_come_from_minted_keys(hostile: tuple[SiteInput, Path]) -> None:
    _, out = hostile
    names = [p.relative_to(out).as_posix() for p in out.rglob("*")]
    assert "id/report/900-script.html" in names
    assert all("<" not in n and " " not in n for n in names)


def _with_node(site_input: SiteInput, iri: str) -> SiteInput:
    graph = Graph()
    graph.add((URIRef(iri), SKOS.prefLabel, Literal("x", lang="lv")))
    extra = MappedGraph("extra", graph, SourceIndex())
    return SiteInput(
        settings=site_input.settings,
        parsed=site_input.parsed,
        graphs=(*site_input.graphs, extra),
        validations=site_input.validations,
        ontology=site_input.ontology,
        shapes=site_input.shapes,
    )


@pytest.mark.parametrize(
    "tail",
    ["id/report/../../../escaped", "id/report/<script>", "id/report/a b", "source/x.y", "other/x"],
)
def test_a_hostile_iri_is_refused(
    hostile: tuple[SiteInput, Path], tmp_path: Path, tail: str
) -> None:
    site_input, _ = hostile
    with pytest.raises(UnsafeIRI):
        render_site(_with_node(site_input, site_input.settings.base_iri + tail), tmp_path / "out")
    assert not (tmp_path / "escaped").exists()


def test_an_iri_that_is_the_prefix_of_another_is_refused(
    hostile: tuple[SiteInput, Path], tmp_path: Path
) -> None:
    site_input, _ = hostile
    report = next(str(s) for s in site_input.graphs[0].graph.subjects() if "/id/report/" in str(s))
    with pytest.raises(UnsafeIRI, match="prefix"):
        render_site(_with_node(site_input, report.partition("#")[0] + "/part"), tmp_path / "out")


def _digest(root: Path) -> dict[str, str]:
    return {
        p.relative_to(root).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(root.rglob("*"))
        if p.is_file()
    }


@pytest.fixture(scope="module")
def rendered(bundled: SiteInput, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The pages alone (no data files), as render_site writes them."""
    out = tmp_path_factory.mktemp("rendered")
    render_site(bundled, out)
    return out


def test_same_input_same_bytes(bundled: SiteInput, rendered: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    render_site(bundled, again)
    assert _digest(again) == _digest(rendered)


def test_same_bytes_under_another_hash_seed(rendered: Path, tmp_path: Path) -> None:
    """Set and dict order differ between processes; the files must not."""
    other = tmp_path / "other"
    code = (
        "import sys; from pathlib import Path; from tests.publish.render.conftest import *; "
        "from pipeline.parse import parse_report; from pipeline.publish.render import render_site; "
        "render_site(assemble(parse_report(p, name=f'reports/{p.name}') for p in REPORTS), "
        "Path(sys.argv[1]))"
    )
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    subprocess.run([sys.executable, "-c", code, str(other)], cwd=REPO, env=env, check=True)
    assert _digest(other) == _digest(rendered)


def test_build_date_comes_from_source_date_epoch(
    hostile: tuple[SiteInput, Path], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site_input, _ = hostile
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # 2023-11-14
    render_site(site_input, tmp_path / "out")
    html = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert '<time datetime="2023-11-14">' in html


@pytest.mark.parametrize("link", ["id", "index.html"])
def test_a_link_in_the_output_folder_is_never_written_through(
    bundled: SiteInput, tmp_path: Path, link: str
) -> None:
    """Each folder of the output is resolved once and each file is looked at: a symbolic
    link to somewhere else (a folder or a file) is refused, and nothing is written there."""
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "keep.txt").write_text("mine", encoding="utf-8")
    out = tmp_path / "out"
    out.mkdir()
    (out / link).symlink_to(outside / link if link == "index.html" else outside)
    with pytest.raises(UnsafeIRI, match="refusing to write"):
        render_site(bundled, out)
    assert sorted(p.name for p in outside.iterdir()) == ["keep.txt"]
    assert (outside / "keep.txt").read_text(encoding="utf-8") == "mine"
