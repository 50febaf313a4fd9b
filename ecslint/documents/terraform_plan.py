"""Terraform plan JSON (``terraform show -json plan.out``) and state JSON (``terraform show -json``) -> canonical resources.

Resources come from ``planned_values`` (or a state's ``values``), root module and child modules alike.
Each resource's ``after_unknown`` (in ``resource_changes``) says which values Terraform will only know
after apply: those become :class:`~ecslint.values.Unknown` -- or a :class:`~ecslint.values.Reference`
when the resource's ``configuration`` expression refers to exactly one other resource of the plan
(``execution_role_arn = aws_iam_role.exec.arn``), following module variables and outputs.  Known values
keep their value and the reference is recorded in ``meta["refs"]`` (keyed by canonical pointer).

Names are mapped to the ECS API's (``network_mode`` -> ``networkMode``), Terraform's one-element block
lists are unwrapped, maps of tags become ``[{"key", "value"}]`` lists, and scalars are coerced to the
types of the API input schema.  JSON strings (``container_definitions``, IAM policy documents) are
parsed; positions below them are approximate (their canonical pointers are in ``Resource.opaque``).

Terraform's zero values stand for "not set": an empty string, an empty list or map, and (for a few
ports) a zero are left out, as are values only known after apply that the configuration does not set
(computed attributes such as ``launch_type`` or a role's ``inline_policy``, whose absence is the API's
default; they are listed in ``meta["computed"]``).  A ``dynamic`` block whose content is not known at
plan time is not in the configuration JSON either, so it is left out the same way.

Also merged: ``aws_ecs_cluster_capacity_providers`` into its cluster (``meta["merged_from"]``), and
``aws_iam_role_policy_attachment`` / ``aws_iam_policy_attachment`` into the roles' ``AttachedManagedPolicies``
(``meta["attachments"]``), their origins pointing at the association.  ``aws_iam_policy_document`` data
sources supply policy documents that are unknown in the resource itself: their ``json`` when it was
read during planning, else the document rendered from their planned ``statement`` blocks.

Resource metadata: ``type``, ``address``, ``mode``, ``index``, ``actions`` (plans only), ``module_prefix``
(child modules), ``arn``/``revision`` when known, ``refs`` ({canonical pointer tuple: Reference}), and
``tf_block`` = (path, line) of the ``resource`` block in the .tf files beside the plan (or in a local
module's directory), when there are any.
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from typing import Any

from ecslint.documents.base import Document, DocumentKind, Pointer, Resource
from ecslint.parsing import loads
from ecslint.project import make_resource
from ecslint.schemastore import SCHEMA_FOR_KIND, load_schema, resolve_ref
from ecslint.values import Reference, Unknown

__all__ = ["KINDS", "detect", "load"]

AFTER_APPLY = "known after apply"
_MISSING: Any = object()


# ============================================================================ mapping tables
@dataclass(frozen=True)
class F:
    """How one Terraform attribute maps to the canonical model."""

    #: Canonical path relative to the enclosing object; None drops the attribute.
    api: tuple[str, ...] | None
    #: value | strings | map | kv | one | blocks | json | public_ip | arns | wrap
    how: str = "value"
    sub: dict[str, F] | None = None
    #: Key names of the pairs a ``kv`` map becomes.
    kv: tuple[str, str] = ("key", "value")
    #: A zero means "not set" (Terraform's default for an optional port).
    zero_absent: bool = False
    #: Keep the (known) value in ``resource.meta`` under this name.
    meta: str | None = None
    #: Leave the member out when the value is only known after apply (an ARN or id).
    known_only: bool = False
    #: Skip block items that map to an empty object.
    skip_empty: bool = False


def _f(api: str | None, how: str = "value", sub: dict[str, F] | None = None, **kw: Any) -> F:
    return F(tuple(api.split(".")) if api else None, how, sub, **kw)


def _same(*names: str) -> dict[str, F]:
    """Attributes whose API name is the camelCase of the Terraform name."""
    return {n: _f(_camel(n)) for n in names}


def _camel(name: str) -> str:
    head, *rest = name.split("_")
    return head + "".join(p[:1].upper() + p[1:] for p in rest)


_TAGS = _f("tags", "kv")
_STRATEGY = {"capacity_provider": _f("capacityProvider"), "weight": _f("weight"), "base": _f("base")}
_CONSTRAINTS = _same("type", "expression")

TASK_DEFINITION: dict[str, F] = {
    **_same("family", "cpu", "memory", "network_mode", "execution_role_arn", "task_role_arn", "pid_mode", "ipc_mode",
            "enable_fault_injection"),
    "requires_compatibilities": _f("requiresCompatibilities", "strings"),
    "tags": _TAGS,
    "container_definitions": _f("containerDefinitions", "json"),
    "runtime_platform": _f("runtimePlatform", "one", _same("operating_system_family", "cpu_architecture")),
    "ephemeral_storage": _f("ephemeralStorage", "one", {"size_in_gib": _f("sizeInGiB")}),
    "placement_constraints": _f("placementConstraints", "blocks", _CONSTRAINTS),
    "proxy_configuration": _f(
        "proxyConfiguration", "one", {**_same("type", "container_name"), "properties": _f("properties", "kv", kv=("name", "value"))}
    ),
    "inference_accelerator": _f("inferenceAccelerators", "blocks", _same("device_name", "device_type")),
    "volume": _f(
        "volumes",
        "blocks",
        {
            "name": _f("name"),
            "host_path": _f("host.sourcePath"),
            "configure_at_launch": _f("configuredAtLaunch"),
            "docker_volume_configuration": _f(
                "dockerVolumeConfiguration",
                "one",
                {**_same("scope", "autoprovision", "driver"), "driver_opts": _f("driverOpts", "map"), "labels": _f("labels", "map")},
            ),
            "efs_volume_configuration": _f(
                "efsVolumeConfiguration",
                "one",
                {
                    **_same("file_system_id", "root_directory", "transit_encryption"),
                    "transit_encryption_port": _f("transitEncryptionPort", zero_absent=True),
                    "authorization_config": _f("authorizationConfig", "one", _same("access_point_id", "iam")),
                },
            ),
            "fsx_windows_file_server_volume_configuration": _f(
                "fsxWindowsFileServerVolumeConfiguration",
                "one",
                {
                    **_same("file_system_id", "root_directory"),
                    "authorization_config": _f("authorizationConfig", "one", _same("credentials_parameter", "domain")),
                },
            ),
        },
    ),
    "arn": _f(None, meta="arn"),
    "revision": _f(None, meta="revision"),
    # Dropped: id, arn_without_revision, skip_destroy, track_latest, tags_all.
}

_LOG_CONFIGURATION = {
    "log_driver": _f("logDriver"),
    "options": _f("options", "map"),
    "secret_option": _f("secretOptions", "blocks", _same("name", "value_from")),
}

SERVICE: dict[str, F] = {
    "name": _f("serviceName"),
    **_same("cluster", "task_definition", "desired_count", "launch_type", "platform_version", "scheduling_strategy",
            "enable_execute_command", "propagate_tags", "health_check_grace_period_seconds", "availability_zone_rebalancing"),
    "enable_ecs_managed_tags": _f("enableECSManagedTags"),
    "iam_role": _f("role"),
    "tags": _TAGS,
    "deployment_maximum_percent": _f("deploymentConfiguration.maximumPercent"),
    "deployment_minimum_healthy_percent": _f("deploymentConfiguration.minimumHealthyPercent"),
    "deployment_circuit_breaker": _f("deploymentConfiguration.deploymentCircuitBreaker", "one", _same("enable", "rollback")),
    "alarms": _f("deploymentConfiguration.alarms", "one", {**_same("enable", "rollback"), "alarm_names": _f("alarmNames", "strings")}),
    "deployment_configuration": _f(
        "deploymentConfiguration",
        "one",
        {
            **_same("strategy", "bake_time_in_minutes"),
            "lifecycle_hook": _f(
                "lifecycleHooks", "blocks", {**_same("hook_target_arn", "role_arn"), "lifecycle_stages": _f("lifecycleStages", "strings")}
            ),
        },
    ),
    "deployment_controller": _f("deploymentController", "one", _same("type")),
    "capacity_provider_strategy": _f("capacityProviderStrategy", "blocks", _STRATEGY),
    "network_configuration": _f(
        "networkConfiguration.awsvpcConfiguration",
        "one",
        {
            "subnets": _f("subnets", "strings"),
            "security_groups": _f("securityGroups", "strings"),
            "assign_public_ip": _f("assignPublicIp", "public_ip"),
        },
    ),
    "load_balancer": _f(
        "loadBalancers",
        "blocks",
        {
            **_same("target_group_arn", "container_name", "container_port"),
            "elb_name": _f("loadBalancerName"),
            "advanced_configuration": _f(
                "advancedConfiguration",
                "one",
                _same("alternate_target_group_arn", "production_listener_rule", "test_listener_rule", "role_arn"),
            ),
        },
    ),
    "ordered_placement_strategy": _f("placementStrategy", "blocks", _same("type", "field")),
    "placement_constraints": _f("placementConstraints", "blocks", _CONSTRAINTS),
    "service_registries": _f(
        "serviceRegistries",
        "blocks",
        {
            **_same("registry_arn", "container_name"),
            "port": _f("port", zero_absent=True),
            "container_port": _f("containerPort", zero_absent=True),
        },
    ),
    "service_connect_configuration": _f(
        "serviceConnectConfiguration",
        "one",
        {
            **_same("enabled", "namespace"),
            "log_configuration": _f("logConfiguration", "one", _LOG_CONFIGURATION),
            "access_log_configuration": _f("accessLogConfiguration", "one", _same("format", "include_query_parameters")),
            "service": _f(
                "services",
                "blocks",
                {
                    **_same("port_name", "discovery_name"),
                    "ingress_port_override": _f("ingressPortOverride", zero_absent=True),
                    "client_alias": _f(
                        "clientAliases",
                        "blocks",
                        {
                            **_same("port", "dns_name"),
                            "test_traffic_rules": _f(
                                "testTrafficRules",
                                "one",
                                {"header": _f("header", "one", {"name": _f("name"), "value": _f("value", "one", _same("exact"))})},
                            ),
                        },
                    ),
                    "timeout": _f("timeout", "one", _same("idle_timeout_seconds", "per_request_timeout_seconds")),
                    "tls": _f(
                        "tls",
                        "one",
                        {
                            **_same("kms_key", "role_arn"),
                            "issuer_cert_authority": _f("issuerCertificateAuthority", "one", _same("aws_pca_authority_arn")),
                        },
                    ),
                },
            ),
        },
    ),
    "volume_configuration": _f(
        "volumeConfigurations",
        "blocks",
        {
            "name": _f("name"),
            "managed_ebs_volume": _f(
                "managedEBSVolume",
                "one",
                {
                    **_same("role_arn", "encrypted", "kms_key_id", "snapshot_id", "volume_type"),
                    "file_system_type": _f("filesystemType"),
                    "size_in_gb": _f("sizeInGiB", zero_absent=True),
                    "iops": _f("iops", zero_absent=True),
                    "throughput": _f("throughput", zero_absent=True),
                    "volume_initialization_rate": _f("volumeInitializationRate", zero_absent=True),
                    "tag_specifications": _f(
                        "tagSpecifications", "blocks", {**_same("resource_type", "propagate_tags"), "tags": _TAGS}
                    ),
                },
            ),
        },
    ),
    "vpc_lattice_configurations": _f("vpcLatticeConfigurations", "blocks", _same("role_arn", "target_group_arn", "port_name")),
    "force_new_deployment": _f(None, meta="force_new_deployment"),
    # Dropped: id, wait_for_steady_state, triggers, force_delete, timeouts, tags_all.
}

CLUSTER: dict[str, F] = {
    "name": _f("clusterName"),
    "setting": _f("settings", "blocks", _same("name", "value")),
    "configuration": _f(
        "configuration",
        "one",
        {
            "execute_command_configuration": _f(
                "executeCommandConfiguration",
                "one",
                {
                    **_same("kms_key_id", "logging"),
                    "log_configuration": _f(
                        "logConfiguration",
                        "one",
                        {
                            **_same("cloud_watch_encryption_enabled", "cloud_watch_log_group_name", "s3_bucket_name", "s3_key_prefix"),
                            "s3_bucket_encryption_enabled": _f("s3EncryptionEnabled"),
                        },
                    ),
                },
            ),
            "managed_storage_configuration": _f(
                "managedStorageConfiguration", "one", _same("fargate_ephemeral_storage_kms_key_id", "kms_key_id")
            ),
        },
    ),
    "service_connect_defaults": _f("serviceConnectDefaults", "one", _same("namespace")),
    # Provider versions before 4.0 set these on the cluster itself.
    "capacity_providers": _f("capacityProviders", "strings"),
    "default_capacity_provider_strategy": _f("defaultCapacityProviderStrategy", "blocks", _STRATEGY),
    "tags": _TAGS,
    "arn": _f(None, meta="arn"),
}

CLUSTER_CAPACITY_PROVIDERS: dict[str, F] = {
    "capacity_providers": _f("capacityProviders", "strings"),
    "default_capacity_provider_strategy": _f("defaultCapacityProviderStrategy", "blocks", _STRATEGY),
}

CAPACITY_PROVIDER: dict[str, F] = {
    "name": _f("name"),
    "cluster": _f("cluster"),
    "auto_scaling_group_provider": _f(
        "autoScalingGroupProvider",
        "one",
        {
            **_same("auto_scaling_group_arn", "managed_termination_protection", "managed_draining"),
            "managed_scaling": _f(
                "managedScaling",
                "one",
                _same("instance_warmup_period", "maximum_scaling_step_size", "minimum_scaling_step_size", "status", "target_capacity"),
            ),
        },
    ),
    "tags": _TAGS,
    "arn": _f(None, meta="arn"),
}

IAM_ROLE: dict[str, F] = {
    "name": _f("RoleName"),
    "arn": _f("Arn", known_only=True),
    "unique_id": _f("RoleId", known_only=True),
    "path": _f("Path"),
    "assume_role_policy": _f("AssumeRolePolicyDocument", "json"),
    "inline_policy": _f(
        "RolePolicyList", "blocks", {"name": _f("PolicyName"), "policy": _f("PolicyDocument", "json")}, skip_empty=True
    ),
    "managed_policy_arns": _f("AttachedManagedPolicies", "arns"),
    "permissions_boundary": _f("PermissionsBoundary.PermissionsBoundaryArn"),
    "tags": _f("Tags", "kv", kv=("Key", "Value")),
}

IAM_ROLE_POLICY: dict[str, F] = {
    "name": _f("PolicyName"),
    "policy": _f("PolicyDocument", "json"),
    "role": _f("Roles", "wrap"),
}

IAM_POLICY: dict[str, F] = {
    "name": _f("PolicyName"),
    "policy": _f("PolicyDocument", "json"),
    "arn": _f("Arn", known_only=True),
}

#: Terraform type -> (canonical kind, mapping, API schema or None)
TYPES: dict[str, tuple[str, dict[str, F], str | None]] = {
    "aws_ecs_task_definition": ("task-definition", TASK_DEFINITION, SCHEMA_FOR_KIND["task-definition"]),
    "aws_ecs_service": ("service", SERVICE, SCHEMA_FOR_KIND["service"]),
    "aws_ecs_cluster": ("cluster", CLUSTER, SCHEMA_FOR_KIND["cluster"]),
    "aws_ecs_capacity_provider": ("capacity-provider", CAPACITY_PROVIDER, SCHEMA_FOR_KIND["capacity-provider"]),
    "aws_iam_role": ("iam-role", IAM_ROLE, None),
    "aws_iam_role_policy": ("iam-policy", IAM_ROLE_POLICY, None),
    "aws_iam_policy": ("iam-policy", IAM_POLICY, None),
}
#: Canonical members that stay (as Unknown) when Terraform generates them.
_IDENTITY = {"iam-role": "RoleName", "iam-policy": "PolicyName"}
_POLICY_DOCUMENT_TYPES = ("aws_iam_policy_document",)


# ============================================================================ detection
def detect(data: Any) -> bool:
    if not isinstance(data, dict) or "format_version" not in data:
        return False
    if any(k in data for k in ("planned_values", "resource_changes", "configuration")):
        return True
    values = data.get("values")
    return isinstance(values, dict) and "root_module" in values


# ============================================================================ the plan
@dataclass(eq=False)
class _Module:
    address: str  # "" for the root module, 'module.app' or 'module.app["x"]'
    prefix: str  # "" or "module.app."
    config: dict[str, Any] | None  # the configuration module object
    call: dict[str, Any] | None  # the parent's module_calls entry
    parent: _Module | None
    directory: str | None
    _config_resources: dict[tuple[str, str, str], dict[str, Any]] | None = None

    def config_resource(self, mode: str, rtype: str, name: str) -> dict[str, Any] | None:
        if self._config_resources is None:
            self._config_resources = {}
            for r in _list(self.config.get("resources") if self.config else None):
                if isinstance(r, dict):
                    self._config_resources[(str(r.get("mode", "managed")), str(r.get("type")), str(r.get("name")))] = r
        return self._config_resources.get((mode, rtype, name))


@dataclass(eq=False)
class _Raw:
    """One resource instance of the plan."""

    address: str
    mode: str
    type: str
    name: str
    index: Any
    values: dict[str, Any]
    pointer: Pointer
    module: _Module
    unknown: Any = None
    unknown_pointer: Pointer | None = None
    config: dict[str, Any] | None = None
    actions: list[str] | None = None

    @property
    def values_pointer(self) -> Pointer:
        return self.pointer + ("values",)

    @property
    def expressions(self) -> dict[str, Any] | None:
        if self.config is None:
            return None
        e = self.config.get("expressions")
        return e if isinstance(e, dict) else {}


def _list(v: Any) -> list[Any]:
    return v if isinstance(v, list) else []


def _dict(v: Any) -> dict[str, Any]:
    return v if isinstance(v, dict) else {}


_MODULE_STEP = re.compile(r'module\.([A-Za-z_][\w-]*)(\[(?:"(?:[^"\\]|\\.)*"|\d+)\])?')


class _Plan:
    def __init__(self, doc: Document) -> None:
        data: dict[str, Any] = doc.data
        self.doc = doc
        #: Policy documents of data sources, parsed once however many resources use them.
        self._documents: dict[tuple[str, str], Any] = {}
        self.changes: dict[str, tuple[int, dict[str, Any]]] = {}
        for k, rc in enumerate(_list(data.get("resource_changes"))):
            if isinstance(rc, dict) and isinstance(rc.get("address"), str) and "deposed" not in rc:
                self.changes[rc["address"]] = (k, rc)
        config = _dict(data.get("configuration")).get("root_module")
        # --tf-source DIR (set by the engine) names where the root module's .tf files live.
        root_dir = doc.meta.get("tf_source") or (os.path.dirname(doc.abspath) if doc.abspath else None)
        self.root = _Module("", "", config if isinstance(config, dict) else None, None, None, root_dir)
        self.modules: dict[str, _Module] = {"": self.root}
        self.raws: list[_Raw] = []
        if isinstance(data.get("planned_values"), dict):
            top: Pointer = ("planned_values",)
        else:
            top = ("values",)
        root_module = _dict(data.get(top[0])).get("root_module")
        if isinstance(root_module, dict):
            self._collect(root_module, top + ("root_module",), self.root, self.raws)
        self.addresses = {r.address for r in self.raws if r.mode == "managed"}
        # Data sources: the ones read during planning are in prior_state, deferred ones in planned_values.
        self.data_sources: dict[str, _Raw] = {}
        prior = _dict(_dict(data.get("prior_state")).get("values")).get("root_module")
        if isinstance(prior, dict):
            found: list[_Raw] = []
            self._collect(prior, ("prior_state", "values", "root_module"), self.root, found, register=False)
            for r in found:
                if r.mode == "data":
                    self.data_sources[r.address] = r
        self._instances: dict[str, list[str]] | None = None
        #: Data sources Terraform reads only during apply (their values may be unknown).
        self.deferred_data: set[str] = set()
        for r in self.raws:
            if r.mode == "data" and r.address not in self.data_sources:
                self.data_sources[r.address] = r
                if top == ("planned_values",):
                    self.deferred_data.add(r.address)

    def _collect(self, node: dict[str, Any], pointer: Pointer, module: _Module, out: list[_Raw], register: bool = True) -> None:
        for i, res in enumerate(_list(node.get("resources"))):
            if not isinstance(res, dict) or not isinstance(res.get("address"), str):
                continue
            raw = _Raw(
                address=res["address"],
                mode=str(res.get("mode", "managed")),
                type=str(res.get("type", "")),
                name=str(res.get("name", "")),
                index=res.get("index"),
                values=_dict(res.get("values")),
                pointer=pointer + ("resources", i),
                module=module,
            )
            change = self.changes.get(raw.address) if register else None
            if change is not None:
                k, rc = change
                ch = _dict(rc.get("change"))
                raw.unknown = ch.get("after_unknown")
                raw.unknown_pointer = ("resource_changes", k, "change", "after_unknown")
                acts = ch.get("actions")
                raw.actions = [a for a in acts if isinstance(a, str)] if isinstance(acts, list) else None
            raw.config = module.config_resource(raw.mode, raw.type, raw.name)
            out.append(raw)
        for j, child in enumerate(_list(node.get("child_modules"))):
            if not isinstance(child, dict) or not isinstance(child.get("address"), str):
                continue
            address = child["address"]
            sub = self.modules.get(address)
            if sub is None:
                steps = _MODULE_STEP.findall(address)
                call_name = steps[-1][0] if steps else ""
                call = _dict(_dict(module.config.get("module_calls") if module.config else None).get(call_name)) or None
                cfg = _dict(call.get("module")) if call else None
                directory = None
                source = call.get("source") if call else None
                if module.directory and isinstance(source, str) and source.startswith(("./", "../")):
                    directory = os.path.normpath(os.path.join(module.directory, source))
                sub = _Module(address, address + ".", cfg if cfg else None, call, module, directory)
                if register:
                    self.modules[address] = sub
            self._collect(child, pointer + ("child_modules", j), sub, out, register)

    # ------------------------------------------------------------------ references
    def targets(self, expr: Any, module: _Module, index: Any, depth: int = 0) -> tuple[list[tuple[str, str | None]], bool]:
        """The resources (absolute addresses, with the first attribute used) an expression refers to,
        and whether everything else it refers to is known at plan time (root variables, count.index...)."""
        refs = expr.get("references") if isinstance(expr, dict) else None
        if not isinstance(refs, list) or depth > 8:
            return [], True
        found: dict[str, str | None] = {}
        safe = True
        for ref in refs:
            if not isinstance(ref, str):
                continue
            parts = _split_reference(ref)
            if not parts:
                safe = False
                continue
            head = parts[0]
            if head in ("count", "path", "terraform") or (head == "each" and parts[1:2] == ["key"]):
                continue
            if head == "var":
                if module.parent is None or len(parts) < 2:
                    continue  # root variables are known at plan time
                arg = _dict(_dict(module.call).get("expressions")).get(parts[1])
                if arg is None:
                    continue  # the variable's default
                sub, ok = self.targets(arg, module.parent, index, depth + 1)
                for a, attr in sub:
                    found.setdefault(a, attr)
                safe = safe and ok
                continue
            if head == "module" and len(parts) >= 2:
                child = self.modules.get(module.prefix + "module." + parts[1])
                out = _dict(_dict(_dict(child.config).get("outputs")).get(parts[2])) if child and len(parts) >= 3 else {}
                if child is None or not out:
                    if len(parts) >= 3:
                        safe = False
                    continue
                sub, ok = self.targets(out.get("expression"), child, index, depth + 1)
                for a, attr in sub:
                    found.setdefault(a, attr)
                safe = safe and ok
                continue
            if head in ("local", "each", "self"):
                safe = False
                continue
            mode = "managed"
            if head == "data":
                mode, parts = "data", parts[1:]
            if len(parts) < 2:
                safe = False
                continue
            base = module.prefix + ("data." if mode == "data" else "") + parts[0] + "." + parts[1]
            rest = parts[2:]
            idx = None
            if rest and rest[0].startswith("["):
                idx, rest = rest[0], rest[1:]
            attr = rest[0] if rest and not rest[0].startswith("[") else None
            address = self._instance(base + (idx or ""), base, index, mode)
            if address is None:
                safe = False
                continue
            if address in found:
                if found[address] is None and attr is not None:
                    found[address] = attr
                continue
            # "aws_iam_role.exec" after "aws_iam_role.exec.arn" adds nothing.
            found[address] = attr
        return list(found.items()), safe

    def _instance(self, address: str, base: str, index: Any, mode: str) -> str | None:
        """The resource instance a reference names.  ``aws_x.y`` of a counted resource is the
        instance with the referring resource's own index, or the only instance."""
        pool: set[str] | dict[str, _Raw] = self.addresses if mode == "managed" else self.data_sources
        if address in pool:
            return address
        if address != base:
            return None
        if self._instances is None:
            self._instances = {}
            for a in (*self.addresses, *self.data_sources):
                if a.endswith("]") and "[" in a:
                    self._instances.setdefault(a[: a.rindex("[")], []).append(a)
        instances = self._instances.get(base, [])
        if index is not None:
            same = base + "[" + json.dumps(index) + "]"
            if same in instances:
                return same
        return instances[0] if len(instances) == 1 else None

    def linked(self, expr: Any, raw: _Raw) -> tuple[list[tuple[str, str | None]], bool]:
        """The managed resources an expression refers to, and whether nothing else in it can be unknown
        (data sources read during planning are known; deferred ones are not)."""
        tg, safe = self.targets(expr, raw.module, raw.index)
        managed = []
        for address, attr in tg:
            if not _is_data(address):
                managed.append((address, attr))
            elif address in self.deferred_data:
                safe = False
        return managed, safe

    def reference(self, expr: Any, raw: _Raw, holder_prefix: str | None = None) -> Reference | None:
        """A Reference for an expression that refers to exactly one managed resource of the plan."""
        managed, safe = self.linked(expr, raw)
        if not safe or len(managed) != 1:
            return None
        address, attr = managed[0]
        return Reference(self.relative(address, raw.module.prefix if holder_prefix is None else holder_prefix), attr)

    def relative(self, address: str, prefix: str) -> str:
        """The address as seen from a module (the Project adds the module prefix back), unless a
        resource of the root module has the same relative address."""
        if prefix and address.startswith(prefix):
            rel = address[len(prefix) :]
            if rel not in self.addresses:
                return rel
        return address

    def policy_from_data_source(self, expr: Any, raw: _Raw) -> tuple[Any, Pointer] | None:
        """The policy document of the ``aws_iam_policy_document`` an expression refers to: its ``json`` when
        known, else the document its planned statements will render."""
        tg, safe = self.targets(expr, raw.module, raw.index)
        if len(tg) != 1 or not safe:
            return None
        address, attr = tg[0]
        ds = self.data_sources.get(address)
        if ds is None or ds.type not in _POLICY_DOCUMENT_TYPES or attr not in ("json", "minified_json", None):
            return None
        unk = ds.unknown if isinstance(ds.unknown, dict) else {}
        for key in (attr or "json", "json", "minified_json"):
            text = ds.values.get(key)
            if isinstance(text, str) and text and unk.get(key) is not True:
                if (address, key) not in self._documents:
                    try:
                        self._documents[(address, key)] = loads(text)
                    except ValueError:
                        self._documents[(address, key)] = Unknown(f"{address}.{key} is not valid JSON")
                return self._documents[(address, key)], ds.values_pointer + (key,)
        rendered = _render_policy_document(ds.values, unk)
        return (rendered, ds.values_pointer) if rendered is not None else None


