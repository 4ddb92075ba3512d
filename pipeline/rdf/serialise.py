"""The one RDF writer: every file lodpipe publishes in an RDF syntax is written here.

Byte-identical output for the same triples is a promise we publish, so it lives in one
place: triples are made unique and sorted (named subjects first, `rdf:type` first within a
subject), blank nodes are either refused (the dataset names every node) or relabelled from
their place in the graph, and Turtle and JSON-LD declare prefixes by one rule.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import io
import json
import re
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import IO, BinaryIO, cast

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import to_canonical_graph
from rdflib.term import Node

from pipeline.rdf.namespaces import PREFIXES, RDF, XSD


@dataclass(frozen=True, slots=True)
class RdfFormat:
    extension: str  # without the dot
    media_type: str
    name: str
    engine: ox.RdfFormat


#: The RDF syntaxes lodpipe reads and writes, by file extension.
FORMATS = {
    f.extension: f
    for f in (
        RdfFormat("ttl", "text/turtle", "Turtle", ox.RdfFormat.TURTLE),
        RdfFormat("nt", "application/n-triples", "N-Triples", ox.RdfFormat.N_TRIPLES),
        RdfFormat("jsonld", "application/ld+json", "JSON-LD", ox.RdfFormat.JSON_LD),
        RdfFormat("nq", "application/n-quads", "N-Quads", ox.RdfFormat.N_QUADS),
        RdfFormat("trig", "application/trig", "TriG", ox.RdfFormat.TRIG),
    )
}

#: The RDF files written beside every resource page, in the order the page links them.
#: N-Triples is not among them: it says the same as Turtle in three times the bytes, and
#: every page's triples are also lines of the N-Triples dump.
PAGE_ALTERNATES = tuple(FORMATS[e] for e in ("ttl", "jsonld"))

#: What a resource IRI offers, in order of preference (a browser that sends `*/*` gets the
#: page): the site writes these files; the resolver rules and the development server
#: negotiate between them. A report's source text is plain text too: the spans facts were
#: read from are RFC 5147 fragments of it (`source/<key>#char=10,42`).
ALTERNATES = (
    ("text/html", ".html"),
    *((f.media_type, f".{f.extension}") for f in PAGE_ALTERNATES),
    ("text/plain", ".txt"),
)


@contextlib.contextmanager
def open_dump(path: Path) -> Iterator[IO[bytes]]:
    """A dump's bytes, read through gzip when it is published compressed (`.gz`)."""
    if path.suffix == ".gz":
        with gzip.open(path, "rb") as packed:
            yield cast(IO[bytes], packed)
    else:
        with path.open("rb") as plain:
            yield plain


def sorted_triples(
    graphs: Iterable[Iterable[tuple[Node, Node, Node]]], *, blank_nodes: bool = False
) -> list[ox.Triple]:
    """Every triple of `graphs` once, in N-Triples line order.

    Blank nodes are refused unless `blank_nodes` (a page's slice may reach the anonymous
    nodes of the vocabulary); then they are labelled from their place in the graph, so the
    same graph always gives the same labels."""
    unique: set[tuple[Node, Node, Node]] = set()
    for graph in graphs:
        unique.update(graph)
    if any(isinstance(t, BNode) for s, _, o in unique for t in (s, o)):
        if not blank_nodes:
            blank = next(t for s, _, o in unique for t in (s, o) if isinstance(t, BNode))
            raise ValueError(f"blank nodes are not published: {blank!r}")
        canonical = Graph(bind_namespaces="none")
        for triple in unique:
            canonical.add(triple)
        unique = set(to_canonical_graph(canonical))
    # N-Triples line order: a dump is sorted lines, so chunks merge and `sort` agrees.
    triples = (ox.Triple(_subject(s), ox.NamedNode(str(p)), _object(o)) for s, p, o in unique)
    return sorted(triples, key=str)


