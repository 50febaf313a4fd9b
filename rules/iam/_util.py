"""Helpers of the IAM rules: which roles the run's task definitions use, where a policy statement
lives, the ARNs a task definition implies, and permission checks that turn evaluator decisions
into findings (missing -> the rule's severity, Condition-only "maybe" -> a note, unknown -> silent).
"""
from __future__ import annotations

import json
import re
from functools import lru_cache
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ecslint.iam import Decision, Policy, StatementRef, Verdict, closest_policy, evaluate
from ecslint.model import Finding, Related, Severity
from ecslint.project import Role, TaskDefinition
from ecslint.values import Partial, Unknown, as_str

ECS_TASKS = "ecs-tasks.amazonaws.com"
_ECR_HOST = re.compile(r"^(\d{12}|\$\{AWS::AccountId\})\.dkr\.ecr(?:-fips)?\.([a-z0-9-]+|\$\{AWS::Region\})\.amazonaws\.com(\.cn)?/([^:@]+)")
_ARN = re.compile(r"^arn:([\w-]+|\$\{AWS::Partition\}):([\w-]+):([a-z0-9-]*|\$\{AWS::Region\}):(\d{12}|\$\{AWS::AccountId\})?:")
_SECRET_SUFFIX = re.compile(r"-[A-Za-z0-9]{6}$")


# ---------------------------------------------------------------------------------- roles in use
def role_uses(role: Role) -> list[tuple[TaskDefinition, str]]:
    """(task definition, "execution" | "task") for every use of this role by a task definition of the run."""
    if role.project is None:
        return []
    return role.project.role_uses().get(id(role), [])


def uses_text(uses: Sequence[tuple[TaskDefinition, str]]) -> str:
    """``execution role of task definition web`` / ``execution and task role of task definition web``."""
    by_td: dict[int, tuple[TaskDefinition, list[str]]] = {}
    for td, kind in uses:
        by_td.setdefault(id(td), (td, []))[1].append(kind)
    parts = [f"{' and '.join(kinds)} role of task definition {td.family or td.name}" for td, kinds in list(by_td.values())[:2]]
    more = f" and {len(by_td) - 2} more" if len(by_td) > 2 else ""
    return " and ".join(parts) + more


def role_label(role: Role) -> str:
    return role.role_name or role.name


# ---------------------------------------------------------------------------------- locations
def policy_location(policy: Policy) -> tuple[Any, tuple[Any, ...]] | None:
    """(resource, pointer of the policy document) for a policy of the run; the attachment for AWS-managed ones."""
    origin = policy.origin
    if not (isinstance(origin, tuple) and len(origin) == 2):
        return None
    res, ptr = origin
    ptr = tuple(ptr)
    if len(ptr) == 2 and ptr[0] == "RolePolicyList" and isinstance(ptr[1], int):
        return res, ptr + ("PolicyDocument",)
    return res, ptr


def statement_location(ref: StatementRef) -> tuple[Any, tuple[Any, ...]] | None:
    loc = policy_location(ref.policy)
    if loc is None:
        return None
    res, ptr = loc
    if ptr and ptr[0] == "AttachedManagedPolicies" or ref.index is None:
        return res, ptr
    doc = res.get(*ptr) if hasattr(res, "get") else None
    if isinstance(doc, dict) and isinstance(doc.get("Statement"), list):
        return res, ptr + ("Statement", ref.index)
    if isinstance(doc, dict) and isinstance(doc.get("Statement"), dict):
        return res, ptr + ("Statement",)
    return res, ptr


def related_statement(ref: StatementRef, what: str | None = None) -> Related | None:
    loc = statement_location(ref)
    return Related(loc[0], loc[1], what or ref.describe()) if loc else None


def related_policy(policy: Policy | None, what: str) -> Related | None:
    loc = policy_location(policy) if policy is not None else None
    return Related(loc[0], loc[1], what) if loc else None


# ---------------------------------------------------------------------------------- ARN context
@dataclass
class ArnContext:
    partition: str
    region: str
    account: str


