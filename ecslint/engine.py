"""The pipeline: files -> documents -> resources -> project -> rules -> diagnostics -> report."""
from __future__ import annotations

import fnmatch
import os
import re
import traceback
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from ecslint.documents.base import Document, DocumentKind, Resource
from ecslint.model import Diagnostic, FileResult, Finding, Location, Report, Severity, Span
from ecslint.options import Options
from ecslint.parsing import ParseError, parse_json, parse_yaml
from ecslint.registry import Registry, RuleMeta
from ecslint.source import DecodeError, decode

__all__ = ["run", "discover", "load_document", "select_rules", "LINT_SUFFIXES"]

#: File endings read when walking a directory.
LINT_SUFFIXES = (".json", ".yaml", ".yml", ".template", ".tfplan")

PARSE_ERROR, SCHEMA_ERROR, UNUSED_SUPPRESSION, UNKNOWN_KIND, INTERNAL_ERROR = (
    "ECS001", "ECS002", "ECS003", "ECS004", "ECS009",
)  # fmt: skip


# --------------------------------------------------------------------------------- discovery
def _display(path: str) -> str:
    try:
        rel = os.path.relpath(path)
    except ValueError:  # another drive on Windows
        return path
    return path if rel.startswith("..") else rel


def discover(paths: Sequence[str], options: Options) -> tuple[list[tuple[str, bool]], list[str]]:
    """(path, named explicitly) for every file to read, and notes for paths that do not exist."""
    excluded = set(options.exclude) | set(options.extend_exclude)
    out: list[tuple[str, bool]] = []
    missing: list[str] = []
    seen: set[str] = set()

    def excluded_name(name: str, full: str) -> bool:
        return any(fnmatch.fnmatch(name, pat) or fnmatch.fnmatch(full, pat) for pat in excluded)

    for p in paths:
        if p == "-":
            out.append((p, True))
            continue
        if os.path.isdir(p):
            for dirpath, dirnames, filenames in os.walk(p):
                dirnames[:] = sorted(d for d in dirnames if not excluded_name(d, os.path.join(dirpath, d)))
                for fn in sorted(filenames):
                    full = os.path.join(dirpath, fn)
                    if fn.lower().endswith(LINT_SUFFIXES) and not excluded_name(fn, full):
                        key = os.path.abspath(full)
                        if key not in seen:
                            seen.add(key)
                            out.append((os.path.normpath(full), False))
        elif os.path.exists(p):
            key = os.path.abspath(p)
            if key not in seen:
                seen.add(key)
                out.append((p, True))
        else:
            missing.append(p)
    return out, missing


# --------------------------------------------------------------------------------- loading
class Loaded:
    """One file after reading, parsing and normalizing (or failing to)."""

    __slots__ = ("path", "abspath", "document", "result", "problems")

    def __init__(self, path: str, abspath: str) -> None:
        self.path = path
        self.abspath = abspath
        self.document: Document | None = None
        self.result = FileResult(path=path, kind=None)
        #: Engine findings: (code, span, message, severity)
        self.problems: list[tuple[str, Span, str]] = []


def _format_for(path: str, text: str) -> str:
    low = path.lower()
    if low.endswith((".yaml", ".yml")):
        return "yaml"
    if low.endswith((".json", ".tfplan")):
        return "json"
    stripped = text.lstrip()
    return "json" if stripped.startswith(("{", "[")) else "yaml"


