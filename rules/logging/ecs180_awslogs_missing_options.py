"""
## What it does
Checks containers that log with the `awslogs` driver: `options` must name the log group
(`awslogs-group`) and the Region (`awslogs-region`), and on Fargate also a stream prefix
(`awslogs-stream-prefix`).

## Why is this bad?
Without a group the driver has nowhere to write and the container does not start. On Fargate,
RegisterTaskDefinition rejects a missing prefix: `Fargate requires log configuration options to
include awslogs-stream-prefix to support log driver awslogs.` The API reference lists
`awslogs-region` as required; on EC2 Docker falls back to the instance's Region (so it is a
warning there), on Fargate there is no such fallback.

## Example
```json
{"name": "web", "image": "nginx:1.27", "logConfiguration": {"logDriver": "awslogs",
  "options": {"awslogs-group": "/ecs/web"}}}
```

## Use instead
```json
{"name": "web", "image": "nginx:1.27", "logConfiguration": {"logDriver": "awslogs",
  "options": {"awslogs-group": "/ecs/web", "awslogs-region": "eu-west-1", "awslogs-stream-prefix": "web"}}}
```

## References
- [Using the awslogs log driver](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html)
- [LogConfiguration: options](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html)
- Fargate stream prefix enforcement: [aws/aws-cdk#1422](https://github.com/aws/aws-cdk/issues/1422) (docs/research/verified-facts.md, 3)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import where
from ecslint.rules.logging._util import log_configs, options_known


@rule(
    code="ECS180",
    name="awslogs-missing-options",
    summary="awslogs needs awslogs-group, awslogs-region and on Fargate a stream prefix",
    severity="error",
    applies_to=("task-definition",),
    tags=("logging",),
    covers=("LOG-010", "LOG-013"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    fargate = td.is_fargate
    for i, lc, opts in log_configs(td, "awslogs"):
        if not options_known(lc):
            continue
        label = td.container_label(i)
        ptr = ("containerDefinitions", i, "logConfiguration") + (("options",) if "options" in lc else ())
        if "awslogs-group" not in opts:
            yield Finding(ptr, f"container {label}: the awslogs driver needs options.awslogs-group (the CloudWatch log group to write to)", target="key")
        if "awslogs-region" not in opts:
            if fargate:
                yield Finding(ptr, f"container {label}: the awslogs driver needs options.awslogs-region (e.g. the task's Region){where(td.fargate_reason)}", target="key")
            else:
                yield Finding(ptr, f"container {label}: options.awslogs-region is required by the API reference; set it (on EC2 Docker falls back to the instance's Region)", target="key", severity=Severity.WARNING)
        if fargate and "awslogs-stream-prefix" not in opts:
            yield Finding(ptr, f"container {label}: Fargate requires log configuration options to include awslogs-stream-prefix to support log driver awslogs; add e.g. \"awslogs-stream-prefix\": \"ecs\"{where(td.fargate_reason)}", target="key")
