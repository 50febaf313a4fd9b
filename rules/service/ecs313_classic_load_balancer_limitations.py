"""
## What it does
Flags a service that registers with a Classic Load Balancer (`loadBalancers[].loadBalancerName`)
when its task definition relies on what a Classic Load Balancer cannot do:

* the registered container port uses a dynamic host port (`bridge` network mode with `hostPort`
  0 or omitted);
* a container defines a Docker `healthCheck`.

## Why is this bad?
A Classic Load Balancer listens to a fixed instance port: it "doesn't support dynamic host port
mapping", so tasks with dynamic ports never receive traffic. "Container health checks aren't
supported for tasks that are part of a service that's configured to use a Classic Load Balancer",
so the health check does not protect the service as intended.

## Example
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2,
 "loadBalancers": [{"loadBalancerName": "web-clb", "containerName": "web", "containerPort": 80}]}
```
with a `bridge` task definition mapping `{"containerPort": 80, "hostPort": 0}`.

## Use instead
Register the service with an Application Load Balancer target group, which supports dynamic host
ports and container health checks, or map a static `hostPort`.

## References
- [Load balancer types](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/load-balancer-types.html)
- [HealthCheck](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service._util import network_mode, port_mappings
from ecslint.values import as_int, as_str, is_unknown


@rule(
    code="ECS313",
    name="classic-load-balancer-limitations",
    summary="Classic Load Balancer with dynamic host ports or container health checks",
    severity="warning",
    applies_to=("service",),
    tags=("load-balancing",),
    covers=("LB-008", "LB-010"),
)
def check(svc: Service) -> Iterator[Finding]:
    lbs = svc.data.get("loadBalancers")
    td = svc.task_definition
    if not isinstance(lbs, list) or td is None or not td.containers_known:
        return
    clbs = [(i, lb) for i, lb in enumerate(lbs) if isinstance(lb, dict) and as_str(lb.get("loadBalancerName"))
            and lb.get("targetGroupArn") in (None, "")]
    if not clbs:
        return
    for i, lb in clbs:
        name, port = as_str(lb.get("containerName")), as_int(lb.get("containerPort"))
        found = port_mappings(td, name) if name else None
        if found is None or port is None or network_mode(td) != "bridge":
            continue
        ci, c = found
        pms = c.get("portMappings")
        for k, pm in enumerate(pms if isinstance(pms, list) else []):
            if not isinstance(pm, dict) or as_int(pm.get("containerPort")) != port:
                continue
            hp = pm.get("hostPort")
            if is_unknown(hp) or as_int(hp) not in (None, 0) or (hp is not None and as_int(hp) is None):
                continue
            yield Finding(("loadBalancers", i, "loadBalancerName"), f"Classic Load Balancer {lb['loadBalancerName']} cannot "
                          f"route to dynamic host ports, but container {name!r} maps containerPort {port} to "
                          f"{'hostPort 0' if hp is not None else 'no hostPort'} in bridge mode; set a static hostPort or use "
                          f"an Application Load Balancer target group",
                          related=(Related(td, ("containerDefinitions", ci, "portMappings", k), f"port mapping of {name!r}"),))
    for ci, c in td.containers:
        if isinstance(c.get("healthCheck"), dict):
            i, lb = clbs[0]
            yield Finding(("loadBalancers", i, "loadBalancerName"), f"container health checks are not supported for services "
                          f"behind a Classic Load Balancer ({lb['loadBalancerName']}); the healthCheck of container "
                          f"{td.container_label(ci)} will not replace unhealthy tasks: use an Application Load Balancer",
                          related=(Related(td, ("containerDefinitions", ci, "healthCheck"), f"container {td.container_label(ci)}",
                                           target="key"),))
            break
