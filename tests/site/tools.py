"""The programs the site tests drive (chromium, node, java and the npm packages), found or
refused. Under CI a missing tool fails the test, so that CI cannot skip these silently;
elsewhere the test is skipped with the reason and the command that installs the tool."""

from __future__ import annotations

import contextlib
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
NODE_MODULES = REPO / "node_modules"
#: Screenshots and reports of the site tests, kept after the run (git-ignored).
ARTEFACTS = REPO / "test-artefacts"
AXE = NODE_MODULES / "axe-core" / "axe.min.js"
PLAYWRIGHT = NODE_MODULES / "playwright-core" / "package.json"
VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def missing(what: str, install: str) -> None:
    """Fails under CI, skips elsewhere."""
    message = f"{what} is not installed (install it with: {install}; .ci/run does)"
    if os.environ.get("CI"):
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def program(name: str, install: str) -> str:
    """The path of `name` on PATH (`$CHROMIUM`, `$NODE`, `$JAVA` override it)."""
    found = os.environ.get(name.upper()) or shutil.which(name)
    if not found:
        missing(name, install)
    assert found is not None
    return found


def chromium() -> str:
    return program("chromium", "apt-get install chromium")


def node() -> str:
    return program("node", "apt-get install nodejs npm")


def java() -> str:
    return program("java", "apt-get install default-jre-headless")


def npm_file(path: Path) -> Path:
    """A file of an npm package from package-lock.json, installed by `npm ci`."""
    if not path.is_file():
        missing(str(path.relative_to(REPO)), "make node_modules")
    return path


@contextlib.contextmanager
def serve_folder(folder: Path) -> Iterator[str]:
    """`http://127.0.0.1:<port>` serving `folder` the way GitHub Pages does, while open."""
    from pipeline.research.serve import make_server

    server = make_server(folder, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server.url
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
