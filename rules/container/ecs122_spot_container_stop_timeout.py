"""
## What it does
Finds essential containers that keep the default `stopTimeout` in a task that a service or
run-task of the same run places on `FARGATE_SPOT`.

## Why is this bad?
Fargate Spot reclaims capacity with a two-minute warning: ECS sends SIGTERM and, `stopTimeout`
seconds later (30 by default), SIGKILL. An application that does not handle SIGTERM, or needs more
than 30 seconds to drain, loses in-flight work. Raise `stopTimeout` (up to 120 on Fargate) and
handle SIGTERM in the application.

## Example
```json
{"family": "worker", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
 "cpu": "256", "memory": "512", "containerDefinitions": [{"name": "worker", "image": "my-worker:2.0.1"}]}
```
with a service whose `capacityProviderStrategy` uses `FARGATE_SPOT`.

## Use instead
```json
{"family": "worker", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
 "cpu": "256", "memory": "512",
 "containerDefinitions": [{"name": "worker", "image": "my-worker:2.0.1", "stopTimeout": 120}]}
```

## References
- [Fargate capacity providers: handling Spot interruptions](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html)
- [ContainerDefinition: stopTimeout](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-stopTimeout)

## Known limitations
Whether the application traps SIGTERM cannot be seen in the files; the rule only points at the
default timeout.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import essential


@rule(
    code="ECS122",
    name="spot-container-stop-timeout",
    summary="Essential container on Fargate Spot keeps the default 30 s stopTimeout",
    severity="warning",
    applies_to=("task-definition",),
    tags=("containers", "spot"),
    covers=("CT-063",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    spot = [r for r in td.runners if r.uses_spot]
    if not spot:
        return
    runner = spot[0]
    _, source = runner.effective_strategy
    source = source or runner
    key = "capacityProviderStrategy" if source is runner else "defaultCapacityProviderStrategy"
    for i, c in td.containers:
        if essential(c) is True and c.get("stopTimeout") is None:
            yield Finding(
                ("containerDefinitions", i),
                f"{runner.kind} {runner.name} runs this task on FARGATE_SPOT, but essential container {td.container_label(i)} "
                "keeps the default stopTimeout of 30 s: set stopTimeout (up to 120) and handle SIGTERM to drain "
                "before the Spot interruption",
                target="key",
                related=(Related(source, (key,), f"{source.kind} {source.name} uses FARGATE_SPOT"),),
            )
