"""Golden values for the header fields of reports by independent testers, who read their
facts by hand before the parser ran (`tests/fixtures/reports/unseen/`).

The title's years written as one year ("(2014)", a one-year contract: Rīga), with a dot
after each year ("(2022.-2025.)", "(2022.–2025.)": Rīga, Vidzeme) or with the word "gads"
("(2012.–2013. gads)": Zemgale); the registration number's words typed without diacritics
("registracijas Nr.": Kurzeme) or in capitals ("REG. NR.": Latgale); and a note in
brackets after the delegation period on its line, which gives the original end of a
period extended by an amendment (Latgale, Rīga).
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.model import LegalForm, Parsed, Report
from pipeline.parse.fields import read_implementer
from pipeline.parse.text import SourcedText, SourceFile
from tests.conftest import parse_text
from tests.parse.golden import read_unseen, report_of

D = dt.date
FILES = {
    "one_year": "riga_calendar_year_statement_rows_thousands.txt",
    "gads": "zemgale_year_words_lati_contract_total_planted.txt",
    "docx_dots": "riga_word_dotted_title_years_nested_funding_header_planted.docx",
    "md_dots": "vidzeme_markdown_bulleted_labels_dotted_title_years_planted.md",
    "plain_reg": "kurzeme_values_without_diacritics_registracijas_nr.txt",
    "caps_reg": "latgale_caps_activities_without_diacritics_space_aligned_funding.txt",
    "extended": "latgale_calendar_years_carried_in_total_row.txt",
    "extension": "riga_extension_period_moved_forum.txt",
}
TITLE_ROW = "(2022-2025)\n"  # the minimal report's title ends with it, on a line of its own


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _codes(parsed: Parsed) -> set[tuple[str, int]]:
    return {(f.code, f.span.line if f.span else 0) for f in parsed.findings}


# -- the title's years ----------------------------------------------------------------------


def test_a_one_year_title_is_that_year_and_agrees_with_its_one_year_period(
    read: dict[str, Parsed],
) -> None:
    """r4 l.2: "… Rīgas reģionā izpildi (2014)" (EXPECTED: year 2014), the delegation
    period 01.03.2014. – 31.12.2014. (l.6): the title names the period's one year, so
    there is no title-span mismatch."""
    rep = report_of(read, "one_year")
    assert rep.title_years == (2014, 2014)
    assert rep.title is not None and rep.title.value.endswith("Rīgas reģionā izpildi (2014)")
    assert rep.title.span.line == 2
    assert rep.delegation_period is not None
    assert (rep.delegation_period.start, rep.delegation_period.end) == (
        D(2014, 3, 1),
        D(2014, 12, 31),
    )
    assert not any(f.code == "period.title-span-mismatch" for f in read["one_year"].findings)


def test_title_years_with_dots_and_the_word_gads(read: dict[str, Parsed]) -> None:
    """r5 l.3-6: the title's last line is "(2012.–2013. gads)" (EXPECTED: 2012–2013); the
    period (l.15) runs 2012-07-01 – 2013-06-30, which the title agrees with. The ministry's
    name above the title (l.1) is no part of it."""
    rep = report_of(read, "gads")
    assert rep.title_years == (2012, 2013)
    assert rep.title is not None
    assert rep.title.value == (
        "Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu veikšanu mazākumtautību"
        " nevalstisko organizāciju līdzdalības veicināšanas jomā Zemgales reģionā"
        " (2012.–2013. gads)"
    )
    assert not any(f.code == "period.title-span-mismatch" for f in read["gads"].findings)


@pytest.mark.parametrize(
    ("key", "ending"),
    [
        ("docx_dots", "jomā Rīgas reģionā (2022.-2025.)"),
        ("md_dots", "jomā Vidzemes reģionā (2022.–2025.)"),
    ],
)
def test_title_years_with_a_dot_after_each_year(
    read: dict[str, Parsed], key: str, ending: str
) -> None:
    """R4.docx l.1 "(2022.-2025.)" and r8.md l.1 "(2022.–2025.)" (EXPECTED: 2022–2025).
    The Markdown title is its first line alone: the bulleted rows under it are not."""
    rep = report_of(read, key)
    assert rep.title_years == (2022, 2025)
    assert rep.title is not None
    assert rep.title.value.startswith("Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu")
    assert rep.title.value.endswith(ending)
    assert not any(f.code == "period.title-span-mismatch" for f in read[key].findings)


@pytest.mark.parametrize(
    ("written", "years"),
    [
        ("(2022.-2025.)", (2022, 2025)),
        ("(2022. – 2025. gads)", (2022, 2025)),
        ("(2022–2025 gadi)", (2022, 2025)),
        ("(2022.—2025. G.)", (2022, 2025)),
    ],
)
def test_forms_of_the_title_span(minimal_text: str, written: str, years: tuple[int, int]) -> None:
    assert TITLE_ROW in minimal_text
    rep = parse_text(minimal_text.replace(TITLE_ROW, written + "\n")).report
    assert rep is not None and rep.title_years == years
    assert rep.title is not None and rep.title.value.endswith(written)


def test_one_year_is_the_titles_only_where_it_ends_its_line(minimal_text: str) -> None:
    """A year in brackets with more of the title after it on its line may say something
    else of the title, and is left unread; ending the line, it is the title's. A one-year
    title that is not the delegation period's (2022-07-15 – 2025-07-14) is a mismatch."""
    ending = parse_text(minimal_text.replace(TITLE_ROW, "(2014. gads)\n"))
    rep = ending.report
    assert rep is not None and rep.title_years == (2014, 2014)
    assert ("period.title-span-mismatch", 1) in _codes(ending)
    within = parse_text(minimal_text.replace(TITLE_ROW, "(2014) izpildi\n")).report
    assert within is not None and within.title_years is None


