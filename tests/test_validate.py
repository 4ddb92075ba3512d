from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from functools import cache
from pathlib import Path

import pytest
from click.testing import CliRunner
from pyshacl import shape as pyshacl_shape
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from pipeline.cli import main
from pipeline.model import AmountRole, Purpose, Report, Severity
from pipeline.rdf import MappedGraph, OrganisationResolver, dataset_graph, to_graph
from pipeline.rdf.namespaces import LP, RDF, SH, SKOS, new_graph
from pipeline.settings import Settings
from pipeline.shacl_speed import (
    _ParameterList,
    _remembering,
    install,
    memoised,
    reference,
    supported,
)
from pipeline.validate import (
    DATASET_SHAPES,
    Shapes,
    Validation,
    _results,
    load_shapes,
    validate_dataset,
    validate_graph,
)
from tests.sample import FILE, amount, clean_report, contradictions, replace_amounts, text

REPORTS = Path(__file__).resolve().parents[1] / "reports"
SETTINGS = Settings()


@cache
def shapes() -> Shapes:
    return load_shapes()


def test_clean_report_has_no_problem_at_all() -> None:
    result = validate_graph(to_graph(clean_report(), SETTINGS), SETTINGS, shapes())
    assert result.problems == ()
    assert result.conforms


@pytest.mark.parametrize("name", sorted(contradictions()))
def test_each_contradiction_is_a_warning_on_its_line(name: str) -> None:
    report, expected = contradictions()[name]
    result = validate_graph(to_graph(report, SETTINGS), SETTINGS, shapes())
    assert {(p.code, p.span.line if p.span else 0) for p in result.problems} == expected
    assert all(p.severity is Severity.WARNING and p.file == FILE for p in result.problems)
    assert result.conforms  # warnings never fail
    assert any(
        p.shape.startswith(f"https://w3id.org/lodpipe/def/shapes#{name}") for p in result.problems
    )


@pytest.mark.parametrize(
    "name", ["FundingSum", "ActualAbovePlanned", "RemainderTotal", "RemainderPurpose"]
)
def test_a_funding_row_not_compared_gives_no_funding_warning(name: str) -> None:
    """The parser compares nothing in a row it could not read in full (an unread amount,
    money carried in beside the plan); neither do the shapes, from the graph alone."""
    report, expected = contradictions()[name]
    assert expected and all(code.startswith("funding.") for code, _ in expected)
    unread = dataclasses.replace(
        report, funding=tuple(dataclasses.replace(row, compared=False) for row in report.funding)
    )
    graph = to_graph(unread, SETTINGS)
    assert (None, LP.sumsCompared, Literal(False)) in graph.graph
    result = validate_graph(graph, SETTINGS, shapes())
    assert [p.code for p in result.problems] == []


def _beside(report: Report) -> Report:
    return dataclasses.replace(
        report,
        funding=tuple(dataclasses.replace(row, plan_complete=False) for row in report.funding),
    )


@pytest.mark.parametrize(
    "name", ["FundingSum", "ActualAbovePlanned", "RemainderTotal", "RemainderPurpose"]
)
def test_a_plan_beside_money_carried_in_is_not_compared(name: str) -> None:
    """Money carried in beside the plan: what could be spent is not written, so neither
    the plan's lines (they may spread what came in), the overspend nor the remainder is
    checked, by the parser or the shapes."""
    report, expected = contradictions()[name]
    assert expected
    graph = to_graph(_beside(report), SETTINGS)
    assert (None, LP.planComplete, Literal(False)) in graph.graph
    left = validate_graph(graph, SETTINGS, shapes()).problems
    # what stays is the sum of another role's lines (the sample's actual lines add up
    # wrongly in one case): no result on the plan, the overspend or the remainder
    assert all(p.shape.endswith("#FundingSum") and "-planned" not in p.value for p in left)
    assert name == "ActualAbovePlanned" or left == ()


def test_the_actual_lines_beside_money_carried_in_are_still_compared() -> None:
    """The actual total of row 1 (line 12) is 48 000,00, its one line 29 000,00."""
    cs = Purpose.CIVIL_SOCIETY
    report = replace_amounts(
        clean_report(),
        1,
        amount(AmountRole.PLANNED, None, "49 000,00"),
        amount(AmountRole.ACTUAL, None, "48 000,00"),
        amount(AmountRole.ACTUAL, cs, "29 000,00"),
    )
    result = validate_graph(to_graph(_beside(report), SETTINGS), SETTINGS, shapes())
    assert {(p.code, p.span.line if p.span else 0) for p in result.problems} == {
        ("funding.sum-mismatch", 12)
    }


