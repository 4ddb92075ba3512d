"""The original document a report was read from (a PDF, a Word file…), as its pages link it."""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.model import Report
from pipeline.publish.render.context import SiteContext


@dataclass(frozen=True, slots=True)
class Original:
    """The document a report was read from, published beside its text."""

    href: str
    kind: str  # "PDF", "Word"...
    size: int  # bytes


#: How an original's kind is named to readers, by its published extension.
_KINDS = {
    ".pdf": "PDF",
    ".docx": "Word",
    ".doc": "Word 97–2003",
    ".odt": "OpenDocument",
    ".htm": "HTML",
}


def original_of(ctx: SiteContext, source_doc: str, report: Report | None) -> Original | None:
    """The original document beside a report's source text, when it was not the text."""
    document = report.document if report is not None else None
    if document is None or not document.extension or source_doc not in ctx.pages:
        return None
    href = ctx.pages[source_doc].removesuffix(".html") + document.extension
    return Original(href, _KINDS.get(document.extension, document.extension), document.size)
