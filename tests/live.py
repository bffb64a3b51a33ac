"""Start a real `kg serve` process (gunicorn) on a free loopback port, for tests that need one."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import requests


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Url(str):
    """The server's base URL, which also knows the server's process id."""

    pid: int


def descendants(pid: int) -> list[int]:
    """Process ids of every process below ``pid`` (from /proc)."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    out, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            out.append(child)
            todo.append(child)
    return out


def cpu_seconds(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += int(fields[11]) + int(fields[12])  # utime + stime, in clock ticks
    return total / os.sysconf("SC_CLK_TCK")


@contextmanager
def live_server(store: Path, workers: int = 2, **settings: str) -> Iterator[Url]:
    """The URL of a `kg serve` on ``store``; ``settings`` are KG_* environment variables."""
    port = free_port()
    env = {**os.environ, "KG_STORE": str(store), **settings}
    kg = Path(sys.executable).with_name("kg")
    process = subprocess.Popen([str(kg), "serve", "--port", str(port), "--workers", str(workers)], env=env,
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    url = Url(f"http://127.0.0.1:{port}")
    url.pid = process.pid
    try:
        for _ in range(150):
            try:
                if requests.get(url + "/health", timeout=1).ok:
                    break
            except requests.ConnectionError:
                if process.poll() is not None:
                    break
                time.sleep(0.1)
        else:
            raise RuntimeError("kg serve did not answer /health")
        if process.poll() is not None:
            raise RuntimeError("kg serve exited: " + (process.stdout.read() if process.stdout else ""))
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
