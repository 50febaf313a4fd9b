"""
## What it does
Checks the task definition `family` and every container `name`: 1-255 letters, digits,
underscores and hyphens.

## Why is this bad?
ECS rejects other characters (spaces, dots, slashes) and longer names when the task definition is
registered.

## Example
```json
{"family": "web.prod", "containerDefinitions": [{"name": "web app", "image": "nginx:1.27", "memory": 256}]}
```

## Use instead
```json
{"family": "web-prod", "containerDefinitions": [{"name": "web-app", "image": "nginx:1.27", "memory": 256}]}
```

## References
- [RegisterTaskDefinition: family](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-family)
- [ContainerDefinition: name](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-name)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import as_str

_NAME = re.compile(r"^[A-Za-z0-9_-]{1,255}$")


def _why(value: str) -> str:
    if not value:
        return "is empty"
    if len(value) > 255:
        return f"has {len(value)} characters"
    bad = sorted({ch for ch in value if not re.match(r"[A-Za-z0-9_-]", ch)})
    return f"contains {', '.join(map(repr, bad))}"


@rule(
    code="ECS113",
    name="invalid-name",
    summary="Task definition family or container name has invalid characters",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers",),
    covers=("TD-002", "CT-001"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    family = as_str(td.data.get("family"))
    if family is not None and not _NAME.match(family):
        yield Finding(("family",), f"family {family!r} {_why(family)}; use 1-255 letters, digits, '_' or '-'")
    for i, c in td.containers:
        name = as_str(c.get("name"))
        if name is not None and not _NAME.match(name):
            yield Finding(("containerDefinitions", i, "name"), f"container name {name!r} {_why(name)}; use 1-255 letters, digits, '_' or '-'")
