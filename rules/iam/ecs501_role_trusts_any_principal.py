"""
## What it does
Flags a trust policy statement, on a role that a task definition of the run uses as execution role
or task role, that lets any principal assume the role: `"Principal": "*"`, `"Principal": {"AWS":
"*"}` or a `NotPrincipal`, allowing `sts:AssumeRole` (or the web-identity/SAML variants) with no
`Condition`.

## Why is this bad?
Anyone in any AWS account can then obtain the role's credentials: for an execution role that means
your images, secrets and parameters, for a task role whatever the application may do. ECS needs
only the service principal `ecs-tasks.amazonaws.com`.

## Example
```json
{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Principal": {"AWS": "*"}, "Action": "sts:AssumeRole"}]}
```

## Use instead
```json
{"Version": "2012-10-17", "Statement": [
  {"Effect": "Allow", "Principal": {"Service": "ecs-tasks.amazonaws.com"}, "Action": "sts:AssumeRole",
   "Condition": {"StringEquals": {"aws:SourceAccount": "123456789012"}}}]}
```

## References
- [Amazon ECS task IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html)
- [IAM JSON policy elements: Principal](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.iam import trust_statements_for_any_principal
from ecslint.model import Finding
from ecslint.project import Role
from ecslint.registry import rule
from ecslint.rules.iam._util import related_uses, role_label, role_uses, trust_statement_pointer, uses_text


@rule(
    code="ECS501",
    name="role-trusts-any-principal",
    summary="Execution or task role can be assumed by any principal",
    severity="warning",
    applies_to=("iam-role",),
    tags=("iam", "trust", "security"),
    security_severity=9.5,
    covers=("IAM-005",),
)
def check(role: Role) -> Iterator[Finding]:
    uses = role_uses(role)
    if not uses or role.trust_document is None:
        return
    for ref in trust_statements_for_any_principal(role.trust_document):
        how = "uses NotPrincipal" if "NotPrincipal" in ref.statement else "has Principal \"*\""
        yield Finding(
            trust_statement_pointer(role, ref),
            f"{ref.label} of the trust policy of role {role_label(role)} (the {uses_text(uses)}) {how} with no Condition: "
            "any AWS principal can assume it; trust only {\"Service\": \"ecs-tasks.amazonaws.com\"}",
            related=related_uses(uses),
        )
