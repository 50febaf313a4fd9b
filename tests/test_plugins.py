"""Plugins: every hook is documented, built-ins load with autoload disabled, a third-party pack registers."""
from __future__ import annotations

import inspect
import types
from pathlib import Path

import pytest

from ecslint import hookspecs
from ecslint.errors import PluginError
from ecslint.plugins import get_plugin_manager, hookimpl, load_plugins
from ecslint.registry import Registry, rule, rules_in_module
from helpers import ROOT

DOCS = (ROOT.parent / "docs" / "plugins.md").read_text(encoding="utf-8")
HOOKS = [name for name, fn in vars(hookspecs).items() if name.startswith("ecslint_") and inspect.isfunction(fn)]


@pytest.mark.parametrize("name", HOOKS)
def test_every_hook_is_documented(name: str) -> None:
    params = ", ".join(inspect.signature(getattr(hookspecs, name)).parameters)
    assert f"`{name}({params})`" in DOCS


def test_builtins_load_without_autoload() -> None:
    p = load_plugins(autoload=False)
    assert "ECS201" in p.registry and "ECS002" in p.registry
    assert {k.name for k in p.kinds} >= {"cloudformation", "terraform-plan", "task-definition", "service", "iam"}
    assert set(p.formatters) == {"full", "concise", "json", "json-lines", "github", "sarif"}


def _pack(code: str) -> types.ModuleType:
    mod = types.ModuleType("mypack")
    mod.__doc__ = "## What it does\nx\n## Why is this bad?\ny\n## Example\nz\n## Use instead\nw\n## References\n- https://example.com\n"

    @rule(code=code, name="no-latest", summary="x", severity="warning", applies_to=("task-definition",))
    def check(td):  # type: ignore[no-untyped-def]
        yield from ()

    check.__module__ = "mypack"
    mod.check = check  # type: ignore[attr-defined]

    @hookimpl
    def ecslint_register_rules(register):  # type: ignore[no-untyped-def]
        for meta in rules_in_module(mod):
            register(meta)

    mod.ecslint_register_rules = ecslint_register_rules  # type: ignore[attr-defined]
    return mod


def test_third_party_pack_registers_through_the_hook() -> None:
    pm = get_plugin_manager(autoload=False)
    pm.register(_pack("ECS900"), name="mypack")
    registry = Registry()
    for impl in pm.hook.ecslint_register_rules.get_hookimpls():
        impl.function(register=lambda m, n=impl.plugin_name: registry.register(m, n))
    assert registry.get("ECS900").plugin == "mypack"  # type: ignore[union-attr]


def test_duplicate_code_names_both_plugins() -> None:
    registry = Registry()
    meta = _pack("ECS201").check.__ecslint_rule__
    registry.register(load_plugins(autoload=False).registry.get("ECS201"), "ecslint")  # type: ignore[arg-type]
    with pytest.raises(PluginError, match="ECS201 is registered twice.*'ecslint'.*'mypack'"):
        registry.register(meta, "mypack")


def test_no_plugin_loaded_at_import_time() -> None:
    import subprocess
    import sys

    code = "import ecslint, ecslint.cli, sys; print(sorted(m for m in sys.modules if m.startswith('ecslint.rules')))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"
    assert Path(ROOT.parent / "ecslint" / "plugins.py").exists()
