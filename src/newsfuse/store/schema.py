"""The store's tables, its schema version and the migrations that get a database to it.

Tables are SQLAlchemy Core objects, so one definition serves SQLite and PostgreSQL. The
database records the version it is at (``newsfuse_schema``); opening a store applies, in one
transaction, every migration after that version. To change the schema: freeze the current
definitions a migration needs inside it, then append a migration; never edit an old one.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import sqlalchemy as sa


class Text(sa.TypeDecorator[str]):
    """TEXT without NUL characters: PostgreSQL refuses one in text (a DataError on an insert,
    a lookup or a search holding one: a JSONL "\\u0000", a URL's %00), SQLite takes it. Each
    is written and compared as U+FFFD on both databases (as the readers write a lone
    surrogate), so both store the same and a lookup by the id as given still finds it."""

    impl = sa.Text
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: sa.Dialect) -> Any:
        return value.replace("\x00", "\ufffd") if isinstance(value, str) else value


metadata = sa.MetaData()

schema_version = sa.Table(
    "newsfuse_schema",
    metadata,
    sa.Column("version", sa.Integer, nullable=False),
)

articles = sa.Table(
    "articles",
    metadata,
    # Insertion order: briefs read an event's articles in this order, so they do not depend
    # on how a database happens to return rows.
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
    sa.Column("id", Text, nullable=False, unique=True),  # the id `read` gave it
    sa.Column("url", Text, index=True),
    sa.Column("origin", Text, index=True),  # file (and line) or the URL as requested
    sa.Column("hash", sa.String(64), nullable=False, unique=True),  # of the clean text's words
    sa.Column("title", Text),
    sa.Column("source", Text),
    sa.Column("published", sa.Date),
    sa.Column("published_from", sa.String(16)),
    sa.Column("language", sa.String(16)),
    sa.Column("text", Text, nullable=False),  # as read: fuse cleans it again, identically
    sa.Column("clean_text", Text, nullable=False),
    sa.Column("removed_lines", Text, nullable=False),  # JSON list of {"text", "reason"}
    sa.Column("feats", Text, nullable=False),  # JSON: the grouper's features of the article
    sa.Column("event_id", Text, nullable=False, index=True),
    sa.Column("added", sa.DateTime, nullable=False),  # UTC
)


def _event_columns_v1() -> list[sa.Column[Any]]:
    """The events table's columns at version 1 (new objects each call: a Column belongs to
    one Table)."""
    return [
        sa.Column("id", Text, primary_key=True),
        sa.Column("title", Text),
        sa.Column("date", sa.Date),
        sa.Column("place", Text),
        sa.Column("independent_sources", sa.Integer),
        sa.Column("conflicts", sa.Integer),
        # Only ever grows: a brief computed from n articles is current iff the event still has n.
        sa.Column("n_articles", sa.Integer, nullable=False),
        sa.Column("created", sa.DateTime, nullable=False),
        sa.Column("updated", sa.DateTime, nullable=False),
        sa.Column("dirty", sa.Boolean, nullable=False, index=True),  # brief older than articles
    ]


events = sa.Table(
    "events",
    metadata,
    *_event_columns_v1(),
    # The latest publication date of its articles, kept on add: an undated event sorts and
    # filters by it without a scan of every article per listing (v2).
    sa.Column("latest", sa.Date),
)

briefs = sa.Table(
    "briefs",
    metadata,
    sa.Column("event_id", Text, primary_key=True),
    sa.Column("brief", Text, nullable=False),  # Brief JSON
    sa.Column("version", sa.Integer, nullable=False),  # 1, 2, ... each time it is recomputed
    sa.Column("n_articles", sa.Integer, nullable=False),
    sa.Column("updated", sa.DateTime, nullable=False),
)


def _grouping_state_columns_v3() -> list[sa.Column[Any]]:
    return [
        sa.Column("key", Text, nullable=False),  # the grouper's state_key (code, settings)
        sa.Column("seq", sa.Integer, nullable=False),  # it holds the articles up to this seq
        sa.Column("state", Text, nullable=False),  # JSON: EventGrouper.state()
        sa.Column("saved", sa.DateTime, nullable=False),  # UTC
    ]


# The grouper's learned state, saved now and then (StoreSettings.grouping_state_every): a
# process opening the store loads it and replays only the articles added after it, instead of
# every article's features (v3). One row; an optimisation only: without it, all are replayed.
grouping_state = sa.Table("grouping_state", metadata, *_grouping_state_columns_v3())


def _grouping_passes_columns_v4() -> list[sa.Column[Any]]:
    return [
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("seq", sa.Integer, nullable=False),  # it covered the articles up to this seq
        sa.Column("moved", sa.Integer, nullable=False),  # how many articles it moved
        sa.Column("at", sa.DateTime, nullable=False),  # UTC
    ]


def _event_redirects_columns_v4() -> list[sa.Column[Any]]:
    return [
        sa.Column("old_id", Text, primary_key=True),  # an event a pass emptied
        sa.Column("new_id", Text, nullable=False),  # where its first article went
    ]


# The settling passes the store ran at the end of each add (StoreSettings.settle): the next
# pass covers the articles after the last one's seq, and a process whose grouper predates a
# pass that moved articles reloads it (v4).
grouping_passes = sa.Table("grouping_passes", metadata, *_grouping_passes_columns_v4())
# A link to an event a pass emptied (merged away) still finds its articles (v4).
event_redirects = sa.Table("event_redirects", metadata, *_event_redirects_columns_v4())


def _v1(conn: sa.Connection) -> None:
    """Articles, events and briefs (the tables as they were at version 1)."""
    frozen = sa.MetaData()
    articles.to_metadata(frozen).create(conn)
    sa.Table("events", frozen, *_event_columns_v1()).create(conn)
    briefs.to_metadata(frozen).create(conn)


def _v2(conn: sa.Connection) -> None:
    """events.latest: the latest publication date of each event's articles."""
    conn.execute(sa.text("ALTER TABLE events ADD COLUMN latest DATE"))
    conn.execute(
        sa.text(
            "UPDATE events SET latest = "
            "(SELECT max(published) FROM articles WHERE articles.event_id = events.id)"
        )
    )


