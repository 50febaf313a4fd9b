"""One small hierarchy of errors; the CLI prints one line for each and exits 2."""
from __future__ import annotations

__all__ = ["EcslintError", "ConfigError", "UsageError", "PluginError"]


class EcslintError(Exception):
    """Base class: a problem with how ecslint was set up or called (never a finding)."""


class ConfigError(EcslintError):
    """The configuration file is invalid."""


class UsageError(EcslintError):
    """The command line is invalid."""


class PluginError(EcslintError):
    """A plugin failed to load or registered something invalid."""
