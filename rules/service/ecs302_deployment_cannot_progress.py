"""
## What it does
Checks the rolling deployment settings of a `REPLICA` service with the `ECS` deployment controller
(`deploymentConfiguration.minimumHealthyPercent`, default 100, and `maximumPercent`, default 200)
against its `desiredCount`:

* the deployment can neither start an extra task (`floor(desired × max / 100) ≤ desired`) nor stop
  one (`ceil(desired × min / 100) ≥ desired`), e.g. desired 1 with 100/100, or desired 3 with 75/125;
* `minimumHealthyPercent` above 100, `maximumPercent` below 100, or `maximumPercent` below
  `minimumHealthyPercent`.

## Why is this bad?
The API accepts the service, but every deployment stalls: the scheduler is "unable to stop or start
tasks during a deployment because of the service deployment configuration. Update the
minimumHealthyPercent or maximumPercent value".

## Example
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 1,
 "deploymentConfiguration": {"minimumHealthyPercent": 100, "maximumPercent": 100}}
```

## Use instead
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 1,
 "deploymentConfiguration": {"minimumHealthyPercent": 100, "maximumPercent": 200}}
```

## References
- [Rolling update deployments](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-ecs.html)
- [DeploymentConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_DeploymentConfiguration.html)
- Bounds: AWS publishes none (docs/research/verified-facts.md, item 2), so they are warnings here

## Known limitations
A service with `desiredCount` 0 or an unknown count is not checked.
"""
from __future__ import annotations

import math
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service._util import controller, scheduling
from ecslint.values import as_int, is_unknown


@rule(
    code="ECS302",
    name="deployment-cannot-progress",
    summary="Rolling deployment settings that stall every deployment",
    severity="warning",
    applies_to=("service",),
    tags=("deployments",),
    covers=("SVC-014", "SVC-015"),
)
def check(svc: Service) -> Iterator[Finding]:
    if scheduling(svc) != "REPLICA" or controller(svc) != "ECS":
        return
    dc = svc.data.get("deploymentConfiguration")
    if dc is None:
        dc = {}
    if not isinstance(dc, dict):
        return
    raw_min, raw_max = dc.get("minimumHealthyPercent"), dc.get("maximumPercent")
    if is_unknown(raw_min) or is_unknown(raw_max):
        return
    mn = 100 if raw_min is None else as_int(raw_min)
    mx = 200 if raw_max is None else as_int(raw_max)
    if mn is None or mx is None:
        return
    base = ("deploymentConfiguration",)
    if mn > 100:
        yield Finding(base + ("minimumHealthyPercent",), f"minimumHealthyPercent {mn} is above 100; use at most 100")
    if mx < 100:
        yield Finding(base + ("maximumPercent",), f"maximumPercent {mx} is below 100 for a REPLICA service; use at least 100")
    elif mx < mn:
        yield Finding(base + ("maximumPercent",), f"maximumPercent {mx} is below minimumHealthyPercent {mn}; raise maximumPercent")
    desired = as_int(svc.data.get("desiredCount"))
    if not desired or desired < 0:
        return
    can_start = math.floor(desired * mx / 100) > desired
    can_stop = math.ceil(desired * mn / 100) < desired
    if not can_start and not can_stop:
        ptr = base + ("maximumPercent",) if raw_max is not None else base if dc else ()
        yield Finding(ptr, f"with desiredCount {desired}, minimumHealthyPercent {mn} and maximumPercent {mx} a deployment can "
                      f"neither start an extra task (at most {math.floor(desired * mx / 100)} running) nor stop one (at least "
                      f"{math.ceil(desired * mn / 100)} healthy), so it never progresses; raise maximumPercent to at least "
                      f"{math.ceil((desired + 1) * 100 / desired)} or lower minimumHealthyPercent",
                      target="key" if raw_max is None else "value")
