"""Golden values for the structure of reports by independent testers, who read their facts
by hand before the parser ran (`tests/fixtures/reports/unseen/`).

Labels and year headings typed without diacritics ("Valsts parvaldes uzdevuma veicejs:",
"I istenosanas gads", Kurzeme) and in capitals without them ("CITA INFORMACIJA", "II
ISTENOSANAS GADS", Latgale); numbered labels ending in a full stop (Zemgale, planted); a year
heading without its numeral (Rīga, Zemgale); the description's label as a sentence of the
template's words reordered (Vidzeme, Word); header fields as a Markdown list ("- **Valsts
pārvaldes uzdevums:** …", Vidzeme); text copied from a web page with zero-width spaces,
a heading in decomposed Unicode and the page's footer after "Nav" (Latgale); a signature on
the line after "Cita informācija: Nav" (Vidzeme, PDF); "Nav (summa atmaksāta …)" (Latgale,
Word). And the forms of each, written here.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from decimal import Decimal

import pytest

from pipeline.model import Parsed, Report, Severity
from pipeline.parse.decode import decode
from pipeline.parse.sections import Section, split_sections
from pipeline.parse.statements import read_statement
from pipeline.parse.text import SourcedText, SourceFile, clean
from tests.conftest import parse_text
from tests.parse.golden import CIVIL, EXACT, UNSEEN, quantities, read_unseen, report_of, years

D = dt.date
FILES = {
    "plain": "kurzeme_labels_and_headings_without_diacritics.txt",
    "caps": "latgale_caps_labels_and_headings_without_diacritics.txt",
    "stops": "zemgale_numbered_labels_ending_in_full_stops_planted.txt",
    "one_year": "riga_calendar_year_statement_rows_thousands.txt",
    "words": "zemgale_year_words_lati_contract_total_planted.txt",
    "sentence_label": "vidzeme_word_footnotes_on_funding_amounts_planted.docx",
    "bullets": "vidzeme_markdown_bulleted_labels_dotted_title_years_planted.md",
    # Not among the unseen reports the variant tests rewrite: its source text is the decoded,
    # normalised text (no zero-width spaces, letters composed), which the file is not, and
    # they map their variants' spans onto the file's characters.
    "web_copy": "web_copies/latgale_zero_width_spaces_decomposed_heading_page_footer.txt",
    "signed": "vidzeme_libreoffice_tab_stop_tables_planted.pdf",
    "explained": "latgale_word_list_numbering_after_lettered_sublist.docx",
}


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen(FILES)


def _codes(parsed: Parsed) -> list[str]:
    return sorted(f.code for f in parsed.findings if f.severity is not Severity.INFO)


def _counts(rep: Report) -> list[int]:
    return [len(y.activities) for y in rep.years]


def _labels(name: str) -> dict[Section, str]:
    """The label of each section as written, for a text fixture."""
    split = split_sections(clean((UNSEEN / name).read_text(encoding="utf-8")))
    return {section: label.text for section, label in split.labels.items()}


def _nav(rep: Report) -> list[tuple[bool, str] | None]:
    return [
        (s.none, s.text.value) if s is not None else None
        for s in (rep.irregular_expenditure, rep.unrecovered_amount, rep.other_information)
    ]


# -- labels and headings without diacritics ----------------------------------------------------


def test_labels_and_a_heading_typed_without_diacritics(read: dict[str, Parsed]) -> None:
    """r2 (EXPECTED): task l.3, implementer l.4 (foundation "Kurzemes vides izglitibas
    fonds", reg. 40008205517), period l.5 1.07.2015. – 30.06.2016.; one year l.9
    "I istenosanas gads (1.07.2015. - 30.06.2016.)" with 6 activities; Nav ×3 (l.22–24).
    No section is missing."""
    rep = report_of(read, "plain")
    assert not any(f.code == "structure.missing-section" for f in read["plain"].findings)
    assert rep.task is not None
    assert rep.task.value == (
        "Vides izglitibas un sabiedribas informesanas pasakumu istenosana Kurzemes regiona"
    )
    assert rep.task.span.line == 3
    assert rep.implementer is not None
    assert rep.implementer.name.value == "Kurzemes vides izglitibas fonds"
    assert rep.delegation_period is not None
    assert (rep.delegation_period.start, rep.delegation_period.end) == (
        D(2015, 7, 1),
        D(2016, 6, 30),
    )
    assert years(rep) == [(1, (D(2015, 7, 1), D(2016, 6, 30)))]
    heading = rep.years[0].heading
    assert heading is not None and heading.span.line == 9
    assert heading.value == "I istenosanas gads (1.07.2015. - 30.06.2016.)"
    assert _counts(rep) == [6]
    assert [a.text.span.line for a in rep.activities] == [10, 11, 12, 13, 14, 15]
    assert _nav(rep) == [(True, "Nav")] * 3
    # each label as written, its colon with it
    labels = _labels(FILES["plain"])
    assert labels[Section.IMPLEMENTER] == "Valsts parvaldes uzdevuma veicejs:"
    assert labels[Section.PERIOD] == "Valsts parvaldes uzdevuma delegesanas periods:"
    assert labels[Section.FUNDING] == (
        "Planotais un faktiski izlietotais valsts budzeta finansejums sadalijuma pa gadiem"
    )
    assert labels[Section.OTHER] == "Cita informacija:"


def test_capitals_without_diacritics(read: dict[str, Parsed]) -> None:
    """r6 (EXPECTED): task l.4; period l.10 2015-01-01 – 2016-12-31; year I (l.14,
    "I ISTENOSANAS GADS (01.01.2015-31.12.2015)") with 4 activities and year II (l.20) with
    5; NAV ×3 (l.34–36)."""
    rep = report_of(read, "caps")
    assert not any(f.code == "structure.missing-section" for f in read["caps"].findings)
    assert rep.task is not None
    assert (
        rep.task.value
        == "Jauniesu iesaistes un neformalas izglitibas pasakumu nodrosinasana Latgales regiona"
    )
    assert rep.delegation_period is not None
    assert (rep.delegation_period.start, rep.delegation_period.end) == (
        D(2015, 1, 1),
        D(2016, 12, 31),
    )
    assert years(rep) == [
        (1, (D(2015, 1, 1), D(2015, 12, 31))),
        (2, (D(2016, 1, 1), D(2016, 12, 31))),
    ]
    assert [y.numeral for y in rep.years] == ["I", "II"]
    assert [y.heading.span.line for y in rep.years if y.heading is not None] == [14, 20]
    assert _counts(rep) == [4, 5]
    assert [a.number for a in rep.activities] == [
        "1)",
        "2)",
        "3)",
        "4)",
        "1)",
        "2)",
        "3)",
        "4)",
        "5)",
    ]
    assert _nav(rep) == [(True, "NAV")] * 3
    labels = _labels(FILES["caps"])
    assert (
        labels[Section.DESCRIPTION]
        == "APRAKSTS UN VERTEJUMS PAR SASNIEGTAJIEM REZULTATIVAJIEM RADITAJIEM"
    )
    assert (
        labels[Section.UNRECOVERED]
        == "NEATGUTO LIDZEKLU APMERS NO NEATBILSTOSI VEIKTAJIEM IZDEVUMIEM:"
    )


def test_ordinal_words_and_lower_case_headings_without_diacritics() -> None:
    """The ordinal words without their diacritics ("TRESAIS", "SEPTITAIS") are the same
    words; a sentence opening with them goes on as a sentence does."""
    text = _report(
        "PIRMAIS ISTENOSANAS GADS (01.01.2022.-31.12.2022.)\n1) organizeti 2 seminari;\n"
        "OTRAIS ISTENOSANAS GADS (01.01.2023.-31.12.2023.)\n1) sniegtas 5 konsultacijas;\n"
        "Tresais istenosanas gads (01.01.2024.-31.12.2024.)\n1) organizets 1 forums.\n"
    )
    rep = _read(text)
    assert years(rep) == [
        (1, (D(2022, 1, 1), D(2022, 12, 31))),
        (2, (D(2023, 1, 1), D(2023, 12, 31))),
        (3, (D(2024, 1, 1), D(2024, 12, 31))),
    ]
    rep = _read(
        _report("ii istenosanas gads (01.01.2023.-31.12.2023.)\n1) organizeti 2 seminari;\n")
    )
    assert years(rep) == [(2, (D(2023, 1, 1), D(2023, 12, 31)))]


# -- labels ending in a full stop ------------------------------------------------------------------


def test_numbered_labels_ending_in_a_full_stop(read: dict[str, Parsed]) -> None:
    """r7 (EXPECTED): years I–III (l.10, 16, 22) of 4 activities each; funding rows l.30–32;
    planted: year III's actual 15 240,00 EUR above its planned 15 000,00 EUR (l.32)."""
    rep = report_of(read, "stops")
    assert not any(f.code == "structure.missing-section" for f in read["stops"].findings)
    assert years(rep) == [
        (1, (D(2013, 7, 1), D(2014, 6, 30))),
        (2, (D(2014, 7, 1), D(2015, 6, 30))),
        (3, (D(2015, 7, 1), D(2016, 6, 30))),
    ]
    assert _counts(rep) == [4, 4, 4]
    assert [f.ordinal for f in rep.funding] == [1, 2, 3]
    assert [f.span.line for f in rep.funding] == [30, 31, 32]
    above = [f for f in read["stops"].findings if f.code == "funding.actual-above-planned"]
    assert [f.span.line for f in above if f.span is not None] == [32]
    labels = _labels(FILES["stops"])
    assert labels[Section.DESCRIPTION] == (
        "4. Apraksts un vērtējums par sasniegtajiem rezultatīvajiem rādītājiem."
    )
    assert labels[Section.FUNDING] == (
        "5. Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem."
    )


def test_full_stops_after_labels_in_other_forms() -> None:
    """The template's label alone on its line with a full stop: the stop is the label's. A
    numbered reworded label hard-wrapped, its stop on the next line, is the label whole.
    Reworded words ending in a stop without the section's number are a sentence's: "Sasniegti
    rezultāti." and "Plānotais un faktiski izlietotais finansējums atbilst līgumam." are the
    text they stand in."""
    stops = (UNSEEN / FILES["stops"]).read_text(encoding="utf-8")
    text = stops.replace("4. Apraksts", "Apraksts").replace("5. Plānotais", "Plānotais")
    split = split_sections(clean(text))
    assert split.labels[Section.FUNDING].text == (
        "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem."
    )
    assert split.sections[Section.FUNDING].text.startswith("\n\nI. gads")
    wrapped = stops.replace("sasniegtajiem rezultatīvajiem", "sasniegtajiem\nrezultatīvajiem")
    assert split_sections(clean(wrapped)).labels[Section.DESCRIPTION].text == (
        "4. Apraksts un vērtējums par sasniegtajiem\nrezultatīvajiem rādītājiem."
    )
    label = "Apraksts un vērtējums par sasniegtajiem rezultatīvajiem rādītājiem."
    short = text.replace(label, "Sasniegti rezultāti.")
    assert Section.DESCRIPTION not in split_sections(clean(short)).labels
    funding = "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem."
    sentence = "Plānotais un faktiski izlietotais finansējums atbilst līgumam."
    assert Section.FUNDING not in split_sections(clean(text.replace(funding, sentence))).labels


# -- year headings without a numeral ----------------------------------------------------------------


def test_the_one_year_heading_without_a_numeral(read: dict[str, Parsed]) -> None:
    """r4 l.7: "ĪSTENOŠANAS GADS (01.03.2014. – 31.12.2014.)" in the description's cell
    (EXPECTED: one year 2014-03-01 – 2014-12-31, 5 activities); r5 l.19: "Īstenošanas gads
    (2012. gada 1. jūlijs – 2013. gada 30. jūnijs)" (one year, 5 activities; planted: the
    forum's 14.09.2013., l.23, after it). Each is the year, with its dates as written."""
    rep = report_of(read, "one_year")
    assert years(rep) == [(1, (D(2014, 3, 1), D(2014, 12, 31)))]
    year = rep.years[0]
    assert year.stated and year.heading is not None and year.period is not None
    assert year.heading.value == "ĪSTENOŠANAS GADS (01.03.2014. – 31.12.2014.)"
    assert (year.heading.span.line, year.period.span.line) == (7, 7)
    assert year.period.text == "01.03.2014. – 31.12.2014."
    assert _counts(rep) == [5]
    assert not any(f.code == "structure.unread-heading" for f in read["one_year"].findings)

    rep = report_of(read, "words")
    assert years(rep) == [(1, (D(2012, 7, 1), D(2013, 6, 30)))]
    heading = rep.years[0].heading
    assert heading is not None and heading.span.line == 19
    assert heading.value == "Īstenošanas gads (2012. gada 1. jūlijs – 2013. gada 30. jūnijs)"
    assert _counts(rep) == [5]
    assert not any(f.code == "structure.unread-heading" for f in read["words"].findings)
    outside = [f for f in read["words"].findings if f.code == "activity.date-outside-year"]
    assert [f.span.line for f in outside if f.span is not None] == [23]


_YEAR_A = "Īstenošanas gads (01.01.2022. – 31.12.2022.)\n1) organizēti 2 semināri;\n"
_YEAR_B = "Īstenošanas gads (01.01.2023. – 31.12.2023.)\n1) sniegtas 10 konsultācijas;\n"


def test_several_headings_without_a_numeral() -> None:
    """Several such headings, each with both its dates, each after the one before: the
    years in their order. Overlapping, or beside a heading with its numeral, which is
    meant is unsure: none is read, each is reported."""
    rep = _read(_report(_YEAR_A + _YEAR_B))
    assert years(rep) == [
        (1, (D(2022, 1, 1), D(2022, 12, 31))),
        (2, (D(2023, 1, 1), D(2023, 12, 31))),
    ]
    assert _counts(rep) == [1, 1]

    overlapping = _report(_YEAR_A + _YEAR_B.replace("01.01.2023.", "01.06.2022."))
    parsed = parse_text(overlapping)
    assert parsed.report is not None and not any(y.stated for y in parsed.report.years)
    unread = [f for f in parsed.findings if f.code == "structure.unread-heading"]
    assert len(unread) == 2

    mixed = _report(
        "I. ĪSTENOŠANAS GADS (01.01.2022. – 31.12.2022.)\n1) organizēti 2 semināri;\n" + _YEAR_B
    )
    parsed = parse_text(mixed)
    assert parsed.report is not None
    assert [y.ordinal for y in parsed.report.years] == [1]
    assert any(f.code == "structure.unread-heading" for f in parsed.findings)


# -- the description's label as a sentence ---------------------------------------------------------


def test_the_description_label_reworded_as_a_sentence(read: dict[str, Parsed]) -> None:
    """R1 (EXPECTED): the label "Valsts pārvaldes uzdevuma izpildes ietvaros sasniegto
    rezultatīvo rādītāju apraksts un vērtējums, kā arī izlietotā valsts budžeta finansējuma
    atbilstība līgumā paredzētajiem mērķiem"; 4 years (5+3, 4+3, 4+3, 4+3 activities);
    year III's forum dated 15.09.2024. after the year's end (31.07.2024.)."""
    rep = report_of(read, "sentence_label")
    assert not any(f.code == "structure.missing-section" for f in read["sentence_label"].findings)
    assert years(rep) == [
        (1, (D(2021, 8, 1), D(2022, 7, 31))),
        (2, (D(2022, 8, 1), D(2023, 7, 31))),
        (3, (D(2023, 8, 1), D(2024, 7, 31))),
        (4, (D(2024, 8, 1), D(2025, 7, 31))),
    ]
    assert _counts(rep) == [8, 7, 7, 7]
    outside = [f for f in read["sentence_label"].findings if f.code == "activity.date-outside-year"]
    assert len(outside) == 1 and "15.09.2024." in outside[0].message


def test_a_sentence_naming_the_description_in_its_text_is_no_label() -> None:
    """The description's label as a sentence is one alone on its line; a sentence of the
    same words in a paragraph, ending in its full stop, is the text before it."""
    label = (
        "Valsts pārvaldes uzdevuma izpildes ietvaros sasniegto rezultatīvo rādītāju apraksts "
        "un vērtējums, kā arī izlietotā valsts budžeta finansējuma atbilstība līgumā "
        "paredzētajiem mērķiem"
    )
    text = _report(_YEAR_A, label=label)
    split = split_sections(clean(text))
    assert split.labels[Section.DESCRIPTION].text == label
    as_sentence = text.replace(label + "\n", label + ".\n")
    assert Section.DESCRIPTION not in split_sections(clean(as_sentence)).labels


# -- header fields as a Markdown list --------------------------------------------------------------


def test_header_fields_as_a_markdown_list(read: dict[str, Parsed]) -> None:
    """r8.md l.3–5 and 48–50: "- **Valsts pārvaldes uzdevuma veicējs:** Nodibinājums „Gaujas
    krasta attīstības fonds”, reģ. Nr. 40008290416", … (EXPECTED: implementer, reg.
    40008290416, period 2022-08-01 – 2025-07-31; Nav ×3)."""
    rep = report_of(read, "bullets")
    assert not any(f.code == "structure.missing-section" for f in read["bullets"].findings)
    assert rep.task is not None and rep.task.span.line == 3
    assert rep.task.value.startswith("Par atsevišķu valsts pārvaldes uzdevumu veikšanu")
    assert rep.task.value.endswith("jomā Vidzemes reģionā")
    assert rep.implementer is not None
    assert rep.implementer.name.value == "Gaujas krasta attīstības fonds"
    assert rep.implementer.registration_number is not None
    assert rep.implementer.registration_number.value == "40008290416"
    assert rep.delegation_period is not None
    assert (rep.delegation_period.start, rep.delegation_period.end) == (
        D(2022, 8, 1),
        D(2025, 7, 31),
    )
    assert rep.title is not None and "uzdevuma veicējs" not in rep.title.value
    assert _nav(rep) == [(True, "Nav")] * 3
    split = split_sections(clean((UNSEEN / FILES["bullets"]).read_text(encoding="utf-8")))
    assert split.labels[Section.IMPLEMENTER].text == "- Valsts pārvaldes uzdevuma veicējs:"
    assert split.labels[Section.OTHER].text == "- Cita informācija:"
    # "- Cita informācija par projektu …" in a list is an entry of the text before
    text = _report(_YEAR_A + "- Cita informācija par projektu pieejama mājaslapā.\n")
    split = split_sections(clean(text))
    assert split.labels[Section.OTHER].text == "Cita informācija:"
    assert "- Cita informācija par projektu" in split.sections[Section.DESCRIPTION].text


# -- text copied from a web page ---------------------------------------------------------------------


def test_a_web_copy_with_zero_width_spaces_and_decomposed_letters(read: dict[str, Parsed]) -> None:
    """r6 (EXPECTED): year I (l.11, a zero-width space in "ĪSTENOŠANAS​ GADS") of 4 + 3
    activities, its 105 consultations written "1​05" (l.14); year II (l.20, in decomposed
    Unicode) of 3 + 2; year III (l.27) of 3 + 2; "Cita informācija" / "Nav" (l.42–43), then
    the page's footer "© Kultūras ministrija, 2025 | …" (l.45), no report content."""
    rep = report_of(read, "web_copy")
    assert years(rep) == [
        (1, (D(2022, 7, 15), D(2023, 7, 14))),
        (2, (D(2023, 7, 15), D(2024, 7, 14))),
        (3, (D(2024, 7, 15), D(2025, 7, 14))),
    ]
    assert [y.heading.span.line for y in rep.years if y.heading is not None] == [11, 20, 27]
    assert _counts(rep) == [7, 5, 5]
    assert (CIVIL, 105, EXACT, "consultations") in quantities(rep, 1)
    # the source text is the text as read: composed, without zero-width spaces; each span
    # points into it exactly
    assert "\u200b" not in rep.source_text
    assert rep.source_text == unicodedata.normalize("NFC", rep.source_text)
    second = rep.years[1].heading
    assert second is not None
    assert second.value == "II. ĪSTENOŠANAS GADS (2023. gada 15. jūlijs līdz 2024. gada 14. jūlijs)"
    assert " ".join(rep.source_text[second.span.start : second.span.end].split()) == second.value
    assert rep.title is not None and "mazākumtautību" in rep.title.value
    assert _nav(rep) == [(True, "Nav")] * 3
    footer = "© Kultūras ministrija, 2025 | Sīkdatņu politika | Piekļūstamības paziņojums"
    kept = [t for t in rep.unlabelled if t.value == footer]
    assert len(kept) == 1 and kept[0].span.line == 45
    assert rep.after_end is None


def test_decoding_composes_letters_and_drops_zero_width_spaces() -> None:
    """NFD "I" + U+0304 is "Ī"; a zero-width space, word joiner or stray byte-order mark is
    nothing a reader sees. A soft hyphen stays (at a line's end it joins the word)."""
    raw = "I\u0304STENOS\u030cANAS\u200b GADS 1\u206005 mazākum\u00adtautību \ufeffNav"
    decoded = decode(raw.encode("utf-8"), "x.txt")
    assert decoded.text == "ĪSTENOŠANAS GADS 105 mazākum\u00adtautību Nav"


def test_a_page_footer_after_a_table_is_kept_as_text() -> None:
    """A tab table's last row, then the page's footer: the footer is the report's own text
    in no section, not text after its end; the answer stays "none"."""
    footer = "© 2025 Kultūras ministrija | Privātuma politika | Lapas karte"
    parsed = parse_text(_report(_YEAR_A, tabs=True) + "\n" + footer + "\n")
    rep = parsed.report
    assert rep is not None
    assert rep.after_end is None
    assert rep.other_information is not None and rep.other_information.none
    assert [t.value for t in rep.unlabelled if t.value.startswith("©")] == [footer]


# -- a signature after the last answer -----------------------------------------------------------


def test_a_signature_with_its_place_and_date_on_one_line(read: dict[str, Parsed]) -> None:
    """r6.pdf l.28–29 (EXPECTED): "Cita informācija: Nav", then the signature "Valdes
    priekšsēdētāja ___ I. Bērziņa" and "Alūksnē, 2022. gada 28. janvārī" (the PDF's text
    puts them on one line): the answer is none, the signature kept as the report's text."""
    rep = report_of(read, "signed")
    assert rep.other_information is not None
    assert (rep.other_information.none, rep.other_information.text.value) == (True, "Nav")
    signed = [t.value for t in rep.unlabelled if "Bērziņa" in t.value]
    assert signed == [
        "Valdes priekšsēdētāja _____________ I. Bērziņa Alūksnē, 2022. gada 28. janvārī"
    ]
    assert rep.after_end is None


# -- "Nav" with an explanation ----------------------------------------------------------------------


def test_nav_with_its_explanation_in_brackets(read: dict[str, Parsed]) -> None:
    """R2 l.12 (EXPECTED): unrecovered amount "Nav (summa atmaksāta 2024. gada 12.
    septembrī)": none, its explanation kept."""
    rep = report_of(read, "explained")
    unrecovered = rep.unrecovered_amount
    assert unrecovered is not None
    assert unrecovered.text.value == "Nav (summa atmaksāta 2024. gada 12. septembrī)"
    assert unrecovered.none and unrecovered.amount is None


def test_nav_and_its_explanation_in_a_short_answer() -> None:
    """ "Nav" and an explanation in brackets is none, and an amount the explanation names is
    no amount of the answer; an amount with an explanation after it, or a "Nav" opening a
    sentence, is not none."""
    answers = [
        ("Nav (atmaksāti 120,00 euro)", True, None),
        ("Nav konstatēti (skat. pielikumu).", True, None),
        ("Nav (summa atmaksāta).", True, None),
        ("120,00 euro (nav atgūti)", False, Decimal("120.00")),
        ("Nav zināms, vai 120,00 euro tiks atgūti", False, Decimal("120.00")),
    ]
    for answer, none, value in answers:
        read = read_statement(SourcedText.of(answer), SourceFile("x.txt", answer))
        assert read is not None
        assert (read.text.value, read.none, read.value) == (answer, none, value)


# -- helpers ------------------------------------------------------------------------------------------


_TEMPLATE_DESCRIPTION = (
    "Apraksts un vērtējums par valsts pārvaldes uzdevuma izpildes ietvaros sasniegtajiem "
    "rezultatīvajiem rādītājiem un izlietotā valsts budžeta finansējuma atbilstību līgumā "
    "paredzētajiem mērķiem:"
)


def _report(description: str, label: str = _TEMPLATE_DESCRIPTION, tabs: bool = False) -> str:
    """A small report around `description`, its labels on lines of their own (or as a tab
    table's rows)."""
    rows = [
        ("Valsts pārvaldes uzdevums:", "Atbalsts NVO Vidzemes reģionā"),
        ("Valsts pārvaldes uzdevuma veicējs:", "Biedrība „Vidzemes NVO”, reģ. Nr. 40008000001"),
        ("Valsts pārvaldes uzdevuma deleģēšanas periods:", "01.01.2022. – 31.12.2024."),
        (label, description.rstrip("\n")),
        (
            "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem:",
            "Plānots 10 000,00 euro; faktiski 10 000,00 euro.",
        ),
        ("Neatbilstoši veiktie izdevumi:", "Nav"),
        ("Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem:", "Nav"),
        ("Cita informācija:", "Nav"),
    ]
    title = "Kopsavilkums par valsts pārvaldes uzdevuma izpildi Vidzemes reģionā (2022-2024)\n"
    if tabs:
        body = "".join(
            f"{k.rstrip(':')}\t{v.replace(chr(10), chr(10) + chr(9))}\n" for k, v in rows
        )
    else:
        body = "".join(f"{k}\n{v}\n" for k, v in rows)
    return title + body


def _read(text: str) -> Report:
    parsed = parse_text(text)
    assert parsed.report is not None
    return parsed.report
