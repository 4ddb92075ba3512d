"""The documents behind a report: its source text, published as `source/<key>`, and the
original it was read from (a PDF, a Word file…), with where and when it was fetched."""

from __future__ import annotations

from rdflib import Literal, URIRef

from pipeline.model import SourceDocument
from pipeline.rdf.mapping import LAV, Context
from pipeline.rdf.namespaces import DCAT, DCTERMS, FOAF, IANA, PROV, RDF, SPDX, XSD


def map_source_document(ctx: Context) -> None:
    """The report's source text (what every span points into), its checksum, and the
    original document it was read from."""
    source, checksum = ctx.page.source, ctx.page.checksum
    ctx.add(source, RDF.type, PROV.Entity)
    ctx.add(source, DCTERMS.identifier, Literal(ctx.report.file_name))
    ctx.add(source, DCTERMS.language, URIRef(LAV))
    ctx.add(source, SPDX.checksum, checksum)
    ctx.add(checksum, RDF.type, SPDX.Checksum)
    ctx.add(checksum, SPDX.algorithm, SPDX.checksumAlgorithm_sha256)
    ctx.add(checksum, SPDX.checksumValue, Literal(ctx.report.sha256, datatype=XSD.hexBinary))
    if ctx.report.document is not None:
        _map_original(ctx, ctx.report.document)


def _map_original(ctx: Context, document: SourceDocument) -> None:
    """The document the text was read from: what it is, and where and when it was fetched,
    so a researcher can check the original."""
    source = ctx.page.source
    original = ctx.page.original(document.extension) if document.extension else source
    if original != source:
        ctx.add(source, PROV.wasDerivedFrom, original)
        ctx.add(original, RDF.type, PROV.Entity)
        ctx.add(original, RDF.type, FOAF.Document)
        ctx.add(original, DCTERMS.language, URIRef(LAV))
        # the checksum is of the original's bytes
        ctx.add(original, SPDX.checksum, ctx.page.checksum)
    ctx.add(original, DCAT.mediaType, IANA[document.media_type])
    ctx.add(original, DCAT.byteSize, Literal(document.size, datatype=XSD.nonNegativeInteger))
    if document.url is not None:
        retrieval = ctx.page.retrieval
        ctx.add(original, PROV.hadPrimarySource, URIRef(document.url))
        ctx.add(original, PROV.wasGeneratedBy, retrieval)
        ctx.add(retrieval, RDF.type, PROV.Activity)
        ctx.add(retrieval, PROV.used, URIRef(document.url))
        if document.retrieved:
            stamp = Literal(document.retrieved, datatype=XSD.dateTime)
            ctx.add(retrieval, PROV.endedAtTime, stamp)
