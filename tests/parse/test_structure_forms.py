"""The report's structure written in the forms typists use: section labels ending in a colon,
the title in capitals, "Nav konstatēti" for none. Each is read as its usual form is; expected
values are read from the texts below.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.model import AmountRole, LegalForm, Parsed
from pipeline.parse.sections import split_sections
from pipeline.parse.text import clean
from tests.conftest import FIXTURES, MINIMAL, REPORTS, parse_text
from tests.parse.compare import differences
from tests.parse.variants import Variant, original

UNSEEN = FIXTURES / "reports" / "unseen"

TITLE = (
    "Kopsavilkums\n"
    "– par atsevišķu valsts pārvaldes uzdevumu veikšanu –\n"
    "pilsoniskās sabiedrības un starpkultūru sadarbības attīstības\n"
    "un mazākumtautību nevalstisko organizāciju\n"
    "līdzdalības veicināšanas jomā Latgales reģionā\n"
    "(2021-2023)\n"
)
TASK = "Valsts pārvaldes uzdevums"
IMPLEMENTER = "Valsts pārvaldes uzdevuma veicējs"
PERIOD = "Valsts pārvaldes uzdevuma deleģēšanas periods"
DESCRIPTION = (
    "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem "
    "rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā "
    "paredzētajiem mērķiem"
)
FUNDING = "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"
IRREGULAR = "Neatbilstoši veiktie izdevumi"
UNRECOVERED = "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem"
OTHER = "Cita informācija"
LABELS = (TASK, IMPLEMENTER, PERIOD, DESCRIPTION, FUNDING, IRREGULAR, UNRECOVERED, OTHER)


def report(
    colon: str = "",
    *,
    title: str = TITLE,
    first_key: str = "01.08.2021.–31.07.2022.",
    second_key: str = "01.08.2022.–31.07.2023.",
    irregular: str = "Nav",
) -> str:
    """A clean two-year Latgale report in table rows; `colon` is written after every label."""
    c = colon
    return (
        f"{title}\n"
        f"{TASK}{c}\tPar atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības "
        "un starpkultūru sadarbības attīstības un mazākumtautību nevalstisko organizāciju "
        "līdzdalības veicināšanas jomā Latgales reģionā\n"
        f"{IMPLEMENTER}{c}\tBiedrība „Probes centrs”, reģ. Nr. 40008276543\n"
        f"{PERIOD}{c}\t2021. gada 1. augusts līdz 2023. gada 31. jūlijs\n"
        f"{DESCRIPTION}{c}\tI. ĪSTENOŠANAS GADS (01.08.2021.–31.07.2022.)\n"
        "1) Sniegtas 10 konsultācijas;\n"
        "II. ĪSTENOŠANAS GADS (01.08.2022.–31.07.2023.)\n"
        "1) Sniegtas 12 konsultācijas.\n"
        f"{FUNDING}{c}\t{first_key}\tPlānots 10 000,00 euro\tFaktiski 10 000,00 euro\n"
        f"\t{second_key}\tPlānots 10 000,00 euro\tFaktiski 10 000,00 euro\n"
        f"{IRREGULAR}{c}\t{irregular}\n"
        f"{UNRECOVERED}{c}\tNav\n"
        f"{OTHER}{c}\tNav\n"
    )


def codes(parsed: Parsed) -> list[str]:
    return [f.code for f in parsed.findings]


# -- a label's trailing colon belongs to the label ---------------------------------------------


@pytest.mark.parametrize("colon", [":", " :", "\u00a0:"])
def test_a_colon_after_the_description_label_keeps_the_first_year_heading(colon: str) -> None:
    """ "…mērķiem:<TAB>I. ĪSTENOŠANAS GADS (01.08.2021.–31.07.2022.)": two stated years,
    the first with its own period, not one year over the whole delegation period."""
    parsed = parse_text(report(colon))
    assert parsed.report is not None
    years = parsed.report.years
    assert [(y.ordinal, y.numeral, y.stated) for y in years] == [(1, "I", True), (2, "II", True)]
    first = years[0]
    assert first.period is not None
    assert (first.period.start, first.period.end) == (dt.date(2021, 8, 1), dt.date(2022, 7, 31))
    assert first.notes == ()
    assert [a.text.value for a in first.activities] == ["Sniegtas 10 konsultācijas;"]
    assert "structure.no-year-headings" not in codes(parsed)


def test_a_colon_after_the_implementer_label_keeps_the_legal_form() -> None:
    parsed = parse_text(report(":"))
    assert parsed.report is not None and parsed.report.implementer is not None
    implementer = parsed.report.implementer
    assert implementer.legal_form is LegalForm.ASSOCIATION
    assert implementer.legal_form_text == "Biedrība"
    assert implementer.name.value == "Probes centrs"
    assert implementer.text.value == "Biedrība „Probes centrs”, reģ. Nr. 40008276543"


def test_a_colon_after_the_short_labels_leaves_their_values_as_written() -> None:
    parsed = parse_text(report(":"))
    r = parsed.report
    assert r is not None and r.task is not None and r.delegation_period is not None
    assert r.task.value.startswith("Par atsevišķu valsts pārvaldes uzdevumu veikšanu")
    assert r.delegation_period.text == "2021. gada 1. augusts līdz 2023. gada 31. jūlijs"
    for statement in (r.irregular_expenditure, r.unrecovered_amount, r.other_information):
        assert statement is not None
        assert (statement.text.value, statement.none) == ("Nav", True)


@pytest.mark.parametrize("description_colon", [False, True])
def test_a_colon_after_the_funding_label_keeps_the_rows_ordinal_keys(
    description_colon: bool,
) -> None:
    """Rows keyed "I. īstenošanas gads" / "II. īstenošanas gads" after "…pa gadiem:"."""
    text = report(first_key="I. īstenošanas gads", second_key="II. īstenošanas gads")
    text = text.replace(f"{FUNDING}\t", f"{FUNDING}:\t")
    if description_colon:
        text = text.replace(f"{DESCRIPTION}\t", f"{DESCRIPTION}:\t")
    parsed = parse_text(text)
    assert parsed.report is not None
    funding = parsed.report.funding
    assert [row.ordinal for row in funding] == [1, 2]
    for row in funding:
        assert [(a.role, a.purpose, a.value) for a in row.amounts] == [
            (AmountRole.PLANNED, None, Decimal("10000.00")),
            (AmountRole.ACTUAL, None, Decimal("10000.00")),
        ]
        assert [a.label for a in row.amounts] == ["", ""]  # the colon is no amount's words
    assert "structure.no-year-headings" not in codes(parsed)


def _after_each_label(text: str, colon: str) -> Variant:
    """`text` with `colon` written right after each section label, as a variant whose spans
    map back to the original's characters."""
    ends = sorted(label.offsets[-1] + 1 for label in split_sections(clean(text)).labels.values())
    assert len(ends) == len(LABELS)
    base = original(text)
    parts: list[str] = []
    origin: list[int] = []
    pos = 0
    for end in [*ends, len(text)]:
        parts.append(text[pos:end])
        origin.extend(base.origin[pos:end])
        if end < len(text):
            parts.append(colon)
            origin.extend([end] * len(colon))
        pos = end
    origin.append(len(text))
    return Variant(f"label{colon!r}", "".join(parts), tuple(origin), frozenset())


