"""
## What it does
Flags `healthCheckGracePeriodSeconds` on a service that has nothing for it to delay: no
`loadBalancers`, no `vpcLatticeConfigurations` and no container `healthCheck` in its task
definition. A negative value is an error.

## Why is this bad?
The grace period is the time "the Amazon ECS service scheduler ignores unhealthy Elastic Load
Balancing, VPC Lattice, and container health checks after a task has first started". Without any of
them it does nothing (older API versions rejected it without a load balancer); it usually means a
health check was forgotten.

## Example
```json
{"serviceName": "worker", "taskDefinition": "worker", "desiredCount": 2, "healthCheckGracePeriodSeconds": 60}
```
with a task definition whose containers define no `healthCheck`.

## Use instead
Add a container `healthCheck` to the task definition, or remove `healthCheckGracePeriodSeconds`.

## References
- [CreateService: healthCheckGracePeriodSeconds](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Severity
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.values import as_int


@rule(
    code="ECS315",
    name="health-check-grace-period-unused",
    summary="healthCheckGracePeriodSeconds without a load balancer or health check",
    severity="warning",
    applies_to=("service",),
    tags=("deployments", "health-checks"),
    covers=("SVC-027",),
)
def check(svc: Service) -> Iterator[Finding]:
    grace = as_int(svc.data.get("healthCheckGracePeriodSeconds"))
    if grace is None or grace == 0:
        return
    if grace < 0:
        yield Finding(("healthCheckGracePeriodSeconds",), f"healthCheckGracePeriodSeconds must be 0-2147483647; got {grace}",
                      severity=Severity.ERROR)
        return
    for key in ("loadBalancers", "vpcLatticeConfigurations"):
        v = svc.data.get(key)
        if v is not None and not (isinstance(v, list) and not v):
            return
    td = svc.task_definition
    if td is None or not td.containers_known:
        return
    if any(c.get("healthCheck") is not None for _, c in td.containers):
        return
    yield Finding(("healthCheckGracePeriodSeconds",), f"healthCheckGracePeriodSeconds {grace} has no effect: service "
                  f"{svc.name} has no load balancer or VPC Lattice target group and no container of task definition "
                  f"{td.name} defines a healthCheck; add a health check or remove the grace period", target="key")
