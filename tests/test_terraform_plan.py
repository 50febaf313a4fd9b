"""The Terraform plan adapter: ``terraform show -json`` plans and states -> canonical resources."""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from ecslint.documents.base import Document, Resource
from ecslint.documents.terraform_plan import detect
from ecslint.engine import load_document, run
from ecslint.iam import Verdict, evaluate
from ecslint.options import Options
from ecslint.plugins import load_plugins
from ecslint.project import Cluster, Project, Role, Service, TaskDefinition
from ecslint.validate import validate
from ecslint.values import Reference, Unknown, is_unknown

HERE = Path(__file__).resolve().parent / "fixtures" / "documents" / "terraform"
PLAN = HERE / "plan.json"
STATE = HERE / "state" / "state.json"
AWS = "registry.terraform.io/hashicorp/aws"


# --------------------------------------------------------------------------- helpers
def _kinds() -> list[Any]:
    return load_plugins(autoload=False).kinds


def load(path: Path, data: bytes | None = None) -> Document:
    loaded = load_document(str(path), data if data is not None else path.read_bytes(), _kinds(), Options())
    assert loaded.problems == []
    assert loaded.document is not None
    assert loaded.result.kind == "terraform-plan"
    return loaded.document


def linked(doc: Document) -> dict[str, Resource]:
    Project(doc.resources)
    return {r.name: r for r in doc.resources}


def line_of(text: str, needle: str, after: str | None = None) -> int:
    start = text.index(after) if after else 0
    return text.count("\n", 0, text.index(needle, start)) + 1


def resource(address: str, rtype: str, values: dict[str, Any], index: Any = None, mode: str = "managed") -> dict[str, Any]:
    name = address.rsplit(".", 1)[-1].split("[", 1)[0] if mode == "managed" else address.split(".")[-1]
    out: dict[str, Any] = {"address": address, "mode": mode, "type": rtype, "name": name}
    if index is not None:
        out["index"] = index
    out.update({"provider_name": AWS, "schema_version": 0, "values": values, "sensitive_values": {}})
    return out


def change(address: str, after_unknown: dict[str, Any], actions: tuple[str, ...] = ("create",)) -> dict[str, Any]:
    return {"address": address, "change": {"actions": list(actions), "before": None, "after": {}, "after_unknown": after_unknown}}


def config(address: str, rtype: str, expressions: dict[str, Any]) -> dict[str, Any]:
    return {
        "address": address,
        "mode": "managed",
        "type": rtype,
        "name": address.split(".")[-1],
        "provider_config_key": "aws",
        "expressions": expressions,
        "schema_version": 0,
    }


def refs(*names: str) -> dict[str, Any]:
    return {"references": list(names)}


def write_plan(tmp_path: Path, plan: dict[str, Any], name: str = "plan.json") -> Document:
    path = tmp_path / name
    path.write_text(json.dumps(plan, indent=2), encoding="utf-8")
    return load(path)


def minimal_plan(
    resources: list[dict[str, Any]],
    changes: list[dict[str, Any]] = (),  # type: ignore[assignment]
    configuration: list[dict[str, Any]] | None = None,
    **extra: Any,
) -> dict[str, Any]:
    plan: dict[str, Any] = {
        "format_version": "1.2",
        "terraform_version": "1.9.8",
        "planned_values": {"root_module": {"resources": resources}},
        "resource_changes": list(changes),
    }
    if configuration is not None:
        plan["configuration"] = {"root_module": {"resources": configuration}}
    plan.update(extra)
    return plan


@pytest.fixture(scope="module")
def plan() -> dict[str, Resource]:
    return linked(load(PLAN))


# --------------------------------------------------------------------------- detection
@pytest.mark.parametrize(
    "data",
    [
        {"format_version": "1.2", "planned_values": {"root_module": {}}},
        {"format_version": "1.2", "resource_changes": []},
        {"format_version": "1.2", "configuration": {"root_module": {}}},
        {"format_version": "1.0", "values": {"root_module": {"resources": []}}},
    ],
)
def test_detects_plans_and_states(data: dict[str, Any]) -> None:
    assert detect(data)


