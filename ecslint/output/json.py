"""``json`` and ``json-lines``: the report as versioned, machine-readable JSON.

``json`` writes one document::

    {"version": 1, "diagnostics": [...], "files": [...], "summary": {...}}

``json-lines`` writes the objects of ``diagnostics`` only, one compact object per line.

Keys are sorted and non-ASCII text is escaped, so the bytes do not depend on the stream's encoding. The
shape is version 1: new keys may be added; renaming or removing one needs a new version.
"""
from __future__ import annotations

import json
from collections.abc import Iterable
from typing import IO, Any, TypedDict

from ecslint.model import Diagnostic, Location, Report, Severity, Span
from ecslint.output.concise import tally

__all__ = ["JsonFormatter", "JsonLinesFormatter", "json_pointer", "diagnostic_dict", "report_dict"]

#: Version of the JSON output shape.
VERSION = 1


class SpanDict(TypedDict):
    line: int
    col: int
    end_line: int
    end_col: int
    approximate: bool


class RelatedDict(TypedDict):
    path: str
    span: SpanDict
    message: str | None


class DiagnosticDict(TypedDict):
    code: str
    name: str
    severity: str
    message: str
    path: str
    span: SpanDict
    #: RFC 6901 pointer into the source document ("" is the whole document).
    pointer: str
    logical_location: str | None
    related: list[RelatedDict]


class FileDict(TypedDict):
    path: str
    kind: str | None
    skipped: str | None


class SummaryDict(TypedDict):
    errors: int
    warnings: int
    notes: int
    #: Files with at least one diagnostic (as in the text summary line); all inputs are in "files".
    files: int


class ReportDict(TypedDict):
    version: int
    diagnostics: list[DiagnosticDict]
    files: list[FileDict]
    summary: SummaryDict


def json_pointer(pointer: Iterable[Any]) -> str:
    """RFC 6901 JSON Pointer of a pointer tuple: ``("a", 0, "b/c")`` -> ``"/a/0/b~1c"``."""
    return "".join("/" + str(part).replace("~", "~0").replace("/", "~1") for part in pointer)


def _span(span: Span) -> SpanDict:
    return {
        "line": span.line,
        "col": span.col,
        "end_line": span.end_line,
        "end_col": span.end_col,
        "approximate": span.approximate,
    }


def _related(loc: Location) -> RelatedDict:
    return {"path": loc.path, "span": _span(loc.span), "message": loc.message}


def diagnostic_dict(diag: Diagnostic) -> DiagnosticDict:
    """The JSON object of one diagnostic (shared by ``json`` and ``json-lines``)."""
    loc = diag.location
    return {
        "code": diag.code,
        "name": diag.name,
        "severity": diag.severity.value,
        "message": diag.message,
        "path": loc.path,
        "span": _span(loc.span),
        "pointer": json_pointer(diag.source_pointer),
        "logical_location": loc.logical,
        "related": [_related(r) for r in diag.related],
    }


def report_dict(report: Report) -> ReportDict:
    counts, files = tally(report)
    return {
        "version": VERSION,
        "diagnostics": [diagnostic_dict(d) for d in report.diagnostics],
        "files": [{"path": f.path, "kind": f.kind, "skipped": f.skipped} for f in report.files],
        "summary": {
            "errors": counts[Severity.ERROR],
            "warnings": counts[Severity.WARNING],
            "notes": counts[Severity.NOTE],
            "files": files,
        },
    }


class JsonFormatter:
    """The whole report as one JSON document, 2-space indent, sorted keys, newline at the end."""

    name = "json"

    def __init__(self, color: bool = False) -> None:
        del color  # machine-readable output is never coloured

    def write(self, report: Report, stream: IO[str]) -> None:
        json.dump(report_dict(report), stream, indent=2, sort_keys=True)
        stream.write("\n")


class JsonLinesFormatter:
    """One compact JSON object per diagnostic per line; nothing else (no summary)."""

    name = "json-lines"

    def __init__(self, color: bool = False) -> None:
        del color

    def write(self, report: Report, stream: IO[str]) -> None:
        for diag in report.diagnostics:
            stream.write(json.dumps(diagnostic_dict(diag), sort_keys=True, separators=(",", ":")) + "\n")
