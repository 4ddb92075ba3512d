"""The files portals, crawlers and resolvers look for: the DCAT-AP catalogue as Turtle and
JSON-LD, the VoID description (also at /.well-known/void), sitemap.xml, robots.txt,
.nojekyll and the resolver's .htaccess.

Run last: the catalogue measures the downloads and the sitemap lists the pages, so both must
exist. Bytes depend only on the site's files and the settings, never on time or hash seeds.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from xml.sax.saxutils import escape

import pyoxigraph as ox
from rdflib import Graph, Literal, Namespace, URIRef

from pipeline.publish.catalog import (
    CATALOG_PREFIXES,
    DESCRIPTION,
    LICENCE,
    TITLE,
    Distribution,
    catalog_graph,
)
from pipeline.publish.dumps import DumpStatistics
from pipeline.publish.resolver import htaccess, resource_groups
from pipeline.rdf.iris import CatalogIris, Iris
from pipeline.rdf.namespaces import DCTERMS, FOAF, PREFIXES, RDF, XSD
from pipeline.rdf.serialise import open_dump, serialise, sorted_triples
from pipeline.settings import DUMP_DIR, DUMP_STEM, Settings, dump_files

VOID = Namespace("http://www.w3.org/ns/void#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")

CATALOG_TTL = "catalog.ttl"
CATALOG_JSONLD = "catalog.jsonld"
VOID_TTL = "void.ttl"
WELL_KNOWN_VOID = ".well-known/void"
SITEMAP = "sitemap.xml"
#: The sitemap protocol's limit per file: past it the URLs go into several files under a
#: sitemap index (`sitemap_files`); `sitemap_xml` refuses to write a bad file.
SITEMAP_LIMIT = 50_000
#: Pages that are not content: the 404 page is what a missing path shows.
NOT_IN_SITEMAP = frozenset({"404.html"})

_DUMP_FORMATS = (
    ("nt", FORMATS["N-Triples"]),
    ("jsonld", FORMATS["JSON-LD"]),
)


def write_crawler_files(
    site_dir: Path,
    settings: Settings,
    distributions: Sequence[Distribution],
    *,
    site_url: str | None = None,
    temporal: tuple[dt.date, dt.date] | None = None,
    modified: dt.date | None = None,
    statistics: DumpStatistics | None = None,
) -> list[Path]:
    """Writes catalog.ttl, catalog.jsonld, void.ttl, .well-known/void, the dataset's
    description (data/dataset.ttl, .jsonld), sitemap.xml, robots.txt, .nojekyll and
    .htaccess into `site_dir`; returns their paths, sorted.

    `site_url` is where the site is deployed (e.g. the GitHub Pages URL) when that is not
    the base IRI: the sitemap and robots.txt name URLs there, as crawlers require, and the
    resolver redirects there. IRIs and download URLs in the catalogue stay under the base.
    """
    deployed = site_url or settings.base_iri
    if not deployed.endswith("/"):
        raise ValueError(f"the site URL must end with '/': {deployed}")
    catalog = catalog_graph(
        settings, distributions, site_dir=site_dir, temporal=temporal, modified=modified
    )
    void = void_graph(settings, site_dir, statistics)
    # The dataset's IRI (<base>data/dataset) dereferences to its description, catalogue
    # and VoID together: the dumps themselves are published compressed only.
    described = sorted_triples([catalog, void])
    catalogue, voided = sorted_triples([catalog]), sorted_triples([void])
    both = {**CATALOG_PREFIXES, **VOID_PREFIXES}
    void_ttl = serialise(voided, "ttl", VOID_PREFIXES)
    files: dict[str, bytes] = {
        f"{DUMP_DIR}/{DUMP_STEM}.ttl": serialise(described, "ttl", both),
        f"{DUMP_DIR}/{DUMP_STEM}.jsonld": serialise(described, "jsonld", both),
        CATALOG_TTL: serialise(catalogue, "ttl", CATALOG_PREFIXES),
        CATALOG_JSONLD: serialise(catalogue, "jsonld", CATALOG_PREFIXES),
        VOID_TTL: void_ttl,
        WELL_KNOWN_VOID: void_ttl,
        **sitemap_files(page_urls(site_dir, deployed), deployed),
        "robots.txt": robots_txt(deployed),
        ".nojekyll": b"",
    }
    written = []
    for name, content in files.items():
        path = site_dir / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
        written.append(path)
    # Last, so that the rules also cover the catalogue and VoID files just written.
    rules = htaccess(resource_groups(site_dir), settings.base_iri, deployed)
    (site_dir / ".htaccess").write_bytes(rules.encode("utf-8"))
    written.append(site_dir / ".htaccess")
    return sorted(written)


# --- VoID ------------------------------------------------------------------------------------

VOID_PREFIXES = {
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "formats": str(FORMATS),
    "void": str(VOID),
    "xsd": str(XSD),
}


def void_graph(
    settings: Settings, site_dir: Path, statistics: DumpStatistics | None = None
) -> Graph:
    """The VoID description of the dataset (the same IRI as the catalogue's dcat:Dataset):
    dumps, URI space, vocabularies and the `statistics` of the dump (counted from the
    N-Triples dump when not given)."""
    iris = CatalogIris(settings.base_iri)
    dataset, document = iris.dataset, iris.void
    graph = Graph(bind_namespaces="none")
    add = graph.add
    add((document, RDF.type, VOID.DatasetDescription))
    add((document, FOAF.primaryTopic, dataset))
    add((document, DCTERMS.title, Literal("VoID description of the dataset", lang="en")))
    add((dataset, RDF.type, VOID.Dataset))
    for text, language in TITLE:
        add((dataset, DCTERMS.title, Literal(text, lang=language)))
    for text, language in DESCRIPTION:
        add((dataset, DCTERMS.description, Literal(text, lang=language)))
    add((dataset, DCTERMS.license, LICENCE))
    add((dataset, DCTERMS.publisher, Iris(settings.base_iri).ministry()))
    add((dataset, FOAF.homepage, iris.home))
    add((dataset, VOID.uriSpace, Literal(settings.base_iri)))
    add((dataset, VOID.rootResource, iris.home))
    for extension, feature in _DUMP_FORMATS:
        for path in dump_files(site_dir / DUMP_DIR, extension, plain=False):
            add((dataset, VOID.dataDump, iris.file(path.relative_to(site_dir).as_posix())))
            add((dataset, VOID.feature, feature))
    if statistics is None:
        dump = dump_files(site_dir / DUMP_DIR, "nt", plain=False)
        statistics = _count(dump) if dump else None
    if statistics is not None:
        _statistics(graph, dataset, statistics)
    return graph


def _count(dump: Sequence[Path]) -> DumpStatistics:
    """Statistics read from the dump (a site the build did not just count itself)."""
    total = DumpStatistics()
    for path in dump:
        with open_dump(path) as stream:
            triples = [q.triple for q in ox.parse(stream, format=ox.RdfFormat.N_TRIPLES)]
        total = total + DumpStatistics.of(triples)
    return total


def _statistics(graph: Graph, dataset: URIRef, statistics: DumpStatistics) -> None:
    properties, classes = statistics.properties, statistics.classes
    for name, value in (
        ("triples", statistics.triples),
        ("distinctSubjects", statistics.subjects),
        ("properties", len(properties)),
        ("classes", len(classes)),
    ):
        graph.add((dataset, VOID[name], Literal(value, datatype=XSD.integer)))
    used = {ns for ns in PREFIXES.values() if any(p.startswith(ns) for p in properties | classes)}
    for namespace in sorted(used):
        graph.add((dataset, VOID.vocabulary, URIRef(namespace)))


# --- sitemap and robots.txt -----------------------------------------------------------------


def page_urls(site_dir: Path, site_url: str) -> list[str]:
    """The URL of every HTML page as GitHub Pages answers it, sorted: `x.html` -> `x`,
    `x/index.html` -> `x/`. Pages in hidden folders and the 404 page are left out."""
    urls = []
    for path in site_dir.rglob("*.html"):
        relative = path.relative_to(site_dir).as_posix()
        if relative in NOT_IN_SITEMAP or any(p.startswith(".") for p in relative.split("/")):
            continue
        if relative == "index.html" or relative.endswith("/index.html"):
            urls.append(site_url + relative.removesuffix("index.html"))
        else:
            urls.append(site_url + relative.removesuffix(".html"))
    return sorted(urls)


def sitemap_xml(urls: Sequence[str]) -> bytes:
    """A sitemap (sitemaps.org 0.9) of `urls`; raises ValueError past the protocol's limit."""
    if len(urls) > SITEMAP_LIMIT:
        raise ValueError(f"{len(urls)} pages: a sitemap holds at most {SITEMAP_LIMIT} URLs")
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        *(f"  <url><loc>{escape(url)}</loc></url>" for url in urls),
        "</urlset>",
    ]
    return ("\n".join(lines) + "\n").encode("utf-8")


def sitemap_files(urls: Sequence[str], site_url: str) -> dict[str, bytes]:
    """`sitemap.xml` with every URL; past the protocol's limit per file (an archive of some
    15,000 reports has more pages), the URLs in `sitemap-1.xml`, `sitemap-2.xml`, ... in
    order, and `sitemap.xml` the sitemap index naming them, which robots.txt points at."""
    if len(urls) <= SITEMAP_LIMIT:
        return {SITEMAP: sitemap_xml(urls)}
    parts = {
        f"sitemap-{n}.xml": sitemap_xml(urls[start : start + SITEMAP_LIMIT])
        for n, start in enumerate(range(0, len(urls), SITEMAP_LIMIT), start=1)
    }
    lines = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
        *(f"  <sitemap><loc>{escape(site_url + name)}</loc></sitemap>" for name in parts),
        "</sitemapindex>",
    ]
    return {SITEMAP: ("\n".join(lines) + "\n").encode("utf-8"), **parts}


def robots_txt(site_url: str) -> bytes:
    """Everything may be crawled; the sitemap is named with its absolute URL."""
    return f"User-agent: *\nAllow: /\n\nSitemap: {site_url}{SITEMAP}\n".encode()
