"""
## What it does
Flags a container that is `privileged: true` and also lists `linuxParameters.capabilities`.

## Why is this bad?
A privileged container already has every capability; Docker ignores `--cap-add` and `--cap-drop`
for it. A `drop` list that looks like hardening therefore removes nothing, and an `add` list hides
that the container is fully privileged.

## Example
```json
{"name": "net", "image": "example/net:1", "privileged": true,
 "linuxParameters": {"capabilities": {"add": ["NET_ADMIN"], "drop": ["ALL"]}}}
```

## Use instead
```json
{"name": "net", "image": "example/net:1",
 "linuxParameters": {"capabilities": {"add": ["NET_ADMIN"], "drop": ["ALL"]}}}
```

## References
- [KernelCapabilities](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html)
- [ContainerDefinition: privileged](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-privileged)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.linux._util import capability_lists
from ecslint.values import is_true


@rule(
    code="ECS153",
    name="capabilities-with-privileged",
    summary="Capabilities are ignored on a privileged container",
    severity="warning",
    applies_to=("task-definition",),
    tags=("containers", "linux"),
    covers=("LP-003",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        lp = c.get("linuxParameters")
        if not is_true(c.get("privileged")) or not isinstance(lp, dict) or not capability_lists(lp):
            continue
        yield Finding(
            ("containerDefinitions", i, "linuxParameters", "capabilities"),
            f"container {td.container_label(i)} is privileged, so its capabilities add/drop lists have no effect; "
            "remove privileged: true and grant only the capabilities it needs",
            target="key",
        )
