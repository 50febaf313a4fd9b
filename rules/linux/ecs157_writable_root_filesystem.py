"""
## What it does
Flags Linux containers that do not set `readonlyRootFilesystem: true` (preview rule; run it with
`--preview` or select it).

## Why is this bad?
A writable root file system lets an attacker who gets code execution in the container change its
binaries and configuration. With a read-only root, give the application writable space explicitly
with a volume or a `tmpfs` mount. The AWS Config managed rule `ecs-containers-readonly-access`
reports the same.

ECS Exec's SSM agent needs writable directories: when exec is enabled, mount writable volumes at
`/managed-agents`, `/var/lib/amazon/ssm` and `/var/log/amazon/ssm` rather than leaving the root
writable.

## Example
```json
{"name": "web", "image": "nginx:1.27"}
```

## Use instead
```json
{"name": "web", "image": "nginx:1.27", "readonlyRootFilesystem": true,
 "mountPoints": [{"sourceVolume": "cache", "containerPath": "/var/cache/nginx"}]}
```

## Known limitations
Windows containers are skipped (the parameter is not supported there).

## References
- [ContainerDefinition: readonlyRootFilesystem](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-readonlyRootFilesystem)
- [AWS Config rule ecs-containers-readonly-access](https://docs.aws.amazon.com/config/latest/developerguide/ecs-containers-readonly-access.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import is_false


@rule(
    code="ECS157",
    name="writable-root-filesystem",
    summary="Container root file system is writable",
    severity="warning",
    applies_to=("task-definition",),
    tags=("security", "containers"),
    security_severity=3.0,
    covers=("CT-039",),
    status="preview",
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.is_windows or not td.os_known:
        return
    for i, c in td.containers:
        value = c.get("readonlyRootFilesystem")
        if value is None:
            yield Finding(("containerDefinitions", i), f"container {td.container_label(i)} has a writable root file system; set readonlyRootFilesystem: true and mount writable paths explicitly", target="key")
        elif is_false(value):
            yield Finding(("containerDefinitions", i, "readonlyRootFilesystem"), f"container {td.container_label(i)} sets readonlyRootFilesystem: false; set it to true and mount writable paths explicitly")
