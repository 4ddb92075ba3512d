"""Round 7 of the Word and OpenDocument readers, from an independent tester's documents made
with LibreOffice (`tests/fixtures/reports/unseen/`), their facts read by hand before the tool
ran, and a report typed with tab stops (another tester's source, saved as .docx and .odt).

- Latgale, Word: item 2 of the results has a lettered sub-list a), b), which LibreOffice
  saves as two lists redefining the outer list's levels; the items after it were numbered
  1., 2., … again (and both sub-items a)) where Word shows 3.–6. (the .odt copy read right).
- Footnotes: an .odt's were lost; a .docx footnote on a funding amount ("689,75¹") was left
  out with its mark. Both are now kept as the .doc and .docx readers keep the others: the
  mark after what it marks, the note after the body.
- Tabs: a report laid out with tab stops lost its rows' cells (tabs read as spaces); a tab
  in a paragraph is now a tab, as in a text export.
"""

from __future__ import annotations

import io
from decimal import Decimal

import docx
import pytest

from pipeline.documents import Document, read_document, read_document_bytes
from pipeline.model import AmountRole, Parsed
from tests.parse.golden import BACK, UNSEEN, A, P, amounts, read_unseen, report_of

FILES = {
    "sublist": "latgale_word_list_numbering_after_lettered_sublist.docx",
    "odt": "latgale_odt_footnote_after_visitor_count.odt",
    "amounts": "vidzeme_word_footnotes_on_funding_amounts_planted.docx",
    "below": "kurzeme_word_funding_table_below_footnote_on_remainder_planted.docx",
    "tabs_docx": "vidzeme_word_tab_stop_rows_planted.docx",
    "tabs_odt": "vidzeme_odt_tab_stop_rows_planted.odt",
    "tracked": "vidzeme_word_tracked_changes_footnotes.docx",
}
E = Decimal
LEFT = AmountRole.REMAINDER


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _text(key: str) -> str:
    document = read_document(UNSEEN / FILES[key], FILES[key])
    assert isinstance(document, Document), document
    return document.text


# --- list numbering after a lettered sub-list ------------------------------------------------


def test_the_items_after_a_lettered_sub_list_go_on_counting() -> None:
    text = _text("sublist")
    markers = [item.split(" ", 1)[0] for item in text.split("<li>")[1:]]
    # "1. … aptauja", "2. Organizētas 4 apmācības …, t.sk.:", "a) … finanšu piesaisti;",
    # "b) … digitālo komunikāciju;", "3. Sniegtas 64 konsultācijas", …, "6. Izdots 1 buklets"
    assert markers == ["1.", "2.", "a)", "b)", "3.", "4.", "5.", "6."]


def test_the_six_results_are_numbered_as_word_numbers_them(read: dict[str, Parsed]) -> None:
    for key in ("sublist", "odt"):
        rep = report_of(read, key)
        numbers = [a.number for a in rep.activities]
        # six results; a) and b) are item 2's parts, no results of their own
        assert numbers == ["1.", "2.", "3.", "4.", "5.", "6."], key


W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _numbered(paras: list[tuple[str, int, int]], numbering: str) -> str:
    document = docx.Document()
    part = document.part.numbering_part.element
    for node in docx.oxml.parse_xml(f"<w:numbering {W}>{numbering}</w:numbering>"):
        part.append(node)
    body = document.element.body
    body.insert(0, docx.oxml.parse_xml(f"<w:p {W}><w:r><w:t>Kopsavilkums</w:t></w:r></w:p>"))
    for text, num, level in paras:
        body.insert(
            len(body) - 1,
            docx.oxml.parse_xml(
                f'<w:p {W}><w:pPr><w:numPr><w:ilvl w:val="{level}"/><w:numId w:val="{num}"/>'
                f"</w:numPr></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"
            ),
        )
    out = io.BytesIO()
    document.save(out)
    read = read_document_bytes(out.getvalue(), "r.docx")
    assert isinstance(read, Document), read
    return read.text


def test_a_list_redefining_a_level_counts_on_and_a_start_override_restarts() -> None:
    level = (
        '<w:lvl w:ilvl="{0}"><w:start w:val="1"/><w:numFmt w:val="{1}"/>'
        '<w:lvlText w:val="%{2}{3}"/></w:lvl>'
    )
    own = level.format(0, "decimal", 1, ".") + level.format(1, "bullet", 2, "")
    lettered = f'<w:lvlOverride w:ilvl="1">{level.format(1, "lowerLetter", 2, ")")}</w:lvlOverride>'
    numbering = (
        f'<w:abstractNum w:abstractNumId="2">{own}</w:abstractNum>'
        '<w:num w:numId="2"><w:abstractNumId w:val="2"/></w:num>'
        f'<w:num w:numId="4"><w:abstractNumId w:val="2"/>{lettered}</w:num>'
        f'<w:num w:numId="5"><w:abstractNumId w:val="2"/>{lettered}</w:num>'
        '<w:num w:numId="6"><w:abstractNumId w:val="2"/>'
        '<w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>'
    )
    paras = [("A", 2, 0), ("B", 2, 0), ("Ba", 4, 1), ("Bb", 5, 1), ("C", 2, 0), ("X", 6, 0)]
    lines = _numbered(paras, numbering).splitlines()
    assert lines[1:] == ["1. A", "2. B", "a) Ba", "b) Bb", "3. C", "1. X"]


# --- footnotes -------------------------------------------------------------------------------


