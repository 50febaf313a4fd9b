"""Rule metadata, the ``@rule`` decorator, and the registry of rules (codes, names, prefixes)."""
from __future__ import annotations

import inspect
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, Literal

from ecslint.errors import PluginError, UsageError
from ecslint.model import Finding, Severity

__all__ = ["RuleMeta", "rule", "engine_rule", "Registry", "KINDS", "DOCS_URL", "doc_sections"]

#: Where the generated rule pages live; SARIF helpUri points here.
DOCS_URL = "https://github.com/ecslint/ecslint/blob/main/docs/rules"

#: Kinds of resources in the canonical model that rules can apply to.
KINDS = ("task-definition", "service", "run-task", "cluster", "capacity-provider", "iam-role")

Status = Literal["preview", "stable", "deprecated", "removed"]
CheckFn = Callable[..., Iterable[Finding]]

_CODE = re.compile(r"^ECS\d{3}$")
_NAME = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
REQUIRED_SECTIONS = ("What it does", "Why is this bad?", "Example", "Use instead", "References")


@dataclass(frozen=True, slots=True)
class RuleMeta:
    """Everything known about a rule; --explain, SARIF rule metadata and the docs derive from it."""

    #: ``ECS`` + three digits, blocked by area (see STYLE.md).
    code: str
    #: kebab-case name, read as "allow <name>".
    name: str
    #: One line, no trailing period, <= 80 characters.
    summary: str
    #: Default severity; users may override it in config.
    severity: Severity
    #: Resource kinds the rule runs on; empty for rules the engine emits itself (ECS001...).
    applies_to: tuple[str, ...]
    #: Tags such as "security", "fargate", "networking".
    tags: tuple[str, ...] = ()
    #: GitHub code scanning severity (0.1-10), only on rules tagged "security".
    security_severity: float | None = None
    #: Catalog rows (docs/CONSTRAINTS.md) this rule covers.
    covers: tuple[str, ...] = ()
    status: Status = "stable"
    since: str = "0.1.0"
    #: The rule doc in Markdown (the module docstring).
    doc: str = ""
    #: The check function, None for engine-emitted rules.
    check: CheckFn | None = field(default=None, compare=False)
    #: Where the rule is defined (for "View source" links).
    source_file: str = ""
    source_line: int = 0
    #: Name of the plugin that registered it.
    plugin: str = "ecslint"

    @property
    def what_it_does(self) -> str:
        return doc_sections(self.doc).get("What it does", self.summary)

    @property
    def help_uri(self) -> str:
        return f"{DOCS_URL}/{self.code}.md"


def doc_sections(doc: str) -> dict[str, str]:
    """The ``## Heading`` sections of a Markdown rule doc, by heading."""
    out: dict[str, str] = {}
    current: str | None = None
    lines: list[str] = []
    for line in inspect.cleandoc(doc or "").splitlines():
        if line.startswith("## "):
            if current is not None:
                out[current] = "\n".join(lines).strip()
            current, lines = line[3:].strip(), []
        elif current is not None:
            lines.append(line)
    if current is not None:
        out[current] = "\n".join(lines).strip()
    return out


def _meta(
    fn: CheckFn | None,
    module: str,
    *,
    code: str,
    name: str,
    summary: str,
    severity: str,
    applies_to: Iterable[str],
    tags: Iterable[str] = (),
    security_severity: float | None = None,
    covers: Iterable[str] = (),
    status: Status = "stable",
    since: str = "0.1.0",
) -> RuleMeta:
    mod = sys.modules.get(module)
    doc = inspect.cleandoc(getattr(mod, "__doc__", None) or "")
    src_file = getattr(mod, "__file__", "") or ""
    src_line = 0
    if fn is not None:
        # The decorated function's first line (its decorator); cheap, unlike inspect.getsourcelines.
        fn_code = getattr(fn, "__code__", None)
        src_line = fn_code.co_firstlineno if fn_code is not None else 0
    return RuleMeta(
        code=code,
        name=name,
        summary=summary,
        severity=Severity(severity),
        applies_to=tuple(applies_to),
        tags=tuple(tags),
        security_severity=security_severity,
        covers=tuple(covers),
        status=status,
        since=since,
        doc=doc,
        check=fn,
        source_file=src_file,
        source_line=src_line,
    )


