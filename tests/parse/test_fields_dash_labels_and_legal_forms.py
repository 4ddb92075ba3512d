"""An independent tester's reports: labels set off by a dash ("Neatbilstoši veiktie izdevumi – nav"), a
registration number with the country's prefix ("Reģ. Nr. LV40103982164"), the legal forms
of a company and a religious organisation's institution, the year heading "1. gads
(2018./2019.)", and the footnotes or English summary that close a report (or the
description) kept as the report's own text, no section's answer. Expected values are read
from the texts below.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from pipeline.model import ActivityGroup, LegalForm, Parsed, Report, Severity
from pipeline.parse.fields import read_statement
from pipeline.parse.text import SourcedText, SourceFile
from tests.conftest import parse_text

TITLE = (
    "KOPSAVILKUMS\n"
    "par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības attīstības\n"
    "un mazākumtautību nevalstisko organizāciju līdzdalības veicināšanas jomā\n"
    "Vidzemes reģionā\n(2018–2020)\n\n"
)
TASK = (
    "Atsevišķu valsts pārvaldes uzdevumu veikšana pilsoniskās sabiedrības attīstības un "
    "mazākumtautību nevalstisko organizāciju līdzdalības veicināšanas jomā Vidzemes reģionā"
)
IMPLEMENTER = "Biedrība „Vidzemes NVO tīkls”, reģ. Nr. 40008000001"
PERIOD = "2018.g. 1.jūnijs – 2020.g. 31.maijs"
YEARS = (
    "1. gads (2018./2019.) – no 2018.g. 1.jūnija līdz 2019.g. 31.maijam\n\n"
    "1) organizēti 4 reģionālie NVO forumi, kopā piedalījās 212 dalībnieki;\n"
    "2) novadīti 9 semināri, kopā 134 dalībnieki.\n\n"
    "Vidzemes mazākumtautību NVO kapacitātes celšanai:\n"
    "1) izstrādātas 2 darbības attīstības stratēģijas.\n\n"
    "2. gads (2019./2020.) – no 2019.g. 1.jūnija līdz 2020.g. 31.maijam\n\n"
    "1) organizēti 3 reģionālie NVO forumi, kopā 187 dalībnieki;\n"
    "2) novadīti 8 semināri, kopā 141 dalībnieks.\n\n"
    "Vidzemes mazākumtautību NVO kapacitātes celšanai:\n"
    "1) organizēti 4 mazākumtautību kultūras pasākumi, kopā 410 dalībnieki.\n"
)
FUNDING = (
    "1. gads\nPlānots 30 000,00 euro, faktiski 30 000,00 euro, atlikums 0,00 euro.\n\n"
    "2. gads\nPlānots 30 000,00 euro, faktiski 30 000,00 euro, atlikums 0,00 euro.\n"
)


def report_text(
    *,
    sep: str = ":\n",
    implementer: str = IMPLEMENTER,
    period: str = PERIOD,
    years: str = YEARS,
    irregular: str = "Nav",
    unrecovered: str = "Nav",
    other: str = "Nav",
    description_label: str = (
        "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem "
        "rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību "
        "līgumā paredzētajiem mērķiem"
    ),
    other_label: str = "Cita informācija",
) -> str:
    """A plain-text report, each label and its value parted by `sep`."""
    rows = [
        ("Valsts pārvaldes uzdevums", TASK),
        ("Valsts pārvaldes uzdevuma veicējs", implementer),
        ("Valsts pārvaldes uzdevuma deleģēšanas periods", period),
        (description_label, "\n" + years),
        (
            "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem",
            FUNDING,
        ),
        ("Neatbilstoši veiktie izdevumi", irregular),
        ("Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem", unrecovered),
        (other_label, other),
    ]
    return TITLE + "\n\n".join(label + sep + value.rstrip("\n") for label, value in rows) + "\n"


def read(text: str) -> tuple[Parsed, Report]:
    parsed = parse_text(text)
    assert parsed.report is not None
    return parsed, parsed.report


def codes(parsed: Parsed) -> list[str]:
    return [f.code for f in parsed.findings if f.severity is not Severity.INFO]


# -- a dash after each label (report D) ---------------------------------------------------------


def test_a_dash_after_the_labels_sets_off_their_answers() -> None:
    parsed, r = read(
        report_text(
            sep=" – ",
            implementer="Reliģiskās organizācijas iestāde „Rīgas Diakonijas centrs”,\n"
            "reģistrācijas Nr. 90002178433",
            irregular="nav",
            unrecovered="nav",
            other="2025. gada 3. februārī noslēgta vienošanās par grozījumiem deleģēšanas "
            "līgumā;\nfinansējuma apmērs netika mainīts.",
        )
    )
    assert r.task is not None and r.task.value == TASK
    assert r.irregular_expenditure is not None and r.irregular_expenditure.none
    assert r.irregular_expenditure.text.value == "nav"
    assert r.unrecovered_amount is not None and r.unrecovered_amount.none
    assert r.other_information is not None and not r.other_information.none
    assert r.other_information.text.value.startswith("2025. gada 3. februārī noslēgta")
    imp = r.implementer
    assert imp is not None
    assert imp.legal_form is LegalForm.RELIGIOUS_INSTITUTION
    assert imp.legal_form_text == "Reliģiskās organizācijas iestāde"
    assert imp.name.value == "Rīgas Diakonijas centrs"
    assert imp.registration_number is not None
    assert imp.registration_number.value == "90002178433"
    assert imp.text.value.startswith("Reliģiskās organizācijas iestāde „")
    assert r.delegation_period is not None
    assert (r.delegation_period.start, r.delegation_period.end) == (
        dt.date(2018, 6, 1),
        dt.date(2020, 5, 31),
    )
    assert "structure.missing-section" not in codes(parsed)


def test_a_dash_then_nav_is_none() -> None:
    text = "– nav"
    statement = read_statement(SourcedText.of(text), SourceFile("x.txt", text))
    assert statement is not None and statement.none


def test_a_dash_then_nav_after_the_last_label_is_none() -> None:
    _, r = read(report_text(sep=" – ", other="Nav"))
    assert r.other_information is not None and r.other_information.none


# -- the registration number with its country's prefix (report A) --------------------------------


def test_a_registration_number_with_the_lv_prefix() -> None:
    text = report_text(
        implementer="SIA „Kopienu konsultācijas”, Reģ. Nr. LV40103982164 (turpmāk – īstenotājs)"
    )
    parsed, r = read(text)
    imp = r.implementer
    assert imp is not None and imp.registration_number is not None
    assert imp.registration_number.value == "40103982164"
    span = imp.registration_number.span
    assert text[span.start : span.end] == "40103982164"
    assert imp.legal_form is LegalForm.LIMITED_LIABILITY_COMPANY and imp.legal_form_text == "SIA"
    assert imp.name.value == "Kopienu konsultācijas"
    assert "LV40103982164" in imp.text.value  # the cell as written
    assert "implementer.missing-registration-number" not in codes(parsed)
    assert "implementer.bad-registration-number" not in codes(parsed)


def test_the_legal_forms_of_a_company_and_a_congregation() -> None:
    _, r = read(
        report_text(
            implementer="Sabiedrība ar ierobežotu atbildību „NVO Konsultanti”, reģ. Nr. 40003000001"
        )
    )
    assert r.implementer is not None
    assert r.implementer.legal_form_text == "Sabiedrība ar ierobežotu atbildību"
    assert r.implementer.legal_form is LegalForm.LIMITED_LIABILITY_COMPANY
    assert r.implementer.name.value == "NVO Konsultanti"
    _, r = read(report_text(implementer="Draudze „Jaunā Paaudze”, reģ. Nr. 90000000002"))
    assert r.implementer is not None
    assert r.implementer.legal_form_text == "Draudze"
    assert r.implementer.legal_form is LegalForm.RELIGIOUS_ORGANISATION
    assert r.implementer.name.value == "Jaunā Paaudze"


# -- "1. gads (2018./2019.)" as a year heading (report A, tester's C2) -------------------------


def test_n_gads_with_its_two_calendar_years_heads_a_year() -> None:
    parsed, r = read(report_text())
    assert [y.ordinal for y in r.years] == [1, 2]
    assert all(y.stated for y in r.years)
    periods = [(y.period.start, y.period.end) for y in r.years if y.period is not None]
    assert periods == [
        (dt.date(2018, 6, 1), dt.date(2019, 5, 31)),
        (dt.date(2019, 6, 1), dt.date(2020, 5, 31)),
    ]
    # the heading is no activity, and year 2's first list is civil-society work again
    first = [a for a in r.years[0].activities if a.group is ActivityGroup.CIVIL_SOCIETY]
    assert [a.text.value.split(",")[0] for a in first] == [
        "organizēti 4 reģionālie NVO forumi",
        "novadīti 9 semināri",
    ]
    second = r.years[1].activities
    assert [(a.group, a.number) for a in second] == [
        (ActivityGroup.CIVIL_SOCIETY, "1)"),
        (ActivityGroup.CIVIL_SOCIETY, "2)"),
        (ActivityGroup.MINORITY_CAPACITY, "1)"),
    ]
    assert "structure.no-year-headings" not in [f.code for f in parsed.findings]


def test_n_gads_without_its_dates_leaves_the_period_unknown() -> None:
    years = YEARS.replace(" – no 2018.g. 1.jūnija līdz 2019.g. 31.maijam", "").replace(
        " – no 2019.g. 1.jūnija līdz 2020.g. 31.maijam", ""
    )
    parsed, r = read(report_text(years=years))
    assert [(y.ordinal, y.stated, y.period) for y in r.years] == [(1, True, None), (2, True, None)]
    assert len(r.years[1].activities) == 3
    assert "period.unreadable" not in codes(parsed)


def test_n_gads_in_a_sentence_is_no_heading() -> None:
    years = YEARS.replace(
        "2. gads (2019./2020.) – no 2019.g. 1.jūnija līdz 2020.g. 31.maijam\n\n",
        "2. gads bija grūtāks (2019./2020.), jo daļa pasākumu notika tiešsaistē.\n\n",
    )
    _, r = read(report_text(years=years))
    assert [y.ordinal for y in r.years] == [1]


# -- the notes closing a report (reports A and B) -----------------------------------------------

FOOTNOTES = (
    "______________\n"
    "¹ Deleģēšanas līgums Nr. KM 2018/21-D noslēgts 2018.g. 28.maijā.\n"
    "² Pēc reģistrācijas lapām; unikālo dalībnieku skaits – 168.\n"
)


def test_footnotes_after_the_last_answer_are_the_reports_notes() -> None:
    text = report_text(
        period=PERIOD + "¹",
        years=YEARS.replace("212 dalībnieki;", "212 dalībnieki²;"),
        other="Nav\n\n" + FOOTNOTES,
    )
    parsed, r = read(text)
    assert r.other_information is not None and r.other_information.none
    assert r.other_information.text.value == "Nav"
    notes = [t for t in r.unlabelled if t.value.startswith("¹")]
    assert [n.value for n in notes] == [
        "¹ Deleģēšanas līgums Nr. KM 2018/21-D noslēgts 2018.g. 28.maijā."
        " ² Pēc reģistrācijas lapām; unikālo dalībnieku skaits – 168."
    ]
    [note] = notes
    assert text.splitlines()[note.span.line - 1].startswith("¹ Deleģēšanas")
    assert [f.severity for f in parsed.findings if f.span == note.span] == [Severity.INFO]
    # the footnote mark after the period is no remark on it
    assert [t.value for t in r.unlabelled if t.value == "¹"] == []
    assert r.delegation_period is not None and r.delegation_period.end == dt.date(2020, 5, 31)
    assert r.after_end is None


def test_footnotes_whose_marks_the_text_does_not_use_stay_the_answers() -> None:
    _, r = read(report_text(other="Nav\n\n" + FOOTNOTES))
    assert r.other_information is not None and not r.other_information.none


def test_bullets_after_the_answer_are_no_footnotes() -> None:
    years = YEARS.replace("212 dalībnieki;", "212 dalībnieki*;")
    other = "Precizēti rādītāji.\n\n* forumu datumi;\n* semināru skaits."
    _, r = read(report_text(years=years, other=other))
    assert r.other_information is not None
    assert r.other_information.text.value.endswith("* semināru skaits.")


ENGLISH = (
    "Summary in English. Over the two implementation years the association held 7 regional "
    "NGO forums. Of the EUR 60,000.00 allocated, EUR 59,274.55 was spent; EUR 725.45 was "
    "returned to the Ministry of Culture."
)


def test_an_english_summary_after_the_last_answer_is_no_part_of_it() -> None:
    answer = "Precizēts: I gada plānotā summa sākotnējā redakcijā bija norādīta kļūdaini."
    _, r = read(report_text(other=answer + "\n\n---\n\n" + ENGLISH))
    other = r.other_information
    assert other is not None and other.text.value == answer
    assert other.amount is None and other.value is None
    assert [t.value for t in r.unlabelled if t.value.startswith("Summary")] == [ENGLISH]
    assert Decimal("725.45") not in [a.value for y in r.funding for a in y.amounts]


def test_a_latvian_paragraph_after_the_answer_stays_the_answers() -> None:
    more = "Kopā tika atgriezti 725,45 euro, jo daļa pasākumu notika tiešsaistē."
    _, r = read(report_text(other="Precizēts plāns.\n\n" + more))
    assert r.other_information is not None
    assert r.other_information.text.value.endswith("notika tiešsaistē.")


def test_an_answer_leading_in_to_more_keeps_it() -> None:
    _, r = read(report_text(other="Papildu informācija:\n\n" + ENGLISH))
    assert r.other_information is not None
    assert r.other_information.text.value.endswith("Ministry of Culture.")


def test_footnotes_closing_the_description_are_no_activity() -> None:
    years = (
        YEARS.replace("212 dalībnieki;", "212 dalībnieki*;")
        + "\n¹ Forumi organizēti kopā ar plānošanas reģionu.\n"
        + "* Klātienē; vēl 11 dalībnieki forumiem pieslēdzās tiešsaistē.\n"
    ).replace("4 reģionālie NVO forumi,", "4 reģionālie NVO forumi¹,")
    _, r = read(report_text(years=years))
    last = r.years[-1].activities[-1]
    assert last.text.value == "organizēti 4 mazākumtautību kultūras pasākumi, kopā 410 dalībnieki."
    assert all("11 dalībnieki" not in a.text.value for y in r.years for a in y.activities)
    assert [t.value for t in r.unlabelled if t.value.startswith("¹ Forumi")] == [
        "¹ Forumi organizēti kopā ar plānošanas reģionu."
        " * Klātienē; vēl 11 dalībnieki forumiem pieslēdzās tiešsaistē."
    ]


# -- a year written as one physical line (report D, unwrapped) ----------------------------------


def test_word_ordinal_headings_over_one_line_paragraphs_are_read() -> None:
    years = (
        "Pirmais īstenošanas gads (2018. gada 1. jūnijs – 2019. gada 31. maijs):\n"
        "organizēti 3 NVO forumi, kopā 276 dalībnieki; novadīti 10 semināri, kopā 187 "
        "dalībnieki; sniegtas 88 konsultācijas.\n\n"
        "Otrais īstenošanas gads (2019. gada 1. jūnijs – 2020. gada 31. maijs):\n"
        "organizēti 2 NVO forumi, kopā 198 dalībnieki; novadīti 9 semināri, kopā 166 "
        "dalībnieki; sniegtas 102 konsultācijas.\n"
    )
    _, r = read(report_text(years=years))
    assert [(y.ordinal, y.period.start if y.period else None) for y in r.years] == [
        (1, dt.date(2018, 6, 1)),
        (2, dt.date(2019, 6, 1)),
    ]


# -- a shortened label hard-wrapped once (the tester's rewrapped PDF text) ----------------------


def test_a_shortened_label_wrapped_before_its_colon_is_one_label() -> None:
    label = "Apraksts un vērtējums par sasniegtajiem rezultatīvajiem\nrādītājiem"
    _, r = read(report_text(description_label=label))
    assert [n.value for y in r.years for n in y.notes] == []
    assert [y.ordinal for y in r.years] == [1, 2]


def test_a_lower_case_line_after_a_shortened_label_is_its_value() -> None:
    _, r = read(report_text(sep="\n", other_label="Papildu informācija", other="nav precizējumu"))
    assert r.other_information is not None
    assert r.other_information.text.value == "nav precizējumu"
