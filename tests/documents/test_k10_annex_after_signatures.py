"""A funding cell pointing to an annex that stands after the report's signature block, and a
funding section whose pointer leads to no table.

`r11_zemgale_docx_funding_annex_after_signatures_planted.docx` (a LibreOffice Word report):
its funding cell says "Skatīt 1. pielikumu"; under the table the chairwoman signs ("Valdes
priekšsēdētāja (paraksts) I. Kalniņa"), then place and date, the e-signature note, a page
break, "1. pielikums", the caption repeating the funding label, and the funding table. Read
by hand: year I (15.07.2023. – 14.07.2024.) planned 48 000,00 with lines 30 000,00 +
19 000,00 (planted: they make 49 000,00), actual 48 000,00 (29 000,00 + 19 000,00); year II
(15.07.2024. – 14.07.2025.) planned 49 000,00 (30 000,00 + 19 000,00), actual 48 620,00
(29 620,00 + 19 000,00), 380,00 returned.
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from pipeline.documents.layout import Para, Run, Table, render
from pipeline.documents.referred import follow_pointers
from pipeline.documents.word import read_docx
from pipeline.model import Parsed, Severity
from pipeline.parse import parse_text
from tests.parse.golden import BACK, CS, MN, UNSEEN, A, P, amounts, read_unseen, report_of

NAME = "r11_zemgale_docx_funding_annex_after_signatures_planted.docx"
E = Decimal
FUNDING = "Plānotais un faktiski izlietotais valsts budžeta finansējums sadalījumā pa gadiem"
SIGNATURE = [
    "Valdes priekšsēdētāja\u00a0\u00a0\u00a0\u00a0(paraksts)\u00a0\u00a0\u00a0\u00a0I. Kalniņa",
    "Jelgavā, 2025. gada 12. augustā",
    "DOKUMENTS IR PARAKSTĪTS AR DROŠU ELEKTRONISKO PARAKSTU UN SATUR LAIKA ZĪMOGU",
]


@pytest.fixture(scope="module")
def read() -> dict[str, Parsed]:
    return read_unseen({"annex": NAME})


def test_the_annex_after_the_signatures_is_the_funding_section(read: dict[str, Parsed]) -> None:
    report = report_of(read, "annex")
    assert [(y.ordinal, y.period and y.period.text) for y in report.funding] == [
        (1, "15.07.2023. – 14.07.2024."),
        (2, "15.07.2024. – 14.07.2025."),
    ]
    first, second = report.funding
    assert amounts(first) == {
        (P, None, E("48000.00")),
        (P, CS, E("30000.00")),
        (P, MN, E("19000.00")),
        (A, None, E("48000.00")),
        (A, CS, E("29000.00")),
        (A, MN, E("19000.00")),
    }
    assert amounts(second) == {
        (P, None, E("49000.00")),
        (P, CS, E("30000.00")),
        (P, MN, E("19000.00")),
        (A, None, E("48620.00")),
        (A, CS, E("29620.00")),
        (A, MN, E("19000.00")),
        (BACK, None, E("380.00")),
    }


def test_the_planted_sum_is_found_and_the_signature_is_the_reports_own(
    read: dict[str, Parsed],
) -> None:
    parsed = read["annex"]
    codes = sorted((f.code, f.severity) for f in parsed.findings)
    assert codes == [
        ("funding.sum-mismatch", Severity.WARNING),
        ("structure.unlabelled-text", Severity.INFO),
    ]
    (mismatch,) = [f for f in parsed.findings if f.code == "funding.sum-mismatch"]
    assert "year 1" in mismatch.message and "48 000,00" in mismatch.message
    report = report_of(read, "annex")
    assert report.after_end is None
    # the signature is kept as unlabelled text; the pointer is no note of its own
    (kept,) = report.unlabelled
    assert kept.value.startswith("Valdes priekšsēdētāja (paraksts) I. Kalniņa")
    assert kept.value.endswith("UN SATUR LAIKA ZĪMOGU")


def _para(text: str) -> Para:
    return Para((Run(text),))


def _report(pointer: str) -> Table:
    return Table(
        (((_para(FUNDING),), (_para(pointer),)), ((_para("Cita informācija"),), (_para("Nav"),)))
    )


ANNEX = Table((((_para("Plānots"),), (_para("54 000,00"),)),))


def test_a_numbered_annex_is_taken_past_a_signature_block_which_stays() -> None:
    blocks = [_report("Skatīt 1. pielikumu"), *map(_para, SIGNATURE), _para("1. pielikums"), ANNEX]
    moved = follow_pointers(blocks)
    assert len(moved) == 4 and isinstance(moved[0], Table)
    assert [p.text for p in moved[0].rows[0][1]] == [
        "Skatīt 1. pielikumu",
        "1. pielikums",
        "| Plānots | 54 000,00 |",
    ]
    assert [b.text for b in moved[1:] if isinstance(b, Para)] == SIGNATURE
    # "Pielikums Nr. 1" names the same annex
    named = [
        _report("Skatīt pielikumu Nr. 1"),
        *map(_para, SIGNATURE),
        _para("1. pielikums"),
        ANNEX,
    ]
    assert len(follow_pointers(named)) == 4


def test_past_a_signature_only_the_annex_the_pointer_numbers_is_taken() -> None:
    def kept(pointer: str, caption: str) -> int:
        return len(
            follow_pointers([_report(pointer), *map(_para, SIGNATURE), _para(caption), ANNEX])
        )

    # another annex, an annex with no number, a table "below": strict as before the signature
    assert kept("Skatīt 2. pielikumu", "1. pielikums") == 6
    assert kept("Skatīt pielikumu", "1. pielikums") == 6
    assert kept("Skatīt tabulu zemāk", "1. pielikums") == 6
    assert kept("Skatīt tabulu zemāk", "Finansējums, euro") == 6
    # a caption repeating the row's label names no annex
    assert kept("Skatīt 1. pielikumu", FUNDING) == 6
    # lines that are no signature (no signer, no "(paraksts)", no e-signature) stop it too
    plain = [_report("Skatīt 1. pielikumu"), *map(_para, ["Paldies", "Teksts", "Vēl"])]
    assert len(follow_pointers([*plain, _para("1. pielikums"), ANNEX])) == 6


def _without_annex(pointer: str) -> Parsed:
    # the fixture's report with its annex table lost, as a typist may forget to paste it
    data = (UNSEEN / NAME).read_bytes()
    blocks = [b for b in read_docx(data) if not (isinstance(b, Table) and len(b.rows) == 3)]
    text = render(follow_pointers(blocks)).replace("Skatīt 1. pielikumu", pointer)
    return parse_text(text, "lost.docx")


@pytest.mark.parametrize("pointer", ["Skatīt 1. pielikumu", "Skatīt tabulu zemāk (euro)."])
def test_a_pointer_to_no_table_says_the_funding_was_not_read(pointer: str) -> None:
    parsed = _without_annex(pointer)
    assert parsed.report is not None and parsed.report.funding == ()
    (lost,) = [f for f in parsed.findings if f.code == "funding.table-not-found"]
    assert lost.severity is Severity.WARNING
    assert pointer in lost.message and pointer in lost.message_lv
    assert lost.span is not None and lost.span.line == 6
    # said once: the pointer is no unlabelled text besides
    assert not any(
        pointer in f.message for f in parsed.findings if f.code == "structure.unlabelled-text"
    )