def test_an_odt_footnote_is_kept_as_a_word_one_is() -> None:
    odt, word = _text("odt"), _text("sublist")
    note = "¹ Pasākumu apmeklētāju skaits noteikts aptuveni, pēc organizatoru uzskaites."
    for text in (odt, word):
        assert "vairāk nekā 900 apmeklētāju¹;" in text
        assert text.endswith(f"\n\n{note}\n")


def test_the_odt_footnote_is_kept_apart_and_the_count_it_marks_read(
    read: dict[str, Parsed],
) -> None:
    rep = report_of(read, "odt")
    assert [u.value for u in rep.unlabelled] == [
        "¹ Pasākumu apmeklētāju skaits noteikts aptuveni, pēc organizatoru uzskaites."
    ]
    fifth = [(i.value, i.kind) for i in rep.activities[4].indicators]
    assert (900, "participants") in fifth
    assert rep.other_information is not None
    assert rep.other_information.text.value == "Līguma grozījumi netika veikti."


def test_footnotes_on_funding_amounts_are_kept() -> None:
    text = _text("amounts")
    # year I's remainder and year II's plan, each marked
    assert "| 44 310,25 | 689,75¹ |" in text
    assert "| II (01.08.2022.–31.07.2023.) | 45 689,75² |" in text
    assert text.endswith(
        "\n\n¹ Atlikums pārcelts uz nākamo īstenošanas gadu saskaņā ar līguma 4.3. punktu."
        "\n² T.sk. 689,75 euro atlikums no I īstenošanas gada.\n"
    )
    below = _text("below")
    assert "\t48 412,30\t29 870,10\t18 452,20\t587,70¹\n" in below
    assert below.endswith(
        "\n\n¹ Neizmantotais finansējums atgriezts Kultūras ministrijas budžetā 2021. gada"
        " 15. jūlijā.\n"
    )


def test_amounts_marked_with_a_footnote_are_read_as_the_amounts(read: dict[str, Parsed]) -> None:
    rep = report_of(read, "amounts")
    assert amounts(rep.funding[0]) == {
        (P, None, E("45000.00")), (A, None, E("44310.25")), (LEFT, None, E("689.75")),
    }  # fmt: skip
    assert amounts(rep.funding[1]) == {
        (P, None, E("45689.75")), (A, None, E("45689.75")), (LEFT, None, E("0.00")),
    }  # fmt: skip
    notes = [u.value for u in rep.unlabelled if u.value.startswith("¹")]
    assert notes == [
        "¹ Atlikums pārcelts uz nākamo īstenošanas gadu saskaņā ar līguma 4.3. punktu."
        " ² T.sk. 689,75 euro atlikums no I īstenošanas gada."
    ]
    second = report_of(read, "below").funding[1]
    assert (A, None, E("48412.30")) in amounts(second)
    assert (LEFT, None, E("587.70")) in amounts(second)


def test_a_footnote_glued_to_a_count_stays_out_and_the_others_are_kept(
    read: dict[str, Parsed],
) -> None:
    text = _text("tracked")
    # "146¹ dalībnieki": the count is read, its note left out as before; the note on
    # "30 000,00² euro" and the one after a word are kept, numbered as Word numbers them
    assert "piedalījās 146 dalībnieki;" in text
    assert "| 30 000,00² euro |" in text
    assert text.endswith(
        "\n\n² Tai skaitā 2 500,00 euro administratīvajiem izdevumiem."
        "\n³ Gala atskaite iesniegta 2025. gada 31. jūlijā, neizmantotais finansējums atgriezts"
        " 2025. gada 8. augustā.\n"
    )
    year1 = [(i.value, i.kind) for a in report_of(read, "tracked").activities for i in a.indicators]
    assert (146, "participants") in year1


# --- tabs ------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", ["tabs_docx", "tabs_odt"])
def test_tab_stop_rows_keep_their_tabs(key: str) -> None:
    lines = _text(key).splitlines()
    assert "Nr.\tAktivitāte\tSkaits\tDalībn." in lines
    assert "3.\tTiešsaistes meistarklases\t5\t112" in lines
    assert "Gads\t\tPlānots,EUR\tFaktiski,EUR\tAtlikums,EUR" in lines
    assert "2021.\t\t15 000,00\t14 820,35\t179,65" in lines
    assert "Cita informācija:\t\tNav" in lines


@pytest.mark.parametrize("key", ["tabs_docx", "tabs_odt"])
def test_a_tab_stop_report_is_read_by_its_columns(read: dict[str, Parsed], key: str) -> None:
    rep = report_of(read, key)
    # "2021.  15 000,00  14 820,35  179,65" under "Gads  Plānots,EUR  Faktiski,EUR  Atlikums,EUR"
    (row,) = rep.funding
    assert row.calendar_year == 2021
    assert (P, None, E("15000.00")) in amounts(row)
    assert (A, None, E("14820.35")) in amounts(row)
    assert {a.value for a in row.amounts if a.role in (LEFT, BACK)} == {E("179.65")}
    # six rows of activities, each its own ("1.", …, "6."); the counts in the "Skaits" column
    assert [a.number for a in rep.activities] == ["1.", "2.", "3.", "4.", "5.", "6."]
    counts = [(i.value, i.kind) for a in rep.activities for i in a.indicators]
    assert (14, "needs") in counts and (5, "master-classes") in counts
    # "Cita informācija:  Nav", the signature after it no part of it
    assert rep.other_information is not None and rep.other_information.none
    assert rep.implementer is not None and rep.implementer.registration_number is not None
    assert rep.implementer.registration_number.value == "4000812345"
