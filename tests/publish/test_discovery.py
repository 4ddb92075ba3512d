"""Files for crawlers and resolvers: VoID, sitemap.xml, robots.txt, .nojekyll and the
w3id-style .htaccess, whose rules are read here and replayed against `lodpipe serve`."""

from __future__ import annotations

import http.client
import re
import shutil
import threading
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD

from pipeline.publish.catalog import CatalogIris, site_distributions
from pipeline.publish.discovery import (
    VOID,
    VOID_TTL,
    WELL_KNOWN_VOID,
    page_urls,
    sitemap_xml,
    write_crawler_files,
)
from pipeline.research.serve import make_server
from pipeline.settings import Settings
from tests.sample import dump_text

BASE = Settings().base_iri
DEPLOYED = "https://example.github.io/lodpipe/"
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"

#: Pages beside the built data: resources with all their formats, a folder whose pages
#: differ in formats, pages with no data, folder pages and the 404 page.
PAGES = {
    "index.html": "",
    "404.html": "",
    "quality.html": "",
    "id/report/000-a.html": ".ttl .jsonld .nt",
    "id/report/001-b.html": ".ttl .jsonld .nt",
    "id/organisation/lv-re-40008000001.html": ".ttl .jsonld",
    "id/organisation/kulturas-ministrija.html": ".ttl",
    "doc/about-us.html": "",
    "set/reports/index.html": "",
}


