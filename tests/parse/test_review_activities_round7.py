"""An independent reviewer's probes of the round-7 activities reader (children counted,
moved dates, the extension period), each read by hand from its text.

"3 bērnu dienas centri" are three children's day centres, no three persons; children named
after "t. sk." or alone in a bracket after a count of participants are some of those
participants; adults are persons as children are. A date is explained as moved only by
words that say the activity was moved to it (not "netika pārcelts", not the money's
"atlikums pārcelts"); "atlikts uz" (postponed to), "pārceļam uz" and a bracket "(pārcelts no
…)" right after the date say so as surely as "pārcelts uz". An extension period that goes
on past the delegation period as first written contradicts nothing the report says, and is
called the extension period, no year 3; a line naming it inside a numbered list heads no
year.
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.model import Parsed, Report, Severity
from pipeline.parse.activity_moved import moved_to
from pipeline.parse.mentions import find_indicators
from pipeline.parse.text import SourcedText, SourceFile
from tests.conftest import parse_text

D = dt.date

_HEAD = """Kopsavilkums
par valsts pārvaldes uzdevuma veikšanu pilsoniskās sabiedrības attīstības jomā Zemgales reģionā
(2012-2014)

Valsts pārvaldes uzdevums: Pilsoniskās sabiedrības attīstības un nevalstisko organizāciju līdzdalības veicināšana Zemgales reģionā
Valsts pārvaldes uzdevuma veicējs: Biedrība "Zemgales NVO centrs", reģistrācijas Nr. 40008041224
Valsts pārvaldes uzdevuma deleģēšanas periods: 2012. gada 1. jūlijs līdz 2014. gada 30. jūnijs

Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem rezultatīvajiem rādītājiem:

I. ĪSTENOŠANAS GADS (01.07.2012.–30.06.2013.)
"""
_TAIL = """
Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem:
I. gads: plānots 12 000,00 EUR; faktiski izlietoti 11 850,00 EUR; atlikums 150,00 EUR atmaksāts valsts budžetā.
II. gads: plānots 8 000,00 EUR; faktiski izlietoti 8 000,00 EUR.

