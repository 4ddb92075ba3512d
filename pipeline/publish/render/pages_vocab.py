"""View models of the vocabulary documents: the core vocabulary (classes and properties),
the shapes, and each concept scheme. Generated from ontology/ and shapes/ as loaded."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from pipeline.publish.render.context import SiteContext
from pipeline.publish.render.pages_resource import _Claims, _slice
from pipeline.publish.render.views import Inbound, Label, Part, Row, Value, sorted_by_iri
from pipeline.rdf.namespaces import OWL, RDF, RDFS, SH, SKOS

_CLASS_TYPES = (OWL.Class, RDFS.Class)
_PROPERTY_TYPES = (OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty, RDF.Property)
_SHOWN_APART = frozenset(
    {RDFS.label, SKOS.prefLabel, SKOS.definition, RDFS.comment, RDFS.isDefinedBy, SKOS.inScheme}
)


@dataclass(frozen=True, slots=True)
class Term:
    """A class, property, shape or concept: both labels, definition, the rest as rows."""

    id: str
    iri: str
    label: Label
    definition: Label | None
    notation: str
    rows: tuple[Row, ...]
    shapes: tuple[Value, ...]  # shapes that target, constrain or require it
    used: int  # how often the data uses it


@dataclass(frozen=True, slots=True)
class VocabularyView:
    main: Part
    groups: tuple[tuple[Label, tuple[Term, ...]], ...]
    other: tuple[Part, ...]
    inbound: tuple[Inbound, ...]


def _definition(graph: Graph, node: Node) -> Label | None:
    found: dict[str, str] = {}
    for predicate in (SKOS.definition, RDFS.comment):
        for value in sorted(graph.objects(node, predicate), key=str):
            if isinstance(value, Literal):
                found.setdefault(value.language or "", str(value))
    lv = found.get("lv") or found.get("")
    en = found.get("en") or lv
    return Label(lv or en or "", en or "") if (lv or en) else None


def _term(
    ctx: SiteContext, graph: Graph, node: URIRef, claims: _Claims, uses: Counter[str]
) -> Term:
    users = set()
    for predicate in (
        SH.targetClass,
        SH.targetSubjectsOf,
        SH.targetObjectsOf,
        SH.path,
        SH["class"],
    ):
        for shape in ctx.vocabulary.subjects(predicate, node):
            users.add(ctx.terms.value(shape))
    return Term(
        id=claims.claim(node),
        iri=str(node),
        label=ctx.terms.label(str(node)),
        definition=_definition(graph, node),
        notation=str(graph.value(node, SKOS.notation) or ""),
        rows=ctx.terms.rows(graph, node, _SHOWN_APART),
        shapes=tuple(sorted(users, key=lambda v: (v.text, v.href or ""))),
        used=uses.get(str(node), 0),
    )


def vocabulary_view(ctx: SiteContext, doc: str) -> VocabularyView:
    graph, inbound = _slice(ctx, doc)
    claims, uses = _Claims(ctx, doc, graph), ctx.uses

    def of_types(types: tuple[URIRef, ...]) -> tuple[Term, ...]:
        nodes = {
            s
            for t in types
            for s in graph.subjects(RDF.type, t)
            if str(s).startswith(doc + "#") and ctx.paths.fragment(str(s)) not in claims.claimed
        }
        return tuple(_term(ctx, graph, n, claims, uses) for n in sorted_by_iri(nodes))

    groups: list[tuple[Label, tuple[Term, ...]]] = []
    kind = ctx.kind(doc)
    if kind == "vocabulary":
        groups.append((Label("Klases", "Classes"), of_types(_CLASS_TYPES)))
        groups.append((Label("Īpašības", "Properties"), of_types(_PROPERTY_TYPES)))
    elif kind == "shapes":
        groups.append((Label("Mezglu formas", "Node shapes"), of_types((SH.NodeShape,))))
        groups.append((Label("Īpašību formas", "Property shapes"), of_types((SH.PropertyShape,))))
    else:
        groups.append((Label("Jēdzieni", "Concepts"), of_types((SKOS.Concept,))))
    main = ctx.terms.part(graph, URIRef(doc))
    claims.claim(URIRef(doc))
    return VocabularyView(main, tuple(groups), claims.rest(graph), inbound)
