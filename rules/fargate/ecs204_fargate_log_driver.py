"""
## What it does
Checks the `logConfiguration.logDriver` of every container of a task definition that runs on
Fargate (`requiresCompatibilities` lists `FARGATE`, or a service or run-task of the same run places
it there). Fargate supports only `awslogs`, `splunk` and `awsfirelens`.

## Why is this bad?
Drivers such as `json-file`, `syslog`, `journald`, `gelf` or `fluentd` write to or talk through
the Docker host, which Fargate does not expose. The task definition is rejected for Fargate. To
ship logs elsewhere, route them through FireLens (`awsfirelens`) with a Fluent Bit sidecar.

## Example
```json
{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
 "cpu": "256", "memory": "512",
 "containerDefinitions": [{"name": "web", "image": "nginx",
   "logConfiguration": {"logDriver": "json-file"}}]}
```

## Use instead
```json
{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
 "cpu": "256", "memory": "512", "executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",
 "containerDefinitions": [{"name": "web", "image": "nginx",
   "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web",
     "awslogs-region": "us-east-1", "awslogs-stream-prefix": "web"}}}]}
```

## References
- [LogConfiguration: logDriver](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html)
- [Fargate task definition parameters: logging](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import where
from ecslint.values import as_str

FARGATE_DRIVERS = ("awslogs", "splunk", "awsfirelens")


@rule(
    code="ECS204",
    name="fargate-log-driver",
    summary="Container on Fargate uses a log driver other than awslogs, splunk or awsfirelens",
    severity="error",
    applies_to=("task-definition",),
    tags=("fargate", "logging"),
    covers=("FG-029", "LOG-003"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_fargate:
        return
    why = where(td.fargate_reason)
    for i, c in td.containers:
        lc = c.get("logConfiguration")
        driver = as_str(lc.get("logDriver")) if isinstance(lc, dict) else None
        if driver is not None and driver not in FARGATE_DRIVERS:
            yield Finding(
                ("containerDefinitions", i, "logConfiguration", "logDriver"),
                f"container {td.container_label(i)} uses log driver {driver!r}, which Fargate does not support; "
                f"use 'awslogs', 'splunk', or 'awsfirelens'{why}",
            )
