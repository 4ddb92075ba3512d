"""A note in brackets right after the delegation period, on its line: "01.09.2020. –
31.03.2021. (sākotnēji līdz 31.12.2020.; termiņš pagarināts ar … grozījumiem …)"."""

from __future__ import annotations

import re

from pipeline.model import Period
from pipeline.parse.text import SourcedText, SourceFile

# The note opens on the period's line, after its stop or "g." at most, and closes the line
# (a long one may wrap within its brackets, as a copied PDF's lines do, never over a blank
# line); one level of brackets may stand within it ("(… ar grozījumiem (Nr. 1) …)").
_NOTE = re.compile(
    r"[ \t\u00a0.,;:]*(?:g\.)?[ \t\u00a0]*"
    r"(?P<note>\((?:[^()\n\x0b]|[\n\x0b](?![ \t\u00a0]*[\n\x0b])|\([^()\n\x0b]*\))+\))"
    r"(?=[ \t\u00a0.,;:]*(?:[\n\x0b]|$))"
)
# "(ieskaitot)" (inclusive) closes the period and says nothing more of it.
_SAYS_NOTHING = re.compile(r"\(\s*ieskaitot\s*\)", re.I)


def with_note(value: SourcedText, period: Period, source: SourceFile) -> Period:
    """The delegation period read from its section's `value`, with the note in brackets
    that follows it on its line as part of its text and span: the note says more of the
    period itself (its original end before an extension, the amendment that changed it),
    and is the period section's, not text outside any section. The dates stay those read."""
    if period.start is None and period.end is None:
        return period
    first = next((i for i, o in enumerate(value.offsets) if o >= period.span.start), None)
    after = next((i for i, o in enumerate(value.offsets) if o >= period.span.end), None)
    if first is None or after is None:
        return period
    note = _NOTE.match(value.text, after)
    if note is None or _SAYS_NOTHING.fullmatch(note.group("note")):
        return period
    piece = value[first : note.end()].collapse()
    return Period(period.start, period.end, piece.text, source.span_of(piece))
