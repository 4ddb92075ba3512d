"""Golden values for the reports of a tester who wrote reports of other ministries
(Labklājības ministrija, Izglītības un zinātnes ministrija), which delegate other work and
count other things: hotline calls, camps, guides and brochures, support groups, families.
Values are the tester's hand-read facts (EXPECTED.md), each quoted from the report.

The fixtures: a youth-work report in Markdown with "N. līguma gads" headings (Latgale, two
planted) and a crisis-centre report as an ODT with "text:h" labels (Rīga, two planted), the
tester's copies with the standard section labels; the two plain-text reports are read by
their activities' sentences (`test_the_plain_text_reports_sentences`).

Besides, the forms behind them: a genitive before another noun is that noun's attribute,
not what a number counts ("2 jauniešu nometnes" are two camps, not two participants), and
"t. sk." makes a part of the count before it.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.namespace import SKOS

from pipeline.model import Indicator, Parsed, Qualifier, Report
from pipeline.parse.mentions import find_indicators
from pipeline.parse.text import SourcedText, SourceFile
from tests.conftest import REPO
from tests.parse.golden import ABOUT, AT_LEAST, EXACT, MORE, read_unseen

FILES = {
    "latgale": "latgale_markdown_contract_years_youth_camps_planted.md",
    "riga": "riga_odt_contract_years_hotline_brochures_planted.odt",
}
Values = list[tuple[int, Qualifier, str]]


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _report(read: dict[str, Parsed], key: str) -> Report:
    report = read[key].report
    assert report is not None
    return report


def _all_values(rep: Report) -> Values:
    """Every figure of the report's activities in the order written, whichever year they
    fall in (the contract-year headings are another part's to read)."""
    return [(i.value, i.qualifier, i.kind) for a in rep.activities for i in a.indicators]


# The tester's two plain-text reports (a welfare report with contract years, Vidzeme; a
# five-year youth-work report, Zemgale) are read here by their activities' sentences, as
# written: their headings and funding are other parts' to read first.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Vidzeme, 2022./2023. gads (EXPECTED: "1236 calls", "2 guides", "3 support groups,
        # 27 participants")
        ("2) uzticības tālrunī pieņemti 1 236 zvani;", [(1236, EXACT, "calls")]),
        (
            "4) izdotas 2 metodiskās rokasgrāmatas sociālajiem darbiniekiem (latviešu valodā);",
            [(2, EXACT, "publications")],
        ),
        (
            "5) organizētas 3 atbalsta grupas tuviniekiem, kurās piedalījās 27 dalībnieki.",
            [(3, EXACT, "support-groups"), (27, EXACT, "participants")],
        ),
        # 2023./2024. gads ("1 camp 2023-07-12…2023-07-18, 32 participants; 1 guide")
        (
            "4) no 12.07.2023. līdz 18.07.2023. organizēta 1 vasaras nometne ģimenēm, kurā"
            " piedalījās 32 dalībnieki;",
            [(1, EXACT, "camps"), (32, EXACT, "participants")],
        ),
        (
            '5) izdota 1 rokasgrāmata "Atbalsts ģimenei ikdienā".',
            [(1, EXACT, "publications")],
        ),
        # 2024. gads ("1118 calls"; "2 camps …, 58 participants")
        ("2) uzticības tālrunī pieņemti 1 118 zvani;", [(1118, EXACT, "calls")]),
        (
            "4) organizētas 2 nometnes (15.07.2024.–19.07.2024. un 05.08.2024.–09.08.2024.),"
            " kopā 58 dalībnieki.",
            [(2, EXACT, "camps"), (58, EXACT, "participants")],
        ),
        # Zemgale, I-IV ("1 guide (ceļvedis)"; "1 camp …, 40 participants"; "2 camps, 78
        # participants"; "2 camps, 82 participants")
        ("3) izdots 1 ceļvedis „Jaunatnes darbs Zemgalē”.", [(1, EXACT, "publications")]),
        (
            "3) Jelgavā 2021. gada 9.–13. augustā organizēta 1 nometne, kurā piedalījās 40"
            " dalībnieki.",
            [(1, EXACT, "camps"), (40, EXACT, "participants")],
        ),
        (
            "3) organizētas 2 nometnes (Bauskā un Dobelē), kopā 78 dalībnieki;",
            [(2, EXACT, "camps"), (78, EXACT, "participants")],
        ),
        (
            "3) organizētas 2 nometnes, kopā 82 dalībnieki.",
            [(2, EXACT, "camps"), (82, EXACT, "participants")],
        ),
    ],
)
def test_the_plain_text_reports_sentences(text: str, expected: Values) -> None:
    assert [(i.value, i.qualifier, i.kind) for i in _indicators(text)] == expected


