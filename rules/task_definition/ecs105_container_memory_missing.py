"""
## What it does
Finds a container that sets neither `memory` nor `memoryReservation` (or sets them to 0) in a
task definition without task-level `memory`.

## Why is this bad?
Without a task-level memory, ECS must know how much memory each container needs in order to place
the task. `RegisterTaskDefinition` fails with `Invalid setting for container '<name>'. At least one
of 'memory' or 'memoryReservation' must be specified.`

## Example
```json
{"family": "worker", "requiresCompatibilities": ["EC2"],
 "containerDefinitions": [{"name": "worker", "image": "busybox:1.36"}]}
```

## Use instead
```json
{"family": "worker", "requiresCompatibilities": ["EC2"],
 "containerDefinitions": [{"name": "worker", "image": "busybox:1.36", "memory": 256}]}
```

## References
- [ContainerDefinition: memory](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-memory)
- [GitHub: sil-org/ecs-deploy#59 (API error text)](https://github.com/sil-org/ecs-deploy/issues/59)

## Known limitations
Fargate task definitions are left to ECS201, which reports the missing task-level memory.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import as_int, is_unknown


@rule(
    code="ECS105",
    name="container-memory-missing",
    summary="Container has no memory setting and the task has no memory",
    severity="error",
    applies_to=("task-definition",),
    tags=("resources", "containers"),
    covers=("TD-015",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.data.get("memory") is not None or td.is_fargate:
        return
    for i, c in td.containers:
        values = [c.get("memory"), c.get("memoryReservation")]
        if any(is_unknown(v) for v in values):
            continue
        present = [as_int(v) for v in values if v is not None]
        if any(n is None or n > 0 for n in present):
            continue
        yield Finding(
            ("containerDefinitions", i),
            f"container {td.container_label(i)} sets neither memory nor memoryReservation and the task has no memory; "
            "ECS rejects it (\"At least one of 'memory' or 'memoryReservation' must be specified\"): "
            "set memory (hard limit) or memoryReservation on the container, or task-level memory",
            target="key",
        )