# -- the registration number ----------------------------------------------------------------


def test_registracijas_nr_without_diacritics(read: dict[str, Parsed]) -> None:
    """c2 l.4: 'nodibinajums "Kurzemes vides izglitibas fonds", registracijas Nr.
    40008205517' (EXPECTED: foundation, reg. 40008205517): no missing-number warning."""
    rep = report_of(read, "plain_reg")
    imp = rep.implementer
    assert imp is not None
    assert imp.registration_number is not None
    assert imp.registration_number.value == "40008205517"
    assert imp.registration_number.span.line == 4
    assert (imp.legal_form, imp.legal_form_text) == (LegalForm.FOUNDATION, "nodibinajums")
    assert imp.name.value == "Kurzemes vides izglitibas fonds"
    assert not any(
        f.code == "implementer.missing-registration-number" for f in read["plain_reg"].findings
    )


def test_reg_nr_in_capitals_without_diacritics(read: dict[str, Parsed]) -> None:
    """c6 l.7: 'BIEDRIBA "LATGALES JAUNIESU ALIANSE", REG. NR. 40008171802' (EXPECTED:
    reg. 40008171802)."""
    rep = report_of(read, "caps_reg")
    imp = rep.implementer
    assert imp is not None and imp.registration_number is not None
    assert imp.registration_number.value == "40008171802"
    assert (imp.legal_form, imp.name.value) == (LegalForm.ASSOCIATION, "LATGALES JAUNIESU ALIANSE")
    assert not any(
        f.code == "implementer.missing-registration-number" for f in read["caps_reg"].findings
    )


CELLS = [
    (
        "Biedriba Kurzemes NVO centrs registracijas Nr. 40008012345",
        "Kurzemes NVO centrs",
        "40008012345",
    ),
    ("Biedrība „Kurzemes NVO centrs”, Reg.Nr.40008012345", "Kurzemes NVO centrs", "40008012345"),
    (
        "BIEDRIBA „KURZEMES NVO CENTRS”, REGISTRACIJAS NUMURS 40008012345",
        "KURZEMES NVO CENTRS",
        "40008012345",
    ),
    # "reg" beginning another word ("regionala") is no registration number's
    (
        "Biedrība „Kurzemes regionala centrs”, regionala nodala Nr. 40008012345",
        "Kurzemes regionala centrs",
        None,
    ),
]


