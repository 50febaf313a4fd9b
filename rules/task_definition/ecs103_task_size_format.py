"""
## What it does
Checks the task-level `cpu` and `memory` of task definitions that do not run on Fargate (Fargate
sizes are checked by ECS201): `cpu` must be CPU units (`"1024"`) or vCPUs (`"1 vCPU"`), between
128 and 196608 units (0.125 to 192 vCPU); `memory` must be MiB (`"2048"`) or GB (`"2 GB"`).

## Why is this bad?
`RegisterTaskDefinition` converts `"1 vCPU"` and `"2 GB"` to numbers and rejects anything else, and
rejects a task cpu outside 128-196608 units. Older documentation gave 0.25-10 vCPU: that range is
outdated.

## Example
```json
{"family": "batch", "requiresCompatibilities": ["EC2"], "cpu": "2 cores", "memory": "4 GiB",
 "containerDefinitions": [{"name": "job", "image": "busybox:1.36"}]}
```

## Use instead
```json
{"family": "batch", "requiresCompatibilities": ["EC2"], "cpu": "2 vCPU", "memory": "4 GB",
 "containerDefinitions": [{"name": "job", "image": "busybox:1.36"}]}
```

## References
- [RegisterTaskDefinition: cpu and memory](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-cpu)
- [Task definition parameters: task size](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#task_size)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import task_cpu_units, task_memory_mib
from ecslint.values import is_unknown

MIN_CPU, MAX_CPU = 128, 196608


@rule(
    code="ECS103",
    name="task-size-format",
    summary="Task cpu or memory is malformed or out of range",
    severity="error",
    applies_to=("task-definition",),
    tags=("resources",),
    covers=("TD-010", "TD-011"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.is_fargate:
        return  # ECS201 checks Fargate sizes
    cpu_raw, mem_raw = td.data.get("cpu"), td.data.get("memory")
    if cpu_raw is not None and not is_unknown(cpu_raw):
        cpu = task_cpu_units(cpu_raw)
        if cpu is None:
            yield Finding(("cpu",), f"task cpu {cpu_raw!r} is neither CPU units (\"1024\") nor vCPUs (\"1 vCPU\")")
        elif not MIN_CPU <= cpu <= MAX_CPU:
            yield Finding(("cpu",), f"task cpu must be {MIN_CPU}-{MAX_CPU} CPU units (0.125-192 vCPU); got {cpu}")
    if mem_raw is not None and not is_unknown(mem_raw):
        mem = task_memory_mib(mem_raw)
        if mem is None:
            yield Finding(("memory",), f"task memory {mem_raw!r} is neither MiB (\"2048\") nor GB (\"2 GB\")")
        elif mem <= 0:
            yield Finding(("memory",), f"task memory must be a positive number of MiB; got {mem}")
