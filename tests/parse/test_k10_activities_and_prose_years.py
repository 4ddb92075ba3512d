"""Years of implementation opened by a paragraph's words instead of a heading ("Pirmajā
īstenošanas gadā (no 2022. gada 15. jūlija līdz 2023. gada 14. jūlijam) biedrība īstenoja
šādus pasākumus:"), read only where they certainly are the report's years; approximate
counts ("ap 200 dalībnieku") and counts compared with another year. Each expected value is
read from the text it is given with.
"""

from __future__ import annotations

import datetime as dt

from pipeline.model import Qualifier, Report
from pipeline.parse import parse_report
from tests.conftest import FIXTURES
from tests.parse.test_activities_merged_heading_rows import CIVIL, MINORITY, parsed, report, rows

UNSEEN = FIXTURES / "reports" / "unseen"
E, ABOUT = Qualifier.EXACT, Qualifier.ABOUT
D = dt.date


def _fixture(name: str) -> Report:
    read = parse_report(UNSEEN / name)
    assert read.report is not None
    return read.report


# -- years opened by a paragraph's words -----------------------------------------------------


def test_each_opening_paragraph_is_a_year_with_its_period() -> None:
    read = parse_report(UNSEEN / "k10_riga_prose_year_openings.txt")
    rep = read.report
    assert rep is not None
    assert [(y.ordinal, y.stated) for y in rep.years] == [(1, True), (2, True), (3, True)]
    periods = [(y.period.start, y.period.end) for y in rep.years if y.period is not None]
    assert periods == [
        (D(2022, 7, 15), D(2023, 7, 14)),
        (D(2023, 7, 15), D(2024, 7, 14)),
        (D(2024, 7, 15), D(2025, 7, 14)),
    ]
    assert rep.years[1].heading is not None
    assert rep.years[1].heading.value == (
        "Otrajā īstenošanas gadā (no 2023. gada 15. jūlija līdz 2024. gada 14. jūlijam)"
    )
    # the second year's list is its own, not the first year's
    assert rows(rep.years[1].activities) == [
        (CIVIL, "1)", [(8, E, "seminars"), (190, E, "participants")]),
        (CIVIL, "2)", [(102, E, "consultations")]),
        (CIVIL, "3)", [(110, E, "news-items")]),
        (MINORITY, "1)", [(6, E, "organisations")]),
        (MINORITY, "2)", [(7, E, "events"), (880, E, "participants")]),
    ]
    # the rest of the opening paragraph, with its mention of the first year, is a note
    assert [n.value for n in rep.years[1].notes] == [
        "biedrība turpināja darbu, kā jau pirmajā īstenošanas gadā, un īstenoja šādus pasākumus:"
    ]
    # each funding row now finds its year, and the clean report raises no finding
    assert read.findings == ()


def test_a_date_outside_an_opened_year_is_a_finding() -> None:
    # planted: the forum of the first year (to 14 July 2023) is dated 12 April 2024 (line 16)
    read = parse_report(UNSEEN / "k10_riga_prose_year_openings_forum_date_outside_planted.txt")
    assert [(f.code, f.span and f.span.line) for f in read.findings] == [
        ("activity.date-outside-year", 16)
    ]


def test_arabic_opening_and_a_year_written_as_prose() -> None:
    rep = report(
        "1. īstenošanas gadā (01.03.2024.–28.02.2025.) biedrība organizēja 4 seminārus, "
        "kuros piedalījās 90 dalībnieki.\n"
        "2. īstenošanas gadā (01.03.2025.–28.02.2026.) biedrība sniedza 12 konsultācijas.\n"
    )
    assert [(y.ordinal, y.stated) for y in rep.years] == [(1, True), (2, True)]
    assert [y.period.start for y in rep.years if y.period] == [D(2024, 3, 1), D(2025, 3, 1)]
    assert rows(rep.years[0].activities) == [
        (CIVIL, None, [(4, E, "seminars"), (90, E, "participants")])
    ]
    assert rows(rep.years[1].activities) == [(CIVIL, None, [(12, E, "consultations")])]


