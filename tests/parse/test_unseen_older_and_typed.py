"""Golden values for reports by a third independent tester, who read their facts by hand
before the parser ran (`tests/fixtures/reports/unseen/`): an HTML page as Word's "Save as
Web Page" writes it (mso styles, `<![if !supportLists]>` numbers, numbers and a registration
number split over nested spans, `&nbsp;` in amounts), with one contradiction planted in it
(Vidzeme). Line numbers are the text the page was read into.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.model import LegalForm, Parsed
from tests.parse.golden import (
    ABOUT,
    BACK,
    CIVIL,
    CS,
    EXACT,
    MINORITY,
    MN,
    MORE,
    A,
    D,
    P,
    amounts,
    quantities,
    read_unseen,
    report_of,
    years,
)

FILES = {"web_page": "vidzeme_word_web_page_planted_lines.htm"}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def test_only_the_planted_contradiction_is_found(read: dict[str, Parsed]) -> None:
    # year III: the actual lines 29 975,50 + 18 947,50 = 48 923,00, the total 48 950,00
    found = [(f.code, f.message) for f in read["web_page"].findings if f.severity.value != "info"]
    assert [code for code, _ in found] == ["funding.sum-mismatch"]
    assert "48 923,00" in found[0][1] and "48 950,00" in found[0][1]


def test_a_word_web_page(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "web_page")
    imp = rep.implementer
    assert rep.region == "vidzeme"
    assert imp is not None and imp.legal_form is LegalForm.FOUNDATION
    # "40008</span><span>234567": one number over two spans
    assert imp.registration_number is not None
    assert (imp.name.value, imp.registration_number.value) == (
        "Vidzemes kopienu fonds",
        "40008234567",
    )
    assert years(rep) == [
        (1, (D(2022, 7, 15), D(2023, 7, 14))),
        (2, (D(2023, 7, 15), D(2024, 7, 14))),
        (3, (D(2024, 7, 15), D(2025, 7, 14))),
    ]
    # "1</span><span>26 konsultācijas"; "vairāk nekā 90"; "ap 600"
    assert quantities(rep, 1) == [
        (CIVIL, 3, EXACT, "forums"),
        (CIVIL, 214, EXACT, "participants"),
        (CIVIL, 126, EXACT, "consultations"),
        (CIVIL, 7, EXACT, "seminars"),
        (CIVIL, 158, EXACT, "participants"),
        (CIVIL, 90, MORE, "news-items"),
        (MINORITY, 2, EXACT, "strategies"),
        (MINORITY, 6, EXACT, "organisations"),
        (MINORITY, 5, EXACT, "events"),
        (MINORITY, 600, ABOUT, "participants"),
    ]
    second, third = rep.funding[1:]
    assert amounts(second) == {
        (P, None, Decimal("49000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("19000.00")),
        (A, None, Decimal("48612.40")),
        (A, CS, Decimal("29880.15")),
        (A, MN, Decimal("18732.25")),
        (BACK, None, Decimal("387.60")),
    }
    assert (A, None, Decimal("48950.00")) in amounts(third)
    assert (BACK, None, Decimal("50.00")) in amounts(third)
