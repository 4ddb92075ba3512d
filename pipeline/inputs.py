"""Which files a run reads: folders expanded, oversized files refused, and no two reports
sharing a key (and so an IRI).

A report's key is the slug of its file name without the folder (`reports/000_f25f.txt` →
`000-f25f`, see `pipeline.rdf.iris.report_key`): moving a file to another folder keeps its
IRIs, and the IRIs published so far keep resolving. Two inputs whose names give the same key
("Rīgas pārskats 2024.txt" and "rigas-parskats-2024.txt", or the same name in two folders)
are never merged: each of them is refused with an error that names the other.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.model import Problem, Severity
from pipeline.rdf.iris import report_key, slug

#: A report is a few pages; anything much larger is not one report (a default, `--max-bytes`).
DEFAULT_MAX_BYTES = 5 * 1024 * 1024

#: The kinds of file a folder on the command line stands for.
REPORT_SUFFIXES = (".txt", ".md", ".docx", ".doc", ".pdf", ".odt", ".html", ".htm")
#: Files a folder of reports holds about itself ("README.md"): not reports. Named on the
#: command line, such a file is read as given.
_ABOUT_THE_FOLDER = frozenset({"readme", "changelog", "license", "licence", "contributing"})


@dataclass(frozen=True, slots=True)
class Inputs:
    files: tuple[Path, ...]  # accepted, in the order given
    names: tuple[str, ...]  # how each accepted file is named in spans and findings
    refused: tuple[Problem, ...]  # one load error per refused file or folder


def expand(paths: Sequence[Path]) -> tuple[list[Path], list[Problem]]:
    """Folders stand for the reports in them (sorted); files are taken as given. A folder
    holding no report is a load error of its own: the other inputs are still read."""
    expanded: list[Path] = []
    empty: list[Problem] = []
    for path in paths:
        if path.is_dir():
            try:
                found = sorted(p for p in path.iterdir() if _is_report(p))
            except OSError as exc:
                empty.append(
                    _problem(
                        "input.unreadable",
                        path.as_posix(),
                        f"the folder cannot be read ({exc.strerror or exc})",
                        f"mapi nevar nolasīt ({exc.strerror or exc})",
                    )
                )
                continue
            if not found:
                empty.append(
                    _problem(
                        "input.no-reports",
                        path.as_posix(),
                        f"no reports in this folder ({', '.join(REPORT_SUFFIXES)})",
                        f"šajā mapē nav pārskatu ({', '.join(REPORT_SUFFIXES)})",
                    )
                )
            expanded += found
        else:
            expanded.append(path)
    return expanded, empty


def _is_report(path: Path) -> bool:
    return path.suffix.lower() in REPORT_SUFFIXES and path.stem.lower() not in _ABOUT_THE_FOLDER


def gather(paths: Sequence[Path], max_bytes: int = DEFAULT_MAX_BYTES, keyed: bool = True) -> Inputs:
    """The files a run reads, and a load error for each file (or folder) it must not read.
    `keyed`: the run publishes or validates the reports, so each needs a key (its IRIs)
    made from its file name; reading alone (`extract`) needs none."""
    files, empty = expand(paths)
    refused: dict[Path, Problem] = {}
    by_key: dict[str, list[Path]] = defaultdict(list)
    for path in files:
        name = path.as_posix()
        if keyed and not slug(path.stem):
            refused[path] = _unkeyed(path)
            continue
        try:
            size = path.stat().st_size
        except OSError:
            continue  # the reader names a missing or unreadable file itself
        if size > max_bytes:
            refused[path] = _problem(
                "input.too-large",
                name,
                f"{size:,} bytes is more than the limit of {max_bytes:,} for one report "
                "(raise it with --max-bytes if this really is one report)",
                f"{size:,} baiti ir vairāk nekā viena pārskata robeža {max_bytes:,} "
                "(to var mainīt ar --max-bytes)",
            )
            continue
        if keyed:
            by_key[report_key(name)].append(path)
    for key, same in by_key.items():
        if len(same) < 2:
            continue
        for path in same:
            others = ", ".join(p.as_posix() for p in same if p != path)
            refused[path] = _problem(
                "input.key-collision",
                path.as_posix(),
                f"would be published as report {key!r}, like {others}; rename one of them",
                f"tiktu publicēts kā pārskats {key!r}, tāpat kā {others}; pārdēvējiet vienu",
            )
    accepted = tuple(p for p in files if p not in refused)
    return Inputs(
        accepted,
        tuple(p.as_posix() for p in accepted),
        (*empty, *(refused[p] for p in files if p in refused)),
    )


def _unkeyed(path: Path) -> Problem:
    """A name with no letter or digit ("!!!.txt"), or a pattern the shell left as it was
    ("reports/*" in quotes): no report key, so no IRI, can be made from it."""
    if not path.exists() and any(c in path.name for c in "*?["):
        return _problem(
            "input.no-key",
            path.as_posix(),
            "no such file: a pattern the shell did not expand? (give the folder, or the "
            "pattern without quotes)",
            "tāda faila nav: vai čaula neizvērsa šablonu? (norādiet mapi vai šablonu bez pēdiņām)",
        )
    return _problem(
        "input.no-key",
        path.as_posix(),
        "its name has no letter or digit to publish it under; rename it (e.g. report-2024.txt)",
        "tā nosaukumā nav burtu vai ciparu, ar ko to publicēt; pārdēvējiet to "
        "(piemēram, parskats-2024.txt)",
    )


def _problem(code: str, file: str, message: str, message_lv: str) -> Problem:
    return Problem(code, Severity.ERROR, message, file, None, message_lv)
