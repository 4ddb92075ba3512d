"""Golden values for the header fields of two reports written after an independent tester's
round 8 (`tests/fixtures/reports/unseen/fields_*.txt`), read by hand.

A consortium's implementer cell: the lead's legal form written in lower case after other
words ("vadošais partneris nodibinājums „…”") is its form, and the partner it names beside
it is said (`implementer.partner-not-modelled`), never dropped without a word. A period
one of whose dates does not exist ("01.10.2021. – 31.09.2023.": September has 30 days)
keeps the date that does; the impossible one alone is left unread.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.model import LegalForm, Parsed, Severity
from pipeline.parse.decode import decode
from pipeline.parse.fields import read_implementer
from pipeline.parse.implementer_partners import CODE, partner_problems, partners
from pipeline.parse.period_dates import partly_read_period, unreadable_because
from pipeline.parse.sections import Section, split_sections
from pipeline.parse.text import SourcedText, SourceFile, clean
from tests.conftest import parse_text
from tests.parse.golden import UNSEEN, read_unseen, report_of, years

D = dt.date
FILES = {
    "consortium": "fields_consortium_lead_form_lower_case_partner_numbered.txt",
    "impossible": "fields_impossible_period_end_address_and_representative_planted.txt",
}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _cell_problems(key: str) -> list[tuple[str, Severity, int | None, str, str]]:
    """The partner findings of a fixture's implementer cell, as the parser's own read of
    its sections gives that cell."""
    name = FILES[key]
    decoded = decode((UNSEEN / name).read_bytes(), name)
    assert decoded.text is not None
    source = SourceFile(name, decoded.text)
    cell = split_sections(clean(decoded.text)).sections[Section.IMPLEMENTER]
    return [
        (p.code, p.severity, p.line, p.message, p.message_lv)
        for p in partner_problems(cell, source, name)
    ]


def _cell(text: str) -> tuple[SourcedText, SourceFile]:
    return SourcedText.of(text), SourceFile("cell.txt", text)


# -- the consortium ----------------------------------------------------------------------


def test_the_leads_form_in_lower_case_after_other_words_is_read(read: dict[str, Parsed]) -> None:
    """l.9: "Konsorcijs: vadošais partneris nodibinājums „Zemgales pilsoniskās iniciatīvas
    fonds”, reģistrācijas Nr. 40008345672, un sadarbības partneris biedrība „Bauskas
    kopienu tīkls”, reģistrācijas Nr. 40008456783 (…)": the implementer is the lead, a
    foundation, with its own number, not the partner's."""
    imp = report_of(read, "consortium").implementer
    assert imp is not None
    assert imp.legal_form is LegalForm.FOUNDATION
    assert imp.legal_form_text == "nodibinājums"
    assert imp.name.value == "Zemgales pilsoniskās iniciatīvas fonds"
    assert imp.registration_number is not None
    assert imp.registration_number.value == "40008345672"
    assert imp.name.span.line == imp.registration_number.span.line == 9


def test_the_partner_is_said_with_its_name_and_number() -> None:
    """The partner, biedrība „Bauskas kopienu tīkls”, Nr. 40008456783, is no part of the
    model: an information finding names it, in both languages, at its words in l.9."""
    found = _cell_problems("consortium")
    assert len(found) == 1
    code, severity, line, en, lv = found[0]
    assert (code, severity, line) == (CODE, Severity.INFO, 9)
    assert en.startswith(
        "the implementer's cell also names a partner, 'Bauskas kopienu tīkls' (registration"
        " number 40008456783)"
    )
    assert lv.startswith(
        "īstenotāja šūnā minēts arī partneris „Bauskas kopienu tīkls” (reģistrācijas Nr."
        " 40008456783)"
    )


def test_the_partners_span_is_its_words_as_written() -> None:
    name = FILES["consortium"]
    text = (UNSEEN / name).read_text(encoding="utf-8")
    source = SourceFile(name, text)
    cell = split_sections(clean(text)).sections[Section.IMPLEMENTER]
    (partner,) = partners(cell, source)
    assert partner.name is not None and partner.name.value == "Bauskas kopienu tīkls"
    assert partner.registration_number is not None
    assert partner.registration_number.value == "40008456783"
    written = "biedrība „Bauskas kopienu tīkls”, reģistrācijas Nr. 40008456783"
    assert partner.text.value == written
    assert text[partner.text.span.start : partner.text.span.end] == written


