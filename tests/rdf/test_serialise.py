"""A page's JSON-LD is compacted against its own context (relative fragments, plain strings
for values the context types) and still reads as the same graph in rdflib and pyoxigraph."""

from __future__ import annotations

import json
import warnings

import pyoxigraph as ox
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from pipeline.rdf.namespaces import PREFIXES, XSD
from pipeline.rdf.serialise import serialise, sorted_triples

DOC = "https://w3id.org/lodpipe/id/report/000-a"
LP = PREFIXES["lp"]
PROV = PREFIXES["prov"]


def _page() -> Graph:
    graph = Graph()
    me, source = URIRef(DOC), URIRef(f"{DOC}#src-1")
    graph.add((me, URIRef(PROV + "wasDerivedFrom"), source))  # IRIs only
    graph.add((me, URIRef(PROV + "wasDerivedFrom"), URIRef(f"{DOC}#src-2")))
    graph.add(
        (source, URIRef(LP + "line"), Literal("12", datatype=XSD.positiveInteger))
    )  # one type
    graph.add((me, URIRef(LP + "asWritten"), Literal("30 000,00")))  # xsd:string
    graph.add((me, URIRef(LP + "asWritten"), Literal("trīsdesmit", lang="lv")))  # mixed
    graph.add((me, URIRef(LP + "note"), URIRef("https://example.org/x")))  # mixed: IRI and literal
    graph.add((me, URIRef(LP + "note"), Literal("7", datatype=XSD.integer)))
    graph.add((source, URIRef(LP + "amount"), Literal("1.50", datatype=XSD.decimal)))
    return graph


def _parsed(data: bytes) -> tuple[Graph, Graph]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        via_rdflib = Graph().parse(data=data.decode("utf-8"), format="json-ld")
    via_ox = Graph()
    for quad in ox.parse(data, format=ox.RdfFormat.JSON_LD):
        terms = []
        for term in (quad.subject, quad.predicate, quad.object):
            if isinstance(term, ox.NamedNode):
                terms.append(URIRef(term.value))
            elif isinstance(term, ox.BlankNode):
                terms.append(BNode(term.value))
            elif term.language:
                terms.append(Literal(term.value, lang=term.language))
            elif term.datatype.value == str(XSD.string):
                terms.append(Literal(term.value))
            else:
                terms.append(Literal(term.value, datatype=URIRef(term.datatype.value)))
        via_ox.add(tuple(terms))  # type: ignore[arg-type]
    return via_rdflib, via_ox


def test_page_jsonld_reads_as_the_same_graph_in_rdflib_and_pyoxigraph() -> None:
    graph = _page()
    data = serialise(sorted_triples([graph]), "jsonld", document=DOC)
    for parsed in _parsed(data):
        assert isomorphic(parsed, graph)


def test_page_jsonld_types_values_in_its_context() -> None:
    data = serialise(sorted_triples([_page()]), "jsonld", document=DOC)
    document = json.loads(data)
    context = document["@context"]
    assert context["@base"] == DOC
    assert context["prov:wasDerivedFrom"] == {"@type": "@id"}
    assert context["lp:line"] == {"@type": "xsd:positiveInteger"}
    assert "lp:asWritten" not in context and "lp:note" not in context  # mixed: left as they are
    nodes = {node["@id"]: node for node in document["@graph"]}
    # The document itself is `@base`, written "", as its fragments are "#…".
    assert nodes[""]["prov:wasDerivedFrom"] == ["#src-1", "#src-2"]
    assert nodes["#src-1"]["lp:line"] == "12"
    assert {"@value": "trīsdesmit", "@language": "lv"} in nodes[""]["lp:asWritten"]
    assert "30 000,00" in nodes[""]["lp:asWritten"]


def test_dump_jsonld_is_not_coerced() -> None:
    """The dumps are written in parts against one published context: their values keep
    their explicit form."""
    data = serialise(sorted_triples([_page()]), "jsonld")
    document = json.loads(data)
    assert "@base" not in document["@context"]
    assert not any(isinstance(v, dict) for v in document["@context"].values())
    for parsed in _parsed(data):
        assert isomorphic(parsed, _page())


