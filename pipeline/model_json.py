"""The domain model as plain JSON values: the `lodpipe extract` output.

Field order follows the dataclasses, so the output is stable; the schema is
`pipeline/schemas/extract.schema.json`. Bump SCHEMA_VERSION on any incompatible change.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from enum import Enum
from typing import Any

from pipeline.model import Parsed, Problem, Report, SourceDocument, Span

#: 2: a place mention has its `name`; 3: a funding row, `compared` and `plan_complete`;
#: 4: an amount's and a statement's `currency`; 5: a year's `extension`, a date's `moved`,
#: the report's `contract_totals`; 6: the report's `delegation_extended_to`
SCHEMA_VERSION = "6"
#: Fields left out of the JSON: the whole source text is the input the user already has.
_OMIT = {"source_text"}
#: A SHACL result's details, left out of a parser finding where they are empty.
_SHACL_DETAILS = {"focus", "path", "shape", "value"}


def _value(obj: Any, pages: SourceDocument | None = None) -> Any:
    """`pages`: the original document of the report, when it has pages (a PDF): every
    source then also says which page its value is on."""
    if isinstance(obj, Span):
        out_span: dict[str, Any] = {
            "file": obj.file,
            "line": obj.line,
            "end_line": obj.end_line,
            "start": obj.start,
            "end": obj.end,
        }
        page = pages.page_of(obj.start) if pages is not None else None
        if page is not None:
            out_span["page"] = page
        return out_span
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out: dict[str, Any] = {}
        for f in dataclasses.fields(obj):
            if f.name in _OMIT:
                continue
            if (
                isinstance(obj, Problem)
                and f.name in _SHACL_DETAILS
                and getattr(obj, f.name) is None
            ):
                continue
            key = "source" if f.name == "span" else f.name
            out[key] = _value(getattr(obj, f.name), pages)
        return out
    if isinstance(obj, Enum):
        return obj.value
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, dt.date):
        return obj.isoformat()
    if isinstance(obj, tuple | list):
        return [_value(x, pages) for x in obj]
    return obj


def report_to_json(report: Report) -> dict[str, Any]:
    result: dict[str, Any] = _value(report, report.document)
    result["region"] = report.region
    return result


def parsed_to_json(parsed: Parsed) -> dict[str, Any]:
    return {
        "file": parsed.file,
        "schema_version": SCHEMA_VERSION,
        "report": report_to_json(parsed.report) if parsed.report is not None else None,
        "findings": [
            _value(f, parsed.report.document if parsed.report is not None else None)
            for f in parsed.findings
        ],
    }
