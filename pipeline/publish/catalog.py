"""The dataset described for portals and search engines: a DCAT-AP 3.0.1 catalogue of every
downloadable file, and the schema.org `Dataset` the home page embeds.

Sizes and checksums are read from the files on disk, so call this after they are written.
Nothing here writes files (see `crawlers.py`); no wall-clock time, so output is repeatable.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path, PurePosixPath

from rdflib import Graph, Literal, Namespace, URIRef

from pipeline.model import Period
from pipeline.publish.table_columns import TABLE_SPECS, table_files
from pipeline.rdf.iris import CatalogIris, Iris, slug
from pipeline.rdf.namespaces import DCAT, DCTERMS, FOAF, RDF, SKOS, SPDX, XSD
from pipeline.settings import (
    COMPRESSED_SUFFIX,
    DUMP_DIR,
    DUMP_STEM,
    VALIDATION_STEM,
    Settings,
    dump_files,
    of_one_report,
)

VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")

_AUTHORITY = "http://publications.europa.eu/resource/authority/"
#: EU data themes: government and public sector; population and society.
THEMES = (URIRef(_AUTHORITY + "data-theme/GOVE"), URIRef(_AUTHORITY + "data-theme/SOCI"))
LATVIA = URIRef(_AUTHORITY + "country/LVA")
LATVIAN = URIRef(_AUTHORITY + "language/LAV")
ENGLISH = URIRef(_AUTHORITY + "language/ENG")
#: The EU licence table's entry for CC BY 4.0, which DCAT-AP asks for; the same licence as
#: the vocabulary (ontology/*.ttl). schema.org gets the licence's own page, as Google asks.
LICENCE = URIRef(_AUTHORITY + "licence/CC_BY_4_0")
LICENCE_PAGE = "https://creativecommons.org/licenses/by/4.0/"
MINISTRY_NAMES = (
    ("Latvijas Republikas Kultūras ministrija", "lv"),
    ("Ministry of Culture of the Republic of Latvia", "en"),
)
MINISTRY_SITE = "https://www.km.gov.lv/"
#: ADMS publisher and licence types (DCAT-AP recommends both).
NATIONAL_AUTHORITY = URIRef("http://purl.org/adms/publishertype/NationalAuthority")
ATTRIBUTION = URIRef("http://purl.org/adms/licencetype/Attribution")
THEME_TAXONOMY = URIRef(_AUTHORITY + "data-theme")

#: English labels of the EU table entries we use, as the tables give them: DCAT-AP asks every
#: skos:Concept and skos:ConceptScheme for a label, and a portal validates the catalogue
#: without loading the tables.
AUTHORITY_LABELS = {
    THEMES[0]: "Government and public sector",
    THEMES[1]: "Population and society",
    THEME_TAXONOMY: "Data theme",
    NATIONAL_AUTHORITY: "National authority",
    ATTRIBUTION: "Attribution",
}

#: IANA media type -> the EU file-type table's entry (DCAT-AP dct:format).
FILE_TYPES = {
    "text/turtle": "RDF_TURTLE",
    "application/n-triples": "RDF_N_TRIPLES",
    "application/ld+json": "JSON_LD",
    "text/csv": "CSV",
    "application/csvm+json": "JSON",
    "text/plain": "TXT",
    "application/pdf": "PDF",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document": "DOCX",
    "application/msword": "DOC",
    "application/vnd.oasis.opendocument.text": "ODT",
    "text/html": "HTML",
}

#: The originals a report may have been read from, as published beside its text.
ORIGINALS = {
    ".pdf": ("application/pdf", "PDF"),
    ".docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "Word",
    ),
    ".doc": ("application/msword", "Word 97–2003"),
    ".odt": ("application/vnd.oasis.opendocument.text", "OpenDocument"),
    ".htm": ("text/html", "HTML"),
}
IANA = "http://www.iana.org/assignments/media-types/"
GZIP = "application/gzip"

TITLE = (
    ("Kultūras ministrijas deleģēto uzdevumu kopsavilkumi", "lv"),
    ("Delegation reports of the Latvian Ministry of Culture", "en"),
)
DESCRIPTION = (
    (
        "Kopsavilkumi par valsts pārvaldes uzdevumiem, ko Kultūras ministrija deleģējusi "
        "biedrībām plānošanas reģionos pilsoniskās sabiedrības attīstībai un mazākumtautību "
        "atbalstam: aktivitātes, rādītāji, finansējums un katra vērtība ar avota rindu. "
        "Pretrunas kopsavilkumos nav labotas, bet publicētas kā konstatējumi.",
        "lv",
    ),
    (
        "Summary reports on public-administration tasks that the Latvian Ministry of Culture "
        "delegates to NGOs in the planning regions, for civil society and national minorities: "
        "activities, indicators and funding, each value with the report line it came from. "
        "Contradictions in the reports are not corrected but published as findings.",
        "en",
    ),
)
KEYWORDS = (
    ("deleģētie uzdevumi", "lv"),
    ("pilsoniskā sabiedrība", "lv"),
    ("mazākumtautības", "lv"),
    ("nevalstiskās organizācijas", "lv"),
    ("plānošanas reģioni", "lv"),
    ("delegated tasks", "en"),
    ("civil society", "en"),
    ("national minorities", "en"),
    ("NGOs", "en"),
    ("planning regions", "en"),
)


@dataclass(frozen=True, slots=True)
class Distribution:
    """One downloadable file of the site: `path` relative to the site folder, POSIX style."""

    path: str
    media_type: str
    title: str
    title_lv: str
    conforms_to: str | None = None
    #: The compression the file is in (`application/gzip`); `media_type` is then the type of
    #: what it holds.
    compress_format: str | None = None

    def __post_init__(self) -> None:
        pure = PurePosixPath(self.path)
        if pure.is_absolute() or ".." in pure.parts or not pure.suffix:
            raise ValueError(f"a distribution path is relative and has an extension: {self.path}")


@dataclass(frozen=True, slots=True)
class FileFacts:
    """What a portal checks a download against."""

    byte_size: int
    sha256: str


def byte_size(site_dir: Path, distribution: Distribution) -> int:
    """The size of the distribution's file, as `measure` gives it, without reading it (the
    dumps are tens of megabytes); raises FileNotFoundError when absent."""
    return (site_dir / distribution.path).stat().st_size


def measure(site_dir: Path, distribution: Distribution) -> FileFacts:
    """Size and SHA-256 of the distribution's file; raises FileNotFoundError when absent."""
    digest = hashlib.sha256()
    size = 0
    with (site_dir / distribution.path).open("rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            digest.update(block)
            size += len(block)
    return FileFacts(size, digest.hexdigest())


def site_distributions(site_dir: Path) -> tuple[Distribution, ...]:
    """The site's downloads that exist on disk, sorted by path: the dumps, the JSON-LD
    context, vocabulary, shapes and validation report, the CSV tables and their CSVW
    metadata, the source text of each report (`source/<key>.txt`) and the original document
    it was read from, when that is not the text (`source/<key>.pdf`, `.docx`, `.odt`,
    `.htm`)."""
    data = DUMP_DIR
    known = [
        Distribution(f"{data}/{DUMP_STEM}.nt", "application/n-triples",
                     "The whole dataset (N-Triples)", "Visa datu kopa (N-Triples)"),
        Distribution(f"{data}/{DUMP_STEM}.jsonld", "application/ld+json",
                     "The whole dataset (JSON-LD)", "Visa datu kopa (JSON-LD)",
                     "https://www.w3.org/TR/json-ld11/"),
        Distribution(f"{data}/context.jsonld", "application/ld+json",
                     "JSON-LD context of the dataset", "Datu kopas JSON-LD konteksts",
                     "https://www.w3.org/TR/json-ld11/"),
        Distribution(f"{data}/ontology.ttl", "text/turtle",
                     "Vocabulary (ontology)", "Vārdnīca (ontoloģija)",
                     "http://www.w3.org/2002/07/owl#"),
        Distribution(f"{data}/shapes.ttl", "text/turtle",
                     "SHACL shapes the dataset is checked against",
                     "SHACL formas, pēc kurām pārbaudīta datu kopa",
                     "http://www.w3.org/ns/shacl#"),
        *(Distribution(f"{data}/{spec.file}", "text/csv", f"{spec.title_en} (CSV)",
                       f"{spec.title_lv} (CSV)", "https://www.w3.org/TR/tabular-data-model/")
          for spec in TABLE_SPECS),
        Distribution(f"{data}/csv-metadata.json", "application/csvm+json",
                     "Description of the CSV tables (CSV on the Web)",
                     "CSV tabulu apraksts (CSV on the Web)",
                     "https://www.w3.org/TR/tabular-metadata/"),
    ]  # fmt: skip
    sources = [
        Distribution(f"source/{path.name}", "text/plain", f"Report {path.stem}: source text",
                     f"Kopsavilkums {path.stem}: avota teksts")
        for path in sorted((site_dir / "source").glob("*.txt"))
    ]  # fmt: skip
    originals = [
        Distribution(f"source/{path.name}", ORIGINALS[path.suffix][0],
                     f"Report {path.stem}: the original document ({ORIGINALS[path.suffix][1]})",
                     f"Kopsavilkums {path.stem}: oriģinālais dokuments ({ORIGINALS[path.suffix][1]})")
        for path in sorted((site_dir / "source").iterdir()) if path.suffix in ORIGINALS
    ] if (site_dir / "source").is_dir() else []  # fmt: skip
    # The dumps and the validation report are published compressed, the tables plain;
    # each whole or, past Pages' file limit, in numbered parts.
    validation = Distribution(f"{data}/{VALIDATION_STEM}.nt", "application/n-triples",
                              "SHACL validation report of the dataset (N-Triples)",
                              "Datu kopas SHACL validācijas pārskats (N-Triples)",
                              "http://www.w3.org/ns/shacl#")  # fmt: skip
    packed = []
    for dump, stem in ((known[0], DUMP_STEM), (known[1], DUMP_STEM), (validation, VALIDATION_STEM)):
        syntax = dump.path.rpartition(".")[2]
        for part in _numbered(dump, dump_files(site_dir / data, syntax, False, stem)):
            gzip = part.path.endswith(COMPRESSED_SUFFIX)
            packed.append(replace(part, compress_format=GZIP if gzip else None,
                                  title=part.title + (", gzip" if gzip else ""),
                                  title_lv=part.title_lv + (", gzip" if gzip else "")))  # fmt: skip
    tables = [
        part
        for table in known[5 : 5 + len(TABLE_SPECS)]
        for part in _numbered(table, table_files(site_dir / data, table.path.rpartition("/")[2]))
    ]
    rest = known[2:5] + known[5 + len(TABLE_SPECS) :]
    found = [
        d for d in rest + tables + packed + sources + originals if (site_dir / d.path).is_file()
    ]
    return tuple(sorted(found, key=lambda d: d.path))


def _numbered(whole: Distribution, files: Sequence[Path]) -> list[Distribution]:
    """The distribution of each file of a download published whole or in parts (in
    `whole`'s folder), each part numbered in its titles."""
    folder = whole.path.rpartition("/")[0]
    if len(files) == 1:
        return [replace(whole, path=f"{folder}/{files[0].name}")]
    return [
        replace(whole, path=f"{folder}/{path.name}",
                title=f"{whole.title}, part {n} of {len(files)}",
                title_lv=f"{whole.title_lv}, {n}. daļa no {len(files)}")
        for n, path in enumerate(files, start=1)
    ]  # fmt: skip


def coverage(periods: Iterable[Period | None]) -> tuple[dt.date, dt.date] | None:
    """The first and last day the reports' delegation periods cover; None when unknown."""
    starts, ends = [], []
    for period in periods:
        if period is not None and period.start is not None and period.end is not None:
            starts.append(period.start)
            ends.append(period.end)
    return (min(starts), max(ends)) if starts else None


def catalog_graph(
    settings: Settings,
    distributions: Sequence[Distribution],
    *,
    site_dir: Path | None = None,
    temporal: tuple[dt.date, dt.date] | None = None,
    modified: dt.date | None = None,
) -> Graph:
    """The DCAT-AP 3.0.1 catalogue: one catalogue, one dataset, a distribution per file.

    Reads each file under `site_dir` (default `settings.out_dir`) for its size and SHA-256.
    Values taken from EU authority tables (licence, themes, country, languages, file types,
    ADMS types) carry the class the tables give them, so the catalogue meets the DCAT-AP
    range shapes on its own: portals validate without the tables loaded.
    """
    root = settings.out_dir if site_dir is None else site_dir
    iris = CatalogIris(settings.base_iri)
    graph = Graph(bind_namespaces="none")
    for prefix, namespace in CATALOG_PREFIXES.items():
        graph.bind(prefix, namespace)
    catalog, dataset, home = iris.catalog, iris.dataset, iris.home
    publisher = Iris(settings.base_iri).ministry()

    add = graph.add
    add((catalog, RDF.type, DCAT.Catalog))
    _texts(graph, catalog, DCTERMS.title, TITLE)
    _texts(graph, catalog, DCTERMS.description, DESCRIPTION)
    add((catalog, DCTERMS.publisher, publisher))
    add((catalog, DCTERMS.license, LICENCE))
    add((catalog, DCTERMS.spatial, LATVIA))
    add((catalog, FOAF.homepage, home))
    add((catalog, DCAT.dataset, dataset))
    add((catalog, DCAT.themeTaxonomy, THEME_TAXONOMY))
    for language in (LATVIAN, ENGLISH):
        add((catalog, DCTERMS.language, language))

    add((publisher, RDF.type, FOAF.Agent))
    _texts(graph, publisher, FOAF.name, MINISTRY_NAMES)
    add((publisher, DCTERMS.type, NATIONAL_AUTHORITY))
    add((home, RDF.type, FOAF.Document))
    add((LICENCE, RDF.type, DCTERMS.LicenseDocument))
    add((LICENCE, DCTERMS.type, ATTRIBUTION))
    add((LATVIA, RDF.type, DCTERMS.Location))
    for language in (LATVIAN, ENGLISH):
        add((language, RDF.type, DCTERMS.LinguisticSystem))
    add((THEME_TAXONOMY, RDF.type, SKOS.ConceptScheme))
    add((THEME_TAXONOMY, DCTERMS.title, Literal(AUTHORITY_LABELS[THEME_TAXONOMY], lang="en")))
    for concept in (*THEMES, NATIONAL_AUTHORITY, ATTRIBUTION):
        add((concept, RDF.type, SKOS.Concept))
        add((concept, SKOS.prefLabel, Literal(AUTHORITY_LABELS[concept], lang="en")))
    for theme in THEMES:
        add((theme, SKOS.inScheme, THEME_TAXONOMY))

    add((dataset, RDF.type, DCAT.Dataset))
    _texts(graph, dataset, DCTERMS.title, TITLE)
    _texts(graph, dataset, DCTERMS.description, DESCRIPTION)
    _texts(graph, dataset, DCAT.keyword, KEYWORDS)
    add((dataset, DCTERMS.publisher, publisher))
    add((dataset, DCTERMS.spatial, LATVIA))
    add((dataset, DCTERMS.language, LATVIAN))
    add((dataset, DCAT.landingPage, home))
    for theme in THEMES:
        add((dataset, DCAT.theme, theme))
    contact = iris.part("contact")
    add((dataset, DCAT.contactPoint, contact))
    add((contact, RDF.type, VCARD.Kind))
    add((contact, RDF.type, VCARD.Organization))
    _texts(graph, contact, VCARD.fn, MINISTRY_NAMES)
    add((contact, VCARD.hasURL, URIRef(MINISTRY_SITE)))
    if temporal is not None:
        period = iris.part("temporal")
        add((dataset, DCTERMS.temporal, period))
        add((period, RDF.type, DCTERMS.PeriodOfTime))
        add((period, DCAT.startDate, Literal(temporal[0].isoformat(), datatype=XSD.date)))
        add((period, DCAT.endDate, Literal(temporal[1].isoformat(), datatype=XSD.date)))
    if modified is not None:
        for node in (catalog, dataset):
            add((node, DCTERMS.modified, Literal(modified.isoformat(), datatype=XSD.date)))

    for item in sorted(distributions, key=lambda d: d.path):
        add((dataset, DCAT.distribution, iris.distribution(item.path)))
        _distribution(graph, iris, item, measure(root, item))
    return graph


def _distribution(graph: Graph, iris: CatalogIris, item: Distribution, facts: FileFacts) -> None:
    node, url = iris.distribution(item.path), iris.file(item.path)
    media = URIRef(IANA + item.media_type)
    checksum = iris.part(f"{slug(item.path)}-sha256")
    add = graph.add
    add((node, RDF.type, DCAT.Distribution))
    add((node, DCTERMS.title, Literal(item.title, lang="en")))
    add((node, DCTERMS.title, Literal(item.title_lv, lang="lv")))
    add((node, DCAT.downloadURL, url))
    add((node, DCAT.accessURL, url))
    add((node, DCAT.mediaType, media))
    add((media, RDF.type, DCTERMS.MediaType))
    if item.compress_format is not None:
        packing = URIRef(IANA + item.compress_format)
        add((node, DCAT.compressFormat, packing))
        add((packing, RDF.type, DCTERMS.MediaType))
    if item.media_type in FILE_TYPES:
        file_type = URIRef(_AUTHORITY + "file-type/" + FILE_TYPES[item.media_type])
        add((node, DCTERMS["format"], file_type))
        add((file_type, RDF.type, DCTERMS.MediaTypeOrExtent))
    add((node, DCTERMS.license, LICENCE))
    add((node, DCAT.byteSize, Literal(str(facts.byte_size), datatype=XSD.nonNegativeInteger)))
    add((node, SPDX.checksum, checksum))
    add((checksum, RDF.type, SPDX.Checksum))
    add((checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256))
    add((checksum, SPDX.checksumValue, Literal(facts.sha256, datatype=XSD.hexBinary)))
    if item.conforms_to is not None:
        standard = URIRef(item.conforms_to)
        add((node, DCTERMS.conformsTo, standard))
        add((standard, RDF.type, DCTERMS.Standard))


def _texts(graph: Graph, node: URIRef, predicate: URIRef, texts: Iterable[tuple[str, str]]) -> None:
    for text, language in texts:
        graph.add((node, predicate, Literal(text, lang=language)))


CATALOG_PREFIXES = {
    "dcat": str(DCAT),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "rdf": str(RDF),
    "skos": str(SKOS),
    "spdx": str(SPDX),
    "vcard": str(VCARD),
    "xsd": str(XSD),
}


def schema_org_dataset(
    settings: Settings,
    distributions: Sequence[Distribution],
    *,
    site_dir: Path | None = None,
    temporal: tuple[dt.date, dt.date] | None = None,
) -> dict[str, object]:
    """The schema.org `Dataset` (Google Dataset Search) for the home page's
    `<script type="application/ld+json">`: the same facts as the catalogue, in English.
    Its downloads are the whole dataset's; each report's own files are on the report's
    page (the catalogue lists them too)."""
    root = settings.out_dir if site_dir is None else site_dir
    iris = CatalogIris(settings.base_iri)
    english = dict((lang, text) for text, lang in DESCRIPTION)["en"]
    publisher = {
        "@type": "GovernmentOrganization",
        "@id": str(Iris(settings.base_iri).ministry()),
        "name": MINISTRY_NAMES[1][0],
        "alternateName": MINISTRY_NAMES[0][0],
        "url": MINISTRY_SITE,
    }
    document: dict[str, object] = {
        "@context": "https://schema.org/",
        "@type": "Dataset",
        "@id": str(iris.dataset),
        "name": TITLE[1][0],
        "alternateName": TITLE[0][0],
        "description": english,
        "url": str(iris.home),
        "inLanguage": ["lv", "en"],
        "isAccessibleForFree": True,
        "license": LICENCE_PAGE,
        "keywords": [text for text, _ in KEYWORDS],
        "creator": publisher,
        "publisher": publisher,
        "spatialCoverage": {"@type": "Place", "name": "Latvia"},
        "includedInDataCatalog": {"@type": "DataCatalog", "url": str(iris.catalog)},
    }
    if temporal is not None:
        document["temporalCoverage"] = f"{temporal[0].isoformat()}/{temporal[1].isoformat()}"
    document["distribution"] = [
        {
            "@type": "DataDownload",
            "name": item.title,
            "contentUrl": str(iris.file(item.path)),
            "encodingFormat": item.media_type,
            "contentSize": f"{byte_size(root, item)} B",
        }
        for item in sorted(distributions, key=lambda d: d.path)
        if not of_one_report(item.path)
    ]
    return document
