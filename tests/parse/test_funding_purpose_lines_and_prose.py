"""Funding forms from an independent tester's reports: "purpose: amount" lines under a statement line
("Plānotais finansējums: EUR 50 000" / "Plānots – EUR 12 500:"), prose per calendar year
("2023. gadā piešķirti 45 000 EUR, … izlietoti …"), amounts in thousands ("54 tūkst. EUR")
and "eiro", a table flattened into a cell ("| 30 000,00 |"), and lines of the section that
hold no amount. Every expected value is read from the text written here.
"""

from __future__ import annotations

from decimal import Decimal

from pipeline.model import AmountRole, FundingYear, Parsed, Purpose
from pipeline.parse.funding import read_funding
from pipeline.parse.funding_blocks import FundingRead
from pipeline.parse.text import SourcedText, SourceFile
from tests.conftest import parse_text
from tests.parse.test_funding_forms import LABEL

P, A = AmountRole.PLANNED, AmountRole.ACTUAL
RETURNED, CARRIED = AmountRole.RETURNED, AmountRole.CARRIED_OVER
CIVIL, MINORITY = Purpose.CIVIL_SOCIETY, Purpose.MINORITY_NGOS


def _read(text: str) -> FundingRead:
    return read_funding(SourcedText.of(text), SourceFile("x.txt", text))


def _report(minimal_text: str, rows: list[str]) -> Parsed:
    """The minimal report with its funding section replaced by `rows` under its label."""
    lines = minimal_text.split("\n")
    first = next(i for i, line in enumerate(lines) if line.startswith(LABEL + "\t"))
    assert lines[first + 2].startswith("Neatbilstoši veiktie izdevumi")
    lines[first : first + 2] = [LABEL, *rows]
    return parse_text("\n".join(lines))


def _warnings(parsed: Parsed) -> list[tuple[str, int | None]]:
    return [
        (f.code, f.span.line if f.span else None)
        for f in parsed.findings
        if f.code.startswith("funding.") and f.severity.value != "info"
    ]


def _amounts(year: FundingYear) -> set[tuple[AmountRole, Purpose | None, Decimal | None]]:
    return {(a.role, a.purpose, a.value) for a in year.amounts}


# -- "purpose: amount" lines under a statement line (report B) --------------------------------

_B_YEAR_1 = [
    "1. īstenošanas gads (01.03.2024.–28.02.2025.)",
    "Plānotais finansējums: EUR 50 000",
    "  pilsoniskās sabiedrības attīstībai Kurzemes reģionā: EUR 30 000",
    "  mazākumtautību NVO attīstības un ilgtspējas veicināšanai: EUR 20 000",
    "Faktiski izlietots: 49.310,40 €",
    "  pilsoniskās sabiedrības attīstībai Kurzemes reģionā: 29.870,15 €",
    "  mazākumtautību NVO attīstības un ilgtspējas veicināšanai: 19.540,25 €",
    "Atlikums: 689,60 € pārcelts uz 2. īstenošanas gadu",
]


def test_purpose_colon_amount_lines_take_their_own_purpose_and_the_statement_role() -> None:
    year = _read("\n".join(_B_YEAR_1)).years[0]
    assert _amounts(year) == {
        (P, None, Decimal("50000")),
        (P, CIVIL, Decimal("30000")),
        (P, MINORITY, Decimal("20000")),
        (A, None, Decimal("49310.40")),
        (A, CIVIL, Decimal("29870.15")),
        (A, MINORITY, Decimal("19540.25")),
        (CARRIED, None, Decimal("689.60")),
    }
    assert year.compared
    labels = {a.value: a.label for a in year.amounts}
    assert labels[Decimal("30000")] == "pilsoniskās sabiedrības attīstībai Kurzemes reģionā"


def test_planted_actual_lines_sum_is_found(minimal_text: str) -> None:
    """29 870,15 + 19 540,25 = 49 410,40, the total says 49 310,40 (the actual line)."""
    parsed = _report(minimal_text, _B_YEAR_1)
    found = _warnings(parsed)
    assert [code for code, _ in found] == ["funding.sum-mismatch"]
    lines = minimal_text.split("\n")
    label_line = next(i for i, line in enumerate(lines) if line.startswith(LABEL + "\t")) + 1
    assert found[0][1] == label_line + 5  # "Faktiski izlietots: 49.310,40 €"


