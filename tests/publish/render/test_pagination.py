"""Overview pages that list every report are split into pages: each item on exactly one
page, in the order of the whole list, and every page reachable from every other."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from urllib.parse import quote

import pytest

from pipeline.publish.render import pagination
from pipeline.publish.render.pagination import page_path, paginate
from tests.conftest import REPORTS


def test_paginate_splits_in_order_with_the_first_page_at_the_old_path() -> None:
    pages = paginate(list("abcde"), "doc/x.html", 2)
    assert [list(items) for _, items in pages] == [["a", "b"], ["c", "d"], ["e"]]
    assert [p.path for p, _ in pages] == ["doc/x.html", "doc/x-2.html", "doc/x-3.html"]
    second = pages[1][0]
    assert (second.number, second.count, second.first, second.last, second.total) == (2, 3, 3, 4, 5)
    assert [link.current for link in second.links] == [False, True, False]
    assert len(paginate(list("abcd"), "doc/x.html", 2)) == 2  # no empty last page
    ((only, items),) = paginate([], "doc/x.html", 2)
    assert (only.count, only.first, only.last, only.total, list(items)) == (1, 0, 0, 0, [])
    assert page_path("doc/quality.html", 1) == "doc/quality.html"


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bundled reports built with two items per page (one implementer per money page)."""
    from pipeline.publish.build import build_site
    from pipeline.settings import Settings

    sizes = {path: 2 for path in pagination.PAGE_SIZES} | {"doc/money.html": 1}
    patch = pytest.MonkeyPatch()
    patch.setattr(pagination, "PAGE_SIZES", sizes)
    try:
        out = tmp_path_factory.mktemp("split") / "_site"
        files = sorted(REPORTS.glob("*.txt"))
        names = [f"reports/{p.name}" for p in files]
        build_site(files, Settings(out_dir=out, jobs=1), names=names)
    finally:
        patch.undo()
    return out


def _series(site: Path, path: str) -> list[str]:
    """The pages of a series, in order."""
    first = site / path
    pages = [first.read_text(encoding="utf-8")]
    n = 2
    while (following := site / pagination.page_path(path, n)).exists():
        pages.append(following.read_text(encoding="utf-8"))
        n += 1
    return pages


def _rows(html: str) -> list[str]:
    body = html.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return re.findall(r"<tr>.*?</tr>", body)


