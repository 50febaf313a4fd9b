"""
## What it does
Checks the form of each container's `image`: not empty, at most 255 characters of letters,
digits, `-`, `_`, `:`, `.`, `/` and `#`, and in digest form (`repository@sha256:<digest>`) a
`sha256` digest of exactly 64 hexadecimal characters.

## Why is this bad?
ECS validates the image reference when the task definition is registered and rejects other
characters, longer names and other digest algorithms; an empty image cannot be pulled at all.

## Example
```json
{"family": "web", "containerDefinitions": [
  {"name": "app", "image": "nginx@sha256:4c0fdaa8b634", "memory": 256}]}
```

## Use instead
```json
{"family": "web", "containerDefinitions": [
  {"name": "app", "image": "nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac", "memory": 256}]}
```

## Known limitations
Images that a deploy tool fills in later (`<IMAGE1_NAME>`, `${repo}:${tag}`, `{{ ... }}`) are skipped.

## References
- [ContainerDefinition: image](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-image)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import templated
from ecslint.values import as_str

_CHARS = re.compile(r"^[A-Za-z0-9_:./#-]+$")
_DIGEST = re.compile(r"^sha256:[A-Fa-f0-9]{64}$")


def problem(image: str) -> str | None:
    if not image.strip():
        return "is empty: name the image to run (repository:tag)"
    name, at, digest = image.partition("@")
    if at:
        if not _DIGEST.match(digest):
            return f"has digest {digest!r}; only sha256 digests of exactly 64 hexadecimal characters are supported"
        if len(name) > 255:
            return f"has a {len(name)}-character repository before '@'; at most 255 are allowed"
    elif len(image) > 255:
        return f"is {len(image)} characters long; at most 255 are allowed"
    if not _CHARS.match(name):
        bad = sorted({ch for ch in name if not re.match(r"[A-Za-z0-9_:./#-]", ch)})
        return f"contains {', '.join(map(repr, bad))}; only letters, digits, '-', '_', ':', '.', '/' and '#' are allowed"
    return None


@rule(
    code="ECS124",
    name="invalid-image",
    summary="Container image reference is empty or malformed",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers", "images"),
    covers=("CT-003",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        image = as_str(c.get("image"))
        if image is None or templated(image):
            continue
        why = problem(image)
        if why:
            yield Finding(("containerDefinitions", i, "image"), f"container {td.container_label(i)} image {image!r} {why}")
