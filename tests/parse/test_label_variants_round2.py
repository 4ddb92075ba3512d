"""An independent tester's second round: the signature block that closes a report (names and positions,
"(paraksts)", the place and date of signing, the e-signature note) is the report's own text,
kept as written, and no part of the last section's answer; a remark after the delegation
period on its line is kept. Expected values are read from the texts below.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from pipeline.model import Parsed, Severity
from pipeline.read import read_report
from tests.conftest import parse_text

LAST_ROW = "Cita informācija\tNav\n"


def warnings(parsed: Parsed) -> list[str]:
    return [f.code for f in parsed.findings if f.severity is not Severity.INFO]


def with_end(minimal_text: str, end: str) -> str:
    """The minimal report with its last row ("Cita informācija<TAB>Nav") replaced."""
    assert minimal_text.endswith(LAST_ROW)
    return minimal_text.removesuffix(LAST_ROW) + end


# -- an independent tester's A: Markdown, the last label on its line, "Nav." then a rule and the signers --

SIGNED_MD = (
    "Cita informācija\n\nNav.\n\n---\n\n"
    "Nodibinājuma «Vidzemes kopienu fonds» valdes priekšsēdētāja                Ilze Kalniņa\n\n"
    "Grāmatvede                Santa Ozola\n\n"
    "Valmierā, 2025. gada 14. februārī\n"
)


def test_nav_followed_by_signatures_is_still_none(minimal_text: str) -> None:
    text = with_end(minimal_text, SIGNED_MD)
    parsed = parse_text(text)
    r = parsed.report
    assert r is not None and r.other_information is not None
    assert r.other_information.text.value == "Nav."
    assert r.other_information.none
    assert r.after_end is None
    signature = r.unlabelled[-1]
    assert signature.value == (
        "Nodibinājuma «Vidzemes kopienu fonds» valdes priekšsēdētāja Ilze Kalniņa"
        " Grāmatvede Santa Ozola Valmierā, 2025. gada 14. februārī"
    )
    first_line = text[: text.index("Nodibinājuma «")].count("\n") + 1
    assert (signature.span.line, signature.span.end_line) == (first_line, first_line + 4)
    assert warnings(parsed) == []
    [note] = [f for f in parsed.findings if f.span == signature.span]
    assert note.code == "structure.unlabelled-text" and note.severity is Severity.INFO
    assert "signature" in note.message and "paraksts" in note.message_lv


def test_other_information_before_the_signature_is_kept_whole(minimal_text: str) -> None:
    said = "Ar 2024. gada 10. janvāra vienošanos līgumā grozīts II. gada finansējums."
    end = f"Cita informācija\n{said}\n\nValdes priekšsēdētājs: J. Bērziņš\n2024. gada 2. augustā\n"
    r = parse_text(with_end(minimal_text, end)).report
    assert r is not None and r.other_information is not None
    assert r.other_information.text.value == said
    assert not r.other_information.none
    assert r.unlabelled[-1].value == "Valdes priekšsēdētājs: J. Bērziņš 2024. gada 2. augustā"


# -- an independent tester's D: a tab table, the signers in cells after it, the e-signature note ----------

SIGNED_TABS = (
    "Cita informācija\tNav\n\n"
    'Nodibinājuma "Zemgales kopienu fonds" valdes locekle\t(paraksts)\tDace Bērziņa\n'
    "Projekta vadītājs\t(paraksts)\tMāris Liepiņš\n\n"
    "Jelgavā, 2021. gada 28. aprīlī\n\n"
    "DOKUMENTS IR PARAKSTĪTS AR DROŠU ELEKTRONISKO PARAKSTU UN SATUR LAIKA ZĪMOGU\n"
)


def test_signatures_after_the_table_are_no_stray_text(minimal_text: str) -> None:
    parsed = parse_text(with_end(minimal_text, SIGNED_TABS))
    r = parsed.report
    assert r is not None and r.other_information is not None
    assert r.other_information.text.value == "Nav" and r.other_information.none
    assert r.after_end is None
    assert r.unlabelled[-1].value == (
        'Nodibinājuma "Zemgales kopienu fonds" valdes locekle (paraksts) Dace Bērziņa'
        " Projekta vadītājs (paraksts) Māris Liepiņš Jelgavā, 2021. gada 28. aprīlī"
        " DOKUMENTS IR PARAKSTĪTS AR DROŠU ELEKTRONISKO PARAKSTU UN SATUR LAIKA ZĪMOGU"
    )
    assert warnings(parsed) == []


def test_an_e_signature_note_alone_after_the_table_is_the_signature(minimal_text: str) -> None:
    note = "Šis dokuments ir parakstīts elektroniski ar drošu elektronisko parakstu."
    parsed = parse_text(with_end(minimal_text, f"{LAST_ROW}\n{note}\n"))
    r = parsed.report
    assert r is not None and r.after_end is None
    assert r.unlabelled[-1].value == note
    assert warnings(parsed) == []


def test_signers_after_an_html_table_are_the_signature(tmp_path: Path) -> None:
    rows = [
        ("Valsts pārvaldes uzdevums", "Uzdevumi pilsoniskās sabiedrības jomā Vidzemes reģionā"),
        ("Valsts pārvaldes uzdevuma veicējs", "Biedrība „Vidzemes NVO tīkls”, reģ. Nr. 40008000001"),
        ("Valsts pārvaldes uzdevuma deleģēšanas periods", "01.01.2023.–31.12.2023."),
        ("Apraksts un vērtējums par sasniegtajiem rezultatīvajiem rādītājiem", "sniegtas 40 konsultācijas"),
        ("Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem", "Nav"),
        ("Neatbilstoši veiktie izdevumi", "Nav"),
        ("Neatgūto līdzekļu apmērs no neatbilstoši veiktajiem izdevumiem", "Nav"),
        ("Cita informācija", "Nav"),
    ]  # fmt: skip
    html = (
        "<html><body><p>Kopsavilkums par uzdevumu veikšanu Vidzemes reģionā (2023-2023)</p><table>"
        + "".join(f"<tr><td>{a}</td><td>{b}</td></tr>\n" for a, b in rows)
        + "</table>\n<p>Biedrības „Vidzemes NVO tīkls” valdes priekšsēdētājs</p>"
        "<p>Jānis Bērziņš</p>\n<p>Valmierā, 2024. gada 14. februārī</p>\n</body></html>\n"
    )
    path = tmp_path / "signed.html"
    path.write_text(html, encoding="utf-8")
    parsed = read_report(path, "signed.html")
    r = parsed.report
    assert r is not None and r.other_information is not None
    assert r.other_information.none and r.after_end is None
    assert r.unlabelled[-1].value == (
        "Biedrības „Vidzemes NVO tīkls” valdes priekšsēdētājs Jānis Bērziņš"
        " Valmierā, 2024. gada 14. februārī"
    )
    assert "structure.text-after-end" not in [f.code for f in parsed.findings]


# -- what is no signature stays where it stood -----------------------------------------------


def test_a_sentence_naming_a_position_stays_the_answer(minimal_text: str) -> None:
    said = "Pasākumus koordinēja projekta vadītāja Ilze Kalniņa."
    r = parse_text(with_end(minimal_text, f"Cita informācija\nNav.\n\n{said}\n")).report
    assert r is not None and r.other_information is not None
    assert r.other_information.text.value == f"Nav. {said}"
    assert not r.other_information.none
    assert all(said not in t.value for t in r.unlabelled)


def test_a_date_alone_after_the_answer_is_no_signature(minimal_text: str) -> None:
    # A place and date may be the answer's own ("Nav" as of that date): without a signer's
    # line nothing tells it is the signing date.
    r = parse_text(with_end(minimal_text, "Cita informācija\nNav\nRīgā, 2025. gada 1. martā\n"))
    r = r.report
    assert r is not None and r.other_information is not None
    assert r.other_information.text.value == "Nav Rīgā, 2025. gada 1. martā"


def test_a_signer_alone_in_the_last_value_stays_its_text(minimal_text: str) -> None:
    r = parse_text(with_end(minimal_text, "Cita informācija\nValdes locekle Ilze Kalniņa\n")).report
    assert r is not None and r.other_information is not None
    assert r.other_information.text.value == "Valdes locekle Ilze Kalniņa"


def test_a_report_pasted_after_the_table_and_signed_is_still_reported(minimal_text: str) -> None:
    pasted = "Piezīmes par 2022. gada pasākumiem skatīt pielikumā.\nValdes loceklis Jānis Ozols\n"
    parsed = parse_text(with_end(minimal_text, LAST_ROW + pasted))
    r = parsed.report
    assert r is not None and r.after_end is not None
    assert r.after_end.value == " ".join(pasted.split())
    assert "structure.text-after-end" in warnings(parsed)


# -- a remark after the delegation period on its line ----------------------------------------

PERIOD_ROW = (
    "Valsts pārvaldes uzdevuma deleģēšanas periods\t2022.gada 15.jūlijs līdz 2025.gada 14.jūlijs\n"
)


def test_a_remark_after_the_period_on_its_line_is_kept(minimal_text: str) -> None:
    assert PERIOD_ROW in minimal_text
    # in brackets, closing the line: the period's own note, kept in its text
    note = "(grozīts ar 2023. gada 5. maija vienošanos)"
    row = f"Valsts pārvaldes uzdevuma deleģēšanas periods\t01.01.2023.–31.12.2024. {note}\n"
    r = parse_text(minimal_text.replace(PERIOD_ROW, row)).report
    assert r is not None and r.delegation_period is not None
    assert (r.delegation_period.start, r.delegation_period.end) == (
        dt.date(2023, 1, 1),
        dt.date(2024, 12, 31),
    )
    assert r.delegation_period.text.endswith(note)
    assert not [t for t in r.unlabelled if note in t.value]
    # any other remark is kept as text outside any section, at its line
    remark = "- grozīts ar 2023. gada 5. maija vienošanos"
    row = f"Valsts pārvaldes uzdevuma deleģēšanas periods\t01.01.2023.–31.12.2024. {remark}\n"
    text = minimal_text.replace(PERIOD_ROW, row)
    parsed = parse_text(text)
    assert parsed.report is not None
    [kept] = [t for t in parsed.report.unlabelled if remark.lstrip("- ") in t.value]
    assert kept.span.line == text[: text.index(remark)].count("\n") + 1
    assert any(f.span == kept.span and f.severity is Severity.INFO for f in parsed.findings)


def test_a_period_closed_by_its_stop_or_inclusive_leaves_nothing(minimal_text: str) -> None:
    for after in (".", " (ieskaitot).", "\t"):
        row = f"Valsts pārvaldes uzdevuma deleģēšanas periods\t01.01.2023.–31.12.2024.{after}\n"
        r = parse_text(minimal_text.replace(PERIOD_ROW, row)).report
        assert r is not None and r.unlabelled == (), after


# -- found by the robustness test on the way: a parenthesis right after the legal form ------


@pytest.mark.parametrize(
    ("cell", "name"),
    [
        ("Biedrība( „Zemgales NVO centrs”0", "„Zemgales NVO centrs”0"),
        ("Biedrība „(Zemgales NVO centrs”0", "Biedrība „(Zemgales NVO centrs”0"),
        ('Biedrība „:"(Zemgales NVO centrs”', 'Biedrība „:"(Zemgales NVO centrs”'),
    ],
)
def test_a_parenthesis_after_the_legal_form_leaves_the_name(
    minimal_text: str, cell: str, name: str
) -> None:
    row = f"Valsts pārvaldes uzdevuma veicējs\t{cell}\n"
    text = "".join(
        row if line.startswith("Valsts pārvaldes uzdevuma veicējs") else line
        for line in minimal_text.splitlines(keepends=True)
    )
    r = parse_text(text).report
    assert r is not None and r.implementer is not None
    assert r.implementer.name.value == name


def test_a_sentence_opening_like_the_other_information_label_stays_text() -> None:
    from pipeline.parse.sections import REWORDED, Section

    sentence = "Papildu informācija par pasākumiem pieejama biedrības mājaslapā"
    assert not REWORDED[Section.OTHER].fullmatch(sentence)
    assert REWORDED[Section.OTHER].fullmatch("Papildu informācija")
    assert REWORDED[Section.OTHER].fullmatch("Cita būtiska informācija")
