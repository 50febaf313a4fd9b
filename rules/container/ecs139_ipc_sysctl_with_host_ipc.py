"""
## What it does
Finds containers that set IPC-namespace `systemControls` (`kernel.msg*`, `kernel.sem`,
`kernel.shm*`, `fs.mqueue.*`) in a task with `ipcMode: host`.

## Why is this bad?
With `ipcMode: host` the containers use the instance's own IPC namespace; an IPC sysctl would
change the setting for the whole instance; the API reference for `ipcMode` states that IPC
namespace `systemControls` are not supported for tasks that use the host IPC mode. (Other `systemControls` checks are rule ECS168.)

## Example
```json
{"family": "db", "ipcMode": "host", "containerDefinitions": [
  {"name": "db", "image": "postgres:16", "memory": 512,
   "systemControls": [{"namespace": "kernel.shmmax", "value": "68719476736"}]}]}
```

## Use instead
```json
{"family": "db", "ipcMode": "task", "containerDefinitions": [
  {"name": "db", "image": "postgres:16", "memory": 512,
   "systemControls": [{"namespace": "kernel.shmmax", "value": "68719476736"}]}]}
```

## References
- [SystemControl](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_SystemControl.html)
- [RegisterTaskDefinition: ipcMode](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-ipcMode)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import items
from ecslint.values import as_str

IPC = {"kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni",
       "kernel.shm_rmid_forced"}


@rule(
    code="ECS139",
    name="ipc-sysctl-with-host-ipc",
    summary="IPC sysctl set in a task that uses ipcMode host",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers", "linux"),
    covers=("TD-023",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.data.get("ipcMode") != "host":
        return
    for i, c in td.containers:
        for j, sc in items(c, "systemControls"):
            ns = as_str(sc.get("namespace"))
            if ns is not None and (ns in IPC or ns.startswith("fs.mqueue.")):
                yield Finding(("containerDefinitions", i, "systemControls", j, "namespace"),
                              f"container {td.container_label(i)} sets IPC sysctl {ns!r} while the task uses ipcMode host, "
                              "which would change the instance's own setting: use ipcMode task or remove the sysctl")
