"""
## What it does
Flags `linuxParameters.capabilities.add` entries that grant broad host-level privileges: `ALL`,
`SYS_ADMIN`, `NET_ADMIN`, `SYS_MODULE`, `SYS_RAWIO`, and `SYS_PTRACE` outside Fargate (Fargate
allows only `SYS_PTRACE`, inside the task's own micro-VM).

## Why is this bad?
These capabilities let a compromised container mount file systems, load kernel modules, read raw
devices, reconfigure the host network or attach to other processes: most of the way to a
privileged container. Grant the narrowest capability the workload needs, and drop the rest.

## Example
```json
{"name": "vpn", "image": "example/vpn:1", "linuxParameters": {"capabilities": {"add": ["SYS_ADMIN"]}}}
```

## Use instead
```json
{"name": "vpn", "image": "example/vpn:1", "linuxParameters": {"capabilities": {"add": ["NET_BIND_SERVICE"], "drop": ["ALL"]}}}
```

## References
- [KernelCapabilities](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_KernelCapabilities.html)
- [Amazon ECS task and container security best practices](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/security-tasks-containers.html)
- [capabilities(7)](https://man7.org/linux/man-pages/man7/capabilities.7.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.linux._util import capability_lists, linux_parameters
from ecslint.values import as_str

_WHY = {
    "ALL": "every capability",
    "SYS_ADMIN": "mounts, namespaces and most administrative operations",
    "NET_ADMIN": "reconfiguring interfaces, routes and firewall rules",
    "SYS_MODULE": "loading kernel modules into the host kernel",
    "SYS_RAWIO": "raw I/O on host devices and memory",
    "SYS_PTRACE": "tracing and reading the memory of other processes",
}


@rule(
    code="ECS154",
    name="broad-kernel-capability",
    summary="Container adds a kernel capability with host-level power",
    severity="warning",
    applies_to=("task-definition",),
    tags=("security", "containers", "linux"),
    security_severity=6.0,
    covers=("LP-004",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, lp in linux_parameters(td):
        for key, j, value in capability_lists(lp):
            name = as_str(value)
            if key != "add" or name not in _WHY or (name == "SYS_PTRACE" and td.is_fargate):
                continue
            yield Finding(
                ("containerDefinitions", i, "linuxParameters", "capabilities", key, j),
                f"container {td.container_label(i)} adds {name} ({_WHY[name]}); add only the narrow capability it needs",
            )
