"""Each page's slice of the published graphs, and its deterministic serialisations.

A page's description is: every triple whose subject is the page's IRI or one of its
`#fragment` IRIs, the blank nodes those reach, and every triple of the same graph that
points at one of those IRIs (so the inverse links a page shows are in its data too).
Data pages are sliced from the data graph, vocabulary pages from the vocabulary graph, so
that a class page does not carry every resource of that class. The embedded JSON-LD, the
`.ttl`, `.jsonld` and `.nt` files of a page are all written from one sorted triple list.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from pipeline.rdf.namespaces import PREFIXES, RDF

Triple = tuple[Node, Node, Node]


class Slicer:
    """Indexes one graph by the page each subject and object belongs to (one pass)."""

    def __init__(self, graph: Graph, page_of: dict[str, str]) -> None:
        """`page_of` maps document IRIs (no fragment) to their page path."""
        self.graph = graph
        self._last: tuple[str, Graph] | None = None
        self._own: dict[str, set[Triple]] = defaultdict(set)
        self._inbound: dict[str, set[Triple]] = defaultdict(set)
        for s, p, o in graph:
            if isinstance(s, URIRef):
                doc = str(s).partition("#")[0]
                if doc in page_of:
                    self._own[doc].add((s, p, o))
            if isinstance(o, URIRef) and p != RDF.type:
                doc = str(o).partition("#")[0]
                if doc in page_of:
                    self._inbound[doc].add((s, p, o))

    def documents(self) -> set[str]:
        return set(self._own) | set(self._inbound)

    def own(self, doc: str) -> set[Triple]:
        return self._own.get(doc, set())

    def inbound(self, doc: str) -> set[Triple]:
        """Triples of other pages that point here (not those inside the page itself)."""
        return {t for t in self._inbound.get(doc, set()) if t not in self.own(doc)}

    def describe(self, doc: str) -> Graph:
        """The page's slice as a graph. The page's writer and its view ask for the same
        slice one after the other, so the last one is kept."""
        if self._last is not None and self._last[0] == doc:
            return self._last[1]
        described = self._describe(doc)
        self._last = (doc, described)
        return described

    def _describe(self, doc: str) -> Graph:
        triples = self.own(doc) | self.inbound(doc)
        out = Graph(bind_namespaces="none")
        for triple in triples:
            out.add(triple)
        for node in _closure(self.graph, (o for _, _, o in triples)):
            for p, o in self.graph.predicate_objects(node):
                out.add((node, p, o))
        return out


def _closure(graph: Graph, start: Iterable[Node]) -> Iterator[BNode]:
    seen: set[BNode] = set()
    todo = [n for n in start if isinstance(n, BNode)]
    while todo:
        node = todo.pop()
        if node in seen:
            continue
        seen.add(node)
        yield node
        todo.extend(o for o in graph.objects(node) if isinstance(o, BNode))


def sorted_triples(graph: Graph) -> list[Triple]:
    """Triples in a stable order; blank nodes get labels from their place in the graph, so
    the same graph always gives the same bytes."""
    if any(isinstance(t, BNode) for triple in graph for t in (triple[0], triple[2])):
        graph = to_canonical_graph(graph)
    return sorted(graph, key=lambda t: (_sort_key(t[0]), t[1] != RDF.type, t[1].n3(), t[2].n3()))


def _sort_key(node: Node) -> tuple[int, str]:
    # Named subjects first (in IRI order), then blank nodes, like a reader expects.
    return (1 if isinstance(node, BNode) else 0, str(node))


def _ox(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        if node.datatype:
            return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype)))
        return ox.Literal(str(node))
    raise TypeError(f"not an RDF term: {node!r}")


def _ox_subject(node: Node) -> ox.NamedNode | ox.BlankNode:
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    return ox.NamedNode(str(node))


def serialise(triples: list[Triple], extension: str) -> bytes:
    """`ttl`, `nt` or `jsonld` bytes of already sorted triples (JSON-LD in expanded form:
    absolute IRIs, no remote context to fetch)."""
    formats = {
        "ttl": ox.RdfFormat.TURTLE,
        "nt": ox.RdfFormat.N_TRIPLES,
        "jsonld": ox.RdfFormat.JSON_LD,
    }
    quads = [ox.Triple(_ox_subject(s), ox.NamedNode(str(p)), _ox(o)) for s, p, o in triples]
    used = _used_prefixes(triples) if extension == "ttl" else None
    data = ox.serialize(quads, format=formats[extension], prefixes=used) or b""
    return data if data.endswith(b"\n") else data + b"\n"


def _used_prefixes(triples: list[Triple]) -> dict[str, str]:
    """Only the prefixes the slice uses, so each file declares what it needs."""
    iris = {str(t) for triple in triples for t in triple if isinstance(t, URIRef)}
    iris |= {str(o.datatype) for _, _, o in triples if isinstance(o, Literal) and o.datatype}
    return {
        prefix: ns
        for prefix, ns in sorted(PREFIXES.items())
        if any(i.startswith(ns) and _local_ok(i[len(ns) :]) for i in iris)
    }


def _local_ok(local: str) -> bool:
    return bool(local) and all(c.isalnum() or c in "-_" for c in local)


def script_json(data: bytes) -> str:
    """JSON for a `<script>` element: `<`, `>` and `&` escaped so report text cannot close
    the element (JSON parsers read the escapes back as the same characters)."""
    text = data.decode("utf-8").rstrip("\n")
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
