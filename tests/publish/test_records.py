"""What a build keeps of each report read: its record, with the facts the cross-report
pages, the exit code and the command line need. Expected values are read from the sample
report's text (`tests/sample.py`)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from pipeline.model import Parsed, Problem, Qualifier, Severity
from pipeline.publish.records import Delivered, record_of
from tests.sample import FILE, clean_report, span


def test_a_record_keeps_what_the_work_across_reports_reads() -> None:
    report = clean_report()
    finding = Problem("x.code", Severity.WARNING, "en", "lv", span("sniegtas 62"))
    record = record_of(Parsed(FILE, report, (finding,)))
    assert record.file == FILE
    assert record.read
    assert record.findings == (finding,)
    assert record.region == "zemgale"  # "Zemgales reģionā"
    assert record.delegation_period is not None
    assert (record.delegation_period.start, record.delegation_period.end) == (
        dt.date(2022, 7, 15),
        dt.date(2024, 7, 14),
    )
    assert record.implementer is not None
    assert record.implementer.name.value == "Ābeļu NVO centrs"
    assert record.newest == dt.date(2022, 10, 12)  # the only activity date: "12.10.2022."
    assert record.extension == ""  # read from text, no original document
    # two implementation years; three activities; four quantities; two funding periods
    assert (record.years, record.activities, record.indicators, record.funding_rows) == (
        2,
        3,
        4,
        2,
    )
    # "vismaz 5" and "62" consultations: at least 67; "vairāk nekā 670" participants
    assert record.delivered == (
        Delivered("consultations", 67, frozenset({"at-least", "exact"})),
        Delivered("forums", 3, frozenset({"exact"})),
        Delivered("participants", 670, frozenset({"more-than"})),
    )


def test_a_part_of_a_stated_total_is_not_counted_again() -> None:
    report = clean_report()
    year = report.years[1]
    total = year.activities[0].indicators[0]  # "62 konsultācijas"
    part = dataclasses.replace(total, value=40, qualifier=Qualifier.ABOUT, part_of=0)
    activity = dataclasses.replace(year.activities[0], indicators=(total, part))
    changed = dataclasses.replace(
        report, years=(report.years[0], dataclasses.replace(year, activities=(activity,)))
    )
    record = record_of(Parsed(FILE, changed))
    assert record.delivered[0] == Delivered("consultations", 67, frozenset({"at-least", "exact"}))
    assert record.indicators == 5


def test_a_file_not_read_is_recorded_with_its_findings() -> None:
    finding = Problem("file.unreadable", Severity.ERROR, "en", "lv", None)
    record = record_of(Parsed("reports/empty.txt", None, (finding,)))
    assert not record.read
    assert record.file == "reports/empty.txt"
    assert record.findings == (finding,)
    assert record.delivered == () and record.newest is None
