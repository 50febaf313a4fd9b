"""
## What it does
Notes a Windows task definition (`runtimePlatform.operatingSystemFamily` is a `WINDOWS_SERVER_*`
value) that runs on EC2 container instances (it lists `EC2` in `requiresCompatibilities`, a
service or run-task of the run places it on EC2, or it declares no launch type at all) and whose
containers send their logs with the `awslogs` driver while the task also uses sensitive data
(`secrets` or `logConfiguration.secretOptions`).

## Why is this bad?
Such a task has a task execution role, and the Amazon ECS documentation on passing sensitive data
says: "For Windows tasks that are configured to use the awslogs logging driver, you must also set
the `ECS_ENABLE_AWSLOGS_EXECUTIONROLE_OVERRIDE` environment variable on your container instance."
The variable lets the awslogs driver authenticate with the execution role's credentials. On Linux
the ECS-optimized AMIs turn it on (ecs-init), on Windows it is off unless the instance's user data
sets it; without it the awslogs driver has no credentials for CloudWatch Logs and the containers
do not start or do not log. Whether the instances set it cannot be seen from the task definition,
so this is a note: check the user data of the Windows instances.

## Example
```json
{"family": "iis", "requiresCompatibilities": ["EC2"],
 "executionRoleArn": "arn:aws:iam::123456789012:role/iis-exec",
 "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "memory": 2048,
   "secrets": [{"name": "DB_PASSWORD", "valueFrom": "arn:aws:ssm:us-east-1:123456789012:parameter/db"}],
   "logConfiguration": {"logDriver": "awslogs", "options": {"awslogs-group": "/ecs/iis",
     "awslogs-region": "us-east-1", "awslogs-stream-prefix": "iis"}}}]}
```

## Use instead
Set the variable in the Windows instances' user data before the agent starts:
```powershell
<powershell>
[Environment]::SetEnvironmentVariable("ECS_ENABLE_AWSLOGS_EXECUTIONROLE_OVERRIDE", $TRUE, "Machine")
Import-Module ECSTools
Initialize-ECSAgent -Cluster 'windows' -EnableTaskIAMRole
</powershell>
```
and suppress this note for the task definition once the instances do so.

## Known limitations
The files of a run do not contain the instances' user data, so the note also appears when the
variable is set. The condition follows catalog row IAM-030 (awslogs together with secrets); the
agent documentation ties the variable more generally to awslogs with an execution role. Windows
tasks on Fargate need nothing (no note), ECS Anywhere hosts are left out.

## References
- [Pass sensitive data to an Amazon ECS container](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/specifying-sensitive-data.html)
- [Amazon ECS container agent configuration](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-agent-config.html)
- [Bootstrapping Amazon ECS Windows container instances](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bootstrap_windows_container_instance.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.fargate._util import nonempty
from ecslint.rules.iam._util import windows_on_ec2


def _names(labels: list[str]) -> str:
    return ", ".join(labels[:3]) + (f" and {len(labels) - 3} more" if len(labels) > 3 else "")


@rule(
    code="ECS507",
    name="windows-awslogs-execution-role-override",
    summary="Windows EC2 task with awslogs and secrets needs an agent setting on instances",
    severity="note",
    applies_to=("task-definition",),
    tags=("iam", "windows", "logging", "secrets"),
    covers=("IAM-030",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    why = windows_on_ec2(td)
    if why is None:
        return
    awslogs: list[tuple[int, str]] = []
    secret_users: list[str] = []
    for i, c in td.containers:
        lc = c.get("logConfiguration")
        lc = lc if isinstance(lc, dict) else {}
        if lc.get("logDriver") == "awslogs":
            awslogs.append((i, td.container_label(i)))
        if nonempty(c.get("secrets")) or nonempty(lc.get("secretOptions")):
            secret_users.append(td.container_label(i))
    if not awslogs or not secret_users:
        return
    first = awslogs[0][0]
    yield Finding(
        ("containerDefinitions", first, "logConfiguration", "logDriver"),
        f"Windows task definition {td.family or td.name} runs on EC2 ({why}) and "
        f"{'container' if len(awslogs) == 1 else 'containers'} {_names([n for _, n in awslogs])} "
        f"{'logs' if len(awslogs) == 1 else 'log'} with awslogs and the task uses secrets (container "
        f"{_names(secret_users)}): the Windows container instances must set "
        "ECS_ENABLE_AWSLOGS_EXECUTIONROLE_OVERRIDE=true for the agent ([Environment]::SetEnvironmentVariable("
        "\"ECS_ENABLE_AWSLOGS_EXECUTIONROLE_OVERRIDE\", $TRUE, \"Machine\") in the user data before Initialize-ECSAgent)",
    )
