"""Funding a year states by its totals while saying more beside them (tester round r11,
items 5 and 6): a total broken down by quarter, and a sentence under a funding table giving
several years' remainders in clauses of one year each. Golden values read by hand from the
fixtures (`tests/fixtures/reports/unseen/`): the Word 97 document's funding row (its two
years' cells: "Plānots 40 000,00 euro, t.sk. sadalījumā pa ceturkšņiem: I ceturksnis –
10 000,00 euro; …", "Faktiski 39 850,40 euro, …", "Atlikums 149,60 euro atgriezts valsts
budžetā."), and the sentence under each Markdown table (source line 30).
"""

from __future__ import annotations

from decimal import Decimal as E
from pathlib import Path

import pytest

from pipeline.model import Parsed
from pipeline.parse import parse_report
from pipeline.parse.funding_quarters import quarter_lines
from tests.parse.golden import BACK, OVER, UNSEEN, A, P, amounts, read_unseen, report_of

FILES = {
    "quarters": "r11_vidzeme_doc_quarterly_funding.doc",
    "quarters_wrong": "k10_vidzeme_doc_quarterly_funding_wrong_remainder_planted.doc",
    "clauses": "k10_riga_markdown_two_years_remainders_in_one_sentence.txt",
    "semicolon": "k10_riga_markdown_two_years_remainders_semicolon.txt",
    "both": "k10_riga_markdown_two_years_one_remainder_for_both.txt",
}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _warnings(parsed: Parsed) -> list[tuple[str, str]]:
    return [(f.code, f.message) for f in parsed.findings if f.severity.value != "info"]


# -- quarters ------------------------------------------------------------------------------
def test_a_year_broken_down_by_quarter_is_compared_by_its_totals(read: dict[str, Parsed]) -> None:
    first, second = report_of(read, "quarters").funding
    assert amounts(first) == {
        (P, None, E("40000.00")),
        (A, None, E("39850.40")),
        (BACK, None, E("149.60")),
    }
    assert amounts(second) == {
        (P, None, E("40000.00")),
        (A, None, E("39750.00")),
        (BACK, None, E("250.00")),
    }
    assert first.compared and second.compared
    # the quarters are kept in the source text only, said so (info), no warning
    assert _warnings(read["quarters"]) == []
    unread = [f for f in read["quarters"].findings if f.code == "funding.unread-amount"]
    assert len(unread) == 16
    # the total's words end before its first quarter's
    assert "ceturksnis" not in next(a for a in first.amounts if a.role is P).label


def test_a_wrong_remainder_under_quarters_is_found(read: dict[str, Parsed]) -> None:
    # "Atlikums 194,60 euro" where 40 000,00 − 39 850,40 is 149,60
    found = [f for f in read["quarters_wrong"].findings if f.code == "funding.remainder-mismatch"]
    assert len(found) == 1
    assert "149,60" in found[0].message and "194,60" in found[0].message
    assert [c for c, _ in _warnings(read["quarters_wrong"])] == ["funding.remainder-mismatch"]


@pytest.mark.parametrize(
    "text",
    [
        # the quarters do not add up to the total: one may be a total of its own
        "Plānots 40 000,00 euro, t.sk. sadalījumā pa ceturkšņiem: I ceturksnis – 10 000,00 euro;"
        " II ceturksnis – 12 000,00 euro.",
        # a quarter named twice
        "Plānots 20 000,00 euro: I ceturksnis – 10 000,00 euro; I ceturksnis – 10 000,00 euro.",
        # one quarter alone is no breakdown
        "Plānots 10 000,00 euro: IV ceturksnis – 10 000,00 euro.",
    ],
)
def test_quarters_not_certainly_a_breakdown_are_not_taken(text: str) -> None:
    assert quarter_lines(text).lines == {}


def test_arabic_quarters_with_a_colon_are_a_breakdown() -> None:
    text = "Faktiski 20 000,00 EUR, tai skaitā: 1. ceturksnī: 9 000,00 EUR; 2. ceturksnī: 11 000,00 EUR."
    assert len(quarter_lines(text).lines) == 2


# -- a sentence of one clause per year ----------------------------------------------------------
def test_a_sentence_of_clauses_gives_each_year_its_remainder(read: dict[str, Parsed]) -> None:
    # "I. īstenošanas gada atlikums 310,00 EUR un II. īstenošanas gada atlikums 150,00 EUR
    # atgriezti Kultūras ministrijas budžetā." under a table of Plānots | Faktiski
    first, second = report_of(read, "clauses").funding
    assert amounts(first) == {
        (P, None, E("12000.00")),
        (A, None, E("11690.00")),
        (BACK, None, E("310.00")),
    }
    assert amounts(second) == {
        (P, None, E("12000.00")),
        (A, None, E("11850.00")),
        (BACK, None, E("150.00")),
    }
    assert first.compared and second.compared
    assert read["clauses"].findings == ()


def test_a_wrong_remainder_in_a_clause_is_its_years(tmp_path: Path) -> None:
    # "II. īstenošanas gada atlikums 105,00 EUR" where 12 000,00 − 11 850,00 is 150,00
    text = (UNSEEN / FILES["clauses"]).read_text(encoding="utf-8")
    said = "II. īstenošanas gada atlikums 150,00 EUR"
    assert said in text
    path = tmp_path / "k10_riga_markdown_two_years_remainders_in_one_sentence_planted.txt"
    path.write_text(text.replace(said, said.replace("150,00", "105,00")), encoding="utf-8")
    found = [(f.code, f.message) for f in parse_report(path, name=path.name).findings]
    assert len(found) == 1
    code, message = found[0]
    assert code == "funding.remainder-mismatch"
    assert "year 2" in message and "105,00" in message


def test_clauses_joined_by_a_semicolon_keep_their_own_words(read: dict[str, Parsed]) -> None:
    # "II. īstenošanas gada atlikums 150,00 EUR pārcelts uz nākamo periodu; I. īstenošanas
    # gada atlikums 310,00 EUR atgriezts Kultūras ministrijai."
    first, second = report_of(read, "semicolon").funding
    assert (BACK, None, E("310.00")) in amounts(first)
    assert (OVER, None, E("150.00")) in amounts(second)
    assert first.compared and second.compared
    assert read["semicolon"].findings == ()


def test_one_remainder_for_two_years_is_no_years(read: dict[str, Parsed]) -> None:
    # "I. īstenošanas gada un II. īstenošanas gada atlikums kopā 460,00 EUR atgriezts …":
    # which year's part is which is not told, so no year is compared (no false finding)
    first, second = report_of(read, "both").funding
    assert not first.compared and not second.compared
    assert _warnings(read["both"]) == []
    assert [f.code for f in read["both"].findings if f.code.startswith("funding.")] == [
        "funding.unread-amount"
    ]
