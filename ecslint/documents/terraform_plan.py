"""Terraform plan JSON (placeholder until the plan adapter lands)."""
from __future__ import annotations

from typing import Any

from ecslint.documents.base import Document, DocumentKind, Resource


def detect(data: Any) -> bool:
    return isinstance(data, dict) and "format_version" in data and ("planned_values" in data or "resource_changes" in data)


def load(doc: Document) -> list[Resource]:
    return []


KINDS = [DocumentKind("terraform-plan", detect, load, 20, "Terraform plan JSON (terraform show -json)")]
