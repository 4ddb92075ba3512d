"""View models of the overview pages: home, listings, money, data quality, search. Read
from the published graph (and the parser's findings); every list sorted here."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from rdflib import URIRef

from pipeline.publish.render.charts import Chart, Group, bar_chart
from pipeline.publish.render.context import Download, SiteContext
from pipeline.publish.render.dashboard import Dashboard, sums
from pipeline.publish.render.dashboard import MoneyRow as DashRow
from pipeline.publish.render.listings import LISTINGS, report_iris
from pipeline.publish.render.money import Cell, table
from pipeline.publish.render.pages_resource import SERIES
from pipeline.publish.render.pagination import Pager
from pipeline.publish.render.problems import merge, severity_label
from pipeline.publish.render.views import Label, Source, Value, natural_key
from pipeline.rdf.iris import report_key
from pipeline.rdf.namespaces import LP, RDF, VOCAB_ROOT
from pipeline.settings import of_one_report

OVERVIEWS = (
    ("doc/money.html", Label("Finansējums", "Money")),
    ("doc/quality.html", Label("Datu kvalitāte", "Data quality")),
)


@dataclass(frozen=True, slots=True)
class Count:
    label: Label
    value: int
    href: str


@dataclass(frozen=True, slots=True)
class HomeView:
    counts: tuple[Count, ...]
    downloads: tuple[Download, ...]  # the whole dataset's
    report_files: int  # downloads of one report each (source texts, originals)
    base_iri: str
    listings: tuple[tuple[str, Label], ...]
    vocabularies: tuple[Value, ...]
    example_report: str
    dashboard: Dashboard


@dataclass(frozen=True, slots=True)
class MoneyRow:
    region: Value | None
    year: str
    sums: tuple[Decimal | None, ...]


@dataclass(frozen=True, slots=True)
class ChartBlock:
    heading: Value
    chart: Chart
    rows: tuple[MoneyRow, ...]


@dataclass(frozen=True, slots=True)
class MoneyView:
    columns: tuple[Label, ...]
    by_region: tuple[DashRow, ...]
    # Each implementer's sums, in the order of `implementers` (one row each); the pages
    # split both together, so no page lists every implementer of the archive.
    by_implementer: tuple[DashRow, ...]
    largest: tuple[DashRow, ...]  # the implementers planned the most money, most first
    chart: Chart
    roles: tuple[Label, ...]
    rows: tuple[MoneyRow, ...]
    regions: tuple[ChartBlock, ...]
    implementers: tuple[ChartBlock, ...]
    pager: Pager | None = None  # where `implementers` are among all of them


@dataclass(frozen=True, slots=True)
class IssueView:
    code: str
    checks: tuple[str, ...]  # "parser", "shacl"
    found_by: Label
    severity: Label
    message: Label
    source: Source | None
    resource: Value | None


@dataclass(frozen=True, slots=True)
class QualityGroup:
    report: Value
    issues: tuple[IssueView, ...]


@dataclass(frozen=True, slots=True)
class QualityView:
    groups: tuple[QualityGroup, ...]
    total: int  # distinct issues
    both: int  # found by the parser and by SHACL
    findings: int  # parser findings and SHACL results before merging
    pager: Pager | None = None  # where `groups` are among all reports' groups


def home_view(ctx: SiteContext, board: Dashboard) -> HomeView:
    data = ctx.data
    reports = report_iris(ctx)

    def count(cls: URIRef) -> int:
        return len(set(data.subjects(RDF.type, cls)))

    findings = sum(len(r.findings) for r in ctx.records)
    counts = (
        Count(Label("kopsavilkumi", "reports"), len(reports), "doc/reports.html"),
        Count(
            Label("īstenotāji", "implementers"),
            len(set(data.objects(None, LP.implementer))),
            "doc/implementers.html",
        ),
        Count(
            Label("īstenošanas gadi", "implementation years"),
            count(LP.ImplementationYear),
            "doc/years.html",
        ),
        Count(
            Label("darbības", "activities"),
            sum(t.activities for t in ctx.tallies.values()),
            "doc/reports.html",
        ),
        Count(
            Label("rādītāji", "indicator values"),
            sum(n for t in ctx.tallies.values() for _, n, _ in t.kinds),
            "doc/indicator-kinds.html",
        ),
        Count(
            Label("summas", "amounts"),
            sum(t.amounts for t in ctx.tallies.values()),
            "doc/money.html",
        ),
        Count(Label("konstatējumi", "findings"), findings, "doc/quality.html"),
        Count(Label("trijnieki", "triples"), ctx.triples, "doc/quality.html"),
    )
    vocabularies = tuple(
        ctx.terms.value(URIRef(doc)) for doc in sorted(ctx.pages) if doc.startswith(VOCAB_ROOT)
    )
    return HomeView(
        counts=counts,
        # Each report's own files are on its page: listed here they were most of the home
        # page of an archive (1,000 links for 1,000 reports).
        downloads=tuple(
            sorted((d for d in ctx.site.downloads if not of_one_report(d.path)), key=_path)
        ),
        report_files=sum(of_one_report(d.path) for d in ctx.site.downloads),
        base_iri=ctx.paths.base,
        listings=(*LISTINGS, *OVERVIEWS),
        vocabularies=vocabularies,
        example_report=str(reports[0]) if reports else ctx.paths.base,
        dashboard=board,
    )


def _path(download: Download) -> str:
    return download.path


def money_view(ctx: SiteContext, board: Dashboard) -> MoneyView:
    items = ctx.totals
    terms = ctx.terms

    def rows(cells: tuple[Cell, ...]) -> tuple[MoneyRow, ...]:
        return tuple(
            MoneyRow(terms.value(URIRef(c.region)) if c.region else None, str(c.year or ""), c.sums)
            for c in cells
        )

    def block(n: int, heading: Value, subset: tuple[MoneyRow, ...]) -> ChartBlock:
        groups = tuple(Group(r.year or "?", r.sums) for r in subset)
        chart = bar_chart(
            f"chart-{n}",
            f"{heading.text}: plānots, faktiski, pārcelts, atgriezts, atlikums bez norādes, norādīts",
            SERIES,
            groups,
        )
        return ChartBlock(heading, chart, subset)

    all_rows = rows(table(items, by_region=True))
    regions = []
    for n, region in enumerate(
        sorted({r.region.href or "" for r in all_rows if r.region}), start=1
    ):
        subset = tuple(r for r in all_rows if r.region and (r.region.href or "") == region)
        regions.append(block(n, subset[0].region or Value(region), subset))
    implementers = []
    by_implementer = []
    orgs = sorted(
        {i.implementer for i in items if i.implementer},
        key=lambda o: (terms.label(o).lv.casefold(), o),
    )
    for n, org in enumerate(orgs, start=len(regions) + 1):
        # Each implementer's own totals, looked up: filtering every total for every
        # implementer grew with the square of the archive.
        mine = ctx.totals_by_implementer[org]
        heading = terms.value(URIRef(org))
        implementers.append(block(n, heading, rows(table(mine, by_region=False))))
        by_implementer.append(
            DashRow(heading, sums(mine), len(ctx.reports_by_implementer.get(org, ())))
        )
    return MoneyView(
        columns=board.money_columns,
        by_region=board.by_region,
        by_implementer=tuple(by_implementer),
        largest=largest(by_implementer),
        chart=board.chart,
        roles=tuple(Label(s.name_lv, s.name_en) for s in SERIES),
        rows=all_rows,
        regions=tuple(regions),
        implementers=tuple(implementers),
    )


#: How many implementers the money page's first page ranks by the money planned for them.
LARGEST = 10


def largest(rows: list[DashRow]) -> tuple[DashRow, ...]:
    """The LARGEST rows by money planned, then spent (in the order of MONEY); ties by name.
    An implementer with no money planned is not among them."""

    def order(row: DashRow) -> tuple[Decimal, Decimal, str, str]:
        planned, spent = (x if x is not None else Decimal(0) for x in row.sums[:2])
        return (-planned, -spent, row.heading.text.casefold(), row.heading.href or "")

    planned = [row for row in rows if row.sums[0]]
    return tuple(sorted(planned, key=order)[:LARGEST])


def quality_view(ctx: SiteContext) -> QualityView:
    terms = ctx.terms
    problems = [f for r in ctx.records for f in r.findings]
    problems += [p for v in ctx.site.validations for p in v.problems]
    groups: dict[str, list[IssueView]] = defaultdict(list)
    for issue in merge(problems):
        key = _key(issue.file or "")
        groups[key].append(
            IssueView(
                issue.code,
                tuple(c.value for c in issue.checks),
                issue.found_by,
                severity_label(issue.severity.value),
                issue.message,
                _source(ctx, key, issue.line),
                terms.value(URIRef(issue.focus)) if issue.focus else None,
            )
        )
    out = []
    for key in sorted(groups):
        report = URIRef(f"{ctx.paths.base}id/report/{key}")
        heading = terms.value(report) if str(report) in ctx.pages else Value(key, None)
        out.append(QualityGroup(heading, tuple(groups[key])))
    issues = [i for g in out for i in g.issues]
    return QualityView(
        tuple(out), len(issues), sum(len(i.checks) > 1 for i in issues), len(problems)
    )


def _key(file: str) -> str:
    try:
        return report_key(file)
    except ValueError:
        return "unknown"


def _source(ctx: SiteContext, key: str, line: int | None) -> Source | None:
    source = f"{ctx.paths.base}source/{key}"
    if line is None or source not in ctx.pages:
        return None
    return Source(line, line, f"{ctx.pages[source]}#L{line}")


@dataclass(frozen=True, slots=True)
class SearchView:
    """One page of the names (`search_entries`); `total` names in all."""

    entries: tuple[tuple[str, str, str], ...]
    total: int
    pager: Pager | None = None


def search_entries(ctx: SiteContext) -> tuple[tuple[str, str, str], ...]:
    """(Latvian label, English label, site path) of every page and every labelled term,
    sorted; the search page lists them all, and search.json holds the same."""
    entries = set()
    for doc, path in ctx.pages.items():
        label = ctx.terms.label(doc)
        entries.add((label.lv, label.en, path))
    for s in set(ctx.vocabulary.subjects()) | set(ctx.data.subjects(RDF.type, LP.DelegatedTask)):
        iri = str(s)
        if (
            isinstance(s, URIRef)
            and ctx.paths.document(iri) in ctx.pages
            and ctx.terms.has_label(iri)
        ):
            label = ctx.terms.label(iri)
            entries.add((label.lv, label.en, ctx.terms.href(iri)))
    return tuple(sorted(entries, key=lambda e: (e[0].casefold(), natural_key(e[2]))))
