"""Golden values for reports in forms the parser had not read, by people who read their
facts by hand before the parser ran (EXPECTED.md; the fixtures beside this module, the Word
one in `tests/fixtures/reports/unseen/`).

The fixtures: a report pasted into an e-mail reply, every line quoted with "> " under the
mail's header ("Subject: RE: Kopsavilkums – …") (Kurzeme, SIA, two planted); Markdown with
its years headed "### 1. gads (…)" (Vidzeme, clean); hard-wrapped PDF text with contract
years headed "2023./2024. īstenošanas gads (…)" (Kurzeme, one planted); Labklājības
ministrija's labels with a funding table of one column per calendar year (Vidzeme, clean);
VARAM's Markdown with "## Valsts budžeta līdzekļu izlietojums" (Kurzeme and Zemgale, two
planted); the older short template with its years "1.gads (…)" in an HTML cell (Zemgale,
clean); hard-wrapped PDF text of an SIA whose contract ended early (Rīga, two planted);
a Word table whose title is only in the page header and whose registration number is only
in a footnote (Kurzeme, one planted).

Besides, the forms behind them, each on a small report of its own.
"""

from __future__ import annotations

from decimal import Decimal as E

import pytest

from pipeline.model import FundingYear, LegalForm, Parsed, Severity
from pipeline.parse.text import unquote
from pipeline.read import read_report
from tests.conftest import parse_text
from tests.parse.golden import (
    BACK,
    CIVIL,
    MINORITY,
    MN,
    OVER,
    UNSEEN,
    A,
    D,
    P,
    amounts,
    report_of,
    years,
)

HERE = UNSEEN
FILES = {
    "mail": HERE / "kurzeme_email_quoted_sia_planted.txt",
    "markdown": HERE / "vidzeme_markdown_plain_year_headings.md",
    "contract": HERE / "kurzeme_pdf_text_contract_total_planted.txt",
    "welfare": HERE / "vidzeme_welfare_ministry_labels_wide_funding.txt",
    "environment": HERE / "kurzeme_zemgale_markdown_environment_ministry_labels_planted.md",
    "older": HERE / "zemgale_older_template_plain_year_headings.txt",
    "early_end": HERE / "riga_pdf_wrap_sia_early_end_planted.txt",
    # in the shared fixtures, where other modules read it too
    "word": UNSEEN / "kurzeme_word_title_in_header_reg_no_in_footnote_planted.docx",
}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return {key: read_report(path, path.name) for key, path in FILES.items()}


def _codes(parsed: Parsed) -> list[tuple[str, int | None]]:
    return sorted((f.code, f.span.line if f.span else None) for f in parsed.findings)


def _missing(parsed: Parsed) -> list[str]:
    return [f.message for f in parsed.findings if f.code == "structure.missing-section"]


def _totals(row: FundingYear) -> tuple[E | None, E | None]:
    planned, actual = row.total(P), row.total(A)
    return (
        planned.value if planned is not None else None,
        actual.value if actual is not None else None,
    )


def _groups(parsed: Parsed) -> list[tuple[int, int, int]]:
    """Per year: its ordinal, how many civil-society and how many minority activities."""
    rep = parsed.report
    assert rep is not None
    return [
        (
            y.ordinal,
            sum(1 for a in rep.activities if a.year == y.ordinal and a.group is CIVIL),
            sum(1 for a in rep.activities if a.year == y.ordinal and a.group is MINORITY),
        )
        for y in rep.years
    ]


# -- a report quoted in an e-mail ---------------------------------------------------------------


