"""
## What it does
Finds containers with `privileged: true`.

## Why is this bad?
A privileged container gets all Linux capabilities and access to the host's devices: a compromise
of the container is a compromise of the instance and of every other task on it. AWS recommends
against it; grant only the capabilities the container needs with
`linuxParameters.capabilities.add`. (Fargate does not offer privileged containers at all.)

## Example
```json
{"family": "agent", "containerDefinitions": [
  {"name": "agent", "image": "my-agent:5.1.0", "memory": 256, "privileged": true}]}
```

## Use instead
```json
{"family": "agent", "containerDefinitions": [
  {"name": "agent", "image": "my-agent:5.1.0", "memory": 256,
   "linuxParameters": {"capabilities": {"add": ["NET_ADMIN"]}}}]}
```

## References
- [Task definition parameters: privileged](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security)
- [Amazon ECS security best practices: tasks and containers](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import is_true


@rule(
    code="ECS137",
    name="privileged-container",
    summary="Container runs in privileged mode",
    severity="warning",
    applies_to=("task-definition",),
    tags=("security", "containers"),
    security_severity=8.0,
    covers=("CT-034",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        if is_true(c.get("privileged")):
            yield Finding(
                ("containerDefinitions", i, "privileged"),
                f"container {td.container_label(i)} is privileged, with root-level access to the host: remove privileged "
                "and add only the Linux capabilities it needs (linuxParameters.capabilities.add)",
            )
