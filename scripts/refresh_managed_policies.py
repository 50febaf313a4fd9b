#!/usr/bin/env python3
"""Rebuild ``ecslint/data/aws-managed-policies.zip`` from a collection of AWS-managed policies.

Usage::

    python scripts/refresh_managed_policies.py SOURCE.json.gz [--output PATH]

``SOURCE`` (gzip-compressed or plain JSON) has the shape
``{"collected": "YYYY-MM-DD", "policies": {ARN: {"name", "path", "version", "document"}}}``,
one entry per AWS-managed policy with the document of its default version (the output of
IAM ``GetPolicyVersion``).  The output is a zip archive with one deflated member per policy,
named after its path and name (``service-role/AmazonECSTaskExecutionRolePolicy.json``, holding
``{"version", "document"}`` as minified JSON with sorted keys) and a ``_collected.txt`` member, so
that a lookup reads one small member instead of every policy.  Members are sorted and carry a fixed
timestamp: the same source always gives the same bytes.  Only the standard library is used.
"""
from __future__ import annotations

import argparse
import gzip
import io
import json
import re
import sys
from pathlib import Path
from typing import Any

DEFAULT_OUTPUT = Path(__file__).resolve().parent.parent / "ecslint" / "data" / "aws-managed-policies.zip"
_ARN = re.compile(r"^arn:aws:iam::aws:policy(/(?:[^/]+/)*)([^/]+)$")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _read(source: Path) -> Any:
    raw = source.read_bytes()
    if raw[:2] == b"\x1f\x8b":
        raw = gzip.decompress(raw)
    return json.loads(raw)


def build(data: Any) -> dict[str, Any]:
    """The compact form of a source collection; raises ValueError on a malformed source."""
    if not isinstance(data, dict) or not isinstance(data.get("policies"), dict):
        raise ValueError("source must be an object with a 'policies' object")
    collected = data.get("collected")
    if not isinstance(collected, str) or not _DATE.match(collected):
        raise ValueError(f"source 'collected' must be a YYYY-MM-DD date, not {collected!r}")
    policies: dict[str, Any] = {}
    for arn, entry in data["policies"].items():
        m = _ARN.match(arn)
        if m is None:
            raise ValueError(f"not an AWS-managed policy ARN: {arn!r}")
        if not isinstance(entry, dict):
            raise ValueError(f"{arn}: entry must be an object")
        name, version, document = entry.get("name"), entry.get("version"), entry.get("document")
        if isinstance(document, str):  # some collections keep the URL-decoded JSON text
            document = json.loads(document)
        if name != m.group(2):
            raise ValueError(f"{arn}: name {name!r} does not match the ARN")
        if not isinstance(version, str) or not isinstance(document, dict) or "Statement" not in document:
            raise ValueError(f"{arn}: needs a version string and a document with a Statement")
        policies[arn] = {"name": name, "version": version, "document": document}
    if not policies:
        raise ValueError("source has no policies")
    return {"collected": collected, "policies": policies}


def serialize(compact: dict[str, Any]) -> bytes:
    """Deterministic zip bytes: sorted members, fixed timestamps, deflate level 9."""
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        def put(name: str, text: str) -> None:
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            zf.writestr(info, text.encode("utf-8"), compresslevel=9)

        put("_collected.txt", compact["collected"])
        for arn in sorted(compact["policies"]):
            entry = compact["policies"][arn]
            member = arn[len("arn:aws:iam::aws:policy/") :] + ".json"
            body = {"version": entry["version"], "document": entry["document"]}
            put(member, json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False))
    return buf.getvalue()


def read_archive(raw: bytes) -> dict[str, Any]:
    """The compact form back from a serialized archive (for checks and round trips)."""
    import zipfile

    policies: dict[str, Any] = {}
    with zipfile.ZipFile(io.BytesIO(raw)) as zf:
        collected = zf.read("_collected.txt").decode("utf-8")
        for name in zf.namelist():
            if name.endswith(".json"):
                body = json.loads(zf.read(name))
                stem = name[: -len(".json")]
                policies["arn:aws:iam::aws:policy/" + stem] = {
                    "name": stem.rsplit("/", 1)[-1], "version": body["version"], "document": body["document"],
                }  # fmt: skip
    return {"collected": collected, "policies": policies}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("source", type=Path, help="collection of AWS-managed policies (.json or .json.gz)")
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT, help=f"default: {DEFAULT_OUTPUT}")
    args = parser.parse_args(argv)
    try:
        compact = build(_read(args.source))
    except (OSError, ValueError) as exc:
        print(f"refresh_managed_policies: {exc}", file=sys.stderr)
        return 1
    payload = serialize(compact)
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_bytes(payload)
    print(
        f"wrote {args.output}: {len(compact['policies'])} policies collected {compact['collected']}, "
        f"{len(payload)} bytes"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
