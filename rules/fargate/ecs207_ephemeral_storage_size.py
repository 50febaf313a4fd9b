"""
## What it does
Checks `ephemeralStorage.sizeInGiB`: when set it must be between 21 and 200 GiB. Without
`ephemeralStorage` a Fargate task gets 20 GiB. Task definitions that surely do not run on Fargate
are left to `ephemeral-storage-without-fargate`.

## Why is this bad?
The API accepts only 21-200 GiB ("The minimum supported value is 21 GiB and the maximum supported
value is 200 GiB"). 20 is not a valid explicit value: omit `ephemeralStorage` to get the default.

## Example
```json
{"family": "etl", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
 "cpu": "1024", "memory": "2048", "ephemeralStorage": {"sizeInGiB": 500},
 "containerDefinitions": [{"name": "etl", "image": "example/etl"}]}
```

## Use instead
```json
{"family": "etl", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
 "cpu": "1024", "memory": "2048", "ephemeralStorage": {"sizeInGiB": 200},
 "containerDefinitions": [{"name": "etl", "image": "example/etl"}]}
```
(or mount an EFS or EBS volume for more space)

## Known limitations
`sizeInGiB: 0` is taken for "not set" (the placeholder of `--generate-cli-skeleton` output) and not reported.

## References
- [EphemeralStorage](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EphemeralStorage.html)
- [Fargate task ephemeral storage](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-task-storage.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.fargate._util import not_fargate
from ecslint.values import as_int

LOW, HIGH = 21, 200


@rule(
    code="ECS207",
    name="ephemeral-storage-size",
    summary="ephemeralStorage.sizeInGiB is outside 21-200 GiB",
    severity="error",
    applies_to=("task-definition",),
    tags=("fargate", "storage"),
    covers=("FG-043",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    es = td.data.get("ephemeralStorage")
    if not isinstance(es, dict) or not_fargate(td):
        return
    n = as_int(es.get("sizeInGiB"))
    if n is None or n == 0 or LOW <= n <= HIGH:  # 0: the CLI-skeleton placeholder
        return
    hint = "omit ephemeralStorage for the default 20 GiB, or set 21-200" if n < LOW else f"set at most {HIGH} and mount EFS or EBS for more"
    yield Finding(("ephemeralStorage", "sizeInGiB"), f"ephemeralStorage.sizeInGiB is {n}; valid values are {LOW}-{HIGH} GiB: {hint}")
