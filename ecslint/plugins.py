"""The plugin manager: built-ins first, then entry points (unless disabled), nothing at import time."""
from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Any

import pluggy

from ecslint.errors import PluginError

__all__ = ["hookimpl", "get_plugin_manager", "Plugins", "load_plugins"]

hookimpl = pluggy.HookimplMarker("ecslint")

#: Built-in plugins by registration name.  The rule pack's name equals its entry-point name
#: (``builtin``), so loading entry points does not register it a second time.
BUILTINS = {"builtin": "ecslint.rules", "ecslint.documents": "ecslint.documents", "ecslint.output": "ecslint.output.builtin"}


def get_plugin_manager(autoload: bool | None = None) -> pluggy.PluginManager:
    """A new plugin manager with the built-ins registered and, unless disabled, entry points loaded."""
    import importlib

    from ecslint import hookspecs

    pm = pluggy.PluginManager("ecslint")
    pm.add_hookspecs(hookspecs)
    for name, module in BUILTINS.items():
        pm.register(importlib.import_module(module), name=name)
    if autoload is None:
        autoload = not os.environ.get("ECSLINT_DISABLE_PLUGIN_AUTOLOAD")
    if autoload:
        try:
            pm.load_setuptools_entrypoints("ecslint")
        except Exception as exc:  # noqa: BLE001 - a broken plugin is a setup error, exit 2
            raise PluginError(f"failed to load an ecslint plugin: {type(exc).__name__}: {exc}") from exc
    pm.check_pending()
    return pm


@dataclass
class Plugins:
    """What the plugins registered."""

    registry: Any
    kinds: list[Any] = field(default_factory=list)
    formatters: dict[str, type] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=dict)


def load_plugins(autoload: bool | None = None) -> Plugins:
    from ecslint.registry import Registry

    pm = get_plugin_manager(autoload)
    registry = Registry()
    kinds: list[Any] = []
    formatters: dict[str, type] = {}

    for impl in pm.hook.ecslint_register_rules.get_hookimpls():
        name = impl.plugin_name if impl.plugin_name not in BUILTINS else "ecslint"
        try:
            impl.function(register=lambda meta, _n=name: registry.register(meta, _n))
        except PluginError:
            raise
        except Exception as exc:  # noqa: BLE001
            raise PluginError(f"plugin {name!r} failed while registering rules: {type(exc).__name__}: {exc}") from exc
    pm.hook.ecslint_register_document_kinds(register=kinds.append)
    pm.hook.ecslint_register_formatters(register=lambda n, cls: formatters.__setitem__(n, cls))
    kinds.sort(key=lambda k: (k.priority, k.name))
    versions: dict[str, str] = {}
    for plugin, dist in pm.list_plugin_distinfo():
        versions[dist.project_name] = dist.version
    return Plugins(registry, kinds, formatters, versions)
