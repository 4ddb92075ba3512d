"""Every SPARQL constraint of the shapes may be asked once with `$this` free.

`pipeline.shacl_speed.FocusAnswers` asks a `sh:select` once per data graph with `$this`
unbound and gives each focus node the rows whose `$this` is that node. That gives the same
rows as asking once per node with `$this` bound only where the query binds `$this` in a
triple pattern of its main group (not only inside a FILTER, NOT EXISTS, MINUS or OPTIONAL,
nor inside a subquery that does not project it) and projects it. A query that does not can
return no rows with `$this` free, which would be read as "no violation for any node". This
checks each query's algebra, and that the check refuses queries that break the rule.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from rdflib import Graph, Literal, Namespace, URIRef, Variable
from rdflib.paths import Path
from rdflib.plugins.sparql import prepareQuery

from tests.conftest import REPO

SH = Namespace("http://www.w3.org/ns/shacl#")
THIS = Variable("this")
# Operators whose pattern `p` is part of the group they stand in; an expression beside it
# (a FILTER's, a BIND's) binds nothing from a triple pattern.
_THROUGH = {
    "SelectQuery",
    "Distinct",
    "Reduced",
    "Slice",
    "OrderBy",
    "Extend",
    "Filter",
    "Group",
    "AggregateJoin",
    "ToMultiSet",
    "Graph",
}


@cache
def _shapes() -> Graph:
    graph = Graph()
    for path in sorted((REPO / "shapes").glob("*.ttl")):
        graph.parse(path, format="turtle")
    return graph


def _selects() -> Iterator[tuple[str, str, dict[str, str]]]:
    """Each sh:select of the shapes: its shape, its text, and the prefixes it declares."""
    graph = _shapes()
    for shape, constraint in graph.subject_objects(SH.sparql):
        prefixes = {
            str(graph.value(d, SH.prefix)): str(graph.value(d, SH.namespace))
            for declared in graph.objects(constraint, SH.prefixes)
            for d in graph.objects(declared, SH.declare)
        }
        for text in graph.objects(constraint, SH.select):
            assert isinstance(text, Literal)
            yield str(shape), str(text), prefixes


def _bound(node: Any) -> set[Variable]:
    """The variables a pattern binds for certain from its triple patterns: those of its
    main group, not of an OPTIONAL's, a MINUS's or a FILTER's (NOT EXISTS) part, and of a
    subquery only those it projects."""
    name = node.name
    if name == "BGP":
        found: set[Variable] = set()
        for s, p, o in node.triples:
            for term in (s, o) if isinstance(p, Path) else (s, p, o):
                if isinstance(term, Variable):
                    found.add(term)
        return found
    if name == "Project":
        return _bound(node.p) & set(node.PV)
    if name == "Join":
        return _bound(node.p1) | _bound(node.p2)
    if name in ("LeftJoin", "Minus"):
        return _bound(node.p1)
    if name == "Union":
        return _bound(node.p1) & _bound(node.p2)
    if name in _THROUGH:
        return _bound(node.p)
    if name == "values":
        return set()
    raise AssertionError(f"an algebra operator this check does not know: {name}")


def _focus_free(text: str, prefixes: dict[str, str]) -> list[str]:
    """What keeps the query `text` from being asked with `$this` free; [] where nothing."""
    query = prepareQuery(text, initNs={k: URIRef(v) for k, v in prefixes.items()})
    algebra = query.algebra
    wrong = []
    if algebra.name != "SelectQuery":
        wrong.append(f"not a SELECT: {algebra.name}")
    elif THIS not in algebra.PV:
        wrong.append("$this is not projected")
    # the main group is what the outer projection takes its rows from
    main = algebra.p.p if algebra.p.name == "Project" else algebra.p
    if THIS not in _bound(main):
        wrong.append("$this is bound by no triple pattern of the main group")
    return wrong


SELECTS = sorted(_selects())


def test_the_shapes_have_sparql_constraints() -> None:
    graph = _shapes()
    assert len(SELECTS) == len(set(graph.objects(None, SH.sparql))) >= 9
    assert all(prefixes for _, _, prefixes in SELECTS)


@pytest.mark.parametrize(("shape", "text", "prefixes"), SELECTS, ids=[s for s, _, _ in SELECTS])
def test_each_sparql_constraint_binds_and_projects_this(
    shape: str, text: str, prefixes: dict[str, str]
) -> None:
    assert _focus_free(text, prefixes) == [], shape


PREFIXES = {"lp": "https://w3id.org/lodpipe/def/core#"}


@pytest.mark.parametrize(
    ("text", "why"),
    [
        # only inside FILTER NOT EXISTS
        (
            "SELECT $this ?o WHERE { ?y lp:ordinal ?o . FILTER NOT EXISTS { $this lp:a ?y } }",
            "$this is bound by no triple pattern of the main group",
        ),
        # only inside OPTIONAL
        (
            "SELECT $this ?o WHERE { ?y lp:ordinal ?o . OPTIONAL { $this lp:a ?y } }",
            "$this is bound by no triple pattern of the main group",
        ),
        # only inside MINUS
        (
            "SELECT $this ?o WHERE { ?y lp:ordinal ?o . MINUS { $this lp:a ?y } }",
            "$this is bound by no triple pattern of the main group",
        ),
        # only inside a subquery that does not project it
        (
            "SELECT $this ?o WHERE { ?y lp:ordinal ?o . { SELECT ?y WHERE { $this lp:a ?y } } }",
            "$this is bound by no triple pattern of the main group",
        ),
        # only in a BIND
        (
            "SELECT $this ?o WHERE { ?y lp:ordinal ?o . BIND (?y AS $this) }",
            "$this is bound by no triple pattern of the main group",
        ),
        # only on one side of a UNION
        (
            "SELECT $this ?o WHERE { { $this lp:ordinal ?o } UNION { ?y lp:ordinal ?o } }",
            "$this is bound by no triple pattern of the main group",
        ),
        # bound, but not projected
        ("SELECT ?o WHERE { $this lp:ordinal ?o }", "$this is not projected"),
    ],
)
def test_a_query_that_cannot_be_asked_with_this_free_is_refused(text: str, why: str) -> None:
    assert _focus_free(text, PREFIXES) == [why]


def test_a_query_binding_this_in_its_main_group_or_a_projecting_subquery_passes() -> None:
    for text in (
        "SELECT $this ?o WHERE { ?a lp:year $this . $this lp:ordinal ?o }",
        "SELECT $this ?o WHERE { ?a lp:task/lp:year $this . OPTIONAL { $this lp:o ?o } }",
        "SELECT $this ?o WHERE { { SELECT DISTINCT $this WHERE { ?a lp:year $this } }"
        " OPTIONAL { $this lp:o ?o } }",
        "SELECT $this (SUM(?v) AS ?s) WHERE { { ?r lp:period $this ; lp:amount ?v } }"
        " GROUP BY $this",
    ):
        assert _focus_free(text, PREFIXES) == [], text
