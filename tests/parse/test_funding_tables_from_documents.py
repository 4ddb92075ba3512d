"""Funding tables from an independent tester's office documents, as their text layout gives them: a table
with a purpose column and rowspan year cells (a PDF's: "I gads … | pilsoniskās … | 31 000,00
| 30 988,40", then the year's other rows with its year cell left empty or left out, a "Kopā"
row the year's total and a note row spanning the columns); "t.sk." purpose rows under a
year row (an OpenDocument table); a unit note "(euro)" after the section label; a header
row a running footer printed into. The expected values are read from the rows written here.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.model import AmountRole, FundingYear, Parsed, Purpose
from tests.conftest import parse_text
from tests.parse.test_funding_forms import LABEL

P, A = AmountRole.PLANNED, AmountRole.ACTUAL
REMAINDER, RETURNED, CARRIED = (
    AmountRole.REMAINDER,
    AmountRole.RETURNED,
    AmountRole.CARRIED_OVER,
)
CIVIL, MINORITY = Purpose.CIVIL_SOCIETY, Purpose.MINORITY_NGOS
CIV = "pilsoniskās sabiedrības attīstībai Latgales reģionā"
MIN = "mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai"


def _report(minimal_text: str, rows: list[str]) -> Parsed:
    """The minimal report with its funding section replaced: the label on a line of its
    own, the table's rows after it."""
    lines = minimal_text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith(LABEL + "\t"))
    assert lines[first + 2].startswith("Neatbilstoši veiktie izdevumi")
    lines[first : first + 2] = [LABEL, *rows]
    return parse_text("\n".join(lines))


def _years(parsed: Parsed) -> tuple[FundingYear, ...]:
    assert parsed.report is not None
    return parsed.report.funding


def _codes(parsed: Parsed) -> list[str]:
    return [f.code for f in parsed.findings if f.code.startswith("funding.")]


def _total(year: FundingYear, role: AmountRole) -> Decimal | None:
    total = year.total(role)
    return total.value if total is not None else None


def _lines(year: FundingYear, role: AmountRole) -> dict[Purpose | None, Decimal | None]:
    return {a.purpose: a.value for a in year.lines(role)}


def _all_values(parsed: Parsed) -> set[Decimal]:
    return {a.value for y in _years(parsed) for a in y.amounts if a.value is not None}


# -- a purpose column, the year's cell spanning its rows (r3) ----------------------------------

HEADER = "Īstenošanas gads\tFinansējuma mērķis\tPlānots, EUR\tFaktiski, EUR"
YEAR_ONE = f"I gads 01.03.2024.–28.02.2025.\t{CIV}\t31 000,00\t30 988,40"
YEAR_TWO = f"II gads 01.03.2025.–28.02.2026.\t{CIV}\t31 011,60\t30 066,00"
NOTE_ONE = (
    "Atlikums 785,40 EUR pārcelts uz II īstenošanas gadu (t.sk. 11,60 EUR pilsoniskās "
    "sabiedrības attīstībai un 773,80 EUR mazākumtautību NVO attīstībai)."
)
NOTE_TWO = "Neizmantotais finansējums 798,40 EUR apmērā atgriezts Kultūras ministrijas budžetā."
YEAR_THREE = (
    "III gads 01.03.2026.–28.02.2027.\tKopā (t.sk. 31 000,00 EUR pilsoniskās sabiedrības "
    "attīstībai un 25 000,00 EUR mazākumtautību NVO attīstībai)\t56 000,00\t–"
)


def _r3_rows(lead: str) -> list[str]:
    """r3's funding table; `lead` is what stands for a year cell a rowspan covers: an empty
    cell ("\\t") or nothing (the cell left out, as in a PDF's table)."""
    return [
        HEADER,
        YEAR_ONE,
        f"{lead}{MIN}\t25 000,00\t24 226,20",
        f"{lead}Kopā\t56 000,00\t55 214,60",
        f"{lead}{NOTE_ONE}",
        YEAR_TWO,
        f"{lead}{MIN}\t25 773,80\t25 930,00",
        f"{lead}Kopā\t56 785,40\t55 996,00",
        f"{lead}{NOTE_TWO}",
        YEAR_THREE,
        f"{lead}Nav īstenots.",
    ]


