"""
## What it does
Flags unconditional `Allow` statements on a role that a task definition of the run uses as
execution role that grant `secretsmanager:GetSecretValue`, `ssm:GetParameters` or `s3:GetObject`
on every resource (`"Resource": "*"`, `arn:aws:secretsmanager:*:*:secret:*`, `parameter/*`,
`arn:aws:s3:::*/*`, or a `NotResource`). Statements granting `"Action": "*"` are left to
`role-admin-access`.

## Why is this bad?
The execution role only needs the secrets, parameters and files its task definitions name. With
`*` every task that uses the role (and anyone who can register a task definition with it) can
read every secret in the account.

## Example
```json
{"Effect": "Allow", "Action": ["secretsmanager:GetSecretValue", "ssm:GetParameters"], "Resource": "*"}
```

## Use instead
```json
{"Effect": "Allow", "Action": "secretsmanager:GetSecretValue",
 "Resource": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api/db-*"}
```

## References
- [Amazon ECS task execution IAM role: Secrets Manager and Systems Manager permissions](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html)
- [Security best practices in IAM: grant least privilege](https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Role
from ecslint.registry import rule
from ecslint.rules.iam._util import (
    admin_statement, all_resources, allow_statements, grants_action, related_uses, role_label, role_uses, statement_location,
)

_READS = (("secretsmanager:GetSecretValue", "secretsmanager"), ("ssm:GetParameters", "ssm"), ("s3:GetObject", "s3"))


@rule(
    code="ECS572",
    name="execution-role-broad-secret-access",
    summary="Execution role can read every secret, parameter or S3 object",
    severity="warning",
    applies_to=("iam-role",),
    tags=("iam", "least-privilege", "security"),
    security_severity=5.0,
    covers=("IAM-054",),
)
def check(role: Role) -> Iterator[Finding]:
    uses = [u for u in role_uses(role) if u[1] == "execution"]
    if not uses:
        return
    for ref, st in allow_statements(role):
        if admin_statement(st) is not None:
            continue
        broad = [a for a, svc in _READS if grants_action(st, a) and all_resources(st, svc)]
        loc = statement_location(ref) if broad else None
        if loc is None:
            continue
        res, ptr = loc
        yield Finding(
            ptr,
            f"{ref.describe()} allows {', '.join(broad)} on every resource to execution role {role_label(role)}; "
            "list the ARNs of the secrets, parameters and files its task definitions use",
            resource=res if res is not role else None,
            related=related_uses(uses),
        )
