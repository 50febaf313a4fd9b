"""
## What it does
Flags a container with `linuxParameters.maxSwap` above 0 but no container-level `memory` (hard
limit).

## Why is this bad?
ECS sets Docker's `--memory-swap` to the container's `memory` plus `maxSwap`: the swap allowance is
added on top of a hard memory limit. Without `memory` (only `memoryReservation`, or only task-level
memory) there is no container limit to add it to, so the value does not describe what the container
may use (Docker itself refuses a swap limit without a memory limit).

## Example
```json
{"name": "cache", "image": "redis:7", "memoryReservation": 256, "linuxParameters": {"maxSwap": 512}}
```

## Use instead
```json
{"name": "cache", "image": "redis:7", "memoryReservation": 256, "memory": 512, "linuxParameters": {"maxSwap": 512}}
```

## Known limitations
The catalog marks this inference as unconfirmed by AWS (SW-008); it relies on the API doc of
`maxSwap` and Docker's `--memory-swap` semantics. Whether the instance has swap at all (ECS-optimized
AMIs ship without it) cannot be seen from the files.

## References
- [LinuxParameters: maxSwap](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html)
- [Managing container swap memory space on Amazon ECS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-swap.html)
- [Docker: --memory-swap details](https://docs.docker.com/engine/containers/resource_constraints/#--memory-swap-details)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import as_int


@rule(
    code="ECS156",
    name="max-swap-without-memory-limit",
    summary="maxSwap is set on a container without a memory hard limit",
    severity="warning",
    applies_to=("task-definition",),
    tags=("containers", "swap"),
    covers=("SW-008",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        lp = c.get("linuxParameters")
        if not isinstance(lp, dict) or "memory" in c:
            continue
        swap = as_int(lp.get("maxSwap"))
        if swap is not None and swap > 0:
            yield Finding(
                ("containerDefinitions", i, "linuxParameters", "maxSwap"),
                f"container {td.container_label(i)}: maxSwap {swap} is added to the container's memory hard limit, "
                "but the container sets no memory; set memory (MiB) on the container",
            )