def arn_context(td: TaskDefinition) -> ArnContext:
    """Partition, region and account of the task definition's ARNs; CloudFormation pseudo parameters when unknown."""
    partition = region = account = None
    candidates: list[Any] = [td.data.get("executionRoleArn"), td.data.get("taskRoleArn")]
    for _, c in td.containers:
        candidates.append(c.get("image"))
        for s in c.get("secrets") or [] if isinstance(c.get("secrets"), list) else []:
            if isinstance(s, dict):
                candidates.append(s.get("valueFrom"))
        opts = (c.get("logConfiguration") or {}).get("options") if isinstance(c.get("logConfiguration"), dict) else None
        if isinstance(opts, dict) and region is None:
            region = as_str(opts.get("awslogs-region"))
    for v in candidates:
        if not isinstance(v, str):
            continue
        m = _ECR_HOST.match(v)
        if m:
            account = account or (m.group(1) if not m.group(1).startswith("$") else None)
            region = region or (m.group(2) if not m.group(2).startswith("$") else None)
            partition = partition or ("aws-cn" if m.group(3) else None)
            continue
        m = _ARN.match(v)
        if m:
            if not m.group(1).startswith("$"):
                partition = partition or m.group(1)
            if m.group(3) and not m.group(3).startswith("$"):
                region = region or m.group(3)
            if m.group(4) and not m.group(4).startswith("$"):
                account = account or m.group(4)
    return ArnContext(partition or "${AWS::Partition}", region or "${AWS::Region}", account or "${AWS::AccountId}")


def arn(*parts: str) -> str:
    """Join ARN parts; a Partial when any part has a ``${...}`` placeholder."""
    s = ":".join(parts)
    return Partial(s) if "${" in s else s


def ecr_repository_arn(image: Any) -> str | None:
    """``arn:aws:ecr:<region>:<account>:repository/<name>`` for a private ECR image, else None."""
    if not isinstance(image, str):
        return None
    m = _ECR_HOST.match(image)
    if not m:
        return None
    partition = "aws-cn" if m.group(3) else "aws"
    return arn("arn", partition, "ecr", m.group(2), m.group(1), f"repository/{m.group(4)}")


def secret_resources(value: Any, ctx: ArnContext) -> tuple[str, list[str]] | None:
    """(action, candidate resource ARNs) to read a secret given by ``valueFrom``; None when not known."""
    if not isinstance(value, str) or isinstance(value, Unknown):
        return None
    if isinstance(value, Partial) and not value.startswith("arn:"):
        return None
    parts = value.split(":")
    if value.startswith("arn:") and len(parts) >= 7 and parts[2] == "secretsmanager":
        base = ":".join(parts[:7])  # drop :json-key:version-stage:version-id
        cands = [base] if _SECRET_SUFFIX.search(parts[6]) else []
        cands.append(base + "-??????")
        return "secretsmanager:GetSecretValue", [Partial(c) if isinstance(value, Partial) else c for c in cands]
    if value.startswith("arn:") and len(parts) >= 6 and parts[2] == "ssm":
        return "ssm:GetParameters", [value]
    if value.startswith("arn:"):
        return None
    name = value.lstrip("/")
    return "ssm:GetParameters", [arn("arn", ctx.partition, "ssm", ctx.region, ctx.account, f"parameter/{name}")]


def s3_object_resources(value: Any) -> tuple[str, str] | None:
    """(object ARN, bucket ARN) for ``arn:aws:s3:::bucket/key``; None otherwise."""
    s = as_str(value)
    if not s:
        return None
    m = re.match(r"^arn:([\w-]+):s3:::([^/]+)/(.+)$", s)
    if not m:
        return None
    return s, f"arn:{m.group(1)}:s3:::{m.group(2)}"


# ---------------------------------------------------------------------------------- permission checks
@dataclass
class Need:
    """What a feature needs: groups of actions, each on candidate resources (any candidate allowed is enough)."""

    pointer: tuple[Any, ...]
    what: str  # "pull image '123.dkr.ecr...' (container 'web')"
    grants: tuple[tuple[tuple[str, ...], tuple[Any, ...]], ...]  # ((actions, resources), ...)
    target: str = "value"
    #: How to name a resource that is not known statically ("file system FileSystem").
    label: str = "its resource"


