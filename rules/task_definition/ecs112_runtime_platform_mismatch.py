"""
## What it does
Checks `runtimePlatform`: Windows containers run only on `X86_64`, and Windows on Fargate only on
`WINDOWS_SERVER_2019_FULL`, `WINDOWS_SERVER_2019_CORE`, `WINDOWS_SERVER_2022_FULL` or
`WINDOWS_SERVER_2022_CORE` (2016, 2004, 20H2 and 2025 are EC2-only).

## Why is this bad?
There is no ARM64 Windows capacity in ECS ("When you run Windows containers on AWS Fargate, you
must have the X86_64 CPU architecture"), and Fargate has no other Windows versions: the task
definition is rejected or the task cannot be placed.

## Example
```json
{"family": "win", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "1024", "memory": "2048",
 "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2016_FULL", "cpuArchitecture": "ARM64"},
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2016"}]}
```

## Use instead
```json
{"family": "win", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "1024", "memory": "2048",
 "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE", "cpuArchitecture": "X86_64"},
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022"}]}
```

## References
- [RuntimePlatform](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RuntimePlatform.html)
- [Task definition parameters: runtime platform](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#runtime-platform)
- Windows Server 2025 on Fargate: docs/research/verified-facts.md (item 6)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import as_str

FARGATE_WINDOWS = ("WINDOWS_SERVER_2019_FULL", "WINDOWS_SERVER_2019_CORE", "WINDOWS_SERVER_2022_FULL", "WINDOWS_SERVER_2022_CORE")


@rule(
    code="ECS112",
    name="runtime-platform-mismatch",
    summary="Windows runtime platform with ARM64 CPU architecture",
    severity="error",
    applies_to=("task-definition",),
    tags=("windows", "runtime-platform"),
    covers=("TD-030",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    rp = td.data.get("runtimePlatform")
    if not isinstance(rp, dict) or not td.is_windows:
        return
    family = td.os_family
    if td.is_fargate:
        return  # Windows on Fargate (X86_64, 2019/2022 only) is ECS243's
    if as_str(rp.get("cpuArchitecture")) == "ARM64":
        yield Finding(("runtimePlatform", "cpuArchitecture"), f"Windows containers ({family}) run only on X86_64; "
                      "got cpuArchitecture ARM64: use X86_64 or a Linux image")
