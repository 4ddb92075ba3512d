"""`lodpipe extract` as users run it: a real process, exit codes, streams, no tracebacks."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest

from tests.conftest import MINIMAL, REPO, REPORTS

SCHEMA = json.loads((REPO / "pipeline" / "schemas" / "extract.schema.json").read_text())


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "pipeline", *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={**os.environ, **(env or {})},
        check=False,
    )


def test_extract_bundled_reports_validates_against_the_schema() -> None:
    result = run("extract", *sorted(str(p.relative_to(REPO)) for p in REPORTS.glob("*.txt")))
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    jsonschema.Draft202012Validator(SCHEMA).validate(doc)
    assert [r["file"] for r in doc["reports"]] == [
        f"reports/00{i}_{s}.txt"
        for i, s in enumerate(
            [
                "f25f87058009babf",
                "ff4e21f18d3948dd",
                "19ea6052c5e9160a",
                "d7bd70bcc2ec91a0",
                "bd9833684d59a769",
            ]
        )
    ]
    first = doc["reports"][0]["report"]
    assert first["implementer"]["registration_number"]["value"] == "40008055327"
    assert first["implementer"]["registration_number"]["source"]["line"] == 11
    assert first["funding"][2]["amounts"][3]["value"] == "53948.50"
    # findings go to standard error, one per line, file:line first
    assert "reports/000_f25f87058009babf.txt:26: warning period.year-overlap:" in result.stderr


def test_schema_rejects_a_broken_document() -> None:
    result = run("extract", str(MINIMAL.relative_to(REPO)))
    doc = json.loads(result.stdout)
    doc["reports"][0]["report"]["years"][0]["activities"][0]["indicators"][0]["qualifier"] = "lots"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft202012Validator(SCHEMA).validate(doc)


def test_a_bad_file_does_not_stop_the_others(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    binary = tmp_path / "image.png"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    result = run("extract", str(empty), str(MINIMAL), str(binary))
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert f"{empty}: error input.empty: the file is empty" in result.stderr
    assert f"{binary}: error input.binary" in result.stderr
    doc = json.loads(result.stdout)
    assert [r["report"] is not None for r in doc["reports"]] == [False, True, False]


def test_data_errors_exit_1(tmp_path: Path) -> None:
    text = MINIMAL.read_text(encoding="utf-8").replace(
        "Valsts pārvaldes uzdevuma deleģēšanas periods", "X"
    )
    broken = tmp_path / "broken.txt"
    broken.write_text(text, encoding="utf-8")
    result = run("extract", "--format", "text", str(broken))
    assert result.returncode == 1
    # --format text is the findings alone, on standard output, so it can be piped
    assert result.stderr == ""
    assert "error structure.missing-section" in result.stdout and str(broken) in result.stdout


def test_usage_errors_exit_2() -> None:
    assert run("extract").returncode == 2
    assert run("no-such-verb").returncode == 2


def test_output_is_byte_identical_across_runs_and_hash_seeds() -> None:
    files = sorted(str(p.relative_to(REPO)) for p in REPORTS.glob("*.txt"))
    outputs = {
        run("extract", *files, env={"PYTHONHASHSEED": seed}).stdout for seed in ("0", "1", "12345")
    }
    assert len(outputs) == 1


def test_console_script_and_module_agree() -> None:
    exe = Path(sys.executable).parent / "lodpipe"
    if not exe.exists():
        pytest.skip("console script not installed in this environment")
    via_script = subprocess.run(
        [str(exe), "--version"], capture_output=True, text=True, check=False
    )
    assert via_script.returncode == 0 and via_script.stdout == run("--version").stdout


def test_a_folder_stands_for_its_reports(tmp_path: Path) -> None:
    by_folder = run("extract", "reports")
    by_files = run("extract", *sorted(str(p.relative_to(REPO)) for p in REPORTS.glob("*.txt")))
    assert by_folder.returncode == 0 and by_folder.stdout == by_files.stdout
    empty = run("extract", str(tmp_path))
    assert empty.returncode == 2 and "no reports in this folder" in empty.stderr
    assert "Traceback" not in empty.stderr
