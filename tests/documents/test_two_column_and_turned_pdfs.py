"""Document forms by an independent tester: a PDF description set in two text columns, a landscape
funding table on a page saved turned a quarter (/Rotate 90) and drawn without rules; Word
tracked changes, a two-level numbered list and a title in a text box; OpenDocument tracked
changes."""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any

import docx
from docx.oxml import parse_xml

from pipeline.documents import Document, read_document_bytes
from pipeline.documents.pdf_columns import Columns, Grid, text_of
from pipeline.documents.pdf_lines import lines_of, paragraphs
from pipeline.documents.pdf_turn import sheet
from tests.documents.odt import odt

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
# Chromium prints of one HTML report (A4): the description in CSS columns (`column-count: 2;
# text-align: justify`) over pages 1–2, then the funding table (no borders, cells padded)
# on a landscape page saved as a portrait page turned 90°; and the same description printed
# in one column.
TWO_COLUMNS = FIXTURES / "two_columns_turned_annex.pdf"
ONE_COLUMN = FIXTURES / "one_column_turned_annex.pdf"

W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"'


def _text(path: Path) -> str:
    document = read_document_bytes(path.read_bytes(), path.name)
    assert isinstance(document, Document), document
    return document.text


def _description(text: str) -> list[str]:
    lines = text.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("I. ĪSTENOŠANAS GADS"))
    end = next(i for i, line in enumerate(lines) if "10 mazākumtautību kultūras" in line)
    return lines[start : end + 1]


# --- PDF: text set in two columns -------------------------------------------------------


def test_two_column_description_reads_as_its_one_column_print() -> None:
    two = _description(_text(TWO_COLUMNS))
    assert two == _description(_text(ONE_COLUMN))
    assert two[:3] == [
        "I. ĪSTENOŠANAS GADS (15.07.2022. – 14.07.2023.)",
        "1) Veikta 1 izpēte par Kurzemes reģiona NVO vajadzībām, organizējot 6 fokusgrupu"
        " intervijas Ventspilī, Kuldīgā, Talsos, Saldū, Liepājā un Dienvidkurzemes novadā;",
        "2) Nodrošināti 14 mācību semināri cikla „NVO līderu skola” ietvaros, kuros"
        " piedalījās 188 dalībnieki;",
    ]


def test_no_words_joined_across_the_gutter() -> None:
    text = _text(TWO_COLUMNS)
    lines = text.splitlines()
    # Year I's forum (left column) and year II's first activity (right column) stood side
    # by side on the page.
    assert (
        "4) 2022. gada 26. novembrī Kuldīgā organizēts Kurzemes NVO forums ar 86 dalībniekiem;"
        in lines
    )
    assert (
        "1) Nodrošināti 16 mācību semināri, t.sk. 5 tiešsaistes vebināri, kopā 231 dalībnieks;"
        in lines
    )
    assert "II. ĪSTENOŠANAS GADS (15.07.2023. – 14.07.2024.)" in lines
    # A paragraph broken at the foot of page 1's right column goes on at page 2's top left.
    assert (
        "5) Organizēti 6 pasākumi iedzīvotāju piederības apziņas savam reģionam veicināšanai."
        in lines
    )


def _glyphs(text: str, x0: float, top: float, size: float = 10.0) -> list[dict[str, Any]]:
    out, x = [], x0
    for char in text:
        width = size * 0.3 if char == " " else size * 0.5
        out.append(
            {
                "text": char,
                "x0": x,
                "x1": x + width,
                "top": top,
                "bottom": top + size,
                "size": size,
                "fontname": "Serif",
                "matrix": (1.0, 0.0, 0.0, 1.0, x, 0.0),
                "upright": True,
            }
        )
        x += width
    return out


LEFT = [
    "1) Sniegtas 40 konsultācijas",
    "reģiona nevalstiskajām organizā-",
    "cijām klātienē un attālināti;",
    "2) Organizēts forums Talsos",
    "2023. gada 5. maijā ar 80 dalībn.",
]
RIGHT = [
    "1) Publicētas 12 ziņas mājaslapā",
    "un 30 ieraksti sociālajos tīklos",
    "par biedrības darbu reģionā;",
    "2) Nodrošināti 4 semināri NVO",
    "vadītājiem, kopā 61 dalībnieks.",
]


