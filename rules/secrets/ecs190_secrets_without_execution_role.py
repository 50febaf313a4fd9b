"""
## What it does
Flags a task definition in which a container has a `secrets` list (even an empty one) or a
`logConfiguration.secretOptions` list while the task has no `executionRoleArn`.

## Why is this bad?
The ECS agent fetches secrets from Secrets Manager and SSM Parameter Store with the task execution
role. RegisterTaskDefinition rejects the task definition:
`When you are specifying container secrets, you must also specify a value for 'executionRoleArn'.`

## Example
```json
{"family": "api", "containerDefinitions": [{"name": "api", "image": "example/api:1", "memory": 512,
  "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/api/db-password"}]}]}
```

## Use instead
```json
{"family": "api", "executionRoleArn": "arn:aws:iam::123456789012:role/ecsTaskExecutionRole",
 "containerDefinitions": [{"name": "api", "image": "example/api:1", "memory": 512,
  "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:eu-west-1:123456789012:parameter/api/db-password"}]}]}
```

## References
- [Pass sensitive data to an Amazon ECS container](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html)
- [Amazon ECS task execution IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html)
- API error text: [fabfuel/ecs-deploy#87](https://github.com/fabfuel/ecs-deploy/issues/87), an empty list triggers it too: [aws/aws-sdk-go#2370](https://github.com/aws/aws-sdk-go/issues/2370)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule


@rule(
    code="ECS190",
    name="secrets-without-execution-role",
    summary="Container secrets need a task execution role",
    severity="error",
    applies_to=("task-definition",),
    tags=("secrets", "iam"),
    covers=("SEC-002", "LOG-019"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.data.get("executionRoleArn") is not None:
        return
    for i, c in td.containers:
        label = td.container_label(i)
        if "secrets" in c:
            empty = " (an empty secrets list counts too)" if c.get("secrets") == [] else ""
            yield Finding(("containerDefinitions", i, "secrets"), f"container {label} specifies secrets{empty}, so the task needs executionRoleArn (the role that reads them); add executionRoleArn", target="key")
        lc = c.get("logConfiguration")
        if isinstance(lc, dict) and "secretOptions" in lc:
            yield Finding(("containerDefinitions", i, "logConfiguration", "secretOptions"), f"container {label} specifies logConfiguration.secretOptions, so the task needs executionRoleArn (the role that reads them); add executionRoleArn", target="key")
