"""The source page of a report: its text as read, one anchor per line, the spans facts were
read from (each an element whose id is its RFC 5147 fragment, on the line it begins on,
listing its facts), where each page of a PDF original begins, and the original."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Literal, URIRef

from pipeline.model import Report
from pipeline.publish.render.context import SiteContext
from pipeline.publish.render.originals import Original, original_of
from pipeline.publish.render.pages_resource import _Claims, _slice
from pipeline.publish.render.views import Part, Value, natural_key
from pipeline.rdf.namespaces import DCTERMS, LP, PROV, RDF


@dataclass(frozen=True, slots=True)
class TextSpan:
    id: str  # "char=10830,10896": the span's IRI is the page's IRI with this fragment
    facts: tuple[Value, ...]  # the facts read from it


@dataclass(frozen=True, slots=True)
class Line:
    id: str
    number: int
    text: str
    spans: tuple[TextSpan, ...]  # the spans that begin on this line
    page: int | None = None  # the page of the original that begins on this line (PDF)


@dataclass(frozen=True, slots=True)
class SourceView:
    main: Part
    parts: tuple[Part, ...]
    lines: tuple[Line, ...]
    report_href: str
    text_href: str
    original: Original | None = None


def source_view(ctx: SiteContext, doc: str) -> SourceView:
    graph, _ = _slice(ctx, doc)
    claims = _Claims(ctx, doc, graph)
    key = doc.rstrip("/").rpartition("/")[2]
    report = ctx.reports.get(key)
    text = report.source_text if report is not None else ""
    by_line: dict[int, list[TextSpan]] = {}
    for span in graph.subjects(RDF.type, LP.SourceSpan):
        line = graph.value(span, LP.line)
        if not isinstance(line, Literal) or graph.value(span, DCTERMS.isPartOf) != URIRef(doc):
            continue
        fragment = claims.claim(span)
        facts = sorted(
            (ctx.terms.value(f) for f in ctx.data.subjects(PROV.wasDerivedFrom, span)),
            key=lambda v: (natural_key(v.href or ""), v.href or ""),
        )
        by_line.setdefault(int(line), []).append(TextSpan(fragment, tuple(facts)))
    pages = _page_lines(report)
    texts = text.split("\n")
    # The final newline ends the last line; it does not start one.
    shown = len(texts) - 1 if texts[-1] == "" else len(texts)
    # A span that begins after it (at the very end of the text) is shown on the last line.
    for number in sorted(n for n in by_line if n > shown > 0):
        by_line.setdefault(shown, []).extend(by_line.pop(number))
    lines = []
    for number, content in enumerate(texts, start=1):
        fragment = f"L{number}"
        claims.claimed.add(fragment)
        if number <= shown:
            spans = sorted(by_line.get(number, []), key=lambda p: (natural_key(p.id), p.id))
            lines.append(Line(fragment, number, content, tuple(spans), pages.get(number)))
    report_doc = doc.replace("/source/", "/id/report/", 1)
    return SourceView(
        main=ctx.terms.part(graph, URIRef(doc)),
        parts=claims.rest(graph),
        lines=tuple(lines),
        report_href=ctx.terms.href(report_doc),
        text_href=ctx.pages[doc].removesuffix(".html") + ".txt",
        original=original_of(ctx, doc, report),
    )


def _page_lines(report: Report | None) -> dict[int, int]:
    """line number -> the page of the original that begins on it (PDFs have pages)."""
    document = report.document if report is not None else None
    if report is None or document is None:
        return {}
    text = report.source_text
    return {text.count("\n", 0, start) + 1: n for n, start in enumerate(document.page_starts, 1)}
