"""Activities and their quantities in forms the typists use: thousands grouped by a space,
lettered lists, a breakdown after a colon, an upper bound ("līdz 30"). Each expected value is
read from the text it is given with; where the text cannot be read with certainty, nothing is.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.model import Activity, ActivityGroup, Parsed, Qualifier, Report
from pipeline.parse.mentions import find_indicators
from pipeline.parse.text import SourcedText, SourceFile
from tests.conftest import parse_text

E, MORE, LEAST, ABOUT = Qualifier.EXACT, Qualifier.MORE_THAN, Qualifier.AT_LEAST, Qualifier.ABOUT
CIVIL, MINORITY = ActivityGroup.CIVIL_SOCIETY, ActivityGroup.MINORITY_CAPACITY

DESCRIPTION = (
    "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem "
    "rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā "
    "paredzētajiem mērķiem"
)
FUNDING = "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"
CLOSING = (
    "Neatbilstoši veiktie izdevumi\tNav\n"
    "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem\tNav\n"
    "Cita informācija\tNav\n"
)


def modern(first_year: str, second_year: str = "1) Sniegtas 12 konsultācijas.") -> str:
    """A clean two-year Latgale report; the two years' activities are given."""
    return (
        "Kopsavilkums\n"
        "– par atsevišķu valsts pārvaldes uzdevumu veikšanu –\n"
        "pilsoniskās sabiedrības un starpkultūru sadarbības attīstības\n"
        "un mazākumtautību nevalstisko organizāciju\n"
        "līdzdalības veicināšanas jomā Latgales reģionā\n"
        "(2021-2023)\n\n"
        "Valsts pārvaldes uzdevums\tPar atsevišķu valsts pārvaldes uzdevumu veikšanu "
        "pilsoniskās sabiedrības un starpkultūru sadarbības attīstības un mazākumtautību "
        "nevalstisko organizāciju līdzdalības veicināšanas jomā Latgales reģionā\n"
        "Valsts pārvaldes uzdevuma veicējs\tBiedrība „Probes centrs”, reģ. Nr. 40008276543\n"
        "Valsts pārvaldes uzdevuma deleģēšanas periods\t"
        "2021. gada 1. augusts līdz 2023. gada 31. jūlijs\n"
        f"{DESCRIPTION}\tI. ĪSTENOŠANAS GADS (01.08.2021.–31.07.2022.)\n"
        f"{first_year}\n"
        "II. ĪSTENOŠANAS GADS (01.08.2022.–31.07.2023.)\n"
        f"{second_year}\n"
        f"{FUNDING}\t01.08.2021.–31.07.2022.\tPlānots 10 000,00 euro\tFaktiski 10 000,00 euro\n"
        "\t01.08.2022.–31.07.2023.\tPlānots 10 000,00 euro\tFaktiski 10 000,00 euro\n"
        f"{CLOSING}"
    )


def older(description: str) -> str:
    """The older template (minorities only, no year headings, funding per calendar year)."""
    return (
        "\n**Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu mazākumtautību līdzdalības "
        "veicināšanas jomā\nRīgas plānošanas reģionā izpildi**\n\n"
        "Valsts pārvaldes uzdevums\tAtsevišķu valsts pārvaldes uzdevumu veikšana "
        "mazākumtautību līdzdalības veicināšanas jomā Rīgas plānošanas reģionā\n"
        "Valsts pārvaldes uzdevuma veicējs\tBiedrība „Rīgas mazākumtautību kultūras biedrību "
        "apvienība”, Reģ. Nr. 40008156782\n"
        "Valsts pārvaldes uzdevuma deleģēšanas periods\t"
        "2020. gada 1. septembris – 2021. gada 28. februāris\n"
        f"{DESCRIPTION}\t{description}\n"
        f"{FUNDING}\t2020. gads\tPlānots 14 000,00 euro, faktiski izlietots 14 000,00 euro\n"
        "\t2021. gads\tPlānots 6 000,00 euro, faktiski izlietots 6 000,00 euro\n"
        f"{CLOSING}"
    )