_DATA_ADDRESS = re.compile(r'^(?:module\.[A-Za-z_][\w-]*(?:\[[^\]]*\])?\.)*data\.')


def _is_data(address: str) -> bool:
    return bool(_DATA_ADDRESS.match(address))


_REF_TOKEN = re.compile(r'\.?([A-Za-z_][\w-]*)|(\[(?:"(?:[^"\\]|\\.)*"|[^\]]*)\])')


def _split_reference(ref: str) -> list[str]:
    """``aws_iam_role.exec["a"].arn`` -> ["aws_iam_role", "exec", '["a"]', "arn"]."""
    out: list[str] = []
    pos = 0
    while pos < len(ref):
        m = _REF_TOKEN.match(ref, pos)
        if not m or m.end() == pos:
            return []
        out.append(m.group(1) or m.group(2))
        pos = m.end()
    return out


# ============================================================================ value mapping
def _coerce(value: Any, schema: dict[str, Any] | None) -> Any:
    if schema is None or isinstance(value, Unknown):
        return value
    t = schema.get("type")
    if t == "string":
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return str(int(value)) if value.is_integer() else str(value)
    elif t == "integer":
        if isinstance(value, float) and value.is_integer():
            return int(value)
        if isinstance(value, str) and re.fullmatch(r"\s*[+-]?\d+\s*", value):
            return int(value)
    elif t == "number":
        if isinstance(value, str):
            try:
                return float(value) if not re.fullmatch(r"\s*[+-]?\d+\s*", value) else int(value)
            except ValueError:
                return value
    elif t == "boolean":
        if isinstance(value, str) and value.lower() in ("true", "false"):
            return value.lower() == "true"
    return value


