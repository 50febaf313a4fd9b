"""Value objects that flow from rules to formatters: Finding -> Diagnostic -> Report."""
from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Literal

if TYPE_CHECKING:  # pragma: no cover
    from ecslint.documents.base import Resource
    from ecslint.registry import RuleMeta

__all__ = ["Severity", "Span", "Related", "Finding", "Location", "Diagnostic", "FileResult", "Report"]

Pointer = tuple[Any, ...]


class Severity(str, enum.Enum):
    """How serious a diagnostic is. A field of each rule, overridable in config; never part of the code."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "note": 1}[self.value]


@dataclass(frozen=True, slots=True)
class Span:
    """A region of a source file: 1-based lines, 1-based code-point columns, end exclusive."""

    #: First line (1-based).
    line: int
    #: First column (1-based, in Unicode code points).
    col: int
    #: Last line (1-based).
    end_line: int
    #: Column just past the end (1-based).
    end_col: int
    #: True when the exact node was not found and an ancestor (or a string holding the node) is shown.
    approximate: bool = False


@dataclass(frozen=True, slots=True)
class Related:
    """A second place that explains a finding (the role that lacks a permission, the port it names)."""

    #: The resource the pointer belongs to.
    resource: Resource
    #: Pointer in the resource's canonical (ECS API) coordinates; () is the resource itself.
    pointer: Pointer
    #: What this place is, e.g. "task role TaskRole".
    message: str
    target: Literal["key", "value"] = "value"


@dataclass(frozen=True, slots=True)
class Finding:
    """What a rule yields: a pointer in canonical ECS-API coordinates and a message; no file, no line."""

    #: Pointer into the canonical model of the resource the rule runs on (or of ``resource``).
    pointer: Pointer
    #: What is wrong and what would be right.
    message: str
    #: Point at the member's key (e.g. a member that must be removed) or at its value.
    target: Literal["key", "value"] = "value"
    #: Another resource to point at instead of the one the rule runs on.
    resource: Resource | None = None
    #: Further places that explain the finding (SARIF relatedLocations).
    related: tuple[Related, ...] = ()
    #: Override of the rule's severity for this finding only (e.g. a "maybe" answer as a note).
    severity: Severity | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """A resolved place in a file."""

    #: Path as the user gave it (relative to the working directory when below it).
    path: str
    span: Span
    #: Logical location: CloudFormation logical id, Terraform address, task family, service name.
    logical: str | None = None
    #: The kind of the logical location ("resource", "module"...), for SARIF.
    logical_kind: str | None = None
    message: str | None = None


@dataclass(frozen=True, slots=True)
class Diagnostic:
    """A finding resolved to a file and a span, with its rule and effective severity."""

    code: str
    name: str
    message: str
    severity: Severity
    location: Location
    #: Pointer in the source document (not the canonical model), for JSON output and fingerprints.
    source_pointer: Pointer = ()
    related: tuple[Location, ...] = ()
    fix: str | None = None

    def sort_key(self) -> tuple[Any, ...]:
        s = self.location.span
        return (self.location.path, s.line, s.col, self.code, self.message)


@dataclass(slots=True)
class FileResult:
    """One input file of the run: every file appears, linted or skipped."""

    path: str
    #: Detected kind ("task-definition", "cloudformation", ... ) or None when skipped/unparseable.
    kind: str | None
    #: Why the file was skipped, if it was.
    skipped: str | None = None
    #: The source text (for code frames); None when not read.
    text: str | None = None


@dataclass(slots=True)
class Report:
    """The finished result of a run; formatters receive it and never re-parse."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    files: list[FileResult] = field(default_factory=list)
    #: The rules that fired, by code (for SARIF tool.driver.rules).
    rules: dict[str, RuleMeta] = field(default_factory=dict)
    #: Notes to print to stderr (skipped files, unresolved references...).
    notes: list[str] = field(default_factory=list)
    #: Absolute directory that SARIF URIs are relative to (the repository root, else the working directory).
    root: str = "."
    #: ecslint version, and plugin versions, for tool metadata.
    version: str = ""
    plugins: dict[str, str] = field(default_factory=dict)

    @property
    def has_findings(self) -> bool:
        return bool(self.diagnostics)
