"""
## What it does
Reports SELinux labels (`dockerSecurityOptions` entries starting with `label:`) in task definitions
that run on external instances (ECS Anywhere: `requiresCompatibilities` lists `EXTERNAL`, or a
service or run-task of the same run sets `launchType: EXTERNAL`).

## Why is this bad?
ECS Anywhere does not support SELinux: the agent on an external instance does not apply the
labels, so the isolation they are meant to give silently does not exist.

## Example
```json
{"name": "agent", "image": "example/agent", "memory": 256,
 "dockerSecurityOptions": ["label:type:container_t"]}
```

## Use instead
```json
{"name": "agent", "image": "example/agent", "memory": 256,
 "dockerSecurityOptions": ["no-new-privileges"]}
```

## References
- [External instances (Amazon ECS Anywhere): considerations](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-anywhere.html)
- [ContainerDefinition: dockerSecurityOptions](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import where
from ecslint.values import as_str


@rule(
    code="ECS246",
    name="external-selinux-label",
    summary="SELinux label option on a task for ECS Anywhere, which does not support SELinux",
    severity="warning",
    applies_to=("task-definition",),
    tags=("external", "containers"),
    covers=("EXT-004",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_external:
        return
    why = where(td.launch_targets["EXTERNAL"])
    for i, c in td.containers:
        opts = c.get("dockerSecurityOptions")
        for j, o in enumerate(opts if isinstance(opts, list) else []):
            s = as_str(o)
            if s and s.startswith("label:"):
                yield Finding(("containerDefinitions", i, "dockerSecurityOptions", j),
                              f"container {td.container_label(i)} sets SELinux option {s!r}; ECS Anywhere does not support SELinux, "
                              f"so it has no effect{why}")
