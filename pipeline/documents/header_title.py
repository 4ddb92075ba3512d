"""When a Word report's title is read from its page header: a typist who put the title in
the header wrote it once, so the body before its first section label holds none. Shared by
the .docx and the .doc readers, which find the header's paragraphs each in its own way."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from pipeline.documents.layout import Block, Para, Run, render
from pipeline.parse.structure_labels import LABELS, TITLE_WORD

_TITLE = re.compile(TITLE_WORD)
_FIRST_LABEL = re.compile("|".join(f"(?:{p})" for p in LABELS.values()))


def body_lacks_title(body: Sequence[Block]) -> bool:
    """Whether the body before its first section label holds no title."""
    before = render(list(body))
    label = _FIRST_LABEL.search(before)
    return not _TITLE.search(before[: label.start() if label else len(before)])


def title_paragraphs(headers: Iterable[list[str]]) -> list[Block]:
    """The paragraphs of the first header (each a list of its paragraphs' texts) that
    holds a title; none when no header does."""
    for texts in headers:
        if any(_TITLE.search(t) for t in texts):
            # A header's tabs place its text on the page, no cells of a table.
            return [Para((Run(re.sub(r"\t+", " ", t)),)) for t in texts if t]
    return []
