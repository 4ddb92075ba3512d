"""Activities and their counts, round 8: a footnote's mark after a count ("146² dalībnieki",
"ap 120 ² dalībnieku", "90* dalībnieki", "164²⁾ dalībnieki") or after a year heading's
"gads" ("2022. gads¹ (…)", "II. ĪSTENOŠANAS GADS¹ (…)"); a table's shortened column of
participants ("Dalībn.", "Dalībn. sk.", "Dal. sk."); and a year's goals listed under "Mērķi:",
"Uzdevumi:" or "Gadā tika izvirzīti šādi mērķi:", which are the year's notes, not what was
done. Each golden value is read by hand from its fixture (`tests/fixtures/reports/unseen/`)
or from the phrase it is given with.
"""

from __future__ import annotations

import pytest

from pipeline.model import Parsed, Report
from pipeline.parse.activity_goals import names_goals
from pipeline.parse.activity_table_headers import spelled_out
from pipeline.parse.mentions import find_indicators
from pipeline.parse.text import SourcedText, SourceFile
from tests.conftest import MINIMAL, parse_text
from tests.parse.golden import (
    ABOUT,
    CIVIL,
    EXACT,
    MINORITY,
    MORE,
    D,
    quantities,
    read_unseen,
    report_of,
    years,
)

FILES = {
    "footnoted": "activities_footnoted_counts_calendar_years_planted.txt",
    "columns": "activities_shortened_participant_columns.txt",
    "goals": "activities_year_goals_before_results_planted.txt",
}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _codes(parsed: Parsed) -> list[tuple[str, int]]:
    return sorted((f.code, f.span.line if f.span else 0) for f in parsed.findings)


def _counts(text: str) -> list[tuple[int, str, str, str]]:
    source = SourceFile("phrase.txt", text)
    return [
        (i.value, i.qualifier.value, i.kind, i.phrase)
        for i in find_indicators(SourcedText.of(text), source)
    ]


def _notes(rep: Report, ordinal: int) -> list[str]:
    (year,) = [y for y in rep.years if y.ordinal == ordinal]
    return [n.value for n in year.notes]


# -- a footnote's mark after a count -----------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kuros piedalījās 146¹ dalībnieki;", [(146, "exact", "participants", "146¹ dalībnieki")]),
        (
            "kuros piedalījās 146 ¹ dalībnieki;",
            [(146, "exact", "participants", "146 ¹ dalībnieki")],
        ),
        ("kuros piedalījās 146* dalībnieki;", [(146, "exact", "participants", "146* dalībnieki")]),
        (
            "kuros piedalījās 146¹⁾ dalībnieki;",
            [(146, "exact", "participants", "146¹⁾ dalībnieki")],
        ),
        (
            "piedalījās vairāk nekā 146¹ dalībnieki.",
            [(146, "more-than", "participants", "vairāk nekā 146¹ dalībnieki")],
        ),
        # thousands grouped by a space, then the mark: no digit of it joins the number
        ("piedalījās 1 200² dalībnieku", [(1200, "exact", "participants", "1 200² dalībnieku")]),
        # after the phrase that names it, the mark ends the count as a full stop would
        ("forums Valkā, dalībnieki – 146¹;", [(146, "exact", "participants", "dalībnieki – 146¹")]),
    ],
)
def test_a_footnote_mark_after_a_count_is_no_digit_of_it(
    text: str, expected: list[tuple[int, str, str, str]]
) -> None:
    assert _counts(text) == expected