class _Mapper:
    """Maps one Terraform resource's values to the canonical model, recording origins."""

    def __init__(self, plan: _Plan, raw: _Raw, schema_name: str | None) -> None:
        self.plan = plan
        self.raw = raw
        self.root_schema: dict[str, Any] | None = load_schema(schema_name) if schema_name else None
        self.origins: dict[Pointer, Pointer] = {(): raw.values_pointer}
        self.opaque: list[Pointer] = []
        self.refs: dict[Pointer, Reference] = {}
        self.meta: dict[str, Any] = {}

    # ------------------------------------------------------------------ schema
    def _resolve(self, schema: Any) -> dict[str, Any] | None:
        if self.root_schema is None or not isinstance(schema, dict):
            return None
        return resolve_ref(schema, self.root_schema)

    def _prop(self, schema: dict[str, Any] | None, path: tuple[str, ...]) -> dict[str, Any] | None:
        for part in path:
            schema = self._resolve(schema)
            if schema is None:
                return None
            schema = _dict(schema.get("properties")).get(part)
        return self._resolve(schema)

    def _items(self, schema: dict[str, Any] | None) -> dict[str, Any] | None:
        return self._resolve(schema.get("items")) if isinstance(schema, dict) else None

    # ------------------------------------------------------------------ objects
    def map_resource(self, spec: dict[str, F]) -> dict[str, Any]:
        raw = self.raw
        return self.object(raw.values, raw.unknown, spec, self.root_schema, raw.values_pointer, raw.unknown_pointer, (), raw.expressions)

    def object(
        self,
        values: dict[str, Any],
        unknown: Any,
        spec: dict[str, F],
        schema: dict[str, Any] | None,
        src: Pointer,
        usrc: Pointer | None,
        can: Pointer,
        exprs: dict[str, Any] | None,
    ) -> dict[str, Any]:
        out: dict[str, Any] = {}
        unk = unknown if isinstance(unknown, dict) else {}
        keys = list(values) + [k for k, u in unk.items() if u is True and k not in values]
        for k in keys:
            f = spec.get(k)
            if f is None:
                continue
            v = values.get(k)
            u = unk.get(k)
            if f.api is None:
                if f.meta and u is not True and v is not None and v != "":
                    self.meta[f.meta] = v
                continue
            expr = exprs.get(k) if exprs is not None else None
            path = can + f.api
            value = self.value(
                f, v, u, expr, exprs is not None, self._prop(schema, f.api), src + (k,), usrc + (k,) if usrc else None, path
            )
            if value is _MISSING:
                continue
            # Intermediate objects (deploymentConfiguration, networkConfiguration) point at the first contributor.
            cur = out
            for depth, part in enumerate(f.api[:-1]):
                self.origins.setdefault(can + f.api[: depth + 1], src + (k,))
                nxt = cur.get(part)
                if not isinstance(nxt, dict):
                    nxt = cur[part] = {}
                cur = nxt
            last = f.api[-1]
            if isinstance(value, dict) and isinstance(cur.get(last), dict):
                cur[last].update(value)
            else:
                cur[last] = value
        return out

    def _unknown(self, path: Pointer, src: Pointer, usrc: Pointer | None) -> Unknown:
        self.origins[path] = usrc if usrc is not None else src
        return Unknown(AFTER_APPLY)

    def value(
        self,
        f: F,
        v: Any,
        u: Any,
        expr: Any,
        configured: bool,
        schema: dict[str, Any] | None,
        src: Pointer,
        usrc: Pointer | None,
        path: Pointer,
    ) -> Any:
        how = f.how
        if u is True:
            if f.known_only:
                return _MISSING
            if configured and expr is None:
                # Computed and not set in the configuration (launch_type, a role's inline_policy):
                # what AWS will report is the API default, i.e. the member's absence.
                self.meta.setdefault("computed", []).append(src[len(self.raw.values_pointer) :])
                return _MISSING
            unknown = self._unknown(path, src, usrc)
            if how in ("value", "public_ip", "wrap"):
                ref = self.plan.reference(expr, self.raw)
                if ref is not None:
                    return [ref] if how == "wrap" else ref
            if how == "json":
                found = self.plan.policy_from_data_source(expr, self.raw)
                if found is not None:
                    doc, origin = found
                    self.origins[path] = origin
                    self.opaque.append(path)
                    return doc
            return [unknown] if how == "wrap" else unknown
        if v is None:
            return _MISSING
        if how in ("value", "public_ip", "wrap"):
            if v == "" or (f.zero_absent and v == 0 and not isinstance(v, bool)) or isinstance(v, (dict, list)) and not v:
                return _MISSING
            if how == "public_ip" and isinstance(v, bool):
                v = "ENABLED" if v else "DISABLED"
            self.origins[path] = src
            self._record(expr, path if how != "wrap" else path + (0,))
            if how == "wrap":
                self.origins[path + (0,)] = src
                return [_coerce(v, schema)]
            return _coerce(v, schema)
        if how == "json":
            if not isinstance(v, str) or not v.strip():
                return _MISSING
            self.origins[path] = src
            self.opaque.append(path)
            try:
                return loads(v)
            except ValueError:
                return Unknown(f"{src[-1]} is not valid JSON")
        if how == "strings" or how == "arns":
            if not isinstance(v, list) or not v:
                return _MISSING
            self.origins[path] = src
            item_schema = self._items(schema)
            ulist = u if isinstance(u, list) else []
            refs: list[Reference] | None = None
            items: list[Any] = []
            for i, x in enumerate(v):
                if i < len(ulist) and ulist[i] is True:
                    if refs is None:
                        refs = self._element_references(expr, len(v))
                    x = refs[i] if refs else self._unknown(path + (i,), src + (i,), usrc + (i,) if usrc else None)
                else:
                    x = _coerce(x, item_schema)
                self.origins.setdefault(path + (i,), src + (i,))
                if how == "arns":
                    self.origins[path + (i, "PolicyArn")] = self.origins[path + (i,)]
                    x = {"PolicyArn": x}
                items.append(x)
            return items
        if how in ("map", "kv"):
            if not isinstance(v, dict):
                return _MISSING
            unk = u if isinstance(u, dict) else {}
            keys = list(v) + [k for k, x in unk.items() if x is True and k not in v]
            if not keys:
                return _MISSING
            self.origins[path] = src
            pairs: list[tuple[str, Any, Pointer]] = []
            for key in keys:
                if unk.get(key) is True:
                    val: Any = Unknown(AFTER_APPLY)
                    where = usrc + (key,) if usrc else src + (key,)
                else:
                    val, where = _coerce(v.get(key), {"type": "string"}), src + (key,)
                pairs.append((key, val, where))
            if how == "map":
                for key, _val, where in pairs:
                    self.origins[path + (key,)] = where
                return {key: val for key, val, _w in pairs}
            kname, vname = f.kv
            for j, (key, _val, where) in enumerate(pairs):
                self.origins[path + (j,)] = where
                self.origins[path + (j, kname)] = where
                self.origins[path + (j, vname)] = where
            return [{kname: key, vname: val} for key, val, _w in pairs]
        if how == "one":
            if not isinstance(v, list) or not v:
                return _MISSING
            item, ui = v[0], (u[0] if isinstance(u, list) and u else None)
            if ui is True or not isinstance(item, dict):
                return self._unknown(path, src + (0,), usrc + (0,) if usrc else None)
            self.origins[path] = src
            ex = expr[0] if isinstance(expr, list) and expr and isinstance(expr[0], dict) else None
            return self.object(item, ui, f.sub or {}, schema, src + (0,), usrc + (0,) if usrc else None, path, ex)
        if how == "blocks":
            if not isinstance(v, list) or not v:
                return _MISSING
            self.origins[path] = src
            item_schema = self._items(schema)
            ulist = u if isinstance(u, list) else []
            elist = expr if isinstance(expr, list) and len(expr) == len(v) else None
            blocks: list[Any] = []
            for i, item in enumerate(v):
                j = len(blocks)
                ui = ulist[i] if i < len(ulist) else None
                if ui is True or not isinstance(item, dict):
                    blocks.append(self._unknown(path + (j,), src + (i,), usrc + (i,) if usrc else None))
                    continue
                ex = elist[i] if elist is not None and isinstance(elist[i], dict) else None
                obj = self.object(item, ui, f.sub or {}, item_schema, src + (i,), usrc + (i,) if usrc else None, path + (j,), ex)
                if f.skip_empty and not obj:
                    continue
                self.origins[path + (j,)] = src + (i,)
                blocks.append(obj)
            return blocks if blocks else _MISSING
        return _MISSING

    def _record(self, expr: Any, path: Pointer) -> None:
        ref = self.plan.reference(expr, self.raw) if isinstance(expr, dict) and expr.get("references") else None
        if ref is not None:
            self.refs[path] = ref

    def _element_references(self, expr: Any, length: int) -> list[Reference]:
        """One Reference per element when a list expression names as many resources as it has elements."""
        tg, safe = self.plan.linked(expr, self.raw)
        if not safe or len(tg) != length:
            return []
        return [Reference(self.plan.relative(a, self.raw.module.prefix), attr) for a, attr in tg]


