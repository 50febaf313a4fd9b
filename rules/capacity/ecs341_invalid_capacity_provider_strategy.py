"""
## What it does
Checks a capacity provider strategy (of a service, a run-task input, or a cluster's
`defaultCapacityProviderStrategy`):

* at most 20 items;
* at most one item with a `base` above 0;
* at least one item with a `weight` above 0 (an omitted `weight` is 0 through the API, the CLI,
  CloudFormation and Terraform);
* Fargate providers (`FARGATE`, `FARGATE_SPOT`) and Auto Scaling group providers are not mixed;
* no provider is listed twice.

## Why is this bad?
CreateService, RunTask and PutClusterCapacityProviders reject such strategies: "Only one capacity
provider in a capacity provider strategy can have a base defined", a strategy "can only contain Auto
Scaling group or Fargate capacity providers, but not both", and when every weight is 0 the request
fails with `There are no capacity providers with a weight value greater than zero ...`.

## Example
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 4, "capacityProviderStrategy": [
  {"capacityProvider": "FARGATE", "base": 1},
  {"capacityProvider": "FARGATE_SPOT", "base": 1}]}
```

## Use instead
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 4, "capacityProviderStrategy": [
  {"capacityProvider": "FARGATE", "base": 1, "weight": 1},
  {"capacityProvider": "FARGATE_SPOT", "weight": 3}]}
```

## References
- [Capacity provider strategies](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-capacity-providers.html)
- [CapacityProviderStrategyItem](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html)
- [All-zero weights error (terraform-aws-modules/terraform-aws-ecs#27)](https://github.com/terraform-aws-modules/terraform-aws-ecs/issues/27)

## Known limitations
Duplicate providers (CP-009) are inferred to fail; the catalog could not confirm where. The all-zero
check also applies to a single-item strategy, as observed for cluster default strategies.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.documents.base import Resource
from ecslint.model import Finding
from ecslint.registry import rule
from ecslint.rules.capacity._util import is_fargate_provider, number, provider_label, provider_name, strategies


@rule(
    code="ECS341",
    name="invalid-capacity-provider-strategy",
    summary="Capacity provider strategy that ECS rejects",
    severity="error",
    applies_to=("service", "run-task", "cluster"),
    tags=("capacity-providers",),
    covers=("CP-003", "CP-006", "CP-007", "CP-008", "CP-009"),
)
def check(res: Resource) -> Iterator[Finding]:
    for _, ptr, items in strategies(res):
        if len(items) > 20:
            yield Finding(ptr, f"a capacity provider strategy holds at most 20 providers; got {len(items)}")
        objs = [(i, it) for i, it in enumerate(items) if isinstance(it, dict)]
        with_base = [(i, it) for i, it in objs if (number(it, "base") or 0) > 0]
        if len(with_base) > 1:
            names = ", ".join(f"{provider_label(it)} (base {number(it, 'base')})" for _, it in with_base)
            yield Finding(ptr + (with_base[1][0], "base"), f"only one capacity provider of a strategy can have a base above 0; "
                          f"got {names}; keep the base on one provider and set the others to 0")
        weights = [number(it, "weight") for _, it in objs]
        if objs and len(objs) == len(items) and all(w == 0 for w in weights):
            omitted = all(it.get("weight") is None for _, it in objs)
            why = " (weight omitted means 0 through the API, CLI, CloudFormation and Terraform)" if omitted else ""
            yield Finding(ptr, f"every capacity provider of the strategy has weight 0{why}; at least one provider must "
                          f"have a weight above 0, e.g. weight: 1 on {provider_label(objs[0][1])}")
        kinds = [(i, it, is_fargate_provider(it)) for i, it in objs]
        fargate = [provider_label(it) for _, it, f in kinds if f is True]
        asg = [(i, provider_label(it)) for i, it, f in kinds if f is False]
        if fargate and asg:
            yield Finding(ptr + (asg[0][0], "capacityProvider"), f"a strategy contains either Fargate or Auto Scaling group "
                          f"capacity providers, not both; got {', '.join(dict.fromkeys(fargate))} with {', '.join(dict.fromkeys(n for _, n in asg))}")
        seen: dict[str, int] = {}
        for i, it in objs:
            name = provider_name(it)
            if name is None:
                continue
            if name in seen:
                yield Finding(ptr + (i, "capacityProvider"), f"capacity provider {name} is listed twice (items {seen[name] + 1} "
                              f"and {i + 1}); list each provider once with its combined base and weight")
            else:
                seen[name] = i
