"""A delegation period extended by the note beside it, and a contract whose funding was
amended, as an independent tester wrote them (facts2_* fixtures, from a Rīga report of
2022-2025).

l.13 "2022.gada 15.jūlijs līdz 2025.gada 14.jūlijs (ar 2024. gada 3. jūnija grozījumiem
līgumā termiņš pagarināts līdz 2025.gada 31.augustam)": the period stays as written, the
day it was extended to is read, and year III (l.36, to 2025.gada 31.augustam) is inside
the delegation for the parser and the shapes alike. l.46 "Līgumā sākotnēji paredzētais
finansējums – 147 000,00 euro (…). Ar … grozījumiem līgumā finansējums palielināts līdz
162 000,00 euro, …" is the contract's, no amount of year I, whose sums are compared again.
"""

from __future__ import annotations

import json
from decimal import Decimal
from functools import cache

import jsonschema  # type: ignore[import-untyped]
from rdflib import Literal

from pipeline.model import AmountRole, Parsed, Report
from pipeline.model_json import SCHEMA_VERSION, parsed_to_json
from pipeline.parse import parse_bytes, parse_text
from pipeline.parse.funding_totals import without_contract_totals
from pipeline.parse.period_extension import extended_to
from pipeline.parse.text import SourcedText, SourceFile
from pipeline.rdf import to_graph
from pipeline.rdf.namespaces import LP, XSD
from pipeline.settings import Settings
from pipeline.validate import Shapes, load_shapes, validate_graph
from tests.conftest import REPO
from tests.parse.golden import UNSEEN, D

CLEAN = UNSEEN / "facts2_contract_amended_term_extended.txt"
YEAR_ONE = UNSEEN / "facts2_contract_amended_year_one_lines_planted.txt"
SHORT = UNSEEN / "facts2_term_extended_too_short_planted.txt"
SCHEMA = REPO / "pipeline" / "schemas" / "extract.schema.json"
SETTINGS = Settings()
NOTE = "termiņš pagarināts līdz 2025.gada 31.augustam"


@cache
def _parsed(name: str, text: str | None = None) -> Parsed:
    body = text if text is not None else (UNSEEN / name).read_text(encoding="utf-8")
    return parse_text(body, name)


def _report(name: str, text: str | None = None) -> Report:
    report = _parsed(name, text).report
    assert report is not None
    return report


@cache
def _shapes() -> Shapes:
    return load_shapes()


def _outside(name: str, text: str | None = None) -> tuple[set[int], set[int]]:
    """The lines of period.year-outside-delegation: the parser's, the shapes'."""
    parsed = _parsed(name, text)
    assert parsed.report is not None
    result = validate_graph(to_graph(parsed.report, SETTINGS), SETTINGS, _shapes())
    code = "period.year-outside-delegation"
    return (
        {f.span.line for f in parsed.findings if f.code == code and f.span},
        {p.span.line if p.span else 0 for p in result.problems if p.code == code},
    )


# -- the extended end ------------------------------------------------------------------


def test_the_day_the_period_was_extended_to_is_read_and_the_period_stays_as_written() -> None:
    report = _report(CLEAN.name)
    period = report.delegation_period
    assert period is not None
    assert (period.start, period.end) == (D(2022, 7, 15), D(2025, 7, 14))
    assert period.text.endswith(f"{NOTE})")
    extended = report.delegation_extended_to
    assert extended is not None
    assert (extended.start, extended.end, extended.text) == (
        D(2025, 8, 31),
        None,
        "2025.gada 31.augustam",
    )
    assert extended.span.line == 13
    assert report.source_text[extended.span.start : extended.span.end] == "2025.gada 31.augustam"


def test_a_year_ending_on_the_extended_day_is_inside_the_delegation() -> None:
    """l.36 "III. ĪSTENOŠANAS GADS (2024.gada 15.jūlijs līdz 2025.gada 31.augustam)"."""
    assert _outside(CLEAN.name) == (set(), set())


def test_a_year_ending_after_the_extended_day_is_still_told() -> None:
    """The planted copy's l.13 extends the period to 2025.gada 14.augustam only."""
    parser, shacl = _outside(SHORT.name)
    assert parser == shacl == {36}
    (finding,) = [f for f in _parsed(SHORT.name).findings if f.code.startswith("period.")]
    assert "extended to 2025-08-14" in finding.message
    assert "pagarināts līdz 2025-08-14" in finding.message_lv


