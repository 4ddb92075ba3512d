"""Lighthouse 12 (the npm package pinned in package.json), mobile, on one page of each kind
a reader meets, in Debian's chromium: at least 0.95 in performance, accessibility, best
practices and SEO. The JSON reports are kept in test-artefacts/lighthouse/."""

from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.site import tools

pytestmark = pytest.mark.browser

LIGHTHOUSE = tools.NODE_MODULES / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
MINIMUM = 0.95
PAGES = {
    "home": "/",
    "report": "/id/report/000-f25f87058009babf.html",
    "implementer": "/id/organisation/lv-re-40008055327.html",
    "regions": "/doc/regions.html",
    "money": "/doc/money.html",
    "quality": "/doc/quality.html",
    "source": "/source/000-f25f87058009babf.html",
}
CHROME_FLAGS = (
    "--headless=new --no-sandbox --disable-gpu --disable-background-networking "
    "--disable-component-update --no-first-run"
)


def lighthouse(url: str, out: Path) -> dict[str, Any]:
    """Runs Lighthouse on `url`, keeps its JSON report at `out`, returns the report."""
    if not LIGHTHOUSE.is_file():
        tools.missing("lighthouse", "make node_modules")
    done = subprocess.run(
        [
            tools.node(),
            str(LIGHTHOUSE.resolve()),
            url,
            "--quiet",
            f"--chrome-flags={CHROME_FLAGS}",
            "--output=json",
            f"--output-path={out}",
            f"--only-categories={','.join(CATEGORIES)}",
            "--form-factor=mobile",
        ],
        capture_output=True,
        text=True,
        timeout=180,
        cwd=tools.REPO,
        env={**os.environ, "CHROME_PATH": tools.chromium()},
        check=False,
    )
    assert done.returncode == 0 and out.is_file(), done.stderr[-2000:]
    report: dict[str, Any] = json.loads(out.read_text(encoding="utf-8"))
    return report


@pytest.fixture(scope="module")
def reports(site_origin: str) -> dict[str, dict[str, Any]]:
    folder = tools.ARTEFACTS / "lighthouse"
    folder.mkdir(parents=True, exist_ok=True)
    return {
        name: lighthouse(site_origin + path, folder / f"{name}.json")
        for name, path in PAGES.items()
    }


@pytest.mark.parametrize("name", PAGES)
def test_lighthouse_scores(reports: dict[str, dict[str, Any]], name: str) -> None:
    categories = reports[name]["categories"]
    scores = {c: categories[c]["score"] for c in CATEGORIES}
    failing = {
        audit["id"]: audit["score"]
        for audit in reports[name]["audits"].values()
        if audit.get("score") is not None
        and audit["score"] < 1
        and audit.get("scoreDisplayMode") == "binary"
    }
    assert all(s is not None and s >= MINIMUM for s in scores.values()), (scores, failing)
