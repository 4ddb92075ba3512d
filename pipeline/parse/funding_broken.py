"""Amounts after a short bare number ("1 50 000,00"), which AMOUNT leaves unread as they
may be another cell's pieces: reported unread, their years compared with nothing."""

from __future__ import annotations

from dataclasses import replace

from pipeline.parse.funding_blocks import FundingRead
from pipeline.parse.latvian import maybe_broken_amounts
from pipeline.parse.text import SourcedText, SourceFile


def with_broken_unread(read: FundingRead, section: SourcedText, source: SourceFile) -> FundingRead:
    """`read` with each such amount of the section reported, the year holding it left
    uncompared; the other years stay as read."""
    maybe = [section[m.start() : m.end()] for m in maybe_broken_amounts(section.text)]
    if not maybe or not read.years:
        return read
    spots = [source.span_of(piece).start for piece in maybe]
    years = tuple(
        replace(year, compared=False)
        if any(year.span.start <= at < year.span.end for at in spots)
        else year
        for year in read.years
    )
    return replace(read, years=years, unread=(*read.unread, *maybe))
