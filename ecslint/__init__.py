"""ecslint: a static policy linter for Amazon ECS task definitions, services and their IAM roles."""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["__version__", "rule", "hookimpl", "Finding", "Severity", "Unknown", "Partial"]

__version__ = "0.1.0"

if TYPE_CHECKING:  # pragma: no cover
    from ecslint.model import Finding, Severity
    from ecslint.plugins import hookimpl
    from ecslint.registry import rule
    from ecslint.values import Partial, Unknown


def __getattr__(name: str) -> Any:
    # Lazy re-exports keep `ecslint --version` fast: nothing heavy is imported until used.
    if name in ("Finding", "Severity"):
        from ecslint import model

        return getattr(model, name)
    if name == "rule":
        from ecslint.registry import rule

        return rule
    if name == "hookimpl":
        from ecslint.plugins import hookimpl

        return hookimpl
    if name in ("Unknown", "Partial"):
        from ecslint import values

        return getattr(values, name)
    raise AttributeError(f"module 'ecslint' has no attribute {name!r}")
