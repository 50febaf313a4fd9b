r"""
## What it does
Checks the `containerPath` of each mount point: it must be an absolute path (`/data`, or
`C:\data` in a Windows container), and one container must not mount two volumes at the same path.

## Why is this bad?
Docker mounts volumes at absolute paths only; a relative path makes the container fail to start.
Two mounts at one path shadow each other: only one volume is visible, and which one is not
obvious.

## Example
```json
{"name": "app", "image": "example/app:1", "memory": 256, "mountPoints": [
  {"sourceVolume": "data", "containerPath": "data"},
  {"sourceVolume": "cache", "containerPath": "/cache"},
  {"sourceVolume": "tmp", "containerPath": "/cache"}]}
```

## Use instead
```json
{"name": "app", "image": "example/app:1", "memory": 256, "mountPoints": [
  {"sourceVolume": "data", "containerPath": "/data"},
  {"sourceVolume": "cache", "containerPath": "/cache"},
  {"sourceVolume": "tmp", "containerPath": "/tmp"}]}
```

## Known limitations
The catalog marks this row as inferred (CT-076): it relies on Docker's mount rules, not on a
documented ECS API error.

## References
- [MountPoint: containerPath](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MountPoint.html)
- [Docker: bind mounts](https://docs.docker.com/engine/storage/bind-mounts/)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.volumes._util import mount_points
from ecslint.values import as_str

_WINDOWS_ABS = re.compile(r"^[A-Za-z]:[\\/]|^\\\\")


@rule(
    code="ECS171",
    name="mount-point-container-path",
    summary="Mount point path is relative or used twice in one container",
    severity="error",
    applies_to=("task-definition",),
    tags=("volumes", "containers"),
    covers=("CT-076",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        label = td.container_label(i)
        seen: dict[str, int] = {}
        for j, mp in mount_points(c):
            path = as_str(mp.get("containerPath"))
            if not path:
                continue
            ptr = ("containerDefinitions", i, "mountPoints", j, "containerPath")
            absolute = path.startswith("/") or (td.is_windows and bool(_WINDOWS_ABS.match(path))) or (not td.os_known and bool(_WINDOWS_ABS.match(path)))
            if not absolute:
                yield Finding(ptr, f"container {label}: containerPath {path!r} must be an absolute path (e.g. '/{path.lstrip('./')}')")
                continue
            norm = path.rstrip("/\\") or path
            if norm in seen:
                yield Finding(ptr, f"container {label} mounts two volumes at {path!r}; one hides the other: give each mount its own path",
                              related=(Related(td, ("containerDefinitions", i, "mountPoints", seen[norm]), "the first mount at this path"),))
            else:
                seen[norm] = j
