"""
## What it does
Checks the `loadBalancers` of every service that runs on Fargate (a `FARGATE` launch type, or a
capacity provider strategy, its own or its cluster's default, made only of `FARGATE`/`FARGATE_SPOT`)
for Classic Load Balancers (`loadBalancerName`).

When the task definition is part of the same run and uses `awsvpc`, ECS307
(load-balancer-container-mismatch) already reports the Classic Load Balancer; this rule reports the
other cases: the task definition is registered elsewhere, or its network mode is not known.

## Why is this bad?
Fargate tasks always use the `awsvpc` network mode, and services with `awsvpc` tasks only support
Application Load Balancers and Network Load Balancers (with target type `ip`). CreateService rejects
a Classic Load Balancer for a Fargate service.

## Example
```json
{"serviceName": "web", "taskDefinition": "web:3", "desiredCount": 2, "launchType": "FARGATE",
 "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}},
 "loadBalancers": [{"loadBalancerName": "web-elb", "containerName": "web", "containerPort": 80}]}
```

## Use instead
```json
{"serviceName": "web", "taskDefinition": "web:3", "desiredCount": 2, "launchType": "FARGATE",
 "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"]}},
 "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef",
                    "containerName": "web", "containerPort": 80}]}
```

## Known limitations
Whether the target group's target type is `ip` (required for Fargate) is not checked: target groups
are not part of the linted resources.

## References
- [Use load balancing to distribute Amazon ECS service traffic](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-load-balancing.html)
- [CreateService: loadBalancers](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
- [AWS Fargate for Amazon ECS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/AWS_Fargate.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.values import Reference, as_str


@rule(
    code="ECS213",
    name="fargate-classic-load-balancer",
    summary="Service on Fargate uses a Classic Load Balancer",
    severity="error",
    applies_to=("service", "run-task"),
    tags=("fargate", "load-balancing"),
    covers=("FG-012",),
)
def check(svc: Service) -> Iterator[Finding]:
    target, why = svc.launch_target
    lbs = svc.data.get("loadBalancers")
    if target != "FARGATE" or not isinstance(lbs, list):
        return
    td = svc.task_definition
    if td is not None and td.containers_known and as_str(td.network_mode) == "awsvpc":
        return  # ECS307 reports the Classic Load Balancer for awsvpc task definitions
    for i, lb in enumerate(lbs):
        if not isinstance(lb, dict) or lb.get("targetGroupArn") not in (None, ""):
            continue
        name = lb.get("loadBalancerName")
        if name is None or name == "":
            continue
        label = repr(as_str(name)) if as_str(name) else name.target if isinstance(name, Reference) else "(not known before deployment)"
        yield Finding(
            ("loadBalancers", i, "loadBalancerName"),
            f"Classic Load Balancer {label} cannot front Fargate tasks ({svc.kind} {svc.name} {why}); "
            "use an Application or Network Load Balancer target group with target type ip (targetGroupArn)",
            target="key",
        )
