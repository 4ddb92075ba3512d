"""A reviewer's reports on the funding section: two sentences each returning the same sum
are two returns, not one said twice (only a table's remainder cell beside a sentence under
it is one statement), and the findings about money carried from one year into the next
name the currency the report writes. Every value was read from the reports by hand.
"""

from __future__ import annotations

from dataclasses import replace
from decimal import Decimal

from pipeline.model import (
    Amount,
    AmountRole,
    FundingYear,
    Parsed,
    Problem,
    Purpose,
    Severity,
    Span,
)
from pipeline.parse.checks_carried import _beyond_carried
from pipeline.parse.funding_restated import without_restated
from tests.conftest import FIXTURES, parse_text

E = Decimal
_CELL = "\t49 900,00 euro (neizmantotais finansējums 100,00 euro apmērā atgriezts KM)"


def _two_returns() -> Parsed:
    """The minimal report, its year 2 actual cell (line 28) made "49 800,00 euro." and two
    sentences each returning 100,00 euro: 50 000 − 49 800 = 200 = 100 + 100."""
    text = (FIXTURES / "reports" / "minimal.txt").read_text(encoding="utf-8")
    assert text.count(_CELL) == 1
    return parse_text(
        text.replace(
            _CELL,
            "\t49 800,00 euro. Neizmantotais finansējums 100,00 euro apmērā atgriezts KM 2023."
            " gada decembrī. Neizmantotais finansējums 100,00 euro apmērā atgriezts KM 2024."
            " gada jūlijā.",
        )
    )


def test_two_sentences_returning_the_same_sum_are_two_returns() -> None:
    parsed = _two_returns()
    assert parsed.report is not None
    second = parsed.report.funding[1]
    returned = [(a.value, a.span.line) for a in second.amounts if a.role is AmountRole.RETURNED]
    assert returned == [(E("100.00"), 28), (E("100.00"), 28)]
    assert second.compared


def _amount(role: AmountRole, label: str, line: int) -> Amount:
    return Amount(role, None, E("150.00"), "150,00", label, Span("r.txt", line, line, 0, 6))


def test_only_a_cell_beside_a_sentence_is_one_statement() -> None:
    cell = _amount(AmountRole.REMAINDER, "", 28)
    sentence = _amount(AmountRole.RETURNED, "apmērā atgriezts ministrijas budžetā", 30)
    assert without_restated([cell, sentence]) == [sentence]
    # two sentences, each returning a sum: two returns
    again = _amount(AmountRole.RETURNED, "apmērā atgriezts ministrijas budžetā", 31)
    assert without_restated([sentence, again]) == [sentence, again]
    # two cells: two statements
    other = _amount(AmountRole.REMAINDER, "", 29)
    assert without_restated([cell, other]) == [cell, other]
    # a cell and a sentence, and a third: which two are one is not known
    assert without_restated([cell, sentence, again]) == [cell, sentence, again]
    # returned and carried over: the report's words disagree
    over = _amount(AmountRole.CARRIED_OVER, "apmērā pārcelts uz nākamo periodu", 30)
    said = _amount(AmountRole.RETURNED, "", 28)
    assert without_restated([said, over]) == [said, over]


def _year(ordinal: int, *amounts: tuple[AmountRole, Purpose | None, str]) -> FundingYear:
    span = Span("r.txt", ordinal, ordinal, 0, 1)
    return FundingYear(
        ordinal,
        None,
        None,
        tuple(Amount(r, p, E(v), v, "", span, currency="LVL") for r, p, v in amounts),
        span,
        plan_complete=False,
    )


def test_spending_beyond_the_money_carried_over_is_told_in_lati() -> None:
    # a year of lati sending 130,00 on for civil society, and a year after it naming no
    # money carried in that spends 30 330,00 of a plan of 30 000,00 for civil society
    cs = Purpose.CIVIL_SOCIETY
    before = _year(
        1, (AmountRole.CARRIED_OVER, None, "130.00"), (AmountRole.CARRIED_OVER, cs, "130.00")
    )
    after = _year(
        2,
        (AmountRole.PLANNED, None, "30000.00"),
        (AmountRole.PLANNED, cs, "30000.00"),
        (AmountRole.ACTUAL, None, "30130.00"),
        (AmountRole.ACTUAL, cs, "30330.00"),
    )

    def finding(code: str, message: str, span: Span, lv: str = "") -> Problem:
        return Problem(code, Severity.WARNING, message, span.file, span, lv)

    found = [(f.code, f.message, f.message_lv) for f in _beyond_carried(after, before, finding)]
    assert found == [
        (
            "funding.actual-above-planned",
            "year 2: actual 30 330,00 LVL for civil-society is more than planned 30 000,00 LVL"
            " and the 130,00 LVL the year before carried over",
            '2. gads: faktiski 30 330,00 LVL mērķim "pilsoniskās sabiedrības attīstībai" ir'
            " vairāk nekā plānotie 30 000,00 LVL un iepriekšējā gadā pārceltie 130,00 LVL",
        )
    ]
    # euro sent on into a year of lati: no sum of the two is the report's
    in_euro = replace(before, amounts=tuple(replace(a, currency="EUR") for a in before.amounts))
    assert list(_beyond_carried(after, in_euro, finding)) == []


def test_two_returns_of_the_same_sum_leave_no_remainder_mismatch() -> None:
    # 50 000,00 planned (line 28), 49 800,00 actual, 100,00 + 100,00 returned: it adds up
    assert [f.code for f in _two_returns().findings if f.code.startswith("funding.")] == []


_LINE = (
    "\t49 000,00 euro, t.sk. - 30 000,00 euro pilsoniskās sabiedrības attīstībai Vidzemes reģionā;"
)


def _split_line(partners: str) -> Parsed:
    """The minimal report, its year 1 civil-society actual line (line 27) split by the
    consortium's partners."""
    text = (FIXTURES / "reports" / "minimal.txt").read_text(encoding="utf-8")
    assert text.count(_LINE) == 1
    return parse_text(text.replace(_LINE, _LINE[:-1] + f" ({partners});"))


def test_a_purpose_line_split_by_partners_is_that_line_again() -> None:
    # 20 000,00 + 10 000,00 = the 30 000,00 civil-society line before the parenthesis
    parsed = _split_line("vadošais partneris 20 000,00 euro, sadarbības partneris 10 000,00 euro")
    assert parsed.report is not None
    first = parsed.report.funding[0]
    actual = [(a.purpose, a.value) for a in first.amounts if a.role is AmountRole.ACTUAL]
    assert actual == [
        (None, E("49000.00")),
        (Purpose.CIVIL_SOCIETY, E("30000.00")),
        (Purpose.MINORITY_NGOS, E("19000.00")),
    ]
    assert first.compared
    assert [f.code for f in parsed.findings if f.code.startswith("funding.")] == []
    # 20 000,00 + 11 000,00 is no sum before it: which it breaks down is unsure
    parsed = _split_line("vadošais partneris 20 000,00 euro, sadarbības partneris 11 000,00 euro")
    assert parsed.report is not None and not parsed.report.funding[0].compared
