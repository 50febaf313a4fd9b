"""
## What it does
Checks each container's `environmentFiles`: at most 10 files, each of `type: s3` with an S3 object
ARN (`arn:aws:s3:::bucket/path/app.env`) whose key ends in `.env`; the task needs an
`executionRoleArn` (the agent downloads the files with it), and the task must not be Windows.

## Why is this bad?
ECS rejects more than 10 files and values that are not S3 object ARNs. The agent only reads files
with the `.env` extension, downloads them with the task execution role (no role, no download), and
Windows containers do not support environment files: the task fails to start
(`PlatformTaskDefinitionIncompatibilityException`).

## Example
```json
{"family": "api", "containerDefinitions": [{"name": "api", "image": "my-api:1.4.2", "memory": 256,
  "environmentFiles": [{"type": "s3", "value": "s3://config-bucket/api/settings.txt"}]}]}
```

## Use instead
```json
{"family": "api", "executionRoleArn": "arn:aws:iam::123456789012:role/api-execution",
 "containerDefinitions": [{"name": "api", "image": "my-api:1.4.2", "memory": 256,
  "environmentFiles": [{"type": "s3", "value": "arn:aws:s3:::config-bucket/api/settings.env"}]}]}
```

## References
- [Pass environment variables from a file](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/taskdef-envfiles.html)
- [EnvironmentFile](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_EnvironmentFile.html)
- Windows support: see docs/research/verified-facts.md (item 15)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import items, s3_arn_key
from ecslint.values import as_str

MAX_FILES = 10


@rule(
    code="ECS133",
    name="invalid-environment-files",
    summary="environmentFiles entry is invalid or cannot be loaded",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers", "environment"),
    covers=("CT-067", "CT-068", "CT-069", "CT-070"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    using = [(i, c) for i, c in td.containers if any(True for _ in items(c, "environmentFiles"))]
    for i, c in using:
        label, at = td.container_label(i), ("containerDefinitions", i, "environmentFiles")
        files = c.get("environmentFiles")
        if isinstance(files, list) and len(files) > MAX_FILES:
            yield Finding(at, f"container {label} lists {len(files)} environment files; at most {MAX_FILES} are allowed", target="key")
        for j, f in items(c, "environmentFiles"):
            value = as_str(f.get("value"))
            if value is None:
                continue
            parsed = s3_arn_key(value)
            if parsed is None:
                yield Finding(at + (j, "value"), f"container {label} environment file {value!r} is not an S3 object ARN: "
                              "use arn:aws:s3:::<bucket>/<key>.env")
            elif not parsed[1].endswith(".env"):
                yield Finding(at + (j, "value"), f"container {label} environment file {value!r} does not end in .env; "
                              "ECS only loads files with the .env extension: rename the object", severity=Severity.WARNING)
    if not using:
        return
    first = ("containerDefinitions", using[0][0], "environmentFiles")
    if td.data.get("executionRoleArn") is None:
        yield Finding(first, f"container {td.container_label(using[0][0])} uses environmentFiles, but the task has no "
                      "executionRoleArn to download them with: add a task execution role that can read the S3 objects", target="key")
    if td.is_windows:
        yield Finding(first, f"container {td.container_label(using[0][0])} uses environmentFiles, which Windows containers "
                      f"do not support ({td.os_family}); the task fails at launch: use environment or secrets", target="key")
