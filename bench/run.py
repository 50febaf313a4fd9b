#!/usr/bin/env python3
"""Benchmark ecslint against cfn-lint on the same files, in the same run.

    python bench/run.py [--n 200] [--repeat 5]

Whole-process wall time (median of --repeat runs) and peak RSS (/usr/bin/time), for: 200 CloudFormation
templates in JSON and in YAML, one template cold, and ``--version``; ecslint alone on the same stacks
as raw task definition JSON and as Terraform plans.  It prints a Markdown table for the README.  It is a
benchmark, not a test: nothing fails on a number.
"""
from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import generate  # noqa: E402

TIME = "/usr/bin/time"


def measure(cmd: list[str], repeat: int) -> tuple[float, int]:
    """(median wall seconds, max peak RSS in KiB)."""
    walls, rss = [], []
    # Bytecode caching on (as after `pip install`, which compiles every module); one warm-up run.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run(cmd, capture_output=True, env=env)
    for _ in range(repeat):
        use_time = os.path.exists(TIME)
        full = [TIME, "-f", "%M"] + cmd if use_time else cmd
        t0 = time.perf_counter()
        proc = subprocess.run(full, capture_output=True, text=True, env=env)
        walls.append(time.perf_counter() - t0)
        if use_time:
            try:
                rss.append(int(proc.stderr.strip().splitlines()[-1]))
            except (ValueError, IndexError):
                pass
    return statistics.median(walls), max(rss) if rss else 0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--keep", help="write the corpus here and keep it")
    args = ap.parse_args()
    ecslint = [sys.executable, "-m", "ecslint", "check", "--isolated", "-q", "--output-format", "concise"]
    # The console script next to this interpreter (not a pyenv shim, which would add its own start-up).
    local = Path(sys.executable).parent / "cfn-lint"
    cfnlint_bin = str(local) if local.exists() else shutil.which("cfn-lint")
    cfnlint = [cfnlint_bin] if cfnlint_bin else None
    out = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="ecslint-bench-"))
    sets = generate(out, args.n)
    rows: list[tuple[str, float, int, float | None, int | None]] = []

    def both(label: str, files: list[Path], cfn: bool = True) -> None:
        e = measure(ecslint + [str(p) for p in files], args.repeat)
        c = measure(cfnlint + ["--"] + [str(p) for p in files], args.repeat) if cfn and cfnlint else (None, None)
        rows.append((label, e[0], e[1], c[0], c[1]))
        print(f"  {label}: ecslint {e[0]:.3f}s {e[1] / 1024:.0f} MiB" + (f"; cfn-lint {c[0]:.3f}s {c[1] / 1024:.0f} MiB" if c[0] else ""), file=sys.stderr)

    print(f"corpus: {out} ({args.n} stacks)", file=sys.stderr)
    both(f"{args.n} CloudFormation templates, JSON", sets["cfn-json"])
    both(f"{args.n} CloudFormation templates, YAML", sets["cfn-yaml"])
    both("1 CloudFormation template, YAML (cold)", sets["cfn-yaml"][:1])
    both(f"{args.n} task definitions + {args.n} services, raw JSON", sets["raw-json"], cfn=False)
    both(f"{args.n} Terraform plans", sets["tfplan"], cfn=False)
    v_e = measure([sys.executable, "-m", "ecslint", "--version"], args.repeat)
    v_c = measure(cfnlint + ["--version"], args.repeat) if cfnlint else (None, None)
    rows.append(("--version", v_e[0], v_e[1], v_c[0], v_c[1]))

    cpu = platform.processor() or platform.machine()
    print(f"Machine: {os.cpu_count()} cores, {cpu}, Python {platform.python_version()}; median of {args.repeat} runs, whole process.\n")
    print("| Input | ecslint | cfn-lint | speed-up | ecslint peak RSS | cfn-lint peak RSS |")
    print("| --- | --- | --- | --- | --- | --- |")
    for label, et, em, ct, cm in rows:
        ratio = f"{ct / et:.1f}x" if ct else "-"
        print(f"| {label} | {et:.3f} s | {f'{ct:.3f} s' if ct else '-'} | {ratio} | {em / 1024:.0f} MiB | {f'{cm / 1024:.0f} MiB' if cm else '-'} |")
    if not args.keep:
        shutil.rmtree(out, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
