"""Provenance of facts: Web Annotation selectors into the report's source text, and the
IRI -> Span index that validation uses to point back at file and line.

No validation here; no printing.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rdflib import Graph, Literal, URIRef

from pipeline.model import Span
from pipeline.rdf.iris import ReportIris
from pipeline.rdf.namespaces import LP, OA, PROV, RDF, RDFS, XSD

#: Characters of context kept either side of a quote, enough to tell repeats apart.
QUOTE_CONTEXT = 32


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
    graph: Graph,
    iris: ReportIris,
    index: SourceIndex,
    fact: URIRef,
    span: Span,
    source_text: str,
    name: str | None = None,
) -> URIRef:
    """Say that `fact` was read from `span`: `fact prov:wasDerivedFrom <#src-...>`.

    The target carries a position selector (exact, in code points, as Web Annotation
    defines them), a quote selector (survives re-extraction) and the line range with a
    link to the line on the published source page.
    """
    if str(fact) not in index.nodes:
        index.nodes[str(fact)] = span
    target = iris.source_target(fact, name)
    graph.add((fact, PROV.wasDerivedFrom, target))
    if (target, RDF.type, OA.SpecificResource) in graph:
        return target
    start = max(0, min(span.start, len(source_text)))
    end = max(start, min(span.end, len(source_text)))
    position, quote = iris.position_selector(target), iris.quote_selector(target)
    graph.add((target, RDF.type, OA.SpecificResource))
    graph.add((target, OA.hasSource, iris.source))
    graph.add((target, OA.hasSelector, position))
    graph.add((target, OA.hasSelector, quote))
    graph.add((target, LP.line, Literal(span.line, datatype=XSD.positiveInteger)))
    graph.add((target, LP.endLine, Literal(span.end_line, datatype=XSD.positiveInteger)))
    graph.add((target, RDFS.seeAlso, iris.source_line(span.line)))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, Literal(start, datatype=XSD.nonNegativeInteger)))
    graph.add((position, OA.end, Literal(end, datatype=XSD.nonNegativeInteger)))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, Literal(source_text[start:end])))
    prefix = source_text[max(0, start - QUOTE_CONTEXT) : start]
    suffix = source_text[end : end + QUOTE_CONTEXT]
    if prefix:
        graph.add((quote, OA.prefix, Literal(prefix)))
    if suffix:
        graph.add((quote, OA.suffix, Literal(suffix)))
    return target


def note_field(index: SourceIndex, fact: URIRef, predicate: URIRef, span: Span) -> None:
    """Remember a finer span for one predicate of a node (a region named in the title)."""
    index.fields[(str(fact), str(predicate))] = span
