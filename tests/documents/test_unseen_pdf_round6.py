"""Round 6 of the PDF reader, from an independent tester's Chromium prints of HTML reports
(`tests/fixtures/reports/unseen/`), their facts read by hand before the tool ran.

A funding table nested in the funding row, its period cell spanning a "Kopā" row and the
purpose rows, amounts wrapped in narrow cells ("45 / 000,00") and the table going on onto the
next page (Rīga, two planted): its rules do not touch the outer cell's, so pdfplumber found
it as a table of its own, the outer cell took all its glyphs, and the cells' lines were read
across the cells ("45 44 480,00" / "– 000,00 520,00"): the parser made up 44480,00, 0,00 and
520,00. The nested table is now laid into its row as more columns (`pdf_tables.py`), as the
same report printed without wrapping reads.

A page set in CSS `columns: 2`, ragged, labels as bold paragraphs (Latgale, clean): read line
by line across both columns, the report was scrambled. A gutter down most of the page with
two columns as wide as each other, their paragraphs starting at heights of their own, is now
read as text in columns (`pdf_columns.py`), as the one-column print reads.

A funding annex on a landscape page after the report's table, the funding cell pointing to it
("Skatīt 1. pielikumu (tabula nākamajā lappusē).") and its caption repeating the funding
label (Kurzeme, two planted): it was put aside after the report's end. It is now the funding
cell's content (`referred.py`, for PDF too), and Chromium's own footer on that landscape page
("file:///…html 3/3"), higher up than on the portrait pages, is page furniture.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.documents import Document, read_document
from pipeline.documents.layout import Para, Run, Table
from pipeline.documents.pdf_columns import Columns, text_of
from pipeline.documents.referred import follow_pointers
from pipeline.model import AmountRole, LegalForm, Parsed
from tests.parse.golden import (
    BACK,
    CS,
    MINORITY,
    MN,
    OVER,
    UNSEEN,
    A,
    D,
    P,
    amounts,
    read_unseen,
    report_of,
    years,
)

FILES = {
    "nested": "riga_chromium_nested_funding_table_wrapped_amounts_planted.pdf",
    "unwrapped": "riga_chromium_nested_funding_table_unwrapped_planted.pdf",
    "columns": "latgale_chromium_css_two_columns.pdf",
    "one_column": "latgale_chromium_bold_labels_one_column.pdf",
    "annex": "kurzeme_chromium_landscape_annex_planted.pdf",
}
E = Decimal
R = AmountRole.REMAINDER
FUNDING = "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _text(key: str) -> str:
    document = read_document(UNSEEN / FILES[key])
    assert isinstance(document, Document), document
    return document.text


def _serious(parsed: Parsed) -> list[str]:
    return sorted(f.code for f in parsed.findings if f.severity.value in ("warning", "error"))


# --- a funding table nested in its cell, amounts wrapped in narrow columns -------------------


def test_a_nested_tables_cells_stay_cells() -> None:
    lines = _text("nested").splitlines()
    # "01.07.2022. – 30.06.2023. | Kopā | 45 000,00 | 44 520,00 | 480,00 (pārcelts uz
    # nākamo periodu)", "45 / 000,00" and "44 / 520,00" wrapped in their cells
    assert (
        "\t01.07.2022. – 30.06.2023.\tKopā\t45 000,00\t44 520,00"
        "\t480,00 (pārcelts uz nākamo periodu)" in lines
    )
    # the header row on the funding label's row, as in a nested table whose rules touch
    assert (
        f"{FUNDING}\tPeriods\tFinansējuma mērķis\tPlānots, EUR\tFaktiski, EUR\tAtlikums, EUR"
        in (lines)
    )
    # the next page's first row ("pilsoniskās … | 27 000,00 | 27 000,00 | 0,00") is a row of
    # its own, not the rest of the "Kopā" row above the page break
    assert (
        "\t\tpilsoniskās sabiedrības attīstībai Rīgas reģionā\t27 000,00\t27 000,00\t0,00" in lines
    )
    assert not any("44 480,00" in line or "45 44" in line for line in lines)


def test_the_wrapped_and_the_unwrapped_print_read_alike() -> None:
    def funding(text: str) -> list[str]:
        lines = text.splitlines()
        start = next(i for i, ln in enumerate(lines) if ln.startswith(FUNDING))
        return lines[start : start + 7]

    assert funding(_text("nested")) == funding(_text("unwrapped"))


RIGA = [
    {
        # "01.07.2022. – 30.06.2023. | Kopā | 45 000,00 | 44 520,00 | 480,00 (pārcelts uz
        # nākamo periodu)"; "pilsoniskās … | 27 000,00 | 27 000,00 | 0,00";
        # "mazākumtautību … | 18 000,00 | 17 520,00 | 480,00"
        (P, None, E("45000.00")), (P, CS, E("27000.00")), (P, MN, E("18000.00")),
        (A, None, E("44520.00")), (A, CS, E("27000.00")), (A, MN, E("17520.00")),
        (OVER, None, E("480.00")), (OVER, CS, E("0.00")), (OVER, MN, E("480.00")),
    },
    {
        # "01.07.2023. – 30.06.2024. | Kopā | 45 000,00 | 44 910,00 | 90,00 (atgriezts KM)";
        # "… | 27 000,00 | 26 950,00 | 50,00"; "… | 18 000,00 | 17 960,00 | 40,00"
        (P, None, E("45000.00")), (P, CS, E("27000.00")), (P, MN, E("18000.00")),
        (A, None, E("44910.00")), (A, CS, E("26950.00")), (A, MN, E("17960.00")),
        (BACK, None, E("90.00")), (BACK, CS, E("50.00")), (BACK, MN, E("40.00")),
    },
]  # fmt: skip


def test_the_nested_funding_table_gives_the_reports_amounts(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "nested")
    assert [f.period and (f.period.start, f.period.end) for f in rep.funding] == [
        (D(2022, 7, 1), D(2023, 6, 30)),
        (D(2023, 7, 1), D(2024, 6, 30)),
    ]
    assert [amounts(f) for f in rep.funding] == RIGA
    # planted: "Rīgas reģionā" in the title, "Vidzemes reģionā" in the task; "14.10.2023."
    # in year I (to 30.06.2023.); the money all checks
    assert _serious(read["nested"]) == ["activity.date-outside-year", "region.mismatch"]


# --- a page set in two ragged columns -----------------------------------------------------------


def test_two_ragged_columns_read_as_the_one_column_print(read: dict[str, Parsed]) -> None:
    two, one = report_of(read, "columns"), report_of(read, "one_column")
    imp = two.implementer
    assert imp is not None and imp.registration_number is not None
    # "Biedrība “Rēzeknes kopienu attīstības biedrība” (reģ. Nr. 40008234567)"
    assert imp.legal_form is LegalForm.ASSOCIATION
    assert (imp.name.value, imp.registration_number.value) == (
        "Rēzeknes kopienu attīstības biedrība",
        "40008234567",
    )
    # "no 2023. gada 1. marta līdz 2025. gada 28. februārim"
    period = two.delegation_period
    assert period is not None and (period.start, period.end) == (D(2023, 3, 1), D(2025, 2, 28))
    # "I. ĪSTENOŠANAS GADS (01.03.2023. – 29.02.2024.)", "II. … (01.03.2024. – 28.02.2025.)"
    assert years(two) == [
        (1, (D(2023, 3, 1), D(2024, 2, 29))),
        (2, (D(2024, 3, 1), D(2025, 2, 28))),
    ]
    # year I: 5 civil-society activities, 3 for minorities ("Latgales mazākumtautību
    # kapacitātes celšanai:"); year II: 4 and 2
    groups = [(a.year, a.group) for a in two.activities]
    assert groups.count((1, MINORITY)) == 3 and groups.count((2, MINORITY)) == 2
    assert len(two.activities) == 14
    # "Plānots: 40000.00 EUR, t.sk. – 25000.00 EUR …; – 15000.00 EUR …" and "Faktiski:
    # 39655.10 EUR, t.sk. – 24880.00 EUR …; – 14775.10 EUR …", "344.90 EUR … atgriezts"
    assert amounts(two.funding[0]) == {
        (P, None, E("40000.00")), (P, CS, E("25000.00")), (P, MN, E("15000.00")),
        (A, None, E("40000.00")), (A, CS, E("25000.00")), (A, MN, E("15000.00")),
    }  # fmt: skip
    assert amounts(two.funding[1]) == {
        (P, None, E("40000.00")), (P, CS, E("25000.00")), (P, MN, E("15000.00")),
        (A, None, E("39655.10")), (A, CS, E("24880.00")), (A, MN, E("14775.10")),
        (BACK, None, E("344.90")),
    }  # fmt: skip
    # "Neatbilstoši veiktie izdevumi: Nav" and the rest: "Nav", the footer's "1" no part of it
    for statement in (two.irregular_expenditure, two.unrecovered_amount, two.other_information):
        assert statement is not None and statement.none
    assert [(a.text.value, a.group) for a in two.activities] == [
        (a.text.value, a.group) for a in one.activities
    ]
    assert _serious(read["columns"]) == []


def _glyphs(text: str, x0: float, top: float, size: float = 10.0) -> list[dict[str, object]]:
    out, x = [], x0
    for char in text:
        width = size * (0.3 if char == " " else 0.5)
        out.append(
            {"text": char, "x0": x, "x1": x + width, "top": top, "bottom": top + size,
             "size": size, "fontname": "Serif", "matrix": (1.0, 0.0, 0.0, 1.0, x, 0.0)}
        )  # fmt: skip
        x += width
    return out


# Left column: labels and short values, paragraphs apart; right column: short list lines.
LEFT = [
    "Valsts pārvaldes uzdevuma veicējs", "Biedrība “Rēzeknes kopienu", "",
    "Deleģēšanas līguma numurs", "KM/2023/41", "", "", "Neatbilstoši veiktie izdevumi",
    "Nav", "", "Cita informācija", "Nav",
]  # fmt: skip
RIGHT = [
    "1. Noorganizēti 7 semināri;", "2. Sniegtas 55 konsultācijas;", "3. Publicētas 26 ziņas.",
    "", "Plānots: 40000.00 EUR, t.sk.", "– 25000.00 EUR pilsoniskās", "– 15000.00 EUR mazākumtautību NVO",
    "Faktiski: 39655.10 EUR", "", "01.03.2024. – 28.02.2025.", "Plānots: 40000.00 EUR",
    "Nav",
]  # fmt: skip


def _page(left: list[str], right: list[str], shifted: bool = True) -> list[dict[str, object]]:
    chars: list[dict[str, object]] = []
    for k, (a, b) in enumerate(zip(left, right, strict=True)):
        # the right column's paragraphs spaced as its own, not as the left column's
        top = 100 + 14 * k + (3 if shifted and k % 4 == 3 else 0)
        chars += _glyphs(a, 50, 100 + 14 * k) + _glyphs(b, 320, top)
    return chars


def test_a_page_in_two_ragged_columns_is_read_column_by_column_a_table_is_not() -> None:
    parts = text_of(_page(LEFT, RIGHT), 0)
    assert len(parts) == 1 and isinstance(parts[0], Columns)
    read = [" ".join(w.text for w in line.words) for line in parts[0].lines]
    assert read == [t for t in LEFT if t] + [t for t in RIGHT if t]
    # Labels and values as wide, but each value begins at its label's height (rows): a
    # table without rules, not text in columns.
    values = [LEFT[k] and (RIGHT[k] or "Nav") for k in range(len(LEFT))]
    parts = text_of(_page(LEFT, values, shifted=False), 0)
    assert not any(isinstance(p, Columns) for p in parts)


# --- a funding annex on a landscape page ----------------------------------------------------


def test_the_annex_the_funding_cell_points_to_is_its_content(read: dict[str, Parsed]) -> None:
    text = _text("annex")
    line = next(ln for ln in text.splitlines() if ln.startswith(FUNDING + "\t"))
    # the pointer's words kept, then the caption and the annex's rows
    assert "<p>Skatīt 1. pielikumu (tabula nākamajā lappusē).</p>" in line
    assert "<p>| I (15.07.2022. – 14.07.2023.) | 49 000,00 | 30 000,00 | 19 000,00 |" in line
    # Chromium's own footer of the landscape page is no text of the report
    assert "file:///" not in text
    rep = report_of(read, "annex")
    assert rep.after_end is None
    assert [f.ordinal for f in rep.funding] == [1, 2, 3]
    # "I (15.07.2022. – 14.07.2023.) 49 000,00 30 000,00 19 000,00 49 000,00 30 000,00
    # 19 000,00 0,00 –"
    assert amounts(rep.funding[0]) == {
        (P, None, E("49000.00")), (P, CS, E("30000.00")), (P, MN, E("19000.00")),
        (A, None, E("49000.00")), (A, CS, E("30000.00")), (A, MN, E("19000.00")),
        (R, None, E("0.00")),
    }  # fmt: skip
    # "II … 47 786,53 28 959,87 18 826,66 1 213,47 pārcelts uz nākamo periodu"
    assert amounts(rep.funding[1]) == {
        (P, None, E("49000.00")), (P, CS, E("30000.00")), (P, MN, E("19000.00")),
        (A, None, E("47786.53")), (A, CS, E("28959.87")), (A, MN, E("18826.66")),
        (OVER, None, E("1213.47")),
    }  # fmt: skip
    # "III … 48 871,72 29 871,72 19 000,00 182,28 atgriezts ministrijas budžetā"
    assert amounts(rep.funding[2]) == {
        (P, None, E("49000.00")), (P, CS, E("30000.00")), (P, MN, E("19000.00")),
        (A, None, E("48871.72")), (A, CS, E("29871.72")), (A, MN, E("19000.00")),
        (BACK, None, E("182.28")),
    }  # fmt: skip


def test_the_remainder_planted_in_the_annex_is_found(read: dict[str, Parsed]) -> None:
    # "182,28" returned where 49 000,00 − 48 871,72 = 128,28; "18.09.2025." after year III
    codes = _serious(read["annex"])
    assert codes.count("funding.remainder-mismatch") == 1
    assert "activity.date-outside-year" in codes
    assert "structure.text-after-end" not in codes


def _report_table(funding_cell: str) -> Table:
    def cell(text: str) -> tuple[Para, ...]:
        return (Para((Run(text),)),) if text else ()

    return Table(((cell(FUNDING), cell(funding_cell)), (cell("Cita informācija"), cell("Nav"))))


def _paras(*texts: str) -> list[Para]:
    return [Para((Run(t),)) for t in texts]


ANNEX = Table((((Para((Run("Plānots"),)),), (Para((Run("54 000,00"),)),)),))


def test_an_annex_headed_with_a_sections_label_fills_its_empty_cell() -> None:
    # an empty funding cell, the annex after the table captioned with the funding label
    moved = follow_pointers([_report_table(""), *_paras(f"{FUNDING}, euro"), ANNEX])
    assert len(moved) == 1 and isinstance(moved[0], Table)
    assert [p.text for p in moved[0].rows[0][1]] == [
        f"{FUNDING}, euro",
        "| Plānots | 54 000,00 |",
    ]
    # a pointer to an annex takes no table whose caption names neither an annex nor the row
    kept = follow_pointers([_report_table("Skatīt pielikumu."), *_paras("Paraksti"), ANNEX])
    assert len(kept) == 3
    # nor does an empty cell whose label the caption does not repeat
    assert len(follow_pointers([_report_table(""), *_paras("Tabula"), ANNEX])) == 3
    # "Skatīt 1. pielikumu." with "1. pielikums" over the table
    pointed = follow_pointers(
        [_report_table("Skatīt 1. pielikumu."), *_paras("1. pielikums"), ANNEX]
    )
    assert len(pointed) == 1
