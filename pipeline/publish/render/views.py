"""The view models templates see: plain frozen dataclasses, strings and sorted tuples.

Templates never see rdflib objects. Links in views are site-root paths ("id/report/x.html")
or absolute external IRIs; the `rel` filter makes the site paths relative per page.
Builders for whole pages are in `pages_*.py`; this module holds the shared pieces: labels,
values and the generic property table every resource and fragment can be shown as.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.collection import Collection
from rdflib.term import Node

from pipeline.publish.render.paths import SitePaths, UnsafeIRI
from pipeline.rdf.namespaces import DCTERMS, LP, PREFIXES, PROV, RDF, RDFS, ROV, SKOS, XSD


@dataclass(frozen=True, slots=True)
class Label:
    """A name in both interface languages (`en` repeats `lv` when there is no translation)."""

    lv: str
    en: str


@dataclass(frozen=True, slots=True)
class Value:
    """One object shown in a table cell: text, its language, and where it links."""

    text: str
    lang: str | None = None
    href: str | None = None
    en: str | None = None  # the English label of a linked term, shown after the Latvian
    note: str | None = None  # datatype or CURIE, in small print
    kind: str = "text"  # "text", "iri" (a resource), "date", "money", "number"
    unit: str = "EUR"  # of money: ISO 4217 ("LVL" for lati)


@dataclass(frozen=True, slots=True)
class Row:
    predicate: Label
    curie: str
    href: str | None
    values: tuple[Value, ...]


@dataclass(frozen=True, slots=True)
class Source:
    """Where a fact was read: the line range and the link to the published source line."""

    line: int
    end_line: int
    href: str


@dataclass(frozen=True, slots=True)
class Part:
    """A resource (the page's own IRI or a `#fragment`) as a table of its properties."""

    id: str
    iri: str
    label: Label
    types: tuple[Value, ...]
    rows: tuple[Row, ...]
    source: Source | None


@dataclass(frozen=True, slots=True)
class Inbound:
    """A link to this page from elsewhere: "<subject> <predicate> this"."""

    subject: Value
    predicate: Label
    target: str  # the element id pointed at ("" for the page itself)


@dataclass(frozen=True, slots=True)
class Alternate:
    href: str
    media_type: str
    name: str


@dataclass(frozen=True, slots=True)
class Page:
    """What every page has: its path (for relative links), title, and for resource pages
    the IRI, alternates and the embedded JSON-LD."""

    path: str
    kind: str
    title: Label
    iri: str | None = None
    alternates: tuple[Alternate, ...] = ()
    jsonld: str | None = None
    build_date: str = ""
    version: str = ""


_NAME_PREDICATES = (SKOS.prefLabel, RDFS.label, ROV.legalName, DCTERMS.title)
#: Shown apart: the type under the heading, the source as a link to the line.
_HIDDEN_ROWS = frozenset({RDF.type, PROV.wasDerivedFrom})
_LOCAL = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
#: The namespaces a curie may use, the longest first (and of two alike, the one whose
#: curie sorts last): the first that fits is the one `Terms.curie` picks.
_LONGEST_FIRST = sorted(
    PREFIXES.items(), key=lambda item: (len(item[1]), f"{item[0]}:"), reverse=True
)
#: An IRI's names a label shows: in Latvian, without a language, in English.
_Names = tuple[Literal | None, Literal | None, Literal | None]
_UNNAMED: _Names = (None, None, None)
_LANGUAGES = {"lv": 0, "": 1, "en": 2}


def _named(names: _Names, slot: int, name: Literal) -> _Names:
    lv, plain, en = names
    return (name, plain, en) if slot == 0 else (lv, name, en) if slot == 1 else (lv, plain, name)


class Terms:
    """Labels of every term and resource, links to their pages, and values for tables."""

    def __init__(self, graphs: tuple[Graph, ...], paths: SitePaths, pages: set[str]) -> None:
        self.paths = paths
        self.pages = pages  # document IRIs that have a page
        # Only the first name in sort order is kept, in Latvian, without a language and in
        # English (all a label shows), as the graphs' own literals: at archive scale there
        # are a few hundred thousand named IRIs, and a copy of each name's text and a
        # dictionary of languages per IRI were most of the labels' memory.
        names: dict[str, _Names] = {}
        for graph in graphs:
            for predicate in _NAME_PREDICATES:
                for s, o in graph.subject_objects(predicate):
                    if isinstance(s, URIRef) and isinstance(o, Literal):
                        key = str(s)
                        known = names.get(key, _UNNAMED)
                        slot = _LANGUAGES.get(o.language or "")
                        if slot is not None:
                            first = known[slot]
                            if first is None or str(o) < str(first):
                                known = _named(known, slot, o)
                        names[key] = known
        self._names = names
        # Types are looked up when an unnamed fragment needs one, not indexed: an index
        # copied the text of every typed subject (almost half the labels' memory).
        self._graphs = tuple(graphs)

    def label(self, iri: str) -> Label:
        lv_name, plain, en_name = (
            None if name is None else str(name) for name in self._names.get(iri, _UNNAMED)
        )
        lv = lv_name or plain or en_name
        en = en_name or lv
        if lv is None or en is None:
            # An unnamed fragment ("#year-2") is called after its type: "īstenošanas gads ·
            # year-2".
            cls = self._type_of(iri) if "#" in iri else None
            if cls is not None and cls in self._names:
                kind = self.label(cls)
                name = _fallback(iri)
                return Label(f"{kind.lv} · {name}", f"{kind.en} · {name}")
            short = self.curie(iri)
            return Label(short, short)
        return Label(lv, en)

    def _type_of(self, iri: str) -> str | None:
        """The type `iri` is called after: our own classes first, then the first in IRI
        order (the same whatever order the graphs give them in)."""
        node = URIRef(iri)
        best: str | None = None
        for graph in self._graphs:
            for o in graph.objects(node, RDF.type):
                cls = str(o)
                if best is None or _prefer(cls, best):
                    best = cls
        return best

    def has_label(self, iri: str) -> bool:
        return iri in self._names

    def curie(self, iri: str) -> str:
        """`lp:ordinal` for terms of a known namespace (the longest that fits), else the
        path under our base, else the IRI."""
        for prefix, ns in _LONGEST_FIRST:
            if iri.startswith(ns) and _LOCAL.fullmatch(iri, len(ns)):
                return f"{prefix}:{iri[len(ns) :]}"
        if iri.startswith(self.paths.base):
            return iri[len(self.paths.base) :]
        return iri

    def href(self, iri: str) -> str:
        """The site path of an IRI that has a page (with its fragment) or names a published
        file, else the IRI."""
        published = self.paths.file(iri)
        if published is not None:
            return published
        doc = self.paths.document(iri)
        if doc in self.pages:
            try:
                path = self.paths.page(iri)
                fragment = self.paths.fragment(iri)
            except UnsafeIRI:
                return iri
            return f"{path}#{fragment}" if fragment else path
        return iri

    def value(self, node: Node) -> Value:
        if isinstance(node, URIRef):
            iri = str(node)
            label = self.label(iri)
            en = label.en if label.en != label.lv else None
            return Value(label.lv, "lv", self.href(iri), en, self.curie(iri), "iri")
        if isinstance(node, Literal):
            datatype = str(node.datatype) if node.datatype else None
            kind = "text"
            if datatype == str(XSD.date):
                kind = "date"
            elif datatype in (str(XSD.integer), str(XSD.positiveInteger), str(XSD.decimal)):
                kind = "number"
            note = self.curie(datatype) if datatype else None
            return Value(str(node), node.language, None, None, note, kind)
        return Value("(blank node)", "en", None, None, None, "text")

    def rows(
        self, graph: Graph, subject: Node, skip: frozenset[URIRef] = frozenset()
    ) -> tuple[Row, ...]:
        """Every property of `subject` but its type, sorted by the predicate's label."""
        by_predicate: dict[str, list[Node]] = defaultdict(list)
        for p, o in graph.predicate_objects(subject):
            if p not in _HIDDEN_ROWS and p not in skip:
                by_predicate[str(p)].append(o)
        rows = []
        for predicate, objects in by_predicate.items():
            values = sorted((self._value_in(graph, o) for o in objects), key=_value_order)
            label = self.label(predicate)
            href = self.href(predicate)
            rows.append(Row(label, self.curie(predicate), href, tuple(values)))
        return tuple(sorted(rows, key=lambda r: (r.predicate.en.casefold(), r.curie)))

    def _value_in(self, graph: Graph, node: Node) -> Value:
        """Like `value`, but an RDF list (`sh:in ( ... )`) is shown as its members."""
        if isinstance(node, BNode) and graph.value(node, RDF.first) is not None:
            members = [self.value(m) for m in Collection(graph, node)]
            return Value(", ".join(m.note or m.text for m in members), None, kind="list")
        return self.value(node)

    def types(self, graph: Graph, subject: Node) -> tuple[Value, ...]:
        return tuple(
            sorted((self.value(t) for t in graph.objects(subject, RDF.type)), key=_value_order)
        )

    def source(self, graph: Graph, subject: Node, spans: Graph | None = None) -> Source | None:
        """The first line a fact was read from (`prov:wasDerivedFrom` -> a span of the
        source text). A span is described on its text's page, not in a report page's slice:
        a report page looks spans up in `spans`, the report's graph. Pages drawn from the
        reports' summaries in the main process must not: the summaries leave spans out."""
        where = graph if spans is None else spans
        found = []
        for span in graph.objects(subject, PROV.wasDerivedFrom):
            line, end = where.value(span, LP.line), where.value(span, LP.endLine)
            document = where.value(span, DCTERMS.isPartOf)
            if isinstance(line, Literal) and isinstance(document, URIRef):
                number = int(line)
                href = self.href(f"{document}#L{number}")
                found.append(Source(number, int(end) if isinstance(end, Literal) else number, href))
        return min(found, key=lambda s: (s.line, s.href)) if found else None

    def part(
        self,
        graph: Graph,
        subject: URIRef,
        skip: frozenset[URIRef] = frozenset(),
        spans: Graph | None = None,
    ) -> Part:
        iri = str(subject)
        return Part(
            id=self.paths.fragment(iri),
            iri=iri,
            label=self.label(iri),
            types=self.types(graph, subject),
            rows=self.rows(graph, subject, skip),
            source=self.source(graph, subject, spans),
        )

    def inbound(self, triples: set[tuple[Node, Node, Node]]) -> tuple[Inbound, ...]:
        out = []
        for s, p, o in triples:
            if isinstance(s, BNode):
                continue
            out.append(Inbound(self.value(s), self.label(str(p)), self.paths.fragment(str(o))))
        return tuple(sorted(out, key=lambda i: (i.target, i.predicate.en, _value_order(i.subject))))


def _prefer(candidate: str, current: str) -> bool:
    """Our own classes name things best; otherwise the first in IRI order."""
    ours = (candidate.startswith(str(LP)), current.startswith(str(LP)))
    return (ours[0] and not ours[1]) or (ours[0] == ours[1] and candidate < current)


def _fallback(iri: str) -> str:
    """A readable name for an unlabelled resource: its fragment or last path segment."""
    doc, _, fragment = iri.partition("#")
    return fragment or doc.rstrip("/").rpartition("/")[2] or iri


def _value_order(value: Value) -> tuple[str, str, str]:
    return (value.text.casefold(), value.href or "", value.lang or "")


def sorted_by_iri(nodes: Iterable[Node]) -> list[URIRef]:
    """IRIs in natural order: `year-2` before `year-10`."""
    items = [n for n in nodes if isinstance(n, URIRef)]
    # The IRI itself breaks ties (`x-01`, `x-1`): the order never depends on the store's.
    return sorted(items, key=lambda n: (natural_key(str(n)), str(n)))


def natural_key(text: str) -> tuple[tuple[int, int | str], ...]:
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text) if part
    )