def test_the_consortium_report_reads_as_written_otherwise(read: dict[str, Parsed]) -> None:
    """The leap day 29.02.2024 ends year I (l.10, l.28); no warning at all."""
    rep = report_of(read, "consortium")
    assert rep.delegation_period is not None
    assert (rep.delegation_period.start, rep.delegation_period.end) == (
        D(2023, 3, 1),
        D(2025, 2, 28),
    )
    assert years(rep) == [
        (1, (D(2023, 3, 1), D(2024, 2, 29))),
        (2, (D(2024, 3, 1), D(2025, 2, 28))),
    ]
    assert [f.code for f in read["consortium"].findings if f.severity is not Severity.INFO] == []


# -- the impossible date -----------------------------------------------------------------


def test_the_periods_existing_start_is_kept(read: dict[str, Parsed]) -> None:
    """l.10 "01.10.2021. – 31.09.2023.": the start 1 October 2021 is read, the end (no 31
    September) is left unread, and the text is kept as written."""
    period = report_of(read, "impossible").delegation_period
    assert period is not None
    assert (period.start, period.end) == (D(2021, 10, 1), None)
    assert period.text == "01.10.2021. – 31.09.2023."
    assert period.span.line == 10


def test_a_year_headings_existing_start_is_kept(read: dict[str, Parsed]) -> None:
    """l.20 "II. ĪSTENOŠANAS GADS (01.10.2022. – 31.09.2023.)": year II starts 1 October
    2022, its end (no 31 September) is unread; year I (l.11) is read whole."""
    rep = report_of(read, "impossible")
    assert [(y.ordinal, y.period.start, y.period.end) for y in rep.years if y.period] == [
        (1, D(2021, 10, 1), D(2022, 9, 30)),
        (2, D(2022, 10, 1), None),
    ]


def test_the_unreadable_periods_say_which_date_does_not_exist(read: dict[str, Parsed]) -> None:
    messages = [f.message for f in read["impossible"].findings if f.code == "period.unreadable"]
    assert len(messages) == 2
    assert all("31.09.2023. does not exist: September 2023 has 30 days" in m for m in messages)


def test_the_impossible_dates_are_the_only_warnings(read: dict[str, Parsed]) -> None:
    """The delegation period (l.10) and year II's heading (l.20) are unreadable; the cell
    with an address in quotes („Ozolkalni”) and a representative names no partner."""
    found = sorted((f.code, f.line) for f in read["impossible"].findings)
    assert found == [("period.unreadable", 10), ("period.unreadable", 20)]
    assert _cell_problems("impossible") == []


def test_the_ordinary_cell_is_read_whole(read: dict[str, Parsed]) -> None:
    imp = report_of(read, "impossible").implementer
    assert imp is not None
    assert imp.legal_form is LegalForm.ASSOCIATION
    assert imp.name.value == "Krāslavas NVO resursu centrs"
    assert imp.registration_number is not None
    assert imp.registration_number.value == "40008567894"


@pytest.mark.parametrize(
    ("written", "start", "end"),
    [
        ("01.07.2022. – 31.06.2024.", D(2022, 7, 1), None),
        ("2023. gada 29. februāris līdz 2024. gada 1. martam", None, D(2024, 3, 1)),
        ("2022-07-01 – 2024-06-31", D(2022, 7, 1), None),
    ],
)
def test_a_period_with_one_impossible_date_keeps_the_other(
    written: str, start: dt.date | None, end: dt.date | None
) -> None:
    found = partly_read_period(written)
    assert found is not None
    assert (found.start, found.end) == (start, end)
    assert written[found.begin : found.stop] == written


def test_a_period_of_two_impossible_dates_or_none_is_not_read_partly() -> None:
    assert partly_read_period("30.02.2023. – 31.04.2024.") is None
    assert partly_read_period("15.07.2022. – 14.07.2025.") is None