# ============================================================================ IAM policy documents from data sources
def _render_policy_document(values: dict[str, Any], unknown: dict[str, Any]) -> dict[str, Any] | None:
    """The document an ``aws_iam_policy_document`` will render, from its planned ``statement`` blocks
    (values not known yet are Unknown); None when it merges other documents or its statements are not known."""
    for key in ("source_policy_documents", "override_policy_documents", "source_json", "override_json"):
        if unknown.get(key) is True or values.get(key) not in (None, "", []):
            return None
    if unknown.get("statement") is True:
        return None
    ustatements = _list(unknown.get("statement"))

    def known(block: dict[str, Any], ublock: dict[str, Any], key: str) -> Any:
        if ublock.get(key) is True:
            return Unknown(AFTER_APPLY)
        v = block.get(key)
        u = ublock.get(key)
        if isinstance(v, list) and isinstance(u, list):
            return [Unknown(AFTER_APPLY) if i < len(u) and u[i] is True else x for i, x in enumerate(v)]
        return v

    statements: list[Any] = []
    for i, st in enumerate(_list(values.get("statement"))):
        if not isinstance(st, dict):
            return None
        ust = _dict(ustatements[i]) if i < len(ustatements) else {}
        out: dict[str, Any] = {}
        sid = known(st, ust, "sid")
        if sid not in (None, ""):
            out["Sid"] = sid
        effect = known(st, ust, "effect")
        out["Effect"] = effect if effect not in (None, "") else "Allow"
        for tf, iam in (("actions", "Action"), ("not_actions", "NotAction"), ("resources", "Resource"), ("not_resources", "NotResource")):
            v = known(st, ust, tf)
            if v not in (None, []):
                out[iam] = v
        for tf, iam in (("principals", "Principal"), ("not_principals", "NotPrincipal")):
            if ust.get(tf) is True:
                out[iam] = Unknown(AFTER_APPLY)
                continue
            blocks = _list(st.get(tf))
            ublocks = _list(ust.get(tf))
            if blocks:
                principal: dict[str, Any] = {}
                for j, b in enumerate(blocks):
                    ub = _dict(ublocks[j]) if j < len(ublocks) else {}
                    ptype, ids = known(_dict(b), ub, "type"), known(_dict(b), ub, "identifiers")
                    if isinstance(ptype, str):
                        principal.setdefault(ptype, [])
                        principal[ptype] += ids if isinstance(ids, list) else [ids]
                out[iam] = "*" if list(principal) == ["*"] and principal["*"] == ["*"] else principal
        if ust.get("condition") is True:
            out["Condition"] = Unknown(AFTER_APPLY)
        else:
            conditions: dict[str, Any] = {}
            uconds = _list(ust.get("condition"))
            for j, c in enumerate(_list(st.get("condition"))):
                uc = _dict(uconds[j]) if j < len(uconds) else {}
                test, variable, vals = known(_dict(c), uc, "test"), known(_dict(c), uc, "variable"), known(_dict(c), uc, "values")
                if not isinstance(test, str) or not isinstance(variable, str):
                    out["Condition"] = Unknown(AFTER_APPLY)
                    break
                conditions.setdefault(test, {})[variable] = vals
            else:
                if conditions:
                    out["Condition"] = conditions
        statements.append(out)
    version = values.get("version")
    return {"Version": version if isinstance(version, str) and version else "2012-10-17", "Statement": statements}


