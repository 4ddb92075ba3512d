"""Activities in a three-level decimal numbering ("1." group → "1.1. Forumi un diskusijas:"
topic → "1.1.1." activity), a tilde before a count ("~120 ieraksti": about so many), and
people counted as "cilvēki" where the sentence says they took part ("piedalījās ap 200
cilvēku"). Each expected value is read from the text it is given with; the two reports are
an independent tester's (round 10), copied as they wrote them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from pipeline.model import Qualifier, Report
from pipeline.parse import parse_report
from tests.conftest import FIXTURES
from tests.parse.test_activities_merged_heading_rows import CIVIL, MINORITY, parsed, report, rows

UNSEEN = FIXTURES / "reports" / "unseen"
THREE_LEVELS = UNSEEN / "r10_kurzeme_three_level_numbering_breakdown_year_outside_planted.txt"
APPROXIMATE = UNSEEN / "r10_vidzeme_approximate_ranged_counts.txt"
E, ABOUT, MORE = Qualifier.EXACT, Qualifier.ABOUT, Qualifier.MORE_THAN
D = dt.date


def _read(path: Path) -> Report:
    read = parse_report(path)
    assert read.report is not None
    return read.report


# -- three-level numbering --------------------------------------------------------------------


def test_each_third_level_entry_is_an_activity_with_its_own_counts() -> None:
    first, second = _read(THREE_LEVELS).years
    # lines 18–25: "1.1." and "1.2." head topics, their "1.1.1." … entries are the activities
    assert rows(first.activities) == [
        (
            CIVIL,
            "1.1.1.",
            [(48, E, "participants"), (25, E, "participants"), (21, E, "participants")],
        ),
        (CIVIL, "1.1.2.", [(3, E, "focus-groups"), (36, E, "participants")]),
        (CIVIL, "1.2.1.", [(6, E, "seminars"), (92, E, "participants")]),
        (CIVIL, "1.2.2.", [(58, E, "consultations")]),
        (MINORITY, "2.1.", [(4, E, "organisations")]),
        (MINORITY, "2.2.", [(2, E, "events"), (230, E, "participants")]),
    ]
    # lines 30–37
    assert rows(second.activities) == [
        (
            CIVIL,
            "1.1.1.",
            [(55, E, "participants"), (30, E, "participants"), (25, E, "participants")],
        ),
        (CIVIL, "1.1.2.", [(2, E, "focus-groups"), (24, E, "participants")]),
        (CIVIL, "1.2.1.", [(7, E, "seminars"), (105, E, "participants")]),
        (CIVIL, "1.2.2.", [(64, E, "consultations")]),
        (MINORITY, "2.1.", [(1, E, "strategies")]),
        (MINORITY, "2.2.", [(3, E, "events"), (315, E, "participants")]),
    ]
    # the women and men are the forum's participants' parts, not more participants
    assert [i.part_of for i in first.activities[0].indicators] == [None, 1, 1]
    # the group's and the topics' headings stay the year's notes, as written
    assert [n.value for n in first.notes] == [
        "Pilsoniskās sabiedrības attīstībai Kurzemes reģionā:",
        "Forumi un diskusijas:",
        "Izglītojošie pasākumi:",
    ]
    forum = first.activities[0]
    assert forum.text.span.line == 18
    assert forum.text.value.startswith("2023. gada 16. septembrī Talsos organizēts")
    assert [d.start for d in forum.dates] == [D(2023, 9, 16)]


def test_the_planted_contradictions_and_no_other() -> None:
    # planted: 25 + 21 = 46 women and men of 48 (line 18); year II ends on 31.05.2025., after
    # the delegation's 28.02.2025. (line 27)
    read = parse_report(THREE_LEVELS)
    assert sorted((f.code, f.span and f.span.line) for f in read.findings) == [
        ("activity.breakdown-mismatch", 18),
        ("period.year-outside-delegation", 27),
    ]
    mismatch = next(f for f in read.findings if f.code == "activity.breakdown-mismatch")
    assert "activity 1.1.1. of year 1" in mismatch.message


def test_a_topic_that_counts_something_keeps_its_entries_as_parts() -> None:
    # "1.1." counts the forums and their participants: the entries under it are its parts,
    # as under a level-0 item that counts something
    year = report(
        "I ĪSTENOŠANAS GADS (01.03.2024.–28.02.2025.)\n"
        "1. Pilsoniskās sabiedrības attīstībai:\n"
        "1.1. Organizēti 2 forumi, kopā 80 dalībnieki:\n"
        "1.1.1. Rēzeknē 50 dalībnieki;\n"
        "1.1.2. Ludzā 30 dalībnieki.\n"
        "1.2. Sniegtas 12 konsultācijas.\n"
    ).years[0]
    assert [a.number for a in year.activities] == ["1.1.", "1.2."]
    assert year.activities[0].indicators[0].value == 2
    assert "1.1.1. Rēzeknē" in year.activities[0].text.value


def test_a_topic_without_a_colon_is_no_heading() -> None:
    # "1.1. …" is an activity of its own; "1.1.1." after it, with no ":" leading in, is no
    # list of its entries: the text stays the activity's
    year = report(
        "I ĪSTENOŠANAS GADS (01.03.2024.–28.02.2025.)\n"
        "1.1. Organizēti 3 semināri\n"
        "1.1.1. Rēzeknē;\n"
        "1.2. Sniegtas 12 konsultācijas.\n"
    ).years[0]
    assert [a.number for a in year.activities] == ["1.1.", "1.2."]


# -- a tilde before a count ------------------------------------------------------------------


def test_a_tilde_makes_a_count_approximate() -> None:
    first = _read(APPROXIMATE).years[0]
    # line 11: "publicētas aptuveni 40 ziņas un ~120 ieraksti sociālajos tīklos."
    news = first.activities[3]
    assert [(i.value, i.qualifier, i.kind, i.phrase) for i in news.indicators] == [
        (40, ABOUT, "news-items", "aptuveni 40 ziņas"),
        (120, ABOUT, "posts", "~120 ieraksti"),
    ]


def test_an_approximate_total_is_never_compared_with_its_parts() -> None:
    read = parsed(
        "I ĪSTENOŠANAS GADS (01.03.2024.–28.02.2025.)\n"
        "1) organizēts forums, piedalījās ~50 dalībnieki (20 sievietes un 25 vīrieši);\n"
    )
    assert read.report is not None
    (forum,) = read.report.years[0].activities
    assert (forum.indicators[0].value, forum.indicators[0].qualifier) == (50, ABOUT)
    assert "activity.breakdown-mismatch" not in {f.code for f in read.findings}


# -- people who took part --------------------------------------------------------------------


def test_people_who_took_part_are_participants() -> None:
    rep = _read(APPROXIMATE)
    # line 8: "organizēts 1 forums, piedalījās ap 200 cilvēku;"
    assert rows(rep.years[0].activities[:1]) == [
        (CIVIL, "1)", [(1, E, "forums"), (200, ABOUT, "participants")])
    ]
    assert rep.years[0].activities[0].indicators[1].phrase == "ap 200 cilvēku"
    # the clean report raises no finding
    assert parse_report(APPROXIMATE).findings == ()


def test_only_people_the_sentence_says_took_part() -> None:
    year = report(
        "I ĪSTENOŠANAS GADS (01.03.2024.–28.02.2025.)\n"
        "1) informatīvajā kampaņā sasniegti 5000 cilvēki;\n"
        "2) biedrības birojā strādāja 3 cilvēki;\n"
        "3) organizēti 4 semināri, katrā piedalījās 20 cilvēki;\n"
        "4) biedrības mājaslapu apmeklēja 1 200 cilvēku;\n"
        "5) pasākumā piedalījās līdz 80 cilvēkiem;\n"
        "6) kopienas svētkus apmeklēja 150 cilvēki;\n"
        "7) forums pulcēja vairāk nekā 300 cilvēkus;\n"
        "8) organizēts 1 forums, kurā piedalījās 60 dalībnieki, kopā 60 cilvēki;\n"
        "9) projekta īstenošanā iesaistījās ap 12 cilvēki no biedrības komandas.\n"
    ).years[0]
    assert rows(year.activities) == [
        (CIVIL, "1)", []),
        (CIVIL, "2)", []),
        (CIVIL, "3)", [(4, E, "seminars")]),
        (CIVIL, "4)", []),
        (CIVIL, "5)", []),
        (CIVIL, "6)", [(150, E, "participants")]),
        (CIVIL, "7)", [(300, MORE, "participants")]),
        (CIVIL, "8)", [(1, E, "forums"), (60, E, "participants")]),
        (CIVIL, "9)", []),  # the implementer's own team
    ]
