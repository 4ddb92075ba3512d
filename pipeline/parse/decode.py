"""Bytes to source text: encoding detection and the load errors a file can have.

Office software still exports Windows-1257 (the Baltic code page) and UTF-16; converters add
byte-order marks and CRLF line endings. The result is the report's source text (see `Span`):
its line endings made "\n", its letters composed (NFC) and its invisible zero-width
characters dropped (see `normalise`).
"""

from __future__ import annotations

import codecs
import unicodedata
from dataclasses import dataclass

from pipeline.model import Problem, Severity


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str | None
    encoding: str | None
    error: Problem | None


# Windows-1257 decodes almost any byte sequence, so it is tried last, and only if the text
# then looks like Latvian (or plain ASCII) rather than noise.
_LATVIAN = set("āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ")


# People pass the original document instead of its text: say what it is and what to do.
_DOCUMENTS = (
    (b"%PDF", "this is a PDF, not text: extract its text first (pdftotext -layout)"),
    (
        b"PK\x03\x04",
        "this is a Word or other office document, not text: save it as plain text (UTF-8) first",
    ),
    (
        b"\xd0\xcf\x11\xe0",
        "this is a Word or other office document, not text: save it as plain text (UTF-8) first",
    ),
)

_LATVIAN_MESSAGES = {
    "input.binary": "fails ir binārs, nevis teksts",
    "input.encoding": "baiti nav ne UTF-8, ne UTF-16, ne Windows-1257 teksts",
    "input.empty": "fails ir tukšs",
}


def _load_error(file: str, code: str, message: str) -> Decoded:
    lv = _LATVIAN_MESSAGES[code]
    return Decoded(None, None, Problem(code, Severity.ERROR, message, file, None, lv))


def decode(data: bytes, file: str) -> Decoded:
    """Decode a report file; on failure return a load-error finding naming the file."""
    for signature, message in _DOCUMENTS:
        if data.startswith(signature):
            return _load_error(file, "input.binary", message)
    text: str | None
    encoding: str | None
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _try(data[len(codecs.BOM_UTF8) :], "utf-8"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _try(data, "utf-16"), "utf-16"
    elif b"\x00" in data:
        text, encoding = _utf16_without_bom(data)
        if text is None:
            return _load_error(
                file, "input.binary", "the file is binary (it contains NUL bytes), not text"
            )
    else:
        text, encoding = _try(data, "utf-8"), "utf-8"
        if text is None:
            text, encoding = _try(data, "cp1257"), "cp1257"
            if text is not None and not _plausible_baltic(text):
                text = None
    if text is None:
        return _load_error(
            file,
            "input.encoding",
            "the bytes are not UTF-8, UTF-16 or Windows-1257 text",
        )
    text = normalise(text.replace("\r\n", "\n").replace("\r", "\n"))
    if "\x00" in text or _control_ratio(text) > 0.01:
        return _load_error(
            file, "input.binary", "the file is binary (control characters), not text"
        )
    if not text.strip():
        return _load_error(file, "input.empty", "the file is empty")
    return Decoded(text, encoding, None)


# Characters no reader sees, which text copied from a web page carries: the zero-width space
# (a hint where a line may break: "ĪSTENOŠANAS\u200b GADS", "1\u200b05 konsultācijas"), the
# zero-width non-joiner and joiner (which only steer how a font joins letters, and Latvian
# text has no such joins), the word joiner and a byte-order mark inside the text. Left in, a
# heading, a label or a number is no longer one; dropped, the text is what its reader saw.
# (A soft hyphen is kept: at a line's end it says the word goes on, see `hyphen_breaks`.)
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff"))


def normalise(text: str) -> str:
    """Decoded text as the report's source text: letters composed (NFC: "I" + U+0304, as a Mac
    copies "Ī", is the same text as "Ī", canonically) and zero-width characters dropped. The
    text published and the spans into it are of this text."""
    return unicodedata.normalize("NFC", text).translate(_INVISIBLE)


def _utf16_without_bom(data: bytes) -> tuple[str | None, str | None]:  # text, encoding
    """Some exporters write UTF-16 without a byte-order mark. Latvian text is mostly ASCII
    letters and Latin Extended-A, so every other byte is NUL: the side the NULs fall on tells
    the byte order; what decodes to text then is UTF-16."""
    if len(data) % 2:
        return None, None
    pairs = len(data) // 2
    even = data[0::2].count(0) / pairs  # high bytes first: big-endian
    odd = data[1::2].count(0) / pairs  # high bytes second: little-endian
    for share, encoding in ((odd, "utf-16-le"), (even, "utf-16-be")):
        if share > 0.6:
            text = _try(data, encoding)
            if text is not None and "\x00" not in text and _control_ratio(text) < 0.01:
                return text, encoding
    return None, None


def _try(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError:
        return None


def _plausible_baltic(text: str) -> bool:
    non_ascii = [c for c in text if ord(c) > 127]
    if not non_ascii:
        return True
    return sum(c in _LATVIAN for c in non_ascii) / len(non_ascii) > 0.5


def _control_ratio(text: str) -> float:
    controls = sum(1 for c in text if ord(c) < 32 and c not in "\n\t\x0c")
    return controls / max(len(text), 1)
