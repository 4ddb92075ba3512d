"""Golden values for the activities and dates of reports by two more independent testers,
who read their facts by hand before the parser ran (`tests/fixtures/reports/unseen/`).

An all-capitals report whose activities are typed without diacritics, whose "8 JAUNIESU
INICIATIVAS" are eight initiatives of young people, no young people (Latgale); welfare reports that count the
clients and children a service reached and "1 informatīvs materiāls" (Latgale, Vidzeme);
volunteers before a genitive and a locative, or before the people they are ("22
brīvprātīgie jaunatnes darbā", "14 brīvprātīgie mentori"); an extension period after the
last year, headed as a year is, its activities its own (Rīga); a forum moved out of its
year, which the report explains (Rīga, Kurzeme); and periods written ending before they
start, a year's (Zemgale, planted) and the delegation's (a Vidzeme report's, planted: read
here as the Zemgale report with its delegation period so written, as the Vidzeme report's
other answers, "0 euro" without its currency, are another part's to read).
"""

from __future__ import annotations

import datetime as dt

import pytest

from pipeline.model import Activity, Parsed, Report, Severity
from pipeline.parse.checks_periods import moved_to
from pipeline.parse.mentions import find_indicators
from pipeline.parse.text import SourcedText, SourceFile
from tests.conftest import parse_text
from tests.parse.golden import UNSEEN, read_unseen, report_of

D = dt.date
FILES = {
    "caps": "latgale_caps_activities_without_diacritics_space_aligned_funding.txt",
    "clients": "latgale_social_services_clients_dot_thousands_planted.txt",
    "families": "vidzeme_families_children_thousands_planted.txt",
    "extension": "riga_extension_period_moved_forum.txt",
    "moved": "kurzeme_zero_funding_year_moved_forum.txt",
    "year_backwards": "zemgale_year_ends_before_start_planted.txt",
}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _activity(rep: Report, year: int, text: str) -> Activity:
    (found,) = [a for a in rep.activities if a.year == year and text in a.text.value]
    return found


def _counts(activity: Activity) -> list[tuple[int, str, int | None]]:
    return [(i.value, i.kind, i.part_of) for i in activity.indicators]


def _values(text: str) -> list[tuple[int, str, int | None]]:
    source = SourceFile("phrase.txt", text)
    return [(i.value, i.kind, i.part_of) for i in find_indicators(SourcedText.of(text), source)]


def _codes(parsed: Parsed, prefixes: tuple[str, ...]) -> set[tuple[str, int]]:
    return {
        (f.code, f.span.line if f.span else 0)
        for f in parsed.findings
        if f.code.startswith(prefixes)
    }


# -- kinds --------------------------------------------------------------------------------


def test_initiatives_of_young_people_in_capitals_count_no_participants(
    read: dict[str, Parsed],
) -> None:
    """r6/c6: "ATBALSTITAS 8 JAUNIESU INICIATIVAS" (l.18) and "9 JAUNIESU INICIATIVAS" (l.24)
    are initiatives (EXPECTED: "8 youth initiatives", no kind of ours); the genitive
    "JAUNIESU" is their attribute, as in lower case. Every other count as EXPECTED reads it,
    whichever year it falls in (the years' headings are another part's to read)."""
    rep = report_of(read, "caps")
    values = [(i.value, i.kind) for a in rep.activities for i in a.indicators]
    assert values == [
        (10, "trainings"),
        (214, "participants"),
        (60, "consultations"),
        (160, "participants"),
        (12, "trainings"),
        (251, "participants"),
        (74, "consultations"),
        (183, "participants"),
        (1, "publications"),
    ]
    initiatives = [a for a in rep.activities if "INICIATIVAS" in a.text.value]
    assert len(initiatives) == 2 and all(not a.indicators for a in initiatives)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4) ATBALSTITAS 8 JAUNIESU INICIATIVAS.", []),
        ("4) ATBALSTĪTAS 8 JAUNIEŠU INICIATĪVAS.", []),
        # as the lower case was already read
        ("4) atbalstītas 8 jauniešu iniciatīvas.", []),
    ],
)
def test_a_genitive_in_capitals_is_the_attribute_it_is_in_lower_case(
    text: str, expected: list[tuple[int, str, int | None]]
) -> None:
    assert _values(text) == expected


def test_clients_and_children_are_the_persons_a_service_reached(read: dict[str, Parsed]) -> None:
    """r3 l.9 "saņēmuši 64 klienti (t.sk. 18 bērni)", l.16 "71 klients"; r8 l.11 "86
    ģimenes (kopā 211 bērni)", l.16 "93 ģimenes (kopā 229 bērni)" (EXPECTED: 64 clients
    (18 children), 71 clients, 86 families/211 children, 93 families/229 children). The
    people reached are "persons", as "saņēmušas 207 personas" are; the children "t.sk."
    names are part of the clients."""
    clients, families = report_of(read, "clients"), report_of(read, "families")
    assert _counts(_activity(clients, 1, "64 klienti")) == [
        (64, "persons", None),
        (18, "persons", 1),
    ]
    assert _counts(_activity(clients, 2, "71 klients")) == [(71, "persons", None)]
    assert _counts(_activity(families, 1, "86 ģimenes")) == [
        (86, "families", None),
        (211, "persons", None),
    ]
    assert _counts(_activity(families, 2, "93 ģimenes")) == [
        (93, "families", None),
        (229, "persons", None),
    ]


