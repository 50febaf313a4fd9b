"""
## What it does
Checks each container's `portMappings`: every mapping needs `containerPort` or
`containerPortRange`; ports are 1-65535 (`hostPort: 0` asks for a dynamic port); one container
port cannot be exposed for both `tcp` and `udp`; no mapping is repeated; a `containerPortRange`
reads `"<first>-<last>"` with first < last, is used only with `bridge` or `awsvpc`, without
`hostPort`, with at most 100 ranges per container, and no port appears in two mappings.

## Why is this bad?
`RegisterTaskDefinition` rejects these mappings (`Invalid 'containerPort' setting for container
'<name>'`, "You can't expose the same container port for multiple protocols").

## Example
```json
{"family": "dns", "containerDefinitions": [{"name": "dns", "image": "coredns/coredns:1.11.3", "memory": 128,
  "portMappings": [{"containerPort": 53, "protocol": "udp"}, {"containerPort": 53, "protocol": "tcp"},
                   {"hostPort": 8080}]}]}
```

## Use instead
```json
{"family": "dns", "containerDefinitions": [{"name": "dns", "image": "coredns/coredns:1.11.3", "memory": 128,
  "portMappings": [{"containerPort": 53, "protocol": "udp"}, {"containerPort": 8080, "hostPort": 8080}]}]}
```

## References
- [PortMapping](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_PortMapping.html)
- [GitHub: aws/aws-cli#7288 (API error text)](https://github.com/aws/aws-cli/issues/7288)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import items
from ecslint.values import as_int, as_str, is_unknown

_RANGE = re.compile(r"^\s*(\d+)\s*-\s*(\d+)\s*$")


def _mapping(td: TaskDefinition, i: int, j: int, pm: dict, mode: str | None, ranges: list) -> Iterator[Finding]:
    label, at = td.container_label(i), ("containerDefinitions", i, "portMappings", j)
    cport, crange, hport = pm.get("containerPort"), pm.get("containerPortRange"), pm.get("hostPort")
    if cport is None and crange is None:
        yield Finding(at, f"port mapping of container {label} has neither containerPort nor containerPortRange "
                      "(\"Invalid 'containerPort' setting\"): add the port the container listens on", target="key")
    for key, value, low in (("containerPort", cport, 1), ("hostPort", hport, 0)):
        n = as_int(value)
        if n is not None and not low <= n <= 65535:
            yield Finding(at + (key,), f"container {label} {key} must be {low}-65535; got {n}")
    if crange is None or is_unknown(crange):
        return
    m = _RANGE.match(str(crange))
    first, last = (int(m.group(1)), int(m.group(2))) if m else (0, 0)
    if not m or not 1 <= first < last <= 65535:
        yield Finding(at + ("containerPortRange",), f"container {label} containerPortRange {crange!r} must read "
                      "\"<first>-<last>\" with 1 <= first < last <= 65535")
        return
    ranges.append((first, last, j))
    if mode in ("host", "none"):
        yield Finding(at + ("containerPortRange",), f"containerPortRange works only with networkMode bridge or awsvpc; "
                      f"the task uses {mode}: list single containerPort mappings instead")
    if hport is not None:
        yield Finding(at + ("hostPort",), f"container {label} sets hostPort with containerPortRange {crange!r}; "
                      "leave hostPort out, ECS assigns the host port range")


@rule(
    code="ECS126",
    name="invalid-port-mapping",
    summary="Port mapping is incomplete, out of range, duplicated or conflicting",
    severity="error",
    applies_to=("task-definition",),
    tags=("networking", "containers"),
    covers=("CT-012", "CT-013", "CT-015", "CT-016", "CT-021"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    mode = as_str(td.network_mode)
    for i, c in td.containers:
        label, ranges = td.container_label(i), []
        seen: dict[str, int] = {}
        protocols: dict[int, tuple[str, int]] = {}
        singles: list[tuple[int, int]] = []
        for j, pm in items(c, "portMappings"):
            yield from _mapping(td, i, j, pm, mode, ranges)
            at = ("containerDefinitions", i, "portMappings", j)
            key = repr(sorted((k, str(v)) for k, v in pm.items()))
            if any(is_unknown(v) for v in pm.values()):
                continue
            if key in seen:
                yield Finding(at, f"container {label} repeats port mapping #{seen[key] + 1} as #{j + 1}: remove the duplicate")
                continue
            seen[key] = j
            port, proto = as_int(pm.get("containerPort")), pm.get("protocol", "tcp")
            if port is None or is_unknown(proto):
                continue
            singles.append((port, j))
            if port in protocols and protocols[port][0] != proto:
                yield Finding(at + ("protocol",), f"container {label} exposes containerPort {port} for both "
                              f"{protocols[port][0]} and {proto}; ECS allows one protocol per container port")
            protocols.setdefault(port, (proto, j))
        if len(ranges) > 100:
            yield Finding(("containerDefinitions", i, "portMappings"), f"container {label} has {len(ranges)} "
                          "containerPortRange mappings; at most 100 are allowed", target="key")
        ranges.sort()
        for (a1, b1, j1), (a2, b2, j2) in zip(ranges, ranges[1:]):
            if a2 <= b1:
                yield Finding(("containerDefinitions", i, "portMappings", j2, "containerPortRange"),
                              f"container {label} port range {a2}-{b2} overlaps {a1}-{b1}; a port may be in one mapping only")
        for port, j in singles:
            hit = next(((a, b) for a, b, _ in ranges if a <= port <= b), None)
            if hit:
                yield Finding(("containerDefinitions", i, "portMappings", j, "containerPort"),
                              f"container {label} containerPort {port} is also in port range {hit[0]}-{hit[1]}; "
                              "a port may be in one mapping only")