def _check_r3(parsed: Parsed) -> None:
    one, two, three = _years(parsed)
    assert (one.ordinal, two.ordinal, three.ordinal) == (1, 2, 3)
    # Year I: the planned 31 000,00 is planned, the actual 30 988,40 actual; "Kopā" the total.
    assert _lines(one, P) == {CIVIL: Decimal("31000.00"), MINORITY: Decimal("25000.00")}
    assert _lines(one, A) == {CIVIL: Decimal("30988.40"), MINORITY: Decimal("24226.20")}
    assert _total(one, P) == Decimal("56000.00")
    assert _total(one, A) == Decimal("55214.60")
    assert _total(one, CARRIED) == Decimal("785.40")
    assert _lines(two, P) == {CIVIL: Decimal("31011.60"), MINORITY: Decimal("25773.80")}
    assert _lines(two, A) == {CIVIL: Decimal("30066.00"), MINORITY: Decimal("25930.00")}
    assert _total(two, P) == Decimal("56785.40")
    assert _total(two, A) == Decimal("55996.00")
    assert _total(two, RETURNED) == Decimal("798.40")
    # Year III: planned 56 000,00, nothing spent ("–"): never an actual 56 000,00.
    assert _total(three, P) == Decimal("56000.00")
    assert three.total(A) is None
    assert not any(a.role is A for a in three.amounts)
    by_code = [(f.code, f.span.line if f.span else None) for f in parsed.findings]
    assert parsed.report is not None
    # The two planted contradictions of year II, and nothing about year I:
    # 56 785,40 − 55 996,00 = 789,40, not the 798,40 returned; the minority line spent
    # 25 930,00 of 25 773,80.
    remainder = [f for f in parsed.findings if f.code == "funding.remainder-mismatch"]
    assert len(remainder) == 1
    assert "789,40" in remainder[0].message and "798,40" in remainder[0].message
    assert "year 2" in remainder[0].message
    above = [f for f in parsed.findings if f.code == "funding.actual-above-planned"]
    assert len(above) == 1 and "25 930,00" in above[0].message and "year 2" in above[0].message
    assert sorted(c for c, _ in by_code if c.startswith("funding.")) == [
        "funding.actual-above-planned",
        "funding.remainder-mismatch",
        "funding.unread-amount",  # year III's 31 000,00 inside "Kopā (t.sk. …)"
        "funding.unread-amount",  # and its 25 000,00: lines of which column is not written
    ]


def test_a_purpose_column_with_empty_year_cells(minimal_text: str) -> None:
    """The year cell a rowspan covers is an empty cell: the year's rows are its purpose lines
    and its "Kopā" total, never years of their own."""
    _check_r3(_report(minimal_text, _r3_rows("\t")))


def test_a_purpose_column_with_year_cells_left_out(minimal_text: str) -> None:
    """A PDF's table leaves the covered cell out: "Kopā | 56 000,00 | 55 214,60" has three
    cells under a header of four, and stands under its last three."""
    _check_r3(_report(minimal_text, _r3_rows("")))


def test_a_header_a_running_footer_printed_into(minimal_text: str) -> None:
    """The header row with the footer's "… · 2026" broken into its cells ("Plānots, EUR
    avilkums KM · 20", "Faktiski, EUR 26"): still the header, and 26 is no actual amount."""
    rows = _r3_rows("")
    rows[0] = (
        "Īstenošanas gads Biedrīb\tFinansējuma mērķis a „Dienvidlatgales NVO atbalsta "
        "centrs” · Kops\tPlānots, EUR avilkums KM · 20\tFaktiski, EUR 26"
    )
    parsed = _report(minimal_text, rows)
    _check_r3(parsed)
    assert Decimal(26) not in _all_values(parsed)
    assert Decimal(20) not in _all_values(parsed)


