"""Golden values for what activities count, from three sets of reports: a Word report whose
activities are tables per year, "Nr. | Aktivitāte | Skaits | Dalībnieki" (Zemgale, two
planted funding errors), and sentences of Markdown, plain-text and HTML reports of the KM,
LM and VARAM templates. Values are the hand-read facts (EXPECTED.md), each quoted from the
report.

The forms behind them: a column headed by a counted noun ("Dalībnieki") counts that noun; a
count cell may restate its number in words ("2 (divas)"); a duration in the activity's name
("forums (divu dienu)") measures the forum, not the count. A genitive before another noun,
also one of two joined by "un", is that noun's attribute ("1 pašvaldību un NVO sadarbības
konference": a conference); after "1" the "-as" form of "pašvaldība" is that genitive, not a
plural ("1 pašvaldības un NVO sektora tikšanās": a meeting). Conferences, volunteers, reports
(overviews) and community clean-ups ("talkas") are kinds of their own; catalogues and
collections are publications; a summer school, a resource repository, a database and trained
guides are no kind, so they are left uncounted rather than counted as something else.
"""

from __future__ import annotations

import pytest

from pipeline.model import Indicator, Parsed
from pipeline.parse.mentions import find_indicators
from pipeline.parse.text import SourcedText, SourceFile
from pipeline.read import read_report
from tests.parse.golden import (
    ABOUT,
    CIVIL,
    EXACT,
    MINORITY,
    MORE,
    UNSEEN,
    Quantities,
    quantities,
    report_of,
)

HERE = UNSEEN

FILES = {"zemgale": "zemgale_word_activity_tables_count_and_participant_columns_planted.docx"}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return {key: read_report(HERE / name, name) for key, name in FILES.items()}


def test_the_participants_column_and_every_count_are_read(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "zemgale")
    year_1: Quantities = [
        # "Zemgales NVO forums Jelgavā | 1 | 186"
        (CIVIL, 1, EXACT, "forums"),
        (CIVIL, 186, EXACT, "participants"),
        # "Mācību semināri NVO pārstāvjiem … | 8 | 142"
        (CIVIL, 8, EXACT, "seminars"),
        (CIVIL, 142, EXACT, "participants"),
        # "Konsultācijas indivīdiem un NVO pārstāvjiem (klātienē un attālināti) | 75 | –"
        (CIVIL, 75, EXACT, "consultations"),
        # "Ziņas sociālajos tīklos … | vairāk nekā 90 | –"
        (CIVIL, 90, MORE, "news-items"),
        # "Fokusgrupu diskusijas par NVO vajadzībām | 3 | 31"
        (CIVIL, 3, EXACT, "focus-groups"),
        (CIVIL, 31, EXACT, "participants"),
        # "Iedzīvotāju diskusiju platforma „Kafija ar deputātu” | 4 | 68"
        (CIVIL, 4, EXACT, "discussions"),
        (CIVIL, 68, EXACT, "participants"),
        # "Piederības apziņas veicināšanas pasākumi | 5 | ap 600"
        (CIVIL, 5, EXACT, "events"),
        (CIVIL, 600, ABOUT, "participants"),
        # "Zemgales NVO kataloga aktualizācija | 1 | –": an update, of no kind counted
        # "Apmācības mazākumtautību NVO vadītājiem | 2 | 27"
        (MINORITY, 2, EXACT, "trainings"),
        (MINORITY, 27, EXACT, "participants"),
        # "Darbības attīstības stratēģijas | 2 (divas) | –"
        (MINORITY, 2, EXACT, "strategies"),
        # "Materiāltehniskās bāzes uzlabošana mazākumtautību NVO | 7 | –"
        (MINORITY, 7, EXACT, "organisations"),
        # "Mazākumtautību kultūras pasākumi | 9 | 415"
        (MINORITY, 9, EXACT, "events"),
        (MINORITY, 415, EXACT, "participants"),
    ]
    year_2: Quantities = [
        # "Zemgales NVO forums Bauskā (divu dienu) | 1 | 203"
        (CIVIL, 1, EXACT, "forums"),
        (CIVIL, 203, EXACT, "participants"),
        # "Mācību semināri un darbnīcas NVO pārstāvjiem | 10 | 177"
        (CIVIL, 10, EXACT, "seminars"),
        (CIVIL, 177, EXACT, "participants"),
        (CIVIL, 88, EXACT, "consultations"),
        (CIVIL, 112, EXACT, "news-items"),
        # "Zemgales NVO sektora pētījums | 1 | –"
        (CIVIL, 1, EXACT, "studies"),
        (CIVIL, 6, EXACT, "discussions"),
        (CIVIL, 97, EXACT, "participants"),
        # "Piederības apziņas veicināšanas pasākumi | 4 | vairāk nekā 450"
        (CIVIL, 4, EXACT, "events"),
        (CIVIL, 450, MORE, "participants"),
        (MINORITY, 3, EXACT, "trainings"),
        (MINORITY, 38, EXACT, "participants"),
        # "Darbības attīstības stratēģija Jelgavas romu biedrībai „Romanu Drom” | 1 | –"
        (MINORITY, 1, EXACT, "strategies"),
        (MINORITY, 5, EXACT, "organisations"),
        (MINORITY, 11, EXACT, "events"),
        (MINORITY, 530, EXACT, "participants"),
        # "Mazākumtautību NVO biedru aptauja | 1 | 64": the column names them participants
        (MINORITY, 1, EXACT, "surveys"),
        (MINORITY, 64, EXACT, "participants"),
    ]
    assert quantities(rep, 1) == year_1
    assert quantities(rep, 2) == year_2


