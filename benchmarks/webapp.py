"""Shared by the web benchmarks: `newsfuse serve` in a subprocess on 127.0.0.1, and chromium.

The app runs in its own process, as a user runs it, so that the load generator or the browser
driver does not share its interpreter.
"""

from __future__ import annotations

import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

# Debian's chromium, never a downloaded build; no network of its own.
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_app(db: Path, *, startup_s: float = 120.0) -> Iterator[str]:
    """`newsfuse serve --db DB` on a free port; yield its base URL once it answers."""
    exe = Path(sys.executable).with_name("newsfuse")
    port = free_port()
    cmd = [str(exe), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile("w+") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + startup_s
            while True:
                if proc.poll() is not None:
                    log.seek(0)
                    tail = " | ".join(log.read().strip().splitlines()[-3:])
                    raise SystemExit(f"error: newsfuse serve exited {proc.returncode}: {tail}")
                try:
                    if httpx.get(f"{base}/api/v1/events?limit=1", timeout=5).status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                if time.monotonic() > deadline:
                    raise SystemExit(f"error: newsfuse serve did not answer in {startup_s:.0f} s")
                time.sleep(0.2)
            yield base
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
