"""The reader's pages show the figures a person reads in the reports (reports/*.txt)."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest

from pipeline.model import Indicator, Mention, Qualifier, Text
from pipeline.publish.build import build_site
from pipeline.publish.render.deliveries import combined
from pipeline.publish.render.paths import SitePaths
from pipeline.publish.render.reader import reader_view
from pipeline.publish.render.views import Terms
from pipeline.settings import Settings
from tests.conftest import FIXTURES
from tests.sample import clean_report

NBSP = "\u00a0"
EXTENDED = FIXTURES / "reports" / "unseen" / "riga_extension_period_moved_forum.txt"


def page(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def text(html: str) -> str:
    """The page's words, tags removed, spaces as written (no-break spaces kept)."""
    return re.sub(r"[ \t\r\n]+", " ", re.sub(r"<[^>]+>", " ", html))


def report_page(site: Path, prefix: str) -> str:
    return next((site / "id" / "report").glob(f"{prefix}-*.html")).read_text(encoding="utf-8")


def test_report_summary_card(site: Path) -> None:
    html = report_page(site, "000")
    card = text(html[html.index('class="card summary"') : html.index('class="toc"')])
    # 000 line 11: Biedrība „Dienvidlatgales NVO atbalsta centrs”, reģistrācijas Nr.40008055327
    assert "Dienvidlatgales NVO atbalsta centrs" in card and "40008055327" in card
    assert "biedrība" in card and "Latgales plānošanas reģions" in card
    # lines 61-65: 54 000,00 planned each year; 51 553,00 + 52 223,18 + 53 948,50 spent;
    # 51,50 returned to the ministry
    assert f"162{NBSP}000,00{NBSP}EUR" in card
    assert f"157{NBSP}724,68{NBSP}EUR" in card
    assert f"97,4{NBSP}%" in card
    assert f"51,50{NBSP}EUR" in card
    # line 24: "kuros piedalījās vairāk nekā 670 dalībnieki": the sum keeps "more than"
    assert "vairāk nekā" in card and "more than" in card


def test_the_reader_comes_before_the_data(site: Path) -> None:
    html = report_page(site, "000")
    first_euro = html.index(f"{NBSP}EUR")
    assert first_euro < html.index('id="data"') < html.index('id="year-1"')
    assert html.index('id="y1-h"') < html.index('id="data"')
    # each year says what was done, with the counted quantities highlighted
    assert '<mark class="qty" id="year-1-cs-1-indicator-4">257 dalībnieki</mark>' in html


def test_activities_and_their_quantities_are_the_anchors_of_their_iris(site: Path) -> None:
    # 000 line 13, year I, civil society: "1) organizēti 3 forumi, 4 fokusgrupu diskusijas
    # (… kopā rīkotas 8 aktivitātes); kopā piedalījās 257 dalībnieki; 2) organizēti
    # 6 pasākumi … (Papildus Daugavpilī, Līvānos, Ludzā un Rēzeknes novadā …"
    html = report_page(site, "000")
    first = html[html.index('<li id="year-1-cs-1">') : html.index('<li id="year-1-cs-2">')]
    marks = re.findall(r'<mark class="qty" id="([^"]+)">([^<]+)</mark>', first)
    assert marks == [
        ("year-1-cs-1-indicator-1", "3 forumi"),
        ("year-1-cs-1-indicator-2", "4 fokusgrupu diskusijas"),
        ("year-1-cs-1-indicator-3", "8 aktivitātes"),
        ("year-1-cs-1-indicator-4", "257 dalībnieki"),
    ]
    second = html[html.index('<li id="year-1-cs-2">') : html.index('<li id="year-1-cs-3">')]
    places = re.findall(r'<a href="\.\./place/([a-z-]+)\.html" lang="lv">([^<]+)</a>', second)
    assert places == [
        ("daugavpils", "Daugavpils"),
        ("livani", "Līvāni"),
        ("ludza", "Ludza"),
        ("rezekne-novads", "Rēzeknes novads"),
    ]
    # shown once: the reader holds the anchors, the full data no table of them again
    assert html.count('id="year-1-cs-1"') == 1 and 'id="activities-h"' not in html


