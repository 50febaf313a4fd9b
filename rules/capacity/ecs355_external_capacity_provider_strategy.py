"""
## What it does
Flags a service or run-task input that places its tasks through a capacity provider strategy (its
own, or the default strategy of its cluster when the cluster is part of the run) while its task
definition requires only `EXTERNAL` (ECS Anywhere).

## Why is this bad?
"Amazon ECS capacity providers aren't supported" with external instances: tasks for ECS Anywhere
are placed only with `launchType: EXTERNAL`. Through a strategy the tasks go to Fargate or Auto
Scaling group capacity, which the `EXTERNAL`-only task definition does not support, and the
service or run-task fails.

## Example
```json
{"serviceName": "edge", "cluster": "onprem", "taskDefinition": "edge-agent", "desiredCount": 1,
 "capacityProviderStrategy": [{"capacityProvider": "onprem-asg", "weight": 1}]}
```

## Use instead
```json
{"serviceName": "edge", "cluster": "onprem", "taskDefinition": "edge-agent", "desiredCount": 1,
 "launchType": "EXTERNAL"}
```

## References
- [External instances (Amazon ECS Anywhere): considerations](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-anywhere.html)
- [CreateService: launchType](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)

## Known limitations
Only task definitions of the run whose `requiresCompatibilities` is exactly `["EXTERNAL"]` are
considered: a task definition that also lists `EC2` may legitimately run through an Auto Scaling
group capacity provider.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.capacity._util import effective, origin_word, placeholder_strategy, provider_label, who


@rule(
    code="ECS355",
    name="external-capacity-provider-strategy",
    summary="ECS Anywhere (EXTERNAL-only) task placed through a capacity provider strategy",
    severity="error",
    applies_to=("service", "run-task"),
    tags=("capacity-providers", "external"),
    covers=("CP-021",),
)
def check(svc: Service) -> Iterator[Finding]:
    td = svc.task_definition
    if td is None or td.requires != {"EXTERNAL"}:
        return
    source, ptr, items = effective(svc)
    if source is None or not items or placeholder_strategy(items):
        return
    if source is not svc and svc.data.get("deploymentController", {}) == {"type": "EXTERNAL"}:
        return  # task sets of an EXTERNAL controller carry their own launch type
    names = ", ".join(provider_label(i) for i in items)
    related = (Related(td, ("requiresCompatibilities",), f"task definition {td.name}"),)
    if source is not svc:
        related += (Related(source, ptr, f"cluster {source.name}"),)
    yield Finding(ptr if source is svc else (), f"{who(svc)} places task definition {td.name}, which requires only EXTERNAL "
                  f"(ECS Anywhere), through capacity provider{'s' if len(items) > 1 else ''} {names}{origin_word(source, svc)}; external instances do "
                  f"not support capacity providers: set launchType EXTERNAL and remove the strategy",
                  target="value" if source is svc else "key", related=related)