def test_a_count_cell_in_digits_and_words_is_one_count(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "zemgale")
    strategies = [a for a in rep.activities if a.year == 1 and "stratēģijas" in a.text.value]
    found = [i for a in strategies for i in a.indicators]
    assert [(i.value, i.kind) for i in found] == [(2, "strategies")]
    assert found[0].phrase.startswith("Darbības attīstības stratēģijas")
    assert found[0].phrase.endswith("2 (divas)")


# Sentences of the other reports, as written in them.
Values = list[tuple[int, str]]


def _values(text: str) -> Values:
    found: list[Indicator] = list(find_indicators(SourcedText.of(text), SourceFile("t.txt", text)))
    return [(i.value, i.kind) for i in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Vidzeme (Markdown), 2. gads G5: "1 conference, 72 participants"
        (
            "5. Organizēta 1 pašvaldību un NVO sadarbības konference Valmierā (72 dalībnieki);",
            [(1, "conferences"), (72, "participants")],
        ),
        # Latgale (tabs), I gads: "1 meeting, 31 participants"
        (
            "• organizēta 1 pašvaldības un NVO sektora tikšanās Rēzeknē (31 dalībnieks);",
            [(1, "meetings"), (31, "participants")],
        ),
        # Kurzeme (PDF text), 2. gads: a summer school, 32 participants (a school is no kind)
        (
            "– 2024. gada 8.–10. augustā organizēta 1 vasaras skola jauniešu NVO līderiem"
            " (32 dalībnieki).",
            [(32, "participants")],
        ),
        # Rīga (HTML with <br>), I gads: "1 resursu krātuve", a repository, no organisation
        ("7) izveidota 1 digitālā NVO resursu krātuve.", []),
        # Rīga, III gads: "1 pārskats"
        ("7) sagatavots 1 pārskats par Pierīgas NVO sektoru", [(1, "reports")]),
        # Kurzeme (Word headings), II gads: "1 katalogs"
        (
            "Izveidots 1 Kurzemes NVO sadarbības tīkla kontaktu katalogs.",
            [(1, "publications")],
        ),
        # Zemgale, older KM template, 1.gads: "14 minority NGOs identified, 1 needs
        # assessment" (an assessment is no kind)
        (
            "1) Apzinātas 14 Zemgales reģiona mazākumtautību NVO un to vajadzības, sagatavots"
            " 1 vajadzību izvērtējums;",
            [(14, "organisations")],
        ),
        # 2.gads: "1 catalogue (publication)"
        (
            "6) Izdots 1 Zemgales mazākumtautību NVO katalogs (latviešu un krievu val.).",
            [(1, "publications")],
        ),
        # Latgale (KM template), II gads: "1 database" with the data of 312 organisations:
        # records of a database, not organisations reached; a database is no kind
        ("- 6) izveidota 1 NVO datubāze ar 312 organizāciju datiem;", []),
        # "1 publication (collection)"
        (
            "- 4) izdots 1 krājums „Latgales mazākumtautību stāsti” (krievu un latviešu valodā).",
            [(1, "publications")],
        ),
        # Vidzeme (LM labels), 2022. gads: "1 conference, 96 participants"
        (
            "4) 2022. gada 14. oktobrī Siguldā noorganizēta 1 reģionāla konference “Sociālā"
            " iekļaušana Vidzemē”, 96 dalībnieki;",
            [(1, "conferences"), (96, "participants")],
        ),
        # "27 volunteers trained, 2 training cycles (of 4 sessions each)": the cycles are no
        # kind, and 4 sessions each is no figure of the activity
        ("5) Apmācīti 27 brīvprātīgie (2 mācību cikli pa 4 nodarbībām);", [(27, "volunteers")]),
        # 2023. gads: "1 report/overview (pārskats)"
        (
            "4) Sagatavots un publicēts 1 pārskats par sociālo pakalpojumu pieejamību"
            " Vidzemes reģionā;",
            [(1, "reports")],
        ),
        # Kurzeme (Markdown tables), II: "1 overview/report"
        ("7. Sagatavots 1 pārskats par Kurzemes NVO sektoru.", [(1, "reports")]),
    ],
)
def test_what_the_reports_sentences_count(text: str, expected: Values) -> None:
    assert _values(text) == expected


