"""
## What it does
Checks a run-task input: `count` is 1 to 10, `overrides` serialize to at most 8192 characters,
every `overrides.containerOverrides[]` entry names a container of the task definition,
`propagateTags` is not `SERVICE`, `startedBy` has at most 128 letters, digits, `-`, `/` or `_`,
and `clientToken` has at most 64 printable ASCII characters.

## Why is this bad?
RunTask rejects each of these: "You can specify up to 10 tasks for each call", "An error will be
received if you specify the SERVICE option when running a task", a container override names the
container it changes, and the limits on `overrides`, `startedBy` and `clientToken` are part of the API.

## Example
```json
{"cluster": "batch", "taskDefinition": "etl", "count": 20, "propagateTags": "SERVICE",
 "overrides": {"containerOverrides": [{"name": "worker", "command": ["run", "--all"]}]}}
```

## Use instead
```json
{"cluster": "batch", "taskDefinition": "etl", "count": 10, "propagateTags": "TASK_DEFINITION",
 "overrides": {"containerOverrides": [{"name": "etl", "command": ["run", "--all"]}]}}
```

## References
- [RunTask](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RunTask.html)
- [ContainerOverride](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerOverride.html)
"""
from __future__ import annotations

import json
import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.values import as_int, as_str, is_unknown

STARTED_BY = re.compile(r"^[A-Za-z0-9_/-]{1,128}$")
TOKEN = re.compile(r"^[\x21-\x7e]{1,64}$")


@rule(
    code="ECS360",
    name="run-task-invalid-parameter",
    summary="run-task parameter that RunTask rejects",
    severity="error",
    applies_to=("run-task",),
    tags=("run-task",),
    covers=("RT-002", "RT-005", "RT-006", "RT-008", "RT-009", "RT-010"),
)
def check(rt: Service) -> Iterator[Finding]:
    count = as_int(rt.data.get("count"))
    if count is not None and not 1 <= count <= 10:
        yield Finding(("count",), f"RunTask starts 1 to 10 tasks per call; got count {count} (call it several times)")
    if rt.data.get("propagateTags") == "SERVICE":
        yield Finding(("propagateTags",), "propagateTags SERVICE is not valid for a standalone task; use TASK_DEFINITION or NONE")
    sb = as_str(rt.data.get("startedBy"))
    if sb is not None and not STARTED_BY.match(sb):
        yield Finding(("startedBy",), f"startedBy must be 1-128 letters, digits, hyphens, slashes or underscores; got {sb!r}")
    tok = as_str(rt.data.get("clientToken"))
    if tok is not None and not TOKEN.match(tok):
        yield Finding(("clientToken",), f"clientToken must be 1-64 printable ASCII characters without spaces; got {len(tok)} characters")
    ov = rt.data.get("overrides")
    if not isinstance(ov, dict):
        return
    try:
        size = len(json.dumps(ov, separators=(",", ":"), default=lambda _: "?"))
    except (TypeError, ValueError):
        size = 0
    if size > 8192:
        yield Finding(("overrides",), f"overrides may be at most 8192 characters of JSON; these are about {size}", target="key")
    td = rt.task_definition
    cos = ov.get("containerOverrides")
    if td is None or not td.containers_known or not isinstance(cos, list):
        return
    names = [as_str(c.get("name")) for _, c in td.containers]
    if any(n is None for n in names):
        return
    for i, co in enumerate(cos):
        if not isinstance(co, dict) or not co:
            continue
        name = co.get("name")
        if name is None:
            yield Finding(("overrides", "containerOverrides", i), f"a container override needs the name of the container it "
                          f"changes (one of {', '.join(map(repr, names))})", target="key")
        elif not is_unknown(name) and name not in names:
            yield Finding(("overrides", "containerOverrides", i, "name"), f"container override {name!r} names no container of "
                          f"task definition {td.name} (it has {', '.join(map(repr, names))})")