@pytest.mark.parametrize(
    "data",
    [
        {"planned_values": {}},
        {"format_version": "1.0"},
        {"format_version": "1.0", "values": {"outputs": {}}},
        {"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}},
        {"family": "web", "containerDefinitions": []},
        [{"format_version": "1.0"}],
        "format_version",
    ],
)
def test_does_not_detect_other_documents(data: Any) -> None:
    assert not detect(data)


# --------------------------------------------------------------------------- what is loaded
def test_resources_kinds_and_names(plan: dict[str, Resource]) -> None:
    assert {name: r.kind for name, r in plan.items()} == {
        "aws_ecs_cluster.main": "cluster",
        "aws_ecs_service.app": "service",
        "aws_ecs_task_definition.app": "task-definition",
        "aws_iam_policy.task_extra": "iam-policy",
        "aws_iam_role.exec": "iam-role",
        "aws_iam_role.task": "iam-role",
        "aws_iam_role_policy.exec_secrets": "iam-policy",
        'module.worker.aws_ecs_service.this["blue"]': "service",
        'module.worker.aws_ecs_service.this["green"]': "service",
        "module.worker.aws_ecs_task_definition.this": "task-definition",
    }
    assert "aws_ecs_service.legacy" not in plan  # being deleted
    for r in plan.values():
        assert r.logical_kind == "resource"
        assert r.meta["type"] == r.name.split(".")[-2].split("[")[0]
        assert r.meta["actions"] == ["create"]
    assert isinstance(plan["aws_ecs_task_definition.app"], TaskDefinition)
    assert isinstance(plan["aws_ecs_service.app"], Service)
    assert isinstance(plan["aws_iam_role.exec"], Role)


def test_base_and_root_pointers(plan: dict[str, Resource]) -> None:
    td = plan["aws_ecs_task_definition.app"]
    assert td.base == ("planned_values", "root_module", "resources", 4)
    assert td.root == td.base + ("values",)
    mtd = plan["module.worker.aws_ecs_task_definition.this"]
    assert mtd.base == ("planned_values", "root_module", "child_modules", 0, "resources", 3)


def test_document_meta() -> None:
    doc = load(PLAN)
    assert doc.meta["terraform_version"] == "1.9.8"
    assert doc.meta["source_dir"] == str(HERE)


# --------------------------------------------------------------------------- task definition
def test_task_definition_canonical_data(plan: dict[str, Resource]) -> None:
    td = plan["aws_ecs_task_definition.app"]
    d = td.data
    assert d["family"] == "demo-app"
    assert d["cpu"] == "512" and d["memory"] == "1024"
    assert d["networkMode"] == "awsvpc"
    assert d["requiresCompatibilities"] == ["FARGATE"]
    assert d["runtimePlatform"] == {"operatingSystemFamily": "LINUX", "cpuArchitecture": "ARM64"}
    assert d["ephemeralStorage"] == {"sizeInGiB": 30}
    assert d["tags"] == [{"key": "app", "value": "demo"}, {"key": "team", "value": "platform"}]
    # Terraform-only attributes and empty blocks are gone; null ipc/pid modes are absent.
    for absent in ("skipDestroy", "trackLatest", "skip_destroy", "ipcMode", "pidMode", "placementConstraints",
                   "proxyConfiguration", "inferenceAccelerators", "arn", "revision", "tagsAll"):
        assert absent not in d
    # enable_fault_injection is computed and not configured: the API default applies.
    assert "enableFaultInjection" not in d
    assert ("enable_fault_injection",) in td.meta["computed"]


def test_volume_blocks_unwrapped_and_zero_values_dropped(plan: dict[str, Resource]) -> None:
    (vol,) = plan["aws_ecs_task_definition.app"].data["volumes"]
    assert vol == {
        "name": "assets",
        "configuredAtLaunch": False,
        "efsVolumeConfiguration": {
            "fileSystemId": "fs-0123456789abcdef0",
            "rootDirectory": "/",
            "transitEncryption": "ENABLED",
            "authorizationConfig": {"accessPointId": "fsap-0123456789abcdef0", "iam": "ENABLED"},
        },
    }  # host_path "" and transit_encryption_port 0 mean "not set"


def test_container_definitions_are_parsed(plan: dict[str, Resource]) -> None:
    td = plan["aws_ecs_task_definition.app"]
    assert isinstance(td, TaskDefinition)
    assert td.containers_known
    assert [c["name"] for _, c in td.containers] == ["app", "log-router"]
    app = td.data["containerDefinitions"][0]
    assert app["image"] == "123456789012.dkr.ecr.eu-west-1.amazonaws.com/demo-app:1.4.2"
    assert app["portMappings"] == [{"containerPort": 8080, "name": "http", "protocol": "tcp"}]
    assert app["logConfiguration"]["options"]["awslogs-group"] == "/ecs/demo-app"
    assert td.opaque == (("containerDefinitions",),)
    assert td.origins is not None
    assert td.origins[("containerDefinitions",)] == td.root + ("container_definitions",)


def test_unknown_execution_role_becomes_a_reference(plan: dict[str, Resource]) -> None:
    td = plan["aws_ecs_task_definition.app"]
    ref = td.data["executionRoleArn"]
    assert isinstance(ref, Reference) and is_unknown(ref)
    assert (ref.target, ref.attribute) == ("aws_iam_role.exec", "arn")
    task_ref = td.data["taskRoleArn"]
    assert isinstance(task_ref, Reference) and task_ref.target == "aws_iam_role.task"
    # It points at the after_unknown entry that says so.
    src, approximate = td.source(("executionRoleArn",))
    assert src == ("resource_changes", 5, "change", "after_unknown", "execution_role_arn") and not approximate


def test_task_definition_resolves_its_roles(plan: dict[str, Resource]) -> None:
    td = plan["aws_ecs_task_definition.app"]
    assert isinstance(td, TaskDefinition)
    assert td.execution_role is plan["aws_iam_role.exec"]
    assert td.task_role is plan["aws_iam_role.task"]
    assert td.is_fargate


# --------------------------------------------------------------------------- positions
def test_span_of_cpu_is_its_line_in_the_plan(plan: dict[str, Resource]) -> None:
    text = PLAN.read_text(encoding="utf-8")
    td = plan["aws_ecs_task_definition.app"]
    span = td.span(("cpu",))
    assert not span.approximate
    assert span.line == line_of(text, '"cpu": "512"', after='"address": "aws_ecs_task_definition.app"')
    assert text.splitlines()[span.line - 1][span.col - 1 : span.end_col - 1] == '"512"'
    key = td.span(("cpu",), "key")
    assert text.splitlines()[key.line - 1][key.col - 1 : key.end_col - 1] == '"cpu"'


def test_span_inside_container_definitions_is_approximate(plan: dict[str, Resource]) -> None:
    text = PLAN.read_text(encoding="utf-8")
    td = plan["aws_ecs_task_definition.app"]
    span = td.span(("containerDefinitions", 0, "image"))
    assert span.approximate
    assert span.line == line_of(text, '"container_definitions": "[{', after='"address": "aws_ecs_task_definition.app"')
    assert td.source(("containerDefinitions", 1, "name")) == (td.root + ("container_definitions",), True)
    assert not td.span(("containerDefinitions",)).approximate


def test_span_of_block_members(plan: dict[str, Resource]) -> None:
    text = PLAN.read_text(encoding="utf-8").splitlines()
    td = plan["aws_ecs_task_definition.app"]
    s = td.span(("runtimePlatform", "cpuArchitecture"))
    assert not s.approximate and text[s.line - 1].strip() == '"cpu_architecture": "ARM64",'
    s = td.span(("volumes", 0, "efsVolumeConfiguration", "authorizationConfig", "iam"))
    assert not s.approximate and text[s.line - 1].strip() == '"iam": "ENABLED"'
    s = td.span(("tags", 1, "value"))
    assert text[s.line - 1].strip() == '"team": "platform"'


def test_minified_plan_positions(tmp_path: Path) -> None:
    path = tmp_path / "plan.json"
    minified = json.dumps(json.loads(PLAN.read_text(encoding="utf-8")), separators=(",", ":"))
    path.write_text(minified, encoding="utf-8")
    res = linked(load(path))
    span = res["aws_ecs_task_definition.app"].span(("networkMode",))
    assert span.line == 1
    assert minified[span.col - 1 : span.end_col - 1] == '"awsvpc"'


# --------------------------------------------------------------------------- service
def test_service_canonical_data(plan: dict[str, Resource]) -> None:
    svc = plan["aws_ecs_service.app"]
    d = svc.data
    assert d["serviceName"] == "demo-app"
    assert d["desiredCount"] == 2 and isinstance(d["desiredCount"], int)
    assert d["capacityProviderStrategy"] == [
        {"base": 0, "capacityProvider": "FARGATE_SPOT", "weight": 3},
        {"base": 1, "capacityProvider": "FARGATE", "weight": 1},
    ]
    vpc = d["networkConfiguration"]["awsvpcConfiguration"]
    assert vpc["assignPublicIp"] == "ENABLED"
    assert vpc["subnets"] == ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"]
    (sg,) = vpc["securityGroups"]
    assert isinstance(sg, Reference) and (sg.target, sg.attribute) == ("aws_security_group.app", "id")
    assert d["loadBalancers"] == [
        {
            "containerName": "app",
            "containerPort": 8080,
            "targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/demo-app/0123456789abcdef",
        }
    ]
    assert d["deploymentConfiguration"] == {
        "maximumPercent": 200,
        "minimumHealthyPercent": 100,
        "deploymentCircuitBreaker": {"enable": True, "rollback": True},
    }
    assert d["deploymentController"] == {"type": "ECS"}
    assert d["platformVersion"] == "1.4.0" and d["propagateTags"] == "SERVICE"
    assert d["enableExecuteCommand"] is True and d["healthCheckGracePeriodSeconds"] == 60
    assert d["tags"] == [{"key": "app", "value": "demo"}]
    # Computed and not configured: launch_type, iam_role, availability_zone_rebalancing.
    for absent in ("launchType", "role", "availabilityZoneRebalancing", "triggers", "waitForSteadyState", "forceNewDeployment"):
        assert absent not in d
    assert svc.meta["force_new_deployment"] is True


def test_service_links(plan: dict[str, Resource]) -> None:
    svc = plan["aws_ecs_service.app"]
    assert isinstance(svc, Service)
    assert isinstance(svc.data["taskDefinition"], Reference) and isinstance(svc.data["cluster"], Reference)
    assert svc.task_definition is plan["aws_ecs_task_definition.app"]
    assert svc.cluster is plan["aws_ecs_cluster.main"]
    target, why = svc.launch_target
    assert target == "FARGATE" and "FARGATE_SPOT" in why
    assert svc.uses_spot
    td = plan["aws_ecs_task_definition.app"]
    assert isinstance(td, TaskDefinition) and svc in td.runners
    assert svc.project is not None and svc.project.unresolved == []


def test_service_spans(plan: dict[str, Resource]) -> None:
    text = PLAN.read_text(encoding="utf-8").splitlines()
    svc = plan["aws_ecs_service.app"]
    s = svc.span(("networkConfiguration", "awsvpcConfiguration", "assignPublicIp"))
    assert text[s.line - 1].strip() == '"assign_public_ip": true,'
    s = svc.span(("deploymentConfiguration", "maximumPercent"))
    assert text[s.line - 1].strip() == '"deployment_maximum_percent": 200,'
    s = svc.span(("capacityProviderStrategy", 1, "capacityProvider"))
    assert text[s.line - 1].strip() == '"capacity_provider": "FARGATE",'


# --------------------------------------------------------------------------- cluster
def test_cluster_with_capacity_provider_association(plan: dict[str, Resource]) -> None:
    cluster = plan["aws_ecs_cluster.main"]
    assert isinstance(cluster, Cluster)
    assert cluster.data == {
        "clusterName": "demo",
        "settings": [{"name": "containerInsights", "value": "enabled"}],
        "configuration": {"executeCommandConfiguration": {"logging": "DEFAULT"}},
        "capacityProviders": ["FARGATE", "FARGATE_SPOT"],
        "defaultCapacityProviderStrategy": [{"base": 1, "capacityProvider": "FARGATE", "weight": 1}],
    }
    association = ("planned_values", "root_module", "resources", 2, "values")
    assert cluster.source(("capacityProviders", 1)) == (association + ("capacity_providers", 1), False)
    assert cluster.source(("defaultCapacityProviderStrategy", 0, "weight"))[0] == association + (
        "default_capacity_provider_strategy", 0, "weight",
    )
    assert cluster.meta["merged_from"] == ["aws_ecs_cluster_capacity_providers.main"]


# --------------------------------------------------------------------------- child module
def test_child_module_task_definition(plan: dict[str, Resource]) -> None:
    td = plan["module.worker.aws_ecs_task_definition.this"]
    assert isinstance(td, TaskDefinition)
    assert td.meta["module_prefix"] == "module.worker."
    assert td.data["cpu"] == "256" and td.data["memory"] == "512"
    assert isinstance(td.data["containerDefinitions"], Unknown)
    assert not isinstance(td.data["containerDefinitions"], Reference)
    assert not td.containers_known and td.containers == []
    # execution_role_arn = var.execution_role_arn, set to aws_iam_role.exec.arn by the root module.
    ref = td.data["executionRoleArn"]
    assert isinstance(ref, Reference) and ref.target == "aws_iam_role.exec"
    assert td.execution_role is plan["aws_iam_role.exec"]
    assert "taskRoleArn" not in td.data  # null: not set


def test_child_module_services(plan: dict[str, Resource]) -> None:
    blue = plan['module.worker.aws_ecs_service.this["blue"]']
    green = plan['module.worker.aws_ecs_service.this["green"]']
    assert isinstance(blue, Service) and isinstance(green, Service)
    assert blue.meta["index"] == "blue" and blue.data["serviceName"] == "demo-worker-blue"
    ref = blue.data["taskDefinition"]
    assert isinstance(ref, Reference) and ref.target == "aws_ecs_task_definition.this"  # relative to the module
    assert blue.task_definition is plan["module.worker.aws_ecs_task_definition.this"]
    assert green.task_definition is plan["module.worker.aws_ecs_task_definition.this"]
    assert blue.cluster is plan["aws_ecs_cluster.main"]  # var.cluster_arn -> aws_ecs_cluster.main.arn
    assert blue.data["launchType"] == "FARGATE"
    assert blue.data["networkConfiguration"]["awsvpcConfiguration"] == {
        "assignPublicIp": "DISABLED",
        "subnets": ["subnet-0a1b2c3d4e5f60001", "subnet-0a1b2c3d4e5f60002"],
    }
    assert "platformVersion" not in blue.data  # computed, not configured


# --------------------------------------------------------------------------- IAM
def test_execution_role(plan: dict[str, Resource]) -> None:
    role = plan["aws_iam_role.exec"]
    assert isinstance(role, Role)
    assert role.role_name == "demo-exec"
    assert "Arn" not in role.data  # known after apply
    assert role.trust_document == {
        "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}}],
        "Version": "2012-10-17",
    }
    assert ("AssumeRolePolicyDocument",) in role.opaque
    assert role.source(("AssumeRolePolicyDocument", "Statement", 0, "Action")) == (role.root + ("assume_role_policy",), True)
    # inline_policy and managed_policy_arns are computed and not configured: not "unknown", absent.
    assert "RolePolicyList" not in role.data
    assert role.data["AttachedManagedPolicies"] == [
        {"PolicyArn": "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"}
    ]
    attachment = ("planned_values", "root_module", "resources", 9, "values", "policy_arn")
    assert role.source(("AttachedManagedPolicies", 0, "PolicyArn")) == (attachment, False)
    assert role.meta["attachments"] == ["aws_iam_role_policy_attachment.exec_managed"]


def test_execution_role_policies(plan: dict[str, Resource]) -> None:
    role = plan["aws_iam_role.exec"]
    assert isinstance(role, Role)
    names = [p.name for p in role.policies]
    assert names == ["AmazonECSTaskExecutionRolePolicy", "policy aws_iam_role_policy.exec_secrets"]
    assert evaluate(role.policies, "ecr:GetAuthorizationToken").verdict is Verdict.ALLOWED
    secret = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:demo/db-AbCdEf"
    assert evaluate(role.policies, "secretsmanager:GetSecretValue", secret).verdict is Verdict.MAYBE
    assert evaluate(role.policies, "kms:Decrypt", "*").verdict is Verdict.NOT_ALLOWED


def test_role_policy_rendered_from_a_deferred_data_source(plan: dict[str, Resource]) -> None:
    pol = plan["aws_iam_role_policy.exec_secrets"]
    assert pol.data["PolicyName"] == "read-db-secret"
    (role_ref,) = pol.data["Roles"]
    assert isinstance(role_ref, Reference) and (role_ref.target, role_ref.attribute) == ("aws_iam_role.exec", "id")
    doc = pol.data["PolicyDocument"]
    assert doc["Version"] == "2012-10-17"
    (st,) = doc["Statement"]
    assert st["Sid"] == "ReadDbSecret" and st["Effect"] == "Allow"
    assert st["Action"] == ["secretsmanager:GetSecretValue"]
    (resource_arn,) = st["Resource"]
    assert isinstance(resource_arn, Unknown)
    assert "NotAction" not in st and "Principal" not in st and "Condition" not in st
    data_source = ("planned_values", "root_module", "resources", 13, "values")
    assert pol.source(("PolicyDocument", "Statement", 0)) == (data_source, True)


def test_task_role_policies(plan: dict[str, Resource]) -> None:
    role = plan["aws_iam_role.task"]
    assert isinstance(role, Role)
    # assume_role_policy from data.aws_iam_policy_document (known at plan time).
    assert role.trust_document["Statement"][0]["Principal"] == {"Service": "ecs-tasks.amazonaws.com"}
    assert role.data["RolePolicyList"][0]["PolicyName"] == "s3-read"
    assert role.data["RolePolicyList"][0]["PolicyDocument"]["Statement"][0]["Action"] == ["s3:GetObject"]
    assert ("RolePolicyList", 0, "PolicyDocument") in role.opaque
    (attached,) = role.data["AttachedManagedPolicies"]
    ref = attached["PolicyArn"]
    assert isinstance(ref, Reference) and (ref.target, ref.attribute) == ("aws_iam_policy.task_extra", "arn")
    assert role.meta["refs"][("AttachedManagedPolicies", 0, "PolicyArn")] is ref
    assert [p.name for p in role.policies] == ["inline policy s3-read", "policy aws_iam_policy.task_extra"]
    assert evaluate(role.policies, "ssmmessages:OpenDataChannel").verdict is Verdict.ALLOWED
    assert evaluate(role.policies, "s3:GetObject", "arn:aws:s3:::demo-assets/logo.png").verdict is Verdict.ALLOWED


def test_customer_managed_policy(plan: dict[str, Resource]) -> None:
    pol = plan["aws_iam_policy.task_extra"]
    assert pol.data["PolicyName"] == "demo-task-extra"
    assert "Arn" not in pol.data
    assert pol.data["PolicyDocument"]["Statement"][0]["Resource"] == "*"


# --------------------------------------------------------------------------- .tf source blocks
def test_tf_block_is_recorded(plan: dict[str, Resource]) -> None:
    main_tf = HERE / "main.tf"
    text = main_tf.read_text(encoding="utf-8")
    path, line = plan["aws_ecs_task_definition.app"].meta["tf_block"]
    assert os.path.abspath(path) == str(main_tf)
    assert line == line_of(text, 'resource "aws_ecs_task_definition" "app" {')
    assert plan["aws_iam_role.exec"].meta["tf_block"][1] == line_of(text, 'resource "aws_iam_role" "exec" {')
    worker_tf = HERE / "modules" / "worker" / "main.tf"
    path, line = plan['module.worker.aws_ecs_service.this["green"]'].meta["tf_block"]
    assert os.path.abspath(path) == str(worker_tf)
    assert line == line_of(worker_tf.read_text(encoding="utf-8"), 'resource "aws_ecs_service" "this" {')


def test_no_tf_block_without_tf_files(tmp_path: Path) -> None:
    doc = load(tmp_path.joinpath("plan.json"), PLAN.read_bytes())
    assert all("tf_block" not in r.meta for r in doc.resources)


# --------------------------------------------------------------------------- state
def test_state_document() -> None:
    res = linked(load(STATE))
    td = res["aws_ecs_task_definition.web"]
    assert isinstance(td, TaskDefinition)
    # Terraform's zero values ("" for unset strings, [] for unset blocks) are not members.
    assert td.data["networkMode"] == "bridge"
    for absent in ("cpu", "memory", "ipcMode", "pidMode", "taskRoleArn", "requiresCompatibilities", "ephemeralStorage"):
        assert absent not in td.data
    assert td.data["volumes"] == [{"name": "logs", "host": {"sourcePath": "/var/log/web"}, "configuredAtLaunch": False}]
    assert td.meta["revision"] == 3 and td.meta["arn"].endswith("task-definition/web:3")
    assert td.containers_known and td.containers[0][1]["image"] == "nginx:1.27"
    assert "actions" not in td.meta and "tf_block" not in td.meta
    svc = res["aws_ecs_service.web"]
    assert isinstance(svc, Service)
    assert svc.task_definition is td  # by ARN and revision
    assert svc.cluster is res["aws_ecs_cluster.main"]  # by ARN
    assert svc.data["launchType"] == "EC2" and "platformVersion" not in svc.data
    assert "role" not in svc.data  # the ECS service-linked role AWS reports
    assert svc.data["placementStrategy"] == [{"field": "attribute:ecs.availability-zone", "type": "spread"}]
    assert td.execution_role is res["aws_iam_role.exec"]


def test_state_role_keeps_each_policy_once() -> None:
    res = linked(load(STATE))
    role = res["aws_iam_role.exec"]
    assert isinstance(role, Role)
    assert role.data["Arn"] == "arn:aws:iam::123456789012:role/web-exec"
    assert role.data["RoleId"] == "AROAEXAMPLEEXAMPLE0001"
    # inline_policy echoes aws_iam_role_policy.read_config; managed_policy_arns echoes the attachment.
    assert "RolePolicyList" not in role.data
    assert len(role.data["AttachedManagedPolicies"]) == 1
    assert [p.name for p in role.policies] == ["AmazonECSTaskExecutionRolePolicy", "policy aws_iam_role_policy.read_config"]


# --------------------------------------------------------------------------- engine and schema
def test_engine_reports_no_schema_or_internal_errors() -> None:
    p = load_plugins(autoload=False)
    files = [(str(PLAN), PLAN.read_bytes(), True), (str(STATE), STATE.read_bytes(), True)]
    report = run(files, p.registry, p.kinds, Options(select=("ECS001", "ECS002", "ECS009")))
    assert [(d.code, d.message) for d in report.diagnostics] == []
    assert [f.kind for f in report.files] == ["terraform-plan", "terraform-plan"]


def test_all_loaded_resources_validate(plan: dict[str, Resource]) -> None:
    from ecslint.schemastore import SCHEMA_FOR_KIND

    for r in plan.values():
        if r.kind in SCHEMA_FOR_KIND:
            assert list(validate(r.data, SCHEMA_FOR_KIND[r.kind])) == [], r.name


# --------------------------------------------------------------------------- synthetic plans
def test_known_values_keep_their_value_and_record_the_reference(tmp_path: Path) -> None:
    role_arn = "arn:aws:iam::123456789012:role/app-exec"
    plan = minimal_plan(
        [
            resource("aws_ecs_task_definition.app", "aws_ecs_task_definition", {
                "family": "app", "execution_role_arn": role_arn, "container_definitions": "[]", "cpu": 256,
            }),
            resource("aws_iam_role.exec", "aws_iam_role", {"name": "app-exec", "arn": role_arn}),
        ],
        [change("aws_ecs_task_definition.app", {}, ("no-op",)), change("aws_iam_role.exec", {}, ("no-op",))],
        [
            config("aws_ecs_task_definition.app", "aws_ecs_task_definition", {
                "family": {"constant_value": "app"},
                "execution_role_arn": refs("aws_iam_role.exec.arn", "aws_iam_role.exec"),
            }),
            config("aws_iam_role.exec", "aws_iam_role", {"name": {"constant_value": "app-exec"}}),
        ],
    )
    res = linked(write_plan(tmp_path, plan))
    td = res["aws_ecs_task_definition.app"]
    assert td.data["executionRoleArn"] == role_arn
    assert td.data["cpu"] == "256"  # a number coerced to the API's string
    ref = td.meta["refs"][("executionRoleArn",)]
    assert isinstance(ref, Reference) and (ref.target, ref.attribute) == ("aws_iam_role.exec", "arn")
    assert td.data["containerDefinitions"] == []
    assert isinstance(td, TaskDefinition) and td.execution_role is res["aws_iam_role.exec"]
    assert td.meta["actions"] == ["no-op"]


def test_invalid_container_definitions(tmp_path: Path) -> None:
    plan = minimal_plan([resource("aws_ecs_task_definition.app", "aws_ecs_task_definition", {
        "family": "app", "container_definitions": "[{\"name\": ",
    })])
    (td,) = write_plan(tmp_path, plan).resources
    value = td.data["containerDefinitions"]
    assert isinstance(value, Unknown) and value.reason == "container_definitions is not valid JSON"
    assert isinstance(td, TaskDefinition) and not td.containers_known


def test_unknown_without_configuration_stays_unknown(tmp_path: Path) -> None:
    plan = minimal_plan(
        [resource("aws_ecs_service.svc", "aws_ecs_service", {"name": "svc", "desired_count": 1})],
        [change("aws_ecs_service.svc", {"launch_type": True, "cluster": True})],
    )
    (svc,) = write_plan(tmp_path, plan).resources
    assert isinstance(svc.data["launchType"], Unknown) and not isinstance(svc.data["launchType"], Reference)
    assert isinstance(svc.data["cluster"], Unknown)
    assert isinstance(svc, Service) and svc.launch_target == (None, "launchType is not known")


def test_deleted_and_replaced_resources(tmp_path: Path) -> None:
    plan = minimal_plan(
        [resource("aws_ecs_task_definition.new", "aws_ecs_task_definition", {"family": "new", "container_definitions": "[]"})],
        [
            change("aws_ecs_task_definition.new", {}, ("delete", "create")),
            change("aws_ecs_task_definition.old", {}, ("delete",)),
        ],
    )
    (td,) = write_plan(tmp_path, plan).resources
    assert td.name == "aws_ecs_task_definition.new" and td.meta["actions"] == ["delete", "create"]


def test_reference_inside_module_prefers_the_module_resource(tmp_path: Path) -> None:
    td_values = {"family": "app", "container_definitions": "[]"}
    role_values = {"name": "x", "assume_role_policy": "{}"}
    plan = minimal_plan(
        [resource("aws_iam_role.exec", "aws_iam_role", {**role_values, "name": "root-exec"})],
        [
            change("aws_iam_role.exec", {"arn": True}),
            change("module.app.aws_iam_role.exec", {"arn": True}),
            change("module.app.aws_ecs_task_definition.td", {"execution_role_arn": True}),
            change("module.other.aws_ecs_task_definition.td", {"execution_role_arn": True}),
        ],
        [config("aws_iam_role.exec", "aws_iam_role", {"name": {"constant_value": "root-exec"}})],
    )
    plan["planned_values"]["root_module"]["child_modules"] = [
        {
            "address": "module.app",
            "resources": [
                resource("module.app.aws_ecs_task_definition.td", "aws_ecs_task_definition", td_values),
                resource("module.app.aws_iam_role.exec", "aws_iam_role", {**role_values, "name": "app-exec"}),
            ],
        },
        {
            "address": "module.other",
            "resources": [resource("module.other.aws_ecs_task_definition.td", "aws_ecs_task_definition", td_values)],
        },
    ]
    module_td = config("aws_ecs_task_definition.td", "aws_ecs_task_definition", {
        "execution_role_arn": refs("aws_iam_role.exec.arn", "aws_iam_role.exec"),
    })
    plan["configuration"]["root_module"]["module_calls"] = {
        "app": {"source": "./app", "module": {"resources": [
            module_td, config("aws_iam_role.exec", "aws_iam_role", {"name": {"constant_value": "app-exec"}}),
        ]}},
        "other": {"source": "./other", "module": {"resources": [module_td]}},
    }
    res = linked(write_plan(tmp_path, plan))
    app_td = res["module.app.aws_ecs_task_definition.td"]
    assert isinstance(app_td, TaskDefinition)
    # "aws_iam_role.exec" would find the root module's role first: the address is kept whole.
    assert app_td.data["executionRoleArn"].target == "module.app.aws_iam_role.exec"
    assert app_td.execution_role is res["module.app.aws_iam_role.exec"]
    # module.other has no such role: its reference is to nothing of the plan.
    other_td = res["module.other.aws_ecs_task_definition.td"]
    assert not isinstance(other_td.data["executionRoleArn"], Reference)
    assert isinstance(other_td.data["executionRoleArn"], Unknown)


def test_reference_to_counted_resource_uses_the_same_index(tmp_path: Path) -> None:
    plan = minimal_plan(
        [
            resource("aws_ecs_task_definition.td[0]", "aws_ecs_task_definition", {"family": "a", "container_definitions": "[]"}, 0),
            resource("aws_ecs_task_definition.td[1]", "aws_ecs_task_definition", {"family": "b", "container_definitions": "[]"}, 1),
            resource("aws_ecs_service.svc[0]", "aws_ecs_service", {"name": "a"}, 0),
            resource("aws_ecs_service.svc[1]", "aws_ecs_service", {"name": "b"}, 1),
        ],
        [change("aws_ecs_service.svc[0]", {"task_definition": True}), change("aws_ecs_service.svc[1]", {"task_definition": True})],
        [config("aws_ecs_service.svc", "aws_ecs_service", {
            "name": {"constant_value": "x"},
            "task_definition": refs("aws_ecs_task_definition.td", "count.index"),
        })],
    )
    res = linked(write_plan(tmp_path, plan))
    for i in (0, 1):
        svc = res[f"aws_ecs_service.svc[{i}]"]
        assert isinstance(svc, Service)
        assert svc.data["taskDefinition"].target == f"aws_ecs_task_definition.td[{i}]"
        assert svc.task_definition is res[f"aws_ecs_task_definition.td[{i}]"]


def test_expression_with_unknown_local_is_not_a_reference(tmp_path: Path) -> None:
    plan = minimal_plan(
        [resource("aws_ecs_task_definition.td", "aws_ecs_task_definition", {"family": "a", "container_definitions": "[]"}),
         resource("aws_iam_role.a", "aws_iam_role", {"name": "a"})],
        [change("aws_ecs_task_definition.td", {"task_role_arn": True})],
        [config("aws_ecs_task_definition.td", "aws_ecs_task_definition", {
            "task_role_arn": refs("local.use_a", "aws_iam_role.a.arn", "aws_iam_role.a"),
        })],
    )
    td = {r.name: r for r in write_plan(tmp_path, plan).resources}["aws_ecs_task_definition.td"]
    value = td.data["taskRoleArn"]
    assert isinstance(value, Unknown) and not isinstance(value, Reference)


def test_policy_attachment_with_several_roles(tmp_path: Path) -> None:
    policy = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"logs:*","Resource":"*"}]}'
    plan = minimal_plan(
        [
            resource("aws_iam_role.a", "aws_iam_role", {"name": "a", "assume_role_policy": "{}"}),
            resource("aws_iam_role.b", "aws_iam_role", {"name": "b", "assume_role_policy": "{}"}),
            resource("aws_iam_policy.logs", "aws_iam_policy", {"name": "logs", "policy": policy}),
            resource("aws_iam_policy_attachment.logs", "aws_iam_policy_attachment", {"name": "logs", "roles": ["a", "b"]}),
        ],
        [change("aws_iam_policy.logs", {"arn": True}), change("aws_iam_policy_attachment.logs", {"policy_arn": True})],
        [config("aws_iam_policy_attachment.logs", "aws_iam_policy_attachment", {
            "roles": refs("aws_iam_role.a.name", "aws_iam_role.a", "aws_iam_role.b.name", "aws_iam_role.b"),
            "policy_arn": refs("aws_iam_policy.logs.arn", "aws_iam_policy.logs"),
        })],
    )
    res = linked(write_plan(tmp_path, plan))
    for name in ("aws_iam_role.a", "aws_iam_role.b"):
        role = res[name]
        assert isinstance(role, Role)
        (attached,) = role.data["AttachedManagedPolicies"]
        assert isinstance(attached["PolicyArn"], Reference) and attached["PolicyArn"].target == "aws_iam_policy.logs"
        assert [p.name for p in role.policies] == ["policy aws_iam_policy.logs"]
        assert evaluate(role.policies, "logs:PutLogEvents").verdict is Verdict.ALLOWED


