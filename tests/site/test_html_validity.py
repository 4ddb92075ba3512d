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
    "queries": "doc/queries.html",
    "vocabularies": "doc/vocabulary.html",
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


OPTIONS = ("--errors-only", "--format", "json")


def check(pages: list[Path]) -> tuple[int, list[str]]:
    """Runs the checker on `pages`: its exit code and its errors as `file:line: message`."""
    done = subprocess.run(
        [tools.java(), "-jar", str(tools.npm_file(tools.VNU)), *OPTIONS, *map(str, pages)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    messages = json.loads(done.stderr)["messages"]
    errors = [
        f"{Path(m.get('url', '')).name}:{m.get('lastLine')}: {m['message']}"
        for m in messages
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    return done.returncode, errors


def test_nu_checker_finds_no_errors(corpus_site: Path) -> None:
    status, errors = check(list(one_page_per_kind(corpus_site).values()))
    report = tools.ARTEFACTS / "vnu.txt"
    report.parent.mkdir(parents=True, exist_ok=True)
    report.write_text("".join(f"{e}\n" for e in errors), encoding="utf-8")
    assert not errors, "\n".join(errors)
    assert status == 0


def test_the_checker_reports_an_error_when_there_is_one(tmp_path: Path) -> None:
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><title>x</title><img src="x.png">\n')
    status, errors = check([page])
    assert status == 1
    assert any("alt" in e for e in errors), errors
