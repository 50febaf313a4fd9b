"""
## What it does
Flags a task definition whose `executionRoleArn` and `taskRoleArn` name the same role (the same
ARN, the same CloudFormation resource or Terraform address, or the same role of the run).

## Why is this bad?
The two roles serve different principals: the execution role is used by the ECS agent or Fargate
to pull images, write logs and read secrets before the task starts; the task role is handed to the
application. One role for both gives the application everything the agent may do (read every
secret of the task, pull any image), and gives the agent whatever the application needs. Keep two
roles, each with only its own permissions.

## Example
```json
{"family": "api",
 "executionRoleArn": "arn:aws:iam::123456789012:role/api",
 "taskRoleArn": "arn:aws:iam::123456789012:role/api",
 "containerDefinitions": [{"name": "api", "image": "example/api", "memory": 256}]}
```

## Use instead
```json
{"family": "api",
 "executionRoleArn": "arn:aws:iam::123456789012:role/api-exec",
 "taskRoleArn": "arn:aws:iam::123456789012:role/api-task",
 "containerDefinitions": [{"name": "api", "image": "example/api", "memory": 256}]}
```

## References
- [Amazon ECS task execution IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html)
- [Amazon ECS task IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html)
- [Security best practices: IAM roles for tasks](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-iam-roles.html)
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecslint.model import Finding, Related
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import Reference, as_str


def _key(value: Any) -> str | None:
    if isinstance(value, Reference):
        return f"ref:{value.target}"
    s = as_str(value)
    return f"arn:{s}" if s else None


@rule(
    code="ECS503",
    name="same-execution-and-task-role",
    summary="The same role is both the execution role and the task role",
    severity="warning",
    applies_to=("task-definition",),
    tags=("iam", "security"),
    security_severity=4.0,
    covers=(),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    exec_arn, task_arn = td.data.get("executionRoleArn"), td.data.get("taskRoleArn")
    if exec_arn is None or task_arn is None:
        return
    k1, k2 = _key(exec_arn), _key(task_arn)
    same_role = td.execution_role is not None and td.execution_role is td.task_role
    if not (same_role or (k1 is not None and k1 == k2)):
        return
    role = td.execution_role
    name = (role.role_name or role.name) if role is not None else (as_str(exec_arn) or getattr(exec_arn, "target", "?"))
    related = (Related(td, ("executionRoleArn",), "executionRoleArn"),)
    if role is not None:
        related += (Related(role, (), f"role {name}"),)
    yield Finding(("taskRoleArn",), f"role {name} is both the execution role and the task role: the application gets the "
                  "agent's permissions (secrets, image pulls, logs); use a separate task role with only what the application needs",
                  related=related)
