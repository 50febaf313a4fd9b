"""
## What it does
Checks that every entry of a service's `serviceConnectConfiguration.services` names, in `portName`,
a port mapping of the service's task definition: some container's `portMappings[].name` must equal
it. The rule runs when the task definition is part of the same run.

## Why is this bad?
Service Connect finds the port to proxy through its name. CreateService and UpdateService reject a
`portName` that matches no named port mapping of the task definition, and a port mapping without a
`name` cannot be used by Service Connect at all.

## Example
```json
{"serviceName": "api", "taskDefinition": "api",
 "serviceConnectConfiguration": {"enabled": true, "namespace": "prod",
   "services": [{"portName": "http", "clientAliases": [{"port": 80}]}]}}
```
with a task definition whose port mapping is `{"containerPort": 8080, "name": "web"}`.

## Use instead
```json
{"serviceName": "api", "taskDefinition": "api",
 "serviceConnectConfiguration": {"enabled": true, "namespace": "prod",
   "services": [{"portName": "web", "clientAliases": [{"port": 80}]}]}}
```

## References
- [ServiceConnectService: portName](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ServiceConnectService.html)
- [Service Connect configuration](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts-deploy.html)
- [PortMapping: name](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service_connect._util import SC, port_mappings, sc_config, sc_services
from ecslint.values import as_str


@rule(
    code="ECS400",
    name="service-connect-port-name",
    summary="Service Connect portName names no port mapping of the task definition",
    severity="error",
    applies_to=("service",),
    tags=("service-connect", "networking"),
    covers=("SC-003",),
)
def check(svc: Service) -> Iterator[Finding]:
    cfg = sc_config(svc)
    td = svc.task_definition
    if cfg is None or td is None:
        return
    pms = port_mappings(td)
    if pms is None:
        return
    related = tuple(
        Related(td, ("containerDefinitions", ci, "portMappings"), f"port mappings of container {td.container_label(ci)}")
        for ci, c in td.containers if isinstance(c.get("portMappings"), list)
    ) or (Related(td, ("containerDefinitions",), f"task definition {td.name}", target="key"),)
    names = ", ".join(repr(n) for n in sorted(pms))
    for i, entry in sc_services(cfg):
        raw = entry.get("portName")
        name = as_str(raw)
        if raw is None or not name:
            continue  # missing portName: ECS002 (schema); unknown or an empty skeleton value: stay silent
        if name not in pms:
            hint = f"use one of {names}" if pms else f"none of its port mappings has a name; add \"name\": \"{name}\" to the port mapping to proxy"
            yield Finding(
                (SC, "services", i, "portName"),
                f"portName {name!r} matches no port mapping of task definition {td.name}; {hint}",
                related=related,
            )
