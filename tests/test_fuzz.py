"""Property-based fuzzing of every input kind through the real engine, with every rule selected.

Documents of each kind are built valid-shaped (raw task definitions, describe-task-definition output,
services, run-task input, clusters, CloudFormation YAML and JSON with short tags, Terraform plans with
``container_definitions`` strings and ``after_unknown``, IAM get-account-authorization-details), then
values at random positions get the wrong type, and then the bytes are damaged (truncation, flipped
bytes, BOM, CRLF, NUL, tabs, duplicate keys, unknown tags, anchors, top-level lists and scalars,
empty files, binary garbage).  The rule fixtures of the repository are a second seed corpus.

Properties, for any such input:

* ``run`` returns (no exception, no hang) and never reports ECS009 (internal error);
* every input file appears in ``report.files`` (and in SARIF ``run.artifacts``);
* every diagnostic (and related location) has a span with line >= 1, col >= 1 and a line within
  the file's lines (+1);
* the report can be written by every built-in formatter and encoded as UTF-8;
* good files linted beside a broken one keep their findings (the run goes on), in one process and in
  the forked workers that many files get.

Runs are reproducible: ``derandomize=True`` and no example database (nothing is written to
``.hypothesis/``).  Deterministic hard inputs (deep nesting, alias bombs, a 50 MB file ...) are in
``test_hard_inputs.py``.
"""
from __future__ import annotations

import copy
import io
import json
import multiprocessing
import os
import re
import urllib.parse
import warnings
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from ecslint.engine import run
from ecslint.model import Report
from ecslint.options import Options
from ecslint.output import get_formatter
from ecslint.source import DecodeError, decode
from helpers import FIXTURES, plugins

with warnings.catch_warnings():
    # Hypothesis imports this (and libcst, which warns on import) to report a failure; under
    # ``-W error`` that warning would hide the failure behind an INTERNALERROR.
    warnings.simplefilter("ignore")
    try:
        import hypothesis.extra._patching  # noqa: F401
    except Exception:  # noqa: BLE001 - only a nicer failure report is at stake
        pass

#: A failing example is a whole file: printing it must not turn into a second failure under -W error.
pytestmark = pytest.mark.filterwarnings("ignore:Generating overly large repr")

#: Examples per property (each test names its own count); the whole file runs in about 20 s.
EXAMPLES = 60


#: Shrinking a failing example re-lints it hundreds of times (minutes for a project of files): CI
#: reports the example as found, with its @reproduce_failure blob; set ECSLINT_FUZZ_SHRINK=1 locally
#: to get the smallest one.
SHRINK = bool(os.environ.get("ECSLINT_FUZZ_SHRINK"))


def fuzz_settings(examples: int = EXAMPLES) -> settings:
    return settings(
        max_examples=examples,
        deadline=None,
        derandomize=True,
        database=None,
        print_blob=True,
        phases=[Phase.explicit, Phase.generate, *([Phase.shrink, Phase.explain] if SHRINK else [])],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )


# ============================================================================ the property
LINE_BREAKS = re.compile(r"\r\n|[\r\n\x85\u2028\u2029]")
FORMATS = ("concise", "full", "json", "json-lines", "sarif", "github")


def _line_count(data: bytes) -> int:
    try:
        text = decode(data)
    except DecodeError:
        text = data.decode("utf-8", "replace")
    return len(LINE_BREAKS.split(text))


def lint_files(files: list[tuple[str, bytes]]) -> Report:
    p = plugins()
    return run([(name, data, True) for name, data in files], p.registry, p.kinds, Options(select=("ALL",)))


def check_report(files: list[tuple[str, bytes]], report: Report) -> None:
    names = [name for name, _ in files]
    assert sorted(f.path for f in report.files) == sorted(names), "a file was lost"
    internal = [f"{d.location.path}: {d.message}" for d in report.diagnostics if d.code == "ECS009"]
    assert not internal, internal
    counts = {name: _line_count(data) for name, data in files}
    for d in report.diagnostics:
        for loc in (d.location, *d.related):
            s = loc.span
            assert s.line >= 1 and s.col >= 1, (d.code, d.message, s)
            assert s.end_line >= s.line, (d.code, d.message, s)
            if loc.path in counts:
                assert s.line <= counts[loc.path] + 1, (d.code, d.message, s, counts[loc.path])
    written = {}
    for name in FORMATS:
        out = io.StringIO()
        get_formatter(name, plugins().formatters).write(report, out)
        written[name] = out.getvalue()
        written[name].encode("utf-8")  # what a UTF-8 stdout does: no lone surrogates
    artifacts = json.loads(written["sarif"])["runs"][0].get("artifacts", [])
    assert len(artifacts) == len(set(names)), "SARIF run.artifacts must list every input"


def lint_and_check(files: list[tuple[str, bytes]]) -> Report:
    report = lint_files(files)
    check_report(files, report)
    return report


# ============================================================================ wrong values
RAW_TOKENS = {"__RAW_1e400__": "1e400", "__RAW_neg1e400__": "-1e400", "__RAW_1.0e+400__": "1.0e+400", "__RAW_negzero__": "-0.0"}

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.sampled_from([0, -1, 1, 65535, 65536, 2**31, 2**63, 2**64, 10**100, -(10**100)]),
    st.integers(),
    st.sampled_from([-0.0, 0.5, 1e-300, 1.7976931348623157e308, 256.0, 512.5]),
    st.sampled_from(list(RAW_TOKENS)),
    st.sampled_from(
        [
            "", " ", "\t", "0", "-1", "true", "false", "null", "~", "yes", "NaN", "1e400", "0x1F", "1_000", "12:30:00",
            "2024-01-01", "${AWS::Region}", "${Unclosed", "$${x}", "${!Literal}", "arn:aws:iam::123456789012:role/x",
            "arn:aws:iam::aws:policy/AdministratorAccess", "arn:", "*", "ünïcødé", "\u202eevil", "🚀" * 5, "\x00nul",
            "\ud800", "a\udfffb", "line\nbreak", "tab\there", "'\"quotes\"'", "- dash", "? q", "&anchor", "*alias",
            "!Ref x", "%7B%22a%22%3A1%7D", "{", "[1, 2", '{"Statement": [', "x" * 5000, "é" * 3000 + "\n" * 50,
            "[" * 3000 + "]" * 3000, '{"Version": "2012-10-17", "Statement": {"Effect": "Allow", "Action": "*", "Resource": "*"}}',
        ]
    ),
    st.text(max_size=40),
)


def _nested(children: st.SearchStrategy[Any]) -> st.SearchStrategy[Any]:
    return st.one_of(st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=4))


weird = st.recursive(scalars, _nested, max_leaves=8)


