"""Activities in the forms of an independent tester's office documents: a table of activities whose year
and group headings are rows of one cell merged across the table (Word, HTML, and a Chromium
PDF's grid, whose cells hold line breaks); a total the activity's name gives in parentheses;
a range of months as an activity's date; the towns and municipalities of Latvia's 2021
administrative-territorial reform in their case forms. Each expected value is read from the
text it is given with.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.model import Activity, ActivityGroup, DatePrecision, Parsed, Qualifier, Report
from pipeline.parse import parse_text as parse_document
from pipeline.parse.named import find_places
from pipeline.parse.text import SourcedText, SourceFile
from tests.conftest import parse_text

E = Qualifier.EXACT
CIVIL, MINORITY = ActivityGroup.CIVIL_SOCIETY, ActivityGroup.MINORITY_CAPACITY
D = dt.date

DESCRIPTION = (
    "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem "
    "rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā "
    "paredzētajiem mērķiem"
)


def parsed(description: str, period: str = "01.03.2024.–28.02.2026.") -> Parsed:
    """A Latgale report in the text layout (a Word, OpenDocument or HTML document's), its
    description as given."""
    return parse_text(
        "Kopsavilkums\n"
        "par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības attīstības "
        "un mazākumtautību nevalstisko organizāciju līdzdalības veicināšanas jomā Latgales "
        "reģionā (2024–2026)\n\n"
        "Valsts pārvaldes uzdevums\tAtsevišķu valsts pārvaldes uzdevumu veikšana pilsoniskās "
        "sabiedrības attīstības un mazākumtautību nevalstisko organizāciju līdzdalības "
        "veicināšanas jomā Latgales reģionā\n"
        "Valsts pārvaldes uzdevuma veicējs\tBiedrība „Probes centrs”, reģ. Nr. 40008276543\n"
        f"Valsts pārvaldes uzdevuma deleģēšanas periods\t{period}\n"
        f"{DESCRIPTION}\n"
        f"{description}\n"
        "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem\n"
        "Plānots 10 000,00 euro, faktiski izlietoti 10 000,00 euro.\n"
        "Neatbilstoši veiktie izdevumi\tNav\n"
        "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem\tNav\n"
        "Cita informācija\tNav\n"
    )


def report(description: str, period: str = "01.03.2024.–28.02.2026.") -> Report:
    read = parsed(description, period)
    assert read.report is not None
    return read.report


Row = tuple[ActivityGroup, str | None, list[tuple[int, Qualifier, str]]]


def rows(activities: tuple[Activity, ...]) -> list[Row]:
    return [
        (a.group, a.number, [(i.value, i.qualifier, i.kind) for i in a.indicators])
        for a in activities
    ]


# -- a table with its headings in rows of one merged cell ------------------------------------

# As Word and HTML render it: a row of one cell merged across the table is a line of its own.
MERGED = (
    "Nr.\tAktivitāte\tDatums\tVieta\tDalībnieku skaits\n"
    "I ĪSTENOŠANAS GADS (01.03.2024.–28.02.2025.)\n"
    "1.\tLatgales NVO forums „Kopienu spēks”\t19.04.2024.\tRēzekne\t164\n"
    "2.\tSeminārs „Projektu vadība”\t22.01.2025.\tBalvi\t23\n"
    "Latgales mazākumtautību kapacitātes celšanai\n"
    "3.\tMazākumtautību kultūras pasākums „Poļu Lieldienas”\t06.04.2024.\tKrāslava\t84\n"
    "4.\tMeistarklase „Ukraiņu pīsankas”\t27.04.2024.\tDaugavpils\t35\n"
    "II ĪSTENOŠANAS GADS (01.03.2025.–28.02.2026.)\n"
    "1.\tLatgales NVO forums „Reģions un cilvēks”\t28.03.2025.\tPreiļi\t151\n"
    "Latgales mazākumtautību kapacitātes celšanai\n"
    "2.\tEbreju kultūras diena\t07.09.2025.\tDaugavpils\t103\n"
)


def test_a_merged_year_row_keeps_the_table_and_each_row_gets_its_count() -> None:
    rep = report(MERGED)
    first, second = rep.years
    assert (first.ordinal, first.period and first.period.start) == (1, D(2024, 3, 1))
    assert rows(first.activities) == [
        (CIVIL, "1.", [(164, E, "participants")]),
        (CIVIL, "2.", [(23, E, "participants")]),
        (MINORITY, "3.", [(84, E, "participants")]),
        (MINORITY, "4.", [(35, E, "participants")]),
    ]
    assert rows(second.activities) == [
        (CIVIL, "1.", [(151, E, "participants")]),
        (MINORITY, "2.", [(103, E, "participants")]),
    ]
    assert [d.start for d in first.activities[2].dates] == [D(2024, 4, 6)]
    # neither the header nor the group's heading is a note; nothing is read as an activity
    # from a count and the next row's number ("84 16.")
    assert first.notes == () and second.notes == ()


def test_a_group_row_without_a_colon_raises_no_missing_group_finding() -> None:
    assert "structure.no-minority-group" not in {f.code for f in parsed(MERGED).findings}


# As the PDF reader gives a Chromium table's grid: a cell's wrapped lines and its list start
# are inside it ("\x0b", "\ue000"); the heading rows are lines of their own.
PDF_GRID = (
    "Nr.\t\x0b\ue000\x0bAktivitāte\x0b\x0b\t\x0b\ue000\x0bDatums\x0b\x0b\t\x0b\ue000\x0bVieta"
    "\x0b\x0b\t\x0b\ue000\x0bDalībnieku\x0b\x0bskaits\x0b\x0b\n"
    "I ĪSTENOŠANAS GADS (01.03.2024.–28.02.2025.)\n"
    "1.\t\x0bLatgales NVO forums\x0b\x0b„Kopienu spēks”\x0b\t19.04.2024.\tRēzekne\t"
    "\x0b\ue000\x0b164\x0b\x0b\n"
    "Latgales mazākumtautību kapacitātes celšanai\n"
    "2.\t\x0bMazākumtautību kultūras\x0b\x0bpasākums „Poļu Lieldienas”\x0b\t06.04.2024.\t"
    "Krāslava\t\x0b\ue000\x0b84\x0b\x0b\n"
    "3.\t\x0bMeistarklase „Ukraiņu\x0b\x0bpīsankas”\x0b\t27.04.2024.\tDaugavpils\t"
    "\x0b\ue000\x0b35\x0b\x0b\n"
)


def test_a_pdf_grid_is_read_as_the_same_table() -> None:
    # the document's text, as the PDF reader gives it (no text file holds these characters)
    text = parsed(MERGED).report
    assert text is not None
    pdf = parse_document(text.source_text.replace(MERGED, PDF_GRID), "r3.pdf").report
    assert pdf is not None
    year = pdf.years[0]
    assert rows(year.activities) == [
        (CIVIL, "1.", [(164, E, "participants")]),
        (MINORITY, "2.", [(84, E, "participants")]),
        (MINORITY, "3.", [(35, E, "participants")]),
    ]
    assert year.activities[1].text.value == (
        "Mazākumtautību kultūras pasākums „Poļu Lieldienas” – 06.04.2024. – Krāslava – 84"
    )


def test_a_paragraph_after_the_table_is_no_row_of_it() -> None:
    year = report(
        "I ĪSTENOŠANAS GADS (01.03.2024.–28.02.2025.)\n"
        "Nr.\tAktivitāte\tDatums\tVieta\tDalībnieku skaits\n"
        "1.\tSeminārs „Projektu vadība”\t22.01.2025.\tBalvi\t23\n"
        "Papildus sniegtas 151 konsultācija NVO pārstāvjiem.\n",
        "01.03.2024.–28.02.2025.",
    ).years[0]
    assert rows(year.activities) == [(CIVIL, "1.", [(23, E, "participants")])]
    assert [n.value for n in year.notes] == ["Papildus sniegtas 151 konsultācija NVO pārstāvjiem."]


# -- a total the name gives in parentheses ----------------------------------------------------

CALENDAR = (
    "I īstenošanas gads (01.01.2023.–31.12.2023.)\n"
    "Nr.\tAktivitāte\tDatums\tVieta\tDalībnieku skaits\n"
    "1.\tKonsultācijas NVO pārstāvjiem (kopā 96 konsultācijas)\tjanvāris–decembris\t"
    "Liepāja, attālināti\t–\n"
    "2.\tJauniešu līderu apmācības (3 dienas)\t20.–22.10.2023.\tPāvilosta\t22\n"
    "3.\tSeminārs „5 soļi līdz projektam”\t14.09.2023.\ttiešsaistē\t57\n"
    "4.\tForums „Kopā varam” (kopā 140 dalībnieki)\t17.03.2023.\tLiepāja\t142\n"
    "II īstenošanas gads (01.01.2024.–31.12.2024.)\n"
    "Nr.\tAktivitāte\tDatums\tVieta\tDalībnieku skaits\n"
    "1.\tStratēģijas izstrāde Ventspils baltkrievu biedrībai\tseptembris–novembris 2024\t"
    "Ventspils\t9\n"
)


def test_a_total_in_parentheses_counts_what_its_words_name() -> None:
    first, second = report(CALENDAR, "01.01.2023.–31.12.2024.").years
    consultations, training, seminar, forum = first.activities
    assert rows((consultations,)) == [(CIVIL, "1.", [(96, E, "consultations")])]
    # "(3 dienas)" is a measure, the "5" a title's: neither is counted
    assert rows((training, seminar)) == [
        (CIVIL, "2.", [(22, E, "participants")]),
        (CIVIL, "3.", [(57, E, "participants")]),
    ]
    # the column counts the participants: the name's own count of them is not added twice
    assert rows((forum,)) == [(CIVIL, "4.", [(142, E, "participants")])]
    assert rows(second.activities) == [(CIVIL, "1.", [(9, E, "participants")])]


# -- a range of months ------------------------------------------------------------------------


def test_a_range_of_months_is_dated_where_its_year_is_certain() -> None:
    first, second = report(CALENDAR, "01.01.2023.–31.12.2024.").years
    (months,) = first.activities[0].dates
    # the year runs from January to December 2023: its months are 2023's
    assert (months.start, months.end, months.precision, months.text) == (
        D(2023, 1, 1),
        D(2023, 12, 1),
        DatePrecision.MONTH,
        "janvāris–decembris",
    )
    (written,) = second.activities[0].dates
    assert (written.start, written.end, written.text) == (
        D(2024, 9, 1),
        D(2024, 11, 1),
        "septembris–novembris 2024",
    )


def test_a_range_of_months_without_its_year_in_a_year_across_two_is_not_dated() -> None:
    year = report(
        "I īstenošanas gads (01.03.2024.–28.02.2025.)\n"
        "Nr.\tAktivitāte\tDatums\tDalībnieku skaits\n"
        "1.\tKonsultācijas NVO pārstāvjiem\tseptembris–novembris\t–\n"
        "2.\tKonsultācijas jauniešiem\tnovembris–februāris 2024\t–\n",
        "01.03.2024.–28.02.2025.",
    ).years[0]
    # September could be 2024's or (by a typist's slip) 2025's; November to February spans
    # two years, of which one is written
    assert [a.dates for a in year.activities] == [(), ()]


# -- towns and municipalities -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Semināri Limbažos, Valkā, Smiltenē, Alūksnē, Gulbenē, Madonā un Siguldā",
            ["limbazi", "valka", "smiltene", "aluksne", "gulbene", "madona", "sigulda"],
        ),
        (
            "Diskusijas Ķekavā, Olainē, Saulkrastos un Salaspilī",
            ["kekava", "olaine", "saulkrasti", "salaspils"],
        ),
        ("Viļāni, Aglona, Riebiņi, Zilupe", ["vilani", "aglona", "riebini", "zilupe"]),
        ("apmācības Pāvilostā", ["pavilosta"]),
        # a dative and an accusative: "uz" a place, "Siguldai" its own
        ("brauciens uz Siguldu, dāvana Limbažiem", ["sigulda", "limbazi"]),
        # a word that only begins like a name is none
        ("Siguldiņa, Valkass, olainē", []),
    ],
)
def test_the_towns_of_the_reform_in_their_case_forms(text: str, expected: list[str]) -> None:
    source = SourceFile("t.txt", text)
    assert [m.key for m in find_places(SourcedText.of(text), source)] == expected


@pytest.mark.parametrize(
    ("text", "named"),
    [
        ("Siguldas novadā", [("municipality", "Siguldas novads")]),
        ("Limbažu novada biedrības", [("municipality", "Limbažu novads")]),
        ("Dienvidkurzemes novads", [("municipality", "Dienvidkurzemes novads")]),
        ("Salaspilī", [("city", "Salaspils")]),
        ("Saulkrastos", [("city", "Saulkrasti")]),
    ],
)
def test_a_place_is_named_in_the_nominative(text: str, named: list[tuple[str, str]]) -> None:
    source = SourceFile("t.txt", text)
    assert [(m.kind, m.name) for m in find_places(SourcedText.of(text), source)] == named
