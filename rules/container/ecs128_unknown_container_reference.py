"""
## What it does
Checks that container names used inside a task definition name another container of the same
task definition: `links` (`name` or `name:alias`; the form itself is checked by ECS161),
`volumesFrom[].sourceContainer` and `dependsOn[].containerName`.

## Why is this bad?
ECS resolves these names when it registers the task definition or starts the task. A name that
matches no container (often a typo, or a container renamed in one place only), or the container
itself, makes registration or the task start fail.

## Example
```json
{"family": "app", "containerDefinitions": [
  {"name": "web", "image": "my-web:3.2.0", "memory": 256,
   "dependsOn": [{"containerName": "migrate", "condition": "SUCCESS"}], "volumesFrom": [{"sourceContainer": "web"}]},
  {"name": "migrations", "image": "my-web:3.2.0", "memory": 128, "essential": false}]}
```

## Use instead
```json
{"family": "app", "containerDefinitions": [
  {"name": "web", "image": "my-web:3.2.0", "memory": 256,
   "dependsOn": [{"containerName": "migrations", "condition": "SUCCESS"}]},
  {"name": "migrations", "image": "my-web:3.2.0", "memory": 128, "essential": false}]}
```

## References
- [ContainerDefinition: links, volumesFrom, dependsOn](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html)
- [ContainerDependency](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html)
- [VolumeFrom](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_VolumeFrom.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import container_names, items, names_known
from ecslint.values import as_str


def _target(td: TaskDefinition, label: str, own: str | None, name: str, what: str, names: dict[str, int]) -> str | None:
    if name == own:
        return f"container {label} {what} itself; name another container"
    if name not in names:
        choices = ", ".join(repr(n) for n in names if n != own) or "none"
        return f"container {label} {what} {name!r}, which is not a container of this task definition (containers: {choices})"
    return None


@rule(
    code="ECS128",
    name="unknown-container-reference",
    summary="links, volumesFrom or dependsOn names a container that does not exist",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers",),
    covers=("CT-027", "CT-056", "CT-077"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not names_known(td):
        return
    names = container_names(td)
    for i, c in td.containers:
        label, own = td.container_label(i), as_str(c.get("name"))
        links = c.get("links")
        for j, link in enumerate(links if isinstance(links, list) else []):
            link_s = as_str(link)
            if not link_s:
                continue
            name = link_s.partition(":")[0]
            why = _target(td, label, own, name, "links to", names)  # the link's form is ECS161's
            if why:
                yield Finding(("containerDefinitions", i, "links", j), why)
        for key, member, what in (("volumesFrom", "sourceContainer", "mounts volumes from"),
                                  ("dependsOn", "containerName", "depends on")):
            for j, entry in items(c, key):
                name = as_str(entry.get(member))
                why = _target(td, label, own, name, what, names) if name else None
                if why:
                    yield Finding(("containerDefinitions", i, key, j, member), why)
