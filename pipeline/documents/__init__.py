"""Reading report documents: Word, OpenDocument, PDF, HTML and text, into the text the parser
reads, with the original's checksum, media type and page map.

Entry point: `read_document(path)` (or `read_document_bytes(data, name)`), giving a `Document`
or a `DocumentError`; never an exception for bad input. The type is judged from the bytes.
"""

from __future__ import annotations

import hashlib
import re
from pathlib import Path, PurePosixPath

from pipeline.documents.layout import render
from pipeline.documents.model import Document, DocumentError, ErrorCode, MediaType
from pipeline.documents.referred import follow_pointers
from pipeline.documents.sniff import MEDIA_TYPES, Kind, sniff
from pipeline.parse.decode import decode, normalise
from pipeline.parse.sections import LABELS

__all__ = [
    "Document",
    "DocumentError",
    "ErrorCode",
    "MediaType",
    "read_document",
    "read_document_bytes",
]

_LV = {
    ErrorCode.UNREADABLE: "failu nevar atvērt",
    ErrorCode.PDF_ENCRYPTED: "PDF ir šifrēts ar paroli: saglabājiet to bez paroles",
    ErrorCode.PDF_NEEDS_OCR: "PDF nav teksta slāņa (skenēts): vispirms tam jāveic teksta atpazīšana (OCR)",
    ErrorCode.CORRUPT: "dokuments ir bojāts vai nepilnīgs",
    ErrorCode.PASSWORD: "Word dokuments ir aizsargāts ar paroli: saglabājiet to bez paroles",
    ErrorCode.OLD_WORD: "šis ir Word 6.0/95 dokuments: saglabājiet to kā .docx",
    ErrorCode.NOT_A_REPORT: "tas nav deleģēšanas kopsavilkums: nav atrasta neviena tā sadaļu etiķete",
    ErrorCode.UNKNOWN_TYPE: "nezināms dokumenta veids",
}

# What a file's extension promises, in English and Latvian. A real document under another
# name is read for what it is (the bytes say), but text under one of these names is no
# report the typist meant: a file saved or renamed wrongly, not a text report.
_NAMED = {
    ".docx": ("a Word document", "Word dokuments"),
    ".doc": ("a Word document", "Word dokuments"),
    ".odt": ("an OpenDocument text", "OpenDocument teksta dokuments"),
    ".pdf": ("a PDF", "PDF dokuments"),
}

_FIRST_LABEL = re.compile("|".join(f"(?:{p})" for p in LABELS.values()))


def read_document(path: Path, name: str | None = None) -> Document | DocumentError:
    """Read one document; `name` is how it is named in spans and messages (default: path)."""
    file = name if name is not None else path.as_posix()
    try:
        data = path.read_bytes()
    except OSError as exc:
        return _error(file, ErrorCode.UNREADABLE, exc.strerror or exc.__class__.__name__)
    return read_document_bytes(data, file, path.suffix)


def read_document_bytes(
    data: bytes, file: str, suffix: str | None = None
) -> Document | DocumentError:
    """Read a document's bytes; `suffix` is its file's extension (default: `file`'s)."""
    kind = sniff(data)
    sha256 = hashlib.sha256(data).hexdigest()
    extension = (PurePosixPath(file).suffix if suffix is None else suffix).lower()
    named = _NAMED.get(extension)
    if kind is Kind.TEXT and named is not None and data.strip():
        return DocumentError(
            file,
            ErrorCode.CORRUPT,
            f"the file is named {extension} but is not {named[0]}: it holds text or unknown bytes",
            f"fails nosaukts {extension}, bet tas nav {named[1]}: tajā ir teksts vai nezināmi baiti",
        )
    if kind is Kind.TEXT:
        decoded = decode(data, file)
        if decoded.text is None:
            assert decoded.error is not None
            problem = decoded.error
            return DocumentError(file, ErrorCode(problem.code), problem.message, problem.message_lv)
        return Document(file, decoded.text, MediaType.TEXT, sha256, len(data))
    if kind is Kind.OLE_ENCRYPTED:
        return _error(
            file,
            ErrorCode.PASSWORD,
            "the Word document is protected with a password: save it without one first",
        )
    if kind is Kind.OLE_CUT:
        return _error(
            file,
            ErrorCode.CORRUPT,
            "the office file is damaged or truncated: it ends before the list of what it holds",
        )
    if kind is Kind.RTF:
        return DocumentError(
            file,
            ErrorCode.UNKNOWN_TYPE,
            "this is a Rich Text Format (.rtf) document: save it as .docx or .odt first",
            "šis ir RTF dokuments: saglabājiet to kā .docx vai .odt",
        )
    if kind in (Kind.OLE_OTHER, Kind.ZIP):
        return _error(
            file,
            ErrorCode.UNKNOWN_TYPE,
            "this is an office file but not a Word (.doc, .docx) or OpenDocument (.odt) text document",
        )
    text_or_error = _read_structured(kind, data, file)
    if isinstance(text_or_error, DocumentError):
        return text_or_error
    text, page_starts = as_source_text(*text_or_error)
    titled = "Kopsavilkums" in text or "KOPSAVILKUMS" in text  # as the parser reads a title
    if not titled and not _FIRST_LABEL.search(re.sub(r"<[^<>]*>", "", text)):
        return _error(
            file,
            ErrorCode.NOT_A_REPORT,
            "this document is not a delegation report: none of its section labels were found",
        )
    return Document(file, text, MEDIA_TYPES[kind], sha256, len(data), page_starts)


