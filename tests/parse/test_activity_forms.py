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


# -- a count in parentheses -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the number alone in parentheses counts the noun right before it
        ("Individuālās konsultācijas (75);", [(75, E, "consultations")]),
        ("Semināri (7), kopā 131 dalībnieks;", [(7, E, "seminars"), (131, E, "participants")]),
        (
            "Fokusgrupu diskusijas (3) Ilūkstē, Viesītē un Līvānos – 41 dalībnieks;",
            [(3, E, "focus-groups"), (41, E, "participants")],
        ),
        (
            "Kultūras pasākumi (5), ap 350 dalībnieku.",
            [(5, E, "events"), (350, ABOUT, "participants")],
        ),
        # a number in words, then the same number in digits
        ("sniegtas divpadsmit (12) konsultācijas;", [(12, E, "consultations")]),
        ("piedalījās divdesmit pieci (25) dalībnieki", [(25, E, "participants")]),
        ("piedalījās ap trīsdesmit (30) dalībnieku", [(30, ABOUT, "participants")]),
        ("izstrādātas 12 (divpadsmit) stratēģijas", [(12, E, "strategies")]),
    ],
)
def test_a_count_in_parentheses_is_read(
    text: str, expected: list[tuple[int, Qualifier, str]]
) -> None:
    assert indicators(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "sniegtas divas (12) konsultācijas",  # the words and the digits disagree
        "izstrādātas 2 (trīs) stratēģijas",
        "Semināri (2023)",  # a year, not a count
        "Pielikums (3)",  # not a counted noun
        "dalībnieku (40)",  # a genitive: whose 40 is not said
        "Semināri (ap 7)",  # not a number alone
        "konsultācijas (1) klātienē un (2) attālināti",  # an enumeration
        "saskaņā ar līguma (2) punktu",
    ],
)
def test_a_number_in_parentheses_that_counts_nothing_for_certain_is_not_read(text: str) -> None:
    assert indicators(text) == []


def test_a_noun_counted_before_its_parenthesis_is_counted_once() -> None:
    assert indicators("noorganizēti 3 semināri (2) Rēzeknē") == [(3, E, "seminars")]


def test_counts_in_parentheses_in_a_report() -> None:
    rep = report_of(
        parse_text(
            modern(
                "1) Individuālās konsultācijas (75);\n2) Semināri (7), kopā 131 dalībnieks;",
                "1) sniegtas divpadsmit (12) konsultācijas;",
            )
        )
    )
    consultations, seminars = activities(rep, 1)
    assert values(consultations) == [(75, E, "consultations")]
    assert consultations.indicators[0].phrase == "konsultācijas (75)"
    assert values(seminars) == [(7, E, "seminars"), (131, E, "participants")]
    (second,) = activities(rep, 2)
    assert values(second) == [(12, E, "consultations")]
    assert second.indicators[0].phrase == "divpadsmit (12) konsultācijas"


# -- a range per event ----------------------------------------------------------------------


def test_a_range_per_event_is_not_a_total() -> None:
    rep = report_of(
        parse_text(
            modern("1) organizēti 4 semināri Cēsīs un Siguldā, katrā piedalījās 20–25 dalībnieki;")
        )
    )
    (seminars,) = activities(rep, 1)
    assert values(seminars) == [(4, E, "seminars")]


# -- a year written as prose ----------------------------------------------------------------


def test_sentences_of_a_year_written_as_prose_are_its_activities() -> None:
    rep = report_of(
        parse_text(
            modern(
                "<p>Pārskata periodā notika 12 semināri, kuros piedalījās 240 dalībnieki. Fonds "
                "sniedza aptuveni 80 konsultācijas klātienē un pa tālruni.  Kurzemes NVO forumā "
                "Kuldīgā 2022. gada 8. oktobrī piedalījās vairāk nekā 150 dalībnieki.</p>",
                "<p>Noorganizēts 1 noslēguma seminārs Liepājā (32 dalībnieki) un sniegtas "
                "14 konsultācijas.</p>",
            )
        )
    )
    first, second = rep.years
    assert [(a.number, values(a)) for a in first.activities] == [
        (None, [(12, E, "seminars"), (240, E, "participants")]),
        (None, [(80, ABOUT, "consultations")]),
        (None, [(150, MORE, "participants")]),
    ]
    assert first.activities[1].text.value == (
        "Fonds sniedza aptuveni 80 konsultācijas klātienē un pa tālruni."
    )
    # a date in prose is context, not the activity's date: no finding can come from it
    assert [a.dates for a in first.activities] == [(), (), ()]
    assert not first.notes
    (closing,) = second.activities
    assert values(closing) == [
        (1, E, "seminars"),
        (32, E, "participants"),
        (14, E, "consultations"),
    ]
    assert not second.notes


