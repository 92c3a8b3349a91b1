"""The whole pipeline, in one place: from articles to a brief.

Each stage is a module of plain functions over :mod:`newsfuse.models`; this file only calls
them in order. Read :func:`fuse` top to bottom to know what newsfuse does. Two stages whose
results are read late (the quotes, the summary) may be made in a second process meanwhile
(:class:`_Worker`, ``Settings.workers``): the brief is the same.
"""

from __future__ import annotations

import functools
import gc
import logging
import multiprocessing
import os
import signal
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from typing import Any

from newsfuse.fusion import (
    brief,
    clean,
    dates,
    entities,
    event,
    facts,
    nlp,
    phrases,
    quotes,
    screen,
    segment,
    summarize,
    syndication,
    text,
    timeline,
)
from newsfuse.models import Article, Brief, Skipped
from newsfuse.settings import DEFAULT, Settings

log = logging.getLogger(__name__)

DEFAULT_WORDS = 120


#: Called before each stage with (stage name, stages done, stages in all): a progress bar.
Progress = Callable[[str, int, int], None]
STAGES: tuple[str, ...] = tuple(
    "clean segment syndication summary entities dates quotes facts timeline".split()
)


def fuse(
    articles: Iterable[Article],
    words: int = DEFAULT_WORDS,
    settings: Settings = DEFAULT,
    progress: Progress | None = None,
) -> Brief:
    """Fuse reports of one event into a brief whose summary fits in ``words`` words.

    ``articles`` is what :func:`newsfuse.read` returned, or any iterable of
    :class:`~newsfuse.models.Article`; inputs that ``read`` could not use (its ``skipped``)
    are carried into the brief. ``settings`` is the knob tree of :mod:`newsfuse.settings`;
    ``progress``, if given, is told as each stage starts (see :data:`Progress`).
    """
    with _fewer_collections(settings.young_gc_threshold), nlp.one_blas_thread():
        try:
            return _fuse(articles, words, settings, _steps(progress))
        finally:
            # The stages share one brief's tokenised sentences (and what is read of each); the
            # next brief has other ones (kept, they were 44 MB after the 50 DUC clusters, and
            # grow in a server). Let go before the collector's threshold is restored: its next
            # collections then do not scan them (5.5 -> 1.6 ms a DUC brief).
            for cache in _PER_BRIEF:
                cache.cache_clear()


def _fuse(
    articles: Iterable[Article], words: int, settings: Settings, step: Callable[[str], None]
) -> Brief:
    """The stages of :func:`fuse`, in order: each reads plain data and returns plain data."""
    skipped: list[Skipped] = list(getattr(articles, "skipped", []))
    step("clean")
    cleaned = [dates.with_publication_date(clean.clean(a, settings.clean)) for a in articles]
    usable, rejected = screen.screen(cleaned)
    skipped += rejected
    step("segment")
    sentences = {a.id: segment.sentences(a) for a in usable}
    step("syndication")
    copies = syndication.families(usable)
    families = syndication.independent(usable, copies, settings=settings.syndication)
    step("summary")
    # Two stages read only the articles, their sentences and families, and their results are
    # wanted late: with a worker (Settings.workers) they are made there, in this order, while
    # this process makes the rest, and each result is taken where the stage would run here.
    # (Not the entities: every stage after them reads them; made there, they were waited for.)
    stages = {
        "quotes": _Stage(quotes.quotes, usable, sentences, families, settings=settings.quotes),
        "summary": _Stage(
            summarize.summarize,
            usable,
            sentences,
            syndication.with_quoted(copies),
            words=words,
            settings=settings.summary,
        ),
    }
    apart = _WORKER.submit(list(stages.values()), sum(len(a.body) for a in usable), settings)
    made = dict(zip(stages, apart, strict=True)) if apart else stages
    summary = None if apart else made["summary"]()
    try:
        step("entities")
        named = entities.entities(usable, families)
        aside = event.off_topic(usable, named, settings.event)
        happened = event.infer(
            usable, sentences, families, named, settings=settings.event, aside=aside
        )
        step("dates")
        dated = dates.in_articles(usable, sentences, happened.date, aside)
        step("quotes")
        said = made["quotes"]()
        step("facts")
        # a page not about the event (another story's teaser, a product page) states no fact of it
        on_topic = [a for a in usable if a.id not in aside]
        found, conflicts = facts.facts(
            on_topic,
            {a.id: sentences[a.id] for a in on_topic},
            families,
            dated,
            happened,
            said,
            settings=settings.facts,
            entities=named,
            witnesses=settings.syndication,
        )
        step("timeline")
        entries = timeline.timeline(
            usable,
            sentences,
            families,
            happened.date,
            dated=dated,
            per_date=2,
            settings=settings.timeline,
        )
        step("done")  # logs the last stage's time
        if summary is None:
            summary = made["summary"]()
    except Exception:
        # its error first, as when it is made here (it is made first); not on Ctrl-C or exit,
        # which must not wait for the worker
        if apart:
            made["summary"]()
        raise
    return brief.assemble(
        usable,
        families,
        summary,
        skipped,
        words=words,
        event=happened,
        facts=found,
        conflicts=conflicts,
        timeline=entries,
        entities=named,
        quotes=said,
    )