def serialise(
    triples: list[ox.Triple],
    extension: str,
    prefixes: Mapping[str, str] = PREFIXES,
    document: str | None = None,
    iris: frozenset[str] | None = None,
) -> bytes:
    """`nt`, `ttl` or `jsonld` bytes of sorted triples. Turtle and JSON-LD declare those of
    `prefixes` that the triples use; JSON-LD is compacted with them (context inline).
    `iris` are the triples' `named_iris`, when the caller writes them in several syntaxes.

    A page's alternate names its own `#fragment` IRIs (most of its nodes) relative to its
    `document`: Turtle under the empty prefix, JSON-LD against `@base`; and the fragments
    of the one other document it names most (a report's source text) under a prefix named
    after that document's folder (`source:`).
    Turtle names the document itself `this:` where it is named often (`itself`).
    """
    out = io.BytesIO()
    if extension != "nt" and iris is None:
        iris = named_iris(triples)
    declared = used_prefixes(triples, prefixes, iris) if extension != "nt" else {}
    own = f"{document}#"
    # A vocabulary page's own namespace already has a prefix: no second name for it.
    fresh = document and extension == "ttl" and own not in declared.values()
    if fresh and used_prefixes(triples, {"": own}, iris):
        declared = {**declared, "": own}
    if document and iris is not None and extension != "nt":
        declared = {**declared, **companion(iris, document, declared)}
    if document and iris is not None and extension == "ttl":
        declared = {**declared, **itself(triples, document, declared, iris)}
    if extension == "jsonld" and document:
        _write_jsonld(triples, out, declared, document, _coercions(triples, declared))
    else:
        write(triples, out, extension, declared)
    return out.getvalue()


#: A page names another document's fragments under a prefix of their own only when it
#: names at least this many (fewer save no bytes).
COMPANION_USES = 4
_PREFIX_NAME = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def companion(iris: Iterable[str], document: str, declared: Mapping[str, str]) -> dict[str, str]:
    """The prefix for the fragments of the other document a page names most: a report page
    names a hundred spans of its source text (`source/<key>#char=10,42`). Named after the
    document's folder; none when that name or
    namespace is taken, or it is named fewer than `COMPANION_USES` times."""
    counts: dict[str, int] = {}
    for iri in iris:
        doc, hash_, fragment = iri.partition("#")
        if hash_ and fragment and doc != document:
            counts[doc] = counts.get(doc, 0) + 1
    if not counts:
        return {}
    doc, uses = min(counts.items(), key=lambda item: (-item[1], item[0]))
    name = doc.rstrip("/").rsplit("/", 2)[-2] if doc.count("/") > 3 else ""
    namespace = f"{doc}#"
    if (
        uses < COMPANION_USES
        or not _PREFIX_NAME.fullmatch(name)
        or name in declared
        or namespace in declared.values()
    ):
        return {}
    return {name: namespace}


#: The prefix a page's Turtle names its own document by (`dct:isPartOf this:`).
THIS = "this"


def itself(
    triples: list[ox.Triple], document: str, declared: Mapping[str, str], iris: frozenset[str]
) -> dict[str, str]:
    """`this:` for the document itself, where a page names it at least `COMPANION_USES`
    times (a text's page: each of its spans is part of it). None when another IRI named
    starts with the document's (`….txt` would read `this:\\.txt`), or the name is taken."""
    if THIS in declared or document in declared.values():
        return {}
    own = f"{document}#"
    # Its fragments must have a prefix of their own, or they would read `this:\\#…`.
    fragments = own in declared.values()
    if any(
        i.startswith(document) and i != document and not (fragments and i.startswith(own))
        for i in iris
    ):
        return {}
    uses = 0
    for triple in triples:
        for term in (triple.subject, triple.object):
            uses += isinstance(term, ox.NamedNode) and term.value == document
    return {THIS: document} if uses >= COMPANION_USES else {}


def _coercions(triples: list[ox.Triple], prefixes: Mapping[str, str]) -> dict[str, str]:
    """For a page's JSON-LD: each predicate whose objects are all IRIs (`@id`) or all
    literals of one datatype other than xsd:string (that datatype), so its values can be
    written as plain strings, the context saying how to read them."""
    kinds: dict[str, set[str]] = {}
    for triple in triples:
        value = triple.object
        if isinstance(value, ox.NamedNode | ox.BlankNode):
            kind = "@id"
        elif isinstance(value, ox.Literal) and not value.language:
            kind = value.datatype.value
        else:
            kind = ""
        kinds.setdefault(triple.predicate.value, set()).add(kind)
    compact = _compactor(prefixes)
    return {
        predicate: next(iter(found))
        for predicate, found in kinds.items()
        if len(found) == 1
        and next(iter(found)) not in ("", str(XSD.string))
        and predicate != str(RDF.type)
        and compact(predicate) != predicate
    }


