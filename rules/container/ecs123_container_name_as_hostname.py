"""
## What it does
Finds environment values that reach a sibling container by its container name
(`postgres://db:5432/app`, `db:6379`, or `DB_HOST=db`) in a task whose network mode is `awsvpc`
or `host` (Fargate always uses `awsvpc`).

## Why is this bad?
ECS does not create DNS names for the containers of a task. With `awsvpc` and `host` networking the
containers of one task share a network namespace and reach each other on `localhost`; the
container name does not resolve, so the application fails to connect. (In `bridge` mode, only
`links` make a name resolvable.)

## Example
```json
{"family": "app", "networkMode": "awsvpc", "containerDefinitions": [
  {"name": "web", "image": "my-web:3.2.0", "memory": 256,
   "environment": [{"name": "DATABASE_URL", "value": "postgres://db:5432/app"}]},
  {"name": "db", "image": "postgres:16", "memory": 512}]}
```

## Use instead
```json
{"family": "app", "networkMode": "awsvpc", "containerDefinitions": [
  {"name": "web", "image": "my-web:3.2.0", "memory": 256,
   "environment": [{"name": "DATABASE_URL", "value": "postgres://localhost:5432/app"}]},
  {"name": "db", "image": "postgres:16", "memory": 512}]}
```

## References
- [Task networking: containers in awsvpc tasks communicate over localhost](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking-awsvpc.html)
- [Network mode host](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/networking-networkmode-host.html)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import container_names, items
from ecslint.values import as_str

_URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://(?:[^@/]*@)?([^:/?#,]+)(?::\d+)?(?:[/?#].*)?$")
_HOSTPORT = re.compile(r"^([A-Za-z0-9_-]+):\d{1,5}$")
_HOST_VAR = re.compile(r"(HOST|ADDR|ENDPOINT|SERVER)", re.I)


def _host(name: str, value: str) -> str | None:
    m = _URL.match(value) or _HOSTPORT.match(value)
    if m:
        return m.group(1)
    return value if _HOST_VAR.search(name) else None


@rule(
    code="ECS123",
    name="container-name-as-hostname",
    summary="Container reaches a sibling container by name; use localhost",
    severity="warning",
    applies_to=("task-definition",),
    tags=("networking", "containers"),
    covers=("CT-082",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    mode = as_str(td.network_mode)
    if mode not in ("awsvpc", "host") and not (td.is_fargate and mode is None):
        return
    mode = mode or "awsvpc"
    names = container_names(td)
    for i, c in td.containers:
        own = as_str(c.get("name"))
        for j, env in items(c, "environment"):
            var, value = as_str(env.get("name")) or "", as_str(env.get("value"))
            if not value:
                continue
            host = _host(var, value.strip())
            if host and host in names and host != own:
                yield Finding(
                    ("containerDefinitions", i, "environment", j, "value"),
                    f"container {td.container_label(i)} reaches container {host!r} by name in {var}={value!r}, but with "
                    f"networkMode {mode} container names do not resolve: use localhost instead of {host!r}",
                )
