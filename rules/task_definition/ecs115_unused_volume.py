"""
## What it does
Finds volumes of a task definition that no container mounts (`mountPoints[].sourceVolume`) and that
are not configured at launch.

## Why is this bad?
An unused volume is dead configuration, often the sign of a renamed volume whose mount point was
not updated; EFS and Docker volumes are still set up for every task.

## Example
```json
{"family": "web", "volumes": [{"name": "content"}, {"name": "old-cache"}], "containerDefinitions": [
  {"name": "web", "image": "nginx:1.27", "memory": 256,
   "mountPoints": [{"sourceVolume": "content", "containerPath": "/usr/share/nginx/html"}]}]}
```

## Use instead
```json
{"family": "web", "volumes": [{"name": "content"}], "containerDefinitions": [
  {"name": "web", "image": "nginx:1.27", "memory": 256,
   "mountPoints": [{"sourceVolume": "content", "containerPath": "/usr/share/nginx/html"}]}]}
```

## References
- [Storage options for Amazon ECS tasks](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_data_volumes.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import items
from ecslint.values import as_str, is_true, is_unknown


@rule(
    code="ECS115",
    name="unused-volume",
    summary="Volume is declared but no container mounts it",
    severity="warning",
    applies_to=("task-definition",),
    tags=("volumes",),
    covers=("TD-039",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.containers_known:
        return
    used: set[str | None] = set()
    for _, c in td.containers:
        mps = c.get("mountPoints")
        if mps is not None and (not isinstance(mps, list) or any(is_unknown(m) for m in mps)):
            return
        for _, mp in items(c, "mountPoints"):
            if is_unknown(mp.get("sourceVolume")):
                return
            used.add(as_str(mp.get("sourceVolume")))
    for j, vol in items(td.data, "volumes"):
        name = as_str(vol.get("name"))
        if name is not None and name not in used and not is_true(vol.get("configuredAtLaunch")):
            yield Finding(("volumes", j, "name"), f"volume {name!r} is not mounted by any container: add a mount point or remove it")
