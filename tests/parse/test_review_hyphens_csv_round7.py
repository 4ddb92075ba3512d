"""A reviewer's probes of the hyphen and CSV readers, with the facts read by hand from them:
a hyphen ending a line between two whole words is a range's, a compound's or a dash, no
word's break ("2013. gada marts-" / "aprīlis", "latviešu-" / "krievu vārdnīca",
"jauniešiem-" / "kopā 60 dalībnieki"); a comma-separated funding table whose last field is
a small figure ("II. gads,8000.00,8000.00,0.00", "II. gads,8000,8000,0") is a table; and
the hyphen reader, a step of the text cleaning, builds on nothing that builds on it."""

from __future__ import annotations

import ast
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pipeline.parse
from pipeline.model import AmountRole, DatePrecision
from pipeline.parse import parse_text
from pipeline.parse.delimited_tables import delimited_tables
from pipeline.parse.hyphen_breaks import join_hyphen_breaks
from pipeline.parse.sourced_text import SourcedText

P, A, R = AmountRole.PLANNED, AmountRole.ACTUAL, AmountRole.REMAINDER

_HEAD = """Kopsavilkums
par valsts pārvaldes uzdevuma veikšanu pilsoniskās sabiedrības attīstības jomā Zemgales reģionā
(2012-2014)

Valsts pārvaldes uzdevums: Pilsoniskās sabiedrības attīstības un nevalstisko organizāciju līdzdalības veicināšana Zemgales reģionā
Valsts pārvaldes uzdevuma veicējs: Biedrība "Zemgales NVO centrs", reģistrācijas Nr. 40008041224
Valsts pārvaldes uzdevuma deleģēšanas periods: 2012. gada 1. jūlijs līdz 2014. gada 30. jūnijs

Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem rezultatīvajiem rādītājiem:

I. ĪSTENOŠANAS GADS (01.07.2012.–30.06.2013.)
"""
_TAIL = """
Neatbilstoši veiktie izdevumi: Nav
Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem: Nav
Cita informācija: Nav
"""
_FUNDING_LABEL = (
    "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem:\n"
)
# The reviewer's probe (hy_cases.txt), its items that joined two words
_HYPHENATED_ITEMS = """1) organizēti 4 semināri, kopā 45 dalīb-
nieki;
2) pasākumi notika 2013. gada marts-
aprīlis, 30 dalībnieki;
3) izdota latviešu-
krievu vārdnīca, 200 eksemplāri;
4) notika 5 pasākumi jauniešiem-
kopā 60 dalībnieki;
5) sniegtas 12 konsultācijas (janvāris-
marts);

II. ĪSTENOŠANAS GADS (01.07.2013.–30.06.2014.)
1) sniegtas 71 konsultācija.

"""
_EURO_ROWS = """I. gads: plānots 12 000,00 EUR; faktiski izlietots 11 850,00 EUR.
II. gads: plānots 8 000,00 EUR; faktiski izlietots 8 000,00 EUR.
"""


def _joined(text: str) -> str:
    out = join_hyphen_breaks(SourcedText.of(text))
    # every character left is the source character it says it came from
    assert all(text[o] == c for c, o in zip(out.text, out.offsets, strict=True))
    return out.text


def test_a_month_range_over_a_line_end_keeps_its_hyphen_and_its_date() -> None:
    report = _HEAD + _HYPHENATED_ITEMS + _FUNDING_LABEL + _EURO_ROWS + _TAIL
    rep = parse_text(report, "hy_cases.txt").report
    assert rep is not None
    items = {a.number: a for a in rep.activities if a.year == 1}
    ranged = items["2)"]
    assert ranged.text.value == "pasākumi notika 2013. gada marts-aprīlis, 30 dalībnieki;"
    # the date the text gives: March to April 2013, by month
    assert [(d.start, d.end, d.precision) for d in ranged.dates] == [
        (dt.date(2013, 3, 1), dt.date(2013, 4, 1), DatePrecision.MONTH)
    ]
    assert report[ranged.dates[0].span.start : ranged.dates[0].span.end] == (
        "2013. gada marts-\naprīlis"
    )
    assert items["5)"].text.value == "sniegtas 12 konsultācijas (janvāris-marts);"
    # a compound of two languages' names keeps its hyphen
    assert items["3)"].text.value == "izdota latviešu-krievu vārdnīca, 200 eksemplāri;"
    # a dash before the sentence's "kopā": the two words stay two
    dashed = items["4)"]
    assert dashed.text.value == "notika 5 pasākumi jauniešiem- kopā 60 dalībnieki;"
    assert [(i.value, i.kind) for i in dashed.indicators] == [(5, "events"), (60, "participants")]
    # a word's break is still joined
    assert items["1)"].text.value == "organizēti 4 semināri, kopā 45 dalībnieki;"


