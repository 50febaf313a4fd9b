"""
## What it does
Checks `placementConstraints` and `placementStrategy` of a service or run-task input:

* neither is used on Fargate (a `FARGATE` launch type or Fargate capacity providers);
* at most 5 placement strategy rules; `random` takes no `field`, `binpack` takes `cpu` or `memory`;
* a `distinctInstance` constraint takes no `expression`; at most 10 constraints counting the task
  definition's own `placementConstraints`.

## Why is this bad?
"If you're using the Fargate launch type, task placement constraints aren't supported" (CreateService:
`Placement constraints are not supported with FARGATE launch type.`); Fargate spreads tasks across
Availability Zones itself. The other limits are part of the PlacementStrategy and
PlacementConstraint API shapes.

## Example
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE",
 "placementStrategy": [{"type": "spread", "field": "attribute:ecs.availability-zone"}]}
```

## Use instead
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE"}
```

## References
- [PlacementConstraint](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementConstraint.html)
- [PlacementStrategy](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PlacementStrategy.html)
- [Task placement](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-placement.html)
- API text: [GetSimpl/cloudlift#138](https://github.com/GetSimpl/cloudlift/pull/138)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service._util import fargate_target, who
from ecslint.values import as_str


@rule(
    code="ECS310",
    name="invalid-placement",
    summary="Placement constraints or strategies that ECS rejects",
    severity="error",
    applies_to=("service", "run-task"),
    tags=("placement", "fargate"),
    covers=("FG-071", "SVC-031", "RT-011", "SVC-029", "SVC-030"),
)
def check(svc: Service) -> Iterator[Finding]:
    pc, ps = svc.data.get("placementConstraints"), svc.data.get("placementStrategy")
    why = fargate_target(svc)
    if why:
        for key, what in (("placementConstraints", "placement constraints"), ("placementStrategy", "placement strategies")):
            v = svc.data.get(key)
            if isinstance(v, list) and v:
                yield Finding((key,), f"{what} are not supported on Fargate ({who(svc)} {why}); remove {key}: Fargate "
                              f"spreads tasks across Availability Zones itself", target="key")
        return
    if isinstance(ps, list):
        if len(ps) > 5:
            yield Finding(("placementStrategy",), f"at most 5 placement strategy rules are allowed; got {len(ps)}")
        for i, s in enumerate(ps):
            if not isinstance(s, dict):
                continue
            t, f = as_str(s.get("type")), s.get("field")
            if t == "random" and f is not None:
                yield Finding(("placementStrategy", i, "field"), "the random placement strategy takes no field; remove it", target="key")
            elif t == "binpack" and as_str(f) and f.lower() not in ("cpu", "memory"):
                yield Finding(("placementStrategy", i, "field"), f"binpack packs by cpu or memory; got field {f!r}")
    if isinstance(pc, list):
        for i, c in enumerate(pc):
            if isinstance(c, dict) and c.get("type") == "distinctInstance" and c.get("expression") is not None:
                yield Finding(("placementConstraints", i, "expression"), "a distinctInstance constraint takes no expression; "
                              "remove it, or use type memberOf", target="key")
        td = svc.task_definition
        own = td.data.get("placementConstraints") if td is not None else None
        total = len(pc) + (len(own) if isinstance(own, list) else 0)
        if total > 10:
            yield Finding(("placementConstraints",), f"at most 10 placement constraints are allowed, counting the task "
                          f"definition's; got {total}")
