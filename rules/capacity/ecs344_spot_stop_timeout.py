"""
## What it does
For a service or run-task whose capacity provider strategy (its own, or its cluster's default) can
place tasks on `FARGATE_SPOT`, checks the `stopTimeout` of the essential containers of its task
definition: unset (30 seconds) or below 120 seconds, and above 120 seconds.

## Why is this bad?
When Fargate reclaims Spot capacity, the task gets a two-minute warning: ECS sends `SIGTERM` and
stops the task. A container keeps only its `stopTimeout` (30 seconds by default) to drain
connections and finish work before `SIGKILL`; raise it towards 120 seconds and handle `SIGTERM`.
Time beyond 120 seconds is lost: Fargate's maximum `stopTimeout` is 120 seconds and the Spot task
is gone after two minutes anyway.

## Example
```json
{"serviceName": "worker", "taskDefinition": "worker", "desiredCount": 3,
 "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]}
```
with a task definition whose `worker` container sets no `stopTimeout`.

## Use instead
```json
{"family": "worker", "containerDefinitions": [
  {"name": "worker", "image": "example/worker:1.4", "stopTimeout": 120}]}
```

## References
- [Fargate capacity providers: handling Fargate Spot interruptions](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html)
- [ContainerDefinition: stopTimeout](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-stopTimeout)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules._common import essential
from ecslint.rules.capacity._util import known_td, origin_word, spot_entry, who
from ecslint.values import as_int


@rule(
    code="ECS344",
    name="spot-stop-timeout",
    summary="Fargate Spot task whose containers get less than the two-minute warning",
    severity="warning",
    applies_to=("service", "run-task"),
    tags=("capacity-providers", "spot", "reliability"),
    covers=("CP-018", "CT-063"),
)
def check(svc: Service) -> Iterator[Finding]:
    source, ptr = spot_entry(svc)
    td = known_td(svc)
    if source is None or td is None:
        return
    resource = None if source is svc else source
    where = origin_word(source, svc)
    short, long_ = [], []
    for i, c in td.containers:
        if essential(c) is not True:
            continue
        raw = c.get("stopTimeout")
        value = 30 if raw is None else as_int(raw)
        if value is None:
            continue
        label = td.container_label(i)
        if value < 120:
            rel = Related(td, ("containerDefinitions", i, "stopTimeout") if raw is not None else ("containerDefinitions", i),
                          f"container {label} of task definition {td.name}", target="value" if raw is not None else "key")
            short.append((label, value, raw is None, rel))
        elif value > 120:
            long_.append((label, value, Related(td, ("containerDefinitions", i, "stopTimeout"), f"container {label}")))
    if short:
        plural = "s" if len(short) > 1 else ""
        parts = ", ".join(f"{lb} {'has no stopTimeout (30 s)' if unset else f'stops after {v} s'}" for lb, v, unset, _ in short)
        yield Finding(ptr, f"{who(svc)} can run on FARGATE_SPOT{where}, which gives a two-minute warning before "
                      f"reclaiming the task, but essential container{plural} {parts}; set stopTimeout up to 120 and handle SIGTERM",
                      resource=resource, related=tuple(r for *_, r in short))
    for label, value, rel in long_:
        yield Finding(ptr, f"{who(svc)} can run on FARGATE_SPOT{where}: container {label} asks for stopTimeout "
                      f"{value} s but a Spot task is stopped two minutes after the warning; use at most 120",
                      resource=resource, related=(rel,))