def test_a_sum_over_the_years_in_the_purpose_column_is_no_years_total(minimal_text: str) -> None:
    """A last "Kopā" row when the years had none of their own: it may be the sum over the
    years (here 112 000,00 = 56 000,00 + 56 000,00), not the last year's total. It is left
    unread, and no sum is found not to add up."""
    parsed = _report(
        minimal_text,
        [
            HEADER,
            YEAR_ONE.replace("30 988,40", "31 000,00"),
            f"{MIN}\t25 000,00\t25 000,00",
            YEAR_TWO.replace("31 011,60", "31 000,00").replace("30 066,00", "31 000,00"),
            f"{MIN}\t25 000,00\t25 000,00",
            "Kopā\t112 000,00\t112 000,00",
        ],
    )
    _one, two = _years(parsed)
    assert two.total(P) is None and two.total(A) is None
    assert _lines(two, P) == {CIVIL: Decimal("31000.00"), MINORITY: Decimal("25000.00")}
    assert "funding.sum-mismatch" not in _codes(parsed)
    assert "funding.unread-amount" in _codes(parsed)


def test_a_last_kopa_row_that_sums_its_years_lines_is_its_total(minimal_text: str) -> None:
    """One year, its lines and a "Kopā" row that is their sum (31 000,00 + 25 000,00 =
    56 000,00): the year's total."""
    parsed = _report(
        minimal_text,
        [HEADER, YEAR_ONE, f"\t{MIN}\t25 000,00\t24 226,20", "\tKopā\t56 000,00\t55 214,60"],
    )
    (one,) = _years(parsed)
    assert _total(one, P) == Decimal("56000.00")
    assert _total(one, A) == Decimal("55214.60")


def test_a_purpose_cell_naming_no_purpose_leaves_its_amounts_unread(minimal_text: str) -> None:
    """ "Administratīvie izdevumi | 2 000,00 | 1 900,00": neither a purpose line nor the
    total; which it is cannot be told."""
    parsed = _report(
        minimal_text,
        [HEADER, YEAR_ONE, "\tAdministratīvie izdevumi\t2 000,00\t1 900,00"],
    )
    (one,) = _years(parsed)
    assert Decimal("2000.00") not in _all_values(parsed)
    assert not one.compared
    assert "funding.unread-amount" in _codes(parsed)


def test_a_short_row_whose_cells_are_no_amounts_is_read_by_its_words(
    minimal_text: str,
) -> None:
    """A note spanning the columns ("Atlikums 785,40 EUR pārcelts uz …") is no actual
    amount, though it is the last cell of its row."""
    parsed = _report(minimal_text, [HEADER, YEAR_ONE, NOTE_ONE])
    (one,) = _years(parsed)
    assert not any(a.role is A and a.value == Decimal("785.40") for a in one.amounts)
    assert _total(one, CARRIED) == Decimal("785.40")


# -- "t.sk." purpose rows under a year row (r4) --------------------------------------------------

R4_HEADER = "Īstenošanas gads\tPlānots, EUR\tFaktiski izlietots, EUR\tAtlikums, EUR\tPiezīmes"
R4_CIV = "t.sk. pilsoniskās sabiedrības attīstībai Rīgas reģionā"
R4_MIN = "t.sk. mazākumtautību NVO attīstības un ilgtspējas veicināšanai"


def test_tsk_rows_are_lines_of_the_year_above(minimal_text: str) -> None:
    """ "t.sk. pilsoniskās sabiedrības attīstībai Rīgas reģionā | 29 000,00 | 29 000,00 |
    0,00": lines of year I, not years of their own. 29 000,00 + 21 000,00 = 50 000,00,
    29 000,00 + 20 870,25 = 49 870,25, 0,00 + 129,75 = 129,75: nothing contradicts."""
    parsed = _report(
        minimal_text,
        [
            R4_HEADER,
            "I (15.07.2022.–14.07.2023.)\t50 000,00\t49 870,25\t129,75\tpārcelts uz II gadu",
            f"{R4_CIV}\t29 000,00\t29 000,00\t0,00\t",
            f"{R4_MIN}\t21 000,00\t20 870,25\t129,75\t",
            "II (15.07.2023.–14.07.2024.)\t50 129,75\t50 129,75\t0,00\t",
            f"{R4_CIV}\t29 000,00\t29 000,00\t0,00\t",
            f"{R4_MIN}\t21 129,75\t21 129,75\t0,00\t",
        ],
    )
    one, two = _years(parsed)
    assert (one.ordinal, two.ordinal) == (1, 2)
    assert _total(one, P) == Decimal("50000.00")
    assert _total(one, A) == Decimal("49870.25")
    assert _lines(one, P) == {CIVIL: Decimal("29000.00"), MINORITY: Decimal("21000.00")}
    assert _lines(one, A) == {CIVIL: Decimal("29000.00"), MINORITY: Decimal("20870.25")}
    remainders = {a.purpose: a.value for a in one.amounts if a.role is not P and a.role is not A}
    assert remainders[MINORITY] == Decimal("129.75")
    assert remainders[CIVIL] == Decimal("0.00")
    assert _lines(two, A) == {CIVIL: Decimal("29000.00"), MINORITY: Decimal("21129.75")}
    assert one.compared and two.compared
    assert _codes(parsed) == []


