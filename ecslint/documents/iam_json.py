"""``aws iam get-account-authorization-details`` output: roles with their trust policy, inline policies
and attached managed policies; customer-managed policies with their versions.

Roles keep the RoleDetail shape; each customer-managed policy becomes an ``iam-policy`` resource whose
``PolicyDocument`` is its default version, so that roles can find it by ARN.
"""
from __future__ import annotations

import urllib.parse
from typing import Any

from ecslint.documents.base import Document, DocumentKind, Resource
from ecslint.parsing import loads
from ecslint.project import make_resource
from ecslint.values import as_str

__all__ = ["KINDS", "decode_policy_document"]


def decode_policy_document(value: Any) -> Any:
    """Policy documents in IAM output may be URL-encoded JSON strings; return the parsed object."""
    if isinstance(value, str):
        text = value
        if text.lstrip().startswith("%7B") or "%22" in text:
            text = urllib.parse.unquote(text)
        try:
            return loads(text)
        except ValueError:
            return value
    return value


def detect(data: Any) -> bool:
    return isinstance(data, dict) and (
        isinstance(data.get("RoleDetailList"), list)
        or (isinstance(data.get("Policies"), list) and any(isinstance(p, dict) and "PolicyVersionList" in p for p in data["Policies"]))
        or (isinstance(data.get("Role"), dict) and "AssumeRolePolicyDocument" in data["Role"])
    )


def load(doc: Document) -> list[Resource]:
    data = doc.data
    out: list[Resource] = []
    roles = data.get("RoleDetailList")
    if isinstance(data.get("Role"), dict):  # aws iam get-role output
        roles = [data["Role"]]
        base_key = "Role"
    else:
        base_key = "RoleDetailList"
    for i, role in enumerate(roles if isinstance(roles, list) else []):
        if not isinstance(role, dict):
            continue
        root: tuple[Any, ...] = (base_key,) if base_key == "Role" else (base_key, i)
        canon = dict(role)
        canon["AssumeRolePolicyDocument"] = decode_policy_document(role.get("AssumeRolePolicyDocument"))
        if isinstance(role.get("RolePolicyList"), list):
            canon["RolePolicyList"] = [
                {**p, "PolicyDocument": decode_policy_document(p.get("PolicyDocument"))} if isinstance(p, dict) else p
                for p in role["RolePolicyList"]
            ]
        name = as_str(role.get("RoleName")) or f"role #{i + 1}"
        out.append(make_resource("iam-role", name, canon, doc, root=root, base=root, logical_kind="role"))
    for i, pol in enumerate(data.get("Policies") if isinstance(data.get("Policies"), list) else []):
        if not isinstance(pol, dict):
            continue
        versions = pol.get("PolicyVersionList") if isinstance(pol.get("PolicyVersionList"), list) else []
        default = next((v for v in versions if isinstance(v, dict) and v.get("IsDefaultVersion")), None)
        vi = versions.index(default) if default is not None else None
        canon = {"PolicyName": pol.get("PolicyName"), "Arn": pol.get("Arn")}
        origins: dict[tuple[Any, ...], tuple[Any, ...]] = {(): ("Policies", i)}
        if default is not None:
            canon["PolicyDocument"] = decode_policy_document(default.get("Document"))
            origins[("PolicyDocument",)] = ("Policies", i, "PolicyVersionList", vi, "Document")
        name = as_str(pol.get("PolicyName")) or f"policy #{i + 1}"
        out.append(
            make_resource("iam-policy", name, canon, doc, root=("Policies", i), base=("Policies", i), origins=origins, logical_kind="policy")
        )
    return out


KINDS = [DocumentKind("iam", detect, load, 40, "IAM get-account-authorization-details / get-role JSON")]
