"""Facts a report states that the model had no place for, read into the model, its JSON and
its graph: the period the contract was extended by ("PAGARINĀJUMA PERIODS (…)"), a date an
activity says it was moved to ("tika pārcelts uz 2024. gada 18. janvāri"), and the funding
over the whole contract ("Kopā par visu līguma periodu: plānots …")."""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache

import jsonschema  # type: ignore[import-untyped]
import pytest
from rdflib import Graph, Literal

from pipeline.model import Report
from pipeline.model_json import SCHEMA_VERSION, parsed_to_json
from pipeline.parse import parse_bytes, parse_text
from pipeline.rdf import to_graph
from pipeline.rdf.namespaces import DCTERMS, LP, QB, RDF, XSD
from pipeline.settings import Settings
from tests.conftest import REPO
from tests.parse.golden import BACK, UNSEEN, A, D, P

EXTENDED = UNSEEN / "facts_extension_past_period_moved_seminar.txt"
PLANTED = UNSEEN / "facts_year_past_period_date_outside_planted.txt"
TOTALS = UNSEEN / "facts_contract_total_over_the_whole_period.txt"
SCHEMA = REPO / "pipeline" / "schemas" / "extract.schema.json"


@cache
def _report(name: str) -> Report:
    path = UNSEEN / name
    parsed = parse_text(path.read_text(encoding="utf-8"), path.name)
    assert parsed.report is not None
    return parsed.report


def _dates(report: Report) -> list[tuple[int, str, str, bool]]:
    return [
        (year.ordinal, activity.number or "", date.text, date.moved)
        for year in report.years
        for activity in year.activities
        for date in activity.dates
    ]


def test_the_extension_period_is_read_as_one() -> None:
    """l.19 "PAGARINĀJUMA PERIODS (2024.gada 1.janvāris līdz 2024.gada 31.marts)" after
    years I and II (l.9, l.14); in the planted copy it is headed "III. ĪSTENOŠANAS GADS"."""
    assert [(y.ordinal, y.extension) for y in _report(EXTENDED.name).years] == [
        (1, False),
        (2, False),
        (3, True),
    ]
    assert [(y.ordinal, y.extension) for y in _report(PLANTED.name).years] == [
        (1, False),
        (2, False),
        (3, False),
    ]


def test_a_date_the_activity_was_moved_to_is_read_as_moved() -> None:
    """l.17 "… bija plānots 2023. gada 7. decembrī, bet … tika pārcelts uz 2024. gada 18.
    janvāri": the planned date is not the one moved to; l.12's forum date is no move."""
    assert _dates(_report(EXTENDED.name)) == [
        (1, "3)", "2022. gada 8. oktobrī", False),
        (2, "3)", "2023. gada 7. decembrī", False),
        (2, "3)", "2024. gada 18. janvāri", True),
    ]
    # l.17 of the planted copy: "noslēguma seminārs … notika 2024. gada 18. janvārī"
    assert _dates(_report(PLANTED.name)) == [
        (1, "3)", "2022. gada 8. oktobrī", False),
        (2, "3)", "2024. gada 18. janvārī", False),
    ]
    moved = _report(EXTENDED.name).years[1].activities[2].dates[1]
    assert (moved.start, moved.span.line) == (D(2024, 1, 18), 17)


def test_both_facts_are_in_the_json_and_it_keeps_to_its_schema() -> None:
    doc = parsed_to_json(parse_bytes(EXTENDED.read_bytes(), EXTENDED.name))
    assert doc["schema_version"] == SCHEMA_VERSION == "6"
    years = doc["report"]["years"]
    assert [y["extension"] for y in years] == [False, False, True]
    dates = years[1]["activities"][2]["dates"]
    assert [(d["text"], d["moved"]) for d in dates] == [
        ("2023. gada 7. decembrī", False),
        ("2024. gada 18. janvāri", True),
    ]
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    validator.validate({"lodpipe": "test", "reports": [doc]})
    del years[2]["extension"]
    with pytest.raises(jsonschema.ValidationError):
        validator.validate({"lodpipe": "test", "reports": [doc]})


