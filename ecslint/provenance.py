"""Versions and collection dates of the data shipped in the package (shown by --version)."""
from __future__ import annotations

import json
import re
from importlib.resources import files

__all__ = ["data_versions"]


def data_versions() -> dict[str, str]:
    out: dict[str, str] = {}
    try:
        head = files("ecslint.schemas").joinpath("ecs/register-task-definition.json").read_text(encoding="utf-8")
        prov = json.loads(head).get("x-provenance", {})
        out["ECS API schemas"] = f"botocore {prov.get('botocore_version', '?')} ({prov.get('generated', '?')})"
    except (OSError, ValueError, ModuleNotFoundError):
        pass
    try:
        import gzip

        with gzip.open(str(files("ecslint.data").joinpath("aws-managed-policies.json.gz")), "rt", encoding="utf-8") as fh:
            start = fh.read(4096)
        m = re.search(r'"collected"\s*:\s*"([^"]+)"', start)
        if m:
            out["AWS-managed IAM policies"] = f"collected {m.group(1)}"
    except (OSError, ModuleNotFoundError):
        pass
    return out
