"""A line of text right before a group heading is kept: the group heading's pattern accepts a
first line (a heading wrapped once), and a line that is no part of the heading was dropped
with it, found nowhere in the model."""

from __future__ import annotations

from pipeline.model import ActivityGroup, Report
from tests.conftest import MINIMAL, parse_text

HEADING = "Vidzemes mazākumtautību kapacitātes celšanai:"


def _read(before: str) -> Report:
    text = MINIMAL.read_text(encoding="utf-8")
    assert f"\n\n{HEADING}" in text  # year I's minority group
    parsed = parse_text(text.replace(f"\n\n{HEADING}", f"\n{before}\n{HEADING}", 1), "x.txt")
    assert parsed.report is not None
    return parsed.report


def _everything(report: Report) -> str:
    said = [a.text.value for a in report.activities]
    said += [n.value for y in report.years for n in y.notes]
    return " ".join(" ".join(said).split())


def test_a_line_before_a_group_heading_is_kept_and_the_heading_read() -> None:
    report = _read("Papildus notika talka Jelgavā")
    assert "Papildus notika talka Jelgavā" in _everything(report)
    # the minority group still begins at its heading
    assert any(a.group is ActivityGroup.MINORITY_CAPACITY for a in report.activities)


def test_a_group_heading_wrapped_once_is_one_heading() -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        f"\n\n{HEADING}", "\n\nVidzemes mazākumtautību\nkapacitātes celšanai:", 1
    )
    parsed = parse_text(text, "x.txt")
    assert parsed.report is not None
    said = _everything(parsed.report)
    assert "Vidzemes mazākumtautību" not in said  # the heading, not a note
    assert any(a.group is ActivityGroup.MINORITY_CAPACITY for a in parsed.report.activities)