def test_a_year_starting_before_the_delegation_is_still_told() -> None:
    text = CLEAN.read_text(encoding="utf-8")
    heading = "I. ĪSTENOŠANAS GADS (2022.gada 15.jūlijs"
    assert heading in text
    early = text.replace(heading, "I. ĪSTENOŠANAS GADS (2022.gada 1.jūlijs")
    parser, shacl = _outside("early.txt", early)
    assert parser == shacl == {17}


def test_a_note_with_no_day_or_no_fact_extends_nothing() -> None:
    text = CLEAN.read_text(encoding="utf-8")
    for note in (
        "termiņš pagarināts",  # no day
        "termiņš pagarināts līdz 2025.gada augustam",  # no day, a month
        "termiņš tiks pagarināts līdz 2025.gada 31.augustam",  # a plan
        "termiņš netika pagarināts līdz 2025.gada 31.augustam",  # no fact
    ):
        changed = text.replace(NOTE, note)
        assert changed != text
        name = f"{note}.txt"
        assert _report(name, changed).delegation_extended_to is None, note
        assert _outside(name, changed) == ({36}, {36}), note


def _period_cell(text: str) -> tuple[Report, SourceFile]:
    body = (
        "Kopsavilkums\n\nValsts pārvaldes uzdevuma deleģēšanas periods\n"
        f"{text}\n\nValsts pārvaldes uzdevuma veicējs\nBiedrība “Alfa”\n"
    )
    parsed = parse_text(body, "cell.txt")
    assert parsed.report is not None
    return parsed.report, SourceFile("cell.txt", body)


def test_the_extension_is_read_in_figures_and_in_a_sentence_of_the_cell() -> None:
    report, _ = _period_cell("01.01.2022. – 31.12.2024. (termiņš pagarināts līdz 31.03.2025.)")
    assert report.delegation_extended_to is not None
    assert report.delegation_extended_to.start == D(2025, 3, 31)
    report, source = _period_cell(
        "01.01.2022. – 31.12.2024.\nLīgums pagarināts līdz 2025. gada 31. martam."
    )
    extended = report.delegation_extended_to
    assert extended is not None and extended.start == D(2025, 3, 31)
    assert source.text[extended.span.start : extended.span.end] == "2025. gada 31. martam"
    # a sentence of the cell naming no contract, nor its term, is no certain extension
    report, _ = _period_cell("01.01.2022. – 31.12.2024.\nPasākums pagarināts līdz 31.03.2025.")
    assert report.delegation_extended_to is None
    # two different days: which is the contract's end is not certain
    report, _ = _period_cell(
        "01.01.2022. – 31.12.2024. (termiņš pagarināts līdz 31.03.2025.)\n"
        "Līgums pagarināts līdz 30.06.2025."
    )
    assert report.delegation_extended_to is None
    assert extended_to(None, None, SourceFile("x.txt", "")) is None


def test_the_extended_day_is_in_the_json_and_it_keeps_to_its_schema() -> None:
    doc = parsed_to_json(parse_bytes(CLEAN.read_bytes(), CLEAN.name))
    assert doc["schema_version"] == SCHEMA_VERSION == "6"
    extended = doc["report"]["delegation_extended_to"]
    assert (extended["start"], extended["text"], extended["source"]["line"]) == (
        "2025-08-31",
        "2025.gada 31.augustam",
        13,
    )
    assert doc["report"]["delegation_period"]["end"] == "2025-07-14"
    validator = jsonschema.Draft202012Validator(json.loads(SCHEMA.read_text(encoding="utf-8")))
    validator.validate({"lodpipe": "test", "reports": [doc]})
    del doc["report"]["delegation_extended_to"]
    assert not validator.is_valid({"lodpipe": "test", "reports": [doc]})


def test_the_graph_states_the_extended_day_of_the_agreement_with_its_source() -> None:
    mapped = to_graph(_report(CLEAN.name), SETTINGS)
    graph = mapped.graph
    (agreement, day) = next(iter(graph.subject_objects(LP.extendedUntil)))
    assert day == Literal("2025-08-31", datatype=XSD.date)
    assert (agreement, LP.implementationYear, None) in graph
    # its source is the day as written, not the whole period
    located = mapped.sources.fields[(str(agreement), str(LP.extendedUntil))]
    assert (located.line, located.start, located.end) == (13, 714, 735)
    # the graph conforms; a second day, or one that is no date, does not
    result = validate_graph(mapped, SETTINGS, _shapes())
    assert result.conforms
    graph.add((agreement, LP.extendedUntil, Literal("2025-09-30", datatype=XSD.date)))
    assert not validate_graph(mapped, SETTINGS, _shapes()).conforms


