"""The bundled corpus built once and served on 127.0.0.1 the way GitHub Pages serves it."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from pipeline.research.serve import make_server


@pytest.fixture(scope="session")
def site_origin(corpus_site: Path) -> Iterator[str]:
    """`http://127.0.0.1:<port>` serving the built site."""
    server = make_server(corpus_site, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
