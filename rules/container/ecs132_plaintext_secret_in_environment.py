"""
## What it does
Finds plaintext `environment` values whose variable name says they hold a credential
(`DB_PASSWORD`, `API_TOKEN`, `CLIENT_SECRET`, `AWS_SECRET_ACCESS_KEY`, `STRIPE_API_KEY`, ...).

## Why is this bad?
Plaintext environment values are stored in the task definition: anyone who can describe task
definitions (or read the template, the plan or the repository) can read them, and they show up in
the console and in `DescribeTaskDefinition`. Use `secrets` with Secrets Manager or SSM Parameter
Store; ECS injects the value when the container starts.

## Example
```json
{"family": "api", "containerDefinitions": [{"name": "api", "image": "my-api:1.4.2", "memory": 256,
  "environment": [{"name": "DB_PASSWORD", "value": "hunter2"}]}]}
```

## Use instead
```json
{"family": "api", "executionRoleArn": "arn:aws:iam::123456789012:role/api-execution",
 "containerDefinitions": [{"name": "api", "image": "my-api:1.4.2", "memory": 256,
  "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/api/db-password"}]}]}
```

## References
- [ContainerDefinition: environment](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-environment)
- [Pass sensitive data to an Amazon ECS container](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html)

## Known limitations
Names are matched by their last words; values that are references (ARNs, paths, `${...}`
placeholders), booleans and empty strings are not reported.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import items
from ecslint.values import as_str

_LAST = {"PASSWORD", "PASSWD", "PASS", "SECRET", "TOKEN", "APIKEY", "CREDENTIALS", "CREDENTIAL"}
_PAIR = re.compile(r"(API|PRIVATE|ACCESS|SECRET|SIGNING|ENCRYPTION|MASTER)_KEY(_BASE)?$|SECRET_ACCESS_KEY$|AUTH_KEY$")


def looks_secret(name: str) -> bool:
    up = re.sub(r"[^A-Z0-9]+", "_", re.sub(r"([a-z0-9])([A-Z])", r"\1_\2", name).upper()).strip("_")
    return up.split("_")[-1] in _LAST or bool(_PAIR.search(up))


def plain_value(value: str) -> bool:
    v = value.strip()
    if len(v) < 4 or v.lower() in ("true", "false", "none", "null", "changeme"):
        return v.lower() == "changeme"
    return not (v.startswith(("arn:", "/", "${", "{{resolve:", "ssm:", "secretsmanager:")) or v.isdigit())


@rule(
    code="ECS132",
    name="plaintext-secret-in-environment",
    summary="Credential-like environment variable has a plaintext value",
    severity="warning",
    applies_to=("task-definition",),
    tags=("security", "environment"),
    security_severity=7.5,
    covers=("CT-066",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        for j, env in items(c, "environment"):
            name, value = as_str(env.get("name")), as_str(env.get("value"))
            if name and value and looks_secret(name) and plain_value(value):
                yield Finding(
                    ("containerDefinitions", i, "environment", j, "value"),
                    f"container {td.container_label(i)} passes {name!r} as a plaintext environment value, readable by "
                    "anyone who can describe the task definition: move it to secrets (Secrets Manager or SSM Parameter Store)",
                )
