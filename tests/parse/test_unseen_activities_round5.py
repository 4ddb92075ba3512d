"""Golden values for the activities of reports by two more independent testers, who read
their facts by hand before the parser ran (`tests/fixtures/reports/unseen/`).

Markdown with quarter sub-headings ("III ceturksnis") and breakdowns by gender in brackets
(Vidzeme, clean); tab-separated text with month-range sub-headings ("2023. gada
janvāris–jūlijs") between numbered entries (Latgale, two planted); Markdown with month-range
headings between "-" bullets and a breakdown of consultations (Zemgale, clean); plain text
whose first forum's breakdown does not add up (Rīga, planted); Word with "informatīvās
lapas" (Zemgale, one planted in funding) and a breakdown "(tiešsaistē 80, klātienē 78,
e-pastā 41)" (Latgale, clean).
"""

from __future__ import annotations

import re

import pytest

from pipeline.model import Activity, Parsed, Qualifier, Report
from pipeline.parse.activity_parts import unequal_breakdowns
from pipeline.parse.mentions import find_indicators
from pipeline.parse.text import SourcedText, SourceFile
from tests.conftest import FIXTURES, parse_text
from tests.parse.golden import AT_LEAST, EXACT, UNSEEN, read_unseen, report_of

FILES = {
    "quarters": "vidzeme_markdown_quarter_headings_breakdowns.md",
    "months": "latgale_tabs_month_subheadings_planted.txt",
    "md_months": "zemgale_markdown_month_headings.md",
    "underlined": "riga_underlined_labels_planted_breakdown.txt",
    "merged": "zemgale_word_merged_header_total_row_planted.docx",
    "table_after": "latgale_word_funding_table_below.docx",
}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _activity(rep: Report, year: int, text: str) -> Activity:
    (found,) = [a for a in rep.activities if a.year == year and text in a.text.value]
    return found


def _breakdown(activity: Activity) -> list[tuple[int, str, list[int]]]:
    """Each total of the activity with the values marked as its parts."""
    return [
        (total.value, total.kind, [i.value for i in activity.indicators if i.part_of == t])
        for t, total in enumerate(activity.indicators, start=1)
        if any(i.part_of == t for i in activity.indicators)
    ]


# -- month and quarter sub-headings -----------------------------------------------------------


def test_month_range_sub_headings_group_the_entries_after_them(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "months")
    first, second = rep.years
    # "Month-range lines 8, 11, 22, 25 are sub-headings, not activities, and not dates of
    # activities": "• 2) sniegtas 48 konsultācijas NVO pārstāvjiem;" / "2023. gada
    # janvāris–jūlijs" / "• 3) …"
    assert [n.value for n in first.notes] == [
        "2022. gada augusts–decembris",
        "2023. gada janvāris–jūlijs",
    ]
    assert [n.value for n in second.notes] == [
        "2023. gada augusts–decembris",
        "2024. gada janvāris–jūlijs",
    ]
    consultations = _activity(rep, 1, "48 konsultācijas")
    assert consultations.text.value == "sniegtas 48 konsultācijas NVO pārstāvjiem;"
    assert consultations.dates == ()
    assert _activity(rep, 2, "52 konsultācijas").text.value == "sniegtas 52 konsultācijas;"
    # "2) 48 consultations … 3) 5 seminars": the numbered list goes on after the heading
    assert [a.number for a in rep.activities if a.year == 1][:5] == ["1)", "2)", "3)", "4)", "5)"]
    # the planted date stays found: "15.03.2021. is before the delegation period"
    codes = sorted((f.code, f.line) for f in read["months"].findings)
    assert ("activity.date-outside-year", 14) in codes
    # "Quarter headings "III ceturksnis", "IV ceturksnis", "I ceturksnis", "II ceturksnis"
    # (lines 21,26,31,35) are sub-headings, NOT activities, not years" (Vidzeme)
    quarters = report_of(read, "quarters")
    assert [n.value for n in quarters.years[0].notes] == [
        "III ceturksnis",
        "IV ceturksnis",
        "I ceturksnis",
        "II ceturksnis",
    ]
    assert len([a for a in quarters.activities if a.year == 1]) == 8