def test_a_report_quoted_in_an_email_is_read_whole(read: dict[str, Parsed]) -> None:
    parsed = read["mail"]
    rep = report_of(read, "mail")
    assert _missing(parsed) == []
    # the report's own title (lines 15–18), not the mail's "Subject: RE: Kopsavilkums – …"
    assert rep.title is not None and rep.title.value.startswith(
        "Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu veikšanu"
    )
    assert rep.title.span.line == 15
    assert rep.title_years == (2022, 2025)
    assert rep.region_in_title is not None and rep.region_in_title.key == "kurzeme"
    assert rep.region_in_title.span.line == 17
    imp = rep.implementer
    assert imp is not None and imp.registration_number is not None
    # 'SIA "Kurzemes Konsultāciju' / 'Birojs", vienotais reģistrācijas Nr. 42103098765'
    assert (imp.legal_form_text, imp.name.value, imp.registration_number.value) == (
        "SIA",
        "Kurzemes Konsultāciju Birojs",
        "42103098765",
    )
    assert rep.delegation_period is not None
    assert (rep.delegation_period.start, rep.delegation_period.end) == (
        D(2022, 7, 15),
        D(2025, 7, 14),
    )
    assert years(rep) == [
        (1, (D(2022, 7, 15), D(2023, 7, 14))),
        (2, (D(2023, 7, 15), D(2024, 7, 14))),
        (3, (D(2024, 7, 15), D(2025, 7, 14))),
    ]
    assert [(row.ordinal, *_totals(row)) for row in rep.funding] == [
        (1, E("49000.00"), E("48612.30")),
        (2, E("49387.70"), E("49737.70")),
        (3, E("49000.00"), E("48955.10")),
    ]
    assert (OVER, None, E("387.70")) in amounts(rep.funding[0])
    assert (BACK, None, E("44.90")) in amounts(rep.funding[2])
    for statement in (rep.irregular_expenditure, rep.unrecovered_amount, rep.other_information):
        assert statement is not None and statement.none


def test_the_contradictions_planted_in_the_quoted_report_are_found(
    read: dict[str, Parsed],
) -> None:
    codes = _codes(read["mail"])
    # the final conference on 12.09.2025., after year 3's and the delegation's end
    assert ("activity.date-outside-year", 43) in codes
    # year 2: actual 49 737,70 of 49 387,70 planned (the minority line 19 737,70 of 19 387,70)
    assert [c for c in codes if c[0] == "funding.actual-above-planned"] == [
        ("funding.actual-above-planned", 55),
        ("funding.actual-above-planned", 55),
    ]


def test_the_mail_around_the_quote_is_kept_as_written(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "mail")
    [mail] = rep.unlabelled
    assert mail.value.startswith("From: Ilze Kalniņa")
    assert "Subject: RE: Kopsavilkums – Kurzemes reģions (2022-2025)" in mail.value
    assert mail.span.line == 1


def test_a_report_quoted_twice_reads_as_written_once(minimal_text: str) -> None:
    plain = parse_text(minimal_text, "plain.txt")
    quoted_text = "".join(
        ">>" + (" " + line if line.strip() else line)
        for line in minimal_text.splitlines(keepends=True)
    )
    quoted = parse_text("Pārsūtu kopsavilkumu.\n\n" + quoted_text, "quoted.txt")
    assert plain.report is not None and quoted.report is not None
    assert [f.code for f in quoted.findings] == ["structure.unlabelled-text"]
    assert quoted.report.title is not None and plain.report.title is not None
    assert quoted.report.title.value == plain.report.title.value
    assert years(quoted.report) == years(plain.report)
    assert [amounts(r) for r in quoted.report.funding] == [amounts(r) for r in plain.report.funding]
    # a few lines opening with the mark among others are the text's own
    text = "Kopsavilkums\n> 50 dalībnieki\nteksts\n> 60 dalībnieki\nvēl teksts\nbeigas\n"
    assert unquote(text)[0] == text


# -- year headings ----------------------------------------------------------------------------


def test_markdown_years_headed_by_number_and_gads(read: dict[str, Parsed]) -> None:
    # "### 1. gads (2023. gada 1. marts – 2024. gada 29. februāris)"
    rep = report_of(read, "markdown")
    assert years(rep) == [
        (1, (D(2023, 3, 1), D(2024, 2, 29))),
        (2, (D(2024, 3, 1), D(2025, 2, 28))),
    ]
    assert all(y.stated for y in rep.years)
    assert _groups(read["markdown"]) == [(1, 6, 4), (2, 7, 4)]
    # each funding row is its year's
    assert [row.ordinal for row in rep.funding] == [1, 2]
    assert read["markdown"].findings == ()