def _swap(value: Any) -> list[Any]:
    """Values of the wrong type built from a value: objects where lists go and the other way round."""
    out: list[Any] = []
    if isinstance(value, dict):
        out += [list(value.values()), list(value.items()), list(value), json.dumps(value, default=str), len(value)]
    elif isinstance(value, list):
        out += [{str(i): v for i, v in enumerate(value)}, value[0] if value else None, json.dumps(value, default=str), [value]]
    elif isinstance(value, str):
        out += [len(value), [value], {value: value}, value * 50, value[: len(value) // 2]]
    elif isinstance(value, bool):
        out += [str(value).lower(), int(value), [value]]
    elif isinstance(value, (int, float)):
        out += [str(value), -value, [value], {"value": value}, value * 10**30]
    return out or [None]


def _paths(doc: Any) -> list[tuple[Any, ...]]:
    out: list[tuple[Any, ...]] = []
    stack: list[tuple[tuple[Any, ...], Any]] = [((), doc)]
    while stack:
        p, v = stack.pop()
        out.append(p)
        if isinstance(v, dict):
            stack.extend((p + (k,), x) for k, x in v.items())
        elif isinstance(v, list):
            stack.extend((p + (i,), x) for i, x in enumerate(v))
    return out


def _get(doc: Any, path: tuple[Any, ...]) -> Any:
    for part in path:
        doc = doc[part]
    return doc


def _set(doc: Any, path: tuple[Any, ...], value: Any) -> Any:
    if not path:
        return value
    _get(doc, path[:-1])[path[-1]] = value
    return doc


@st.composite
def mutated(draw: st.DrawFn, base: Any, max_changes: int = 6) -> Any:
    """``base`` with up to ``max_changes`` changes at positions drawn from every node (the root only now
    and then): a weird value, a value of the wrong type built from the one there, a removed member or
    a repeated list item."""
    doc = copy.deepcopy(base)
    for _ in range(draw(st.integers(0, max_changes))):
        paths = _paths(doc)
        if len(paths) > 1 and draw(st.integers(0, 9)) > 0:
            paths = paths[1:]  # the root itself only now and then
        path = draw(st.sampled_from(paths))
        how = draw(st.sampled_from(["weird", "weird", "swap", "drop", "dup"]))
        current = _get(doc, path)
        if how == "drop" and path:
            parent = _get(doc, path[:-1])
            del parent[path[-1]]
        elif how == "dup" and path and isinstance(_get(doc, path[:-1]), list):
            _get(doc, path[:-1]).append(copy.deepcopy(current))
        elif how == "swap":
            doc = _set(doc, path, draw(st.sampled_from(_swap(current))))
        else:
            doc = _set(doc, path, draw(weird))
    return doc


@st.composite
def scrambled(draw: st.DrawFn, base: Any) -> Any:
    """``base`` with each value below the top levels replaced, at a rate drawn once, by a wrong one:
    many wrong types at once, in a document that is still recognized, so that every rule meets some."""
    rate = draw(st.sampled_from([5, 15, 40]))

    def walk(value: Any, depth: int) -> Any:
        if depth >= 3 and draw(st.integers(0, 99)) < rate:
            return draw(st.one_of(scalars, st.sampled_from(_swap(value))))
        if isinstance(value, dict):
            return {k: walk(v, depth + 1) for k, v in value.items()}
        if isinstance(value, list):
            return [walk(v, depth + 1) for v in value]
        return value

    return walk(base, 0)


# ============================================================================ documents of each kind
ACCOUNT = "123456789012"
names = st.sampled_from(["web", "app", "sidecar", "envoy", "log_router", "x", "", "a-b_c", "名前"])
images = st.sampled_from(
    [
        "nginx:1.27", "nginx", "nginx:latest", f"{ACCOUNT}.dkr.ecr.eu-west-1.amazonaws.com/app@sha256:" + "a" * 64,
        "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable", "${Image}", "",
    ]
)  # fmt: skip


def trust_policy(service: str = "ecs-tasks.amazonaws.com") -> dict[str, Any]:
    return {
        "Version": "2012-10-17",
        "Statement": [
            {
                "Effect": "Allow",
                "Principal": {"Service": service},
                "Action": "sts:AssumeRole",
                "Condition": {"StringEquals": {"aws:SourceAccount": ACCOUNT}, "ArnLike": {"aws:SourceArn": f"arn:aws:ecs:*:{ACCOUNT}:*"}},
            }
        ],
    }


@st.composite
def policy_document(draw: st.DrawFn) -> dict[str, Any]:
    actions = draw(
        st.lists(
            st.sampled_from(
                [
                    "*", "s3:*", "s3:GetObject", "ecr:GetAuthorizationToken", "ecr:BatchGetImage", "logs:CreateLogStream",
                    "logs:PutLogEvents", "secretsmanager:GetSecretValue", "ssm:GetParameters", "kms:Decrypt",
                    "ssmmessages:CreateControlChannel", "iam:PassRole", "elasticfilesystem:ClientMount", "ecs:*",
                ]
            ),
            min_size=1,
            max_size=4,
        )
    )  # fmt: skip
    statement: dict[str, Any] = {
        "Sid": draw(st.sampled_from(["", "S1", "x" * 100])),
        "Effect": draw(st.sampled_from(["Allow", "Deny", "allow"])),
        draw(st.sampled_from(["Action", "NotAction"])): actions if len(actions) > 1 else actions[0],
        draw(st.sampled_from(["Resource", "NotResource"])): draw(
            st.sampled_from(["*", [f"arn:aws:s3:::bucket/*"], f"arn:aws:secretsmanager:eu-west-1:{ACCOUNT}:secret:db-AbCdEf", []])
        ),
    }
    if draw(st.booleans()):
        statement["Condition"] = {"StringEquals": {"aws:ResourceTag/team": "a"}, "Bool": {"aws:SecureTransport": "true"}}
    return {"Version": draw(st.sampled_from(["2012-10-17", "2008-10-17"])), "Statement": [statement] * draw(st.integers(1, 2))}


@st.composite
def container(draw: st.DrawFn) -> dict[str, Any]:
    name = draw(names)
    c: dict[str, Any] = {
        "name": name,
        "image": draw(images),
        "essential": draw(st.booleans()),
        "cpu": draw(st.sampled_from([0, 128, 256])),
        "memory": draw(st.sampled_from([128, 512, 4096])),
        "memoryReservation": 64,
        "portMappings": [
            {"containerPort": 80, "hostPort": draw(st.sampled_from([0, 80, 8080])), "protocol": "tcp", "name": "http", "appProtocol": "http"},
            {"containerPortRange": "9000-9100", "protocol": "udp"},
        ],
        "environment": [{"name": "AWS_SECRET_ACCESS_KEY", "value": "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"}, {"name": "A", "value": "b"}],
        "environmentFiles": [{"value": "arn:aws:s3:::bucket/env", "type": "s3"}],
        "secrets": [
            {"name": "DB", "valueFrom": f"arn:aws:secretsmanager:eu-west-1:{ACCOUNT}:secret:db-AbCdEf:password::"},
            {"name": "P", "valueFrom": "/param/name"},
        ],
        "logConfiguration": {
            "logDriver": draw(st.sampled_from(["awslogs", "awsfirelens", "splunk", "json-file"])),
            "options": {"awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "web", "mode": "non-blocking"},
            "secretOptions": [{"name": "splunk-token", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/t"}],
        },
        "firelensConfiguration": {"type": "fluentbit", "options": {"enable-ecs-log-metadata": "true"}},
        "mountPoints": [{"sourceVolume": "data", "containerPath": "/data", "readOnly": False}],
        "volumesFrom": [{"sourceContainer": "sidecar", "readOnly": True}],
        "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "interval": 30, "timeout": 5, "retries": 3, "startPeriod": 0},
        "linuxParameters": {
            "capabilities": {"add": ["SYS_ADMIN", "NET_ADMIN"], "drop": ["ALL"]},
            "devices": [{"hostPath": "/dev/fuse", "containerPath": "/dev/fuse", "permissions": ["read"]}],
            "initProcessEnabled": True,
            "sharedMemorySize": 64,
            "tmpfs": [{"containerPath": "/tmp", "size": 64, "mountOptions": ["rw"]}],
            "maxSwap": 0,
            "swappiness": 60,
        },
        "ulimits": [{"name": "nofile", "softLimit": 1024, "hardLimit": 4096}],
        "dependsOn": [{"containerName": "sidecar", "condition": "HEALTHY"}],
        "dockerLabels": {"a": "b"},
        "command": ["sh", "-c", "echo $X"],
        "entryPoint": ["/bin/sh"],
        "user": draw(st.sampled_from(["root", "0", "1000:1000", "ContainerAdministrator"])),
        "privileged": draw(st.booleans()),
        "readonlyRootFilesystem": draw(st.booleans()),
        "systemControls": [{"namespace": "net.core.somaxconn", "value": "1024"}, {"namespace": "kernel.shmmax", "value": "1"}],
        "repositoryCredentials": {"credentialsParameter": f"arn:aws:secretsmanager:eu-west-1:{ACCOUNT}:secret:creds"},
        "restartPolicy": {"enabled": True, "ignoredExitCodes": [0], "restartAttemptPeriod": 60},
        "extraHosts": [{"hostname": "db", "ipAddress": "10.0.0.1"}],
        "dnsServers": ["10.0.0.2"],
        "resourceRequirements": [{"type": "GPU", "value": "1"}],
        "startTimeout": 30,
        "stopTimeout": 120,
        "interactive": True,
        "pseudoTerminal": True,
        "workingDirectory": "/app",
        "disableNetworking": False,
        "links": ["db:db"],
        "hostname": "web",
        "credentialSpecs": ["credentialspecdomainless:arn:aws:s3:::bucket/spec.json"],
        "versionConsistency": "disabled",
    }
    drop = draw(st.sets(st.sampled_from(sorted(c)), max_size=len(c)))
    return {k: v for k, v in c.items() if k not in drop or k in ("name", "image")}


@st.composite
def task_definition(draw: st.DrawFn) -> dict[str, Any]:
    td: dict[str, Any] = {
        "family": draw(st.sampled_from(["web", "app", "x" * 300, ""])),
        "taskRoleArn": f"arn:aws:iam::{ACCOUNT}:role/task",
        "executionRoleArn": f"arn:aws:iam::{ACCOUNT}:role/exec",
        "networkMode": draw(st.sampled_from(["awsvpc", "bridge", "host", "none"])),
        "containerDefinitions": draw(st.lists(container(), min_size=1, max_size=3)),
        "volumes": [
            {"name": "data", "host": {"sourcePath": "/var/data"}},
            {
                "name": "efs",
                "efsVolumeConfiguration": {
                    "fileSystemId": "fs-12345678", "rootDirectory": "/", "transitEncryption": "ENABLED", "transitEncryptionPort": 2049,
                    "authorizationConfig": {"accessPointId": "fsap-1234", "iam": "ENABLED"},
                },
            },
            {"name": "docker", "dockerVolumeConfiguration": {"scope": "shared", "autoprovision": True, "driver": "local", "driverOpts": {"a": "b"}}},
            {"name": "fsx", "fsxWindowsFileServerVolumeConfiguration": {"fileSystemId": "fs-1", "rootDirectory": "x", "authorizationConfig": {"credentialsParameter": "arn", "domain": "d"}}},
            {"name": "ebs", "configuredAtLaunch": True},
        ],
        "placementConstraints": [{"type": "memberOf", "expression": "attribute:ecs.instance-type =~ t2.*"}],
        "requiresCompatibilities": draw(st.sampled_from([["FARGATE"], ["EC2"], ["EXTERNAL"], ["FARGATE", "EC2"], []])),
        "cpu": draw(st.sampled_from(["256", "1024", "1 vCPU", 512, "3"])),
        "memory": draw(st.sampled_from(["512", "2048", "2 GB", 1024, "1"])),
        "tags": [{"key": "team", "value": "a"}],
        "pidMode": draw(st.sampled_from(["host", "task"])),
        "ipcMode": draw(st.sampled_from(["host", "task", "none"])),
        "proxyConfiguration": {"type": "APPMESH", "containerName": "envoy", "properties": [{"name": "IgnoredUID", "value": "1337"}]},
        "inferenceAccelerators": [{"deviceName": "d", "deviceType": "eia2.medium"}],
        "ephemeralStorage": {"sizeInGiB": draw(st.sampled_from([20, 21, 200, 201]))},
        "runtimePlatform": {
            "cpuArchitecture": draw(st.sampled_from(["X86_64", "ARM64"])),
            "operatingSystemFamily": draw(st.sampled_from(["LINUX", "WINDOWS_SERVER_2019_CORE"])),
        },
        "enableFaultInjection": False,
    }
    drop = draw(st.sets(st.sampled_from(sorted(td)), max_size=len(td)))
    return {k: v for k, v in td.items() if k not in drop or k == "containerDefinitions"}


@st.composite
def service(draw: st.DrawFn) -> dict[str, Any]:
    svc: dict[str, Any] = {
        "cluster": draw(st.sampled_from(["default", "main", f"arn:aws:ecs:eu-west-1:{ACCOUNT}:cluster/main"])),
        "serviceName": draw(names),
        "taskDefinition": draw(st.sampled_from(["web", "web:1", f"arn:aws:ecs:eu-west-1:{ACCOUNT}:task-definition/web:3", "missing"])),
        "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:1:targetgroup/t/1", "containerName": "web", "containerPort": 80}],
        "serviceRegistries": [{"registryArn": "arn:aws:servicediscovery:eu-west-1:1:service/srv-1", "containerName": "web", "containerPort": 80}],
        "desiredCount": draw(st.sampled_from([0, 1, 2])),
        "launchType": draw(st.sampled_from(["FARGATE", "EC2", "EXTERNAL"])),
        "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1, "base": 0}, {"capacityProvider": "cp", "weight": 0}],
        "platformVersion": draw(st.sampled_from(["LATEST", "1.3.0", "1.4.0"])),
        "role": f"arn:aws:iam::{ACCOUNT}:role/ecsServiceRole",
        "deploymentConfiguration": {
            "deploymentCircuitBreaker": {"enable": True, "rollback": False},
            "maximumPercent": 200,
            "minimumHealthyPercent": draw(st.sampled_from([0, 50, 100])),
            "alarms": {"alarmNames": ["a"], "enable": True, "rollback": True},
        },
        "placementConstraints": [{"type": "distinctInstance"}],
        "placementStrategy": [{"type": "spread", "field": "attribute:ecs.availability-zone"}],
        "networkConfiguration": {
            "awsvpcConfiguration": {"subnets": ["subnet-1"], "securityGroups": ["sg-1"], "assignPublicIp": draw(st.sampled_from(["ENABLED", "DISABLED"]))}
        },
        "healthCheckGracePeriodSeconds": 0,
        "schedulingStrategy": draw(st.sampled_from(["REPLICA", "DAEMON"])),
        "deploymentController": {"type": draw(st.sampled_from(["ECS", "CODE_DEPLOY", "EXTERNAL"]))},
        "tags": [{"key": "k", "value": "v"}],
        "enableECSManagedTags": True,
        "propagateTags": "SERVICE",
        "enableExecuteCommand": draw(st.booleans()),
        "serviceConnectConfiguration": {
            "enabled": True,
            "namespace": "ns",
            "services": [{"portName": "http", "discoveryName": "web", "clientAliases": [{"port": 80, "dnsName": "web"}], "timeout": {"idleTimeoutSeconds": 0}}],
            "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "g"}},
        },
        "volumeConfigurations": [
            {"name": "ebs", "managedEBSVolume": {"roleArn": f"arn:aws:iam::{ACCOUNT}:role/ebs", "encrypted": False, "sizeInGiB": 10, "volumeType": "gp3"}}
        ],
        "availabilityZoneRebalancing": "ENABLED",
    }
    drop = draw(st.sets(st.sampled_from(sorted(svc)), max_size=len(svc)))
    return {k: v for k, v in svc.items() if k not in drop or k == "serviceName"}


@st.composite
def cluster(draw: st.DrawFn) -> dict[str, Any]:
    return {
        "clusterName": draw(st.sampled_from(["main", "default", ""])),
        "settings": [{"name": "containerInsights", "value": draw(st.sampled_from(["enabled", "disabled", "enhanced"]))}],
        "configuration": {
            "executeCommandConfiguration": {
                "kmsKeyId": "k",
                "logging": draw(st.sampled_from(["DEFAULT", "NONE", "OVERRIDE"])),
                "logConfiguration": {"cloudWatchEncryptionEnabled": False, "s3BucketName": "b", "s3EncryptionEnabled": False},
            },
            "managedStorageConfiguration": {"kmsKeyId": "k", "fargateEphemeralStorageKmsKeyId": "k"},
        },
        "capacityProviders": ["FARGATE", "FARGATE_SPOT"],
        "defaultCapacityProviderStrategy": [{"capacityProvider": "FARGATE", "weight": 1, "base": 1}],
        "serviceConnectDefaults": {"namespace": "ns"},
        "tags": [{"key": "k", "value": "v"}],
    }


def _describe_td(draw: st.DrawFn) -> dict[str, Any]:
    td = draw(task_definition())
    td.update({"taskDefinitionArn": f"arn:aws:ecs:eu-west-1:{ACCOUNT}:task-definition/web:3", "revision": 3, "status": "ACTIVE",
               "compatibilities": ["EC2", "FARGATE"], "requiresAttributes": [{"name": "com.amazonaws.ecs.capability.logging-driver.awslogs"}],
               "registeredAt": "2024-01-01T00:00:00Z"})  # fmt: skip
    return {"taskDefinition": td, "tags": [{"key": "a", "value": "b"}]}


@st.composite
def ecs_document(draw: st.DrawFn, kind: str) -> dict[str, Any]:
    if kind == "task-definition":
        return draw(task_definition())
    if kind == "describe-task-definition":
        return _describe_td(draw)
    if kind == "service":
        svc = draw(service())
        shape = draw(st.sampled_from(["input", "create", "describe"]))
        if shape == "create":
            return {"service": {**svc, "serviceArn": "arn:aws:ecs:eu-west-1:1:service/main/web", "status": "ACTIVE", "runningCount": 1}}
        if shape == "describe":
            return {"services": [svc, {**svc, "serviceName": "other", "clusterArn": "arn:aws:ecs:eu-west-1:1:cluster/main"}], "failures": []}
        return svc
    if kind == "run-task":
        return {
            "cluster": "main",
            "taskDefinition": draw(st.sampled_from(["web", "web:3", "arn:aws:ecs:eu-west-1:1:task-definition/web:1"])),
            "count": draw(st.sampled_from([1, 10, 11])),
            "launchType": draw(st.sampled_from(["FARGATE", "EC2"])),
            "platformVersion": "1.3.0",
            "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-1"], "assignPublicIp": "ENABLED"}},
            "overrides": {
                "containerOverrides": [{"name": "web", "command": ["x"], "environment": [{"name": "A", "value": "1"}], "cpu": 1}],
                "taskRoleArn": f"arn:aws:iam::{ACCOUNT}:role/override",
                "executionRoleArn": f"arn:aws:iam::{ACCOUNT}:role/exec",
                "ephemeralStorage": {"sizeInGiB": 30},
            },
            "enableExecuteCommand": True,
            "startedBy": "me",
            "group": "g",
            "volumeConfigurations": [{"name": "ebs", "managedEBSVolume": {"encrypted": False}}],
        }
    if kind == "cluster":
        cl = draw(cluster())
        shape = draw(st.sampled_from(["input", "create", "describe"]))
        if shape == "create":
            return {"cluster": {**cl, "clusterArn": "arn:aws:ecs:eu-west-1:1:cluster/main", "status": "ACTIVE"}}
        if shape == "describe":
            return {"clusters": [cl], "failures": []}
        return cl
    raise AssertionError(kind)


