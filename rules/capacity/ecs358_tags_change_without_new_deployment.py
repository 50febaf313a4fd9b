"""
## What it does
Warns when a Terraform plan updates an existing `aws_ecs_service` in place and changes how its tasks
are tagged (`propagate_tags`, `enable_ecs_managed_tags`, or the service's tags while
`propagate_tags = "SERVICE"`) without `force_new_deployment = true` and without any other change
that starts a deployment (a new task definition, network configuration, platform version...).

Only Terraform plans are checked: they are the only input that says a change is an update of an
existing service and what it was before. Turning ECS Exec on the same way is rule ECS438.

## Why is this bad?
Tags are put on a task when it is launched. UpdateService accepts the new `propagateTags` and
`enableECSManagedTags`, but the running tasks keep the tags they were started with until the
next deployment: cost allocation, tag-based IAM conditions and automation that rely on the task tags
silently see the old ones, perhaps for weeks.

## Example
```hcl
resource "aws_ecs_service" "api" {
  propagate_tags          = "SERVICE"   # was "NONE"
  enable_ecs_managed_tags = true
}
```

## Use instead
```hcl
resource "aws_ecs_service" "api" {
  propagate_tags          = "SERVICE"
  enable_ecs_managed_tags = true
  force_new_deployment    = true
}
```

## References
- [UpdateService: propagateTags, enableECSManagedTags, forceNewDeployment](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
- [Tagging Amazon ECS resources](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-using-tags.html)
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.capacity._plan_change import deploys, forced, unknown_after, update_change


def _tags(values: dict[str, Any]) -> Any:
    tags = values.get("tags_all")
    return tags if isinstance(tags, dict) else values.get("tags") or {}


@rule(
    code="ECS358",
    name="tags-change-without-new-deployment",
    summary="Task tagging of an existing service changed without a new deployment",
    severity="warning",
    applies_to=("service",),
    tags=("tagging", "deployments"),
    covers=("SVC-042",),
)
def check(svc: Service) -> Iterator[Finding]:
    change = update_change(svc)
    if change is None or forced(change, svc) or deploys(change):
        return
    before, after = change["before"], change["after"]
    changed: list[tuple[tuple[str, ...], str]] = []
    for key, canon, default in (("propagate_tags", "propagateTags", "NONE"), ("enable_ecs_managed_tags", "enableECSManagedTags", False)):
        old, new = before.get(key), after.get(key)
        if unknown_after(change, key) or new is None or (old or default) == (new or default):
            continue
        changed.append(((canon,), f"{key} of the existing service {svc.name} from {_show(old)} to {_show(new)},"))
    if after.get("propagate_tags") == "SERVICE" and not unknown_after(change, "tags_all") and not unknown_after(change, "tags"):
        if _tags(before) != _tags(after):
            pointer = ("tags",) if svc.data.get("tags") is not None else ("propagateTags",)
            changed.append((pointer, f"the tags of the existing service {svc.name}, which propagate_tags = \"SERVICE\" copies to its tasks,"))
    for pointer, what in changed:
        yield Finding(
            pointer,
            f"this plan changes {what} but its running tasks keep the tags they were "
            "started with until the next deployment; set force_new_deployment = true (or start a new deployment)",
        )


def _show(v: Any) -> str:
    if v is None or v == "":
        return "unset"
    return f'"{v}"' if isinstance(v, str) else str(v).lower()
