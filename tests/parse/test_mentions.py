"""Indicator, minority and place normalisation, table-driven from phrases in the reports."""

from __future__ import annotations

import pytest

from pipeline.model import Qualifier
from pipeline.parse.mentions import INDICATOR_KINDS, find_indicators
from pipeline.parse.named import find_minorities, find_places
from pipeline.parse.text import SourcedText, SourceFile

E, MORE, LEAST, ABOUT = Qualifier.EXACT, Qualifier.MORE_THAN, Qualifier.AT_LEAST, Qualifier.ABOUT


def _indicators(text: str) -> list[tuple[int, Qualifier, str, str]]:
    source = SourceFile("t.txt", text)
    return [
        (i.value, i.qualifier, i.kind, i.phrase)
        for i in find_indicators(SourcedText.of(text), source)
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "piedalījās vairāk nekā 670 dalībnieki",
            [(670, MORE, "participants", "vairāk nekā 670 dalībnieki")],
        ),
        (
            "sniegtas vairāk kā 60 konsultācijas",
            [(60, MORE, "consultations", "vairāk kā 60 konsultācijas")],
        ),
        (
            "starp vismaz 4 Zemgales reģiona NVO",
            [(4, LEAST, "organisations", "vismaz 4 Zemgales reģiona NVO")],
        ),
        ("piedalījās ap 100 dalībnieku.", [(100, ABOUT, "participants", "ap 100 dalībnieku")]),
        ("ko saņēmušas aptuveni 207 personas", [(207, ABOUT, "persons", "aptuveni 207 personas")]),
        (
            "organizēti 3 forumi, 4 fokusgrupu diskusijas",
            [(3, E, "forums", "3 forumi"), (4, E, "focus-groups", "4 fokusgrupu diskusijas")],
        ),
        (
            "3 līderības un digitālo prasmju apmācības",
            [(3, E, "trainings", "3 līderības un digitālo prasmju apmācības")],
        ),
        (
            "2 (divas) darbības attīstības stratēģijas",
            [(2, E, "strategies", "2 (divas) darbības attīstības stratēģijas")],
        ),
        (
            "sniegtas 142 konsultācijas indivīdiem un NVO pārstāvjiem",
            [(142, E, "consultations", "142 konsultācijas")],
        ),
        (
            "10 pašvaldības iestāžu pārstāvji",
            [(10, E, "persons", "10 pašvaldības iestāžu pārstāvji")],
        ),
        ("klātienē 78konsultācijas", [(78, E, "consultations", "78konsultācijas")]),
        ("67 ziņu lapās", [(67, E, "newsletters", "67 ziņu lapās")]),
        ("Sagatavotas 45 jaunumu lapas", [(45, E, "newsletters", "45 jaunumu lapas")]),
        ("tika publicēti 195 ieraksti", [(195, E, "posts", "195 ieraksti")]),
        ("Kopā 118 publikācijas", [(118, E, "publications", "118 publikācijas")]),
        (
            "atbalstītas 9 Latgales mazākumtautību organizācijas",
            [(9, E, "organisations", "9 Latgales mazākumtautību organizācijas")],
        ),
        (
            "3 mazākumtautību nevalstisko organizāciju biedru aptaujas un aktivitātes",
            [(3, E, "surveys", "3 mazākumtautību nevalstisko organizāciju biedru aptaujas")],
        ),
        ("Izstrādāta 1 stratēģija Romu sieviešu biedrībai", [(1, E, "strategies", "1 stratēģija")]),
        ("6 tiešsaistes vebināri", [(6, E, "seminars", "6 tiešsaistes vebināri")]),
        ("Notikušas 24 klātienes nodarbības", [(24, E, "sessions", "24 klātienes nodarbības")]),
        ("kurai seko 1091 lietotājs", [(1091, E, "followers", "1091 lietotājs")]),
    ],
)
def test_indicators(text: str, expected: list[tuple[int, Qualifier, str, str]]) -> None:
    assert _indicators(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "13 dienu jauniešu līderu apmācības",  # a duration, not a count of trainings
        "2 dienu Forums Dobelē",
        "(6 vietas x 4 nodarbības katrā)",  # places, and a factor
        "2022.gada 15.jūlijs",  # a date
        "no plkst. 10:00 līdz 13:00",
        "(366. lpp, krievu valodā)",
        "No kopējā ierakstu apjoma 24%",
        "Facebook 24; Twitter 18; Instagram 9.",
        "www.youtube.com/watch?v=jRV8NMbnPxc&t=19s",
        "“Demokrātija 2084” sadarbībā",
        "1 printeris Daugavpils baltkrievu biedrībai",
        "Daugavpils Krievu kultūras centra 30 gadadienu",
    ],
)
def test_not_indicators(text: str) -> None:
    assert _indicators(text) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a count after a dash counts the noun before the dash (and its other name)
        (
            "Organizēti tiešsaistes semināri (vebināri) – 6, dalībnieki – 140;",
            [
                (6, E, "seminars", "semināri (vebināri) – 6"),
                (140, E, "participants", "dalībnieki – 140"),
            ],
        ),
        ("dalībnieku skaits – 140", [(140, E, "participants", "dalībnieku skaits – 140")]),
        ("Konsultācijas — vismaz 30.", [(30, LEAST, "consultations", "Konsultācijas — vismaz 30")]),
        (
            "Fokusgrupu diskusijas - 2 un dalībnieki - 19",
            [
                (2, E, "focus-groups", "Fokusgrupu diskusijas - 2"),
                (19, E, "participants", "dalībnieki - 19"),
            ],
        ),
        # "video" does not decline
        ("Sagatavoti un publicēti video (3);", [(3, E, "videos", "video (3)")]),
        ("sagatavoti 4 videoklipi", [(4, E, "videos", "4 videoklipi")]),
        ("publicēti 2 raksti vietējā laikrakstā", [(2, E, "publications", "2 raksti")]),
        # the genitive plural after the number is what is counted, not the dative after it
        (
            "sniegtas ap 40 konsultāciju biedrībām;",
            [(40, ABOUT, "consultations", "ap 40 konsultāciju")],
        ),
        # a print run is not a count: the booklets are
        ("Izdoti 2 bukleti (tirāža 500 eks.)", [(2, E, "publications", "2 bukleti")]),
        # a noun counted before the dash is not counted again
        ("noorganizēti 6 semināri – 3 Rīgā", [(6, E, "seminars", "6 semināri")]),
    ],
)
def test_more_indicator_forms(text: str, expected: list[tuple[int, Qualifier, str, str]]) -> None:
    assert _indicators(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2022–2023",  # years
        "semināri 2022–2023",
        "semināri – 2023;",  # a year after a dash
        "Nr. 5 – 3",  # a number after a numbering word, then a dash: not a counted noun
        "saskaņā ar līguma Nr. 5 – 3;",
        "tirāža 500 eks.",  # a print run
        "bukleti (tirāža 500 eks.)",
        "bukleti – 500 eks.",
        "semināri – 6–8;",  # a range
        "Konsultācijas – 2 stundas;",  # a duration
        "Semināri – 12.05.2023.",  # a date
        "Semināri – 3. un 4. maijā",  # ordinals of days
        "dalībnieku – 140;",  # a genitive before the dash: whose 140 is not said
        "Rīgā – 20;",  # not a counted noun
        "dalībnieki – līdz 140;",  # an upper bound
        "semināri – 6,5;",  # not a whole number
        "notika 2 videokonferences",  # not the videos kind
    ],
)
def test_more_forms_that_are_not_indicators(text: str) -> None:
    assert _indicators(text) == []


