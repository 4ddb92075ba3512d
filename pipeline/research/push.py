"""Loads the dataset dump into a SPARQL store through the SPARQL 1.1 Graph Store HTTP Protocol.

One named graph per dataset, replaced as a whole by an HTTP PUT. Retries only what may pass
on a second try (5xx, lost connections); a store that refuses (4xx) stops the push at once.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import quote, urlsplit

import requests
from requests.auth import AuthBase, HTTPBasicAuth, HTTPDigestAuth

#: The environment variable holding the store's credentials (see `auth_from_env`).
AUTH_ENV = "LODPIPE_PUSH_AUTH"

_CONTENT_TYPES = {
    ".nt": "application/n-triples",
    ".ttl": "text/turtle",
    ".nq": "application/n-quads",
}

#: How much of a refusal's body goes into the error message.
_MAX_MESSAGE = 500


class PushError(Exception):
    """The store refused the data, or could not be reached after every retry.

    `status` is the HTTP status of the last answer (None when there was none).
    """

    def __init__(self, message: str, status: int | None = None) -> None:
        super().__init__(message)
        self.status = status


@dataclass(frozen=True, slots=True)
class PushResult:
    url: str  # where the graph was PUT
    graph: str  # the named graph's IRI
    status: int  # the store's answer: 200, 201 or 204
    triples: int | None  # lines of N-Triples sent; None for other formats
    size: int  # bytes sent
    attempts: int


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


def push_dataset(
    dump_path: Path,
    endpoint: str,
    graph_iri: str,
    *,
    gsp_url: str | None = None,
    auth_env: str = AUTH_ENV,
    environ: Mapping[str, str] | None = None,
    timeout: float = 60.0,
    retries: int = 3,
    backoff: float = 1.0,
    session: requests.Session | None = None,
    sleep: Callable[[float], None] = time.sleep,
) -> PushResult:
    """Replaces the named graph `graph_iri` in the store with the dump's triples.

    `timeout` is per request (connect and each read); `retries` is how many times a failed
    attempt is repeated, waiting `backoff`, then twice that, and so on. Raises `PushError`.
    """
    content_type = _CONTENT_TYPES.get(dump_path.suffix.lower())
    if content_type is None:
        raise PushError(f"{dump_path}: push takes an N-Triples, Turtle or N-Quads file")
    if not dump_path.is_file():
        raise PushError(f"{dump_path}: no such file; build the site first (lodpipe build)")
    auth = auth_from_env(environ, auth_env)
    url = graph_store_url(endpoint, graph_iri, gsp_url)
    headers = {"Content-Type": content_type, "Accept": "*/*"}
    http = session or requests.Session()
    failure = ""
    last_status: int | None = None
    for attempt in range(1, retries + 2):
        if attempt > 1:
            sleep(backoff * 2 ** (attempt - 2))
        try:
            # Opened per attempt so a retry sends the file from its start.
            with dump_path.open("rb") as data:
                response = http.put(url, data=data, headers=headers, auth=auth, timeout=timeout)
        except (requests.ConnectionError, requests.Timeout) as error:
            failure, last_status = f"no answer from {url}: {error}", None
            continue
        except requests.RequestException as error:
            raise PushError(f"cannot send to {url}: {error}") from None
        if response.status_code >= 500:
            failure, last_status = _refusal(url, response), response.status_code
            continue
        if response.status_code >= 300:
            raise PushError(_refusal(url, response), response.status_code)
        return PushResult(
            url=url,
            graph=graph_iri,
            status=response.status_code,
            triples=_count_triples(dump_path) if content_type == "application/n-triples" else None,
            size=dump_path.stat().st_size,
            attempts=attempt,
        )
    raise PushError(f"gave up after {retries + 1} attempts: {failure}", last_status)


def _refusal(url: str, response: requests.Response) -> str:
    text = " ".join(response.text.split())[:_MAX_MESSAGE]
    hint = ""
    if response.status_code == 401:
        hint = f" (check the credentials in {AUTH_ENV})"
    elif response.status_code == 403:
        hint = " (the store does not let these credentials write)"
    elif response.status_code in (404, 405):
        hint = " (is this the store's Graph Store Protocol URL? see --gsp-url)"
    reason = f"{response.status_code} {response.reason}".strip()
    return f"the store at {url} answered {reason}{hint}" + (f": {text}" if text else "")


def _count_triples(path: Path) -> int:
    with path.open("rb") as lines:
        return sum(1 for line in lines if line.strip() and not line.lstrip().startswith(b"#"))