# The caches of the stages keyed by a brief's sentences (or clauses), emptied after each brief.
_PER_BRIEF = (
    text.word_stems,
    text._content_stems,
    summarize._concepts,
    dates._mentions,
    dates._scan,
    facts._datelines,
    facts._done_in,
    phrases._full_slot,
    quotes._pieces,
    quotes._tokens,
    syndication.body_shingles,
)


class _Stage:
    """One stage's call, made later, here or in the worker (pickled: a module's function and
    plain data)."""

    def __init__(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> None:
        self.function, self.args, self.kwargs = function, args, kwargs

    def __call__(self) -> Any:
        return self.function(*self.args, **self.kwargs)


def _in_worker(stage: _Stage, young_gc_threshold: int, last: bool) -> Any:
    """A stage as :func:`fuse` runs it, in the worker (module-level: pickled by name). The
    per-brief caches are emptied after the brief's last stage, as :func:`fuse` empties them."""
    with _fewer_collections(young_gc_threshold), nlp.one_blas_thread():
        try:
            return stage()
        finally:
            if last:
                for cache in _PER_BRIEF:
                    cache.cache_clear()


@functools.cache
def _cores() -> int:
    """The cores a worker could run on beside this process: none in a process that is a
    worker of a pool itself (they are one per core already)."""
    if multiprocessing.parent_process() is not None:
        return 0
    usable = getattr(os, "sched_getaffinity", None)  # Linux: the cores this process may use
    cores = len(usable(0)) if usable is not None else os.cpu_count() or 1
    quota = _cgroup_cores()
    return cores if quota is None else min(cores, quota)


def _cgroup_cores(path: str = "/sys/fs/cgroup/cpu.max") -> int | None:
    """Whole cores of a container's cgroup v2 CPU quota (``quota period``, or ``max``: none).
    A container sees all the host's cores in its affinity mask, but the quota throttles its
    processes together: a worker beside the process would only share its time."""
    try:
        with open(path) as f:
            quota, period = f.read().split()[:2]
    except (OSError, ValueError):
        return None
    if quota == "max":
        return None
    try:
        return max(1, int(quota) // int(period))
    except (ValueError, ZeroDivisionError):
        return None


def _core_idle(settings: Settings) -> bool:
    """Whether a second core is there and, by the load average, idle enough for the worker.

    On a busy machine the worker only adds its CPU (its own model, stages' work that the
    process would have shared with the next stage): the process and its worker share one
    core's worth of time (the kernel's autogroup) and the brief takes longer (DUC 2004 at load
    10: 1.1-1.3 s a brief here, 2.5-2.6 s with the worker)."""
    cores = _cores()
    if cores < 2:
        return False
    try:
        load = os.getloadavg()[0]
    except OSError:  # not known here: assume idle
        return True
    return load < settings.worker_max_load * cores


def _load_model() -> None:
    nlp.model()


def _in_worker_init() -> None:
    """The worker's start: Ctrl-C is the parent's to handle (the worker, in its process group,
    gets the SIGINT too, and would die mid-job with a traceback), and the worker exits when its
    parent dies, however (SIGKILL, the OOM killer: no shutdown tells it), not to hold its model
    as an orphan."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        parent.join()  # waits on the parent's sentinel: readable once the parent is gone
        os._exit(1)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()


class _Worker:
    """One spawned process that makes some stages of a brief while :func:`fuse` makes the rest.

    The summary and the quotes read only the articles, their sentences and families, and
    nothing reads them until late in the brief; made apart, most of their cost (a third of a
    brief's) is hidden on a second core. Started on the second brief that asks for it (``Settings.workers``; a process that
    makes one brief, the CLI, would load a second model for nothing, and wait at exit for it),
    with its model loaded once, and reused; until it is ready, and while it makes another
    brief's stages (the web app's threads), the stages are made here, so no brief waits for
    it. Not in a process that is itself a worker (the store's and the web app's refresh
    pools): those are already one per core. A stage's error is raised here as it is (it fails
    the brief as it does here); a worker that died is dropped and its stages made here.
    Closed at exit (concurrent.futures joins its process).
    """

    def __init__(self) -> None:
        # reentrant: close() cancels queued jobs under it, and a cancelled job calls _done
        self._lock = threading.RLock()
        self._pool: ProcessPoolExecutor | None = None
        self._ready: Future[None] | None = None
        self._busy = False
        self._job: Future[Any] | None = None  # the last it makes
        self._asked = 0  # briefs that could have used it

    def submit(self, stages: list[_Stage], chars: int, settings: Settings) -> list[_Apart] | None:
        """The ``stages`` of a brief of ``chars`` characters of text, being made in the worker
        in this order; None: make them here."""
        if settings.workers < 2 or chars > settings.worker_max_chars or not _core_idle(settings):
            return None
        with self._lock:
            self._asked += 1
            if self._pool is None:
                if self._asked < 2:
                    return None
                self._start()
            if self._busy or self._ready is None or not self._ready.done():
                return None
            if self._ready.exception() is not None:  # it could not load the model: never mind
                return None
            assert self._pool is not None
            threshold = settings.young_gc_threshold
            try:
                jobs = [
                    self._pool.submit(_in_worker, stage, threshold, i == len(stages) - 1)
                    for i, stage in enumerate(stages)
                ]
            except BrokenProcessPool:
                self._drop()
                return None
            self._busy, self._job = True, jobs[-1]
        jobs[-1].add_done_callback(self._done)
        return [_Apart(job, stage) for job, stage in zip(jobs, stages, strict=True)]

    def ready(self, timeout: float | None = None) -> bool:
        """Start the worker if needed and wait until it can take a brief's stages (tests)."""
        with self._lock:
            if self._pool is None:
                self._start()
            ready = self._ready
        assert ready is not None
        wait([ready], timeout)
        return ready.done() and ready.exception() is None

    def close(self, wait: bool = False) -> None:
        """Stop the worker (the next brief that asks for one starts another); ``wait``: until
        its process has exited and been reaped (its rusage is then the parent's children's)."""
        with self._lock:
            self._drop(wait)

    def _start(self) -> None:
        # spawn: the worker shares nothing with this process (no inherited threads or locks).
        self._pool = ProcessPoolExecutor(
            1, mp_context=multiprocessing.get_context("spawn"), initializer=_in_worker_init
        )
        self._ready = self._pool.submit(_load_model)
        self._busy = False

    def _drop(self, wait: bool = False) -> None:
        pool, self._pool, self._ready = self._pool, None, None
        self._busy, self._job = False, None
        if pool is not None:
            pool.shutdown(wait=wait, cancel_futures=True)

    def _done(self, job: Future[Any]) -> None:
        with self._lock:
            if job is not self._job:  # of a worker closed since
                return
            self._busy, self._job = False, None
            if not job.cancelled() and isinstance(job.exception(), BrokenProcessPool):
                self._drop()


