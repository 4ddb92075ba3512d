"""What reading a document gives: its text with a page map, or an error naming the file."""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from enum import StrEnum

from pipeline.model import Problem, Severity


class MediaType(StrEnum):
    TEXT = "text/plain"
    HTML = "text/html"
    PDF = "application/pdf"
    DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    ODT = "application/vnd.oasis.opendocument.text"
    DOC = "application/msword"

    @property
    def suffix(self) -> str:
        """The file extension the original is published under (`source/<key>.pdf`)."""
        return _SUFFIXES[self]


_SUFFIXES = {
    MediaType.TEXT: ".txt",
    MediaType.HTML: ".html",
    MediaType.PDF: ".pdf",
    MediaType.DOCX: ".docx",
    MediaType.ODT: ".odt",
    MediaType.DOC: ".doc",
}


class ErrorCode(StrEnum):
    """Stable codes of documents that cannot be read (all load errors: exit 2)."""

    UNREADABLE = "input.unreadable"
    EMPTY = "input.empty"
    BINARY = "input.binary"
    ENCODING = "input.encoding"
    PDF_ENCRYPTED = "input.pdf-encrypted"
    PDF_NEEDS_OCR = "input.pdf-needs-ocr"
    CORRUPT = "input.corrupt-document"
    PASSWORD = "input.password-protected"
    OLD_WORD = "input.old-word-format"
    NOT_A_REPORT = "input.not-a-report"
    UNKNOWN_TYPE = "input.unknown-document-type"


@dataclass(frozen=True, slots=True)
class DocumentError:
    """A document that cannot be read: a value, never an exception."""

    file: str
    code: ErrorCode
    message: str  # one line, in English
    message_lv: str = ""

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"

    def as_problem(self) -> Problem:
        return Problem(
            str(self.code), Severity.ERROR, self.message, self.file, None, self.message_lv
        )


@dataclass(frozen=True, slots=True)
class Document:
    """A report document read into the text the text parser reads.

    `text` is what spans point into and what is published as `source/<key>.txt`; `sha256`,
    `size` and `media_type` describe the original bytes, published beside it. `page_starts`
    holds the offset in `text` where each page begins (page 1 first); a document without
    pages (Word, OpenDocument, HTML, text) has none.
    """

    file: str
    text: str
    media_type: MediaType
    sha256: str
    size: int
    page_starts: tuple[int, ...] = ()

    @property
    def pages(self) -> int:
        return len(self.page_starts)

    def page_of(self, offset: int) -> int | None:
        """The 1-based page the character at `offset` is on; None when there are no pages."""
        if not self.page_starts:
            return None
        return max(bisect.bisect_right(self.page_starts, offset), 1)
