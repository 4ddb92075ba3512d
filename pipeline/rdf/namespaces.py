"""Every namespace and prefix the graphs use, bound in one place.

The vocabulary namespaces are fixed (they name terms, not data), so they do not follow the
configurable base IRI; data IRIs are minted in `iris.py` from `Settings.base_iri`.
"""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, OWL, PROV, RDF, RDFS, SH, SKOS, TIME, XSD
from rdflib.store import Store

#: Where our own vocabulary lives; one document per part, terms are fragments.
VOCAB_ROOT = "https://w3id.org/lodpipe/def/"

LP = Namespace(VOCAB_ROOT + "core#")
LPSH = Namespace(VOCAB_ROOT + "shapes#")
REGION = Namespace(VOCAB_ROOT + "region#")
QUALIFIER = Namespace(VOCAB_ROOT + "qualifier#")
INDICATOR = Namespace(VOCAB_ROOT + "indicator-kind#")
PURPOSE = Namespace(VOCAB_ROOT + "purpose#")
AMOUNT_TYPE = Namespace(VOCAB_ROOT + "amount-type#")
LEGAL_FORM = Namespace(VOCAB_ROOT + "legal-form#")
MINORITY = Namespace(VOCAB_ROOT + "minority#")
GROUP = Namespace(VOCAB_ROOT + "activity-group#")

#: The concept schemes: the document IRI (without '#') is the scheme itself.
SCHEMES = {
    "region": REGION,
    "qualifier": QUALIFIER,
    "indicator-kind": INDICATOR,
    "purpose": PURPOSE,
    "amount-type": AMOUNT_TYPE,
    "legal-form": LEGAL_FORM,
    "minority": MINORITY,
    "activity-group": GROUP,
}

ADMS = Namespace("http://www.w3.org/ns/adms#")
CV = Namespace("http://data.europa.eu/m8g/")
#: The IANA media type registry, whose IRIs dcat:mediaType takes.
IANA = Namespace("http://www.iana.org/assignments/media-types/")
QB = Namespace("http://purl.org/linked-data/cube#")
ROV = Namespace("http://www.w3.org/ns/regorg#")
# schema.org's own JSON-LD context maps to http, not https; rdflib's default SDO is https.
SCHEMA = Namespace("http://schema.org/")
SDMX_ATTRIBUTE = Namespace("http://purl.org/linked-data/sdmx/2009/attribute#")
SDMX_MEASURE = Namespace("http://purl.org/linked-data/sdmx/2009/measure#")
SPDX = Namespace("http://spdx.org/rdf/terms#")
VANN = Namespace("http://purl.org/vocab/vann/")

#: EU Publications Office currency table.
#: The EU's currency authority table (its concepts, not a vocabulary of terms).
CURRENCY = "http://publications.europa.eu/resource/authority/currency/"
EUR = f"{CURRENCY}EUR"
#: The org-id.guide list of the Latvian Register of Enterprises.
LV_RE_SCHEME = "https://org-id.guide/list/LV-RE"

PREFIXES: dict[str, str] = {
    "lp": str(LP),
    "lpsh": str(LPSH),
    "region": str(REGION),
    "qualifier": str(QUALIFIER),
    "indicator": str(INDICATOR),
    "purpose": str(PURPOSE),
    "amounttype": str(AMOUNT_TYPE),
    "legalform": str(LEGAL_FORM),
    "minority": str(MINORITY),
    "activitygroup": str(GROUP),
    "adms": str(ADMS),
    "currency": CURRENCY,
    "cv": str(CV),
    "dcat": str(DCAT),
    "dct": str(DCTERMS),
    "foaf": str(FOAF),
    "org": str(ORG),
    "owl": str(OWL),
    "prov": str(PROV),
    "qb": str(QB),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "rov": str(ROV),
    "schema": str(SCHEMA),
    "sdmx-attribute": str(SDMX_ATTRIBUTE),
    "sdmx-measure": str(SDMX_MEASURE),
    "sh": str(SH),
    "skos": str(SKOS),
    "spdx": str(SPDX),
    "time": str(TIME),
    "vann": str(VANN),
    "xsd": str(XSD),
}


def new_graph(store: str | Store = "default") -> Graph:
    """An empty graph with exactly our prefixes bound (rdflib's defaults dropped).

    `store="SimpleMemory"` gives a graph without named-graph bookkeeping, about twice as
    fast to fill and read, for graphs only read by lodpipe itself (pyshacl needs the
    default store)."""
    graph = Graph(store=store, bind_namespaces="none")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace, override=True, replace=True)
    return graph


__all__ = [
    "ADMS",
    "AMOUNT_TYPE",
    "CV",
    "DCAT",
    "DCTERMS",
    "EUR",
    "FOAF",
    "GROUP",
    "INDICATOR",
    "LEGAL_FORM",
    "LP",
    "LPSH",
    "LV_RE_SCHEME",
    "MINORITY",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "PURPOSE",
    "QB",
    "QUALIFIER",
    "RDF",
    "RDFS",
    "REGION",
    "ROV",
    "SCHEMA",
    "SCHEMES",
    "SDMX_ATTRIBUTE",
    "SDMX_MEASURE",
    "SH",
    "SKOS",
    "SPDX",
    "TIME",
    "VANN",
    "VOCAB_ROOT",
    "XSD",
    "new_graph",
]
