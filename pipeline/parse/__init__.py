"""Parse stage: a report file in, a `Parsed` (report + findings) out.

Entry points: `parse_report(path)` and `parse_bytes(data, name)`. Reading never raises for
bad input: a file that cannot be read gives `Parsed(report=None)` with a load-error finding.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from dataclasses import replace
from pathlib import Path

from pipeline.model import (
    ActivityGroup,
    FundingYear,
    ImplementationYear,
    Parsed,
    Period,
    Problem,
    Report,
    Severity,
    Statement,
)
from pipeline.parse.activities import read_description
from pipeline.parse.checks import check_report
from pipeline.parse.checks_contract import contract_totals
from pipeline.parse.currencies import statement_currency, with_currencies
from pipeline.parse.decode import decode
from pipeline.parse.explained import with_explained
from pipeline.parse.fields import (
    find_region,
    find_regions_listed,
    period_remainder,
    read_implementer,
    read_period,
    read_statement,
    text_of,
)
from pipeline.parse.funding import read_funding
from pipeline.parse.headings import is_calendar, mark_calendar_years
from pipeline.parse.implementer_partners import partner_problems
from pipeline.parse.period_extension import extended_to
from pipeline.parse.runin import restore_breaks
from pipeline.parse.sections import REQUIRED, TITLE_WORD, Section, split_sections
from pipeline.parse.text import SourceFile, clean
from pipeline.parse.title import read_title

__all__ = ["parse_bytes", "parse_report"]

_SECTION_NAMES = {
    Section.TASK: "Valsts pārvaldes uzdevums (task)",
    Section.IMPLEMENTER: "Valsts pārvaldes uzdevuma veicējs (implementer)",
    Section.PERIOD: "Valsts pārvaldes uzdevuma deleģēšanas periods (delegation period)",
    Section.DESCRIPTION: "Apraksts un vērtējums … (description of results)",
    Section.FUNDING: "Plānotais un faktiski izlietotais … finansējums (funding)",
    Section.IRREGULAR: "Neatbilstoši veiktie izdevumi (irregular expenditure)",
    Section.UNRECOVERED: "Neatgūto līdzekļu apmērs … (unrecovered amount)",
    Section.OTHER: "Cita informācija (other information)",
}


def parse_report(path: Path, name: str | None = None) -> Parsed:
    """Read one report file. `name` is how the file is named in spans (default: the path)."""
    file = name if name is not None else path.as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        reason = exc.strerror or exc.__class__.__name__
        finding = Problem(
            "input.unreadable", Severity.ERROR, reason, file, None, f"failu nevar atvērt: {reason}"
        )
        return Parsed(file, None, (finding,))
    return parse_bytes(data, file)


def parse_bytes(data: bytes, file: str) -> Parsed:
    decoded = decode(data, file)
    if decoded.text is None:
        assert decoded.error is not None
        return Parsed(file, None, (decoded.error,))
    return parse_text(decoded.text, file, hashlib.sha256(data).hexdigest())


def parse_text(text: str, file: str, sha256: str = "") -> Parsed:
    source = SourceFile(file, text)
    split = split_sections(clean(text))
    if not split.sections and not re.search(TITLE_WORD, text):
        message = "this is not a delegation report: none of its section labels were found"
        lv = "tas nav deleģēšanas kopsavilkums: nav atrasta neviena tā sadaļu etiķete"
        finding = Problem("input.not-a-report", Severity.ERROR, message, file, None, lv)
        return Parsed(file, None, (finding,))

    findings: list[Problem] = []
    for section in Section:
        if section not in split.sections:
            severity = Severity.ERROR if section in REQUIRED else Severity.WARNING
            findings.append(
                Problem(
                    "structure.missing-section",
                    severity,
                    f"the section '{_SECTION_NAMES[section]}' is missing",
                    file,
                    None,
                    f"trūkst sadaļas '{_SECTION_NAMES[section].split(' (')[0]}'",
                )
            )
    sections = split.sections
    title = read_title(split.head, source)
    task_mapped = sections[Section.TASK].collapse() if Section.TASK in sections else None
    task = text_of(task_mapped, source) if task_mapped is not None else None
    default_group = (
        ActivityGroup.MINORITY_CAPACITY
        if task is not None and "mazākumtautīb" in task.value and "pilsonisk" not in task.value
        else ActivityGroup.CIVIL_SOCIETY
    )
    delegation = (
        read_period(sections[Section.PERIOD], source) if Section.PERIOD in sections else None
    )
    calendar = (
        mark_calendar_years(restore_breaks(sections[Section.DESCRIPTION]), delegation)
        if Section.DESCRIPTION in sections
        else None
    )
    description = (
        read_description(calendar.text, source, default_group) if calendar is not None else None
    )
    funding = (
        read_funding(sections[Section.FUNDING], source) if Section.FUNDING in sections else None
    )

    years = description.years if description else ()
    if years and not years[0].stated and delegation is not None:
        years = (replace(years[0], period=delegation), *years[1:])
    years = with_explained(tuple(_calendar_period(year, delegation, source) for year in years))
    funding_years = with_currencies(
        _match_years(funding.years if funding else (), years, delegation),
        source,
        sections[Section.FUNDING].text if Section.FUNDING in sections else "",
    )

    def statement(section: Section) -> Statement | None:
        # other information is asked for no amount: the money it names is its words'
        if section not in sections:
            return None
        read = read_statement(sections[section], source, asks_amount=section is not Section.OTHER)
        return statement_currency(read, source)

    period_rest = (
        period_remainder(sections[Section.PERIOD], delegation, source)
        if Section.PERIOD in sections
        else None
    )
    # The signature is the report's own text, kept as written where no section has it.
    signature = text_of(split.signature, source) if split.signature is not None else None
    # The funding section's explanations its reader took nothing from, in document order.
    notes = tuple(text_of(line, source) for line in funding.unused) if funding else ()
    # Footnotes or a translation closing a section or the report: its own text, read as no
    # section's. All in document order.
    closing = tuple(text_of(piece, source) for piece in split.notes)
    unlabelled = tuple(
        sorted(
            (t for t in (title.rest, period_rest, *notes, *closing, signature) if t is not None),
            key=lambda t: t.span.start,
        )
    )
    after_end = text_of(split.tail.strip(), source) if split.tail is not None else None
    report = Report(
        file=file,
        sha256=sha256,
        source_text=text,
        title=title.title,
        title_years=title.years,
        task=task,
        # the title's region, or one stated in a stray cell before the table
        region_in_title=(
            find_region(title.mapped, source, last=True)
            or find_region(split.head, source, last=True)
        ),
        region_in_task=find_region(task_mapped, source, last=False),
        implementer=(
            read_implementer(sections[Section.IMPLEMENTER], source, split.notes)
            if Section.IMPLEMENTER in sections
            else None
        ),
        delegation_period=delegation,
        delegation_extended_to=extended_to(delegation, period_rest, source),
        objectives=description.objectives if description else (),
        years=years,
        funding=funding_years,
        irregular_expenditure=statement(Section.IRREGULAR),
        unrecovered_amount=statement(Section.UNRECOVERED),
        other_information=statement(Section.OTHER),
        unlabelled=unlabelled,
        after_end=after_end,
    )
    if funding is not None:
        report = replace(
            report,
            contract_totals=contract_totals(
                report, funding.unread, bool(funding.missing_amounts), source
            ),
        )
    findings.extend(
        check_report(
            report,
            has_group_headings=bool(description and description.has_group_headings),
            missing_amounts=funding.missing_amounts if funding else (),
            unread_amounts=funding.unread if funding else (),
            unread_headings=(
                (*calendar.unread, *description.unread_headings)
                if calendar is not None and description is not None
                else ()
            ),
            source=source,
            several_regions=(
                find_regions_listed(title.mapped, source)
                or find_regions_listed(task_mapped, source)
            ),
            signature=signature,
        )
    )
    if Section.IMPLEMENTER in sections:  # a consortium's partner, kept only as written
        findings.extend(partner_problems(sections[Section.IMPLEMENTER], source, file))
    return Parsed(file, report, tuple(findings))


_CALENDAR_WORDS = re.compile(r"\d{4}\.[ \u00a0]*(?i:gads)")


def _calendar_period(
    year: ImplementationYear, delegation: Period | None, source: SourceFile
) -> ImplementationYear:
    """A year headed by its calendar year and no dates ("2023. gads", "2023. gads (I
    īstenošanas gads)") is that whole year, where the delegation period covers all of it:
    its first or last year, cut by the period, is left without dates, which it does not
    write."""
    if (
        year.period is not None
        or year.heading is None
        or not is_calendar(year.numeral)
        or delegation is None
        or delegation.start is None
        or delegation.end is None
    ):
        return year
    first, last = dt.date(int(year.numeral), 1, 1), dt.date(int(year.numeral), 12, 31)
    if first < delegation.start or last > delegation.end:
        return year
    span = year.heading.span
    words = _CALENDAR_WORDS.match(source.text, span.start)
    if words is not None and words.end() <= span.end:
        span = source.span(words.start(), words.end())
    text = source.text[span.start : span.end]
    return replace(year, period=Period(first, last, " ".join(text.split()), span))


def _within(
    calendar_year: int, delegation: Period | None
) -> tuple[dt.date | None, dt.date | None] | None:
    """The days of `calendar_year` inside the delegation period (both its dates read)."""
    if delegation is None or delegation.start is None or delegation.end is None:
        return None
    start = max(dt.date(calendar_year, 1, 1), delegation.start)
    end = min(dt.date(calendar_year, 12, 31), delegation.end)
    return (start, end) if start <= end else None


def _match_years(
    funding: tuple[FundingYear, ...],
    years: tuple[ImplementationYear, ...],
    delegation: Period | None,
) -> tuple[FundingYear, ...]:
    """Give each funding row the implementation year it reports on: by its calendar year
    when the years are headed by theirs or when an implementation year is exactly that
    calendar year within the delegation period, else by its dates when it has them, else by
    order (first row, first year) when the counts agree."""
    by_period = {(y.period.start, y.period.end): y.ordinal for y in years if y.period}
    by_calendar = {int(y.numeral): y.ordinal for y in years if is_calendar(y.numeral)}
    same_count = len(funding) == len(years)
    matched = []
    for i, row in enumerate(funding):
        ordinal = row.ordinal  # the row named its year ("II. īstenošanas gads")
        if ordinal is None and row.calendar_year is not None:
            # a calendar year is a year of implementation only where the description says
            # so, or where a year's dates are that calendar year's days of the delegation
            # ("2023.gads" for "I. ĪSTENOŠANAS GADS (01.09.2023.–31.12.2023.)" of a
            # delegation from 01.09.2023.): a year that is part of one is not matched
            ordinal = by_calendar.get(row.calendar_year)
            days = _within(row.calendar_year, delegation)
            if ordinal is None and days is not None:
                ordinal = by_period.get(days)
        elif ordinal is None:
            if row.period is not None:
                ordinal = by_period.get((row.period.start, row.period.end))
            elif same_count:
                ordinal = years[i].ordinal
        matched.append(replace(row, ordinal=ordinal))
    return tuple(matched)
