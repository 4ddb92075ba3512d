"""The static site: one page per IRI (with .ttl and .jsonld beside it), overview pages,
search, 404 and the accessibility statement, written into a given folder.

`render_site` writes only inside `out_dir`, each file once, with no timestamps, so the same
input gives byte-identical files. It never reads the clock and never fetches anything.
"""

from __future__ import annotations

import functools
import hashlib
import json
import os
import pickle
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from jinja2 import Environment
from rdflib import BNode, URIRef

from pipeline import __version__
from pipeline.publish import pickling
from pipeline.publish.answers import Answered
from pipeline.publish.render.context import (
    Download,
    PageInputs,
    SiteContext,
    SiteInput,
    build_context,
    read_turtle,
)
from pipeline.publish.render.dashboard import Dashboard, dashboard
from pipeline.publish.render.html import STATIC, environment
from pipeline.publish.render.listings import LISTINGS, listing
from pipeline.publish.render.pages_overview import (
    OVERVIEWS,
    SearchView,
    home_view,
    money_view,
    quality_view,
    search_entries,
)
from pipeline.publish.render.pages_resource import (
    organisation_view,
    place_view,
    report_view,
    resource_view,
)
from pipeline.publish.render.pages_source import source_view
from pipeline.publish.render.pages_vocab import vocabulary_view
from pipeline.publish.render.pagination import PAGE_SIZES, Pager, paginate, paginate_groups
from pipeline.publish.render.paths import UnsafeIRI, alternate
from pipeline.publish.render.queries import answer_queries
from pipeline.publish.render.search import search_json
from pipeline.publish.render.summary import page_summary
from pipeline.publish.render.views import Alternate, Label, Page
from pipeline.rdf.serialise import (
    PAGE_ALTERNATES,
    named_iris,
    script_json,
    serialise,
    sorted_triples,
)

_VIEWS: dict[str, Any] = {
    "report": report_view,
    "organisation": organisation_view,
    "source": source_view,
    "vocabulary": vocabulary_view,
    "shapes": vocabulary_view,
    "scheme": vocabulary_view,
    "resource": resource_view,
    "place": place_view,
}


@dataclass(frozen=True, slots=True)
class NotFound:
    """The 404 page is served at any path, so it links home by the base IRI and carries
    its script inline."""

    base_iri: str
    script: str


class PageCache(Protocol):
    """Rendered pages kept between builds, by a digest of everything they are made from."""

    def recall(
        self, key: str, out_dir: Path, names: Sequence[str] | None = None
    ) -> tuple[str, ...] | None:
        """Put the files kept under `key` (`names`, when the caller knows them) into
        `out_dir`; their names, or None."""

    def remember(self, key: str, files: Mapping[str, bytes]) -> None: ...


class _Writer:
    """Writes files under one folder, each at most once, never outside it."""

    def __init__(self, root: Path) -> None:
        self.root = root.resolve()
        self.written: list[Path] = []
        self._seen: set[str] = set()
        self._root = os.fspath(self.root)
        self._inside = os.path.join(self._root, "")
        self._folders: dict[str, str] = {}  # as given -> resolved

    def claim(self, path: str) -> str:
        """The file `path` names under the folder, resolved; each path once."""
        # Thousands of files share a few folders: each folder is resolved once, and only
        # the file itself is looked at again (a link there would be written through).
        # Strings, not paths: a rebuild claims tens of thousands of names.
        folder, _, name = path.rpartition("/")
        parent = self._folders.get(folder)
        if parent is None:
            parent = self._folders[folder] = os.path.realpath(os.path.join(self._root, folder))
        target = os.path.join(parent, name)
        if name in ("", ".", "..") or os.path.islink(target):
            target = os.path.realpath(target)
        if not target.startswith(self._inside) or path in self._seen:
            raise UnsafeIRI(f"refusing to write {path!r}")
        self._seen.add(path)
        return target

    def write(self, path: str, data: bytes | str) -> None:
        target = Path(self.claim(path))
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
        self.written.append(target)


