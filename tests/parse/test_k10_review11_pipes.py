"""A pipe table typed with no delimiter row whose figure cell answers "none" in a word
("nav", "n/a") is read as the same rows with a `|---|` line are: such a cell stands where
a figure would, as "–" does. Text parted by pipes stays text. The facts are read by hand
from the fixture's text (lines 18-25, year II)."""

from __future__ import annotations

from pipeline.parse import parse_report
from pipeline.parse.pipe_rows import bare_pipe_tables, figure_columns
from pipeline.parse.text import SourcedText, pipe_tables
from tests.conftest import FIXTURES

NAV = FIXTURES / "reports" / "unseen" / "k10_zemgale_bare_pipes_nav_cell.txt"

_BARE = (
    "Aktivitāte | Skaits | Dalībnieki\n"
    "Semināri NVO pārstāvjiem Aizkrauklē un Jēkabpilī | 6 | 117\n"
    "Konsultācijas biedrībām | 58 | nav\n"
    "Zemgales NVO forums Jelgavā | 1 | 152\n"
)
_ROWS = (
    "Aktivitāte\tSkaits\tDalībnieki\n"
    "Semināri NVO pārstāvjiem Aizkrauklē un Jēkabpilī\t6\t117\n"
    "Konsultācijas biedrībām\t58\tnav\n"
    "Zemgales NVO forums Jelgavā\t1\t152\n"
)


def _plain(text: str) -> SourcedText:
    return SourcedText(text, tuple(range(len(text))))


def test_a_none_answer_counts_as_a_figure_in_its_column() -> None:
    header = ["Aktivitāte", "Skaits", "Dalībnieki"]
    for none in ("nav", "Nav", "n/a", "N/A", "–", "-", "—", "0", ""):
        rows = [header, ["Semināri", "6", "117"], ["Konsultācijas", "58", none]]
        assert figure_columns(rows), repr(none)
    # a word that is no "none" answer still breaks the column
    assert not figure_columns([header, ["Semināri", "6", "117"], ["Forums", "1", "Jelgavā"]])
    # a column of none-answers alone holds no figure, so it is no figure column
    assert not figure_columns([["Semināri", "6", "nav"], ["Forums", "1", "n/a"]])


def test_a_bare_pipe_block_with_a_nav_cell_is_a_table() -> None:
    assert bare_pipe_tables(_plain(_BARE)).text == _ROWS


def test_a_markdown_block_without_delimiter_with_a_nav_cell_is_a_table() -> None:
    text = "".join(f"| {line.rstrip()} |\n" for line in _BARE.splitlines())
    assert pipe_tables(_plain(text)).text == _ROWS


def test_text_parted_by_pipes_with_a_nav_stays_text() -> None:
    for text in (
        "Tālrunis | 63012345 | nav\nE-pasts | info@nvo.lv | nav\n",
        "Rīgas iela 12 | Jelgava | nav\ntālr. 63012345 | info@nvo.lv | n/a\n",
    ):
        assert bare_pipe_tables(_plain(text)).text == text
        assert pipe_tables(_plain(text)).text == text


def test_year_two_activities_are_read_with_the_nav_cell_and_no_line_is_lost() -> None:
    text = NAV.read_text(encoding="utf-8")
    assert _BARE in text
    parsed = parse_report(NAV)
    report = parsed.report
    assert report is not None
    year = report.years[1]
    read = [(a.text.value, [i.value for i in a.indicators]) for a in year.activities]
    assert read == [
        ("Semināri NVO pārstāvjiem Aizkrauklē un Jēkabpilī – 6 – 117", [6, 117]),
        ("Konsultācijas biedrībām – 58 – nav", [58]),
        ("Zemgales NVO forums Jelgavā – 1 – 152", [1, 152]),
        ("Mazākumtautību kultūras pasākumi – 4 – 268", [4, 268]),
    ]
    # the forum's line (22) is read, not swallowed by the group heading under it
    assert [a.text.span.line for a in year.activities[:3]] == [20, 21, 22]
    assert [f.code for f in parsed.findings] == []
