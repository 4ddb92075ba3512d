"""The whole dataset as files: Turtle, N-Triples and JSON-LD (with its published @context),
plus the vocabulary and the shapes. Output bytes depend only on the triples, never on set
order or hash seeds: triples are sorted, there are no blank nodes, prefixes are fixed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from pipeline.config import DUMP_DIR, Settings
from pipeline.rdf.namespaces import PREFIXES, RDF, XSD

#: The vocabulary and shapes documents, next to the package in the source tree.
ONTOLOGY_DIR = Path(__file__).resolve().parent.parent / "ontology"
SHAPES_DIR = Path(__file__).resolve().parent.parent / "shapes"
ONTOLOGY_FILES = ("core.ttl", "schemes.ttl", "reused.ttl")
SHAPES_FILES = ("common.ttl", "structure.ttl", "consistency.ttl", "dataset.ttl")
CONTEXT_NAME = "context.jsonld"


def write_dumps(graphs: Iterable[Graph], settings: Settings) -> list[Path]:
    """Write dataset.{ttl,nt,jsonld}, context.jsonld, ontology.ttl and shapes.ttl under
    `<out>/data/`; returns the paths written."""
    triples = sorted_triples(graphs)
    paths = {
        settings.dump_path("nt"): ntriples(triples),
        settings.dump_path("ttl"): turtle(triples),
        settings.dump_path("jsonld"): jsonld(triples, settings),
    }
    data = settings.out_dir / DUMP_DIR
    paths[data / CONTEXT_NAME] = _json_bytes({"@context": context(settings)})
    paths[data / "ontology.ttl"] = _concatenate(ONTOLOGY_DIR, ONTOLOGY_FILES)
    paths[data / "shapes.ttl"] = _concatenate(SHAPES_DIR, SHAPES_FILES)
    for path, content in paths.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content)
    return sorted(paths)


def sorted_triples(graphs: Iterable[Graph]) -> list[ox.Triple]:
    """Every triple once, in N-Triples order; blank nodes are refused (they would make
    the bytes depend on labels)."""
    unique = {_ox_triple(s, p, o) for graph in graphs for s, p, o in graph}
    return sorted(unique, key=str)


def ntriples(triples: list[ox.Triple]) -> bytes:
    return _serialize(triples, ox.RdfFormat.N_TRIPLES, None)


def turtle(triples: list[ox.Triple]) -> bytes:
    text = _serialize(triples, ox.RdfFormat.TURTLE, dict(PREFIXES))
    # The serialiser writes its prefix lines in hash-map order, which changes between runs.
    lines = text.split(b"\n")
    head = [line for line in lines if line.startswith(b"@prefix ")]
    return b"\n".join(sorted(head) + lines[len(head) :])


def _serialize(
    triples: list[ox.Triple], fmt: ox.RdfFormat, prefixes: dict[str, str] | None
) -> bytes:
    # The serialisers keep the order they are given, so sorted input gives stable bytes.
    out = ox.serialize(triples, format=fmt, prefixes=prefixes)
    if out is None:
        raise RuntimeError("pyoxigraph returned nothing to write")
    return out


def context(settings: Settings) -> dict[str, object]:
    """The published JSON-LD context: our prefixes, plus `@version` 1.1."""
    terms: dict[str, object] = {"@version": 1.1}
    terms.update(sorted(PREFIXES.items()))
    return terms


def jsonld(triples: list[ox.Triple], settings: Settings) -> bytes:
    """Compact JSON-LD: one node object per subject, the context inline so the file reads
    offline; the same context is published as context.jsonld."""
    nodes: dict[str, dict[str, list[object]]] = {}
    for triple in triples:
        subject = nodes.setdefault(_iri(triple.subject), {})
        predicate = _iri(triple.predicate)
        if predicate == str(RDF.type):
            subject.setdefault("@type", []).append(_compact(_iri(triple.object)))
        else:
            subject.setdefault(_compact(predicate), []).append(_value(triple.object))
    graph = []
    for iri in sorted(nodes):
        node: dict[str, object] = {"@id": iri}
        for key in sorted(nodes[iri]):
            node[key] = nodes[iri][key]
        graph.append(node)
    return _json_bytes({"@context": context(settings), "@graph": graph})


def _json_bytes(document: object) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=1, sort_keys=False) + "\n").encode()


def _concatenate(directory: Path, names: tuple[str, ...]) -> bytes:
    # Turtle documents concatenate into one valid document: prefixes may be redeclared and
    # the files use only anonymous blank nodes.
    parts = [(directory / name).read_bytes().rstrip(b"\n") + b"\n" for name in names]
    return b"\n".join(parts)


_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: (-len(item[1]), item[0]))


def _compact(iri: str) -> str:
    for prefix, namespace in _BY_LENGTH:
        rest = iri[len(namespace) :]
        if iri.startswith(namespace) and rest and not rest.startswith("//"):
            return f"{prefix}:{rest}"
    return iri


def _iri(term: object) -> str:
    if not isinstance(term, ox.NamedNode):
        raise ValueError(f"expected an IRI, got {term!r}")
    return term.value


def _value(term: object) -> dict[str, str]:
    if isinstance(term, ox.NamedNode):
        return {"@id": term.value}
    if not isinstance(term, ox.Literal):
        raise ValueError(f"blank nodes are not published: {term!r}")
    if term.language:
        return {"@value": term.value, "@language": term.language}
    if term.datatype.value == str(XSD.string):
        return {"@value": term.value}
    return {"@value": term.value, "@type": _compact(term.datatype.value)}


def _ox_term(term: Node) -> ox.NamedNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype or XSD.string)))
    raise ValueError(f"blank nodes are not published: {term!r}")


def _ox_triple(s: Node, p: Node, o: Node) -> ox.Triple:
    subject = _ox_term(s)
    predicate = _ox_term(p)
    if not isinstance(subject, ox.NamedNode) or not isinstance(predicate, ox.NamedNode):
        raise ValueError(f"literal in subject or predicate position: {s!r} {p!r}")
    return ox.Triple(subject, predicate, _ox_term(o))
