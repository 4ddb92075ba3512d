"""Round 5 of the document readers, from two more independent testers' reports
(`tests/fixtures/reports/unseen/`), their facts read by hand before the tool ran.

A report inside a ministry's web page (Vidzeme, two contradictions planted): the page's
cookie notice, menu, breadcrumb ("Kopsavilkums – Vidzemes reģions"), a sidebar of other
regions' reports ("Kopsavilkums Kurzemes reģionā (2022–2025)") and the site footer were read
as the report's text; the title became the breadcrumb and the sidebar, the region Kurzeme,
and a false `region.mismatch` and a `structure.text-after-end` warning for the footer
followed. The page's frame is now told by its structure (`web_chrome.py`).

A Word report whose funding cell says "Skatīt tabulu zemāk (euro)." and whose funding table,
years as columns, follows the template's table (Latgale, clean): the funding was lost to
`after_end`, with a false `funding.missing-amount` and a `structure.text-after-end` warning.
The table pointed to is now the cell's content (`referred.py`), read as the same report
with the table nested in the cell is.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.documents import Document, read_document_bytes
from pipeline.documents.layout import Para, Run, Table, render
from pipeline.documents.referred import follow_pointers
from pipeline.documents.web import read_html
from pipeline.model import LegalForm, Parsed
from tests.parse.golden import BACK, CS, IN, MN, OVER, A, D, P, amounts, read_unseen, report_of

FILES = {
    "ministry": "vidzeme_ministry_web_page_planted.html",
    "below": "latgale_word_funding_table_below.docx",
}
E = Decimal
FUNDING = "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _warnings(parsed: Parsed) -> list[str]:
    return sorted(f.code for f in parsed.findings if f.severity.value == "warning")


# --- a report inside a ministry's web page ---------------------------------------------------


def test_the_report_inside_a_web_page_is_titled_by_its_own_heading(
    read: dict[str, Parsed],
) -> None:
    rep = report_of(read, "ministry")
    assert rep.title is not None
    # the <h1>: "Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu veikšanu … jomā
    # Vidzemes reģionā (2022–2025)", not the breadcrumb "Kopsavilkums – Vidzemes reģions"
    # nor the sidebar's "Kopsavilkums Kurzemes reģionā (2022–2025)"
    assert rep.title.value.startswith("Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu")
    assert rep.title.value.endswith("Vidzemes reģionā (2022–2025)")
    assert rep.title_years == (2022, 2025)
    assert rep.region == "vidzeme"
    assert rep.region_in_title is not None and rep.region_in_title.key == "vidzeme"


def test_the_web_pages_frame_is_no_text_of_the_report(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "ministry")
    # cookie notice ("Sīkdatnes tiek glabātas 12 mēnešus"), menu, breadcrumb, sidebar,
    # "Publicēts: 02.09.2025.", "Dalīties: Facebook X" and the footer ("Tālr.: 67330200",
    # "© 2025 Kultūras ministrija") are the page's, not the report's
    assert rep.unlabelled == ()
    assert rep.after_end is None
    codes = {f.code for f in read["ministry"].findings}
    assert "structure.text-after-end" not in codes
    assert "structure.unlabelled-text" not in codes


def test_the_web_pages_two_planted_contradictions_and_its_facts(read: dict[str, Parsed]) -> None:
    # "Cēsīs 17.10.2025. organizēts Vidzemes NVO forums" after year III's end (31.07.2025);
    # year 2: 45 000,00 − 43 250,00 = 1 750,00, but "Neizlietotais finansējums 1 850,00 EUR
    # apmērā atgriezts"; no region.mismatch: title and task both name Vidzeme
    assert _warnings(read["ministry"]) == [
        "activity.date-outside-year",
        "funding.remainder-mismatch",
    ]
    # and the report's own facts are kept
    rep = report_of(read, "ministry")
    imp = rep.implementer
    assert imp is not None and imp.registration_number is not None
    # "Nodibinājums „Vidzemes kopienu fonds”, reģ. Nr. 40008154321"
    assert imp.legal_form is LegalForm.FOUNDATION
    assert imp.registration_number.value == "40008154321"
    # "01.08.2022. – 31.07.2025."
    period = rep.delegation_period
    assert period is not None and (period.start, period.end) == (D(2022, 8, 1), D(2025, 7, 31))
    # year 2: "Plānots: 45 000,00 EUR, t.sk. 27 000,00 … un 18 000,00 …", "Faktiski:
    # 43 250,00 EUR, t.sk. 26 100,00 … un 17 150,00 …", "Neizlietotais finansējums 1 850,00
    # EUR apmērā atgriezts Kultūras ministrijas budžetā"
    assert amounts(rep.funding[1]) == {
        (P, None, E("45000.00")), (P, CS, E("27000.00")), (P, MN, E("18000.00")),
        (A, None, E("43250.00")), (A, CS, E("26100.00")), (A, MN, E("17150.00")),
        (BACK, None, E("1850.00")),
    }  # fmt: skip


def _page(body: str) -> str:
    return render(read_html(f"<html><body>{body}</body></html>".encode()))


REPORT = (
    "<h1>Kopsavilkums … Zemgales reģionā (2022–2025)</h1>"
    "<table><tr><td>Cita informācija</td><td>Nav</td></tr></table>"
)


def test_an_articles_own_header_and_footer_are_its_text() -> None:
    # the title in the article's <header>, a signature in its <footer>: the report's; the
    # page's header and footer, outside the article, are not
    text = _page(
        "<header><p>Ministrijas logotips</p></header>"
        f"<article><header>{REPORT[: REPORT.index('<table>')]}</header>"
        f"{REPORT[REPORT.index('<table>') :]}<footer><p>Sagatavoja: J. Bērziņa</p></footer>"
        "</article><footer><p>© 2025 Kultūras ministrija</p></footer>"
    )
    assert text.splitlines() == [
        "Kopsavilkums … Zemgales reģionā (2022–2025)",
        "Cita informācija\tNav",
        "Sagatavoja: J. Bērziņa",
    ]


def test_a_frame_named_on_an_element_without_its_end_tag_hides_no_report() -> None:
    # `<img class="social-icon">` has no end tag, a `<p class="share">` may have none: a
    # frame begun there would run on over the report; a `<nav>` is closed and left out
    text = _page(
        '<nav><a href="/">Sākums</a></nav>'
        f'<p class="share">Dalīties <img class="social-icon" src="x.png">{REPORT}'
    )
    assert "Cita informācija\tNav" in text.splitlines()
    assert text.startswith("Dalīties")


def test_a_page_marking_the_wrong_part_as_main_is_read_whole() -> None:
    text = _page(f'<main><p>Jaunumi</p></main><div class="content">{REPORT}</div>')
    assert "Cita informācija\tNav" in text.splitlines()
    # and a page whose <main> holds the report is read without what stands outside it
    text = _page(f'<div class="top">Izvēlne: Sākums</div><main role="main">{REPORT}</main>')
    assert not text.startswith("Izvēlne")
    # the header of the main content is its own: its title
    title, rest = REPORT[: REPORT.index("<table>")], REPORT[REPORT.index("<table>") :]
    text = _page(f'<p>Izvēlne</p><div role="main"><header>{title}</header>{rest}</div><p>©</p>')
    assert text.splitlines() == [
        "Kopsavilkums … Zemgales reģionā (2022–2025)",
        "Cita informācija\tNav",
    ]


# --- a funding table below the template's table --------------------------------------------


def test_the_funding_table_below_the_template_is_the_funding_section(
    read: dict[str, Parsed],
) -> None:
    rep = report_of(read, "below")
    # "Plānots | 54 000,00 | 54000.00 | 54 000", "t.sk. pilsoniskās … | 30 000,00 | …",
    # "Faktiski izlietots | 54 000,00 | 52 310,25 | 55 689,75", "Atlikums (pārcelts uz
    # nākamo periodu) | 0,00 | 1 689,75 | 0,00", "Pārceltais atlikums no iepriekšējā gada
    # | – | – | 1 689,75"
    assert [(f.ordinal, f.period and (f.period.start, f.period.end)) for f in rep.funding] == [
        (1, (D(2022, 7, 15), D(2023, 7, 14))),
        (2, (D(2023, 7, 15), D(2024, 7, 14))),
        (3, (D(2024, 7, 15), D(2025, 7, 14))),
    ]
    assert {(P, None, E("54000.00")), (A, None, E("54000.00"))} <= amounts(rep.funding[0])
    assert amounts(rep.funding[1]) >= {
        (P, None, E("54000.00")), (P, CS, E("30000.00")), (P, MN, E("24000.00")),
        (A, None, E("52310.25")), (A, CS, E("29100.00")), (A, MN, E("23210.25")),
        (OVER, None, E("1689.75")),
    }  # fmt: skip
    assert amounts(rep.funding[2]) >= {
        (P, None, E("54000")), (IN, None, E("1689.75")),
        (A, None, E("55689.75")), (A, CS, E("30900.00")), (A, MN, E("24789.75")),
    }  # fmt: skip
    assert rep.after_end is None


def test_the_report_with_its_table_below_raises_no_warning(read: dict[str, Parsed]) -> None:
    # every year adds up (EXPECTED: "FULLY CONSISTENT → no findings"); the pointer "Skatīt
    # tabulu zemāk (euro)." is no year with no amount, the table no text after the end
    assert _warnings(read["below"]) == []


def _para(text: str) -> Para:
    return Para((Run(text),))


def _tables(between: list[str], pointer: str = "Skatīt tabulu zemāk.") -> list[Table | Para]:
    main = Table((((_para(FUNDING),), (_para(pointer),)),))
    below = Table((((_para("Plānots"),), (_para("54 000,00"),), (_para("54 000,00"),)),))
    return [main, *[_para(t) for t in between], below]


def test_only_a_cell_that_is_a_pointer_moves_the_table_below() -> None:
    # moved: the caption with it, before the table's rows
    moved = follow_pointers(_tables(["Finansējums, euro"]))
    assert len(moved) == 1 and isinstance(moved[0], Table)
    assert [p.text for p in moved[0].rows[0][1]] == [
        "Skatīt tabulu zemāk.",
        "Finansējums, euro",
        "| Plānots | 54 000,00 | 54 000,00 |",
    ]
    # not moved: a cell with an amount of its own, or text of the report's between
    assert len(follow_pointers(_tables([], "54 000,00 EUR, skatīt tabulu zemāk"))) == 2
    long = "Teksts " * 40
    assert len(follow_pointers(_tables([long]))) == 3
    assert len(follow_pointers(_tables(["a", "b", "c", "d"]))) == 6


def test_a_pointer_in_a_web_page_is_followed_too() -> None:
    page = (
        "<html><body><p>Kopsavilkums</p><table>"
        f"<tr><td>{FUNDING}</td><td>Skat. tabulu zemāk</td></tr>"
        "<tr><td>Cita informācija</td><td>Nav</td></tr></table>"
        "<p>Summas euro</p><table><tr><td></td><td>2023. gads</td><td>2024. gads</td></tr>"
        "<tr><td>Plānots</td><td>40 000,00</td><td>40 000,00</td></tr></table></body></html>"
    )
    found = read_document_bytes(page.encode(), "r.html")
    assert isinstance(found, Document)
    line = next(ln for ln in found.text.splitlines() if ln.startswith(FUNDING))
    assert line.endswith("<p>| Plānots | 40 000,00 | 40 000,00 |</p>")
    assert found.text.rstrip().endswith("Cita informācija\tNav")
