"""
## What it does
Flags two `secrets` entries of one container with the same `name`, and two `secretOptions` of one
log configuration with the same `name`.

## Why is this bad?
Each entry sets one environment variable (or log option). With two entries of the same name only
one value can win, and which one is not defined; usually one of them is a copy-paste mistake.

## Example
```json
{"name": "api", "image": "example/api:1", "secrets": [
  {"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/api/db-password"},
  {"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/api/db-user"}]}
```

## Use instead
```json
{"name": "api", "image": "example/api:1", "secrets": [
  {"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/api/db-password"},
  {"name": "DB_USER", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/api/db-user"}]}
```

## Known limitations
A name present in both `environment` and `secrets` is checked by the container rules. Whether the
API rejects duplicates is not confirmed (catalog: E?).

## References
- [Secret](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Secret.html)
- [Pass sensitive data to an Amazon ECS container](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.secrets._util import secret_refs
from ecslint.values import as_str


@rule(
    code="ECS192",
    name="duplicate-secret-name",
    summary="Two secrets of one container have the same name",
    severity="error",
    applies_to=("task-definition",),
    tags=("secrets",),
    covers=("SEC-008",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    seen: dict[tuple, tuple] = {}
    for ptr, i, s in secret_refs(td):
        name = as_str(s.get("name"))
        if name is None:
            continue
        key = (ptr[:-1], name)
        if key in seen:
            where = "secretOptions" if ptr[-2] == "secretOptions" else "secrets"
            yield Finding((*ptr, "name"), f"container {td.container_label(i)}: {where} name {name!r} is given twice; only one value can be used: rename or remove one",
                          related=(Related(td, (*seen[key], "name"), f"first {name}"),))
        else:
            seen[key] = ptr
