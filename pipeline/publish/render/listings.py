"""The listing pages: reports, implementers, regions, implementation years, indicator
kinds and concept schemes, each a table of values read from the published graph."""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from rdflib import Graph, URIRef
from rdflib.term import Node

from pipeline.publish.render.context import SiteContext
from pipeline.publish.render.dashboard import Delegation, region_sections
from pipeline.publish.render.deliveries import kind_labels
from pipeline.publish.render.pagination import Pager
from pipeline.publish.render.views import Label, Value, sorted_by_iri
from pipeline.rdf.namespaces import DCAT, DCTERMS, LP, RDF, ROV, SCHEMES, SKOS, VOCAB_ROOT

#: The listing pages: file, title. Overview pages live under doc/, outside every IRI path.
LISTINGS = (
    ("doc/reports.html", Label("Kopsavilkumi", "Reports")),
    ("doc/implementers.html", Label("Īstenotāji", "Implementers")),
    ("doc/regions.html", Label("Reģioni", "Regions")),
    ("doc/years.html", Label("Īstenošanas gadi", "Implementation years")),
    ("doc/indicator-kinds.html", Label("Rādītāju veidi", "Indicator kinds")),
    ("doc/schemes.html", Label("Klasifikatori", "Concept schemes")),
)


@dataclass(frozen=True, slots=True)
class Listing:
    title: Label
    intro: Label
    columns: tuple[Label, ...]
    rows: tuple[tuple[Value, ...], ...]
    #: the regions page: each region with its delegations
    regions: tuple[tuple[Value, tuple[Delegation, ...]], ...] = ()
    delivery_columns: tuple[Label, ...] = ()
    pager: Pager | None = None  # where `rows` are in the whole listing


def money_value(amount: Decimal | None) -> Value:
    return Value("" if amount is None else str(amount), None, kind="money")


def count_value(n: int) -> Value:
    return Value(str(n), None, kind="number")


def report_iris(ctx: SiteContext) -> list[URIRef]:
    return sorted_by_iri(ctx.data.subjects(RDF.type, LP.DelegationReport))


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
    for item in ctx.totals:
        out[item.report][item.role] = out[item.report].get(item.role, Decimal(0)) + item.amount
    return out


def _activities(ctx: SiteContext, report: URIRef) -> int:
    return ctx.activities_per_report[str(report)]


def _reports_listing(ctx: SiteContext) -> Listing:
    data, terms, sums = ctx.data, ctx.terms, _sums(ctx)
    rows = []
    for report in report_iris(ctx):
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
                count_value(_activities(ctx, report)),
                money_value(sums[str(report)].get("planned")),
                money_value(sums[str(report)].get("actual")),
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


def _total(
    sums: Mapping[str, Mapping[str, Decimal]], reports: Iterable[URIRef], role: str
) -> Value:
    """The sum of one role's totals over several reports."""
    return money_value(sum((sums[str(r)].get(role, Decimal(0)) for r in reports), Decimal(0)))


def legal_form(data: Graph, org: Node) -> Node | None:
    """The organisation's legal form. Reports that state two (a finding of the dataset's
    checks) show the first by IRI: the same whatever order the store reads them in."""
    return min(data.objects(org, ROV.orgType), key=str, default=None)


def _implementers_listing(ctx: SiteContext) -> Listing:
    data, terms, sums = ctx.data, ctx.terms, _sums(ctx)
    by_org: dict[Node, list[URIRef]] = defaultdict(list)
    for report in report_iris(ctx):
        agreement = data.value(report, LP.reportsOn)
        org = data.value(agreement, LP.implementer) if agreement is not None else None
        if org is not None:
            by_org[org].append(report)
    rows = []
    for org, reports in sorted(
        by_org.items(), key=lambda kv: terms.label(str(kv[0])).lv.casefold()
    ):
        form = legal_form(data, org)
        rows.append(
            (
                terms.value(org),
                terms.value(form) if form is not None else Value(""),
                count_value(len(reports)),
                _total(sums, reports, "planned"),
                _total(sums, reports, "actual"),
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
    for report in report_iris(ctx):
        by_region[str(data.value(report, DCTERMS.spatial) or "")].append(report)
    rows = []
    for region, reports in sorted(by_region.items()):
        rows.append(
            (
                terms.value(URIRef(region)) if region else Value("nav norādīts / not stated", "lv"),
                count_value(len(reports)),
                count_value(sum(_activities(ctx, r) for r in reports)),
                _total(sums, reports, "planned"),
                _total(sums, reports, "actual"),
            )
        )
    return Listing(
        Label("Reģioni", "Regions"),
        Label(
            "Latvijas pieci plānošanas reģioni: kopsavilkumi, īstenotāji, nauda un paveiktais.",
            "Latvia's five planning regions: reports, implementers, money and deliveries.",
        ),
        (
            Label("Reģions", "Region"),
            Label("Kopsavilkumi", "Reports"),
            Label("Darbības", "Activities"),
            Label("Plānots", "Planned"),
            Label("Faktiski", "Actual"),
        ),
        tuple(rows),
        region_sections(ctx),
        kind_labels(ctx.terms),
    )


def _years_listing(ctx: SiteContext) -> Listing:
    data, terms = ctx.data, ctx.terms
    rows = []
    for report in report_iris(ctx):
        agreement = data.value(report, LP.reportsOn)
        years = sorted_by_iri(data.objects(agreement, LP.implementationYear)) if agreement else []
        for year in years:
            period = data.value(year, DCTERMS.temporal)
            activities, indicators = ctx.year_counts.get(str(year), (0, 0))
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
                    count_value(activities),
                    count_value(indicators),
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
    terms = ctx.terms
    count: Counter[str] = Counter()
    total: Counter[str] = Counter()
    reports: dict[str, set[str]] = defaultdict(set)
    for tally in ctx.tallies.values():
        for kind, n, value in tally.kinds:
            count[kind] += n
            total[kind] += value
            reports[kind].add(tally.report)
    rows = tuple(
        (
            terms.value(URIRef(kind)),
            count_value(count[kind]),
            count_value(total[kind]),
            count_value(len(reports[kind])),
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
        rows.append((terms.value(scheme), count_value(concepts)))
    return Listing(
        Label("Klasifikatori", "Concept schemes"),
        Label("SKOS jēdzienu shēmas, ko dati izmanto.", "The SKOS concept schemes the data uses."),
        (Label("Shēma", "Scheme"), Label("Jēdzieni", "Concepts")),
        tuple(rows),
    )
