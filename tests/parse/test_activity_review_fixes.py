"""How the end of a list, a multilevel list's lead-in, a colonless group heading and nested
sub-items are read in a plain-text report whose lines wrap as a PDF's do. Each expected
value is read from the inline text it is given with.
"""

from __future__ import annotations

from pipeline.model import Activity, ActivityGroup, Report
from tests.conftest import parse_text

CIVIL, MINORITY = ActivityGroup.CIVIL_SOCIETY, ActivityGroup.MINORITY_CAPACITY
HEADING = "Kurzemes reģiona mazākumtautību kapacitātes celšanai:"
SECOND_YEAR = (
    "1) Organizēts 1 NVO forums (96 dalībnieki);\n"
    "2) sniegtas 102 konsultācijas;\n"
    f"{HEADING}\n"
    "1) organizēti 12 mazākumtautību kultūras pasākumi;\n"
    "2) atbalstītas 6 mazākumtautību NVO.\n"
)
MINORITY_PART = (
    f"{HEADING}\n"
    "1) organizēti 9 mazākumtautību kultūras pasākumi, kuros piedalījās 380 dalībnieki;\n"
    "2) atbalstītas 7 mazākumtautību NVO.\n"
)
FUNDING_YEAR = (
    "Plānots 49 000,00 EUR, t.sk. 30 000,00 EUR pilsoniskās sabiedrības attīstībai; "
    "19 000,00 EUR mazākumtautību nevalstisko organizāciju attīstībai.\n"
    "Faktiski 49 000,00 EUR, t.sk. 30 000,00 EUR pilsoniskās sabiedrības attīstībai; "
    "19 000,00 EUR mazākumtautību nevalstisko organizāciju attīstībai.\n"
)
TASK = (
    "Par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības un "
    "starpkultūru sadarbības attīstības un mazākumtautību nevalstisko organizāciju "
    "līdzdalības veicināšanas jomā Kurzemes reģionā"
)


def kurzeme(first_year: str, second_year: str = SECOND_YEAR) -> Report:
    """A clean two-year Kurzeme report written as plain text, its years' lists given."""
    text = (
        f"Kopsavilkums {TASK[4:]} (2022-2024)\n\n"
        f"Valsts pārvaldes uzdevums: {TASK}\n\n"
        "Valsts pārvaldes uzdevuma veicējs: Biedrība „Kurzemes NVO centrs”, "
        "reģistrācijas Nr. 40008012345\n\n"
        "Valsts pārvaldes uzdevuma deleģēšanas periods: 15.07.2022.–14.07.2024.\n\n"
        "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem "
        "rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā "
        "paredzētajiem mērķiem:\n\n"
        "I. ĪSTENOŠANAS GADS (15.07.2022.–14.07.2023.)\n"
        f"{first_year}\n"
        "II. ĪSTENOŠANAS GADS (15.07.2023.–14.07.2024.)\n"
        f"{second_year}\n"
        "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem:\n\n"
        f"I. īstenošanas gads (15.07.2022.–14.07.2023.)\n{FUNDING_YEAR}\n"
        f"II. īstenošanas gads (15.07.2023.–14.07.2024.)\n{FUNDING_YEAR}\n"
        "Neatbilstoši veiktie izdevumi: Nav\n\n"
        "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem: Nav\n\n"
        "Cita informācija: Nav\n"
    )
    parsed = parse_text(text, "kurzeme.txt")
    assert parsed.report is not None
    return parsed.report


def _in(rep: Report, year: int, group: ActivityGroup) -> list[Activity]:
    return [a for a in rep.activities if a.year == year and a.group is group]


def _notes(rep: Report, year: int) -> list[str]:
    return [n.value for n in rep.years[year - 1].notes]


def _counts(activity: Activity) -> list[tuple[int, str, int | None]]:
    return [(i.value, i.kind, i.part_of) for i in activity.indicators]


# -- a line wrapped after a date or an abbreviation stays its entry's ----------------------------


