"""The command line: argparse -> Options -> engine -> formatter.  No lint logic lives here.

Exit codes: 0 clean (or only notes), 1 one or more errors or warnings (parse errors included),
2 usage, configuration or internal error.
"""
from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from typing import IO, Any

from ecslint import __version__

__all__ = ["main"]

COMMANDS = ("check", "rules", "rule", "version")
FORMATS = ("full", "concise", "json", "json-lines", "github", "sarif")


def _csv(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="ecslint",
        description="A static policy linter for Amazon ECS task definitions, services, CloudFormation, "
        "Terraform plans and the IAM roles around them.",
        epilog="Commands: check [PATH ...] (the default), rules, rule CODE, version. "
        "Exit status: 0 clean, 1 findings, 2 usage or configuration error.",
    )
    p.add_argument("--version", action="store_true", help="print the version (with data and plugin versions) and exit")
    p.add_argument("--explain", metavar="CODE", help="explain a rule (code or name) and exit")
    p.add_argument("command", nargs="?", choices=COMMANDS, help=argparse.SUPPRESS)
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or directories to lint (default: .); - reads stdin")
    out = p.add_argument_group("output")
    out.add_argument("--output-format", "--format", dest="output_format", choices=FORMATS, help="output format (default: full)")
    out.add_argument("-o", "--output-file", metavar="FILE", help="write the report to FILE instead of stdout")
    out.add_argument("--statistics", action="store_true", help="print the number of findings per rule instead of the findings")
    out.add_argument("--exit-zero", action="store_true", help="exit 0 even when there are findings")
    out.add_argument("--color", choices=("auto", "always", "never"), default="auto", help="colored output (honours NO_COLOR / FORCE_COLOR)")
    out.add_argument("--sarif-category", metavar="ID", help="SARIF automationDetails.id (when several jobs upload to one repository)")
    out.add_argument("-q", "--quiet", action="store_true", help="print no notes on stderr")
    out.add_argument("-v", "--verbose", action="store_true", help="list every skipped file and unresolved reference")
    sel = p.add_argument_group("rule selection")
    sel.add_argument("--select", type=_csv, metavar="CODES", help="only these rules (codes, prefixes such as ECS2, names, or ALL)")
    sel.add_argument("--extend-select", type=_csv, metavar="CODES", default=[], help="add these rules to the selection")
    sel.add_argument("--ignore", type=_csv, metavar="CODES", default=[], help="leave these rules out")
    sel.add_argument("--extend-ignore", type=_csv, metavar="CODES", default=[], help=argparse.SUPPRESS)
    sel.add_argument("--preview", action="store_true", help="also run rules in preview")
    cfg = p.add_argument_group("configuration")
    cfg.add_argument("--config", metavar="FILE", help="use this configuration file (pyproject.toml or ecslint.toml)")
    cfg.add_argument("--isolated", action="store_true", help="ignore every configuration file")
    cfg.add_argument("--kind", metavar="KIND", help="treat every file as this input kind (see `ecslint rules --kinds`)")
    cfg.add_argument("--strict-kind", action="store_true", help="a file of no known kind is a finding (ECS004), not a note")
    cfg.add_argument("--stdin-filename", metavar="NAME", help="the name to report for input read from stdin")
    cfg.add_argument("--tf-source", metavar="DIR", help="where the Terraform configuration of a plan lives")
    cfg.add_argument("--exclude", type=_csv, metavar="PATTERNS", default=[], help="extra file or folder patterns to skip")
    cfg.add_argument("-j", "--jobs", type=int, metavar="N", help="processes for the rules (default: 2 when there are many files)")
    cfg.add_argument("--no-plugins", action="store_true", help="load the built-in rules only (also ECSLINT_DISABLE_PLUGIN_AUTOLOAD=1)")
    cfg.add_argument("--kinds", action="store_true", help=argparse.SUPPRESS)
    cfg.add_argument("--traceback", action="store_true", help="show the stack trace of an internal error")
    return p


def _split_command(argv: list[str]) -> list[str]:
    """``ecslint PATH`` is ``ecslint check PATH``: a command is recognised only as the first word."""
    if argv and argv[0] in COMMANDS:
        return argv
    return ["check", *argv]


