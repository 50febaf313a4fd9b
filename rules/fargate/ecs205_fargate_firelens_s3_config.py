"""
## What it does
Checks the FireLens configuration of containers of a task definition that runs on Fargate
(`requiresCompatibilities` lists `FARGATE`, or a service or run-task of the same run places it
there): `firelensConfiguration.options["config-file-type"]` must not be `s3`.

## Why is this bad?
Tasks hosted on Fargate only support the `file` configuration file type: the Fluent Bit or
Fluentd configuration must be inside the log router image. With `s3` the task cannot be placed;
RunTask reports `The specified platform does not satisfy the task definition's required capabilities`.

## Example
```json
{"name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
 "firelensConfiguration": {"type": "fluentbit", "options": {
   "config-file-type": "s3", "config-file-value": "arn:aws:s3:::my-bucket/fluent-bit.conf"}}}
```

## Use instead
Bake the file into the image (or use the init image of aws-for-fluent-bit, which downloads S3
files itself):
```json
{"name": "log_router", "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/fluent-bit-custom:1",
 "firelensConfiguration": {"type": "fluentbit", "options": {
   "config-file-type": "file", "config-file-value": "/extra.conf"}}}
```

## References
- [FirelensConfiguration: options](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_FirelensConfiguration.html)
- [Example task definition with FireLens: custom configuration](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/firelens-taskdef.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import where
from ecslint.values import as_str


@rule(
    code="ECS205",
    name="fargate-firelens-s3-config",
    summary="FireLens config-file-type s3 on Fargate, which only supports file",
    severity="error",
    applies_to=("task-definition",),
    tags=("fargate", "logging"),
    covers=("FG-030", "LOG-025"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_fargate:
        return
    for i, c in td.containers:
        fl = c.get("firelensConfiguration")
        opts = fl.get("options") if isinstance(fl, dict) else None
        if isinstance(opts, dict) and as_str(opts.get("config-file-type")) == "s3":
            yield Finding(
                ("containerDefinitions", i, "firelensConfiguration", "options", "config-file-type"),
                f"container {td.container_label(i)} loads its FireLens configuration from S3; tasks hosted on Fargate "
                f"only support config-file-type 'file' (put the file in the log router image){where(td.fargate_reason)}",
            )
