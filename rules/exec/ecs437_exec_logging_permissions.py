"""
## What it does
When a service or run-task input enables ECS Exec in a cluster of the run whose
`executeCommandConfiguration` sends session logs somewhere or encrypts sessions, evaluates the
task role's policies (when the role is part of the run) for what the SSM agent needs:

* CloudWatch Logs (`logging: OVERRIDE` with `cloudWatchLogGroupName`): `logs:DescribeLogGroups`
  on `*`, and `logs:CreateLogStream`, `logs:DescribeLogStreams`, `logs:PutLogEvents` on the group;
* S3 (`s3BucketName`): `s3:PutObject` on the bucket and prefix, plus `s3:GetEncryptionConfiguration`
  on the bucket when `s3EncryptionEnabled` is true;
* `kmsKeyId`: `kms:Decrypt` on the key.

An answer that depends on a Condition or a value not known statically is reported as a note.

## Why is this bad?
The agent writes session logs and decrypts the session with the task role's credentials. Without
these permissions sessions fail to start (KMS) or their logs silently go missing (CloudWatch, S3).

## Example
```json
{"clusterName": "prod", "configuration": {"executeCommandConfiguration": {"kmsKeyId": "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
  "logging": "OVERRIDE", "logConfiguration": {"cloudWatchLogGroupName": "/ecs/exec-audit"}}}}
```
with a task role that only allows the four `ssmmessages` actions.

## Use instead
Add to the task role: `logs:DescribeLogGroups` (Resource `*`), `logs:CreateLogStream`,
`logs:DescribeLogStreams` and `logs:PutLogEvents` on `arn:aws:logs:<region>:<account>:log-group:/ecs/exec-audit:*`,
and `kms:Decrypt` on the key.

## References
- [Using ECS Exec: IAM permissions for logging and KMS](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-exec.html#ecs-exec-required-iam-permissions)
- [amazon-ecs-exec-checker](https://github.com/aws-containers/amazon-ecs-exec-checker)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.iam import Verdict, evaluate
from ecslint.model import Finding, Related, Severity
from ecslint.project import Service
from ecslint.registry import rule
from ecslint.rules.exec._util import exec_config, exec_enabled, label, role_related, task_role, with_reference
from ecslint.values import Partial, Reference, Unknown, as_str, is_true

_ARN = re.compile(r"^arn:([\w-]+):iam::(\d{12}):role/")


def _needs(ecc: dict, partition: str, account: str) -> list[tuple[str, str, object, str]]:
    """(what the cluster does, action, resource, resource as shown) the task role needs."""
    out: list[tuple[str, str, object, str]] = []
    lc = ecc.get("logConfiguration")
    if ecc.get("logging") == "OVERRIDE" and isinstance(lc, dict):
        group = lc.get("cloudWatchLogGroupName")
        if group is not None:
            g = as_str(group) or _named_by_ref(group)
            stream: object = Partial(f"arn:{partition}:logs:${{AWS::Region}}:{account}:log-group:{g}:log-stream:ecs-execute-command") if g else Unknown()
            what = f"sends exec logs to CloudWatch log group {g}" if g else "sends exec logs to CloudWatch"
            out.append((what, "logs:DescribeLogGroups", "*", ""))
            out += [(what, a, stream, f"log-group:{g}:*" if g else "") for a in ("logs:CreateLogStream", "logs:DescribeLogStreams", "logs:PutLogEvents")]
        bucket = lc.get("s3BucketName")
        if bucket is not None:
            b, prefix = as_str(bucket) or _named_by_ref(bucket), as_str(lc.get("s3KeyPrefix", "")) or ""
            obj: object = Partial(f"arn:{partition}:s3:::{b}/{prefix + '/' if prefix else ''}ecs-execute-command.log") if b else Unknown()
            what = f"sends exec logs to S3 bucket {b}" if b else "sends exec logs to S3"
            out.append((what, "s3:PutObject", obj, f"{b}/{prefix + '/' if prefix else ''}*" if b else ""))
            if is_true(lc.get("s3EncryptionEnabled")):
                out.append((what, "s3:GetEncryptionConfiguration", Partial(f"arn:{partition}:s3:::{b}") if b else Unknown(), b or ""))
    key = ecc.get("kmsKeyId")
    if key is not None:
        k = as_str(key)
        res: object = k if k and k.startswith("arn:") and ":key/" in k else Unknown()
        if isinstance(key, Reference):
            res = f"arn:ecslint-reference:kms:::key/{key.target}"
        out.append(("encrypts exec sessions with kmsKeyId", "kms:Decrypt", res, k or ""))
    return out


def _named_by_ref(value: object) -> str | None:
    """``${LogGroup}`` for a ``Ref`` to a log group or bucket of the run (the Ref is its name): the
    same placeholder the policy ARNs built from that Ref carry, so that the two match."""
    if isinstance(value, Reference) and value.attribute is None:
        return "${" + value.target + "}"
    return None


@rule(
    code="ECS437",
    name="exec-logging-permissions",
    summary="Task role lacks the permissions for exec session logging or encryption",
    severity="warning",
    applies_to=("service", "run-task"),
    tags=("exec", "iam", "logging"),
    covers=("EX-009", "EX-010", "EX-012"),
)
def check(svc: Service) -> Iterator[Finding]:
    ecc = exec_config(svc)
    if not exec_enabled(svc) or ecc is None:
        return
    role = task_role(svc)
    if role is None:
        return
    m = _ARN.match(as_str(role.data.get("Arn")) or "")
    partition, account = (m.group(1), m.group(2)) if m else ("${AWS::Partition}", "${AWS::AccountId}")
    needs = _needs(ecc, partition, account)
    if not needs:
        return
    cluster = svc.cluster
    pols = role.policies
    key = ecc.get("kmsKeyId")
    if isinstance(key, Reference):
        pols = with_reference(pols, key.target, f"arn:ecslint-reference:kms:::key/{key.target}")
    missing, maybe = [], []
    shown = {a: r for _, a, _, r in needs}
    for what, action, res, _ in needs:
        d = evaluate(pols, action, res)  # type: ignore[arg-type]
        if d.verdict in (Verdict.NOT_ALLOWED, Verdict.DENIED):
            missing.append((what, d))
        elif d.verdict is Verdict.MAYBE:
            maybe.append((what, d))
    rel = role_related(role, "task role", pols, [d.action for _, d in missing] or [d.action for _, d in maybe])
    if cluster is not None:
        rel += (Related(cluster, ("configuration", "executeCommandConfiguration"), f"exec configuration of cluster {cluster.name}"),)
    where = f"cluster {cluster.name}" if cluster is not None else "the cluster"
    for what in dict.fromkeys(w for w, _ in missing):
        ds = [d for w, d in missing if w == what]
        denied = next((d.reason for d in ds if d.verdict is Verdict.DENIED), "")
        groups: dict[str, list[str]] = {}
        for d in ds:
            groups.setdefault(shown.get(d.action, ""), []).append(d.action)
        text = "; ".join(", ".join(acts) + (f" on {r}" if r else "") for r, acts in groups.items())
        yield Finding(
            ("enableExecuteCommand",),
            f"{where} {what} for {label(svc)}, but task role {role.name} does not allow {text}"
            f"{f' ({denied})' if denied else ''}; add them to a policy of the task role",
            related=rel,
        )
    if maybe and not missing:
        whats = " and ".join(dict.fromkeys(w for w, _ in maybe))
        yield Finding(
            ("enableExecuteCommand",),
            f"ECS Exec logging or encryption may not work: {where} {whats}, and task role {role.name} may not allow "
            f"{', '.join(x.action for _, x in maybe)}: {maybe[0][1].reason}",
            related=rel, severity=Severity.NOTE,
        )
