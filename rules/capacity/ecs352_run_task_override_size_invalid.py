"""
## What it does
Checks the task-size overrides of a run-task input:

* on Fargate, `overrides.cpu` and `overrides.memory` (each falling back to the task definition's
  value) form a valid Fargate size (Linux or Windows table);
* `overrides.ephemeralStorage.sizeInGiB` is 21-200, and is used only on Fargate with Linux platform
  version 1.4.0 or later (or Windows).

## Why is this bad?
RunTask places the task with the overridden size; Fargate accepts only its published cpu/memory
pairs, and ephemeral storage is a Fargate setting between 21 and 200 GiB. The task is rejected.

## Example
```json
{"cluster": "batch", "taskDefinition": "etl", "launchType": "FARGATE",
 "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}},
 "overrides": {"cpu": "1024", "memory": "512", "ephemeralStorage": {"sizeInGiB": 500}}}
```

## Use instead
```json
{"overrides": {"cpu": "1024", "memory": "2048", "ephemeralStorage": {"sizeInGiB": 100}}}
```

## References
- [TaskOverride](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TaskOverride.html)
- [Fargate task CPU and memory](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html#fargate-tasks-size)
- [Fargate task ephemeral storage](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service, effective_platform_version
from ecslint.registry import rule
from ecslint.rules._common import FARGATE_LINUX, FARGATE_WINDOWS, fargate_memory_text, task_cpu_units, task_memory_mib, version_tuple
from ecslint.values import as_int, is_unknown


@rule(
    code="ECS352",
    name="run-task-override-size-invalid",
    summary="run-task cpu, memory or ephemeral storage override that Fargate rejects",
    severity="error",
    applies_to=("run-task",),
    tags=("run-task", "fargate"),
    covers=("RT-007", "FG-005"),
)
def check(rt: Service) -> Iterator[Finding]:
    ov = rt.data.get("overrides")
    if not isinstance(ov, dict):
        return
    td = rt.task_definition
    target, why = rt.launch_target
    fargate = target == "FARGATE" or target is None and td is not None and td.requires == {"FARGATE"}
    where = f"{rt.name} {why}" if target == "FARGATE" else f"task definition {td.name if td else ''} requires FARGATE"
    windows = td is not None and td.is_windows
    if fargate and (ov.get("cpu") is not None or ov.get("memory") is not None):
        cpu_raw = ov.get("cpu") if ov.get("cpu") is not None else td.data.get("cpu") if td else None
        mem_raw = ov.get("memory") if ov.get("memory") is not None else td.data.get("memory") if td else None
        cpu, mem = task_cpu_units(cpu_raw), task_memory_mib(mem_raw)
        table = FARGATE_WINDOWS if windows else FARGATE_LINUX
        key = "cpu" if ov.get("cpu") is not None else "memory"
        if cpu is not None and cpu not in table and ov.get("cpu") is not None:
            yield Finding(("overrides", "cpu"), f"Fargate{' Windows' if windows else ''} tasks take cpu "
                          f"{', '.join(map(str, table))}; the override gives {cpu_raw} ({where})")
        elif cpu is not None and mem is not None and cpu in table and mem not in table[cpu][0]:
            yield Finding(("overrides", key), f"on Fargate cpu {cpu} allows memory {fargate_memory_text(table[cpu][0])}; with "
                          f"the overrides the task gets memory {mem} ({where})")
    eph = ov.get("ephemeralStorage")
    size = as_int(eph.get("sizeInGiB")) if isinstance(eph, dict) else None
    if size is not None and not 21 <= size <= 200:
        yield Finding(("overrides", "ephemeralStorage", "sizeInGiB"), f"ephemeral storage is 21-200 GiB; got {size}")
    if eph is None:
        return
    if target in ("EC2", "EXTERNAL"):
        yield Finding(("overrides", "ephemeralStorage"), f"ephemeralStorage is a Fargate setting; this task {why}: remove it",
                      target="key")
    elif target == "FARGATE" and not windows and not is_unknown(rt.data.get("platformVersion")):
        pv = effective_platform_version(rt.data.get("platformVersion"), False)
        vt = version_tuple(pv)
        if vt is not None and vt < (1, 4, 0):
            yield Finding(("overrides", "ephemeralStorage"), f"ephemeralStorage needs Linux platform version 1.4.0 or later; "
                          f"this task uses {pv}", target="key")
