"""Judging a document's type from its bytes: a name or a server's word is not evidence."""

from __future__ import annotations

import io
import re
import struct
import zipfile
from enum import StrEnum

from pipeline.documents.model import MediaType


class Kind(StrEnum):
    PDF = "pdf"
    DOCX = "docx"
    ODT = "odt"
    ZIP = "zip"  # a zip that is neither (or too damaged to tell from its directory)
    HTML = "html"
    OLE_ENCRYPTED = "ole-encrypted"  # an OOXML document saved with a password
    OLE_WORD = "ole-word"  # Word 97-2003 (.doc)
    OLE_OTHER = "ole-other"
    RTF = "rtf"  # Rich Text Format, which Word and LibreOffice also save
    OLE_CUT = "ole-cut"  # a compound file cut short before its directory: what it held is lost
    TEXT = "text"


MEDIA_TYPES = {
    Kind.PDF: MediaType.PDF,
    Kind.DOCX: MediaType.DOCX,
    Kind.ODT: MediaType.ODT,
    Kind.HTML: MediaType.HTML,
    Kind.OLE_WORD: MediaType.DOC,
    Kind.TEXT: MediaType.TEXT,
}

_OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_HTML = re.compile(
    rb"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S
)


def sniff(data: bytes) -> Kind:
    # PDF readers accept a header anywhere in the first kilobyte; so does this.
    if b"%PDF-" in data[:1024]:
        return Kind.PDF
    if data.startswith(b"PK\x03\x04"):
        return _zip_kind(data)
    if data.startswith(_OLE):
        # Names in the compound file's directory are UTF-16; an encrypted OOXML package is
        # stored as an "EncryptedPackage" stream, a Word 97 file has a "WordDocument" one
        # (a name the compound file compares without case: some writers spell it lower case).
        if "EncryptedPackage".encode("utf-16-le") in data:
            return Kind.OLE_ENCRYPTED
        if "worddocument".encode("utf-16-le") in data.lower():
            return Kind.OLE_WORD
        return Kind.OLE_CUT if _ole_cut_short(data) else Kind.OLE_OTHER
    head = data[:2048].lstrip(b"\xef\xbb\xbf")
    if head.lstrip().startswith(b"{\\rtf"):
        return Kind.RTF
    if _HTML.match(head):
        return Kind.HTML
    return Kind.TEXT


def _ole_cut_short(data: bytes) -> bool:
    """Whether the compound file was cut short: a whole one is whole sectors, and holds the
    directory its header places (writers put it last, so a truncated file lost its names)."""
    if len(data) < 512:
        return True
    shift: int = struct.unpack_from("<H", data, 0x1E)[0]
    first: int = struct.unpack_from("<I", data, 0x30)[0]
    if shift not in (9, 12):
        return False  # no header this can judge
    return len(data) % (1 << shift) != 0 or ((first + 2) << shift) > len(data)


def _zip_kind(data: bytes) -> Kind:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            names = set(archive.namelist())
            if "mimetype" in names and archive.read("mimetype").strip() == MediaType.ODT.encode():
                return Kind.ODT
            if "word/document.xml" in names:
                return Kind.DOCX
            return Kind.ZIP
    except (zipfile.BadZipFile, OSError, KeyError, EOFError):
        pass
    # The central directory is at the end, so a truncated file has none: the local headers
    # at the start still say what it was.
    if b"mimetype" + MediaType.ODT.encode() in data[:200]:
        return Kind.ODT
    if b"[Content_Types].xml" in data[:200] or b"word/" in data[:4096]:
        return Kind.DOCX
    return Kind.ZIP
