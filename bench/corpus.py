"""Generate the benchmark corpus: N stacks, each as a CloudFormation template (JSON and YAML), raw
task definition + service JSON, and a Terraform plan.  Each stack has a Fargate task definition, a
service with a capacity provider strategy and two IAM roles (execution and task)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml


def container(i: int, n: int) -> dict[str, Any]:
    return {
        "Name": f"app{n}",
        "Image": f"123456789012.dkr.ecr.eu-west-1.amazonaws.com/app{i}:{n}.0",
        "Essential": n == 0,
        "Cpu": 256,
        "Memory": 512,
        "PortMappings": [{"ContainerPort": 8080 + n, "Protocol": "tcp", "Name": f"http{n}"}],
        "Environment": [{"Name": "STAGE", "Value": "prod"}, {"Name": "INDEX", "Value": str(i)}],
        "Secrets": [{"Name": "DB_PASSWORD", "ValueFrom": f"arn:aws:secretsmanager:eu-west-1:123456789012:secret:db{i}-AbCdEf"}],
        "LogConfiguration": {
            "LogDriver": "awslogs",
            "Options": {"awslogs-group": f"/ecs/app{i}", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "app"},
        },
        "HealthCheck": {"Command": ["CMD-SHELL", "curl -f http://localhost:8080/ || exit 1"], "Interval": 30, "Timeout": 5, "Retries": 3},
    }


def template(i: int) -> dict[str, Any]:
    trust = {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole"}]}
    return {
        "AWSTemplateFormatVersion": "2010-09-09",
        "Description": f"Benchmark stack {i}",
        "Parameters": {"Subnets": {"Type": "List<AWS::EC2::Subnet::Id>"}},
        "Resources": {
            "ExecutionRole": {
                "Type": "AWS::IAM::Role",
                "Properties": {
                    "AssumeRolePolicyDocument": trust,
                    "ManagedPolicyArns": ["arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy"],
                    "Policies": [{"PolicyName": "secrets", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                        {"Effect": "Allow", "Action": "secretsmanager:GetSecretValue", "Resource": f"arn:aws:secretsmanager:eu-west-1:123456789012:secret:db{i}-*"}]}}],
                },
            },
            "TaskRole": {
                "Type": "AWS::IAM::Role",
                "Properties": {
                    "AssumeRolePolicyDocument": trust,
                    "Policies": [{"PolicyName": "exec", "PolicyDocument": {"Version": "2012-10-17", "Statement": [
                        {"Effect": "Allow", "Action": ["ssmmessages:CreateControlChannel", "ssmmessages:CreateDataChannel",
                                                        "ssmmessages:OpenControlChannel", "ssmmessages:OpenDataChannel"], "Resource": "*"}]}}],
                },
            },
            "TaskDefinition": {
                "Type": "AWS::ECS::TaskDefinition",
                "Properties": {
                    "Family": f"app{i}",
                    "RequiresCompatibilities": ["FARGATE"],
                    "NetworkMode": "awsvpc",
                    "Cpu": "1024",
                    "Memory": "2048",
                    "ExecutionRoleArn": {"Fn::GetAtt": ["ExecutionRole", "Arn"]},
                    "TaskRoleArn": {"Fn::GetAtt": ["TaskRole", "Arn"]},
                    "ContainerDefinitions": [container(i, 0), container(i, 1)],
                },
            },
            "Service": {
                "Type": "AWS::ECS::Service",
                "Properties": {
                    "Cluster": "prod",
                    "TaskDefinition": {"Ref": "TaskDefinition"},
                    "DesiredCount": 2,
                    "EnableExecuteCommand": True,
                    "CapacityProviderStrategy": [
                        {"CapacityProvider": "FARGATE", "Base": 1, "Weight": 1},
                        {"CapacityProvider": "FARGATE_SPOT", "Weight": 3},
                    ],
                    "NetworkConfiguration": {"AwsvpcConfiguration": {"Subnets": {"Ref": "Subnets"}, "AssignPublicIp": "DISABLED"}},
                    "DeploymentConfiguration": {"MaximumPercent": 200, "MinimumHealthyPercent": 100},
                },
            },
        },
    }


def camel(v: Any) -> Any:
    if isinstance(v, dict):
        return {(k[:1].lower() + k[1:] if k[:1].isupper() else k): camel(x) for k, x in v.items()}
    if isinstance(v, list):
        return [camel(x) for x in v]
    return v


def raw(i: int) -> tuple[dict[str, Any], dict[str, Any]]:
    t = template(i)["Resources"]
    td = camel(t["TaskDefinition"]["Properties"])
    td["executionRoleArn"] = f"arn:aws:iam::123456789012:role/app{i}-exec"
    td["taskRoleArn"] = f"arn:aws:iam::123456789012:role/app{i}-task"
    for c in td["containerDefinitions"]:
        c["logConfiguration"]["options"] = t["TaskDefinition"]["Properties"]["ContainerDefinitions"][0]["LogConfiguration"]["Options"]
    svc = camel(t["Service"]["Properties"])
    svc.update(serviceName=f"app{i}", taskDefinition=f"app{i}")
    svc["networkConfiguration"]["awsvpcConfiguration"]["subnets"] = ["subnet-0a1b2c3d"]
    return td, svc


def plan(i: int) -> dict[str, Any]:
    td, svc = raw(i)
    containers = td.pop("containerDefinitions")
    values = {
        "family": td["family"], "cpu": td["cpu"], "memory": td["memory"], "network_mode": "awsvpc",
        "requires_compatibilities": ["FARGATE"], "execution_role_arn": td["executionRoleArn"], "task_role_arn": td["taskRoleArn"],
        "container_definitions": json.dumps(containers),
    }  # fmt: skip
    svc_values = {
        "name": svc["serviceName"], "cluster": "prod", "task_definition": f"app{i}", "desired_count": 2,
        "enable_execute_command": True,
        "capacity_provider_strategy": [{"capacity_provider": "FARGATE", "base": 1, "weight": 1}, {"capacity_provider": "FARGATE_SPOT", "base": 0, "weight": 3}],
        "network_configuration": [{"subnets": ["subnet-0a1b2c3d"], "security_groups": [], "assign_public_ip": False}],
    }  # fmt: skip
    res = [
        {"address": "aws_ecs_task_definition.app", "mode": "managed", "type": "aws_ecs_task_definition", "name": "app", "values": values},
        {"address": "aws_ecs_service.app", "mode": "managed", "type": "aws_ecs_service", "name": "app", "values": svc_values},
    ]
    return {
        "format_version": "1.2",
        "terraform_version": "1.9.0",
        "planned_values": {"root_module": {"resources": res}},
        "resource_changes": [{"address": r["address"], "mode": "managed", "type": r["type"], "name": r["name"],
                              "change": {"actions": ["create"], "after": r["values"], "after_unknown": {}}} for r in res],
    }  # fmt: skip


def generate(out: Path, n: int) -> dict[str, list[Path]]:
    sets: dict[str, list[Path]] = {k: [] for k in ("cfn-json", "cfn-yaml", "raw-json", "tfplan")}
    for k in sets:
        (out / k).mkdir(parents=True, exist_ok=True)
    for i in range(n):
        t = template(i)
        p = out / "cfn-json" / f"stack{i:04}.json"
        p.write_text(json.dumps(t, indent=2))
        sets["cfn-json"].append(p)
        y = yaml.safe_dump(t, sort_keys=False).replace("Fn::GetAtt:\n", "Fn::GetAtt:\n")
        p = out / "cfn-yaml" / f"stack{i:04}.yaml"
        p.write_text(y)
        sets["cfn-yaml"].append(p)
        td, svc = raw(i)
        p = out / "raw-json" / f"app{i:04}-taskdef.json"
        p.write_text(json.dumps(td, indent=2))
        sets["raw-json"].append(p)
        p = out / "raw-json" / f"app{i:04}-service.json"
        p.write_text(json.dumps(svc, indent=2))
        sets["raw-json"].append(p)
        p = out / "tfplan" / f"app{i:04}.tfplan.json"
        p.write_text(json.dumps(plan(i), indent=2))
        sets["tfplan"].append(p)
    return sets