def test_indicator_kinds_are_a_controlled_list() -> None:
    assert {
        "participants",
        "consultations",
        "events",
        "seminars",
        "trainings",
        "forums",
        "focus-groups",
        "news-items",
        "posts",
        "strategies",
        "organisations",
        "publications",
        "videos",
    } <= set(INDICATOR_KINDS)
    assert all(k == k.lower() and " " not in k for k in INDICATOR_KINDS)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rēzeknes poļu biedrībai", ["polish"]),
        ("Daugavpils baltkrievu biedrību “Uzdim”", ["belarusian"]),
        ("1 filmēšanas un montēšanas apmācības Krāslavas romiem", ["roma"]),
        ("Daugavpils Ukrainu biedrībai “Mrija”", ["ukrainian"]),
        ("Daugavpils Ebreju kopienai", ["jewish"]),
        ("Krievu kultūras centrs", ["russian"]),
        ("grāmata (366. lpp, krievu valodā)", []),  # a language, not the people
        ("latviešu un krievu val.", []),
        ("iztulkots no senkrievu valodas", []),
    ],
)
def test_minorities(text: str, expected: list[str]) -> None:
    source = SourceFile("t.txt", text)
    assert [m.key for m in find_minorities(SourcedText.of(text), source)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Daugavpilī, Līvānos, Ludzā un Rēzeknes novadā",
            [
                ("daugavpils", "city"),
                ("livani", "city"),
                ("ludza", "city"),
                ("rezekne", "municipality"),
            ],
        ),
        ("Rīgas un Rīgas reģiona organizācijas", [("riga", "city")]),  # the second is the region
        ("Forums AUCĒ 10.05.2023.", [("auce", "city")]),
        ("Ventspilī un Liepājā", [("ventspils", "city"), ("liepaja", "city")]),
    ],
)
def test_places(text: str, expected: list[tuple[str, str]]) -> None:
    source = SourceFile("t.txt", text)
    assert [(m.key, m.kind) for m in find_places(SourcedText.of(text), source)] == expected


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Daugavpilī, Līvānos un Rēzeknes novadā", ["Daugavpils", "Līvāni", "Rēzeknes novads"]),
        ("Cēsīs un Tukumā", ["Cēsis", "Tukums"]),
        # the locative of Saldus; Žīguri as spelled and as one bundled report misspells it
        ("Saldū un Žīguros, Žiguru skolā", ["Saldus", "Žīguri", "Žīguri"]),
        ("Preiļu novada biedrības", ["Preiļu novads"]),
        # only a municipality has this name; "Augšdaugavas" alone keeps the kind (and IRI)
        # the text gives it, and the municipality's name
        ("Augšdaugavas pašvaldība", ["Augšdaugavas novads"]),
    ],
)
def test_places_are_named_in_the_nominative(text: str, names: list[str]) -> None:
    source = SourceFile("t.txt", text)
    assert [m.name for m in find_places(SourcedText.of(text), source)] == names