def test_bad_registration_number_is_a_violation_on_its_line() -> None:
    report = clean_report()
    assert report.implementer is not None
    bad = dataclasses.replace(
        report,
        implementer=dataclasses.replace(report.implementer, registration_number=text("4000800000")),
    )
    result = validate_graph(to_graph(bad, SETTINGS), SETTINGS, shapes())
    errors = [p for p in result.problems if p.severity is Severity.ERROR]
    assert {(p.code, p.span.line if p.span else 0) for p in errors} == {("shacl.pattern", 3)}
    assert not result.conforms
    by_shape = {p.shape.rpartition("#")[2]: p for p in errors}
    assert set(by_shape) == {"Identifier-notation", "Identifier-orgId"}
    assert "11 digits" in by_shape["Identifier-notation"].message
    assert "11 cipari" in by_shape["Identifier-notation"].message_lv


def test_validation_report_graph_is_linkable_and_bilingual() -> None:
    report, _ = contradictions()["RegionMismatch"]
    result = validate_graph(to_graph(report, SETTINGS), SETTINGS, shapes())
    graph = result.report
    node = URIRef("https://w3id.org/lodpipe/id/report/900-sample#validation")
    results = list(graph.objects(node, SH.result))
    assert len(results) == 1
    messages = {m.language for m in graph.objects(results[0], SH.resultMessage)}  # type: ignore[attr-defined]
    assert messages == {"en", "lv"}
    assert str(graph.value(results[0], LP.findingCode)) == "region.mismatch"


def test_dataset_check_compares_names_in_lower_case_only() -> None:
    """Two numbers for one name written in another case are flagged once per organisation;
    a name that differs in more than case is not."""
    first = clean_report()
    assert first.implementer is not None
    name = first.implementer.name.value

    def other(number: str, written: str) -> Report:
        assert first.implementer is not None
        implementer = dataclasses.replace(
            first.implementer,
            registration_number=text("Nr.40008000001"),
            name=dataclasses.replace(first.implementer.name, value=written),
        )
        return dataclasses.replace(
            first, file=f"reports/{number}_other.txt", implementer=implementer
        )

    for written, flagged in ((name.upper(), True), (name + " filiāle", False)):
        mapped = [to_graph(r, SETTINGS) for r in (first, other("901", written))]
        dataset = dataset_graph(mapped, SETTINGS)
        keys = {str(o) for o in dataset.graph.objects(None, SKOS.hiddenLabel)}
        assert keys == {name.lower(), written.lower()}
        result = validate_dataset(dataset, SETTINGS, load_shapes(DATASET_SHAPES))
        found = [p for p in result.problems if p.code == "organisation.same-name-different-number"]
        assert len(found) == (2 if flagged else 0), written
        assert len({p.focus for p in found}) == len(found)


def test_dataset_check_flags_two_numbers_for_one_name() -> None:
    first = clean_report()
    assert first.implementer is not None
    other = dataclasses.replace(
        first,
        file="reports/901_other.txt",
        implementer=dataclasses.replace(
            first.implementer, registration_number=text("Nr.40008000001")
        ),
    )
    mapped = [to_graph(r, SETTINGS) for r in (first, other)]
    result = validate_dataset(
        dataset_graph(mapped, SETTINGS), SETTINGS, load_shapes(DATASET_SHAPES)
    )
    codes = {p.code for p in result.problems}
    assert "organisation.same-name-different-number" in codes
    # results are fragments of the one cross-report validation page, not pages of their own
    results = set(result.report.subjects(RDF.type, SH.ValidationResult))
    assert results and all(
        str(r).startswith(f"{SETTINGS.base_iri}id/validation/dataset#result-") for r in results
    )


# The five bundled reports: what reading them by hand finds (code, line).
GOLDEN = {
    "000": {("period.year-overlap", 26)},
    "001": {("implementer.missing-registration-number", 7)},
    "002": {("activity.date-outside-year", 13), ("activity.date-outside-year", 15),
            ("activity.date-outside-year", 22), ("funding.remainder-mismatch", 39),
            ("funding.remainder-mismatch", 41)},
    "003": {("region.mismatch", 11), ("implementer.missing-registration-number", 12),
            ("funding.actual-above-planned", 41), ("funding.remainder-mismatch", 41),
            ("funding.actual-above-planned", 43)},
    "004": {("implementer.missing-registration-number", 26)},
}  # fmt: skip


@pytest.mark.skipif(not REPORTS.is_dir(), reason="bundled reports not present")
def test_real_reports_conform_and_agree_with_the_parser() -> None:
    from pipeline.parse import parse_report

    parsed = [parse_report(p) for p in sorted(REPORTS.glob("*.txt"))]
    reports = tuple(p.report for p in parsed if p.report is not None)
    resolver = OrganisationResolver(reports)
    mirrored = set(shapes().codes.values())
    for p in parsed:
        assert p.report is not None
        result = validate_graph(to_graph(p.report, SETTINGS, resolver), SETTINGS, shapes())
        assert result.conforms, [x.message for x in result.problems if x.severity is Severity.ERROR]
        got = sorted((x.code, x.span.line if x.span else 0) for x in result.problems)
        parser = sorted(
            (f.code, f.span.line if f.span else 0) for f in p.findings if f.code in mirrored
        )
        assert got == parser, p.file
        assert set(got) == GOLDEN[Path(p.file).name[:3]], p.file


