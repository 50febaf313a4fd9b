"""
## What it does
Checks every container `mountPoints` entry: `sourceVolume` must be the `name` of a volume in the
task definition's `volumes`, and `containerPath` must be set.

## Why is this bad?
A mount point mounts a task-level volume into the container; ECS rejects a mount point whose
`sourceVolume` names no volume of the task definition, and one without a path to mount it at.
A typo in either name is the usual cause.

## Example
```json
{"family": "app", "volumes": [{"name": "data"}], "containerDefinitions": [
  {"name": "app", "image": "example/app:1", "memory": 256,
   "mountPoints": [{"sourceVolume": "date", "containerPath": "/data"}]}]}
```

## Use instead
```json
{"family": "app", "volumes": [{"name": "data"}], "containerDefinitions": [
  {"name": "app", "image": "example/app:1", "memory": 256,
   "mountPoints": [{"sourceVolume": "data", "containerPath": "/data"}]}]}
```

## References
- [MountPoint](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_MountPoint.html)
- [Storage options for Amazon ECS tasks](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_data_volumes.html)
"""
from __future__ import annotations

import difflib
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.volumes._util import mount_points, volumes, volumes_known
from ecslint.values import as_str, is_unknown


@rule(
    code="ECS170",
    name="mount-point-unknown-volume",
    summary="Mount point names no volume of the task definition, or has no path",
    severity="error",
    applies_to=("task-definition",),
    tags=("volumes", "containers"),
    covers=("CT-075",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    known = volumes_known(td)
    raw = [v.get("name") for _, v in volumes(td)]
    if any(is_unknown(n) for n in raw):
        known = False
    names = [n for n in raw if isinstance(n, str)]
    for i, c in td.containers:
        label = td.container_label(i)
        for j, mp in mount_points(c):
            ptr = ("containerDefinitions", i, "mountPoints", j)
            if "containerPath" not in mp:
                yield Finding(ptr, f"container {label}: mount point of {mp.get('sourceVolume', 'a volume')!r} has no containerPath; set the absolute path to mount it at", target="key")
            src = as_str(mp.get("sourceVolume"))
            if src is None or not known or src in names:
                continue
            close = difflib.get_close_matches(src, names, n=1)
            if close:
                hint = f"; did you mean {close[0]!r}?"
            elif names:
                hint = f"; the task defines {', '.join(repr(n) for n in names)}"
            else:
                hint = "; the task definition has no volumes: add one to volumes"
            yield Finding((*ptr, "sourceVolume"), f"container {label}: sourceVolume {src!r} is not the name of a volume of this task definition{hint}")
