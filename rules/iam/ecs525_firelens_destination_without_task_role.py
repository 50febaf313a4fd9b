"""
## What it does
Flags a task definition without `taskRoleArn` in which a container logs with `awsfirelens` to an
AWS service (`Name` `cloudwatch`/`cloudwatch_logs`, `firehose`/`kinesis_firehose`,
`kinesis`/`kinesis_streams`, `s3`, or `es`/`opensearch` with `AWS_Auth On`) and the output does
not assume a role of its own (`role_arn`).

Other features whose containers call AWS APIs have their own rules: ECS Exec without a task role
is ECS430, EFS IAM authorization without a task role is ECS550.

## Why is this bad?
The Fluent Bit log router calls the destination's API with the task's credentials. Without a
task role, on Fargate it has no credentials and every log flush fails; on EC2 it falls back to
the container instance role, which then needs write access to every destination of every task
on the instance (and any container can use those credentials).

## Example
```json
{"family": "api", "containerDefinitions": [
  {"name": "log_router", "image": "public.ecr.aws/aws-observability/aws-for-fluent-bit:stable",
   "firelensConfiguration": {"type": "fluentbit"}},
  {"name": "api", "image": "example/api", "memory": 256,
   "logConfiguration": {"logDriver": "awsfirelens",
     "options": {"Name": "cloudwatch_logs", "region": "eu-west-1", "log_group_name": "/ecs/api"}}}]}
```

## Use instead
```json
{"family": "api", "taskRoleArn": "arn:aws:iam::123456789012:role/api-task", "containerDefinitions": ["..."]}
```
with a task role that allows `logs:CreateLogStream` and `logs:PutLogEvents` on the log group.

## References
- [Amazon ECS task IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html)
- [Send Amazon ECS logs to an AWS service or AWS Partner (FireLens)](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/using_firelens.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules._common import where
from ecslint.rules.iam._util import firelens_destinations


@rule(
    code="ECS525",
    name="firelens-destination-without-task-role",
    summary="FireLens sends logs to an AWS service but the task has no task role",
    severity="warning",
    applies_to=("task-definition",),
    tags=("iam", "logging"),
    covers=("IAM-044",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.data.get("taskRoleArn") is not None:
        return
    if td.is_fargate:
        effect = f"on Fargate{where(td.fargate_reason)} the log router then has no AWS credentials and every flush fails"
    else:
        effect = "the log router then falls back to the EC2 instance role (on Fargate it would have no credentials)"
    for d in firelens_destinations(td):
        if d.own_role or not d.uses_aws_credentials:
            continue
        yield Finding(
            ("containerDefinitions", d.index, "logConfiguration", "options", d.name_key),
            f"container {td.container_label(d.index)} sends its logs with FireLens to {d.plugin}, but the task has no "
            f"taskRoleArn; {effect}: add a task role that can write to the destination",
        )
