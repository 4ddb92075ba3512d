"""Activities and their counts, round 9: a table exported from Excel whose merged cells give
each row's year and group once, in the first of their rows ("Īstenošanas gads | Virziens |
Aktivitāte | Skaits | Dalībnieki"), and whose empty cells make no note; a count's parts by
place after its colon ("6 semināri: 3 Valmierā un 2 Cēsīs"); and a number in words after
its verb, the noun fronted before them, in first-person prose ("Seminārus novadījām
piecus"). Each golden value is read by hand from its fixture (`tests/fixtures/reports/unseen/`)
or from the phrase it is given with.
"""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from pipeline.model import ActivityGroup, Parsed, Text
from pipeline.parse import parse_text
from pipeline.parse.activity_table_headers import Role, header_roles
from pipeline.parse.activity_table_reader import group_named
from pipeline.parse.latvian import number_in_words
from pipeline.parse.mentions import find_indicators
from pipeline.parse.text import SourcedText, SourceFile
from tests.conftest import REPORTS
from tests.parse.golden import (
    CIVIL,
    EXACT,
    MINORITY,
    UNSEEN,
    D,
    quantities,
    read_unseen,
    report_of,
    years,
)

FILES = {
    "excel": "activities2_excel_merged_year_and_group_cells.txt",
    "places": "activities2_count_parts_by_place_planted.txt",
    "prose": "activities2_first_person_prose_fronted_counts.txt",
}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _codes(parsed: Parsed) -> list[tuple[str, int]]:
    return sorted((f.code, f.span.line if f.span else 0) for f in parsed.findings)


def _counts(text: str) -> list[tuple[int, str, str, str, int | None]]:
    source = SourceFile("phrase.txt", text)
    return [
        (i.value, i.qualifier.value, i.kind, i.phrase, i.part_of)
        for i in find_indicators(SourcedText.of(text), source)
    ]


def _empty_texts(value: object, path: str) -> list[str]:
    """Where in the model a Text holds no words."""
    if isinstance(value, Text):
        return [] if value.value.strip() else [path]
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return [
            found
            for f in dataclasses.fields(value)
            for found in _empty_texts(getattr(value, f.name), f"{path}.{f.name}")
        ]
    if isinstance(value, tuple | list):
        return [found for k, v in enumerate(value) for found in _empty_texts(v, f"{path}[{k}]")]
    return []


# -- an empty cell is no note -------------------------------------------------------------------


@pytest.mark.parametrize("key", sorted(FILES))
def test_no_text_in_the_model_is_empty(read: dict[str, Parsed], key: str) -> None:
    assert _empty_texts(report_of(read, key), "report") == []


@pytest.mark.parametrize(
    "path",
    sorted(REPORTS.glob("*.txt")) + sorted(UNSEEN.glob("*.txt")),
    ids=lambda p: p.stem,
)
def test_no_text_of_any_text_report_is_empty(path: Path) -> None:
    parsed = parse_text(path.read_text(encoding="utf-8"), path.name)
    assert _empty_texts(parsed.report, "report") == []


# -- a table whose merged cells give the year and the group -------------------------------------


def test_header_of_year_and_group_columns() -> None:
    roles = header_roles(["Īstenošanas gads", "Virziens", "Aktivitāte", "Skaits", "Dalībnieki"])
    assert roles == (Role.YEAR, Role.GROUP, Role.NAME, Role.DONE, Role.DONE)
    # a year's money is still money
    assert header_roles(["Aktivitāte", "2023. gads, EUR"]) == (Role.NAME, Role.MEASURE)


def test_excel_table_reads_its_years_from_the_year_column(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "excel")
    assert years(rep) == [
        (1, (D(2023, 3, 1), D(2024, 2, 29))),
        (2, (D(2024, 3, 1), D(2025, 2, 28))),
        (3, (D(2025, 3, 1), D(2026, 2, 28))),
    ]
    assert all(y.stated for y in rep.years)
    assert [y.numeral for y in rep.years] == ["I", "II", "III"]
    assert rep.years[0].heading is not None
    assert rep.years[0].heading.value == "I. ĪSTENOŠANAS GADS (01.03.2023.–29.02.2024.)"
    assert rep.years[0].heading.span.line == 8


