"""
## What it does
Checks two fixed ECS quotas of a task definition: at most 10 container definitions, and at most
64 KiB for the whole task definition (its JSON, as sent to `RegisterTaskDefinition`).

## Why is this bad?
Both quotas ("Containers per task definition" = 10 and "Task definition size" = 64 KiB) cannot be
raised. `RegisterTaskDefinition` (and so the CloudFormation or Terraform deployment) fails.

## Example
```json
{"family": "all-in-one", "containerDefinitions": [
  {"name": "c1", "image": "busybox:1.36", "memory": 64}, "... 10 more containers ..."]}
```

## Use instead
Split the task into several task definitions (one service each) so that each has at most 10
containers; move large environment blocks into `environmentFiles` or `secrets`.

## References
- [Amazon ECS service quotas](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html)
- Quota values confirmed in docs/research/verified-facts.md (item 14)

## Known limitations
Values not known before deployment (parameters, references) are counted with their placeholder
text, so the size is a lower bound; the rule reports only what is certainly too large.
"""
from __future__ import annotations

import json
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule

MAX_CONTAINERS = 10
MAX_BYTES = 64 * 1024


def _plain(value: object) -> object:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return ""


@rule(
    code="ECS101",
    name="task-definition-quota",
    summary="Task definition has more than 10 containers or exceeds 64 KiB",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers", "quotas"),
    covers=("TD-004", "TD-007"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    defs = td.data.get("containerDefinitions")
    if isinstance(defs, list) and len(defs) > MAX_CONTAINERS:
        yield Finding(
            ("containerDefinitions",),
            f"task definition has {len(defs)} containers; ECS allows at most {MAX_CONTAINERS} per task definition "
            "(not adjustable): split it into several task definitions",
            target="key",
        )
    size = len(json.dumps(_plain(td.data), separators=(",", ":"), ensure_ascii=False).encode("utf-8"))
    if size > MAX_BYTES:
        yield Finding(
            (),
            f"task definition is {size} bytes ({size / 1024:.1f} KiB); ECS allows at most 64 KiB (not adjustable): "
            "move large environment blocks to environmentFiles or secrets",
            target="key",
        )
