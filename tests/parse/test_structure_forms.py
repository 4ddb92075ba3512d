"""The report's structure written in the forms typists use: section labels ending in a colon,
the title in capitals, "Nav konstatēti" for none. Each is read as its usual form is; expected
values are read from the texts below.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from pipeline.model import ActivityGroup, AmountRole, LegalForm, Parsed
from pipeline.parse.sections import split_sections
from pipeline.parse.text import clean
from tests.conftest import FIXTURES, MINIMAL, REPORTS, parse_text
from tests.parse.compare import differences
from tests.parse.variants import Variant, before_dash, original

UNSEEN = FIXTURES / "reports" / "unseen"

TITLE = (
    "Kopsavilkums\n"
    "– par atsevišķu valsts pārvaldes uzdevumu veikšanu –\n"
    "pilsoniskās sabiedrības un starpkultūru sadarbības attīstības\n"
    "un mazākumtautību nevalstisko organizāciju\n"
    "līdzdalības veicināšanas jomā Latgales reģionā\n"
    "(2021-2023)\n"
)
TASK = "Valsts pārvaldes uzdevums"
IMPLEMENTER = "Valsts pārvaldes uzdevuma veicējs"
PERIOD = "Valsts pārvaldes uzdevuma deleģēšanas periods"
DESCRIPTION = (
    "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem "
    "rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā "
    "paredzētajiem mērķiem"
)
FUNDING = "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"
IRREGULAR = "Neatbilstoši veiktie izdevumi"
UNRECOVERED = "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem"
OTHER = "Cita informācija"
LABELS = (TASK, IMPLEMENTER, PERIOD, DESCRIPTION, FUNDING, IRREGULAR, UNRECOVERED, OTHER)


ROMAN_YEARS = (
    "I. ĪSTENOŠANAS GADS (01.08.2021.–31.07.2022.)\n"
    "1) Sniegtas 10 konsultācijas;\n"
    "II. ĪSTENOŠANAS GADS (01.08.2022.–31.07.2023.)\n"
    "1) Sniegtas 12 konsultācijas.\n"
)


def report(
    colon: str = "",
    *,
    title: str = TITLE,
    first_key: str = "01.08.2021.–31.07.2022.",
    second_key: str = "01.08.2022.–31.07.2023.",
    irregular: str = "Nav",
    other: str = "Nav",
    period: str = "2021. gada 1. augusts līdz 2023. gada 31. jūlijs",
    description: str = ROMAN_YEARS,
    more_funding: str = "",
) -> str:
    """A clean two-year Latgale report in table rows; `colon` is written after every label.
    `description` is the description cell and its continuation rows; `more_funding` rows
    follow the two funding rows."""
    c = colon
    return (
        f"{title}\n"
        f"{TASK}{c}\tPar atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības "
        "un starpkultūru sadarbības attīstības un mazākumtautību nevalstisko organizāciju "
        "līdzdalības veicināšanas jomā Latgales reģionā\n"
        f"{IMPLEMENTER}{c}\tBiedrība „Probes centrs”, reģ. Nr. 40008276543\n"
        f"{PERIOD}{c}\t{period}\n"
        f"{DESCRIPTION}{c}\t{description}"
        f"{FUNDING}{c}\t{first_key}\tPlānots 10 000,00 euro\tFaktiski 10 000,00 euro\n"
        f"\t{second_key}\tPlānots 10 000,00 euro\tFaktiski 10 000,00 euro\n"
        f"{more_funding}"
        f"{IRREGULAR}{c}\t{irregular}\n"
        f"{UNRECOVERED}{c}\tNav\n"
        f"{OTHER}{c}\t{other}\n"
    )


def codes(parsed: Parsed) -> list[str]:
    return [f.code for f in parsed.findings]


# -- a label's trailing colon belongs to the label ---------------------------------------------


@pytest.mark.parametrize("colon", [":", " :", "\u00a0:"])
def test_a_colon_after_the_description_label_keeps_the_first_year_heading(colon: str) -> None:
    """ "…mērķiem:<TAB>I. ĪSTENOŠANAS GADS (01.08.2021.–31.07.2022.)": two stated years,
    the first with its own period, not one year over the whole delegation period."""
    parsed = parse_text(report(colon))
    assert parsed.report is not None
    years = parsed.report.years
    assert [(y.ordinal, y.numeral, y.stated) for y in years] == [(1, "I", True), (2, "II", True)]
    first = years[0]
    assert first.period is not None
    assert (first.period.start, first.period.end) == (dt.date(2021, 8, 1), dt.date(2022, 7, 31))
    assert first.notes == ()
    assert [a.text.value for a in first.activities] == ["Sniegtas 10 konsultācijas;"]
    assert "structure.no-year-headings" not in codes(parsed)


def test_a_colon_after_the_implementer_label_keeps_the_legal_form() -> None:
    parsed = parse_text(report(":"))
    assert parsed.report is not None and parsed.report.implementer is not None
    implementer = parsed.report.implementer
    assert implementer.legal_form is LegalForm.ASSOCIATION
    assert implementer.legal_form_text == "Biedrība"
    assert implementer.name.value == "Probes centrs"
    assert implementer.text.value == "Biedrība „Probes centrs”, reģ. Nr. 40008276543"


def test_a_colon_after_the_short_labels_leaves_their_values_as_written() -> None:
    parsed = parse_text(report(":"))
    r = parsed.report
    assert r is not None and r.task is not None and r.delegation_period is not None
    assert r.task.value.startswith("Par atsevišķu valsts pārvaldes uzdevumu veikšanu")
    assert r.delegation_period.text == "2021. gada 1. augusts līdz 2023. gada 31. jūlijs"
    for statement in (r.irregular_expenditure, r.unrecovered_amount, r.other_information):
        assert statement is not None
        assert (statement.text.value, statement.none) == ("Nav", True)


@pytest.mark.parametrize("description_colon", [False, True])
def test_a_colon_after_the_funding_label_keeps_the_rows_ordinal_keys(
    description_colon: bool,
) -> None:
    """Rows keyed "I. īstenošanas gads" / "II. īstenošanas gads" after "…pa gadiem:"."""
    text = report(first_key="I. īstenošanas gads", second_key="II. īstenošanas gads")
    text = text.replace(f"{FUNDING}\t", f"{FUNDING}:\t")
    if description_colon:
        text = text.replace(f"{DESCRIPTION}\t", f"{DESCRIPTION}:\t")
    parsed = parse_text(text)
    assert parsed.report is not None
    funding = parsed.report.funding
    assert [row.ordinal for row in funding] == [1, 2]
    for row in funding:
        assert [(a.role, a.purpose, a.value) for a in row.amounts] == [
            (AmountRole.PLANNED, None, Decimal("10000.00")),
            (AmountRole.ACTUAL, None, Decimal("10000.00")),
        ]
        assert [a.label for a in row.amounts] == ["", ""]  # the colon is no amount's words
    assert "structure.no-year-headings" not in codes(parsed)


def _after_each_label(text: str, colon: str) -> Variant:
    """`text` with `colon` written right after each section label, as a variant whose spans
    map back to the original's characters."""
    labels = split_sections(clean(text)).labels.values()
    # a label read with the dash after it ("… izdevumi – nav") takes the colon before it
    ends = sorted(before_dash(text, label.offsets[-1] + 1) for label in labels)
    assert len(ends) == len(LABELS)
    base = original(text)
    parts: list[str] = []
    origin: list[int] = []
    pos = 0
    for end in [*ends, len(text)]:
        parts.append(text[pos:end])
        origin.extend(base.origin[pos:end])
        if end < len(text):
            parts.append(colon)
            origin.extend([end] * len(colon))
        pos = end
    origin.append(len(text))
    return Variant(f"label{colon!r}", "".join(parts), tuple(origin), frozenset())


