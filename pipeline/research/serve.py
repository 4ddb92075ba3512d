"""A local web server for a built site: answers exactly as GitHub Pages does, and on request
adds what the w3id resolver adds (content negotiation, 303) and a SPARQL endpoint.

For previews and for researchers on their own machine; it binds loopback unless told not to.
Nothing here writes to the site folder. Requests are logged through `logging`, never printed.
"""

from __future__ import annotations

import email.utils
import gzip
import logging
import shutil
from collections.abc import Mapping
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path, PurePosixPath
from urllib.parse import unquote, urlsplit

from pipeline.rdf.serialise import ALTERNATES
from pipeline.research import negotiate
from pipeline.research.sparql_protocol import SPARQL_PATH, Reply, answer_sparql
from pipeline.store import Dataset, load_dataset, site_files

log = logging.getLogger(__name__)

#: Media types by extension, written out so they do not depend on the machine's mime.types.
#: Text types carry the charset GitHub Pages adds.
MEDIA_TYPES = {
    ".html": "text/html; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8",
    ".mjs": "text/javascript; charset=utf-8",
    ".svg": "image/svg+xml",
    ".json": "application/json; charset=utf-8",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
    ".md": "text/markdown; charset=utf-8",
    ".csv": "text/csv; charset=utf-8",
    ".ttl": "text/turtle; charset=utf-8",
    ".jsonld": "application/ld+json",
    ".nt": "application/n-triples",
    ".nq": "application/n-quads",
    ".trig": "application/trig",
    ".rdf": "application/rdf+xml",
    ".rq": "application/sparql-query",
    ".png": "image/png",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".gif": "image/gif",
    ".ico": "image/x-icon",
    ".webp": "image/webp",
    ".woff": "font/woff",
    ".woff2": "font/woff2",
    ".pdf": "application/pdf",
    ".zip": "application/zip",
    ".gz": "application/gzip",
}
DEFAULT_MEDIA_TYPE = "application/octet-stream"


#: GitHub Pages lets caches keep a response for ten minutes and allows any origin.
_COMMON_HEADERS = {"Cache-Control": "max-age=600", "Access-Control-Allow-Origin": "*"}

#: Largest request body we read (a SPARQL query); larger ones are refused with 413.
MAX_BODY = 1 << 20


#: Largest file compressed on the fly; larger ones (a big dump) are sent as they are.
MAX_GZIP = 16 * 1024 * 1024


def _compressible(kind: str) -> bool:
    base = kind.partition(";")[0]
    return base.startswith("text/") or base in {
        "application/json",
        "application/ld+json",
        "application/n-triples",
        "application/n-quads",
        "application/trig",
        "application/xml",
        "application/rdf+xml",
        "application/sparql-query",
        "image/svg+xml",
    }


def accepts_gzip(header: str | None) -> bool:
    """Whether an Accept-Encoding header admits gzip (RFC 9110 12.5.3: named or `*`, with a
    q-value above 0)."""
    found: dict[str, float] = {}
    for item in (header or "").split(","):
        coding, _, params = item.strip().lower().partition(";")
        q = 1.0
        name, _, value = params.strip().partition("=")
        if name.strip() == "q":
            try:
                q = float(value)
            except ValueError:
                q = 0.0
        if coding:
            found[coding.strip()] = q
    return found.get("gzip", found.get("x-gzip", found.get("*", 0.0))) > 0


def media_type(path: Path) -> str:
    return MEDIA_TYPES.get(path.suffix.lower(), DEFAULT_MEDIA_TYPE)


class SiteServer(ThreadingHTTPServer):
    """Serves one site folder. Start with `serve_forever()`, stop with `shutdown()` then
    `server_close()` (or use it as a context manager)."""

    daemon_threads = True

    def __init__(
        self,
        address: tuple[str, int],
        site_dir: Path,
        *,
        resolver: bool,
        dataset: Dataset | None,
    ) -> None:
        self.site_dir = site_dir.resolve()
        self.resolver = resolver
        self.dataset = dataset
        super().__init__(address, _Handler)

    @property
    def url(self) -> str:
        host, port = self.server_address[:2]
        shown = f"[{host!s}]" if ":" in str(host) else str(host)
        return f"http://{shown}:{port}"

    def handle_error(self, request: object, client_address: object) -> None:
        # The default prints a traceback to stderr; a library logs instead.
        log.exception("error while answering %s", client_address)


