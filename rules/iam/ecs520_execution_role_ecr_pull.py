"""
## What it does
For every container whose `image` is in a private Amazon ECR repository
(`<account>.dkr.ecr.<region>.amazonaws.com/<repository>`), checks that the task definition's
execution role, when it is part of the run (CloudFormation `AWS::IAM::Role`, a Terraform plan, or
`aws iam get-account-authorization-details` output beside the task definition), allows the pull:
`ecr:GetAuthorizationToken` on `*`, and `ecr:BatchGetImage`, `ecr:GetDownloadUrlForLayer` and
`ecr:BatchCheckLayerAvailability` on the repository ARN derived from the image. Inline,
customer-managed and AWS-managed policies (e.g. `AmazonECSTaskExecutionRolePolicy`) all count;
wildcards, `NotAction` and explicit `Deny` are honoured. It also flags an `ecr:GetAuthorizationToken`
grant restricted by `aws:SourceVpc`/`aws:SourceVpce`, which never holds for that call.

An Allow that holds only under a Condition is reported as a note ("may not apply"); a policy that
is not in the run, or a value not known statically, keeps the rule silent. Without an execution
role the rule is silent too (EC2 pulls with the instance role; on Fargate the missing role is a
registration error reported by the Fargate rules).

## Why is this bad?
The ECS agent (or Fargate) pulls private images with the execution role's credentials. Without
these permissions the task stops with `CannotPullContainerError` (`AccessDeniedException` /
`not authorized to perform: ecr:GetAuthorizationToken`), and the service keeps retrying.

## Example
```yaml
ExecRole:
  Type: AWS::IAM::Role
  Properties:
    AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: ecs-tasks.amazonaws.com}, Action: sts:AssumeRole}]}
    Policies:
      - PolicyName: logs
        PolicyDocument: {Statement: [{Effect: Allow, Action: [logs:CreateLogStream, logs:PutLogEvents], Resource: "*"}]}
# ... a task definition with Image: 123456789012.dkr.ecr.eu-west-1.amazonaws.com/api:1.4
```

## Use instead
```yaml
    ManagedPolicyArns:
      - arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy
```

## References
- [Amazon ECS task execution IAM role](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_execution_IAM_role.html)
- [Using Amazon ECR images with Amazon ECS](https://docs.aws.amazon.com/AmazonECR/latest/userguide/ECR_on_ECS.html)
- [AmazonECSTaskExecutionRolePolicy](https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonECSTaskExecutionRolePolicy.html)
"""
from __future__ import annotations

from collections.abc import Iterator

from ecslint.iam import Verdict, evaluate
from ecslint.model import Finding, Related
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.iam._util import Need, check_needs, condition_keys, condition_only, ecr_repository_arn, related_statement, role_label

_REPO_ACTIONS = ("ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer", "ecr:BatchCheckLayerAvailability")
_VPC_KEYS = {"aws:sourcevpc", "aws:sourcevpce"}


@rule(
    code="ECS520",
    name="execution-role-ecr-pull",
    summary="Execution role cannot pull the task's private ECR images",
    severity="warning",
    applies_to=("task-definition",),
    tags=("iam", "ecr"),
    covers=("IAM-020", "IAM-028"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    role = td.execution_role
    if role is None:
        return
    token_checked = False
    for i, c in td.containers:
        image = c.get("image")
        repo = ecr_repository_arn(image)
        if repo is None:
            continue
        where = ("containerDefinitions", i, "image")
        what = f"pull image {str(image)!r} (container {td.container_label(i)})"
        grants: list[tuple[tuple[str, ...], tuple[object, ...]]] = []
        if not token_checked:  # the token is account-wide: check and report it once
            token_checked = True
            d = evaluate(role.policies, "ecr:GetAuthorizationToken", "*")
            if d.verdict is Verdict.MAYBE and condition_only(d) and all(condition_keys(r) <= _VPC_KEYS for r in d.statements):
                rel = related_statement(d.statements[0])
                yield Finding(
                    where,
                    f"to {what}, execution role {role_label(role)} allows ecr:GetAuthorizationToken only under "
                    f"aws:SourceVpc/aws:SourceVpce ({d.statements[0].describe()}), which never holds for that call; "
                    "grant it on \"*\" without those conditions",
                    related=(Related(role, (), f"execution role {role_label(role)}"),) + ((rel,) if rel else ()),
                )
            else:
                grants.append((("ecr:GetAuthorizationToken",), ("*",)))
        grants.append((_REPO_ACTIONS, (repo,)))
        yield from check_needs(td, role, "execution", [Need(where, what, tuple(grants))])
