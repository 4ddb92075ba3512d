"""Paragraphs, list items and italics told back from where a PDF's glyphs were drawn."""

from __future__ import annotations

from typing import Any

from pipeline.documents.pdf_lines import Paragraph, centre_in, lines_of, paragraphs

SIZE = 9.0
GLYPH = 5.0  # every glyph of these made-up lines is this wide
SPACE = 2.85
MARGIN, RIGHT = 100.0, 200.0  # a cell's text runs from 100 to 200: twenty glyphs


def glyphs(
    text: str,
    x0: float,
    top: float,
    font: str = "DejaVuSerif",
    trailing_space: bool = False,
    glyph: float = GLYPH,
) -> list[dict[str, Any]]:
    """The glyphs of one drawn line; `\\t` jumps to the hanging indent (x0 + 18)."""
    out = []
    x = x0
    for char in text + (" " if trailing_space else ""):
        if char == "\t":
            x = x0 + 18
            continue
        width = SPACE if char == " " else glyph
        out.append(
            {
                "text": char,
                "x0": x,
                "x1": x + width,
                "top": top,
                "bottom": top + SIZE,
                "size": SIZE,
                "fontname": font,
            }
        )
        x += width
    return out


def read(*drawn: list[dict[str, Any]]) -> list[Paragraph]:
    chars = [c for line in drawn for c in line]
    return paragraphs(lines_of(chars, 0), MARGIN, RIGHT)


def shown(para: Paragraph) -> str:
    return "".join((" " if w.space_before else "") + w.text for w in para.words)


def test_a_glyph_belongs_to_the_row_its_middle_is_in() -> None:
    # Drawn from 128.2 to 137.2: its ascender pokes above the rule at 128.6.
    (glyph,) = glyphs("V", 90, 128.2)
    assert centre_in(glyph, (85, 128.6, 229, 150.1))
    assert not centre_in(glyph, (85, 107.1, 229, 128.6))


def test_a_line_wraps_only_where_the_next_word_does_not_fit() -> None:
    paras = read(
        # 19 glyphs and a space: "cccccc" (30 wide) would not have fitted after it.
        glyphs("aaaaaaaaa bbbbbbbbb", MARGIN, 10, trailing_space=True),
        glyphs("cccccc dd", MARGIN, 20.5),
        # "dd" ended at 145: "ee" would have fitted, so "dd" ended its paragraph.
        glyphs("ee ff", MARGIN, 31),
    )
    assert [shown(p) for p in paras] == ["aaaaaaaaa bbbbbbbbb cccccc dd", "ee ff"]
    assert [p.marker for p in paras] == [None, None]


def test_a_last_line_has_no_space_drawn_after_it() -> None:
    # "gggggggggggggggg" ends at 180, "hhhhh" (25 wide) would not have fitted after it; a
    # line the software wrapped would still show the space that fits before the margin.
    paras = read(glyphs("gggggggggggggggg", MARGIN, 10), glyphs("hhhhh", MARGIN, 20.5))
    assert [shown(p) for p in paras] == ["gggggggggggggggg", "hhhhh"]
    wrapped = read(
        glyphs("gggggggggggggggg", MARGIN, 10, trailing_space=True), glyphs("hhhhh", MARGIN, 20.5)
    )
    assert [shown(p) for p in wrapped] == ["gggggggggggggggg hhhhh"]


def test_a_word_broken_at_its_hyphen_is_one_word_again() -> None:
    paras = read(glyphs("aaaaaaa Teātra-", MARGIN, 10), glyphs("studijai", MARGIN, 20.5))
    assert [shown(p) for p in paras] == ["aaaaaaa Teātra-studijai"]


def test_an_address_broken_over_lines_is_one_word_but_the_next_sentence_is_not() -> None:
    paras = read(
        glyphs("aa https://www.y", MARGIN, 10),
        glyphs("outube.com/watch?v=1", MARGIN, 20.5),
        glyphs("Īstenoti 4", MARGIN, 31),
    )
    assert [shown(p) for p in paras] == ["aa https://www.youtube.com/watch?v=1 Īstenoti 4"]


def test_bullets_and_numbers_at_the_margin_start_list_items() -> None:
    paras = read(
        glyphs("Intro:", MARGIN, 10),
        glyphs("•\tfirst item that wraps", MARGIN, 20.5, trailing_space=True),
        glyphs("over a line", MARGIN + 18, 31),
        glyphs("3)\tthird", MARGIN, 41.5),
        # A dash typed with an ordinary space after it is the text's, not a list's.
        glyphs("- 30 euro", MARGIN, 52),
    )
    assert [(p.marker, shown(p)) for p in paras] == [
        (None, "Intro:"),
        ("- ", "first item that wraps over a line"),
        ("3) ", "third"),
        (None, "- 30 euro"),
    ]


