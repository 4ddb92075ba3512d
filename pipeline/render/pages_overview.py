"""View models of the overview pages: home, listings, money, data quality, search. Read
from the published graph (and the parser's findings); every list sorted here."""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass
from decimal import Decimal

from rdflib import Literal, URIRef
from rdflib.term import Node

from pipeline.rdf.iris import report_key
from pipeline.rdf.namespaces import DCAT, DCTERMS, LP, RDF, ROV, SCHEMA, SCHEMES, SKOS, VOCAB_ROOT
from pipeline.render.charts import Chart, Group, bar_chart
from pipeline.render.context import Download, SiteContext
from pipeline.render.money import Cell, table, totals
from pipeline.render.pages_resource import SERIES, severity_label
from pipeline.render.views import Label, Source, Value, natural_key, sorted_by_iri

#: The listing pages: file, title. Overview pages live under doc/, outside every IRI path.
LISTINGS = (
    ("doc/reports.html", Label("Kopsavilkumi", "Reports")),
    ("doc/implementers.html", Label("Īstenotāji", "Implementers")),
    ("doc/regions.html", Label("Reģioni", "Regions")),
    ("doc/years.html", Label("Īstenošanas gadi", "Implementation years")),
    ("doc/indicator-kinds.html", Label("Rādītāju veidi", "Indicator kinds")),
    ("doc/schemes.html", Label("Klasifikatori", "Concept schemes")),
)
OVERVIEWS = (
    ("doc/money.html", Label("Finansējums", "Money")),
    ("doc/quality.html", Label("Datu kvalitāte", "Data quality")),
)


@dataclass(frozen=True, slots=True)
class Listing:
    title: Label
    intro: Label
    columns: tuple[Label, ...]
    rows: tuple[tuple[Value, ...], ...]


@dataclass(frozen=True, slots=True)
class Count:
    label: Label
    value: int
    href: str


@dataclass(frozen=True, slots=True)
class HomeView:
    counts: tuple[Count, ...]
    downloads: tuple[Download, ...]
    base_iri: str
    listings: tuple[tuple[str, Label], ...]
    vocabularies: tuple[Value, ...]
    example_report: str


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
    roles: tuple[Label, ...]
    rows: tuple[MoneyRow, ...]
    regions: tuple[ChartBlock, ...]
    implementers: tuple[ChartBlock, ...]


@dataclass(frozen=True, slots=True)
class Problem:
    origin: str  # "parser" or "shacl"
    code: str
    severity: Label
    message: Label
    source: Source | None
    resource: Value | None


@dataclass(frozen=True, slots=True)
class QualityGroup:
    report: Value
    problems: tuple[Problem, ...]


@dataclass(frozen=True, slots=True)
class QualityView:
    groups: tuple[QualityGroup, ...]
    total: int


def _money(amount: Decimal | None) -> Value:
    return Value("" if amount is None else str(amount), None, kind="money")


def _count(n: int) -> Value:
    return Value(str(n), None, kind="number")


def _reports(ctx: SiteContext) -> list[URIRef]:
    return sorted_by_iri(ctx.data.subjects(RDF.type, LP.DelegationReport))


def home_view(ctx: SiteContext) -> HomeView:
    data = ctx.data
    reports = _reports(ctx)

    def count(cls: URIRef) -> int:
        return len(set(data.subjects(RDF.type, cls)))

    findings = sum(len(p.findings) for p in ctx.site.parsed)
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
        Count(Label("darbības", "activities"), count(LP.ReportedActivity), "doc/reports.html"),
        Count(
            Label("rādītāji", "indicator values"),
            count(LP.IndicatorValue),
            "doc/indicator-kinds.html",
        ),
        Count(Label("summas", "amounts"), count(LP.FundingAmount), "doc/money.html"),
        Count(Label("konstatējumi", "findings"), findings, "doc/quality.html"),
        Count(Label("trijnieki", "triples"), len(data), "doc/quality.html"),
    )
    vocabularies = tuple(
        ctx.terms.value(URIRef(doc)) for doc in sorted(ctx.pages) if doc.startswith(VOCAB_ROOT)
    )
    return HomeView(
        counts=counts,
        downloads=tuple(sorted(ctx.site.downloads, key=lambda d: d.path)),
        base_iri=ctx.paths.base,
        listings=(*LISTINGS, *OVERVIEWS),
        vocabularies=vocabularies,
        example_report=str(reports[0]) if reports else ctx.paths.base,
    )