def test_columns_are_read_left_then_right() -> None:
    chars: list[dict[str, Any]] = []
    for k, (left, right) in enumerate(zip(LEFT, RIGHT, strict=True)):
        chars += _glyphs(left, 50, 100 + 14 * k) + _glyphs(right, 250, 100 + 14 * k)
    parts = text_of(chars, 0)
    assert len(parts) == 1 and isinstance(parts[0], Columns)
    read = [" ".join(w.text for w in line.words) for line in parts[0].lines]
    assert read == LEFT + RIGHT


def test_one_column_text_and_a_hanging_list_stay_lines() -> None:
    chars: list[dict[str, Any]] = []
    for k, line in enumerate(LEFT):
        chars += _glyphs(line, 50, 100 + 14 * k)
    # A list with its items' text at a hanging indent: a gutter after the markers, but no
    # column of running text on its left.
    for k in range(4):
        if k % 2 == 0:
            chars += _glyphs(f"{k // 2 + 1})", 50, 200 + 14 * k)
        chars += _glyphs("Nodrošināti mācību semināri NVO", 75, 200 + 14 * k)
    parts = text_of(chars, 0)
    assert all(not isinstance(p, Columns | Grid) for p in parts)


def test_justified_list_item_is_one_paragraph() -> None:
    # Justified text spreads the space after "1)" like every other space of the line: no
    # tab to a hanging indent, and the wrapped line at the margin goes on with the item.
    first = _glyphs("1)", 50, 100)
    x = 50.0
    for word in ["Sniegtas", "40", "konsultācijas", "NVO"]:
        x = first[-1]["x1"] + 12
        first += _glyphs(word, x, 100)
    right = first[-1]["x1"]
    second = _glyphs("klātienē;", 50, 114)
    lines = lines_of(first + second, 0)
    paras = paragraphs(lines, 50, right, wrap_spaces=False)
    assert len(paras) == 1
    assert [w.text for w in paras[0].words] == [
        "1)",
        "Sniegtas",
        "40",
        "konsultācijas",
        "NVO",
        "klātienē;",
    ]


# --- PDF: a page turned a quarter, and a table without rules ----------------------------


def test_rotated_page_is_read_in_its_own_orientation() -> None:
    lines = _text(TWO_COLUMNS).splitlines()
    assert not any(line.startswith("P\t") or line.strip() in ("P", "– – –") for line in lines)
    start = lines.index(
        "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"
    )
    assert lines[start + 1 : start + 5] == [
        "Periods\tFinansējuma mērķis\tPlānots, euro\tFaktiski, euro\tPiezīmes",
        "15.07.2022. – 14.07.2023.\tpilsoniskās sabiedrības attīstībai Kurzemes reģionā"
        "\t30 000,00\t29 950,00\t",
        "\tmazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai"
        "\t19 000,00\t18 962,08\t",
        "\tKopā\t49 000,00\t48 912,08\tAtlikums 87,92 euro pārcelts uz nākamo periodu",
    ]
    # Year II's minority line: 19 420,00 actual stays under "Faktiski", beside planned.
    assert (
        "\tmazākumtautību nevalstisko organizāciju attīstības un ilgtspējas veicināšanai"
        "\t19 000,00\t19 420,00\t" in lines
    )


class _Page:
    """What `sheet` reads of a pdfplumber page."""

    def __init__(self, chars: list[dict[str, Any]], width: float, height: float) -> None:
        self.chars, self.edges, self.images = chars, [], []
        self.width, self.height = width, height
        self.bbox = (0.0, 0.0, width, height)


