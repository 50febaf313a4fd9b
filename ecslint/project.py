"""The files of one run form one project: services find their task definitions and clusters,
task definitions their roles, roles their policies.  Typed resource views give rules what they
need (is this task on Fargate, and why? which role runs it? which policies does it carry?).
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import cached_property
from typing import TYPE_CHECKING, Any

from ecslint.documents.base import Document, Pointer, Resource
from ecslint.values import Partial, Reference, Unknown, as_str, is_unknown

if TYPE_CHECKING:  # pragma: no cover
    from ecslint.iam import Policy

__all__ = ["Project", "TaskDefinition", "Service", "Cluster", "Role", "IamPolicy", "CapacityProvider", "make_resource"]

FARGATE_PROVIDERS = ("FARGATE", "FARGATE_SPOT")
_ROLE_ARN = re.compile(r"^arn:[\w-]*:iam::[^:]*:role/(?:.*/)?([^/]+)$")
_TD_ARN = re.compile(r"^arn:[\w-]*:ecs:[^:]*:[^:]*:task-definition/([^:/]+)(?::(\d+))?$")
_CLUSTER_ARN = re.compile(r"^arn:[\w-]*:ecs:[^:]*:[^:]*:cluster/(.+)$")
_PLACEHOLDER = re.compile(r"\$\{([^}.!]+)(?:\.([^}]+))?\}")


def _known_strings(value: Any) -> list[str]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str) and not isinstance(v, Partial)]
    return []


class TaskDefinition(Resource):
    """A task definition (RegisterTaskDefinition input shape)."""

    @property
    def family(self) -> str | None:
        return as_str(self.data.get("family"))

    @property
    def containers(self) -> list[tuple[int, dict[str, Any]]]:
        """(index, container definition) for every container that is an object."""
        defs = self.data.get("containerDefinitions")
        if not isinstance(defs, list):
            return []
        return [(i, c) for i, c in enumerate(defs) if isinstance(c, dict)]

    @property
    def containers_known(self) -> bool:
        """True when the container list itself is known (not an Unknown or a string we could not read)."""
        return isinstance(self.data.get("containerDefinitions"), list) and not any(
            is_unknown(c) for c in self.data["containerDefinitions"]
        )

    def container_label(self, index: int) -> str:
        """``'web'`` (the container's name) or ``#2`` when it has none."""
        defs = self.data.get("containerDefinitions")
        if isinstance(defs, list) and 0 <= index < len(defs) and isinstance(defs[index], dict):
            name = as_str(defs[index].get("name"))
            if name:
                return repr(name)
        return f"#{index + 1}"

    @property
    def requires(self) -> set[str]:
        return set(_known_strings(self.data.get("requiresCompatibilities")))

    @cached_property
    def runners(self) -> list[Service]:
        """Services and run-task inputs of this run that run this task definition."""
        if self.project is None:
            return []
        return self.project.runners_of(self)

    @cached_property
    def launch_targets(self) -> dict[str, str]:
        """Where this task runs, with the reason: {"FARGATE": "requiresCompatibilities lists FARGATE"}."""
        out: dict[str, str] = {}
        for lt in sorted(self.requires):
            out.setdefault(lt, f"requiresCompatibilities lists {lt}")
        for svc in self.runners:
            target, why = svc.launch_target
            if target:
                out.setdefault(target, f"{svc.kind} {svc.name} {why}")
        return out

    @property
    def is_fargate(self) -> bool:
        return "FARGATE" in self.launch_targets

    @property
    def fargate_reason(self) -> str:
        return self.launch_targets.get("FARGATE", "")

    @property
    def is_ec2(self) -> bool:
        return "EC2" in self.launch_targets

    @property
    def is_external(self) -> bool:
        return "EXTERNAL" in self.launch_targets

    @property
    def os_family(self) -> str | None:
        rp = self.data.get("runtimePlatform")
        return as_str(rp.get("operatingSystemFamily")) if isinstance(rp, dict) else None

    @property
    def is_windows(self) -> bool:
        fam = self.os_family
        return bool(fam and fam.upper().startswith("WINDOWS"))

    @property
    def os_known(self) -> bool:
        """True when the operating system is known (runtimePlatform set, or defaulted to Linux)."""
        rp = self.data.get("runtimePlatform")
        if rp is None:
            return True
        return isinstance(rp, dict) and not is_unknown(rp.get("operatingSystemFamily"))

    @property
    def network_mode(self) -> Any:
        """The declared networkMode (a string, an Unknown, or None when omitted)."""
        return self.data.get("networkMode")

    @property
    def fargate_platform_versions(self) -> dict[str, str]:
        """Effective platform versions of the Fargate runners: {"1.3.0": "service web"}.

        ``LATEST`` or an omitted version is 1.4.0 on Linux and 1.0.0 on Windows.  Unknown values are left out.
        """
        out: dict[str, str] = {}
        for svc in self.runners:
            if svc.launch_target[0] != "FARGATE":
                continue
            pv = svc.data.get("platformVersion")
            if is_unknown(pv):
                continue
            eff = effective_platform_version(pv, self.is_windows)
            if eff:
                out.setdefault(eff, f"{svc.kind} {svc.name}")
        return out

    @cached_property
    def execution_role(self) -> Role | None:
        return self.project.resolve_role(self.data.get("executionRoleArn"), self) if self.project else None

    @cached_property
    def task_role(self) -> Role | None:
        return self.project.resolve_role(self.data.get("taskRoleArn"), self) if self.project else None


def effective_platform_version(value: Any, windows: bool) -> str | None:
    if value is None or value == "LATEST":
        return "1.0.0" if windows else "1.4.0"
    return as_str(value)


class Service(Resource):
    """A service (CreateService input) or a run-task input (kind "run-task")."""

    @cached_property
    def task_definition(self) -> TaskDefinition | None:
        return self.project.resolve_task_definition(self.data.get("taskDefinition"), self) if self.project else None

    @cached_property
    def cluster(self) -> Cluster | None:
        return self.project.resolve_cluster(self.data.get("cluster"), self) if self.project else None

    @property
    def own_strategy(self) -> list[dict[str, Any]] | None:
        s = self.data.get("capacityProviderStrategy")
        return [i for i in s if isinstance(i, dict)] if isinstance(s, list) else None

    @cached_property
    def effective_strategy(self) -> tuple[list[dict[str, Any]] | None, Resource | None]:
        """The strategy that applies and where it comes from: this resource, or the cluster's default."""
        if self.data.get("launchType") is not None:
            return None, None
        own = self.own_strategy
        if own:
            return own, self
        cluster = self.cluster
        if cluster is not None:
            default = cluster.data.get("defaultCapacityProviderStrategy")
            if isinstance(default, list) and default:
                return [i for i in default if isinstance(i, dict)], cluster
        return None, None

    @cached_property
    def launch_target(self) -> tuple[str | None, str]:
        """("FARGATE" | "EC2" | "EXTERNAL" | "MANAGED_INSTANCES" | None, why)."""
        lt = self.data.get("launchType")
        if isinstance(lt, str) and not is_unknown(lt):
            return lt, f"sets launchType {lt}"
        if lt is not None:
            return None, "launchType is not known"
        strategy, source = self.effective_strategy
        if strategy:
            providers = [as_str(i.get("capacityProvider")) for i in strategy]
            if any(p is None for p in providers):
                return None, "capacity providers are not known"
            where = "" if source is self else f" (the default strategy of cluster {source.name})" if source else ""
            if all(p in FARGATE_PROVIDERS for p in providers):
                return "FARGATE", f"uses capacity provider {', '.join(sorted(set(p for p in providers if p)))}{where}"
            if not any(p in FARGATE_PROVIDERS for p in providers):
                return "EC2", f"uses capacity provider {', '.join(p for p in providers if p)}{where}"
            return None, "mixes Fargate and other capacity providers"
        if self.data.get("capacityProviderStrategy") is not None and not isinstance(
            self.data.get("capacityProviderStrategy"), list
        ):
            return None, "capacity provider strategy is not known"
        return None, "sets neither launchType nor a capacity provider strategy"

    @property
    def uses_spot(self) -> bool:
        strategy, _ = self.effective_strategy
        return bool(strategy) and any(i.get("capacityProvider") == "FARGATE_SPOT" for i in strategy or [])


class Cluster(Resource):
    """A cluster (CreateCluster input shape; capacity provider associations merged in)."""

    @property
    def cluster_name(self) -> str | None:
        return as_str(self.data.get("clusterName"))


class CapacityProvider(Resource):
    """A capacity provider (CreateCapacityProvider input shape)."""


class Role(Resource):
    """An IAM role in the shape of get-account-authorization-details' RoleDetail."""

    @property
    def role_name(self) -> str | None:
        return as_str(self.data.get("RoleName"))

    @property
    def trust_document(self) -> Any:
        return self.data.get("AssumeRolePolicyDocument")

    @cached_property
    def policies(self) -> list[Policy]:
        """Inline, attached customer-managed and AWS-managed policies, each with its origin.

        A policy that cannot be read (an unknown ARN, a document built at deploy time) is a Policy
        whose document is an Unknown: the evaluator then answers "maybe", never "denied".
        """
        from ecslint.iam import Policy
        from ecslint.iam.managed import get_managed_policy

        out: list[Policy] = []
        inline = self.data.get("RolePolicyList")
        if isinstance(inline, list):
            for i, p in enumerate(inline):
                if isinstance(p, dict):
                    out.append(
                        Policy(p.get("PolicyDocument", Unknown()), f"inline policy {p.get('PolicyName', i)}", (self, ("RolePolicyList", i)))
                    )
        elif inline is not None:
            out.append(Policy(Unknown("inline policies not known"), "inline policies", (self, ("RolePolicyList",))))
        attached = self.data.get("AttachedManagedPolicies")
        for i, a in enumerate(attached if isinstance(attached, list) else []):
            arn = a.get("PolicyArn") if isinstance(a, dict) else a
            origin = (self, ("AttachedManagedPolicies", i))
            found = self.project.find_policy(arn, self) if self.project else None
            if found is not None:
                out.append(Policy(found.data.get("PolicyDocument", Unknown()), f"policy {found.name}", (found, ("PolicyDocument",))))
                continue
            s = arn if isinstance(arn, str) else None  # Partial ARNs (arn:${AWS::Partition}:iam::aws:policy/...) resolve too
            managed = get_managed_policy(s) if s else None
            if managed is not None:
                out.append(Policy(managed.document, managed.name, origin))
            else:
                out.append(Policy(Unknown(f"policy {arn!r} is not in this run"), f"policy {s or 'unknown'}", origin))
        if attached is not None and not isinstance(attached, list):
            out.append(Policy(Unknown("managed policies not known"), "managed policies", (self, ("AttachedManagedPolicies",))))
        for pol in self.project.policies_attached_to(self) if self.project else []:
            out.append(Policy(pol.data.get("PolicyDocument", Unknown()), f"policy {pol.name}", (pol, ("PolicyDocument",))))
        return out


class IamPolicy(Resource):
    """A standalone IAM policy (CloudFormation AWS::IAM::Policy/ManagedPolicy, Terraform aws_iam_policy):
    data ``{"PolicyName", "PolicyDocument", "Arn"?, "Roles": [...]}``."""


_CLASSES: dict[str, type[Resource]] = {
    "task-definition": TaskDefinition,
    "service": Service,
    "run-task": Service,
    "cluster": Cluster,
    "capacity-provider": CapacityProvider,
    "iam-role": Role,
    "iam-policy": IamPolicy,
}


def make_resource(kind: str, name: str, data: dict[str, Any], document: Document, **kw: Any) -> Resource:
    """A resource of the right view class for its kind."""
    return _CLASSES.get(kind, Resource)(kind=kind, name=name, data=data, document=document, **kw)


class Project:
    """All resources of one run, and the lookups between them."""

    def __init__(self, resources: Iterable[Resource]) -> None:
        self.resources = list(resources)
        self._by_kind: dict[str, list[Resource]] = {}
        for r in self.resources:
            r.project = self
            self._by_kind.setdefault(r.kind, []).append(r)
        #: References that could not be followed: (resource, what, value); reported as notes.
        self.unresolved: list[tuple[Resource, str, str]] = []
        self._role_uses: dict[int, list[tuple[TaskDefinition, str]]] | None = None
        self._by_family: dict[str, list[Resource]] | None = None
        self._runners: dict[int, list[Service]] | None = None

    def of_kind(self, *kinds: str) -> Iterator[Resource]:
        for k in kinds:
            yield from self._by_kind.get(k, ())

    # ------------------------------------------------------------------ generic lookups
    def _by_reference(self, ref: Reference, origin: Resource, kinds: tuple[str, ...]) -> Resource | None:
        # Terraform addresses inside modules: "module.a.aws_iam_role.x" referenced as "aws_iam_role.x";
        # the module's own resource wins over a root resource of the same name.
        prefix = origin.meta.get("module_prefix", "")
        names = (prefix + ref.target, ref.target) if prefix else (ref.target,)
        for name in names:
            for r in self.of_kind(*kinds):
                if r.document is origin.document and r.name == name:
                    return r
        return None

    def _placeholder_target(self, value: Partial, origin: Resource, kinds: tuple[str, ...]) -> Resource | None:
        for name, _attr in _PLACEHOLDER.findall(value):
            found = self._by_reference(Reference(name), origin, kinds)
            if found is not None:
                return found
        return None

    # ------------------------------------------------------------------ specific lookups
    def resolve_role(self, value: Any, origin: Resource) -> Role | None:
        if value is None or value == "":
            return None
        found: Resource | None = None
        if isinstance(value, Reference):
            found = self._by_reference(value, origin, ("iam-role",))
        elif isinstance(value, Partial):
            found = self._placeholder_target(value, origin, ("iam-role",))
        elif isinstance(value, str):
            m = _ROLE_ARN.match(value)
            name = m.group(1) if m else value.rsplit("/", 1)[-1]
            for r in self.of_kind("iam-role"):
                if r.data.get("Arn") == value or r.data.get("RoleName") == name:
                    found = r
                    break
        if found is None and not isinstance(value, Unknown) or isinstance(value, Reference) and found is None:
            self.unresolved.append((origin, "role", getattr(value, "target", None) or str(value)))
        return found if isinstance(found, Role) else None

    def resolve_task_definition(self, value: Any, origin: Resource) -> TaskDefinition | None:
        if value is None or value == "":
            return None
        found: Resource | None = None
        if isinstance(value, Reference):
            found = self._by_reference(value, origin, ("task-definition",))
        elif isinstance(value, Partial):
            found = self._placeholder_target(value, origin, ("task-definition",))
        elif isinstance(value, str):
            m = _TD_ARN.match(value)
            family, revision = (m.group(1), m.group(2)) if m else (value.partition(":")[0], value.partition(":")[2] or None)
            candidates = list(self._families().get(family, ())) if family else []
            if revision:
                exact = [r for r in candidates if str(r.meta.get("revision")) == revision]
                candidates = exact or candidates
            # Prefer one from the same document, then the first in path order.
            candidates.sort(key=lambda r: (r.document is not origin.document, r.document.path))
            found = candidates[0] if candidates else None
        if found is None and not isinstance(value, Unknown) or isinstance(value, Reference) and found is None:
            self.unresolved.append((origin, "task definition", getattr(value, "target", None) or str(value)))
        return found if isinstance(found, TaskDefinition) else None

    def resolve_cluster(self, value: Any, origin: Resource) -> Cluster | None:
        if value is None:
            # The "default" cluster, when the run defines one by that name.
            value = "default"
        found: Resource | None = None
        if isinstance(value, Reference):
            found = self._by_reference(value, origin, ("cluster",))
        elif isinstance(value, Partial):
            found = self._placeholder_target(value, origin, ("cluster",))
        elif isinstance(value, str):
            m = _CLUSTER_ARN.match(value)
            name = m.group(1) if m else value
            for r in self.of_kind("cluster"):
                if r.data.get("clusterName") == name or r.meta.get("arn") == value:
                    found = r
                    break
        return found if isinstance(found, Cluster) else None

    def find_policy(self, arn: Any, origin: Resource) -> IamPolicy | None:
        """A customer-managed policy of the run, by Reference or ARN."""
        if isinstance(arn, Reference):
            r = self._by_reference(arn, origin, ("iam-policy",))
            return r if isinstance(r, IamPolicy) else None
        s = as_str(arn)
        if not s:
            return None
        for r in self.of_kind("iam-policy"):
            if r.data.get("Arn") == s:
                return r if isinstance(r, IamPolicy) else None
        return None

    def policies_attached_to(self, role: Role) -> list[IamPolicy]:
        """Standalone policies whose ``Roles`` name this role (by Reference or by name)."""
        out: list[IamPolicy] = []
        for pol in self.of_kind("iam-policy"):
            roles = pol.data.get("Roles")
            for entry in roles if isinstance(roles, list) else []:
                if isinstance(entry, Reference):
                    hit = self._by_reference(entry, pol, ("iam-role",)) is role
                else:
                    hit = isinstance(entry, str) and not is_unknown(entry) and entry == role.role_name
                if hit and isinstance(pol, IamPolicy):
                    out.append(pol)
                    break
        return out

    def runners_of(self, td: TaskDefinition) -> list[Service]:
        """Services and run-task inputs whose task definition is ``td`` (indexed once per run)."""
        if self._runners is None:
            self._runners = {}
            for r in self.of_kind("service", "run-task"):
                if isinstance(r, Service) and r.task_definition is not None:
                    self._runners.setdefault(id(r.task_definition), []).append(r)
        return self._runners.get(id(td), [])

    def _families(self) -> dict[str, list[Resource]]:
        if self._by_family is None:
            self._by_family = {}
            for r in self.of_kind("task-definition"):
                fam = r.data.get("family")
                if isinstance(fam, str) and not is_unknown(fam):
                    self._by_family.setdefault(fam, []).append(r)
        return self._by_family

    def role_uses(self) -> dict[int, list[tuple[TaskDefinition, str]]]:
        """id(role) -> [(task definition, "execution" | "task")], computed once per run."""
        if self._role_uses is None:
            uses: dict[int, list[tuple[TaskDefinition, str]]] = {}
            for td in self.of_kind("task-definition"):
                if not isinstance(td, TaskDefinition):
                    continue
                if td.execution_role is not None:
                    uses.setdefault(id(td.execution_role), []).append((td, "execution"))
                if td.task_role is not None:
                    uses.setdefault(id(td.task_role), []).append((td, "task"))
            self._role_uses = uses
        return self._role_uses
