"""
## What it does
For every secret the ECS agent reads when a task starts, checks that the task definition's
execution role, when it is part of the run, allows reading it:

* `containerDefinitions[].secrets[].valueFrom` and `logConfiguration.secretOptions[].valueFrom`:
  `secretsmanager:GetSecretValue` on a Secrets Manager secret ARN (the JSON-key/version suffix is
  dropped; when the ARN lacks the 6-character suffix, `<name>-??????` is what IAM sees), or
  `ssm:GetParameters` (plural) on an SSM parameter, given as ARN or name (a name becomes
  `arn:<partition>:ssm:<region>:<account>:parameter/<name>`);
* `repositoryCredentials.credentialsParameter`: `secretsmanager:GetSecretValue` on that secret;
* FSx for Windows File Server `authorizationConfig.credentialsParameter`: the same.

When the task role grants what the execution role lacks, the message says so: ECS reads secrets
with the execution role, never with the task role. An Allow that holds only under a Condition is
reported as a note. Policies that are not in the run keep the rule silent.

## Why is this bad?
The task fails to start with `ResourceInitializationError: unable to pull secrets or registry
auth ... AccessDeniedException`, and a service keeps launching and stopping tasks.

## Example
```json
{"family": "api", "executionRoleArn": "arn:aws:iam::123456789012:role/api-exec",
 "taskRoleArn": "arn:aws:iam::123456789012:role/api-task",
 "containerDefinitions": [{"name": "api", "image": "example/api", "memory": 256,
   "secrets": [{"name": "DB_PASSWORD",
     "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbC123"}]}]}
```
where only the task role allows `secretsmanager:GetSecretValue`.

## Use instead
Grant `secretsmanager:GetSecretValue` on
`arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbC123` to the execution role.

## Known limitations
`kms:Decrypt` for a secret or SecureString encrypted with a customer managed key is not checked:
the key is not known from the task definition. SSM parameters that reference Secrets Manager
(`/aws/reference/secretsmanager/...`) are checked for `ssm:GetParameters` only.

## References
- [Pass Secrets Manager secrets through environment variables](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html)
- [Pass Systems Manager parameters through environment variables](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-ssm-paramstore.html)
- [Private registry authentication for tasks](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html)
- [Amazon ECS task execution IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html)
"""
from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from ecslint.model import Finding
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.iam._util import ArnContext, Need, arn_context, check_needs, secret_resources


def _need(pointer: tuple[Any, ...], value: Any, what: str, ctx: ArnContext) -> Need | None:
    found = secret_resources(value, ctx)
    if found is None:
        return None
    action, resources = found
    kind = "secret" if action.startswith("secretsmanager") else "parameter"
    return Need(pointer, f"read {kind} {str(value)!r} for {what}", (((action,), tuple(resources)),))


def _needs(td: TaskDefinition, ctx: ArnContext) -> Iterator[Need | None]:
    for i, c in td.containers:
        label = td.container_label(i)
        secrets = c.get("secrets")
        for j, s in enumerate(secrets if isinstance(secrets, list) else []):
            if isinstance(s, dict):
                yield _need(("containerDefinitions", i, "secrets", j, "valueFrom"), s.get("valueFrom"),
                            f"{s.get('name')!s} of container {label}", ctx)
        lc = c.get("logConfiguration")
        opts = lc.get("secretOptions") if isinstance(lc, dict) else None
        for j, s in enumerate(opts if isinstance(opts, list) else []):
            if isinstance(s, dict):
                yield _need(("containerDefinitions", i, "logConfiguration", "secretOptions", j, "valueFrom"), s.get("valueFrom"),
                            f"log option {s.get('name')!s} of container {label}", ctx)
        rc = c.get("repositoryCredentials")
        if isinstance(rc, dict):
            yield _need(("containerDefinitions", i, "repositoryCredentials", "credentialsParameter"), rc.get("credentialsParameter"),
                        f"the registry credentials of container {label}", ctx)
    volumes = td.data.get("volumes")
    for k, v in enumerate(volumes if isinstance(volumes, list) else []):
        fsx = v.get("fsxWindowsFileServerVolumeConfiguration") if isinstance(v, dict) else None
        auth = fsx.get("authorizationConfig") if isinstance(fsx, dict) else None
        if isinstance(auth, dict):
            yield _need(("volumes", k, "fsxWindowsFileServerVolumeConfiguration", "authorizationConfig", "credentialsParameter"),
                        auth.get("credentialsParameter"), f"the FSx credentials of volume {v.get('name')!s}", ctx)


@rule(
    code="ECS522",
    name="execution-role-secrets",
    summary="Execution role cannot read a secret or parameter the task uses",
    severity="warning",
    applies_to=("task-definition",),
    tags=("iam", "secrets"),
    covers=("IAM-023", "IAM-024", "IAM-025", "SEC-009"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    role = td.execution_role
    if role is None:
        return
    ctx = arn_context(td)
    needs = [n for n in _needs(td, ctx) if n is not None]
    yield from check_needs(td, role, "execution", needs, other=td.task_role, other_kind="task")
