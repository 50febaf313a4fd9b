"""
## What it does
Reports parameters that Windows containers do not support, on task definitions whose
`runtimePlatform.operatingSystemFamily` is a `WINDOWS_SERVER_*` value: container
`linuxParameters` (and with it swap, devices, capabilities), `privileged: true`,
`readonlyRootFilesystem: true`, `user`, `ulimits`, `systemControls`, `disableNetworking: true`,
`links`, `dnsServers`, `dnsSearchDomains`, `extraHosts`, and at task level `pidMode`, `ipcMode`
and `proxyConfiguration`. On Fargate, the parameters Fargate itself refuses are left to
`fargate-unsupported-parameter`.

## Why is this bad?
The API reference marks each of these "not supported for Windows containers": the Windows
container runtime has no equivalent, so the task definition is rejected, the task fails to start
(`PlatformTaskDefinitionIncompatibilityException` on Fargate) or the setting silently does nothing.

## Example
```json
{"family": "iis", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis",
   "memory": 2048, "user": "ContainerUser", "readonlyRootFilesystem": true}]}
```

## Use instead
```json
{"family": "iis", "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis",
   "memory": 2048}]}
```

## References
- [ContainerDefinition (API reference, per-member Windows notes)](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html)
- [Amazon ECS task definition differences for Windows containers](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/windows_task_definitions.html)

## Known limitations
A task definition without `runtimePlatform` may run on Windows EC2 instances; it is not checked.
`memoryReservation` (listed as unsupported by the 2023 documentation, no longer by the API
reference) is not reported. Where each parameter is rejected is not confirmed.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.fargate._util import nonempty, present, windows_reason
from ecslint.values import is_true

_FARGATE_TOO = {"privileged", "disableNetworking", "links", "dnsServers", "dnsSearchDomains", "extraHosts", "ipcMode"}
_FLAGS = ("privileged", "readonlyRootFilesystem", "disableNetworking")
_LISTS = ("links", "dnsServers", "dnsSearchDomains", "extraHosts", "ulimits", "systemControls")


@rule(
    code="ECS240",
    name="windows-unsupported-parameter",
    summary="Windows task definition sets a parameter Windows containers do not support",
    severity="error",
    applies_to=("task-definition",),
    tags=("windows", "containers"),
    covers=("WIN-001", "CT-029", "CT-030", "CT-032", "CT-033", "CT-035", "CT-038", "CT-044", "CT-048", "CT-080",
            "SW-009", "TD-022", "TD-025", "FG-047"),
)  # fmt: skip
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_windows:
        return
    why = f" ({windows_reason(td)})"
    skip = _FARGATE_TOO if td.is_fargate else set()
    for key in ("pidMode", "ipcMode", "proxyConfiguration"):
        if key not in skip and present(td.data.get(key)):
            yield Finding((key,), f"{key} is not supported for Windows containers; remove it{why}", target="key")
    for i, c in td.containers:
        label = td.container_label(i)
        for key in _FLAGS:
            if key not in skip and is_true(c.get(key)):
                yield Finding(("containerDefinitions", i, key), f"container {label} sets {key}: true, which Windows containers do not support{why}")
        for key in _LISTS:
            if key not in skip and nonempty(c.get(key)):
                yield Finding(("containerDefinitions", i, key), f"container {label} sets {key}, which Windows containers do not support; remove it{why}", target="key")
        if present(c.get("user")) and c.get("user") != "":
            yield Finding(("containerDefinitions", i, "user"), f"container {label} sets user, which Windows containers do not support; "
                          f"set the user in the image (USER ContainerUser) instead{why}", target="key")
        if present(c.get("linuxParameters")):
            yield Finding(("containerDefinitions", i, "linuxParameters"), f"container {label} sets linuxParameters (capabilities, devices, "
                          f"swap, tmpfs...), which Windows containers do not support; remove it{why}", target="key")
