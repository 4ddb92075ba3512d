"""Names no key can be made from, and a build stopped with Ctrl-C: a real `lodpipe`
process, its exit code and streams, and the user's files afterwards."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.cli.test_safety import assert_clean_error, lodpipe, snapshot
from tests.conftest import MINIMAL, REPO, REPORTS


def test_a_name_without_a_letter_or_digit_is_refused_and_the_others_built(
    tmp_path: Path,
) -> None:
    odd = tmp_path / "!!!.txt"
    odd.write_bytes(MINIMAL.read_bytes())
    good = tmp_path / "vidzeme-2023.txt"
    good.write_bytes(MINIMAL.read_bytes())
    out = tmp_path / "_site"
    result = lodpipe("build", "--quiet", "--out", str(out), str(odd), str(good))
    assert_clean_error(result, f"{odd.as_posix()}: error input.no-key", "rename it")
    assert (out / "id" / "report" / "vidzeme-2023.html").is_file()
    validated = lodpipe("validate", str(odd))
    assert_clean_error(validated, "input.no-key")
    # reading alone publishes nothing under a key: it reads the file
    extracted = lodpipe("extract", "--format", "text", str(odd))
    assert extracted.returncode == 0 and "Traceback" not in extracted.stderr


def test_a_pattern_the_shell_did_not_expand_is_named_as_such(tmp_path: Path) -> None:
    good = tmp_path / "vidzeme-2023.txt"
    good.write_bytes(MINIMAL.read_bytes())
    pattern = f"{tmp_path.as_posix()}/*"  # quoted on a command line: no file of that name
    result = lodpipe("build", "--quiet", "--out", str(tmp_path / "_site"), pattern, str(good))
    assert_clean_error(result, f"{pattern}: error input.no-key", "did not expand")
    assert (tmp_path / "_site" / "id" / "report" / "vidzeme-2023.html").is_file()


def _foreground() -> None:
    """Ctrl-C reaches the build as it does in a terminal (a shell running the tests in the
    background makes its children ignore SIGINT)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def test_a_build_stopped_with_ctrl_c_says_so_and_keeps_the_site(tmp_path: Path) -> None:
    reports = sorted(REPORTS.glob("*.txt"))
    out = tmp_path / "_site"
    first = lodpipe("build", "--quiet", "--no-cache", "--out", str(out), *map(str, reports[:1]))
    assert first.returncode in (0, 1), first.stderr
    before = snapshot(out)
    cache = tmp_path / "cache"
    command = [sys.executable, "-m", "pipeline", "build", "--quiet", "--jobs", "1"]
    command += ["--cache-dir", str(cache), "--out", str(out), *map(str, reports)]
    with subprocess.Popen(
        command,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
        stderr=subprocess.PIPE,
        text=True,
        preexec_fn=_foreground,
    ) as process:
        # the build has begun once it made its cache folder: the reports are being read
        deadline = time.monotonic() + 60
        while not cache.exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.02)
        assert process.poll() is None, "the build ended before it could be interrupted"
        process.send_signal(signal.SIGINT)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert "lodpipe build: interrupted" in err and "Traceback" not in err
    assert "Aborted" not in err
    assert snapshot(out) == before