def listing(ctx: SiteContext, path: str) -> Listing:
    builders = {
        "doc/reports.html": _reports_listing,
        "doc/implementers.html": _implementers_listing,
        "doc/regions.html": _regions_listing,
        "doc/years.html": _years_listing,
        "doc/indicator-kinds.html": _indicators_listing,
        "doc/schemes.html": _schemes_listing,
    }
    return builders[path](ctx)


def _sums(ctx: SiteContext) -> dict[str, dict[str, Decimal]]:
    """Planned and actual totals per report IRI."""
    out: dict[str, dict[str, Decimal]] = defaultdict(dict)
    for item in totals(ctx.data):
        out[item.report][item.role] = out[item.report].get(item.role, Decimal(0)) + item.amount
    return out


def _activities(ctx: SiteContext, report: URIRef) -> int:
    return sum(
        1
        for s in ctx.data.subjects(RDF.type, LP.ReportedActivity)
        if str(s).startswith(f"{report}#")
    )


def _reports_listing(ctx: SiteContext) -> Listing:
    data, terms, sums = ctx.data, ctx.terms, _sums(ctx)
    rows = []
    for report in _reports(ctx):
        agreement = data.value(report, LP.reportsOn)
        period = data.value(agreement, DCTERMS.temporal) if agreement is not None else None
        implementer = data.value(agreement, LP.implementer) if agreement is not None else None
        region = data.value(report, DCTERMS.spatial)
        rows.append(
            (
                terms.value(report),
                terms.value(region) if region is not None else Value(""),
                terms.value(implementer) if implementer is not None else Value(""),
                Value(str(data.value(period, DCAT.startDate) or ""), kind="date")
                if period
                else Value(""),
                Value(str(data.value(period, DCAT.endDate) or ""), kind="date")
                if period
                else Value(""),
                _count(_activities(ctx, report)),
                _money(sums[str(report)].get("planned")),
                _money(sums[str(report)].get("actual")),
            )
        )
    return Listing(
        Label("Kopsavilkumi", "Reports"),
        Label(
            "Katrs kopsavilkums par deleģēto uzdevumu, ar tā līgumu un finansējumu.",
            "Every report on a delegated task, with its agreement and funding.",
        ),
        (
            Label("Kopsavilkums", "Report"),
            Label("Reģions", "Region"),
            Label("Īstenotājs", "Implementer"),
            Label("Sākums", "Start"),
            Label("Beigas", "End"),
            Label("Darbības", "Activities"),
            Label("Plānots", "Planned"),
            Label("Faktiski", "Actual"),
        ),
        tuple(rows),
    )


def _implementers_listing(ctx: SiteContext) -> Listing:
    data, terms, sums = ctx.data, ctx.terms, _sums(ctx)
    by_org: dict[Node, list[URIRef]] = defaultdict(list)
    for report in _reports(ctx):
        agreement = data.value(report, LP.reportsOn)
        org = data.value(agreement, LP.implementer) if agreement is not None else None
        if org is not None:
            by_org[org].append(report)
    rows = []
    for org, reports in sorted(
        by_org.items(), key=lambda kv: terms.label(str(kv[0])).lv.casefold()
    ):
        form = data.value(org, ROV.orgType)
        rows.append(
            (
                terms.value(org),
                terms.value(form) if form is not None else Value(""),
                _count(len(reports)),
                _money(sum((sums[str(r)].get("planned", Decimal(0)) for r in reports), Decimal(0))),
                _money(sum((sums[str(r)].get("actual", Decimal(0)) for r in reports), Decimal(0))),
            )
        )
    return Listing(
        Label("Īstenotāji", "Implementers"),
        Label(
            "Organizācijas, kurām uzdevumi deleģēti.", "The organisations tasks are delegated to."
        ),
        (
            Label("Organizācija", "Organisation"),
            Label("Juridiskā forma", "Legal form"),
            Label("Kopsavilkumi", "Reports"),
            Label("Plānots", "Planned"),
            Label("Faktiski", "Actual"),
        ),
        tuple(rows),
    )