def test_issues_are_shown_beside_what_they_concern(site: Path) -> None:
    # 000 line 26: year II ends after year III starts, found by the parser and SHACL
    html = report_page(site, "000")
    year = html[html.index('id="y2-h"') : html.index('id="y3-h"')]
    assert "period.year-overlap" in year and "SHACL" in year
    assert re.search(r'class="src" href="\.\./\.\./source/000-[0-9a-f]+\.html#L26"', year)


def test_calendar_year_amounts_are_labelled_and_counted(site: Path) -> None:
    # 001 line 12: 19 999,36 for calendar year 2020, not said planned or spent
    card = text(report_page(site, "001"))
    assert "2020: norādīts par kalendāra gadu" in card
    assert f"19{NBSP}999,36{NBSP}EUR" in card
    implementer = text(page(site, "id/organisation/lv-re-40008055327.html"))
    assert f"19{NBSP}999,36{NBSP}EUR" in implementer and f"162{NBSP}000,00{NBSP}EUR" in implementer


def test_home_dashboard(site: Path) -> None:
    home = page(site, "index.html")
    rows = re.findall(r"<tr><th scope=\"row\">(.*?)</tr>", home)
    latgale = text(next(r for r in rows if "Latgales plānošanas reģions" in r))
    # 000 (162 000,00 planned) and 001 (19 999,36 per calendar year) are Latgale's
    assert f"162{NBSP}000,00{NBSP}EUR" in latgale and f"19{NBSP}999,36{NBSP}EUR" in latgale
    vidzeme = text(next(r for r in rows if "Vidzemes plānošanas reģions" in r))
    assert "—" in vidzeme  # no report: shown, not left out
    assert '<meta name="description"' in home and 'property="og:title"' in home
    # download sizes for readers ("2,4 MB"), not raw bytes
    assert not re.search(r"\d B<", home) and re.search(r"\d\u00a0(kB|MB)<", home)


def test_qualifiers_of_a_sum() -> None:
    exact, more, least, about = (q.value for q in Qualifier)
    assert combined([exact, exact]) == exact
    assert combined([exact, more]) == more
    assert combined([more, least]) == least
    assert combined([exact, about]) == about


def test_home_lists_the_dataset_downloads_and_counts_each_reports_own(site: Path) -> None:
    home = page(site, "index.html")
    downloads = home[home.index('id="downloads-h"') : home.index('id="cite-h"')]
    links = re.findall(r'<li><a href="([^"]+)"', downloads)
    assert "data/dataset.nt.gz" in links and "data/activities.csv" in links
    assert not [link for link in links if link.startswith("source/")]
    # the five bundled reports: a source text each, linked from its own page
    texts = sorted(p.name for p in (site / "source").glob("*.txt"))
    assert len(texts) == 5
    said = text(downloads[downloads.index('id="report-files"') :])
    assert "5 faili files" in said and "all reports" in said
    source_page = page(site, f"source/{texts[0].removesuffix('.txt')}.html")
    assert f'href="{texts[0]}"' in source_page


def test_a_quantity_not_found_in_order_in_the_text_keeps_its_anchor() -> None:
    report = clean_report()
    year = report.years[0]
    first = year.activities[0]
    said = "organizēti 3 forumi, kuros piedalījās 40 dalībnieki"
    forums, people = (
        Indicator(3, Qualifier.EXACT, "forums", "3 forumi", first.text.span),
        Indicator(40, Qualifier.EXACT, "participants", "40 dalībnieki", first.text.span),
    )
    # the quantities in the opposite order of the text: the second is not found after the
    # first, and is shown apart rather than losing its anchor
    activity = replace(first, text=Text(said, first.text.span), indicators=(people, forums))
    report = replace(report, years=(replace(year, activities=(activity,)), *report.years[1:]))
    terms = Terms((), SitePaths("https://w3id.org/lodpipe/"), set())
    card = reader_view(terms, report, (), None, None).years[0].groups[0][1][0]
    assert card.id == "year-1-cs-1"
    marked = [(p.id, p.text) for p in card.pieces if p.quantity]
    assert marked == [("year-1-cs-1-indicator-1", "40 dalībnieki")]
    assert [(p.id, p.text) for p in card.unplaced] == [("year-1-cs-1-indicator-2", "3 forumi")]
    assert "".join(p.text for p in card.pieces) == said  # the text is kept whole


