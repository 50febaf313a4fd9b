"""
## What it does
Checks `firelensConfiguration.options` of the log router and FireLens-only log options:
* keys are `enable-ecs-log-metadata`, `config-file-type` and `config-file-value`;
  `enable-ecs-log-metadata` is `"true"` or `"false"`;
* `config-file-type` is `s3` or `file`, and comes with `config-file-value` (and vice versa);
* with `s3`, `config-file-value` is an S3 object ARN `arn:aws:s3:::bucket/key`, not an `s3://` URL;
* with `file`, the value is not the path FireLens reserves for its generated configuration
  (`/fluent-bit/etc/fluent-bit.conf`, `/fluentd/etc/fluent.conf`);
* `log-driver-buffer-limit` is only used with `logDriver: awsfirelens`.

## Why is this bad?
An `s3://` URL is rejected with `Invalid arn syntax.`; the reserved paths are overwritten by the
configuration ECS generates, so the custom configuration is lost; unknown keys and values are not
FireLens options and the router is misconfigured.

## Example
```json
{"name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
 "firelensConfiguration": {"type": "fluentbit", "options": {
   "config-file-type": "s3", "config-file-value": "s3://custom-configs-bucket/loki.conf"}}}
```

## Use instead
```json
{"name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
 "firelensConfiguration": {"type": "fluentbit", "options": {
   "config-file-type": "s3", "config-file-value": "arn:aws:s3:::custom-configs-bucket/loki.conf"}}}
```

## Known limitations
`s3` configuration files are not supported on Fargate; the Fargate rules report that.

## References
- [FirelensConfiguration](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_FirelensConfiguration.html)
- [Example task definition for FireLens](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/firelens-taskdef.html)
- `Invalid arn syntax.`: [aws/aws-cli#7147](https://github.com/aws/aws-cli/issues/7147)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import as_str

_KEYS = ("enable-ecs-log-metadata", "config-file-type", "config-file-value")
_S3_ARN = re.compile(r"^arn:[\w-]+:s3:::[^/]+/.+$")
_RESERVED = {"/fluent-bit/etc/fluent-bit.conf", "/fluentd/etc/fluent.conf"}


@rule(
    code="ECS183",
    name="invalid-firelens-options",
    summary="FireLens option is unknown, malformed or points at a reserved file",
    severity="error",
    applies_to=("task-definition",),
    tags=("logging", "firelens"),
    covers=("LOG-023", "LOG-024", "LOG-026", "LOG-031"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        label = td.container_label(i)
        lc = c.get("logConfiguration")
        if isinstance(lc, dict) and isinstance(lc.get("options"), dict) and "log-driver-buffer-limit" in lc["options"]:
            driver = as_str(lc.get("logDriver"))
            if driver is not None and driver != "awsfirelens":
                yield Finding(("containerDefinitions", i, "logConfiguration", "options", "log-driver-buffer-limit"), f"container {label}: log-driver-buffer-limit only applies to logDriver awsfirelens, not {driver}; remove it", target="key")
        fc = c.get("firelensConfiguration")
        opts = fc.get("options") if isinstance(fc, dict) else None
        if not isinstance(opts, dict):
            continue
        base = ("containerDefinitions", i, "firelensConfiguration", "options")
        for key in opts:
            if key not in _KEYS:
                yield Finding((*base, key), f"container {label}: {key!r} is not a FireLens option; use enable-ecs-log-metadata, config-file-type or config-file-value (output settings belong in the application's logConfiguration.options)", target="key")
        meta = as_str(opts.get("enable-ecs-log-metadata"))
        if meta is not None and meta not in ("true", "false"):
            yield Finding((*base, "enable-ecs-log-metadata"), f"container {label}: enable-ecs-log-metadata must be \"true\" or \"false\"; got {meta!r}")
        ftype, fvalue = opts.get("config-file-type"), opts.get("config-file-value")
        if (ftype is None) != (fvalue is None):
            present, missing = ("config-file-type", "config-file-value") if fvalue is None else ("config-file-value", "config-file-type")
            yield Finding((*base, present), f"container {label}: {present} is set without {missing}; set both", target="key")
        t, v = as_str(ftype), as_str(fvalue)
        if t is not None and t not in ("s3", "file"):
            yield Finding((*base, "config-file-type"), f"container {label}: config-file-type must be \"s3\" or \"file\"; got {t!r}")
        elif t == "s3" and v is not None and not _S3_ARN.match(v):
            fix = f" (e.g. 'arn:aws:s3:::{v[5:]}')" if v.startswith("s3://") else ""
            yield Finding((*base, "config-file-value"), f"container {label}: with config-file-type s3, config-file-value must be an S3 object ARN arn:aws:s3:::bucket/key, not {v!r}{fix}")
        elif t == "file" and v in _RESERVED:
            yield Finding((*base, "config-file-value"), f"container {label}: {v} is where FireLens writes its generated configuration, so a file there is overwritten; put the custom file elsewhere (e.g. /fluent-bit/etc/custom.conf)")