def report_of(parsed: Parsed) -> Report:
    assert parsed.report is not None
    return parsed.report


def activities(rep: Report, year: int) -> list[Activity]:
    return [a for y in rep.years if y.ordinal == year for a in y.activities]


def values(activity: Activity) -> list[tuple[int, Qualifier, str]]:
    return [(i.value, i.qualifier, i.kind) for i in activity.indicators]


def indicators(text: str) -> list[tuple[int, Qualifier, str]]:
    source = SourceFile("t.txt", text)
    return [(i.value, i.qualifier, i.kind) for i in find_indicators(SourcedText.of(text), source)]


# -- thousands grouped by a space ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("piedalījās vairāk nekā 2 300 dalībnieku", [(2300, MORE, "participants")]),
        ("piedalījās ap 1 200 dalībnieku", [(1200, ABOUT, "participants")]),
        ("piedalījās 1 200 dalībnieki", [(1200, E, "participants")]),
        ("piedalījās vairāk nekā 2\u00a0300 dalībnieku", [(2300, MORE, "participants")]),
        ("piedalījās ap 1\u202f200 dalībnieku", [(1200, ABOUT, "participants")]),
        ("sasniegti 12 345 678 lietotāji", [(12345678, E, "followers")]),
        # two numbers, one of them grouped: the grouping does not swallow its neighbour
        (
            "notika 2 semināri, 300 dalībnieki; festivālā ap 1 200 dalībnieku",
            [(2, E, "seminars"), (300, E, "participants"), (1200, ABOUT, "participants")],
        ),
        # a table cell boundary parts two numbers; the grouped one in the next cell is read
        ("Semināri\t2\t1 300 dalībnieki", [(1300, E, "participants")]),
    ],
)
def test_thousands_grouped_by_a_space_are_one_number(
    text: str, expected: list[tuple[int, Qualifier, str]]
) -> None:
    assert indicators(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the first group is what "Nr." numbers: event 2, and 120 taking part
        ("pasākumā Nr. 2 120 dalībnieki", [(120, E, "participants")]),
        ("pasākumā nr. 2 120 dalībnieki", [(120, E, "participants")]),
        ("pasākumā Nr 2 120 dalībnieki", [(120, E, "participants")]),
        ("pasākumā (Nr. 2 120 dalībnieki)", [(120, E, "participants")]),
        ("pasākumā No. 2 120 dalībnieki", [(120, E, "participants")]),
        ("saskaņā ar § 2 120 dalībnieki", [(120, E, "participants")]),
        ("saskaņā ar §2 120 dalībnieki", [(120, E, "participants")]),
        ("atbilstoši 4. punkts 2 120 dalībnieki", [(120, E, "participants")]),
        # a list number or a date before a single number leaves it alone
        ("piedalījās 2. 120 dalībnieki", [(120, E, "participants")]),
        ("piedalījās 2) 120 dalībnieki", [(120, E, "participants")]),
        # "no" without a dot is "from": the groups are still one number
        ("piedalījās no 2 300 dalībniekiem", [(2300, E, "participants")]),
    ],
)
def test_digit_groups_after_a_numbering_word_are_not_one_number(
    text: str, expected: list[tuple[int, Qualifier, str]]
) -> None:
    assert indicators(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        # after a digit group already used, or a number-like token, where the number starts
        # cannot be told: "Nr. 2", then 1 200 or 1 and 200?
        "pasākumā Nr. 2 1 200 dalībnieki",
        "piedalījās 2) 1 200 dalībnieki",
        "piedalījās 2. 1 200 dalībnieki",
        "festivāls 12.10.2022. 1 200 dalībnieki",
        "piedalījās 10–30 1 200 dalībnieki",
    ],
)
def test_digit_groups_after_a_number_like_token_are_not_read(text: str) -> None:
    assert indicators(text) == []