def test_calls_after_t_sk_are_a_part_of_the_calls() -> None:
    # Vidzeme, 2023./2024. gads: "1504 calls, of which 312 (part_of)"
    calls = _indicators(
        "2) uzticības tālrunī pieņemti 1 504 zvani, t.sk. 312 zvani ārpus darba laika;"
    )
    assert [(i.value, i.kind, i.part_of) for i in calls] == [
        (1504, "calls", None),
        (312, "calls", 1),
    ]


def test_youth_camps_are_camps_not_participants(read: dict[str, Parsed]) -> None:
    rep = _report(read, "latgale")
    assert _all_values(rep) == [
        # 1. līguma gads: "Organizētas 6 apmācības …, kurās piedalījās 94 dalībnieki";
        # "Sniegtas 210 konsultācijas"; "jauniešu vasaras nometne (1 nometne), kurā
        # piedalījās 48 jaunieši"; "Izdots 1 metodiskais līdzeklis … (500 eksemplāri)";
        # "Publicētas vairāk nekā 70 ziņas"
        (6, EXACT, "trainings"),
        (94, EXACT, "participants"),
        (210, EXACT, "consultations"),
        (1, EXACT, "camps"),
        (48, EXACT, "participants"),
        (1, EXACT, "publications"),
        (70, MORE, "news-items"),
        # 2. līguma gads: "Organizētas 8 apmācības …, kurās piedalījās 121 dalībnieks";
        # "Sniegtas 236 konsultācijas"; "Organizētas 2 jauniešu nometnes (…), kopā 86
        # dalībnieki"; "Izdoti 2 metodiskie līdzekļi"; "Organizēts 1 reģionālais jauniešu
        # forums Preiļos 18.03.2023., kurā piedalījās 152 dalībnieki"
        (8, EXACT, "trainings"),
        (121, EXACT, "participants"),
        (236, EXACT, "consultations"),
        (2, EXACT, "camps"),
        (86, EXACT, "participants"),
        (2, EXACT, "publications"),
        (1, EXACT, "forums"),
        (152, EXACT, "participants"),
        # 3. līguma gads: "Organizētas 7 apmācības, kurās piedalījās vismaz 100
        # dalībnieki"; "Sniegtas aptuveni 250 konsultācijas"; "Organizēta 1 jauniešu
        # nometne Krāslavā …, 44 dalībnieki"; "Organizēti 3 informatīvie semināri … (57
        # dalībnieki)"
        (7, EXACT, "trainings"),
        (100, AT_LEAST, "participants"),
        (250, ABOUT, "consultations"),
        (1, EXACT, "camps"),
        (44, EXACT, "participants"),
        (3, EXACT, "seminars"),
        (57, EXACT, "participants"),
    ]


def test_hotline_calls_and_brochures_in_an_odt(read: dict[str, Parsed]) -> None:
    rep = _report(read, "riga")
    assert _all_values(rep) == [
        # 2022./2023. gads: "sniegtas 520 konsultācijas"; "diennakts uzticības tālrunī
        # pieņemti 2 140 zvani"; "organizētas 12 apmācības …, kurās piedalījās 164
        # dalībnieki"; "izdotas 3 informatīvās brošūras"
        (520, EXACT, "consultations"),
        (2140, EXACT, "calls"),
        (12, EXACT, "trainings"),
        (164, EXACT, "participants"),
        (3, EXACT, "publications"),
        # 2023./2024. gads: "sniegtas vairāk nekā 600 konsultācijas"; "pieņemti 2 380
        # zvani"; "organizētas 10 apmācības, kurās piedalījās 150 dalībnieki"; "organizēts
        # 1 seminārs … 14.11.2023., 48 dalībnieki"
        (600, MORE, "consultations"),
        (2380, EXACT, "calls"),
        (10, EXACT, "trainings"),
        (150, EXACT, "participants"),
        (1, EXACT, "seminars"),
        (48, EXACT, "participants"),
    ]


# The forms behind the reports, in sentences of their kind.


def _indicators(text: str) -> list[Indicator]:
    return list(find_indicators(SourcedText.of(text), SourceFile("t.txt", text)))


def _values(text: str) -> list[tuple[int, str]]:
    return [(i.value, i.kind) for i in _indicators(text)]


def test_a_genitive_before_another_noun_is_that_nouns_attribute() -> None:
    # the number counts the noun after the genitive: camps, cycles, teaching aids, staff
    assert _values("Organizētas 2 jauniešu nometnes Daugavpilī") == [(2, "camps")]
    assert _values("Organizēta 1 jauniešu nometne Krāslavā") == [(1, "camps")]
    assert _values("organizētas 3 jauniešu vasaras nometnes") == [(3, "camps")]
    assert _values("organizēti 3 semināru cikli") == []
    assert _values("izdoti 2 mācību līdzekļi") == []
    assert _values("3 biedrības darbinieki") == []
    assert _values("3 ģimenes asistenti") == []
    # a genitive alone, or before a dative, a locative, an action or a noun of the other
    # number, is what is counted
    assert _values("piedalījās ap 100 dalībnieku") == [(100, "participants")]
    assert _values("ap 40 konsultāciju biedrībām") == [(40, "consultations")]
    assert _values("piedalījās 80 dalībnieku apmācībās") == [(80, "participants")]
    assert _values("Veikta 2 mazākumtautību kultūras pasākumu organizēšana") == [(2, "events")]
    assert _values("nodrošināta 1 izdevumu druka") == [(1, "publications")]
    # a compound is one name: newsletters, discussion platforms
    assert _values("izdotas 24 ziņu lapas") == [(24, "newsletters")]
    assert _values("Organizētas 4 iedzīvotāju diskusiju platformas") == [(4, "discussions")]


