"""
## What it does
Checks where a service with Service Connect enabled runs and how its task definition is networked.
Service Connect does not support the `host` network mode, the container `hostname` parameter in
`bridge` mode, Windows task definitions, Fargate Linux platform versions below 1.4.0, or ECS
Anywhere (`launchType: EXTERNAL`).

## Why is this bad?
ECS either rejects the service or starts tasks whose proxy cannot intercept traffic: the Service
Connect proxy is injected as a sidecar that needs its own network namespace handling, which these
configurations do not provide.

## Example
```json
{"family": "api", "networkMode": "host",
 "containerDefinitions": [{"name": "api", "image": "example/api", "memory": 256,
   "portMappings": [{"containerPort": 8080, "name": "web"}]}]}
```

## Use instead
```json
{"family": "api", "networkMode": "awsvpc", "memory": "512",
 "containerDefinitions": [{"name": "api", "image": "example/api", "memory": 256,
   "portMappings": [{"containerPort": 8080, "name": "web"}]}]}
```

## References
- [Service Connect considerations](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html)
- The `host` mode and `bridge` + `hostname` limits come from the project brief and the 2023 considerations page (docs/CONSTRAINTS.md section 20, item 8)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service, effective_platform_version
from ecslint.registry import rule
from ecslint.rules._common import version_tuple
from ecslint.rules.service_connect._util import SC, sc_config
from ecslint.values import as_str, is_unknown


@rule(
    code="ECS405",
    name="service-connect-unsupported-task",
    summary="Service Connect used with a network mode, OS or platform it does not support",
    severity="error",
    applies_to=("service",),
    tags=("service-connect", "networking"),
    covers=("SC-012", "SC-013", "SC-014", "SC-015", "SC-017", "WIN-007"),
)
def check(svc: Service) -> Iterator[Finding]:
    if sc_config(svc) is None:
        return
    sc = (SC, "enabled")
    target, why = svc.launch_target
    if target == "EXTERNAL":
        yield Finding(sc, f"Service Connect is not supported on ECS Anywhere (service {svc.name} {why}); run it on EC2 or Fargate")
    pv = svc.data.get("platformVersion")
    td = svc.task_definition
    windows = td is not None and td.is_windows
    if target == "FARGATE" and not windows and not is_unknown(pv):
        eff = effective_platform_version(pv, False)
        vt = version_tuple(eff)
        if vt is not None and vt < (1, 4, 0):
            yield Finding(("platformVersion",), f"Service Connect needs Fargate platform version 1.4.0 or later; service {svc.name} uses {eff}: use LATEST or 1.4.0")
    if td is None:
        return
    rel = (Related(svc, sc, f"service {svc.name} enables Service Connect"),)
    if windows:
        yield Finding(
            ("runtimePlatform", "operatingSystemFamily"),
            f"Service Connect does not support Windows task definitions ({td.os_family}); service {svc.name} enables it: use a Linux task definition",
            resource=td, related=rel,
        )
        return
    mode = td.network_mode
    if mode == "host":
        yield Finding(("networkMode",), f"Service Connect does not support the host network mode; service {svc.name} enables it: use awsvpc or bridge", resource=td, related=rel)
    bridge = mode == "bridge" or (mode is None and not td.is_fargate and td.os_known)
    if bridge:
        for i, c in td.containers:
            if c.get("hostname") is not None:
                yield Finding(
                    ("containerDefinitions", i, "hostname"),
                    f"container {td.container_label(i)} sets hostname, which Service Connect does not support in bridge network mode "
                    f"(service {svc.name} enables it){'' if mode else '; networkMode defaults to bridge'}: remove hostname or use awsvpc",
                    target="key", resource=td, related=rel,
                )
