"""The whole pipeline, in one place: from articles to a brief.

Each stage is a module of plain functions over :mod:`newsfuse.models`; this file only calls
them in order. Read :func:`fuse` top to bottom to know what newsfuse does.
"""

from __future__ import annotations

from collections.abc import Iterable

from newsfuse import brief, clean, dates, screen, segment, summarize, syndication
from newsfuse.models import Article, Brief, Skipped

DEFAULT_WORDS = 120


def fuse(articles: Iterable[Article], words: int = DEFAULT_WORDS) -> Brief:
    """Fuse reports of one event into a brief whose summary fits in ``words`` words.

    ``articles`` is what :func:`newsfuse.read` returned, or any iterable of
    :class:`~newsfuse.models.Article`; inputs that ``read`` could not use (its ``skipped``)
    are carried into the brief.
    """
    skipped: list[Skipped] = list(getattr(articles, "skipped", []))
    cleaned = [dates.with_publication_date(clean.clean(a)) for a in articles]
    usable, rejected = screen.screen(cleaned)
    skipped += rejected
    sentences = {a.id: segment.sentences(a) for a in usable}
    families = syndication.families(usable)
    summary = summarize.summarize(usable, sentences, families, words=words)
    return brief.assemble(usable, families, summary, skipped, words=words)
