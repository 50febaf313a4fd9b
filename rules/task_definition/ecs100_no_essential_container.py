"""
## What it does
Checks that at least one container of a task definition is essential. A container is essential
unless it sets `essential: false`.

## Why is this bad?
ECS rejects the task definition: every task needs at least one essential container, because the
task stops when an essential container stops. With none, ECS could not tell when the task ends.

## Example
```json
{"family": "jobs", "containerDefinitions": [
  {"name": "worker", "image": "busybox", "memory": 128, "essential": false},
  {"name": "sidecar", "image": "busybox", "memory": 64, "essential": false}]}
```

## Use instead
```json
{"family": "jobs", "containerDefinitions": [
  {"name": "worker", "image": "busybox", "memory": 128, "essential": true},
  {"name": "sidecar", "image": "busybox", "memory": 64, "essential": false}]}
```

## References
- [ContainerDefinition: essential](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-essential)
- [Task definition parameters: essential](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_environment)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import essential


@rule(
    code="ECS100",
    name="no-essential-container",
    summary="No container of the task definition is essential",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers",),
    covers=("TD-005",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.containers_known or not td.containers:
        return
    flags = [essential(c) for _, c in td.containers]
    if all(f is False for f in flags):
        labels = [td.container_label(i) for i, _ in td.containers]
        who = f"its only container {labels[0]} sets" if len(labels) == 1 else f"{', '.join(labels)} all set"
        yield Finding(
            ("containerDefinitions",),
            f"no container is essential ({who} essential: false); mark the main container essential: true",
            target="key",
        )
