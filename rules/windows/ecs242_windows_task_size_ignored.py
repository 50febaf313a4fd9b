"""
## What it does
Reports task-level `cpu` and `memory` on a Windows task definition
(`runtimePlatform.operatingSystemFamily` is a `WINDOWS_SERVER_*` value) that does not run on
Fargate.

## Why is this bad?
"Task-level CPU and memory parameters are ignored for Windows containers" on EC2: the containers
get only what their own `cpu` and `memory` say. A container without `cpu` gets the minimum CPU
share, and the task may use far more or less memory than the task size suggests.

## Example
```json
{"family": "iis", "cpu": "2048", "memory": "4096",
 "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis"}]}
```

## Use instead
```json
{"family": "iis",
 "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis",
   "cpu": 2048, "memory": 4096}]}
```

## References
- [RegisterTaskDefinition: cpu and memory](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-cpu)
- [Amazon ECS task definition differences for Windows containers](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/windows_task_definitions.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.fargate._util import windows_reason


@rule(
    code="ECS242",
    name="windows-task-size-ignored",
    summary="Task-level cpu/memory of a Windows task on EC2 are ignored",
    severity="warning",
    applies_to=("task-definition",),
    tags=("windows", "resources"),
    covers=("TD-012", "WIN-002"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_windows or td.is_fargate:
        return
    keys = [k for k in ("cpu", "memory") if td.data.get(k) is not None]
    if keys:
        what = " and ".join(keys)
        yield Finding((keys[0],), f"task-level {what} {'are' if len(keys) > 1 else 'is'} ignored for Windows containers outside "
                      f"Fargate; set cpu and memory on each container instead ({windows_reason(td)})", target="key")
