"""Model -> triples for the implementation years and what they hold: their periods, their
activities, and each activity's indicators, dates, minorities and places (the rest of a
report is in `pipeline.rdf.mapping`, its money in `pipeline.rdf.funding`).
"""

from __future__ import annotations

import datetime as dt

from rdflib import Literal, URIRef

from pipeline.model import (
    Activity,
    DateMention,
    DatePrecision,
    ImplementationYear,
    Indicator,
    Mention,
    Qualifier,
)
from pipeline.rdf.iris import slug
from pipeline.rdf.mapping import (
    LV,
    Context,
    Field,
    as_boolean,
    as_concept,
    as_date,
    as_integer,
    as_lv,
    as_plain,
    as_true,
    emit,
    map_passage,
    map_period,
)
from pipeline.rdf.namespaces import (
    DCAT,
    DCTERMS,
    GROUP,
    INDICATOR,
    LP,
    MINORITY,
    PROV,
    QUALIFIER,
    RDF,
    RDFS,
    SCHEMA,
    SKOS,
    TIME,
    XSD,
)
from pipeline.rdf.provenance import note_field

YEAR_FIELDS = (
    Field("ordinal", LP.ordinal, as_integer),
    Field("numeral", SKOS.notation, as_plain),
    Field("stated", LP.stated, as_boolean),
    Field("extension", LP.extension, as_true),
)
ACTIVITY_FIELDS = (
    Field("group", LP.activityGroup, as_concept(GROUP)),
    Field("position", SCHEMA.position, as_integer),
    Field("number", DCTERMS.identifier, as_plain),
)
INDICATOR_FIELDS = (
    Field("value", SCHEMA.value, as_integer),
    Field("qualifier", LP.qualifier, as_concept(QUALIFIER)),
    Field("kind", LP.indicatorKind, as_concept(INDICATOR)),
    Field("phrase", LP.asWritten, as_lv),
)
DATE_FIELDS = (
    Field("start", DCAT.startDate, as_date),
    Field("text", LP.asWritten, as_lv),
    Field("moved", LP.moved, as_true),
)


def map_years(ctx: Context) -> None:
    """Each implementation year, as a year of the report's agreement."""
    for year in ctx.report.years:
        ctx.add(ctx.page.agreement, LP.implementationYear, _map_year(ctx, year))


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
        ctx.add(node, LP.note, map_passage(ctx, f"year-{year.ordinal}-note", position, note))
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
