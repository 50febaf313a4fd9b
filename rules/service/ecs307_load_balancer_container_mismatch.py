"""
## What it does
Checks each `loadBalancers` entry of a service:

* an Application/Network Load Balancer entry (`targetGroupArn`) needs `containerName` and
  `containerPort` and no `loadBalancerName`; a Classic Load Balancer entry (`loadBalancerName`) needs
  `containerName` and `containerPort` and no `targetGroupArn`;
* `containerName` names a container of the task definition, and `containerPort` is a
  `containerPort` of that container's `portMappings`;
* Classic Load Balancers are not used with `awsvpc` task definitions (Fargate included).

## Why is this bad?
The container port "must correspond to a containerPort in the task definition"; services with
`awsvpc` tasks "only support Application Load Balancers and Network Load Balancers". CreateService
fails, or the service cannot register its tasks.

## Example
```json
{"serviceName": "web", "taskDefinition": "web", "desiredCount": 2, "loadBalancers": [
  {"targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef",
   "containerName": "app", "containerPort": 8080}]}
```
with a task definition whose only container is `web` with `containerPort` 80.

## Use instead
```json
{"targetGroupArn": "arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/web/0123456789abcdef",
 "containerName": "web", "containerPort": 80}
```

## References
- [LoadBalancer](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LoadBalancer.html)
- [CreateService: loadBalancers](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CreateService.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service._util import container_ports, network_mode, port_mappings, unknown_container
from ecslint.values import as_int, as_str, is_unknown


@rule(
    code="ECS307",
    name="load-balancer-container-mismatch",
    summary="loadBalancers entry that does not match the task definition",
    severity="error",
    applies_to=("service",),
    tags=("load-balancing",),
    covers=("LB-001", "LB-002", "LB-003", "LB-004"),
)
def check(svc: Service) -> Iterator[Finding]:
    lbs = svc.data.get("loadBalancers")
    if not isinstance(lbs, list):
        return
    td = svc.task_definition
    td = td if td is not None and td.containers_known else None
    for i, lb in enumerate(lbs):
        if not isinstance(lb, dict):
            continue
        ptr = ("loadBalancers", i)
        tg, clb = (None if lb.get(k) == "" else lb.get(k) for k in ("targetGroupArn", "loadBalancerName"))
        kind = "target group" if tg is not None else "Classic Load Balancer" if clb is not None else None
        if tg is not None and clb is not None:
            yield Finding(ptr + ("loadBalancerName",), "give either targetGroupArn (Application/Network Load Balancer) or "
                          "loadBalancerName (Classic Load Balancer), not both", target="key")
        missing = [k for k in ("containerName", "containerPort") if lb.get(k) is None]
        if kind and missing:
            yield Finding(ptr, f"a {kind} entry needs {' and '.join(missing)} to know which container port to register",
                          target="key")
        if td is None:
            continue
        if clb is not None and tg is None and network_mode(td) == "awsvpc":
            yield Finding(ptr + ("loadBalancerName",), f"task definition {td.name} uses the awsvpc network mode, which works "
                          f"only with Application and Network Load Balancers; replace the Classic Load Balancer with a target group",
                          target="key", related=(Related(td, ("networkMode",), f"task definition {td.name}"),))
        name, port = lb.get("containerName"), lb.get("containerPort")
        if as_str(name) is None:
            continue
        found = port_mappings(td, name)
        if found is None:
            yield unknown_container(td, name, ptr)
            continue
        ci, c = found
        ports = container_ports(c)
        p = as_int(port)
        if ports is None or p is None or is_unknown(port) or p in ports:
            continue
        have = ", ".join(map(str, sorted(ports))) or "no portMappings"
        yield Finding(ptr + ("containerPort",), f"containerPort {p} is not a port mapping of container {name!r} in task "
                      f"definition {td.name} (it has {have}); use one of its containerPort values or add a port mapping",
                      related=(Related(td, ("containerDefinitions", ci), f"container {name!r}", target="key"),))
