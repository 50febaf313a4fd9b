"""
## What it does
Finds task definitions with `pidMode: host` or `ipcMode: host`.

## Why is this bad?
With `host`, the containers share the instance's process (or IPC) namespace: they can see and
signal every process on the host, or read other tasks' shared memory. AWS warns of a "heightened
risk of undesired process namespace exposure". Use `task` to share only between the containers of
the task.

## Example
```json
{"family": "agent", "pidMode": "host", "ipcMode": "host",
 "containerDefinitions": [{"name": "agent", "image": "my-agent:5.1.0", "memory": 256}]}
```

## Use instead
```json
{"family": "agent", "pidMode": "task", "ipcMode": "task",
 "containerDefinitions": [{"name": "agent", "image": "my-agent:5.1.0", "memory": 256}]}
```

## References
- [RegisterTaskDefinition: pidMode and ipcMode](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-pidMode)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule

WHAT = {"pidMode": "process", "ipcMode": "IPC (shared memory)"}


@rule(
    code="ECS108",
    name="host-namespace-sharing",
    summary="Task shares the host's process or IPC namespace",
    severity="warning",
    applies_to=("task-definition",),
    tags=("security", "linux"),
    security_severity=6.5,
    covers=("TD-021",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for key, what in WHAT.items():
        if td.data.get(key) == "host":
            yield Finding((key,), f"{key} host shares the instance's {what} namespace with every container of the task: "
                          f"use {key} task unless the container must see the host")
