"""Fetching the documents a sources manifest names into the download cache.

One request per source, conditional on what the cache holds (If-None-Match,
If-Modified-Since), streamed up to a size limit, with a timeout, a redirect limit, and
retries with exponential backoff on connection errors, timeouts and 5xx answers. What was
downloaded is judged by its bytes: an HTML page where a document was expected is refused
and not cached. Results and problems are values; nothing here prints or exits.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

import requests

from pipeline.documents.cache import DEFAULT_CACHE, Cache, CacheEntry, CacheError
from pipeline.documents.manifest import ManifestError, Source, read_manifest
from pipeline.documents.model import MediaType
from pipeline.documents.sniff import MEDIA_TYPES, Kind, sniff

PROJECT_URL = "https://w3id.org/lodpipe/"


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("lodpipe")
    except PackageNotFoundError:
        return "0"


@dataclass(frozen=True, slots=True)
class FetchSettings:
    timeout: float = 30.0  # seconds to connect, and between bytes received
    retries: int = 3  # further tries after the first, on connection errors, timeouts, 5xx
    backoff: float = 1.0  # seconds before the first retry; doubled for each next one
    max_bytes: int = 50 * 1024 * 1024
    max_redirects: int = 5
    user_agent: str = field(default_factory=lambda: f"lodpipe/{_version()} (+{PROJECT_URL})")


class Status(StrEnum):
    DOWNLOADED = "downloaded"  # new or changed bytes are in the cache
    NOT_MODIFIED = "not-modified"  # the server confirmed the cached copy (304)
    FAILED = "failed"


class FetchCode(StrEnum):
    HTTP_STATUS = "fetch.http-status"  # 4xx, or 5xx after the retries
    CONNECTION = "fetch.connection"
    TIMEOUT = "fetch.timeout"
    TOO_MANY_REDIRECTS = "fetch.too-many-redirects"
    TOO_LARGE = "fetch.too-large"
    WRONG_TYPE = "fetch.wrong-type"  # e.g. an HTML error page served as a PDF
    CACHE = "fetch.cache"


@dataclass(frozen=True, slots=True)
class FetchProblem:
    url: str
    code: FetchCode
    message: str

    def __str__(self) -> str:
        return f"{self.url}: {self.message}"


@dataclass(frozen=True, slots=True)
class FetchResult:
    source: Source
    status: Status
    entry: CacheEntry | None  # the cached document (also after a failure, if one was cached)
    problem: FetchProblem | None = None
    attempts: int = 1

    @property
    def changed(self) -> bool:
        return self.status is Status.DOWNLOADED


@dataclass(frozen=True, slots=True)
class FetchRun:
    results: tuple[FetchResult, ...]
    manifest_errors: tuple[ManifestError, ...]

    @property
    def changed(self) -> bool:
        """Whether a build is due: some source's bytes are new."""
        return any(r.changed for r in self.results)

    @property
    def failed(self) -> bool:
        return bool(self.manifest_errors) or any(r.problem for r in self.results)