def test_prose_in_a_year_with_a_list_is_notes() -> None:
    """Beside a list, prose is notes: a total or a remark is no activity of its own, and the
    list's positions do not move."""
    rep = report_of(
        parse_text(
            modern(
                "<p>Valsts pārvaldes uzdevuma ietvaros tika sasniegti šādi rezultatīvie "
                "rādītāji:</p> <p>Notika 3 semināri.</p>\n1) sniegtas 10 konsultācijas;\n"
                "Kurzemes mazākumtautību kapacitātes celšanai:\n"
                "<p>Atbalstītas 4 mazākumtautību biedrības; noorganizēti 3 kultūras pasākumi.</p>"
            )
        )
    )
    year = rep.years[0]
    assert [(a.group, a.position, a.number, values(a)) for a in year.activities] == [
        (CIVIL, 1, "1)", [(10, E, "consultations")]),
    ]
    assert [n.value for n in year.notes] == [
        "Valsts pārvaldes uzdevuma ietvaros tika sasniegti šādi rezultatīvie rādītāji: "
        "Notika 3 semināri.",
        "Atbalstītas 4 mazākumtautību biedrības; noorganizēti 3 kultūras pasākumi.",
    ]


def test_a_date_or_a_total_in_prose_beside_a_list_is_no_activity_and_no_finding() -> None:
    prose = (
        "<p>Tāpat kā 2021. gada 5. martā, notika 14 semināri. Kopumā pasākumos piedalījās "
        "300 dalībnieki.</p>"
    )
    parsed = parse_text(modern(prose + "\n1) sniegtas 10 konsultācijas;"))
    year = report_of(parsed).years[0]
    assert [(a.position, a.number, values(a), a.dates) for a in year.activities] == [
        (1, "1)", [(10, E, "consultations")], ())
    ]
    assert [n.value for n in year.notes] == [prose.removeprefix("<p>").removesuffix("</p>")]
    assert not [f for f in parsed.findings if f.code == "activity.date-outside-year"]


def test_a_date_in_a_prose_year_is_not_the_activitys() -> None:
    parsed = parse_text(
        modern("<p>Tīkla sanāksme notika 2022. gada 10. jūnijā, tajā piedalījās 30 dalībnieki.</p>")
    )
    (activity,) = report_of(parsed).years[0].activities
    assert values(activity) == [(30, E, "participants")]
    assert activity.dates == ()
    assert not [f for f in parsed.findings if f.code == "activity.date-outside-year"]


@pytest.mark.parametrize(
    "prose",
    [
        # an explanation with a date and a contract number: nothing to count
        "<p>Aktivitātes netika īstenotas, jo līguma izpilde saskaņā ar 2022. gada 20. septembra "
        "vienošanos Nr. 2.5/22 bija apturēta.</p>",
        # a date and a contract number are not counts, even with no word of negation
        "<p>Saskaņā ar 2022. gada 20. septembra vienošanos Nr. 2.5/22 semināri tika pārcelti "
        "uz 2023. gadu.</p>",
        # counts that are not this year's achievement
        "<p>Plānotie 5 semināri netika organizēti, jo līguma izpilde bija apturēta.</p>",
        "<p>Nākamajā gadā tiks organizēti 4 semināri.</p>",
        "<p>Salīdzinājumā ar iepriekšējo gadu notika par 3 semināriem vairāk.</p>",
        "<p>Kopumā deleģēšanas periodā notika 30 semināri.</p>",
        # a lead-in that counts is still a lead-in
        "<p>Noorganizēti 3 semināri:</p>",
        # the reviewer's sentences: a part, a change, not done, postponed, before, to come,
        # since, membership, applications, a partner, a duration, an average
        "<p>No 10 semināriem notika 8 semināri.</p>",
        "<p>Apmeklētāju skaits pieauga par 20 dalībniekiem.</p>",
        "<p>Dalībnieku skaits samazinājās par 5 dalībniekiem.</p>",
        "<p>Uz semināriem pieteicās 50 dalībnieki, bet 20 dalībnieki neieradās.</p>",
        "<p>Pandēmijas dēļ 3 semināri tika pārcelti uz nākamo gadu.</p>",
        "<p>Pagājušajā gadā notika 6 semināri.</p>",
        "<p>2020. gadā notika 7 semināri.</p>",
        "<p>Iepriekš notika 13 semināri.</p>",
        "<p>Nākamajā gadā organizēsim 4 forumus.</p>",
        "<p>Rudenī notiks 2 forumi.</p>",
        "<p>Iecerēti vēl 9 semināri.</p>",
        "<p>Kopš 2019. gada sniegtas 500 konsultācijas.</p>",
        "<p>Neīstenoti palika 2 semināri.</p>",
        "<p>Vairāk nekā 10 gadus biedrība vada 2 kopienu centrus.</p>",
        "<p>Pēc 3 semināriem dalībnieki aizpildīja anketas.</p>",
        "<p>Tika saņemti 15 pieteikumi dalībai 1 forumā.</p>",
        "<p>Tīklā apvienojas 42 organizācijas.</p>",
        "<p>Līgums Nr. 5 noslēgts 2022. gadā ar 3 biedrībām.</p>",
        "<p>Katrā no 4 semināriem piedalījās 20 dalībnieki.</p>",
    ],
)
def test_a_note_in_prose_is_not_an_activity(prose: str) -> None:
    rep = report_of(parse_text(modern(prose)))
    year = rep.years[0]
    assert year.activities == ()
    assert len(year.notes) == 1
    assert year.notes[0].value == prose.removeprefix("<p>").removesuffix("</p>")


