"""
## What it does
Preview rule (run it with `--preview` or select it). Flags essential containers of a Fargate task that have no `logConfiguration`.

## Why is this bad?
On Fargate there is no instance to read `docker logs` from: without a log driver the container's
stdout and stderr are discarded, and a task that fails to start leaves no trace of why.

## Example
```json
{"family": "api", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",
 "containerDefinitions": [{"name": "api", "image": "example/api:1"}]}
```

## Use instead
```json
{"family": "api", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "256", "memory": "512",
 "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
 "containerDefinitions": [{"name": "api", "image": "example/api:1", "logConfiguration": {"logDriver": "awslogs",
   "options": {"awslogs-group": "/ecs/api", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "api"}}}]}
```

## References
- [Using the awslogs log driver](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html)
- [Fargate task definition parameters: logging](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import essential, where


@rule(
    code="ECS187",
    name="no-log-configuration",
    summary="Essential Fargate container has no log configuration",
    severity="warning",
    applies_to=("task-definition",),
    tags=("logging", "fargate"),
    covers=("LOG-005",),
    status="preview",
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_fargate:
        return
    for i, c in td.containers:
        if essential(c) is True and c.get("logConfiguration") is None:
            yield Finding(("containerDefinitions", i), f"essential container {td.container_label(i)} has no logConfiguration, so its output is lost on Fargate; log it with awslogs or awsfirelens{where(td.fargate_reason)}", target="key")