def best_decision(policies: Sequence[Policy], action: str, resources: Iterable[Any]) -> Decision:
    order = {Verdict.ALLOWED: 0, Verdict.MAYBE: 1, Verdict.NOT_ALLOWED: 2, Verdict.DENIED: 3}
    decisions = [evaluate(policies, action, r) for r in resources]
    return min(decisions, key=lambda d: order[d.verdict])


def condition_only(d: Decision) -> bool:
    """A MAYBE that depends only on the Condition of known statements (not on unknown documents or values)."""
    if not d.statements or "not known statically" in d.reason:
        return False
    return all(not ref.unknown and ref.statement.get("Condition") for ref in d.statements)


def _resource_text(r: Any, label: str) -> str:
    return "*" if r == "*" else str(r) if isinstance(r, str) else label


def check_needs(td: TaskDefinition, role: Role, role_kind: str, needs: Iterable[Need], other: Role | None = None,
                other_kind: str = "") -> Iterator[Finding]:
    """One finding per need the role does not fully grant, or a note when the grant depends only on a Condition."""
    policies = role.policies
    for need in needs:
        missing: list[tuple[str, Decision]] = []
        groups: list[str] = []
        maybe: list[Decision] = []
        for actions, resources in need.grants:
            acts = []
            for action in actions:
                d = best_decision(policies, action, resources)
                if d.verdict in (Verdict.NOT_ALLOWED, Verdict.DENIED):
                    missing.append((action, d))
                    acts.append(action)
                elif d.verdict is Verdict.MAYBE and condition_only(d):
                    maybe.append(d)
            if acts:
                groups.append(f"{', '.join(acts)} on {_resource_text(resources[0], need.label)}")
        related = [Related(role, (), f"{role_kind} role {role_label(role)}")]
        if missing:
            acts = [a for a, _ in missing]
            denied = [d for _, d in missing if d.verdict is Verdict.DENIED]
            msg = f"to {need.what}, {role_kind} role {role_label(role)} needs {'; '.join(groups)}"
            if denied:
                msg += f"; {denied[0].reason}"
                rel = related_statement(denied[0].statements[0], f"the Deny: {denied[0].statements[0].describe()}")
                if rel:
                    related.append(rel)
            else:
                closest = closest_policy(policies, acts)
                msg += f"; no policy allows {'it' if len(acts) == 1 else 'them'}"
                if closest is not None:
                    msg += f" (add a statement to {closest.name})"
                    rel = related_policy(closest, f"closest policy: {closest.name}")
                    if rel:
                        related.append(rel)
            if other is not None and other is not role:
                grants = {a: r for acts_, r in need.grants for a in acts_}
                if all(best_decision(other.policies, a, grants[a]).verdict is Verdict.ALLOWED for a in acts):
                    msg += f"; {other_kind} role {role_label(other)} allows it, but ECS uses the {role_kind} role for this"
            yield Finding(need.pointer, msg, target=need.target, related=tuple(related))  # type: ignore[arg-type]
        elif maybe:
            d = maybe[0]
            rel = related_statement(d.statements[0])
            if rel:
                related.append(rel)
            yield Finding(
                need.pointer,
                f"to {need.what}, {role_kind} role {role_label(role)} needs {d.action}; may not apply: {d.reason}",
                target=need.target,  # type: ignore[arg-type]
                related=tuple(related),
                severity=Severity.NOTE,
            )


def condition_keys(ref: StatementRef) -> set[str]:
    cond = ref.statement.get("Condition")
    keys: set[str] = set()
    if isinstance(cond, dict):
        for block in cond.values():
            if isinstance(block, dict):
                keys.update(str(k).lower() for k in block)
    return keys


# ---------------------------------------------------------------------------------- trust policies
DEPUTY_KEYS = frozenset({"aws:sourceaccount", "aws:sourcearn", "aws:sourceorgid", "aws:sourceorgpaths"})


