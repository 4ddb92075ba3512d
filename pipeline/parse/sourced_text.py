"""A string that remembers where each of its characters came from: the type every reader
works on. It sits below every other module of the reader, `pipeline.parse.text`'s cleaning
included, so that a step of that cleaning (`pipeline.parse.hyphen_breaks`) can build on it
without importing the module that calls it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# White space `collapse` turns into one space: the marks `pipeline.parse.text` sets (a soft
# break, a list's start, a year heading's mark) are layout, not words.
_WS = re.compile(r"[ \t\n\x0b\u00a0\u200b\ue000\ue100]+")


@dataclass(frozen=True, slots=True)
class SourcedText:
    """A string and, for each of its characters, the source offset it came from."""

    text: str
    offsets: tuple[int, ...]

    @staticmethod
    def of(text: str, start: int = 0) -> SourcedText:
        return SourcedText(text, tuple(range(start, start + len(text))))

    def __len__(self) -> int:
        return len(self.text)

    def __getitem__(self, key: slice) -> SourcedText:
        return SourcedText(self.text[key], self.offsets[key])

    def source_range(self) -> tuple[int, int]:
        """The smallest source range covering this text (empty text: an empty range)."""
        if not self.offsets:
            return (0, 0)
        return (min(self.offsets), max(self.offsets) + 1)

    def strip(self, chars: str = " \t\n\x0b\u00a0\ue000\ue100") -> SourcedText:
        begin, end = 0, len(self.text)
        while begin < end and self.text[begin] in chars:
            begin += 1
        while end > begin and self.text[end - 1] in chars:
            end -= 1
        return self[begin:end]

    def collapse(self) -> SourcedText:
        """Every run of white space (including line breaks) becomes one space; ends stripped."""
        parts: list[str] = []
        offs: list[int] = []
        last = 0
        for m in _WS.finditer(self.text):
            parts.append(self.text[last : m.start()])
            offs.extend(self.offsets[last : m.start()])
            parts.append(" ")
            offs.append(self.offsets[m.start()])
            last = m.end()
        parts.append(self.text[last:])
        offs.extend(self.offsets[last:])
        return SourcedText("".join(parts), tuple(offs)).strip(" ")

    def replace(self, pattern: re.Pattern[str], repl: str) -> SourcedText:
        """Replace each match by `repl`, every new character mapped to the match's start."""
        parts: list[str] = []
        offs: list[int] = []
        last = 0
        for m in pattern.finditer(self.text):
            parts.append(self.text[last : m.start()])
            offs.extend(self.offsets[last : m.start()])
            parts.append(repl)
            offs.extend([self.offsets[m.start()]] * len(repl))
            last = m.end()
        parts.append(self.text[last:])
        offs.extend(self.offsets[last:])
        return SourcedText("".join(parts), tuple(offs))

    @staticmethod
    def join(pieces: list[SourcedText], sep: str = " ") -> SourcedText:
        parts: list[str] = []
        offs: list[int] = []
        for i, piece in enumerate(pieces):
            if i and sep:
                parts.append(sep)
                offs.extend([piece.offsets[0] if piece.offsets else 0] * len(sep))
            parts.append(piece.text)
            offs.extend(piece.offsets)
        return SourcedText("".join(parts), tuple(offs))

    @staticmethod
    def join_lines(pieces: list[SourcedText], brk: str) -> SourcedText:
        """The pieces as the lines of one cell, `brk` between them; each break maps to the
        first character after it that has a source (an empty piece has none)."""
        out: list[SourcedText] = []
        for n, piece in enumerate(pieces):
            if n:
                at = next((p.offsets[0] for p in pieces[n:] if p.offsets), 0)
                out.append(SourcedText(brk, (at,)))
            out.append(piece)
        return SourcedText.join(out, "")
