"""The PDF reader on an independent tester's LibreOffice prints (`tests/fixtures/reports/unseen/`,
made from OpenDocument files), their facts read by hand before the tool ran.

- A body set in a two-column section, its last lines balanced over the columns on the last
  page (Kurzeme, clean): "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem /
  Nav" on the left beside "Cita informācija / Nav" on the right, too few lines to show a
  gutter, were read across the page into one field ("Nav Nav") and the section "Cita
  informācija" was reported missing. They go on in the columns of the page before
  (`pdf_balanced.py`).
- A funding row split over a page break in the middle of its label (Latgale, one planted):
  "III gads (15.07.2024. –" at the foot of page 2, "14.07.2025.)" at the top of page 3. The
  label going on with a digit was taken for a numbered table's next row, and year III lost its
  period; a label going on with a capital ("… attīstībai" / "Zemgales reģionā", Zemgale) made
  a row of its own. Both are one row again (`pdf_split_rows.py`).
- Narrow activity columns (Zemgale, one planted): LibreOffice cut words too long for the
  column where the line was full, "Dalībnie" / "ki" in the header and dates "28.01.202" /
  "3.". Read as two paragraphs, the participants column and the dates went unread. A date
  cut inside its year, and a word cut where it filled its line from the margin to clearly
  more than a space from the edge, are one word again (`pdf_lines.py`).
- Tables typed with tab stops (Vidzeme, one planted): the activity rows ("1.<TAB>Apzinātas MT
  NVO vajadzības<TAB>14<TAB>-") and the funding row ("2021.<TAB><TAB>15 000,00<TAB>14
  820,35<TAB>179,65", its header's last cell wrapped onto the next line) were read as lines of
  words; the planned amount became a remainder. They are tables now (`pdf_tabs.py`).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import pytest

from pipeline.documents import Document, read_document
from pipeline.documents.pdf_lines import Paragraph, lines_of, paragraphs
from pipeline.model import AmountRole, Parsed
from tests.parse.golden import UNSEEN, read_unseen, report_of

FILES = {
    "two_columns": "kurzeme_libreoffice_two_column_last_page.pdf",
    "split_row": "latgale_libreoffice_period_row_split_over_pages_planted.pdf",
    "narrow": "zemgale_libreoffice_narrow_columns_cut_dates_planted.pdf",
    "tabs": "vidzeme_libreoffice_tab_stop_tables_planted.pdf",
}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen({key: FILES[key] for key in ("two_columns", "split_row", "tabs")})


def _document(key: str) -> Document:
    document = read_document(UNSEEN / FILES[key])
    assert isinstance(document, Document), document
    return document


def _lines(key: str) -> list[str]:
    return _document(key).text.splitlines()


# --- the last page's lines balanced over the section's two columns ---------------------------


def test_the_last_pages_balanced_columns_are_read_one_after_the_other() -> None:
    lines = _lines("two_columns")
    # Page 2: left "Neatgūto līdzekļu apmērs no neatbilstoši / veiktajiem izdevumiem / Nav",
    # right "Cita informācija / Nav"; page 1's right column ended with "Neatbilstoši veiktie
    # izdevumi / Nav".
    assert lines[-6:] == [
        "Neatbilstoši veiktie izdevumi",
        "Nav",
        "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem",
        "Nav",
        "Cita informācija",
        "Nav",
    ]


def test_page_two_is_its_left_column_and_then_its_right_one() -> None:
    document = _document("two_columns")
    assert document.text[document.page_starts[1] :] == (
        "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem\nNav\n"
        "Cita informācija\nNav\n"
    )


def test_the_last_fields_are_read_apart(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "two_columns")
    assert rep.unrecovered_amount is not None and rep.unrecovered_amount.none
    assert rep.unrecovered_amount.text.value == "Nav"
    assert rep.other_information is not None and rep.other_information.none
    assert "structure.missing-section" not in {f.code for f in read["two_columns"].findings}


# --- a row split over a page break in its label ----------------------------------------------


def test_a_label_going_on_with_a_date_over_the_page_break_is_one_row() -> None:
    lines = _lines("split_row")
    assert (
        "III gads (15.07.2024. – 14.07.2025.)\t<p>48 000,00 euro, t.sk.</p>"
        "<p>- 28 000,00 euro pilsoniskās sabiedrības attīstībai Latgales reģionā;</p>"
        "<p>- 20 000,00 euro mazākumtautību nevalstisko organizāciju attīstības un ilgtspējas"
        " veicināšanai</p>" in "\n".join(lines)
    )
    assert not any(line.startswith("14.07.2025.)") for line in lines)


def test_year_three_of_the_funding_keeps_its_period(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "split_row")
    periods = {f.ordinal: f.period and (f.period.start, f.period.end) for f in rep.funding}
    assert periods[3] == (dt.date(2024, 7, 15), dt.date(2025, 7, 14))


def test_a_label_going_on_with_a_capital_alone_in_its_row_is_one_row() -> None:
    lines = _lines("narrow")
    # "t.sk. pilsoniskās sabiedrības attīstībai" at the foot of page 2, "Zemgales reģionā"
    # alone at the top of page 3.
    assert (
        "t.sk. pilsoniskās sabiedrības attīstībai Zemgales reģionā\t30 000,00\t30 494,90"
        "\t30 000,00" in lines
    )
    assert not any(line.startswith("Zemgales reģionā") for line in lines)


# --- words cut in narrow columns -------------------------------------------------------------


def test_a_narrow_header_and_dates_cut_in_their_column_are_whole_again() -> None:
    lines = _lines("narrow")
    header = "Nr.\tAktivitāte\tSkaits\tDalībnieki\tNorises laiks"
    assert sum(1 for line in lines if line == header) == 3
    for row in (
        "5.\tBauskas NVO forums\t1\t96\t28.01.2023.",
        "6.\tIedzīvotāju piederības apziņas pasākumi (Zemgales NVO forums Jelgavā, Jāņu"
        " ieskaņas pasākums Dobelē)\t2\t210\t10.05.2023.; 17.06.2023.",
        "4.\tDivu dienu Zemgales NVO forums Dobelē\t1\t134\t19.04.2024.–20.04.2024.",
        "4.\tKopienas dienas Jelgavā\t1\t88\t21.12.2024.",
    ):
        assert row in lines


SIZE, SPACE = 9.0, 2.85
MARGIN, RIGHT = 100.0, 200.0


def _glyphs(text: str, top: float, glyph: float) -> list[dict[str, Any]]:
    out, x = [], MARGIN
    for char in text:
        width = SPACE if char == " " else glyph
        out.append(
            {"text": char, "x0": x, "x1": x + width, "top": top, "bottom": top + SIZE,
             "size": SIZE, "fontname": "DejaVuSerif"}
        )  # fmt: skip
        x += width
    return out


def _read(*drawn: list[dict[str, Any]]) -> list[str]:
    lines = lines_of([c for line in drawn for c in line], 0)
    paras: list[Paragraph] = paragraphs(lines, MARGIN, RIGHT)
    return ["".join((" " if w.space_before else "") + w.text for w in p.words) for p in paras]


def test_a_word_filling_its_line_and_cut_goes_on_without_a_space() -> None:
    # 19 glyphs of 5 end 5 points from the edge: the next glyph (5) did not fit, a space
    # (2.85) would have.
    assert _read(_glyphs("a" * 19, 0, 5.0), _glyphs("bb", 11, 5.0)) == ["a" * 19 + "bb"]
    # "Norises" ends 2 points from the edge: a line wrapped at a space that did not fit there
    # shows no space either, and its words stay apart.
    assert _read(_glyphs("Norises", 0, 14.0), _glyphs("laiks", 11, 5.0)) == ["Norises laiks"]


# --- tables typed with tab stops -------------------------------------------------------------


def test_rows_typed_with_tab_stops_are_table_rows() -> None:
    lines = _lines("tabs")
    rows = [
        "Nr.\tAktivitāte\tSkaits\tDalībn.",
        "1.\tApzinātas MT NVO vajadzības\t14\t-",
        "2.\tIegādāts aprīkojums MT NVO\t9\t-",
        "3.\tTiešsaistes meistarklases\t5\t112",
        '4.\tSeminārs "MT NVO iespējas 2021"\t1\t27',
        "5.\tKultūras pasākumi klātienē\t3\t265",
        "6.\tIzdots buklets (LV/RU)\t1\t-",
    ]
    start = lines.index(rows[0])
    assert lines[start : start + len(rows)] == rows
    # The paragraph after the table, indented to the first tab stop, is no row of it.
    assert lines[start + len(rows)].startswith("Kultūras pasākumi notika 12.06.2021.")


def test_a_tab_stop_header_wrapped_at_its_last_tab_keeps_its_cells() -> None:
    lines = _lines("tabs")
    # "Atlikums,EUR" did not fit after "Faktiski,EUR" and went over to the next line.
    start = lines.index("Gads\tPlānots,EUR\tFaktiski,EUR\tAtlikums,EUR")
    assert lines[start + 1] == "2021.\t15 000,00\t14 820,35\t179,65"
    # A label and its value after one tab are no table.
    assert "Cita informācija: Nav" in lines


def test_the_tab_stop_funding_row_reads_its_plan_and_spending(read: dict[str, Parsed]) -> None:
    (row,) = report_of(read, "tabs").funding
    planned, actual = row.total(AmountRole.PLANNED), row.total(AmountRole.ACTUAL)
    assert planned is not None and planned.value == Decimal("15000.00")
    assert actual is not None and actual.value == Decimal("14820.35")
