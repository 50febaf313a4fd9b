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
        _load_entry_points(pm)
    pm.check_pending()
    return pm


#: Distribution versions of the plugins loaded from entry points, by plugin name.
_VERSIONS: dict[str, str] = {}


def _load_entry_points(pm: pluggy.PluginManager) -> None:
    """Register the ``ecslint`` entry points.  Selecting the group directly reads each installed
    distribution's entry_points.txt only, where pluggy's loader also parses every distribution's
    metadata (tens of milliseconds on a crowded environment, on every run)."""
    from importlib.metadata import entry_points

    try:
        eps = entry_points(group="ecslint")
    except Exception as exc:  # noqa: BLE001 - broken metadata in the environment
        raise PluginError(f"cannot read the ecslint entry points: {type(exc).__name__}: {exc}") from exc
    for ep in sorted(eps, key=lambda e: e.name):
        if pm.get_plugin(ep.name) is not None or pm.is_blocked(ep.name):
            continue  # the built-in pack is registered already under its entry-point name
        try:
            plugin = ep.load()
            pm.register(plugin, name=ep.name)
        except Exception as exc:  # noqa: BLE001 - a broken plugin is a setup error, exit 2
            raise PluginError(f"failed to load ecslint plugin {ep.name!r} ({ep.value}): {type(exc).__name__}: {exc}") from exc
        dist = getattr(ep, "dist", None)
        if dist is not None:
            _VERSIONS[ep.name] = f"{dist.name} {dist.version}"


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
    versions = {name: _VERSIONS[name] for name in sorted(_VERSIONS) if pm.get_plugin(name) is not None}
    return Plugins(registry, kinds, formatters, versions)