def test_a_numbered_event_in_a_report_is_not_part_of_its_count() -> None:
    rep = report_of(parse_text(modern("1) pasākumā Nr. 2 120 dalībnieki;")))
    (event,) = activities(rep, 1)
    assert values(event) == [(120, E, "participants")]
    assert event.indicators[0].phrase == "120 dalībnieki"


@pytest.mark.parametrize(
    "text",
    [
        "piedalījās 1 20 dalībnieki",  # "120" or "1" and "20": not groups of thousands
        "piedalījās 1 2345 dalībnieki",
        "piedalījās 2021 300 dalībnieki",  # a leading group has at most three digits
        "piedalījās vairāk nekā 2\n300 dalībnieku",  # a line break is not a separator
        "piedalījās 2  300 dalībnieki",  # nor are two spaces
    ],
)
def test_digit_groups_that_may_not_be_one_number_are_not_read(text: str) -> None:
    assert indicators(text) == []


def test_thousands_in_a_report_keep_their_qualifier() -> None:
    rep = report_of(
        parse_text(
            modern(
                "1) Pasākumos piedalījās vairāk nekā 2\u00a0300 dalībnieku;\n"
                "2) Pasākumos piedalījās ap 1 200 dalībnieku."
            )
        )
    )
    first, second = activities(rep, 1)
    assert values(first) == [(2300, MORE, "participants")]
    assert first.indicators[0].phrase == "vairāk nekā 2 300 dalībnieku"
    assert values(second) == [(1200, ABOUT, "participants")]
    assert second.indicators[0].phrase == "ap 1 200 dalībnieku"


# -- lettered lists -----------------------------------------------------------------------


def test_a_lettered_list_lists_the_years_activities() -> None:
    rep = report_of(
        parse_text(
            modern(
                "a) Sniegtas 10 konsultācijas;\nb) Noorganizēti 3 semināri;",
                "a) Sniegtas 12 konsultācijas; b) Noorganizēts 1 forums 2023. gada 14. aprīlī.",
            )
        )
    )
    first, second = rep.years
    assert [(a.number, a.group, values(a)) for a in first.activities] == [
        ("a)", CIVIL, [(10, E, "consultations")]),
        ("b)", CIVIL, [(3, E, "seminars")]),
    ]
    assert not first.notes
    assert [(a.number, values(a)) for a in second.activities] == [
        ("a)", [(12, E, "consultations")]),
        ("b)", [(1, E, "forums")]),
    ]
    assert [d.start for d in second.activities[1].dates] == [dt.date(2023, 4, 14)]
    assert not second.notes


def test_a_lettered_list_in_the_older_template_after_its_lead_in() -> None:
    rep = report_of(
        parse_text(
            older(
                "Valsts pārvaldes uzdevuma ietvaros sasniegti šādi rezultatīvie rādītāji:\n"
                "a) noorganizēti 3 semināri mazākumtautību NVO vadītājiem (2020. gada "
                "17. septembrī, 22.10.2020. un 19.11.2020.), kopā piedalījās 71 dalībnieks;\n"
                "b) sniegtas 44 konsultācijas mazākumtautību biedrībām;\n"
                "c) atbalstīta 9 mazākumtautību NVO materiāltehniskās bāzes uzlabošana;\n"
                "d) 2020. gada 12.–13. decembrī notika festivāls, ko apmeklēja vairāk nekā "
                "2 300 dalībnieku;\n"
                "e) izdots krājums, prezentēts 05.02.2021."
            )
        )
    )
    (year,) = rep.years
    assert [n.value for n in year.notes] == [
        "Valsts pārvaldes uzdevuma ietvaros sasniegti šādi rezultatīvie rādītāji:"
    ]
    a, b, c, d, e = year.activities
    assert [x.number for x in year.activities] == ["a)", "b)", "c)", "d)", "e)"]
    assert {x.group for x in year.activities} == {MINORITY}
    assert values(a) == [(3, E, "seminars"), (71, E, "participants")]
    assert [x.start for x in a.dates] == [
        dt.date(2020, 9, 17),
        dt.date(2020, 10, 22),
        dt.date(2020, 11, 19),
    ]
    assert values(b) == [(44, E, "consultations")]
    assert values(c) == [(9, E, "organisations")]
    assert values(d) == [(2300, MORE, "participants")]
    assert [(x.start, x.end) for x in d.dates] == [(dt.date(2020, 12, 12), dt.date(2020, 12, 13))]
    assert [x.start for x in e.dates] == [dt.date(2021, 2, 5)]


