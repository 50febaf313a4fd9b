"""
## What it does
Checks a container's own `memory`, `memoryReservation` and `cpu`: the hard limit `memory` must not
be lower than the soft limit `memoryReservation`, none may be negative, and a memory value below
6 MiB cannot start a container.

## Why is this bad?
`memory` is the hard limit at which the container is killed and `memoryReservation` the soft limit
ECS reserves on the instance; ECS requires `memory` to be greater than `memoryReservation` and
rejects the task definition otherwise. Docker (20.10 and later) refuses memory limits below 6 MiB,
so such a container never starts.

## Example
```json
{"family": "web", "containerDefinitions": [
  {"name": "app", "image": "nginx:1.27", "memory": 256, "memoryReservation": 512}]}
```

## Use instead
```json
{"family": "web", "containerDefinitions": [
  {"name": "app", "image": "nginx:1.27", "memory": 512, "memoryReservation": 256}]}
```

## References
- [ContainerDefinition: memory and memoryReservation](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-memoryReservation)
- [awsdocs/amazon-ecs-developer-guide#242 (equal values are accepted)](https://github.com/awsdocs/amazon-ecs-developer-guide/pull/242)

## Known limitations
Equal `memory` and `memoryReservation` are accepted by ECS and not reported.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import as_int

MIN_MIB = 6


@rule(
    code="ECS120",
    name="invalid-container-resources",
    summary="Container memory is below its memoryReservation, negative or too small",
    severity="error",
    applies_to=("task-definition",),
    tags=("resources", "containers"),
    covers=("CT-006", "CT-007", "CT-008"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        label = td.container_label(i)
        values = {k: as_int(c.get(k)) for k in ("memory", "memoryReservation", "cpu")}
        for key, v in values.items():
            if v is not None and v < 0:
                yield Finding(("containerDefinitions", i, key), f"container {label} {key} must not be negative; got {v}")
        mem, res = values["memory"], values["memoryReservation"]
        if mem is not None and res is not None and 0 <= mem < res:
            yield Finding(
                ("containerDefinitions", i, "memory"),
                f"container {label} memory (hard limit) {mem} MiB is below its memoryReservation (soft limit) {res} MiB; "
                f"memory must be at least {res}, or lower memoryReservation",
            )
        for key in ("memory", "memoryReservation"):
            v = values[key]
            if v is not None and 0 < v < MIN_MIB:
                yield Finding(
                    ("containerDefinitions", i, key),
                    f"container {label} {key} is {v} MiB; Docker needs at least {MIN_MIB} MiB, so the container cannot start",
                    severity=Severity.WARNING,
                )
