"""
## What it does
Checks each `vpcLatticeConfigurations[]` entry of a service: its `portName` must be the `name` of a
port mapping (`portMappings[].name`) of a container in the service's task definition.

## Why is this bad?
ECS registers each task as an IP target of the VPC Lattice target group on the port of the named
port mapping. A `portName` that no port mapping carries leaves ECS nothing to register: the
service is rejected or its tasks never become targets.

## Example
```json
{"serviceName": "api", "taskDefinition": "api", "desiredCount": 2,
 "vpcLatticeConfigurations": [{"roleArn": "arn:aws:iam::123456789012:role/ecsInfrastructureRole",
   "targetGroupArn": "arn:aws:vpc-lattice:eu-west-1:123456789012:targetgroup/tg-0a1b2c3d4e5f6a7b8",
   "portName": "http"}]}
```
with a task definition whose only port mapping is `{"containerPort": 8080, "name": "api-8080"}`.

## Use instead
```json
{"portName": "api-8080"}
```
or name the port mapping `http` in the task definition.

## References
- [VpcLatticeConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_VpcLatticeConfiguration.html)
- [Use Amazon VPC Lattice to connect Amazon ECS services](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-vpc-lattice.html)

## Known limitations
Missing `roleArn`, `targetGroupArn` or `portName` members are reported by ECS002 (schema-violation),
which validates the required members of the API shape.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service._util import port_names
from ecslint.values import as_str


@rule(
    code="ECS308",
    name="vpc-lattice-port-name-mismatch",
    summary="VPC Lattice portName that names no port mapping of the task definition",
    severity="error",
    applies_to=("service",),
    tags=("networking", "vpc-lattice"),
    covers=("SVC-037",),
)
def check(svc: Service) -> Iterator[Finding]:
    cfgs = svc.data.get("vpcLatticeConfigurations")
    td = svc.task_definition
    if not isinstance(cfgs, list) or td is None:
        return
    names, complete = port_names(td)
    if not complete:
        return
    for i, cfg in enumerate(cfgs):
        pn = as_str(cfg.get("portName")) if isinstance(cfg, dict) else None
        if not pn or pn in names:
            continue
        have = ", ".join(map(repr, sorted(names))) if names else "no named port mappings"
        rel = tuple(Related(td, ("containerDefinitions", ci, "portMappings"), f"port mappings of container {td.container_label(ci)}",
                            target="key") for ci, c in td.containers if isinstance(c.get("portMappings"), list))
        yield Finding(("vpcLatticeConfigurations", i, "portName"), f"portName {pn!r} is not the name of a port mapping in task "
                      f"definition {td.name} (it has {have}); use one of those names, or name the port mapping to "
                      f"register {pn!r}", related=rel[:3])
