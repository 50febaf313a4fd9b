"""Golden SARIF per document kind, each validated against the official SARIF 2.1.0 schema.

The goldens select a fixed set of rules so that new rules do not churn them; the version and the
absolute %SRCROOT% URI are normalized.  Refresh with ``pytest --update-snapshots``.
"""
from __future__ import annotations

import io
import json
from pathlib import Path

import jsonschema
import pytest

from ecslint.output.sarif import SarifFormatter
from helpers import FIXTURES, ROOT, lint_paths

SCHEMA = json.loads((ROOT / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
SNAPSHOTS = ROOT / "snapshots" / "sarif"
INPUTS = FIXTURES / "documents" / "sarif"
SELECT = ("ECS001", "ECS002", "ECS100", "ECS151", "ECS201", "ECS502", "ECS551")
CASES = {
    "task-definition": [INPUTS / "taskdef.json", INPUTS / "package.json"],
    "cloudformation-yaml": [INPUTS / "template.yaml"],
    "cloudformation-json": [INPUTS / "template.json"],
    "describe-services": [INPUTS / "service" / "service.json", INPUTS / "service" / "taskdef.json"],
}
TF = sorted((FIXTURES / "documents" / "terraform").glob("*.json")) if (FIXTURES / "documents" / "terraform").is_dir() else []
if TF:
    CASES["terraform-plan"] = TF[:1]


def render(paths: list[Path]) -> dict:  # type: ignore[type-arg]
    report = lint_paths(paths, select=SELECT, root=str(ROOT.parent))
    report.version = "0.0.0-test"
    buf = io.StringIO()
    SarifFormatter().write(report, buf)
    log = json.loads(buf.getvalue())
    log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"] = "file:///SRCROOT/"
    return log  # type: ignore[no-any-return]


@pytest.mark.parametrize("name", sorted(CASES))
def test_golden_sarif(name: str, update_snapshots: bool) -> None:
    log = render(CASES[name])
    jsonschema.validators.validator_for(SCHEMA)(SCHEMA).validate(log)
    run = log["runs"][0]
    uris = {a["location"]["uri"] for a in run["artifacts"]}
    assert all(u.startswith("tests/fixtures/") for u in uris), uris
    inputs = {str(p.relative_to(ROOT.parent)) for p in CASES[name]}
    assert inputs <= uris  # every input, linted or skipped, is an artifact (plus .tf sources findings point at)
    text = json.dumps(log, indent=2, sort_keys=True) + "\n"
    snap = SNAPSHOTS / f"{name}.sarif"
    if update_snapshots or not snap.exists():
        snap.parent.mkdir(parents=True, exist_ok=True)
        snap.write_text(text, encoding="utf-8")
    assert text == snap.read_text(encoding="utf-8")


def test_sarif_is_deterministic() -> None:
    paths = CASES["cloudformation-yaml"] + CASES["task-definition"]
    assert render(paths) == render(list(reversed(paths)))