def test_an_activitys_places_are_listed_once_by_name() -> None:
    report = clean_report()
    year = report.years[0]
    first = year.activities[0]
    span = first.text.span
    named = (
        Mention("augsdaugava", "city", "Augšdaugavas", span, "Augšdaugavas novads"),
        Mention("daugavpils", "city", "Daugavpilī", span, "Daugavpils"),
        # "Augšdaugavas novadā": the same municipality under the IRI of the kind written
        Mention("augsdaugava", "municipality", "Augšdaugavas", span, "Augšdaugavas novads"),
    )
    activity = replace(first, places=named)
    report = replace(report, years=(replace(year, activities=(activity,)), *report.years[1:]))
    terms = Terms((), SitePaths("https://w3id.org/lodpipe/"), set())
    links = {"augsdaugava": "id/place/augsdaugava.html", "daugavpils": "id/place/daugavpils.html"}
    card = (
        reader_view(terms, report, (), None, None, lambda place: links[place.key])
        .years[0]
        .groups[0][1][0]
    )
    assert [(p.name, p.href) for p in card.places] == [
        ("Augšdaugavas novads", "id/place/augsdaugava.html"),
        ("Daugavpils", "id/place/daugavpils.html"),
    ]


@pytest.fixture(scope="module")
def extended_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A report whose delegation was extended by a period of its own and which states its
    contract's totals (tests/fixtures/reports/unseen/riga_extension_period_moved_forum.txt)."""
    out = tmp_path_factory.mktemp("extended") / "_site"
    result = build_site([EXTENDED], Settings(out_dir=out), names=[EXTENDED.name])
    assert result.exit_code == 0
    return out


def test_an_extension_and_the_contract_totals_have_places_of_their_own(
    extended_site: Path,
) -> None:
    html = next((extended_site / "id" / "report").glob("*.html")).read_text(encoding="utf-8")
    card = html[html.index('class="card summary"') : html.index('class="toc"')]
    words = text(card)
    # line 8: "… pagarināts līdz 2026.gada 31.martam bez papildu finansējuma"
    assert "Pagarināts līdz" in words and "Extended until" in words
    assert '<time datetime="2026-03-31">' in card
    assert re.search(r'Extended until.*?href="[^"]*#L8"', card, re.S)
    # line 25: "Kopējais līguma finansējums: plānots 100 000,00 euro; faktiski izlietoti
    # 99 880,00 euro; atgriezti 120,00 euro."
    for label, amount in (
        ("contract total planned", f"100{NBSP}000,00{NBSP}EUR"),
        ("contract total spent", f"99{NBSP}880,00{NBSP}EUR"),
        ("contract total returned", f"120,00{NBSP}EUR"),
    ):
        assert re.search(rf"{label}\s*</span></dt><dd><span class=\"figure\">{amount}", card)
    assert card.count('href="../../source/') >= 4 and "#L25" in card
    # line 21: "PAGARINĀJUMA PERIODS (2026.gada 1.janvāris līdz 2026.gada 31.marts)"
    third = text(html[html.index('id="y3-h"') : html.index("</h2>", html.index('id="y3-h"'))])
    assert "pagarinājums" in third and "extension" in third
    second = text(html[html.index('id="y2-h"') : html.index("</h2>", html.index('id="y2-h"'))])
    assert "Implementation year 2" in second


def test_a_report_without_an_extension_shows_none(site: Path) -> None:
    card = report_page(site, "000")
    card = card[card.index('class="card summary"') : card.index('class="toc"')]
    assert "Extended until" not in card and "contract total" not in card
