"""The implementer's legal form beyond associations and foundations: companies (SIA, AS),
religious organisations, trade unions and the other forms of the Latvian registers, as
real cells write them, and the words of a name that only look like a form."""

from __future__ import annotations

import pytest

from pipeline.model import LegalForm
from pipeline.parse.fields import read_implementer
from pipeline.parse.text import SourcedText, SourceFile
from tests.conftest import FIXTURES, parse_text

CELL = "Biedrība „Vidzemes NVO tīkls”, reģistrācijas Nr.40008000001"
LTD = LegalForm.LIMITED_LIABILITY_COMPANY
JSC = LegalForm.JOINT_STOCK_COMPANY
REL = LegalForm.RELIGIOUS_ORGANISATION
NAME, NUMBER = "Kopienu konsultācijas", "40103982164"


def _read(minimal_text: str, cell: str) -> tuple[LegalForm | None, str | None, str, str | None]:
    assert minimal_text.count(CELL) == 1
    report = parse_text(minimal_text.replace(CELL, cell)).report
    assert report is not None and report.implementer is not None
    imp = report.implementer
    number = imp.registration_number.value if imp.registration_number else None
    return imp.legal_form, imp.legal_form_text, imp.name.value, number


@pytest.mark.parametrize(
    ("cell", "form", "written"),
    [
        # the abbreviation before the name, in either kind of quotes
        (f"SIA „{NAME}”, reģ. Nr. {NUMBER}", LTD, "SIA"),
        (f'SIA "{NAME}", reģ. Nr. {NUMBER}', LTD, "SIA"),
        # after it: bare, after a comma, in parentheses
        (f"„{NAME}” SIA, reģ. Nr. {NUMBER}", LTD, "SIA"),
        (f"„{NAME}”, SIA, reģ. Nr. {NUMBER}", LTD, "SIA"),
        (f"„{NAME}” (SIA), reģ. Nr. {NUMBER}", LTD, "SIA"),
        (f"{NAME} (SIA), reģ. Nr. {NUMBER}", LTD, "SIA"),
        (f"{NAME} SIA, reģ. Nr. {NUMBER}", LTD, "SIA"),
        # in words, in capitals, without diacritics
        (f"Sabiedrība ar ierobežotu atbildību „{NAME}”, reģ. Nr. {NUMBER}", LTD,
         "Sabiedrība ar ierobežotu atbildību"),
        (f"SABIEDRĪBA AR IEROBEŽOTU ATBILDĪBU „{NAME}”, reģ. Nr. {NUMBER}", LTD,
         "SABIEDRĪBA AR IEROBEŽOTU ATBILDĪBU"),
        (f"Sabiedriba ar ierobezotu atbildibu „{NAME}”, reģ. Nr. {NUMBER}", LTD,
         "Sabiedriba ar ierobezotu atbildibu"),
        # a state's company is a company of the same form
        (f"VSIA „{NAME}”, reģ. Nr. {NUMBER}", LTD, "VSIA"),
        (f"AS „{NAME}”, reģ. Nr. {NUMBER}", JSC, "AS"),
        (f"A/S „{NAME}”, reģ. Nr. {NUMBER}", JSC, "A/S"),
        (f"akciju sabiedrība „{NAME}”, reģ. Nr. {NUMBER}", JSC, "akciju sabiedrība"),
        (f"„{NAME}”, akciju sabiedrība, reģ. Nr. {NUMBER}", JSC, "akciju sabiedrība"),
        (f"VAS „{NAME}”, reģ. Nr. {NUMBER}", JSC, "VAS"),
        (f"Reliģiskā organizācija „{NAME}”, reģ. Nr. {NUMBER}", REL, "Reliģiskā organizācija"),
        (f"Religiska organizacija „{NAME}”, reģ. Nr. {NUMBER}", REL, "Religiska organizacija"),
        (f"Draudze „{NAME}”, reģ. Nr. {NUMBER}", REL, "Draudze"),
        (f"Reliģiskās organizācijas iestāde „{NAME}”, reģ. Nr. {NUMBER}",
         LegalForm.RELIGIOUS_INSTITUTION, "Reliģiskās organizācijas iestāde"),
        (f"Arodbiedrība „{NAME}”, reģ. Nr. {NUMBER}", LegalForm.TRADE_UNION, "Arodbiedrība"),
        (f"ARODBIEDRIBA „{NAME}”, reģ. Nr. {NUMBER}", LegalForm.TRADE_UNION, "ARODBIEDRIBA"),
        (f"Politiskā partija „{NAME}”, reģ. Nr. {NUMBER}", LegalForm.POLITICAL_PARTY,
         "Politiskā partija"),
        (f"Kooperatīvā sabiedrība „{NAME}”, reģ. Nr. {NUMBER}", LegalForm.COOPERATIVE_SOCIETY,
         "Kooperatīvā sabiedrība"),
        (f"IK „{NAME}”, reģ. Nr. {NUMBER}", LegalForm.INDIVIDUAL_MERCHANT, "IK"),
        (f"Individuālais komersants „{NAME}”, reģ. Nr. {NUMBER}",
         LegalForm.INDIVIDUAL_MERCHANT, "Individuālais komersants"),
        # the two forms read before, now also without diacritics or in capitals
        (f"biedriba „{NAME}”, reģ. Nr. {NUMBER}", LegalForm.ASSOCIATION, "biedriba"),
        (f"BIEDRĪBA „{NAME}”, reģ. Nr. {NUMBER}", LegalForm.ASSOCIATION, "BIEDRĪBA"),
        (f"Nodibinajums „{NAME}”, reģ. Nr. {NUMBER}", LegalForm.FOUNDATION, "Nodibinajums"),
    ],
)  # fmt: skip
def test_a_legal_form_as_real_cells_write_it(
    minimal_text: str, cell: str, form: LegalForm, written: str
) -> None:
    assert _read(minimal_text, cell) == (form, written, NAME, NUMBER)


