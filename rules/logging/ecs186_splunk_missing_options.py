"""
## What it does
Checks containers that log with the `splunk` driver: they need `splunk-url` in `options` and
`splunk-token` in `options` or (better) in `secretOptions`.

## Why is this bad?
The API reference says the splunk driver needs a token and a URL; without them Docker cannot start
the container's logging and the container fails to start.

## Example
```json
{"logDriver": "splunk", "options": {"splunk-url": "https://splunk.example.com:8088"}}
```

## Use instead
```json
{"logDriver": "splunk", "options": {"splunk-url": "https://splunk.example.com:8088"},
 "secretOptions": [{"name": "splunk-token", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:splunk-AbCdEf"}]}
```

## References
- [LogConfiguration: options](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_LogConfiguration.html)
- [Docker Splunk logging driver](https://docs.docker.com/engine/logging/drivers/splunk/)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.logging._util import log_configs, options_known


@rule(
    code="ECS186",
    name="splunk-missing-options",
    summary="splunk log driver without splunk-url or splunk-token",
    severity="warning",
    applies_to=("task-definition",),
    tags=("logging",),
    covers=("LOG-018",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, lc, opts in log_configs(td, "splunk"):
        so = lc.get("secretOptions")
        if not options_known(lc) or (so is not None and not isinstance(so, list)):
            continue
        secret_names = {s.get("name") for s in so or [] if isinstance(s, dict) and isinstance(s.get("name"), str)}
        ptr = ("containerDefinitions", i, "logConfiguration", "logDriver")
        missing = [k for k in ("splunk-url", "splunk-token") if k not in opts and k not in secret_names]
        if missing:
            yield Finding(ptr, f"container {td.container_label(i)}: the splunk driver needs {' and '.join(missing)}; set splunk-url in options and splunk-token in secretOptions")
