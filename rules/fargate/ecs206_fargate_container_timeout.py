"""
## What it does
Checks container `stopTimeout` and `startTimeout` of a task definition that runs on Fargate
(`requiresCompatibilities` lists `FARGATE`, or a service or run-task of the same run places it
there). Fargate accepts 2 to 120 seconds for both; an omitted `stopTimeout` means 30 seconds.

## Why is this bad?
120 seconds is the documented maximum on Fargate: a longer graceful-shutdown window is not
honoured there, so a container that needs it is killed before it finishes (lost in-flight work),
and the task definition is not valid for Fargate.

## Example
```json
{"name": "worker", "image": "example/worker", "stopTimeout": 300}
```

## Use instead
```json
{"name": "worker", "image": "example/worker", "stopTimeout": 120}
```
(and make the worker checkpoint within two minutes of SIGTERM, or run it on EC2)

## References
- [ContainerDefinition: stopTimeout, startTimeout](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html)

## Known limitations
Whether registration or only the task launch rejects a value above 120 is not confirmed (see
docs/research/verified-facts.md section 4); the rule relies on the documented range. A value of 0
is taken for "not set" (the placeholder of `--generate-cli-skeleton` output) and not reported.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import where
from ecslint.values import as_int

LOW, HIGH = 2, 120


@rule(
    code="ECS206",
    name="fargate-container-timeout",
    summary="Container stopTimeout or startTimeout outside the 2-120 seconds Fargate allows",
    severity="error",
    applies_to=("task-definition",),
    tags=("fargate", "containers"),
    covers=("FG-040", "FG-041"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_fargate:
        return
    why = where(td.fargate_reason)
    for i, c in td.containers:
        for key in ("stopTimeout", "startTimeout"):
            n = as_int(c.get(key))
            if n is not None and n != 0 and not LOW <= n <= HIGH:
                fix = HIGH if n > HIGH else LOW
                yield Finding(
                    ("containerDefinitions", i, key),
                    f"container {td.container_label(i)} sets {key} {n}; Fargate allows {LOW}-{HIGH} seconds "
                    f"(documented range): use {fix}{why}",
                )
