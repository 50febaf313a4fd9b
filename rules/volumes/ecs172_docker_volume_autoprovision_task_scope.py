"""
## What it does
Flags a `dockerVolumeConfiguration` with `autoprovision: true` and `scope: task` (or no scope:
`task` is the default).

## Why is this bad?
`autoprovision` creates a *shared* Docker volume when it does not exist yet; it is only used with
`scope: shared`. For a task-scoped volume, which ECS always creates when the task starts and deletes
when it stops, the developer guide says the parameter must be omitted or false.

## Example
```json
{"name": "cache", "dockerVolumeConfiguration": {"driver": "local", "autoprovision": true}}
```

## Use instead
```json
{"name": "cache", "dockerVolumeConfiguration": {"driver": "local", "scope": "shared", "autoprovision": true}}
```

## References
- [DockerVolumeConfiguration: autoprovision](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DockerVolumeConfiguration.html)
- [Docker volumes](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/docker-volumes.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.volumes._util import volumes
from ecslint.values import is_true


@rule(
    code="ECS172",
    name="docker-volume-autoprovision-task-scope",
    summary="autoprovision is set on a task-scoped Docker volume",
    severity="error",
    applies_to=("task-definition",),
    tags=("volumes",),
    covers=("VOL-003",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for k, v in volumes(td):
        dvc = v.get("dockerVolumeConfiguration")
        if not isinstance(dvc, dict) or not is_true(dvc.get("autoprovision")):
            continue
        scope = dvc.get("scope", "task")
        if scope == "task":
            how = "scope task" if "scope" in dvc else "no scope (task is the default)"
            yield Finding(("volumes", k, "dockerVolumeConfiguration", "autoprovision"),
                          f"volume {v.get('name', k)!r}: autoprovision only applies to shared volumes, but it has {how}; set scope: shared or remove autoprovision")
