"""Documents that cannot be read: one error each, with a stable code, naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.documents import Document, DocumentError, ErrorCode, MediaType, read_document

BAD = Path(__file__).resolve().parents[1] / "fixtures" / "documents" / "bad"


@pytest.mark.parametrize(
    ("name", "code", "says"),
    [
        ("encrypted.pdf", ErrorCode.PDF_ENCRYPTED, "encrypted with a password"),
        ("scanned.pdf", ErrorCode.PDF_NEEDS_OCR, "needs OCR first"),
        ("truncated.pdf", ErrorCode.CORRUPT, "damaged or truncated"),
        ("truncated.docx", ErrorCode.CORRUPT, "damaged or truncated"),
        ("corrupt.docx", ErrorCode.CORRUPT, "damaged or truncated"),
        ("password.doc", ErrorCode.PASSWORD, "protected with a password"),
        ("not-a-report.docx", ErrorCode.NOT_A_REPORT, "not a delegation report"),
        # a report LibreOffice saved as Rich Text Format: refused, not read as text
        ("report.rtf", ErrorCode.UNKNOWN_TYPE, "Rich Text Format (.rtf) document: save it"),
    ],
)
def test_bad_document_is_one_line_naming_the_file(name: str, code: ErrorCode, says: str) -> None:
    result = read_document(BAD / name, name=f"in/{name}")
    assert isinstance(result, DocumentError)
    assert result.code is code
    assert says in result.message
    line = str(result)
    assert line.startswith(f"in/{name}: ") and "\n" not in line
    problem = result.as_problem()
    assert (problem.code, problem.file, problem.severity.value) == (
        str(code),
        f"in/{name}",
        "error",
    )
    assert problem.message_lv


def test_password_protected_word_document() -> None:
    path = BAD / "password.docx"
    if not path.exists():
        pytest.skip("the generator could not make a password-protected .docx here")
    result = read_document(path)
    assert isinstance(result, DocumentError) and result.code is ErrorCode.PASSWORD


def test_type_is_judged_from_the_bytes_not_the_name(tmp_path: Path) -> None:
    disguised = tmp_path / "report.txt"
    disguised.write_bytes((BAD / "old.doc").read_bytes())
    result = read_document(disguised)
    assert isinstance(result, Document) and result.media_type is MediaType.DOC


def test_a_missing_file_is_unreadable(tmp_path: Path) -> None:
    result = read_document(tmp_path / "nowhere.pdf")
    assert isinstance(result, DocumentError) and result.code is ErrorCode.UNREADABLE


def test_a_document_whose_only_sign_is_an_upper_case_title_is_read(tmp_path: Path) -> None:
    """The parser reads "KOPSAVILKUMS" as the title, as it reads "Kopsavilkums": such a
    document is read, and what it lacks is the parser's to say."""
    page = "<html><body><p>{}</p><p>par valsts pārvaldes uzdevumu</p></body></html>"
    titled = tmp_path / "titled.html"
    titled.write_text(page.format("KOPSAVILKUMS"), encoding="utf-8")
    assert not isinstance(read_document(titled), DocumentError)
    untitled = tmp_path / "untitled.html"
    untitled.write_text(page.format("Pārskats"), encoding="utf-8")
    result = read_document(untitled)
    assert isinstance(result, DocumentError) and result.code is ErrorCode.NOT_A_REPORT