def render_site(
    site: SiteInput,
    out_dir: Path,
    pages: PageCache | None = None,
    answers: Callable[[], Sequence[Answered]] | None = None,
) -> tuple[Path, ...]:
    """Render every page into `out_dir`; returns the files written, sorted.

    With `pages`, a page whose view (and, for a resource page, slice of the data) is that
    of a page kept there is linked from it rather than rendered and serialised again.

    The queries page shows the questions of queries/ with their `answers` (called when the
    page is made, so they may be worked out meanwhile), or else answers them over the data
    files already in `out_dir` (the dump, vocabulary and validation results); without
    those files it is not made.

    Raises `UnsafeIRI` when an IRI in our namespace is not a minted key (no file is named
    after anything else) or when one IRI is the path prefix of another.
    """
    ctx = build_context(site)
    env = _environment()
    out = _Writer(out_dir)
    for doc, path in ctx.pages.items():
        if doc not in site.documents:
            _resource_page(ctx, env, out, doc, path, pages)
    _overview_pages(ctx, env, out, answers, pages)
    for asset in sorted(STATIC.rglob("*")):
        if asset.is_file():
            out.write(f"static/{asset.relative_to(STATIC).as_posix()}", asset.read_bytes())
    return tuple(sorted(out.written, key=_parts))


def _parts(path: Path) -> tuple[str, ...]:
    # The order of paths, compared as tuples of strings rather than by `Path.__lt__`.
    return path.parts


def render_documents(site: SiteInput, out_dir: Path, wanted: Callable[[str], bool]) -> list[str]:
    """Render only the resource pages (with their alternates) of the documents `wanted`
    selects: one report's own pages, rendered by the worker that read the report. Returns
    the files written, relative to `out_dir`."""
    ctx = build_context(site)
    env = _environment()
    out = _Writer(out_dir)
    for doc, path in ctx.pages.items():
        if wanted(doc):
            _resource_page(ctx, env, out, doc, path)
    return sorted(p.relative_to(out.root).as_posix() for p in out.written)


@functools.cache
def _environment() -> Environment:
    # One per process: compiling the templates for every report took longer than
    # rendering its pages. (Jinja looks whether a template's file changed each time it
    # hands it out, so one process may build many times.)
    return environment()


def prepare_templates() -> None:
    """Compile every template now rather than when a page first needs it."""
    env = _environment()
    for name in env.list_templates(extensions=["html"]):
        env.get_template(name)


def _resource_page(
    ctx: SiteContext,
    env: Environment,
    out: _Writer,
    doc: str,
    path: str,
    pages: PageCache | None = None,
) -> None:
    kind = ctx.kind(doc)
    title = ctx.terms.label(doc)
    alternates = tuple(
        Alternate(alternate(path, f.extension), f.media_type, f.name) for f in PAGE_ALTERNATES
    )
    page = Page(
        path=path,
        kind=kind,
        title=title,
        iri=doc,
        alternates=alternates,
        jsonld=page_summary(doc, kind, title, alternates, ctx.paths.base, ctx.dataset_iri),
        build_date=ctx.build_date,
        version=__version__,
    )
    names = (path, *(a.href for a in alternates))
    key = _input_key(ctx, page, doc) if pages is not None and kind in _DRAWN else None
    if pages is not None and key is not None and _recalled(out, pages, key, names):
        return
    vocabulary = ctx.is_vocabulary(doc)
    view = _VIEWS[kind](ctx, doc)
    if pages is not None and key is None and vocabulary:
        # A vocabulary page's slice is read from ontology/ and shapes/, which the code
        # version in every key covers: no need to make it (its blank nodes are labelled by
        # canonicalising the slice, the dearest part of the page) to know the page.
        key = _page_key(page, view, ())
        if key is not None and _recalled(out, pages, key, names):
            return
    slicer = ctx.vocabulary_slices if vocabulary else ctx.data_slices
    triples = sorted_triples([slicer.concise(doc)], blank_nodes=True)
    if pages is not None and key is None:
        key = _page_key(page, view, triples)
        if key is not None and _recalled(out, pages, key, names):
            return
    iris = named_iris(triples)  # once for both syntaxes, not once per prefix check
    files = {
        alternate(path, f.extension): serialise(triples, f.extension, document=doc, iris=iris)
        for f in PAGE_ALTERNATES
    }
    html = env.get_template(f"{kind}.html").render(page=page, view=view, nav=NAV)
    files[path] = html.encode("utf-8")
    if pages is None or key is None:
        for name in names:
            out.write(name, files[name])
    else:
        _keep(out, pages, key, files)


#: Pages whose view is made from their slice, the reports it names, what reports share and
#: the vocabulary (see `PageInputs`). A vocabulary page counts every report's uses.
_DRAWN = frozenset({"organisation", "place", "resource"})


