"""
## What it does
Adds up what the containers reserve and compares it with the task-level size: the sum of container
`memory` (or `memoryReservation` where `memory` is not set) must not exceed task `memory`, and the
sum of container `cpu` must not exceed task `cpu`.

## Why is this bad?
ECS requires the containers of a task to fit into the task: "The total amount of memory reserved
for all containers within a task must be lower than the task memory value", and the same for cpu.
The task definition is rejected.

## Example
```json
{"family": "web", "cpu": "512", "memory": "1024", "containerDefinitions": [
  {"name": "app", "image": "nginx:1.27", "cpu": 512, "memory": 768},
  {"name": "log", "image": "fluent/fluent-bit:3.1", "cpu": 128, "memory": 512}]}
```

## Use instead
```json
{"family": "web", "cpu": "1024", "memory": "2048", "containerDefinitions": [
  {"name": "app", "image": "nginx:1.27", "cpu": 512, "memory": 768},
  {"name": "log", "image": "fluent/fluent-bit:3.1", "cpu": 128, "memory": 512}]}
```

## References
- [ContainerDefinition: memory and cpu](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-memory)

## Known limitations
Windows task definitions that do not run on Fargate are skipped: ECS ignores their task-level cpu
and memory.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import container_memory, task_cpu_units, task_memory_mib
from ecslint.values import as_int


def _parts(td: TaskDefinition, values: list[tuple[int, int | None]]) -> str:
    return ", ".join(f"{td.container_label(i)} {v}" for i, v in values if v)


@rule(
    code="ECS104",
    name="container-resources-exceed-task",
    summary="Containers reserve more cpu or memory than the task has",
    severity="error",
    applies_to=("task-definition",),
    tags=("resources", "containers"),
    covers=("TD-013", "TD-014"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.containers_known or (td.is_windows and not td.is_fargate):
        return
    task_mem = task_memory_mib(td.data.get("memory"))
    if task_mem is not None:
        mems = [(i, container_memory(c)) for i, c in td.containers]
        if all(m is not None for _, m in mems):
            total = sum(m or 0 for _, m in mems)
            if total > task_mem:
                yield Finding(
                    ("memory",),
                    f"containers reserve {total} MiB of memory ({_parts(td, mems)}) but the task has {task_mem} MiB; "
                    f"raise task memory to at least {total} or lower the containers' memory",
                )
    task_cpu = task_cpu_units(td.data.get("cpu"))
    if task_cpu is not None:
        cpus = [(i, as_int(c["cpu"]) if c.get("cpu") is not None else 0) for i, c in td.containers]
        if all(v is not None for _, v in cpus):
            total = sum(v or 0 for _, v in cpus)
            if total > task_cpu:
                yield Finding(
                    ("cpu",),
                    f"containers reserve {total} cpu units ({_parts(td, cpus)}) but the task has {task_cpu}; "
                    f"raise task cpu to at least {total} or lower the containers' cpu",
                )