def test_footnoted_counts_are_read_in_every_year(read: dict[str, Parsed]) -> None:
    """l.12 "146² dalībnieki", l.14 "vairāk nekā 90* dalībnieki", l.17 "ap 120 ² dalībnieku",
    l.19 "164²⁾ dalībnieki", l.21 "112² dalībnieki (64 sievietes, 38 vīrieši)", l.24 "kopā 57*
    dalībnieki", l.26 "kopā 178² dalībnieki", l.28 "(ap 150* dalībnieku)"."""
    rep = report_of(read, "footnoted")
    assert quantities(rep, 1) == [
        (CIVIL, 4, EXACT, "seminars"),
        (CIVIL, 146, EXACT, "participants"),
        (CIVIL, 38, EXACT, "consultations"),
        (CIVIL, 90, MORE, "participants"),
        (MINORITY, 3, EXACT, "organisations"),
        (MINORITY, 2, EXACT, "events"),
        (MINORITY, 120, ABOUT, "participants"),
    ]
    assert quantities(rep, 2) == [
        (CIVIL, 5, EXACT, "seminars"),
        (CIVIL, 164, EXACT, "participants"),
        (CIVIL, 46, EXACT, "consultations"),
        (CIVIL, 112, EXACT, "participants"),
        (CIVIL, 64, EXACT, "participants"),
        (CIVIL, 38, EXACT, "participants"),
        (MINORITY, 2, EXACT, "strategies"),
        (MINORITY, 3, EXACT, "master-classes"),
        (MINORITY, 57, EXACT, "participants"),
    ]
    assert quantities(rep, 3) == [
        (CIVIL, 6, EXACT, "seminars"),
        (CIVIL, 178, EXACT, "participants"),
        (CIVIL, 51, EXACT, "consultations"),
        (CIVIL, 150, ABOUT, "participants"),
        (MINORITY, 4, EXACT, "organisations"),
        (MINORITY, 1, EXACT, "publications"),
    ]
    # the women and men are the parts of the 112 the forum counts (the first figure)
    forum = [a for a in rep.activities if a.year == 2 and "Krāslavā" in a.text.value]
    assert [i.part_of for i in forum[0].indicators] == [None, 1, 1]


def test_a_breakdown_of_a_footnoted_count_is_compared(read: dict[str, Parsed]) -> None:
    """Planted, l.21: "112² dalībnieki (64 sievietes, 38 vīrieši)": 64 + 38 = 102. The
    footnotes after the last answer (l.39-41) are kept as text outside any section."""
    assert _codes(read["footnoted"]) == [
        ("activity.breakdown-mismatch", 21),
        ("structure.unlabelled-text", 39),
    ]
    (mismatch,) = [f for f in read["footnoted"].findings if f.code.startswith("activity.")]
    assert "112² dalībnieki" in mismatch.message and "102" in mismatch.message


# -- a footnote's mark after a year heading's "gads" --------------------------------------------


def test_a_calendar_year_heading_with_a_footnote_mark_is_its_year(read: dict[str, Parsed]) -> None:
    """l.11 "2021. gads (01.04.2021.–31.12.2021.)", l.18 "2022. gads¹ (01.01.2022.–
    31.12.2022.)", l.25 "2023. gads (01.01.2023.–31.12.2023.)": three calendar years, the
    delegation's (01.04.2021.–31.12.2023.); the mark stays in the heading as written."""
    rep = report_of(read, "footnoted")
    assert years(rep) == [
        (1, (D(2021, 4, 1), D(2021, 12, 31))),
        (2, (D(2022, 1, 1), D(2022, 12, 31))),
        (3, (D(2023, 1, 1), D(2023, 12, 31))),
    ]
    heading = rep.years[1].heading
    assert heading is not None and heading.value == "2022. gads¹ (01.01.2022.–31.12.2022.)"
    assert rep.years[1].numeral == "2022"
    # its activities are its own: five in year 2, none carried into year 1
    assert [a.number for a in rep.activities if a.year == 2] == ["1)", "2)", "3)", "1)", "2)"]


def test_a_template_year_heading_with_a_footnote_mark_is_its_year() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "II. ĪSTENOŠANAS GADS (", "II. ĪSTENOŠANAS GADS¹ ("
    )
    rep = parse_text(text).report
    assert rep is not None
    assert [(y.ordinal, y.numeral) for y in rep.years] == [(1, "I"), (2, "II")]
    heading = rep.years[1].heading
    assert heading is not None and heading.value.startswith("II. ĪSTENOŠANAS GADS¹ (2023")
    assert rep.years[1].period is not None
    assert (rep.years[1].period.start, rep.years[1].period.end) == (D(2023, 7, 15), D(2024, 7, 14))