Neatbilstoši veiktie izdevumi: Nav
Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem: Nav
Cita informācija: Nav
"""
_YEAR_TWO = "II. ĪSTENOŠANAS GADS (01.07.2013.–30.06.2014.)\n"


def _report(year_one: str, year_two: str = "1) sniegtas 71 konsultācija.\n") -> Parsed:
    """The reviewer's template (/tmp/review1/mk.py): a Zemgale report of 2012-2014, its
    delegation period 1.7.2012-30.6.2014, year I to 30.6.2013, with these lists."""
    return parse_text(_HEAD + year_one + "\n" + _YEAR_TWO + year_two + _TAIL)


def _rep(parsed: Parsed) -> Report:
    assert parsed.report is not None
    return parsed.report


def _values(text: str) -> list[tuple[int, str, int | None]]:
    source = SourceFile("phrase.txt", text)
    return [(i.value, i.kind, i.part_of) for i in find_indicators(SourcedText.of(text), source)]


def _codes(parsed: Parsed, prefixes: tuple[str, ...]) -> set[tuple[str, int]]:
    return {
        (f.code, f.span.line if f.span else 0)
        for f in parsed.findings
        if f.code.startswith(prefixes)
    }


# -- 4: "bērnu" before another noun is its attribute ------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # three children's day centres: centres, no kind of ours, and no persons
        ("1) atbalstīti 3 bērnu dienas centri;", []),
        ("7) 5 bērnu dienas centri saņēma atbalstu.", []),
        # in two centres, forty visitors
        (
            "2) darbojās 2 bērnu dienas centros, kopā 40 apmeklētāji;",
            [(40, "participants", None)],
        ),
        # "vietas" (places) is what is counted, for children
        ("izveidotas 5 bērnu vietas;", []),
    ],
)
def test_children_in_the_genitive_before_another_noun_are_no_count(
    text: str, expected: list[tuple[int, str, int | None]]
) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a decision pinned: these were read so before
        (
            "organizētas 3 bērnu nometnes, kopā 60 dalībnieki;",
            [(3, "camps", None), (60, "participants", None)],
        ),
        ("nometnē piedalījās 60 bērnu.", [(60, "persons", None)]),
        (
            "sniegti pakalpojumi 64 klientiem (t.sk. 18 bērniem);",
            [(64, "persons", None), (18, "persons", 1)],
        ),
    ],
)
def test_children_counted_alone_are_still_persons(
    text: str, expected: list[tuple[int, str, int | None]]
) -> None:
    assert _values(text) == expected


# -- 7: children among the participants ---------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "organizēti 2 pasākumi, 45 dalībnieki (t.sk. 30 bērni);",
        "organizēti 2 pasākumi, 45 dalībnieki, t.sk. 30 bērni;",
        # one count of people alone in a bracket after a count of people: some of them
        "organizēti 2 pasākumi, 45 dalībnieki (30 bērni);",
    ],
)
def test_children_named_among_participants_are_some_of_them(text: str) -> None:
    """45 participants, of whom 30 children: the 30 are no people besides the 45."""
    assert _values(text) == [
        (2, "events", None),
        (45, "participants", None),
        (30, "participants", 2),
    ]


def test_children_of_each_year_among_the_participants_are_some_of_them() -> None:
    """act_brackets.txt ACT 6: sixty participants, thirty children each year."""
    assert _values("60 dalībnieki (2022. gadā 30 bērni, 2023. gadā 30 bērni).") == [
        (60, "participants", None),
        (30, "participants", 1),
        (30, "participants", 1),
    ]
    # more children than participants: which is the whole cannot be told, read as written
    assert _values("45 dalībnieki (50 bērni)") == [
        (45, "participants", None),
        (50, "persons", None),
    ]


def test_children_and_parents_in_a_bracket_break_the_participants_down() -> None:
    assert _values("organizēti 2 pasākumi, 45 dalībnieki (30 bērni un 15 vecāki);") == [
        (2, "events", None),
        (45, "participants", None),
        (30, "participants", 2),
        (15, "participants", 2),
    ]


def test_adults_are_persons_as_children_are() -> None:
    """In "piedalījās 20 pieaugušie un 25 bērni" twenty adults and twenty-five children took
    part; the adults were dropped."""
    assert _values("organizēti 2 pasākumi ģimenēm, piedalījās 20 pieaugušie un 25 bērni;") == [
        (2, "events", None),
        (20, "persons", None),
        (25, "persons", None),
    ]
    # the adjective before its noun: the noun is counted
    assert _values("piedalījās 20 pieaugušie dalībnieki;") == [(20, "participants", None)]


# -- 9, 10, 13: the words that explain a moved date ---------------------------------------------


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        # 9: it was not moved
        (
            "forums netika pārcelts, tas notika 2013. gada 24. augustā, 120 dalībnieki;",
            "2013. gada 24. augustā",
            False,
        ),
        ("forums nav ticis pārcelts uz 2013. gada 24. augustu", "2013. gada 24. augustu", False),
        # 10: postponed to it, moved to it (present tense), held on it after being moved
        (
            "seminārs tika atlikts uz 2013. gada 24. augustu, 30 dalībnieki;",
            "2013. gada 24. augustu",
            True,
        ),
        ("pasākumu pārceļam uz 2013. gada 24. augustu;", "2013. gada 24. augustu", True),
        (
            "ieplānotais seminārs notika 2013. gada 24. augustā (pārcelts no 2013. gada 10. jūnija);",
            "2013. gada 24. augustā",
            True,
        ),
        # the date moved from is no date moved to
        (
            "ieplānotais seminārs notika 2013. gada 24. augustā (pārcelts no 2013. gada 10. jūnija);",
            "2013. gada 10. jūnija",
            False,
        ),
        # 13: money carried over, no activity moved
        (
            "finansējuma atlikums pārcelts uz 2013. gada 24. augustu;",
            "2013. gada 24. augustu",
            False,
        ),
        (
            "finansējuma atlikums 2013. gada 1. jūlijā pārcelts uz 2013. gada 24. augustu",
            "2013. gada 24. augustu",
            False,
        ),
        (
            "neizlietotie līdzekļi tika atlikti uz 2013. gada 24. augustu",
            "2013. gada 24. augustu",
            False,
        ),
        # the remainder ("atlikums") is no postponing
        ("atlikums uz 2013. gada 24. augustu", "2013. gada 24. augustu", False),
        # the event is named after the money, and it is what was moved
        (
            "finansējums izlietots pilnībā, bet seminārs tika pārcelts uz 2013. gada 24. augustu",
            "2013. gada 24. augustu",
            True,
        ),
    ],
)
def test_the_words_that_explain_a_moved_date(text: str, date: str, expected: bool) -> None:
    assert moved_to(text, date) is expected


def test_moved_dates_in_a_report() -> None:
    """The reviewer's probe (mv_cases.txt): year I ends 30.06.2013, and each item's
    24.08.2013 falls after it. Only where the text says the activity was moved there (l.12
    "tika pārcelts uz", l.14 "atlikts uz", l.17 "pārceļam uz", l.18 "(pārcelts no …)") is it
    explained; "netika pārcelts" (l.13) and the money's "atlikums pārcelts" (l.16) explain
    nothing."""
    parsed = _report(
        "1) forums bija plānots 2013. gada maijā, bet tika pārcelts uz 2013. gada 24. augustu, 120 dalībnieki;\n"
        "2) forums netika pārcelts, tas notika 2013. gada 24. augustā, 120 dalībnieki;\n"
        "3) seminārs tika atlikts uz 2013. gada 24. augustu, 30 dalībnieki;\n"
        "4) seminārs pārcelts uz nākamo gadu un notika 2013. gada 24. augustā, 30 dalībnieki;\n"
        "5) finansējuma atlikums pārcelts uz 2013. gada 24. augustu;\n"
        "6) pasākumu pārceļam uz 2013. gada 24. augustu;\n"
        "7) ieplānotais seminārs notika 2013. gada 24. augustā (pārcelts no 2013. gada 10. jūnija);\n"
    )
    assert _codes(parsed, ("activity.date",)) == {
        ("activity.date-moved", 12),
        ("activity.date-outside-year", 13),
        ("activity.date-moved", 14),
        ("activity.date-outside-year", 15),
        ("activity.date-outside-year", 16),
        ("activity.date-moved", 17),
        ("activity.date-moved", 18),
    }


# -- 11: the extension period against the delegation period ------------------------------------

_EXTENSION = (
    "\nPAGARINĀJUMA PERIODS (01.07.2014.–31.12.2014.)\n"
    "1) sniegtas 18 konsultācijas;\n"
    "2) 2014. gada 10. septembrī notika noslēguma forums.\n"
)


def test_an_extension_past_the_delegation_period_contradicts_nothing() -> None:
    """mv_ext.txt: the delegation period gives the contract's first dates (to 30.06.2014),
    and the report's own heading says the contract was extended after it."""
    parsed = _report(
        "1) sniegtas 10 konsultācijas.\n", "1) sniegtas 71 konsultācija.\n" + _EXTENSION
    )
    extension = _rep(parsed).years[-1]
    assert extension.numeral is None and extension.period is not None
    assert (extension.period.start, extension.period.end) == (D(2014, 7, 1), D(2014, 12, 31))
    assert _codes(parsed, ("period.", "activity.date")) == set()