def test_line_wrapped_after_a_date_before_a_group_heading_stays_in_the_entry() -> None:
    rep = kurzeme(
        "1) Organizēti 2 NVO forumi, kopā piedalījās 143 dalībnieki;\n"
        "2) organizēts forums 14.11.2022.\n"
        "Kuldīgā, kurā piedalījās 63 dalībnieki; sniegtas 88 konsultācijas.\n" + MINORITY_PART
    )
    second = _in(rep, 1, CIVIL)[1]
    assert second.text.value == (
        "organizēts forums 14.11.2022. Kuldīgā, kurā piedalījās 63 dalībnieki; "
        "sniegtas 88 konsultācijas."
    )
    assert _counts(second) == [(63, "participants", None), (88, "consultations", None)]
    assert _notes(rep, 1) == []


def test_line_wrapped_after_a_date_at_a_years_end_stays_in_the_entry() -> None:
    rep = kurzeme(
        "1) Organizēti 2 NVO forumi, kopā piedalījās 143 dalībnieki;\n"
        "2) sniegtas 88 konsultācijas;\n"
        f"{HEADING}\n"
        "1) atbalstītas 5 mazākumtautību NVO;\n"
        "2) organizēta noslēguma konference 12.09.2022.\n"
        "Liepājā, kurā piedalījās 58 dalībnieki.\n",
        # a new sentence after a finished one is still the year's note
        SECOND_YEAR + "Visas aktivitātes atspoguļotas biedrības mājaslapā.\n",
    )
    last = _in(rep, 1, MINORITY)[-1]
    assert last.text.value == (
        "organizēta noslēguma konference 12.09.2022. Liepājā, kurā piedalījās 58 dalībnieki."
    )
    assert _counts(last) == [(58, "participants", None)]
    assert _notes(rep, 1) == []
    assert _notes(rep, 2) == ["Visas aktivitātes atspoguļotas biedrības mājaslapā."]


def test_line_wrapped_after_an_abbreviation_stays_in_the_entry() -> None:
    rep = kurzeme(
        "1) Organizēti 2 NVO forumi, kopā piedalījās 143 dalībnieki;\n"
        "2) sniegtas 88 konsultācijas;\n"
        f"{HEADING}\n"
        "1) atbalstītas 5 mazākumtautību NVO (t.sk. biedrība „Ararat”, biedrība „Samshoblo” u.c.\n"
        "NVO), kopā iegādāti 12 datori.\n",
        "1) Organizēts 1 NVO forums (96 dalībnieki);\n"
        f"{HEADING}\n"
        "1) atbalstītas 6 mazākumtautību NVO, sadarbībā ar Liepājas pilsētas dom.\n"
        "Liepājas Ukraiņu biedrība saņēma 2 datorus.\n",
    )
    first = _in(rep, 1, MINORITY)[0]
    assert first.text.value.endswith("„Samshoblo” u.c. NVO), kopā iegādāti 12 datori.")
    second = _in(rep, 2, MINORITY)[0]
    assert second.text.value.endswith("pilsētas dom. Liepājas Ukraiņu biedrība saņēma 2 datorus.")
    assert _notes(rep, 1) == [] and _notes(rep, 2) == []


# -- a multilevel list's lead-in that counts something ---------------------------------------------


def test_multilevel_lead_in_that_counts_is_the_activity_its_entries_its_parts() -> None:
    rep = kurzeme(
        "1. Organizēti 2 NVO forumi (kopā 143 dalībnieki):\n"
        "1.1. Liepājā (80 dalībnieki);\n"
        "1.2. Kuldīgā (63 dalībnieki);\n"
        "2. Sniegtas 88 konsultācijas;\n" + MINORITY_PART
    )
    civil = _in(rep, 1, CIVIL)
    assert [a.number for a in civil] == ["1.", "2."]
    assert civil[0].text.value == (
        "Organizēti 2 NVO forumi (kopā 143 dalībnieki): 1.1. Liepājā (80 dalībnieki); "
        "1.2. Kuldīgā (63 dalībnieki);"
    )
    # 80 and 63 are the forums' 143 participants (the second count), not more of them
    assert _counts(civil[0]) == [
        (2, "forums", None),
        (143, "participants", None),
        (80, "participants", 2),
        (63, "participants", 2),
    ]
    assert _counts(civil[1]) == [(88, "consultations", None)]
    assert _notes(rep, 1) == []


