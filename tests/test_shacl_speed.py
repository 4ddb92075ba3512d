"""`pipeline.shacl_speed.FocusAnswers`: a `sh:sparql` SELECT asked once per data graph with
`$this` free gives each focus node the rows pyshacl's per-node query gives it."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Literal, URIRef, Variable
from rdflib.compare import isomorphic
from rdflib.query import Result

from pipeline.parse import parse_report
from pipeline.rdf import OrganisationResolver, to_graph
from pipeline.rdf.namespaces import new_graph
from pipeline.settings import Settings
from pipeline.shacl_speed import FocusAnswers, reference
from pipeline.validate import _results, load_shapes, validate_graph
from tests.conftest import FIXTURES

SETTINGS = Settings()
THIS, N = Variable("this"), Variable("n")
A, B, C = (URIRef(f"urn:x:{name}") for name in "abc")
PLANTED = sorted((FIXTURES / "reports" / "unseen").glob("*planted*.txt"))


def _select(rows: list[dict[Variable, object]]) -> Result:
    result = Result("SELECT")
    result.vars = [THIS, N]
    result.bindings = rows  # type: ignore[assignment]
    return result


def test_a_select_is_asked_once_for_every_focus_node() -> None:
    asked: list[int] = []

    def ask() -> Result:
        asked.append(1)
        return _select(
            [{THIS: A, N: Literal(1)}, {THIS: B, N: Literal(2)}, {THIS: A, N: Literal(3)}]
        )

    focus = FocusAnswers()
    query = object()
    rows = {node: focus.answer(query, node, ask) for node in (A, B, C)}
    assert len(asked) == 1
    answer_a, answer_b = rows[A], rows[B]
    assert answer_a is not None and answer_b is not None
    assert [r[N] for r in answer_a.bindings] == [Literal(1), Literal(3)]
    assert [r[N] for r in answer_b.bindings] == [Literal(2)]
    answer_c = rows[C]
    assert answer_c is not None and not answer_c and len(answer_c.bindings) == 0
    focus.answer(object(), A, ask)  # another query: asked again
    assert len(asked) == 2


def test_a_query_leaving_this_unbound_is_asked_per_node() -> None:
    def ask() -> Result:
        return _select([{THIS: A, N: Literal(1)}, {N: Literal(2)}])

    assert FocusAnswers().answer(object(), A, ask) is None


def test_a_query_not_projecting_this_is_asked_per_node() -> None:
    def ask() -> Result:
        result = Result("SELECT")
        result.vars = [N]
        result.bindings = [{N: Literal(1)}]
        return result

    assert FocusAnswers().answer(object(), A, ask) is None


def test_the_reference_run_asks_per_node() -> None:
    with reference():
        assert FocusAnswers().answer(object(), A, lambda: _select([])) is None


@pytest.mark.parametrize("path", PLANTED, ids=lambda p: p.stem)
def test_planted_reports_get_the_same_results_asked_once_or_per_node(path: Path) -> None:
    """Reports with contradictions planted in them: the consistency shapes' SELECTs return
    rows here, which the answers by focus node must give exactly as pyshacl's own calls."""
    report = parse_report(path, name=path.name).report
    assert report is not None
    mapped = to_graph(report, SETTINGS, OrganisationResolver((report,)))
    shapes = load_shapes()
    # a plain copy of the shapes, so the reference run reads no remembered answers
    plain_graph = new_graph()
    for triple in shapes.graph:
        plain_graph.add(triple)
    plain = type(shapes)(plain_graph, shapes.codes, shapes.templates)
    with reference():
        before = validate_graph(mapped, SETTINGS, plain)
        raw_before = _results(mapped, plain)
    after = validate_graph(mapped, SETTINGS, shapes)
    assert after.problems == before.problems
    assert isomorphic(_results(mapped, shapes), raw_before)


def test_the_planted_reports_give_the_consistency_shapes_rows() -> None:
    """The comparison above sees rows, not only empty answers."""
    found = 0
    for path in PLANTED:
        report = parse_report(path, name=path.name).report
        assert report is not None
        mapped = to_graph(report, SETTINGS, OrganisationResolver((report,)))
        problems = validate_graph(mapped, SETTINGS, load_shapes()).problems
        found += any(p.code.startswith(("funding.", "period.")) for p in problems)
    assert found >= 10
