"""Versions and collection dates of the data shipped in the package (shown by --version)."""
from __future__ import annotations

import json
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
        import io
        import zipfile

        raw = files("ecslint.data").joinpath("aws-managed-policies.zip").read_bytes()
        with zipfile.ZipFile(io.BytesIO(raw)) as zf:
            out["AWS-managed IAM policies"] = f"collected {zf.read('_collected.txt').decode('utf-8').strip()}"
    except (OSError, KeyError, ModuleNotFoundError, zipfile.BadZipFile):
        pass
    return out
