r"""
## What it does
Checks the bind mounts of Windows task definitions (`runtimePlatform.operatingSystemFamily` is a
`WINDOWS_SERVER_*` value). For every container `mountPoints` entry whose volume has a
`host.sourcePath`, the host path and the `containerPath` must be on the same drive, and a directory
(not a whole drive such as `D:\`) can only be mounted from the drive of `$env:ProgramData` (`C:`).

## Why is this bad?
"Windows containers can mount whole directories on the same drive as `$env:ProgramData`. Windows
containers can't mount directories on a different drive, and mount point can't be across drives."
You can mount `C:\my\path` at `C:\my\path` and `D:\` at `D:\`, but not `D:\my\path` at
`C:\my\path` or `D:\` at `C:\my\path`. The container fails to start.

## Example
```json
{"family": "iis", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
 "volumes": [{"name": "logs", "host": {"sourcePath": "D:\\logs"}}],
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "cpu": 1024, "memory": 2048,
   "mountPoints": [{"sourceVolume": "logs", "containerPath": "C:\\inetpub\\logs"}]}]}
```

## Use instead
```json
{"family": "iis", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
 "volumes": [{"name": "logs", "host": {"sourcePath": "C:\\ecs\\logs"}}],
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "cpu": 1024, "memory": 2048,
   "mountPoints": [{"sourceVolume": "logs", "containerPath": "C:\\inetpub\\logs"}]}]}
```

## Known limitations
The catalog marks this constraint E? (documented, enforcement point not confirmed). The rule assumes
`$env:ProgramData` is on `C:`, as on the ECS-optimized Windows AMIs. Paths without a drive letter
(named pipes such as `\\.\pipe\docker_engine`, unknown values) are not checked.

## References
- [ContainerDefinition: mountPoints](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-mountPoints)
- [Volume: host](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Volume.html#ECS-Type-Volume-host)
- [Bind mounts](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bind-mounts.html)
"""
from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from ecslint.model import Finding, Related
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.fargate._util import windows_reason
from ecslint.values import as_str

_DRIVE = re.compile(r"^([A-Za-z]):(?:[\\/]*)$|^([A-Za-z]):[\\/]")
PROGRAM_DATA_DRIVE = "C"


def _drive(path: Any) -> tuple[str, bool] | None:
    """(drive letter, whole drive?) of ``D:\\data`` / ``D:\\``; None without a drive letter."""
    s = as_str(path)
    m = _DRIVE.match(s) if s else None
    if not m:
        return None
    return (m.group(1) or m.group(2)).upper(), bool(m.group(1))


def _host_paths(td: TaskDefinition) -> dict[str, tuple[int, str]]:
    out: dict[str, tuple[int, str]] = {}
    vols = td.data.get("volumes")
    for j, v in enumerate(vols if isinstance(vols, list) else []):
        host = v.get("host") if isinstance(v, dict) else None
        name, src = (as_str(v.get("name")), as_str(host.get("sourcePath"))) if isinstance(host, dict) else (None, None)
        if name and src:
            out.setdefault(name, (j, src))
    return out


@rule(
    code="ECS247",
    name="windows-mount-across-drives",
    summary="Windows bind mount across drives, or of a directory off the ProgramData drive",
    severity="error",
    applies_to=("task-definition",),
    tags=("windows", "volumes"),
    covers=("WIN-008", "VOL-006"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_windows:
        return
    hosts = _host_paths(td)
    why = f" ({windows_reason(td)})"
    for i, c in td.containers:
        mps = c.get("mountPoints")
        for k, mp in enumerate(mps if isinstance(mps, list) else []):
            if not isinstance(mp, dict) or as_str(mp.get("sourceVolume")) not in hosts:
                continue
            j, src = hosts[as_str(mp.get("sourceVolume"))]  # type: ignore[index]
            dst = as_str(mp.get("containerPath"))
            s, d = _drive(src), _drive(dst)
            if s is None or d is None:
                continue
            rel = (Related(td, ("volumes", j, "host", "sourcePath"), f"volume {mp.get('sourceVolume')!r}"),)
            ptr = ("containerDefinitions", i, "mountPoints", k, "containerPath")
            label = td.container_label(i)
            fix = (f"use a containerPath on {s[0]}:" if s[0] == PROGRAM_DATA_DRIVE else
                   f"put the host directory on {PROGRAM_DATA_DRIVE}: (the drive of $env:ProgramData) or mount the whole drive ({s[0]}:\\ at {s[0]}:\\)")
            if s[0] != d[0]:
                yield Finding(ptr, f"container {label} mounts '{src}' ({s[0]}:) at '{dst}' ({d[0]}:), but Windows mount points "
                              f"can't be across drives: {fix}{why}", related=rel)
            elif s[0] != PROGRAM_DATA_DRIVE and not s[1]:
                yield Finding(ptr, f"container {label} mounts directory '{src}' from drive {s[0]}:, but Windows containers can "
                              f"only mount directories on the drive of $env:ProgramData ({PROGRAM_DATA_DRIVE}:): {fix}{why}", related=rel)
