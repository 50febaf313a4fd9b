"""
## What it does
Checks `proxyConfiguration`: `containerName` names a container of the task definition, and
`properties` provide `AppPorts`, `ProxyIngressPort`, `ProxyEgressPort` and `IgnoredUID` or
`IgnoredGID`; where the proxy container sets `user`,
`IgnoredUID` must match it.

## Why is this bad?
ECS rejects a proxy configuration that names a missing container. Without the properties the CNI
plugin cannot redirect traffic through the proxy, and an `IgnoredUID` that is not the proxy's user
sends the proxy's own traffic back into itself.

## Example
```json
{"family": "web", "networkMode": "awsvpc", "proxyConfiguration": {"type": "APPMESH", "containerName": "proxy",
  "properties": [{"name": "AppPorts", "value": "8080"}]},
 "containerDefinitions": [{"name": "web", "image": "my-web:3.2.0", "memory": 256},
  {"name": "envoy", "image": "envoyproxy/envoy:v1.31.0", "memory": 128, "user": "1337"}]}
```

## Use instead
```json
{"family": "web", "networkMode": "awsvpc", "proxyConfiguration": {"type": "APPMESH", "containerName": "envoy",
  "properties": [{"name": "AppPorts", "value": "8080"}, {"name": "ProxyIngressPort", "value": "15000"},
   {"name": "ProxyEgressPort", "value": "15001"}, {"name": "EgressIgnoredPorts", "value": ""},
   {"name": "EgressIgnoredIPs", "value": "169.254.170.2,169.254.169.254"}, {"name": "IgnoredUID", "value": "1337"}]},
 "containerDefinitions": [{"name": "web", "image": "my-web:3.2.0", "memory": 256},
  {"name": "envoy", "image": "envoyproxy/envoy:v1.31.0", "memory": 128, "user": "1337"}]}
```

## Known limitations
The API reference also calls `EgressIgnoredPorts` and `EgressIgnoredIPs` required, but AWS's own
examples work without them, so the rule does not ask for them.

## References
- [ProxyConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ProxyConfiguration.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import container_names, items, names_known
from ecslint.values import as_str, is_unknown

NEEDED = ("AppPorts", "ProxyIngressPort", "ProxyEgressPort")


@rule(
    code="ECS109",
    name="invalid-proxy-configuration",
    summary="proxyConfiguration names no container or lacks required properties",
    severity="error",
    applies_to=("task-definition",),
    tags=("networking", "app-mesh"),
    covers=("TD-024",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    pc = td.data.get("proxyConfiguration")
    if not isinstance(pc, dict):
        return
    name = as_str(pc.get("containerName"))
    names = container_names(td)
    if name is not None and names_known(td) and name not in names:
        yield Finding(("proxyConfiguration", "containerName"), f"proxyConfiguration names container {name!r}, which is not in "
                      f"this task definition (containers: {', '.join(map(repr, names)) or 'none'})")
    props = pc.get("properties")
    if props is None or not isinstance(props, list) or any(is_unknown(p) for p in props):
        if props is None:
            yield Finding(("proxyConfiguration",), f"proxyConfiguration has no properties: set {', '.join(NEEDED)} and IgnoredUID "
                          "or IgnoredGID", target="key")
        return
    values = {as_str(p.get("name")): p.get("value") for _, p in items(pc, "properties")}
    missing = [k for k in NEEDED if k not in values]
    if "IgnoredUID" not in values and "IgnoredGID" not in values:
        missing.append("IgnoredUID or IgnoredGID")
    if missing:
        yield Finding(("proxyConfiguration", "properties"), f"proxyConfiguration properties lack {', '.join(missing)}", target="key")
    uid = as_str(values.get("IgnoredUID"))
    if name in names and uid is not None:
        user = as_str(dict(td.containers)[names[name]].get("user"))
        if user is not None and user.split(":")[0] != uid:
            yield Finding(("proxyConfiguration", "properties"), f"IgnoredUID {uid} is not the user of proxy container {name!r} "
                          f"({user}); set IgnoredUID to {user.split(':')[0]} so the proxy's own traffic is not redirected",
                          target="key", related=(Related(td, ("containerDefinitions", names[name], "user"), "proxy user"),))