def _regions_listing(ctx: SiteContext) -> Listing:
    data, terms, sums = ctx.data, ctx.terms, _sums(ctx)
    by_region: dict[str, list[URIRef]] = defaultdict(list)
    for report in _reports(ctx):
        by_region[str(data.value(report, DCTERMS.spatial) or "")].append(report)
    rows = []
    for region, reports in sorted(by_region.items()):
        rows.append(
            (
                terms.value(URIRef(region)) if region else Value("nav norādīts / not stated", "lv"),
                _count(len(reports)),
                _count(sum(_activities(ctx, r) for r in reports)),
                _money(sum((sums[str(r)].get("planned", Decimal(0)) for r in reports), Decimal(0))),
                _money(sum((sums[str(r)].get("actual", Decimal(0)) for r in reports), Decimal(0))),
            )
        )
    return Listing(
        Label("Reģioni", "Regions"),
        Label("Plānošanas reģioni, par kuriem ziņots.", "The planning regions reported on."),
        (
            Label("Reģions", "Region"),
            Label("Kopsavilkumi", "Reports"),
            Label("Darbības", "Activities"),
            Label("Plānots", "Planned"),
            Label("Faktiski", "Actual"),
        ),
        tuple(rows),
    )


def _years_listing(ctx: SiteContext) -> Listing:
    data, terms = ctx.data, ctx.terms
    rows = []
    for report in _reports(ctx):
        agreement = data.value(report, LP.reportsOn)
        years = sorted_by_iri(data.objects(agreement, LP.implementationYear)) if agreement else []
        for year in years:
            period = data.value(year, DCTERMS.temporal)
            activities = list(data.objects(year, LP.activity))
            indicators = sum(len(list(data.objects(a, LP.indicator))) for a in activities)
            rows.append(
                (
                    terms.value(report),
                    Value(
                        f"{data.value(year, SKOS.notation) or data.value(year, LP.ordinal)}",
                        None,
                        terms.href(str(year)),
                    ),
                    Value(str(data.value(period, DCAT.startDate) or ""), kind="date")
                    if period
                    else Value(""),
                    Value(str(data.value(period, DCAT.endDate) or ""), kind="date")
                    if period
                    else Value(""),
                    _count(len(activities)),
                    _count(indicators),
                )
            )
    return Listing(
        Label("Īstenošanas gadi", "Implementation years"),
        Label(
            "Īstenošanas gads ir deleģēšanas perioda daļa, parasti no jūlija līdz jūlijam.",
            "An implementation year is a part of the delegation period, usually July to July.",
        ),
        (
            Label("Kopsavilkums", "Report"),
            Label("Gads", "Year"),
            Label("Sākums", "Start"),
            Label("Beigas", "End"),
            Label("Darbības", "Activities"),
            Label("Rādītāji", "Indicators"),
        ),
        tuple(rows),
    )


def _indicators_listing(ctx: SiteContext) -> Listing:
    data, terms = ctx.data, ctx.terms
    count: Counter[str] = Counter()
    total: Counter[str] = Counter()
    reports: dict[str, set[str]] = defaultdict(set)
    for item in data.subjects(RDF.type, LP.IndicatorValue):
        kind = str(data.value(item, LP.indicatorKind) or "")
        value = data.value(item, SCHEMA.value)
        count[kind] += 1
        total[kind] += int(value) if isinstance(value, Literal) and str(value).isdigit() else 0
        reports[kind].add(str(item).partition("#")[0])
    rows = tuple(
        (
            terms.value(URIRef(kind)),
            _count(count[kind]),
            _count(total[kind]),
            _count(len(reports[kind])),
        )
        for kind in sorted(count, key=lambda k: (-count[k], k))
    )
    return Listing(
        Label("Rādītāju veidi", "Indicator kinds"),
        Label(
            'Ko kopsavilkumi skaita. Summa saskaita skaitļus, kā tie rakstīti ("vairāk nekā 670" ir 670).',
            'What the reports count. The sum adds the numbers as written ("more than 670" counts 670).',
        ),
        (
            Label("Veids", "Kind"),
            Label("Rādītāji", "Indicators"),
            Label("Summa", "Sum"),
            Label("Kopsavilkumi", "Reports"),
        ),
        rows,
    )


