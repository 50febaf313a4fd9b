"""Helpers of the IAM rules: which roles the run's task definitions use, where a policy statement
lives, the ARNs a task definition implies, and permission checks that turn evaluator decisions
into findings (missing -> the rule's severity, Condition-only "maybe" -> a note, unknown -> silent).
"""
from __future__ import annotations

import re
from functools import lru_cache
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from ecslint.iam.evaluator import policy_document
from ecslint.iam import Decision, Policy, StatementRef, Verdict, closest_policy, evaluate
from ecslint.model import Finding, Related, Severity
from ecslint.project import Role, TaskDefinition
from ecslint.rules._common import plan_resources
from ecslint.values import Partial, Unknown, as_str, is_true

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
    doc = policy_document(policy)
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


# ---------------------------------------------------------------------------------- raw template / plan resources
def raw_resources(data: Any) -> Iterator[tuple[str, str, dict[str, Any]]]:
    """(type, logical id or address, properties or planned values) of every resource of a CloudFormation
    template or a Terraform plan/state document (its planned values and its prior state)."""
    if not isinstance(data, dict):
        return
    if isinstance(data.get("Resources"), dict):
        for logical, res in data["Resources"].items():
            if isinstance(res, dict) and isinstance(res.get("Type"), str):
                props = res.get("Properties")
                yield res["Type"], str(logical), props if isinstance(props, dict) else {}
        return
    tops = [data.get("planned_values"), data.get("values")]
    prior = data.get("prior_state")
    if isinstance(prior, dict):
        tops.append(prior.get("values"))
    for top in tops:
        root = top.get("root_module") if isinstance(top, dict) else None
        for r in plan_resources(root):
            if r.get("mode", "managed") == "managed" and isinstance(r.get("type"), str):
                values = r.get("values")
                yield r["type"], str(r.get("address", "")), values if isinstance(values, dict) else {}


def referenced_ids(value: Any) -> set[str]:
    """Logical ids a raw CloudFormation value refers to (Ref, Fn::GetAtt, ${X} / ${X.Arn} in Fn::Sub)."""
    out: set[str] = set()
    stack = [value]
    while stack:
        v = stack.pop()
        if isinstance(v, dict):
            if isinstance(v.get("Ref"), str):
                out.add(v["Ref"])
            att = v.get("Fn::GetAtt")
            if isinstance(att, list) and att and isinstance(att[0], str):
                out.add(att[0])
            elif isinstance(att, str):
                out.add(att.split(".", 1)[0])
            sub = v.get("Fn::Sub")
            text = sub[0] if isinstance(sub, list) and sub else sub
            if isinstance(text, str):
                out.update(m.split(".", 1)[0] for m in re.findall(r"\$\{([^}!]+)\}", text))
            stack.extend(v.values())
        elif isinstance(v, list):
            stack.extend(v)
    return out


# ---------------------------------------------------------------------------------- the ECS service-linked role
ECS_SLR_NAME = "AWSServiceRoleForECS"
ECS_SLR_PATH = "/aws-service-role/ecs.amazonaws.com/"
ECS_SERVICE = "ecs.amazonaws.com"


def is_ecs_service_linked_role(role: Role) -> bool:
    name = as_str(role.data.get("RoleName")) or ""
    path = as_str(role.data.get("Path")) or ""
    arn_ = as_str(role.data.get("Arn")) or ""
    return name.lower() == ECS_SLR_NAME.lower() or path == ECS_SLR_PATH or arn_.endswith(f":role{ECS_SLR_PATH}{ECS_SLR_NAME}")


def creates_ecs_service_linked_role(data: Any) -> bool:
    """The template or plan creates (or already manages) the ECS service-linked role; a service name
    that is not known statically counts as ECS."""
    for rtype, _name, props in raw_resources(data):
        if rtype == "AWS::IAM::ServiceLinkedRole":
            svc = props.get("AWSServiceName")
        elif rtype == "aws_iam_service_linked_role":
            svc = props.get("aws_service_name")
        else:
            continue
        if not isinstance(svc, str) or svc.strip().lower() == ECS_SERVICE:
            return True
    return False