def trust_statement_pointer(role: Role, ref: StatementRef) -> tuple[Any, ...]:
    doc = role.trust_document
    if ref.index is not None and isinstance(doc, dict):
        if isinstance(doc.get("Statement"), list):
            return ("AssumeRolePolicyDocument", "Statement", ref.index)
        if isinstance(doc.get("Statement"), dict):
            return ("AssumeRolePolicyDocument", "Statement")
    return ("AssumeRolePolicyDocument",)


def related_uses(uses: Sequence[tuple[TaskDefinition, str]]) -> tuple[Related, ...]:
    key = {"execution": "executionRoleArn", "task": "taskRoleArn"}
    return tuple(Related(td, (key[kind],), f"{kind} role of task definition {td.family or td.name}") for td, kind in uses[:5])


# ---------------------------------------------------------------------------------- least privilege
def _doc(policy: Policy) -> dict[str, Any] | None:
    doc = policy.document
    if isinstance(doc, str) and not isinstance(doc, Partial):
        try:
            doc = json.loads(doc)
        except ValueError:
            return None
    return doc if isinstance(doc, dict) else None


def allow_statements(role: Role) -> Iterator[tuple[StatementRef, dict[str, Any]]]:
    """Known, unconditional Allow statements of the role's policies."""
    for policy in role.policies:
        doc = _doc(policy)
        raw = doc.get("Statement") if doc else None
        items = raw if isinstance(raw, list) else [raw] if isinstance(raw, dict) else []
        for idx, st in enumerate(items):
            if isinstance(st, dict) and st.get("Effect") == "Allow" and not st.get("Condition"):
                yield StatementRef(policy, idx, st), st


def _values(v: Any) -> list[str]:
    vals = v if isinstance(v, list) else [v]
    return [x for x in vals if isinstance(x, str) and not isinstance(x, (Partial, Unknown))]


@lru_cache(maxsize=4096)
def _glob_rx(pattern: str) -> re.Pattern[str]:
    return re.compile("".join(".*" if ch == "*" else "." if ch == "?" else re.escape(ch) for ch in pattern), re.I | re.S)


def _glob(pattern: str, value: str) -> bool:
    return _glob_rx(pattern).fullmatch(value) is not None


def grants_action(st: dict[str, Any], action: str) -> bool:
    """The statement's Action (or NotAction) surely covers ``action``."""
    if "Action" in st:
        return any(_glob(p, action) for p in _values(st["Action"]))
    if "NotAction" in st and not any(isinstance(x, (Unknown, Partial)) for x in (st["NotAction"] if isinstance(st["NotAction"], list) else [st["NotAction"]])):
        return not any(_glob(p, action) for p in _values(st["NotAction"]))
    return False


_ALL_OF = re.compile(r"^arn:[^:]+:(?P<svc>[\w-]+):[^:]*:[^:]*:(?:[a-z-]+[:/])?\*$")


def all_resources(st: dict[str, Any], service: str = "") -> bool:
    """The statement applies to every resource (of ``service``): ``"*"``, ``arn:aws:iam::*:role/*``-style, or NotResource."""
    if "NotResource" in st:
        return True
    res = st.get("Resource", "*")
    for p in _values(res) + [v for v in (res if isinstance(res, list) else [res]) if isinstance(v, Partial)]:
        if p == "*":
            return True
        p = re.sub(r"\$\{[^}]*\}", "x", p)
        m = _ALL_OF.match(p)
        if m and (not service or m.group("svc") == service or m.group("svc") == "*"):
            return True
        if service == "s3" and re.fullmatch(r"arn:[^:]+:s3:::\*(/\*)?", p):
            return True
    return False


def admin_statement(st: dict[str, Any]) -> str | None:
    """Why an unconditional Allow statement is administrator access, or None."""
    if not all_resources(st):
        return None
    if "Action" in st and any(p in ("*", "*:*") for p in _values(st["Action"])):
        return "allows Action \"*\" on every resource"
    if "NotAction" in st and "Action" not in st:
        return f"allows every action except {', '.join(_values(st['NotAction'])) or 'a few'} (NotAction) on every resource"
    return None


