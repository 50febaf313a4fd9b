"""
## What it does
Checks container `links`: they are only allowed when the task uses the `bridge` network mode
(the default on Linux when `networkMode` is omitted), and each entry must read `name` or
`name:alias` with names of up to 255 letters, digits, hyphens and underscores.

## Why is this bad?
Links are a Docker bridge-network feature. RegisterTaskDefinition rejects them in other modes
(`Links are not supported when networkMode=awsvpc.`). In `awsvpc` and `host` mode the containers
of a task share one network namespace and reach each other on `localhost`; no link is needed.

## Example
```json
{"family": "web", "networkMode": "awsvpc", "containerDefinitions": [
  {"name": "app", "image": "example/app:1", "memory": 256, "links": ["db:database"]},
  {"name": "db", "image": "postgres:16", "memory": 512}]}
```

## Use instead
```json
{"family": "web", "networkMode": "awsvpc", "containerDefinitions": [
  {"name": "app", "image": "example/app:1", "memory": 256,
   "environment": [{"name": "DB_HOST", "value": "localhost"}]},
  {"name": "db", "image": "postgres:16", "memory": 512}]}
```

## Known limitations
Links on Fargate and on Windows are reported by the Fargate and Windows rules; whether a link
names an existing container is checked by the container rules.

## References
- [ContainerDefinition: links](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-links)
- API error text: [aws-observability/aws-otel-collector#1359](https://github.com/aws-observability/aws-otel-collector/issues/1359)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.networking._util import network_mode
from ecslint.values import as_str

_LINK = re.compile(r"^[A-Za-z0-9_-]{1,255}(?::[A-Za-z0-9_-]{1,255})?$")


@rule(
    code="ECS161",
    name="links-network-mode",
    summary="Container links outside bridge mode, or a malformed link",
    severity="error",
    applies_to=("task-definition",),
    tags=("networking", "containers"),
    covers=("CT-026", "CT-027"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.is_windows or td.is_fargate:
        return
    mode = network_mode(td)
    for i, c in td.containers:
        links = c.get("links")
        if not isinstance(links, list) or not links:
            continue
        label = td.container_label(i)
        if mode in ("awsvpc", "host", "none"):
            extra = "; containers of the task reach each other on localhost" if mode != "none" else ""
            yield Finding(("containerDefinitions", i, "links"), f"container {label}: links are not supported when networkMode={mode}; remove links or use networkMode bridge{extra}", target="key")
            continue
        for j, link in enumerate(links):
            s = as_str(link)
            if s is not None and not _LINK.match(s):
                yield Finding(("containerDefinitions", i, "links", j), f"container {label}: link {s!r} must read 'container' or 'container:alias' (letters, digits, '-' and '_', up to 255 each)")