# ============================================================================ loading
def load(doc: Document) -> list[Resource]:
    if not isinstance(doc.data, dict):
        return []
    plan = _Plan(doc)
    doc.meta["terraform_version"] = doc.data.get("terraform_version")
    doc.meta["source_dir"] = plan.root.directory
    out: list[Resource] = []
    by_address: dict[str, Resource] = {}
    later: list[_Raw] = []
    for raw in plan.raws:
        if raw.mode != "managed":
            continue
        if raw.actions and all(a in ("delete", "forget") for a in raw.actions):
            continue
        if raw.type in TYPES:
            r = _resource(plan, raw)
            out.append(r)
            by_address[raw.address] = r
        elif raw.type in ("aws_ecs_cluster_capacity_providers", "aws_iam_role_policy_attachment", "aws_iam_policy_attachment"):
            later.append(raw)
    for raw in later:
        if raw.type == "aws_ecs_cluster_capacity_providers":
            _merge_capacity_providers(plan, raw, by_address)
        else:
            _attach_policy(plan, raw, by_address)
    _drop_state_echoes(plan, {r.address: r for r in plan.raws}, by_address)
    _record_tf_blocks(plan, out)
    return out


def _resource(plan: _Plan, raw: _Raw) -> Resource:
    kind, spec, schema = TYPES[raw.type]
    mapper = _Mapper(plan, raw, schema)
    data = mapper.map_resource(spec)
    identity = _IDENTITY.get(kind)
    if identity and identity not in data:
        data[identity] = Unknown(f"{AFTER_APPLY} (generated by Terraform)")
        mapper.origins[(identity,)] = raw.values_pointer
    if kind == "service" and isinstance(data.get("role"), str) and "aws-service-role/ecs.amazonaws.com" in data["role"]:
        del data["role"]  # what AWS reports when no role was given: the ECS service-linked role
    if kind == "iam-role" and isinstance(data.get("PermissionsBoundary"), dict):
        data["PermissionsBoundary"]["PermissionsBoundaryType"] = "Policy"
    meta: dict[str, Any] = {"type": raw.type, "address": raw.address, "mode": raw.mode, **mapper.meta}
    if raw.module.prefix:
        meta["module_prefix"] = raw.module.prefix
    if raw.index is not None:
        meta["index"] = raw.index
    if raw.actions is not None:
        meta["actions"] = raw.actions
    if mapper.refs:
        meta["refs"] = mapper.refs
    return make_resource(
        kind,
        raw.address,
        data,
        plan.doc,
        base=raw.pointer,
        root=raw.values_pointer,
        origins=mapper.origins,
        opaque=tuple(mapper.opaque),
        logical_kind="resource",
        meta=meta,
    )


