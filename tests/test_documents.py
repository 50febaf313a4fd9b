"""Input kinds other than Terraform (tests/test_terraform_plan.py): detection from content, the
canonical model each produces, cross-file linking, and the way back to source positions."""
from __future__ import annotations

import json
from typing import Any

import pytest

from ecslint.engine import load_document
from ecslint.options import Options
from ecslint.project import Project, Role, Service, TaskDefinition
from ecslint.values import Partial, Reference, Unknown
from helpers import lint_docs, plugins


def load(name: str, text: str | dict[str, Any], **opts: Any):  # type: ignore[no-untyped-def]
    data = text if isinstance(text, str) else json.dumps(text, indent=2)
    return load_document(name, data.encode(), plugins().kinds, Options(**opts))


def project(*docs: tuple[str, Any]) -> Project:
    resources = []
    for name, text in docs:
        ld = load(name, text)
        assert ld.document is not None and not ld.problems, ld.problems
        resources += ld.document.resources
    return Project(resources)


CDK_TEMPLATE = {
    "Resources": {
        "TaskDefTaskRole1EDB4A67": {
            "Type": "AWS::IAM::Role",
            "Properties": {"AssumeRolePolicyDocument": {"Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow",
                           "Principal": {"Service": "ecs-tasks.amazonaws.com"}}], "Version": "2012-10-17"}},
            "Metadata": {"aws:cdk:path": "App/TaskDef/TaskRole/Resource"},
        },
        "TaskDef54694570": {
            "Type": "AWS::ECS::TaskDefinition",
            "Properties": {
                "ContainerDefinitions": [{
                    "Essential": True,
                    "Image": {"Fn::Join": ["", [{"Ref": "AWS::AccountId"}, ".dkr.ecr.", {"Ref": "AWS::Region"}, ".",
                                               {"Ref": "AWS::URLSuffix"}, "/app:1"]]},
                    "Name": "web",
                    "PortMappings": [{"ContainerPort": 80, "Protocol": "tcp"}],
                }],
                "Cpu": "256", "Memory": "512", "NetworkMode": "awsvpc", "RequiresCompatibilities": ["FARGATE"],
                "TaskRoleArn": {"Fn::GetAtt": ["TaskDefTaskRole1EDB4A67", "Arn"]},
            },
        },
    }
}  # fmt: skip


def test_cdk_template_normalizes_to_the_api_shape() -> None:
    ld = load("cdk.out/App.template.json", CDK_TEMPLATE)
    assert ld.result.kind == "cloudformation"
    td = next(r for r in ld.document.resources if r.kind == "task-definition")
    assert isinstance(td, TaskDefinition)
    c = td.data["containerDefinitions"][0]
    assert c["essential"] is True and c["portMappings"][0] == {"containerPort": 80, "protocol": "tcp"}
    image = c["image"]
    assert isinstance(image, Partial) and image == "${AWS::AccountId}.dkr.ecr.${AWS::Region}.${AWS::URLSuffix}/app:1"
    assert isinstance(td.data["taskRoleArn"], Reference) and td.data["taskRoleArn"].target == "TaskDefTaskRole1EDB4A67"
    Project(ld.document.resources)
    assert isinstance(td.task_role, Role) and td.task_role.name == "TaskDefTaskRole1EDB4A67"
    span = td.span(("containerDefinitions", 0, "name"))
    assert ld.document.text.splitlines()[span.line - 1].strip() == '"Name": "web",'
    assert not span.approximate


SAM_TEMPLATE = """\
Transform: AWS::Serverless-2016-10-31
Globals:
  Function: {Timeout: 10}
Parameters:
  Image: {Type: String}
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: {Handler: app.handler, Runtime: python3.12, CodeUri: src/}
  Worker:
    Type: AWS::ECS::TaskDefinition
    Properties:
      Family: !Sub "${AWS::StackName}-worker"
      ContainerDefinitions:
        - Name: worker
          Image: !Ref Image
          Memory: 256
          Essential: "true"
"""


def test_sam_template_keeps_its_ecs_resources_and_unknowns() -> None:
    ld = load("template.yaml", SAM_TEMPLATE)
    assert ld.result.kind == "cloudformation"
    (td,) = [r for r in ld.document.resources if r.kind == "task-definition"]
    c = td.data["containerDefinitions"][0]
    assert isinstance(c["image"], Unknown) and c["essential"] is True and c["memory"] == 256
    assert isinstance(td.data["family"], Partial)
    assert td.span(("containerDefinitions", 0, "memory")) .line == 17


