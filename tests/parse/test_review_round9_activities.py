"""Activities, after review round 9: a count's parts by place whose list goes on after a comma
("3 Valmierā un 2 Cēsīs, 1 tiešsaistē") are not read, and a year's goals list ends where its
entries do (a blank line, a sentence of its own, bullets after numbered goals), so the results
after it are activities. Each report is a fixture of `tests/fixtures/reports/unseen/` with one
line changed; each golden value is read by hand from that line.
"""

from __future__ import annotations

import pytest

from pipeline.model import Parsed, Report
from pipeline.parse import parse_text
from pipeline.parse.mentions import find_indicators
from pipeline.parse.text import SourcedText, SourceFile
from tests.parse.golden import CIVIL, UNSEEN

PLACES = "activities2_count_parts_by_place_planted.txt"
GOALS = "activities_year_goals_before_results_planted.txt"
# the planted line of the places fixture (l.12), whose parts add up to 5, not 6
PLANTED = "1) organizēti 6 semināri: 3 Valmierā un 2 Cēsīs, kuros kopā piedalījās 120 dalībnieki;"


def _changed(name: str, old: str, new: str) -> Parsed:
    text = (UNSEEN / name).read_text(encoding="utf-8")
    assert old in text
    return parse_text(text.replace(old, new), name)


def _report(parsed: Parsed) -> Report:
    assert parsed.report is not None
    return parsed.report


def _counts(text: str) -> list[tuple[int, str, int | None]]:
    source = SourceFile("phrase.txt", text)
    return [(i.value, i.phrase, i.part_of) for i in find_indicators(SourcedText.of(text), source)]


# -- parts by place: a list that goes on after a comma -----------------------------------------


@pytest.mark.parametrize(
    "line",
    [
        "1) organizēti 6 semināri: 3 Valmierā un 2 Cēsīs, 1 tiešsaistē, kopā 120 dalībnieki;",
        "1) organizēti 6 semināri: 3 Valmierā un 2 Cēsīs, kā arī 1 tiešsaistē (120 dalībnieki);",
        "1) organizēti 6 semināri: 3 Valmierā un 2 Cēsīs, vēl viens tiešsaistē;",
    ],
)
def test_a_list_of_places_that_goes_on_is_not_read(line: str) -> None:
    # 3 + 2 + 1 = 6: the report is consistent, and the parts before the comma are not all
    parsed = _changed(PLACES, PLANTED, line)
    assert list(parsed.findings) == []
    (first,) = [
        a for a in _report(parsed).activities if (a.year, a.group, a.number) == (1, CIVIL, "1)")
    ]
    assert [i.part_of for i in first.indicators] == [None] * len(first.indicators)
    assert first.indicators[0].value == 6


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a comma and a count of another kind: the list ended
        (
            "organizēti 6 semināri: 3 Valmierā un 3 Cēsīs, kopā 120 dalībnieki;",
            [
                (6, "6 semināri:", None),
                (3, "3 Valmierā", 1),
                (3, "3 Cēsīs", 1),
                (120, "120 dalībnieki", None),
            ],
        ),
        # a comma and more words that count nothing: the list may go on
        (
            "organizēti 6 semināri: 3 Valmierā un 3 Cēsīs, kā arī tiešsaistē;",
            [(6, "6 semināri", None)],
        ),
        (
            "organizēti 6 semināri: 3 Valmierā un 3 Cēsīs, kopā 120 dalībnieki, 2 tiešsaistē;",
            [(6, "6 semināri", None), (120, "120 dalībnieki", None)],
        ),
    ],
)
def test_what_follows_a_list_of_places(
    text: str, expected: list[tuple[int, str, int | None]]
) -> None:
    assert _counts(text) == expected


# -- a year's goals end where their list does --------------------------------------------------

_GOALS_II = "Uzdevumi:\n- rīkot 2 forumus;\n- izdot 1 informatīvu bukletu.\nRezultāti:\n"


