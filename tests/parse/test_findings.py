"""Every finding kind: the ones the real reports contain (read by hand), and each kind
triggered on the clean minimal report by changing one thing in it."""

from __future__ import annotations

import pytest

from pipeline.model import Parsed, Severity
from tests.conftest import parse_text


def codes(parsed: Parsed) -> list[tuple[str, int | None]]:
    return sorted((f.code, f.span.line if f.span else None) for f in parsed.findings)


def test_minimal_report_is_clean(minimal_text: str) -> None:
    parsed = parse_text(minimal_text)
    assert parsed.report is not None
    assert parsed.findings == ()


EXPECTED_IN_CORPUS = {
    # 000: year II is written as 2023-07-15 to 2025-07-14 (line 26), over year III.
    "000": [("period.year-overlap", 26)],
    # 001: no year headings; "2021.gads" has no amount (line 13); no registration number (line 7).
    "001": [
        ("funding.missing-amount", 13),
        ("implementer.missing-registration-number", 7),
        ("structure.no-year-headings", 9),
    ],
    # 002: nine event dates in Feb-May 2022, before year I starts on 2022-07-15 (lines 13,
    # 15, 22); year II: 53 900,00 - 52 816,67 = 1 083,33 but 1 177,33 carried over (line 39),
    # and for minorities 23 900,00 - 23 274,62 = 625,38 but 719,38 (line 41).
    "002": [("activity.date-outside-year", 13)] * 7
    + [("activity.date-outside-year", 15), ("activity.date-outside-year", 22)]
    + [("funding.remainder-mismatch", 39), ("funding.remainder-mismatch", 41)]
    + [("structure.no-minority-group", 13)],
    # 003: the stray "Zemgales reģions" row (line 10); the task names Kurzeme (line 11); no
    # registration number (line 12); year II civil society spent 36 785,82 of 30 000,00 and
    # the per-purpose remainders do not match (line 41); year III minorities spent 25 012,97
    # of 19 000,00 (line 43).
    "003": [
        ("funding.actual-above-planned", 41),
        ("funding.actual-above-planned", 43),
        ("funding.remainder-mismatch", 41),
        ("funding.remainder-mismatch", 41),
        ("implementer.missing-registration-number", 12),
        ("region.mismatch", 11),
        ("structure.unlabelled-text", 10),
    ],
    # 004: no registration number (line 26).
    "004": [("implementer.missing-registration-number", 26)],
}


@pytest.mark.parametrize("key", sorted(EXPECTED_IN_CORPUS))
def test_findings_in_the_bundled_reports(corpus: dict[str, Parsed], key: str) -> None:
    assert codes(corpus[key]) == sorted(EXPECTED_IN_CORPUS[key])


def test_findings_quote_what_disagrees(corpus: dict[str, Parsed]) -> None:
    [total, minority] = [
        f.message for f in corpus["002"].findings if f.code == "funding.remainder-mismatch"
    ]
    assert "1 083,33" in total and "1 177,33" in total
    assert "625,38" in minority and "719,38" in minority
    dates = [f for f in corpus["002"].findings if f.code == "activity.date-outside-year"]
    assert dates[0].message.startswith("the date '09.02.2022.'")
    region = next(f for f in corpus["003"].findings if f.code == "region.mismatch")
    assert "Zemgales" in region.message and "Kurzemes" in region.message


YEAR_II = "II. ĪSTENOŠANAS GADS (2023.gada 15.jūlijs līdz 2024.gada 14.jūlijs)"
FUNDING_Y1 = "<p>50 000,00 euro, t.sk.</p>"

