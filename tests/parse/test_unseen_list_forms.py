"""Golden values for how lists of activities are read in four reports by independent testers,
who read their facts by hand before the parser ran.

Plain text with labels on their own lines whose general activities are bulleted with "▪"
(Rīga, two planted); Word with the whole report in one table and a multilevel list whose
level-0 items "1. …:" / "2. … mazākumtautību kapacitātes celšanai:" are the group headings
of the "1.1." / "2.1." activities (Kurzeme, one planted); Word with Heading 3 group headings
written without a colon, lettered sub-items under an activity and a paragraph after the last
list (Kurzeme, one planted, in funding); a Google Docs export with a paragraph after the
year's last list (Vidzeme, clean).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.model import Activity, ActivityGroup, Parsed, Report
from pipeline.read import read_report
from tests.conftest import FIXTURES, parse_text
from tests.parse.golden import UNSEEN

HERE = UNSEEN
CIVIL, MINORITY = ActivityGroup.CIVIL_SOCIETY, ActivityGroup.MINORITY_CAPACITY

FILES = {
    "square": "riga_labels_on_lines_square_bullets_planted.txt",
    # the same report as the one whose title is in the page header
    "multilevel": str(
        FIXTURES / "reports/unseen/kurzeme_word_title_in_header_reg_no_in_footnote_planted.docx"
    ),
    "headings": "kurzeme_word_heading_styles_no_colon_planted.docx",
    "gdocs": "vidzeme_google_docs_css_counters.html",
}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return {key: read_report(HERE / name, Path(name).name) for key, name in FILES.items()}


def _report(parsed: Parsed) -> Report:
    assert parsed.report is not None
    return parsed.report


def _in(rep: Report, year: int, group: ActivityGroup) -> list[Activity]:
    return [a for a in rep.activities if a.year == year and a.group is group]


def _counts(rep: Report, group: ActivityGroup) -> list[int]:
    return [len(_in(rep, y.ordinal, group)) for y in rep.years]


def _values(rep: Report, kind: str) -> list[list[int]]:
    """Per year, the values of one kind in the civil-society activities."""
    return [
        [i.value for a in _in(rep, y.ordinal, CIVIL) for i in a.indicators if i.kind == kind]
        for y in rep.years
    ]


# -- bullets other than "•" and "-" ------------------------------------------------------------


def test_square_bullets_are_activities(read: dict[str, Parsed]) -> None:
    rep = _report(read["square"])
    # "Y1 G: 2 forums …, 9 seminars …, 140 consultations; 96 news items …; 4 focus-group
    # discussions"; Y2 six, Y3 five, Y4 five general items, each a "▪" line
    assert _counts(rep, CIVIL) == [5, 6, 5, 5]
    assert _counts(rep, MINORITY) == [3, 4, 3, 3]
    assert _values(rep, "forums") == [[2], [3], [2], [2]]
    assert _values(rep, "seminars") == [[9], [10], [8], [7]]
    assert _values(rep, "consultations") == [[140], [163], [151], [129]]
    first = _in(rep, 1, CIVIL)[0]
    assert (
        first.text.value == "tiešsaistē organizēti 2 forumi, kuros kopā piedalījās 205 dalībnieki;"
    )
    assert [(i.value, i.kind) for i in first.indicators] == [(2, "forums"), (205, "participants")]
    assert all("▪" not in n.value for y in rep.years for n in y.notes)
    # the two planted contradictions stay found
    codes = {f.code for f in read["square"].findings}
    assert {"funding.sum-mismatch", "period.year-outside-delegation"} <= codes


@pytest.mark.parametrize("bullet", ["◦", "‣", "○", "■", "□", "➢", "►", "✓", "\uf0b7", "·"])
def test_other_bullet_characters_are_activities(bullet: str) -> None:
    text = (HERE / FILES["square"]).read_text(encoding="utf-8").replace("▪", bullet)
    rep = _report(parse_text(text, "bullets.txt"))
    assert _counts(rep, CIVIL) == [5, 6, 5, 5]
    assert _values(rep, "seminars") == [[9], [10], [8], [7]]


def test_multilevel_numbers_in_plain_text() -> None:
    text = (HERE / FILES["square"]).read_text(encoding="utf-8")
    lines, k = [], 0
    for line in text.split("\n"):
        if "īstenošanas gads (" in line:
            k = 0
        if line.startswith("▪ "):
            k += 1
            line = f"1.{k}. " + line[2:]
        lines.append(line)
    rep = _report(parse_text("\n".join(lines), "numbered.txt"))
    assert _counts(rep, CIVIL) == [5, 6, 5, 5]
    assert [a.number for a in _in(rep, 2, CIVIL)] == [f"1.{k}." for k in range(1, 7)]


# -- a multilevel list whose level-0 items are the group headings ------------------------------


def test_numbered_group_headings_head_their_numbered_activities(read: dict[str, Parsed]) -> None:
    rep = _report(read["multilevel"])
    # "Year I general (6) … MT (4); Year II general (7) … MT (4); Year III general (6) … MT (5)"
    assert _counts(rep, CIVIL) == [6, 7, 6]
    assert _counts(rep, MINORITY) == [4, 4, 5]
    assert [a.number for a in _in(rep, 1, CIVIL)] == [f"1.{k}." for k in range(1, 7)]
    assert [a.number for a in _in(rep, 1, MINORITY)] == [f"2.{k}." for k in range(1, 5)]
    assert _values(rep, "forums") == [[2], [1], [2]]
    training = _in(rep, 1, MINORITY)[0]
    assert [(i.value, i.kind) for i in training.indicators] == [
        (2, "trainings"),
        (34, "participants"),
    ]
    # "1.6 4 pasākumi, with sub-items a) … b) … c) … (sub-items belong to 1.6, not separate
    # activities)"
    events = _in(rep, 1, CIVIL)[5]
    assert events.text.value.startswith("noorganizēti 4 pasākumi iedzīvotāju")
    assert "a) “Kurzemes NVO diena” Liepājā (210 dalībnieki)" in events.text.value
    assert events.text.value.endswith("c) 2 kopienu vakari Saldū (kopā 60 dalībnieki).")
    # the level-0 items are headings, no activities
    assert not any("attīstībai Kurzemes reģionā:" in a.text.value for a in rep.activities)
    codes = {f.code for f in read["multilevel"].findings}
    assert "structure.no-minority-group" not in codes
    assert "period.year-outside-delegation" in codes  # planted: year III ends 2024-08-31


# -- a group heading without its colon ---------------------------------------------------------


def test_heading_without_colon_opens_the_minority_group(read: dict[str, Parsed]) -> None:
    rep = _report(read["headings"])
    # "I general (6) … MT (4); II general (7) … MT (5)"
    assert _counts(rep, CIVIL) == [6, 7]
    assert _counts(rep, MINORITY) == [4, 5]
    last = _in(rep, 1, CIVIL)[-1]
    assert last.text.value == (
        "Organizēti 3 piederības apziņas veicināšanas pasākumi, kuros piedalījās ap 400 dalībnieku."
    )
    assert _in(rep, 2, CIVIL)[-1].text.value == (
        "Izveidots 1 Kurzemes NVO sadarbības tīkla kontaktu katalogs."
    )
    assert [a.number for a in _in(rep, 2, MINORITY)] == ["1.", "2.", "3.", "4.", "5."]
    assert "structure.no-minority-group" not in {f.code for f in read["headings"].findings}


def test_paragraph_after_the_last_list_is_a_note(read: dict[str, Parsed]) -> None:
    rep = _report(read["headings"])
    video = _in(rep, 2, MINORITY)[-1]
    assert video.text.value == (
        "Sagatavots 1 video stāstu cikls (6 sērijas) par Kurzemes mazākumtautībām."
    )
    assert rep.years[1].notes[-1].value.startswith("Pasākumu foto un video materiāli pieejami:")
    gdocs = _report(read["gdocs"])
    assert _in(gdocs, 2, MINORITY)[-1].text.value == (
        "organizēti 5 mazākumtautību kultūras pasākumi (kopā 388 dalībnieki)."
    )
    assert gdocs.years[1].notes[-1].value.startswith("Visas aktivitātes atspoguļotas")


def test_lettered_sub_items_are_parts_of_their_activity(read: dict[str, Parsed]) -> None:
    rep = _report(read["headings"])
    cycle = _in(rep, 1, CIVIL)[1]
    # "mācību cikls 8 nodarbības 96 dal. (sub-items a) 4 nodarbības 52 dal., b) 4 nodarbības
    # 44 dal.)": the sub-items' counts are parts of the activity's, not counted again
    assert [(i.value, i.kind, i.part_of) for i in cycle.indicators] == [
        (8, "sessions", None),
        (96, "participants", None),
        (4, "sessions", 1),
        (52, "participants", 2),
        (4, "sessions", 1),
        (44, "participants", 2),
    ]
    assert [i.value for i in cycle.indicators if i.part_of is None] == [8, 96]