COLONED = {
    "vidzeme_colon_labels",
    "riga_labels_on_lines_iso_dates",
    "kurzeme_caps_numbered_labels_spaces",
}
REPORT_FILES = [
    *sorted(REPORTS.glob("*.txt")),
    MINIMAL,
    # three unseen reports already end their labels with colons
    *sorted(p for p in UNSEEN.glob("*.txt") if p.stem not in COLONED),
]


@pytest.mark.parametrize("colon", [":", " :"])
@pytest.mark.parametrize("path", REPORT_FILES, ids=lambda p: p.stem)
def test_every_report_with_colons_after_its_labels_reads_as_without(path: Path, colon: str) -> None:
    """Every layout (table rows, the older template, PDF text, HTML cells) with a colon after
    each label gives the same model, and the same findings, as without."""
    text = path.read_text(encoding="utf-8")
    variant = _after_each_label(text, colon)
    assert differences(parse_text(text), parse_text(variant.text), variant) == []


def test_the_probe_report_with_colons_after_its_labels_reads_as_without() -> None:
    plain = original(report())
    variant = _after_each_label(plain.text, ":")
    assert variant.text == report(":")
    assert differences(parse_text(plain.text), parse_text(variant.text), variant) == []


# -- the title in capitals --------------------------------------------------------------------


def test_an_upper_case_title_is_the_title() -> None:
    title = TITLE.replace("Kopsavilkums", "KOPSAVILKUMS")
    parsed = parse_text(report(title=title))
    assert parsed.report is not None and parsed.report.title is not None
    assert parsed.report.title.value == (
        "KOPSAVILKUMS – par atsevišķu valsts pārvaldes uzdevumu veikšanu – pilsoniskās "
        "sabiedrības un starpkultūru sadarbības attīstības un mazākumtautību nevalstisko "
        "organizāciju līdzdalības veicināšanas jomā Latgales reģionā (2021-2023)"
    )
    assert parsed.report.title_years == (2021, 2023)
    assert parsed.report.unlabelled == ()
    assert "structure.unlabelled-text" not in codes(parsed)


def test_an_upper_case_title_on_one_line_is_the_title() -> None:
    title = (
        "KOPSAVILKUMS par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās "
        "sabiedrības un starpkultūru sadarbības attīstības un mazākumtautību nevalstisko "
        "organizāciju līdzdalības veicināšanas jomā Latgales reģionā (2021-2023)\n"
    )
    parsed = parse_text(report(title=title))
    assert parsed.report is not None and parsed.report.title is not None
    assert parsed.report.title.value == title.strip()
    assert parsed.report.title_years == (2021, 2023)
    assert parsed.report.region_in_title is not None
    assert parsed.report.region_in_title.key == "latgale"
    assert "structure.unlabelled-text" not in codes(parsed)