def test_a_month_heading_between_html_lists_heads_the_next_list() -> None:
    """The same year I with its bullets as HTML lists and each sub-heading a paragraph
    between them: "<p>2023. gada janvāris–jūlijs</p><ul><li>organizēti 5 semināri …" is no
    part of the seminars' entry (a list's first entry after an unfinished line goes on with
    it), nor their date."""
    text = (UNSEEN / FILES["months"]).read_text(encoding="utf-8").split("\n")
    first = (
        "<p>2022. gada augusts–decembris</p><ul><li>organizēts 1 forums Rēzeknē 14.10.2022., "
        "piedalījās 64 dalībnieki;</li><li>sniegtas 48 konsultācijas NVO pārstāvjiem;</li></ul>"
        "<p>2023. gada janvāris–jūlijs</p><ul><li>organizēti 5 semināri Daugavpilī un Ludzā, "
        "katrā 20–25 dalībnieki;</li><li>publicētas vairāk nekā 120 ziņas;</li></ul>"
    )
    rep = parse_text("\n".join([*text[:6], first, *text[14:]])).report
    assert rep is not None
    assert [n.value for n in rep.years[0].notes] == [
        "2022. gada augusts–decembris",
        "2023. gada janvāris–jūlijs",
    ]
    seminars = _activity(rep, 1, "5 semināri")
    assert seminars.text.value.startswith("organizēti 5 semināri")
    assert seminars.dates == ()


def test_markdown_month_headings_are_no_bullet_s_words_or_date(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "md_months")
    # "Month headings l.14,18,22,25 are sub-headings": "- Organizēti 2 semināri Jelgavā, kopā
    # 46 dalībnieki (31 sieviete, 15 vīrieši)." / "" / "### 2023. gada aprīlis–jūnijs"
    seminars = _activity(rep, 1, "2 semināri Jelgavā")
    assert seminars.text.value.endswith("(31 sieviete, 15 vīrieši).")
    assert seminars.dates == ()
    # "3 focus-group discussions, 8–12 participants each [l.20]", then "### 2023. gada
    # jūlijs–septembris": no date of that discussion
    assert _activity(rep, 1, "fokusgrupu diskusijas").dates == ()
    # "5 minority NGOs supported [l.38]", then "### 2024. gada jūlijs–decembris"
    assert _activity(rep, 2, "5 MT NVO").dates == ()
    headings = [n.value for y in rep.years for n in y.notes]
    assert "2023. gada aprīlis–jūnijs" in headings and "2024. gada jūlijs–decembris" in headings


# -- breakdowns in brackets -------------------------------------------------------------------


def test_a_breakdown_by_gender_is_parts_of_its_total(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "quarters")
    # "1) 1 forum, 45 participants G(30,15) [l.23]"
    assert _breakdown(_activity(rep, 1, "45 dalībnieki")) == [(45, "participants", [30, 15])]
    # "2) 5 cultural events, 180 participants G(120,60) [l.42]"
    assert _breakdown(_activity(rep, 1, "180 dalībnieki")) == [(180, "participants", [120, 60])]
    # year III: "1) 1 forum, 60 participants G(41,19)"; "3 trainings, 38 participants G(25,13)"
    assert _breakdown(_activity(rep, 3, "60 dalībnieki")) == [(60, "participants", [41, 19])]
    assert _breakdown(_activity(rep, 3, "38 dalībnieki")) == [(38, "participants", [25, 13])]
    # "Findings expected: NONE (everything adds up: 30+15=45, …)"
    assert not [a for a in rep.activities if list(unequal_breakdowns(a.indicators))]


def test_a_breakdown_by_channel_is_parts_of_its_total(read: dict[str, Parsed]) -> None:
    # "22 consultations (15 in person, 7 online → breakdown of 22) [l.15]"
    rep = report_of(read, "md_months")
    consultations = _activity(rep, 1, "22 konsultācijas")
    assert _breakdown(consultations) == [(22, "consultations", [15, 7])]
    assert all(i.qualifier is EXACT for i in consultations.indicators)
    # "3) 199 consultations (breakdown 80+78+41 = 199, part_of)"
    rep = report_of(read, "table_after")
    assert _breakdown(_activity(rep, 2, "199 konsultācijas")) == [
        (199, "consultations", [80, 78, 41])
    ]


