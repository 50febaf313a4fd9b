"""Hard inputs, one by one: nesting 100,000 deep, alias bombs, a 50 MB file, odd encodings, odd YAML,
CloudFormation with every wrong type.  Each ends as an ECS001/ECS002 finding with a position, or as a
clean pass (a skipped file is a clean pass): never a traceback, never an internal error (ECS009),
never a lost file.  Nothing here is timed: the parser's limits (``MAX_DEPTH``, ``MAX_EXPANDED_NODES``)
are what make the bombs end, so each must end as the ECS001 that names the limit.
"""
from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest

from ecslint.engine import run
from ecslint.model import Report
from ecslint.options import Options
from ecslint.output.sarif import SarifFormatter
from ecslint.parsing import MAX_DEPTH
from helpers import plugins

N = 100_000
BOMB = "a YAML alias bomb?"


def lint(files: dict[str, bytes | str]) -> Report:
    p = plugins()
    data = [(name, body.encode() if isinstance(body, str) else body, True) for name, body in files.items()]
    report = run(data, p.registry, p.kinds, Options(select=("ALL",)))
    assert sorted(f.path for f in report.files) == sorted(files), "a file was lost"
    internal = [d.message for d in report.diagnostics if d.code == "ECS009"]
    assert not internal, internal
    out = io.StringIO()
    SarifFormatter().write(report, out)
    uris = [a["location"]["uri"] for a in json.loads(out.getvalue())["runs"][0]["artifacts"]]
    assert len(uris) == len(files), uris
    for d in report.diagnostics:
        assert d.location.span.line >= 1 and d.location.span.col >= 1
    return report


def one(name: str, body: bytes | str) -> list[tuple[str, int, int, str]]:
    """(code, line, col, message) of the ECS001/ECS002 findings of one file."""
    report = lint({name: body})
    return [(d.code, d.location.span.line, d.location.span.col, d.message) for d in report.diagnostics if d.code in ("ECS001", "ECS002")]


def parse_error(name: str, body: bytes | str) -> tuple[int, int, str]:
    found = [f for f in one(name, body) if f[0] == "ECS001"]
    assert len(found) == 1, found
    return found[0][1:]


# ============================================================================ nesting
NESTED = [
    ("list.json", "[" * N + "]" * N, (1, MAX_DEPTH + 1)),
    ("object.json", '{"a":' * N + "1" + "}" * N, (1, 5 * MAX_DEPTH + 1)),
    ("unclosed.json", "[" * N, (1, MAX_DEPTH + 1)),
    ("flow-list.yaml", "[" * N + "]" * N, (1, MAX_DEPTH + 1)),
    ("flow-map.yaml", "{a: " * N + "1" + "}" * N, (1, 4 * MAX_DEPTH + 1)),
    ("compact-seq.yaml", "- " * N + "x\n", (1, 2 * MAX_DEPTH + 1)),
    ("compact-seq-cr.yaml", "\r" + "- " * N + "x\r", (2, 2 * MAX_DEPTH + 1)),
    ("compact-seq-ls.yaml", "a:\u2028" + "- " * N + "x", (2, 2 * MAX_DEPTH - 1)),
    ("explicit-keys.yaml", "? " * N + "x\n", (1, 2 * MAX_DEPTH + 1)),
    ("block-map.yaml", "".join(" " * i + f"k{i}:\n" for i in range(2000)) + " " * 2000 + "v: 1\n", (MAX_DEPTH, MAX_DEPTH)),
    ("block-seq.yaml", "".join(" " * i + "-\n" for i in range(2000)) + " " * 2000 + "x\n", (MAX_DEPTH + 1, MAX_DEPTH + 1)),
    ("template.template", "Resources: " + "[" * N + "]" * N, (1, 11 + MAX_DEPTH)),
]


