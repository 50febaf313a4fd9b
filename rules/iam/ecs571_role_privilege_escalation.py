"""
## What it does
Flags unconditional `Allow` statements, on a role that a task definition of the run uses as
execution role or task role, that let the role raise its own privileges:

* `iam:PassRole` on every role (`"*"`, `arn:aws:iam::*:role/*`, `role/*` of the account);
* a wildcard over IAM (`iam:*`, `iam:Put*`, `iam:Attach*`...) or any of the actions that rewrite
  permissions (`iam:CreatePolicyVersion`, `iam:SetDefaultPolicyVersion`, `iam:AttachRolePolicy`,
  `iam:PutRolePolicy`, `iam:UpdateAssumeRolePolicy`, `iam:AttachUserPolicy`, `iam:PutUserPolicy`,
  `iam:CreateAccessKey`, `iam:CreateLoginProfile`, `iam:UpdateLoginProfile`,
  `iam:AddUserToGroup`) on every resource;
* `sts:AssumeRole` on every role.

Statements that already grant `"Action": "*"` are left to `role-admin-access`. A Condition on the
statement (e.g. `iam:PassedToService`) keeps the rule silent.

## Why is this bad?
Code running in the task can pass an administrator role to a new task, function or instance,
attach a policy to its own role, or assume any role that trusts the account: a foothold in one
container becomes control of the account.

## Example
```json
{"Effect": "Allow", "Action": ["iam:PassRole", "ecs:RunTask"], "Resource": "*"}
```

## Use instead
```json
{"Effect": "Allow", "Action": "iam:PassRole",
 "Resource": "arn:aws:iam::123456789012:role/worker-task",
 "Condition": {"StringEquals": {"iam:PassedToService": "ecs-tasks.amazonaws.com"}}}
```

## References
- [Granting a user permissions to pass a role to an AWS service](https://docs.aws.amazon.com/IAM/latest/UserGuide/id_roles_use_passrole.html)
- [Security best practices in IAM](https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html)
- [Amazon ECS task IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Role
from ecslint.registry import rule
from ecslint.rules.iam._util import (
    admin_statement, all_resources, allow_statements, grants_action, related_uses, role_label, role_uses, statement_location, uses_text,
)

_ESCALATE = (
    "iam:CreatePolicyVersion", "iam:SetDefaultPolicyVersion", "iam:AttachRolePolicy", "iam:PutRolePolicy",
    "iam:UpdateAssumeRolePolicy", "iam:AttachUserPolicy", "iam:PutUserPolicy", "iam:CreateAccessKey",
    "iam:CreateLoginProfile", "iam:UpdateLoginProfile", "iam:AddUserToGroup",
)


def _problems(st: dict) -> list[str]:
    out = []
    if grants_action(st, "iam:PassRole") and all_resources(st, "iam"):
        out.append("iam:PassRole on every role")
    esc = [a for a in _ESCALATE if grants_action(st, a)]
    if esc and all_resources(st, "iam"):
        more = len(esc) - 1
        out.append(f"{esc[0]}{f' (and {more} more IAM write action' + ('s)' if more > 1 else ')') if more else ''} on every resource")
    if grants_action(st, "sts:AssumeRole") and all_resources(st, "iam"):
        out.append("sts:AssumeRole on every role")
    return out


@rule(
    code="ECS571",
    name="role-privilege-escalation",
    summary="Execution or task role can pass, assume or rewrite any role",
    severity="warning",
    applies_to=("iam-role",),
    tags=("iam", "least-privilege", "security"),
    security_severity=8.0,
    covers=(),
)
def check(role: Role) -> Iterator[Finding]:
    uses = role_uses(role)
    if not uses:
        return
    for ref, st in allow_statements(role):
        if admin_statement(st) is not None:
            continue
        problems = _problems(st)
        loc = statement_location(ref) if problems else None
        if loc is None:
            continue
        res, ptr = loc
        yield Finding(
            ptr,
            f"{ref.describe()} allows {' and '.join(problems)} with no Condition: role {role_label(role)} (the {uses_text(uses)}) "
            "can raise its own privileges; name the exact roles (and add iam:PassedToService for PassRole)",
            resource=res if res is not role else None,
            related=related_uses(uses),
        )
