"""Helpers for the linuxParameters rules."""
from __future__ import annotations

from typing import Any

from ecslint.project import TaskDefinition

#: KernelCapabilities values the API accepts (botocore KernelCapabilities documentation).
CAPABILITIES = frozenset(
    "ALL AUDIT_CONTROL AUDIT_WRITE BLOCK_SUSPEND CHOWN DAC_OVERRIDE DAC_READ_SEARCH FOWNER FSETID IPC_LOCK IPC_OWNER "
    "KILL LEASE LINUX_IMMUTABLE MAC_ADMIN MAC_OVERRIDE MKNOD NET_ADMIN NET_BIND_SERVICE NET_BROADCAST NET_RAW SETFCAP "
    "SETGID SETPCAP SETUID SYS_ADMIN SYS_BOOT SYS_CHROOT SYS_MODULE SYS_NICE SYS_PACCT SYS_PTRACE SYS_RAWIO "
    "SYS_RESOURCE SYS_TIME SYS_TTY_CONFIG SYSLOG WAKE_ALARM".split()
)
#: Listed for `add` by the 2023 developer guide only; accepted without a finding.
EXTRA_CAPABILITIES = frozenset({"AUDIT_READ"})


def linux_parameters(td: TaskDefinition) -> list[tuple[int, dict[str, Any]]]:
    """(container index, linuxParameters) for every container whose linuxParameters is an object."""
    return [(i, c["linuxParameters"]) for i, c in td.containers if isinstance(c.get("linuxParameters"), dict)]


def capability_lists(lp: dict[str, Any]) -> list[tuple[str, int, Any]]:
    """("add"|"drop", index, value) for each entry of capabilities.add/drop."""
    caps = lp.get("capabilities")
    out: list[tuple[str, int, Any]] = []
    if isinstance(caps, dict):
        for key in ("add", "drop"):
            values = caps.get(key)
            if isinstance(values, list):
                out.extend((key, j, v) for j, v in enumerate(values))
    return out