def test_excel_table_reads_each_row_under_the_year_and_group_above_it(
    read: dict[str, Parsed],
) -> None:
    rep = report_of(read, "excel")
    assert quantities(rep, 1) == [
        (CIVIL, 1, EXACT, "forums"),
        (CIVIL, 120, EXACT, "participants"),
        (CIVIL, 6, EXACT, "seminars"),
        (CIVIL, 140, EXACT, "participants"),
        (CIVIL, 58, EXACT, "consultations"),
        (CIVIL, 40, EXACT, "news-items"),
        (MINORITY, 1, EXACT, "strategies"),
        (MINORITY, 4, EXACT, "organisations"),
        (MINORITY, 5, EXACT, "events"),
        (MINORITY, 410, EXACT, "participants"),
    ]
    assert quantities(rep, 2) == [
        (CIVIL, 2, EXACT, "forums"),
        (CIVIL, 230, EXACT, "participants"),
        (CIVIL, 2, EXACT, "focus-groups"),
        (CIVIL, 18, EXACT, "participants"),
        (CIVIL, 8, EXACT, "seminars"),
        (CIVIL, 176, EXACT, "participants"),
        (CIVIL, 91, EXACT, "consultations"),
        (MINORITY, 6, EXACT, "events"),
        (MINORITY, 520, EXACT, "participants"),
        (MINORITY, 3, EXACT, "organisations"),
    ]
    assert quantities(rep, 3) == [
        (CIVIL, 7, EXACT, "seminars"),
        (CIVIL, 150, EXACT, "participants"),
        (CIVIL, 77, EXACT, "consultations"),
        (CIVIL, 52, EXACT, "news-items"),
        (MINORITY, 2, EXACT, "strategies"),
        (MINORITY, 4, EXACT, "events"),
        (MINORITY, 300, EXACT, "participants"),
    ]


def test_excel_rows_keep_only_their_own_cells(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "excel")
    first = [a for a in rep.activities if a.year == 1]
    assert [a.text.value for a in first[:2]] == ["Forumi – 1 – 120", "Semināri – 6 – 140"]
    assert [a.position for a in first] == [1, 2, 3, 4, 1, 2, 3]
    assert first[0].dates == ()  # the year's dates are its heading's, no activity's
    assert first[0].text.span.line == 8
    # the civil-society group's name stays, as written, the year's note
    assert [n.value for n in rep.years[0].notes] == ["Pilsoniskās sabiedrības attīstība"]


def test_excel_table_raises_nothing(read: dict[str, Parsed]) -> None:
    # no unread heading for the column's header "Īstenošanas gads", the years found, the
    # funding rows matched to them by their dates, the minority group read
    assert _codes(read["excel"]) == []


def test_year_heading_broken_over_two_lines_of_its_cell(read: dict[str, Parsed]) -> None:
    # "I. ĪSTENOŠANAS GADS" over "(01.03.2023.–29.02.2024.)" in the year's merged cell
    text = (UNSEEN / FILES["excel"]).read_text(encoding="utf-8")
    broken = re.sub(r"(ĪSTENOŠANAS GADS) \(", "\\1\n(", text)
    assert broken.count("GADS\n(") == 3
    parsed = parse_text(broken, FILES["excel"])
    assert parsed.report is not None
    assert years(parsed.report) == years(report_of(read, "excel"))
    assert [quantities(parsed.report, n) for n in (1, 2, 3)] == [
        quantities(report_of(read, "excel"), n) for n in (1, 2, 3)
    ]
    assert _codes(parsed) == []


@pytest.mark.parametrize(
    ("name", "group"),
    [
        ("Pilsoniskās sabiedrības attīstība", ActivityGroup.CIVIL_SOCIETY),
        ("Pilsoniskās sabiedrības attīstībai Latgales reģionā", ActivityGroup.CIVIL_SOCIETY),
        ("Mazākumtautību NVO kapacitātes celšana", ActivityGroup.MINORITY_CAPACITY),
        ("Latgales mazākumtautību kapacitātes celšanai", ActivityGroup.MINORITY_CAPACITY),
        ("Mazākumtautību līdzdalības veicināšana", ActivityGroup.MINORITY_CAPACITY),
        # the task's name for both, or neither: no group can be told
        ("Pilsoniskās sabiedrības un mazākumtautību NVO attīstība", None),
        ("Starpkultūru dialogs", None),
    ],
)
def test_group_column_names(name: str, group: ActivityGroup | None) -> None:
    assert group_named(name) is group


# -- a count's parts by place after its colon ---------------------------------------------------


def test_parts_by_place_are_read_as_parts_of_the_count(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "places")
    by_year = {
        (a.year, a.group, a.number): [(i.value, i.kind, i.phrase, i.part_of) for i in a.indicators]
        for a in rep.activities
    }
    assert by_year[(1, CIVIL, "1)")] == [
        (6, "seminars", "6 semināri:", None),
        (3, "seminars", "3 Valmierā", 1),
        (2, "seminars", "2 Cēsīs", 1),
        (120, "participants", "120 dalībnieki", None),
    ]
    assert by_year[(2, CIVIL, "1)")] == [
        (8, "seminars", "8 semināri:", None),
        (5, "seminars", "5 Valmierā", 1),
        (2, "seminars", "2 Smiltenē", 1),
        (1, "seminars", "1 Alūksnē", 1),
        (170, "participants", "170 dalībnieki", None),
    ]
    # a list left open ("u.c."): not read
    assert by_year[(2, CIVIL, "2)")] == [(90, "consultations", "90 konsultācijas", None)]
    # a list that says more than its places: not read
    assert by_year[(2, MINORITY, "2)")] == [
        (6, "events", "6 mazākumtautību kultūras pasākumi", None),
        (450, "participants", "450 dalībnieki", None),
    ]
    assert by_year[(3, CIVIL, "3)")] == [
        (2, "forums", "2 forumi:", None),
        (1, "forums", "1 Cēsīs", 1),
        (1, "forums", "1 Limbažos", 1),
        (210, "participants", "210 dalībnieki", None),
    ]


