"""A corpus of N reports made from the bundled ones, each a report of its own.

Copy n of a bundled report gets a file name, an implementer name and a registration number
of its own, so no two copies share an organisation, an IRI or an organisation page (copies
that shared them would make the cross-report pages look cheaper than a real archive's).
`change` edits one report the way a corrected summary would: one activity's text.
"""

from __future__ import annotations

import re
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
_NAME = re.compile(r"(uzdevuma veicējs\s+[^„\n]*„)([^”\n]+)(”)")
_NUMBER = re.compile(r"(reģistrācijas Nr\.\s*)(\d{11})")


def originals() -> list[Path]:
    return sorted((REPO / "reports").glob("*.txt"))


def variant(text: str, n: int) -> str:
    """Report text `text` as the report of implementer number `n`."""
    text = _NAME.sub(lambda m: f"{m[1]}{m[2]} {_words(n)}{m[3]}", text, count=1)
    return _NUMBER.sub(lambda m: f"{m[1]}{50000000000 + n:011d}", text)


def _words(n: int) -> str:
    # A name, not a number, so that slugs and labels differ the way real names do.
    syllables = ("ka", "lu", "me", "ri", "so", "ta", "vi", "ze", "no", "pa")
    word = "".join(syllables[int(d)] for d in str(n))
    return word.capitalize()


def make(size: int, folder: Path) -> list[Path]:
    """Write `size` reports into `folder` (created); returns them in name order."""
    folder.mkdir(parents=True, exist_ok=True)
    sources = [p.read_text(encoding="utf-8") for p in originals()]
    stems = [p.stem.split("_", 1)[1] for p in originals()]
    files = []
    for n in range(size):
        target = folder / f"{n:05d}_{stems[n % len(stems)]}.txt"
        data = variant(sources[n % len(sources)], n)
        if not target.exists() or target.read_text(encoding="utf-8") != data:
            target.write_text(data, encoding="utf-8")
        files.append(target)
    return files


def change(path: Path, generation: int) -> None:
    """Edit one report: the first numbered activity gets a word more (a changed report
    that still reads, so the rebuild does the whole per-report work again)."""
    text = path.read_text(encoding="utf-8")
    edited = re.sub(r"(\n- 1\) )", rf"\1labots {generation}: ", text, count=1)
    if edited == text:
        edited = text + f"\n\nLabots {generation}.\n"
    path.write_text(edited, encoding="utf-8")
