"""
## What it does
Flags a task definition without `executionRoleArn` in which

* a container uses private registry authentication (`repositoryCredentials`), or
* the FireLens log router loads its configuration from S3 (`firelensConfiguration.options`
  `config-file-type: s3`; on Fargate that option is not supported at all, see ECS205).

Unlike most execution-role uses, these need the role on EC2 too: the container agent never uses
the instance role for them. (`secrets`/`secretOptions` without an execution role are ECS190,
`environmentFiles` ECS133, awslogs and private ECR images on Fargate ECS209.)

## Why is this bad?
The agent reads the registry credentials secret and downloads the FireLens configuration with the
task execution role's credentials. Without the role the task stops before its containers start
(`ResourceInitializationError`, "unable to find execution role credentials").

## Example
```json
{"family": "api", "containerDefinitions": [{"name": "api", "image": "registry.example.com/api:1", "memory": 256,
  "repositoryCredentials": {"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry-AbC123"}}]}
```

## Use instead
```json
{"family": "api", "executionRoleArn": "arn:aws:iam::123456789012:role/api-exec",
 "containerDefinitions": [{"name": "api", "image": "registry.example.com/api:1", "memory": 256,
  "repositoryCredentials": {"credentialsParameter": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:registry-AbC123"}}]}
```
with `secretsmanager:GetSecretValue` on the secret in the execution role.

## References
- [Amazon ECS task execution IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html) ("hosted on either AWS Fargate or Amazon EC2 instances and ... using private registry authentication")
- [Private registry authentication for tasks](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html)
- [Use a custom FireLens configuration file](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/firelens-taskdef.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule


@rule(
    code="ECS526",
    name="agent-credentials-without-execution-role",
    summary="Registry credentials or FireLens S3 config need a task execution role",
    severity="warning",
    applies_to=("task-definition",),
    tags=("iam",),
    covers=("IAM-025", "IAM-027"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    if td.data.get("executionRoleArn") is not None:
        return
    for i, c in td.containers:
        label = td.container_label(i)
        rc = c.get("repositoryCredentials")
        if isinstance(rc, dict) and rc.get("credentialsParameter") is not None:
            yield Finding(("containerDefinitions", i, "repositoryCredentials"),
                          f"container {label} pulls its image with repositoryCredentials, but the task has no executionRoleArn: "
                          "the agent reads the registry secret with the execution role (also on EC2), so the task cannot start; "
                          "add an execution role with secretsmanager:GetSecretValue on the secret", target="key")
        fl = c.get("firelensConfiguration")
        opts = fl.get("options") if isinstance(fl, dict) else None
        if isinstance(opts, dict) and opts.get("config-file-type") == "s3" and not td.is_fargate:
            yield Finding(("containerDefinitions", i, "firelensConfiguration", "options", "config-file-type"),
                          f"log router {label} loads its FireLens configuration from S3, but the task has no executionRoleArn: "
                          "the agent downloads it with the execution role (also on EC2); add an execution role with "
                          "s3:GetObject on the object and s3:GetBucketLocation on the bucket")
