"""Reports pasted as plain text out of other programs, written by an independent tester
with the facts read by hand before the parser ran: the whole table drawn as an ASCII grid
("+----+----+", "| cell |", a cell's text wrapped inside it), and the table laid out in
fixed-width columns padded with spaces, the funding in three columns (label, planned,
actual). Both read as the template's table."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pipeline.model import AmountRole, LegalForm, Parsed, Purpose, Report
from pipeline.parse.text import SOFT_BREAK, clean
from pipeline.read import read_report
from tests.conftest import FIXTURES

D = dt.date
P, A, R = AmountRole.PLANNED, AmountRole.ACTUAL, AmountRole.RETURNED
CS, MN = Purpose.CIVIL_SOCIETY, Purpose.MINORITY_NGOS
GRIDS = FIXTURES / "reports" / "grids"
ASCII_GRID = "latgale_ascii_grid_table_planted.txt"
FIXED_WIDTH = "zemgale_fixed_width_columns_three_funding_columns.txt"


def _read(name: str) -> tuple[Parsed, Report]:
    parsed = read_report(GRIDS / name, name)
    assert parsed.report is not None
    return parsed, parsed.report


def _amounts(rep: Report) -> list[set[tuple[AmountRole, Purpose | None, Decimal | None]]]:
    return [{(a.role, a.purpose, a.value) for a in row.amounts} for row in rep.funding]


def test_an_ascii_grid_table_is_read_by_its_cells() -> None:
    parsed, rep = _read(ASCII_GRID)
    assert rep.region == "latgale"
    assert rep.task is not None and rep.task.value.endswith("jomā Latgales reģionā")
    im = rep.implementer
    assert im is not None
    assert im.legal_form is LegalForm.ASSOCIATION
    assert im.name.value == "Latgolys kulturys centrs"
    assert im.registration_number is not None
    assert im.registration_number.value == "40008345678"
    dp = rep.delegation_period
    assert dp is not None and (dp.start, dp.end) == (D(2023, 8, 1), D(2025, 7, 31))
    assert [(y.ordinal, y.period and (y.period.start, y.period.end)) for y in rep.years] == [
        (1, (D(2023, 8, 1), D(2024, 7, 31))),
        (2, (D(2024, 8, 1), D(2025, 7, 31))),
    ]
    # five + six items in year I, five + seven in year II
    assert [len(y.activities) for y in rep.years] == [11, 12]
    assert [(f.ordinal, f.period and f.period.start) for f in rep.funding] == [
        (1, D(2023, 8, 1)),
        (2, D(2024, 8, 1)),
    ]
    assert _amounts(rep) == [
        {
            (P, None, Decimal("54000.00")),
            (P, CS, Decimal("30000.00")),
            (P, MN, Decimal("24000.00")),
            (A, None, Decimal("53210.00")),
            (A, CS, Decimal("29870.00")),
            (A, MN, Decimal("23340.00")),
            (R, None, Decimal("790.00")),
        },
        {
            (P, None, Decimal("54000.00")),
            (P, CS, Decimal("30000.00")),
            (P, MN, Decimal("24000.00")),
            (A, None, Decimal("53500.00")),
            (A, CS, Decimal("29950.00")),
            (A, MN, Decimal("23450.00")),
            (R, None, Decimal("500.00")),
        },
    ]
    assert rep.irregular_expenditure is not None and rep.irregular_expenditure.none
    assert rep.unrecovered_amount is not None and rep.unrecovered_amount.none
    other = rep.other_information
    assert other is not None and not other.none
    assert other.text.value == "Pasākumu apraksti latgaliski publicēti portālā www.lakuga.lv."
    assert rep.unlabelled == ()
    # the two contradictions written into it: a date after year I, and year II's actual
    # lines 29 950,00 + 23 450,00 = 53 400,00 against the stated 53 500,00
    assert sorted(f.code for f in parsed.findings) == [
        "activity.date-outside-year",
        "funding.sum-mismatch",
    ]


def test_fixed_width_columns_with_the_funding_in_three_are_read_by_column() -> None:
    parsed, rep = _read(FIXED_WIDTH)
    assert rep.region == "zemgale"
    assert rep.task is not None and rep.task.value.endswith("jomā Zemgales reģionā")
    im = rep.implementer
    assert im is not None
    assert (im.legal_form, im.legal_form_text) == (LegalForm.LIMITED_LIABILITY_COMPANY, "SIA")
    assert im.name.value == "Zemgales kopienu attīstības aģentūra"
    assert im.registration_number is not None
    assert im.registration_number.value == "43603087654"
    dp = rep.delegation_period
    assert dp is not None and (dp.start, dp.end) == (D(2023, 1, 1), D(2025, 12, 31))
    assert [(y.ordinal, y.period and (y.period.start, y.period.end)) for y in rep.years] == [
        (1, (D(2023, 1, 1), D(2023, 12, 31))),
        (2, (D(2024, 1, 1), D(2024, 12, 31))),
        (3, (D(2025, 1, 1), D(2025, 12, 31))),
    ]
    # six + three items in year 2 (one after a page break), five + three in year 3
    assert [len(y.activities) for y in rep.years[1:]] == [9, 8]
    assert [f.calendar_year for f in rep.funding] == [2023, 2024, 2025]
    plan = {(P, None, Decimal("40000.00")), (P, CS, Decimal("24000.00"))}
    plan |= {(P, MN, Decimal("16000.00"))}
    assert _amounts(rep) == [
        plan
        | {
            (A, None, Decimal("39880.00")),
            (A, CS, Decimal("23950.00")),
            (A, MN, Decimal("15930.00")),
            (R, None, Decimal("120.00")),
        },
        plan
        | {
            (A, None, Decimal("40000.00")),
            (A, CS, Decimal("24000.00")),
            (A, MN, Decimal("16000.00")),
        },
        plan
        | {
            (A, None, Decimal("39640.50")),
            (A, CS, Decimal("23800.00")),
            (A, MN, Decimal("15840.50")),
            (R, None, Decimal("359.50")),
        },
    ]
    for statement in (rep.irregular_expenditure, rep.unrecovered_amount, rep.other_information):
        assert statement is not None and statement.none
    # every section is found, and the report is consistent
    assert [f.code for f in parsed.findings] == []


_GRID = (
    "Kopsavilkums\n"
    "+-----------------+---------------+\n"
    "| Cita            | Ziņas         |\n"
    "| informācija     |               |\n"
    "|                 | publicētas    |\n"
    "+-----------------+---------------+\n"
    "| Neatbilstoši    | Nav           |\n"
    "+-----------------+---------------+\n"
    "Paraksts\n"
)


def test_a_grid_is_written_as_tab_rows_each_character_from_its_source() -> None:
    out = clean(_GRID)
    assert out.text == (
        f"Kopsavilkums\nCita informācija\tZiņas{SOFT_BREAK}{SOFT_BREAK}publicētas\n"
        "Neatbilstoši\tNav\nParaksts\n"
    )
    for char, at in zip(out.text, out.offsets, strict=True):
        if char == "\t":
            assert _GRID[at] == "|"  # the pipe before the cell
        elif char not in f" \n{SOFT_BREAK}":
            assert _GRID[at] == char


def test_only_a_grid_whose_cells_all_line_up_is_read() -> None:
    spanning = _GRID.replace(
        "| Neatbilstoši    | Nav           |", "| Neatbilstoši: nav                |"
    )
    crooked = _GRID.replace("| informācija     |", "| informācija      |")
    assert clean(spanning).text == spanning
    assert clean(crooked).text == crooked
    assert "\t" in clean(_GRID).text
