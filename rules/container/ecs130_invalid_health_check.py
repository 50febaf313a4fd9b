"""
## What it does
Checks each container `healthCheck`: `command` is a non-empty list starting with `CMD` or
`CMD-SHELL`; `interval` is 5-300 seconds, `timeout` 2-60, `retries` 1-10 and `startPeriod` 0-300;
and warns when `timeout` is not shorter than `interval` (defaults: interval 30, timeout 5).

## Why is this bad?
ECS rejects values outside these ranges. A command that does not start with `CMD` or `CMD-SHELL`
is not run the way it reads (`["curl -f http://localhost/"]` is not a shell command), so the
container is marked unhealthy and replaced. A timeout as long as the interval lets checks overlap.

## Example
```json
{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": 256,
  "healthCheck": {"command": ["curl -f http://localhost/ || exit 1"], "interval": 2, "timeout": 10}}]}
```

## Use instead
```json
{"family": "web", "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": 256,
  "healthCheck": {"command": ["CMD-SHELL", "curl -f http://localhost/ || exit 1"], "interval": 15, "timeout": 5}}]}
```

## References
- [HealthCheck](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_HealthCheck.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import as_int, as_str, is_unknown

RANGES = {"interval": (5, 300, 30), "timeout": (2, 60, 5), "retries": (1, 10, 3), "startPeriod": (0, 300, 0)}


@rule(
    code="ECS130",
    name="invalid-health-check",
    summary="Container health check command or timing is invalid",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers", "health"),
    covers=("CT-051", "CT-052", "CT-053"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        hc = c.get("healthCheck")
        if not isinstance(hc, dict):
            continue
        label, at = td.container_label(i), ("containerDefinitions", i, "healthCheck")
        cmd = hc.get("command")
        if isinstance(cmd, list) and not cmd:
            yield Finding(at + ("command",), f"container {label} healthCheck command is empty: use [\"CMD-SHELL\", \"<command>\"]")
        elif isinstance(cmd, list) and not is_unknown(cmd[0]):
            head = as_str(cmd[0])
            if head not in ("CMD", "CMD-SHELL", "NONE"):
                yield Finding(at + ("command", 0), f"container {label} healthCheck command starts with {cmd[0]!r}; it must "
                              "start with \"CMD\" (run the arguments directly) or \"CMD-SHELL\" (run them with the shell)")
        values = {}
        for key, (low, high, default) in RANGES.items():
            v = as_int(hc.get(key)) if hc.get(key) is not None else default
            values[key] = v
            if v is not None and not low <= v <= high:
                yield Finding(at + (key,), f"container {label} healthCheck {key} must be {low}-{high}; got {v}")
        interval, timeout = values["interval"], values["timeout"]
        if interval is not None and timeout is not None and 5 <= interval <= 300 and 2 <= timeout <= 60 and timeout >= interval:
            key = "timeout" if hc.get("timeout") is not None else "interval"
            yield Finding(at + (key,), f"container {label} healthCheck timeout {timeout} s is not shorter than its interval "
                          f"{interval} s, so checks overlap: make timeout shorter than interval", severity=Severity.WARNING)
