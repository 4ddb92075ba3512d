"""Hand-built `Report` values for tests: a small report text, and the model a parser would
read from it, with spans computed from the text so that lines and offsets are real."""

from __future__ import annotations

import dataclasses
import datetime as dt
import gzip
import hashlib
from decimal import Decimal
from pathlib import Path

from pipeline.model import (
    Activity,
    ActivityGroup,
    Amount,
    AmountRole,
    DateMention,
    DatePrecision,
    FundingYear,
    ImplementationYear,
    Implementer,
    Indicator,
    LegalForm,
    Mention,
    Period,
    Purpose,
    Qualifier,
    RegionMention,
    Report,
    Span,
    Statement,
    Text,
)
from pipeline.settings import dump_files

FILE = "reports/900_sample.txt"

SOURCE = """Kopsavilkums par uzdevumu Zemgales reģionā (2022-2024)
Valsts pārvaldes uzdevums\tPar uzdevumu Zemgales reģionā
Valsts pārvaldes uzdevuma veicējs\tBiedrība „Ābeļu NVO centrs”, reģistrācijas Nr.40008000001
Valsts pārvaldes uzdevuma deleģēšanas periods\t2022.gada 15.jūlijs līdz 2024.gada 14.jūlijs
I. ĪSTENOŠANAS GADS (2022.gada 15.jūlijs līdz 2023.gada 14.jūlijs)
1) 12.10.2022. organizēti 3 forumi, kuros piedalījās vairāk nekā 670 dalībnieki;
Zemgales mazākumtautību kapacitātes celšanai:
1) poļu biedrībai Jelgavā sniegtas vismaz 5 konsultācijas;
II. ĪSTENOŠANAS GADS (2023.gada 15.jūlijs līdz 2024.gada 14.jūlijs)
1) sniegtas 62 konsultācijas;
Finansējums\t15.07.2022. – 14.07.2023. Plānots 49 000,00 euro, t.sk. 30 000,00 euro pilsoniskās sabiedrības attīstībai; 19 000,00 euro mazākumtautību NVO
\tFaktiski 48 000,00 euro, t.sk. 29 000,00 euro pilsoniskās sabiedrības attīstībai; 19 000,00 euro mazākumtautību NVO
\tAtlikums 1 000,00 euro pārcelts (1 000,00 euro pilsoniskās sabiedrības attīstībai)
\t15.07.2023. – 14.07.2024. Plānots 49 000,00 euro Faktiski 49 000,00 euro
Neatbilstoši veiktie izdevumi\tNav
"""


def span(needle: str, occurrence: int = 1, file: str = FILE) -> Span:
    """The span of the n-th occurrence of `needle` in the sample text."""
    start = -1
    for _ in range(occurrence):
        start = SOURCE.index(needle, start + 1)
    end = start + len(needle)
    line = SOURCE.count("\n", 0, start) + 1
    return Span(file, line, SOURCE.count("\n", 0, end) + 1, start, end)


def text(needle: str, occurrence: int = 1) -> Text:
    return Text(needle, span(needle, occurrence))


def _amount(role: AmountRole, purpose: Purpose | None, written: str, occurrence: int = 1) -> Amount:
    value = Decimal(written.replace(" ", "").replace(",", "."))
    return Amount(role, purpose, value, f"{written} euro", "", span(written, occurrence))


def _date(day: dt.date, written: str) -> DateMention:
    return DateMention(day, None, DatePrecision.DAY, written, span(written))


