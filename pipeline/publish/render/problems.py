"""Parser findings and SHACL results as one list of issues. The shapes re-check some of
what the parser already found (the consistency rules carry the parser's codes and lines),
so results with the same (file, line, code) are one issue, saying which checks found it.
A line can hold several issues of one code (eight dates outside their year): within such a
group the n-th finding of each check, in text order, is the same issue."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from pipeline.model import Check, Problem, Severity
from pipeline.publish.render.views import Label

#: Most severe first, for the issue that two checks rate differently.
_RANK = {Severity.ERROR: 0, Severity.WARNING: 1, Severity.INFO: 2}
CHECK_NAMES = {Check.PARSER: Label("nolasot", "parser"), Check.SHACL: Label("SHACL", "SHACL")}


@dataclass(frozen=True, slots=True)
class Issue:
    """One problem however many checks found it."""

    file: str | None
    line: int | None
    code: str
    severity: Severity
    message: Label
    checks: tuple[Check, ...]  # in the order of `Check`
    focus: str | None  # the resource a SHACL result names

    @property
    def found_by(self) -> Label:
        names = [CHECK_NAMES[c] for c in self.checks]
        return Label(" un ".join(n.lv for n in names), " and ".join(n.en for n in names))


def severity_label(severity: str) -> Label:
    names = {
        Severity.ERROR.value: Label("kļūda", "error"),
        Severity.WARNING.value: Label("brīdinājums", "warning"),
        Severity.INFO.value: Label("piezīme", "info"),
    }
    return names.get(severity, Label(severity, severity))


def merge(problems: Iterable[Problem]) -> tuple[Issue, ...]:
    """Issues sorted by file, line and code. The parser's words are kept when both checks
    found an issue (they quote the report); a SHACL result's focus node is kept as the
    resource it concerns."""
    found: dict[tuple[str, int, str], dict[Check, list[Problem]]] = {}
    for problem in problems:
        file = problem.span.file if problem.span else (problem.file or "")
        key = (file, problem.line or 0, problem.code)
        found.setdefault(key, {}).setdefault(problem.check, []).append(problem)
    issues = []
    for (file, line, code), by_check in sorted(found.items()):
        for group in by_check.values():
            group.sort(key=lambda p: (p.span.start if p.span else 0, p.message))
        for n in range(max(len(g) for g in by_check.values())):
            same = [by_check[c][n] for c in Check if c in by_check and n < len(by_check[c])]
            first = same[0]
            issues.append(
                Issue(
                    file=file or None,
                    line=line or None,
                    code=code,
                    severity=min((p.severity for p in same), key=_RANK.__getitem__),
                    message=Label(first.message_lv or first.message, first.message),
                    checks=tuple(p.check for p in same),
                    focus=next((p.focus for p in same if p.focus), None),
                )
            )
    return tuple(issues)