def test_a_locative_is_never_the_head_and_a_verb_ends_the_phrase() -> None:
    assert _values("piedalījās 40 dalībnieki seminārā") == [(40, "participants")]
    assert _values("piedalījās 40 dalībnieki semināros") == [(40, "participants")]
    assert _values("vairāk nekā 100 jauniešu apmeklēja pasākumu") == [(100, "participants")]
    # "31 … pārstāvis": representatives of organisations, in the singular a number in 1 takes
    assert _values("piedalījās 31 organizācijas pārstāvis") == [(31, "persons")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("uzticības tālrunī pieņemti 1 236 zvani", [(1236, "calls")]),
        ("atbildēts uz 45 zvaniem", [(45, "calls")]),
        ("organizēta 1 nometne", [(1, "camps")]),
        ("bērni piedalījās 5 nometnēs", [(5, "camps")]),
        ("izdotas 2 metodiskās rokasgrāmatas", [(2, "publications")]),
        ("izdots 1 ceļvedis", [(1, "publications")]),
        ("izdoti 3 ceļveži", [(3, "publications")]),
        ("Izdots 1 metodiskais līdzeklis (500 eksemplāri)", [(1, "publications")]),
        ("izdotas 3 informatīvās brošūras", [(3, "publications")]),
        ("izdotas 2 skrejlapas", [(2, "publications")]),
        ("organizētas 3 atbalsta grupas tuviniekiem", [(3, "support-groups")]),
        ("darbojās 2 pašpalīdzības grupas", [(2, "support-groups")]),
        ("ģimenes asistenta pakalpojumu saņēmušas 46 ģimenes", [(46, "families")]),
        ("pakalpojumu saņēmusi 51 ģimene", [(51, "families")]),
        ("atbalsts sniegts 30 daudzbērnu ģimenēm", [(30, "families")]),
        ("organizēta 1 vasaras nometne ģimenēm", [(1, "camps")]),
    ],
)
def test_kinds_other_ministries_count(text: str, expected: list[tuple[int, str]]) -> None:
    assert _values(text) == expected


def test_support_groups_and_families_only_where_they_are_counted() -> None:
    assert _values("organizētas 3 atbalsta grupas tuviniekiem") == [(3, "support-groups")]
    # the sessions of a support group, and seminars held for support groups
    assert _values("notika 12 atbalsta grupu nodarbības") == [(12, "sessions")]
    assert _values("organizēti 5 semināri atbalsta grupām") == [(5, "seminars")]
    assert _values("saņēmušas 46 ģimenes") == [(46, "families")]
    # consultations given to families
    assert _values("sniegtas 318 konsultācijas ģimenēm ar bērniem") == [(318, "consultations")]


def test_t_sk_makes_a_part_of_the_count_before_it() -> None:
    calls = _indicators("pieņemti 1 504 zvani, t.sk. 312 zvani ārpus darba laika;")
    assert [(i.value, i.part_of) for i in calls] == [(1504, None), (312, 1)]
    seminars = _indicators("Nodrošināti 16 mācību semināri, t.sk. 5 tiešsaistes vebināri")
    assert [(i.value, i.part_of) for i in seminars] == [(16, None), (5, 1)]
    given = _indicators(
        "sniegtas 120 konsultācijas, tai skaitā 40 konsultācijas klātienē un 30 konsultācijas"
        " tiešsaistē, kā arī 12 konsultācijas pa tālruni"
    )
    assert [(i.value, i.part_of) for i in given] == [(120, None), (40, 1), (30, 1), (12, None)]
    # parts that add up to more than the count: which is the total cannot be told
    more = _indicators("piedalījās 45 dalībnieki, t.sk. 50 jaunieši")
    assert [(i.value, i.part_of) for i in more] == [(45, None), (50, None)]


def test_the_new_kinds_have_latvian_and_english_labels() -> None:
    schemes = Graph().parse(REPO / "ontology" / "schemes.ttl")
    root = "https://w3id.org/lodpipe/def/indicator-kind#"
    for kind in ("calls", "camps", "families", "support-groups"):
        labels = {
            label.language
            for label in schemes.objects(URIRef(root + kind), SKOS.prefLabel)
            if isinstance(label, Literal)
        }
        assert labels == {"lv", "en"}, kind
