"""
## What it does
Finds an environment variable defined twice in one container's `environment`, or defined both in
`environment` and in `secrets`.

## Why is this bad?
Only one value can reach the container; which one wins is not documented, so the configuration
you read is not necessarily the one that runs. CloudFormation rejects duplicate `Environment`
names outright. A name in both lists usually means a secret was moved to `secrets` and the old
plaintext value was left behind.

## Example
```json
{"family": "api", "containerDefinitions": [{"name": "api", "image": "my-api:1.4.2", "memory": 256,
  "environment": [{"name": "LOG_LEVEL", "value": "info"}, {"name": "LOG_LEVEL", "value": "debug"},
                  {"name": "DB_PASSWORD", "value": "hunter2"}],
  "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"}]}]}
```

## Use instead
```json
{"family": "api", "containerDefinitions": [{"name": "api", "image": "my-api:1.4.2", "memory": 256,
  "environment": [{"name": "LOG_LEVEL", "value": "info"}],
  "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"}]}]}
```

## References
- [ContainerDefinition: environment and secrets](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ContainerDefinition.html#ECS-Type-ContainerDefinition-environment)
- [AWS::ECS::TaskDefinition KeyValuePair](https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-ecs-taskdefinition-keyvaluepair.html)

## Known limitations
ECS's behaviour for a name in both lists is not documented (catalog CT-065 is unconfirmed): ECS
registers such a task definition and the task starts, so that case is reported as a warning (the
two values contradict each other), not as an error.
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding, Related, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import items
from ecslint.values import as_str


@rule(
    code="ECS131",
    name="duplicate-environment-variable",
    summary="Environment variable is defined twice, or also as a secret",
    severity="error",
    applies_to=("task-definition",),
    tags=("containers", "environment"),
    covers=("CT-064", "CT-065"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for i, c in td.containers:
        label = td.container_label(i)
        secrets = {as_str(s.get("name")): j for j, s in items(c, "secrets")}
        seen: dict[str, int] = {}
        for j, env in items(c, "environment"):
            name = as_str(env.get("name"))
            if not name:
                continue
            at = ("containerDefinitions", i, "environment", j, "name")
            if name in seen:
                yield Finding(at, f"container {label} defines environment variable {name!r} twice (entries #{seen[name] + 1} "
                              f"and #{j + 1}): keep one", related=(Related(td, at[:-2] + (seen[name], "name"), "first definition"),))
                continue
            seen[name] = j
            if name in secrets:
                yield Finding(at, f"container {label} sets {name!r} both in environment and in secrets: remove the "
                              "plaintext environment entry and keep the secret",
                              related=(Related(td, ("containerDefinitions", i, "secrets", secrets[name], "name"), "secret"),),
                              severity=Severity.WARNING)
