"""
## What it does
Checks that a service or run-task input does not set both `launchType` and a non-empty
`capacityProviderStrategy`, and that it does not ask for `MANAGED_INSTANCES` through `launchType`.

## Why is this bad?
The two are mutually exclusive: "If a `launchType` is specified, the `capacityProviderStrategy`
parameter must be omitted." CreateService and RunTask reject the request. ECS Managed Instances are
reached only through a capacity provider strategy ("you must use the capacityProviderStrategy request
parameter and omit the launchType").

## Example
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "FARGATE",
 "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]}
```

## Use instead
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
 "capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]}
```

## References
- [CreateService: launchType and capacityProviderStrategy](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
- [RunTask: launchType](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html)
- [Capacity provider strategies](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-capacity-providers.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.capacity._util import placeholder_strategy, provider_label
from ecslint.values import as_str


@rule(
    code="ECS340",
    name="launch-type-with-capacity-provider-strategy",
    summary="launchType and capacityProviderStrategy are both set",
    severity="error",
    applies_to=("service", "run-task"),
    tags=("capacity-providers",),
    covers=("SVC-009", "CP-011", "RT-003", "SVC-008"),
)
def check(svc: Service) -> Iterator[Finding]:
    lt = svc.data.get("launchType")
    if lt is None:
        return
    strategy = svc.data.get("capacityProviderStrategy")
    lt_s = as_str(lt)
    if lt_s == "MANAGED_INSTANCES":
        yield Finding(("launchType",), "launchType MANAGED_INSTANCES is not accepted; omit launchType and use a "
                      "capacityProviderStrategy naming the Managed Instances capacity provider")
        return
    if isinstance(strategy, list) and strategy and not placeholder_strategy(strategy):
        names = ", ".join(provider_label(i) for i in strategy)
        shown = lt_s if lt_s is not None else "(unknown)"
        yield Finding(("launchType",), f"launchType {shown} and capacityProviderStrategy ({names}) are mutually exclusive; "
                      f"keep the strategy and remove launchType, or remove the strategy", target="key")