# ----------------------------------------------------------------------------- CloudFormation


def _cfn_case(value: Any) -> Any:
    """The ECS API shape with CloudFormation's PascalCase member names (maps keep their keys)."""
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            key = k[:1].upper() + k[1:]
            out[key] = v if key in ("Options", "DockerLabels", "DriverOpts", "Labels") else _cfn_case(v)
        return out
    if isinstance(value, list):
        return [_cfn_case(v) for v in value]
    return value


@st.composite
def intrinsic(draw: st.DrawFn, resources: tuple[str, ...]) -> Any:
    target = draw(st.sampled_from([*resources, "AWS::Region", "AWS::NoValue", "Param", "Missing"]))
    return draw(
        st.sampled_from(
            [
                {"Ref": target},
                {"Fn::GetAtt": [target, "Arn"]},
                {"Fn::GetAtt": f"{target}.Arn"},
                {"Fn::Sub": "arn:${AWS::Partition}:iam::${AWS::AccountId}:role/${" + target + "}"},
                {"Fn::Sub": ["${A}-${B}", {"A": {"Ref": target}, "B": "x"}]},
                {"Fn::Join": ["", ["arn:aws:s3:::", {"Ref": target}, "/*"]]},
                {"Fn::If": ["IsProd", "a", {"Ref": "AWS::NoValue"}]},
                {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
                {"Fn::ImportValue": "Shared-Arn"},
                {"Fn::FindInMap": ["M", "a", "b"]},
                {"Fn::Base64": "x"},
                {"Fn::Split": [",", "a,b"]},
                {"Fn::Cidr": ["10.0.0.0/16", 2, 8]},
                {"Condition": "IsProd"},
            ]
        )
    )


@st.composite
def cfn_template(draw: st.DrawFn) -> dict[str, Any]:
    logicals = ("TaskDef", "Service", "Cluster", "ExecRole", "TaskRole", "Policy", "ManagedPolicy", "RolePolicy", "Assoc", "CP")
    ref = lambda: draw(intrinsic(logicals))  # noqa: E731
    td = _cfn_case(draw(task_definition()))
    td["ExecutionRoleArn"] = {"Fn::GetAtt": ["ExecRole", "Arn"]}
    td["TaskRoleArn"] = draw(st.sampled_from([{"Ref": "TaskRole"}, ref()]))
    td["Family"] = draw(st.sampled_from([{"Fn::Sub": "${AWS::StackName}-web"}, "web", ref()]))
    if isinstance(td.get("ContainerDefinitions"), list) and td["ContainerDefinitions"]:
        td["ContainerDefinitions"][0]["Image"] = draw(st.sampled_from([{"Fn::Sub": "${Repo}:${Tag}"}, {"Ref": "Image"}, "nginx:1.27", ref()]))
    svc = _cfn_case(draw(service()))
    svc.update({"Cluster": {"Ref": "Cluster"}, "TaskDefinition": {"Ref": "TaskDef"}})
    for k in ("ServiceName", "Role"):
        if draw(st.booleans()):
            svc[k] = ref()
    cl = _cfn_case(draw(cluster()))
    cl.pop("CapacityProviders", None)
    cl.pop("DefaultCapacityProviderStrategy", None)
    resources: dict[str, Any] = {
        "TaskDef": {"Type": "AWS::ECS::TaskDefinition", "Properties": td, "Metadata": {"ecslint": {"ignore": ["ECS104", "ECS999"]}}},
        "Service": {"Type": "AWS::ECS::Service", "Properties": svc, "DependsOn": ["Cluster"], "Condition": "IsProd"},
        "Cluster": {"Type": "AWS::ECS::Cluster", "Properties": cl},
        "Assoc": {
            "Type": "AWS::ECS::ClusterCapacityProviderAssociations",
            "Properties": {
                "Cluster": draw(st.sampled_from([{"Ref": "Cluster"}, "main", ref()])),
                "CapacityProviders": ["FARGATE", "FARGATE_SPOT", {"Ref": "CP"}],
                "DefaultCapacityProviderStrategy": [{"CapacityProvider": "FARGATE_SPOT", "Weight": 1, "Base": 0}],
            },
        },
        "CP": {
            "Type": "AWS::ECS::CapacityProvider",
            "Properties": {
                "AutoScalingGroupProvider": {
                    "AutoScalingGroupArn": {"Ref": "ASG"}, "ManagedTerminationProtection": "ENABLED",
                    "ManagedScaling": {"Status": "ENABLED", "TargetCapacity": 100}, "ManagedDraining": "ENABLED",
                }
            },
        },  # fmt: skip
        "ExecRole": {
            "Type": "AWS::IAM::Role",
            "Properties": {
                "AssumeRolePolicyDocument": trust_policy(),
                "ManagedPolicyArns": [
                    {"Fn::Sub": "arn:${AWS::Partition}:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"},
                    "arn:aws:iam::aws:policy/AdministratorAccess",
                    {"Ref": "ManagedPolicy"},
                ],
                "Policies": [{"PolicyName": "inline", "PolicyDocument": draw(policy_document())}],
                "PermissionsBoundary": "arn:aws:iam::aws:policy/PowerUserAccess",
                "Path": "/",
            },
        },
        "TaskRole": {"Type": "AWS::IAM::Role", "Properties": {"AssumeRolePolicyDocument": trust_policy(), "RoleName": ref()}},
        "Policy": {
            "Type": "AWS::IAM::Policy",
            "Properties": {"PolicyName": "p", "PolicyDocument": draw(policy_document()), "Roles": [{"Ref": "TaskRole"}, "named"]},
        },
        "ManagedPolicy": {"Type": "AWS::IAM::ManagedPolicy", "Properties": {"PolicyDocument": draw(policy_document()), "Roles": [{"Ref": "ExecRole"}]}},
        "RolePolicy": {"Type": "AWS::IAM::RolePolicy", "Properties": {"PolicyName": "rp", "RoleName": {"Ref": "TaskRole"}, "PolicyDocument": draw(policy_document())}},
        "Bucket": {"Type": "AWS::S3::Bucket"},
    }
    drop = draw(st.sets(st.sampled_from(sorted(resources)), max_size=4))
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Transform": draw(st.sampled_from([[], "AWS::Serverless-2016-10-31"])),
        "Parameters": {"Image": {"Type": "String"}, "Param": {"Type": "String", "Default": "x"}, "Subnets": {"Type": "List<AWS::EC2::Subnet::Id>"}},
        "Conditions": {"IsProd": {"Fn::Equals": [{"Ref": "Param"}, "prod"]}},
        "Mappings": {"M": {"a": {"b": "c"}}},
        "Resources": {k: v for k, v in resources.items() if k not in drop},
        "Outputs": {"Arn": {"Value": {"Fn::GetAtt": ["Service", "Name"]}, "Export": {"Name": {"Fn::Sub": "${AWS::StackName}-svc"}}}},
    }


