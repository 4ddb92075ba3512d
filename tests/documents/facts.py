"""What a report says, without where it says it: the facts the formats must agree on."""

from __future__ import annotations

import dataclasses
import re
from typing import Any

from pipeline.model import Parsed, Span

# Where a value came from and how the whole file reads differ by format by design.
_WHERE = {"span", "file", "sha256", "source_text", "phrase"}
_SPACE = re.compile(r"\s+")


def facts(value: Any) -> Any:
    if isinstance(value, Span):
        return None
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: facts(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in _WHERE
        }
    if isinstance(value, tuple | list):
        return [facts(v) for v in value]
    if isinstance(value, str):
        return _SPACE.sub(" ", value).strip()
    return value


def report_facts(parsed: Parsed) -> Any:
    assert parsed.report is not None, [str(f) for f in parsed.findings]
    return facts(parsed.report)


def finding_facts(parsed: Parsed) -> list[tuple[str, str]]:
    return sorted((f.code, str(f.severity)) for f in parsed.findings)
