"""Options of a run: the command line over the configuration file over the defaults."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

__all__ = ["Options", "DEFAULT_EXCLUDE"]

#: Folders never walked into when a directory is given (files named explicitly are always read).
DEFAULT_EXCLUDE = (
    ".git", ".hg", ".svn", ".venv", "venv", ".tox", ".nox", "node_modules", "__pycache__", ".terraform",
    ".mypy_cache", ".pytest_cache", ".ruff_cache", "build", "dist", "site-packages", ".aws-sam",
)  # fmt: skip


@dataclass(frozen=True)
class Options:
    """Everything a run needs to know; built by the CLI, never read from globals by rules."""

    select: tuple[str, ...] | None = None
    extend_select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    extend_ignore: tuple[str, ...] = ()
    preview: bool = False
    #: glob -> selectors
    per_file_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: logical-location glob -> selectors
    per_resource_ignores: dict[str, tuple[str, ...]] = field(default_factory=dict)
    #: code -> "error" | "warning" | "note"
    severity: dict[str, str] = field(default_factory=dict)
    #: code -> options mapping
    rule_options: dict[str, dict[str, Any]] = field(default_factory=dict)
    exclude: tuple[str, ...] = DEFAULT_EXCLUDE
    extend_exclude: tuple[str, ...] = ()
    #: Force the document kind of every file.
    kind: str | None = None
    #: Files of no known kind are findings (ECS004) instead of notes.
    strict_kind: bool = False
    #: Where Terraform configuration lives, for positions in .tf files.
    tf_source: str | None = None
    #: Directory that SARIF URIs are relative to.
    root: str | None = None
    #: Use a second process when there are many files (None: decide by file count).
    jobs: int | None = None