def slr_features(svc: Any) -> list[tuple[tuple[Any, ...], str]]:
    """(pointer, feature) of what makes the service need the ECS service-linked role."""
    out: list[tuple[tuple[Any, ...], str]] = []
    nc = svc.data.get("networkConfiguration")
    if isinstance(nc, dict) and nc.get("awsvpcConfiguration") is not None:
        out.append((("networkConfiguration",), "awsvpc networking (networkConfiguration)"))
    regs = svc.data.get("serviceRegistries")
    if isinstance(regs, list) and regs:
        out.append((("serviceRegistries",), "service discovery (serviceRegistries)"))
    lbs = svc.data.get("loadBalancers")
    if isinstance(lbs, list) and lbs:
        role = svc.data.get("role")
        if role is None or role == "" or len(lbs) > 1:
            out.append((("loadBalancers",), "load balancer registration (loadBalancers)"))
    sc = svc.data.get("serviceConnectConfiguration")
    if isinstance(sc, dict) and is_true(sc.get("enabled")):
        out.append((("serviceConnectConfiguration",), "Service Connect (serviceConnectConfiguration)"))
    dc = svc.data.get("deploymentController")
    if isinstance(dc, dict) and dc.get("type") == "EXTERNAL":
        out.append((("deploymentController",), "the EXTERNAL deployment controller (deploymentController)"))
    return out


def source_object(svc: Any) -> Any:
    """The service object as written in its file (describe-services output keeps serviceArn, createdAt)."""
    raw: Any = svc.document.data
    for part in svc.root:
        try:
            raw = raw[part]
        except (KeyError, IndexError, TypeError):
            return None
    return raw


# ---------------------------------------------------------------------------------- container instance roles
EC2_SERVICE = "ec2.amazonaws.com"


def _capacity_provider(svc: Any, value: Any) -> Any:
    """The capacity-provider resource of the run a strategy item names (Reference or name), else None."""
    from ecslint.values import Reference

    for cp in svc.project.of_kind("capacity-provider") if svc.project else []:
        if isinstance(value, Reference) and cp.document is svc.document and cp.name in (value.target, svc.meta.get("module_prefix", "") + value.target):
            return cp
        if isinstance(value, str) and not isinstance(value, Unknown) and cp.data.get("name") == value:
            return cp
    return None


def ec2_launch(svc: Any) -> str | None:
    """Why the service's tasks run on EC2 container instances (launch type EC2, Auto Scaling group
    capacity providers, or no launch type and a cluster of the run without a default strategy); None otherwise."""
    dc = svc.data.get("deploymentController")
    if isinstance(dc, dict) and dc.get("type") is not None and dc.get("type") != "ECS":
        return None  # EXTERNAL / CODE_DEPLOY: the task sets carry the launch type
    lt = svc.data.get("launchType")
    if lt is not None:
        return "it sets launchType EC2" if lt == "EC2" else None
    strategy, source = svc.effective_strategy
    if strategy:
        names = []
        for item in strategy:
            value = item.get("capacityProvider")
            cp = _capacity_provider(svc, value)
            if cp is not None:
                if cp.data.get("autoScalingGroupProvider") is None:
                    return None
                names.append(as_str(cp.data.get("name")) or cp.name)
            else:
                return None  # Fargate, or a provider outside the run (Auto Scaling group or managed instances?)
        where = "" if source is svc else f" (the default strategy of cluster {source.name})"
        return f"it uses Auto Scaling group capacity provider {', '.join(names)}{where}"
    if svc.data.get("capacityProviderStrategy") is None and svc.cluster is not None:
        return f"it sets neither launchType nor a capacity provider strategy and cluster {svc.cluster.name} has no default strategy"
    return None


def _configuration_role_refs(data: dict[str, Any], address: str) -> set[str]:
    """Terraform: the aws_iam_role addresses the ``role`` expression of an instance profile refers to."""
    conf = data.get("configuration")
    root = conf.get("root_module") if isinstance(conf, dict) else None
    for r in root.get("resources") or [] if isinstance(root, dict) else []:
        if isinstance(r, dict) and r.get("address") == address.split("[", 1)[0]:
            expr = (r.get("expressions") or {}).get("role")
            refs = expr.get("references") if isinstance(expr, dict) else None
            return {".".join(x.split(".")[:2]) for x in refs or [] if isinstance(x, str) and x.startswith("aws_iam_role.")}
    return set()