def as_source_text(text: str, page_starts: tuple[int, ...]) -> tuple[str, tuple[int, ...]]:
    """A reader's text as the report's source text, as the .txt reader makes it (see
    `decode.normalise`): a Word or PDF document keeps what was pasted into it, a letter and
    its combining mark apart or a zero-width space inside a number, and read so a label, a
    heading or a count was lost. The page map is moved with the text: a page begins where
    the text before it ends, normalised."""
    normal = normalise(text)
    if normal == text:
        return text, page_starts
    return normal, tuple(min(len(normalise(text[:start])), len(normal)) for start in page_starts)


def _read_structured(
    kind: Kind, data: bytes, file: str
) -> tuple[str, tuple[int, ...]] | DocumentError:
    if kind is Kind.PDF:
        from pipeline.documents.pdf import PdfEncrypted, PdfUnreadable, read_pdf

        try:
            pdf = read_pdf(data)
        except PdfEncrypted:
            return _error(
                file,
                ErrorCode.PDF_ENCRYPTED,
                "the PDF is encrypted with a password: save or print it without one first",
            )
        except PdfUnreadable as exc:
            return _error(file, ErrorCode.CORRUPT, f"the PDF is damaged or truncated ({exc})")
        if not pdf.text.strip():
            return _error(
                file,
                ErrorCode.PDF_NEEDS_OCR,
                "the PDF has no text layer (a scan?): it needs OCR first (e.g. ocrmypdf)",
            )
        return pdf.text, pdf.page_starts
    if kind is Kind.DOCX:
        from pipeline.documents.word import WordError, read_docx

        try:
            return render(follow_pointers(read_docx(data))), ()
        except WordError as exc:
            return _error(
                file, ErrorCode.CORRUPT, f"the Word document is damaged or truncated ({exc})"
            )
    if kind is Kind.OLE_WORD:
        from pipeline.documents.word97 import Word97Encrypted, Word97Error, Word97TooOld, read_doc

        try:
            return render(follow_pointers(read_doc(data))), ()
        except Word97Encrypted:
            return _error(
                file,
                ErrorCode.PASSWORD,
                "the Word document is protected with a password: save it without one first",
            )
        except Word97TooOld:
            return _error(
                file,
                ErrorCode.OLD_WORD,
                "this is a Word 6.0/95 document: save it as .docx first",
            )
        except Word97Error as exc:
            return _error(
                file, ErrorCode.CORRUPT, f"the Word document is damaged or truncated ({exc})"
            )
    if kind is Kind.ODT:
        from pipeline.documents.odf import OdfError, read_odt

        try:
            return render(follow_pointers(read_odt(data))), ()
        except OdfError as exc:
            return _error(
                file, ErrorCode.CORRUPT, f"the OpenDocument file is damaged or truncated ({exc})"
            )
    from pipeline.documents.web import read_html

    return render(follow_pointers(read_html(data))), ()


def _error(file: str, code: ErrorCode, message: str) -> DocumentError:
    return DocumentError(file, code, message, _LV.get(code, ""))
