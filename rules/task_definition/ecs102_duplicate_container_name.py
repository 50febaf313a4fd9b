"""
## What it does
Finds two or more containers of one task definition with the same `name`.

## Why is this bad?
Container names identify containers everywhere else: `links`, `dependsOn`, `volumesFrom`,
`proxyConfiguration.containerName`, a service's `loadBalancers[].containerName` and Service
Connect. ECS requires them to be unique within a task definition; with two equal names the
references are ambiguous and the task definition is rejected.

## Example
```json
{"family": "web", "containerDefinitions": [
  {"name": "app", "image": "nginx:1.27", "memory": 256},
  {"name": "app", "image": "envoyproxy/envoy:v1.31.0", "memory": 128}]}
```

## Use instead
```json
{"family": "web", "containerDefinitions": [
  {"name": "app", "image": "nginx:1.27", "memory": 256},
  {"name": "envoy", "image": "envoyproxy/envoy:v1.31.0", "memory": 128}]}
```

## References
- [ContainerDefinition: name](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-name)

## Known limitations
The exact API error text is not confirmed (catalog section 20, item 1); the rule relies on the
name-based references named above.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import as_str


@rule(
    code="ECS102",
    name="duplicate-container-name",
    summary="Two containers of the task definition have the same name",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers",),
    covers=("TD-006",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    first: dict[str, int] = {}
    for i, c in td.containers:
        name = as_str(c.get("name"))
        if name is None:
            continue
        if name in first:
            j = first[name]
            yield Finding(
                ("containerDefinitions", i, "name"),
                f"container #{i + 1} is named {name!r} like container #{j + 1}; container names must be unique "
                "within a task definition: rename one of them",
                related=(Related(td, ("containerDefinitions", j, "name"), f"first container named {name!r}"),),
            )
        else:
            first[name] = i
