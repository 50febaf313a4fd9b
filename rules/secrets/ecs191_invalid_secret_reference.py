"""
## What it does
Checks where secrets come from:
* `secrets[].valueFrom` and `secretOptions[].valueFrom` must be a Secrets Manager secret ARN
  (`arn:aws:secretsmanager:<region>:<account>:secret:<name>`, optionally followed by
  `:<json-key>:<version-stage>:<version-id>`), an SSM parameter ARN
  (`arn:aws:ssm:<region>:<account>:parameter/<name>`) or an SSM parameter name;
* `repositoryCredentials.credentialsParameter` must be a Secrets Manager ARN or a secret name of
  letters, digits and `/_+=.@-`.

## Why is this bad?
ECS resolves these references when the task starts; anything else (an `s3://` URL, an ARN of
another service, a `{{resolve:...}}` dynamic reference that CloudFormation replaces with the secret
*value*) makes the task fail with `ResourceInitializationError` or leaks the value into the task
definition. The JSON-key form needs all three trailing parts, empty ones kept as `::`.

## Example
```json
{"name": "api", "image": "example/api:1", "secrets": [
  {"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:db-AbCdEf"},
  {"name": "API_KEY", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-AbCdEf:key"}]}
```

## Use instead
```json
{"name": "api", "image": "example/api:1", "secrets": [
  {"name": "DB_PASSWORD", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf"},
  {"name": "API_KEY", "valueFrom": "arn:aws:secretsmanager:eu-west-1:123456789012:secret:api-AbCdEf:key::"}]}
```

## Known limitations
A bare name is taken for an SSM parameter (a Secrets Manager secret needs its ARN), which cannot
be told apart from the files. Empty values and values holding template placeholders
(`{{...}}`, `${...}`, `<...>`) are skipped, as are the Region and account parts of ARNs. The catalog marks this row E? (where ECS rejects a malformed value is
not confirmed); the JSON-key form with one or two parts is reported as a warning.

## References
- [Secret: valueFrom](https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_Secret.html)
- [Pass Secrets Manager secrets through environment variables](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/secrets-envvar-secrets-manager.html)
- [Private registry authentication](https://docs.aws.amazon.com/AmazonECS/latest/developerguide/private-auth.html)
"""
from __future__ import annotations

import re
from collections.abc import Iterator

from ecslint.model import Finding, Severity
from ecslint.project import TaskDefinition
from ecslint.registry import rule
from ecslint.rules.secrets._util import secret_refs
from ecslint.values import as_str

_SM = re.compile(r"^arn:[\w-]+:secretsmanager:[^:]*:[^:]*:secret:(.+)$")
_SSM = re.compile(r"^arn:[\w-]+:ssm:[^:]*:[^:]*:parameter/[A-Za-z0-9_.\-][A-Za-z0-9_.\-/]*$")
_SSM_NAME = re.compile(r"^/?[A-Za-z0-9_.\-]+(?:/[A-Za-z0-9_.\-]+)*$")
#: Placeholders of templating tools (ecspresso, envsubst, Fn::Sub left as text): not checked.
_TEMPLATE = ("{{", "${", "<", "%(")
_REG_NAME = re.compile(r"^[A-Za-z0-9/_+=.@-]+$")


def _problem(v: str) -> tuple[str, Severity | None] | None:
    if v.startswith("{{resolve:"):
        return "is a CloudFormation dynamic reference, which puts the secret's value (not its ARN) into the task definition; use the secret or parameter ARN", None
    if any(t in v for t in _TEMPLATE):
        return None
    if v.startswith("arn:"):
        m = _SM.match(v)
        if m:
            parts = m.group(1).split(":")
            if len(parts) in (2, 3) and any(parts[1:]):
                return "uses the JSON-key form with missing parts; write <secret-arn>:<json-key>:<version-stage>:<version-id>, keeping empty parts (e.g. ':password::')", Severity.WARNING
            if len(parts) > 4 or not parts[0]:
                return "is not a Secrets Manager secret ARN (arn:aws:secretsmanager:<region>:<account>:secret:<name>[:<json-key>:<stage>:<version-id>])", None
            return None
        if _SSM.match(v):
            return None
        if ":secretsmanager:" in v:
            return "is not a Secrets Manager secret ARN; it must read arn:aws:secretsmanager:<region>:<account>:secret:<name>", None
        if ":ssm:" in v:
            return "is not an SSM parameter ARN; it must read arn:aws:ssm:<region>:<account>:parameter/<name> (no leading '/' after 'parameter')", None
        return "is neither a Secrets Manager secret ARN nor an SSM parameter ARN", None
    if _SSM_NAME.match(v):
        return None
    return "is neither a Secrets Manager secret ARN, an SSM parameter ARN nor an SSM parameter name", None


@rule(
    code="ECS191",
    name="invalid-secret-reference",
    summary="Secret valueFrom or registry credentials are not a valid reference",
    severity="error",
    applies_to=("task-definition",),
    tags=("secrets",),
    covers=("SEC-003", "SEC-011"),
)
def check(td: TaskDefinition) -> Iterator[Finding]:
    for ptr, i, s in secret_refs(td):
        v = as_str(s.get("valueFrom"))
        if not v:
            continue
        found = _problem(v)
        if found:
            text, severity = found
            yield Finding((*ptr, "valueFrom"), f"container {td.container_label(i)}: secret {s.get('name', '?')!r} valueFrom {v!r} {text}", severity=severity)
    for i, c in td.containers:
        rc = c.get("repositoryCredentials")
        cp = as_str(rc.get("credentialsParameter")) if isinstance(rc, dict) else None
        if not cp or any(t in cp for t in _TEMPLATE):
            continue
        bad = not _SM.match(cp) if cp.startswith("arn:") else not _REG_NAME.match(cp)
        if bad:
            yield Finding(("containerDefinitions", i, "repositoryCredentials", "credentialsParameter"), f"container {td.container_label(i)}: credentialsParameter {cp!r} must be a Secrets Manager secret ARN or a secret name of letters, digits and /_+=.@-")
