"""The compact store answers every triple pattern as rdflib's own store does."""

from __future__ import annotations

import itertools
import random

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, XSD
from rdflib.term import Node

from pipeline.publish import compact
from pipeline.publish.compact import CompactStore
from pipeline.rdf.namespaces import LP, new_graph

EX = "https://example.org/"


def _terms(n: int) -> list[Node]:
    found: list[Node] = []
    for i in range(n):
        found.append(URIRef(f"{EX}t{i}"))
        found.append(Literal(f"t{i}"))  # the same text as a literal: another term
    found += [Literal("1", datatype=XSD.integer), Literal("1", datatype=XSD.decimal)]
    found += [Literal("t0", lang="lv"), Literal("t0", lang="en")]
    return found


def _random_triples(seed: int, count: int, terms: list[Node]) -> list[tuple[Node, Node, Node]]:
    rng = random.Random(seed)
    subjects = [t for t in terms if isinstance(t, URIRef)]
    predicates = subjects[:5]
    return [(rng.choice(subjects), rng.choice(predicates), rng.choice(terms)) for _ in range(count)]


def _patterns(
    triples: list[tuple[Node, Node, Node]], terms: list[Node]
) -> list[tuple[Node | None, ...]]:
    """Every shape of pattern (each position bound or not), bound to terms in the graph
    and to terms that are not."""
    absent = URIRef(f"{EX}absent")
    patterns: list[tuple[Node | None, ...]] = []
    for triple in [*triples[:40], (terms[-1], absent, terms[0]), (absent, absent, absent)]:
        for mask in itertools.product((True, False), repeat=3):
            patterns.append(
                tuple(t if bound else None for t, bound in zip(triple, mask, strict=True))
            )
    return patterns


def _sorted(triples: object) -> list[object]:
    # rdflib orders literals by value: 1 and 1.0 tie, and sorted() would keep either order
    return sorted(triples, key=repr)  # type: ignore[call-overload]


def _both(triples: list[tuple[Node, Node, Node]]) -> tuple[Graph, Graph]:
    ours = new_graph(CompactStore())
    theirs = new_graph("SimpleMemory")
    for triple in triples:
        ours.add(triple)
        theirs.add(triple)
    return ours, theirs


def test_every_pattern_matches_what_rdflib_finds() -> None:
    terms = _terms(30)
    triples = _random_triples(1, 500, terms)
    ours, theirs = _both(triples)
    assert len(ours) == len(theirs) < len(triples)  # duplicates were added, and dropped
    for pattern in _patterns(triples, terms):
        found = list(ours.triples(pattern))  # type: ignore[arg-type]
        assert _sorted(found) == _sorted(theirs.triples(pattern))  # type: ignore[arg-type]
        assert len(found) == len(set(found))


def test_triples_added_after_a_read_are_found_as_the_numbers_grow() -> None:
    # Each read packs the numbers into as many bits as the terms need: adding terms
    # between reads widens them (3 terms: 2 bits; 9 terms: 4 bits; ...), and every
    # triple packed before must still be found.
    terms = _terms(40)
    ours = new_graph(CompactStore())
    theirs = new_graph("SimpleMemory")
    triples = _random_triples(2, 300, terms)
    for size in (1, 2, 3, 7, 20, 300):
        for triple in triples[:size]:
            ours.add(triple)
            theirs.add(triple)
        assert _sorted(ours) == _sorted(theirs)
        for pattern in _patterns(triples[:size], terms):
            assert _sorted(ours.triples(pattern)) == _sorted(theirs.triples(pattern))  # type: ignore[arg-type]


def test_a_term_in_no_triple_matches_nothing() -> None:
    store = CompactStore()
    graph = new_graph(store)
    a, b = URIRef(f"{EX}a"), URIRef(f"{EX}b")
    graph.add((a, RDF.type, b))
    assert len(graph) == 1  # packed: three terms, numbers of 2 bits
    # Numbers given after the last packing, past what its bits hold: they must not be
    # read as a packed triple's other numbers.
    late = [store.intern(URIRef(f"{EX}late{i}")) for i in range(10)]
    for term in late:
        assert list(graph.triples((term, None, None))) == []
        assert list(graph.triples((None, None, term))) == []
        assert list(graph.triples((a, RDF.type, term))) == []
        assert (a, term, b) not in graph
    assert list(graph) == [(a, RDF.type, b)]


