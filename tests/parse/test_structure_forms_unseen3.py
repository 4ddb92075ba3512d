"""Report structure in forms the third round of unseen reports used: the header block as a
Markdown table, the short labels typists write ("Uzdevuma veicējs"), the table's header row
repeated on every page, and a year's heading, items and group heading run on in one
paragraph. Expected values are read from the texts below.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from pipeline.model import ActivityGroup, AmountRole, LegalForm, Parsed
from pipeline.parse.runin import restore_breaks
from pipeline.parse.sections import Section, split_sections
from pipeline.parse.text import SOFT_BREAK, SourcedText, clean
from tests.conftest import parse_text

TASK_VALUE = (
    "Atsevišķu valsts pārvaldes uzdevumu veikšana pilsoniskās sabiedrības un starpkultūru "
    "sadarbības attīstības un mazākumtautību nevalstisko organizāciju līdzdalības "
    "veicināšanas jomā Vidzemes reģionā"
)
DESCRIPTION = (
    "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem "
    "rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā "
    "paredzētajiem mērķiem"
)
FUNDING = "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"
TAIL = (
    "Neatbilstoši veiktie izdevumi\tNav\n"
    "Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem\tNav\n"
    "Cita informācija\tNav\n"
)


def codes(parsed: Parsed) -> list[str]:
    return [f.code for f in parsed.findings]


# -- a Markdown pipe table is the tab-separated template -----------------------------------

MARKDOWN = (
    "# Kopsavilkums\n"
    "\n"
    "**par atsevišķu valsts pārvaldes uzdevumu veikšanu Vidzemes reģionā (2023–2026)**\n"
    "\n"
    "| | |\n"
    "|---|---|\n"
    f"| **Valsts pārvaldes uzdevums** | {TASK_VALUE} |\n"
    "| **Valsts pārvaldes uzdevuma īstenotājs** | Nodibinājums «Vidzemes kopienu fonds», "
    "vienotais reģistrācijas Nr. 50008217364 (turpmāk – Fonds) |\n"
    "| **Valsts pārvaldes uzdevuma deleģēšanas periods** | 01.03.2023.–28.02.2026. |\n"
    "\n"
    f"## {DESCRIPTION}\n"
    "\n"
    "### I. īstenošanas gads (01.03.2023.–29.02.2024.)\n"
    "\n"
    "1. Sniegtas 94 konsultācijas.\n"
    "\n"
    f"## {FUNDING}\n"
    "\n"
    "| Īstenošanas gads | Plānots | Faktiski izlietots |\n"
    "|---|---:|---:|\n"
    "| I (01.03.2023.–29.02.2024.) | 52 000,00 EUR | 51 236,40 EUR |\n"
    "\n"
    "## Neatbilstoši veiktie izdevumi\n\nNav konstatēti.\n\n"
    "## Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem\n\nNav.\n\n"
    "## Cita informācija\n\nNav.\n"
)


def test_a_markdown_header_table_gives_task_implementer_and_period() -> None:
    parsed = parse_text(MARKDOWN, "report.md")
    r = parsed.report
    assert r is not None
    assert "structure.missing-section" not in codes(parsed)
    assert "structure.unlabelled-text" not in codes(parsed)
    assert r.task is not None and r.task.value == TASK_VALUE
    assert r.task.span.line == 7
    assert r.region_in_task is not None and r.region_in_task.key == "vidzeme"
    imp = r.implementer
    assert imp is not None
    assert imp.legal_form is LegalForm.FOUNDATION
    assert imp.name.value == "Vidzemes kopienu fonds"
    assert imp.registration_number is not None
    assert imp.registration_number.value == "50008217364"
    assert imp.name.span.line == 8
    period = r.delegation_period
    assert period is not None
    assert (period.start, period.end) == (dt.date(2023, 3, 1), dt.date(2026, 2, 28))
    assert period.text == "01.03.2023.–28.02.2026."
    assert r.unlabelled == ()


def test_a_markdown_funding_table_is_read_by_its_columns() -> None:
    parsed = parse_text(MARKDOWN, "report.md")
    assert parsed.report is not None
    (row,) = parsed.report.funding
    assert row.ordinal == 1
    assert [(a.role, a.value) for a in row.amounts] == [
        (AmountRole.PLANNED, Decimal("52000.00")),
        (AmountRole.ACTUAL, Decimal("51236.40")),
    ]
    assert "funding.unread-amount" not in codes(parsed)


def test_clean_writes_a_pipe_table_as_tab_rows_mapped_to_the_source() -> None:
    source = "Virsraksts\n| A | B |\n|:--|--:|\n| viens | divi |\n| | trīs |\nBeigas\n"
    cleaned = clean(source)
    assert cleaned.text == "Virsraksts\nA\tB\nviens\tdivi\n\ttrīs\nBeigas\n"
    for word in ("viens", "divi", "trīs", "Beigas"):
        at = cleaned.text.index(word)
        start = cleaned.offsets[at]
        assert source[start : start + len(word)] == word
    tab = cleaned.offsets[cleaned.text.index("\tdivi")]
    assert source[tab] == "|"  # the tab stands where the cell's pipe is


def test_an_escaped_pipe_stays_in_its_cell() -> None:
    assert clean("| a \\| b | c |\n|---|---|\n").text == "a \\| b\tc\n"


@pytest.mark.parametrize(
    "source",
    [
        "| viens | divi |\n| trīs | četri |\n",  # no delimiter row: no table
        "Teksts | ar svītru |\n|---|---|\n",  # the first row does not start with a pipe
        "Sadaļa\t<p>| Rādītājs | 36 |</p><p>| Ziņas | 12 |</p>\n",  # a table in a cell
    ],
)
def test_pipes_that_are_no_markdown_table_stay_as_written(source: str) -> None:
    assert "\t" not in clean(source).text.replace("Sadaļa\t", "")
    assert clean(source).text.count("|") == source.count("|")


# -- the short labels typists write ------------------------------------------------------------

TITLE = "Kopsavilkums\npar uzdevumu Kurzemes reģionā (2019-2021)\n"
TASK_ROW = (
    "Valsts pārvaldes uzdevums\tPar atsevišķu valsts pārvaldes uzdevumu veikšanu Kurzemes reģionā\n"
)
YEARS = "I. ĪSTENOŠANAS GADS (01.04.2019.–31.12.2019.)\n1) Sniegtas 46 konsultācijas.\n"
FUNDING_ROW = f"{FUNDING}\t01.04.2019.–31.12.2019.\tPlānots 100,00 euro\tFaktiski 100,00 euro\n"


def short_report(implementer_row: str, period_row: str, description: str = YEARS) -> str:
    return (
        f"{TITLE}{TASK_ROW}{implementer_row}{period_row}"
        f"{DESCRIPTION}\t{description}{FUNDING_ROW}{TAIL}"
    )


PERIOD_ROW = "Valsts pārvaldes uzdevuma deleģēšanas periods\t2019. gada 1. aprīlis – 2021. gada 31. decembris\n"
IMPLEMENTER_VALUE = 'Biedrība "Ziemeļkurzemes iniciatīvu centrs", Reģ. Nr. 40008098215'


@pytest.mark.parametrize(
    "label", ["Uzdevuma veicējs", "Uzdevuma īstenotājs", "Uzdevuma veicējs:", "Īstenotājs"]
)
def test_a_short_implementer_label_is_the_implementer(label: str) -> None:
    parsed = parse_text(short_report(f"{label}\t{IMPLEMENTER_VALUE}\n", PERIOD_ROW))
    r = parsed.report
    assert r is not None
    assert "structure.missing-section" not in codes(parsed)
    imp = r.implementer
    assert imp is not None
    assert imp.legal_form is LegalForm.ASSOCIATION
    assert imp.name.value == "Ziemeļkurzemes iniciatīvu centrs"
    assert imp.registration_number is not None
    assert imp.registration_number.value == "40008098215"
    assert r.task is not None
    assert r.task.value == (
        "Par atsevišķu valsts pārvaldes uzdevumu veikšanu Kurzemes reģionā"
    )  # not glued to the implementer's row


@pytest.mark.parametrize("label", ["Deleģēšanas periods", "Uzdevuma deleģēšanas periods:"])
def test_a_short_period_label_is_the_delegation_period(label: str) -> None:
    implementer = f"Valsts pārvaldes uzdevuma veicējs\t{IMPLEMENTER_VALUE}\n"
    parsed = parse_text(short_report(implementer, f"{label}\t01.04.2019.–31.12.2021.\n"))
    r = parsed.report
    assert r is not None and r.delegation_period is not None
    assert (r.delegation_period.start, r.delegation_period.end) == (
        dt.date(2019, 4, 1),
        dt.date(2021, 12, 31),
    )
    assert "structure.missing-section" not in codes(parsed)


def test_a_short_task_label_on_its_own_line() -> None:
    text = short_report(f"Uzdevuma veicējs\t{IMPLEMENTER_VALUE}\n", PERIOD_ROW).replace(
        "Valsts pārvaldes uzdevums\t", "Uzdevums:\n"
    )
    parsed = parse_text(text)
    r = parsed.report
    assert r is not None and r.task is not None
    assert r.task.value == "Par atsevišķu valsts pārvaldes uzdevumu veikšanu Kurzemes reģionā"
    assert r.region_in_task is not None and r.region_in_task.key == "kurzeme"


def test_a_sentence_opening_with_the_short_words_is_no_label() -> None:
    """No implementer row at all: "Uzdevuma veicējs organizēja …" opening a line of the
    title block is a sentence, and "Uzdevuma veicējs:" inside the description is its text."""
    text = (
        "Kopsavilkums\nUzdevuma veicējs organizēja darbu Kurzemes reģionā (2019-2021)\n"
        f"{TASK_ROW}{PERIOD_ROW}{DESCRIPTION}\t{YEARS}"
        f"\tUzdevuma veicējs:\n\tbiedrības valde.\n{FUNDING_ROW}{TAIL}"
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    assert parsed.report.implementer is None
    assert "structure.missing-section" in codes(parsed)
    split = split_sections(clean(text))
    assert Section.IMPLEMENTER not in split.sections


# -- the table's header row, repeated on each page ---------------------------------------------

HEADER_REPORT = (
    "Kopsavilkums\npar uzdevumu Latgales reģionā (2023-2025)\n"
    "Sadaļa\tInformācija\n"
    "Valsts pārvaldes uzdevums\tPar uzdevumu Latgales reģionā\n"
    "Valsts pārvaldes uzdevuma veicējs\tBiedrība „Centrs”, reģ. Nr. 40008112233\n"
    "Valsts pārvaldes uzdevuma deleģēšanas periods\t01.04.2023.–31.03.2024.\n"
    f"{DESCRIPTION}\tI. ĪSTENOŠANAS GADS (01.04.2023.–31.03.2024.)\n"
    "\t1. Organizēti 3 forumi;\n"
    "<ul><li>Sadaļa</li></ul>\t<ul><li>Informācija</li></ul>\n"
    "\t2. Sniegtas 137 konsultācijas.\n"
    f"{FUNDING}\t01.04.2023.–31.03.2024.\tPlānots 100,00 euro\tFaktiski 100,00 euro\n"
    f"{TAIL}"
)


def test_the_header_row_and_its_repetition_are_no_content() -> None:
    parsed = parse_text(HEADER_REPORT)
    r = parsed.report
    assert r is not None
    assert "structure.unlabelled-text" not in codes(parsed)
    assert r.unlabelled == ()
    (year,) = r.years
    assert [a.text.value for a in year.activities] == [
        "Organizēti 3 forumi;",
        "Sniegtas 137 konsultācijas.",
    ]
    assert year.notes == ()


def test_a_row_with_numbers_before_the_first_label_is_no_header() -> None:
    """ "Kopsavilkums<TAB>(2023-2025)" names no column: it stays the title block's text."""
    cleaned = clean(HEADER_REPORT.replace("Sadaļa\tInformācija\n", "Piezīme\tLaboti 2 datumi\n"))
    split = split_sections(cleaned)
    assert "Piezīme\tLaboti 2 datumi" in split.head.text


