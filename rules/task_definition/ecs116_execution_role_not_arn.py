"""
## What it does
Checks that `executionRoleArn` names an IAM role the way the format needs:

* any ARN that is not an IAM role ARN (`arn:aws:iam::123456789012:role/name`), such as a policy,
  user, instance profile or cluster ARN, or one whose account is not 12 digits, in every format;
* in CloudFormation, a role name (`ExecutionRoleArn: ecsTaskExecutionRole`), a `Ref` to an
  `AWS::IAM::Role` of the template (which returns the role *name*) or `!GetAtt Role.RoleId`;
* in raw JSON and Terraform, a value that is neither a role ARN nor a valid role name.

## Why is this bad?
The task execution role is what the ECS agent assumes to pull images and write logs. With a
malformed or foreign ARN, RegisterTaskDefinition fails with `Role is not valid`. CloudFormation
expects a full ARN in `ExecutionRoleArn` (cfn-lint reports other values as E3511) and `Ref` on an
`AWS::IAM::Role` returns its name, a classic mistake: use `!GetAtt Role.Arn`.

## Example
```yaml
TaskDefinition:
  Type: AWS::ECS::TaskDefinition
  Properties:
    ExecutionRoleArn: !Ref ExecutionRole
```

## Use instead
```yaml
TaskDefinition:
  Type: AWS::ECS::TaskDefinition
  Properties:
    ExecutionRoleArn: !GetAtt ExecutionRole.Arn
```

## References
- [RegisterTaskDefinition: executionRoleArn](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_RegisterTaskDefinition.html#ECS-RegisterTaskDefinition-request-executionRoleArn)
- [AWS::ECS::TaskDefinition ExecutionRoleArn (CloudFormation)](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-ecs-taskdefinition.html#cfn-ecs-taskdefinition-executionrolearn)
- [AWS::IAM::Role return values: Ref gives the name, Fn::GetAtt Arn the ARN](https://docs.aws.amazon.com/AWSCloudFormation/latest/TemplateReference/aws-resource-iam-role.html#aws-resource-iam-role-return-values)
- [cfn-lint E3511 RoleArnPattern](https://github.com/aws-cloudformation/cfn-lint/blob/main/src/cfnlint/rules/resources/iam/RoleArnPattern.py)
- [IAM identifiers: role names and ARNs](https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html)

## Known limitations
The ECS API itself accepts a plain role name in `executionRoleArn` and completes the ARN with the
caller's account (said by AWS maintainers in aws-actions/amazon-ecs-render-task-definition#19), so
role names in raw JSON and Terraform are not reported. That CloudFormation rejects a role name is
what cfn-lint (E3511) and user reports (cfn-lint#855) say; no AWS page states it. Values with
unresolved parts (`Fn::Sub`, template placeholders, an account written `ACCOUNT_ID` or
`XXXXXXXXXXXX`) are not checked. `taskRoleArn` takes a name or
an ARN and is not checked.
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding, Related
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.container._util import templated
from ecslint.values import Reference, as_str

_ROLE_ARN = re.compile(r"^arn:aws[a-zA-Z-]*:iam::\d{12}:role/[\w+=,.@/-]+$")
_ROLE_NAME = re.compile(r"^[\w+=,.@-]{1,64}$")
_ARN = re.compile(r"^arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)$")


def _what(value: str) -> str:
    m = _ARN.match(value)
    if not m:
        return "a malformed ARN"
    _, service, _, account, res = m.groups()
    kind = res.split("/", 1)[0].split(":", 1)[0]
    if service == "iam" and kind == "role":
        return f"a role ARN with account {account!r} (12 digits needed)" if not re.fullmatch(r"\d{12}", account) else "a malformed role ARN"
    what = f"{service or '?'} {kind or 'resource'}"
    return f"the ARN of {'an' if what[0] in 'aeiou' else 'a'} {what}, not of an IAM role"


@rule(
    code="ECS116",
    name="execution-role-not-arn",
    summary="executionRoleArn is not an IAM role ARN",
    severity="error",
    applies_to=("task-definition",),
    tags=("iam",),
    covers=("TD-033",),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    value = td.data.get("executionRoleArn")
    cfn = td.document.kind == "cloudformation"
    ptr = ("executionRoleArn",)
    if isinstance(value, Reference):
        role = td.execution_role
        if cfn and role is not None and value.attribute in (None, "RoleId"):
            got = f"!Ref {value.target}" if value.attribute is None else f"!GetAtt {value.target}.RoleId"
            what = "the role name" if value.attribute is None else "the role's unique ID"
            yield Finding(ptr, f"ExecutionRoleArn is {got}, which returns {what}, not its ARN; use !GetAtt {value.target}.Arn",
                          related=(Related(role, (), f"role {role.name}", target="key"),))
        return
    s = as_str(value)
    if not s or templated(s) or _ROLE_ARN.match(s):
        return
    m = _ARN.match(s)
    if m and m.group(2) == "iam" and m.group(5).startswith("role/") and not m.group(4).isdigit():
        return  # a placeholder account (ACCOUNT_ID, XXXXXXXXXXXX) that a deploy step fills in
    if s.startswith("arn:"):
        yield Finding(ptr, f"executionRoleArn {s!r} is {_what(s)}; use the task execution role's ARN, "
                      f"arn:aws:iam::<12-digit account>:role/<name>")
    elif cfn:
        hint = f"arn:${{AWS::Partition}}:iam::${{AWS::AccountId}}:role/{s}" if _ROLE_NAME.match(s) else "the role's ARN"
        yield Finding(ptr, f"ExecutionRoleArn {s!r} is not a role ARN; CloudFormation needs the full ARN: use !Sub {hint} "
                      f"or !GetAtt on the role")
    elif not _ROLE_NAME.match(s.rsplit("/", 1)[-1]):
        yield Finding(ptr, f"executionRoleArn {s!r} is neither an IAM role ARN nor a role name (1-64 letters, digits and "
                      f"+=,.@_-); use the task execution role's ARN")
