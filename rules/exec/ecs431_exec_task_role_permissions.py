"""
## What it does
For a service or run-task input with `enableExecuteCommand: true`, evaluates the policies of the
task role (when it is part of the run) for the four actions ECS Exec needs:
`ssmmessages:CreateControlChannel`, `ssmmessages:CreateDataChannel`,
`ssmmessages:OpenControlChannel` and `ssmmessages:OpenDataChannel`. Wildcards that cover them
(`ssmmessages:*`, `*`) count; an explicit `Deny` wins. It also says when the actions are on the
execution role instead, a frequent mix-up. An answer that depends on a Condition or on a value not
known statically is reported as a note.

## Why is this bad?
The SSM agent in the task uses the task role (not the execution role) to open the control and
data channels. Without these actions `aws ecs execute-command` fails with "TargetNotConnectedException"
although the service looks healthy.

## Example
```yaml
TaskRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument: {...}
    Policies:
      - PolicyName: app
        PolicyDocument:
          Statement: [{Effect: Allow, Action: "s3:GetObject", Resource: "arn:aws:s3:::app-config/*"}]
```

## Use instead
```yaml
      - PolicyName: exec
        PolicyDocument:
          Statement:
            - Effect: Allow
              Action: [ssmmessages:CreateControlChannel, ssmmessages:CreateDataChannel,
                       ssmmessages:OpenControlChannel, ssmmessages:OpenDataChannel]
              Resource: "*"
```

## References
- [Using ECS Exec: IAM permissions required](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-required-iam-permissions)
- [amazon-ecs-exec-checker](https://github.com/aws-containers/amazon-ecs-exec-checker)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.iam import maybe_actions, missing_actions
from ecslint.model import Finding, Severity
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.exec._util import SSM_ACTIONS, denied_note, exec_enabled, label, names, role_related, task_role


@rule(
    code="ECS431",
    name="exec-task-role-permissions",
    summary="ECS Exec is enabled but the task role lacks the ssmmessages actions",
    severity="warning",
    applies_to=("service", "run-task"),
    tags=("exec", "iam"),
    covers=("EX-002", "EX-003", "IAM-040"),
)
def check(svc: Service) -> Iterator[Finding]:
    if not exec_enabled(svc):
        return
    role = task_role(svc)
    if role is None:
        return
    pols = role.policies
    missing = missing_actions(pols, SSM_ACTIONS)
    related = role_related(role, "task role", pols, SSM_ACTIONS)
    if missing:
        td = svc.task_definition
        ex = td.execution_role if td is not None else None
        hint = ""
        if ex is not None and ex is not role and not missing_actions(ex.policies, [d.action for d in missing]) and not maybe_actions(ex.policies, [d.action for d in missing]):
            hint = f"; execution role {ex.name} has them, but ECS Exec uses the task role, not the execution role"
        yield Finding(
            ("enableExecuteCommand",),
            f"{label(svc)} enables ECS Exec, but task role {role.name} does not allow {names(missing)}"
            f"{denied_note(missing)}{hint}; allow them on Resource \"*\" in a policy of the task role",
            related=related,
        )
        return
    maybe = maybe_actions(pols, SSM_ACTIONS)
    if maybe:
        yield Finding(
            ("enableExecuteCommand",),
            f"ECS Exec may not work: task role {role.name} may not allow {names(maybe)} because {maybe[0].reason}",
            related=related, severity=Severity.NOTE,
        )
