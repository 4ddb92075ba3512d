"""The site in a real browser: Debian's chromium, headless, driven by playwright-core over a
local server. A reader's path from the home page to a report, its implementer, a region and
the data-quality page, plus the 404 page: each loads without console errors, asks nothing of
any other host, and axe-core finds no serious or critical accessibility violation.
Screenshots are kept in test-artefacts/browser/."""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest

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
    {"name": "not-found", "goto": "/no-such-page"},
]
LOOPBACK = {"127.0.0.1", "localhost", "::1"}
BLOCKING = {"serious", "critical"}


@pytest.fixture(scope="module")
def walk(site_origin: str, tmp_path_factory: pytest.TempPathFactory) -> list[dict[str, Any]]:
    chromium, node = tools.chromium(), tools.node()
    axe, _ = tools.npm_file(tools.AXE), tools.npm_file(tools.PLAYWRIGHT)
    screenshots = tools.ARTEFACTS / "browser"
    screenshots.mkdir(parents=True, exist_ok=True)
    for old in screenshots.glob("*.png"):
        old.unlink()
    work = tmp_path_factory.mktemp("browser")
    journey = work / "journey.json"
    journey.write_text(
        json.dumps(
            {
                "chromium": chromium,
                "profile": str(work / "profile"),
                "origin": site_origin,
                "axe": str(axe),
                "screenshots": str(screenshots),
                "steps": JOURNEY,
            }
        ),
        encoding="utf-8",
    )
    script = Path(__file__).with_name("browse.mjs")
    done = subprocess.run(
        [node, str(script), str(journey)],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tools.REPO,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    steps: list[dict[str, Any]] = json.loads(done.stdout)
    (tools.ARTEFACTS / "browser" / "journey.json").write_text(done.stdout, encoding="utf-8")
    return steps


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
        messages = [m for m in messages if "404" not in m["text"]]
    assert not messages, messages
    assert not page["errors"], page["errors"]


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
def test_axe_finds_no_serious_or_critical_violation(
    walk: list[dict[str, Any]], name: str
) -> None:
    page = step(walk, name)
    blocking = [v for v in page["violations"] if v["impact"] in BLOCKING]
    assert not blocking, json.dumps(blocking, indent=1, ensure_ascii=False)


def test_the_404_page_offers_search(walk: list[dict[str, Any]]) -> None:
    assert step(walk, "not-found")["searchInputs"] >= 1


def test_a_screenshot_is_kept_for_each_page(walk: list[dict[str, Any]]) -> None:
    for page in walk:
        shot = Path(page["screenshot"])
        assert shot.is_file() and shot.read_bytes().startswith(b"\x89PNG"), shot
