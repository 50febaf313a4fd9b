"""
## What it does
Preview rule (run it with `--preview` or select it). Flags Linux task definitions for EC2 that use the `bridge` network mode (explicitly or by omitting
`networkMode`) or the `host` mode.

## Why is this bad?
AWS recommends `awsvpc` unless there is a specific need for another mode: each task gets its own
network interface and private IP, security groups apply per task instead of per instance, VPC flow
logs show the task, there are no host port conflicts, and the same task definition also runs on
Fargate. `bridge` stays useful for packing many small tasks behind dynamic ports on an instance
with few ENIs, and `host` for agents that must see the host network; suppress the finding there.

## Example
```json
{"family": "api", "requiresCompatibilities": ["EC2"], "containerDefinitions": [
  {"name": "api", "image": "example/api:1", "memory": 512, "portMappings": [{"containerPort": 8080, "hostPort": 0}]}]}
```

## Use instead
```json
{"family": "api", "requiresCompatibilities": ["EC2"], "networkMode": "awsvpc", "containerDefinitions": [
  {"name": "api", "image": "example/api:1", "memory": 512, "portMappings": [{"containerPort": 8080}]}]}
```

## Known limitations
Only task definitions that run (or may run) on EC2 are checked; ECS Anywhere (`EXTERNAL`) does not
support `awsvpc` and is skipped, as are Windows task definitions.

## References
- [Choosing a network mode](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-networking.html)
- [Amazon ECS task networking options for EC2](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/networking-networkmode.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.networking._util import network_mode


@rule(
    code="ECS169",
    name="prefer-awsvpc-network-mode",
    summary="EC2 task definition uses bridge or host networking instead of awsvpc",
    severity="warning",
    applies_to=("task-definition",),
    tags=("networking", "best-practice"),
    covers=("NW-006",),
    status="preview",
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    targets = set(td.launch_targets)
    if td.is_windows or "FARGATE" in targets or "EXTERNAL" in targets or (targets and "EC2" not in targets):
        return
    mode = network_mode(td)
    if mode not in ("bridge", "host"):
        return
    if td.network_mode is None:
        yield Finding((), "networkMode is omitted, so this EC2 task uses bridge networking; AWS recommends networkMode awsvpc (a network interface and security groups per task) unless you need bridge", target="key")
    else:
        yield Finding(("networkMode",), f"networkMode {mode}: AWS recommends awsvpc on EC2 (a network interface and security groups per task, no host port conflicts) unless you need {mode}")
