"""Latvian numbers, amounts and dates in every form the reports use."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from pipeline.model import DatePrecision
from pipeline.parse.headings import YEAR_HEADING
from pipeline.parse.latvian import (
    MONEY,
    find_dates,
    find_period,
    is_money,
    number_in_words,
    parse_amount,
    parse_date,
)

D = dt.date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("54 000,00", Decimal("54000.00")),
        ("53 948, 50", Decimal("53948.50")),  # a stray space after the decimal comma
        ("1 040,13", Decimal("1040.13")),
        ("1342,50", Decimal("1342.50")),
        ("51,50", Decimal("51.50")),
        ("19 999,36", Decimal("19999.36")),
        ("5000", Decimal("5000")),
        ("1\u00a0177,33", Decimal("1177.33")),  # no-break space as thousands separator
        ("54\u202f000,00", Decimal("54000.00")),  # narrow no-break space
        ("30.000,00", Decimal("30000.00")),  # dots between thousands, decimal comma
        ("12500.00", Decimal("12500.00")),  # decimal point
        ("12 500", Decimal("12500")),
    ],
)
def test_parse_amount(text: str, expected: Decimal) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize("text", ["", "abc", "12,3", "1.000", "1.000,0", "12,345", "15.07.2022"])
def test_parse_amount_rejects(text: str) -> None:
    with pytest.raises(ValueError):
        parse_amount(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2022.gada 15.jūlijs", D(2022, 7, 15)),
        ("2025.gada 14.jūlijs", D(2025, 7, 14)),
        ("2022. gada 28. februārī", D(2022, 2, 28)),
        ("2025. gada 28. februārī", D(2025, 2, 28)),
        ("2022. gada 28. oktobrī", D(2022, 10, 28)),
        ("15.07.2022.", D(2022, 7, 15)),
        ("15.07.2022", D(2022, 7, 15)),
        ("20.10.2020.", D(2020, 10, 20)),
        ("10.01.21.", D(2021, 1, 10)),  # two-digit year
        ("1.decembrī 2023", None),  # day without the year in front: not a date form here
    ],
)
def test_parse_date(text: str, expected: dt.date | None) -> None:
    if expected is None:
        with pytest.raises(ValueError):
            parse_date(text)
    else:
        assert parse_date(text) == expected


@pytest.mark.parametrize(
    ("text", "start", "end", "precision"),
    [
        ("no 19.-23.12.20. noorganizēti", D(2020, 12, 19), D(2020, 12, 23), DatePrecision.DAY),
        ("LPA 2023. gada martā aicināja", D(2023, 3, 1), None, DatePrecision.MONTH),
        ("Pēc 2024. g. martā rīkotajām", D(2024, 3, 1), None, DatePrecision.MONTH),
        ("līdz 2025.gada jūlijam", D(2025, 7, 1), None, DatePrecision.MONTH),
    ],
)
def test_find_dates_ranges_and_months(
    text: str, start: dt.date, end: dt.date | None, precision: DatePrecision
) -> None:
    [found] = find_dates(text)
    assert (found.start, found.end, found.precision) == (start, end, precision)


@pytest.mark.parametrize(
    "text",
    [
        "1015.gada Ivana Ļvova izdevums",  # a year, not a date
        "“Ebreju Daugavpils 1900.-1960.”",
        "(366. lpp, krievu valodā)",
        "stratēģija 2024.-2037.",
        "no plkst. 10:00 līdz 13:00",
        "06. un 19.12 sadarbībā",  # day and month without a year are not taken as dates
        "31.02.2024.",  # no such day
    ],
)
def test_not_dates(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2022.gada 15.jūlijs līdz 2025.gada 14.jūlijs", D(2022, 7, 15), D(2025, 7, 14)),
        ("20.10.2020. – 20.01.2021.", D(2020, 10, 20), D(2021, 1, 20)),
        ("15.07.2023. – 14.07.2024.", D(2023, 7, 15), D(2024, 7, 14)),
        ("15.07.2022.-14.07.2023.", D(2022, 7, 15), D(2023, 7, 14)),
    ],
)
def test_find_period(text: str, start: dt.date, end: dt.date) -> None:
    found = find_period(text)
    assert found is not None
    assert (found.start, found.end) == (start, end)


def test_find_period_needs_two_dates_joined() -> None:
    assert find_period("15.07.2022. un vēl 14.07.2023.") is None


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2019.gada 1.jūlijs", D(2019, 7, 1), None),
        ("2019. gada 1. jūlijā", D(2019, 7, 1), None),
        ("2019. g. 1. jūlijam", D(2019, 7, 1), None),
        ("01.07.2019.", D(2019, 7, 1), None),
        ("1.7.2019", D(2019, 7, 1), None),
        ("10.01.21.", D(2021, 1, 10), None),  # two-digit year
        ("20.-22.08.21.", D(2021, 8, 20), D(2021, 8, 22)),
        ("20.–22.08.2021.", D(2021, 8, 20), D(2021, 8, 22)),
        ("2019. gada 6.–10. decembrī", D(2019, 12, 6), D(2019, 12, 10)),
        ("2020. gada 5. Decembrī", D(2020, 12, 5), None),  # a capital in the month
    ],
)
def test_date_forms(text: str, start: dt.date, end: dt.date | None) -> None:
    [found] = find_dates(text)
    assert (found.start, found.end, found.precision) == (start, end, DatePrecision.DAY)


@pytest.mark.parametrize("text", ["6.–10. decembrī", "16. un 23.10", "no 1. jūlija"])
def test_dates_without_a_year_are_not_guessed(text: str) -> None:
    assert find_dates(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "01.07.2020.—30.06.2021.",  # em dash
        "01.07.2020.\u201130.06.2021.",  # non-breaking hyphen
        "01.07.2020. – 30.06.2021.",
        "1.7.2020 - 30.6.2021",
        "2020. gada 1. jūlijs līdz 2021. gada 30. jūnijs",
        "2020.gada 1.jūlijā – 2021.gada 30.jūnijā",
    ],
)
def test_period_forms(text: str) -> None:
    found = find_period(text)
    assert found is not None and (found.start, found.end) == (D(2020, 7, 1), D(2021, 6, 30))


@pytest.mark.parametrize(
    ("text", "numeral", "period"),
    [
        ("II ĪSTENOŠANAS GADS (2023.gada 15.jūlijs līdz 2024.gada 14.jūlijs)", "II", True),
        ("II. īstenošanas gads", "II", False),
        ("ii. īstenošanas gads – 01.07.2024.–30.06.2025.", "ii", True),
        ("III. ĪSTENOŠANAS GADS:\n01.07.2024. - 30.06.2025.", "III", True),
        ("I.ĪSTENOŠANAS GADS—01.07.2023.—30.06.2024.", "I", True),
        ("IV. Īstenošanas Gads\n(01.07.2025. līdz 30.06.2026.)", "IV", True),
    ],
)
def test_year_heading_forms(text: str, numeral: str, period: bool) -> None:
    m = re.search(YEAR_HEADING, text)
    assert m is not None and m.group("numeral") == numeral
    written = m.group("range") or m.group("bare")
    assert (written is not None and find_period(written) is not None) is period


@pytest.mark.parametrize(
    "text", ["atlikums no II. īstenošanas gada", "īstenošanas gadā", "Pirmais īstenošanas gads"]
)
def test_not_year_headings(text: str) -> None:
    assert re.search(YEAR_HEADING, text) is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("Plānots 25000.00 EUR", Decimal("25000.00")),
        ("30.000,00 eiro", Decimal("30000.00")),
        ("12 500 €", Decimal("12500")),
        ("54\u202f000,00", Decimal("54000.00")),  # no currency: grouped, so money
        ("10.00 EUR", Decimal("10.00")),
    ],
)
def test_money_in_text(text: str, value: Decimal) -> None:
    [m] = [m for m in re.finditer(MONEY, text, re.I) if is_money(m)]
    assert parse_amount(m.group("amount")) == value


@pytest.mark.parametrize("text", ["2020. gads", "3 semināri", "15.07.2022.", "20.-22.08.21."])
def test_not_money(text: str) -> None:
    assert not [m for m in re.finditer(MONEY, text, re.I) if is_money(m)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("divas", 2),
        ("trīs", 3),
        ("trijām", 3),
        ("desmit", 10),
        ("divpadsmit", 12),
        ("Deviņpadsmit", 19),
        ("divdesmit pieci", 25),
        ("simt divdesmit", 120),
        ("divsimt piecdesmit trīs", 253),
        # not one number in words
        ("vien", None),  # "only"
        ("desmit viens", None),  # eleven is "vienpadsmit"
        ("viendesmit", None),
        ("pieci divdesmit", None),
        ("divpadsmit trīs", None),
        ("semināri", None),
        ("", None),
    ],
)
def test_number_in_words(text: str, expected: int | None) -> None:
    assert number_in_words(text) == expected