def test_a_tsk_row_that_does_not_add_up_is_found(minimal_text: str) -> None:
    """The same rows with the minority line's actual 20 780,25: 29 000,00 + 20 780,25 =
    49 780,25, not the 49 870,25 stated."""
    parsed = _report(
        minimal_text,
        [
            R4_HEADER,
            "I (15.07.2022.–14.07.2023.)\t50 000,00\t49 870,25\t129,75\t",
            f"{R4_CIV}\t29 000,00\t29 000,00\t0,00\t",
            f"{R4_MIN}\t21 000,00\t20 780,25\t129,75\t",
        ],
    )
    assert "funding.sum-mismatch" in _codes(parsed)


def test_tsk_rows_without_a_header(minimal_text: str) -> None:
    """With no header the year row's columns are planned then actual, and a "t.sk." row
    under it has the same: its amounts are the year's lines (18 000,00 + 12 000,00 =
    30 000,00; 17 500,00 + 12 000,00 = 29 500,00)."""
    parsed = _report(
        minimal_text,
        [
            "I (15.07.2022.–14.07.2023.)\t30 000,00\t29 500,00",
            "t.sk. pilsoniskās sabiedrības attīstībai\t18 000,00\t17 500,00",
            "t.sk. mazākumtautību NVO attīstībai\t12 000,00\t12 000,00",
        ],
    )
    (one,) = _years(parsed)
    assert _total(one, P) == Decimal("30000.00")
    assert _lines(one, A) == {CIVIL: Decimal("17500.00"), MINORITY: Decimal("12000.00")}


# -- rows above the table ------------------------------------------------------------------------


def test_a_unit_note_after_the_label_is_no_year(minimal_text: str) -> None:
    """ "… sadalījumā pa gadiem (euro)" and a table with a column per year: "(euro)" is
    the currency, not a year with no amount."""
    lines = minimal_text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith(LABEL + "\t"))
    lines[first : first + 2] = [
        f"{LABEL} (euro)",
        "Finansējuma mērķis\t2023. gads\t2024. gads",
        "Plānotais finansējums\t46 000,00\t46 000,00",
        "Faktiski izlietotais finansējums\t45 612,80\t46 000,00",
        "Neizlietotais finansējums (atgriezts KM)\t387,20\t0,00",
    ]
    parsed = parse_text("\n".join(lines))
    assert [y.calendar_year for y in _years(parsed)] == [2023, 2024]
    assert "funding.missing-amount" not in _codes(parsed)


def test_a_years_only_row_with_a_purpose_naming_no_line_is_its_total(minimal_text: str) -> None:
    """One row per year, its purpose cell naming both purposes or none ("Valsts pārvaldes
    uzdevuma izpildei"): the row's amounts are the year's totals, read as before."""
    parsed = _report(
        minimal_text,
        [
            HEADER,
            "I gads 01.03.2024.–28.02.2025.\tpilsoniskās sabiedrības un mazākumtautību NVO "
            "attīstībai\t56 000,00\t55 214,60",
            "II gads 01.03.2025.–28.02.2026.\tValsts pārvaldes uzdevuma izpildei"
            "\t56 785,40\t55 996,00",
        ],
    )
    one, two = _years(parsed)
    assert (_total(one, P), _total(one, A)) == (Decimal("56000.00"), Decimal("55214.60"))
    assert (_total(two, P), _total(two, A)) == (Decimal("56785.40"), Decimal("55996.00"))
    assert _lines(one, P) == {}