def test_intern_gives_the_stored_term() -> None:
    store = CompactStore()
    graph = new_graph(store)
    first, kind = URIRef(f"{EX}a"), LP.Report
    graph.add((first, RDF.type, kind))
    again = URIRef(f"{EX}a")
    assert again is not first
    assert store.intern(again) is first
    assert store.intern(LP.Report) is kind
    new = URIRef(f"{EX}new")
    assert store.intern(new) is new  # kept from now on
    assert store.intern(URIRef(f"{EX}new")) is new


def test_the_same_additions_read_back_in_the_same_order() -> None:
    terms = _terms(20)
    triples = _random_triples(3, 200, terms)
    one, _ = _both(triples)
    two, _ = _both(triples)
    assert list(one) == list(two)
    assert list(one.triples((None, RDF.type, None))) == list(two.triples((None, RDF.type, None)))
    # in the order the terms were first added: the first triple's subject comes first
    assert next(iter(one))[0] == triples[0][0]


def test_remove() -> None:
    terms = _terms(10)
    triples = _random_triples(4, 100, terms)
    ours, theirs = _both(triples)
    s, p, _ = triples[0]
    ours.remove((s, p, None))
    theirs.remove((s, p, None))
    assert _sorted(ours) == _sorted(theirs)
    assert not list(ours.triples((s, p, None)))
    ours.remove((URIRef(f"{EX}absent"), None, None))
    assert _sorted(ours) == _sorted(theirs)


def test_past_the_machine_word_the_numbers_are_python_integers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # 2 million terms would take the test too long: a narrower word shows the same.
    monkeypatch.setattr(compact, "WORD", 9)
    terms = _terms(30)
    triples = _random_triples(5, 300, terms)
    ours, theirs = _both(triples)
    assert len(ours) == len(theirs)
    assert isinstance(ours.store._spo, list)  # type: ignore[attr-defined]
    for pattern in _patterns(triples, terms):
        assert _sorted(ours.triples(pattern)) == _sorted(theirs.triples(pattern))  # type: ignore[arg-type]


def test_prefixes_values_queries_and_serialisation_as_rdflib() -> None:
    terms = _terms(10)
    triples = _random_triples(6, 80, terms)
    ours, theirs = _both(triples)
    assert dict(ours.namespaces()) == dict(theirs.namespaces())
    s, p, _ = triples[0]
    assert ours.value(s, p) in set(theirs.objects(s, p))
    query = "SELECT ?s (COUNT(?o) AS ?n) WHERE { ?s ?p ?o } GROUP BY ?s ORDER BY ?s"
    assert list(ours.query(query)) == list(theirs.query(query))
    assert _sorted(ours.serialize(format="nt").splitlines()) == _sorted(
        theirs.serialize(format="nt").splitlines()
    )


def test_the_numbers_outgrow_the_machine_word_between_reads(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(compact, "WORD", 12)  # four bits a number: 16 terms packed
    terms = _terms(30)
    small = [(terms[0], terms[2], terms[i]) for i in range(4, 12)]
    ours, theirs = _both(small)
    assert _sorted(ours) == _sorted(theirs)
    assert not isinstance(ours.store._spo, list)  # type: ignore[attr-defined]
    more = _random_triples(7, 200, terms)
    for triple in more:
        ours.add(triple)
        theirs.add(triple)
    for pattern in _patterns(small + more, terms):
        assert _sorted(ours.triples(pattern)) == _sorted(theirs.triples(pattern))  # type: ignore[arg-type]
    assert isinstance(ours.store._spo, list)  # type: ignore[attr-defined]


@pytest.mark.parametrize("word", [64, 9])
def test_nodes_are_the_subjects_and_objects_each_once(
    word: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(compact, "WORD", word)  # machine integers, then Python's
    terms = _terms(30)
    triples = _random_triples(8, 400, terms)
    ours, theirs = _both(triples[:200])
    for triple in triples[200:]:  # some added after the first read, unsorted
        ours.add(triple)
        theirs.add(triple)
    nodes = ours.store.nodes()  # type: ignore[attr-defined]
    assert len(nodes) == len(set(nodes))
    assert set(nodes) == {n for s, _, o in theirs for n in (s, o)}
    only_predicates = {p for _, p, _ in triples} - {n for s, _, o in triples for n in (s, o)}
    assert not only_predicates & set(nodes)