def test_contract_years_named_by_their_calendar_years(read: dict[str, Parsed]) -> None:
    # "2023./2024. īstenošanas gads (01.04.2023.–31.03.2024.)"
    parsed = read["contract"]
    rep = report_of(read, "contract")
    assert years(rep) == [
        (1, (D(2023, 4, 1), D(2024, 3, 31))),
        (2, (D(2024, 4, 1), D(2025, 3, 31))),
    ]
    assert _groups(parsed) == [(1, 5, 3), (2, 6, 4)]
    codes = {code for code, _ in _codes(parsed)}
    assert not codes & {
        "structure.unread-heading",
        "structure.no-year-headings",
        "funding.unmatched-year",
    }
    assert [row.ordinal for row in rep.funding] == [1, 2]


def test_older_template_years_headed_1_gads_in_an_html_cell(
    read: dict[str, Parsed], minimal_text: str
) -> None:
    # "<p>1.gads (01.06.2016.–31.05.2017.)</p> <ol> 1) … </ol> <p>2.gads (…)</p>"
    rep = report_of(read, "older")
    assert years(rep) == [
        (1, (D(2016, 6, 1), D(2017, 5, 31))),
        (2, (D(2017, 6, 1), D(2018, 5, 31))),
    ]
    # a minorities-only task: every activity is the minority part's
    assert _groups(read["older"]) == [(1, 0, 5), (2, 0, 6)]
    first = [a for a in rep.activities if a.year == 1]
    assert [d.text for d in first[4].dates] == ["2016.gada 24.septembrī"]
    assert read["older"].findings == ()
    # a sentence opening with a year's number names no dates: no heading
    text = minimal_text.replace(
        "- 2) sniegtas vairāk nekā 40 konsultācijas;",
        "- 2) sniegtas vairāk nekā 40 konsultācijas;\n\n1. gads bija sekmīgs, un 2023. gadā …",
    )
    assert text != minimal_text
    parsed = parse_text(text)
    assert parsed.report is not None
    plain = parse_text(minimal_text)
    assert plain.report is not None
    assert years(parsed.report) == years(plain.report)


# -- other ministries' funding labels ---------------------------------------------------------


def test_welfare_ministry_funding_label(read: dict[str, Parsed]) -> None:
    # "Valsts budžeta līdzekļu izlietojums<TAB><TAB>2021<TAB>2022<TAB>2023<TAB>Kopā"
    parsed = read["welfare"]
    rep = report_of(read, "welfare")
    assert _missing(parsed) == []
    totals = [(row.calendar_year, *_totals(row)) for row in rep.funding]
    assert totals == [
        (2021, E("60000.00"), E("58412.36")),
        (2022, E("60000.00"), E("60000.00")),
        (2023, E("30000.00"), E("29874.10")),
    ]
    # the table is no part of year 3's last activity
    last = [a for a in rep.activities if a.year == 3][-1]
    assert last.text.value == "Publicēts 21 ieraksts mājaslapā un sociālajos tīklos."
    # a consistent report: nothing to warn of
    assert [f.code for f in parsed.findings if f.severity is not Severity.INFO] == []


def test_environment_ministry_funding_heading(read: dict[str, Parsed]) -> None:
    # "## Valsts budžeta līdzekļu izlietojums" and its two bullets
    parsed = read["environment"]
    rep = report_of(read, "environment")
    assert _missing(parsed) == []
    assert [(row.ordinal, *_totals(row)) for row in rep.funding] == [
        (1, E("45000.00"), E("44310.25")),
        (2, E("45000.00"), E("45000.00")),
    ]
    assert (BACK, None, E("689.75")) in amounts(rep.funding[0])
    # the bullets are no activities of year 2, nor their dates outside it
    assert _groups(parsed) == [(1, 6, 0), (2, 7, 0)]
    assert rep.years[1].notes == ()
    dated = [line for code, line in _codes(parsed) if code == "activity.date-outside-year"]
    # planted: year 1's forum on 18.04.2023., after the year's end
    assert dated == [26]


