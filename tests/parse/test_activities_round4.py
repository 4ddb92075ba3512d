"""Activities in the forms an independent review of the reader found misread: a numbered item
that ends like a minority group's heading, a person's initial "I." at a line's start, two
counts in words in one phrase, "X skaits …: N", parts after a colon, delivered counts with a
plan word, a paragraph that goes on with its item, places that are no places, a count that
looks like a year, "gab." (pieces), and a members' survey. Each expected value is read from
the text it is given with.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.model import Activity
from pipeline.parse.mentions import find_indicators
from pipeline.parse.named import find_places
from pipeline.parse.text import SourcedText, SourceFile
from tests.parse.test_activities_merged_heading_rows import CIVIL, MINORITY, report

D = dt.date
YEAR = "1. īstenošanas gads (01.01.2023.–31.12.2023.)\n"
PERIOD = "01.01.2023.–31.12.2023."


def _activities(body: str) -> list[Activity]:
    (year,) = report(YEAR + body, PERIOD).years
    return list(year.activities)


def _counts(a: Activity) -> list[tuple[int, str]]:
    return [(i.value, i.kind) for i in a.indicators]


def _indicators(text: str) -> list[tuple[int, str]]:
    source = SourceFile("t.txt", text)
    return [(i.value, i.kind) for i in find_indicators(SourcedText.of(text), source)]


# -- a numbered item is never a group's heading --------------------------------------------------


def test_numbered_items_ending_in_a_dative_and_colon_stay_items() -> None:
    acts = _activities(
        "1) Noorganizēti 3 semināri, kopā 60 dalībnieki;\n"
        "2) Izstrādāta darbības stratēģija Valkas mazākumtautību biedrībai:\n"
        "- veikta biedrības vajadzību izpēte;\n"
        "- notikušas 2 darba grupas sanāksmes;\n"
        "3) Sniegtas 50 konsultācijas;\n"
        "4) Atbalsts sniegts Gulbenes mazākumtautību kopienai:\n"
        "5) Izdotas 4 jaunumu lapas.\n"
    )
    assert [(a.group, a.number) for a in acts] == [
        (CIVIL, "1)"),
        (CIVIL, "2)"),
        (CIVIL, "3)"),
        (CIVIL, "4)"),
        (CIVIL, "5)"),
    ]
    assert acts[1].text.value.startswith("Izstrādāta darbības stratēģija Valkas")
    assert _counts(acts[1]) == [(2, "meetings")]
    assert acts[3].text.value == "Atbalsts sniegts Gulbenes mazākumtautību kopienai:"
    assert _counts(acts[4]) == [(4, "newsletters")]


def test_a_minority_heading_of_its_own_still_opens_the_group() -> None:
    acts = _activities(
        "1) Sniegtas 50 konsultācijas.\n"
        "Mazākumtautību līdzdalības veicināšanai:\n"
        "1) Atbalstītas 4 mazākumtautību NVO.\n"
    )
    assert [(a.group, a.number, _counts(a)) for a in acts] == [
        (CIVIL, "1)", [(50, "consultations")]),
        (MINORITY, "1)", [(4, "organisations")]),
    ]


# -- a person's initial is no Roman item ---------------------------------------------------------


@pytest.mark.parametrize(
    "body",
    [
        "1) Noorganizēti 3 semināri, kurus vadīja lektore\n"
        "I. Bērziņa, kopā 60 dalībnieki;\n"
        "2) Sniegtas 50 konsultācijas;\n"
        "3) Izdotas 4 jaunumu lapas.\n",
        "1. Noorganizēti 3 semināri (lektori A. Ozols un\n"
        "I. Bērziņa), kopā 60 dalībnieki.\n"
        "2. Sniegtas 50 konsultācijas.\n"
        "3. Izdotas 4 jaunumu lapas.\n",
    ],
)
def test_an_initial_at_a_line_start_goes_on_with_its_item(body: str) -> None:
    acts = _activities(body)
    assert [(a.number[0], _counts(a)) for a in acts if a.number] == [
        ("1", [(3, "seminars"), (60, "participants")]),
        ("2", [(50, "consultations")]),
        ("3", [(4, "newsletters")]),
    ]
    assert "I. Bērziņa" in acts[0].text.value


def test_an_initial_after_a_finished_item_with_no_second_numeral_is_no_item() -> None:
    acts = _activities(
        "1) Noorganizēti 3 semināri;\n"
        "2) Sniegtas 50 konsultācijas.\n"
        "I. Pusgadā notika 2 forumi.\n"
        "V. Kalniņa vadīja 4 seminārus.\n"
    )
    assert [a.number for a in acts] == ["1)", "2)"]


def test_a_roman_list_after_a_lead_in_is_read() -> None:
    acts = _activities(
        "Darbības rezultāti:\n"
        "I. Posmā tika noorganizēti 3 semināri;\n"
        "II. Posmā sniegtas 50 konsultācijas.\n"
    )
    assert [(a.number, _counts(a)) for a in acts] == [
        ("I.", [(3, "seminars")]),
        ("II.", [(50, "consultations")]),
    ]


# -- counts in words, "skaits", parts, plans, pieces ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # each number word counts its own noun; a compound numeral is one number
        ("piedalījās pieci lektori un divdesmit pieci dalībnieki", [(25, "participants")]),
        ("Forumā uzstājās divi eksperti un trīs NVO pārstāvji", [(3, "persons")]),
        ("Sagatavotas trīs preses relīzes un divi raksti", [(2, "publications")]),
        # "X skaits …: N" counts X
        ("Dalībnieku skaits semināros: 45", [(45, "participants")]),
        ("Dalībnieku skaits semināros – 45", [(45, "participants")]),
        # several numbers after a colon are parts: none is the whole
        ("Ziņas: 3 (janvārī), 5 (februārī)", []),
        ("Semināri – 3 (Rīgā), 2 (Cēsīs)", []),
        ("Semināri – 3, 120 dalībnieki", [(3, "seminars"), (120, "participants")]),
        # a plan word with a verb of what was done is delivered
        ("Saskaņā ar plānoto noorganizēti 4 semināri", [(4, "seminars")]),
        ("Plānotie 8 semināri noorganizēti pilnā apjomā", [(8, "seminars")]),
        ("Paredzētie 3 forumi notika", [(3, "forums")]),
        ("Iecerētās 2 fokusgrupu diskusijas notika", [(2, "focus-groups")]),
        ("Plānots un noorganizēts 5 semināri", [(5, "seminars")]),
        # ... but not with a future, a negation or an infinitive
        ("Plānotie 8 semināri netika noorganizēti", []),
        ("Plānotie 8 semināri tiks noorganizēti", []),
        ("Paredzētie 3 forumi nenotika", []),
        ("tiks noorganizēti 3 semināri", []),
        ("plānots noorganizēt 3 seminārus", []),
        # pieces are a print run, not a number of publications
        ("iespiesti 500 gab. bukletu", []),
        ("bukleti – 500 gab.", []),
    ],
)
def test_counts(text: str, expected: list[tuple[int, str]]) -> None:
    assert _indicators(text) == expected


# -- a paragraph that goes on with its item --------------------------------------------------------


def test_a_paragraph_that_refers_back_stays_with_its_numbered_item() -> None:
    acts = _activities(
        "1) Vidzemes NVO forums notika 2023. gada 22. septembrī Madonā.\n\n"
        "Forumā piedalījās 173 dalībnieki, no tiem 40 mazākumtautību pārstāvji.\n"
        "2) Sniegtas 50 konsultācijas.\n"
    )
    assert [(a.number, _counts(a)) for a in acts] == [
        ("1)", [(173, "participants"), (40, "persons")]),
        ("2)", [(50, "consultations")]),
    ]


def test_a_blank_line_inside_an_unfinished_bullet_does_not_split_it() -> None:
    (year,) = report(
        YEAR + "- noorganizēts Vidzemes NVO forums sadarbībā ar\n\n"
        "Valmieras novada pašvaldību, piedalījās 120 dalībnieki;\n"
        "- sniegtas 50 konsultācijas;\n",
        PERIOD,
    ).years
    assert [_counts(a) for a in year.activities] == [
        [(120, "participants")],
        [(50, "consultations")],
    ]
    assert year.activities[0].text.value.endswith("piedalījās 120 dalībnieki;")


def test_a_paragraph_after_a_finished_item_is_still_a_note() -> None:
    (year,) = report(
        YEAR + "1) Sniegtas 50 konsultācijas.\n\n"
        "Konsultācijas sniegtas klātienē un attālināti.\n"
        "2) Izdotas 4 jaunumu lapas.\n",
        PERIOD,
    ).years
    assert [a.text.value for a in year.activities] == [
        "Sniegtas 50 konsultācijas.",
        "Izdotas 4 jaunumu lapas.",
    ]
    assert [n.value for n in year.notes] == ["Konsultācijas sniegtas klātienē un attālināti."]


# -- places that are no places -------------------------------------------------------------------


def _places(text: str) -> list[tuple[str, str]]:
    source = SourceFile("t.txt", text)
    return [(p.key, p.kind) for p in find_places(SourcedText.of(text), source)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Seminārus vadīja lektore Ilze Ogre;", []),
        ("Konsultācijas sniedza Anna Madona;", []),
        ("Apmeklēta izstāde „Madona ar bērnu”;", []),
        ("Saldus siers un Valka", [("valka", "city")]),
        ("Forums notika Rīgā, Kalnciema kvartālā", [("riga", "city")]),
        ("Semināri notika Rīgā, Lielvārdes ielā 14", [("riga", "city")]),
        ("Konsultācijas Daugavpilī, Ropažu ielā 2.", [("daugavpils", "city")]),
        ("Tikšanās notika Lubāna ezera krastā", []),
        # a town is still a town
        ("Forums notika Madonā", [("madona", "city")]),
        ("Seda, Dagda un Auce", [("seda", "city"), ("dagda", "city"), ("auce", "city")]),
        # genitives listed before one "novados" are each a municipality
        (
            "diskusijas Smiltenes, Madonas, Valkas un Limbažu novados",
            [
                ("smiltene", "municipality"),
                ("madona", "municipality"),
                ("valka", "municipality"),
                ("limbazi", "municipality"),
            ],
        ),
        ("semināri Rīgā, Madonas novadā", [("riga", "city"), ("madona", "municipality")]),
    ],
)
def test_places(text: str, expected: list[tuple[str, str]]) -> None:
    assert _places(text) == expected


# -- dates ---------------------------------------------------------------------------------------


def test_a_number_before_a_counted_noun_is_no_year() -> None:
    (act,) = _activities("1) Izstāde oktobris–decembris 2000 apmeklētāju.\n")
    assert _counts(act) == [(2000, "participants")]
    assert [(d.start, d.end, d.text) for d in act.dates] == [
        (D(2023, 10, 1), D(2023, 12, 1), "oktobris–decembris")
    ]


def test_a_day_range_with_another_year_in_parentheses_is_not_dated() -> None:
    (act,) = _activities("1) Lasījumi notika 1.–3. martā un 10.–12. aprīlī (2022);\n")
    assert act.dates == ()


def test_a_day_range_with_its_own_year_in_parentheses_is_dated() -> None:
    (act,) = _activities("1) Lasījumi notika 1.–3. martā (2023);\n")
    assert [(d.start, d.end) for d in act.dates] == [(D(2023, 3, 1), D(2023, 3, 3))]


# -- a members' survey is an activity; a membership count is not ----------------------------------


def test_a_members_survey_in_prose_is_an_activity() -> None:
    (year,) = report(
        YEAR + "Veikta mazākumtautību NVO biedru aptauja, nodrošināts materiāltehniskais "
        "atbalsts 7 mazākumtautību NVO.\n",
        PERIOD,
    ).years
    assert [_counts(a) for a in year.activities] == [[(7, "organisations")]]


def test_a_membership_count_in_prose_stays_a_note() -> None:
    (year,) = report(YEAR + "Biedrībā ir 45 biedri, tā apvieno 12 NVO.\n", PERIOD).years
    assert year.activities == ()
    assert [n.value for n in year.notes] == ["Biedrībā ir 45 biedri, tā apvieno 12 NVO."]


def test_a_lead_in_saying_what_was_done_is_no_minority_heading() -> None:
    from pipeline.parse.activity_groups import is_minority_heading

    lead_in = "Sadarbībā ar mazākumtautību NVO organizēti pasākumi Ukrainas neatkarības dienai:"
    assert not is_minority_heading(lead_in)
    for heading in (
        "Mazākumtautību līdzdalības veicināšanai:",
        "Mazākumtautību NVO kapacitātes celšanai:",
        "Mazākumtautību sadarbības veicināšanai:",
    ):
        assert is_minority_heading(heading), heading


def test_a_place_is_looked_for_only_where_its_first_letters_stand() -> None:
    from pipeline.parse.named import _PLACE_HEADS, PLACES, _heads

    assert _heads("Siguldā|Siguldas|Žigur(?:i|u|iem)") == frozenset({"Si", "Ži"})
    # every form of every place starts with one of its heads, so the test skips no place
    for (_, name, genitive, _), heads in zip(PLACES, _PLACE_HEADS, strict=True):
        for form in (name, genitive):
            assert not form or form[:2] in heads, form


def test_a_page_break_inside_a_sentence_of_prose_splits_nothing() -> None:
    from pipeline.parse.activity_text import sentences

    text = "izstrādātas 2 stratēģijas (Rīgas armēņu\n\n \n\nbiedrībai), kopā 40 dalībnieki."
    assert len(sentences(text)) == 1
    text = "mazākumtautību kapacitātes celšanai\n\n \n\nizstrādāta 1 stratēģija."
    assert len(sentences(text)) == 1
    # a finished sentence and a capital after the gap are two
    assert len(sentences("notika 2 forumi.\n\n \n\nIzdoti 3 buklets.")) == 2
