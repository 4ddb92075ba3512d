"""HTTP content negotiation: reads an Accept header and picks one of the media types we offer.

Pure functions, no I/O; used by the local server's resolver and its SPARQL endpoint.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class MediaRange:
    """One element of an Accept header: `text/*;q=0.5` -> ("text", "*", 0.5)."""

    type: str
    subtype: str
    q: float

    def matches(self, media_type: str) -> bool:
        main, _, sub = media_type.partition("/")
        if self.type == "*":
            return True
        return self.type == main and self.subtype in ("*", sub)

    @property
    def specificity(self) -> int:
        """`*/*` < `text/*` < `text/turtle`: the most specific matching range decides the q."""
        return (self.type != "*") + (self.subtype != "*")


def parse_accept(header: str | None) -> tuple[MediaRange, ...]:
    """Parses an Accept header; a missing or empty header accepts everything (RFC 9110 12.5.1).

    Elements that cannot be read are skipped rather than failing the request, as browsers
    and tools send odd headers and a page is always better than an error.
    """
    if header is None or not header.strip():
        return (MediaRange("*", "*", 1.0),)
    ranges: list[MediaRange] = []
    for element in header.split(","):
        media, *params = (part.strip() for part in element.split(";"))
        main, slash, sub = media.lower().partition("/")
        if not slash or not main or not sub:
            continue
        q = 1.0
        for param in params:
            name, _, value = param.partition("=")
            if name.strip().lower() == "q":
                try:
                    q = min(max(float(value.strip()), 0.0), 1.0)
                except ValueError:
                    q = 0.0
        ranges.append(MediaRange(main, sub, q))
    return tuple(ranges)


def quality(ranges: Sequence[MediaRange], media_type: str) -> float:
    """The q the client gives `media_type`: that of the most specific range matching it."""
    matching = [r for r in ranges if r.matches(media_type.lower())]
    if not matching:
        return 0.0
    best = max(r.specificity for r in matching)
    return max(r.q for r in matching if r.specificity == best)


def choose(header: str | None, offered: Sequence[str]) -> str | None:
    """The offered media type the client prefers; ties go to the earlier offer.

    Returns None when the client accepts none of them (q=0 for all).
    """
    ranges = parse_accept(header)
    best: str | None = None
    best_q = 0.0
    for media_type in offered:
        q = quality(ranges, media_type)
        if q > best_q:
            best, best_q = media_type, q
    return best
