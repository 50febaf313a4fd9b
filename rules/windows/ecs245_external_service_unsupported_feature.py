"""
## What it does
For services with `launchType: EXTERNAL` (ECS Anywhere), reports `loadBalancers`,
`serviceRegistries`, an enabled `serviceConnectConfiguration` and EBS `volumeConfigurations`; for
run-task inputs with `launchType: EXTERNAL`, EBS `volumeConfigurations`.

## Why is this bad?
ECS Anywhere does not register tasks with Elastic Load Balancing or Cloud Map, does not run the
Service Connect proxy, and cannot attach EBS volumes to machines outside AWS. The service cannot be
created or its tasks cannot start.

## Example
```json
{"serviceName": "edge", "taskDefinition": "edge", "launchType": "EXTERNAL", "desiredCount": 2,
 "loadBalancers": [{"targetGroupArn": "arn:aws:elasticloadbalancing:us-east-1:111122223333:targetgroup/edge/0123456789abcdef",
   "containerName": "edge", "containerPort": 80}]}
```

## Use instead
```json
{"serviceName": "edge", "taskDefinition": "edge", "launchType": "EXTERNAL", "desiredCount": 2}
```
(put your own load balancer in front of the external instances)

## References
- [External instances (Amazon ECS Anywhere): considerations](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-anywhere.html)
- [Amazon EBS volumes with Amazon ECS: considerations](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ebs-volumes.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.fargate._util import nonempty
from ecslint.values import is_false


@rule(
    code="ECS245",
    name="external-service-unsupported-feature",
    summary="ECS Anywhere service uses load balancers, Cloud Map, Service Connect or EBS",
    severity="error",
    applies_to=("service", "run-task"),
    tags=("external",),
    covers=("EXT-002", "EXT-003", "VOL-042"),
)
def check(svc: Service) -> Iterator[Finding]:
    if svc.data.get("launchType") != "EXTERNAL":
        return
    who = f"{svc.kind} {svc.name} sets launchType EXTERNAL"
    if svc.kind == "service":
        if nonempty(svc.data.get("loadBalancers")):
            yield Finding(("loadBalancers",), f"load balancers are not supported for ECS Anywhere services; remove loadBalancers ({who})", target="key")
        if nonempty(svc.data.get("serviceRegistries")):
            yield Finding(("serviceRegistries",), f"Cloud Map serviceRegistries are not supported for ECS Anywhere services ({who})", target="key")
        sc = svc.data.get("serviceConnectConfiguration")
        if isinstance(sc, dict) and not is_false(sc.get("enabled")) and sc.get("enabled") is not None:
            yield Finding(("serviceConnectConfiguration",), f"Service Connect is not supported on external instances ({who})", target="key")
    if nonempty(svc.data.get("volumeConfigurations")):
        yield Finding(("volumeConfigurations",), f"EBS volumes cannot be attached to tasks on external instances ({who})", target="key")
