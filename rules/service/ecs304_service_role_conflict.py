"""
## What it does
Checks the service's `role` (CloudFormation `Role`, Terraform `iam_role`): it must not be set when
the task definition uses the `awsvpc` network mode, when the service uses service discovery
(`serviceRegistries`), the `EXTERNAL` deployment controller or several target groups, and it must
not be set without `loadBalancers`.

## Why is this bad?
Those services use the ECS service-linked role; "If your task definition uses the awsvpc network
mode, don't specify a role", and "if you specify the role parameter, you must also specify a load
balancer object". CreateService fails (commonly reported text: `You cannot specify an IAM role for
services that require a service linked role.`).

## Example
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
 "role": "arn:aws:iam::123456789012:role/ecsServiceRole",
 "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
```

## Use instead
Remove `role`; ECS uses its service-linked role `AWSServiceRoleForECS`.

## References
- [CreateService: role](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
- [Service-linked role for Amazon ECS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-service-linked-roles.html)

## Known limitations
A role given by a parameter or a condition is not checked (it may be empty).
A service-linked role ARN (path `/aws-service-role/`), as describe-services reports it, is accepted.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service._util import controller, network_mode
from ecslint.values import Reference, as_str, is_unknown


@rule(
    code="ECS304",
    name="service-role-conflict",
    summary="Service sets an IAM role where the service-linked role is required",
    severity="error",
    applies_to=("service",),
    tags=("services", "iam"),
    covers=("SVC-011", "SVC-012"),
)
def check(svc: Service) -> Iterator[Finding]:
    role = svc.data.get("role")
    if role is None or role == "" or "/aws-service-role/" in (as_str(role) or ""):
        return
    if is_unknown(role) and not isinstance(role, Reference):
        return  # a parameter or a condition (Fn::If with AWS::NoValue): may be empty
    reasons = []
    td = svc.task_definition
    related = ()
    if td is not None and network_mode(td) == "awsvpc":
        reasons.append(f"task definition {td.name} uses the awsvpc network mode")
        related = (Related(td, ("networkMode",), f"task definition {td.name}"),)
    regs = svc.data.get("serviceRegistries")
    if isinstance(regs, list) and regs:
        reasons.append("it uses service discovery (serviceRegistries)")
    if controller(svc) == "EXTERNAL":
        reasons.append("it uses the EXTERNAL deployment controller")
    lbs = svc.data.get("loadBalancers")
    tgs = [lb for lb in lbs if isinstance(lb, dict) and lb.get("targetGroupArn") is not None] if isinstance(lbs, list) else []
    if len(tgs) > 1:
        reasons.append(f"it registers with {len(tgs)} target groups")
    if reasons:
        yield Finding(("role",), f"service {svc.name} must not set role because {'; '.join(reasons)}: such services use the "
                      f"ECS service-linked role; remove role", target="key", related=related)
    elif lbs is None or (isinstance(lbs, list) and not lbs):
        yield Finding(("role",), f"service {svc.name} sets role but has no loadBalancers; the role is only used to register "
                      f"tasks with a load balancer: remove role or add loadBalancers", target="key")