def test_wrapped_line_opening_with_a_decimal_starts_no_sub_item() -> None:
    rep = kurzeme(
        "1) Organizēti 2 NVO forumi, kopā piedalījās 143 dalībnieki;\n"
        "2) sniegtas 88 konsultācijas, kā paredzēts deleģēšanas līguma pielikuma\n"
        "1.1. apakšpunktā;\n"
        "3) izveidota 1 datu bāze;\n" + MINORITY_PART,
        "1) sniegtas konsultācijas, kopā\n"
        "1.1 tūkst. konsultāciju stundu;\n"
        "2) izveidota 1 datu bāze;\n" + MINORITY_PART,
    )
    assert [a.number for a in _in(rep, 1, CIVIL)] == ["1)", "2)", "3)"]
    assert _in(rep, 1, CIVIL)[1].text.value == (
        "sniegtas 88 konsultācijas, kā paredzēts deleģēšanas līguma pielikuma 1.1. apakšpunktā;"
    )
    assert [a.number for a in _in(rep, 2, CIVIL)] == ["1)", "2)"]
    assert _in(rep, 2, CIVIL)[0].text.value == (
        "sniegtas konsultācijas, kopā 1.1 tūkst. konsultāciju stundu;"
    )


# -- a colonless line about capacity between two items -----------------------------------------


def test_sentence_about_capacity_between_items_is_no_group_heading() -> None:
    rep = kurzeme(
        "1) Organizēti 2 NVO forumi, kopā piedalījās 143 dalībnieki;\n"
        "2) sniegtas 88 konsultācijas.\n"
        "Tika veicināta NVO kapacitātes celšanai\n"
        "3) organizēti 2 semināri (40 dalībnieki).\n" + MINORITY_PART,
        "1) Organizēts 1 NVO forums (96 dalībnieki);\n"
        "2) sniegtas 102 konsultācijas.\n"
        "Darbs ar jauniešu NVO kapacitātes celšanai\n"
        "3) organizēti 2 semināri jauniešu NVO (40 dalībnieki).\n" + MINORITY_PART,
    )
    for year in (1, 2):
        assert [a.number for a in _in(rep, year, CIVIL)] == ["1)", "2)", "3)"]
        assert [a.number for a in _in(rep, year, MINORITY)] == ["1)", "2)"]


# -- sub-items' counts as parts --------------------------------------------------------------------


def test_sub_items_after_a_lead_in_counting_two_things_are_no_ones_parts() -> None:
    rep = kurzeme(
        "1) Organizēti 4 semināri (60 dalībnieki) un 2 forumi: a) forums Liepājā "
        "(30 dalībnieki); b) forums Kuldīgā (25 dalībnieki);\n"
        "2) sniegtas 88 konsultācijas;\n" + MINORITY_PART
    )
    # the 60 are the seminars' participants; the sub-items are the forums
    assert _counts(_in(rep, 1, CIVIL)[0]) == [
        (4, "seminars", None),
        (60, "participants", None),
        (2, "forums", None),
        (30, "participants", None),
        (25, "participants", None),
    ]


def test_nested_hollow_bullets_are_the_items_sub_items() -> None:
    rep = kurzeme(
        "• Organizēti 2 NVO forumi (kopā 143 dalībnieki)\n"
        "  ◦ Liepājā 80 dalībnieki\n"
        "  ◦ Kuldīgā 63 dalībnieki\n"
        "• Sniegtas 88 konsultācijas\n" + MINORITY_PART
    )
    civil = _in(rep, 1, CIVIL)
    assert len(civil) == 2
    assert civil[0].text.value == (
        "Organizēti 2 NVO forumi (kopā 143 dalībnieki) ◦ Liepājā 80 dalībnieki "
        "◦ Kuldīgā 63 dalībnieki"
    )
    assert _counts(civil[0]) == [
        (2, "forums", None),
        (143, "participants", None),
        (80, "participants", 2),
        (63, "participants", 2),
    ]
    assert _counts(civil[1]) == [(88, "consultations", None)]
