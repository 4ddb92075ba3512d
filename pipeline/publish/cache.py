"""The build cache: one entry per report's outputs, addressed by everything they depend on.

An entry's key hashes the report file's bytes and name, the code, vocabulary, shapes,
templates and static files (`code_version`), the settings, and what the report takes from
the other reports (its implementer's organisation key, the build date, links into its
pages). An unchanged report is then neither parsed again... nor mapped, validated or
rendered: its files are linked from the entry into the new site.

The cache lives in a folder of its own, marked as lodpipe's (`MARKER`); an entry is written
in a temporary folder and renamed into place, so an interrupted build leaves no half
entry. Deleting the folder is always safe: the next build is a cold one.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import os
import pickle
import shutil
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path

from pipeline.publish import pickling
from pipeline.settings import ONTOLOGY, SHAPES, resource_dir

#: Where `lodpipe build` keeps it unless told otherwise, beside the download cache.
DEFAULT_BUILD_CACHE = Path(".lodpipe-cache") / "build"
MARKER = ".lodpipe-cache"
_MARKER_TEXT = "A cache of lodpipe build; safe to delete (the next build is then a cold one).\n"
#: Bumped when the entry layout changes.
_LAYOUT = b"lodpipe-build-cache 3"
_OUTPUT = "output.pickle"
#: The libraries whose work is kept in the cache besides lodpipe's own.
_LIBRARIES = (
    "rdflib",
    "pyshacl",
    "pyoxigraph",
    "jinja2",
    "python-docx",
    "pdfplumber",
    "pdfminer.six",
)


class CacheRefused(Exception):
    """The cache folder exists and is not lodpipe's."""


@functools.cache
def code_version() -> str:
    """A digest of everything besides the input that a report's outputs depend on: the
    pipeline's code, the vocabulary, the shapes, the templates and the static files."""
    package = Path(__file__).resolve().parents[1]
    site = package.parent / "site"
    roots = [package, resource_dir(ONTOLOGY), resource_dir(SHAPES), site]
    digest = hashlib.sha256(_LAYOUT)
    # Another rdflib, pyshacl, pyoxigraph or Jinja may parse, check or write otherwise.
    for library in _LIBRARIES:
        digest.update(f"{library}=={_version(library)}\0".encode())
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            if "__pycache__" in path.parts:
                continue
            digest.update(path.relative_to(root.parent).as_posix().encode("utf-8") + b"\0")
            digest.update(hashlib.sha256(path.read_bytes()).digest())
    return digest.hexdigest()


def _version(library: str) -> str:
    try:
        return importlib.metadata.version(library)
    except importlib.metadata.PackageNotFoundError:
        return "absent"


def entry_key(parts: Iterable[bytes]) -> str:
    digest = hashlib.sha256(code_version().encode("ascii"))
    for part in parts:
        digest.update(len(part).to_bytes(8, "big") + part)
    return digest.hexdigest()