REPORT_FILES = [
    *sorted(REPORTS.glob("*.txt")),
    MINIMAL,
    # one unseen report already ends its labels with colons
    *sorted(p for p in UNSEEN.glob("*.txt") if p.stem != "vidzeme_colon_labels"),
]


@pytest.mark.parametrize("colon", [":", " :"])
@pytest.mark.parametrize("path", REPORT_FILES, ids=lambda p: p.stem)
def test_every_report_with_colons_after_its_labels_reads_as_without(path: Path, colon: str) -> None:
    """Every layout (table rows, the older template, PDF text, HTML cells) with a colon after
    each label gives the same model, and the same findings, as without."""
    text = path.read_text(encoding="utf-8")
    variant = _after_each_label(text, colon)
    assert differences(parse_text(text), parse_text(variant.text), variant) == []


def test_the_probe_report_with_colons_after_its_labels_reads_as_without() -> None:
    plain = original(report())
    variant = _after_each_label(plain.text, ":")
    assert variant.text == report(":")
    assert differences(parse_text(plain.text), parse_text(variant.text), variant) == []


# -- the title in capitals --------------------------------------------------------------------


def test_an_upper_case_title_is_the_title() -> None:
    title = TITLE.replace("Kopsavilkums", "KOPSAVILKUMS")
    parsed = parse_text(report(title=title))
    assert parsed.report is not None and parsed.report.title is not None
    assert parsed.report.title.value == (
        "KOPSAVILKUMS – par atsevišķu valsts pārvaldes uzdevumu veikšanu – pilsoniskās "
        "sabiedrības un starpkultūru sadarbības attīstības un mazākumtautību nevalstisko "
        "organizāciju līdzdalības veicināšanas jomā Latgales reģionā (2021-2023)"
    )
    assert parsed.report.title_years == (2021, 2023)
    assert parsed.report.unlabelled == ()
    assert "structure.unlabelled-text" not in codes(parsed)


