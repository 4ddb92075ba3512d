"""The Nu HTML Checker (vnu-jar, the W3C validator's engine) finds no error on one page of
each kind of the built site."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from tests.site import tools

pytestmark = pytest.mark.browser

#: One page per template: the first file (sorted) that matches each pattern.
KINDS = {
    "home": "index.html",
    "not-found": "404.html",
    "report": "id/report/*.html",
    "organisation": "id/organisation/*.html",
    "place": "id/place/*.html",
    "source": "source/*.html",
    "validation": "id/validation/*.html",
    "vocabulary": "def/core.html",
    "scheme": "def/region.html",
    "shapes": "def/shapes.html",
    "listing": "doc/reports.html",
    "money": "doc/money.html",
    "quality": "doc/quality.html",
    "search": "doc/search.html",
    "accessibility": "doc/accessibility.html",
}


def one_page_per_kind(site: Path) -> dict[str, Path]:
    pages = {}
    for kind, pattern in KINDS.items():
        found = sorted(site.glob(pattern))
        assert found, f"the site has no {kind} page ({pattern})"
        pages[kind] = found[0]
    return pages


def test_nu_checker_finds_no_errors(corpus_site: Path) -> None:
    java = tools.java()
    vnu = tools.npm_file(tools.VNU)
    pages = one_page_per_kind(corpus_site)
    done = subprocess.run(
        [java, "-jar", str(vnu), "--errors-only", "--format", "json", *map(str, pages.values())],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(done.stderr)["messages"]
    report = tools.ARTEFACTS / "vnu.json"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text(json.dumps(messages, indent=1, ensure_ascii=False), encoding="utf-8")
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    assert not errors, "\n".join(errors)
    assert done.returncode == 0, done.stderr
