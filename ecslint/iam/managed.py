"""AWS-managed IAM policies, resolved by ARN or name from a copy shipped with ecslint.

The documents live in ``ecslint/data/aws-managed-policies.zip`` (see ``PROVENANCE.md`` there
and ``scripts/refresh_managed_policies.py``), one zip member per policy: a lookup opens the archive's
directory once and reads only the member it needs.  Importing this module reads nothing.
"""
from __future__ import annotations

import functools
import re
import threading
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ecslint.iam.evaluator import Policy

__all__ = [
    "ManagedPolicyRef",
    "get_managed_policy",
    "get_managed_policy_by_name",
    "managed_policies_collected",
    "is_aws_managed_policy_arn",
    "is_managed",
]

DATA_PACKAGE = "ecslint.data"
DATA_FILE = "aws-managed-policies.zip"

# arn:<partition>:iam::aws:policy/<path/>Name; the partition may be the CloudFormation pseudo
# parameter, which is how templates usually spell it.
_ARN = re.compile(r"^arn:(aws(?:-[a-z0-9-]+)?|\$\{AWS::Partition\}):iam::aws:policy(/(?:[^/]+/)*)([^/]+)$")


@dataclass(frozen=True, slots=True)
class ManagedPolicyRef:
    """The ``origin`` of a :class:`Policy` returned by this module."""

    #: The ARN in the ``aws`` partition (``arn:aws:iam::aws:policy/service-role/...``).
    arn: str
    #: The default version id of the copy, e.g. ``"v1"``.
    version: str


@dataclass(frozen=True, slots=True)
class _Store:
    collected: str
    members: Mapping[str, str]  # canonical ARN -> zip member name
    by_name: Mapping[str, str]  # casefolded name -> canonical ARN
    archive: Any  # the open zipfile.ZipFile


_lock = threading.Lock()
_policies: dict[str, Policy] = {}
_document_ids: set[int] = set()
_PREFIX = "arn:aws:iam::aws:policy/"


@functools.lru_cache(maxsize=1)
def _store() -> _Store:
    import io  # noqa: PLC0415 - keep `import ecslint.iam` light
    import zipfile  # noqa: PLC0415
    from importlib import resources  # noqa: PLC0415

    raw = resources.files(DATA_PACKAGE).joinpath(DATA_FILE).read_bytes()
    archive = zipfile.ZipFile(io.BytesIO(raw))
    members: dict[str, str] = {}
    by_name: dict[str, str] = {}
    for name in archive.namelist():
        if name.endswith(".json"):
            arn = _PREFIX + name[: -len(".json")]
            members[arn] = name
            by_name[name[: -len(".json")].rsplit("/", 1)[-1].casefold()] = arn
    collected = archive.read("_collected.txt").decode("utf-8").strip()
    return _Store(collected, members, by_name, archive)


def _canonical_arn(arn: str) -> str | None:
    """The ``aws``-partition ARN for an AWS-managed policy ARN in any partition; None otherwise."""
    m = _ARN.match(arn)
    if m is None or "${" in m.group(2) + m.group(3):
        return None
    return f"arn:aws:iam::aws:policy{m.group(2)}{m.group(3)}"


def is_aws_managed_policy_arn(arn: object) -> bool:
    """True when ``arn`` is shaped like an AWS-managed policy ARN (whether or not it exists)."""
    return isinstance(arn, str) and _canonical_arn(str(arn)) is not None


def _policy(arn: str) -> Policy | None:
    import json  # noqa: PLC0415

    store = _store()
    member = store.members.get(arn)
    if member is None:
        return None
    with _lock:
        policy = _policies.get(arn)
        if policy is None:
            body = json.loads(store.archive.read(member))
            name = member[: -len(".json")].rsplit("/", 1)[-1]
            policy = Policy(body["document"], name, ManagedPolicyRef(arn, body["version"]))
            _policies[arn] = policy
            _document_ids.add(id(body["document"]))
        return policy


def get_managed_policy(arn: str) -> Policy | None:
    """The AWS-managed policy with this ARN, or None when there is no such policy in the copy.

    Any partition resolves to the same document (``arn:aws-us-gov:``, ``arn:aws-cn:``, and
    ``arn:${AWS::Partition}:`` from a CloudFormation ``Fn::Sub``).  The path must be right:
    ``.../policy/AmazonECSTaskExecutionRolePolicy`` (without ``service-role/``) does not exist.
    The returned :class:`Policy` is the same object on every call; its ``name`` is the policy
    name and its ``origin`` a :class:`ManagedPolicyRef`.
    """
    if not isinstance(arn, str):
        return None
    canonical = _canonical_arn(str(arn))
    if canonical is None:
        return None
    return _policy(canonical)


def get_managed_policy_by_name(name: str) -> Policy | None:
    """The AWS-managed policy with this name (case-insensitive, as IAM names are unique so)."""
    if not isinstance(name, str):
        return None
    arn = _store().by_name.get(str(name).casefold())
    return None if arn is None else _policy(arn)


def managed_policies_collected() -> str:
    """The date (``YYYY-MM-DD``) on which the shipped copy was collected."""
    return _store().collected


def is_managed(policy: Policy) -> bool:
    """True when ``policy`` came from this module (by its origin or its document).

    Never loads the data: a policy cannot have come from it before it was loaded.
    """
    if isinstance(policy.origin, ManagedPolicyRef):
        return True
    if _store.cache_info().currsize == 0:
        return False
    return id(policy.document) in _document_ids
