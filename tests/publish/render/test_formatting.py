"""Table-driven checks of the pure pieces: money, numbers, dates, paths and links."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pipeline.publish.render.html import date_en, date_lv, money, number
from pipeline.publish.render.paths import SitePaths, UnsafeIRI, alternate, relative

NB = "\u00a0"
BASE = "https://w3id.org/lodpipe/"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (Decimal("54000"), f"54{NB}000,00{NB}EUR"),
        ("53948.50", f"53{NB}948,50{NB}EUR"),
        (Decimal("0.5"), f"0,50{NB}EUR"),
        (Decimal("999"), f"999,00{NB}EUR"),
        (Decimal("1000"), f"1{NB}000,00{NB}EUR"),
        (Decimal("1234567.891"), f"1{NB}234{NB}567,89{NB}EUR"),
        (Decimal("-1177.33"), f"−1{NB}177,33{NB}EUR"),
        ("0.00", f"0,00{NB}EUR"),
        ("not a number", "not a number"),
        (None, ""),
    ],
)
def test_money(value: object, expected: str) -> None:
    assert money(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (670, "670"),
        ("1234", f"1{NB}234"),
        ("1000000", f"1{NB}000{NB}000"),
        ("2.5", "2,5"),
        ("", ""),
    ],
)
def test_number(value: object, expected: str) -> None:
    assert number(value) == expected


@pytest.mark.parametrize(
    ("value", "lv", "en"),
    [
        ("2022-07-15", "2022. gada 15. jūlijs", "15 July 2022"),
        (dt.date(2023, 1, 1), "2023. gada 1. janvāris", "1 January 2023"),
        ("2024-12-31", "2024. gada 31. decembris", "31 December 2024"),
        ("2024-02-30", "2024-02-30", "2024-02-30"),  # not a date: shown as written
        ("2024", "2024", "2024"),
    ],
)
def test_dates(value: object, lv: str, en: str) -> None:
    assert date_lv(value) == lv
    assert date_en(value) == en


@pytest.mark.parametrize(
    ("iri", "path"),
    [
        (f"{BASE}id/report/000-f25f", "id/report/000-f25f.html"),
        (f"{BASE}id/report/000-f25f#year-1-cs-2", "id/report/000-f25f.html"),
        (f"{BASE}source/000-f25f#L12", "source/000-f25f.html"),
        (f"{BASE}id/organisation/lv-re-40008000001", "id/organisation/lv-re-40008000001.html"),
        ("https://w3id.org/lodpipe/def/region#latgale", "def/region.html"),
    ],
)
def test_page_paths(iri: str, path: str) -> None:
    assert SitePaths(BASE).page(iri) == path


@pytest.mark.parametrize(
    "iri",
    [
        f"{BASE}id/report/../../etc/passwd",
        f"{BASE}id/report/<script>",
        f"{BASE}id/report/a b",
        f"{BASE}id/report/Ābeļu",
        f"{BASE}id/report/x.y",
        f"{BASE}id/report/",
        f"{BASE}id/report/x/",
        f"{BASE}id/report/-x",
        f"{BASE}static/site",  # not a folder data IRIs live in
        f"{BASE}id/report/%2e%2e",
        "https://example.org/id/report/x",
    ],
)
def test_hostile_iris_get_no_file(iri: str) -> None:
    with pytest.raises(UnsafeIRI):
        SitePaths(BASE).page(iri)


@pytest.mark.parametrize(
    "iri",
    [
        f'{BASE}id/report/x#a"b',
        f"{BASE}id/report/x#<i>",
        f"{BASE}id/report/x#a b",
        f"{BASE}source/x#char=1,2x",
        f"{BASE}source/x#char=1",
        f'{BASE}source/x#char=1,2"',
    ],
)
def test_hostile_fragments_refused(iri: str) -> None:
    with pytest.raises(UnsafeIRI):
        SitePaths(BASE).fragment(iri)


def test_a_passage_of_a_source_text_is_an_element_id() -> None:
    assert SitePaths(BASE).fragment(f"{BASE}source/x#char=10827,10893") == "char=10827,10893"


def test_base_with_hash_is_refused() -> None:
    with pytest.raises(ValueError):
        SitePaths("https://example.org/data#")


@pytest.mark.parametrize(
    ("start", "target", "link"),
    [
        ("id/report/a.html", "source/a.html#L3", "../../source/a.html#L3"),
        ("id/report/a.html", "id/report/a.html#year-1", "#year-1"),
        ("id/report/a.html", "id/report/a.html", "a.html"),
        ("index.html", "doc/money.html", "doc/money.html"),
        ("doc/money.html", "index.html", "../index.html"),
        ("doc/money.html", "static/site.css", "../static/site.css"),
        ("id/place/riga.html", "id/report/b.html", "../report/b.html"),
    ],
)
def test_relative_links(start: str, target: str, link: str) -> None:
    assert relative(start, target) == link


def test_alternate() -> None:
    assert alternate("id/report/a.html", "ttl") == "id/report/a.ttl"