class _Tagged:
    def __init__(self, tag: str, value: Any) -> None:
        self.tag = tag
        self.value = value


class _Dumper(yaml.SafeDumper):
    pass


def _represent_tagged(dumper: yaml.SafeDumper, t: _Tagged) -> Any:
    if isinstance(t.value, dict):
        return dumper.represent_mapping(t.tag, t.value)
    if isinstance(t.value, list):
        return dumper.represent_sequence(t.tag, t.value)
    return dumper.represent_scalar(t.tag, "" if t.value is None else str(t.value))


_Dumper.add_representer(_Tagged, _represent_tagged)


def _short_tags(value: Any, use: list[bool]) -> Any:
    """Long-form intrinsics (``{"Fn::Sub": x}``) as short tags (``!Sub x``) where ``use`` says so."""
    if isinstance(value, dict):
        if len(value) == 1 and use and use[len(str(value)) % len(use)]:
            ((k, v),) = value.items()
            if k in ("Ref", "Condition") or (isinstance(k, str) and k.startswith("Fn::")):
                tag = "!" + (k if k in ("Ref", "Condition") else k[4:])
                if tag == "!GetAtt" and isinstance(v, list) and len(v) == 2 and all(isinstance(x, str) for x in v):
                    v = ".".join(v)
                return _Tagged(tag, _short_tags(v, use))
        return {k: _short_tags(v, use) for k, v in value.items()}
    if isinstance(value, list):
        return [_short_tags(v, use) for v in value]
    return value


