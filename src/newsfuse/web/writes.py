"""Adding articles from the web: Store.add in a thread, the briefs it makes stale refreshed
in a worker process.

Fusing an event's brief is CPU-bound Python (~0.1-2 s); in the server's own process it would
hold the interpreter lock against every reader while it runs. The worker (one spawned
process, started on the first add and kept warm with its models loaded) opens the same store
and refreshes the events the add touched; the server waits for it without blocking anyone,
so the answer still lists the briefs recomputed (as Store.add does), and readers see them
on their next request.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi.concurrency import run_in_threadpool

from newsfuse.models import AddReport, Article
from newsfuse.settings import Settings
from newsfuse.store import Store

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)


def _refresh(job: tuple[str, Settings, list[str] | None]) -> list[str]:
    """In the worker: refresh ``events`` (None: every stale one) of the store at
    ``location`` (module-level: pickled)."""
    location, settings, events = job
    with Store(location, settings=settings, create=False) as store:
        return store.refresh(events)


class Writer:
    """The app's one path for adding articles (the form and the API)."""

    def __init__(self, store: Store, location: str | Path, *, in_worker: bool) -> None:
        self.store = store
        self.location = str(location)  # as given: the worker opens the same store
        self.in_worker = in_worker
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()

    async def add(
        self, sources: list[Article | str], transport: httpx.BaseTransport | None
    ) -> AddReport:
        store = self.store
        if not self.in_worker:
            return await run_in_threadpool(store.add, sources, transport=transport)
        report = await run_in_threadpool(store.add, sources, refresh=False, transport=transport)
        if not report.count("new"):
            return report
        try:
            # Every stale brief, as Store.add(refresh=True) does: those of this add first.
            job = (self.location, store.settings, None)
            future = self._executor().submit(_refresh, job)
            refreshed = await asyncio.wrap_future(future)
        except BrokenProcessPool:  # the worker died (killed, out of memory): do it here
            log.error("the refresh worker died; refreshing in the server process")
            self._drop()
            refreshed = await run_in_threadpool(store.refresh)
        return report.model_copy(update={"refreshed": tuple(refreshed)})

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                import multiprocessing

                # spawn: the worker shares nothing with the server (no inherited connections).
                self._pool = ProcessPoolExecutor(1, mp_context=multiprocessing.get_context("spawn"))
            return self._pool

    def _drop(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    def close(self) -> None:
        self._drop()


__all__ = ["Writer"]
