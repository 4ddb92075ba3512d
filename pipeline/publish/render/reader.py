"""The reader's view of a report, read from the parsed report itself: who, where, when,
how much money was planned and spent, and year by year what was done with it, with the
issues the checks found shown beside what they concern. Each activity and each quantity
it counts is the anchor of its fragment IRI (`#year-1-cs-3`, `#year-1-cs-3-indicator-2`);
the rest of the full data follows on the page (`pages_resource.report_view`)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from pipeline.model import (
    Activity,
    AmountRole,
    FundingYear,
    Mention,
    Problem,
    Report,
    Span,
)
from pipeline.publish.records import counted
from pipeline.publish.render.charts import Chart, Group, Series, bar_chart
from pipeline.publish.render.deliveries import HEADLINE, Quantity, quantity, totals
from pipeline.publish.render.problems import Issue, merge, severity_label
from pipeline.publish.render.views import Label, Terms
from pipeline.rdf.iris import activity_fragment, part_fragment
from pipeline.rdf.namespaces import GROUP, LEGAL_FORM, REGION

#: The money a reader asks about, in the order the summary shows it.
ROLES = (
    (AmountRole.PLANNED, Label("plānots", "planned")),
    (AmountRole.ACTUAL, Label("izlietots", "spent")),
    (AmountRole.CARRIED_OVER, Label("pārcelts uz nākamo gadu", "carried over")),
    (AmountRole.RETURNED, Label("atgriezts ministrijai", "returned")),
    (
        AmountRole.REMAINDER,
        Label("atlikums (nav teikts, kas ar to notika)", "left (fate not stated)"),
    ),
)
#: A contract total, by role: the whole delegation's money in one line ("Kopējais līguma
#: finansējums: plānots …"), shown beside the years' sums, never added to them.
CONTRACT = {
    AmountRole.PLANNED: Label("līgumā plānots kopā", "contract total planned"),
    AmountRole.ACTUAL: Label("līgumā izlietots kopā", "contract total spent"),
    AmountRole.RETURNED: Label("līgumā atgriezts kopā", "contract total returned"),
    AmountRole.REMAINDER: Label("līgumā atlikums kopā", "contract total left"),
}
REPORTED = Label(
    "norādīts par kalendāra gadu (nav teikts, plānots vai izlietots)",
    "stated per calendar year (not said: planned or spent)",
)
YEAR_SERIES = (Series("plānots", "planned"), Series("izlietots", "spent"))


@dataclass(frozen=True, slots=True)
class Note:
    """An issue shown beside what it concerns."""

    code: str
    severity: str
    severity_label: Label
    found_by: Label
    message: Label
    line: int | None
    href: str | None  # the source line


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    quantity: bool  # a number the report counts, highlighted
    id: str = ""  # a quantity's indicator: its fragment of the report's IRI, its anchor


@dataclass(frozen=True, slots=True)
class PlaceLink:
    name: str
    href: str | None


@dataclass(frozen=True, slots=True)
class ActivityCard:
    id: str  # the activity's fragment of the report's IRI, its anchor on the page
    number: str
    pieces: tuple[Piece, ...]
    unplaced: tuple[Piece, ...]  # quantities whose words were not found in order in the text
    quantities: tuple[Quantity, ...]
    places: tuple[PlaceLink, ...]
    href: str | None  # source line
    line: int
    notes: tuple[Note, ...]


@dataclass(frozen=True, slots=True)
class Money:
    """One amount of the summary or a year: what it is, how much, where it is written."""

    label: Label
    amount: Decimal
    written: str
    href: str | None
    currency: str = "EUR"


@dataclass(frozen=True, slots=True)
class YearCard:
    ordinal: int
    start: str
    end: str
    groups: tuple[tuple[Label, tuple[ActivityCard, ...]], ...]
    money: tuple[Money, ...]
    rate: str  # spent as a share of planned, "95,5 %" ("" when not both stated)
    chart: Chart | None
    delivered: tuple[Quantity, ...]
    notes: tuple[Note, ...]
    #: the year is a period the delegation was extended by ("PAGARINĀJUMA PERIODS")
    extension: bool = False


@dataclass(frozen=True, slots=True)
class ReaderView:
    implementer: Label  # name as written / same
    implementer_href: str | None
    legal_form: Label | None
    registration: str
    region: Label | None
    region_href: str | None
    start: str
    end: str
    #: the day the delegation was extended to, where the report says so (ISO), and the line
    extended_to: str
    extended_href: str | None
    money: tuple[Money, ...]  # summed over the years, by role
    contract: tuple[Money, ...]  # the contract totals as the report states them
    rate: str
    calendar: tuple[tuple[str, Money], ...]  # older template: (calendar year, amount)
    delivered: tuple[Quantity, ...]
    years: tuple[YearCard, ...]
    notes: tuple[Note, ...]  # issues not about one activity or year
    activities: int


def rate(planned: Decimal | None, actual: Decimal | None) -> str:
    """Spent as a share of planned, one decimal, Latvian decimal comma."""
    if not planned or actual is None:
        return ""
    share = (actual * 100 / planned).quantize(Decimal("0.1"))
    return f"{share}".replace(".", ",") + "\u00a0%"


def _planned_spent(money: tuple[Money, ...]) -> tuple[Decimal | None, Decimal | None, str]:
    """The planned and the spent amount of `money` and their currency: only one of them
    where they are in two currencies (a plan in lati, its spending in euro)."""
    found = {m.label.en: m for m in money}
    planned, spent = found.get("planned"), found.get("spent")
    if planned is not None and spent is not None and planned.currency != spent.currency:
        return None, spent.amount, spent.currency
    first = planned or spent
    unit = first.currency if first is not None else "EUR"
    return (
        planned.amount if planned is not None else None,
        spent.amount if spent is not None else None,
        unit,
    )


def role_total(row: FundingYear, role: AmountRole) -> tuple[Decimal, str, Span, str] | None:
    """The stated total of a role, else the sum of its lines by purpose, with its currency
    (none where the lines are in two)."""
    total = row.total(role)
    if total is not None and total.value is not None:
        return total.value, total.text, total.span, total.currency
    lines = [a for a in row.lines(role) if a.value is not None]
    if not lines or len({a.currency for a in lines}) > 1:
        return None
    amount = sum((a.value for a in lines if a.value is not None), Decimal(0))
    return amount, " + ".join(a.text for a in lines), lines[0].span, lines[0].currency


class _Notes:
    """Hands each issue to the first thing that claims its line; the rest stay general."""

    def __init__(self, issues: tuple[Issue, ...], link: dict[int, str]) -> None:
        self.left = list(issues)
        self.link = link

    def claim(self, first: int, last: int) -> tuple[Note, ...]:
        mine = [i for i in self.left if i.line is not None and first <= i.line <= last]
        self.left = [i for i in self.left if i not in mine]
        return tuple(self.note(i) for i in mine)

    def note(self, issue: Issue) -> Note:
        return Note(
            issue.code,
            issue.severity.value,
            severity_label(issue.severity.value),
            issue.found_by,
            issue.message,
            issue.line,
            self.link.get(issue.line or 0),
        )


def reader_view(
    terms: Terms,
    report: Report,
    problems: tuple[Problem, ...],
    source_page: str | None,
    implementer_href: str | None,
    place_href: Callable[[Mention], str | None] = lambda _: None,
) -> ReaderView:
    """`source_page`: the site path of the report's source page (line links), if any;
    `place_href`: the page of a place an activity names."""

    def href(line: int) -> str | None:
        return f"{source_page}#L{line}" if source_page else None

    def activity_card(activity: Activity) -> ActivityCard:
        return _activity(terms, activity, notes, href, place_href)

    issues = merge(problems)
    notes = _Notes(issues, {i.line: h for i in issues if i.line and (h := href(i.line))})
    years = []
    rows = [f for f in report.funding if f.ordinal is not None]
    for year in report.years:
        groups: dict[str, list[ActivityCard]] = {}
        for activity in year.activities:
            groups.setdefault(activity.group.value, []).append(activity_card(activity))
        funding = [f for f in rows if f.ordinal == year.ordinal]
        money = _money(funding, href)
        planned, actual, unit = _planned_spent(money)
        chart = None
        if planned is not None or actual is not None:
            chart = bar_chart(
                f"year-{year.ordinal}-chart",
                f"{year.ordinal}. gads: plānots un izlietots, {unit} / year {year.ordinal}: "
                f"planned and spent, {unit}",
                (YEAR_SERIES[0],),
                (Group("plānots", (planned,)), Group("izlietots", (actual,))),
                unit,
            )
        first = min((f.span.line for f in funding), default=0)
        last = max((f.span.end_line for f in funding), default=-1)
        heading = year.heading.span.line if year.heading else 0
        years.append(
            YearCard(
                ordinal=year.ordinal,
                start=year.period.start.isoformat() if year.period and year.period.start else "",
                end=year.period.end.isoformat() if year.period and year.period.end else "",
                groups=tuple(
                    (terms.label(str(GROUP[key])), tuple(cards)) for key, cards in groups.items()
                ),
                money=money,
                rate=rate(planned, actual),
                chart=chart,
                delivered=tuple(q for q in totals(terms, year.activities, HEADLINE) if q),
                notes=notes.claim(heading, heading) + notes.claim(first, last),
                extension=year.extension,
            )
        )
    money = _money(rows, href)
    planned, actual, _ = _planned_spent(money)
    calendar = tuple(
        (
            str(f.calendar_year or ""),
            Money(REPORTED, total[0], total[1], href(total[2].line), total[3]),
        )
        for f in report.funding
        if f.ordinal is None and (total := role_total(f, AmountRole.REPORTED)) is not None
    )
    implementer = report.implementer
    region = report.region
    period = report.delegation_period
    extended = report.delegation_extended_to
    contract = tuple(
        Money(CONTRACT[a.role], a.value, a.text, href(a.span.line), a.currency)
        for a in report.contract_totals
        if a.value is not None and a.purpose is None and a.role in CONTRACT
    )
    return ReaderView(
        implementer=Label(implementer.name.value, implementer.name.value)
        if implementer
        else Label("nav norādīts", "not stated"),
        implementer_href=implementer_href,
        legal_form=terms.label(str(LEGAL_FORM[implementer.legal_form.value]))
        if implementer and implementer.legal_form
        else None,
        registration=implementer.registration_number.value
        if implementer and implementer.registration_number
        else "",
        region=terms.label(str(REGION[region])) if region else None,
        region_href=terms.href(str(REGION[region])) if region else None,
        start=period.start.isoformat() if period and period.start else "",
        end=period.end.isoformat() if period and period.end else "",
        extended_to=extended.start.isoformat() if extended else "",
        extended_href=href(extended.span.line) if extended else None,
        money=money,
        contract=contract,
        rate=rate(planned, actual),
        calendar=calendar,
        delivered=tuple(q for q in totals(terms, report.activities, HEADLINE) if q),
        years=tuple(years),
        notes=tuple(notes.note(i) for i in notes.left),
        activities=len(report.activities),
    )


def _money(rows: list[FundingYear], href: object) -> tuple[Money, ...]:
    out = []
    for role, label in ROLES:
        found = [t for r in rows if (t := role_total(r, role)) is not None]
        if not found or len({t[3] for t in found}) > 1:
            continue  # lati and euro are never added together
        amount = sum((t[0] for t in found), Decimal(0))
        written = " + ".join(t[1] for t in found)
        line = found[0][2].line
        link = href(line) if callable(href) else None
        out.append(Money(label, amount, written, link, found[0][3]))
    return tuple(out)


def _activity(
    terms: Terms,
    activity: Activity,
    notes: _Notes,
    href: Callable[[int], str | None],
    place_href: Callable[[Mention], str | None],
) -> ActivityCard:
    own = activity_fragment(activity.year, activity.group, activity.position)
    text = activity.text.value
    pieces: list[Piece] = []
    unplaced: list[Piece] = []
    at = 0
    for position, indicator in enumerate(activity.indicators, start=1):
        anchor = part_fragment(own, "indicator", position)
        found = text.find(indicator.phrase, at) if indicator.phrase else -1
        if found < 0:
            unplaced.append(Piece(indicator.phrase or str(indicator.value), True, anchor))
            continue
        if found > at:
            pieces.append(Piece(text[at:found], False))
        pieces.append(Piece(indicator.phrase, True, anchor))
        at = found + len(indicator.phrase)
    if at < len(text):
        pieces.append(Piece(text[at:], False))
    # One link a place, in the order named. By name: "Augšdaugavas pašvaldība" and
    # "Augšdaugavas novads" are two IRIs (the kind the text gives) of one municipality.
    places: dict[str, PlaceLink] = {}
    for place in activity.places:
        name = place.name or place.text
        places.setdefault(name, PlaceLink(name, place_href(place)))
    span = activity.text.span
    return ActivityCard(
        id=own,
        number=activity.number or "",
        pieces=tuple(pieces),
        unplaced=tuple(unplaced),
        quantities=tuple(quantity(terms, i) for i in counted(activity)),
        places=tuple(places.values()),
        href=href(span.line),
        line=span.line,
        notes=notes.claim(span.line, span.end_line),
    )
