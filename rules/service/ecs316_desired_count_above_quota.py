"""
## What it does
Flags a `desiredCount` above the default service quotas: 5,000 tasks per service, and 1,000 tasks for
a service that registers its tasks in AWS Cloud Map (`serviceRegistries`, or Service Connect
with `services`).

## Why is this bad?
ECS does not start more tasks than the quota allows, and Cloud Map accepts at most 1,000 instances
per service: the service never reaches its desired count and deployments do not complete. The
quotas can sometimes be raised; check them before scaling this far.

## Example
```json
{"serviceName": "api", "taskDefinition": "api", "desiredCount": 1500,
 "serviceRegistries": [{"registryArn": "arn:aws:servicediscovery:eu-west-1:123456789012:service/srv-0a1b2c3d4e5f6a7b"}]}
```

## Use instead
Split the workload over several services of at most 1,000 tasks each, or request a quota increase.

## References
- [Amazon ECS service quotas](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-quotas.html)
- [AWS Cloud Map quotas](https://docs.aws.amazon.com/cloud-map/latest/dg/cloud-map-limits.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.values import as_int, is_false


@rule(
    code="ECS316",
    name="desired-count-above-quota",
    summary="desiredCount above the tasks-per-service or Cloud Map quota",
    severity="warning",
    applies_to=("service",),
    tags=("services", "quotas"),
    covers=("SVC-038", "NW-021"),
)
def check(svc: Service) -> Iterator[Finding]:
    n = as_int(svc.data.get("desiredCount"))
    if n is None or n <= 1000:
        return
    if n > 5000:
        yield Finding(("desiredCount",), f"desiredCount {n} is above the default quota of 5000 tasks per service; split the "
                      f"service or request a quota increase")
        return
    regs = svc.data.get("serviceRegistries")
    sc = svc.data.get("serviceConnectConfiguration")
    via = ("service discovery (serviceRegistries)" if isinstance(regs, list) and regs else
           "Service Connect" if isinstance(sc, dict) and not is_false(sc.get("enabled")) and isinstance(sc.get("services"), list)
           and sc["services"] else None)
    if via:
        yield Finding(("desiredCount",), f"desiredCount {n} is above 1000, the AWS Cloud Map quota of instances per service "
                      f"that {via} registers the tasks in; keep each service at 1000 tasks or fewer")
