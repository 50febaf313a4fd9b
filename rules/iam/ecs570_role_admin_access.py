"""
## What it does
Flags administrator access on a role that a task definition of the run uses as execution role or
task role: an unconditional `Allow` of `"Action": "*"` (or `*:*`) on `"Resource": "*"`, an
`Allow` with `NotAction` on every resource, or an attached AWS-managed policy that does either
(`AdministratorAccess`, `PowerUserAccess`...). Inline, customer-managed and AWS-managed policies are
all checked.

## Why is this bad?
Every process in the task (and, for an execution role, the ECS agent acting for it) can then do
anything in the account. A compromised container becomes a compromised account. Task roles should
grant the few actions the application calls on its own resources; execution roles need only image
pulls, logs and the task's secrets.

## Example
```yaml
TaskRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: sts:AssumeRole}]}
    ManagedPolicyArns: [arn:aws:iam::aws:policy/AdministratorAccess]
```

## Use instead
```yaml
    Policies:
      - PolicyName: app
        PolicyDocument:
          Statement: [{Effect: Allow, Action: [s3:GetObject], Resource: arn:aws:s3:::example-app-data/*}]
```

## References
- [Amazon ECS task IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html)
- [Security best practices in IAM: grant least privilege](https://docs.aws.amazon.com/IAM/latest/UserGuide/best-practices.html#grant-least-privilege)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.model import Finding
from ecslint.project import Role
from ecslint.registry import rule
from ecslint.rules.iam._util import admin_statement, allow_statements, related_uses, role_label, role_uses, statement_location, uses_text


@rule(
    code="ECS570",
    name="role-admin-access",
    summary="Execution or task role has administrator access",
    severity="warning",
    applies_to=("iam-role",),
    tags=("iam", "least-privilege", "security"),
    security_severity=9.0,
    covers=(),
)
def check(role: Role) -> Iterator[Finding]:
    uses = role_uses(role)
    if not uses:
        return
    seen: set[str] = set()
    for ref, st in allow_statements(role):
        how = admin_statement(st)
        if how is None or ref.policy.name in seen:
            continue
        seen.add(ref.policy.name)  # one finding per policy
        loc = statement_location(ref)
        if loc is None:
            continue
        res, ptr = loc
        yield Finding(
            ptr,
            f"{ref.describe()} {how}: role {role_label(role)} (the {uses_text(uses)}) gets administrator access; "
            "grant only the actions the task needs, on its own resources",
            resource=res if res is not role else None,
            related=related_uses(uses),
        )
