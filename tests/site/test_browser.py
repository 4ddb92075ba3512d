"""The site in a real browser: Debian's chromium, headless, driven by playwright-core over a
local server. A reader's path from the home page to a report, its implementer, a region and
the data-quality page, plus the 404 page: each loads without console errors, asks nothing of
any other host, and axe-core finds no serious or critical accessibility violation.
Screenshots are kept in test-artefacts/browser/."""

from __future__ import annotations

import json
import re
import subprocess
import threading
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

from pipeline.research.serve import make_server
from tests.site import tools

pytestmark = pytest.mark.browser

#: The reader's path. `follow` is a pattern on the absolute URL of a link on the current page.
JOURNEY: list[dict[str, str]] = [
    {"name": "home", "goto": "/"},
    {"name": "reports", "follow": r"/doc/reports(\.html)?$"},
    {"name": "report", "follow": r"/id/report/[a-z0-9-]+(\.html)?$"},
    {"name": "implementer", "follow": r"/id/organisation/lv-re-[0-9]+(\.html)?$"},
    {"name": "regions", "follow": r"/doc/regions(\.html)?$"},
    {"name": "region", "follow": r"/def/region(\.html)?#[a-z0-9-]+$"},
    {"name": "quality", "follow": r"/doc/quality(\.html)?$"},
    {"name": "source", "follow": r"/source/[a-z0-9-]+(\.html)?#L[0-9]+$"},
    {"name": "money", "follow": r"/doc/money(\.html)?$"},
    {"name": "queries", "follow": r"/doc/queries(\.html)?$"},
    {"name": "vocabulary", "follow": r"/doc/vocabulary(\.html)?$"},
    {"name": "terms", "follow": r"/def/core(\.html)?$"},
    {"name": "search", "goto": "/doc/search?q=Latgale"},
    {"name": "not-found", "goto": "/no-such-page"},
]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
BLOCKING = {"serious", "critical"}


def run_walk(origin: str, steps: list[dict[str, str]], work: Path, shots: Path) -> list[Any]:
    """Runs browse.mjs over `steps` on the site at `origin`; returns its report."""
    chromium, node = tools.chromium(), tools.node()
    axe, _ = tools.npm_file(tools.AXE), tools.npm_file(tools.PLAYWRIGHT)
    shots.mkdir(parents=True, exist_ok=True)
    for old in shots.glob("*.png"):
        old.unlink()
    journey = work / "journey.json"
    config = {
        "chromium": chromium,
        "profile": str(work / "profile"),  # a fresh profile for every run
        "origin": origin,
        "axe": str(axe),
        "screenshots": str(shots),
        "steps": steps,
    }
    journey.write_text(json.dumps(config), encoding="utf-8")
    done = subprocess.run(
        [node, str(Path(__file__).with_name("browse.mjs")), str(journey)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tools.REPO,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (shots / "journey.json").write_text(done.stdout, encoding="utf-8")
    report: list[Any] = json.loads(done.stdout)
    return report


@pytest.fixture(scope="module")
def walk(site_origin: str, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    work = tmp_path_factory.mktemp("browser")
    return run_walk(site_origin, JOURNEY, work, tools.ARTEFACTS / "browser")


def step(walk: list[dict[str, Any]], name: str) -> dict[str, Any]:
    found = [s for s in walk if s["name"] == name]
    assert found, f"the walk stopped before {name!r}: {walk[-1]['errors'] if walk else ''}"
    return found[0]


NAMES = [s["name"] for s in JOURNEY]


@pytest.mark.parametrize("name", NAMES)
def test_each_link_is_followed_to_a_page(walk: list[dict[str, Any]], name: str) -> None:
    page = step(walk, name)
    expected = 404 if name == "not-found" else 200
    if page["status"] is not None:  # None: a link within the page already loaded
        assert page["status"] == expected, page["url"]
    assert page["title"], page["url"]
    assert page["lang"] in ("lv", "en"), page["url"]
    pattern = next(s.get("follow") for s in JOURNEY if s["name"] == name)
    if pattern is not None:
        assert re.search(pattern, page["url"]), page["url"]


@pytest.mark.parametrize("name", NAMES)
def test_no_console_errors(walk: list[dict[str, Any]], name: str) -> None:
    page = step(walk, name)
    messages = page["console"]
    if name == "not-found":
        # Chromium logs the 404 status of the page itself; that is the point of this step.
        messages = [m for m in messages if m["url"] != page["url"]]
    assert not messages, messages
    assert not page["errors"], page["errors"]


@pytest.mark.parametrize("name", ["report", "implementer", "terms"])
def test_resource_pages_offer_to_copy_their_iri(walk: list[dict[str, Any]], name: str) -> None:
    # one per IRI shown (the page's and each section's), added by static/copy.js; without
    # JavaScript the IRIs stay selectable text
    page = step(walk, name)
    assert page["iris"] >= 1 and page["copyButtons"] == page["iris"]


@pytest.mark.parametrize("name", NAMES)
def test_pages_reflow_at_320_pixels(walk: list[dict[str, Any]], name: str) -> None:
    """WCAG 2.1 SC 1.4.10: no sideways scrolling at 320 CSS pixels (long IRIs wrap)."""
    reflow = step(walk, name)["reflow"]
    assert reflow["scrollWidth"] <= reflow["innerWidth"], reflow


@pytest.mark.parametrize("name", NAMES)
def test_nothing_is_requested_from_another_host(walk: list[dict[str, Any]], name: str) -> None:
    page = step(walk, name)
    foreign = [
        url
        for url in page["requests"]
        if urlsplit(url).scheme not in ("data", "blob") and urlsplit(url).hostname not in LOOPBACK
    ]
    assert not foreign, foreign


@pytest.mark.parametrize("name", NAMES)
def test_axe_finds_no_serious_or_critical_violation(walk: list[dict[str, Any]], name: str) -> None:
    page = step(walk, name)
    blocking = [v for v in page["violations"] if v["impact"] in BLOCKING]
    assert not blocking, json.dumps(blocking, indent=1, ensure_ascii=False)


def test_the_404_page_offers_search(walk: list[dict[str, Any]]) -> None:
    assert step(walk, "not-found")["searchInputs"] >= 1


def test_a_screenshot_is_kept_for_each_page(walk: list[dict[str, Any]]) -> None:
    for page in walk:
        shot = Path(page["screenshot"])
        assert shot.is_file() and shot.read_bytes().startswith(b"\x89PNG"), shot


BAD_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>bad</title><link rel="icon" href="data:,">
</head><body><main><img src="http://example.invalid/x.png">
<script>console.error("boom")</script></main></body></html>
"""


def test_the_walk_notices_what_it_checks(tmp_path: Path) -> None:
    """A page with a console error, a request to another host and an image with no text
    alternative: the checks above must see all three, or their silence means nothing."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(BAD_PAGE, encoding="utf-8")
    server = make_server(site, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        steps = [{"name": "bad", "goto": "/"}]
        (page,) = run_walk(server.url, steps, tmp_path, tools.ARTEFACTS / "browser-self-test")
    finally:
        server.shutdown()
        server.server_close()
        thread.join()
    assert any(m["text"] == "boom" for m in page["console"])
    assert "http://example.invalid/x.png" in page["requests"]
    assert {"image-alt"} <= {v["id"] for v in page["violations"] if v["impact"] in BLOCKING}
