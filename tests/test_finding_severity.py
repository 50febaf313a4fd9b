"""Per-finding severities that differ from their rule's default, checked on the fixture cases."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from ecslint.cli import main

FIXTURES = Path(__file__).parent / "fixtures" / "rules"


def severities(path: Path, code: str, capsys: pytest.CaptureFixture[str]) -> list[tuple[str, str]]:
    main(["check", "--isolated", "--exit-zero", "--output-format", "json", "--select", code, str(path)])
    out, _ = capsys.readouterr()
    return [(d["severity"], d["message"]) for d in json.loads(out)["diagnostics"]]


def test_ecs131_secret_overlap_is_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    # A name in both environment and secrets registers and runs (which value wins is undocumented):
    # a warning. The same name twice in environment stays an error (CloudFormation rejects it).
    got = severities(FIXTURES / "ECS131" / "bad" / "duplicates.json", "ECS131", capsys)
    assert [s for s, m in got if "twice" in m] == ["error"]
    assert [s for s, m in got if "both in environment and in secrets" in m] == ["warning"]


def test_ecs410_access_log_without_log_configuration_is_a_warning(capsys: pytest.CaptureFixture[str]) -> None:
    # ECS accepts accessLogConfiguration without a sibling logConfiguration (the CDK integ test
    # service-connect-access-log-without-log-driver deploys one); the access logs are just not written.
    got = severities(FIXTURES / "ECS410" / "bad" / "access-log.json", "ECS410", capsys)
    assert got and {s for s, _ in got} == {"warning"}
