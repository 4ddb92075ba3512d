"""Consistency checks on a parsed report: each contradiction becomes a `Problem`.

The report is never corrected here; the findings say what disagrees and where.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Protocol

from pipeline.model import (
    Problem,
    RegionMention,
    Report,
    Severity,
    Span,
    Text,
)
from pipeline.parse.activity_parts import unequal_breakdowns
from pipeline.parse.checks_contract import contract_total
from pipeline.parse.checks_funding import funding_row, row_labels
from pipeline.parse.checks_money import money
from pipeline.parse.checks_periods import activity_dates, periods
from pipeline.parse.checks_statements import unrecovered_above_irregular
from pipeline.parse.signatures import only_signature_lines
from pipeline.parse.table_pointers import is_pointer
from pipeline.parse.text import SourcedText, SourceFile


class Emit(Protocol):
    def __call__(
        self,
        code: str,
        message: str,
        span: Span | None,
        severity: Severity = ...,
        *,
        lv: str = ...,
    ) -> Problem: ...


def check_report(
    report: Report,
    *,
    has_group_headings: bool,
    missing_amounts: tuple[tuple[int, SourcedText], ...],
    unread_amounts: tuple[SourcedText, ...],
    source: SourceFile,
    unread_headings: tuple[SourcedText, ...] = (),
    several_regions: tuple[RegionMention, ...] = (),
    signature: Text | None = None,
) -> list[Problem]:
    """Every contradiction between values read with certainty. A funding row with an amount
    that could not be read is not compared (its sums would accuse the report of an error
    the reader made); a heading that could not be read stops the date checks of the year
    before it, whose activities may belong to the unread one."""
    f = report.file

    def finding(
        code: str,
        message: str,
        span: Span | None,
        severity: Severity = Severity.WARNING,
        *,
        lv: str = "",
    ) -> Problem:
        return Problem(code, severity, message, f, span, lv)

    out: list[Problem] = []
    after = report.after_end
    # Lines such as "Sagatavoja: J. Bērziņa, 05.08.2025." after the table close a report as
    # every Word template has them: kept, and said, but no fault of the report.
    closing = after is not None and only_signature_lines(
        source.text[after.span.start : after.span.end]
    )
    pointer = _unfollowed_pointer(report, source)
    if pointer is not None:
        out.append(
            finding(
                "funding.table-not-found",
                f"the funding section only points to a table or annex ({pointer.value!r}), "
                "and no table it points to was read (none after the report's table, or one in "
                "a form lodpipe does not follow): the funding was not read",
                pointer.span,
                lv=f"finansējuma sadaļa tikai norāda uz tabulu vai pielikumu ({pointer.value!r}), "
                "bet neviena tabula, uz ko tā norāda, netika nolasīta (pēc kopsavilkuma tabulas "
                "tādas nav, vai tā ir veidā, kam lodpipe neseko): finansējums nav nolasīts",
            )
        )
    out.extend(_structure(report, has_group_headings, finding, signature, closing, pointer))
    out.extend(periods(report, finding))
    heading_lines = [source.span_of(h).line for h in unread_headings]
    out.extend(_unread_headings(unread_headings, source, finding))
    out.extend(activity_dates(report, finding, heading_lines))
    out.extend(_breakdowns(report, finding))
    for row in report.funding:
        if row.compared:
            out.extend(funding_row(row, finding))
    for row in report.funding:
        if row.period is not None and row.ordinal is None and row.calendar_year is None:
            out.append(
                finding(
                    "funding.unmatched-year",
                    f"the funding row for {row.period.text!r} matches no implementation year's dates",
                    row.period.span,
                    lv=f"finansējuma rinda {row.period.text!r} neatbilst neviena īstenošanas gada datumiem",
                )
            )
    for index, row_text in missing_amounts:
        label, label_lv = row_labels(report.funding[index])
        out.append(
            finding(
                "funding.missing-amount",
                f"the funding row for {label} gives no amount",
                source.span_of(row_text),
                lv=f"finansējuma rindā {label_lv} nav summas",
            )
        )
    compared, told = contract_total(report, unread_amounts, bool(missing_amounts), source, finding)
    out.extend(compared)
    for piece in unread_amounts:
        if id(piece) in told:
            continue
        out.append(
            finding(
                "funding.unread-amount",
                f"the amount {piece.text!r} could not be told planned, actual or remainder; it is kept only in the source text",
                source.span_of(piece),
                Severity.INFO,
                lv=f"summu {piece.text!r} nevarēja atšķirt kā plānoto, faktisko vai atlikumu; tā saglabāta tikai avota tekstā",
            )
        )
    out.extend(unrecovered_above_irregular(report, finding))
    out.extend(_region(report, finding, several_regions))
    out.extend(_implementer(report, finding))
    return out


# The funding section's label, on the pointer's line or the line above it.
_FUNDING_LABEL = re.compile(r"finans|finanš", re.I)


def _unfollowed_pointer(report: Report, source: SourceFile) -> Text | None:
    """The pointer ("Skatīt 1. pielikumu", "Skatīt tabulu zemāk") a funding section held
    alone, no table followed to: the section read no year, and its words were kept as a note.
    Said once, as the funding not read; kept as a note, it said nothing of that."""
    if report.funding:
        return None
    for text in report.unlabelled:
        if not is_pointer(text.value):
            continue
        line_start = source.text.rfind("\n", 0, text.span.start) + 1
        before = source.text[line_start : text.span.start]
        if not before.strip():
            before = source.text[
                source.text.rfind("\n", 0, max(line_start - 1, 0)) + 1 : line_start
            ]
        if _FUNDING_LABEL.search(before):
            return text
    return None


def _structure(
    report: Report,
    has_groups: bool,
    finding: Emit,
    signature: Text | None,
    closing: bool,
    pointer: Text | None,
) -> Iterator[Problem]:
    for text in report.unlabelled:
        if text is pointer:
            continue  # said as the funding not read
        if text == signature:
            yield finding(
                "structure.unlabelled-text",
                f"the report's signature is kept as written, outside any section: {text.value!r}",
                text.span,
                Severity.INFO,
                lv=f"kopsavilkuma paraksts saglabāts, kā rakstīts, ārpus sadaļām: {text.value!r}",
            )
            continue
        yield finding(
            "structure.unlabelled-text",
            f"text outside any section is kept as written: {text.value!r}",
            text.span,
            Severity.INFO,
            lv=f"teksts ārpus jebkuras sadaļas saglabāts, kā rakstīts: {text.value!r}",
        )
    if report.after_end is not None:
        preview = report.after_end.value[:80] + ("…" if len(report.after_end.value) > 80 else "")
        yield finding(
            "structure.text-after-end",
            f"text after the end of the report's table belongs to no section; it is kept as "
            f"written but not read ({len(report.after_end.value):,} characters: {preview!r})",
            report.after_end.span,
            Severity.INFO if closing else Severity.WARNING,
            lv=f"teksts pēc kopsavilkuma tabulas beigām nepieder nevienai sadaļai; tas saglabāts, "
            f"kā rakstīts, bet nav nolasīts ({len(report.after_end.value):,} rakstzīmes: {preview!r})",
        )
    if report.years and not report.years[0].stated:
        yield finding(
            "structure.no-year-headings",
            "the report has no 'ĪSTENOŠANAS GADS' headings; its delegation period is read as its only year",
            report.years[0].activities[0].text.span if report.years[0].activities else None,
            Severity.INFO,
            lv="kopsavilkumā nav virsrakstu 'ĪSTENOŠANAS GADS'; deleģēšanas periods nolasīts kā tā vienīgais gads",
        )
    task = report.task.value if report.task else ""
    if report.activities and not has_groups and "mazākumtautīb" in task and "pilsonisk" in task:
        yield finding(
            "structure.no-minority-group",
            "the activities are not split into the minority capacity-building part; all are read as civil-society work",
            report.years[0].heading.span if report.years and report.years[0].heading else None,
            Severity.INFO,
            lv="darbības nav sadalītas mazākumtautību kapacitātes celšanas daļā; visas nolasītas kā pilsoniskās sabiedrības darbs",
        )


def _unread_headings(
    headings: tuple[SourcedText, ...], source: SourceFile, finding: Emit
) -> Iterator[Problem]:
    for heading in headings:
        yield finding(
            "structure.unread-heading",
            f"{heading.text!r} looks like an implementation-year heading but could not be read "
            "as one; its activities stay with the year before it, and their dates are not checked",
            source.span_of(heading),
            lv=f"{heading.text!r} izskatās pēc īstenošanas gada virsraksta, bet to nevarēja nolasīt; "
            "tā darbības paliek iepriekšējā gadā, un to datumi netiek pārbaudīti",
        )


def _breakdowns(report: Report, finding: Emit) -> Iterator[Problem]:
    for a in report.activities:
        for total, parts in unequal_breakdowns(a.indicators):
            listed = ", ".join(p.phrase for p in parts)
            added = sum(p.value for p in parts)
            which = a.number or str(a.position)
            yield finding(
                "activity.breakdown-mismatch",
                f"the parts of {total.phrase!r} in activity {which} of year {a.year} "
                f"({listed}) add up to {added}, not {total.value}",
                total.span,
                lv=f"{total.phrase!r} daļas {a.year}. gada darbībā {which} ({listed}) "
                f"kopā ir {added}, nevis {total.value}",
            )


def _region(report: Report, finding: Emit, several: tuple[RegionMention, ...]) -> Iterator[Problem]:
    title, task = report.region_in_title, report.region_in_task
    if several:
        names = ", ".join(r.text for r in several)
        alone = title or task
        # Filed under one of them, the report's money and work would be counted in that
        # region alone; which one is not guessed.
        yield finding(
            "region.several",
            f"the report names several planning regions at once ({names}); a report is "
            "filed under one region, so it is filed under "
            + (f"the one named alone ({alone.text!r})" if alone else "none"),
            several[0].span,
            lv=f"kopsavilkumā minēti vairāki plānošanas reģioni ({names}); kopsavilkumu "
            "iekļauj vienā reģionā, tāpēc "
            + (
                f"tas iekļauts atsevišķi minētajā ({alone.text!r})"
                if alone
                else "tas nav iekļauts nevienā"
            ),
        )
    if title and task and title.key != task.key:
        yield finding(
            "region.mismatch",
            f"the title names the region {title.text!r} but the task names {task.text!r}",
            task.span,
            lv=f"virsrakstā minēts reģions {title.text!r}, bet uzdevumā {task.text!r}",
        )
    if title is None and task is None and not several:
        yield finding(
            "region.missing", "no planning region is named in the title or the task", None
        )


def _implementer(report: Report, finding: Emit) -> Iterator[Problem]:
    imp = report.implementer
    if imp is None:
        return
    if imp.registration_number is None:
        yield finding(
            "implementer.missing-registration-number",
            f"the implementer {imp.name.value!r} is given without its registration number",
            imp.text.span,
            lv=f"īstenotājs {imp.name.value!r} norādīts bez reģistrācijas numura",
        )
    elif not (len(imp.registration_number.value) == 11 and imp.registration_number.value.isdigit()):
        yield finding(
            "implementer.bad-registration-number",
            f"the registration number {imp.registration_number.value!r} is not 11 digits",
            imp.registration_number.span,
            lv=f"reģistrācijas numurs {imp.registration_number.value!r} nav 11 cipari",
        )


__all__ = ["check_report", "money"]
