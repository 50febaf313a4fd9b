"""
## What it does
Checks the ECS infrastructure roles a service hands to ECS, when the role is part of the run:

* `volumeConfigurations[].managedEBSVolume.roleArn` (EBS volumes managed by ECS),
* `vpcLatticeConfigurations[].roleArn` (VPC Lattice target groups),
* `loadBalancers[].advancedConfiguration.roleArn` (blue/green listener rules),
* `serviceConnectConfiguration.services[].tls.roleArn` (Service Connect TLS).

Each must trust the ECS service principal `ecs.amazonaws.com` with `sts:AssumeRole` (not only the
task principal `ecs-tasks.amazonaws.com`). The EBS role must also be able to create, tag, attach,
detach, describe and delete volumes: attach
`arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForVolumes` or grant the
same `ec2:` actions. A permission that is only granted under a Condition, or by a policy that is not
in the run, is not reported.

## Why is this bad?
ECS assumes the infrastructure role itself, outside of any task. When it cannot, the task's EBS
volume is never created (tasks stop before they start), the Lattice target or the blue/green
listener rules are never registered, and the deployment stalls. Removing the trust or the
permissions while tasks run leaves them stuck in `DEPROVISIONING` with volumes left behind.

## Example
```yaml
  EbsRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: sts:AssumeRole}]
  Service:
    Type: AWS::ECS::Service
    Properties:
      VolumeConfigurations:
        - Name: data
          ManagedEBSVolume: {RoleArn: !GetAtt EbsRole.Arn, SizeInGiB: 20}
```

## Use instead
```yaml
      AssumeRolePolicyDocument:
        Statement: [{Effect: Allow, Principal: {Service: ecs.amazonaws.com}, Action: sts:AssumeRole}]
      ManagedPolicyArns:
        - arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForVolumes
```

## Known limitations
Only the EBS role's permissions are checked; for Lattice, blue/green and Service Connect TLS the
rule checks the trust policy (the matching managed policies are
`AmazonECSInfrastructureRolePolicyForVpcLattice`, `AmazonECSInfrastructureRolePolicyForLoadBalancers`
and `AmazonECSInfrastructureRolePolicyForServiceConnectTransportLayerSecurity`). The trust
principal was confirmed from the "Amazon ECS infrastructure IAM role" page (docs/research/verified-facts.md, item 10).

## References
- [Amazon ECS infrastructure IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/infrastructure_IAM_role.html)
- [AmazonECSInfrastructureRolePolicyForLoadBalancers](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AmazonECSInfrastructureRolePolicyForLoadBalancers.html)
- [ServiceManagedEBSVolumeConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceManagedEBSVolumeConfiguration.html)
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecslint.iam import Verdict, evaluate, trust_allows
from ecslint.model import Finding, Related
from ecslint.project import Role, Service
from ecslint.registry import rule
from ecslint.rules.iam._util import ECS_TASKS, role_label, trust_statement_pointer
from ecslint.values import Unknown

ECS = "ecs.amazonaws.com"
EBS_ACTIONS = ("ec2:CreateVolume", "ec2:CreateTags", "ec2:AttachVolume", "ec2:DetachVolume", "ec2:DescribeVolumes", "ec2:DeleteVolume")
EBS_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonECSInfrastructureRolePolicyForVolumes"


def _roles(svc: Service) -> Iterator[tuple[tuple[Any, ...], str, Any]]:
    """(pointer of the roleArn, what the role is for, value)."""
    for key, sub, what in (("volumeConfigurations", ("managedEBSVolume", "roleArn"), "EBS volume"),
                           ("vpcLatticeConfigurations", ("roleArn",), "VPC Lattice configuration"),
                           ("loadBalancers", ("advancedConfiguration", "roleArn"), "blue/green load balancer")):
        items = svc.data.get(key)
        for i, item in enumerate(items if isinstance(items, list) else []):
            value = svc.get(key, i, *sub)
            if value is not None:
                name = item.get("name") if key == "volumeConfigurations" and isinstance(item, dict) else None
                yield (key, i, *sub), f"{what} {name!s}" if isinstance(name, str) else what, value
    services = svc.get("serviceConnectConfiguration", "services")
    for i, _ in enumerate(services if isinstance(services, list) else []):
        value = svc.get("serviceConnectConfiguration", "services", i, "tls", "roleArn")
        if value is not None:
            yield ("serviceConnectConfiguration", "services", i, "tls", "roleArn"), "Service Connect TLS", value


def _trust(svc: Service, ptr: tuple[Any, ...], what: str, role: Role) -> Finding | None:
    d = trust_allows(role.trust_document, ECS)
    if d.verdict in (Verdict.ALLOWED, Verdict.MAYBE) or role.trust_document is None:
        return None
    rel: list[Related] = [Related(role, ("AssumeRolePolicyDocument",), f"trust policy of role {role_label(role)}")]
    head = f"the {what} of service {svc.name} uses infrastructure role {role_label(role)}, "
    if d.verdict is Verdict.DENIED:
        rel[0] = Related(role, trust_statement_pointer(role, d.statements[0]), "the Deny")
        return Finding(ptr, head + f"but its trust policy denies sts:AssumeRole to {ECS} ({d.reason}); remove the Deny",
                       related=tuple(rel))
    tasks = trust_allows(role.trust_document, ECS_TASKS).verdict is Verdict.ALLOWED
    got = f"trusts only {ECS_TASKS} (the principal of task roles)" if tasks else f"does not let {ECS} assume it"
    return Finding(ptr, head + f"which {got}; ECS assumes it as {ECS}: add an Allow statement with "
                   f"Principal {{\"Service\": \"{ECS}\"}} and Action sts:AssumeRole", related=tuple(rel))


def _ebs(svc: Service, ptr: tuple[Any, ...], what: str, role: Role) -> Finding | None:
    missing = [a for a in EBS_ACTIONS if evaluate(role.policies, a, Unknown("volume")).verdict in (Verdict.NOT_ALLOWED, Verdict.DENIED)]
    if not missing:
        return None
    return Finding(ptr, f"the {what} of service {svc.name} uses infrastructure role {role_label(role)}, which does not allow "
                   f"{', '.join(missing)}; ECS cannot manage the task's volume: attach {EBS_POLICY} (or grant these actions)",
                   related=(Related(role, (), f"role {role_label(role)}"),))


@rule(
    code="ECS504",
    name="infrastructure-role",
    summary="Infrastructure role does not trust ecs.amazonaws.com or lacks EBS permissions",
    severity="warning",
    applies_to=("service",),
    tags=("iam", "trust"),
    covers=("IAM-007",),
)
def check(svc: Service) -> Iterator[Finding]:
    if svc.project is None:
        return
    for ptr, what, value in _roles(svc):
        role = svc.project.resolve_role(value, svc)
        if role is None:
            continue
        f = _trust(svc, ptr, what, role)
        if f is not None:
            yield f
        if ptr[0] == "volumeConfigurations":
            f = _ebs(svc, ptr, what, role)
            if f is not None:
                yield f
