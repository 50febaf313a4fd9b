"""
## What it does
Checks `networkConfiguration.awsvpcConfiguration` of a service or run-task input: 1 to 16
`subnets`, at most 5 `securityGroups`, and `assignPublicIp: ENABLED` only for tasks on Fargate
(not with the `EC2` launch type or an Auto Scaling group capacity provider).

## Why is this bad?
`subnets` is required, with "a limit of 16 subnets"; security groups have "a limit of 5". Task
network interfaces on EC2 instances cannot get public IP addresses: the API answers
`Assign public IP is not supported for this launch type.`

## Example
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "EC2",
 "networkConfiguration": {"awsvpcConfiguration": {"subnets": [], "assignPublicIp": "ENABLED"}}}
```

## Use instead
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "launchType": "EC2",
 "networkConfiguration": {"awsvpcConfiguration": {"subnets": ["subnet-0a1b2c3d"], "securityGroups": ["sg-0a1b2c3d"]}}}
```

## References
- [AwsVpcConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_AwsVpcConfiguration.html)
- [Task networking for the awsvpc network mode](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html)
- assignPublicIp on EC2: docs/research/verified-facts.md item 7 ([nathanpeck/socket.io-chat-fargate#3](https://github.com/nathanpeck/socket.io-chat-fargate/issues/3))
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service._util import who


@rule(
    code="ECS306",
    name="awsvpc-configuration-invalid",
    summary="awsvpcConfiguration subnets, security groups or public IP not accepted",
    severity="error",
    applies_to=("service", "run-task"),
    tags=("networking",),
    covers=("NW-012", "NW-013", "NW-016"),
)
def check(svc: Service) -> Iterator[Finding]:
    nc = svc.data.get("networkConfiguration")
    cfg = nc.get("awsvpcConfiguration") if isinstance(nc, dict) else None
    if not isinstance(cfg, dict):
        return
    base = ("networkConfiguration", "awsvpcConfiguration")
    subnets = cfg.get("subnets")
    if subnets is None or (isinstance(subnets, list) and not subnets):
        yield Finding(base + (("subnets",) if subnets is not None else ()), f"{who(svc)} needs at least one subnet in "
                      f"awsvpcConfiguration.subnets", target="key")
    elif isinstance(subnets, list) and len(subnets) > 16:
        yield Finding(base + ("subnets",), f"awsvpcConfiguration allows at most 16 subnets; got {len(subnets)}")
    sgs = cfg.get("securityGroups")
    if isinstance(sgs, list) and len(sgs) > 5:
        yield Finding(base + ("securityGroups",), f"awsvpcConfiguration allows at most 5 security groups; got {len(sgs)}")
    target, why = svc.launch_target
    if cfg.get("assignPublicIp") == "ENABLED" and target in ("EC2", "EXTERNAL"):
        yield Finding(base + ("assignPublicIp",), f"public IPs for task network interfaces exist only on Fargate; {who(svc)} "
                      f"{why} (API: 'Assign public IP is not supported for this launch type'): use DISABLED and route "
                      f"through a NAT gateway")