def _graph(name: str) -> Graph:
    return to_graph(_report(name), Settings()).graph


def test_the_graph_says_which_period_is_the_extension() -> None:
    graph = _graph(EXTENDED.name)
    years = graph.subjects(LP.extension, Literal(True, datatype=XSD.boolean))
    assert {graph.value(year, LP.ordinal) for year in years} == {Literal(3)}
    assert not list(_graph(PLANTED.name).triples((None, LP.extension, None)))


def test_the_graph_says_which_date_was_moved() -> None:
    graph = _graph(EXTENDED.name)
    moved = list(graph.subjects(LP.moved, Literal(True, datatype=XSD.boolean)))
    assert [str(graph.value(m, LP.asWritten)) for m in moved] == ["2024. gada 18. janvāri"]
    assert not list(graph.triples((None, LP.moved, Literal(False))))
    assert not list(_graph(PLANTED.name).triples((None, LP.moved, None)))


# -- the funding over the whole contract ------------------------------------------------


def test_the_contract_total_is_read_into_the_model() -> None:
    """l.19 "Kopā par visu līguma periodu: plānots 80 000,00 euro; faktiski izlietoti 79
    650,00 euro; atgriezti 350,00 euro.", after the years' rows (l.17-18)."""
    report = _report(TOTALS.name)
    assert [
        (a.role, a.purpose, a.value, a.text, a.currency, a.span.line)
        for a in report.contract_totals
    ] == [
        (P, None, Decimal("80000.00"), "80 000,00", "EUR", 19),
        (A, None, Decimal("79650.00"), "79 650,00", "EUR", 19),
        (BACK, None, Decimal("350.00"), "350,00", "EUR", 19),
    ]
    source = TOTALS.read_text(encoding="utf-8")
    assert [source[a.span.start : a.span.end] for a in report.contract_totals] == [
        "80 000,00 euro",
        "79 650,00 euro",
        "350,00 euro",
    ]
    # the years' rows keep their own amounts: the total is no year's
    assert [len(row.amounts) for row in report.funding] == [3, 3]
    assert _report(EXTENDED.name).contract_totals == ()


def test_the_contract_total_is_in_the_json() -> None:
    doc = parsed_to_json(parse_bytes(TOTALS.read_bytes(), TOTALS.name))
    totals = doc["report"]["contract_totals"]
    assert [(t["role"], t["value"], t["source"]["line"]) for t in totals] == [
        ("planned", "80000.00", 19),
        ("actual", "79650.00", 19),
        ("returned", "350.00", 19),
    ]
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    validator.validate({"lodpipe": "test", "reports": [doc]})


def test_the_contract_total_is_a_total_of_the_agreement_not_an_observation() -> None:
    """Stated over the whole agreement period, with its role; never one of the cube's
    amounts, which the money pages add up (it would count the years' money twice)."""
    graph = _graph(TOTALS.name)
    (agreement,) = graph.subjects(RDF.type, LP.DelegationAgreement)
    period = graph.value(agreement, DCTERMS.temporal)
    found = {}
    for node in graph.objects(agreement, LP.contractTotal):
        assert (node, RDF.type, LP.ContractTotal) in graph
        assert (node, RDF.type, LP.FundingAmount) not in graph
        assert (node, RDF.type, QB.Observation) not in graph
        assert graph.value(node, DCTERMS.temporal) == period
        role = str(graph.value(node, LP.amountType)).rpartition("#")[2]
        found[role] = (graph.value(node, LP.amount), str(graph.value(node, LP.asWritten)))
    assert found == {
        "planned": (Literal("80000.00", datatype=XSD.decimal), "80 000,00"),
        "actual": (Literal("79650.00", datatype=XSD.decimal), "79 650,00"),
        "returned": (Literal("350.00", datatype=XSD.decimal), "350,00"),
    }
    assert not list(_graph(EXTENDED.name).triples((None, LP.contractTotal, None)))
