"""The whole pipeline, in one place: from articles to a brief.

Each stage is a module of plain functions over :mod:`newsfuse.models`; this file only calls
them in order. Read :func:`fuse` top to bottom to know what newsfuse does.
"""

from __future__ import annotations

import gc
import logging
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager

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
    step("summary")
    summary = summarize.summarize(
        usable, sentences, syndication.with_quoted(copies), words=words, settings=settings.summary
    )
    # one outlet is one witness
    families = syndication.independent(usable, copies, settings=settings.syndication)
    step("entities")
    named = entities.entities(usable, families)
    aside = event.off_topic(usable, named, settings.event)
    happened = event.infer(usable, sentences, families, named, settings=settings.event, aside=aside)
    step("dates")
    dated = dates.in_articles(usable, sentences, happened.date, aside)
    step("quotes")
    said = quotes.quotes(usable, sentences, families, settings=settings.quotes)
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
