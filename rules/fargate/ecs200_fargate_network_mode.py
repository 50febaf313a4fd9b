"""
## What it does
Checks that a task definition that runs on Fargate uses `networkMode: awsvpc`. It runs on Fargate
when `requiresCompatibilities` lists `FARGATE`, or when a service or run-task input of the same run
places it there (a `FARGATE` launch type or a `FARGATE`/`FARGATE_SPOT` capacity provider). An
omitted `networkMode` counts as `bridge` and is reported too.

## Why is this bad?
Fargate gives every task its own elastic network interface and supports no other mode.
Registration fails with `Fargate only supports network mode ‘awsvpc’.`; a task definition that does
not list `FARGATE` registers, and the service or run-task then fails with
`Task definition does not support launch_type FARGATE.` The `bridge` and `host` modes are EC2-only.

This is also the check cfn-lint (E3054) makes for a `FARGATE` service whose task definition does not
list `FARGATE` (catalog FG-072). A task definition without `FARGATE` in `requiresCompatibilities` that
does satisfy the Fargate rules runs on Fargate (ECS computes its `compatibilities`), so the other
reasons for `Task definition does not support launch_type FARGATE.` are reported by the rule for each
(ECS201 task size, ECS202 parameters, ECS203 volumes, ECS204 log drivers, ECS243 Windows), each naming
the service that places the task on Fargate.

## Example
```json
{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "bridge",
 "cpu": "256", "memory": "512",
 "containerDefinitions": [{"name": "web", "image": "nginx"}]}
```

## Use instead
```json
{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
 "cpu": "256", "memory": "512",
 "containerDefinitions": [{"name": "web", "image": "nginx"}]}
```

## References
- [Fargate task definition parameters: network mode](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html)
- [RegisterTaskDefinition: networkMode](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-networkMode)
- API text confirmed in public logs, see docs/research/verified-facts.md section 1.1
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import where
from ecslint.values import as_str

API = "Fargate only supports network mode ‘awsvpc’."


@rule(
    code="ECS200",
    name="fargate-network-mode",
    summary="Task definition on Fargate does not use the awsvpc network mode",
    severity="error",
    applies_to=("task-definition",),
    tags=("fargate", "networking"),
    covers=("FG-010", "FG-072"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_fargate:
        return
    why = where(td.fargate_reason)
    mode = td.network_mode
    if mode is None:
        yield Finding((), f"networkMode is omitted, which means bridge, but \"{API}\": set networkMode to awsvpc{why}", target="key")
    elif as_str(mode) is not None and mode != "awsvpc":
        yield Finding(("networkMode",), f"networkMode is {mode!r}, but \"{API}\": set networkMode to awsvpc{why}")