MUTATIONS: list[tuple[str, str, str, str, Severity]] = [
    # (finding code, text to replace, replacement, why, severity)
    (
        "period.year-overlap",
        YEAR_II,
        YEAR_II.replace("15.jūlijs līdz", "1.jūlijs līdz"),
        "year II starts before year I ends",
        Severity.WARNING,
    ),
    (
        "period.year-outside-delegation",
        YEAR_II,
        YEAR_II.replace("2024.gada 14", "2026.gada 14"),
        "year II ends after the contract",
        Severity.WARNING,
    ),
    (
        "period.title-span-mismatch",
        "(2022-2025)",
        "(2021-2025)",
        "title years disagree",
        Severity.WARNING,
    ),
    (
        "period.unreadable",
        "periods\t2022.gada 15.jūlijs līdz 2025.gada 14.jūlijs",
        "periods\tno 2022. gada vasaras",
        "no dates",
        Severity.WARNING,
    ),
    (
        "activity.date-outside-year",
        "Valmierā 12.10.2022.",
        "Valmierā 12.10.2021.",
        "a date before year I",
        Severity.WARNING,
    ),
    (
        "funding.sum-mismatch",
        "- 20 000,00 euro mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai\t49 000",
        "- 21 000,00 euro mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai\t49 000",
        "30 000 + 21 000 is not 50 000",
        Severity.WARNING,
    ),
    (
        "funding.actual-above-planned",
        "49 900,00 euro (neizmantotais finansējums 100,00",
        "50 100,00 euro (neizmantotais finansējums 100,00",
        "spent more than planned",
        Severity.WARNING,
    ),
    (
        "funding.remainder-mismatch",
        "Atlikums 1 000,00 euro",
        "Atlikums 900,00 euro",
        "50 000 - 49 000 is not 900",
        Severity.WARNING,
    ),
    (
        "funding.missing-amount",
        "\nNeatbilstoši veiktie izdevumi\t",
        "\n\t15.07.2024. – 14.07.2025.\t\nNeatbilstoši veiktie izdevumi\t",
        "a year row with no amount",
        Severity.WARNING,
    ),
    (
        "funding.unmatched-year",
        FUNDING_Y1,
        "<p>01.01.2022. – 31.12.2022. Plānots 50 000,00 euro, t.sk.</p>",
        "a calendar year, not an implementation year",
        Severity.WARNING,
    ),
    (
        "region.mismatch",
        "līdzdalības veicināšanas jomā Vidzemes reģionā\nValsts",
        "līdzdalības veicināšanas jomā Kurzemes reģionā\nValsts",
        "task names another region",
        Severity.WARNING,
    ),
    (
        "implementer.missing-registration-number",
        ", reģistrācijas Nr.40008000001",
        "",
        "number left out",
        Severity.WARNING,
    ),
    (
        "implementer.bad-registration-number",
        "Nr.40008000001",
        "Nr.4000800001",
        "ten digits",
        Severity.WARNING,
    ),
    (
        "structure.unlabelled-text",
        "(2022-2025)\n",
        "(2022-2025)\n\tVidzemes reģions\n",
        "a stray row",
        Severity.INFO,
    ),
    (
        "structure.missing-section",
        "Valsts pārvaldes uzdevuma deleģēšanas periods",
        "Periods",
        "a required label is gone",
        Severity.ERROR,
    ),
    (
        "structure.missing-section",
        "Cita informācija\tNav",
        "",
        "an optional label is gone",
        Severity.WARNING,
    ),
]


@pytest.mark.parametrize(
    ("code", "old", "new", "why", "severity"), MUTATIONS, ids=[f"{m[0]}:{m[3]}" for m in MUTATIONS]
)
def test_each_finding_kind(
    minimal_text: str, code: str, old: str, new: str, why: str, severity: Severity
) -> None:
    assert old in minimal_text, "the fixture changed; update the mutation"
    parsed = parse_text(minimal_text.replace(old, new, 1))
    found = [f for f in parsed.findings if f.code == code]
    assert found, f"{why}: expected {code}, got {[f.code for f in parsed.findings]}"
    assert {f.severity for f in found} == {severity}
    assert all(f.file == "fixture.txt" for f in found)


def test_no_minority_group(minimal_text: str) -> None:
    parsed = parse_text(minimal_text.replace("Vidzemes mazākumtautību kapacitātes celšanai:", ""))
    [finding] = [f for f in parsed.findings if f.code == "structure.no-minority-group"]
    assert finding.severity is Severity.INFO
    assert parsed.report is not None
    assert {a.group.value for a in parsed.report.activities} == {"civil-society"}


def test_region_missing(minimal_text: str) -> None:
    parsed = parse_text(minimal_text.replace("Vidzemes reģionā", "Valmieras novadā"))
    assert "region.missing" in [f.code for f in parsed.findings]


def test_a_region_named_in_another_case_is_not_missing(minimal_text: str) -> None:
    """ "jomā Vidzemē" (locative, without "reģions") names the Vidzeme planning region."""
    parsed = parse_text(minimal_text.replace("Vidzemes reģionā", "Vidzemē"))
    assert parsed.report is not None and parsed.report.region == "vidzeme"
    assert "region.missing" not in [f.code for f in parsed.findings]


def test_missing_sections_are_reported_and_the_rest_extracted(minimal_text: str) -> None:
    start = minimal_text.index("Plānotais un faktiski")
    end = minimal_text.index("Neatbilstoši")
    parsed = parse_text(minimal_text[:start] + minimal_text[end:])
    assert parsed.has_errors
    missing = [f.message for f in parsed.findings if f.code == "structure.missing-section"]
    assert len(missing) == 1 and "funding" in missing[0]
    assert parsed.report is not None
    assert parsed.report.funding == ()
    assert len(parsed.report.activities) == 5  # the rest is still read
    assert parsed.report.implementer is not None


def test_a_late_section_keeps_the_line_it_was_read_from(minimal_text: str) -> None:
    parsed = parse_text(minimal_text)
    assert parsed.report is not None and parsed.report.other_information is not None
    assert parsed.report.other_information.text.span.line == minimal_text.count("\n")


def test_every_finding_is_written_in_latvian_too(
    corpus: dict[str, Parsed], minimal_text: str
) -> None:
    found = [f for p in corpus.values() for f in p.findings]
    for code, old, new, _, _ in MUTATIONS:
        found += [
            f for f in parse_text(minimal_text.replace(old, new, 1)).findings if f.code == code
        ]
    assert {f.code for f in found} >= {m[0] for m in MUTATIONS}
    for f in found:
        assert f.message_lv and f.message_lv != f.message, f
    year = next(f for f in corpus["000"].findings if f.code == "period.year-overlap")
    assert (
        year.message_lv
        == "II. īstenošanas gads beidzas 2025-07-14, pēc tam, kad III. gads sākas 2024-07-15"
    )