# -- a year's heading, items and group heading run on in one paragraph --------------------------

RUN_ON = (
    "I. ĪSTENOŠANAS GADS (2022. gada 15. jūlijs līdz 2023. gada 14. jūlijs) 1) organizēti 4 "
    "semināri NVO vadītājiem, kuros kopā piedalījās 96 dalībnieki; 2) sniegtas 58 "
    "konsultācijas; 3) izdotas 24 ziņu lapas „NVO Rīgā”; Rīgas reģiona mazākumtautību "
    "kapacitātes celšanai: 1) izstrādātas 3 darbības attīstības stratēģijas; 2) īstenoti 5 "
    "mazākumtautību kultūras pasākumi.\n"
)


def test_a_run_on_year_is_read_as_its_items_and_groups() -> None:
    text = (
        "Kopsavilkums\npar uzdevumu Rīgas reģionā (2022-2023)\n"
        "Valsts pārvaldes uzdevums\tPar uzdevumu Rīgas reģionā\n"
        "Valsts pārvaldes uzdevuma veicējs\tBiedrība «Rīgas NVO nams», reģ. Nr. 40008234567\n"
        "Valsts pārvaldes uzdevuma deleģēšanas periods\t2022. gada 15. jūlijs – "
        "2023. gada 14. jūlijs\n"
        f"{DESCRIPTION}\t{RUN_ON}"
        f"{FUNDING}\t15.07.2022.–14.07.2023.\tPlānots 100,00 euro\tFaktiski 100,00 euro\n"
        f"{TAIL}"
    )
    parsed = parse_text(text)
    r = parsed.report
    assert r is not None
    assert "structure.no-minority-group" not in codes(parsed)
    (year,) = r.years
    assert year.notes == ()
    read = [(a.group, a.number, [(i.value, i.kind) for i in a.indicators]) for a in year.activities]
    civil, minority = ActivityGroup.CIVIL_SOCIETY, ActivityGroup.MINORITY_CAPACITY
    assert [(g, n) for g, n, _ in read] == [
        (civil, "1)"),
        (civil, "2)"),
        (civil, "3)"),
        (minority, "1)"),
        (minority, "2)"),
    ]
    assert [v for _, _, found in read for v, _ in found] == [4, 96, 58, 24, 3, 5]


