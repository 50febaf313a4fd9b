"""
## What it does
For every role of the run that a task definition of the run uses as execution role or task role,
checks that the trust statements letting `ecs-tasks.amazonaws.com` assume it carry a
confused-deputy condition: `aws:SourceAccount` (the account id) and/or `aws:SourceArn`
(`arn:aws:ecs:<region>:<account>:*`); `aws:SourceOrgID`/`aws:SourceOrgPaths` count too.

## Why is this bad?
Without these conditions any ECS task of any account that can pass the role's ARN could have the
service assume it on its behalf (the "confused deputy" problem). AWS recommends both keys in the
trust policy of task roles; a specific cluster in `aws:SourceArn` is not supported, use the
wildcard form.  It is reported as a note: `iam:PassRole` already keeps other accounts from passing
the role, and most generated templates (CDK, Copilot) leave the conditions out, so this is
hardening advice rather than a defect.

## Example
```json
{"Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
  "Action": "sts:AssumeRole"}]}
```

## Use instead
```json
{"Statement": [{"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"},
  "Action": "sts:AssumeRole",
  "Condition": {"ArnLike": {"aws:SourceArn": "arn:aws:ecs:us-west-2:111122223333:*"},
                "StringEquals": {"aws:SourceAccount": "111122223333"}}}]}
```

## References
- [Amazon ECS task IAM role: trust policy with conditions](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html)
- [The confused deputy problem](https://docs.aws.amazon.com/IAM/latest/UserGuide/confused-deputy.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.iam import Verdict, has_confused_deputy_condition, trust_allows
from ecslint.model import Finding
from ecslint.project import Role
from ecslint.registry import rule
from ecslint.rules.iam._util import ECS_TASKS, related_uses, role_label, role_uses, trust_statement_pointer, uses_text


@rule(
    code="ECS502",
    name="trust-without-source-conditions",
    summary="Trust in ecs-tasks.amazonaws.com lacks aws:SourceAccount/aws:SourceArn",
    severity="note",
    applies_to=("iam-role",),
    tags=("iam", "trust", "security"),
    security_severity=3.0,
    covers=("IAM-004",),
)
def check(role: Role) -> Iterator[Finding]:
    uses = role_uses(role)
    if not uses or role.trust_document is None:
        return
    d = trust_allows(role.trust_document, ECS_TASKS)
    if d.verdict is not Verdict.ALLOWED:
        return  # not trusted (ECS500) or uncertain
    for ref in d.statements:
        if ref.unknown or has_confused_deputy_condition(ref):
            continue
        yield Finding(
            trust_statement_pointer(role, ref),
            f"{ref.label} of the trust policy of role {role_label(role)} (the {uses_text(uses)}) lets ecs-tasks.amazonaws.com "
            "assume it on behalf of any account's tasks (the confused-deputy case); AWS recommends a Condition on "
            "aws:SourceAccount (your account id) and/or aws:SourceArn (arn:aws:ecs:<region>:<account>:*)",
            related=related_uses(uses),
        )
