"""Raw ECS API JSON: task definitions, services, run-task and cluster inputs, and describe-* outputs.

Accepted shapes:

* ``aws ecs register-task-definition --cli-input-json`` input (``family`` + ``containerDefinitions``),
  and ``describe-task-definition`` output (``{"taskDefinition": {...}, "tags": [...]}``).  Read-only
  members that describe output carries (``revision``, ``status``, ``compatibilities`` ...) are dropped
  silently: they are what the amazon-ecs-deploy-task-definition action ignores too.  Members whose
  value is ``null`` (console exports are full of them) are dropped as well, as that action does.
* ``create-service --cli-input-json`` input (``serviceName`` + ...), ``create-service`` output
  (``{"service": {...}}``) and ``describe-services`` output (``{"services": [...]}``).
* ``run-task --cli-input-json`` input (``taskDefinition`` + ``count``/``overrides``/``launchType`` ... and no ``serviceName``).
* ``create-cluster --cli-input-json`` input (``clusterName`` + cluster settings), ``describe-clusters`` output.
"""
from __future__ import annotations

from typing import Any

from ecslint.documents.base import Document, DocumentKind, Resource
from ecslint.project import make_resource
from ecslint.values import as_str

__all__ = ["KINDS"]

TD_READ_ONLY = frozenset(
    {
        "taskDefinitionArn", "revision", "status", "requiresAttributes", "compatibilities",
        "registeredAt", "registeredBy", "deregisteredAt", "deleteRequestedAt",
    }
)  # fmt: skip

SERVICE_OUTPUT_RENAMES = {"clusterArn": "cluster", "roleArn": "role"}
SERVICE_READ_ONLY = frozenset(
    {
        "platformFamily", "serviceArn", "status", "runningCount", "pendingCount", "taskSets", "deployments", "events",
        "createdAt", "createdBy", "currentServiceDeployment", "currentServiceRevisions", "resourceManagementType",
    }
)  # fmt: skip

CLUSTER_READ_ONLY = frozenset(
    {
        "clusterArn", "status", "registeredContainerInstancesCount", "runningTasksCount", "pendingTasksCount",
        "activeServicesCount", "statistics", "attachments", "attachmentsStatus",
    }
)  # fmt: skip

RUN_TASK_KEYS = frozenset(
    {"count", "overrides", "startedBy", "group", "placementStrategy", "referenceId", "clientToken", "volumeConfigurations"}
)


def drop_nulls(value: Any) -> Any:
    """The value without object members whose value is null (list items keep their places)."""
    if isinstance(value, dict):
        return {k: drop_nulls(v) for k, v in value.items() if v is not None}
    if isinstance(value, list):
        return [drop_nulls(v) for v in value]
    return value


# ------------------------------------------------------------------------------- task definitions
def _is_td(d: Any) -> bool:
    return isinstance(d, dict) and isinstance(d.get("containerDefinitions"), list) and "Resources" not in d


def detect_task_definition(data: Any) -> bool:
    if not isinstance(data, dict):
        return False
    if _is_td(data):
        return True
    td = data.get("taskDefinition")
    return isinstance(td, dict) and isinstance(td.get("containerDefinitions"), list)


def load_task_definition(doc: Document) -> list[Resource]:
    data = doc.data
    root: tuple[Any, ...] = ()
    extra_tags = None
    if not _is_td(data):
        extra_tags = data.get("tags")
        data, root = data["taskDefinition"], ("taskDefinition",)
    td = {k: drop_nulls(v) for k, v in data.items() if k not in TD_READ_ONLY and v is not None}
    meta: dict[str, Any] = {}
    if "revision" in data:
        meta["revision"] = data["revision"]
    if "taskDefinitionArn" in data:
        meta["arn"] = data["taskDefinitionArn"]
    if extra_tags is not None and "tags" not in td:
        meta["tags"] = extra_tags
    name = as_str(td.get("family")) or doc.path
    return [make_resource("task-definition", name, td, doc, root=root, base=root, logical_kind="taskDefinition", meta=meta)]


# ------------------------------------------------------------------------------- services
#: Members only a service has: a definition without serviceName (ecspresso and other deploy tools
#: fill the name in from their own configuration) is still a service.
SERVICE_ONLY_KEYS = frozenset(
    {"desiredCount", "deploymentConfiguration", "schedulingStrategy", "healthCheckGracePeriodSeconds",
     "deploymentController", "serviceRegistries", "loadBalancers", "serviceConnectConfiguration"}
)  # fmt: skip


def _looks_like_service(d: Any) -> bool:
    if not isinstance(d, dict) or "containerDefinitions" in d or "Resources" in d:
        return False
    if "serviceName" in d:
        return True
    return bool(SERVICE_ONLY_KEYS & d.keys()) and not (RUN_TASK_KEYS & d.keys()) and "format_version" not in d


