"""
## What it does
Checks each container's `ulimits`: one entry per limit `name`, and `softLimit` not above
`hardLimit`.

## Why is this bad?
Docker refuses to start a container whose soft limit exceeds its hard limit (the container keeps
failing with `CannotStartContainerError`), and a limit listed twice is ambiguous (only one value
is applied).

## Example
```json
{"family": "db", "containerDefinitions": [{"name": "db", "image": "postgres:16", "memory": 512,
  "ulimits": [{"name": "nofile", "softLimit": 65536, "hardLimit": 4096}, {"name": "nofile", "softLimit": 1024, "hardLimit": 1024}]}]}
```

## Use instead
```json
{"family": "db", "containerDefinitions": [{"name": "db", "image": "postgres:16", "memory": 512,
  "ulimits": [{"name": "nofile", "softLimit": 65536, "hardLimit": 65536}]}]}
```

## References
- [Ulimit](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Ulimit.html)
- [docker run --ulimit](https://docs.docker.com/reference/cli/docker/container/run/#ulimit)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import items
from ecslint.values import as_int, as_str


@rule(
    code="ECS134",
    name="invalid-ulimits",
    summary="ulimit listed twice or soft limit above hard limit",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers", "linux"),
    covers=("CT-042", "CT-043"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        label, seen = td.container_label(i), {}
        for j, u in items(c, "ulimits"):
            at = ("containerDefinitions", i, "ulimits", j)
            name = as_str(u.get("name"))
            if name is not None:
                if name in seen:
                    yield Finding(at + ("name",), f"container {label} lists ulimit {name!r} twice (#{seen[name] + 1} and "
                                  f"#{j + 1}): keep one entry")
                seen.setdefault(name, j)
            soft, hard = as_int(u.get("softLimit")), as_int(u.get("hardLimit"))
            if soft is not None and hard is not None and soft > hard:
                yield Finding(at + ("softLimit",), f"container {label} ulimit {name or '?'} softLimit {soft} is above its "
                              f"hardLimit {hard}; Docker will not start the container: raise hardLimit to at least {soft}",
                              severity=Severity.WARNING)
