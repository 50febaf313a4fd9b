"""
## What it does
For task definitions that run on external instances (ECS Anywhere: `requiresCompatibilities`
lists `EXTERNAL`, or a service or run-task of the same run sets `launchType: EXTERNAL`), reports
the `awsvpc` network mode, any `networkMode` on Windows (only the default mode works there), and
App Mesh `proxyConfiguration`. EFS and EBS volumes are reported by `volume-unsupported-on-platform`.

## Why is this bad?
External instances have no elastic network interfaces to give each task, and ECS Anywhere does not
support App Mesh; such tasks cannot be placed. Linux tasks must use `bridge`, `host` or `none`.

## Example
```json
{"family": "edge", "requiresCompatibilities": ["EXTERNAL"], "networkMode": "awsvpc",
 "containerDefinitions": [{"name": "agent", "image": "example/agent", "memory": 256}]}
```

## Use instead
```json
{"family": "edge", "requiresCompatibilities": ["EXTERNAL"], "networkMode": "bridge",
 "containerDefinitions": [{"name": "agent", "image": "example/agent", "memory": 256}]}
```

## References
- [External instances (Amazon ECS Anywhere)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-anywhere.html)
- [Amazon ECS task networking for external instances](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html)

## Known limitations
Where these are rejected (registration or placement) is not confirmed; the rule relies on the
documented ECS Anywhere considerations.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import where
from ecslint.rules.fargate._util import present
from ecslint.values import as_str


@rule(
    code="ECS244",
    name="external-unsupported-task-feature",
    summary="Task definition for ECS Anywhere uses awsvpc or App Mesh",
    severity="error",
    applies_to=("task-definition",),
    tags=("external", "networking"),
    covers=("EXT-001", "EXT-003"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_external:
        return
    why = where(td.launch_targets["EXTERNAL"])
    mode = as_str(td.network_mode)
    if td.is_windows and mode is not None:
        yield Finding(("networkMode",), f"Windows tasks on external instances must use the default network mode; remove networkMode {mode!r}{why}")
    elif mode == "awsvpc":
        yield Finding(("networkMode",), f"external instances (ECS Anywhere) do not support awsvpc; use bridge, host or none{why}")
    if present(td.data.get("proxyConfiguration")):
        yield Finding(("proxyConfiguration",), f"App Mesh proxyConfiguration is not supported on external instances (ECS Anywhere){why}", target="key")
