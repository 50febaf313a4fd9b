"""
## What it does
Checks every entry of `volumes` against where the task runs, per the storage support matrix:

| volume | not supported on |
| --- | --- |
| Docker volume (`dockerVolumeConfiguration`) | Fargate; on Windows only the `local` driver |
| bind mount with `host.sourcePath` | Fargate (only task-scoped bind mounts) |
| EFS (`efsVolumeConfiguration`) | Windows, ECS Anywhere (`EXTERNAL`) |
| FSx for Windows File Server | Fargate, Linux |
| EBS (`configuredAtLaunch: true`) | ECS Anywhere (`EXTERNAL`) |

Fargate means `requiresCompatibilities` lists `FARGATE` or a service or run-task of the same run
places the task there; `EXTERNAL` likewise. Windows and Linux come from
`runtimePlatform.operatingSystemFamily` (a task definition without `runtimePlatform` may be either
on EC2, so Linux-only findings need an explicit `LINUX`).

## Why is this bad?
Registration fails for a task definition whose `requiresCompatibilities` cannot host the volume,
or the service or task fails to start where it is placed (for example
`Task definition does not support launch_type FARGATE.`). Storage that the platform cannot mount
never reaches the container.

## Example
```json
{"family": "cache", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
 "cpu": "256", "memory": "512",
 "volumes": [{"name": "data", "dockerVolumeConfiguration": {"scope": "task", "driver": "local"}}],
 "containerDefinitions": [{"name": "cache", "image": "redis",
   "mountPoints": [{"sourceVolume": "data", "containerPath": "/data"}]}]}
```

## Use instead
```json
{"family": "cache", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
 "cpu": "256", "memory": "512",
 "volumes": [{"name": "data"}],
 "containerDefinitions": [{"name": "cache", "image": "redis",
   "mountPoints": [{"sourceVolume": "data", "containerPath": "/data"}]}]}
```
(a task-scoped bind mount on Fargate ephemeral storage, or an EFS volume for shared data)

## References
- [Storage options for Amazon ECS tasks](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_data_volumes.html)
- [Volume (API reference)](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Volume.html)
- [Amazon EFS volumes: considerations](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/efs-volumes.html)
- [FSx for Windows File Server volumes](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/wfsx-volumes.html)
- [External instances (ECS Anywhere): considerations](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-anywhere.html)

## Known limitations
Where the API rejects FSx on Fargate and EFS/EBS on `EXTERNAL` (registration or launch) is not
confirmed; the rule relies on the documented support matrix.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import where
from ecslint.rules.fargate._util import linux_explicit, present, windows_reason
from ecslint.values import as_str, is_true


def _problems(td: TaskDefinition, vol: dict[str, Any]) -> Iterator[tuple[tuple[Any, ...], str]]:
    fargate = where(td.fargate_reason) if td.is_fargate else None
    external = where(td.launch_targets.get("EXTERNAL", "")) if td.is_external else None
    win = f" ({windows_reason(td)})" if td.is_windows else None
    docker, host = vol.get("dockerVolumeConfiguration"), vol.get("host")
    if present(docker):
        if fargate is not None:
            yield ("dockerVolumeConfiguration",), f"Docker volumes are not supported on Fargate; use a bind mount (no host) or EFS{fargate}"
        elif win is not None and isinstance(docker, dict):
            driver = as_str(docker.get("driver"))
            if driver is not None and driver != "local":
                yield ("dockerVolumeConfiguration", "driver"), f"Windows containers only support the 'local' Docker volume driver; got {driver!r}{win}"
    if fargate is not None and isinstance(host, dict) and present(host.get("sourcePath")) and host.get("sourcePath") != "":
        yield ("host", "sourcePath"), f"Fargate only supports task-scoped bind mounts; remove host.sourcePath{fargate}"
    if present(vol.get("efsVolumeConfiguration")):
        if win is not None:
            yield ("efsVolumeConfiguration",), f"EFS volumes are not supported for Windows containers; use FSx for Windows File Server on EC2{win}"
        elif external is not None:
            yield ("efsVolumeConfiguration",), f"EFS volumes are not supported on external instances (ECS Anywhere){external}"
    if present(vol.get("fsxWindowsFileServerVolumeConfiguration")):
        if fargate is not None:
            yield ("fsxWindowsFileServerVolumeConfiguration",), f"FSx for Windows File Server volumes are not supported on Fargate; run the task on Windows EC2 instances{fargate}"
        elif linux_explicit(td):
            yield ("fsxWindowsFileServerVolumeConfiguration",), "FSx for Windows File Server volumes only work with Windows containers; the task is LINUX"
    if external is not None and is_true(vol.get("configuredAtLaunch")):
        yield ("configuredAtLaunch",), f"EBS volumes (configuredAtLaunch) cannot be attached to tasks on external instances (ECS Anywhere){external}"


@rule(
    code="ECS203",
    name="volume-unsupported-on-platform",
    summary="Volume type is not supported where the task runs (Fargate, Windows, EXTERNAL)",
    severity="error",
    applies_to=("task-definition",),
    tags=("fargate", "windows", "volumes"),
    covers=("VOL-001", "FG-026", "FG-027", "FG-028", "VOL-004", "VOL-042", "WIN-012"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    vols = td.data.get("volumes")
    if not isinstance(vols, list):
        return
    for i, vol in enumerate(vols):
        if not isinstance(vol, dict):
            continue
        name = as_str(vol.get("name"))
        label = repr(name) if name else f"#{i + 1}"
        for ptr, msg in _problems(td, vol):
            yield Finding(("volumes", i, *ptr), f"volume {label}: {msg}")