def efs_volumes(td: TaskDefinition) -> Iterator[tuple[int, dict[str, Any], dict[str, Any]]]:
    """(index, volume, efsVolumeConfiguration) of the EFS volumes with ``authorizationConfig.iam: ENABLED``."""
    volumes = td.data.get("volumes")
    for k, v in enumerate(volumes if isinstance(volumes, list) else []):
        efs = v.get("efsVolumeConfiguration") if isinstance(v, dict) else None
        auth = efs.get("authorizationConfig") if isinstance(efs, dict) else None
        if isinstance(auth, dict) and auth.get("iam") == "ENABLED":
            yield k, v, efs


# ---------------------------------------------------------------------------------- FireLens destinations
#: Fluent Bit output plugin name -> destination kind (the Go and the C plugin of each service).
FIRELENS_AWS_OUTPUTS = {
    "cloudwatch": "cloudwatch", "cloudwatch_logs": "cloudwatch",
    "firehose": "firehose", "kinesis_firehose": "firehose",
    "kinesis": "kinesis", "kinesis_streams": "kinesis",
    "s3": "s3", "es": "es", "opensearch": "es",
}
_FLB_TEMPLATE = re.compile(r"\$\([^)]*\)|\$\{[^}]*\}")
_ES_HOST = re.compile(r"^(?:https?://)?(?:search|vpc)-(.+)-[a-z0-9]+\.([a-z0-9-]+)\.es\.amazonaws\.com", re.I)


@dataclass
class FirelensDestination:
    index: int  # container index
    kind: str  # cloudwatch | firehose | kinesis | s3 | es
    plugin: str  # the Name option as written
    options: dict[str, Any]  # option keys lower-cased
    name_key: str  # the key of the Name option as written (for the pointer)

    def opt(self, key: str) -> Any:
        return self.options.get(key.lower())

    @property
    def own_role(self) -> bool:
        """The output assumes its own role (role_arn / AWS_Role_ARN): the task role only needs sts:AssumeRole."""
        return self.opt("role_arn") is not None or self.opt("aws_role_arn") is not None

    @property
    def uses_aws_credentials(self) -> bool:
        """es/opensearch sign requests only with AWS_Auth On; the others always do."""
        if self.kind != "es":
            return True
        auth = as_str(self.opt("aws_auth"))
        return auth is not None and auth.lower() in ("on", "true", "yes") and (as_str(self.opt("aws_service_name")) or "es") == "es"


def firelens_destinations(td: TaskDefinition) -> Iterator[FirelensDestination]:
    """The containers that log with awsfirelens to an AWS service (by the output plugin's Name)."""
    for i, c in td.containers:
        lc = c.get("logConfiguration")
        if not isinstance(lc, dict) or lc.get("logDriver") != "awsfirelens" or not isinstance(lc.get("options"), dict):
            continue
        opts = lc["options"]
        key = next((k for k in opts if isinstance(k, str) and k.lower() == "name"), None)
        plugin = as_str(opts.get(key)) if key else None
        kind = FIRELENS_AWS_OUTPUTS.get(plugin.strip().lower()) if plugin else None
        if kind and key:
            yield FirelensDestination(i, kind, plugin, {str(k).lower(): v for k, v in opts.items()}, key)  # type: ignore[arg-type]


def flb_name(value: Any) -> str | None:
    """A Fluent Bit option value with ``$(tag)``-style templates turned into ``${...}`` placeholders."""
    if not isinstance(value, str) or isinstance(value, Unknown):
        return None
    if isinstance(value, Partial) or _FLB_TEMPLATE.search(value):
        return Partial(_FLB_TEMPLATE.sub("${template}", value))
    return value


def es_domain(host: Any) -> tuple[str, str] | None:
    """(domain name, region) of an Amazon OpenSearch Service endpoint host name."""
    s = as_str(host)
    m = _ES_HOST.match(s) if s else None
    return (m.group(1), m.group(2).lower()) if m else None
