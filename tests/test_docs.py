"""The README keeps up with the code: every verb and every finding code is documented."""

from __future__ import annotations

import re

from pipeline.cli import main
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def test_every_verb_is_documented() -> None:
    verbs = sorted(main.commands)
    assert {"build", "extract", "push", "query", "serve", "validate"} <= set(verbs)
    for verb in verbs:
        assert f"### `lodpipe {verb}" in README, verb


def test_every_finding_code_is_in_the_findings_table() -> None:
    pipeline = REPO / "pipeline"
    files = [
        *sorted((pipeline / "parse").glob("*.py")),
        *sorted((pipeline / "documents").glob("*.py")),
        pipeline / "inputs.py",
    ]
    source = "\n".join(p.read_text(encoding="utf-8") for p in files)
    codes = set(
        re.findall(
            r'"((?:input|structure|period|activity|funding|region|implementer|fetch)\.[a-z-]+)"',
            source,
        )
    )
    assert len(codes) >= 35
    table = {m for m in re.findall(r"^\| `([a-z]+\.[a-z-]+)` \|", README, re.M)}
    assert codes <= table, sorted(codes - table)
