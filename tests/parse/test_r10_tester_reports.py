"""Reports an independent tester wrote, with their values read by hand before lodpipe ran
(`tests/fixtures/reports/unseen/r10_*`): the currency written before the amount ("EUR
46 000,00", "€ 46 000,00") and after it ("46 000,00 €"), long-form dates; dates written
DD/MM/YYYY and an implementer renamed during the contract; Latgalian letters and « »
quotes in a name, a year whose minority part was not carried out; a PDF printed by
LibreOffice with a running header and a "Lapa N no 3" footer on every page, a description
cut by a page break, and two contradictions planted."""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.model import Parsed
from tests.parse.golden import CS, MN, A, D, P, amounts, read_unseen, report_of, years

FILES = {
    "currency": "r10_kurzeme_currency_sign_first_long_dates.txt",
    "slashes": "r10_zemgale_slash_dates_renamed_implementer_annex.txt",
    "latgalian": "r10_latgale_latgalian_cyrillic_names_minority_part_not_held.txt",
    "pdf": "r10_zemgale_libreoffice_pdf_page_furniture_sum_date_planted.pdf",
}
R = Decimal


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def test_only_the_planted_contradictions_are_found(read: dict[str, Parsed]) -> None:
    found = {
        k: sorted(f.code for f in p.findings if f.severity.value != "info") for k, p in read.items()
    }
    # the PDF: year I's actual lines 29 800,00 + 18 600,00 are not its 48 700,00; year II's
    # discussion on 03.08.2024 is after year II ends (14.07.2024)
    assert found == {
        "currency": [],
        "slashes": [],
        "latgalian": [],
        "pdf": ["activity.date-outside-year", "funding.sum-mismatch"],
    }


def test_currency_before_or_after_the_amount(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "currency")
    assert rep.implementer is not None and rep.implementer.registration_number is not None
    assert rep.implementer.name.value == "Ventspils kopienu attīstības centrs"
    assert rep.implementer.registration_number.value == "40008231457"
    assert years(rep) == [
        (1, (D(2023, 1, 1), D(2023, 12, 31))),
        (2, (D(2024, 1, 1), D(2024, 12, 31))),
        (3, (D(2025, 1, 1), D(2025, 12, 31))),
    ]
    first, _, third = rep.funding
    # line 35: "Plānots EUR 46 000,00, t.sk. EUR 28 000,00 …; EUR 18 000,00 …"
    assert {
        (P, None, R("46000.00")),
        (P, CS, R("28000.00")),
        (P, MN, R("18000.00")),
        (A, None, R("45612.30")),
        (A, CS, R("27890.00")),
        (A, MN, R("17722.30")),
    } <= amounts(first)
    # line 37: "Faktiski 45 950,00 €, t.sk. 27 950,00 € …; 18 000,00 € …"
    assert {(A, None, R("45950.00")), (A, CS, R("27950.00")), (A, MN, R("18000.00"))} <= amounts(
        third
    )


def test_slashed_dates_and_a_renamed_implementer(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "slashes")
    assert rep.implementer is not None
    # the current name; its former name until 14/03/2023 is not the implementer
    assert rep.implementer.name.value == "Jelgavas NVO resursu centrs"
    assert rep.delegation_period is not None
    assert (rep.delegation_period.start, rep.delegation_period.end) == (
        D(2022, 9, 1),
        D(2024, 8, 31),
    )
    assert years(rep) == [
        (1, (D(2022, 9, 1), D(2023, 8, 31))),
        (2, (D(2023, 9, 1), D(2024, 8, 31))),
    ]
    first = rep.funding[0]
    assert {(P, None, R("36000.00")), (A, None, R("35760.25")), (A, CS, R("21980.25"))} <= amounts(
        first
    )


def test_latgalian_letters_and_a_year_without_its_minority_part(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "latgalian")
    assert rep.implementer is not None and rep.implementer.name.value == "Kūpā Latgolā"
    # year II's minority part says "Pasākumi netika īstenoti": a note, no activity
    second = [a for a in rep.activities if a.year == 2]
    assert len(second) == 2 and {a.group.value for a in second} == {"civil-society"}
    assert {(P, MN, R("0.00")), (A, None, R("25000.00"))} <= amounts(rep.funding[1])


def test_a_pdf_with_page_furniture_reads_as_its_text(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "pdf")
    assert rep.implementer is not None and rep.implementer.name.value == "Zemgales kopienu forums"
    assert years(rep) == [
        (1, (D(2022, 7, 15), D(2023, 7, 14))),
        (2, (D(2023, 7, 15), D(2024, 7, 14))),
        (3, (D(2024, 7, 15), D(2025, 7, 14))),
    ]
    # no running header or footer inside any value read
    for activity in rep.activities:
        assert "Lapa" not in activity.text.value and "kopsavilkums par" not in activity.text.value
    # the item cut by the page break: "… 5 mazākumtautību | NVO;" is one activity
    assert any("5 mazākumtautību NVO" in " ".join(a.text.value.split()) for a in rep.activities)
    assert {(P, None, R("49000.00")), (A, None, R("48700.00")), (A, MN, R("18600.00"))} <= amounts(
        rep.funding[0]
    )
