"""Golden values for the structure of reports by two more independent testers, who read their
facts by hand before the parser ran (`tests/fixtures/reports/unseen/`).

Text as `pdftotext -layout` writes a two-column table, labels wrapped down the left column
beside their values, a footer page number and a form feed after each page (Kurzeme, clean);
plain text with upper-case labels and the title underlined with "-----" and "=====" (Rīga,
planted in funding and a breakdown); Markdown with year headings "## 2023. gads (I
īstenošanas gads)" (Zemgale, clean); Word with a preparer's line "Sagatavoja: J. Bērziņa,
05.08.2025." after the table (Vidzeme, clean). And the forms of each, written here.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pipeline.model import LegalForm, Parsed, Severity
from pipeline.parse.layout_columns import unfold_columns
from pipeline.parse.layout_pages import drop_page_furniture
from pipeline.parse.sections import opens_with_label
from pipeline.parse.text import clean
from tests.conftest import MINIMAL, parse_text
from tests.parse.golden import (
    BACK,
    CIVIL,
    CS,
    MINORITY,
    MN,
    UNSEEN,
    A,
    D,
    P,
    amounts,
    read_unseen,
    report_of,
    years,
)

FILES = {
    "layout": "kurzeme_pdftotext_layout_two_columns.txt",
    "underlined": "riga_underlined_labels_planted_breakdown.txt",
    "calendar": "zemgale_markdown_month_headings.md",
    "prepared": "vidzeme_word_content_controls_prepared_by.docx",
}
E = Decimal


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _loud(parsed: Parsed) -> list[tuple[str, int | None]]:
    """The findings that are more than information."""
    return [
        (f.code, f.span.line if f.span else None)
        for f in parsed.findings
        if f.severity is not Severity.INFO
    ]


# -- a two-column table as pdftotext -layout writes it ----------------------------------------


def test_a_layout_table_is_read_by_its_columns(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "layout")
    # "Title lines 1–6: Kurzeme, 2022–2025. Task lines 9–12: Kurzeme."
    assert rep.title_years == (2022, 2025)
    assert rep.region_in_title is not None and rep.region_in_title.key == "kurzeme"
    assert rep.region_in_task is not None and rep.region_in_task.key == "kurzeme"
    assert rep.task is not None and rep.task.value.startswith("Par atsevišķu valsts pārvaldes")
    # "Implementer lines 14–15: foundation (Nodibinājums), "Kurzemes kopienu fonds", reg. no.
    # 40008234561 (wrapped: "reģistrācijas" / "Nr. 40008234561")"
    impl = rep.implementer
    assert impl is not None
    assert (impl.legal_form, impl.name.value) == (LegalForm.FOUNDATION, "Kurzemes kopienu fonds")
    assert impl.registration_number is not None
    assert impl.registration_number.value == "40008234561"
    assert impl.registration_number.span.line == 15
    # "Delegation period line 17: 2022-03-01 – 2025-02-28. Label is wrapped over lines 17–19."
    period = rep.delegation_period
    assert period is not None and (period.start, period.end) == (D(2022, 3, 1), D(2025, 2, 28))
    assert period.span.line == 17
    # "Year I (2022-03-01 – 2023-02-28) line 21", "Year II … line 43 (starts after form
    # feed)", "Year III (2024-03-01 – 2025-02-28) line 57"
    assert years(rep) == [
        (1, (D(2022, 3, 1), D(2023, 2, 28))),
        (2, (D(2023, 3, 1), D(2024, 2, 29))),
        (3, (D(2024, 3, 1), D(2025, 2, 28))),
    ]
    assert [y.heading.span.line for y in rep.years if y.heading] == [21, 43, 57]
    # "Page footer "1" on line 42 and "2" on line 98 and the form feed are page furniture,
    # not content"; "Irregular / unrecovered / other: "Nav"."
    for statement in (rep.irregular_expenditure, rep.unrecovered_amount, rep.other_information):
        assert statement is not None and statement.none, statement
    # "Findings expected: none" (every section is present)
    assert _loud(read["layout"]) == []


def test_a_layout_table_keeps_the_label_column_out_of_the_values(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "layout")
    # year I: "civil-society: 1) 2 forums …; 2) …; 3) …; 4) …; 5) community festival …;
    # minority-capacity (heading l.33): 1) …; 2) …; 3) …"; year II: four and two; year III:
    # "1) 2 seminars, 34 participants"
    groups = [(a.year, a.group, a.number) for a in rep.activities]
    assert groups == [
        *((1, CIVIL, f"{n})") for n in range(1, 6)),
        *((1, MINORITY, f"{n})") for n in range(1, 4)),
        *((2, CIVIL, f"{n})") for n in range(1, 5)),
        *((2, MINORITY, f"{n})") for n in range(1, 3)),
        (3, CIVIL, "1)"),
    ]
    # "The label-column words ("par valsts pārvaldes", "rezultatīvajiem", "mērķiem" ...) on
    # lines 22–30 must not end up inside activity texts": l.23–24 "1) Organizēti 2 forumi
    # Kuldīgā un Talsos, kopā 85" / "dalībnieki (52 sievietes, 33 vīrieši);"
    first = rep.activities[0]
    assert first.text.value == (
        "Organizēti 2 forumi Kuldīgā un Talsos, kopā 85 dalībnieki (52 sievietes, 33 vīrieši);"
    )
    assert (first.text.span.line, first.text.span.end_line) == (23, 24)
    for word in ("rezultatīvajiem", "mērķiem", "budžeta finansējuma atbilstību", "ietvaros"):
        assert not [a for a in rep.activities if word in a.text.value], word
    # "3) 4 cultural events, 140 participants [l.38–39]", the last line before the footer
    assert (
        rep.activities[7].text.value
        == "Īstenoti 4 mazākumtautību kultūras pasākumi, kopā 140 dalībnieki."
    )


def test_a_layout_table_reads_its_funding_column(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "layout")
    first, second = rep.funding[:2]
    # "Y1 01.03.2022.–28.02.2023.: planned 40 000,00 = 25 000,00 civil + 15 000,00 minority;
    # actual 39 500,00 = 24 800,00 + 14 700,00; returned to KM 500,00."
    assert first.ordinal == 1
    assert amounts(first) == {
        (P, None, E("40000.00")),
        (P, CS, E("25000.00")),
        (P, MN, E("15000.00")),
        (A, None, E("39500.00")),
        (A, CS, E("24800.00")),
        (A, MN, E("14700.00")),
        (BACK, None, E("500.00")),
    }
    # "Y2 01.03.2023.–29.02.2024.: planned 40 000,00 = 25 000,00 + 15 000,00; actual
    # 40 000,00 (no lines)."
    assert second.ordinal == 2
    assert amounts(second) == {
        (P, None, E("40000.00")),
        (P, CS, E("25000.00")),
        (P, MN, E("15000.00")),
        (A, None, E("40000.00")),
    }


# A report of the template's rows, as a two-column table's text: each label wrapped in a
# column of 22 characters, the values from column 26, a wrapped item indented under its text.
_LAYOUT = """\
                         Kopsavilkums
   par atsevišķu valsts pārvaldes uzdevumu veikšanu Vidzemes reģionā
                          (2022-2025)

