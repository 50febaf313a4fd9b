"""
## What it does
Finds, in a task definition that runs on EC2 (or anywhere but Fargate) without task-level
`memory`, a container that sets only `memoryReservation` and no hard `memory` limit.

## Why is this bad?
`memoryReservation` is only a soft limit. Without a hard limit on the container or the task, "containers
in tasks get access to all the CPU and memory capacity available on the host": one leaking
container can starve every other task on the instance until the kernel's OOM killer steps in.

## Example
```json
{"family": "api", "requiresCompatibilities": ["EC2"],
 "containerDefinitions": [{"name": "api", "image": "my-api:1.4.2", "memoryReservation": 256}]}
```

## Use instead
```json
{"family": "api", "requiresCompatibilities": ["EC2"],
 "containerDefinitions": [{"name": "api", "image": "my-api:1.4.2", "memoryReservation": 256, "memory": 512}]}
```

## References
- [Task definition parameters: memory](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_memory)
- [Amazon ECS best practices: task size](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/capacity-tasksize.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import as_int


@rule(
    code="ECS121",
    name="unbounded-container-memory",
    summary="Container has no hard memory limit on EC2",
    severity="warning",
    applies_to=("task-definition",),
    tags=("resources", "containers"),
    covers=("CT-009",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.is_fargate or td.is_windows or td.data.get("memory") is not None:
        return
    for i, c in td.containers:
        res = as_int(c.get("memoryReservation"))
        if c.get("memory") is None and res is not None and res > 0:
            yield Finding(
                ("containerDefinitions", i, "memoryReservation"),
                f"container {td.container_label(i)} has only a soft limit (memoryReservation {res} MiB) and the task no memory: "
                "it can use all the instance's memory; set memory (hard limit) on the container or task-level memory",
            )
