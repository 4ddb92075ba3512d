"""Model -> triples: typed field->predicate tables and one function per model class.

Everything said about a report goes into that report's graph; organisations and the
Ministry are referenced by their shared IRIs. No I/O, no validation here.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from pipeline.model import (
    Activity,
    DateMention,
    DatePrecision,
    ImplementationYear,
    Implementer,
    Indicator,
    LegalForm,
    Mention,
    Period,
    Qualifier,
    Report,
    Span,
    Statement,
    Text,
)
from pipeline.rdf.iris import Iris, ReportIris, organisation_key, slug
from pipeline.rdf.namespaces import (
    ADMS,
    CV,
    DCAT,
    DCTERMS,
    GROUP,
    INDICATOR,
    LEGAL_FORM,
    LP,
    LV_RE_SCHEME,
    MINORITY,
    ORG,
    PROV,
    QUALIFIER,
    RDF,
    RDFS,
    REGION,
    ROV,
    SCHEMA,
    SKOS,
    TIME,
    XSD,
)
from pipeline.rdf.provenance import SourceIndex, add_source, note_field

LV = "lv"
MINISTRY_LABELS = (
    ("Latvijas Republikas Kultūras ministrija", "lv"),
    ("Ministry of Culture of the Republic of Latvia", "en"),
)
REGISTER_AGENCY = "Latvijas Republikas Uzņēmumu reģistrs"
LATVIA = URIRef("http://publications.europa.eu/resource/authority/country/LVA")


class Field(NamedTuple):
    """One row of a mapping table: model attribute -> predicate, through `convert`."""

    attribute: str
    predicate: URIRef
    convert: Callable[[Any], Node | None]


def _lv(value: Any) -> Node | None:
    return Literal(value, lang=LV) if value else None


def _plain(value: Any) -> Node | None:
    return Literal(value) if value else None


def _integer(value: Any) -> Node | None:
    return None if value is None else Literal(int(value), datatype=XSD.integer)


def _boolean(value: Any) -> Node | None:
    return Literal(bool(value), datatype=XSD.boolean)


def _date(value: Any) -> Node | None:
    return None if value is None else Literal(value.isoformat(), datatype=XSD.date)


def _concept(namespace: Any) -> Callable[[Any], Node | None]:
    def convert(value: Any) -> Node | None:
        return None if value is None else URIRef(f"{namespace}{slug(str(value))}")

    return convert


PERIOD_FIELDS = (
    Field("start", DCAT.startDate, _date),
    Field("end", DCAT.endDate, _date),
    Field("text", LP.asWritten, _lv),
)
YEAR_FIELDS = (
    Field("ordinal", LP.ordinal, _integer),
    Field("numeral", SKOS.notation, _plain),
    Field("stated", LP.stated, _boolean),
)
ACTIVITY_FIELDS = (
    Field("group", LP.activityGroup, _concept(GROUP)),
    Field("position", SCHEMA.position, _integer),
    Field("number", DCTERMS.identifier, _plain),
)
INDICATOR_FIELDS = (
    Field("value", SCHEMA.value, _integer),
    Field("qualifier", LP.qualifier, _concept(QUALIFIER)),
    Field("kind", LP.indicatorKind, _concept(INDICATOR)),
    Field("phrase", LP.asWritten, _lv),
)
DATE_FIELDS = (
    Field("start", DCAT.startDate, _date),
    Field("text", LP.asWritten, _lv),
)
STATEMENT_FIELDS = (Field("none", LP.none, _boolean),)


def emit(graph: Graph, subject: URIRef, value: object, table: tuple[Field, ...]) -> None:
    for row in table:
        node = row.convert(getattr(value, row.attribute))
        if node is not None:
            graph.add((subject, row.predicate, node))


class Implemented(Protocol):
    """A report, or what a build keeps of one (`ReportRecord`)."""

    @property
    def implementer(self) -> Implementer | None: ...


class OrganisationResolver:
    """Names -> registration numbers across all reports, so that a report which names an
    organisation without its number still links to the organisation keyed by number."""

    def __init__(self, reports: Iterable[Implemented] = ()) -> None:
        numbers: dict[str, set[str]] = {}
        for report in reports:
            impl = report.implementer
            if impl is not None and impl.registration_number is not None:
                number = impl.registration_number.value.strip()
                numbers.setdefault(slug(impl.name.value), set()).add(number)
        # An ambiguous name (two numbers) resolves to neither: guessing would merge two NGOs.
        self._numbers = {name: next(iter(s)) for name, s in numbers.items() if len(s) == 1}

    def key(self, implementer: Implementer) -> str:
        stated = implementer.registration_number
        number = stated.value.strip() if stated else self._numbers.get(slug(implementer.name.value))
        return organisation_key(implementer.name.value, number)


@dataclass(frozen=True, slots=True)
class Context:
    graph: Graph
    iris: Iris
    page: ReportIris
    report: Report
    sources: SourceIndex
    organisations: OrganisationResolver

    def source(self, fact: URIRef, span: Span) -> URIRef:
        return add_source(self.graph, self.page, self.sources, fact, span, self.report.source_text)

    def add(self, subject: URIRef, predicate: URIRef, obj: Node) -> None:
        self.graph.add((subject, predicate, obj))


def map_ministry(graph: Graph, iris: Iris) -> URIRef:
    ministry = iris.ministry()
    for cls in (ORG.FormalOrganization, CV.PublicOrganisation, SCHEMA.GovernmentOrganization):
        graph.add((ministry, RDF.type, cls))
    for label, lang in MINISTRY_LABELS:
        graph.add((ministry, SKOS.prefLabel, Literal(label, lang=lang)))
    graph.add((ministry, DCTERMS.spatial, LATVIA))
    return ministry


def map_report(ctx: Context) -> None:
    report, page, subject = ctx.report, ctx.page, ctx.page.page
    for cls in (LP.DelegationReport, SCHEMA.Report, PROV.Entity):
        ctx.add(subject, RDF.type, cls)
    ctx.add(subject, DCTERMS.publisher, map_ministry(ctx.graph, ctx.iris))
    ctx.add(subject, DCTERMS.language, URIRef(LAV))
    ctx.add(subject, LP.reportsOn, page.agreement)
    ctx.add(subject, PROV.hadPrimarySource, page.source)
    if report.title is not None:
        ctx.add(subject, DCTERMS.title, Literal(report.title.value, lang=LV))
        ctx.source(subject, report.title.span)
    else:
        ctx.sources.nodes.setdefault(str(subject), Span(report.file, 1, 1, 0, 0))
    if report.title_years is not None:
        first, last = report.title_years
        ctx.add(subject, LP.titleFirstYear, Literal(f"{first:04d}", datatype=XSD.gYear))
        ctx.add(subject, LP.titleLastYear, Literal(f"{last:04d}", datatype=XSD.gYear))
    if report.region_in_title is not None:
        mention = report.region_in_title
        ctx.add(subject, DCTERMS.spatial, REGION[slug(mention.key)])
        note_field(ctx.sources, subject, DCTERMS.spatial, mention.span)
    for name, statement in (
        ("irregular-expenditure", report.irregular_expenditure),
        ("unrecovered-amount", report.unrecovered_amount),
        ("other-information", report.other_information),
    ):
        if statement is not None:
            ctx.add(subject, LP[_camel(name)], _map_statement(ctx, name, statement))
    for position, text in enumerate(report.unlabelled, start=1):
        ctx.add(subject, LP.unlabelledText, _map_passage(ctx, "unlabelled", position, text))
    if report.after_end is not None:
        ctx.add(subject, LP.unlabelledText, _map_passage(ctx, "after-end", 1, report.after_end))
    _map_task(ctx)
    _map_agreement(ctx)


LAV = "http://publications.europa.eu/resource/authority/language/LAV"


def _camel(name: str) -> str:
    head, *rest = name.split("-")
    return head + "".join(part.capitalize() for part in rest)


def _map_statement(ctx: Context, name: str, statement: Statement) -> URIRef:
    node = ctx.page.statement(name)
    ctx.add(node, RDF.type, LP.Statement)
    ctx.add(node, RDF.value, Literal(statement.text.value, lang=LV))
    emit(ctx.graph, node, statement, STATEMENT_FIELDS)
    ctx.source(node, statement.text.span)
    return node


def _map_passage(ctx: Context, kind: str, position: int, text: Text) -> URIRef:
    node = ctx.page.passage(kind, position)
    ctx.add(node, RDF.type, LP.TextPassage)
    ctx.add(node, RDF.value, Literal(text.value, lang=LV))
    ctx.source(node, text.span)
    return node


def _map_task(ctx: Context) -> None:
    report, task = ctx.report, ctx.page.task
    ctx.add(task, RDF.type, LP.DelegatedTask)
    if report.task is not None:
        ctx.add(task, DCTERMS.title, Literal(report.task.value, lang=LV))
        ctx.source(task, report.task.span)
    if report.region_in_task is not None:
        ctx.add(task, DCTERMS.spatial, REGION[slug(report.region_in_task.key)])
        note_field(ctx.sources, task, DCTERMS.spatial, report.region_in_task.span)
    for position, text in enumerate(report.objectives, start=1):
        ctx.add(task, LP.objective, _map_passage(ctx, "objective", position, text))


def _map_agreement(ctx: Context) -> None:
    report, page = ctx.report, ctx.page
    agreement = page.agreement
    ctx.add(agreement, RDF.type, LP.DelegationAgreement)
    ctx.add(agreement, LP.task, page.task)
    ctx.add(agreement, LP.delegatingAuthority, ctx.iris.ministry())
    if report.delegation_period is not None:
        map_period(ctx, page.agreement_period, report.delegation_period)
        ctx.add(agreement, DCTERMS.temporal, page.agreement_period)
        ctx.source(agreement, report.delegation_period.span)
    if report.implementer is not None:
        ctx.add(agreement, LP.implementer, _map_implementer(ctx, report.implementer))
    for year in report.years:
        ctx.add(agreement, LP.implementationYear, _map_year(ctx, year))


def map_period(ctx: Context, node: URIRef, period: Period) -> URIRef:
    ctx.add(node, RDF.type, DCTERMS.PeriodOfTime)
    ctx.add(node, RDF.type, TIME.ProperInterval)
    emit(ctx.graph, node, period, PERIOD_FIELDS)
    ctx.source(node, period.span)
    return node


# A company or other merchant is no NGO. One whose form is unread is typed an NGO still:
# these tasks are delegated to NGOs unless the report says otherwise.
_MERCHANTS = frozenset(
    {
        LegalForm.LIMITED_LIABILITY_COMPANY,
        LegalForm.JOINT_STOCK_COMPANY,
        LegalForm.COOPERATIVE_SOCIETY,
        LegalForm.INDIVIDUAL_MERCHANT,
    }
)


def _map_implementer(ctx: Context, implementer: Implementer) -> URIRef:
    org = ctx.iris.organisation(ctx.organisations.key(implementer))
    classes = [ORG.FormalOrganization, ROV.RegisteredOrganization]
    if implementer.legal_form not in _MERCHANTS:
        classes.append(SCHEMA.NGO)
    for cls in classes:
        ctx.add(org, RDF.type, cls)
    ctx.add(org, ROV.legalName, Literal(implementer.name.value, lang=LV))
    if implementer.legal_form is not None:
        ctx.add(org, ROV.orgType, LEGAL_FORM[implementer.legal_form.value])
    ctx.source(org, implementer.text.span)
    note_field(ctx.sources, org, ROV.legalName, implementer.name.span)
    number = implementer.registration_number
    # Only what this report states: a number read from another report stays in that graph.
    if number is not None:
        identifier = ctx.page.identifier(org)
        ctx.add(org, ROV.registration, identifier)
        ctx.add(identifier, RDF.type, ADMS.Identifier)
        ctx.add(identifier, SKOS.notation, Literal(number.value.strip()))
        ctx.add(identifier, DCTERMS.identifier, Literal(f"LV-RE-{number.value.strip()}"))
        ctx.add(identifier, DCTERMS.conformsTo, URIRef(LV_RE_SCHEME))
        ctx.add(identifier, ADMS.schemaAgency, Literal(REGISTER_AGENCY, lang=LV))
        ctx.source(identifier, number.span)
    return org


def _map_year(ctx: Context, year: ImplementationYear) -> URIRef:
    node = ctx.page.year(year.ordinal)
    ctx.add(node, RDF.type, LP.ImplementationYear)
    emit(ctx.graph, node, year, YEAR_FIELDS)
    if year.period is not None:
        period = map_period(ctx, ctx.page.year_period(year.ordinal), year.period)
        ctx.add(node, DCTERMS.temporal, period)
        note_field(ctx.sources, node, DCTERMS.temporal, year.period.span)
        if ctx.report.delegation_period is not None:
            ctx.add(period, TIME.intervalDuring, ctx.page.agreement_period)
    span = year.heading.span if year.heading else (year.period.span if year.period else None)
    if span is None and ctx.report.delegation_period is not None:
        span = ctx.report.delegation_period.span
    if span is not None:
        ctx.source(node, span)
    for activity in year.activities:
        ctx.add(node, LP.activity, _map_activity(ctx, activity))
    for position, note in enumerate(year.notes, start=1):
        ctx.add(node, LP.note, _map_passage(ctx, f"year-{year.ordinal}-note", position, note))
    return node


def _map_activity(ctx: Context, activity: Activity) -> URIRef:
    node = ctx.page.activity(activity.year, activity.group, activity.position)
    for cls in (LP.ReportedActivity, PROV.Activity):
        ctx.add(node, RDF.type, cls)
    emit(ctx.graph, node, activity, ACTIVITY_FIELDS)
    ctx.add(node, DCTERMS.description, Literal(activity.text.value, lang=LV))
    ctx.source(node, activity.text.span)
    for position, indicator in enumerate(activity.indicators, start=1):
        ctx.add(node, LP.indicator, _map_indicator(ctx, node, position, indicator))
    for position, date in enumerate(activity.dates, start=1):
        ctx.add(node, LP.date, _map_date(ctx, node, position, date))
    for minority in _unique_keys(activity.minorities):
        ctx.add(node, LP.minority, MINORITY[slug(minority.key)])
    for place in _unique_keys(activity.places):
        iri = ctx.iris.place(place.key, place.kind)
        ctx.add(node, DCTERMS.spatial, iri)
        ctx.add(iri, RDF.type, DCTERMS.Location)
        ctx.add(iri, SKOS.notation, Literal(slug(place.key)))
        ctx.add(iri, LP.placeKind, Literal(place.kind))
        if place.name:
            ctx.add(iri, RDFS.label, Literal(place.name, lang=LV))
    return node


def _unique_keys(mentions: tuple[Mention, ...]) -> list[Mention]:
    seen: dict[tuple[str, str], Mention] = {}
    for mention in mentions:
        seen.setdefault((slug(mention.key), mention.kind), mention)
    return list(seen.values())


def _map_indicator(ctx: Context, activity: URIRef, position: int, indicator: Indicator) -> URIRef:
    node = ctx.page.activity_part(activity, "indicator", position)
    for cls in (LP.IndicatorValue, SCHEMA.QuantitativeValue):
        ctx.add(node, RDF.type, cls)
    emit(ctx.graph, node, indicator, INDICATOR_FIELDS)
    low, high = bounds(indicator.value, indicator.qualifier)
    if low is not None:
        ctx.add(node, SCHEMA.minValue, Literal(low, datatype=XSD.integer))
    if high is not None:
        ctx.add(node, SCHEMA.maxValue, Literal(high, datatype=XSD.integer))
    if indicator.part_of is not None:
        # A breakdown of another value in the same activity: sums must count only the total.
        ctx.add(
            node, DCTERMS.isPartOf, ctx.page.activity_part(activity, "indicator", indicator.part_of)
        )
    ctx.source(node, indicator.span)
    return node


def bounds(value: int, qualifier: Qualifier) -> tuple[int | None, int | None]:
    """Inclusive bounds of a counted quantity; "more than 670" is at least 671."""
    if qualifier is Qualifier.EXACT:
        return value, value
    if qualifier is Qualifier.MORE_THAN:
        return value + 1, None
    if qualifier is Qualifier.AT_LEAST:
        return value, None
    return None, None


def _map_date(ctx: Context, activity: URIRef, position: int, date: DateMention) -> URIRef:
    node = ctx.page.activity_part(activity, "date", position)
    ctx.add(node, RDF.type, DCTERMS.PeriodOfTime)
    ctx.add(node, RDF.type, TIME.ProperInterval)
    emit(ctx.graph, node, date, DATE_FIELDS)
    ctx.add(node, DCAT.endDate, Literal(last_day(date).isoformat(), datatype=XSD.date))
    unit = TIME.unitDay if date.precision is DatePrecision.DAY else TIME.unitMonth
    ctx.add(node, LP.datePrecision, unit)
    ctx.source(node, date.span)
    return node


def last_day(date: DateMention) -> dt.date:
    """The last day a date mention covers: its end, or the end of its month."""
    last = date.end or date.start
    if date.precision is DatePrecision.MONTH:
        following = (last.replace(day=28) + dt.timedelta(days=4)).replace(day=1)
        return following - dt.timedelta(days=1)
    return last