def test_a_period_written_on_without_parentheses() -> None:
    rep = report(
        "Pirmajā īstenošanas gadā no 2024. gada 1. marta līdz 2025. gada 28. februārim:\n"
        "1) sniegtas 10 konsultācijas;\n"
        "Otrajā īstenošanas gadā no 2025. gada 1. marta līdz 2026. gada 28. februārim:\n"
        "1) sniegtas 14 konsultācijas.\n"
    )
    assert [y.ordinal for y in rep.years] == [1, 2]
    assert [y.period.end for y in rep.years if y.period] == [D(2025, 2, 28), D(2026, 2, 28)]
    assert rows(rep.years[1].activities) == [(CIVIL, "1)", [(14, E, "consultations")])]


_UNREAD = [
    # out of order: which year is which is unsure
    "Otrajā īstenošanas gadā (01.03.2025.–28.02.2026.) sniegtas 14 konsultācijas.\n"
    "Pirmajā īstenošanas gadā (01.03.2024.–28.02.2025.) sniegtas 10 konsultācijas.\n",
    # one alone may open a paragraph that goes on to the whole period
    "Pirmajā īstenošanas gadā (01.03.2024.–28.02.2025.) sniegtas 10 konsultācijas.\n"
    "Kopā sniegtas 24 konsultācijas.\n",
    # inside a sentence they are mentions
    "Biedrība, tāpat kā pirmajā īstenošanas gadā (01.03.2024.–28.02.2025.), sniedza "
    "konsultācijas. Arī otrajā īstenošanas gadā (01.03.2025.–28.02.2026.) darbs turpinājās.\n",
    # the periods overlap: not certainly the years
    "Pirmajā īstenošanas gadā (01.03.2024.–28.02.2025.) sniegtas 10 konsultācijas.\n"
    "Otrajā īstenošanas gadā (01.01.2025.–28.02.2026.) sniegtas 14 konsultācijas.\n",
    # a period without its dates
    "Pirmajā īstenošanas gadā (2024./2025.) sniegtas 10 konsultācijas.\n"
    "Otrajā īstenošanas gadā (2025./2026.) sniegtas 14 konsultācijas.\n",
]


def test_openings_that_are_not_certainly_years_leave_one_year() -> None:
    for description in _UNREAD:
        rep = report(description)
        assert [(y.ordinal, y.stated) for y in rep.years] == [(1, False)], description


def test_headings_of_its_own_keep_the_openings_as_text() -> None:
    rep = report(
        "I ĪSTENOŠANAS GADS (01.03.2024.–28.02.2025.)\n"
        "Pirmajā īstenošanas gadā (01.03.2024.–28.02.2025.) biedrība īstenoja:\n"
        "1) sniegtas 10 konsultācijas;\n"
        "II ĪSTENOŠANAS GADS (01.03.2025.–28.02.2026.)\n"
        "Otrajā īstenošanas gadā (01.03.2025.–28.02.2026.) biedrība īstenoja:\n"
        "1) sniegtas 14 konsultācijas.\n"
    )
    assert [(y.ordinal, y.numeral) for y in rep.years] == [(1, "I"), (2, "II")]
    assert [n.value for n in rep.years[1].notes] == [
        "Otrajā īstenošanas gadā (01.03.2025.–28.02.2026.) biedrība īstenoja:"
    ]


# -- counts compared with another year -------------------------------------------------------

_HEAD = "I ĪSTENOŠANAS GADS (01.03.2024.–28.02.2025.)\n"
_NEXT = "\nII ĪSTENOŠANAS GADS (01.03.2025.–28.02.2026.)\n1) sniegtas 5 konsultācijas.\n"


def _first_year(body: str) -> list[list[tuple[int, Qualifier, str]]]:
    rep = report(_HEAD + body + _NEXT)
    return [[(i.value, i.qualifier, i.kind) for i in a.indicators] for a in rep.years[0].activities]