def test_clean_ups_are_counted_and_guides_are_not() -> None:
    # Kurzeme and Zemgale (VARAM), 1. gads: "clean-ups (talkas) Kurzeme 6 (more than 300
    # participants) + Zemgale 2 (85 participants)"
    found = list(
        find_indicators(
            SourcedText.of(
                text := "3. Organizētas piekrastes un upju krastu sakopšanas talkas — Kurzemē:"
                " 6 talkas (vairāk nekā 300 dalībnieku); Zemgalē: 2 talkas (85 dalībnieki)."
            ),
            SourceFile("t.txt", text),
        )
    )
    assert [(i.value, i.qualifier, i.kind) for i in found] == [
        (6, EXACT, "clean-ups"),
        (300, MORE, "participants"),
        (2, EXACT, "clean-ups"),
        (85, EXACT, "participants"),
    ]
    # 2. gads: "Kurzeme 5 (about 260 participants) + Zemgale 3 (110 participants)"
    assert _values(
        "3. Organizētas talkas — Kurzemē: 5 talkas (ap 260 dalībnieku); Zemgalē: 3 talkas"
        " (110 dalībnieki)."
    ) == [(5, "clean-ups"), (260, "participants"), (3, "clean-ups"), (110, "participants")]
    # 2. gads: "16 guides trained" are people of no kind: not counted as anything else
    assert _values("6. Apmācīti 16 jaunie vides gidi (Zemgalē: 9; Kurzemē: 7).") == []


def test_the_genitive_rules_hold_in_other_words() -> None:
    # the same forms with other nouns, as other typists write them
    assert _values("notika 1 biedrības un pašvaldības pārstāvju tikšanās") == [(1, "meetings")]
    assert _values("organizēta 1 jauniešu un NVO sadarbības konference") == [(1, "conferences")]
    assert _values("notika 1 pašvaldību un NVO sadarbības vakars") == []
    # a plural after "un" still ends the phrase of what the number counts
    assert _values("apzinātas 5 biedrības un pašvaldības") == [(5, "organisations")]
    assert _values("piesaistīti 12 brīvprātīgie") == [(12, "volunteers")]
    # "brīvprātīgās" before a noun is an adjective ("voluntary"), not volunteers
    assert _values("organizētas 3 brīvprātīgās talkas") == [(3, "clean-ups")]
    assert _values("4 pārskati iesniegti ministrijai") == [(4, "reports")]
    assert _values("organizētas 2 konferences") == [(2, "conferences")]


def test_a_table_column_headed_by_what_it_counts() -> None:
    from pipeline.parse.activity_tables import find_tables, row_indicators

    text = "| Nr. | Aktivitāte | Skaits | Apmeklētāji |\n| 1. | Kultūras pasākumi | 3 | ap 420 |"
    source = SourceFile("t.md", text)
    (table,) = find_tables(SourcedText.of(text))
    row = table.rows[-1]
    assert [(i.value, i.qualifier, i.kind) for i in row_indicators(row, source)] == [
        (3, EXACT, "events"),
        (420, ABOUT, "participants"),
    ]