def test_breaks_go_before_the_first_item_and_the_group_heading_only() -> None:
    restored = restore_breaks(SourcedText.of(RUN_ON)).text
    assert restored.count(SOFT_BREAK) == 2
    assert f"jūlijs) {SOFT_BREAK}1) organizēti" in restored
    assert f"; {SOFT_BREAK}Rīgas reģiona mazākumtautību" in restored
    assert SOFT_BREAK not in restored.split("celšanai:")[1]  # its own list goes on after ':'


@pytest.mark.parametrize(
    "text",
    [
        # a heading without its period may be a sentence's words
        "Pirmajā gadā paveikts daudz. I. īstenošanas gads 1) bija grūts.\n",
        # a group heading's words in a sentence with no list after them
        "Sniegtas konsultācijas. Mazākumtautību kapacitātes celšanai: tika rīkoti 5 pasākumi.\n",
        # a group heading right after a word, not after a finished sentence
        "Rīgā un Rīgas reģiona mazākumtautību kapacitātes celšanai: 1) stratēģija.\n",
    ],
)
def test_no_break_where_no_start_ran_on(text: str) -> None:
    assert restore_breaks(SourcedText.of(text)).text == text


# -- review: what the run-on, header and short-label readers must leave as written --------------


def one_year_report(description: str, extra_rows: str = "", implementer: bool = True) -> str:
    implementer_row = (
        "Valsts pārvaldes uzdevuma veicējs\tBiedrība „Probes centrs”, reģ. Nr. 40008276543\n"
        if implementer
        else ""
    )
    return (
        "Kopsavilkums\npar uzdevumu Vidzemes reģionā (2023–2024)\n"
        f"{extra_rows}"
        f"Valsts pārvaldes uzdevums\t{TASK_VALUE}\n"
        f"{implementer_row}"
        "Valsts pārvaldes uzdevuma deleģēšanas periods\t01.03.2023.–29.02.2024.\n"
        f"{DESCRIPTION}\t{description}\n"
        f"{FUNDING}\t01.03.2023.–29.02.2024.\tPlānots 100,00 euro\tFaktiski 100,00 euro\n"
        f"{TAIL}"
    )