@pytest.mark.parametrize(("name", "body", "where"), NESTED, ids=[c[0] for c in NESTED])
def test_deep_nesting_is_refused_with_a_position(name: str, body: str, where: tuple[int, int]) -> None:
    line, col, message = parse_error(name, body)
    assert message.startswith("nesting is too deep") and str(MAX_DEPTH) in message, message
    assert (line, col) == where


def test_deep_json_inside_strings_is_bounded_too() -> None:
    """Terraform's container_definitions and policy documents, IAM's URL-encoded documents and
    CloudFormation policy documents given as strings are JSON inside JSON."""
    deep = "[" * N + "]" * N
    plan = {
        "format_version": "1.2",
        "planned_values": {
            "root_module": {
                "resources": [
                    {"address": "aws_ecs_task_definition.t", "mode": "managed", "type": "aws_ecs_task_definition", "name": "t",
                     "values": {"family": "t", "container_definitions": deep}},
                    {"address": "aws_iam_role.r", "mode": "managed", "type": "aws_iam_role", "name": "r",
                     "values": {"name": "r", "assume_role_policy": deep, "inline_policy": [{"name": "p", "policy": deep}]}},
                ]
            }
        },
    }  # fmt: skip
    iam = {"RoleDetailList": [{"RoleName": "r", "AssumeRolePolicyDocument": "%5B" * N, "RolePolicyList": [{"PolicyName": "p", "PolicyDocument": deep}]}]}
    cfn = {
        "Resources": {
            "R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": deep, "Policies": [{"PolicyName": "p", "PolicyDocument": deep}]}},
            "TD": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ExecutionRoleArn": {"Fn::GetAtt": ["R", "Arn"]}, "TaskRoleArn": {"Ref": "R"},
                   "ContainerDefinitions": [{"Name": "a", "Image": "b", "Secrets": [{"Name": "s", "ValueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/s"}]}]}},
        }
    }  # fmt: skip
    report = lint({"plan.tfplan.json": json.dumps(plan), "iam.json": json.dumps(iam), "cfn.json": json.dumps(cfn)})
    assert {f.kind for f in report.files} == {"terraform-plan", "iam", "cloudformation"}


def test_nesting_just_under_the_limit_is_read_by_every_kind() -> None:
    def nest(n: int) -> Any:
        v: Any = "x"
        for i in range(n):
            v = {f"k{i % 3}": v} if i % 2 else [v]
        return v

    deep = nest(MAX_DEPTH - 8)
    td = {"family": "x", "containerDefinitions": [{"name": "a", "image": "b", "dockerLabels": {"l": deep}, "command": deep}], "volumes": deep, "tags": deep}
    cfn = {
        "Resources": {
            "TD": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [{"Name": "a", "Image": deep, "Environment": deep}], "TaskRoleArn": {"Ref": "R"}}},
            "R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": {"Statement": [{"Effect": "Allow", "Principal": deep, "Action": deep}]}}},
        }
    }  # fmt: skip
    report = lint({"td.json": json.dumps(td), "cfn.json": json.dumps(cfn), "svc.json": json.dumps({"serviceName": "s", "taskDefinition": "x", "loadBalancers": deep})})
    assert [f.kind for f in sorted(report.files, key=lambda f: f.path)] == ["cloudformation", "service", "task-definition"]
    assert "ECS001" not in {d.code for d in report.diagnostics}


# ============================================================================ YAML alias bombs
def _laughs(levels: int = 9, width: int = 9) -> str:
    lines = ['a0: &a0 ["lol"]']
    for i in range(1, levels + 1):
        lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * width) + "]")
    return "\n".join(lines) + "\n"


