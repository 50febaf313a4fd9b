"""
## What it does
Reports task and container parameters that Fargate refuses, on every task definition that runs on
Fargate (`requiresCompatibilities` lists `FARGATE`, or a service or run-task of the same run places
it there): `privileged: true`, `disableNetworking: true`, `links`, `dnsServers`,
`dnsSearchDomains`, `extraHosts`, `dockerSecurityOptions`, `linuxParameters.devices`,
`sharedMemorySize`, `tmpfs`, `maxSwap`, `swappiness`, added kernel capabilities other than
`SYS_PTRACE`, a `nofile` ulimit above 1048576, a `GPU` resource requirement, and at task level
`ipcMode`, `placementConstraints` and a `pidMode` other than `task`.

## Why is this bad?
Fargate runs each task in its own micro VM with a fixed kernel and network setup; these settings
need control of the host. A task definition that lists `FARGATE` is rejected at registration
(for example `Tasks using the Fargate launch type do not support ipcMode.`); one that does not is
rejected when a service or run-task places it on Fargate
(`Task definition does not support launch_type FARGATE.`).

## Example
```json
{"family": "agent", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
 "cpu": "256", "memory": "512", "ipcMode": "host",
 "containerDefinitions": [{"name": "agent", "image": "example/agent", "privileged": true,
   "linuxParameters": {"capabilities": {"add": ["NET_ADMIN"]}}}]}
```

## Use instead
Run such workloads on EC2 (or ECS Managed Instances, which allow privileged containers), or drop
the settings:
```json
{"family": "agent", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
 "cpu": "256", "memory": "512",
 "containerDefinitions": [{"name": "agent", "image": "example/agent",
   "linuxParameters": {"capabilities": {"add": ["SYS_PTRACE"]}}}]}
```

## References
- [Amazon ECS task definition differences for Fargate](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html)
- [KernelCapabilities: add](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html)
- [LinuxParameters: maxSwap, swappiness](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LinuxParameters.html)
- [RegisterTaskDefinition: ipcMode, pidMode](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html)

## Known limitations
AWS documents `maxSwap`/`swappiness` and `privileged` as unsupported on Fargate, but no public log
shows the exact API error for them (docs/research/verified-facts.md sections 1.8 and g); the rule
relies on the documentation. `MANAGED_INSTANCES` is not Fargate and is not checked.
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import where
from ecslint.rules.fargate._util import nonempty, present
from ecslint.values import as_int, as_str, is_true

NOFILE_MAX = 1048576
_LISTS = ("links", "dnsServers", "dnsSearchDomains", "extraHosts", "dockerSecurityOptions")


def _container(c: dict[str, Any], label: str) -> Iterator[tuple[tuple[Any, ...], str]]:
    if is_true(c.get("privileged")):
        yield ("privileged",), f"container {label} is privileged; Fargate does not run privileged containers (use EC2 or Managed Instances)"
    if is_true(c.get("disableNetworking")):
        yield ("disableNetworking",), f"container {label} sets disableNetworking; Fargate does not support it, remove it"
    for key in _LISTS:
        if nonempty(c.get(key)):
            yield (key,), f"container {label} sets {key}; Fargate does not support {key}, remove it"
    lp = c.get("linuxParameters")
    if isinstance(lp, dict):
        for key in ("maxSwap", "swappiness", "sharedMemorySize"):
            if present(lp.get(key)):
                yield ("linuxParameters", key), f"container {label} sets linuxParameters.{key}; Fargate does not support it, remove it"
        for key in ("devices", "tmpfs"):
            if nonempty(lp.get(key)):
                yield ("linuxParameters", key), f"container {label} sets linuxParameters.{key}; Fargate does not support it, remove it"
        caps = lp.get("capabilities")
        add = caps.get("add") if isinstance(caps, dict) else None
        for j, cap in enumerate(add if isinstance(add, list) else []):
            name = as_str(cap)
            if name and name != "SYS_PTRACE":
                yield ("linuxParameters", "capabilities", "add", j), (
                    f"container {label} adds capability {name!r}; Fargate only allows adding SYS_PTRACE")
    for j, ul in enumerate(c.get("ulimits") if isinstance(c.get("ulimits"), list) else []):
        if isinstance(ul, dict) and ul.get("name") == "nofile":
            for key in ("softLimit", "hardLimit"):
                n = as_int(ul.get(key))
                if n is not None and n > NOFILE_MAX:
                    yield ("ulimits", j, key), f"container {label} sets nofile {key} {n}; Fargate allows at most {NOFILE_MAX}"
    for j, rr in enumerate(c.get("resourceRequirements") if isinstance(c.get("resourceRequirements"), list) else []):
        if isinstance(rr, dict) and rr.get("type") == "GPU":
            yield ("resourceRequirements", j), f"container {label} requests a GPU; Fargate has no GPUs, run it on EC2 GPU instances"


@rule(
    code="ECS202",
    name="fargate-unsupported-parameter",
    summary="Task definition on Fargate sets a parameter Fargate does not support",
    severity="error",
    applies_to=("task-definition",),
    tags=("fargate", "containers"),
    covers=("FG-020", "FG-021", "FG-022", "FG-024", "FG-046", "SW-004", "LP-002"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_fargate:
        return
    why = where(td.fargate_reason)
    if present(td.data.get("ipcMode")):
        yield Finding(("ipcMode",), f"Tasks using the Fargate launch type do not support ipcMode; remove ipcMode{why}", target="key")
    if nonempty(td.data.get("placementConstraints")):
        yield Finding(("placementConstraints",), f"placementConstraints are not supported on Fargate (it places tasks itself); remove them{why}", target="key")
    pid = as_str(td.data.get("pidMode"))
    if pid is not None and pid != "task":
        yield Finding(("pidMode",), f"pidMode is {pid!r}; on Fargate the only valid value is 'task'{why}")
    for i, c in td.containers:
        for ptr, msg in _container(c, td.container_label(i)):
            yield Finding(("containerDefinitions", i, *ptr), msg + why)