def fetch_all(
    manifest: Path,
    cache_dir: Path = DEFAULT_CACHE,
    settings: FetchSettings | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> FetchRun:
    """Fetch every source the manifest names; one failure never stops the others."""
    read = read_manifest(manifest)
    settings = settings or FetchSettings()
    try:
        cache = Cache(cache_dir)
    except CacheError as exc:
        failed = tuple(
            FetchResult(s, Status.FAILED, None, FetchProblem(s.url, FetchCode.CACHE, str(exc)))
            for s in read.sources
        )
        return FetchRun(failed, read.errors)
    with requests.Session() as session:
        results = tuple(fetch_one(session, s, cache, settings, sleep) for s in read.sources)
    return FetchRun(results, read.errors)


def fetch_one(
    session: requests.Session,
    source: Source,
    cache: Cache,
    settings: FetchSettings,
    sleep: Callable[[float], None] = time.sleep,
) -> FetchResult:
    cached = cache.get(source.url)
    attempt = 0
    while True:
        attempt += 1
        outcome = _attempt(session, source, cache, cached, settings)
        retryable = isinstance(outcome, _Retry)
        if not retryable or attempt > settings.retries:
            break
        sleep(settings.backoff * 2 ** (attempt - 1))
    if isinstance(outcome, _Retry):
        outcome = outcome.problem
    if isinstance(outcome, FetchProblem):
        return FetchResult(source, Status.FAILED, cached, outcome, attempt)
    status, entry = outcome
    return FetchResult(source, status, entry, None, attempt)


@dataclass(frozen=True, slots=True)
class _Retry:
    problem: FetchProblem


def _attempt(
    session: requests.Session,
    source: Source,
    cache: Cache,
    cached: CacheEntry | None,
    settings: FetchSettings,
) -> tuple[Status, CacheEntry] | FetchProblem | _Retry:
    url = source.url
    session.max_redirects = settings.max_redirects
    headers = {"User-Agent": settings.user_agent}
    if cached is not None:
        if cached.etag:
            headers["If-None-Match"] = cached.etag
        if cached.last_modified:
            headers["If-Modified-Since"] = cached.last_modified
    try:
        with session.get(url, headers=headers, timeout=settings.timeout, stream=True) as response:
            if response.status_code == 304 and cached is not None:
                confirmed = dataclasses.replace(cached, checked=_now())
                cache.write_meta(confirmed)
                return Status.NOT_MODIFIED, confirmed
            if response.status_code >= 500:
                return _Retry(_status_problem(url, response))
            if response.status_code != 200:
                return _status_problem(url, response)
            return _download(response, source, cache, settings)
    except requests.TooManyRedirects:
        message = f"more than {settings.max_redirects} redirects (a redirect loop?)"
        return FetchProblem(url, FetchCode.TOO_MANY_REDIRECTS, message)
    except requests.Timeout:
        message = f"no answer within {settings.timeout:g} s"
        return _Retry(FetchProblem(url, FetchCode.TIMEOUT, message))
    except requests.ConnectionError as exc:
        return _Retry(
            FetchProblem(url, FetchCode.CONNECTION, f"connection failed ({_reason(exc)})")
        )
    except requests.RequestException as exc:
        return FetchProblem(url, FetchCode.CONNECTION, f"request failed ({_reason(exc)})")
    except OSError as exc:
        return FetchProblem(url, FetchCode.CACHE, f"cannot write the cache ({exc})")


def _download(
    response: requests.Response, source: Source, cache: Cache, settings: FetchSettings
) -> tuple[Status, CacheEntry] | FetchProblem:
    url = source.url
    declared = response.headers.get("Content-Length", "")
    if declared.isdigit() and int(declared) > settings.max_bytes:
        return _too_large(url, settings)
    digest = hashlib.sha256()
    size = 0
    with cache.incoming() as (handle, temp):
        for chunk in response.iter_content(chunk_size=64 * 1024):
            size += len(chunk)
            if size > settings.max_bytes:
                return _too_large(url, settings)
            digest.update(chunk)
            handle.write(chunk)
        handle.close()
        # A zip's directory is at its end: the whole download is judged, not its start.
        kind = sniff(temp.read_bytes())
        problem = _judge(url, response, kind)
        if problem is not None:
            return problem
        now = _now()
        entry = CacheEntry(
            url=url,
            final_url=response.url,
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
            retrieved=now,
            checked=now,
            sha256=digest.hexdigest(),
            media_type=str(MEDIA_TYPES.get(kind, "application/octet-stream")),
            size=size,
            path=temp,
        )
        return Status.DOWNLOADED, cache.store(temp, entry)


_BY_SUFFIX = {m.suffix: m for m in MediaType}


def _judge(url: str, response: requests.Response, kind: Kind) -> FetchProblem | None:
    """Refuse bytes that are not what the URL or the server said, or not a report format."""
    if kind not in MEDIA_TYPES:
        return FetchProblem(
            url, FetchCode.WRONG_TYPE, f"the download is not a report document ({kind})"
        )
    found = MEDIA_TYPES[kind]
    suffix = PurePosixPath(urlsplit(response.url).path).suffix.lower()
    claimed_type = response.headers.get("Content-Type", "").split(";")[0].strip().lower()
    expected = _BY_SUFFIX.get(suffix)
    if expected is None and claimed_type in {m.value for m in MediaType}:
        expected = MediaType(claimed_type)
    if expected is not None and expected is not found:
        return FetchProblem(
            url,
            FetchCode.WRONG_TYPE,
            f"expected {expected.suffix.lstrip('.').upper()} but the server sent "
            f"{found.suffix.lstrip('.').upper()} ({found.value}); not cached",
        )
    return None


def _status_problem(url: str, response: requests.Response) -> FetchProblem:
    reason = response.reason or ""
    return FetchProblem(url, FetchCode.HTTP_STATUS, f"HTTP {response.status_code} {reason}".strip())


def _too_large(url: str, settings: FetchSettings) -> FetchProblem:
    limit = settings.max_bytes
    return FetchProblem(
        url, FetchCode.TOO_LARGE, f"larger than the limit of {limit} bytes; not cached"
    )


def _reason(exc: Exception) -> str:
    text = str(exc).splitlines()[0] if str(exc) else exc.__class__.__name__
    return text[:200]


def _now() -> str:
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")
