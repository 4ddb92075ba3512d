"""A dash answering a statement with spaces typed after it ("…izdevumiem: - "), and pipe
tables typed without Markdown's delimiter row ("|---|") or without the outer pipes, in the
activity and the funding part. The facts are read by hand from the fixtures' text."""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.model import AmountRole, Parsed
from pipeline.parse import parse_report, parse_text
from pipeline.parse.pipe_rows import bare_pipe_tables
from pipeline.parse.text import SourcedText, pipe_tables
from tests.conftest import FIXTURES

P, A, R = AmountRole.PLANNED, AmountRole.ACTUAL, AmountRole.REMAINDER
UNSEEN = FIXTURES / "reports" / "unseen"
KURZEME = UNSEEN / "kurzeme_caps_numbered_labels_spaces.txt"
ZEMGALE = UNSEEN / "k10_zemgale_pipe_tables_without_delimiter_row.txt"
LATGALE = UNSEEN / "k10_latgale_compact_pipe_rows_remainder_planted.txt"
_UNRECOVERED = "7. NEATGŪTO LĪDZEKĻU APMĒRS NO NEATBILSTOŠI VEIKTAJIEM IZDEVUMIEM"


def _kurzeme(answer: str) -> Parsed:
    text = KURZEME.read_text(encoding="utf-8")
    assert f"{_UNRECOVERED}: -\n" in text
    return parse_text(text.replace(f"{_UNRECOVERED}: -\n", f"{_UNRECOVERED}{answer}\n"), "k")


def _funding(parsed: Parsed) -> list[tuple[int | None, list[tuple[str, Decimal | None]]]]:
    assert parsed.report is not None
    return [
        (row.ordinal, sorted((a.role.value, a.value) for a in row.amounts))
        for row in parsed.report.funding
    ]


def _row(planned: str, actual: str, remainder: str) -> list[tuple[str, Decimal | None]]:
    return sorted(
        [(P.value, Decimal(planned)), (A.value, Decimal(actual)), (R.value, Decimal(remainder))]
    )


# -- a dash answer with spaces after it -------------------------------------------------------


def test_a_dash_answer_with_spaces_after_it_is_the_dash_answer() -> None:
    for answer in (": - ", ": –  ", ":\u00a0-\u00a0"):
        parsed = _kurzeme(answer)
        assert parsed.report is not None
        unrecovered = parsed.report.unrecovered_amount
        assert unrecovered is not None, repr(answer)
        assert unrecovered.none and unrecovered.text.value in ("-", "–"), repr(answer)
        assert unrecovered.value is None
        assert [f.code for f in parsed.findings] == [], repr(answer)


def test_a_dash_after_a_label_without_a_colon_still_ends_the_label() -> None:
    # "LABEL – " over the answer on the next line: the dash sets the label off, as before
    parsed = _kurzeme(" - \nNav")
    assert parsed.report is not None
    unrecovered = parsed.report.unrecovered_amount
    assert unrecovered is not None and unrecovered.none and unrecovered.text.value == "Nav"


def test_a_dash_before_an_answer_after_a_colon_is_still_the_labels() -> None:
    parsed = _kurzeme(": - nav ")
    assert parsed.report is not None
    unrecovered = parsed.report.unrecovered_amount
    assert unrecovered is not None and unrecovered.none and unrecovered.text.value == "nav"


# -- pipe tables without the delimiter row or the outer pipes ---------------------------------


def test_bare_pipe_rows_are_the_funding_table_and_the_dash_answer_is_read() -> None:
    parsed = parse_report(ZEMGALE, name=ZEMGALE.name)
    assert _funding(parsed) == [
        (1, _row("24000.00", "23815.40", "184.60")),
        (2, _row("24000.00", "24000.00", "0.00")),
    ]
    assert parsed.report is not None
    unrecovered = parsed.report.unrecovered_amount
    assert unrecovered is not None and unrecovered.none and unrecovered.text.value == "-"
    assert parsed.findings == ()


def _indicators(parsed: Parsed, year: int) -> list[list[tuple[str, int]]]:
    assert parsed.report is not None
    return [
        [(i.kind, i.value) for i in a.indicators]
        for y in parsed.report.years
        if y.ordinal == year
        for a in y.activities
    ]


def test_activity_rows_with_and_without_outer_pipes_are_read_alike() -> None:
    parsed = parse_report(ZEMGALE, name=ZEMGALE.name)
    # year I: "| 1. | Semināri … | 5 | 96 |"; year II: "1. | Semināri … | 6 | 117"
    assert _indicators(parsed, 1) == [
        [("seminars", 5), ("participants", 96)],
        [("consultations", 61)],
        [("forums", 1), ("participants", 134)],
        [("events", 3), ("participants", 210)],
    ]
    assert _indicators(parsed, 2) == [
        [("seminars", 6), ("participants", 117)],
        [("consultations", 58)],
        [("forums", 1), ("participants", 152)],
        [("events", 4), ("participants", 268)],
    ]