BOMBS = [
    ("laughs.yaml", _laughs()),
    ("wide.yaml", "a: &a [" + ", ".join(["x"] * 10_000) + "]\nb: [" + ", ".join(["*a"] * 300) + "]\n"),
    ("maps.yaml", "a: &a {" + ", ".join(f"k{i}: v" for i in range(3000)) + "}\nb: [" + ", ".join(["*a"] * 1000) + "]\n"),
    ("merge.yaml", "a: &a {" + ", ".join(f"k{i}: v" for i in range(3000)) + "}\n" + "".join(f"b{i}: {{<<: *a}}\n" for i in range(1000))),
    ("cfn-bomb.template", "Resources:\n  TD:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      X: &x0 [a]\n"
     + "".join(f"      X{i}: &x{i} [" + ", ".join([f"*x{i - 1}"] * 10) + "]\n" for i in range(1, 9))),
]


@pytest.mark.parametrize(("name", "body"), BOMBS, ids=[c[0] for c in BOMBS])
def test_alias_bombs_are_refused(name: str, body: str) -> None:
    line, col, message = parse_error(name, body)
    assert BOMB in message and line >= 1 and col >= 1


def test_aliases_and_merge_keys_within_the_budget_are_read() -> None:
    body = """\
x-defaults: &defaults
  Image: nginx:1.27
  Essential: true
  Privileged: true
Resources:
  TD:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions:
        - <<: *defaults
          Name: web
        - <<: [*defaults, {Name: ignored, Memory: 512}]
          Name: side
        - &c {Name: third, Image: nginx}
        - *c
"""
    found = one("merge.yaml", body)
    assert not [f for f in found if f[0] == "ECS001"], found
    report = lint({"merge.yaml": body})
    privileged = [d for d in report.diagnostics if d.code == "ECS137"]
    assert {d.location.span.line for d in privileged} <= {4, 10, 12} and privileged


def test_recursive_alias_is_not_an_endless_loop() -> None:
    assert not [f for f in one("self.yaml", "a: &a [*a, 1]\nb: &b {c: *b}\n") if f[0] == "ECS009"]


# ============================================================================ a 50 MB file
@pytest.mark.slow
def test_fifty_megabytes_of_environment(tmp_path: Path) -> None:
    entries = 1_000_000  # 50 bytes each
    env = ",".join('{"name": "VAR_%07d", "value": "value-%07d"}' % (i, i) for i in range(entries))
    head = '{"family": "big", "networkMode": "awsvpc", "requiresCompatibilities": ["FARGATE"], "cpu": "256", "memory": "512", '
    body = head + '"containerDefinitions": [{"name": "web", "image": "nginx:1.27", "environment": [' + env + '], "privileged": true}]}'
    path = tmp_path / "big.json"
    path.write_text(body, encoding="utf-8")
    del env, body
    assert path.stat().st_size >= 50_000_000
    report = lint({"big.json": path.read_bytes()})
    assert report.files[0].kind == "task-definition"
    codes = {d.code for d in report.diagnostics}
    assert "ECS137" in codes and "ECS001" not in codes  # the privileged container, found at its place
    (privileged,) = [d for d in report.diagnostics if d.code == "ECS137"]
    assert privileged.location.span.line == 1 and privileged.location.span.col > 50_000_000


# ============================================================================ top level, encodings, numbers
@pytest.mark.parametrize(
    "body", ['"just a string"', "42", "-0.0", "1e400", "[1, 2, 3]", "[]", "{}", "null", "true", '[{"family": "x"}]']
)
def test_json_top_level_values_are_skipped_cleanly(body: str) -> None:
    report = lint({"top.json": body})
    assert report.diagnostics == [] and report.files[0].skipped


@pytest.mark.parametrize(("body", "where"), [('{"cpu": NaN}', (1, 9)), ('{"a": "NaN",\n "b": -Infinity}', (2, 7)), ("[Infinity]", (1, 2))])
def test_nan_and_infinity_are_parse_errors_at_the_token(body: str, where: tuple[int, int]) -> None:
    line, col, message = parse_error("nan.json", body)
    assert (line, col) == where and "is not valid JSON" in message