def test_an_indefinite_adjective_before_its_noun_is_no_noun_of_its_own(
    read: dict[str, Parsed],
) -> None:
    """r3 l.20 "Izdots 1 informatīvs materiāls Braila rakstā … (200 eks.)": one
    publication (EXPECTED), the print run no count."""
    rep = report_of(read, "clients")
    assert _counts(_activity(rep, 2, "informatīvs materiāls")) == [(1, "publications", None)]
    assert _values("iegādāts 1 printeris Daugavpils biedrībai") == []


def test_volunteers_before_where_they_work_or_what_they_are(read: dict[str, Parsed]) -> None:
    """r1 l.23 "Apmācīti 22 brīvprātīgie jaunatnes darbā", r8 l.19 "Apmācīti 14
    brīvprātīgie mentori" (EXPECTED: 22 volunteers trained, 14 volunteer mentors). Before a
    thing the word is the adjective and counts nothing ("3 brīvprātīgie darbi")."""
    families = report_of(read, "families")
    assert _values("5. Apmācīti 22 brīvprātīgie jaunatnes darbā.") == [(22, "volunteers", None)]
    assert _counts(_activity(families, 2, "14 brīvprātīgie mentori")) == [(14, "volunteers", None)]
    assert _values("3 brīvprātīgie darbi") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "piedalījās 45 dalībnieki (30 jaunieši, 15 seniori)",
            [(45, "participants", None), (30, "participants", 1), (15, "participants", 1)],
        ),
        # children named in a breakdown of participants are its parts, not persons besides
        (
            "piedalījās 45 dalībnieki (30 bērni, 15 pieaugušie)",
            [(45, "participants", None), (30, "participants", 1), (15, "participants", 1)],
        ),
    ],
)
def test_people_named_by_who_they_are_in_a_bracket_break_the_count_down(
    text: str, expected: list[tuple[int, str, int | None]]
) -> None:
    assert _values(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # r04 l.45 (EXPECTED: "1 database section"): no kind of ours counts a section of a
        # database, and "NVO" is its attribute: read less rather than wrong
        ("6) Izveidota 1 NVO datu bāzes sadaļa vietnē zemgalesnvo.lv.", []),
        # r04 l.30-31: a forum the text does not count is not counted as one
        (
            "4) 18.03.2023. Jelgavā notika Zemgales NVO forums, 152\ndalībnieki;",
            [(152, "participants", None)],
        ),
    ],
)
def test_what_no_number_counts_stays_unread(
    text: str, expected: list[tuple[int, str, int | None]]
) -> None:
    """A decision pinned, not a change: these were read so before."""
    assert _values(text) == expected


# -- an extension period ------------------------------------------------------------------


def test_an_extension_period_is_a_year_of_its_own(read: dict[str, Parsed]) -> None:
    """r08 l.21 "PAGARINĀJUMA PERIODS (2026.gada 1.janvāris līdz 2026.gada 31.marts)" after
    year II: its three activities (l.22-24; EXPECTED: the moved forum, 18 consultations, 1
    final review) are its own, and year II's fifth ends at "publicētas 102 ziņas."."""
    rep = report_of(read, "extension")
    assert [(y.ordinal, y.period and (y.period.start, y.period.end)) for y in rep.years] == [
        (1, (D(2024, 1, 1), D(2024, 12, 31))),
        (2, (D(2025, 1, 1), D(2025, 12, 31))),
        (3, (D(2026, 1, 1), D(2026, 3, 31))),
    ]
    second, extension = rep.years[1], rep.years[2]
    assert [a.number for a in second.activities] == ["1)", "2)", "3)", "4)", "5)"]
    assert second.activities[-1].text.value == "publicētas 102 ziņas."
    assert extension.numeral is None and extension.heading is not None
    assert extension.heading.value.startswith("PAGARINĀJUMA PERIODS")
    assert [a.number for a in extension.activities] == ["1)", "2)", "3)"]
    assert [(i.value, i.kind) for a in extension.activities for i in a.indicators] == [
        (18, "consultations"),
        (1, "reports"),
    ]
    assert extension.activities[0].dates[0].start == D(2026, 1, 24)


def _extension_text(line: str) -> str:
    text = (UNSEEN / FILES["extension"]).read_text(encoding="utf-8")
    heading = "\tPAGARINĀJUMA PERIODS (2026.gada 1.janvāris līdz 2026.gada 31.marts)"
    assert heading in text
    return text.replace(heading, line)