@pytest.mark.parametrize(
    ("cell", "expected"),
    [
        # a form's words inside the name, the cell beginning with the form
        (
            "Biedrība „Latvijas akciju sabiedrību asociācija”, reģ. Nr. 40008000002",
            (LegalForm.ASSOCIATION, "Biedrība", "Latvijas akciju sabiedrību asociācija"),
        ),
        (
            "Biedrība „SIA un AS vadītāju klubs”, reģ. Nr. 40008000002",
            (LegalForm.ASSOCIATION, "Biedrība", "SIA un AS vadītāju klubs"),
        ),
        # or without one: the name's words name no form
        (
            "„Latvijas akciju sabiedrību asociācija”, reģ. Nr. 40008000002",
            (None, None, "Latvijas akciju sabiedrību asociācija"),
        ),
        (
            "Latvijas akciju sabiedrību asociācija, reģ. Nr. 40008000002",
            (None, None, "Latvijas akciju sabiedrību asociācija"),
        ),
        # a congregation's name ends in "draudze" as its own word: left unread, as written
        (
            "Cēsu evaņģēliski luteriskā draudze, reģ. Nr. 40008000002",
            (None, None, "Cēsu evaņģēliski luteriskā draudze"),
        ),
    ],
)
def test_a_form_word_inside_a_name_is_no_legal_form(
    minimal_text: str, cell: str, expected: tuple[LegalForm | None, str | None, str]
) -> None:
    assert _read(minimal_text, cell) == (*expected, "40008000002")


def test_an_abbreviation_in_small_letters_is_a_word_not_a_form() -> None:
    """Small letters are no abbreviation: "as" is a word of the language, and "sia" after a
    name is left as the cell writes it, not read as SIA."""
    cell = "„Kopienu konsultācijas” sia, reģ. Nr. 40103982164"
    imp = read_implementer(SourcedText.of(cell), SourceFile("x.txt", cell))
    assert imp is not None
    assert (imp.legal_form, imp.legal_form_text) == (None, None)


def test_a_form_in_words_over_a_line_break_is_read_as_written() -> None:
    cell = "Sabiedrība ar ierobežotu\natbildību „Kopienu konsultācijas”,\nreģ. Nr. 40103982164"
    imp = read_implementer(SourcedText.of(cell), SourceFile("x.txt", cell))
    assert imp is not None
    assert (imp.legal_form, imp.legal_form_text, imp.name.value) == (
        LTD,
        "Sabiedrība ar ierobežotu atbildību",
        "Kopienu konsultācijas",
    )


def test_the_company_reports_of_the_unseen_fixtures_name_a_company() -> None:
    """The reports already kept whose implementer is an SIA ("SIA „Kopienu konsultācijas”,
    Reģ. Nr. LV40103982164") read with the company's form."""
    for name, company in [
        ("unseen/vidzeme_company_letterhead_footnotes.txt", "Kopienu konsultācijas"),
        ("unseen/riga_pdf_wrap_sia_early_end_planted.txt", "Kopienu attīstības birojs"),
        ("unseen/kurzeme_email_quoted_sia_planted.txt", "Kurzemes Konsultāciju Birojs"),
    ]:
        text = (FIXTURES / "reports" / name).read_text(encoding="utf-8")
        report = parse_text(text, name).report
        assert report is not None and report.implementer is not None, name
        imp = report.implementer
        assert (imp.legal_form, imp.legal_form_text, imp.name.value) == (LTD, "SIA", company)