def test_a_table_without_its_delimiter_row_reads_as_with_it() -> None:
    text = ZEMGALE.read_text(encoding="utf-8")
    header = "Gads | Plānots | Faktiski | Atlikums\n"
    assert header in text
    # the same table typed as Markdown: outer pipes and a delimiter row under the header
    markdown = re.sub(r"(?m)^((?:Nr\.|\d\.|Gads|I+\. gads) .*\S)$", r"| \1 |", text).replace(
        f"| {header.strip()} |\n", f"| {header.strip()} |\n|---|---|---|---|\n"
    )
    assert "|---|" in markdown and "\n1. |" not in markdown
    plain, typed = parse_report(ZEMGALE, name=ZEMGALE.name), parse_text(markdown, "md")
    assert _funding(plain) == _funding(typed)
    assert _indicators(plain, 2) == _indicators(typed, 2)


def test_compact_pipe_rows_raise_the_planted_remainder() -> None:
    parsed = parse_report(LATGALE, name=LATGALE.name)
    assert _funding(parsed) == [
        (1, _row("30000.00", "29640.00", "360.00")),
        (2, _row("30000.00", "29500.00", "400.00")),
        (3, _row("30000.00", "30000.00", "0.00")),
    ]
    # planted: 30 000,00 − 29 500,00 is 500,00, the row says 400,00
    assert [f.code for f in parsed.findings] == ["funding.remainder-mismatch"]
    assert _indicators(parsed, 2) == [
        [("seminars", 5), ("participants", 88)],
        [("forums", 1), ("participants", 119)],
        [("events", 3), ("participants", 240)],
    ]


def _plain(text: str) -> SourcedText:
    return SourcedText(text, tuple(range(len(text))))


def test_pipes_in_sentences_stay_text() -> None:
    for text in (
        # one line alone
        "Kontakti: Jelgava | Dobele | Bauska\n",
        # two lines of other counts
        "Jelgava | Dobele | Bauska\nTukums | 2023\n",
        # no figure in any row
        "Jelgava | Dobele | Bauska\nTukums | Talsi | Kuldīga\n",
        # one pipe a line: two cells are no certain table
        "Plānots | 24 000,00\nFaktiski | 23 815,40\n",
    ):
        assert bare_pipe_tables(_plain(text)).text == text
    for text in (
        "| Jelgava | Dobele |\n",
        "| Jelgava | Dobele |\n| Tukums | Talsi |\n",
        "| Jelgava | Dobele | Bauska |\n| 2023 |\n",
    ):
        assert pipe_tables(_plain(text)).text == text


def test_bare_rows_become_tab_rows_with_their_sources() -> None:
    text = "Gads | Plānots | Faktiski\n---|---|---\n2023 | 10 000,00 | 9 800,00\n"
    turned = bare_pipe_tables(_plain(text))
    assert turned.text == "Gads\tPlānots\tFaktiski\n2023\t10 000,00\t9 800,00\n"
    # each tab stands for its pipe, each word for itself
    tabs = [turned.offsets[k] for k, c in enumerate(turned.text) if c == "\t"]
    assert all(text[o] == "|" for o in tabs)
    assert "".join(text[o] for o in turned.offsets) == turned.text.replace("\t", "|")
    markdown = "| Gads | Plānots | Faktiski |\n| 2023 | 10 000,00 | 9 800,00 |\n"
    assert pipe_tables(_plain(markdown)).text == turned.text


# -- labels closed by a dash, their values on a later line ------------------------------------

VIDZEME = UNSEEN / "k10_vidzeme_dashed_labels_values_below.txt"


def test_a_dash_closing_a_labels_line_is_the_labels() -> None:
    for text in (
        VIDZEME.read_text(encoding="utf-8"),
        # the same typed with spaces after each line's last character
        re.sub(r"(?<=\S)$", "  ", VIDZEME.read_text(encoding="utf-8"), flags=re.M),
        # and with a colon before each dash: "Valsts pārvaldes uzdevums: –" over the task
        VIDZEME.read_text(encoding="utf-8").replace(" –\n\n", ": –\n\n"),
    ):
        parsed = parse_text(text, VIDZEME.name)
        report = parsed.report
        assert report is not None
        assert parsed.findings == ()
        assert report.unlabelled == ()
        assert report.task is not None and report.task.value.startswith("Par atsevišķu ")
        implementer = report.implementer
        assert implementer is not None
        assert implementer.text.value.startswith('Biedrība "Vidzemes kopienu tīkls"')
        # "Reģ. Nr. 4000 801 2345": the number with its groups' spaces gone
        assert implementer.registration_number is not None
        assert implementer.registration_number.value == "40008012345"
        assert report.delegation_period is not None
        assert report.delegation_period.text == "01.01.2022. – 31.12.2023."
        for statement in (
            report.irregular_expenditure,
            report.unrecovered_amount,
            report.other_information,
        ):
            assert statement is not None and statement.none and statement.text.value == "Nav"
        assert _funding(parsed) == [
            (1, _row("20000.00", "19870.00", "130.00")),
            (2, _row("20000.00", "20000.00", "0.00")),
        ]