def test_turned_glyphs_run_left_to_right_again() -> None:
    # "Kopā 49" drawn downwards on a portrait page (text turned 90° clockwise): each glyph
    # under the one before, the next line to its left.
    size, chars = 10.0, []
    for row, text in enumerate(["Kopā 49", "Nav"]):
        y = 100.0
        for char in text:
            x = 300.0 - 14 * row
            chars.append(
                {
                    "text": char,
                    "x0": x,
                    "x1": x + size,
                    "top": y,
                    "bottom": y + 5,
                    "size": 5.0,
                    "fontname": "Serif",
                    "matrix": (0.0, -size, size, 0.0, x, 0.0),
                    "upright": False,
                }
            )
            y += 5
    turned = sheet(_Page(chars, 595.0, 842.0))  # type: ignore[arg-type]
    assert turned.turned
    read = [" ".join(w.text for w in line.words) for line in lines_of(turned.chars, 0)]
    assert read == ["Kopā 49", "Nav"]


def test_upright_page_is_read_as_it_stands() -> None:
    chars = _glyphs("Kopā 49", 50, 100)
    page = _Page(chars, 595.0, 842.0)
    page.find_tables = lambda settings: []  # type: ignore[attr-defined]
    assert not sheet(page).turned  # type: ignore[arg-type]


def test_a_table_without_rules_keeps_amounts_under_their_columns() -> None:
    rows = [
        ("Periods", "Mērķis", "Plānots", "Faktiski"),
        ("I gads", "pilsoniskajai sabiedrībai", "30 000,00", "29 950,00"),
        ("", "mazākumtautību NVO", "19 000,00", "18 962,08"),
        ("", "Kopā", "49 000,00", "48 912,08"),
        ("II gads", "pilsoniskajai sabiedrībai", "30 000,00", "30 000,00"),
    ]
    chars: list[dict[str, Any]] = []
    for k, row in enumerate(rows):
        for x, cell in zip((50, 120, 280, 360), row, strict=True):
            chars += _glyphs(cell, x, 100 + 20 * k)
    parts = text_of(chars, 0)
    assert len(parts) == 1 and isinstance(parts[0], Grid)
    cells = [
        [" ".join(w.text for line in lines for w in line.words) for _, lines in row]
        for row in parts[0].rows
    ]
    assert cells == [list(row) for row in rows]


# --- Word: tracked changes, numbering, text boxes -----------------------------------------


def _docx(paragraphs_xml: list[str], numbering: str = "") -> bytes:
    document = docx.Document()
    body = document.element.body
    if numbering:
        part = document.part.numbering_part.element
        for node in parse_xml(f"<w:numbering {W}>{numbering}</w:numbering>"):
            part.append(node)
    for xml in paragraphs_xml:
        body.insert(len(body) - 1, parse_xml(xml))
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _read(data: bytes, name: str = "r.docx") -> str:
    document = read_document_bytes(data, name)
    assert isinstance(document, Document), document
    return document.text


def _p(inner: str, num: tuple[int, int] | None = None) -> str:
    ppr = (
        f'<w:pPr><w:numPr><w:ilvl w:val="{num[1]}"/><w:numId w:val="{num[0]}"/></w:numPr></w:pPr>'
        if num
        else ""
    )
    return f"<w:p {W}>{ppr}{inner}</w:p>"


def _r(text: str) -> str:
    return f'<w:r><w:t xml:space="preserve">{text}</w:t></w:r>'


def _del(text: str) -> str:
    return f'<w:r><w:delText xml:space="preserve">{text}</w:delText></w:r>'


def test_tracked_changes_read_as_accepted() -> None:
    change = 'w:id="{}" w:author="IK" w:date="2025-09-02T10:14:00Z"'
    data = _docx(
        [
            _p(_r("Kopsavilkums")),
            _p(
                _r("3) Klātienē sniegtas ")
                + f"<w:del {change.format(1)}>{_del('58')}</w:del>"
                + f"<w:ins {change.format(2)}>{_r('64')}</w:ins>"
                + _r(" konsultācijas;")
            ),
            _p(
                _r("Faktiski: ")
                + f"<w:moveFrom {change.format(3)}>{_del('29 418,60')}{_r('29 418,60')}</w:moveFrom>"
                + f"<w:moveTo {change.format(4)}>{_r('29 481,60')}</w:moveTo>"
                + _r(" euro")
            ),
        ]
    )
    lines = _read(data).splitlines()
    assert lines[1:] == ["3) Klātienē sniegtas 64 konsultācijas;", "Faktiski: 29 481,60 euro"]