def load_document(
    path: str, data: bytes, kinds: Sequence[DocumentKind], options: Options, explicit: bool = True
) -> Loaded:
    display = path if path == "-" else _display(path)
    loaded = Loaded(display, os.path.abspath(path) if path != "-" else os.path.abspath("stdin"))
    try:
        text = decode(data)
    except DecodeError as exc:
        loaded.problems.append((PARSE_ERROR, Span(exc.line, exc.col, exc.line, exc.col + 1), str(exc)))
        return loaded
    loaded.result.text = text
    fmt = _format_for(path, text)
    try:
        parsed = parse_json(text) if fmt == "json" else parse_yaml(text)
    except ParseError as exc:
        if fmt == "json" and not path.lower().endswith((".json", ".tfplan")):
            try:  # a YAML file that starts with "{" or "["
                parsed, fmt = parse_yaml(text), "yaml"
            except ParseError:
                loaded.problems.append((PARSE_ERROR, Span(exc.line, exc.col, exc.line, exc.col + 1), exc.message))
                return loaded
        else:
            loaded.problems.append((PARSE_ERROR, Span(exc.line, exc.col, exc.line, exc.col + 1), exc.message))
            return loaded
    doc = Document(display, loaded.abspath, text, fmt, parsed.data)
    if parsed.node is not None:
        doc.meta["yaml_node"] = parsed.node
    loaded.document = doc
    for dup in parsed.duplicates:
        loaded.problems.append(
            (PARSE_ERROR, doc.span(dup, "key"), f"duplicate key {dup[-1]!r}: the last value wins, the earlier one is ignored")
        )
    kind = _detect(doc.data, kinds, options.kind)
    if kind is None:
        if options.kind:
            loaded.problems.append(
                (UNKNOWN_KIND, Span(1, 1, 1, 2), f"not a known {options.kind} document (it was forced with --kind {options.kind})")
            )
        elif options.strict_kind:
            loaded.problems.append((UNKNOWN_KIND, Span(1, 1, 1, 2), "not an ECS, CloudFormation, Terraform plan or IAM document"))
        else:
            loaded.result.skipped = "not an ECS, CloudFormation, Terraform plan or IAM document"
        return loaded
    doc.kind = kind.name
    loaded.result.kind = kind.name
    if options.tf_source:
        doc.meta["tf_source"] = os.path.abspath(options.tf_source)
    try:
        doc.resources = kind.load(doc)
    except Exception as exc:  # noqa: BLE001 - a loader bug must not lose the file or the run
        where = traceback.extract_tb(exc.__traceback__)[-1]
        loaded.problems.append(
            (
                INTERNAL_ERROR,
                Span(1, 1, 1, 2, True),
                f"internal error while reading this {kind.name} document ({type(exc).__name__}: {exc} at "
                f"{os.path.basename(where.filename)}:{where.lineno}); please report it",
            )
        )
    return loaded


def _detect(data: Any, kinds: Sequence[DocumentKind], forced: str | None) -> DocumentKind | None:
    for kind in kinds:
        if forced and kind.name != forced:
            continue
        try:
            if kind.detect(data):
                return kind
        except Exception:  # noqa: BLE001 - a detector that chokes on odd data simply says no
            continue
    return None


# --------------------------------------------------------------------------------- rule selection
def select_rules(registry: Registry, options: Options) -> list[RuleMeta]:
    if options.select is None:
        chosen = {m.code for m in registry if m.status == "stable" or (options.preview and m.status == "preview")}
    else:
        chosen = set()
        for sel in options.select:
            chosen |= registry.resolve(sel)
    for sel in options.extend_select:
        chosen |= registry.resolve(sel)
    for sel in (*options.ignore, *options.extend_ignore):
        chosen -= registry.resolve(sel)
    out = []
    for code in sorted(chosen):
        meta = registry.get(code)
        if meta is None or meta.status == "removed":
            continue
        if meta.status == "preview" and not options.preview and options.select is None:
            continue
        out.append(meta)
    return out


# --------------------------------------------------------------------------------- suppression
_COMMENT = re.compile(r"#\s*ecslint:\s*(ignore|file-ignore)(?:\[([^\]]*)\])?")


