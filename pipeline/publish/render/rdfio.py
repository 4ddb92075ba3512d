"""Each page's slice of the published graphs, and its deterministic serialisations.

A page's view is drawn from every triple whose subject is the page's IRI or one of its
`#fragment` IRIs, the blank nodes those reach, and every triple of the same graph that
points at one of those IRIs (the inverse links a page shows). Its alternates hold the
first two (`Slicer.concise`), with the description of the files published beside it (a
text's original, `source/<key>.pdf`), which have no page. Data pages are sliced from the
data graph, vocabulary pages from the vocabulary graph, so that a class page does not
carry every resource of that class.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator

from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from pipeline.rdf.namespaces import RDF

Triple = tuple[Node, Node, Node]


class Slicer:
    """Indexes one graph by the page each subject and object belongs to (one pass)."""

    def __init__(
        self, graph: Graph, page_of: dict[str, str], nodes: Iterable[Node] | None = None
    ) -> None:
        """`page_of` maps document IRIs (no fragment) to their page path. With `nodes`,
        the graph's subjects and objects, only the triples of those on a page are looked
        up (an archive's summaries hold hundreds of thousands of triples, a few thousand
        of them on the pages sliced here); else every triple is read once."""
        self.graph = graph
        self._last: tuple[str, Graph] | None = None
        self._own: dict[str, set[Triple]] = defaultdict(set)
        self._inbound: dict[str, set[Triple]] = defaultdict(set)
        self._files: dict[str, set[Triple]] = defaultdict(set)
        document: dict[Node, str | None] = {}  # a node is in many triples: looked up once

        def page(node: Node) -> str | None:
            if node not in document:
                doc = str(node).partition("#")[0]
                document[node] = doc if doc in page_of else None
            return document[node]

        def beside(node: URIRef) -> str | None:
            """The page a published file is beside: `source/<key>.pdf` -> `source/<key>`."""
            stem, dot, extension = str(node).rpartition(".")
            named = dot and "#" not in extension and "/" not in extension
            return stem if named and stem in page_of else None

        if nodes is not None:
            # Straight from the store: rdflib's `Graph.triples` wraps each triple it hands on
            # in a generator of its own, half the time of this loop over an archive.
            store = graph.store
            for node in nodes:
                if not isinstance(node, URIRef):
                    continue
                if (doc := page(node)) is not None:
                    own = {t for t, _ in store.triples((node, None, None))}
                    inbound = {t for t, _ in store.triples((None, None, node)) if t[1] != RDF.type}
                    if own:  # a node that is only a type names no page of its own
                        self._own[doc] |= own
                    if inbound:
                        self._inbound[doc] |= inbound
                elif (doc := beside(node)) is not None:
                    self._files[doc] |= {t for t, _ in store.triples((node, None, None))}
            return
        for s, p, o in graph:
            if isinstance(s, URIRef):
                if (doc := page(s)) is not None:
                    self._own[doc].add((s, p, o))
                elif (doc := beside(s)) is not None:
                    self._files[doc].add((s, p, o))
            if isinstance(o, URIRef) and p != RDF.type and (doc := page(o)) is not None:
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

    def concise(self, doc: str) -> set[Triple]:
        """What the page's alternates hold: its own triples, those of the files published
        beside it, and the blank nodes they reach (a concise bounded description). Triples
        pointing here are their subjects' pages': each triple of the data is in one page's
        alternates, as in one part of the dump."""
        own = self.own(doc) | self._files.get(doc, set())
        reached = _closure(self.graph, (o for _, _, o in own))
        return own | {(n, p, o) for n in reached for p, o in self.graph.predicate_objects(n)}

    def _describe(self, doc: str) -> Graph:
        triples = self.own(doc) | self.inbound(doc)
        # The slice is only read, by lodpipe: no named-graph bookkeeping (about twice as fast)
        out = Graph(store="SimpleMemory", bind_namespaces="none")
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