def test_unknown_policy_arn_without_reference_is_unknown(tmp_path: Path) -> None:
    plan = minimal_plan(
        [
            resource("aws_iam_role.a", "aws_iam_role", {"name": "a", "assume_role_policy": "{}"}),
            resource("aws_iam_role_policy_attachment.x", "aws_iam_role_policy_attachment", {"role": "a"}),
        ],
        [change("aws_iam_role_policy_attachment.x", {"policy_arn": True})],
    )
    role = linked(write_plan(tmp_path, plan))["aws_iam_role.a"]
    assert isinstance(role, Role)
    (attached,) = role.data["AttachedManagedPolicies"]
    assert isinstance(attached["PolicyArn"], Unknown)
    assert evaluate(role.policies, "ecr:GetAuthorizationToken").verdict is Verdict.MAYBE


def test_role_policy_json_from_a_known_data_source(tmp_path: Path) -> None:
    document = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"sqs:SendMessage","Resource":"*"}]}'
    plan = minimal_plan(
        [resource("aws_iam_role_policy.p", "aws_iam_role_policy", {"name": "p", "role": "a"})],
        [change("aws_iam_role_policy.p", {"policy": True})],
        [config("aws_iam_role_policy.p", "aws_iam_role_policy", {
            "policy": refs("data.aws_iam_policy_document.doc.json", "data.aws_iam_policy_document.doc"),
            "role": {"constant_value": "a"},
        })],
        prior_state={"values": {"root_module": {"resources": [
            resource("data.aws_iam_policy_document.doc", "aws_iam_policy_document", {"json": document}, mode="data"),
        ]}}},
    )
    (pol,) = write_plan(tmp_path, plan).resources
    assert pol.data["PolicyDocument"]["Statement"][0]["Action"] == "sqs:SendMessage"
    assert pol.data["Roles"] == ["a"]
    assert pol.source(("PolicyDocument", "Statement")) == (("prior_state", "values", "root_module", "resources", 0, "values", "json"), True)