class Suppressions:
    """``# ecslint: ignore[CODE]`` (same line or the line above), ``# ecslint: file-ignore[CODE]``,
    CloudFormation ``Metadata: {ecslint: {ignore: [...]}}``, and the config's per-file / per-resource ignores."""

    def __init__(self, registry: Registry, options: Options) -> None:
        self.registry = registry
        self.options = options
        # Config selectors resolved once, not for every diagnostic.
        self._per_file = [(pat, self._codes(",".join(sels))) for pat, sels in options.per_file_ignores.items()]
        self._per_resource = [(pat, self._codes(",".join(sels))) for pat, sels in options.per_resource_ignores.items()]
        #: path -> list of [line, codes, used, col, file-wide]
        self.comments: dict[str, list[list[Any]]] = {}
        self.bad: list[tuple[str, Span, str]] = []

    def _codes(self, raw: str) -> set[str]:
        out: set[str] = set()
        for part in raw.split(","):
            part = part.strip()
            if part:
                try:
                    out |= self.registry.resolve(part)
                except Exception:  # noqa: BLE001 - unknown code in a comment
                    out.add(part.upper())
        return out

    def scan(self, doc: Document) -> None:
        if doc.fmt != "yaml" or "ecslint:" not in doc.text:
            return
        entries = []
        for lineno, line in enumerate(doc.text.splitlines(), 1):
            if "ecslint:" not in line:
                continue
            for m in _COMMENT.finditer(line):
                span = Span(lineno, m.start() + 1, lineno, m.end() + 1)
                if m.group(2) is None or not m.group(2).strip():
                    self.bad.append(
                        (doc.path, span, "a suppression comment must name the codes it ignores, e.g. '# ecslint: ignore[ECS104]'")
                    )
                    continue
                only_comment = line[: m.start()].strip() == ""
                entries.append([lineno, self._codes(m.group(2)), set(), span, m.group(1) == "file-ignore", only_comment])
        if entries:
            self.comments[doc.path] = entries

    def suppressed(self, d: Diagnostic, resource: Resource | None) -> bool:
        code = d.code
        for entry in self.comments.get(d.location.path, ()):
            line, codes, used, _span, file_wide, only_comment = entry
            if code not in codes:
                continue
            if file_wide or line == d.location.span.line or (only_comment and line == d.location.span.line - 1):
                used.add(code)
                return True
        if resource is not None:
            ignored = resource.meta.get("ignore")
            if ignored and code in self._codes(",".join(map(str, ignored))):
                resource.meta.setdefault("ignore_used", set()).add(code)
                return True
        for pattern, codes in self._per_file:
            if code in codes and _path_match(d.location.path, pattern):
                return True
        if d.location.logical:
            for pattern, codes in self._per_resource:
                if code in codes and fnmatch.fnmatchcase(d.location.logical, pattern):
                    return True
        return False

    def unused(self, active: set[str]) -> Iterator[tuple[str, Span, str]]:
        for path, entries in self.comments.items():
            for _line, codes, used, span, _fw, _oc in entries:
                for code in sorted((codes & active) - used):
                    yield path, span, f"unused suppression of {code}: nothing is reported here"
                for code in sorted(c for c in codes if c not in self.registry):
                    yield path, span, f"suppression names an unknown rule code {code!r}"


def _path_match(path: str, pattern: str) -> bool:
    p = path.replace(os.sep, "/")
    return fnmatch.fnmatch(p, pattern) or fnmatch.fnmatch(os.path.basename(p), pattern) or fnmatch.fnmatch(p, "*/" + pattern)


# --------------------------------------------------------------------------------- running rules
_TF_TEXT: dict[str, list[str] | None] = {}


