"""Report structure in forms the fourth round of unseen reports used: the section labels in
capitals and numbered as the template's rows ("1. VALSTS PĀRVALDES UZDEVUMS: …"), and the
short answers "N/A", "nav attiecināms" (not applicable). Expected values are read from the
texts below.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pipeline.model import AmountRole, LegalForm, Parsed
from pipeline.parse.sections import Section, split_sections
from pipeline.parse.text import clean
from tests.conftest import parse_text

TASK_VALUE = "Par atsevišķu valsts pārvaldes uzdevumu veikšanu Kurzemes reģionā"
LABELS_AS_WRITTEN = (
    "Valsts pārvaldes uzdevums",
    "Valsts pārvaldes uzdevuma veicējs",
    "Valsts pārvaldes uzdevuma deleģēšanas periods",
    "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem "
    "rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā "
    "paredzētajiem mērķiem",
    "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem",
    "Neatbilstoši veiktie izdevumi",
    "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem",
    "Cita informācija",
)


def codes(parsed: Parsed) -> list[str]:
    return [f.code for f in parsed.findings]


def report(
    case: str = "upper",
    number: str = "{n}. ",
    answers: tuple[str, str, str] = ("Nav", "Nav", "Nav"),
) -> str:
    """A one-year report with each label on its line, "label: value", in `case`, after
    `number` (its row's number put in for {n})."""
    labels = [
        label.upper() if case == "upper" else label.title() if case == "title" else label
        for label in LABELS_AS_WRITTEN
    ]
    values = [
        TASK_VALUE,
        'biedrība "Liepājas NVO centrs", reģ.Nr. 40008456789',
        "01.03.2021 - 28.02.2022",
        "",
        "",
        *answers,
    ]
    rows = [
        f"{number.format(n=n)}{label}: {value}"
        for n, (label, value) in enumerate(zip(labels, values, strict=True), 1)
    ]
    description = (
        "I. ĪSTENOŠANAS GADS (01.03.2021 - 28.02.2022)\n"
        "1) organizēti 6 semināri, kuros kopā piedalījās 112 dalībnieki;\n"
        "2) sniegtas 94 konsultācijas NVO pārstāvjiem.\n"
    )
    funding = "I. gads (01.03.2021 - 28.02.2022)\nPlānots 1 000,00 euro\nFaktiski 900,00 euro\n"
    return (
        "KOPSAVILKUMS PAR UZDEVUMU KURZEMES REĢIONĀ (2021-2022)\n\n"
        + "\n\n".join(rows[:3])
        + f"\n\n{rows[3]}\n{description}\n{rows[4]}\n{funding}\n"
        + "\n\n".join(rows[5:])
        + "\n"
    )


@pytest.mark.parametrize(
    ("case", "number"),
    [
        ("upper", "{n}. "),  # "1. VALSTS PĀRVALDES UZDEVUMS: …"
        ("upper", ""),  # "VALSTS PĀRVALDES UZDEVUMS: …"
        ("sentence", "{n}. "),  # "1. Valsts pārvaldes uzdevums: …"
        ("sentence", "{n}) "),  # "1) Valsts pārvaldes uzdevums: …"
        ("title", "{n} "),  # "1 Valsts Pārvaldes Uzdevums: …"
        ("upper", "{n}.\t"),  # a number cell before the label's
    ],
)
def test_capital_and_numbered_labels_are_the_labels(case: str, number: str) -> None:
    parsed = parse_text(report(case, number))
    r = parsed.report
    assert r is not None
    assert "structure.missing-section" not in codes(parsed)
    assert "structure.unlabelled-text" not in codes(parsed)
    assert r.task is not None and r.task.value == TASK_VALUE
    assert r.region_in_task is not None and r.region_in_task.key == "kurzeme"
    imp = r.implementer
    assert imp is not None
    assert imp.legal_form is LegalForm.ASSOCIATION
    assert imp.name.value == "Liepājas NVO centrs"
    assert imp.registration_number is not None
    assert imp.registration_number.value == "40008456789"
    assert r.delegation_period is not None
    assert (r.delegation_period.start, r.delegation_period.end) == (
        dt.date(2021, 3, 1),
        dt.date(2022, 2, 28),
    )
    [year] = r.years
    assert [i.value for a in year.activities for i in a.indicators] == [6, 112, 94]
    [funding] = r.funding
    amounts = {(a.role, a.value) for a in funding.amounts}
    assert amounts == {
        (AmountRole.PLANNED, Decimal("1000.00")),
        (AmountRole.ACTUAL, Decimal("900.00")),
    }
    for statement in (r.irregular_expenditure, r.unrecovered_amount, r.other_information):
        assert statement is not None and statement.none


def test_a_label_number_is_not_left_in_the_section_before() -> None:
    """ "…reģionā\\n\\n2. VALSTS …": the "2." is the implementer's label's, not the end of
    the task's value."""
    split = split_sections(clean(report()))
    assert split.sections[Section.TASK].collapse().text == TASK_VALUE
    assert split.labels[Section.IMPLEMENTER].text == "2. VALSTS PĀRVALDES UZDEVUMA VEICĒJS:"
    assert split.sections[Section.OTHER].collapse().text == "Nav"


def test_the_kurzeme_report_lines_are_read_as_labels() -> None:
    """The tester's report's label lines as written, an answer after the colon."""
    text = (
        "KOPSAVILKUMS PAR UZDEVUMU KURZEMES REĢIONĀ (2021-2024)\n\n"
        f"1. VALSTS PĀRVALDES UZDEVUMS: {TASK_VALUE}\n\n"
        '2. VALSTS PĀRVALDES UZDEVUMA VEICĒJS: biedrība "Liepājas NVO centrs", '
        "reģ.Nr.\u00a040008456789\n\n"
        "3. VALSTS PĀRVALDES UZDEVUMA DELEĢĒŠANAS PERIODS: 01.03.2021 - 29.02.2024\n\n"
        "4. APRAKSTS UN VĒRTĒJUMS PAR VALSTS PĀRVALDES UZDEVUMA IZPILDES IETVAROS "
        "SASNIEGTAJIEM REZULTATĪVAJIEM RĀDĪTĀJIEM UN IZLIETOTĀ VALSTS BUDŽETA FINANSĒJUMA "
        "ATBILSTĪBU LĪGUMĀ PAREDZĒTAJIEM MĒRĶIEM:\n\n"
        "I. ĪSTENOŠANAS GADS (01.03.2021 - 28.02.2022)\n"
        "1) sniegtas 94 konsultācijas NVO pārstāvjiem;\n\n"
        "5. PLĀNOTAIS UN FAKTISKI IZLIETOTAIS VALSTS BUDŽETA FINANSĒJUMS SADALĪJUMĀ PA "
        "GADIEM:\n"
        "I. gads (01.03.2021 - 28.02.2022)\nPlānots 1 000,00 euro\nFaktiski 1 000,00 euro\n\n"
        "6. NEATBILSTOŠI VEIKTIE IZDEVUMI: N/A\n\n"
        "7. NEATGŪTO LĪDZEKĻU APMĒRS NO NEATBILSTOŠI VEIKTAJIEM IZDEVUMIEM: -\n\n"
        "8. CITA INFORMĀCIJA: nav attiecināms\n"
    )
    parsed = parse_text(text)
    r = parsed.report
    assert r is not None
    assert "structure.missing-section" not in codes(parsed)
    assert r.implementer is not None and r.implementer.name.value == "Liepājas NVO centrs"
    assert r.delegation_period is not None
    assert r.delegation_period.end == dt.date(2024, 2, 29)
    assert [y.ordinal for y in r.years] == [1]
    assert [i.value for a in r.years[0].activities for i in a.indicators] == [94]
    for statement, written in (
        (r.irregular_expenditure, "N/A"),
        (r.unrecovered_amount, "-"),
        (r.other_information, "nav attiecināms"),
    ):
        assert statement is not None and statement.none
        assert statement.text.value == written


# -- what stays a sentence -------------------------------------------------------------------


def test_a_numbered_item_opening_with_a_labels_words_is_no_label() -> None:
    """ "3) Cita informācija par projektu …" in the description is an activity, and the
    other information is still the row after the funding."""
    text = report(number="").replace(
        "2) sniegtas 94 konsultācijas NVO pārstāvjiem.\n",
        "2) sniegtas 94 konsultācijas NVO pārstāvjiem;\n"
        "3) Cita informācija par projektu publicēta biedrības mājaslapā.\n",
    )
    parsed = parse_text(text)
    r = parsed.report
    assert r is not None
    assert "structure.missing-section" not in codes(parsed)
    assert r.other_information is not None and r.other_information.text.value == "Nav"
    assert "Cita informācija par projektu" in r.years[0].activities[-1].text.value


def test_a_lower_case_line_start_is_a_wrapped_sentence_not_a_label() -> None:
    """A hard-wrapped line beginning "cita informācija …" goes on the sentence before."""
    text = report().replace(
        "2) sniegtas 94 konsultācijas NVO pārstāvjiem.\n",
        "2) sniegtas 94 konsultācijas NVO pārstāvjiem, kā arī apkopota\n"
        "cita informācija: par NVO vajadzībām.\n",
    )
    parsed = parse_text(text)
    r = parsed.report
    assert r is not None
    assert r.other_information is not None and r.other_information.text.value == "Nav"
    assert "cita informācija: par NVO vajadzībām" in r.years[0].activities[-1].text.value


def test_a_number_inside_a_line_is_no_label_number() -> None:
    """Only at a line's or cell's start does a number belong to a label."""
    split = split_sections(
        clean(f"Kopsavilkums\nSkat. 1. VALSTS PĀRVALDES UZDEVUMS: {TASK_VALUE}\n")
    )
    assert Section.TASK not in split.sections


# -- not applicable is none -------------------------------------------------------------------


@pytest.mark.parametrize(
    "answer",
    [
        "N/A",
        "n/a",
        "N/A.",
        "nav attiecināms",
        "Nav attiecināms.",
        "Nav attiecināmi",
        "NAV ATTIECINĀMA",
    ],
)
def test_not_applicable_is_none(answer: str) -> None:
    parsed = parse_text(report(answers=(answer, answer, answer)))
    r = parsed.report
    assert r is not None
    for statement in (r.irregular_expenditure, r.unrecovered_amount, r.other_information):
        assert statement is not None and statement.none
        assert statement.text.value == answer


@pytest.mark.parametrize(
    "answer",
    [
        "N/A, jo izdevumi netika pārbaudīti",  # explains something: kept as text
        "nav attiecināms uz 2021. gadu",
        "Neattiecināmi izdevumi 120,00 euro",  # ineligible expenditure: an amount, not none
        "NA",
    ],
)
def test_not_applicable_only_as_the_whole_answer(answer: str) -> None:
    parsed = parse_text(report(answers=(answer, "Nav", "Nav")))
    r = parsed.report
    assert r is not None and r.irregular_expenditure is not None
    assert not r.irregular_expenditure.none
    assert r.irregular_expenditure.text.value == answer