def test_a_breakdown_that_does_not_add_up_is_told(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "underlined")
    # "C2 line 22: 60 participants but breakdown 35 women + 20 men = 55"
    forums = _activity(rep, 1, "60 dalībnieki")
    assert _breakdown(forums) == [(60, "participants", [35, 20])]
    ((total, parts),) = list(unequal_breakdowns(forums.indicators))
    assert (total.value, [p.value for p in parts]) == (60, [35, 20])
    assert total.span.line == 22
    # "1) 1 forum, 95 participants G(62,33)" and "130 participants G(80,50)" add up
    others = [a for a in rep.activities if a is not forums]
    assert not [a for a in others if list(unequal_breakdowns(a.indicators))]
    # and the report is told of it, at the count's line, once
    told = [f for f in read["underlined"].findings if f.code == "activity.breakdown-mismatch"]
    assert [(f.severity.value, f.span.line if f.span else None) for f in told] == [("warning", 22)]
    assert "55" in told[0].message and "60" in told[0].message


def test_only_a_breakdown_that_names_the_whole_is_summed() -> None:
    # Places may name only some of them ("of whom in Riga 40 and in Jelgava 35"): a sum
    # short of the total proves nothing. Women and men, or in person and online, are all.
    minimal = (FIXTURES / "reports" / "minimal.txt").read_text(encoding="utf-8")
    said = "organizēti ap 5 pasākumi;"
    assert said in minimal

    def told(count: str) -> list[str]:
        parsed = parse_text(minimal.replace(said, f"sniegtas {count};"), "t.txt")
        return [f.code for f in parsed.findings if f.code.startswith("activity.b")]

    assert told("60 dalībnieki (35 sievietes, 20 vīrieši)") == ["activity.breakdown-mismatch"]
    # ways of holding it may name only the main ones ("5 in person, 3 by phone" of 10)
    assert told("22 konsultācijas (15 klātienē, 5 tiešsaistē)") == []
    assert told("60 dalībnieki (35 sievietes, 25 vīrieši)") == []
    assert told("100 dalībnieki (Rīgā 40, Jelgavā 35)") == []


# -- ranges -----------------------------------------------------------------------------------


def test_a_range_per_event_gives_no_figure_and_never_its_upper_end(
    read: dict[str, Parsed],
) -> None:
    # Not yet: "3) 5 seminars, 20–25 participants each [l.12]" keeps no figure. Ranges
    # "20–25" are a range: a reader knows at least 20 / at most 25; they must never become
    # one exact value (e.g. 25, 2025 or -25)". Every range in these reports is per event
    # ("katrā 20–25", "20–25 dalībnieki katrā"), which is no figure of the activity (as the
    # golden values of `vidzeme_suspended_year.txt` hold), so only the seminars are counted.
    rep = report_of(read, "months")
    seminars = _activity(rep, 1, "5 semināri")
    assert [(i.value, i.qualifier, i.kind) for i in seminars.indicators] == [(5, EXACT, "seminars")]
    for key in FILES:
        for activity in report_of(read, key).activities:
            values = [i.value for i in activity.indicators]
            for m in re.finditer(r"\d+\s*[–-]\s*(\d+)", activity.text.value):
                assert int(m.group(1)) not in values, (key, activity.text.value)
                assert 2000 + int(m.group(1)) not in values, (key, activity.text.value)


def _counts(text: str) -> list[tuple[int, Qualifier, str, str]]:
    found = find_indicators(SourcedText.of(text), SourceFile("t.txt", text))
    return [(i.value, i.qualifier, i.kind, i.phrase) for i in found]


# A range of the whole activity: at least its lower end took part. "katrā 20 - 25 dalībnieki"
# was read as exactly 25; per event, it is no figure. A qualified range, years and a reversed
# range are not read.
RANGES: list[tuple[str, list[tuple[int, Qualifier, str, str]]]] = [
    ("seminārā piedalījās 20–25 dalībnieki;", [(20, AT_LEAST, "participants", "20–25 dalībnieki")]),
    (
        "forumā piedalījās 40 - 45 dalībnieki",
        [(40, AT_LEAST, "participants", "40 - 45 dalībnieki")],
    ),
    ("organizēti 4 semināri, katrā 20 - 25 dalībnieki", [(4, EXACT, "seminars", "4 semināri")]),
    ("6 semināri, 20 - 25 dalībnieki katrā", [(6, EXACT, "seminars", "6 semināri")]),
    ("piedalījās ap 20–25 dalībnieki", []),
    ("2022–2025 dalībnieki", []),
    ("25–20 dalībnieki", []),
]


