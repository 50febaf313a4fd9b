"""
## What it does
Flags credentials written in plain text where ECS stores them unprotected:
* log driver `options` such as `splunk-token`, FireLens output options like `HTTP_Passwd`,
  `apikey` or `password`, and the `fluentd-address` of the `fluentd` driver;
* `dockerLabels` whose name says password, secret, token or API key;
* `command` / `entryPoint` arguments such as `--password=...` or `--token ...`.

## Why is this bad?
Task definitions are readable by anyone with `ecs:DescribeTaskDefinition`, are kept for every
revision, and show up in the console, CloudTrail and CloudFormation templates. Secrets belong in
Secrets Manager or SSM Parameter Store, passed through `secretOptions` (log drivers) or `secrets`
(containers), which the execution role reads at start-up.

## Example
```json
{"logDriver": "splunk", "options": {"splunk-url": "https://splunk.example.com:8088",
  "splunk-token": "8f2c1e4a-0000-4b5d-9c2e-123456789abc"}}
```

## Use instead
```json
{"logDriver": "splunk", "options": {"splunk-url": "https://splunk.example.com:8088"},
 "secretOptions": [{"name": "splunk-token", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:splunk-AbCdEf"}]}
```

## Known limitations
Plain-text `environment` values are checked by the container rules. Values that are not known
statically (parameters, references) are not reported.

## References
- [ContainerDefinition: environment (plain text is not recommended for sensitive data)](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-environment)
- [Pass sensitive data to an Amazon ECS container](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html)
- [Specifying sensitive data in a log configuration](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-logconfig.html)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.values import as_str

_SECRET_KEY = re.compile(r"(passw(or)?d|passwd|secret|token|api[-_]?key|apikey|private[-_]?key|credential)", re.I)
_NOT_SECRET = re.compile(r"(_file|_path|-file|-path|_arn|-arn|_id$|-id$|format|endpoint|url$|_uri)", re.I)
_ARG = re.compile(r"^--?([A-Za-z0-9_.-]*(?:passw(?:or)?d|secret|token|api[-_]?key)[A-Za-z0-9_.-]*)(=(.+))?$", re.I)


def _sensitive(key: str) -> bool:
    return bool(_SECRET_KEY.search(key)) and not _NOT_SECRET.search(key)


@rule(
    code="ECS193",
    name="sensitive-value-in-plain-option",
    summary="Credential in plain text in log options, labels or command",
    severity="warning",
    applies_to=("task-definition",),
    tags=("security", "secrets"),
    security_severity=7.0,
    covers=("SEC-010", "LOG-035"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        label = td.container_label(i)
        lc = c.get("logConfiguration")
        opts = lc.get("options") if isinstance(lc, dict) else None
        driver = as_str(lc.get("logDriver")) if isinstance(lc, dict) else None
        for key, value in (opts.items() if isinstance(opts, dict) else ()):
            if as_str(value) is None or not value:
                continue
            if _sensitive(key) or (key == "fluentd-address" and driver == "fluentd"):
                yield Finding(("containerDefinitions", i, "logConfiguration", "options", key), f"container {label}: log option {key!r} is stored in plain text in the task definition; move it to logConfiguration.secretOptions (valueFrom a Secrets Manager secret or SSM parameter)")
        labels = c.get("dockerLabels")
        for key, value in (labels.items() if isinstance(labels, dict) else ()):
            if as_str(value) and _sensitive(key):
                yield Finding(("containerDefinitions", i, "dockerLabels", key), f"container {label}: Docker label {key!r} looks like a credential stored in plain text; pass it through secrets instead")
        for member in ("command", "entryPoint"):
            args = c.get(member)
            args = args if isinstance(args, list) else []
            for j, a in enumerate(args):
                s = as_str(a)
                m = _ARG.match(s) if s else None
                if m is None or _NOT_SECRET.search(m.group(1)):
                    continue
                nxt = as_str(args[j + 1]) if j + 1 < len(args) else None
                value = m.group(3) or (nxt if nxt and not nxt.startswith("-") and not nxt.startswith("$") else None)
                if value and not value.startswith("$"):
                    yield Finding(("containerDefinitions", i, member, j), f"container {label}: {member} passes {m.group(1)!r} on the command line in plain text; read it from an environment variable set through secrets")