def _schemes_listing(ctx: SiteContext) -> Listing:
    vocab, terms = ctx.vocabulary, ctx.terms
    rows = []
    for name in sorted(SCHEMES):
        scheme = URIRef(VOCAB_ROOT + name)
        concepts = len(set(vocab.subjects(SKOS.inScheme, scheme)))
        rows.append((terms.value(scheme), _count(concepts)))
    return Listing(
        Label("Klasifikatori", "Concept schemes"),
        Label("SKOS jēdzienu shēmas, ko dati izmanto.", "The SKOS concept schemes the data uses."),
        (Label("Shēma", "Scheme"), Label("Jēdzieni", "Concepts")),
        tuple(rows),
    )


def money_view(ctx: SiteContext) -> MoneyView:
    items = totals(ctx.data)
    terms = ctx.terms

    def rows(cells: tuple[Cell, ...]) -> tuple[MoneyRow, ...]:
        return tuple(
            MoneyRow(terms.value(URIRef(c.region)) if c.region else None, str(c.year or ""), c.sums)
            for c in cells
        )

    def block(n: int, heading: Value, subset: tuple[MoneyRow, ...]) -> ChartBlock:
        groups = tuple(Group(r.year or "?", r.sums) for r in subset)
        chart = bar_chart(
            f"chart-{n}", f"{heading.text}: plānots, faktiski, pārcelts, atgriezts", SERIES, groups
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
    orgs = sorted(
        {i.implementer for i in items if i.implementer}, key=lambda o: terms.label(o).lv.casefold()
    )
    for n, org in enumerate(orgs, start=len(regions) + 1):
        subset = rows(table(tuple(i for i in items if i.implementer == org), by_region=False))
        implementers.append(block(n, terms.value(URIRef(org)), subset))
    return MoneyView(
        roles=tuple(Label(s.name_lv, s.name_en) for s in SERIES),
        rows=all_rows,
        regions=tuple(regions),
        implementers=tuple(implementers),
    )


def quality_view(ctx: SiteContext) -> QualityView:
    terms = ctx.terms
    groups: dict[str, list[Problem]] = defaultdict(list)
    for parsed in ctx.site.parsed:
        key = _key(parsed.file)
        for finding in parsed.findings:
            line = finding.span.line if finding.span else None
            groups[key].append(
                Problem(
                    "parser",
                    finding.code,
                    severity_label(finding.severity.value),
                    Label(finding.message, finding.message),
                    _source(ctx, key, line),
                    None,
                )
            )
    for validation in ctx.site.validations:
        for problem in validation.problems:
            key = _key(problem.span.file) if problem.span else validation.key
            line = problem.span.line if problem.span else None
            groups[key].append(
                Problem(
                    "shacl",
                    problem.code,
                    severity_label(problem.severity.value),
                    Label(problem.message_lv, problem.message),
                    _source(ctx, key, line),
                    terms.value(URIRef(problem.focus)),
                )
            )
    out = []
    for key in sorted(groups):
        report = URIRef(f"{ctx.paths.base}id/report/{key}")
        heading = terms.value(report) if str(report) in ctx.pages else Value(key, None)
        problems = sorted(
            groups[key], key=lambda p: (p.source.line if p.source else 0, p.code, p.origin)
        )
        out.append(QualityGroup(heading, tuple(problems)))
    return QualityView(tuple(out), sum(len(g.problems) for g in out))


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