def test_rendered_policy_document_principals_and_conditions(tmp_path: Path) -> None:
    statement = {
        "sid": "", "effect": "Allow", "actions": ["sts:AssumeRole"], "not_actions": [], "resources": [], "not_resources": [],
        "principals": [{"type": "Service", "identifiers": ["ecs-tasks.amazonaws.com"]}], "not_principals": [],
        "condition": [{"test": "StringEquals", "variable": "aws:SourceAccount", "values": [None]}],
    }
    plan = minimal_plan(
        [
            resource("aws_iam_role.r", "aws_iam_role", {"name": "r"}),
            resource("data.aws_iam_policy_document.trust", "aws_iam_policy_document", {"statement": [statement]}, mode="data"),
        ],
        [
            change("aws_iam_role.r", {"assume_role_policy": True}),
            change("data.aws_iam_policy_document.trust", {"json": True, "statement": [{"condition": [{"values": [True]}]}]},
                   ("read",)),
        ],
        [config("aws_iam_role.r", "aws_iam_role", {
            "name": {"constant_value": "r"},
            "assume_role_policy": refs("data.aws_iam_policy_document.trust.json", "data.aws_iam_policy_document.trust"),
        })],
    )
    (role,) = write_plan(tmp_path, plan).resources
    assert isinstance(role, Role)
    (st,) = role.trust_document["Statement"]
    assert st["Principal"] == {"Service": ["ecs-tasks.amazonaws.com"]}
    assert st["Action"] == ["sts:AssumeRole"] and "Sid" not in st and "Resource" not in st
    (account,) = st["Condition"]["StringEquals"]["aws:SourceAccount"]
    assert isinstance(account, Unknown)


