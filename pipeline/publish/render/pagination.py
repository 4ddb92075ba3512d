"""Overview pages that list every report (or implementer) are split into pages of a fixed
number of items, so that an archive of thousands of reports gives pages a browser opens at
once: `doc/quality.html`, then `doc/quality-2.html`, `doc/quality-3.html`, ...

The first page keeps its path, so links to it stay valid; the split is by position in
the page's own order, so the same input always gives the same pages.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypeVar

K = TypeVar("K")
T = TypeVar("T")

#: Items per page, by the page's first path. A listing row is about 1 KB of HTML, a
#: quality group (one report's issues) about 5 KB, an implementer's funding history with
#: its chart about 4 KB: each page stays within a few hundred kilobytes.
PAGE_SIZES = {
    "doc/reports.html": 250,
    "doc/implementers.html": 250,
    "doc/years.html": 250,
    "doc/regions.html": 250,  # delegations, under their regions
    "doc/quality.html": 50,
    "doc/money.html": 50,
    "doc/search.html": 1000,  # names, about 150 bytes each
}


@dataclass(frozen=True, slots=True)
class PageLink:
    number: int
    path: str  # site-root path of the page
    current: bool


@dataclass(frozen=True, slots=True)
class Pager:
    """Where a page is in its series: its number, the links to every page of the series,
    and which of the `total` items it shows (1-based, inclusive)."""

    number: int
    count: int
    path: str
    links: tuple[PageLink, ...]
    first: int
    last: int
    total: int


def page_path(path: str, number: int) -> str:
    """`doc/quality.html` for the first page, `doc/quality-2.html` for the second."""
    return path if number == 1 else f"{path.removesuffix('.html')}-{number}.html"


def paginate(
    items: Sequence[T], path: str, size: int | None = None
) -> list[tuple[Pager, Sequence[T]]]:
    """The pages of `items` under `path`, `size` items each (`PAGE_SIZES[path]` when not
    given); a page with no items is still one page."""
    size = size or PAGE_SIZES[path]
    count = max(1, -(-len(items) // size))
    paths = [page_path(path, n) for n in range(1, count + 1)]
    pages = []
    for number in range(1, count + 1):
        chunk = items[(number - 1) * size : number * size]
        links = tuple(PageLink(n, p, n == number) for n, p in enumerate(paths, start=1))
        first = (number - 1) * size + 1 if chunk else 0
        pager = Pager(
            number,
            count,
            paths[number - 1],
            links,
            first,
            first + len(chunk) - 1 if chunk else 0,
            len(items),
        )
        pages.append((pager, chunk))
    return pages


def paginate_groups(
    groups: Sequence[tuple[K, Sequence[T]]], path: str, size: int | None = None
) -> list[tuple[Pager, tuple[tuple[K, tuple[T, ...]], ...]]]:
    """The pages of the items of `groups` (a key and its items), in order, each page's
    items under their keys; a group split between pages is under its key on each. A group
    without items is shown on the page of the first item after it (or the last page)."""
    size = size or PAGE_SIZES[path]
    flat = [(g, item) for g, (_, items) in enumerate(groups) for item in items]
    pages = paginate(flat, path, size)
    keys = [g for g, _ in flat]  # in order: the first item after a group is found by halving
    empty: dict[int, list[int]] = {}  # page index -> empty groups shown there
    for g, (_, items) in enumerate(groups):
        if not items:
            after = bisect.bisect_right(keys, g)
            page = after // size if after < len(flat) else len(pages) - 1
            empty.setdefault(page, []).append(g)
    out = []
    for n, (pager, chunk) in enumerate(pages):
        shown = sorted({g for g, _ in chunk} | set(empty.get(n, [])))
        regrouped = tuple((groups[g][0], tuple(item for h, item in chunk if h == g)) for g in shown)
        out.append((pager, regrouped))
    return out