def test_a_capacity_heading_without_the_minority_word_is_no_group_heading() -> None:
    """ "Vidzemes NVO kapacitātes celšanai:" is no minority group's heading: the items after
    it stay civil-society work; only "Vidzemes mazākumtautību …" opens the minority group."""
    description = (
        "I. ĪSTENOŠANAS GADS (01.03.2023.–29.02.2024.). 1) Organizēti 8 semināri; 2) Sniegtas "
        "60 konsultācijas. Vidzemes NVO kapacitātes celšanai: 1) organizēti 2 forumi; "
        "2) izveidota 1 darba grupa. Vidzemes mazākumtautību kapacitātes celšanai: "
        "1) atbalstītas 4 mazākumtautību NVO."
    )
    restored = restore_breaks(SourcedText.of(description)).text
    assert f"{SOFT_BREAK}Vidzemes NVO" not in restored
    assert f"; {SOFT_BREAK}2)" not in restored
    assert f". {SOFT_BREAK}Vidzemes mazākumtautību kapacitātes celšanai: 1)" in restored
    parsed = parse_text(one_year_report(description))
    assert parsed.report is not None
    (year,) = parsed.report.years
    civil, minority = ActivityGroup.CIVIL_SOCIETY, ActivityGroup.MINORITY_CAPACITY
    by_group = {
        group: [i.value for a in year.activities if a.group is group for i in a.indicators]
        for group in (civil, minority)
    }
    assert by_group == {civil: [8, 60, 2], minority: [4]}


