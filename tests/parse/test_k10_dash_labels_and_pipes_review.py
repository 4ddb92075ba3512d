"""A spaced dash closing a label's line with no value below it (the next label or the
report's end on the next line written) is the statement's answer, as it was before a dash
closing its line could set a label off; and pipes parting a statement's text (an address
over a phone number) are the text's, kept as written. The facts are read by hand from the
fixtures' text."""

from __future__ import annotations

from pipeline.model import Parsed, Statement
from pipeline.parse import parse_report, parse_text
from pipeline.parse.pipe_rows import bare_pipe_tables, figure_columns
from pipeline.parse.text import SourcedText, pipe_tables
from tests.conftest import FIXTURES

UNSEEN = FIXTURES / "reports" / "unseen"
VIDZEME = UNSEEN / "k10_vidzeme_dashed_labels_values_below.txt"
DASHES = UNSEEN / "k10_review_vidzeme_dash_answers_on_label_lines.txt"
CONTACTS = UNSEEN / "k10_review_zemgale_pipes_in_contacts.txt"

_IRREGULAR = "Neatbilstoši veiktie izdevumi –\n"
_UNRECOVERED = "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem –\n"
_OTHER = "Cita informācija –\n"


def _statements(parsed: Parsed) -> list[Statement | None]:
    report = parsed.report
    assert report is not None
    return [report.irregular_expenditure, report.unrecovered_amount, report.other_information]


def _answers(parsed: Parsed) -> list[tuple[str, bool] | None]:
    return [None if s is None else (s.text.value, s.none) for s in _statements(parsed)]


# -- a dash answer closing the label's line -----------------------------------------------------


def test_dash_answers_on_three_label_lines_in_a_row_are_the_answers() -> None:
    # lines 35-37: each label with " –" after it, the next label on the next line, the last
    # at the report's end
    text = DASHES.read_text(encoding="utf-8")
    assert _IRREGULAR + _UNRECOVERED + _OTHER in text and text.endswith(_OTHER)
    parsed = parse_report(DASHES)
    assert _answers(parsed) == [("–", True)] * 3
    assert [f.code for f in parsed.findings] == []


def test_a_dash_answer_before_the_next_label_below_a_blank_line() -> None:
    # "Neatbilstoši veiktie izdevumi –", a blank line, then the next label over its "Nav"
    text = VIDZEME.read_text(encoding="utf-8")
    assert _IRREGULAR + "\nNav\n\n" + _UNRECOVERED in text
    parsed = parse_text(text.replace(_IRREGULAR + "\nNav\n\n", _IRREGULAR + "\n"), "d1")
    assert _answers(parsed) == [("–", True), ("Nav", True), ("Nav", True)]


def test_a_dash_answer_of_the_last_label_at_the_reports_end() -> None:
    text = VIDZEME.read_text(encoding="utf-8")
    assert text.endswith(_OTHER + "\nNav\n")
    for end in (_OTHER, _OTHER.rstrip("\n"), _OTHER + "\n\n", "Cita informācija – \n"):
        parsed = parse_text(text.removesuffix(_OTHER + "\nNav\n") + end, "d2")
        assert _answers(parsed)[2] == ("–", True), repr(end)


def test_a_dash_closing_a_labels_line_with_the_value_below_is_still_the_labels() -> None:
    # the fixture as written: each dash over a blank line and the value ("Nav", the task)
    parsed = parse_report(VIDZEME)
    assert _answers(parsed) == [("Nav", True)] * 3
    assert parsed.report is not None and parsed.report.task is not None
    assert parsed.report.task.value.startswith("Par atsevišķu valsts pārvaldes uzdevumu")


# -- pipes in a statement's text ------------------------------------------------------------------


def test_pipes_in_the_other_information_are_kept_as_written() -> None:
    # lines 35-37: "Cita informācija: Biedrības kontakti:" over two contact lines parted by
    # pipes, the figures of an address and a phone number in no column of their own
    parsed = parse_report(CONTACTS)
    other = _statements(parsed)[2]
    assert other is not None and not other.none
    assert other.text.value == (
        "Biedrības kontakti: Rīgas iela 12 | Jelgava | LV-3001 "
        "tālr. 63012345 | info@zemgalesnvo.lv | www.zemgalesnvo.lv"
    )
    assert [f.code for f in parsed.findings] == []
    # the pipe tables above it are still read: year I's first activity row and the funding
    report = parsed.report
    assert report is not None
    first = report.years[0].activities[0]
    assert [i.value for i in first.indicators] == [5, 96]
    assert [(r.ordinal, len(r.amounts)) for r in report.funding] == [(1, 3), (2, 3)]


def test_text_parted_by_pipes_stays_text_with_or_without_outer_pipes() -> None:
    for text in (
        "Rīgas iela 12 | Jelgava | LV-3001\ntālr. 63012345 | info@nvo.lv | www.nvo.lv\n",
        "| Rīgas iela 12 | Jelgava | LV-3001 |\n| tālr. 63012345 | info@nvo.lv | www.nvo.lv |\n",
        "| organizēti 3 pasākumi | kopā 210 dalībnieki |\n| sniegtas 12 konsultācijas | Jelgavā |\n",
    ):
        plain = SourcedText(text, tuple(range(len(text))))
        assert bare_pipe_tables(plain).text == text
        assert pipe_tables(plain).text == text


def test_figures_in_the_same_columns_are_a_tables() -> None:
    assert figure_columns([["Gads", "Plānots", "Faktiski"], ["2023", "10 000,00", "9 800,00"]])
    # a header row without figures, a dash for a count not given
    assert figure_columns(
        [["Nr.", "Aktivitāte", "Skaits"], ["1.", "Semināri", "5"], ["2.", "X", "–"]]
    )
    assert not figure_columns(
        [["Rīgas iela 12", "Jelgava", "LV-3001"], ["tālr. 6301", "a@b.lv", "c"]]
    )
    assert not figure_columns([["Jelgava", "Dobele"], ["Tukums", "Talsi"]])
