"""Forms of the template the bundled reports do not use, one small edit of the clean minimal
report each, and what the parser says when it cannot read something: a finding with its
line, never a guess and never a false contradiction.
"""

from __future__ import annotations

import json
import subprocess
import sys
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.model import AmountRole, LegalForm, Parsed, Purpose
from tests.conftest import FIXTURES, MINIMAL, REPO, REPORTS, parse_text
from tests.parse.variants import original, singles, transform

UNSEEN = FIXTURES / "reports" / "unseen"
P, A = AmountRole.PLANNED, AmountRole.ACTUAL
CS = Purpose.CIVIL_SOCIETY


# -- what cannot be read is said, never compared ---------------------------------------------


def test_an_unread_heading_is_a_finding_not_a_date_contradiction(minimal_text: str) -> None:
    """A heading naming two years at once: which one follows is not guessed, the heading is
    reported, and its dates are not checked against the second year they would otherwise
    seem to belong to."""
    text = minimal_text.replace(
        "- 1) atbalstītas vismaz 3 organizācijas;",
        "- 1) atbalstītas vismaz 3 organizācijas;\n\nTrešais un ceturtais īstenošanas gads\n\n"
        "- 1) forums 12.10.2024. Cēsīs;",
    )
    parsed = parse_text(text)
    codes = [f.code for f in parsed.findings]
    assert "structure.unread-heading" in codes
    assert "activity.date-outside-year" not in codes
    [finding] = [f for f in parsed.findings if f.code == "structure.unread-heading"]
    assert finding.span is not None
    assert text.splitlines()[finding.span.line - 1] == "Trešais un ceturtais īstenošanas gads"