def _v3(conn: sa.Connection) -> None:
    """grouping_state: the grouper's saved state."""
    sa.Table("grouping_state", sa.MetaData(), *_grouping_state_columns_v3()).create(
        conn, checkfirst=True
    )


def _v4(conn: sa.Connection) -> None:
    """grouping_passes and event_redirects: the store's settling passes."""
    frozen = sa.MetaData()
    sa.Table("grouping_passes", frozen, *_grouping_passes_columns_v4()).create(
        conn, checkfirst=True
    )
    sa.Table("event_redirects", frozen, *_event_redirects_columns_v4()).create(
        conn, checkfirst=True
    )


#: MIGRATIONS[i] takes a database from version i to i + 1.
MIGRATIONS: tuple[Callable[[sa.Connection], None], ...] = (_v1, _v2, _v3, _v4)
VERSION = len(MIGRATIONS)


def migrate(conn: sa.Connection) -> int:
    """Bring the database on ``conn`` (inside a write transaction) to :data:`VERSION`.

    Returns the version it was at (0 for a new database). Raises ``ValueError`` for a
    database made by a newer newsfuse, which this one must not write to.
    """
    inspector = sa.inspect(conn)
    if not inspector.has_table(schema_version.name):
        schema_version.create(conn)
        conn.execute(schema_version.insert().values(version=0))
    found = conn.execute(sa.select(schema_version.c.version)).scalar_one()
    if found > VERSION:
        raise ValueError(
            f"the store is at schema version {found}; this newsfuse knows up to {VERSION}: upgrade newsfuse"
        )
    for step in MIGRATIONS[found:]:
        step(conn)
    if found != VERSION:
        conn.execute(schema_version.update().values(version=VERSION))
    return int(found)
