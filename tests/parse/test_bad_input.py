"""Bad input: a clear finding naming the file, never an exception; encodings and line endings."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from pipeline.model_json import parsed_to_json
from pipeline.parse import parse_bytes, parse_report


@pytest.mark.parametrize(
    ("data", "code"),
    [
        (b"", "input.empty"),
        (b"  \n\t\r\n ", "input.empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00", "input.binary"),
        (b"abc\x01\x02\x03\x04\x05\x06\x07\x08\x0e\x0f\x10\x11\x12\x13\x14", "input.binary"),
        (
            "Šis ir vienkāršs teksts par laikapstākļiem.\nNekā cita.\n".encode(),
            "input.not-a-report",
        ),
        (bytes(range(0x80, 0x100)) * 4, "input.encoding"),
    ],
)
def test_unreadable_files_give_a_load_error(data: bytes, code: str) -> None:
    parsed = parse_bytes(data, "bad.txt")
    assert parsed.report is None
    [finding] = parsed.findings
    assert finding.code == code and finding.file == "bad.txt"
    assert finding.severity.value == "error"
    assert parsed_to_json(parsed)["report"] is None


@pytest.mark.parametrize(
    ("data", "hint"),
    [
        (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
        (b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00", "Word"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1\x00\x00", "Word"),
    ],
)
def test_original_documents_are_named_with_what_to_do(data: bytes, hint: str) -> None:
    [finding] = parse_bytes(data, "report.bin").findings
    assert finding.code == "input.binary" and hint in finding.message and "first" in finding.message


def test_a_missing_file_is_a_load_error(tmp_path: Path) -> None:
    parsed = parse_report(tmp_path / "nowhere.txt")
    assert parsed.report is None and parsed.findings[0].code == "input.unreadable"
    parsed = parse_report(tmp_path)  # a folder
    assert parsed.report is None and parsed.findings[0].code == "input.unreadable"


def _summary(data: bytes) -> object:
    parsed = parse_bytes(data, "r.txt")
    assert parsed.report is not None, parsed.findings
    rep = parsed.report
    return (
        rep.title.value if rep.title else None,
        [(a.text.value, a.text.span.line, [i.value for i in a.indicators]) for a in rep.activities],
        [(a.role, a.value, a.span.line) for row in rep.funding for a in row.amounts],
        [(f.code, f.span.line if f.span else None) for f in parsed.findings],
    )


@pytest.mark.parametrize(
    "encode",
    [
        lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
        lambda t: t.encode("utf-16"),  # with its byte-order mark
        lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
        lambda t: t.encode("utf-16-le"),  # no byte-order mark, as some exporters write it
        lambda t: t.encode("utf-16-be"),
        lambda t: t.encode("cp1257"),  # Windows-1257, the Baltic code page
        lambda t: t.replace("\n", "\r\n").encode("utf-8"),  # CRLF
        lambda t: t.replace("\n", "\r\n").encode("cp1257"),
    ],
    ids=[
        "utf8-bom",
        "utf16-le-bom",
        "utf16-be-bom",
        "utf16-le",
        "utf16-be",
        "cp1257",
        "crlf",
        "cp1257-crlf",
    ],
)
def test_encodings_and_line_endings_read_the_same(minimal_text: str, encode) -> None:  # type: ignore[no-untyped-def]
    assert _summary(encode(minimal_text)) == _summary(minimal_text.encode("utf-8"))


def test_nul_bytes_that_are_not_utf16_stay_binary() -> None:
    # NULs at random places, and an odd length: neither byte order reads as text
    parsed = parse_bytes(b"Kopsavilkums\x00\x01\x02 ab\x00\x00\x00c", "x.txt")
    assert parsed.report is None
    assert [f.code for f in parsed.findings] == ["input.binary"]


def test_windows_1257_letters_survive(minimal_text: str) -> None:
    parsed = parse_bytes(minimal_text.encode("cp1257"), "r.txt")
    assert parsed.report is not None and parsed.report.implementer is not None
    assert parsed.report.implementer.name.value == "Vidzemes NVO tīkls"


def test_report_text_containing_markup_is_kept_as_text(minimal_text: str) -> None:
    hostile = minimal_text.replace("sniegtas vairāk", "<script>alert(1)</script> sniegtas vairāk")
    parsed = parse_bytes(hostile.encode(), "r.txt")
    assert parsed.report is not None
    assert any("<script>alert(1)</script>" in a.text.value for a in parsed.report.activities)


def test_load_errors_are_written_in_latvian_too(tmp_path: Path) -> None:
    cases = [
        parse_bytes(b"", "a.txt"),
        parse_bytes(b"\x00\x01", "b.txt"),
        parse_report(tmp_path / "none.txt"),
        parse_bytes(bytes(range(0x80, 0x100)) * 4, "c.txt"),
        parse_bytes(b"Nekas.\n", "d.txt"),
    ]
    for parsed in cases:
        [finding] = parsed.findings
        assert finding.message_lv and finding.message_lv != finding.message, finding


def test_a_report_pasted_twice_is_reported_not_swallowed(minimal_text: str) -> None:
    parsed = parse_bytes((minimal_text + "\n" + minimal_text).encode(), "twice.txt")
    assert parsed.report is not None
    other = parsed.report.other_information
    assert other is not None and other.text.value == "Nav"  # the last row, as written
    after = parsed.report.after_end
    assert after is not None and after.value.startswith("Kopsavilkums")
    last_line = minimal_text.count("\n") + 1  # the second copy starts on the next line
    [finding] = [f for f in parsed.findings if f.code == "structure.text-after-end"]
    assert finding.span is not None and finding.span.line == last_line + 1
    assert f"{len(after.value):,} characters" in finding.message


def test_text_after_the_last_row_is_kept_and_reported(minimal_text: str) -> None:
    tail = "Sagatavoja: J. Bērziņš, 2023. gada 1. septembrī.\n"
    parsed = parse_bytes((minimal_text + tail).encode(), "signed.txt")
    assert parsed.report is not None and parsed.report.after_end is not None
    assert parsed.report.after_end.value == tail.strip()
    assert parsed.report.other_information is not None
    assert parsed.report.other_information.text.value == "Nav"
    assert [f.code for f in parsed.findings] == ["structure.text-after-end"]


def test_a_last_row_continued_on_the_next_rows_is_one_cell(minimal_text: str) -> None:
    text = (
        minimal_text.rstrip("\n").removesuffix("Nav") + "Skat. pielikumu.\n\tPielikums: 2 lapas.\n"
    )
    parsed = parse_bytes(text.encode(), "continued.txt")
    assert parsed.report is not None and parsed.report.after_end is None
    assert parsed.report.other_information is not None
    assert parsed.report.other_information.text.value == "Skat. pielikumu. Pielikums: 2 lapas."
    assert parsed.findings == ()


def test_a_last_cell_that_begins_with_kopsavilkums_is_still_that_cell(minimal_text: str) -> None:
    said = "Kopsavilkums sagatavots 2023. gada 1. septembrī."
    text = minimal_text.rstrip("\n").removesuffix("Nav") + said + "\n"
    parsed = parse_bytes(text.encode(), "signed-in-cell.txt")
    assert parsed.report is not None and parsed.report.after_end is None
    assert parsed.report.other_information is not None
    assert parsed.report.other_information.text.value == said
    assert parsed.findings == ()
