"""The plugin API of ecslint: every hook a plugin may implement.

Plugins are modules (or objects) with functions named after these hooks and decorated with
``ecslint.hookimpl``.  They are found through the ``ecslint`` entry-point group::

    [project.entry-points.ecslint]
    mypack = "mypack.rules"

The built-in rules, input kinds and output formats register through these same hooks.
Set ``ECSLINT_DISABLE_PLUGIN_AUTOLOAD=1`` (or pass ``--no-plugins``) to load the built-ins only.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pluggy

if TYPE_CHECKING:  # pragma: no cover
    from ecslint.documents.base import DocumentKind
    from ecslint.registry import RuleMeta

hookspec = pluggy.HookspecMarker("ecslint")

# -------------------------------------------------------------------------------------------------
# rules
# -------------------------------------------------------------------------------------------------


@hookspec
def ecslint_register_rules(register: Callable[[RuleMeta], None]) -> None:
    """Register rules.

    Call ``register(meta)`` once per rule, where ``meta`` is the :class:`~ecslint.registry.RuleMeta`
    that ``@ecslint.rule(...)`` attached to a check function (``fn.__ecslint_rule__``).  A code
    registered twice raises a :class:`~ecslint.errors.PluginError` naming both plugins.

    :param register: the callback that adds one rule to the registry.

    .. versionadded:: 0.1.0
    """


# -------------------------------------------------------------------------------------------------
# input kinds
# -------------------------------------------------------------------------------------------------


@hookspec
def ecslint_register_document_kinds(register: Callable[[DocumentKind], None]) -> None:
    """Register input formats.

    Call ``register(kind)`` with a :class:`~ecslint.documents.base.DocumentKind`: a name, a
    ``detect(data) -> bool`` function that recognises the parsed content of a file, a
    ``load(document) -> list[Resource]`` function that normalizes it into the canonical model,
    and a priority (lower is tried first).

    :param register: the callback that adds one document kind.

    .. versionadded:: 0.1.0
    """


# -------------------------------------------------------------------------------------------------
# output formats
# -------------------------------------------------------------------------------------------------


@hookspec
def ecslint_register_formatters(register: Callable[[str, type], None]) -> None:
    """Register output formats.

    Call ``register(name, cls)``; ``cls(color=...)`` must give an object with
    ``write(report, stream)``, usable as ``--output-format NAME``.

    :param register: the callback that adds one output format.

    .. versionadded:: 0.1.0
    """