def _find(plan: _Plan, raw: _Raw, attr: str, by_address: dict[str, Resource], kind: str, key: str) -> list[Resource]:
    """The resources of a kind an attribute refers to, by configuration reference or by name."""
    expr = _dict(raw.expressions).get(attr)
    found: list[Resource] = []
    tg, _safe = plan.targets(expr, raw.module, raw.index)
    for address, _a in tg:
        r = by_address.get(address)
        if r is not None and r.kind == kind and r not in found:
            found.append(r)
    if found:
        return found
    value = raw.values.get(attr)
    names = value if isinstance(value, list) else [value]
    for name in names:
        if isinstance(name, str) and name:
            for r in by_address.values():
                if r.kind == kind and r.data.get(key) == name and r not in found:
                    found.append(r)
    return found


def _merge_capacity_providers(plan: _Plan, raw: _Raw, by_address: dict[str, Resource]) -> None:
    for cluster in _find(plan, raw, "cluster_name", by_address, "cluster", "clusterName"):
        if cluster.origins is None:
            continue
        mapper = _Mapper(plan, raw, SCHEMA_FOR_KIND["cluster"])
        merged = mapper.map_resource(CLUSTER_CAPACITY_PROVIDERS)
        cluster.data.update(merged)
        for p, src in mapper.origins.items():
            if p and p[0] in merged:
                cluster.origins[p] = src
        cluster.meta.setdefault("merged_from", []).append(raw.address)