def test_parts_by_place_that_do_not_add_up_are_reported(read: dict[str, Parsed]) -> None:
    # planted, l.12: "6 semināri: 3 Valmierā un 2 Cēsīs" (3 + 2 = 5); the lists of l.21 and
    # l.32 add up, and the funding adds up in every year
    assert _codes(read["places"]) == [("activity.breakdown-mismatch", 12)]
    (finding,) = read["places"].findings
    assert "(3 Valmierā, 2 Cēsīs) add up to 5, not 6" in finding.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "organizēti 6 semināri: 3 Valmierā un 2 Cēsīs;",
            [
                (6, "exact", "seminars", "6 semināri:", None),
                (3, "exact", "seminars", "3 Valmierā", 1),
                (2, "exact", "seminars", "2 Cēsīs", 1),
            ],
        ),
        (
            "piedalījās 45 dalībnieki: 30 Valmierā un 15 Ogres novadā.",
            [
                (45, "exact", "participants", "45 dalībnieki:", None),
                (30, "exact", "participants", "30 Valmierā", 1),
                (15, "exact", "participants", "15 Ogres novadā", 1),
            ],
        ),
        # no "un" before the last: the list may go on
        (
            "organizēti 6 semināri: 3 Valmierā, 3 Cēsīs;",
            [(6, "exact", "seminars", "6 semināri", None)],
        ),
        # a word that names no town, or a part larger than the whole
        (
            "organizēti 6 semināri: 3 Mājās un 3 Cēsīs;",
            [(6, "exact", "seminars", "6 semināri", None)],
        ),
        (
            "organizēti 6 semināri: 7 Valmierā un 3 Cēsīs;",
            [(6, "exact", "seminars", "6 semināri", None)],
        ),
        # a count that is no exact one
        (
            "organizēti ap 6 semināri: 3 Valmierā un 2 Cēsīs;",
            [(6, "about", "seminars", "ap 6 semināri", None)],
        ),
    ],
)
def test_parts_by_place_in_a_phrase(
    text: str, expected: list[tuple[int, str, str, str, int | None]]
) -> None:
    assert _counts(text) == expected


# -- a number in words after its verb, the noun fronted ----------------------------------------


def test_fronted_counts_in_first_person_prose(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "prose")
    assert years(rep) == [
        (1, (D(2023, 7, 1), D(2024, 6, 30))),
        (2, (D(2024, 7, 1), D(2025, 6, 30))),
    ]
    assert quantities(rep, 1) == [
        (CIVIL, 4, EXACT, "seminars"),
        (CIVIL, 76, EXACT, "participants"),
        (CIVIL, 2, EXACT, "forums"),
        (CIVIL, 25, EXACT, "consultations"),
        (MINORITY, 6, EXACT, "events"),
    ]
    assert quantities(rep, 2) == [
        (CIVIL, 5, EXACT, "seminars"),
        (CIVIL, 98, EXACT, "participants"),
        (CIVIL, 42, EXACT, "news-items"),
        (MINORITY, 2, EXACT, "strategies"),
        (MINORITY, 4, EXACT, "events"),
        (MINORITY, 260, EXACT, "participants"),
    ]
    phrases = [i.phrase for a in rep.activities if a.year == 1 for i in a.indicators]
    assert phrases[0] == "Seminārus novadījām četrus"
    assert phrases[-1] == "sešus kultūras pasākumus"
    # a sentence with no count stays the year's note
    assert [n.value for n in rep.years[1].notes] == [
        "Otrajā gadā turpinājām iesākto.",
        "Konsultācijas sniedzām pēc vajadzības.",
    ]
    assert _codes(read["prose"]) == []


@pytest.mark.parametrize(
    ("words", "value"),
    [("divus", 2), ("četrus", 4), ("piecus", 5), ("sešus", 6), ("septiņus", 7), ("deviņus", 9)],
)
def test_masculine_accusative_number_words(words: str, value: int) -> None:
    assert number_in_words(words) == value


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seminārus novadījām piecus.", [(5, "exact", "seminars", "Seminārus novadījām piecus")]),
        (
            "Šoreiz forumus rīkojām divus – Ventspilī un Talsos.",
            [(2, "exact", "forums", "forumus rīkojām divus")],
        ),
        (
            "sarīkojām sešus kultūras pasākumus.",
            [(6, "exact", "events", "sešus kultūras pasākumus")],
        ),
        (
            "Konsultācijas sniedzām divdesmit.",
            [(20, "exact", "consultations", "Konsultācijas sniedzām divdesmit")],
        ),
        # a number that does not agree with the noun, or counts a noun of its own after it
        ("Seminārus novadījām piecas.", []),
        ("Seminārus novadījām divus mēnešus.", []),
        # a word between the noun and the verb, or no verb of doing
        ("Seminārus arī novadījām piecus.", []),
        ("Seminārus plānojām piecus.", []),
    ],
)
def test_fronted_counts_in_a_phrase(text: str, expected: list[tuple[int, str, str, str]]) -> None:
    assert [c[:4] for c in _counts(text)] == expected