def to_yaml(data: Any, short: list[bool], flow: bool = False) -> str:
    text: str = yaml.dump(
        _short_tags(data, short), Dumper=_Dumper, allow_unicode=True, sort_keys=False, default_flow_style=flow, width=10**6
    )
    return text


def _raw_tokens(text: str, fmt: str) -> str:
    for placeholder, token in RAW_TOKENS.items():
        text = text.replace(json.dumps(placeholder) if fmt == "json" else placeholder, token)
    return text


def serialize(data: Any, fmt: str, short: list[bool] | None = None, indent: int | None = 2, ascii_only: bool = True) -> bytes:
    if fmt == "json":
        text = json.dumps(data, indent=indent, ensure_ascii=ascii_only, default=str)
    else:
        text = to_yaml(data, short or [False])
    return _raw_tokens(text, fmt).encode("utf-8", "surrogatepass")


# ----------------------------------------------------------------------------- Terraform plans
@st.composite
def terraform_plan(draw: st.DrawFn) -> dict[str, Any]:
    containers = draw(mutated(draw(st.lists(container(), min_size=1, max_size=2)), 3))
    container_definitions = draw(
        st.sampled_from(
            [
                json.dumps(containers, default=str),
                json.dumps(containers, default=str)[: draw(st.integers(0, 200))],
                "[" * 5000 + "]" * 5000,
                "[" * 100 + "]" * 100,
                "[" + "1e400" + "]",
                '[{"name": "\\ud800", "image": "x"}]',
                '[{"name": "a", "memory": ' + "9" * 5000 + "}]",
                "",
                "null",
                "{}",
                '"just a string"',
                '[{"name": "a", "name": "b", "image": "c"}]',
            ]
        )
    )
    policy = json.dumps(draw(mutated(draw(policy_document()), 2)), default=str)
    policy = draw(st.sampled_from([policy, policy[: len(policy) // 2], "%7B%22Version%22%3A%222012-10-17%22%7D", '{"a":' * 3000 + "1" + "}" * 3000]))
    td_values = {
        "family": "web",
        "container_definitions": container_definitions,
        "cpu": draw(st.sampled_from(["256", "1024", 512, None])),
        "memory": "512",
        "network_mode": draw(st.sampled_from(["awsvpc", "bridge", ""])),
        "requires_compatibilities": draw(st.sampled_from([["FARGATE"], ["EC2"], []])),
        "execution_role_arn": f"arn:aws:iam::{ACCOUNT}:role/exec",
        "task_role_arn": None,
        "volume": [
            {
                "name": "efs",
                "host_path": "",
                "configure_at_launch": False,
                "efs_volume_configuration": [
                    {"file_system_id": "fs-1", "root_directory": "/", "transit_encryption": "DISABLED", "transit_encryption_port": 0,
                     "authorization_config": [{"access_point_id": "", "iam": "DISABLED"}]}
                ],
                "docker_volume_configuration": [],
            }
        ],  # fmt: skip
        "runtime_platform": [{"operating_system_family": "LINUX", "cpu_architecture": "ARM64"}],
        "ephemeral_storage": [{"size_in_gib": 21}],
        "proxy_configuration": [{"type": "APPMESH", "container_name": "envoy", "properties": {"IgnoredUID": "1337"}}],
        "placement_constraints": [],
        "inference_accelerator": [],
        "tags": {"team": "a"},
        "pid_mode": "",
        "ipc_mode": "host",
        "arn": None,
        "revision": None,
    }
    svc_values = {
        "name": "web",
        "cluster": "main",
        "task_definition": None,
        "desired_count": 2,
        "launch_type": draw(st.sampled_from(["FARGATE", "EC2", ""])),
        "platform_version": "1.3.0",
        "network_configuration": [{"subnets": ["subnet-1"], "security_groups": ["sg-1"], "assign_public_ip": True}],
        "load_balancer": [{"target_group_arn": "arn", "container_name": "web", "container_port": 80, "elb_name": ""}],
        "capacity_provider_strategy": [{"capacity_provider": "FARGATE_SPOT", "weight": 1, "base": 0}],
        "deployment_circuit_breaker": [{"enable": False, "rollback": False}],
        "deployment_maximum_percent": 200,
        "deployment_minimum_healthy_percent": 100,
        "alarms": [],
        "deployment_controller": [{"type": "ECS"}],
        "enable_execute_command": True,
        "iam_role": "arn:aws:iam::1:role/aws-service-role/ecs.amazonaws.com/AWSServiceRoleForECS",
        "service_connect_configuration": [
            {"enabled": True, "namespace": "ns", "log_configuration": [], "service": [{"port_name": "http", "client_alias": [{"port": 80, "dns_name": "web"}], "timeout": [], "tls": []}]}
        ],
        "volume_configuration": [{"name": "ebs", "managed_ebs_volume": [{"role_arn": "arn", "encrypted": False, "size_in_gb": 0, "tag_specifications": [{"resource_type": "volume", "tags": {"a": "b"}}]}]}],
        "service_registries": [{"registry_arn": "arn", "port": 0, "container_port": 0}],
        "ordered_placement_strategy": [{"type": "spread", "field": "instanceId"}],
        "tags": None,
        "force_new_deployment": True,
    }
    role_values = {
        "name": "exec",
        "arn": None,
        "assume_role_policy": json.dumps(trust_policy()),
        "inline_policy": [{"name": "inline", "policy": policy}, {"name": "", "policy": ""}],
        "managed_policy_arns": ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"],
        "path": "/",
        "permissions_boundary": "",
        "tags": {"a": "b"},
    }
    resources = [
        {"address": "aws_ecs_task_definition.web", "mode": "managed", "type": "aws_ecs_task_definition", "name": "web", "values": td_values},
        {"address": "aws_ecs_service.web", "mode": "managed", "type": "aws_ecs_service", "name": "web", "values": svc_values},
        {"address": "aws_ecs_cluster.main", "mode": "managed", "type": "aws_ecs_cluster", "name": "main",
         "values": {"name": "main", "setting": [{"name": "containerInsights", "value": "disabled"}],
                    "configuration": [{"execute_command_configuration": [{"logging": "OVERRIDE", "kms_key_id": "", "log_configuration": [{"s3_bucket_name": "b", "s3_bucket_encryption_enabled": False}]}]}]}},
        {"address": "aws_ecs_cluster_capacity_providers.main", "mode": "managed", "type": "aws_ecs_cluster_capacity_providers", "name": "main",
         "values": {"cluster_name": "main", "capacity_providers": ["FARGATE"], "default_capacity_provider_strategy": [{"capacity_provider": "FARGATE", "weight": 1, "base": 0}]}},
        {"address": "aws_iam_role.exec", "mode": "managed", "type": "aws_iam_role", "name": "exec", "values": role_values},
        {"address": "aws_iam_role_policy.p", "mode": "managed", "type": "aws_iam_role_policy", "name": "p", "values": {"name": "inline", "role": "exec", "policy": policy}},
        {"address": "aws_iam_policy.p", "mode": "managed", "type": "aws_iam_policy", "name": "p", "values": {"name": "cust", "policy": policy, "arn": None}},
        {"address": "aws_iam_role_policy_attachment.a", "mode": "managed", "type": "aws_iam_role_policy_attachment", "name": "a",
         "values": {"role": "exec", "policy_arn": "arn:aws:iam::aws:policy/AdministratorAccess"}},
        {"address": "aws_iam_policy_attachment.b", "mode": "managed", "type": "aws_iam_policy_attachment", "name": "b", "values": {"roles": ["exec"], "policy_arn": None}},
        {"address": "data.aws_iam_policy_document.d", "mode": "data", "type": "aws_iam_policy_document", "name": "d",
         "values": {"json": None, "statement": [{"effect": "Allow", "actions": ["s3:*"], "resources": ["*"], "principals": [{"type": "AWS", "identifiers": ["*"]}],
                                                  "condition": [{"test": "Bool", "variable": "aws:SecureTransport", "values": ["false"]}]}]}},
        {"address": "aws_ecs_capacity_provider.cp", "mode": "managed", "type": "aws_ecs_capacity_provider", "name": "cp",
         "values": {"name": "cp", "auto_scaling_group_provider": [{"auto_scaling_group_arn": "arn", "managed_termination_protection": "DISABLED", "managed_scaling": [{"status": "ENABLED"}]}]}},
    ]  # fmt: skip
    after_unknown = {
        "aws_ecs_task_definition.web": {"arn": True, "revision": True, "task_role_arn": True, "container_definitions": draw(st.booleans()), "volume": [{"efs_volume_configuration": [{}]}]},
        "aws_ecs_service.web": {"task_definition": True, "network_configuration": [{"security_groups": [True]}], "load_balancer": True},
        "aws_iam_role.exec": {"arn": True, "inline_policy": True, "managed_policy_arns": [False, True]},
        "aws_iam_policy.p": {"arn": True, "policy": True},
        "aws_iam_policy_attachment.b": {"policy_arn": True},
        "data.aws_iam_policy_document.d": {"json": True, "statement": [{"actions": [True]}]},
    }  # fmt: skip
    expressions = {
        "aws_ecs_task_definition.web": {"task_role_arn": {"references": ["aws_iam_role.exec.arn", "aws_iam_role.exec"]},
                                        "execution_role_arn": {"references": ["module.app.role_arn", "module.app"]}},
        "aws_ecs_service.web": {"task_definition": {"references": ["aws_ecs_task_definition.web.arn", "aws_ecs_task_definition.web"]},
                                "cluster": {"references": ["aws_ecs_cluster.main.id"]},
                                "network_configuration": [{"security_groups": {"references": ["var.sg", "local.x", "each.value", "count.index"]}}],
                                "load_balancer": [{"target_group_arn": {"references": ['aws_lb_target_group.t["a"].arn']}}]},
        "aws_iam_policy.p": {"policy": {"references": ["data.aws_iam_policy_document.d.json", "data.aws_iam_policy_document.d"]}},
        "aws_iam_policy_attachment.b": {"policy_arn": {"references": ["aws_iam_policy.p.arn"]}, "roles": {"references": ["aws_iam_role.exec.name"]}},
        "aws_iam_role_policy_attachment.a": {"role": {"references": ["aws_iam_role.exec.name"]}},
    }  # fmt: skip
    if draw(st.booleans()):
        # the same resources again inside a child module (addresses prefixed)
        child = [{**copy.deepcopy(r), "address": "module.app." + r["address"]} for r in resources[:5]]
        child_modules = [{"address": "module.app", "resources": child}]
    else:
        child_modules = []
    mutated_resources = draw(mutated(resources, 6))
    return {
        "format_version": "1.2",
        "terraform_version": "1.9.8",
        "planned_values": {"root_module": {"resources": mutated_resources, "child_modules": child_modules}},
        "resource_changes": [
            {"address": a, "mode": "data" if a.startswith("data.") else "managed", "type": a.split(".")[-2], "name": a.split(".")[-1],
             "change": {"actions": draw(st.sampled_from([["create"], ["update"], ["delete"], ["delete", "create"], ["no-op"], "create", None])), "before": None, "after_unknown": u}}
            for a, u in after_unknown.items()
        ],  # fmt: skip
        "configuration": {
            "root_module": {
                "resources": [
                    {"address": a, "mode": "data" if a.startswith("data.") else "managed", "type": a.split(".")[-2], "name": a.split(".")[-1], "expressions": e}
                    for a, e in expressions.items()
                ],
                "module_calls": {"app": {"source": "./modules/app", "expressions": {"sg": {"references": ["aws_security_group.x.id"]}},
                                         "module": {"outputs": {"role_arn": {"expression": {"references": ["aws_iam_role.exec.arn"]}}}, "resources": []}}},
            }
        },  # fmt: skip
        "prior_state": {
            "values": {
                "root_module": {
                    "resources": [
                        {"address": "data.aws_iam_policy_document.d", "mode": "data", "type": "aws_iam_policy_document", "name": "d",
                         "values": {"json": policy, "minified_json": policy}}
                    ]
                }
            }
        },  # fmt: skip
    }


# ----------------------------------------------------------------------------- IAM
@st.composite
def iam_details(draw: st.DrawFn) -> dict[str, Any]:
    def encoded(doc: Any) -> Any:
        how = draw(st.sampled_from(["dict", "url", "json", "broken", "deep"]))
        text = json.dumps(doc, default=str)
        if how == "url":
            return urllib.parse.quote(text)
        if how == "json":
            return text
        if how == "broken":
            return urllib.parse.quote(text)[: len(text) // 2]
        if how == "deep":
            return urllib.parse.quote("[" * 3000 + "]" * 3000)
        return doc

    role = {
        "Path": "/",
        "RoleName": draw(st.sampled_from(["exec", "task", ""])),
        "RoleId": "AROA",
        "Arn": f"arn:aws:iam::{ACCOUNT}:role/exec",
        "AssumeRolePolicyDocument": encoded(trust_policy(draw(st.sampled_from(["ecs-tasks.amazonaws.com", "ec2.amazonaws.com", "*"])))),
        "InstanceProfileList": [],
        "RolePolicyList": [{"PolicyName": "inline", "PolicyDocument": encoded(draw(policy_document()))}],
        "AttachedManagedPolicies": [
            {"PolicyName": "AmazonECSTaskExecutionRolePolicy", "PolicyArn": "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"},
            {"PolicyName": "cust", "PolicyArn": f"arn:aws:iam::{ACCOUNT}:policy/cust"},
        ],
        "PermissionsBoundary": {"PermissionsBoundaryType": "Policy", "PermissionsBoundaryArn": "arn:aws:iam::aws:policy/PowerUserAccess"},
        "Tags": [{"Key": "a", "Value": "b"}],
        "RoleLastUsed": {},
    }
    data: dict[str, Any] = {
        "UserDetailList": [],
        "GroupDetailList": [],
        "RoleDetailList": [role, {**role, "RoleName": "task", "Arn": f"arn:aws:iam::{ACCOUNT}:role/task"}],
        "Policies": [
            {
                "PolicyName": "cust",
                "Arn": f"arn:aws:iam::{ACCOUNT}:policy/cust",
                "DefaultVersionId": "v2",
                "PolicyVersionList": [
                    {"Document": encoded(draw(policy_document())), "VersionId": "v1", "IsDefaultVersion": False},
                    {"Document": encoded(draw(policy_document())), "VersionId": "v2", "IsDefaultVersion": True},
                ],
            }
        ],
    }
    if draw(st.booleans()):
        return {"Role": role}
    return data


# ----------------------------------------------------------------------------- one file of any kind
KINDS = (
    "task-definition", "describe-task-definition", "service", "run-task", "cluster",
    "cfn-yaml", "cfn-json", "terraform-plan", "iam",
)  # fmt: skip


@st.composite
def document(draw: st.DrawFn, kind: str, mutate: bool = True) -> tuple[str, bytes]:
    """(file name, bytes) of one document of a kind, with wrong types at random positions."""
    if kind == "cfn-yaml" or kind == "cfn-json":
        data = draw(cfn_template())
    elif kind == "terraform-plan":
        data = draw(terraform_plan())
    elif kind == "iam":
        data = draw(iam_details())
    else:
        data = draw(ecs_document(kind))
    if mutate:
        data = draw(st.one_of(mutated(data), scrambled(data)))
    stem = draw(st.sampled_from(["a", "b", "c", "d", "e"])) + "-" + kind
    if kind == "cfn-yaml":
        short = draw(st.lists(st.booleans(), min_size=1, max_size=5))
        return stem + draw(st.sampled_from([".yaml", ".yml", ".template"])), serialize(data, "yaml", short)
    indent = draw(st.sampled_from([None, 1, 2, "\t"]))
    ascii_only = draw(st.booleans())
    suffix = ".tfplan.json" if kind == "terraform-plan" else draw(st.sampled_from([".json", ".json", ".template"]))
    return stem + suffix, serialize(data, "json", indent=indent, ascii_only=ascii_only)


# ============================================================================ byte-level damage
DAMAGE = (
    "truncate", "flip", "insert", "bom", "utf16", "crlf", "cr", "nul", "tabs", "dup-line", "dup-key", "unknown-tag",
    "anchors", "merge", "wrap-list", "scalar", "empty", "garbage", "drop-line", "deep", "bomb", "multi-doc",
)  # fmt: skip

ALIAS_BOMB = "".join(
    f"{chr(97 + i)}: &{chr(97 + i)} [" + ", ".join([f"*{chr(96 + i)}" if i else '"lol"'] * 9) + "]\n" for i in range(9)
)


def _lines(data: bytes) -> list[bytes]:
    return data.split(b"\n")


@st.composite
def damaged(draw: st.DrawFn, data: bytes) -> bytes:
    for _ in range(draw(st.integers(1, 3))):
        how = draw(st.sampled_from(DAMAGE))
        n = len(data)
        at = draw(st.integers(0, n))
        if how == "truncate":
            data = data[:at]
        elif how == "flip" and n:
            for _ in range(draw(st.integers(1, 8))):
                i = draw(st.integers(0, n - 1))
                data = data[:i] + bytes([draw(st.integers(0, 255))]) + data[i + 1 :]
        elif how == "insert":
            data = data[:at] + draw(st.sampled_from([b"{", b"[", b"}", b",", b'"', b":", b"\\", b"- ", b"\n  ", b"#", b"\xff\xfe", b"\xc3"])) + data[at:]
        elif how == "bom":
            data = b"\xef\xbb\xbf" + data
        elif how == "utf16":
            try:
                data = data.decode("utf-8").encode(draw(st.sampled_from(["utf-16", "utf-16-be", "utf-32"])))
            except UnicodeError:
                data = b"\xff\xfe" + data
        elif how == "crlf":
            data = data.replace(b"\n", b"\r\n")
        elif how == "cr":
            data = data.replace(b"\n", draw(st.sampled_from([b"\r", "\u2028".encode(), "\x85".encode()])))
        elif how == "nul":
            data = data[:at] + b"\x00" + data[at:]
        elif how == "tabs":
            data = re.sub(rb"(?m)^(  )+", lambda m: b"\t" * (len(m.group()) // 2), data, count=draw(st.integers(0, 5)))
        elif how in ("dup-line", "drop-line"):
            lines = _lines(data)
            i = draw(st.integers(0, len(lines) - 1))
            lines[i : i + 1] = [lines[i], lines[i]] if how == "dup-line" else []
            data = b"\n".join(lines)
        elif how == "dup-key":
            if data.lstrip().startswith(b"{"):
                data = data.replace(b"{", b'{"family": "a", "Resources": 1, "family": "b", ', 1)
            else:
                data = b"Resources: 1\nkey: a\nkey: b\n" + data
        elif how == "unknown-tag":
            data = re.sub(rb": (?=\S)", b": !Foo ", data, count=draw(st.integers(1, 3)))
        elif how == "anchors":
            data = re.sub(rb"^(\s*[\w\"-]+):( |\n)", rb"\1: &anc\2", data, count=1, flags=re.M) + b"\nx-alias: *anc\n"
        elif how == "merge":
            data = b"x-base: &base {Cpu: 256, name: m}\n" + re.sub(rb"(?m)^(\s+)(Type|name): ", rb"\1<<: *base\n\1\2: ", data, count=2)
        elif how == "wrap-list":
            data = b"[" + data + b", " + data + b"]"
        elif how == "scalar":
            data = draw(st.sampled_from([b'"hello"', b"42", b"1e400", b"NaN", b"-Infinity", b"null", b"true", b"--- x\n", b"...\n", b"'"]))
        elif how == "empty":
            data = draw(st.sampled_from([b"", b" ", b"\n\n", b"---\n", b"# only a comment\n", b"\xef\xbb\xbf"]))
        elif how == "garbage":
            data = draw(st.binary(max_size=300))
        elif how == "deep":
            depth = draw(st.sampled_from([255, 256, 257, 2000, 100_000]))
            data = data[:at] + draw(st.sampled_from([b"[" * depth, b"{a: " * depth, b"- " * depth, b'{"a":' * depth])) + data[at:]
        elif how == "bomb":
            data = ALIAS_BOMB.encode() + data
        elif how == "multi-doc":
            data = data + b"\n---\n" + data
    return data


# ============================================================================ properties
@given(st.sampled_from(KINDS).flatmap(document))
@fuzz_settings(100)
def test_wrong_types_at_every_position(file: tuple[str, bytes]) -> None:
    lint_and_check([file])


@given(st.sampled_from(KINDS).flatmap(document).flatmap(lambda f: st.tuples(st.just(f[0]), damaged(f[1]))))
@fuzz_settings(100)
def test_damaged_bytes(file: tuple[str, bytes]) -> None:
    lint_and_check([file])


@given(st.lists(st.sampled_from(KINDS).flatmap(document), min_size=2, max_size=5, unique_by=lambda f: f[0]))
@fuzz_settings(50)
def test_projects_of_several_files(files: list[tuple[str, bytes]]) -> None:
    """Services, task definitions, clusters and roles of one run link to each other."""
    lint_and_check(files)


def _corpus() -> list[Path]:
    root = FIXTURES / "rules"
    return sorted(p for p in root.rglob("*") if p.is_file() and not p.name.endswith(".expected")) if root.is_dir() else []


CORPUS = _corpus()


def _load_fixture(path: Path) -> tuple[str, Any]:
    text = path.read_text(encoding="utf-8")
    if path.name.endswith((".yaml", ".yml")):
        from ecslint.parsing import parse_yaml

        return "yaml", parse_yaml(text).data
    return "json", json.loads(text)


@st.composite
def from_corpus(draw: st.DrawFn) -> tuple[str, bytes]:
    path = draw(st.sampled_from(CORPUS))
    fmt, data = _load_fixture(path)
    data = draw(mutated(data))
    out = serialize(data, fmt, draw(st.lists(st.booleans(), min_size=1, max_size=3)))
    if draw(st.booleans()):
        out = draw(damaged(out))
    return path.name, out


@given(from_corpus())
@fuzz_settings(100)
def test_rule_fixtures_mutated(file: tuple[str, bytes]) -> None:
    lint_and_check([file])


@given(
    st.sampled_from(["x.json", "x.yaml", "x.yml", "x.template", "x.tfplan", "x.tfplan.json", "-"]),
    st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=500).map(lambda t: t.encode("utf-8", "surrogatepass")),
        st.text(alphabet="[]{}:,-?!&*|>'\" \n\t#%@`0123456789abcnulrsetNIfy.\\", max_size=300).map(str.encode),
    ),
)
@fuzz_settings(80)
def test_garbage_of_any_name(name: str, data: bytes) -> None:
    lint_and_check([(name, data)])


@st.composite
def yaml_shapes(draw: st.DrawFn) -> bytes:
    """YAML-specific structure: anchors, aliases, merge keys, non-string keys, unknown and CloudFormation
    tags in odd places, flow and block styles mixed, several documents."""
    parts = draw(
        st.lists(
            st.sampled_from(
                [
                    "Resources:\n",
                    "  TD:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n",
                    "      ContainerDefinitions:\n        - Name: web\n          Image: !Sub '${Repo}:latest'\n",
                    "        - &c {Name: side, Image: nginx, Essential: !If [C, true, false]}\n",
                    "        - *c\n",
                    "        - <<: *c\n          Name: merged\n",
                    "        - !Ref Containers\n",
                    "        - !GetAtt\n          - A\n          - B\n",
                    "      Cpu: !Select [0, !Split [',', '256,512']]\n",
                    "      Memory: ~\n",
                    "      ? [a, b]\n      : 1\n",
                    "      1: x\n      null: y\n      true: z\n      1.5: f\n      2024-01-01: d\n",
                    "      <<: [*c, {Family: fam}]\n",
                    "      <<: notamap\n",
                    "      NetworkMode: !Foo bar\n",
                    "      Family: !!binary aGVsbG8=\n",
                    "      Tags: !!set {a, b}\n",
                    "      Volumes: !!omap [{a: 1}, {b: 2}]\n",
                    "      ExecutionRoleArn: !GetAtt Role.Arn\n",
                    "      TaskRoleArn: !Ref\n",
                    "      PidMode: !Sub\n        - '${A}'\n        - A: !Ref B\n",
                    "      Bad: [unclosed\n",
                    "      Big: 1" + "0" * 5000 + "\n",
                    "      Inf: .inf\n      NaN: .nan\n      Hex: 0x1F\n      Sexa: 1:30:00\n      Oct: 0o17\n",
                    "\t\tTab: x\n",
                    "---\n",
                    "...\n",
                    "%YAML 1.1\n---\n",
                    "# comment # ecslint: ignore[ECS104]\n",
                    "# ecslint: ignore\n",
                    "# ecslint: file-ignore[ALL]\n",
                    "  R2: &r {Type: AWS::IAM::Role, Properties: {AssumeRolePolicyDocument: {Statement: [{Effect: Allow}]}}}\n",
                    "  R3: *r\n",
                    "  R4: *undefined\n",
                    "  R5:\n    <<: *r\n",
                    "  'AWS::ECS::Service': !Ref\n",
                    "? complex\n: key\n",
                    "- top level list item\n",
                    "|\n  literal\n",
                    "x-deep: &deep " + "[" * 200 + "x" + "]" * 200 + "\n",
                    "      Deep: " + "{a: " * 100 + "*deep" + "}" * 100 + "\n",
                    "      Tagged: " + "!Foo [" * 130 + "x" + "]" * 130 + "\n",
                    "      Wide: [" + ", ".join(["*c"] * 200) + "]\n",
                ]
            ),
            max_size=12,
        )
    )
    return "".join(parts).encode()


@given(yaml_shapes(), st.sampled_from(["t.yaml", "t.template"]))
@fuzz_settings(80)
def test_yaml_structures(data: bytes, name: str) -> None:
    lint_and_check([(name, data)])


# ============================================================================ the run goes on
GOOD_TD = {
    "family": "web",
    "requiresCompatibilities": ["FARGATE"],
    "networkMode": "awsvpc",
    "cpu": "256",
    "memory": "4096",  # ECS201: not a valid Fargate size for 256 CPU units
    "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "privileged": True}],
}


ANYONE = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": "*", "Action": "sts:AssumeRole"}]}


def _findings(report: Report, path: str) -> list[tuple[str, int, int, str]]:
    return [(d.code, d.location.span.line, d.location.span.col, d.message) for d in report.diagnostics if d.location.path == path]


@given(st.sampled_from(KINDS).flatmap(document).flatmap(lambda f: st.tuples(st.just(f[0]), damaged(f[1]))))
@fuzz_settings(40)
def test_good_files_keep_their_findings_beside_a_broken_one(broken: tuple[str, bytes]) -> None:
    good = [
        ("good/td.json", json.dumps(GOOD_TD, indent=2).encode()),
        ("good/svc.json", json.dumps({"serviceName": "web", "taskDefinition": "other", "launchType": "FARGATE"}).encode()),
        ("good/cfn.yaml", b"Resources:\n  TD:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: a\n          Image: nginx\n          Privileged: true\n"),
    ]
    alone = lint_files(good)
    assert alone.diagnostics, "the good files must have findings for this test to mean something"
    name = "zz-broken/" + broken[0]
    together = lint_and_check([*good, (name, broken[1])])
    for path, _ in good:
        want = _findings(alone, path)
        got = _findings(together, path)
        # The broken file may add cross-file findings (a service that now finds a task definition), never remove one.
        assert set(want) <= set(got), (path, set(want) - set(got))


def test_a_broken_file_in_a_batch_does_not_stop_the_run() -> None:
    good = [
        ("good/td.json", json.dumps(GOOD_TD, indent=2).encode()),
        ("good/cfn.yaml", b"Resources:\n  TD:\n    Type: AWS::ECS::TaskDefinition\n    Properties:\n      ContainerDefinitions:\n        - Name: a\n          Image: nginx\n          Privileged: true\n"),
        ("good/iam.json", json.dumps({"RoleDetailList": [{"RoleName": "r", "AssumeRolePolicyDocument": ANYONE}]}).encode()),
        ("good/td-with-role.json", json.dumps({**GOOD_TD, "family": "app", "executionRoleArn": "arn:aws:iam::123456789012:role/r"}).encode()),
    ]
    broken = [
        ("bad/truncated.json", json.dumps(GOOD_TD).encode()[:40]),
        ("bad/nul.yaml", b"Resources:\x00\n"),
        ("bad/deep.json", b"[" * 100_000 + b"]" * 100_000),
        ("bad/bomb.yaml", ALIAS_BOMB.encode()),
        ("bad/latin1.json", '{"family": "caf\xe9"}'.encode("latin-1")),
    ]
    alone = lint_files(good)
    together = lint_and_check(good + broken)
    for path, _ in good:
        assert _findings(alone, path) and _findings(alone, path) == _findings(together, path)
    for path, _ in broken:
        assert [d.code for d in together.diagnostics if d.location.path == path] == ["ECS001"], path


def test_many_files_with_broken_ones_in_forked_workers() -> None:
    """From 40 files on, the rules run in forked workers: no file is lost there either, and the
    report is the one a single process gives."""
    files = [(f"corpus/{i:03d}-{p.name}", p.read_bytes()) for i, p in enumerate(CORPUS[:: max(1, len(CORPUS) // 45)][:45])]
    files += [
        ("broken/truncated.json", json.dumps(GOOD_TD).encode()[:40]),
        ("broken/deep.yaml", b"- " * 100_000),
        ("broken/bomb.yaml", ALIAS_BOMB.encode()),
        ("broken/garbage.json", bytes(range(256))),
    ]
    if "fork" not in multiprocessing.get_all_start_methods():
        pytest.skip("rules run in forked workers only where processes can fork")
    p = plugins()
    parallel = run([(n, b, True) for n, b in files], p.registry, p.kinds, Options(select=("ALL",), jobs=2))
    check_report(files, parallel)
    single = run([(n, b, True) for n, b in files], p.registry, p.kinds, Options(select=("ALL",), jobs=1))

    def key(r: Report) -> list[tuple[Any, ...]]:
        return [(d.code, d.location.path, d.location.span, d.message) for d in r.diagnostics]
    assert key(parallel) == key(single) and len(parallel.files) == len(files)