def _attach_policy(plan: _Plan, raw: _Raw, by_address: dict[str, Resource]) -> None:
    roles_attr = "role" if raw.type == "aws_iam_role_policy_attachment" else "roles"
    roles = _find(plan, raw, roles_attr, by_address, "iam-role", "RoleName")
    if not roles:
        return
    unk = raw.unknown if isinstance(raw.unknown, dict) else {}
    expr = _dict(raw.expressions).get("policy_arn")
    if unk.get("policy_arn") is True:
        src = raw.unknown_pointer + ("policy_arn",) if raw.unknown_pointer else raw.values_pointer + ("policy_arn",)
    else:
        src = raw.values_pointer + ("policy_arn",)
    for role in roles:
        if role.origins is None:
            continue
        ref = plan.reference(expr, raw, holder_prefix=role.meta.get("module_prefix", ""))
        value: Any = raw.values.get("policy_arn")
        if unk.get("policy_arn") is True:
            value = ref if ref is not None else Unknown(AFTER_APPLY)
        elif not isinstance(value, str) or not value:
            continue
        attached = role.data.get("AttachedManagedPolicies")
        if attached is None:
            attached = role.data["AttachedManagedPolicies"] = []
            role.origins[("AttachedManagedPolicies",)] = src
        if not isinstance(attached, list):
            continue  # the role's own list is not known: it cannot say more
        duplicate = any(
            isinstance(a, dict)
            and (
                (isinstance(value, str) and a.get("PolicyArn") == value)
                or (isinstance(value, Reference) and isinstance(a.get("PolicyArn"), Reference) and a["PolicyArn"].target == value.target)
            )
            for a in attached
        )
        if duplicate:
            continue
        i = len(attached)
        attached.append({"PolicyArn": value})
        role.origins[("AttachedManagedPolicies", i)] = src
        role.origins[("AttachedManagedPolicies", i, "PolicyArn")] = src
        if ref is not None:
            role.meta.setdefault("refs", {})[("AttachedManagedPolicies", i, "PolicyArn")] = ref
        role.meta.setdefault("attachments", []).append(raw.address)


