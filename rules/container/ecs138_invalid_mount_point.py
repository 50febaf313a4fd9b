"""
## What it does
Checks each container's `mountPoints`: `sourceVolume` names a volume of the task definition's
`volumes`, `containerPath` is set and absolute, and one container does not mount two volumes at
the same `containerPath`.

## Why is this bad?
ECS rejects a mount point whose source volume is not declared ("Must be a volume name referenced
in the name parameter of task definition volume"); Docker cannot mount a relative path, and two
mounts at one path hide each other.

## Example
```json
{"family": "web", "volumes": [{"name": "content"}], "containerDefinitions": [
  {"name": "web", "image": "nginx:1.27", "memory": 256,
   "mountPoints": [{"sourceVolume": "contents", "containerPath": "usr/share/nginx/html"}]}]}
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
from ecslint.values import as_str, is_unknown

_WINDOWS_ABS = re.compile(r"^[A-Za-z]:[\\/]|^[A-Za-z]:$")


@rule(
    code="ECS138",
    name="invalid-mount-point",
    summary="Mount point names an undeclared volume or a bad container path",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers", "volumes"),
    covers=("CT-075", "CT-076"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    vols = td.data.get("volumes")
    names_ok = vols is None or (isinstance(vols, list) and not any(is_unknown(v) or (isinstance(v, dict) and is_unknown(v.get("name"))) for v in vols))
    declared = [as_str(v.get("name")) for _, v in items(td.data, "volumes")]
    for i, c in td.containers:
        label, paths = td.container_label(i), {}
        for j, mp in items(c, "mountPoints"):
            at = ("containerDefinitions", i, "mountPoints", j)
            src, path = mp.get("sourceVolume"), mp.get("containerPath")
            if names_ok and as_str(src) is not None and src not in declared:
                have = ", ".join(repr(n) for n in declared if n) or "none"
                yield Finding(at + ("sourceVolume",), f"container {label} mounts volume {src!r}, which is not declared in the "
                              f"task definition's volumes (declared: {have}): add it to volumes or fix the name")
            if path is None:
                yield Finding(at, f"container {label} mount point of {src!r} has no containerPath: set the absolute path "
                              "inside the container", target="key")
                continue
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