def test_a_range_of_the_activity_is_its_lower_bound() -> None:
    assert [(text, _counts(text)) for text, _ in RANGES] == RANGES


# -- counted kinds ----------------------------------------------------------------------------


def test_information_sheets_are_publications(read: dict[str, Parsed]) -> None:
    # "4) 3 info pages" ("izveidotas 3 informatīvās lapas.")
    rep = report_of(read, "merged")
    sheets = _activity(rep, 1, "informatīvās lapas")
    assert [(i.value, i.qualifier, i.kind) for i in sheets.indicators] == [
        (3, EXACT, "publications")
    ]


def test_a_number_given_as_money_is_no_count_whether_or_not_its_currency_is_written() -> None:
    # "Kuldīgas novada un Ventspils valstspilsētas pašvaldības kopā līdzfinansēja 3 500 euro
    # diskusiju ciklam": the same sentence with "euro" left out is still money, not 3,500
    # discussions; "finansēja 2 pasākumus" still counts the two events it funded.
    minimal = (FIXTURES / "reports" / "minimal.txt").read_text(encoding="utf-8")
    said = "organizēti ap 5 pasākumi;"

    def counted(words: str) -> list[tuple[int, str]]:
        parsed = parse_text(minimal.replace(said, f"{words};"), "t.txt")
        year = [a for a in parsed.report.activities if a.year == 2 and a.position == 1]
        return [(i.value, i.kind) for i in year[0].indicators]

    assert counted("pašvaldības kopā līdzfinansēja 3 500 diskusiju ciklam") == []
    assert counted("pašvaldības kopā līdzfinansēja 3 500 euro diskusiju ciklam") == []
    assert counted("pašvaldība finansēja 2 pasākumus") == [(2, "events")]


def test_a_bracket_after_two_counts_or_of_larger_numbers_is_no_breakdown() -> None:
    # A reviewer's forms: "4 semināri 60 dalībniekiem (2 klātienē un 2 tiešsaistē)" breaks
    # down the seminars (2 + 2 = 4), not the participants; "3 apmācības (Rīgā 40, Valmierā
    # 35, Cēsīs 28)" gives participants per town, more than the three trainings.
    minimal = (FIXTURES / "reports" / "minimal.txt").read_text(encoding="utf-8")
    said = "organizēti ap 5 pasākumi;"

    def read(words: str) -> Parsed:
        return parse_text(minimal.replace(said, f"{words};"), "t.txt")

    for words in (
        "organizēti 4 semināri 60 dalībniekiem (2 klātienē un 2 tiešsaistē)",
        "sniegtas 22 konsultācijas 15 organizācijām (15 klātienē, 7 tiešsaistē)",
        "notikušas 3 apmācības (Rīgā 40, Valmierā 35, Cēsīs 28)",
    ):
        parsed = read(words)
        activity = next(a for a in parsed.report.activities if a.year == 2 and a.position == 1)
        assert [i.part_of for i in activity.indicators if i.part_of] == [], words
        assert not [f for f in parsed.findings if f.code == "activity.breakdown-mismatch"], words


def test_a_month_with_its_counts_in_brackets_is_an_entry_not_a_heading() -> None:
    # "- Marts (12 konsultācijas)" under "sniegtas konsultācijas:" counts 12; a bracket of
    # dates or words after a month ("2023. gada marts (plānots)") still heads what follows.
    minimal = (FIXTURES / "reports" / "minimal.txt").read_text(encoding="utf-8")
    said = "- 2) sniegtas vairāk nekā 40 konsultācijas;"
    assert said in minimal
    text = minimal.replace(
        said,
        "- 2) sniegtas konsultācijas:\n- Marts (12 konsultācijas)\n- Aprīlis (15 konsultācijas)",
    )
    parsed = parse_text(text, "t.txt")
    counted = [i.value for a in parsed.report.activities if a.year == 1 for i in a.indicators]
    assert 12 in counted and 15 in counted