def test_describe_task_definition_and_services_link_by_arn() -> None:
    td = {"taskDefinition": {"taskDefinitionArn": "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7",
                             "family": "web", "revision": 7, "status": "ACTIVE", "compatibilities": ["EC2", "FARGATE"],
                             "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": 128}]},
          "tags": [{"key": "team", "value": "shop"}]}  # fmt: skip
    svcs = {"services": [{"serviceName": "web", "clusterArn": "arn:aws:ecs:eu-west-1:123456789012:cluster/prod",
                          "taskDefinition": "arn:aws:ecs:eu-west-1:123456789012:task-definition/web:7",
                          "launchType": "FARGATE", "runningCount": 2, "desiredCount": 2, "events": []}]}  # fmt: skip
    p = project(("td.json", td), ("svcs.json", svcs))
    svc = next(r for r in p.resources if isinstance(r, Service))
    assert "events" not in svc.data and svc.data["cluster"].endswith("cluster/prod")
    assert svc.task_definition is not None and svc.task_definition.family == "web"
    assert svc.task_definition.is_fargate and "service web sets launchType FARGATE" in svc.task_definition.fargate_reason
    assert "compatibilities" not in svc.task_definition.data


def test_run_task_and_iam_authorization_details() -> None:
    run_task = {"cluster": "prod", "taskDefinition": "batch:3", "count": 2, "launchType": "EC2"}
    td = {"family": "batch", "executionRoleArn": "arn:aws:iam::123456789012:role/service/batch-exec",
          "containerDefinitions": [{"name": "b", "image": "busybox:1", "memory": 64}]}  # fmt: skip
    policy = json.dumps({"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "logs:*", "Resource": "*"}]})
    iam = {"RoleDetailList": [{"RoleName": "batch-exec", "Path": "/service/", "Arn": "arn:aws:iam::123456789012:role/service/batch-exec",
                               "AssumeRolePolicyDocument": {"Version": "2012-10-17", "Statement": []},
                               "RolePolicyList": [{"PolicyName": "inline", "PolicyDocument": policy}],
                               "AttachedManagedPolicies": [{"PolicyArn": "arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"}]}],
           "Policies": []}  # fmt: skip
    p = project(("run.json", run_task), ("td.json", td), ("iam.json", iam))
    rt = next(r for r in p.resources if r.kind == "run-task")
    assert isinstance(rt, Service) and rt.task_definition is not None
    role = rt.task_definition.execution_role
    assert isinstance(role, Role) and role.role_name == "batch-exec"
    names = [pol.name for pol in role.policies]
    assert names == ["inline policy inline", "AmazonECSTaskExecutionRolePolicy"]
    assert role.policies[0].document["Statement"][0]["Action"] == "logs:*"


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ({"family": "a", "containerDefinitions": []}, "task-definition"),
        ({"serviceName": "a", "taskDefinition": "a:1"}, "service"),
        ({"desiredCount": 1, "deploymentConfiguration": {}, "launchType": "FARGATE"}, "service"),
        ({"taskDefinition": "a:1", "count": 1}, "run-task"),
        ({"clusterName": "prod", "settings": []}, "cluster"),
        ({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {}}, "cloudformation"),
        ({"format_version": "1.2", "planned_values": {}}, "terraform-plan"),
        ({"RoleDetailList": []}, "iam"),
        ({"name": "package", "version": "1.0.0"}, None),
        ({"compilerOptions": {}}, None),
        ([1, 2, 3], None),
        ("just a string", None),
    ],
)
def test_kind_is_detected_from_content(data: Any, kind: str | None) -> None:
    ld = load("whatever.json", json.dumps(data))
    assert ld.result.kind == kind
    assert (ld.result.skipped is None) == (kind is not None)


def test_forced_kind_mismatch_is_a_finding() -> None:
    report = lint_docs({"x.json": {"name": "package"}}, kind="cloudformation")
    assert [d.code for d in report.diagnostics] == ["ECS004"]


def test_cloudformation_json_positions_and_novalue() -> None:
    tpl = {"Conditions": {"C": {"Fn::Equals": ["a", "b"]}}, "Resources": {"T": {"Type": "AWS::ECS::TaskDefinition", "Properties": {
        "TaskRoleArn": {"Ref": "AWS::NoValue"},
        "ContainerDefinitions": [{"Name": "w", "Image": "busybox:1", "Memory": {"Fn::If": ["C", 128, 256]}}]}}}}  # fmt: skip
    ld = load("t.json", tpl)
    (td,) = ld.document.resources
    assert "taskRoleArn" not in td.data
    assert isinstance(td.data["containerDefinitions"][0]["memory"], Unknown)
    span = td.span(("containerDefinitions", 0, "image"))
    text = ld.document.text.splitlines()[span.line - 1]
    assert text[span.col - 1 : span.end_col - 1] == '"busybox:1"'