class _Apart:
    """A stage being made in the worker; called, its result, made here if the worker died."""

    def __init__(self, job: Future[Any], stage: _Stage) -> None:
        self._job, self._stage = job, stage

    def __call__(self) -> Any:
        try:
            return self._job.result()
        except (BrokenProcessPool, CancelledError):  # cancelled: the worker was closed
            log.warning("the worker died or was closed; making its stages here")
            return self._stage()


_WORKER = _Worker()


@contextmanager
def _fewer_collections(threshold: int) -> Iterator[None]:
    """Run the collector's young generation less often while a brief is made.

    A brief allocates millions of small, mostly long-lived objects (tokens, stems, spans); with
    the default threshold the collector rescans them again and again: about 8% of the CPU of
    800 reports. Only the threshold changes, never what is computed. Only raised, and restored
    only if nobody changed it since, so concurrent briefs (the web app's threads) never leave
    the process with a setting it did not have.
    """
    young, *older = gc.get_threshold()
    if young >= threshold:
        yield
        return
    gc.set_threshold(threshold, *older)
    try:
        yield
    finally:
        if gc.get_threshold()[0] == threshold:
            gc.set_threshold(young, *older)


def _steps(progress: Progress | None) -> Callable[[str], None]:
    """A function to call with each stage's name as it starts, counting the stages done; it
    also logs how long the stage before took (``newsfuse -v`` shows it)."""
    done = iter(range(len(STAGES)))
    last: list[tuple[str, float]] = []

    def step(name: str) -> None:
        n = next(done, len(STAGES) - 1)
        now = time.perf_counter()
        if last:
            log.info("fuse: %s took %.2f s", last[0][0], now - last[0][1])
        last[:] = [(name, now)]
        if progress is not None and name in STAGES:
            progress(name, n, len(STAGES))

    return step
