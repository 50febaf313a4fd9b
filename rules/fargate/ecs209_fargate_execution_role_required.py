"""
## What it does
Checks that a task definition that runs on Fargate (`requiresCompatibilities` lists `FARGATE`, or a
service or run-task of the same run places it there) has an `executionRoleArn` when a container
logs with the `awslogs` driver or pulls its image from a private Amazon ECR repository
(`<account>.dkr.ecr.<region>.amazonaws.com/...`, also when account or region are template
substitutions).

## Why is this bad?
On Fargate there is no instance role: the agent pulls ECR images and writes CloudWatch logs with
the task execution role. Registration fails with
`Fargate requires task definition to have execution role ARN to support log driver awslogs.` or
`Fargate requires task definition to have execution role ARN to support ECR images.`

## Example
```json
{"family": "api", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
 "cpu": "256", "memory": "512",
 "containerDefinitions": [{"name": "api", "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/api:1"}]}
```

## Use instead
```json
{"family": "api", "requiresCompatibilities": ["FARGATE"], "networkMode": "awsvpc",
 "cpu": "256", "memory": "512", "executionRoleArn": "arn:aws:iam::111122223333:role/ecsTaskExecutionRole",
 "containerDefinitions": [{"name": "api", "image": "111122223333.dkr.ecr.us-east-1.amazonaws.com/api:1"}]}
```

## References
- [Amazon ECS task execution IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html)
- API texts as quoted in public reports: hashicorp/terraform-provider-aws#3051, aws/aws-cdk#1279 (https://github.com/aws/aws-cdk/issues/1279)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import where
from ecslint.rules.fargate._util import private_ecr


@rule(
    code="ECS209",
    name="fargate-execution-role-required",
    summary="Fargate task uses awslogs or a private ECR image without an execution role",
    severity="error",
    applies_to=("task-definition",),
    tags=("fargate", "iam"),
    covers=("FG-050", "FG-051"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if not td.is_fargate or td.data.get("executionRoleArn") is not None:
        return
    why = where(td.fargate_reason)
    logs = ecr = False
    for i, c in td.containers:
        lc = c.get("logConfiguration")
        if not logs and isinstance(lc, dict) and lc.get("logDriver") == "awslogs":
            logs = True
            yield Finding(
                ("containerDefinitions", i, "logConfiguration", "logDriver"),
                f"container {td.container_label(i)} logs with awslogs but the task has no executionRoleArn: \"Fargate requires "
                f"task definition to have execution role ARN to support log driver awslogs.\" Add an execution role{why}",
            )
        if not ecr and private_ecr(c.get("image")):
            ecr = True
            yield Finding(
                ("containerDefinitions", i, "image"),
                f"container {td.container_label(i)} pulls a private ECR image but the task has no executionRoleArn: \"Fargate "
                f"requires task definition to have execution role ARN to support ECR images.\" Add an execution role{why}",
            )