def test_numbers_under_a_lettered_entry_stay_its_parts() -> None:
    rep = report_of(
        parse_text(
            modern(
                "a) organizēti 3 semināri:\n"
                "1) Rīgā – 20 dalībnieki;\n"
                "2) Cēsīs – 15 dalībnieki;\n"
                "b) sniegtas 10 konsultācijas;\n"
                "c) izdoti 2 bukleti;"
            )
        )
    )
    a, b, c = activities(rep, 1)
    assert [x.number for x in (a, b, c)] == ["a)", "b)", "c)"]
    assert a.text.value == (
        "organizēti 3 semināri: 1) Rīgā – 20 dalībnieki; 2) Cēsīs – 15 dalībnieki;"
    )
    assert values(a) == [(3, E, "seminars"), (20, E, "participants"), (15, E, "participants")]
    assert values(b) == [(10, E, "consultations")]
    assert values(c) == [(2, E, "publications")]
    assert [(x.number, values(x)) for x in activities(rep, 2)] == [
        ("1)", [(12, E, "consultations")])
    ]


def test_letters_under_a_numbered_item_stay_its_parts() -> None:
    rep = report_of(
        parse_text(
            modern(
                "a) Sniegtas 10 konsultācijas;\nb) Noorganizēti 3 semināri;",
                "1) Atbalstītas 4 NVO;\n"
                "2) Organizēti 3 pasākumi:\n"
                "a) valodas diena Valkā;\n"
                "b) tradīciju pēcpusdiena;\n"
                "c) mūzikas vakars.",
            )
        )
    )
    assert [a.number for a in activities(rep, 1)] == ["a)", "b)"]
    one, two = activities(rep, 2)
    assert (one.number, two.number) == ("1)", "2)")
    assert "a) valodas diena" in two.text.value and "c) mūzikas vakars" in two.text.value


# -- a breakdown after a colon -------------------------------------------------------------


def test_a_breakdown_after_a_colon_is_parts_of_its_total() -> None:
    rep = report_of(
        parse_text(
            modern(
                "1) Noorganizēti 8 semināri: 2 semināri par grāmatvedību; 3 semināri par "
                "projektiem; 3 semināri par brīvprātīgo darbu;\n"
                "2) Noorganizēti 8 semināri:\n"
                "– 2 semināri par grāmatvedību;\n"
                "– 3 semināri par projektiem;\n"
                "– 3 semināri par brīvprātīgo darbu;\n"
                "3) Sniegtas 10 konsultācijas: 4 konsultācijas klātienē, 3 konsultācijas "
                "attālināti;"
            )
        )
    )
    inline, bulleted, some = activities(rep, 1)
    for activity in (inline, bulleted):
        assert [(i.value, i.part_of) for i in activity.indicators] == [
            (8, None),
            (2, 1),
            (3, 1),
            (3, 1),
        ]
    # 4 + 3 is less than 10: some of the ten, or more besides them; it cannot be told
    assert [(i.value, i.part_of) for i in some.indicators] == [(10, None), (4, None), (3, None)]


