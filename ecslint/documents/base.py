"""Documents (files) and the resources normalized out of them.

A :class:`Document` is one input file: its text, parsed data and (lazily) a locator.  Each document
kind turns its data into :class:`Resource` objects in the canonical model: the ECS API shape
(RegisterTaskDefinition / CreateService / RunTask / CreateCluster input, camelCase) and, for IAM,
the shape ``aws iam get-account-authorization-details`` prints (RoleName, AssumeRolePolicyDocument,
RolePolicyList, AttachedManagedPolicies).  Every resource keeps the way back to its source:
``origins`` maps canonical pointers to pointers in the original document.
"""
from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from ecslint.model import Span

if TYPE_CHECKING:  # pragma: no cover
    from ecslint.project import Project

__all__ = ["Document", "Resource", "DocumentKind", "Pointer"]

Pointer = tuple[Any, ...]


class Document:
    """One input file."""

    __slots__ = ("path", "abspath", "text", "fmt", "kind", "data", "resources", "_locator", "meta")

    def __init__(self, path: str, abspath: str, text: str, fmt: str, data: Any = None) -> None:
        #: Path as shown to the user.
        self.path = path
        self.abspath = abspath
        self.text = text
        #: "json" or "yaml"
        self.fmt = fmt
        #: Detected document kind name (e.g. "cloudformation"), set by the loader.
        self.kind: str | None = None
        self.data = data
        self.resources: list[Resource] = []
        self._locator: Any = None
        #: Free-form per-kind information (e.g. Terraform source directory).
        self.meta: dict[str, Any] = {}

    def span(self, pointer: Pointer, target: str = "value") -> Span:
        if self._locator is None:
            from ecslint.parsing import JsonLocator, YamlLocator

            if self.fmt == "json":
                self._locator = JsonLocator(self.text)
            else:
                self._locator = YamlLocator(self.text, self.meta.pop("yaml_node", None))
        return self._locator.span(pointer, target)  # type: ignore[no-any-return]

    def __repr__(self) -> str:
        return f"Document({self.path!r}, kind={self.kind!r})"


@dataclass(eq=False)
class Resource:
    """A resource in the canonical model."""

    #: One of ecslint.registry.KINDS, or "iam-policy".
    kind: str
    #: Logical name: CloudFormation logical id, Terraform address, task family, service name, role name.
    name: str
    #: Canonical data (ECS API shape). May contain Unknown / Reference / Partial values.
    data: dict[str, Any]
    document: Document
    #: Source pointer of the resource itself (e.g. ("Resources", "TaskDef")).
    base: Pointer = ()
    #: Source pointer of the canonical root (e.g. ("Resources", "TaskDef", "Properties")).
    root: Pointer = ()
    #: Canonical pointer -> source pointer, for formats whose shape differs; None means the
    #: canonical data sits unchanged at ``root`` (raw JSON).
    origins: dict[Pointer, Pointer] | None = None
    #: Canonical pointers below which the source is a single string (Terraform's container_definitions):
    #: positions there are approximate.
    opaque: tuple[Pointer, ...] = ()
    #: "resource", "module", ... (SARIF logical location kind)
    logical_kind: str = "resource"
    #: Source-format specific facts (CloudFormation Type, Terraform type, ignored codes ...).
    meta: dict[str, Any] = field(default_factory=dict)
    #: Set by the project linker.
    project: Project | None = None

    # ------------------------------------------------------------------ source mapping
    def source(self, pointer: Pointer) -> tuple[Pointer, bool]:
        """The source pointer for a canonical pointer, and whether it is approximate."""
        pointer = tuple(pointer)
        if self.origins is None:
            return self.root + pointer, False
        p = pointer
        while p not in self.origins and p:
            p = p[:-1]
        src = self.origins.get(p, self.root)
        return src, p != pointer

    def span(self, pointer: Pointer, target: str = "value") -> Span:
        src, approximate = self.source(pointer)
        span = self.document.span(src, "key" if target == "key" and not approximate else "value")
        if approximate and not span.approximate:
            span = Span(span.line, span.col, span.end_line, span.end_col, True)
        return span

    # ------------------------------------------------------------------ conveniences
    def get(self, *path: Any, default: Any = None) -> Any:
        """Walk the canonical data; ``default`` when a step is missing or of the wrong type."""
        cur: Any = self.data
        for part in path:
            if isinstance(part, int) and isinstance(cur, list):
                if not 0 <= part < len(cur):
                    return default
                cur = cur[part]
            elif isinstance(cur, dict) and part in cur:
                cur = cur[part]
            else:
                return default
        return cur

    def __repr__(self) -> str:
        return f"<{self.kind} {self.name} in {self.document.path}>"


@dataclass(frozen=True)
class DocumentKind:
    """An input format: ``detect(data)`` says whether a parsed file is of this kind, and
    ``load(document)`` returns its resources.  Plugins register more with
    ``ecslint_register_document_kinds``."""

    name: str
    detect: Callable[[Any], bool]
    load: Callable[[Document], list[Resource]]
    #: Lower runs first.
    priority: int = 100
    description: str = ""


def walk(data: Any, pointer: Pointer = ()) -> Iterator[tuple[Pointer, Any]]:
    """Every (pointer, value) below data, parents first."""
    stack: list[tuple[Pointer, Any]] = [(pointer, data)]
    while stack:
        p, v = stack.pop()
        yield p, v
        if isinstance(v, dict):
            stack.extend((p + (k,), x) for k, x in reversed(list(v.items())))
        elif isinstance(v, list):
            stack.extend((p + (i,), x) for i, x in reversed(list(enumerate(v))))
