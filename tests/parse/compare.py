"""Comparing the model read from a variant with the model read from its original.

Everything must be equal except the words as written (they differ by construction) and the
spans, which must point at the same words: a variant's span is mapped back to the original
and its ends may differ only over characters the transformations rewrote, white space or
punctuation (a token rewritten shorter, "(...)" written "– ...", a trailing dot dropped).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from pipeline.model import Parsed, Span
from tests.parse.variants import Variant

# Fields that hold the words as written (compared through their spans) or the file itself.
AS_WRITTEN = {
    ("Text", "value"),
    ("DateMention", "text"),
    ("Period", "text"),
    ("RegionMention", "text"),
    ("Mention", "text"),
    ("Indicator", "phrase"),
    ("Amount", "text"),
    ("Amount", "label"),
    ("Report", "file"),
    ("Report", "sha256"),
    ("Report", "source_text"),
    ("Problem", "message"),
    ("Problem", "message_lv"),
    ("Problem", "file"),
    ("Problem", "value"),
}


class _Context:
    def __init__(self, source: str, variant: Variant) -> None:
        self.variant = variant
        self.slack = variant.touched | {i for i, c in enumerate(source) if not c.isalnum()}
        self.differences: list[str] = []

    def same_end(self, a: int, b: int) -> bool:
        return all(i in self.slack for i in range(min(a, b), max(a, b)))

    def spans(self, path: str, a: Span, b: Span) -> None:
        start, end = self.variant.original_range(b.start, b.end)
        if not (self.same_end(a.start, start) and self.same_end(a.end, end)):
            self.differences.append(
                f"{path}: original {a.start}-{a.end}, variant maps to {start}-{end}"
            )

    def walk(self, path: str, a: Any, b: Any) -> None:
        if len(self.differences) > 20:
            return
        if isinstance(a, Span) and isinstance(b, Span):
            self.spans(path, a, b)
        elif dataclasses.is_dataclass(a) and type(a) is type(b):
            name = type(a).__name__
            for f in dataclasses.fields(a):
                if (name, f.name) not in AS_WRITTEN:
                    self.walk(f"{path}.{f.name}", getattr(a, f.name), getattr(b, f.name))
        elif isinstance(a, tuple) and isinstance(b, tuple):
            if len(a) != len(b):
                self.differences.append(f"{path}: {len(a)} items, variant {len(b)}")
            for i, (x, y) in enumerate(zip(a, b, strict=False)):
                self.walk(f"{path}[{i}]", x, y)
        elif a != b:
            self.differences.append(f"{path}: {a!r} != {b!r}")


def differences(first: Parsed, second: Parsed, variant: Variant) -> list[str]:
    """How the model read from `variant` differs from the one read from its original."""
    assert first.report is not None
    if second.report is None:
        return ["the variant could not be read"]
    context = _Context(first.report.source_text, variant)
    context.walk("report", first.report, second.report)
    context.walk("findings", first.findings, second.findings)
    return context.differences
