"""A comparison with another year cuts out that year's count and nothing of this year's: the
review's probes, each a line or sentence of a k10 fixture replaced by a form that names
another year without giving its count ("tāpat kā iepriekšējā gadā sniegtas 55 konsultācijas",
"aizvadītajā gadā …", "turpinot iepriekšējā gadā uzsākto darbu …", "salīdzinot ar iepriekšējo
gadu (48 konsultācijas) sniegtas 55 konsultācijas"). Each expected value is read from the
replaced text.
"""

from __future__ import annotations

import pytest

from pipeline.model import Qualifier, Report
from pipeline.parse import parse_text
from pipeline.parse.activity_compared import compared_ranges, likened_ranges
from tests.conftest import FIXTURES

UNSEEN = FIXTURES / "reports" / "unseen"
E, MORE = Qualifier.EXACT, Qualifier.MORE_THAN

# -- a list entry of year II (k10_vidzeme_dashed_labels_values_below.txt, line 26) ---------

_LISTED = UNSEEN / "k10_vidzeme_dashed_labels_values_below.txt"
_LISTED_LINE = "2) sniegtas 55 konsultācijas;"


def _listed(entry: str) -> Report:
    text = _LISTED.read_text(encoding="utf-8")
    assert text.count(_LISTED_LINE) == 1
    read = parse_text(text.replace(_LISTED_LINE, entry), "probe.txt")
    assert read.report is not None
    return read.report


def _second_entry(entry: str) -> list[tuple[int, Qualifier, str]]:
    year = _listed(entry).years[1]
    assert year.activities[1].text.value == entry[3:]
    return [(i.value, i.qualifier, i.kind) for i in year.activities[1].indicators]


@pytest.mark.parametrize(
    "entry",
    [
        "2) tāpat kā iepriekšējā gadā sniegtas 55 konsultācijas;",  # h1
        "2) aizvadītajā gadā sniegtas 55 konsultācijas;",  # h3: the year reported on
        "2) līdzīgi kā iepriekšējos gados sniegtas 55 konsultācijas;",  # h6
        "2) turpinot iepriekšējā gadā uzsākto darbu sniegtas 55 konsultācijas;",  # h7
        "2) pagājušajā gadā izveidotajā konsultāciju punktā sniegtas 55 konsultācijas;",  # h10
        # h2: the parenthesis after "salīdzinot ar iepriekšējo gadu" is the other year's
        "2) salīdzinot ar iepriekšējo gadu (48 konsultācijas) sniegtas 55 konsultācijas;",
        # h4: the "kad" clause, closed by its comma, describes the other year
        "2) salīdzinot ar iepriekšējo gadu, kad tika sniegtas 48 konsultācijas, šogad "
        "sniegtas 55 konsultācijas;",
        "2) sniegtas 55 konsultācijas, par 7 vairāk nekā 2022. gadā;",  # h8
        "2) sniegtas 55 konsultācijas (salīdzinājumā ar 2022. gadu – 48);",  # h11
    ],
)
def test_an_entry_naming_another_year_keeps_this_years_count(entry: str) -> None:
    assert _second_entry(entry) == [(55, E, "consultations")]


def test_more_than_a_count_in_an_entry_is_still_more_than() -> None:  # h9
    assert _second_entry("2) sniegtas vairāk nekā 55 konsultācijas;") == [
        (55, MORE, "consultations")
    ]


def test_a_kad_clause_not_certainly_closed_reads_neither_count() -> None:
    # "…, kuros …" may go on with the other year's clause: neither 48 nor 55 is certain
    assert (
        _second_entry(
            "2) salīdzinot ar iepriekšējo gadu, kad tika sniegtas 48 konsultācijas, kuras "
            "sniedza 2 juristi, sniegtas 55 konsultācijas;"
        )
        == []
    )


def test_a_count_right_after_another_year_is_that_years() -> None:
    assert _second_entry("2) iepriekšējā gadā – 48 konsultācijas, šogad 55 konsultācijas;") == [
        (55, E, "consultations")
    ]


# -- prose years (k10_kurzeme_prose_years_compared_and_approximate_counts.txt) -------------

