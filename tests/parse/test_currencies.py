"""Amounts in lati. Latvia paid in lati (Ls, LVL) until 2014: a report of 2012–2016 writes
its first years' money in lati and its last in euro, and the changeover year may plan in
lati and spend in euro. Each amount keeps the currency written beside it; a row's sums are
compared only within one currency. Values read by hand from the report."""

from __future__ import annotations

from decimal import Decimal

from pipeline.model import AmountRole
from pipeline.parse import parse_text
from pipeline.parse.currencies import one_currency
from pipeline.read import read_report
from tests.parse.golden import UNSEEN

P, A, R = AmountRole.PLANNED, AmountRole.ACTUAL, AmountRole.RETURNED
REPORT = UNSEEN / "zemgale_2012_2016_lati_then_euro_planted.txt"


def _rows() -> list[set[tuple[AmountRole, Decimal | None, str]]]:
    parsed = read_report(REPORT, REPORT.name)
    assert parsed.report is not None
    return [{(a.role, a.value, a.currency) for a in row.amounts} for row in parsed.report.funding]


def test_each_amount_keeps_the_currency_written_beside_it() -> None:
    assert _rows() == [
        # "plānots Ls 12 000,00; faktiski izlietots Ls 11 850,00; atlikums Ls 150,00"
        {
            (P, Decimal("12000.00"), "LVL"),
            (A, Decimal("11850.00"), "LVL"),
            (R, Decimal("150.00"), "LVL"),
        },
        # "plānots 8 000,00 LVL; faktiski izlietoti 8 100,00 LVL"
        {(P, Decimal("8000.00"), "LVL"), (A, Decimal("8100.00"), "LVL")},
        # the changeover: "plānots Ls 12 000,00; faktiski izlietoti 17 050,00 EUR"
        {(P, Decimal("12000.00"), "LVL"), (A, Decimal("17050.00"), "EUR")},
        {
            (P, Decimal("17000.00"), "EUR"),
            (A, Decimal("16950.00"), "EUR"),
            (R, Decimal("50.00"), "EUR"),
        },
    ]


def test_a_plan_in_lati_is_never_compared_with_spending_in_euro() -> None:
    parsed = read_report(REPORT, REPORT.name)
    assert parsed.report is not None
    assert [row.compared for row in parsed.report.funding] == [True, True, False, True]
    # 17 050 EUR spent against a plan of Ls 12 000 is no overspend (about 17 074 EUR);
    # the planted overspend of year II, in lati, is found and said in lati.
    found = sorted((f.code, f.span.line if f.span else None, f.message) for f in parsed.findings)
    assert found == [
        (
            "funding.actual-above-planned",
            29,
            "year 2: actual 8 100,00 LVL is more than planned 8 000,00 LVL",
        ),
        (
            "funding.remainder-mismatch",
            29,
            "year 2: planned minus actual is -100,00 LVL, but the report carries over, "
            "returns or leaves 0,00 LVL",
        ),
    ]


def test_a_lats_word_must_stand_beside_the_amount() -> None:
    # "latviešu" is no lats word, and a word further off says nothing of this amount.
    text = REPORT.read_text(encoding="utf-8").replace(
        "IV. gads: plānots 17 000,00 EUR;",
        "IV. gads (latviešu valodas kursi): plānots 17 000,00 euro;",
    )
    parsed = parse_text(text, REPORT.name)
    assert parsed.report is not None
    last = parsed.report.funding[3]
    assert {a.currency for a in last.amounts} == {"EUR"}


def test_the_statements_amount_in_lati() -> None:
    text = REPORT.read_text(encoding="utf-8").replace(
        "Neatbilstoši veiktie izdevumi: Nav",
        "Neatbilstoši veiktie izdevumi: Ls 240,00 (neattiecināmi ceļa izdevumi)",
    )
    parsed = parse_text(text, REPORT.name)
    assert parsed.report is not None
    irregular = parsed.report.irregular_expenditure
    assert irregular is not None
    assert (irregular.value, irregular.currency) == (Decimal("240.00"), "LVL")


def test_one_currency_of_amounts() -> None:
    parsed = read_report(REPORT, REPORT.name)
    assert parsed.report is not None
    rows = parsed.report.funding
    assert [one_currency(r.amounts) for r in rows] == ["LVL", "LVL", None, "EUR"]


def _funding(text: str) -> list[list[tuple[AmountRole, Decimal | None, str]]]:
    parsed = parse_text(text, "probe.txt")
    assert parsed.report is not None
    return [[(a.role, a.value, a.currency) for a in r.amounts] for r in parsed.report.funding]


