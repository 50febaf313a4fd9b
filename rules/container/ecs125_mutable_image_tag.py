"""
## What it does
Finds container images without a tag or with the `latest` tag (and no digest).

## Why is this bad?
A moving tag makes deployments non-reproducible: two tasks of the same task definition revision
can run different code, and a rollback to an older revision does not bring the old code back.
Pin a version tag or a digest (`versionConsistency: enabled` only pins the digest for one
deployment).

## Example
```json
{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx:latest", "memory": 256}]}
```

## Use instead
```json
{"family": "web", "containerDefinitions": [{"name": "app", "image": "nginx:1.27.2", "memory": 256}]}
```

## References
- [ContainerDefinition: image and versionConsistency](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-versionConsistency)
- [Amazon ECS best practices: container images](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-considerations.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import templated
from ecslint.values import as_str


def tag_of(image: str) -> str | None:
    """The tag of ``registry:5000/repo:tag`` ('' when there is none); None for a digest reference."""
    if "@" in image:
        return None
    last = image.rsplit("/", 1)[-1]
    return last.partition(":")[2]


@rule(
    code="ECS125",
    name="mutable-image-tag",
    summary="Container image has no tag or uses latest",
    severity="warning",
    applies_to=("task-definition",),
    tags=("containers", "images"),
    covers=("CT-004",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        image = as_str(c.get("image"))
        if not image or not image.strip() or templated(image):
            continue
        tag = tag_of(image.strip())
        if tag == "":
            what = "has no tag, so it runs whatever 'latest' is at pull time"
        elif tag == "latest":
            what = "uses the moving tag 'latest'"
        else:
            continue
        yield Finding(
            ("containerDefinitions", i, "image"),
            f"container {td.container_label(i)} image {image!r} {what}: pin a version tag or an @sha256 digest",
        )
