"""Adding articles from the web: Store.add in a thread, answered as soon as the articles are
stored in their events; the briefs that made stale are refreshed afterwards, in the
background, in a worker process.

Fusing an event's brief is CPU-bound Python (~0.1-2 s, a batch of 50 articles tens of
seconds); in the server's own process it would hold the interpreter lock against every
reader while it runs, and a POST waiting for it would wait that long. The worker (one
spawned process, started on the first refresh and kept warm with its models loaded, at a
lower CPU priority than the server) opens the same store and refreshes every stale brief
(``Store.refresh_stale``). Until a brief lands, readers see the previous one. A stale brief
is marked in the store itself (``events.dirty``, committed with the articles), so one that a
killed process left stale is refreshed when a server starts or on the next add; the store's
refresh lock keeps to one refresher at a time, however many server processes there are.
"""

from __future__ import annotations

import asyncio
import logging
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import TYPE_CHECKING

from fastapi.concurrency import run_in_threadpool

from newsfuse.models import AddReport, Article
from newsfuse.settings import Settings
from newsfuse.store import Store
from newsfuse.web.views import PageCache

if TYPE_CHECKING:
    import httpx

log = logging.getLogger(__name__)


def _refresh(job: tuple[str, Settings]) -> list[str]:
    """In the worker: refresh every stale brief of the store at ``location`` (module-level:
    pickled)."""
    location, settings = job
    with Store(location, settings=settings, create=False) as store:
        return store.refresh_stale()


def _lower_priority(nice: int) -> None:
    """The worker's initializer: readers' requests go first on a busy machine."""
    if nice > 0:
        os.nice(nice)


class Writer:
    """The app's one path for adding articles (the form and the API), and its one
    background refresher of stale briefs."""

    def __init__(
        self, store: Store, location: str | Path, pages: PageCache, *, in_worker: bool
    ) -> None:
        self.store = store
        self.pages = pages
        self.location = str(location)  # as given: the worker opens the same store
        self.in_worker = in_worker
        self._pool: ProcessPoolExecutor | None = None
        self._lock = threading.Lock()
        self._task: asyncio.Task[None] | None = None
        self._again = False

    async def add(
        self, sources: list[Article | str], transport: httpx.BaseTransport | None
    ) -> AddReport:
        """Store ``sources`` (each in its event) and answer; their briefs follow (refresh)."""
        report = await run_in_threadpool(
            self.store.add, sources, refresh=False, transport=transport
        )
        if report.count("new"):
            self.pages.drop_lists()
            self.refresh()
        return report

    def refresh(self) -> None:
        """Refresh the stale briefs in the background (again after the running refresh, if
        one runs: it may have looked before this add's articles were stored)."""
        if self._task is not None and not self._task.done():
            self._again = True
            return
        self._again = False
        self._task = asyncio.get_running_loop().create_task(self._refreshing())

    async def _refreshing(self) -> None:
        while True:
            try:
                done = await self._refresh_once()
                log.info("refreshed %d brief(s)", len(done))
            except Exception:  # logged; the briefs stay stale until the next add or start
                log.exception("refreshing the stale briefs failed")
            if not self._again:
                return
            self._again = False

    async def _refresh_once(self) -> list[str]:
        if not self.in_worker:
            return await run_in_threadpool(self.store.refresh_stale)
        try:
            job = (self.location, self.store.settings)
            return await asyncio.wrap_future(self._executor().submit(_refresh, job))
        except BrokenProcessPool:  # the worker died (killed, out of memory): do it here
            log.error("the refresh worker died; refreshing in the server process")
            self._drop()
            return await run_in_threadpool(self.store.refresh_stale)

    async def idle(self) -> None:
        """Wait for the background refresh, if one runs (tests, shutdown)."""
        while self._task is not None and not self._task.done():
            await asyncio.shield(self._task)

    def _executor(self) -> ProcessPoolExecutor:
        with self._lock:
            if self._pool is None:
                import multiprocessing

                # spawn: the worker shares nothing with the server (no inherited connections).
                self._pool = ProcessPoolExecutor(
                    1,
                    mp_context=multiprocessing.get_context("spawn"),
                    initializer=_lower_priority,
                    initargs=(self.store.settings.web.refresh_nice,),
                )
            return self._pool

    def _drop(self) -> None:
        with self._lock:
            pool, self._pool = self._pool, None
        if pool is not None:
            pool.shutdown(wait=False, cancel_futures=True)

    async def close(self) -> None:
        """Stop: a refresh in a thread is waited for (it uses the server's store); the
        worker is stopped, even mid-refresh: each brief is stored in its own transaction, and
        what it did not do stays stale, for the next start."""
        if self._task is not None and not self._task.done():
            if self.in_worker:
                self._task.cancel()
            else:
                await self.idle()
        with self._lock:
            pool = self._pool
        if pool is not None:
            for process in list(pool._processes.values()):  # else exit waits for its job
                process.terminate()
        self._drop()


__all__ = ["Writer"]
