"""Activities and dates in the forms of an independent tester's reports: dates written "07/03/2020" (day
first) and "5. V 2022" (a Roman month); a year written as one hard-wrapped paragraph whose
entries end in ";", with the minority part run into it; counts written "plānots 2 /
faktiski 3"; "gab." (pieces); a group heading with who carries it out after it. Each expected
value is read from the text it is given with.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.model import DatePrecision, Qualifier
from pipeline.parse.latvian import find_dates, find_period
from pipeline.parse.mentions import find_indicators
from pipeline.parse.text import SourcedText, SourceFile
from tests.parse.test_activities_merged_heading_rows import CIVIL, MINORITY, parsed, report, rows

E = Qualifier.EXACT
D = dt.date


# -- the date grammar ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ludzā 07/03/2020;", [D(2020, 3, 7)]),
        # day first, never month first: the twelve ambiguous days are the day's
        ("12/03/2020", [D(2020, 3, 12)]),
        ("03/12/2020.", [D(2020, 12, 3)]),
        ("(Salaspilī 05/10/2024 un Ķekavā 05/03/2026)", [D(2024, 10, 5), D(2026, 3, 5)]),
        # a month first would be an impossible month: no date
        ("03/25/2020", []),
        ("31/02/2020", []),
        # fractions, shares and numbers are no dates
        ("1/2 no dalībniekiem", []),
        ("2/3 dalībnieku", []),
        ("rīkojums Nr. 12/2021", []),
        ("līgums Nr. 05/03/2021", []),
        ("2020/2021", []),
        ("05/03/20", []),  # a two-digit year is not certain
        ("12. XI 2021 Kuldīgā", [D(2021, 11, 12)]),
        ("5. V 2022", [D(2022, 5, 5)]),
        ("5.V.2022.", [D(2022, 5, 5)]),
        ("(9. IX 2023 Tukumā, 5. V 2024 Liepājā)", [D(2023, 9, 9), D(2024, 5, 5)]),
        # a Roman numeral is a month only between a day and a year, upper case
        ("1. v 2022", []),
        ("V 2022", []),
        ("3. I daļa", []),
        ("13. XIII 2022", []),
    ],
)
def test_slashed_and_roman_month_dates(text: str, expected: list[dt.date]) -> None:
    found = find_dates(text)
    assert [d.start for d in found] == expected
    assert all(d.precision is DatePrecision.DAY and d.end is None for d in found)


def test_a_slashed_period() -> None:
    found = find_period("01/03/2019 – 28/02/2021")
    assert found is not None and (found.start, found.end) == (D(2019, 3, 1), D(2021, 2, 28))


# -- counts ----------------------------------------------------------------------------------


def _indicators(text: str) -> list[tuple[int, str]]:
    source = SourceFile("t.txt", text)
    return [(i.value, i.kind) for i in find_indicators(SourcedText.of(text), source)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Reģionālie NVO forumi — plānots 2 / faktiski 3 (Rēzeknē, Ludzā)", [(3, "forums")]),
        (
            "Konsultācijas NVO un iedzīvotājiem — plānots 80 / faktiski 112.",
            [(112, "consultations")],
        ),
        ("Forumi: plānots: 4, faktiski: 5.", [(5, "forums")]),
        ("Semināri – plānots 6, sasniegts 8;", [(8, "seminars")]),
        ("Ieraksti — plānots 100 / faktiski 143 ieraksti.", [(143, "posts")]),
        (
            "Materiāltehniskais atbalsts — plānots 6 / faktiski 7 mazākumtautību NVO.",
            [(7, "organisations")],
        ),
        # the planned count alone is never read
        ("Forumi — plānots 4.", []),
        ("plānots 4 / 5 forumi", []),
        # a frequency is no count (the volunteers are)
        ("brīvprātīgo apmācības notika 6 reizes, apmācīti 54 brīvprātīgie", [(54, "volunteers")]),
        # pieces are a print run, no number of publications (changed in round 4 on review)
        ("izdoti informatīvie bukleti – 500 gab.", []),
        ("iespiesti 500 gab. bukletu", []),
        # pieces of a thing that is no kind, or a print run: nothing
        ("iegādāti 12 gab. saliekamo krēslu un 1 projektors", []),
        ("izdoti 2 bukleti (katrs 500 gab. tirāžā)", [(2, "publications")]),
    ],
)
def test_achieved_counts_and_pieces(text: str, expected: list[tuple[int, str]]) -> None:
    assert _indicators(text) == expected


# -- a year as one hard-wrapped paragraph of entries -----------------------------------------

PARAGRAPH = (
    "1. īstenošanas gads (01.03.2024.–28.02.2025.):\n"
    "organizēti 2 reģionālie NVO forumi (Rēzeknē 05/10/2024 un Ludzā 05/03/2025), kopā 198\n"
    "dalībnieki; novadīti 9 semināri, kopā 166 dalībnieki; sniegtas 88\n"
    "konsultācijas, t.sk. 31 attālināti; brīvprātīgo apmācības notika 5 reizes, apmācīti 47\n"
    "brīvprātīgie; mazākumtautību kapacitātes celšanai izstrādāta 1 darbības attīstības\n"
    "stratēģija, organizēti 6 mazākumtautību kultūras pasākumi, kopā 715 dalībnieki.\n"
)


def test_a_wrapped_paragraph_is_split_at_its_semicolons() -> None:
    (year, *_) = report(PARAGRAPH).years
    assert rows(year.activities) == [
        (CIVIL, None, [(2, E, "forums"), (198, E, "participants")]),
        (CIVIL, None, [(9, E, "seminars"), (166, E, "participants")]),
        (CIVIL, None, [(88, E, "consultations")]),
        (CIVIL, None, [(47, E, "volunteers")]),
        (MINORITY, None, [(1, E, "strategies"), (6, E, "events"), (715, E, "participants")]),
    ]
    # the entry's own dates are read (it is a list's entry, not a sentence of context)
    assert [d.start for d in year.activities[0].dates] == [D(2024, 10, 5), D(2025, 3, 5)]
    # the frequency is no count; the volunteers trained are the entry's figure
    assert [n.value for n in year.notes] == []


def test_an_entry_dated_outside_its_year_is_kept_and_found() -> None:
    read = parsed(PARAGRAPH)
    outside = [f for f in read.findings if f.code == "activity.date-outside-year"]
    assert [f.span.line if f.span else None for f in outside] == [9]  # the entry's line
    assert "05/03/2025" in outside[0].message
    # the minority part run into the paragraph is the group's
    assert "structure.no-minority-group" not in {f.code for f in read.findings}


def test_a_sentence_of_prose_naming_another_year_stays_a_note() -> None:
    # no ";": a sentence of prose, whose year outside the year's is context, not its date
    (year, *_) = report(
        "1. īstenošanas gads (01.03.2024.–28.02.2025.)\n"
        "Tāpat kā 2023. gada 5. martā, organizēti 3 semināri.\n"
    ).years
    assert year.activities == ()
    assert len(year.notes) == 1


# -- group headings --------------------------------------------------------------------------


@pytest.mark.parametrize(
    "heading",
    [
        "**Latgales mazākumtautību kapacitātes celšanai** (īsteno partneris):",
        "Mazākumtautību NVO kapacitātes celšanai (īsteno partneris):",
    ],
)
def test_a_group_heading_with_who_carries_it_out(heading: str) -> None:
    (year, *_) = report(
        "1. īstenošanas gads (01.03.2024.–28.02.2025.)\n"
        "1. Semināri — plānots 6 / faktiski 6; kopā 118 dalībnieki.\n"
        f"{heading}\n"
        "1. Mazākumtautību kultūras pasākumi — plānots 5 / faktiski 4.\n"
    ).years
    assert rows(year.activities) == [
        (CIVIL, "1.", [(6, E, "seminars"), (118, E, "participants")]),
        (MINORITY, "1.", [(4, E, "events")]),
    ]
    assert year.notes == ()


def test_a_minority_part_run_into_a_numbered_paragraph() -> None:
    (year, *_) = report(
        "1. īstenošanas gads (01.03.2024.–28.02.2025.)\n"
        "1) organizēti 3 semināri, 40 dalībnieki; 2) sniegtas 20 konsultācijas; "
        "mazākumtautību NVO kapacitātes celšanai: 1) organizēti 2 pasākumi; "
        "2) izstrādāta 1 stratēģija.\n"
    ).years
    assert rows(year.activities) == [
        (CIVIL, "1)", [(3, E, "seminars"), (40, E, "participants")]),
        (CIVIL, "2)", [(20, E, "consultations")]),
        (MINORITY, "1)", [(2, E, "events")]),
        (MINORITY, "2)", [(1, E, "strategies")]),
    ]
