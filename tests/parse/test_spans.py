"""Every extracted value points at the source text it came from."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

from pipeline.model import Parsed, Report, Span


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def _texts(rep: Report) -> Iterator[tuple[str, Span]]:
    for t in (rep.title, rep.task):
        if t:
            yield t.value, t.span
    if rep.implementer:
        yield rep.implementer.name.value, rep.implementer.name.span
        if rep.implementer.registration_number:
            yield (
                rep.implementer.registration_number.value,
                rep.implementer.registration_number.span,
            )
    for r in (rep.region_in_title, rep.region_in_task):
        if r:
            yield r.text, r.span
    for y in rep.years:
        for a in y.activities:
            for i in a.indicators:
                yield i.phrase, i.span
            for d in a.dates:
                yield d.text, d.span
            for m in a.minorities + a.places:
                yield m.text, m.span


@pytest.mark.parametrize("key", ["000", "001", "002", "003", "004"])
def test_spans_cover_exactly_their_text(corpus: dict[str, Parsed], key: str) -> None:
    rep = corpus[key].report
    assert rep is not None
    for value, span in _texts(rep):
        source = rep.source_text[span.start : span.end]
        # Tags and line breaks inside the span are dropped from the value; the words match.
        cleaned = _squash(re.sub(r"<[^<>]+>|\*\*", " ", source))
        assert _squash(value) == cleaned or _squash(value).replace(" ", "") == cleaned.replace(
            " ", ""
        ), (value, source)
        assert rep.source_text.count("\n", 0, span.start) + 1 == span.line
        assert span.file == f"reports/{corpus[key].file.split('/')[-1]}"


@pytest.mark.parametrize("key", ["000", "002", "003", "004"])
def test_amount_spans_start_at_the_amount(corpus: dict[str, Parsed], key: str) -> None:
    rep = corpus[key].report
    assert rep is not None
    for row in rep.funding:
        for amount in row.amounts:
            source = _squash(rep.source_text[amount.span.start : amount.span.end])
            assert source.startswith(amount.text), (amount.text, source)


def test_activity_text_spans_lines(corpus: dict[str, Parsed]) -> None:
    rep = corpus["004"].report
    assert rep is not None
    for a in rep.activities:
        first_words = " ".join(a.text.value.split()[:2])
        assert _squash(rep.source_text[a.text.span.start : a.text.span.end]).startswith(first_words)