@pytest.mark.skipif(not REPORTS.is_dir(), reason="bundled reports not present")
def test_002_has_nine_dates_before_its_first_year() -> None:
    from pipeline.parse import parse_report

    parsed = parse_report(REPORTS / "002_19ea6052c5e9160a.txt")
    assert parsed.report is not None
    result = validate_graph(to_graph(parsed.report, SETTINGS), SETTINGS, shapes())
    dates = [p for p in result.problems if p.code == "activity.date-outside-year"]
    assert len(dates) == 9


@pytest.mark.skipif(not REPORTS.is_dir(), reason="bundled reports not present")
def test_cli_validate_exit_codes_and_report(tmp_path: Path) -> None:
    runner = CliRunner()
    ok = runner.invoke(
        main,
        [
            "validate",
            "--report",
            str(tmp_path / "validation.ttl"),
            str(REPORTS / "003_d7bd70bcc2ec91a0.txt"),
        ],
    )
    assert ok.exit_code == 0, ok.output
    assert "003_d7bd70bcc2ec91a0.txt:11: warning region.mismatch:" in ok.output
    report = Graph().parse(tmp_path / "validation.ttl")
    assert len(list(report.subjects(None, SH.ValidationResult))) == 6

    broken = tmp_path / "900_broken.txt"
    shutil.copy(REPORTS / "000_f25f87058009babf.txt", broken)
    broken.write_text(
        broken.read_text(encoding="utf-8").replace("40008055327", "4000805532"), encoding="utf-8"
    )
    bad = runner.invoke(main, ["validate", str(broken)])
    assert bad.exit_code == 1, bad.output
    assert "900_broken.txt:11: error shacl.pattern:" in bad.output

    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    assert runner.invoke(main, ["validate", str(empty)]).exit_code == 2


# pipeline.shacl_speed: the adapted pyshacl must find exactly what plain pyshacl finds.


def _plain(shapes: Shapes) -> Shapes:
    """The same shapes in an ordinary graph (no memoised answers)."""
    graph = new_graph()
    for triple in shapes.graph:
        graph.add(triple)
    return Shapes(graph, shapes.codes, shapes.templates)


def _assert_adapted_is_plain(
    mapped: MappedGraph,
    shapes_: Shapes,
    check: Callable[[MappedGraph, Settings, Shapes], Validation] = validate_graph,
) -> Validation:
    plain = _plain(shapes_)
    with reference():
        before = check(mapped, SETTINGS, plain)
        raw_before = _results(mapped, plain)
    after = check(mapped, SETTINGS, shapes_)
    assert isinstance(pyshacl_shape.CONSTRAINT_PARAMS[0], _ParameterList)  # the adapted run
    assert after.problems == before.problems
    assert set(after.report) == set(before.report)
    assert isomorphic(_results(mapped, shapes_), raw_before)  # pyshacl's own report too
    return after


def _samples() -> dict[str, Report]:
    report = clean_report()
    assert report.implementer is not None
    bad_number = dataclasses.replace(
        report,
        implementer=dataclasses.replace(report.implementer, registration_number=text("4000800000")),
    )
    return {
        "clean": report,
        "bad-number": bad_number,
        **{name: r for name, (r, _) in contradictions().items()},
    }


@pytest.mark.parametrize("name", sorted(_samples()))
def test_adapted_pyshacl_finds_what_plain_pyshacl_finds(name: str) -> None:
    after = _assert_adapted_is_plain(to_graph(_samples()[name], SETTINGS), shapes())
    assert (name == "clean") == (after.problems == ())


@pytest.mark.skipif(not REPORTS.is_dir(), reason="bundled reports not present")
def test_adapted_pyshacl_finds_what_plain_pyshacl_finds_in_the_bundled_reports() -> None:
    from pipeline.parse import parse_report

    reports = [r for p in sorted(REPORTS.glob("*.txt")) if (r := parse_report(p).report)]
    resolver = OrganisationResolver(tuple(reports))
    found = 0
    for report in reports:
        found += len(
            _assert_adapted_is_plain(to_graph(report, SETTINGS, resolver), shapes()).problems
        )
    assert found > 10  # the comparison saw problems, not only silence