Valsts pārvaldes          Par atsevišķu valsts pārvaldes uzdevumu veikšanu
uzdevums                  pilsoniskās sabiedrības attīstības jomā Vidzemes reģionā

Valsts pārvaldes          Biedrība „Vidzemes NVO tīkls”, reģistrācijas
uzdevuma veicējs          Nr. 40008000001

Valsts pārvaldes          15.07.2022. – 14.07.2025.
uzdevuma deleģēšanas
periods

Apraksts un vērtējums     I. ĪSTENOŠANAS GADS (15.07.2022. – 14.07.2023.)
par valsts pārvaldes      1) organizēti 2 forumi Valmierā, kuros piedalījās
uzdevuma izpildes            80 dalībnieki;
ietvaros sasniegtajiem    2) sniegtas 40 konsultācijas.
rezultatīvajiem
rādītājiem un izlietotā
valsts budžeta
finansējuma atbilstību
līgumā paredzētajiem
mērķiem

Neatbilstoši veiktie      Nav
izdevumi

                                                          1
\fCita informācija          Nav
"""


def test_a_layout_table_of_any_width_is_read_by_its_columns() -> None:
    parsed = parse_text(_LAYOUT)
    rep = parsed.report
    assert rep is not None
    assert rep.implementer is not None and rep.implementer.legal_form is LegalForm.ASSOCIATION
    assert rep.implementer.name.value == "Vidzemes NVO tīkls"
    assert rep.delegation_period is not None
    assert rep.delegation_period.start == dt.date(2022, 7, 15)
    assert [a.text.value for a in rep.activities] == [
        "organizēti 2 forumi Valmierā, kuros piedalījās 80 dalībnieki;",
        "sniegtas 40 konsultācijas.",
    ]
    assert rep.irregular_expenditure is not None and rep.irregular_expenditure.none
    assert rep.other_information is not None and rep.other_information.none


def test_text_of_one_column_is_left_as_written(read: dict[str, Parsed]) -> None:
    """Indented lists, a centred title, a signature's name set off by spaces: no table of
    two columns, and the text is not re-read (a layout table is)."""
    layout = drop_page_furniture(clean(_LAYOUT))
    assert unfold_columns(layout, opens_with_label).text != layout.text
    indented = (UNSEEN / FILES["underlined"]).read_text(encoding="utf-8")
    signed = (
        "Cita informācija\nNav\n\n"
        "Valdes priekšsēdētāja          Ilze Kalniņa\n"
        "Grāmatvede                     Santa Ozola\n"
        "Valmierā                       2025. gada 14. februārī\n"
        "Sagatavoja                     J. Bērziņa\n"
    )
    # two columns, but no labels of the template in the left one
    contacts = (
        "Valdes                    Ilze Kalniņa\n"
        "priekšsēdētāja            tālr. 29999999\n"
        "Grāmatvede                Santa Ozola\n"
        "                          tālr. 28888888\n"
        "Sagatavoja                Jānis Bērziņš\n"
    )
    one_label = _LAYOUT.split("Valsts pārvaldes          Biedrība")[0] + contacts
    for text in (indented, signed, contacts, one_label):
        cleaned = drop_page_furniture(clean(text))
        assert unfold_columns(cleaned, opens_with_label).text == cleaned.text


# -- page furniture and underlines ------------------------------------------------------------

_PLAIN = """\
Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu veikšanu Vidzemes reģionā (2022-2025)

