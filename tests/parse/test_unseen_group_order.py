"""The two groups of a year's activities in either order, and a group's list numbered on
from the group before it.

A report may list the minority group's activities first, under "Latgales mazākumtautību
kapacitātes celšanai:", and the civil-society ones second, under "Pilsoniskās sabiedrības
attīstībai Latgales reģionā:" (Latgale 2023–2025, label<TAB>value rows, funding pasted from a
spreadsheet): the items after each heading are that heading's group. Another numbers its
year's items 1.–12. across both groups, "9." opening the minority group's list after its
heading, and sums the year's participants in a line "Kopā: 612 dalībnieki." after the last
item (Zemgale 2023–2025, label<TAB>value rows). The values are the hand-read facts of the
two reports.
"""

from __future__ import annotations

import pytest

from pipeline.model import Activity, ActivityGroup, Parsed, Report
from pipeline.read import read_report
from tests.conftest import FIXTURES, parse_text

HERE = FIXTURES / "reports" / "grids"
CIVIL, MINORITY = ActivityGroup.CIVIL_SOCIETY, ActivityGroup.MINORITY_CAPACITY
MINORITY_FIRST = "latgale_label_tabs_minority_group_first_csv_funding.txt"
NUMBERED_ON = "zemgale_label_tabs_numbered_on_across_groups.txt"


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return {name: read_report(HERE / name, name) for name in (MINORITY_FIRST, NUMBERED_ON)}


def _report(parsed: Parsed) -> Report:
    assert parsed.report is not None
    return parsed.report


def _in(rep: Report, year: int, group: ActivityGroup) -> list[Activity]:
    return [a for a in rep.activities if a.year == year and a.group is group]


def _counts(activities: list[Activity]) -> list[list[tuple[int, str]]]:
    return [[(i.value, i.kind) for i in a.indicators] for a in activities]


def test_the_civil_society_group_after_the_minority_group_is_its_own(
    read: dict[str, Parsed],
) -> None:
    rep = _report(read[MINORITY_FIRST])
    # year I: MT1–MT4, then CS1–CS5; year II: MT1–MT4, then CS1–CS6
    assert [len(_in(rep, y, MINORITY)) for y in (1, 2)] == [4, 4]
    assert [len(_in(rep, y, CIVIL)) for y in (1, 2)] == [5, 6]
    assert _counts(_in(rep, 1, CIVIL)) == [
        [(2, "forums"), (174, "participants")],
        [(6, "seminars"), (121, "participants")],
        [(143, "consultations")],
        [(160, "news-items")],
        [(4, "events"), (800, "participants")],
    ]
    assert _counts(_in(rep, 2, CIVIL)) == [
        [(1, "forums"), (96, "participants")],
        [(7, "seminars"), (139, "participants")],
        [(158, "consultations")],
        [(171, "news-items")],
        [(5, "events"), (700, "participants")],
        [(3, "focus-groups"), (29, "participants")],
    ]
    assert _counts(_in(rep, 1, MINORITY))[0] == [(3, "trainings"), (57, "participants")]
    assert _counts(_in(rep, 2, MINORITY))[3] == [(1, "publications")]
    # each group numbers its own items from 1)
    assert [a.position for a in _in(rep, 2, CIVIL)] == [1, 2, 3, 4, 5, 6]
    # the heading is kept as written, as the first group's heading would be
    for year in rep.years:
        assert "Pilsoniskās sabiedrības attīstībai Latgales reģionā:" in [
            n.value for n in year.notes
        ]


def test_items_numbered_on_across_the_groups_are_read(read: dict[str, Parsed]) -> None:
    rep = _report(read[NUMBERED_ON])
    civil, minority = _in(rep, 1, CIVIL), _in(rep, 1, MINORITY)
    assert [a.number for a in civil] == [f"{n}." for n in range(1, 9)]
    assert [a.number for a in minority] == ["9.", "10.", "11.", "12."]
    assert _counts(minority) == [
        [(2, "trainings"), (31, "participants")],
        [(1, "strategies")],
        [(4, "organisations")],
        [(3, "events"), (213, "participants")],
    ]
    # the year's total is no 13th activity, nor a part of the 12th
    assert "Kopā" not in minority[-1].text.value
    assert "Kopā: 612 dalībnieki." in [n.value for n in rep.years[0].notes]
    # the other years number each group from 1): 6 + 3, 5 + 3
    assert [len(_in(rep, y, CIVIL)) for y in (2, 3)] == [6, 5]
    assert [len(_in(rep, y, MINORITY)) for y in (2, 3)] == [3, 3]


# -- the same forms as other typists would write them ---------------------------------------