def detect_service(data: Any) -> bool:
    if _looks_like_service(data):
        return True
    if isinstance(data, dict):
        if _looks_like_service(data.get("service")):
            return True
        svcs = data.get("services")
        return isinstance(svcs, list) and bool(svcs) and all(_looks_like_service(s) for s in svcs)
    return False


def load_service(doc: Document) -> list[Resource]:
    data = doc.data
    items: list[tuple[tuple[Any, ...], dict[str, Any]]]
    if _looks_like_service(data):
        items = [((), data)]
    elif _looks_like_service(data.get("service")):
        items = [(("service",), data["service"])]
    else:
        items = [(("services", i), s) for i, s in enumerate(data["services"])]
    out: list[Resource] = []
    for root, svc in items:
        canon: dict[str, Any] = {}
        origins: dict[tuple[Any, ...], tuple[Any, ...]] | None = None
        for k, v in svc.items():
            if k in SERVICE_READ_ONLY or v is None:
                continue
            v = drop_nulls(v)
            if k in SERVICE_OUTPUT_RENAMES and SERVICE_OUTPUT_RENAMES[k] not in svc:
                origins = origins if origins is not None else {}
                origins[(SERVICE_OUTPUT_RENAMES[k],)] = root + (k,)
                k = SERVICE_OUTPUT_RENAMES[k]
            canon[k] = v
        if origins is not None:
            # Everything else maps one to one.
            origins[()] = root
            for k in canon:
                origins.setdefault((k,), root + (k,))
            _identity_below(canon, root, origins)
        name = as_str(svc.get("serviceName")) or doc.path
        # Without serviceName this is a deploy tool's template (ecspresso ...): the tool fills in the
        # name and the task definition at deploy time.
        meta = {} if "serviceName" in svc else {"generated": ("serviceName", "taskDefinition")}
        out.append(make_resource("service", name, canon, doc, root=root, base=root, origins=origins, logical_kind="service", meta=meta))
    return out


def _identity_below(canon: dict[str, Any], root: tuple[Any, ...], origins: dict[tuple[Any, ...], tuple[Any, ...]]) -> None:
    """Record identity origins below the top level (used when top-level keys were renamed)."""
    from ecslint.documents.base import walk

    for k, v in canon.items():
        src = origins[(k,)]
        for p, _ in walk(v):
            origins.setdefault((k,) + p, src + p)


# ------------------------------------------------------------------------------- run-task
def detect_run_task(data: Any) -> bool:
    return (
        isinstance(data, dict)
        and isinstance(data.get("taskDefinition"), str)
        and "serviceName" not in data
        and "containerDefinitions" not in data
        and bool(RUN_TASK_KEYS & data.keys() or {"launchType", "capacityProviderStrategy", "cluster"} & data.keys())
    )


def load_run_task(doc: Document) -> list[Resource]:
    name = f"run-task {as_str(doc.data.get('taskDefinition')) or ''}".strip()
    return [make_resource("run-task", name, drop_nulls(doc.data), doc, logical_kind="runTask")]


# ------------------------------------------------------------------------------- clusters
def _looks_like_cluster(d: Any) -> bool:
    return (
        isinstance(d, dict)
        and isinstance(d.get("clusterName"), str)
        and "serviceName" not in d
        and "taskDefinition" not in d
        and "containerDefinitions" not in d
    )


def detect_cluster(data: Any) -> bool:
    if _looks_like_cluster(data):
        return True
    if isinstance(data, dict):
        if _looks_like_cluster(data.get("cluster")):
            return True
        cl = data.get("clusters")
        return isinstance(cl, list) and bool(cl) and all(_looks_like_cluster(c) for c in cl)
    return False


def load_cluster(doc: Document) -> list[Resource]:
    data = doc.data
    if _looks_like_cluster(data):
        items = [((), data)]
    elif _looks_like_cluster(data.get("cluster")):
        items = [(("cluster",), data["cluster"])]
    else:
        items = [(("clusters", i), c) for i, c in enumerate(data["clusters"])]
    out: list[Resource] = []
    for root, cl in items:
        canon = {k: drop_nulls(v) for k, v in cl.items() if k not in CLUSTER_READ_ONLY and v is not None}
        meta = {"arn": cl["clusterArn"]} if "clusterArn" in cl else {}
        out.append(make_resource("cluster", cl["clusterName"], canon, doc, root=root, base=root, logical_kind="cluster", meta=meta))
    return out


KINDS = [
    DocumentKind("task-definition", detect_task_definition, load_task_definition, 50, "ECS task definition JSON"),
    DocumentKind("service", detect_service, load_service, 51, "ECS service JSON (create-service / describe-services)"),
    DocumentKind("run-task", detect_run_task, load_run_task, 52, "ECS run-task input JSON"),
    DocumentKind("cluster", detect_cluster, load_cluster, 53, "ECS cluster JSON (create-cluster / describe-clusters)"),
]