def test_a_day_and_month_after_a_run_on_heading_is_no_first_item() -> None:
    """ "… GADS (…) 1. martā notika …": "1. martā" is the 1st of March, kept in the text."""
    description = (
        "I. ĪSTENOŠANAS GADS (01.03.2023.–29.02.2024.) 1. martā notika atklāšanas pasākums, "
        "piedalījās 50 dalībnieki; 2) organizēti 3 semināri."
    )
    assert restore_breaks(SourcedText.of(description)).text == description
    parsed = parse_text(one_year_report(description))
    assert parsed.report is not None
    (year,) = parsed.report.years
    texts = [a.text.value for a in year.activities] + [n.value for n in year.notes]
    assert any(t.startswith("1. martā notika atklāšanas pasākums") for t in texts)


@pytest.mark.parametrize(
    "description",
    [
        # the heading's first words end the finished item's line (a soft break in Word)
        "I. īstenošanas gads (01.03.2023.–29.02.2024.)\x0b1. Organizēti 3 semināri; Vidzemes "
        "mazākumtautību\x0bkapacitātes celšanai:\x0b1. Sniegtas 25 konsultācijas.",
        # the heading's first words on a line of their own
        "I. īstenošanas gads (01.03.2023.–29.02.2024.)\x0b\x0b1. Organizēti 3 semināri;\x0b"
        "Vidzemes mazākumtautību\x0bkapacitātes celšanai:\x0b\x0b1. Sniegtas 25 konsultācijas.",
        # an HTML line break, the wrap after the region's name
        "I. īstenošanas gads (01.03.2023.–29.02.2024.)<br>1. Organizēti 3 semināri; Vidzemes"
        "<br>mazākumtautību kapacitātes celšanai:<br>1. Sniegtas 25 konsultācijas.",
    ],
)
def test_a_group_heading_wrapped_by_a_soft_break_is_one_heading(description: str) -> None:
    parsed = parse_text(one_year_report(description))
    assert parsed.report is not None
    assert "structure.no-minority-group" not in codes(parsed)
    (year,) = parsed.report.years
    read = [(a.group, a.text.value) for a in year.activities]
    assert read == [
        (ActivityGroup.CIVIL_SOCIETY, "Organizēti 3 semināri;"),
        (ActivityGroup.MINORITY_CAPACITY, "Sniegtas 25 konsultācijas."),
    ]


@pytest.mark.parametrize(
    "text",
    [
        # no minority word: not the group's heading
        "1. Organizēti 3 semināri; Vidzemes NVO\x0bkapacitātes celšanai:\x0b1. Forumi.",
        # a number on the first line: an item's text, not a heading
        "Organizēti 3 semināri Vidzemes\x0bmazākumtautību kapacitātes celšanai:\x0b1. Forumi.",
        # the heading's words go on after its colon: a sentence
        "Semināri; Vidzemes mazākumtautību\x0bkapacitātes celšanai: tika rīkoti 5 pasākumi.",
    ],
)
def test_no_wrapped_group_heading_where_none_is(text: str) -> None:
    assert restore_breaks(SourcedText.of(text)).text == text


