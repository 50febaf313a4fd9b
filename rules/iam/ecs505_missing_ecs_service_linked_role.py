"""
## What it does
When the run holds the account's complete role list (`aws iam get-account-authorization-details`
output, with its `RoleDetailList`), checks that it has the ECS service-linked role
`AWSServiceRoleForECS` (path `/aws-service-role/ecs.amazonaws.com/`) whenever a service of the run
needs it: `awsvpc` networking (`networkConfiguration`), service discovery (`serviceRegistries`),
a load balancer without a legacy service `role` or with several target groups (`loadBalancers`),
Service Connect (`serviceConnectConfiguration`) or the `EXTERNAL` deployment controller
(`deploymentController`). A CloudFormation template (`AWS::IAM::ServiceLinkedRole`) or Terraform
plan (`aws_iam_service_linked_role`) of the run that creates the role for `ecs.amazonaws.com`
counts as present.

## Why is this bad?
ECS uses this role to manage the task's network interfaces, register targets with the load
balancer and manage Cloud Map records. ECS creates it on the first CreateCluster or CreateService,
but only when the caller is allowed `iam:CreateServiceLinkedRole`; in accounts set up only by
infrastructure code the first deployment then fails, often with `Unable to assume the service
linked role. Please verify that the ECS service linked role exists.` (the new role is not yet
usable). Creating it up front avoids both.

## Example
An `iam.json` (get-account-authorization-details) with no `AWSServiceRoleForECS`, beside:
```json
{"serviceName": "web", "cluster": "prod", "taskDefinition": "web", "desiredCount": 2,
 "launchType": "FARGATE",
 "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}}}
```

## Use instead
Create the role once per account, before the first cluster or service:
```yaml
Resources:
  EcsServiceLinkedRole:
    Type: AWS::IAM::ServiceLinkedRole
    Properties:
      AWSServiceName: ecs.amazonaws.com
```
(or `aws iam create-service-linked-role --aws-service-name ecs.amazonaws.com`).

## Known limitations
Silent without a complete role list: `aws iam get-role` output or a truncated
(`IsTruncated: true`) page of get-account-authorization-details proves nothing. The rule cannot
tell whether the role list belongs to the account of the services, except that it stays silent
when the services name (in ARNs) only other accounts than the roles. A service from
describe-services output (it has a `serviceArn`) already exists, so its account has the role: silent. A template that creates the
role but holds no ECS or IAM resource ecslint reads is not seen.

## References
- [Using service-linked roles for Amazon ECS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using-service-linked-roles.html)
- [CreateService: role](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
- [AWS::IAM::ServiceLinkedRole](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-iam-servicelinkedrole.html)
- [GetAccountAuthorizationDetails](https://docs.aws.amazon.com/IAM/latest/APIReference/API_GetAccountAuthorizationDetails.html)
"""
from __future__ import annotations

import os
import re
import weakref
from collections.abc import Iterator
from typing import Any

from ecslint.model import Finding, Related
from ecslint.project import Project, Role, Service
from ecslint.registry import rule
from ecslint.rules.iam._util import ECS_SLR_NAME, creates_ecs_service_linked_role, is_ecs_service_linked_role, slr_features, source_object
from ecslint.values import as_str

_ACCOUNT = re.compile(r"^arn:[\w-]+:[\w-]+:[^:]*:(\d{12}):")
_STATE: weakref.WeakKeyDictionary[Project, tuple[Role, set[str]] | None] = weakref.WeakKeyDictionary()


def _missing(project: Project) -> tuple[Role, set[str]] | None:
    """(first role of the account's role list, its accounts) when a complete role list lacks the role."""
    if project in _STATE:
        return _STATE[project]
    roles = [r for r in project.of_kind("iam-role") if isinstance(r, Role)]
    lists = {id(r.document): r for r in roles if r.document.kind == "iam" and isinstance(r.document.data, dict)
             and isinstance(r.document.data.get("RoleDetailList"), list)}
    state: tuple[Role, set[str]] | None = None
    truncated = any(r.document.data.get("IsTruncated") is True for r in lists.values())
    if lists and not truncated and not any(is_ecs_service_linked_role(r) for r in roles):
        docs = {id(r.document): r.document for r in project.resources}
        if not any(creates_ecs_service_linked_role(d.data) for d in docs.values()):
            first = sorted(lists.values(), key=lambda r: r.document.path)[0]
            accounts = {m.group(1) for r in roles if id(r.document) in lists
                        for m in [_ACCOUNT.match(as_str(r.data.get("Arn")) or "")] if m}
            state = (first, accounts)
    _STATE[project] = state
    return state


def _service_accounts(svc: Service) -> set[str]:
    values = [svc.data.get(k) for k in ("cluster", "taskDefinition", "role")]
    return {m.group(1) for v in values for m in [_ACCOUNT.match(as_str(v) or "")] if m}


@rule(
    code="ECS505",
    name="missing-ecs-service-linked-role",
    summary="The account's role list has no ECS service-linked role AWSServiceRoleForECS",
    severity="warning",
    applies_to=("service",),
    tags=("iam", "services"),
    covers=("IAM-051",),
)
def check(svc: Service) -> Iterator[Finding]:
    if svc.project is None:
        return
    state = _missing(svc.project)
    if state is None:
        return
    first, accounts = state
    own = _service_accounts(svc)
    if own and accounts and not own & accounts:
        return  # the role list is of another account
    raw = source_object(svc)
    if isinstance(raw, dict) and (raw.get("serviceArn") or raw.get("createdAt")):
        return  # describe-services output: the service exists, so its account has the role
    features = slr_features(svc)
    if not features:
        return
    whats = [what for _, what in features]
    needs = whats[0] if len(whats) == 1 else f"{', '.join(whats[:-1])} and {whats[-1]}"
    listing = os.path.basename(first.document.path)
    yield Finding(
        features[0][0],
        f"service {svc.name} uses {needs}, which need{'s' if len(features) == 1 else ''} the ECS service-linked role "
        f"{ECS_SLR_NAME}; the account's role list {listing} has none, and ECS creates it on the first CreateCluster or "
        f"CreateService only if the caller may call iam:CreateServiceLinkedRole: create it first (aws iam "
        f"create-service-linked-role --aws-service-name ecs.amazonaws.com, or AWS::IAM::ServiceLinkedRole / "
        f"aws_iam_service_linked_role)",
        target="key",
        related=(Related(first, (), f"role list {os.path.basename(first.document.path)} (no {ECS_SLR_NAME})"),),
    )
