"""Loads the built site into a SPARQL store through the SPARQL 1.1 Graph Store HTTP Protocol.

Three named graphs, each replaced as a whole by an HTTP PUT: the dataset, the vocabulary
(the concept schemes whose notations the research queries read) and the SHACL results.
Only what may pass on a second try is retried (no connection, 502/503/504), briefly; a
store that refuses or does not know the method stops the push at once, with a hint.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import pyoxigraph as ox
import requests
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth

from pipeline.rdf.iris import CatalogIris
from pipeline.rdf.serialise import open_dump
from pipeline.settings import (
    DUMP_DIR,
    VALIDATION_STEM,
    VOCABULARY_FILE,
    dump_files,
    dump_part_name,
    validation_files,
)

#: The environment variable holding the store's credentials (see `auth_from_env`).
AUTH_ENV = "LODPIPE_PUSH_AUTH"

_CONTENT_TYPES = {
    ".nt": "application/n-triples",
    ".ttl": "text/turtle",
    ".nq": "application/n-quads",
}
_PARSE_FORMATS = {
    ".nt": ox.RdfFormat.N_TRIPLES,
    ".ttl": ox.RdfFormat.TURTLE,
    ".nq": ox.RdfFormat.N_QUADS,
}

#: Answers worth a second try: a proxy or store that is restarting or overloaded.
_TRANSIENT = frozenset({502, 503, 504})
#: Seconds to wait for a connection; a store that is up accepts at once.
_CONNECT_TIMEOUT = 5.0
#: How much of a refusal's body goes into the error message.
_MAX_MESSAGE = 300
_TAG = re.compile(r"<[^>]*>")

#: Where each store answers the Graph Store Protocol, for the hint when the URL is wrong.
_GSP_HINT = (
    "is --endpoint the store's Graph Store Protocol URL? Oxigraph: .../store, "
    "Fuseki: .../DATASET/data, GraphDB: .../repositories/REPO/rdf-graphs/service, "
    "Virtuoso: .../sparql-graph-crud-auth (older versions: --gsp-url "
    "'.../sparql-graph-crud-auth?graph-uri={graph}')"
)


class PushError(Exception):
    """The store refused the data, or could not be reached after every retry.

    `status` is the HTTP status of the last answer (None when there was none).
    """

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class PushResult:
    path: Path  # the file sent
    url: str  # where the graph was PUT
    graph: str  # the named graph's IRI
    status: int  # the store's answer: 200, 201 or 204
    triples: int  # triples sent
    size: int  # bytes sent
    attempts: int


@dataclass(frozen=True, slots=True)
class Policy:
    """How long to wait and how often to try again: `timeout` seconds for each answer
    (connecting waits at most 5 s), `retries` repeats of a transient failure, waiting
    `backoff` seconds, then twice that, and so on."""

    timeout: float = 60.0
    retries: int = 2
    backoff: float = 0.5


@dataclass(frozen=True, slots=True)
class SiteGraph:
    """One file of the built site and the named graph it is pushed to."""

    path: Path
    graph: str
    #: a later part of a dump published split: added to the graph its first part replaced
    append: bool = False


def site_graphs(site_dir: Path, base_iri: str) -> tuple[SiteGraph, ...]:
    """The site's files a store needs for the research queries, with their graph IRIs:
    `<base>data/dataset` (the dataset's own IRI, as in the catalogue and VoID),
    `<base>data/vocabulary` and `<base>data/validation`."""
    data = site_dir / DUMP_DIR
    iris = CatalogIris(base_iri)
    return (
        *(SiteGraph(path, str(iris.dataset), n > 0) for n, path in enumerate(_dump(data))),
        SiteGraph(data / VOCABULARY_FILE, str(iris.vocabulary_graph)),
        *(
            SiteGraph(path, str(iris.validation_graph), n > 0)
            for n, path in enumerate(_validation(data))
        ),
    )


def _validation(data: Path) -> list[Path]:
    """The SHACL results: their compressed file or parts (see `_dump`)."""
    return validation_files(data) or [data / dump_part_name("nt", stem=VALIDATION_STEM)]


def _dump(data: Path) -> list[Path]:
    """The N-Triples dump: its compressed file, all its parts when it was published
    split, or a plain file (a dump put there by hand)."""
    return dump_files(data, "nt") or [data / dump_part_name("nt")]


class BearerAuth(AuthBase):
    """`Authorization: Bearer <token>` (GraphDB, Fuseki behind a proxy, hosted stores)."""

    def __init__(self, token: str) -> None:
        self.token = token

    def __call__(self, request: requests.PreparedRequest) -> requests.PreparedRequest:
        request.headers["Authorization"] = f"Bearer {self.token}"
        return request


def auth_from_env(
    environ: Mapping[str, str] | None = None, name: str = AUTH_ENV
) -> AuthBase | None:
    """Credentials from the environment, never from the command line (which `ps` shows).

    `user:password` is HTTP Basic; `Bearer TOKEN` a bearer token; `Digest user:password`
    HTTP Digest (Virtuoso's /sparql-graph-crud-auth). Unset or empty: no credentials.
    """
    value = (os.environ if environ is None else environ).get(name, "").strip()
    if not value:
        return None
    scheme, _, rest = value.partition(" ")
    if scheme.lower() == "bearer" and rest.strip():
        return BearerAuth(rest.strip())
    if scheme.lower() == "digest" and ":" in rest:
        user, _, password = rest.strip().partition(":")
        return HTTPDigestAuth(user, password)
    if ":" in value:
        user, _, password = value.partition(":")
        # As UTF-8 bytes (RFC 7617): requests would encode str as Latin-1 and fail on "ē".
        return HTTPBasicAuth(user.encode("utf-8"), password.encode("utf-8"))
    raise PushError(f"{name} must be 'user:password', 'Bearer TOKEN' or 'Digest user:password'")


def graph_store_url(endpoint: str, graph_iri: str, gsp_url: str | None = None) -> str:
    """The URL to PUT to.

    By default indirect graph identification: `{endpoint}?graph={iri}` (appending with `&`
    when the endpoint already has a query). `gsp_url` overrides that for stores that name
    the parameter differently; its `{graph}` is replaced by the encoded graph IRI.
    """
    encoded = quote(graph_iri, safe="")
    if gsp_url is not None:
        return gsp_url.replace("{graph}", encoded)
    separator = "&" if urlsplit(endpoint).query else "?"
    return f"{endpoint}{separator}graph={encoded}"


def push_site(
    site_dir: Path,
    endpoint: str,
    base_iri: str,
    *,
    gsp_url: str | None = None,
    environ: Mapping[str, str] | None = None,
    timeout: float = 60.0,
    retries: int = 2,
    backoff: float = 0.5,
) -> tuple[PushResult, ...]:
    """Replaces the dataset, vocabulary and validation graphs (`site_graphs`) in the store.

    Every file is checked before anything is sent, so a site missing one changes nothing.
    When a later graph fails, the message says which graphs were already replaced.
    `timeout`, `retries` and `backoff` as for `push_dataset`.
    """
    return push_graphs(
        site_graphs(site_dir, base_iri),
        endpoint,
        gsp_url=gsp_url,
        environ=environ,
        policy=Policy(timeout, retries, backoff),
    )


def push_graphs(
    graphs: Sequence[SiteGraph],
    endpoint: str,
    *,
    gsp_url: str | None = None,
    environ: Mapping[str, str] | None = None,
    policy: Policy | None = None,
    session: requests.Session | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> tuple[PushResult, ...]:
    """Pushes each file to its graph in order; see `push_site`. Messages start with the
    file's path."""
    policy = policy or Policy()
    for item in graphs:
        _check_file(item.path)
    auth = auth_from_env(environ)  # a malformed variable stops before anything is sent
    http = session or requests.Session()
    done: list[PushResult] = []
    for item in graphs:
        try:
            done.append(
                _put(
                    item.path,
                    graph_store_url(endpoint, item.graph, gsp_url),
                    item.graph,
                    auth,
                    http,
                    sleep,
                    policy,
                    "POST" if item.append else "PUT",
                )
            )
        except PushError as error:
            replaced = ", ".join(f"<{result.graph}>" for result in done)
            already = f" (already replaced: {replaced})" if done else ""
            raise PushError(f"{item.path}: {error}{already}", error.status) from None
    return tuple(done)


def push_dataset(
    dump_path: Path,
    endpoint: str,
    graph_iri: str,
    *,
    gsp_url: str | None = None,
    auth_env: str = AUTH_ENV,
    environ: Mapping[str, str] | None = None,
    timeout: float = 60.0,
    retries: int = 2,
    backoff: float = 0.5,
    session: requests.Session | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> PushResult:
    """Replaces the named graph `graph_iri` in the store with one file's triples.

    `timeout` is how long to wait for each answer (connecting waits at most 5 s);
    `retries` is how many times a transient failure is repeated, waiting `backoff`, then
    twice that, and so on. Raises `PushError`.
    """
    _check_file(dump_path)
    auth = auth_from_env(environ, auth_env)
    http = session or requests.Session()
    url = graph_store_url(endpoint, graph_iri, gsp_url)
    policy = Policy(timeout, retries, backoff)
    return _put(dump_path, url, graph_iri, auth, http, sleep, policy)


def _syntax(path: Path) -> str:
    """The extension of the RDF syntax a file holds, also when it is gzip-compressed."""
    plain = path.with_suffix("") if path.suffix.lower() == ".gz" else path
    return plain.suffix.lower()


def _check_file(path: Path) -> None:
    if _syntax(path) not in _CONTENT_TYPES:
        raise PushError(f"{path}: push takes an N-Triples, Turtle or N-Quads file")
    if not path.is_file():
        raise PushError(f"{path}: no such file; build the site first (lodpipe build)")


def _put(
    path: Path,
    url: str,
    graph_iri: str,
    auth: AuthBase | None,
    http: requests.Session,
    sleep: Callable[[float], None],
    policy: Policy,
    method: str = "PUT",
) -> PushResult:
    headers = {"Content-Type": _CONTENT_TYPES[_syntax(path)], "Accept": "*/*"}
    timeout, backoff = policy.timeout, policy.backoff
    connect = min(_CONNECT_TIMEOUT, timeout)
    attempts = policy.retries + 1
    failure = ""
    last_status: int | None = None
    for attempt in range(1, attempts + 1):
        if attempt > 1:
            sleep(backoff * 2 ** (attempt - 2))
        try:
            # Opened per attempt so a retry sends the file from its start.
            # A compressed dump is sent as the N-Triples it holds, streamed.
            with open_dump(path) as data:
                response = http.request(
                    method,
                    url,
                    data=data,
                    headers=headers,
                    auth=auth,
                    timeout=(connect, timeout),
                )
        except requests.ConnectionError as error:  # includes a connect timeout
            failure, last_status = _no_answer(url, error, connect), None
            continue
        except requests.Timeout:
            # The store took the data and is still working: sending it again would only
            # start the same work over.
            raise PushError(
                f"{_where(url)} did not answer within {timeout:g} s after the data was "
                "sent; it may still be loading: raise --timeout"
            ) from None
        except requests.RequestException as error:
            raise PushError(f"cannot send to {url}: {error}") from None
        if response.status_code in _TRANSIENT:
            failure, last_status = _refusal(url, response), response.status_code
            continue
        if response.status_code >= 300:
            raise PushError(_refusal(url, response), response.status_code)
        return PushResult(
            path=path,
            url=url,
            graph=graph_iri,
            status=response.status_code,
            triples=_count_triples(path),
            size=path.stat().st_size,
            attempts=attempt,
        )
    tries = "1 attempt" if attempts == 1 else f"{attempts} attempts"
    raise PushError(f"gave up after {tries}: {failure}", last_status)


def _where(url: str) -> str:
    parts = urlsplit(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    return f"{parts.hostname}:{port}"


def _no_answer(url: str, error: requests.ConnectionError, connect: float) -> str:
    """`nothing answered at host:port (Connection refused)`: the socket's own reason, not
    the HTTP library's nested description."""
    reason = "no connection"
    seen: BaseException | None = error
    while seen is not None:
        if isinstance(seen, OSError) and seen.strerror:
            reason = seen.strerror
            break
        nested = getattr(seen, "reason", None)
        following = seen.__cause__ or seen.__context__
        if following is None and isinstance(nested, BaseException):
            following = nested
        if following is None and seen.args and isinstance(seen.args[0], BaseException):
            following = seen.args[0]
        seen = following
    if isinstance(error, requests.ConnectTimeout):
        reason = f"no connection within {connect:g} s"
    return (
        f"nothing answered at {_where(url)} ({reason}): is the store running, is --endpoint right?"
    )


def _refusal(url: str, response: requests.Response) -> str:
    text = response.text
    if "html" in response.headers.get("Content-Type", ""):
        text = _TAG.sub(" ", text)
    text = " ".join(text.split())[:_MAX_MESSAGE]
    status = response.status_code
    hint = ""
    if status == 401:
        hint = f" (check the credentials in {AUTH_ENV})"
    elif status == 403:
        hint = " (the store does not let these credentials write)"
    elif status in (404, 405, 501):
        hint = f" ({_GSP_HINT})"
    elif status == 413:
        hint = " (the store or a proxy in front of it limits the request size)"
    reason = f"{status} {response.reason}".strip()
    return f"the store at {url} answered {reason} to PUT{hint}" + (f": {text}" if text else "")


def _count_triples(path: Path) -> int:
    """Triples in the file as the store reads them (also for Turtle, which has no one
    triple per line)."""
    with open_dump(path) as stream:
        return sum(1 for _ in ox.parse(stream, format=_PARSE_FORMATS[_syntax(path)]))