Valsts pārvaldes uzdevums
Par atsevišķu valsts pārvaldes uzdevumu veikšanu Vidzemes reģionā
Valsts pārvaldes uzdevuma veicējs
Biedrība „Vidzemes NVO tīkls”, reģ. Nr. 40008000001
Valsts pārvaldes uzdevuma deleģēšanas periods
15.07.2022. – 14.07.2025.
Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem \
rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā \
paredzētajiem mērķiem
1) organizēti 2 forumi, kuros piedalījās
45
dalībnieki;
Neatbilstoši veiktie izdevumi
Nav
Lapa 1 no 2
Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem
Nav
                                   - 2 -
\fCita informācija
Nav

                                   2
\f"""


def test_page_numbers_and_form_feeds_are_no_part_of_a_value() -> None:
    # "Page furniture (lone page numbers, \\f) should be dropped": "Nav 2 \\f" is "Nav"
    rep = parse_text(_PLAIN).report
    assert rep is not None
    for statement in (rep.irregular_expenditure, rep.unrecovered_amount, rep.other_information):
        assert statement is not None and (statement.text.value, statement.none) == ("Nav", True)
    # a figure alone on a line away from a page's end is the text's own
    assert [a.text.value for a in rep.activities] == [
        "organizēti 2 forumi, kuros piedalījās 45 dalībnieki;"
    ]


def test_underlined_labels_and_title_leave_their_values_as_written(
    read: dict[str, Parsed],
) -> None:
    rep = report_of(read, "underlined")
    # "Implementer line 11: association, "Pierīgas NVO sadarbības tīkls", reg. no.
    # 40008567894 (written "reģistrācijas numurs")" under "---------------------------------"
    impl = rep.implementer
    assert impl is not None
    assert (impl.legal_form, impl.legal_form_text) == (LegalForm.ASSOCIATION, "Biedrība")
    assert impl.name.value == "Pierīgas NVO sadarbības tīkls"
    assert impl.text.span.line == 11
    # "Task line 7: Rīga."
    assert rep.task is not None and rep.task.value.startswith("Par atsevišķu")
    assert rep.task.span.line == 7
    # "Irregular / unrecovered / other: "Nav"."
    for statement in (rep.irregular_expenditure, rep.unrecovered_amount, rep.other_information):
        assert statement is not None and (statement.text.value, statement.none) == ("Nav", True)
    # the underlines (title l.3, labels l.6, 10, 14, 18, …) are no text outside a section
    assert rep.unlabelled == ()
    assert "structure.unlabelled-text" not in [f.code for f in read["underlined"].findings]


# -- a calendar year with its place in parentheses --------------------------------------------


def test_calendar_year_headings_with_their_place_are_the_years(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "calendar")
    # "Year 1 = calendar 2023 (heading l.12 "2023. gads (I īstenošanas gads)"); no explicit
    # date range but 2023-01-01–2023-12-31 is implied"; "Year 2 = calendar 2024 (l.30)"
    assert [(y.ordinal, y.numeral) for y in rep.years] == [(1, "2023"), (2, "2024")]
    assert years(rep) == [
        (1, (D(2023, 1, 1), D(2023, 12, 31))),
        (2, (D(2024, 1, 1), D(2024, 12, 31))),
    ]
    assert [y.heading and (y.heading.value, y.heading.span.line) for y in rep.years] == [
        ("2023. gads (I īstenošanas gads)", 12),
        ("2024. gads (II īstenošanas gads)", 30),
    ]
    # no heading torn into notes ("2023. gads (", ") 2023. gada janvāris–marts")
    notes = [n.value for y in rep.years for n in y.notes]
    assert not [n for n in notes if "gads (" in n or n.startswith(")")]
    # "4 minority cultural events, 160 participants [l.28]", the year's last: no "2024.
    # gads (" after it
    last = [a for a in rep.activities if a.year == 1][-1]
    assert last.text.value == "Īstenoti 4 mazākumtautību kultūras pasākumi, kopā 160 dalībnieki."
    # year 1 has 8 activities (l.15–28), year 2 six (l.33–42)
    assert [len(y.activities) for y in rep.years] == [8, 6]


def test_a_calendar_year_not_wholly_delegated_gets_no_dates_of_its_own() -> None:
    """ "2022. gads (1. īstenošanas gads)" over a delegation period from 1 March 2022: the
    year is the first, but its dates are not all of 2022, and none are written."""
    text = (
        _PLAIN.replace("15.07.2022. – 14.07.2025.", "01.03.2022. – 31.12.2023.")
        .replace("(2022-2025)", "(2022-2023)")
        .replace(
            "1) organizēti 2 forumi, kuros piedalījās\n45\ndalībnieki;\n",
            "2022. gads (1. īstenošanas gads)\n1) organizēti 2 forumi;\n"
            "2023. gads (2. īstenošanas gads)\n1) sniegtas 9 konsultācijas;\n",
        )
    )
    rep = parse_text(text).report
    assert rep is not None
    assert [(y.ordinal, y.numeral) for y in rep.years] == [(1, "2022"), (2, "2023")]
    assert years(rep) == [(1, None), (2, (D(2023, 1, 1), D(2023, 12, 31)))]


# -- a preparer's line after the table --------------------------------------------------------


def test_a_preparers_line_after_the_table_is_no_fault(read: dict[str, Parsed]) -> None:
    parsed = read["prepared"]
    rep = report_of(read, "prepared")
    # ""Sagatavoja: J. Bērziņa, 05.08.2025." after the table: … Should be after_end or
    # ignored, no date finding"; the report is "FULLY CONSISTENT → expect NO findings"
    assert rep.after_end is not None
    assert rep.after_end.value == "Sagatavoja: J. Bērziņa, 05.08.2025."
    assert _loud(parsed) == []
    [said] = [f for f in parsed.findings if f.code == "structure.text-after-end"]
    assert said.severity is Severity.INFO


def test_text_after_the_table_that_closes_no_report_is_still_a_warning() -> None:
    """A place and date, a name, who prepared it: the closing lines every template has. Any
    other text after the table is still reported as a warning."""
    closing = "\n\nSagatavoja: J. Bērziņa, tālr. 29999999\nValmierā, 2025. gada 14. februārī\n"
    other = "\n\nPapildus tika organizēti 3 semināri.\n"
    severities = []
    for tail in (closing, other):
        parsed = parse_text(MINIMAL.read_text(encoding="utf-8") + tail)
        [said] = [f for f in parsed.findings if f.code == "structure.text-after-end"]
        severities.append(said.severity)
    assert severities == [Severity.INFO, Severity.WARNING]


def test_a_figure_alone_beside_a_page_break_is_a_page_number_only_if_it_numbers_its_page() -> None:
    # A reviewer's forms: "sniegtas konsultācijas, kopskaits:⏎40⏎\f" on the first page, and
    # "Neizlietotais atlikums, EUR:⏎⏎100" at the end: values, not page numbers ("1", "2"
    # beside the breaks of pages 1 and 2 are).
    from pipeline.parse.layout_pages import drop_page_furniture
    from pipeline.parse.text import clean

    kept = "konsultācijas, kopskaits:\n40\n\fII. ĪSTENOŠANAS GADS\natlikums, EUR:\n\n100"
    assert drop_page_furniture(clean(kept)).text == kept.replace("\f", "")
    numbered = "pirmā lapa\n1\n\fotrā lapa\n2\n\ftrešā lapa\n\n3"
    assert drop_page_furniture(clean(numbered)).text.split() == [
        "pirmā", "lapa", "otrā", "lapa", "trešā", "lapa"
    ]  # fmt: skip
