"""
## What it does
Warns when a Terraform plan updates an existing service to turn `enable_execute_command` on
without `force_new_deployment = true`. Only Terraform plans say that a change is an update of an
existing service (and what the value was before); CloudFormation replaces the tasks on every
service update, so it is not checked there.

## Why is this bad?
ECS Exec is wired into a task when the task starts. UpdateService with `enableExecuteCommand`
changes the setting for tasks started from then on, but the running tasks keep running without it:
`execute-command` keeps failing until the next deployment, which may be weeks away.

## Example
```hcl
resource "aws_ecs_service" "api" {
  enable_execute_command = true   # was false
}
```

## Use instead
```hcl
resource "aws_ecs_service" "api" {
  enable_execute_command = true
  force_new_deployment   = true
}
```

## References
- [Using ECS Exec: turning it on for an existing service](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html)
- [UpdateService: enableExecuteCommand, forceNewDeployment](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_UpdateService.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.exec._util import exec_enabled


def _before(svc: Service) -> object:
    """``enable_execute_command`` before the change, from the plan's resource_changes."""
    changes = svc.document.data.get("resource_changes") if isinstance(svc.document.data, dict) else None
    for rc in changes if isinstance(changes, list) else []:
        if isinstance(rc, dict) and rc.get("address") == svc.meta.get("address"):
            before = (rc.get("change") or {}).get("before")
            return before.get("enable_execute_command") if isinstance(before, dict) else None
    return None


@rule(
    code="ECS438",
    name="exec-enabled-without-new-deployment",
    summary="ECS Exec turned on for an existing service without a new deployment",
    severity="warning",
    applies_to=("service",),
    tags=("exec", "deployments"),
    covers=("EX-014", "SVC-042"),
)
def check(svc: Service) -> Iterator[Finding]:
    if svc.meta.get("actions") != ["update"] or not exec_enabled(svc):
        return
    if svc.meta.get("force_new_deployment") is True or _before(svc) is not False:
        return
    yield Finding(
        ("enableExecuteCommand",),
        f"this plan turns ECS Exec on for the existing service {svc.name}, but its running tasks keep running without it; "
        "set force_new_deployment = true (or start a new deployment) so that the tasks are replaced",
    )
