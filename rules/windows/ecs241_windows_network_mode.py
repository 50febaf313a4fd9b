"""
## What it does
Checks `networkMode` of Windows task definitions (`runtimePlatform.operatingSystemFamily` is a
`WINDOWS_SERVER_*` value) that run on EC2 instances: only `awsvpc` or the Windows `default` (NAT)
mode, which you get by omitting `networkMode`, are available. Fargate and ECS Anywhere are checked
by `fargate-network-mode` and `external-unsupported-task-feature`.

## Why is this bad?
`bridge`, `host` and `none` are Linux Docker network modes. "For Amazon ECS tasks on Amazon EC2
Windows instances, `<default>` or `awsvpc` can be used"; with another mode the tasks are not placed
on Windows container instances.

## Example
```json
{"family": "iis", "networkMode": "bridge",
 "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2019_FULL"},
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "memory": 2048,
   "portMappings": [{"containerPort": 80, "hostPort": 8080}]}]}
```

## Use instead
```json
{"family": "iis",
 "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2019_FULL"},
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "memory": 2048,
   "portMappings": [{"containerPort": 80, "hostPort": 8080}]}]}
```

## References
- [RegisterTaskDefinition: networkMode](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-networkMode)
- [Amazon ECS task definition parameters for Amazon EC2: network mode](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters_ec2.html)

## Known limitations
Where a wrong mode is rejected (registration or placement) is not confirmed.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.fargate._util import windows_reason
from ecslint.values import as_str


@rule(
    code="ECS241",
    name="windows-network-mode",
    summary="Windows task definition on EC2 uses a network mode other than default or awsvpc",
    severity="error",
    applies_to=("task-definition",),
    tags=("windows", "networking"),
    covers=("WIN-003", "NW-005"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_windows or td.is_fargate or td.is_external:
        return
    mode = as_str(td.network_mode)
    if mode in ("bridge", "host", "none"):
        yield Finding(("networkMode",), f"networkMode {mode!r} is not available for Windows containers on EC2; use awsvpc or omit "
                      f"networkMode for the Windows default (NAT) mode ({windows_reason(td)})")
