"""Provenance of facts: the span of the report's source text each fact was read from, and
the IRI -> Span index that validation uses to point back at file and line.

No validation here; no printing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef

from pipeline.model import Span
from pipeline.rdf.iris import ReportIris
from pipeline.rdf.namespaces import DCTERMS, LP, PROV, RDF, XSD


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

    The span is named by its place in the published text (RFC 5147, in code points, as the
    text counts them), so facts read from the same words share it. It says its first line,
    its last line when it runs on, and its words (`rdf:value`). A fact once carried a Web
    Annotation target with a position and a quote selector: 15 triples where these take at
    most six, and two thirds of every report's triples.
    """
    if str(fact) not in index.nodes:
        index.nodes[str(fact)] = span
    start = max(0, min(span.start, len(text)))
    end = max(start, min(span.end, len(text)))
    stretch = iris.source_span(start, end)
    graph.add((fact, PROV.wasDerivedFrom, stretch))
    if (stretch, RDF.type, LP.SourceSpan) in graph:
        return stretch
    index.nodes.setdefault(str(stretch), span)  # a SHACL result on the span has a line
    # Lines of the clamped offsets: a span past the end of the text is on its last line.
    line = text.count("\n", 0, start) + 1
    end_line = max(line, text.count("\n", 0, end) + 1)
    graph.add((stretch, RDF.type, LP.SourceSpan))
    graph.add((stretch, DCTERMS.isPartOf, iris.source))
    graph.add((stretch, LP.line, Literal(line, datatype=XSD.positiveInteger)))
    if end_line != line:
        graph.add((stretch, LP.endLine, Literal(end_line, datatype=XSD.positiveInteger)))
    graph.add((stretch, RDF.value, Literal(text[start:end])))
    return stretch


def note_field(index: SourceIndex, fact: URIRef, predicate: URIRef, span: Span) -> None:
    """Remember a finer span for one predicate of a node (a region named in the title)."""
    index.fields[(str(fact), str(predicate))] = span