def test_indented_lines_are_items_of_a_list_without_markers() -> None:
    paras = read(
        glyphs("Intro:", MARGIN, 10),
        glyphs("1) one", MARGIN + 18, 20.5),
        glyphs("2) two", MARGIN + 18, 31),
        glyphs("After.", MARGIN, 41.5),
    )
    assert [(p.marker, shown(p)) for p in paras] == [
        (None, "Intro:"),
        ("", "1) one"),
        ("", "2) two"),
        (None, "After."),
    ]


def test_a_gap_larger_than_the_line_spacing_separates_paragraphs() -> None:
    paras = read(
        glyphs("aaaaaaaaa bbbbbbbbb", MARGIN, 10, trailing_space=True),
        glyphs("cccccc", MARGIN, 31),
    )
    assert [shown(p) for p in paras] == ["aaaaaaaaa bbbbbbbbb", "cccccc"]


def test_italics_come_from_the_font_name() -> None:
    chars = glyphs("19 999,36 ", MARGIN, 10)
    chars += glyphs("euro", MARGIN + 9 * GLYPH + 2 * SPACE, 10, font="ABCDEF+DejaVuSerif-Italic")
    (line,) = lines_of(chars, 3)
    assert [(w.text, w.italic, w.page) for w in line.words] == [
        ("19", False, 3),
        ("999,36", False, 3),
        ("euro", True, 3),
    ]
    # Straight on from upright to italic: one word as written, no space put in.
    chars = glyphs("ab", MARGIN, 10) + glyphs("cd", MARGIN + 2 * GLYPH, 10, font="X-Oblique")
    (line,) = lines_of(chars, 0)
    assert [(w.text, w.italic, w.space_before) for w in line.words] == [
        ("ab", False, False),
        ("cd", True, False),
    ]


def test_a_word_that_would_have_fitted_only_to_a_fraction_of_a_point_is_no_paragraph_end() -> None:
    # The line ends at 182.85; "bb" (14.2 wide) after a space needs 17.05 of the 17.15 left:
    # too close to call, as the office software measures in its own units.
    paras = read(
        glyphs("aaaaaaaa aaaaaaaa", MARGIN, 10, trailing_space=True),
        glyphs("bb", MARGIN, 20.5, glyph=7.1),
    )
    assert [shown(p) for p in paras] == ["aaaaaaaa aaaaaaaa bb"]


def test_a_dash_of_its_own_at_a_line_end_keeps_its_space() -> None:
    # No room for the space after the dash: the line wrapped there, between words.
    paras = read(glyphs("aaaaaaaaaaaaaaaaaa -", MARGIN, 10), glyphs("Ukrainu", MARGIN, 20.5))
    assert [shown(p) for p in paras] == ["aaaaaaaaaaaaaaaaaa - Ukrainu"]


def _row(top: float, bottom: float, *cells: list[str]) -> Any:
    from pipeline.documents.pdf import _Cell, _Row

    out = []
    for left, texts in zip((0.0, 150.0), cells, strict=True):
        drawn = [glyphs(t, left + 5, top + 2 + 10.5 * i) for i, t in enumerate(texts)]
        box = (left, top, left + 150.0, bottom)
        out.append(_Cell(box, lines_of([c for line in drawn for c in line], 0)))
    return _Row(out, bottom)


def test_a_row_split_over_a_page_break_is_told_from_a_new_row() -> None:
    from pipeline.documents.pdf import _continues

    margins = (5.0, 5.0)
    foot = 720.0
    # The value's last line on the first page is full (a space drawn after it).
    split = _row(600, 719, ["Apraksts"], ["aaaaaaaaaaaaaaaaaaaaaaaaaa "])
    assert _continues(split, _row(72, 100, [], ["bbbbbbbbb"]), foot, margins)
    # Every cell on the new page starts a paragraph: a row of its own, its label empty.
    ended = _row(600, 719, ["Apraksts"], ["aaaaaaaaaaa."])
    assert not _continues(ended, _row(72, 100, [], ["Bbbbb"]), foot, margins)
    # A label starting with a capital is the next row's, however full the one before.
    assert not _continues(split, _row(72, 100, ["Cita informācija"], ["Nav"]), foot, margins)
    # A row that ends well above the foot of its page was not split.
    high = _row(300, 400, ["Apraksts"], ["aaaaaaaaaaaaaaaaaaaaaaaaaa "])
    assert not _continues(high, _row(72, 100, [], ["bbbbbbbbb"]), foot, margins)
