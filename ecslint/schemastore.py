"""The JSON Schemas shipped in the package (generated from botocore; see schemas/PROVENANCE.md)."""
from __future__ import annotations

import json
from functools import lru_cache
from typing import Any

__all__ = ["load_schema", "cfn_names", "SCHEMA_FOR_KIND", "resolve_ref"]

#: The API input shape each canonical resource kind is validated against.
SCHEMA_FOR_KIND = {
    "task-definition": "ecs/register-task-definition.json",
    "service": "ecs/create-service.json",
    "run-task": "ecs/run-task.json",
    "cluster": "ecs/create-cluster.json",
    "capacity-provider": "ecs/create-capacity-provider.json",
}


@lru_cache(maxsize=None)
def load_schema(name: str) -> dict[str, Any]:
    from importlib.resources import files

    return json.loads(files("ecslint.schemas").joinpath(name).read_text(encoding="utf-8"))  # type: ignore[no-any-return]


@lru_cache(maxsize=None)
def cfn_names() -> dict[str, Any]:
    return load_schema("cfn-names.json")


def resolve_ref(schema: dict[str, Any] | None, root: dict[str, Any]) -> dict[str, Any] | None:
    """Follow a local ``$ref`` (``#/$defs/Name``) once or more."""
    seen = 0
    while isinstance(schema, dict) and "$ref" in schema and seen < 20:
        ref = schema["$ref"]
        if not ref.startswith("#/$defs/"):
            return schema
        schema = root.get("$defs", {}).get(ref[len("#/$defs/") :])
        seen += 1
    return schema