_PROSE = UNSEEN / "k10_kurzeme_prose_years_compared_and_approximate_counts.txt"


def _prose(old: str, new: str) -> Report:
    text = _PROSE.read_text(encoding="utf-8")
    assert text.count(old) == 1
    read = parse_text(text.replace(old, new), "probe.txt")
    assert read.report is not None
    return read.report


def _counts(rep: Report, year: int, start: str) -> list[tuple[int, Qualifier, str]]:
    [activity] = [a for a in rep.years[year - 1].activities if a.text.value.startswith(start)]
    return [(i.value, i.qualifier, i.kind) for i in activity.indicators]


_SEMINARS = (
    "Biedrība organizēja 6 seminārus, kuros piedalījās 170 dalībnieki, par 20 vairāk nekā "
    "iepriekšējā gadā."
)
_CONSULTED = "Salīdzinot ar iepriekšējo gadu (64 konsultācijas), sniegtas 81 konsultācija."


@pytest.mark.parametrize(
    "sentence",
    [
        "Tāpat kā iepriekšējā gadā biedrība organizēja 6 seminārus, kuros piedalījās 170 "
        "dalībnieki.",  # c1
        "Biedrība turpināja iepriekšējā gadā uzsākto semināru ciklu un organizēja 6 "
        "seminārus, kuros piedalījās 170 dalībnieki.",  # c7
        "Turpinot iepriekšējā gadā uzsākto semināru ciklu, biedrība organizēja 6 seminārus, "
        "kuros piedalījās 170 dalībnieki.",  # c6
    ],
)
def test_a_prose_sentence_likened_to_another_year_is_this_years(sentence: str) -> None:
    rep = _prose(_SEMINARS, sentence)
    assert _counts(rep, 2, sentence[:20]) == [(6, E, "seminars"), (170, E, "participants")]


def test_a_prose_comparison_without_a_comma_keeps_this_years_count() -> None:  # c2
    sentence = "Salīdzinot ar iepriekšējo gadu (64 konsultācijas) sniegtas 81 konsultācija."
    rep = _prose(_CONSULTED, sentence)
    assert _counts(rep, 2, "Salīdzinot") == [(81, E, "consultations")]


def test_a_centre_set_up_last_year_dates_no_count() -> None:  # c10, year 1
    rep = _prose(
        "Tika sniegtas 64 konsultācijas NVO pārstāvjiem.",
        "Pagājušajā gadā izveidotajā konsultāciju centrā tika sniegtas 64 konsultācijas NVO "
        "pārstāvjiem.",
    )
    assert _counts(rep, 1, "Pagājušajā") == [(64, E, "consultations")]


def test_a_kad_clause_in_prose_is_cut_to_its_comma() -> None:  # c11's form
    sentence = (
        "Salīdzinot ar iepriekšējo gadu, kad semināros piedalījās 150 dalībnieki, biedrība "
        "organizēja 6 seminārus, kuros piedalījās 170 dalībnieki."
    )
    rep = _prose(_SEMINARS, sentence)
    assert _counts(rep, 2, "Salīdzinot ar iepriekšējo gadu, kad") == [
        (6, E, "seminars"),
        (170, E, "participants"),
    ]


def test_a_sentence_wholly_about_another_year_is_still_cut() -> None:
    text = "Iepriekšējā gadā tika organizēti 5 semināri."
    assert compared_ranges(text) == [(0, len(text) - 1)]
    # "aizvadītajā gadā" (c3) and a likened year (c14) cut nothing: their counts are this
    # year's, and the likened year does not mark the sentence as another year's
    for sentence in (
        "Aizvadītajā gadā biedrība organizēja 6 seminārus ar 170 dalībniekiem.",
        "Līdzīgi kā iepriekšējos gados arī šogad biedrība organizēja 6 seminārus ar 170 "
        "dalībniekiem.",
    ):
        assert compared_ranges(sentence) == []
    likened = "Līdzīgi kā iepriekšējos gados arī šogad …"
    at = likened.index("iepriekšējos")
    assert likened_ranges(likened) == [(at, at + len("iepriekšējos gados"))]
