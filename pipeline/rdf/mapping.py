"""Model -> triples: typed field->predicate tables and one function per model class.

Everything said about a report goes into that report's graph; organisations and the
Ministry are referenced by their shared IRIs. No I/O, no validation here.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any, NamedTuple, Protocol

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from pipeline.model import (
    Implementer,
    LegalForm,
    Period,
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
    LEGAL_FORM,
    LP,
    LV_RE_SCHEME,
    ORG,
    PROV,
    RDF,
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


def as_lv(value: Any) -> Node | None:
    return Literal(value, lang=LV) if value else None


def as_plain(value: Any) -> Node | None:
    return Literal(value) if value else None


def as_integer(value: Any) -> Node | None:
    return None if value is None else Literal(int(value), datatype=XSD.integer)


def as_boolean(value: Any) -> Node | None:
    return Literal(bool(value), datatype=XSD.boolean)


def as_true(value: Any) -> Node | None:
    """A flag stated only where it holds: the consistency shapes skip what it marks."""
    return Literal(True) if value else None


def as_date(value: Any) -> Node | None:
    return None if value is None else Literal(value.isoformat(), datatype=XSD.date)


def as_concept(namespace: Any) -> Callable[[Any], Node | None]:
    def convert(value: Any) -> Node | None:
        return None if value is None else URIRef(f"{namespace}{slug(str(value))}")

    return convert


PERIOD_FIELDS = (
    Field("start", DCAT.startDate, as_date),
    Field("end", DCAT.endDate, as_date),
    Field("text", LP.asWritten, as_lv),
)
STATEMENT_FIELDS = (Field("none", LP.none, as_boolean),)


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
        ctx.add(subject, LP.unlabelledText, map_passage(ctx, "unlabelled", position, text))
    if report.after_end is not None:
        ctx.add(subject, LP.unlabelledText, map_passage(ctx, "after-end", 1, report.after_end))
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


def map_passage(ctx: Context, kind: str, position: int, text: Text) -> URIRef:
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
        ctx.add(task, LP.objective, map_passage(ctx, "objective", position, text))


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
    extended = report.delegation_extended_to
    if extended is not None:
        # the day, with the words that say it as its source; the period stays as written
        ctx.add(agreement, LP.extendedUntil, Literal(extended.start.isoformat(), datatype=XSD.date))
        note_field(ctx.sources, agreement, LP.extendedUntil, extended.span)
    if report.implementer is not None:
        ctx.add(agreement, LP.implementer, _map_implementer(ctx, report.implementer))


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
