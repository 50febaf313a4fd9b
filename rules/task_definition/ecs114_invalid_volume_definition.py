"""
## What it does
Checks the task definition `volumes`: names are unique and 1-255 letters, digits, `_` or `-`; a
volume sets at most one of `host`, `dockerVolumeConfiguration`, `efsVolumeConfiguration`,
`s3filesVolumeConfiguration`, `fsxWindowsFileServerVolumeConfiguration` and
`configuredAtLaunch: true`; and at most one volume is configured at launch.

## Why is this bad?
ECS rejects the task definition: mount points select volumes by name, a volume "may only specify a
name and one of" its types, and "each task definition revision may only have one volume configured
at launch".

## Example
```json
{"family": "web", "volumes": [{"name": "data", "host": {"sourcePath": "/srv/data"},
   "efsVolumeConfiguration": {"fileSystemId": "fs-0123456789abcdef0"}}, {"name": "data"}],
 "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": 256}]}
```

## Use instead
```json
{"family": "web", "volumes": [{"name": "data", "efsVolumeConfiguration": {"fileSystemId": "fs-0123456789abcdef0"}},
   {"name": "scratch"}],
 "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": 256}]}
```

## References
- [Volume](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Volume.html)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import items
from ecslint.values import as_str, is_true

_NAME = re.compile(r"^[A-Za-z0-9_-]{1,255}$")
TYPES = ("host", "dockerVolumeConfiguration", "efsVolumeConfiguration", "s3filesVolumeConfiguration",
         "fsxWindowsFileServerVolumeConfiguration")


@rule(
    code="ECS114",
    name="invalid-volume-definition",
    summary="Volume name is invalid or duplicated, or a volume has several types",
    severity="error",
    applies_to=("task-definition",),
    tags=("volumes",),
    covers=("TD-036", "TD-037", "TD-038"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    seen: dict[str, int] = {}
    at_launch: list[int] = []
    for j, vol in items(td.data, "volumes"):
        at, name = ("volumes", j), as_str(vol.get("name"))
        if name is not None:
            if not _NAME.match(name):
                yield Finding(at + ("name",), f"volume name {name!r} must be 1-255 letters, digits, '_' or '-'")
            if name in seen:
                yield Finding(at + ("name",), f"volume name {name!r} is used by volumes #{seen[name] + 1} and #{j + 1}: "
                              "volume names must be unique")
            seen.setdefault(name, j)
        kinds = [k for k in TYPES if vol.get(k) is not None] + (["configuredAtLaunch"] if is_true(vol.get("configuredAtLaunch")) else [])
        if len(kinds) > 1:
            yield Finding(at, f"volume {name or '#' + str(j + 1)!r} sets {' and '.join(kinds)}; a volume may have only one of them",
                          target="key")
        if "configuredAtLaunch" in kinds:
            at_launch.append(j)
            if vol.get("name") is None:
                yield Finding(at, "a volume configured at launch needs a name", target="key")
        elif vol.get("name") is None and (vol.get("efsVolumeConfiguration") is not None or vol.get("s3filesVolumeConfiguration") is not None):
            yield Finding(at, "an EFS or S3 Files volume needs a name for mount points to use", target="key")
    for j in at_launch[1:]:
        yield Finding(("volumes", j, "configuredAtLaunch"), f"volumes #{at_launch[0] + 1} and #{j + 1} are both configured at "
                      "launch; a task definition may have only one")
