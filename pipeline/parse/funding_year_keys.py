"""A calendar year keying a funding line in a form of its own: "2023. gada finansējums:",
"2023. g.:", "2023.:" or "2023:" before the year's statements, as "2023. gads:" keys them.
Read as "2023. gads" would be, so that the line is that calendar year's row; only with the
colon after it, which ends the key as it does after "2023. gads" (without it, "2023. gada
…" may open a sentence of any kind, and a bare "2023" may be any number).
"""

from __future__ import annotations

import re

from pipeline.parse.diacritics import either_form
from pipeline.parse.text import SourcedText

_OTHER_KEY = re.compile(
    r"[ \t\u00a0]*(?P<words>(?P<year>(?:19|20)\d{2})(?:\.?[ \u00a0]?(?:"
    + either_form(r"gada[ \u00a0]+finansējums")
    + r"|g\.)|\.)?)(?![\d.])[ \u00a0]*:(?!\d)",
    re.I,
)


def year_key_as_gads(line: SourcedText) -> SourcedText:
    """The line with its key written "2023. gads", its characters mapped to the key's place
    in the source; the line as it is where it opens with no such key."""
    found = _OTHER_KEY.match(line.text)
    if found is None:
        return line
    words = line[found.start("words") : found.end("words")]
    digits = f"{found.group('year')}. gads"
    offsets = tuple(words.offsets[min(i, len(words) - 1)] for i in range(len(digits)))
    return SourcedText.join(
        [line[: found.start("words")], SourcedText(digits, offsets), line[found.end("words") :]],
        "",
    )