def test_an_upper_case_title_without_labels_is_a_report_missing_its_sections() -> None:
    """A title alone is a report whose sections are missing, not some other document."""
    parsed = parse_text(TITLE.replace("Kopsavilkums", "KOPSAVILKUMS"))
    assert parsed.report is not None
    assert parsed.report.title_years == (2021, 2023)
    assert "input.not-a-report" not in codes(parsed)
    assert "structure.missing-section" in codes(parsed)


def test_an_upper_case_title_after_the_table_starts_another_report() -> None:
    """PDF text (no cells): a second report pasted after the last section is not part of
    the other information."""
    text = (
        report()
        .replace("\t", " ")
        .replace(f"{OTHER} Nav\n", f"{OTHER} Nav\nKOPSAVILKUMS\npar citu uzdevumu (2024-2026)\n")
    )
    parsed = parse_text(text)
    assert parsed.report is not None and parsed.report.other_information is not None
    assert parsed.report.other_information.text.value == "Nav"
    assert parsed.report.other_information.none
    assert parsed.report.after_end is not None
    assert parsed.report.after_end.value == "KOPSAVILKUMS par citu uzdevumu (2024-2026)"


# -- "Nav konstatēti": none found -------------------------------------------------------------


@pytest.mark.parametrize(
    "answer", ["Nav konstatēti", "Nav konstatēts", "nav konstatēti.", "NAV KONSTATĒTI"]
)
def test_none_found_is_none(answer: str) -> None:
    parsed = parse_text(report(irregular=answer))
    assert parsed.report is not None
    statement = parsed.report.irregular_expenditure
    assert statement is not None
    assert statement.text.value == answer
    assert statement.none
    assert statement.amount is None


def test_only_a_whole_none_found_answer_is_none() -> None:
    """ "Nav konstatēti" alone is none; with more said after it, the answer is kept as text."""
    answers = {
        "Nav konstatēti": True,
        "Nav konstatēti, izņemot vienu gadījumu": False,
        "Konstatēti": False,
        "Nav konstatēti 1 250,00 euro": False,
    }
    read = {}
    for answer in answers:
        parsed = parse_text(report(irregular=answer))
        assert parsed.report is not None and parsed.report.irregular_expenditure is not None
        read[answer] = parsed.report.irregular_expenditure.none
    assert read == answers


# -- a lone dash: none ------------------------------------------------------------------------


@pytest.mark.parametrize("dash", ["-", "–", "—", " – "])
def test_a_lone_dash_is_none(dash: str) -> None:
    """A dash alone in the cell answers as "Nav" does, in every short section."""
    parsed = parse_text(report(irregular=dash, other=dash))
    r = parsed.report
    assert r is not None
    for statement in (r.irregular_expenditure, r.other_information):
        assert statement is not None
        assert (statement.text.value, statement.none, statement.amount) == (
            dash.strip(),
            True,
            None,
        )


@pytest.mark.parametrize("answer", ["– skatīt pielikumu", "- -", "—5", "Nav –"])
def test_a_dash_with_more_is_not_none(answer: str) -> None:
    parsed = parse_text(report(other=answer))
    assert parsed.report is not None and parsed.report.other_information is not None
    assert parsed.report.other_information.text.value == answer
    assert not parsed.report.other_information.none


# -- years numbered in Arabic numerals --------------------------------------------------------

THREE_YEARS = "2021. gada 1. augusts līdz 2024. gada 31. jūlijs"
THIRD_ROW = "\t01.08.2023.–31.07.2024.\tPlānots 10 000,00 euro\tFaktiski 10 000,00 euro\n"
SUSPENDED = (
    "Aktivitātes netika īstenotas, jo līguma izpilde saskaņā ar 2022. gada 20. septembra "
    "vienošanos bija apturēta."
)
ARABIC_YEARS = (
    "<p>1. īstenošanas gads (01.08.2021.–31.07.2022.)</p> <ol> "
    "<li>sniegtas 10 konsultācijas;</li> </ol>\n"
    f"\t<p>2. īstenošanas gads (01.08.2022.–31.07.2023.)</p> <p>{SUSPENDED}</p>\n"
    "\t<p>3. īstenošanas gads (01.08.2023.–31.07.2024.)</p> <ol> "
    "<li>sniegtas 12 konsultācijas.</li> </ol>\n"
)