def clean_report() -> Report:
    """A report with no contradiction at all."""
    years = (
        ImplementationYear(
            ordinal=1,
            numeral="I",
            period=Period(
                dt.date(2022, 7, 15),
                dt.date(2023, 7, 14),
                "2022.gada 15.jūlijs līdz 2023.gada 14.jūlijs",
                span("2022.gada 15.jūlijs līdz 2023.gada 14.jūlijs"),
            ),
            heading=text("I. ĪSTENOŠANAS GADS"),
            stated=True,
            activities=(
                Activity(
                    year=1,
                    group=ActivityGroup.CIVIL_SOCIETY,
                    position=1,
                    number="1)",
                    text=text("12.10.2022. organizēti 3 forumi, kuros piedalījās vairāk nekā"),
                    indicators=(
                        Indicator(3, Qualifier.EXACT, "forums", "3 forumi", span("3 forumi")),
                        Indicator(
                            670,
                            Qualifier.MORE_THAN,
                            "participants",
                            "vairāk nekā 670 dalībnieki",
                            span("vairāk nekā 670 dalībnieki"),
                        ),
                    ),
                    dates=(_date(dt.date(2022, 10, 12), "12.10.2022."),),
                ),
                Activity(
                    year=1,
                    group=ActivityGroup.MINORITY_CAPACITY,
                    position=1,
                    number="1)",
                    text=text("poļu biedrībai Jelgavā sniegtas vismaz 5 konsultācijas"),
                    indicators=(
                        Indicator(
                            5,
                            Qualifier.AT_LEAST,
                            "consultations",
                            "vismaz 5 konsultācijas",
                            span("vismaz 5 konsultācijas"),
                        ),
                    ),
                    minorities=(Mention("polish", "minority", "poļu", span("poļu")),),
                    places=(Mention("jelgava", "city", "Jelgavā", span("Jelgavā"), "Jelgava"),),
                ),
            ),
        ),
        ImplementationYear(
            ordinal=2,
            numeral="II",
            period=Period(
                dt.date(2023, 7, 15),
                dt.date(2024, 7, 14),
                "2023.gada 15.jūlijs līdz 2024.gada 14.jūlijs",
                span("2023.gada 15.jūlijs līdz 2024.gada 14.jūlijs"),
            ),
            heading=text("II. ĪSTENOŠANAS GADS"),
            stated=True,
            activities=(
                Activity(
                    year=2,
                    group=ActivityGroup.CIVIL_SOCIETY,
                    position=1,
                    number="1)",
                    text=text("sniegtas 62 konsultācijas"),
                    indicators=(
                        Indicator(
                            62,
                            Qualifier.EXACT,
                            "consultations",
                            "62 konsultācijas",
                            span("62 konsultācijas"),
                        ),
                    ),
                ),
            ),
        ),
    )
    cs, mn = Purpose.CIVIL_SOCIETY, Purpose.MINORITY_NGOS
    funding = (
        FundingYear(
            ordinal=1,
            period=Period(
                dt.date(2022, 7, 15),
                dt.date(2023, 7, 14),
                "15.07.2022. – 14.07.2023.",
                span("15.07.2022. – 14.07.2023."),
            ),
            calendar_year=None,
            amounts=(
                _amount(AmountRole.PLANNED, None, "49 000,00"),
                _amount(AmountRole.PLANNED, cs, "30 000,00"),
                _amount(AmountRole.PLANNED, mn, "19 000,00"),
                _amount(AmountRole.ACTUAL, None, "48 000,00"),
                _amount(AmountRole.ACTUAL, cs, "29 000,00"),
                _amount(AmountRole.ACTUAL, mn, "19 000,00", 2),
                _amount(AmountRole.CARRIED_OVER, None, "1 000,00"),
                _amount(AmountRole.CARRIED_OVER, cs, "1 000,00", 2),
            ),
            span=span("15.07.2022. – 14.07.2023. Plānots"),
        ),
        FundingYear(
            ordinal=2,
            period=Period(
                dt.date(2023, 7, 15),
                dt.date(2024, 7, 14),
                "15.07.2023. – 14.07.2024.",
                span("15.07.2023. – 14.07.2024."),
            ),
            calendar_year=None,
            amounts=(
                _amount(AmountRole.PLANNED, None, "49 000,00", 2),
                _amount(AmountRole.ACTUAL, None, "49 000,00", 3),
            ),
            span=span("15.07.2023. – 14.07.2024. Plānots"),
        ),
    )
    return Report(
        file=FILE,
        sha256=hashlib.sha256(SOURCE.encode()).hexdigest(),
        source_text=SOURCE,
        title=text("Kopsavilkums par uzdevumu Zemgales reģionā (2022-2024)"),
        title_years=(2022, 2024),
        task=text("Par uzdevumu Zemgales reģionā"),
        region_in_title=RegionMention("zemgale", "Zemgales reģionā", span("Zemgales reģionā")),
        region_in_task=RegionMention("zemgale", "Zemgales reģionā", span("Zemgales reģionā", 2)),
        implementer=Implementer(
            legal_form=LegalForm.ASSOCIATION,
            legal_form_text="Biedrība",
            name=text("Ābeļu NVO centrs"),
            registration_number=text("40008000001"),
            text=text("Biedrība „Ābeļu NVO centrs”, reģistrācijas Nr.40008000001"),
        ),
        delegation_period=Period(
            dt.date(2022, 7, 15),
            dt.date(2024, 7, 14),
            "2022.gada 15.jūlijs līdz 2024.gada 14.jūlijs",
            span("2022.gada 15.jūlijs līdz 2024.gada 14.jūlijs"),
        ),
        years=years,
        funding=funding,
        irregular_expenditure=Statement(text("Nav"), none=True),
    )