def test_a_prose_paragraph_keeps_its_note_sentences_as_written() -> None:
    rep = report_of(
        parse_text(
            modern(
                "<p>Fonds darbojās Kurzemes reģionā. Notika 2 semināri Talsos. Sk. t.sk. "
                "Nr. 5 pielikumu. Semināri notika pēc plāna.</p>"
            )
        )
    )
    year = rep.years[0]
    assert [(a.text.value, values(a)) for a in year.activities] == [
        ("Notika 2 semināri Talsos.", [(2, E, "seminars")])
    ]
    assert [n.value for n in year.notes] == [
        "Fonds darbojās Kurzemes reģionā.",
        "Sk. t.sk. Nr. 5 pielikumu. Semināri notika pēc plāna.",
    ]


def test_prose_before_the_first_year_heading_is_not_read() -> None:
    """Text before the first heading may sum up every year: it stays a note."""
    text = modern("1) Sniegtas 10 konsultācijas.").replace(
        f"{DESCRIPTION}\tI. ĪSTENOŠANAS GADS",
        f"{DESCRIPTION}\t<p>Biedrība noorganizēja 30 seminārus.</p>\nI. ĪSTENOŠANAS GADS",
    )
    rep = report_of(parse_text(text))
    assert [values(a) for y in rep.years for a in y.activities] == [
        [(10, E, "consultations")],
        [(12, E, "consultations")],
    ]
    assert [n.value for y in rep.years for n in y.notes] == ["Biedrība noorganizēja 30 seminārus."]


def test_an_introduction_before_the_first_year_heading_is_a_note_of_the_first_year() -> None:
    """Text before "I. ĪSTENOŠANAS GADS" (a paragraph and a list summing up the period) is no
    year of its own: the report has its two stated years, the first with the introduction as
    written among its notes, nothing of it read as that year's activities."""
    text = modern("1) Sniegtas 10 konsultācijas.").replace(
        f"{DESCRIPTION}\tI. ĪSTENOŠANAS GADS",
        f"{DESCRIPTION}\t<p>Uzdevums īstenots divos gados.</p>\n"
        "1) Kopumā noorganizēti 20 semināri;\n"
        "I. ĪSTENOŠANAS GADS",
    )
    parsed = parse_text(text)
    rep = report_of(parsed)
    assert [(y.ordinal, y.numeral, y.stated) for y in rep.years] == [
        (1, "I", True),
        (2, "II", True),
    ]
    first = rep.years[0]
    assert first.period is not None
    assert (first.period.start, first.period.end) == (dt.date(2021, 8, 1), dt.date(2022, 7, 31))
    assert [n.value for n in first.notes] == [
        "Uzdevums īstenots divos gados.",
        "1) Kopumā noorganizēti 20 semināri;",
    ]
    assert [(a.year, a.number, values(a)) for a in rep.activities] == [
        (1, "1)", [(10, E, "consultations")]),
        (2, "1)", [(12, E, "consultations")]),
    ]
    assert "structure.no-year-headings" not in [f.code for f in parsed.findings]


def test_a_new_year_starts_again_in_civil_society() -> None:
    rep = report_of(
        parse_text(
            modern(
                "1) Sniegtas 10 konsultācijas.\n"
                "Latgales mazākumtautību kapacitātes celšanai:\n"
                "1) Atbalstītas 3 biedrības.",
                "1) Sniegtas 12 konsultācijas.",
            )
        )
    )
    assert [(a.year, a.group, values(a)) for a in rep.activities] == [
        (1, CIVIL, [(10, E, "consultations")]),
        (1, MINORITY, [(3, E, "organisations")]),
        (2, CIVIL, [(12, E, "consultations")]),
    ]


def test_counts_after_a_dash_in_parentheses_and_in_the_genitive_in_a_report() -> None:
    rep = report_of(
        parse_text(
            modern(
                "1) Organizēti tiešsaistes semināri (vebināri) – 6, dalībnieki – 140;\n"
                "2) Sagatavoti un publicēti video (3);\n"
                "3) sniegtas ap 40 konsultāciju biedrībām;\n"
                "4) Izdoti 2 bukleti (tirāža 500 eks.);\n"
                "5) saskaņā ar 2022.–2023. gada plānu un līguma Nr. 5 – 3 semināri."
            )
        )
    )
    assert [values(a) for a in activities(rep, 1)] == [
        [(6, E, "seminars"), (140, E, "participants")],
        [(3, E, "videos")],
        [(40, ABOUT, "consultations")],
        [(2, E, "publications")],
        [],  # "Nr. 5 – 3" may be the contract's number: its 3 is not read
    ]
