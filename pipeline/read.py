"""The reading stage's one door: any report file in (text, Word, PDF, OpenDocument, HTML),
a `Parsed` out. The document readers turn structure into the text layout the parser reads;
the parser reads it; the report remembers the original document for provenance.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from pipeline.documents import Document, DocumentError, MediaType, read_document
from pipeline.model import Parsed, SourceDocument
from pipeline.parse import parse_text

#: How an original is published beside its text: `.html` is the source page's own name,
#: and a text original is the published text itself (no second file).
_PUBLISHED_SUFFIX = {MediaType.HTML: ".htm", MediaType.TEXT: ""}


@dataclass(frozen=True, slots=True)
class Origin:
    """Where and when a fetched document was downloaded (from the download cache)."""

    url: str
    retrieved: str | None = None  # UTC ISO 8601


def read_report(
    path: Path,
    name: str | None = None,
    *,
    url: str | None = None,
    retrieved: str | None = None,
) -> Parsed:
    """Read one report file. `name` is how it is named in spans and findings (default: the
    path); `url` and `retrieved` say where and when a fetched document was downloaded."""
    document = read_document(path, name)
    if isinstance(document, DocumentError):
        return Parsed(document.file, None, (document.as_problem(),))
    parsed = parse_text(document.text, document.file, document.sha256)
    if parsed.report is None or (document.media_type is MediaType.TEXT and url is None):
        return parsed
    return replace(
        parsed, report=replace(parsed.report, document=_source(document, url, retrieved))
    )


def _source(document: Document, url: str | None, retrieved: str | None) -> SourceDocument:
    return SourceDocument(
        media_type=str(document.media_type),
        sha256=document.sha256,
        size=document.size,
        extension=_PUBLISHED_SUFFIX.get(document.media_type, document.media_type.suffix),
        page_starts=document.page_starts,
        url=url,
        retrieved=retrieved,
    )
