"""
## What it does
Checks `systemControls`:
* `namespace` must be a namespaced sysctl: an IPC one (`kernel.msgmax`, `kernel.msgmnb`,
  `kernel.msgmni`, `kernel.sem`, `kernel.shmall`, `kernel.shmmax`, `kernel.shmmni`,
  `kernel.shm_rmid_forced`, `fs.mqueue.*`) or a network one (`net.*`);
* `net.*` sysctls are not supported in `host` network mode;
* in `awsvpc` mode (and on Fargate) all containers share one namespace: two containers giving the
  same sysctl different values is reported as a warning.

## Why is this bad?
Docker can only set sysctls that are isolated per container namespace; anything else (`vm.*`,
`kernel.pid_max`) would change the host and is refused when the container starts. In `host` mode the
network namespace is the host's, so `net.*` values cannot be set per task. In a shared namespace the
last container to start wins, so conflicting values are silently lost.

## Example
```json
{"family": "db", "networkMode": "host", "containerDefinitions": [
  {"name": "db", "image": "example/db:1", "memory": 1024, "systemControls": [
    {"namespace": "vm.max_map_count", "value": "262144"},
    {"namespace": "net.core.somaxconn", "value": "1024"}]}]}
```

## Use instead
```json
{"family": "db", "networkMode": "bridge", "containerDefinitions": [
  {"name": "db", "image": "example/db:1", "memory": 1024, "systemControls": [
    {"namespace": "net.core.somaxconn", "value": "1024"}]}]}
```

## Known limitations
Windows containers (no systemControls at all) are left to the Windows rules. Host-wide settings
such as `vm.max_map_count` belong in the instance's user data.

## References
- [SystemControl](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_SystemControl.html)
- [Docker: --sysctl](https://docs.docker.com/reference/cli/docker/container/run/#sysctl)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.networking._util import network_mode
from ecslint.values import as_str

_IPC = {"kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced"}


@rule(
    code="ECS168",
    name="invalid-system-controls",
    summary="systemControls namespace cannot be set for this container",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers", "networking"),
    covers=("CT-045", "CT-046", "CT-047"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.is_windows:
        return
    mode = network_mode(td)
    shared = mode == "awsvpc" or td.is_fargate
    values: dict[str, tuple[int, int, str | None]] = {}
    for i, c in td.containers:
        controls = c.get("systemControls")
        for j, sc in enumerate(controls if isinstance(controls, list) else []):
            ns = as_str(sc.get("namespace")) if isinstance(sc, dict) else None
            if ns is None:
                continue
            ptr = ("containerDefinitions", i, "systemControls", j, "namespace")
            label = td.container_label(i)
            if ns.startswith("net."):
                if mode == "host":
                    yield Finding(ptr, f"container {label}: {ns} is a network sysctl, which cannot be set with networkMode host (the network namespace is the instance's); use bridge or awsvpc, or set it on the instance")
                    continue
            elif ns not in _IPC and not ns.startswith("fs.mqueue."):
                yield Finding(ptr, f"container {label}: {ns!r} is not a namespaced sysctl; only IPC sysctls (kernel.shmmax, kernel.sem, fs.mqueue.*, ...) and net.* can be set per container (set host-wide ones in the instance user data)")
                continue
            value = sc.get("value")
            value_s = as_str(value) if value is not None else None
            first = values.setdefault(ns, (i, j, value_s))
            if shared and first[0] != i and value_s is not None and first[2] is not None and value_s != first[2]:
                other = td.container_label(first[0])
                yield Finding(
                    ("containerDefinitions", i, "systemControls", j, "value"),
                    f"container {label} sets {ns} to {value_s!r} but container {other} sets {first[2]!r}; the containers share one namespace here, so the last to start wins; use one value",
                    severity=Severity.WARNING,
                    related=(Related(td, ("containerDefinitions", first[0], "systemControls", first[1], "value"), f"{ns} of container {other}"),),
                )