def _with_funding(lines: str) -> str:
    text = REPORT.read_text(encoding="utf-8")
    start = text.index("I. gads: plānots")
    end = text.index("\n\nNeatbilstoši")
    return text[:start] + lines + text[end:]


def test_the_currency_a_table_header_names_for_all_its_amounts() -> None:
    rows = _funding(
        _with_funding(
            "Gads\tPlānots, Ls\tFaktiski, Ls\tAtlikums, Ls\n"
            "I. gads\t12 000,00\t11 850,00\t150,00\n"
            "II. gads\t8 000,00\t8 000,00\t0,00\n"
            "III. gads\t12 000,00\t12 000,00\t0,00\n"
            "IV. gads\t12 000,00\t12 000,00\t0,00"
        )
    )
    assert rows[0][:2] == [(P, Decimal("12000.00"), "LVL"), (A, Decimal("11850.00"), "LVL")]
    assert {c for row in rows for _, _, c in row} == {"LVL"}


def test_a_lats_word_wrapped_to_the_next_line_or_in_the_label() -> None:
    rows = _funding(
        _with_funding(
            "I. gads: plānots 12 000,00\nLs; faktiski izlietots 11 850,00 Ls.\n"
            "II. gads: plānots (Ls): 8 000,00; faktiski (Ls): 8 000,00.\n"
            "III. gads: plānots 17 000,00 EUR; faktiski 17 000,00 EUR.\n"
            "IV. gads: plānots 17 000,00 EUR; faktiski 16 950,00 EUR."
        )
    )
    assert [c for _, _, c in rows[0]] == ["LVL", "LVL"]
    assert [c for _, _, c in rows[1]] == ["LVL", "LVL"]
    assert [c for _, _, c in rows[2]] == ["EUR", "EUR"]


def test_an_amount_with_no_word_beside_it_in_a_section_of_both_moneys_is_not_compared() -> None:
    text = _with_funding(
        "I. gads: plānots Ls 12 000,00; faktiski izlietots Ls 11 850,00; atlikums Ls 150,00.\n"
        "II. gads: plānots 8 000,00; faktiski 9 000,00.\n"
        "III. gads: plānots 17 000,00 EUR; faktiski 17 000,00 EUR.\n"
        "IV. gads: plānots 17 000,00 EUR; faktiski 17 000,00 EUR."
    )
    parsed = parse_text(text, "probe.txt")
    assert parsed.report is not None
    assert [r.compared for r in parsed.report.funding] == [True, False, True, True]
    # 9 000 against 8 000 of which money nobody can say: no overspend found
    assert not [f for f in parsed.findings if f.code.startswith("funding.")]


def test_no_currency_for_a_statement_of_no_amount_and_none_compared_across_two() -> None:
    text = (
        REPORT.read_text(encoding="utf-8")
        .replace(
            "Neatbilstoši veiktie izdevumi: Nav",
            "Neatbilstoši veiktie izdevumi: Ls 120,50",
        )
        .replace(
            "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem: Nav",
            "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem: 150,00 EUR",
        )
    )
    parsed = parse_text(text, REPORT.name)
    assert parsed.report is not None
    assert parsed.report.unrecovered_amount is not None
    assert parsed.report.unrecovered_amount.currency == "EUR"
    # Ls 120,50 is about 171 EUR: 150 EUR not recovered of it is no contradiction
    assert "irregular.unrecovered-above-irregular" not in {f.code for f in parsed.findings}
    clean = read_report(REPORT, REPORT.name)
    assert clean.report is not None and clean.report.irregular_expenditure is not None
    assert clean.report.irregular_expenditure.currency is None  # "Nav"


def test_a_contract_total_is_never_the_sum_of_lati_and_euro() -> None:
    text = _with_funding(
        "I. gads: plānots Ls 12 000,00; faktiski izlietots Ls 12 000,00.\n"
        "II. gads: plānots 17 000,00 EUR; faktiski izlietoti 17 000,00 EUR.\n"
        "III. gads: plānots 17 000,00 EUR; faktiski izlietoti 17 000,00 EUR.\n"
        "IV. gads: plānots 17 000,00 EUR; faktiski izlietoti 17 000,00 EUR.\n\n"
        "Izlietotais finansējums kopā: 68 074,46 EUR"
    )
    parsed = parse_text(text, "probe.txt")
    # Ls 12 000 is 17 074,46 EUR: the stated total is right; 12 000 + 51 000 is no sum
    assert "funding.contract-total-mismatch" not in {f.code for f in parsed.findings}
