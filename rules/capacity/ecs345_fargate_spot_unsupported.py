"""
## What it does
For a service or run-task that can place tasks on `FARGATE_SPOT` (its own strategy or its cluster's
default), checks that the task definition can run on Fargate Spot: not a Windows task definition,
and for `ARM64` tasks a platform version of at least 1.4.0 (X86_64: at least 1.3.0).

## Why is this bad?
Fargate Spot runs only Linux tasks; Windows containers on Fargate and ARM64 tasks on older platform
versions are not supported there, so the tasks are never placed.

## Example
```json
{"family": "iis", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
 "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc", "cpu": "1024", "memory": "2048",
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis"}]}
```
run by a service with `"capacityProviderStrategy": [{"capacityProvider": "FARGATE_SPOT", "weight": 1}]`.

## Use instead
Use the `FARGATE` capacity provider for Windows tasks.

## References
- [Fargate capacity providers: considerations](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-capacity-providers.html)
- [CapacityProviderStrategyItem](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_CapacityProviderStrategyItem.html)

## Known limitations
The catalog marks both facts as documented but not confirmed at the API (E?); this rule relies on
the Developer Guide's Fargate capacity provider considerations.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import Service, effective_platform_version
from ecslint.registry import rule
from ecslint.rules._common import version_tuple
from ecslint.rules.capacity._util import origin_word, spot_entry, who
from ecslint.values import as_str, is_unknown


@rule(
    code="ECS345",
    name="fargate-spot-unsupported",
    summary="Task definition cannot run on Fargate Spot",
    severity="error",
    applies_to=("service", "run-task"),
    tags=("capacity-providers", "spot", "fargate"),
    covers=("CP-015", "CP-016"),
)
def check(svc: Service) -> Iterator[Finding]:
    source, ptr = spot_entry(svc)
    td = svc.task_definition
    if source is None or td is None or not td.os_known:
        return
    resource = None if source is svc else source
    where = origin_word(source, svc)
    if td.is_windows:
        yield Finding(ptr, f"{who(svc)} can place tasks on FARGATE_SPOT{where}, but task definition {td.name} is "
                      f"Windows ({td.os_family}), which Fargate Spot does not run; use the FARGATE capacity provider",
                      resource=resource, related=(Related(td, ("runtimePlatform", "operatingSystemFamily"), f"task definition {td.name}"),))
        return
    pv = svc.data.get("platformVersion")
    if is_unknown(pv):
        return
    version = version_tuple(effective_platform_version(pv, False))
    rp = td.data.get("runtimePlatform")
    arch = as_str(rp.get("cpuArchitecture")) if isinstance(rp, dict) else None
    need = "1.4.0" if arch == "ARM64" else "1.3.0"
    if version is not None and version < version_tuple(need):  # type: ignore[operator]
        yield Finding(("platformVersion",), f"Fargate Spot needs platform version {need} or later for "
                      f"{arch or 'X86_64'} tasks; {who(svc)} uses {pv}; use LATEST (1.4.0)",
                      related=(Related(source, ptr, "FARGATE_SPOT strategy item"),))