@pytest.fixture(scope="module")
def site(corpus_site: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    site = tmp_path_factory.mktemp("crawlers") / "_site"
    shutil.copytree(corpus_site, site)
    for page, alternates in PAGES.items():
        path = site / page
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(f"<!doctype html><title>{page}</title>\n", encoding="utf-8")
        for extension in alternates.split():
            path.with_suffix(extension).write_text(f"# {page}\n", encoding="utf-8")
    settings = Settings(out_dir=site)
    write_crawler_files(site, settings, site_distributions(site), site_url=DEPLOYED)
    return site


# --- VoID ------------------------------------------------------------------------------------


# rdflib's own JSON-LD parser still builds a ConjunctiveGraph internally.
@pytest.mark.filterwarnings("ignore:ConjunctiveGraph is deprecated:DeprecationWarning")
def test_the_dataset_iri_dereferences_to_its_description_not_a_dump(site: Path) -> None:
    """The dumps are published compressed only: the dataset's IRI (data/dataset) is
    described by data/dataset.ttl and .jsonld, the catalogue and VoID together."""
    dataset = CatalogIris(BASE).dataset
    for name, syntax in (("data/dataset.ttl", "turtle"), ("data/dataset.jsonld", "json-ld")):
        described = Graph().parse(site / name, format=syntax)
        assert (dataset, RDF.type, URIRef("http://www.w3.org/ns/dcat#Dataset")) in described
        assert (dataset, RDF.type, VOID.Dataset) in described
        assert described.value(dataset, VOID.triples) is not None
    downloads = {d.path for d in site_distributions(site)}
    assert "data/dataset.nt.gz" in downloads and "data/dataset.ttl" not in downloads


def test_void_counts_the_dump_and_names_its_downloads(site: Path) -> None:
    void = Graph().parse(site / VOID_TTL, format="turtle")
    dataset = CatalogIris(BASE).dataset
    assert (dataset, RDF.type, VOID.Dataset) in void
    lines = dump_text(site).splitlines()
    assert void.value(dataset, VOID.triples) == Literal(len(lines), datatype=XSD.integer)
    dumps = {str(d).removeprefix(BASE) for d in void.objects(dataset, VOID.dataDump)}
    assert dumps == {"data/dataset.nt.gz", "data/dataset.jsonld.gz"}
    assert void.value(dataset, VOID.uriSpace) == Literal(BASE)
    vocabularies = set(void.objects(dataset, VOID.vocabulary))
    assert URIRef("http://www.w3.org/ns/dcat#") in vocabularies


def test_well_known_void_is_the_void_document(site: Path) -> None:
    assert (site / WELL_KNOWN_VOID).read_bytes() == (site / VOID_TTL).read_bytes()


def test_well_known_void_is_served_as_github_pages_serves_it(site: Path) -> None:
    # No extension, so GitHub Pages (and our faithful server) says application/octet-stream;
    # void.ttl is the same document as text/turtle.
    with serving(site, resolver=False) as port:
        status, headers, body = get(port, "/.well-known/void")
        assert status == 200 and headers["content-type"] == "application/octet-stream"
        assert body == (site / VOID_TTL).read_bytes()
        status, headers, _ = get(port, "/void.ttl")
        assert status == 200 and headers["content-type"].startswith("text/turtle")


# --- sitemap, robots.txt, .nojekyll ------------------------------------------------------------


def sitemap_locations(site: Path) -> list[str]:
    root = ET.parse(site / "sitemap.xml").getroot()
    assert root.tag == f"{SITEMAP_NS}urlset"
    return [loc.text or "" for loc in root.iter(f"{SITEMAP_NS}loc")]


def test_sitemap_lists_exactly_the_html_pages_sorted(site: Path) -> None:
    locations = sitemap_locations(site)
    assert locations == sorted(locations)
    pages = set()
    for path in site.rglob("*.html"):
        relative = path.relative_to(site).as_posix()
        if relative != "404.html" and not relative.startswith("."):
            pages.add(relative)
    as_files = set()
    for url in locations:
        assert url.startswith(DEPLOYED), url
        relative = url.removeprefix(DEPLOYED)
        as_files.add(
            relative + "index.html"
            if relative.endswith("/") or not relative
            else relative + ".html"
        )
    assert as_files == pages
    assert DEPLOYED in locations and DEPLOYED + "set/reports/" in locations
    assert DEPLOYED + "id/report/000-a" in locations


def test_sitemap_urls_follow_the_base_without_a_deployment_url(site: Path) -> None:
    assert page_urls(site, BASE)[0] == BASE


def test_sitemap_escapes_and_refuses_too_many_urls() -> None:
    assert b"<loc>https://e/a?b=1&amp;c=2</loc>" in sitemap_xml(["https://e/a?b=1&c=2"])
    with pytest.raises(ValueError, match="at most 50000"):
        sitemap_xml(["https://e/"] * 50_001)


def test_robots_txt_points_at_the_sitemap(site: Path) -> None:
    lines = (site / "robots.txt").read_text(encoding="utf-8").splitlines()
    assert "User-agent: *" in lines and "Disallow: /" not in lines
    assert f"Sitemap: {DEPLOYED}sitemap.xml" in lines


def test_nojekyll_is_there_so_that_dot_folders_are_published(site: Path) -> None:
    assert (site / ".nojekyll").is_file()


def test_a_site_url_must_end_with_a_slash(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="end with '/'"):
        write_crawler_files(tmp_path, Settings(out_dir=tmp_path), [], site_url="https://e/x")


# --- .htaccess -------------------------------------------------------------------------------


@dataclass(frozen=True)
class Rule:
    conditions: tuple[str, ...]  # patterns on %{HTTP_ACCEPT}
    pattern: str
    target: str
    status: int


def read_rules(text: str) -> list[Rule]:
    """The RewriteCond/RewriteRule pairs of an .htaccess, as Apache's mod_rewrite reads
    them: conditions bind to the next rule only. Anything unexpected fails the test."""
    rules, conditions = [], []
    for line in text.splitlines():
        if not line or line.startswith("#") or line in ("Options -MultiViews", "RewriteEngine on"):
            continue
        words = line.split(" ")
        if words[0] == "RewriteCond":
            assert words[1] == "%{HTTP_ACCEPT}" and len(words) == 3, line
            conditions.append(words[2])
        elif words[0] == "RewriteRule":
            assert len(words) == 4, line
            flags = re.fullmatch(r"\[R=(\d{3}),L\]", words[3])
            assert flags, line
            rules.append(Rule(tuple(conditions), words[1], words[2], int(flags[1])))
            conditions = []
        else:
            pytest.fail(f"unexpected line in .htaccess: {line}")
    assert not conditions, "a RewriteCond with no rule after it"
    return rules


def resolve(rules: list[Rule], path: str, accept: str) -> tuple[int, str]:
    for rule in rules:
        match = re.search(rule.pattern, path)
        if match and all(re.search(c, accept) for c in rule.conditions):
            return rule.status, match.expand(rule.target.replace("$1", r"\1"))
    raise AssertionError(f"no rule for {path}")


@pytest.fixture(scope="module")
def rules(site: Path) -> list[Rule]:
    return read_rules((site / ".htaccess").read_text(encoding="utf-8"))


ACCEPTS = {
    "no header": "",
    "anything": "*/*",
    "browser": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
    "turtle": "text/turtle",
    "json-ld": "application/ld+json",
    "n-triples": "application/n-triples",
    "turtle first": "text/turtle, application/ld+json;q=0.5",
    "rdflib nt": "text/plain, */*;q=0.1",
}
RESOURCES = [
    "id/report/000-a",
    "id/organisation/lv-re-40008000001",
    "id/organisation/kulturas-ministrija",
    "data/dataset",
    "catalog",
]


def test_htaccess_rules_are_well_formed_and_redirect_to_the_deployment(rules: list[Rule]) -> None:
    assert rules[-1] == Rule((), "^(.*)$", DEPLOYED + "$1", 302)
    for rule in rules[:-1]:
        assert rule.status == 303 and rule.target.startswith(DEPLOYED)
        assert re.compile(rule.pattern).pattern.startswith("^")


@pytest.fixture(scope="module")
def resolver_port(site: Path) -> Iterator[int]:
    with serving(site, resolver=True) as port:
        yield port


@pytest.mark.parametrize("resource", RESOURCES)
@pytest.mark.parametrize("accept", ACCEPTS.values(), ids=ACCEPTS.keys())
def test_htaccess_negotiates_as_the_local_resolver_does(
    site: Path, rules: list[Rule], resolver_port: int, resource: str, accept: str
) -> None:
    status, target = resolve(rules, resource, accept)
    assert status == 303
    assert target.startswith(DEPLOYED + resource + ".")
    chosen = target.removeprefix(DEPLOYED)
    assert (site / chosen).is_file(), f"the rule points at a missing file: {chosen}"
    served, headers, body = get(resolver_port, "/" + resource, accept or None)
    if served == 303:
        assert headers["location"] == "/" + chosen
    else:
        assert served == 200 and body == (site / chosen).read_bytes()


def test_htaccess_sends_pages_without_data_and_downloads_to_the_same_path(
    rules: list[Rule],
) -> None:
    for path in ("quality", "doc/about-us", "set/reports/", "data/dataset.nt", ""):
        assert resolve(rules, path, "text/turtle") == (302, DEPLOYED + path)


def test_htaccess_has_no_catch_all_when_the_site_is_served_at_its_base(site: Path) -> None:
    from pipeline.publish.resolver import htaccess, resource_groups

    text = htaccess(resource_groups(site), BASE, BASE)
    assert all(rule.status == 303 for rule in read_rules(text))


# --- helpers ---------------------------------------------------------------------------------


@dataclass
class serving:
    """`with serving(site) as port:` runs `lodpipe serve` on 127.0.0.1 meanwhile."""

    site: Path
    resolver: bool

    def __enter__(self) -> int:
        self.server = make_server(self.site, "127.0.0.1", 0, resolver=self.resolver)
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        return int(self.server.server_address[1])

    def __exit__(self, *exc: object) -> None:
        self.server.shutdown()
        self.server.server_close()
        self.thread.join()


def get(port: int, path: str, accept: str | None = None) -> tuple[int, dict[str, str], bytes]:
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    try:
        connection.request("GET", path, headers={"Accept": accept} if accept else {})
        response = connection.getresponse()
        headers = {k.lower(): v for k, v in response.getheaders()}
        return response.status, headers, response.read()
    finally:
        connection.close()


def test_past_the_limit_the_sitemap_is_an_index_of_parts(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.publish import discovery

    urls = [f"https://e/p{n}" for n in range(5)]
    assert set(discovery.sitemap_files(urls, "https://e/")) == {"sitemap.xml"}
    monkeypatch.setattr(discovery, "SITEMAP_LIMIT", 2)
    files = discovery.sitemap_files(urls, "https://e/")
    assert sorted(files) == ["sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml", "sitemap.xml"]
    index = ET.fromstring(files["sitemap.xml"])
    assert index.tag == f"{SITEMAP_NS}sitemapindex"
    named = [loc.text for loc in index.iter(f"{SITEMAP_NS}loc")]
    assert named == [
        "https://e/sitemap-1.xml",
        "https://e/sitemap-2.xml",
        "https://e/sitemap-3.xml",
    ]
    listed = []
    for name in ("sitemap-1.xml", "sitemap-2.xml", "sitemap-3.xml"):
        part = ET.fromstring(files[name])
        assert part.tag == f"{SITEMAP_NS}urlset"
        locations = [loc.text for loc in part.iter(f"{SITEMAP_NS}loc")]
        assert 1 <= len(locations) <= 2
        listed += locations
    assert listed == urls  # each page once, in order


def test_a_source_text_is_offered_as_plain_text_too(
    site: Path, rules: list[Rule], resolver_port: int
) -> None:
    """The spans facts were read from are RFC 5147 fragments of `source/<key>`: the IRI
    gives its plain text to whoever asks for it, on the resolver and the local server."""
    texts = sorted((site / "source").glob("*.txt"))
    assert texts
    resource = f"source/{texts[0].stem}"
    assert resolve(rules, resource, "text/plain") == (303, f"{DEPLOYED}{resource}.txt")
    assert resolve(rules, resource, "text/html") == (303, f"{DEPLOYED}{resource}.html")
    assert resolve(rules, resource, "text/turtle") == (303, f"{DEPLOYED}{resource}.ttl")
    served, headers, _ = get(resolver_port, "/" + resource, "text/plain")
    assert (served, headers["location"]) == (303, f"/{resource}.txt")
    # robots.txt is a text with no data: no rule of its own
    assert resolve(rules, "robots", "text/plain") == (302, DEPLOYED + "robots")