def test_used_prefixes_declares_exactly_the_namespaces_with_a_plain_local_name() -> None:
    from pipeline.rdf.serialise import used_prefixes

    triples = sorted_triples(
        [
            [
                (URIRef("https://ex.org/def/core#Thing"), URIRef(LP + "line"), URIRef(DOC)),
                (URIRef("https://ex.org/a/b"), URIRef(PROV + "x"), Literal("1")),
                (URIRef("https://ex.org/odd_name"), URIRef(PROV + "y"), URIRef("urn:z")),
                (URIRef("https://ex.org/c/"), URIRef(PROV + "z"), URIRef("https://ex.org/d/e.f")),
            ]
        ]
    )
    prefixes = {
        "core": "https://ex.org/def/core#",  # Thing
        "def": "https://ex.org/def/",  # only "core#Thing" follows: not a local name
        "ex": "https://ex.org/",  # "odd_name"
        "a": "https://ex.org/a/",  # b
        "c": "https://ex.org/c/",  # nothing follows it
        "d": "https://ex.org/d/",  # "e.f" is not a plain local name
        "odd": "https://ex.org/odd",  # no "/" or "#" at its end: "_name"
        "lp": LP,
        "prov": PROV,
        "xsd": str(XSD),  # the plain literal's datatype, xsd:string
        "rep": "https://w3id.org/lodpipe/id/report/",  # "000-a"
        "unused": "https://nowhere.example/",
    }
    assert set(used_prefixes(triples, prefixes)) == {
        "core",
        "ex",
        "a",
        "odd",
        "lp",
        "prov",
        "xsd",
        "rep",
    }


def test_passages_named_by_their_place_read_back_in_every_syntax() -> None:
    """A passage's RFC 5147 fragment (`#char=12,40`) is no plain local name: Turtle writes
    it escaped under the page's prefix, and both parsers must read the same IRI back."""
    text = "https://w3id.org/lodpipe/source/000-a"
    graph = Graph()
    passage = URIRef(f"{text}#char=12,40")
    graph.add((URIRef(f"{DOC}#task"), URIRef(PROV + "wasDerivedFrom"), passage))
    graph.add((passage, URIRef(LP + "line"), Literal("3", datatype=XSD.positiveInteger)))
    for extension, syntax, engine in (
        ("ttl", "turtle", ox.RdfFormat.TURTLE),
        ("jsonld", "json-ld", ox.RdfFormat.JSON_LD),
    ):
        data = serialise(sorted_triples([graph]), extension, document=text)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", DeprecationWarning)
            assert isomorphic(Graph().parse(data=data.decode("utf-8"), format=syntax), graph)
        subjects = {q.subject.value for q in ox.parse(data, format=engine)}
        assert f"{text}#char=12,40" in subjects


def _report_naming_spans(count: int) -> Graph:
    """A report page's slice: each fact derived from a span of the report's source text."""
    text = "https://w3id.org/lodpipe/source/000-a"
    graph = Graph()
    for n in range(count):
        fact = URIRef(f"{DOC}#year-1-cs-{n + 1}")
        graph.add(
            (fact, URIRef(PROV + "wasDerivedFrom"), URIRef(f"{text}#char={n * 10},{n * 10 + 8}"))
        )
        graph.add((fact, URIRef(LP + "amountType"), URIRef(PREFIXES["amounttype"] + "planned")))
    return graph


def test_a_page_names_its_source_texts_spans_under_a_prefix_of_their_own() -> None:
    graph = _report_naming_spans(5)
    turtle = serialise(sorted_triples([graph]), "ttl", document=DOC).decode("utf-8")
    assert "@prefix source: <https://w3id.org/lodpipe/source/000-a#> ." in turtle
    assert "source:char\\=10\\,18" in turtle
    assert "<https://w3id.org/lodpipe/source/000-a#char" not in turtle
    data = serialise(sorted_triples([graph]), "jsonld", document=DOC)
    document = json.loads(data)
    assert document["@context"]["source"] == "https://w3id.org/lodpipe/source/000-a#"
    nodes = {node["@id"]: node for node in document["@graph"]}
    # The source text's spans and the vocabulary's concepts are written with their prefixes.
    assert nodes["#year-1-cs-2"]["prov:wasDerivedFrom"] == "source:char=10,18"
    assert nodes["#year-1-cs-2"]["lp:amountType"] == "amounttype:planned"
    for parsed in _parsed(data):
        assert isomorphic(parsed, graph)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        assert isomorphic(Graph().parse(data=turtle, format="turtle"), graph)
    assert len(list(ox.parse(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE))) == len(graph)


