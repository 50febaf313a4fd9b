"""
## What it does
Notes a Windows task definition (`runtimePlatform.operatingSystemFamily` is a `WINDOWS_SERVER_*`
value) with a `taskRoleArn` that runs on EC2 container instances (it lists `EC2` in
`requiresCompatibilities`, a service or run-task of the run places it on EC2, or it declares no
launch type at all). It stays silent when the same template or plan contains instance user data
that passes `-EnableTaskIAMRole`.

## Why is this bad?
On Windows container instances, IAM roles for tasks are off unless the agent is initialized with
them. The Amazon ECS documentation ("Additional configuration for Windows IAM roles for tasks")
says: "For Windows containers on Fargate that use task roles, no further action is necessary. For
Windows containers on EC2 that use task roles, follow these steps", the first being "you must set
the `-EnableTaskIAMRole` option in the container instances user data script". Without it the
credential endpoint is not set up: the application gets no task role credentials (the SDK may
fall back to the instance role, or fail with access denied). The user data of the instances is
usually not part of the files that define the task, so this is a note: check it.

## Example
```json
{"family": "iis", "requiresCompatibilities": ["EC2"],
 "taskRoleArn": "arn:aws:iam::123456789012:role/iis-task",
 "runtimePlatform": {"operatingSystemFamily": "WINDOWS_SERVER_2022_CORE"},
 "containerDefinitions": [{"name": "iis", "image": "mcr.microsoft.com/windows/servercore/iis", "memory": 2048}]}
```

## Use instead
Initialize the agent with task roles in the Windows instances' user data:
```powershell
<powershell>
Import-Module ECSTools
Initialize-ECSAgent -Cluster 'windows' -EnableTaskIAMRole
</powershell>
```
The credential provider then uses port 80 on the instance (containers cannot map host port 80),
and after a restart of the instance the agent must be initialized again.

## Known limitations
Only user data in the same CloudFormation template or Terraform plan is read (any string that
mentions `EnableTaskIAMRole`, also base64-encoded); instances defined elsewhere leave the note in
place, suppress it there. Windows tasks on Fargate need nothing; ECS Anywhere hosts are left out.

## References
- [Additional configuration for Windows IAM roles for tasks](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/windows_task_IAM_roles.html)
- [Amazon ECS task IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html)
- [Bootstrapping Amazon ECS Windows container instances](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/bootstrap_windows_container_instance.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.iam._util import document_mentions, windows_on_ec2
from ecslint.values import as_str


@rule(
    code="ECS508",
    name="windows-task-role-agent-setting",
    summary="Windows EC2 task role works only if the agent is started with -EnableTaskIAMRole",
    severity="note",
    applies_to=("task-definition",),
    tags=("iam", "windows"),
    covers=("IAM-046",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    role = td.data.get("taskRoleArn")
    if role is None or role == "":
        return
    why = windows_on_ec2(td)
    if why is None or document_mentions(td.document.data, "EnableTaskIAMRole"):
        return
    text = as_str(role)
    name = (text.rsplit("/", 1)[-1] if text and ":role/" in text else text) or (
        td.task_role.role_name if td.task_role is not None else None) or "its task role"
    yield Finding(
        ("taskRoleArn",),
        f"Windows task definition {td.family or td.name} uses task role {name} and runs on EC2 ({why}): "
        "Windows container instances provide task role credentials only when the agent is initialized with "
        "-EnableTaskIAMRole (Initialize-ECSAgent -Cluster <cluster> -EnableTaskIAMRole in the user data); "
        "without it the containers get no task role credentials",
    )
