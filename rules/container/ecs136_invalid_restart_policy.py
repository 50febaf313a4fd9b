"""
## What it does
Checks each container's `restartPolicy`: at most 50 `ignoredExitCodes`, and a
`restartAttemptPeriod` of 60 to 1800 seconds (default 300).

## Why is this bad?
ECS rejects the task definition when these bounds are exceeded.

## Example
```json
{"family": "worker", "containerDefinitions": [{"name": "worker", "image": "my-worker:2.0.1", "memory": 256,
  "restartPolicy": {"enabled": true, "restartAttemptPeriod": 10}}]}
```

## Use instead
```json
{"family": "worker", "containerDefinitions": [{"name": "worker", "image": "my-worker:2.0.1", "memory": 256,
  "restartPolicy": {"enabled": true, "restartAttemptPeriod": 60}}]}
```

## References
- [ContainerRestartPolicy](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerRestartPolicy.html)
- [Restart individual containers in Amazon ECS tasks](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-restart-policy.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import as_int

MAX_CODES, MIN_PERIOD, MAX_PERIOD = 50, 60, 1800


@rule(
    code="ECS136",
    name="invalid-restart-policy",
    summary="Container restartPolicy is out of bounds",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers",),
    covers=("CT-078",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        rp = c.get("restartPolicy")
        if not isinstance(rp, dict):
            continue
        label, at = td.container_label(i), ("containerDefinitions", i, "restartPolicy")
        codes = rp.get("ignoredExitCodes")
        if isinstance(codes, list) and len(codes) > MAX_CODES:
            yield Finding(at + ("ignoredExitCodes",), f"container {label} restartPolicy lists {len(codes)} ignoredExitCodes; "
                          f"at most {MAX_CODES} are allowed")
        period = as_int(rp.get("restartAttemptPeriod"))
        if period is not None and not MIN_PERIOD <= period <= MAX_PERIOD:
            yield Finding(at + ("restartAttemptPeriod",), f"container {label} restartPolicy restartAttemptPeriod must be "
                          f"{MIN_PERIOD}-{MAX_PERIOD} seconds; got {period}")
