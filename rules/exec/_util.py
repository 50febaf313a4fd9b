"""Helpers of the ECS Exec rules: is exec enabled, which task role applies, the cluster's
executeCommandConfiguration, and how to word IAM answers."""
from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from ecslint.iam import Decision, Policy, Verdict, closest_policy
from ecslint.model import Related
from ecslint.project import Role, Service
from ecslint.values import is_true

SSM_ACTIONS = (
    "ssmmessages:CreateControlChannel",
    "ssmmessages:CreateDataChannel",
    "ssmmessages:OpenControlChannel",
    "ssmmessages:OpenDataChannel",
)


def exec_enabled(svc: Service) -> bool:
    return is_true(svc.data.get("enableExecuteCommand"))


def task_role_value(svc: Service) -> tuple[Any, str]:
    """The task role ARN that applies (run-task override first) and where it comes from."""
    override = svc.get("overrides", "taskRoleArn")
    if override is not None:
        return override, "overrides.taskRoleArn"
    td = svc.task_definition
    return (td.data.get("taskRoleArn") if td is not None else None), "taskRoleArn"


def task_role(svc: Service) -> Role | None:
    """The task role of the run that the exec'd tasks get, or None when it is not in the run."""
    value, source = task_role_value(svc)
    if value is None or svc.project is None:
        return None
    if source == "overrides.taskRoleArn":
        return svc.project.resolve_role(value, svc)
    td = svc.task_definition
    return td.task_role if td is not None else None


def exec_config(svc: Service) -> dict[str, Any] | None:
    cluster = svc.cluster
    cfg = cluster.get("configuration", "executeCommandConfiguration") if cluster is not None else None
    return cfg if isinstance(cfg, dict) else None


def role_related(role: Role, label: str, policies: Iterable[Policy], actions: Iterable[str]) -> tuple[Related, ...]:
    """The role, and the policy that comes closest to granting the actions (where to add them)."""
    out = [Related(role, (), f"{label} {role.name}")]
    best = closest_policy(policies, actions)
    origin = best.origin if best is not None else None
    if isinstance(origin, tuple) and len(origin) == 2:
        out.append(Related(origin[0], origin[1], f"{best.name} comes closest: add the actions here"))
    return tuple(out)


def names(decisions: Iterable[Decision]) -> str:
    return ", ".join(d.action for d in decisions)


def denied_note(decisions: Iterable[Decision]) -> str:
    denied = [d for d in decisions if d.verdict is Verdict.DENIED]
    return f" ({denied[0].reason})" if denied else ""


def label(svc: Service) -> str:
    """``service api`` or ``run-task api`` (a run-task's name already says what it is)."""
    return svc.name if svc.kind == "run-task" and svc.name.startswith("run-task") else f"{svc.kind} {svc.name}"


def with_reference(policies: Iterable[Policy], target: str, literal: str) -> list[Policy]:
    """The policies with every Reference to ``target`` (e.g. a KMS key of the template) replaced by ``literal``,
    so that a statement scoped to that same resource matches a request for it."""
    from ecslint.values import Reference

    def sub(v: Any) -> Any:
        if isinstance(v, Reference) and v.target == target:
            return literal
        if isinstance(v, dict):
            return {k: sub(x) for k, x in v.items()}
        if isinstance(v, list):
            return [sub(x) for x in v]
        return v

    return [Policy(sub(p.document), p.name, p.origin) if isinstance(p.document, dict) else p for p in policies]