def test_a_few_spans_or_a_taken_name_get_no_prefix() -> None:
    from pipeline.rdf.serialise import companion

    few = serialise(sorted_triples([_report_naming_spans(3)]), "ttl", document=DOC)
    assert b"@prefix source:" not in few
    spans = [f"https://w3id.org/lodpipe/source/000-a#char={n},{n}" for n in range(6)]
    assert companion(spans, DOC, {}) == {"source": "https://w3id.org/lodpipe/source/000-a#"}
    assert companion(spans, DOC, {"source": "https://example.org/"}) == {}
    # The page's own fragments are its own prefix's (or JSON-LD's @base), never a companion.
    own = [f"{DOC}#year-{n}" for n in range(6)]
    assert companion(own, DOC, {}) == {}
    # Of two documents, the one named most; a tie goes to the first in IRI order.
    other = [f"https://w3id.org/lodpipe/id/report/000-b#x-{n}" for n in range(6)]
    assert companion(spans + other, DOC, {}) == {
        "report": "https://w3id.org/lodpipe/id/report/000-b#"
    }
    assert companion(spans + other[:4], DOC, {}) == {
        "source": "https://w3id.org/lodpipe/source/000-a#"
    }


def _text_with_spans(count: int, *extra: tuple[URIRef, URIRef, URIRef]) -> Graph:
    text = "https://w3id.org/lodpipe/source/000-a"
    graph = Graph()
    for n in range(count):
        span = URIRef(f"{text}#char={n},{n + 5}")
        graph.add((span, URIRef(PREFIXES["dct"] + "isPartOf"), URIRef(text)))
        graph.add((span, URIRef(LP + "line"), Literal(str(n + 1), datatype=XSD.positiveInteger)))
    # a fragment with a plain name, as its checksum: the text's fragments get a prefix
    graph.add((URIRef(text), URIRef(LP + "checksum"), URIRef(f"{text}#sha256")))
    for triple in extra:
        graph.add(triple)
    return graph


def test_a_texts_page_names_the_text_itself_this() -> None:
    text = "https://w3id.org/lodpipe/source/000-a"
    graph = _text_with_spans(5)
    turtle = serialise(sorted_triples([graph]), "ttl", document=text).decode("utf-8")
    assert f"@prefix this: <{text}> ." in turtle
    assert turtle.count("dct:isPartOf this: ;") == 5
    assert f"<{text}>" not in turtle.replace(f"@prefix this: <{text}> .", "")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        assert isomorphic(Graph().parse(data=turtle, format="turtle"), graph)
    assert len(list(ox.parse(turtle.encode("utf-8"), format=ox.RdfFormat.TURTLE))) == len(graph)
    # Named three times (two spans and the checksum) it is written out; so it is when another IRI starts with it (its
    # plain text, `this:\.txt` to a reader), or when the name is taken.
    few = serialise(sorted_triples([_text_with_spans(2)]), "ttl", document=text)
    assert b"@prefix this:" not in few
    plain = (URIRef(text), URIRef(PREFIXES["dct"] + "hasFormat"), URIRef(f"{text}.txt"))
    beside = serialise(sorted_triples([_text_with_spans(5, plain)]), "ttl", document=text)
    assert b"@prefix this:" not in beside and f"<{text}.txt>".encode() in beside
    elsewhere = (URIRef(text), URIRef(LP + "note"), URIRef("https://example.org/x"))
    taken = serialise(
        sorted_triples([_text_with_spans(5, elsewhere)]),
        "ttl",
        {**PREFIXES, "this": "https://example.org/"},
        text,
    )
    assert b"@prefix this: <https://example.org/> ." in taken
    assert f"@prefix this: <{text}> .".encode() not in taken