def test_a_deleted_table_row_is_left_out() -> None:
    document = docx.Document()
    document.add_paragraph("Kopsavilkums")
    table = document.add_table(rows=2, cols=2)
    table.cell(0, 0).text, table.cell(0, 1).text = "Plānots", "49 000,00"
    table.cell(1, 0).text, table.cell(1, 1).text = "Plānots", "48 000,00"
    tr = table.rows[1]._tr
    tr.get_or_add_trPr().append(
        parse_xml(f'<w:del {W} w:id="5" w:author="IK" w:date="2025-09-02T10:14:00Z"/>')
    )
    out = io.BytesIO()
    document.save(out)
    text = _read(out.getvalue())
    assert "Plānots\t49 000,00" in text
    assert "48 000,00" not in text


LEVELS = (
    '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="upperRoman"/>'
    '<w:lvlText w:val="%1."/></w:lvl>'
    '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/>'
    '<w:lvlText w:val="%2)"/>{restart}</w:lvl>'
)


def _numbering(restart: str = "", overrides: str = "") -> str:
    return (
        f'<w:abstractNum w:abstractNumId="77">{LEVELS.format(restart=restart)}</w:abstractNum>'
        '<w:num w:numId="77"><w:abstractNumId w:val="77"/></w:num>'
        '<w:num w:numId="78"><w:abstractNumId w:val="77"/>'
        f"{overrides}</w:num>"
    )


def test_a_higher_level_item_restarts_the_lower_level() -> None:
    paras = [_p(_r("Kopsavilkums"))]
    for _year in range(2):
        paras.append(_p(_r("ĪSTENOŠANAS GADS"), (77, 0)))
        paras += [_p(_r(f"Aktivitāte {k}"), (77, 1)) for k in range(3)]
    lines = _read(_docx(paras, _numbering())).splitlines()
    assert lines[1:] == [
        "I. ĪSTENOŠANAS GADS",
        "1) Aktivitāte 0",
        "2) Aktivitāte 1",
        "3) Aktivitāte 2",
        "II. ĪSTENOŠANAS GADS",
        "1) Aktivitāte 0",
        "2) Aktivitāte 1",
        "3) Aktivitāte 2",
    ]


def test_lvl_restart_zero_goes_on_counting() -> None:
    paras = [_p(_r("Kopsavilkums"))]
    for _ in range(2):
        paras.append(_p(_r("Gads"), (77, 0)))
        paras += [_p(_r("Aktivitāte"), (77, 1)) for _ in range(2)]
    lines = _read(_docx(paras, _numbering('<w:lvlRestart w:val="0"/>'))).splitlines()
    assert [line.split(" ")[0] for line in lines[1:]] == ["I.", "1)", "2)", "II.", "3)", "4)"]


def test_start_override_restarts_a_list_sharing_the_definition() -> None:
    override = '<w:lvlOverride w:ilvl="1"><w:startOverride w:val="1"/></w:lvlOverride>'
    paras = [
        _p(_r("Kopsavilkums")),
        _p(_r("Gads"), (77, 0)),
        _p(_r("A"), (77, 1)),
        _p(_r("B"), (77, 1)),
        _p(_r("Mazākumtautībām:")),
        _p(_r("C"), (78, 1)),  # restarts at 1
        _p(_r("D"), (78, 1)),
        _p(_r("Gads"), (77, 0)),  # the same definition: the years go on, II
    ]
    lines = _read(_docx(paras, _numbering(overrides=override))).splitlines()
    assert lines[1:] == ["I. Gads", "1) A", "2) B", "Mazākumtautībām:", "1) C", "2) D", "II. Gads"]