def _input_key(ctx: SiteContext, page: Page, doc: str) -> str | None:
    """A digest of what an organisation's or a place's page is drawn from (`PageInputs`),
    made without its view: after one report changed, most such pages are recalled for
    the price of their slice. None where the build gave no inputs, for the vocabulary's
    pages, and for a slice reaching blank nodes."""
    inputs = ctx.site.inputs
    if inputs is None or ctx.is_vocabulary(doc):
        return None
    slicer = ctx.data_slices
    triples = slicer.own(doc) | slicer.inbound(doc)
    lines, named = [], set()
    for triple in triples:
        for term in triple:
            if isinstance(term, BNode):
                return None
            if isinstance(term, URIRef):
                report = inputs.reports.get(str(term).partition("#")[0])
                if report is not None:
                    named.add(report)
        lines.append(" ".join(term.n3() for term in triple))
    settings = ctx.site.settings
    digest = hashlib.sha256(b"page inputs\0" + pickling.dumps(page))
    for part in (settings.base_iri, settings.site_url or "", inputs.shared, *sorted(named)):
        digest.update(part.encode("utf-8") + b"\0")
    for line in sorted(lines):
        digest.update(line.encode("utf-8") + b"\n")
    return digest.hexdigest()


def _recalled(out: _Writer, pages: PageCache, key: str, names: Sequence[str]) -> bool:
    """Whether the page kept under `key` was linked in; its `names` are claimed either
    way (`_keep` writes them when it was not)."""
    for name in names:
        out.claim(name)
    if pages.recall(key, out.root, names) is None:
        return False
    out.written += [out.root / name for name in names]
    return True


def _keep(out: _Writer, pages: PageCache, key: str, files: Mapping[str, bytes]) -> None:
    """Write a page's files, claimed by `_recalled`, and keep them under `key`."""
    for name, data in files.items():
        target = out.root / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.unlink(missing_ok=True)  # never write through a link into the cache
        target.write_bytes(data)
        out.written.append(target)
    pages.remember(key, files)


def _page_key(page: Page, view: object, triples: Sequence[Any]) -> str | None:
    """A digest of what a page is rendered from (the code is in every cache key); None
    when the view cannot be pickled, and the page is then rendered every time."""
    try:
        made_of = pickling.dumps((page, view))
    except (pickle.PicklingError, TypeError, AttributeError):
        return None
    digest = hashlib.sha256(b"page\0" + made_of)
    for triple in triples:
        digest.update(str(triple).encode("utf-8") + b"\n")
    return digest.hexdigest()


QUERIES_TITLE = Label("Vaicājumi", "Queries")

NAV = (
    ("index.html", Label("Sākums", "Home")),
    *LISTINGS[:3],
    *OVERVIEWS,
    ("doc/queries.html", QUERIES_TITLE),
    ("doc/vocabulary.html", Label("Vārdnīca", "Vocabulary")),
)


def _overview_pages(
    ctx: SiteContext,
    env: Environment,
    out: _Writer,
    answers: Callable[[], Sequence[Answered]] | None = None,
    pages: PageCache | None = None,
) -> None:
    def render(path: str, template: str, title: Label, view: object, jsonld: str = "") -> None:
        page = Page(
            path=path,
            kind=template.removesuffix(".html"),
            title=title,
            jsonld=jsonld,
            build_date=ctx.build_date,
            version=__version__,
        )
        # Most pages of a listing are the same after one report changed: kept in the
        # page cache, they are linked rather than rendered again.
        key = _page_key(page, (template, view), []) if pages is not None else None
        if pages is not None and key is not None and _recalled(out, pages, key, (path,)):
            return
        html = env.get_template(template).render(page=page, view=view, nav=NAV).encode("utf-8")
        if pages is None or key is None:
            out.write(path, html)
        else:
            _keep(out, pages, key, {path: html})

    # Each overview's view is made, rendered and let go in a function of its own: held
    # together until the queries page, they were 11 of the main process's 148 MiB at its
    # peak (traced, 1,000 reports).
    board = dashboard(ctx)  # the home and money pages show it
    _home_pages(ctx, board, render)
    _money_pages(ctx, board, render)
    del board
    _listing_pages(ctx, render)
    _quality_pages(ctx, render)
    out.write("search.json", search_json(_search_pages(ctx, render)))
    render(
        "doc/accessibility.html",
        "accessibility.html",
        Label("Piekļūstamības paziņojums", "Accessibility statement"),
        None,
    )
    script = (STATIC / "search.js").read_text(encoding="utf-8")
    not_found = NotFound(ctx.paths.base, script)
    render("404.html", "404.html", Label("Lapa nav atrasta", "Page not found"), not_found)
    # Last: the queries may still be being answered.
    if (out.root / "data").is_dir():
        results = answers() if answers is not None else None
        questions = answer_queries(out.root, ctx.terms, results=results)
        # The page shows the first rows; its view (pickled for its key in the page cache)
        # leaves out the CSV files, megabytes for an archive, written beside it.
        page_view = tuple(replace(answer, table=b"") for answer in questions)
        render("doc/queries.html", "queries.html", QUERIES_TITLE, page_view)
        for answer in questions:
            out.write(answer.file, answer.sparql)
            if answer.csv:
                out.write(answer.csv, answer.table)