def rule(**kwargs: Any) -> Callable[[CheckFn], CheckFn]:
    """Declare a rule: decorate ``check(resource) -> Iterator[Finding]``; the module docstring is its doc."""

    def deco(fn: CheckFn) -> CheckFn:
        fn.__ecslint_rule__ = _meta(fn, fn.__module__, **kwargs)  # type: ignore[attr-defined]
        return fn

    return deco


def engine_rule(module: str, **kwargs: Any) -> RuleMeta:
    """Declare a rule that the engine itself emits (parse errors, unused suppressions)."""
    return _meta(None, module, **kwargs)


def rules_in_module(module: Any) -> Iterator[RuleMeta]:
    for value in vars(module).values():
        meta = getattr(value, "__ecslint_rule__", None)
        if isinstance(meta, RuleMeta):
            yield meta
        elif isinstance(value, RuleMeta):
            yield value


class Registry:
    """All rules known to this run, by code; resolves selectors (codes, prefixes, names, ALL)."""

    def __init__(self) -> None:
        self._rules: dict[str, RuleMeta] = {}
        self._names: dict[str, str] = {}
        #: Old code -> new code (codes are never reused; renames go through here).
        self.redirects: dict[str, str] = {}

    def register(self, meta: RuleMeta, plugin: str = "ecslint") -> None:
        if not _CODE.match(meta.code):
            raise PluginError(f"rule code {meta.code!r} from plugin {plugin!r} does not match ECS + 3 digits")
        if not _NAME.match(meta.name):
            raise PluginError(f"rule name {meta.name!r} ({meta.code}) is not kebab-case")
        if meta.code in self._rules:
            other = self._rules[meta.code]
            raise PluginError(
                f"rule code {meta.code} is registered twice: by {other.plugin!r} ({other.name}) and by {plugin!r} ({meta.name})"
            )
        if meta.name in self._names:
            raise PluginError(f"rule name {meta.name!r} is used by {self._names[meta.name]} and {meta.code}")
        for kind in meta.applies_to:
            if kind not in KINDS:
                raise PluginError(f"rule {meta.code} applies to unknown kind {kind!r}; known: {', '.join(KINDS)}")
        if plugin != meta.plugin:
            meta = RuleMeta(**{**{f: getattr(meta, f) for f in RuleMeta.__dataclass_fields__}, "plugin": plugin})
        self._rules[meta.code] = meta
        self._names[meta.name] = meta.code

    def __iter__(self) -> Iterator[RuleMeta]:
        return iter(sorted(self._rules.values(), key=lambda m: m.code))

    def __len__(self) -> int:
        return len(self._rules)

    def __contains__(self, code: object) -> bool:
        return code in self._rules

    def get(self, code_or_name: str) -> RuleMeta | None:
        key = code_or_name.strip()
        upper = key.upper()
        upper = self.redirects.get(upper, upper)
        if upper in self._rules:
            return self._rules[upper]
        code = self._names.get(key.lower())
        return self._rules[code] if code else None

    def resolve(self, selector: str) -> set[str]:
        """Codes matched by a selector: ``ALL``, a code, a prefix (``ECS2``, ``ECS10``), or a rule name."""
        sel = selector.strip()
        up = sel.upper()
        if up == "ALL":
            return set(self._rules)
        up = self.redirects.get(up, up)
        if up in self._rules:
            return {up}
        if re.fullmatch(r"ECS\d{0,3}", up):
            return {c for c in self._rules if c.startswith(up)}
        code = self._names.get(sel.lower())
        if code:
            return {code}
        raise UsageError(f"unknown rule selector {selector!r}: give a code (ECS104), a prefix (ECS1) or ALL")
