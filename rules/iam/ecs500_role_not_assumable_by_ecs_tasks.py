"""
## What it does
Checks the trust policy (`AssumeRolePolicyDocument`) of every role of the run that a task
definition of the run uses as its execution role (`executionRoleArn`) or task role
(`taskRoleArn`): an `Allow` statement must let the service principal `ecs-tasks.amazonaws.com`
call `sts:AssumeRole`. A role that trusts only `ecs.amazonaws.com` (the principal of the ECS
service itself, used by infrastructure and service-linked roles) is called out by name.

Conditions on `aws:SourceAccount`, `aws:SourceArn`, `aws:SourceOrgID` or `aws:SourceOrgPaths`
(the confused-deputy protection AWS recommends) count as satisfied; any other Condition makes the
answer uncertain and is reported as a note. A trust policy that is not known statically keeps the
rule silent.

## Why is this bad?
ECS cannot assume the role for the task: tasks fail to start (`ECS was unable to assume the role
... Please verify that the ECS service principal has permissions to assume the role`) and
`RegisterTaskDefinition`/`RunTask` may reject the role. Knowledge-base notes that tell you to
trust `ecs.amazonaws.com` for the execution role are wrong: AWS documents
`ecs-tasks.amazonaws.com` for both task roles and execution roles.

## Example
```yaml
ExecRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument:
      Statement: [{Effect: Allow, Principal: {Service: ecs.amazonaws.com}, Action: sts:AssumeRole}]
```

## Use instead
```yaml
    AssumeRolePolicyDocument:
      Statement: [{Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: sts:AssumeRole}]
```

## References
- [Amazon ECS task execution IAM role: trust policy](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html)
- [Amazon ECS task IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-iam-roles.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.iam import Verdict, trust_allows
from ecslint.model import Finding, Severity
from ecslint.project import Role
from ecslint.registry import rule
from ecslint.rules.iam._util import DEPUTY_KEYS, ECS_TASKS, condition_keys, related_uses, role_label, role_uses, trust_statement_pointer, uses_text


@rule(
    code="ECS500",
    name="role-not-assumable-by-ecs-tasks",
    summary="Execution or task role does not trust ecs-tasks.amazonaws.com",
    severity="warning",
    applies_to=("iam-role",),
    tags=("iam", "trust"),
    covers=("IAM-001", "IAM-002", "IAM-003"),
)
def check(role: Role) -> Iterator[Finding]:
    uses = role_uses(role)
    doc = role.trust_document
    if not uses or doc is None:
        return
    d = trust_allows(doc, ECS_TASKS)
    who = f"role {role_label(role)} is the {uses_text(uses)}"
    if d.verdict is Verdict.ALLOWED:
        return
    if d.verdict is Verdict.MAYBE:
        if "not known statically" in d.reason or any(r.unknown for r in d.statements):
            return
        extra = [k for r in d.statements for k in condition_keys(r) - DEPUTY_KEYS]
        if not extra and all(r.statement.get("Condition") for r in d.statements):
            return  # only confused-deputy conditions: they hold for ECS in the role's account
        ptr = trust_statement_pointer(role, d.statements[0])
        yield Finding(ptr, f"{who}; ecs-tasks.amazonaws.com may not be able to assume it: {d.reason}",
                      related=related_uses(uses), severity=Severity.NOTE)
        return
    if d.verdict is Verdict.DENIED:
        ptr = trust_statement_pointer(role, d.statements[0])
        yield Finding(ptr, f"{who}, but its trust policy denies sts:AssumeRole to ecs-tasks.amazonaws.com ({d.reason}); "
                      "remove the Deny so that ECS can start tasks with it", related=related_uses(uses))
        return
    ecs = trust_allows(doc, "ecs.amazonaws.com")
    if ecs.verdict is Verdict.ALLOWED:
        msg = (f"{who}, but its trust policy lets only ecs.amazonaws.com assume it; tasks need "
               "Principal {\"Service\": \"ecs-tasks.amazonaws.com\"} with Action sts:AssumeRole")
        yield Finding(trust_statement_pointer(role, ecs.statements[0]), msg, related=related_uses(uses))
        return
    yield Finding(("AssumeRolePolicyDocument",), f"{who}, but its trust policy does not let ecs-tasks.amazonaws.com assume it; "
                  "add an Allow statement with Principal {\"Service\": \"ecs-tasks.amazonaws.com\"} and Action sts:AssumeRole",
                  related=related_uses(uses))
