"""
## What it does
For a service with Service Connect enabled whose tasks run on EC2 container instances (launch type
`EC2`, or Auto Scaling group capacity providers of the same template or plan), finds the container
instance role in the same CloudFormation template or Terraform plan (the role of an instance
profile, `AWS::IAM::InstanceProfile` / `aws_iam_instance_profile`, that `ec2.amazonaws.com` may
assume) and checks that its policies allow `ecs:Poll` on the cluster's task sets
(`arn:aws:ecs:<region>:<account>:task-set/<cluster>/*`).

## Why is this bad?
On EC2, the ECS agent polls for the Service Connect configuration of the service's task sets with
the instance role. Without `ecs:Poll` on the task-set resources, the Service Connect proxy of the
tasks does not get its configuration and the tasks do not become healthy. The AWS-managed
`AmazonEC2ContainerServiceforEC2Role` allows it (on `*`).

## Example
```yaml
InstanceRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Statement: [{Effect: Allow, Principal: {Service: ec2.amazonaws.com}, Action: sts:AssumeRole}]
    Policies:
      - PolicyName: ecs-agent
        PolicyDocument:
          Statement:
            - Effect: Allow
              Action: [ecs:RegisterContainerInstance, ecs:DiscoverPollEndpoint, ecs:Submit*]
              Resource: "*"
```

## Use instead
```yaml
    ManagedPolicyArns:
      - arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role
```
or add `ecs:Poll` on `arn:aws:ecs:${AWS::Region}:${AWS::AccountId}:task-set/*` (and on the
container instances) to the role's policy.

## Known limitations
Only a role of the same template or plan is checked, and only when the instance profiles make it
the one container instance role. A Condition on the Allow (for example `ecs:cluster`, which the
AWS CDK adds) gives a note: whether it applies to the task-set poll is not known statically (see
aws/aws-cdk issue 28594, where it broke Service Connect). A statement scoped to region or account
values the rule cannot compare stays silent.

## References
- [Service Connect considerations (container instance role)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts-deploy.html)
- [Amazon ECS container instance IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/instance_IAM_role.html)
- [AmazonEC2ContainerServiceforEC2Role](https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEC2ContainerServiceforEC2Role.html)
- [aws/aws-cdk#28594: instance role condition breaks the Service Connect agent](https://github.com/aws/aws-cdk/issues/28594)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.iam import Verdict, closest_policy, evaluate
from ecslint.model import Finding, Related, Severity
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.iam._util import (
    arn, condition_keys, condition_only, ec2_launch, instance_role, related_policy, related_statement, role_label,
)
from ecslint.values import as_str, is_true

_CLUSTER_ARN = re.compile(r"^arn:([\w-]+):ecs:([a-z0-9-]+):(\d{12}):cluster/(.+)$")
EC2_POLICY = "arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role"


def _task_set_arn(svc: Service) -> tuple[str, str]:
    """(a task-set ARN of the service to evaluate, the ARN pattern to show)."""
    partition, region, account = "${AWS::Partition}", "${AWS::Region}", "${AWS::AccountId}"
    cluster = svc.cluster.cluster_name if svc.cluster is not None else None
    m = _CLUSTER_ARN.match(as_str(svc.data.get("cluster")) or "")
    if m:
        partition, region, account, cluster = m.group(1), m.group(2), m.group(3), cluster or m.group(4)
    if cluster is None and as_str(svc.data.get("cluster")) and not m:
        cluster = as_str(svc.data.get("cluster"))
    name = as_str(svc.data.get("serviceName")) or "${service}"
    shown = f"arn:{partition}:ecs:{region}:{account}:task-set/{cluster or '*'}/*"
    return arn("arn", partition, "ecs", region, account, f"task-set/{cluster or '${cluster}'}/{name}/ecs-svc/0000000000000000"), shown


@rule(
    code="ECS506",
    name="instance-role-missing-ecs-poll",
    summary="Service Connect on EC2, but the container instance role does not allow ecs:Poll",
    severity="warning",
    applies_to=("service",),
    tags=("iam", "service-connect"),
    covers=("IAM-052",),
)
def check(svc: Service) -> Iterator[Finding]:
    sc = svc.data.get("serviceConnectConfiguration")
    if not isinstance(sc, dict) or not is_true(sc.get("enabled")):
        return
    why = ec2_launch(svc)
    if why is None:
        return
    role = instance_role(svc)
    if role is None:
        return
    resource, shown = _task_set_arn(svc)
    d = evaluate(role.policies, "ecs:Poll", resource)
    label = role_label(role)
    related = [Related(role, (), f"container instance role {label}")]
    head = f"service {svc.name} uses Service Connect on EC2 ({why}), so the ECS agent polls its task sets with the " \
           f"container instance role {label}"
    if d.verdict is Verdict.DENIED:
        rel = related_statement(d.statements[0], f"the Deny: {d.statements[0].describe()}")
        related += [rel] if rel else []
        yield Finding(("serviceConnectConfiguration",), f"{head}, but ecs:Poll on {shown} is {d.reason}; remove the "
                      f"Deny", target="key", related=tuple(related))
    elif d.verdict is Verdict.NOT_ALLOWED:
        closest = closest_policy(role.policies, ["ecs:Poll"])
        rel = related_policy(closest, f"closest policy: {closest.name}") if closest is not None else None
        related += [rel] if rel else []
        yield Finding(("serviceConnectConfiguration",), f"{head}, which does not allow ecs:Poll on {shown}; attach "
                      f"{EC2_POLICY} or allow ecs:Poll on arn:aws:ecs:<region>:<account>:task-set/*", target="key",
                      related=tuple(related))
    elif d.verdict is Verdict.MAYBE and condition_only(d):
        rel = related_statement(d.statements[0])
        related += [rel] if rel else []
        cdk = " (an ecs:cluster Condition is known not to match this poll: aws/aws-cdk#28594)" if any(
            "ecs:cluster" in condition_keys(ref) for ref in d.statements) else ""
        yield Finding(("serviceConnectConfiguration",), f"{head}, which allows ecs:Poll only under a Condition: "
                      f"{d.reason}{cdk}; allow ecs:Poll on the task sets without it", target="key",
                      related=tuple(related), severity=Severity.NOTE)
