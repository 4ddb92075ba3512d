"""The DCAT-AP catalogue and the schema.org Dataset: official shapes, file facts, determinism."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest
from pyshacl import validate
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic
from rdflib.namespace import DCAT, DCTERMS, RDF, SH, SKOS, XSD

from pipeline.publish.catalog import (
    LICENCE,
    CatalogIris,
    Distribution,
    catalog_graph,
    schema_org_dataset,
    site_distributions,
)
from pipeline.publish.discovery import CATALOG_JSONLD, CATALOG_TTL
from pipeline.rdf.iris import Iris
from pipeline.settings import Settings

SPDX_CHECKSUM = URIRef("http://spdx.org/rdf/terms#checksum")
SPDX_VALUE = URIRef("http://spdx.org/rdf/terms#checksumValue")
SPDX_ALGORITHM = URIRef("http://spdx.org/rdf/terms#algorithm")
SHA256 = URIRef("http://spdx.org/rdf/terms#checksumAlgorithm_sha256")

#: The official DCAT-AP 3.0.1 shapes (SEMICeu/DCAT-AP), kept in the shared folder beside
#: the repository clone.
DCAT_AP = (
    Path(__file__).resolve().parents[3] / "shared" / "external" / "dcat-ap" / "releases" / "3.0.1"
)
SHAPES = DCAT_AP / "html" / "shacl"

AUTHORITY = "http://publications.europa.eu/resource/authority/"
#: The class each DCAT-AP range shape asks of the EU authority values we use; the catalogue
#: states them itself because portals validate it without the EU tables.
AUTHORITY_CLASSES = {
    DCTERMS.license: DCTERMS.LicenseDocument,
    DCTERMS.language: DCTERMS.LinguisticSystem,
    DCTERMS.spatial: DCTERMS.Location,
    DCAT.theme: SKOS.Concept,
    DCAT.themeTaxonomy: SKOS.ConceptScheme,
    DCTERMS["format"]: DCTERMS.MediaTypeOrExtent,
    DCTERMS.type: SKOS.Concept,
}


def dcat_ap_shapes() -> Graph:
    if not SHAPES.is_dir():
        pytest.skip(f"the DCAT-AP 3.0.1 shapes are not beside the repository ({SHAPES})")
    shapes = Graph()
    for name in ("shapes.ttl", "range.ttl"):
        shapes.parse(SHAPES / name, format="turtle")
    return shapes


@pytest.fixture(scope="module")
def catalogue(corpus_site: Path) -> Graph:
    return Graph().parse(corpus_site / CATALOG_TTL, format="turtle")


def test_catalogue_conforms_to_dcat_ap_301_without_background_knowledge(
    catalogue: Graph,
) -> None:
    # Only the catalogue and the official shapes: no EU tables, no ont_graph.
    conforms, _report, text = validate(catalogue, shacl_graph=dcat_ap_shapes())
    assert conforms, text


def test_eu_authority_values_carry_the_class_the_range_shapes_ask(catalogue: Graph) -> None:
    checked = 0
    for predicate, cls in AUTHORITY_CLASSES.items():
        for value in set(catalogue.objects(None, predicate)):
            if str(value).startswith((AUTHORITY, "http://purl.org/adms/")):
                assert (value, RDF.type, cls) in catalogue, (predicate, value)
                checked += 1
    # licence, 2 languages, Latvia, 2 themes, the theme table, 6 file types, 2 ADMS types
    assert checked == 1 + 2 + 1 + 2 + 1 + 6 + 2
    for concept in catalogue.subjects(RDF.type, SKOS.Concept):
        assert catalogue.value(concept, SKOS.prefLabel) is not None, concept


def test_without_the_classes_the_range_shapes_fail(catalogue: Graph) -> None:
    # The shapes really check these classes: dropping them brings the failures back.
    bare = Graph()
    for subject, predicate, value in catalogue:
        if predicate != RDF.type or not str(subject).startswith(AUTHORITY):
            bare.add((subject, predicate, value))
    conforms, report, _text = validate(bare, shacl_graph=dcat_ap_shapes())
    assert not conforms
    components = set(report.objects(None, SH.sourceConstraintComponent))
    assert components == {SH.ClassConstraintComponent}


def test_catalogue_describes_the_dataset_for_portals(catalogue: Graph) -> None:
    iris = CatalogIris(Settings().base_iri)
    ministry = Iris(Settings().base_iri).ministry()
    assert (iris.catalog, RDF.type, DCAT.Catalog) in catalogue
    assert (iris.catalog, DCAT.dataset, iris.dataset) in catalogue
    for node in (iris.catalog, iris.dataset):
        assert catalogue.value(node, DCTERMS.publisher) == ministry
        titles = {t.language for t in catalogue.objects(node, DCTERMS.title)}  # type: ignore[attr-defined]
        assert titles == {"lv", "en"}
    assert (iris.catalog, DCTERMS.license, LICENCE) in catalogue
    assert (iris.dataset, DCTERMS.spatial, URIRef(AUTHORITY + "country/LVA")) in catalogue
    assert set(catalogue.objects(iris.dataset, DCAT.theme)) == {
        URIRef(AUTHORITY + "data-theme/GOVE"),
        URIRef(AUTHORITY + "data-theme/SOCI"),
    }
    assert catalogue.value(iris.dataset, DCAT.contactPoint) is not None
    period = catalogue.value(iris.dataset, DCTERMS.temporal)
    start = catalogue.value(period, DCAT.startDate)
    end = catalogue.value(period, DCAT.endDate)
    assert isinstance(start, Literal) and end is not None
    assert start.datatype == XSD.date and str(start) < str(end)
    keywords = {k.language for k in catalogue.objects(iris.dataset, DCAT.keyword)}  # type: ignore[attr-defined]
    assert keywords == {"lv", "en"}


def test_every_download_is_a_distribution_with_its_real_size_and_sha256(
    corpus_site: Path, catalogue: Graph
) -> None:
    base = Settings().base_iri
    dataset = CatalogIris(base).dataset
    listed = {}
    for node in catalogue.objects(dataset, DCAT.distribution):
        url = str(catalogue.value(node, DCAT.downloadURL))
        assert url.startswith(base)
        assert catalogue.value(node, DCAT.accessURL) == URIRef(url)
        listed[url.removeprefix(base)] = node
    expected = {d.path for d in site_distributions(corpus_site)}
    assert set(listed) == expected
    assert {"data/dataset.nt.gz", "data/dataset.jsonld.gz"} <= expected
    assert {"data/ontology.ttl", "data/shapes.ttl", "data/csv-metadata.json"} <= expected
    assert {"data/activities.csv", "data/indicators.csv", "data/funding.csv"} <= expected
    for path, node in listed.items():
        content = (corpus_site / path).read_bytes()
        size = catalogue.value(node, DCAT.byteSize)
        assert size == Literal(str(len(content)), datatype=XSD.nonNegativeInteger), path
        checksum = catalogue.value(node, SPDX_CHECKSUM)
        assert catalogue.value(checksum, SPDX_ALGORITHM) == SHA256
        value = catalogue.value(checksum, SPDX_VALUE)
        assert value == Literal(hashlib.sha256(content).hexdigest(), datatype=XSD.hexBinary)
        media = str(catalogue.value(node, DCAT.mediaType))
        assert media.startswith("http://www.iana.org/assignments/media-types/"), path
        assert catalogue.value(node, DCTERMS.license) == LICENCE
        assert catalogue.value(node, DCTERMS["format"]) is not None, path
        assert {t.language for t in catalogue.objects(node, DCTERMS.title)} == {"lv", "en"}  # type: ignore[attr-defined]


def test_media_types_follow_the_extension(catalogue: Graph) -> None:
    by_extension = {
        ".ttl": "text/turtle",
        ".nt": "application/n-triples",
        ".jsonld": "application/ld+json",
        ".csv": "text/csv",
        ".json": "application/csvm+json",
        ".txt": "text/plain",
    }
    gzip = URIRef("http://www.iana.org/assignments/media-types/application/gzip")
    compressed = 0
    for node in catalogue.subjects(RDF.type, DCAT.Distribution):
        url = str(catalogue.value(node, DCAT.downloadURL))
        media = str(catalogue.value(node, DCAT.mediaType)).rsplit("media-types/", 1)[1]
        path = Path(url)
        if path.suffix == ".gz":
            # a compressed dump: its media type is what it holds, gzip its compression
            compressed += 1
            assert catalogue.value(node, DCAT.compressFormat) == gzip, url
            path = path.with_suffix("")
        else:
            assert catalogue.value(node, DCAT.compressFormat) is None, url
        assert media == by_extension[path.suffix], url
    assert compressed == 3  # dataset.nt.gz, .jsonld.gz, validation.nt.gz


def test_jsonld_is_the_same_graph_as_turtle(corpus_site: Path, catalogue: Graph) -> None:
    data = (corpus_site / CATALOG_JSONLD).read_bytes()
    assert "@context" in json.loads(data)
    # pyoxigraph reads JSON-LD 1.1 without fetching anything; rdflib compares.
    triples = ox.serialize(
        ox.parse(data, format=ox.RdfFormat.JSON_LD), format=ox.RdfFormat.N_TRIPLES
    )
    assert isomorphic(Graph().parse(data=triples, format="nt"), catalogue)


def test_a_missing_file_is_refused(tmp_path: Path) -> None:
    missing = Distribution("data/nothing.ttl", "text/turtle", "Nothing", "Nekas")
    with pytest.raises(FileNotFoundError):
        catalog_graph(Settings(out_dir=tmp_path), [missing])


@pytest.mark.parametrize("path", ["/etc/passwd.txt", "../x.ttl", "data/noextension"])
def test_distribution_paths_stay_inside_the_site(path: str) -> None:
    with pytest.raises(ValueError, match="relative"):
        Distribution(path, "text/plain", "x", "x")


def test_output_is_the_same_bytes_whatever_the_hash_seed(corpus_site: Path, tmp_path: Path) -> None:
    script = (
        "import sys; from pathlib import Path; from pipeline.settings import Settings;"
        "from pipeline.publish.catalog import site_distributions;"
        "from pipeline.publish.discovery import write_crawler_files;"
        "site = Path(sys.argv[1]);"
        "write_crawler_files(site, Settings(out_dir=site), site_distributions(site),"
        " site_url='https://example.github.io/lodpipe/')"
    )
    outputs = []
    for seed in ("1", "2"):
        site = tmp_path / seed
        shutil.copytree(corpus_site, site)
        env = {**os.environ, "PYTHONHASHSEED": seed}
        subprocess.run([sys.executable, "-c", script, str(site)], check=True, env=env)
        outputs.append(
            {
                p.relative_to(site).as_posix(): p.read_bytes()
                for p in sorted(site.rglob("*"))
                if p.is_file()
            }
        )
    assert outputs[0] == outputs[1]


def test_schema_org_dataset_for_the_home_page(corpus_site: Path) -> None:
    settings = Settings(out_dir=corpus_site)
    distributions = site_distributions(corpus_site)
    doc = schema_org_dataset(settings, distributions)
    json.dumps(doc)  # embeddable as it is
    assert doc["@context"] == "https://schema.org/" and doc["@type"] == "Dataset"
    assert doc["@id"] == str(CatalogIris(settings.base_iri).dataset)
    # Google Dataset Search: a name, and a description of 50 to 5000 characters.
    assert doc["name"]
    assert 50 <= len(str(doc["description"])) <= 5000
    assert doc["license"] == "https://creativecommons.org/licenses/by/4.0/"
    downloads = doc["distribution"]
    # The whole dataset's downloads; each report's source text is a part, on its own page
    whole = [d for d in distributions if not d.path.startswith("source/")]
    assert len(whole) < len(distributions)  # the five source texts are left out
    assert isinstance(downloads, list) and len(downloads) == len(whole)
    for download, item in zip(downloads, whole, strict=True):
        assert download["contentUrl"] == settings.base_iri + item.path
        assert download["encodingFormat"] == item.media_type
        size = (corpus_site / item.path).stat().st_size
        assert download["contentSize"] == f"{size} B"


def test_split_tables_are_listed_part_by_part(corpus_site: Path, tmp_path: Path) -> None:
    """A table published in parts (past GitHub Pages' file limit) is a distribution per
    part, numbered in its title; the whole table is not listed, as it is not there."""
    site = tmp_path / "site"
    shutil.copytree(corpus_site / "data", site / "data")
    whole = site / "data" / "activities.csv"
    lines = whole.read_text(encoding="utf-8").splitlines(keepends=True)
    (site / "data" / "activities.part-001.csv").write_text("".join(lines[:3]), "utf-8")
    (site / "data" / "activities.part-002.csv").write_text(lines[0] + "".join(lines[3:]), "utf-8")
    whole.unlink()
    found = {d.path: d for d in site_distributions(site)}
    assert "data/activities.csv" not in found
    first, second = found["data/activities.part-001.csv"], found["data/activities.part-002.csv"]
    assert (first.title, second.title_lv) == (
        "Activities (CSV), part 1 of 2",
        "Aktivitātes (CSV), 2. daļa no 2",
    )
    assert first.media_type == "text/csv"
    assert "data/indicators.csv" in found  # the other tables as they are