# -- a table's shortened column of participants --------------------------------------------------


def test_a_shortened_header_is_spelled_out() -> None:
    headers = ["Dalībn.", "Dalībn. sk.", "Dal. sk.", "**Dalībn.**", "Dal.", "Dalībnieki"]
    assert [spelled_out(h) for h in headers] == [
        "dalībnieki",
        "dalībnieku skaits",
        "dalībnieku skaits",
        "dalībnieki",
        # "Dal." alone may be a part ("daļa"): as written
        "Dal.",
        "Dalībnieki",
    ]


def test_a_shortened_participants_column_counts_them(read: dict[str, Parsed]) -> None:
    """Year I (l.12-15) "Skaits | Dalībn.": 6 seminars, 118; 44 consultations, "–"; 1 forum,
    "146¹"; minority (l.19) 3 master classes, "ap 45". Year II (l.22-24) "Dalībn. sk.": 7/131,
    52/"–", 1/"vairāk nekā 160"; minority (l.28) "Dal. sk.": 4 events, 312. Year III (l.32-33)
    "Aktivitāte | Dal. sk." alone: 74, 96 participants; minority (l.37) 5 organisations, "–"."""
    rep = report_of(read, "columns")
    assert quantities(rep, 1) == [
        (CIVIL, 6, EXACT, "seminars"),
        (CIVIL, 118, EXACT, "participants"),
        (CIVIL, 44, EXACT, "consultations"),
        (CIVIL, 1, EXACT, "forums"),
        (CIVIL, 146, EXACT, "participants"),
        (MINORITY, 3, EXACT, "master-classes"),
        (MINORITY, 45, ABOUT, "participants"),
    ]
    assert quantities(rep, 2) == [
        (CIVIL, 7, EXACT, "seminars"),
        (CIVIL, 131, EXACT, "participants"),
        (CIVIL, 52, EXACT, "consultations"),
        (CIVIL, 1, EXACT, "forums"),
        (CIVIL, 160, MORE, "participants"),
        (MINORITY, 4, EXACT, "events"),
        (MINORITY, 312, EXACT, "participants"),
    ]
    assert quantities(rep, 3) == [
        (CIVIL, 74, EXACT, "participants"),
        (CIVIL, 96, EXACT, "participants"),
        (MINORITY, 5, EXACT, "organisations"),
    ]
    # every row an activity, no header row left as a note
    assert [len([a for a in rep.activities if a.year == n]) for n in (1, 2, 3)] == [4, 4, 3]
    assert all(not y.notes for y in rep.years)
    # clean but for its footnote (l.41), kept as text outside any section
    assert _codes(read["columns"]) == [("structure.unlabelled-text", 41)]


# -- a year's goals --------------------------------------------------------------------------


def test_a_lead_in_that_names_the_goals() -> None:
    goals = [
        "Mērķi:",
        "Uzdevumi:",
        "2023. gada mērķi:",
        "**Galvenie mērķi un uzdevumi:**",
        "Darbs turpinājās.\nMērķi:",
        "Gadā tika izvirzīti šādi mērķi:",
    ]
    # what leads in what was done
    others = ["Lai sasniegtu gada mērķi:", "Tika sasniegti šādi mērķi:", "Paveiktais:"]
    assert [names_goals(lead) for lead in goals + others] == [True] * 6 + [False] * 3