def test_level_text_shows_the_numbers_of_the_levels_above() -> None:
    numbering = (
        '<w:abstractNum w:abstractNumId="5">'
        '<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/></w:lvl>'
        '<w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2."/></w:lvl>'
        '</w:abstractNum><w:num w:numId="5"><w:abstractNumId w:val="5"/></w:num>'
    )
    paras = [
        _p(_r("Kopsavilkums")),
        _p(_r("Gads"), (5, 0)),
        _p(_r("Gads"), (5, 0)),
        _p(_r("A"), (5, 1)),
        _p(_r("B"), (5, 1)),
    ]
    lines = _read(_docx(paras, numbering)).splitlines()
    assert lines[1:] == ["1. Gads", "2. Gads", "2.1. A", "2.2. B"]


MC = (
    'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
    'xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing" '
    'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" '
    'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
    'xmlns:v="urn:schemas-microsoft-com:vml"'
)
TITLE = (
    _r("Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu veikšanu")
    .replace("<w:r>", f"<w:p {W}><w:r>")
    .replace("</w:r>", "</w:r></w:p>")
    + f"<w:p {W}>{_r('Latgales reģionā (2022–2025)')}</w:p>"
)


def _box(content: str) -> str:
    return f"<w:txbxContent>{content}</w:txbxContent>"


def test_a_text_box_in_alternate_content_is_read_once() -> None:
    drawing = (
        '<w:drawing><wp:inline><wp:extent cx="1" cy="1"/><wp:docPr id="1" name="T"/>'
        '<a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/'
        f'wordprocessingShape"><wps:wsp><wps:txbx>{_box(TITLE)}</wps:txbx><wps:bodyPr/>'
        "</wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing>"
    )
    vml = f"<w:pict><v:shape><v:textbox>{_box(TITLE)}</v:textbox></v:shape></w:pict>"
    anchor = (
        f'<w:p {W} {MC}><w:r><mc:AlternateContent><mc:Choice Requires="wps">{drawing}'
        f"</mc:Choice><mc:Fallback>{vml}</mc:Fallback></mc:AlternateContent></w:r></w:p>"
    )
    lines = _read(_docx([anchor, _p(_r("Valsts pārvaldes uzdevums"))])).splitlines()
    assert lines == [
        "Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu veikšanu",
        "Latgales reģionā (2022–2025)",
        "Valsts pārvaldes uzdevums",
    ]


def test_a_vml_text_box_is_read_after_its_anchoring_text() -> None:
    vml = f"<w:pict><v:shape><v:textbox>{_box(TITLE)}</v:textbox></v:shape></w:pict>"
    anchor = f"<w:p {W} {MC}>{_r('Pielikums.')}<w:r>{vml}</w:r></w:p>"
    lines = _read(_docx([anchor])).splitlines()
    assert lines == [
        "Pielikums.",
        "Kopsavilkums par atsevišķu valsts pārvaldes uzdevumu veikšanu",
        "Latgales reģionā (2022–2025)",
    ]


# --- OpenDocument: tracked changes --------------------------------------------------------


def test_odt_tracked_changes_read_as_accepted() -> None:
    # LibreOffice keeps a deletion's text in the changed region, out of the body, and an
    # insertion's in the body between its change marks.
    body = (
        "<text:tracked-changes>"
        '<text:changed-region text:id="c1"><text:deletion><office:change-info/>'
        "<text:p>58</text:p></text:deletion></text:changed-region>"
        '<text:changed-region text:id="c2"><text:insertion><office:change-info/>'
        "</text:insertion></text:changed-region>"
        "</text:tracked-changes>"
        "<text:p>Kopsavilkums</text:p>"
        '<text:p>3) Sniegtas <text:change text:change-id="c1"/>'
        '<text:change-start text:change-id="c2"/>64<text:change-end text:change-id="c2"/>'
        " konsultācijas;</text:p>"
    )
    lines = _read(odt(body), "r.odt").splitlines()
    assert lines == ["Kopsavilkums", "3) Sniegtas 64 konsultācijas;"]
