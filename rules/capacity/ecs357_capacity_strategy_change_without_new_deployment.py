"""
## What it does
Checks Terraform plans that update an existing `aws_ecs_service` in place: when the update switches
the service from `launch_type` to a `capacity_provider_strategy`, or changes the strategy of a
service that already has one, `force_new_deployment` must be `true`.

Only Terraform plans are checked: they are the only input that says a change is an update of an
existing service and what the service looked like before (`resource_changes[].change.before`). A
raw CreateService input or a CloudFormation template describes the desired state only.

## Why is this bad?
UpdateService rejects the request: "When switching from launch type to capacity provider strategy
on an existing service, or making a change to a capacity provider strategy on a service that is
already using one, you must force a new deployment." `terraform apply` fails half-way (recent
versions of the AWS provider refuse it with "force_new_deployment should be true when
capacity_provider_strategy is being updated"; older versions replace the service instead, which
shows as a replacement and not as an update in the plan).

## Example
```hcl
resource "aws_ecs_service" "api" {
  # was: launch_type = "FARGATE"
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
}
```

## Use instead
```hcl
resource "aws_ecs_service" "api" {
  capacity_provider_strategy {
    capacity_provider = "FARGATE_SPOT"
    weight            = 1
  }
  force_new_deployment = true
}
```

## Known limitations
A service that used its cluster's default strategy before the change (neither `launch_type` nor a
strategy in the prior state) is not reported: the prior strategy is not in the plan.

## References
- [UpdateService: capacityProviderStrategy and forceNewDeployment](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
- [Capacity provider strategies](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/cluster-capacity-providers.html)
- [Terraform aws_ecs_service: capacity_provider_strategy, force_new_deployment](https://registry.terraform.io/providers/hashicorp/aws/latest/docs/resources/ecs_service)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.capacity._plan_change import forced, strategy_set, strategy_text, unknown_after, update_change


@rule(
    code="ECS357",
    name="capacity-strategy-change-without-new-deployment",
    summary="Capacity provider strategy of a service changed without a new deployment",
    severity="error",
    applies_to=("service",),
    tags=("capacity-providers", "deployments"),
    covers=("SVC-039",),
)
def check(svc: Service) -> Iterator[Finding]:
    change = update_change(svc)
    if change is None or forced(change, svc) or unknown_after(change, "capacity_provider_strategy"):
        return
    before, after = change["before"], change["after"]
    new, old = strategy_set(after.get("capacity_provider_strategy")), strategy_set(before.get("capacity_provider_strategy"))
    if not new or old is None or new == old:
        return
    launch_type = before.get("launch_type")
    if old:
        what = f"changes the capacity provider strategy of the existing service {svc.name} from {strategy_text(old)} to {strategy_text(new)}"
    elif isinstance(launch_type, str) and launch_type:
        what = f"switches the existing service {svc.name} from launch type {launch_type} to capacity provider strategy {strategy_text(new)}"
    else:
        return
    yield Finding(
        ("capacityProviderStrategy",),
        f"this plan {what} without a new deployment; UpdateService rejects that: set force_new_deployment = true",
    )
