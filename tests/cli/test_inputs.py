"""Which files a run reads: a folder's Markdown reports (not its README), and a file or a
folder that cannot be read, said in one line while the other reports are read."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from pipeline.cli import main
from pipeline.inputs import gather
from tests.conftest import MINIMAL
from tests.parse.golden import UNSEEN

MARKDOWN = UNSEEN / "vidzeme_markdown_tables.md"


def test_a_folder_stands_for_its_markdown_reports_but_not_its_readme(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    shutil.copy(MINIMAL, folder / "a.txt")
    shutil.copy(MARKDOWN, folder / "b.md")
    (folder / "README.md").write_text(
        "# Kopsavilkumi\n\nŠajā mapē ir pārskati.\n", encoding="utf-8"
    )
    (folder / "notes.csv").write_text("a,b\n", encoding="utf-8")
    inputs = gather([folder])
    assert [p.name for p in inputs.files] == ["a.txt", "b.md"]
    assert inputs.refused == ()


def test_a_readme_named_on_the_command_line_is_read_as_given(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    shutil.copy(MARKDOWN, readme)
    assert gather([readme]).files == (readme,)


def test_an_unreadable_file_is_one_line_and_the_others_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A file of mode 000 is readable to root, who runs the tests: what a user sees is
    # simulated where the checks ask the system.
    good, locked = tmp_path / "good.txt", tmp_path / "locked.txt"
    shutil.copy(MINIMAL, good)
    shutil.copy(MINIMAL, locked)
    real_access, real_read = os.access, Path.read_bytes

    def access(path: object, mode: int, *args: object, **kwargs: object) -> bool:
        return False if Path(str(path)) == locked else real_access(path, mode)  # type: ignore[arg-type]

    def read_bytes(self: Path) -> bytes:
        if self == locked:
            raise PermissionError(13, "Permission denied", str(self))
        return real_read(self)

    monkeypatch.setattr(os, "access", access)
    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    result = CliRunner().invoke(main, ["extract", str(good), str(locked)])
    assert result.exit_code == 2
    assert "Usage:" not in result.stderr and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if str(locked) in line]
    assert len(lines) == 1 and "error input.unreadable" in lines[0]
    assert [r["file"] for r in json.loads(result.stdout)["reports"]] == [str(good), str(locked)]
    assert json.loads(result.stdout)["reports"][0]["report"] is not None


def test_an_unreadable_folder_is_one_line_and_the_others_are_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    shutil.copy(MINIMAL, folder / "a.txt")
    real_iterdir = Path.iterdir

    def iterdir(self: Path) -> object:
        if self == folder:
            raise PermissionError(13, "Permission denied", str(self))
        return real_iterdir(self)

    monkeypatch.setattr(Path, "iterdir", iterdir)
    inputs = gather([folder, MINIMAL])
    assert inputs.files == (MINIMAL,)
    assert [(p.code, p.file) for p in inputs.refused] == [("input.unreadable", folder.as_posix())]
