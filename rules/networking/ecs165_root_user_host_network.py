"""
## What it does
Flags containers of a `host`-network task that run as root: `user` omitted (most images run as
root), `root`, `0`, or `0:<group>`.

## Why is this bad?
In `host` mode the container uses the instance's network stack directly. A root process there can
bind privileged ports, sniff or reconfigure host traffic, and reach the instance metadata and agent
endpoints. The API reference advises not to run containers as root (UID 0) in this mode.

## Example
```json
{"family": "proxy", "networkMode": "host", "containerDefinitions": [
  {"name": "proxy", "image": "example/proxy:1", "memory": 256}]}
```

## Use instead
```json
{"family": "proxy", "networkMode": "host", "containerDefinitions": [
  {"name": "proxy", "image": "example/proxy:1", "memory": 256, "user": "1000:1000"}]}
```

## References
- [RegisterTaskDefinition: networkMode](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-networkMode)
- [ContainerDefinition: user](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-user)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.networking._util import network_mode
from ecslint.values import as_str


@rule(
    code="ECS165",
    name="root-user-host-network",
    summary="Container runs as root in host network mode",
    severity="warning",
    applies_to=("task-definition",),
    tags=("security", "networking", "containers"),
    security_severity=5.0,
    covers=("CT-037",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.is_windows or network_mode(td) != "host":
        return
    for i, c in td.containers:
        raw = c.get("user")
        label = td.container_label(i)
        if raw is None:
            yield Finding(("containerDefinitions", i), f"container {label} shares the host's network (networkMode host) and sets no user, so it likely runs as root; set user to a non-root UID (e.g. \"1000:1000\")", target="key")
            continue
        user = as_str(raw)
        if user is not None and user.partition(":")[0] in ("root", "0"):
            yield Finding(("containerDefinitions", i, "user"), f"container {label} runs as {user!r} while sharing the host's network (networkMode host); use a non-root UID (e.g. \"1000:1000\")")
