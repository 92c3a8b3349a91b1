"""Event grouping: which articles of a stream report the same event.

The public surface::

    g = EventGrouper(settings.grouping, settings.features)
    feats = g.features(article)          # one cleaned article -> JSON-serialisable dict
    a = g.add(article_id, feats, published)   # -> Assignment(event_id, new)
    g.restore(rows)                      # (article_id, feats, published, event_id), stored order
    group(articles) -> list[list[Article]]    # batch: the same method fed in order

No SQL and no I/O here: the store persists features and assignments.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from newsfuse.events.extract import FEATURES_VERSION, Features, features
from newsfuse.events.grouper import Assignment, EventGrouper
from newsfuse.models import Article
from newsfuse.settings import DEFAULT, Settings

__all__ = [
    "FEATURES_VERSION",
    "Assignment",
    "EventGrouper",
    "Features",
    "features",
    "feed_order",
    "group",
]


def feed_order(articles: Iterable[Article]) -> list[Article]:
    """Articles in the order a stream would bring them: by publication date, input order among
    equal dates; undated articles after the dated ones, in input order."""
    indexed = list(enumerate(articles))
    indexed.sort(key=lambda ia: (ia[1].published is None, ia[1].published or dt.date.min, ia[0]))
    return [a for _, a in indexed]


def group(articles: Iterable[Article], settings: Settings | None = None) -> list[list[Article]]:
    """Group cleaned articles into events by feeding them to one :class:`EventGrouper` in
    :func:`feed_order`, then :meth:`EventGrouper.merge_small_events` and
    :meth:`EventGrouper.split_events`. Events come in the order they were opened, each in feed
    order (an article the second pass moved comes last)."""
    settings = settings or DEFAULT
    grouper = EventGrouper(settings.grouping, settings.features)
    ordered = feed_order(articles)
    feats = {article.id: features(article, settings.features) for article in ordered}
    for article in ordered:
        grouper.add(article.id, feats[article.id], article.published)
    grouper.merge_small_events()
    grouper.split_events(feats, {article.id: article.published for article in ordered})
    by_id = {article.id: article for article in ordered}
    return [[by_id[i] for i in members] for members in grouper.groups_]