class BuildCache:
    """Entries under `<root>/entries/<key[:2]>/<key>/`, each with its pickled output: a
    report as read (its record beside it), a report's outputs (the files as they go into
    the site under `files/`, its dump chunk, its summary), or a rendered page."""

    def __init__(self, root: Path) -> None:
        self.root = root
        if root.exists() and any(root.iterdir()) and not (root / MARKER).is_file():
            raise CacheRefused(f"{root}: exists and was not written by lodpipe; choose another")
        (root / "entries").mkdir(parents=True, exist_ok=True)
        if not (root / MARKER).is_file():
            (root / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
        self.used: set[str] = set()

    def entry(self, key: str) -> Path:
        return self.root / "entries" / key[:2] / key

    def stored(self, key: str) -> Path:
        """The file holding the output of the entry of `key` (pickled)."""
        return self.entry(key) / _OUTPUT

    def load(self, key: str, name: str = _OUTPUT) -> object | None:
        """The output of the entry of `key`, or the file `name` written beside it."""
        path = self.entry(key) / name
        try:
            loaded: object = pickle.loads(path.read_bytes())
            self.used.add(key)
            return loaded
        except Exception:  # absent, damaged or written by other code: built again
            return None

    def new_entry(self) -> Path:
        """A temporary folder to write an entry into (see `commit`)."""
        (self.root / "tmp").mkdir(exist_ok=True)
        return Path(tempfile.mkdtemp(dir=self.root / "tmp"))

    def commit(self, staging: Path, key: str, output: object) -> Path:
        """Make the entry written in `staging` the entry of `key`, atomically."""
        (staging / _OUTPUT).write_bytes(pickling.dumps(output))
        target = self.entry(key)
        target.parent.mkdir(parents=True, exist_ok=True)
        self.used.add(key)
        try:
            os.rename(staging, target)
        except OSError:
            # Another build wrote the same entry meanwhile: same key, same content.
            shutil.rmtree(staging, ignore_errors=True)
        return target

    def discard(self, key: str) -> None:
        """Remove the entry of `key` (damaged: it is made again). Only inside our marked
        folder."""
        if (self.root / MARKER).is_file():
            shutil.rmtree(self.entry(key), ignore_errors=True)

    def recall(
        self, key: str, out_dir: Path, names: Sequence[str] | None = None
    ) -> tuple[str, ...] | None:
        """A page kept under `key` (see `remember`), linked into `out_dir`: its file names.

        `names` are the files the caller knows the page has (its key covers them): given,
        the entry's list of them is not read. Nothing already in `out_dir` is replaced:
        where a name is taken, or the entry is damaged, what this call linked goes again
        and the page is rendered instead."""
        entry = entry_key([b"page", key.encode("ascii")])
        if names is None:
            listed = self.load(entry)
            if not isinstance(listed, tuple):
                return None
            names = listed
        elif self.entry(entry).is_dir():
            self.used.add(entry)
        else:
            return None
        if not _link_new(self.entry(entry) / "files", out_dir, names):
            return None
        return tuple(names)

    def remember(self, key: str, files: Mapping[str, bytes]) -> None:
        """Keep a rendered page and its alternates under `key`, a digest of their inputs."""
        staging = self.new_entry()
        for name, data in files.items():
            target = staging / "files" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        self.commit(staging, entry_key([b"page", key.encode("ascii")]), tuple(sorted(files)))

    def prune(self) -> None:
        """Remove the entries this build did not use (older inputs, older code), so the
        cache stays about the size of one site. Only inside our marked folder."""
        if not (self.root / MARKER).is_file():
            return
        for entry in (self.root / "entries").glob("*/*"):
            if entry.name not in self.used:
                shutil.rmtree(entry, ignore_errors=True)

    def clear_temporary(self) -> None:
        """Leftovers of interrupted builds (inside our marked folder only)."""
        if (self.root / MARKER).is_file():
            shutil.rmtree(self.root / "tmp", ignore_errors=True)


def link_tree(source: Path, target: Path, names: Iterable[str]) -> None:
    """Put the files `names` (relative) of `source` under `target`: hard links, which
    cost no copy; a copy where links are not possible (another file system)."""
    # Strings, not paths: a rebuild links tens of thousands of files.
    made: set[str] = set()
    source_dir, target_dir = os.fspath(source), os.fspath(target)
    for name in names:
        destination = os.path.join(target_dir, name)
        parent = os.path.dirname(destination)
        if parent not in made:
            os.makedirs(parent, exist_ok=True)
            made.add(parent)
        try:
            os.link(os.path.join(source_dir, name), destination)
        except OSError:
            shutil.copyfile(os.path.join(source_dir, name), destination)


def _link_new(source: Path, target: Path, names: Sequence[str]) -> bool:
    """`link_tree` that never replaces a file: False (and what it linked removed again)
    where a name is taken under `target` or missing under `source`."""
    made: list[str] = []
    source_dir, target_dir = os.fspath(source), os.fspath(target)
    folders: set[str] = set()
    try:
        for name in names:
            destination = os.path.join(target_dir, name)
            parent = os.path.dirname(destination)
            if parent not in folders:
                os.makedirs(parent, exist_ok=True)
                folders.add(parent)
            origin = os.path.join(source_dir, name)
            try:
                os.link(origin, destination)
                made.append(destination)
            except FileExistsError:
                raise
            except OSError:
                # Another file system: a copy, which must not replace a file either.
                with open(origin, "rb") as reader, open(destination, "xb") as writer:
                    made.append(destination)
                    shutil.copyfileobj(reader, writer)
    except OSError:
        for destination in made:
            os.unlink(destination)
        return False
    return True
