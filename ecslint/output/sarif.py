"""``sarif``: SARIF 2.1.0 for GitHub code scanning and other SARIF consumers.

Built as plain dicts (typed at this JSON boundary with TypedDicts) and written with ``json.dump``.

Choices that keep alerts stable between runs:

- URIs are relative to ``Report.root`` (the repository root) with ``uriBaseId`` ``%SRCROOT%``; the absolute
  root goes once into ``run.originalUriBaseIds``. A file outside the root gets an absolute ``file:`` URI.
- ``partialFingerprints["ecslintFingerprint/v1"]`` hashes the rule, the URI, the logical location, the
  source pointer and the message, not line numbers, so editing lines above a finding keeps its alert.
- Output is a function of the report alone: keys sorted, no timestamps, no environment lookups.
  ``automationDetails.id`` is set only from the constructor argument.
"""
from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path
from typing import IO, TypedDict
from urllib.parse import quote

from ecslint.model import Diagnostic, Location, Report
from ecslint.output.json import json_pointer
from ecslint.registry import DOCS_URL, RuleMeta

__all__ = ["SarifFormatter", "sarif_log", "fingerprint", "SCHEMA_URI", "SRCROOT"]

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
SRCROOT = "%SRCROOT%"
FINGERPRINT_KEY = "ecslintFingerprint/v1"
INFORMATION_URI = DOCS_URL.split("/blob/", 1)[0]


class Message(TypedDict):
    text: str


class MultiformatMessage(TypedDict):
    text: str
    markdown: str


class _ArtifactLocationBase(TypedDict):
    uri: str


class ArtifactLocation(_ArtifactLocationBase, total=False):
    uriBaseId: str
    index: int


class Region(TypedDict):
    startLine: int
    startColumn: int
    endLine: int
    endColumn: int


class PhysicalLocation(TypedDict):
    artifactLocation: ArtifactLocation
    region: Region


class LogicalLocation(TypedDict):
    name: str
    kind: str


class SarifLocation(TypedDict, total=False):
    id: int
    physicalLocation: PhysicalLocation
    logicalLocations: list[LogicalLocation]
    message: Message


class ReportingConfiguration(TypedDict):
    level: str


#: ``properties`` of a rule: ``tags`` and, on security rules, ``security-severity`` (a key no class can spell).
RuleProperties = TypedDict("RuleProperties", {"tags": list[str], "security-severity": str}, total=False)


class ReportingDescriptor(TypedDict, total=False):
    id: str
    name: str
    shortDescription: Message
    fullDescription: Message
    help: MultiformatMessage
    helpUri: str
    defaultConfiguration: ReportingConfiguration
    properties: RuleProperties


class ResultProperties(TypedDict, total=False):
    approximate: bool


class Result(TypedDict, total=False):
    ruleId: str
    ruleIndex: int
    level: str
    message: Message
    locations: list[SarifLocation]
    relatedLocations: list[SarifLocation]
    partialFingerprints: dict[str, str]
    properties: ResultProperties


class ArtifactProperties(TypedDict, total=False):
    skipped: str


class Artifact(TypedDict, total=False):
    location: ArtifactLocation
    properties: ArtifactProperties


class Driver(TypedDict):
    name: str
    version: str
    semanticVersion: str
    informationUri: str
    rules: list[ReportingDescriptor]


class Tool(TypedDict):
    driver: Driver


class AutomationDetails(TypedDict):
    id: str


class RunProperties(TypedDict, total=False):
    plugins: dict[str, str]


class Run(TypedDict, total=False):
    tool: Tool
    automationDetails: AutomationDetails
    originalUriBaseIds: dict[str, ArtifactLocation]
    artifacts: list[Artifact]
    results: list[Result]
    columnKind: str
    properties: RunProperties


SarifLog = TypedDict("SarifLog", {"$schema": str, "version": str, "runs": list[Run]})


class _Uris:
    """Turns displayed paths into SARIF artifact locations relative to the root."""

    def __init__(self, root: str) -> None:
        self.root = os.path.abspath(root)

    def root_uri(self) -> str:
        uri = Path(self.root).as_uri()
        return uri if uri.endswith("/") else uri + "/"

    def location(self, path: str) -> ArtifactLocation:
        absolute = os.path.abspath(path)
        try:
            rel = os.path.relpath(absolute, self.root)
        except ValueError:  # another drive on Windows
            rel = absolute
        if os.path.isabs(rel) or rel == os.pardir or rel.startswith(os.pardir + os.sep):
            return {"uri": Path(absolute).as_uri()}
        return {"uri": quote(rel.replace(os.sep, "/"), safe="/"), "uriBaseId": SRCROOT}


def fingerprint(rule_id: str, uri: str, logical: str | None, pointer: str, message: str) -> str:
    """Stable identity of a result: independent of line and column, so edits elsewhere keep the alert."""
    payload = json.dumps([rule_id, uri, logical or "", pointer, message], ensure_ascii=False)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