def test_the_extension_period_is_called_so_in_a_finding() -> None:
    """A date outside the extension period (l.19, 10.01.2015) is told as outside the
    extension period, which is no implementation year 3."""
    parsed = _report(
        "1) sniegtas 10 konsultācijas.\n",
        "1) sniegtas 71 konsultācija.\n"
        + _EXTENSION.replace("2014. gada 10. septembrī", "2015. gada 10. janvārī"),
    )
    (finding,) = [f for f in parsed.findings if f.code == "activity.date-outside-year"]
    assert finding.span is not None and finding.span.line == 19
    assert "the extension period (2014-07-01 to 2014-12-31)" in finding.message
    assert "year 3" not in finding.message
    assert "pagarinājuma perioda" in finding.message_lv and "3." not in finding.message_lv


def test_an_extension_before_the_delegation_period_is_still_told() -> None:
    """An extension period that starts before the delegation does contradicts it."""
    parsed = _report(
        "1) sniegtas 10 konsultācijas.\n",
        "1) sniegtas 71 konsultācija.\n"
        + _EXTENSION.replace("01.07.2014.–31.12.2014.", "01.07.2011.–31.12.2014.").replace(
            "2014. gada 10. septembrī", "2014. gada 10. jūlijā"
        ),
    )
    outside = [f for f in parsed.findings if f.code == "period.year-outside-delegation"]
    assert len(outside) == 1 and outside[0].severity is Severity.WARNING
    assert outside[0].message.startswith("the extension period (2011-07-01 to 2014-12-31)")
    assert "implementation year 3" not in outside[0].message


# -- 16: an extension line inside a numbered list ---------------------------------------------


def test_an_extension_line_inside_a_list_heads_no_year() -> None:
    """mv_ext_prose.txt: "Pagarinājuma periods: no … līdz …." between year II's items 2)
    and 3), which numbers on: the list goes on, and item 3) keeps its number."""
    parsed = _report(
        "1) sniegtas 10 konsultācijas.\n",
        "1) sniegtas 71 konsultācija.\n"
        "2) Līgums tika pagarināts.\n"
        "Pagarinājuma periods: no 2014. gada 1. jūlija līdz 2014. gada 31. decembrim.\n"
        "3) sniegtas 5 konsultācijas pagarinājuma periodā.\n",
    )
    rep = _rep(parsed)
    assert [y.ordinal for y in rep.years] == [1, 2]
    second = rep.years[1]
    assert [a.number for a in second.activities] == ["1)", "2)", "3)"]
    assert second.activities[1].text.value == "Līgums tika pagarināts."
    assert second.activities[-1].text.value == "sniegtas 5 konsultācijas pagarinājuma periodā."
    # the line is the year's note: its dates are the extension's, no activity's of year II
    assert any(n.value.startswith("Pagarinājuma periods: no 2014.") for n in second.notes)
    assert _codes(parsed, ("period.", "activity.date")) == set()
    assert [(i.value, i.kind) for i in second.activities[-1].indicators] == [(5, "consultations")]