def test_a_year_not_over_compares_no_remainder(minimal_text: str) -> None:
    """ "Faktiski izlietots līdz 30.09.2025." and "Gads nav noslēdzies": 50 000 − 27 415,80
    is no remainder yet; the actual lines still add up (16 902,35 + 10 513,45)."""
    rows = [
        "2. īstenošanas gads (01.03.2025.–28.02.2026.)",
        "Plānotais finansējums: EUR 50 000",
        "  pilsoniskās sabiedrības attīstībai Kurzemes reģionā: EUR 30 000",
        "  mazākumtautību NVO attīstības un ilgtspējas veicināšanai: EUR 20 000",
        "Faktiski izlietots līdz 30.09.2025.: 27.415,80 €",
        "  pilsoniskās sabiedrības attīstībai Kurzemes reģionā: 16.902,35 €",
        "  mazākumtautību NVO attīstības un ilgtspējas veicināšanai: 10.513,45 €",
        "Gads nav noslēdzies; atlikums tiks norādīts gala kopsavilkumā.",
    ]
    parsed = _report(minimal_text, rows)
    assert _warnings(parsed) == []
    assert parsed.report is not None
    year = parsed.report.funding[0]
    assert (A, MINORITY, Decimal("10513.45")) in _amounts(year)
    assert not year.plan_complete


def test_a_purpose_line_with_no_statement_above_is_unread() -> None:
    read = _read(
        "1. gads (01.03.2024.–28.02.2025.)\npilsoniskās sabiedrības attīstībai: EUR 30 000"
    )
    assert [u.text.strip() for u in read.unread] == ["EUR 30 000"]
    assert not read.years[0].compared


# -- "Plānots – EUR 12 500:" with indented dash lines (report D) ------------------------------


def test_planned_and_spent_headings_with_indented_dash_lines() -> None:
    text = "\n".join(
        [
            "II. īstenošanas gads (01.04.2020.–31.03.2021.)",
            "Plānots – EUR 12 500:",
            "\tpilsoniskās sabiedrības attīstībai Zemgales reģionā – EUR 7 500",
            "\tmazākumtautību līdzdalības veicināšanai – EUR 5 000",
            "Izlietots – EUR 11 982,75:",
            "\tpilsoniskās sabiedrības attīstībai Zemgales reģionā – EUR 7 214,30",
            "\tmazākumtautību līdzdalības veicināšanai – EUR 4 768,45",
            "Neizlietotais finansējums EUR 517,25 apmērā (EUR 285,70 pilsoniskās sabiedrības"
            " attīstībai un EUR 231,55 mazākumtautību līdzdalības veicināšanai) atgriezts"
            " Kultūras ministrijas budžetā.",
        ]
    )
    year = _read(text).years[0]
    assert year.ordinal == 2 and year.compared
    assert _amounts(year) == {
        (P, None, Decimal("12500")),
        (P, CIVIL, Decimal("7500")),
        (P, MINORITY, Decimal("5000")),
        (A, None, Decimal("11982.75")),
        (A, CIVIL, Decimal("7214.30")),
        (A, MINORITY, Decimal("4768.45")),
        (RETURNED, None, Decimal("517.25")),
        (RETURNED, CIVIL, Decimal("285.70")),
        (RETURNED, MINORITY, Decimal("231.55")),
    }


# -- prose per calendar year (report A) -------------------------------------------------------

_A_PROSE = (
    "2023. gadā piešķirti 45 000 EUR, t. sk. 27 000 EUR pilsoniskās sabiedrības attīstībai"
    " Vidzemes reģionā un 18 000 EUR mazākumtautību nevalstisko organizāciju attīstības un"
    " ilgtspējas veicināšanai. No piešķirtā finansējuma izlietoti 44 870,50 EUR (26 912,30 EUR"
    " pilsoniskās sabiedrības attīstībai un 17 958,20 EUR mazākumtautību nevalstisko"
    " organizāciju attīstībai); neizlietotie 129,50 EUR atmaksāti valsts budžetā.\n\n"
    "2024. gadā piešķirti 45 000 EUR, t. sk. 27 000 EUR pilsoniskās sabiedrības attīstībai"
    " Vidzemes reģionā un 18 000 EUR mazākumtautību nevalstisko organizāciju attīstības un"
    " ilgtspējas veicināšanai. Izlietoti 44 996,12 EUR, no tiem 27 000,00 EUR pilsoniskās"
    " sabiedrības attīstībai un 17 996,12 EUR mazākumtautību nevalstisko organizāciju"
    " attīstībai. Atlikums 3,88 EUR atmaksāts Kultūras ministrijai."
)


def test_prose_per_calendar_year_is_a_row_per_year_granted_is_planned_spent_is_actual() -> None:
    read = _read(_A_PROSE)
    assert [y.calendar_year for y in read.years] == [2023, 2024]
    first, second = read.years
    assert _amounts(first) == {
        (P, None, Decimal("45000")),
        (P, CIVIL, Decimal("27000")),
        (P, MINORITY, Decimal("18000")),
        (A, None, Decimal("44870.50")),
        (A, CIVIL, Decimal("26912.30")),
        (A, MINORITY, Decimal("17958.20")),
        (RETURNED, None, Decimal("129.50")),
    }
    # the role of "atmaksāti" (returned) ends with its clause: 2024's amounts are its own
    assert _amounts(second) == {
        (P, None, Decimal("45000")),
        (P, CIVIL, Decimal("27000")),
        (P, MINORITY, Decimal("18000")),
        (A, None, Decimal("44996.12")),
        (A, CIVIL, Decimal("27000.00")),
        (A, MINORITY, Decimal("17996.12")),
        (RETURNED, None, Decimal("3.88")),
    }
    assert read.unread == () and first.compared and second.compared