def _drop_state_echoes(plan: _Plan, raws: dict[str, _Raw], by_address: dict[str, Resource]) -> None:
    """A role's ``inline_policy`` read back from AWS repeats the ``aws_iam_role_policy`` resources of the
    plan: keep each of those policies once (as the iam-policy resource)."""
    echoed: dict[int, set[str]] = {}
    for pol in by_address.values():
        name = pol.data.get("PolicyName")
        if pol.meta.get("type") != "aws_iam_role_policy" or not isinstance(name, str) or pol.name not in raws:
            continue
        for role in _find(plan, raws[pol.name], "role", by_address, "iam-role", "RoleName"):
            echoed.setdefault(id(role), set()).add(name)
    for role in by_address.values():
        names = echoed.get(id(role))
        inline = role.data.get("RolePolicyList")
        if not names or not isinstance(inline, list) or role.origins is None:
            continue
        keep = [i for i, p in enumerate(inline) if not (isinstance(p, dict) and isinstance(p.get("PolicyName"), str) and p["PolicyName"] in names)]
        if len(keep) == len(inline):
            continue
        renumber = {old: new for new, old in enumerate(keep)}

        def moved(p: Pointer) -> Pointer | None:
            if len(p) >= 2 and p[0] == "RolePolicyList" and isinstance(p[1], int):
                return ("RolePolicyList", renumber[p[1]]) + p[2:] if p[1] in renumber else None
            return p

        role.origins = {q: src for p, src in role.origins.items() if (q := moved(p)) is not None}
        role.opaque = tuple(q for p in role.opaque if (q := moved(p)) is not None)
        if keep:
            role.data["RolePolicyList"] = [inline[i] for i in keep]
        else:
            del role.data["RolePolicyList"]
            role.origins.pop(("RolePolicyList",), None)


# ============================================================================ .tf source lines
_TF_RESOURCE = re.compile(r'^\s*resource\s+"?([A-Za-z_][\w-]*)"?\s+"?([A-Za-z_][\w-]*)"?\s*\{')
_TF_CACHE: dict[str, tuple[tuple[tuple[str, int, int], ...], dict[tuple[str, str], tuple[str, int]]]] = {}


def _display(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel


def _tf_blocks(directory: str) -> dict[tuple[str, str], tuple[str, int]]:
    """(type, name) -> (path, line) of every ``resource`` block of the .tf files in a directory,
    read once per directory (and again only when a file changes)."""
    try:
        names = sorted(n for n in os.listdir(directory) if n.endswith(".tf"))
    except OSError:
        return {}
    if not names:
        return {}
    signature: list[tuple[str, int, int]] = []
    for n in names:
        try:
            st = os.stat(os.path.join(directory, n))
        except OSError:
            continue
        signature.append((n, st.st_mtime_ns, st.st_size))
    sig = tuple(signature)
    cached = _TF_CACHE.get(directory)
    if cached is not None and cached[0] == sig:
        return cached[1]
    blocks: dict[tuple[str, str], tuple[str, int]] = {}
    for n, _m, _s in sig:
        path = os.path.join(directory, n)
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                text = fh.read()
        except OSError:
            continue
        if "resource" not in text:
            continue
        shown = _display(path)
        for lineno, line in enumerate(text.splitlines(), 1):
            if "resource" in line:
                m = _TF_RESOURCE.match(line)
                if m:
                    blocks.setdefault((m.group(1), m.group(2)), (shown, lineno))
    _TF_CACHE[directory] = (sig, blocks)
    return blocks


def _record_tf_blocks(plan: _Plan, resources: list[Resource]) -> None:
    by_dir: dict[str, dict[tuple[str, str], tuple[str, int]]] = {}
    raws = {r.address: r for r in plan.raws}
    for res in resources:
        raw = raws.get(res.name)
        directory = raw.module.directory if raw is not None else None
        if raw is None or not directory:
            continue
        if directory not in by_dir:
            by_dir[directory] = _tf_blocks(directory)
        hit = by_dir[directory].get((raw.type, raw.name))
        if hit is not None:
            res.meta["tf_block"] = hit


KINDS = [DocumentKind("terraform-plan", detect, load, 20, "Terraform plan or state JSON (terraform show -json)")]
