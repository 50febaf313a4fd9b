"""Checks on the generated schemas/ecs/*.json and schemas/cfn-names.json."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

jsonschema = pytest.importorskip("jsonschema")
from jsonschema import Draft202012Validator  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
ECS_DIR = ROOT / "schemas" / "ecs"
CFN_NAMES = ROOT / "schemas" / "cfn-names.json"

SCHEMA_FILES = [
    "register-task-definition.json",
    "create-service.json",
    "update-service.json",
    "run-task.json",
    "create-cluster.json",
    "create-capacity-provider.json",
]


def load(name: str) -> dict:
    return json.loads((ECS_DIR / name).read_text(encoding="utf-8"))


def validator(name: str) -> Draft202012Validator:
    return Draft202012Validator(load(name), format_checker=Draft202012Validator.FORMAT_CHECKER)


def errors(name: str, instance: dict) -> list:
    return sorted(validator(name).iter_errors(instance), key=lambda e: list(e.absolute_path))


# A task definition written for these tests: a web container plus a log router.
VALID_TASK_DEF = {
    "family": "ecslint-sample-web",
    "networkMode": "awsvpc",
    "requiresCompatibilities": ["FARGATE"],
    "cpu": "512",
    "memory": "1024",
    "executionRoleArn": "arn:aws:iam::111122223333:role/sample-exec",
    "runtimePlatform": {"cpuArchitecture": "ARM64", "operatingSystemFamily": "LINUX"},
    "containerDefinitions": [
        {
            "name": "web",
            "image": "registry.example.test/sample/web:1.2.3",
            "cpu": 256,
            "memoryReservation": 512,
            "essential": True,
            "portMappings": [{"containerPort": 8080, "protocol": "tcp", "name": "http"}],
            "environment": [{"name": "MODE", "value": "prod"}],
            "dockerLabels": {"team": "platform"},
            "logConfiguration": {
                "logDriver": "awslogs",
                "options": {"awslogs-group": "/sample/web", "awslogs-region": "eu-west-1"},
            },
            "healthCheck": {"command": ["CMD-SHELL", "true"], "interval": 30, "retries": 3},
            "dependsOn": [{"containerName": "router", "condition": "START"}],
        },
        {
            "name": "router",
            "image": "registry.example.test/sample/router:2",
            "essential": False,
            "firelensConfiguration": {"type": "fluentbit", "options": {"enable-ecs-log-metadata": "true"}},
        },
    ],
    "volumes": [
        {
            "name": "shared",
            "efsVolumeConfiguration": {
                "fileSystemId": "fs-0123456789abcdef0",
                "transitEncryption": "ENABLED",
                "authorizationConfig": {"iam": "ENABLED"},
            },
        }
    ],
    "tags": [{"key": "env", "value": "test"}],
}


# --------------------------------------------------------------------------- #
# (a) every generated schema is a valid Draft 2020-12 schema
# --------------------------------------------------------------------------- #


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_schema_is_valid_draft_2020_12(name):
    schema = load(name)
    Draft202012Validator.check_schema(schema)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert schema["$id"] == f"https://ecslint.dev/schemas/ecs/{name}"
    prov = schema["x-provenance"]
    assert prov["source"] == "botocore ecs 2014-11-13 service-2.json"
    assert prov["botocore_version"] and prov["generated"]
    assert schema["type"] == "object" and schema["additionalProperties"] is False


@pytest.mark.parametrize("name", SCHEMA_FILES)
def test_refs_resolve_and_descriptions_are_clean(name):
    schema = load(name)
    defs = schema.get("$defs", {})

    def walk(node):
        if isinstance(node, dict):
            ref = node.get("$ref")
            if ref is not None:
                assert ref.startswith("#/$defs/") and ref[len("#/$defs/"):] in defs, ref
            desc = node.get("description")
            if isinstance(desc, str):
                assert "<" not in desc and ">" not in desc, desc
                assert "  " not in desc and desc == desc.strip(), desc
                assert len(desc) <= 200, desc
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)


def test_model_facts_came_through():
    td = load("register-task-definition.json")
    defs = td["$defs"]
    assert td["required"] == ["family", "containerDefinitions"]
    assert td["properties"]["cpu"]["type"] == "string"
    assert td["properties"]["memory"]["type"] == "string"
    assert defs["ContainerDefinition"]["properties"]["cpu"]["type"] == "integer"
    assert set(defs["NetworkMode"]["enum"]) == {"bridge", "host", "awsvpc", "none"}
    assert td["properties"]["family"]["description"]

    svc = load("create-service.json")
    item = svc["$defs"]["CapacityProviderStrategyItem"]["properties"]
    assert (item["weight"]["minimum"], item["weight"]["maximum"]) == (0, 1000)
    assert (item["base"]["minimum"], item["base"]["maximum"]) == (0, 100000)
    assert svc["properties"]["tags"]["maxItems"] == 50


# --------------------------------------------------------------------------- #
# (b) validation of hand-written inputs
# --------------------------------------------------------------------------- #


def test_valid_task_definition_passes():
    assert errors("register-task-definition.json", VALID_TASK_DEF) == []


def test_network_mode_bridged_is_rejected():
    bad = dict(VALID_TASK_DEF, networkMode="bridged")
    errs = errors("register-task-definition.json", bad)
    assert len(errs) == 1
    assert errs[0].validator == "enum"
    assert list(errs[0].absolute_path) == ["networkMode"]
    assert "bridged" in errs[0].message


def test_missing_family_is_rejected():
    bad = {k: v for k, v in VALID_TASK_DEF.items() if k != "family"}
    errs = errors("register-task-definition.json", bad)
    assert [(e.validator, list(e.absolute_path)) for e in errs] == [("required", [])]
    assert "'family' is a required property" in errs[0].message


def test_container_cpu_must_be_integer_and_unknown_keys_rejected():
    container = dict(VALID_TASK_DEF["containerDefinitions"][0], cpu="256", memorySize=5)
    bad = dict(VALID_TASK_DEF, containerDefinitions=[container])
    found = {(e.validator, tuple(e.absolute_path)) for e in errors("register-task-definition.json", bad)}
    assert ("type", ("containerDefinitions", 0, "cpu")) in found
    assert ("additionalProperties", ("containerDefinitions", 0)) in found


def test_capacity_provider_weight_1001_is_rejected():
    request = {
        "serviceName": "web",
        "taskDefinition": "ecslint-sample-web:3",
        "capacityProviderStrategy": [
            {"capacityProvider": "FARGATE", "weight": 1001, "base": 1},
            {"capacityProvider": "FARGATE_SPOT", "weight": 1000, "base": 0},
        ],
    }
    for name in ("create-service.json", "update-service.json", "run-task.json"):
        req = dict(request)
        if name == "update-service.json":
            req["service"] = req.pop("serviceName")
        if name == "run-task.json":
            req.pop("serviceName")
        errs = errors(name, req)
        assert [(e.validator, list(e.absolute_path)) for e in errs] == [
            ("maximum", ["capacityProviderStrategy", 0, "weight"])
        ], name
    ok = dict(request, capacityProviderStrategy=[{"capacityProvider": "FARGATE", "weight": 1000, "base": 100000}])
    assert errors("create-service.json", ok) == []
    too_big_base = dict(request, capacityProviderStrategy=[{"capacityProvider": "FARGATE", "base": 100001}])
    assert [e.validator for e in errors("create-service.json", too_big_base)] == ["maximum"]


def test_lifecycle_hook_details_accept_free_form_json():
    request = {
        "serviceName": "web",
        "deploymentConfiguration": {
            "lifecycleHooks": [
                {
                    "hookTargetArn": "arn:aws:lambda:eu-west-1:111122223333:function:gate",
                    "roleArn": "arn:aws:iam::111122223333:role/hooks",
                    "lifecycleStages": ["POST_SCALE_UP"],
                    "hookDetails": {"anything": [1, "two", {"three": None}]},
                }
            ]
        },
    }
    assert errors("create-service.json", request) == []


# --------------------------------------------------------------------------- #
# (c) CloudFormation -> API names
# --------------------------------------------------------------------------- #


@pytest.fixture(scope="module")
def cfn_names():
    return json.loads(CFN_NAMES.read_text(encoding="utf-8"))


def test_cfn_names_structure(cfn_names):
    assert "_format" in cfn_names and "_provenance" in cfn_names
    for t in (
        "AWS::ECS::TaskDefinition",
        "AWS::ECS::Service",
        "AWS::ECS::Cluster",
        "AWS::ECS::CapacityProvider",
        "AWS::ECS::TaskSet",
    ):
        assert set(cfn_names[t]) == {"props"}, t
        assert cfn_names[t]["props"]["Tags"]["items"]["props"] == {
            "Key": {"api": "key"},
            "Value": {"api": "value"},
        }, t


def test_cfn_names_task_definition(cfn_names):
    td = cfn_names["AWS::ECS::TaskDefinition"]["props"]
    assert td["ContainerDefinitions"]["api"] == "containerDefinitions"
    volume = td["Volumes"]["items"]["props"]
    efs = volume["EFSVolumeConfiguration"]
    assert efs["api"] == "efsVolumeConfiguration"
    assert efs["props"]["FilesystemId"] == {"api": "fileSystemId"}
    assert efs["props"]["AuthorizationConfig"]["props"]["IAM"] == {"api": "iam"}
    assert td["ProxyConfiguration"]["props"]["ProxyConfigurationProperties"]["api"] == "properties"
    container = td["ContainerDefinitions"]["items"]["props"]
    assert container["LogConfiguration"]["props"]["Options"] == {"api": "options", "map": True}
    assert container["DockerLabels"] == {"api": "dockerLabels", "map": True}
    assert container["FirelensConfiguration"]["props"]["Options"]["map"] is True
    docker = volume["DockerVolumeConfiguration"]["props"]
    assert docker["DriverOpts"]["map"] is True and docker["Labels"]["map"] is True
    assert td["TaskDefinitionArn"]["api"] is None and td["TaskDefinitionArn"]["note"]


def test_cfn_names_service_cluster_capacity_provider(cfn_names):
    svc = cfn_names["AWS::ECS::Service"]["props"]
    assert svc["PlacementStrategies"]["api"] == "placementStrategy"
    assert svc["ServiceName"]["api"] == "serviceName"
    assert svc["ForceNewDeployment"]["api"] is None and svc["ForceNewDeployment"]["note"]
    cluster = cfn_names["AWS::ECS::Cluster"]["props"]
    assert cluster["ClusterName"]["api"] == "clusterName"
    assert cluster["ClusterSettings"]["api"] == "settings"
    assert cluster["ClusterSettings"]["items"]["props"]["Name"] == {"api": "name"}
    cp = cfn_names["AWS::ECS::CapacityProvider"]["props"]
    assert cp["ClusterName"]["api"] == "cluster"
    ts = cfn_names["AWS::ECS::TaskSet"]["props"]
    assert ts["NetworkConfiguration"]["props"]["AwsVpcConfiguration"]["api"] == "awsvpcConfiguration"


# --------------------------------------------------------------------------- #
# (d) the committed files are what the generators produce
# --------------------------------------------------------------------------- #


def _require_recorded_version(dist: str, recorded: str) -> None:
    """Skip (with the reason) unless `dist` is installed at the version the files record."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        installed = version(dist)
    except PackageNotFoundError:
        pytest.skip(f"{dist} is not installed")
    if installed != recorded:
        pytest.skip(f"{dist} {installed} installed, files were generated with {recorded}")


def test_vendor_schemas_check_is_clean():
    _require_recorded_version("botocore", load(SCHEMA_FILES[0])["x-provenance"]["botocore_version"])
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "vendor_schemas.py"), "--check"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_gen_cfn_names_check_is_clean():
    prov = json.loads(CFN_NAMES.read_text(encoding="utf-8"))["_provenance"]
    _require_recorded_version("botocore", prov["botocore_version"])
    _require_recorded_version("cfn-lint", prov["cfn_lint_version"])
    proc = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "gen_cfn_names.py"), "--check"],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