def write(
    triples: Iterable[ox.Triple],
    out: BinaryIO,
    extension: str,
    prefixes: Mapping[str, str],
    document: str | None = None,
) -> None:
    """Stream sorted triples to `out` as `nt`, `ttl` or `jsonld`, declaring `prefixes` as
    given: a dump of any size is written without holding it."""
    if extension == "jsonld":
        _write_jsonld(triples, out, prefixes, document)
        return
    engine = FORMATS[extension].engine
    if extension == "nt":
        ox.serialize(triples, out, format=engine)
        return
    # The engine writes prefix lines in hash-map order, which changes between runs: they
    # are written sorted, before the body.
    with tempfile.TemporaryFile() as body:
        ox.serialize(triples, body, format=engine, prefixes=dict(prefixes))
        body.seek(0)
        head: list[bytes] = []
        for line in body:
            if line.startswith(b"@prefix "):
                head.append(line)
                continue
            out.writelines(sorted(head))
            head = []
            out.write(line)
            out.writelines(body)
        out.writelines(sorted(head))


def named_iris(triples: Iterable[ox.Triple]) -> frozenset[str]:
    """The IRIs the triples name (datatypes included): what a prefix can abbreviate."""
    iris: set[str] = set()
    for triple in triples:
        for term in (triple.subject, triple.predicate, triple.object):
            if isinstance(term, ox.NamedNode):
                iris.add(term.value)
            elif isinstance(term, ox.Literal):
                iris.add(term.datatype.value)
    return frozenset(iris)


def used_prefixes(
    triples: Iterable[ox.Triple],
    prefixes: Mapping[str, str],
    iris: frozenset[str] | None = None,
) -> dict[str, str]:
    """The prefixes under which some IRI of the triples has a plain local name (`iris`:
    their `named_iris`, when the caller has them already)."""
    if iris is None:
        iris = named_iris(triples)
    return {
        prefix: ns
        for prefix, ns in sorted(prefixes.items())
        if any(i.startswith(ns) and _local_ok(i[len(ns) :]) for i in iris)
    }


def jsonld_context(
    prefixes: Mapping[str, str] = PREFIXES, document: str | None = None
) -> dict[str, object]:
    """A JSON-LD 1.1 context of the prefixes (the dumps publish it as context.jsonld)."""
    base: dict[str, object] = {"@base": document} if document else {}
    return {"@version": 1.1, **base, **dict(sorted(prefixes.items()))}


