"""Find and load the configuration: ``[tool.ecslint]`` in pyproject.toml, or ecslint.toml.

The search goes upward from the working directory and stops at the repository root (a folder with
``.git``).  ``ecslint.toml`` wins over ``pyproject.toml`` in the same folder.  The configuration is
validated against ``schemas/config.schema.json``; an unknown key is an error that names its path.
"""
from __future__ import annotations

import os
import sys
from typing import Any

from ecslint.errors import ConfigError

__all__ = ["find_config", "load_config"]


def _toml() -> Any:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - exercised on 3.10 only
        import tomli as tomllib
    return tomllib


def find_config(start: str | None = None) -> str | None:
    d = os.path.abspath(start or os.getcwd())
    while True:
        candidate = os.path.join(d, "ecslint.toml")
        if os.path.isfile(candidate):
            return candidate
        pyproject = os.path.join(d, "pyproject.toml")
        if os.path.isfile(pyproject) and _has_section(pyproject):
            return pyproject
        if os.path.isdir(os.path.join(d, ".git")):
            return None
        parent = os.path.dirname(d)
        if parent == d:
            return None
        d = parent


def _has_section(path: str) -> bool:
    try:
        with open(path, "rb") as fh:
            data = _toml().load(fh)
    except (OSError, ValueError):
        return False
    return isinstance(data.get("tool"), dict) and "ecslint" in data["tool"]


def load_config(path: str) -> dict[str, Any]:
    """The validated configuration table of ``path`` (empty when it has none)."""
    try:
        with open(path, "rb") as fh:
            data = _toml().load(fh)
    except OSError as exc:
        raise ConfigError(f"cannot read config file {path}: {exc.strerror}") from None
    except ValueError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if os.path.basename(path) == "pyproject.toml":
        data = data.get("tool", {}).get("ecslint", {})
        prefix = "tool.ecslint"
    else:
        prefix = ""
    _validate(data, path, prefix)
    return data  # type: ignore[no-any-return]


def _validate(data: dict[str, Any], path: str, prefix: str) -> None:
    from jsonschema import Draft202012Validator

    from ecslint.schemastore import load_schema

    validator = Draft202012Validator(load_schema("config.schema.json"))
    errors = sorted(validator.iter_errors(data), key=lambda e: list(e.absolute_path))
    if not errors:
        return
    err = errors[0]
    where = ".".join([prefix] * bool(prefix) + [str(p) for p in err.absolute_path])
    if err.validator == "additionalProperties" and isinstance(err.instance, dict):
        allowed = err.schema.get("properties", {})
        extra = [k for k in err.instance if k not in allowed]
        key = ".".join(filter(None, [where, extra[0] if extra else ""]))
        raise ConfigError(f"{path}: unknown configuration key {key!r}")
    raise ConfigError(f"{path}: {where or 'configuration'}: {err.message}")
