"""
## What it does
Flags container settings that the `awsvpc` network mode does not support: `hostname`,
`extraHosts`, `disableNetworking`, and (as a warning) `dnsServers` / `dnsSearchDomains`.

## Why is this bad?
With `awsvpc` the task gets its own elastic network interface, and ECS manages its hostname and
name resolution. RegisterTaskDefinition rejects `hostname`
(`hostname is not supported on container when networkMode=awsvpc.`), and the API reference says
`extraHosts` is not supported for `awsvpc` tasks. Set host entries and DNS through the VPC
(Route 53 private zones, DHCP option sets) instead.

## Example
```json
{"family": "api", "networkMode": "awsvpc", "containerDefinitions": [
  {"name": "api", "image": "example/api:1", "memory": 512, "hostname": "api",
   "extraHosts": [{"hostname": "db", "ipAddress": "10.0.0.5"}]}]}
```

## Use instead
```json
{"family": "api", "networkMode": "awsvpc", "containerDefinitions": [
  {"name": "api", "image": "example/api:1", "memory": 512}]}
```

## Known limitations
`disableNetworking` under `awsvpc` and `dnsServers`/`dnsSearchDomains` under `awsvpc` come from
the 2023 developer guide; the current API reference only names Windows for the DNS settings, so
those are warnings. On Fargate the Fargate rules report `extraHosts`, `dnsServers`,
`dnsSearchDomains` and `disableNetworking`; Windows containers are left to the Windows rules.

## References
- [ContainerDefinition: hostname, extraHosts, dnsServers](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html)
- [Task definition parameters: network settings](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_network)
- API error text: [labd/ecs-deplojo#26](https://github.com/labd/ecs-deplojo/issues/26)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.networking._util import network_mode
from ecslint.values import is_false

#: member -> (message tail, severity override, reported on Fargate too)
_SETTINGS = {
    "hostname": ("hostname is not supported on container when networkMode=awsvpc; remove it (the task's hostname comes from its network interface)", None, True),
    "extraHosts": ("extraHosts is not supported when networkMode=awsvpc; remove it and resolve the names through the VPC (e.g. a Route 53 private hosted zone)", None, False),
    "disableNetworking": ("disableNetworking is not supported when networkMode=awsvpc; remove it (or use networkMode none for a task without network)", None, False),
    "dnsServers": ("dnsServers is not supported with networkMode awsvpc according to the developer guide; the task uses the VPC's resolver (set DNS through a DHCP option set)", Severity.WARNING, False),
    "dnsSearchDomains": ("dnsSearchDomains is not supported with networkMode awsvpc according to the developer guide; set search domains through a DHCP option set", Severity.WARNING, False),
}


@rule(
    code="ECS162",
    name="awsvpc-unsupported-container-setting",
    summary="Container sets hostname, extraHosts or DNS options under awsvpc",
    severity="error",
    applies_to=("task-definition",),
    tags=("networking", "containers"),
    covers=("CT-028", "CT-029", "CT-030", "CT-032"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.is_windows or network_mode(td) != "awsvpc":
        return
    fargate = td.is_fargate
    for i, c in td.containers:
        for member, (text, severity, on_fargate) in _SETTINGS.items():
            value = c.get(member)
            if value is None or (fargate and not on_fargate) or is_false(value) or value == []:
                continue
            yield Finding(("containerDefinitions", i, member), f"container {td.container_label(i)}: {text}", target="key", severity=severity)