def test_an_upper_case_title_on_one_line_is_the_title() -> None:
    title = (
        "KOPSAVILKUMS par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās "
        "sabiedrības un starpkultūru sadarbības attīstības un mazākumtautību nevalstisko "
        "organizāciju līdzdalības veicināšanas jomā Latgales reģionā (2021-2023)\n"
    )
    parsed = parse_text(report(title=title))
    assert parsed.report is not None and parsed.report.title is not None
    assert parsed.report.title.value == title.strip()
    assert parsed.report.title_years == (2021, 2023)
    assert parsed.report.region_in_title is not None
    assert parsed.report.region_in_title.key == "latgale"
    assert "structure.unlabelled-text" not in codes(parsed)


def test_an_upper_case_title_without_labels_is_a_report_missing_its_sections() -> None:
    """A title alone is a report whose sections are missing, not some other document."""
    parsed = parse_text(TITLE.replace("Kopsavilkums", "KOPSAVILKUMS"))
    assert parsed.report is not None
    assert parsed.report.title_years == (2021, 2023)
    assert "input.not-a-report" not in codes(parsed)
    assert "structure.missing-section" in codes(parsed)


def test_an_upper_case_title_after_the_table_starts_another_report() -> None:
    """PDF text (no cells): a second report pasted after the last section is not part of
    the other information."""
    text = (
        report()
        .replace("\t", " ")
        .replace(f"{OTHER} Nav\n", f"{OTHER} Nav\nKOPSAVILKUMS\npar citu uzdevumu (2024-2026)\n")
    )
    parsed = parse_text(text)
    assert parsed.report is not None and parsed.report.other_information is not None
    assert parsed.report.other_information.text.value == "Nav"
    assert parsed.report.other_information.none
    assert parsed.report.after_end is not None
    assert parsed.report.after_end.value == "KOPSAVILKUMS par citu uzdevumu (2024-2026)"


# -- "Nav konstatēti": none found -------------------------------------------------------------


@pytest.mark.parametrize(
    "answer", ["Nav konstatēti", "Nav konstatēts", "nav konstatēti.", "NAV KONSTATĒTI"]
)
def test_none_found_is_none(answer: str) -> None:
    parsed = parse_text(report(irregular=answer))
    assert parsed.report is not None
    statement = parsed.report.irregular_expenditure
    assert statement is not None
    assert statement.text.value == answer
    assert statement.none
    assert statement.amount is None


def test_only_a_whole_none_found_answer_is_none() -> None:
    """ "Nav konstatēti" alone is none; with more said after it, the answer is kept as text."""
    answers = {
        "Nav konstatēti": True,
        "Nav konstatēti, izņemot vienu gadījumu": False,
        "Konstatēti": False,
        "Nav konstatēti 1 250,00 euro": False,
    }
    read = {}
    for answer in answers:
        parsed = parse_text(report(irregular=answer))
        assert parsed.report is not None and parsed.report.irregular_expenditure is not None
        read[answer] = parsed.report.irregular_expenditure.none
    assert read == answers
