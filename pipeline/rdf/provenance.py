"""Provenance of facts: the passage of the report's source text each fact was read from,
and the IRI -> Span index that validation uses to point back at file and line.

No validation here; no printing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef

from pipeline.model import Span
from pipeline.rdf.iris import ReportIris
from pipeline.rdf.namespaces import DCTERMS, LP, OA, PROV, XSD


@dataclass(frozen=True, slots=True)
class SourceIndex:
    """Where each IRI's facts came from; `fields` refines a node by one of its predicates."""

    nodes: dict[str, Span] = field(default_factory=dict)
    fields: dict[tuple[str, str], Span] = field(default_factory=dict)

    def locate(self, focus: str, path: str | None = None) -> Span | None:
        if path is not None and (focus, path) in self.fields:
            return self.fields[(focus, path)]
        return self.nodes.get(focus)

    def merged(self, other: SourceIndex) -> SourceIndex:
        """Both indexes; where both know an IRI, the span that sorts first wins."""
        nodes = dict(self.nodes)
        for iri, span in other.nodes.items():
            nodes[iri] = min(nodes.get(iri, span), span, key=_span_order)
        fields = dict(self.fields)
        for pair, span in other.fields.items():
            fields[pair] = min(fields.get(pair, span), span, key=_span_order)
        return SourceIndex(nodes, fields)


def _span_order(span: Span) -> tuple[str, int, int]:
    return (span.file, span.start, span.end)


def add_source(
    graph: Graph, iris: ReportIris, index: SourceIndex, fact: URIRef, span: Span, text: str
) -> URIRef:
    """Say that `fact` was read from `span`: `fact prov:wasDerivedFrom <source/k#char=s,e>`.

    The passage is named by its position (RFC 5147, in code points, as the published text
    counts them) and says its first line, its last line when it runs on, and its words
    (`oa:exact`). A fact once carried a Web Annotation target with a position and a quote
    selector, 15 triples where these take four: two thirds of every report's triples.
    """
    if str(fact) not in index.nodes:
        index.nodes[str(fact)] = span
    start = max(0, min(span.start, len(text)))
    end = max(start, min(span.end, len(text)))
    passage = iris.source_passage(start, end)
    graph.add((fact, PROV.wasDerivedFrom, passage))
    if (passage, LP.line, None) in graph:
        return passage
    index.nodes.setdefault(str(passage), span)  # a SHACL result on the passage has a line
    graph.add((passage, DCTERMS.isPartOf, iris.source))
    graph.add((passage, LP.line, Literal(span.line, datatype=XSD.positiveInteger)))
    if span.end_line != span.line:
        graph.add((passage, LP.endLine, Literal(span.end_line, datatype=XSD.positiveInteger)))
    graph.add((passage, OA.exact, Literal(text[start:end])))
    return passage


def note_field(index: SourceIndex, fact: URIRef, predicate: URIRef, span: Span) -> None:
    """Remember a finer span for one predicate of a node (a region named in the title)."""
    index.fields[(str(fact), str(predicate))] = span
