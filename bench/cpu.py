"""CPU seconds of the processes this one started, server and browser apart (Linux /proc)."""

from __future__ import annotations

import os
from pathlib import Path


def cpu_seconds() -> dict[int, tuple[bool, float]]:
    """CPU seconds so far of every process this one started, by pid: (is the server, seconds).

    Linux only (/proc); elsewhere empty. Tells how much of the machine the browser takes from
    the server it measures, when both share it.
    """
    proc = Path("/proc")
    parents: dict[int, int] = {}
    used: dict[int, float] = {}
    tick = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
    for entry in proc.glob("[0-9]*"):
        try:
            # Fields after the command name, which is in parentheses and may hold spaces.
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        parents[int(entry.name)] = int(fields[1])
        used[int(entry.name)] = (int(fields[11]) + int(fields[12])) / tick
    ours: dict[int, tuple[bool, float]] = {}
    for pid in used:
        ancestor = pid
        while ancestor in parents and ancestor not in (0, 1, os.getpid()):
            ancestor = parents[ancestor]
        if ancestor == os.getpid() and pid != os.getpid():
            try:
                command = (proc / str(pid) / "cmdline").read_bytes()
            except OSError:
                continue
            ours[pid] = (b"streamlit" in command, used[pid])
    return ours


def spent(
    before: dict[int, tuple[bool, float]], after: dict[int, tuple[bool, float]]
) -> dict[str, float]:
    """CPU seconds used between two cpu_seconds() readings, server and browser apart."""
    if not after:
        return {}
    spent = {"server": 0.0, "browser": 0.0}
    for pid, (is_server, seconds) in after.items():
        earlier = before.get(pid, (is_server, 0.0))[1]
        spent["server" if is_server else "browser"] += seconds - earlier
    return spent