def json_bytes(document: object) -> bytes:
    return (json.dumps(document, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def script_json(data: bytes) -> str:
    """JSON for a `<script>` element: `<`, `>` and `&` escaped so report text cannot close
    the element (JSON parsers read the escapes back as the same characters)."""
    text = data.decode("utf-8").rstrip("\n")
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _write_jsonld(
    triples: Iterable[ox.Triple],
    out: BinaryIO,
    prefixes: Mapping[str, str],
    document: str | None = None,
    coerce: Mapping[str, str] | None = None,
) -> None:
    """Compact JSON-LD, the context inline so the file reads offline: one node object per
    subject, one per line, keys sorted, written subject by subject (sorted triples hold
    each subject's triples together). With a `document`, its fragments are `#name`; with
    `coerce`, those predicates' values are plain strings, typed by the context."""
    opening, closing = jsonld_frame(prefixes, document, coerce)
    out.write(opening)
    first = True
    for node in jsonld_nodes(triples, prefixes, document, coerce):
        out.write((b"\n  " if first else b",\n  ") + node)
        first = False
    out.write((b"" if first else b"\n ") + closing)


def jsonld_frame(
    prefixes: Mapping[str, str],
    document: str | None = None,
    coerce: Mapping[str, str] | None = None,
) -> tuple[bytes, bytes]:
    """What comes before the first node object of a JSON-LD document and after the last."""
    context = jsonld_context(prefixes, document)
    compact = _compactor(prefixes)
    for predicate, kind in sorted((coerce or {}).items()):
        context[compact(predicate)] = {"@type": kind if kind == "@id" else compact(kind)}
    head = json.dumps(
        {"@context": context, "@graph": []},
        ensure_ascii=False,
        indent=1,
    )
    opening, _, closing = head.rpartition("[]")
    return opening.encode("utf-8") + b"[", b"]" + closing.encode("utf-8") + b"\n"


def jsonld_nodes(
    triples: Iterable[ox.Triple],
    prefixes: Mapping[str, str],
    document: str | None = None,
    coerce: Mapping[str, str] | None = None,
) -> Iterator[bytes]:
    """One compact JSON-LD node object per subject of sorted `triples`, as `jsonld_frame`
    with the same `prefixes`, `document` and `coerce` expects them."""
    fragment = f"{document}#" if document else None
    coerced = coerce or {}
    compact = _compactor(prefixes)
    shorten = _iri_compactor(prefixes)

    def node_id(term: object) -> str:
        iri = _node_id(term)
        if fragment and iri.startswith(fragment):
            return iri[len(fragment) - 1 :]
        if iri == document:
            return ""  # the page's document itself: `@base` (every span of a text is in it)
        return shorten(iri)

    for subject, group in _by_subject(triples):
        node: dict[str, list[object]] = {}
        for triple in group:
            value, predicate = triple.object, triple.predicate.value
            if predicate == str(RDF.type) and isinstance(value, ox.NamedNode):
                node.setdefault("@type", []).append(compact(value.value))
            elif predicate in coerced:
                plain = value.value if isinstance(value, ox.Literal) else node_id(value)
                node.setdefault(compact(predicate), []).append(plain)
            else:
                entry = _entry(value, compact, node_id, plain=document is not None)
                node.setdefault(compact(predicate), []).append(entry)
        # A page's single values stand alone; the dumps keep arrays, one shape for all.
        shaped = {
            key: values[0] if document and len(values) == 1 else values
            for key, values in sorted(node.items())
        }
        # No spaces after separators (a twentieth of the bytes): people read the Turtle.
        text = json.dumps(
            {"@id": node_id(subject), **shaped}, ensure_ascii=False, separators=(",", ":")
        )
        yield text.encode("utf-8")


@functools.cache
def _compactor_of(prefixes: tuple[tuple[str, str], ...]) -> Callable[[str], str]:
    by_length = sorted(prefixes, key=lambda item: (-len(item[1]), item[0]))

    # Only predicates, classes and datatypes are compacted: few, each seen many times.
    @functools.cache
    def compact(iri: str) -> str:
        for prefix, namespace in by_length:
            rest = iri[len(namespace) :]
            if iri.startswith(namespace) and _local_ok(rest):
                return f"{prefix}:{rest}"
        return iri

    return compact


def _compactor(prefixes: Mapping[str, str]) -> Callable[[str], str]:
    return _compactor_of(tuple(sorted(prefixes.items())))


def _iri_compactor(prefixes: Mapping[str, str]) -> Callable[[str], str]:
    """For node identifiers and IRI values: `prefix:rest` where the namespace is the IRI up
    to its last `#` or `/` (every namespace here ends in one, so each is a prefix in
    JSON-LD 1.1, and a processor expands any `rest` after it)."""
    by_namespace = {namespace: prefix for prefix, namespace in sorted(prefixes.items())}

    def shorten(iri: str) -> str:
        cut = max(iri.rfind("#"), iri.rfind("/")) + 1
        prefix = by_namespace.get(iri[:cut])
        return f"{prefix}:{iri[cut:]}" if prefix is not None and cut < len(iri) else iri

    return shorten


def _node_id(term: object) -> str:
    if isinstance(term, ox.BlankNode):
        return f"_:{term.value}"
    if isinstance(term, ox.NamedNode):
        return term.value
    raise ValueError(f"quoted triples are not published: {term}")


def _by_subject(triples: Iterable[ox.Triple]) -> Iterator[tuple[object, list[ox.Triple]]]:
    current: object = None
    group: list[ox.Triple] = []
    for triple in triples:
        if triple.subject != current and group:
            yield current, group
            group = []
        current = triple.subject
        group.append(triple)
    if group:
        yield current, group


def _entry(
    value: object,
    compact: Callable[[str], str],
    node_id: Callable[[object], str],
    plain: bool = False,
) -> dict[str, str] | str:
    if isinstance(value, ox.NamedNode | ox.BlankNode):
        return {"@id": node_id(value)}
    if not isinstance(value, ox.Literal):
        raise ValueError(f"quoted triples are not published: {value}")
    if value.language:
        return {"@value": value.value, "@language": value.language}
    if value.datatype.value == str(XSD.string):
        # A bare string is an xsd:string (no context here sets a default language).
        return value.value if plain else {"@value": value.value}
    return {"@value": value.value, "@type": compact(value.datatype.value)}


def _local_ok(local: str) -> bool:
    return bool(local) and all(c.isalnum() or c in "-_" for c in local)


def _subject(node: Node) -> ox.NamedNode | ox.BlankNode:
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    return ox.NamedNode(str(node))


def _object(node: Node) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(node, URIRef):
        return ox.NamedNode(str(node))
    if isinstance(node, BNode):
        return ox.BlankNode(str(node))
    if isinstance(node, Literal):
        if node.language:
            return ox.Literal(str(node), language=node.language)
        return ox.Literal(str(node), datatype=ox.NamedNode(str(node.datatype or XSD.string)))
    raise TypeError(f"not an RDF term: {node!r}")
