"""Each kind of page in real chromium at a phone's and a laptop's width: screenshots kept
in test-artefacts/layout/, no word broken inside a table cell at any width from 320 to
1920 pixels, a report page small enough to load on a phone and to print on a few pages."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest

from tests.site import tools

pytestmark = pytest.mark.browser

#: One page of each kind a reader meets (site paths, served without ".html" as well).
PAGES = {
    "home": "/",
    "report": "/id/report/000-f25f87058009babf.html",
    "implementer": "/id/organisation/lv-re-40008055327.html",
    "regions": "/doc/regions.html",
    "money": "/doc/money.html",
    "quality": "/doc/quality.html",
    "reports": "/doc/reports.html",
    "source": "/source/000-f25f87058009babf.html",
}
SHOTS = (390, 1280)
WIDTHS = (320, 390, 768, 1280, 1920)
#: The most HTML a report page may weigh (bytes).
REPORT_PAGE_LIMIT = 150_000


def run_layout(origin: str, pages: dict[str, str], work: Path, shots: Path) -> list[Any]:
    shots.mkdir(parents=True, exist_ok=True)
    for old in shots.glob("*.png"):
        old.unlink()
    config = {
        "chromium": tools.chromium(),
        "origin": origin,
        "screenshots": str(shots),
        "shots": list(SHOTS),
        "widths": list(WIDTHS),
        "pages": [{"name": k, "path": v} for k, v in pages.items()],
    }
    tools.npm_file(tools.PLAYWRIGHT)
    (work / "layout.json").write_text(json.dumps(config), encoding="utf-8")
    done = subprocess.run(
        [tools.node(), str(Path(__file__).with_name("layout.mjs")), str(work / "layout.json")],
        capture_output=True,
        text=True,
        timeout=300,
        cwd=tools.REPO,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    (shots / "layout.json").write_text(done.stdout, encoding="utf-8")
    report: list[Any] = json.loads(done.stdout)
    return report


@pytest.fixture(scope="module")
def layout(site_origin: str, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    work = tmp_path_factory.mktemp("layout")
    report = run_layout(site_origin, PAGES, work, tools.ARTEFACTS / "layout")
    return {entry["name"]: entry for entry in report}


@pytest.mark.parametrize("name", PAGES)
def test_no_word_breaks_inside_a_table_cell(layout: dict[str, Any], name: str) -> None:
    broken = {width: words for width, words in layout[name]["broken"].items() if words}
    assert not broken, broken


@pytest.mark.parametrize("name", PAGES)
def test_screenshots_at_a_phone_and_a_laptop_width(layout: dict[str, Any], name: str) -> None:
    shots = [Path(s) for s in layout[name]["screenshots"]]
    assert [s.name for s in shots] == [f"{name}-{w}px.png" for w in SHOTS]
    for shot in shots:
        assert shot.read_bytes().startswith(b"\x89PNG"), shot


def test_the_check_sees_a_broken_word(tmp_path: Path) -> None:
    """A name squeezed into a narrow cell that may break anywhere must be caught."""
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text(
        '<!doctype html><html lang="lv"><head><meta charset="utf-8"><title>x</title></head>'
        '<body><table style="width:60px"><tr><td style="overflow-wrap:anywhere">'
        "plānošanasreģions</td></tr></table></body></html>",
        encoding="utf-8",
    )
    with tools.serve_folder(site) as origin:
        (entry,) = run_layout(origin, {"bad": "/"}, tmp_path, tmp_path / "shots")
    assert any(entry["broken"].values()), entry


def test_a_report_prints_on_a_few_pages(layout: dict[str, Any]) -> None:
    # the largest bundled report (45 activities over three years): its reader's view only
    assert 1 <= layout["report"]["printedPages"] <= 8


def test_report_pages_are_small(corpus_site: Path) -> None:
    sizes = {p.name: p.stat().st_size for p in (corpus_site / "id" / "report").glob("*.html")}
    assert sizes and max(sizes.values()) <= REPORT_PAGE_LIMIT, sizes
