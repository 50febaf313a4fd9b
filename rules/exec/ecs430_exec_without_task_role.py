"""
## What it does
Checks that a service or run-task input that sets `enableExecuteCommand: true` gives its tasks a
task role: the task definition's `taskRoleArn`, or (run-task) `overrides.taskRoleArn`. The rule
runs when the task definition is part of the same run.

## Why is this bad?
The SSM agent inside the task opens the ECS Exec channels with the task role's credentials.
RunTask rejects the request ("the task definition must have a task role, or you must provide one
as an override"). A service is accepted, but on Fargate `execute-command` then fails, and on EC2
the agent falls back to the instance role, which should not carry these permissions.

## Example
```json
{"serviceName": "api", "taskDefinition": "api", "enableExecuteCommand": true}
```
with a task definition `api` that has no `taskRoleArn`.

## Use instead
```json
{"family": "api", "taskRoleArn": "arn:aws:iam::111122223333:role/api-task",
 "containerDefinitions": [{"name": "api", "image": "example/api"}]}
```

## References
- [Using ECS Exec: IAM permissions](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html)
- [RunTask: enableExecuteCommand](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html)
- [amazon-ecs-exec-checker](https://github.com/aws-containers/amazon-ecs-exec-checker)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related, Severity
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.exec._util import exec_enabled, label, task_role_value


@rule(
    code="ECS430",
    name="exec-without-task-role",
    summary="ECS Exec is enabled but the task has no task role",
    severity="error",
    applies_to=("service", "run-task"),
    tags=("exec", "iam"),
    covers=("EX-001", "RT-012"),
)
def check(svc: Service) -> Iterator[Finding]:
    td = svc.task_definition
    if not exec_enabled(svc) or td is None:
        return
    value, _ = task_role_value(svc)
    if value is not None:
        return
    what = "RunTask rejects it" if svc.kind == "run-task" else "execute-command fails (or uses the EC2 instance role)"
    fix = "set taskRoleArn on the task definition or overrides.taskRoleArn" if svc.kind == "run-task" else "set taskRoleArn on the task definition"
    yield Finding(
        ("enableExecuteCommand",),
        f"{label(svc)} enables ECS Exec, but task definition {td.name} has no task role, so {what}; "
        f"{fix} to a role with the ssmmessages permissions",
        related=(Related(td, (), f"task definition {td.name}", target="key"),),
        severity=None if svc.kind == "run-task" else Severity.WARNING,
    )
