"""Fetching against a real HTTP server on loopback, one handler per way a server behaves."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from pipeline.documents.cache import MARKER, Cache, CacheError
from pipeline.documents.fetch import FetchCode, FetchSettings, Status, fetch_all
from pipeline.documents.manifest import read_manifest

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "documents"
PDF = (FIXTURES / "003.pdf").read_bytes()
DOCX = (FIXTURES / "003.docx").read_bytes()
ERROR_PAGE = b"<!DOCTYPE html><html><body><h1>Lapa nav atrasta</h1></body></html>"
FAST = FetchSettings(timeout=0.5, retries=2, backoff=0.01, max_bytes=128 * 1024, max_redirects=3)


class _State:
    def __init__(self) -> None:
        self.hits: dict[str, int] = {}
        self.headers: dict[str, dict[str, str]] = {}


def _handler(state: _State) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            path = self.path
            state.hits[path] = state.hits.get(path, 0) + 1
            state.headers[path] = dict(self.headers.items())
            if path == "/etag.pdf":
                if self.headers.get("If-None-Match") == '"v1"':
                    return self._send(304, b"", {"ETag": '"v1"'})
                return self._send(200, PDF, {"ETag": '"v1"', "Content-Type": "application/pdf"})
            if path == "/dated.docx":
                stamp = "Mon, 01 Jul 2024 10:00:00 GMT"
                if self.headers.get("If-Modified-Since") == stamp:
                    return self._send(304, b"", {})
                return self._send(200, DOCX, {"Last-Modified": stamp})
            if path == "/missing.pdf":
                return self._send(404, b"not here", {})
            if path == "/flaky.pdf":
                if state.hits[path] < 3:
                    return self._send(500, b"busy", {})
                return self._send(200, PDF, {"Content-Type": "application/pdf"})
            if path == "/down.pdf":
                return self._send(503, b"down", {})
            if path == "/slow.pdf":
                time.sleep(2)
                return self._send(200, PDF, {})
            if path.startswith("/loop"):
                n = int(path.removeprefix("/loop") or 0)
                return self._send(302, b"", {"Location": f"/loop{n + 1}"})
            if path == "/moved.pdf":
                return self._send(301, b"", {"Location": "/etag.pdf"})
            if path == "/huge.pdf":
                # No Content-Length: the limit must stop the stream itself.
                self.send_response(200)
                self.end_headers()
                for _ in range(64):
                    self.wfile.write(PDF[:4096] if _ == 0 else b"0" * 4096 * 8)
                return None
            if path == "/error-page.pdf":
                return self._send(200, ERROR_PAGE, {"Content-Type": "application/pdf"})
            return self._send(404, b"", {})

        def _send(self, code: int, body: bytes, headers: dict[str, str]) -> None:
            self.send_response(code)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


@pytest.fixture
def server() -> Iterator[tuple[str, _State]]:
    state = _State()
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler(state))
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", state
    finally:
        httpd.shutdown()
        httpd.server_close()


def _manifest(tmp_path: Path, base: str, *paths: str) -> Path:
    lines = ["url,title,published,notes"]
    lines += [f"{base}{p},Kopsavilkums {i},2024-0{i + 1}-01," for i, p in enumerate(paths)]
    manifest = tmp_path / "sources.csv"
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return manifest


def _files(cache: Path) -> set[str]:
    return {p.name for p in cache.iterdir()}


def test_etag_download_then_304_keeps_the_cached_bytes(
    tmp_path: Path, server: tuple[str, _State]
) -> None:
    base, state = server
    manifest, cache = _manifest(tmp_path, base, "/etag.pdf"), tmp_path / "cache"
    first = fetch_all(manifest, cache, FAST).results[0]
    assert first.status is Status.DOWNLOADED and first.changed
    assert first.entry is not None and first.entry.path.read_bytes() == PDF
    assert first.entry.etag == '"v1"' and first.entry.media_type == "application/pdf"
    meta = json.loads(first.entry.path.with_suffix(".json").read_text())
    assert meta["sha256"] == first.entry.sha256 and meta["retrieved"].endswith("Z")
    agent = state.headers["/etag.pdf"]["User-Agent"]
    assert agent.startswith("lodpipe/") and "+http" in agent

    again = fetch_all(manifest, cache, FAST)
    assert again.results[0].status is Status.NOT_MODIFIED and not again.changed
    assert state.headers["/etag.pdf"]["If-None-Match"] == '"v1"'
    assert again.results[0].entry is not None
    assert again.results[0].entry.retrieved == first.entry.retrieved


def test_last_modified_makes_the_second_request_conditional(
    tmp_path: Path, server: tuple[str, _State]
) -> None:
    base, state = server
    manifest, cache = _manifest(tmp_path, base, "/dated.docx"), tmp_path / "cache"
    assert fetch_all(manifest, cache, FAST).results[0].entry.media_type.endswith("document")  # type: ignore[union-attr]
    run = fetch_all(manifest, cache, FAST)
    assert run.results[0].status is Status.NOT_MODIFIED
    assert state.headers["/dated.docx"]["If-Modified-Since"] == "Mon, 01 Jul 2024 10:00:00 GMT"


def test_404_fails_at_once_naming_the_url(tmp_path: Path, server: tuple[str, _State]) -> None:
    base, state = server
    run = fetch_all(_manifest(tmp_path, base, "/missing.pdf"), tmp_path / "cache", FAST)
    problem = run.results[0].problem
    assert problem is not None and problem.code is FetchCode.HTTP_STATUS
    assert str(problem) == f"{base}/missing.pdf: HTTP 404 Not Found"
    assert state.hits["/missing.pdf"] == 1 and run.failed


def test_500_is_retried_with_backoff_until_it_succeeds(
    tmp_path: Path, server: tuple[str, _State]
) -> None:
    base, state = server
    waits: list[float] = []
    run = fetch_all(_manifest(tmp_path, base, "/flaky.pdf"), tmp_path / "cache", FAST, waits.append)
    assert run.results[0].status is Status.DOWNLOADED and run.results[0].attempts == 3
    assert waits == [0.01, 0.02]
    assert state.hits["/flaky.pdf"] == 3


def test_5xx_gives_up_after_the_retries(tmp_path: Path, server: tuple[str, _State]) -> None:
    base, state = server
    run = fetch_all(
        _manifest(tmp_path, base, "/down.pdf"), tmp_path / "cache", FAST, lambda s: None
    )
    assert run.results[0].problem is not None and "HTTP 503" in run.results[0].problem.message
    assert state.hits["/down.pdf"] == FAST.retries + 1


def test_a_slow_server_times_out(tmp_path: Path, server: tuple[str, _State]) -> None:
    base, _ = server
    settings = FetchSettings(timeout=0.3, retries=1, backoff=0.01)
    started = time.monotonic()
    run = fetch_all(_manifest(tmp_path, base, "/slow.pdf"), tmp_path / "cache", settings)
    assert time.monotonic() - started < 1.5
    problem = run.results[0].problem
    assert problem is not None and problem.code is FetchCode.TIMEOUT and "0.3 s" in problem.message


def test_a_redirect_loop_stops_at_the_limit(tmp_path: Path, server: tuple[str, _State]) -> None:
    base, state = server
    run = fetch_all(_manifest(tmp_path, base, "/loop"), tmp_path / "cache", FAST)
    problem = run.results[0].problem
    assert problem is not None and problem.code is FetchCode.TOO_MANY_REDIRECTS
    assert sum(v for k, v in state.hits.items() if k.startswith("/loop")) == FAST.max_redirects + 1


def test_a_redirect_is_followed_and_the_final_url_kept(
    tmp_path: Path, server: tuple[str, _State]
) -> None:
    base, _ = server
    entry = (
        fetch_all(_manifest(tmp_path, base, "/moved.pdf"), tmp_path / "cache", FAST)
        .results[0]
        .entry
    )
    assert entry is not None and entry.url == f"{base}/moved.pdf"
    assert entry.final_url == f"{base}/etag.pdf"


def test_an_oversized_file_is_refused_and_nothing_is_left(
    tmp_path: Path, server: tuple[str, _State]
) -> None:
    base, _ = server
    cache = tmp_path / "cache"
    run = fetch_all(_manifest(tmp_path, base, "/huge.pdf"), cache, FAST)
    problem = run.results[0].problem
    assert problem is not None and problem.code is FetchCode.TOO_LARGE
    assert _files(cache) == {MARKER}


def test_html_served_as_pdf_is_refused_named_and_not_cached(
    tmp_path: Path, server: tuple[str, _State]
) -> None:
    base, _ = server
    cache = tmp_path / "cache"
    run = fetch_all(_manifest(tmp_path, base, "/error-page.pdf", "/etag.pdf"), cache, FAST)
    bad, good = run.results
    assert bad.problem is not None and bad.problem.code is FetchCode.WRONG_TYPE
    assert str(bad.problem).startswith(
        f"{base}/error-page.pdf: expected PDF but the server sent HTML"
    )
    assert good.status is Status.DOWNLOADED  # the other source is still fetched
    assert len(_files(cache)) == 3  # the marker and one document with its metadata


def test_a_refused_download_keeps_the_previous_copy(
    tmp_path: Path, server: tuple[str, _State]
) -> None:
    base, _ = server
    cache = Cache(tmp_path / "cache")
    manifest = _manifest(tmp_path, base, "/etag.pdf")
    first = fetch_all(manifest, cache.folder, FAST).results[0].entry
    assert first is not None
    manifest.write_text(f"url\n{base}/etag.pdf\n", encoding="utf-8")
    assert cache.get(f"{base}/etag.pdf") == first


def test_a_foreign_folder_is_not_used_as_cache(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(CacheError, match="not a lodpipe download cache"):
        Cache(tmp_path)


def test_manifest_csv_and_toml(tmp_path: Path) -> None:
    csv_file = tmp_path / "sources.csv"
    csv_file.write_text(
        "url,title,published,notes\n"
        "https://www.km.gov.lv/a.pdf,Latgale,2024-09-01,\n"
        "ftp://example.org/b.pdf,,,\n"
        "https://www.km.gov.lv/c.docx,,1.9.2024,\n",
        encoding="utf-8",
    )
    read = read_manifest(csv_file)
    assert [s.url for s in read.sources] == ["https://www.km.gov.lv/a.pdf"]
    assert (
        read.sources[0].published is not None
        and read.sources[0].published.isoformat() == "2024-09-01"
    )
    assert [(e.line, e.message.split(":")[0]) for e in read.errors] == [
        (3, "not an http(s) URL"),
        (4, "published must be a date (YYYY-MM-DD), not '1.9.2024'"),
    ]
    toml_file = tmp_path / "sources.toml"
    toml_file.write_text(
        '[[source]]\nurl = "https://www.km.gov.lv/a.pdf"\npublished = 2024-09-01\nnotes = "Latgale"\n',
        encoding="utf-8",
    )
    (source,) = read_manifest(toml_file).sources
    assert source.notes == "Latgale" and source.published == read.sources[0].published
