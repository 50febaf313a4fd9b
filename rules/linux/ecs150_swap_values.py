"""
## What it does
Checks the swap settings of every container: `linuxParameters.maxSwap` must be 0 or more, and
`linuxParameters.swappiness` a whole number from 0 to 100.

## Why is this bad?
ECS rejects other values when the task definition is registered. `maxSwap: 0` turns swap off for
the container; a positive value is the swap it may use in MiB. `swappiness` is the kernel's
tendency to swap (60 by default); 0 means swap only when it must, 100 swap eagerly.

## Example
```json
{"name": "web", "image": "nginx", "memory": 512,
 "linuxParameters": {"maxSwap": -1, "swappiness": 150}}
```

## Use instead
```json
{"name": "web", "image": "nginx", "memory": 512,
 "linuxParameters": {"maxSwap": 1024, "swappiness": 60}}
```

## References
- [LinuxParameters: maxSwap and swappiness](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html)
- [Managing container swap memory space on Amazon ECS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-swap.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import as_int, is_unknown


@rule(
    code="ECS150",
    name="swap-values",
    summary="maxSwap is negative or swappiness is outside 0-100",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers", "swap"),
    covers=("SW-001", "SW-002"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        lp = c.get("linuxParameters")
        if not isinstance(lp, dict):
            continue
        label = td.container_label(i)
        max_swap = lp.get("maxSwap")
        if max_swap is not None and not is_unknown(max_swap):
            n = as_int(max_swap)
            if n is not None and n < 0:
                yield Finding(
                    ("containerDefinitions", i, "linuxParameters", "maxSwap"),
                    f"container {label}: maxSwap must be 0 (swap off) or a positive number of MiB; got {n}",
                )
        swappiness = lp.get("swappiness")
        if swappiness is not None and not is_unknown(swappiness):
            n = as_int(swappiness)
            if n is not None and not 0 <= n <= 100:
                yield Finding(
                    ("containerDefinitions", i, "linuxParameters", "swappiness"),
                    f"container {label}: swappiness must be from 0 to 100 (default 60); got {n}",
                )