# -- a Word report's page header and footnotes -------------------------------------------------


def test_title_in_the_page_header_and_reg_no_in_a_footnote(read: dict[str, Parsed]) -> None:
    parsed = read["word"]
    rep = report_of(read, "word")
    assert rep.title is not None
    assert rep.title.value.startswith("Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu")
    assert rep.title.value.endswith("jomā Kurzemes reģionā (2021–2024)")
    assert rep.title_years == (2021, 2024)
    assert rep.region_in_title is not None and rep.region_in_title.key == "kurzeme"
    imp = rep.implementer
    assert imp is not None and imp.registration_number is not None
    assert imp.legal_form is LegalForm.ASSOCIATION
    assert imp.name.value == "Kurzemes pilsoniskās iniciatīvas centrs"
    # footnote 1: "Reģistrācijas Nr. 40008213578, juridiskā adrese: Lielā iela 12, …"
    assert imp.registration_number.value == "40008213578"
    # the footnote is the report's text, kept apart from every section's value
    assert [t.value for t in rep.unlabelled] == [
        "¹ Reģistrācijas Nr. 40008213578, juridiskā adrese: Lielā iela 12, Liepāja, LV-3401."
    ]
    assert rep.other_information is not None and rep.other_information.none
    codes = {code for code, _ in _codes(parsed)}
    assert "implementer.missing-registration-number" not in codes
    # planted: year III ends 2024-08-31, after the delegation's end
    assert "period.year-outside-delegation" in codes
    assert years(rep)[2] == (3, (D(2023, 8, 1), D(2024, 8, 31)))


def test_a_footnote_gives_the_number_the_cell_does_not(minimal_text: str) -> None:
    cell = "Biedrība „Vidzemes NVO tīkls”, reģistrācijas Nr.40008000001"
    assert cell in minimal_text
    text = minimal_text.replace(cell, "Biedrība „Vidzemes NVO tīkls”²") + (
        "\n² Vienotais reģistrācijas Nr. 40008999999.\n"
    )
    parsed = parse_text(text)
    rep = parsed.report
    assert rep is not None and rep.implementer is not None
    assert rep.implementer.name.value == "Vidzemes NVO tīkls"
    number = rep.implementer.registration_number
    assert number is not None and number.value == "40008999999"
    assert number.span.line == text.count("\n")
    # where the cell states its number, a footnote's other number does not change it
    text = (
        minimal_text.replace(cell, "Biedrība „Vidzemes NVO tīkls”¹, reģistrācijas Nr.40008000001")
        + "\n¹ Reģistrācijas Nr. 40008999999.\n"
    )
    parsed = parse_text(text)
    assert parsed.report is not None and parsed.report.implementer is not None
    number = parsed.report.implementer.registration_number
    assert number is not None and number.value == "40008000001"


# -- the short answers ----------------------------------------------------------------------


def test_other_information_states_no_amount(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "early_end")
    other = rep.other_information
    # "… tam paredzētais finansējums 45 000,00 euro īstenotājam netika pārskaitīts."
    assert other is not None and "45 000,00" in other.text.value
    assert (other.none, other.amount, other.value) == (False, None, None)


def test_an_amount_with_its_vat_in_parentheses_is_one_amount(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "early_end")
    # "1 250,00 euro (t.sk. PVN 216,94 euro) – 2022.gada septembrī apmaksāts …"
    irregular = rep.irregular_expenditure
    assert irregular is not None and irregular.value == E("1250.00")
    unrecovered = rep.unrecovered_amount
    assert unrecovered is not None and unrecovered.value == E("1450.00")
    imp = rep.implementer
    assert imp is not None and imp.registration_number is not None
    # 'SIA „Kopienu attīstības birojs”, reģistrācijas Nr.' / '40103927751'
    assert (imp.legal_form_text, imp.name.value, imp.registration_number.value) == (
        "SIA",
        "Kopienu attīstības birojs",
        "40103927751",
    )
    assert (P, MN, E("15000.00")) in amounts(rep.funding[1])
