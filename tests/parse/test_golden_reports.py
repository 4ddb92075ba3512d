"""Golden values for the five bundled reports, read from the reports by hand.

Each expected value below was taken from the report text (the line number is given), not
from the program's output.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pipeline.model import (
    Activity,
    ActivityGroup,
    AmountRole,
    FundingYear,
    LegalForm,
    Parsed,
    Purpose,
    Qualifier,
    Report,
)

D = dt.date
CIVIL, MINORITY = ActivityGroup.CIVIL_SOCIETY, ActivityGroup.MINORITY_CAPACITY
P, A = AmountRole.PLANNED, AmountRole.ACTUAL
CS, MN = Purpose.CIVIL_SOCIETY, Purpose.MINORITY_NGOS


def report(corpus: dict[str, Parsed], key: str) -> Report:
    parsed = corpus[key]
    assert parsed.report is not None
    return parsed.report


def activity(rep: Report, year: int, group: ActivityGroup, position: int) -> Activity:
    found = [
        a
        for y in rep.years
        if y.ordinal == year
        for a in y.activities
        if a.group is group and a.position == position
    ]
    assert len(found) == 1, (year, group, position)
    return found[0]


def amounts(row: FundingYear) -> set[tuple[AmountRole, Purpose | None, Decimal | None]]:
    return {(a.role, a.purpose, a.value) for a in row.amounts}


def group_counts(rep: Report) -> list[tuple[int, int, int]]:
    return [
        (
            y.ordinal,
            sum(a.group is CIVIL for a in y.activities),
            sum(a.group is MINORITY for a in y.activities),
        )
        for y in rep.years
    ]


# -- 000: Latgale 2022-2025 ------------------------------------------------------------------


def test_000_header(corpus: dict[str, Parsed]) -> None:
    rep = report(corpus, "000")
    assert rep.title is not None
    assert rep.title.value.startswith("Kopsavilkums – par atsevišķu valsts pārvaldes uzdevumu")
    assert rep.title.value.endswith("jomā Latgales reģionā (2022-2025)")
    assert (rep.title.span.line, rep.title.span.end_line) == (3, 8)
    assert rep.title_years == (2022, 2025)
    assert rep.task is not None and rep.task.span.line == 10
    assert rep.task.value.endswith("līdzdalības veicināšanas jomā Latgales reģionā")
    assert rep.region_in_title is not None and rep.region_in_title.key == "latgale"
    assert rep.region_in_task is not None and rep.region_in_task.key == "latgale"
    assert rep.region_in_title.span.line == 7 and rep.region_in_task.span.line == 10
    imp = rep.implementer
    assert imp is not None
    assert (imp.legal_form, imp.legal_form_text) == (LegalForm.ASSOCIATION, "Biedrība")
    assert imp.name.value == "Dienvidlatgales NVO atbalsta centrs"
    assert imp.registration_number is not None
    assert imp.registration_number.value == "40008055327"
    assert imp.registration_number.span.line == 11
    period = rep.delegation_period
    assert period is not None and (period.start, period.end) == (D(2022, 7, 15), D(2025, 7, 14))
    assert period.text == "2022.gada 15.jūlijs līdz 2025.gada 14.jūlijs" and period.span.line == 12


def test_000_years(corpus: dict[str, Parsed]) -> None:
    rep = report(corpus, "000")
    spans = [
        (y.numeral, y.period.start, y.period.end, y.period.span.line) for y in rep.years if y.period
    ]
    assert spans == [
        ("I", D(2022, 7, 15), D(2023, 7, 14), 13),
        ("II", D(2023, 7, 15), D(2025, 7, 14), 26),  # as written: it overlaps year III
        ("III", D(2024, 7, 15), D(2025, 7, 14), 51),
    ]
    # I: 7 numbered items + 5 for minorities; II: 7 + 6; III: 7 + "1)" and four bullets.
    assert group_counts(rep) == [(1, 7, 5), (2, 7, 6), (3, 7, 5)]


def test_000_activities(corpus: dict[str, Parsed]) -> None:
    rep = report(corpus, "000")
    first = activity(rep, 1, CIVIL, 1)
    assert first.number == "1)" and first.text.span.line == 13
    assert [(i.value, i.kind) for i in first.indicators] == [
        (3, "forums"),
        (4, "focus-groups"),
        (8, "activities"),
        (257, "participants"),
    ]
    seventh = activity(rep, 1, CIVIL, 7)
    assert seventh.text.span.line == 16
    [more] = [i for i in seventh.indicators if i.kind == "participants"]
    assert (more.value, more.qualifier, more.phrase) == (
        670,
        Qualifier.MORE_THAN,
        "vairāk nekā 670 dalībnieki",
    )
    assert more.span.line == 16
    consultations = activity(rep, 2, CIVIL, 3)
    assert (
        consultations.indicators[0].value == 199
        and consultations.indicators[0].kind == "consultations"
    )
    # Year III item 6 runs over a table-row break (lines 58 and 60) and carries a date.
    sixth = activity(rep, 3, CIVIL, 6)
    assert (sixth.text.span.line, sixth.text.span.end_line) == (58, 60)
    assert [(d.start, d.text) for d in sixth.dates] == [(D(2025, 2, 28), "2025. gada 28. februārī")]
    assert [p.key for p in sixth.places] == ["luznava"]
    # Year III minority part: "1)" then four unnumbered bullets inside an HTML list.
    assert [activity(rep, 3, MINORITY, n).number for n in range(1, 6)] == [
        "1)",
        None,
        None,
        None,
        None,
    ]
    trainings = activity(rep, 3, MINORITY, 1)
    assert trainings.indicators[-1].value == 110 and trainings.indicators[-1].kind == "participants"
    assert {m.key for m in trainings.minorities} == {"polish", "roma"}
    history = activity(rep, 1, MINORITY, 5)
    assert {m.key for m in history.minorities} == {"jewish", "russian"}
    places = activity(rep, 1, CIVIL, 2).places
    assert [(p.key, p.kind) for p in places] == [
        ("daugavpils", "city"),
        ("livani", "city"),
        ("ludza", "city"),
        ("rezekne", "municipality"),
    ]


def test_000_funding(corpus: dict[str, Parsed]) -> None:
    rep = report(corpus, "000")
    y1, y2, y3 = rep.funding
    assert [r.ordinal for r in rep.funding] == [1, 2, 3]
    assert amounts(y1) == {
        (P, None, Decimal("54000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("24000.00")),
        (A, None, Decimal("51553.00")),
        (A, CS, Decimal("30000.00")),
        (A, MN, Decimal("21553.00")),
        (AmountRole.REMAINDER, MN, Decimal("2447.00")),
    }
    assert amounts(y2) == {
        (P, None, Decimal("54000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("24000.00")),
        (AmountRole.CARRIED_IN, MN, Decimal("2447.00")),
        (A, None, Decimal("52223.18")),
        (A, CS, Decimal("29565.68")),
        (A, MN, Decimal("22657.50")),
        (AmountRole.REMAINDER, CS, Decimal("434.32")),
        (AmountRole.REMAINDER, MN, Decimal("1342.50")),
    }
    assert amounts(y3) == {
        (P, None, Decimal("54000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("24000.00")),
        (A, None, Decimal("53948.50")),
        (AmountRole.RETURNED, None, Decimal("51.50")),
    }
    actual3 = y3.total(A)
    assert actual3 is not None and actual3.text == "53 948, 50" and actual3.span.line == 65
    remainder = next(a for a in y2.amounts if a.role is AmountRole.REMAINDER and a.purpose is MN)
    assert remainder.span.line == 64


def test_000_statements(corpus: dict[str, Parsed]) -> None:
    rep = report(corpus, "000")
    for statement, line in (
        (rep.irregular_expenditure, 66),
        (rep.unrecovered_amount, 67),
        (rep.other_information, 68),
    ):
        assert statement is not None
        assert (statement.text.value, statement.none, statement.text.span.line) == (
            "Nav",
            True,
            line,
        )


# -- 001: Latgale 2020-2021, the older template ---------------------------------------------


def test_001(corpus: dict[str, Parsed]) -> None:
    rep = report(corpus, "001")
    assert rep.title is not None and rep.title.value == (
        "Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu mazākumtautību līdzdalības "
        "veicināšanas jomā Latgales reģionā izpildi"
    )
    assert rep.title_years is None
    assert rep.region_in_title is not None and rep.region_in_title.key == "latgale"
    assert rep.region_in_task is None  # the task names no region
    imp = rep.implementer
    assert imp is not None and imp.name.value == "Dienvidlatgales NVO atbalsta centrs"
    assert imp.registration_number is None
    period = rep.delegation_period
    assert period is not None and (period.start, period.end) == (D(2020, 10, 20), D(2021, 1, 20))
    assert period.span.line == 8
    # Two objectives ("uzdevumi:"), then four numbered results and seven bulleted events.
    assert [o.value.split()[0] for o in rep.objectives] == ["Veicināt", "Sekmēt"]
    [year] = rep.years
    assert not year.stated and year.period == rep.delegation_period
    assert [a.number for a in year.activities] == ["1.", "2.", "3.", "4."] + [None] * 7
    assert all(a.group is MINORITY for a in year.activities)
    fourth = year.activities[3]
    assert [(i.value, i.qualifier, i.kind) for i in fourth.indicators] == [
        (9, Qualifier.EXACT, "events"),
        (345, Qualifier.MORE_THAN, "participants"),
    ]
    first_event = year.activities[4]
    assert (first_event.dates[0].start, first_event.dates[0].end) == (
        D(2020, 12, 19),
        D(2020, 12, 23),
    )
    assert first_event.text.span.line == 11
    needs = year.activities[0]
    assert [(i.value, i.kind) for i in needs.indicators][:2] == [
        (11, "organisations"),
        (26, "needs"),
    ]
    # Funding per calendar year: 2020 has an amount, 2021 none.
    assert [(r.calendar_year, [(a.role, a.value) for a in r.amounts]) for r in rep.funding] == [
        (2020, [(AmountRole.REPORTED, Decimal("19999.36"))]),
        (2021, [(AmountRole.REPORTED, None)]),
    ]
    assert rep.funding[0].amounts[0].span.line == 12


# -- 002: Rīga ------------------------------------------------------------------------------


def test_002(corpus: dict[str, Parsed]) -> None:
    rep = report(corpus, "002")
    assert rep.region == "riga"
    imp = rep.implementer
    assert imp is not None and imp.name.value == "Latvijas Pilsoniskā alianse"
    assert imp.registration_number is not None and imp.registration_number.value == "40008087708"
    assert [(y.period.start, y.period.end) for y in rep.years if y.period] == [
        (D(2022, 7, 15), D(2023, 7, 14)),
        (D(2023, 7, 15), D(2024, 7, 14)),
        (D(2024, 7, 15), D(2025, 7, 14)),
    ]
    assert (
        rep.years[1].period is not None and rep.years[1].period.span.line == 26
    )  # heading split over lines 24-26
    # No minority headings: everything is civil-society work, all bullets, no numbers.
    assert all(a.group is CIVIL and a.number is None for a in rep.activities)
    assert [len(y.activities) for y in rep.years] == [9, 11, 12]
    # year III, line 37: a list with no bullets, entries ending in "; " (and one after a link)
    assert activity(rep, 3, CIVIL, 7).text.value == (
        "Īstenoti 4 pasākumi iedzīvotāju piederības apziņas savam reģionam veicināšanai;"
    )
    assert activity(rep, 3, CIVIL, 6).text.value.endswith(
        "https://www.youtube.com/watch?v=jRV8NMbnPxc&t=19s"
    )
    seminars = activity(rep, 1, CIVIL, 5)
    assert seminars.text.value.startswith("Tika organizēti sekojoši semināri:")
    assert [d.start for d in seminars.dates] == [
        D(2022, 2, 9),
        D(2022, 2, 16),
        D(2022, 3, 2),
        D(2022, 3, 16),
        D(2022, 3, 23),
        D(2022, 3, 31),
        D(2022, 4, 6),
        D(2022, 5, 8),
    ]
    assert [i.value for i in seminars.indicators] == [15, 15, 14, 11, 11, 8, 14, 63, 151]
    # "Kopumā semināru ciklā piedalījās 151 dalībnieks" (line 17): the eight are its parts
    assert [i.part_of for i in seminars.indicators] == [9] * 8 + [None]
    ukraine = activity(rep, 2, CIVIL, 8)
    assert [(i.value, i.qualifier) for i in ukraine.indicators] == [(5000, Qualifier.ABOUT)]
    y2 = rep.funding[1]
    assert amounts(y2) == {
        (P, None, Decimal("53900.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("23900.00")),
        (A, None, Decimal("52816.67")),
        (A, CS, Decimal("29542.05")),
        (A, MN, Decimal("23274.62")),
        (AmountRole.CARRIED_OVER, None, Decimal("1177.33")),
        (AmountRole.CARRIED_OVER, CS, Decimal("457.95")),
        (AmountRole.CARRIED_OVER, MN, Decimal("719.38")),
    }
    cs_actual = next(a for a in y2.amounts if a.role is A and a.purpose is CS)
    assert cs_actual.text == "29 542, 05" and cs_actual.span.line == 39


# -- 003: Zemgale (the task names Kurzeme) ----------------------------------------------------


def test_003(corpus: dict[str, Parsed]) -> None:
    rep = report(corpus, "003")
    assert rep.region_in_title is not None and rep.region_in_title.key == "zemgale"
    assert rep.region_in_task is not None and rep.region_in_task.key == "kurzeme"
    assert rep.region == "zemgale"
    assert [t.value for t in rep.unlabelled] == ["Zemgales reģions"]
    assert rep.unlabelled[0].span.line == 10
    imp = rep.implementer
    assert (
        imp is not None
        and imp.name.value == "Zemgales NVO centrs"
        and imp.registration_number is None
    )
    assert group_counts(rep) == [(1, 8, 4), (2, 7, 3), (3, 8, 4)]
    assert [(r.period.start if r.period else None, r.ordinal) for r in rep.funding] == [
        (D(2022, 7, 15), 1),
        (D(2023, 7, 15), 2),
        (D(2024, 7, 15), 3),
    ]
    assert amounts(rep.funding[1]) == {
        (P, None, Decimal("49000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("19000.00")),
        (A, None, Decimal("44135.47")),
        (A, CS, Decimal("36785.82")),
        (A, MN, Decimal("7349.65")),
        (AmountRole.CARRIED_OVER, None, Decimal("4864.53")),
        (AmountRole.CARRIED_OVER, CS, Decimal("120.80")),
        (AmountRole.CARRIED_OVER, MN, Decimal("4743.73")),
    }
    assert amounts(rep.funding[2]) >= {(A, CS, Decimal("23987.03")), (A, MN, Decimal("25012.97"))}
    bauska = activity(rep, 1, CIVIL, 5)
    assert [d.start for d in bauska.dates] == [D(2023, 1, 28)]
    assert [(i.value, i.qualifier, i.kind) for i in bauska.indicators] == [
        (4, Qualifier.AT_LEAST, "organisations")
    ]


# -- 004: Kurzeme, PDF text ----------------------------------------------------------------


def test_004(corpus: dict[str, Parsed]) -> None:
    rep = report(corpus, "004")
    assert rep.title is not None and rep.title.value.endswith("jomā Kurzemes reģionā (2022-2025)")
    assert rep.task is not None and (rep.task.span.line, rep.task.span.end_line) == (18, 21)
    imp = rep.implementer
    assert imp is not None and imp.name.value == "Kurzemes NVO centrs"
    assert imp is not None and imp.name.span.line == 26
    period = rep.delegation_period
    assert period is not None and (period.start, period.end, period.span.line) == (
        D(2022, 7, 15),
        D(2025, 7, 14),
        33,
    )
    assert [(y.numeral, y.period.span.line if y.period else None) for y in rep.years] == [
        ("I", 50),
        ("II", 98),
        ("III", 158),
    ]
    assert group_counts(rep) == [(1, 6, 4), (2, 11, 6), (3, 7, 3)]
    # Items wrapped over lines and a page break keep their whole text and line range.
    eleventh = activity(rep, 2, CIVIL, 11)
    assert eleventh.number == "11)"
    assert (
        eleventh.text.value == "Sagatavoti un nodrukāti 2 izdevumi, nodrošināta 1 izdevumu druka."
    )
    assert (eleventh.text.span.line, eleventh.text.span.end_line) == (135, 137)
    sub_items = activity(rep, 1, MINORITY, 1)  # "a) b) c)" stay in their item
    assert (
        "a) 1 tikšanās" in sub_items.text.value
        and "c) mazākumtautību pieredzes" in sub_items.text.value
    )
    leaders = activity(rep, 2, CIVIL, 2)
    assert [(i.value, i.qualifier, i.kind) for i in leaders.indicators] == [
        (30, Qualifier.EXACT, "sessions"),
        (114, Qualifier.EXACT, "participants"),
        (61, Qualifier.AT_LEAST, "organisations"),
    ]
    y1, y2, y3 = rep.funding
    assert amounts(y1) == {
        (P, None, Decimal("49000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("19000.00")),
        (A, None, Decimal("47786.53")),
        (A, CS, Decimal("28959.87")),
        (A, MN, Decimal("18826.66")),
        (AmountRole.CARRIED_OVER, None, Decimal("1213.47")),
        (AmountRole.CARRIED_OVER, CS, Decimal("1040.13")),
        (AmountRole.CARRIED_OVER, MN, Decimal("173.34")),
    }
    # Year II: the PDF interleaves the columns ("Faktiski" before "Plānots", then both lines).
    assert amounts(y2) == {
        (P, None, Decimal("49000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("19000.00")),
        (A, None, Decimal("49000.00")),
        (A, CS, Decimal("30000.00")),
        (A, MN, Decimal("19000.00")),
    }
    assert amounts(y3) >= {
        (A, None, Decimal("48871.72")),
        (AmountRole.RETURNED, None, Decimal("128.28")),
    }
    wrapped = next(a for a in y1.amounts if a.value == Decimal("1040.13"))
    assert wrapped.text == "1 040,13" and (wrapped.span.line, wrapped.span.end_line)[0] == 233
    returned = y3.total(AmountRole.RETURNED)
    assert returned is not None and returned.span.line == 281
    assert rep.other_information is not None and rep.other_information.none
    assert rep.other_information.text.span.line == 296


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_no_report_has_errors(corpus: dict[str, Parsed], key: str) -> None:
    assert not corpus[key].has_errors, [f for f in corpus[key].findings]


def _numbers(n: int) -> list[str]:
    return [f"{i})" for i in range(1, n + 1)]


@pytest.mark.parametrize(
    ("key", "expected"),
    [
        # (year, group): the item numbers as written, in order
        ("000", {(1, CIVIL): _numbers(7), (1, MINORITY): _numbers(5), (2, CIVIL): _numbers(7),
                 (2, MINORITY): _numbers(6), (3, CIVIL): _numbers(7),
                 (3, MINORITY): ["1)", None, None, None, None]}),
        ("003", {(1, CIVIL): _numbers(8), (1, MINORITY): _numbers(4), (2, CIVIL): _numbers(7),
                 (2, MINORITY): _numbers(3), (3, CIVIL): _numbers(8), (3, MINORITY): _numbers(4)}),
        ("004", {(1, CIVIL): _numbers(6), (1, MINORITY): _numbers(4), (2, CIVIL): _numbers(11),
                 (2, MINORITY): _numbers(6), (3, CIVIL): _numbers(7), (3, MINORITY): _numbers(3)}),
    ],
)  # fmt: skip
def test_every_activity_number_as_written(
    corpus: dict[str, Parsed], key: str, expected: dict[tuple[int, ActivityGroup], list[str | None]]
) -> None:
    rep = report(corpus, key)
    got: dict[tuple[int, ActivityGroup], list[str | None]] = {}
    for a in rep.activities:
        got.setdefault((a.year, a.group), []).append(a.number)
    assert got == expected


def test_activity_texts_begin_as_written(corpus: dict[str, Parsed]) -> None:
    # the first words after each number, read from the reports
    starts = {
        ("000", 2, MINORITY, 6): ("atzīmējot Daugavpils Krievu kultūras centra 30 gadadienu", 49),
        ("003", 3, CIVIL, 5): ("Zemgales reģiona NVO informācijas platforma", 39),
        ("003", 3, MINORITY, 4): ("Īstenoti 12 mazākumtautību kultūras pasākumi.", 39),
        ("004", 1, MINORITY, 3): (
            "Īstenoti 4 mazākumtautību kultūras pasākumi / pasākumu cikli;",
            90,
        ),
        ("004", 3, CIVIL, 5): ("Sagatavotas vismaz 50 jaunumu lapas", 179),
        ("002", 3, CIVIL, 2): (
            "Organizēti 9 tiešsaistes semināri, kurus apmeklēja 278 dalībnieki;",
            34,
        ),
    }
    for (key, year, group, position), (start, line) in starts.items():
        act = activity(report(corpus, key), year, group, position)
        assert act.text.value.startswith(start), (key, act.text.value[:80])
        assert act.text.span.line == line


def test_002_and_003_funding_in_full(corpus: dict[str, Parsed]) -> None:
    riga = report(corpus, "002").funding
    # 002 lines 38 and 42: 53 994,00 = 30 000,00 + 23 994,00 planned and spent, years I and III
    for row in (riga[0], riga[2]):
        assert amounts(row) == {
            (P, None, Decimal("53994.00")),
            (P, CS, Decimal("30000.00")),
            (P, MN, Decimal("23994.00")),
            (A, None, Decimal("53994.00")),
            (A, CS, Decimal("30000.00")),
            (A, MN, Decimal("23994.00")),
        }
    zemgale = report(corpus, "003").funding
    # 003 line 40: year I 49 000,00 = 30 000,00 + 19 000,00 planned and spent
    assert amounts(zemgale[0]) == {
        (P, None, Decimal("49000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("19000.00")),
        (A, None, Decimal("49000.00")),
        (A, CS, Decimal("30000.00")),
        (A, MN, Decimal("19000.00")),
    }
    # 003 line 43: year III spent 49 000,00 = 23 987,03 + 25 012,97
    assert amounts(zemgale[2]) == {
        (P, None, Decimal("49000.00")),
        (P, CS, Decimal("30000.00")),
        (P, MN, Decimal("19000.00")),
        (A, None, Decimal("49000.00")),
        (A, CS, Decimal("23987.03")),
        (A, MN, Decimal("25012.97")),
    }
    assert [r.period.text if r.period else None for r in zemgale] == [
        "15.07.2022. – 14.07.2023.",
        "15.07.2023. – 14.07.2024.",
        "15.07.2024. – 14.07.2025.",
    ]