def instance_role(svc: Any) -> Role | None:
    """The container instance role of the service's template or plan: the role of its instance profile(s)
    trusted by ec2.amazonaws.com; when several, the only one that may register container instances.
    None when there is none, when a profile's role is not in the document, or when it stays ambiguous."""
    from ecslint.iam import Verdict, evaluate, trust_allows

    if svc.project is None or not isinstance(svc.document.data, dict):
        return None
    data = svc.document.data
    roles = [r for r in svc.project.of_kind("iam-role") if r.document is svc.document and isinstance(r, Role)]
    by_logical = {r.name: r for r in roles}
    by_name = {r.role_name: r for r in roles if r.role_name}
    used: list[Role] = []
    for rtype, name, props in raw_resources(data):
        if rtype == "AWS::IAM::InstanceProfile":
            entries = props.get("Roles")
            for entry in entries if isinstance(entries, list) else [entries]:
                ids = referenced_ids(entry)
                hit = next((by_logical[i] for i in ids if i in by_logical), None) if ids else by_name.get(entry) if isinstance(entry, str) else None
                if hit is None:
                    return None
                used.append(hit)
        elif rtype == "aws_iam_instance_profile":
            value = props.get("role")
            hit = by_name.get(value) if isinstance(value, str) else None
            if hit is None:
                refs = _configuration_role_refs(data, name)
                hit = next((by_logical[a] for a in refs if a in by_logical), None)
            if hit is None:
                return None
            used.append(hit)
    ec2 = list({id(r): r for r in used if trust_allows(r.trust_document, EC2_SERVICE).verdict is Verdict.ALLOWED}.values())
    if len(ec2) > 1:
        ec2 = [r for r in ec2 if evaluate(r.policies, "ecs:RegisterContainerInstance", Unknown("cluster")).verdict
               in (Verdict.ALLOWED, Verdict.MAYBE)]
    return ec2[0] if len(ec2) == 1 else None


# ---------------------------------------------------------------------------------- Windows on EC2 / S3 Files
def windows_on_ec2(td: TaskDefinition) -> str | None:
    """Why a Windows task definition runs on EC2 container instances (where the agent's start-up
    options matter); None when it is not Windows, or may run elsewhere (Fargate, EXTERNAL, a runner
    of the run whose capacity is not known)."""
    if not td.is_windows:
        return None
    if td.is_ec2:
        return td.launch_targets["EC2"]
    if td.launch_targets or any(svc.launch_target[0] is None for svc in td.runners):
        return None
    req = td.data.get("requiresCompatibilities")
    if req is None or req == []:
        return "no requiresCompatibilities: EC2 by default"
    return None


def s3files_volumes(td: TaskDefinition) -> Iterator[tuple[int, dict[str, Any], dict[str, Any]]]:
    """(index, volume, s3filesVolumeConfiguration) for every S3 Files volume of the task definition."""
    vols = td.data.get("volumes")
    for k, v in enumerate(vols if isinstance(vols, list) else []):
        cfg = v.get("s3filesVolumeConfiguration") if isinstance(v, dict) else None
        if isinstance(cfg, dict):
            yield k, v, cfg


def volume_mounts(td: TaskDefinition, volume_name: Any) -> list[dict[str, Any]]:
    """The mount points (of any container) whose sourceVolume is the volume; ``[{}]`` when a mountPoints list is not known."""
    out: list[dict[str, Any]] = []
    for _, c in td.containers:
        mps = c.get("mountPoints")
        if mps is not None and not isinstance(mps, list):
            out.append({})  # Unknown list: may mount it
        for mp in mps if isinstance(mps, list) else []:
            if isinstance(mp, dict) and (mp.get("sourceVolume") == volume_name or isinstance(mp.get("sourceVolume"), Unknown)):
                out.append(mp)
    return out


def writable_mount(td: TaskDefinition, volume_name: Any) -> bool:
    """A container mounts the volume without ``readOnly: true``."""
    return any(mp.get("readOnly") is not True for mp in volume_mounts(td, volume_name) if mp)


_B64 = re.compile(r"^[A-Za-z0-9+/=\s]{24,}$")


def document_mentions(data: Any, needle: str, _depth: int = 0) -> bool:
    """A string of the document (also inside base64 user data) contains ``needle`` (case-insensitive)."""
    if _depth > 40:
        return False
    if isinstance(data, dict):
        return any(document_mentions(v, needle, _depth + 1) for v in data.values())
    if isinstance(data, list):
        return any(document_mentions(v, needle, _depth + 1) for v in data)
    if isinstance(data, str):
        if needle.lower() in data.lower():
            return True
        if _B64.match(data):
            import base64
            import binascii

            try:
                text = base64.b64decode("".join(data.split()), validate=True).decode("utf-8", "ignore")
            except (binascii.Error, ValueError):
                return False
            return needle.lower() in text.lower()
    return False