def test_the_goals_of_a_year_are_its_notes(read: dict[str, Parsed]) -> None:
    """Year I: "Mērķi:" (l.12) and three goals (l.13-15), then "Paveiktais:" (l.16) and what
    was done (l.17-19). Year II: "Uzdevumi:" (l.24), two bulleted goals, "Rezultāti:" (l.27)
    and three bulleted results. Year III: "Gadā tika izvirzīti šādi mērķi:" (l.35), two goals;
    "Lai sasniegtu gada mērķi:" (l.38) leads in what was done (l.39-41)."""
    rep = report_of(read, "goals")
    assert _notes(rep, 1) == [
        "Mērķi:",
        "1) noorganizēt vismaz 6 seminārus Zemgales NVO pārstāvjiem;",
        "2) sniegt 40 konsultācijas biedrību vadītājiem;",
        "3) rīkot 1 reģionālo NVO forumu.",
        "Paveiktais:",
    ]
    assert _notes(rep, 2) == [
        "Uzdevumi:",
        "- rīkot 2 forumus;",
        "- izdot 1 informatīvu bukletu.",
        "Rezultāti:",
    ]
    assert _notes(rep, 3) == [
        "Gadā tika izvirzīti šādi mērķi:",
        "- stiprināt 10 NVO kapacitāti;",
        "- iesaistīt 200 jauniešus brīvprātīgajā darbā.",
        "Lai sasniegtu gada mērķi:",
    ]
    assert rep.objectives == ()
    # planted, l.45: year II's 40 420,00 euro spent of 40 000,00 planned
    assert _codes(read["goals"]) == [
        ("funding.actual-above-planned", 45),
        ("funding.remainder-mismatch", 45),
    ]


def test_what_was_done_after_the_goals_stays_the_activities(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "goals")
    assert quantities(rep, 1) == [
        (CIVIL, 7, EXACT, "seminars"),
        (CIVIL, 126, EXACT, "participants"),
        (CIVIL, 52, EXACT, "consultations"),
        (CIVIL, 140, ABOUT, "participants"),
        (MINORITY, 4, EXACT, "organisations"),
        (MINORITY, 2, EXACT, "events"),
        (MINORITY, 95, EXACT, "participants"),
    ]
    assert quantities(rep, 2) == [
        (CIVIL, 2, EXACT, "forums"),
        (CIVIL, 180, ABOUT, "participants"),
        (CIVIL, 1, EXACT, "publications"),
        (CIVIL, 60, MORE, "consultations"),
        (MINORITY, 5, EXACT, "organisations"),
        (MINORITY, 2, EXACT, "strategies"),
    ]
    assert quantities(rep, 3) == [
        (CIVIL, 8, EXACT, "seminars"),
        (CIVIL, 151, EXACT, "participants"),
        (CIVIL, 48, EXACT, "consultations"),
        (CIVIL, 3, EXACT, "clean-ups"),
        (CIVIL, 210, EXACT, "participants"),
        (MINORITY, 4, EXACT, "master-classes"),
        (MINORITY, 64, EXACT, "participants"),
    ]
    year2 = [a.text.value for a in rep.activities if a.year == 2 and a.group is CIVIL]
    assert year2 == [
        "noorganizēti 2 forumi Jelgavā un Aizkrauklē (ap 180 dalībnieku);",
        "izdots 1 informatīvs buklets latviešu un krievu valodā;",
        "sniegtas vairāk nekā 60 konsultācijas.",
    ]


def test_goals_in_a_year_of_prose_are_not_read_as_its_activities() -> None:
    """A year whose goals are its only list: the goals stay notes, never read as prose."""
    text = MINIMAL.read_text(encoding="utf-8")
    start = text.index("- 1) organizēti ap 5 pasākumi;")
    end = text.index("Plānotais un faktiski")
    text = (
        text[:start]
        + "Mērķi:\n1) noorganizēt 3 seminārus;\n2) sniegt 20 konsultācijas.\n"
        + "Gada laikā notika 4 semināri, kuros piedalījās 61 dalībnieks.\n"
        + text[end:]
    )
    rep = parse_text(text).report
    assert rep is not None
    assert quantities(rep, 2) == [
        (CIVIL, 4, EXACT, "seminars"),
        (CIVIL, 61, EXACT, "participants"),
    ]