def _tf_location(resource: Resource, src: tuple[Any, ...]) -> Span | None:
    """The line of a Terraform attribute in its .tf resource block (or the block's first line)."""
    path, block_line = resource.meta["tf_block"]
    if path not in _TF_TEXT:
        try:
            with open(path, encoding="utf-8", errors="replace") as fh:
                _TF_TEXT[path] = fh.read().splitlines()
        except OSError:
            _TF_TEXT[path] = None
    lines = _TF_TEXT[path]
    if lines is None or not 0 < block_line <= len(lines):
        return None
    attrs = [p for p in src[src.index("values") + 1 :] if isinstance(p, str)] if "values" in src else []
    depth, end = 0, len(lines)
    for i in range(block_line - 1, len(lines)):
        depth += lines[i].count("{") - lines[i].count("}")
        if depth <= 0 and i > block_line - 1:
            end = i + 1
            break
    for attr in reversed(attrs):
        pat = re.compile(r"^(\s*)" + re.escape(attr) + r"\s*(=|\{)")
        for i in range(block_line, end):
            m = pat.match(lines[i])
            if m:
                col = len(m.group(1)) + 1
                return Span(i + 1, col, i + 1, col + len(attr), attr != (attrs[-1] if attrs else None))
    text = lines[block_line - 1]
    return Span(block_line, 1, block_line, len(text) + 1, bool(attrs))


def _resolve(meta: RuleMeta, resource: Resource, f: Finding, severity: Severity) -> Diagnostic:
    target = f.resource or resource
    span = target.span(f.pointer, f.target)
    src, _approx = target.source(f.pointer)
    related = tuple(
        Location(r.resource.document.path, r.resource.span(r.pointer, r.target), r.resource.name, r.resource.logical_kind, r.message)
        for r in f.related
    )
    location = Location(target.document.path, span, target.name, target.logical_kind)
    if "tf_block" in target.meta:
        # Point at the .tf source the user edits; the plan position stays as a related location.
        tf_span = _tf_location(target, src)
        if tf_span is not None:
            related = (Location(target.document.path, span, target.name, target.logical_kind, "the planned value"), *related)
            location = Location(target.meta["tf_block"][0], tf_span, target.name, target.logical_kind)
    return Diagnostic(
        code=meta.code,
        name=meta.name,
        message=f.message,
        severity=Severity(f.severity) if f.severity else severity,
        location=location,
        source_pointer=src,
        related=related,
    )


def _severity(meta: RuleMeta, options: Options) -> Severity:
    over = options.severity.get(meta.code)
    return Severity(over) if over else meta.severity


Produced = list[tuple[str, Diagnostic, "int | None"]]


def _lint(
    resources: Iterable[Resource],
    by_kind: dict[str, list[RuleMeta]],
    registry: Registry,
    options: Options,
    index: dict[int, int],
) -> Produced:
    """Run the rules on resources: (code, diagnostic, index of the resource it belongs to)."""
    out: Produced = []
    for resource in resources:
        for meta in by_kind.get(resource.kind, ()):
            severity = _severity(meta, options)
            try:
                for finding in meta.check(resource):  # type: ignore[misc]  # by_kind holds rules with a check
                    owner = finding.resource or resource
                    out.append((meta.code, _resolve(meta, resource, finding, severity), index.get(id(owner))))
            except Exception as exc:  # noqa: BLE001 - a rule bug is reported, never a traceback
                internal = registry.get(INTERNAL_ERROR)
                if internal is None:
                    raise
                where = traceback.extract_tb(exc.__traceback__)[-1]
                d = Diagnostic(
                    INTERNAL_ERROR,
                    internal.name,
                    f"rule {meta.code} ({meta.name}) failed on {resource.kind} {resource.name}: {type(exc).__name__}: {exc} "
                    f"at {os.path.basename(where.filename)}:{where.lineno}; please report it",
                    internal.severity,
                    Location(resource.document.path, resource.span(()), resource.name, resource.logical_kind),
                )
                out.append((INTERNAL_ERROR, d, None))
    return out


#: Runs with at least this many files use a second process for the rules (when the OS can fork).
PARALLEL_MIN_FILES = 40


def _jobs(options: Options, nfiles: int) -> int:
    if options.jobs is not None:
        return max(1, options.jobs)
    import multiprocessing

    if nfiles < PARALLEL_MIN_FILES or "fork" not in multiprocessing.get_all_start_methods():
        return 1
    return min(2, os.cpu_count() or 1)