class _Render(Protocol):
    def __call__(
        self, path: str, template: str, title: Label, view: object, jsonld: str = ""
    ) -> None: ...


def _home_pages(ctx: SiteContext, board: Dashboard, render: _Render) -> None:
    dataset = ctx.site.dataset_jsonld
    home = home_view(ctx, board)
    render(
        "index.html",
        "index.html",
        Label("Deleģēto uzdevumu kopsavilkumi", "Delegated task reports"),
        home,
        script_json(json.dumps(dataset, ensure_ascii=False, sort_keys=True).encode())
        if dataset
        else "",
    )
    render(
        "doc/vocabulary.html",
        "vocabularies.html",
        Label("Vārdnīca un formas", "Vocabulary and shapes"),
        home,
    )


def _listing_pages(ctx: SiteContext, render: _Render) -> None:
    # A listing of every report, implementer or year is split into pages of a few hundred
    # items (pagination.PAGE_SIZES): thousands of reports made pages of megabytes.
    for path, title in LISTINGS:
        whole = listing(ctx, path)
        if path not in PAGE_SIZES:
            render(path, "listing.html", title, whole)
            continue
        if whole.regions:
            # the delegations are split; the table of regions is on the first page
            for pager, regions in paginate_groups(whole.regions, path):
                table = whole.rows if pager.number == 1 else ()
                shown = replace(whole, rows=table, regions=regions, pager=pager)
                render(pager.path, "listing.html", _numbered(title, pager), shown)
            continue
        for pager, rows in paginate(whole.rows, path):
            render(
                pager.path,
                "listing.html",
                _numbered(title, pager),
                replace(whole, rows=tuple(rows), pager=pager),
            )


def _money_pages(ctx: SiteContext, board: Dashboard, render: _Render) -> None:
    money = money_view(ctx, board)
    paired = list(zip(money.by_implementer, money.implementers, strict=True))
    for pager, pairs in paginate(paired, "doc/money.html"):
        part = replace(
            money,
            by_implementer=tuple(row for row, _ in pairs),
            implementers=tuple(block for _, block in pairs),
            pager=pager,
        )
        render(pager.path, "money.html", _numbered(OVERVIEWS[0][1], pager), part)


def _quality_pages(ctx: SiteContext, render: _Render) -> None:
    quality = quality_view(ctx)
    for pager, groups in paginate(quality.groups, "doc/quality.html"):
        issues = replace(quality, groups=tuple(groups), pager=pager)
        render(pager.path, "quality.html", _numbered(OVERVIEWS[1][1], pager), issues)


def _search_pages(ctx: SiteContext, render: _Render) -> tuple[tuple[str, str, str], ...]:
    """The search pages; returns their entries, which `search.json` holds too."""
    entries = search_entries(ctx)
    for pager, chunk in paginate(entries, "doc/search.html"):
        names = SearchView(tuple(chunk), len(entries), pager)
        render(pager.path, "search.html", _numbered(Label("Meklēt", "Search"), pager), names)
    return entries


def _numbered(title: Label, pager: Pager) -> Label:
    """A page's title, with its number after the first page (titles tell pages apart)."""
    if pager.number == 1:
        return title
    return Label(f"{title.lv}, {pager.number}. lapa", f"{title.en}, page {pager.number}")


__all__ = [
    "Download",
    "PageInputs",
    "SiteInput",
    "UnsafeIRI",
    "read_turtle",
    "render_documents",
    "render_site",
]