def test_huge_numbers() -> None:
    td = {"family": "x", "cpu": "256", "memory": "512", "containerDefinitions": [{"name": "a", "image": "b", "memory": 10**100, "cpu": -0.0}]}
    text = json.dumps(td).replace('"cpu": "256"', '"cpu": 1e400')
    found = one("big-numbers.json", text)
    assert found and {f[0] for f in found} == {"ECS002"}  # cpu must be a string, memory is out of range
    line, col, message = parse_error("digits.json", '{"family": "x",\n "memory": ' + "9" * 5000 + "}")
    assert (line, col) == (2, 12) and "digits" in message


def test_invalid_utf8_has_its_position() -> None:
    assert parse_error("latin1.json", b'{"family":\n  "caf\xe9"}')[:2] == (2, 7)


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_with_bom(codec: str) -> None:
    td = {"family": "x", "containerDefinitions": [{"name": "a", "image": "nginx:1.27", "privileged": True}]}
    data = json.dumps(td, indent=2).encode(codec)
    if codec == "utf-16-be":
        data = b"\xfe\xff" + data
    report = lint({"td.json": data})
    assert report.files[0].kind == "task-definition"
    assert [(d.location.span.line, d.location.span.col) for d in report.diagnostics if d.code == "ECS137"] == [(7, 21)]


def test_utf8_bom_and_nul_bytes() -> None:
    assert lint({"bom.json": b'\xef\xbb\xbf{"family": "x", "containerDefinitions": []}'}).files[0].kind == "task-definition"
    assert parse_error("nul.yaml", b"Resources:\n  A: \x00\n")[:2] == (2, 6)


@pytest.mark.parametrize(
    ("body", "where"),
    [
        ('{"family": "\\ud800", "containerDefinitions": []}', (1, 12)),
        ('{"family": "x", "containerDefinitions": [{"name": "a\\udfffb", "image": "b"}]}', (1, 51)),
        ('{"x": {"\\udbff": 1}}', (1, 8)),
    ],
)
def test_lone_surrogate_escapes_are_parse_errors_at_the_string(body: str, where: tuple[int, int]) -> None:
    line, col, message = parse_error("surrogate.json", body)
    assert (line, col) == where and "lone surrogate" in message


def test_surrogate_pairs_are_characters() -> None:
    report = lint({"pair.json": '{"family": "\\ud83d\\ude80", "containerDefinitions": [{"name": "a", "image": "b"}]}'})
    assert report.files[0].kind == "task-definition" and "ECS001" not in {d.code for d in report.diagnostics}


# ============================================================================ YAML oddities
def test_yaml_multiple_documents_is_a_parse_error_at_the_second() -> None:
    line, col, message = parse_error("multi.yaml", "Resources: {}\n---\nResources: {}\n")
    assert (line, col) == (2, 1) and "single document" in message


def test_yaml_keys_that_are_not_strings() -> None:
    body = """\
AWSTemplateFormatVersion: 2010-09-09
Resources:
  ? [a, b]
  : {Type: AWS::S3::Bucket}
  1: {Type: AWS::S3::Bucket}
  null: {Type: AWS::ECS::Cluster, Properties: {ClusterName: c}}
  true: x
  2024-01-01: {Type: AWS::S3::Bucket}
  TD:
    Type: AWS::ECS::TaskDefinition
    Properties:
      ContainerDefinitions: [{Name: a, Image: b, Privileged: true}]
      ? {x: 1}
      : y
"""
    report = lint({"keys.yaml": body})
    assert report.files[0].kind == "cloudformation"
    assert "ECS001" not in {d.code for d in report.diagnostics}
    assert 12 in {d.location.span.line for d in report.diagnostics if d.code == "ECS137"}


def test_tabs_in_yaml_indentation_are_an_error_with_a_position() -> None:
    line, col, message = parse_error("tabs.yaml", "Resources:\n  TD:\n\tType: AWS::ECS::TaskDefinition\n")
    assert (line, col) == (3, 1) and message.startswith("invalid YAML")