def test_a_content_row_before_the_first_label_is_kept_as_text() -> None:
    """ "Reģions<TAB>Vidzemes reģions" names no column: it is kept and reported as text
    outside any section, not dropped as the table's header."""
    text = one_year_report(
        "I. īstenošanas gads (01.03.2023.–29.02.2024.)\n\t1. Organizēti 3 semināri.",
        extra_rows="Reģions\tVidzemes reģions\n",
    )
    assert "Reģions\tVidzemes reģions" in split_sections(clean(text)).head.text
    parsed = parse_text(text)
    assert parsed.report is not None
    assert [u.value for u in parsed.report.unlabelled] == ["Reģions Vidzemes reģions"]
    assert "structure.unlabelled-text" in codes(parsed)


def test_a_repeated_row_in_other_words_loses_only_its_repetition() -> None:
    """A header in words other than column names ("Daļa | Izklāsts"), repeated inside the
    description as a PDF repeats it: the first stays the report's text, the repetition goes."""
    text = HEADER_REPORT.replace("Sadaļa\tInformācija", "Daļa\tIzklāsts").replace(
        "<ul><li>Sadaļa</li></ul>\t<ul><li>Informācija</li></ul>",
        "<ul><li>Daļa</li></ul>\t<ul><li>Izklāsts</li></ul>",
    )
    split = split_sections(clean(text))
    assert "Daļa\tIzklāsts" in split.head.text
    assert "Daļa" not in split.sections[Section.DESCRIPTION].text


@pytest.mark.parametrize(
    "header", ["Sadaļa\tInformācija", "Nosaukums\tApraksts", "Rādītājs\tVērtība"]
)
def test_a_header_naming_its_columns_is_dropped(header: str) -> None:
    text = one_year_report(
        "I. īstenošanas gads (01.03.2023.–29.02.2024.)\n\t1. Organizēti 3 semināri.",
        extra_rows=f"{header}\n",
    )
    parsed = parse_text(text)
    assert parsed.report is not None
    assert parsed.report.unlabelled == ()


def test_a_short_label_inside_a_value_cell_is_the_value_text() -> None:
    """ "<TAB>Īstenotājs: biedrība sadarbībā ar pašvaldību" continues the task's cell: no
    implementer is read from it, so no registration number is missing from one."""
    text = one_year_report(
        "I. īstenošanas gads (01.03.2023.–29.02.2024.)\n\t1. Organizēti 3 semināri.",
        implementer=False,
    ).replace(f"{TASK_VALUE}\n", f"{TASK_VALUE}\n\tĪstenotājs: biedrība sadarbībā ar pašvaldību\n")
    parsed = parse_text(text)
    r = parsed.report
    assert r is not None
    assert r.implementer is None
    assert "implementer.missing-registration-number" not in codes(parsed)
    assert "structure.missing-section" in codes(parsed)
    assert r.task is not None
    assert r.task.value.endswith("Īstenotājs: biedrība sadarbībā ar pašvaldību")


def test_a_run_on_group_heading_ending_its_paragraph_opens_the_group() -> None:
    """A PDF printed by Chromium (seed 004's table): "… veicināšanas aktivitātes ietvaros
    īstenoti 6 pasākumi. Kurzemes reģiona mazākumtautību kapacitātes celšanai:" ends its
    paragraph and "1) Nodrošinātas 3 …" opens the next: the heading opens the group."""
    description = (
        "I. ĪSTENOŠANAS GADS (01.03.2023.–29.02.2024.)<p>1) Organizēti 8 semināri;</p>"
        "<p>2) Notikuši 11 pasākumi. Vidzemes reģiona mazākumtautību kapacitātes "
        "celšanai:</p><p>1) Nodrošinātas 3 konsultācijas;</p><p>2) Izstrādātas 2 "
        "stratēģijas.</p>"
    )
    parsed = parse_text(one_year_report(description))
    r = parsed.report
    assert r is not None
    assert "structure.no-minority-group" not in codes(parsed)
    civil, minority = ActivityGroup.CIVIL_SOCIETY, ActivityGroup.MINORITY_CAPACITY
    assert [(a.group, [i.value for i in a.indicators]) for a in r.activities] == [
        (civil, [8]),
        (civil, [11]),
        (minority, [3]),
        (minority, [2]),
    ]
