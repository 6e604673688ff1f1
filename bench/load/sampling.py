"""CPU time and memory of server processes and their children, read from Linux's /proc."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROC = Path("/proc")
_TICK = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100


def _stat(pid: int) -> tuple[int, float] | None:
    """(parent pid, CPU seconds in user and kernel mode) of a process, None if it is gone."""
    try:
        # Fields after the command name, which is in parentheses and may hold spaces.
        fields = (PROC / str(pid) / "stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / _TICK


def _rss_kb(pid: int) -> int:
    try:
        for line in (PROC / str(pid) / "status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    except OSError:
        pass
    return 0


def family(roots: tuple[int, ...]) -> set[int]:
    """The processes `roots` and every descendant of theirs running now."""
    parents: dict[int, int] = {}
    for entry in PROC.glob("[0-9]*"):
        stat = _stat(int(entry.name))
        if stat is not None:
            parents[int(entry.name)] = stat[0]
    found = {pid for pid in roots if pid in parents}
    grew = True
    while grew:
        children = {pid for pid, parent in parents.items() if parent in found} - found
        found |= children
        grew = bool(children)
    return found


@dataclass(frozen=True)
class Reading:
    """CPU seconds so far and resident memory now, summed over a family of processes."""

    cpu_s: float
    rss_mb: float


def read(roots: tuple[int, ...]) -> Reading | None:
    """The servers' CPU and memory now; None where /proc is missing (not Linux)."""
    if not PROC.is_dir():
        return None
    pids = family(roots)
    cpu = sum(stat[1] for stat in map(_stat, pids) if stat is not None)
    rss = sum(_rss_kb(pid) for pid in pids)
    return Reading(cpu_s=cpu, rss_mb=rss / 1024)