def test_two_whole_words_keep_their_hyphen_a_broken_word_is_joined() -> None:
    # a month before a month: only the line break goes; before a month after another word,
    # or before a sentence's word, nothing changes
    assert _joined("2013. gada marts-\naprīlis") == "2013. gada marts-aprīlis"
    assert _joined("no janvāra-\nlīdz martam") == "no janvāra-\nlīdz martam"
    assert _joined("pasākumi notika līdz-\nmartam") == "pasākumi notika līdz-\nmartam"
    for word in ("kopā", "arī", "gan", "tostarp"):
        kept = f"notika 5 pasākumi jauniešiem-\n{word} 60 dalībnieki"
        assert _joined(kept) == kept, word
    # a language's name, an adverb of a compound's
    assert _joined("izdota latviešu-\nkrievu vārdnīca") == "izdota latviešu-krievu vārdnīca"
    assert _joined("sociāli-\nekonomiskās situācijas") == "sociāli-ekonomiskās situācijas"
    # two words the text writes on their own elsewhere
    assert _joined(
        "izdoti mācību-\nmetodiskie materiāli; 3 mācību semināri; metodiskie ieteikumi"
    ) == ("izdoti mācību-metodiskie materiāli; 3 mācību semināri; metodiskie ieteikumi")
    # a word's first half that is a word of its own, its second half none: one word
    assert _joined("reģionā-\nlajos centros; darbs reģionā") == (
        "reģionālajos centros; darbs reģionā"
    )
    assert _joined("organizē-\nti 3 semināri; biedrība organizē") == (
        "organizēti 3 semināri; biedrība organizē"
    )
    assert _joined("kuros pie-\ndalījās 40; pie galda") == "kuros piedalījās 40; pie galda"
    assert _joined("starp-\nkultūru dialogs; starp kultūru") == (
        "starpkultūru dialogs; starp kultūru"
    )
    # a month's stem alone is no month: a word broken after it
    assert _joined("2023. gada februār-\nī") == "2023. gada februārī"
    # a soft hyphen inside a word elsewhere: the word is whole there
    assert _joined("148 konsul-\ntācijas; 12 konsul\u00adtācijas") == (
        "148 konsultācijas; 12 konsultācijas"
    )


def _report_with_rows(rows: str) -> str:
    items = "1) organizēti 4 semināri, kopā 96 dalībnieki.\n\n"
    items += "II. ĪSTENOŠANAS GADS (01.07.2013.–30.06.2014.)\n1) sniegtas 71 konsultācija.\n\n"
    return _HEAD + items + _FUNDING_LABEL + rows + _TAIL


def test_a_comma_table_with_decimal_points_and_a_zero_remainder_is_read() -> None:
    # the reviewer's csv_rows_dot.txt: year II's zero remainder made its row no row
    rows = (
        "Gads,Plānots EUR,Faktiski EUR,Atlikums EUR\n"
        "I. gads,12000.00,11850.00,150.00\n"
        "II. gads,8000.00,8000.00,0.00\n"
    )
    parsed = parse_text(_report_with_rows(rows), "csv_rows_dot.txt")
    assert parsed.report is not None
    amounts = {
        row.ordinal: {(a.role, a.value) for a in row.amounts if a.value is not None}
        for row in parsed.report.funding
    }
    assert amounts[1] == {
        (P, Decimal("12000.00")),
        (A, Decimal("11850.00")),
        (R, Decimal("150.00")),
    }
    # year II as written (its remainder "0.00" is the amount reader's to read or not)
    assert {(P, Decimal("8000.00")), (A, Decimal("8000.00"))} <= amounts[2]
    assert not [f for f in parsed.findings if f.code.startswith("funding.")]


def _turned(text: str) -> str:
    out = delimited_tables(SourcedText.of(text))
    # every character is its source's, or a tab standing for a separator
    assert all(
        text[o] == c or (c == "\t" and text[o] == ",")
        for c, o in zip(out.text, out.offsets, strict=True)
    )
    return out.text


def test_a_small_last_figure_is_a_field_beside_a_header_of_as_many() -> None:
    # integers: "8000,0" is two fields, as the header's four fields say
    assert _turned(
        "Gads,Plānots EUR,Faktiski EUR,Atlikums EUR\nI. gads,12000,11850,150\nII. gads,8000,8000,0\n"
    ) == (
        "Gads\tPlānots EUR\tFaktiski EUR\tAtlikums EUR\n"
        "I. gads\t12000\t11850\t150\nII. gads\t8000\t8000\t0\n"
    )
    # a figure with a decimal point after the comma: no decimal comma
    assert _turned("I. gads,12000.00,11850.00,150.00\nII. gads,8000.00,8000.00,0.00\n") == (
        "I. gads\t12000.00\t11850.00\t150.00\nII. gads\t8000.00\t8000.00\t0.00\n"
    )
    for text in (
        # every row's comma may be a decimal one, and no row says otherwise: left as written
        "I. gads,12000,11850,50\nII. gads,8000,8000,0\n",
        # decimal commas unquoted under a header of fewer fields: the commas are the numbers'
        "Gads,Plānots,Faktiski,Atlikums\n2022.,45000,00,44800,00,200,00\n"
        "2023.,45000,00,45000,00,0,00\n",
    ):
        assert _turned(text) == text, text


def _imports(module: Path) -> set[str]:
    """The `pipeline.parse` modules a module imports, in a function's body too."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
        elif isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
    return {n.removeprefix("pipeline.parse.") for n in names if n.startswith("pipeline.parse.")}


def test_the_hyphen_reader_builds_on_nothing_that_builds_on_the_text_cleaning() -> None:
    # the text cleaning calls the hyphen and the delimited-table readers: neither may lead
    # back to it, by any import (a function's own hidden one too)
    parse_dir = Path(pipeline.parse.__file__).parent
    graph = {p.stem: _imports(p) for p in parse_dir.glob("*.py")}
    for start in ("hyphen_breaks", "delimited_tables"):
        seen, todo = set(), [start]
        while todo:
            name = todo.pop()
            if name in seen:
                continue
            seen.add(name)
            todo.extend(graph.get(name, set()))
        assert "text" not in seen, start
        assert "sections" not in seen, start