@pytest.mark.parametrize(
    ("text", "parts"),
    [
        # a breakdown in parentheses right after the total
        (
            "sniegtas 199 konsultācijas (e-pastos 41 konsultācija; tiešsaistē 80 konsultācijas; klātienē 78konsultācijas)",
            [None, 1, 1, 1],
        ),
        # parts before a total introduced by "kopumā"
        (
            "(piedalījās 15 dalībnieki); (piedalījās 14 dalībnieki). Kopumā semināru ciklā piedalījās 29 dalībnieki.",
            [3, 3, None],
        ),
        # adding up is not enough: the text must say that one is the total
        (
            "1 apmācību kurss, 1 apmācības, 2 apmācības poļu kultūras saglabāšanai",
            [None, None, None],
        ),
        # and the parts must add up exactly
        ("199 konsultācijas (41 konsultācija; 80 konsultācijas)", [None, None, None]),
        # values of another kind or qualifier are not parts
        ("kopā 100 dalībnieki (vairāk nekā 60 dalībnieki; 40 dalībnieki)", [None, None, None]),
    ],
)
def test_breakdowns_are_marked_as_parts(text: str, parts: list[int | None]) -> None:
    source = SourceFile("t.txt", text)
    assert [i.part_of for i in find_indicators(SourcedText.of(text), source)] == parts


@pytest.mark.parametrize(
    "text",
    [
        # a duration or a frequency is never a count
        "Vairāk nekā 10 gadus biedrība vada kopienu centru",
        "seminārs ilga 2 mēnešus",
        "vienu (1) reizi mēnesī notika semināri",
        "3 reizes notika semināri",
        # a number of another kind in the dative before the head counts that, not the head
        "Pēc 3 semināriem dalībnieki aizpildīja anketas",
        # "+" after the count: more than or at least cannot be told
        "konsultācijas (88)+",
    ],
)
def test_a_duration_frequency_or_open_count_is_not_read(text: str) -> None:
    assert _indicators(text) == []
