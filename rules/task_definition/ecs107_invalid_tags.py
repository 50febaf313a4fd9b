"""
## What it does
Checks the `tags` of a task definition: at most 50, keys of 1-128 and values of 0-256 characters
from letters, digits, spaces and `_ . : / = + - @`, no key twice, and no key or value starting with
the reserved prefix `aws:`.

## Why is this bad?
`RegisterTaskDefinition` (and `TagResource`) reject such tags; the `aws:` prefix is reserved for
AWS's own tags.

## Example
```json
{"family": "web", "tags": [{"key": "aws:team", "value": "web"}, {"key": "env", "value": "prod"}, {"key": "env", "value": "dev"}],
 "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": 256}]}
```

## Use instead
```json
{"family": "web", "tags": [{"key": "team", "value": "web"}, {"key": "env", "value": "prod"}],
 "containerDefinitions": [{"name": "web", "image": "nginx:1.27", "memory": 256}]}
```

## References
- [Tag](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Tag.html)
- [Tagging your Amazon ECS resources](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-using-tags.html)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import items
from ecslint.values import as_str

_CHARS = re.compile(r"^[\w\s.:/=+\-@]*$", re.UNICODE)


@rule(
    code="ECS107",
    name="invalid-tags",
    summary="Task definition tags break the tagging rules",
    severity="error",
    applies_to=("task-definition",),
    tags=("tags",),
    covers=("TD-019",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    tags = td.data.get("tags")
    if isinstance(tags, list) and len(tags) > 50:
        yield Finding(("tags",), f"task definition has {len(tags)} tags; at most 50 are allowed", target="key")
    seen: set[str] = set()
    for j, tag in items(td.data, "tags"):
        key, value = as_str(tag.get("key")), as_str(tag.get("value"))
        if key is not None:
            at = ("tags", j, "key")
            if not 1 <= len(key) <= 128:
                yield Finding(at, f"tag key {key!r} must be 1-128 characters; it has {len(key)}")
            elif not _CHARS.match(key):
                yield Finding(at, f"tag key {key!r} may only contain letters, digits, spaces and _ . : / = + - @")
            if key.lower().startswith("aws:"):
                yield Finding(at, f"tag key {key!r} uses the reserved prefix 'aws:': choose another key")
            if key in seen:
                yield Finding(at, f"tag key {key!r} appears twice: keep one")
            seen.add(key)
        if value is not None:
            at = ("tags", j, "value")
            if len(value) > 256:
                yield Finding(at, f"tag value of {key!r} has {len(value)} characters; at most 256 are allowed")
            elif not _CHARS.match(value):
                yield Finding(at, f"tag value {value!r} may only contain letters, digits, spaces and _ . : / = + - @")
            if value.lower().startswith("aws:"):
                yield Finding(at, f"tag value {value!r} uses the reserved prefix 'aws:'")