def test_years_numbered_in_arabic_numerals_are_years() -> None:
    """ "1. īstenošanas gads (…)", "2. …", "3. …": three years with their periods, the
    second with no activities, its explanation a note and no activity of the first year."""
    text = report(
        title=TITLE.replace("(2021-2023)", "(2021-2024)"),
        period=THREE_YEARS,
        description=ARABIC_YEARS,
        more_funding=THIRD_ROW,
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    years = parsed.report.years
    assert [(y.ordinal, y.numeral, y.stated) for y in years] == [
        (1, "1", True),
        (2, "2", True),
        (3, "3", True),
    ]
    assert [y.period and (y.period.start, y.period.end) for y in years] == [
        (dt.date(2021, 8, 1), dt.date(2022, 7, 31)),
        (dt.date(2022, 8, 1), dt.date(2023, 7, 31)),
        (dt.date(2023, 8, 1), dt.date(2024, 7, 31)),
    ]
    assert [y.heading and y.heading.value for y in years] == [
        "1. īstenošanas gads (01.08.2021.–31.07.2022.)",
        "2. īstenošanas gads (01.08.2022.–31.07.2023.)",
        "3. īstenošanas gads (01.08.2023.–31.07.2024.)",
    ]
    assert [[a.text.value for a in y.activities] for y in years] == [
        ["sniegtas 10 konsultācijas;"],
        [],
        ["sniegtas 12 konsultācijas."],
    ]
    assert [n.value for n in years[1].notes] == [SUSPENDED]
    assert [r.ordinal for r in parsed.report.funding] == [1, 2, 3]
    for code in ("structure.unread-heading", "structure.no-year-headings", "period.year-overlap"):
        assert code not in codes(parsed)


def test_an_arabic_ordinal_inside_a_sentence_is_no_heading() -> None:
    """ "…, kad sākās 2. īstenošanas gads, …" and "2. īstenošanas gadā …" are sentences of
    the second year, not a third year."""
    sentences = (
        "Darbs turpinājās arī tad, kad sākās 2. īstenošanas gads, un tika sniegtas "
        "konsultācijas.\n"
        "2. īstenošanas gadā sniegtas 12 konsultācijas.\n"
    )
    description = ROMAN_YEARS.replace("1) Sniegtas 12 konsultācijas.\n", sentences)
    parsed = parse_text(report(description=description))
    assert parsed.report is not None
    years = parsed.report.years
    assert [(y.ordinal, y.numeral) for y in years] == [(1, "I"), (2, "II")]
    second = " ".join(
        [n.value for n in years[1].notes] + [a.text.value for a in years[1].activities]
    )
    assert "kad sākās 2. īstenošanas gads, un" in second
    assert "2. īstenošanas gadā sniegtas 12 konsultācijas." in second
    assert "structure.unread-heading" not in codes(parsed)


@pytest.mark.parametrize("heading", ["II. ĪSTENOŠANAS GADS:", "2. īstenošanas gads:"])
def test_a_colon_after_a_year_heading_belongs_to_the_heading(heading: str) -> None:
    """ "II. ĪSTENOŠANAS GADS:" with no period: the colon ends the heading, it is not a note
    of the year."""
    description = ROMAN_YEARS.replace("II. ĪSTENOŠANAS GADS (01.08.2022.–31.07.2023.)", heading)
    parsed = parse_text(report(description=description))
    assert parsed.report is not None
    second = parsed.report.years[1]
    assert (second.ordinal, second.heading and second.heading.value) == (2, heading)
    assert second.notes == ()
    assert [a.text.value for a in second.activities] == ["Sniegtas 12 konsultācijas."]


# -- years given by calendar year -------------------------------------------------------------

CALENDAR_PERIOD = "1.03.2022.–29.02.2024."
CALENDAR_TITLE = TITLE.replace("(2021-2023)", "(2022-2024)")
CALENDAR_YEARS = (
    "<p>2022. GADS (1.03.2022.–31.12.2022.)</p> <p>1) sniegtas 10 konsultācijas.</p>\n"
    "\t<p>2023. GADS (1.01.2023.–31.12.2023.)</p> <p>1) sniegtas 12 konsultācijas.</p> "
    "<p>Latgales mazākumtautību kapacitātes celšanai:</p> <p>1) atbalstītas 2 biedrības.</p>\n"
    "\t<p>2024. GADS (1.01.2024.–29.02.2024.)</p> <p>1) sniegtas 4 konsultācijas.</p>\n"
)


def calendar_report(description: str = CALENDAR_YEARS, period: str = CALENDAR_PERIOD) -> str:
    return report(
        title=CALENDAR_TITLE,
        period=period,
        description=description,
        first_key="2022. gads",
        second_key="2023. gads",
        more_funding="\t2024. gads\tPlānots 10 000,00 euro\tFaktiski 10 000,00 euro\n",
    )


def heading_lines(text: str) -> list[int]:
    return [n for n, line in enumerate(text.split("\n"), 1) if "GADS (" in line]


def test_years_given_by_calendar_year_are_years() -> None:
    """ "2022. GADS (1.03.2022.–31.12.2022.)" … "2024. GADS (1.01.2024.–29.02.2024.)" over a
    delegation period 1.03.2022.–29.02.2024.: three years, the first and the last partial,
    numbered by their place; each year's activities start again in civil society."""
    parsed = parse_text(calendar_report())
    assert parsed.report is not None
    years = parsed.report.years
    assert [(y.ordinal, y.numeral, y.stated) for y in years] == [
        (1, "2022", True),
        (2, "2023", True),
        (3, "2024", True),
    ]
    assert [y.period and (y.period.start, y.period.end) for y in years] == [
        (dt.date(2022, 3, 1), dt.date(2022, 12, 31)),
        (dt.date(2023, 1, 1), dt.date(2023, 12, 31)),
        (dt.date(2024, 1, 1), dt.date(2024, 2, 29)),
    ]
    assert [y.heading and y.heading.value for y in years] == [
        "2022. GADS (1.03.2022.–31.12.2022.)",
        "2023. GADS (1.01.2023.–31.12.2023.)",
        "2024. GADS (1.01.2024.–29.02.2024.)",
    ]
    cs, mc = ActivityGroup.CIVIL_SOCIETY, ActivityGroup.MINORITY_CAPACITY
    assert [(a.year, a.group, a.text.value) for a in parsed.report.activities] == [
        (1, cs, "sniegtas 10 konsultācijas."),
        (2, cs, "sniegtas 12 konsultācijas."),
        (2, mc, "atbalstītas 2 biedrības."),
        (3, cs, "sniegtas 4 konsultācijas."),
    ]
    # the funding rows name the same calendar years: each is its year's
    assert [(r.calendar_year, r.ordinal) for r in parsed.report.funding] == [
        (2022, 1),
        (2023, 2),
        (2024, 3),
    ]
    for code in ("structure.unread-heading", "structure.no-year-headings"):
        assert code not in codes(parsed)


def test_calendar_years_after_an_introduction_keep_their_places() -> None:
    description = "<p>Uzdevums veikts trijos kalendārajos gados.</p> " + CALENDAR_YEARS
    parsed = parse_text(calendar_report(description))
    assert parsed.report is not None
    stated = [(y.ordinal, y.numeral) for y in parsed.report.years if y.stated]
    assert stated == [(1, "2022"), (2, "2023"), (3, "2024")]
    assert [a.year for a in parsed.report.activities] == [1, 2, 2, 3]


@pytest.mark.parametrize(
    ("period", "description"),
    [
        # the years do not start with the delegation period's (2021), and 2024 is past it
        ("2021. gada 1. augusts līdz 2023. gada 31. jūlijs", CALENDAR_YEARS),
        # out of order
        (
            CALENDAR_PERIOD,
            CALENDAR_YEARS.replace("2022. GADS (1.03.2022.–31.12.2022.)", "X")
            .replace("2023. GADS (1.01.2023.–31.12.2023.)", "2022. GADS (1.03.2022.–31.12.2022.)")
            .replace("X", "2023. GADS (1.01.2023.–31.12.2023.)"),
        ),
        # a heading whose dates are another year's
        (
            CALENDAR_PERIOD,
            CALENDAR_YEARS.replace("2023. GADS (1.01.2023.", "2023. GADS (1.01.2022."),
        ),
        # the delegation period cannot be read
        ("visu līguma darbības laiku", CALENDAR_YEARS),
    ],
    ids=["outside-delegation", "out-of-order", "dates-of-another-year", "no-delegation-dates"],
)
def test_calendar_headings_that_are_not_certainly_the_years_are_reported(
    period: str, description: str
) -> None:
    """Calendar headings that do not name the delegation period's years one after another
    are not guessed to be its years: the description is one year, and each heading is
    reported on its line."""
    text = calendar_report(description, period)
    parsed = parse_text(text)
    assert parsed.report is not None
    assert [(y.ordinal, y.numeral, y.stated) for y in parsed.report.years] == [(1, None, False)]
    unread = [f for f in parsed.findings if f.code == "structure.unread-heading"]
    assert [f.span.line for f in unread if f.span] == heading_lines(text)
    assert len(unread) == 3


def test_a_sentence_or_date_starting_with_a_year_is_no_heading() -> None:
    description = (
        "<p>2022. gads bija ražīgs: sniegtas 10 konsultācijas.</p> "
        "<p>2022. gadā notika 3 semināri.</p> <p>2023. gada 8. oktobrī notika forums.</p> "
        "<p>2023. gads, kā plānots, noslēdzās ar forumu.</p>\n"
    )
    parsed = parse_text(calendar_report(description))
    assert parsed.report is not None
    assert [(y.ordinal, y.numeral, y.stated) for y in parsed.report.years] == [(1, None, False)]
    assert "structure.unread-heading" not in codes(parsed)
    assert "structure.no-year-headings" in codes(parsed)


def test_calendar_years_inside_implementation_years_are_no_headings() -> None:
    """Under "I. ĪSTENOŠANAS GADS", "2021. gads" and "2022. gads" head the parts of that year:
    the years are still the two the report announces, and nothing is reported."""
    description = ROMAN_YEARS.replace(
        "1) Sniegtas 10 konsultācijas;\n",
        "2021. gads\n1) Sniegtas 4 konsultācijas;\n2022. gads\n1) Sniegtas 6 konsultācijas;\n",
    )
    parsed = parse_text(report(description=description))
    assert parsed.report is not None
    years = parsed.report.years
    assert [(y.ordinal, y.numeral) for y in years] == [(1, "I"), (2, "II")]
    assert len(years[0].activities) == 2
    assert "structure.unread-heading" not in codes(parsed)


# -- years announced by an ordinal word ------------------------------------------------------

FIRST_PERIOD, SECOND_PERIOD = "01.08.2021.–31.07.2022.", "01.08.2022.–31.07.2023."


@pytest.mark.parametrize(
    ("first", "second"),
    [
        (
            f"PIRMAIS ĪSTENOŠANAS GADS ({FIRST_PERIOD})",
            f"OTRAIS ĪSTENOŠANAS GADS ({SECOND_PERIOD})",
        ),
        (
            f"Pirmais īstenošanas gads ({FIRST_PERIOD})",
            f"Otrais īstenošanas gads ({SECOND_PERIOD})",
        ),
        (
            f"pirmais īstenošanas gads – {FIRST_PERIOD}",
            f"otrais īstenošanas gads – {SECOND_PERIOD}",
        ),
        (
            f"PIRMAIS ĪSTENOŠANAS GADS:\n{FIRST_PERIOD}",
            f"OTRAIS ĪSTENOŠANAS GADS:\n{SECOND_PERIOD}",
        ),
    ],
    ids=["capitals", "sentence-case", "after-a-dash", "next-line"],
)
def test_years_announced_by_ordinal_words_are_years(first: str, second: str) -> None:
    """ "PIRMAIS ĪSTENOŠANAS GADS (…)", "OTRAIS …": the first and second years with their
    periods, each with its own activity."""
    description = (
        f"{first}\n1) Sniegtas 10 konsultācijas;\n{second}\n1) Sniegtas 12 konsultācijas.\n"
    )
    parsed = parse_text(report(description=description))
    assert parsed.report is not None
    years = parsed.report.years
    assert [(y.ordinal, y.numeral and y.numeral.upper(), y.stated) for y in years] == [
        (1, "PIRMAIS", True),
        (2, "OTRAIS", True),
    ]
    assert [y.period and (y.period.start, y.period.end) for y in years] == [
        (dt.date(2021, 8, 1), dt.date(2022, 7, 31)),
        (dt.date(2022, 8, 1), dt.date(2023, 7, 31)),
    ]
    assert [[a.text.value for a in y.activities] for y in years] == [
        ["Sniegtas 10 konsultācijas;"],
        ["Sniegtas 12 konsultācijas."],
    ]
    assert [y.notes for y in years] == [(), ()]
    assert [r.ordinal for r in parsed.report.funding] == [1, 2]
    for code in (
        "structure.unread-heading",
        "structure.no-year-headings",
        "funding.unmatched-year",
    ):
        assert code not in codes(parsed)


@pytest.mark.parametrize(
    ("word", "ordinal"),
    [
        ("PIRMAIS", 1),
        ("OTRAIS", 2),
        ("TREŠAIS", 3),
        ("CETURTAIS", 4),
        ("PIEKTAIS", 5),
        ("SESTAIS", 6),
        ("SEPTĪTAIS", 7),
        ("ASTOTAIS", 8),
    ],
)
def test_each_ordinal_word_names_its_year(word: str, ordinal: int) -> None:
    """The word alone on its line before the first year's activities: that year's ordinal."""
    description = f"{word} ĪSTENOŠANAS GADS\n1) Sniegtas 10 konsultācijas.\n"
    parsed = parse_text(report(description=description))
    assert parsed.report is not None
    assert [(y.ordinal, y.numeral, y.period) for y in parsed.report.years] == [
        (ordinal, word, None)
    ]
    assert "structure.unread-heading" not in codes(parsed)


@pytest.mark.parametrize(
    "sentence",
    [
        "Tas bija pirmais īstenošanas gads, kurā biedrība sniedza konsultācijas.",
        "Pirmais īstenošanas gads bija ražīgs: sniegtas 10 konsultācijas.",
        "Otrais īstenošanas gads, kā plānots, noslēdzās ar forumu.",
        "Pirmajā īstenošanas gadā sniegtas 10 konsultācijas.",
    ],
)
def test_an_ordinal_word_in_a_sentence_is_no_heading(sentence: str) -> None:
    """A sentence of the second year that names a year in words starts no year, and is no
    heading that could not be read."""
    description = ROMAN_YEARS + sentence + "\n"
    parsed = parse_text(report(description=description))
    assert parsed.report is not None
    years = parsed.report.years
    assert [(y.ordinal, y.numeral) for y in years] == [(1, "I"), (2, "II")]
    second = " ".join(
        [n.value for n in years[1].notes] + [a.text.value for a in years[1].activities]
    )
    assert sentence in second
    assert "structure.unread-heading" not in codes(parsed)


@pytest.mark.parametrize(
    "heading", ["DEVĪTAIS ĪSTENOŠANAS GADS", "Trešais un ceturtais īstenošanas gads (2023)"]
)
def test_an_ordinal_word_heading_that_cannot_be_read_is_reported(heading: str) -> None:
    """Past the template's eight years, or two years in one heading: no year is guessed, the
    heading is reported on its line."""
    description = ROMAN_YEARS + heading + "\n1) Sniegtas 3 konsultācijas.\n"
    text = report(description=description)
    parsed = parse_text(text)
    assert parsed.report is not None
    assert [(y.ordinal, y.numeral) for y in parsed.report.years] == [(1, "I"), (2, "II")]
    unread = [f for f in parsed.findings if f.code == "structure.unread-heading"]
    assert [text.splitlines()[f.span.line - 1] for f in unread if f.span] == [heading]


# -- Markdown: "#" headings, bold labels on their own line, emphasis --------------------------


def markdown_report(description: str) -> str:
    """A two-year Latgale report as a converter writes Markdown: the title after "# ", each
    label in bold on its own line, a blank line, then its value."""
    rows = (
        (TASK, "Par atsevišķu valsts pārvaldes uzdevumu veikšanu Latgales reģionā"),
        (IMPLEMENTER, 'Biedrība "Probes centrs", reģ. Nr. 40008276543'),
        (PERIOD, "2021. gada 1. augusts līdz 2023. gada 31. jūlijs"),
        (DESCRIPTION, description),
        (
            FUNDING,
            f"{FIRST_PERIOD}: plānots 10 000,00 euro, faktiski izlietots 10 000,00 euro.\n\n"
            f"{SECOND_PERIOD}: plānots 10 000,00 euro, faktiski izlietots 10 000,00 euro.",
        ),
        (IRREGULAR, "Nav"),
        (UNRECOVERED, "Nav"),
        (OTHER, "Nav"),
    )
    title = "# Kopsavilkums\n\npar atsevišķu valsts pārvaldes uzdevumu veikšanu (2021–2023)\n\n"
    return title + "".join(f"**{label}**\n\n{value}\n\n" for label, value in rows)


MARKDOWN_YEARS = (
    f"### {{first}} ĪSTENOŠANAS GADS ({FIRST_PERIOD})\n\n"
    "1. Sniegtas 10 konsultācijas.\n\n"
    "*Latgales mazākumtautību kapacitātes celšanai:*\n\n"
    "1. Atbalstītas 2 mazākumtautību NVO.\n\n"
    f"### {{second}} ĪSTENOŠANAS GADS ({SECOND_PERIOD})\n\n"
    "1. Sniegtas 12 konsultācijas.\n"
)


@pytest.mark.parametrize(("first", "second"), [("I.", "II."), ("PIRMAIS", "OTRAIS")])
def test_markdown_year_headings_are_the_years(first: str, second: str) -> None:
    """ "### I. ĪSTENOŠANAS GADS (…)": the "#"s are no text before the first year (a year of
    its own over the whole period, with "no year headings" said of it), and the years are
    the two headed."""
    text = markdown_report(MARKDOWN_YEARS.format(first=first, second=second))
    parsed = parse_text(text)
    assert parsed.report is not None
    years = parsed.report.years
    assert [(y.ordinal, y.numeral, y.stated) for y in years] == [
        (1, first.rstrip("."), True),
        (2, second.rstrip("."), True),
    ]
    heading = f"{first} ĪSTENOŠANAS GADS ({FIRST_PERIOD})"
    assert years[0].heading is not None and years[0].heading.value == heading
    assert text.splitlines()[years[0].heading.span.line - 1] == f"### {heading}"
    assert [y.period and (y.period.start, y.period.end) for y in years] == [
        (dt.date(2021, 8, 1), dt.date(2022, 7, 31)),
        (dt.date(2022, 8, 1), dt.date(2023, 7, 31)),
    ]
    assert [[(a.group, a.text.value) for a in y.activities] for y in years] == [
        [
            (ActivityGroup.CIVIL_SOCIETY, "Sniegtas 10 konsultācijas."),
            (ActivityGroup.MINORITY_CAPACITY, "Atbalstītas 2 mazākumtautību NVO."),
        ],
        [(ActivityGroup.CIVIL_SOCIETY, "Sniegtas 12 konsultācijas.")],
    ]
    assert [y.notes for y in years] == [(), ()]  # no "#", no "*" left over
    for code in ("structure.no-year-headings", "structure.unread-heading"):
        assert code not in codes(parsed)


def test_a_markdown_report_reads_every_section_after_its_bold_label() -> None:
    """The title after "# " is the title, and each value after a bold label and a blank line
    is that section's."""
    parsed = parse_text(markdown_report(MARKDOWN_YEARS.format(first="I.", second="II.")))
    r = parsed.report
    assert r is not None and r.title is not None and r.task is not None
    assert (
        r.title.value == "Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu veikšanu (2021–2023)"
    )
    assert r.title_years == (2021, 2023)
    assert r.unlabelled == ()
    assert r.task.value == "Par atsevišķu valsts pārvaldes uzdevumu veikšanu Latgales reģionā"
    assert r.implementer is not None and r.implementer.name.value == "Probes centrs"
    assert r.delegation_period is not None
    assert (r.delegation_period.start, r.delegation_period.end) == (
        dt.date(2021, 8, 1),
        dt.date(2023, 7, 31),
    )
    for statement in (r.irregular_expenditure, r.unrecovered_amount, r.other_information):
        assert statement is not None and (statement.text.value, statement.none) == ("Nav", True)
    assert [row.ordinal for row in r.funding] == [1, 2]
    for row in r.funding:
        assert [(a.role, a.value) for a in row.amounts] == [
            (AmountRole.PLANNED, Decimal("10000.00")),
            (AmountRole.ACTUAL, Decimal("10000.00")),
        ]
    assert [f.code for f in parsed.findings if f.severity.value != "info"] == []
    assert "structure.unlabelled-text" not in codes(parsed)


@pytest.mark.parametrize(
    ("source", "cleaned"),
    [
        ("# Kopsavilkums", "Kopsavilkums"),
        ("x\n   ### I. gads ###", "x\nI. gads ###"),
        ("#NVOdiena\n#", "#NVOdiena\n#"),  # no space after it: a hashtag, not a heading
        ("Kampaņa # 2\n####### Septiņi", "Kampaņa # 2\n####### Septiņi"),  # mid-line; seven
        ("*kapacitātes celšanai:*", "kapacitātes celšanai:"),
        ("* punkts\n3 semināri* notika", "* punkts\n3 semināri* notika"),  # bullet, footnote
        ("2 * 3 un *4*", "2 * 3 un 4"),
        # wrapped inside a paragraph, as a converter writes a long line; not across one
        (
            "*Latgales mazākumtautību\nkapacitātes celšanai:*",
            "Latgales mazākumtautību\nkapacitātes celšanai:",
        ),
        ("*sākums\n\nbeigas*", "*sākums\n\nbeigas*"),
    ],
)
def test_markdown_marks_are_dropped_and_hashes_in_text_kept(source: str, cleaned: str) -> None:
    """A heading's "#"s at a line start and emphasis asterisks go; every kept character
    still points to its own place in the source."""
    out = clean(source)
    assert out.text == cleaned
    assert all(source[o] == c for c, o in zip(out.text, out.offsets, strict=True))


def test_text_before_the_first_year_heading_is_not_a_year_over_the_whole_period() -> None:
    """A paragraph before "I. ĪSTENOŠANAS GADS" sums up the report: it is not given the
    delegation period (2021-08-01 to 2023-07-31) as a year of its own beside the two headed."""
    description = "Biedrība strādāja pēc plāna.\n" + ROMAN_YEARS
    parsed = parse_text(report(description=description))
    assert parsed.report is not None
    years = parsed.report.years
    assert [(y.ordinal, y.numeral) for y in years if y.stated] == [(1, "I"), (2, "II")]
    whole = (dt.date(2021, 8, 1), dt.date(2023, 7, 31))
    assert [y.period and (y.period.start, y.period.end) for y in years if not y.stated] in (
        [],
        [None],
    )
    assert all(
        y.period is not None and (y.period.start, y.period.end) != whole for y in years if y.stated
    )
    assert "Biedrība strādāja pēc plāna." in [n.value for y in years for n in y.notes]


@pytest.mark.parametrize("numeral", ["1.", "I."])
def test_a_plan_listed_by_year_is_no_year_heading(numeral: str) -> None:
    """ "1. īstenošanas gads – tīkla izveide, 2 forumi;" before the first heading lists what
    the contract plans: other words follow the heading's words after a dash, so no year is
    read from it (its 2 forums are no activity) and it is no heading left unread."""
    plan = (
        "Līgums paredz šādus posmus:\n"
        f"{numeral} īstenošanas gads – tīkla izveide, 2 forumi;\n"
        f"{numeral.replace('1', '2').replace('I.', 'II.')} īstenošanas gads – 3 semināri;\n"
    )
    parsed = parse_text(report(description=plan + ROMAN_YEARS))
    assert parsed.report is not None
    years = parsed.report.years
    assert [(y.ordinal, y.numeral) for y in years] == [(1, "I"), (2, "II")]
    assert [[a.text.value for a in y.activities] for y in years] == [
        ["Sniegtas 10 konsultācijas;"],
        ["Sniegtas 12 konsultācijas."],
    ]
    assert [r.ordinal for r in parsed.report.funding] == [1, 2]
    assert "structure.unread-heading" not in codes(parsed)


@pytest.mark.parametrize(
    ("first", "second", "en", "lv"),
    [
        (
            "PIRMAIS ĪSTENOŠANAS GADS (01.08.2021.–31.07.2022.)",
            "OTRAIS ĪSTENOŠANAS GADS (01.08.2022.–31.07.2023.)",
            "implementation year 1 ends 2022-08-15, after year 2 starts",
            "1. īstenošanas gads beidzas 2022-08-15, pēc tam, kad 2. gads sākas",
        ),
        (
            "I. ĪSTENOŠANAS GADS (01.08.2021.–31.07.2022.)",
            "II. ĪSTENOŠANAS GADS (01.08.2022.–31.07.2023.)",
            "implementation year I ends 2022-08-15, after year II starts",
            "I. īstenošanas gads beidzas 2022-08-15, pēc tam, kad II. gads sākas",
        ),
    ],
    ids=["ordinal-words", "roman"],
)
def test_findings_name_a_year_by_its_ordinal(first: str, second: str, en: str, lv: str) -> None:
    """A year headed by a word is named by its ordinal ("implementation year 1", not
    "implementation year PIRMAIS", nor "PIRMAIS. īstenošanas gads"); a Roman numeral as
    written."""
    description = (
        f"{first.replace('31.07.2022.', '15.08.2022.')}\n1) Sniegtas 10 konsultācijas;\n"
        f"{second}\n1) Sniegtas 12 konsultācijas.\n"
    )
    parsed = parse_text(report(description=description))
    (overlap,) = [f for f in parsed.findings if f.code == "period.year-overlap"]
    assert overlap.message.startswith(en)
    assert overlap.message_lv.startswith(lv)
