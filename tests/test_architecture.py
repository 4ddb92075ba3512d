"""The house rules that keep the package in one piece: the publishing wing never loads the
research wing, and a wheel installed anywhere finds its vocabulary, shapes, templates and
queries."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import MINIMAL, REPO

RESEARCH = ("pipeline.research", "pipeline.cli")
SERVER_MODULES = ("http.server", "socketserver", "SPARQLWrapper")


def loaded_after(statement: str) -> set[str]:
    script = f"import sys, json; {statement}; print(json.dumps(sorted(sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, cwd=REPO, check=True
    )
    return set(json.loads(result.stdout))


@pytest.mark.parametrize(
    "statement",
    [
        "import pipeline.publish.build",
        "from pipeline.publish.render import render_site",
        "import pipeline.publish.discovery, pipeline.publish.resolver, pipeline.publish.catalog",
    ],
)
def test_publishing_loads_no_research_or_server_module(statement: str) -> None:
    loaded = loaded_after(statement)
    crossing = sorted(m for m in loaded if m.startswith(RESEARCH) or m in SERVER_MODULES)
    assert crossing == []


def test_the_reading_core_loads_neither_wing() -> None:
    loaded = loaded_after("import pipeline.parse, pipeline.rdf, pipeline.validate, pipeline.inputs")
    assert sorted(m for m in loaded if m.startswith(("pipeline.publish", *RESEARCH))) == []


def test_a_wheel_installed_elsewhere_builds_the_bundled_reports(tmp_path: Path) -> None:
    wheels = tmp_path / "wheels"
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(wheels), str(REPO)],
        check=True,
        capture_output=True,
    )
    (wheel,) = wheels.glob("lodpipe-*.whl")
    env_dir = tmp_path / "venv"
    venv.create(env_dir, with_pip=True)
    python = env_dir / "bin" / "python"
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(wheel)],
        check=True,
        capture_output=True,
    )
    # The dependencies come from the test's own environment: a path entry, not an install,
    # so the repository's editable install stays invisible to the new environment.
    site = subprocess.run(
        [python, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    Path(site, "dependencies.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    report = elsewhere / "report.txt"
    report.write_bytes(MINIMAL.read_bytes())
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    where = subprocess.run(
        [python, "-c", "import pipeline; print(pipeline.__file__)"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        check=True,
    ).stdout
    assert Path(where.strip()).is_relative_to(env_dir)
    result = subprocess.run(
        [env_dir / "bin" / "lodpipe", "build", "--quiet", "--out", "site", "report.txt"],
        capture_output=True,
        text=True,
        cwd=elsewhere,
        env=env,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    site_dir = elsewhere / "site"
    assert (site_dir / "index.html").is_file()
    assert (site_dir / "data" / "shapes.ttl").stat().st_size > 1000
    assert (site_dir / "static" / "site.css").is_file()
    assert "queries" in (site_dir / "doc" / "queries.html").read_text(encoding="utf-8").lower()
