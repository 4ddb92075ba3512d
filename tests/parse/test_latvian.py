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
        ("48 215 ,60", Decimal("48215.60")),  # a stray space before it, as a copied table has it
        ("1342 ,50", Decimal("1342.50")),
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
        ("30 000.00", Decimal("30000.00")),  # spaced thousands, decimal point
        ("49\u00a0000.00", Decimal("49000.00")),
        ("1 234 567.89", Decimal("1234567.89")),
    ],
)
def test_parse_amount(text: str, expected: Decimal) -> None:
    assert parse_amount(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "",
        "abc",
        "12,3",
        "1.000",
        "1.000,0",
        "12,345",
        "15.07.2022",
        "2022. 15",  # a year, then a day: no space may follow a decimal point
        "30 000. 00",
        "30 000.5",
        "30 000.000",
        "1 000.07.2023",
        "30 000,00.50",
    ],
)
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


@pytest.mark.parametrize(
    ("text", "start", "end"),
    [
        ("2022. g. 15. jūl.", D(2022, 7, 15), None),
        ("2022. g. 15. jūl", D(2022, 7, 15), None),  # no dot after the month
        ("2022.g.15.jūl.", D(2022, 7, 15), None),
        ("2022. G. 15. JŪL.", D(2022, 7, 15), None),
        ("forums notika 2023. g. 22. apr. Ogrē", D(2023, 4, 22), None),
        ("2021. g. 3. janv.", D(2021, 1, 3), None),
        ("2021. g. 4. jan.", D(2021, 1, 4), None),
        ("2021. g. 28. febr.", D(2021, 2, 28), None),
        ("2021. g. 27. Feb", D(2021, 2, 27), None),
        ("2021. g. 1. mar.", D(2021, 3, 1), None),
        ("2021. g. 5. marts", D(2021, 3, 5), None),
        ("2021. g. 15. marta", D(2021, 3, 15), None),  # a full name is read as before
        ("2021. gada 6. maijs", D(2021, 5, 6), None),
        ("2021. g. 30. jūn.", D(2021, 6, 30), None),
        ("2021. g. 9. aug.", D(2021, 8, 9), None),
        ("2021. g. 1. sept.", D(2021, 9, 1), None),
        ("2021. g. 2. sep", D(2021, 9, 2), None),
        ("2021. g. 12. okt.", D(2021, 10, 12), None),
        ("2021. g. 11. nov.", D(2021, 11, 11), None),
        ("2021. g. 24. dec.", D(2021, 12, 24), None),
        ("2019. gada 6.–10. dec.", D(2019, 12, 6), D(2019, 12, 10)),
    ],
)
def test_abbreviated_months(text: str, start: dt.date, end: dt.date | None) -> None:
    [found] = find_dates(text)
    assert (found.start, found.end, found.precision) == (start, end, DatePrecision.DAY)


@pytest.mark.parametrize(
    "text",
    [
        "2023. g. 5. augstskolā",  # "aug" begins a word: no month
        "2023. g. 5. decimālzīmes",
        "2022. g. 15. punktā",
        "2022. g. 15",
        "2022. g. jūl.",  # an abbreviation needs a day before it
        "15. jūl. 2022",  # and a year in front
        "15. jūl.",
        "2022. g. 31. febr.",  # no such day
    ],
)
def test_abbreviations_only_between_a_year_and_a_day(text: str) -> None:
    assert find_dates(text) == []


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
        "2020. g. 1. jūl. – 2021. g. 30. jūn.",
        "(2020. g. 1. jūl. – 2021. g. 30. jūn.)",
        "2020. g. 1. jūl līdz 2021. g. 30. jūn",
        "2020. G. 1. JŪL. — 2021. G. 30. JŪN.",
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
        ("II. ĪSTENOŠANAS GADS (2023. g. 1. jūl. – 2024. g. 14. jūl.)", "II", True),
        ("I. ĪSTENOŠANAS GADS – 2022. g. 15. jūl. – 2023. g. 14. jūl.", "I", True),
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


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("EUR 30 000.00", [("30 000.00", "30000.00")]),
        ("30 000.00 EUR", [("30 000.00", "30000.00")]),
        ("49\u00a0000.00", [("49\u00a0000.00", "49000.00")]),  # no currency: grouped, so money
        (
            "Plānots EUR 49 000.00, t.sk. EUR 30 000.00 pilsoniskās sabiedrības attīstībai",
            [("49 000.00", "49000.00"), ("30 000.00", "30000.00")],
        ),
        ("Faktiski EUR 48 500.00.", [("48 500.00", "48500.00")]),  # the sentence's full stop
        ("2023. g. 1. jūl. izlietoti 1 040,13 euro", [("1 040,13", "1040.13")]),
        (
            "54 000,00 un 30.000,00 un 12500.00 un 53 948, 50",
            [
                ("54 000,00", "54000.00"),
                ("30.000,00", "30000.00"),
                ("12500.00", "12500.00"),
                ("53 948, 50", "53948.50"),
            ],
        ),
    ],
)
def test_every_money_in_text(text: str, found: list[tuple[str, str]]) -> None:
    read = [m for m in re.finditer(MONEY, text, re.I) if is_money(m)]
    assert [(m.group("amount"), str(parse_amount(m.group("amount")))) for m in read] == found


@pytest.mark.parametrize(
    "text",
    [
        "2020. gads",
        "3 semināri",
        "15.07.2022.",
        "20.-22.08.21.",
        "2022. 15",
        "2022. g. 15. jūl. – 2024. g. 14. jūl.",
        "Reģ. Nr. 40008345672",
        "EUR 30 000.5",  # a point decimal of one digit: no part of it is read
        "EUR 1 000 000.5",
        "30 000.001",
        "2 015.07.2022.",
    ],
)
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