_HEAD = """Kopsavilkums
– par atsevišķu valsts pārvaldes uzdevumu veikšanu –
pilsoniskās sabiedrības un starpkultūru sadarbības attīstības
un mazākumtautību nevalstisko organizāciju
līdzdalības veicināšanas jomā Latgales reģionā
(2023-2025)

Valsts pārvaldes uzdevums\tPar atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās \
sabiedrības un starpkultūru sadarbības attīstības un mazākumtautību nevalstisko organizāciju \
līdzdalības veicināšanas jomā Latgales reģionā
Valsts pārvaldes uzdevuma veicējs\tNodibinājums „Latgolys izaugsmis fonds”, reģistrācijas \
Nr. 40008678901
Valsts pārvaldes uzdevuma deleģēšanas periods\t2023.gada 1.septembris līdz 2025.gada \
31.augusts
Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem \
rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā \
paredzētajiem mērķiem\tI. ĪSTENOŠANAS GADS (2023.gada 1.septembris līdz 2024.gada 31.augusts)

"""
_TAIL = """\t
Neatbilstoši veiktie izdevumi\tNav
Cita informācija\tNav
"""


def _groups(description: str) -> list[tuple[ActivityGroup, str]]:
    """Each activity's group and first word."""
    rep = _report(parse_text(_HEAD + description + _TAIL))
    return [(a.group, a.text.value.split()[0]) for a in rep.activities]


def test_a_civil_society_heading_wrapped_once_but_not_a_wrapped_sentence() -> None:
    assert _groups(
        "Latgales mazākumtautību kapacitātes celšanai:\n"
        "1) organizētas 3 apmācības, 57 dalībnieki;\n\n"
        "Pilsoniskās sabiedrības attīstībai Latgales\n"
        "reģionā:\n"
        "1) sniegtas 143 konsultācijas;\n"
        "2) publicētas 160 ziņas."
    ) == [(MINORITY, "organizētas"), (CIVIL, "sniegtas"), (CIVIL, "publicētas")]
    # the same line after an unfinished item ("… sadarbībā ar") is the item's, wrapped
    groups = _groups(
        "Latgales mazākumtautību kapacitātes celšanai:\n"
        "1) organizēts 1 forums sadarbībā ar\n"
        "Pilsoniskās sabiedrības attīstībai:\n"
        "- 40 dalībnieki;\n"
        "2) sniegtas 12 konsultācijas."
    )
    assert {group for group, _ in groups} == {MINORITY}


def test_a_bulleted_civil_society_list_after_the_minority_one() -> None:
    assert _groups(
        "Mazākumtautību līdzdalības veicināšanai:\n"
        "• organizētas 3 apmācības, 57 dalībnieki\n\n"
        "**Pilsoniskās sabiedrības attīstībai:**\n"
        "• sniegtas 143 konsultācijas"
    ) == [(MINORITY, "organizētas"), (CIVIL, "sniegtas")]
    # a line naming both parts is the task's name, and "2)" opens an item whatever it ends
    # with: neither heads a group
    assert _groups(
        "Latgales mazākumtautību kapacitātes celšanai:\n"
        "1) organizētas 3 apmācības, 57 dalībnieki;\n"
        "2) Pilsoniskās sabiedrības un mazākumtautību sadarbībai:\n"
        "- 2 diskusijas;\n"
        "Pilsoniskās sabiedrības un mazākumtautību NVO attīstībai:\n"
        "3) sniegtas 12 konsultācijas."
    ) == [(MINORITY, "organizētas"), (MINORITY, "Pilsoniskās"), (MINORITY, "sniegtas")]


def test_a_civil_society_heading_in_a_table_or_a_multilevel_list() -> None:
    # a table's row of one cell, as the minority group's heading is read there
    assert _groups(
        "| Nr. | Aktivitāte | Rezultāts |\n"
        "|---|---|---|\n"
        "| | Latgales mazākumtautību kapacitātes celšanai: | |\n"
        "| 1. | Organizētas apmācības | 3 apmācības, 57 dalībnieki |\n"
        "| | Pilsoniskās sabiedrības attīstībai Latgales reģionā: | |\n"
        "| 1. | Sniegtas konsultācijas | 143 konsultācijas |\n"
    ) == [(MINORITY, "Organizētas"), (CIVIL, "Sniegtas")]
    # the level-0 item over a multilevel list's "2.1." heads it
    assert _groups(
        "1. Latgales mazākumtautību kapacitātes celšanai:\n"
        "1.1. organizētas 3 apmācības, 57 dalībnieki;\n"
        "2. Pilsoniskās sabiedrības attīstībai Latgales reģionā:\n"
        "2.1. sniegtas 143 konsultācijas;\n"
    ) == [(MINORITY, "organizētas"), (CIVIL, "sniegtas")]


def test_a_group_numbered_on_only_at_the_next_number() -> None:
    # "9." after "8." goes on; a "5." after a heading that closed a list at "2." does not
    description = (
        "1. sniegtas 12 konsultācijas;\n"
        "2. publicētas 20 ziņas;\n\n"
        "Latgales mazākumtautību kapacitātes celšanai:\n"
        "3. organizētas 3 apmācības, 57 dalībnieki;\n"
        "4. izstrādātas 2 stratēģijas.\n"
    )
    assert [g for g, _ in _groups(description)] == [CIVIL, CIVIL, MINORITY, MINORITY]
    skipped = description.replace("3. organ", "5. organ").replace("4. izstr", "6. izstr")
    assert [g for g, _ in _groups(skipped)] == [CIVIL, CIVIL]