def test_granted_beside_a_written_plan_is_not_taken_for_the_plan() -> None:
    read = _read("2023. gadā plānoti 50 000 EUR, bet piešķirti 45 000 EUR. Izlietoti 44 000 EUR.")
    year = read.years[0]
    assert (P, None, Decimal("50000")) in _amounts(year)
    assert (P, None, Decimal("45000")) not in _amounts(year)
    assert [u.text.strip() for u in read.unread] == ["45 000 EUR"]


def test_calendar_years_out_of_order_are_not_cut_into_rows() -> None:
    """Two sentences of one year cannot be told apart from two years' paragraphs."""
    read = _read("2023. gadā piešķirti 45 000 EUR. 2023. gadā izlietoti 44 000 EUR.")
    assert [y.calendar_year for y in read.years] == [None]


def test_denied_spending_is_no_actual() -> None:
    read = _read("2023. gadā piešķirti 45 000 EUR; nav izlietoti 1 000 EUR.")
    assert (A, None, Decimal("1000")) not in _amounts(read.years[0])


# -- thousands and "eiro" (report C) -----------------------------------------------------------


def test_thousands_are_left_unread_as_written() -> None:
    """ "24,3 tūkst. EUR" is rounded: the true figure (24 347,60, say) is not written, so no
    amount is published for it; its text is kept (review of round 3)."""
    read = _read(
        "Pirmais īstenošanas gads. Plānoti 54 tūkst. EUR, t. sk. 30 tūkst. EUR pilsoniskās"
        " sabiedrības attīstībai un 24,3 tūkst. EUR mazākumtautību nevalstisko organizāciju"
        " attīstības un ilgtspējas veicināšanai. Faktiski izlietoti 53 612,40 eiro."
        " Atlikums 387,60 eiro pārcelts uz otro īstenošanas gadu."
    )
    year = read.years[0]
    assert [a for a in year.amounts if a.role is P] == []
    assert [u.text for u in read.unread] == ["54 tūkst. EUR", "30 tūkst. EUR", "24,3 tūkst. EUR"]
    assert not year.compared


def test_thousands_need_their_currency_word() -> None:
    read = _read("I. gads. Plānots 50 000 EUR; 5 tūkst. apmeklētāju.")
    assert {a.value for a in read.years[0].amounts} == {Decimal("50000")}


def test_planted_remainder_with_plural_planned_and_eiro(minimal_text: str) -> None:
    """54 387,60 − 53 950 = 437,60; the report carries over 347,60."""
    rows = [
        "Otrais īstenošanas gads. Plānoti 54 387,60 eiro, t. sk. 30 000 eiro pilsoniskās"
        " sabiedrības attīstībai Latgales reģionā un 24 387,60 eiro mazākumtautību"
        " nevalstisko organizāciju attīstības un ilgtspējas veicināšanai (ieskaitot pārcelto"
        " atlikumu). Faktiski izlietoti 53 950 eiro (29 950 eiro pilsoniskās sabiedrības"
        " attīstībai un 24 000 eiro mazākumtautību nevalstisko organizāciju attīstībai)."
        " Atlikums 347,60 eiro pārcelts uz trešo īstenošanas gadu."
    ]
    parsed = _report(minimal_text, rows)
    assert [code for code, _ in _warnings(parsed)] == ["funding.remainder-mismatch"]
    assert parsed.report is not None
    assert (P, None, Decimal("54387.60")) in _amounts(parsed.report.funding[0])


# -- a table flattened into a cell (an independent tester's r1) ---------------------------------------------


def test_a_flattened_table_cell_is_never_an_actual_amount() -> None:
    read = _read(
        "\t<p>| Mērķis | 1. gads | 2. gads |</p><p>|  | plānots | faktiski | plānots | faktiski |"
        "</p><p>| pilsoniskās sabiedrības attīstībai | 30 000,00 | 30 000,00 | 30 000,00 |"
        " 29 986,12 |</p><p>1. gada atlikums 759,65 euro pārcelts uz 2. īstenošanas gadu.</p>"
    )
    roles = {(a.role, a.value) for y in read.years for a in y.amounts}
    assert not {r for r, _ in roles} & {P, A}
    assert (CARRIED, Decimal("759.65")) in roles
    assert len(read.unread) == 4


# -- lines the reader uses for nothing ---------------------------------------------------------


def test_lines_with_no_amount_are_returned_to_be_kept() -> None:
    read = _read(
        "\n".join(
            [
                *_B_YEAR_1,
                "5.1. Skaidrojums",
                "Atlikums radās ietaupījuma dēļ, jo viens seminārs notika tiešsaistē.",
            ]
        )
    )
    assert [u.text for u in read.unused] == [
        "5.1. Skaidrojums",
        "Atlikums radās ietaupījuma dēļ, jo viens seminārs notika tiešsaistē.",
    ]
