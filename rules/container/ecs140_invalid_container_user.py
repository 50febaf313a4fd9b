"""
## What it does
Checks the format of a container's `user`: one of `user`, `user:group`, `uid`, `uid:gid`,
`user:gid` or `uid:group`, where a numeric uid or gid is a non-negative whole number. Reported are
more than one `:`, an empty part (`"1000:"`), whitespace, and signed or fractional numbers (`"-1"`,
`"1000.5"`). Windows task definitions are left to `windows-unsupported-parameter`.

## Why is this bad?
ECS passes `user` to Docker as is. A value in none of the documented forms does not name a user:
Docker refuses to start the container (`unable to find user`), so every task of the service fails.
When you want a numeric identity, write it as plain digits.

## Example
```json
{"family": "web", "containerDefinitions": [
  {"name": "web", "image": "nginx:1.27", "memory": 256, "user": "1000:1000:1000"}]}
```

## Use instead
```json
{"family": "web", "containerDefinitions": [
  {"name": "web", "image": "nginx:1.27", "memory": 256, "user": "1000:1000"}]}
```

## References
- [ContainerDefinition: user](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-user)
- [Task definition parameters: user](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html#container_definition_security)
- [docker run --user](https://docs.docker.com/reference/cli/docker/container/run/#user)

## Known limitations
Where a malformed value is rejected (registration or container start) is not confirmed (catalog E?).
Whether a user or group name exists in the image cannot be known from the files. Values with
unresolved or templated parts (`${USER_ID}`) and an empty string (a CLI-skeleton placeholder) are
not checked.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import templated
from ecslint.values import as_int, as_str

_SIGNED = re.compile(r"^[+-]\d+$")
_FRACTION = re.compile(r"^[+-]?\d*\.\d+$")
_FORMS = "user, user:group, uid, uid:gid, user:gid or uid:group"


def _problem(value: str) -> str | None:
    if any(ch.isspace() for ch in value):
        return "it contains whitespace"
    parts = value.split(":")
    if len(parts) > 2:
        return f"it has {len(parts) - 1} ':' separators (at most one, between user and group)"
    for part, what in zip(parts, ("user", "group")):
        if not part:
            return f"its {what} part is empty"
        if _SIGNED.match(part) or _FRACTION.match(part):
            return f"{part!r} is not a valid {'uid' if what == 'user' else 'gid'} (numeric ids are whole numbers from 0)"
    return None


@rule(
    code="ECS140",
    name="invalid-container-user",
    summary="Container user is not user, uid, user:group or uid:gid",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers",),
    covers=("CT-036",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.is_windows or not td.os_known:
        return
    for i, c in td.containers:
        raw = c.get("user")
        value = as_str(raw)
        if value is None and as_int(raw) is not None:
            value = str(as_int(raw))
        if not value or templated(value):
            continue
        problem = _problem(value)
        if problem:
            yield Finding(("containerDefinitions", i, "user"), f"container {td.container_label(i)} user {value!r} is invalid: {problem}; "
                          f"use {_FORMS} (for example \"1000:1000\")")