def test_unknown_tags_and_odd_scalars() -> None:
    body = """\
Resources:
  TD:
    Type: !Foo AWS::ECS::TaskDefinition
    Properties:
      Cpu: !!binary aGVsbG8=
      Memory: .inf
      Family: !Sub
      NetworkMode: !Ref [a, b]
      ContainerDefinitions: !If [C, [{Name: a, Image: b}], !Ref AWS::NoValue]
      Volumes: !!set {a, b}
      Tags: !!omap [{a: 1}]
      PidMode: 0x1F
      IpcMode: 1:30:00
"""
    assert not [f for f in one("tags.yaml", body) if f[0] == "ECS001"]


def test_windows_line_endings_throughout_keep_positions() -> None:
    body = "Resources:\n  TD:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: a\n          Image: b\n          Privileged: true\n"
    unix = lint({"t.yaml": body})
    crlf = lint({"t.yaml": body.replace("\n", "\r\n")})
    as_json = lint({"t.json": json.dumps({"family": "x", "containerDefinitions": [{"name": "a", "image": "b", "privileged": True}]}, indent=2).replace("\n", "\r\n")})
    def spans(r: Report) -> list[tuple[str, int, int]]:
        return [(d.code, d.location.span.line, d.location.span.col) for d in r.diagnostics]
    assert spans(unix) == spans(crlf) and ("ECS137", 8, 23) in spans(crlf)
    assert ("ECS137", 7, 21) in spans(as_json)


@pytest.mark.parametrize("body", ["", " ", "\n\n", "---\n", "# comment only\n", "~\n", "- a\n- b\n", "just text\n"])
def test_empty_and_scalar_yaml_are_skipped_cleanly(body: str) -> None:
    report = lint({"e.yaml": body})
    assert report.diagnostics == [] and report.files[0].skipped


# ============================================================================ CloudFormation with every wrong type
WRONG: list[Any] = [None, 0, -1, 10**100, 1.5, -0.0, True, "", "x", "é" * 1000, [], [None], [1, "a"], {}, {"a": None}, {"Ref": "X"}, [[]], [{}]]