def make_server(
    site_dir: Path,
    host: str = "127.0.0.1",
    port: int = 8000,
    *,
    resolver: bool = False,
    sparql: bool = False,
) -> SiteServer:
    """A server for `site_dir`, bound but not yet serving. Port 0 picks a free port.

    With `sparql`, loads the site's dataset dump first; raises `DatasetError` when the
    site has none. Raises `FileNotFoundError` when `site_dir` is not a folder and `OSError`
    when the address cannot be bound.
    """
    if not site_dir.is_dir():
        raise FileNotFoundError(f"{site_dir}: no such folder")
    dataset = load_dataset(site_files(site_dir)) if sparql else None
    return SiteServer((host, port), site_dir, resolver=resolver, dataset=dataset)


class _Handler(BaseHTTPRequestHandler):
    server: SiteServer
    protocol_version = "HTTP/1.1"
    server_version = "lodpipe"

    def do_GET(self) -> None:
        self._answer(send_body=True)

    def do_HEAD(self) -> None:
        self._answer(send_body=False)

    def do_POST(self) -> None:
        body = self._read_body()
        if body is None:
            return
        if self._is_sparql():
            self._send_reply(self._sparql(body), send_body=True)
        else:
            self._send_text(HTTPStatus.METHOD_NOT_ALLOWED, "POST is only for /sparql\n", True)

    def do_OPTIONS(self) -> None:
        # The CORS preflight browsers send before a SPARQL POST from another origin.
        self.send_response(HTTPStatus.NO_CONTENT)
        self.send_header("Access-Control-Allow-Origin", "*")
        self.send_header("Access-Control-Allow-Methods", "GET, HEAD, POST, OPTIONS")
        self.send_header("Access-Control-Allow-Headers", "Accept, Content-Type")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format: str, *args: object) -> None:
        log.info("%s %s", self.address_string(), format % args)

    # -- routing -------------------------------------------------------------------------

    def _answer(self, send_body: bool) -> None:
        if self._is_sparql():
            self._send_reply(self._sparql(None), send_body)
            return
        path = self._decoded_path()
        if path is None:
            self._send_text(HTTPStatus.BAD_REQUEST, "bad path\n", send_body)
            return
        root = self.server.site_dir
        target = root.joinpath(*path.parts[1:]) if path.parts else root
        if not _inside(root, target):
            self._send_not_found(send_body)
        elif self._raw_path().endswith("/"):
            self._send_index(target, send_body)
        elif target.is_file():
            self._send_file(target, send_body)
        elif self.server.resolver and self._negotiate(target, send_body):
            return
        elif target.with_name(target.name + ".html").is_file():
            self._send_file(target.with_name(target.name + ".html"), send_body)
        elif target.is_dir():
            query = urlsplit(self.path).query
            location = self._raw_path() + "/" + (f"?{query}" if query else "")
            self._send_redirect(HTTPStatus.MOVED_PERMANENTLY, location, {}, send_body)
        else:
            self._send_not_found(send_body)

    def _send_index(self, folder: Path, send_body: bool) -> None:
        index = folder / "index.html"
        if folder.is_dir() and index.is_file():
            self._send_file(index, send_body)
        else:
            self._send_not_found(send_body)

    def _negotiate(self, target: Path, send_body: bool) -> bool:
        """Answers a resource IRI by content negotiation; False when it is not one."""
        if "." in target.name:
            return False
        found = {
            kind: target.with_name(target.name + ext)
            for kind, ext in ALTERNATES
            if target.with_name(target.name + ext).is_file()
        }
        if not found:
            return False
        offered = list(found)
        chosen = negotiate.choose(self.headers.get("Accept"), offered) or offered[0]
        vary = {"Vary": "Accept"}
        if chosen == "text/html":
            links = [
                f'<{found[kind].name}>; rel="alternate"; type="{kind}"'
                for kind in offered
                if kind != "text/html"
            ]
            extra = {**vary, "Link": ", ".join(links)} if links else vary
            self._send_file(found[chosen], send_body, extra)
        else:
            location = self._raw_path() + PurePosixPath(found[chosen].name).suffix
            self._send_redirect(HTTPStatus.SEE_OTHER, location, vary, send_body)
        return True

    # -- SPARQL ----------------------------------------------------------------------------

    def _is_sparql(self) -> bool:
        return self.server.dataset is not None and self._raw_path().rstrip("/") == SPARQL_PATH

    def _sparql(self, body: bytes | None) -> Reply:
        dataset = self.server.dataset
        assert dataset is not None  # checked by _is_sparql
        host = self.headers.get("Host") or self.server.url.removeprefix("http://")
        return answer_sparql(
            dataset,
            method=self.command,
            query_string=urlsplit(self.path).query,
            content_type=self.headers.get("Content-Type"),
            body=body,
            accept=self.headers.get("Accept"),
            endpoint_iri=f"http://{host}{SPARQL_PATH}",
        )

    def _read_body(self) -> bytes | None:
        length_header = self.headers.get("Content-Length")
        if length_header is None or not length_header.isdigit():
            self.close_connection = True
            self._send_text(HTTPStatus.LENGTH_REQUIRED, "Content-Length required\n", True)
            return None
        length = int(length_header)
        if length > MAX_BODY:
            self.close_connection = True
            self._send_text(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, "request too large\n", True)
            return None
        return self.rfile.read(length)

    # -- responses -------------------------------------------------------------------------

    def _send_file(
        self, path: Path, send_body: bool, extra: Mapping[str, str] | None = None
    ) -> None:
        self._send_file_status(HTTPStatus.OK, path, send_body, extra)

    def _send_file_status(
        self,
        status: HTTPStatus,
        path: Path,
        send_body: bool,
        extra: Mapping[str, str] | None = None,
    ) -> None:
        stat = path.stat()
        kind = media_type(path)
        packed = None
        if _compressible(kind) and stat.st_size <= MAX_GZIP and self._accepts_gzip():
            # GitHub Pages sends text gzip-compressed to clients that accept it: so do we,
            # so that what a browser (and Lighthouse) measures here is what Pages serves.
            packed = gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(packed) if packed else stat.st_size))
        self.send_header("Last-Modified", email.utils.formatdate(stat.st_mtime, usegmt=True))
        headers = {**_COMMON_HEADERS, **(extra or {})}
        if _compressible(kind):
            headers["Vary"] = ", ".join(filter(None, (headers.get("Vary"), "Accept-Encoding")))
        if packed:
            headers["Content-Encoding"] = "gzip"
        self._send_headers(headers)
        if send_body and packed:
            self.wfile.write(packed)
        elif send_body:
            with path.open("rb") as source:
                shutil.copyfileobj(source, self.wfile)

    def _accepts_gzip(self) -> bool:
        return accepts_gzip(self.headers.get("Accept-Encoding"))

    def _send_not_found(self, send_body: bool) -> None:
        page = self.server.site_dir / "404.html"
        if page.is_file():
            self._send_file_status(HTTPStatus.NOT_FOUND, page, send_body)
        else:
            self._send_text(HTTPStatus.NOT_FOUND, "404 Not Found\n", send_body)

    def _send_redirect(
        self, status: HTTPStatus, location: str, extra: Mapping[str, str], send_body: bool
    ) -> None:
        body = f'<a href="{location}">{location}</a>\n'.encode()
        self._send_bytes(
            Reply(status, "text/html; charset=utf-8", body, {"Location": location, **extra}),
            send_body,
        )

    def _send_text(self, status: HTTPStatus, text: str, send_body: bool) -> None:
        self._send_bytes(Reply(status, "text/plain; charset=utf-8", text.encode()), send_body)

    def _send_reply(self, reply: Reply, send_body: bool) -> None:
        self._send_bytes(reply, send_body)

    def _send_bytes(self, reply: Reply, send_body: bool) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(len(reply.body)))
        self._send_headers({**_COMMON_HEADERS, **reply.headers})
        if send_body:
            self.wfile.write(reply.body)

    def _send_headers(self, headers: Mapping[str, str]) -> None:
        for name, value in headers.items():
            self.send_header(name, value)
        self.end_headers()

    # -- paths -----------------------------------------------------------------------------

    def _raw_path(self) -> str:
        return urlsplit(self.path).path or "/"

    def _decoded_path(self) -> PurePosixPath | None:
        """The request path, percent-decoded; None when it tries to leave the site."""
        try:
            decoded = unquote(self._raw_path(), errors="strict")
        except UnicodeDecodeError:
            return None
        if "\x00" in decoded or "\\" in decoded or not decoded.startswith("/"):
            return None
        if any(part in ("..", ".") for part in decoded.split("/")):
            return None
        return PurePosixPath(decoded)


def _inside(root: Path, target: Path) -> bool:
    """True when `target`, with symlinks followed, is inside `root` (GitHub Pages does not
    follow links out of the repository either)."""
    try:
        target.resolve().relative_to(root)
    except (ValueError, OSError):
        return False
    return True
