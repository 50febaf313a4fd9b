"""
## What it does
Checks `timeout` of each Service Connect `services[]` entry against the port mapping it names:
`perRequestTimeoutSeconds` applies only to ports with an `appProtocol` (`http`, `http2`, `grpc`),
and an `idleTimeoutSeconds` shorter than `perRequestTimeoutSeconds` cuts requests short.

## Why is this bad?
For a TCP port (no `appProtocol`) only `idleTimeoutSeconds` can be set; ECS rejects
`perRequestTimeoutSeconds`. When the idle timeout is shorter than the per-request timeout, the
connection is closed at the idle timeout, before the per-request timeout can ever apply.
Defaults: idle 5 minutes (HTTP, HTTP/2, gRPC) or 1 hour (TCP); per request 15 seconds; 0 disables.

## Example
```json
{"portName": "db", "timeout": {"perRequestTimeoutSeconds": 30}}
```
naming `{"containerPort": 5432, "name": "db"}` (no appProtocol).

## Use instead
```json
{"portName": "db", "timeout": {"idleTimeoutSeconds": 3600}}
```

## References
- [TimeoutConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_TimeoutConfiguration.html)
- [Service Connect configuration: timeouts](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect-concepts-deploy.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related, Severity
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.service_connect._util import SC, mapping_for, sc_config, sc_services
from ecslint.values import as_int


@rule(
    code="ECS408",
    name="service-connect-timeout",
    summary="Service Connect timeout does not fit the port's protocol",
    severity="error",
    applies_to=("service",),
    tags=("service-connect", "networking"),
    covers=("SC-022",),
)
def check(svc: Service) -> Iterator[Finding]:
    cfg = sc_config(svc)
    if cfg is None:
        return
    for i, entry in sc_services(cfg):
        t = entry.get("timeout")
        if not isinstance(t, dict):
            continue
        ptr = (SC, "services", i, "timeout")
        per, idle = t.get("perRequestTimeoutSeconds"), as_int(t.get("idleTimeoutSeconds"))
        found = mapping_for(svc, entry)
        if per is not None and found is not None:
            td, ci, pi, pm = found
            if "appProtocol" not in pm:
                yield Finding(
                    ptr + ("perRequestTimeoutSeconds",),
                    f"perRequestTimeoutSeconds applies only to http, http2 and grpc ports; port mapping {pm.get('name')!r} of "
                    f"task definition {td.name} has no appProtocol (TCP): remove it and use idleTimeoutSeconds, or set appProtocol",
                    target="key", related=(Related(td, ("containerDefinitions", ci, "portMappings", pi), f"port mapping {pm.get('name')!r}"),),
                )
                continue
        per_n = as_int(per)
        if per_n and idle and idle < per_n:
            yield Finding(
                ptr + ("idleTimeoutSeconds",),
                f"idleTimeoutSeconds {idle} is shorter than perRequestTimeoutSeconds {per_n}: connections close at the idle "
                f"timeout first; set idleTimeoutSeconds to at least {per_n}",
                severity=Severity.WARNING,
            )