def test_another_years_count_in_a_list_entry_is_not_this_years() -> None:
    # "(30 dalībnieki)" is the year before's: only 45 is this year's
    assert _first_year(
        "1) organizēti 4 semināri ar 45 dalībniekiem, salīdzinot ar iepriekšējo gadu "
        "(30 dalībnieki);\n2) sniegtas 8 konsultācijas."
    ) == [[(4, E, "seminars"), (45, E, "participants")], [(8, E, "consultations")]]
    assert _first_year(
        "1) organizēti 4 semināri (45 dalībnieki; iepriekšējā gadā – 30 dalībnieki);"
    ) == [[(4, E, "seminars"), (45, E, "participants")]]
    # the difference is no count of this year's either
    assert _first_year(
        "1) organizēti 4 semināri, kuros piedalījās par 10 dalībniekiem vairāk nekā "
        "iepriekšējā gadā, kopā 45 dalībnieki;"
    ) == [[(4, E, "seminars"), (45, E, "participants")]]


def test_more_than_a_count_is_no_comparison() -> None:
    assert _first_year("1) organizēti 4 semināri, kuros piedalījās vairāk nekā 45 dalībnieki;") == [
        [(4, E, "seminars"), (45, Qualifier.MORE_THAN, "participants")]
    ]


def test_a_prose_sentence_compared_with_another_year_gives_this_years_count() -> None:
    rep = report(
        _HEAD + "Biedrība organizēja 4 seminārus, kuros piedalījās 45 dalībnieki, par 10 vairāk "
        "nekā 2023. gadā. Salīdzinot ar iepriekšējo gadu (30 konsultācijas), sniegtas 42 "
        "konsultācijas. Iepriekšējā gadā tika organizēti 5 semināri." + _NEXT
    )
    first = rep.years[0]
    assert rows(first.activities) == [
        (CIVIL, None, [(4, E, "seminars"), (45, E, "participants")]),
        (CIVIL, None, [(42, E, "consultations")]),
    ]
    # a sentence wholly about the other year stays a note, as written
    assert [n.value for n in first.notes] == ["Iepriekšējā gadā tika organizēti 5 semināri."]


def test_prose_years_with_compared_and_approximate_counts() -> None:
    read = parse_report(UNSEEN / "k10_kurzeme_prose_years_compared_and_approximate_counts.txt")
    rep = read.report
    assert rep is not None
    assert [(y.ordinal, y.period and y.period.start) for y in rep.years] == [
        (1, D(2023, 7, 1)),
        (2, D(2024, 7, 1)),
    ]
    first, second = rep.years
    assert rows(first.activities) == [
        (CIVIL, None, [(5, E, "seminars"), (150, ABOUT, "participants")]),
        (CIVIL, None, [(64, E, "consultations")]),
        (CIVIL, None, [(1, E, "forums"), (120, ABOUT, "participants")]),
        (MINORITY, None, [(4, E, "events"), (310, E, "participants")]),
    ]
    # "par 20 vairāk" and the year before's 64 consultations are no counts of this year's
    assert rows(second.activities) == [
        (CIVIL, None, [(6, E, "seminars"), (170, E, "participants")]),
        (CIVIL, None, [(81, E, "consultations")]),
        (CIVIL, None, [(1, E, "forums"), (140, ABOUT, "participants")]),
        (MINORITY, None, [(5, E, "events"), (365, E, "participants")]),
    ]
    assert [n.value for n in second.notes] == [
        "darbs turpinājās, kā jau pirmajā īstenošanas gadā, sadarbībā ar Kurzemes pašvaldībām."
    ]
    assert read.findings == ()


# -- approximate counts ----------------------------------------------------------------------


def test_an_approximate_count_is_read_as_about_and_never_compared() -> None:
    assert _first_year("1) organizēts forums, kurā piedalījās ap 60 dalībnieku;") == [
        [(60, ABOUT, "participants")]
    ]
    assert _first_year("1) organizēti 3 semināri, kuros piedalījās aptuveni 150 dalībnieku;") == [
        [(3, E, "seminars"), (150, ABOUT, "participants")]
    ]
    # exactly counted, the parts not adding up is a finding; about 60, it is none
    exact = parsed(
        _HEAD
        + "1) organizēts forums, kurā piedalījās 60 dalībnieki (35 sievietes, 20 vīrieši);"
        + _NEXT
    )
    about = parsed(
        _HEAD
        + "1) organizēts forums, kurā piedalījās ap 60 dalībnieku (35 sievietes, 20 vīrieši);"
        + _NEXT
    )
    assert "activity.breakdown-mismatch" in {f.code for f in exact.findings}
    assert "activity.breakdown-mismatch" not in {f.code for f in about.findings}
