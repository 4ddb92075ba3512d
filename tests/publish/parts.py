"""Small parts of a dataset for the query store's tests: one N-Triples file each."""

from __future__ import annotations

from pathlib import Path

from pipeline.publish.querystore import Part

EX = "https://example.org/"


def make_part(folder: Path, name: str, n: int) -> Part:
    """`n` triples, each naming `name`, in `folder/name.nt`."""
    path = folder / f"{name}.nt"
    path.write_text(
        "".join(f'<{EX}{name}/{i}> <{EX}p> "{name} {i}" .\n' for i in range(n)), encoding="utf-8"
    )
    return Part.of_file(path)
