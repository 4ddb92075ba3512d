"""The output folder: lodpipe writes and replaces only what it wrote itself.

A site lodpipe wrote carries a marker file at its root, listing every file it wrote. A
folder given as `--out` is used when it does not exist, is empty, or carries the marker and
holds no file the marker does not list; anything else is refused before any work is done
(and again just before the new site is swapped in), and so is an output that is, contains or
sits inside an input. A build is written into a staging folder beside the output and swapped
in with two renames; the previous site is removed only because it is ours, file by file.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Sequence
from pathlib import Path

#: At the root of every site lodpipe writes (a dot file: GitHub Pages does not serve it).
MARKER = ".lodpipe-site"
_MARKER_TEXT = (
    "This folder was written by lodpipe build: the files listed below. The next build\n"
    "replaces them, and refuses to run while the folder holds any other file.\n"
)


class OutputRefused(Exception):
    """The output folder is not lodpipe's to write. The message says why and what to do."""


def is_ours(folder: Path) -> bool:
    return (folder / MARKER).is_file()


def claim_output(out: Path, inputs: Sequence[Path] = ()) -> None:
    """Refuse an output lodpipe may not write, before any work is done.

    `inputs` are the files and folders named on the command line."""
    target = out.resolve()
    if target.exists() and not target.is_dir():
        raise OutputRefused(f"{out}: exists and is not a folder; choose another --out")
    for given in inputs:
        source = given.resolve()
        if target == source or source.is_relative_to(target):
            raise OutputRefused(
                f"{out}: holds the input {given}; the site must be written elsewhere"
            )
        if given.is_dir() and target.is_relative_to(source):
            raise OutputRefused(
                f"{out}: is inside the input folder {given}; the site must be written elsewhere"
            )
    if target.is_dir() and not is_ours(target) and any(target.iterdir()):
        raise OutputRefused(
            f"{out}: is a folder that lodpipe did not write and it is not empty; "
            "give a new or empty folder (lodpipe replaces its output whole)"
        )
    _refuse_foreign(out, target)
    for sibling in (_staging(target), _old(target)):
        if sibling.exists() and not is_ours(sibling):
            raise OutputRefused(f"{sibling}: is in the way and was not written by lodpipe")


def new_staging(out: Path) -> Path:
    """An empty staging folder beside `out`, marked as ours (a leftover of ours is removed)."""
    staging = _staging(out.resolve())
    if staging.exists():
        if not is_ours(staging):
            raise OutputRefused(f"{staging}: is in the way and was not written by lodpipe")
        shutil.rmtree(staging)
    staging.mkdir(parents=True)
    (staging / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
    return staging


def publish_site(staging: Path, out: Path) -> None:
    """Swap the finished `staging` folder in as `out`. The previous site is removed only when
    it is ours; a folder of someone else's appearing meanwhile is refused and kept."""
    target = out.resolve()
    _mark(staging)
    old = _old(target)
    if old.exists():
        if not is_ours(old):
            raise OutputRefused(f"{old}: is in the way and was not written by lodpipe")
        shutil.rmtree(old)
    if target.exists():
        if is_ours(target):
            _refuse_foreign(out, target)  # added while the build ran
            target.rename(old)
        elif target.is_dir() and not any(target.iterdir()):
            target.rmdir()
        else:
            raise OutputRefused(f"{out}: changed during the build and is not lodpipe's")
    os.replace(staging, target)
    if old.exists():
        shutil.rmtree(old, ignore_errors=True)


def discard(staging: Path) -> None:
    """Remove a staging folder after a failed build, only if it is ours."""
    if staging.is_dir() and is_ours(staging):
        shutil.rmtree(staging, ignore_errors=True)


def foreign_files(folder: Path) -> list[str]:
    """The files (and links) in `folder`, a site of ours, that its marker does not list,
    sorted. A marker without a list (written by an earlier lodpipe, whose marker asked to
    keep nothing else there) lists everything."""
    try:
        text = (folder / MARKER).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    _, blank, listing = text.partition("\n\n")
    if not blank:
        return []
    listed = set(listing.splitlines())
    return [name for name in _files(folder) if name != MARKER and name not in listed]


def _refuse_foreign(out: Path, target: Path) -> None:
    if not target.is_dir() or not is_ours(target):
        return
    foreign = foreign_files(target)
    if foreign:
        more = f" and {len(foreign) - 1} more" if len(foreign) > 1 else ""
        raise OutputRefused(
            f"{out}: holds {foreign[0]}{more}, which lodpipe did not write; move them "
            "elsewhere or give another --out (the site is replaced whole, and they would be lost)"
        )


def _mark(staging: Path) -> None:
    """The marker, listing every file of the finished site."""
    listing = "".join(f"{name}\n" for name in _files(staging) if name != MARKER)
    (staging / MARKER).write_text(f"{_MARKER_TEXT}\n{listing}", encoding="utf-8")


def _files(folder: Path) -> list[str]:
    """Every file and link under `folder`, relative, sorted (a linked folder is not
    followed: it is one entry)."""
    # Strings, not paths: a site holds tens of thousands of files, and it is listed twice
    # on every build.
    found: list[str] = []
    top = os.fspath(folder)
    for root, dirs, files in os.walk(top):
        linked = [d for d in dirs if os.path.islink(os.path.join(root, d))]
        dirs[:] = [d for d in dirs if d not in linked]
        here = os.path.relpath(root, top).replace(os.sep, "/")
        prefix = "" if here == "." else f"{here}/"
        found += [f"{prefix}{name}" for name in (*files, *linked)]
    return sorted(found)


def _staging(target: Path) -> Path:
    return target.parent / f".{target.name}.lodpipe-staging"


def _old(target: Path) -> Path:
    return target.parent / f".{target.name}.lodpipe-old"
