"""Activities in the forms of an independent tester's reports: a count that is a plan, not an achievement;
a paragraph after a bulleted list, which is no item; items numbered with Roman numerals under
a minority group's heading in other words than "… kapacitātes celšanai:"; numbers written in
words; a count after the phrase that names it ("konsultācijas NVO un iedzīvotājiem – 74",
"fokusgrupu diskusijas: 3", "dalībnieku skaits: 88"); a range of days with no year; towns the
gazetteer lacked. Each expected value is read from the text it is given with.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.model import ActivityGroup, Qualifier, Report
from pipeline.parse.activity_groups import is_minority_heading, roman_value
from pipeline.parse.mentions import find_indicators
from pipeline.parse.named import find_places
from pipeline.parse.text import SourcedText, SourceFile
from tests.conftest import parse_text

E, ABOUT, MORE = Qualifier.EXACT, Qualifier.ABOUT, Qualifier.MORE_THAN
CIVIL, MINORITY = ActivityGroup.CIVIL_SOCIETY, ActivityGroup.MINORITY_CAPACITY
D = dt.date

DESCRIPTION = (
    "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem "
    "rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā "
    "paredzētajiem mērķiem"
)


def report(description: str, period: str) -> Report:
    """A Zemgale report in the plain-text layout, its description as given."""
    read = parse_text(
        "Kopsavilkums\n"
        "par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības attīstības "
        "un mazākumtautību nevalstisko organizāciju līdzdalības veicināšanas jomā Zemgales "
        "reģionā\n\n"
        "Valsts pārvaldes uzdevums\tAtsevišķu valsts pārvaldes uzdevumu veikšana pilsoniskās "
        "sabiedrības attīstības un mazākumtautību nevalstisko organizāciju līdzdalības "
        "veicināšanas jomā Zemgales reģionā\n"
        'Valsts pārvaldes uzdevuma veicējs\tNodibinājums "Probes fonds", reģ. Nr. 50008178906\n'
        f"Valsts pārvaldes uzdevuma deleģēšanas periods\t{period}\n"
        f"{DESCRIPTION}\n\n"
        f"{description}\n\n"
        "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem\n"
        "Plānots 10 000,00 euro, faktiski izlietoti 10 000,00 euro.\n"
        "Neatbilstoši veiktie izdevumi\tNav\n"
        "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem\tNav\n"
        "Cita informācija\tNav\n"
    )
    assert read.report is not None
    return read.report


def counts(text: str) -> list[tuple[int, Qualifier, str, str]]:
    source = SourceFile("probe.txt", text)
    return [
        (i.value, i.qualifier, i.kind, i.phrase)
        for i in find_indicators(SourcedText.of(text), source)
    ]


# -- plans are not achievements ----------------------------------------------------------------
@pytest.mark.parametrize(
    "text",
    [
        "materiāltehniskais atbalsts – plānots 4 mazākumtautību NVO līdz 2026. gada februārim "
        "(iepirkums izsludināts)",
        "Līdz gada beigām plānots noorganizēt vēl 3 seminārus un mazākumtautību NVO tikšanos.",
        "Nākamajā ceturksnī tiks noorganizēti 2 semināri.",
        "Paredzēts sniegt 40 konsultācijas.",
    ],
)
def test_a_count_governed_by_a_plan_is_not_read(text: str) -> None:
    assert counts(text) == []


def test_a_plan_governs_its_clause_only() -> None:
    assert counts("Plānots: 10 semināri, faktiski: 12 semināri.") == [
        (12, E, "seminars", "12 semināri")
    ]


def test_a_paragraph_after_a_bulleted_list_adds_nothing_to_its_last_item() -> None:
    rep = report(
        "2. īstenošanas gads (01.03.2025.–28.02.2026.)\n\n"
        "Mazākumtautību NVO kapacitātes celšanai:\n"
        "- mazākumtautību kultūras pasākumi – 2 (Saldū 2025. gada 16. augustā)\n"
        "- materiāltehniskais atbalsts – plānots 4 mazākumtautību NVO līdz 2026. gada "
        "februārim (iepirkums izsludināts)\n\n"
        "Līdz gada beigām plānots noorganizēt vēl 3 seminārus un mazākumtautību NVO "
        "tikšanos Liepājā.",
        "01.03.2024.–28.02.2026.",
    )
    (year,) = rep.years
    last = year.activities[-1]
    assert last.text.value.endswith("(iepirkums izsludināts)")
    assert last.indicators == () and last.places == ()
    assert year.notes[-1].value.startswith("Līdz gada beigām plānots")


# -- Roman numerals and the minority group's heading ---------------------------------------------
ROMAN_YEARS = (
    "I. ĪSTENOŠANAS GADS (01.04.2019.–31.03.2020.)\n\n"
    "I. Mācību semināri NVO pārstāvjiem – 6 (Jelgavā, Dobelē), dalībnieku skaits: 102.\n"
    "II. Konsultācijas NVO un iniciatīvu grupām – 68.\n"
    "III. Zemgales NVO forums Jelgavā 2019. gada 26. oktobrī, dalībnieku skaits: 145.\n\n"
    "Mazākumtautību līdzdalības veicināšanai:\n\n"
    "I. Mazākumtautību NVO apmācības – 2 (Jelgavā un Jēkabpilī), dalībnieku skaits: 34.\n"
    "II. Materiāltehniskais atbalsts – 3 mazākumtautību biedrībām.\n\n"
    "II. ĪSTENOŠANAS GADS (01.04.2020.–31.03.2021.)\n\n"
    "I. Konsultācijas – 93.\n\n"
    "Mazākumtautību līdzdalības veicināšanai:\n\n"
    "I. Mazākumtautību kultūras pasākumi – 2 (tiešsaistes koncerts 2020. gada 18. decembrī "
    "un vasaras nometne Tērvetē no 20. līdz 22. augustam)."
)


def test_items_numbered_with_roman_numerals_under_a_minority_heading() -> None:
    rep = report(ROMAN_YEARS, "2019. gada 1. aprīlis – 2021. gada 31. marts")
    assert [(y.ordinal, y.numeral) for y in rep.years] == [(1, "I"), (2, "II")]
    assert [
        (a.year, a.group, a.number, [(i.value, i.kind) for i in a.indicators])
        for y in rep.years
        for a in y.activities
    ] == [
        (1, CIVIL, "I.", [(6, "seminars"), (102, "participants")]),
        (1, CIVIL, "II.", [(68, "consultations")]),
        (1, CIVIL, "III.", [(145, "participants")]),
        (1, MINORITY, "I.", [(2, "trainings"), (34, "participants")]),
        (1, MINORITY, "II.", [(3, "organisations")]),
        (2, CIVIL, "I.", [(93, "consultations")]),
        (2, MINORITY, "I.", [(2, "events")]),
    ]
    assert all(y.notes == () for y in rep.years)
    last = rep.years[1].activities[-1]
    assert [(d.start, d.end) for d in last.dates] == [
        (D(2020, 12, 18), None),
        (D(2020, 8, 20), D(2020, 8, 22)),  # the item writes 2020, and August 2020 is in year II
    ]
    assert [p.key for p in last.places] == ["tervete"]


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("Mazākumtautību līdzdalības veicināšanai:", True),
        ("Mazākumtautību NVO attīstībai un ilgtspējas veicināšanai:", True),
        ("*Latgales mazākumtautību kapacitātes celšanai:*", True),
        ("Mazākumtautību kultūras pasākumi:", False),  # a list's lead-in names no purpose
        ("Pilsoniskās sabiedrības un mazākumtautību līdzdalības veicināšanai:", False),
    ],
)
def test_a_minority_heading_names_the_minorities_and_a_purpose(line: str, heading: bool) -> None:
    assert is_minority_heading(line) is heading


@pytest.mark.parametrize(("numeral", "value"), [("I", 1), ("IV", 4), ("VI", 6), ("IX", 9)])
def test_roman_values(numeral: str, value: int) -> None:
    assert roman_value(numeral) == value


# -- numbers in words ----------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Noorganizētas trīs sanāksmes ar pašvaldību pārstāvjiem.", (3, "meetings")),
        ("Notika divi semināri NVO valdes locekļiem Rēzeknē.", (2, "seminars")),
        ("izstrādātas divas darbības attīstības stratēģijas;", (2, "strategies")),
        ("četras sanāksmes ar pašvaldību NVO koordinatoriem.", (4, "meetings")),
        ("Organizētas piecas fokusgrupu diskusijas (Rēzeknē, Ludzā).", (5, "focus-groups")),
        ("Materiāltehniskais atbalsts sniegts septiņām mazākumtautību NVO.", (7, "organisations")),
        ("Materiāltehniskais atbalsts sniegts sešām mazākumtautību NVO.", (6, "organisations")),
        ("Organizēti desmit mazākumtautību kultūras pasākumi.", (10, "events")),
        ("Izstrādāta viena stratēģija Krāslavas romu biedrībai.", (1, "strategies")),
        ("Noorganizēti pieci semināri NVO pārstāvjiem.", (5, "seminars")),
        ("diskusiju pasākumi – divi (Ventspilī un Talsos)", (2, "events")),
    ],
)
def test_a_number_in_words_counts_its_noun(text: str, expected: tuple[int, str]) -> None:
    assert [(v, k) for v, q, k, _ in counts(text) if q is E] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Viena pieredzes apmaiņas vizīte uz Igauniju.",  # no counted noun
        "Piedalījās viena biedrības pārstāve.",  # one member, not one association
        "Semināri – 4, no tiem divi klātienē.",  # "divi" counts no noun of its own
        "Sadarbība ar divām biedrībām.",  # a partner, not an achievement
        "Piedalījāmies vienā pasākumā.",  # "vienā": in one, not a count
        "viena pasākuma ietvaros izveidots buklets",  # within one event (a genitive)
    ],
)
def test_a_number_in_words_without_a_counted_noun_is_not_read(text: str) -> None:
    assert [k for _, _, k, _ in counts(text) if k != "seminars"] == []


def test_digits_and_words_together_are_one_count() -> None:
    assert counts("Izstrādātas 2 (divas) stratēģijas.") == [
        (2, E, "strategies", "2 (divas) stratēģijas")
    ]


# -- a count after the phrase that names it --------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("konsultācijas NVO un iedzīvotājiem – 74;", (74, E, "consultations")),
        ("semināri NVO vadītājiem – 6 (Liepājā, Kuldīgā un Talsos)", (6, E, "seminars")),
        ("publicētās ziņas vietnē www.fonds.lv un sociālajos tīklos – 58;", (58, E, "news-items")),
        ("tikšanās ar pašvaldību speciālistiem – 5 (Liepājā, Saldū)", (5, E, "meetings")),
        ("jaunumu lapas – 14", (14, E, "newsletters")),
        ("ieraksti sociālajos tīklos – 84", (84, E, "posts")),
        ("ieraksti sociālajos tīklos – vairāk nekā 150", (150, MORE, "posts")),
        ("NVO vajadzību apzināšana – fokusgrupu diskusijas: 3 (Valmierā)", (3, E, "focus-groups")),
        ("forums Valkā, dalībnieku skaits: 134;", (134, E, "participants")),
        ("kultūras pasākums, apmeklētāju skaits: ap 300", (300, ABOUT, "participants")),
        ("kultūras pasākumi, kopējais apmeklētāju skaits ap 450.", (450, ABOUT, "participants")),
    ],
)
def test_a_count_after_its_phrase(text: str, expected: tuple[int, Qualifier, str]) -> None:
    assert [(v, q, k) for v, q, k, _ in counts(text)] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "semināri un konsultācijas – 10",  # which of the two is counted cannot be told
        "Semināri Rīgā: 3, Daugavpilī: 2",  # parts, each by its place
        "semināri, kuros piedalījās – 40",
        "Publicētas 9 preses relīzes.",  # no kind of the indicator list names them
        "semināri 2023. gadā – 5",
    ],
)
def test_a_count_after_a_phrase_that_names_no_one_thing_is_not_read(text: str) -> None:
    assert counts(text) == []


# -- a range of days with no year ----------------------------------------------------------------
def _dates(period: str, heading: str, item: str) -> list[tuple[D, D | None]]:
    rep = report(f"{heading}\n\n1. {item}", period)
    return [(d.start, d.end) for d in rep.years[0].activities[0].dates]


def test_a_range_of_days_in_a_year_within_one_calendar_year() -> None:
    assert _dates(
        "01.01.2023.–31.12.2024.",
        "1. īstenošanas gads (01.01.2023.–31.12.2023.)",
        "Vidzemes NVO forums Smiltenē no 1. līdz 3. jūnijam, dalībnieku skaits: 120.",
    ) == [(D(2023, 6, 1), D(2023, 6, 3))]


def test_a_range_of_days_with_no_year_over_two_calendar_years_is_not_read() -> None:
    assert (
        _dates(
            "01.03.2024.–28.02.2026.",
            "1. īstenošanas gads (01.03.2024.–28.02.2025.)",
            "Kurzemes NVO forums Ventspilī no 11. līdz 12. septembrim, dalībnieki – 93.",
        )
        == []
    )


def test_a_range_of_days_outside_the_year_with_the_written_year_is_not_read() -> None:
    # the item writes 2019, but 10–12 January 2019 is before year 1: no year is certain
    assert _dates(
        "01.04.2019.–31.03.2021.",
        "1. īstenošanas gads (01.04.2019.–31.03.2020.)",
        "Semināri 2019. gada 5. decembrī un no 10. līdz 12. janvārim.",
    ) == [(D(2019, 12, 5), None)]


# -- places ----------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("vasaras nometne Tērvetē", "tervete"),
        ("seminārs Ikšķilē", "ikskile"),
        ("tikšanās Ainažos", "ainazi"),
        ("pasākums Kalnciemā", "kalnciems"),
        ("forums Piltenē", "piltene"),
    ],
)
def test_towns_the_gazetteer_lacked(text: str, key: str) -> None:
    source = SourceFile("probe.txt", text)
    assert [m.key for m in find_places(SourcedText.of(text), source)] == [key]
