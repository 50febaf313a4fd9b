"""
## What it does
Checks every container of a Windows task definition (`runtimePlatform.operatingSystemFamily` is a
`WINDOWS_SERVER_*` value) that does not run on Fargate: each container should set a container-level
`cpu` above 0.

## Why is this bad?
On Windows container instances the CPU limit is an absolute quota, not a relative share. The API
reference says: "A null or zero CPU value is passed to Docker as 0, which Windows interprets as 1% of
one CPU." A container without `cpu` may therefore crawl, fail its health checks or time out while
starting. The task-level `cpu` does not help: it is ignored for Windows containers outside Fargate
(see ECS242).

## Example
```json
{"family": "iis", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
 "requiresCompatibilities": ["EC2"],
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "memory": 2048}]}
```

## Use instead
```json
{"family": "iis", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
 "requiresCompatibilities": ["EC2"],
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "cpu": 1024, "memory": 2048}]}
```

## Known limitations
Newer ECS agents can treat `cpu` 0 as unbounded when the instance sets
`ECS_ENABLE_CPU_UNBOUNDED_WINDOWS_WORKAROUND=true` (the instance configuration is not visible here);
even then an explicit `cpu` is the documented way to give a Windows container its CPU.
Tasks on Fargate are skipped: there the task-level `cpu` sizes the task.

## References
- [ContainerDefinition: cpu](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-cpu)
- [Amazon ECS task definition differences for EC2 instances running Windows](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/windows_task_definitions.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.fargate._util import windows_reason
from ecslint.values import as_int


@rule(
    code="ECS248",
    name="windows-container-cpu-unset",
    summary="Windows container without cpu gets 1% of one CPU on EC2",
    severity="warning",
    applies_to=("task-definition",),
    tags=("windows", "resources"),
    covers=("WIN-010",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_windows or td.is_fargate or not td.containers_known:
        return
    where = ", ".join(sorted(td.launch_targets)) or "EC2"
    why = f" ({windows_reason(td)}, runs on {where})"
    for i, c in td.containers:
        raw = c.get("cpu")
        label = td.container_label(i)
        if raw is None:
            yield Finding(("containerDefinitions", i), f"container {label} sets no cpu; Windows treats that as a quota of "
                          f"1% of one CPU: set cpu (1024 = one vCPU){why}", target="key")
        elif as_int(raw) == 0:
            yield Finding(("containerDefinitions", i, "cpu"), f"container {label} sets cpu 0, which Windows treats as a quota "
                          f"of 1% of one CPU: set cpu (1024 = one vCPU){why}")
