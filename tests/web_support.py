"""Shared by the browser tests: the store they serve, uvicorn in a thread, a watched page."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
KAESONG = ROOT / "examples" / "kaesong"
WAITROSE = ROOT / "tests" / "fixtures" / "events" / "ecb_14_waitrose_fires.jsonl"
# Held out of the store, pasted into the add form: it must join the Waitrose event.
HELD_OUT_ID = "14_2ecbplus"


def waitrose_rows() -> list[dict[str, Any]]:
    with open(WAITROSE, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def held_out() -> dict[str, Any]:
    (row,) = (r for r in waitrose_rows() if r["id"] == HELD_OUT_ID)
    return row


def build_store(path: Path) -> Path:
    """Kaesong (5 reports, with a conflict) and three of the four Waitrose reports."""
    from newsfuse.store import Store

    rows = [r for r in waitrose_rows() if r["id"] != HELD_OUT_ID]
    jsonl = path.with_name("waitrose.jsonl")
    jsonl.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    with Store(path) as store:
        store.add([KAESONG, jsonl])
    return path


@contextmanager
def serve(app: Any) -> Iterator[str]:
    """Serve ``app`` with uvicorn on 127.0.0.1 (a free port) in a thread; yield its base URL."""
    import uvicorn

    config = uvicorn.Config(app, host="127.0.0.1", port=0, log_level="warning", lifespan="on")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.02)
    port = server.servers[0].sockets[0].getsockname()[1]
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextmanager
def watched_page(browser: Any, base_url: str, **context_options: Any) -> Iterator[Any]:
    """A page in a fresh context; console errors (a CSP violation, a failed load) and
    uncaught page errors are collected and fail the test at the end."""
    context = browser.new_context(base_url=base_url, **context_options)
    page = context.new_page()
    problems: list[str] = []

    def console(message: Any) -> None:
        # The browser asks for /favicon.ico on its own: a page does not link it.
        if message.type == "error" and not message.location.get("url", "").endswith("favicon.ico"):
            problems.append(message.text)

    page.on("console", console)
    page.on("pageerror", lambda e: problems.append(str(e)))
    try:
        yield page
    finally:
        context.close()
    assert not problems, problems