def _partition(project: Any, jobs: int) -> list[list[int]]:
    """Split the resources into ``jobs`` batches without cutting a link: resources of one document,
    a task definition with its services, roles and policies, a service with its cluster, and the
    services of one folder (Service Connect names are compared across them) stay together."""
    from ecslint.project import Role, Service, TaskDefinition

    resources = project.resources
    parent = list(range(len(resources)))
    index = {id(r): i for i, r in enumerate(resources)}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    def union(a: Any, b: Any) -> None:
        ia, ib = index.get(id(a)), index.get(id(b))
        if ia is not None and ib is not None:
            parent[find(ia)] = find(ib)

    first_of_doc: dict[int, Resource] = {}
    services_by_dir: dict[str, Resource] = {}
    for r in resources:
        union(r, first_of_doc.setdefault(id(r.document), r))
        if isinstance(r, TaskDefinition):
            for role in (r.execution_role, r.task_role):
                if role is not None:
                    union(r, role)
        elif isinstance(r, Service):
            for other in (r.task_definition, r.cluster):
                if other is not None:
                    union(r, other)
            union(r, services_by_dir.setdefault(os.path.dirname(r.document.abspath), r))
        elif isinstance(r, Role):
            for pol in r.policies:
                origin = pol.origin
                if isinstance(origin, tuple) and origin and isinstance(origin[0], Resource):
                    union(r, origin[0])
    groups: dict[int, list[int]] = {}
    for i in range(len(resources)):
        groups.setdefault(find(i), []).append(i)
    batches: list[list[int]] = [[] for _ in range(jobs)]
    for group in sorted(groups.values(), key=len, reverse=True):
        min(batches, key=len).extend(group)
    return [b for b in batches if b]


_WORK: Any = None


def _work(batch: list[int]) -> tuple[Produced, list[tuple[int, str, str]]]:
    project, by_kind, registry, options, index = _WORK
    before = len(project.unresolved)
    produced = _lint([project.resources[i] for i in batch], by_kind, registry, options, index)
    unresolved = [(index[id(o)], what, value) for o, what, value in project.unresolved[before:]]
    return produced, unresolved


def _lint_parallel(
    project: Any, by_kind: dict[str, list[RuleMeta]], registry: Registry, options: Options, batches: list[list[int]],
    index: dict[int, int],
) -> tuple[Produced, list[tuple[Resource, str, str]]]:
    """Run the rules in forked processes (they inherit the loaded project; only findings travel back)."""
    import multiprocessing

    import gc
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool

    global _WORK
    _WORK = (project, by_kind, registry, options, index)
    # Objects that exist now are never collected in the workers: freezing them keeps the collector
    # from walking (and so copying) the whole inherited heap in each forked process.
    gc.freeze()
    try:
        # An executor (unlike multiprocessing.Pool) notices a worker that dies and raises instead of
        # waiting for it forever; the rules then run here, in this process.
        with ProcessPoolExecutor(len(batches), mp_context=multiprocessing.get_context("fork")) as pool:
            results = list(pool.map(_work, batches))
    except (BrokenProcessPool, OSError):
        results = [_work(batch) for batch in batches]
    finally:
        _WORK = None
        gc.unfreeze()
    produced: Produced = []
    unresolved: list[tuple[Resource, str, str]] = []
    for p, u in results:
        produced.extend(p)
        unresolved.extend((project.resources[i], what, value) for i, what, value in u)
    return produced, unresolved


