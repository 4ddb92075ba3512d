"""The built site from the bundled reports: IRI <-> page bijection, fragment ids, the
same graph in the page, its alternates and the dump, links, and page structure."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from rdflib import BNode, Graph, URIRef
from rdflib.compare import isomorphic

from pipeline.publish.render import SiteInput
from pipeline.publish.render.paths import SitePaths
from pipeline.rdf.namespaces import VOCAB_ROOT
from tests.publish.render.htmlscan import Scan, scan

RESOURCE_ROOTS = ("id", "source", "def")


def dump(site_input: SiteInput) -> Graph:
    """What the dataset dump holds: every mapped graph and every validation report."""
    graph = Graph()
    for mapped in site_input.graphs:
        graph += mapped.graph
    for validation in site_input.validations:
        graph += validation.report
    return graph


def vocabulary(site_input: SiteInput) -> Graph:
    return site_input.ontology + site_input.shapes


@pytest.fixture(scope="module")
def pages(site: Path) -> dict[str, Scan]:
    return {p.relative_to(site).as_posix(): scan(p) for p in sorted(site.rglob("*.html"))}


def resource_pages(pages: dict[str, Scan]) -> list[str]:
    return [p for p in pages if p.split("/")[0] in RESOURCE_ROOTS]


def ours(iri: str, base: str) -> bool:
    return iri.startswith((base, VOCAB_ROOT))


def test_every_iri_in_the_dump_has_exactly_one_page(
    bundled: SiteInput, site: Path, pages: dict[str, Scan]
) -> None:
    base = bundled.settings.base_iri
    paths = SitePaths(base)
    iris = {
        str(n)
        for t in dump(bundled)
        for n in (t[0], t[2])
        if isinstance(n, URIRef) and ours(str(n), base)
    }
    assert len(iris) > 1000
    named: dict[str, list[str]] = {}
    for path in resource_pages(pages):
        stem = site / path.removesuffix(".html")
        # as a JSON-LD processor reads it: relative and prefixed ids resolved
        described = parse_jsonld(stem.with_suffix(".jsonld").read_text(encoding="utf-8"))
        subjects = {str(s) for s in described.subjects()}
        own = [i for i in subjects if "#" not in i and ours(i, base) and paths.page(i) == path]
        for iri in own:
            named.setdefault(iri, []).append(path)
    for iri in sorted(iris):
        doc = iri.partition("#")[0]
        path = paths.page(iri)
        assert path in pages, f"{iri} has no page"
        if doc in named or "#" not in iri:
            assert named.get(doc) == [path], f"{doc} is named by {named.get(doc)}"
        # The page shows the IRI it is about, verbatim.
        assert doc in "".join(pages[path].text), f"{path} does not show {doc}"
        fragment = iri.partition("#")[2]
        if fragment:
            assert fragment in pages[path].ids, f"{path} has no element id {fragment!r}"


def test_no_page_lacks_an_iri(bundled: SiteInput, pages: dict[str, Scan]) -> None:
    paths = SitePaths(bundled.settings.base_iri)
    for path in resource_pages(pages):
        page = pages[path]
        assert len(page.jsonld) == 1, path
        cite = [href for tag, rel, href in page.links if rel == "cite-as"]
        assert len(cite) == 1 and paths.page(cite[0]) == path, path


def test_ids_are_unique_on_every_page(pages: dict[str, Scan]) -> None:
    for path, page in pages.items():
        duplicates = {i for i in page.ids if page.ids.count(i) > 1}
        assert not duplicates, f"{path}: {sorted(duplicates)[:5]}"


def expected_slice(graph: Graph, doc: str) -> Graph:
    """Written apart from the renderer: own triples and the blank nodes they reach (those
    pointing at the page are in their subjects' pages)."""
    out = Graph()
    todo = []
    for s, p, o in graph:
        s_doc = str(s).partition("#")[0] if isinstance(s, URIRef) else None
        if s_doc == doc:
            out.add((s, p, o))
            if isinstance(o, BNode):
                todo.append(o)
    seen = set()
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        for p, o in graph.predicate_objects(node):
            out.add((node, p, o))
            if isinstance(o, BNode):
                todo.append(o)
    return out


def parse_jsonld(text: str) -> Graph:
    with warnings.catch_warnings():
        # rdflib's JSON-LD parser still builds a ConjunctiveGraph inside; not our concern.
        warnings.simplefilter("ignore", DeprecationWarning)
        return Graph().parse(data=text, format="json-ld")


def test_page_jsonld_alternates_and_dump_slice_are_the_same_graph(
    bundled: SiteInput, site: Path, pages: dict[str, Scan]
) -> None:
    data, vocab = dump(bundled), vocabulary(bundled)
    base = bundled.settings.base_iri
    union, triples = Graph(), 0
    for path in resource_pages(pages):
        page = pages[path]
        doc = next(href for _, rel, href in page.links if rel == "cite-as")
        stem = site / path.removesuffix(".html")
        summary = json.loads(page.jsonld[0])
        turtle = Graph().parse(stem.with_suffix(".ttl"), format="turtle")
        jsonld = parse_jsonld(stem.with_suffix(".jsonld").read_text(encoding="utf-8"))
        expected = expected_slice(vocab if doc.startswith(VOCAB_ROOT) else data, doc)
        assert len(turtle) > 0 or not ours(doc, base), path
        # The page embeds a schema.org summary naming the resource and its alternates;
        # the alternates carry the whole slice.
        assert summary["@id"] == doc and summary["@context"] == "https://schema.org/", path
        offered = {m["contentUrl"] for m in summary["subjectOf"]}
        assert offered == {f"{base}{path.removesuffix('.html')}.{e}" for e in ("ttl", "jsonld")}
        # N-Triples would repeat the Turtle at three times the bytes; the dump has it.
        assert not stem.with_suffix(".nt").exists(), path
        assert isomorphic(jsonld, turtle), path
        assert isomorphic(turtle, expected), f"{path}: {len(turtle)} vs {len(expected)} triples"
        if not doc.startswith(VOCAB_ROOT):
            union += turtle
            triples += len(turtle)
        if any(str(s).startswith(doc + "#") for s in turtle.subjects()):
            # The page's own fragments are written relative to it, most of its bytes.
            text = stem.with_suffix(".ttl").read_text(encoding="utf-8")
            assert f": <{doc}#> ." in text, path
            assert not re.search(re.escape(f"<{doc}#") + "[^>]", text), path
            context = json.loads(stem.with_suffix(".jsonld").read_bytes())["@context"]
            assert context["@base"] == doc, path
    # Each triple is in one page's alternates, and every one is: together they are the dump.
    assert isomorphic(union, data) and triples == len(data)


def internal(href: str) -> bool:
    return not re.match(r"^[a-z][a-z0-9+.-]*:", href)


def test_all_internal_links_resolve(site: Path, pages: dict[str, Scan]) -> None:
    checked = 0
    for path, page in pages.items():
        if path == "404.html":
            continue  # served at any depth; its links are absolute or made by its script
        for _, _, href in page.links:
            if not internal(href):
                continue
            target, _, fragment = href.partition("#")
            resolved = (
                (site / path).parent / unquote(urlsplit(target).path) if target else site / path
            )
            resolved = resolved.resolve()
            assert resolved.is_file(), f"{path}: {href} -> {resolved}"
            assert site.resolve() in resolved.parents, f"{path}: {href} leaves the site"
            if fragment and resolved.suffix == ".html":
                ids = pages[resolved.relative_to(site.resolve()).as_posix()].ids
                assert unquote(fragment) in ids, f"{path}: {href} has no target"
            checked += 1
    assert checked > 3000


def test_links_are_relative(bundled: SiteInput, pages: dict[str, Scan]) -> None:
    base = bundled.settings.base_iri
    for path, page in pages.items():
        if path == "404.html":
            continue
        for tag, rel, href in page.links:
            assert not href.startswith("/"), f"{path}: {href}"
            if rel != "cite-as":  # the one place the IRI itself is the point
                assert not (
                    href.startswith(base) and SitePaths(base).owns(href) and _has_page(href, base)
                ), f"{path}: {tag} links to its IRI {href} instead of the page"
        for src in page.sources:
            assert internal(src) and not src.startswith("/"), f"{path}: {src}"


def _has_page(href: str, base: str) -> bool:
    return href.partition("#")[0][len(base) :].split("/")[0] in ("id", "source")


def test_no_request_to_another_host(site: Path) -> None:
    for path in site.rglob("*.html"):
        html = path.read_text(encoding="utf-8")
        for match in re.finditer(
            r'<(?:link|script|img|iframe|source)\b[^>]*?(?:href|src)="([^"]+)"', html
        ):
            tag = match.group(0)
            if 'rel="cite-as"' in tag or 'rel="license"' in tag:
                continue  # links for readers, never fetched by the browser
            # a data: URI is inline content, not a request
            assert internal(match.group(1)) or match.group(1).startswith("data:"), f"{path}: {tag}"
        assert "@import" not in html and "url(http" not in html
    css = (site / "static" / "site.css").read_text(encoding="utf-8")
    assert "http" not in css.replace("http://www.w3.org/2000/svg", "")


def test_page_structure(pages: dict[str, Scan]) -> None:
    for path, page in pages.items():
        assert page.html_lang == "lv", path
        assert "main" in page.ids and page.links[0][2] != "", path
        # Headings start at h1, once, and never skip a level going down.
        assert page.headings[0] == 1 and page.headings.count(1) == 1, path
        for before, after in zip(page.headings, page.headings[1:], strict=False):
            assert after <= before + 1, f"{path}: h{before} then h{after}"
        if page.tables:
            assert page.table_headers >= page.tables, path
    skip = pages["index.html"].links
    assert any(href == "#main" for _, _, href in skip)


def test_english_text_is_marked(site: Path) -> None:
    html = (site / "index.html").read_text(encoding="utf-8")
    assert '<span lang="en" class="en">Reports</span>' in html
    report = next((site / "id" / "report").glob("000-*.html")).read_text(encoding="utf-8")
    assert 'lang="en"' in report and 'lang="lv"' in report


def test_report_page_shows_facts_with_source_lines(site: Path) -> None:
    html = next((site / "id" / "report").glob("000-*.html")).read_text(encoding="utf-8")
    assert re.search(r'<a class="src" href="\.\./\.\./source/000-[0-9a-f]+\.html#L\d+">', html)
    assert "\u00a0EUR" in html  # amounts formatted
    assert "2022. gada" in html and "July 2022" in html  # dates in both languages
    source = next((site / "source").glob("000-*.html")).read_text(encoding="utf-8")
    assert 'id="L1"' in source and 'id="sha256"' in source


def test_overview_pages_exist(site: Path, pages: dict[str, Scan]) -> None:
    for path in (
        "index.html", "404.html", "doc/reports.html", "doc/implementers.html", "doc/regions.html",
        "doc/years.html", "doc/indicator-kinds.html", "doc/schemes.html", "doc/money.html",
        "doc/quality.html", "doc/search.html", "doc/accessibility.html", "def/core.html",
        "def/shapes.html", "def/region.html", "static/site.css", "static/search.js", "search.json",
    ):  # fmt: skip
        assert (site / path).is_file(), path
    money = (site / "doc" / "money.html").read_text(encoding="utf-8")
    assert money.count("<svg") >= 2 and "<title" in money
    entries = json.loads((site / "search.json").read_text(encoding="utf-8"))
    assert all((site / e["href"].partition("#")[0]).is_file() for e in entries)
    assert any("Latgale" in e["en"] for e in entries)


def test_quality_page_lists_each_issue_once_with_the_checks_that_found_it(
    bundled: SiteInput, site: Path
) -> None:
    html = (site / "doc" / "quality.html").read_text(encoding="utf-8")
    problems = [*(f for p in bundled.parsed for f in p.findings)]
    problems += [r for v in bundled.validations for r in v.problems]
    # Written apart from the renderer: per (file, line, code), as many issues as the check
    # that found the most there; each found by the checks that have that many.
    counts: dict[tuple[str | None, int | None, str], dict[str, int]] = {}
    for p in problems:
        key = (p.span.file if p.span else p.file, p.line, p.code)
        by_check = counts.setdefault(key, {})
        by_check[p.check.value] = by_check.get(p.check.value, 0) + 1
    expected = [
        (key[2], " ".join(sorted(c for c, k in by.items() if k > n)))
        for key, by in counts.items()
        for n in range(max(by.values()))
    ]
    rows = re.findall(
        r'<tr class="issue"><th scope="row"><code>([^<]+)</code></th><td data-checks="([^"]+)">',
        html,
    )
    # 24 findings of the parser, of which the SHACL consistency rules find 20 again
    assert len(problems) == 44 and len(expected) == 24
    assert sorted(rows) == sorted(expected)
    assert sum(checks == "parser shacl" for _, checks in rows) == 20
    assert re.search(r'id="issue-count">24<', html)


def test_resource_files_never_use_index_html(site: Path) -> None:
    for root in RESOURCE_ROOTS:
        assert not list((site / root).rglob("index.html"))


def test_a_place_page_lists_each_report_naming_it_once_with_its_activities(
    bundled: SiteInput, site: Path, pages: dict[str, Scan]
) -> None:
    """A row per report (not per activity: a town named in thousands of activities), and
    every activity that names the place, as the data says, linked from its row."""
    from pipeline.rdf.namespaces import DCTERMS

    data = dump(bundled)
    base = bundled.settings.base_iri
    checked = 0
    for path in sorted(p for p in pages if p.startswith("id/place/")):
        place = URIRef(base + path.removesuffix(".html"))
        activities = {str(s) for s in data.subjects(DCTERMS.spatial, place)}
        reports = {a.partition("#")[0] for a in activities}
        html = (site / path).read_text(encoding="utf-8")
        rows = re.findall(r"<tr><th scope=\"row\"><a href=\"\.\./report/([^\"#]+)\.html\"", html)
        assert sorted(rows) == sorted({r.rpartition("/")[2] for r in reports}), path
        linked = set(re.findall(r"href=\"\.\./report/([^\"]+\.html#[^\"]+)\"", html))
        expected = {f"{a.rpartition('/')[2].replace('#', '.html#', 1)}" for a in activities}
        assert linked == expected, path
        checked += len(activities)
    assert checked > 50  # the bundled reports name dozens of places


def test_a_place_page_rows_are_activities_naming_it_other_links_are_referenced_by(
    bundled: SiteInput,
) -> None:
    """Only a report's activities naming the place (`dct:spatial`) make its rows; anything
    else from a report (a validation result focused on the place) is listed as referring
    to it."""
    from dataclasses import replace

    from pipeline.publish.render.context import build_context
    from pipeline.publish.render.pages_resource import place_view
    from pipeline.rdf import MappedGraph
    from pipeline.rdf.namespaces import DCTERMS, SH
    from pipeline.rdf.provenance import SourceIndex

    base = bundled.settings.base_iri
    place = f"{base}id/place/daugavpils"
    data = dump(bundled)
    report = sorted(
        {str(s).partition("#")[0] for s in data.subjects(DCTERMS.spatial, URIRef(place))}
    )[0]
    extra = Graph()
    extra.add((URIRef(f"{report}#validation-9"), SH.focusNode, URIRef(place)))
    site = replace(bundled, graphs=(*bundled.graphs, MappedGraph("extra", extra, SourceIndex())))
    view = place_view(build_context(site), place)
    linked = {a.href for m in view.mentions for a in m.activities}
    assert linked and not any(h.endswith("#validation-9") for h in linked)
    assert len({m.delegation.report.href for m in view.mentions}) == len(view.mentions)
    assert [
        i.subject.href for i in view.inbound if (i.subject.href or "").endswith("#validation-9")
    ]
