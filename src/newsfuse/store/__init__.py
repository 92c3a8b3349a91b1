"""The persistent store: articles, events and briefs (SQLite by default, PostgreSQL by URL).

The only package that talks to a database. Its public surface is :class:`Store` and its
errors; the tables and migrations are in ``schema.py``.
"""

from newsfuse.store.store import (
    Grouper,
    Store,
    StoreError,
    UnknownArticle,
    UnknownEvent,
    text_hash,
)

__all__ = ["Grouper", "Store", "StoreError", "UnknownArticle", "UnknownEvent", "text_hash"]
