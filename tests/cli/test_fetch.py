"""`lodpipe fetch` and `lodpipe build --sources` as a user runs them, against a real HTTP
server on loopback."""

from __future__ import annotations

from pathlib import Path

from tests.cli.test_safety import lodpipe
from tests.documents.test_fetch import _manifest, server  # noqa: F401  (a fixture)


def test_fetch_downloads_once_then_asks_whether_anything_changed(
    tmp_path: Path,
    server: tuple[str, object],  # noqa: F811
) -> None:
    base, _ = server
    manifest = _manifest(tmp_path, base, "/etag.pdf", "/dated.docx")
    cache = tmp_path / "cache"
    outputs = tmp_path / "github-output"
    first = lodpipe("fetch", str(manifest), "--cache", str(cache), "--github-output", str(outputs))
    assert first.returncode == 0, first.stderr
    assert f"{base}/etag.pdf: downloaded" in first.stdout
    assert f"{base}/dated.docx: downloaded" in first.stdout
    second = lodpipe("fetch", str(manifest), "--cache", str(cache), "--github-output", str(outputs))
    assert second.returncode == 0, second.stderr
    assert f"{base}/etag.pdf: not-modified" in second.stdout
    assert outputs.read_text(encoding="utf-8").splitlines() == ["changed=true", "changed=false"]


def test_a_failing_source_is_one_line_and_the_others_are_fetched(
    tmp_path: Path,
    server: tuple[str, object],  # noqa: F811
) -> None:
    base, _ = server
    manifest = _manifest(tmp_path, base, "/missing.pdf", "/etag.pdf", "/error-page.pdf")
    result = lodpipe("fetch", str(manifest), "--cache", str(tmp_path / "cache"))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert errors[0].startswith(f"{base}/missing.pdf: ") and "404" in errors[0]
    assert errors[1].startswith(f"{base}/error-page.pdf: ")
    assert f"{base}/etag.pdf: downloaded" in result.stdout


def test_fetch_without_a_manifest_says_so(tmp_path: Path) -> None:
    result = lodpipe("fetch", str(tmp_path / "sources.csv"))
    assert result.returncode == 2 and "no such manifest" in result.stderr