def test_the_vocabulary_names_the_term_in_both_languages() -> None:
    from rdflib import Graph
    from rdflib.namespace import RDFS

    vocabulary = Graph().parse(REPO / "ontology" / "core.ttl")
    labels = {
        (str(o), o.language)
        for o in vocabulary.objects(LP.extendedUntil, RDFS.label)
        if isinstance(o, Literal)
    }
    assert labels == {("pagarināts līdz", "lv"), ("extended until", "en")}


# -- the contract's amended funding ----------------------------------------------------


def test_the_amended_contract_sentence_is_no_amount_of_year_one() -> None:
    """Year I (l.48-55): planned 49 000,00 (30 000,00; 19 000,00), actual 48 210,35
    (29 870,00; 18 340,35), carried over 789,65 (130,00; 659,65), and nothing of l.46."""
    parsed = _parsed(CLEAN.name)
    report = _report(CLEAN.name)
    first = report.funding[0]
    assert first.ordinal == 1 and first.compared
    assert {a.span.line for a in first.amounts} == set(range(49, 56))
    unread = {f.span.line for f in parsed.findings if f.code == "funding.unread-amount" and f.span}
    texts = [f.message for f in parsed.findings if f.code == "funding.unread-amount"]
    # the original total and the amounts of a year are kept as written, none unread
    assert not any(t for t in texts if "147 000,00" in t or "49 000,00" in t or "26 500,00" in t)
    assert unread <= {46, 61}
    assert any(t.value.startswith("Līgumā sākotnēji paredzētais") for t in report.unlabelled)
    warnings = [f.code for f in parsed.findings if f.severity.value == "warning"]
    assert warnings == []


def test_a_year_one_line_that_does_not_add_up_is_told_again() -> None:
    """The planted copy's l.54 "- 18 140,35 euro …": 29 870,00 + 18 140,35 = 48 010,35, not
    the stated 48 210,35 (l.52)."""
    parsed = _parsed(YEAR_ONE.name)
    found = {(f.code, f.span.line if f.span else 0) for f in parsed.findings}
    assert ("funding.sum-mismatch", 52) in found


def test_the_amended_total_is_handed_on_as_the_contract_plan() -> None:
    line = (
        "Līgumā sākotnēji paredzētais finansējums – 147 000,00 euro (49 000,00 euro gadā). "
        "Ar 2023. gada 10. maija grozījumiem līgumā finansējums palielināts līdz 162 000,00 "
        "euro, palielinot II. un III. īstenošanas gada finansējumu mazākumtautību "
        "nevalstisko organizāciju attīstībai no 19 000,00 euro līdz 26 500,00 euro gadā."
    )
    section = f"\n{line}\n\n15.07.2022. – 14.07.2023.\nPlānots 49 000,00 euro\n"
    rest, amounts, kept = without_contract_totals(SourcedText.of(section))
    assert [(a.role, a.value) for a in amounts] == [(AmountRole.PLANNED, Decimal("162000.00"))]
    assert [k.text for k in kept] == [line]
    assert line not in rest.text and "Plānots 49 000,00 euro" in rest.text
    # a paragraph with an amount of no certain kind is read as before
    for line in (
        # an amount neither the amended total nor a year's
        "Līgumā sākotnēji paredzētais finansējums – 147 000,00 euro. Ar grozījumiem "
        "finansējums palielināts līdz 162 000,00 euro, no tiem 5 000,00 euro rezervei.",
        # no amended total
        "Līgumā sākotnēji paredzētais finansējums – 147 000,00 euro (49 000,00 euro gadā).",
        # not opening with the original total
        "Ar grozījumiem finansējums palielināts līdz 162 000,00 euro (54 000,00 euro gadā).",
    ):
        section = f"\n{line}\n\n15.07.2022. – 14.07.2023.\nPlānots 49 000,00 euro\n"
        rest, amounts, kept = without_contract_totals(SourcedText.of(section))
        assert (rest.text, amounts, kept) == (section, [], []), line