def test_adapted_pyshacl_finds_what_plain_pyshacl_finds_across_reports() -> None:
    first = clean_report()
    assert first.implementer is not None
    other = dataclasses.replace(
        first,
        file="reports/901_other.txt",
        implementer=dataclasses.replace(
            first.implementer, registration_number=text("Nr.40008000001")
        ),
    )
    dataset = dataset_graph([to_graph(r, SETTINGS) for r in (first, other)], SETTINGS)
    after = _assert_adapted_is_plain(dataset, load_shapes(DATASET_SHAPES), validate_dataset)
    assert after.problems


def test_parameter_list_answers_as_the_list_does() -> None:
    from pyshacl.constraints import ALL_CONSTRAINT_PARAMETERS

    adapted = _ParameterList(ALL_CONSTRAINT_PARAMETERS)
    assert list(adapted) == ALL_CONSTRAINT_PARAMETERS
    assert type(adapted.copy()) is list
    probes = [*ALL_CONSTRAINT_PARAMETERS, SH.path, SH.message, URIRef(str(SH.minCount) + "x")]
    probes += [Literal(str(SH.minCount)), BNode(str(SH.minCount))]
    for probe in probes:
        assert (probe in adapted) == (probe in ALL_CONSTRAINT_PARAMETERS), probe
        with reference():
            assert (probe in adapted) == (probe in ALL_CONSTRAINT_PARAMETERS), probe


def test_memoised_graph_forgets_its_answers_when_it_changes() -> None:
    graph = memoised(new_graph())
    s, p = URIRef("urn:x:s"), URIRef("urn:x:p")
    graph.add((s, p, Literal(1)))
    assert list(graph.objects(s, p)) == [Literal(1)]
    graph.add((s, p, Literal(1)))  # already there: nothing to forget
    graph.add((s, p, Literal(2)))
    assert list(graph.objects(s, p)) == [Literal(1), Literal(2)]
    graph.remove((s, p, Literal(1)))
    assert list(graph.objects(s, p)) == [Literal(2)]
    graph.addN([(s, p, Literal(3), graph)])
    assert list(graph.objects(s, p)) == [Literal(2), Literal(3)]


def test_the_parameter_adaptation_is_for_the_allowed_pyshacl_releases() -> None:
    assert supported("0.30.0") and supported("0.40.1")
    assert not supported("0.41.0") and not supported("0.29.9") and not supported("1.0")
    assert not supported("dev")


def test_a_validation_keeps_its_problems_not_a_graph() -> None:
    """A build keeps one validation per report: each holds its problems, and its graph is
    made from them when asked for (the same graph every time)."""
    import gc

    from pipeline.validate import validation_of

    report, _ = contradictions()["RegionMismatch"]
    settings = SETTINGS
    validation = validate_graph(to_graph(report, settings), settings, shapes())
    assert validation.problems
    assert not any(isinstance(r, Graph) for r in gc.get_referents(validation))
    again = validation_of(validation.key, reversed(validation.problems), settings)
    assert sorted(validation.report) == sorted(again.report) == sorted(validation.report)
    assert len(validation.report) > 3 * len(validation.problems)


def test_the_sparql_check_is_remembered_for_texts_it_passed_only() -> None:
    calls: list[str] = []

    def check(
        helper: object, text: str, valuenode: object = None, extravars: object = None
    ) -> bool:
        calls.append(text)
        if "MINUS" in text:
            raise ValueError("no MINUS")
        return True

    remembered = _remembering(check)
    helper = object()
    assert remembered(helper, "SELECT $this") and remembered(helper, "SELECT $this")
    assert calls == ["SELECT $this"]  # passed once: not scanned again
    remembered(helper, "SELECT $this", valuenode=URIRef("urn:x:v"))  # another kind of call
    assert calls == ["SELECT $this"] * 2
    for _ in range(2):
        with pytest.raises(ValueError):
            remembered(helper, "SELECT $this { MINUS {} }")
    assert calls.count("SELECT $this { MINUS {} }") == 2  # refused every time
    with reference():
        remembered(helper, "SELECT $this")
    assert calls.count("SELECT $this") == 3  # the reference run checks as pyshacl does


def test_pyshacl_still_refuses_an_illegal_sparql_constraint_after_a_legal_one() -> None:
    from pyshacl.helper.sparql_query_helper import SPARQLQueryHelper

    assert install()
    checked = SPARQLQueryHelper.check_invalid_sparql
    assert getattr(checked, "lodpipe_remembering", False)
    install()  # again: not wrapped twice
    assert SPARQLQueryHelper.check_invalid_sparql is checked
    helper = SPARQLQueryHelper.__new__(SPARQLQueryHelper)
    legal = "SELECT $this WHERE { $this a ?type }"
    assert checked(helper, legal) and checked(helper, legal)
    for illegal in (
        "SELECT $this WHERE { $this a ?t MINUS { $this a ?u } }",
        "SELECT $this WHERE { VALUES ?x { 1 } }",
    ):
        for _ in range(2):
            with pytest.raises(Exception, match="must not contain"):
                checked(helper, illegal)
