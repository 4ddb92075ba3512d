"""What an activity counts when its sentence says how many were planned and how many were
held, and what some reports count that is no event: a campaign and a discussion club are
kinds of their own; a survey's respondents (its sample) and a print run are no count of what
was done.

"no plānotajiem 8 pasākumiem klātienē notika 3, tiešsaistē – 2" (of the 8 planned events, 3
took place in person and 2 online) planned 8 and held 5: the 8 is a plan and is not read;
the 3 and the 2 name nothing of their own, so they are left unread too, as the parts of a
count are elsewhere ("Ziņas: 3 (janvārī), 5 (februārī)"). A print run ("500 eksemplāri")
counts copies, never publications. The sentences are quoted from the reports (the Latgale
2020–2021 report and those of Kurzeme, Rīga, Vidzeme and Zemgale of the same set); the
values are the hand-read facts.
"""

from __future__ import annotations

from pipeline.parse.indicators import INDICATOR_KINDS
from pipeline.parse.mentions import find_indicators
from pipeline.parse.text import SourcedText, SourceFile

Values = list[tuple[int, str]]


def _values(text: str) -> Values:
    found = find_indicators(SourcedText.of(text), SourceFile("t.txt", text))
    return [(i.value, i.kind) for i in found]


def test_of_the_planned_the_plan_is_not_a_result() -> None:
    # Latgale, 2020, minority item 3: 8 planned, 3 + 2 held, about 240 participants
    assert _values(
        "3) no plānotajiem 8 mazākumtautību kultūras pasākumiem klātienē notika 3,"
        " tiešsaistē – 2 (kopā ap 240 dalībnieku), pārējie atcelti."
    ) == [(240, "participants")]
    # the same plan in the feminine, of another word of plan, and after the number
    assert _values("no plānotajām 8 apmācībām notika 6 apmācības") == [(6, "trainings")]
    assert _values("No paredzētajām 4 diskusijām attālināti notika 2 diskusijas.") == [
        (2, "discussions")
    ]
    assert _values("no 8 plānotajiem semināriem notika 6 semināri.") == [(6, "seminars")]


def test_a_plan_in_the_nominative_then_done_is_still_a_result() -> None:
    # "of the planned" is no plan delivered, while "the planned 8 seminars were held" is
    assert _values("No plānotajiem 8 semināriem noorganizēti 5 semināri.") == [(5, "seminars")]
    assert _values("Plānotie 8 semināri noorganizēti.") == [(8, "seminars")]
    # Latgale, 2020, item 1: the 3 planned forums were postponed, 1 was held online
    assert _values(
        "1) plānotie 3 reģionālie NVO forumi COVID-19 ierobežojumu dēļ pārcelti; 2020. gada"
        " 15. oktobrī tiešsaistē notika 1 forums (94 dalībnieki);"
    ) == [(1, "forums"), (94, "participants")]


def test_a_discussion_club_is_a_kind_and_a_sports_club_none() -> None:
    # Kurzeme, I gads G6: "4 community discussion clubs"
    assert _values("6) Izveidoti 4 kopienu diskusiju klubi Talsu un Saldus novados.") == [
        (4, "discussion-clubs")
    ]
    # a sports club is an organisation of its own, no discussion club
    assert _values("Sadarbībā iesaistīti 5 sporta klubi.") == []


def test_a_campaign_is_a_kind() -> None:
    # Rīga, I gads G7: "1 campaign, 2 events"
    assert _values("1 kampaņa, 2 pasākumi") == [(1, "campaigns"), (2, "events")]
    # events within a campaign count the events only
    assert _values("Noorganizēti 2 pasākumi kampaņas ietvaros.") == [(2, "events")]


def test_copies_and_respondents_are_no_count_of_what_was_done() -> None:
    # a print run counts copies, never publications
    assert _values("Izdoti 500 eksemplāru bukleti.") == []
    assert _values("Bukleti – 500 eks.;") == []
    # Vidzeme, II gads G6: "1 publication (500 copies)"
    assert _values("izdots 1 informatīvais izdevums „Vidzemes NVO ceļvedis” (500 eksemplāri);") == [
        (1, "publications")
    ]
    # Zemgale, 1. gads G5: "1 survey, 112 respondents": the respondents are the survey's
    # sample, no result of the activity
    assert _values("5) veikta 1 aptauja par reģiona NVO vajadzībām (112 respondenti).") == [
        (1, "surveys")
    ]


def test_the_new_kinds_are_kinds() -> None:
    assert {"campaigns", "discussion-clubs"} <= set(INDICATOR_KINDS)