def test_a_year_announced_in_words_is_read(minimal_text: str) -> None:
    """ "Trešais īstenošanas gads" alone on its line is the third year, with no period: its
    activity's date is checked against nothing, and nothing is reported."""
    text = minimal_text.replace(
        "- 1) atbalstītas vismaz 3 organizācijas;",
        "- 1) atbalstītas vismaz 3 organizācijas;\n\nTrešais īstenošanas gads\n\n"
        "- 1) forums 12.10.2024. Cēsīs;",
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    years = parsed.report.years
    assert [(y.ordinal, y.numeral, y.period is None) for y in years] == [
        (1, "I", False),
        (2, "II", False),
        (3, "TREŠAIS", True),
    ]
    assert [a.text.value for a in years[2].activities] == ["forums 12.10.2024. Cēsīs;"]
    assert [a.text.value for a in years[1].activities] == [
        "organizēti ap 5 pasākumi;",
        "atbalstītas vismaz 3 organizācijas;",
    ]
    codes = [f.code for f in parsed.findings]
    assert "structure.unread-heading" not in codes
    assert "activity.date-outside-year" not in codes


def test_an_amount_that_cannot_be_read_makes_no_contradiction(minimal_text: str) -> None:
    """A planned line written in thousands ("20 tūkst. euro") is rounded, so it is not read
    as an amount: it is reported, and its row compared with nothing: the planned lines read
    (30 000,00) do not make up the total (50 000,00) only because one was not read."""
    lines = minimal_text.split("\n")
    row = lines[27]  # line 28: the second year's funding row
    assert row.startswith("\t50 000,00 euro, t.sk.") and row.count("- 20 000,00 euro") == 1
    lines[27] = row.replace("- 20 000,00 euro", "- 20 tūkst. euro")
    parsed = parse_text("\n".join(lines))
    unread = [f for f in parsed.findings if f.code == "funding.unread-amount"]
    assert [f.span.line for f in unread if f.span] == [28]
    assert [f.code for f in parsed.findings if f.code.startswith("funding.")] == [
        "funding.unread-amount"
    ]


def test_extract_reads_every_unseen_report_and_variant_without_a_traceback(
    tmp_path: Path,
) -> None:
    """`lodpipe extract` on the unseen reports and on every single-transformation variant of
    every report: no traceback, no report left unread."""
    files = [str(p) for p in sorted(UNSEEN.glob("*.txt"))]
    for path in [*sorted(REPORTS.glob("*.txt")), MINIMAL, *sorted(UNSEEN.glob("*.txt"))]:
        text = path.read_text(encoding="utf-8")
        for names in singles():
            variant = transform(original(text), names)
            if variant.text != text:
                out = tmp_path / f"{path.stem}.{variant.name}.txt"
                out.write_text(variant.text, encoding="utf-8")
                files.append(str(out))
    result = subprocess.run(
        [sys.executable, "-m", "pipeline", "extract", *files],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert "Traceback" not in result.stderr
    assert result.returncode == 0, result.stderr[-2000:]
    doc = json.loads(result.stdout)  # its schema is checked in tests/cli/test_extract.py
    assert len(doc["reports"]) == len(files) > 150
    assert all(r["report"] is not None for r in doc["reports"])


def test_a_line_whose_purpose_cannot_be_told_is_not_a_second_total(minimal_text: str) -> None:
    """ "- 20 000,00 euro administratīvajiem izdevumiem" under "50 000,00 euro, t.sk.": a line
    of that total for a purpose the template does not name. It is reported, not read as a
    second planned total, and the lines that were read are not summed against the total."""
    line = "- 20 000,00 euro mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai\t49 000,00"
    assert minimal_text.count(line) == 1
    text = minimal_text.replace(line, "- 20 000,00 euro administratīvajiem izdevumiem\t49 000,00")
    parsed = parse_text(text)
    assert parsed.report is not None
    first = parsed.report.funding[0]
    assert [a.value for a in first.amounts if a.role is P and a.purpose is None] == [
        Decimal("50000.00")
    ]
    assert [(a.purpose, a.value) for a in first.lines(P)] == [(CS, Decimal("30000.00"))]
    unread = [f for f in parsed.findings if f.code == "funding.unread-amount"]
    assert [f.span.line for f in unread if f.span] == [27]
    assert "funding.sum-mismatch" not in [f.code for f in parsed.findings]


# -- forms of the template ------------------------------------------------------------------


def test_funding_rows_keyed_by_calendar_year_with_planned_and_actual(minimal_text: str) -> None:
    """Rows named "2023. gads" whose cells begin with "Plānots" / "Faktiski"."""
    lines = minimal_text.split("\n")
    assert lines[26].startswith("Plānotais un faktiski") and lines[27].startswith("\t50 000")
    label = lines[26].split("\t")[0]
    lines[26] = f"{label}\t2023. gads\tPlānots 50 000,00 euro\tFaktiski 49 000,00 euro"
    lines[27] = "\t2024. gads\tPlānots 50 000,00 euro\tFaktiski 50 000,00 euro"
    parsed = parse_text("\n".join(lines))
    assert parsed.report is not None
    rows = [
        (r.calendar_year, sorted((a.role, a.value) for a in r.amounts))
        for r in parsed.report.funding
    ]
    assert rows == [
        (2023, [(A, Decimal("49000.00")), (P, Decimal("50000.00"))]),
        (2024, [(A, Decimal("50000.00")), (P, Decimal("50000.00"))]),
    ]


def test_a_legal_form_other_than_association_or_foundation_is_kept_as_written(
    minimal_text: str,
) -> None:
    text = minimal_text.replace(
        "Biedrība „Vidzemes NVO tīkls”", "Reliģiskā organizācija „Cēsu draudze”"
    )
    parsed = parse_text(text)
    assert parsed.report is not None and parsed.report.implementer is not None
    imp = parsed.report.implementer
    assert (imp.legal_form, imp.legal_form_text, imp.name.value) == (
        LegalForm.RELIGIOUS_ORGANISATION,
        "Reliģiskā organizācija",
        "Cēsu draudze",
    )
    text = minimal_text.replace("Biedrība „Vidzemes NVO tīkls”", "nodibinājums „Cēsu fonds”")
    found = parse_text(text).report
    assert found is not None and found.implementer is not None
    assert found.implementer.legal_form is LegalForm.FOUNDATION


def test_a_year_heading_without_its_period(minimal_text: str) -> None:
    """ "II. ĪSTENOŠANAS GADS" with no dates: the year is read, its period is not invented,
    and its activities' dates are not checked against anything."""
    heading = "II. ĪSTENOŠANAS GADS (2023.gada 15.jūlijs līdz 2024.gada 14.jūlijs)"
    assert heading in minimal_text
    text = minimal_text.replace(heading, "II. ĪSTENOŠANAS GADS").replace(
        "- 1) organizēti ap 5 pasākumi;", "- 1) organizēti ap 5 pasākumi 12.10.2030.;"
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    assert [(y.numeral, y.period is None) for y in parsed.report.years] == [
        ("I", False),
        ("II", True),
    ]
    assert "activity.date-outside-year" not in [f.code for f in parsed.findings]


def test_a_remainder_line_in_another_wording(minimal_text: str) -> None:
    """ "MT NVO" names the minority-NGO purpose."""
    line = "1 000,00 euro mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai)."
    assert minimal_text.count(line) == 1
    parsed = parse_text(minimal_text.replace(line, "1 000,00 euro MT NVO atbalstam)."))
    assert parsed.report is not None
    carried = parsed.report.funding[0].lines(AmountRole.CARRIED_OVER)
    assert [(a.purpose, a.value) for a in carried] == [(Purpose.MINORITY_NGOS, Decimal("1000.00"))]
    assert not [f for f in parsed.findings if f.code.startswith("funding.")]


def test_pdf_funding_keyed_by_ordinal() -> None:
    """PDF text whose funding statements are headed "I. īstenošanas gads" / "2. gads"
    instead of the year's dates: the rows are the years they name."""
    text = (UNSEEN / "zemgale_pdf_page_breaks.txt").read_text(encoding="utf-8")
    assert text.count("01.07.2019. - 30.06.2020.  \n") == 2
    assert text.count("01.07.2020. - 30.06.2021.  \n") == 2
    text = text.replace("01.07.2019. - 30.06.2020.  \n", "I. īstenošanas gads\n")
    text = text.replace("01.07.2020. - 30.06.2021.  \n", "2. gads\n")
    parsed = parse_text(text)
    assert parsed.report is not None
    rows = [
        (r.ordinal, r.period, r.total(P) and r.total(P).value, r.total(A) and r.total(A).value)
        for r in parsed.report.funding
    ]
    assert rows == [
        (1, None, Decimal("49000.00"), Decimal("48250.40")),
        (2, None, Decimal("49000.00"), Decimal("49000.00")),
    ]
    assert not [f for f in parsed.findings if f.code.startswith("funding.")]


IMPLEMENTER_NAME = "Biedrība „Vidzemes NVO tīkls”, reģistrācijas Nr.40008000001"


def test_a_legal_form_after_the_name_is_the_legal_form(minimal_text: str) -> None:
    """ "„Sēlijas novadu NVO tīkls“, biedrība, reģistrācijas numurs 40008 245 613": the form
    written after the name is read as one written before it."""
    assert minimal_text.count(IMPLEMENTER_NAME) == 1
    forms = {
        "„Sēlijas novadu NVO tīkls“, biedrība, reģistrācijas numurs 40008 245 613": (
            LegalForm.ASSOCIATION,
            "biedrība",
            "Sēlijas novadu NVO tīkls",
            "40008245613",
        ),
        "Cēsu fonds, nodibinājums, reģ. Nr. 50008123456": (
            LegalForm.FOUNDATION,
            "nodibinājums",
            "Cēsu fonds",
            "50008123456",
        ),
        "„Cēsu draudze” reliģiskā organizācija, reģ. Nr. 90000123456": (
            LegalForm.RELIGIOUS_ORGANISATION,
            "reliģiskā organizācija",
            "Cēsu draudze",
            "90000123456",
        ),
    }
    read = {}
    for cell in forms:
        parsed = parse_text(minimal_text.replace(IMPLEMENTER_NAME, cell))
        assert parsed.report is not None and parsed.report.implementer is not None
        imp = parsed.report.implementer
        number = imp.registration_number.value if imp.registration_number else None
        read[cell] = (imp.legal_form, imp.legal_form_text, imp.name.value, number)
    assert read == forms


def test_a_legal_form_word_elsewhere_in_the_cell_is_not_the_legal_form(minimal_text: str) -> None:
    """A form is read after the name only right after it: inside the name, or further on in
    the cell, the word says something else."""
    cells = {
        "„Vidzemes biedrība”, reģistrācijas Nr.40008000001": "Vidzemes biedrība",
        "„Vidzemes NVO tīkls”, reģistrācijas Nr.40008000001, kas ir biedrība": (
            "Vidzemes NVO tīkls"
        ),
        "„Vidzemes NVO tīkls”, biedrību apvienība, reģistrācijas Nr.40008000001": (
            "Vidzemes NVO tīkls"
        ),
    }
    for cell, name in cells.items():
        parsed = parse_text(minimal_text.replace(IMPLEMENTER_NAME, cell))
        assert parsed.report is not None and parsed.report.implementer is not None
        imp = parsed.report.implementer
        assert (imp.legal_form, imp.legal_form_text, imp.name.value) == (None, None, name)


# -- several planning regions named at once ---------------------------------------------------

TITLE_REGION = "jomā Vidzemes reģionā\n(2022-2025)"
TASK_REGION = "jomā Vidzemes reģionā\nValsts pārvaldes uzdevuma veicējs"


def _regions(minimal_text: str, title: str, task: str) -> Parsed:
    assert TITLE_REGION in minimal_text and TASK_REGION in minimal_text
    text = minimal_text.replace(TITLE_REGION, TITLE_REGION.replace("Vidzemes reģionā", title))
    return parse_text(text.replace(TASK_REGION, TASK_REGION.replace("Vidzemes reģionā", task)))


def _region_findings(parsed: Parsed) -> list[tuple[str, int | None]]:
    return [
        (f.code, f.span.line if f.span else None) for f in parsed.findings if "region" in f.code
    ]


def test_two_regions_named_at_once_file_the_report_under_none(minimal_text: str) -> None:
    """ "Latgales un Zemgales reģionā" in the title and the task: the report covers both, and
    filed under one (the last, which stood before "reģionā") the other was lost without a
    word. It is filed under none, and a warning names both, on the title's line (5)."""
    parsed = _regions(minimal_text, "Latgales un Zemgales reģionā", "Latgales un Zemgales reģionā")
    report = parsed.report
    assert report is not None and report.region is None
    assert _region_findings(parsed) == [("region.several", 5)]
    (several,) = [f for f in parsed.findings if f.code == "region.several"]
    assert "Latgales, Zemgales" in several.message and "filed under none" in several.message


def test_a_list_of_three_regions_in_the_task_alone(minimal_text: str) -> None:
    """The title names Vidzeme alone; the task lists three: the report stays Vidzeme's and
    the warning names the three, on the task's line (8)."""
    parsed = _regions(
        minimal_text,
        "Vidzemes reģionā",
        "Kurzemes, Latgales un Vidzemes plānošanas reģionos",
    )
    report = parsed.report
    assert report is not None and report.region == "vidzeme"
    assert _region_findings(parsed) == [("region.several", 8)]
    (several,) = [f for f in parsed.findings if f.code == "region.several"]
    assert "Kurzemes, Latgales, Vidzemes" in several.message


def test_one_region_is_no_list(minimal_text: str) -> None:
    """ "Zemgales un ... " without a second region before "reģionā" is one region."""
    parsed = _regions(minimal_text, "Zemgales reģionā un Rīgā", "Zemgales reģionā un tā novados")
    report = parsed.report
    assert report is not None and report.region == "zemgale"
    assert _region_findings(parsed) == []


@pytest.mark.parametrize(
    ("title", "task", "region", "line"),
    [
        (
            "Latgales reģiona un Zemgales reģiona teritorijā",
            "Latgales reģiona un Zemgales reģiona teritorijā",
            None,
            5,
        ),
        ("Vidzemes reģionā un Rīgas reģionā", "Vidzemes reģionā", "vidzeme", 5),
    ],
    ids=["both-in-title-and-task", "title-only"],
)
def test_regions_each_with_its_own_word_are_several(
    minimal_text: str, title: str, task: str, region: str | None, line: int
) -> None:
    """ "Latgales reģiona un Zemgales reģiona teritorijā": two regions at once, though each
    has its own "reģiona". Read as the last one alone, the report was filed under Zemgale
    and the task's Latgale made a false mismatch. Several are named; the report is filed
    under the one named alone elsewhere, or none; no mismatch."""
    parsed = _regions(minimal_text, title, task)
    report = parsed.report
    assert report is not None and report.region == region
    assert _region_findings(parsed) == [("region.several", line)]


def test_riga_and_pieriga_name_the_riga_region(minimal_text: str) -> None:
    """ "Rīgas un Pierīgas reģionā" is the usual name of the Rīga area (Pierīga is no
    planning region): Rīga, and no region is missing."""
    parsed = _regions(minimal_text, "Rīgas un Pierīgas reģionā", "Rīgas un Pierīgas reģionā")
    report = parsed.report
    assert report is not None and report.region == "riga"
    assert _region_findings(parsed) == []


@pytest.mark.parametrize(
    "partners",
    [
        "Vidzemes reģionā, sadarbojoties ar Latgales un Zemgales reģiona NVO",
        "Vidzemes reģionā kopā ar Latgales reģiona organizācijām",
        "Vidzemes reģionā (izņemot Rīgas reģionu)",
    ],
)
def test_regions_of_partners_are_not_the_reports(minimal_text: str, partners: str) -> None:
    """The title names Vidzeme and then the regions of partners or what is left out: the
    report is Vidzeme's, with no several regions and no mismatch with the task."""
    parsed = _regions(minimal_text, partners, "Vidzemes reģionā")
    report = parsed.report
    assert report is not None and report.region == "vidzeme"
    assert _region_findings(parsed) == []