@pytest.mark.parametrize("path", ["doc/reports.html", "doc/implementers.html", "doc/years.html"])
def test_a_listing_is_the_whole_listing_page_by_page(
    built_site: Path, split_site: Path, path: str
) -> None:
    whole = _rows((built_site / path).read_text(encoding="utf-8"))
    pages = _series(split_site, path)
    assert len(pages) == -(-len(whole) // 2) > 1
    assert [row for page in pages for row in _rows(page)] == whole
    for page in pages:  # each says how many there are in all, not on the page
        caption = page.split("<caption", 1)[1].split("</caption>", 1)[0]
        assert f'<span class="num">{len(whole)}</span>' in caption


def _headings(html: str, tag: str, start: str) -> list[str]:
    part = html[html.index(start) :]
    return re.findall(rf"<{tag}[^>]*>(.*?)</{tag}>", part)


def test_quality_and_money_are_whole_page_by_page(built_site: Path, split_site: Path) -> None:
    quality = (built_site / "doc" / "quality.html").read_text(encoding="utf-8")
    groups = _headings(quality, "h2", '<section aria-labelledby="q-1"')
    pages = _series(split_site, "doc/quality.html")
    assert len(pages) == -(-len(groups) // 2) > 1
    assert [
        g for p in pages for g in _headings(p, "h2", '<section aria-labelledby="q-1"')
    ] == groups
    money = (built_site / "doc" / "money.html").read_text(encoding="utf-8")
    implementers = _headings(money, "h3", 'id="implementers-h"')
    pages = _series(split_site, "doc/money.html")
    assert len(pages) == len(implementers) > 1
    assert [h for p in pages for h in _headings(p, "h3", 'id="implementers-h"')] == implementers
    # the totals by region and year are on the first page only
    assert 'id="regions-h"' in pages[0] and not any('id="regions-h"' in p for p in pages[1:])
    # the table of every implementer's money is split with their histories: each page
    # has the rows of the implementers whose histories it shows, and no page has them all
    whole = _table(money, 'id="by-implementer-h"')
    assert len(whole) == len(implementers)
    assert [row for p in pages for row in _table(p, 'id="by-implementer-h"')] == whole
    for page in pages:
        names = [re.sub("<[^>]+>", "", h) for h in _headings(page, "h3", 'id="implementers-h"')]
        rows = [
            re.sub("<[^>]+>", "", r.split("</th>")[0])
            for r in _table(page, 'id="by-implementer-h"')
        ]
        assert rows == names and len(rows) == 1


def _table(html: str, start: str) -> list[str]:
    """The body rows of the first table after `start`."""
    part = html[html.index(start) :]
    return _rows(part)


def _amount(cell: str) -> float:
    text = re.sub("<[^>]+>", "", cell).replace("\u00a0", "").replace(" ", "").replace(",", ".")
    text = text.removesuffix("EUR")
    return float(text) if text not in ("—", "") else 0.0


def test_the_money_page_ranks_the_largest_recipients_by_money_planned(built_site: Path) -> None:
    """Read from the built page: the largest recipients are the implementers with the most
    money planned, most first, and each row is the same as that implementer's row in the
    table of every implementer."""
    money = (built_site / "doc" / "money.html").read_text(encoding="utf-8")
    every = _table(money, 'id="by-implementer-h"')
    largest = _table(money, 'id="largest-h"')
    assert len(largest) == min(10, len(every)) > 1
    assert set(largest) <= set(every)

    def planned(row: str) -> float:
        return _amount(re.findall(r"<td[^>]*>(.*?)</td>", row)[0])

    ranked = sorted(every, key=planned, reverse=True)
    assert [planned(r) for r in largest] == [planned(r) for r in ranked[: len(largest)]]
    assert planned(largest[0]) > planned(largest[-1])


def test_every_page_of_a_series_links_every_other_and_has_its_own_title(split_site: Path) -> None:
    for path in pagination.PAGE_SIZES:
        pages = _series(split_site, path)
        titles = [re.search(r"<title>(.*?)</title>", p).group(1) for p in pages]  # type: ignore[union-attr]
        assert len(set(titles)) == len(pages), path
        for number, page in enumerate(pages, start=1):
            pager = page.split('<nav class="pager"', 1)[1].split("</nav>", 1)[0]
            links = re.findall(r'<a href="([^"]+)"( aria-current="page")?>(\d+)</a>', pager)
            assert [int(n) for _, _, n in links] == list(range(1, len(pages) + 1))
            assert [n for _, current, n in links if current] == [str(number)]
            here = split_site / page_path(path, number)
            for href, _, _ in links:
                assert (here.parent / href).resolve().is_file(), href
    sitemap = (split_site / "sitemap.xml").read_text(encoding="utf-8")
    assert "doc/quality-2</loc>" in sitemap and "doc/money-2</loc>" in sitemap


def test_a_short_list_is_one_page_without_a_pager(built_site: Path) -> None:
    for path in pagination.PAGE_SIZES:
        assert '<nav class="pager"' not in (built_site / path).read_text(encoding="utf-8")
        assert not (built_site / page_path(path, 2)).exists()


@pytest.mark.browser
def test_later_pages_are_valid_html(split_site: Path) -> None:
    from tests.site.test_html_validity import check

    pages = [split_site / page_path(path, 2) for path in pagination.PAGE_SIZES]
    status, errors = check(pages)
    assert not errors, "\n".join(errors)
    assert status == 0


def test_groups_are_split_by_their_items_and_an_empty_group_keeps_its_place() -> None:
    groups = [("A", ["a1"]), ("B", []), ("C", ["c1", "c2", "c3"]), ("D", [])]
    pages = pagination.paginate_groups(groups, "doc/x.html", 2)
    assert [shown for _, shown in pages] == [
        (("A", ("a1",)), ("B", ()), ("C", ("c1",))),
        (("C", ("c2", "c3")), ("D", ())),
    ]
    assert [(p.first, p.last, p.total) for p, _ in pages] == [(1, 2, 4), (3, 4, 4)]
    # an empty group after a full page goes with the item after it
    pages = pagination.paginate_groups([("A", [1, 2]), ("B", []), ("C", [3])], "doc/x.html", 2)
    assert [shown for _, shown in pages] == [(("A", (1, 2)),), (("B", ()), ("C", (3,)))]
    ((_, shown),) = pagination.paginate_groups([("A", []), ("B", [])], "doc/x.html", 2)
    assert shown == (("A", ()), ("B", ()))


def _regions(html: str) -> list[tuple[str, list[str]]]:
    """Each region's heading with the report links of its delegations, in page order."""
    sections = re.findall(r'<section aria-labelledby="region-\d+-h">(.*?)</section>', html, re.S)
    out = []
    for section in sections:
        heading = re.search(r"<h2[^>]*>(.*?)</h2>", section, re.S)
        assert heading is not None
        out.append((heading.group(1), re.findall(r'href="[^"]*id/report/([^"#]+)"', section)))
    return out


def test_the_regions_page_is_every_delegation_page_by_page(
    built_site: Path, split_site: Path
) -> None:
    whole = _regions((built_site / "doc" / "regions.html").read_text(encoding="utf-8"))
    delegations = [d for _, reports in whole for d in reports]
    pages = _series(split_site, "doc/regions.html")
    assert len(pages) == -(-len(delegations) // 2) > 1
    split = [_regions(page) for page in pages]
    assert [d for page in split for _, reports in page for d in reports] == delegations
    # every region is shown, and a region split between pages is under its heading on each
    assert [h for h, _ in whole] == list(dict.fromkeys(h for page in split for h, _ in page))
    for page in split:
        for heading, reports in page:
            assert set(reports) <= set(dict(whole)[heading])
    # the table of regions is on the first page only
    assert "<table>" in pages[0].split('<section aria-labelledby="region-1-h">')[0]
    assert all(
        "<table>" not in page.split('<section aria-labelledby="region-')[0] for page in pages[1:]
    )


def _entries(html: str) -> list[str]:
    body = html.split('<ul id="search-results" class="results">', 1)[1].split("</ul>", 1)[0]
    return re.findall(r'<span lang="lv">(.*?)</span>', body)


def test_the_search_page_lists_every_name_page_by_page(built_site: Path, split_site: Path) -> None:
    whole = _entries((built_site / "doc" / "search.html").read_text(encoding="utf-8"))
    pages = _series(split_site, "doc/search.html")
    assert len(pages) == -(-len(whole) // 2) > 1
    assert [e for page in pages for e in _entries(page)] == whole
    index = json.loads((split_site / "search.json").read_text(encoding="utf-8"))
    assert [html.escape(e["lv"], quote=False) for e in index] == whole
    # a page of several tells the script where every name is
    assert all('data-index="../search.json"' in page for page in pages)
    assert "data-index" not in (built_site / "doc" / "search.html").read_text(encoding="utf-8")


@pytest.mark.browser
def test_a_search_on_one_page_finds_names_on_every_page(
    split_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """In Chromium: a search from the first page of names finds a name listed only on
    the last page, and the pager, which no longer applies, is hidden."""
    import threading

    from pipeline.research.serve import make_server
    from tests.site import tools
    from tests.site.test_browser import run_walk

    last = _entries(_series(split_site, "doc/search.html")[-1])[-1]
    query = html.unescape(last).split()[0]
    server = make_server(split_site, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        steps = [
            {"name": "first", "goto": "/doc/search"},
            {"name": "search", "goto": "/doc/search?q=" + quote(query)},
        ]
        work = tmp_path_factory.mktemp("search")
        first, found = run_walk(server.url, steps, work, tools.ARTEFACTS / "search")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert len(first["results"]) == 2 and first["pagerShown"]
    assert html.unescape(last) in [r["text"] for r in found["results"]], found["errors"]
    assert not found["pagerShown"] and not found["errors"]
    index = json.loads((split_site / "search.json").read_text(encoding="utf-8"))
    expected = {server.url + "/" + e["href"] for e in index if e["lv"] == html.unescape(last)}
    assert expected & {r["href"] for r in found["results"]}
