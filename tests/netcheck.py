"""Which TCP ports a process listens on, read from /proc (Linux): its socket inodes in LISTEN state."""

from __future__ import annotations

import os
from pathlib import Path

LISTEN = "0A"


def listening_ports(pid: int | None = None) -> set[tuple[str, int]]:
    """{(local address as in /proc/net/tcp*, port)} that ``pid`` (default: this process) listens on."""
    pid = os.getpid() if pid is None else pid
    inodes = set()
    for fd in Path(f"/proc/{pid}/fd").iterdir():
        try:
            target = os.readlink(fd)
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = set()
    for table in ("tcp", "tcp6"):
        path = Path(f"/proc/{pid}/net/{table}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            cols = line.split()
            if cols[3] == LISTEN and cols[9] in inodes:
                addr, port = cols[1].rsplit(":", 1)
                found.add((addr, int(port, 16)))
    return found
