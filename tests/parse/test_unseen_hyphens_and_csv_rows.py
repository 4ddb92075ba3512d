"""Two forms of pasted text, with the facts read by hand from the fixtures: a report copied
out of a typeset PDF whose words are hyphenated at the lines' ends (a section label's
"finansē-" / "jums", a count's "dalīb-" / "nieki", a purpose's "attīs-" / "tībai"), and a
funding table pasted from a spreadsheet saved as CSV with commas, its decimal-comma fields
quoted ('"2022./2023.","45 000,00","44 812,35","187,65"')."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

from pipeline.model import ActivityGroup, AmountRole, Parsed, Purpose, Qualifier, Report
from pipeline.parse import parse_report, parse_text
from pipeline.parse.delimited_tables import delimited_tables
from pipeline.parse.hyphen_breaks import join_hyphen_breaks
from pipeline.parse.text import SourcedText, clean
from tests.conftest import FIXTURES

D = dt.date
UNSEEN = FIXTURES / "reports" / "unseen"
P, A, BACK, R = AmountRole.PLANNED, AmountRole.ACTUAL, AmountRole.RETURNED, AmountRole.REMAINDER
CS, MN = Purpose.CIVIL_SOCIETY, Purpose.MINORITY_NGOS
CIVIL, MINORITY = ActivityGroup.CIVIL_SOCIETY, ActivityGroup.MINORITY_CAPACITY
EXACT, ABOUT, MORE = Qualifier.EXACT, Qualifier.ABOUT, Qualifier.MORE_THAN
HYPHENATED = UNSEEN / "zemgale_pdf_copy_hyphenated_line_ends_planted.txt"
CSV = UNSEEN / "latgale_web_copy_comma_csv_funding_rows_planted.txt"
LAYOUT = UNSEEN / "kurzeme_pdftotext_layout_two_columns.txt"


def _read(path: Path) -> tuple[Parsed, Report]:
    parsed = parse_report(path, name=path.name)
    assert parsed.report is not None
    return parsed, parsed.report


def _quantities(rep: Report, year: int) -> list[tuple[ActivityGroup, int, Qualifier, str]]:
    return [
        (a.group, i.value, i.qualifier, i.kind)
        for a in rep.activities
        if a.year == year
        for i in a.indicators
    ]


def test_hyphenated_labels_counts_and_funding_are_read() -> None:
    parsed, rep = _read(HYPHENATED)
    # every label is found, "deleģē-" / "šanas periods" and "finansē-" / "jums" too; the
    # one finding is the planted remainder: 42 000,00 - 41 380,50 is 619,50, not 691,50
    assert sorted((f.code, f.span.line if f.span else None) for f in parsed.findings) == [
        ("funding.remainder-mismatch", 119)
    ]
    assert rep.title is not None and rep.title.value.endswith("Zemgales reģionā (2022-2025)")
    assert rep.region_in_title is not None and rep.region_in_title.key == "zemgale"
    assert rep.task is not None and "pilsoniskās sabiedrības un" in rep.task.value
    assert "nevalstisko organizāciju" in rep.task.value
    period = rep.delegation_period
    assert period is not None and (period.start, period.end) == (D(2022, 8, 1), D(2025, 7, 31))
    assert rep.implementer is not None and rep.implementer.name is not None
    assert rep.implementer.name.value == "Zemgales NVO atbalsta centrs"
    assert rep.implementer.registration_number is not None
    assert rep.implementer.registration_number.value == "40008123456"
    # "e-" / "pasts": one letter before the hyphen, the hyphen is the word's own
    assert rep.implementer.text.value.endswith(", e-pasts info@zemgalesnvo.lv")

    assert _quantities(rep, 1) == [
        (CIVIL, 2, EXACT, "forums"),
        (CIVIL, 164, EXACT, "participants"),
        (CIVIL, 6, EXACT, "seminars"),
        (CIVIL, 118, EXACT, "participants"),  # "118 dalīb-" / "nieki"
        (CIVIL, 57, EXACT, "consultations"),  # "57 konsul-" / "tācijas"
        (CIVIL, 46, EXACT, "news-items"),  # "46 zi-" / "ņas"
        (CIVIL, 80, EXACT, "posts"),
        (CIVIL, 3, EXACT, "focus-groups"),  # "3 fokus-" / "grupu diskusijas"
        (CIVIL, 29, EXACT, "participants"),
        (MINORITY, 4, EXACT, "organisations"),  # "4 mazākumtautību biedrī-" / "bām"
        (MINORITY, 5, EXACT, "events"),
        (MINORITY, 380, EXACT, "participants"),
    ]
    assert _quantities(rep, 2) == [
        (CIVIL, 1, EXACT, "forums"),
        (CIVIL, 132, EXACT, "participants"),
        (CIVIL, 7, EXACT, "seminars"),
        (CIVIL, 141, EXACT, "participants"),  # "141 da-" / "lībnieks"
        (CIVIL, 60, MORE, "consultations"),
        (CIVIL, 12, EXACT, "newsletters"),  # "12 e-" / "pasta jaunumu lapas"
        (MINORITY, 2, EXACT, "trainings"),
        (MINORITY, 31, EXACT, "participants"),
        (MINORITY, 2, EXACT, "strategies"),  # "stratē-" / "ģijas"
        (MINORITY, 6, EXACT, "events"),
        (MINORITY, 450, ABOUT, "participants"),
    ]
    assert _quantities(rep, 3) == [
        (CIVIL, 5, EXACT, "seminars"),
        (CIVIL, 2, EXACT, "focus-groups"),
        (CIVIL, 126, EXACT, "participants"),
        (CIVIL, 49, EXACT, "consultations"),
        (CIVIL, 1, EXACT, "studies"),  # "1 pē-" / "tījums"
        (MINORITY, 5, EXACT, "organisations"),
        (MINORITY, 4, EXACT, "events"),
        (MINORITY, 300, MORE, "participants"),
    ]

    by_year = {
        row.ordinal: {(a.role, a.purpose, a.value) for a in row.amounts} for row in rep.funding
    }
    assert by_year == {
        1: {
            (P, None, Decimal("42000.00")),
            (P, CS, Decimal("27000.00")),
            (P, MN, Decimal("15000.00")),
            (A, None, Decimal("41512.40")),
            (A, CS, Decimal("26800.00")),
            (A, MN, Decimal("14712.40")),
            (BACK, None, Decimal("487.60")),  # "Neizmantotais finansē-" / "jums 487,60 euro"
        },
        2: {
            (P, None, Decimal("42000.00")),
            (P, CS, Decimal("27000.00")),
            (P, MN, Decimal("15000.00")),
            (A, None, Decimal("42000.00")),
            (A, CS, Decimal("27000.00")),
            (A, MN, Decimal("15000.00")),
        },
        3: {
            (P, None, Decimal("42000.00")),
            (P, CS, Decimal("27000.00")),
            (P, MN, Decimal("15000.00")),
            (A, None, Decimal("41380.50")),
            (A, CS, Decimal("26655.00")),
            (A, MN, Decimal("14725.50")),
            (BACK, None, Decimal("691.50")),
        },
    }
    assert rep.irregular_expenditure is not None and rep.irregular_expenditure.none
    # "neatbilstoši veik-" / "tajiem izdevumiem": the label is found
    assert rep.unrecovered_amount is not None and rep.unrecovered_amount.none


def test_joined_words_keep_their_source_and_real_hyphens_stay() -> None:
    _, rep = _read(HYPHENATED)
    source = rep.source_text
    # a count read across the break points at the source characters it was read from
    [dalibnieki] = [i for a in rep.activities for i in a.indicators if i.value == 118]
    assert dalibnieki.phrase == "118 dalībnieki"
    assert source[dalibnieki.span.start : dalibnieki.span.end] == "118 dalīb-\nnieki"
    assert (dalibnieki.span.line, dalibnieki.span.end_line) == (38, 39)
    texts = [a.text.value for a in rep.activities]
    # an address's hyphen is the address's own; a capital after the hyphen is a hyphen's
    assert any("www.zemgales-nvo.lv un sociālajos" in t for t in texts)
    assert any("„Jelgavas- Bauskas kultūras tilts”" in t for t in texts)
    # a dash with a space before it is a dash
    assert any("konsultācijas - klātienē" in t for t in texts)
    other = rep.other_information
    assert other is not None
    # a span of years keeps its hyphen; the word broken after it is joined
    assert other.text.value == (
        "Biedrība sezonā 2023.- 2024. mainīja valdes sastāvu; līguma grozījumi nebija nepieciešami."
    )
    assert source[other.text.span.start : other.text.span.end].endswith("nepiecie-\nšami.")


def _joined(text: str) -> str:
    out = join_hyphen_breaks(SourcedText.of(text))
    # every character left is the source character it says it came from
    assert all(text[o] == c for c, o in zip(out.text, out.offsets, strict=True))
    return out.text


def test_only_certain_breaks_are_joined() -> None:
    assert _joined("organizē-\nti 3 semināri") == "organizēti 3 semināri"
    assert _joined("kopā 85 dalīb- \nnieki") == "kopā 85 dalībnieki"  # a space after it
    assert _joined("finansē\u00ad\njums") == "finansējums"  # a soft hyphen
    # a page's end between the lines: blank lines, a lone space, a form feed
    assert _joined("kopā 85 dalīb-\n \n\n\x0cnieki") == "kopā 85 dalībnieki"
    assert _joined("ﬁnan\u00adsējums sadalījumā") == "ﬁnansējums sadalījumā"
    for kept in (
        "sezonā 2022.-\n2023. gadā",  # years
        "cikls „Rīgas-\nJūrmalas tilts”",  # a capital after it
        "49 konsultācijas -\nklātienē",  # a dash
        "sadarbības partneri: biedrības-\n- 3 forumi",  # a list's item next
        "pirms-\nun pēcskolas",  # the compound's shortened half
        "Plānots 45 000,00 euro, t.sk.-\n2 forumi",  # no letter after it
        "organizē-\nti\t3",  # the next line a table's row
    ):
        assert _joined(kept) == kept, kept
    # the hyphen the word has: only the break goes
    assert _joined("12 e-\npasta lapas") == "12 e-pasta lapas"
    assert _joined("www.zemgales-\nnvo.lv") == "www.zemgales-nvo.lv"
    assert _joined("info@zemgales-\nnvo.lv") == "info@zemgales-nvo.lv"
    assert _joined("9 semināri/vebinā-\nri") == "9 semināri/vebināri"
    assert _joined("latviešu-\nkrievu vārdnīca, latviešu-krievu") == (
        "latviešu-krievu vārdnīca, latviešu-krievu"
    )
    assert _joined("attīs-\ntībai, attīstībai, attīs-tībai") == (
        "attīstībai, attīstībai, attīs-tībai"
    )


def test_a_text_laid_out_in_two_columns_is_left_as_it_is() -> None:
    # pdftotext -layout with the label column at the margin, a label hyphenated in it:
    # joining its lines would move the value column's words, and no row would be read
    lines = LAYOUT.read_text(encoding="utf-8").split("\n")
    text = "\n".join(line[1:] if line.startswith(" ") else line for line in lines)
    broken = text.replace("uzdevuma deleģēšanas\nperiods", "uzdevuma deleģē-\nšanas periods")
    assert broken != text
    assert clean(broken).text == clean(text).text.replace(
        "uzdevuma deleģēšanas\nperiods", "uzdevuma deleģē-\nšanas periods"
    )
    rep = parse_text(broken, LAYOUT.name).report
    assert rep is not None
    assert rep.task is not None and rep.implementer is not None
    assert len(rep.years) == 3 and len(rep.funding) == 3


def test_comma_csv_rows_are_the_funding_table() -> None:
    parsed, rep = _read(CSV)
    rows = [
        (row.ordinal, {(a.role, a.purpose, a.value) for a in row.amounts}) for row in rep.funding
    ]
    written = [("45000.00", "44812.35", "187.65"), ("45000.00", "45000.00", "0.00")]
    written.append(("45000.00", "44530.10", "496.90"))
    assert rows == [
        (n, {(P, None, Decimal(p)), (A, None, Decimal(a)), (R, None, Decimal(r))})
        for n, (p, a, r) in enumerate(written, 1)
    ]
    found = sorted((f.code, f.span.line if f.span else None) for f in parsed.findings)
    assert found == [
        # year 3 leaves 469,90, not the 496,90 written (planted)
        ("funding.remainder-mismatch", 57),
        # the web page's path above the report, and the "Kopā" row summing the years
        ("structure.unlabelled-text", 1),
        ("structure.unlabelled-text", 58),
    ]
    # the amounts point at their source, inside the quotes
    first = rep.funding[0].amounts
    spans = {a.value: rep.source_text[a.span.start : a.span.end] for a in first if a.span}
    assert spans[Decimal("44812.35")].startswith("44 812,35")
    other = rep.other_information
    assert other is not None and other.text.value.startswith(
        "Pasākumi notika Daugavpilī, Rēzeknē, Krāslavā, Preiļos, Ludzā un Balvos"
    )


def _turned(text: str) -> str:
    out = delimited_tables(SourcedText.of(text))
    assert all(text[o] == c or c == "\t" for c, o in zip(out.text, out.offsets, strict=True))
    return out.text


def test_comma_rows_only_where_certain() -> None:
    assert _turned('Gads,Plānots,Faktiski\n"2022.","45 000,00","44 800,00"\n') == (
        "Gads\tPlānots\tFaktiski\n2022.\t45 000,00\t44 800,00\n"
    )
    # digits grouped by a no-break space, as a spreadsheet in Latvian writes them
    assert _turned('Gads,Plānots,Faktiski\n"2022.","45\u00a0000,00","44\u00a0800,00"\n') == (
        "Gads\tPlānots\tFaktiski\n2022.\t45\u00a0000,00\t44\u00a0800,00\n"
    )
    # a quote doubled inside a quoted field is one quote of the field's
    assert _turned('"Gads ""A""",Plānots,Faktiski\nKopā,45000,44800\n') == (
        'Gads "A"\tPlānots\tFaktiski\nKopā\t45000\t44800\n'
    )
    for text in (
        # sentences: a space after each comma
        "organizēti 3 semināri, 2 forumi, 5 pasākumi\n"
        "sniegtas 40 konsultācijas, 12 ziņas, 1 buklets\n",
        "Dalībnieki: 45, 60, 75\nSemināri: 3, 4, 5\n",
        # a table's amounts with decimal commas, parted by spaces: no comma separates
        "2021./2022. 45 000,00 44 812,35 187,65\n2022./2023. 45 000,00 45 000,00 0,00\n",
        # decimal commas unquoted: the comma is the number's
        "Gads,Plānots,Faktiski\n2022.,45000,00,44800,00\n2023.,45000,00,45000,00\n",
        # one line is no table; a quote left open is no field
        '"2022.","45 000,00","44 800,00"\n',
        '"2022.,"45 000,00",44800\n"2023.,"45 000,00",45000\n',
        # a field of a clause
        "Biedrība organizēja vairākus reģionālus pasākumus,45000,44800\nKopā,45000,44800\n",
    ):
        assert _turned(text) == text, text
