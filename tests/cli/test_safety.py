"""The command line under real use never loses, merges or misstates what the user has.

Each test is one of the ways a new user lost data or published something false: a real
`lodpipe` process, its exit code and streams, and the user's files afterwards.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.publish.output import MARKER
from tests.conftest import MINIMAL, REPO, REPORTS


def lodpipe(*args: str, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        capture_output=True,
        text=True,
        cwd=cwd,
        env=env,
        check=False,
    )


def snapshot(folder: Path) -> dict[str, str]:
    """Every file under `folder` with the SHA-256 of its bytes."""
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def assert_clean_error(result: subprocess.CompletedProcess[str], *words: str) -> None:
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    for word in words:
        assert word in result.stderr


@pytest.fixture
def one_report(tmp_path: Path) -> Path:
    report = tmp_path / "in" / "vidzeme-2023.txt"
    report.parent.mkdir()
    report.write_bytes(MINIMAL.read_bytes())
    return report


def test_out_folder_of_the_users_own_is_refused_and_kept(tmp_path: Path, one_report: Path) -> None:
    docs = tmp_path / "mydocs"
    (docs / "sub").mkdir(parents=True)
    (docs / "keep.me").write_text("mine", encoding="utf-8")
    (docs / "sub" / "notes.txt").write_text("also mine", encoding="utf-8")
    before = snapshot(docs)
    result = lodpipe("build", "--out", str(docs), str(one_report))
    assert_clean_error(result, str(docs), "did not write")
    assert snapshot(docs) == before


def test_out_dot_in_a_project_folder_is_refused(tmp_path: Path, one_report: Path) -> None:
    project = one_report.parent
    (project / "Makefile").write_text("all:\n", encoding="utf-8")
    before = snapshot(project)
    result = lodpipe("build", "--out", ".", one_report.name, cwd=project)
    assert_clean_error(result)
    assert snapshot(project) == before


def test_out_may_not_be_or_hold_or_sit_inside_an_input(tmp_path: Path, one_report: Path) -> None:
    folder = one_report.parent
    before = snapshot(folder)
    # the input folder itself
    assert_clean_error(lodpipe("build", "--out", str(folder), str(folder)), "input")
    # inside the input folder
    inner = folder / "_site"
    assert_clean_error(lodpipe("build", "--out", str(inner), str(folder)), "input")
    assert not inner.exists()
    # a folder holding an input file
    assert_clean_error(lodpipe("build", "--out", str(tmp_path), str(one_report)), "input")
    assert snapshot(folder) == before


def test_out_that_is_a_file_is_refused(tmp_path: Path, one_report: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("precious", encoding="utf-8")
    assert_clean_error(lodpipe("build", "--out", str(afile), str(one_report)), "not a folder")
    assert afile.read_text(encoding="utf-8") == "precious"


def test_a_site_lodpipe_built_is_replaced_and_nothing_beside_it_is_touched(
    tmp_path: Path, one_report: Path
) -> None:
    out = tmp_path / "site"
    neighbour = tmp_path / "neighbour.txt"
    neighbour.write_text("beside", encoding="utf-8")
    other = one_report.parent / "latgale-2023.txt"
    other.write_bytes(one_report.read_bytes())
    first = lodpipe("build", "--quiet", "--out", str(out), str(one_report), str(other))
    assert first.returncode == 0, first.stderr
    assert (out / MARKER).is_file()
    gone = out / "id" / "report" / "latgale-2023.html"
    assert gone.is_file()
    other.unlink()
    second = lodpipe("build", "--out", str(out), str(one_report))
    assert second.returncode == 0, second.stderr
    # a page lodpipe wrote for a report no longer built goes with the previous site
    assert not gone.exists()
    assert (out / "id" / "report" / "vidzeme-2023.html").is_file()
    assert neighbour.read_text(encoding="utf-8") == "beside"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["in", "neighbour.txt", "site"]
    assert f"lodpipe serve --site {out}" in second.stdout


def test_a_file_of_the_users_in_a_built_site_is_refused_and_kept(
    tmp_path: Path, one_report: Path
) -> None:
    out = tmp_path / "site"
    assert lodpipe("build", "--quiet", "--out", str(out), str(one_report)).returncode == 0
    (out / "mine.txt").write_text("my notes", encoding="utf-8")
    (out / "myfolder").mkdir()
    (out / "myfolder" / "keep.txt").write_text("keep", encoding="utf-8")
    before = snapshot(out)
    result = lodpipe("build", "--out", str(out), str(one_report))
    assert_clean_error(result, str(out), "mine.txt and 1 more", "did not write")
    assert snapshot(out) == before
    # once they are moved away, the site is built again
    (out / "mine.txt").unlink()
    (out / "myfolder" / "keep.txt").unlink()
    again = lodpipe("build", "--quiet", "--out", str(out), str(one_report))
    assert again.returncode == 0, again.stderr


def test_a_build_that_reads_no_report_keeps_the_previous_site(
    tmp_path: Path, one_report: Path
) -> None:
    out = tmp_path / "site"
    assert lodpipe("build", "--quiet", "--out", str(out), str(one_report)).returncode == 0
    before = snapshot(out)
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(bytes(range(256)) * 4)
    result = lodpipe("build", "--out", str(out), str(empty), str(binary))
    assert_clean_error(result, "unchanged")
    # each file says why it could not be read, before the build says it stopped
    lines = result.stderr.splitlines()
    assert any(line.startswith(f"{empty}: error input.empty") for line in lines)
    assert any(line.startswith(f"{binary}: error ") for line in lines)
    assert "no report could be read" in lines[-1]
    assert snapshot(out) == before


def test_a_folder_without_reports_stops_no_other_input(tmp_path: Path, one_report: Path) -> None:
    empty = tmp_path / "nothing-here"
    empty.mkdir()
    result = lodpipe("extract", str(one_report), str(empty))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{empty}: error input.no-reports: no reports in this folder" in result.stderr
    assert [r["file"] for r in json.loads(result.stdout)["reports"]] == [str(one_report)]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("a/report.txt", "b/report.txt"),
        ("Rīgas pārskats 2024.txt", "rigas-parskats-2024.txt"),
    ],
)
def test_two_reports_never_share_an_iri(tmp_path: Path, first: str, second: str) -> None:
    inputs = tmp_path / "in"
    for name in (first, second):
        path = inputs / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(MINIMAL.read_bytes())
    other = inputs / "other.txt"
    other.write_bytes((REPORTS / "003_d7bd70bcc2ec91a0.txt").read_bytes())
    out = tmp_path / "site"
    result = lodpipe(
        "build", "--quiet", "--out", str(out), str(inputs / first), str(inputs / second), str(other)
    )
    assert_clean_error(result, "input.key-collision", first, second)
    # neither colliding report is published under the shared key; the other report is
    assert sorted(p.name for p in (out / "source").glob("*.txt")) == ["other.txt"]


def test_validate_writes_only_where_asked(tmp_path: Path) -> None:
    result = lodpipe("validate", str(MINIMAL), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert list(tmp_path.iterdir()) == []  # no stray _site/
    target = tmp_path / "results" / "validation.ttl"
    asked = lodpipe("validate", "--report", str(target), str(MINIMAL), cwd=tmp_path)
    assert asked.returncode == 0, asked.stderr
    assert "sh:ValidationReport" in target.read_text(encoding="utf-8")
    again = lodpipe("validate", "--report", str(target), str(MINIMAL), cwd=tmp_path)
    assert again.returncode == 0  # its own file may be written again
    theirs = tmp_path / "notes.ttl"
    theirs.write_text("# my notes\n", encoding="utf-8")
    refused = lodpipe("validate", "--report", str(theirs), str(MINIMAL), cwd=tmp_path)
    assert_clean_error(refused, str(theirs))
    assert theirs.read_text(encoding="utf-8") == "# my notes\n"


def test_an_oversized_file_is_refused_by_name_and_size_and_the_others_are_built(
    tmp_path: Path,
) -> None:
    huge = tmp_path / "in" / "repeated.txt"
    huge.parent.mkdir()
    huge.write_bytes(MINIMAL.read_bytes() * 4000)
    good = tmp_path / "in" / "good.txt"
    good.write_bytes(MINIMAL.read_bytes())
    size = f"{huge.stat().st_size:,}"
    extract = lodpipe("extract", str(huge))
    assert_clean_error(extract, str(huge), "input.too-large", size)
    out = tmp_path / "site"
    build = lodpipe("build", "--quiet", "--out", str(out), str(huge.parent))
    assert_clean_error(build, str(huge), size)
    assert sorted(p.name for p in (out / "source").glob("*.txt")) == ["good.txt"]
    raised = lodpipe("extract", "--format", "text", "--max-bytes", "100000000", str(huge))
    assert "input.too-large" not in raised.stdout + raised.stderr
    assert "Traceback" not in raised.stderr
    # read at last, the 3,999 copies after the first are reported, not swallowed
    assert raised.returncode == 0 and "warning structure.text-after-end" in raised.stdout


def test_site_url_without_a_final_slash_is_accepted(tmp_path: Path, one_report: Path) -> None:
    out = tmp_path / "site"
    result = lodpipe(
        "build", "--quiet", "--site-url", "https://example.github.io/x", "--out", str(out),
        str(one_report),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    robots = (out / "robots.txt").read_text(encoding="utf-8")
    assert "Sitemap: https://example.github.io/x/sitemap.xml" in robots


def test_the_build_cache_is_a_folder_of_its_own(tmp_path: Path, one_report: Path) -> None:
    cache = tmp_path / "cache"
    out = tmp_path / "site"
    first = lodpipe("build", "-q", "--cache-dir", str(cache), "--out", str(out), str(one_report))
    assert first.returncode == 0, first.stderr
    assert (cache / ".lodpipe-cache").is_file() and any((cache / "entries").iterdir())
    before = snapshot(out)
    again = lodpipe("build", "-q", "--cache-dir", str(cache), "--out", str(out), str(one_report))
    assert again.returncode == 0 and snapshot(out) == before  # from the cache, the same bytes
    cold = lodpipe("build", "-q", "--no-cache", "--out", str(tmp_path / "cold"), str(one_report))
    assert cold.returncode == 0 and snapshot(tmp_path / "cold") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["cache", "cold", "in", "site"]
    theirs = tmp_path / "theirs"
    theirs.mkdir()
    (theirs / "notes.txt").write_text("mine", encoding="utf-8")
    refused = lodpipe("build", "--cache-dir", str(theirs), "--out", str(out), str(one_report))
    assert_clean_error(refused, str(theirs))
    assert [p.name for p in theirs.iterdir()] == ["notes.txt"]
    assert snapshot(out) == before