@pytest.mark.parametrize(
    ("goals", "notes"),
    [
        # a blank line after the goals
        (
            "Uzdevumi:\n- rīkot 2 forumus;\n- izdot 1 informatīvu bukletu.\n\n",
            ["Uzdevumi:", "- rīkot 2 forumus;", "- izdot 1 informatīvu bukletu."],
        ),
        # numbered goals, then the results as bullets
        (
            "Mērķi:\n1) rīkot 2 forumus;\n2) izdot 1 informatīvu bukletu.\n",
            ["Mērķi:", "1) rīkot 2 forumus;", "2) izdot 1 informatīvu bukletu."],
        ),
        # a sentence of its own after the goals
        (
            "Uzdevumi:\n- rīkot 2 forumus;\n- izdot 1 informatīvu bukletu.\n"
            "Uzdevumi izpildīti pilnībā.\n",
            [
                "Uzdevumi:",
                "- rīkot 2 forumus;",
                "- izdot 1 informatīvu bukletu.",
                "Uzdevumi izpildīti pilnībā.",
            ],
        ),
    ],
)
def test_results_after_the_goals_with_no_lead_in_are_activities(
    goals: str, notes: list[str]
) -> None:
    # year II (l.23-30 of the fixture): the goals, then the three results
    rep = _report(_changed(GOALS, _GOALS_II, goals))
    (year,) = [y for y in rep.years if y.ordinal == 2]
    assert [n.value.strip() for n in year.notes] == notes
    civil = [a for a in rep.activities if a.year == 2 and a.group is CIVIL]
    assert [[(i.value, i.kind, i.qualifier.value) for i in a.indicators] for a in civil] == [
        [(2, "forums", "exact"), (180, "participants", "about")],
        [(1, "publications", "exact")],
        [(60, "consultations", "more-than")],
    ]


# -- a table whose year and group cells are filled down -----------------------------------------

EXCEL = "activities2_excel_merged_year_and_group_cells.txt"


def _filled_down(text: str) -> str:
    """The table's rows with the year's and the group's cells written in every row, as an
    Excel sheet filled down gives them, from its first row to its last (l.8-25)."""
    lines = text.split("\n")
    above = ["", ""]
    for k in range(7, 25):
        cells = lines[k].split("\t")
        for c in (0, 1):
            above[c] = cells[c] or above[c]
            cells[c] = above[c]
        lines[k] = "\t".join(cells)
    return "\n".join(lines)


def test_a_table_filled_down_reads_as_its_merged_form() -> None:
    # "Darbības attīstības stratēģijas" beside a repeated year heading is a row, not a
    # header naming an activity column
    merged = (UNSEEN / EXCEL).read_text(encoding="utf-8")
    filled = _filled_down(merged)
    assert filled.split("\n")[7].startswith("I. ĪSTENOŠANAS GADS (01.03.2023.–29.02.2024.)\t")
    assert filled.split("\n")[13].split("\t")[:2] == [
        "I. ĪSTENOŠANAS GADS (01.03.2023.–29.02.2024.)",
        "Mazākumtautību NVO kapacitātes celšana",
    ]
    one, other = parse_text(merged, EXCEL), parse_text(filled, EXCEL)
    assert list(other.findings) == []
    rep = _report(other)
    # three years, 7 + 6 + 5 rows of activities (l.8-14, l.15-20, l.21-25)
    assert [(y.ordinal, y.numeral) for y in rep.years] == [(1, "I"), (2, "II"), (3, "III")]
    assert [sum(a.year == n for a in rep.activities) for n in (1, 2, 3)] == [7, 6, 5]
    assert [(a.year, a.group, a.number, a.text.value) for a in rep.activities] == [
        (a.year, a.group, a.number, a.text.value) for a in _report(one).activities
    ]
    assert [[n.value for n in y.notes] for y in rep.years] == [
        [n.value for n in y.notes] for y in _report(one).years
    ]