def parts(text: str) -> list[tuple[int, int | None]]:
    source = SourceFile("t.txt", text)
    return [(i.value, i.part_of) for i in find_indicators(SourcedText.of(text), source)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the reviewer's case: 4 of the 10 in Rīga, 3 more besides
        (
            "organizēti 10 semināri: 4 semināri Rīgā, bet papildus tiem vēl 3 semināri "
            "tiešsaistē, kas nebija plānoti",
            [(10, None), (4, None), (3, None)],
        ),
        # adding up exactly across "kā arī" / "turklāt" / "bez tam" is still no breakdown
        (
            "organizēti 7 semināri: 4 semināri Rīgā, kā arī 3 semināri tiešsaistē",
            [(7, None), (4, None), (3, None)],
        ),
        (
            "organizēti 7 semināri: 4 semināri Rīgā; turklāt 3 semināri tiešsaistē",
            [(7, None), (4, None), (3, None)],
        ),
        (
            "organizēti 7 semināri: 4 semināri Rīgā, bez tam 3 semināri tiešsaistē",
            [(7, None), (4, None), (3, None)],
        ),
        # the values before the word are the whole breakdown; the one after it is added
        (
            "organizēti 7 semināri: 4 semināri Rīgā, 3 semināri Cēsīs, papildus 2 semināri "
            "tiešsaistē",
            [(7, None), (4, 1), (3, 1), (2, None)],
        ),
        # nor in a parenthesis
        (
            "organizēti 7 semināri (4 semināri Rīgā un vēl 3 semināri tiešsaistē)",
            [(7, None), (4, None), (3, None)],
        ),
    ],
)
def test_values_after_a_word_meaning_in_addition_are_not_parts(
    text: str, expected: list[tuple[int, int | None]]
) -> None:
    assert parts(text) == expected


def test_a_list_after_a_colon_that_adds_up_to_more_or_less_is_not_a_breakdown() -> None:
    text = (
        "Noorganizēti 8 semināri: 2 semināri par grāmatvedību; 3 semināri par projektiem. "
        "Noorganizēti 4 semināri: 2 semināri Rēzeknē; 3 semināri Ludzā"
    )
    source = SourceFile("t.txt", text)
    found = find_indicators(SourcedText.of(text), source)
    assert [(i.value, i.part_of) for i in found] == [
        (8, None),  # 2 + 3 is less than 8
        (2, None),
        (3, None),
        (4, None),  # 2 + 3 is more than 4
        (2, None),
        (3, None),
    ]


# -- an upper bound -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "jauniešu nometne Ludzā, līdz 30 dalībniekiem",
        "nometne ar līdz pat 30 dalībniekiem",
        "no 10 līdz 30 dalībniekiem",
        "piedalījās ne vairāk kā 30 dalībnieki",
        "piedalījās mazāk nekā 30 dalībnieku",
        "katrā seminārā 10–30 dalībnieki",
    ],
)
def test_an_upper_bound_is_not_read_as_an_exact_value(text: str) -> None:
    assert indicators(text) == []


def test_not_fewer_than_is_at_least() -> None:
    assert indicators("piedalījās ne mazāk kā 30 dalībnieki") == [(30, LEAST, "participants")]


def test_an_upper_bound_stays_in_the_activity_text() -> None:
    rep = report_of(
        parse_text(
            modern("1) 2022. gada 5.–7. maijā jauniešu nometne Ludzā, līdz 30 dalībniekiem;")
        )
    )
    (camp,) = activities(rep, 1)
    assert camp.indicators == ()
    assert "līdz 30 dalībniekiem" in camp.text.value
    assert [(d.start, d.end) for d in camp.dates] == [(dt.date(2022, 5, 5), dt.date(2022, 5, 7))]


def test_an_addition_word_before_the_breakdown_opens_is_the_totals() -> None:
    """Report 000, line 30: "kā arī" stands between the total and its parenthesis, in the
    total's own sentence; the parenthesis' 41 + 80 + 78 are the 199's parts."""
    text = (
        "sniegtas 199 konsultācijas indivīdiem, kā arī gada pārskatu iesniegšanu "
        "(E-pastos 41 konsultācija; tiešsaistē 80 konsultācijas; klātienē 78 konsultācijas)"
    )
    assert parts(text) == [(199, None), (41, 1), (80, 1), (78, 1)]
