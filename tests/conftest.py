"""Shared fixtures: the bundled corpus parsed once, and the clean minimal report."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.model import Parsed
from pipeline.parse import parse_bytes, parse_report

REPO = Path(__file__).resolve().parents[1]
REPORTS = REPO / "reports"
FIXTURES = REPO / "tests" / "fixtures"
MINIMAL = FIXTURES / "reports" / "minimal.txt"


def parse_text(text: str, name: str = "fixture.txt") -> Parsed:
    return parse_bytes(text.encode("utf-8"), name)


@pytest.fixture(scope="session")
def corpus() -> dict[str, Parsed]:
    """The five bundled reports, keyed by their number ("000" ... "004")."""
    return {
        path.name[:3]: parse_report(path, name=f"reports/{path.name}")
        for path in sorted(REPORTS.glob("*.txt"))
    }


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real build of the bundled reports, as `make site` does it, shared by the tests
    that only read the site."""
    from pipeline.publish.build import build_site
    from pipeline.settings import Settings

    out = tmp_path_factory.mktemp("built") / "_site"
    files = sorted(REPORTS.glob("*.txt"))
    result = build_site(files, Settings(out_dir=out), names=[f"reports/{p.name}" for p in files])
    assert result.exit_code == 0
    return out


@pytest.fixture(scope="session")
def minimal_text() -> str:
    return MINIMAL.read_text(encoding="utf-8")


@pytest.fixture(scope="session")
def corpus_site(built_site: Path) -> Path:
    """The publishing and browser tests' name for the one session build."""
    return built_site