@pytest.mark.parametrize("value", WRONG, ids=[repr(v)[:20] for v in WRONG])
def test_cloudformation_with_wrong_types_everywhere(value: Any) -> None:
    container = {"Name": "a", "Image": "b"}
    templates = {
        "resources.json": {"AWSTemplateFormatVersion": "2010-09-09", "Resources": value},
        "resource.json": {"Resources": {"TD": value, "S": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": {"Ref": "TD"}}}}},
        "type.json": {"Resources": {"TD": {"Type": value, "Properties": {"ContainerDefinitions": [container]}}}},
        "properties.json": {"Resources": {"TD": {"Type": "AWS::ECS::TaskDefinition", "Properties": value}, "R": {"Type": "AWS::IAM::Role", "Properties": value}}},
        "containers.json": {"Resources": {"TD": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": value}}}},
        "container.json": {"Resources": {"TD": {"Type": "AWS::ECS::TaskDefinition", "Properties": {"ContainerDefinitions": [value, container]}}}},
        "members.json": {"Resources": {"TD": {"Type": "AWS::ECS::TaskDefinition", "Properties": {
            "ContainerDefinitions": [{k: value for k in ("Name", "Image", "PortMappings", "Environment", "Secrets", "LogConfiguration",
                                                          "MountPoints", "LinuxParameters", "HealthCheck", "DependsOn", "Ulimits", "Privileged")}],
            "Volumes": value, "Cpu": value, "Memory": value, "NetworkMode": value, "RequiresCompatibilities": value, "TaskRoleArn": value,
            "ExecutionRoleArn": value, "RuntimePlatform": value, "Family": value}},
            "S": {"Type": "AWS::ECS::Service", "Properties": {"TaskDefinition": {"Ref": "TD"}, "LaunchType": value, "NetworkConfiguration": value,
                  "LoadBalancers": value, "CapacityProviderStrategy": value, "DeploymentConfiguration": value, "Cluster": value}},
            "C": {"Type": "AWS::ECS::Cluster", "Properties": {"ClusterSettings": value, "Configuration": value, "CapacityProviders": value}},
            "A": {"Type": "AWS::ECS::ClusterCapacityProviderAssociations", "Properties": {"Cluster": value, "CapacityProviders": value,
                  "DefaultCapacityProviderStrategy": value}},
            "R": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": value, "Policies": value, "ManagedPolicyArns": value,
                  "RoleName": value}},
            "P": {"Type": "AWS::IAM::Policy", "Properties": {"PolicyDocument": value, "Roles": value, "PolicyName": value}},
            "M": {"Type": "AWS::ECS::TaskDefinition", "Metadata": value, "Properties": {"ContainerDefinitions": [container]}}}},
        "intrinsics.json": {"Resources": {"TD": {"Type": "AWS::ECS::TaskDefinition", "Properties": {
            "ContainerDefinitions": [{"Name": {"Fn::Sub": value}, "Image": {"Fn::Join": value}, "Environment": {"Fn::If": value}}],
            "TaskRoleArn": {"Fn::GetAtt": value}, "ExecutionRoleArn": {"Ref": value}, "Cpu": {"Fn::Select": value}, "Family": {"Fn::Sub": [value, value]}}}}},
    }  # fmt: skip
    report = lint({name: json.dumps(t) for name, t in templates.items()})
    assert not [d for d in report.diagnostics if d.code == "ECS001"]


def test_the_alias_budget_counts_only_what_aliases_add(monkeypatch: pytest.MonkeyPatch) -> None:
    """A large document without aliases is not a bomb; the same size reached through aliases is."""
    from ecslint import parsing

    monkeypatch.setattr(parsing, "MAX_EXPANDED_NODES", 1000)
    env = "".join(f"            - {{Name: V{i}, Value: x}}\n" for i in range(600))  # 3,000 nodes
    head = "Resources:\n  TD:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n"
    plain = head + "        - Name: web\n          Image: nginx\n          Privileged: true\n          Environment:\n" + env
    report = lint({"plain.yaml": plain})
    assert report.files[0].kind == "cloudformation" and "ECS137" in {d.code for d in report.diagnostics}
    aliased = "x-env: &env [" + ", ".join("{Name: V%d, Value: x}" % i for i in range(100)) + "]\n" + head
    aliased += "".join(f"        - {{Name: c{i}, Image: nginx, Environment: *env}}\n" for i in range(5))
    line, col, message = parse_error("aliased.yaml", aliased)
    assert BOMB in message and (line, col) == (1, 8)  # the anchored node that is used too often


def test_aliases_and_tags_do_not_get_around_the_depth_limit() -> None:
    inner = "[" * 250 + "x" + "]" * 250
    through_alias = f"x-deep: &d {inner}\nx: {'{a: ' * 200}*d{'}' * 200}\n"
    assert "through aliases" in parse_error("alias.yaml", through_alias)[2]
    tags = "!Foo [" * 200 + "x" + "]" * 200  # each tag is one more level: {"Fn::Foo": [...]}
    body = f"family: x\ncontainerDefinitions:\n  - name: a\n    image: b\n    dockerLabels: {tags}\n"
    assert parse_error("tags.yaml", body)[2].startswith("nesting is too deep")
    fine = "!Foo [" * 100 + "x" + "]" * 100
    report = lint({"fine.yaml": f"family: x\ncontainerDefinitions:\n  - name: a\n    image: b\n    dockerLabels: {fine}\n"})
    assert report.files[0].kind == "task-definition" and "ECS001" not in {d.code for d in report.diagnostics}
