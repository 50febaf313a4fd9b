"""
## What it does
Checks each container's `mountPoints`: `containerPath` is absolute (`/data`, or `C:\\data` on
Windows), and one container does not mount two volumes at the same `containerPath`. (Undeclared
source volumes and missing paths are rule ECS170.)

## Why is this bad?
Docker cannot mount a volume at a relative path, so the container does not start; two mounts at
one path hide each other, so one volume is silently unreachable.

## Example
```json
{"family": "web", "volumes": [{"name": "content"}], "containerDefinitions": [
  {"name": "web", "image": "nginx:1.27", "memory": 256,
   "mountPoints": [{"sourceVolume": "content", "containerPath": "usr/share/nginx/html"}]}]}
```

## Use instead
```json
{"family": "web", "volumes": [{"name": "content"}], "containerDefinitions": [
  {"name": "web", "image": "nginx:1.27", "memory": 256,
   "mountPoints": [{"sourceVolume": "content", "containerPath": "/usr/share/nginx/html"}]}]}
```

## References
- [MountPoint](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MountPoint.html)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import items
from ecslint.values import as_str

_WINDOWS_ABS = re.compile(r"^[A-Za-z]:[\\/]|^[A-Za-z]:$")


@rule(
    code="ECS138",
    name="invalid-mount-point",
    summary="Mount point container path is relative or used twice",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers", "volumes"),
    covers=("CT-076",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        label, paths = td.container_label(i), {}
        for j, mp in items(c, "mountPoints"):
            at = ("containerDefinitions", i, "mountPoints", j)
            path = mp.get("containerPath")
            if path is None:
                continue  # ECS170 reports it
            p = as_str(path)
            if p is None:
                continue
            if not (p.startswith("/") or _WINDOWS_ABS.match(p)):
                yield Finding(at + ("containerPath",), f"container {label} containerPath {p!r} is not absolute: start it with '/'")
            key = p.rstrip("/") or "/"
            if key in paths:
                yield Finding(at + ("containerPath",), f"container {label} mounts two volumes at {p!r} (mount points "
                              f"#{paths[key] + 1} and #{j + 1}); use one path per mount")
            paths.setdefault(key, j)
