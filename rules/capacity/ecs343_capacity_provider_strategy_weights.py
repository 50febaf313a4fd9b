"""
## What it does
Flags capacity provider strategy items that probably do not do what was meant:

* `capacityProvider` given as an ARN instead of the provider's short name;
* an item that omits `weight` in a strategy where other items have one: the API, CLI,
  CloudFormation and Terraform default is 0 (the console's is 1);
* an item with `weight: 0` and no `base` in a strategy of several items: it never receives a task;
* a `base` above the service's `desiredCount` (or the run-task `count`): only that many tasks are
  placed there.

## Why is this bad?
The request is accepted, but tasks do not land where the strategy suggests. A provider with weight 0
is considered only for its base; a provider ARN "may be accepted but then doesn't work".

## Example
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "capacityProviderStrategy": [
  {"capacityProvider": "FARGATE", "base": 4, "weight": 1},
  {"capacityProvider": "FARGATE_SPOT"}]}
```

## Use instead
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "capacityProviderStrategy": [
  {"capacityProvider": "FARGATE", "base": 1, "weight": 1},
  {"capacityProvider": "FARGATE_SPOT", "weight": 1}]}
```

## References
- [Capacity provider strategies: base and weight](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-capacity-providers.html)
- [CapacityProviderStrategyItem](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html)
- [Provider ARN in a strategy (hashicorp/terraform-provider-aws#11817)](https://github.com/hashicorp/terraform-provider-aws/issues/11817)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.documents.base import Resource
from ecslint.model import Finding
from ecslint.registry import rule
from ecslint.rules.capacity._util import count_of, number, provider_label, provider_name, strategies


@rule(
    code="ECS343",
    name="capacity-provider-strategy-weights",
    summary="Strategy item that never or rarely receives tasks",
    severity="warning",
    applies_to=("service", "run-task", "cluster"),
    tags=("capacity-providers",),
    covers=("CP-002", "CP-012", "CP-013", "CP-014"),
)
def check(res: Resource) -> Iterator[Finding]:
    count = count_of(res) if res.kind != "cluster" else None
    noun = "count" if res.kind == "run-task" else "desiredCount"
    for _, ptr, items in strategies(res):
        objs = [(i, it) for i, it in enumerate(items) if isinstance(it, dict)]
        weights = [number(it, "weight") for _, it in objs]
        any_positive = any((w or 0) > 0 for w in weights)
        for i, it in objs:
            name = provider_name(it)
            label = provider_label(it)
            if name and name.startswith("arn:"):
                short = name.rsplit("/", 1)[-1]
                yield Finding(ptr + (i, "capacityProvider"), f"capacityProvider is an ARN ({name}); a strategy takes the "
                              f"provider's short name, e.g. {short}")
            weight, base = number(it, "weight"), number(it, "base")
            if weight is None or base is None or not any_positive or len(objs) < 2:
                pass
            elif it.get("weight") is None:
                yield Finding(ptr + (i,), f"capacity provider {label} omits weight, which means 0 through the API, CLI, "
                              f"CloudFormation and Terraform (the console uses 1), so "
                              + (f"it only gets its base of {base} task(s)" if base else "it never receives a task")
                              + "; set weight explicitly, e.g. weight: 1", target="key")
            elif weight == 0 and base == 0:
                yield Finding(ptr + (i, "weight"), f"capacity provider {label} has weight 0 and no base, so it never "
                              f"receives a task; give it a weight above 0 or a base, or remove it")
            if base and count is not None and base > count:
                yield Finding(ptr + (i, "base"), f"base {base} of capacity provider {label} is above the {noun} {count}: "
                              f"only {count} task(s) are placed there; lower base to at most {count}")
