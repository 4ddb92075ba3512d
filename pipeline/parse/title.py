"""The report's title: from 'Kopsavilkums' (or 'KOPSAVILKUMS') to the years it names in
brackets at its end, and those years."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.model import Text
from pipeline.parse.fields import text_of
from pipeline.parse.sections import TITLE_WORD
from pipeline.parse.text import SourcedText, SourceFile

_TITLE_WORD = re.compile(TITLE_WORD)
# The years are written with or without a dot after each ("(2022-2025)", "(2022.–2025.)"),
# and may be followed by the word "gads"/"gadi" ("(2012.–2013. gads)").
_YEAR_WORD = r"(?:g\.|gads|gadi)"
_TITLE_SPAN = re.compile(rf"\(\s*(\d{{4}})\.?\s*[-–—]\s*(\d{{4}})\.?\s*{_YEAR_WORD}?\s*\)", re.I)
# One year ("(2014)", "(2014. gads)") is the title's only where it ends the title's line: a
# year in brackets within the title may say something else of it.
_TITLE_YEAR = re.compile(rf"\(\s*((?:19|20)\d\d)\.?\s*{_YEAR_WORD}?\s*\)", re.I)
_LINE_END = re.compile(r"[ \t\u00a0.]*(?:[\n\x0b]|$)")

# A report pasted into an e-mail comes after the mail's header, whose subject line names it
# ("Subject: RE: Kopsavilkums – Kurzemes reģions (2022-2025)"): the subject is the mail's,
# not the report's title, which follows.
_MAIL_HEADER = re.compile(
    r"(?:^|(?<=\n))[ \u00a0]*(?:Subject|Temats|Tēma|From|Sent|To|Cc|Date|Nosūtīts|Kam|Datums)"
    r"[ \u00a0]*:[^\n]*",
    re.I,
)


@dataclass(frozen=True, slots=True)
class Title:
    mapped: SourcedText | None
    title: Text | None
    years: tuple[int, int] | None
    rest: Text | None  # text in the title block after the title (kept, reported)


def read_title(head: SourcedText, source: SourceFile) -> Title:
    """The title runs from 'Kopsavilkums' (or 'KOPSAVILKUMS') to its years in brackets
    ("(2022-2025)", "(2022.–2025.)", "(2012.–2013. gads)", or one year ending its line:
    "(2014)") when there are any."""
    collapsed = head.collapse()
    headers = [
        (head.offsets[m.start()], head.offsets[m.end() - 1] + 1)
        for m in _MAIL_HEADER.finditer(head.text)
    ]
    word = next(
        (
            m
            for m in _TITLE_WORD.finditer(collapsed.text)
            if not any(start <= collapsed.offsets[m.start()] < end for start, end in headers)
        ),
        None,
    )
    if word is None:
        return Title(None, None, None, text_of(collapsed, source))
    start = word.start()
    years, span_end = _years(head, collapsed, start)
    end = span_end if span_end is not None else len(collapsed.text)
    mapped = collapsed[start:end]
    title = text_of(mapped, source)
    before = collapsed[:start].strip()
    after = collapsed[end:].strip()
    rest_parts = [p for p in (before, after) if p.text]
    rest = text_of(SourcedText.join(rest_parts), source) if rest_parts else None
    return Title(mapped, title, years, rest)


def _years(
    head: SourcedText, collapsed: SourcedText, start: int
) -> tuple[tuple[int, int] | None, int | None]:
    """The title's years and where they end in `collapsed`: the first span of years after
    the title's word, else the first single year in brackets that ends its line in `head`."""
    span = _TITLE_SPAN.search(collapsed.text, start)
    if span is not None:
        return (int(span.group(1)), int(span.group(2))), span.end()
    at = {offset: i for i, offset in enumerate(head.offsets)}
    for one in _TITLE_YEAR.finditer(collapsed.text, start):
        last = at.get(collapsed.offsets[one.end() - 1])
        if last is not None and _LINE_END.match(head.text, last + 1):
            year = int(one.group(1))
            return (year, year), one.end()
    return None, None
