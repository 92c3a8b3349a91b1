"""Shared by the web benchmarks: `newsfuse serve` in a subprocess on 127.0.0.1, and chromium.

The app runs in its own process, as a user runs it, so that the load generator or the browser
driver does not share its interpreter.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager, suppress
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


# An older newsfuse's app as its `serve` ran it (one process, uvicorn's pure-Python h11
# parser, keep-alive 30 s), from its source tree on PYTHONPATH: the baseline of a change.
OLD_SERVE = (
    "import sys, uvicorn; from newsfuse.web import create_app; "
    "uvicorn.run(create_app(sys.argv[1]), host='127.0.0.1', port=int(sys.argv[2]), "
    "log_level='warning', http='h11', timeout_keep_alive=30)"
)


@contextmanager
def running_app(
    db: Path,
    *,
    startup_s: float = 300.0,
    workers: int | None = None,
    old_src: Path | None = None,
) -> Iterator[str]:
    """`newsfuse serve --db DB [--workers N]` on a free port (or, with ``old_src``, the app
    of the newsfuse source tree there, as its serve ran it); yield its base URL once it
    answers."""
    exe = Path(sys.executable).with_name("newsfuse")
    port = free_port()
    cmd = [str(exe), "serve", "--db", str(db), "--host", "127.0.0.1", "--port", str(port)]
    if workers is not None:
        cmd += ["--workers", str(workers)]
    env = None
    if old_src is not None:
        cmd = [sys.executable, "-c", OLD_SERVE, str(db), str(port)]
        env = {**os.environ, "PYTHONPATH": str(old_src)}
    base = f"http://127.0.0.1:{port}"
    with tempfile.TemporaryFile("w+") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
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
            settle(proc.pid, deadline)
            yield base
        finally:
            import psutil

            try:  # the server processes and the refresh worker with them
                tree = psutil.Process(proc.pid).children(recursive=True)
            except psutil.NoSuchProcess:
                tree = []
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
            for child in tree:
                with suppress(psutil.NoSuchProcess):
                    child.kill()


def settle(pid: int, deadline: float) -> None:
    """Wait until the server's processes are idle (their start-up, loading the models, is
    CPU-bound): one answering does not mean its siblings are up."""
    import psutil

    root = psutil.Process(pid)
    while time.monotonic() < deadline:
        try:
            procs = [root, *root.children(recursive=True)]
            before = sum(sum(p.cpu_times()[:2]) for p in procs)
            time.sleep(1.0)
            after = sum(sum(p.cpu_times()[:2]) for p in procs)
        except psutil.NoSuchProcess:  # one restarted: look again
            continue
        if after - before < 0.05:
            return
