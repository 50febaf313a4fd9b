"""
## What it does
Checks `dependsOn` conditions against the container they wait for: `COMPLETE` and `SUCCESS` need a
container that is not essential, `HEALTHY` needs a container with a `healthCheck`; and the
dependencies must not form a cycle.

## Why is this bad?
ECS rejects a `SUCCESS`/`COMPLETE` dependency on an essential container ("A dependency container
with SUCCESS or COMPLETE condition cannot be an essential container"): when an essential container
exits, the whole task stops. `HEALTHY` can never be reached without a health check, and
containers in a dependency cycle wait for each other forever, so the task never starts.

## Example
```json
{"family": "app", "containerDefinitions": [
  {"name": "web", "image": "my-web:3.2.0", "memory": 256,
   "dependsOn": [{"containerName": "migrate", "condition": "SUCCESS"}, {"containerName": "db", "condition": "HEALTHY"}]},
  {"name": "migrate", "image": "my-web:3.2.0", "memory": 128},
  {"name": "db", "image": "postgres:16", "memory": 512}]}
```

## Use instead
```json
{"family": "app", "containerDefinitions": [
  {"name": "web", "image": "my-web:3.2.0", "memory": 256,
   "dependsOn": [{"containerName": "migrate", "condition": "SUCCESS"}, {"containerName": "db", "condition": "HEALTHY"}]},
  {"name": "migrate", "image": "my-web:3.2.0", "memory": 128, "essential": false},
  {"name": "db", "image": "postgres:16", "memory": 512,
   "healthCheck": {"command": ["CMD-SHELL", "pg_isready -U postgres"]}}]}
```

## References
- [ContainerDependency: condition](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDependency.html)
- [boto/boto3#2436 (API error text)](https://github.com/boto/boto3/issues/2436)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import essential
from ecslint.rules.container._util import container_names, items, names_known
from ecslint.values import as_str


@rule(
    code="ECS129",
    name="invalid-container-dependency",
    summary="dependsOn condition cannot be met, or dependencies form a cycle",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers",),
    covers=("CT-057", "CT-058", "CT-059"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not names_known(td):
        return
    names = container_names(td)
    defs = dict(td.containers)
    graph: dict[str, list[tuple[str, int, int]]] = {}
    for i, c in td.containers:
        label, own = td.container_label(i), as_str(c.get("name"))
        for j, dep in items(c, "dependsOn"):
            target, cond = as_str(dep.get("containerName")), as_str(dep.get("condition"))
            if target is None or target not in names or target == own:
                continue
            if own is not None:
                graph.setdefault(own, []).append((target, i, j))
            other = defs[names[target]]
            at = ("containerDefinitions", i, "dependsOn", j, "condition")
            if cond in ("COMPLETE", "SUCCESS") and essential(other) is True:
                yield Finding(at, f"container {label} waits for {target!r} to {cond}, but {target!r} is essential "
                              "(a task stops when an essential container exits): set essential: false on "
                              f"{target!r} or use condition START")
            if cond == "HEALTHY" and other.get("healthCheck") is None:
                yield Finding(at, f"container {label} waits for {target!r} to be HEALTHY, but {target!r} has no "
                              f"healthCheck: add a healthCheck to {target!r} or use condition START")
    reported: set[frozenset[str]] = set()
    for start in graph:
        path, stack = [start], [iter(graph.get(start, []))]
        while stack:
            nxt = next(stack[-1], None)
            if nxt is None:
                stack.pop()
                path.pop()
                continue
            target, i, j = nxt
            if target == start and frozenset(path) not in reported:
                reported.add(frozenset(path))
                cycle = " -> ".join(repr(p) for p in path + [start])
                yield Finding(("containerDefinitions", i, "dependsOn", j, "containerName"),
                              f"containers depend on each other in a cycle ({cycle}), so none of them can start: "
                              "remove one of these dependencies")
            elif target not in path and len(path) < len(names):
                path.append(target)
                stack.append(iter(graph.get(target, [])))