def test_an_extension_period_after_a_colon() -> None:
    parsed = parse_text(_extension_text("\tPagarinājuma periods: 01.01.2026. – 31.03.2026."))
    assert parsed.report is not None
    last = parsed.report.years[-1]
    assert last.ordinal == 3 and last.period is not None
    assert (last.period.start, last.period.end) == (D(2026, 1, 1), D(2026, 3, 31))
    assert [a.number for a in last.activities] == ["1)", "2)", "3)"]


def test_an_extension_heading_without_its_dates_heads_nothing() -> None:
    parsed = parse_text(_extension_text("\tPAGARINĀJUMA PERIODS"))
    assert parsed.report is not None
    assert len(parsed.report.years) == 2


# -- a date the report says was moved ------------------------------------------------------


def test_a_date_the_report_says_was_moved_is_said_not_warned_of(read: dict[str, Parsed]) -> None:
    """r08 l.19 "forums bija plānots 2025. gada 6. decembrī, bet … tika pārcelts uz 2026.
    gada 24. janvāri", r03 l.11 "tas tika pārcelts un notika 2024. gada 14. martā …, t.i.,
    jau II īstenošanas gada periodā" (EXPECTED: "moved … explained", no contradiction). The
    extension period's dates (l.21-22) are its own, inside it."""
    for key, line in (("extension", 19), ("moved", 11)):
        parsed = read[key]
        assert _codes(parsed, ("activity.date",)) == {("activity.date-moved", line)}, key
        (moved,) = [f for f in parsed.findings if f.code == "activity.date-moved"]
        assert moved.severity is Severity.INFO and "pārcelta" in moved.message_lv


@pytest.mark.parametrize(
    ("text", "date", "expected"),
    [
        (
            "forums bija plānots 2025. gada 6. decembrī, bet tika pārcelts uz 2026. gada "
            "24. janvāri (notika pagarinājuma periodā, 187 dalībnieki)",
            "2026. gada 24. janvāri",
            True,
        ),
        ("tas tika pārcelts un notika 2024. gada 14. martā", "2024. gada 14. martā", True),
        # which date was moved is not certain: the words between say something else
        ("forums tika pārcelts uz nākamo gadu un notika 14.03.2024.", "14.03.2024.", False),
        ("03.09.2023. Rīgā notika NVO forums", "03.09.2023.", False),
        # the planned date is not the one moved to
        ("bija plānots 2025. gada 6. decembrī, bet tika pārcelts", "2025. gada 6. decembrī", False),
    ],
)
def test_the_words_that_explain_a_moved_date(text: str, date: str, expected: bool) -> None:
    assert moved_to(text, date) is expected


# -- periods that end before they start -----------------------------------------------------


def test_a_year_that_ends_before_it_starts(read: dict[str, Parsed]) -> None:
    """r09 l.12 "II. ĪSTENOŠANAS GADS (14.07.2024. – 15.07.2023.)" (EXPECTED planted 1): a
    finding of its own at the year's line; the forum of 16.03.2024 (l.15) is not said to
    fall outside a year that has no days."""
    parsed = read["year_backwards"]
    assert _codes(parsed, ("period.", "activity.date")) == {("period.ends-before-start", 12)}
    (finding,) = [f for f in parsed.findings if f.code == "period.ends-before-start"]
    assert finding.severity is Severity.WARNING
    assert "II" in finding.message and "beidzas" in finding.message_lv


def _delegation_backwards(title: str = "(2022-2025)") -> Parsed:
    """The Zemgale report with its delegation period written from its end to its start, as
    r07 l.5 writes its own ("01.08.2025. – 31.07.2024.")."""
    text = (UNSEEN / FILES["year_backwards"]).read_text(encoding="utf-8")
    period = "\t15.07.2022. – 14.07.2025.\n"
    assert period in text and "\n(2022-2025)\n" in text
    text = text.replace(period, "\t14.07.2025. – 15.07.2022.\n")
    return parse_text(text.replace("\n(2022-2025)\n", f"\n{title}\n"))


def test_a_delegation_period_that_ends_before_it_starts() -> None:
    """Its finding at the period's line (l.7), instead of the title's years (2022-2025, the
    same two) and every year "outside" it; the year written backwards (l.12) is still told."""
    parsed = _delegation_backwards()
    assert _codes(parsed, ("period.", "activity.date")) == {
        ("period.ends-before-start", 7),
        ("period.ends-before-start", 12),
    }
    assert parsed.report is not None and parsed.report.delegation_period is not None
    period = parsed.report.delegation_period
    assert (period.start, period.end) == (D(2025, 7, 14), D(2022, 7, 15))


def test_a_title_of_other_years_than_a_backwards_period_is_still_told() -> None:
    parsed = _delegation_backwards("(2020-2021)")
    codes = {f.code for f in parsed.findings}
    assert {"period.ends-before-start", "period.title-span-mismatch"} <= codes
