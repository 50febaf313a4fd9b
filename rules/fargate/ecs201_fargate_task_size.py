"""
## What it does
Checks the task-level `cpu` and `memory` of every task definition that runs on Fargate, because it
lists `FARGATE` in `requiresCompatibilities` or because a service or run-task input of the same run
places it on Fargate (a `FARGATE` launch type or a `FARGATE`/`FARGATE_SPOT` capacity provider). Both
values must be set, and they must form one of the pairs Fargate offers: for Linux 0.25 to 16 vCPU
(and 32 vCPU) with the memory each allows, 8 vCPU and more only on platform version 1.4.0; for
Windows only 1, 2 or 4 vCPU. `"1 vCPU"` and `"2 GB"` spellings are understood.

## Why is this bad?
Fargate has a fixed menu of task sizes. Registration fails with `Invalid 'cpu' setting for task`
(or `No Fargate configuration exists for given values`) when a task definition that requires
Fargate asks for anything else; a task definition without `FARGATE` registers, and then the
service fails with `Task definition does not support launch_type FARGATE.`

## Example
```json
{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
 "cpu": "1024", "memory": "1024",
 "containerDefinitions": [{"name": "web", "image": "nginx"}]}
```

## Use instead
```json
{"family": "web", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
 "cpu": "1024", "memory": "2048",
 "containerDefinitions": [{"name": "web", "image": "nginx"}]}
```

## References
- [Amazon ECS task definition parameters for Fargate: Task size](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size)
- [RegisterTaskDefinition: cpu and memory](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html)
- [Fargate Linux platform versions](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/platform-linux-fargate.html)
- 32 vCPU sizes: see docs/research/verified-facts.md (cfn-lint added them in 2026)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import FARGATE_LINUX, FARGATE_WINDOWS, fargate_memory_text, task_cpu_units, task_memory_mib, version_tuple, where
from ecslint.values import is_unknown


@rule(
    code="ECS201",
    name="fargate-task-size",
    summary="Task cpu and memory are not a size Fargate offers",
    severity="error",
    applies_to=("task-definition",),
    tags=("fargate", "resources"),
    covers=("FG-001", "FG-002", "FG-003", "FG-004", "FG-CPU-TABLE", "FG-CPU-TABLE-WIN", "WIN-004"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_fargate or not td.os_known:
        return
    why = where(td.fargate_reason)
    cpu_raw, mem_raw = td.data.get("cpu"), td.data.get("memory")
    missing = [k for k, v in (("cpu", cpu_raw), ("memory", mem_raw)) if v is None or v == ""]  # "": CLI-skeleton placeholder
    if missing:
        yield Finding((), f"Fargate needs task-level {' and '.join(missing)}, even when every container sets its own{why}", target="key")
        return
    if is_unknown(cpu_raw) or is_unknown(mem_raw):
        return
    cpu, mem = task_cpu_units(cpu_raw), task_memory_mib(mem_raw)
    if cpu is None:
        yield Finding(("cpu",), f"task cpu {cpu_raw!r} is neither CPU units (\"1024\") nor vCPUs (\"1 vCPU\")")
        return
    if mem is None:
        yield Finding(("memory",), f"task memory {mem_raw!r} is neither MiB (\"2048\") nor GB (\"2 GB\")")
        return
    windows = td.is_windows
    table = FARGATE_WINDOWS if windows else FARGATE_LINUX
    os_word = "Windows" if windows else "Linux"
    if cpu not in table:
        sizes = ", ".join(map(str, table))
        yield Finding(("cpu",), f"Fargate ({os_word}) offers task cpu {sizes}; got {cpu}{why}")
        return
    allowed, min_pv = table[cpu]
    if mem not in allowed:
        yield Finding(("memory",), f"on Fargate, cpu {cpu} allows memory {fargate_memory_text(allowed)}; got {mem}{why}")
    if not windows and min_pv != "1.0.0":
        for version, runner in sorted(td.fargate_platform_versions.items()):
            vt, need = version_tuple(version), version_tuple(min_pv)
            if vt is not None and need is not None and vt < need:
                yield Finding(("cpu",), f"cpu {cpu} needs Fargate platform version {min_pv} or later; {runner} uses {version}")
