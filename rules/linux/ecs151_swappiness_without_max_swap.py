"""
## What it does
Flags a container that sets `linuxParameters.swappiness` but not `linuxParameters.maxSwap`.

## Why is this bad?
Without `maxSwap`, ECS ignores `swappiness`: the container simply uses the host's swap settings.
The value looks like it tunes swapping, but it has no effect at all.

## Example
```json
{"name": "web", "image": "nginx", "memory": 512, "linuxParameters": {"swappiness": 10}}
```

## Use instead
```json
{"name": "web", "image": "nginx", "memory": 512, "linuxParameters": {"maxSwap": 512, "swappiness": 10}}
```

## References
- [LinuxParameters: swappiness](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html)
- [Managing container swap memory space on Amazon ECS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-swap.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule


@rule(
    code="ECS151",
    name="swappiness-without-max-swap",
    summary="swappiness is ignored because maxSwap is not set",
    severity="warning",
    applies_to=("task-definition",),
    tags=("containers", "swap"),
    covers=("SW-003",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        lp = c.get("linuxParameters")
        if isinstance(lp, dict) and "swappiness" in lp and "maxSwap" not in lp:
            yield Finding(
                ("containerDefinitions", i, "linuxParameters", "swappiness"),
                f"container {td.container_label(i)}: swappiness has no effect without maxSwap; set maxSwap (MiB of swap, 0 to turn swap off)",
                target="key",
            )