def _descriptor(code: str, meta: RuleMeta | None, diag: Diagnostic) -> ReportingDescriptor:
    if meta is None:  # a code the report does not describe: say what we know rather than drop it
        return {
            "id": code,
            "name": diag.name,
            "shortDescription": {"text": diag.name},
            "helpUri": f"{DOCS_URL}/{code}.md",
            "defaultConfiguration": {"level": diag.severity.value},
        }
    doc = meta.doc.strip() or meta.summary
    props: RuleProperties = {"tags": list(dict.fromkeys(meta.tags))}
    if meta.security_severity is not None:
        props["security-severity"] = f"{meta.security_severity:.1f}"
    return {
        "id": meta.code,
        "name": meta.name,
        "shortDescription": {"text": meta.summary},
        "fullDescription": {"text": meta.what_it_does},
        "help": {"text": doc, "markdown": doc},
        "helpUri": meta.help_uri,
        "defaultConfiguration": {"level": meta.severity.value},
        "properties": props,
    }


def _logical(loc: Location) -> list[LogicalLocation]:
    return [{"name": loc.logical, "kind": loc.logical_kind or "resource"}] if loc.logical else []


def sarif_log(report: Report, automation_id: str | None = None) -> SarifLog:
    """The SARIF log of ``report`` as plain dicts."""
    uris = _Uris(report.root)

    artifacts: list[Artifact] = []
    artifact_index: dict[str, int] = {}

    def artifact(path: str, skipped: str | None = None) -> int:
        if path in artifact_index:
            return artifact_index[path]
        entry: Artifact = {"location": uris.location(path)}
        if skipped is not None:
            entry["properties"] = {"skipped": skipped}
        artifact_index[path] = len(artifacts)
        artifacts.append(entry)
        return artifact_index[path]

    for f in report.files:
        artifact(f.path, f.skipped)

    def physical(loc: Location) -> PhysicalLocation:
        where = uris.location(loc.path)
        where["index"] = artifact(loc.path)
        s = loc.span
        region: Region = {"startLine": s.line, "startColumn": s.col, "endLine": s.end_line, "endColumn": s.end_col}
        return {"artifactLocation": where, "region": region}

    first: dict[str, Diagnostic] = {}
    for d in report.diagnostics:
        first.setdefault(d.code, d)
    codes = sorted(first)
    rule_index = {code: i for i, code in enumerate(codes)}
    rules = [_descriptor(code, report.rules.get(code), first[code]) for code in codes]

    results: list[Result] = []
    for d in report.diagnostics:
        loc = d.location
        primary: SarifLocation = {"physicalLocation": physical(loc)}
        if loc.logical:
            primary["logicalLocations"] = _logical(loc)
        uri = primary["physicalLocation"]["artifactLocation"]["uri"]
        result: Result = {
            "ruleId": d.code,
            "ruleIndex": rule_index[d.code],
            "level": d.severity.value,
            "message": {"text": d.message},
            "locations": [primary],
            "partialFingerprints": {
                FINGERPRINT_KEY: fingerprint(d.code, uri, loc.logical, json_pointer(d.source_pointer), d.message)
            },
        }
        related: list[SarifLocation] = []
        for i, rel in enumerate(d.related, start=1):
            item: SarifLocation = {"id": i, "physicalLocation": physical(rel)}
            if rel.logical:
                item["logicalLocations"] = _logical(rel)
            if rel.message:
                item["message"] = {"text": rel.message}
            related.append(item)
        if related:
            result["relatedLocations"] = related
        if loc.span.approximate:
            result["properties"] = {"approximate": True}
        results.append(result)

    version = report.version or _own_version()
    run: Run = {
        "tool": {
            "driver": {
                "name": "ecslint",
                "version": version,
                "semanticVersion": version,
                "informationUri": INFORMATION_URI,
                "rules": rules,
            }
        },
        "originalUriBaseIds": {SRCROOT: {"uri": uris.root_uri()}},
        "artifacts": artifacts,
        "results": results,
        "columnKind": "unicodeCodePoints",
    }
    if automation_id:
        run["automationDetails"] = {"id": automation_id}
    if report.plugins:
        run["properties"] = {"plugins": dict(sorted(report.plugins.items()))}
    return {"$schema": SCHEMA_URI, "version": "2.1.0", "runs": [run]}


def _own_version() -> str:
    from ecslint import __version__

    return __version__


class SarifFormatter:
    """SARIF 2.1.0, one run, deterministic bytes for the same report."""

    name = "sarif"

    def __init__(self, color: bool = False, automation_id: str | None = None) -> None:
        del color
        #: ``run.automationDetails.id`` (e.g. ``ecslint/prod``), for several uploads to one repository.
        self.automation_id = automation_id

    def write(self, report: Report, stream: IO[str]) -> None:
        json.dump(sarif_log(report, self.automation_id), stream, indent=2, sort_keys=True)
        stream.write("\n")