def run(
    files: Iterable[tuple[str, bytes, bool]],
    registry: Registry,
    kinds: Sequence[DocumentKind],
    options: Options,
    *,
    loaded: list[Loaded] | None = None,
) -> Report:
    """Lint the given (path, bytes, named explicitly) files as one project."""
    from ecslint.project import Project

    report = Report(root=os.path.abspath(options.root or "."))
    loads = loaded if loaded is not None else [load_document(p, b, kinds, options, e) for p, b, e in files]
    loads.sort(key=lambda ld: ld.path)  # the same files in any order give the same report
    rules = select_rules(registry, options)
    active = {m.code for m in rules}
    sup = Suppressions(registry, options)
    resources: list[Resource] = []
    for ld in loads:
        report.files.append(ld.result)
        if ld.result.skipped:
            report.notes.append(f"{ld.path}: skipped ({ld.result.skipped})")
        elif ld.document is not None:
            sup.scan(ld.document)
            resources.extend(ld.document.resources)
    project = Project(resources)

    diagnostics: list[Diagnostic] = []
    by_kind: dict[str, list[RuleMeta]] = {}
    for meta in rules:
        if meta.check is None:
            continue
        for kind in meta.applies_to:
            by_kind.setdefault(kind, []).append(meta)

    def emit(meta: RuleMeta, d: Diagnostic, resource: Resource | None) -> None:
        if sup.suppressed(d, resource):
            return
        diagnostics.append(d)
        report.rules[meta.code] = meta

    for ld in loads:
        for code, span, message in ld.problems:
            meta = registry.get(code)
            if meta is None:
                continue
            if code not in active and code not in (PARSE_ERROR, INTERNAL_ERROR):
                continue
            d = Diagnostic(code, meta.name, message, _severity(meta, options), Location(ld.path, span), ())
            emit(meta, d, None)

    index = {id(r): i for i, r in enumerate(project.resources)}
    jobs = _jobs(options, len(loads))
    if jobs > 1:
        batches = _partition(project, jobs)
        produced, unresolved = _lint_parallel(project, by_kind, registry, options, batches, index)
        project.unresolved.extend(unresolved)
    else:
        produced = _lint(project.resources, by_kind, registry, options, index)
    for code, d, ridx in produced:
        meta = registry.get(code)
        if meta is None:
            continue
        if code == INTERNAL_ERROR:
            diagnostics.append(d)
            report.rules[code] = meta
        else:
            emit(meta, d, project.resources[ridx] if ridx is not None else None)

    # Unused suppressions (YAML comments and CloudFormation Metadata).
    unused_meta = registry.get(UNUSED_SUPPRESSION)
    if unused_meta is not None and UNUSED_SUPPRESSION in active:
        for path, span, message in [*sup.unused(active), *sup.bad]:
            emit(unused_meta, Diagnostic(unused_meta.code, unused_meta.name, message, _severity(unused_meta, options), Location(path, span)), None)
        for resource in project.resources:
            ignored = resource.meta.get("ignore")
            if not ignored:
                continue
            used = resource.meta.get("ignore_used", set())
            for code in sorted(sup._codes(",".join(map(str, ignored))) & active - used - {UNUSED_SUPPRESSION}):
                ptr = resource.meta.get("ignore_pointer", resource.base)
                d = Diagnostic(
                    unused_meta.code,
                    unused_meta.name,
                    f"unused suppression of {code} in the Metadata of {resource.name}: nothing is reported there",
                    _severity(unused_meta, options),
                    Location(resource.document.path, resource.document.span(ptr), resource.name, resource.logical_kind),
                )
                emit(unused_meta, d, None)

    for origin, what, value in project.unresolved:
        report.notes.append(f"{origin.document.path}: {origin.kind} {origin.name}: {what} {value} is not in this run; checks that need it were skipped")

    diagnostics.sort(key=Diagnostic.sort_key)
    # One diagnostic per (place, code, message): a rule that reaches the same node twice reports once.
    dedup: list[Diagnostic] = []
    seen: set[tuple[Any, ...]] = set()
    for d in diagnostics:
        key = d.sort_key() + (d.location.span.end_line, d.location.span.end_col)
        if key not in seen:
            seen.add(key)
            dedup.append(d)
    report.diagnostics = dedup
    report.rules = {k: report.rules[k] for k in sorted(report.rules)}
    report.notes = sorted(set(report.notes))
    return report