def test_why_a_date_does_not_exist_is_said_in_both_languages() -> None:
    assert unreadable_because("01.10.2021. – 31.09.2023.") == (
        "31.09.2023. does not exist: September 2023 has 30 days",
        "31.09.2023. nav datums: 2023. gada septembrī ir 30 dienas",
    )
    assert unreadable_because("29.02.2023. – 31.12.2023.") == (
        "29.02.2023. does not exist: February 2023 has 28 days",
        "29.02.2023. nav datums: 2023. gada februārī ir 28 dienas",
    )
    assert unreadable_because("01.13.2022. – 30.06.2023.") == (
        "01.13.2022. does not exist: there is no month 13",
        "01.13.2022. nav datums: nav 13. mēneša",
    )
    assert unreadable_because("15.07.2022. – 14.07.2025.") is None


def test_the_remainder_of_a_partly_read_period_is_kept(minimal_text: str) -> None:
    """A remark after a period read partly stays text outside any section, as it does after
    one read whole."""
    line = "2022.gada 15.jūlijs līdz 2025.gada 14.jūlijs"
    assert line in minimal_text
    written = "15.07.2022. – 31.06.2025., ar grozījumiem"
    rep = parse_text(minimal_text.replace(line, written)).report
    assert rep is not None and rep.delegation_period is not None
    assert (rep.delegation_period.start, rep.delegation_period.end) == (D(2022, 7, 15), None)
    assert rep.delegation_period.text == "15.07.2022. – 31.06.2025."
    assert "ar grozījumiem" in [t.value for t in rep.unlabelled]


# -- cells that name no partner, and partners written otherwise --------------------------


@pytest.mark.parametrize(
    "cell",
    [
        "Biedrība „Vidzemes NVO tīkls”, reģistrācijas Nr.40008000001 (turpmāk – īstenotājs)",
        # an address with a house's name in quotes, and a representative
        "Biedrība „Dagdas kopiena”, reģ. Nr. 40008111222, adrese: „Liepas”, Ezernieku pagasts;"
        " pārstāvis – valdes loceklis Jānis Ozols",
        # the implementer called the partner of the contract
        "Nodibinājums „Talsu fonds” (turpmāk – Partneris), reģ. Nr. 40008222333",
        # a predecessor, not a partner
        "Biedrība „Jaunā kopiena”, reģ. Nr. 40008333444 (līdz 2023. gada 1. martam – biedrība"
        " „Vecā kopiena”, reģ. Nr. 40008444555)",
        # the same number again as a VAT number
        "SIA „Kopienu birojs”, reģ. Nr. 40103555666, PVN reģ. Nr. LV40103555666",
    ],
)
def test_a_cell_of_one_organisation_names_no_partner(cell: str) -> None:
    value, source = _cell(cell)
    assert partners(value, source) == ()
    assert partner_problems(value, source, "cell.txt") == []


def test_a_partner_after_an_unquoted_lead_is_named() -> None:
    cell = (
        "SIA Kopienu birojs, reģ. Nr. 40103555666, sadarbībā ar biedrību „Kandavas jauniešu"
        " klubs”, reģ. Nr. 40008666777"
    )
    value, source = _cell(cell)
    imp = read_implementer(value, source)
    assert imp is not None and imp.name.value == "Kopienu birojs"
    (partner,) = partners(value, source)
    assert partner.name is not None and partner.name.value == "Kandavas jauniešu klubs"
    assert partner.registration_number is not None
    assert partner.registration_number.value == "40008666777"


def test_a_partner_named_without_quotes_is_said_by_its_number() -> None:
    cell = (
        "Biedrība „Tukuma NVO centrs”, reģ. Nr. 40008777888, kopā ar sadarbības partneri"
        " Tukuma novada pašvaldību, reģ. Nr. 90000050138"
    )
    value, source = _cell(cell)
    (partner,) = partners(value, source)
    assert partner.name is None
    assert partner.registration_number is not None
    assert partner.registration_number.value == "90000050138"
    assert partner.text.value == (
        "kopā ar sadarbības partneri Tukuma novada pašvaldību, reģ. Nr. 90000050138"
    )
    (problem,) = partner_problems(value, source, "cell.txt")
    assert "registration number 90000050138" in problem.message
