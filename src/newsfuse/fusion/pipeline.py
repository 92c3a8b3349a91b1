"""The whole pipeline, in one place: from articles to a brief.

Each stage is a module of plain functions over :mod:`newsfuse.models`; this file only calls
them in order. Read :func:`fuse` top to bottom to know what newsfuse does.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsfuse.fusion import (
    brief,
    clean,
    dates,
    entities,
    event,
    facts,
    quotes,
    screen,
    segment,
    summarize,
    syndication,
    timeline,
)
from newsfuse.models import Article, Brief, Skipped
from newsfuse.settings import DEFAULT, Settings

DEFAULT_WORDS = 120


def fuse(
    articles: Iterable[Article], words: int = DEFAULT_WORDS, settings: Settings = DEFAULT
) -> Brief:
    """Fuse reports of one event into a brief whose summary fits in ``words`` words.

    ``articles`` is what :func:`newsfuse.read` returned, or any iterable of
    :class:`~newsfuse.models.Article`; inputs that ``read`` could not use (its ``skipped``)
    are carried into the brief. ``settings`` is the knob tree of :mod:`newsfuse.settings`.
    """
    skipped: list[Skipped] = list(getattr(articles, "skipped", []))
    cleaned = [dates.with_publication_date(clean.clean(a)) for a in articles]
    usable, rejected = screen.screen(cleaned)
    skipped += rejected
    sentences = {a.id: segment.sentences(a) for a in usable}
    copies = syndication.families(usable)
    summary = summarize.summarize(usable, sentences, copies, words=words, settings=settings.summary)
    families = syndication.independent(usable, copies)  # one outlet is one witness
    named = entities.entities(usable, families)
    happened = event.infer(usable, sentences, families, named)
    dated = dates.in_articles(usable, sentences, happened.date)
    said = quotes.quotes(usable, sentences, families)
    found, conflicts = facts.facts(
        usable, sentences, families, dated, happened, said, settings=settings.facts
    )
    entries = timeline.timeline(
        usable,
        sentences,
        families,
        happened.date,
        dated=dated,
        per_date=2,
        settings=settings.timeline,
    )
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