def test_registration_words_without_diacritics() -> None:
    """The words typed plain, in any case, before the number; with no quotes the name ends
    where they begin."""
    for cell, name, number in CELLS:
        imp = read_implementer(SourcedText.of(cell), SourceFile("cell.txt", cell))
        assert imp is not None and imp.name.value == name, cell
        found = imp.registration_number.value if imp.registration_number else None
        assert found == number, cell


# -- a note after the delegation period -----------------------------------------------------


def _period_keeps_note(
    parsed: Parsed, rep: Report, line: int, dates: tuple[D, D], text: str
) -> None:
    period = rep.delegation_period
    assert period is not None
    assert (period.start, period.end) == dates
    assert period.text == text
    assert (period.span.line, period.span.end_line) == (line, line)
    assert rep.source_text[period.span.start : period.span.end] == text
    note = text[text.index("(") :]
    assert not any(note in t.value for t in rep.unlabelled)
    assert ("structure.unlabelled-text", line) not in _codes(parsed)


def test_the_original_end_of_an_extended_period_stays_with_the_period(
    read: dict[str, Parsed],
) -> None:
    """r02 l.6: the period 2020-09-01 – 2021-03-31 "(originally to 2020-12-31, extended
    by 10.12.2020 amendment)", as EXPECTED reads the note with the period."""
    _period_keeps_note(
        read["extended"],
        report_of(read, "extended"),
        6,
        (D(2020, 9, 1), D(2021, 3, 31)),
        "01.09.2020. – 31.03.2021. (sākotnēji līdz 31.12.2020.; termiņš pagarināts ar 2020."
        " gada 10. decembra vienošanos par grozījumiem līgumā Nr. 2.5-7/112)",
    )


def test_an_extension_by_amendment_stays_with_the_period(read: dict[str, Parsed]) -> None:
    """r08 l.8: the period 2024-01-01 – 2026-03-31 "(originally to 2025-12-31, extended
    by amendment of 01.12.2025)"."""
    _period_keeps_note(
        read["extension"],
        report_of(read, "extension"),
        8,
        (D(2024, 1, 1), D(2026, 3, 31)),
        "2024.gada 1.janvāris līdz 2026.gada 31.marts (līgums noslēgts līdz 2025.gada"
        " 31.decembrim, ar 2025.gada 1.decembra grozījumiem Nr. 1 pagarināts līdz 2026.gada"
        " 31.martam bez papildu finansējuma)",
    )


PERIOD_ROW = (
    "Valsts pārvaldes uzdevuma deleģēšanas periods\t2022.gada 15.jūlijs līdz 2025.gada 14.jūlijs\n"
)


def test_a_note_wrapped_within_its_brackets_is_the_periods_and_other_remarks_are_not(
    minimal_text: str,
) -> None:
    """A note whose brackets close on the next line (a copied PDF's wrap) is the period's;
    a remark not in brackets, or a bracket with more text after it on its line, is kept
    outside the period as before."""
    assert PERIOD_ROW in minimal_text
    dates = "01.01.2023.–31.12.2024."
    wrapped = "(sākotnēji līdz 30.06.2024.;\ntermiņš pagarināts ar grozījumiem)"
    row = f"Valsts pārvaldes uzdevuma deleģēšanas periods\t{dates} {wrapped}\n"
    rep = parse_text(minimal_text.replace(PERIOD_ROW, row)).report
    assert rep is not None and rep.delegation_period is not None
    assert rep.delegation_period.text == f"{dates} {' '.join(wrapped.split())}"
    assert rep.unlabelled == ()
    for remark in ("– pagarināts ar grozījumiem", "(pagarināts) ar grozījumiem"):
        row = f"Valsts pārvaldes uzdevuma deleģēšanas periods\t{dates} {remark}\n"
        rep = parse_text(minimal_text.replace(PERIOD_ROW, row)).report
        assert rep is not None and rep.delegation_period is not None
        assert rep.delegation_period.text == dates
        assert [t.value for t in rep.unlabelled] == [remark.lstrip("– ")], remark
