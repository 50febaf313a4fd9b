"""
## What it does
Flags a FireLens log router container (one with `firelensConfiguration`) that sets
`essential: false`.

## Why is this bad?
If a non-essential router crashes, the task keeps running and every container that logs through
`awsfirelens` silently loses its logs. AWS recommends marking the router essential so that the task
is replaced instead.

## Example
```json
{"name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
 "essential": false, "firelensConfiguration": {"type": "fluentbit"}}
```

## Use instead
```json
{"name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
 "essential": true, "firelensConfiguration": {"type": "fluentbit"}}
```

## References
- [Example task definition for FireLens](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/firelens-taskdef.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import essential
from ecslint.rules.logging._util import routers


@rule(
    code="ECS184",
    name="firelens-router-not-essential",
    summary="FireLens log router container is not essential",
    severity="warning",
    applies_to=("task-definition",),
    tags=("logging", "firelens"),
    covers=("LOG-028",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in routers(td):
        if essential(c) is False:
            yield Finding(("containerDefinitions", i, "essential"), f"log router {td.container_label(i)} is not essential: if it stops, the task keeps running and the logs sent through awsfirelens are lost; set essential: true")