def _version_text() -> str:
    from ecslint.provenance import data_versions

    lines = [f"ecslint {__version__}"]
    lines += [f"  {k}: {v}" for k, v in data_versions().items()]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    if args_list[:1] == ["--version"] or args_list == ["version"]:
        print(_version_text())
        return 0
    parser = _parser()
    try:
        args = parser.parse_intermixed_args(_split_command(args_list))
    except SystemExit as exc:  # argparse already printed the message
        return 0 if exc.code == 0 else 2
    try:
        return _dispatch(args, parser)
    except BrokenPipeError:
        # The reader went away (`ecslint ... | head`): not an error worth a traceback.
        try:
            sys.stdout = open(os.devnull, "w")  # noqa: SIM115
        except OSError:
            pass
        return 1
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001
        from ecslint.errors import EcslintError

        if getattr(args, "traceback", False):
            raise
        if isinstance(exc, EcslintError):
            print(f"ecslint: error: {exc}", file=sys.stderr)
        else:
            print(f"ecslint: internal error: {type(exc).__name__}: {exc} (run with --traceback and please report it)", file=sys.stderr)
        return 2


def _dispatch(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    from ecslint.errors import UsageError
    from ecslint.plugins import load_plugins

    if args.version:
        print(_version_text())
        return 0
    autoload = False if args.no_plugins else None
    plugins = load_plugins(autoload)
    if args.kinds:
        for k in plugins.kinds:
            print(f"{k.name:18} {k.description}")
        return 0
    if args.explain:
        return _explain(plugins.registry, args.explain, args.output_format)
    if args.command == "version":
        print(_version_text())
        return 0
    if args.command == "rules":
        return _list_rules(plugins.registry, args.output_format)
    if args.command == "rule":
        if not args.paths:
            raise UsageError("`ecslint rule` needs a rule code, e.g. `ecslint rule ECS201`")
        return _explain(plugins.registry, args.paths[0], args.output_format)
    return _check(args, plugins)


def _options(args: argparse.Namespace, config: dict[str, Any]) -> Any:
    from ecslint.options import DEFAULT_EXCLUDE, Options

    def tup(v: Any) -> tuple[str, ...]:
        return tuple(v or ())

    select = args.select if args.select is not None else config.get("select")
    return Options(
        select=tuple(select) if select is not None else None,
        extend_select=tup(config.get("extend-select")) + tup(args.extend_select),
        ignore=tup(config.get("ignore")) + tup(args.ignore),
        extend_ignore=tup(config.get("extend-ignore")) + tup(args.extend_ignore),
        preview=bool(args.preview or config.get("preview")),
        per_file_ignores={k: tuple(v) for k, v in config.get("per-file-ignores", {}).items()},
        per_resource_ignores={k: tuple(v) for k, v in config.get("per-resource-ignores", {}).items()},
        severity=dict(config.get("severity", {})),
        rule_options=dict(config.get("rules", {})),
        exclude=tuple(config.get("exclude", DEFAULT_EXCLUDE)),
        extend_exclude=tup(config.get("extend-exclude")) + tup(args.exclude),
        kind=args.kind,
        strict_kind=bool(args.strict_kind or config.get("strict-kind")),
        tf_source=args.tf_source or config.get("tf-source"),
        root=_repo_root(),
        jobs=args.jobs,
    )


def _repo_root() -> str:
    d = os.getcwd()
    while True:
        if os.path.exists(os.path.join(d, ".git")):
            return d
        parent = os.path.dirname(d)
        if parent == d:
            return os.getcwd()
        d = parent


def _read_inputs(paths: list[str], args: argparse.Namespace, options: Any) -> tuple[list[tuple[str, bytes, bool]], list[str]]:
    from ecslint.engine import discover

    found, missing = discover(paths, options)
    files: list[tuple[str, bytes, bool]] = []
    problems: list[str] = []
    for path, explicit in found:
        if path == "-":
            files.append((args.stdin_filename or "-", sys.stdin.buffer.read(), True))
            continue
        try:
            with open(path, "rb") as fh:
                files.append((path, fh.read(), explicit))
        except OSError as exc:
            problems.append(f"{path}: cannot read: {exc.strerror}")
    problems += [f"{p}: no such file or directory" for p in missing]
    return files, problems


def _check(args: argparse.Namespace, plugins: Any) -> int:
    from ecslint.config import find_config, load_config
    from ecslint.engine import run
    from ecslint.errors import UsageError

    config: dict[str, Any] = {}
    if not args.isolated:
        path = args.config or find_config()
        if path:
            config = load_config(path)
    elif args.config:
        raise UsageError("--config and --isolated cannot be used together")
    options = _options(args, config)
    known = {k.name for k in plugins.kinds}
    if options.kind and options.kind not in known:
        raise UsageError(f"unknown --kind {options.kind!r}; known kinds: {', '.join(sorted(known))}")
    for sel in (*(options.select or ()), *options.extend_select, *options.ignore):
        plugins.registry.resolve(sel)  # raises UsageError for an unknown selector
    for code, sev in options.severity.items():
        if code not in plugins.registry:
            raise UsageError(f"severity given for unknown rule {code}")
    files, problems = _read_inputs(args.paths or ["."], args, options)
    if problems and not files:
        for msg in problems:
            print(f"ecslint: error: {msg}", file=sys.stderr)
        return 2
    report = run(files, plugins.registry, plugins.kinds, options)
    report.version = __version__
    report.plugins = plugins.versions
    fmt = args.output_format or config.get("output-format") or "full"
    stream: IO[str]
    close = False
    if args.output_file:
        stream = open(args.output_file, "w", encoding="utf-8", newline="\n")  # noqa: SIM115
        close = True
    else:
        stream = sys.stdout
    try:
        if args.statistics:
            _statistics(report, stream)
        else:
            _formatter(fmt, plugins, args, stream).write(report, stream)
    finally:
        if close:
            stream.close()
    _notes(report, problems, args)
    if problems:
        return 2
    failing = any(d.severity.value in ("error", "warning") for d in report.diagnostics)
    return 0 if args.exit_zero or not failing else 1


def _formatter(name: str, plugins: Any, args: argparse.Namespace, stream: IO[str]) -> Any:
    cls = plugins.formatters[name]
    color = _use_color(args.color, stream)
    kwargs: dict[str, Any] = {"color": color}
    if name == "sarif" and args.sarif_category:
        kwargs["automation_id"] = args.sarif_category
    try:
        return cls(**kwargs)
    except TypeError:
        return cls()


def _use_color(mode: str, stream: IO[str]) -> bool:
    if mode == "always":
        return True
    if mode == "never" or os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def _statistics(report: Any, stream: IO[str]) -> None:
    counts: dict[str, int] = {}
    for d in report.diagnostics:
        counts[d.code] = counts.get(d.code, 0) + 1
    for code, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        meta = report.rules.get(code)
        print(f"{n:6}  {code}  {meta.name if meta else ''}", file=stream)


def _notes(report: Any, problems: list[str], args: argparse.Namespace) -> None:
    for msg in problems:
        print(f"ecslint: error: {msg}", file=sys.stderr)
    if args.quiet:
        return
    skipped = [n for n in report.notes if ": skipped (" in n]
    others = [n for n in report.notes if ": skipped (" not in n]
    if args.verbose:
        for n in report.notes:
            print(f"note: {n}", file=sys.stderr)
        return
    if skipped:
        print(f"note: {len(skipped)} file{'s' * (len(skipped) != 1)} skipped (not an ECS, CloudFormation, Terraform plan or IAM document); -v lists them", file=sys.stderr)
    if others:
        print(f"note: {len(others)} reference{'s' * (len(others) != 1)} to resources outside this run; checks that need them were skipped (-v lists them)", file=sys.stderr)


def _explain(registry: Any, code: str, fmt: str | None) -> int:
    from ecslint.errors import UsageError
    from ecslint.explain import explain_json, explain_text

    meta = registry.get(code)
    if meta is None:
        raise UsageError(f"unknown rule {code!r}; `ecslint rules` lists them")
    print(explain_json(meta) if fmt == "json" else explain_text(meta))
    return 0


def _list_rules(registry: Any, fmt: str | None) -> int:
    from ecslint.explain import rules_json

    if fmt == "json":
        print(rules_json(registry))
        return 0
    for m in registry:
        print(f"{m.code}  {m.name:40} {m.severity.value:8} {m.summary}")
    return 0
