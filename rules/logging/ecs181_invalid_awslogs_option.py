"""
## What it does
Checks the `options` of the `awslogs` driver:
* the key is one the driver knows (`awslogs-group`, `awslogs-region`, `awslogs-stream-prefix`,
  `awslogs-create-group`, `awslogs-datetime-format`, `awslogs-multiline-pattern`, `mode`,
  `max-buffer-size`, `awslogs-endpoint`, `awslogs-credentials-endpoint`,
  `awslogs-force-flush-interval-seconds`, `awslogs-max-buffered-events`, `awslogs-format`, `tag`) —
  unknown keys are warnings;
* `awslogs-group` is a valid log group name (1-512 of `A-Za-z0-9._-/#`);
* `awslogs-datetime-format` and `awslogs-multiline-pattern` are not both set;
* `awslogs-create-group` is a boolean string (`"true"`/`"false"`);
* `mode` is `blocking` or `non-blocking`, and `max-buffer-size` is only set with `non-blocking`
  (warning).

## Why is this bad?
Docker refuses to start a container whose log options it cannot parse (`unknown log opt`,
`invalid awslogs-create-group`), the API reference says the two multiline options cannot be
combined, and CloudWatch rejects a malformed group name. `max-buffer-size` is ignored in blocking
mode.

## Example
```json
{"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web app", "awslogs-region": "eu-west-1",
  "awslogs-create-group": "yes", "mode": "nonblocking", "awslogs-stream-prefx": "web"}}
```

## Use instead
```json
{"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/web-app", "awslogs-region": "eu-west-1",
  "awslogs-create-group": "true", "mode": "non-blocking", "awslogs-stream-prefix": "web"}}
```

## References
- [Using the awslogs log driver](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_awslogs.html)
- [LogConfiguration: options](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html)
- [Docker awslogs logging driver](https://docs.docker.com/engine/logging/drivers/awslogs/)
"""
from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from ecslint.model import Finding, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.logging._util import log_configs
from ecslint.values import as_str

KNOWN = (
    "awslogs-group", "awslogs-region", "awslogs-stream-prefix", "awslogs-create-group", "awslogs-datetime-format",
    "awslogs-multiline-pattern", "mode", "max-buffer-size", "awslogs-endpoint", "awslogs-credentials-endpoint",
    "awslogs-force-flush-interval-seconds", "awslogs-max-buffered-events", "awslogs-format", "awslogs-stream", "awslogs-create-stream", "tag",
)  # fmt: skip
_GROUP = re.compile(r"^[.\-_/#A-Za-z0-9]{1,512}$")
_BOOLS = {"1", "t", "T", "TRUE", "true", "True", "0", "f", "F", "FALSE", "false", "False"}


@rule(
    code="ECS181",
    name="invalid-awslogs-option",
    summary="awslogs option is unknown, malformed or conflicting",
    severity="error",
    applies_to=("task-definition",),
    tags=("logging",),
    covers=("LOG-011", "LOG-012", "LOG-014", "LOG-015", "LOG-016"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, _lc, opts in log_configs(td, "awslogs"):
        label = td.container_label(i)
        base = ("containerDefinitions", i, "logConfiguration", "options")
        for key in opts:
            if key not in KNOWN:
                close = difflib.get_close_matches(key, KNOWN, n=1)
                hint = f"; did you mean {close[0]!r}?" if close else ""
                yield Finding((*base, key), f"container {label}: {key!r} is not an awslogs option{hint}", target="key", severity=Severity.WARNING)
        group = as_str(opts.get("awslogs-group"))
        if group is not None and not _GROUP.match(group):
            yield Finding((*base, "awslogs-group"), f"container {label}: log group name {group!r} must be 1-512 characters of letters, digits, '.', '-', '_', '/' and '#'")
        if "awslogs-datetime-format" in opts and "awslogs-multiline-pattern" in opts:
            yield Finding((*base, "awslogs-multiline-pattern"), f"container {label}: awslogs-datetime-format and awslogs-multiline-pattern cannot both be set; keep one (the datetime format wins in Docker)", target="key")
        create = as_str(opts.get("awslogs-create-group"))
        if create is not None and create not in _BOOLS:
            yield Finding((*base, "awslogs-create-group"), f"container {label}: awslogs-create-group must be \"true\" or \"false\"; got {create!r}")
        mode = as_str(opts.get("mode"))
        if mode is not None and mode not in ("blocking", "non-blocking"):
            yield Finding((*base, "mode"), f"container {label}: log mode must be \"blocking\" or \"non-blocking\"; got {mode!r}")
        elif mode == "blocking" and "max-buffer-size" in opts:
            yield Finding((*base, "max-buffer-size"), f"container {label}: max-buffer-size only applies with mode non-blocking; it is ignored with mode blocking", target="key", severity=Severity.WARNING)
