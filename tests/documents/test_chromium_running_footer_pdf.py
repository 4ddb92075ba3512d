"""Document forms from an independent tester's Chromium PDF: a running footer Chromium painted over the
table header it repeats on every page, amounts set flush right and headers centred in their
cells, numbered rows at a page break, a year's cell spanning its purpose rows, a title
wrapped over the page's width."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pipeline.documents import Document, read_document_bytes
from pipeline.documents.pdf_lines import Paragraph, lines_of, paragraphs
from pipeline.documents.pdf_running import over_rules, running

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
# Printed by `chromium --headless --no-pdf-header-footer --print-to-pdf` from the .html beside
# it on A5 pages: 18 numbered activities over pages 1–2 with the header repeated, a footer
# `position: fixed` that Chromium paints on pages 2 and 3 across the repeated header row, and
# a funding table whose "I gads" cell spans three rows (the last a note over three columns).
FOOTER = FIXTURES / "chromium_running_footer.pdf"


def _activity(n: int) -> str:
    return f"{n}.\tSeminārs „Tēma {n}”\t{10 + n:02d}.05.2024.\tRēzekne\t{20 + n}"


def test_chromium_pdf_reads_as_the_html_it_was_printed_from() -> None:
    document = read_document_bytes(FOOTER.read_bytes(), "footer.pdf")
    assert isinstance(document, Document), document
    assert document.text.splitlines() == [
        # The title wraps over two drawn lines of the page's width: one paragraph.
        "Kopsavilkums par deleģētā valsts pārvaldes uzdevuma izpildi pilsoniskās sabiedrības"
        " jomā Latgales reģionā (2024–2027)",
        "Pārskata sākums.",
        # Centred header cells, "Dalībnieku skaits" over two lines: no list items.
        "Nr.\tAktivitāte\tDatums\tVieta\tDalībnieku skaits",
        # Counts set flush right are the cell's text, not list items; rows 6 and 7 on either
        # side of the page break stay two rows; the footer is in none of them.
        *(_activity(n) for n in range(1, 19)),
        "Īstenošanas gads\tFinansējuma mērķis\tPlānots, EUR\tFaktiski, EUR",
        "I gads\tpilsoniskās sabiedrības attīstībai\t31 000,00\t30 988,40",
        # The rows the year's cell spans begin with its empty cell, as in a Word table.
        "\tmazākumtautību NVO attīstībai\t25 000,00\t24 226,20",
        "\tAtlikums 785,40 EUR pārcelts.",
    ]
    assert "Testa NVO" not in document.text
    assert "2026" not in document.text


def _glyphs(text: str, x0: float, top: float, size: float = 9.0) -> list[dict[str, Any]]:
    out, x = [], x0
    for char in text:
        width = size * 0.3 if char == " " else size * 0.55
        out.append(
            {"text": char, "x0": x, "x1": x + width, "top": top, "bottom": top + size, "size": size}
        )
        x += width
    return out


# A header row of two cells, the rule between them at x = 100.
ROW = [[(50.0, 10.0, 100.0, 40.0), (100.0, 10.0, 200.0, 40.0)]]


def test_a_run_drawn_over_a_rule_on_two_pages_is_running_text() -> None:
    footer = _glyphs("Biedrība KM · 2026", 70, 25)  # from 70 to about 150: over the rule
    header = _glyphs("Nr.", 55, 12) + _glyphs("Aktivitāte", 105, 12)
    page = header + footer
    runs = [over_rules(page, ROW), over_rules(page, ROW)]
    assert [len(r) for r in runs] == [1, 1]
    dropped = running(runs)
    assert dropped[0] == set(range(len(header), len(page)))
    # The cells' own text, kept off the rule by the cells' padding, is no run over it.
    assert over_rules(header, ROW) == []


def test_a_run_over_a_rule_on_one_page_only_is_kept() -> None:
    # An overlong word spilling out of its column is the report's text.
    spill = _glyphs("Pārmērīgigaršvārds", 60, 25)
    assert len(over_rules(spill, ROW)[0].glyphs) == len(spill)
    assert running([over_rules(spill, ROW), []]) == [set(), set()]


def test_running_text_with_another_page_number_is_the_same_run() -> None:
    one, two = _glyphs("Lapa 2 no 3", 80, 25), _glyphs("Lapa 3 no 3", 80, 25)
    assert running([over_rules(one, ROW), over_rules(two, ROW)]) == [
        set(range(len(one))),
        set(range(len(two))),
    ]


def _shown(para: Paragraph) -> tuple[str | None, str]:
    return para.marker, "".join((" " if w.space_before else "") + w.text for w in para.words)


def test_an_amount_set_flush_right_is_no_list_item() -> None:
    # The cell's text runs from 100 to 200; "30 988,40" ends at the right margin.
    amount = _glyphs("30 988,40", 200 - 8 * 4.95 - 2.7, 10)
    lines = lines_of(amount, 0)
    assert abs(lines[0].x1 - 200) < 0.5
    assert [_shown(p) for p in paragraphs(lines, 100, 200, wrap_spaces=False)] == [
        (None, "30 988,40")
    ]


def test_a_centred_header_whose_first_line_fills_the_cell_is_one_paragraph() -> None:
    # "Īstenošanas" fills the cell from 100 to about 160; "gads" stands in its middle.
    wide = _glyphs("Īstenošanas", 100, 10, size=10.9)
    width = wide[-1]["x1"] - 100
    short = _glyphs("gads", 100 + (width - 4 * 5.995) / 2, 24, size=10.9)
    lines = lines_of(wide + short, 0)
    paras = paragraphs(lines, 100, 100 + width, wrap_spaces=False)
    assert [_shown(p) for p in paras] == [(None, "Īstenošanas gads")]
