"""The sources manifest: where the reports are published (CSV or TOML).

CSV has the header `url,title,published,notes`; TOML has one `[[source]]` table per
document with the same keys. Only `url` is required; `published` is an ISO date.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import tomllib
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

COLUMNS = ("url", "title", "published", "notes")


@dataclass(frozen=True, slots=True)
class Source:
    url: str
    title: str | None = None
    published: dt.date | None = None
    notes: str = ""
    line: int | None = None  # where the manifest names it (CSV line; None for TOML)


@dataclass(frozen=True, slots=True)
class ManifestError:
    file: str
    line: int | None
    message: str

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line is not None else self.file
        return f"{where}: {self.message}"


@dataclass(frozen=True, slots=True)
class Manifest:
    sources: tuple[Source, ...]
    errors: tuple[ManifestError, ...]


def read_manifest(path: Path) -> Manifest:
    file = path.as_posix()
    try:
        raw = path.read_bytes().decode("utf-8-sig")
    except OSError as exc:
        return Manifest((), (ManifestError(file, None, exc.strerror or "cannot be read"),))
    except UnicodeDecodeError:
        return Manifest((), (ManifestError(file, None, "the manifest is not UTF-8 text"),))
    if path.suffix.lower() == ".toml":
        return _from_toml(raw, file)
    return _from_csv(raw, file)


def _from_csv(raw: str, file: str) -> Manifest:
    reader = csv.DictReader(io.StringIO(raw))
    header = tuple(reader.fieldnames or ())
    if "url" not in header or any(name not in COLUMNS for name in header):
        message = f"the header must be {','.join(COLUMNS)} (url required), not {','.join(header)}"
        return Manifest((), (ManifestError(file, 1, message),))
    rows: list[tuple[int | None, dict[str, str]]] = []
    for row in reader:
        if not any((v or "").strip() for v in row.values() if isinstance(v, str)):
            continue
        rows.append((reader.line_num, {k: (v or "").strip() for k, v in row.items() if k}))
    return _validate(rows, file)


def _from_toml(raw: str, file: str) -> Manifest:
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        return Manifest((), (ManifestError(file, None, f"not valid TOML: {exc}"),))
    entries = data.get("source", [])
    if not isinstance(entries, list):
        return Manifest((), (ManifestError(file, None, "[[source]] must be an array of tables"),))
    rows: list[tuple[int | None, dict[str, str]]] = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        fields: dict[str, str] = {}
        for key, value in entry.items():
            fields[key] = value.isoformat() if isinstance(value, dt.date) else str(value)
        rows.append((None, fields))
    return _validate(rows, file)


def _validate(rows: list[tuple[int | None, dict[str, str]]], file: str) -> Manifest:
    sources: list[Source] = []
    errors: list[ManifestError] = []
    seen: set[str] = set()
    for line, row in rows:
        unknown = sorted(set(row) - set(COLUMNS))
        url = row.get("url", "").strip()
        parts = urlsplit(url)
        if unknown:
            errors.append(ManifestError(file, line, f"unknown key(s): {', '.join(unknown)}"))
            continue
        if parts.scheme not in ("http", "https") or not parts.netloc:
            errors.append(ManifestError(file, line, f"not an http(s) URL: {url!r}"))
            continue
        if url in seen:
            errors.append(ManifestError(file, line, f"listed twice: {url}"))
            continue
        published = None
        if row.get("published"):
            try:
                published = dt.date.fromisoformat(row["published"])
            except ValueError:
                message = f"published must be a date (YYYY-MM-DD), not {row['published']!r}"
                errors.append(ManifestError(file, line, message))
                continue
        seen.add(url)
        sources.append(Source(url, row.get("title") or None, published, row.get("notes", ""), line))
    return Manifest(tuple(sources), tuple(errors))
