"""Round 4 of the document readers: a PDF's page furniture that took the report's own
headings, and an HTML report written as a definition list.

A year heading at the top of each page after a page break ("2. ĪSTENOŠANAS GADS
(01.01.2024.–31.12.2024.)", "3. … 2025."; or "2024. gads", "2025. gads") was dropped as a
running header once its digits were left out: every activity then fell into year 1, with
false date findings. Only a page number may differ between a running line's copies, and a
line the template's grammar reads is never furniture.

An HTML report whose labels and values are `<dt>`/`<dd>` lost everything after the first
label into the task's value; it now reads as the same report written as a table.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.documents import Document, read_document_bytes
from pipeline.documents.layout import render
from pipeline.documents.pdf_lines import Line, Word
from pipeline.documents.pdf_running import furniture, over_rules, page_key, running
from pipeline.documents.web import read_html
from pipeline.model import LegalForm
from pipeline.read import read_report

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"


def _line(text: str, top: float, page: int) -> Line:
    words, x = [], 40.0
    for word in text.split():
        words.append(Word(word, x, x + 6 * len(word), top, top + 9, 9.0, page, False))
        x += 6 * len(word) + 3
    return Line(words)


def _furniture(outside: list[list[tuple[str, float]]]) -> list[set[int]]:
    """`furniture` over pages whose other text runs from 100 to 400 points down the page."""
    lines = [[_line(t, top, p) for t, top in page] for p, page in enumerate(outside)]
    inside = [[_line("teksts", y, p) for y in (100.0, 400.0)] for p in range(len(outside))]
    return furniture(lines, inside)


# --- page furniture: only a page number differs -------------------------------------------


def test_year_headings_opening_each_page_are_no_running_header() -> None:
    pages = [
        [("1. ĪSTENOŠANAS GADS (01.01.2023.–31.12.2023.)", 60.0)],
        [("2. ĪSTENOŠANAS GADS (01.01.2024.–31.12.2024.)", 20.0)],
        [("3. ĪSTENOŠANAS GADS (01.01.2025.–31.12.2025.)", 20.0)],
    ]
    assert _furniture(pages) == [set(), set(), set()]


def test_calendar_year_headings_opening_each_page_are_kept() -> None:
    pages = [[("2023. gads", 60.0)], [("2024. gads", 20.0)], [("2025. gads", 20.0)]]
    assert _furniture(pages) == [set(), set(), set()]


def test_a_heading_the_grammar_reads_is_kept_even_written_alike_on_every_page() -> None:
    # A year continued over pages, its heading repeated at each page's top: each copy is
    # still the heading the following items belong to.
    same = [[("II ĪSTENOŠANAS GADS", 20.0)] for _ in range(3)]
    assert _furniture(same) == [set(), set(), set()]
    labels = [[("Cita informācija: Nav", 560.0)] for _ in range(3)]
    assert _furniture(labels) == [set(), set(), set()]
    items = [[("1) Sniegtas konsultācijas", 20.0)] for _ in range(3)]
    assert _furniture(items) == [set(), set(), set()]


def test_a_year_in_a_line_is_its_text_not_a_page_number() -> None:
    pages = [
        [("Biedrība KM 2024", 560.0)],
        [("Biedrība KM 2025", 560.0)],
        [("Biedrība KM 2026", 560.0)],
    ]
    assert _furniture(pages) == [set(), set(), set()]
    # A date is the line's text too.
    dated = [[(f"Sēde {d}.05.2024.", 20.0)] for d in (3, 4, 5)]
    assert _furniture(dated) == [set(), set(), set()]


def test_page_numbers_in_their_usual_forms_are_furniture() -> None:
    for form in ("- {n} -", "{n}/3", "{n}. lpp.", "Lapa {n} no 3", "Biedrība „X” · {n}"):
        pages = [[(form.format(n=n), 560.0)] for n in (1, 2, 3)]
        assert _furniture(pages) == [{0}, {0}, {0}], form


def test_numbers_that_do_not_go_on_with_the_pages_are_no_page_numbers() -> None:
    pages = [[("12", 20.0)], [("7", 20.0)], [("30", 20.0)]]
    assert _furniture(pages) == [set(), set(), set()]


def test_the_page_key_leaves_out_page_numbers_only() -> None:
    assert page_key("Lapa 2 no 4").text == "#"
    assert page_key("Lapa 2 no 4").numbers == (2, 4)
    assert page_key("Biedrība X · 3").text == "Biedrība X · #"
    assert page_key("2. ĪSTENOŠANAS GADS (01.01.2024.)").text == "2. ĪSTENOŠANAS GADS (01.01.2024.)"
    assert page_key("Sākums 10:30").text == "Sākums 10:30"
    assert page_key("1–3 semināri").text == "1–3 semināri"


def _glyphs(text: str, x0: float, top: float) -> list[dict[str, object]]:
    out, x = [], x0
    for char in text:
        width = 2.7 if char == " " else 4.95
        out.append(
            {"text": char, "x0": x, "x1": x + width, "top": top, "bottom": top + 9, "size": 9}
        )
        x += width
    return out


def test_text_over_a_table_rule_with_another_year_is_no_running_text() -> None:
    row = [[(50.0, 10.0, 100.0, 40.0), (100.0, 10.0, 200.0, 40.0)]]
    one, two = _glyphs("Pārskats par 2024", 70, 25), _glyphs("Pārskats par 2025", 70, 25)
    assert running([over_rules(one, row), over_rules(two, row)]) == [set(), set()]


def _pdf_text(name: str) -> list[str]:
    document = read_document_bytes((FIXTURES / name).read_bytes(), name)
    assert isinstance(document, Document), document
    return document.text.splitlines()


# Chromium PDFs of A4 pages printed from the .html beside them: each year's heading opens a
# page of its own (`page-break-before: always`).
def test_chromium_pdf_keeps_the_year_headings_opening_its_pages() -> None:
    lines = _pdf_text("round4_year_pages.pdf")
    headings = [line for line in lines if "ĪSTENOŠANAS GADS" in line]
    assert headings == [
        "1. ĪSTENOŠANAS GADS (01.01.2023.–31.12.2023.)",
        "2. ĪSTENOŠANAS GADS (01.01.2024.–31.12.2024.)",
        "3. ĪSTENOŠANAS GADS (01.01.2025.–31.12.2025.)",
    ]
    # Each heading before its year's items.
    at = lines.index(headings[1])
    assert lines[at + 1].startswith("1) Noorganizēti 4 semināri (Valmierā 2024. gada 7. maijā")


def test_the_year_pages_report_reads_three_years_and_no_date_outside_its_year() -> None:
    parsed = read_report(FIXTURES / "round4_year_pages.pdf", "round4_year_pages.pdf")
    report = parsed.report
    assert report is not None
    assert [len(y.activities) for y in report.years] == [2, 2, 2]
    assert not [f for f in parsed.findings if f.code == "activity.date-outside-year"]


def test_chromium_pdf_keeps_the_calendar_year_headings_opening_its_pages() -> None:
    lines = _pdf_text("round4_calendar_pages.pdf")
    assert [line for line in lines if line.endswith(". gads")] == [
        "2023. gads",
        "2024. gads",
        "2025. gads",
    ]
    parsed = read_report(FIXTURES / "round4_calendar_pages.pdf", "round4_calendar_pages.pdf")
    assert parsed.report is not None
    assert [y.numeral for y in parsed.report.years] == ["2023", "2024", "2025"]


# --- a definition list as the template's table ----------------------------------------------


def _rendered(page: str) -> list[str]:
    return render(read_html(page.encode())).splitlines()


def test_a_definition_list_reads_as_the_label_value_table() -> None:
    page = (
        "<dl><dt>Valsts pārvaldes uzdevuma veicējs</dt>"
        "<dd>Nodibinājums „Kurzemes kopienu fonds”, reģistrācijas Nr. 4000 861 2245</dd>"
        "<dt>Neatbilstoši veiktie izdevumi</dt><dd>Nav</dd></dl>"
    )
    assert _rendered(page) == [
        "Valsts pārvaldes uzdevuma veicējs\t"
        "Nodibinājums „Kurzemes kopienu fonds”, reģistrācijas Nr. 4000 861 2245",
        "Neatbilstoši veiktie izdevumi\tNav",
    ]
    table = page.replace("<dl>", "<table>").replace("</dl>", "</table>")
    table = table.replace("<dt>", "<tr><td>").replace("</dt>", "</td>")
    table = table.replace("<dd>", "<td>").replace("</dd>", "</td></tr>")
    assert _rendered(table) == _rendered(page)


def test_a_value_of_headings_lists_and_a_table_is_one_cell() -> None:
    page = (
        "<dl><dt>Apraksts un vērtējums</dt><dd><h3>1. gads</h3>"
        "<ol><li>Sniegtas 74 konsultācijas;</li><li>Izdotas 24 lapas.</li></ol></dd>"
        "<dt>Finansējums pa gadiem</dt><dd><p>Kopā:</p>"
        "<table><tr><td>1. gads</td><td>30 000,00</td></tr></table></dd></dl>"
    )
    assert _rendered(page) == [
        "Apraksts un vērtējums\t<p>1. gads</p><ul><li>1. Sniegtas 74 konsultācijas;</li>"
        "<li>2. Izdotas 24 lapas.</li></ul>",
        "Finansējums pa gadiem\t<p>Kopā:</p><p>| 1. gads | 30 000,00 |</p>",
    ]


def test_several_values_of_one_term_are_paragraphs_of_its_value() -> None:
    page = "<dl><dt>Cita informācija</dt><dd>Pirmā piezīme.</dd><dd>Otrā piezīme.</dd></dl>"
    assert _rendered(page) == ["Cita informācija\t<p>Pirmā piezīme.</p><p>Otrā piezīme.</p>"]


def test_end_tags_left_out_and_text_after_the_list() -> None:
    # HTML lets a page leave out `</dt>` and `</dd>`; the text after the list is its own.
    page = (
        "<dl><dt>Neatbilstoši veiktie izdevumi<dd>Nav<dt>Cita informācija<dd>Nav</dl><p>Beigas.</p>"
    )
    assert _rendered(page) == [
        "Neatbilstoši veiktie izdevumi\tNav",
        "Cita informācija\tNav",
        "Beigas.",
    ]


def test_a_value_with_no_term_is_a_row_of_its_own() -> None:
    page = "<p>Ievads.</p><dl><dd>Atkāpe teksta sākumā.</dd></dl>"
    assert _rendered(page) == ["Ievads.", "Atkāpe teksta sākumā."]


_DL_REPORT = """<!DOCTYPE html><html lang="lv"><head><meta charset="utf-8"></head><body>
<h1>Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības
jomā Kurzemes reģionā (2021–2023)</h1>
<dl>
  <dt>Valsts pārvaldes uzdevums</dt>
  <dd>Par atsevišķu valsts pārvaldes uzdevumu veikšanu pilsoniskās sabiedrības jomā
  Kurzemes reģionā</dd>
  <dt>Valsts pārvaldes uzdevuma veicējs</dt>
  <dd>Nodibinājums „Kurzemes kopienu fonds”, reģistrācijas Nr. 4000 861 2245</dd>
  <dt>Valsts pārvaldes uzdevuma deleģēšanas periods</dt>
  <dd>2021. gada 1. jūlijs – 2023. gada 30. jūnijs</dd>
  <dt>Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem
  rezultatīvajiem rādītājiem</dt>
  <dd>
    <h3>1. gads (2021./2022.)<br><small>01.07.2021. – 30.06.2022.</small></h3>
    <ol><li>Sniegtas 74 konsultācijas;</li><li>Izdotas 24 jaunumu lapas.</li></ol>
    <h3>2. gads (2022./2023.)<br><small>01.07.2022. – 30.06.2023.</small></h3>
    <ol><li>Sniegtas 92 konsultācijas.</li></ol>
  </dd>
  <dt>Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem</dt>
  <dd><table border="1">
    <tr><th>Gads</th><th>Plānots, EUR</th><th>Faktiski, EUR</th></tr>
    <tr><td>1. gads</td><td>30 000,00</td><td>30 000,00</td></tr>
    <tr><td>2. gads</td><td>30 000,00</td><td>30 000,00</td></tr>
  </table></dd>
  <dt>Neatbilstoši veiktie izdevumi</dt><dd>Nav</dd>
  <dt>Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem</dt><dd>Nav</dd>
  <dt>Cita informācija</dt><dd>Nav</dd>
</dl></body></html>
"""


def test_a_definition_list_report_reads_its_sections(tmp_path: Path) -> None:
    path = tmp_path / "kurzeme_dl.html"
    path.write_text(_DL_REPORT, encoding="utf-8")
    parsed = read_report(path, "kurzeme_dl.html")
    assert not [f for f in parsed.findings if f.code == "structure.missing-section"]
    report = parsed.report
    assert report is not None
    assert report.implementer is not None
    assert report.implementer.legal_form is LegalForm.FOUNDATION
    assert report.implementer.registration_number is not None
    assert report.implementer.registration_number.value == "40008612245"
    assert report.delegation_period is not None
    assert str(report.delegation_period.start) == "2021-07-01"
    assert str(report.delegation_period.end) == "2023-06-30"
    assert [len(y.activities) for y in report.years] == [2, 1]
    assert report.task is not None
    assert "Valsts pārvaldes uzdevuma veicējs" not in report.task.value
    for statement in (
        report.irregular_expenditure,
        report.unrecovered_amount,
        report.other_information,
    ):
        assert statement is not None and statement.none