def replace_year(report: Report, ordinal: int, **changes: object) -> Report:
    years = tuple(
        dataclasses.replace(y, **changes) if y.ordinal == ordinal else y for y in report.years
    )
    return dataclasses.replace(report, years=years)


def replace_amounts(report: Report, row: int, *amounts: Amount) -> Report:
    """The report with funding row `row` (1-based) holding `amounts` instead."""
    funding = tuple(
        dataclasses.replace(f, amounts=amounts) if i == row else f
        for i, f in enumerate(report.funding, start=1)
    )
    return dataclasses.replace(report, funding=funding)


def amount(role: AmountRole, purpose: Purpose | None, written: str, occurrence: int = 1) -> Amount:
    return _amount(role, purpose, written, occurrence)


def contradictions() -> dict[str, tuple[Report, set[tuple[str, int]]]]:
    """One report per consistency shape, with the (code, line) results it must give."""
    clean = clean_report()
    cs, mn = Purpose.CIVIL_SOCIETY, Purpose.MINORITY_NGOS
    year1 = clean.years[0]
    assert year1.period is not None
    activity = year1.activities[0]
    early = DateMention(
        dt.date(2022, 2, 9), None, DatePrecision.DAY, "12.10.2022.", span("12.10.2022.")
    )
    planned = (
        amount(AmountRole.PLANNED, None, "49 000,00"),
        amount(AmountRole.PLANNED, cs, "30 000,00"),
        amount(AmountRole.PLANNED, mn, "19 000,00"),
    )
    actual = (
        amount(AmountRole.ACTUAL, None, "48 000,00"),
        amount(AmountRole.ACTUAL, cs, "29 000,00"),
        amount(AmountRole.ACTUAL, mn, "19 000,00", 2),
    )
    carried = amount(AmountRole.CARRIED_OVER, None, "1 000,00")
    return {
        "YearOverlap": (
            replace_year(
                clean, 1, period=dataclasses.replace(year1.period, end=dt.date(2023, 9, 1))
            ),
            {("period.year-overlap", 5)},
        ),
        "YearOutsideDelegation": (
            replace_year(
                clean, 1, period=dataclasses.replace(year1.period, start=dt.date(2022, 1, 1))
            ),
            {("period.year-outside-delegation", 5)},
        ),
        "DateOutsideYear": (
            replace_year(
                clean,
                1,
                activities=(dataclasses.replace(activity, dates=(early,)), *year1.activities[1:]),
            ),
            {("activity.date-outside-year", 6)},
        ),
        "FundingSum": (
            replace_amounts(
                clean, 1, planned[0], planned[1], actual[0], actual[1], actual[2], carried
            ),
            {("funding.sum-mismatch", 11)},
        ),
        "ActualAbovePlanned": (
            replace_amounts(
                clean,
                1,
                *planned,
                actual[0],
                amount(AmountRole.ACTUAL, cs, "49 000,00", 3),
                amount(AmountRole.ACTUAL, mn, "1 000,00", 2),
                carried,
            ),
            {("funding.sum-mismatch", 12), ("funding.actual-above-planned", 14)},
        ),
        "RemainderTotal": (
            replace_amounts(clean, 1, *planned, *actual),
            {("funding.remainder-mismatch", 12)},
        ),
        "RemainderPurpose": (
            replace_amounts(
                clean,
                1,
                *planned,
                *actual,
                carried,
                amount(AmountRole.CARRIED_OVER, mn, "1 000,00", 2),
            ),
            {("funding.remainder-mismatch", 12)},
        ),
        "RegionMismatch": (
            dataclasses.replace(
                clean,
                region_in_task=RegionMention(
                    "kurzeme", "Zemgales reģionā", span("Zemgales reģionā", 2)
                ),
            ),
            {("region.mismatch", 2)},
        ),
        "ImplementerRegistration": (
            dataclasses.replace(
                clean,
                implementer=dataclasses.replace(clean.implementer, registration_number=None),  # type: ignore[arg-type]
            ),
            {("implementer.missing-registration-number", 3)},
        ),
    }


def dump_text(site: Path, syntax: str = "nt") -> str:
    """The text of a built site's dump (published gzip-compressed, perhaps in parts)."""
    files = dump_files(site / "data", syntax)
    assert files, f"{site}: no {syntax} dump"
    return "".join(gzip.decompress(path.read_bytes()).decode("utf-8") for path in files)
