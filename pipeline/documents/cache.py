"""The download cache: a folder of its own holding each document and its metadata.

Every document is stored as `<key>.bin` with `<key>.json` beside it (key: SHA-256 of the
URL). Both are written to a temporary file and moved into place, the document first: an
entry exists once its metadata does, so an interrupted download leaves nothing half-written.
The folder carries a CACHEDIR.TAG, and a non-empty folder without one is refused, so that a
mistyped path never has its files mixed with downloads.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import tempfile
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import IO

DEFAULT_CACHE = Path(".lodpipe-cache") / "downloads"
MARKER = "CACHEDIR.TAG"
_TAG = (
    "Signature: 8a477f597d28d172789f06886806bc55\n"
    "# lodpipe's download cache: documents fetched from the sources manifest.\n"
)


class CacheError(Exception):
    """The cache folder cannot be used (not ours, or not writable)."""


@dataclass(frozen=True, slots=True)
class CacheEntry:
    url: str
    final_url: str  # after redirects
    etag: str | None
    last_modified: str | None  # as the server sent it
    retrieved: str  # when these bytes were downloaded, UTC ISO 8601
    checked: str  # when the server last confirmed them (a download or a 304), UTC ISO 8601
    sha256: str
    media_type: str
    size: int
    path: Path  # the document's bytes

    def to_json(self) -> dict[str, object]:
        data = asdict(self)
        data["path"] = self.path.name
        return data


class Cache:
    def __init__(self, folder: Path = DEFAULT_CACHE) -> None:
        self.folder = folder
        if folder.exists() and not (folder / MARKER).exists() and any(folder.iterdir()):
            raise CacheError(
                f"{folder}: not a lodpipe download cache (no {MARKER}); refusing to use it"
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
            if not (folder / MARKER).exists():
                self._write_atomic(folder / MARKER, _TAG.encode())
        except OSError as exc:
            raise CacheError(f"{folder}: {exc.strerror or exc}") from exc

    @staticmethod
    def key(url: str) -> str:
        return hashlib.sha256(url.encode("utf-8")).hexdigest()[:32]

    def get(self, url: str) -> CacheEntry | None:
        key = self.key(url)
        meta, data = self.folder / f"{key}.json", self.folder / f"{key}.bin"
        try:
            raw = json.loads(meta.read_text(encoding="utf-8"))
            entry = CacheEntry(**{**raw, "path": data})
        except (OSError, ValueError, TypeError):
            return None
        if entry.url != url or not data.exists() or data.stat().st_size != entry.size:
            return None
        return entry

    @contextlib.contextmanager
    def incoming(self) -> Iterator[tuple[IO[bytes], Path]]:
        """A temporary file in the cache folder, removed unless `store` moved it in."""
        fd, name = tempfile.mkstemp(prefix=".incoming-", dir=self.folder)
        path = Path(name)
        try:
            with os.fdopen(fd, "wb") as handle:
                yield handle, path
        finally:
            path.unlink(missing_ok=True)

    def store(self, temp: Path, entry: CacheEntry) -> CacheEntry:
        key = self.key(entry.url)
        target = self.folder / f"{key}.bin"
        os.replace(temp, target)
        stored = CacheEntry(**{**asdict(entry), "path": target})
        self.write_meta(stored)
        return stored

    def write_meta(self, entry: CacheEntry) -> None:
        text = json.dumps(entry.to_json(), indent=2, sort_keys=True) + "\n"
        self._write_atomic(self.folder / f"{self.key(entry.url)}.json", text.encode("utf-8"))

    def _write_atomic(self, target: Path, data: bytes) -> None:
        fd, name = tempfile.mkstemp(prefix=".incoming-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(name, target)
        except BaseException:
            Path(name).unlink(missing_ok=True)
            raise
