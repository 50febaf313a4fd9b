"""
## What it does
Checks the protocol of every port mapping that a Service Connect `services[]` entry names: it
must be `tcp` (the default).

## Why is this bad?
"Only tcp is supported for Service Connect": the proxy cannot carry UDP, and ECS rejects the
service (or the port is never reachable through Service Connect).

## Example
```json
{"containerDefinitions": [{"name": "dns", "image": "example/dns",
  "portMappings": [{"containerPort": 53, "protocol": "udp", "name": "dns"}]}]}
```
with a service whose `serviceConnectConfiguration.services` uses `"portName": "dns"`.

## Use instead
Serve the port over TCP (`"protocol": "tcp"`), or reach the UDP port through Cloud Map service
discovery (`serviceRegistries`) instead of Service Connect.

## References
- [PortMapping: protocol](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html)
- [Task definition parameters: port mappings](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_portmappings)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service_connect._util import SC, mapping_for, sc_config, sc_services
from ecslint.values import as_str


@rule(
    code="ECS407",
    name="service-connect-udp-port",
    summary="Service Connect names a UDP port mapping",
    severity="error",
    applies_to=("service",),
    tags=("service-connect", "networking"),
    covers=("SC-020",),
)
def check(svc: Service) -> Iterator[Finding]:
    cfg = sc_config(svc)
    if cfg is None:
        return
    for i, entry in sc_services(cfg):
        found = mapping_for(svc, entry)
        if found is None:
            continue
        td, ci, pi, pm = found
        if as_str(pm.get("protocol")) == "udp":
            yield Finding(
                ("containerDefinitions", ci, "portMappings", pi, "protocol"),
                f"port mapping {pm.get('name')!r} of container {td.container_label(ci)} is udp, but service {svc.name} "
                "proxies it with Service Connect, which supports only tcp: use tcp, or service discovery for UDP",
                resource=td, related=(Related(svc, (SC, "services", i, "portName"), "Service Connect portName"),),
            )