def test_generated_role_name_is_unknown(tmp_path: Path) -> None:
    plan = minimal_plan(
        [resource("aws_iam_role.r", "aws_iam_role", {"name_prefix": "app-", "assume_role_policy": "{}"})],
        [change("aws_iam_role.r", {"name": True, "arn": True})],
        [config("aws_iam_role.r", "aws_iam_role", {"name_prefix": {"constant_value": "app-"}})],
    )
    (role,) = write_plan(tmp_path, plan).resources
    assert isinstance(role.data["RoleName"], Unknown) and "Arn" not in role.data


def test_full_service_mapping_validates(tmp_path: Path) -> None:
    values = {
        "name": "api",
        "cluster": "arn:aws:ecs:eu-west-1:123456789012:cluster/main",
        "task_definition": "api:4",
        "desired_count": 3,
        "scheduling_strategy": "REPLICA",
        "enable_ecs_managed_tags": True,
        "availability_zone_rebalancing": "ENABLED",
        "alarms": [{"alarm_names": ["api-5xx"], "enable": True, "rollback": True}],
        "deployment_configuration": [{"strategy": "BLUE_GREEN", "bake_time_in_minutes": 10, "lifecycle_hook": []}],
        "ordered_placement_strategy": [{"type": "binpack", "field": "memory"}],
        "placement_constraints": [{"type": "memberOf", "expression": "attribute:ecs.os-type == linux"}],
        "load_balancer": [{"elb_name": "classic", "container_name": "api", "container_port": 80, "target_group_arn": ""}],
        "service_registries": [{"registry_arn": "arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-1", "port": 0,
                                "container_name": "api", "container_port": 0}],
        "service_connect_configuration": [{
            "enabled": True,
            "namespace": "arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-1",
            "log_configuration": [{"log_driver": "awslogs", "options": {"awslogs-group": "/sc"},
                                   "secret_option": [{"name": "token", "value_from": "arn:aws:ssm:eu-west-1:123456789012:parameter/t"}]}],
            "service": [{
                "port_name": "http", "discovery_name": "api", "ingress_port_override": 0,
                "client_alias": [{"port": 8080, "dns_name": "api.internal"}],
                "timeout": [{"idle_timeout_seconds": 60, "per_request_timeout_seconds": 15}],
                "tls": [{"issuer_cert_authority": [{"aws_pca_authority_arn": "arn:aws:acm-pca:eu-west-1:123456789012:certificate-authority/x"}],
                         "kms_key": "", "role_arn": "arn:aws:iam::123456789012:role/sc-tls"}],
            }],
        }],
        "volume_configuration": [{"name": "data", "managed_ebs_volume": [{
            "role_arn": "arn:aws:iam::123456789012:role/ebs", "encrypted": True, "file_system_type": "xfs", "iops": 0,
            "kms_key_id": "", "size_in_gb": 20, "snapshot_id": "", "throughput": 0, "volume_type": "gp3",
            "tag_specifications": [{"resource_type": "volume", "propagate_tags": "SERVICE", "tags": {"team": "api"}}],
        }]}],
        "vpc_lattice_configurations": [{"role_arn": "arn:aws:iam::123456789012:role/lattice", "target_group_arn": "arn:tg", "port_name": "http"}],
        "iam_role": "arn:aws:iam::123456789012:role/ecs-lb",
        "wait_for_steady_state": True,
        "triggers": {"redeploy": "1"},
    }
    plan = minimal_plan([resource("aws_ecs_service.api", "aws_ecs_service", values)])
    (svc,) = write_plan(tmp_path, plan).resources
    d = svc.data
    assert d["deploymentConfiguration"] == {
        "alarms": {"alarmNames": ["api-5xx"], "enable": True, "rollback": True},
        "strategy": "BLUE_GREEN",
        "bakeTimeInMinutes": 10,
    }
    assert d["placementStrategy"] == [{"type": "binpack", "field": "memory"}]
    assert d["loadBalancers"] == [{"loadBalancerName": "classic", "containerName": "api", "containerPort": 80}]
    assert d["serviceRegistries"] == [
        {"registryArn": "arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-1", "containerName": "api"}
    ]
    sc = d["serviceConnectConfiguration"]
    assert sc["logConfiguration"] == {
        "logDriver": "awslogs", "options": {"awslogs-group": "/sc"},
        "secretOptions": [{"name": "token", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/t"}],
    }
    (service,) = sc["services"]
    assert service["clientAliases"] == [{"port": 8080, "dnsName": "api.internal"}]
    assert service["timeout"] == {"idleTimeoutSeconds": 60, "perRequestTimeoutSeconds": 15}
    assert service["tls"]["issuerCertificateAuthority"]["awsPcaAuthorityArn"].endswith("certificate-authority/x")
    assert "ingressPortOverride" not in service and "kmsKey" not in service["tls"]
    (vol,) = d["volumeConfigurations"]
    assert vol["managedEBSVolume"] == {
        "roleArn": "arn:aws:iam::123456789012:role/ebs", "encrypted": True, "filesystemType": "xfs", "sizeInGiB": 20,
        "volumeType": "gp3",
        "tagSpecifications": [{"resourceType": "volume", "propagateTags": "SERVICE", "tags": [{"key": "team", "value": "api"}]}],
    }
    assert d["vpcLatticeConfigurations"] == [{"roleArn": "arn:aws:iam::123456789012:role/lattice", "targetGroupArn": "arn:tg", "portName": "http"}]
    assert d["role"] == "arn:aws:iam::123456789012:role/ecs-lb"
    assert "triggers" not in d and "waitForSteadyState" not in d
    assert list(validate(d, "ecs/create-service.json")) == []


def test_cluster_capacity_provider_and_task_definition_mappings_validate(tmp_path: Path) -> None:
    cluster = {
        "name": "main",
        "configuration": [{
            "execute_command_configuration": [{"kms_key_id": "alias/exec", "logging": "OVERRIDE", "log_configuration": [{
                "cloud_watch_encryption_enabled": True, "cloud_watch_log_group_name": "/exec", "s3_bucket_name": "logs",
                "s3_bucket_encryption_enabled": True, "s3_key_prefix": "exec/",
            }]}],
            "managed_storage_configuration": [{"fargate_ephemeral_storage_kms_key_id": "alias/eph", "kms_key_id": ""}],
        }],
        "service_connect_defaults": [{"namespace": "arn:aws:servicediscovery:eu-west-1:123456789012:namespace/ns-1"}],
        "setting": [{"name": "containerInsights", "value": "enhanced"}],
        "tags": {"env": "prod"},
    }
    provider = {
        "name": "ec2",
        "auto_scaling_group_provider": [{
            "auto_scaling_group_arn": "arn:aws:autoscaling:eu-west-1:123456789012:autoScalingGroup:x:autoScalingGroupName/asg",
            "managed_termination_protection": "ENABLED", "managed_draining": "ENABLED",
            "managed_scaling": [{"instance_warmup_period": 300, "maximum_scaling_step_size": 10, "minimum_scaling_step_size": 1,
                                 "status": "ENABLED", "target_capacity": 90}],
        }],
    }
    task = {
        "family": "win", "container_definitions": "[]", "cpu": "1024", "memory": "2048", "network_mode": "awsvpc",
        "pid_mode": "task", "ipc_mode": "none", "enable_fault_injection": True,
        "placement_constraints": [{"type": "memberOf", "expression": "attribute:ecs.instance-type =~ t3.*"}],
        "proxy_configuration": [{"type": "APPMESH", "container_name": "envoy", "properties": {"AppPorts": "8080", "ProxyIngressPort": "15000"}}],
        "inference_accelerator": [{"device_name": "device_1", "device_type": "eia2.medium"}],
        "volume": [
            {"name": "docker", "host_path": "", "docker_volume_configuration": [{"scope": "shared", "autoprovision": True,
             "driver": "local", "driver_opts": {"type": "nfs"}, "labels": {}}]},
            {"name": "fsx", "fsx_windows_file_server_volume_configuration": [{"file_system_id": "fs-1", "root_directory": "\\data",
             "authorization_config": [{"credentials_parameter": "arn:aws:ssm:eu-west-1:123456789012:parameter/c", "domain": "corp"}]}]},
            {"name": "later", "configure_at_launch": True},
        ],
    }
    plan = minimal_plan([
        resource("aws_ecs_cluster.main", "aws_ecs_cluster", cluster),
        resource("aws_ecs_capacity_provider.ec2", "aws_ecs_capacity_provider", provider),
        resource("aws_ecs_task_definition.win", "aws_ecs_task_definition", task),
    ])
    res = {r.name: r for r in write_plan(tmp_path, plan).resources}
    c = res["aws_ecs_cluster.main"].data
    assert c["configuration"]["executeCommandConfiguration"]["logConfiguration"]["s3EncryptionEnabled"] is True
    assert c["configuration"]["managedStorageConfiguration"] == {"fargateEphemeralStorageKmsKeyId": "alias/eph"}
    assert c["serviceConnectDefaults"]["namespace"].endswith("ns-1")
    assert c["tags"] == [{"key": "env", "value": "prod"}]
    cp = res["aws_ecs_capacity_provider.ec2"].data
    assert cp["autoScalingGroupProvider"]["managedScaling"]["targetCapacity"] == 90
    t = res["aws_ecs_task_definition.win"].data
    assert t["proxyConfiguration"]["properties"] == [
        {"name": "AppPorts", "value": "8080"}, {"name": "ProxyIngressPort", "value": "15000"},
    ]
    assert t["volumes"][0]["dockerVolumeConfiguration"] == {"scope": "shared", "autoprovision": True, "driver": "local",
                                                           "driverOpts": {"type": "nfs"}}
    assert t["volumes"][1]["fsxWindowsFileServerVolumeConfiguration"]["authorizationConfig"]["domain"] == "corp"
    assert t["inferenceAccelerators"] == [{"deviceName": "device_1", "deviceType": "eia2.medium"}]
    for name, schema in (("aws_ecs_cluster.main", "ecs/create-cluster.json"),
                         ("aws_ecs_capacity_provider.ec2", "ecs/create-capacity-provider.json"),
                         ("aws_ecs_task_definition.win", "ecs/register-task-definition.json")):
        assert list(validate(res[name].data, schema)) == [], name


def test_unknown_list_elements_and_map_values(tmp_path: Path) -> None:
    plan = minimal_plan(
        [
            resource("aws_ecs_service.svc", "aws_ecs_service", {
                "name": "svc", "tags": {"static": "yes"},
                "network_configuration": [{"subnets": ["subnet-1", None], "assign_public_ip": False}],
            }),
            resource("aws_subnet.b", "aws_subnet", {}),
        ],
        [change("aws_ecs_service.svc", {
            "tags": {"owner": True},
            "network_configuration": [{"subnets": [False, True]}],
        })],
    )
    (svc,) = write_plan(tmp_path, plan).resources
    subnets = svc.data["networkConfiguration"]["awsvpcConfiguration"]["subnets"]
    assert subnets[0] == "subnet-1" and isinstance(subnets[1], Unknown)
    assert svc.source(("networkConfiguration", "awsvpcConfiguration", "subnets", 1))[0] == (
        "resource_changes", 0, "change", "after_unknown", "network_configuration", 0, "subnets", 1,
    )
    tags = {t["key"]: t["value"] for t in svc.data["tags"]}
    assert tags["static"] == "yes" and isinstance(tags["owner"], Unknown)
